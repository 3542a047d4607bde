"""The form page on the archive site (``site/formulir/``), for an office on GitHub or Gitea.

Section staff fill their form there with kinerja itself running in the browser: Pyodide
(pinned in ``package.json``, installed from npm by ``npm ci``) and kinerja's own modules with a
pure-Python PyYAML, packed here into one zip. Everything the page loads is on the site and
named by its content's digest, so a browser may keep it for good and a new build never mixes
with an old one; the page's Content-Security-Policy allows scripts from the site only (plus
WebAssembly, which Pyodide is), and connections to the site and to the Git host's API only.

The page holds nothing of the office: the period's files are read with the person's own token
from the Git host. It is not linked from the archive (drafts are not public) and asks search
engines not to index it; ``kinerja tautan`` gives each section its link.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from kinerja import DATA
from kinerja.forge.formulir import FOLDER, Sambungan, sambungan
from kinerja.forge.tautan import forge_dari
from kinerja.inti import berkas, lolos
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError

PYODIDE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
           "pyodide-lock.json")
_PERLU = (*PYODIDE, "package.json")  # its version names the folder
_WAKTU_ZIP = (2020, 1, 1, 0, 0, 0)  # every entry's date: the same sources, the same zip

@beku
class HasilFormulir:
    dibuat: bool
    alasan: str = ""  # why not, for the person who builds the site
    forge: str = ""
    ukuran: int = 0  # bytes the page loads in all, before compression


def cari_pyodide(akar: Path, env: Mapping[str, str]) -> Path | None:
    """Pyodide as npm installed it: KINERJA_PYODIDE, the office's own node_modules, or
    kinerja's source tree (an editable install, as in ``make demo``)."""
    calon = [Path(env["KINERJA_PYODIDE"])] if env.get("KINERJA_PYODIDE") else []
    calon += [akar / "node_modules" / "pyodide",
              Path(__file__).resolve().parents[3] / "node_modules" / "pyodide"]
    return next((c for c in calon if all((c / n).is_file() for n in _PERLU)), None)


def _sidik(*isi: bytes) -> str:
    h = hashlib.sha256()
    for x in isi:
        h.update(hashlib.sha256(x).digest())
    return h.hexdigest()[:12]


def paket_kinerja() -> bytes:
    """kinerja's modules and data with PyYAML's pure-Python modules, as a reproducible zip."""
    import yaml

    sumber = [(p, Path("kinerja") / p.relative_to(DATA.parent))
              for p in sorted(DATA.parent.rglob("*"))
              if p.is_file() and "__pycache__" not in p.parts and
              (p.suffix == ".py" or (p.parent == DATA and p.suffix in (".yml", ".typ")))]
    folder_yaml = Path(yaml.__file__).parent
    sumber += [(p, Path("yaml") / p.name) for p in sorted(folder_yaml.glob("*.py"))
               if p.name != "cyaml.py"]  # cyaml needs libyaml's C extension
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for asal, nama in sumber:
            info = zipfile.ZipInfo(nama.as_posix(), _WAKTU_ZIP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # the same entry on every system that builds it
            z.writestr(info, asal.read_bytes())
    return keluar.getvalue()


def _csp(s: Sambungan) -> str:
    """The page's policy. It governs the page only (a worker takes its policy from its own
    response, which a static host does not give), so it names what the page does: its scripts,
    its worker, and requests to the site and the host's API — the only place the token goes.
    ``'wasm-unsafe-eval'`` because some browsers apply the creating page's policy to the
    worker that compiles Pyodide."""
    asal = {"'self'", _asal(s.api)} | ({_asal(s.web)} if s.forge == "gitea" else set())
    return "; ".join((
        "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'",
        "connect-src " + " ".join(sorted(asal)), "style-src 'self'", "img-src 'self' data:",
        "base-uri 'none'", "form-action 'none'"))


def _asal(url: str) -> str:
    u = urlsplit(url)
    return f"{u.scheme}://{u.netloc}"


def pasang(site: Path, s: Sambungan, pyodide: Path) -> HasilFormulir:
    """Write the form page and everything it loads into ``site/formulir/``."""
    folder = site / FOLDER
    folder.mkdir(parents=True)
    versi = json.loads((pyodide / "package.json").read_text("utf-8")).get("version", "x")
    isi_py = [(pyodide / n).read_bytes() for n in PYODIDE]
    nama_py = f"pyodide-{versi}-{_sidik(*isi_py)}/"
    (folder / nama_py).mkdir()
    for n, b in zip(PYODIDE, isi_py, strict=True):
        (folder / nama_py / n).write_bytes(b)
    paket = paket_kinerja()
    nama_paket = f"kinerja-{_sidik(paket)}.zip"
    (folder / nama_paket).write_bytes(paket)
    aset: dict[str, str] = {}
    for n in ("formulir.css", "formulir.js", "tuan.js", "statis.js", "pekerja.js"):
        b = (DATA / n).read_bytes()
        dasar, _, akhiran = n.rpartition(".")
        aset[n] = f"{dasar}-{_sidik(b)}.{akhiran}"
        (folder / aset[n]).write_bytes(b)
    konfigurasi = {"forge": s.forge, "web": s.web, "api": s.api, "proyek": s.proyek,
                   "klien": s.klien, "pyodide": nama_py, "paket": nama_paket,
                   "pekerja": aset["pekerja.js"]}
    html = (DATA / "formulir.html").read_text("utf-8")
    lama = ('<link rel="stylesheet" href="../aset/formulir.css">\n'
            '<script src="../aset/formulir.js" defer></script>\n')
    if lama not in html:  # the page's head is this module's to replace; say so if it moved
        raise AssertionError("data/formulir.html: kepala halaman berubah")
    baru = (f'<meta http-equiv="Content-Security-Policy" content="{lolos.html(_csp(s))}">\n'
            '<meta name="robots" content="noindex,nofollow">\n'
            f'<link rel="stylesheet" href="{aset["formulir.css"]}">\n'
            '<script type="application/json" id="sambungan-kinerja">'
            f'{lolos.json_skrip(konfigurasi)}</script>\n'
            f'<script src="{aset["tuan.js"]}" defer></script>\n'
            f'<script src="{aset["statis.js"]}" defer></script>\n'
            f'<script src="{aset["formulir.js"]}" defer></script>\n')
    berkas.tulis(folder / "index.html", html.replace(lama, baru).encode("utf-8"))
    ukuran = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return HasilFormulir(True, forge=s.forge, ukuran=ukuran)


def bangun(akar: Path, site: Path, env: Mapping[str, str]) -> HasilFormulir:
    """The form page for ``akar``'s Git host, or why it is not built (the archive is built
    all the same: the page is a help for staff, not part of what is published)."""
    try:
        t = forge_dari(akar, None, None, None, env)
        s = sambungan(t.jenis if t else None, t.host if t else "", t.proyek if t else "", env)
    except KinerjaError as e:
        s = str(e)
    if isinstance(s, str):
        return HasilFormulir(False, s)
    if (site / FOLDER).exists():  # the build made it: a page of the office's own site
        return HasilFormulir(False, f"situs sudah memuat halaman /{FOLDER}/ (content/{FOLDER}"
                                    f".md atau content/{FOLDER}/); ganti namanya agar halaman "
                                    "formulir staf dapat dibuat")
    pyodide = cari_pyodide(akar, env)
    if pyodide is None:
        return HasilFormulir(False, "Pyodide belum terpasang; jalankan «npm ci» di folder "
                                    "repositori (package.json memuat versinya)")
    return pasang(site, s, pyodide)


__all__ = ["FOLDER", "HasilFormulir", "bangun", "paket_kinerja"]
