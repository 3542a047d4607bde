"""Benchmark: the form page of `kinerja layani` as a section head meets it — the first load
(bytes and seconds: the page, its script and style, the list of forms, the form's description)
and the check after each edit (values written into a copy, `kinerja periksa` on it), beside the
same check run as a command (`kinerja periksa FORM`, what a person would run by hand).

The real server on loopback, the sample office's Secretariat form in TW IV; median of --ulang
runs of each call.

    .venv/bin/python bench/formulir.py [--ulang N]
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from buatan import bytecode, salin_contoh

BIN = Path(sys.executable).parent
FORM = "periods/2026/tw4/formulir/sekretariat.yml"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _minta(url: str, isi: dict[str, object] | None = None) -> bytes:
    data = None if isi is None else json.dumps(isi).encode()
    asal = "/".join(url.split("/")[:3])  # http://host:port, as the page's own requests
    req = urllib.request.Request(url, data=data, headers={
        "Content-Type": "application/json", "Origin": asal})
    with urllib.request.urlopen(req, timeout=30) as r:
        return bytes(r.read())


def _median(fungsi: object, ulang: int) -> float:
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()  # type: ignore[operator]
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu)


def _ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _id(x: float, f: str = ".3f") -> str:
    return format(x, f).replace(".", ",")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--ulang", type=int, default=9, help="runs per measurement (median)")
    args = ap.parse_args()
    bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        akar = salin_contoh(Path(tmp) / "contoh")
        port = _port()
        proses = subprocess.Popen([str(BIN / "kinerja"), "layani", "--port", str(port)],
                                  cwd=akar, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True)
        assert proses.stdout is not None
        url = ""
        for baris in proses.stdout:
            if m := re.match(r"Dewi Kartika.*: (http://\S+)$", baris.strip()):
                url = m[1]
            if baris.startswith("Halaman formulir dilayani"):
                break
        try:
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=1):
                        break
                except ConnectionRefusedError:
                    time.sleep(0.05)
            dasar, token = url.split("/isi/")
            api = f"{dasar}/api/{token}"
            bagian = {"halaman": url, "skrip": f"{dasar}/aset/formulir.js",
                      "gaya": f"{dasar}/aset/formulir.css", "daftar": f"{api}/daftar",
                      "formulir": f"{api}/formulir/2026-tw4/sekretariat"}
            ukuran = {k: len(_minta(u)) for k, u in bagian.items()}

            def muat() -> None:
                for u in bagian.values():
                    _minta(u)

            t_muat = _median(muat, args.ulang)
            ubah = {"ubah": [{"daftar": "isian", "kode": "IK-1.4", "bidang": "realisasi",
                              "nilai": "85,5"}]}
            t_cek = _median(lambda: _minta(f"{api}/periksa/2026-tw4/sekretariat", ubah),
                            args.ulang)
            t_cli = _median(lambda: subprocess.run([str(BIN / "kinerja"), "periksa", FORM],
                                                   cwd=akar, capture_output=True, check=False),
                            args.ulang)
        finally:
            proses.terminate()
            proses.wait(timeout=10)
            proses.stdout.close()
    print(f"median dari {args.ulang} kali, detik (server nyata di loopback, Python "
          f"{sys.version.split()[0]})")
    print()
    print("| ukuran | nilai |")
    print("|---|---:|")
    print(f"| muatan pertama: halaman, skrip, gaya, daftar, formulir (byte, tanpa kompresi) | "
          f"{_ribuan(sum(ukuran.values()))} |")
    for k, v in ukuran.items():
        print(f"| — {k} (byte) | {_ribuan(v)} |")
    print(f"| muatan pertama (5 permintaan berurutan, s) | {_id(t_muat)} |")
    print(f"| pemeriksaan setelah satu isian diubah (s) | {_id(t_cek)} |")
    print(f"| `kinerja periksa` berkas itu sebagai perintah (s) | {_id(t_cli)} |")


if __name__ == "__main__":
    main()
