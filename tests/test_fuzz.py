"""Mutated files of every kind, as a hurried person in a web editor might leave them: exit 0 or
1, never 3, never a traceback, and every finding names a file and a line."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import jalankan

SIMBOL = [*list(":-[]{}&*!#|>\t\"'%@`,? \n"), "  ", "- ", ": ", "é", "\x00", "\ufeff", "\r\n",
          "~", "null", "1e400", "10^400", "-1", "Rp 250.000", "\x1b[31m", "</title><script>"]
# Digits that look like ASCII ones but are not: a year or a number written with them is not one.
SERUPA = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _mutasi(teks: str, acak: random.Random) -> str:
    baris = teks.splitlines(keepends=True)
    for _ in range(acak.randint(1, 4)):
        jenis = acak.randrange(9)
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
        elif jenis == 5:
            baris[i] = " " * acak.randint(0, 6) + baris[i].lstrip(" ")
        elif jenis == 6:
            baris.insert(i, " " * (len(baris[i]) - len(baris[i].lstrip(" "))) + "-\n")
        elif jenis == 7:
            baris[i] = baris[i].translate(SERUPA) if acak.random() < 0.5 else \
                baris[i].translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        else:
            kunci, titik, _ = baris[i].partition(":")
            if titik:
                baris[i] = f"{kunci}:\n"  # a value left empty
    return "".join(baris)


RIWAYAT = """periode: 2026-tw1
sumber: git
disahkan: ya
versi: 1
persetujuan:
  - peran: kasubbag-perencanaan
    nama: "Kasubbag Contoh"
    akun: "kasubbag@contoh.go.id"
    commit: "0000000"
    waktu: 2026-04-07T09:00+07:00
  - peran: sekcam
    nama: "Sekcam Contoh"
    akun: "sekcam@contoh.go.id"
    commit: "0000001"
    waktu: 2026-04-07T10:00+07:00
  - peran: camat
    nama: "Camat Contoh"
    akun: "camat@contoh.go.id"
    commit: "0000002"
    waktu: 2026-04-07T11:00+07:00
"""

JENIS = ["kinerja.yml", "periods/2026/perjanjian-kinerja.yml", "periods/2026/tw1/periode.yml",
         "periods/2026/tw1/formulir/trantib.yml", "periods/2026/tw1/riwayat.yml"]


@pytest.mark.parametrize("berkas", JENIS, ids=lambda b: b.rsplit("/", 1)[-1])
@pytest.mark.parametrize("benih", range(4))
def test_setiap_jenis_berkas_termutasi(kantor: Path, capsys: pytest.CaptureFixture[str],
                                       berkas: str, benih: int) -> None:
    Path("periods/2026/tw1/riwayat.yml").write_text(RIWAYAT, encoding="utf-8")
    acak = random.Random(f"{berkas}/{benih}")
    path = Path(berkas)
    asli = path.read_text(encoding="utf-8")
    for _ in range(30):
        path.write_text(_mutasi(asli, acak), encoding="utf-8", newline="")
        hasil = jalankan(capsys, "periksa", "--format", "json")
        assert hasil.kode in (0, 1), (berkas, hasil.galat, path.read_text())
        if hasil.keluaran:
            for t in json.loads(hasil.keluaran)["temuan"]:
                assert t["berkas"] and t["baris"] >= 1 and t["kolom"] >= 1, t
        for argv in (("rekap", "2026-tw1", "--format", "json"), ("situs",)):
            hasil = jalankan(capsys, *argv)
            assert hasil.kode in (0, 1), (berkas, argv, hasil.galat, path.read_text())
            assert "Traceback" not in hasil.keluaran + hasil.galat


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
