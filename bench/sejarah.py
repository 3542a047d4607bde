"""The sample office as a real Git history, made with kinerja's own commands.

The sample's data (``contoh/``) is what an office's files look like; this replays how they came
to be — the office and its Perjanjian Kinerja and Rencana Aksi, then for each quarter the Camat's
order, the period created, each section head's form, and the Kasubbag's, the Sekcam's and the
Camat's decisions — each by its own person, at its own time. A ratification then counts here
exactly as in an office's repository: because this history proves it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import yaml

from kinerja.alur.keputusan import putuskan
from kinerja.alur.revisi import catat
from kinerja.pengesahan.trailer import Jenis

# (period, the Camat's order, the forms filled, Kasubbag, Sekcam, Camat); times on the office's
# clock (WIB). TW IV is still being filled.
JADWAL = (
    ("tw1", "2026-04-06", "2026-04-06", ("2026-04-07 09:10", "2026-04-07 10:25",
                                         "2026-04-07 13:40")),
    ("tw2", "2026-07-06", "2026-07-06", ("2026-07-07 09:10", "2026-07-07 10:25",
                                         "2026-07-07 13:40")),
    ("tw3", "2026-10-05", "2026-10-05", ("2026-10-06 09:10", "2026-10-06 10:25",
                                         "2026-10-06 13:40")),
    ("tw4", "2026-11-23", "2026-11-24", ()),
)
# TW IV: only these sections have filled in anything yet
TW4_TERISI = ("pemerintahan", "trantib")


class Kantor:
    """Who is who in the sample office, and a way to act as each of them."""

    def __init__(self, akar: Path) -> None:
        self.akar = akar
        data = yaml.safe_load((akar / "kinerja.yml").read_text(encoding="utf-8"))
        self.orang = {p["id"]: (p["nama"].rstrip("."), p["email"]) for p in data["pegawai"]}
        self.kepala = {s["id"]: s["kepala"] for s in data["seksi"]}

    @contextlib.contextmanager
    def sebagai(self, siapa: str, waktu: str) -> Iterator[None]:
        nama, email = self.orang[siapa]
        lama = dict(os.environ)
        for jenis in ("AUTHOR", "COMMITTER"):
            os.environ[f"GIT_{jenis}_NAME"] = nama
            os.environ[f"GIT_{jenis}_EMAIL"] = email
            os.environ[f"GIT_{jenis}_DATE"] = f"{waktu}:00 +0700"
        try:
            yield
        finally:
            os.environ.clear()
            os.environ.update(lama)

    def commit(self, siapa: str, waktu: str, pesan: str, *paths: str) -> None:
        with self.sebagai(siapa, waktu):
            subprocess.run(["git", "-C", str(self.akar), "add", "--", *paths], check=True)
            subprocess.run(["git", "-C", str(self.akar), "commit", "-q", "-m", pesan],
                           check=True)


def bangun(sumber: Path, tujuan: Path) -> Path:
    """``tujuan``: a Git repository whose history makes the sample office as in ``sumber``."""
    tujuan.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(tujuan)], check=True)
    subprocess.run(["git", "-C", str(tujuan), "config", "commit.gpgsign", "false"], check=True)
    shutil.copy2(sumber / "kinerja.yml", tujuan / "kinerja.yml")
    k = Kantor(tujuan)
    tahun = tujuan / "periods" / "2026"
    tahun.mkdir(parents=True)
    k.commit("kasubbag-perencanaan", "2026-01-12 08:00", "Data kantor", "kinerja.yml")
    shutil.copy2(sumber / "periods/2026/perjanjian-kinerja.yml", tahun)
    k.commit("kasubbag-perencanaan", "2026-02-02 10:00", "Perjanjian Kinerja 2026",
             "periods/2026/perjanjian-kinerja.yml")
    shutil.copy2(sumber / "periods/2026/rencana-aksi.yml", tahun)
    k.commit("kasubbag-perencanaan", "2026-02-09 10:00", "Rencana Aksi 2026",
             "periods/2026/rencana-aksi.yml")
    for kode, mulai, isi, keputusan in JADWAL:
        _periode(k, sumber, kode, mulai, isi, keputusan)
    return tujuan


def _periode(k: Kantor, sumber: Path, kode: str, mulai: str, isi: str,
             keputusan: tuple[str, ...]) -> None:
    pid = f"2026-{kode}"
    asal = sumber / "periods/2026" / kode
    folder = k.akar / "periods/2026" / kode
    with k.sebagai("camat", f"{mulai} 07:45"):
        catat(k.akar, pid, 1, "Disposisi pengukuran kinerja")
    with k.sebagai("sekcam", f"{mulai} 08:30"):
        catat(k.akar, pid, 2)
    (folder / "formulir").mkdir(parents=True)
    shutil.copy2(asal / "periode.yml", folder / "periode.yml")
    kosong = [f for f in sorted((asal / "formulir").glob("*.yml"))
              if kode == "tw4" and f.stem not in TW4_TERISI]
    for form in kosong:  # forms nobody has filled in yet, as «periode baru» wrote them
        shutil.copy2(form, folder / "formulir" / form.name)
    k.commit("kasubbag-perencanaan", f"{mulai} 09:00", f"Buat periode {pid}",
             f"periods/2026/{kode}/periode.yml",
             *(f"periods/2026/{kode}/formulir/{f.name}" for f in kosong))
    jam = 10
    for form in sorted((asal / "formulir").glob("*.yml")):
        if form in kosong:
            continue
        shutil.copy2(form, folder / "formulir" / form.name)
        paths = [f"periods/2026/{kode}/formulir/{form.name}"]
        if form.stem == "pemerintahan" and (asal / "bukti").is_dir():
            shutil.copytree(asal / "bukti", folder / "bukti")
            paths.append(f"periods/2026/{kode}/bukti")
        k.commit(k.kepala[form.stem], f"{isi} {jam:02d}:00", f"Isi formulir {form.stem} {pid}",
                 *paths)
        jam += 1
    if not keputusan:
        return
    for siapa, peran, waktu in zip(("kasubbag-perencanaan", "sekcam"),
                                   ("kasubbag-perencanaan", "sekcam"), keputusan, strict=False):
        with k.sebagai(siapa, waktu):
            putuskan(k.akar, pid, Jenis.SETUJU, peran)
    with k.sebagai("camat", keputusan[2]):
        putuskan(k.akar, pid, Jenis.SAHKAN, "camat")
