"""Benchmark: whole-process `kinerja periksa` against check-jsonschema on the same forms.

Prints a table of medians (of --ulang runs, default 7) for: start-up (`kinerja --version`),
one period of the sample office, and a generated archive of 40 periods (10 years × 4
quarters), each beside check-jsonschema validating the same forms with the schema that
`kinerja skema` generates. Targets (issue 2): one period ≤ 0,3 s, 40 periods ≤ 1 s, start-up
≤ 150 ms, and faster than check-jsonschema.

    .venv/bin/python bench/periksa.py [--ulang N]
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

from buatan import AKAR, arsip

BIN = Path(sys.executable).parent


def median_detik(perintah: list[str], ulang: int, cwd: Path) -> float:
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        hasil = subprocess.run(perintah, cwd=cwd, capture_output=True, check=False)
        waktu.append(time.perf_counter() - mulai)
        if hasil.returncode not in (0, 1):
            raise SystemExit(f"{perintah[0]} gagal ({hasil.returncode}): {hasil.stderr.decode()}")
    return statistics.median(waktu)


def _id(angka: str) -> str:
    return angka.replace(".", ",")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--ulang", type=int, default=7, help="runs per measurement (median)")
    args = ap.parse_args()
    kinerja = str(BIN / "kinerja")
    cjs = shutil.which("check-jsonschema", path=str(BIN))
    baris: list[tuple[str, float, float | None, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        a = arsip(Path(tmp))
        satu = sorted((AKAR / "periods/2026/tw3/formulir").glob("*.yml"))
        semua = sorted(a.glob("periods/*/*/formulir/*.yml"))
        skema = str(AKAR / "content/skema/formulir.json")
        ukur = [
            ("start-up: kinerja --version", [kinerja, "--version"], None, AKAR, "≤ 0,150"),
            ("1 periode (6 formulir)", [kinerja, "periksa", "periods/2026/tw3"],
             satu, AKAR, "≤ 0,3"),
            (f"40 periode ({len(semua)} formulir)", [kinerja, "periksa"], semua, a, "≤ 1,0"),
        ]
        for nama, perintah, forms, cwd, target in ukur:
            t = median_detik(perintah, args.ulang, cwd)
            if forms:
                keluaran = subprocess.run(perintah, cwd=cwd, capture_output=True, text=True,
                                          check=False).stdout
                assert keluaran.count("Kelengkapan ") == len(forms) // 6, keluaran
            t_cjs = None
            if forms and cjs:
                t_cjs = median_detik([cjs, "--schemafile", skema, *map(str, forms)],
                                     args.ulang, cwd)
            baris.append((nama, t, t_cjs, target))

    print(f"median dari {args.ulang} kali, detik (proses utuh, Python {sys.version.split()[0]})")
    print()
    print("| ukuran | kinerja periksa | target | check-jsonschema | kinerja lebih cepat |")
    print("|---|---:|---:|---:|---:|")
    for nama, t, t_cjs, target in baris:
        lawan = "–" if t_cjs is None else _id(f"{t_cjs:.3f}")
        rasio = "–" if t_cjs is None else _id(f"{t_cjs / t:.1f}×")
        print(f"| {nama} | {_id(f'{t:.3f}')} | {target} | {lawan} | {rasio} |")
    if not cjs:
        print("\ncheck-jsonschema tidak terpasang: pasang dengan pip install -e '.[dev]'")


if __name__ == "__main__":
    main()
