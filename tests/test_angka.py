from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.inti.angka import (
    AngkaTidakValid,
    baca_angka,
    format_angka,
    format_persen,
    format_rupiah,
    format_tanggal,
)


@pytest.mark.parametrize(("teks", "nilai"), [
    ("85,5", 85.5),
    ("85.5", 85.5),
    ("1.250.000", 1_250_000),
    ("1.234,56", 1234.56),
    ("1,234.56", 1234.56),
    ("92%", 92),
    ("92 %", 92),
    ("Rp 1.250.000", 1_250_000),
    ("Rp1.250.000,00", 1_250_000),
    ("Rp. 20.000.000", 20_000_000),
    ("Rp 1.500.000,-", 1_500_000),
    ("Rp. 1.500.000,00", 1_500_000),
    ("Rp 250.000,—", 250_000),
    ("1.500.000,-", 1_500_000),
    ("0,125", 0.125),
    ("0.125", 0.125),
    ("-3,5", -3.5),
    ("−2", -2),
    ("1250", 1250),
    ("1,250,000", 1_250_000),
    ("12,3456", 12.3456),
])
def test_baca_angka(teks: str, nilai: float) -> None:
    assert baca_angka(teks) == pytest.approx(nilai)


@pytest.mark.parametrize(("teks", "pesan"), [
    ("1.250", "bermakna ganda"),
    ("1,250", "bermakna ganda"),
    ("2.500", "bermakna ganda"),
    ("12.50.000", "setiap tiga angka"),
    ("1.234.5", "setiap tiga angka"),
    ("1,2,3", "setiap tiga angka"),
    ("1.234,5,6", "lebih dari sekali"),
    ("dua", "bukan angka"),
    ("", "bukan angka"),
    ("85,", "bukan angka"),
    ("Rp", "bukan angka"),
    ("1 250", "bukan angka"),
])
def test_baca_angka_menolak(teks: str, pesan: str) -> None:
    with pytest.raises(AngkaTidakValid, match=pesan):
        baca_angka(teks)


def test_persen_dan_rupiah_bisa_dilarang() -> None:
    with pytest.raises(AngkaTidakValid):
        baca_angka("92%", boleh_persen=False)
    with pytest.raises(AngkaTidakValid):
        baca_angka("Rp 5", boleh_rupiah=False)


@pytest.mark.parametrize(("x", "teks"), [
    (1234.56, "1.234,56"),
    (85.5, "85,5"),
    (100.0, "100"),
    (0.005, "0,01"),
    (1_250_000, "1.250.000"),
    (-0.001, "0"),
    (-1234.5, "-1.234,5"),
])
def test_format_angka(x: float, teks: str) -> None:
    assert format_angka(x) == teks


def test_format_lain() -> None:
    assert format_persen(85.5) == "85,5%"
    assert format_persen(95.25) == "95,25%"
    assert format_rupiah(1_250_000) == "Rp 1.250.000"
    assert format_tanggal(date(2026, 11, 25)) == "25 November 2026"
    assert format_angka(1234.5, buang_nol=False) == "1.234,50"


@given(st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False,
                   allow_infinity=False))
def test_format_lalu_baca_kembali(d: object) -> None:
    """What kinerja prints (1.234,56) reads back as the same number, whatever its size."""
    x = float(str(d))
    teks = format_angka(x, 2, buang_nol=False)
    if teks.lstrip("-").split(",")[0].count(".") == 0 or "," in teks:
        assert baca_angka(teks) == pytest.approx(x, abs=0.006)


@given(st.integers(min_value=0, max_value=10**15))
def test_ribuan_indonesia_selalu_terbaca(n: int) -> None:
    teks = format_angka(n, 0)
    if teks.count(".") == 1 and len(teks.split(".")[0]) <= 3:
        # "1.250" alone is ambiguous by design: refused, never guessed
        with pytest.raises(AngkaTidakValid):
            baca_angka(teks)
    else:
        assert baca_angka(teks) == n


@given(st.text(max_size=20))
def test_baca_angka_tidak_pernah_error_lain(teks: str) -> None:
    try:
        baca_angka(teks)
    except AngkaTidakValid as e:
        assert str(e)


def test_rupiah_dengan_titik_ribuan_dan_batas_besar() -> None:
    assert baca_angka("Rp 250.000") == 250000
    assert baca_angka("Rp. 1.250") == 1250
    with pytest.raises(AngkaTidakValid, match="bermakna ganda"):
        baca_angka("250.000", boleh_rupiah=True)
    with pytest.raises(AngkaTidakValid, match="terlalu besar"):
        baca_angka("1" + "0" * 400)
    with pytest.raises(AngkaTidakValid, match="terlalu besar"):
        baca_angka("-" + "9" * 17)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999),
       st.sampled_from([".", ","]))
def test_saran_angka_tidak_berputar(bulat: int, pecahan: int, pemisah: str) -> None:
    """Every fix an ambiguity message suggests, typed literally, is accepted."""
    import re

    teks = f"{bulat}{pemisah}{pecahan:03d}"
    try:
        baca_angka(teks)
    except AngkaTidakValid as e:
        saran = re.findall(r"tulis (\S+) untuk|atau (\S+) untuk bilangan bulat", str(e))
        usulan = [x for pasangan in saran for x in pasangan if x]
        assert usulan, str(e)
        for u in usulan:
            baca_angka(u)
