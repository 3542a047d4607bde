"""Starting an office and its periods: ``mulai`` and ``periode baru``."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from kinerja.baca.muat import cari_akar
from kinerja.buat.mulai import KERTAS, Permintaan
from kinerja.buat.mulai import mulai as jalankan
from kinerja.buat.periode import buat_periode
from kinerja.cli.grup import kinerja
from kinerja.cli.klik import Kelompok, Pilihan, Tahun, Tanggal, bantuan, repo_opsi
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import PERIODE


@kinerja.command(add_help_option=False)
@bantuan
@click.option("--instansi", default=None, metavar="TEKS", help="Nama kantor, misalnya Kecamatan Batur.")
@click.option("--pemerintah", default=None, metavar="TEKS",
              help="Pemerintah daerah, seperti di kop surat: «Pemerintah Kabupaten "
                   "Banjarnegara» atau «Pemerintah Kota Pekalongan».")
@click.option("--kota", default=None, metavar="TEKS", help="Tempat penandatanganan, misalnya Batur.")
@click.option("--kertas", type=Pilihan(["A4", "F4"]), default=None, help="Ukuran kertas laporan.")
@click.option("--tahun", type=int, default=None, metavar="TAHUN",
              help="Tahun Perjanjian Kinerja pertama (bawaan: tahun ini).")
@repo_opsi
def mulai(instansi: str | None, pemerintah: str | None, kota: str | None, kertas: str | None,
          tahun: int | None, repo: Path | None) -> None:
    """Jadikan salinan repositori ini milik kantor Anda: tulis kinerja.yml dan Perjanjian
    Kinerja tahun ini sebagai kerangka. Repositori yang sudah berisi data kantor tidak disentuh;
    folder contoh/ dibiarkan.

    Yang tidak diberikan sebagai opsi ditanyakan bila dijalankan di terminal.
    """
    def tanya(nilai: str | None, teks: str, opsi: str, contoh: str,
              pilihan: tuple[str, ...] = ()) -> str:
        if nilai:
            return nilai
        if not sys.stdin.isatty():
            raise KinerjaError(f"{teks} belum diberikan; tulis opsinya, misalnya {opsi} "
                               f"{contoh}")
        while True:  # asked again until it is usable: a blank or an unknown paper size
            jawab = str(click.prompt(f"{teks} (misalnya {contoh})", default="",
                                     show_default=False)).strip()
            if jawab and (not pilihan or jawab.upper() in pilihan):
                return jawab
            click.echo(f"  isi {teks.lower()}" + (f": {' atau '.join(pilihan)}" if pilihan
                                                  else ""), err=True)

    hasil = jalankan(Permintaan(
        (repo or Path.cwd()).resolve(),
        tanya(instansi, "Nama kantor", "--instansi", '"Kecamatan Batur"'),
        tanya(pemerintah, "Pemerintah daerah", "--pemerintah",
              '"Pemerintah Kabupaten Banjarnegara"'),
        tanya(kota, "Kota penandatanganan", "--kota", "Batur"),
        tanya(kertas, "Ukuran kertas", "--kertas", "F4", KERTAS).upper(),
        tahun or date.today().year))
    for b in hasil.ditulis:
        click.echo(f"ditulis    {b}")
    if hasil.dihapus:
        click.echo(f"diganti    {len(hasil.dihapus)} berkas salinan kantor contoh (tidak diubah "
                   "siapa pun)")
    click.echo("\nLangkah berikutnya:")
    for n, langkah in enumerate(hasil.langkah, 1):
        click.echo(f"  {n}. {langkah}")


@kinerja.group(cls=Kelompok, add_help_option=False)
@bantuan
def periode() -> None:
    """Kelola periode pengukuran."""


@periode.command(add_help_option=False)
@bantuan
@click.argument("tahun", type=Tahun())
@click.argument("kode", type=Pilihan(list(PERIODE)), metavar="KODE")
@click.option("--mulai", type=Tanggal(), default=None,
              help="Tanggal perintah Camat (langkah 1), TTTT-BB-HH; bawaan: saat kerja "
                   "berikutnya menurut jam kerja dan zona_waktu kinerja.yml.")
@click.option("--timpa", is_flag=True,
              help="Tulis ulang berkas yang sudah ada (isian di dalamnya akan hilang).")
@repo_opsi
def baru(tahun: int, kode: str, mulai: date | None, timpa: bool, repo: Path | None) -> None:
    """Buat folder periode dan formulir tiap seksi dari Perjanjian Kinerja (langkah 2–3 SOP).

    TAHUN: tahun Perjanjian Kinerja, misalnya 2026. KODE: tw1, tw2, tw3, tw4, atau tahunan.

    Berkas yang sudah ada tidak ditimpa; formulir yang sudah ada hanya ditambahi indikator
    baru dari Perjanjian Kinerja, isian dan komentarnya tetap utuh.
    """
    akar = cari_akar(repo or Path.cwd())
    hasil = buat_periode(akar, tahun, kode, mulai=mulai, timpa=timpa)
    for berkas in hasil.dibuat:
        click.echo(f"dibuat     {berkas}")
    for berkas in hasil.ditambah:
        click.echo(f"dilengkapi {berkas}")
    for berkas in hasil.dibiarkan:
        click.echo(f"dibiarkan  {berkas} (sudah ada; --timpa untuk menulis ulang)")
    for c in hasil.catatan:
        click.echo(f"catatan: {c}")
    if not hasil.dibuat and not hasil.ditambah:
        raise KinerjaError(f"periode {tahun}-{kode} sudah ada dan lengkap; tidak ada yang dibuat")


