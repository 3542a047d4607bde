"""Findings as values: where, which rule, how serious, and what to do (as yamllint's LintProblem).

A finding's level is its rule's, from the one registry (``aturan``). Readers and checks produce
findings and hand them back (a generator, or a tuple in what they return); no list of findings is
shared between modules, and the checked snapshot (``layanan``) deduplicates and sorts them once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from kinerja.inti.aturan import ATURAN, Tingkat
from kinerja.inti.beku import beku

GALAT: Tingkat = "galat"
PERINGATAN: Tingkat = "peringatan"


@beku(order=True)
class Temuan:
    berkas: str  # repo-relative, POSIX separators (or «tag pengesahan/…» for a Git tag)
    baris: int  # 1-based
    kolom: int  # 1-based
    aturan: str
    tingkat: Tingkat
    pesan: str

    @property
    def galat(self) -> bool:
        return self.tingkat == GALAT


class Lok(NamedTuple):
    """A place in a file, carried by model values so cross-file checks can point at the right line.

    A tuple rather than a frozen dataclass: the loader makes one for every YAML node (280 000
    for a 100-year archive), and a frozen dataclass costs four times as much to create."""

    berkas: str
    baris: int = 1
    kolom: int = 1


def temuan(lok: Lok, aturan: str, pesan: str) -> Temuan:
    """A finding at ``lok``; its level is the rule's (an unregistered rule is a bug)."""
    return Temuan(lok.berkas, lok.baris, lok.kolom, aturan, ATURAN[aturan].tingkat, pesan)


def geser(semua: Iterable[Temuan], kolom: dict[int, int] | None) -> list[Temuan]:
    """Findings read past a corrected line, moved back to the columns of the file as it is
    (``kolom``: per corrected line, how far it moved)."""
    if not kolom:
        return list(semua)
    return [replace(t, kolom=max(1, t.kolom - kolom[t.baris])) if t.baris in kolom else t
            for t in semua]


def rapikan(semua: Iterable[Temuan]) -> tuple[Temuan, ...]:
    """Each finding once, in file and line order: what every command reports."""
    return tuple(sorted(set(semua)))


class Pengumpul:
    """One reader's own list while it reads one file; handed back as a tuple (``hasil``)."""

    __slots__ = ("_isi",)

    def __init__(self) -> None:
        self._isi: list[Temuan] = []

    def tambah(self, lok: Lok, aturan: str, pesan: str) -> None:
        self._isi.append(temuan(lok, aturan, pesan))

    def semua(self, daftar: Iterable[Temuan]) -> None:
        self._isi.extend(daftar)

    @property
    def hasil(self) -> tuple[Temuan, ...]:
        return tuple(self._isi)

    def __len__(self) -> int:
        return len(self._isi)
