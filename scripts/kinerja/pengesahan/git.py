"""Every call to git goes through here."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kinerja.inti.errors import KinerjaError

PEMISAH = "\x1f"
AKHIR = "\x1e"


class GitError(KinerjaError):
    pass


# What git says in English, and what a person should read instead: the cause and what to do.
_TERJEMAHAN = (
    ("already exists", "{x} sudah ada; tidak ada yang ditimpa"),
    ("not a git repository", "folder ini bukan repo Git; jalankan di dalam klon repo kantor"),
    ("Please tell me who you are", "identitas Git belum diatur; jalankan «git config "
     "user.name \"Nama Anda\"» dan «git config user.email surel@kantor»"),
    ("empty ident", "identitas Git belum diatur; jalankan «git config user.name \"Nama Anda\"» "
     "dan «git config user.email surel@kantor»"),
    ("cannot lock ref", "rujukan Git tidak dapat dibuat karena bertabrakan dengan rujukan lain "
     "(misalnya tag atau cabang yang namanya menjadi awalan); periksa «git tag» dan «git branch»"),
    ("index.lock", "repo sedang dipakai perintah Git lain (index.lock); tunggu perintah itu "
     "selesai, atau hapus .git/index.lock bila tidak ada yang berjalan"),
    ("nothing to commit", "tidak ada perubahan untuk di-commit"),
    ("gpg failed to sign", "commit tidak dapat ditandatangani; periksa kunci penandatangan "
     "(git config user.signingkey)"),
    ("failed to write commit object", "commit tidak dapat ditulis; periksa kunci penandatangan "
     "dan ruang disk"),
    ("unknown revision", "rujukan Git tidak ditemukan; ambil riwayat lengkap (git fetch)"),
    ("bad revision", "rujukan Git tidak ditemukan; ambil riwayat lengkap (git fetch)"),
    ("Permission denied", "izin berkas menolak Git; periksa hak akses folder repo"),
    ("No space left", "disk penuh; kosongkan ruang lalu ulangi"),
)


def _terjemahkan(perintah: str, stderr: str) -> str:
    baris = [b.strip() for b in stderr.strip().splitlines() if b.strip()]
    for kunci, pesan in _TERJEMAHAN:
        for b in baris:
            if kunci.lower() in b.lower():
                objek = b.split("'")[1] if b.count("'") >= 2 else perintah
                return f"git {perintah}: " + pesan.format(x=objek)
    terakhir = baris[-1] if baris else "tanpa keterangan"
    return (f"git {perintah} gagal (pesan Git: «{terakhir}»); periksa keadaan repo dengan "
            "«git status», lalu ulangi")


def git(akar: Path, *args: str, masukan: str | None = None) -> str:
    try:
        hasil = subprocess.run(["git", "-C", str(akar), *args], input=masukan, capture_output=True,
                               text=True, check=False, encoding="utf-8", errors="replace")
    except OSError as e:
        raise GitError("git tidak ditemukan; pasang git lalu ulangi") from e
    if hasil.returncode != 0:
        perintah = next((a for a in args if not a.startswith("-") and "=" not in a), "")
        raise GitError(_terjemahkan(perintah, hasil.stderr))
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


_MEDAN = 6


def log(akar: Path, *args: str) -> list[Commit]:
    """Commits (newest first) with their ``Kinerja-*`` trailers parsed.

    Fields are separated by NUL, which no commit message, name or e-mail can hold, so an odd
    message (control characters, another encoding) can never shift a field."""
    format_ = "%x00".join(("%H", "%aI", "%an", "%ae", "%s",
                           "%(trailers:only,unfold,separator=%x1d)"))
    try:
        keluar = git(akar, "log", "-z", f"--format={format_}", *args)
    except GitError:
        return []  # a repository with no commits yet
    medan = keluar.split("\x00")
    hasil = []
    for i in range(0, len(medan) - _MEDAN + 1, _MEDAN):
        sha, waktu, nama, email, subjek, trailer = medan[i:i + _MEDAN]
        tr: dict[str, str] = {}
        for baris in trailer.split("\x1d"):
            kunci, _, nilai = baris.partition(":")
            if kunci.startswith("Kinerja-"):
                tr.setdefault(kunci.strip(), nilai.strip())
        try:
            kapan = datetime.fromisoformat(waktu)
        except ValueError:
            kapan = datetime.fromtimestamp(0).astimezone()
        hasil.append(Commit(sha.strip("\n"), kapan, nama, email, subjek, tr))
    return hasil


def ls_tree(akar: Path, ref: str, path: str, kecuali: tuple[str, ...] = ()) -> str:
    """The blob ids under ``path`` at ``ref`` (files named in ``kecuali`` left out)."""
    daftar = git(akar, "ls-tree", "-r", "--full-tree", ref, "--", path)
    return "\n".join(b for b in daftar.splitlines()
                     if b.rsplit("\t", 1)[-1].rsplit("/", 1)[-1] not in kecuali)


def sidik(*bagian: str) -> str:
    import hashlib

    return hashlib.sha1("\x00".join(bagian).encode()).hexdigest()


def berkas_commit(akar: Path, sha: list[str]) -> dict[str, list[str]]:
    """The paths each commit changes (against its first parent)."""
    if not sha:
        return {}
    keluar = git(akar, "log", "--no-walk=unsorted", "-z", "--first-parent", "-m",
                 "--name-only", "--format=%x01%H", *sha)
    hasil: dict[str, list[str]] = {}
    for blok in keluar.split("\x01")[1:]:
        bagian = [b.strip("\n") for b in blok.split("\x00")]
        hasil[bagian[0]] = [b for b in bagian[1:] if b]
    return hasil


def tag_ada(akar: Path, nama: str) -> bool:
    try:
        git(akar, "rev-parse", "--verify", "--quiet", f"refs/tags/{nama}")
    except GitError:
        return False
    return True


def ada_yang_distage(akar: Path) -> bool:
    try:
        git(akar, "diff", "--cached", "--quiet")
    except GitError:
        return True
    return False


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
    # verbatim: the message is the ratification record, whose «#» lines Git would strip
    git(akar, "tag", "-s" if tanda_tangan else "-a", "--cleanup=verbatim", nama, "-F", "-",
        masukan=pesan)


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
