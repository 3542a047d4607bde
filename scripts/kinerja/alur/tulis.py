"""How a decision is written: only in a state of the repository it can be read back from, as one
compare-and-swap of the branch (never through the index), finished or undone whatever stops it."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import FrameType

from kinerja.inti import berkas
from kinerja.inti.errors import KinerjaError
from kinerja.pengesahan import git


def siap(akar: Path) -> None:
    """Refuse a decision where it would sit on no branch, in the middle of another operation, or
    where the history that proves it is missing."""
    if not git.repo_git(akar):
        raise KinerjaError("folder ini bukan repo Git; persetujuan dicatat sebagai commit Git. "
                           "Jalankan di dalam klon repo kantor")
    k = git.keadaan(akar)
    if k.dangkal:
        raise KinerjaError("klon ini dangkal (shallow): riwayat yang membuktikan persetujuan tidak "
                           "lengkap di sini; ambil seluruh riwayat dengan «git fetch --unshallow», "
                           "lalu ulangi")
    if k.operasi is not None:
        raise KinerjaError(f"repo sedang di tengah {k.operasi}; selesaikan atau batalkan dahulu "
                           "(«git status» menyebut caranya), lalu ulangi")
    if k.cabang is None:
        raise KinerjaError("HEAD tidak berada di cabang mana pun (detached HEAD): keputusan yang "
                           "dicatat di sini tidak ikut cabang mana pun. Pindah ke cabang kerja "
                           "dahulu, misalnya «git switch main», lalu ulangi")


@contextlib.contextmanager
def tak_terputus() -> Iterator[None]:
    """A closed terminal (SIGHUP) or a stop request (SIGTERM) during a decision is handled like
    Ctrl-C: the decision's own undo runs, and then the command stops."""
    def henti(nomor: int, _: FrameType | None) -> None:
        raise KeyboardInterrupt(f"sinyal {nomor}")

    lama = {s: signal.signal(s, henti) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, h in lama.items():
            signal.signal(s, h)


def commit(akar: Path, pesan: str, *, ganti: Mapping[str, bytes] | None = None,
           tanda_tangan: bool = False) -> tuple[str, str]:
    """A decision commit on top of HEAD (with the files in ``ganti`` written into it), not yet on
    the branch: (the new commit, HEAD it builds on)."""
    head = git.rev(akar, "HEAD")
    if head is None:
        raise KinerjaError("repo belum punya commit; commit kinerja.yml dan periode dahulu")
    pohon = git.pohon(akar, head, ganti or {})
    try:
        baru = git.commit_baru(akar, pesan, pohon_=pohon, induk=head, tanda_tangan=tanda_tangan)
    except git.GitError as e:
        if tanda_tangan:
            raise KinerjaError(f"commit keputusan tidak dapat ditandatangani ({e}); "
                               f"{CARA_TANDA_TANGAN}") from e
        raise
    return baru, head


def majukan(akar: Path, baru: str, head: str, alasan: str) -> None:
    """Put the decision on the branch: only if the branch is still where it was."""
    try:
        git.pindah_head(akar, baru, head, alasan)
    except git.GitError as e:
        raise KinerjaError("cabang berubah selama keputusan disiapkan (perintah Git lain "
                           f"berjalan?); tidak ada yang dicatat. Ulangi ({e})") from e


def mundurkan(akar: Path, baru: str, head: str) -> None:
    """Undo ``majukan``: the branch back where it was (it moves only if still at ``baru``)."""
    git.pindah_head(akar, head, baru, "batalkan keputusan yang tidak selesai")


def selaraskan(akar: Path, path: str, sebelum: str) -> str | None:
    """The work tree and index after a decision that wrote ``path``: as in HEAD — where the work
    tree still held the file as in ``sebelum`` (the commit the decision built on). A person's
    own uncommitted edit of it is never overwritten. Returns what could not be done, if any."""
    isi = git.tampilkan(akar, "HEAD", path)
    if isi is None:
        return None
    tujuan = akar / path
    lama = git.tampilkan(akar, sebelum, path)
    try:
        sekarang = tujuan.read_text(encoding="utf-8") if tujuan.is_file() else None
    except (OSError, UnicodeDecodeError):
        sekarang = ""
    if sekarang not in (lama, isi):
        return (f"{path} di folder kerja diubah tangan dan tidak ditimpa; keputusan sudah "
                f"tercatat. Bandingkan dengan «git diff HEAD -- {path}»")
    try:
        git.selaraskan_indeks(akar, path)
        if sekarang != isi:
            berkas.tulis(tujuan, isi.encode("utf-8"))
    except (git.GitError, KinerjaError) as e:
        return (f"{path} di folder kerja belum diperbarui ({e}); keputusan sudah tercatat. "
                f"Jalankan «git checkout HEAD -- {path}» bila perlu")
    return None


CARA_TANDA_TANGAN = (
    "atur penandatanganan dengan kunci yang tercantum di kinerja.yml, misalnya «git config "
    "gpg.format ssh» dan «git config user.signingkey ~/.ssh/id_ed25519.pub»")
