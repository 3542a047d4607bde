"""The site's building blocks: escaped text, tables as raw HTML, links, and the addresses of pages
and evidence. People's text is escaped here for the site's Markdown and for HTML."""

from __future__ import annotations

import re
from pathlib import Path

from kinerja.baca import bukti as bk
from kinerja.inti import lolos
from kinerja.inti.angka import format_persen

aman = lolos.situs_md  # people's text inside a line of the site's Markdown
h = lolos.html  # and inside raw HTML, titles included
slug = lolos.slug


def kepala_halaman(teks: str) -> list[str]:
    """A page's title and heading. The title is given in front matter, HTML-escaped: Material
    prints a front-matter title into <title> as it is, whereas a title taken from the heading
    goes through ``striptags``, which turns «&lt;/title&gt;» back into a live tag."""
    return ["---", f"title: {lolos.yaml(lolos.html(teks))}", "---", "", f"# {aman(teks)}"]


def persen(x: float | None) -> str:
    return "–" if x is None else format_persen(x)


def kategori(nama: str | None) -> str:
    if not nama:
        return "–"
    return f'<span class="kategori kategori-{slug(nama)}">{h(nama)}</span>'


def tabel(kepala: list[str], rata: str,
          baris: list[list[str]] | list[tuple[str, list[list[str]]]]) -> list[str]:
    """A table as one raw HTML block; rows may come in titled groups (a sasaran and its
    indicators). Cells are HTML already escaped by the caller. Markdown passes the block through
    untouched, which keeps people's text literal and spares the inline pass that made large
    archives slow to build (bench/situs.py)."""
    # l: text, L: the long text a row is about (kept readable: it does not shrink to a sliver),
    # r: numbers, right-aligned on one line.
    menurut = {"l": "", "L": ' class="utama"', "r": ' class="kanan"'}
    kelas = [menurut[r] for r in rata]
    hasil = ["", "<table>", "<thead><tr>" + "".join(
        f"<th{k}>{h(j)}</th>" for j, k in zip(kepala, kelas, strict=True)) +
        "</tr></thead>", "<tbody>"]
    for b in baris:
        if isinstance(b, tuple):
            judul, isi = b
            hasil.append(f'<tr class="kelompok"><th colspan="{len(kepala)}">{judul}</th></tr>')
        else:
            isi = [b]
        hasil += ["<tr>" + "".join(f"<td{k}>{sel}</td>" for sel, k in zip(r, kelas, strict=True))
                  + "</tr>" for r in isi]
    return [*hasil, "</tbody>", "</table>", ""]


def a(url: str, isi: str) -> str:
    return f'<a href="{h(url)}">{isi}</a>'


def tautan_bukti(bukti: str, salinan: str | None = None) -> str:
    if bk.tautan(bukti):
        return f'<a href="{h(bukti)}" rel="nofollow noopener">{h(bukti)}</a>'
    if salinan is not None:
        return f'<a href="{h(salinan)}">{h(bukti)}</a>'
    return f"<code>{h(bukti)}</code>"


# Evidence a browser would run or the site generator would render as a page of this site (a
# Markdown note, an HTML or SVG file) is published as plain text: people's files are data.
_BUKTI_SEBAGAI_TEKS = frozenset({".md", ".markdown", ".html", ".htm", ".xhtml", ".svg", ".xml",
                                 ".js", ".mjs", ".css", ".txt"})


def nama_bukti(path: Path) -> str:
    """An evidence file's name on the site, under the period's page: ``bukti/<name>``, made
    safe for a URL."""
    akhiran = path.suffix.lower()
    nama = slug(path.stem)[:80] + (akhiran if re.fullmatch(r"\.[a-z0-9]{1,8}", akhiran) else "")
    return "bukti/" + (nama + ".txt" if akhiran in _BUKTI_SEBAGAI_TEKS else nama)


# Raw HTML links point at directory URLs (use_directory_urls: true, as mkdocs.yml sets and
# Zensical defaults to). MkDocs leaves them as written, Zensical resolves them from the source
# file: every page that has such links is an index.md, so both read them alike. A test walks
# every link of the built site.
def url_periode(tahun: int, kode: str, naik: str) -> str:
    return f"{naik}{tahun}/{kode}/"


def url_indikator(kode: str, naik: str) -> str:
    return f"{naik}indikator/{slug(kode)}/"
