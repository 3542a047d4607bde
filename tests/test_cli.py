from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import jalankan
from kinerja.cli.grup import MODUL


def test_bantuan_berbahasa_indonesia(capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "--help")
    assert hasil.kode == 0
    assert hasil.keluaran.startswith("Pemakaian: kinerja [OPSI] PERINTAH [ARGUMEN]...")
    assert "Opsi:" in hasil.keluaran and "Perintah:" in hasil.keluaran
    assert "Tampilkan bantuan ini lalu keluar." in hasil.keluaran
    hasil = jalankan(capsys, "periksa", "-h")
    assert "Pemakaian: kinerja periksa [OPSI] [BERKAS]..." in hasil.keluaran
    assert "--lengkap" in hasil.keluaran


def test_bantuan_setiap_perintah_tanpa_bahasa_inggris(capsys: pytest.CaptureFixture[str]) -> None:

    perintah = [[n] for n in sorted(MODUL) if n != "periode"] + [["periode", "baru"]]
    for argv in perintah:
        hasil = jalankan(capsys, *argv, "--help")
        assert hasil.kode == 0, argv
        for inggris in ("OPTIONS", "Usage", "DIRECTORY", "PATH", "TEXT", "INTEGER", "FILE",
                        "[default", "[required]", "Show this message"):
            assert inggris not in hasil.keluaran, (argv, inggris)


def test_berkas_tidak_ada_ditolak_dalam_bahasa_indonesia(
        kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "periksa", "tidak-ada.yml")
    assert hasil.kode == 2
    assert "«tidak-ada.yml» tidak ada; periksa ejaan berkas atau foldernya" in hasil.galat


@pytest.mark.parametrize(("argv", "pesan"), [
    (["periksa", "--lengkp"], "opsi «--lengkp» tidak dikenal; maksud Anda --lengkap?"),
    (["perikas"], "perintah tidak dikenal: perikas"),
    (["periode", "baru"], "argumen TAHUN wajib diberikan"),
    (["periode", "baru", "2026", "tw5"],
     "nilai untuk KODE tidak valid: «tw5» bukan pilihan yang dikenal; pilih salah satu: tw1, "),
    (["periode", "baru", "20x6", "tw1"], "nilai untuk TAHUN tidak valid: «20x6» bukan tahun"),
    (["periode", "baru", "2026", "tw1", "--mulai", "1/4/2026"],
     "nilai untuk --mulai tidak valid: «1/4/2026» bukan tanggal; tulis TTTT-BB-HH"),
    (["periksa", "--format", "xml"], "nilai untuk --format tidak valid: «xml» bukan pilihan"),
])
def test_pemakaian_salah_keluar_2(kantor: Path, capsys: pytest.CaptureFixture[str],
                                  argv: list[str], pesan: str) -> None:
    hasil = jalankan(capsys, *argv)
    assert hasil.kode == 2
    assert hasil.galat.startswith("kinerja: galat: ")
    assert pesan in hasil.galat


def test_bug_keluar_3_tanpa_traceback(kantor: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import kinerja.cli.periksa

    def rusak(*_: object, **__: object) -> None:
        raise RuntimeError("contoh bug")

    monkeypatch.setattr(kinerja.cli.periksa, "jalankan", rusak)
    monkeypatch.delenv("KINERJA_DEBUG", raising=False)
    hasil = jalankan(capsys, "periksa")
    assert hasil.kode == 3
    assert "kesalahan internal (RuntimeError: contoh bug)" in hasil.galat
    assert "Traceback" not in hasil.galat


def test_format_json(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("periods/2026/tw1/formulir/trantib.yml").write_text(
        Path("periods/2026/tw1/formulir/trantib.yml").read_text().replace(
            "realisasi: 2,5", "realisasi: 2.500"))
    hasil = jalankan(capsys, "periksa", "--format", "json")
    assert hasil.kode == 1
    data = json.loads(hasil.keluaran)
    assert data["ringkasan"] == {"galat": 1, "peringatan": 0, "berkas_diperiksa": 5,
                                 "valid": False}
    assert data["temuan"] == [{
        "berkas": "periods/2026/tw1/formulir/trantib.yml", "baris": 25, "kolom": 16,
        "aturan": "angka-tak-valid", "tingkat": "galat",
        "pesan": "realisasi «2.500» bermakna ganda: bisa 2,500 atau 2500; tulis 2,5 untuk "
                 "pecahan desimal atau 2500 untuk bilangan bulat",
    }]
    assert data["kelengkapan"][1] == {
        "periode": "2026-tw1", "seksi": "trantib", "nama": "Seksi Trantib",
        "berkas": "periods/2026/tw1/formulir/trantib.yml", "terisi": 0, "diisi": 1, "jumlah": 1,
        "kurang": [["IK-3", ["penjelasan", "bukti_dukung"]]], "salah": [["IK-3", ["realisasi"]]],
        "rusak": False, "ada": True, "pk_galat": False, "lengkap": False,
        "keterangan": "IK-3: realisasi tidak valid dan penjelasan, bukti_dukung kosong"}


def test_format_github(kantor: Path, capsys: pytest.CaptureFixture[str],
                       monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ringkasan = tmp_path / "ringkasan.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(ringkasan))
    form = Path("periods/2026/tw1/formulir/pemerintahan.yml")
    form.write_text(form.read_text().replace("penjelasan: Pembinaan rutin ke desa.",
                                             "penjelasn: Pembinaan rutin, 100%"))
    hasil = jalankan(capsys, "periksa", "--format", "github")
    assert hasil.kode == 1
    baris = hasil.keluaran.splitlines()
    assert baris[0] == (
        "::error file=periods/2026/tw1/formulir/pemerintahan.yml,line=26,col=5,"
        "title=kinerja%3A kunci-tak-dikenal::kunci «penjelasn» tidak dikenal; maksud Anda "
        "«penjelasan»?; kunci yang boleh: indikator, realisasi, penjelasan, hambatan, "
        "tindak_lanjut, bukti_dukung, rencana_aksi")
    md = ringkasan.read_text()
    assert ("| 2026-tw1 | Seksi Trantib | 1 dari 1 | ⏳ belum lengkap: IK-3: penjelasan, "
            "bukti\\_dukung, hambatan, tindak\\_lanjut kosong |") in md
    assert "| periods/2026/tw1/formulir/pemerintahan.yml | 26 | galat |" in md


def test_versi(capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "--version")
    assert hasil.kode == 0
    assert hasil.keluaran.startswith("kinerja ")


def test_proses_sungguhan(kantor: Path) -> None:
    """The installed console script, as CI and people run it."""
    kinerja = Path(sys.executable).parent / "kinerja"
    hasil = subprocess.run([str(kinerja), "periksa"], capture_output=True, text=True, check=False)
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.endswith("Semua valid: 5 berkas diperiksa, tidak ada masalah.\n")
    pipa = subprocess.run(f"'{kinerja}' rekap | head -1", shell=True, capture_output=True,
                          text=True, check=False)
    assert pipa.stdout == "Pengukuran Kinerja Triwulan I Tahun 2026 — Kecamatan Contoh\n"
    assert "Traceback" not in pipa.stderr


def test_kinerja_tanpa_perintah_dan_perintah_salah_ketik(capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys)
    assert hasil.kode == 0 and hasil.keluaran.startswith("Pemakaian: kinerja [OPSI] PERINTAH")
    assert "…" not in hasil.keluaran  # every command's summary is whole
    hasil = jalankan(capsys, "periksaa")
    assert hasil.kode == 2
    assert hasil.galat.splitlines()[0] == ("kinerja: galat: perintah tidak dikenal: periksaa; "
                                           "maksud Anda «periksa»?")


# What each SOP step is known by (from the SOP's own words in scripts/kinerja/data/sop.yml): a
# sentence that names a step by number must also speak of that step.
_TANDA_LANGKAH = {
    1: ("camat", "menugaskan", "perintah", "disposisi"),
    2: ("formulir", "form", "jadwal", "timeline", "disposisi", "sekcam"),
    3: ("tautan", "formulir", "periode", "commit"),
    4: ("isi", "mengisi", "formulir", "seksi", "kasi"),
    5: ("draf", "siap diperiksa", "staf", "pelaksana"),
    6: ("kasubbag",),
    7: ("sekcam", "sekretaris kecamatan"),
    8: ("camat", "pengesahan", "sahkan", "disahkan"),
    9: ("surat pengantar", "disposisi"),
    10: ("kirim", "dikirim", "arsip", "push"),
}


def _kalimat_berlangkah(teks: str) -> list[tuple[str, list[int]]]:
    """Each sentence (or code comment) that names SOP steps, with the step numbers it names."""
    hasil = []
    for kalimat in re.split(r"\n\s*\n|(?<=[.;])\s+|\n(?=kinerja )", teks):
        for m in re.finditer(r"langkah ((?:\d+(?:\s*(?:,|dan|–|-|/)\s*)?)+)", kalimat):
            angka = [int(x) for x in re.findall(r"\d+", m[1])]
            if re.search(r"\d\s*[–-]\s*\d", m[1]):
                angka = list(range(angka[0], angka[-1] + 1))
            hasil.append((" ".join(kalimat.split()), angka))
    return hasil


def test_nomor_langkah_sesuai_sop_di_bantuan_dan_readme(capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import AKAR
    from kinerja.inti.sop import sop

    assert [x.nomor for x in sop().langkah] == list(range(1, 11))
    teks = [(" ".join(argv), jalankan(capsys, *argv, "--help").keluaran)
            for argv in [[n] for n in sorted(MODUL) if n != "periode"] + [["periode", "baru"]]]
    teks += [(p.name, p.read_text(encoding="utf-8"))
             for p in [AKAR / "README.md", *sorted((AKAR / "content").glob("*.md"))]]
    diperiksa = 0
    for asal, isi in teks:
        for kalimat, angka in _kalimat_berlangkah(isi):
            for n in angka:
                assert any(t in kalimat.lower() for t in _TANDA_LANGKAH[n]), (asal, n, kalimat)
                diperiksa += 1
    assert diperiksa > 25


def test_setiap_argumen_dijelaskan_bantuannya(capsys: pytest.CaptureFixture[str]) -> None:
    """Each word the usage line shows (PERIODE, KODE, LANGKAH …) is explained below it, so an
    error that names it («nilai untuk KODE tidak valid») points at something the help says."""

    for argv in [[n] for n in sorted(MODUL) if n != "periode"] + [["periode", "baru"]]:
        keluaran = jalankan(capsys, *argv, "--help").keluaran
        pemakaian, _, isi = keluaran.partition("\n")
        isi = isi.split("\nOpsi:")[0]
        for kata in re.findall(r"\b[A-Z]{4,}\b", pemakaian.removeprefix("Pemakaian: ")):
            if kata != "OPSI":
                assert f"{kata}:" in isi or f"Tanpa {kata}" in isi, (argv, kata, isi)
