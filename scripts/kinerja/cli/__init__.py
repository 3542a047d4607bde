"""The ``kinerja`` command: thin click commands over the library, and the one error handler.

Each command gathers its options, calls one library function, prints what it returns and exits
with the code it implies (1 expected, 2 usage, 3 bug, 130 interrupted). One module per group of
commands, as pre-commit's ``commands/``.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn

import click

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
from kinerja.keluaran.baris import baris_teks

__all__ = ["kinerja", "main", "proses"]


def _galat(pesan: str) -> None:
    click.echo(terminal(f"kinerja: galat: {pesan}"), err=True)


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
            import traceback  # only on a bug: start-up does not pay for it

            traceback.print_exc()
        _galat(f"kesalahan internal ({type(e).__name__}: {e}). Ini bug kinerja, bukan kesalahan "
               "Anda; laporkan dengan menyertakan perintah yang dijalankan "
               "(KINERJA_DEBUG=1 menampilkan rinciannya).")
        sys.exit(KELUAR_BUG)
    sys.exit(KELUAR_OK)


def proses() -> NoReturn:
    """``kinerja`` as a process of its own: the installed command and ``python -m kinerja``.

    A command is short, and what it builds holds almost no reference cycles (a few hundred
    objects when checking forty periods), freed when it exits: Python's cycle collector, which
    walks every object it holds again and again, is not run meanwhile. That was a tenth of
    checking a large archive (bench/periksa.py). The server, which runs until stopped, turns it
    back on (``kinerja layani``). At exit every object is handed to the collector's permanent
    generation, so Python's last collection does not walk them all once more (a twentieth): an
    object kept alive only by a cycle is then never finalized, and nothing waits for that —
    every file kinerja writes is written and closed before the command returns
    (``inti/berkas.py``)."""
    gc.disable()
    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    proses()
