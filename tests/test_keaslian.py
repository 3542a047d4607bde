"""A printed report anyone can verify: a ratified quarter's final documents carry a QR code that
a real reader decodes to the version's verification block on the built archive; the same PDF
rebuilt is byte-identical; «kinerja verifikasi» says what a file is (genuine, altered,
superseded, draft, another office's); the archive's checker page says the same in Chromium."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from test_alur import Kantor, kantor_git

KINERJA = str(Path(sys.executable).parent / "kinerja")
LAPORAN = "build/2026-tw2/laporan-pengukuran-kinerja-2026-tw2.pdf"
ALAMAT = "https://kecamatan.contoh.go.id/kinerja/"


@pytest.fixture
def g(kantor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Kantor:
    """The small test office with its archive's address, TW II ratified."""
    teks = (kantor / "kinerja.yml").read_text()
    (kantor / "kinerja.yml").write_text(teks.replace(
        "  alamat: Jl. Contoh No. 1\n", f"  alamat: Jl. Contoh No. 1\n  arsip: {ALAMAT}\n"))
    x = kantor_git(kantor, monkeypatch, capsys)
    x.periode_terisi("kasi-pem")
    x.setujui_dan_sahkan()
    return x


def _qr(pdf: Path) -> list[str]:
    """Every QR code on every page, read by zxing-cpp from the rendered pages."""
    import pypdfium2 as pdfium
    import zxingcpp

    isi = []
    for halaman in pdfium.PdfDocument(pdf):
        gambar = halaman.render(scale=4).to_pil()
        isi += [b.text for b in zxingcpp.read_barcodes(gambar)
                if b.format == zxingcpp.BarcodeFormat.QRCode]
    return isi


def _verifikasi(g: Kantor, pdf: Path) -> tuple[int, dict[str, Any]]:
    hasil = subprocess.run([KINERJA, "verifikasi", str(pdf), "--format", "json"], cwd=g.akar,
                           capture_output=True, text=True, check=False)
    assert hasil.returncode in (0, 1), hasil.stderr
    return hasil.returncode, json.loads(hasil.stdout)


def test_laporan_final_membawa_kode_qr_yang_terbaca(g: Kantor) -> None:
    g.kinerja("laporan", "2026-tw2")
    pdf = g.akar / LAPORAN
    segel = json.loads(g.kinerja("rekap", "2026-tw2", "--format", "json"))["pengesahan"]
    kode = _qr(pdf)
    # beside the signature and small in every page's footer: all the same code
    assert len(kode) >= 4 and len(set(kode)) == 1, kode
    m = re.fullmatch(re.escape(ALAMAT) + r"arsip/2026/tw2/\?sidik=([0-9a-f]{64})#versi-1", kode[0])
    assert m, kode[0]
    from pypdf import PdfReader

    teks = " ".join(" ".join((h.extract_text() or "").split()) for h in PdfReader(pdf).pages)
    pendek = " ".join(m[1][i:i + 4] for i in (0, 4, 8, 12))
    assert "Keaslian dokumen" in teks and f"Sidik segel: {pendek}" in teks
    assert "versi 1, disahkan 7 Juli 2026 oleh Camat Contoh" in teks
    meta = PdfReader(pdf).metadata
    assert meta is not None and f"kinerja-segel:{m[1]}" in str(meta["/Keywords"])
    assert segel["keadaan"] == "disahkan"


def test_pdf_yang_sama_disusun_ulang_identik(g: Kantor) -> None:
    g.kinerja("laporan", "2026-tw2")
    g.kinerja("surat", "2026-tw2", "--draf")
    pertama = (g.akar / LAPORAN).read_bytes()
    g.sebagai("kasubbag", "2026-12-01 09:00")  # another day, another clock
    (g.akar / LAPORAN).unlink()
    g.kinerja("laporan", "2026-tw2")
    assert (g.akar / LAPORAN).read_bytes() == pertama
    assert not list((g.akar / "build").rglob("*.sidik"))  # provenance lives in the PDF itself


def test_verifikasi_asli_diubah_draf_dan_kantor_lain(g: Kantor, tmp_path: Path) -> None:
    g.kinerja("laporan", "2026-tw2")
    pdf = g.akar / LAPORAN
    kode, data = _verifikasi(g, pdf)
    assert kode == 0 and data["keadaan"] == "asli"
    assert data["pesan"] == ("asli — identik dengan Laporan Pengukuran Kinerja Triwulan II "
                             "Tahun 2026 versi 1, disahkan Camat Contoh pada 7 Juli 2026")
    teks = subprocess.run([KINERJA, "verifikasi", str(pdf)], cwd=g.akar, capture_output=True,
                          text=True, check=False)
    assert teks.returncode == 0
    assert teks.stdout == f"laporan-pengukuran-kinerja-2026-tw2.pdf: {data['pesan']}\n"

    # one byte changed in the middle of the file: still claims the version, is not it
    ubah = tmp_path / "diubah.pdf"
    isi = bytearray(pdf.read_bytes())
    isi[len(isi) // 2] ^= 0x01
    ubah.write_bytes(bytes(isi))
    kode, data = _verifikasi(g, ubah)
    assert kode == 1 and data["keadaan"] == "berbeda"
    assert "isinya berbeda dari dokumen yang disusun dari versi itu" in data["pesan"]

    g.kinerja("laporan", "2026-tw2", "--draf")
    kode, data = _verifikasi(g, g.akar / "build/2026-tw2/laporan-pengukuran-kinerja-2026-tw2-draf.pdf")
    assert kode == 1 and data["keadaan"] == "draf"
    assert data["pesan"].startswith("laporan-pengukuran-kinerja-2026-tw2-draf.pdf adalah DRAF "
                                    "Laporan Pengukuran Kinerja Triwulan II Tahun 2026")

    bukan = tmp_path / "bukan.pdf"
    bukan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    kode, data = _verifikasi(g, bukan)
    assert kode == 1 and data["keadaan"] == "bukan-kinerja"


def test_verifikasi_dokumen_kantor_lain(g: Kantor, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Another office's genuine report, checked here: not this office's, said by name."""
    g.kinerja("laporan", "2026-tw2")
    lain = tmp_path / "lain"
    shutil.copytree(g.akar, lain)
    kantor = lain / "kinerja.yml"
    kantor.write_text(kantor.read_text().replace("Kecamatan Contoh", "Kecamatan Tetangga"))
    subprocess.run(["git", "commit", "-qam", "Kantor lain"], cwd=lain, check=True)
    # the same history, another name: its ratification does not carry over (a new office)
    hasil = subprocess.run([KINERJA, "laporan", "2026-tw2", "-o", str(tmp_path / "t.pdf")],
                           cwd=lain, capture_output=True, text=True, check=False)
    assert hasil.returncode == 0, hasil.stderr
    kode, data = _verifikasi(g, tmp_path / "t.pdf")
    assert kode == 1
    assert "«Kecamatan Tetangga», bukan Kecamatan Contoh" in data["pesan"]


def test_verifikasi_versi_lama_sesudah_revisi(g: Kantor, tmp_path: Path) -> None:
    g.kinerja("laporan", "2026-tw2")
    lama = tmp_path / "versi-1.pdf"
    shutil.copy(g.akar / LAPORAN, lama)
    g.sebagai("kasubbag", "2026-08-01 09:00")
    g.kinerja("revisi", "2026-tw2", "--alasan", "Realisasi IK-3 salah ketik")
    g.sebagai("kasi-trantib", "2026-08-01 10:00")
    g.isi("trantib", {"    realisasi: 2\n": "    realisasi: 1\n"}, "Perbaiki realisasi")
    kode, data = _verifikasi(g, lama)
    assert kode == 1 and data["keadaan"] == "diganti"
    assert data["pesan"] == (
        "Laporan Pengukuran Kinerja Triwulan II Tahun 2026 versi 1, disahkan 7 Juli 2026 oleh "
        "Camat Contoh, telah diganti: revisi ke-1 dibuka 1 Agustus 2026 dengan alasan: "
        "Realisasi IK-3 salah ketik; versi 2 yang menggantikannya belum disahkan")
    g.sebagai("kasubbag", "2026-08-02 09:00")
    g.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan")
    g.sebagai("sekcam", "2026-08-02 10:00")
    g.kinerja("setujui", "2026-tw2", "--sebagai", "sekcam")
    g.sebagai("camat", "2026-08-02 11:00")
    g.kinerja("sahkan", "2026-tw2")
    kode, data = _verifikasi(g, lama)
    assert kode == 1 and data["pesan"].endswith(
        "versi 2 yang berlaku kini disahkan Camat Contoh pada 2 Agustus 2026")
    g.kinerja("laporan", "2026-tw2")
    assert _qr(g.akar / LAPORAN)[0].endswith("#versi-2")
    assert _verifikasi(g, g.akar / LAPORAN)[0] == 0


def test_surat_lkjip_dan_rencana_aksi_membawa_bukti(g: Kantor, tmp_path: Path) -> None:
    periode = g.akar / "periods/2026/tw2/periode.yml"
    periode.write_text(periode.read_text().replace(
        "  nomor:  # diisi saat surat pengantar dibuat (langkah 9), misalnya 050/123/2026",
        "  nomor: 050/77/2026").replace("  tanggal:\n", "  tanggal: 2026-07-09\n"))
    g.sebagai("sekcam", "2026-07-09 09:00")
    g.git("commit", "-qam", "Nomor surat")
    g.kinerja("surat", "2026-tw2")
    surat = g.akar / "build/2026-tw2/surat-pengantar-2026-tw2.pdf"
    assert _qr(surat)[0].endswith("#versi-1")
    kode, data = _verifikasi(g, surat)
    assert kode == 0, data
    assert data["pesan"].startswith("asli — identik dengan Surat Pengantar Laporan Pengukuran "
                                    "Kinerja Triwulan II Tahun 2026 versi 1")
    ra = Path(__file__).parent / "cases/valid/renaksi/repo/periods/2026/rencana-aksi.yml"
    (g.akar / "periods/2026/rencana-aksi.yml").write_text(ra.read_text())
    g.git("add", "-A")
    g.git("commit", "-qm", "Rencana Aksi")
    g.kinerja("renaksi", "2026")
    pdf = g.akar / "build/2026/rencana-aksi-2026.pdf"
    assert _qr(pdf)[0].startswith(f"{ALAMAT}arsip/2026/?sidik=")
    assert _qr(pdf)[0].endswith("#keaslian-rencana-aksi")
    assert _verifikasi(g, pdf)[0] == 0
    simpan = tmp_path / "ra-lama.pdf"
    shutil.copy(pdf, simpan)
    (g.akar / "periods/2026/rencana-aksi.yml").write_text(ra.read_text().replace(
        "Kunjungan pembinaan ke desa", "Kunjungan pembinaan ke semua desa"))
    g.sebagai("kasubbag", "2026-09-01 09:00")
    g.git("commit", "-qam", "Rencana Aksi diubah")
    kode, data = _verifikasi(g, simpan)
    assert kode == 1 and data["keadaan"] == "diganti"
    assert "telah diubah sesudahnya" in data["pesan"]


# --- the archive, in Chromium -----------------------------------------------------------------


class _Diam(SimpleHTTPRequestHandler):
    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def situs(g: Kantor) -> Iterator[tuple[str, Kantor]]:
    from buatan import salin_situs

    salin_situs(g.akar)
    g.kinerja("situs", "--pdf", "--bangun")
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Diam, directory=str(g.akar / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", g
    server.shutdown()
    server.server_close()


@pytest.mark.browser
@pytest.mark.parametrize("lebar", [1280, 390])
def test_qr_ke_blok_keaslian_dan_halaman_periksa(situs: tuple[str, Kantor], tmp_path: Path,
                                                 lebar: int) -> None:
    from test_peramban import BENDERA, _foto, _perlu_chromium

    alamat, g = situs
    pdf = g.akar / "content/arsip/2026/tw2/laporan-pengukuran-kinerja-2026-tw2.pdf"
    kode = _qr(pdf)[0]
    jalan = kode.removeprefix(ALAMAT)  # the office's address, served here on loopback
    sidik = re.search(r"sidik=([0-9a-f]{64})", kode)
    assert sidik
    ubah = tmp_path / "laporan-diubah.pdf"
    isi = bytearray(pdf.read_bytes())
    isi[len(isi) // 2] ^= 0x01
    ubah.write_bytes(bytes(isi))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_perlu_chromium(), args=BENDERA)
        h = b.new_page(viewport={"width": lebar, "height": 900}, locale="id-ID")
        galat: list[str] = []
        h.on("pageerror", lambda e: galat.append(str(e)))
        h.goto(f"{alamat}/{jalan}")
        blok = h.locator("#versi-1")
        assert blok.is_visible()
        teks = h.locator("article").inner_text()
        assert sidik[1] in teks  # the seal the code carries is the one the page shows
        sha = re.search(r"[0-9a-f]{64}", teks[teks.index("SHA-256"):])
        assert sha is not None
        _foto(h, f"keaslian-{lebar}-blok")

        h.goto(f"{alamat}/arsip/keaslian/")
        h.set_input_files("#berkas-pdf", str(pdf))
        hasil = h.locator("#hasil-keaslian")
        hasil.filter(has_text="Asli").wait_for(timeout=10_000)
        assert hasil.inner_text().startswith(
            "Asli: laporan-pengukuran-kinerja-2026-tw2.pdf identik dengan Laporan Pengukuran "
            "Kinerja Triwulan II Tahun 2026 versi 1")
        _foto(h, f"keaslian-{lebar}-asli")
        h.set_input_files("#berkas-pdf", str(ubah))
        hasil.filter(has_text="Tidak asli").wait_for(timeout=10_000)
        assert "isinya tidak sama dengan dokumen yang diterbitkan" in hasil.inner_text()
        _foto(h, f"keaslian-{lebar}-diubah")
        draf = g.akar / "build/2026-tw2/laporan-pengukuran-kinerja-2026-tw2-draf.pdf"
        g.kinerja("laporan", "2026-tw2", "--draf")
        h.set_input_files("#berkas-pdf", str(draf))
        hasil.filter(has_text="Tidak dikenal").wait_for(timeout=10_000)
        assert galat == []
        b.close()
