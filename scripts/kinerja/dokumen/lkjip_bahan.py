"""`kinerja lkjip TAHUN`: gather the year's record, the earlier years of the archive and the
office's prose, and write the LKjIP as Markdown (for the diff) and PDF.

The LKjIP belongs to the year's yearly period (``periods/<tahun>/tahunan/``): its prose files
live in that period's ``lkjip/`` folder, so they are approved, ratified and sealed with it —
Kasubbag Perencanaan, then Sekcam, then the Camat — exactly like any period.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from kinerja.baca import prosa
from kinerja.dokumen import grafik, keaslian, render
from kinerja.dokumen.lkjip import (
    BahanLKjIP,
    DataIndikator,
    TahunLalu,
    jumlah_aksi,
    penyebab_dan_upaya,
    susun,
)
from kinerja.inti import lolos, tata
from kinerja.inti.angka import format_tanggal, format_waktu
from kinerja.inti.beku import beku
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import TRIWULAN, Periode, SuratPengantar
from kinerja.inti.sop import NAMA_PERAN
from kinerja.layanan import Potret
from kinerja.pengesahan.segel import sidik_dokumen
from kinerja.ukur.rekap import BarisIndikator, Rekap
from kinerja.ukur.rekap import susun as susun_rekap
from kinerja.ukur.renaksi import EvaluasiIndikator, evaluasi, status_formulir
from kinerja.ukur.tersegel import terapkan


@beku
class HasilLKjIP:
    markdown: Path
    pdf: Path


def _tahun_lalu(pt: Potret, tahun: int) -> Rekap | None:
    """An earlier year as the public archive has it: its ratified yearly period, or the year
    aggregated from its ratified quarters."""
    t = pt.tahun[tahun]
    if t.pk is None or pt.kantor is None:
        return None
    triwulan: dict[str, Periode] = {k: p for k, p in t.periode.items()
                                    if k in TRIWULAN and p.disahkan}
    tahunan = t.periode.get("tahunan")
    if tahunan is None or not tahunan.disahkan:
        if not triwulan:
            return None
        tahunan = Periode(tahun, "tahunan", t.folder / "tahunan", "", None, (),
                          SuratPengantar(), {})
    return susun_rekap(pt.kantor, t.pk, tahunan, triwulan)


def _evaluasi(pt: Potret, tahun: int, per_tw: dict[str, Rekap]) -> list[EvaluasiIndikator]:
    hasil: list[EvaluasiIndikator] = []
    for kode, r in per_tw.items():
        k, pk, ra = pt.ukuran(r.periode)
        if ra is not None and not ra.rusak:
            isian = {b.indikator.kode: b.isian for b in r.indikator if b.isian is not None}
            hasil += list(evaluasi(k, pk, ra, kode, status_formulir(isian))[0])
    return hasil


def bahan(pt: Potret, tahun: int, *, draf: bool, tanggal: date | None = None,
          folder_build: Path | None = None) -> tuple[BahanLKjIP, Periode]:
    t = pt.tahun.get(tahun)
    if t is None or t.pk is None:
        raise KinerjaError(f"Perjanjian Kinerja {tahun} belum ada; LKjIP disusun dari tahun "
                           "yang sudah diukur")
    tahunan = t.periode.get("tahunan")
    if tahunan is None:
        raise KinerjaError(f"periode tahunan {tahun} belum ada; LKjIP disetujui dan disahkan "
                           f"bersama periode itu. Buat dengan «kinerja periode baru {tahun} "
                           "tahunan»")
    galat = pt.penghalang(tahunan)
    if galat:
        raise BerkasTidakValid(galat, saran=(
            f"LKjIP disusun dari periode yang valid: {len(galat)} galat; perbaiki lalu ulangi"
            + ("" if draf else ", atau buat draf dengan --draf")))
    kantor = pt.kantor
    if kantor is None:
        raise KinerjaError("kinerja.yml tidak dapat dibaca")
    rekap = pt.rekap(tahunan)
    k_segel, pk_segel = terapkan(kantor, t.pk, tahunan.segel)
    per_tw: dict[str, Rekap] = {kode: pt.rekap(p) for kode in TRIWULAN
                                if (p := t.periode.get(kode)) is not None}
    lalu = {y: r for y in sorted(pt.tahun) if y < tahun
            and (r := _tahun_lalu(pt, y)) is not None}
    evaluasi_tw = _evaluasi(pt, tahun, per_tw)
    data = [_data(baris, lalu, per_tw, evaluasi_tw, tahun, folder_build)
            for baris in rekap.indikator]
    teks = {f: prosa.baca(pt.akar, tahun, f)[0] for f, _ in prosa.semua_berkas(pk_segel)}
    # a quarter counts as measured once any of its forms reports a figure
    diukur = tuple(kode for kode, r in per_tw.items()
                   if any(x.realisasi is not None for x in r.indikator))
    sah = next((c.waktu.astimezone(kantor.zona) for c in tahunan.riwayat if c.peran == "camat"),
               None)
    hasil = BahanLKjIP(
        k_segel, pk_segel, rekap, tuple(data), teks, draf,
        format_tanggal(tanggal or (sah.date() if sah else date.today())),
        tuple((NAMA_PERAN[c.peran], c.nama, "disetujui" if c.peran != "camat" else "disahkan",
               format_waktu(c.waktu.astimezone(kantor.zona))) for c in tahunan.riwayat),
        tahun_lalu=tuple(lalu), diukur=diukur)
    return hasil, tahunan


def _data(baris: BarisIndikator, lalu: dict[int, Rekap], per_tw: dict[str, Rekap],
          evaluasi_tw: list[EvaluasiIndikator], tahun: int,
          folder_build: Path | None) -> DataIndikator:
    kode = baris.indikator.kode
    riwayat = tuple(TahunLalu(y, x) for y, r in lalu.items()
                    for x in r.indikator if x.indikator.kode == kode)
    per_kuartal = [(tw, x) for tw, r in per_tw.items() for x in r.indikator
                   if x.indikator.kode == kode]
    if baris.isian is not None:
        per_kuartal.append(("Tahunan", baris))
    penyebab, upaya = penyebab_dan_upaya(per_kuartal)
    nama_grafik = None
    # A trend needs a past: with no earlier year in the archive there is no chart.
    if folder_build is not None and riwayat:
        nama_grafik = f"tren-{lolos.slug(kode)}.svg"
        titik = [(str(t_.tahun), t_.baris.capaian.nilai) for t_ in riwayat]
        titik.append((str(tahun), baris.capaian.nilai))
        render.tulis(folder_build / nama_grafik,
                     grafik.garis(titik, judul=f"Capaian {kode} per tahun"))
    return DataIndikator(baris, riwayat, penyebab, upaya,
                         jumlah_aksi([e for e in evaluasi_tw if e.indikator.kode == kode]),
                         nama_grafik)


def buat(pt: Potret, tahun: int, proses: render.Pandoc, *, draf: bool,
         keluaran: Path | None = None, tanggal: date | None = None) -> HasilLKjIP:
    folder = pt.akar / "build" / str(tahun)
    b, tahunan = bahan(pt, tahun, draf=draf, tanggal=tanggal, folder_build=folder)
    b = replace(b, logo=render.salin_logo(pt.akar, b.kantor, folder))
    nama = f"lkjip-{tahun}{'-draf' if draf else ''}"
    asli = None if draf else keaslian.untuk_periode(tahunan, "lkjip", pt.alamat_arsip())
    teks = susun(b, f"{tata.folder_periode(tahun, 'tahunan')}/{tata.FOLDER_LKJIP}")
    teks += keaslian.lampiran(asli, folder, "lkjip")
    pdf = keluaran or folder / f"{nama}.pdf"
    hari = tanggal or next((c.waktu.astimezone(b.kantor.zona).date() for c in tahunan.riwayat
                            if c.peran == "camat"), None) or date.today()
    render.pdf(teks, "dokumen", folder, nama, pdf.resolve(), proses, keaslian.meta_pdf(
        f"Laporan Kinerja Instansi Pemerintah Tahun {tahun}", b.kantor.instansi.nama, hari,
        "lkjip", tahunan.id, None if draf else sidik_dokumen(tahunan, "lkjip"), asli))
    return HasilLKjIP(folder / f"{nama}.md", pdf)
