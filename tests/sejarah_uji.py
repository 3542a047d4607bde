"""A real Git history for a test office (the small office in cases/_dasar): people commit as
themselves, and periods are ratified by kinerja's own decisions — never by a record written by
hand, which proves nothing."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

from kinerja.alur.keputusan import putuskan
from kinerja.pengesahan.trailer import Jenis

ORANG = {
    "camat": ("Camat Contoh", "camat@contoh.go.id"),
    "sekcam": ("Sekcam Contoh", "sekcam@contoh.go.id"),
    "kasubbag": ("Kasubbag Contoh", "kasubbag@contoh.go.id"),
    "kasi-pem": ("Kasi Pemerintahan", "kasi.pem@contoh.go.id"),
    "kasi-trantib": ("Kasi Trantib", "kasi.trantib@contoh.go.id"),
}


@contextlib.contextmanager
def sebagai(siapa: str, waktu: str) -> Iterator[None]:
    """Git's identity and clock as ``siapa`` at ``waktu`` (WIB), for everything inside."""
    nama, email = ORANG[siapa]
    lama = {k: os.environ.get(k) for k in
            (f"GIT_{j}_{x}" for j in ("AUTHOR", "COMMITTER") for x in ("NAME", "EMAIL", "DATE"))}
    for jenis in ("AUTHOR", "COMMITTER"):
        os.environ[f"GIT_{jenis}_NAME"] = nama
        os.environ[f"GIT_{jenis}_EMAIL"] = email
        os.environ[f"GIT_{jenis}_DATE"] = f"{waktu}:00 +0700"
    try:
        yield
    finally:
        for k, v in lama.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def git(akar: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(akar), *args], check=True, capture_output=True,
                          text=True).stdout


def mulai_git(akar: Path, waktu: str = "2026-01-05 08:00") -> None:
    git(akar, "init", "-q", "-b", "main")
    git(akar, "config", "commit.gpgsign", "false")
    commit(akar, "kasubbag", waktu, "Kantor")


def commit(akar: Path, siapa: str, waktu: str, pesan: str) -> None:
    with sebagai(siapa, waktu):
        git(akar, "add", "-A")
        git(akar, "commit", "-q", "--allow-empty", "-m", pesan)


def sahkan(akar: Path, periode: str, hari: str) -> None:
    """The Kasubbag at 09.00, the Sekcam at 10.00, the Camat ratifies at 11.00 on ``hari``."""
    with sebagai("kasubbag", f"{hari} 09:00"):
        putuskan(akar, periode, Jenis.SETUJU, "kasubbag-perencanaan")
    with sebagai("sekcam", f"{hari} 10:00"):
        putuskan(akar, periode, Jenis.SETUJU, "sekcam")
    with sebagai("camat", f"{hari} 11:00"):
        putuskan(akar, periode, Jenis.SAHKAN, "camat")
