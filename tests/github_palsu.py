"""A fake of GitHub for the workflow harness, served on loopback: one repository (a bare Git
repository on disk is its Git side), its pull requests, reviews, commit statuses and releases.

Every answer is made from the example GitHub's own OpenAPI description documents for that
operation (``@octokit/openapi``), with only the fields a scenario decides replaced, and is then
validated against that description; every request must be an operation the description has,
with a body that fits it. A request or an answer that does not is recorded in ``galat`` and
answered 500 — the test asserts ``galat`` is empty in its own thread."""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import github_openapi as oa

PEMILIK, NAMA = "kecamatan-contoh", "kinerja"
PROYEK = f"{PEMILIK}/{NAMA}"


@dataclass
class PR:
    nomor: int
    judul: str
    cabang: str  # head ref (in the fork, for a fork's pull request)
    dasar: str
    pembuat: str  # login
    fork: str | None = None  # the fork's full name
    draf: bool = False
    terbuka: bool = True
    gabung: str | None = None  # merge commit sha, once merged
    badan: str = ""
    dasar_gabung: str | None = None  # the base's tip when it was merged


@dataclass
class Ulasan:
    login: str
    keadaan: str  # APPROVED | CHANGES_REQUESTED | COMMENTED | DISMISSED
    commit: str
    waktu: str
    badan: str = ""


@dataclass
class Aset:
    id: int
    nama: str
    isi: bytes


@dataclass
class Rilis:
    id: int
    tag: str
    judul: str
    badan: str
    aset: list[Aset] = field(default_factory=list)


class GitHubPalsu:
    """The state of one repository on the fake GitHub, and its HTTP face."""

    def __init__(self, server: Path, akun: dict[str, str]) -> None:
        self.server = server  # the bare repository: refs/heads/*, refs/tags/*, refs/pull/*
        self.akun = akun  # e-mail → login: who a commit's author is on GitHub
        self.pr: dict[int, PR] = {}
        self.ulasan: dict[int, list[Ulasan]] = {}
        self.status: list[dict[str, Any]] = []
        self.rilis: list[Rilis] = []
        self.permintaan: list[tuple[str, str]] = []
        self.galat: list[str] = []
        self._id = itertools.count(1000)
        self.kunci = threading.Lock()
        self._http: ThreadingHTTPServer | None = None

    # --- the Git side ---------------------------------------------------------------------

    def git(self, *args: str) -> str:
        return subprocess.run(["git", "-C", str(self.server), *args], capture_output=True,
                              text=True, check=True).stdout

    def rev(self, ref: str) -> str:
        return self.git("rev-parse", f"{ref}^{{commit}}").strip()

    def head(self, p: PR) -> str:
        return self.rev(f"refs/pull/{p.nomor}/head" if p.fork else f"refs/heads/{p.cabang}")

    def segarkan_ref_pr(self, p: PR) -> None:
        """refs/pull/N/head, and refs/pull/N/merge (the head merged into the base) as GitHub
        keeps them for an open pull request."""
        head = self.head(p)
        self.git("update-ref", f"refs/pull/{p.nomor}/head", head)
        dasar = self.rev(f"refs/heads/{p.dasar}")
        pohon = self.git("merge-tree", "--write-tree", dasar, head).split()[0]
        gabung = self.git("commit-tree", pohon, "-p", dasar, "-p", head, "-m",
                          f"Merge {head} into {dasar}").strip()
        self.git("update-ref", f"refs/pull/{p.nomor}/merge", gabung)

    # --- answers, each from the documented example ---------------------------------------

    @staticmethod
    def _contoh(metode: str, path: str, status: int = 200) -> Any:
        contoh = oa.contoh_jawaban(metode, path, status)
        return copy.deepcopy(next(iter(contoh.values())))

    def _pengguna(self, login: str, contoh: dict[str, Any]) -> dict[str, Any]:
        u = copy.deepcopy(contoh)
        u.update({"login": login, "id": int(hashlib.sha1(login.encode()).hexdigest()[:6], 16),
                  "type": "Bot" if login.endswith("[bot]") else "User"})
        return u

    def _repo(self, contoh: dict[str, Any], full: str) -> dict[str, Any]:
        r = copy.deepcopy(contoh)
        pemilik, nama = full.split("/")
        r.update({"full_name": full, "name": nama, "fork": full != PROYEK})
        r["owner"] = self._pengguna(pemilik, r["owner"])
        return r

    def _pr(self, p: PR, contoh: dict[str, Any]) -> dict[str, Any]:
        d = copy.deepcopy(contoh)
        head, dasar = self.head(p), self._dasar(p)
        d.update({"number": p.nomor, "title": p.judul, "body": p.badan, "draft": p.draf,
                  "state": "open" if p.terbuka else "closed",
                  "merged": p.gabung is not None, "merge_commit_sha": p.gabung,
                  "merged_at": "2026-07-08T04:00:00Z" if p.gabung else None,
                  "user": self._pengguna(p.pembuat, d["user"]),
                  # the example names a team without its (now required) type: none asked here
                  "requested_teams": [], "requested_reviewers": []})
        d["head"].update({"ref": p.cabang, "sha": head,
                          "repo": self._repo(d["head"]["repo"], p.fork or PROYEK)})
        d["base"].update({"ref": p.dasar, "sha": dasar,
                          "repo": self._repo(d["base"]["repo"], PROYEK)})
        if "changed_files" in d:
            d["changed_files"] = len(self._berkas(p))
        return d

    def _dasar(self, p: PR) -> str:
        """The base the pull request is compared with: the branch now, or as it was merged."""
        if p.gabung:
            return p.dasar_gabung or self.rev(f"{p.gabung}^1")
        return self.rev(f"refs/heads/{p.dasar}")

    def _berkas(self, p: PR) -> list[tuple[str, str]]:
        dasar = self._dasar(p)
        keluar = self.git("diff", "--name-status", "--no-renames", f"{dasar}...{self.head(p)}")
        return [tuple(b.split("\t", 1)) for b in keluar.splitlines() if b]  # type: ignore[misc]

    def _commit(self, sha: str, contoh: dict[str, Any]) -> dict[str, Any]:
        d = copy.deepcopy(contoh)
        data = self.git("show", "-s", "--format=%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B",
                        sha).split("\x00")
        induk, an, ae, ad, cn, ce, cd, pesan = data[:8]
        d.update({"sha": sha, "parents": [{"sha": x, "url": d["parents"][0]["url"] if d.get(
            "parents") else "https://api.github.com/x", "html_url": "https://github.com/x"}
            for x in induk.split()]})
        d["commit"].update({"message": pesan.strip(),
                            "author": {"name": an, "email": ae, "date": ad},
                            "committer": {"name": cn, "email": ce, "date": cd}})
        for peran, surel in (("author", ae), ("committer", ce)):
            login = self.akun.get(surel.lower())
            d[peran] = self._pengguna(login, d[peran] or self._contoh_pengguna()) if login else None
        if "files" in d:  # what the commit changes against its first parent
            contoh = d["files"][0] if d["files"] else {}
            d["files"] = []
            for baris in self.git("diff-tree", "-r", "--no-commit-id", "--no-renames", "--root",
                                  sha).splitlines() if len(induk.split()) < 2 else []:
                kiri, nama = baris.split("\t", 1)
                blob, st = kiri.split()[3], kiri.split()[4]
                d["files"].append({**copy.deepcopy(contoh), "sha": blob, "filename": nama,
                                   "status": {"A": "added", "D": "removed"}.get(st, "modified"),
                                   "contents_url": f"https://api.github.com/repos/{PROYEK}/"
                                                   f"contents/{nama}?ref={sha}"})
        return d

    def _contoh_pengguna(self) -> dict[str, Any]:
        return self._contoh("GET", "/repos/o/r/pulls/1")["user"]  # type: ignore[no-any-return]

    def jawab(self, metode: str, url: str, isi: Any, otorisasi: str = "") -> tuple[int, Any]:
        """The answer to one request (status, body); raises AssertionError on an undocumented
        request or body. ``otorisasi``: the request's Authorization header (a subclass that
        answers for a person's token reads it)."""
        bagian = urlsplit(url)
        path, q = bagian.path, parse_qs(bagian.query)
        c = oa.deskripsi().cocokkan(metode, path)
        oa.periksa_permintaan(metode, path, isi)
        p_ = c.parameter
        op = c.operasi.get("operationId")
        if p_.get("owner") and f"{p_['owner']}/{p_['repo']}" != PROYEK:
            return 404, {"message": "Not Found", "documentation_url": "https://docs.github.com"}
        if op == "pulls/get":
            p = self.pr.get(int(p_["pull_number"]))
            if p is None:
                return 404, {"message": "Not Found"}
            return 200, self._pr(p, self._contoh("GET", path))
        if op == "pulls/list":
            contoh = self._contoh("GET", path)[0]
            hasil = [self._pr(p, contoh) for p in self.pr.values()
                     if q.get("state", ["open"])[0] in ("all", "open" if p.terbuka else "closed")
                     and ("head" not in q or q["head"][0] ==
                          f"{(p.fork or PROYEK).split('/')[0]}:{p.cabang}")
                     and ("base" not in q or q["base"][0] == p.dasar)]
            return 200, hasil
        if op == "pulls/list-reviews":
            contoh = self._contoh("GET", path)[0]
            hasil = []
            for u in self.ulasan.get(int(p_["pull_number"]), []):
                d = copy.deepcopy(contoh)
                d.update({"id": next(self._id), "user": self._pengguna(u.login, d["user"]),
                          "state": u.keadaan, "commit_id": u.commit, "submitted_at": u.waktu,
                          "body": u.badan})
                hasil.append(d)
            return 200, hasil
        if op == "pulls/list-files":
            contoh = self._contoh("GET", path)[0]
            hasil = []
            for st, nama in self._berkas(self.pr[int(p_["pull_number"])]):
                d = copy.deepcopy(contoh)
                d.update({"filename": nama, "status": {"A": "added", "D": "removed"}.get(
                    st, "modified")})
                d.pop("previous_filename", None)
                hasil.append(d)
            return 200, hasil
        if op == "pulls/list-commits":
            pr = self.pr[int(p_["pull_number"])]
            contoh = self._contoh("GET", path)[0]
            dasar = self._dasar(pr)
            shas = self.git("rev-list", "--reverse", f"{dasar}..{self.head(pr)}").split()
            return 200, [self._commit(s, contoh) for s in shas]
        if op == "repos/get-commit":
            return 200, self._commit(self.rev(p_["ref"]), self._contoh("GET", path))
        if op == "repos/list-pull-requests-associated-with-commit":
            sha = p_["commit_sha"]
            contoh = self._contoh("GET", path)[0]
            hasil = []
            for p in self.pr.values():
                if p.gabung == sha or (not p.fork and p.terbuka and self._di_cabang(sha, p)):
                    hasil.append(self._pr(p, contoh))
            return 200, hasil
        if op == "repos/compare-commits-with-basehead":
            a, b = p_["basehead"].split("...", 1)
            basis = self.git("merge-base", a, b).strip()
            maju = int(self.git("rev-list", "--count", f"{a}..{b}"))
            mundur = int(self.git("rev-list", "--count", f"{b}..{a}"))
            d = self._contoh("GET", path)
            keadaan = "identical" if not maju and not mundur else "ahead" if not mundur else \
                "behind" if not maju else "diverged"
            d.update({"status": keadaan, "ahead_by": maju, "behind_by": mundur,
                      "total_commits": maju, "commits": [], "files": []})
            d["merge_base_commit"]["sha"] = basis
            return 200, d
        if op == "repos/create-commit-status":
            d = self._contoh("POST", path, 201)
            d.update({"state": isi["state"], "context": isi.get("context", "default"),
                      "description": isi.get("description"),
                      "target_url": isi.get("target_url")})
            self.status.append({"sha": p_["sha"], **isi})
            return 201, d
        if op == "pulls/create":
            if any(p.terbuka and p.cabang == isi["head"] for p in self.pr.values()):
                return 422, {"message": "Validation Failed", "errors": [
                    {"resource": "PullRequest", "code": "custom",
                     "message": f"A pull request already exists for {isi['head']}."}]}
            nomor = max(self.pr, default=0) + 1
            p = PR(nomor, isi["title"], isi["head"], isi["base"], "github-actions[bot]",
                   draf=bool(isi.get("draft")), badan=isi.get("body", ""))
            self.pr[nomor] = p
            self.segarkan_ref_pr(p)
            return 201, self._pr(p, self._contoh("POST", path, 201))
        if op == "repos/get-release-by-tag":
            r = next((x for x in self.rilis if x.tag == p_["tag"]), None)
            if r is None:
                return 404, {"message": "Not Found",
                             "documentation_url": "https://docs.github.com/rest"}
            return 200, self._rilis(r, self._contoh("GET", path))
        if op == "repos/create-release":
            if any(x.tag == isi["tag_name"] for x in self.rilis):
                return 422, {"message": "Validation Failed"}
            if not self.git("tag", "-l", isi["tag_name"]).strip():
                return 422, {"message": "Validation Failed",
                             "errors": [{"code": "invalid", "field": "tag_name"}]}
            r = Rilis(next(self._id), isi["tag_name"], isi.get("name", ""), isi.get("body", ""))
            self.rilis.append(r)
            return 201, self._rilis(r, self._contoh("POST", path, 201))
        if op == "repos/upload-release-asset":
            r = next(x for x in self.rilis if x.id == int(p_["release_id"]))
            nama = q["name"][0]
            if any(a.nama == nama for a in r.aset):
                return 422, {"message": "Validation Failed", "errors": [
                    {"resource": "ReleaseAsset", "code": "already_exists", "field": "name"}]}
            a = Aset(next(self._id), nama, isi)
            r.aset.append(a)
            return 201, self._aset(a, self._contoh("POST", path, 201))
        if op == "repos/delete-release-asset":
            for r in self.rilis:
                r.aset = [a for a in r.aset if a.id != int(p_["asset_id"])]
            return 204, None
        if op == "repos/update-release-asset":
            a = next(a for r in self.rilis for a in r.aset if a.id == int(p_["asset_id"]))
            a.nama = isi.get("name", a.nama)
            return 200, self._aset(a, self._contoh("PATCH", path))
        raise AssertionError(f"tiruan GitHub belum menjawab {metode} {c.templat} ({op})")

    def _di_cabang(self, sha: str, p: PR) -> bool:
        try:
            self.git("merge-base", "--is-ancestor", sha, self.head(p))
        except subprocess.CalledProcessError:
            return False
        return True

    def _rilis(self, r: Rilis, contoh: dict[str, Any]) -> dict[str, Any]:
        d = copy.deepcopy(contoh)
        aset_contoh = d["assets"][0] if d.get("assets") else self._contoh(
            "PATCH", "/repos/o/r/releases/assets/1")
        d.update({"id": r.id, "tag_name": r.tag, "name": r.judul, "body": r.badan,
                  "upload_url": f"{self.alamat}/repos/{PROYEK}/releases/{r.id}/assets"
                                "{?name,label}",
                  "assets": [self._aset(a, aset_contoh) for a in r.aset]})
        return d

    @staticmethod
    def _aset(a: Aset, contoh: dict[str, Any]) -> dict[str, Any]:
        d = copy.deepcopy(contoh)
        d.update({"id": a.id, "name": a.nama, "size": len(a.isi), "content_type": "application/pdf",
                  "digest": "sha256:" + hashlib.sha256(a.isi).hexdigest()})
        return d

    # --- HTTP ----------------------------------------------------------------------------

    @property
    def alamat(self) -> str:
        assert self._http is not None
        return f"http://127.0.0.1:{self._http.server_address[1]}"

    def mulai(self) -> str:
        palsu = self

        class Penangan(BaseHTTPRequestHandler):
            def _layani(self, metode: str) -> None:
                panjang = int(self.headers.get("Content-Length") or 0)
                mentah = self.rfile.read(panjang) if panjang else None
                jenis = self.headers.get("Content-Type", "")
                isi: Any = mentah
                if mentah is not None and "json" in jenis:
                    isi = json.loads(mentah)
                with palsu.kunci:
                    palsu.permintaan.append((metode, self.path))
                    try:
                        status, badan = palsu.jawab(metode, self.path, isi,
                                                    self.headers.get("Authorization", ""))
                        oa.periksa_jawaban(metode, urlsplit(self.path).path, status, badan)
                    except (AssertionError, LookupError, KeyError, ValueError) as e:
                        palsu.galat.append(f"{metode} {self.path}: {type(e).__name__}: {e}")
                        status, badan = 500, {"message": "tiruan: permintaan tidak sah"}
                data = b"" if badan is None else json.dumps(badan).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                # as api.github.com answers every origin: a page elsewhere sends its own token
                self.send_header("Access-Control-Allow-Origin", "*")
                self.end_headers()
                self.wfile.write(data)

            def do_OPTIONS(self) -> None:  # a browser's preflight, answered as GitHub does
                with palsu.kunci:
                    palsu.permintaan.append(("OPTIONS", self.path))
                self.send_response(204)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Methods",
                                 "GET, POST, PATCH, PUT, DELETE")
                self.send_header("Access-Control-Allow-Headers",
                                 "Authorization, Content-Type, Accept, X-GitHub-Api-Version")
                self.send_header("Access-Control-Max-Age", "86400")
                self.end_headers()

            def do_PUT(self) -> None:
                self._layani("PUT")

            def do_GET(self) -> None:
                self._layani("GET")

            def do_POST(self) -> None:
                self._layani("POST")

            def do_PATCH(self) -> None:
                self._layani("PATCH")

            def do_DELETE(self) -> None:
                self._layani("DELETE")

            def log_message(self, *_: object) -> None:
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Penangan)
        threading.Thread(target=self._http.serve_forever, daemon=True).start()
        return self.alamat

    def berhenti(self) -> None:
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()


def jalankan(server: Path, akun: dict[str, str]) -> Iterator[GitHubPalsu]:
    g = GitHubPalsu(server, akun)
    g.mulai()
    try:
        yield g
    finally:
        g.berhenti()
