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
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from kinerja.alur.keputusan import putuskan
from kinerja.alur.revisi import catat
from kinerja.pengesahan.trailer import Jenis


@dataclass(frozen=True)
class Jadwal:
    """When one period happened: the Camat's order, the day its forms were filled, and the
    times of the Kasubbag's, the Sekcam's and the Camat's decisions (none yet: still being
    filled). ``terisi``: the sections that have filled their form (None: all). Times are on the
    office's clock (WIB)."""

    tahun: int
    kode: str
    perintah: str
    isi: str
    keputusan: tuple[str, ...] = ()
    terisi: tuple[str, ...] | None = None


# The sample: three quarters ratified, TW IV still being filled by two sections.
CONTOH = (
    Jadwal(2026, "tw1", "2026-04-06", "2026-04-06",
           ("2026-04-07 09:10", "2026-04-07 10:25", "2026-04-07 13:40")),
    Jadwal(2026, "tw2", "2026-07-06", "2026-07-06",
           ("2026-07-07 09:10", "2026-07-07 10:25", "2026-07-07 13:40")),
    Jadwal(2026, "tw3", "2026-10-05", "2026-10-05",
           ("2026-10-06 09:10", "2026-10-06 10:25", "2026-10-06 13:40")),
    Jadwal(2026, "tw4", "2026-11-23", "2026-11-24", terisi=("pemerintahan", "trantib")),
)


def arsip(tahun: range) -> tuple[Jadwal, ...]:
    """Every quarter of every year ratified: ordered the Monday after it ends, forms filled that
    day, decisions the next."""
    jadwal = []
    for t in tahun:
        for kode, akhir in (("tw1", date(t, 4, 1)), ("tw2", date(t, 7, 1)),
                            ("tw3", date(t, 10, 1)), ("tw4", date(t + 1, 1, 1))):
            # Git reads no date from 2100 on: the last quarter of 2099 is ratified in 2099.
            senin = min(akhir + timedelta(days=7 - akhir.weekday()), date(2099, 12, 28))
            besok = senin + timedelta(days=1)
            jadwal.append(Jadwal(t, kode, f"{senin}", f"{senin}",
                                 (f"{besok} 09:10", f"{besok} 10:25", f"{besok} 13:40")))
    return tuple(jadwal)


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


def bangun(sumber: Path, tujuan: Path, jadwal: tuple[Jadwal, ...] = CONTOH) -> Path:
    """``tujuan``: a Git repository whose history makes the office in ``sumber``, period by
    period as ``jadwal`` says; each year's Perjanjian Kinerja (and Rencana Aksi, if any) is
    committed before its first period."""
    tujuan.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(tujuan)], check=True)
    subprocess.run(["git", "-C", str(tujuan), "config", "commit.gpgsign", "false"], check=True)
    shutil.copy2(sumber / "kinerja.yml", tujuan / "kinerja.yml")
    k = Kantor(tujuan)
    k.commit("kasubbag-perencanaan", f"{jadwal[0].tahun}-01-12 08:00", "Data kantor",
             "kinerja.yml")
    for j in jadwal:
        folder = tujuan / "periods" / str(j.tahun)
        if not folder.is_dir():
            folder.mkdir(parents=True)
            for nama, judul, hari in (("perjanjian-kinerja", "Perjanjian Kinerja", "02-02"),
                                      ("rencana-aksi", "Rencana Aksi", "02-09")):
                if (sumber / "periods" / str(j.tahun) / f"{nama}.yml").is_file():
                    shutil.copy2(sumber / "periods" / str(j.tahun) / f"{nama}.yml", folder)
                    k.commit("kasubbag-perencanaan", f"{j.tahun}-{hari} 10:00",
                             f"{judul} {j.tahun}", f"periods/{j.tahun}/{nama}.yml")
        _periode(k, sumber, j)
    # packed, as a clone from the Git host is (a history made commit by commit is loose objects)
    subprocess.run(["git", "-C", str(tujuan), "gc", "-q"], check=True)
    return tujuan


def _periode(k: Kantor, sumber: Path, j: Jadwal) -> None:
    pid = f"{j.tahun}-{j.kode}"
    tempat = f"periods/{j.tahun}/{j.kode}"
    asal = sumber / tempat
    folder = k.akar / tempat
    with k.sebagai("camat", f"{j.perintah} 07:45"):
        catat(k.akar, pid, 1, "Disposisi pengukuran kinerja")
    with k.sebagai("sekcam", f"{j.perintah} 08:30"):
        catat(k.akar, pid, 2)
    (folder / "formulir").mkdir(parents=True)
    shutil.copy2(asal / "periode.yml", folder / "periode.yml")
    kosong = [f for f in sorted((asal / "formulir").glob("*.yml"))
              if j.terisi is not None and f.stem not in j.terisi]
    for form in kosong:  # forms nobody has filled in yet, as «periode baru» wrote them
        shutil.copy2(form, folder / "formulir" / form.name)
    k.commit("kasubbag-perencanaan", f"{j.perintah} 09:00", f"Buat periode {pid}",
             f"{tempat}/periode.yml", *(f"{tempat}/formulir/{f.name}" for f in kosong))
    jam = 10
    for form in sorted((asal / "formulir").glob("*.yml")):
        if form in kosong:
            continue
        shutil.copy2(form, folder / "formulir" / form.name)
        paths = [f"{tempat}/formulir/{form.name}"]
        if form.stem == "pemerintahan" and (asal / "bukti").is_dir():
            shutil.copytree(asal / "bukti", folder / "bukti")
            paths.append(f"{tempat}/bukti")
        k.commit(k.kepala[form.stem], f"{j.isi} {jam:02d}:00", f"Isi formulir {form.stem} {pid}",
                 *paths)
        jam += 1
    if not j.keputusan:
        return
    for peran, waktu in zip(("kasubbag-perencanaan", "sekcam"), j.keputusan, strict=False):
        with k.sebagai(peran, waktu):
            putuskan(k.akar, pid, Jenis.SETUJU, peran)
    with k.sebagai("camat", j.keputusan[2]):
        putuskan(k.akar, pid, Jenis.SAHKAN, "camat")
