"""The ratification record: its one writer, its one reader, and where it lives.

A ratified period carries a record of who approved which version when. It is written only by
kinerja's own ratification, in one text format, in one or both of two places:

* the annotated tag ``pengesahan/<periode>`` — its message is the record. This is where the
  publishing workflow on a forge keeps it, since Actions cannot push to a protected ``main``;
  plain Git's ``kinerja sahkan`` makes the same tag;
* ``periods/<tahun>/<periode>/riwayat.yml`` — the same text, committed by ``kinerja sahkan`` in
  plain Git so the record travels with the folder.

Every command reads it through ``baca`` (the file first, then the tag), so both hosts and plain
Git give the same answer. Its shape is ``skema.RIWAYAT_YML``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja.baca import skema
from kinerja.inti import lolos
from kinerja.inti.model import CatatanPersetujuan, Revisi, Segel
from kinerja.inti.temuan import Pengumpul
from kinerja.pengesahan import segel

if TYPE_CHECKING:
    from kinerja.pengesahan.persetujuan import Putusan

BERKAS = "riwayat.yml"
AWALAN_TAG = "pengesahan/"


def nama_tag(periode: str, versi: int = 1) -> str:
    """``pengesahan/2026-tw3`` for the first ratification, ``pengesahan/2026-tw3-v2`` after."""
    return f"{AWALAN_TAG}{periode}" + (f"-v{versi}" if versi > 1 else "")


@dataclass(frozen=True)
class Catatan:
    """The record as read: approvals of the current version, its seal, and earlier versions."""

    persetujuan: tuple[CatatanPersetujuan, ...]
    disahkan: bool
    versi: int = 1
    segel: Segel | None = None
    revisi: tuple[Revisi, ...] = ()


def teks(periode: str, sumber: str, p: Putusan, segel_: Segel | None = None, *,
         versi: int = 1, revisi: tuple[Revisi, ...] = ()) -> str:
    """The record as YAML text (what the file holds and what the tag's message carries)."""
    baris = [
        "# Riwayat persetujuan: ditulis oleh kinerja saat pengesahan. Jangan diubah tangan;",
        "# yang berlaku adalah commit dan ulasan yang tercatat di Git host.",
        f"periode: {periode}",
        f"sumber: {sumber}",
        f"disahkan: {'ya' if p.lulus else 'tidak'}",
        f"versi: {versi}",
        "persetujuan:" + ("" if p.disetujui else " []"),
    ]
    for s in p.disetujui:
        baris += [
            f"  - peran: {s.peran}",
            f"    nama: {lolos.yaml(s.pegawai.nama)}",
            f"    akun: {lolos.yaml(s.peristiwa.akun)}",
            f"    commit: {lolos.yaml(s.peristiwa.bukti or s.peristiwa.commit or '')}",
            f"    waktu: {s.peristiwa.waktu.isoformat(timespec='minutes')}",
        ]
    if segel_ is not None:
        baris += ["segel:", *segel.teks(segel_)]
    if revisi:
        baris.append("revisi:")
    for r in revisi:
        baris += [f"  - versi: {r.versi}", f"    sidik: {r.sidik}",
                  f"    alasan: {lolos.yaml(r.alasan)}"]
        if r.disahkan:
            baris.append(f"    disahkan: {r.disahkan.isoformat(timespec='minutes')}")
        if r.oleh:
            baris.append(f"    oleh: {lolos.yaml(r.oleh)}")
        if r.nomor:
            baris.append(f"    nomor: {lolos.yaml(r.nomor)}")
        if r.dibuka:
            baris.append(f"    dibuka: {r.dibuka.isoformat(timespec='minutes')}")
        if r.commit:
            baris.append(f"    commit: {lolos.yaml(r.commit)}")
    return "\n".join(baris) + "\n"


def sidik_versi(s: Segel) -> str:
    """One digest for a whole version: its files' digests, in order."""
    import hashlib

    return hashlib.sha256("\n".join(f"{k} {v}" for k, v in sorted(s.berkas.items()))
                          .encode()).hexdigest()


def pesan_tag(judul: str, isi: str) -> str:
    """A tag's message: one line for ``git tag -n``, a blank line, then the record."""
    return f"{' '.join(judul.split())}\n\n{isi}"


def dari_pesan_tag(pesan: str) -> str:
    return pesan.partition("\n\n")[2]


def baca(path: Path, berkas: str, temuan: Pengumpul, isi: str | None = None) -> Catatan | None:
    """The record from ``path``, or from the text ``isi`` (a tag's record, reported under
    ``berkas``); None when it cannot be read (the findings say why)."""
    from kinerja.baca.muat import baca_dokumen

    d = baca_dokumen(path, berkas, skema.RIWAYAT_YML, temuan, isi)
    if d is None:
        return None
    persetujuan = []
    for x in d.get("persetujuan") or ():
        if not {"peran", "nama", "akun", "commit", "waktu"} <= x.keys():
            continue
        waktu = _waktu(x["waktu"])
        if waktu is None:
            temuan.tambah(x.posisi("waktu"), "tipe-salah",
                          "waktu persetujuan harus ISO 8601, misalnya 2026-10-07T13:00+07:00")
            return None
        persetujuan.append(CatatanPersetujuan(x["peran"], x["nama"], x["akun"], x["commit"],
                                              waktu))
    revisi = tuple(Revisi(r["versi"], _waktu(r.get("disahkan")), r.get("oleh") or "",
                          r["sidik"], r["alasan"], r.get("nomor"), _waktu(r.get("dibuka")),
                          r.get("commit") or "")
                   for r in d.get("revisi") or () if {"versi", "sidik", "alasan"} <= r.keys())
    s = segel.dari_data(d["segel"]) if d.get("segel") else None
    camat = next((c.waktu for c in persetujuan if c.peran == "camat"), None)
    if s is not None and camat is not None:
        s = replace(s, disahkan=camat)
    return Catatan(tuple(persetujuan), d.get("disahkan") == "ya", d.get("versi") or 1, s, revisi)


def _waktu(teks: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(teks)) if teks else None
    except ValueError:
        return None
