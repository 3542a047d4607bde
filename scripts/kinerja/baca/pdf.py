"""A PDF's own metadata, as kinerja writes it into every document it renders: which document of
which period and version, from which seal and which sources (``kinerja-…`` keywords).

The words are only a claim: the PDF may come from anyone. They say which ratified version to
compare against; «kinerja verifikasi» compares the file itself.
"""

from __future__ import annotations

from pathlib import Path

AWALAN = "kinerja-"
BATAS = 64 * 1024 * 1024  # bytes: a report is a few hundred kB; anything larger is not ours


def kata_kunci(pdf: Path) -> dict[str, str] | None:
    """The ``kinerja-…`` keywords of ``pdf`` (``{"jenis": "laporan", …}``); None when the file is
    not a readable PDF or carries none."""
    try:
        if not pdf.is_file() or pdf.stat().st_size > BATAS:
            return None
    except OSError:
        return None
    import logging  # with pypdf (~60 ms to import): only commands that read a PDF pay for it

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs what it repairs in a damaged file; a person is told what matters, once.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        info = PdfReader(pdf).metadata
        teks = str(info.get("/Keywords", "")) if info is not None else ""
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError,
            RecursionError):
        return None
    hasil: dict[str, str] = {}
    for mentah in teks.split(","):
        kata = mentah.strip()
        kunci, titik, nilai = kata.partition(":")
        if titik and kunci.startswith(AWALAN) and len(kata) <= 200:
            hasil.setdefault(kunci.removeprefix(AWALAN), nilai)
    return hasil or None


def penulis(pdf: Path) -> str | None:
    """The PDF's author field (kinerja writes the office's name there)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        info = PdfReader(pdf).metadata
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError,
            RecursionError):
        return None
    nama = info.get("/Author") if info is not None else None
    return str(nama)[:200] if nama else None
