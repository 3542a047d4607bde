"""`kinerja persetujuan`: gather the inputs (forge reviews or local commits) and decide."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kinerja.baca.muat import cari_akar, muat_kantor
from kinerja.forge import Ambil, DataPR, Jawaban, JawabanRusak, KlienHttp, butir, jawab, q
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import Kantor
from kinerja.inti.temuan import Pengumpul
from kinerja.pengesahan import git
from kinerja.pengesahan.persetujuan import Alasan, Kode, Putusan, periksa_jalur, putuskan

API_BAWAAN = {"github": "https://api.github.com", "gitlab": "https://gitlab.com"}
Kirim = Callable[[str, dict[str, Any]], Any]  # POST a JSON body to a path
TOKEN = {"github": ("GITHUB_TOKEN", "Bearer"), "gitea": ("GITEA_TOKEN", "token"),
         "gitlab": ("GITLAB_TOKEN", "Bearer")}


def tarik(forge: str, ambil: Ambil, proyek: str, nomor: int) -> DataPR:
    if forge == "github":
        from kinerja.forge import github as modul
    elif forge == "gitea":
        from kinerja.forge import gitea as modul  # type: ignore[no-redef]
    else:
        from kinerja.forge import gitlab as modul  # type: ignore[no-redef]
    return modul.tarik(ambil, proyek, nomor)


def kantor_di(akar: Path, ref: str) -> Kantor:
    teks = git.tampilkan(akar, ref, "kinerja.yml")
    if teks is None:
        raise KinerjaError(f"kinerja.yml tidak ada di {ref}; ambil cabang dasar dahulu "
                           "(actions/checkout dengan fetch-depth: 0)")
    temuan = Pengumpul()
    kantor = muat_kantor(akar, temuan, teks)
    if kantor is None or temuan.ada_galat:
        raise BerkasTidakValid(tuple(temuan.temuan))
    return kantor


def putusan_forge(akar: Path, forge: str, data: DataPR, dasar: str | None,
                  ambil: Ambil | None = None, proyek: str = "",
                  cabang_dasar: str | None = None) -> Putusan:
    """The verdict on a pull request: its reviews and changed paths are data; the office (who
    holds which role) is ``kinerja.yml`` as it stands on the base branch."""
    ref = dasar or f"origin/{data.dasar}"
    tambahan: tuple[Alasan, ...] = ()
    jalur = periksa_jalur(data.berubah)
    if jalur.periode is not None and ambil is not None and forge == "github":
        tambahan = _aturan_sesudah_cabang(akar, ref, jalur.periode, data.head, ambil, proyek)
    return putusan_pr(kantor_di(akar, ref), forge, data, tambahan, cabang_dasar)


def putusan_pr(kantor: Kantor, forge: str, data: DataPR,
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
        return Putusan(not any(a.memblokir for a in semua), (), semua, forge)
    p = putuskan(data.peristiwa, kantor_dasar=kantor, head=data.head, penulis=data.penulis,
                 sumber=forge, tambahan=(*jalur.alasan, *tambahan))
    return replace(p, periode=jalur.periode)


def _perubahan_aturan(akar: Path, ref: str, tahun: str) -> list[str]:
    """The latest commits on the base that changed what a period is measured by: the year's PK,
    and the capaian rules in ``kinerja.yml`` (other edits of that file do not count)."""
    hasil = [c.sha for c in git.log(akar, "-1", ref, "--", f"periods/{tahun}/perjanjian-kinerja.yml")]
    riwayat = git.log(akar, "-50", ref, "--", "kinerja.yml")
    for c in riwayat:
        sekarang = git.tampilkan(akar, c.sha, "kinerja.yml")
        sebelum = git.tampilkan(akar, f"{c.sha}^", "kinerja.yml")
        a = muat_kantor(akar, Pengumpul(), sekarang) if sekarang is not None else None
        b = muat_kantor(akar, Pengumpul(), sebelum) if sebelum is not None else None
        if (a.capaian if a else None) != (b.capaian if b else None):
            hasil.append(c.sha)
            break
    return hasil


def _aturan_sesudah_cabang(akar: Path, ref: str, periode: str, head: str, ambil: Ambil,
                           proyek: str) -> tuple[Alasan, ...]:
    """Approvals of a head that does not contain the base's latest change of targets or rules
    were given for figures measured otherwise: stale, by history (GitHub's compare), not clocks."""
    for sha in _perubahan_aturan(akar, ref, periode[:4]):
        banding = jawab(ambil, f"/repos/{proyek}/compare/{sha}...{head}")
        if banding.teks("status") not in ("ahead", "identical"):
            return (Alasan(Kode.ATURAN_BERUBAH, teks=periode, rujukan=sha),)
    return ()


def _peristiwa_actions(env: Mapping[str, str]) -> dict[str, Any]:
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


def nomor_dari_peristiwa(peristiwa: dict[str, Any], ambil: Ambil, proyek: str) -> int | None:
    """The pull request an Actions event is about. ``pull_request``/``pull_request_target``
    name it; a ``workflow_run`` (the review relay) names its head commit, and the open pull
    request whose head that is is looked up — the event is only a hint, the API is the truth."""
    e = Jawaban("berkas peristiwa", peristiwa)
    if "pull_request" in peristiwa:
        return e.bilangan("pull_request", "number")
    if "workflow_run" not in peristiwa:
        return None
    sha = e.teks("workflow_run", "head_sha")
    if not re.fullmatch(r"[0-9a-f]{40}", sha):
        raise JawabanRusak("berkas peristiwa", "workflow_run.head_sha bukan id commit")
    path = f"/repos/{proyek}/commits/{sha}/pulls"
    for pr in butir(jawab(ambil, path)):
        if pr.teks_atau("state") == "open" and pr.teks_atau("head", "sha") == sha:
            return pr.bilangan("number")
    return None


STATUS_KONTEKS = "kinerja/persetujuan"


def lapor_status(forge: str, kirim: Kirim, proyek: str, head: str, p: Putusan,
                 tautan: str | None) -> None:
    """The one verdict per head: a commit status that every later run replaces."""
    lulus = p.lulus
    keterangan = p.tahap if len(p.tahap) <= 140 else p.tahap[:139] + "…"
    if forge == "gitlab":
        kirim(f"/api/v4/projects/{q(proyek)}/statuses/{head}",
              {"state": "success" if lulus else "failed", "name": STATUS_KONTEKS,
               "description": keterangan, **({"target_url": tautan} if tautan else {})})
        return
    awal = "/api/v1" if forge == "gitea" else ""
    kirim(f"{awal}/repos/{proyek}/statuses/{head}",
          {"state": "success" if lulus else "failure", "context": STATUS_KONTEKS,
           "description": keterangan, **({"target_url": tautan} if tautan else {})})


@dataclass(frozen=True)
class HasilPersetujuan:
    putusan: Putusan
    head: str | None = None  # the pull request's head commit (forges)
    status_dikirim: bool = False


def periksa_persetujuan(mulai: Path, periode: str | None, *, forge: str | None,
                        nomor: int | None, proyek: str | None, api: str | None,
                        dasar: str | None, env: Mapping[str, str],
                        ambil: Ambil | None = None, kirim: Kirim | None = None,
                        lapor: bool = False, cabang_dasar: str | None = None) -> HasilPersetujuan:
    if forge is None:
        forge = "github" if env.get("GITHUB_ACTIONS") == "true" else "git"
    if forge == "git":
        if lapor:
            raise KinerjaError("--lapor-status hanya untuk Git host (--forge github|gitea|gitlab)")
        from kinerja.alur import konteks, putusan

        return HasilPersetujuan(putusan(konteks(mulai, periode)))
    akar = cari_akar(mulai)
    proyek = proyek or env.get("GITHUB_REPOSITORY") or env.get("CI_PROJECT_PATH")
    if not proyek:
        raise KinerjaError("proyek tidak diketahui; beri --proyek owner/nama")
    klien = None
    if ambil is None or (lapor and kirim is None):
        nama_token, skema = TOKEN[forge]
        alamat = api or env.get("GITHUB_API_URL") or env.get("CI_API_V4_URL", "").removesuffix(
            "/api/v4") or API_BAWAAN.get(forge)
        if not alamat:
            raise KinerjaError(f"alamat API {forge} tidak diketahui; beri --api https://…")
        klien = KlienHttp(alamat, env.get(nama_token) or env.get("KINERJA_TOKEN"), skema)
    ambil = ambil or klien
    assert ambil is not None
    if nomor is None:
        nomor = nomor_dari_peristiwa(_peristiwa_actions(env), ambil, proyek)
    iid = env.get("CI_MERGE_REQUEST_IID", "")
    if nomor is None and iid.isascii() and iid.isdigit():
        nomor = int(iid)
    if nomor is None:
        raise KinerjaError("nomor pull request tidak diketahui; beri --pr N")
    data = tarik(forge, ambil, proyek, nomor)
    p = putusan_forge(akar, forge, data, dasar, ambil, proyek, cabang_dasar)
    if lapor:
        kirim = kirim or (klien.kirim if klien else None)
        assert kirim is not None
        server, run = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_RUN_ID")
        tautan = f"{server}/{proyek}/actions/runs/{run}" if server and run else \
            env.get("CI_JOB_URL")
        lapor_status(forge, kirim, proyek, data.head, p, tautan)
    return HasilPersetujuan(p, data.head, lapor)


@dataclass(frozen=True)
class HasilTerbit:
    putusan: Putusan | None  # None: the push changed no period (nothing to ratify)
    periode: tuple[str, ...]
    tag: tuple[str, ...]  # pengesahan/<periode> tags made now (to push), none on a re-run
    berkas: tuple[Path, ...]  # the final PDFs rendered for the release
    rilis: str = ""  # the tag of the version published by this push (made now or on a first run)


def pr_digabung(ambil: Ambil, proyek: str, sha: str, *, coba: int = 4,
                tunggu: Callable[[float], None] | None = None) -> int | None:
    """The pull request whose merge made ``sha``, whatever the merge style (merge commit,
    squash, rebase): GitHub lists it for the commit. Right after a merge the list can still be
    empty, so ask again a few times before concluding there is none."""
    import time

    tidur = tunggu or time.sleep
    path = f"/repos/{proyek}/commits/{sha}/pulls"
    for n in range(coba):
        for pr in butir(jawab(ambil, path)):
            if pr.teks_atau("merged_at"):
                return pr.bilangan("number")
        if n + 1 < coba:
            tidur(2.0 * 2**n)
    return None


def terbitkan(mulai: Path, *, forge: str, proyek: str | None, api: str | None,
              sebelum: str | None, env: Mapping[str, str], ambil: Ambil | None = None,
              tunggu: Callable[[float], None] | None = None, pdf: bool = True) -> HasilTerbit:
    """After a push to main: if it changed a period, find the merged pull request, check its
    approvals against the office and the rules as they stood before the push (``sebelum``),
    record the ratification as the annotated tag ``pengesahan/<periode>`` (Actions cannot push
    to a protected main, and need not), and render the final report and cover letter.

    Safe to re-run: an existing tag on this very commit is kept and not made again."""
    from kinerja.baca.muat import cari_periode, muat_repo
    from kinerja.dokumen.laporan import buat
    from kinerja.dokumen.surat import buat_surat
    from kinerja.inti.model import Revisi
    from kinerja.pengesahan import riwayat, segel

    if forge != "github":
        raise KinerjaError("terbit otomatis baru tersedia untuk GitHub; di Gitea/Forgejo dan "
                           "GitLab, Camat mengesahkan dengan «kinerja sahkan» (lihat README)")
    akar = cari_akar(mulai)
    sha = git.git(akar, "rev-parse", "HEAD").strip()
    if not sebelum or set(sebelum) == {"0"}:
        sebelum = f"{sha}^1"  # the first push of a branch: compare with the parent
    try:
        git.git(akar, "cat-file", "-e", f"{sebelum}^{{commit}}")
    except git.GitError:
        raise KinerjaError(f"commit sebelum push ({sebelum[:12]}) tidak ada di klon ini; ambil "
                           "riwayat lengkap (actions/checkout dengan fetch-depth: 0)") from None
    berubah = git.git(akar, "diff", "--name-only", "-z", sebelum, sha).split("\x00")
    jalur = periksa_jalur(j for j in berubah if j)
    if jalur.periode is None:
        return HasilTerbit(None, (), (), ())
    proyek = proyek or env.get("GITHUB_REPOSITORY")
    if not proyek:
        raise KinerjaError("proyek tidak diketahui; beri --proyek owner/nama")
    if ambil is None:
        nama_token, skema = TOKEN[forge]
        ambil = KlienHttp(api or env.get("GITHUB_API_URL") or API_BAWAAN[forge],
                          env.get(nama_token) or env.get("KINERJA_TOKEN"), skema)
    nomor = pr_digabung(ambil, proyek, sha, tunggu=tunggu)
    if nomor is None:
        raise KinerjaError(f"push {sha[:7]} mengubah periode {jalur.periode} tanpa pull request "
                           "yang digabung; periode hanya disahkan lewat pull request dengan "
                           "tiga persetujuan. Tidak ada yang diterbitkan")
    data = tarik(forge, ambil, proyek, nomor)
    # Re-verified here with the office as it stood before the push: a status that a workflow
    # of the pull request itself posted cannot publish a ratification that does not hold.
    p = putusan_forge(akar, forge, data, sebelum, ambil, proyek)
    if not p.lulus or p.periode is None:
        raise KinerjaError(f"pull request #{nomor} digabung tanpa persetujuan lengkap: "
                           + "; ".join(p.pesan) + ". Tidak ada yang diterbitkan")
    pid = p.periode
    dibuat: list[str] = []
    repo = muat_repo(akar, tahun={int(pid[:4])})
    periode = cari_periode(repo, pid)
    tahun = repo.tahun[periode.tahun]
    tag = riwayat.nama_tag(pid, periode.versi)
    ada = git.git(akar, "rev-parse", f"{tag}^{{commit}}").strip() if git.tag_ada(akar, tag) \
        else None
    if ada != sha:  # not a re-run of this very publication
        versi, revisi = periode.versi, periode.revisi
        if periode.segel is not None:
            # A merged pull request that changes a ratified period is its revision: the version
            # that was ratified stays in the record, with the pull request as its reason.
            camat = next((c for c in periode.riwayat if c.peran == "camat"), None)
            revisi = (*revisi, Revisi(versi, periode.segel.disahkan, camat.nama if camat else "",
                                      riwayat.sidik_versi(periode.segel),
                                      f"pull request #{nomor}: {data.judul}".strip(": "), None,
                                      None, periode.segel.commit))
            versi += 1
            tag = riwayat.nama_tag(pid, versi)
        if repo.kantor is None or tahun.pk is None:
            raise KinerjaError("kinerja.yml atau Perjanjian Kinerja tidak dapat dibaca")
        isi = riwayat.teks(pid, forge, p, segel.buat(repo.kantor, tahun.pk, periode.folder, sha,
                                                   tahun.renaksi),
                           versi=versi, revisi=revisi)
        git.git(akar, "tag", "-a", "--cleanup=verbatim", tag, "-F", "-", sha,
                masukan=riwayat.pesan_tag(
            f"Pengesahan pengukuran kinerja {pid}: pull request #{nomor}", isi))
        dibuat.append(tag)
    berkas: list[Path] = []
    if pdf:
        berkas.append(buat(akar, pid, draf=False).pdf)
        if cari_periode(muat_repo(akar), pid).surat.nomor:
            berkas.append(buat_surat(akar, pid, draf=False).pdf)
    return HasilTerbit(p, (pid,), tuple(dibuat), tuple(berkas), tag)
