"""Markdown → pandoc (Typst writer, our templates) → Typst (in-process) → PDF.

No TeX, no browser, no system library: pandoc comes from the pypandoc-binary wheel (called by
path; importing pypandoc costs ~60 ms) and Typst from the typst wheel, with only the fonts Typst
bundles, so the PDF is the same on every machine.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kinerja import DATA
from kinerja.inti import berkas
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.inti.lolos import typst_singkatan
from kinerja.inti.model import Kantor

# People's text must never become markup: no raw HTML/TeX/Typst, no math, no citations.
FORMAT_MASUK = ("markdown-raw_html-raw_tex-raw_attribute-smart-tex_math_dollars"
                "-tex_math_single_backslash-citations")


def pandoc() -> str:
    spec = importlib.util.find_spec("pypandoc")
    if spec and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            kandidat = Path(folder) / "files" / ("pandoc.exe" if os.name == "nt" else "pandoc")
            if kandidat.is_file():
                return str(kandidat)
    ditemukan = shutil.which("pandoc")
    if ditemukan:
        return ditemukan
    raise KinerjaError("pandoc tidak ditemukan; pasang ulang dengan «pip install -e .» "
                       "(paket pypandoc-binary membawa pandoc)")


def templat(nama: str) -> Path:
    return DATA / f"{nama}.typ"


# Work a compile needs done but nothing before it waits for (importing Typst, drawing the QR
# code): run in a thread while the process waits for pandoc, which holds no Python lock.
_LATAR: list[tuple[threading.Thread, list[BaseException]]] = []


def latar(kerja: Callable[[], object]) -> None:
    """Start ``kerja`` now; the next ``kompilasi`` waits for it and raises what it raised."""
    galat: list[BaseException] = []

    def jalan() -> None:
        try:
            kerja()
        except BaseException as e:  # re-raised in the main thread by kompilasi
            galat.append(e)

    t = threading.Thread(target=jalan, name="kinerja-latar", daemon=True)
    t.start()
    _LATAR.append((t, galat))


def _tunggu_latar() -> None:
    while _LATAR:
        t, galat = _LATAR.pop(0)
        t.join()
        if galat:
            raise galat[0]


class Pandoc:
    """A pandoc process started early: its start-up (~30 ms) overlaps loading the repository,
    and the Markdown is written to it once ready. Use as a context manager."""

    def __init__(self, nama_templat: str) -> None:
        try:
            self._proses: subprocess.Popen[str] | None = subprocess.Popen(
                [pandoc(), "-f", FORMAT_MASUK, "-t", "typst", "--template",
                 str(templat(nama_templat)), "--wrap=preserve"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                encoding="utf-8")
        except OSError as e:
            raise KinerjaError(f"pandoc tidak dapat dijalankan ({e}); pasang ulang kinerja") from e

    def ubah(self, markdown: str) -> str:
        assert self._proses is not None, "one conversion per process"
        latar(lambda: importlib.import_module("typst"))  # while pandoc converts
        keluar, galat = self._proses.communicate(markdown)
        kode = self._proses.returncode
        self._proses = None
        if kode != 0:
            raise KinerjaError(f"pandoc gagal mengubah dokumen: {galat.strip()}")
        return typst_singkatan(keluar)

    def __enter__(self) -> Pandoc:
        return self

    def __exit__(self, *_: object) -> None:
        if self._proses is not None:  # left early (an error while loading): stop pandoc
            self._proses.kill()
            self._proses.communicate()


def ke_typst(markdown: str, nama_templat: str) -> str:
    with Pandoc(nama_templat) as p:
        return p.ubah(markdown)


def kompilasi(typ: Path, pdf: Path) -> None:
    _tunggu_latar()
    import typst  # ~90 ms to import: only the commands that render pay for it (see Pandoc)

    try:
        data = typst.compile(str(typ), root=str(typ.parent), ignore_system_fonts=True)
    except Exception as e:  # typst raises its own error types with Typst's diagnostics
        raise KinerjaError(
            f"PDF tidak dapat disusun: Typst menolak {typ.name} (rincian teknis di "
            f"{typ.parent}). Jalankan «kinerja periksa»; biasanya sebuah isian terlalu panjang "
            "atau memuat karakter yang tidak dapat dicetak") from e
    berkas.tulis(pdf, data)


def tulis(path: Path, teks: str) -> None:
    berkas.tulis(path, teks)


@beku
class MetaPdf:
    """The PDF's own metadata. Its date is the document's, never the build's: the same
    document always renders to the same bytes, so a printed copy can be checked by rebuilding
    it."""

    judul: str
    penulis: str
    tanggal: date
    kata_kunci: tuple[str, ...]


def _teks_typst(teks: str) -> str:
    """A Typst string literal holding ``teks`` (one line)."""
    return '"' + " ".join(teks.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _kepala(m: MetaPdf) -> str:
    kata = "".join(f"{_teks_typst(k)}, " for k in m.kata_kunci)
    return (f"#set document(title: {_teks_typst(m.judul)}, author: {_teks_typst(m.penulis)}, "
            f"keywords: ({kata}), date: datetime(year: {m.tanggal.year}, "
            f"month: {m.tanggal.month}, day: {m.tanggal.day}))\n")


def pdf(markdown: str, nama_templat: str, folder: Path, nama: str, keluaran: Path,
        proses: Pandoc | None = None, meta: MetaPdf | None = None) -> Path:
    """Write ``folder/nama.md`` and ``.typ`` beside it (both useful when a layout surprises),
    then the PDF at ``keluaran`` — each file whole or not at all."""
    berkas.tulis(folder / f"{nama}.md", markdown)
    typ = folder / f"{nama}.typ"
    typst_teks = proses.ubah(markdown) if proses else ke_typst(markdown, nama_templat)
    if meta is not None:
        typst_teks = _kepala(meta) + typst_teks
    berkas.tulis(typ, typst_teks)
    kompilasi(typ, keluaran)
    return keluaran


def salin_logo(akar: Path, kantor: Kantor, folder: Path) -> str | None:
    """The office's logo beside the document's Markdown (checked by the loader: inside the
    repository, an image)."""
    if not kantor.instansi.logo:
        return None
    sumber = akar / kantor.instansi.logo
    try:
        di_dalam = sumber.resolve().is_relative_to(akar.resolve()) and not sumber.is_symlink()
    except OSError:
        di_dalam = False
    if not di_dalam:
        raise KinerjaError(f"logo «{kantor.instansi.logo}» berada di luar repositori; simpan "
                           "berkas logo di dalam repositori (misalnya content/gambar/logo.png) "
                           "dan tulis jalurnya di instansi.logo", berkas="kinerja.yml")
    if not sumber.is_file():
        raise KinerjaError(f"logo «{kantor.instansi.logo}» tidak ditemukan; periksa instansi.logo",
                           berkas="kinerja.yml")
    nama = "logo" + sumber.suffix.lower()
    berkas.salin(sumber, folder / nama)
    return nama
