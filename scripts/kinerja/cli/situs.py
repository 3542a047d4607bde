"""``kinerja situs``: the public archive's pages, and with --bangun the built site."""

from __future__ import annotations

import os
from pathlib import Path

import click

from kinerja.baca.muat import cari_akar
from kinerja.cli.grup import kinerja
from kinerja.cli.klik import Pilihan, bantuan, repo_opsi, tampil
from kinerja.forge.penguji import PengujiGitHub
from kinerja.inti.angka import format_mb
from kinerja.layanan import potret
from kinerja.pengesahan import git
from kinerja.situs import bangun
from kinerja.situs.pembangun import PEMBANGUN, bangun_html


@kinerja.command(add_help_option=False)
@bantuan
@click.option("--pdf", is_flag=True,
              help="Buat PDF laporan dan surat periode yang disahkan bila belum ada di build/.")
@click.option("--bangun", "bangun_", is_flag=True,
              help="Lalu bangun situsnya ke site/ (tautan rusak menggagalkan pembangunan).")
@click.option("--pembangun", type=Pilihan(list(PEMBANGUN)), default=None,
              help="Pembangun situs untuk --bangun; bawaan: Zensical bila terpasang, "
                   "selain itu MkDocs.")
@repo_opsi
def situs(pdf: bool, bangun_: bool, pembangun: str | None, repo: Path | None) -> None:
    """Tulis halaman arsip publik ke content/arsip/ (hanya periode yang disahkan), dan dengan
    --bangun bangun situsnya ke site/.

    Situs dibangun dari mkdocs.yml oleh Zensical (penerus Material for MkDocs) atau MkDocs.
    Pengesahan lewat GitHub dibuktikan dengan bertanya ke API GitHub (di alur kerja, atau
    dengan GITHUB_TOKEN dan GITHUB_REPOSITORY).
    """
    akar = cari_akar(repo or Path.cwd())
    with git.kunci(akar, "situs"):
        pt = potret(akar, forge=PengujiGitHub.dari_env(akar, dict(os.environ)))
        hasil = bangun(pt, pdf=pdf)
        click.echo(f"{hasil.halaman} halaman ({hasil.ditulis} berubah), {hasil.pdf} PDF; "
                   "periode: " + (", ".join(hasil.periode) or "belum ada yang disahkan"))
        if bangun_:
            html = bangun_html(akar, pembangun, dict(os.environ))  # type: ignore[arg-type]
            click.echo(f"situs dibangun dengan {html.pembangun}: {html.halaman} halaman di "
                       f"{tampil(html.folder)}/")
            f = html.formulir
            click.echo(f"halaman formulir staf: {tampil(html.folder)}/formulir/ ({f.forge}, "
                       f"{format_mb(f.ukuran)})" if f.dibuat else
                       f"halaman formulir staf tidak dibuat: {f.alasan}")
