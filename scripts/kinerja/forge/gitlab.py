"""GitLab: approvals of a merge request, from its system notes.

GitLab's approvals API lists who approved but not when nor on which commit, so the order and
freshness rules read the merge request's system notes instead: «approved this merge request»,
«unapproved this merge request», «requested changes», and «added N commit(s)» for each push.
An approval counts for the head only if no push came after it.
"""

from __future__ import annotations

import re

from kinerja.forge import Ambil, DataPR, q, waktu
from kinerja.persetujuan import DIBATALKAN, MINTA_PERUBAHAN, SETUJU, Peristiwa

_PUSH = re.compile(r"^added \d+ (?:new )?commits?\b")


def tarik(ambil: Ambil, proyek: str, nomor: int) -> DataPR:
    dasar = f"/api/v4/projects/{q(proyek)}/merge_requests/{nomor}"
    mr = ambil(dasar)
    catatan = ambil(f"{dasar}/notes?sort=asc&order_by=created_at&per_page=100")
    head = mr["sha"]
    sistem = sorted((c for c in catatan if c.get("system")), key=lambda c: c["created_at"])
    push = [c for c in sistem if _PUSH.match(c.get("body", ""))]
    push_terakhir = waktu(push[-1]["created_at"]) if push else None
    penulis = {push[-1]["author"]["username"]} if push else {mr["author"]["username"]}
    peristiwa = []
    for c in sistem:
        body = c.get("body", "").strip()
        aksi = {"approved this merge request": SETUJU,
                "unapproved this merge request": DIBATALKAN,
                "requested changes": MINTA_PERUBAHAN}.get(body)
        if aksi is None:
            continue
        t = waktu(c["created_at"])
        segar = push_terakhir is None or t > push_terakhir
        peristiwa.append(Peristiwa(c["author"]["username"], aksi, head if segar else None, t))
    return DataPR(nomor, head, mr["target_branch"], mr["author"]["username"],
                  frozenset(penulis), tuple(peristiwa))
