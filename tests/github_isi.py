"""The fake GitHub, answering also what the static form page asks: who the token is, a branch's
ref and tree, a file's contents, and an update of one file made as a commit by the token's
person (GitHub's contents API). Answers are made from GitHub's documented examples and validated
against its OpenAPI description like every other answer of the fake (``github_palsu``).

A save whose ``sha`` is not the file's blob on the branch now is refused with 409, as GitHub
does; ``ubah_di_cabang`` makes such a change from elsewhere (another person saving meanwhile)."""

from __future__ import annotations

import base64
import copy
import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import github_openapi as oa
from github_palsu import PROYEK, GitHubPalsu


def _git_biner(server: Path, *args: str, masukan: bytes | None = None,
               env: dict[str, str] | None = None) -> str:
    return subprocess.run(["git", "-C", str(server), *args], input=masukan,
                          capture_output=True, check=True,
                          env={**os.environ, **(env or {})}).stdout.decode().strip()


def tulis_berkas(server: Path, cabang: str, path: str, isi: bytes, pesan: str,
                 orang: tuple[str, str, str]) -> str:
    """One file's new content as a commit on ``cabang`` by ``orang`` (login, name, e-mail), as
    a Git host's contents API makes it: the person is the author and the committer."""
    induk = _git_biner(server, "rev-parse", f"refs/heads/{cabang}")
    blob = _git_biner(server, "hash-object", "-w", "--stdin", masukan=isi)
    with tempfile.TemporaryDirectory() as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        _git_biner(server, "read-tree", induk, env=env)
        _git_biner(server, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}",
                   env=env)
        pohon = _git_biner(server, "write-tree", env=env)
    _, nama, email = orang
    waktu = "2026-12-06T10:00:00+07:00"
    commit = _git_biner(server, "commit-tree", pohon, "-p", induk, "-m", pesan, env={
        "GIT_AUTHOR_NAME": nama, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": waktu,
        "GIT_COMMITTER_NAME": nama, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": waktu})
    _git_biner(server, "update-ref", f"refs/heads/{cabang}", commit, induk)
    return commit


def blob_di(server: Path, cabang: str, path: str) -> str | None:
    keluar = _git_biner(server, "ls-tree", f"refs/heads/{cabang}", "--", path).split()
    return keluar[2] if len(keluar) >= 3 else None


class GitHubIsi(GitHubPalsu):
    def __init__(self, server: Path, akun: dict[str, str],
                 token: dict[str, tuple[str, str, str]]) -> None:
        super().__init__(server, akun)
        self.token = token  # token → (login, name, e-mail)
        self.simpanan: list[tuple[str, str]] = []  # (login, commit) of each save

    def _orang(self, otorisasi: str) -> tuple[str, str, str] | None:
        jenis, _, t = otorisasi.partition(" ")
        return self.token.get(t) if jenis.lower() in ("bearer", "token") else None

    def _blob(self, cabang: str, path: str) -> str | None:
        return blob_di(self.server, cabang, path)

    def tulis_berkas(self, cabang: str, path: str, isi: bytes, pesan: str,
                     orang: tuple[str, str, str]) -> str:
        return tulis_berkas(self.server, cabang, path, isi, pesan, orang)

    def ubah_di_cabang(self, cabang: str, path: str, isi: bytes,
                       orang: tuple[str, str, str]) -> str:
        return self.tulis_berkas(cabang, path, isi, f"Ubah {path}", orang)

    def jawab(self, metode: str, url: str, isi: Any, otorisasi: str = "") -> tuple[int, Any]:
        bagian = urlsplit(url)
        path, q = bagian.path, parse_qs(bagian.query)
        c = oa.deskripsi().cocokkan(metode, path)
        op = c.operasi.get("operationId")
        if op not in ("users/get-authenticated", "git/get-ref", "git/get-tree", "git/get-blob",
                      "git/list-matching-refs", "repos/get-content",
                      "repos/create-or-update-file-contents"):
            return super().jawab(metode, url, isi, otorisasi)
        oa.periksa_permintaan(metode, path, isi)
        p_ = c.parameter
        orang = self._orang(otorisasi)
        if op == "users/get-authenticated":
            if orang is None:
                return 401, {"message": "Bad credentials",
                             "documentation_url": "https://docs.github.com/rest"}
            d = self._contoh("GET", path)
            d.update({"login": orang[0], "name": orang[1], "email": orang[2]})
            return 200, d
        if orang is None or f"{p_['owner']}/{p_['repo']}" != PROYEK:
            return 404, {"message": "Not Found", "documentation_url": "https://docs.github.com"}
        if op == "git/get-ref":
            ref = p_["ref"]
            try:
                sha = self.rev(f"refs/{ref}")
            except subprocess.CalledProcessError:
                return 404, {"message": "Not Found"}
            d = self._contoh("GET", path)
            d.update({"ref": f"refs/{ref}"})
            d["object"].update({"sha": sha, "type": "commit"})
            return 200, d
        if op == "git/get-blob":
            try:
                mentah = subprocess.run(["git", "-C", str(self.server), "cat-file", "blob",
                                         p_["file_sha"]], capture_output=True, check=True).stdout
            except subprocess.CalledProcessError:
                return 404, {"message": "Not Found"}
            d = self._contoh("GET", path)
            b64 = base64.b64encode(mentah).decode()
            d.update({"sha": p_["file_sha"], "size": len(mentah), "encoding": "base64",
                      "content": "\n".join(b64[i:i + 60] for i in range(0, len(b64), 60))})
            return 200, d
        if op == "git/list-matching-refs":
            contoh = self._contoh("GET", path)[0]
            hasil = []
            for b in self.git("for-each-ref", "--format=%(refname) %(objectname) %(objecttype)",
                              f"refs/{p_['ref']}*").splitlines():
                nama, sha, jenis = b.split()
                if nama.startswith(f"refs/{p_['ref']}"):
                    d = copy.deepcopy(contoh)
                    d.update({"ref": nama})
                    d["object"].update({"sha": sha, "type": jenis})
                    hasil.append(d)
            return 200, hasil
        if op == "git/get-tree":
            d = self._contoh("GET", path)
            contoh = d["tree"][0]
            baris = self.git("ls-tree", "-r", "-l", p_["tree_sha"]).splitlines() \
                if q.get("recursive") else self.git("ls-tree", "-l", p_["tree_sha"]).splitlines()
            pohon = []
            for b in baris:
                kepala, nama = b.split("\t", 1)
                mode, jenis, sha, ukuran = kepala.split()
                e = dict(contoh)
                e.update({"path": nama, "mode": mode, "type": jenis, "sha": sha})
                if ukuran != "-":
                    e["size"] = int(ukuran)
                pohon.append(e)
            d.update({"sha": self.git("rev-parse", f"{p_['tree_sha']}^{{tree}}").strip(),
                      "tree": pohon, "truncated": False})
            return 200, d
        cabang = (q.get("ref") or ["main"])[0] if op == "repos/get-content" else \
            (isi or {}).get("branch", "main")
        blob = self._blob(cabang, p_["path"])
        if op == "repos/get-content":
            if blob is None:
                return 404, {"message": "Not Found"}
            mentah = subprocess.run(["git", "-C", str(self.server), "cat-file", "blob", blob],
                                    capture_output=True, check=True).stdout
            d = self._contoh("GET", path)
            b64 = base64.b64encode(mentah).decode()
            d.update({"name": p_["path"].rsplit("/", 1)[-1], "path": p_["path"], "sha": blob,
                      "size": len(mentah), "type": "file", "encoding": "base64",
                      # GitHub breaks the base64 into lines of 60
                      "content": "\n".join(b64[i:i + 60] for i in range(0, len(b64), 60))})
            return 200, d
        # repos/create-or-update-file-contents
        if blob is not None and isi.get("sha") != blob:
            return 409, {"message": f"{p_['path']} does not match {isi.get('sha')}",
                         "documentation_url": "https://docs.github.com/rest"}
        baru = base64.b64decode(isi["content"], validate=True)
        commit = self.tulis_berkas(cabang, p_["path"], baru, isi["message"], orang)
        self.simpanan.append((orang[0], commit))
        d = self._contoh("PUT", path)
        d["content"].update({"path": p_["path"], "name": p_["path"].rsplit("/", 1)[-1],
                             "sha": self._blob(cabang, p_["path"]), "size": len(baru)})
        d["commit"].update({"sha": commit, "message": isi["message"]})
        return 200, d


def jalankan(server: Path, akun: dict[str, str],
             token: dict[str, tuple[str, str, str]]) -> Iterator[GitHubIsi]:
    g = GitHubIsi(server, akun, token)
    g.mulai()
    try:
        yield g
    finally:
        g.berhenti()
