"""«Maksud Anda …?»: the closest valid word to what a person typed, said the same way everywhere."""

from __future__ import annotations

from collections.abc import Sequence


def mirip(kata: str, pilihan: Sequence[str]) -> str | None:
    """The closest choice, or None when nothing is close enough to suggest."""
    import difflib  # only when a word is wrong: every command's start-up would pay ~1 ms

    hasil = difflib.get_close_matches(kata, list(pilihan), n=1, cutoff=0.6)
    return hasil[0] if hasil else None


def saran(kata: str, pilihan: Sequence[str], sebut: str = "") -> str:
    """The closest choice as a question; with ``sebut`` (e.g. "seksi yang ada"), every choice
    is listed too, so a person who typed something far off still sees what may be written."""
    dekat = mirip(kata, pilihan)
    tanya = f"; maksud Anda «{dekat}»?" if dekat else ""
    return tanya + (f" ({sebut}: {', '.join(pilihan)})" if sebut and pilihan else "")
