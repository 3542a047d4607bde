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
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
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


def arsip(tujuan: Path, tahun: int = 10) -> Path:
    """The sample office with its 2026 year copied back over ``tahun`` years: 4 periods each."""
    shutil.copy2(AKAR / "kinerja.yml", tujuan / "kinerja.yml")
    shutil.copytree(AKAR / "content" / "skema", tujuan / "content" / "skema")
    sumber = AKAR / "periods" / "2026"
    for t in range(2026 - tahun + 1, 2027):
        folder = tujuan / "periods" / str(t)
        folder.mkdir(parents=True)
        pk = (sumber / "perjanjian-kinerja.yml").read_text(encoding="utf-8")
        (folder / "perjanjian-kinerja.yml").write_text(
            pk.replace("tahun: 2026", f"tahun: {t}").replace("tanggal: 2026-", f"tanggal: {t}-"),
            encoding="utf-8")
        for tw in ("tw1", "tw2", "tw3", "tw4"):
            (folder / tw / "formulir").mkdir(parents=True)
            (folder / tw / "bukti").mkdir()
            for b in (sumber / tw).glob("bukti/*"):
                shutil.copy2(b, folder / tw / "bukti" / b.name)
            periode = (sumber / tw / "periode.yml").read_text(encoding="utf-8")
            (folder / tw / "periode.yml").write_text(
                periode.replace("tahun: 2026", f"tahun: {t}"), encoding="utf-8")
            for f in (sumber / tw / "formulir").glob("*.yml"):
                teks = f.read_text(encoding="utf-8")
                teks = re.sub(r"periode: 2026-", f"periode: {t}-", teks)
                (folder / tw / "formulir" / f.name).write_text(teks, encoding="utf-8")
    return tujuan


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
