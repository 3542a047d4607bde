"""Every call to git goes through here: reads, the plumbing decisions are written with, signature
checks, the state of the work tree, and the one lock per repository."""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import time
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError

PEMISAH = "\x1f"
AKHIR = "\x1e"


class GitError(KinerjaError):
    """Git refused; ``keluaran`` keeps all it said (its first lines may hold the cause, as a
    server's rejection does)."""

    def __init__(self, pesan: str, keluaran: str = "") -> None:
        super().__init__(pesan)
        self.keluaran = keluaran


# What git says in English, and what a person should read instead: the cause and what to do.
_TERJEMAHAN = (
    ("already exists", "{x} sudah ada; tidak ada yang ditimpa"),
    ("not a git repository", "folder ini bukan repo Git; jalankan di dalam klon repo kantor"),
    ("Please tell me who you are", "identitas Git belum diatur; jalankan «git config "
     "user.name \"Nama Anda\"» dan «git config user.email surel@kantor»"),
    ("empty ident", "identitas Git belum diatur; jalankan «git config user.name \"Nama Anda\"» "
     "dan «git config user.email surel@kantor»"),
    ("unable to auto-detect email", "identitas Git belum diatur; jalankan «git config "
     "user.name \"Nama Anda\"» dan «git config user.email surel@kantor»"),
    ("cannot lock ref", "rujukan Git tidak dapat dikunci: ada perintah Git lain yang sedang "
     "berjalan, atau sebuah tag atau cabang bertabrakan namanya; tunggu lalu ulangi, dan periksa "
     "«git tag» dan «git branch»"),
    ("index.lock", "repo sedang dipakai perintah Git lain (index.lock); tunggu perintah itu "
     "selesai, atau hapus .git/index.lock bila tidak ada yang berjalan"),
    ("nothing to commit", "tidak ada perubahan untuk di-commit"),
    ("gpg failed to sign", "tidak dapat menandatangani; periksa kunci penandatangan "
     "(git config user.signingkey)"),
    ("failed to write commit object", "commit tidak dapat ditulis; periksa kunci penandatangan "
     "dan ruang disk"),
    ("unknown revision", "rujukan Git tidak ditemukan; ambil riwayat lengkap (git fetch)"),
    ("bad revision", "rujukan Git tidak ditemukan; ambil riwayat lengkap (git fetch)"),
    ("Permission denied", "izin berkas menolak Git; periksa hak akses folder repo"),
    ("No space left", "disk penuh; kosongkan ruang lalu ulangi"),
    ("insufficient permission", "izin berkas menolak Git; periksa hak akses folder .git"),
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


def git(akar: Path, *args: str, masukan: str | None = None,
        env: Mapping[str, str] | None = None) -> str:
    try:
        hasil = subprocess.run(["git", "-C", str(akar), *args], input=masukan, capture_output=True,
                               text=True, check=False, encoding="utf-8", errors="replace",
                               env={**os.environ, **env} if env else None)
    except OSError as e:
        raise GitError("git tidak ditemukan; pasang git lalu ulangi") from e
    if hasil.returncode != 0:
        perintah = next((a for a in args if not a.startswith("-") and "=" not in a), "")
        raise GitError(_terjemahkan(perintah, hasil.stderr), hasil.stderr)
    return hasil.stdout


class Nanti:
    """A git command started now and read when its answer is needed: git works in its own
    process meanwhile (reading history while this process reads the office's files)."""

    def __init__(self, akar: Path, *args: str) -> None:
        self._args = args
        try:
            self._p: subprocess.Popen[str] | None = subprocess.Popen(
                ["git", "-C", str(akar), *args], stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                errors="replace")
        except OSError as e:
            raise GitError("git tidak ditemukan; pasang git lalu ulangi") from e

    def hasil(self) -> str:
        """What git wrote (waiting for it), as ``git()`` returns it and with its errors."""
        assert self._p is not None, "read once"
        p, self._p = self._p, None
        keluar, galat = p.communicate()
        if p.returncode != 0:
            perintah = next((a for a in self._args if not a.startswith("-") and "=" not in a),
                            "")
            raise GitError(_terjemahkan(perintah, galat), galat)
        return keluar

    def batal(self) -> None:
        """Not needed after all: end git and leave no process behind."""
        if self._p is not None:
            p, self._p = self._p, None
            with contextlib.suppress(OSError):
                p.kill()
            p.communicate()


def repo_git(akar: Path) -> bool:
    try:
        return git(akar, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except GitError:
        return False


def identitas(akar: Path) -> tuple[str, str, datetime]:
    """Name, e-mail and the author date a commit made now would carry (GIT_AUTHOR_DATE too)."""
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


def rev(akar: Path, ref: str) -> str | None:
    """The commit a ref names (None: it names none here)."""
    try:
        return git(akar, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip() or None
    except GitError:
        return None


@beku
class Commit:
    sha: str
    waktu: datetime
    nama: str
    email: str
    subjek: str
    trailer: dict[str, str]
    induk: tuple[str, ...] = ()


_MEDAN = 7


def _trailer(teks: str) -> dict[str, str]:
    tr: dict[str, str] = {}
    for baris in teks.split("\x1d"):
        kunci, _, nilai = baris.partition(":")
        if kunci.startswith("Kinerja-"):
            tr.setdefault(kunci.strip(), nilai.strip())
    return tr


Perubahan = tuple[tuple[str, str], ...]  # (status, path) of each file a commit changes
_FORMAT = "%x00".join(("%H", "%P", "%aI", "%an", "%ae", "%s",
                       "%(trailers:only,unfold,separator=%x1d)"))


def log(akar: Path, *args: str) -> list[Commit]:
    """Commits (newest first) with their parents and ``Kinerja-*`` trailers."""
    return [c for c, _ in _log(akar, (), *args)]


def log_berubah(akar: Path, *refs: str) -> list[tuple[Commit, Perubahan]]:
    """Every commit ``refs`` reach (newest first, topological), each with the files it changes
    against its parent (a merge: none of its own), in one ``git log``."""
    return _log(akar, _BERUBAH, *refs)


_BERUBAH = ("--topo-order", "--no-renames", "--name-status")


def log_berubah_nanti(akar: Path, *refs: str) -> Nanti:
    """``log_berubah``, started now; its answer is ``baca_log(nanti)``."""
    return Nanti(akar, "log", "-z", *_BERUBAH, f"--format={_FORMAT}", *refs)


def baca_log(nanti: Nanti) -> list[tuple[Commit, Perubahan]]:
    try:
        return _urai_log(nanti.hasil())
    except GitError:
        return []  # a repository with no commits yet


def _log(akar: Path, opsi: tuple[str, ...], *args: str) -> list[tuple[Commit, Perubahan]]:
    try:
        keluar = git(akar, "log", "-z", *opsi, f"--format={_FORMAT}", *args)
    except GitError:
        return []  # a repository with no commits yet
    return _urai_log(keluar)


def _urai_log(keluar: str) -> list[tuple[Commit, Perubahan]]:
    # Fields are separated by NUL, which no commit message, name or e-mail can hold, so an odd
    # message (control characters, another encoding) can never shift a field. A commit's
    # changes follow its fields as «\nSTATUS», path, STATUS, path …: a status is one letter,
    # never a 40- or 64-digit commit id, so where the next commit starts is never in doubt.
    medan = keluar.split("\x00")
    hasil = []
    i = 0
    while i + _MEDAN <= len(medan):
        sha, induk, waktu, nama, email, subjek, trailer = medan[i:i + _MEDAN]
        i += _MEDAN
        ubah = []
        if i < len(medan) and medan[i].startswith("\n"):
            medan[i] = medan[i][1:]
            while i + 1 < len(medan) and len(medan[i]) == 1:
                ubah.append((medan[i], medan[i + 1]))
                i += 2
        try:
            kapan = datetime.fromisoformat(waktu)
        except ValueError:
            kapan = datetime.fromtimestamp(0).astimezone()
        hasil.append((Commit(sha.strip("\n"), kapan, nama, email, subjek, _trailer(trailer),
                             tuple(induk.split())), tuple(ubah)))
    return hasil


@beku
class Entri:
    """One file of a tree, as ``git ls-tree -r`` lists it (read by ``Gudang.pohon``)."""

    mode: str
    jenis: str  # blob (a file), commit (a submodule)
    objek: str
    path: str

    @property
    def baris(self) -> str:
        return f"{self.mode} {self.jenis} {self.objek}\t{self.path}"


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


# --- the state of the work tree -------------------------------------------------------------------

@beku
class KeadaanKerja:
    cabang: str | None  # the branch HEAD is on (None: detached)
    operasi: str | None  # an unfinished merge, rebase, cherry-pick or revert
    dangkal: bool  # a shallow clone: part of the history is missing


def keadaan(akar: Path) -> KeadaanKerja:
    try:
        cabang: str | None = git(akar, "symbolic-ref", "--quiet", "--short", "HEAD").strip()
    except GitError:
        cabang = None
    folder = Path(git(akar, "rev-parse", "--absolute-git-dir").strip())
    operasi = next((nama for berkas, nama in (
        ("MERGE_HEAD", "penggabungan (merge)"), ("rebase-merge", "rebase"),
        ("rebase-apply", "rebase"), ("CHERRY_PICK_HEAD", "cherry-pick"),
        ("REVERT_HEAD", "revert")) if (folder / berkas).exists()), None)
    dangkal = git(akar, "rev-parse", "--is-shallow-repository").strip() == "true"
    return KeadaanKerja(cabang, operasi, dangkal)


def ada_perubahan(akar: Path, *paths: str) -> bool:
    """Uncommitted changes (staged or not, untracked files too) under ``paths``."""
    return bool(git(akar, "status", "--porcelain", "--untracked-files=all", "--", *paths).strip())


# --- writing: plumbing, so a decision never goes through the index ---------------------------------
# A decision commit is built from HEAD's tree (plus, for a ratification or revision, the record)
# with a private index file, and HEAD is moved to it with a compare-and-swap: staged files are
# never swept in, a stale index.lock cannot break it, and undoing it is moving HEAD back.

def pohon(akar: Path, dasar: str, ganti: Mapping[str, bytes]) -> str:
    """The tree of ``dasar`` with the files in ``ganti`` (path → bytes) set."""
    if not ganti:
        return git(akar, "rev-parse", f"{dasar}^{{tree}}").strip()
    import tempfile  # with shutil and random, ~6 ms that reading history never needs

    folder = Path(git(akar, "rev-parse", "--absolute-git-dir").strip())
    fd, indeks = tempfile.mkstemp(prefix="kinerja-indeks-", dir=folder)
    os.close(fd)
    env = {"GIT_INDEX_FILE": indeks}
    try:
        git(akar, "read-tree", dasar, env=env)
        for path, isi in ganti.items():
            blob = subprocess.run(["git", "-C", str(akar), "hash-object", "-w", "--stdin"],
                                  input=isi, capture_output=True, check=False)
            if blob.returncode != 0:
                raise GitError(_terjemahkan("hash-object", blob.stderr.decode(errors="replace")))
            git(akar, "update-index", "--add", "--cacheinfo",
                f"100644,{blob.stdout.decode().strip()},{path}", env=env)
        return git(akar, "write-tree", env=env).strip()
    finally:
        with contextlib.suppress(OSError):
            Path(indeks).unlink()


def commit_baru(akar: Path, pesan: str, *, pohon_: str, induk: str,
                tanda_tangan: bool = False) -> str:
    """A commit object (not yet on any branch)."""
    return git(akar, "commit-tree", pohon_, "-p", induk, *(["-S"] if tanda_tangan else []),
               "-F", "-", masukan=pesan).strip()


def pindah_head(akar: Path, baru: str, lama: str, alasan: str) -> None:
    """Move the current branch from ``lama`` to ``baru`` — only if it still is at ``lama``."""
    git(akar, "update-ref", "-m", f"kinerja: {alasan}", "HEAD", baru, lama)


def tag_baru(akar: Path, nama: str, target: str, pesan: str, *, tanda_tangan: bool = False,
             penanda: tuple[str, str] | None = None) -> None:
    """An annotated (or signed) tag. ``penanda``: the tagger's name and e-mail where the machine
    has no Git identity (a hosted runner), given for this tag only."""
    env = {"GIT_COMMITTER_NAME": penanda[0], "GIT_COMMITTER_EMAIL": penanda[1]} if penanda \
        else None
    # verbatim: the message is the ratification record, whose «#» lines Git would strip
    git(akar, "tag", "-s" if tanda_tangan else "-a", "--cleanup=verbatim", nama, target, "-F", "-",
        masukan=pesan, env=env)


def selaraskan_indeks(akar: Path, path: str) -> None:
    """After a decision commit that wrote ``path``: the index entry as in HEAD, so the work tree
    shows no staged change of it. Best effort: a busy index is left, and said by git status."""
    blob = git(akar, "rev-parse", f"HEAD:{path}").strip()
    git(akar, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}")


# --- signatures -----------------------------------------------------------------------------------

@beku
class TandaTangan:
    status: str  # git's %G?: G good, U good but untrusted key, B bad, N none, E cannot check, …
    penanda: str  # SSH: the allowed-signers principal (an e-mail); GPG: the key fingerprint
    utama: str = ""  # GPG: the primary key's fingerprint (the signing key may be a subkey)


@contextlib.contextmanager
def _penanda_ssh(kunci_ssh: Mapping[str, str]) -> Iterator[str]:
    """An allowed-signers file trusting only these keys, each for its own e-mail."""
    import tempfile  # only a signed office's checks need it (see pohon)

    with tempfile.NamedTemporaryFile("w", suffix=".allowed_signers", delete=False,
                                     encoding="utf-8") as f:
        for email, kunci in kunci_ssh.items():
            f.write(f"{email} {kunci.strip()}\n")
        berkas = f.name
    try:
        yield berkas
    finally:
        Path(berkas).unlink()


def tanda_tangan(akar: Path, sha: list[str], kunci_ssh: Mapping[str, str]
                 ) -> dict[str, TandaTangan]:
    """Check the signatures of some commits against ``kunci_ssh`` (e-mail → public key)."""
    if not sha:
        return {}
    with _penanda_ssh(kunci_ssh) as berkas:
        keluar = git(akar, "-c", f"gpg.ssh.allowedSignersFile={berkas}", "log", "--no-walk",
                     f"--format=%H{PEMISAH}%G?{PEMISAH}%GS{PEMISAH}%GF{PEMISAH}%GP{AKHIR}", *sha)
    hasil = {}
    for rekam in keluar.split(AKHIR):
        bagian = rekam.strip("\n").split(PEMISAH)
        if len(bagian) == 5:
            h, status, penanda, sidik, utama = bagian
            ssh = sidik.startswith("SHA256:")
            hasil[h] = TandaTangan(status, penanda.lower() if ssh else sidik.upper(),
                                   "" if ssh else utama.upper())
    return hasil


def tanda_tangan_tag(akar: Path, nama: str, kunci_ssh: Mapping[str, str]) -> TandaTangan:
    """The signature of an annotated tag, checked against ``kunci_ssh`` (SSH) or the keyring."""
    with _penanda_ssh(kunci_ssh) as berkas:
        hasil = subprocess.run(
            ["git", "-C", str(akar), "-c", f"gpg.ssh.allowedSignersFile={berkas}", "verify-tag",
             "--raw", f"refs/tags/{nama}"], capture_output=True, text=True, check=False,
            encoding="utf-8", errors="replace")
    keluar = hasil.stderr + hasil.stdout
    for baris in keluar.splitlines():
        kata = baris.split()
        if len(kata) >= 3 and kata[:2] == ["[GNUPG:]", "VALIDSIG"]:
            return TandaTangan("G", kata[2].upper(), kata[-1].upper())
        if baris.startswith('Good "git" signature for ') and hasil.returncode == 0:
            return TandaTangan("G", baris.split(" for ", 1)[1].split(" with ")[0].lower())
    return TandaTangan("N" if "no signature" in keluar.lower() else "B", "")


# --- one kinerja at a time per repository ------------------------------------------------------------

@contextlib.contextmanager
def kunci(akar: Path, apa: str, *, tunggu: float = 30.0) -> Iterator[None]:
    """Hold the repository's lock while a decision or a build runs, so two kinerja commands never
    interleave. The operating system releases it when the process ends, however it ends."""
    try:
        folder = Path(git(akar, "rev-parse", "--absolute-git-dir").strip())
    except GitError:
        folder = akar
    path = folder / "kinerja.lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield  # a read-only repository: nothing here can write either
        return
    try:
        batas = time.monotonic() + tunggu
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > batas:
                    raise KinerjaError(f"perintah kinerja lain sedang berjalan di repo ini; "
                                       f"{apa} menunggu {tunggu:.0f} detik lalu berhenti. Tunggu "
                                       "perintah itu selesai, lalu ulangi") from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)
