"""The ``kinerja`` command: thin click commands over the library, and the one error handler.

Each command gathers its options, calls one library function, prints what it returns and exits
with the code it implies (1 expected, 2 usage, 3 bug, 130 interrupted). One module per group of
commands, as pre-commit's ``commands/``.
"""

from __future__ import annotations

import inspect
import os
import sys
import traceback
from typing import NoReturn

import click

from kinerja.cli import dokumen, forge, kantor, keputusan, periksa, situs
from kinerja.cli.grup import kinerja
from kinerja.cli.klik import pesan_click
from kinerja.inti.errors import (
    KELUAR_BUG,
    KELUAR_DISELA,
    KELUAR_OK,
    KELUAR_PEMAKAIAN,
    KELUAR_TEMUAN,
    BerkasTidakValid,
    KinerjaError,
)
from kinerja.inti.lolos import terminal
from kinerja.keluaran.reporters import baris_teks

__all__ = ["dokumen", "forge", "kantor", "keputusan", "kinerja", "main", "periksa", "situs"]


def _galat(pesan: str) -> None:
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
        _galat(pesan_click(e))
        if isinstance(e, click.UsageError) and e.ctx is not None:
            click.echo(f"Lihat «{e.ctx.command_path} --help».", err=True)
        sys.exit(KELUAR_PEMAKAIAN)
    except click.Abort:
        sys.exit(KELUAR_DISELA)
    except BerkasTidakValid as e:
        for t in e.temuan:
            click.echo(terminal(baris_teks(t)), err=True)
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
        if os.environ.get("KINERJA_DEBUG"):
            traceback.print_exc()
        _galat(f"kesalahan internal ({type(e).__name__}: {e}). Ini bug kinerja, bukan kesalahan "
               "Anda; laporkan dengan menyertakan perintah yang dijalankan "
               "(KINERJA_DEBUG=1 menampilkan rinciannya).")
        sys.exit(KELUAR_BUG)
    sys.exit(KELUAR_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
