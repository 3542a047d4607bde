"""Benchmark: whole-process `kinerja laporan` beside the bare pandoc → Typst pipeline and, where
installed, pandoc's WeasyPrint and XeLaTeX engines on the same Markdown; and the sample year's
LKjIP (`kinerja lkjip 2026 --draf`) beside the bare pipeline on its Markdown (target ≤ 1,5×).

Two periods: the sample office's TW III (16 indicators) and a generated period of 60
indicators. Median of --ulang runs (default 5). Targets (issue 3): ≤ 0,4 s for the sample
period, ≤ 1,5× the bare pipeline, ≥ 5× faster than WeasyPrint and XeLaTeX. Nothing heavy is
installed by this script; absent engines are named in the output.

    .venv/bin/python bench/laporan.py [--ulang N]
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

from buatan import bytecode, kantor_besar, salin_contoh

BIN = Path(sys.executable).parent

TELANJANG = """
import subprocess, sys, typst
from pathlib import Path
from kinerja.dokumen.render import FORMAT_MASUK, pandoc, templat
md, folder = Path(sys.argv[1]), Path(sys.argv[2])
nama = sys.argv[3] if len(sys.argv) > 3 else "laporan"
typ = subprocess.run([pandoc(), "-f", FORMAT_MASUK, "-t", "typst", "--template",
                      str(templat(nama)), str(md)], capture_output=True, text=True,
                     check=True).stdout
(folder / "telanjang.typ").write_text(typ)
(folder / "telanjang.pdf").write_bytes(
    typst.compile(str(folder / "telanjang.typ"), root=str(folder), ignore_system_fonts=True))
"""


def median_detik(perintah: list[str], ulang: int, cwd: Path) -> float:
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        hasil = subprocess.run(perintah, cwd=cwd, capture_output=True, check=False)
        waktu.append(time.perf_counter() - mulai)
        if hasil.returncode != 0:
            raise GagalUkur(f"{Path(perintah[0]).name} gagal: "
                            f"{hasil.stderr.decode(errors='replace').strip()[-300:]}")
    return statistics.median(waktu)


class GagalUkur(Exception):
    pass


def _id(angka: str) -> str:
    return angka.replace(".", ",")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--ulang", type=int, default=5, help="runs per measurement (median)")
    args = ap.parse_args()
    bytecode()
    kinerja = str(BIN / "kinerja")
    from kinerja.dokumen.render import pandoc

    pd = pandoc()
    mesin = {"weasyprint": shutil.which("weasyprint") or shutil.which("weasyprint", path=str(BIN)),
             "xelatex": shutil.which("xelatex")}
    hasil = []
    with tempfile.TemporaryDirectory() as tmp:
        contoh = salin_contoh(Path(tmp) / "contoh")
        besar = Path(tmp) / "besar"
        besar.mkdir()
        kantor_besar(besar)
        for nama, akar, periode, target in (("contoh TW III (16 indikator)", contoh, "2026-tw3",
                                             "≤ 0,4"),
                                            ("60 indikator", besar, "2026-tw1", "–")):
            t = median_detik([kinerja, "laporan", periode], args.ulang, akar)
            folder = akar / "build" / periode
            md = folder / "laporan.md"
            t_bare = median_detik([sys.executable, "-c", TELANJANG, str(md), str(folder)],
                                  args.ulang, folder)
            lain: dict[str, float | str | None] = {}
            # LaTeX cannot include SVG without Inkscape: give it the same chart as PDF
            # (converted once, outside the timing) in an otherwise identical Markdown.
            md_tex = folder / "laporan-tex.md"
            rsvg = shutil.which("rsvg-convert")
            if rsvg:
                subprocess.run([rsvg, "-f", "pdf", "-o", str(folder / "grafik-capaian.pdf"),
                                str(folder / "grafik-capaian.svg")], check=True)
            md_tex.write_text(md.read_text().replace("grafik-capaian.svg", "grafik-capaian.pdf"))
            for m, program in mesin.items():
                if not program:
                    lain[m] = None
                    continue
                sumber = md_tex if m == "xelatex" else md
                try:
                    lain[m] = median_detik([pd, str(sumber), "-f", "markdown",
                                            f"--pdf-engine={program}", "-o",
                                            str(folder / f"{m}.pdf")], args.ulang, folder)
                except GagalUkur as e:
                    lain[m] = str(e)
            hasil.append((nama, t, target, t_bare, lain))
        # The sample year's LKjIP: its yearly period made first (outside the timing).
        subprocess.run([kinerja, "periode", "baru", "2026", "tahunan", "--mulai", "2027-01-05"],
                       cwd=contoh, check=True, capture_output=True)
        t_lkjip = median_detik([kinerja, "lkjip", "2026", "--draf"], args.ulang, contoh)
        folder = contoh / "build" / "2026"
        t_lkjip_bare = median_detik([sys.executable, "-c", TELANJANG,
                                     str(folder / "lkjip-2026-draf.md"), str(folder), "dokumen"],
                                    args.ulang, folder)

    print(f"median dari {args.ulang} kali, detik (proses utuh, Python {sys.version.split()[0]})")
    print()
    print("| periode | kinerja laporan | target | pandoc→Typst telanjang | rasio (≤ 1,5) "
          "| WeasyPrint | XeLaTeX |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for nama, t, target, t_bare, lain in hasil:
        kolom = []
        for m in ("weasyprint", "xelatex"):
            v = lain[m]
            if v is None:
                kolom.append("tidak terpasang")
            elif isinstance(v, str):
                kolom.append(v.replace("|", "/").replace("\n", " "))
            else:
                kolom.append(f"{_id(f'{v:.3f}')} ({_id(f'{v / t:.1f}')}× lebih lambat)")
        print(f"| {nama} | {_id(f'{t:.3f}')} | {target} | {_id(f'{t_bare:.3f}')} | "
              f"{_id(f'{t / t_bare:.2f}')}× | {' | '.join(kolom)} |")
    print()
    print("| dokumen | kinerja | pandoc→Typst telanjang | rasio (≤ 1,5) |")
    print("|---|---:|---:|---:|")
    print(f"| LKjIP 2026 contoh (draf) | {_id(f'{t_lkjip:.3f}')} | {_id(f'{t_lkjip_bare:.3f}')} | "
          f"{_id(f'{t_lkjip / t_lkjip_bare:.2f}')}× |")
    absen = [m for m, ada in mesin.items() if not ada]
    if absen:
        print(f"\nmesin tidak terpasang (tidak dipasang oleh bench ini): {', '.join(absen)}")


if __name__ == "__main__":
    main()
