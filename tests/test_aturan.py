"""One registry of rules: every rule the code can report is registered (with its level and an
Indonesian description), every registered rule is reported somewhere, and each has a golden
case that shows it on a file's line."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from conftest import AKAR, KASUS, jalankan
from kinerja.inti.aturan import ATURAN, halaman

# Rules whose golden case cannot be a static folder: each is tested where it can happen.
TANPA_KASUS = {
    "berkas-tak-terbaca": "a path that cannot be read: test_berkas_tak_terbaca below",
    "berkas-besar": "a file over 1 MiB, not kept in the repository: test_berkas_besar below",
    "segel-rusak": "needs a ratification in a real Git history: test_segel",
    "riwayat-hilang": "needs a Git repository: test_pengesahan",
    "pengesahan-palsu": "needs a Git repository: test_pengesahan",
    "periode-disahkan-hilang": "needs a ratified Git history: test_situs",
    "pengesahan-tak-terverifikasi": "needs a Git repository and a forge: test_pengesahan",
    "lkjip-belum-ditulis": "needs a year of four filled quarters and a yearly period: "
                           "test_lkjip",
    "lkjip-tak-tampil": "needs a yearly period with its prose: test_lkjip",
}

_POSISI = {"tambah": 1, "temuan": 1, "temuan_berkas": 3, "Temuan": 3}


def _dipakai() -> dict[str, str]:
    hasil: dict[str, str] = {}
    for berkas in sorted((AKAR / "scripts/kinerja").rglob("*.py")):
        for n in ast.walk(ast.parse(berkas.read_text())):
            if not isinstance(n, ast.Call):
                continue
            nama = n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
            pos = _POSISI.get(nama)
            if pos is not None and len(n.args) > pos:
                arg = n.args[pos]
                if isinstance(arg, ast.Name) and arg.id == "aturan":
                    continue  # the collectors themselves, passing an id through
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), \
                    f"{berkas.name}:{n.lineno}: a rule id is a literal, so it can be registered"
                hasil[arg.value] = f"{berkas.name}:{n.lineno}"
    return hasil


def test_setiap_aturan_terdaftar_dan_terpakai() -> None:
    dipakai = _dipakai()
    assert set(dipakai) - set(ATURAN) == set(), "rules reported but not registered"
    assert set(ATURAN) - set(dipakai) == set(), "rules registered but never reported"
    for kode, a in ATURAN.items():
        assert a.uraian and a.uraian[0].islower() and not a.uraian.endswith("."), kode


def test_setiap_aturan_punya_kasus_emas() -> None:
    kasus = "\n".join(p.read_text() for p in KASUS.glob("*/*/kasus.yml"))
    tanpa = {k for k in ATURAN if f"[{k}]" not in kasus}
    assert tanpa == set(TANPA_KASUS), f"rules without a golden case: {sorted(tanpa)}"


def test_halaman_daftar_pemeriksaan_dihasilkan() -> None:
    teks = (AKAR / "content/pemeriksaan.md").read_text()
    assert teks == halaman()
    assert all(f"| `{k}` |" in teks for k in ATURAN)


def test_tingkat_temuan_dari_daftar(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pk = kantor / "periods/2026/perjanjian-kinerja.yml"
    pk.write_text(pk.read_text().replace("target: 40", "target: 41", 1))
    hasil = jalankan(capsys, "periksa", "--format", "json")
    temuan = json.loads(hasil.keluaran)["temuan"]
    assert [(t["aturan"], t["tingkat"]) for t in temuan] == [("target-tak-konsisten",
                                                             "peringatan")]


def test_berkas_tak_terbaca(kantor: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A form the user may not read (as root every file is readable, so the denial is made
    here): a finding on that form, and the rest is still checked."""
    asli = Path.open
    tolak = kantor / "periods/2026/tw1/formulir/trantib.yml"

    def buka(self: Path, *args: object, **kwargs: object) -> object:
        if self == tolak:
            raise PermissionError(13, "Permission denied", str(self))
        return asli(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", buka)
    hasil = jalankan(capsys, "periksa")
    assert hasil.kode == 1
    assert ("periods/2026/tw1/formulir/trantib.yml:1:1: galat: berkas tidak dapat dibaca "
            "(Permission denied); periksa izin berkas [berkas-tak-terbaca]") in hasil.keluaran
    assert "Seksi Pemerintahan: 2 dari 2 indikator terisi" in hasil.keluaran


def test_berkas_besar(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = kantor / "periods/2026/tw1/formulir/trantib.yml"
    form.write_text(form.read_text() + "#" * (1024 * 1024) + "\n")
    hasil = jalankan(capsys, "periksa")
    assert hasil.kode == 1
    assert ("periods/2026/tw1/formulir/trantib.yml:1:1: galat: berkas terlalu besar"
            in hasil.keluaran)
    assert "[berkas-besar]" in hasil.keluaran
