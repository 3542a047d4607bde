"""`kinerja lkjip TAHUN`: gather the year's record, the earlier years of the archive and the
office's prose, and write the LKjIP as Markdown (for the diff) and PDF.

The LKjIP belongs to the year's yearly period (``periods/<tahun>/tahunan/``): its prose files
live in that period's ``lkjip/`` folder, so they are approved, ratified and sealed with it —
Kasubbag Perencanaan, then Sekcam, then the Camat — exactly like any period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kinerja.baca.muat import Repo, cari_akar, muat_repo
from kinerja.baca.teks import baca_teks
from kinerja.dokumen import grafik
from kinerja.dokumen.laporan import salin_logo
from kinerja.dokumen.lkjip import (
    BahanLKjIP,
    DataIndikator,
    TahunLalu,
    jumlah_aksi,
    penyebab_dan_upaya,
    prosa_wajib,
    susun,
)
from kinerja.inti import lolos
from kinerja.inti.angka import format_tanggal, format_waktu
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import TRIWULAN, Kantor, Periode, SuratPengantar
from kinerja.inti.sop import NAMA_PERAN
from kinerja.pengesahan.segel import renaksi_periode, terapkan
from kinerja.ukur.rekap import Rekap
from kinerja.ukur.rekap import susun as susun_rekap
from kinerja.ukur.renaksi import evaluasi, status_formulir

FOLDER_PROSA = "lkjip"


@dataclass(frozen=True)
class HasilLKjIP:
    markdown: Path
    pdf: Path


def _rekap(repo: Repo, kantor: Kantor, tahun: int, p: Periode, sekitar: dict[str, Periode]
           ) -> Rekap | None:
    t = repo.tahun[tahun]
    if t.pk is None:
        return None
    k, pk = terapkan(kantor, t.pk, p.segel)
    return susun_rekap(k, pk, p, sekitar)


def _tahun_lalu(repo: Repo, kantor: Kantor, tahun: int) -> Rekap | None:
    """An earlier year as the public archive has it: its ratified yearly period, or the year
    aggregated from its ratified quarters."""
    t = repo.tahun[tahun]
    triwulan = {k: p for k, p in t.periode.items() if k in TRIWULAN and p.disahkan}
    tahunan = t.periode.get("tahunan")
    if tahunan is None or not tahunan.disahkan:
        if not triwulan:
            return None
        tahunan = Periode(tahun, "tahunan", t.folder / "tahunan", "", None, (),
                          SuratPengantar(), {})
    return _rekap(repo, kantor, tahun, tahunan, triwulan)


def _prosa(repo: Repo, folder: Path, berkas: str) -> str:
    path = folder / berkas
    if not path.is_file() or path.is_symlink():
        return ""
    return baca_teks(path, repo.rel(path))


def bahan(akar: Path, tahun: int, *, draf: bool, tanggal: date | None = None,
          folder_build: Path | None = None) -> tuple[BahanLKjIP, Periode]:
    from kinerja.periksa import penghalang, periksa_repo

    repo = muat_repo(akar)
    periksa_repo(repo, lengkap=not draf)
    t = repo.tahun.get(tahun)
    if t is None or t.pk is None:
        raise KinerjaError(f"Perjanjian Kinerja {tahun} belum ada; LKjIP disusun dari tahun "
                           "yang sudah diukur")
    tahunan = t.periode.get("tahunan")
    if tahunan is None:
        raise KinerjaError(f"periode tahunan {tahun} belum ada; LKjIP disetujui dan disahkan "
                           f"bersama periode itu. Buat dengan «kinerja periode baru {tahun} "
                           "tahunan»")
    galat = penghalang(repo.temuan.temuan, tahun=tahun, folder=repo.rel(tahunan.folder))
    if galat:
        raise BerkasTidakValid(galat, saran=(
            f"LKjIP disusun dari periode yang valid: {len(galat)} galat; perbaiki lalu ulangi"
            + ("" if draf else ", atau buat draf dengan --draf")))
    if repo.kantor is None:
        raise KinerjaError("kinerja.yml tidak dapat dibaca")
    kantor = repo.kantor
    rekap = _rekap(repo, kantor, tahun, tahunan, t.periode)
    assert rekap is not None
    k_segel, pk_segel = terapkan(kantor, t.pk, tahunan.segel)
    per_tw = {kode: r for kode in TRIWULAN if (p := t.periode.get(kode)) is not None
              and (r := _rekap(repo, kantor, tahun, p, t.periode)) is not None}
    lalu = {y: r for y in sorted(repo.tahun) if y < tahun
            and (r := _tahun_lalu(repo, kantor, y)) is not None}
    evaluasi_tw = []
    for kode, r in per_tw.items():
        ra = renaksi_periode(t.renaksi, r.periode)
        if ra is not None and not ra.rusak:
            isian = {b.indikator.kode: b.isian for b in r.indikator if b.isian is not None}
            evaluasi_tw += list(evaluasi(k_segel, pk_segel, ra, kode, status_formulir(isian))[0])
    data = []
    for baris in rekap.indikator:
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
            folder_build.mkdir(parents=True, exist_ok=True)
            (folder_build / nama_grafik).write_text(
                grafik.garis(titik, judul=f"Capaian {kode} per tahun"), encoding="utf-8")
        data.append(DataIndikator(baris, riwayat, penyebab, upaya,
                                  jumlah_aksi([e for e in evaluasi_tw
                                               if e.indikator.kode == kode]), nama_grafik))
    folder_prosa = tahunan.folder / FOLDER_PROSA
    teks = {f: _prosa(repo, folder_prosa, f) for f, _ in prosa_wajib(pk_segel)}
    sah = next((c.waktu for c in tahunan.riwayat if c.peran == "camat"), None)
    hasil = BahanLKjIP(
        k_segel, pk_segel, rekap, tuple(data), teks, draf,
        format_tanggal(tanggal or (sah.date() if sah else date.today())),
        tuple((NAMA_PERAN[c.peran], c.nama, "disetujui" if c.peran != "camat" else "disahkan",
               format_waktu(c.waktu)) for c in tahunan.riwayat),
        tahun_lalu=tuple(lalu))
    return hasil, tahunan


def buat(mulai: Path, tahun: int, *, draf: bool, keluaran: Path | None = None,
         tanggal: date | None = None) -> HasilLKjIP:
    from dataclasses import replace

    from kinerja.dokumen import render

    akar = cari_akar(mulai)
    folder = akar / "build" / str(tahun)
    # pandoc starts while the year is read and checked (as for the quarterly report)
    with render.Pandoc("dokumen") as proses:
        b, tahunan = bahan(akar, tahun, draf=draf, tanggal=tanggal, folder_build=folder)
        b = replace(b, logo=salin_logo(akar, b.kantor, folder))
        nama = f"lkjip-{tahun}{'-draf' if draf else ''}"
        teks = susun(b, f"periods/{tahun}/tahunan/{FOLDER_PROSA}")
        pdf = keluaran or folder / f"{nama}.pdf"
        render.pdf(teks, "dokumen", folder, nama, pdf.resolve(), proses)
    if not draf:
        from kinerja.pengesahan.segel import tandai

        tandai(pdf, tahunan, "lkjip")
    return HasilLKjIP(folder / f"{nama}.md", pdf)
