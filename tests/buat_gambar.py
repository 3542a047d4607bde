"""Redraw the guide's screenshots (run by `make gambar`, after `make situs`): a form as the web
editor shows a file, the archive page of a period, and the first page of its report. Everything
pictured is rendered here, from this repository.

The guide is published on every office's own site, so the pictures show an invented office
(«Kecamatan Contoh», people «Nama Pegawai 1…») rather than the sample office: its name and
people are replaced in its files before its history is made, and the tools then render it as
they would any office's."""

from __future__ import annotations

import functools
import html
import re
import shutil
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
GAMBAR = AKAR / "content" / "gambar"
BENDERA = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def formulir_html(path: Path) -> str:
    baris = samarkan(path.read_text(encoding="utf-8"), {}).splitlines()[15:44]
    isi = "\n".join(
        f'<span class="n">{n:>3}</span>  '
        + (f'<span class="c">{html.escape(b)}</span>' if b.lstrip().startswith("#")
           else html.escape(b))
        for n, b in enumerate(baris, 16))
    return ("<!doctype html><meta charset=utf-8><style>body{margin:0;background:#fff}"
            "pre{font:14px/1.5 'DejaVu Sans Mono',monospace;padding:16px;margin:0}"
            ".n{color:#8c959f}.c{color:#6e7781}</style><pre>" + isi + "</pre>")


def samarkan(teks: str, nama: dict[str, str]) -> str:
    """The sample office's place names and people, replaced by invented ones."""
    teks = re.sub(r"(?<=nama: )(.+ \(contoh\))$",
                  lambda m: nama.setdefault(m[1], f"Nama Pegawai {len(nama) + 1}"), teks,
                  flags=re.MULTILINE)
    for lama, baru in nama.items():
        teks = teks.replace(lama, baru)
    return re.sub("pejawaran|banjarnegara", lambda m: "contoh" if m[0].islower() else "Contoh",
                  teks, flags=re.IGNORECASE)


def kantor_rekaan() -> Path:
    """The sample office under the invented name, with its archive and PDFs. Its history is made
    anew from the renamed files by kinerja's own decisions (``bench/sejarah.py``): a record
    renamed after the fact would no longer be what the history proves, and is refused."""
    import sys
    import tempfile

    sys.path.insert(0, str(AKAR / "bench"))
    from buatan import salin_situs
    from sejarah import bangun

    tujuan = AKAR / "build" / "gambar"
    shutil.rmtree(tujuan, ignore_errors=True)
    sumber = Path(tempfile.mkdtemp(prefix="kinerja-gambar-")) / "contoh"
    shutil.copytree(AKAR / "contoh", sumber)
    nama: dict[str, str] = {}
    for path in [sumber / "kinerja.yml", *sorted(sumber.glob("periods/**/*.yml"))]:
        path.write_text(samarkan(path.read_text(encoding="utf-8"), nama), encoding="utf-8")
    bangun(sumber, tujuan)
    salin_situs(tujuan)
    kinerja = str(AKAR / ".venv" / "bin" / "kinerja")
    for perintah in (["periksa"], ["laporan", "2026-tw3"], ["situs", "--pdf", "--bangun"]):
        subprocess.run([kinerja, *perintah], cwd=tujuan, check=True)
    return tujuan


def main() -> None:
    from playwright.sync_api import sync_playwright

    GAMBAR.mkdir(exist_ok=True)
    kantor = kantor_rekaan()
    program = shutil.which("chromium")
    assert program, "apt-get install chromium"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        SimpleHTTPRequestHandler, directory=str(kantor / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    alamat = f"http://127.0.0.1:{server.server_address[1]}"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=program, args=BENDERA)
        h = b.new_page(viewport={"width": 1000, "height": 720})
        h.set_content(formulir_html(kantor / "periods/2026/tw3/formulir/trantib.yml"))
        h.screenshot(path=str(GAMBAR / "formulir.png"))
        h.set_viewport_size({"width": 1280, "height": 800})
        h.goto(alamat + "/arsip/2026/tw3/")
        h.screenshot(path=str(GAMBAR / "periode.png"))
        b.close()
    server.shutdown()
    import pypdfium2

    dok = pypdfium2.PdfDocument(str(kantor / "build/2026-tw3/laporan-pengukuran-kinerja-2026-tw3.pdf"))
    dok[0].render(scale=1.2).to_pil().save(GAMBAR / "laporan.png")
    dok.close()


if __name__ == "__main__":
    main()
