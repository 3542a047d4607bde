"""Our workflows, run job by job and step by step as a GitHub-hosted runner runs them.

What the runner has, the harness gives; what it lacks, the harness takes away:

- each job starts in a fresh workspace and HOME: no ``.gitconfig``, no ``GIT_*`` identity, no
  system Git configuration (``GIT_CONFIG_NOSYSTEM``) — a hosted runner has no Git identity;
- ``GITHUB_*`` variables and the event file as GitHub documents them for the event
  («Events that trigger workflows»: GITHUB_SHA and GITHUB_REF per event);
- every ``${{ }}`` is evaluated (``ekspresi``), and an expression it cannot evaluate fails;
- ``run:`` steps run with the documented shells (``bash`` is ``bash --noprofile --norc -eo
  pipefail {0}``; no shell is ``bash -e {0}``), with ``GITHUB_OUTPUT``/``GITHUB_ENV`` files;
- ``uses:`` steps are emulated by their documented behaviour, above all ``actions/checkout``:
  depth 1 unless ``fetch-depth`` (0: every branch and tag), the ref the event implies, no
  credentials left behind; an action the harness does not know fails the test.

Installing kinerja (``python -m pip install``) is the one step not done for real: the harness's
``python`` records what would be installed and the installed kinerja of this checkout runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ekspresi import Evaluator
from github_palsu import PEMILIK, PROYEK, GitHubPalsu

AKAR = Path(__file__).resolve().parent.parent
ALUR = AKAR / ".github" / "workflows"
BIN = Path(sys.executable).parent

# The actions our workflows pin, by their commit: emulated below.
AKSI = {
    "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1": "checkout",
    "actions/setup-python@5fda3b95a4ea91299a34e894583c3862153e4b97": "setup-python",
    "actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f": "upload-artifact",
    "actions/upload-pages-artifact@fc324d3547104276b827a68afc52ff2a11cc49c9": "upload-pages",
    "actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128": "deploy-pages",
}

PYTHON = """#!/bin/sh
# The runner's Python after actions/setup-python. «pip install» is recorded, not done: the
# kinerja of this checkout is already installed.
if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then
  printf '%s\\n' "$*" >> "{log}"
  exit 0
fi
exec {python} "$@"
"""


@dataclass
class Peristiwa:
    """An event as GitHub delivers it to a workflow: its name, payload, GITHUB_REF/GITHUB_SHA."""

    nama: str
    payload: dict[str, Any]
    ref: str
    sha: str
    aktor: str = "u-kasubbag"


@dataclass
class Langkah:
    nama: str
    hasil: str  # success | failure | skipped
    log: str = ""


@dataclass
class Job:
    id: str
    nama: str
    hasil: str  # success | failure | skipped
    langkah: list[Langkah] = field(default_factory=list)
    artefak: list[dict[str, Any]] = field(default_factory=list)
    pemasangan: list[str] = field(default_factory=list)  # what pip would install
    ruang_kerja: Path | None = None

    def log(self) -> str:
        return "\n".join(f"--- {x.nama} [{x.hasil}]\n{x.log}" for x in self.langkah)


class Pelari:
    def __init__(self, tmp: Path, palsu: GitHubPalsu) -> None:
        self.tmp = tmp
        self.palsu = palsu
        self.nomor = 0

    def jalankan(self, berkas: str, peristiwa: Peristiwa,
                 masukan: dict[str, str] | None = None,
                 hanya: set[str] | None = None) -> dict[str, Job]:
        """Run every job of the workflow ``berkas`` for ``peristiwa``, in ``needs`` order
        (``hanya``: those jobs only, where a scenario does not need the rest)."""
        data = yaml.safe_load((ALUR / berkas).read_text(encoding="utf-8"))
        if hanya is not None:
            data["jobs"] = {j: d for j, d in data["jobs"].items() if j in hanya}
            for d in data["jobs"].values():
                d.pop("needs", None)
        self.nomor += 1
        hasil: dict[str, Job] = {}
        sisa = dict(data["jobs"])
        while sisa:
            siap = [j for j, d in sisa.items() if all(n in hasil for n in _daftar(d.get("needs")))]
            assert siap, f"{berkas}: needs membentuk lingkaran"
            for jid in siap:
                hasil[jid] = self._job(data, jid, sisa.pop(jid), peristiwa, hasil, masukan or {})
        return hasil

    # --- one job -------------------------------------------------------------------------

    def _job(self, alur: dict[str, Any], jid: str, job: dict[str, Any], e: Peristiwa,
             sebelumnya: dict[str, Job], masukan: dict[str, str]) -> Job:
        folder = self.tmp / f"run{self.nomor}-{jid}"
        kerja, temp, home, bin_ = (folder / x for x in ("kerja", "temp", "home", "bin"))
        for f in (kerja, temp, home, bin_):
            f.mkdir(parents=True)
        log_pip = folder / "pip.log"
        (bin_ / "python").write_text(PYTHON.format(log=log_pip, python=sys.executable))
        (bin_ / "python").chmod(0o755)
        berkas_e = folder / "event.json"
        berkas_e.write_text(json.dumps(e.payload))
        konteks = self._konteks(e, jid, masukan, alur, sebelumnya, temp)
        status = {"gagal": False}
        ev = Evaluator(konteks, lambda n: _status(n, status["gagal"]), _DIKENAL)
        needs = _daftar(job.get("needs"))
        if any(sebelumnya[n].hasil != "success" for n in needs) and "if" not in job:
            return Job(jid, str(job.get("name", jid)), "skipped")
        nama = ev.ganti(str(job.get("name", jid)))
        for bagian in (alur.get("concurrency"), job.get("concurrency")):
            if isinstance(bagian, dict):
                ev.ganti(str(bagian["group"]))  # every expression must evaluate
        if not ev.syarat(job.get("if")):
            return Job(jid, nama, "skipped")
        hasil = Job(jid, nama, "success", ruang_kerja=kerja)
        env_dasar = self._env(e, jid, alur, kerja, temp, home, bin_, berkas_e)
        env_alur = {k: ev.ganti(_yaml_teks(v)) for k, v in (alur.get("env") or {}).items()}
        env_job = {k: ev.ganti(_yaml_teks(v)) for k, v in (job.get("env") or {}).items()}
        tambahan: dict[str, str] = {}
        bawaan = ((job.get("defaults") or {}).get("run") or (alur.get("defaults") or {})
                  .get("run") or {}).get("shell")
        for n, s in enumerate(job["steps"]):
            judul = str(s.get("name") or s.get("uses") or s.get("run", "")[:40])
            if not ev.syarat(s.get("if")):
                hasil.langkah.append(Langkah(judul, "skipped"))
                continue
            env = {**env_dasar, **env_alur, **env_job, **tambahan,
                   **{k: ev.ganti(_yaml_teks(v)) for k, v in (s.get("env") or {}).items()}}
            keluaran = folder / f"output-{n}"
            lingkungan = folder / f"env-{n}"
            keluaran.write_text("")
            lingkungan.write_text("")
            env |= {"GITHUB_OUTPUT": str(keluaran), "GITHUB_ENV": str(lingkungan)}
            if "uses" in s:
                ok, log = self._aksi(s, {k: ev.ganti(_yaml_teks(v)) for k, v in
                                         (s.get("with") or {}).items()}, e, kerja, env, hasil)
            else:
                ok, log = self._run(ev.ganti(str(s["run"])), s.get("shell", bawaan), kerja, env,
                                    folder / f"step-{n}.sh")
            hasil.langkah.append(Langkah(judul, "success" if ok else "failure", log))
            if "id" in s:
                konteks["steps"][s["id"]] = {"outputs": _baca_keluaran(keluaran),
                                             "outcome": "success" if ok else "failure",
                                             "conclusion": "success" if ok else "failure"}
            tambahan |= _baca_keluaran(lingkungan)
            if not ok:
                status["gagal"] = True
                hasil.hasil = "failure"
        if log_pip.exists():
            hasil.pemasangan = log_pip.read_text().splitlines()
        env_url = (job.get("environment") or {}) if isinstance(job.get("environment"), dict) \
            else {}
        if "url" in env_url:
            ev.ganti(str(env_url["url"]))
        return hasil

    def _konteks(self, e: Peristiwa, jid: str, masukan: dict[str, str], alur: dict[str, Any],
                 sebelumnya: dict[str, Job], temp: Path) -> dict[str, Any]:
        pr = e.payload.get("pull_request") or {}
        nama_ref = e.ref.removeprefix("refs/heads/").removeprefix("refs/tags/")
        return {
            "github": {
                "event": e.payload, "event_name": e.nama, "sha": e.sha, "ref": e.ref,
                "ref_name": nama_ref, "head_ref": (pr.get("head") or {}).get("ref", "")
                if e.nama.startswith("pull_request") else "",
                "base_ref": (pr.get("base") or {}).get("ref", "")
                if e.nama.startswith("pull_request") else "",
                "repository": PROYEK, "repository_owner": PEMILIK,
                "server_url": f"file://{self.palsu.server.parent.parent}",
                "api_url": self.palsu.alamat, "run_id": str(4000 + self.nomor),
                "actor": e.aktor, "workflow": alur.get("name", ""), "job": jid,
                "token": "ghs_palsu",
            },
            "secrets": {"GITHUB_TOKEN": "ghs_palsu"},
            "inputs": dict(masukan),
            "steps": {},
            "needs": {n: {"result": j.hasil, "outputs": {}} for n, j in sebelumnya.items()},
            "runner": {"temp": str(temp), "os": "Linux"},
            "env": {},
        }

    def _env(self, e: Peristiwa, jid: str, alur: dict[str, Any], kerja: Path, temp: Path,
             home: Path, bin_: Path, berkas_e: Path) -> dict[str, str]:
        # Only what a hosted runner has: the machine's own Git identity and configuration
        # (this machine has a system-wide user.name) are kept out.
        env = {k: v for k, v in os.environ.items()
               if k in ("LANG", "LC_ALL", "TZ", "TMPDIR", "GIT_SSL_CAINFO", "SSL_CERT_FILE")}
        pr = e.payload.get("pull_request") or {}
        env |= {
            "PATH": f"{bin_}{os.pathsep}{BIN}{os.pathsep}/usr/local/bin:/usr/bin:/bin",
            "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "CI": "true",
            "GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux", "RUNNER_TEMP": str(temp),
            "GITHUB_WORKSPACE": str(kerja), "GITHUB_EVENT_NAME": e.nama,
            "GITHUB_EVENT_PATH": str(berkas_e), "GITHUB_REPOSITORY": PROYEK,
            "GITHUB_REPOSITORY_OWNER": PEMILIK, "GITHUB_SHA": e.sha, "GITHUB_REF": e.ref,
            "GITHUB_REF_NAME": e.ref.removeprefix("refs/heads/").removeprefix("refs/tags/"),
            "GITHUB_HEAD_REF": (pr.get("head") or {}).get("ref", "")
            if e.nama.startswith("pull_request") else "",
            "GITHUB_BASE_REF": (pr.get("base") or {}).get("ref", "")
            if e.nama.startswith("pull_request") else "",
            "GITHUB_SERVER_URL": f"file://{self.palsu.server.parent.parent}",
            "GITHUB_API_URL": self.palsu.alamat, "GITHUB_RUN_ID": str(4000 + self.nomor),
            "GITHUB_RUN_ATTEMPT": "1", "GITHUB_ACTOR": e.aktor,
            "GITHUB_WORKFLOW": str(alur.get("name", "")), "GITHUB_JOB": jid,
            "GITHUB_STEP_SUMMARY": str(temp / "ringkasan.md"), "NO_MKDOCS_2_WARNING": "1",
        }
        return env

    # --- steps ---------------------------------------------------------------------------

    @staticmethod
    def _run(skrip: str, shell: str | None, kerja: Path, env: dict[str, str],
             berkas: Path) -> tuple[bool, str]:
        berkas.write_text(skrip)
        if shell == "bash":
            perintah = ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(berkas)]
        elif shell is None:
            perintah = ["bash", "-e", str(berkas)]
        else:
            raise AssertionError(f"shell «{shell}» tidak dikenal pelari")
        h = subprocess.run(perintah, cwd=kerja, env=env, capture_output=True, text=True,
                           check=False, timeout=600)
        return h.returncode == 0, h.stdout + h.stderr

    def _aksi(self, s: dict[str, Any], masukan: dict[str, str], e: Peristiwa, kerja: Path,
              env: dict[str, str], job: Job) -> tuple[bool, str]:
        jenis = AKSI.get(str(s["uses"]).split(" ")[0])
        if jenis is None:
            raise AssertionError(f"aksi {s['uses']} tidak dikenal pelari: tambahkan emulasinya")
        if jenis == "checkout":
            return self._checkout(masukan, e, kerja, env)
        if jenis == "setup-python":
            assert masukan.get("python-version") == "3.11", masukan
            return True, "python 3.11"
        if jenis == "upload-artifact":
            ada = sorted(str(p) for p in kerja.glob(masukan["path"]))
            job.artefak.append({"jenis": jenis, "nama": masukan.get("name", "artifact"),
                                "berkas": ada})
            if not ada and masukan.get("if-no-files-found", "warn") == "error":
                return False, "tidak ada berkas"
            return True, f"{len(ada)} berkas"
        if jenis == "upload-pages":
            situs = kerja / masukan.get("path", "_site")
            if not (situs / "index.html").is_file():
                return False, f"{situs} tidak memuat index.html"
            job.artefak.append({"jenis": jenis, "path": situs})
            return True, "artefak pages"
        if jenis == "deploy-pages":
            return True, "deploy"
        raise AssertionError(jenis)  # pragma: no cover

    def _checkout(self, m: dict[str, str], e: Peristiwa, kerja: Path,
                  env: dict[str, str]) -> tuple[bool, str]:
        """actions/checkout: the event's ref at GITHUB_SHA, depth 1 unless fetch-depth."""
        assert m.get("persist-credentials") == "false", "kredensial harus dilepas"
        assert "ref" not in m and "repository" not in m, m
        kedalaman = int(m.get("fetch-depth") or 1)
        url = f"file://{self.palsu.server}"

        def git(*args: str) -> None:
            subprocess.run(["git", *args], cwd=kerja, env=env, check=True, capture_output=True)

        git("init", "-q")
        git("remote", "add", "origin", url)
        if e.ref.startswith("refs/heads/"):
            tujuan = f"refs/remotes/origin/{e.ref.removeprefix('refs/heads/')}"
        elif e.ref.startswith("refs/pull/"):
            tujuan = f"refs/remotes/pull/{e.ref.removeprefix('refs/pull/')}"
        else:
            tujuan = e.ref
        if kedalaman <= 0:
            git("fetch", "-q", "--prune", "--no-recurse-submodules", "origin",
                "+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*")
            if not e.ref.startswith("refs/heads/"):
                git("fetch", "-q", "--no-tags", "origin", f"+{e.sha}:{tujuan}")
        else:
            git("fetch", "-q", "--no-tags", "--prune", "--no-recurse-submodules",
                f"--depth={kedalaman}", "origin", f"+{e.sha}:{tujuan}")
        if e.ref.startswith("refs/heads/"):
            git("checkout", "-q", "--force", "-B", e.ref.removeprefix("refs/heads/"), tujuan)
        else:
            git("checkout", "-q", "--force", tujuan)
        return True, f"checkout {e.ref} @ {e.sha[:8]}, kedalaman {kedalaman}"


_DIKENAL: dict[str, set[str] | None] = {
    "github": {"event", "event_name", "sha", "ref", "ref_name", "head_ref", "base_ref",
               "repository", "repository_owner", "server_url", "api_url", "run_id", "actor",
               "workflow", "job", "token"},
    "secrets": {"GITHUB_TOKEN"}, "inputs": None, "steps": None, "needs": None,
    "runner": {"temp", "os"}, "env": None,
}


def _yaml_teks(x: Any) -> str:
    """A ``with:``/``env:`` value as the runner hands it on: text (YAML true → «true»)."""
    if isinstance(x, bool):
        return "true" if x else "false"
    return str(x)


def _status(nama: str, gagal: bool) -> bool:
    return {"success": not gagal, "failure": gagal, "cancelled": False, "always": True}[nama]


def _daftar(x: Any) -> list[str]:
    return [] if x is None else [x] if isinstance(x, str) else list(x)


def _baca_keluaran(berkas: Path) -> dict[str, str]:
    """``name=value`` lines and ``name<<DELIM`` blocks, as the runner reads them."""
    hasil: dict[str, str] = {}
    baris = berkas.read_text().splitlines()
    i = 0
    while i < len(baris):
        b = baris[i]
        if "<<" in b and ("=" not in b or b.index("<<") < b.index("=")):
            nama, batas = b.split("<<", 1)
            isi = []
            i += 1
            while baris[i] != batas:
                isi.append(baris[i])
                i += 1
            hasil[nama] = "\n".join(isi)
        elif "=" in b:
            nama, nilai = b.split("=", 1)
            hasil[nama] = nilai
        i += 1
    return hasil


def server_baru(tmp: Path) -> Path:
    """The repository on the fake GitHub: a bare repository that serves any commit it has to a
    depth-limited fetch, as GitHub does."""
    server = tmp / "github" / PEMILIK / f"{PROYEK.split('/')[1]}.git"
    server.parent.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(server)], check=True)
    subprocess.run(["git", "-C", str(server), "config", "uploadpack.allowAnySHA1InWant", "true"],
                   check=True)
    return server

