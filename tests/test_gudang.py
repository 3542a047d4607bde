"""The repository reader lists trees as ``git ls-tree -r`` does and resolves HEAD as
``git rev-parse`` does — it reads objects through one ``git cat-file --batch`` instead of a
process per listing — whatever the tree holds: nested folders, executable files, symbolic
links, submodules, names outside ASCII, and SHA-256 repositories."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kinerja.pengesahan import git
from kinerja.pengesahan.gudang import Gudang


def _g(akar: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(akar), *args], check=True, capture_output=True,
                          text=True, env={**os.environ, "GIT_AUTHOR_NAME": "A",
                                          "GIT_AUTHOR_EMAIL": "a@b.c", "GIT_COMMITTER_NAME": "A",
                                          "GIT_COMMITTER_EMAIL": "a@b.c"}).stdout


def _ls_tree(akar: Path, ref: str) -> list[git.Entri]:
    """What Git itself lists: the reference."""
    hasil = []
    for baris in _g(akar, "ls-tree", "-r", "-z", "--full-tree", ref, "--", "kinerja.yml",
                    "periods").split("\x00"):
        if baris:
            kepala, _, jalur = baris.partition("\t")
            mode, jenis, objek = kepala.split()
            hasil.append(git.Entri(mode, jenis, objek, jalur))
    return hasil


@pytest.mark.parametrize("format_", ["sha1", "sha256"])
def test_pohon_sama_dengan_ls_tree(tmp_path: Path, format_: str) -> None:
    akar = tmp_path / "r"
    _g(tmp_path, "init", "-q", "-b", "main", f"--object-format={format_}", str(akar))
    assert Gudang(akar).head is None  # no commit yet
    f = akar / "periods/2026/tw1"
    (f / "formulir").mkdir(parents=True)
    (f / "bukti/sub folder").mkdir(parents=True)
    (f / "formulir/pemerintahan.yml").write_text("a: 1\n")
    (f / "bukti/sub folder/foto ü.jpg").write_bytes(b"\xff\xd8")
    (f / "bukti/skrip.sh").write_text("#!/bin/sh\n")
    (f / "bukti/skrip.sh").chmod(0o755)
    (f / "bukti/tautan").symlink_to("skrip.sh")
    (akar / "periods/2026/perjanjian-kinerja.yml").write_text("tahun: 2026\n")
    (akar / "periods/2026/pk-tautan.yml").symlink_to("perjanjian-kinerja.yml")
    (akar / "kinerja.yml").write_text("nama: x\n")
    _g(akar, "add", "-A")
    sub = "1" * (40 if format_ == "sha1" else 64)
    _g(akar, "update-index", "--add", "--cacheinfo", f"160000,{sub},periods/2026/tw1/modul")
    _g(akar, "commit", "-q", "-m", "x")
    head = _g(akar, "rev-parse", "HEAD").strip()
    with Gudang(akar) as g:
        assert g.head == head
        semua = _ls_tree(akar, head)
        for folder in ("periods/2026/tw1", "periods/2026/tw1/bukti", "periods/2026",
                       "periods/2026/perjanjian-kinerja.yml", "periods/2026/pk-tautan.yml",
                       "periods/2026/tw1/bukti/tautan", "periods/2026/tw1/bukti/skrip.sh",
                       "kinerja.yml", "periods", "periods/2027", "periods/2026/tw1/modul"):
            harap = [e for e in semua if e.path == folder or e.path.startswith(folder + "/")]
            assert g.pohon(head, folder) == harap, folder
        jenis = {e.path.rsplit("/", 1)[-1]: (e.mode, e.jenis) for e in g.pohon(head, "periods")}
        assert jenis["skrip.sh"] == ("100755", "blob") and jenis["tautan"] == ("120000", "blob")
        assert jenis["modul"] == ("160000", "commit") and "foto ü.jpg" in jenis


def test_riwayat_satu_log_sama_dengan_git(tmp_path: Path) -> None:
    """One ``git log`` gives the commits and what each changes, as Git lists them apart: merges
    change nothing of their own, empty commits nothing, other folders are not the office's."""
    akar = tmp_path / "r"
    _g(tmp_path, "init", "-q", "-b", "main", str(akar))
    (akar / "periods/2026").mkdir(parents=True)
    (akar / "kinerja.yml").write_text("a\n")
    _g(akar, "add", "-A")
    _g(akar, "commit", "-q", "-m", "awal\x01 aneh\tsubjek")
    _g(akar, "commit", "-q", "--allow-empty", "-m", "kosong", "-m", "Kinerja-Langkah: 1")
    _g(akar, "checkout", "-q", "-b", "cabang")
    (akar / "periods/2026/a.yml").write_text("x\n")
    (akar / "content").mkdir()
    (akar / "content/index.md").write_text("# x\n")
    _g(akar, "add", "-A")
    _g(akar, "commit", "-q", "-m", "cabang")
    _g(akar, "checkout", "-q", "main")
    (akar / "periods/2026").mkdir(parents=True, exist_ok=True)
    (akar / "kinerja.yml").write_text("b\n")
    (akar / "periods/2026/b.yml").write_text("y\n")
    _g(akar, "add", "-A")
    _g(akar, "commit", "-q", "-m", "utama")
    _g(akar, "merge", "-q", "--no-ff", "-m", "gabung", "cabang")
    _g(akar, "rm", "-q", "periods/2026/a.yml")
    _g(akar, "commit", "-q", "-m", "hapus")
    with Gudang(akar) as g:
        urut = _g(akar, "log", "--topo-order", "--format=%H", "HEAD").split()
        assert list(g.commit) == urut[::-1]
        subjek = {c.subjek for c in g.commit.values()}
        assert "awal\x01 aneh\tsubjek" in subjek and "gabung" in subjek
        assert [c.trailer for c in g.commit.values() if c.subjek == "kosong"] == \
            [{"Kinerja-Langkah": "1"}]
        harap: dict[str, tuple[tuple[str, str], ...]] = {}
        for sha in urut:
            baris = _g(akar, "show", "--no-renames", "--name-status", "--format=", sha, "--",
                       "kinerja.yml", "periods").split("\n")
            ubah = tuple(tuple(b.split("\t", 1)) for b in baris if b)
            if ubah:
                harap[sha] = ubah  # type: ignore[assignment]
        assert g.berubah == harap
        assert len(harap) == 4  # awal, cabang (its periods file only), utama, hapus


def _dengan_samping(tmp_path: Path, *tag_samping: str) -> tuple[Path, str]:
    """A repository whose main branch has one commit on kinerja.yml, and a side branch one more
    (tagged with ``tag_samping``, annotated); main is checked out. The side commit's id."""
    akar = tmp_path / "r"
    _g(tmp_path, "init", "-q", "-b", "main", str(akar))
    (akar / "kinerja.yml").write_text("a\n")
    _g(akar, "add", "-A")
    _g(akar, "commit", "-q", "-m", "awal")
    _g(akar, "checkout", "-q", "-b", "samping")
    _g(akar, "commit", "-q", "--allow-empty", "-m", "samping")
    for nama in tag_samping:
        _g(akar, "tag", "-a", nama, "-m", "catatan")
    samping = _g(akar, "rev-parse", "HEAD").strip()
    _g(akar, "checkout", "-q", "main")
    return akar, samping


def test_siapkan_membaca_yang_sama_dan_tidak_meninggalkan_proses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tags and history started early (``siapkan``) read exactly what reading them when needed
    does — a tag on a side branch, a nested name, a tag on a blob — and what nobody read is
    ended, its process reaped."""
    akar, _ = _dengan_samping(tmp_path, "pengesahan/2026-tw1", "pengesahan/a/b")
    _g(akar, "commit", "-q", "--allow-empty", "-m", "utama")
    _g(akar, "tag", "-a", "pengesahan/2026-tw2", _g(akar, "rev-parse", "HEAD:kinerja.yml").strip(),
       "-m", "blob")
    _g(akar, "tag", "lain", "HEAD~1")
    with Gudang(akar) as g:
        harap = (g.tag, list(g.commit), g.berubah)
    dimulai: list[git.Nanti] = []
    asli = git.Nanti.__init__

    def catat(self: git.Nanti, *a: str) -> None:
        asli(self, *a)
        dimulai.append(self)

    monkeypatch.setattr(git.Nanti, "__init__", catat)
    with Gudang(akar) as g:
        g.siapkan()
        assert (g.tag, list(g.commit), g.berubah) == harap
    assert len(dimulai) == 2
    assert len(harap[1]) == 3  # awal and utama, and samping through its tag alone
    proses = []
    with Gudang(akar) as g:
        g.siapkan()
        proses = [n._p for n in dimulai[2:]]
    assert len(proses) == 2 and all(p is not None and p.returncode is not None for p in proses)


def test_tag_baru_sesudah_log_dimulai(tmp_path: Path) -> None:
    """A ratification tag made after git log started (so its pattern missed it) but read with
    the tags: the history is read again the certain way, with the commit that tag names."""
    akar, samping = _dengan_samping(tmp_path)
    with Gudang(akar) as g:
        g.siapkan()
        log = g._nanti["log"]
        assert log._p is not None
        log._p.wait()  # git log has read the refs, and written all it will
        g._nanti.pop("tag").batal()  # the tags are read after the tag is made
        _g(akar, "tag", "-a", "pengesahan/2026-tw1", samping, "-m", "catatan")
        assert g.tag["pengesahan/2026-tw1"].target == samping
        assert samping in g.commit and g._nanti == {}
