"""The ``kinerja`` group every command module adds its commands to."""

from __future__ import annotations

import click

from kinerja import __version__
from kinerja.cli.klik import KONTEKS, Kelompok, bantuan


@click.group(cls=Kelompok, context_settings=KONTEKS, add_help_option=False)
@bantuan
@click.version_option(__version__, "-V", "--version", message="kinerja %(version)s",
                      help="Tampilkan versi lalu keluar.")
def kinerja() -> None:
    """Pengukuran kinerja instansi pemerintah sebagai kode di Git.

    Alur SOP: «periode baru» membuat formulir dari Perjanjian Kinerja, seksi mengisinya,
    «periksa» memeriksa isian, «rekap» menghitung capaian.
    """
