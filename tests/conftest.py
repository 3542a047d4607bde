from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from buatan import salin_contoh
from kinerja.cli import main

AKAR = Path(__file__).resolve().parent.parent
KASUS = Path(__file__).resolve().parent / "cases"
DASAR = KASUS / "_dasar"


class Rekaman(dict[str, Any]):
    """Recorded forge answers. GitHub's compare of the base's latest change of targets or rules
    with the head is answered «ahead» (the head contains it) unless a test records otherwise.

    ``jawab`` serves an answer as the forge would: for GitHub (``github``), completed from and
    validated against GitHub's OpenAPI description (``github_rekaman``) — except the paths in
    ``rusak``, answers a test malforms on purpose to see them refused."""

    def __init__(self, data: dict[str, Any] | None = None, *, github: bool = False) -> None:
        super().__init__(data or {})
        self.github = github
        self.rusak: set[str] = set()

    def __missing__(self, path: str) -> Any:
        if "/compare/" in path:
            return {"status": "ahead", "ahead_by": 1, "behind_by": 0}
        raise KeyError(path)

    def get(self, path: str, bawaan: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[path]
        except KeyError:
            return bawaan

    def jawab(self, path: str) -> Any:
        isi = self[path]
        if not self.github or path in self.rusak:
            return isi
        from github_rekaman import lengkap

        berkas = self.get(f"{path}/files?per_page=100")
        if isinstance(isi, dict) and "changed_files" not in isi and isinstance(berkas, list):
            # a recording that leaves the count out: the files it records
            isi = {**isi, "changed_files": len(berkas)}
        return lengkap(path, isi)


@dataclass
class Hasil:
    kode: int
    keluaran: str
    galat: str


def jalankan(capsys: pytest.CaptureFixture[str], *argv: str) -> Hasil:
    """Run the CLI in-process (as the console script would) and capture what it printed."""
    capsys.readouterr()
    try:
        main(list(argv))
    except SystemExit as e:
        kode = int(e.code or 0)
    else:  # pragma: no cover - main always exits
        kode = -1
    out = capsys.readouterr()
    return Hasil(kode, out.out, out.err)


@pytest.fixture
def kantor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the small test office, as the working directory."""
    tujuan = tmp_path / "repo"
    shutil.copytree(DASAR, tujuan)
    monkeypatch.chdir(tujuan)
    return tujuan


@pytest.fixture
def contoh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample office shipped in the repository."""
    tujuan = salin_contoh(tmp_path / "contoh")
    monkeypatch.chdir(tujuan)
    return tujuan
