"""What a ratification seals, and whether what is on disk is still that.

When the Camat ratifies, the record keeps a seal: a SHA-256 digest of each file the period's
figures come from (its forms, evidence and, for the yearly period, the LKjIP's prose and the
quarters' forms it aggregates — not ``periode.yml``, the signed scan under ``arsip/``, or the
record itself) and the values the figures were computed with: each indicator's targets, polarity,
aggregation, formula and grade scale, the office's capaian rules, the programmes and their
ceilings, and a quarter's planned actions. All of it is plain text in the record.

The seal is made from the files as committed (a Git tree), so the same history always gives the
same seal. From then on a ratified period is measured against it (``ukur.tersegel``), and any
change to a sealed file is the error ``segel-rusak`` until it goes through ``kinerja revisi``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from kinerja.baca.pdf import kata_kunci
from kinerja.inti import lolos, tata
from kinerja.inti.angka import format_tanggal
from kinerja.inti.beku import beku
from kinerja.inti.model import (
    AksiSegel,
    AturanCapaian,
    IndikatorSegel,
    Kantor,
    Kategori,
    Periode,
    PerjanjianKinerja,
    ProgramSegel,
    RencanaAksi,
    Segel,
    Target,
    TempatPeriode,
)
from kinerja.inti.temuan import Lok
from kinerja.pengesahan.gudang import Gudang

# --- making the seal (at ratification) -----------------------------------------------------------

def sidik_pohon(g: Gudang, ref: str, folder: str) -> dict[str, str]:
    """Digest of each sealed file under a period folder, as committed at ``ref``."""
    hasil: dict[str, str] = {}
    for e in g.pohon(ref, folder):
        sisa = e.path.removeprefix(folder + "/")
        if e.jenis == "blob" and e.mode != "120000" and tata.tersegel(sisa) and \
                not tata.tersembunyi(sisa):
            hasil[sisa] = hashlib.sha256(g.objek(e.objek) or b"").hexdigest()
    return dict(sorted(hasil.items()))


def sidik_kerja(folder: Path) -> dict[str, str]:
    """Digest of each sealed file under a period folder, as it is on disk now (a link is never
    followed), in path order."""
    hasil: dict[str, str] = {}

    def jelajah(dalam: str, awalan: str) -> None:
        # one listing per folder: each entry knows its kind without a stat of its own
        try:
            with os.scandir(dalam) as daftar:
                isi = list(daftar)
        except OSError:
            return
        for e in isi:
            rel = awalan + e.name
            if e.is_symlink():
                continue
            if e.is_dir():
                jelajah(e.path, rel + "/")
            elif e.is_file() and tata.tersegel(rel) and not tata.tersembunyi(rel):
                try:
                    hasil[rel] = hashlib.sha256(Path(e.path).read_bytes()).hexdigest()
                except OSError:
                    hasil[rel] = ""

    jelajah(str(folder), "")
    return dict(sorted(hasil.items(), key=lambda x: x[0].split("/")))


def versi_pk(pk: PerjanjianKinerja) -> str:
    """The PK in force, in words: the original, or its latest amendment."""
    if not pk.perubahan:
        return f"Perjanjian Kinerja Tahun {pk.tahun} tanggal {format_tanggal(pk.tanggal)}"
    u = pk.perubahan[-1]
    nomor = f" nomor {u.nomor}" if u.nomor else ""
    return (f"Perjanjian Kinerja Perubahan ke-{len(pk.perubahan)} Tahun {pk.tahun} tanggal "
            f"{format_tanggal(u.tanggal)}{nomor}")


def buat(kantor: Kantor, pk: PerjanjianKinerja, kode: str, berkas: dict[str, str], commit: str,
         ra: RencanaAksi | None, triwulan: dict[str, dict[str, str]] | None = None) -> Segel:
    """The seal of a period ``kode`` whose sealed files have the digests ``berkas``, measured by
    ``kantor`` and ``pk`` as they stand at ``commit``."""
    sasaran = {i.kode: s for s in pk.sasaran for i in s.indikator}
    # The quarter's planned actions are sealed with it: a later change of the Rencana Aksi
    # does not rewrite what a ratified quarter was evaluated against.
    aksi = None if ra is None or kode not in tata.TRIWULAN else tuple(
        AksiSegel(a.kode, a.indikator, a.uraian, a.penanggung_jawab, a.keluaran)
        for a in ra.aksi if kode in a.triwulan)
    return Segel(
        berkas, kantor.capaian,
        {i.kode: IndikatorSegel(i.polaritas, i.agregasi, i.target, i.target_triwulan,
                                i.rumus_turun, tuple(i.skala.items()) if i.skala else None,
                                i.uraian, i.satuan, i.seksi, sasaran[i.kode].kode,
                                sasaran[i.kode].uraian)
         for i in pk.indikator},
        commit, pk=versi_pk(pk),
        program=tuple(ProgramSegel(p.kode, p.nama, p.seksi, p.anggaran, p.indikator,
                                   p.rencana_triwulan) for p in pk.program), aksi=aksi,
        triwulan=triwulan or {})


def _angka(x: float) -> str:
    return repr(float(x))


def _target(t: Target) -> str:
    if t.teks is not None:
        return f"{{teks: {lolos.yaml(t.teks)}}}"
    if t.rentang:
        return f"{{bawah: {_angka(t.bawah or 0)}, atas: {_angka(t.atas or 0)}}}"
    return f"{{nilai: {_angka(t.nilai or 0)}}}"


def teks(s: Segel, indentasi: str = "  ") -> list[str]:
    """The seal as YAML lines, to sit under ``segel:`` in the record."""
    a = s.aturan
    baris = [f"{indentasi}commit: {lolos.yaml(s.commit)}", f"{indentasi}pk: {lolos.yaml(s.pk)}",
             f"{indentasi}berkas:"]
    baris += [f"{indentasi}  {lolos.yaml(k)}: {v}" for k, v in sorted(s.berkas.items())]
    if not s.berkas:
        baris[-1] += " {}"
    baris += [f"{indentasi}aturan:", f"{indentasi}  rumus_turun: {a.rumus_turun}"]
    if a.batas_atas is not None:
        baris.append(f"{indentasi}  batas_atas: {_angka(a.batas_atas)}")
    baris.append(f"{indentasi}  ambang_efisiensi: {_angka(a.ambang_efisiensi)}")
    baris.append(f"{indentasi}  kategori:")
    baris += [f"{indentasi}    {lolos.yaml(k.nama)}: {_angka(k.min)}" for k in a.kategori]
    baris.append(f"{indentasi}indikator:")
    for kode, i in s.indikator.items():
        baris += [f"{indentasi}  {lolos.yaml(kode)}:",
                  f"{indentasi}    polaritas: {i.polaritas}",
                  f"{indentasi}    agregasi: {i.agregasi}",
                  f"{indentasi}    target: {_target(i.target)}",
                  f"{indentasi}    target_triwulan: [{', '.join(map(_target, i.target_triwulan))}]"]
        if i.rumus_turun:
            baris.append(f"{indentasi}    rumus_turun: {i.rumus_turun}")
        if i.skala:
            baris.append(f"{indentasi}    skala: {{"
                         + ", ".join(f"{lolos.yaml(n)}: {_angka(v)}" for n, v in i.skala) + "}")
        for kunci in ("uraian", "satuan", "seksi", "sasaran", "sasaran_uraian"):
            if getattr(i, kunci):
                baris.append(f"{indentasi}    {kunci}: {lolos.yaml(getattr(i, kunci))}")
    if s.program:
        baris.append(f"{indentasi}program:")
    for p in s.program:
        baris += [f"{indentasi}  {lolos.yaml(p.kode)}:",
                  f"{indentasi}    nama: {lolos.yaml(p.nama)}",
                  f"{indentasi}    seksi: {lolos.yaml(p.seksi)}",
                  f"{indentasi}    anggaran: {_angka(p.anggaran)}",
                  f"{indentasi}    indikator: [{', '.join(map(lolos.yaml, p.indikator))}]"]
        if p.rencana_triwulan:
            baris.append(f"{indentasi}    rencana_triwulan: "
                         f"[{', '.join(map(_angka, p.rencana_triwulan))}]")
    if s.aksi is not None:
        baris.append(f"{indentasi}aksi:" + ("" if s.aksi else " []"))
        for x in s.aksi:
            baris += [f"{indentasi}  - kode: {lolos.yaml(x.kode)}",
                      f"{indentasi}    indikator: {lolos.yaml(x.indikator)}",
                      f"{indentasi}    uraian: {lolos.yaml(x.uraian)}",
                      f"{indentasi}    penanggung_jawab: {lolos.yaml(x.penanggung_jawab)}",
                      f"{indentasi}    keluaran: {lolos.yaml(x.keluaran)}"]
    if s.triwulan:
        baris.append(f"{indentasi}triwulan:")
        for kode, daftar in sorted(s.triwulan.items()):
            baris.append(f"{indentasi}  {kode}:" + ("" if daftar else " {}"))
            baris += [f"{indentasi}    {lolos.yaml(k)}: {v}" for k, v in sorted(daftar.items())]
    return baris


# --- reading it back (from the checked record) ----------------------------------------------------

def _baca_target(d: dict[str, Any]) -> Target:
    if d.get("teks") is not None:
        return Target(teks=str(d["teks"]))
    if d.get("bawah") is not None and d.get("atas") is not None:
        return Target(bawah=float(d["bawah"]), atas=float(d["atas"]))
    return Target(nilai=float(d.get("nilai") or 0))


def dari_data(d: dict[str, Any]) -> Segel:
    """A seal from the record as the schema checked it (numbers are validated text)."""
    a = d.get("aturan") or {}
    bawaan = AturanCapaian()
    kategori = tuple(sorted((Kategori(str(n), float(v)) for n, v in (a.get("kategori") or {})
                             .items()), key=lambda k: -k.min))
    aturan = AturanCapaian(
        rumus_turun=a.get("rumus_turun") or bawaan.rumus_turun,
        batas_atas=float(a["batas_atas"]) if a.get("batas_atas") is not None else None,
        kategori=kategori or bawaan.kategori,
        ambang_efisiensi=float(a["ambang_efisiensi"]) if a.get("ambang_efisiensi") is not None
        else bawaan.ambang_efisiensi)
    indikator = {}
    for kode, i in (d.get("indikator") or {}).items():
        tw = tuple(_baca_target(t or {}) for t in i.get("target_triwulan") or ())
        skala = tuple((str(n), float(v)) for n, v in (i.get("skala") or {}).items()) or None
        indikator[str(kode)] = IndikatorSegel(
            i.get("polaritas") or "naik", i.get("agregasi") or "jumlah",
            _baca_target(i.get("target") or {}), tw, i.get("rumus_turun"), skala,
            *(str(i.get(k) or "") for k in ("uraian", "satuan", "seksi", "sasaran",
                                             "sasaran_uraian")))
    program = tuple(
        ProgramSegel(str(kode), str(x.get("nama") or ""), str(x.get("seksi") or ""),
                     float(x.get("anggaran") or 0), tuple(str(k) for k in x.get("indikator") or ()),
                     tuple(float(v) for v in x["rencana_triwulan"])
                     if x.get("rencana_triwulan") else None)
        for kode, x in (d.get("program") or {}).items() if x)
    aksi = None if d.get("aksi") is None else tuple(
        AksiSegel(*(str(x.get(k) or "") for k in ("kode", "indikator", "uraian",
                                                  "penanggung_jawab", "keluaran")))
        for x in d["aksi"] if x)
    triwulan = {str(k): {str(a): str(b) for a, b in (v or {}).items()}
                for k, v in (d.get("triwulan") or {}).items()}
    return Segel({str(k): str(v) for k, v in (d.get("berkas") or {}).items()}, aturan,
                 indikator, str(d.get("commit") or ""), pk=str(d.get("pk") or ""),
                 program=program, aksi=aksi, triwulan=triwulan)


# --- what changed since ---------------------------------------------------------------------------

@beku
class Perubahan:
    rel: str  # within the period folder
    jenis: str  # "diubah" | "ditambah" | "dihapus"


def perubahan(sealed: dict[str, str], sekarang: dict[str, str]) -> list[Perubahan]:
    """What differs between the sealed files and the files now."""
    hasil = [Perubahan(r, "diubah") for r in sorted(sealed) if r in sekarang
             and sekarang[r] != sealed[r]]
    hasil += [Perubahan(r, "dihapus") for r in sorted(sealed) if r not in sekarang]
    hasil += [Perubahan(r, "ditambah") for r in sorted(sekarang) if r not in sealed]
    return hasil


def rusak(s: Segel | None, p: TempatPeriode, g: Gudang) -> tuple[Lok, ...]:
    """Where the files of period ``p`` sealed by ``s`` differ from what was ratified: the first
    changed line of a changed file (found against the ratified commit), else the file itself.
    For a yearly period, its quarters' sealed files too."""
    if s is None:
        return ()
    hasil: list[Lok] = []
    folder = tata.folder_periode(p.tahun, p.kode)
    for x in perubahan(s.berkas, sidik_kerja(p.folder)):
        hasil.append(_tempat(g, p.folder / x.rel, f"{folder}/{x.rel}", s.commit, x.jenis))
    for kode, berkas in s.triwulan.items():
        f = tata.folder_periode(p.tahun, kode)
        for x in perubahan(berkas, sidik_kerja(p.folder.parent / kode)):
            hasil.append(_tempat(g, p.folder.parent / kode / x.rel, f"{f}/{x.rel}", s.commit,
                                 x.jenis))
    return tuple(hasil)


def _tempat(g: Gudang, path: Path, rel: str, commit: str, jenis: str) -> Lok:
    lama = g.teks(commit, rel) if commit and jenis == "diubah" else None
    if lama is None:
        return Lok(rel)
    try:
        baru = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        baru = ""
    for n, (a, b) in enumerate(zip([*lama.splitlines(), ""], [*baru.splitlines(), ""],
                                   strict=False), start=1):
        if a != b:
            kolom = next((i for i, (x, y) in enumerate(zip(a, b, strict=False), start=1)
                          if x != y), min(len(a), len(b)) + 1)
            return Lok(rel, n, kolom)
    return Lok(rel)


# --- provenance of a rendered document -----------------------------------------------------------
# A final PDF of a ratified period carries, in its own metadata, which sealed version it was
# built from. The archive publishes a PDF only when that matches the period's seal now: a PDF
# left in build/ by another office's data, or by a version before a correction, is rebuilt,
# never published.

def sidik_dokumen(p: Periode, jenis: str) -> str | None:
    """What a final document of ``p`` depends on: its sealed version (and, for the cover
    letter, the letter's own metadata). None for a period without a seal."""
    if p.segel is None:
        return None
    bagian = [jenis, p.id, str(p.versi),
              *(f"{k} {v}" for k, v in sorted(p.segel.berkas.items()))]
    if jenis == "surat":
        bagian.append(repr(p.surat))
    return hashlib.sha256("\n".join(bagian).encode()).hexdigest()


def sidik_sama(pdf: Path, sidik: str) -> bool:
    """Whether ``pdf`` exists and was made from what ``sidik`` names (its ``kinerja-asal``)."""
    kata = kata_kunci(pdf)
    return kata is not None and kata.get("asal") == sidik and "draf" not in kata


def dari_segel(pdf: Path, p: Periode, jenis: str) -> bool:
    """Whether ``pdf`` was built from ``p`` as sealed now (always true without a seal)."""
    sidik = sidik_dokumen(p, jenis)
    return pdf.is_file() if sidik is None else sidik_sama(pdf, sidik)
