"""The shell steps of terbit.yml, run here as the runner runs them (``shell: bash`` means
``bash --noprofile --norc -eo pipefail``), against a scratch repository pushed to a local
"server", a loopback fake of GitHub's API, and a fake ``gh`` that records what it was asked.
A merge commit, a squash merge, a re-run and a push that changes no period all end green with
the right outcome."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

from conftest import AKAR, Rekaman
from test_alur import Kantor, kantor_git

PROYEK = "kecamatan-contoh/kinerja"
HEAD_PR = "6dcb09b5b57875f334f61aebed695e2e4193db5e"


class _Api(BaseHTTPRequestHandler):
    jawaban: ClassVar[dict[str, Any]] = Rekaman()

    def do_GET(self) -> None:
        data = type(self).jawaban.get(self.path)
        self.send_response(200 if data is not None else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps(data if data is not None else {"message": "Not Found"})
                         .encode())

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def api() -> Iterator[str]:
    s = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    threading.Thread(target=s.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{s.server_address[1]}"
    s.shutdown()
    s.server_close()


GH = """#!{python}
import json, pathlib, sys
log = pathlib.Path({log!r})
with log.open("a") as f:
    f.write(json.dumps(sys.argv[1:]) + "\\n")
ada = pathlib.Path({log!r} + ".rilis")
if sys.argv[1:3] == ["release", "view"]:
    sys.exit(0 if ada.exists() else 1)
if sys.argv[1:3] == ["release", "create"]:
    ada.touch()
pr = pathlib.Path({log!r} + ".pr")
if sys.argv[1:3] == ["pr", "list"]:
    print(1 if pr.exists() else 0)
if sys.argv[1:3] == ["pr", "create"]:
    if "--draft" in sys.argv and pathlib.Path({log!r} + ".tanpa-draf").exists():
        print("Draft pull requests are not supported in this repository.", file=sys.stderr)
        sys.exit(1)
    pr.touch()
"""

PYTHON = """#!/bin/sh
# The runner's «python -m pip install»: kinerja is already installed here.
if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then exit 0; fi
exec {python} "$@"
"""


class Runner:
    """Runs a job's `run:` steps in order, as GitHub's runner would on ubuntu-latest."""

    def __init__(self, tmp: Path, api: str) -> None:
        self.tmp = tmp
        self.bin = tmp / "bin"
        self.bin.mkdir()
        self.gh_log = tmp / "gh.log"
        (self.bin / "gh").write_text(GH.format(python=sys.executable, log=str(self.gh_log)))
        (self.bin / "python").write_text(PYTHON.format(python=sys.executable))
        for p in self.bin.iterdir():
            p.chmod(0o755)
        self.server = tmp / "server"
        self.api = api

    def gh(self) -> list[list[str]]:
        if not self.gh_log.exists():
            return []
        return [json.loads(b) for b in self.gh_log.read_text().splitlines()]

    def jalankan(self, alur: str, job: str, sebelum: str, sha: str,
                 masukan: dict[str, str] | None = None) -> dict[str, dict[str, str]]:
        kerja = self.tmp / f"kerja-{len(list(self.tmp.glob('kerja-*')))}"
        subprocess.run(["git", "clone", "-q", str(self.server / f"{PROYEK}.git"), str(kerja)],
                       check=True)
        subprocess.run(["git", "-C", str(kerja), "checkout", "-q", sha], check=True)
        data = yaml.safe_load((AKAR / ".github/workflows" / alur).read_text())
        bawaan = (data.get("defaults") or {}).get("run", {}).get("shell")
        keluaran: dict[str, dict[str, str]] = {}
        konteks = {"github.event.before": sebelum, "secrets.GITHUB_TOKEN": "rahasia",
                   **{f"inputs.{k}": v for k, v in (masukan or {}).items()}}
        for langkah in data["jobs"][job]["steps"]:
            if "run" not in langkah:
                continue  # actions: checkout and setup-python are done above
            syarat = langkah.get("if")
            if syarat:
                m = re.fullmatch(r"steps\.(\w+)\.outputs\.(\w+) != ''", syarat)
                assert m, f"unknown condition {syarat}"
                if not keluaran.get(m.group(1), {}).get(m.group(2)):
                    continue
            env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GIT_"))}
            env |= {"PATH": f"{self.bin}{os.pathsep}{Path(sys.executable).parent}"
                            f"{os.pathsep}{env['PATH']}",
                    "GITHUB_REPOSITORY": PROYEK, "GITHUB_SERVER_URL": f"file://{self.server}",
                    "GITHUB_API_URL": self.api, "GITHUB_SHA": sha, "GITHUB_ACTIONS": "true",
                    "RUNNER_TEMP": str(kerja) + "-temp",  # every run gets a fresh runner
                    "GITHUB_OUTPUT": str(self.tmp / "output"), "GIT_AUTHOR_NAME": "bot",
                    "GIT_AUTHOR_EMAIL": "bot@contoh", "GIT_COMMITTER_NAME": "bot",
                    "GIT_COMMITTER_EMAIL": "bot@contoh"}
            Path(str(kerja) + "-temp").mkdir(exist_ok=True)
            (self.tmp / "output").write_text("")
            for k, v in (langkah.get("env") or {}).items():
                ekspresi = re.fullmatch(r"\$\{\{ (.+) \}\}", str(v))
                if ekspresi and ekspresi.group(1).startswith("steps."):
                    _, id_, _, nama = ekspresi.group(1).split(".")
                    env[k] = keluaran[id_][nama]
                else:
                    env[k] = konteks[ekspresi.group(1)] if ekspresi else str(v)
            skrip = self.tmp / "langkah.sh"
            skrip.write_text(langkah["run"])
            shell = langkah.get("shell", bawaan)
            perintah = (["bash", "--noprofile", "--norc", "-eo", "pipefail", str(skrip)]
                        if shell == "bash" else ["bash", "-e", str(skrip)])
            hasil = subprocess.run(perintah, cwd=kerja, env=env, capture_output=True, text=True,
                                   check=False)
            assert hasil.returncode == 0, f"{langkah.get('name')}:\n{hasil.stdout}{hasil.stderr}"
            if "id" in langkah:
                keluaran[langkah["id"]] = dict(
                    b.split("=", 1) for b in (self.tmp / "output").read_text().splitlines() if b)
        return keluaran


def _jawaban(sha: str, periode: str, nomor: int = 7, data: Rekaman | None = None) -> Rekaman:
    """GitHub's answers for pull request #``nomor`` merged as commit ``sha`` (added to ``data``:
    the answers for earlier pull requests stay, as on GitHub)."""
    rekaman = json.loads((AKAR / "tests/forge/github/bahagia.json").read_text())["jawaban"]
    data = data if data is not None else Rekaman()
    for path, isi in rekaman.items():
        data[path.replace("/pulls/7", f"/pulls/{nomor}")] = json.loads(json.dumps(isi))
    pr = data[f"/repos/{PROYEK}/pulls/{nomor}"]
    pr.update({"number": nomor, "merged": True, "merge_commit_sha": sha})
    data[f"/repos/{PROYEK}/pulls/{nomor}/files?per_page=100"] = [
        {"filename": f"periods/2026/{periode}/formulir/{s}.yml", "status": "modified"}
        for s in ("pemerintahan", "trantib")]
    data[f"/repos/{PROYEK}/commits/{sha}/pulls"] = [
        {"number": nomor, "state": "closed", "merged_at": "2026-07-08T03:00:00Z",
         "head": {"sha": HEAD_PR}}]
    return data


@pytest.fixture
def kantor_server(kantor: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Kantor, Path]:
    k = kantor_git(kantor, monkeypatch, capsys)
    server = tmp_path / "runner" / "server" / f"{PROYEK}.git"
    server.parent.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(server)], check=True)
    k.git("remote", "add", "origin", str(server))
    k.git("push", "-q", "origin", "main")
    return k, server


def _gabung(k: Kantor, gaya: str) -> tuple[str, str]:
    """A filled period on its branch, merged into main in ``gaya``; returns (before, after)."""
    sebelum = k.git("rev-parse", "HEAD").strip()
    k.git("switch", "-q", "-c", "periode/2026-tw2")
    k.periode_terisi("kasi-pem")
    k.git("switch", "-q", "main")
    k.sebagai("sekcam", "2026-07-08 10:00")
    if gaya == "merge":
        k.git("merge", "-q", "--no-ff", "-m", "Merge pull request #7", "periode/2026-tw2")
    else:
        k.git("merge", "-q", "--squash", "periode/2026-tw2")
        k.git("commit", "-qm", "Pengukuran kinerja 2026-tw2 (#7)")
    k.git("push", "-q", "origin", "main")
    return sebelum, k.git("rev-parse", "HEAD").strip()


@pytest.mark.parametrize("gaya", ["merge", "squash"])
def test_terbit_menandai_dan_merilis_lalu_aman_diulang(
        kantor_server: tuple[Kantor, Path], api: str, tmp_path: Path, gaya: str) -> None:
    k, server = kantor_server
    sebelum, sesudah = _gabung(k, gaya)
    _Api.jawaban = _jawaban(sesudah, "tw2")
    runner = Runner(tmp_path / "runner", api)
    keluar = runner.jalankan("terbit.yml", "terbit", sebelum, sesudah)
    # A period was ratified: the judge is kinerja as it stood before the push.
    assert list((tmp_path / "runner").glob("kerja-*-temp/kinerja-sebelum"))
    assert keluar["terbit"] == {"periode": "2026-tw2", "tag": "pengesahan/2026-tw2",
                               "rilis": "pengesahan/2026-tw2"}
    tag = subprocess.run(["git", "-C", str(server), "for-each-ref", "--format=%(objecttype) "
                          "%(*objectname) %(contents:subject)", "refs/tags/"],
                         capture_output=True, text=True, check=True).stdout
    assert tag == (f"tag {sesudah} Pengesahan pengukuran kinerja 2026-tw2: pull request #7\n")
    rekaman = subprocess.run(["git", "-C", str(server), "tag", "-l", "--format=%(contents)",
                              "pengesahan/2026-tw2"], capture_output=True, text=True,
                             check=True).stdout
    riwayat = yaml.safe_load(rekaman.partition("\n\n")[2])
    assert riwayat["disahkan"] == "ya" and riwayat["sumber"] == "github"
    assert [p["akun"] for p in riwayat["persetujuan"]] == ["u-kasubbag", "u-sekcam", "u-camat"]
    gh = runner.gh()
    assert [g[:3] for g in gh] == [["release", "view", "pengesahan/2026-tw2"],
                                   ["release", "create", "pengesahan/2026-tw2"]]
    assert gh[1][3] == "build/2026-tw2/laporan-pengukuran-kinerja-2026-tw2.pdf"

    # A re-run (the same push, the tag now on the server) ends green and makes nothing twice.
    keluar = runner.jalankan("terbit.yml", "terbit", sebelum, sesudah)
    assert keluar["terbit"] == {"periode": "2026-tw2", "tag": "", "rilis": "pengesahan/2026-tw2"}
    assert [g[:3] for g in runner.gh()[2:]] == [["release", "view", "pengesahan/2026-tw2"],
                                                ["release", "upload", "pengesahan/2026-tw2"]]
    assert runner.gh()[-1][-1] == "--clobber"


def test_push_tanpa_periode_berhasil_tanpa_menerbitkan(
        kantor_server: tuple[Kantor, Path], api: str, tmp_path: Path) -> None:
    k, server = kantor_server
    sebelum = k.git("rev-parse", "HEAD").strip()
    (k.akar / "catatan.md").write_text("Halaman baru\n")
    kantor = k.akar / "kinerja.yml"
    kantor.write_text(kantor.read_text() + "# telepon baru\n")
    k.git("add", ".")
    k.git("commit", "-qm", "Halaman dan kinerja.yml (#8)")
    k.git("push", "-q", "origin", "main")
    sesudah = k.git("rev-parse", "HEAD").strip()
    _Api.jawaban = Rekaman()  # nothing may be asked of the forge
    runner = Runner(tmp_path / "runner", api)
    keluar = runner.jalankan("terbit.yml", "terbit", sebelum, sesudah)
    assert keluar["terbit"] == {"periode": "", "tag": "", "rilis": ""}
    # No period changed (perhaps kinerja's own upgrade): the new tool runs, nothing is ratified.
    assert not list((tmp_path / "runner").glob("kerja-*-temp/kinerja-sebelum"))
    assert runner.gh() == []
    assert subprocess.run(["git", "-C", str(server), "tag"], capture_output=True, text=True,
                          check=True).stdout == ""


@pytest.mark.parametrize("draf", [True, False])
def test_buat_periode_aman_diulang_dan_tanpa_draf(
        kantor_server: tuple[Kantor, Path], api: str, tmp_path: Path, draf: bool) -> None:
    k, server = kantor_server
    sha = k.git("rev-parse", "HEAD").strip()
    runner = Runner(tmp_path / "runner", api)
    if not draf:  # a private repository on a free plan has no draft pull requests
        Path(str(runner.gh_log) + ".tanpa-draf").touch()
    masukan = {"tahun": "2026", "periode": "tw2", "mulai": "2026-07-06"}
    runner.jalankan("buat-periode.yml", "buat", "", sha, masukan)
    cabang = subprocess.run(["git", "-C", str(server), "ls-tree", "-r", "--name-only",
                             "periode/2026-tw2", "periods/2026/tw2"], capture_output=True,
                            text=True, check=True).stdout.split()
    assert "periods/2026/tw2/periode.yml" in cabang
    buat = [g for g in runner.gh() if g[:2] == ["pr", "create"]]
    assert [("--draft" in g) for g in buat] == ([True] if draf else [True, False])
    assert buat[-1][buat[-1].index("--head") + 1] == "periode/2026-tw2"
    ujung = subprocess.run(["git", "-C", str(server), "rev-parse", "periode/2026-tw2"],
                           capture_output=True, text=True, check=True).stdout

    # Re-run: the branch and the pull request are reused; nothing is made twice.
    runner.jalankan("buat-periode.yml", "buat", "", sha, masukan)
    assert len([g for g in runner.gh() if g[:2] == ["pr", "create"]]) == len(buat)
    assert subprocess.run(["git", "-C", str(server), "rev-parse", "periode/2026-tw2"],
                          capture_output=True, text=True, check=True).stdout == ujung


def test_perubahan_periode_yang_disahkan_menjadi_revisi(
        kantor_server: tuple[Kantor, Path], api: str, tmp_path: Path) -> None:
    """A merged pull request that changes a ratified period is its revision: a new tag, the
    first version kept in the record with the pull request as its reason."""
    k, server = kantor_server
    sebelum, sesudah = _gabung(k, "merge")
    _Api.jawaban = _jawaban(sesudah, "tw2")
    runner = Runner(tmp_path / "runner", api)
    runner.jalankan("terbit.yml", "terbit", sebelum, sesudah)
    k.git("fetch", "-q", "--tags", "origin")
    k.sebagai("kasi-trantib", "2026-08-01 09:00")
    k.isi("trantib", {"    realisasi: 2\n": "    realisasi: 1\n"}, "Perbaiki realisasi (#8)")
    k.git("push", "-q", "origin", "main")
    kedua = k.git("rev-parse", "HEAD").strip()
    _Api.jawaban = _jawaban(kedua, "tw2", 8, _Api.jawaban)
    _Api.jawaban[f"/repos/{PROYEK}/pulls/8"]["title"] = "Revisi realisasi IK-3"
    keluar = runner.jalankan("terbit.yml", "terbit", sesudah, kedua)
    assert keluar["terbit"] == {"periode": "2026-tw2", "tag": "pengesahan/2026-tw2-v2",
                               "rilis": "pengesahan/2026-tw2-v2"}
    rekaman = subprocess.run(["git", "-C", str(server), "tag", "-l", "--format=%(contents)",
                              "pengesahan/2026-tw2-v2"], capture_output=True, text=True,
                             check=True).stdout
    riwayat = yaml.safe_load(rekaman.partition("\n\n")[2])
    assert riwayat["versi"] == 2
    assert riwayat["revisi"][0]["alasan"] == "pull request #8: Revisi realisasi IK-3"
    assert riwayat["segel"]["commit"] == kedua
