"""Evidence (``bukti_dukung``): a web link, or a file in the repository. The checker, the report
and the public archive ask here what a piece of evidence is and where its file lies."""

from __future__ import annotations

import re
from pathlib import Path

_SKEMA = re.compile(r"[a-z][a-z0-9+.-]{0,20}://", re.IGNORECASE)
_HTTP = re.compile(r"https?://", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s/$.?#]\S*", re.IGNORECASE)
_KREDENSIAL = re.compile(r"[a-z][a-z0-9+.-]{0,20}://[^/?#@]*@", re.IGNORECASE)

BUKTI_MAKS = 2000  # characters: longer than any real link, and Typst refuses far longer ones


def tautan(bukti: str) -> bool:
    """A web link (http or https): shown and linked, never a file."""
    return _HTTP.match(bukti) is not None


def bertautan(bukti: str) -> bool:
    """Written as an address of some scheme (``ftp://``, ``https://``): not a file path."""
    return _SKEMA.match(bukti) is not None


def tautan_valid(bukti: str) -> bool:
    return _URL.fullmatch(bukti) is not None


def berkredensial(bukti: str) -> bool:
    """``…://nama:sandi@…``: a password that must never reach the public archive."""
    return _KREDENSIAL.match(bukti) is not None


def berkas(akar: Path, folder_periode: Path, bukti: str) -> Path | None:
    """The evidence file, read relative to the period's folder, then the repository's root;
    only a regular file inside the repository counts (never through a link to outside)."""
    if bertautan(bukti):
        return None
    dalam = akar.resolve()
    for dasar in (folder_periode, akar):
        try:
            path = (dasar / bukti).resolve()
        except (OSError, ValueError):
            continue
        if dalam in path.parents and path.is_file():
            return path
    return None
