"""The measurement table of one period: per indicator and per programme. Pure: model in, values out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kinerja.inti.angka import format_angka
from kinerja.inti.model import (
    NAMA_PERIODE,
    TRIWULAN,
    Indikator,
    Isian,
    Kantor,
    Periode,
    PerjanjianKinerja,
    Target,
)
from kinerja.ukur import capaian as cp
from kinerja.ukur.renaksi import RencanaAksi


@dataclass(frozen=True)
class BarisIndikator:
    sasaran: str
    sasaran_uraian: str
    indikator: Indikator
    target: Target
    realisasi: float | str | None
    capaian: cp.Capaian
    kategori: str | None
    isian: Isian | None
    dari_triwulan: bool  # yearly realisasi aggregated from the quarters
    riwayat: tuple[tuple[str, float | None], ...]  # (period, capaian) for quarters so far


@dataclass(frozen=True)
class BarisProgram:
    kode: str
    nama: str
    seksi: str
    pagu: float
    realisasi: float | None
    serapan: float | None  # of the whole-year ceiling
    serapan_rencana: float | None  # of what the spending plan expected by now
    capaian: float | None  # mean capaian of the indicators the programme supports
    efisiensi: str | None


@dataclass(frozen=True)
class Rekap:
    periode: Periode
    indikator: tuple[BarisIndikator, ...]
    program: tuple[BarisProgram, ...]

    def jumlah_kategori(self, kantor: Kantor) -> dict[str, int]:
        hasil = {k.nama: 0 for k in kantor.capaian.kategori}
        for b in self.indikator:
            if b.kategori is not None:
                hasil[b.kategori] = hasil.get(b.kategori, 0) + 1
        return hasil


def teks_target(t: Target) -> str:
    if t.teks is not None:
        return t.teks
    if t.rentang:
        return f"{format_angka(t.bawah or 0)}–{format_angka(t.atas or 0)}"
    return format_angka(t.nilai or 0)


def teks_nilai(x: float | str | None) -> str:
    if x is None:
        return "belum diisi"
    return x if isinstance(x, str) else format_angka(x)


def _isian(periode: Periode, ind: Indikator) -> Isian | None:
    form = periode.formulir.get(ind.seksi)
    return form.isian_kode(ind.kode) if form else None


def _hitung(kantor: Kantor, ind: Indikator, target: Target, r: float | str | None) -> cp.Capaian:
    aturan = kantor.capaian
    return cp.hitung(target, r, polaritas=ind.polaritas,
                     rumus_turun=ind.rumus_turun or aturan.rumus_turun, skala=ind.skala,
                     batas_atas=aturan.batas_atas)


def susun(kantor: Kantor, pk: PerjanjianKinerja, periode: Periode,
          sekitar: dict[str, Periode]) -> Rekap:
    """``sekitar`` holds the year's other periods: quarters feed yearly values and the history."""
    baris = []
    for sasaran in pk.sasaran:
        for ind in sasaran.indikator:
            isian = _isian(periode, ind)
            target = ind.target_periode(periode.kode)
            realisasi = isian.realisasi if isian else None
            dari_tw = False
            triwulan = [(tw, _isian(p, ind)) for tw in TRIWULAN if (p := sekitar.get(tw))]
            if periode.kode == "tahunan" and realisasi is None:
                realisasi = cp.agregasi([i.realisasi if i else None for _, i in triwulan],
                                        ind.agregasi)
                dari_tw = realisasi is not None
            hasil = _hitung(kantor, ind, target, realisasi)
            riwayat = tuple(
                (NAMA_PERIODE[tw], _hitung(kantor, ind, ind.target_periode(tw),
                                           i.realisasi if i else None).nilai)
                for tw, i in triwulan
                if periode.kode == "tahunan" or TRIWULAN.index(tw) <= TRIWULAN.index(periode.kode)
            )
            baris.append(BarisIndikator(
                sasaran.kode, sasaran.uraian, ind, target, realisasi, hasil,
                cp.kategori(hasil.nilai, kantor.capaian.kategori), isian, dari_tw, riwayat))
    program = []
    for prog in pk.program:
        form = periode.formulir.get(prog.seksi)
        ra = next((a for a in form.anggaran if a.program == prog.kode), None) if form else None
        realisasi = ra.realisasi if ra else None
        if realisasi is None and periode.kode == "tahunan" and (tw4 := sekitar.get("tw4")):
            f4 = tw4.formulir.get(prog.seksi)
            a4 = next((a for a in f4.anggaran if a.program == prog.kode), None) if f4 else None
            realisasi = a4.realisasi if a4 else None
        kode_ind = set(prog.indikator) or {i.kode for i in pk.indikator if i.seksi == prog.seksi}
        nilai = [b.capaian.nilai for b in baris
                 if b.indikator.kode in kode_ind and b.capaian.nilai is not None]
        rata = cp.rata_rata(nilai)
        sp = cp.serapan(realisasi, prog.anggaran)
        # A quarter's capaian is judged against what the plan expected spent by then, not the
        # whole year's ceiling, or every programme would look efficient until December.
        sr = cp.serapan(realisasi, prog.rencana(periode.kode))
        program.append(BarisProgram(prog.kode, prog.nama, prog.seksi, prog.anggaran, realisasi, sp,
                                    sr, rata,
                                    cp.efisiensi(rata, sr, kantor.capaian.ambang_efisiensi)))
    return Rekap(periode, tuple(baris), tuple(program))


@dataclass(frozen=True)
class RekapPeriode:
    rekap: Rekap
    kantor: Kantor
    pk: PerjanjianKinerja
    renaksi: RencanaAksi | None = None  # the plan the quarter is evaluated against


def rekap_periode(mulai: Path, tunjuk: str | None, *, draf: bool = True) -> RekapPeriode:
    """Load what a period needs (its year only) and build its table; refuse a period whose
    files have errors — with ``draf=False`` also an incomplete one."""
    from kinerja.baca.muat import cari_akar, cari_periode, muat_repo, tahun_tunjukan
    from kinerja.inti.errors import BerkasTidakValid, KinerjaError
    from kinerja.pengesahan.segel import renaksi_periode, terapkan
    from kinerja.periksa import penghalang, periksa_repo

    akar = cari_akar(mulai)
    repo = muat_repo(akar, tahun=tahun_tunjukan(akar, tunjuk))
    periode = cari_periode(repo, tunjuk)
    # The yearly table aggregates the quarters: they are checked as well as the year itself.
    periksa_repo(repo, lengkap=not draf, hanya=None if periode.kode == "tahunan" else periode)
    tahun = repo.tahun[periode.tahun]
    galat = penghalang(repo.temuan.temuan, tahun=periode.tahun, folder=repo.rel(periode.folder))
    if galat:
        berkas = len({t.berkas for t in galat})
        raise BerkasTidakValid(galat, saran=(
            f"{len(galat)} galat di {berkas} berkas; perbaiki lalu ulangi" if draf else
            f"dokumen final memerlukan periode yang lengkap dan valid: {len(galat)} galat di "
            f"{berkas} berkas. Perbaiki isiannya, atau buat draf dengan --draf"))
    if repo.kantor is None or tahun.pk is None:
        raise KinerjaError("kinerja.yml atau Perjanjian Kinerja tidak dapat dibaca")
    # A ratified period is measured by what it was sealed with, not by today's PK and rules.
    kantor, pk = terapkan(repo.kantor, tahun.pk, periode.segel)
    return RekapPeriode(susun(kantor, pk, periode, tahun.periode), kantor, pk,
                        renaksi_periode(tahun.renaksi, periode))
