"""The one way in: an office's checked snapshot.

Every command asks here for the office as it stands — loaded once, every check run once, each
period's ratification proven from Git history, the findings deduplicated and sorted, and the one
rule for what blocks a period. Documents, pages and decisions accept only this snapshot; none
loads or checks on its own, and none is made from an office the checker refuses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import field, replace
from datetime import date, tzinfo
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja.baca.muat import Muatan, Tahun, akan_dibaca, cari_akar, cari_periode, muat
from kinerja.inti.beku import beku
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import Kantor, Periode, PerjanjianKinerja, RencanaAksi
from kinerja.inti.temuan import Temuan, rapikan, temuan
from kinerja.pengesahan import luar_git, pesan_rusak
from kinerja.periksa import periksa_kantor, periksa_tahun
from kinerja.periksa.gerbang import Untuk, penghalang
from kinerja.periksa.kelengkapan import Kelengkapan, hitung_kelengkapan
from kinerja.ukur.rekap import Rekap, susun
from kinerja.ukur.tersegel import renaksi_periode, terapkan

if TYPE_CHECKING:
    from kinerja.pengesahan.serentak import Jawaban
    from kinerja.pengesahan.verifikasi import Pemeriksa, PengujiForge

__all__ = ["Potret", "alamat_pages", "cari_akar", "potret"]


def alamat_pages(asal: str) -> str | None:
    """The GitHub Pages address of a github.com remote (``https://…``, ``git@…:``, ``ssh://``);
    None for any other host: its pages are set in ``instansi.arsip``."""
    for awal in ("https://github.com/", "http://github.com/", "git@github.com:",
                 "ssh://git@github.com/"):
        if asal.lower().startswith(awal):
            jalan = asal[len(awal):].removesuffix("/").removesuffix(".git")
            break
    else:
        return None
    bagian = jalan.split("/")
    if len(bagian) != 2 or not all(bagian) or "@" in jalan:
        return None
    pemilik, repo = bagian[0].lower(), bagian[1]
    if repo.lower() == f"{pemilik}.github.io":
        return f"https://{pemilik}.github.io/"
    return f"https://{pemilik}.github.io/{repo}/"


@beku
class Potret:
    """An office's files, their ratifications and every finding, as one command sees them."""

    muatan: Muatan
    temuan: tuple[Temuan, ...]
    lengkap: bool  # checked as for approval (--lengkap)
    # the ratifications' proofs and the history behind them; None outside a Git repository
    pemeriksa: Pemeriksa | None
    # The office and PK each period (by id) is measured by: as sealed, if it is ratified.
    diukur: dict[str, tuple[Kantor, PerjanjianKinerja]] = field(default_factory=dict)

    @property
    def akar(self) -> Path:
        return self.muatan.akar

    @property
    def kantor(self) -> Kantor | None:
        return self.muatan.kantor

    @property
    def tahun(self) -> dict[int, Tahun]:
        return self.muatan.tahun

    def riwayat(self) -> Pemeriksa:
        """The office's Git history and its proofs, for work that needs them (decisions,
        status, publishing): refused plainly outside a Git repository."""
        if self.pemeriksa is None:
            raise KinerjaError(f"{self.akar} bukan repositori Git: persetujuan, pengesahan dan "
                               "statusnya dicatat di riwayat Git (git clone repo kantor, lalu "
                               "jalankan di dalamnya)")
        return self.pemeriksa

    def periode(self, tahun: int, kode: str) -> Periode | None:
        return self.muatan.periode(tahun, kode)

    def versi_berkas(self, rel: str) -> tuple[int, date | None]:
        """How many committed versions of ``rel`` HEAD's history holds (1 outside Git or before
        its first commit), and the date of the last: a printed plan names which one it is."""
        if self.pemeriksa is None:
            return 1, None
        g = self.pemeriksa.g
        head = g.head
        if head is None:
            return 1, None
        leluhur = g.leluhur(head)
        ubah = [c for sha, c in g.commit.items()
                if sha in leluhur and any(p == rel for _, p in g.berubah.get(sha, ()))]
        if not ubah:
            return 1, None
        zona = self.kantor.zona if self.kantor is not None else None
        return len(ubah), ubah[-1].waktu.astimezone(zona).date()

    def alamat_arsip(self) -> str | None:
        """The public archive's address, where a printed document's QR code leads:
        ``instansi.arsip``, or the GitHub Pages address of the repository's ``origin``."""
        if self.kantor is not None and self.kantor.instansi.arsip:
            return self.kantor.instansi.arsip
        if self.pemeriksa is None:
            return None
        from kinerja.pengesahan import git

        try:
            asal = git.git(self.akar, "config", "--get", "remote.origin.url").strip()
        except git.GitError:
            return None
        return alamat_pages(asal)

    def semua_periode(self) -> list[Periode]:
        return self.muatan.semua_periode()

    def cari(self, tunjuk: str | None) -> Periode:
        return cari_periode(self.muatan, tunjuk)

    def pk(self, tahun: int) -> PerjanjianKinerja | None:
        t = self.tahun.get(tahun)
        return t.pk if t is not None else None

    def renaksi(self, tahun: int) -> RencanaAksi | None:
        t = self.tahun.get(tahun)
        return t.renaksi if t is not None else None

    def penghalang(self, p: Periode | None, *, tahun: int | None = None,
                   untuk: Untuk = "ukur") -> tuple[Temuan, ...]:
        """The findings that stop work on ``p`` (or, with no period, on its year)."""
        th = p.tahun if p is not None else tahun
        assert th is not None
        return penghalang(self.temuan, tahun=th, kode=p.kode if p is not None else None,
                          untuk=untuk)

    def siap(self, p: Periode | None, *, tahun: int | None = None, untuk: Untuk = "ukur",
             saran: str | None = None) -> tuple[Kantor, PerjanjianKinerja | None]:
        """Refuse work on ``p`` while its findings block it; the office (and the year's PK)."""
        galat = self.penghalang(p, tahun=tahun, untuk=untuk)
        if galat:
            berkas = len({t.berkas for t in galat})
            raise BerkasTidakValid(galat, saran=(saran or "{n} galat di {b} berkas; perbaiki lalu "
                                                 "ulangi").format(n=len(galat), b=berkas))
        if self.kantor is None:
            raise KinerjaError("kinerja.yml tidak dapat dibaca; jalankan «kinerja periksa "
                               "kinerja.yml»")
        th = p.tahun if p is not None else tahun
        return self.kantor, self.pk(th) if th is not None else None

    def rekap(self, p: Periode) -> Rekap:
        """The period's table, measured by its seal if it is ratified."""
        kantor, pk = self.siap(p)
        if pk is None:
            raise KinerjaError(f"Perjanjian Kinerja {p.tahun} tidak dapat dibaca")
        return susun(kantor, pk, p, self.tahun[p.tahun].periode)

    def ukuran(self, p: Periode) -> tuple[Kantor, PerjanjianKinerja, RencanaAksi | None]:
        """The office, PK and plan ``p`` is measured and evaluated by (as sealed, if ratified)."""
        kantor, pk = self.siap(p)
        assert pk is not None
        k, pk_p = self._diukur(p, kantor, pk)
        return k, pk_p, renaksi_periode(self.renaksi(p.tahun), p)

    def _diukur(self, p: Periode, kantor: Kantor, pk: PerjanjianKinerja
                ) -> tuple[Kantor, PerjanjianKinerja]:
        """What ``p`` is measured by, as the checks measured it (a period of this snapshot), or
        worked out now (a period changed since, such as one a command is ratifying)."""
        kini = self.periode(p.tahun, p.kode)
        if kini is p and p.id in self.diukur:
            return self.diukur[p.id]
        return terapkan(kantor, pk, p.segel)

    def kelengkapan(self, p: Periode) -> list[Kelengkapan]:
        t = self.tahun.get(p.tahun)
        if t is None or t.pk is None or self.kantor is None:
            return []
        pk_galat = any(x.galat and x.berkas == t.pk.berkas for x in self.temuan)
        k, pk = self._diukur(p, self.kantor, t.pk)
        return hitung_kelengkapan(k, pk, p, pk_galat=pk_galat)


def potret(mulai: Path, *, tahun: set[int] | None = None, lengkap: bool = False,
           hanya: Iterable[str] | None = None, forge: PengujiForge | None = None,
           baca: set[str] | None = None) -> Potret:
    """Load, prove and check the office at or above ``mulai``: all years or those in ``tahun``;
    with ``hanya``, the forms of those periods only (and, for a yearly period, its quarters);
    with ``baca``, only those periods are read at all (a snapshot of those periods alone)."""
    akar = cari_akar(mulai)
    if not (akar / ".git").exists():
        # A folder outside Git has no history to prove, and does not import the Git side (a
        # sixth of start-up: bench/periksa.py, «berkas tanpa Git»).
        m = muat(akar, tahun=tahun, periode=baca)
        temuan = [*m.temuan, *(x for p in m.semua_periode() for x in luar_git(p.tempat))]
        return _periksa(m, temuan, lengkap, hanya, None)
    from kinerja.pengesahan.gudang import Gudang
    from kinerja.pengesahan.serentak import Serentak
    from kinerja.pengesahan.verifikasi import Pemeriksa

    g = Gudang(akar)
    try:
        # A forge is asked over the network: not from a second process.
        with Serentak(akar, partial(akan_dibaca, tahun, baca)) if forge is None else \
                nullcontext(None) as serentak:
            if serentak is None or not serentak.berjalan:
                g.siapkan()  # proving here: git reads tags and history while files are read
            m = muat(akar, tahun=tahun, periode=baca)
            jawaban = serentak.jawaban() if serentak is not None else None
        temuan = list(m.temuan)
        pemeriksa = Pemeriksa(akar, g, forge)
        if jawaban is not None:
            pemeriksa.terima(jawaban.terbukti)
        return _buktikan(m, temuan, pemeriksa, jawaban, lengkap, hanya)
    finally:
        g.batal_siapan()


def _buktikan(m: Muatan, temuan: list[Temuan], pemeriksa: Pemeriksa, jawaban: Jawaban | None,
              lengkap: bool, hanya: Iterable[str] | None) -> Potret:
    """Each period's ratification attached (as the second process answered, else proven
    here), the tags judged, then the checks."""
    tahun_baru = {}
    for th, t in m.tahun.items():
        periode = {}
        for kode, p in t.periode.items():
            sah, salah = jawaban.pengesahan[p.id] if jawaban is not None and \
                p.id in jawaban.pengesahan else pemeriksa.pengesahan(p.tempat)
            periode[kode] = replace(p, pengesahan=sah)
            temuan += salah
        tahun_baru[th] = replace(t, periode=periode)
    m = replace(m, tahun=tahun_baru)
    asing = jawaban.tag_asing([p.id for p in m.semua_periode()]) if jawaban is not None else None
    temuan += pemeriksa.tag_asing([p.tempat for p in m.semua_periode()], m.membaca) \
        if asing is None else asing
    return _periksa(m, temuan, lengkap, hanya, pemeriksa)


def _periksa(m: Muatan, temuan: list[Temuan], lengkap: bool, hanya: Iterable[str] | None,
             pemeriksa: Pemeriksa | None) -> Potret:
    """The snapshot of what was loaded (each period's ratification attached): every check run
    once."""
    diukur = {}
    if m.kantor is not None:
        temuan += periksa_kantor(m.kantor)
        pilih = _pilihan(hanya)
        for t in m.tahun.values():
            if t.pk is None:
                continue
            for p in t.periode.values():
                diukur[p.id] = terapkan(m.kantor, t.pk, p.segel)
            temuan += periksa_tahun(m.akar, m.kantor, t.pk, t.renaksi, list(t.periode.values()),
                                    lengkap=lengkap, hanya=pilih, diukur=diukur)
    for p in m.semua_periode():
        temuan += _segel_rusak(p, m.kantor.zona if m.kantor else None)
    return Potret(m, rapikan(temuan), lengkap, pemeriksa, diukur)


def _pilihan(hanya: Iterable[str] | None) -> Callable[[Periode], bool] | None:
    if hanya is None:
        return None
    ids = set(hanya)
    tahun = {i.split("-")[0] for i in ids if i.endswith("-tahunan")}
    return lambda p: p.id in ids or str(p.tahun) in tahun


def _segel_rusak(p: Periode, zona: tzinfo | None) -> list[Temuan]:
    return [temuan(x, "segel-rusak", pesan_rusak(p, zona)) for x in p.rusak_segel]
