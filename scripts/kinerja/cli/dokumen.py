"""Commands that write documents: ``laporan``, ``surat``, ``disposisi``, ``renaksi``, ``lkjip``."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from kinerja.baca.muat import cari_akar, rujukan_periode, tahun_tunjukan
from kinerja.buat.renaksi import buat_kerangka
from kinerja.cli.grup import kinerja
from kinerja.cli.klik import (
    KelompokTahun,
    Pilihan,
    Tahun,
    Tanggal,
    bantuan,
    repo_opsi,
    tampil,
)
from kinerja.dokumen import laporan as laporan_
from kinerja.dokumen import lkjip_bahan, render
from kinerja.dokumen import surat as surat_
from kinerja.dokumen.renaksi import buat_dokumen
from kinerja.inti.errors import KELUAR_OK, KELUAR_TEMUAN
from kinerja.inti.lolos import terminal
from kinerja.keluaran import format as fmt
from kinerja.layanan import Potret, potret
from kinerja.pengesahan import git


def _potret(repo: Path | None, periode: str | None, *, lengkap: bool = False) -> Potret:
    akar = cari_akar(repo or Path.cwd())
    hanya = None
    if periode is not None:
        tahun, kode = rujukan_periode(akar, periode)
        hanya = {f"{tahun}-{kode}"}
    return potret(akar, tahun=tahun_tunjukan(akar, periode), lengkap=lengkap, hanya=hanya)


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode", required=False)
@click.option("--draf", is_flag=True,
              help="Cap «DRAF» di setiap halaman; boleh untuk periode yang belum lengkap.")
@click.option("-o", "--keluaran", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas PDF tujuan (bawaan: build/<periode>/laporan-pengukuran-kinerja-….pdf).")
@click.option("--tanggal", type=Tanggal(), default=None,
              help="Tanggal pengesahan, TTTT-BB-HH (bawaan: hari ini).")
@repo_opsi
def laporan(periode: str | None, draf: bool, keluaran: Path | None, tanggal: date | None,
            repo: Path | None) -> None:
    """Susun laporan pengukuran kinerja (Markdown dan PDF) satu periode.

    Tanpa --draf, periode yang belum lengkap atau bergalat ditolak dengan pesan pemeriksa.
    """
    akar = cari_akar(repo or Path.cwd())
    # pandoc starts while the period is read and checked
    with git.kunci(akar, "laporan"), render.Pandoc("laporan") as proses:
        pt = _potret(akar, periode, lengkap=not draf)
        hasil = laporan_.buat(pt, pt.cari(periode), proses, draf=draf, keluaran=keluaran,
                              tanggal=tanggal)
    click.echo(f"ditulis    {tampil(hasil.markdown)}")
    click.echo(f"ditulis    {tampil(hasil.pdf)}")


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode", required=False)
@click.option("--draf", is_flag=True, help="Cap «DRAF»; boleh bila nomor surat belum diisi.")
@click.option("-o", "--keluaran", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas PDF tujuan (bawaan: build/<periode>/surat-pengantar-….pdf).")
@click.option("--tanggal", type=Tanggal(), default=None,
              help="Tanggal surat bila periode.yml tidak menyebutnya (bawaan: hari ini).")
@repo_opsi
def surat(periode: str | None, draf: bool, keluaran: Path | None, tanggal: date | None,
          repo: Path | None) -> None:
    """Buat surat pengantar laporan (langkah 9 SOP; dikirim pada langkah 10) dari
    surat_pengantar di periode.yml."""
    akar = cari_akar(repo or Path.cwd())
    with git.kunci(akar, "surat"):
        pt = _potret(akar, periode)
        hasil = surat_.buat_surat(pt, pt.cari(periode), draf=draf, keluaran=keluaran,
                                  tanggal=tanggal)
    click.echo(f"ditulis    {tampil(hasil.pdf)}")


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode", required=False)
@click.option("-o", "--keluaran", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas PDF tujuan (bawaan: build/<periode>/disposisi-….pdf).")
@repo_opsi
def disposisi(periode: str | None, keluaran: Path | None, repo: Path | None) -> None:
    """Buat lembar disposisi langkah 1, 2 dan 9 SOP dari jadwal periode."""
    akar = cari_akar(repo or Path.cwd())
    with git.kunci(akar, "disposisi"):
        pt = _potret(akar, periode)
        hasil = surat_.buat_disposisi(pt, pt.cari(periode), keluaran=keluaran)
    click.echo(f"ditulis    {tampil(hasil.pdf)}")


@kinerja.group(cls=KelompokTahun, add_help_option=False)
@bantuan
def renaksi() -> None:
    """Rencana Aksi tahunan: aksi per indikator per triwulan, dievaluasi setiap triwulan.

    TAHUN: tahun Perjanjian Kinerja, misalnya 2026. «kinerja renaksi baru TAHUN» menulis
    kerangka periods/TAHUN/rencana-aksi.yml dari Perjanjian Kinerja; «kinerja renaksi TAHUN»
    menyusun dokumen Rencana Aksi (PDF) yang ditandatangani Camat.
    """


@renaksi.command("baru", add_help_option=False)
@bantuan
@click.argument("tahun", type=Tahun())
@repo_opsi
def renaksi_baru(tahun: int, repo: Path | None) -> None:
    """Tulis kerangka periods/TAHUN/rencana-aksi.yml dari Perjanjian Kinerja (tidak menimpa).

    TAHUN: tahun Perjanjian Kinerja, misalnya 2026.
    """
    hasil = buat_kerangka(repo or Path.cwd(), tahun)
    click.echo(f"ditulis    {tampil(hasil.berkas)}")
    click.echo("Isi uraian, penanggung jawab, dan keluaran setiap aksi, lalu jalankan "
               "«kinerja periksa».")


@renaksi.command(add_help_option=False, hidden=True)
@bantuan
@click.argument("tahun", type=Tahun())
@click.option("-o", "--keluaran", type=click.Path(path_type=Path), default=None,
              metavar="BERKAS", help="Berkas PDF tujuan (bawaan: build/TAHUN/rencana-aksi-TAHUN.pdf).")
@click.option("--tanggal", type=Tanggal(), default=None,
              help="Tanggal dokumen, TTTT-BB-HH (bawaan: hari ini).")
@repo_opsi
def cetak(tahun: int, keluaran: Path | None, tanggal: date | None, repo: Path | None) -> None:
    """Susun dokumen Rencana Aksi (PDF) yang ditandatangani Camat.

    TAHUN: tahun Perjanjian Kinerja, misalnya 2026.
    """
    akar = cari_akar(repo or Path.cwd())
    with git.kunci(akar, "renaksi"):
        pt = potret(akar, tahun={tahun}, hanya=())
        hasil = buat_dokumen(pt, tahun, keluaran=keluaran, tanggal=tanggal)
    click.echo(f"ditulis    {tampil(hasil)}")


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("tahun", type=Tahun())
@click.option("--draf", is_flag=True,
              help="Cap «DRAF» di setiap halaman; bagian yang belum ditulis ditandai.")
@click.option("-o", "--keluaran", type=click.Path(path_type=Path), default=None,
              metavar="BERKAS", help="Berkas PDF tujuan (bawaan: build/TAHUN/lkjip-TAHUN.pdf).")
@click.option("--tanggal", type=Tanggal(), default=None,
              help="Tanggal dokumen, TTTT-BB-HH (bawaan: tanggal pengesahan, atau hari ini).")
@repo_opsi
def lkjip(tahun: int, draf: bool, keluaran: Path | None, tanggal: date | None,
          repo: Path | None) -> None:
    """Susun Laporan Kinerja Instansi Pemerintah (LKjIP) setahun: Markdown dan PDF.

    TAHUN: tahun Perjanjian Kinerja, misalnya 2026. Angkanya dari periode tahunan dan
    triwulannya, pembandingnya dari tahun-tahun di arsip; uraian yang ditulis kantor dibaca
    dari periods/TAHUN/tahunan/lkjip/ (ikhtisar.md, pendahuluan.md, analisis-<sasaran>.md,
    penutup.md). LKjIP disetujui dan disahkan bersama periode tahunan.
    """
    akar = cari_akar(repo or Path.cwd())
    # pandoc starts while the year is read and checked (as for the quarterly report)
    with git.kunci(akar, "lkjip"), render.Pandoc("dokumen") as proses:
        pt = potret(akar, lengkap=not draf, hanya={f"{tahun}-tahunan"})
        hasil = lkjip_bahan.buat(pt, tahun, proses, draf=draf, keluaran=keluaran,
                                 tanggal=tanggal)
    click.echo(f"ditulis    {tampil(hasil.markdown)}")
    click.echo(f"ditulis    {tampil(hasil.pdf)}")


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("berkas", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                metavar="BERKAS.pdf")
@click.option("-f", "--format", "format_", type=Pilihan(list(fmt.VERIFIKASI)), default="teks",
              show_default=True, help="Bentuk keluaran.")
@repo_opsi
def verifikasi(berkas: Path, format_: str, repo: Path | None) -> None:
    """Periksa apakah dokumen cetak ini yang disahkan: dibandingkan byte demi byte dengan
    dokumen yang disusun ulang dari versi yang disahkan di repositori ini.

    BERKAS: PDF laporan, surat pengantar, Rencana Aksi, atau LKjIP yang disusun kinerja.
    Keluar 0 hanya untuk dokumen final yang asli dan masih berlaku; 1 untuk draf, versi yang
    telah diganti, berkas yang diubah, atau dokumen yang tidak dikenal.
    """
    from kinerja.alur.keaslian import verifikasi as periksa_berkas

    akar = cari_akar(repo or Path.cwd())
    with git.kunci(akar, "verifikasi"):
        hasil = periksa_berkas(akar, berkas)
    if format_ == "json":
        click.echo(json.dumps({
            "berkas": hasil.berkas, "asli": hasil.asli, "keadaan": hasil.keadaan,
            "pesan": hasil.pesan, "jenis": hasil.jenis, "rujukan": hasil.rujukan,
            "versi": hasil.versi, "segel": hasil.segel, "sha256": hasil.sha256,
        }, ensure_ascii=False, indent=2))
    else:
        click.echo(terminal(f"{hasil.berkas}: {hasil.pesan}"))
    sys.exit(KELUAR_OK if hasil.asli else KELUAR_TEMUAN)
