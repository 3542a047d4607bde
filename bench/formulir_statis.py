"""Benchmark: the form page on the archive site (GitHub), as a section head meets it in
headless Chromium — the first load (bytes the page loads, with and without the gzip a static
host adds; seconds from opening the link to the form drawn and checked, with an empty cache and
again with the browser's cache), and the check after each edit (kinerja in Pyodide, in the page's
Web Worker), beside the same check by «kinerja layani» on the office network.

The sample office's Secretariat form in TW IV, the site built by «kinerja situs --bangun» and
served on loopback, GitHub's contents API answered by the loopback fake of the test suite;
the token is pasted the moment the page asks for it (the page is measured, not the person).

    .venv/bin/python bench/formulir_statis.py [--ulang N]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

from buatan import AKAR, bytecode, salin_contoh

sys.path.insert(0, str(AKAR / "tests"))

BIN = Path(sys.executable).parent
CABANG = "periode/2026-tw4"
DEWI = ("dewi-kartika", "Dewi Kartika, A.Md. (contoh)", "staf1@contoh.go.id")
UBAH = [{"daftar": "isian", "kode": "IK-1.4", "bidang": "realisasi", "nilai": "85,5"}]


class _Situs(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
        ".json": "application/json", ".zip": "application/zip", ".html": "text/html",
        ".css": "text/css", "": "application/octet-stream"}

    # what the site served, as (path, bytes): the page's own files and its worker's alike
    dikirim: ClassVar[list[tuple[str, int]]] = []

    def send_head(self) -> Any:
        f = super().send_head()
        if f is not None and hasattr(f, "fileno"):
            self.dikirim.append((self.path, os.fstat(f.fileno()).st_size))
        return f

    def log_message(self, *_: Any) -> None:
        pass


def _id(x: float, f: str = ".2f") -> str:
    return format(x, f).replace(".", ",")


def _mb(n: int) -> str:
    return _id(n / 1_000_000, ".1f")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--ulang", type=int, default=5, help="runs per measurement (median)")
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("Chromium tidak terpasang (apt-get install chromium)")
    bytecode()
    from playwright.sync_api import sync_playwright

    import github_isi

    with tempfile.TemporaryDirectory() as tmp:
        akar = salin_contoh(Path(tmp) / "contoh", situs=True)
        server = Path(tmp) / "server.git"
        subprocess.run(["git", "clone", "-q", "--bare", str(akar), str(server)], check=True)
        subprocess.run(["git", "-C", str(server), "branch", CABANG, "main"], check=True)
        jalan = github_isi.jalankan(server, {}, {"tok": DEWI})
        palsu = next(jalan)
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
               "GITHUB_REPOSITORY": "kecamatan-contoh/kinerja", "GITHUB_API_URL": palsu.alamat}
        subprocess.run([str(BIN / "kinerja"), "situs", "--bangun"], cwd=akar, env=env,
                       check=True, capture_output=True)
        situs = ThreadingHTTPServer(("127.0.0.1", 0),
                                    functools.partial(_Situs, directory=str(akar / "site")))
        threading.Thread(target=situs.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{situs.server_address[1]}/formulir/#2026-tw4/sekretariat"
        dimuat: dict[str, int] = {}
        t_dingin: list[float] = []
        t_hangat: list[float] = []
        t_cek: list[float] = []
        try:
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
                for i in range(args.ulang):
                    k = b.new_context()  # an empty cache: the first visit
                    h = k.new_page()
                    for waktu in (t_dingin, t_hangat):
                        if i == 0 and waktu is t_dingin:
                            _Situs.dikirim.clear()
                        h.goto(url if waktu is t_dingin else "about:blank")
                        if waktu is t_hangat:
                            h.goto(url)
                        # the token pasted as soon as the page asks (Python loads meanwhile)
                        h.get_by_label("Token GitHub").fill("tok")
                        h.get_by_role("button", name="Masuk").click()
                        h.locator("#ringkas").filter(has_text="Kelengkapan").wait_for(
                            timeout=120_000)
                        waktu.append(h.evaluate("performance.now()") / 1000)
                        if i == 0 and waktu is t_dingin:
                            dimuat.update(_Situs.dikirim)
                    for _ in range(3):
                        t_cek.append(h.evaluate(
                            """async (ubah) => { const t = performance.now();
                                 const h = await window.KinerjaSambungan.periksa(
                                   '2026-tw4', 'sekretariat', {ubah: ubah});
                                 if (h.status !== 200) throw new Error(h.pesan);
                                 return (performance.now() - t) / 1000; }""", UBAH))
                    k.close()
                b.close()
        finally:
            situs.shutdown()
            situs.server_close()
            next(jalan, None)
        folder = akar / "site" / "formulir"
        ukuran = dict(dimuat)
        mentah = sum(ukuran.values())
        mampat = sum(len(gzip.compress(p.read_bytes(), 6)) for p in folder.rglob("*")
                     if p.is_file() and any(u.split("?")[0].endswith("/" + p.name) or
                                            (p.name == "index.html" and u.split("?")[0]
                                             .endswith("/formulir/")) for u in ukuran))
        pyodide = sum(n for u, n in ukuran.items() if "/pyodide-" in u)
        paket = sum(n for u, n in ukuran.items() if "/kinerja-" in u)
    print(f"median dari {args.ulang} kali (Chromium tanpa kepala, situs dan tiruan GitHub di "
          "loopback)")
    print()
    print("| ukuran | nilai |")
    print("|---|---:|")
    print(f"| muatan pertama dari situs (MB, tanpa kompresi / gzip) | {_mb(mentah)} / "
          f"{_mb(mampat)} |")
    print(f"| — Pyodide (MB) / paket kinerja + PyYAML (MB) | {_mb(pyodide)} / {_mb(paket)} |")
    print(f"| membuka tautan sampai formulir tergambar dan diperiksa, tembolok kosong (s) | "
          f"{_id(statistics.median(t_dingin))} |")
    print(f"| — sama, dengan tembolok peramban (s) | {_id(statistics.median(t_hangat))} |")
    print(f"| pemeriksaan setelah satu isian diubah, di peramban (s) | "
          f"{_id(statistics.median(t_cek), '.3f')} |")


if __name__ == "__main__":
    main()
