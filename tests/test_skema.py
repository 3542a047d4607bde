from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AKAR, jalankan


def test_skema_sesuai_definisi(contoh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "skema", "--periksa")
    assert hasil.kode == 0, hasil.keluaran + hasil.galat
    path = Path("content/skema/formulir.json")
    path.write_text(path.read_text().replace("realisasi", "realisas"))
    hasil = jalankan(capsys, "skema", "--periksa")
    assert hasil.kode == 1
    assert hasil.keluaran == "berbeda   content/skema/formulir.json\n"
    assert "jalankan «kinerja skema» lalu commit" in hasil.galat
    assert jalankan(capsys, "skema").kode == 0
    assert jalankan(capsys, "skema", "--periksa").kode == 0


def _check_jsonschema(skema: str, *berkas: Path) -> subprocess.CompletedProcess[str]:
    program = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert program, "check-jsonschema is a dev dependency"
    return subprocess.run([program, "--schemafile", str(AKAR / "content/skema" / skema),
                           *map(str, berkas)], capture_output=True, text=True, check=False)


def test_formulir_contoh_lolos_skema_json() -> None:
    forms = sorted(AKAR.glob("contoh/periods/*/*/formulir/*.yml"))
    assert len(forms) >= 20  # the sample's forms are really found
    assert _check_jsonschema("formulir.json", *forms).returncode == 0
    assert _check_jsonschema("kinerja.json", AKAR / "contoh/kinerja.yml").returncode == 0
    pk = sorted(AKAR.glob("contoh/periods/*/perjanjian-kinerja.yml"))
    assert _check_jsonschema("perjanjian-kinerja.json", *pk).returncode == 0
    hasil = _check_jsonschema("periode.json", *sorted(AKAR.glob("contoh/periods/*/*/periode.yml")))
    assert hasil.returncode == 0, hasil.stdout


def test_skema_json_menolak_kesalahan(tmp_path: Path) -> None:
    form = tmp_path / "x.yml"
    asli = (AKAR / "contoh/periods/2026/tw3/formulir/trantib.yml").read_text()
    form.write_text(asli.replace("    hambatan:", "    hambatn:", 1))
    hasil = _check_jsonschema("formulir.json", form)
    assert hasil.returncode == 1
    assert "hambatn" in hasil.stdout
