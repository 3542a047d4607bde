"""One period's decisions, read from Git history at a commit: who may decide (the roles as they
stood when the period was created), what an approval refers to (the content fingerprint), which
decisions count, and the approval verdict they add up to.

Every question is asked *at a commit* (``ref``): HEAD for «where do we stand», a ratification
tag's commit for «does its history prove it». Order is ancestry, never clocks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cached_property

from kinerja.baca.kantor import muat_kantor
from kinerja.inti import tata
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import Kantor
from kinerja.pengesahan import git, trailer
from kinerja.pengesahan.gudang import Gudang
from kinerja.pengesahan.kepercayaan import Kepercayaan, cocok, kunci_ssh
from kinerja.pengesahan.putusan import (
    KOMENTAR,
    MINTA_PERUBAHAN,
    SETUJU,
    Aksi,
    Alasan,
    Kode,
    Penulis,
    Peristiwa,
    Putusan,
    pemilik_akun,
    putuskan,
)
from kinerja.pengesahan.trailer import Jenis, Keputusan

AKSI: dict[Jenis, Aksi] = {Jenis.SETUJU: SETUJU, Jenis.SAHKAN: SETUJU,
                           Jenis.KEMBALIKAN: MINTA_PERUBAHAN}
ISI_V2 = "2:"  # content fingerprints that also cover the quarters (yearly) or the plan (quarters)
__all__ = ["KOMENTAR", "Konteks", "Sejarah"]


@beku
class Konteks:
    """A period at a commit."""

    periode: str  # 2026-tw3
    tahun: int
    kode: str
    ref: str  # the commit everything is read at
    dibuat: git.Commit  # the commit that created the period on this history
    kantor: Kantor  # roles and keys as trusted when it was created
    catatan: tuple[str, ...] = ()  # changes of roles or keys that were not trusted

    @property
    def folder(self) -> str:
        return tata.folder_periode(self.tahun, self.kode)


class Sejarah:
    """The decisions of every period in one repository, read once."""

    def __init__(self, g: Gudang) -> None:
        self.g = g
        self.percaya = Kepercayaan(g)

    @cached_property
    def keputusan(self) -> dict[str, list[Keputusan]]:
        """Each period's decision commits, parents first."""
        hasil: dict[str, list[Keputusan]] = {}
        for c in self.g.commit.values():
            k = trailer.baca(c)
            if k is not None:
                hasil.setdefault(k.periode, []).append(k)
        return hasil

    def kantor_pada(self, ref: str) -> Kantor | None:
        """The office as ``kinerja.yml`` reads at ``ref`` (each version of the file read once)."""
        data = self.g.objek(f"{ref}:{tata.BERKAS_KANTOR}")
        return muat_kantor(self.g.akar, data.decode("utf-8", "replace"))[0] if data else None

    @cached_property
    def _penambah(self) -> dict[str, list[git.Commit]]:
        """Per path, the commits that add it, oldest first (read once for every period)."""
        hasil: dict[str, list[git.Commit]] = {}
        for sha, c in self.g.commit.items():
            for status, path in self.g.berubah.get(sha, ()):
                if status == "A":
                    hasil.setdefault(path, []).append(c)
        return hasil

    def dibuat(self, tahun: int, kode: str, ref: str) -> git.Commit | None:
        """The commit that created the period in ``ref``'s history: the latest that added its
        ``periode.yml`` (a clone carrying another office's history has older ones)."""
        path = f"{tata.folder_periode(tahun, kode)}/{tata.BERKAS_PERIODE}"
        leluhur = self.g.leluhur(ref)
        return next((c for c in reversed(self._penambah.get(path, [])) if c.sha in leluhur), None)

    def konteks(self, tahun: int, kode: str, ref: str) -> Konteks:
        """The period at ``ref``; refused plainly when its creation or roles cannot be read."""
        folder = tata.folder_periode(tahun, kode)
        dibuat = self.dibuat(tahun, kode, ref)
        if dibuat is None:
            raise KinerjaError(f"{folder}/periode.yml belum di-commit; commit periode ini dahulu")
        kantor = self.kantor_pada(dibuat.sha)
        if kantor is None:
            raise KinerjaError(f"kinerja.yml tidak dapat dibaca pada commit pembuatan periode "
                               f"{dibuat.sha[:8]}; peran penyetuju tidak dapat ditentukan")
        catatan: tuple[str, ...] = ()
        if kantor.tanda_tangan_wajib or self.percaya.pernah_wajib(dibuat.sha):
            p = self.percaya.pada(dibuat.sha)
            catatan = p.catatan
            if p.kantor is None:
                raise KinerjaError(catatan[-1] if catatan else "peran dan kunci di kinerja.yml "
                                   "tidak dapat dipercaya pada commit pembuatan periode")
            kantor = p.kantor
        return Konteks(tata.id_periode(tahun, kode), tahun, kode, ref, dibuat, kantor, catatan)

    # --- what an approval refers to -----------------------------------------------------------

    def isi(self, ref: str, tahun: int, kode: str, *, versi: int = 2) -> str:
        """What an approval refers to: the period's sealed files, the year's Perjanjian Kinerja
        (its targets) and the capaian rules of ``kinerja.yml`` — and, from version 2 on, what
        else the figures come from: a yearly period's quarters, a quarter's Rencana Aksi. A
        change to any of them makes earlier approvals stale; a change elsewhere does not."""
        folder = tata.folder_periode(tahun, kode)
        isi = [e.baris for e in self.g.pohon(ref, folder)
               if tata.tersegel(e.path.removeprefix(folder + "/"))]
        pk = "\n".join(e.baris for e in self.g.pohon(ref, tata.berkas_pk(tahun)))
        kantor = self.kantor_pada(ref)
        teks = self.g.teks(ref, tata.BERKAS_KANTOR)
        # The rules as data (comments and layout do not matter); an unreadable file counts whole.
        aturan = repr(kantor.capaian) if kantor is not None else repr(teks)
        if versi == 1:
            return _sidik("\n".join(isi), pk, aturan)
        lain = []
        if kode == "tahunan":
            for tw in tata.TRIWULAN:
                f = tata.folder_periode(tahun, tw)
                lain += [e.baris for e in self.g.pohon(ref, f)
                         if tata.tersegel(e.path.removeprefix(f + "/"))]
        else:
            lain += [e.baris for e in self.g.pohon(ref, tata.berkas_renaksi(tahun))]
        return ISI_V2 + _sidik("\n".join(isi), pk, aturan, "\n".join(lain))

    def lingkup(self, k: Konteks, path: str) -> bool:
        """Whether changing ``path`` changes what an approval of ``k``'s period refers to."""
        letak = tata.letak(path)
        if path in (tata.BERKAS_KANTOR, tata.berkas_pk(k.tahun)):
            return True
        if letak.tahun != k.tahun:
            return False
        if letak.periode == k.kode:
            return tata.tersegel(letak.sisa)
        if k.kode == "tahunan":
            return letak.periode in tata.TRIWULAN and tata.tersegel(letak.sisa)
        return letak.jenis == "renaksi"

    # --- which decisions count ------------------------------------------------------------------

    def revisi_sah(self, k: Konteks) -> list[Keputusan]:
        """The revisions that count, in ``k.ref``'s history: made as ``kinerja revisi`` makes
        them — by the Camat or the Kasubbag Perencanaan (signed where signatures are required),
        writing the period's record. An empty commit carrying the trailer would otherwise wipe
        every standing approval."""
        leluhur = self.g.leluhur(k.ref)
        riwayat = tata.berkas_riwayat(k.tahun, k.kode)
        calon = [x for x in self.keputusan.get(k.periode, [])
                 if x.jenis is Jenis.REVISI and x.commit.sha in leluhur
                 and self.g.mendahului(k.dibuat.sha, x.commit.sha)
                 and any(p == riwayat for _, p in self.g.berubah.get(x.commit.sha, ()))
                 and (o := pemilik_akun(k.kantor, x.commit.email, "git")) is not None
                 and {"camat", "kasubbag-perencanaan"} & set(o.peran)]
        if k.kantor.tanda_tangan_wajib:
            salah = self.tanda_tangan_salah(k, calon)
            calon = [x for x in calon if x.commit.sha not in salah]
        return calon

    def sejak_revisi(self, k: Konteks) -> list[Keputusan]:
        """This period's decisions in ``k.ref``'s history, since its latest revision that counts
        (which reopens the period and asks for all three approvals again)."""
        leluhur = self.g.leluhur(k.ref)
        semua = [x for x in self.keputusan.get(k.periode, []) if x.commit.sha in leluhur]
        revisi = self.revisi_sah(k)
        if revisi:
            akhir = revisi[-1].commit.sha
            semua = [x for x in semua if self.g.mendahului(akhir, x.commit.sha)]
        return semua

    def peristiwa(self, k: Konteks, sampai: list[Keputusan] | None = None
                  ) -> tuple[list[Peristiwa], list[Alasan]]:
        """Decision events, and why any decision commit was not counted (it also changed the
        period's content, or is unsigned or signed with a key not the author's)."""
        daftar = [x for x in (self.sejak_revisi(k) if sampai is None else sampai)
                  if x.jenis in AKSI]
        ditolak: dict[str, str] = {}
        for x in daftar:
            ubah = [p for _, p in self.g.berubah.get(x.commit.sha, ()) if self.lingkup(k, p)]
            if ubah:
                ditolak[x.commit.sha] = (
                    f"keputusan pada commit {x.commit.sha[:8]} tidak dihitung: commit itu juga "
                    f"mengubah {', '.join(ubah[:3])}; keputusan harus commit tersendiri (kinerja "
                    "setujui/kembalikan/sahkan), sesudah perubahan di-commit")
        if k.kantor.tanda_tangan_wajib:
            ditolak |= self.tanda_tangan_salah(k, [x for x in daftar
                                                   if x.commit.sha not in ditolak])
        hasil = [Peristiwa(x.commit.email, AKSI[x.jenis], x.isi, x.commit.waktu, x.alasan,
                           urutan=i, bukti=x.commit.sha)
                 for i, x in enumerate(daftar) if x.commit.sha not in ditolak]
        return hasil, [Alasan(Kode.TIDAK_DIHITUNG, teks=t) for t in (*k.catatan,
                                                                      *ditolak.values())]

    def tanda_tangan_salah(self, k: Konteks, daftar: list[Keputusan]) -> dict[str, str]:
        """Decision commits whose signature is missing or not the author's key in kinerja.yml
        (as trusted when the period was created)."""
        periksa = git.tanda_tangan(self.g.akar, [x.commit.sha for x in daftar],
                                   kunci_ssh(k.kantor))
        salah = {}
        for x in daftar:
            orang = pemilik_akun(k.kantor, x.commit.email, "git")
            tt = periksa.get(x.commit.sha)
            if orang is None or tt is None:
                continue  # not a reviewer at all: the verdict already says so
            if cocok(orang, tt, x.commit.email):
                continue
            sebab = ("tidak bertanda tangan" if tt.status == "N" else
                     "tanda tangannya rusak" if tt.status == "B" else
                     f"tidak ditandatangani dengan kunci {orang.nama} yang tercantum di kinerja.yml")
            salah[x.commit.sha] = (f"keputusan {x.commit.sha[:8]} oleh {orang.nama} tidak "
                                   f"dihitung: commit {sebab} (persetujuan.tanda_tangan: wajib)")
        return salah

    @cached_property
    def _pengubah(self) -> dict[tuple[int, str], list[git.Commit]]:
        """Per period, the commits that change what its approvals refer to, oldest first: read
        once for every period, not once per period."""
        hasil: dict[tuple[int, str], list[git.Commit]] = {}
        for sha, c in self.g.commit.items():
            kunci = {(x.tahun, x.periode) for _, p in self.g.berubah.get(sha, ())
                     if (x := tata.letak(p)).periode is not None and x.tahun is not None
                     and tata.tersegel(x.sisa)}
            for kn in kunci:
                hasil.setdefault(kn, []).append(c)
        return hasil

    def penulis(self, k: Konteks) -> Penulis:
        """The author of the last change to what the period's approvals refer to — decision
        trailer or not: a commit that changes a form and also claims to approve is a change by its
        author. Merges change nothing of their own: integrating others' work is not authoring it."""
        leluhur = self.g.leluhur(k.ref)
        akhir = next((c for c in reversed(self._pengubah.get((k.tahun, k.kode), []))
                      if c.sha in leluhur), None)
        if akhir is None:
            return Penulis()
        return Penulis(frozenset({akhir.email}), frozenset({akhir.email}))

    def mendahului(self, k: Konteks) -> Callable[[Peristiwa, Peristiwa], bool]:
        """Decision ``a`` came before ``b`` when ``a``'s commit is an ancestor of ``b``'s (of the
        ref for a decision about to be made). Parallel branches are not an order."""
        def mendahului(a: Peristiwa, b: Peristiwa) -> bool:
            if a.bukti is None:
                return False
            if b.bukti is None:  # about to be committed on top of the ref
                return a.bukti == k.ref or self.g.mendahului(a.bukti, k.ref)
            return self.g.mendahului(a.bukti, b.bukti)

        return mendahului

    def putusan(self, k: Konteks, tambahan: Peristiwa | None = None) -> Putusan:
        """The verdict at ``k.ref`` (with ``tambahan``: as it would be with one more decision,
        about to be committed on top of ``k.ref``)."""
        semua, ditolak = self.peristiwa(k)
        if tambahan is not None:
            semua = [*semua, tambahan]
        return putuskan(semua, kantor_dasar=k.kantor, head=self.isi(k.ref, k.tahun, k.kode),
                        penulis=self.penulis(k), sumber="git", tambahan=ditolak,
                        mendahului=self.mendahului(k),
                        setara=lambda isi: isi == self.isi(k.ref, k.tahun, k.kode, versi=1))


def _sidik(*bagian: str) -> str:
    return hashlib.sha1("\x00".join(bagian).encode()).hexdigest()
