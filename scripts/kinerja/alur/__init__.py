"""The SOP as a tracked workflow in plain Git: decisions as commits, status from history.

A decision (``setujui``, ``kembalikan``, ``sahkan``, ``catat``) is a commit whose trailers say
which period, which decision, in which role, and which content it refers to (a fingerprint of the
period folder). The actor is the commit's Git author, who must hold the role in ``kinerja.yml`` as
it stood when the period was created. Status is read back from those commits — never from a file
a person could edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from kinerja.baca.muat import BERKAS_PK, cari_akar, cari_periode, muat_kantor, muat_repo, tahun_tunjukan
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import Kantor, Periode, Revisi, baca_rujukan
from kinerja.inti.sop import NAMA_PERAN, sop
from kinerja.inti.temuan import Pengumpul
from kinerja.pengesahan import git, segel
from kinerja.pengesahan import riwayat as riwayat_
from kinerja.pengesahan.kepercayaan import cocok, kantor_tepercaya, kunci_ssh
from kinerja.pengesahan.persetujuan import (
    MINTA_PERUBAHAN,
    SETUJU,
    URUTAN,
    Alasan,
    Kode,
    Penulis,
    Peristiwa,
    Putusan,
    pemilik_akun,
    putuskan,
    waktu_teks,
)
from kinerja.ukur.jadwal import lama_langkah, libur_indonesia, menit_kerja

RIWAYAT = riwayat_.BERKAS
KEPUTUSAN = {"setuju": SETUJU, "sahkan": SETUJU, "kembalikan": MINTA_PERUBAHAN}


@dataclass(frozen=True)
class Konteks:
    akar: Path
    periode: Periode
    folder: str  # repo-relative
    kantor: Kantor  # as trusted when the period was created
    isi: str  # fingerprint of the period's committed content
    catatan: tuple[str, ...] = ()  # changes of roles or keys that were not trusted


def commit_pembuatan(akar: Path, folder: str) -> git.Commit:
    """The commit that created this period on this history: the latest that added its
    ``periode.yml``. A clone that carries another office's history (the sample's) has older
    commits adding the same path; they say nothing about this office."""
    dibuat = git.log(akar, "-1", "--topo-order", "--diff-filter=A", "--", f"{folder}/periode.yml")
    if not dibuat:
        raise KinerjaError(f"{folder}/periode.yml belum di-commit; commit periode ini dahulu")
    return dibuat[0]


def konteks(mulai: Path, tunjuk: str | None) -> Konteks:
    akar = cari_akar(mulai)
    if not git.repo_git(akar):
        raise KinerjaError("folder ini bukan repo Git; persetujuan dicatat sebagai commit Git")
    repo = muat_repo(akar, tahun=tahun_tunjukan(akar, tunjuk))
    periode = cari_periode(repo, tunjuk)
    folder = repo.rel(periode.folder)
    dibuat = commit_pembuatan(akar, folder)
    teks = git.tampilkan(akar, dibuat.sha, "kinerja.yml")
    temuan = Pengumpul()
    kantor = muat_kantor(akar, temuan, teks) if teks is not None else None
    if kantor is None:
        raise BerkasTidakValid(tuple(temuan.temuan)) if temuan.temuan else KinerjaError(
            "kinerja.yml tidak ada pada commit pembuatan periode")
    kantor, catatan = kantor_tepercaya(akar, dibuat.sha, kantor)
    # A ratified period's approvals are of the version it sealed: a later amendment of the PK or
    # of the rules does not un-ratify it (it is measured by its seal), nor does a change to its
    # forms (that is an error of its own, until a revision reopens it).
    ref = "HEAD"
    if periode.segel is not None and periode.segel.commit:
        try:
            git.git(akar, "cat-file", "-e", f"{periode.segel.commit}^{{commit}}")
            ref = periode.segel.commit
        except git.GitError:
            pass  # a shallow clone without that commit: judged on HEAD
    return Konteks(akar, periode, folder, kantor, isi_periode(akar, ref, folder), catatan)


def isi_periode(akar: Path, ref: str, folder: str) -> str:
    """What an approval in plain Git refers to: the period's sealed files (its forms and
    evidence; not the schedule, the cover letter's metadata, the signed scan or the record),
    the year's Perjanjian Kinerja (its targets) and the capaian rules of ``kinerja.yml``. A
    change to any of them makes earlier approvals stale; a change elsewhere (another period, a
    page of the site, an employee's phone number) does not."""
    tahun = folder.rsplit("/", 1)[0]
    pk = git.ls_tree(akar, ref, f"{tahun}/{BERKAS_PK}")
    teks = git.tampilkan(akar, ref, "kinerja.yml")
    kantor = muat_kantor(akar, Pengumpul(), teks) if teks is not None else None
    # The rules as data (comments and layout do not matter); an unreadable file counts whole.
    aturan = repr(kantor.capaian) if kantor is not None else repr(teks)
    isi = [b for b in git.ls_tree(akar, ref, folder).splitlines()
           if segel.tersegel(b.rsplit("\t", 1)[-1].removeprefix(folder + "/"))]
    return git.sidik("\n".join(isi), pk, aturan)


def _keputusan(k: Konteks) -> list[git.Commit]:
    """This period's decision commits in history's order (parents before children), whatever
    the clocks of the PCs that made them said — since its latest revision, which reopens the
    period and asks for all three approvals again."""
    semua = [c for c in git.log(k.akar, "--topo-order", "--reverse")
             if c.trailer.get("Kinerja-Periode") == k.periode.id]
    revisi = [c for c in semua if c.trailer.get("Kinerja-Keputusan") == "revisi"]
    sah = _revisi_sah(k, revisi)
    buka = max((i for i, c in enumerate(semua) if c.sha in sah), default=-1)
    return semua[buka + 1:]


def _revisi_sah(k: Konteks, revisi: list[git.Commit]) -> set[str]:
    """A revision counts only as ``kinerja revisi`` makes it: by the Camat or the Kasubbag
    Perencanaan (signed where signatures are required), writing the period's record. An empty
    commit carrying the trailer would otherwise wipe every standing approval."""
    if not revisi:
        return set()
    berkas = git.berkas_commit(k.akar, [c.sha for c in revisi])
    calon = []
    for c in revisi:
        orang = pemilik_akun(k.kantor, c.email, "git")
        if orang is not None and {"camat", "kasubbag-perencanaan"} & set(orang.peran) and \
                f"{k.folder}/{RIWAYAT}" in berkas.get(c.sha, []):
            calon.append(c)
    if k.kantor.tanda_tangan_wajib:
        salah = _tanda_tangan_salah(k, calon)
        calon = [c for c in calon if c.sha not in salah]
    return {c.sha for c in calon}


def peristiwa(k: Konteks) -> list[Peristiwa]:
    return _peristiwa(k)[0]


def _peristiwa(k: Konteks) -> tuple[list[Peristiwa], list[Alasan]]:
    """Decision events, and why any decision commit was not counted (it also changed the
    period's content, or is unsigned or signed with a key not the author's)."""
    keputusan = [c for c in _keputusan(k)
                 if KEPUTUSAN.get(c.trailer.get("Kinerja-Keputusan", "")) is not None]
    ditolak: dict[str, str] = {}
    for sha, berkas in git.berkas_commit(k.akar, [c.sha for c in keputusan]).items():
        ubah = [b for b in berkas if _dalam_lingkup(k, b)]
        if ubah:
            ditolak[sha] = (f"keputusan pada commit {sha[:8]} tidak dihitung: commit itu juga "
                            f"mengubah {', '.join(ubah[:3])}; keputusan harus commit tersendiri "
                            "(kinerja setujui/kembalikan/sahkan), sesudah perubahan di-commit")
    if k.kantor.tanda_tangan_wajib:
        ditolak |= _tanda_tangan_salah(k, [c for c in keputusan if c.sha not in ditolak])
    hasil = [Peristiwa(c.email, KEPUTUSAN[c.trailer["Kinerja-Keputusan"]],
                       c.trailer.get("Kinerja-Isi"), c.waktu, c.trailer.get("Kinerja-Alasan", ""),
                       urutan=i, bukti=c.sha)
             for i, c in enumerate(keputusan) if c.sha not in ditolak]
    return hasil, [Alasan(Kode.TIDAK_DIHITUNG, teks=t) for t in (*k.catatan, *ditolak.values())]


def _lingkup(k: Konteks) -> tuple[str, ...]:
    """Where the paths whose change makes an approval stale lie (see ``isi_periode``)."""
    return (k.folder, f"{k.folder.rsplit('/', 1)[0]}/{BERKAS_PK}", "kinerja.yml")


def _dalam_lingkup(k: Konteks, b: str) -> bool:
    if b.startswith(k.folder + "/"):
        return segel.tersegel(b.removeprefix(k.folder + "/"))
    return b in _lingkup(k)[1:]


def _tanda_tangan_salah(k: Konteks, keputusan: list[git.Commit]) -> dict[str, str]:
    """Decision commits whose signature is missing or not the author's key in kinerja.yml (as it
    stood when the period was created)."""
    periksa = git.tanda_tangan(k.akar, [c.sha for c in keputusan], kunci_ssh(k.kantor))
    salah = {}
    for c in keputusan:
        orang = pemilik_akun(k.kantor, c.email, "git")
        tt = periksa.get(c.sha)
        if orang is None or tt is None:
            continue  # not a reviewer at all: the verdict already says so
        if cocok(orang, tt, c.email):
            continue
        sebab = ("tidak bertanda tangan" if tt.status == "N" else
                 "tanda tangannya rusak" if tt.status == "B" else
                 f"tidak ditandatangani dengan kunci {orang.nama} yang tercantum di kinerja.yml")
        salah[c.sha] = (f"keputusan {c.sha[:8]} oleh {orang.nama} tidak dihitung: commit {sebab} "
                        "(persetujuan.tanda_tangan: wajib)")
    return salah


def penulis_terakhir(k: Konteks) -> Penulis:
    """The author of the last change to the period's forms — decision trailer or not: a commit
    that changes a form and also claims to approve is a change by its author."""
    for c in git.log(k.akar, "--topo-order", "--", k.folder, f":(exclude){k.folder}/{RIWAYAT}",
                     f":(exclude){k.folder}/periode.yml", f":(exclude){k.folder}/arsip"):
        return Penulis(frozenset({c.email}), frozenset({c.email}))
    return Penulis()


def _mendahului(k: Konteks) -> Callable[[Peristiwa, Peristiwa], bool]:
    """Decision ``a`` came before ``b`` when ``a``'s commit is an ancestor of ``b``'s (of HEAD
    for a decision about to be committed). Parallel branches are not an order."""
    def mendahului(a: Peristiwa, b: Peristiwa) -> bool:
        if a.bukti is None:
            return False
        try:
            git.git(k.akar, "merge-base", "--is-ancestor", a.bukti, b.bukti or "HEAD")
        except git.GitError:
            return False
        return a.bukti != b.bukti

    return mendahului


def putusan(k: Konteks) -> Putusan:
    semua, ditolak = _peristiwa(k)
    return putuskan(semua, kantor_dasar=k.kantor, head=k.isi, penulis=penulis_terakhir(k),
                    sumber="git", tambahan=ditolak, mendahului=_mendahului(k))


@dataclass(frozen=True)
class HasilKeputusan:
    commit: str | None  # None: nothing recorded, it was already so
    tag: str | None
    putusan: Putusan
    sudah: str = ""  # why nothing was recorded (already approved, already ratified)


def _sudah(k: Konteks, sekarang: Putusan, keputusan: str, sebagai: str,
           email: str) -> str:
    """What makes this decision already done: the same person's standing approval of the same
    content for the same role (and, for the ratification, its tag)."""
    if keputusan == "kembalikan":
        return ""
    for s in sekarang.disetujui:
        if s.peran == sebagai and s.peristiwa.akun.lower() == email.lower():
            kapan = waktu_teks(s.peristiwa.waktu)
            if keputusan == "sahkan":
                return (f"periode {k.periode.id} sudah disahkan oleh {s.pegawai.nama} pada "
                        f"{kapan} (tag pengesahan/{k.periode.id}); tidak ada yang dicatat ulang")
            return (f"{NAMA_PERAN[sebagai]} {s.pegawai.nama} sudah menyetujui versi ini pada "
                    f"{kapan}; tidak ada yang dicatat ulang")
    return ""


def putuskan_lokal(mulai: Path, tunjuk: str | None, keputusan: str, sebagai: str,
                   alasan: str = "") -> HasilKeputusan:
    """Record one decision as a commit. Atomic (all of it is recorded, or nothing, and the work
    tree is as it was) and idempotent (a repeat says it is already done)."""
    k = konteks(mulai, tunjuk)
    nama, email, waktu = git.identitas(k.akar)
    orang = pemilik_akun(k.kantor, email, "git")
    nama_peran = NAMA_PERAN[sebagai]
    if orang is None or sebagai not in orang.peran:
        raise KinerjaError(
            f"penulis Git {nama} <{email}> bukan {nama_peran} menurut kinerja.yml saat periode "
            f"dibuat; keputusan ini harus di-commit oleh {nama_peran} dengan surelnya yang "
            "tercantum (git config user.email)")
    if git.git(k.akar, "status", "--porcelain", "--", *_lingkup(k)).strip():
        raise KinerjaError(f"ada perubahan yang belum di-commit di {k.folder}, Perjanjian Kinerja, "
                           "atau kinerja.yml; commit dahulu agar keputusan merujuk isi yang tercatat")
    if git.ada_yang_distage(k.akar):
        raise KinerjaError("ada berkas yang sudah di-stage (git add) tetapi belum di-commit; "
                           "commit atau batalkan dahulu («git restore --staged .») agar commit "
                           "keputusan tidak ikut membawanya")
    sekarang = putusan(k)
    sudah = _sudah(k, sekarang, keputusan, sebagai, email)
    if sudah:
        return HasilKeputusan(None, None, sekarang, sudah)
    tag = riwayat_.nama_tag(k.periode.id, k.periode.versi)
    if keputusan == "sahkan" and git.tag_ada(k.akar, tag):
        raise KinerjaError(f"periode {k.periode.id} sudah pernah disahkan (tag {tag}) dan isinya "
                           "berubah sesudahnya; pengesahan ulang harus melalui revisi yang "
                           "tercatat, bukan menimpa pengesahan lama")
    if keputusan in ("setuju", "sahkan"):
        _harus_lengkap(k)
        if email.lower() in {a.lower() for a in penulis_terakhir(k).akun}:
            raise KinerjaError(f"{nama} adalah penulis perubahan terakhir di {k.folder}; "
                               f"{nama_peran} tidak boleh menyetujui perubahannya sendiri. Bila ia "
                               "juga mengisi formulir seksinya, minta staf seksi itu yang "
                               "meng-commit isiannya")
        sebelum = URUTAN[: URUTAN.index(sebagai)]
        sudah_ada = {p.peran for p in sekarang.disetujui}
        kurang = [p for p in sebelum if p not in sudah_ada]
        if kurang:
            raise KinerjaError(f"{nama_peran} baru dapat menyetujui setelah "
                               f"{NAMA_PERAN[kurang[0]]}: " + "; ".join(sekarang.pesan))
    elif not alasan.strip():
        raise KinerjaError("tulis alasan pengembalian dengan --alasan agar seksi tahu apa yang "
                           "harus diperbaiki")
    judul = {"setuju": f"Setujui pengukuran kinerja {k.periode.id} ({nama_peran})",
             "sahkan": f"Sahkan pengukuran kinerja {k.periode.id}",
             "kembalikan": f"Kembalikan pengukuran kinerja {k.periode.id} ({nama_peran})"}[keputusan]
    trailer = [f"Kinerja-Periode: {k.periode.id}", f"Kinerja-Keputusan: {keputusan}",
               f"Kinerja-Peran: {sebagai}", f"Kinerja-Isi: {k.isi}"]
    if alasan.strip():
        trailer.append("Kinerja-Alasan: " + " ".join(alasan.split()))
    badan = f"\n\nAlasan: {alasan.strip()}" if alasan.strip() else ""
    pesan = f"{judul}{badan}\n\n" + "\n".join(trailer) + "\n"
    if keputusan != "sahkan":
        sha = _commit_keputusan(k, pesan)
        return HasilKeputusan(sha, None, putusan(konteks(mulai, tunjuk)))
    semua, _ = _peristiwa(k)
    calon = putuskan([*semua, Peristiwa(email, SETUJU, k.isi, waktu, urutan=len(semua) + 1)],
                     kantor_dasar=k.kantor, head=k.isi, penulis=penulis_terakhir(k),
                     sumber="git", mendahului=_mendahului(k))
    if not calon.lulus:
        raise KinerjaError("belum dapat disahkan: " + "; ".join(calon.pesan))
    _sahkan(k, pesan, tag, calon, nama)
    return HasilKeputusan(git.git(k.akar, "rev-parse", "HEAD").strip(), tag,
                          putusan(konteks(mulai, tunjuk)))


def _sahkan(k: Konteks, pesan: str, tag: str, calon: Putusan, nama: str) -> None:
    """The ratification: record, commit and tag, all or nothing. The work tree held no change
    to the period (checked above), so undoing means removing only what this wrote."""
    repo = muat_repo(k.akar, tahun={k.periode.tahun})
    tahun = repo.tahun[k.periode.tahun]
    if repo.kantor is None or tahun.pk is None:
        raise KinerjaError("kinerja.yml atau Perjanjian Kinerja tidak dapat dibaca; periksa dahulu")
    # What is sealed: the files as committed now (the work tree held no change to them) and the
    # targets and rules in force now, which the figures were computed with.
    s = segel.buat(repo.kantor, tahun.pk, k.periode.folder,
                   git.git(k.akar, "rev-parse", "HEAD").strip(), tahun.renaksi)
    path = k.periode.folder / RIWAYAT
    sebelum = path.read_bytes() if path.is_file() else None
    isi = riwayat_.teks(k.periode.id, "git", calon, s, versi=k.periode.versi,
                        revisi=k.periode.revisi)
    path.write_text(isi, encoding="utf-8")
    ada_commit = False
    try:
        _commit_keputusan(k, pesan, berkas=(f"{k.folder}/{RIWAYAT}",))
        ada_commit = True
        git.tag(k.akar, tag, riwayat_.pesan_tag(
            f"Pengesahan pengukuran kinerja {k.periode.nama} oleh {nama}", isi),
                tanda_tangan=k.kantor.tanda_tangan_wajib)
    except BaseException:
        if ada_commit:
            git.batalkan_commit_terakhir(k.akar)
        git.git(k.akar, "reset", "--quiet", "--", f"{k.folder}/{RIWAYAT}")
        if sebelum is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(sebelum)
        raise


def revisi(mulai: Path, tunjuk: str | None, alasan: str, nomor: str | None) -> HasilKeputusan:
    """Reopen a ratified period as its next version, for a recorded reason: the record keeps the
    version that was ratified (when, by whom, its digest) with the reason and reference number,
    and the three approvals are needed again, in order."""
    k = konteks(mulai, tunjuk)
    nama, email, waktu = git.identitas(k.akar)
    orang = pemilik_akun(k.kantor, email, "git")
    if orang is None or not {"camat", "kasubbag-perencanaan"} & set(orang.peran):
        raise KinerjaError(f"penulis Git {nama} <{email}> bukan Camat atau Kasubbag Perencanaan "
                           "menurut kinerja.yml; revisi dibuka oleh salah satunya")
    if not alasan.strip():
        raise KinerjaError("tulis alasan revisi dengan --alasan; alasan itu tercatat dan tampil "
                           "di laporan serta arsip publik")
    p = k.periode
    if p.segel is None:
        raise KinerjaError(f"periode {p.id} belum disahkan; perbaiki isiannya langsung, tanpa "
                           "revisi")
    if git.ada_yang_distage(k.akar) or git.git(
            k.akar, "status", "--porcelain", "--", f"{k.folder}/{RIWAYAT}").strip():
        raise KinerjaError(f"ada perubahan yang belum di-commit pada {k.folder}/{RIWAYAT} atau "
                           "berkas yang sudah di-stage; commit atau batalkan dahulu")
    camat = next((c for c in p.riwayat if c.peran == "camat"), None)
    lama = Revisi(p.versi, p.segel.disahkan, camat.nama if camat else "",
                  riwayat_.sidik_versi(p.segel), " ".join(alasan.split()),
                  " ".join(nomor.split()) if nomor and nomor.strip() else None, waktu,
                  p.segel.commit)
    isi = riwayat_.teks(p.id, "git", Putusan(False, ()), versi=p.versi + 1,
                        revisi=(*p.revisi, lama))
    path = p.folder / RIWAYAT
    sebelum = path.read_bytes()
    path.write_text(isi, encoding="utf-8")
    trailer = [f"Kinerja-Periode: {p.id}", "Kinerja-Keputusan: revisi",
               f"Kinerja-Versi: {p.versi + 1}", "Kinerja-Alasan: " + lama.alasan]
    pesan = (f"Buka revisi ke-{p.versi} pengukuran kinerja {p.id}\n\nAlasan: {lama.alasan}"
             + (f"\nNomor: {lama.nomor}" if lama.nomor else "") + "\n\n" + "\n".join(trailer) + "\n")
    try:
        sha = git.commit(k.akar, pesan, kosong=False, berkas=(f"{k.folder}/{RIWAYAT}",),
                         tanda_tangan=k.kantor.tanda_tangan_wajib)
    except BaseException:
        git.git(k.akar, "reset", "--quiet", "--", f"{k.folder}/{RIWAYAT}")
        path.write_bytes(sebelum)
        raise
    return HasilKeputusan(sha, None, putusan(konteks(mulai, tunjuk)))


_CARA_TANDA_TANGAN = (
    "atur penandatanganan commit dengan kunci yang tercantum di kinerja.yml, misalnya "
    "«git config gpg.format ssh» dan «git config user.signingkey ~/.ssh/id_ed25519.pub»")


def _commit_keputusan(k: Konteks, pesan: str, berkas: tuple[str, ...] = ()) -> str:
    """The decision commit; where kinerja.yml asks for it, signed with the person's own listed
    key — checked right after, and undone if it would not count."""
    if not k.kantor.tanda_tangan_wajib:
        return git.commit(k.akar, pesan, kosong=not berkas, berkas=berkas)
    try:
        sha = git.commit(k.akar, pesan, kosong=not berkas, berkas=berkas, tanda_tangan=True)
    except git.GitError as e:
        raise KinerjaError(f"commit keputusan tidak dapat ditandatangani ({e}); "
                           f"{_CARA_TANDA_TANGAN}") from e
    commit = next(c for c in git.log(k.akar, "-1", sha))
    salah = _tanda_tangan_salah(k, [commit])
    if salah:
        git.batalkan_commit_terakhir(k.akar)
        raise KinerjaError(f"{salah[sha]}; commit dibatalkan — {_CARA_TANDA_TANGAN}")
    return sha


def _harus_lengkap(k: Konteks) -> None:
    from kinerja.periksa import penghalang, periksa_repo

    repo = muat_repo(k.akar, tahun={k.periode.tahun})
    periode = repo.periode(k.periode.tahun, k.periode.kode)
    periksa_repo(repo, lengkap=True, hanya=periode)
    galat = penghalang(repo.temuan.temuan, tahun=k.periode.tahun, folder=k.folder)
    if galat:
        raise BerkasTidakValid(galat)


def _sebelum_periode(mulai: Path, tunjuk: str | None) -> tuple[Path, str, Kantor]:
    """Steps 1–2 (the orders) come before the period exists: the office as committed now."""
    akar = cari_akar(mulai)
    if baca_rujukan(tunjuk or "") is None:
        raise KinerjaError("sebelum periode dibuat, tulis periodenya sebagai TAHUN-PERIODE, "
                           "misalnya 2026-tw4")
    teks = git.tampilkan(akar, "HEAD", "kinerja.yml")
    temuan = Pengumpul()
    kantor = muat_kantor(akar, temuan, teks) if teks is not None else None
    if kantor is None:
        raise KinerjaError("kinerja.yml belum di-commit; commit dahulu")
    return akar, tunjuk or "", kantor


def catat(mulai: Path, tunjuk: str | None, langkah: int, catatan: str = "") -> str:
    """Record an SOP step that happens outside Git (orders, letters, archiving)."""
    ls = next((x for x in sop().langkah if x.nomor == langkah), None)
    if ls is None or langkah in (3, 6, 7, 8):
        raise KinerjaError("langkah yang dicatat dengan «catat»: 1, 2, 4, 5, 9, 10; langkah 3 "
                           "tercatat saat periode di-commit, 6–8 dengan setujui/sahkan")
    try:
        k = konteks(mulai, tunjuk)
        akar, pid, kantor, isi = k.akar, k.periode.id, k.kantor, k.isi
    except KinerjaError:
        if langkah not in (1, 2):
            raise
        akar, pid, kantor = _sebelum_periode(mulai, tunjuk)
        isi = "-"
    nama, email = git.penulis(akar)
    orang = pemilik_akun(kantor, email, "git")
    pelaksana = set(ls.pelaksana)
    if pelaksana == {"pelaksana"} and not kantor.pemegang("pelaksana"):
        # A small office without staff: the Kasubbag Perencanaan compiles the draft herself.
        pelaksana.add("kasubbag-perencanaan")
    if orang is None or not set(orang.peran) & pelaksana:
        raise KinerjaError(f"langkah {langkah} dilaksanakan oleh {ls.nama_pelaksana}; penulis Git "
                           f"{nama} <{email}> tidak memegang peran itu di kinerja.yml")
    trailer = [f"Kinerja-Periode: {pid}", "Kinerja-Keputusan: langkah",
               f"Kinerja-Langkah: {langkah}", f"Kinerja-Isi: {isi}"]
    badan = f"\n\n{catatan.strip()}" if catatan.strip() else ""
    return git.commit(akar, f"Langkah {langkah} SOP {pid}: {ls.uraian}{badan}\n\n"
                      + "\n".join(trailer) + "\n", kosong=True)


# --- status ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StatusLangkah:
    nomor: int
    uraian: str
    pelaksana: str
    selesai: datetime | None
    oleh: str | None
    menit: int | None  # working minutes since the previous step finished
    baku: int  # the SOP's standard time, in working minutes
    catatan: str = ""

    @property
    def tepat_waktu(self) -> bool | None:
        return None if self.menit is None else self.menit <= self.baku


@dataclass(frozen=True)
class StatusPeriode:
    periode: str
    langkah: tuple[StatusLangkah, ...]
    putusan: Putusan


def status(mulai: Path, tunjuk: str | None, putusan_forge: Putusan | None = None) -> StatusPeriode:
    k = konteks(mulai, tunjuk)
    semua = _keputusan(k)
    dibuat = commit_pembuatan(k.akar, k.folder)
    p = putusan_forge or putusan(k)
    def siapa(c: git.Commit) -> str:
        # People as kinerja.yml names them: Git strips a trailing dot from author names
        # ("S.Sos" for "S.Sos."), and an account name is not a person's name.
        orang = next((x for x in k.kantor.pegawai
                      if x.email and x.email.lower() == c.email.lower()), None)
        return orang.nama if orang is not None else c.nama

    kapan: dict[int, tuple[datetime, str, str]] = {}
    for c in semua:
        if c.trailer.get("Kinerja-Keputusan") == "langkah":
            langkah = c.trailer.get("Kinerja-Langkah", "")
            if re.fullmatch(r"[0-9]{1,2}", langkah):  # anything else was not written by kinerja
                kapan.setdefault(int(langkah), (c.waktu, siapa(c), ""))
    kapan[3] = (dibuat.waktu, siapa(dibuat), "periode di-commit")
    keputusan_pertama = next((c for c in semua if c.trailer.get("Kinerja-Keputusan") in KEPUTUSAN),
                             None)
    isi = [c for c in git.log(k.akar, "--reverse", "--", f"{k.folder}/formulir")
           if "Kinerja-Keputusan" not in c.trailer]
    if keputusan_pertama is not None:
        isi = [c for c in isi if c.waktu <= keputusan_pertama.waktu]
        if 4 not in kapan and isi:
            kapan[4] = (isi[-1].waktu, siapa(isi[-1]), "isian terakhir sebelum pemeriksaan")
        if 5 not in kapan and isi:
            kapan[5] = (keputusan_pertama.waktu, siapa(keputusan_pertama),
                        "disimpulkan: draf diserahkan untuk diperiksa")
    elif 4 not in kapan and isi and _lengkap(k):
        kapan[4] = (isi[-1].waktu, siapa(isi[-1]), "semua formulir lengkap")
    for s, nomor in zip(p.disetujui, (6, 7, 8), strict=False):
        kapan[nomor] = (s.peristiwa.waktu, s.pegawai.nama, "disetujui" if nomor < 8 else "disahkan")
    kembali = [e for e in peristiwa(k) if e.aksi == MINTA_PERUBAHAN]
    tahun = {dibuat.waktu.year, datetime.now().year}
    libur = libur_indonesia(tahun | {t + 1 for t in tahun})
    jam = k.kantor.jam_kerja
    zona = k.kantor.zona  # every moment read on the office's clock, whatever the commit's
    sebelumnya: datetime | None = (datetime.combine(k.periode.mulai, time(*jam.mulai))
                                   .replace(tzinfo=zona) if k.periode.mulai else None)
    hasil = []
    for ls in sop().langkah:
        selesai, oleh, cat = kapan.get(ls.nomor, (None, None, ""))
        if ls.nomor in (6, 7) and selesai is None and kembali:
            cat = (f"dikembalikan {len(kembali)} kali, terakhir "
                   f"{waktu_teks(kembali[-1].waktu.astimezone(zona))}")
        menit = None
        if selesai is not None:
            selesai = selesai.astimezone(zona)
        if selesai is not None and sebelumnya is not None:
            menit = menit_kerja(_lokal(sebelumnya), _lokal(selesai), jam, libur)
        hasil.append(StatusLangkah(ls.nomor, ls.uraian, ls.nama_pelaksana, selesai, oleh, menit,
                                   lama_langkah(ls, jam), cat))
        if selesai is not None:
            sebelumnya = selesai
    return StatusPeriode(k.periode.id, tuple(hasil), p)


def _lokal(t: datetime) -> datetime:
    """Wall-clock time on the office's clock (``t`` is already in its zone)."""
    return t.replace(tzinfo=None)


def _lengkap(k: Konteks) -> bool:
    try:
        _harus_lengkap(k)
    except BerkasTidakValid:
        return False
    return True

