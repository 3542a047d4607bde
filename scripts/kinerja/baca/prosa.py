"""The LKjIP's prose: the Markdown files the office writes in the yearly period's ``lkjip/``
folder, which ones the LKjIP needs, and whether one is written yet."""

from __future__ import annotations

import re
from pathlib import Path

from kinerja.baca.teks import baca_teks
from kinerja.inti import lolos, tata
from kinerja.inti.errors import BerkasTidakValid
from kinerja.inti.model import PerjanjianKinerja
from kinerja.inti.temuan import Temuan

# The prose files, in the order the document uses them: (file, section title).
PROSA_TETAP = (("ikhtisar.md", "Ikhtisar Eksekutif"),
               ("pendahuluan.md", "Bab I Pendahuluan: tugas dan fungsi"),
               ("penutup.md", "Bab IV Penutup"))
# Written only if the office wishes: without it, the LKjIP has a standard Kata Pengantar.
PROSA_PILIHAN = (("kata-pengantar.md", "Kata Pengantar"),)
_KATA = re.compile(r"\w")


def folder(akar: Path, tahun: int) -> Path:
    return akar / tata.folder_periode(tahun, "tahunan") / tata.FOLDER_LKJIP


def berkas_analisis(kode_sasaran: str) -> str:
    return f"analisis-{lolos.slug(kode_sasaran)}.md"


def prosa_wajib(pk: PerjanjianKinerja) -> tuple[tuple[str, str], ...]:
    """Every prose file the LKjIP needs, with what it is for."""
    return (*PROSA_TETAP[:2],
            *((berkas_analisis(s.kode), f"analisis sasaran {s.kode}") for s in pk.sasaran),
            PROSA_TETAP[2])


def semua_berkas(pk: PerjanjianKinerja) -> tuple[tuple[str, str], ...]:
    """Every prose file the LKjIP reads: the optional ones first, as the document has them."""
    return (*PROSA_PILIHAN, *prosa_wajib(pk))


def tak_tampil(teks: str) -> list[tuple[int, str]]:
    """Lines of Markdown the LKjIP does not render (it keeps paragraphs, lists, sub-headings,
    bold and italic): (line number, what the line is), each printed as plain text otherwise."""
    hasil: list[tuple[int, str]] = []
    for n, baris in enumerate(teks.splitlines(), 1):
        b = baris.lstrip()
        if b.startswith("|") and b.count("|") >= 2:
            hasil.append((n, "baris tabel Markdown"))
        elif b.startswith(("```", "~~~")):
            hasil.append((n, "blok kode"))
        elif b.startswith("![") or ("](" in b and b.startswith("[")):
            hasil.append((n, "gambar atau tautan"))
        elif b.startswith("<") and ">" in b:
            hasil.append((n, "HTML"))
    return hasil


def tertulis(teks: str) -> bool:
    """Whether a prose part is written: «#» or «-» alone is a placeholder."""
    return _KATA.search(teks) is not None


def baca(akar: Path, tahun: int, nama: str) -> tuple[str, tuple[Temuan, ...]]:
    """One prose file's text ("" when absent, a link or a folder), and why it cannot be read."""
    path = folder(akar, tahun) / nama
    if path.is_symlink() or not path.is_file():
        return "", ()
    rel = f"{tata.folder_periode(tahun, 'tahunan')}/{tata.FOLDER_LKJIP}/{nama}"
    try:
        return baca_teks(path, rel), ()
    except BerkasTidakValid as e:
        return "", e.temuan
