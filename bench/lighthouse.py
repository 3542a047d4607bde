"""Benchmark: the public archive as a phone sees it — Lighthouse (npm, pinned in
tests/package.json) against Debian's Chromium, mobile emulation with Lighthouse's default
simulated slow 4G and 4× slower CPU.

The sample office's archive is built (with --pembangun, default both builders) and served on
loopback as a static host serves it: text compressed with gzip when the browser asks, as GitHub
Pages does. For the home page, the year page, a period page and an indicator page: the four
scores (performance, accessibility, best practices, SEO), first and largest contentful paint,
total blocking time, and the page weight (bytes transferred, and how many requests) — median of
--ulang runs. Targets (issue 25): ≥ 95 in all four on the home page and a period page.

    .venv/bin/python bench/lighthouse.py [--ulang N] [--pembangun zensical mkdocs] [--halaman /]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from buatan import AKAR, salin_contoh

BIN = Path(sys.executable).parent
LIGHTHOUSE = AKAR / "tests" / "node_modules" / "lighthouse" / "cli" / "index.js"
HALAMAN = {"/": "beranda", "/arsip/2026/": "tahun", "/arsip/2026/tw3/": "periode",
           "/arsip/indikator/ik-4-2/": "indikator"}
KATEGORI = ("performance", "accessibility", "best-practices", "seo")
TEKS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _Polos(SimpleHTTPRequestHandler):
    def log_message(self, *_: Any) -> None:
        pass


class _Gzip(SimpleHTTPRequestHandler):
    """A static host: text compressed on the way (gzip), everything else as it is."""

    def log_message(self, *_: Any) -> None:
        pass

    def send_head(self) -> Any:  # type: ignore[override]
        jalan = Path(self.translate_path(self.path))
        if jalan.is_dir():
            jalan = jalan / "index.html"
        if (jalan.suffix not in TEKS or not jalan.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        isi = gzip.compress(jalan.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(jalan)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(isi)))
        self.end_headers()
        return io.BytesIO(isi)


def _lighthouse(alamat: str, chromium: str) -> dict[str, float]:
    hasil = subprocess.run(
        ["node", str(LIGHTHOUSE), alamat, "--output=json", "--quiet", "--locale=id",
         "--chrome-flags=--headless --no-sandbox --disable-gpu"],
        capture_output=True, text=True, check=False, env={"CHROME_PATH": chromium,
                                                          "PATH": "/usr/bin:/bin"})
    if hasil.returncode != 0:
        raise SystemExit(f"lighthouse gagal: {hasil.stderr[-1500:]}")
    lh = json.loads(hasil.stdout)
    if lh.get("runtimeError"):
        raise SystemExit(f"lighthouse: {lh['runtimeError']}")
    audit = lh["audits"]
    permintaan = audit["network-requests"]["details"]["items"]
    nilai = {k: round(100 * (lh["categories"][k]["score"] or 0)) for k in KATEGORI}
    return {**nilai,
            "fcp": audit["first-contentful-paint"]["numericValue"] / 1000,
            "lcp": audit["largest-contentful-paint"]["numericValue"] / 1000,
            "tbt": audit["total-blocking-time"]["numericValue"],
            "kib": audit["total-byte-weight"]["numericValue"] / 1024,
            "n": len(permintaan)}


def _id(x: float, f: str) -> str:
    return format(x, f).replace(".", ",")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--ulang", type=int, default=3, help="runs per page (median)")
    ap.add_argument("--pembangun", nargs="+", default=["zensical", "mkdocs"])
    ap.add_argument("--halaman", nargs="+", default=list(HALAMAN))
    ap.add_argument("--tanpa-gzip", action="store_true",
                    help="serve files as they are (a web server without compression)")
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None or not LIGHTHOUSE.is_file():
        raise SystemExit("perlu Chromium (apt-get install chromium) dan Lighthouse "
                         "(jalankan «make test» sekali: npm ci di tests/)")
    baris = []
    with tempfile.TemporaryDirectory() as tmp:
        for pembangun in args.pembangun:
            akar = salin_contoh(Path(tmp) / pembangun, situs=True)
            subprocess.run([str(BIN / "kinerja"), "situs", "--pdf", "--bangun", "--pembangun",
                            pembangun], cwd=akar, check=True, capture_output=True)
            server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
                _Polos if args.tanpa_gzip else _Gzip, directory=str(akar / "site")))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            try:
                for jalan in args.halaman:
                    ukur = [_lighthouse(f"http://127.0.0.1:{server.server_address[1]}{jalan}",
                                        chromium) for _ in range(args.ulang)]
                    baris.append((pembangun, HALAMAN.get(jalan, jalan),
                                  {k: statistics.median(u[k] for u in ukur) for k in ukur[0]}))
            finally:
                server.shutdown()
                server.server_close()
    print(f"Lighthouse 12, seluler (simulasi 4G lambat, CPU 4×), median dari {args.ulang} kali; "
          + ("berkas dikirim apa adanya" if args.tanpa_gzip else "teks dikompresi gzip"))
    print()
    print("| pembangun | halaman | kinerja | aksesibilitas | praktik terbaik | SEO | FCP (s) "
          "| LCP (s) | TBT (ms) | berat (KiB, gzip) | permintaan |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for pembangun, nama, m in baris:
        print(f"| {pembangun} | {nama} | {m['performance']:.0f} | {m['accessibility']:.0f} | "
              f"{m['best-practices']:.0f} | {m['seo']:.0f} | {_id(m['fcp'], '.2f')} | "
              f"{_id(m['lcp'], '.2f')} | {m['tbt']:.0f} | {_id(m['kib'], '.0f')} | "
              f"{m['n']:.0f} |")


if __name__ == "__main__":
    main()
