"""GitHub: pull-request reviews (REST ``/repos/{repo}/pulls/{n}/reviews``)."""

from __future__ import annotations

from kinerja.forge import Ambil, DataPR, waktu
from kinerja.persetujuan import DIBATALKAN, KOMENTAR, MINTA_PERUBAHAN, SETUJU, Peristiwa

AKSI = {"APPROVED": SETUJU, "CHANGES_REQUESTED": MINTA_PERUBAHAN, "COMMENTED": KOMENTAR,
        "DISMISSED": DIBATALKAN}


def tarik(ambil: Ambil, repo: str, nomor: int) -> DataPR:
    pr = ambil(f"/repos/{repo}/pulls/{nomor}")
    ulasan = ambil(f"/repos/{repo}/pulls/{nomor}/reviews?per_page=100")
    head = pr["head"]["sha"]
    c = ambil(f"/repos/{repo}/commits/{head}")
    penulis = {x["login"] for x in (c.get("author"), c.get("committer"))
               if x and x.get("login") and x["login"] != "web-flow"}
    peristiwa = tuple(
        Peristiwa(u["user"]["login"], AKSI[u["state"]], u.get("commit_id"),
                  waktu(u["submitted_at"]), u.get("body") or "")
        for u in ulasan if u.get("state") in AKSI and u.get("user") and u.get("submitted_at")
    )
    return DataPR(nomor, head, pr["base"]["ref"], pr["user"]["login"], frozenset(penulis),
                  peristiwa)
