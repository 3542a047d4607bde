"""Golden cases: each folder under cases/valid and cases/invalid is one test.

A case is the small office in cases/_dasar with the case's ``repo/`` files laid over it (and
``hapus`` files removed); ``kasus.yml`` holds the command, the exact output and the exit code.
Run with KINERJA_GOLDEN=perbarui to rewrite the expectations after a deliberate change, then
read the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from conftest import DASAR, KASUS, jalankan

SEMUA = sorted(p for jenis in ("valid", "invalid") for p in (KASUS / jenis).iterdir() if p.is_dir())


def _yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    return y


@pytest.mark.parametrize("folder", SEMUA, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_kasus(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               capsys: pytest.CaptureFixture[str]) -> None:
    y = _yaml()
    kasus = y.load((folder / "kasus.yml").read_text(encoding="utf-8"))
    repo = tmp_path / "repo"
    shutil.copytree(DASAR, repo)
    if (folder / "repo").is_dir():
        shutil.copytree(folder / "repo", repo, dirs_exist_ok=True, symlinks=True)
    for hapus in kasus.get("hapus") or ():
        (repo / hapus).unlink()
    monkeypatch.chdir(repo)
    hasil = jalankan(capsys, *[str(a) for a in kasus["perintah"]])

    if os.environ.get("KINERJA_GOLDEN") == "perbarui":
        kasus["kode"] = hasil.kode
        kasus["keluaran"] = LiteralScalarString(hasil.keluaran) if hasil.keluaran else ""
        if hasil.galat:
            kasus["galat"] = LiteralScalarString(hasil.galat)
        elif "galat" in kasus:
            del kasus["galat"]
        with (folder / "kasus.yml").open("w", encoding="utf-8") as f:
            y.dump(kasus, f)
        return

    assert hasil.keluaran == (kasus.get("keluaran") or "")
    assert hasil.galat == (kasus.get("galat") or "")
    assert hasil.kode == kasus["kode"]
    harus = 0 if folder.parent.name == "valid" else 1
    assert hasil.kode == harus, "valid cases exit 0, invalid ones 1"
    assert "Traceback" not in hasil.keluaran + hasil.galat


PERIKSA_SEMUA = [p for p in SEMUA if p.parent.name == "invalid"
                 and _yaml().load((p / "kasus.yml").read_text(encoding="utf-8"))["perintah"]
                 == ["periksa"]]


@pytest.mark.parametrize("folder", PERIKSA_SEMUA, ids=lambda p: p.name)
def test_setiap_perintah_melaporkan_temuan_yang_sama(folder: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """One snapshot, one set of findings: what refuses ``rekap``, ``laporan`` or ``surat`` is
    exactly what ``periksa`` reports for the same files, never another reading of them."""
    repo = tmp_path / "repo"
    shutil.copytree(DASAR, repo)
    if (folder / "repo").is_dir():
        shutil.copytree(folder / "repo", repo, dirs_exist_ok=True, symlinks=True)
    for hapus in _yaml().load((folder / "kasus.yml").read_text(encoding="utf-8")).get(
            "hapus") or ():
        (repo / hapus).unlink()
    monkeypatch.chdir(repo)

    def galat(*argv: str) -> tuple[int, set[str], str]:
        h = jalankan(capsys, *argv)
        baris = (h.keluaran + h.galat).splitlines()
        return (h.kode, {b for b in baris if ": galat: " in b and not b.startswith("kinerja:")},
                "\n".join(b for b in baris if b.startswith("kinerja: galat:")))

    _, biasa, tolak = galat("periksa")
    _, lengkap, _ = galat("periksa", "--lengkap")  # what a final document also asks
    for argv, semua in ((["rekap", "2026-tw1"], biasa), (["laporan", "2026-tw1"], lengkap),
                        (["surat", "2026-tw1", "--draf"], lengkap)):
        kode, temuan, pesan = galat(*argv)
        assert temuan <= semua, (argv, temuan - semua)
        if not semua and tolak:  # refused before any file could be read: the same words
            assert pesan == tolak, argv
        else:
            assert kode == 0 or temuan, argv  # a refusal always names its findings
