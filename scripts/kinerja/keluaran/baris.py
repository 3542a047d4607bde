"""One finding as one line of text: ``berkas:baris:kolom: tingkat: pesan [aturan]``."""

from __future__ import annotations

from kinerja.inti import lolos
from kinerja.inti.temuan import Temuan


def baris_teks(t: Temuan) -> str:
    # A file name is one token of the line: a line break in it would split the finding.
    return f"{lolos.sebaris(t.berkas)}:{t.baris}:{t.kolom}: {t.tingkat}: {t.pesan} [{t.aturan}]"
