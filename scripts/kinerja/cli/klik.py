"""click, in Indonesian: help headings, choices in any letter case, paths, years and dates that
refuse what they cannot read in words a person understands, and the one place click's own
errors become messages."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from kinerja.inti.saran import saran

KONTEKS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# click names the value of an option by its type, in English
_NAMA_JENIS = {"TEXT": "TEKS", "INTEGER": "BILANGAN", "FILE": "BERKAS", "DIRECTORY": "FOLDER"}
_METAVAR = re.compile(r"\b(TEXT|INTEGER|FILE|DIRECTORY)\b")


class Perintah(click.Command):
    """Help in Indonesian: click's own headings are English. Words left over after the arguments
    are refused here, in Indonesian, instead of by click."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)
        self.allow_extra_args = True

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        sisa = super().parse_args(ctx, args)
        if ctx.args and not isinstance(self, click.Group) and not ctx.resilient_parsing:
            ctx.fail(_berlebih(ctx.args, args))
        return sisa

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


class Kelompok(Perintah, click.Group):
    command_class = Perintah

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        nama = args[0] if args else ""
        if nama and self.get_command(ctx, nama) is None and not nama.startswith("-") and \
                not ctx.resilient_parsing:
            ctx.fail(f"perintah tidak dikenal: {nama}"
                     f"{saran(nama, list(self.list_commands(ctx)))}")
        return super().resolve_command(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPSI] PERINTAH [ARGUMEN]...", "Pemakaian: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        Perintah.format_options(self, ctx, formatter)
        # The whole first sentence of each command's help: cut with «…» it said less than it meant.
        perintah = [(n, c.get_short_help_str(1000)) for n in self.list_commands(ctx)
                    if (c := self.get_command(ctx, n)) is not None and not c.hidden]
        if perintah:
            with formatter.section("Perintah"):
                formatter.write_dl(perintah)


Kelompok.group_class = Kelompok


class Pilihan(click.Choice):  # type: ignore[type-arg]
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


class Ada(click.Path):
    """An existing file or folder, with click's English refusal said in Indonesian."""

    def __init__(self) -> None:
        super().__init__(exists=True, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not os.path.lexists(value):
            self.fail(f"«{value}» tidak ada; periksa ejaan berkas atau foldernya", param, ctx)
        return super().convert(value, param, ctx)


class Tahun(click.ParamType):  # type: ignore[type-arg]
    name = "tahun"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, int) or (str(value).isascii() and str(value).isdigit()
                                      and 2000 <= int(value) <= 2100):
            return int(value)
        self.fail(f"«{value}» bukan tahun; tulis misalnya 2026", param, ctx)
        return None


class Tanggal(click.ParamType):  # type: ignore[type-arg]
    name = "tanggal"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"«{value}» bukan tanggal; tulis TTTT-BB-HH, misalnya 2026-11-25", param, ctx)


def bantuan(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.help_option("-h", "--help", help="Tampilkan bantuan ini lalu keluar.")(f)


def repo_opsi(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-C", "--repo", "repo", type=click.Path(file_okay=False, path_type=Path),
                        default=None, metavar="FOLDER",
                        help="Folder repo kinerja (bawaan: folder ini atau di atasnya yang "
                        "memuat kinerja.yml).")(f)


def tampil(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _berlebih(lebih: list[str], semua: list[str]) -> str:
    teks = " ".join(lebih)
    # «kinerja status 2026 tw4», as «periode baru 2026 tw4» is written: one word here.
    tahun = next((a for a in semua if re.fullmatch(r"[0-9]{4}", a)), None)
    if tahun and re.fullmatch(r"tw[1-4]|tahunan", lebih[0]):
        return (f"argumen berlebih: {teks}; periode ditulis satu kata, misalnya "
                f"{tahun}-{lebih[0]}")
    return f"argumen berlebih: {teks}"


class KelompokTahun(Kelompok):
    """A group whose first word may be a year: «kinerja renaksi 2026» runs its «cetak»."""

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and re.fullmatch(r"[0-9]+", args[0]):  # a year, or what was meant to be one
            return "cetak", self.commands["cetak"], args
        return super().resolve_command(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPSI] TAHUN | baru TAHUN", "Pemakaian: ")


def pesan_click(e: click.ClickException) -> str:
    """click's refusals, in Indonesian — decided by their types and parameters, never by reading
    click's English words."""
    if isinstance(e, click.NoSuchOption):
        ada = f"; maksud Anda {e.possibilities[0]}?" if e.possibilities else ""
        return f"opsi «{e.option_name}» tidak dikenal{ada}"
    if isinstance(e, click.MissingParameter) and e.param is not None:
        if isinstance(e.param, click.Option):
            return f"opsi «{max(e.param.opts, key=len)}» wajib diberikan"
        nama = (e.param.human_readable_name or "").upper()
        return f"argumen {nama} wajib diberikan"
    if isinstance(e, click.BadOptionUsage):
        opsi = _opsi(e.ctx, e.option_name)
        if opsi is not None and opsi.is_flag:
            return f"opsi «{e.option_name}» tidak menerima nilai"
        return f"opsi «{e.option_name}» memerlukan nilai sesudahnya"
    if isinstance(e, click.BadParameter):
        p = e.param
        if isinstance(p, click.Option):
            nama = max(p.opts, key=len)
        else:
            nama = (p.human_readable_name or "nilai").upper() if p is not None else "nilai"
        return f"nilai untuk {nama} tidak valid: {e.message}"
    return e.format_message()


def _opsi(ctx: click.Context | None, nama: str) -> click.Option | None:
    if ctx is None:
        return None
    return next((p for p in ctx.command.params if isinstance(p, click.Option) and
                 nama in (*p.opts, *p.secondary_opts)), None)
