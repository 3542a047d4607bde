"""One data file read and checked against its schema: what is usable of it, and every problem.

A syntax error is reported, and the rest of the file is still checked where the error's fix is
known (``sintaks``): the file as it would read with the fix made, in memory only. That repaired
reading is handed back marked ``dipulihkan`` — for checks, never for figures.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from kinerja.baca import sintaks
from kinerja.baca.jenis import Obj
from kinerja.baca.peta import Peta, periksa_dokumen
from kinerja.baca.teks import SintaksRusak, baca_teks, susun
from kinerja.inti import tata
from kinerja.inti.beku import beku
from kinerja.inti.errors import BerkasTidakValid
from kinerja.inti.temuan import Lok, Temuan, geser, temuan


@beku
class Dokumen:
    obj: Obj | None  # what is usable; None when nothing is
    temuan: tuple[Temuan, ...]
    # Read past a syntax error: per corrected line, the columns it moved (None: read as it is).
    geser: dict[int, int] | None = None

    @property
    def dipulihkan(self) -> bool:
        return self.geser is not None


def _saran_kosong(berkas: str) -> str:
    letak = tata.letak(berkas)
    if letak.jenis == "formulir":
        return (f"buat ulang kerangkanya dengan «kinerja periode baru {letak.tahun} "
                f"{letak.periode}» (berkas kosong diisi ulang; formulir lain tidak diubah)")
    if letak.jenis in ("kantor", "pk"):
        return "isi berkas ini; kerangka kinerja.yml dan Perjanjian Kinerja ditulis «kinerja mulai»"
    return "isi berkas ini atau hapus"


def baca(path: Path | None, berkas: str, jenis: Peta, teks: str | None = None) -> Dokumen:
    """Read and check ``path`` (or ``teks``: the file as it stands in a commit), reported under
    ``berkas``."""
    def masalah(node: yaml.Node) -> int:
        return len(periksa_dokumen(node, jenis, berkas)[1])

    try:
        if teks is None:
            assert path is not None
            teks = baca_teks(path, berkas)
        node = susun(teks, berkas, masalah)
    except SintaksRusak as e:
        return _baca_pulih(e, berkas, jenis, masalah)
    except BerkasTidakValid as e:
        return Dokumen(None, e.temuan)
    if node is None:
        return Dokumen(None, (temuan(Lok(berkas), "berkas-kosong",
                                     f"berkas kosong; {_saran_kosong(berkas)}"),))
    obj, hasil = periksa_dokumen(node, jenis, berkas, teks)
    return Dokumen(obj, hasil)


def _baca_pulih(e: SintaksRusak, berkas: str, jenis: Peta,
                masalah: object) -> Dokumen:
    """Every problem at once, even past a syntax error: where its fix is known, the rest of the
    file is checked as if the fix were made, in memory only (the file stays unreadable)."""
    semua: list[Temuan] = list(e.temuan)
    kolom: dict[int, int] = {}
    teks = e.teks
    for _ in range(20):  # a bound: each round fixes one line
        if e.saran_sintaks is None:
            return Dokumen(None, tuple(semua))
        teks = sintaks.pulihkan(teks, e.saran_sintaks)
        kolom[e.saran_sintaks.baris] = kolom.get(e.saran_sintaks.baris, 0) + e.saran_sintaks.geser
        try:
            node = susun(teks, berkas, masalah)  # type: ignore[arg-type]
        except SintaksRusak as lagi:
            semua += lagi.temuan  # a further syntax error, on another line
            e = lagi
            continue
        except BerkasTidakValid:
            return Dokumen(None, tuple(semua))
        if node is None:
            return Dokumen(None, tuple(semua))
        obj, hasil = periksa_dokumen(node, jenis, berkas, teks)
        return Dokumen(obj, (*semua, *geser(hasil, kolom)), kolom)
    return Dokumen(None, tuple(semua))


