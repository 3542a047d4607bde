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
    bin_ = Path(sys.executable).parent
    subprocess.run([str(bin_ / "kinerja"), "situs", "--pdf", "--bangun", "--pembangun",
                    pembangun], cwd=akar, check=True, capture_output=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Diam, directory=str(akar / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


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
