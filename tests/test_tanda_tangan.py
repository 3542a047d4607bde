"""Signed decisions in plain Git: where kinerja.yml asks for it, a decision counts only when its
commit carries a good signature from the key listed for that person (real ssh-keygen and gpg
keys, real `git commit -S`, real verification)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import jalankan
from test_alur import Kantor

pytestmark = pytest.mark.skipif(shutil.which("ssh-keygen") is None,
                                reason="ssh-keygen tidak terpasang")

PERAN = {"kasubbag": "kasubbag", "sekcam": "sekcam", "camat": "camat"}


def _kunci(folder: Path, nama: str) -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", nama, "-f",
                    str(folder / nama)], check=True)
    return folder / nama


def _cantumkan_kunci(kantor: Path, kunci: dict[str, str]) -> None:
    """List each person's key line (id → «kunci_ssh: …» or «kunci_gpg: …») and require
    signatures."""
    teks = (kantor / "kinerja.yml").read_text()
    for id_, baris in kunci.items():
        teks = teks.replace(f"    email: {id_}@contoh.go.id\n",
                            f"    email: {id_}@contoh.go.id\n    {baris}\n", 1)
    (kantor / "kinerja.yml").write_text(teks + "persetujuan:\n  tanda_tangan: wajib\n")


def _kantor_bertanda_tangan(kantor: Path, mp: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str], kunci: dict[str, str]) -> Kantor:
    """The test office requiring signatures, ``kunci`` (id → «kunci_ssh: …» or «kunci_gpg: …»)
    listed, a period created and filled."""
    _cantumkan_kunci(kantor, kunci)
    x = Kantor(kantor, mp, capsys)
    x.git("init", "-q", "-b", "main")
    x.sebagai("kasubbag", "2026-07-06 09:00")
    x.git("add", ".")
    x.git("commit", "-qm", "Kantor contoh")
    x.periode_terisi("kasi-pem")
    return x


@pytest.fixture
def k(kantor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
      tmp_path: Path) -> tuple[Kantor, dict[str, Path]]:
    folder = tmp_path / "kunci"
    folder.mkdir()
    kunci = {nama: _kunci(folder, nama) for nama in (*PERAN, "palsu")}
    x = _kantor_bertanda_tangan(kantor, monkeypatch, capsys, {
        id_: "kunci_ssh: " + kunci[nama].with_suffix(".pub").read_text().strip()
        for id_, nama in PERAN.items()})
    return x, kunci


def _tanda_tangan_dengan(mp: pytest.MonkeyPatch, kunci: Path | None) -> None:
    if kunci is None:
        mp.delenv("GIT_CONFIG_COUNT", raising=False)
        return
    for n, (kunci_, nilai) in enumerate((("gpg.format", "ssh"),
                                         ("user.signingkey", str(kunci.with_suffix(".pub"))))):
        mp.setenv(f"GIT_CONFIG_KEY_{n}", kunci_)
        mp.setenv(f"GIT_CONFIG_VALUE_{n}", nilai)
    mp.setenv("GIT_CONFIG_COUNT", "2")


def test_keputusan_harus_bertanda_tangan_kunci_sendiri(
        k: tuple[Kantor, dict[str, Path]], monkeypatch: pytest.MonkeyPatch) -> None:
    x, kunci = k
    sebelum = x.git("rev-parse", "HEAD")

    x.sebagai("kasubbag", "2026-07-06 13:00")
    _tanda_tangan_dengan(monkeypatch, kunci["palsu"])
    keluar = x.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan", kode=1)
    assert ("keputusan" in keluar and "oleh Kasubbag Contoh tidak dihitung: commit tidak "
            "ditandatangani dengan kunci Kasubbag Contoh yang tercantum di kinerja.yml") in keluar
    assert "tidak ada yang dicatat" in keluar and "git config user.signingkey" in keluar
    assert x.git("rev-parse", "HEAD") == sebelum  # never put on the branch

    _tanda_tangan_dengan(monkeypatch, kunci["kasubbag"])
    assert "1 dari 3 persetujuan" in x.kinerja("setujui", "2026-tw2", "--sebagai",
                                               "kasubbag-perencanaan")

    # An unsigned decision made by hand, bypassing kinerja, is seen and not counted.
    x.sebagai("sekcam", "2026-07-06 14:00")
    _tanda_tangan_dengan(monkeypatch, None)
    isi = x.git("log", "-1", "--format=%(trailers:key=Kinerja-Isi,valueonly)").strip()
    x.git("commit", "-q", "--allow-empty", "-m", "Setujui (tanpa tanda tangan)\n\n"
          "Kinerja-Periode: 2026-tw2\nKinerja-Keputusan: setuju\nKinerja-Peran: sekcam\n"
          f"Kinerja-Isi: {isi}")
    keluar = x.kinerja("persetujuan", "2026-tw2", kode=1)
    assert "oleh Sekcam Contoh tidak dihitung: commit tidak bertanda tangan" in keluar
    assert "1 dari 3 persetujuan" in keluar

    _tanda_tangan_dengan(monkeypatch, kunci["sekcam"])
    assert "2 dari 3 persetujuan" in x.kinerja("setujui", "2026-tw2", "--sebagai", "sekcam")
    x.sebagai("camat", "2026-07-06 15:00")
    _tanda_tangan_dengan(monkeypatch, kunci["camat"])
    keluar = x.kinerja("sahkan", "2026-tw2")
    assert "status     disahkan" in keluar
    assert "-----BEGIN SSH SIGNATURE-----" in x.git("cat-file", "tag", "pengesahan/2026-tw2")


def test_tanpa_cara_menandatangani_tidak_ada_yang_dicommit(
        k: tuple[Kantor, dict[str, Path]], monkeypatch: pytest.MonkeyPatch) -> None:
    x, kunci = k
    x.sebagai("kasubbag", "2026-07-06 13:00")
    _tanda_tangan_dengan(monkeypatch, kunci["kasubbag"])
    x.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan")
    x.sebagai("sekcam", "2026-07-06 14:00")
    keluar = x.kinerja("setujui", "2026-tw2", "--sebagai", "sekcam", kode=1)  # Kasubbag's key
    assert "oleh Sekcam Contoh tidak dihitung" in keluar
    _tanda_tangan_dengan(monkeypatch, kunci["sekcam"])
    x.kinerja("setujui", "2026-tw2", "--sebagai", "sekcam")
    sebelum = x.git("rev-parse", "HEAD")
    x.sebagai("camat", "2026-07-06 15:00")
    monkeypatch.setenv("GIT_CONFIG_VALUE_1", str(x.akar.parent / "tidak-ada.pub"))
    keluar = x.kinerja("sahkan", "2026-tw2", kode=1)
    assert "commit keputusan tidak dapat ditandatangani" in keluar
    assert x.git("rev-parse", "HEAD") == sebelum
    assert not (x.akar / "periods/2026/tw2/riwayat.yml").exists()
    assert x.git("status", "--porcelain") == ""
    assert x.git("tag", "-l") == ""


def test_peninjau_tanpa_kunci_ditolak_pemeriksa(kantor: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    teks = (kantor / "kinerja.yml").read_text()
    (kantor / "kinerja.yml").write_text(teks + "persetujuan:\n  tanda_tangan: wajib\n")
    hasil = jalankan(capsys, "periksa", "kinerja.yml")
    assert hasil.kode == 1
    pesan = [b for b in hasil.keluaran.splitlines() if "[kunci-kosong]" in b]
    assert [b.split(":")[1] for b in pesan] == ["8", "15", "21"]  # camat, sekcam, kasubbag
    assert "persetujuan.tanda_tangan: wajib, tetapi Camat Contoh tidak punya email dan " \
           "kunci_ssh atau kunci_gpg" in pesan[0]


@pytest.mark.skipif(shutil.which("gpg") is None, reason="gpg tidak terpasang")
def test_kunci_gpg(kantor: Path, monkeypatch: pytest.MonkeyPatch,
                   capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A GPG key is named by its fingerprint, written as people copy it (groups of four)."""
    rumah = tmp_path / "gnupg"
    rumah.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(rumah))
    sidik = {}
    for id_ in ("kasubbag", "palsu"):
        subprocess.run(["gpg", "--batch", "--quiet", "--pinentry-mode", "loopback", "--passphrase",
                        "", "--quick-gen-key", f"{id_} <{id_}@contoh.go.id>", "ed25519", "sign",
                        "never"], check=True, capture_output=True)
        daftar = subprocess.run(["gpg", "--with-colons", "--list-keys", f"{id_}@contoh.go.id"],
                                check=True, capture_output=True, text=True).stdout
        sidik[id_] = next(b.split(":")[9] for b in daftar.splitlines() if b.startswith("fpr"))
    dikelompokkan = " ".join(sidik["kasubbag"][i:i + 4] for i in range(0, 40, 4))
    x = _kantor_bertanda_tangan(kantor, monkeypatch, capsys, {
        "kasubbag": f'kunci_gpg: "{dikelompokkan}"',
        "sekcam": "kunci_gpg: " + "0" * 40, "camat": "kunci_gpg: " + "1" * 40})
    x.sebagai("kasubbag", "2026-07-06 13:00")
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "user.signingkey")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", sidik["palsu"])
    keluar = x.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan", kode=1)
    assert "tidak ditandatangani dengan kunci Kasubbag Contoh" in keluar
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", sidik["kasubbag"])
    assert "1 dari 3 persetujuan" in x.kinerja("setujui", "2026-tw2", "--sebagai",
                                               "kasubbag-perencanaan")


@pytest.mark.parametrize("penanda", [None, "palsu", "sekcam", "camat"])
def test_perubahan_kunci_harus_ditandatangani_kunci_lama(
        kantor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path, penanda: str | None) -> None:
    """Someone swaps the Kasubbag's key for their own in kinerja.yml, then creates the period.
    Unsigned, self-signed or signed by another approver, the swap is not trusted; signed by the
    Camat's listed key, it is."""
    folder = tmp_path / "kunci"
    folder.mkdir()
    kunci = {nama: _kunci(folder, nama) for nama in (*PERAN, "palsu")}
    publik = {n: p.with_suffix(".pub").read_text().strip() for n, p in kunci.items()}
    _cantumkan_kunci(kantor, {id_: f"kunci_ssh: {publik[id_]}" for id_ in PERAN})
    x = Kantor(kantor, monkeypatch, capsys)
    x.git("init", "-q", "-b", "main")
    x.sebagai("camat", "2026-07-01 09:00")
    x.git("add", ".")
    x.git("commit", "-qm", "Kantor")
    x.sebagai("kasi-pem", "2026-07-02 09:00")
    (kantor / "kinerja.yml").write_text((kantor / "kinerja.yml").read_text().replace(
        publik["kasubbag"], publik["palsu"]))
    _tanda_tangan_dengan(monkeypatch, kunci[penanda] if penanda else None)
    x.git("commit", "-qam", "Perbarui kunci", *(["-S"] if penanda else []))
    _tanda_tangan_dengan(monkeypatch, None)
    x.periode_terisi("kasi-pem")

    x.sebagai("kasubbag", "2026-07-07 09:00")
    _tanda_tangan_dengan(monkeypatch, kunci["palsu"])
    if penanda == "camat":
        assert "1 dari 3 persetujuan" in x.kinerja("setujui", "2026-tw2", "--sebagai",
                                                   "kasubbag-perencanaan")
        return
    keluar = x.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan", kode=1)
    assert "tidak ditandatangani dengan kunci Kasubbag Contoh yang tercantum" in keluar
    keluar = x.kinerja("persetujuan", "2026-tw2", kode=1)
    assert "perubahan peran atau kunci di kinerja.yml pada commit" in keluar
    assert "(Kasi Pemerintahan) tidak ditandatangani Camat yang tercantum sebelumnya" in keluar
    _tanda_tangan_dengan(monkeypatch, kunci["kasubbag"])
    assert "1 dari 3 persetujuan" in x.kinerja("setujui", "2026-tw2", "--sebagai",
                                               "kasubbag-perencanaan")
