"""The one table of output formats: for each kind of output, its formats and how each is written.
The CLI offers exactly these choices."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kinerja.inti.model import Kantor
from kinerja.keluaran import reporters, tabel, tampil
from kinerja.layanan.pemeriksaan import HasilPeriksa
from kinerja.pengesahan.putusan import Putusan
from kinerja.ukur.rekap import Rekap

if TYPE_CHECKING:  # the status is only formatted here; loading it loads Git's history
    from kinerja.alur.status import StatusPeriode

TEMUAN: dict[str, Callable[[HasilPeriksa], str]] = {
    "teks": reporters.teks, "json": reporters.sebagai_json, "github": reporters.github}
REKAP: dict[str, Callable[[Rekap, Kantor], str]] = {
    "teks": tabel.teks, "markdown": tabel.markdown, "json": tabel.sebagai_json}
PUTUSAN: dict[str, Callable[[Putusan], str]] = {
    f: (lambda p, f=f: tampil.putusan(p, f)) for f in ("teks", "json", "github")}  # type: ignore[misc]
STATUS: dict[str, Callable[[StatusPeriode], str]] = {
    f: (lambda s, f=f: tampil.status(s, f)) for f in ("teks", "json")}  # type: ignore[misc]
TAUTAN = ("teks", "markdown")
