"""Each benchmark runs once at its smallest size, so a broken bench fails the suite. Nothing here
times anything: the figures are the benches' to report (bench/README.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.parametrize("argv", [
    ["periksa.py", "--ulang", "1", "--tahun", "1"],
    ["laporan.py", "--ulang", "1"],
    ["situs.py", "--ulang", "1", "--periode", "4"],
    ["masukan.py", "--ulang", "1", "--n", "100"],
    ["formulir.py", "--ulang", "1"],
    ["formulir_statis.py", "--ulang", "1"],
    ["lighthouse.py", "--ulang", "1", "--pembangun", "zensical", "--halaman", "/arsip/2026/tw3/"],
], ids=lambda a: a[0])
def test_bench_berjalan(argv: list[str]) -> None:
    hasil = subprocess.run([sys.executable, str(BENCH / argv[0]), *argv[1:]], cwd=BENCH,
                           capture_output=True, text=True, check=False, timeout=600)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    baris = [b for b in hasil.stdout.splitlines() if b.startswith("|")]
    assert len(baris) >= 3, hasil.stdout  # a header, its rule, and at least one measured row
    assert "Traceback" not in hasil.stderr
