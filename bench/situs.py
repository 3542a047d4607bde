"""Benchmark: the public archive at scale — `kinerja situs`, `mkdocs build` and `zensical build`
timed separately, beside plain MkDocs Material builds of the same number of plain pages.

For each size (default 40 and 400 ratified periods: 10 and 100 years of four quarters) a
synthetic office is generated from the sample one, then:

* `kinerja situs` from an empty `content/arsip/` (what a fresh CI clone does);
* `mkdocs build --strict` of the generated site, and `zensical build --strict --clean` of the
  same site (Zensical, the maintained successor, when installed);
* two plain twins with the same number of pages, each generated page replaced by prose
  paragraphs of the same size:
  - "polos": a plain MkDocs Material site (`theme: material`, nothing else), whose default
    navigation lists every page on every page — what the issue compares against;
  - "polos, mkdocs.yml kita": the same prose under our own `mkdocs.yml` (small, pruned
    navigation), which isolates what our tables, charts and markup cost per page.

Median of --ulang runs (default 3), whole processes. Targets (issue 5): 400 periods in ≤ 20 s
(situs + build), per-page cost ≤ 1,2× the plain pages', and `kinerja situs` ≤ 10% of the total.

    .venv/bin/python bench/situs.py [--ulang N] [--periode 40 400]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from buatan import arsip, bytecode, salin_situs

BIN = Path(sys.executable).parent
KATA = ["pengukuran", "kinerja", "kecamatan", "realisasi", "target", "capaian", "indikator",
        "program", "anggaran", "seksi", "pemerintahan", "desa", "pelayanan", "masyarakat",
        "laporan", "triwulan", "sasaran", "strategis"]
POLOS_MKDOCS = "site_name: Polos\ndocs_dir: content\ntheme:\n  name: material\n"


def _ukur(perintah: list[str], cwd: Path, ulang: int, sebelum: Path | None = None) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    waktu = []
    for _ in range(ulang):
        if sebelum is not None:
            shutil.rmtree(sebelum, ignore_errors=True)
        mulai = time.perf_counter()
        hasil = subprocess.run(perintah, cwd=cwd, capture_output=True, text=True, env=env,
                               check=False)
        waktu.append(time.perf_counter() - mulai)
        if hasil.returncode != 0:
            raise SystemExit(f"{' '.join(perintah)} gagal: {(hasil.stdout + hasil.stderr)[-800:]}")
    return statistics.median(waktu)


def _situs_kantor(tujuan: Path, periode: int) -> Path:
    tujuan.mkdir()
    arsip(tujuan, periode // 4, disahkan=True)
    salin_situs(tujuan)
    return tujuan


def _kembaran_polos(asli: Path, tujuan: Path, *, konfigurasi_kita: bool) -> int:
    """Same pages at the same paths and sizes, as plain prose; our mkdocs.yml or Material's
    defaults."""
    acak = random.Random(2026)
    shutil.copytree(asli, tujuan, ignore=shutil.ignore_patterns("site", "periods"))
    if not konfigurasi_kita:
        (tujuan / "mkdocs.yml").write_text(POLOS_MKDOCS, encoding="utf-8")
        (tujuan / "content" / "index.md").write_text("# Polos\n", encoding="utf-8")
    n = 0
    for md in (tujuan / "content" / "arsip").rglob("*.md"):
        ukuran = md.stat().st_size
        baris = [f"# Halaman {n}", ""]
        panjang = 0
        while panjang < ukuran:
            if len(baris) % 12 == 0:
                baris += [f"## Bagian {len(baris)}", ""]
            alinea = " ".join(acak.choice(KATA) for _ in range(60)).capitalize() + "."
            baris += [alinea, ""]
            panjang += len(alinea) + 2
        md.write_text("\n".join(baris), encoding="utf-8")
        n += 1
    for berkas in (tujuan / "content" / "arsip").rglob("*"):
        if berkas.is_file() and berkas.suffix not in (".md", ".yml"):  # _situs.yml is INHERITed
            berkas.unlink()
    return n


def _id(x: float, f: str = ".2f") -> str:
    return format(x, f).replace(".", ",")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--ulang", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--periode", type=int, nargs="+", default=[40, 400],
                    help="archive sizes, in ratified periods (multiples of 4)")
    args = ap.parse_args()
    bytecode()
    kinerja, mkdocs = str(BIN / "kinerja"), str(BIN / "mkdocs")
    hasil = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.periode:
            akar = _situs_kantor(Path(tmp) / f"kantor-{n}", n)
            t_situs = _ukur([kinerja, "situs"], akar, args.ulang, akar / "content" / "arsip")
            t_build = _ukur([mkdocs, "build", "--strict", "--quiet"], akar, args.ulang)
            halaman = sum(1 for _ in (akar / "site").rglob("*.html"))
            zensical = BIN / "zensical"
            t_zen = _ukur([str(zensical), "build", "--strict", "--clean"], akar, args.ulang) \
                if zensical.is_file() else float("nan")
            per_polos = []
            for kita in (False, True):
                polos = Path(tmp) / f"polos-{n}-{kita}"
                _kembaran_polos(akar, polos, konfigurasi_kita=kita)
                t = _ukur([mkdocs, "build", "--quiet"], polos, args.ulang)
                per_polos.append(t / sum(1 for _ in (polos / "site").rglob("*.html")) * 1000)
                shutil.rmtree(polos)
            hasil.append((n, halaman, t_situs, t_build, t_zen, *per_polos))
            shutil.rmtree(akar)

    print(f"median dari {args.ulang} kali, detik (proses utuh, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} inti); ms per halaman = mkdocs build ÷ halaman HTML")
    print()
    print("| periode | halaman | kinerja situs | mkdocs build | total (≤ 20 untuk 400) | "
          "situs / total (≤ 10%) | ms per halaman | polos, ms | rasio (≤ 1,2) | "
          "polos dengan mkdocs.yml kita, ms | rasio | zensical build | zensical / mkdocs |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, halaman, t_situs, t_build, t_zen, polos, polos_kita in hasil:
        total = t_situs + t_build
        per = t_build / halaman * 1000
        print(f"| {n} | {halaman} | {_id(t_situs)} | {_id(t_build)} | {_id(total)} | "
              f"{_id(t_situs / total * 100, '.1f')}% | {_id(per, '.1f')} | {_id(polos, '.1f')} | "
              f"{_id(per / polos, '.2f')}× | {_id(polos_kita, '.1f')} | "
              f"{_id(per / polos_kita, '.2f')}× | {_id(t_zen)} | {_id(t_zen / t_build, '.2f')}× |")


if __name__ == "__main__":
    main()
