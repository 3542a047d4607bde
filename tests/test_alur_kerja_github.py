"""The first quarter on GitHub, run as GitHub runs it (``pelari``): each workflow job on a
runner without a Git identity, depth-1 checkouts unless the workflow asks for more, events
built from payloads GitHub recorded (``@octokit/webhooks-examples``), and a fake of GitHub
whose every answer and every request is checked against GitHub's OpenAPI description
(``github_palsu``).

The scenarios: the repository's first push (no parent, ``before`` all zeros), «Buat periode»
(a pull request opened by the workflow's token still shows its checks), a section's proposal
from a fork merged by the Kasubbag, a merge to main mid-quarter and «Update branch», reviews
from the three approvers, the merge (merge commit, squash, rebase), ``terbit`` with no Git
identity, its re-run, a force-push, and a tag ruleset refusing the tag."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import github_contoh as wh
from buatan import salin_situs
from conftest import DASAR
from github_palsu import PEMILIK, PR, PROYEK, GitHubPalsu, Ulasan
from pelari import Job, Pelari, Peristiwa, server_baru
from sejarah_uji import ORANG

NOL = "0" * 40
AKUN = {email: f"u-{siapa}" for siapa, (_, email) in ORANG.items()}


class Kantor:
    """The office's people, each in their own clone of the repository on the fake GitHub."""

    def __init__(self, tmp: Path, server: Path) -> None:
        self.tmp = tmp
        self.server = server
        self.akar = tmp / "kantor"

    def git(self, *args: str, siapa: str = "kasubbag", waktu: str = "2026-07-01 08:00",
            folder: Path | None = None) -> str:
        nama, email = ORANG[siapa]
        env = {"GIT_AUTHOR_NAME": nama, "GIT_AUTHOR_EMAIL": email,
               "GIT_COMMITTER_NAME": nama, "GIT_COMMITTER_EMAIL": email,
               "GIT_AUTHOR_DATE": f"{waktu}:00 +0700", "GIT_COMMITTER_DATE": f"{waktu}:00 +0700",
               "PATH": "/usr/bin:/bin", "HOME": str(self.tmp)}
        return subprocess.run(["git", *args], cwd=folder or self.akar, env=env, check=True,
                              capture_output=True, text=True).stdout

    def rev(self, ref: str = "HEAD") -> str:
        return self.git("rev-parse", ref).strip()


@pytest.fixture
def github(tmp_path: Path) -> Iterator[tuple[GitHubPalsu, Kantor, Pelari]]:
    server = server_baru(tmp_path)
    palsu = GitHubPalsu(server, AKUN)
    palsu.mulai()
    k = Kantor(tmp_path, server)
    shutil.copytree(DASAR, k.akar)
    shutil.rmtree(k.akar / "periods/2026/tw1")
    salin_situs(k.akar)  # the template's site pages and mkdocs.yml
    k.git("init", "-q", "-b", "main")
    k.git("add", "-A")
    k.git("commit", "-qm", "Kantor contoh")
    k.git("remote", "add", "origin", str(server))
    k.git("push", "-q", "origin", "main")
    try:
        yield palsu, k, Pelari(tmp_path / "pelari", palsu)
    finally:
        palsu.berhenti()
        assert palsu.galat == [], "\n".join(palsu.galat)


# --- events, from GitHub's recorded payloads ----------------------------------------------

def _repo(p: dict[str, Any]) -> None:
    r = p["repository"]
    r.update({"full_name": PROYEK, "name": PROYEK.split("/")[1], "default_branch": "main"})
    r["owner"]["login"] = PEMILIK


def dorong(ref: str, sebelum: str, sesudah: str, *, paksa: bool = False) -> Peristiwa:
    p = wh.contoh("push", pilih=lambda x: x["ref"].startswith("refs/heads/"))
    p.update({"ref": ref, "before": sebelum, "after": sesudah, "created": sebelum == NOL,
              "forced": paksa, "deleted": False})
    p["head_commit"] = {**(p.get("head_commit") or {}), "id": sesudah}
    _repo(p)
    return Peristiwa("push", p, ref, sesudah)


def _isi_pr(p: dict[str, Any], pr: PR, palsu: GitHubPalsu) -> None:
    d = p["pull_request"]
    d.update({"number": pr.nomor, "draft": pr.draf, "title": pr.judul})
    d["user"]["login"] = pr.pembuat
    d["head"].update({"ref": pr.cabang, "sha": palsu.head(pr)})
    d["head"]["repo"] = {**(d["head"].get("repo") or {}), "full_name": pr.fork or PROYEK}
    d["base"].update({"ref": pr.dasar, "sha": palsu.rev(f"refs/heads/{pr.dasar}")})
    d["base"]["repo"] = {**d["base"]["repo"], "full_name": PROYEK}
    p["number"] = pr.nomor
    _repo(p)


def permintaan_tarik(nama: str, aksi: str, pr: PR, palsu: GitHubPalsu) -> Peristiwa:
    """pull_request (checks out refs/pull/N/merge) or pull_request_target (the default
    branch), as documented for each."""
    p = wh.contoh("pull_request", aksi)
    _isi_pr(p, pr, palsu)
    if nama == "pull_request_target":
        return Peristiwa(nama, p, "refs/heads/main", palsu.rev("refs/heads/main"))
    palsu.segarkan_ref_pr(pr)
    return Peristiwa(nama, p, f"refs/pull/{pr.nomor}/merge",
                     palsu.rev(f"refs/pull/{pr.nomor}/merge"))


def ulasan(pr: PR, u: Ulasan, palsu: GitHubPalsu) -> Peristiwa:
    p = wh.contoh("pull_request_review", "submitted")
    _isi_pr(p, pr, palsu)
    p["review"].update({"state": u.keadaan.lower(), "commit_id": u.commit,
                        "submitted_at": u.waktu, "body": u.badan})
    p["review"]["user"]["login"] = u.login
    palsu.segarkan_ref_pr(pr)
    return Peristiwa("pull_request_review", p, f"refs/pull/{pr.nomor}/merge",
                     palsu.rev(f"refs/pull/{pr.nomor}/merge"), aktor=u.login)


def selesai(alur: str, berkas: str, head: str, cabang: str, pr: PR | None,
            palsu: GitHubPalsu) -> Peristiwa:
    """workflow_run «completed» of ``alur``: a fork's pull request is never named in it."""
    p = wh.contoh("workflow_run", "completed")
    w = p["workflow_run"]
    w.update({"name": alur, "head_sha": head, "head_branch": cabang, "status": "completed",
              "conclusion": "success", "path": f".github/workflows/{berkas}"})
    w["pull_requests"] = [] if pr is None or pr.fork else [
        {"number": pr.nomor, "head": {"ref": pr.cabang, "sha": head},
         "base": {"ref": pr.dasar, "sha": palsu.rev(f"refs/heads/{pr.dasar}")}}]
    p["workflow"] = {**p.get("workflow", {}), "name": alur, "path": f".github/workflows/{berkas}"}
    _repo(p)
    return Peristiwa("workflow_run", p, "refs/heads/main", palsu.rev("refs/heads/main"))


def kirim_manual(palsu: GitHubPalsu, masukan: dict[str, str]) -> Peristiwa:
    p = wh.contoh("workflow_dispatch")
    p.update({"ref": "refs/heads/main", "inputs": masukan})
    _repo(p)
    return Peristiwa("workflow_dispatch", p, "refs/heads/main", palsu.rev("refs/heads/main"))


def _lulus(jobs: dict[str, Job]) -> None:
    for j in jobs.values():
        assert j.hasil in ("success", "skipped"), f"{j.id}: {j.hasil}\n{j.log()}"


def _status(palsu: GitHubPalsu, sha: str) -> dict[str, tuple[str, str]]:
    """The latest status of each context on ``sha``: (state, description)."""
    hasil: dict[str, tuple[str, str]] = {}
    for s in palsu.status:
        if s["sha"] == sha:
            hasil[s["context"]] = (s["state"], s.get("description", ""))
    return hasil


# --- the scenarios ---------------------------------------------------------------------------

def test_buat_periode_pr_dengan_pemeriksaannya(
        github: tuple[GitHubPalsu, Kantor, Pelari]) -> None:
    """The Kasubbag runs «Buat periode»: the branch is pushed with the Actions bot's identity
    (the runner has none), the draft pull request opened, and its two checks are there at once
    though a pull request opened by the workflow's token starts no workflow."""
    palsu, _, pelari = github
    masukan = {"tahun": "2026", "periode": "tw2", "mulai": "2026-07-06"}
    jobs = pelari.jalankan("buat-periode.yml", kirim_manual(palsu, masukan), masukan)
    _lulus(jobs)
    pr = palsu.pr[1]
    assert (pr.cabang, pr.dasar, pr.draf) == ("periode/2026-tw2", "main", True)
    head = palsu.head(pr)
    penulis = palsu.git("show", "-s", "--format=%an <%ae>", head).strip()
    assert penulis == "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>"
    status = _status(palsu, head)
    assert status["periksa"][0] == "success", status
    assert status["kinerja/persetujuan"] == ("failure", "0 dari 3 persetujuan"), status
    assert "periods/2026/tw2/formulir/pemerintahan.yml" in pr.badan
    assert jobs["buat"].pemasangan == ["-m pip install --quiet ."]

    # Re-run: the branch and the pull request are reused, nothing is made twice.
    _lulus(pelari.jalankan("buat-periode.yml", kirim_manual(palsu, masukan), masukan))
    assert list(palsu.pr) == [1] and palsu.head(pr) == head


# --- a quarter, end to end ---------------------------------------------------------------------

LENGKAP = {
    "pemerintahan": ("kasi-pem", {
        "  - indikator: IK-1\n    realisasi:\n    penjelasan:\n": "  - indikator: IK-1\n"
        "    realisasi: 11\n    penjelasan: Pembinaan rutin.\n",
        "  - indikator: IK-2\n    realisasi:\n    penjelasan:\n": "  - indikator: IK-2\n"
        "    realisasi: BB\n    penjelasan: Sesuai target.\n",
        "  - program: P-1\n    realisasi:\n": "  - program: P-1\n    realisasi: Rp 40.000.000\n"}),
    "trantib": ("kasi-trantib", {
        "    realisasi:\n    penjelasan:\n": "    realisasi: 2\n    penjelasan: Sesuai target.\n"}),
}


def _bukti(teks: str) -> str:
    return teks.replace("    bukti_dukung:\n", "    bukti_dukung: https://contoh.go.id/b.pdf\n")


def usulan_fork(k: Kantor, palsu: GitHubPalsu, pr: PR, nomor: int, seksi: str,
                waktu: str) -> PR:
    """A section head with read access edits the form in GitHub's web editor: a commit in their
    fork, proposed to the period's branch as pull request ``nomor``."""
    siapa, ganti = LENGKAP[seksi]
    fork = k.tmp / f"fork-{nomor}"
    subprocess.run(["git", "clone", "-q", "-b", pr.cabang, str(k.server), str(fork)],
                   check=True)
    form = fork / f"periods/2026/tw2/formulir/{seksi}.yml"
    teks = form.read_text()
    for a, b in ganti.items():
        assert a in teks, a
        teks = teks.replace(a, b)
    form.write_text(_bukti(teks))
    k.git("commit", "-qam", f"Isi formulir {seksi}", siapa=siapa, waktu=waktu, folder=fork)
    k.git("push", "-q", str(k.server), f"HEAD:refs/pull/{nomor}/head", folder=fork)
    usul = PR(nomor, f"Isi formulir {seksi}", "patch-1", pr.cabang, f"u-{siapa}",
              fork=f"u-{siapa}/kinerja")
    palsu.pr[nomor] = usul
    palsu.segarkan_ref_pr(usul)
    return usul


def gabung_usulan(k: Kantor, palsu: GitHubPalsu, usul: PR, waktu: str) -> tuple[str, str]:
    """The Kasubbag clicks «Merge pull request» on a section's proposal: a merge commit on the
    period's branch, authored by the Kasubbag. Returns (before, after) of the branch."""
    sebelum = palsu.rev(f"refs/heads/{usul.dasar}")
    k.git("fetch", "-q", "origin")
    k.git("checkout", "-q", "-B", usul.dasar, f"origin/{usul.dasar}")
    k.git("fetch", "-q", "origin", f"refs/pull/{usul.nomor}/head")
    k.git("merge", "-q", "--no-ff", "FETCH_HEAD", "-m",
          f"Merge pull request #{usul.nomor} from {usul.fork}/{usul.cabang}", waktu=waktu)
    k.git("push", "-q", "origin", usul.dasar)
    usul.terbuka, usul.gabung = False, k.rev()
    return sebelum, k.rev()


def _setelah_push(pelari: Pelari, palsu: GitHubPalsu, pr: PR, sebelum: str,
                  sesudah: str) -> None:
    """A push to the period's branch: checked by its push run («periksa»), which brings the
    verdict from the default branch; pull_request_target judges it too."""
    jobs = pelari.jalankan("periksa.yml", dorong(f"refs/heads/{pr.cabang}", sebelum, sesudah))
    _lulus(jobs)
    assert jobs["periksa"].nama == "periksa" and jobs["periksa"].hasil == "success"
    _lulus(pelari.jalankan("persetujuan.yml", selesai("Periksa formulir", "periksa.yml",
                                                      sesudah, pr.cabang, pr, palsu)))
    _lulus(pelari.jalankan("persetujuan.yml",
                           permintaan_tarik("pull_request_target", "synchronize", pr, palsu)))


def _setujui(pelari: Pelari, palsu: GitHubPalsu, pr: PR, siapa: str, waktu: str) -> None:
    head = palsu.head(pr)
    u = Ulasan(f"u-{siapa}", "APPROVED", head, waktu)
    palsu.ulasan.setdefault(pr.nomor, []).append(u)
    relay = pelari.jalankan("ulasan.yml", ulasan(pr, u, palsu))
    _lulus(relay)
    assert relay["ulasan"].hasil == "success"
    _lulus(pelari.jalankan("persetujuan.yml",
                           selesai("Ulasan", "ulasan.yml", head, pr.cabang, pr, palsu)))


def _gabung_ke_main(k: Kantor, pelari: Pelari, cabang: str, waktu: str) -> None:
    """Another pull request (a page of the site) merged to main by the Sekcam; its push
    ratifies nothing."""
    k.git("fetch", "-q", "origin")
    k.git("checkout", "-q", "-B", cabang, "origin/main")
    (k.akar / f"{cabang}.md").write_text("Pengumuman kantor\n")
    k.git("add", "-A")
    k.git("commit", "-qm", "Pengumuman", siapa="sekcam", waktu=waktu)
    lama = k.rev("origin/main")
    k.git("checkout", "-q", "-B", "main", "origin/main")
    k.git("merge", "-q", "--no-ff", cabang, "-m", f"Merge pull request from {cabang}",
          siapa="sekcam", waktu=waktu)
    k.git("push", "-q", "origin", "main")
    terbit = pelari.jalankan("terbit.yml", dorong("refs/heads/main", lama, k.rev()),
                             hanya={"terbit"})
    _lulus(terbit)
    assert "tidak ada periode yang berubah" in terbit["terbit"].log()


def test_kuartal_pertama_di_github(github: tuple[GitHubPalsu, Kantor, Pelari]) -> None:
    palsu, k, pelari = github
    masukan = {"tahun": "2026", "periode": "tw2", "mulai": "2026-07-06"}
    _lulus(pelari.jalankan("buat-periode.yml", kirim_manual(palsu, masukan), masukan))
    pr = palsu.pr[1]

    # Each section head proposes from a fork; the proposal is checked under its own name, and a
    # relayed run about it posts no verdict (it is not the period's pull request).
    for nomor, seksi, waktu in ((2, "pemerintahan", "2026-07-06 10:00"),
                                (3, "trantib", "2026-07-06 11:00")):
        usul = usulan_fork(k, palsu, pr, nomor, seksi, waktu)
        jobs = pelari.jalankan("periksa.yml", permintaan_tarik("pull_request", "opened", usul,
                                                               palsu))
        assert jobs["periksa"].nama == "periksa (usulan)" and jobs["periksa"].hasil == "success"
        dikirim = len(palsu.status)
        _lulus(pelari.jalankan("persetujuan.yml", selesai(
            "Periksa formulir", "periksa.yml", palsu.head(usul), "patch-1", usul, palsu)))
        assert len(palsu.status) == dikirim
        sebelum, sesudah = gabung_usulan(k, palsu, usul, waktu.replace(":00", ":30"))
        _setelah_push(pelari, palsu, pr, sebelum, sesudah)
    assert _status(palsu, palsu.head(pr))["kinerja/persetujuan"][0] == "failure"

    # Mid-quarter, another pull request is merged to main; then «Update branch» (a merge by the
    # Kasubbag). The approvals that follow are neither stale nor the Kasubbag's «own change».
    _gabung_ke_main(k, pelari, "pengumuman", "2026-07-06 14:00")
    sebelum = palsu.rev(f"refs/heads/{pr.cabang}")
    k.git("checkout", "-q", "-B", pr.cabang, f"origin/{pr.cabang}")
    k.git("merge", "-q", "--no-ff", "main", "-m", "Merge branch 'main' into periode/2026-tw2",
          waktu="2026-07-06 15:00")
    k.git("push", "-q", "origin", pr.cabang)
    _setelah_push(pelari, palsu, pr, sebelum, k.rev())

    for n, siapa in enumerate(("kasubbag", "sekcam", "camat")):
        if siapa == "camat":  # one more merge to main, the period's branch not updated
            _gabung_ke_main(k, pelari, "pengumuman-2", "2026-07-07 10:00")
        _setujui(pelari, palsu, pr, siapa, f"2026-07-07T0{2 + n}:00:00Z")
        status, keterangan = _status(palsu, palsu.head(pr))["kinerja/persetujuan"]
        assert (status == "success") == (siapa == "camat"), keterangan
    assert "aturan" not in keterangan

    # The Camat's pull request is merged; a tag ruleset first refuses the tag (GH013).
    k.git("fetch", "-q", "origin")
    k.git("checkout", "-q", "-B", "main", "origin/main")
    lama = k.rev()
    k.git("merge", "-q", "--no-ff", f"origin/{pr.cabang}", "-m",
          "Merge pull request #1 from kecamatan-contoh/periode/2026-tw2", siapa="camat",
          waktu="2026-07-08 11:00")
    k.git("push", "-q", "origin", "main")
    pr.terbuka, pr.gabung = False, k.rev()
    kait = k.server / "hooks" / "pre-receive"
    kait.write_text("#!/bin/sh\nwhile read a b ref; do case $ref in refs/tags/pengesahan/*)\n"
                    "echo 'error: GH013: Repository rule violations found for '$ref'.' >&2\n"
                    "exit 1;; esac; done\n")
    kait.chmod(0o755)
    e = dorong("refs/heads/main", lama, pr.gabung)
    gagal = pelari.jalankan("terbit.yml", e, hanya={"terbit"})
    assert gagal["terbit"].hasil == "failure"
    assert "GitHub menolak tag pengesahan/2026-tw2 karena aturan tag (ruleset, GH013)" in \
        gagal["terbit"].log()
    kait.unlink()

    # The run re-run: tag, release and site; and once more, nothing made twice. The judge is
    # kinerja as it stood on main before the push.
    jobs = pelari.jalankan("terbit.yml", e)
    _lulus(jobs)
    assert [x for x in jobs["terbit"].pemasangan if x.endswith("/kinerja-sebelum")], \
        jobs["terbit"].pemasangan
    tag = palsu.git("for-each-ref", "--format=%(objecttype) %(*objectname) %(taggername) "
                    "%(taggeremail)", "refs/tags/pengesahan/2026-tw2").strip()
    assert tag == (f"tag {pr.gabung} github-actions[bot] "
                   "<41898282+github-actions[bot]@users.noreply.github.com>")
    [rilis] = palsu.rilis
    assert rilis.tag == "pengesahan/2026-tw2"
    assert [a.nama for a in rilis.aset] == ["laporan-pengukuran-kinerja-2026-tw2.pdf"]
    assert rilis.aset[0].isi.startswith(b"%PDF")
    [pages] = [a for a in jobs["situs"].artefak if a["jenis"] == "upload-pages"]
    halaman = (pages["path"] / "arsip/2026/tw2/index.html").read_text()
    assert "Disahkan" in halaman and "Camat Contoh" in halaman
    assert jobs["pages"].hasil == "success"
    _lulus(pelari.jalankan("terbit.yml", e, hanya={"terbit"}))
    assert len(palsu.rilis) == 1 and [a.nama for a in palsu.rilis[0].aset] == \
        ["laporan-pengukuran-kinerja-2026-tw2.pdf"]

    # A force-push leaves «before» out of any clone: nothing is ratified, the site is rebuilt.
    jobs = pelari.jalankan("terbit.yml", dorong("refs/heads/main", "1" * 40, pr.gabung,
                                                paksa=True))
    _lulus(jobs)
    assert "tidak ada di klon ini (force-push?)" in jobs["terbit"].log()
    assert jobs["situs"].hasil == "success"


def test_push_pertama_repositori_baru(tmp_path: Path) -> None:
    """«Use this template»: the first push has no parent and ``before`` all zeros. Nothing is
    ratified; the site is built and deployed."""
    server = server_baru(tmp_path)
    palsu = GitHubPalsu(server, AKUN)
    palsu.mulai()
    try:
        k = Kantor(tmp_path, server)
        shutil.copytree(DASAR, k.akar)
        salin_situs(k.akar)
        k.git("init", "-q", "-b", "main")
        k.git("add", "-A")
        k.git("commit", "-qm", "Initial commit")
        k.git("remote", "add", "origin", str(server))
        k.git("push", "-q", "origin", "main")
        jobs = Pelari(tmp_path / "pelari", palsu).jalankan(
            "terbit.yml", dorong("refs/heads/main", NOL, k.rev()))
        _lulus(jobs)
        assert "push pertama repositori ini" in jobs["terbit"].log()
        assert jobs["pages"].hasil == "success"
    finally:
        palsu.berhenti()
    assert palsu.galat == [], "\n".join(palsu.galat)


@pytest.mark.parametrize("gaya", ["squash", "rebase"])
def test_gaya_penggabungan(github: tuple[GitHubPalsu, Kantor, Pelari], gaya: str) -> None:
    """«Squash and merge» and «Rebase and merge» publish as a merge commit does: the pull
    request is found for the commit main now ends at, re-verified, tagged and released."""
    palsu, k, pelari = github
    k.git("checkout", "-q", "-b", "periode/2026-tw2")
    subprocess.run([str(Path(sys.executable).parent / "kinerja"), "periode", "baru", "2026",
                    "tw2", "--mulai", "2026-07-06"], cwd=k.akar, check=True, capture_output=True)
    k.git("add", "periods")
    k.git("commit", "-qm", "Buat periode", waktu="2026-07-06 09:00")
    for seksi, (siapa, ganti) in LENGKAP.items():
        form = k.akar / f"periods/2026/tw2/formulir/{seksi}.yml"
        teks = form.read_text()
        for a, b in ganti.items():
            teks = teks.replace(a, b)
        form.write_text(_bukti(teks))
        k.git("commit", "-qam", f"Isi {seksi}", siapa=siapa, waktu="2026-07-06 10:00")
    k.git("push", "-q", "origin", "periode/2026-tw2")
    pr = PR(1, "Pengukuran kinerja 2026-tw2", "periode/2026-tw2", "main", "github-actions[bot]")
    palsu.pr[1] = pr
    head = palsu.head(pr)
    palsu.ulasan[1] = [Ulasan(f"u-{s}", "APPROVED", head, f"2026-07-07T0{n + 2}:00:00Z")
                       for n, s in enumerate(("kasubbag", "sekcam", "camat"))]
    lama = k.rev("origin/main")
    k.git("checkout", "-q", "-B", "main", "origin/main")
    if gaya == "squash":
        k.git("merge", "-q", "--squash", "periode/2026-tw2")
        k.git("commit", "-qm", "Pengukuran kinerja 2026-tw2 (#1)", siapa="camat",
              waktu="2026-07-08 11:00")
    else:
        k.git("rebase", "-q", "--onto", "main", lama, "periode/2026-tw2")
        k.git("checkout", "-q", "-B", "main")
    k.git("push", "-q", "origin", "main")
    pr.terbuka, pr.gabung, pr.dasar_gabung = False, k.rev(), lama
    jobs = pelari.jalankan("terbit.yml", dorong("refs/heads/main", lama, pr.gabung),
                           hanya={"terbit"})
    _lulus(jobs)
    assert palsu.git("tag", "-l").split() == ["pengesahan/2026-tw2"]
    assert [r.tag for r in palsu.rilis] == ["pengesahan/2026-tw2"]


def test_ulasan_pr_periode_dari_fork(github: tuple[GitHubPalsu, Kantor, Pelari]) -> None:
    """A period's pull request opened from a fork: the run GitHub starts for a review names no
    pull request, and GitHub lists none for a commit that exists only in the fork; the verdict
    still reaches the head, found among the open pull requests."""
    palsu, k, pelari = github
    k.git("checkout", "-q", "-b", "periode/2026-tw2")
    subprocess.run([str(Path(sys.executable).parent / "kinerja"), "periode", "baru", "2026",
                    "tw2", "--mulai", "2026-07-06"], cwd=k.akar, check=True, capture_output=True)
    for seksi, (_, ganti) in LENGKAP.items():
        form = k.akar / f"periods/2026/tw2/formulir/{seksi}.yml"
        teks = form.read_text()
        for a, b in ganti.items():
            teks = teks.replace(a, b)
        form.write_text(_bukti(teks))
    k.git("add", "periods")
    k.git("commit", "-qm", "Periode 2026-tw2", siapa="kasi-pem", waktu="2026-07-06 10:00")
    k.git("push", "-q", "origin", "HEAD:refs/pull/1/head")
    pr = PR(1, "Pengukuran kinerja 2026-tw2", "periode/2026-tw2", "main", "u-kasi-pem",
            fork="u-kasi-pem/kinerja")
    palsu.pr[1] = pr
    palsu.segarkan_ref_pr(pr)
    for n, siapa in enumerate(("kasubbag", "sekcam", "camat")):
        _setujui(pelari, palsu, pr, siapa, f"2026-07-07T0{2 + n}:00:00Z")
    assert _status(palsu, palsu.head(pr))["kinerja/persetujuan"][0] == "success"
