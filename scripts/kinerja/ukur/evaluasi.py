"""Pure: the Rencana Aksi evaluation of a quarter as one view — what the report and the public
page both show, computed once."""

from __future__ import annotations

from kinerja.inti.angka import format_angka
from kinerja.inti.beku import beku
from kinerja.inti.model import NAMA_STATUS, Indikator, Kantor, PerjanjianKinerja, RencanaAksi
from kinerja.ukur.rekap import BarisIndikator, Rekap
from kinerja.ukur.renaksi import EvaluasiIndikator, EvaluasiSeksi, evaluasi, status_formulir


def selisih(b: BarisIndikator) -> str:
    """Realisation minus target, in the indicator's unit (a range: from its nearer bound); a
    graded indicator has no arithmetic gap."""
    t, r = b.target, b.realisasi
    if not isinstance(r, (int, float)) or isinstance(r, bool):
        return "–"
    if t.nilai is not None:
        acuan = t.nilai
    elif t.bawah is not None and t.atas is not None:
        acuan = t.bawah if r < t.bawah else t.atas if r > t.atas else r
    else:
        return "–"
    beda = r - acuan
    teks = ("+" if beda > 0 else "−" if beda < 0 else "") + format_angka(abs(beda))
    if beda and b.indikator.polaritas == "turun":
        # Less is better here: «−2» is a good result, and says so.
        teks += " (lebih baik)" if beda < 0 else " (lebih buruk)"
    return teks


@beku
class BarisAksi:
    kode: str
    uraian: str
    penanggung_jawab: str  # the person's title, as the office names it
    status: str  # Terlaksana, Sebagian, Belum — or «belum dievaluasi»
    catatan: str | None


@beku
class BarisEvaluasi:
    indikator: Indikator
    baris: BarisIndikator | None  # the indicator's figures this period
    aksi: tuple[BarisAksi, ...]
    ringkas: str  # «1 dari 2 (1 sebagian)»
    selisih: str
    # Where an action or the target fell short: the follow-up the section wrote (None: none yet)
    kurang: bool
    tindak_lanjut: str | None


@beku
class Evaluasi:
    per_seksi: tuple[EvaluasiSeksi, ...]
    per_indikator: tuple[BarisEvaluasi, ...]

    @property
    def tanpa_status(self) -> bool:
        return any(x.tanpa_status for x in self.per_seksi)


def tanpa_evaluasi(ra: RencanaAksi | None, tahun: int, nama: str, *, final: bool) -> str:
    """Why a quarter shows no Rencana Aksi evaluation, said rather than left out: a quarter
    ratified before the year's plan existed is not evaluated against it afterwards."""
    if ra is None:
        return (f"Rencana Aksi Tahun {tahun} belum disusun "
                + ("ketika periode ini disahkan" if final else "ketika laporan ini dibuat")
                + f"; {nama} tidak dievaluasi terhadap Rencana Aksi.")
    return f"Rencana Aksi Tahun {tahun} tidak memuat aksi untuk {nama}."


def evaluasi_periode(rekap: Rekap, kantor: Kantor, pk: PerjanjianKinerja,
                     ra: RencanaAksi | None) -> Evaluasi | None:
    """The quarter's evaluation against ``ra`` (None: the quarter has no plan to evaluate)."""
    if ra is None or ra.rusak or rekap.periode.kode == "tahunan":
        return None
    isian = {b.indikator.kode: b.isian for b in rekap.indikator if b.isian is not None}
    per_ind, per_seksi = evaluasi(kantor, pk, ra, rekap.periode.kode, status_formulir(isian))
    if not per_ind:
        return None
    menurut = {b.indikator.kode: b for b in rekap.indikator}
    return Evaluasi(per_seksi, tuple(_baris(kantor, e, menurut.get(e.indikator.kode))
                                     for e in per_ind))


def _baris(kantor: Kantor, e: EvaluasiIndikator, b: BarisIndikator | None) -> BarisEvaluasi:
    aksi = []
    for a in e.aksi:
        orang = kantor.pegawai_id(a.aksi.penanggung_jawab)
        aksi.append(BarisAksi(a.aksi.kode, a.aksi.uraian,
                              orang.jabatan if orang else a.aksi.penanggung_jawab,
                              NAMA_STATUS[a.status] if a.status else "belum dievaluasi",
                              a.catatan))
    kurang = any(a.status != "terlaksana" for a in e.aksi) or (
        b is not None and b.capaian.nilai is not None and b.capaian.nilai < 100)
    lanjut = b.isian.tindak_lanjut if b is not None and b.isian else None
    return BarisEvaluasi(e.indikator, b, tuple(aksi), e.ringkas,
                         selisih(b) if b is not None else "–", kurang, lanjut)
