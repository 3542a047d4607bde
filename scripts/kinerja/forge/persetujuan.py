"""`kinerja persetujuan` on a Git host: a pull request's reviews and changed paths are data; who
holds which role is ``kinerja.yml`` as it stands on the base branch. The verdict is posted as one
commit status on the head, which every later run replaces."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from kinerja.baca.kantor import muat_kantor
from kinerja.baca.muat import cari_akar
from kinerja.forge import forge as forge_
from kinerja.forge.dasar import DataPR, Forge
from kinerja.forge.http import Ambil, Jawaban, JawabanRusak, Kirim, KlienHttp, butir, jawab
from kinerja.inti import tata
from kinerja.inti.beku import beku
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import Kantor
from kinerja.pengesahan import git
from kinerja.pengesahan.putusan import Alasan, Kode, Putusan, periksa_jalur, putuskan


def klien(f: Forge, api: str | None, env: Mapping[str, str]) -> KlienHttp:
    """The forge's API, with the token its CI gives (or KINERJA_TOKEN)."""
    alamat = api or env.get("GITHUB_API_URL" if f.nama == "github" else "") or \
        (env.get("CI_API_V4_URL", "").removesuffix("/api/v4") if f.nama == "gitlab" else "") or \
        f.api_bawaan
    if not alamat:
        raise KinerjaError(f"alamat API {f.nama} tidak diketahui; beri --api https://…")
    return KlienHttp(alamat, env.get(f.token_env) or env.get("KINERJA_TOKEN"), f.skema_token)


def kantor_di(akar: Path, ref: str) -> Kantor:
    teks = git.tampilkan(akar, ref, tata.BERKAS_KANTOR)
    if teks is None:
        raise KinerjaError(f"kinerja.yml tidak ada di {ref}; ambil cabang dasar dahulu "
                           "(actions/checkout dengan fetch-depth: 0)")
    kantor, temuan = muat_kantor(akar, teks)
    if kantor is None or any(t.galat for t in temuan):
        raise BerkasTidakValid(temuan)
    return kantor


def putusan_forge(akar: Path, f: Forge, data: DataPR, dasar: str | None,
                  ambil: Ambil | None = None, proyek: str = "",
                  cabang_dasar: str | None = None) -> Putusan:
    """The verdict on a pull request: its reviews and changed paths are data; the office (who
    holds which role) is ``kinerja.yml`` as it stands on the base branch."""
    ref = dasar or f"origin/{data.dasar}"
    tambahan: tuple[Alasan, ...] = ()
    jalur = periksa_jalur(data.berubah)
    if jalur.periode is not None and ambil is not None and f.nama == "github":
        tambahan = _aturan_sesudah_cabang(akar, ref, jalur.periode, data.head, ambil, proyek)
    return putusan_pr(kantor_di(akar, ref), f.nama, data, tambahan, cabang_dasar)


def putusan_pr(kantor: Kantor, sumber: str, data: DataPR,
               tambahan: tuple[Alasan, ...] = (), cabang_dasar: str | None = None) -> Putusan:
    lain: list[Alasan] = []
    if cabang_dasar is not None and data.dasar != cabang_dasar:
        lain.append(Alasan(Kode.DASAR_LAIN, teks=f"{data.dasar}\x00{cabang_dasar}"))
    if data.jumlah_berkas is not None and data.jumlah_berkas > len(data.berubah):
        # GitHub lists at most 3000 files: a path beyond the list could not be checked.
        lain.append(Alasan(Kode.TERLALU_BANYAK, teks=str(data.jumlah_berkas)))
    tambahan = (*tambahan, *lain)
    jalur = periksa_jalur(data.berubah)
    if jalur.periode is None:
        semua = (*jalur.alasan, *lain)
        return Putusan(not any(a.memblokir for a in semua), (), semua, sumber)
    p = putuskan(data.peristiwa, kantor_dasar=kantor, head=data.head, penulis=data.penulis,
                 sumber=sumber, tambahan=(*jalur.alasan, *tambahan))
    return replace(p, periode=jalur.periode)


def _perubahan_aturan(akar: Path, ref: str, tahun: int) -> list[str]:
    """The latest commits on the base that changed what a period is measured or evaluated by:
    the year's PK and Rencana Aksi, and the capaian rules in ``kinerja.yml`` (other edits of
    that file do not count)."""
    hasil = [c.sha for berkas in (tata.berkas_pk(tahun), tata.berkas_renaksi(tahun))
             for c in git.log(akar, "-1", ref, "--", berkas)]
    for c in git.log(akar, "-50", ref, "--", tata.BERKAS_KANTOR):
        sekarang = git.tampilkan(akar, c.sha, tata.BERKAS_KANTOR)
        sebelum = git.tampilkan(akar, f"{c.sha}^", tata.BERKAS_KANTOR)
        a = muat_kantor(akar, sekarang)[0] if sekarang is not None else None
        b = muat_kantor(akar, sebelum)[0] if sebelum is not None else None
        if (a.capaian if a else None) != (b.capaian if b else None):
            hasil.append(c.sha)
            break
    return hasil


def _aturan_sesudah_cabang(akar: Path, ref: str, periode: str, head: str, ambil: Ambil,
                           proyek: str) -> tuple[Alasan, ...]:
    """Approvals of a head that does not contain the base's latest change of targets or rules
    were given for figures measured otherwise: stale, by history (GitHub's compare), not clocks."""
    for sha in _perubahan_aturan(akar, ref, int(periode[:4])):
        banding = jawab(ambil, f"/repos/{proyek}/compare/{sha}...{head}")
        if banding.teks("status") not in ("ahead", "identical"):
            return (Alasan(Kode.ATURAN_BERUBAH, teks=periode, rujukan=sha),)
    return ()


def peristiwa_actions(env: Mapping[str, str]) -> dict[str, Any]:
    path = env.get("GITHUB_EVENT_PATH")
    if not path:
        return {}
    try:
        with Path(path).open("rb") as f:
            data = json.loads(f.read(25_000_000))
    except (OSError, ValueError, RecursionError) as e:
        raise KinerjaError(f"berkas peristiwa GitHub Actions {path} tidak dapat dibaca sebagai "
                           f"JSON ({type(e).__name__}); jalankan ulang alur kerja") from None
    if not isinstance(data, dict):
        raise KinerjaError(f"berkas peristiwa GitHub Actions {path} bukan objek JSON")
    return data


def nomor_dari_peristiwa(peristiwa: dict[str, Any], ambil: Ambil, proyek: str,
                         dasar: str | None = None) -> int | None:
    """The pull request an Actions event is about. ``pull_request``/``pull_request_target``
    name it; a ``workflow_run`` (a review relayed, a push checked) names its head commit, and the
    open pull request whose head that is — into ``dasar``, where given — is looked up: the event
    is only a hint, the API is the truth."""
    e = Jawaban("berkas peristiwa", peristiwa)
    if "pull_request" in peristiwa:
        return e.bilangan("pull_request", "number")
    if "workflow_run" not in peristiwa:
        return None
    sha = e.teks("workflow_run", "head_sha")
    if not re.fullmatch(r"[0-9a-f]{40}", sha):
        raise JawabanRusak("berkas peristiwa", "workflow_run.head_sha bukan id commit")
    # A commit that exists only in a fork is unknown to «commits/{sha}/pulls», and the run names
    # no pull request for a fork: then the open pull requests are asked, by their head.
    for path in (f"/repos/{proyek}/commits/{sha}/pulls",
                 f"/repos/{proyek}/pulls?state=open&per_page=100"):
        for pr in butir(jawab(ambil, path)):
            if pr.teks_atau("state") == "open" and pr.teks_atau("head", "sha") == sha and \
                    (dasar is None or pr.teks_atau("base", "ref") == dasar):
                return pr.bilangan("number")
    return None


@beku
class HasilPersetujuan:
    putusan: Putusan | None  # None: the event concerns no pull request to judge here
    head: str | None = None  # the pull request's head commit
    status_dikirim: bool = False
    catatan: str = ""  # why nothing was judged


def periksa_persetujuan(mulai: Path, *, forge: str, nomor: int | None, proyek: str | None,
                        api: str | None, dasar: str | None, env: Mapping[str, str],
                        ambil: Ambil | None = None, kirim: Kirim | None = None,
                        lapor: bool = False, cabang_dasar: str | None = None
                        ) -> HasilPersetujuan:
    f = forge_(forge)
    akar = cari_akar(mulai)
    proyek = proyek or env.get("GITHUB_REPOSITORY") or env.get("CI_PROJECT_PATH")
    if not proyek:
        raise KinerjaError("proyek tidak diketahui; beri --proyek owner/nama")
    k = klien(f, api, env) if ambil is None or (lapor and kirim is None) else None
    ambil = ambil or k
    assert ambil is not None
    peristiwa: dict[str, Any] = {}
    if nomor is None and f.nama == "github":
        peristiwa = peristiwa_actions(env)
        nomor = nomor_dari_peristiwa(peristiwa, ambil, proyek, cabang_dasar)
    iid = env.get("CI_MERGE_REQUEST_IID", "")
    if nomor is None and iid.isascii() and iid.isdigit():
        nomor = int(iid)
    if nomor is None and "workflow_run" in peristiwa:
        # A review of, or a push to, a pull request into another branch (a section's
        # proposal into the period's branch): not a period's approvals, nothing to judge.
        return HasilPersetujuan(None, catatan=(
            "commit ini bukan head pull request terbuka ke "
            f"{cabang_dasar or 'cabang dasar'}; tidak ada putusan yang dikirim"))
    if nomor is None:
        raise KinerjaError("nomor pull request tidak diketahui; beri --pr N")
    data = f.tarik(ambil, proyek, nomor)
    p = putusan_forge(akar, f, data, dasar, ambil, proyek, cabang_dasar)
    if lapor:
        kirim = kirim or (k.kirim if k else None)
        assert kirim is not None
        server, run = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_RUN_ID")
        tautan = f"{server}/{proyek}/actions/runs/{run}" if server and run else \
            env.get("CI_JOB_URL")
        f.lapor_status(kirim, proyek, data.head, p, tautan)
    return HasilPersetujuan(p, data.head, lapor)
