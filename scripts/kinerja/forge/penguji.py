"""Asking GitHub what a ratification tag claims: that merged pull request #N, judged with the
office as it stood on the base branch, carries the three approvals its record lists."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kinerja.forge.github import GITHUB
from kinerja.forge.http import Ambil
from kinerja.forge.persetujuan import klien, putusan_forge
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import CatatanPersetujuan
from kinerja.pengesahan import git

_LANGKAH_MAKS = 250  # commits a rebase merge may put on the base branch


class PengujiGitHub:
    def __init__(self, akar: Path, ambil: Ambil, proyek: str) -> None:
        self.akar = akar
        self.ambil = ambil
        self.proyek = proyek

    @classmethod
    def dari_env(cls, akar: Path, env: Mapping[str, str], proyek: str | None = None
                 ) -> PengujiGitHub | None:
        """Where the environment can reach GitHub (in a workflow, or with a token given)."""
        proyek = proyek or env.get("GITHUB_REPOSITORY")
        token = env.get("GITHUB_TOKEN") or env.get("KINERJA_TOKEN")
        if not proyek or not token:
            return None
        return cls(akar, klien(GITHUB, None, env), proyek)

    def persetujuan(self, periode: str, nomor: int, commit: str, dasar: str | None
                    ) -> tuple[tuple[CatatanPersetujuan, ...], str] | str:
        try:
            data = GITHUB.tarik(self.ambil, self.proyek, nomor)
        except KinerjaError as e:
            return f"pull request #{nomor} tidak dapat dibaca dari GitHub ({e})"
        if not data.digabung:
            return f"pull request #{nomor} tidak digabung"
        if data.commit_gabung != commit:
            return (f"menunjuk commit {commit[:8]}, bukan hasil penggabungan pull request "
                    f"#{nomor} ({(data.commit_gabung or '?')[:8]})")
        if dasar is None or not self._di_jalur_pertama(commit, dasar):
            return (f"cabang dasar yang disebutnya ({(dasar or '?')[:8]}) bukan ujung main "
                    f"sebelum penggabungan pull request #{nomor}")
        try:
            p = putusan_forge(self.akar, GITHUB, data, dasar, self.ambil, self.proyek)
        except KinerjaError as e:
            return f"persetujuan pull request #{nomor} tidak dapat dinilai ({e})"
        if not p.lulus or p.periode != periode:
            return f"ulasan pull request #{nomor} tidak lengkap: " + "; ".join(p.pesan)
        return (tuple(CatatanPersetujuan(s.peran, s.pegawai.nama, s.peristiwa.akun,
                                         s.peristiwa.commit or "", s.peristiwa.waktu)
                      for s in p.disetujui), data.judul)

    def _di_jalur_pertama(self, commit: str, dasar: str) -> bool:
        """Whether ``dasar`` is where the merge (a merge commit, a squash, or a rebase of a few
        commits) started: reached from ``commit`` by first parents."""
        x: str | None = commit
        for _ in range(_LANGKAH_MAKS):
            x = git.rev(self.akar, f"{x}^1") if x else None
            if x is None:
                return False
            if x == dasar:
                return True
        return False
