"""Every check across files, as findings. Pure: what was loaded (with each period's ratification
attached) in, findings out — each family of rules in its own module."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from kinerja.inti.model import Kantor, Periode, PerjanjianKinerja, RencanaAksi
from kinerja.inti.temuan import Temuan
from kinerja.periksa.formulir import periksa_periode
from kinerja.periksa.kantor import periksa_kantor
from kinerja.periksa.pk import periksa_pk
from kinerja.periksa.prosa import periksa_prosa
from kinerja.periksa.renaksi import periksa_rencana
from kinerja.ukur.tersegel import renaksi_periode, terapkan

__all__ = ["periksa_kantor", "periksa_tahun"]


def periksa_tahun(akar: Path, kantor: Kantor, pk: PerjanjianKinerja, ra: RencanaAksi | None,
                  periode: list[Periode], *, lengkap: bool,
                  hanya: Callable[[Periode], bool] | None = None,
                  diukur: Mapping[str, tuple[Kantor, PerjanjianKinerja]] | None = None
                  ) -> Iterator[Temuan]:
    """A year: its PK and Rencana Aksi against the office, and each period's forms (all, or
    those ``hanya`` picks) — a ratified one against what it was measured by when sealed
    (``diukur``, by period id, where the caller has it already)."""
    yield from periksa_pk(kantor, pk)
    if ra is not None:
        yield from periksa_rencana(kantor, pk, ra)
    for p in periode:
        if hanya is not None and not hanya(p):
            continue
        k, pk_p = diukur[p.id] if diukur is not None and p.id in diukur else \
            terapkan(kantor, pk, p.segel)
        yield from periksa_periode(akar, k, pk_p, p, renaksi_periode(ra, p), lengkap=lengkap)
        if p.kode == "tahunan":
            yield from periksa_prosa(akar, p.tahun, pk_p, lengkap=lengkap)
