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


PANJANG = 20_000
JAHAT = {
    "kata panjang": "A" * PANJANG,
    "spasi panjang": "1" + " " * PANJANG + "-" + " " * PANJANG + "x",
    "pemisah berulang": "1" + "-" * PANJANG,
    "tautan panjang": "https://contoh.go.id/" + "d/" * PANJANG,
    "markah": "</title><script>alert(1)</script> \"><img src=x onerror=alert(2)> {{ config }}",
    "pembalik arah": "laporan\u202egpj.exe",
    "baris baru": "a\nb\n\n\nc",
}
# (file, the line replaced, the key written): one text field of every kind of file
TEMPAT = [
    ("kinerja.yml", "  nama: Kecamatan Contoh", "  nama"),
    ("kinerja.yml", "  alamat: Jl. Contoh No. 1", "  alamat"),
    ("periods/2026/perjanjian-kinerja.yml", "        uraian: Jumlah desa yang dibina",
     "        uraian"),
    ("periods/2026/perjanjian-kinerja.yml", "        target: 40", "        target"),
    ("periods/2026/tw1/formulir/pemerintahan.yml", "    penjelasan: Pembinaan rutin ke desa.",
     "    penjelasan"),
    ("periods/2026/tw1/formulir/pemerintahan.yml", "    realisasi: 12", "    realisasi"),
    ("periods/2026/tw1/formulir/pemerintahan.yml",
     "    bukti_dukung: https://contoh.go.id/bukti/ik-1.pdf", "    bukti_dukung"),
]


@pytest.mark.parametrize(("berkas", "baris", "kunci"), TEMPAT,
                         ids=[f"{b.rsplit('/', 1)[-1]}:{k.strip()}" for b, _, k in TEMPAT])
@pytest.mark.parametrize("jahat", list(JAHAT), ids=list(JAHAT))
def test_masukan_jahat_di_setiap_bidang(kantor: Path, capsys: pytest.CaptureFixture[str],
                                        berkas: str, baris: str, kunci: str, jahat: str) -> None:
    """Hostile text in a field of each kind of file: a finding on its line or accepted as text,
    exit 0 or 1 — never 3, never a hang (the patterns that read it are linear: bench/masukan.py)
    — and an oversized field is always a finding."""
    path = Path(berkas)
    teks = path.read_text()
    assert baris in teks
    path.write_text(teks.replace(baris, f"{kunci}: {json.dumps(JAHAT[jahat])}", 1))
    nomor = teks[:teks.index(baris)].count("\n") + 1
    hasil = jalankan(capsys, "periksa", "--format", "json")
    assert hasil.kode in (0, 1), hasil.galat
    temuan = json.loads(hasil.keluaran)["temuan"]
    if len(JAHAT[jahat]) > 2000:
        assert any(t["berkas"] == berkas and t["baris"] == nomor for t in temuan), temuan
    for argv in (("rekap", "2026-tw1"), ("laporan", "--draf", "-o", "x.pdf")):
        hasil = jalankan(capsys, *argv)
        assert hasil.kode in (0, 1), (argv, hasil.galat)
        assert "kesalahan internal" not in hasil.galat and "Traceback" not in hasil.galat
