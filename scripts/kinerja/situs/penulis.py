"""The archive's pages are written into a fresh folder and swapped in whole: a build that fails
halfway leaves the previous pages as they were, and no page of a period no longer ratified
survives a build that succeeds."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from kinerja.inti import berkas

# What the last build generated (MkDocs and Zensical skip dotfiles: it is never published).
MANIFES = ".dibuat-kinerja"


class Penulis:
    """Writes one build's pages and files; ``pasang`` puts them in place."""

    def __init__(self, tujuan: Path) -> None:
        self.tujuan = tujuan
        self.baru = tujuan.with_name(f".{tujuan.name}.baru-{os.getpid()}")
        shutil.rmtree(self.baru, ignore_errors=True)
        berkas.buat_folder(self.baru)
        self.halaman = 0
        self.ditulis = 0  # pages whose text differs from the previous build's
        self.disalin = 0

    def tulis(self, rel: str, teks: str) -> None:
        if rel.endswith(".md"):
            self.halaman += 1
            try:
                if (self.tujuan / rel).read_text(encoding="utf-8") != teks:
                    self.ditulis += 1
            except OSError:
                self.ditulis += 1
        berkas.tulis(self.baru / rel, teks)

    def salin(self, sumber: Path, rel: str) -> None:
        berkas.salin(sumber, self.baru / rel)
        self.disalin += 1

    def pasang(self) -> None:
        """Swap the new folder in for the old one (two renames; the old is removed after).
        Files in the old folder that no build wrote (a person's) are carried over."""
        dibuat = {p.relative_to(self.baru).as_posix() for p in self.baru.rglob("*")
                  if p.is_file()}
        berkas.tulis(self.baru / MANIFES, "".join(f"{r}\n" for r in sorted(dibuat)))
        try:
            kami = set((self.tujuan / MANIFES).read_text(encoding="utf-8").splitlines())
        except OSError:
            kami = set()
        if self.tujuan.is_dir():
            for path in self.tujuan.rglob("*"):
                rel = path.relative_to(self.tujuan).as_posix()
                if path.is_file() and not path.is_symlink() and rel not in kami and \
                        rel != MANIFES and rel not in dibuat:
                    berkas.salin(path, self.baru / rel)
        lama = self.tujuan.with_name(f".{self.tujuan.name}.lama-{os.getpid()}")
        try:
            if self.tujuan.exists():
                self.tujuan.replace(lama)
            self.baru.replace(self.tujuan)
        except OSError as e:
            if lama.exists() and not self.tujuan.exists():
                lama.replace(self.tujuan)
            raise berkas.sebab_os(e, self.tujuan) from e
        shutil.rmtree(lama, ignore_errors=True)

    def buang(self) -> None:
        """A build that failed: its half-written folder goes, the old one stays."""
        with contextlib.suppress(OSError):
            shutil.rmtree(self.baru)
