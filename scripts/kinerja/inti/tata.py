"""The folder layout of an office's repository, known here and nowhere else.

    kinerja.yml
    periods/<tahun>/perjanjian-kinerja.yml
    periods/<tahun>/rencana-aksi.yml
    periods/<tahun>/<periode>/periode.yml          schedule, cover-letter metadata (steps 9–10)
    periods/<tahun>/<periode>/riwayat.yml          the ratification record, written by kinerja
    periods/<tahun>/<periode>/formulir/<seksi>.yml
    periods/<tahun>/<periode>/bukti/…              evidence files
    periods/<tahun>/<periode>/arsip/…              the signed paper scan (step 10)
    periods/<tahun>/tahunan/lkjip/*.md             the LKjIP's prose, with the yearly period

Every other module asks here for a path or for what a path is.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

from kinerja.inti.beku import beku

KodePeriode = Literal["tw1", "tw2", "tw3", "tw4", "tahunan"]
PERIODE: tuple[KodePeriode, ...] = get_args(KodePeriode)
TRIWULAN: tuple[KodePeriode, ...] = PERIODE[:4]

BERKAS_KANTOR = "kinerja.yml"
FOLDER_PERIODS = "periods"
BERKAS_PK = "perjanjian-kinerja.yml"
BERKAS_RENAKSI = "rencana-aksi.yml"
BERKAS_PERIODE = "periode.yml"
BERKAS_RIWAYAT = "riwayat.yml"
FOLDER_FORMULIR = "formulir"
FOLDER_BUKTI = "bukti"
FOLDER_ARSIP = "arsip"
FOLDER_LKJIP = "lkjip"

# A period as people write it: «2026-tw3» (or «2026/tw3»), ASCII digits only — a year written
# in look-alike digits (２０２６, ٢٠٢٦) is not a year.
POLA_RUJUKAN = r"([0-9]{4})[-/](tw[1-4]|tahunan)"
_RUJUKAN = re.compile(POLA_RUJUKAN)
_TAHUN = re.compile(r"[0-9]{4}")


def baca_rujukan(teks: str) -> tuple[int, KodePeriode] | None:
    """The one parser of a period reference: (year, code), or None if it is not one."""
    m = _RUJUKAN.fullmatch(teks.strip().strip("/"))
    return (int(m[1]), m[2]) if m else None  # type: ignore[return-value]


def id_periode(tahun: int, kode: str) -> str:
    return f"{tahun}-{kode}"


def folder_tahun(tahun: int | str) -> str:
    return f"{FOLDER_PERIODS}/{tahun}"


def folder_periode(tahun: int | str, kode: str) -> str:
    return f"{FOLDER_PERIODS}/{tahun}/{kode}"


def berkas_pk(tahun: int | str) -> str:
    return f"{folder_tahun(tahun)}/{BERKAS_PK}"


def berkas_renaksi(tahun: int | str) -> str:
    return f"{folder_tahun(tahun)}/{BERKAS_RENAKSI}"


def berkas_formulir(tahun: int | str, kode: str, seksi: str) -> str:
    return f"{folder_periode(tahun, kode)}/{FOLDER_FORMULIR}/{seksi}.yml"


def berkas_riwayat(tahun: int | str, kode: str) -> str:
    return f"{folder_periode(tahun, kode)}/{BERKAS_RIWAYAT}"


def tahun_folder(nama: str) -> int | None:
    """A year folder's year (ASCII digits only), or None."""
    return int(nama) if _TAHUN.fullmatch(nama) else None


Jenis = Literal["kantor", "pk", "renaksi", "folder", "periode", "riwayat", "formulir", "bukti",
                "arsip", "lkjip", "lain"]


@beku
class Letak:
    """What a repository path is, by the layout."""

    jenis: Jenis
    tahun: int | None = None
    periode: KodePeriode | None = None
    sisa: str = ""  # the path inside the period folder

    @property
    def id(self) -> str | None:
        return None if self.tahun is None or self.periode is None else \
            id_periode(self.tahun, self.periode)


def letak(rel: str) -> Letak:
    """Parse a repo-relative POSIX path."""
    if rel == BERKAS_KANTOR:
        return Letak("kantor")
    bagian = rel.strip("/").split("/")
    if len(bagian) < 3 or bagian[0] != FOLDER_PERIODS or (tahun := tahun_folder(bagian[1])) is None:
        return Letak("lain")
    if len(bagian) == 3 and bagian[2] in PERIODE:
        return Letak("folder", tahun, bagian[2])
    if len(bagian) == 3:
        nama: dict[str, Jenis] = {BERKAS_PK: "pk", BERKAS_RENAKSI: "renaksi"}
        return Letak(nama.get(bagian[2], "lain"), tahun)
    if bagian[2] not in PERIODE:
        return Letak("lain", tahun)
    kode: KodePeriode = bagian[2]
    sisa = "/".join(bagian[3:])
    jenis: Jenis
    if sisa == BERKAS_PERIODE:
        jenis = "periode"
    elif sisa == BERKAS_RIWAYAT:
        jenis = "riwayat"
    elif len(bagian) == 5 and bagian[3] == FOLDER_FORMULIR and sisa.endswith(".yml"):
        jenis = "formulir"
    else:
        folder: dict[str, Jenis] = {FOLDER_BUKTI: "bukti", FOLDER_ARSIP: "arsip",
                                    FOLDER_LKJIP: "lkjip"}
        jenis = folder.get(bagian[3], "lain")
    return Letak(jenis, tahun, kode, sisa)


FOLDER_SITUS_ARSIP = "arsip"  # the archive's pages, under the site's root


def jalan_arsip(tahun: int, kode: str | None = None) -> str:
    """A year's (or a period's) page on the public archive, relative to the site's root."""
    return f"{FOLDER_SITUS_ARSIP}/{tahun}/" + (f"{kode}/" if kode else "")


_DIBACA = frozenset({"kantor", "pk", "renaksi", "periode", "riwayat", "formulir", "bukti",
                     "arsip", "lkjip"})

# Where kinerja's files live, as a person is told when a file they named is not one.
SUSUNAN = (f"{BERKAS_KANTOR}, {FOLDER_PERIODS}/TAHUN/{BERKAS_PK}, "
           f"{FOLDER_PERIODS}/TAHUN/{BERKAS_RENAKSI}, {FOLDER_PERIODS}/TAHUN/PERIODE/"
           f"{BERKAS_PERIODE}, {FOLDER_PERIODS}/TAHUN/PERIODE/{FOLDER_FORMULIR}/SEKSI.yml, "
           f"{FOLDER_PERIODS}/TAHUN/PERIODE/{FOLDER_BUKTI}/, {FOLDER_PERIODS}/TAHUN/tahunan/"
           f"{FOLDER_LKJIP}/")


def dibaca(rel: str, *, folder: bool) -> bool:
    """Whether kinerja reads this repo-relative path (a folder: whether it reads what is in it),
    so naming a file it never reads is said, not passed as valid."""
    bagian = [b for b in rel.strip("/").split("/") if b not in ("", ".")]
    if any(b.startswith(".") for b in bagian):
        return False
    if folder:
        if len(bagian) <= 1:
            return bagian in ([], [FOLDER_PERIODS])
        if len(bagian) == 2:
            return bagian[0] == FOLDER_PERIODS and tahun_folder(bagian[1]) is not None
        return letak("/".join(bagian)).jenis == "folder" or \
            letak("/".join(bagian) + "/x.yml").jenis in _DIBACA
    return letak("/".join(bagian)).jenis in _DIBACA


# What a ratification seals, within a period folder: its content (forms, evidence, the LKjIP's
# prose) — not the schedule and the cover letter's number (steps 9–10 come after the
# ratification and must not undo it), not the signed paper scan (step 10), not the record.
LUAR_SEGEL = frozenset({BERKAS_PERIODE, BERKAS_RIWAYAT})


def tersegel(sisa: str) -> bool:
    """Whether a path inside a period folder is part of what a ratification seals (and of what
    an approval refers to)."""
    return sisa not in LUAR_SEGEL and not sisa.startswith(FOLDER_ARSIP + "/")


def tersembunyi(sisa: str) -> bool:
    """A dotfile or a file in a dot-folder: not a file of the period's content."""
    return any(b.startswith(".") for b in sisa.split("/"))
