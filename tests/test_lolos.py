"""One escaper per target, each tried with a hostile corpus and with any text at all."""

from __future__ import annotations

import html
import html.parser

import yaml
from hypothesis import given
from hypothesis import strategies as st

from kinerja.inti import lolos

JAHAT = [
    "Perbaiki\n::add-mask::rahasia", "x\r\n::error file=a,line=1::palsu", "%0A::warning::y",
    "</title><script>alert(1)</script>", "<img src=x onerror=alert(1)>", '" onmouseover="x',
    "**tebal** _miring_ `kode` [tautan](javascript:alert(1)) | pipa | ~~coret~~ ![g](x)",
    "\x1b]0;judul\x07\x1b[2J\x1b[31mmerah", "a\u202eb\u2066c", "#set page(flipped: true)",
    "$x$ @ref \\textbf{x} -? ... --- <!-- -->", "- butir\n1. nomor\n# judul", "\ufeff\x00\x85",
    "kunci: nilai\n- daftar\n'kutip' \"ganda\" & * ! |", "",
]
TEKS = st.one_of(st.sampled_from(JAHAT), st.text())


@given(TEKS)
def test_github_perintah_satu_baris(teks: str) -> None:
    for f in (lolos.github_data, lolos.github_sifat):
        hasil = f(teks)
        assert "\n" not in hasil and "\r" not in hasil
    assert "::" not in lolos.github_sifat(teks) and "," not in lolos.github_sifat(teks)
    # GitHub's runner decodes %25, %0D, %0A: what people typed comes back exactly.
    balik = lolos.github_data(teks).replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
    assert balik == teks


@given(TEKS)
def test_yaml_kembali_persis(teks: str) -> None:
    assert yaml.safe_load(f"x: {lolos.yaml(teks)}\n") == {"x": teks}


class _Tag(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tag: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tag.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.tag.append("/" + tag)


@given(TEKS)
def test_html_tanpa_tag(teks: str) -> None:
    for f in (lolos.html, lolos.situs_md, lolos.xml):
        p = _Tag()
        p.feed(f"<p title=\"{lolos.html(teks)}\">{f(teks)}</p>")
        assert p.tag == ["p", "/p"]


@given(TEKS)
def test_html_kembali_persis(teks: str) -> None:
    """What a browser shows of escaped text is the text typed, its whitespace folded."""
    assert html.unescape(lolos.html(teks)) == " ".join(teks.split())
    assert lolos.html(teks) == html.escape(" ".join(teks.split()), quote=True)


@given(TEKS)
def test_terminal_tanpa_kendali(teks: str) -> None:
    hasil = lolos.terminal(teks)
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f for c in hasil)
    assert "\u202e" not in hasil and "\u2066" not in hasil


@given(TEKS)
def test_gfm_satu_sel(teks: str) -> None:
    hasil = lolos.gfm(teks)
    assert "\n" not in hasil and "<" not in hasil.replace("\\<", "")
    assert "|" not in hasil.replace("\\|", "")


def test_korpus_jahat_contoh() -> None:
    assert lolos.github_data("a\n::add-mask::b") == "a%0A::add-mask::b"
    assert lolos.html("</title><script>") == "&lt;/title&gt;&lt;script&gt;"
    assert lolos.terminal("\x1b[2Jx") == "\\x1b[2Jx"
    assert lolos.pandoc("#set page(x)") == "\\#set page(x)"


def test_singkatan_typst_di_luar_string_saja() -> None:
    assert lolos.typst_singkatan('a -? b ... "c -? ..." \\" d -?') == \
        'a -\\? b .\\.. "c -? ..." \\" d -\\?'
