"""GitHub: pull-request reviews (REST ``/repos/{repo}/pulls/{n}/reviews``), the head commit's
authors and the changed files; every answer read through checked accessors."""

from __future__ import annotations

from kinerja.forge import Ambil, DataPR, butir, jalur_berubah, jawab
from kinerja.pengesahan.persetujuan import (
    DIBATALKAN,
    KOMENTAR,
    MINTA_PERUBAHAN,
    SETUJU,
    Aksi,
    Penulis,
    Peristiwa,
)

AKSI: dict[str, Aksi] = {"APPROVED": SETUJU, "CHANGES_REQUESTED": MINTA_PERUBAHAN,
                         "COMMENTED": KOMENTAR, "DISMISSED": DIBATALKAN}
# The web editor's commits are committed by GitHub itself: neither is a person of the office.
_BUKAN_ORANG = {"web-flow"}
_SUREL_GITHUB = {"noreply@github.com"}


def tarik(ambil: Ambil, repo: str, nomor: int) -> DataPR:
    pr = jawab(ambil, f"/repos/{repo}/pulls/{nomor}")
    head = pr.teks("head", "sha")
    ulasan = jawab(ambil, f"/repos/{repo}/pulls/{nomor}/reviews?per_page=100")
    c = jawab(ambil, f"/repos/{repo}/commits/{head}")
    akun = {x.teks_atau(k, "login") for x in (c,) for k in ("author", "committer")} - {""}
    surel = {c.teks_atau("commit", k, "email").lower() for k in ("author", "committer")} - {""}
    peristiwa = []
    # The list is in the server's order of submission: that order, not a clock, is the SOP's.
    for i, u in enumerate(butir(ulasan)):
        aksi = AKSI.get(u.teks_atau("state"))
        login = u.teks_atau("user", "login")
        if aksi is None or not login or not u.teks_atau("submitted_at"):
            continue  # PENDING reviews and deleted accounts decide nothing
        peristiwa.append(Peristiwa(login, aksi, u.teks_atau("commit_id") or None,
                                   u.waktu("submitted_at"), u.teks_atau("body"), urutan=i))
    berkas = jawab(ambil, f"/repos/{repo}/pulls/{nomor}/files?per_page=100")
    berubah = jalur_berubah(berkas, "filename", "previous_filename")
    return DataPR(nomor, head, pr.teks("base", "ref"), pr.teks("user", "login"),
                  Penulis(frozenset(akun - _BUKAN_ORANG), frozenset(surel - _SUREL_GITHUB)),
                  tuple(peristiwa), berubah, pr.teks_atau("title"),
                  _bulat(pr.data.get("changed_files") if isinstance(pr.data, dict) else None))


def _bulat(x: object) -> int | None:
    return x if isinstance(x, int) and not isinstance(x, bool) and x >= 0 else None
