"""Hostile and odd files: each is refused (or accepted) with a finding, never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import jalankan

TRANTIB = Path("periods/2026/tw1/formulir/trantib.yml")


def test_berkas_raksasa(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    asli = TRANTIB.read_text()
    TRANTIB.write_text(asli + "# " + "x" * (2 * 1024 * 1024) + "\n")
    hasil = jalankan(capsys, "periksa")
    assert hasil.kode == 1
    assert f"{TRANTIB.as_posix()}:1:1: galat: berkas terlalu besar" in hasil.keluaran


def test_bom_alias_tidak_meledak(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Billion laughs: ten levels of ten aliases would be 10^10 nodes if anything expanded."""
    baris = ["seksi: trantib", "periode: 2026-tw1", "a0: &a0 [lol, lol, lol, lol, lol]"]
    for n in range(1, 10):
        baris.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]")
    baris.append("isian: *a9")
    TRANTIB.write_text("\n".join(baris) + "\n")
    mulai = time.perf_counter()
    hasil = jalankan(capsys, "periksa")
    assert time.perf_counter() - mulai < 5  # generous: expansion would take hours, not seconds
    assert hasil.kode == 1
    assert "kunci «a0» tidak dikenal" in hasil.keluaran
    assert "galat: alias YAML (*nama) tidak didukung" in hasil.keluaran


def test_karakter_nul(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    TRANTIB.write_bytes(b"seksi: trantib\nperiode: 2026-tw1\x00\n")
    hasil = jalankan(capsys, "periksa")
    assert hasil.kode == 1
    assert f"{TRANTIB.as_posix()}:2:1: galat: berkas memuat karakter NUL" in hasil.keluaran


@pytest.mark.parametrize(("isi", "pesan"), [
    ('seksi: "trantib\n', "tanda kutip tidak ditutup"),
    ("seksi: trantib\n  periode: x\n", "«periode» dimulai pada kolom 3, padahal kunci yang "
     "sejajar dengannya pada kolom 1; samakan indentasinya — hapus 2 spasi di awal baris ini"),
    ("seksi: trantib\nperiode: 2026-tw1\nisian:\n  - indikator: IK-3\n    penjelasan: Catatan: "
     "rutin\n", 'tulis «penjelasan: "Catatan: rutin"»'),
    ("seksi: trantib\nisian:\n  - indikator: IK-3\n - realisasi: 2\n", "indentasi"),
    ("seksi: trantib\nperiode: 2026-tw1\nisian:\n  - indikator: IK-3\n    penjelasan: "
     '"Rapat "koordinasi" rutin."\n',
     'diawali tanda kutip ganda, tetapi masih ada teks sesudah kutip penutupnya; apit seluruh '
     'nilainya dengan tanda kutip ganda (kutip ganda di dalamnya ditulis \\") — tulis '
     '«penjelasan: "\\"Rapat \\"koordinasi\\" rutin.\\""»'),
    ("seksi: trantib\nperiode: 2026-tw1\nisian:\n  - indikator: IK-3\n    penjelasan: "
     "[lihat lampiran] rapat rutin.\n", 'diawali «[», yang dibaca sebagai awal daftar'),
    ("seksi: trantib\nperiode:2026-tw1\n", "tulis «periode: 2026-tw1»"),
    ("- satu\n- dua\n", "isi berkas harus berupa kumpulan «kunci: nilai»"),
    ("seksi: [trantib\n", "sintaks YAML tidak valid"),
    ('seksi: "a\\qb"\n', "garis miring terbalik"),
    ("? [a, b]\n: c\n", "kunci harus berupa teks sederhana"),
])
def test_sintaks_diterjemahkan(kantor: Path, capsys: pytest.CaptureFixture[str], isi: str,
                               pesan: str) -> None:
    TRANTIB.write_text(isi)
    hasil = jalankan(capsys, "periksa", str(TRANTIB))
    assert hasil.kode == 1
    assert pesan in hasil.keluaran
    assert "Traceback" not in hasil.keluaran + hasil.galat


def test_kutip_tak_ditutup_ditunjuk_di_tempat_pembukanya(kantor: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """The parser notices at the end of the file; the person needs the line they typed."""
    TRANTIB.write_text('seksi: trantib\nperiode: 2026-tw1\nisian:\n  - indikator: IK-3\n'
                       '    penjelasan: "Patroli rutin\n    hambatan: Hujan\n\n\n')
    hasil = jalankan(capsys, "periksa", str(TRANTIB))
    assert f"{TRANTIB.as_posix()}:5:17: galat: tanda kutip tidak ditutup" in hasil.keluaran


def test_tanpa_izin_baca(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every file regardless of mode")
    TRANTIB.chmod(0)
    hasil = jalankan(capsys, "periksa")
    assert "tidak dapat dibaca" in hasil.keluaran
