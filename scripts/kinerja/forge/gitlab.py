"""GitLab: approvals of a merge request, from its system notes.

GitLab's approvals API lists who approved but not when nor on which commit, so the order and
freshness rules read the merge request's system notes instead: «approved this merge request»,
«unapproved this merge request», «requested changes», and «added N commit(s)» for each push.
An approval counts for the head only if no push came after it — "after" in the notes' own order
(ascending ids, the server's), not by comparing timestamps.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from kinerja.forge.dasar import STATUS_KONTEKS, DataPR, keterangan
from kinerja.forge.http import Ambil, Kirim, butir, jalur_berubah, jawab, q
from kinerja.inti.jenis import Forge as NamaForge
from kinerja.pengesahan.putusan import (
    DIBATALKAN,
    MINTA_PERUBAHAN,
    SETUJU,
    Aksi,
    Penulis,
    Peristiwa,
    Putusan,
)

_PUSH = re.compile(r"^added \d+ (?:new )?commits?\b")
_AKSI: dict[str, Aksi] = {"approved this merge request": SETUJU,
                          "unapproved this merge request": DIBATALKAN,
                          "requested changes": MINTA_PERUBAHAN}


class GitLab:
    nama: NamaForge = "gitlab"
    token_env = "GITLAB_TOKEN"
    skema_token = "Bearer"
    api_bawaan: str | None = "https://gitlab.com"

    def tarik(self, ambil: Ambil, proyek: str, nomor: int) -> DataPR:
        dasar = f"/api/v4/projects/{q(proyek)}/merge_requests/{nomor}"
        mr = jawab(ambil, dasar)
        head = mr.teks("sha")
        catatan = jawab(ambil, f"{dasar}/notes?sort=asc&order_by=created_at&per_page=100")
        sistem = [c for c in butir(catatan) if isinstance(c.data, dict) and c.data.get("system") is True]
        push = [i for i, c in enumerate(sistem) if _PUSH.match(c.teks_atau("body"))]
        push_terakhir = push[-1] if push else -1
        akun = {sistem[push_terakhir].teks("author", "username")} if push else \
            {mr.teks("author", "username")}
        c = jawab(ambil, f"/api/v4/projects/{q(proyek)}/repository/commits/{head}")
        surel = {c.teks_atau(k).lower() for k in ("author_email", "committer_email")} - {""}
        peristiwa = []
        for i, n in enumerate(sistem):
            aksi = _AKSI.get(n.teks_atau("body").strip())
            if aksi is None:
                continue
            segar = i > push_terakhir
            peristiwa.append(Peristiwa(n.teks("author", "username"), aksi, head if segar else None,
                                       n.waktu("created_at"), urutan=i))
        diff = jawab(ambil, f"{dasar}/diffs?per_page=100")
        berubah = jalur_berubah(diff, "new_path", "old_path")
        return DataPR(nomor, head, mr.teks("target_branch"), mr.teks("author", "username"),
                      Penulis(frozenset(akun), frozenset(surel)), tuple(peristiwa),
                      berubah, mr.teks_atau("title"))

    def lapor_status(self, kirim: Kirim, proyek: str, head: str, p: Putusan,
                     tautan: str | None) -> None:
        kirim(f"/api/v4/projects/{q(proyek)}/statuses/{head}",
              {"state": "success" if p.lulus else "failed", "name": STATUS_KONTEKS,
               "description": keterangan(p), **({"target_url": tautan} if tautan else {})})

    def sunting(self, host: str, proyek: str, cabang: str, path: str) -> str:
        return f"{host}/{proyek}/-/edit/{quote(cabang)}/{quote(path)}"


GITLAB = GitLab()
