"""People's text is data: one escaper per place it goes, and nowhere else.

Names, reasons typed in a review, evidence, explanations and forge answers all reach places where
a few characters mean something (a GitHub workflow command, Markdown, HTML, SVG, YAML, a terminal).
Every such place calls exactly one function here, so a new hostile input is fixed once.
"""

from __future__ import annotations

import json
import re

# --- GitHub workflow commands (``::error file=…::message``) --------------------------------------
# GitHub's own toolkit escapes these: % first, then CR and LF in the message; a property value
# also escapes ":" and ",". A newline left raw would start a new command (``::add-mask::``).


def github_data(teks: str) -> str:
    """The message part of a workflow command."""
    return teks.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_sifat(teks: str) -> str:
    """A property value of a workflow command (file, title)."""
    return github_data(teks).replace(":", "%3A").replace(",", "%2C")


# --- GitHub-flavoured Markdown (job summary, pull-request body) ----------------------------------
_GFM = re.compile(r"([\\`*_{}\[\]#|~!<>])")


def gfm(teks: str) -> str:
    """One line of literal text in GitHub Markdown, table cells included: HTML and Markdown
    characters escaped, line breaks folded (a raw «|» or newline would break the table)."""
    satu = " ".join(teks.split())
    return _GFM.sub(r"\\\1", satu.replace("&", "&amp;"))


# --- HTML and the site's Markdown -----------------------------------------------------------------


# The five characters that mean something in HTML text and quoted attributes, in one pass (so
# «&» is never escaped twice); the stdlib's html module would cost every command ~2 ms to import
# for its table of entities, which escaping never reads.
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def html(teks: str) -> str:
    """People's text inside raw HTML (and HTML titles): escaped, whitespace folded."""
    return " ".join(teks.split()).translate(_HTML)


# Python-Markdown sees HTML first (so & < > " are entities), then these inline characters; what
# matters only at the start of a line («-», «1.», «#») never gets there, since text stays inline.
_MD_SITUS = re.compile(r"([\\`*_{}\[\]#|])")


def situs_md(teks: str) -> str:
    """Literal text inside a line of the site's Markdown: HTML first, then Markdown."""
    return _MD_SITUS.sub(r"\\\1", html(teks))


def json_skrip(isi: object) -> str:
    """A value as JSON inside a ``<script type="application/json">`` element: nothing in it can
    close the element or start markup (``<``, ``>``, ``&`` as JSON escapes)."""
    return json.dumps(isi, ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("&", "\\u0026")


def xml(teks: str) -> str:
    """Text inside SVG/XML elements."""
    return teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- pandoc Markdown (reports and letters, rendered to Typst) -------------------------------------
# Every ASCII punctuation character may be backslash-escaped in pandoc Markdown; these are the
# ones that can start markup anywhere in a line. Line-start markers are handled below.
_PANDOC = re.compile(r"([\\`*_{}\[\]<>#+!|$@^~=&\"'\-])")
_AWAL_DAFTAR = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)


_KATA_PANJANG = 24  # characters: about the narrowest table column of the reports


def _boleh_putus(kata: str) -> str:
    """A long unbroken «word» (a link, a code, a run of letters) gets a zero-width space every
    few characters: Typst breaks a line only where a break is allowed, so without them it runs
    out of its table cell and off the page. The PDF's text has no trace of them."""
    if len(kata) <= _KATA_PANJANG:
        return kata
    return "\u200b".join(kata[i:i + _KATA_PANJANG] for i in range(0, len(kata), _KATA_PANJANG))


def pandoc(teks: str) -> str:
    """Make any text literal in pandoc Markdown, keeping its paragraphs; long words breakable."""
    paragraf = [" ".join(_boleh_putus(k) for k in p.split())
                for p in re.split(r"\n\s*\n", teks.strip())]
    hasil = []
    for mentah in paragraf:
        p = _AWAL_DAFTAR.sub(r"\1\2\\\3", _PANDOC.sub(r"\\\1", mentah))
        hasil.append("\\" + p if p.startswith((":", "%", "(")) else p)
    return "\n\n".join(hasil)


def pandoc_sel(teks: str) -> str:
    """Literal text for a pipe-table cell: one line."""
    return pandoc(" ".join(teks.split()))


# --- Typst, after pandoc ---------------------------------------------------------------------------
# Pandoc's Typst writer escapes «--» and «~» but not the shorthands «-?» (soft hyphen) and «...»
# (ellipsis), so «-?» typed in an explanation vanished from the PDF. Outside labels (which pandoc
# makes from headings: «<ik-1-desa...>») and string literals —
# where an unescaped quote can only come from code, since pandoc escapes quotes in text — they
# are escaped here.
_TYPST_POTONG = re.compile(r'(\\.|<[A-Za-z0-9_.:\-]+>)|(")|(-\?)|(\.\.\.)')


def typst_singkatan(typst: str) -> str:
    hasil: list[str] = []
    dalam_teks = False
    awal = 0
    for m in _TYPST_POTONG.finditer(typst):
        hasil.append(typst[awal:m.start()])
        awal = m.end()
        if m.group(2):
            dalam_teks = not dalam_teks
            hasil.append(m.group())
        elif m.group(1) or dalam_teks:
            hasil.append(m.group())
        elif m.group(3):
            hasil.append("-\\?")
        else:
            hasil.append(".\\..")
    hasil.append(typst[awal:])
    return "".join(hasil)


# --- YAML --------------------------------------------------------------------------------------
_YAML_KENDALI = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def yaml(teks: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly ``teks``."""
    isi = teks.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"' + _YAML_KENDALI.sub(lambda m: f"\\u{ord(m.group()):04x}", isi) + '"'


# --- terminal ------------------------------------------------------------------------------------
# An escape sequence in a name or a review could move the cursor, recolour or retitle the
# terminal, or hide the rest of a message; show control characters as visible escapes instead.
_TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal(teks: str) -> str:
    """Text for a terminal: line breaks and tabs kept, every other control character visible."""
    return _TERMINAL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                         else f"\\u{ord(m.group()):04x}", teks)


def sebaris(teks: str) -> str:
    """A name that must stay on its line: its line breaks and tabs shown as escapes too."""
    return terminal(teks.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
                    .replace("\t", "\\t"))


# --- a page name ----------------------------------------------------------------------------------

def slug(kode: str) -> str:
    """The page name of a code in the public archive (``IK-1.1`` → ``ik-1-1``)."""
    return re.sub(r"[^a-z0-9]+", "-", kode.lower()).strip("-") or "indikator"
