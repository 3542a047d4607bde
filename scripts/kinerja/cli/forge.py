"""Commands for a Git host: ``terbit`` (publishing after a merge) and ``tautan`` (each section's
link to its form)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from kinerja.cli.grup import kinerja
from kinerja.cli.klik import Pilihan, bantuan, repo_opsi, tampil
from kinerja.forge import DAFTAR
from kinerja.forge.ajukan import ajukan as buka_pr
from kinerja.forge.tautan import pesan
from kinerja.forge.tautan import tautan as kumpulkan
from kinerja.forge.terbit import terbitkan
from kinerja.keluaran import format as fmt


@kinerja.command(add_help_option=False)
@bantuan
@click.option("--forge", type=Pilihan(["github"]), default="github", show_default=True,
              help="Git host tempat pull request digabung.")
@click.option("--proyek", default=None, help="owner/nama repo (bawaan: dari CI).")
@click.option("--api", default=None, help="Alamat API Git host (bawaan: dari CI).")
@click.option("--sebelum", default=None, metavar="COMMIT",
              help="Ujung main sebelum push (github.event.before); bawaan: induk pertama HEAD.")
@click.option("--dorong", is_flag=True,
              help="Dorong tag ke GitHub dan terbitkan rilis berisi PDF final (di alur kerja).")
@repo_opsi
def terbit(forge: str, proyek: str | None, api: str | None, sebelum: str | None, dorong: bool,
           repo: Path | None) -> None:
    """Setelah push ke main: periksa ulang pull request yang digabung, buat tag
    pengesahan/<periode> berisi riwayat persetujuan (langkah 8), lalu laporan final dan surat
    pengantar bila nomornya sudah diisi (langkah 9), sebagai rilis yang diarsipkan (langkah 10).

    Dijalankan oleh alur kerja terbit.yml. Push yang tidak mengubah periode mana pun berhasil
    tanpa menerbitkan apa pun. Aman diulang: tag yang sudah ada pada commit ini dipakai lagi.
    """
    hasil = terbitkan(repo or Path.cwd(), forge=forge, proyek=proyek, api=api, sebelum=sebelum,
                      env=dict(os.environ), dorong=dorong)
    if hasil.catatan:
        click.echo(hasil.catatan)
    elif not hasil.periode:
        click.echo("tidak ada periode yang berubah; tidak ada yang disahkan atau diterbitkan")
    for pid in hasil.periode:
        click.echo(f"periode    {pid}")
    for tag in hasil.tag:
        click.echo(f"tag        {tag}")
    for berkas in hasil.berkas:
        click.echo(f"ditulis    {tampil(berkas)}")
    if hasil.diunggah is not None:
        r = hasil.diunggah
        click.echo(f"rilis      {r.tag} ({'dibuat' if r.dibuat else 'sudah ada'}; "
                   f"{len(r.diunggah)} berkas diunggah, {len(r.tetap)} tidak berubah)")
    keluaran = os.environ.get("GITHUB_OUTPUT")
    if keluaran:
        with Path(keluaran).open("a", encoding="utf-8") as f:
            f.write(f"periode={' '.join(hasil.periode)}\ntag={' '.join(hasil.tag)}\n"
                    f"rilis={hasil.rilis}\n")


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode")
@click.option("--dasar", default="main", show_default=True, help="Cabang tujuan pull request.")
@click.option("--api", default=None, help="Alamat API GitHub (bawaan: dari CI).")
@repo_opsi
def ajukan(periode: str, dasar: str, api: str | None, repo: Path | None) -> None:
    """Buka (atau temukan lagi) pull request periode di GitHub dan laporkan pemeriksaannya
    seketika (langkah 3 SOP).

    Dijalankan oleh alur kerja buat-periode.yml sesudah cabang periode/<periode> didorong. Pull
    request yang dibuka alur kerja tidak memicu alur kerja lain, jadi status «periksa» dan
    «kinerja/persetujuan» dikirim di sini. Aman diulang.
    """
    h = buka_pr(repo or Path.cwd(), periode, dasar=dasar, env=dict(os.environ), api=api)
    click.echo(f"pull request #{h.nomor} {'dibuka' if h.dibuat else 'sudah ada'}"
               f"{' (draf)' if h.draf else ''}")
    click.echo(f"periksa    {'lulus' if h.periksa_lulus else 'ada galat'}")
    click.echo(f"persetujuan {h.persetujuan}")


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode", required=False)
@click.option("--forge", type=Pilihan(list(DAFTAR)), default=None,
              help="Jenis Git host (bawaan: ditebak dari remote origin).")
@click.option("--host", default=None, help="Alamat Git host, misalnya https://github.com.")
@click.option("--proyek", default=None, help="owner/nama repo di Git host.")
@click.option("--cabang", default=None, help="Cabang periode (bawaan: periode/<periode>).")
@click.option("-f", "--format", "format_", type=Pilihan(list(fmt.TAUTAN)), default="teks",
              show_default=True, help="teks: pesan untuk grup obrolan; markdown: isi pull request.")
@click.option("--layani", default=None, metavar="ALAMAT",
              help="Alamat halaman formulir «kinerja layani» di jaringan kantor, disebut di pesan "
                   "(tautan pribadi tiap pegawai: «kinerja layani --tautan»).")
@repo_opsi
def tautan(periode: str | None, forge: str | None, host: str | None, proyek: str | None,
           cabang: str | None, format_: str, layani: str | None, repo: Path | None) -> None:
    """Tautan formulir tiap seksi di editor web Git host, dengan tenggat (langkah 3 SOP)."""
    hasil = kumpulkan(repo or Path.cwd(), periode, jenis=forge, host=host, proyek=proyek,
                      cabang=cabang, env=dict(os.environ), layani=layani)
    click.echo(pesan(hasil, format_), nl=False)
