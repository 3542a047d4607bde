"""Approvals from recorded forge responses (in each forge's documented shape), the pure verdict,
and the HTTP client against a real server on loopback."""

from __future__ import annotations

import json
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from conftest import DASAR, Rekaman, jalankan
from kinerja.baca.kantor import muat_kantor
from kinerja.forge import forge as pilih_forge
from kinerja.forge.http import KlienHttp
from kinerja.forge.persetujuan import periksa_persetujuan, putusan_pr

REKAMAN = sorted((Path(__file__).parent / "forge").glob("*/*.json"))
PROYEK = "kecamatan-contoh/kinerja"


def _kantor() -> Any:
    kantor = muat_kantor(DASAR)[0]
    assert kantor is not None
    return kantor


def _ambil(data: dict[str, Any], github: bool = False) -> Any:
    jawaban = Rekaman(data, github=github)

    def ambil(path: str) -> Any:
        assert path in jawaban or "/compare/" in path, f"permintaan tak terekam: {path}"
        return jawaban.jawab(path)

    return ambil


@pytest.mark.parametrize("rekaman", REKAMAN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_putusan_dari_rekaman(rekaman: Path) -> None:
    """GitHub's answers are completed from, and validated against, its OpenAPI description
    (``github_rekaman``). Gitea and GitLab publish no description in a package registry: their
    recordings are written by hand after their API documentation."""
    data = json.loads(rekaman.read_text(encoding="utf-8"))
    forge = rekaman.parent.name
    pr = pilih_forge(forge).tarik(_ambil(data["jawaban"], forge == "github"), PROYEK, 7)
    p = putusan_pr(_kantor(), forge, pr)
    assert {"lulus": p.lulus, "tahap": p.tahap, "pesan": list(p.pesan)} == data["harapan"]
    if p.lulus:
        assert [s.peran for s in p.disetujui] == ["kasubbag-perencanaan", "sekcam", "camat"]


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def repo_pr(kantor: Path) -> Path:
    """A repository whose PR branch appoints its own author as Kasubbag in kinerja.yml."""
    _git(kantor, "init", "-q", "-b", "main")
    _git(kantor, "add", ".")
    _git(kantor, "-c", "user.name=A", "-c", "user.email=a@contoh.go.id", "commit", "-qm", "awal")
    _git(kantor, "switch", "-qc", "periode/2026-tw1")
    k = kantor / "kinerja.yml"
    k.write_text(k.read_text().replace("akun: {github: u-kasubbag, gitea: u-kasubbag, gitlab: "
                                       "u-kasubbag}", "akun: {github: u-penulis}"))
    _git(kantor, "-c", "user.name=P", "-c", "user.email=p@contoh.go.id", "commit", "-qam", "x")
    return kantor


def test_pr_tidak_dapat_menunjuk_penyetujunya_sendiri(repo_pr: Path) -> None:
    data = json.loads((Path(__file__).parent / "forge/github/tambah-diri.json").read_text())
    argumen: dict[str, Any] = {"forge": "github", "nomor": 7, "proyek": PROYEK, "api": None,
                               "env": {}, "ambil": _ambil(data["jawaban"])}
    dasar = periksa_persetujuan(repo_pr, dasar="main", **argumen).putusan
    assert not dasar.lulus
    assert dasar.pesan == tuple(data["harapan"]["pesan"])
    # Read from the PR's own branch, the same reviews would pass: that is what --dasar prevents.
    cabang = periksa_persetujuan(repo_pr, dasar="HEAD", **argumen).putusan
    assert cabang.lulus


def test_cli_persetujuan_di_github_actions(repo_pr: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = json.loads((Path(__file__).parent / "forge/github/bahagia.json").read_text())
    peristiwa = tmp_path / "event.json"
    peristiwa.write_text(json.dumps({"pull_request": {"number": 7}}))
    ringkasan = tmp_path / "ringkasan.md"
    for k, v in {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": str(peristiwa),
                 "GITHUB_REPOSITORY": PROYEK, "GITHUB_STEP_SUMMARY": str(ringkasan)}.items():
        monkeypatch.setenv(k, v)
    jawaban = Rekaman(data["jawaban"], github=True)
    monkeypatch.setattr(KlienHttp, "__call__", lambda self, path: jawaban.jawab(path))
    _git(repo_pr, "update-ref", "refs/remotes/origin/main", "main")
    hasil = jalankan(capsys, "persetujuan", "--format", "github")
    assert hasil.kode == 0, hasil.keluaran + hasil.galat
    assert hasil.keluaran.splitlines()[-1] == (
        "::notice title=kinerja persetujuan::Persetujuan: disahkan: Kasubbag Perencanaan, "
        "Sekcam, dan Camat telah menyetujui versi terbaru")
    assert all(b.startswith("::notice title=kinerja persetujuan::")
               for b in hasil.keluaran.splitlines())
    assert "✅ Camat: Camat Contoh" in ringkasan.read_text()
    data = json.loads((Path(__file__).parent / "forge/github/basi.json").read_text())
    jawaban = Rekaman(data["jawaban"], github=True)  # the lambda serves it from now on
    hasil = jalankan(capsys, "persetujuan", "--format", "json")
    assert hasil.kode == 1
    assert json.loads(hasil.keluaran)["pesan"][0].startswith(
        "disetujui Kasubbag Perencanaan Kasubbag Contoh pada 7 April 2026 08.00 untuk versi "
        "sebelum perubahan terakhir")


class _Halaman(BaseHTTPRequestHandler):
    """Serves two pages; records what each request carried. Asserts belong in the test's own
    thread: one raised here would be swallowed by the server thread."""

    dilihat: list[tuple[str, str | None]]

    def do_GET(self) -> None:
        type(self).dilihat.append((self.path, self.headers["Authorization"]))
        halaman = 2 if "page=2" in self.path else 1
        badan = json.dumps([{"n": halaman}]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if halaman == 1:
            port = self.server.server_address[1]
            self.send_header("Link", f'<http://127.0.0.1:{port}/x?page=2>; rel="next", '
                                     f'<http://127.0.0.1:{port}/x?page=2>; rel="last"')
        self.end_headers()
        self.wfile.write(badan)

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Halaman.dilihat = []
    s = ThreadingHTTPServer(("127.0.0.1", 0), _Halaman)
    t = threading.Thread(target=s.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{s.server_address[1]}"
    s.shutdown()
    s.server_close()


def test_klien_http_mengikuti_halaman(server: str) -> None:
    assert KlienHttp(server, "rahasia")("/x") == [{"n": 1}, {"n": 2}]
    assert _Halaman.dilihat == [("/x", "Bearer rahasia"), ("/x?page=2", "Bearer rahasia")]
