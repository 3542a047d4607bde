"""Evidence (``bukti_dukung``): a web link, or a file in the repository. The checker, the report
and the public archive ask here what a piece of evidence is and where its file lies."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from kinerja.inti.tata import FOLDER_BUKTI

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


Tolak = Literal["tidak-ada", "di-luar-bukti", "tautan-simbolik"]


def berkas(akar: Path, folder_periode: Path, bukti: str) -> Path | None:
    """The evidence file: a regular file in the period's own ``bukti/`` folder, named relative
    to the period's folder (``bukti/notulen.pdf``) or to the repository's root. Only there is it
    sealed with the period and published with it; never a file elsewhere in the repository
    (``.git/config`` holds a remote's token), never through a link."""
    return None if tolak(akar, folder_periode, bukti) else _cari(akar, folder_periode, bukti)


def tolak(akar: Path, folder_periode: Path, bukti: str) -> Tolak | None:
    """Why ``bukti`` names no evidence file (None: it does)."""
    if bertautan(bukti):
        return "tidak-ada"
    folder = _tanpa_titik(folder_periode / FOLDER_BUKTI)
    dalam = akar.resolve()
    ada_di_luar = False
    for dasar in (folder_periode, akar):
        path = _tanpa_titik(dasar / bukti)
        if folder in path.parents:
            # Judged before following it: a link in bukti/ may point anywhere.
            langkah = [path, *(p for p in path.parents if folder in p.parents)]
            if any(p.is_symlink() for p in langkah):
                return "tautan-simbolik"
            return None if path.is_file() else "tidak-ada"
        try:
            nyata = path.resolve()
        except (OSError, ValueError):
            continue
        ada_di_luar = ada_di_luar or (dalam in nyata.parents and nyata.is_file())
    return "di-luar-bukti" if ada_di_luar else "tidak-ada"


def _cari(akar: Path, folder_periode: Path, bukti: str) -> Path | None:
    folder = _tanpa_titik(folder_periode / FOLDER_BUKTI)
    for dasar in (folder_periode, akar):
        path = _tanpa_titik(dasar / bukti)
        if folder in path.parents:
            return path
    return None


def _tanpa_titik(path: Path) -> Path:
    """The path with «..» and «.» folded but links left as they are, so a link is seen."""
    bagian: list[str] = []
    for b in path.absolute().parts:
        if b == "..":
            if len(bagian) > 1:
                bagian.pop()
        elif b != ".":
            bagian.append(b)
    return Path(*bagian)
