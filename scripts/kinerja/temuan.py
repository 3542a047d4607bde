"""Findings as values: where, which rule, how serious, and what to do (as yamllint's LintProblem)."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Lok:
    """A place in a file, carried by model values so cross-file checks can point at the right line."""

    berkas: str
    baris: int = 1
    kolom: int = 1


@dataclass
class Pengumpul:
    """Collects findings so that every problem is reported at once, not just the first."""

    temuan: list[Temuan] = field(default_factory=list)

    def tambah(self, lok: Lok, aturan: str, pesan: str, tingkat: str = GALAT) -> None:
        self.temuan.append(Temuan(lok.berkas, lok.baris, lok.kolom, aturan, tingkat, pesan))

    def peringatan(self, lok: Lok, aturan: str, pesan: str) -> None:
        self.tambah(lok, aturan, pesan, PERINGATAN)

    @property
    def ada_galat(self) -> bool:
        return any(t.galat for t in self.temuan)
