"""Real PDFs through real pandoc and Typst: text extracted and checked, page 1 rendered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from buatan import kantor_besar
from conftest import jalankan

MM = 72 / 25.4


def _teks(pdf: Path) -> list[str]:
    return [" ".join((h.extract_text() or "").split()) for h in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def laporan_tw3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datetime import date

    from buatan import salin_contoh
    from kinerja.dokumen import render
    from kinerja.dokumen.laporan import buat
    from kinerja.layanan import potret

    tujuan = salin_contoh(tmp_path_factory.mktemp("laporan") / "contoh")
    pt = potret(tujuan, tahun={2026}, lengkap=True, hanya={"2026-tw3"})
    with render.Pandoc("laporan") as proses:
        return buat(pt, pt.cari("2026-tw3"), proses, draf=False, tanggal=date(2026, 10, 7)).pdf


def test_laporan_final_berisi_angka_dan_nama(laporan_tw3: Path) -> None:
    halaman = _teks(laporan_tw3)
    semua = "\n".join(halaman)
    assert "PEMERINTAH KABUPATEN BANJARNEGARA" in halaman[0]
    assert "LAPORAN PENGUKURAN KINERJA TRIWULAN III TAHUN 2026" in halaman[0]
    assert re.search(r"IK-2\.2 Persentase gangguan .* 90 100 111,11% Sangat Tinggi", semua)
    assert "65–75 78 104% Sangat Tinggi" in semua
    assert "Rp 1.850.000.000 Rp 1.312.750.000 70,96% 90% Cukup efisien" in semua
    # «Kurang efisien» stays on one line in its column
    assert re.search(r"85,48% Kurang\s?efisien", semua)
    assert "DRAF" not in semua
    n = len(halaman)
    assert all(f"Halaman {i} dari {n}" in h for i, h in enumerate(halaman, 1))
    assert "Kecamatan Pejawaran, Kabupaten Banjarnegara" in halaman[0]  # with its comma
    assert all("Triwulan III Tahun 2026 · Kecamatan Pejawaran" in h for h in halaman)
    pengesahan = next(h for h in halaman if "LEMBAR PENGESAHAN" in h)
    # the office as written mid-sentence; capitals only where a title is set in capitals
    assert "Triwulan III Tahun 2026 Kecamatan Pejawaran telah diperiksa" in \
        " ".join(pengesahan.split())
    assert "Disahkan di Pejawaran pada tanggal 7 Oktober 2026" in pengesahan
    assert "CAMAT PEJAWARAN" in pengesahan
    assert "NIP. 19720315 199803 1 004" in pengesahan
    ttd = halaman[-1]
    assert "DAFTAR TANDA TANGAN PEGAWAI" in ttd
    for nama, nip_ in (("Siti Rahayu, S.Sos., M.M. (contoh)", "19780621 200212 2 003"),
                       ("Rudi Hartono (contoh)", "19900303 201402 1 003")):
        assert nama in ttd and f"NIP. {nip_}" in ttd


def test_kertas_f4_dan_huruf_tertanam(laporan_tw3: Path) -> None:
    pdf = PdfReader(laporan_tw3)
    kotak = pdf.pages[0].mediabox
    assert float(kotak.width) == pytest.approx(215 * MM, abs=0.5)
    assert float(kotak.height) == pytest.approx(330 * MM, abs=0.5)
    for halaman in pdf.pages:
        for ref in halaman["/Resources"]["/Font"].values():
            huruf = ref.get_object()
            turunan = huruf.get("/DescendantFonts")
            desk = (turunan[0].get_object() if turunan else huruf)["/FontDescriptor"]
            assert any(k in desk for k in ("/FontFile", "/FontFile2", "/FontFile3")), huruf


def test_tautan_bukti_dapat_diklik(laporan_tw3: Path) -> None:
    tautan = set()
    for halaman in PdfReader(laporan_tw3).pages:
        for ref in halaman.get("/Annots") or ():
            a = ref.get_object()
            if a.get("/A", {}).get("/URI"):
                tautan.add(a["/A"]["/URI"])
    assert "https://pejawaran.contoh.go.id/bukti/2026/tw3/ik-1.1.pdf" in tautan


def test_halaman_pertama_tidak_kosong(laporan_tw3: Path) -> None:
    import pypdfium2

    dok = pypdfium2.PdfDocument(str(laporan_tw3))
    gambar = dok[0].render(scale=0.5).to_pil().convert("L")
    gelap = sum(gambar.histogram()[:128])
    assert gelap > 0.01 * gambar.width * gambar.height  # text, rules and tables, not a blank page
    dok.close()


def test_grafik_vektor(laporan_tw3: Path) -> None:
    svg = (laporan_tw3.parent / "grafik-capaian.svg").read_text()
    assert svg.startswith("<svg") and "<script" not in svg
    assert "111,11%" in svg
    assert 'fill="#b8c3cf"' in svg and ">Triwulan II<" in svg  # TW I–II drawn beside TW III
    halaman = next(h for h in _teks(laporan_tw3) if "GRAFIK CAPAIAN" in h)
    assert "Capaian per indikator, Triwulan III Tahun 2026" in halaman  # text, so vector


def test_draf_periode_belum_lengkap(contoh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "laporan", "2026-tw4")
    assert hasil.kode == 1
    assert "«realisasi» indikator IK-4.1 belum diisi [belum-diisi]" in hasil.galat
    assert hasil.galat.splitlines()[-1].startswith(
        "kinerja: galat: dokumen final memerlukan periode yang lengkap dan valid: ")
    assert hasil.galat.endswith("Perbaiki isiannya, atau buat draf dengan --draf\n")
    assert not list(Path("build").glob("**/*.pdf"))
    hasil = jalankan(capsys, "laporan", "2026-tw4", "--draf", "-o", "draf.pdf")
    assert hasil.kode == 0, hasil.galat
    assert hasil.keluaran == "ditulis    build/2026-tw4/laporan.md\nditulis    draf.pdf\n"
    halaman = _teks(Path("draf.pdf"))
    assert all("DRAF" in h for h in halaman)
    assert "belum diisi" in "\n".join(halaman)
    md = Path("build/2026-tw4/laporan.md").read_text()
    assert md.startswith("---\n") and "# Hasil Pengukuran Kinerja" in md


INJEKSI = [
    "<script>alert(1)</script>",
    "#set page(fill: red)",
    "$x^2$ dan @ref dan <label>",
    r"\textbf{tebal} \newpage",
    "```{=typst} #panic() ```",
    "*bukan miring* dan _bukan_ dan `kode`",
    "[tautan](javascript:alert(1))",
    "<!-- komentar -->",
    "1. bukan daftar",
    "# bukan judul",
    "| bukan | tabel |",
    "{{ templat }} ${ variabel }$",
    "tanda -? tetap",  # Typst shorthand: a soft hyphen
    "tiga ... titik",  # Typst shorthand: an ellipsis
    "x -- y ~ z",
]


def test_teks_orang_tetap_harfiah(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = Path("periods/2026/tw1/formulir/trantib.yml")
    teks = form.read_text()
    for n, kunci in enumerate(("penjelasan", "hambatan", "tindak_lanjut")):
        isi = " ".join(INJEKSI[n * 5:(n + 1) * 5]).replace("'", "''")
        teks = teks.replace(f"    {kunci}:\n", f"    {kunci}: '{isi}'\n", 1)
    form.write_text(teks)
    hasil = jalankan(capsys, "laporan", "--draf", "-o", "x.pdf")
    assert hasil.kode == 0, hasil.galat
    # compared without spaces: the PDF wraps lines wherever it likes
    semua = "".join("".join(_teks(Path("x.pdf"))).split())
    for potong in INJEKSI:
        assert "".join(potong.split()) in semua, potong
    typ = Path("build/2026-tw1/laporan.typ").read_text()
    assert "#panic()" not in typ.replace("\\#panic()", "")
    # this office has no Rencana Aksi yet: the report says so rather than leaving it out
    kalimat = ("EVALUASI RENCANA AKSI Rencana Aksi Tahun 2026 belum disusun ketika laporan ini "
               "dibuat; Triwulan I Tahun 2026 tidak dievaluasi terhadap Rencana Aksi.")
    assert "".join(kalimat.split()) in semua


def test_tabel_panjang_terpenggal_dengan_kepala_berulang(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    kantor_besar(tmp_path)
    monkeypatch.chdir(tmp_path)
    hasil = jalankan(capsys, "laporan", "-o", "besar.pdf")
    assert hasil.kode == 0, hasil.galat
    pdf = PdfReader("besar.pdf")
    halaman = _teks(Path("besar.pdf"))
    tabel = [h for h in halaman if "IK-" in h and "Kategori" in h]
    assert len(tabel) >= 3
    assert all("No Indikator Satuan Target Realisasi Capaian Kategori" in h for h in tabel)
    lebar = float(pdf.pages[0].mediabox.width)
    for h in pdf.pages:
        x_maks = 0.0

        def lihat(teks: str, cm: object, tm: list[float], *_: object) -> None:
            nonlocal x_maks
            if teks.strip():
                x_maks = max(x_maks, tm[4])

        h.extract_text(visitor_text=lihat)
        assert x_maks < lebar - 15 * MM  # nothing starts inside the right margin or beyond
    assert "IK-6.10" in "\n".join(halaman)


def test_surat_pengantar(contoh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "surat", "2026-tw3")
    assert hasil.kode == 0, hasil.galat
    assert hasil.keluaran == "ditulis    build/2026-tw3/surat-pengantar-2026-tw3.pdf\n"
    (teks,) = _teks(Path("build/2026-tw3/surat-pengantar-2026-tw3.pdf"))
    assert "KECAMATAN PEJAWARAN" in teks
    assert "Pejawaran, 7 Oktober 2026" in teks
    assert re.search(r"Nomor : 050/132/2026", teks)
    assert "Yth. Bupati Banjarnegara" in teks
    assert "Laporan Pengukuran Kinerja Triwulan III Tahun 2026" in teks
    assert "NIP. 19720315 199803 1 004" in teks
    assert "Tembusan: 1. Kepala Bappedalitbang Kabupaten Banjarnegara 2. Inspektur" in teks
    hasil = jalankan(capsys, "surat", "2026-tw4")
    assert hasil.kode == 1
    assert "surat_pengantar.nomor belum diisi" in hasil.galat


def test_disposisi(contoh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "disposisi", "periods/2026/tw3")
    assert hasil.kode == 0, hasil.galat
    halaman = _teks(Path("build/2026-tw3/disposisi-2026-tw3.pdf"))
    assert len(halaman) == 3
    assert all("LEMBAR DISPOSISI" in h for h in halaman)
    assert "Dari: Camat Pejawaran" in halaman[0]
    assert "Diteruskan kepada: Sekretaris Kecamatan" in halaman[0]
    assert "Batas waktu: 5 Oktober 2026 pukul 07.45" in halaman[0]
    assert "Diteruskan kepada: Kepala Subbagian Perencanaan dan Keuangan" in halaman[1]
    assert "surat pengantar" in halaman[2]


def test_laporan_final_tanpa_belum_diisi(laporan_tw3: Path) -> None:
    """Empty optional parts (no obstacle for an indicator on target) are left out of the signed
    report; the draft keeps the marker so the sections see what is open."""
    teks = " ".join(_teks(laporan_tw3))
    assert "belum diisi" not in teks
    assert "Penjelasan." in teks
    md_ = (laporan_tw3.parent / "laporan.md").read_text()
    assert "Hambatan.**" in md_  # the parts people did fill are still there
