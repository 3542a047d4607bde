"""Faults, injected: kinerja stopped by a signal at every Git step of a decision, a full disk, a
stale index lock, a read-only form, two commands at once, and forms saved by Windows tools.
After each, everything a person wrote is byte for byte as before, the repository reads the same
to every command (before or after the decision, never both), and the plain re-run completes."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DASAR
from sejarah_uji import commit, mulai_git, sebagai

KINERJA = str(Path(sys.executable).parent / "kinerja")
GIT = shutil.which("git") or "git"

# A stand-in for git, first on PATH: it counts its calls and, at the chosen one, signals the
# kinerja process that started it (its parent). SIGKILL kills kinerja before that step runs.
PENGGANTI = f"""#!/bin/sh
n=$(( $(cat "$KINERJA_HITUNG" 2>/dev/null || echo 0) + 1 ))
echo $n > "$KINERJA_HITUNG"
echo "$n $1 $2 $3" >> "$KINERJA_LOG"
if [ "$n" = "$KINERJA_SINYAL_PADA" ]; then
  kill -s "$KINERJA_SINYAL" $PPID
  if [ "$KINERJA_SINYAL" = KILL ]; then exit 137; fi
fi
exec {GIT} "$@"
"""


def _siapkan(akar: Path, sampai: str) -> None:
    """The small office with 2026-tw2 filled, and the decisions up to ``sampai`` made."""
    from datetime import date

    from kinerja.alur.keputusan import putuskan
    from kinerja.buat.periode import buat_periode
    from kinerja.pengesahan.trailer import Jenis
    from test_alur import ISI_TRANTIB, LENGKAP_PEM

    shutil.copytree(DASAR, akar)
    mulai_git(akar, "2026-07-01 08:00")
    with sebagai("kasubbag", "2026-07-06 09:00"):
        buat_periode(akar, 2026, "tw2", mulai=date(2026, 7, 6))
    commit(akar, "kasubbag", "2026-07-06 09:00", "Buat periode")
    for seksi, ganti in (("pemerintahan", LENGKAP_PEM), ("trantib", ISI_TRANTIB)):
        form = akar / f"periods/2026/tw2/formulir/{seksi}.yml"
        teks = form.read_text()
        for a, b in ganti.items():
            teks = teks.replace(a, b, 1)
        form.write_text(teks)
    commit(akar, "kasi-pem", "2026-07-06 10:00", "Isi")
    langkah = [("kasubbag", Jenis.SETUJU, "kasubbag-perencanaan"),
               ("sekcam", Jenis.SETUJU, "sekcam"), ("camat", Jenis.SAHKAN, "camat")]
    for siapa, jenis, peran in langkah[:{"setujui": 0, "sahkan": 2, "revisi": 3}[sampai]]:
        with sebagai(siapa, "2026-07-07 09:00"):
            putuskan(akar, "2026-tw2", jenis, peran)


PERINTAH = {
    "setujui": ("kasubbag", ["setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan"]),
    "sahkan": ("camat", ["sahkan", "2026-tw2"]),
    "revisi": ("kasubbag", ["revisi", "2026-tw2", "--alasan", "Perbaikan data"]),
}


def _env(siapa: str, **tambahan: str) -> dict[str, str]:
    from sejarah_uji import ORANG

    nama, email = ORANG[siapa]
    env = {**os.environ, **tambahan}
    for j in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{j}_NAME"], env[f"GIT_{j}_EMAIL"] = nama, email
        env[f"GIT_{j}_DATE"] = "2026-07-08 09:00:00 +0700"
    return env


def _jalankan(akar: Path, argv: list[str], env: dict[str, str],
              batas: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KINERJA, *argv], cwd=akar, env=env, capture_output=True, text=True,
                          check=False, preexec_fn=batas, timeout=120)


def _keadaan(akar: Path) -> tuple[str, int]:
    """The one ratification value, read afresh from the repository."""
    from kinerja.layanan import potret

    s = potret(akar).cari("2026-tw2").pengesahan
    return s.keadaan.value, s.versi


def _berkas_orang(akar: Path) -> dict[str, bytes]:
    """What people wrote: the office, the PK, the forms (not kinerja's own record)."""
    return {p.relative_to(akar).as_posix(): p.read_bytes()
            for p in [akar / "kinerja.yml", *akar.glob("periods/**/*.yml")]
            if p.name != "riwayat.yml"}


def _langkah_git(akar: Path, perintah: str, tmp: Path) -> int:
    """How many times the command calls git when nothing stops it."""
    uji = tmp / "hitung"
    shutil.copytree(akar, uji)
    bin_ = tmp / "bin-hitung"
    bin_.mkdir()
    (bin_ / "git").write_text(PENGGANTI)
    (bin_ / "git").chmod(0o755)
    siapa, argv = PERINTAH[perintah]
    env = _env(siapa, PATH=f"{bin_}:{os.environ['PATH']}", KINERJA_HITUNG=str(tmp / "n0"),
               KINERJA_LOG=str(tmp / "log0"), KINERJA_SINYAL_PADA="0", KINERJA_SINYAL="TERM")
    hasil = _jalankan(uji, argv, env)
    assert hasil.returncode == 0, hasil.stderr
    return int((tmp / "n0").read_text())


@pytest.fixture(scope="module")
def asal(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {p: _siap(tmp_path_factory, p) for p in PERINTAH}


def _siap(f: pytest.TempPathFactory, perintah: str) -> Path:
    akar = f.mktemp(perintah) / "repo"
    _siapkan(akar, perintah)
    return akar


SEBELUM_SESUDAH = {"setujui": ("belum", "belum"), "sahkan": ("belum", "disahkan"),
                   "revisi": ("disahkan", "dibuka")}


@pytest.mark.parametrize(("perintah", "sinyal"), [
    ("sahkan", "KILL"), ("sahkan", "TERM"), ("setujui", "KILL"), ("setujui", "HUP"),
    ("revisi", "KILL"), ("revisi", "INT")])
def test_dihentikan_di_setiap_langkah_git(asal: dict[str, Path], tmp_path: Path, perintah: str,
                                          sinyal: str) -> None:
    """Stopped at every git step: before or after, never both; the plain re-run completes."""
    n = _langkah_git(asal[perintah], perintah, tmp_path)
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    (bin_ / "git").write_text(PENGGANTI)
    (bin_ / "git").chmod(0o755)
    siapa, argv = PERINTAH[perintah]
    sebelum, sesudah = SEBELUM_SESUDAH[perintah]
    for langkah in range(1, n + 1):
        akar = tmp_path / f"r{langkah}"
        shutil.copytree(asal[perintah], akar)
        orang = _berkas_orang(akar)
        env = _env(siapa, PATH=f"{bin_}:{os.environ['PATH']}",
                   KINERJA_HITUNG=str(tmp_path / f"n{langkah}"),
                   KINERJA_LOG=str(tmp_path / f"log{langkah}"),
                   KINERJA_SINYAL_PADA=str(langkah), KINERJA_SINYAL=sinyal)
        hasil = _jalankan(akar, argv, env)
        assert hasil.returncode != 3 and "Traceback" not in hasil.stderr, (langkah, hasil.stderr)
        assert _berkas_orang(akar) == orang, langkah
        keadaan, _ = _keadaan(akar)
        assert keadaan in (sebelum, sesudah, "tertunda"), (langkah, keadaan)
        ulang = _jalankan(akar, argv, _env(siapa))
        assert ulang.returncode == 0, (langkah, keadaan, ulang.stdout + ulang.stderr)
        assert _keadaan(akar)[0] == sesudah, langkah
        assert _berkas_orang(akar) == orang, langkah
        periksa = _jalankan(akar, ["periksa"], _env(siapa))
        assert periksa.returncode == 0, (langkah, periksa.stdout)
        status = subprocess.run([GIT, "status", "--porcelain"], cwd=akar, capture_output=True,
                                text=True, check=True).stdout
        assert status == "", (langkah, status)
        shutil.rmtree(akar)


def _disk_penuh(byte: int) -> Callable[[], None]:
    """A full disk for the child: no file it writes may grow past ``byte`` (ulimit -f)."""
    def batas() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (byte, byte))
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL)  # as a shell's child would have it
    return batas


@pytest.mark.parametrize("perintah", ["sahkan", "revisi"])
def test_disk_penuh_saat_keputusan(asal: dict[str, Path], tmp_path: Path, perintah: str) -> None:
    akar = tmp_path / "repo"
    shutil.copytree(asal[perintah], akar)
    orang = _berkas_orang(akar)
    sebelum = _keadaan(akar)
    siapa, argv = PERINTAH[perintah]
    hasil = _jalankan(akar, argv, _env(siapa), _disk_penuh(200))
    assert hasil.returncode == 1, hasil.stdout + hasil.stderr
    assert "Traceback" not in hasil.stderr and "kinerja: galat:" in hasil.stderr
    assert _berkas_orang(akar) == orang and _keadaan(akar) == sebelum
    assert _jalankan(akar, argv, _env(siapa)).returncode == 0
    assert _jalankan(akar, ["periksa"], _env(siapa)).returncode == 0


def test_disk_penuh_saat_melengkapi_formulir(tmp_path: Path) -> None:
    """A PK amendment adds an indicator; completing the filled form on a full disk leaves it
    exactly as it was, and says what failed."""
    akar = tmp_path / "repo"
    _siapkan(akar, "setujui")
    pk = akar / "periods/2026/perjanjian-kinerja.yml"
    pk.write_text(pk.read_text().replace(
        "program:\n", "      - kode: IK-9\n        uraian: Baru\n        satuan: kali\n"
        "        polaritas: naik\n        agregasi: jumlah\n        target: 4\n"
        "        target_triwulan: [1, 1, 1, 1]\n        seksi: trantib\nprogram:\n", 1))
    form = akar / "periods/2026/tw2/formulir/trantib.yml"
    form.write_text(form.read_text() + "# catatan seksi yang belum di-commit\n")
    orang = _berkas_orang(akar)
    argv = ["periode", "baru", "2026", "tw2", "--mulai", "2026-07-06"]
    hasil = _jalankan(akar, argv, _env("kasubbag"), _disk_penuh(len(form.read_bytes()) + 10))
    assert hasil.returncode == 1, hasil.stdout + hasil.stderr
    assert "disk" in hasil.stderr.lower() or "ruang" in hasil.stderr.lower(), hasil.stderr
    assert _berkas_orang(akar) == orang
    assert not list(form.parent.glob(".*")), list(form.parent.iterdir())  # no temporary left
    hasil = _jalankan(akar, argv, _env("kasubbag"))
    assert hasil.returncode == 0, hasil.stderr
    assert "IK-9" in form.read_text() and "# catatan seksi yang belum di-commit" in form.read_text()


def test_disk_penuh_saat_laporan_dan_situs(asal: dict[str, Path], tmp_path: Path) -> None:
    """A final report rebuilt on a full disk leaves the old PDF whole (never a cut one the site
    would publish); a site build that fails leaves the previous site whole."""
    from buatan import salin_situs

    akar = tmp_path / "repo"
    shutil.copytree(asal["revisi"], akar)  # ratified
    salin_situs(akar)
    assert _jalankan(akar, ["laporan", "2026-tw2"], _env("kasubbag")).returncode == 0
    pdf = akar / "build/2026-tw2/laporan-pengukuran-kinerja-2026-tw2.pdf"
    lama = pdf.read_bytes()
    hasil = _jalankan(akar, ["laporan", "2026-tw2"], _env("kasubbag"), _disk_penuh(4096))
    assert hasil.returncode == 1 and "Traceback" not in hasil.stderr, hasil.stderr
    assert pdf.read_bytes() == lama

    assert _jalankan(akar, ["situs"], _env("kasubbag")).returncode == 0
    arsip = akar / "content/arsip"
    sebelum = {p.relative_to(arsip): p.read_bytes() for p in arsip.rglob("*") if p.is_file()}
    hasil = _jalankan(akar, ["situs"], _env("kasubbag"), _disk_penuh(2048))
    assert hasil.returncode == 1 and "Traceback" not in hasil.stderr, hasil.stderr
    sesudah = {p.relative_to(arsip): p.read_bytes() for p in arsip.rglob("*") if p.is_file()}
    assert sesudah == sebelum


def test_index_lock_basi_dan_formulir_hanya_baca(asal: dict[str, Path], tmp_path: Path) -> None:
    akar = tmp_path / "repo"
    shutil.copytree(asal["setujui"], akar)
    (akar / ".git/index.lock").write_text("")
    orang = _berkas_orang(akar)
    siapa, argv = PERINTAH["setujui"]
    hasil = _jalankan(akar, argv, _env(siapa))
    # The decision is written without the index: it succeeds, and says the index is busy.
    assert hasil.returncode == 0, hasil.stderr
    assert _berkas_orang(akar) == orang
    (akar / ".git/index.lock").unlink()
    assert "1 dari 3" in _jalankan(akar, ["persetujuan", "2026-tw2"], _env(siapa)).stdout

    form = akar / "periods/2026/tw2/formulir/pemerintahan.yml"
    form.chmod(0o444)
    pk = akar / "periods/2026/perjanjian-kinerja.yml"
    pk.write_text(pk.read_text().replace(
        "program:\n", "      - kode: IK-9\n        uraian: Baru\n        satuan: kali\n"
        "        polaritas: naik\n        agregasi: jumlah\n        target: 4\n"
        "        target_triwulan: [1, 1, 1, 1]\n        seksi: pemerintahan\nprogram:\n", 1))
    orang = _berkas_orang(akar)
    hasil = _jalankan(akar, ["periode", "baru", "2026", "tw2", "--mulai", "2026-07-06"],
                      _env("kasubbag"))
    if os.geteuid() != 0:  # root writes through a read-only mode
        assert hasil.returncode == 1 and "Traceback" not in hasil.stderr, hasil.stderr
        assert "periods/2026/tw2/formulir/pemerintahan.yml" in hasil.stderr
        assert _berkas_orang(akar) == orang
    form.chmod(0o644)


def test_dua_perintah_bersamaan(asal: dict[str, Path], tmp_path: Path) -> None:
    """Two Camat's «sahkan» and a site build started together: one ratification, both
    commands answer, and the repository reads clean."""
    from buatan import salin_situs

    akar = tmp_path / "repo"
    shutil.copytree(asal["sahkan"], akar)
    salin_situs(akar)
    hasil: list[subprocess.CompletedProcess[str]] = []
    urutan = [["sahkan", "2026-tw2"], ["sahkan", "2026-tw2"], ["situs"]]
    utas = [threading.Thread(target=lambda a=a: hasil.append(_jalankan(akar, a, _env("camat"))))
            for a in urutan]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    assert all(h.returncode == 0 for h in hasil), [h.stderr for h in hasil]
    assert subprocess.run([GIT, "tag", "-l"], cwd=akar, capture_output=True, text=True,
                          check=True).stdout == "pengesahan/2026-tw2\n"
    sahkan = [h.stdout for h in hasil if "pengesahan" in h.stdout or "sudah" in h.stdout]
    assert sum("sudah disahkan" in s for s in sahkan) == 1, sahkan
    assert _keadaan(akar)[0] == "disahkan"
    assert _jalankan(akar, ["periksa"], _env("camat")).returncode == 0


@pytest.mark.parametrize("pengodean", ["utf-16", "cp1252"])
def test_formulir_windows_dilaporkan_bukan_utf8(asal: dict[str, Path], tmp_path: Path,
                                                pengodean: str) -> None:
    """A form saved by Notepad «Unicode» (UTF-16) or as Windows-1252: every command names it
    (bukan-utf8), exit 1, never 3, and nothing is rewritten."""
    akar = tmp_path / "repo"
    shutil.copytree(asal["setujui"], akar)
    form = akar / "periods/2026/tw2/formulir/trantib.yml"
    teks = form.read_text().replace("Sesuai target.", "Sesuai target — «baik».")
    form.write_bytes(teks.encode(pengodean, errors="replace"))  # as the tool saves it
    commit(akar, "kasi-trantib", "2026-07-06 11:00", "Simpan dari Notepad")
    orang = _berkas_orang(akar)
    for argv in (["periksa"], ["periode", "baru", "2026", "tw2", "--mulai", "2026-07-06"],
                 ["rekap", "2026-tw2"], ["laporan", "2026-tw2", "--draf"],
                 ["setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan"],
                 ["persetujuan", "2026-tw2"], ["status", "2026-tw2"], ["situs"]):
        hasil = _jalankan(akar, argv, _env("kasubbag"))
        assert "Traceback" not in hasil.stderr
        keluar = hasil.stdout + hasil.stderr
        # about decisions, or only ratified periods (the site): not this unratified form
        if argv[0] in ("persetujuan", "status", "situs"):
            assert hasil.returncode in (0, 1), (argv, keluar)
        else:
            assert hasil.returncode == 1, (argv, keluar)
            assert "periods/2026/tw2/formulir/trantib.yml" in keluar, (argv, keluar)
        assert _berkas_orang(akar) == orang, argv


def test_situs_gagal_tidak_merusak_yang_lama(asal: dict[str, Path], tmp_path: Path) -> None:
    """A build that fails leaves the previous site whole; the next good build leaves no stale
    page (a period reopened by a revision is no longer shown as ratified)."""
    from buatan import salin_situs

    akar = tmp_path / "repo"
    shutil.copytree(asal["revisi"], akar)  # 2026-tw2 ratified
    salin_situs(akar)
    env = {**_env("kasubbag"), "NO_MKDOCS_2_WARNING": "1"}
    assert _jalankan(akar, ["situs", "--bangun"], env).returncode == 0
    situs = akar / "site"
    halaman = situs / "arsip/2026/tw2/index.html"
    assert "Disahkan" in halaman.read_text()
    lama = {p.relative_to(situs): p.read_bytes() for p in situs.rglob("*") if p.is_file()}

    assert _jalankan(akar, ["revisi", "2026-tw2", "--alasan", "Salah ketik"], env).returncode == 0
    mkdocs = akar / "mkdocs.yml"
    asli = mkdocs.read_text()
    mkdocs.write_text(asli + "\nnav: [rusak\n")  # the site builder fails
    hasil = _jalankan(akar, ["situs", "--bangun"], env)
    assert hasil.returncode == 1 and "Traceback" not in hasil.stderr, hasil.stderr
    assert {p.relative_to(situs): p.read_bytes() for p in situs.rglob("*") if p.is_file()} == lama

    mkdocs.write_text(asli)
    assert _jalankan(akar, ["situs", "--bangun"], env).returncode == 0
    assert not halaman.exists() and not (akar / "content/arsip/2026/tw2").exists()


@pytest.mark.parametrize("keadaan", ["detached", "rebase", "merge", "dangkal"])
def test_keputusan_menolak_keadaan_git_yang_tak_terbaca(asal: dict[str, Path], tmp_path: Path,
                                                        keadaan: str) -> None:
    """A decision where it would sit on no branch, in the middle of another operation, or
    where the history that proves it is missing: refused, saying what to do; nothing recorded."""
    akar = tmp_path / "repo"
    if keadaan == "dangkal":
        subprocess.run([GIT, "clone", "-q", "--depth", "1", f"file://{asal['setujui']}",
                        str(akar)], check=True)
    else:
        shutil.copytree(asal["setujui"], akar)

    def git(*args: str) -> None:
        subprocess.run([GIT, *args], cwd=akar, check=True, capture_output=True,
                       env=_env("kasubbag"))

    if keadaan == "detached":
        git("checkout", "-q", "--detach", "HEAD")
    elif keadaan in ("rebase", "merge"):
        git("checkout", "-q", "-b", "lain", "HEAD~1")
        (akar / "periods/2026/tw2/formulir/trantib.yml").write_text("bentrok: 1\n")
        git("commit", "-qam", "Bentrok")
        perintah = ["rebase", "main"] if keadaan == "rebase" else ["merge", "main"]
        subprocess.run([GIT, *perintah], cwd=akar, capture_output=True, env=_env("kasubbag"),
                       check=False)
    sebelum = subprocess.run([GIT, "rev-parse", "HEAD"], cwd=akar, capture_output=True,
                             text=True, check=True).stdout
    hasil = _jalankan(akar, PERINTAH["setujui"][1], _env("kasubbag"))
    assert hasil.returncode == 1 and "Traceback" not in hasil.stderr, hasil.stderr
    harap = {"detached": "detached HEAD", "rebase": "rebase",
             "merge": "di tengah penggabungan (merge)",
             "dangkal": "git fetch --unshallow"}[keadaan]
    assert harap in hasil.stderr, hasil.stderr
    assert subprocess.run([GIT, "rev-parse", "HEAD"], cwd=akar, capture_output=True, text=True,
                          check=True).stdout == sebelum


@pytest.mark.parametrize("rusak", ["pandoc-hilang", "pandoc-gagal", "typst-gagal"])
def test_pandoc_atau_typst_gagal(asal: dict[str, Path], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str], rusak: str) -> None:
    """A missing or failing pandoc, a Typst that fails: a message naming it, exit 1, and the
    previous PDF left as it was."""
    import typst

    from conftest import jalankan
    from kinerja.dokumen import render

    akar = tmp_path / "repo"
    shutil.copytree(asal["revisi"], akar)
    monkeypatch.chdir(akar)
    assert jalankan(capsys, "laporan", "2026-tw2").kode == 0
    pdf = akar / "build/2026-tw2/laporan-pengukuran-kinerja-2026-tw2.pdf"
    lama = pdf.read_bytes()
    if rusak == "pandoc-hilang":
        monkeypatch.setattr(render, "pandoc", lambda: str(tmp_path / "tidak-ada" / "pandoc"))
    elif rusak == "pandoc-gagal":
        gagal = tmp_path / "pandoc"
        gagal.write_text("#!/bin/sh\necho 'pandoc: out of memory' >&2\nexit 2\n")
        gagal.chmod(0o755)
        monkeypatch.setattr(render, "pandoc", lambda: str(gagal))
    else:
        def galat(*_: object, **__: object) -> bytes:
            raise RuntimeError("typst: font tidak terbaca")
        monkeypatch.setattr(typst, "compile", galat)
    hasil = jalankan(capsys, "laporan", "2026-tw2")
    assert hasil.kode == 1, hasil.galat
    assert ("pandoc" if rusak.startswith("pandoc") else "Typst") in hasil.galat, hasil.galat
    assert pdf.read_bytes() == lama
