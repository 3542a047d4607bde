"""``kinerja layani``: the form page for section staff, served on the office network, saving
each entry as its person's commit in the office's repository.

A small ASGI application (Starlette, run by uvicorn) with three calls beside the page — describe
a form, check values with the real checker, save them — each the library's own
(``buat.pengisian``). What keeps it safe on a shared network: only the Host names it was
started for are answered (no DNS rebinding), a request that changes anything must come from the
page itself (its Origin, JSON only, bounded size), every call needs a person's own token, one
save at a time holds the repository, and a commit contains only that one form (``--only``).
The page loads nothing from elsewhere and runs under a Content-Security-Policy.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kinerja import DATA
from kinerja.buat import pengisian as formulir
from kinerja.buat.isian import Ubah
from kinerja.inti import lolos
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import Kantor, Pegawai
from kinerja.layanan import potret
from kinerja.layani import akses

PENCATAT = "kinerja layani"
UKURAN_MAKS = 512 * 1024  # a form's values: far below this
KEAMANAN = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; connect-src 'self'; form-action 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the page's address holds the person's token
    "Cache-Control": "no-store",
}
ASET = {"formulir.js": "text/javascript", "formulir.css": "text/css"}


def _halaman_pesan(pesan: str, status: int = 404) -> Response:
    """A plain page with one message (an unknown link, the server's root)."""
    teks = pesan[:1].upper() + pesan[1:]
    return Response("<!doctype html><html lang=id><meta charset=utf-8><meta name=viewport "
                    "content='width=device-width,initial-scale=1'><link rel=icon href='data:,'>"
                    "<link rel=stylesheet href='/aset/formulir.css'><title>Formulir pengukuran "
                    "kinerja</title><header><h1>Formulir pengukuran kinerja</h1></header><main>"
                    f"<p>{lolos.html(teks)}.</p></main></html>", status, media_type="text/html",
                    headers=KEAMANAN)


def _json(isi: object, status: int = 200) -> Response:
    return JSONResponse(isi, status_code=status, headers=KEAMANAN)


def _galat(e: KinerjaError, status: int = 400) -> Response:
    return _json({"pesan": str(e)}, status)


class Layanan:
    """The repository the server writes to, the secret behind the links, and the save lock."""

    def __init__(self, akar: Path, kunci: bytes) -> None:
        self.akar = akar
        self.kunci = kunci
        self.kunci_git = threading.Lock()

    def kantor(self) -> Kantor:
        k = potret(self.akar, tahun=set(), hanya=()).kantor  # kinerja.yml only
        if k is None:
            raise KinerjaError("kinerja.yml tidak dapat dibaca; jalankan «kinerja periksa»")
        return k

    def orang(self, request: Request) -> tuple[Kantor, Pegawai]:
        token = str(request.path_params["token"])
        akses.periksa_bentuk(token)  # before anything is read
        kantor = self.kantor()
        return kantor, akses.orang(self.kunci, kantor, token)

    def tempat(self, request: Request) -> tuple[Pegawai, str, str]:
        kantor, p = self.orang(request)
        seksi = str(request.path_params["seksi"])
        if seksi not in akses.seksi_boleh(kantor, p):
            raise Dilarang(f"{p.nama} tidak mengisi formulir seksi «{seksi}»; buka formulir "
                           "seksi Anda sendiri")
        return p, str(request.path_params["periode"]), seksi


class Dilarang(KinerjaError):
    pass


async def _ubah(request: Request) -> tuple[tuple[Ubah, ...], dict[str, Any]]:
    """The values the page sends, read up to a bound and then checked for their shape."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise KinerjaError("permintaan harus berupa JSON dari halaman formulir")
    potongan: list[bytes] = []
    ukuran = 0
    async for bagian in request.stream():  # read up to the bound, never the whole of a flood
        ukuran += len(bagian)
        if ukuran > UKURAN_MAKS:
            raise KinerjaError("isian terlalu besar")
        potongan.append(bagian)
    isi = b"".join(potongan)
    try:
        data = json.loads(isi)
    except ValueError as e:
        raise KinerjaError("permintaan bukan JSON yang sah") from e
    return formulir.ubah_dari(data), data


def _daftar(lay: Layanan, request: Request) -> dict[str, Any]:
    """The forms this person may fill now: open periods, their sections."""
    kantor, p = lay.orang(request)
    boleh = akses.seksi_boleh(kantor, p)
    isi = [{"periode": x.id, "nama_periode": x.nama, "seksi": s.id, "nama_seksi": s.nama}
           for x in potret(lay.akar).semua_periode() if not x.disahkan
           for s in kantor.seksi if s.id in boleh and s.id in x.formulir]
    return {"orang": p.nama, "kantor": kantor.instansi.nama, "formulir": isi}


def _jelaskan(akar: Path, periode: str, seksi: str) -> dict[str, Any]:
    pt, t = formulir.buka(akar, periode, seksi)
    return formulir.jelaskan(pt, t)


def _coba(akar: Path, periode: str, seksi: str, ubah: tuple[Ubah, ...]) -> dict[str, Any]:
    pt, t = formulir.buka(akar, periode, seksi)
    return formulir.coba(pt, t, ubah)


def _simpan(lay: Layanan, periode: str, seksi: str, ubah: tuple[Ubah, ...], dasar: str,
            p: Pegawai) -> dict[str, Any]:
    with lay.kunci_git:  # one save at a time: read, write and commit see the same file
        return formulir.simpan(lay.akar, periode, seksi, ubah, dasar, p, PENCATAT)


def folder_git(akar: Path) -> Path:
    from kinerja.pengesahan import git

    try:
        return Path(git.git(akar, "rev-parse", "--absolute-git-dir").strip())
    except git.GitError as e:
        raise KinerjaError("folder kantor ini bukan repositori Git: setiap isian disimpan "
                           "sebagai commit, jadi jalankan «kinerja layani» di dalam repositori "
                           "Git kantor (git clone, lalu jalankan di folder itu)") from e


def tautan(akar: Path, alamat: str) -> list[tuple[Pegawai, str, tuple[str, ...]]]:
    """Each person who fills some section's form, their own link, and those sections."""
    kantor = Layanan(akar, b"").kantor()
    kunci = akses.rahasia(folder_git(akar))
    return [(p, f"{alamat.rstrip('/')}/isi/{akses.token(kunci, p.id)}", boleh)
            for p in kantor.pegawai if (boleh := akses.seksi_boleh(kantor, p))]


def aplikasi(akar: Path, kunci: bytes, host: tuple[str, ...]) -> Starlette:
    """The server for the repository at ``akar``, answering only for the names in ``host``."""
    lay = Layanan(akar, kunci)

    async def halaman(request: Request) -> Response:
        try:
            await run_in_threadpool(lay.orang, request)
        except KinerjaError as e:
            return _halaman_pesan(str(e))
        return Response((DATA / "formulir.html").read_bytes(), media_type="text/html",
                        headers=KEAMANAN)

    async def aset(request: Request) -> Response:
        nama = str(request.path_params["nama"])
        if nama not in ASET:
            return Response("", 404, headers=KEAMANAN)
        return Response((DATA / nama).read_bytes(), media_type=ASET[nama], headers=KEAMANAN)

    async def daftar(request: Request) -> Response:
        try:
            return _json(await run_in_threadpool(_daftar, lay, request))
        except KinerjaError as e:
            return _galat(e, 404)

    async def jelaskan(request: Request) -> Response:
        _, periode, seksi = await run_in_threadpool(lay.tempat, request)
        return _json(await run_in_threadpool(_jelaskan, akar, periode, seksi))

    async def periksa(request: Request) -> Response:
        _, periode, seksi = await run_in_threadpool(lay.tempat, request)
        ubah, _ = await _ubah(request)
        return _json(await run_in_threadpool(_coba, akar, periode, seksi, ubah))

    async def simpan(request: Request) -> Response:
        p, periode, seksi = await run_in_threadpool(lay.tempat, request)
        ubah, data = await _ubah(request)
        dasar = data.get("sidik")
        if not isinstance(dasar, str):
            raise KinerjaError("permintaan harus memuat sidik berkas yang dibuka")
        return _json(await run_in_threadpool(_simpan, lay, periode, seksi, ubah, dasar, p))

    async def akar_(request: Request) -> Response:
        return _halaman_pesan("Buka tautan pribadi Anda yang dikirim Kasubbag Perencanaan; "
                              "halaman ini tidak memuat formulir apa pun")

    return Starlette(routes=[
        Route("/", akar_),
        Route("/isi/{token}", halaman),
        Route("/aset/{nama}", aset),
        Route("/api/{token}/daftar", daftar),
        Route("/api/{token}/formulir/{periode}/{seksi}", _jawaban(jelaskan)),
        Route("/api/{token}/periksa/{periode}/{seksi}", _jawaban(periksa), methods=["POST"]),
        Route("/api/{token}/simpan/{periode}/{seksi}", _jawaban(simpan), methods=["POST"]),
    ], middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(host)),
                   Middleware(AsalSama)])


Panggilan = Callable[[Request], Awaitable[Response]]


def _jawaban(panggilan: Panggilan) -> Panggilan:
    """A form call whose expected failures answer as JSON with their status: another section's
    form 403, a form changed since it was read 409, anything else the person can fix 400."""
    async def jawab(request: Request) -> Response:
        try:
            return await panggilan(request)
        except Dilarang as e:
            return _galat(e, 403)
        except formulir.Berubah as e:
            return _galat(e, 409)
        except KinerjaError as e:
            return _galat(e)
    return jawab


class AsalSama:
    """A request that changes anything comes from the page itself: its Origin is this server.
    (Another site open in the same browser cannot post to the office's repository.)"""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD"):
            kepala = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            asal = kepala.get("origin", "")
            if asal != f"{scope.get('scheme', 'http')}://{kepala.get('host', '')}":
                tolak = _json({"pesan": "permintaan ditolak: bukan dari halaman formulir ini"},
                              403)
                await tolak(scope, receive, send)
                return
        await self.app(scope, receive, send)
