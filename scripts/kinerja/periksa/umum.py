"""Small pieces every family of checks shares."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kinerja.inti.model import Kantor, PerjanjianKinerja
from kinerja.inti.temuan import Lok, Temuan, temuan


def ganda(nilai: Iterable[tuple[str, Lok]], apa: str) -> Iterator[Temuan]:
    """A code used twice: the second and later uses, each pointing at the first."""
    pertama: dict[str, Lok] = {}
    for kode, tempat in nilai:
        if kode in pertama:
            yield temuan(tempat, "kode-ganda",
                         f"{apa} «{kode}» sudah dipakai di baris {pertama[kode].baris}; "
                         "setiap kode harus unik")
        else:
            pertama[kode] = tempat


def seksi_berformulir(k: Kantor, pk: PerjanjianKinerja) -> list[str]:
    """Sections that must fill a form: those the PK gives an indicator or a programme."""
    perlu = {i.seksi for i in pk.indikator} | {p.seksi for p in pk.program}
    return [s.id for s in k.seksi if s.id in perlu]
