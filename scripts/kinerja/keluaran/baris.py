"""One finding as one line of text: ``berkas:baris:kolom: tingkat: pesan [aturan]``."""

from __future__ import annotations

from kinerja.inti.temuan import Temuan


def baris_teks(t: Temuan) -> str:
    return f"{t.berkas}:{t.baris}:{t.kolom}: {t.tingkat}: {t.pesan} [{t.aturan}]"
