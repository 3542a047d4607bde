"""The LKjIP of an office with two years of data, its figures checked against values computed
by hand: an indicator of each aggregation (jumlah, terakhir, rata-rata), a «less is better» one,
a graded one, an amended target, the earlier year from the archive, the budget, the Rencana
Aksi; the PDF's text; the final version refused while the office's prose is blank."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import DASAR, KASUS, jalankan
from sejarah_uji import commit, mulai_git, sahkan, sebagai

# Realisation per quarter, TW I–IV. IK-1 jumlah (naik), IK-2 terakhir (graded: A 5, BB 4, B 3),
# IK-3 rata-rata (turun, 2T-R). Capaian is capped at 120%.
REALISASI = {
    2025: {"IK-1": ["9", "11", "10", "12"], "IK-2": ["B", "BB", "BB", "A"],
           "IK-3": ["2,5", "2", "1,5", "2"]},
    2026: {"IK-1": ["12", "11", "12", "13"], "IK-2": ["BB", "BB", "A", "A"],
           "IK-3": ["3", "2,5", "2", "1,5"]},
}
ANGGARAN = {2025: "Rp 80.000.000", 2026: "Rp 90.000.000"}  # P-1 by the end of TW IV

PROSA = {
    "ikhtisar.md": "Kecamatan Contoh mencapai sebagian besar target.\n\n"
                   "- capaian IK-1 melampaui target\n- IK-3 belum tercapai\n",
    "pendahuluan.md": "Kecamatan melaksanakan tugas pemerintahan umum.\n",
    "analisis-ss-1.md": "### Faktor pendukung\n\nPembinaan desa rutin. "
                        "<script>alert(1)</script> #set page(width: 1cm)\n",
    "analisis-ss-2.md": "Waktu tanggap masih di atas target pada awal tahun.\n",
    "penutup.md": "Demikian laporan ini.\n",
}


def _isi_formulir(form: Path, tahun: int, tw: int) -> None:
    teks = form.read_text(encoding="utf-8")
    for kode, nilai in REALISASI[tahun].items():
        teks = teks.replace(
            f"  - indikator: {kode}\n    realisasi:\n    penjelasan:\n    hambatan:\n"
            "    tindak_lanjut:\n    bukti_dukung:\n",
            f"  - indikator: {kode}\n    realisasi: {nilai[tw]}\n"
            f"    penjelasan: Penjelasan {kode} triwulan {tw + 1}.\n"
            f"    hambatan: Hambatan {kode}.\n    tindak_lanjut: Tindak lanjut {kode}.\n"
            f"    bukti_dukung: https://contoh.go.id/{tahun}/{kode}-{tw + 1}.pdf\n")
    for aksi in ("RA-1.1", "RA-2.1", "RA-3.1", "RA-3.2"):
        teks = teks.replace(f"      - aksi: {aksi}\n        status:\n",
                            f"      - aksi: {aksi}\n        status: terlaksana\n")
    teks = teks.replace("  - program: P-1\n    realisasi:\n",
                        "  - program: P-1\n    realisasi: "
                        f"Rp {(tw + 1) * 20}.000.000\n" if tw < 3 else
                        f"  - program: P-1\n    realisasi: {ANGGARAN[tahun]}\n")
    form.write_text(teks, encoding="utf-8")


@pytest.fixture(scope="module")
def kantor_dua_tahun(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dua_tahun(tmp_path_factory.mktemp("lkjip") / "repo")


def dua_tahun(akar: Path) -> Path:
    """The small office with two years of data in Git: 2025's quarters ratified, 2026's filled
    (not ratified) and its yearly period filled."""
    import os

    shutil.copytree(DASAR, akar)
    shutil.rmtree(akar / "periods/2026/tw1")
    pk = (akar / "periods/2026/perjanjian-kinerja.yml").read_text(encoding="utf-8")
    (akar / "periods/2025").mkdir()
    (akar / "periods/2025/perjanjian-kinerja.yml").write_text(
        pk.replace("tahun: 2026", "tahun: 2025").replace("2026-01-15", "2025-01-15"),
        encoding="utf-8")
    # 2026: the PK amended in July, IK-1's target raised from 40 to 44, with a Renstra target.
    pk = pk.replace("        target: 40\n        target_triwulan: [10, 10, 10, 10]\n",
                    "        target: 44\n        target_triwulan: [10, 10, 12, 12]\n"
                    "        target_renstra: 50\n")
    pk += "perubahan:\n  - tanggal: 2026-07-01\n    nomor: 050/PK-P/2026\n" \
          "    alasan: APBD Perubahan\n"
    (akar / "periods/2026/perjanjian-kinerja.yml").write_text(pk, encoding="utf-8")
    shutil.copy(KASUS / "valid/renaksi/repo/periods/2026/rencana-aksi.yml",
                akar / "periods/2026/rencana-aksi.yml")
    from kinerja.buat.periode import buat_periode

    sebelum = Path.cwd()
    os.chdir(akar)
    mulai_git(akar, "2025-01-06 08:00")
    try:
        for tahun in (2025, 2026):
            for n, kode in enumerate(("tw1", "tw2", "tw3", "tw4")):
                hari = f"{tahun}-{4 + n * 2:02d}-06"
                with sebagai("kasubbag", f"{hari} 08:00"):
                    buat_periode(akar, tahun, kode, mulai=date(tahun, 4, 6))
                commit(akar, "kasubbag", f"{hari} 08:00", f"Buat periode {tahun}-{kode}")
                for form in (akar / f"periods/{tahun}/{kode}/formulir").glob("*.yml"):
                    _isi_formulir(form, tahun, n)
                commit(akar, "kasi-pem", f"{hari} 09:00", f"Isi {tahun}-{kode}")
                if tahun == 2025:
                    sahkan(akar, f"{tahun}-{kode}", f"{tahun}-{4 + n * 2:02d}-07")
        buat_periode(akar, 2026, "tahunan", mulai=date(2027, 1, 5))
        commit(akar, "kasubbag", "2027-01-05 08:00", "Buat periode 2026-tahunan")
        for form in (akar / "periods/2026/tahunan/formulir").glob("*.yml"):
            teks = form.read_text(encoding="utf-8")
            teks = re.sub(r"    penjelasan:\n", "    penjelasan: Ringkasan tahunan.\n", teks)
            teks = re.sub(r"    bukti_dukung:\n", "    bukti_dukung: https://contoh.go.id/t.pdf\n",
                          teks)
            teks = re.sub(r"    hambatan:\n", "    hambatan: Hambatan tahunan.\n", teks)
            teks = re.sub(r"    tindak_lanjut:\n", "    tindak_lanjut: Tindak lanjut tahunan.\n",
                          teks)
            form.write_text(teks, encoding="utf-8")
        commit(akar, "kasi-pem", "2027-01-05 09:00", "Isi 2026-tahunan")
    finally:
        os.chdir(sebelum)
    return akar




def _teks(pdf: Path) -> str:
    return "\n".join(" ".join(h.extract_text().split()) for h in PdfReader(pdf).pages)


def test_angka_lkjip_sesuai_hitungan_tangan(kantor_dua_tahun: Path,
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(kantor_dua_tahun)
    for tw in ("tw1", "tw2", "tw3", "tw4"):
        assert jalankan(capsys, "periksa", "--lengkap", f"periods/2026/{tw}").kode == 0
    hasil = jalankan(capsys, "lkjip", "2026", "--draf")
    assert hasil.kode == 0, hasil.galat
    # the Markdown as it reads (pandoc's escapes, «IK\-1» and «Rp\ 1», taken out)
    md = (kantor_dua_tahun / "build/2026/lkjip-2026-draf.md").read_text(encoding="utf-8") \
        .replace("\\", "")
    # IK-1, jumlah: 12+11+12+13 = 48 against the amended 44 → 109,09%; 2025: 42/40 → 105%.
    assert "| IK-1 Jumlah desa yang dibina | 44 | 48 | 109,09% | Sangat Tinggi | 105% | 50 |" in md
    # IK-2, terakhir and graded: A (5) against BB (4) → 125%, capped at 120%; 2025 also A.
    assert "| IK-2 Predikat SAKIP | BB | A | 120% | Sangat Tinggi | 120% | – |" in md
    # IK-3, rata-rata and «less is better»: (3+2,5+2+1,5)/4 = 2,25; (2×2 − 2,25)/2 → 87,5%;
    # 2025: (2,5+2+1,5+2)/4 = 2 → 100%.
    # (SS-2 has no Renstra target: no Renstra column there)
    assert "| IK-3 Waktu tanggap bencana | 2 | 2,25 | 87,5% | Tinggi | 100% |\n" in md
    assert "Target 2 jam, realisasi 2,25 (selisih +0,25, lebih buruk dari target), capaian 87,5%" \
        in md
    # the amendment, in Bab II
    assert "Perjanjian Kinerja diubah pada 1 Juli 2026 (nomor 050/PK-P/2026): APBD Perubahan." \
        in md
    # budget: P-1 90.000.000 of 100.000.000 → 90%; its capaian the mean of IK-1 and IK-2
    # (109,09 and 120 → 114,55%), 24,55 points above the spending → efficient.
    assert "| P-1 Program Pemerintahan | Rp 100.000.000 | Rp 90.000.000 | 90% | 114,55% | " \
           "Efisien |" in md
    # the Rencana Aksi over the year: RA-1.1 planned in every quarter and done each time
    assert "Rencana Aksi: 4 dari 4 pelaksanaan aksi triwulanan terlaksana." in md
    # the quarters' explanations, said once for the quarters that repeat them
    assert "- Triwulan I, II, III, IV: Hambatan IK-1." in md
    # a trend chart per indicator (2025 is in the archive)
    assert (kantor_dua_tahun / "build/2026/tren-ik-1.svg").is_file()


def test_pdf_lkjip(kantor_dua_tahun: Path, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(kantor_dua_tahun)
    # approving the yearly period needs every part of the LKjIP written
    periksa = jalankan(capsys, "periksa", "--lengkap", "periods/2026/tahunan")
    assert periksa.kode == 1
    assert "periods/2026/tahunan/lkjip/analisis-ss-2.md:1:1: galat: " \
           "periods/2026/tahunan/lkjip/analisis-ss-2.md (analisis sasaran SS-2) belum ditulis;" \
           in periksa.keluaran
    final = jalankan(capsys, "lkjip", "2026")
    assert final.kode == 1
    assert "periods/2026/tahunan/lkjip/ikhtisar.md:1:1: galat: periods/2026/tahunan/lkjip/" \
           "ikhtisar.md (Ikhtisar Eksekutif) belum ditulis;" in final.galat
    assert "LKjIP disusun dari periode yang valid: 5 galat" in final.galat
    prosa = kantor_dua_tahun / "periods/2026/tahunan/lkjip"
    prosa.mkdir(exist_ok=True)
    for nama, isi in PROSA.items():
        (prosa / nama).write_text(isi, encoding="utf-8")
    try:
        hasil = jalankan(capsys, "lkjip", "2026")
        assert hasil.kode == 0, hasil.galat
        teks = _teks(kantor_dua_tahun / "build/2026/lkjip-2026.pdf")
    finally:
        shutil.rmtree(prosa)
    for bagian in ("LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2026", "KATA PENGANTAR",
                   "DAFTAR ISI", "IKHTISAR EKSEKUTIF",
                   "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA",
                   "BAB III AKUNTABILITAS KINERJA", "A. Capaian Kinerja",
                   "B. Realisasi Anggaran", "BAB IV PENUTUP", "LAMPIRAN: PERJANJIAN KINERJA"):
        assert bagian in teks, bagian
    # the order a Camat expects: cover, preface, contents, body; signed after Bab IV, and the
    # Lampiran after the signature
    urut = [teks.index(x) for x in ("KATA PENGANTAR", "DAFTAR ISI", "IKHTISAR EKSEKUTIF",
                                    "BAB IV PENUTUP", "NIP.", "LAMPIRAN: PERJANJIAN KINERJA")]
    assert urut == sorted(urut), urut
    assert "Kecamatan Contoh mencapai sebagian besar target." in teks
    assert "• capaian IK-1 melampaui target" in teks
    # people's text stays text in the PDF
    assert "<script>alert(1)</script> #set page(width: 1cm)" in teks
    assert "IK-1 Jumlah desa yang dibina 44 48 109,09% Sangat Tinggi 105% 50" in teks
    assert "DRAF" not in teks
    assert "Camat Contoh" in teks


def test_lkjip_sebagian_tahun_dan_prosa_yang_tak_dimuat(
        kantor_dua_tahun: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With TW III and IV not yet measured, the LKjIP says its year's figures are provisional
    and the budget is the quarters' spending so far; a Markdown table in the prose is a
    warning on its line, not a line of pipes in silence."""
    akar = tmp_path / "repo"
    shutil.copytree(kantor_dua_tahun, akar)
    monkeypatch.chdir(akar)
    for tw in ("tw3", "tw4"):
        shutil.rmtree(akar / f"periods/2026/{tw}")
    prosa = akar / "periods/2026/tahunan/lkjip"
    prosa.mkdir()
    (prosa / "ikhtisar.md").write_text("Ringkasan.\n\n| Indikator | Capaian |\n|---|---|\n"
                                       "| IK-1 | 100 |\n", encoding="utf-8")
    periksa = jalankan(capsys, "periksa", "periods/2026/tahunan")
    assert ("periods/2026/tahunan/lkjip/ikhtisar.md:3:1: peringatan: baris tabel Markdown tidak "
            "dimuat LKjIP dan akan tercetak sebagai teks biasa; LKjIP memuat paragraf, daftar "
            "«- », subjudul «### », **tebal** dan *miring* (tulis tabel sebagai daftar) "
            "[lkjip-tak-tampil]") in periksa.keluaran
    assert jalankan(capsys, "lkjip", "2026", "--draf").kode == 0
    md = (akar / "build/2026/lkjip-2026-draf.md").read_text(encoding="utf-8").replace("\\", "")
    assert ("Catatan: angka tahunan ini sementara. Triwulan yang sudah diukur: Triwulan I, "
            "Triwulan II; belum diukur: Triwulan III, Triwulan IV.") in md
    assert "Rp 40.000.000 (s.d. Triwulan II)" in md
    assert "realisasi Rp 0" not in md


def test_halaman_tahun_dengan_lkjip_dan_rencana_aksi(kantor_dua_tahun: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    """Once the yearly period is ratified (sealed with its prose), the year's page of the
    public archive shows the LKjIP's figures and PDF and the year's Rencana Aksi and PDF; in
    Chromium it fits a desktop and a phone, with no WCAG 2.1 A/AA violation axe-core finds."""
    from buatan import salin_situs

    akar = tmp_path / "repo"
    shutil.copytree(kantor_dua_tahun, akar)
    monkeypatch.chdir(akar)
    prosa = akar / "periods/2026/tahunan/lkjip"
    prosa.mkdir()
    for nama, isi in PROSA.items():
        (prosa / nama).write_text(isi, encoding="utf-8")
    commit(akar, "kasi-pem", "2027-01-06 09:00", "LKjIP")
    sahkan(akar, "2026-tahunan", "2027-01-08")
    salin_situs(akar)
    hasil = jalankan(capsys, "situs", "--pdf", "--bangun")
    assert hasil.kode == 0, hasil.galat
    halaman = (akar / "content/arsip/2026/index.md").read_text(encoding="utf-8")
    assert "## Laporan Kinerja (LKjIP)" in halaman
    assert "Unduh: [LKjIP 2026 (PDF)](lkjip-2026.pdf)" in halaman
    assert '<td class="kanan">2,25</td><td class="kanan">87,5%</td>' in halaman
    assert "## Rencana Aksi" in halaman
    assert ("Unduh: [Rencana Aksi 2026 (PDF, salinan tanpa tanda tangan)]"
            "(rencana-aksi-2026.pdf)") in halaman
    situs = akar / "site/arsip/2026"
    assert (situs / "lkjip-2026.pdf").read_bytes().startswith(b"%PDF")
    assert (situs / "rencana-aksi-2026.pdf").read_bytes().startswith(b"%PDF")
    # kinerja does not ratify the plan: the published copy bears no signature block, while the
    # copy printed for the Camat to sign by hand does.
    publik = _teks(situs / "rencana-aksi-2026.pdf")
    assert "Salinan data Rencana Aksi" in publik and "NIP." not in publik
    assert jalankan(capsys, "renaksi", "2026").kode == 0
    cetak = _teks(akar / "build/2026/rencana-aksi-2026.pdf")
    assert "NIP." in cetak and "Salinan data" not in cetak

    from test_peramban import BENDERA, _konteks_axe, _perlu_chromium, pelanggaran_wcag

    program = _perlu_chromium()
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        SimpleHTTPRequestHandler, directory=str(akar / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    cek = (Path(__file__).parent / "tata_letak.js").read_text(encoding="utf-8")
    masalah = {}
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=program, args=BENDERA)
            for lebar, tinggi in ((1280, 800), (390, 844)):
                konteks = _konteks_axe(b, lebar, tinggi)
                h = konteks.new_page()
                galat: list[str] = []
                h.on("pageerror", lambda e, g=galat: g.append(str(e)))
                h.goto(f"http://127.0.0.1:{server.server_address[1]}/arsip/2026/")
                assert h.get_by_role("heading", name="Laporan Kinerja (LKjIP)").is_visible()
                assert h.get_by_role("link", name="LKjIP 2026 (PDF)").is_visible()
                h.wait_for_load_state("networkidle")
                masalah[lebar] = h.evaluate(cek, lebar >= 1000) + galat + pelanggaran_wcag(h)
                h.screenshot(path=str(tmp_path / f"tahun-{lebar}.png"), full_page=True)
                konteks.close()
            b.close()
    finally:
        server.shutdown()
        server.server_close()
    assert masalah == {1280: [], 390: []}
