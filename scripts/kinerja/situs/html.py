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


# Evidence is published only as inert downloads, decided by an allow-list: a type no browser
# runs and no site generator renders, whose first bytes are that type's (an HTML page named
# «.png» stays data). Anything else is published as plain text («.txt») or, if not text, as
# bytes («.bin») — a Markdown note, an HTML, SVG or XML file, a «.mkd» or «.shtml» alike.
_ZIP, _OLE = (b"PK\x03\x04",), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
_BUKTI_INERT: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",), ".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",), ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",),
    ".docx": _ZIP, ".xlsx": _ZIP, ".pptx": _ZIP, ".odt": _ZIP, ".ods": _ZIP, ".odp": _ZIP,
    ".zip": _ZIP, ".doc": _OLE, ".xls": _OLE, ".ppt": _OLE,
    ".csv": (), ".txt": (),  # text served as text/csv or text/plain: shown, never run
}


def nama_bukti(path: Path) -> str:
    """An evidence file's name on the site, under the period's page: ``bukti/<name>``, made
    safe for a URL and inert for a browser (see ``_BUKTI_INERT``)."""
    akhiran = path.suffix.lower()
    nama = slug(path.stem)[:80] + (akhiran if re.fullmatch(r"\.[a-z0-9]{1,8}", akhiran) else "")
    with path.open("rb") as f:
        awal = f.read(4096)
    tanda = _BUKTI_INERT.get(akhiran)
    if tanda is not None and (awal.startswith(tanda) if tanda else _teks_polos(awal)) and (
            akhiran != ".webp" or awal[8:12] == b"WEBP"):
        return "bukti/" + nama
    return "bukti/" + nama + (".txt" if _teks_polos(awal) else ".bin")


def _teks_polos(awal: bytes) -> bool:
    """Text a browser shows as text: no NUL, UTF-8 (a cut-off last character allowed), and not
    a markup document a lenient host might sniff as HTML."""
    if b"\x00" in awal:
        return False
    try:
        teks = awal.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(awal) - 3:
            return False
        teks = awal[: e.start].decode("utf-8")
    kepala = teks.lstrip("\ufeff \t\r\n").lower()
    return not kepala.startswith(("<!doctype", "<html", "<svg", "<?xml", "<script", "<head",
                                  "<body", "<iframe", "<!--"))


# Raw HTML links point at directory URLs (use_directory_urls: true, as mkdocs.yml sets and
# Zensical defaults to). MkDocs leaves them as written, Zensical resolves them from the source
# file: every page that has such links is an index.md, so both read them alike. A test walks
# every link of the built site.
def url_periode(tahun: int, kode: str, naik: str) -> str:
    return f"{naik}{tahun}/{kode}/"


def url_indikator(kode: str, naik: str) -> str:
    return f"{naik}indikator/{slug(kode)}/"
