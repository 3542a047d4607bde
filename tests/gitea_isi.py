"""A fake Gitea on loopback for the static form page: OAuth2 sign-in with PKCE for a public
client, and the API calls the page makes (who the token is, a branch, its tree page by page, a
file's contents, an update of one file as that person's commit). One repository: a bare Git
repository on disk.

What Gitea documents is what it does: ``/login/oauth/authorize`` sends the browser back to the
client's registered address with a one-time code (the person is taken as signed in at Gitea
and consenting); ``/login/oauth/access_token`` trades the code for a token only with the verifier
whose SHA-256 is the challenge (RFC 7636), the same client and the same redirect address; CORS
headers only for the origins the admin allowed (``[cors] ALLOW_DOMAIN``, Gitea ≥ 1.21.1 also on
the token endpoint); lists capped at 50 items a page (``MAX_RESPONSE_ITEMS``); a stale ``sha``
refused with 422. Every API answer and request body is checked against Gitea's own types
(``gitea_jenis``); a misfit is recorded in ``galat`` and answered 500 — the test asserts
``galat`` is empty in its own thread."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import gitea_jenis
from github_isi import blob_di, tulis_berkas

PROYEK = "kecamatan-contoh/kinerja"
HALAMAN_MAKS = 50  # Gitea's [api] MAX_RESPONSE_ITEMS default
Orang = tuple[str, str, str]  # login, full name, e-mail


class Tolak(Exception):
    def __init__(self, status: int, isi: dict[str, Any]) -> None:
        super().__init__(status)
        self.status, self.isi = status, isi


class GiteaIsi:
    def __init__(self, server: Path, klien: dict[str, str], masuk: Orang,
                 cors: tuple[str, ...]) -> None:
        self.server = server
        self.klien = klien  # client_id → its registered redirect URI
        self.masuk = masuk  # who is signed in to Gitea in the browser
        self.cors = cors
        self.kode: dict[str, tuple[str, str, str, Orang]] = {}  # code → challenge, client, uri
        self.token: dict[str, Orang] = {}
        self.segar: dict[str, Orang] = {}  # refresh token → its person
        self.cakupan: list[str] = []  # the scope each authorization asked for
        self.permintaan: list[tuple[str, str]] = []
        self.galat: list[str] = []
        self.simpanan: list[tuple[str, str]] = []
        self.tukar: list[dict[str, str]] = []  # each token request's body, as sent
        self.kunci = threading.Lock()
        self._http: ThreadingHTTPServer | None = None

    # --- OAuth2 ----------------------------------------------------------------------------

    def izinkan(self, q: dict[str, str]) -> str:
        """Where /login/oauth/authorize sends the browser."""
        klien, uri = q.get("client_id", ""), q.get("redirect_uri", "")
        if self.klien.get(klien) != uri:
            raise Tolak(400, {"message": "unregistered client or redirect_uri"})
        if q.get("response_type") != "code" or q.get("code_challenge_method") != "S256" or \
                len(q.get("code_challenge", "")) != 43:
            return f"{uri}?{urlencode({'error': 'invalid_request', 'state': q.get('state', '')})}"
        self.cakupan.append(q.get("scope", ""))
        kode = secrets.token_urlsafe(16)
        self.kode[kode] = (q["code_challenge"], klien, uri, self.masuk)
        return f"{uri}?{urlencode({'code': kode, 'state': q.get('state', '')})}"

    def tukar_kode(self, isi: dict[str, str]) -> dict[str, Any]:
        self.tukar.append(dict(isi))
        if isi.get("grant_type") == "refresh_token":
            orang_ = self.segar.pop(isi.get("refresh_token", ""), None)
            if orang_ is None or isi.get("client_id") not in self.klien:
                raise Tolak(400, {"error": "invalid_grant",
                                  "error_description": "refresh token is not valid"})
            return self._token(orang_)
        tantangan, klien, uri, orang = self.kode.pop(isi.get("code", ""), ("", "", "", None))
        pemeriksa = base64.urlsafe_b64encode(hashlib.sha256(
            isi.get("code_verifier", "").encode()).digest()).decode().rstrip("=")
        if orang is None or isi.get("grant_type") != "authorization_code" or \
                isi.get("client_id") != klien or isi.get("redirect_uri") != uri or \
                pemeriksa != tantangan:
            raise Tolak(400, {"error": "invalid_grant",
                              "error_description": "code or verifier is not valid"})
        return self._token(orang)

    def _token(self, orang: Orang) -> dict[str, Any]:
        token, segar = secrets.token_hex(20), secrets.token_hex(20)
        self.token[token] = orang
        self.segar[segar] = orang
        return {"access_token": token, "token_type": "bearer", "expires_in": 3600,
                "refresh_token": segar}

    def kedaluwarsa(self) -> None:
        """Every access token expires (Gitea's last an hour); refresh tokens stay valid."""
        self.token.clear()

    # --- the API ---------------------------------------------------------------------------

    def _git(self, *args: str) -> str:
        return subprocess.run(["git", "-C", str(self.server), *args], capture_output=True,
                              text=True, check=True).stdout

    def ubah_di_cabang(self, cabang: str, path: str, isi: bytes, orang: Orang) -> str:
        return tulis_berkas(self.server, cabang, path, isi, f"Ubah {path}", orang)

    def api(self, metode: str, jalan: str, q: dict[str, str], isi: Any,
            orang: Orang | None) -> tuple[int, Any, str]:
        """(status, body, the Gitea type of the body) for one API request."""
        if orang is None:
            return 401, {"message": "token is required", "url": ""}, "APIError"
        if jalan == "/api/v1/user" and metode == "GET":
            return 200, {"id": 7, "login": orang[0], "full_name": orang[1], "email": orang[2],
                         "login_name": orang[0], "active": True}, "User"
        awal = f"/api/v1/repos/{PROYEK}/"
        if not jalan.startswith(awal):
            return 404, {"message": "The target couldn't be found.", "url": ""}, "APIError"
        sisa = jalan[len(awal):]
        if sisa.startswith("branches/") and metode == "GET":
            cabang = unquote(sisa[len("branches/"):])
            try:
                sha = self._git("rev-parse", f"refs/heads/{cabang}^{{commit}}").strip()
            except subprocess.CalledProcessError:
                return 404, {"message": "branch does not exist", "url": ""}, "APIError"
            return 200, {"name": cabang, "commit": {"id": sha, "message": "", "url": ""},
                         "protected": False, "user_can_push": True}, "Branch"
        if sisa.startswith("git/trees/") and metode == "GET":
            sha = sisa[len("git/trees/"):]
            baris = self._git("ls-tree", "-l", *(["-r"] if q.get("recursive") == "true" else []),
                              sha).splitlines()
            per = min(int(q.get("per_page") or HALAMAN_MAKS), HALAMAN_MAKS)
            halaman = max(int(q.get("page") or 1), 1)
            semua = []
            for b in baris:
                kepala, nama = b.split("\t", 1)
                mode, jenis, blob, ukuran = kepala.split()
                semua.append({"path": nama, "mode": mode, "type": jenis, "sha": blob,
                              "size": 0 if ukuran == "-" else int(ukuran), "url": ""})
            potong = semua[(halaman - 1) * per:halaman * per]
            return 200, {"sha": sha, "url": "", "tree": potong, "page": halaman,
                         "total_count": len(semua),
                         "truncated": halaman * per < len(semua)}, "GitTreeResponse"
        if sisa.startswith("git/blobs/") and metode == "GET":
            try:
                mentah = subprocess.run(["git", "-C", str(self.server), "cat-file", "blob",
                                         sisa[len("git/blobs/"):]], capture_output=True,
                                        check=True).stdout
            except subprocess.CalledProcessError:
                return 404, {"message": "object does not exist", "url": ""}, "APIError"
            return 200, {"sha": sisa[len("git/blobs/"):], "size": len(mentah), "url": "",
                         "encoding": "base64", "content": base64.b64encode(mentah).decode()}, \
                "GitBlobResponse"
        if sisa.startswith("git/refs/") and metode == "GET":
            awalan = "refs/" + unquote(sisa[len("git/refs/"):])
            refs = [b.split() for b in self._git("for-each-ref", "--format=%(refname) "
                                                 "%(objectname) %(objecttype)",
                                                 f"{awalan}*").splitlines()]
            refs = [r for r in refs if r[0].startswith(awalan)]
            if not refs:  # Gitea: no ref of that name or prefix
                return 404, {"message": "The target couldn't be found.", "url": ""}, "APIError"
            return 200, [{"ref": r[0], "url": "", "object": {"sha": r[1], "type": r[2], "url": ""}}
                         for r in refs], "Reference[]"
        if sisa.startswith("contents/"):
            path = unquote(sisa[len("contents/"):])
            if metode == "GET":
                cabang = q.get("ref", "main")
                blob = blob_di(self.server, cabang, path)
                if blob is None:
                    return 404, {"message": "object does not exist", "url": ""}, "APIError"
                mentah = subprocess.run(["git", "-C", str(self.server), "cat-file", "blob",
                                         blob], capture_output=True, check=True).stdout
                return 200, {"name": path.rsplit("/", 1)[-1], "path": path, "sha": blob,
                             "type": "file", "size": len(mentah), "encoding": "base64",
                             "content": base64.b64encode(mentah).decode()}, "ContentsResponse"
            if metode == "PUT":
                gitea_jenis.periksa("UpdateFileOptions", isi)
                cabang = isi.get("branch") or "main"
                blob = blob_di(self.server, cabang, path)
                if blob is None:
                    return 404, {"message": "file does not exist", "url": ""}, "APIError"
                if isi["sha"] != blob:
                    return 422, {"message": f"sha does not match [given: {isi['sha']}, expected: "
                                            f"{blob}]", "url": ""}, "APIError"
                baru = base64.b64decode(isi["content"], validate=True)
                commit = tulis_berkas(self.server, cabang, path, baru, isi.get("message", ""),
                                      orang)
                self.simpanan.append((orang[0], commit))
                return 200, {"content": {"path": path, "sha": blob_di(self.server, cabang, path),
                                         "type": "file", "size": len(baru)},
                             "commit": {"sha": commit, "message": isi.get("message", ""),
                                        "author": {"name": orang[1], "email": orang[2]}}}, \
                    "FileResponse"
        return 404, {"message": "The target couldn't be found.", "url": ""}, "APIError"

    # --- HTTP ------------------------------------------------------------------------------

    @property
    def alamat(self) -> str:
        assert self._http is not None
        return f"http://127.0.0.1:{self._http.server_address[1]}"

    def mulai(self) -> str:
        palsu = self

        class Penangan(BaseHTTPRequestHandler):
            def _cors(self) -> None:
                asal = self.headers.get("Origin", "")
                if asal in palsu.cors:
                    self.send_header("Access-Control-Allow-Origin", asal)
                    self.send_header("Vary", "Origin")

            def _kirim(self, status: int, isi: Any, kepala: dict[str, str] | None = None) -> None:
                data = b"" if isi is None else json.dumps(isi).encode()
                self.send_response(status)
                self._cors()
                for k, v in (kepala or {}).items():
                    self.send_header(k, v)
                if isi is not None:
                    self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _layani(self, metode: str) -> None:
                bagian = urlsplit(self.path)
                q = {k: v[0] for k, v in parse_qs(bagian.query).items()}
                panjang = int(self.headers.get("Content-Length") or 0)
                mentah = self.rfile.read(panjang) if panjang else b""
                with palsu.kunci:
                    palsu.permintaan.append((metode, self.path))
                    try:
                        self._jawab(metode, bagian.path, q, mentah)
                    except Tolak as t:
                        self._kirim(t.status, t.isi)
                    except (AssertionError, KeyError, ValueError) as e:
                        palsu.galat.append(f"{metode} {self.path}: {type(e).__name__}: {e}")
                        self._kirim(500, {"message": "tiruan: permintaan tidak sah", "url": ""})

            def _jawab(self, metode: str, jalan: str, q: dict[str, str], mentah: bytes) -> None:
                if jalan == "/login/oauth/authorize" and metode == "GET":
                    self._kirim(302, None, {"Location": palsu.izinkan(q)})
                    return
                if jalan == "/login/oauth/access_token" and metode == "POST":
                    jenis = self.headers.get("Content-Type", "")
                    isi = json.loads(mentah) if "json" in jenis else \
                        {k: v[0] for k, v in parse_qs(mentah.decode()).items()}
                    self._kirim(200, palsu.tukar_kode(isi))
                    return
                jenis_, _, t = self.headers.get("Authorization", "").partition(" ")
                orang = palsu.token.get(t) if jenis_.lower() in ("bearer", "token") else None
                isi = json.loads(mentah) if mentah else None
                status, badan, tipe = palsu.api(metode, jalan, q, isi, orang)
                if tipe.endswith("[]"):
                    for x in badan:
                        gitea_jenis.periksa(tipe[:-2], x)
                else:
                    gitea_jenis.periksa(tipe, badan)
                self._kirim(status, badan)

            def do_OPTIONS(self) -> None:  # preflight, answered only for an allowed origin
                with palsu.kunci:
                    palsu.permintaan.append(("OPTIONS", self.path))
                self.send_response(200 if self.headers.get("Origin", "") in palsu.cors else 403)
                self._cors()
                self.send_header("Access-Control-Allow-Methods", "GET,HEAD,POST,PUT,PATCH,DELETE")
                self.send_header("Access-Control-Allow-Headers",
                                 "Content-Type,Authorization,Accept")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self) -> None:
                self._layani("GET")

            def do_POST(self) -> None:
                self._layani("POST")

            def do_PUT(self) -> None:
                self._layani("PUT")

            def log_message(self, *_: object) -> None:
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Penangan)
        threading.Thread(target=self._http.serve_forever, daemon=True).start()
        return self.alamat

    def berhenti(self) -> None:
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()


def jalankan(server: Path, klien: dict[str, str], masuk: Orang,
             cors: tuple[str, ...]) -> Iterator[GiteaIsi]:
    g = GiteaIsi(server, klien, masuk, cors)
    g.mulai()
    try:
        yield g
    finally:
        g.berhenti()
