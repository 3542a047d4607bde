"""What every Git host provides, as a protocol: its pull request as data, the commit status that
carries the verdict, and where its web editor opens a file. One module per host implements it."""

from __future__ import annotations

from typing import Protocol

from kinerja.forge.http import Ambil, Kirim
from kinerja.inti.beku import beku
from kinerja.inti.jenis import Forge as NamaForge
from kinerja.pengesahan.putusan import Penulis, Peristiwa, Putusan


@beku
class DataPR:
    nomor: int
    head: str
    dasar: str  # the base branch's name
    pembuat: str
    penulis: Penulis  # accounts and e-mails behind the last change
    peristiwa: tuple[Peristiwa, ...]
    berubah: tuple[str, ...] = ()  # the paths the pull request changes (old and new names)
    judul: str = ""
    jumlah_berkas: int | None = None  # how many files the forge says changed (lists are capped)
    digabung: bool = False
    commit_gabung: str | None = None  # the commit the merge made on the base branch


STATUS_KONTEKS = "kinerja/persetujuan"


class Forge(Protocol):
    """One Git host."""

    nama: NamaForge
    token_env: str  # the environment variable its CI gives a token in
    skema_token: str  # «Bearer», «token»
    api_bawaan: str | None  # its public API's address, where it has one

    def tarik(self, ambil: Ambil, proyek: str, nomor: int) -> DataPR:
        """A pull (merge) request's reviews, head, authors and changed paths."""
        ...

    def lapor_status(self, kirim: Kirim, proyek: str, head: str, p: Putusan,
                     tautan: str | None) -> None:
        """The verdict as the commit status ``kinerja/persetujuan`` on ``head``."""
        ...

    def sunting(self, host: str, proyek: str, cabang: str, path: str) -> str:
        """Where its web editor opens ``path`` on ``cabang``."""
        ...


def keterangan(p: Putusan) -> str:
    """A status description fits in 140 characters."""
    return p.tahap if len(p.tahap) <= 140 else p.tahap[:139] + "…"
