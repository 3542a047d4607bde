"""Every call to git goes through here."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kinerja.errors import KinerjaError

PEMISAH = "\x1f"
AKHIR = "\x1e"


class GitError(KinerjaError):
    pass


def git(akar: Path, *args: str, masukan: str | None = None) -> str:
    try:
        hasil = subprocess.run(["git", "-C", str(akar), *args], input=masukan, capture_output=True,
                               text=True, check=False, encoding="utf-8")
    except OSError as e:
        raise GitError("git tidak ditemukan; pasang git lalu ulangi") from e
    if hasil.returncode != 0:
        pesan = hasil.stderr.strip().splitlines()[-1] if hasil.stderr.strip() else "gagal"
        raise GitError(f"git {args[0]}: {pesan}")
    return hasil.stdout


def repo_git(akar: Path) -> bool:
    try:
        return git(akar, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except GitError:
        return False


def penulis(akar: Path) -> tuple[str, str]:
    """The Git author who would sign a commit made now: (name, e-mail)."""
    nama, email, _ = identitas(akar)
    return nama, email


def identitas(akar: Path) -> tuple[str, str, datetime]:
    """Name, e-mail and the author date a commit made now would carry (GIT_AUTHOR_DATE too)."""
    from datetime import timedelta, timezone

    ident = git(akar, "var", "GIT_AUTHOR_IDENT").strip()
    nama, _, sisa = ident.partition(" <")
    email, _, cap = sisa.partition("> ")
    detik, _, zona = cap.partition(" ")
    arah = -1 if zona.startswith("-") else 1
    geser = timedelta(hours=int(zona[1:3] or 0), minutes=int(zona[3:5] or 0)) * arah
    return nama, email, datetime.fromtimestamp(int(detik), timezone(geser))


def tampilkan(akar: Path, ref: str, path: str) -> str | None:
    try:
        return git(akar, "show", f"{ref}:{path}")
    except GitError:
        return None


@dataclass(frozen=True)
class Commit:
    sha: str
    waktu: datetime
    nama: str
    email: str
    subjek: str
    trailer: dict[str, str]


def log(akar: Path, *args: str) -> list[Commit]:
    """Commits (newest first) with their ``Kinerja-*`` trailers parsed."""
    format_ = PEMISAH.join(("%H", "%aI", "%an", "%ae", "%s",
                            "%(trailers:only,unfold,separator=%x1d)")) + AKHIR
    try:
        keluar = git(akar, "log", f"--format={format_}", *args)
    except GitError:
        return []  # a repository with no commits yet
    hasil = []
    for mentah in keluar.split(AKHIR):
        rekam = mentah.strip("\n")
        if not rekam:
            continue
        sha, waktu, nama, email, subjek, trailer = rekam.split(PEMISAH)
        tr = {}
        for baris in trailer.split("\x1d"):
            kunci, _, nilai = baris.partition(":")
            if kunci.startswith("Kinerja-"):
                tr[kunci.strip()] = nilai.strip()
        hasil.append(Commit(sha, datetime.fromisoformat(waktu), nama, email, subjek, tr))
    return hasil


def isi_folder(akar: Path, ref: str, folder: str, kecuali: tuple[str, ...] = ()) -> str:
    """A fingerprint of a folder's content at ``ref`` (blob ids of its files), ignoring
    ``kecuali``: what an approval in plain-Git mode refers to."""
    import hashlib

    daftar = git(akar, "ls-tree", "-r", ref, "--", folder)
    baris = [b for b in daftar.splitlines() if b.rsplit("\t", 1)[-1].rsplit("/", 1)[-1]
             not in kecuali]
    return hashlib.sha1("\n".join(baris).encode()).hexdigest()


def commit(akar: Path, pesan: str, *, kosong: bool, berkas: tuple[str, ...] = (),
           tanda_tangan: bool = False) -> str:
    if berkas:
        git(akar, "add", "--", *berkas)
    git(akar, "commit", "--quiet", *(["--allow-empty"] if kosong else []),
        *(["-S"] if tanda_tangan else []), "-F", "-", masukan=pesan)
    return git(akar, "rev-parse", "HEAD").strip()


def batalkan_commit_terakhir(akar: Path) -> None:
    """Undo the commit kinerja itself just made (its changes stay staged)."""
    git(akar, "reset", "--soft", "HEAD~1")


def tag(akar: Path, nama: str, pesan: str, *, tanda_tangan: bool = False) -> None:
    git(akar, "tag", "-s" if tanda_tangan else "-a", nama, "-F", "-", masukan=pesan)


@dataclass(frozen=True)
class TandaTangan:
    status: str  # git's %G?: G good, U good but untrusted key, B bad, N none, E cannot check, …
    penanda: str  # SSH: the allowed-signers principal (an e-mail); GPG: the key fingerprint
    utama: str = ""  # GPG: the primary key's fingerprint (the signing key may be a subkey)


def tanda_tangan(akar: Path, sha: list[str], kunci_ssh: dict[str, str]) -> dict[str, TandaTangan]:
    """Check the signatures of some commits. ``kunci_ssh`` maps e-mail → public key: the only
    SSH keys trusted, each for its own e-mail (git's allowed-signers file)."""
    import tempfile

    if not sha:
        return {}
    with tempfile.NamedTemporaryFile("w", suffix=".allowed_signers", delete=False,
                                     encoding="utf-8") as f:
        for email, kunci in kunci_ssh.items():
            f.write(f"{email} {kunci.strip()}\n")
        berkas = f.name
    try:
        keluar = git(akar, "-c", f"gpg.ssh.allowedSignersFile={berkas}", "log", "--no-walk",
                     f"--format=%H{PEMISAH}%G?{PEMISAH}%GS{PEMISAH}%GF{PEMISAH}%GP{AKHIR}", *sha)
    finally:
        Path(berkas).unlink()
    hasil = {}
    for rekam in keluar.split(AKHIR):
        bagian = rekam.strip("\n").split(PEMISAH)
        if len(bagian) == 5:
            h, status, penanda, sidik, utama = bagian
            ssh = sidik.startswith("SHA256:")
            hasil[h] = TandaTangan(status, penanda.lower() if ssh else sidik.upper(),
                                   "" if ssh else utama.upper())
    return hasil
