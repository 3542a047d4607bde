"""A repository's history read once per command: the commit graph with its decision trailers, the
ratification tags, and file contents at any commit — each fetched in one batch, so proving every
period's ratification costs a handful of git calls, not hundreds."""

from __future__ import annotations

import contextlib
import subprocess
import weakref
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from kinerja.inti import tata
from kinerja.inti.beku import beku
from kinerja.pengesahan import git

AWALAN_TAG = "pengesahan/"
_TANDA = (b"-----BEGIN PGP SIGNATURE-----", b"-----BEGIN SSH SIGNATURE-----",
          b"-----BEGIN SIGNED MESSAGE-----")


# git for-each-ref of every ratification tag: name, kind, object, and the object it names
_REF_TAG = ("for-each-ref", "--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00"
            "%(*objectname)%00", f"refs/tags/{AWALAN_TAG}")
# every ratification tag, for git log started before the tags are read (the pattern reaches
# nested names too, as the prefix for-each-ref is given does)
_SEMUA_TAG = f"--glob=refs/tags/{AWALAN_TAG}*"


@beku
class Tag:
    nama: str  # without refs/tags/
    anotasi: bool  # an annotated tag object (a lightweight tag carries no record)
    target: str | None  # the commit it points at
    pesan: str  # the message, without a signature block
    bertanda: bool  # the tag object carries a signature block


class Gudang:
    """Reads from one repository, cached for the life of one command."""

    def __init__(self, akar: Path) -> None:
        self.akar = akar
        self._leluhur: dict[str, frozenset[str]] = {}
        self._pohon: dict[tuple[str, str], list[git.Entri]] = {}
        self._isi: dict[str, tuple[str, str, bytes] | None] = {}
        self._proses: subprocess.Popen[bytes] | None = None
        self._nanti: dict[str, git.Nanti] = {}

    def siapkan(self) -> None:
        """Start reading the ratification tags and the history now, each in git's own process,
        to be read when first needed: git works while this process reads the office's files.
        HEAD is resolved first, so the history is of the commit this command sees as HEAD
        even if another lands meanwhile."""
        if not self.ada or self._nanti or "tag" in self.__dict__ or "_riwayat" in self.__dict__:
            return
        head = self.head
        self._nanti = {"tag": git.Nanti(self.akar, *_REF_TAG)}
        if head is not None:
            self._nanti["log"] = git.log_berubah_nanti(self.akar, head, _SEMUA_TAG)

    @cached_property
    def ada(self) -> bool:
        return (self.akar / ".git").exists()

    @cached_property
    def keadaan(self) -> git.KeadaanKerja | None:
        return git.keadaan(self.akar) if self.ada else None

    @cached_property
    def head(self) -> str | None:
        """The commit HEAD names (read through the open object reader: no process of its own)."""
        if not self.ada:
            return None
        dibaca = self._baca("HEAD^{commit}")
        return dibaca[0] if dibaca is not None else None

    @cached_property
    def tag(self) -> dict[str, Tag]:
        """Every ``pengesahan/…`` tag, by name."""
        if not self.ada:
            return {}
        nanti = self._nanti.pop("tag", None)
        keluar = nanti.hasil() if nanti is not None else git.git(self.akar, *_REF_TAG)
        bagian = keluar.split("\x00")
        hasil = {}
        for i in range(0, len(bagian) - 3, 4):
            nama, jenis, obj, sasaran = (bagian[i].lstrip("\n"), bagian[i + 1], bagian[i + 2],
                                         bagian[i + 3])
            if jenis == "tag":
                pesan, bertanda = _pesan_tag(self.objek(obj) or b"")
                hasil[nama] = Tag(nama, True, sasaran or None, pesan, bertanda)
            else:
                hasil[nama] = Tag(nama, False, obj if jenis == "commit" else None, "", False)
        return hasil

    @cached_property
    def _riwayat(self) -> list[tuple[git.Commit, git.Perubahan]]:
        """Every commit reachable from HEAD or a ratification tag (newest first, topological),
        with what it changes — one ``git log`` for both (what a tag names that is not a
        commit, git leaves out)."""
        nanti = self._nanti.pop("log", None)
        head = self.head
        if head is None:
            if nanti is not None:
                nanti.batal()
            return []
        if nanti is not None:
            # every tag's pattern, read as git started: valid if it holds every commit a tag
            # read here names (a tag made in between is read the one certain way, below)
            hasil = git.baca_log(nanti)
            ada = {c.sha for c, _ in hasil}
            if all(t.target is None or t.target in ada or not self._commit(t.target)
                   for t in self.tag.values()):
                return hasil
        return git.log_berubah(self.akar, head, *{t.target for t in self.tag.values()
                                                  if t.target})

    @cached_property
    def commit(self) -> dict[str, git.Commit]:
        """Every commit reachable from HEAD or a ratification tag, parents first (topological)."""
        return {c.sha: c for c, _ in reversed(self._riwayat)}

    @cached_property
    def berubah(self) -> dict[str, git.Perubahan]:
        """(status, path) of each file under ``periods/`` and ``kinerja.yml`` that each commit
        changes (merges change nothing of their own: integrating is not authoring)."""
        awalan = tata.FOLDER_PERIODS + "/"
        hasil = {}
        for c, ubah in self._riwayat:
            milik = tuple(x for x in ubah if x[1] == tata.BERKAS_KANTOR or x[1].startswith(awalan))
            if milik:
                hasil[c.sha] = milik
        return hasil

    def leluhur(self, sha: str) -> frozenset[str]:
        """``sha`` and every commit it descends from (within what was read)."""
        if sha in self._leluhur:
            return self._leluhur[sha]
        hasil: set[str] = set()
        tumpuk = [sha]
        while tumpuk:
            x = tumpuk.pop()
            if x in hasil:
                continue
            if x in self._leluhur:
                hasil |= self._leluhur[x]
                continue
            hasil.add(x)
            c = self.commit.get(x)
            if c is not None:
                tumpuk.extend(c.induk)
        beku = frozenset(hasil)
        self._leluhur[sha] = beku
        return beku

    def mendahului(self, a: str, b: str) -> bool:
        """Whether commit ``a`` is a proper ancestor of ``b``."""
        return a != b and a in self.leluhur(b)

    def sejak(self, ref: str) -> list[git.Commit]:
        """The commits ``ref`` contains, parents first."""
        semua = self.leluhur(ref)
        return [c for sha, c in self.commit.items() if sha in semua]

    def pohon(self, ref: str, folder: str) -> list[git.Entri]:
        """Every file under ``folder`` (a folder or a file) at ``ref``, in ``git ls-tree -r``'s
        order and form; read from the tree objects themselves, each listing once."""
        kunci = (ref, folder)
        if kunci not in self._pohon:
            hasil: list[git.Entri] = []
            # the entry as its folder lists it: a tree, a file, or a submodule (a commit that
            # is not in this repository)
            induk, _, nama = folder.rpartition("/")
            atas = self._baca(f"{ref}:{induk}" if induk else f"{ref}^{{tree}}")
            if atas is not None and atas[1] == "tree":
                panjang = len(atas[0]) // 2
                for mode, n, sha in _entri(atas[2], panjang):
                    if n != nama:
                        continue
                    if mode == "40000":
                        isi = self._baca(sha)
                        if isi is not None:
                            self._jelajah(isi[2], panjang, folder, hasil)
                    else:
                        hasil.append(git.Entri(mode, "commit" if mode == "160000" else "blob",
                                               sha, folder))
            self._pohon[kunci] = hasil
        return self._pohon[kunci]

    def _jelajah(self, data: bytes, panjang: int, awalan: str, hasil: list[git.Entri]) -> None:
        for mode, nama, sha in _entri(data, panjang):
            path = f"{awalan}/{nama}"
            if mode == "40000":
                anak = self._baca(sha)
                if anak is not None:
                    self._jelajah(anak[2], panjang, path, hasil)
            else:
                hasil.append(git.Entri(mode, "commit" if mode == "160000" else "blob", sha, path))

    def _commit(self, sha: str) -> bool:
        """Whether ``sha`` names a commit (a tag may name a tag, a tree or a file)."""
        dibaca = self._baca(sha)
        return dibaca is not None and dibaca[1] == "commit"

    def objek(self, nama: str) -> bytes | None:
        """An object's content (``sha``, or ``ref:path``); None when there is no such object."""
        dibaca = self._baca(nama)
        return dibaca[2] if dibaca is not None else None

    def _baca(self, nama: str) -> tuple[str, str, bytes] | None:
        """(id, type, content) of an object, through one ``git cat-file --batch`` for the
        whole command; None when there is no such object."""
        if nama in self._isi:
            return self._isi[nama]
        if self._proses is None:
            self._proses = subprocess.Popen(
                ["git", "-C", str(self.akar), "cat-file", "--batch"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            # git ends when its input closes: when this reader is dropped, or at exit.
            weakref.finalize(self, _akhiri, self._proses)
        p = self._proses
        assert p.stdin is not None and p.stdout is not None
        p.stdin.write(nama.encode("utf-8") + b"\n")
        p.stdin.flush()
        kepala = p.stdout.readline().split()
        hasil = None
        if len(kepala) == 3 and kepala[1] != b"missing":
            data = p.stdout.read(int(kepala[2]))
            p.stdout.read(1)
            hasil = (kepala[0].decode("ascii"), kepala[1].decode("ascii"), data)
        self._isi[nama] = hasil
        return hasil

    def teks(self, ref: str, path: str) -> str | None:
        data = self.objek(f"{ref}:{path}")
        return None if data is None else data.decode("utf-8", errors="replace")

    def batal_siapan(self) -> None:
        """End what ``siapkan`` started and nothing read (read again if ever needed)."""
        for nanti in self._nanti.values():
            nanti.batal()
        self._nanti = {}

    def tutup(self) -> None:
        self.batal_siapan()
        if self._proses is not None:
            _akhiri(self._proses)
            self._proses = None

    def __enter__(self) -> Gudang:
        return self

    def __exit__(self, *_: object) -> None:
        self.tutup()


def _entri(data: bytes, panjang: int) -> Iterator[tuple[str, str, str]]:
    """(mode, name, id) of each entry of a tree object — «<mode> <name>\\0<binary id>» one after
    another, in Git's own order; ``panjang``: the id's length in bytes (SHA-1 or SHA-256)."""
    i = 0
    while i < len(data):
        spasi = data.index(b" ", i)
        nol = data.index(b"\0", spasi)
        yield (data[i:spasi].decode("ascii"), data[spasi + 1:nol].decode("utf-8", errors="replace"),
               data[nol + 1:nol + 1 + panjang].hex())
        i = nol + 1 + panjang


def _akhiri(p: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError, ValueError):
        assert p.stdin is not None and p.stdout is not None
        p.stdin.close()
        p.wait()
        p.stdout.close()


def _pesan_tag(mentah: bytes) -> tuple[str, bool]:
    """A tag object's message without its headers and without its signature block."""
    _, _, pesan = mentah.partition(b"\n\n")
    bertanda = False
    for tanda in _TANDA:
        i = pesan.find(b"\n" + tanda)
        if i < 0 and pesan.startswith(tanda):
            i = 0
        if i >= 0:
            pesan = pesan[: i + 1] if i else b""
            bertanda = True
            break
    return pesan.decode("utf-8", errors="replace"), bertanda
