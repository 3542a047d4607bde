"""Findings as values: where, which rule, how serious, and what to do (as yamllint's LintProblem)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

GALAT = "galat"
PERINGATAN = "peringatan"


@dataclass(frozen=True, order=True)
class Temuan:
    berkas: str  # repo-relative, POSIX separators
    baris: int  # 1-based
    kolom: int  # 1-based
    aturan: str
    tingkat: str
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


@dataclass
class Pengumpul:
    """Collects findings so that every problem is reported at once, not just the first."""

    temuan: list[Temuan] = field(default_factory=list)

    def tambah(self, lok: Lok, aturan: str, pesan: str, tingkat: str | None = None) -> None:
        """Record a finding; its level is the rule's, from the one registry (``aturan``)."""
        from kinerja.inti.aturan import ATURAN

        self.temuan.append(Temuan(lok.berkas, lok.baris, lok.kolom, aturan,
                                  tingkat or ATURAN[aturan].tingkat, pesan))

    def peringatan(self, lok: Lok, aturan: str, pesan: str) -> None:
        self.tambah(lok, aturan, pesan, PERINGATAN)

    @property
    def ada_galat(self) -> bool:
        return any(t.galat for t in self.temuan)
