"""The decision trailers (``Kinerja-*``): the one place that writes a decision's commit message
and the one place that reads a commit as a decision."""

from __future__ import annotations

from enum import Enum

from kinerja.inti.beku import beku
from kinerja.pengesahan.git import Commit

PERIODE = "Kinerja-Periode"
KEPUTUSAN = "Kinerja-Keputusan"
PERAN = "Kinerja-Peran"
ISI = "Kinerja-Isi"
ALASAN = "Kinerja-Alasan"
VERSI = "Kinerja-Versi"
NOMOR = "Kinerja-Nomor"
LANGKAH = "Kinerja-Langkah"


class Jenis(Enum):
    SETUJU = "setuju"  # Kasubbag Perencanaan or Sekcam approve (steps 6–7)
    SAHKAN = "sahkan"  # the Camat ratifies (step 8)
    KEMBALIKAN = "kembalikan"  # sent back for correction
    REVISI = "revisi"  # a ratified period reopened as its next version
    LANGKAH = "langkah"  # an SOP step done outside Git (orders, letters, archiving)


@beku
class Keputusan:
    """A commit read as a decision about one period."""

    commit: Commit
    periode: str
    jenis: Jenis
    peran: str = ""
    isi: str | None = None  # the content fingerprint it refers to
    alasan: str = ""
    versi: int | None = None  # a revision: the version it opens
    nomor: str | None = None  # a revision: the letter that asked for it
    langkah: int | None = None  # an SOP step


def baca(c: Commit) -> Keputusan | None:
    """The decision a commit records, or None (an ordinary commit, or trailers kinerja would
    not write)."""
    t = c.trailer
    periode, jenis = t.get(PERIODE), t.get(KEPUTUSAN)
    if not periode or not jenis:
        return None
    try:
        j = Jenis(jenis)
    except ValueError:
        return None
    versi = t.get(VERSI, "")
    langkah = t.get(LANGKAH, "")
    return Keputusan(c, periode, j, t.get(PERAN, ""), t.get(ISI), t.get(ALASAN, ""),
                     int(versi) if versi.isascii() and versi.isdigit() and len(versi) < 4 else None,
                     t.get(NOMOR) or None,
                     int(langkah) if langkah.isascii() and langkah.isdigit() and len(langkah) < 3
                     else None)


def _satu_baris(teks: str) -> str:
    return " ".join(teks.split())


def pesan(judul: str, periode: str, jenis: Jenis, *, peran: str = "", isi: str | None = None,
          alasan: str = "", versi: int | None = None, nomor: str | None = None,
          langkah: int | None = None, badan: str = "") -> str:
    """A decision's commit message: a title, an optional body, and the trailers."""
    trailer = [f"{PERIODE}: {periode}", f"{KEPUTUSAN}: {jenis.value}"]
    if peran:
        trailer.append(f"{PERAN}: {peran}")
    if langkah is not None:
        trailer.append(f"{LANGKAH}: {langkah}")
    if versi is not None:
        trailer.append(f"{VERSI}: {versi}")
    if isi is not None:
        trailer.append(f"{ISI}: {isi}")
    if alasan.strip():
        trailer.append(f"{ALASAN}: {_satu_baris(alasan)}")
    if nomor and nomor.strip():
        trailer.append(f"{NOMOR}: {_satu_baris(nomor)}")
    isi_badan = f"\n\n{badan.strip()}" if badan.strip() else ""
    return f"{_satu_baris(judul)}{isi_badan}\n\n" + "\n".join(trailer) + "\n"
