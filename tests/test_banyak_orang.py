"""The README's guide «Beberapa orang tanpa Git host», run as written: a shared bare repository
(a folder on the office network), one clone per official with their own Git identity set once
(`git config`, not environment variables), each command from the guide in its own clone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import DASAR
from sejarah_uji import ORANG

KINERJA = str(Path(sys.executable).parent / "kinerja")


class Orang:
    def __init__(self, tmp: Path, bersama: Path, siapa: str) -> None:
        self.siapa = siapa
        self.klon = tmp / siapa
        self.env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp / f"home-{siapa}"),
                    "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C.UTF-8"}
        Path(self.env["HOME"]).mkdir()
        self.git("clone", "-q", str(bersama), str(self.klon), cwd=tmp)
        nama, email = ORANG[siapa]
        self.git("config", "user.name", nama)
        self.git("config", "user.email", email)

    def git(self, *args: str, cwd: Path | None = None, kode: int = 0,
            waktu: str | None = None) -> str:
        env = dict(self.env)
        if waktu:
            env |= {"GIT_AUTHOR_DATE": f"{waktu}:00 +0700", "GIT_COMMITTER_DATE":
                    f"{waktu}:00 +0700"}
        h = subprocess.run(["git", *args], cwd=cwd or self.klon, env=env, capture_output=True,
                           text=True, check=False)
        assert h.returncode == kode, (self.siapa, args, h.stdout + h.stderr)
        return h.stdout + h.stderr

    def kinerja(self, *args: str, waktu: str, kode: int = 0) -> str:
        env = self.env | {"GIT_AUTHOR_DATE": f"{waktu}:00 +0700",
                          "GIT_COMMITTER_DATE": f"{waktu}:00 +0700"}
        h = subprocess.run([KINERJA, *args], cwd=self.klon, env=env, capture_output=True,
                           text=True, check=False)
        assert h.returncode == kode, (self.siapa, args, h.stdout + h.stderr)
        return h.stdout + h.stderr


def _isi(o: Orang, seksi: str, ganti: dict[str, str]) -> None:
    form = o.klon / f"periods/2026/tw2/formulir/{seksi}.yml"
    teks = form.read_text()
    for a, b in ganti.items():
        assert a in teks, a
        teks = teks.replace(a, b, 1)
    form.write_text(teks)


def test_kantor_tanpa_git_host(tmp_path: Path) -> None:
    from test_alur import ISI_TRANTIB, LENGKAP_PEM

    # The Kasubbag makes the shared repository from the office's first commit.
    awal = tmp_path / "awal"
    shutil.copytree(DASAR, awal)
    shutil.rmtree(awal / "periods/2026/tw1")
    bersama = tmp_path / "bersama" / "kinerja.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bersama)], check=True)
    kasubbag = Orang(tmp_path, bersama, "kasubbag")
    shutil.copytree(awal, kasubbag.klon, dirs_exist_ok=True)
    kasubbag.git("add", "-A")
    kasubbag.git("commit", "-qm", "Data kantor", waktu="2026-07-01 08:00")
    kasubbag.git("push", "-q", "origin", "HEAD:main")
    kasubbag.git("branch", "-q", "--set-upstream-to=origin/main")
    orang = {s: Orang(tmp_path, bersama, s) for s in ("sekcam", "camat", "kasi-pem",
                                                      "kasi-trantib")}

    kasubbag.kinerja("periode", "baru", "2026", "tw2", "--mulai", "2026-07-06",
                     waktu="2026-07-06 09:00")
    kasubbag.git("add", "periods")
    kasubbag.git("commit", "-qm", "Buat periode 2026-tw2", waktu="2026-07-06 09:00")
    kasubbag.git("push", "-q")
    pesan = kasubbag.kinerja("tautan", "2026-tw2", waktu="2026-07-06 09:05")
    assert "- Seksi Pemerintahan: periods/2026/tw2/formulir/pemerintahan.yml" in pesan

    # Two section heads fill their forms at the same time; the second push is refused until
    # it has pulled the first.
    pem, trantib = orang["kasi-pem"], orang["kasi-trantib"]
    for o in (pem, trantib):
        o.git("pull", "-q")
    _isi(pem, "pemerintahan", LENGKAP_PEM)
    pem.kinerja("periksa", "periods/2026/tw2", waktu="2026-07-06 10:00")
    pem.git("commit", "-qam", "Isi formulir pemerintahan", waktu="2026-07-06 10:00")
    pem.git("push", "-q")
    _isi(trantib, "trantib", ISI_TRANTIB)
    trantib.git("commit", "-qam", "Isi formulir trantib", waktu="2026-07-06 10:30")
    trantib.git("push", "-q", kode=1)
    trantib.git("pull", "-q", "--rebase")
    trantib.git("push", "-q")

    # The approvals, each in its own clone, in order; the Camat pushes the tag with the branch.
    for o, argv, jam in ((kasubbag, ("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan"),
                          "2026-07-07 09:00"),
                         (orang["sekcam"], ("setujui", "2026-tw2", "--sebagai", "sekcam"),
                          "2026-07-07 10:00"),
                         (orang["camat"], ("sahkan", "2026-tw2"), "2026-07-07 11:00")):
        o.git("pull", "-q")
        o.kinerja(*argv, waktu=jam)
        o.git("push", "-q", "--follow-tags")

    # Anyone who pulls (with tags) sees the period ratified, and the report as ratified.
    kasubbag.git("pull", "-q", "--tags")
    status = kasubbag.kinerja("status", "2026-tw2", waktu="2026-07-07 12:00")
    assert "Persetujuan: disahkan" in status
    assert "status     disahkan" not in status
    kasubbag.kinerja("laporan", "2026-tw2", waktu="2026-07-07 12:00")
    assert kasubbag.kinerja("periksa", waktu="2026-07-07 12:00").endswith("tidak ada masalah.\n")
