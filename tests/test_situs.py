"""The public archive: generated pages, a real `mkdocs build --strict`, only ratified periods."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import jalankan


def mkdocs(akar: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"],
                          cwd=akar, capture_output=True, text=True, check=False,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def _jahat(sumber: Path) -> None:
    """People's hostile text, typed before the period was ratified (so it is what was sealed)."""
    form = sumber / "periods/2026/tw3/formulir/trantib.yml"
    form.write_text(form.read_text().replace(
        "hambatan: Akses jalan", "hambatan: <script>window.diretas=1</script> "
        "<img src=x onerror=\"window.diretas=2\"> --8<-- \"/etc/passwd\" **tebal** _miring_ "
        "[tautan](https://contoh.invalid/x) `kode` 1. - no#1 | Akses jalan", 1))
    pk = sumber / "periods/2026/perjanjian-kinerja.yml"
    teks = pk.read_text()
    awal = teks.index("uraian:", teks.index("indikator:"))
    akhir = teks.index("\n", awal)
    pk.write_text(teks[:awal] + f"uraian: {json.dumps(URAIAN_JAHAT)}" + teks[akhir:])
    kantor = sumber / "kinerja.yml"
    kantor.write_text(kantor.read_text().replace(
        "  nama: Kecamatan Pejawaran\n", f"  nama: {json.dumps(NAMA_JAHAT)}\n").replace(
        "  pemerintah: Pemerintah Kabupaten Banjarnegara\n",
        f"  pemerintah: {json.dumps(PEMERINTAH_JAHAT)}\n"))


@pytest.fixture(scope="module")
def situs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from buatan import salin_contoh

    contoh = salin_contoh(tmp_path_factory.mktemp("situs") / "contoh", situs=True, ubah=_jahat)
    hasil = subprocess.run([str(Path(sys.executable).parent / "kinerja"), "situs", "--pdf"],
                           cwd=contoh, capture_output=True, text=True, check=False)
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.endswith("periode: 2026-tw1, 2026-tw2, 2026-tw3\n")
    bangun = mkdocs(contoh)
    assert bangun.returncode == 0, bangun.stdout + bangun.stderr
    return contoh / "site"


def test_halaman_dan_periode_disahkan_saja(situs: Path) -> None:
    assert (situs / "index.html").is_file()
    for tw in ("tw1", "tw2", "tw3"):
        assert (situs / f"arsip/2026/{tw}/index.html").is_file()
    assert not (situs / "arsip/2026/tw4").exists()  # still in review: no page…
    assert not list(situs.rglob(".dibuat-kinerja"))  # the generator's manifest stays private
    indeks = json.loads((situs / "search/search_index.json").read_text())
    teks = json.dumps(indeks, ensure_ascii=False)
    assert "arsip/2026/tw3/" in teks
    assert "arsip/2026/tw4" not in teks  # …and nothing in search
    assert "Triwulan IV Tahun 2026" not in teks
    beranda = (situs / "index.html").read_text()
    assert "Terakhir disahkan" in beranda and "Triwulan III Tahun 2026" in beranda


def test_tautan_pdf_mengarah_ke_berkas(situs: Path) -> None:
    halaman = (situs / "arsip/2026/tw3/index.html").read_text()
    tautan = re.findall(r'href="([^":]+\.pdf)"', halaman)
    # each in the downloads and again in its version's verification block
    assert sorted(set(tautan)) == ["laporan-pengukuran-kinerja-2026-tw3.pdf",
                                   "surat-pengantar-2026-tw3.pdf"]
    assert len(tautan) == 4
    for t in tautan:
        assert (situs / "arsip/2026/tw3" / t).read_bytes().startswith(b"%PDF")


def test_berkas_bukti_ditautkan_sebagai_data(situs: Path) -> None:
    """Evidence uploaded into the period folder is a link on the public page, like an http one;
    a Markdown (or HTML) file is published as plain text, never as a page of the site."""
    halaman = (situs / "arsip/2026/tw3/index.html").read_text()
    assert ('<a href="bukti/notulen-rapat-seksi-pemerintahan.md.txt">'
            "bukti/notulen-rapat-seksi-pemerintahan.md</a>") in halaman
    salinan = situs / "arsip/2026/tw3/bukti/notulen-rapat-seksi-pemerintahan.md.txt"
    asli = situs.parent / "periods/2026/tw3/bukti/notulen-rapat-seksi-pemerintahan.md"
    assert salinan.read_bytes() == asli.read_bytes()
    assert not (situs / "arsip/2026/tw3/bukti/notulen-rapat-seksi-pemerintahan").exists()


def test_halaman_periode_dan_indikator(situs: Path) -> None:
    halaman = (situs / "arsip/2026/tw3/index.html").read_text()
    assert '<span class="kategori kategori-sangat-tinggi">Sangat Tinggi</span>' in halaman
    assert "<svg" in halaman and "111,11%" in halaman
    assert "Riwayat pemeriksaan" in halaman and "Agus Priyanto" in halaman
    assert "Rp 1.850.000.000" in halaman
    ind = (situs / "arsip/indikator/ik-2-2/index.html").read_text()
    assert "Persentase gangguan ketenteraman" in ind
    assert all(f"Triwulan {r} Tahun 2026" in ind for r in ("I", "II", "III"))
    assert "<path" in ind  # the line chart
    sop = (situs / "arsip/sop/index.html").read_text()
    assert "Menugaskan pelaksanaan pengukuran kinerja" in sop and "1 hari" in sop


URAIAN_JAHAT = "Desa </title><script>window.diretas=3</script> &amp; <b>tebal</b>"
NAMA_JAHAT = "Kecamatan Pejawaran </title><script>window.diretas=4</script> & {{ config }}"
PEMERINTAH_JAHAT = ('Pemerintah Kabupaten Banjarnegara "><img src=x onerror=window.diretas=5> '
                    "*miring* [a](javascript:alert(1)) &amp;")


def test_nama_kantor_di_setiap_halaman_tetap_teks(situs: Path) -> None:
    """The office's name and government reach every page's <title>, <meta> and header: as text,
    never as markup, in every page the builder writes (404 included)."""
    from html.parser import HTMLParser

    class Kepala(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.di, self.judul, self.meta = False, "", ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.di = tag == "title"
            if tag == "meta" and ("name", "description") in attrs:
                self.meta = dict(attrs)["content"] or ""

        def handle_endtag(self, tag: str) -> None:
            self.di = False

        def handle_data(self, data: str) -> None:
            if self.di:
                self.judul += data

    halaman = list(situs.rglob("*.html"))
    assert len(halaman) > 20
    for berkas in halaman:
        teks = berkas.read_text()
        assert "<script>window.diretas" not in teks, berkas
        assert "<img src=x" not in teks, berkas
        assert "'site_name'" not in teks, berkas  # the name is text, not a template
    beranda = Kepala()
    beranda.feed((situs / "index.html").read_text())
    assert beranda.judul.endswith(f"Pengukuran Kinerja {NAMA_JAHAT}"), beranda.judul
    assert beranda.meta == (f"Arsip pengukuran kinerja {NAMA_JAHAT}, "
                            f"{PEMERINTAH_JAHAT.removeprefix('Pemerintah ')}")


def test_judul_halaman_tampil_persis_seperti_diketik(situs: Path) -> None:
    """A stored XSS through the page title: Material passes a heading-derived title through
    striptags, which turns entities back into tags. Titles are given in front matter instead."""
    from html.parser import HTMLParser

    class Judul(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.di, self.teks = False, ""

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.di = tag == "title"

        def handle_endtag(self, tag: str) -> None:
            self.di = False

        def handle_data(self, data: str) -> None:
            if self.di:
                self.teks += data

    halaman = (situs / "arsip/indikator/ik-1-1/index.html").read_text()
    p = Judul()
    p.feed(halaman)
    assert p.teks.startswith(f"IK-1.1 {URAIAN_JAHAT} - ")
    assert "<script>window.diretas" not in halaman
    indeks = json.loads((situs / "search/search_index.json").read_text())
    judul = {d["title"] for d in indeks["docs"] if d["location"].startswith("arsip/indikator/ik-1-1")}
    assert "<script>window" not in " ".join(judul)


def test_teks_orang_tidak_dijalankan(situs: Path) -> None:
    halaman = (situs / "arsip/2026/tw3/index.html").read_text()
    assert "<script>window.diretas" not in halaman
    assert "&lt;script&gt;window.diretas=1&lt;/script&gt;" in halaman
    assert "<img src=x" not in halaman and 'onerror="window' not in halaman
    assert "root:" not in halaman  # the snippet syntax stayed text
    assert ("**tebal** _miring_ [tautan](https://contoh.invalid/x) `kode` 1. - no#1 | Akses jalan"
            in halaman)  # Markdown stayed text too
    assert "<strong>tebal</strong>" not in halaman and "contoh.invalid/x\"" not in halaman


def _tautan_internal(situs: Path) -> list[tuple[Path, str]]:
    hasil = []
    for berkas in situs.rglob("*.html"):
        teks = berkas.read_text()
        for url in re.findall(r'(?:href|src)="([^"#?]+)[^"]*"', teks):
            if not re.match(r"[a-z]+:", url) and not url.startswith("/"):
                hasil.append((berkas, url))
    return hasil


def test_semua_tautan_internal_mengarah_ke_berkas(situs: Path) -> None:
    """Table links are raw HTML that MkDocs does not check: walk every link of the site."""
    tautan = _tautan_internal(situs)
    assert len(tautan) > 400
    rusak = []
    for berkas, url in tautan:
        tujuan = (berkas.parent / url).resolve()
        if not (tujuan.is_file() or (tujuan / "index.html").is_file()):
            rusak.append(f"{berkas.relative_to(situs)} → {url}")
    assert rusak == []


def test_tanpa_sumber_luar(situs: Path) -> None:
    for html in situs.rglob("*.html"):
        teks = html.read_text()
        for m in re.finditer(r'(?:src|href)="(https?:)?//([^"/]+)', teks):
            if 'src="' in m.group(0) or "stylesheet" in teks[max(0, m.start() - 80):m.start()]:
                pytest.fail(f"{html}: memuat {m.group(0)}")
    assert "fonts.googleapis" not in "".join(p.read_text() for p in situs.rglob("*.html"))


def test_periode_ditarik_dari_situs(contoh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A period whose ratification tag is removed disappears on the next build (its Camat's
    decision alone is an unfinished ratification, not a published one); a person's own file in
    the generated folder stays."""
    from buatan import salin_situs

    salin_situs(contoh)
    assert jalankan(capsys, "situs").kode == 0
    catatan = contoh / "content/arsip/2026/catatan-redaksi.md"
    catatan.write_text("Ditulis tangan.\n")
    subprocess.run(["git", "tag", "-d", "pengesahan/2026-tw3"], cwd=contoh, check=True,
                   capture_output=True)
    hasil = jalankan(capsys, "situs")
    assert hasil.keluaran.endswith("periode: 2026-tw1, 2026-tw2\n")
    assert not (contoh / "content/arsip/2026/tw3").exists()
    assert catatan.read_text() == "Ditulis tangan.\n"  # …is never removed


@pytest.mark.parametrize("hapus", ["periods/2026/tw2", "periods/2026"])
def test_folder_periode_disahkan_hilang(contoh: Path, capsys: pytest.CaptureFixture[str],
                                        hapus: str) -> None:
    """A ratified period whose folder is deleted (or a year's) is a missing period, not one to
    drop: situs refuses and keeps the archive; periksa says how to restore it."""
    import shutil

    from buatan import salin_situs

    salin_situs(contoh)
    assert jalankan(capsys, "situs").kode == 0
    shutil.rmtree(contoh / hapus)
    hasil = jalankan(capsys, "situs")
    assert hasil.kode == 1
    assert ("tag pengesahan/2026-tw2:1:1: galat: periode 2026-tw2 telah disahkan (tag "
            "pengesahan/2026-tw2), tetapi folder periods/2026/tw2 tidak ada lagi; kembalikan "
            "dengan «git checkout pengesahan/2026-tw2 -- periods/2026/tw2»") in hasil.galat
    assert (contoh / "content/arsip/2026/tw2/index.md").is_file()
    assert "git tag -d" not in jalankan(capsys, "periksa").keluaran
    subprocess.run(["git", "checkout", "pengesahan/2026-tw3", "--", "periods/2026"], cwd=contoh,
                   check=True, capture_output=True)
    assert jalankan(capsys, "situs").kode == 0


def test_pk_rusak_tidak_menghilangkan_periode(contoh: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A ratified period never silently drops out of the archive because its PK broke."""
    pk = contoh / "periods/2026/perjanjian-kinerja.yml"
    pk.write_text(pk.read_text().replace("tahun: 2026", "tahun: [2026", 1))
    hasil = jalankan(capsys, "situs")
    assert hasil.kode == 1
    assert "periods/2026/perjanjian-kinerja.yml:" in hasil.galat
    assert not (contoh / "content/arsip/2026").exists()


def test_arsip_kosong_tetap_dibangun(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An office with nothing ratified yet still gets a site that says so."""
    from buatan import salin_situs

    salin_situs(kantor)
    hasil = jalankan(capsys, "situs")
    assert hasil.keluaran.endswith("periode: belum ada yang disahkan\n")
    assert mkdocs(kantor).returncode == 0
    for halaman in ("index.html", "arsip/index.html", "arsip/indikator/index.html"):
        assert "Belum ada periode yang disahkan" in (kantor / "site" / halaman).read_text()


@pytest.mark.parametrize(("nama", "isi", "diterbitkan"), [
    ("Notulen.pdf", b"%PDF-1.7\n", "bukti/notulen.pdf"),
    ("foto.JPG", b"\xff\xd8\xff\xe0JFIF", "bukti/foto.jpg"),
    ("data.xlsx", b"PK\x03\x04rest", "bukti/data.xlsx"),
    ("daftar.csv", b"nama,desa\nA,B\n", "bukti/daftar.csv"),
    ("gambar.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 ", "bukti/gambar.webp"),
    # an allowed name whose bytes are not that type's: published as data, never by its name
    ("palsu.pdf", b"<html><script>alert(1)</script>", "bukti/palsu.pdf.bin"),
    ("palsu.png", b"<svg onload=alert(1)>", "bukti/palsu.png.bin"),
    ("suara.webp", b"RIFF\x10\x00\x00\x00WAVEfmt ", "bukti/suara.webp.bin"),
    ("catatan.txt", b"<script>alert(1)</script>", "bukti/catatan.txt.bin"),
    # what a host or a site generator would serve as a page, a script or markup
    ("a.shtml", b"<!--#exec cmd=\"id\"--><script>alert(1)</script>", "bukti/a.shtml.bin"),
    ("a.xht", b"<html xmlns='http://www.w3.org/1999/xhtml'><script>1</script></html>",
     "bukti/a.xht.bin"),
    ("a.svgz", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "bukti/a.svgz.bin"),
    ("a.xsl", b"<?xml version='1.0'?><xsl:stylesheet/>", "bukti/a.xsl.bin"),
    ("a.mkd", b"# Judul\n<script>alert(1)</script>\n", "bukti/a.mkd.txt"),
    ("a.mdown", b"Catatan rapat\n", "bukti/a.mdown.txt"),
    ("a.markdown", b"Catatan\n", "bukti/a.markdown.txt"),
    ("a.js", b"alert(1)", "bukti/a.js.txt"),
    ("tanpa-akhiran", b"teks biasa", "bukti/tanpa-akhiran.txt"),
    ("arsip.7z", b"7z\xbc\xaf\x27\x1c\x00\x04", "bukti/arsip.7z.bin"),
])
def test_bukti_diterbitkan_hanya_sebagai_data(tmp_path: Path, nama: str, isi: bytes,
                                               diterbitkan: str) -> None:
    """Evidence keeps its name only for an allowed inert type whose bytes are that type's;
    everything else is published as plain text or as bytes to download."""
    from kinerja.situs.html import nama_bukti

    path = tmp_path / nama
    path.write_bytes(isi)
    assert nama_bukti(path) == diterbitkan
