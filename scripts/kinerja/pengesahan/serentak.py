"""Proving ratifications in a second process while this one reads the office's files.

In a Git repository, proving every period's ratification is about a third of checking it, and it
needs nothing the loader reads: only where each period's folder is, the files in it, and
history. Where the machine has a second processor, a forked copy of this process proves them
(``Pemeriksa.pengesahan``: the same code, from the same repository) while this one reads the
files, and hands back its answers whole — each period's ``Pengesahan`` and findings, and every
proven version. Nothing there is trusted more than here: it is the same computation, and a period
it did not answer for is proven here, as it always was.

Anything that goes wrong there — an error, a crash, a signal, an answer that cannot be read —
leaves this process to prove everything itself. Only on Linux, in a process running one thread
(forking a threaded process can copy a lock some other thread holds), with no forge to ask.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from kinerja.inti import tata
from kinerja.inti.beku import beku
from kinerja.inti.model import Pengesahan, TempatPeriode
from kinerja.inti.temuan import Temuan
from kinerja.pengesahan.gudang import Gudang
from kinerja.pengesahan.verifikasi import Pemeriksa, Terbukti

# Below this many periods a second process costs what it saves (whole runs timed in A/B pairs:
# one period 7% slower, a year's four quarters even, two years 9% faster, forty periods 28%).
PALING_SEDIKIT = 5


@beku
class Jawaban:
    """What the second process proved."""

    pengesahan: dict[str, tuple[Pengesahan, tuple[Temuan, ...]]]  # by period id
    terbukti: Terbukti  # every proven version, as ``Pemeriksa.terbukti`` gives it
    # ``Pemeriksa.tag_asing`` for exactly these periods: valid for a load that read them all
    asing: tuple[Temuan, ...]

    def tag_asing(self, periode: list[str]) -> tuple[Temuan, ...] | None:
        """The findings on tags, if the periods read are the ones proven here."""
        return self.asing if periode == list(self.pengesahan) else None


def boleh() -> bool:
    """Whether this process may fork a prover: Linux, one thread (Python's and the system's
    count), and a second processor to run it on."""
    if sys.platform != "linux" or not hasattr(os, "memfd_create") or \
            threading.active_count() != 1:
        return False
    try:
        utas = sum(1 for _ in Path("/proc/self/task").iterdir())
        if utas != 1 or len(os.sched_getaffinity(0)) < 2:
            return False
    except OSError:
        return False
    return True


def tempat(akar: Path, dibaca: Callable[[int, str], bool]) -> list[TempatPeriode]:
    """The period folders the loader will read (a guess that costs nothing when it is wrong: an
    extra one is not asked for, a missing one is proven by the caller)."""
    hasil = []
    folder = akar / tata.FOLDER_PERIODS
    try:
        tahun = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    for t in tahun:
        th = tata.tahun_folder(t.name)
        if th is None or t.is_symlink() or not t.is_dir():
            continue
        for kode in tata.PERIODE:
            f = Path(t.path) / kode
            if dibaca(th, kode) and not f.is_symlink() and (f / tata.BERKAS_PERIODE).is_file():
                hasil.append(TempatPeriode(th, kode, f))
    return hasil


class Serentak:
    """A prover running beside the loader, for one command. Use as a context manager: leaving it
    always ends the second process."""

    def __init__(self, akar: Path, dibaca: Callable[[int, str], bool]) -> None:
        self._pid: int | None = None
        self._baca: int | None = None
        if not boleh():
            return
        daftar = tempat(akar, dibaca)
        if len(daftar) < PALING_SEDIKIT:
            return
        # The answer goes to a file in memory, not a pipe: the second process never waits for
        # this one, so nothing this one waits for meanwhile (a git process whose input the
        # second one inherited) can wait for it in turn.
        try:
            berkas = os.memfd_create("kinerja-pengesahan")
        except OSError:
            return
        # Ctrl-C or a stop held across the fork: one arriving in the copy before it is on its
        # own would unwind it through this command's code (and print its output twice).
        semula = signal.pthread_sigmask(signal.SIG_BLOCK, _DITAHAN)
        try:
            pid = os.fork()
        except OSError:
            os.close(berkas)
            signal.pthread_sigmask(signal.SIG_SETMASK, semula)
            return
        if pid == 0:  # the second process: prove, write the answer, and leave at once
            try:
                _sendiri()
                signal.pthread_sigmask(signal.SIG_SETMASK, semula)
                _buktikan(akar, daftar, dibaca, berkas)
            finally:
                os._exit(1)
        self._pid, self._baca = pid, berkas
        signal.pthread_sigmask(signal.SIG_SETMASK, semula)  # what was held arrives here now

    @property
    def berjalan(self) -> bool:
        """Whether a second process is proving (else this one will)."""
        return self._pid is not None

    def jawaban(self) -> Jawaban | None:
        """The second process's answer (waiting for it to end), or None: prove here instead."""
        if self._baca is None:
            return None
        kode = self._tunggu(bunuh=False)
        with os.fdopen(self._baca, "rb") as f:
            self._baca = None
            f.seek(0)
            data = f.read()
        if kode != 0 or not data:
            return None
        try:
            hasil = pickle.loads(data)
        except (pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return None
        return hasil if isinstance(hasil, Jawaban) else None

    def _tunggu(self, *, bunuh: bool) -> int | None:
        """The second process's exit code, once it has ended (None: it had been reaped). Known
        until it is reaped: interrupted while waiting, leaving the context ends it still."""
        pid = self._pid
        if pid is None:
            return None
        if bunuh:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        try:
            status = os.waitpid(pid, 0)[1]
        except ChildProcessError:
            self._pid = None
            return None
        self._pid = None
        return os.waitstatus_to_exitcode(status)

    def __enter__(self) -> Serentak:
        return self

    def __exit__(self, jenis: type[BaseException] | None, galat: BaseException | None,
                 tb: TracebackType | None) -> None:
        # Left early (an error while reading, Ctrl-C): the prover's answer is not wanted.
        if self._baca is not None:
            os.close(self._baca)
            self._baca = None
        self._tunggu(bunuh=True)


_DITAHAN = frozenset((signal.SIGINT, signal.SIGTERM))


def _sendiri() -> None:
    """The second process lets go of what it shares with the first: the terminal or the pipes
    a caller reads the command's output from (a caller waiting for them to close never waits
    for it); and it is not the one to take a stop or Ctrl-C (the first ends it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    kosong = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(kosong, fd)
    os.close(kosong)


def _buktikan(akar: Path, daftar: list[TempatPeriode], dibaca: Callable[[int, str], bool],
              tulis: int) -> None:
    """In the second process: never returns, never prints, never runs this process's exit
    handlers (they belong to the first). Any failure exits 1: the first then proves."""
    kode = 1
    try:
        with Gudang(akar) as g:
            pemeriksa = Pemeriksa(akar, g)
            jawaban = Jawaban({p.id: pemeriksa.pengesahan(p) for p in daftar},
                              pemeriksa.terbukti(), pemeriksa.tag_asing(daftar, dibaca))
            data = pickle.dumps(jawaban, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(tulis, "wb", closefd=False) as f:
            f.write(data)
        kode = 0
    except BaseException:
        pass
    finally:
        os._exit(kode)
