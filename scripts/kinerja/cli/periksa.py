"""Commands that read: ``periksa``, ``rekap``, ``skema``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kinerja.baca.muat import cari_akar, rujukan_periode, tahun_tunjukan
from kinerja.cli.grup import kinerja
from kinerja.cli.klik import Ada, Pilihan, bantuan, repo_opsi
from kinerja.inti import lolos
from kinerja.inti.errors import KELUAR_OK, KELUAR_TEMUAN
from kinerja.keluaran import format as fmt
from kinerja.keluaran import reporters
from kinerja.layanan import potret
from kinerja.layanan.pemeriksaan import periksa as jalankan


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("paths", nargs=-1, type=Ada(), metavar="[BERKAS]...")
@click.option("--lengkap", is_flag=True,
              help="Isian kosong dianggap galat (untuk tahap pemeriksaan Kasubbag/Sekcam).")
@click.option("-f", "--format", "format_", type=Pilihan(list(fmt.TEMUAN)),
              default="teks", show_default=True, help="Bentuk keluaran.")
@repo_opsi
def periksa(paths: tuple[Path, ...], lengkap: bool, format_: str, repo: Path | None) -> None:
    """Periksa kinerja.yml, Perjanjian Kinerja, dan formulir.

    Tanpa BERKAS: seluruh repo. Dengan folder atau berkas di dalam periode: periode itu saja
    (bersama kinerja.yml dan Perjanjian Kinerja tahunnya). Setiap masalah dilaporkan sebagai
    berkas:baris:kolom: pesan. Keluar 0 bila valid, 1 bila ada galat.
    """
    hasil = jalankan(repo or Path.cwd(), paths, lengkap=lengkap)
    click.echo(fmt.TEMUAN[format_](hasil), nl=False)
    ringkasan = os.environ.get("GITHUB_STEP_SUMMARY")
    if format_ == "github" and ringkasan:
        with Path(ringkasan).open("a", encoding="utf-8") as f:
            f.write(reporters.ringkasan_langkah(hasil))
    sys.exit(KELUAR_TEMUAN if hasil.ada_galat else KELUAR_OK)


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode", required=False)
@click.option("-f", "--format", "format_", type=Pilihan(list(fmt.REKAP)),
              default="teks", show_default=True, help="Bentuk keluaran.")
@repo_opsi
def rekap(periode: str | None, format_: str, repo: Path | None) -> None:
    """Tabel pengukuran kinerja satu periode: target, realisasi, capaian, kategori, anggaran.

    PERIODE: folder periode (periods/2026/tw3) atau 2026-tw3; tanpa PERIODE: periode terakhir.
    """
    akar = cari_akar(repo or Path.cwd())
    pt = potret(akar, tahun=tahun_tunjukan(akar, periode), hanya=_yang_diukur(akar, periode))
    p = pt.cari(periode)
    r = pt.rekap(p)
    kantor, _, _ = pt.ukuran(p)
    teks = fmt.REKAP[format_](r, kantor)
    click.echo(teks if format_ == "json" else lolos.terminal(teks), nl=False)


def _yang_diukur(akar: Path, periode: str | None) -> set[str] | None:
    """The periods whose forms a table needs checked: the period (a yearly one: its quarters
    too); without a reference, the latest (not known before loading: all)."""
    if periode is None:
        return None
    tahun, kode = rujukan_periode(akar, periode)
    return {f"{tahun}-{kode}"}
