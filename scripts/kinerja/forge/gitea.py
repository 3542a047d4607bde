"""Gitea and Forgejo: pull-request reviews (``/api/v1/repos/{repo}/pulls/{n}/reviews``), the head
commit's authors and the changed files."""

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

AKSI: dict[str, Aksi] = {"APPROVED": SETUJU, "REQUEST_CHANGES": MINTA_PERUBAHAN,
                         "COMMENT": KOMENTAR}


def tarik(ambil: Ambil, repo: str, nomor: int) -> DataPR:
    pr = jawab(ambil, f"/api/v1/repos/{repo}/pulls/{nomor}")
    head = pr.teks("head", "sha")
    ulasan = jawab(ambil, f"/api/v1/repos/{repo}/pulls/{nomor}/reviews")
    c = jawab(ambil, f"/api/v1/repos/{repo}/git/commits/{head}")
    akun = {c.teks_atau(k, "login") for k in ("author", "committer")} - {""}
    surel = {c.teks_atau("commit", k, "email").lower() for k in ("author", "committer")} - {""}
    peristiwa = []
    for i, u in enumerate(butir(ulasan)):
        dibatalkan = isinstance(u.data, dict) and u.data.get("dismissed") is True
        aksi = DIBATALKAN if dibatalkan else AKSI.get(u.teks_atau("state"))
        login = u.teks_atau("user", "login")
        if aksi is None or not login or not u.teks_atau("submitted_at"):
            continue  # PENDING and REQUEST_REVIEW are not decisions
        peristiwa.append(Peristiwa(login, aksi, u.teks_atau("commit_id") or None,
                                   u.waktu("submitted_at"), u.teks_atau("body"), urutan=i))
    berkas = jawab(ambil, f"/api/v1/repos/{repo}/pulls/{nomor}/files")
    berubah = jalur_berubah(berkas, "filename", "previous_filename")
    return DataPR(nomor, head, pr.teks("base", "ref"), pr.teks("user", "login"),
                  Penulis(frozenset(akun), frozenset(surel)), tuple(peristiwa),
                  berubah, pr.teks_atau("title"))
