"""``kinerja layani``: the form page for section staff, served on the office network."""

from __future__ import annotations

import gc
from pathlib import Path

import click

from kinerja.baca.muat import cari_akar
from kinerja.cli.grup import kinerja
from kinerja.cli.klik import bantuan, repo_opsi
from kinerja.inti.errors import KinerjaError


@kinerja.command(add_help_option=False)
@bantuan
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Alamat yang didengarkan; untuk jaringan kantor, alamat IP komputer ini "
                   "(misalnya 192.168.1.10) atau 0.0.0.0.")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True,
              help="Port yang didengarkan.")
@click.option("--nama", "nama_host", multiple=True, metavar="NAMA",
              help="Nama lain komputer ini di jaringan kantor (boleh berulang); permintaan dengan "
                   "nama yang tidak terdaftar ditolak.")
@click.option("--tautan", "hanya_tautan", is_flag=True,
              help="Hanya tampilkan tautan pribadi setiap pegawai, lalu keluar.")
@repo_opsi
def layani(host: str, port: int, nama_host: tuple[str, ...], hanya_tautan: bool,
           repo: Path | None) -> None:
    """Layani halaman formulir untuk seksi di jaringan kantor: setiap pegawai membuka tautan
    pribadinya, mengisi formulir seksinya di peramban, melihat hasil pemeriksaan di bawah setiap
    isian saat mengetik, lalu menyimpan. Setiap simpanan menjadi commit atas nama pegawai itu
    (hanya berkas formulirnya), dicatat oleh «kinerja layani».

    Bagikan tautan pribadi hanya kepada pemiliknya: tautan itulah yang menentukan atas nama siapa
    isian disimpan.
    """
    from kinerja import layani as peladen

    gc.enable()  # a server runs until stopped: its cycles are collected (see cli.proses)

    if host in ("0.0.0.0", "::") and not nama_host:
        raise KinerjaError("dengan --host 0.0.0.0, sebutkan alamat atau nama komputer ini di "
                           "jaringan kantor dengan --nama (misalnya --nama 192.168.1.10): tautan "
                           "pegawai memakainya, dan hanya nama itu yang dijawab")
    akar = cari_akar(repo or Path.cwd())
    alamat = f"http://{nama_host[0] if nama_host else host}:{port}"
    for orang, url, seksi in peladen.tautan(akar, alamat):
        click.echo(f"{orang.nama} ({', '.join(seksi)}): {url}")
    if hanya_tautan:
        return
    try:
        import uvicorn
    except ImportError as e:  # a partial install
        raise KinerjaError("uvicorn tidak terpasang; pasang ulang dengan «pip install -e .»") from e
    kunci = peladen.akses.rahasia(peladen.folder_git(akar))
    izin = tuple(dict.fromkeys((host, "127.0.0.1", "localhost", *nama_host)))
    click.echo(f"Halaman formulir dilayani di {alamat} (Ctrl-C untuk berhenti).")
    uvicorn.run(peladen.aplikasi(akar, kunci, izin), host=host, port=port, log_level="warning",
                server_header=False)
