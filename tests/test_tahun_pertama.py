"""A kota office's first year, as its Kasubbag lives it, in plain Git: «kinerja mulai», a first
quarter ratified before the year's Rencana Aksi existed (the trap the trial fell into), the plan,
a second quarter evaluated against it, the first quarter revised and completed with the plan's
actions by «periode baru», then the year and its LKjIP — dated as made late, measured in part,
answering to a Wali Kota, and naming nothing of the sample office."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from buatan import salin_templat
from conftest import DASAR, KASUS
from test_alur import ISI_TRANTIB, LENGKAP_PEM, Kantor
from test_mulai import CONTOH

AKSI = {  # each quarter's action entries as «periode baru» writes them, marked by the section
    "RA-1.1": ("terlaksana", "Sebelas desa dikunjungi."),
    "RA-2.1": ("sebagian", "Renja belum ditetapkan."),
    "RA-3.1": ("terlaksana", "Simulasi di dua desa."),
    "RA-3.2": ("belum", "Jadwal piket disusun bulan depan."),
}


def _teks_pdf(pdf: Path) -> str:
    return " ".join(" ".join((h.extract_text() or "").split()) for h in PdfReader(pdf).pages)


class Kota(Kantor):
    def isi_triwulan(self, kode: str) -> None:
        """Both sections fill their forms, actions included, each as its own commit."""
        for seksi, ganti in (("pemerintahan", LENGKAP_PEM), ("trantib", ISI_TRANTIB)):
            form = self.akar / f"periods/2026/{kode}/formulir/{seksi}.yml"
            teks = form.read_text()
            for a, b in ganti.items():
                if a in teks:
                    teks = teks.replace(a, b, 1)
            for aksi, (status, catatan) in AKSI.items():
                teks = teks.replace(f"      - aksi: {aksi}\n        status:\n        catatan:\n",
                                    f"      - aksi: {aksi}\n        status: {status}\n"
                                    f"        catatan: {catatan}\n")
            form.write_text(teks)
            self.git("commit", "-qam", f"Isi {seksi} {kode}")

    def sahkan(self, pid: str, hari: str) -> str:
        self.sebagai("kasubbag", f"{hari} 09:00")
        self.kinerja("setujui", pid, "--sebagai", "kasubbag-perencanaan")
        self.sebagai("sekcam", f"{hari} 10:00")
        self.kinerja("setujui", pid, "--sebagai", "sekcam")
        self.sebagai("camat", f"{hari} 11:00")
        return self.kinerja("sahkan", pid)


def test_tahun_pertama_kantor_kota(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    akar = salin_templat(tmp_path / "pekalongan-utara")
    monkeypatch.chdir(akar)
    k = Kota(akar, monkeypatch, capsys)
    k.git("init", "-q", "-b", "main")
    k.sebagai("kasubbag", "2026-01-05 08:00")
    k.git("add", ".")
    k.git("commit", "-qm", "Salinan kinerja")

    mulai = k.kinerja("mulai", "--instansi", "Kecamatan Pekalongan Utara", "--pemerintah",
                      "Pemerintah Kota Pekalongan", "--kota", "Pekalongan", "--kertas", "A4",
                      "--tahun", "2026")
    assert "kinerja renaksi baru 2026" in mulai  # the year's order, told at the start
    kerangka = (akar / "periods/2026/perjanjian-kinerja.yml").read_text()
    assert "Wali Kota Pekalongan" in kerangka and "Bupati" not in kerangka

    # The office's own people and PK (the small test office, as a kota office).
    (akar / "kinerja.yml").write_text(
        (DASAR / "kinerja.yml").read_text().replace("Kecamatan Contoh", "Kecamatan Pekalongan Utara")
        .replace("Pemerintah Kabupaten Contoh", "Pemerintah Kota Pekalongan"))
    (akar / "periods/2026/perjanjian-kinerja.yml").write_text(
        (DASAR / "periods/2026/perjanjian-kinerja.yml").read_text().replace(
            "{nama: Bupati Contoh, jabatan: Bupati}",
            "{nama: Wali Kota Contoh, jabatan: Wali Kota Pekalongan}"))
    k.git("add", "-A")
    k.git("commit", "-qm", "Kantor Pekalongan Utara")

    # TW I, ratified before the plan: status warns, the report says it was not evaluated.
    k.sebagai("kasubbag", "2026-04-06 09:00")
    k.kinerja("periode", "baru", "2026", "tw1", "--mulai", "2026-04-06")
    k.git("add", "periods")
    k.git("commit", "-qm", "Buat periode TW I")
    k.sebagai("kasi-pem", "2026-04-08 10:00")
    k.isi_triwulan("tw1")
    status = k.kinerja("status", "2026-tw1")
    assert "Urutan tahun:\n  - Rencana Aksi 2026 belum ada: tulis sebelum Triwulan I Tahun 2026 " \
           "disahkan" in status
    assert "status     disahkan" in k.sahkan("2026-tw1", "2026-04-13")
    k.kinerja("laporan", "2026-tw1")
    teks = _teks_pdf(akar / "build/2026-tw1/laporan-pengukuran-kinerja-2026-tw1.pdf")
    assert ("Rencana Aksi Tahun 2026 belum disusun ketika periode ini disahkan; Triwulan I "
            "Tahun 2026 tidak dievaluasi terhadap Rencana Aksi.") in teks

    # The plan, written late and dated as signed.
    k.sebagai("kasubbag", "2026-04-20 09:00")
    k.kinerja("renaksi", "baru", "2026")
    (akar / "periods/2026/rencana-aksi.yml").write_text(
        (KASUS / "valid/renaksi/repo/periods/2026/rencana-aksi.yml").read_text())
    k.git("add", "-A")
    k.git("commit", "-qm", "Rencana Aksi 2026")
    k.kinerja("renaksi", "2026", "--tanggal", "2026-01-15")
    renaksi = _teks_pdf(next((akar / "build/2026").glob("rencana-aksi-2026*.pdf")))
    assert "15 Januari 2026" in renaksi

    # TW II, with the plan's actions in its forms.
    k.sebagai("kasubbag", "2026-07-06 09:00")
    k.kinerja("periode", "baru", "2026", "tw2", "--mulai", "2026-07-06")
    assert "      - aksi: RA-3.2\n" in (akar / "periods/2026/tw2/formulir/trantib.yml").read_text()
    k.git("add", "periods")
    k.git("commit", "-qm", "Buat periode TW II")
    k.sebagai("kasi-pem", "2026-07-08 10:00")
    k.isi_triwulan("tw2")
    assert "Urutan tahun" not in k.kinerja("status", "2026-tw2")
    assert "status     disahkan" in k.sahkan("2026-tw2", "2026-07-13")

    # TW I revised: «periode baru» adds the plan's actions; the new version is evaluated.
    k.sebagai("camat", "2026-07-20 09:00")
    k.kinerja("revisi", "2026-tw1", "--alasan", "Evaluasi Rencana Aksi dilengkapi")
    k.sebagai("kasubbag", "2026-07-20 10:00")
    lengkap = k.kinerja("periksa", "--lengkap", "periods/2026/tw1", kode=1)
    assert "jalankan «kinerja periode baru 2026 tw1» untuk menambahkan butir «- aksi: RA-1.1»" \
        in lengkap
    assert "dilengkapi periods/2026/tw1/formulir/pemerintahan.yml" in k.kinerja(
        "periode", "baru", "2026", "tw1")
    k.git("commit", "-qam", "Aksi Rencana Aksi ditambahkan ke formulir TW I")
    k.sebagai("kasi-pem", "2026-07-20 11:00")
    k.isi_triwulan("tw1")
    assert "status     disahkan" in k.sahkan("2026-tw1", "2026-07-21")
    k.kinerja("laporan", "2026-tw1")
    teks = _teks_pdf(akar / "build/2026-tw1/laporan-pengukuran-kinerja-2026-tw1.pdf")
    assert "EVALUASI RENCANA AKSI" in teks and "Sebelas desa dikunjungi." in teks
    assert ("Revisi ke-1: laporan ini adalah versi 2. Versi 1, disahkan 13 April 2026 oleh Camat "
            "Contoh, dibuka kembali pada 20 Juli 2026 dengan alasan: Evaluasi Rencana Aksi "
            "dilengkapi.") in teks

    # The year, its LKjIP drafted in January with half of it measured.
    k.sebagai("kasubbag", "2027-01-11 09:00")
    k.kinerja("periode", "baru", "2026", "tahunan", "--mulai", "2027-01-11")
    k.git("add", "periods")
    k.git("commit", "-qm", "Periode tahunan")
    assert "Triwulan III, Triwulan IV belum disahkan: angka tahunan dan LKjIP" in k.kinerja(
        "status", "2026-tahunan")
    k.kinerja("lkjip", "2026", "--draf", "--tanggal", "2027-01-20")
    lkjip = _teks_pdf(akar / "build/2026/lkjip-2026-draf.pdf")
    for harap in ("KATA PENGANTAR", "DAFTAR ISI", "20 Januari 2027", "Kecamatan Pekalongan Utara",
                  "angka tahunan ini sementara", "belum diukur: Triwulan III, Triwulan IV"):
        assert harap in lkjip, harap
    assert not re.search(r"Bupati|Kabupaten", lkjip)
    semua = lkjip + renaksi + teks + status
    for nama in CONTOH:
        assert nama not in semua, nama
