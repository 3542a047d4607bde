"""The archive in real headless Chromium (Debian's, driven by Playwright): navigation, search,
no console errors, no request to any other host, and an injected script that never runs."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from conftest import AKAR

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTEFAK = AKAR / "test-artifacts"
BENDERA = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _perlu_chromium() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium must be present in CI (.ci/run installs Debian's chromium)")
        pytest.skip("Chromium tidak terpasang (apt-get install chromium); uji peramban dilewati")
    return CHROMIUM


class _Diam(SimpleHTTPRequestHandler):
    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def pembangun(request: pytest.FixtureRequest) -> str:
    """Every check runs on the site as each builder makes it: MkDocs (Material) and Zensical,
    its maintained successor, from the same mkdocs.yml."""
    return str(request.param)


@pytest.fixture(scope="module")
def alamat(tmp_path_factory: pytest.TempPathFactory, pembangun: str) -> Iterator[str]:
    _perlu_chromium()
    import subprocess
    import sys

    from buatan import salin_contoh

    def jahat(sumber: Path) -> None:  # typed before the period was ratified: what was sealed
        form = sumber / "periods/2026/tw3/formulir/trantib.yml"
        form.write_text(form.read_text().replace(
            "hambatan: Akses jalan", "hambatan: <script>window.diretas=1</script> "
            "<img src=x onerror=\"window.diretas=2\"> Akses jalan", 1))

    akar = salin_contoh(tmp_path_factory.mktemp("situs") / "contoh", situs=True, ubah=jahat)
    _revisi_tw1(akar)
    bin_ = Path(sys.executable).parent
    subprocess.run([str(bin_ / "kinerja"), "situs", "--pdf", "--bangun", "--pembangun",
                    pembangun], cwd=akar, check=True, capture_output=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Diam, directory=str(akar / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _revisi_tw1(akar: Path) -> None:
    """TW I revised after its ratification (a figure corrected, approved and ratified again by
    the same people), so the archive has a revised period's page, with both versions."""
    from kinerja.alur.keputusan import putuskan
    from kinerja.alur.revisi import revisi
    from kinerja.pengesahan.trailer import Jenis
    from sejarah import Kantor

    k = Kantor(akar)
    with k.sebagai("kasubbag-perencanaan", "2026-04-20 09:00"):
        revisi(akar, "2026-tw1", "Realisasi IK-1.1 salah ketik", None)
    form = akar / "periods/2026/tw1/formulir/pemerintahan.yml"
    form.write_text(form.read_text(encoding="utf-8").replace(
        "realisasi: 94,12", "realisasi: 94,5", 1), encoding="utf-8")
    k.commit(k.kepala["pemerintahan"], "2026-04-20 10:00", "Perbaiki realisasi IK-1.1",
             "periods/2026/tw1/formulir/pemerintahan.yml")
    for peran, jam in (("kasubbag-perencanaan", "11:00"), ("sekcam", "13:00")):
        with k.sebagai(peran, f"2026-04-21 {jam}"):
            putuskan(akar, "2026-tw1", Jenis.SETUJU, peran)
    with k.sebagai("camat", "2026-04-21 15:00"):
        putuskan(akar, "2026-tw1", Jenis.SAHKAN, "camat")


@pytest.fixture(scope="module")
def peramban() -> Iterator[Any]:
    program = _perlu_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=program, args=BENDERA)
        yield b
        b.close()


@pytest.fixture
def halaman(peramban: Any, alamat: str) -> Iterator[tuple[Any, list[str], list[str]]]:
    konteks = peramban.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    h = konteks.new_page()
    galat: list[str] = []
    asing: list[str] = []
    h.on("console", lambda m: galat.append(m.text) if m.type == "error" else None)
    h.on("pageerror", lambda e: galat.append(str(e)))
    h.on("request", lambda r: asing.append(r.url) if not r.url.startswith(alamat) else None)
    yield h, galat, asing
    konteks.close()


def _foto(h: Any, nama: str) -> None:
    ARTEFAK.mkdir(exist_ok=True)
    h.screenshot(path=str(ARTEFAK / f"{nama}.png"), full_page=False)


def _mkdocs_saja(pembangun: str) -> None:
    if pembangun != "mkdocs":
        pytest.skip("Material for MkDocs' own search box; Zensical's is tested on its own")


def test_beranda_periode_indikator(halaman: tuple[Any, list[str], list[str]], alamat: str,
                                   pembangun: str) -> None:
    h, galat, asing = halaman
    h.goto(alamat + "/")
    assert "Pengukuran Kinerja Kecamatan Pejawaran" in h.title()
    assert h.get_by_role("heading", name="Terakhir disahkan").is_visible()
    _foto(h, f"{pembangun}-1-beranda")
    h.get_by_role("link", name="Triwulan III Tahun 2026", exact=True).first.click()
    h.wait_for_url("**/arsip/2026/tw3/")
    assert h.locator("svg").first.is_visible()
    assert h.locator(".kategori-sangat-tinggi").first.inner_text() == "Sangat Tinggi"
    # numbers right-aligned: our rule must beat Material's table styles
    assert h.locator("td.kanan").first.evaluate("e => getComputedStyle(e).textAlign") == "right"
    _foto(h, f"{pembangun}-2-periode")
    h.get_by_role("link", name="IK-4.2", exact=True).first.click()
    h.wait_for_url("**/arsip/indikator/ik-4-2/")
    assert "Prevalensi balita stunting" in h.locator("h1").inner_text()
    _foto(h, f"{pembangun}-3-indikator")
    assert galat == []
    assert asing == []


def test_pencarian(halaman: tuple[Any, list[str], list[str]], alamat: str,
                   pembangun: str) -> None:
    _mkdocs_saja(pembangun)
    h, galat, asing = halaman
    h.goto(alamat + "/")
    h.wait_for_load_state("networkidle")  # the search index loads in a web worker
    h.locator(".md-search__input").first.click()
    kotak = h.locator("input.md-search__input")
    kotak.press_sequentially("stunting", delay=30)  # Material listens to key events
    hasil = h.locator(".md-search-result__item")
    hasil.first.wait_for(timeout=10_000)
    assert "stunting" in hasil.first.inner_text().lower()
    _foto(h, "4-pencarian")
    kotak.fill("")
    kotak.press_sequentially("Triwulan IV", delay=30)
    h.locator(".md-search-result__meta").wait_for()
    assert "2026/tw4" not in h.locator(".md-search-result").inner_html()
    assert galat == [] and asing == []


def test_skrip_sisipan_tidak_berjalan(halaman: tuple[Any, list[str], list[str]], alamat: str) -> None:
    h, galat, asing = halaman
    h.goto(alamat + "/arsip/2026/tw3/")
    assert h.evaluate("typeof window.diretas") == "undefined"
    assert h.get_by_text("<script>window.diretas=1</script>", exact=False).count() >= 1
    assert galat == [] and asing == []


HALAMAN = ["/", "/arsip/", "/arsip/2026/", "/arsip/2026/tw3/", "/arsip/indikator/",
           "/arsip/indikator/ik-1-1/", "/arsip/sop/", "/panduan/", "/tentang/", "/pemeriksaan/"]


@pytest.mark.parametrize(("lebar", "tinggi"), [(1280, 800), (390, 844)])
def test_setiap_halaman_muat_tanpa_teks_terpotong(peramban: Any, alamat: str, pembangun: str,
                                                   lebar: int, tinggi: int) -> None:
    """At a desktop and at a phone (people open the archive from WhatsApp links): the page never
    scrolls sideways, no text is cut (an ellipsis, a clipped box), and at the desktop width no
    table even needs scrolling; on the phone a wide table scrolls inside its own box. Full-page
    screenshots of both sizes are kept in test-artifacts/."""
    cek = (Path(__file__).parent / "tata_letak.js").read_text(encoding="utf-8")
    konteks = peramban.new_context(viewport={"width": lebar, "height": tinggi}, locale="id-ID")
    h = konteks.new_page()
    masalah = {}
    for path in HALAMAN:
        h.goto(alamat + path)
        hasil = h.evaluate(cek, lebar >= 1000)
        if hasil:
            masalah[path] = hasil
        ARTEFAK.mkdir(exist_ok=True)
        h.screenshot(path=str(ARTEFAK / f"tata-{pembangun}-{lebar}{path.replace('/', '_')}.png"),
                     full_page=True)
    konteks.close()
    assert masalah == {}


INGGRIS = ("Search", "result", "Loading", "Close", "Filters", "Tags", "unavailable")


def test_pencarian_zensical_berbahasa_indonesia(halaman: tuple[Any, list[str], list[str]],
                                                alamat: str, pembangun: str) -> None:
    """Zensical's search dialog (drawn by its script, in English) reads Indonesian in every
    state a visitor meets: open and empty, results, and no result."""
    if pembangun != "zensical":
        pytest.skip("Zensical's dialog; Material's search box is tested above")
    h, galat, asing = halaman
    h.goto(alamat + "/")
    h.wait_for_load_state("networkidle")
    h.locator(".md-search__button").first.click()

    # Every text and label the search dialog shows (it lives in a shadow root).
    teks_js = """() => { const r = [];
      for (const el of document.body.children) if (el.shadowRoot) {
        const w = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_ELEMENT
                                            | NodeFilter.SHOW_TEXT);
        for (let n = w.currentNode; n; n = w.nextNode()) {
          if (n.nodeType === 3) r.push(n.data);
          else for (const a of ["aria-label", "placeholder", "title"])
            if (n.getAttribute && n.getAttribute(a)) r.push(n.getAttribute(a)); } }
      return r.join(" | "); }"""

    def teks_dialog() -> str:
        return str(h.evaluate(teks_js))

    kosong = teks_dialog()
    assert "Cari" in kosong, kosong
    h.keyboard.type("stunting", delay=30)
    # Results appear, and are drawn again, while the word is typed («stun» already finds
    # documents): wait until what the dialog shows holds the whole word's results.
    h.wait_for_function(f"""() => {{ const t = ({teks_js})();
        return /dokumen ditemukan/.test(t) && /stunting/i.test(t); }}""", timeout=10_000)
    ada = teks_dialog()
    assert "stunting" in ada.lower(), ada[:3000]
    _foto(h, "zensical-4-pencarian")
    h.keyboard.press("Control+A")
    h.keyboard.type("qqzzxx", delay=30)
    h.wait_for_function("""() => [...document.body.children].some(e => e.shadowRoot &&
        /Tidak ada dokumen/.test(e.shadowRoot.textContent))""", timeout=10_000)
    tidak = teks_dialog()
    for teks in (kosong, ada, tidak):
        assert not [k for k in INGGRIS if k in teks], teks
    assert galat == [] and asing == []


# axe-core (npm, pinned in tests/package.json) run in the page: WCAG 2.1 levels A and AA.
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Every kind of page the archive has: home, archive index, year, a period, a revised period,
# indicators and one indicator, the SOP, the guide, the list of checks, about, the checker.
HALAMAN_AXE = [*HALAMAN, "/arsip/2026/tw1/", "/arsip/keaslian/", "/404.html"]


def _konteks_axe(peramban: Any, lebar: int, tinggi: int) -> Any:
    """A page context with axe loaded into every page before the page's own scripts (through
    the browser, so the archive's Content-Security-Policy does not refuse it)."""
    assert AXE.is_file(), "jalankan «make test» (npm ci di tests/) untuk memasang axe-core"
    konteks = peramban.new_context(viewport={"width": lebar, "height": tinggi}, locale="id-ID")
    konteks.add_init_script(path=str(AXE))
    return konteks


def pelanggaran_wcag(h: Any) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now: one line per element.
    Measured once the page is still (a tooltip fading in is not yet its own colour)."""
    h.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')",
                        timeout=5_000)
    return list(h.evaluate(
        """async (tag) => (await axe.run(document, {runOnly: {type: 'tag', values: tag}}))
             .violations.flatMap(v => v.nodes.map(n => v.id + ' ' + n.target.join(' ') + ': '
               + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300)))""", WCAG))


def _buka_pencarian(h: Any, pembangun: str) -> None:
    """Open the search box as a visitor does and search a word that has results."""
    h.wait_for_load_state("networkidle")
    h.locator(".md-search__button:visible, label.md-header__button[for=__search]:visible,"
              " input.md-search__input:visible").first.click()
    h.keyboard.type("stunting", delay=30)
    if pembangun == "mkdocs":
        h.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    else:
        h.wait_for_function("""() => [...document.body.children].some(e => e.shadowRoot &&
            /dokumen ditemukan/.test(e.shadowRoot.textContent))""", timeout=10_000)


@pytest.mark.parametrize(("lebar", "tinggi"), [(1280, 800), (390, 844)])
def test_wcag_21_aa_tanpa_pelanggaran(peramban: Any, alamat: str, pembangun: str,
                                      tmp_path: Path, lebar: int, tinggi: int) -> None:
    """No violation of WCAG 2.1 A or AA that axe-core finds, on every kind of page, at a desktop
    and a phone width, in both builders: also with the search dialog open on its results, and
    on the checker page showing its verdict for a downloaded report."""
    import urllib.request

    konteks = _konteks_axe(peramban, lebar, tinggi)
    h = konteks.new_page()
    masalah: dict[str, list[str]] = {}
    galat: list[str] = []  # a style or script the policy refused is an error on the console
    h.on("console", lambda m: galat.append(m.text) if m.type == "error" else None)
    for path in HALAMAN_AXE:
        h.goto(alamat + path)
        h.wait_for_load_state("networkidle")
        if v := pelanggaran_wcag(h):
            masalah[path] = v
    assert "Revisi ke-1" in h.goto(alamat + "/arsip/2026/tw1/").text()  # type: ignore[union-attr]
    h.goto(alamat + "/")
    _buka_pencarian(h, pembangun)
    if v := pelanggaran_wcag(h):
        masalah["pencarian terbuka"] = v
    pdf = tmp_path / "laporan.pdf"
    with urllib.request.urlopen(alamat + "/arsip/2026/tw3/laporan-pengukuran-kinerja-2026-tw3.pdf"
                                ) as r:
        pdf.write_bytes(r.read())
    h.goto(alamat + "/arsip/keaslian/")
    h.set_input_files("#berkas-pdf", str(pdf))
    h.locator("#hasil-keaslian").filter(has_text="Asli").wait_for(timeout=10_000)
    if v := pelanggaran_wcag(h):
        masalah["keaslian, dengan hasil"] = v
    konteks.close()
    assert masalah == {}
    assert galat == []


def test_periode_dengan_papan_ketik_saja(peramban: Any, alamat: str, pembangun: str) -> None:
    """On a phone-width period page, Tab alone reaches every table that scrolls (and the arrow
    keys then scroll it) and every PDF link; each table box says what it holds."""
    konteks = peramban.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    h = konteks.new_page()
    h.goto(alamat + "/arsip/2026/tw3/")
    h.wait_for_load_state("load")
    kotak = h.locator(".md-typeset__scrollwrap[tabindex='0']")
    pdf = h.locator("article a[href$='.pdf']")
    assert kotak.count() >= 2 and pdf.count() >= 2
    tujuan = {f"kotak:{kotak.nth(i).get_attribute('aria-label')}" for i in range(kotak.count())}
    tujuan |= {f"pdf:{pdf.nth(i).get_attribute('href')}" for i in range(pdf.count())}
    assert all(t.startswith("pdf:") or t.startswith("kotak:Tabel") for t in tujuan), tujuan
    sampai: set[str] = set()
    digeser = 0
    for _ in range(400):
        h.keyboard.press("Tab")
        aktif = h.evaluate("""() => { const e = document.activeElement;
            if (e.classList.contains('md-typeset__scrollwrap'))
              return 'kotak:' + e.getAttribute('aria-label');
            if (e.closest('article') && /\\.pdf$/.test(e.getAttribute('href') || ''))
              return 'pdf:' + e.getAttribute('href');
            return ''; }""")
        if aktif.startswith("kotak:") and aktif not in sampai:
            h.keyboard.press("ArrowRight")
            h.keyboard.press("ArrowRight")
            # the browser scrolls smoothly: wait for the box to have moved
            h.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=3_000)
            digeser += 1
        if aktif:
            sampai.add(aktif)
        if sampai >= tujuan:
            break
    konteks.close()
    assert tujuan - sampai == set()
    assert digeser == sum(1 for t in tujuan if t.startswith("kotak:"))


def test_kebijakan_keamanan_konten(peramban: Any, alamat: str) -> None:
    """Every page carries a Content-Security-Policy that lists no other origin and allows no
    inline script but the theme's, by hash; the theme's own scripts and styles run under it (no
    console error in any test of this module), and a script put into a page is refused."""
    konteks = peramban.new_context(locale="id-ID")
    h = konteks.new_page()
    for path in HALAMAN_AXE:
        h.goto(alamat + path)
        kebijakan = h.locator("meta[http-equiv='Content-Security-Policy']")
        assert kebijakan.count() == 1, path
        isi = kebijakan.get_attribute("content")
        skrip = next(a for a in isi.split(";") if a.strip().startswith("script-src"))
        assert "http" not in isi and "unsafe" not in skrip and "object-src 'none'" in isi, isi
    h.goto(alamat + "/arsip/2026/tw3/")
    ditolak = h.evaluate("""() => new Promise(selesai => {
        document.addEventListener('securitypolicyviolation', e => selesai(e.violatedDirective));
        const s = document.createElement('script');
        s.textContent = 'window.disisipkan = 1';
        document.body.append(s);
        setTimeout(() => selesai('dijalankan'), 2000); })""")
    assert ditolak.startswith("script-src") and h.evaluate("typeof window.disisipkan") == \
        "undefined"
    konteks.close()
