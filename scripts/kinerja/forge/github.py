"""GitHub: pull-request reviews (REST ``/repos/{repo}/pulls/{n}/reviews``), the authors of the
last change and the changed files; every answer read through checked accessors."""

from __future__ import annotations

from urllib.parse import quote

from kinerja.forge.dasar import STATUS_KONTEKS, DataPR, keterangan
from kinerja.forge.http import Ambil, Jawaban, Kirim, butir, jalur_berubah, jawab
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

AKSI: dict[str, Aksi] = {"APPROVED": SETUJU, "CHANGES_REQUESTED": MINTA_PERUBAHAN,
                         "COMMENTED": KOMENTAR, "DISMISSED": DIBATALKAN}
# The web editor's commits are committed by GitHub itself: neither is a person of the office.
_BUKAN_ORANG = {"web-flow"}
_SUREL_GITHUB = {"noreply@github.com"}


def _penulis(c: Jawaban) -> Penulis:
    akun = {c.teks_atau(k, "login") for k in ("author", "committer")} - {""}
    surel = {c.teks_atau("commit", k, "email").lower() for k in ("author", "committer")} - {""}
    return Penulis(frozenset(akun - _BUKAN_ORANG), frozenset(surel - _SUREL_GITHUB))


def _perubahan_terakhir(ambil: Ambil, repo: str, nomor: int, head: str) -> Penulis:
    """Who made the last change: the head commit's authors — but where the head is a merge
    («Update branch», or the Kasubbag merging a section's fork into the period branch), the
    last commit of the pull request that is not a merge. Integrating others' changes is not
    authoring them."""
    c = jawab(ambil, f"/repos/{repo}/commits/{head}")
    if len(c.daftar("parents")) < 2:
        return _penulis(c)
    daftar = butir(jawab(ambil, f"/repos/{repo}/pulls/{nomor}/commits?per_page=100"))
    sendiri = [x for x in daftar if len(x.daftar("parents")) < 2]
    return _penulis(sendiri[-1]) if sendiri else _penulis(c)


class GitHub:
    nama: NamaForge = "github"
    token_env = "GITHUB_TOKEN"
    skema_token = "Bearer"
    api_bawaan: str | None = "https://api.github.com"

    def tarik(self, ambil: Ambil, proyek: str, nomor: int) -> DataPR:
        pr = jawab(ambil, f"/repos/{proyek}/pulls/{nomor}")
        head = pr.teks("head", "sha")
        ulasan = jawab(ambil, f"/repos/{proyek}/pulls/{nomor}/reviews?per_page=100")
        peristiwa = []
        # The list is in the server's order of submission: that order, not a clock, is the SOP's.
        for i, u in enumerate(butir(ulasan)):
            aksi = AKSI.get(u.teks_atau("state"))
            login = u.teks_atau("user", "login")
            if aksi is None or not login or not u.teks_atau("submitted_at"):
                continue  # PENDING reviews and deleted accounts decide nothing
            peristiwa.append(Peristiwa(login, aksi, u.teks_atau("commit_id") or None,
                                       u.waktu("submitted_at"), u.teks_atau("body"), urutan=i))
        berkas = jawab(ambil, f"/repos/{proyek}/pulls/{nomor}/files?per_page=100")
        data = pr.data if isinstance(pr.data, dict) else {}
        return DataPR(nomor, head, pr.teks("base", "ref"), pr.teks("user", "login"),
                      _perubahan_terakhir(ambil, proyek, nomor, head), tuple(peristiwa),
                      jalur_berubah(berkas, "filename", "previous_filename"),
                      pr.teks_atau("title"), _bulat(data.get("changed_files")),
                      data.get("merged") is True, pr.teks_atau("merge_commit_sha") or None)

    def lapor_status(self, kirim: Kirim, proyek: str, head: str, p: Putusan,
                     tautan: str | None) -> None:
        kirim(f"/repos/{proyek}/statuses/{head}",
              {"state": "success" if p.lulus else "failure", "context": STATUS_KONTEKS,
               "description": keterangan(p), **({"target_url": tautan} if tautan else {})})

    def sunting(self, host: str, proyek: str, cabang: str, path: str) -> str:
        return f"{host}/{proyek}/edit/{quote(cabang)}/{quote(path)}"


def _bulat(x: object) -> int | None:
    return x if isinstance(x, int) and not isinstance(x, bool) and x >= 0 else None


GITHUB = GitHub()
