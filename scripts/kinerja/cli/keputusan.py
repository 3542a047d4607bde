"""The SOP's decisions and where a period stands: ``setujui``, ``kembalikan``, ``sahkan``,
``revisi``, ``catat``, ``persetujuan``, ``status``."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import click

from kinerja.alur.keputusan import HasilKeputusan, putuskan
from kinerja.alur.persetujuan import putusan_lokal
from kinerja.alur.revisi import catat as catat_
from kinerja.alur.revisi import revisi as revisi_
from kinerja.alur.status import status as status_
from kinerja.cli.grup import kinerja
from kinerja.cli.klik import Pilihan, bantuan, repo_opsi
from kinerja.forge import DAFTAR
from kinerja.forge.dasar import STATUS_KONTEKS
from kinerja.forge.persetujuan import periksa_persetujuan
from kinerja.inti.errors import KELUAR_OK, KELUAR_TEMUAN, KinerjaError
from kinerja.inti.lolos import terminal
from kinerja.inti.sop import URUTAN
from kinerja.keluaran import format as fmt
from kinerja.keluaran import tampil as tampil_
from kinerja.pengesahan.trailer import Jenis

PERAN_PILIHAN = list(URUTAN)


def _cetak(hasil: HasilKeputusan) -> None:
    if hasil.commit is None:
        click.echo(terminal(f"sudah      {hasil.sudah}"))
    elif hasil.sudah:
        click.echo(terminal(f"selesai    {hasil.sudah}"))
    else:
        click.echo(f"dicatat    commit {hasil.commit[:10]}"
                   + (f", tag {hasil.tag}" if hasil.tag else ""))
    click.echo(f"status     {hasil.putusan.tahap}")
    for p in hasil.putusan.pesan:
        click.echo(terminal(f"           - {p}"))
    for c in hasil.catatan:
        click.echo(terminal(f"catatan    {c}"))


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode")
@click.option("--sebagai", type=Pilihan(PERAN_PILIHAN[:2]), required=True,
              help="Peran Anda: kasubbag-perencanaan (langkah 6) atau sekcam (langkah 7).")
@repo_opsi
def setujui(periode: str, sebagai: str, repo: Path | None) -> None:
    """Catat persetujuan sebagai commit Git (tanpa Git host). Penulis Git harus pemegang peran."""
    _cetak(putuskan(repo or Path.cwd(), periode, Jenis.SETUJU, sebagai))


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode")
@click.option("--sebagai", type=Pilihan(PERAN_PILIHAN), required=True, help="Peran Anda.")
@click.option("--alasan", required=True, help="Apa yang harus diperbaiki.")
@repo_opsi
def kembalikan(periode: str, sebagai: str, alasan: str, repo: Path | None) -> None:
    """Kembalikan periode untuk perbaikan: oleh Kasubbag Perencanaan (langkah 6) atau Sekcam
    (langkah 7) yang belum setuju."""
    _cetak(putuskan(repo or Path.cwd(), periode, Jenis.KEMBALIKAN, sebagai, alasan))


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode")
@repo_opsi
def sahkan(periode: str, repo: Path | None) -> None:
    """Pengesahan Camat (langkah 8): commit, riwayat.yml, dan tag pengesahan/<periode>.

    Dijalankan oleh Camat sendiri: penulis Git (git config user.email) harus surel Camat di
    kinerja.yml, dan commit serta tag ditandatangani bila kinerja.yml mewajibkannya. Pengesahan
    yang terhenti (commit sudah ada, tag belum) diselesaikan dengan menjalankannya lagi.
    """
    _cetak(putuskan(repo or Path.cwd(), periode, Jenis.SAHKAN, "camat"))


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode")
@click.option("--alasan", required=True, help="Mengapa periode yang disahkan dibuka kembali.")
@click.option("--nomor", default=None, metavar="TEKS",
              help="Nomor surat atau nota dinas yang meminta revisi.")
@repo_opsi
def revisi(periode: str, alasan: str, nomor: str | None, repo: Path | None) -> None:
    """Buka kembali periode yang sudah disahkan sebagai versi berikutnya (Camat atau Kasubbag
    Perencanaan). Versi lama tetap tercatat; ketiga persetujuan diperlukan lagi, berurutan."""
    _cetak(revisi_(repo or Path.cwd(), periode, alasan, nomor))


class _Waktu(click.ParamType):  # type: ignore[type-arg]
    name = "waktu"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> datetime:
        try:
            return datetime.fromisoformat(str(value).replace(" ", "T"))
        except ValueError:
            self.fail(f"«{value}» bukan waktu; tulis TTTT-BB-HH JJ:MM, misalnya "
                      "2026-10-05 08:00", param, ctx)


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode")
@click.argument("langkah", type=click.IntRange(1, 10))
@click.option("--catatan", default="", help="Keterangan, misalnya nomor disposisi.")
@click.option("--waktu", type=_Waktu(), default=None, metavar="WAKTU",
              help="Kapan langkah itu terjadi, TTTT-BB-HH JJ:MM, waktu kantor (bawaan: sekarang); "
                   "untuk langkah yang dicatat belakangan.")
@repo_opsi
def catat(periode: str, langkah: int, catatan: str, waktu: datetime | None,
          repo: Path | None) -> None:
    """Catat langkah SOP yang terjadi di luar Git sebagai commit.

    LANGKAH: nomor langkah SOP yang dicatat dengan perintah ini: 1, 2, 4, 5, 9, atau 10 (langkah
    3 tercatat saat periode di-commit, 6–8 dengan «setujui» dan «sahkan»).
    """
    sha = catat_(repo or Path.cwd(), periode, langkah, catatan, waktu)
    click.echo(f"dicatat    commit {sha[:10]}")


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode", required=False)
@click.option("--forge", type=Pilihan([*DAFTAR, "git"]), default=None,
              help="Sumber ulasan; bawaan: github di GitHub Actions, selain itu git (commit lokal).")
@click.option("--pr", "nomor", type=int, default=None,
              help="Nomor pull/merge request (bawaan: dari peristiwa GitHub Actions).")
@click.option("--proyek", default=None, help="owner/nama repo di Git host (bawaan: dari CI).")
@click.option("--api", default=None, help="Alamat API Git host (bawaan: dari CI atau publik).")
@click.option("--dasar", default=None,
              help="Ref Git tempat kinerja.yml dibaca (bawaan: origin/<cabang dasar PR>).")
@click.option("-f", "--format", "format_", type=Pilihan(list(fmt.PUTUSAN)),
              default="teks", show_default=True, help="Bentuk keluaran.")
@click.option("--cabang-dasar", default=None, metavar="CABANG",
              help="Hanya pull request ke cabang ini yang dinilai; yang lain merah.")
@click.option("--lapor-status", is_flag=True,
              help="Kirim putusan sebagai status commit «kinerja/persetujuan» pada head pull "
                   "request (status check wajib; dijalankan alur kerja dari cabang dasar).")
@repo_opsi
def persetujuan(periode: str | None, forge: str | None, nomor: int | None, proyek: str | None,
                api: str | None, dasar: str | None, format_: str, cabang_dasar: str | None,
                lapor_status: bool, repo: Path | None) -> None:
    """Periksa persetujuan berjenjang: Kasubbag Perencanaan, lalu Sekcam, lalu Camat.

    Hijau (keluar 0) hanya bila ketiganya menyetujui versi terbaru, berurutan, oleh pemegang
    peran menurut kinerja.yml di cabang dasar, bukan penulis perubahan terakhir, dan tidak ada
    permintaan perubahan yang tertunda. Dipakai sebagai status check wajib.
    """
    env = dict(os.environ)
    sumber = forge or ("github" if env.get("GITHUB_ACTIONS") == "true" else "git")
    if sumber == "git":
        if lapor_status:
            raise KinerjaError("--lapor-status hanya untuk Git host (--forge github|gitea|gitlab)")
        p = putusan_lokal(repo or Path.cwd(), periode)
        head, dikirim = None, False
    else:
        hasil = periksa_persetujuan(repo or Path.cwd(), forge=sumber, nomor=nomor,
                                    proyek=proyek, api=api, dasar=dasar, env=env,
                                    lapor=lapor_status, cabang_dasar=cabang_dasar)
        if hasil.putusan is None:
            click.echo(terminal(hasil.catatan))
            sys.exit(KELUAR_OK)
        p, head, dikirim = hasil.putusan, hasil.head, hasil.status_dikirim
    click.echo(fmt.PUTUSAN[format_](p), nl=False)
    ringkasan = env.get("GITHUB_STEP_SUMMARY")
    if format_ == "github" and ringkasan:
        with Path(ringkasan).open("a", encoding="utf-8") as f:
            f.write(tampil_.putusan(p, "markdown"))
    if dikirim:
        click.echo(f"status     {STATUS_KONTEKS} dikirim untuk commit {(head or '')[:10]}")
        sys.exit(KELUAR_OK)  # the verdict lives in the status; this run only delivered it
    sys.exit(KELUAR_OK if p.lulus else KELUAR_TEMUAN)


@kinerja.command(add_help_option=False)
@bantuan
@click.argument("periode", required=False)
@click.option("-f", "--format", "format_", type=Pilihan(list(fmt.STATUS)), default="teks",
              show_default=True, help="Bentuk keluaran.")
@repo_opsi
def status(periode: str | None, format_: str, repo: Path | None) -> None:
    """Sepuluh langkah SOP periode ini: selesai atau belum, oleh siapa, berapa lama (jam kerja)
    dibanding mutu baku. Diturunkan dari riwayat Git, bukan dari berkas yang dapat diubah."""
    click.echo(fmt.STATUS[format_](status_(repo or Path.cwd(), periode)), nl=False)
