"""The ``kinerja`` command: thin click commands over the library, and the one error handler.

Each command gathers its options, calls one library function, prints what it returns and exits
with the code it implies. Heavy modules are imported inside the commands that need them, so
``kinerja --help`` and ``kinerja periksa`` start fast.
"""

from __future__ import annotations

import inspect
import os
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from kinerja import __version__
from kinerja.inti.errors import (
    KELUAR_BUG,
    KELUAR_DISELA,
    KELUAR_OK,
    KELUAR_PEMAKAIAN,
    KELUAR_TEMUAN,
    BerkasTidakValid,
    KinerjaError,
)
from kinerja.inti.sop import URUTAN

KONTEKS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# click names the value of an option by its type, in English
_NAMA_JENIS = {"TEXT": "TEKS", "INTEGER": "BILANGAN", "FILE": "BERKAS", "DIRECTORY": "FOLDER"}
_METAVAR = re.compile(r"\b(TEXT|INTEGER|FILE|DIRECTORY)\b")


class _Perintah(click.Command):
    """Help in Indonesian: click's own headings are English."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)),
                              "Pemakaian: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Click 8.2 gives arguments a help record too; the usage line already names them.
        opsi = [(_METAVAR.sub(lambda m: _NAMA_JENIS[m[0]], r[0]),
                 r[1].replace("[default: ", "[bawaan: ").replace("[required]", "[wajib]"))
                for p in self.get_params(ctx)
                if isinstance(p, click.Option) and (r := p.get_help_record(ctx))]
        if opsi:
            with formatter.section("Opsi"):
                formatter.write_dl(opsi)


class _Kelompok(_Perintah, click.Group):
    command_class = _Perintah

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPSI] PERINTAH [ARGUMEN]...", "Pemakaian: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _Perintah.format_options(self, ctx, formatter)
        # The whole first sentence of each command's help: cut with «…» it said less than it meant.
        perintah = [(n, c.get_short_help_str(1000)) for n in self.list_commands(ctx)
                    if (c := self.get_command(ctx, n)) is not None and not c.hidden]
        if perintah:
            with formatter.section("Perintah"):
                formatter.write_dl(perintah)


_Kelompok.group_class = _Kelompok


class _Pilihan(click.Choice):  # type: ignore[type-arg]
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value in self.choices:
            return value
        # «TW4», «f4»: the same choice in other letters
        sama = [c for c in self.choices if str(c).lower() == str(value).lower()]
        if len(sama) == 1:
            return sama[0]
        self.fail(f"«{value}» bukan pilihan yang dikenal; pilih salah satu: "
                  f"{', '.join(map(str, self.choices))}", param, ctx)
        return None


class _Ada(click.Path):
    """An existing file or folder, with click's English refusal said in Indonesian."""

    def __init__(self) -> None:
        super().__init__(exists=True, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not os.path.lexists(value):
            self.fail(f"«{value}» tidak ada; periksa ejaan berkas atau foldernya", param, ctx)
        return super().convert(value, param, ctx)


class _Tahun(click.ParamType):  # type: ignore[type-arg]
    name = "tahun"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, int) or (str(value).isascii() and str(value).isdigit()
                                      and 2000 <= int(value) <= 2100):
            return int(value)
        self.fail(f"«{value}» bukan tahun; tulis misalnya 2026", param, ctx)
        return None


class _Tanggal(click.ParamType):  # type: ignore[type-arg]
    name = "tanggal"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"«{value}» bukan tanggal; tulis TTTT-BB-HH, misalnya 2026-11-25", param, ctx)


def _bantuan(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.help_option("-h", "--help", help="Tampilkan bantuan ini lalu keluar.")(f)


def _repo_opsi(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-C", "--repo", "repo", type=click.Path(file_okay=False, path_type=Path),
                        default=None, metavar="FOLDER",
                        help="Folder repo kinerja (bawaan: folder ini atau di atasnya yang "
                        "memuat kinerja.yml).")(f)


@click.group(cls=_Kelompok, context_settings=KONTEKS, add_help_option=False)
@_bantuan
@click.version_option(__version__, "-V", "--version", message="kinerja %(version)s",
                      help="Tampilkan versi lalu keluar.")
def kinerja() -> None:
    """Pengukuran kinerja instansi pemerintah sebagai kode di Git.

    Alur SOP: «periode baru» membuat formulir dari Perjanjian Kinerja, seksi mengisinya,
    «periksa» memeriksa isian, «rekap» menghitung capaian.
    """


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("paths", nargs=-1, type=_Ada(),
                metavar="[BERKAS]...")
@click.option("--lengkap", is_flag=True,
              help="Isian kosong dianggap galat (untuk tahap pemeriksaan Kasubbag/Sekcam).")
@click.option("-f", "--format", "format_", type=_Pilihan(["teks", "json", "github"]),
              default="teks", show_default=True, help="Bentuk keluaran.")
@_repo_opsi
def periksa(paths: tuple[Path, ...], lengkap: bool, format_: str, repo: Path | None) -> None:
    """Periksa kinerja.yml, Perjanjian Kinerja, dan formulir.

    Tanpa BERKAS: seluruh repo. Setiap masalah dilaporkan sebagai berkas:baris:kolom: pesan.
    Keluar 0 bila valid, 1 bila ada galat.
    """
    from kinerja.keluaran import reporters
    from kinerja.periksa import periksa as jalankan

    hasil = jalankan(repo or Path.cwd(), paths, lengkap=lengkap)
    if format_ == "json":
        click.echo(reporters.sebagai_json(hasil), nl=False)
    elif format_ == "github":
        click.echo(reporters.github(hasil), nl=False)
        ringkasan = os.environ.get("GITHUB_STEP_SUMMARY")
        if ringkasan:
            with Path(ringkasan).open("a", encoding="utf-8") as f:
                f.write(reporters.ringkasan_langkah(hasil))
    else:
        click.echo(reporters.teks(hasil), nl=False)
    sys.exit(KELUAR_TEMUAN if hasil.ada_galat else KELUAR_OK)


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode", required=False)
@click.option("-f", "--format", "format_", type=_Pilihan(["teks", "markdown", "json"]),
              default="teks", show_default=True, help="Bentuk keluaran.")
@_repo_opsi
def rekap(periode: str | None, format_: str, repo: Path | None) -> None:
    """Tabel pengukuran kinerja satu periode: target, realisasi, capaian, kategori, anggaran.

    PERIODE: folder periode (periods/2026/tw3) atau 2026-tw3; tanpa PERIODE: periode terakhir.
    """
    from kinerja.inti import lolos
    from kinerja.keluaran import tabel
    from kinerja.ukur.rekap import rekap_periode

    hasil = rekap_periode(repo or Path.cwd(), periode)
    keluar = {"teks": tabel.teks, "markdown": tabel.markdown, "json": tabel.sebagai_json}[format_]
    teks = keluar(hasil.rekap, hasil.kantor)
    click.echo(teks if format_ == "json" else lolos.terminal(teks), nl=False)


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode", required=False)
@click.option("--draf", is_flag=True,
              help="Cap «DRAF» di setiap halaman; boleh untuk periode yang belum lengkap.")
@click.option("-o", "--keluaran", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas PDF tujuan (bawaan: build/<periode>/laporan-pengukuran-kinerja-….pdf).")
@click.option("--tanggal", type=_Tanggal(), default=None,
              help="Tanggal pengesahan, TTTT-BB-HH (bawaan: hari ini).")
@_repo_opsi
def laporan(periode: str | None, draf: bool, keluaran: Path | None, tanggal: date | None,
            repo: Path | None) -> None:
    """Susun laporan pengukuran kinerja (Markdown dan PDF) satu periode.

    Tanpa --draf, periode yang belum lengkap atau bergalat ditolak dengan pesan pemeriksa.
    """
    from kinerja.dokumen.laporan import buat

    hasil = buat(repo or Path.cwd(), periode, draf=draf, keluaran=keluaran, tanggal=tanggal)
    click.echo(f"ditulis    {_tampil(hasil.markdown)}")
    click.echo(f"ditulis    {_tampil(hasil.pdf)}")


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode", required=False)
@click.option("--draf", is_flag=True, help="Cap «DRAF»; boleh bila nomor surat belum diisi.")
@click.option("-o", "--keluaran", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas PDF tujuan (bawaan: build/<periode>/surat-pengantar-….pdf).")
@click.option("--tanggal", type=_Tanggal(), default=None,
              help="Tanggal surat bila periode.yml tidak menyebutnya (bawaan: hari ini).")
@_repo_opsi
def surat(periode: str | None, draf: bool, keluaran: Path | None, tanggal: date | None,
          repo: Path | None) -> None:
    """Buat surat pengantar laporan (langkah 9 SOP; dikirim pada langkah 10) dari
    surat_pengantar di periode.yml."""
    from kinerja.dokumen.surat import buat_surat

    hasil = buat_surat(repo or Path.cwd(), periode, draf=draf, keluaran=keluaran, tanggal=tanggal)
    click.echo(f"ditulis    {_tampil(hasil.pdf)}")


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode", required=False)
@click.option("-o", "--keluaran", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas PDF tujuan (bawaan: build/<periode>/disposisi-….pdf).")
@_repo_opsi
def disposisi(periode: str | None, keluaran: Path | None, repo: Path | None) -> None:
    """Buat lembar disposisi langkah 1, 2 dan 9 SOP dari jadwal periode."""
    from kinerja.dokumen.surat import buat_disposisi

    hasil = buat_disposisi(repo or Path.cwd(), periode, keluaran=keluaran)
    click.echo(f"ditulis    {_tampil(hasil.pdf)}")


PERAN_PILIHAN = list(URUTAN)


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode", required=False)
@click.option("--forge", type=_Pilihan(["github", "gitea", "gitlab", "git"]), default=None,
              help="Sumber ulasan; bawaan: github di GitHub Actions, selain itu git (commit lokal).")
@click.option("--pr", "nomor", type=int, default=None,
              help="Nomor pull/merge request (bawaan: dari peristiwa GitHub Actions).")
@click.option("--proyek", default=None, help="owner/nama repo di Git host (bawaan: dari CI).")
@click.option("--api", default=None, help="Alamat API Git host (bawaan: dari CI atau publik).")
@click.option("--dasar", default=None,
              help="Ref Git tempat kinerja.yml dibaca (bawaan: origin/<cabang dasar PR>).")
@click.option("-f", "--format", "format_", type=_Pilihan(["teks", "json", "github"]),
              default="teks", show_default=True, help="Bentuk keluaran.")
@click.option("--cabang-dasar", default=None, metavar="CABANG",
              help="Hanya pull request ke cabang ini yang dinilai; yang lain merah.")
@click.option("--lapor-status", is_flag=True,
              help="Kirim putusan sebagai status commit «kinerja/persetujuan» pada head pull "
                   "request (status check wajib; dijalankan alur kerja dari cabang dasar).")
@_repo_opsi
def persetujuan(periode: str | None, forge: str | None, nomor: int | None, proyek: str | None,
                api: str | None, dasar: str | None, format_: str, cabang_dasar: str | None,
                lapor_status: bool, repo: Path | None) -> None:
    """Periksa persetujuan berjenjang: Kasubbag Perencanaan, lalu Sekcam, lalu Camat.

    Hijau (keluar 0) hanya bila ketiganya menyetujui versi terbaru, berurutan, oleh pemegang
    peran menurut kinerja.yml di cabang dasar, bukan penulis perubahan terakhir, dan tidak ada
    permintaan perubahan yang tertunda. Dipakai sebagai status check wajib.
    """
    from kinerja.forge.jalan import STATUS_KONTEKS, periksa_persetujuan
    from kinerja.keluaran import tampil

    hasil = periksa_persetujuan(repo or Path.cwd(), periode, forge=forge, nomor=nomor,
                                proyek=proyek, api=api, dasar=dasar, env=dict(os.environ),
                                lapor=lapor_status, cabang_dasar=cabang_dasar)
    p = hasil.putusan
    click.echo(tampil.putusan(p, format_), nl=False)
    ringkasan = os.environ.get("GITHUB_STEP_SUMMARY")
    if format_ == "github" and ringkasan:
        with Path(ringkasan).open("a", encoding="utf-8") as f:
            f.write(tampil.putusan(p, "markdown"))
    if hasil.status_dikirim:
        click.echo(f"status     {STATUS_KONTEKS} dikirim untuk commit {(hasil.head or '')[:10]}")
        sys.exit(KELUAR_OK)  # the verdict lives in the status; this run only delivered it
    sys.exit(KELUAR_OK if p.lulus else KELUAR_TEMUAN)


@kinerja.command(add_help_option=False)
@_bantuan
@click.option("--forge", type=_Pilihan(["github"]), default="github", show_default=True,
              help="Git host tempat pull request digabung.")
@click.option("--proyek", default=None, help="owner/nama repo (bawaan: dari CI).")
@click.option("--api", default=None, help="Alamat API Git host (bawaan: dari CI).")
@click.option("--sebelum", default=None, metavar="COMMIT",
              help="Ujung main sebelum push (github.event.before); bawaan: induk pertama HEAD.")
@_repo_opsi
def terbit(forge: str, proyek: str | None, api: str | None, sebelum: str | None,
           repo: Path | None) -> None:
    """Setelah push ke main: periksa ulang pull request yang digabung, buat tag
    pengesahan/<periode> berisi riwayat persetujuan (langkah 8), lalu laporan final dan surat
    pengantar bila nomornya sudah diisi (langkah 9), sebagai rilis yang diarsipkan (langkah 10).

    Dijalankan oleh alur kerja terbit.yml. Push yang tidak mengubah periode mana pun berhasil
    tanpa menerbitkan apa pun. Aman diulang: tag yang sudah ada pada commit ini dipakai lagi.
    """
    from kinerja.forge.jalan import terbitkan

    hasil = terbitkan(repo or Path.cwd(), forge=forge, proyek=proyek, api=api, sebelum=sebelum,
                      env=dict(os.environ))
    if not hasil.periode:
        click.echo("tidak ada periode yang berubah; tidak ada yang disahkan atau diterbitkan")
    for pid in hasil.periode:
        click.echo(f"periode    {pid}")
    for tag in hasil.tag:
        click.echo(f"tag        {tag}")
    for berkas in hasil.berkas:
        click.echo(f"ditulis    {_tampil(berkas)}")
    keluaran = os.environ.get("GITHUB_OUTPUT")
    if keluaran:
        with Path(keluaran).open("a", encoding="utf-8") as f:
            f.write(f"periode={' '.join(hasil.periode)}\ntag={' '.join(hasil.tag)}\n"
                    f"rilis={hasil.rilis}\n")


def _keputusan(keputusan: str, periode: str, sebagai: str, alasan: str, repo: Path | None) -> None:
    from kinerja.alur import putuskan_lokal
    from kinerja.inti.lolos import terminal

    hasil = putuskan_lokal(repo or Path.cwd(), periode, keputusan, sebagai, alasan)
    if hasil.commit is None:
        click.echo(terminal(f"sudah      {hasil.sudah}"))
    else:
        click.echo(f"dicatat    commit {hasil.commit[:10]}"
                   + (f", tag {hasil.tag}" if hasil.tag else ""))
    click.echo(f"status     {hasil.putusan.tahap}")
    for p in hasil.putusan.pesan:
        click.echo(terminal(f"           - {p}"))


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode")
@click.option("--sebagai", type=_Pilihan(PERAN_PILIHAN[:2]), required=True,
              help="Peran Anda: kasubbag-perencanaan (langkah 6) atau sekcam (langkah 7).")
@_repo_opsi
def setujui(periode: str, sebagai: str, repo: Path | None) -> None:
    """Catat persetujuan sebagai commit Git (tanpa Git host). Penulis Git harus pemegang peran."""
    _keputusan("setuju", periode, sebagai, "", repo)


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode")
@click.option("--sebagai", type=_Pilihan(PERAN_PILIHAN), required=True, help="Peran Anda.")
@click.option("--alasan", required=True, help="Apa yang harus diperbaiki.")
@_repo_opsi
def kembalikan(periode: str, sebagai: str, alasan: str, repo: Path | None) -> None:
    """Kembalikan periode untuk perbaikan: oleh Kasubbag Perencanaan (langkah 6) atau Sekcam
    (langkah 7) yang belum setuju."""
    _keputusan("kembalikan", periode, sebagai, alasan, repo)


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode")
@_repo_opsi
def sahkan(periode: str, repo: Path | None) -> None:
    """Pengesahan Camat (langkah 8): commit, riwayat.yml, dan tag pengesahan/<periode>.

    Dijalankan oleh Camat sendiri: penulis Git (git config user.email) harus surel Camat di
    kinerja.yml, dan commit ditandatangani bila kinerja.yml mewajibkannya.
    """
    _keputusan("sahkan", periode, "camat", "", repo)


@kinerja.command(add_help_option=False)
@_bantuan
@click.option("--instansi", default=None, metavar="TEKS", help="Nama kantor, misalnya Kecamatan Batur.")
@click.option("--pemerintah", default=None, metavar="TEKS",
              help="Pemerintah daerah, misalnya Kabupaten Banjarnegara.")
@click.option("--kota", default=None, metavar="TEKS", help="Tempat penandatanganan, misalnya Batur.")
@click.option("--kertas", type=_Pilihan(["A4", "F4"]), default=None, help="Ukuran kertas laporan.")
@click.option("--tahun", type=int, default=None, metavar="TAHUN",
              help="Tahun Perjanjian Kinerja pertama (bawaan: tahun ini).")
@_repo_opsi
def mulai(instansi: str | None, pemerintah: str | None, kota: str | None, kertas: str | None,
          tahun: int | None, repo: Path | None) -> None:
    """Jadikan salinan repositori ini milik kantor Anda: tulis kinerja.yml dan Perjanjian
    Kinerja tahun ini sebagai kerangka; data kantor contoh di periods/ (bila ada) dihapus,
    folder contoh/ dibiarkan.

    Yang tidak diberikan sebagai opsi ditanyakan bila dijalankan di terminal.
    """
    from kinerja.buat.mulai import Permintaan
    from kinerja.buat.mulai import mulai as jalankan

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

    from kinerja.buat.mulai import KERTAS

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
        click.echo(f"dihapus    {len(hasil.dihapus)} berkas data kantor contoh di periods/")
    click.echo("\nLangkah berikutnya:")
    for n, langkah in enumerate(hasil.langkah, 1):
        click.echo(f"  {n}. {langkah}")


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode")
@click.option("--alasan", required=True, help="Mengapa periode yang disahkan dibuka kembali.")
@click.option("--nomor", default=None, metavar="TEKS",
              help="Nomor surat atau nota dinas yang meminta revisi.")
@_repo_opsi
def revisi(periode: str, alasan: str, nomor: str | None, repo: Path | None) -> None:
    """Buka kembali periode yang sudah disahkan sebagai versi berikutnya (Camat atau Kasubbag
    Perencanaan). Versi lama tetap tercatat; ketiga persetujuan diperlukan lagi, berurutan."""
    from kinerja.alur import revisi as buka
    from kinerja.inti.lolos import terminal

    hasil = buka(repo or Path.cwd(), periode, alasan, nomor)
    click.echo(f"dicatat    commit {(hasil.commit or '')[:10]}")
    click.echo(f"status     {hasil.putusan.tahap}")
    for p in hasil.putusan.pesan:
        click.echo(terminal(f"           - {p}"))


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode")
@click.argument("langkah", type=click.IntRange(1, 10))
@click.option("--catatan", default="", help="Keterangan, misalnya nomor disposisi.")
@_repo_opsi
def catat(periode: str, langkah: int, catatan: str, repo: Path | None) -> None:
    """Catat langkah SOP yang terjadi di luar Git sebagai commit.

    LANGKAH: nomor langkah SOP yang dicatat dengan perintah ini: 1, 2, 4, 5, 9, atau 10 (langkah
    3 tercatat saat periode di-commit, 6–8 dengan «setujui» dan «sahkan»).
    """
    from kinerja.alur import catat as jalankan

    sha = jalankan(repo or Path.cwd(), periode, langkah, catatan)
    click.echo(f"dicatat    commit {sha[:10]}")


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode", required=False)
@click.option("-f", "--format", "format_", type=_Pilihan(["teks", "json"]), default="teks",
              show_default=True, help="Bentuk keluaran.")
@_repo_opsi
def status(periode: str | None, format_: str, repo: Path | None) -> None:
    """Sepuluh langkah SOP periode ini: selesai atau belum, oleh siapa, berapa lama (jam kerja)
    dibanding mutu baku. Diturunkan dari riwayat Git, bukan dari berkas yang dapat diubah."""
    from kinerja.alur import status as hitung
    from kinerja.keluaran import tampil

    click.echo(tampil.status(hitung(repo or Path.cwd(), periode), format_), nl=False)


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("periode", required=False)
@click.option("--forge", type=_Pilihan(["github", "gitea", "gitlab"]), default=None,
              help="Jenis Git host (bawaan: ditebak dari remote origin).")
@click.option("--host", default=None, help="Alamat Git host, misalnya https://github.com.")
@click.option("--proyek", default=None, help="owner/nama repo di Git host.")
@click.option("--cabang", default=None, help="Cabang periode (bawaan: periode/<periode>).")
@click.option("-f", "--format", "format_", type=_Pilihan(["teks", "markdown"]), default="teks",
              show_default=True, help="teks: pesan untuk grup obrolan; markdown: isi pull request.")
@_repo_opsi
def tautan(periode: str | None, forge: str | None, host: str | None, proyek: str | None,
           cabang: str | None, format_: str, repo: Path | None) -> None:
    """Tautan formulir tiap seksi di editor web Git host, dengan tenggat (langkah 3 SOP)."""
    from kinerja.forge.tautan import pesan
    from kinerja.forge.tautan import tautan as kumpulkan

    hasil = kumpulkan(repo or Path.cwd(), periode, jenis=forge, host=host, proyek=proyek,
                      cabang=cabang, env=dict(os.environ))
    click.echo(pesan(hasil, format_), nl=False)


@kinerja.command(add_help_option=False)
@_bantuan
@click.option("--pdf", is_flag=True,
              help="Buat PDF laporan dan surat periode yang disahkan bila belum ada di build/.")
@click.option("--bangun", "bangun_", is_flag=True,
              help="Lalu bangun situsnya ke site/ (tautan rusak menggagalkan pembangunan).")
@click.option("--pembangun", type=_Pilihan(["zensical", "mkdocs"]), default=None,
              help="Pembangun situs untuk --bangun; bawaan: Zensical bila terpasang, "
                   "selain itu MkDocs.")
@_repo_opsi
def situs(pdf: bool, bangun_: bool, pembangun: str | None, repo: Path | None) -> None:
    """Tulis halaman arsip publik ke content/arsip/ (hanya periode yang disahkan), dan dengan
    --bangun bangun situsnya ke site/.

    Situs dibangun dari mkdocs.yml oleh Zensical (penerus Material for MkDocs) atau MkDocs.
    """
    from kinerja.baca.muat import cari_akar
    from kinerja.situs import bangun
    from kinerja.situs.pembangun import bangun_html

    hasil = bangun(repo or Path.cwd(), pdf=pdf)
    click.echo(f"{hasil.halaman} halaman ({hasil.ditulis} berubah), {hasil.pdf} PDF; periode: "
               + (", ".join(hasil.periode) or "belum ada yang disahkan"))
    if bangun_:
        html = bangun_html(cari_akar(repo or Path.cwd()),
                           "mkdocs" if pembangun == "mkdocs" else
                           "zensical" if pembangun == "zensical" else None)
        click.echo(f"situs dibangun dengan {html.pembangun}: {html.halaman} halaman di "
                   f"{_tampil(html.folder)}/")


def _tampil(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


class _KelompokTahun(_Kelompok):
    """A group whose first word may be a year: «kinerja renaksi 2026» runs its «cetak»."""

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and re.fullmatch(r"[0-9]+", args[0]):  # a year, or what was meant to be one
            return "cetak", self.commands["cetak"], args
        return super().resolve_command(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPSI] TAHUN | baru TAHUN", "Pemakaian: ")


@kinerja.group(cls=_KelompokTahun, add_help_option=False)
@_bantuan
def renaksi() -> None:
    """Rencana Aksi tahunan: aksi per indikator per triwulan, dievaluasi setiap triwulan.

    TAHUN: tahun Perjanjian Kinerja, misalnya 2026. «kinerja renaksi baru TAHUN» menulis
    kerangka periods/TAHUN/rencana-aksi.yml dari Perjanjian Kinerja; «kinerja renaksi TAHUN»
    menyusun dokumen Rencana Aksi (PDF) yang ditandatangani Camat.
    """


@renaksi.command("baru", add_help_option=False)
@_bantuan
@click.argument("tahun", type=_Tahun())
@_repo_opsi
def renaksi_baru(tahun: int, repo: Path | None) -> None:
    """Tulis kerangka periods/TAHUN/rencana-aksi.yml dari Perjanjian Kinerja (tidak menimpa).

    TAHUN: tahun Perjanjian Kinerja, misalnya 2026.
    """
    from kinerja.dokumen.renaksi_berkas import buat_kerangka

    hasil = buat_kerangka(repo or Path.cwd(), tahun)
    click.echo(f"ditulis    {_tampil(hasil.berkas)}")
    click.echo("Isi uraian, penanggung jawab, dan keluaran setiap aksi, lalu jalankan "
               "«kinerja periksa».")


@renaksi.command(add_help_option=False, hidden=True)
@_bantuan
@click.argument("tahun", type=_Tahun())
@click.option("-o", "--keluaran", type=click.Path(path_type=Path), default=None,
              metavar="BERKAS", help="Berkas PDF tujuan (bawaan: build/TAHUN/rencana-aksi-TAHUN.pdf).")
@_repo_opsi
def cetak(tahun: int, keluaran: Path | None, repo: Path | None) -> None:
    """Susun dokumen Rencana Aksi (PDF) yang ditandatangani Camat.

    TAHUN: tahun Perjanjian Kinerja, misalnya 2026.
    """
    from kinerja.dokumen.renaksi_berkas import buat_dokumen

    hasil = buat_dokumen(repo or Path.cwd(), tahun, keluaran=keluaran)
    click.echo(f"ditulis    {_tampil(hasil.berkas)}")


@kinerja.command(add_help_option=False)
@_bantuan
@click.argument("tahun", type=_Tahun())
@click.option("--draf", is_flag=True,
              help="Cap «DRAF» di setiap halaman; bagian yang belum ditulis ditandai.")
@click.option("-o", "--keluaran", type=click.Path(path_type=Path), default=None,
              metavar="BERKAS", help="Berkas PDF tujuan (bawaan: build/TAHUN/lkjip-TAHUN.pdf).")
@_repo_opsi
def lkjip(tahun: int, draf: bool, keluaran: Path | None, repo: Path | None) -> None:
    """Susun Laporan Kinerja Instansi Pemerintah (LKjIP) setahun: Markdown dan PDF.

    TAHUN: tahun Perjanjian Kinerja, misalnya 2026. Angkanya dari periode tahunan dan
    triwulannya, pembandingnya dari tahun-tahun di arsip; uraian yang ditulis kantor dibaca
    dari periods/TAHUN/tahunan/lkjip/ (ikhtisar.md, pendahuluan.md, analisis-<sasaran>.md,
    penutup.md). LKjIP disetujui dan disahkan bersama periode tahunan.
    """
    from kinerja.dokumen.lkjip_berkas import buat

    hasil = buat(repo or Path.cwd(), tahun, draf=draf, keluaran=keluaran)
    click.echo(f"ditulis    {_tampil(hasil.markdown)}")
    click.echo(f"ditulis    {_tampil(hasil.pdf)}")


@kinerja.group(cls=_Kelompok, add_help_option=False)
@_bantuan
def periode() -> None:
    """Kelola periode pengukuran."""


@periode.command(add_help_option=False)
@_bantuan
@click.argument("tahun", type=_Tahun())
@click.argument("kode", type=_Pilihan(["tw1", "tw2", "tw3", "tw4", "tahunan"]), metavar="KODE")
@click.option("--mulai", type=_Tanggal(), default=None,
              help="Tanggal perintah Camat (langkah 1), TTTT-BB-HH; bawaan: saat kerja "
                   "berikutnya menurut jam kerja dan zona_waktu kinerja.yml.")
@click.option("--timpa", is_flag=True,
              help="Tulis ulang berkas yang sudah ada (isian di dalamnya akan hilang).")
@_repo_opsi
def baru(tahun: int, kode: str, mulai: date | None, timpa: bool, repo: Path | None) -> None:
    """Buat folder periode dan formulir tiap seksi dari Perjanjian Kinerja (langkah 2–3 SOP).

    TAHUN: tahun Perjanjian Kinerja, misalnya 2026. KODE: tw1, tw2, tw3, tw4, atau tahunan.

    Berkas yang sudah ada tidak ditimpa; formulir yang sudah ada hanya ditambahi indikator
    baru dari Perjanjian Kinerja, isian dan komentarnya tetap utuh.
    """
    from kinerja.baca.muat import cari_akar
    from kinerja.buat.periode import buat_periode

    akar = cari_akar(repo or Path.cwd())
    hasil = buat_periode(akar, tahun, kode, mulai=mulai, timpa=timpa)
    for berkas in hasil.dibuat:
        click.echo(f"dibuat     {berkas}")
    for berkas in hasil.ditambah:
        click.echo(f"dilengkapi {berkas}")
    for berkas in hasil.dibiarkan:
        click.echo(f"dibiarkan  {berkas} (sudah ada; --timpa untuk menulis ulang)")
    if not hasil.dibuat and not hasil.ditambah:
        raise KinerjaError(f"periode {tahun}-{kode} sudah ada dan lengkap; tidak ada yang dibuat")


@kinerja.command(add_help_option=False)
@_bantuan
@click.option("--periksa", "cek", is_flag=True,
              help="Jangan menulis; keluar 1 bila berkas skema tidak sesuai definisi (untuk CI).")
@_repo_opsi
def skema(cek: bool, repo: Path | None) -> None:
    """Tulis JSON Schema formulir ke content/skema/ agar editor memeriksa saat mengetik."""
    from kinerja.baca.skema import tulis_skema

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


def _pesan_click(e: click.ClickException) -> str:
    if isinstance(e, click.NoSuchOption):
        saran = f"; maksud Anda {e.possibilities[0]}?" if e.possibilities else ""
        return f"opsi «{e.option_name}» tidak dikenal{saran}"
    if isinstance(e, click.MissingParameter) and e.param is not None:
        if isinstance(e.param, click.Option):
            return f"opsi «{max(e.param.opts, key=len)}» wajib diberikan"
        nama = (e.param.human_readable_name or "").upper()
        return f"argumen {nama} wajib diberikan"
    if isinstance(e, click.BadOptionUsage) and "requires an argument" in e.message:
        return f"opsi «{e.option_name}» memerlukan nilai sesudahnya"
    if isinstance(e, click.UsageError) and e.message.startswith("Got unexpected extra argument"):
        lebih = e.message.partition("(")[2].rstrip(")")
        argv = sys.argv[1:]
        # «kinerja status 2026 tw4», as «periode baru 2026 tw4» is written: one word here.
        if re.fullmatch(r"tw[1-4]|tahunan", lebih.split()[0] if lebih else "") and any(
                re.fullmatch(r"[0-9]{4}", a) for a in argv):
            tahun = next(a for a in argv if re.fullmatch(r"[0-9]{4}", a))
            return (f"argumen berlebih: {lebih}; periode ditulis satu kata, misalnya "
                    f"{tahun}-{lebih.split()[0]}")
        return f"argumen berlebih: {lebih}"
    if isinstance(e, click.BadParameter):
        p = e.param
        if isinstance(p, click.Option):
            nama = max(p.opts, key=len)
        else:
            nama = (p.human_readable_name or "nilai").upper() if p is not None else "nilai"
        return f"nilai untuk {nama} tidak valid: {e.message}"
    if isinstance(e, click.UsageError) and e.message.startswith("No such command"):
        from kinerja.baca.skema import saran as saran_kata

        nama = e.message.split("'")[1]
        daftar = list(e.ctx.command.list_commands(e.ctx)) if e.ctx is not None and \
            isinstance(e.ctx.command, click.Group) else []
        return f"perintah tidak dikenal: {nama}{saran_kata(nama, daftar)}"
    return e.format_message()


def _galat(pesan: str) -> None:
    from kinerja.inti.lolos import terminal

    click.echo(terminal(f"kinerja: galat: {pesan}"), err=True)


def _jelaskan_periode(kelompok: click.Group) -> None:
    """Every command that takes PERIODE says what it is, in the same words (the help explains
    each word its usage line shows)."""
    for nama in kelompok.list_commands(click.Context(kelompok)):
        perintah = kelompok.get_command(click.Context(kelompok), nama)
        if isinstance(perintah, click.Group):
            _jelaskan_periode(perintah)
            continue
        arg = next((p for p in (perintah.params if perintah else ())
                    if isinstance(p, click.Argument) and p.name == "periode"), None)
        if perintah is None or arg is None or "PERIODE:" in (perintah.help or ""):
            continue
        tambah = "PERIODE: folder periode (periods/2026/tw3) atau 2026-tw3"
        tambah += "; tanpa PERIODE: periode terakhir." if not arg.required else "."
        perintah.help = inspect.cleandoc(perintah.help or "") + "\n\n" + tambah


_jelaskan_periode(kinerja)


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the CLI; map every outcome to an exit code (1 expected, 2 usage, 3 bug, 130 ^C)."""
    if not (sys.argv[1:] if argv is None else argv):
        # Bare «kinerja»: what it can do, not an error.
        with click.Context(kinerja, info_name="kinerja") as ctx:
            click.echo(kinerja.get_help(ctx))
        sys.exit(KELUAR_OK)
    try:
        kinerja.main(args=argv, prog_name="kinerja", standalone_mode=False)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        _galat(_pesan_click(e))
        if isinstance(e, click.UsageError) and e.ctx is not None:
            click.echo(f"Lihat «{e.ctx.command_path} --help».", err=True)
        sys.exit(KELUAR_PEMAKAIAN)
    except click.Abort:
        sys.exit(KELUAR_DISELA)
    except BerkasTidakValid as e:
        from kinerja.inti import lolos
        from kinerja.keluaran import reporters

        for t in e.temuan:
            click.echo(lolos.terminal(reporters.baris_teks(t)), err=True)
        if e.saran:
            _galat(e.saran)
        sys.exit(KELUAR_TEMUAN)
    except KinerjaError as e:
        _galat(str(e))
        sys.exit(KELUAR_TEMUAN)
    except KeyboardInterrupt:
        _galat("dihentikan")
        sys.exit(KELUAR_DISELA)
    except BrokenPipeError:
        sys.stderr.close()  # `kinerja rekap | head`: the reader left; nothing to report
        sys.exit(KELUAR_OK)
    except Exception as e:
        import traceback

        if os.environ.get("KINERJA_DEBUG"):
            traceback.print_exc()
        _galat(f"kesalahan internal ({type(e).__name__}: {e}). Ini bug kinerja, bukan kesalahan "
               "Anda; laporkan dengan menyertakan perintah yang dijalankan "
               "(KINERJA_DEBUG=1 menampilkan rinciannya).")
        sys.exit(KELUAR_BUG)
    sys.exit(KELUAR_OK)


if __name__ == "__main__":  # pragma: no cover
    main()

