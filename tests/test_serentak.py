"""Ratifications proven in a second process while the files are read (``pengesahan.serentak``):
the snapshot is the same value either way, a prover that fails leaves the work to this process,
and a command that fails while reading never leaves the prover behind."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from buatan import arsip
from kinerja.baca.muat import muat
from kinerja.inti.errors import KinerjaError
from kinerja.layanan import Potret, potret
from kinerja.pengesahan import serentak
from kinerja.pengesahan.verifikasi import Pemeriksa, Terbukti


@pytest.fixture(scope="module")
def dua_tahun(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two years of the sample, every period approved and ratified in its Git history, and a
    tag that names a period that is not there."""
    akar = arsip(tmp_path_factory.mktemp("serentak") / "arsip", 2, disahkan=True)
    subprocess.run(["git", "tag", "-a", "pengesahan/1999-tw1", "-m", "palsu"], cwd=akar,
                   check=True, capture_output=True)
    return akar


def _nilai(pt: Potret) -> tuple[object, ...]:
    assert pt.pemeriksa is not None
    return (pt.temuan, [(p.id, p.pengesahan) for p in pt.semua_periode()],
            pt.pemeriksa.terbukti())


@pytest.fixture
def anak(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The processes forked during the test (each must be gone, and reaped, when it asks)."""
    dibuat: list[int] = []
    asli = os.fork

    def fork() -> int:
        pid = asli()
        if pid:
            dibuat.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return dibuat


def _tanpa_anak(anak: list[int], n: int) -> None:
    """``n`` second processes were made, and none is left running or unreaped."""
    assert len(anak) == n
    for pid in anak:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_bukti_serentak_sama_dengan_bukti_di_sini(dua_tahun: Path, anak: list[int],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    if not serentak.boleh():
        pytest.skip("this machine or process cannot run a second prover (one processor?)")
    assert len(serentak.tempat(dua_tahun, lambda *_: True)) >= serentak.PALING_SEDIKIT
    dijawab: list[bool] = []
    asli = serentak.Serentak.jawaban

    def jawaban(self: serentak.Serentak) -> serentak.Jawaban | None:
        hasil = asli(self)
        dijawab.append(hasil is not None)
        return hasil

    monkeypatch.setattr(serentak.Serentak, "jawaban", jawaban)
    berdua = potret(dua_tahun)
    assert dijawab == [True]  # the second process answered for every period
    _tanpa_anak(anak, 1)
    monkeypatch.setattr(serentak, "boleh", lambda: False)
    sendiri = potret(dua_tahun)
    assert dijawab == [True, False]
    assert _nilai(berdua) == _nilai(sendiri)
    assert [t.berkas for t in berdua.temuan] == ["tag pengesahan/1999-tw1"]
    disahkan = [p.id for p in sendiri.semua_periode() if p.disahkan]
    assert len(disahkan) == len(sendiri.semua_periode()) >= serentak.PALING_SEDIKIT


def test_tempat_adalah_folder_yang_dibaca(dua_tahun: Path) -> None:
    """The prover is asked about exactly the periods the loader reads (the year or period
    chosen, too)."""
    semua = [p.id for p in muat(dua_tahun).semua_periode()]
    assert [t.id for t in serentak.tempat(dua_tahun, lambda *_: True)] == semua
    tahun = int(semua[-1][:4])
    assert [t.id for t in serentak.tempat(dua_tahun, lambda th, _: th == tahun)] == \
        [p.id for p in muat(dua_tahun, tahun={tahun}).semua_periode()]


def test_pemeriksa_gagal_di_proses_kedua(dua_tahun: Path, anak: list[int],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A prover that breaks writes nothing: this process proves every period itself, and the
    snapshot is the one it would have been."""
    if not serentak.boleh():
        pytest.skip("this machine or process cannot run a second prover (one processor?)")
    harap = _nilai(potret(dua_tahun))

    class Rusak(Pemeriksa):
        def pengesahan(self, p: object) -> object:  # type: ignore[override]
            raise RuntimeError("rusak di proses kedua")

    monkeypatch.setattr(serentak, "Pemeriksa", Rusak)
    dijawab: list[object] = []
    asli = serentak.Serentak.jawaban
    monkeypatch.setattr(serentak.Serentak, "jawaban",
                        lambda self: dijawab.append(asli(self)) or dijawab[-1])
    assert _nilai(potret(dua_tahun)) == harap
    assert dijawab == [None]
    _tanpa_anak(anak, 2)


def test_gagal_membaca_tidak_meninggalkan_proses(dua_tahun: Path, anak: list[int],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A command that fails while reading (or is interrupted) ends the prover at once."""
    if not serentak.boleh():
        pytest.skip("this machine or process cannot run a second prover (one processor?)")
    import kinerja.layanan

    def gagal(*_: object, **__: object) -> None:
        raise KinerjaError("disk tidak terbaca")

    monkeypatch.setattr(kinerja.layanan, "muat", gagal)
    with pytest.raises(KinerjaError, match="disk tidak terbaca"):
        potret(dua_tahun)
    _tanpa_anak(anak, 1)


def test_proses_kedua_tidak_menunggu_yang_pertama(dua_tahun: Path, anak: list[int],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The second process ends without waiting for this one to read its answer: while this one
    is still reading files it may wait for something the second holds open (a git process of
    an earlier command whose input it inherited), and neither would ever go on."""
    if not serentak.boleh():
        pytest.skip("this machine or process cannot run a second prover (one processor?)")
    import signal

    import kinerja.layanan

    asli = kinerja.layanan.muat
    dijawab: list[bool] = []
    jawaban = serentak.Serentak.jawaban

    def muat_sesudah_anak_selesai(*a: object, **k: object) -> object:
        # waits until the second process has ended, without reaping it
        os.waitid(os.P_PID, anak[-1], os.WEXITED | os.WNOWAIT)
        return asli(*a, **k)  # type: ignore[arg-type]

    def habis(*_: object) -> None:
        raise AssertionError("the second process waited for the first")

    class Besar(Pemeriksa):  # an answer larger than any pipe holds
        def terbukti(self) -> Terbukti:
            return {**super().terbukti(), "x" * 4_000_000: ([], None)}

    monkeypatch.setattr(serentak, "Pemeriksa", Besar)
    monkeypatch.setattr(kinerja.layanan, "muat", muat_sesudah_anak_selesai)
    monkeypatch.setattr(serentak.Serentak, "jawaban",
                        lambda self: dijawab.append(jawaban(self) is not None) or None)
    lama = signal.signal(signal.SIGALRM, habis)
    signal.alarm(120)
    try:
        potret(dua_tahun)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, lama)
    assert dijawab == [True]
    _tanpa_anak(anak, 1)


def test_di_proses_bersih() -> None:
    """The tests above need what a command has: a process running one thread. In the whole
    suite an earlier test's Typst has started threads of its own (and rightly nothing forks
    then), so here they run again in a fresh process — where none may be skipped."""
    if len(os.sched_getaffinity(0)) < 2 or sys.platform != "linux":
        pytest.skip("one processor, or not Linux: commands never fork here either")
    hasil = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", __file__, "-k",
         "not di_proses_bersih"], cwd=Path(__file__).parent.parent, capture_output=True,
        text=True, check=False)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    ringkas = hasil.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"5 passed, 1 deselected in [0-9.]+s( \([0-9:]+\))?", ringkas), \
        hasil.stdout
