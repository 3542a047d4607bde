"""The one owner of «ratified»: each period's ``Pengesahan``, proven from Git history.

A ratification counts only when history proves it. A tag ``pengesahan/<periode>[-vN]`` counts when
it is annotated, points at a commit of this branch whose history holds the three decisions — in
ancestry order, by the people ``kinerja.yml`` named when the period was created, each for the
content its record seals — when its record equals, byte for byte, what kinerja writes from that
history, and, in signed mode, when the tag is signed by the Camat's key and every decision by its
maker's. On a forge the decisions are the merged pull request's reviews, and the forge is asked
(``PengujiForge``); without it such a tag is «not verified», never ratified.

Anything else named ``pengesahan/…`` is a finding on the tag, never a ratification, and never
blocks a real one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Protocol, TypeVar

from kinerja.baca.pk import muat_pk, muat_renaksi
from kinerja.inti import tata
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import (
    CatatanPersetujuan,
    Keadaan,
    Pengesahan,
    Revisi,
    Segel,
    TempatPeriode,
)
from kinerja.inti.temuan import Lok, Temuan, temuan
from kinerja.pengesahan import catatan as ct
from kinerja.pengesahan import git, luar_git, segel
from kinerja.pengesahan.gudang import Gudang, Tag
from kinerja.pengesahan.kepercayaan import camat, cocok, kunci_ssh
from kinerja.pengesahan.putusan import pemilik_akun
from kinerja.pengesahan.sejarah import Konteks, Sejarah
from kinerja.pengesahan.trailer import Jenis, Keputusan

T = TypeVar("T")


class PengujiForge(Protocol):
    """Asks a forge what its reviews prove (``forge`` implements it for GitHub)."""

    def persetujuan(self, periode: str, nomor: int, commit: str, dasar: str | None
                    ) -> tuple[tuple[CatatanPersetujuan, ...], str] | str:
        """The approvals merged pull request #``nomor`` carries for commit ``commit`` (judged
        with the office as at ``dasar``), as kinerja records them, and the pull request's title;
        or, in words, why its reviews back none."""
        ...


@beku
class Bukti:
    """One version's ratification, proven."""

    versi: int
    tag: str
    commit: str  # the commit the tag points at
    catatan: ct.Catatan


@beku
class _Gagal:
    sebab: str
    tak_terverifikasi: bool = False  # the forge could not be asked: not a forgery, not proven


# Every proven version of each period (by id), and why the next tag, if any, is not one.
Terbukti = dict[str, tuple[list[Bukti], _Gagal | None]]


class Pemeriksa:
    """Proves every period's ratification in one repository; one per command."""

    def __init__(self, akar: Path, g: Gudang, forge: PengujiForge | None = None) -> None:
        self.akar = akar
        self.g = g
        self.forge = forge
        self.sj = Sejarah(g)
        self._bukti: Terbukti = {}
        self._dibaca: dict[tuple[str, str], object] = {}

    def terbukti(self) -> Terbukti:
        """What this prover has proven so far."""
        return dict(self._bukti)

    def terima(self, terbukti: Terbukti) -> None:
        """What another prover of this repository proved in this command (``serentak``): the
        same computation, not proven again."""
        for pid, x in terbukti.items():
            self._bukti.setdefault(pid, x)

    # --- one tag ------------------------------------------------------------------------------

    def bukti(self, p: TempatPeriode) -> tuple[list[Bukti], _Gagal | None]:
        """The proven versions of ``p`` (oldest first), and why the next tag, if any, is not."""
        if p.id not in self._bukti:
            hasil: list[Bukti] = []
            gagal = None
            v = 1
            while (tag := self.g.tag.get(ct.nama_tag(p.id, v))) is not None:
                x = self._uji(p, v, tag, hasil)
                if isinstance(x, _Gagal):
                    gagal = replace(x, sebab=f"tag {tag.nama}: {x.sebab}")
                    break
                hasil.append(x)
                v += 1
            self._bukti[p.id] = (hasil, gagal)
        return self._bukti[p.id]

    def _uji(self, p: TempatPeriode, v: int, tag: Tag, sebelumnya: list[Bukti]) -> Bukti | _Gagal:
        if not tag.anotasi or tag.target is None:
            return _Gagal("tag ringan (lightweight) tidak memuat catatan pengesahan")
        head = self.g.head
        if head is None or not (tag.target == head or self.g.mendahului(tag.target, head)):
            return _Gagal(f"menunjuk commit {tag.target[:8]} yang bukan bagian dari riwayat "
                          "cabang ini")
        isi = ct.dari_pesan_tag(tag.pesan)
        # A record from Git decisions is proven by being, byte for byte, the record those
        # decisions make; it is read as data only to say why another one is not.
        dari_git = self._catatan_git(p, v, tag, sebelumnya) if ct.sumber_tertulis(isi) == "git" \
            else None
        c = _sama(isi, dari_git) if isinstance(dari_git, list) else None
        if c is None:
            dibaca, _ = ct.baca(isi, f"tag {tag.nama}")
            if dibaca is None:
                return _Gagal("catatannya tidak dapat dibaca sebagai catatan pengesahan kinerja")
            if dibaca.periode != p.id or dibaca.versi != v or not dibaca.disahkan:
                return _Gagal(f"catatannya tidak sesuai namanya (periode {dibaca.periode}, "
                              f"versi {dibaca.versi})")
            if dibaca.sumber == "git":
                harap = dari_git if dari_git is not None else \
                    self._catatan_git(p, v, tag, sebelumnya)
            elif self.forge is None:
                return _Gagal(f"disahkan lewat {dibaca.sumber}: hanya dapat dibuktikan dengan "
                              f"bertanya kepada {dibaca.sumber} (jalankan di alur kerja, atau "
                              "beri token API)", True)
            else:
                harap = self._catatan_forge(p, v, tag.target, dibaca, sebelumnya)
            if isinstance(harap, _Gagal):
                return harap
            c = _sama(isi, harap)
            if c is None:
                return _Gagal("catatannya berbeda dari yang dibuktikan riwayatnya (persetujuan, "
                              "segel, atau versi yang ditulis tangan)")
        if c.sumber == "git" and (k := self._konteks(p, tag.target)) is not None and \
                k.kantor.tanda_tangan_wajib:
            tt = git.tanda_tangan_tag(self.akar, tag.nama, kunci_ssh(k.kantor))
            if not any(o.email and cocok(o, tt, o.email) for o in camat(k.kantor)):
                return _Gagal("tag tidak ditandatangani dengan kunci Camat yang tercantum di "
                              "kinerja.yml (persetujuan.tanda_tangan: wajib)")
        return Bukti(v, tag.nama, tag.target, c)

    def _konteks(self, p: TempatPeriode, ref: str) -> Konteks | None:
        try:
            return self.sj.konteks(p.tahun, p.kode, ref)
        except KinerjaError:
            return None

    # --- what kinerja would have written --------------------------------------------------------

    def _catatan_git(self, p: TempatPeriode, v: int, tag: Tag, sebelumnya: list[Bukti]
                     ) -> list[ct.Catatan] | _Gagal:
        assert tag.target is not None
        t = tag.target
        kep = self._keputusan(p, t)
        if kep is None or kep.jenis is not Jenis.SAHKAN:
            return _Gagal(f"commit {t[:8]} yang ditunjuknya bukan keputusan pengesahan Camat")
        try:
            k = self.sj.konteks(p.tahun, p.kode, t)
        except KinerjaError as e:
            return _Gagal(str(e))
        orang = pemilik_akun(k.kantor, kep.commit.email, "git")
        if orang is None or "camat" not in orang.peran:
            return _Gagal(f"keputusan pada commit {t[:8]} bukan dari Camat menurut kinerja.yml "
                          "saat periode dibuat")
        revisi = self.sj.revisi_sah(k)
        if len(revisi) != v - 1 or any(
                not self.g.mendahului(b.commit, r.commit.sha) for b, r in zip(sebelumnya, revisi,
                                                                             strict=False)):
            return _Gagal(f"versi {v} tidak didahului {v - 1} revisi yang tercatat sesudah setiap "
                          "pengesahan sebelumnya")
        put = self.sj.putusan(k)
        if not put.lulus:
            return _Gagal("persetujuannya tidak lengkap dalam riwayat commit-nya: "
                          + "; ".join(put.pesan))
        sah = next((s for s in put.disetujui if s.peran == "camat"), None)
        if sah is None or sah.peristiwa.bukti != t:
            return _Gagal(f"pengesahan Camat dalam riwayatnya bukan commit {t[:8]}")
        setuju = tuple(CatatanPersetujuan(
            s.peran, s.pegawai.nama, s.peristiwa.akun,
            (s.peristiwa.commit or "") if s.peristiwa.bukti == t else (s.peristiwa.bukti or ""),
            s.peristiwa.waktu) for s in put.disetujui)
        induk = kep.commit.induk[0] if kep.commit.induk else t
        daftar = self._revisi(sebelumnya, revisi)
        hasil = []
        # a yearly period ratified before quarters were sealed with it reads either way
        for lama in (False, True) if p.kode == "tahunan" else (False,):
            s = self.segel(p, t, induk, tahunan_lama=lama)
            if s is None:
                return _Gagal("kinerja.yml atau Perjanjian Kinerja pada commit itu tidak dapat "
                              "dibaca")
            hasil.append(ct.bertanggal(ct.Catatan(p.id, "git", True, v, setuju, s, daftar)))
        return hasil

    def _catatan_forge(self, p: TempatPeriode, v: int, t: str, c: ct.Catatan,
                       sebelumnya: list[Bukti]) -> list[ct.Catatan] | _Gagal:
        assert self.forge is not None
        if c.pull_request is None:
            return _Gagal("catatannya tidak menyebut pull request yang digabung")
        jawab = self.forge.persetujuan(p.id, c.pull_request, t, c.dasar)
        if isinstance(jawab, str):
            return _Gagal(jawab)
        setuju, judul = jawab
        return [self.catatan_forge(p, v, t, c.sumber, c.pull_request, setuju, judul, sebelumnya,
                                   c.dasar)]

    def catatan_forge(self, p: TempatPeriode, v: int, t: str, sumber: str, nomor: int,
                      setuju: tuple[CatatanPersetujuan, ...], judul: str,
                      sebelumnya: list[Bukti], dasar: str | None) -> ct.Catatan:
        """The record of a forge's ratification of version ``v`` at merge commit ``t`` — what
        ``terbit`` writes and what verifying its tag expects."""
        s = self.segel(p, t, t, tahunan_lama=False)
        revisi: tuple[Revisi, ...] = ()
        if sebelumnya:
            akhir = sebelumnya[-1]
            revisi = (*akhir.catatan.revisi, _revisi_dari(
                akhir, f"pull request #{nomor}: {judul}".strip(": "), None, None))
        return ct.bertanggal(ct.Catatan(p.id, sumber, True, v, setuju, s, revisi, nomor, dasar))

    def segel(self, p: TempatPeriode, t: str, commit: str, *, tahunan_lama: bool) -> Segel | None:
        """The seal of ``p`` as its files and values stand at commit ``t``."""
        kantor = self.sj.kantor_pada(t)
        pk = self._baca(t, tata.berkas_pk(p.tahun), lambda x: muat_pk(self.akar, p.tahun, x)[0])
        if kantor is None or pk is None:
            return None
        ra = self._baca(t, tata.berkas_renaksi(p.tahun),
                        lambda x: muat_renaksi(self.akar, p.tahun, x)[0])
        triwulan: dict[str, dict[str, str]] = {}
        if p.kode == "tahunan" and not tahunan_lama:
            for tw in tata.TRIWULAN:
                berkas = segel.sidik_pohon(self.g, t, tata.folder_periode(p.tahun, tw))
                if berkas:
                    triwulan[tw] = berkas
        return segel.buat(kantor, pk, p.kode, segel.sidik_pohon(
            self.g, t, tata.folder_periode(p.tahun, p.kode)), commit, ra, triwulan)

    def _baca(self, ref: str, path: str, baca: Callable[[str], T | None]) -> T | None:
        """A file at ``ref`` as ``baca`` reads it, each version of the file read once."""
        data = self.g.objek(f"{ref}:{path}")
        if data is None:
            return None
        kunci = (path, hashlib.sha1(data).hexdigest())
        if kunci not in self._dibaca:
            self._dibaca[kunci] = baca(data.decode("utf-8", "replace"))
        return self._dibaca[kunci]  # type: ignore[return-value]

    def _revisi(self, sebelumnya: list[Bukti], revisi: list[Keputusan]) -> tuple[Revisi, ...]:
        """The earlier versions a record lists: each proven version, with the revision that
        reopened it."""
        hasil: list[Revisi] = []
        for b, r in zip(sebelumnya, revisi, strict=False):
            hasil.append(_revisi_dari(b, r.alasan, r.nomor or self._nomor_lama(r),
                                      r.commit.waktu))
        return tuple(hasil)

    def _nomor_lama(self, r: Keputusan) -> str | None:
        """A revision made by an earlier kinerja wrote its letter number only in the record."""
        letak = tata.letak(f"{tata.FOLDER_PERIODS}/{r.periode.replace('-', '/', 1)}/x")
        if letak.tahun is None or letak.periode is None:
            return None
        teks_ = self.g.teks(r.commit.sha, tata.berkas_riwayat(letak.tahun, letak.periode))
        c = ct.baca(teks_, "riwayat")[0] if teks_ else None
        return c.revisi[-1].nomor if c is not None and c.revisi else None

    def _keputusan(self, p: TempatPeriode, sha: str) -> Keputusan | None:
        return next((x for x in self.sj.keputusan.get(p.id, []) if x.commit.sha == sha), None)

    # --- the period's state now --------------------------------------------------------------------

    def pengesahan(self, p: TempatPeriode) -> tuple[Pengesahan, tuple[Temuan, ...]]:
        """Where ``p``'s ratification stands, and what is wrong with its tags and record."""
        if not self.g.ada:
            return Pengesahan(), luar_git(p)
        bukti, gagal = self.bukti(p)
        temuan_: list[Temuan] = []
        if gagal is not None and not gagal.tak_terverifikasi:
            temuan_.append(temuan(Lok(f"tag {gagal.sebab.split(':')[0].removeprefix('tag ')}"),
                                  "pengesahan-palsu", _pesan_palsu(p, gagal.sebab)))
        head = self.g.head
        k = self._konteks(p, head) if head is not None else None
        revisi = self.sj.revisi_sah(k) if k is not None else []
        n = len(bukti)
        if n and len(revisi) >= n and self.g.mendahului(bukti[-1].commit, revisi[n - 1].commit.sha):
            daftar = self._revisi(bukti, revisi[:n])
            hasil = Pengesahan(Keadaan.DIBUKA, n + 1, revisi=daftar)
        elif n:
            b = bukti[-1]
            hasil = Pengesahan(Keadaan.DISAHKAN, n, b.catatan.persetujuan, b.catatan.segel,
                               b.catatan.revisi, b.tag, b.commit, b.catatan.sumber)
            hasil = replace(hasil, rusak=segel.rusak(hasil.segel, p, self.g))
        elif gagal is not None and gagal.tak_terverifikasi:
            hasil = Pengesahan(Keadaan.TAK_TERVERIFIKASI, sebab=gagal.sebab)
            temuan_.append(temuan(Lok(tata.folder_periode(p.tahun, p.kode)),
                                  "pengesahan-tak-terverifikasi",
                                  f"pengesahan periode {p.id} belum dapat dibuktikan: {gagal.sebab}"))
        else:
            hasil = Pengesahan()
        if hasil.keadaan in (Keadaan.BELUM, Keadaan.DIBUKA) and k is not None:
            tertunda = self._tertunda(p, k, n + 1)
            if tertunda is not None:
                hasil = replace(hasil, keadaan=Keadaan.TERTUNDA, commit=tertunda,
                                versi=n + 1, sebab=f"commit {tertunda[:8]}")
                # What the Camat ratified there is sealed all the same: a change since is a
                # broken seal, not a draft (removing a tag cannot reopen a period).
                induk = self.g.commit[tertunda].induk
                s = self.segel(p, tertunda, induk[0] if induk else tertunda, tahunan_lama=False)
                if s is not None:
                    hasil = replace(hasil, segel=s, rusak=segel.rusak(s, p, self.g))
                temuan_.append(temuan(Lok(tata.folder_periode(p.tahun, p.kode)),
                                      "riwayat-hilang", _pesan_tertunda(p, tertunda, n + 1)))
        temuan_ += self._riwayat_berkas(p, hasil, bukti)
        return hasil, tuple(temuan_)

    def _tertunda(self, p: TempatPeriode, k: Konteks, versi: int) -> str | None:
        """The Camat's ratification committed without its tag (interrupted, or a clone fetched
        without tags): the latest sahkan decision since the latest revision whose history
        proves it."""
        sahkan = [x for x in self.sj.sejak_revisi(k) if x.jenis is Jenis.SAHKAN]
        for x in reversed(sahkan):
            try:
                kx = self.sj.konteks(p.tahun, p.kode, x.commit.sha)
            except KinerjaError:
                continue
            put = self.sj.putusan(kx)
            sah = next((s for s in put.disetujui if s.peran == "camat"), None)
            if put.lulus and sah is not None and sah.peristiwa.bukti == x.commit.sha and \
                    len(self.sj.revisi_sah(kx)) == versi - 1:
                return x.commit.sha
        return None

    def catatan_tertunda(self, p: TempatPeriode, sha: str, versi: int) -> str | None:
        """The record an unfinished ratification's tag must carry (to complete it)."""
        bukti, _ = self.bukti(p)
        tag = Tag(ct.nama_tag(p.id, versi), True, sha, "", False)
        harap = self._catatan_git(p, versi, tag, bukti[: versi - 1])
        return None if isinstance(harap, _Gagal) else ct.teks(harap[0])

    def _riwayat_berkas(self, p: TempatPeriode, hasil: Pengesahan,
                        bukti: list[Bukti]) -> list[Temuan]:
        """``riwayat.yml``, where it exists, must say what history proves."""
        path = p.folder / tata.BERKAS_RIWAYAT
        if not path.is_file():
            return []
        rel = tata.berkas_riwayat(p.tahun, p.kode)
        try:
            isi = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            isi = ""
        harap: set[str] = set()
        if hasil.keadaan is Keadaan.DISAHKAN:
            harap.add(ct.dari_pesan_tag(self.g.tag[bukti[-1].tag].pesan))
        elif hasil.keadaan is Keadaan.DIBUKA:
            harap.add(ct.teks(ct.Catatan(p.id, "git", False, hasil.versi, (), None,
                                         hasil.revisi)))
        elif hasil.keadaan is Keadaan.TERTUNDA and hasil.commit:
            teks_ = self.g.teks(hasil.commit, rel)
            if teks_ is not None:
                harap.add(teks_)
        if isi in harap:
            return []
        sebab = ("periode ini belum pernah disahkan" if hasil.keadaan is Keadaan.BELUM else
                 "isinya berbeda dari yang dibuktikan riwayat pengesahannya")
        return [temuan(Lok(rel), "riwayat-tangan",
                       f"catatan pengesahan ini tidak ditulis oleh kinerja ({sebab}); yang "
                       f"berlaku adalah riwayat Git dan tag pengesahan periode {p.id}. Kembalikan "
                       "berkas ini seperti yang ditulis kinerja (git checkout -- berkas ini), "
                       f"atau hapus bila periode belum disahkan; pengesahan dibuat dengan "
                       f"«kinerja sahkan {p.id}» dan dibuka kembali dengan «kinerja revisi {p.id}»")]

    def tag_asing(self, periode: Iterable[TempatPeriode], dibaca: Callable[[int, str], bool]
                  ) -> tuple[Temuan, ...]:
        """Findings on ``pengesahan/…`` tags that name no period here (or a version no chain
        reaches). ``dibaca``: whether a period's folder was read (a tag of one not read is not
        judged)."""
        dikenal = {p.id: p for p in periode}
        hasil = []
        hilang: dict[str, tuple[int, str]] = {}  # ratified periods whose folder is gone
        for nama in sorted(self.g.tag):
            klaim = ct.dari_nama_tag(nama)
            pid = klaim[0] if klaim else nama
            rujukan = tata.baca_rujukan(pid)
            if rujukan is not None and not dibaca(*rujukan):
                continue
            if pid in dikenal:
                bukti, gagal = self.bukti(dikenal[pid])
                if klaim is None or klaim[1] <= len(bukti) or (
                        gagal is not None and gagal.sebab.startswith(f"tag {nama}:")):
                    continue
                sebab = f"versi {klaim[1]} tanpa versi sebelumnya yang sah"
            else:
                tag = self.g.tag[nama]
                if rujukan is not None and tag.target is not None and self.g.objek(
                        f"{tag.target}:{tata.berkas_riwayat(*rujukan)}") is not None:
                    versi = klaim[1] if klaim else 1
                    if versi >= hilang.get(pid, (0, ""))[0]:
                        hilang[pid] = (versi, nama)
                    continue
                sebab = "tidak ada periode dengan nama itu"
            hasil.append(temuan(Lok(f"tag {nama}"), "pengesahan-palsu",
                                f"tag {nama} bukan pengesahan ({sebab}); hapus dengan «git tag -d "
                                f"{nama}» (dan di Git host: «git push origin :refs/tags/{nama}»)"))
        for pid, (_, nama) in sorted(hilang.items()):
            # Restore it, never drop the tag: the archive would lose the period without a word.
            folder = tata.folder_periode(*tata.baca_rujukan(pid) or (0, "tw1"))
            hasil.append(temuan(
                Lok(f"tag {nama}"), "periode-disahkan-hilang",
                f"periode {pid} telah disahkan (tag {nama}), tetapi folder {folder} tidak ada "
                f"lagi; kembalikan dengan «git checkout {nama} -- {folder}». Periode yang telah "
                f"disahkan tidak dihapus; perubahan dibuat dengan «kinerja revisi {pid}»"))
        return tuple(hasil)


def _sama(isi: str, harap: list[ct.Catatan]) -> ct.Catatan | None:
    """The expected record whose text ``isi`` is exactly."""
    return next((x for x in harap if ct.teks(x) == isi), None)


def _revisi_dari(b: Bukti, alasan: str, nomor: str | None, dibuka: object) -> Revisi:
    s = b.catatan.segel
    camat_ = next((x for x in b.catatan.persetujuan if x.peran == "camat"), None)
    return Revisi(b.versi, camat_.waktu if camat_ else None, camat_.nama if camat_ else "",
                  ct.sidik_versi(s) if s is not None else "", alasan, nomor,
                  dibuka if dibuka is None or hasattr(dibuka, "isoformat") else None,  # type: ignore[arg-type]
                  s.commit if s is not None else "")


def _pesan_palsu(p: TempatPeriode, sebab: str) -> str:
    nama = sebab.split(":", maxsplit=1)[0].removeprefix("tag ")
    return (f"{sebab}; tag ini bukan pengesahan periode {p.id} dan tidak dipakai. Hapus dengan "
            f"«git tag -d {nama}» (dan di Git host: «git push origin :refs/tags/{nama}»)")


def _pesan_tertunda(p: TempatPeriode, sha: str, versi: int) -> str:
    return (f"pengesahan periode {p.id} tercatat pada commit {sha[:8]} tetapi tag "
            f"{ct.nama_tag(p.id, versi)} tidak ada (pengesahan terhenti, atau tag belum diambil); "
            f"selesaikan dengan «kinerja sahkan {p.id}», atau ambil tag dengan «git fetch --tags»")
