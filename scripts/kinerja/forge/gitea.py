"""Gitea and Forgejo: pull-request reviews (``/api/v1/repos/{repo}/pulls/{n}/reviews``), the head
commit's authors and the changed files."""

from __future__ import annotations

from urllib.parse import quote

from kinerja.forge.dasar import STATUS_KONTEKS, DataPR, keterangan
from kinerja.forge.http import Ambil, Kirim, butir, jalur_berubah, jawab
from kinerja.inti.jenis import Forge as NamaForge
from kinerja.pengesahan.putusan import (
    DIBATALKAN,
    KOMENTAR,
    MINTA_PERUBAHAN,
    SETUJU,
    Aksi,
    Penulis,
    Peristiwa,
    Putusan,
)

AKSI: dict[str, Aksi] = {"APPROVED": SETUJU, "REQUEST_CHANGES": MINTA_PERUBAHAN,
                         "COMMENT": KOMENTAR}


class Gitea:
    nama: NamaForge = "gitea"
    token_env = "GITEA_TOKEN"
    skema_token = "token"
    api_bawaan: str | None = None

    def tarik(self, ambil: Ambil, proyek: str, nomor: int) -> DataPR:
        pr = jawab(ambil, f"/api/v1/repos/{proyek}/pulls/{nomor}")
        head = pr.teks("head", "sha")
        ulasan = jawab(ambil, f"/api/v1/repos/{proyek}/pulls/{nomor}/reviews")
        c = jawab(ambil, f"/api/v1/repos/{proyek}/git/commits/{head}")
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
        berkas = jawab(ambil, f"/api/v1/repos/{proyek}/pulls/{nomor}/files")
        return DataPR(nomor, head, pr.teks("base", "ref"), pr.teks("user", "login"),
                      Penulis(frozenset(akun), frozenset(surel)), tuple(peristiwa),
                      jalur_berubah(berkas, "filename", "previous_filename"),
                      pr.teks_atau("title"))

    def lapor_status(self, kirim: Kirim, proyek: str, head: str, p: Putusan,
                     tautan: str | None) -> None:
        kirim(f"/api/v1/repos/{proyek}/statuses/{head}",
              {"state": "success" if p.lulus else "failure", "context": STATUS_KONTEKS,
               "description": keterangan(p), **({"target_url": tautan} if tautan else {})})

    def sunting(self, host: str, proyek: str, cabang: str, path: str) -> str:
        return f"{host}/{proyek}/_edit/{quote(cabang)}/{quote(path)}"


GITEA = Gitea()
