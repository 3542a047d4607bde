"""Gitea and Forgejo: pull-request reviews (``/api/v1/repos/{repo}/pulls/{n}/reviews``)."""

from __future__ import annotations

from kinerja.forge import Ambil, DataPR, waktu
from kinerja.persetujuan import DIBATALKAN, KOMENTAR, MINTA_PERUBAHAN, SETUJU, Peristiwa

AKSI = {"APPROVED": SETUJU, "REQUEST_CHANGES": MINTA_PERUBAHAN, "COMMENT": KOMENTAR}


def tarik(ambil: Ambil, repo: str, nomor: int) -> DataPR:
    pr = ambil(f"/api/v1/repos/{repo}/pulls/{nomor}")
    ulasan = ambil(f"/api/v1/repos/{repo}/pulls/{nomor}/reviews")
    head = pr["head"]["sha"]
    c = ambil(f"/api/v1/repos/{repo}/git/commits/{head}")
    penulis = {x["login"] for x in (c.get("author"), c.get("committer")) if x and x.get("login")}
    peristiwa = []
    for u in ulasan:
        if not u.get("user") or not u.get("submitted_at"):
            continue
        aksi = DIBATALKAN if u.get("dismissed") else AKSI.get(u.get("state", ""))
        if aksi is None:
            continue  # PENDING and REQUEST_REVIEW are not decisions
        peristiwa.append(Peristiwa(u["user"]["login"], aksi, u.get("commit_id"),
                                   waktu(u["submitted_at"]), u.get("body") or ""))
    return DataPR(nomor, head, pr["base"]["ref"], pr["user"]["login"], frozenset(penulis),
                  tuple(peristiwa))
