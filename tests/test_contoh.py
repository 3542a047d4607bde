"""The sample office shipped in the repo: valid, complete where it should be, numbers right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import AKAR, jalankan
from kinerja.baca.muat import muat


def test_contoh_memenuhi_isi_issue() -> None:
    repo = muat(AKAR / "contoh")
    pk = repo.tahun[2026].pk
    assert pk is not None and repo.kantor is not None
    assert "contoh" in (AKAR / "contoh/kinerja.yml").read_text().lower()
    assert len(pk.indikator) >= 12
    assert {i.polaritas for i in pk.indikator} == {"naik", "turun"}
    assert {i.agregasi for i in pk.indikator} == {"jumlah", "terakhir", "rata-rata"}
    assert {s.id for s in repo.kantor.seksi} == {
        "sekretariat", "pemerintahan", "trantib", "pmd", "kesos", "pelayanan-umum"}
    assert sorted(repo.tahun[2026].periode) == ["tw1", "tw2", "tw3", "tw4"]


def test_contoh_valid(contoh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "periksa")
    assert hasil.kode == 0, hasil.keluaran
    assert "Kelengkapan 2026-tw3:\n  Sekretariat: 2 dari 2 indikator terisi (lengkap)" in hasil.keluaran
    assert "  Seksi Pemerintahan: 2 dari 2 indikator terisi (lengkap)" in hasil.keluaran
    assert ("  Seksi Kesejahteraan Sosial: 0 dari 3 indikator terisi (belum lengkap — IK-4.1, "
            "IK-4.2, IK-4.3 belum diisi)") in hasil.keluaran
    assert hasil.keluaran.endswith("Semua valid: 30 berkas diperiksa, tidak ada masalah.\n")
    hasil = jalankan(capsys, "periksa", "--lengkap", "periods/2026/tw3")
    assert hasil.kode == 0, hasil.keluaran
    hasil = jalankan(capsys, "periksa", "--lengkap", "periods/2026/tw4")
    assert hasil.kode == 1
    assert "«realisasi» indikator IK-4.1 belum diisi [belum-diisi]" in hasil.keluaran


def _rekap(capsys: pytest.CaptureFixture[str], periode: str) -> dict[str, object]:
    hasil = jalankan(capsys, "rekap", periode, "--format", "json")
    assert hasil.kode == 0, hasil.galat
    data: dict[str, object] = json.loads(hasil.keluaran)
    return data


def _menurut_kode(data: dict[str, object], bagian: str) -> dict[str, dict[str, object]]:
    baris = data[bagian]
    assert isinstance(baris, list)
    return {b["kode"]: b for b in baris}


def test_rekap_tw3(contoh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _rekap(capsys, "periods/2026/tw3")
    ind = _menurut_kode(data, "indikator")
    assert ind["IK-2.2"]["capaian"] == 111.11  # 100 / 90
    assert ind["IK-3.3"]["capaian"] == 104  # 78 against the 65–75 range's upper bound
    assert ind["IK-3.3"]["target"] == {"bawah": 65, "atas": 75}
    assert ind["IK-4.2"]["capaian"] == 98.67  # stunting, lower is better: (2×15 − 15,2) / 15
    assert ind["IK-2.3"]["capaian"] == 120  # capped by batas_atas
    assert ind["IK-1.2"]["capaian"] == 100  # quarter target 0, realised 0
    assert ind["IK-1.3"]["realisasi"] == "BB"
    prog = _menurut_kode(data, "program")
    assert prog["7.01.01"]["serapan"] == 70.96
    assert prog["7.01.01"]["pagu"] == 1_850_000_000


def test_rekap_teks_indonesia(contoh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "rekap", "2026-tw3")
    assert hasil.kode == 0
    assert "111,11%" in hasil.keluaran
    assert "Rp 1.850.000.000  Rp 1.312.750.000   70,96%" in hasil.keluaran


def test_rekap_tahunan_dari_triwulan(contoh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "periode", "baru", "2026", "tahunan", "--mulai", "2027-01-11")
    assert hasil.kode == 0, hasil.galat
    form = Path("periods/2026/tahunan/formulir/pemerintahan.yml").read_text()
    assert "realisasi boleh dikosongkan: dihitung dari TW I–IV (jumlah)" in form
    ind = _menurut_kode(_rekap(capsys, "2026-tahunan"), "indikator")
    assert ind["IK-1.2"]["realisasi"] == 17  # 10 + 7 + 0 + 0
    assert ind["IK-1.2"]["realisasi_dari_triwulan"] is True
    assert ind["IK-3.2"]["realisasi"] == 27  # TW IV not yet filled: 8 + 12 + 7
    # judged against the targets of the quarters measured (10 + 10 + 10), not the year's 40
    assert (ind["IK-3.2"]["target"], ind["IK-3.2"]["target_sampai"]) == (30, "tw3")
    assert ind["IK-3.2"]["capaian"] == 90
    assert ind["IK-2.3"]["realisasi"] == pytest.approx((2.5 + 1.75 + 1.5) / 3)
    assert ind["IK-2.3"]["capaian"] == 104.17
    assert ind["IK-1.3"]["realisasi"] == "BB"  # the last quarter filled
    assert ind["IK-3.1"]["realisasi"] == 7
