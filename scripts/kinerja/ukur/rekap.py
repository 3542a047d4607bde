"""The measurement table of one period: per indicator and per programme. Pure: model in, values out."""

from __future__ import annotations

from kinerja.inti.angka import format_angka
from kinerja.inti.beku import beku
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
from kinerja.ukur.tersegel import terapkan


@beku
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
    # A year measured in part: the target is the quarters' targets up to the last one measured
    # (which quarter: «tw2»), so a half-year's realisation is not judged against a whole year.
    target_sampai: str | None = None


@beku
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
    # A yearly realisation taken from a quarter (cumulative by the forms' rule): which one;
    # before TW IV, the year's spending so far.
    sampai: str | None = None


@beku
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


@beku
class Ukuran:
    """What a period is measured with: the office and PK (as sealed, if it is ratified)."""

    kantor: Kantor
    pk: PerjanjianKinerja


def ukuran(kantor: Kantor, pk: PerjanjianKinerja, p: Periode) -> Ukuran:
    return Ukuran(*terapkan(kantor, pk, p.segel))


def _riwayat(kantor: Kantor, pk: PerjanjianKinerja, periode: Periode,
             sekitar: dict[str, Periode]) -> dict[str, tuple[tuple[str, float | None], ...]]:
    """Per indicator code, the capaian of the year's quarters up to this period, each measured
    by its own seal. A ratified period's chart shows only earlier quarters that are ratified
    themselves: what it printed never depends on a draft."""
    hasil: dict[str, list[tuple[str, float | None]]] = {}
    for tw in TRIWULAN:
        q = periode if tw == periode.kode else sekitar.get(tw)
        if q is None:
            continue
        if periode.kode != "tahunan" and TRIWULAN.index(tw) > TRIWULAN.index(periode.kode):
            break
        if periode.disahkan and q is not periode and not q.disahkan:
            continue
        u = ukuran(kantor, pk, q) if q is not periode else Ukuran(*terapkan(kantor, pk,
                                                                            periode.segel))
        for ind in u.pk.indikator:
            isian = _isian(q, ind)
            hasil.setdefault(ind.kode, []).append(
                (NAMA_PERIODE[tw], _hitung(u.kantor, ind, ind.target_periode(tw),
                                           isian.realisasi if isian else None).nilai))
    return {k: tuple(v) for k, v in hasil.items()}


def susun(kantor: Kantor, pk: PerjanjianKinerja, periode: Periode,
          sekitar: dict[str, Periode]) -> Rekap:
    """The period's table. ``kantor`` and ``pk`` as they stand now: a ratified period is measured
    by its seal. ``sekitar`` holds the year's other periods: quarters feed yearly values (a
    ratified year seals its quarters' files) and each indicator's history."""
    kantor_asli, pk_asli = kantor, pk
    kantor, pk = terapkan(kantor, pk, periode.segel)
    riwayat = _riwayat(kantor_asli, pk_asli, periode, sekitar)
    baris = []
    for sasaran in pk.sasaran:
        for ind in sasaran.indikator:
            isian = _isian(periode, ind)
            target = ind.target_periode(periode.kode)
            realisasi = isian.realisasi if isian else None
            dari_tw = False
            sampai = None
            if periode.kode == "tahunan" and realisasi is None:
                diisi = [(tw, i) for tw in TRIWULAN if (q := sekitar.get(tw))
                         and (i := _isian(q, ind)) is not None and i.realisasi is not None]
                realisasi = cp.agregasi([i.realisasi for _, i in diisi], ind.agregasi)
                dari_tw = realisasi is not None
                if diisi and diisi[-1][0] != "tw4":
                    target, sampai = _target_sampai(ind, [tw for tw, _ in diisi], target)
            hasil = _hitung(kantor, ind, target, realisasi)
            baris.append(BarisIndikator(
                sasaran.kode, sasaran.uraian, ind, target, realisasi, hasil,
                cp.kategori(hasil.nilai, kantor.capaian.kategori), isian, dari_tw,
                riwayat.get(ind.kode, ()), sampai))
    return Rekap(periode, tuple(baris), _program(kantor, pk, periode, sekitar, baris))


def _target_sampai(ind: Indikator, diisi: list[str], tahunan: Target
                   ) -> tuple[Target, str | None]:
    """The target of the quarters measured so far, combined as the realisations are (sum, mean
    or last); the yearly target where the quarters' targets are not plain numbers."""
    per_tw = [ind.target_periode(tw) for tw in diisi]
    if any(t.nilai is None for t in per_tw):
        return tahunan, None
    nilai = cp.agregasi([t.nilai for t in per_tw], ind.agregasi)
    return (Target(nilai=float(nilai)), diisi[-1]) if isinstance(nilai, (int, float)) else \
        (tahunan, None)


def _program(kantor: Kantor, pk: PerjanjianKinerja, periode: Periode,
             sekitar: dict[str, Periode], baris: list[BarisIndikator]) -> tuple[BarisProgram, ...]:
    program = []
    for prog in pk.program:
        form = periode.formulir.get(prog.seksi)
        ra = next((a for a in form.anggaran if a.program == prog.kode), None) if form else None
        realisasi = ra.realisasi if ra else None
        sampai = None
        if realisasi is None and periode.kode == "tahunan":
            # Quarters report spending to date: the latest quarter that says it is the year's
            # so far (TW IV: the whole year).
            for tw in reversed(TRIWULAN):
                q = sekitar.get(tw)
                f = q.formulir.get(prog.seksi) if q else None
                a = next((x for x in f.anggaran if x.program == prog.kode), None) if f else None
                if a is not None and a.realisasi is not None:
                    realisasi, sampai = a.realisasi, tw
                    break
        kode_ind = set(prog.indikator) or {i.kode for i in pk.indikator if i.seksi == prog.seksi}
        nilai = [b.capaian.nilai for b in baris
                 if b.indikator.kode in kode_ind and b.capaian.nilai is not None]
        rata = cp.rata_rata(nilai)
        sp = cp.serapan(realisasi, prog.anggaran)
        # A quarter's capaian is judged against what the plan expected spent by then, not the
        # whole year's ceiling, or every programme would look efficient until December.
        sr = cp.serapan(realisasi, prog.rencana(sampai or periode.kode))
        program.append(BarisProgram(prog.kode, prog.nama, prog.seksi, prog.anggaran, realisasi, sp,
                                    sr, rata,
                                    cp.efisiensi(rata, sr, kantor.capaian.ambang_efisiensi),
                                    sampai))
    return tuple(program)
