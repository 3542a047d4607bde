"""A section's form as a page draws it, checked by the real checker as it is typed, saved as
the person's own commit.

Three calls, the same from ``kinerja layani`` and from any other front: ``jelaskan`` describes a
form from the period, the PK and the Rencana Aksi (the page draws only this; no rule lives in
JavaScript); ``coba`` writes the values into a copy of the form (``buat.isian``) and runs
``kinerja periksa`` on it, each finding placed under the field its line belongs to; ``simpan``
writes them into the repository and commits that one file with the person as its author.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from kinerja.baca.teks import baca_teks, susun
from kinerja.buat.formulir import POLARITAS, lengkapi_teks
from kinerja.buat.isian import BIDANG, Entri, Ubah, bagian, butir, isi_entri, tulis_isian, ujung
from kinerja.inti import berkas, tata
from kinerja.inti.angka import format_rupiah
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import (
    NAMA_STATUS,
    STATUS_AKSI,
    Kantor,
    Pegawai,
    Periode,
    PerjanjianKinerja,
    RencanaAksi,
)
from kinerja.layanan import Potret, potret
from kinerja.layanan.pemeriksaan import periksa
from kinerja.ukur.rekap import teks_target


@beku
class Tempat:
    """Where a form is: its period and section, and its file in the repository."""

    periode: Periode
    seksi: str
    rel: str

    @property
    def path(self) -> Path:
        return self.periode.folder / tata.FOLDER_FORMULIR / f"{self.seksi}.yml"


def _siap_commit(akar: Path, rel: str) -> None:
    """A save commits the person's values only: refused on a detached HEAD (the commit would be
    lost), for a form Git does not track, and while the form has changes nobody committed
    (they would be committed in the person's name)."""
    from kinerja.pengesahan import git

    try:
        git.git(akar, "symbolic-ref", "-q", "HEAD")
    except git.GitError as e:
        raise KinerjaError("repositori tidak berada di sebuah cabang (HEAD terlepas); "
                           "«git switch main» di komputer server, lalu simpan lagi") from e
    try:
        git.git(akar, "ls-files", "--error-unmatch", "--", rel)
    except git.GitError as e:
        raise KinerjaError("formulir ini belum pernah di-commit; commit dulu dari repositori "
                           "(«git add» dan «git commit»), lalu simpan lagi", berkas=rel) from e
    if git.git(akar, "status", "--porcelain", "--", rel).strip():
        raise KinerjaError("formulir ini sedang diubah di komputer server tanpa di-commit; "
                           "commit atau batalkan perubahan itu dulu, lalu simpan lagi", berkas=rel)


NILAI_MAKS = 10_000  # characters in one field (the checker asks at most 5 000 of prose)


def ubah_dari(data: object) -> tuple[Ubah, ...]:
    """The values a page sends (``{"ubah": [...]}`` as JSON gives it), each checked for its
    shape before anything is written: the one reading of a page's request, for every front."""
    if not isinstance(data, dict) or not isinstance(data.get("ubah"), list):
        raise KinerjaError("permintaan harus memuat daftar «ubah»")
    hasil = []
    for u in data["ubah"]:
        if not isinstance(u, dict):
            raise KinerjaError("setiap isian harus berupa objek")
        nilai = u.get("nilai")
        if isinstance(nilai, list) and all(isinstance(x, str) for x in nilai):
            nilai = tuple(nilai)
        elif not isinstance(nilai, str):
            raise KinerjaError("nilai isian harus teks atau daftar teks")
        if sum(map(len, nilai if isinstance(nilai, tuple) else (nilai,))) > NILAI_MAKS:
            raise KinerjaError(f"satu isian paling panjang {NILAI_MAKS} karakter; ringkas "
                               "isiannya atau lampirkan dokumennya sebagai bukti dukung")
        daftar, aksi = u.get("daftar"), u.get("aksi")
        if daftar not in ("isian", "anggaran") or not isinstance(u.get("kode"), str) or \
                not isinstance(u.get("bidang"), str) or not (aksi is None or isinstance(aksi, str)):
            raise KinerjaError("isian tidak dikenal")
        if u["bidang"] not in BIDANG["aksi" if aksi is not None else daftar]:
            raise KinerjaError(f"«{u['bidang']}» tidak dapat diisi dari halaman ini")
        hasil.append(Ubah(daftar, u["kode"], u["bidang"], nilai, aksi))
    return tuple(hasil)


class Berubah(KinerjaError):
    """The form changed since the page read it: the page reloads, re-applies and re-checks."""


def pesan_disahkan(p: Periode) -> str:
    return (f"{p.nama} sudah disahkan Camat, jadi isiannya tidak dapat diubah lagi di sini. Bila "
            "ada yang harus diperbaiki, sampaikan kepada Kasubbag Perencanaan: ia membuka revisi "
            f"(«kinerja revisi {p.id}»)")


def cari(pt: Potret, tunjuk: str, seksi: str) -> Tempat:
    """The form of ``seksi`` in period ``tunjuk``, refused when it cannot be filled now."""
    p = pt.cari(tunjuk)
    if pt.kantor is None or not any(s.id == seksi for s in pt.kantor.seksi):
        ada = ", ".join(f"{s.nama} ({s.id})" for s in pt.kantor.seksi) if pt.kantor else ""
        raise KinerjaError(f"seksi «{seksi[:60]}» tidak dikenal" + (f"; seksi yang ada: {ada}"
                                                                    if ada else "")
                           + ". Buka tautan formulir seksi Anda dari Kasubbag Perencanaan")
    if p.disahkan:
        raise KinerjaError(pesan_disahkan(p))
    rel = tata.berkas_formulir(p.tahun, p.kode, seksi)
    path = pt.akar / rel
    if path.is_symlink():  # the page writes only a form that is its own file in the repository
        raise KinerjaError("formulir ini adalah tautan simbolik; ganti dengan berkasnya sendiri",
                           berkas=rel)
    if not path.is_file():
        raise KinerjaError(f"formulir {seksi} belum ada; jalankan «kinerja periode baru "
                           f"{p.tahun} {p.kode}»", berkas=rel)
    return Tempat(p, seksi, rel)


def sidik(teks: bytes) -> str:
    return hashlib.sha256(teks).hexdigest()


def _nilai(pasangan: tuple[yaml.Node, yaml.Node] | None) -> object:
    """A field's value as the page shows it: its text, a list of links, or empty."""
    node = pasangan[1] if pasangan else None
    if pasangan is not None and isinstance(node, yaml.ScalarNode) and \
            getattr(pasangan[0], "value", None) == "bukti_dukung":
        return [] if node.tag.endswith(":null") else [str(node.value)]  # one link on its line
    if isinstance(node, yaml.SequenceNode):
        return [str(x.value) for x in node.value if isinstance(x, yaml.ScalarNode)]
    if isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null"):
        return str(node.value)
    return ""


def _entri(daftar: yaml.Node | None, kunci: str) -> dict[str, Entri]:
    """A list's entries by their code, each with its keys (key node, value node)."""
    return {kode: isi_entri(m) for kode, m in butir(daftar, kunci).items()}


def jelaskan(pt: Potret, t: Tempat) -> dict[str, Any]:
    """The form as the page draws it, with the values the file holds now (after adding what the
    PK and the plan ask and it lacks, as ``periode baru`` would)."""
    kantor, pk, ra = _ukuran(pt, t)
    mentah = t.path.read_bytes()
    teks = baca_teks(t.path, t.rel)
    teks = _lengkapi(pt, t)(teks) or teks
    akar = susun(teks, t.rel)
    isian = _entri(bagian(akar, "isian"), "indikator")
    anggaran = _entri(bagian(akar, "anggaran"), "program")
    seksi = next(s for s in kantor.seksi if s.id == t.seksi)
    indikator = []
    for ind in (i for i in pk.indikator if i.seksi == t.seksi):
        ada = isian.get(ind.kode, {})
        ra_ada = ada.get("rencana_aksi")
        aksi_ada = _entri(ra_ada[1] if ra_ada else None, "aksi")
        aksi = []
        for a in (ra.untuk(ind.kode, t.periode.kode) if ra and t.periode.kode != "tahunan"
                  else ()):
            orang = kantor.pegawai_id(a.penanggung_jawab)
            isi = aksi_ada.get(a.kode, {})
            aksi.append({"kode": a.kode, "uraian": a.uraian, "keluaran": a.keluaran,
                         "penanggung_jawab": orang.jabatan if orang else a.penanggung_jawab,
                         "status": _nilai(isi.get("status")),
                         "catatan": _nilai(isi.get("catatan"))})
        target = (ind.target if t.periode.kode == "tahunan"
                  else ind.target_periode(t.periode.kode))
        indikator.append({
            "kode": ind.kode, "uraian": ind.uraian, "satuan": ind.satuan,
            "polaritas": POLARITAS[ind.polaritas], "target": teks_target(target),
            "target_tahunan": teks_target(ind.target),
            "skala": list(ind.skala) if ind.skala else None,
            "definisi": ind.definisi, "sumber_data": ind.sumber_data,
            "nilai": {b: _nilai(ada.get(b)) for b in ("realisasi", "penjelasan", "hambatan",
                                                     "tindak_lanjut", "bukti_dukung")},
            "aksi": aksi})
    program = [{"kode": g.kode, "nama": g.nama, "pagu": format_rupiah(g.anggaran),
                "realisasi": _nilai(anggaran.get(g.kode, {}).get("realisasi"))}
               for g in pk.program if g.seksi == t.seksi]
    return {"periode": t.periode.id, "nama_periode": t.periode.nama, "seksi": t.seksi,
            "nama_seksi": seksi.nama, "kantor": kantor.instansi.nama, "berkas": t.rel,
            "sidik": sidik(mentah), "indikator": indikator, "program": program,
            "status_aksi": [{"nilai": s, "nama": NAMA_STATUS[s]} for s in STATUS_AKSI]}


def _ukuran(pt: Potret, t: Tempat) -> tuple[Kantor, PerjanjianKinerja, RencanaAksi | None]:
    kantor, pk = pt.siap(t.periode, untuk="buat")
    if pk is None:
        raise KinerjaError(f"Perjanjian Kinerja {t.periode.tahun} tidak dapat dibaca; jalankan "
                           "«kinerja periksa»")
    return kantor, pk, pt.renaksi(t.periode.tahun)


def _lengkapi(pt: Potret, t: Tempat) -> Callable[[str], str | None]:
    """What the PK and the plan ask of this form and it lacks, added as «periode baru» adds it."""
    kantor, pk, ra = _ukuran(pt, t)
    return lambda teks: lengkapi_teks(teks, t.rel, pk, t.seksi, t.periode.kode, kantor, ra)


def tulis(pt: Potret, t: Tempat, ubah: tuple[Ubah, ...]) -> bytes:
    """The form's new bytes with ``ubah`` written (its byte-order mark kept)."""
    bom = t.path.read_bytes().startswith(b"\xef\xbb\xbf")
    teks = tulis_isian(baca_teks(t.path, t.rel), t.rel, ubah, _lengkapi(pt, t))
    return (b"\xef\xbb\xbf" if bom else b"") + teks.encode("utf-8")


def coba(pt: Potret, t: Tempat, ubah: tuple[Ubah, ...]) -> dict[str, Any]:
    """What ``kinerja periksa`` says of the form with ``ubah`` written, in a copy of the office's
    files for that year (the repository is not touched)."""
    baru = tulis(pt, t, ubah)
    with tempfile.TemporaryDirectory(prefix="kinerja-formulir-") as tmp:
        salinan = Path(tmp)
        shutil.copy2(pt.akar / tata.BERKAS_KANTOR, salinan / tata.BERKAS_KANTOR)
        tahun = tata.folder_tahun(t.periode.tahun)
        for nama in (tata.BERKAS_PK, tata.BERKAS_RENAKSI):
            if (pt.akar / tahun / nama).is_file():
                (salinan / tahun).mkdir(parents=True, exist_ok=True)
                shutil.copy2(pt.akar / tahun / nama, salinan / tahun / nama)
        folder = tata.folder_periode(t.periode.tahun, t.periode.kode)
        # (a file being replaced meanwhile is «.name.….kinerja»: not part of the office)
        shutil.copytree(pt.akar / folder, salinan / folder, symlinks=True,
                        ignore=shutil.ignore_patterns(tata.BERKAS_RIWAYAT, ".*.kinerja"))
        salin = salinan / t.rel
        salin.unlink()  # the copy's own file, never what a link in the copy points to
        salin.write_bytes(baru)
        hasil = periksa(salinan, (salinan / t.rel,))
    akar = susun(baru.decode("utf-8").removeprefix("\ufeff"), t.rel)
    letak = _letak_bidang(akar)
    temuan = [{"baris": x.baris, "kolom": x.kolom, "aturan": x.aturan, "tingkat": x.tingkat,
               "pesan": x.pesan, "bidang": _bidang_baris(letak, x.baris)}
              for x in hasil.temuan if x.berkas == t.rel]
    lengkap = next((k for k in hasil.kelengkapan if k.seksi == t.seksi), None)
    # what is still empty, per field: the page marks each, as the completeness line names them
    # (an indicator with nothing filled yet is marked at its first field)
    kosong = [f"{kode}/{b}" for kode, bidang in (lengkap.kurang if lengkap else ())
              for b in (bidang or ("realisasi",))]
    # obstacles and follow-up are asked for only because the target was missed: said so
    wajib = {b: "Wajib diisi karena target periode ini belum tercapai." for b in kosong
             if b.rsplit("/", 1)[-1] in ("hambatan", "tindak_lanjut")}
    return {"temuan": temuan, "kelengkapan": lengkap.ringkasan if lengkap else "",
            "kosong": kosong, "alasan_kosong": wajib,
            "galat": any(x["tingkat"] == "galat" for x in temuan)}


def _baris_akhir(node: yaml.Node) -> int:
    """The 1-based line of the last character of ``node``'s value."""
    tanda = ujung(node).end_mark
    return tanda.line + (1 if tanda.column > 0 else 0)


def _letak_bidang(akar: yaml.Node | None) -> list[tuple[int, int, str]]:
    """Each field's lines (first, last; 1-based) and its name as the page knows it:
    «IK-1.1/realisasi», «IK-1.1/aksi/RA-1.1.1/status», «program/7.01.06/realisasi»."""
    letak: list[tuple[int, int, str]] = []
    for daftar, kunci, awal in (("isian", "indikator", ""), ("anggaran", "program", "program/")):
        for kode, isi in _entri(bagian(akar, daftar), kunci).items():
            for nama, (k, v) in isi.items():
                letak.append((k.start_mark.line + 1, max(_baris_akhir(v), k.start_mark.line + 1),
                              f"{awal}{kode}/{nama}"))
                if nama == "rencana_aksi":
                    for akode, aisi in _entri(v, "aksi").items():
                        letak += [(a.start_mark.line + 1,
                                   max(_baris_akhir(b), a.start_mark.line + 1),
                                   f"{kode}/aksi/{akode}/{anama}")
                                  for anama, (a, b) in aisi.items()]
    return letak


def _bidang_baris(letak: list[tuple[int, int, str]], baris: int) -> str | None:
    """The narrowest field whose lines hold ``baris`` (an action's status over its indicator's
    plan); None for a finding about the whole form."""
    cocok = [(akhir - awal, nama) for awal, akhir, nama in letak if awal <= baris <= akhir]
    return min(cocok)[1] if cocok else None


def buka(akar: Path, tunjuk: str, seksi: str) -> tuple[Potret, Tempat]:
    pt = potret(akar)
    return pt, cari(pt, tunjuk, seksi)


def simpan(akar: Path, tunjuk: str, seksi: str, ubah: tuple[Ubah, ...], dasar: str,
           orang: Pegawai, pencatat: str) -> dict[str, Any]:
    """Write the values into the form and commit only that file, with ``orang`` as the author
    and ``pencatat`` (the program that recorded it) named in the message. ``dasar``: the
    digest of the file the page started from; if the file changed since, nothing is written."""
    from kinerja.pengesahan import git

    pt, t = buka(akar, tunjuk, seksi)
    _siap_commit(akar, t.rel)
    lama = t.path.read_bytes()
    if sidik(lama) != dasar:
        raise Berubah(f"{t.rel} telah diubah orang lain sejak halaman dibuka")
    baru = tulis(pt, t, ubah)
    if baru == lama:
        return {"commit": None, "pesan": "Tidak ada perubahan sejak simpanan terakhir.",
                "sidik": dasar}
    pesan = (f"Isi formulir {t.seksi} {t.periode.id}\n\n"
             f"Dicatat-lewat: {pencatat}\n")
    sekarang = datetime.now(UTC).isoformat(timespec="seconds")
    # Every identity and date is set here: none is taken from the server's environment.
    env = {"GIT_AUTHOR_NAME": orang.nama, "GIT_AUTHOR_EMAIL": orang.email or "",
           "GIT_AUTHOR_DATE": sekarang, "GIT_COMMITTER_NAME": pencatat,
           "GIT_COMMITTER_EMAIL": "kinerja-layani@localhost", "GIT_COMMITTER_DATE": sekarang}
    berkas.tulis(t.path, baru)
    try:
        git.git(akar, "commit", "-q", "--only", "-m", pesan, "--", t.rel, env=env)
    except BaseException:
        berkas.tulis(t.path, lama)  # all or nothing: the form as it was, nothing staged
        with contextlib.suppress(git.GitError):
            git.git(akar, "reset", "-q", "--", t.rel)
        raise
    commit = git.git(akar, "rev-parse", "HEAD").strip()
    return {"commit": commit, "pesan": f"Tersimpan atas nama {orang.nama} (catatan Git "
                                       f"{commit[:10]}).", "sidik": sidik(baru)}
