"""Mutated forms, as a hurried person in a web editor might leave them: never a traceback."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from conftest import jalankan

SIMBOL = [*list(":-[]{}&*!#|>\t\"'%@`,? \n"), "  ", "- ", ": ", "é", "\x00", "\ufeff", "\r\n"]


def _mutasi(teks: str, acak: random.Random) -> str:
    baris = teks.splitlines(keepends=True)
    for _ in range(acak.randint(1, 4)):
        jenis = acak.randrange(6)
        if not baris:
            break
        i = acak.randrange(len(baris))
        if jenis == 0:
            pos = acak.randrange(len(baris[i]) + 1)
            baris[i] = baris[i][:pos] + acak.choice(SIMBOL) + baris[i][pos:]
        elif jenis == 1 and len(baris[i]) > 1:
            pos = acak.randrange(len(baris[i]) - 1)
            baris[i] = baris[i][:pos] + baris[i][pos + 1:]
        elif jenis == 2:
            baris.insert(i, baris[i])
        elif jenis == 3:
            del baris[i]
        elif jenis == 4:
            j = acak.randrange(len(baris))
            baris[i], baris[j] = baris[j], baris[i]
        else:
            baris[i] = " " * acak.randint(0, 6) + baris[i].lstrip(" ")
    return "".join(baris)


@pytest.mark.parametrize("benih", range(6))
def test_formulir_termutasi(kantor: Path, capsys: pytest.CaptureFixture[str], benih: int) -> None:
    acak = random.Random(benih)
    form = Path("periods/2026/tw1/formulir/pemerintahan.yml")
    asli = form.read_text()
    for _ in range(40):
        form.write_text(_mutasi(asli, acak), encoding="utf-8", newline="")
        for argv in (("periksa",), ("periksa", "--lengkap", "--format", "json"), ("rekap",)):
            hasil = jalankan(capsys, *argv)
            assert hasil.kode in (0, 1), (argv, hasil.galat)
            assert "kesalahan internal" not in hasil.galat, form.read_text()
            assert "Traceback" not in hasil.keluaran + hasil.galat
