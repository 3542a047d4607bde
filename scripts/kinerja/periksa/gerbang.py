"""The one rule for which findings stop work on a period."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from kinerja.inti import tata
from kinerja.inti.temuan import Temuan

Untuk = Literal["ukur", "surat", "buat"]


def penghalang(temuan: Iterable[Temuan], *, tahun: int, kode: str | None,
               untuk: Untuk = "ukur") -> tuple[Temuan, ...]:
    """Errors (never warnings) that stop work on a period:

    * ``ukur`` — measuring, approving, rendering the report, publishing: errors in the office
      (``kinerja.yml``), in the year's Perjanjian Kinerja, in the period's ratification tag, or
      anywhere in the period's folder — and, for the yearly period, in the quarters' folders its
      values are aggregated from (a quarter's refused value must not silently drop out);
    * ``surat`` — the cover letter: errors in the office or in the period's ``periode.yml``;
    * ``buat`` — creating a period: errors in the office or in the year's PK.
    """
    pk = tata.berkas_pk(tahun)
    folder = tata.folder_periode(tahun, kode) if kode else None

    def menghalangi(b: str) -> bool:
        if b == tata.BERKAS_KANTOR:
            return True
        if untuk == "surat":
            return b == f"{folder}/{tata.BERKAS_PERIODE}"
        if b == pk:
            return True
        if untuk != "ukur" or folder is None:
            return False
        if kode == "tahunan":
            return any(b == tata.folder_periode(tahun, k) or
                       b.startswith(tata.folder_periode(tahun, k) + "/") for k in tata.PERIODE)
        return b == folder or b.startswith(folder + "/")

    return tuple(t for t in temuan if t.galat and menghalangi(t.berkas))
