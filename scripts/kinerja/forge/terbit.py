"""`kinerja terbit`: after a push to main, the merged pull request's approvals become the
ratification tag ``pengesahan/<periode>`` — re-verified first, with the office and the tool as
they stood before the push — and the final documents are rendered for the release.

Safe to re-run: a tag already made for this very commit is kept, never made again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from kinerja.baca.muat import cari_akar
from kinerja.dokumen import laporan, render, surat
from kinerja.forge import forge as forge_
from kinerja.forge import rilis as rilis_
from kinerja.forge.dasar import Forge
from kinerja.forge.http import Ambil, butir, jawab
from kinerja.forge.penguji import PengujiGitHub
from kinerja.forge.persetujuan import klien, putusan_forge
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import CatatanPersetujuan, Keadaan
from kinerja.layanan import potret
from kinerja.pengesahan import catatan as ct
from kinerja.pengesahan import git
from kinerja.pengesahan.putusan import Putusan, periksa_jalur

# The identity GitHub's own Actions bot commits with: a hosted runner has none of its own.
BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


@beku
class HasilTerbit:
    putusan: Putusan | None  # None: the push changed no period (nothing to ratify)
    periode: tuple[str, ...]
    tag: tuple[str, ...]  # pengesahan/<periode> tags made now (to push), none on a re-run
    berkas: tuple[Path, ...]  # the final PDFs rendered for the release
    rilis: str = ""  # the tag of the version published by this push (made now or on a first run)
    catatan: str = ""  # why nothing was ratified, when that is worth saying
    diunggah: rilis_.HasilRilis | None = None  # the release, when pushed to GitHub


def pr_digabung(ambil: Ambil, proyek: str, sha: str, *, coba: int = 4,
                tunggu: Callable[[float], None] | None = None) -> int | None:
    """The pull request whose merge made ``sha``, whatever the merge style (merge commit,
    squash, rebase): GitHub lists it for the commit. Right after a merge the list can still be
    empty, so ask again a few times before concluding there is none."""
    tidur = tunggu or time.sleep
    path = f"/repos/{proyek}/commits/{sha}/pulls"
    for n in range(coba):
        for pr in butir(jawab(ambil, path)):
            if pr.teks_atau("merged_at"):
                return pr.bilangan("number")
        if n + 1 < coba:
            tidur(2.0 * 2**n)
    return None


def _sebelum(akar: Path, sha: str, sebelum: str | None) -> str | None:
    """The tip of main before this push, in this clone (None: there is none to compare with —
    the repository's first push, or a force-push that left it out of the clone)."""
    if not sebelum or set(sebelum) == {"0"}:
        return git.rev(akar, f"{sha}^1")  # the first push of a branch: its parent, if any
    return git.rev(akar, sebelum)


def _identitas(akar: Path) -> tuple[str, str] | None:
    """None where Git has an identity; the bot's where it has none (a hosted runner)."""
    try:
        git.git(akar, "var", "GIT_COMMITTER_IDENT")
    except git.GitError:
        return BOT
    return None


def terbitkan(mulai: Path, *, forge: str, proyek: str | None, api: str | None,
              sebelum: str | None, env: Mapping[str, str], ambil: Ambil | None = None,
              tunggu: Callable[[float], None] | None = None, pdf: bool = True,
              dorong: bool = False) -> HasilTerbit:
    """Ratify what the push merged, if anything: the tag made (and, with ``dorong``, pushed to
    GitHub with a release of the final PDFs)."""
    hasil = _terbitkan(mulai, forge=forge, proyek=proyek, api=api, sebelum=sebelum, env=env,
                       ambil=ambil, tunggu=tunggu, pdf=pdf)
    if dorong and hasil.rilis:
        akar = cari_akar(mulai)
        proyek = proyek or env.get("GITHUB_REPOSITORY") or ""
        rilis_.dorong_tag(akar, hasil.rilis, env)
        pid = hasil.periode[0]
        versi = hasil.rilis.rpartition("-v")[2] if "-v" in hasil.rilis else ""
        hasil = replace(hasil, diunggah=rilis_.rilis(
            klien(forge_(forge), api, env), proyek, hasil.rilis,
            f"Pengukuran kinerja {pid}" + (f" versi {versi}" if versi else ""),
            f"Laporan pengukuran kinerja {pid} yang telah disahkan Camat, dengan riwayat "
            f"persetujuannya di tag {hasil.rilis}.", hasil.berkas))
    return hasil


def _terbitkan(mulai: Path, *, forge: str, proyek: str | None, api: str | None,
               sebelum: str | None, env: Mapping[str, str], ambil: Ambil | None,
               tunggu: Callable[[float], None] | None, pdf: bool) -> HasilTerbit:
    f = forge_(forge)
    if f.nama != "github":
        raise KinerjaError("terbit otomatis baru tersedia untuk GitHub; di Gitea/Forgejo dan "
                           "GitLab, Camat mengesahkan dengan «kinerja sahkan» (lihat README)")
    akar = cari_akar(mulai)
    sha = git.git(akar, "rev-parse", "HEAD").strip()
    dasar = _sebelum(akar, sha, sebelum)
    if dasar is None:
        sebab = ("push pertama repositori ini" if not sebelum or set(sebelum) == {"0"} else
                 f"commit sebelum push ({sebelum[:12]}) tidak ada di klon ini (force-push?)")
        return HasilTerbit(None, (), (), (), catatan=f"{sebab}: tidak ada pull request yang "
                           "disahkan; arsip tetap dibangun ulang")
    berubah = git.git(akar, "diff", "--name-only", "-z", dasar, sha).split("\x00")
    jalur = periksa_jalur(j for j in berubah if j)
    if jalur.periode is None:
        return HasilTerbit(None, (), (), ())
    proyek = proyek or env.get("GITHUB_REPOSITORY")
    if not proyek:
        raise KinerjaError("proyek tidak diketahui; beri --proyek owner/nama")
    ambil = ambil or klien(f, api, env)
    nomor = pr_digabung(ambil, proyek, sha, tunggu=tunggu)
    if nomor is None:
        raise KinerjaError(f"push {sha[:7]} mengubah periode {jalur.periode} tanpa pull request "
                           "yang digabung; periode hanya disahkan lewat pull request dengan "
                           "tiga persetujuan. Tidak ada yang diterbitkan")
    data = f.tarik(ambil, proyek, nomor)
    # Re-verified here with the office as it stood before the push: a status that a workflow
    # of the pull request itself posted cannot publish a ratification that does not hold.
    p = putusan_forge(akar, f, data, dasar, ambil, proyek)
    if not p.lulus or p.periode is None:
        raise KinerjaError(f"pull request #{nomor} digabung tanpa persetujuan lengkap: "
                           + "; ".join(p.pesan) + ". Tidak ada yang diterbitkan")
    return _tandai(akar, f, p, nomor, data.judul, sha, dasar, pdf=pdf,
                   penguji=PengujiGitHub(akar, ambil, proyek))


def _tandai(akar: Path, f: Forge, p: Putusan, nomor: int, judul: str, sha: str, dasar: str, *,
            pdf: bool, penguji: PengujiGitHub) -> HasilTerbit:
    assert p.periode is not None
    pid = p.periode
    pt = potret(akar, tahun={int(pid[:4])}, hanya=(), forge=penguji)
    periode = pt.cari(pid)
    bukti, _ = pt.riwayat().bukti(periode.tempat)
    versi = len(bukti) + 1
    if bukti and bukti[-1].commit == sha:
        versi -= 1  # a re-run of this very publication
    tag = ct.nama_tag(pid, versi)
    dibuat: list[str] = []
    ada = git.rev(akar, f"refs/tags/{tag}") if git.tag_ada(akar, tag) else None
    if ada != sha:
        if ada is not None:
            raise KinerjaError(f"tag {tag} sudah ada dan menunjuk commit lain ({ada[:8]}); hapus "
                               "tag yang bukan pengesahan itu, lalu jalankan ulang alur ini")
        setuju = tuple(CatatanPersetujuan(s.peran, s.pegawai.nama, s.peristiwa.akun,
                                          s.peristiwa.commit or "", s.peristiwa.waktu)
                       for s in p.disetujui)
        rekam = pt.riwayat().catatan_forge(periode.tempat, versi, sha, f.nama, nomor, setuju, judul,
                                           bukti[: versi - 1], dasar)
        git.tag_baru(akar, tag, sha, ct.pesan_tag(
            f"Pengesahan pengukuran kinerja {pid}: pull request #{nomor}", ct.teks(rekam)),
            penanda=_identitas(akar))
        dibuat.append(tag)
    berkas: list[Path] = []
    if pdf:
        berkas = _dokumen(akar, pid, penguji)
    return HasilTerbit(p, (pid,), tuple(dibuat), tuple(berkas), tag)


def _dokumen(akar: Path, pid: str, penguji: PengujiGitHub) -> list[Path]:
    """The final report (and cover letter, once numbered) of the version just tagged, measured
    by its seal — which the forge, asked again, must prove."""
    pt = potret(akar, tahun={int(pid[:4])}, hanya={pid}, forge=penguji)
    p = pt.cari(pid)
    if p.pengesahan.keadaan is not Keadaan.DISAHKAN:
        raise KinerjaError(f"tag pengesahan {pid} dibuat tetapi tidak terbukti saat dibaca ulang "
                           f"({p.pengesahan.sebab or p.pengesahan.keadaan.value}); PDF tidak dibuat")
    hasil = []
    with render.Pandoc("laporan") as proses:
        hasil.append(laporan.buat(pt, p, proses, draf=False).pdf)
    if p.surat.nomor:
        hasil.append(surat.buat_surat(pt, p, draf=False).pdf)
    return hasil
