"""`kinerja ajukan`: the period's pull request on GitHub, opened (or found again) by the
«Buat periode» workflow, with its checks reported at once.

Why the checks are posted here: a pull request opened with the workflow's own token starts no
workflow run (GitHub's rule against loops), so without this its required checks would stay
«Expected» until a person pushed. The verdict posted is the one the Persetujuan workflow would
post — the same code, from the base branch the period was just made from.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kinerja.forge import forge as forge_
from kinerja.forge.http import GagalHttp, Jawaban, KlienHttp, butir, jawab, q
from kinerja.forge.persetujuan import klien, periksa_persetujuan
from kinerja.forge.tautan import pesan, tautan
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.layanan import cari_akar
from kinerja.layanan.pemeriksaan import periksa

KONTEKS_PERIKSA = "periksa"  # the check the Periksa workflow's job reports on later pushes


@beku
class HasilAjukan:
    nomor: int
    dibuat: bool  # opened now (not found open from an earlier run)
    draf: bool
    head: str
    periksa_lulus: bool
    persetujuan: str  # the verdict's stage, in words


def ajukan(mulai: Path, tunjuk: str, *, dasar: str, env: Mapping[str, str],
           api: str | None = None) -> HasilAjukan:
    akar = cari_akar(mulai)
    proyek = env.get("GITHUB_REPOSITORY")
    if not proyek:
        raise KinerjaError("proyek GitHub tidak diketahui (GITHUB_REPOSITORY); jalankan di alur "
                           "kerja buat-periode.yml")
    k = klien(forge_("github"), api, env)
    t = tautan(akar, tunjuk, jenis="github", env=env)
    cabang = t.cabang
    pemilik = proyek.split("/", 1)[0]
    ada = butir(jawab(k, f"/repos/{proyek}/pulls?state=open&head={q(pemilik + ':' + cabang)}"
                         f"&base={q(dasar)}&per_page=100"))
    if ada:
        pr, dibuat = ada[0], False
    else:
        pr = _buka(k, proyek, cabang, dasar, f"Pengukuran kinerja {t.periode.id}",
                   pesan(t, "markdown"))
        dibuat = True
    draf = pr.data.get("draft") is True
    nomor, head = pr.bilangan("number"), pr.teks("head", "sha")
    hasil = periksa(akar)
    galat = sum(1 for x in hasil.temuan if x.galat)
    tautan_run = _tautan_run(env, proyek)
    k.minta("POST", f"/repos/{proyek}/statuses/{head}", {
        "state": "failure" if galat else "success", "context": KONTEKS_PERIKSA,
        "description": (f"{galat} galat; lihat «kinerja periksa»" if galat else
                        "formulir terbaca; belum diisi seluruhnya")[:140],
        **({"target_url": tautan_run} if tautan_run else {})})
    putusan = periksa_persetujuan(akar, forge="github", nomor=nomor, proyek=proyek, api=api,
                                  dasar=None, env=env, lapor=True, cabang_dasar=dasar)
    assert putusan.putusan is not None  # the pull request was named: it is judged
    return HasilAjukan(nomor, dibuat, draf, head, not galat, putusan.putusan.tahap)


def _buka(k: KlienHttp, proyek: str, cabang: str, dasar: str, judul: str,
          badan: str) -> Jawaban:
    """A draft pull request, or an ordinary one where drafts do not exist (a private
    repository on a free plan)."""
    isi = {"title": judul, "head": cabang, "base": dasar, "body": badan}
    for draf in (True, False):
        try:
            _, data, _ = k.minta("POST", f"/repos/{proyek}/pulls", {**isi, "draft": draf})
            return Jawaban(f"/repos/{proyek}/pulls", data)
        except GagalHttp as e:
            pesan_ = str(e.isi.get("message", "")) if isinstance(e.isi, dict) else ""
            if e.status == 422 and draf and "draft" in (pesan_ + str(e.isi)).lower():
                continue
            if e.status == 403:
                raise KinerjaError(
                    "GitHub menolak pembuatan pull request oleh alur kerja. Aktifkan Settings → "
                    "Actions → General → «Allow GitHub Actions to create and approve pull "
                    f"requests», lalu jalankan ulang alur ini (cabang {cabang} sudah didorong "
                    "dan dipakai lagi)") from e
            raise
    raise KinerjaError("pull request tidak dapat dibuat")  # pragma: no cover - loop returns


def _tautan_run(env: Mapping[str, str], proyek: str) -> str | None:
    server, run = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_RUN_ID")
    return f"{server}/{proyek}/actions/runs/{run}" if server and run else None

