"""``kinerja revisi``: reopen a ratified period as its next version, for a recorded reason; and
``kinerja catat``: an SOP step done outside Git (orders, letters, archiving), as a commit."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kinerja.alur import tulis
from kinerja.alur.keputusan import HasilKeputusan, muat, putusan
from kinerja.alur.persetujuan import putusan_jujur
from kinerja.baca.kantor import muat_kantor
from kinerja.baca.muat import cari_akar, rujukan_periode
from kinerja.inti import tata
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import Kantor, Keadaan, Periode, Revisi
from kinerja.inti.sop import sop
from kinerja.layanan import Potret
from kinerja.pengesahan import catatan as ct
from kinerja.pengesahan import git, trailer
from kinerja.pengesahan.putusan import pemilik_akun
from kinerja.pengesahan.sejarah import Konteks
from kinerja.pengesahan.trailer import Jenis


def revisi(mulai: Path, tunjuk: str | None, alasan: str, nomor: str | None) -> HasilKeputusan:
    """The record keeps the version that was ratified (when, by whom, its digest) with the reason
    and reference number, and the three approvals are needed again, in order."""
    akar = cari_akar(mulai)
    with git.kunci(akar, "revisi"), tulis.tak_terputus():
        pt, p, k = muat(mulai, tunjuk, lengkap=False)
        nama, email, waktu = git.identitas(akar)
        orang = pemilik_akun(k.kantor, email, "git")
        if orang is None or not {"camat", "kasubbag-perencanaan"} & set(orang.peran):
            raise KinerjaError(f"penulis Git {nama} <{email}> bukan Camat atau Kasubbag "
                               "Perencanaan menurut kinerja.yml; revisi dibuka oleh salah satunya")
        if not alasan.strip():
            raise KinerjaError("tulis alasan revisi dengan --alasan; alasan itu tercatat dan "
                               "tampil di laporan serta arsip publik")
        sah = p.pengesahan
        if sah.keadaan is Keadaan.DIBUKA:
            return _sudah_dibuka(pt, p, k)
        if sah.keadaan is not Keadaan.DISAHKAN or sah.segel is None:
            raise KinerjaError(f"periode {p.id} belum disahkan; perbaiki isiannya langsung, "
                               "tanpa revisi")
        camat = sah.camat
        lama = Revisi(sah.versi, sah.segel.disahkan, camat.nama if camat else "",
                      ct.sidik_versi(sah.segel), " ".join(alasan.split()),
                      " ".join(nomor.split()) if nomor and nomor.strip() else None, waktu,
                      sah.segel.commit)
        rekam = ct.teks(ct.Catatan(p.id, "git", False, sah.versi + 1, (), None,
                                   (*sah.revisi, lama)))
        pesan = trailer.pesan(f"Buka revisi ke-{sah.versi} pengukuran kinerja {p.id}", p.id,
                              Jenis.REVISI, versi=sah.versi + 1, alasan=lama.alasan,
                              nomor=lama.nomor, badan=f"Alasan: {lama.alasan}"
                              + (f"\nNomor: {lama.nomor}" if lama.nomor else ""))
        path = tata.berkas_riwayat(p.tahun, p.kode)
        baru, head = tulis.commit(akar, pesan, ganti={path: rekam.encode("utf-8")},
                                  tanda_tangan=k.kantor.tanda_tangan_wajib)
        tulis.majukan(akar, baru, head, f"revisi {p.id}")
        try:
            hasil, sesudah = putusan(akar, p.id)
            if sesudah.keadaan is not Keadaan.DIBUKA or sesudah.versi != sah.versi + 1:
                raise KinerjaError(
                    f"revisi {p.id} yang baru ditulis tidak terbukti saat dibaca ulang"
                    + ("" if not k.kantor.tanda_tangan_wajib else
                       f" (commit-nya harus ditandatangani kunci Anda: {tulis.CARA_TANDA_TANGAN})")
                    + "; tidak ada yang dicatat")
        except BaseException:
            tulis.mundurkan(akar, baru, head)
            raise
        catatan = tulis.selaraskan(akar, path, head)
        return HasilKeputusan(baru, None, hasil, catatan=(catatan,) if catatan else ())


def _sudah_dibuka(pt: Potret, p: Periode, k: Konteks) -> HasilKeputusan:
    """Already open (a revision run twice, or stopped after its commit): nothing is recorded
    again; the work tree gets the record the revision wrote, if it has not yet."""
    revisi = pt.riwayat().sj.revisi_sah(k)
    catatan: tuple[str, ...] = ()
    if revisi and revisi[-1].commit.induk:
        x = tulis.selaraskan(pt.akar, tata.berkas_riwayat(p.tahun, p.kode),
                             revisi[-1].commit.induk[0])
        catatan = (x,) if x else ()
    alasan = revisi[-1].alasan if revisi else ""
    return HasilKeputusan(None, None, putusan_jujur(pt, p, k),
                          sudah=f"periode {p.id} sudah dibuka kembali sebagai versi "
                                f"{p.pengesahan.versi}" + (f" (alasan: {alasan})" if alasan else "")
                                + "; tidak ada yang dicatat ulang. Perbaiki isiannya, lalu "
                                "minta persetujuan lagi", catatan=catatan)


def _sebelum_periode(akar: Path, tunjuk: str | None) -> tuple[str, Kantor]:
    """Steps 1–2 (the orders) come before the period exists: the office as committed now."""
    if tata.baca_rujukan(tunjuk or "") is None:
        raise KinerjaError("sebelum periode dibuat, tulis periodenya sebagai TAHUN-PERIODE, "
                           "misalnya 2026-tw4")
    teks = git.tampilkan(akar, "HEAD", tata.BERKAS_KANTOR)
    kantor = muat_kantor(akar, teks)[0] if teks is not None else None
    if kantor is None:
        raise KinerjaError("kinerja.yml belum di-commit; commit dahulu")
    return tunjuk or "", kantor


def catat(mulai: Path, tunjuk: str | None, langkah: int, catatan: str = "",
          waktu: datetime | None = None) -> str:
    """Record an SOP step that happens outside Git (orders, letters, archiving); ``waktu``:
    when it happened, for a step entered later."""
    ls = next((x for x in sop().langkah if x.nomor == langkah), None)
    if ls is None or langkah in (3, 6, 7, 8):
        raise KinerjaError("langkah yang dicatat dengan «catat»: 1, 2, 4, 5, 9, 10; langkah 3 "
                           "tercatat saat periode di-commit, 6–8 dengan setujui/sahkan")
    akar = cari_akar(mulai)
    tulis.siap(akar)
    with git.kunci(akar, "catat"), tulis.tak_terputus():
        try:
            if tunjuk is None:
                raise KinerjaError("sebutkan periodenya")
            rujukan_periode(akar, tunjuk)  # a period reference, or refused plainly
            pt, p, k = muat(mulai, tunjuk, lengkap=False)
            pid, kantor = p.id, k.kantor
            isi = pt.riwayat().sj.isi(k.ref, k.tahun, k.kode)
        except KinerjaError:
            if langkah not in (1, 2):
                raise
            pid, kantor = _sebelum_periode(akar, tunjuk)
            isi = "-"
        nama, email, _ = git.identitas(akar)
        orang = pemilik_akun(kantor, email, "git")
        pelaksana = set(ls.pelaksana)
        if pelaksana == {"pelaksana"} and not kantor.pemegang("pelaksana"):
            # A small office without staff: the Kasubbag Perencanaan compiles the draft herself.
            pelaksana.add("kasubbag-perencanaan")
        if orang is None or not set(orang.peran) & pelaksana:
            raise KinerjaError(f"langkah {langkah} dilaksanakan oleh {ls.nama_pelaksana}; penulis "
                               f"Git {nama} <{email}> tidak memegang peran itu di kinerja.yml")
        pesan = trailer.pesan(f"Langkah {langkah} SOP {pid}: {ls.uraian}", pid, Jenis.LANGKAH,
                              langkah=langkah, isi=isi, alasan=catatan, badan=catatan)
        env = {}
        if waktu is not None:
            # When it happened, on the office's clock (the machine may run on UTC); the commit
            # keeps when it was recorded.
            if waktu.tzinfo is None:
                waktu = waktu.replace(tzinfo=kantor.zona)
            env = {"GIT_AUTHOR_DATE": waktu.isoformat()}
        baru, head = _commit_langkah(akar, pesan, env)
        tulis.majukan(akar, baru, head, f"catat langkah {langkah} {pid}")
        return baru


def _commit_langkah(akar: Path, pesan: str, env: dict[str, str]) -> tuple[str, str]:
    head = git.rev(akar, "HEAD")
    if head is None:
        raise KinerjaError("repo belum punya commit; commit kinerja.yml dahulu")
    pohon = git.git(akar, "rev-parse", f"{head}^{{tree}}").strip()
    baru = git.git(akar, "commit-tree", pohon, "-p", head, "-F", "-", masukan=pesan,
                   env=env).strip()
    return baru, head
