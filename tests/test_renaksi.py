"""The Rencana Aksi: the skeleton from the PK, the forms pre-filled with the quarter's actions,
the quarterly evaluation (figures checked by hand), the signed document, and the seal that keeps
a ratified quarter's plan as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import KASUS, jalankan
from test_alur import kantor_git

RENAKSI = KASUS / "valid/renaksi/repo/periods/2026/rencana-aksi.yml"


def _teks_pdf(pdf: Path) -> str:
    return "\n".join(" ".join(h.extract_text().split()) for h in PdfReader(pdf).pages)


def test_kerangka_dari_pk(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "renaksi", "baru", "2026")
    assert hasil.kode == 0, hasil.galat
    teks = (kantor / "periods/2026/rencana-aksi.yml").read_text()
    # one block per indicator, the person in charge defaulting to the section's head
    assert '  - indikator: "IK-3"\n    aksi:\n      - kode: "RA-3.1"\n' \
           "        triwulan: [tw1, tw2, tw3, tw4]\n        uraian:\n" \
           '        penanggung_jawab: "kasi-trantib"\n        keluaran:\n' in teks
    periksa = jalankan(capsys, "periksa")
    assert periksa.kode == 1
    assert "periods/2026/rencana-aksi.yml:23:16: galat: «uraian» tidak boleh kosong: uraian " \
           "aksi [wajib-diisi]" in periksa.keluaran
    lagi = jalankan(capsys, "renaksi", "baru", "2026")
    assert lagi.kode == 1 and "sudah ada dan tidak ditimpa" in lagi.galat
    assert (kantor / "periods/2026/rencana-aksi.yml").read_text() == teks


def test_formulir_diisi_aksi_triwulannya(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(RENAKSI, kantor / "periods/2026/rencana-aksi.yml")
    assert jalankan(capsys, "periode", "baru", "2026", "tw2", "--mulai", "2026-07-06").kode == 0
    trantib = (kantor / "periods/2026/tw2/formulir/trantib.yml").read_text()
    # TW II: only RA-3.2 (RA-3.1 is planned for TW I)
    assert "    rencana_aksi:  # status: terlaksana, sebagian, atau belum\n" \
           "      # RA-3.2 Piket siaga bencana · penanggung jawab: Kepala Seksi Trantib\n" \
           "      - aksi: RA-3.2\n        status:\n        catatan:\n" in trantib
    assert "RA-3.1" not in trantib
    assert jalankan(capsys, "periksa", "periods/2026/tw2").kode == 0
    lengkap = jalankan(capsys, "periksa", "--lengkap", "periods/2026/tw2")
    assert "status aksi RA-3.2 belum diisi; tulis terlaksana, sebagian, atau belum " \
           "[belum-diisi]" in lengkap.keluaran


def test_evaluasi_di_laporan_triwulan(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The golden case's TW I: Pemerintahan planned 2 actions (RA-1.1 done, RA-2.1 half done:
    75%), Trantib 1 (RA-3.1 not done: 0%). IK-1: target 10, realisation 12, gap +2."""
    shutil.copytree(KASUS / "valid/renaksi/repo", kantor, dirs_exist_ok=True)
    hasil = jalankan(capsys, "laporan", "--draf", "2026-tw1")
    assert hasil.kode == 0, hasil.galat
    md = (kantor / "build/2026-tw1/laporan.md").read_text()
    assert "# Evaluasi Rencana Aksi" in md
    teks = _teks_pdf(kantor / "build/2026-tw1/laporan-pengukuran-kinerja-2026-tw1-draf.pdf")
    assert "Seksi Pemerintahan 2 1 1 0 75%" in teks
    assert "Seksi Trantib 1 0 0 1 0%" in teks
    assert "IK-1 Jumlah desa yang dibina 10 12 +2 120% 1 dari 1" in teks
    assert "RA-2.1 Melengkapi dokumen SAKIP: Renstra, Renja, PK (Kasubbag Perencanaan): " \
           "Sebagian. Renja belum ditetapkan." in teks
    assert "RA-3.1 Simulasi tanggap bencana (Kepala Seksi Trantib): Belum" in teks


def test_dokumen_rencana_aksi(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(RENAKSI, kantor / "periods/2026/rencana-aksi.yml")
    hasil = jalankan(capsys, "renaksi", "2026")
    assert hasil.kode == 0, hasil.galat
    teks = _teks_pdf(kantor / "build/2026/rencana-aksi-2026.pdf")
    assert "RENCANA AKSI TAHUN 2026" in teks
    assert "Kecamatan Contoh, Kabupaten Contoh" in teks
    assert "IK-3 Waktu tanggap bencana" in teks
    assert "Target tahunan 2 jam; TW I 2 · TW II 2 · TW III 2 · TW IV 2." in teks
    assert "RA-3.2 Piket siaga bencana II, III, IV Kepala Seksi Trantib Jadwal piket" in teks
    assert "CAMAT" in teks and "Camat Contoh" in teks
    tanpa = jalankan(capsys, "renaksi", "2025")
    assert tanpa.kode == 1 and "Perjanjian Kinerja 2025 belum ada" in tanpa.galat


def test_aksi_triwulan_disegel(kantor: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    """After TW II is ratified, the Rencana Aksi is rewritten: the ratified quarter is still
    evaluated against the actions sealed with it, and its forms are not reopened."""
    shutil.copy(RENAKSI, kantor / "periods/2026/rencana-aksi.yml")
    k = kantor_git(kantor, monkeypatch, capsys)
    k.periode_terisi("kasi-pem")
    for seksi, kode in (("pemerintahan", "RA-1.1"), ("pemerintahan", "RA-2.1"),
                        ("trantib", "RA-3.2")):
        k.isi(seksi, {f"      - aksi: {kode}\n        status:\n":
                      f"      - aksi: {kode}\n        status: terlaksana\n"}, f"Aksi {kode}")
    assert "status     disahkan" in k.setujui_dan_sahkan()
    rencana = kantor / "periods/2026/rencana-aksi.yml"
    rencana.write_text(rencana.read_text().replace("Piket siaga bencana", "Apel siaga")
                       .replace("triwulan: [tw2, tw3, tw4]", "triwulan: [tw3, tw4]")
                       .replace("      - kode: RA-3.1\n        triwulan: tw1",
                                "      - kode: RA-3.1\n        triwulan: [tw1, tw2]"))
    k.git("commit", "-qam", "Rencana aksi diubah")
    # the ratified quarter is not reopened by the new plan
    assert jalankan(capsys, "periksa", "periods/2026/tw2").kode == 0
    assert jalankan(capsys, "laporan", "2026-tw2").kode == 0
    teks = (kantor / "build/2026-tw2/laporan.md").read_text()
    assert "Piket siaga bencana" in teks and "Apel siaga" not in teks
    assert "RA-3.1" not in teks
    # and the public page of the quarter shows the same evaluation
    from buatan import salin_situs

    salin_situs(kantor)
    assert jalankan(capsys, "situs").kode == 0
    halaman = (kantor / "content/arsip/2026/tw2/index.md").read_text()
    assert "## Evaluasi Rencana Aksi" in halaman
    assert ('<td class="utama">Seksi Trantib</td><td class="kanan">1</td><td class="kanan">1</td>'
            in halaman)
    assert "RA-3.2 Piket siaga bencana</td><td>Kepala Seksi Trantib</td><td>Terlaksana" in halaman
    assert "Apel siaga" not in halaman


def test_rencana_rusak_satu_temuan_saja(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plan that cannot be read as a plan is one finding on its line: the forms are not told
    to delete their evaluations, and no section is said to lack actions."""
    shutil.copytree(KASUS / "valid/renaksi/repo", kantor, dirs_exist_ok=True)
    (kantor / "periods/2026/rencana-aksi.yml").write_text("tahun: 2026\nrencana_aksi: foo\n")
    hasil = jalankan(capsys, "periksa")
    temuan = [b for b in hasil.keluaran.splitlines() if ": galat: " in b]
    assert temuan == ["periods/2026/rencana-aksi.yml:2:15: galat: «rencana_aksi» harus berupa "
                      "daftar (setiap butir diawali «- ») [tipe-salah]"]
    assert jalankan(capsys, "laporan", "--draf", "2026-tw1").kode == 0


def test_evaluasi_ganda_dan_kode_salah_ketik(kantor: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(KASUS / "valid/renaksi/repo", kantor, dirs_exist_ok=True)
    form = kantor / "periods/2026/tw1/formulir/pemerintahan.yml"
    form.write_text(form.read_text().replace(
        "      - aksi: RA-1.1\n        status: terlaksana\n        catatan: 12 desa dikunjungi.\n",
        "      - aksi: RA-1.1\n        status: terlaksana\n        catatan: 12 desa dikunjungi.\n"
        "      - aksi: RA-1.1\n        status: belum\n").replace("- aksi: RA-2.1", "- aksi: ra-2.l"))
    hasil = jalankan(capsys, "periksa")
    assert "evaluasi aksi «RA-1.1» sudah dipakai di baris 31; setiap kode harus unik " \
           "[kode-ganda]" in hasil.keluaran
    assert "aksi «ra-2.l» tidak direncanakan untuk IK-2 pada Triwulan I; maksud Anda «RA-2.1»? " \
           "— tulis aksi: RA-2.1 [aksi-tak-dikenal]" in hasil.keluaran
    assert "[aksi-hilang]" not in hasil.keluaran


def test_pdf_rencana_aksi_lama_tidak_diterbitkan(kantor: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The year's page never offers a PDF of an earlier plan beside today's table."""
    from buatan import salin_situs

    shutil.copy(RENAKSI, kantor / "periods/2026/rencana-aksi.yml")
    salin_situs(kantor)
    assert jalankan(capsys, "renaksi", "2026").kode == 0
    rencana = kantor / "periods/2026/rencana-aksi.yml"
    rencana.write_text(rencana.read_text().replace("Piket siaga bencana", "Apel siaga"))
    from kinerja.dokumen.renaksi import sidik_renaksi
    from kinerja.pengesahan.segel import sidik_sama

    pdf = kantor / "build/2026/rencana-aksi-2026.pdf"
    assert not sidik_sama(pdf, sidik_renaksi(kantor, 2026))  # stale: not offered
    assert jalankan(capsys, "renaksi", "2026").kode == 0
    assert sidik_sama(pdf, sidik_renaksi(kantor, 2026))
    assert "Apel siaga" in _teks_pdf(pdf)
