"""The one table of output formats: for each kind of output, its formats and how each is written.
The CLI offers exactly these choices."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from kinerja.inti.model import Kantor
from kinerja.keluaran import reporters, tabel, tampil
from kinerja.layanan.pemeriksaan import HasilPeriksa
from kinerja.ukur.rekap import Rekap

if TYPE_CHECKING:  # verdicts and status are only formatted here; loading them loads Git's side
    from kinerja.alur.status import StatusPeriode
    from kinerja.pengesahan.putusan import Putusan

TEMUAN: dict[str, Callable[[HasilPeriksa], str]] = {
    "teks": reporters.teks, "json": reporters.sebagai_json, "github": reporters.github}
REKAP: dict[str, Callable[[Rekap, Kantor], str]] = {
    "teks": tabel.teks, "markdown": tabel.markdown, "json": tabel.sebagai_json}
PUTUSAN: dict[str, Callable[[Putusan], str]] = {
    f: partial(tampil.putusan, format_=f) for f in ("teks", "json", "github")}
STATUS: dict[str, Callable[[StatusPeriode], str]] = {
    f: partial(tampil.status, format_=f) for f in ("teks", "json")}
TAUTAN = ("teks", "markdown")
VERIFIKASI = ("teks", "json")
