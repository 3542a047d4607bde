from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.inti.model import AturanCapaian, Target
from kinerja.ukur import capaian as cp

T = Target


def hitung(t: Target, r: float | str | None, pol: str = "naik", **kw: object) -> cp.Capaian:
    return cp.hitung(t, r, polaritas=pol, **kw)  # type: ignore[arg-type]


def test_naik_dan_turun() -> None:
    assert hitung(T(nilai=90), 85.5).nilai == 95.0
    assert hitung(T(nilai=2), 2.5, "turun").nilai == 75.0
    assert hitung(T(nilai=2), 2.5, "turun", rumus_turun="T/R").nilai == 80.0
    assert hitung(T(nilai=15), 15.2, "turun").nilai == 98.67


def test_target_nol() -> None:
    nol = T(nilai=0)
    assert hitung(nol, 0).nilai == 100
    assert hitung(nol, 3).nilai == 100
    assert hitung(nol, 0, "turun").nilai == 100
    hasil = hitung(nol, 2, "turun")
    assert hasil.nilai == 0
    assert hasil.catatan and "target 0" in hasil.catatan


def test_t_per_r_dengan_realisasi_nol() -> None:
    tanpa_batas = hitung(T(nilai=5), 0, "turun", rumus_turun="T/R")
    assert tanpa_batas.nilai is None
    assert tanpa_batas.catatan and "batas_atas" in tanpa_batas.catatan
    assert hitung(T(nilai=5), 0, "turun", rumus_turun="T/R", batas_atas=120).nilai == 120


def test_rentang() -> None:
    r = T(bawah=65, atas=75)
    assert hitung(r, 70).nilai == 100
    assert hitung(r, 78).nilai == 104
    assert hitung(r, 52).nilai == 80
    turun = hitung(r, 80, "turun")
    assert turun.nilai == pytest.approx(93.33)


def test_skala() -> None:
    skala = {"AA": 6, "A": 5, "BB": 4, "B": 3}
    assert hitung(T(teks="BB"), "B", skala=skala).nilai == 75
    assert hitung(T(teks="BB"), "A", skala=skala).nilai == 125
    assert hitung(T(teks="BB"), "X", skala=skala).nilai is None


def test_batas_atas_dan_lantai() -> None:
    assert hitung(T(nilai=10), 20, batas_atas=120).nilai == 120
    hasil = hitung(T(nilai=2), 5, "turun")
    assert hasil.nilai == 0
    assert hasil.mentah == -50


def test_belum_diisi_dan_target_negatif() -> None:
    assert hitung(T(nilai=10), None).nilai is None
    assert hitung(T(nilai=-1), 5).nilai is None


def test_agregasi() -> None:
    assert cp.agregasi([10, 7, 0, None], "jumlah") == 17
    assert cp.agregasi([6, 6, 7, None], "terakhir") == 7
    assert cp.agregasi([2, 1.5, None, 2.5], "rata-rata") == 2
    assert cp.agregasi([None, None], "jumlah") is None
    assert cp.agregasi(["B", "BB"], "rata-rata") == "BB"


def test_kategori_serapan_efisiensi() -> None:
    pita = AturanCapaian().kategori
    assert cp.kategori(91, pita) == "Sangat Tinggi"
    assert cp.kategori(90.99, pita) == "Tinggi"
    assert cp.kategori(0, pita) == "Sangat Rendah"
    assert cp.kategori(None, pita) is None
    assert cp.serapan(50, 200) == 25
    assert cp.serapan(50, 0) is None
    assert cp.efisiensi(100, 90, 5) == "Efisien"
    assert cp.efisiensi(100, 97, 5) == "Cukup efisien"
    assert cp.efisiensi(80, 90, 5) == "Kurang efisien"


angka = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
positif = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)


@given(t=angka, r=angka, pol=st.sampled_from(["naik", "turun"]),
       rumus=st.sampled_from(["2T-R", "T/R"]),
       batas=st.one_of(st.none(), st.floats(min_value=100, max_value=200)))
def test_tidak_pernah_gagal_dan_tidak_negatif(t: float, r: float, pol: str, rumus: str,
                                              batas: float | None) -> None:
    hasil = cp.hitung(T(nilai=t), r, polaritas=pol, rumus_turun=rumus, batas_atas=batas)
    if hasil.nilai is not None:
        assert math.isfinite(hasil.nilai)
        assert hasil.nilai >= 0
        if batas is not None:
            assert hasil.nilai <= batas
    else:
        assert hasil.catatan


@given(t=st.floats(min_value=0.01, max_value=1e6), r1=positif, r2=positif)
def test_naik_monoton(t: float, r1: float, r2: float) -> None:
    a = cp.hitung(T(nilai=t), min(r1, r2), polaritas="naik").nilai
    b = cp.hitung(T(nilai=t), max(r1, r2), polaritas="naik").nilai
    assert a is not None and b is not None and a <= b


@given(t=st.floats(min_value=0.01, max_value=1e6), r1=positif, r2=positif,
       rumus=st.sampled_from(["2T-R", "T/R"]))
def test_turun_monoton(t: float, r1: float, r2: float, rumus: str) -> None:
    a = cp.hitung(T(nilai=t), min(r1, r2), polaritas="turun", rumus_turun=rumus, batas_atas=150)
    b = cp.hitung(T(nilai=t), max(r1, r2), polaritas="turun", rumus_turun=rumus, batas_atas=150)
    assert a.nilai is not None and b.nilai is not None and a.nilai >= b.nilai


@given(t=st.floats(min_value=0.01, max_value=1e6))
def test_realisasi_sama_target_seratus(t: float) -> None:
    for pol in ("naik", "turun"):
        assert cp.hitung(T(nilai=t), t, polaritas=pol).nilai == 100


@given(st.floats(min_value=0, max_value=200, allow_nan=False))
def test_kategori_sesuai_pita(x: float) -> None:
    pita = AturanCapaian().kategori
    nama = cp.kategori(x, pita)
    batas = {k.nama: k.min for k in pita}
    assert nama is not None
    assert x >= batas[nama]
    assert all(x < k.min for k in pita if k.min > batas[nama])


def test_pembulatan_desimal_setengah_ke_atas() -> None:
    """131,99 of 200 is exactly 65,995%: an office rounds it to 66,00 (Sedang), not to the
    binary float's 65,99 (Rendah)."""
    from kinerja.inti.model import AturanCapaian

    hasil = cp.hitung(T(nilai=200), 131.99, polaritas="naik")
    assert hasil.nilai == 66.0
    assert cp.kategori(hasil.nilai, AturanCapaian().kategori) == "Sedang"
    assert cp.hitung(T(nilai=3), 2, polaritas="naik").nilai == 66.67
    assert cp.hitung(T(nilai=200), 268.01, polaritas="turun").nilai == 66.0  # (400−268,01)/2


@given(t=st.integers(min_value=1, max_value=10**6), r=st.integers(min_value=0, max_value=10**6),
       sen=st.integers(min_value=0, max_value=99))
def test_kategori_tidak_berbalik_karena_pembulatan(t: int, r: int, sen: int) -> None:
    """The printed value is the exact decimal value rounded half up, so the category shown is
    always the category of the printed number."""
    from decimal import ROUND_HALF_UP, Decimal

    from kinerja.inti.model import AturanCapaian

    realisasi = float(f"{r}.{sen:02d}")
    hasil = cp.hitung(T(nilai=t), realisasi, polaritas="naik")
    tepat = (Decimal(f"{r}.{sen:02d}") / Decimal(t) * 100).quantize(Decimal("0.01"),
                                                                      rounding=ROUND_HALF_UP)
    assert hasil.nilai == float(tepat)
    pita = AturanCapaian().kategori
    assert cp.kategori(hasil.nilai, pita) == cp.kategori(float(tepat), pita)
