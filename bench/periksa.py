"""Benchmark: whole-process `kinerja periksa` against check-jsonschema on the same forms.

Prints a table of medians (of --ulang runs, default 7) for: start-up (`kinerja --version`);
one period of the sample office, as its Git repository (three quarters ratified, so every
ratification is proven from history) and as bare files; and an archive of --tahun years (default
10: 40 periods), again as a Git repository in which every period was approved and ratified
(`sejarah.arsip`) and as bare files. Beside each, check-jsonschema validating the same forms with
the schema `kinerja skema` generates — which checks shapes only, no history — run in turn with
kinerja (A B A B …), the ratio being the median of each pair's: the machine's speed drifts, and a
pair shares its moment. Targets (issue 20): ≥ 2× faster than check-jsonschema on one period, ≥ 5×
on forty.

    .venv/bin/python bench/periksa.py [--ulang N] [--tahun N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from buatan import AKAR, arsip, bytecode, salin_contoh

BIN = Path(sys.executable).parent


def _detik(perintah: list[str], cwd: Path) -> float:
    mulai = time.perf_counter()
    hasil = subprocess.run(perintah, cwd=cwd, capture_output=True, check=False)
    waktu = time.perf_counter() - mulai
    if hasil.returncode not in (0, 1):
        raise SystemExit(f"{perintah[0]} gagal ({hasil.returncode}): {hasil.stderr.decode()}")
    return waktu


def median_detik(perintah: list[str], ulang: int, cwd: Path) -> float:
    return statistics.median(_detik(perintah, cwd) for _ in range(ulang))


def berpasangan(a: list[str], b: list[str], ulang: int, cwd: Path) -> tuple[float, float, float]:
    """A and B run in turn (A B A B …): their medians, and the median of B/A pair by pair — the
    figure to trust on a machine whose speed drifts from minute to minute."""
    pasangan = [(_detik(a, cwd), _detik(b, cwd)) for _ in range(ulang)]
    return (statistics.median(x for x, _ in pasangan), statistics.median(y for _, y in pasangan),
            statistics.median(y / x for x, y in pasangan))


def _id(angka: str) -> str:
    return angka.replace(".", ",")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--ulang", type=int, default=7, help="runs per measurement (median)")
    ap.add_argument("--tahun", type=int, default=10, help="years in the archive (4 periods each)")
    args = ap.parse_args()
    bytecode()
    kinerja = str(BIN / "kinerja")
    cjs = shutil.which("check-jsonschema", path=str(BIN))
    baris: list[tuple[str, float, float | None, float | None, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        git = salin_contoh(Path(tmp) / "contoh")
        # the same files outside Git: without riwayat.yml, which only history can prove
        polos = Path(tmp) / "contoh-polos"
        shutil.copytree(git, polos, ignore=shutil.ignore_patterns(".git", "riwayat.yml"))
        arsip_git = arsip(Path(tmp) / "arsip", args.tahun, disahkan=True)
        arsip_polos = Path(tmp) / "arsip-polos"
        shutil.copytree(arsip_git, arsip_polos, ignore=shutil.ignore_patterns(".git", "riwayat.yml"))
        satu = sorted((git / "periods/2026/tw3/formulir").glob("*.yml"))
        semua = sorted(arsip_git.glob("periods/*/*/formulir/*.yml"))
        skema = str(AKAR / "content/skema/formulir.json")
        n = len(semua) // 6
        ukur: list[tuple[str, list[str], list[Path], Path, str]] = [
            ("start-up: kinerja --version", [kinerja, "--version"], [], git, "–"),
            ("1 periode, repositori Git (3 periode disahkan)",
             [kinerja, "periksa", "periods/2026/tw3"], satu, git, "≥ 2×"),
            ("1 periode, berkas tanpa Git", [kinerja, "periksa", "periods/2026/tw3"], satu,
             polos, "≥ 2×"),
            (f"{n} periode, repositori Git (semua disahkan)", [kinerja, "periksa"], semua,
             arsip_git, "≥ 5×"),
            (f"{n} periode, berkas tanpa Git", [kinerja, "periksa"], semua, arsip_polos, "≥ 5×"),
        ]
        for nama, perintah, forms, cwd, target in ukur:
            if forms:
                hasil = subprocess.run(perintah, cwd=cwd, capture_output=True, text=True,
                                       check=False)
                # the measured run does the whole job: every period checked, nothing refused
                assert hasil.returncode == 0, hasil.stdout + hasil.stderr
                assert hasil.stdout.count("Kelengkapan ") == len(forms) // 6, hasil.stdout
            if forms and cjs:
                t, t_cjs, rasio = berpasangan(
                    perintah, [cjs, "--schemafile", skema, *map(str, forms)], args.ulang, cwd)
                baris.append((nama, t, t_cjs, rasio, target))
            else:
                baris.append((nama, median_detik(perintah, args.ulang, cwd), None, None, target))

    print(f"median dari {args.ulang} kali, detik (proses utuh, Python {sys.version.split()[0]}); "
          "kinerja dan check-jsonschema dijalankan bergantian, rasio: median per pasangan")
    print()
    print("| ukuran | kinerja periksa | check-jsonschema | kinerja lebih cepat | target |")
    print("|---|---:|---:|---:|---:|")
    for nama, t, t_cjs, rasio, target in baris:
        lawan = "–" if t_cjs is None else _id(f"{t_cjs:.3f}")
        kali = "–" if rasio is None else _id(f"{rasio:.1f}×")
        print(f"| {nama} | {_id(f'{t:.3f}')} | {lawan} | {kali} | {target} |")
    if not cjs:
        print("\ncheck-jsonschema tidak terpasang: pasang dengan pip install -e '.[dev]'")


if __name__ == "__main__":
    main()
