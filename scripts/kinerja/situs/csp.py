"""A Content-Security-Policy in every page of the built archive: defence in depth for a site
whose pages carry what people typed.

Escaping (``inti.lolos``) is what keeps people's text from becoming markup; this is the second
wall, should an escape ever be missed. A static host (GitHub Pages, an office web server kinerja
does not configure) sets no headers for us, so the policy is a ``<meta http-equiv>`` placed first
in each page's ``<head>``, before anything it governs. Scripts run only from the site itself, or
inline when their SHA-256 is listed — and only the theme's inline scripts are listed: a script
inside the page's ``<article>`` (where the archive's content is rendered) is never trusted, so a
script that slipped into the content would be refused by the browser, not hashed into the
policy. No third-party origin is allowed anywhere; the site loads nothing from elsewhere (no web
fonts, no analytics), and the Chromium tests fail on any request to another host.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

# Types a browser executes; a JSON data block (the theme's configuration) is not a script.
_JALAN = {"", "text/javascript", "application/javascript", "module"}

# What the theme needs: its images are inline SVG data in its stylesheet (mask-image), its
# search runs in a worker from the site's own files, and Zensical's search dialog styles its
# shadow root with a <style> element its script writes (whose text changes with each Zensical
# release, so it cannot be listed by hash). Inline style carries no script, and with images,
# fonts and connections limited to the site itself it cannot send anything elsewhere.
# frame-ancestors cannot be set from a meta element (browsers ignore it there), so protection
# from framing is the host's job.
_DASAR = ("default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
          "font-src 'self'", "connect-src 'self'", "worker-src 'self'", "object-src 'none'",
          "base-uri 'self'", "form-action 'none'")


class _Skrip(HTMLParser):
    """The page's inline scripts outside ``<article>``, in order, as their exact text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.skrip: list[str] = []
        self._artikel = 0
        self._isi: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._artikel += 1
        elif tag == "script":
            atribut = {k: (v or "") for k, v in attrs}
            jalan = atribut.get("type", "").strip().lower() in _JALAN
            self._isi = [] if jalan and "src" not in atribut and not self._artikel else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._artikel = max(0, self._artikel - 1)
        elif tag == "script" and self._isi is not None:
            self.skrip.append("".join(self._isi))
            self._isi = None

    def handle_data(self, data: str) -> None:
        if self._isi is not None:
            self._isi.append(data)


def kebijakan(html: str) -> str:
    """The policy for one page: the common rules, and the theme's inline scripts by hash."""
    p = _Skrip()
    p.feed(html)
    p.close()
    hash_ = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest())
                    .decode("ascii") + "'" for s in p.skrip})
    return "; ".join(("script-src 'self'" + "".join(" " + h for h in hash_), *_DASAR))


def pasang(html: str) -> str:
    """``html`` with its policy as the first element of its ``<head>`` (a page without a head,
    which neither builder writes, is returned unchanged: nothing is guessed)."""
    mulai = html.find("<head")
    akhir = html.find(">", mulai) if mulai >= 0 else -1
    # already given one (the page's own head only: text in the body never switches it off)
    if akhir < 0 or html.find('http-equiv="Content-Security-Policy"', akhir,
                              html.find("</head>", akhir)) >= 0:
        return html
    # after the character set, which a browser wants in the page's first bytes
    charset = html.find("<meta charset=", akhir, akhir + 400)
    if charset >= 0 and html.find("<script", akhir, charset) < 0:
        akhir = html.find(">", charset)
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{kebijakan(html)}">'
    return html[:akhir + 1] + meta + html[akhir + 1:]


def pasang_semua(folder: Path) -> int:
    """Every HTML page under the built site ``folder``; how many were given a policy."""
    n = 0
    for berkas in sorted(folder.rglob("*.html")):
        lama = berkas.read_text(encoding="utf-8")
        baru = pasang(lama)
        if baru != lama:
            berkas.write_text(baru, encoding="utf-8")
            n += 1
    return n
