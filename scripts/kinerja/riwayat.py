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

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja import lolos, skema
from kinerja.model import CatatanPersetujuan
from kinerja.temuan import Pengumpul

if TYPE_CHECKING:
    from kinerja.persetujuan import Putusan

BERKAS = "riwayat.yml"
AWALAN_TAG = "pengesahan/"


def nama_tag(periode: str) -> str:
    return f"{AWALAN_TAG}{periode}"


def teks(periode: str, sumber: str, p: Putusan) -> str:
    """The record as YAML text (what the file holds and what the tag's message carries)."""
    baris = [
        "# Riwayat persetujuan: ditulis oleh kinerja saat pengesahan. Jangan diubah tangan;",
        "# yang berlaku adalah commit dan ulasan yang tercatat di Git host.",
        f"periode: {periode}",
        f"sumber: {sumber}",
        f"disahkan: {'ya' if p.lulus else 'tidak'}",
        "persetujuan:",
    ]
    for s in p.disetujui:
        baris += [
            f"  - peran: {s.peran}",
            f"    nama: {lolos.yaml(s.pegawai.nama)}",
            f"    akun: {lolos.yaml(s.peristiwa.akun)}",
            f"    commit: {lolos.yaml(s.peristiwa.bukti or s.peristiwa.commit or '')}",
            f"    waktu: {s.peristiwa.waktu.isoformat(timespec='minutes')}",
        ]
    return "\n".join(baris) + "\n"


def tulis(path: Path, periode: str, sumber: str, p: Putusan) -> None:
    path.write_text(teks(periode, sumber, p), encoding="utf-8")


def pesan_tag(judul: str, isi: str) -> str:
    """A tag's message: one line for ``git tag -n``, a blank line, then the record."""
    return f"{' '.join(judul.split())}\n\n{isi}"


def dari_pesan_tag(pesan: str) -> str:
    return pesan.partition("\n\n")[2]


def baca(path: Path, berkas: str, temuan: Pengumpul,
         isi: str | None = None) -> tuple[CatatanPersetujuan, ...]:
    """The approvals of a ratified period (empty if not ratified), from ``path`` or from the
    text ``isi`` (a tag's record, reported under ``berkas``)."""
    from kinerja.repo import baca_dokumen

    d = baca_dokumen(path, berkas, skema.RIWAYAT_YML, temuan, isi)
    if d is None or d.get("disahkan") != "ya":
        return ()
    hasil = []
    for x in d.get("persetujuan") or ():
        try:
            waktu = datetime.fromisoformat(str(x.get("waktu")))
        except ValueError:
            temuan.tambah(x.posisi("waktu"), "tipe-salah",
                          "waktu persetujuan harus ISO 8601, misalnya 2026-10-07T13:00+07:00")
            return ()
        hasil.append(CatatanPersetujuan(x["peran"], x["nama"], x["akun"], x["commit"], waktu))
    return tuple(hasil)
