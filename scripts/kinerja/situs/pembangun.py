"""Build the public site from mkdocs.yml with Zensical or MkDocs, and say how it went in Indonesian.

Both read the same mkdocs.yml and content/. Zensical is the maintained successor of Material for
MkDocs (which reaches its end of life on 5 May 2027), so it is used when it is installed. Both
builders talk English and MkDocs adds a banner about that end of life; their output is kept and
shown only when the build fails, under a line that says whose words they are.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.situs import formulir
from kinerja.situs.csp import pasang_semua

Pembangun = Literal["zensical", "mkdocs"]
PEMBANGUN: tuple[Pembangun, ...] = ("zensical", "mkdocs")


@beku
class HasilBangun:
    pembangun: Pembangun
    folder: Path  # the built site
    halaman: int  # HTML pages in it
    formulir: formulir.HasilFormulir  # the form page for staff, or why it was not built


def _program(nama: Pembangun) -> str | None:
    """The builder's command, from this Python's environment first (a venv need not be on
    PATH)."""
    dekat = Path(sys.executable).parent / nama
    if dekat.is_file() and os.access(dekat, os.X_OK):
        return str(dekat)
    return shutil.which(nama)


def tersedia() -> tuple[Pembangun, ...]:
    return tuple(p for p in PEMBANGUN if _program(p) is not None)


def bangun_html(akar: Path, pembangun: Pembangun | None = None,
                env: Mapping[str, str] | None = None) -> HasilBangun:
    """Build ``akar``'s site into ``site/`` strictly: a broken link is a failed build. ``env``
    says where the office's Git host is, for the form page (``situs.formulir``)."""
    ada = tersedia()
    if pembangun is None:
        if not ada:
            raise KinerjaError("Zensical maupun MkDocs tidak terpasang; pasang dengan "
                               "«pip install zensical» (atau jalankan «make demo» sekali)")
        pembangun = ada[0]
    program = _program(pembangun)
    if program is None:
        raise KinerjaError(f"{pembangun} tidak terpasang; pasang dengan «pip install "
                           f"{'mkdocs-material' if pembangun == 'mkdocs' else 'zensical'}»"
                           + (f", atau pakai --pembangun {ada[0]}" if ada else ""))
    if not (akar / "mkdocs.yml").is_file():
        raise KinerjaError(f"mkdocs.yml tidak ada di {akar}; situs dibangun dari folder "
                           "repositori kinerja")
    # MkDocs' --quiet would hide the warnings --strict counts (it then passes a broken link):
    # its output is captured instead.
    perintah = [program, "build", "--strict"] + (["--clean"] if pembangun == "zensical" else [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    folder = akar / "site"
    # The previous site stays whole until the new one is built: set aside, and put back if the
    # build fails.
    lama = akar / f".site.lama-{os.getpid()}"
    if folder.exists():
        folder.replace(lama)
    try:
        hasil = subprocess.run(perintah, cwd=akar, env=env, capture_output=True, text=True,
                               check=False)
    except BaseException:
        _pulihkan(folder, lama)
        raise
    if hasil.returncode != 0:
        _pulihkan(folder, lama)
        keluaran = "\n".join("    " + b for b in (hasil.stdout + hasil.stderr).splitlines()
                             if b.strip())[-4000:]
        raise KinerjaError(f"situs gagal dibangun dengan {pembangun} (kode keluar "
                           f"{hasil.returncode}); periksa tautan dan halaman yang disebut di "
                           f"bawah ini. Pesan {pembangun} (bahasa Inggris):\n{keluaran}")
    try:
        pasang_semua(folder)  # before the old site goes: a failure here keeps it
        halaman = sum(1 for _ in folder.rglob("*.html"))
        form = formulir.bangun(akar, folder, env or {})
    except BaseException:
        _pulihkan(folder, lama)
        raise
    shutil.rmtree(lama, ignore_errors=True)
    return HasilBangun(pembangun, folder, halaman, form)


def _pulihkan(folder: Path, lama: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if lama.exists():
        lama.replace(folder)
