"""``kinerja skema``: the JSON Schemas editors check forms with, written from the one schema."""

from __future__ import annotations

from pathlib import Path

import click

from kinerja.buat.skema import tulis_skema
from kinerja.cli.grup import kinerja
from kinerja.cli.klik import bantuan, repo_opsi
from kinerja.inti.errors import KinerjaError


@kinerja.command(add_help_option=False)
@bantuan
@click.option("--periksa", "cek", is_flag=True,
              help="Jangan menulis; keluar 1 bila berkas skema tidak sesuai definisi (untuk CI).")
@repo_opsi
def skema(cek: bool, repo: Path | None) -> None:
    """Tulis JSON Schema formulir ke content/skema/ agar editor memeriksa saat mengetik."""
    # The schemas and the page of checks belong to the repository's content/, office or not:
    # the folder upwards that holds content/ (a repository before «kinerja mulai» has no
    # kinerja.yml yet).
    awal = (repo or Path.cwd()).resolve()
    akar = next((f for f in (awal, *awal.parents) if (f / "content").is_dir()), None)
    if akar is None:
        raise KinerjaError("folder content/ tidak ditemukan di sini atau di atasnya; jalankan "
                           "«kinerja skema» di dalam repositori kinerja")
    berbeda = tulis_skema(akar, tulis=not cek)
    for berkas in berbeda:
        click.echo(("berbeda   " if cek else "ditulis   ") + berkas)
    if cek and berbeda:
        raise KinerjaError("skema tidak sesuai definisi; jalankan «kinerja skema» lalu commit")
