"""The ratification record: its one writer, its one reader, and the tags that carry it.

The record says who approved which version of a period when, what the ratification sealed, and
the earlier versions a revision reopened. It is written only by kinerja, in one text format, as
the message of the annotated tag ``pengesahan/<periode>`` (``-v2`` … after revisions) — and in
plain Git also as ``periods/<tahun>/<periode>/riwayat.yml``, so the record travels with the folder.

A record proves nothing by itself: ``verifikasi`` accepts one only when it equals, byte for byte,
what this writer makes from the history that must back it.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

from kinerja.baca import dokumen, skema
from kinerja.inti import lolos
from kinerja.inti.beku import beku
from kinerja.inti.model import CatatanPersetujuan, Revisi, Segel
from kinerja.inti.temuan import Temuan
from kinerja.pengesahan import segel as segel_
from kinerja.pengesahan.gudang import AWALAN_TAG

__all__ = ["AWALAN_TAG", "Catatan", "baca", "nama_tag", "teks"]


def nama_tag(periode: str, versi: int = 1) -> str:
    """``pengesahan/2026-tw3`` for the first ratification, ``pengesahan/2026-tw3-v2`` after."""
    return f"{AWALAN_TAG}{periode}" + (f"-v{versi}" if versi > 1 else "")


def dari_nama_tag(nama: str) -> tuple[str, int] | None:
    """(period, version) a tag name claims, or None when it is no ratification tag's name."""
    sisa = nama.removeprefix(AWALAN_TAG)
    if sisa == nama:
        return None
    periode, _, v = sisa.rpartition("-v")
    if periode and v.isascii() and v.isdigit() and int(v) >= 2 and str(int(v)) == v:
        return periode, int(v)
    return sisa, 1


@beku
class Catatan:
    """The record as values."""

    periode: str
    sumber: str  # git | github | gitea | gitlab
    disahkan: bool
    versi: int = 1
    persetujuan: tuple[CatatanPersetujuan, ...] = ()
    segel: Segel | None = None
    revisi: tuple[Revisi, ...] = ()
    pull_request: int | None = None  # on a forge: the merged pull request whose reviews count
    dasar: str | None = None  # on a forge: the base branch's tip the reviews were judged against


def _waktu(t: datetime) -> str:
    return t.isoformat(timespec="minutes")


def teks(c: Catatan) -> str:
    """The record as YAML text (what the tag's message and riwayat.yml carry)."""
    baris = [
        "# Riwayat persetujuan: ditulis oleh kinerja saat pengesahan. Jangan diubah tangan;",
        "# yang berlaku adalah commit dan ulasan yang tercatat di Git host.",
        f"periode: {c.periode}",
        f"sumber: {c.sumber}",
        f"disahkan: {'ya' if c.disahkan else 'tidak'}",
        f"versi: {c.versi}",
    ]
    if c.pull_request is not None:
        baris.append(f"pull_request: {c.pull_request}")
    if c.dasar is not None:
        baris.append(f"dasar: {c.dasar}")
    baris.append("persetujuan:" + ("" if c.persetujuan else " []"))
    for s in c.persetujuan:
        baris += [
            f"  - peran: {s.peran}",
            f"    nama: {lolos.yaml(s.nama)}",
            f"    akun: {lolos.yaml(s.akun)}",
            f"    commit: {lolos.yaml(s.commit)}",
            f"    waktu: {_waktu(s.waktu)}",
        ]
    if c.segel is not None:
        baris += ["segel:", *segel_.teks(c.segel)]
    if c.revisi:
        baris.append("revisi:")
    for r in c.revisi:
        baris += [f"  - versi: {r.versi}", f"    sidik: {r.sidik}",
                  f"    alasan: {lolos.yaml(r.alasan)}"]
        if r.disahkan:
            baris.append(f"    disahkan: {_waktu(r.disahkan)}")
        if r.oleh:
            baris.append(f"    oleh: {lolos.yaml(r.oleh)}")
        if r.nomor:
            baris.append(f"    nomor: {lolos.yaml(r.nomor)}")
        if r.dibuka:
            baris.append(f"    dibuka: {_waktu(r.dibuka)}")
        if r.commit:
            baris.append(f"    commit: {lolos.yaml(r.commit)}")
    return "\n".join(baris) + "\n"


def sidik_versi(s: Segel) -> str:
    """One digest for a whole version: its files' digests, in order."""
    return hashlib.sha256("\n".join(f"{k} {v}" for k, v in sorted(s.berkas.items()))
                          .encode()).hexdigest()


def pesan_tag(judul: str, isi: str) -> str:
    """A tag's message: one line for ``git tag -n``, a blank line, then the record."""
    return f"{' '.join(judul.split())}\n\n{isi}"


def sumber_tertulis(isi: str) -> str | None:
    """The ``sumber:`` a record's text claims — a hint of which proof to try first, never a
    fact (the proof compares the whole text)."""
    for baris in isi.splitlines():
        if baris.startswith("sumber: "):
            return baris.removeprefix("sumber: ").strip()
    return None


def dari_pesan_tag(pesan: str) -> str:
    return pesan.partition("\n\n")[2]


def baca(isi: str, berkas: str) -> tuple[Catatan | None, tuple[Temuan, ...]]:
    """A record from its text (reported under ``berkas``); None when it cannot be read."""
    dok = dokumen.baca(None, berkas, skema.RIWAYAT_YML, isi)
    d = dok.obj if not dok.dipulihkan else None
    if d is None:
        return None, dok.temuan
    persetujuan = []
    for x in d.get("persetujuan") or ():
        if not {"peran", "nama", "akun", "commit", "waktu"} <= x.keys():
            continue
        waktu = _baca_waktu(x["waktu"])
        if waktu is None:
            return None, dok.temuan
        persetujuan.append(CatatanPersetujuan(x["peran"], x["nama"], x["akun"], x["commit"],
                                              waktu))
    revisi = tuple(Revisi(r["versi"], _baca_waktu(r.get("disahkan")), r.get("oleh") or "",
                          r["sidik"], r["alasan"], r.get("nomor"), _baca_waktu(r.get("dibuka")),
                          r.get("commit") or "")
                   for r in d.get("revisi") or () if {"versi", "sidik", "alasan"} <= r.keys())
    s = segel_.dari_data(d["segel"]) if d.get("segel") else None
    return bertanggal(Catatan(d["periode"], d["sumber"], d.get("disahkan") == "ya",
                              d.get("versi") or 1, tuple(persetujuan), s, revisi,
                              d.get("pull_request"), d.get("dasar"))), dok.temuan


def bertanggal(c: Catatan) -> Catatan:
    """The record with its seal dated by the Camat's approval — as it reads back from its text
    (the text writes the date once, in the approvals)."""
    camat = next((x.waktu for x in c.persetujuan if x.peran == "camat"), None)
    if c.segel is None or camat is None:
        return c
    return replace(c, segel=replace(c.segel, disahkan=camat))


def _baca_waktu(teks_: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(teks_)) if teks_ else None
    except ValueError:
        return None
