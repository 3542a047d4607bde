"""Benchmark: how the checker's cost grows with hostile input — a field of thousands of spaces,
a 16 000-character «word», a run of separators — measured, not asserted (issue 21).

Each row times, in one process, either the parse that reads that kind of text or the whole
`periksa` of a small office whose file carries it, at sizes n and 4n and 16n (median of --ulang
runs). A linear cost grows about 4× per step; a quadratic one 16×, a cubic one 64×. The PK's
range pattern that this replaced grew 64× per doubling… of four (cubic): 4 000 characters took
40 s.

    .venv/bin/python bench/masukan.py [--ulang N] [--n 1000]
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from kinerja.baca import pk
from kinerja.baca.bukti import tautan_valid
from kinerja.baca.jenis import baca_target
from kinerja.baca.teks import susun
from kinerja.dokumen.lkjip import _judul
from kinerja.inti import lolos
from kinerja.inti.angka import baca_angka
from kinerja.layanan.pemeriksaan import periksa

DASAR = Path(__file__).resolve().parent.parent / "tests/cases/_dasar"
FORM = "periods/2026/tw1/formulir/pemerintahan.yml"
PK = "periods/2026/perjanjian-kinerja.yml"


def _aman(f: Callable[[str], object]) -> Callable[[str], None]:
    def jalan(teks: str) -> None:
        with contextlib.suppress(Exception):  # refusing is an answer too: its time is measured
            f(teks)
    return jalan


POLA: list[tuple[str, Callable[[int], str], Callable[[str], None]]] = [
    ("target PK «1 ␣…␣ - ␣…␣ x»", lambda n: "1" + " " * n + "-" + " " * n + "x",
     _aman(baca_target)),
    ("target PK «1----…»", lambda n: "1" + "-" * n, _aman(baca_target)),
    ("angka «␣…␣1,5␣…␣»", lambda n: " " * n + "1,5" + " " * n, _aman(baca_angka)),
    ("angka «1.1.1.…»", lambda n: "1." * n + "1", _aman(baca_angka)),
    ("tautan «https://a/a/…»", lambda n: "https://" + "a/" * n, _aman(tautan_valid)),
    ("judul LKjIP «#␣…␣x»", lambda n: "#" + " " * n + "x", _aman(_judul)),
    ("teks laporan «kata panjang»", lambda n: "A" * n, _aman(lolos.pandoc)),
    ("teks laporan «\\n␣…»", lambda n: "\n " * n + "x", _aman(lolos.pandoc)),
    ("YAML «[[[…»", lambda n: "a: " + "[" * n, _aman(lambda t: susun(t, "x.yml"))),
]

BERKAS: list[tuple[str, str, str, Callable[[int], str]]] = [
    ("periksa: penjelasan satu kata", FORM, "    penjelasan: Pembinaan rutin ke desa.",
     lambda n: "    penjelasan: " + "A" * n),
    ("periksa: realisasi berspasi", FORM, "    realisasi: 12", lambda n: "    realisasi: \"" +
     " " * n + "12\""),
    ("periksa: target PK berspasi", PK, "        target: 40",
     lambda n: "        target: \"1" + " " * n + "-" + " " * n + "x\""),
]


def _median(f: Callable[[], object], ulang: int) -> float:
    waktu = []
    for _ in range(ulang):
        # A command reads each file once: its parse caches start empty, as in a new process.
        for cache in (pk._pk, pk._renaksi):
            cache.cache_clear()
        mulai = time.perf_counter()
        f()
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu)


def _id(x: float) -> str:
    return f"{x * 1000:.2f}".replace(".", ",")


def main() -> None:
    argumen = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumen.add_argument("--ulang", type=int, default=5)
    argumen.add_argument("--n", type=int, default=1000)
    a = argumen.parse_args()
    ukuran = (a.n, 4 * a.n, 16 * a.n)
    print(f"| Masukan | {' | '.join(f'n = {n:,}'.replace(',', '.') + ' (ms)' for n in ukuran)}"
          " | ×4n | ×16n |")
    print("|---|" + "---:|" * (len(ukuran) + 2))

    def baris(nama: str, t: list[float]) -> None:
        kali = [f"{x / t[0]:.1f}×".replace(".", ",") for x in t[1:]]
        print(f"| {nama} | {' | '.join(_id(x) for x in t)} | {' | '.join(kali)} |")

    for nama, buat, f in POLA:
        baris(nama, [_median(partial(f, buat(n)), a.ulang) for n in ukuran])
    with tempfile.TemporaryDirectory() as tmp:
        for nama, rel, asli, ganti in BERKAS:
            hasil: list[float] = []
            for n in ukuran:
                akar = Path(tmp) / f"{len(hasil)}-{nama[:8]}"
                shutil.rmtree(akar, ignore_errors=True)
                shutil.copytree(DASAR, akar)
                path = akar / rel
                teks = path.read_text()
                assert asli in teks, (rel, asli)
                path.write_text(teks.replace(asli, ganti(n), 1))
                hasil.append(_median(partial(periksa, akar), a.ulang))
            baris(nama, hasil)


if __name__ == "__main__":
    main()
