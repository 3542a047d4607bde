"""The ``kinerja`` group every command module adds its commands to."""

from __future__ import annotations

import importlib

import click

from kinerja import __version__
from kinerja.cli.klik import KONTEKS, Kelompok, bantuan

# Which module adds which command. A command's module (and what it imports) is loaded only when
# that command runs: «kinerja periksa» does not pay for the PDF renderer or the site builder
# (start-up measured by bench/periksa.py).
MODUL = {
    "periksa": "periksa", "rekap": "periksa", "skema": "skema",
    "laporan": "dokumen", "surat": "dokumen", "disposisi": "dokumen", "renaksi": "dokumen",
    "lkjip": "dokumen", "verifikasi": "dokumen",
    "setujui": "keputusan", "kembalikan": "keputusan", "sahkan": "keputusan",
    "revisi": "keputusan", "catat": "keputusan", "persetujuan": "keputusan",
    "status": "keputusan",
    "terbit": "forge", "tautan": "forge", "ajukan": "forge",
    "mulai": "kantor", "periode": "kantor",
    "situs": "situs",
    "layani": "layani",
}


class KelompokMalas(Kelompok):
    """The top group: commands listed from ``MODUL``, each module imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(MODUL)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in MODUL:
            importlib.import_module(f"kinerja.cli.{MODUL[cmd_name]}")
        perintah = self.commands.get(cmd_name)
        if perintah is not None:
            jelaskan_periode(perintah)
        return perintah


def _rapikan(teks: str) -> str:
    """A docstring without its indentation (what inspect.cleandoc does, without importing
    inspect or textwrap at start-up)."""
    pertama, _, sisa = teks.strip().partition("\n")
    baris = sisa.split("\n")
    indentasi = min((len(b) - len(b.lstrip(" ")) for b in baris if b.strip()), default=0)
    return (pertama + "\n" + "\n".join(b[indentasi:] if b.strip() else "" for b in baris)).strip()


def jelaskan_periode(perintah: click.Command) -> None:
    """Every command that takes PERIODE says what it is, in the same words (the help explains
    each word its usage line shows)."""
    if isinstance(perintah, click.Group):
        for anak in perintah.commands.values():
            jelaskan_periode(anak)
        return
    arg = next((p for p in perintah.params
                if isinstance(p, click.Argument) and p.name == "periode"), None)
    if arg is None or "PERIODE:" in (perintah.help or ""):
        return
    tambah = "PERIODE: folder periode (periods/2026/tw3) atau 2026-tw3"
    tambah += "; tanpa PERIODE: periode terakhir." if not arg.required else "."
    perintah.help = _rapikan(perintah.help or "") + "\n\n" + tambah


@click.group(cls=KelompokMalas, context_settings=KONTEKS, add_help_option=False)
@bantuan
@click.version_option(__version__, "-V", "--version", message="kinerja %(version)s",
                      help="Tampilkan versi lalu keluar.")
def kinerja() -> None:
    """Pengukuran kinerja instansi pemerintah sebagai kode di Git.

    Alur SOP: «periode baru» membuat formulir dari Perjanjian Kinerja, seksi mengisinya,
    «periksa» memeriksa isian, «rekap» menghitung capaian.
    """
