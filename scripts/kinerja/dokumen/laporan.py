"""The official report as pandoc Markdown: readable in a pull-request diff, rendered by ``render``.

People's words (explanations, names, evidence) are data, never markup: every piece of their text
goes through ``md()``, which backslash-escapes each character pandoc could read as syntax, and the
renderer additionally turns off raw HTML/TeX/Typst passthrough. A ``penjelasan`` of
``<script>``, ``#set page(...)``, ``$x$``, ``@ref`` or ``\\textbf{x}`` prints exactly so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote

from kinerja.baca import bukti as bk
from kinerja.dokumen import grafik, keaslian, render
from kinerja.dokumen.md import blok_meta, md, meta_kop, nip, pemisah, persen, rupiah, sel
from kinerja.inti.angka import format_persen, format_tanggal, format_waktu
from kinerja.inti.beku import beku
from kinerja.inti.errors import BerkasTidakValid
from kinerja.inti.model import (
    NAMA_PERIODE,
    Kantor,
    Pegawai,
    Periode,
    PerjanjianKinerja,
    RencanaAksi,
    Revisi,
)
from kinerja.inti.sop import NAMA_PERAN
from kinerja.layanan import Potret
from kinerja.pengesahan.segel import sidik_dokumen, versi_pk
from kinerja.ukur.evaluasi import Evaluasi, evaluasi_periode, tanpa_evaluasi
from kinerja.ukur.rekap import BarisIndikator, Rekap, teks_nilai, teks_target

__all__ = ["buat", "md", "susun"]


@beku
class BarisPengesahan:
    """One recorded review, for the ratification page."""

    peran: str
    nama: str
    waktu: str
    keputusan: str


def judul(rekap: Rekap) -> str:
    p = rekap.periode
    return f"LAPORAN PENGUKURAN KINERJA {NAMA_PERIODE[p.kode].upper()} TAHUN {p.tahun}"


def _tautan(bukti: str) -> str:
    if bk.tautan(bukti):
        aman = quote(bukti, safe=":/?#[]@!$&'*+,;=%-._~")
        return f"[{md(bukti)}](<{aman}>)"
    return md(bukti)


def _baris_tabel(b: BarisIndikator, n: int) -> str:
    realisasi = teks_nilai(b.realisasi) + (" ¹" if b.dari_triwulan else "")
    sel_ = [str(n), f"{sel(b.indikator.kode)} {sel(b.indikator.uraian)}", sel(b.indikator.satuan),
            sel(teks_target(b.target)), sel(realisasi), persen(b.capaian.nilai),
            sel(b.kategori or "–")]
    return "| " + " | ".join(sel_) + " |"


def versi_pk_periode(p: Periode, pk: PerjanjianKinerja) -> str:
    """The PK version a period was measured against: as sealed, or the one in force."""
    return p.segel.pk if p.segel is not None and p.segel.pk else versi_pk(pk)


def teks_revisi(r: Revisi) -> str:
    """One revision, in the words of the report and the public page."""
    disahkan = (f", disahkan {format_tanggal(r.disahkan.date())}" if r.disahkan else "") + \
        (f" oleh {r.oleh}" if r.oleh else "")
    dibuka = f" pada {format_tanggal(r.dibuka.date())}" if r.dibuka else ""
    nomor = f" (nomor {r.nomor})" if r.nomor else ""
    return (f"Revisi ke-{r.versi}: laporan ini adalah versi {r.versi + 1}. Versi {r.versi}"
            f"{disahkan}, dibuka kembali{dibuka} dengan alasan: {r.alasan}{nomor}.")


def susun(rekap: Rekap, kantor: Kantor, pk: PerjanjianKinerja, *, draf: bool,
          tanggal: date, gambar: str | None, riwayat: tuple[BarisPengesahan, ...] = (),
          logo: str | None = None, renaksi: RencanaAksi | None = None) -> str:
    p = rekap.periode
    i = kantor.instansi
    camat = next(iter(kantor.pemegang("camat")), None)
    pegawai = [_pegawai_meta(x) for x in kantor.pegawai]
    meta: dict[str, object] = {
        **meta_kop(kantor, logo),
        "title": md(judul(rekap)),
        "subtitle": md(f"{i.nama}, {i.pemerintah.removeprefix('Pemerintah ')}"),
        "draf": draf,
        "tanggal": md(format_tanggal(tanggal)),
        "pengesah_jabatan": md((camat.jabatan if camat else "Camat").upper()),
        "pengesah_nama": md(camat.nama if camat else "…"),
        "pengesah_pangkat": md(camat.pangkat or "") if camat else "",
        "pengesah_nip": md(nip(camat.nip)) if camat else "",
        "periode": md(p.nama),
        "pegawai": pegawai,
    }
    if riwayat:
        meta["riwayat"] = [{"peran": md(r.peran), "nama": md(r.nama), "waktu": md(r.waktu),
                            "keputusan": md(r.keputusan)} for r in riwayat]
    baris = [*blok_meta(meta), ""]

    baris += [
        "# Pendahuluan",
        "",
        md(f"Pengukuran kinerja {p.nama} dilaksanakan sesuai Standar Operasional Prosedur "
           f"Pengukuran Kinerja {i.nama}, dengan membandingkan realisasi terhadap target "
           f"Perjanjian Kinerja Tahun {pk.tahun} yang ditandatangani pada "
           f"{format_tanggal(pk.tanggal)} oleh {pk.pihak_pertama.nama} "
           f"({pk.pihak_pertama.jabatan}) dan {pk.pihak_kedua.nama} ({pk.pihak_kedua.jabatan})."),
        "",
        md("Capaian indikator berpolaritas naik dihitung sebagai realisasi dibagi target dikali "
           "100%; indikator berpolaritas turun dengan rumus " +
           ("(2 × target − realisasi) / target × 100%" if kantor.capaian.rumus_turun == "2T-R"
            else "target / realisasi × 100%") +
           (f"; capaian dibatasi paling tinggi {format_persen(kantor.capaian.batas_atas)}."
            if kantor.capaian.batas_atas else ".")),
        "",
        *([md(f"Target yang dipakai: {versi_pk_periode(p, pk)}."), ""]
          if "Perubahan" in versi_pk_periode(p, pk) else []),
        *[x for r in p.revisi for x in (md(teks_revisi(r)), "")],
        "# Hasil Pengukuran Kinerja",
        "",
    ]
    n = 0
    for sasaran in pk.sasaran:
        isi = [b for b in rekap.indikator if b.sasaran == sasaran.kode]
        if not isi:
            continue
        baris += [f"## {sel(sasaran.kode)} {sel(sasaran.uraian)}", "",
                  "| No | Indikator | Satuan | Target | Realisasi | Capaian | Kategori |",
                  pemisah((5, 37, 11, 9, 12, 10, 16), "rllrrrl")]
        for b in isi:
            n += 1
            baris.append(_baris_tabel(b, n))
        baris.append("")
    if any(b.dari_triwulan for b in rekap.indikator):
        baris += [md("¹ dihitung dari realisasi Triwulan I–IV menurut agregasi indikator."), ""]
    jumlah = rekap.jumlah_kategori(kantor)
    baris += [
        md("Ringkasan kategori capaian: " + ", ".join(f"{k} {v} indikator"
                                                      for k, v in jumlah.items()) + "."),
        "",
    ]
    if gambar:
        baris += ["# Grafik Capaian", "", f"![Capaian per indikator, {md(p.nama)}]({gambar})", ""]
    if rekap.program:
        baris += [
            "# Realisasi Anggaran",
            "",
            "| Program | Pagu | Realisasi | Serapan | Capaian | Efisiensi |",
            pemisah((30, 17, 17, 10, 10, 16), "lrrrrl"),
        ]
        for x in rekap.program:
            baris.append("| " + " | ".join([
                f"{sel(x.kode)} {sel(x.nama)}", rupiah(x.pagu),
                "belum diisi" if x.realisasi is None else rupiah(x.realisasi),
                # «Kurang efisien» on one line: a no-break space, in a column wide enough.
                persen(x.serapan), persen(x.capaian),
                sel(x.efisiensi or "–").replace(" ", "\u00a0")]) + " |")
        baris += ["", md("Serapan dihitung terhadap pagu setahun; efisiensi membandingkan capaian "
                         "program dengan serapan terhadap rencana penarikan dana sampai akhir "
                         "periode."), ""]
    ev = evaluasi_periode(rekap, kantor, pk, renaksi)
    if ev is not None:
        baris += _evaluasi_renaksi(ev, rekap, pk, draf=draf)
    elif p.kode != "tahunan":
        baris += ["# Evaluasi Rencana Aksi", "",
                  md(tanpa_evaluasi(renaksi, pk.tahun, p.nama, final=not draf)), ""]
    baris += ["# Penjelasan per Indikator", ""]
    for b in rekap.indikator:
        baris += _penjelasan(b, draf=draf)
    return "\n".join(baris).rstrip("\n") + "\n"


def _evaluasi_renaksi(ev: Evaluasi, rekap: Rekap, pk: PerjanjianKinerja, *,
                      draf: bool) -> list[str]:
    """Evaluasi Rencana Aksi: actions done against planned, per section and per indicator, the
    gap between target and realisation, and the follow-up where the target or an action fell
    short."""
    baris = ["# Evaluasi Rencana Aksi", "",
             md(f"Aksi Rencana Aksi Tahun {pk.tahun} yang direncanakan untuk "
                f"{rekap.periode.nama}, menurut formulir setiap seksi. Tingkat pelaksanaan "
                "menghitung aksi yang terlaksana sebagian sebagai setengah."), "",
             *(["| Seksi | Direncanakan | Terlaksana | Sebagian | Belum | Tanpa status | "
                "Pelaksanaan |", pemisah((28, 13, 12, 11, 9, 12, 15), "lrrrrrr")]
               if ev.tanpa_status else
               ["| Seksi | Direncanakan | Terlaksana | Sebagian | Belum | Pelaksanaan |",
                pemisah((36, 14, 12, 11, 10, 17), "lrrrrr")])]
    for s in ev.per_seksi:
        baris.append("| " + " | ".join([sel(s.nama), str(s.direncanakan), str(s.terlaksana),
                                        str(s.sebagian), str(s.belum),
                                        *([str(s.tanpa_status)] if ev.tanpa_status else []),
                                        persen(s.persen)]) + " |")
    baris += ["", "| Indikator | Target | Realisasi | Selisih | Capaian | Aksi terlaksana |",
              pemisah((40, 11, 12, 10, 11, 16), "lrrrrr")]
    for e in ev.per_indikator:
        b = e.baris
        if b is None:
            continue
        baris.append("| " + " | ".join([
            f"{sel(e.indikator.kode)} {sel(e.indikator.uraian)}", sel(teks_target(b.target)),
            sel(teks_nilai(b.realisasi)), sel(e.selisih), persen(b.capaian.nilai),
            sel(e.ringkas)]) + " |")
    baris.append("")
    for e in ev.per_indikator:
        baris += [f"## {sel(e.indikator.kode)} {sel(e.indikator.uraian)}", ""]
        for a in e.aksi:
            baris.append(f"- **{md(a.kode)}** {md(a.uraian)} ({md(a.penanggung_jawab)}): "
                         f"*{md(a.status)}*" + (f". {md(a.catatan)}" if a.catatan else ""))
        baris.append("")
        if e.kurang and (e.tindak_lanjut or draf):
            baris += ["**Tindak lanjut.** " + (md(e.tindak_lanjut) if e.tindak_lanjut
                                               else "*belum diisi*"), ""]
    return baris


def _penjelasan(b: BarisIndikator, *, draf: bool = True) -> list[str]:
    """An indicator's explanation. In the final report an empty optional part (no obstacle, so
    no follow-up, for an indicator that met its target) is left out: «belum diisi» printed in a
    signed report reads as unfinished work. The draft keeps the marker."""
    i = b.isian
    hasil = [f"## {sel(b.indikator.kode)} {sel(b.indikator.uraian)}", "",
             f"Target {sel(teks_target(b.target))} {sel(b.indikator.satuan)}, realisasi "
             f"{sel(teks_nilai(b.realisasi))}, capaian {persen(b.capaian.nilai)}"
             + (f" ({sel(b.kategori)})" if b.kategori else "") + ".", ""]
    if b.capaian.catatan:
        hasil += [f"*{md('Catatan perhitungan: ' + b.capaian.catatan)}*", ""]
    for judul_, isi in (("Penjelasan", i.penjelasan if i else None),
                        ("Hambatan", i.hambatan if i else None),
                        ("Tindak lanjut", i.tindak_lanjut if i else None)):
        if isi or draf:
            hasil += [f"**{judul_}.** " + (md(isi) if isi else "*belum diisi*"), ""]
    bukti = i.bukti_dukung if i else ()
    if bukti:
        hasil += ["**Bukti dukung:**", ""] + [f"- {_tautan(x)}" for x in bukti] + [""]
    elif draf:
        hasil += ["**Bukti dukung:** *belum diisi*", ""]
    return hasil


def _pegawai_meta(p: Pegawai) -> dict[str, str]:
    return {"nama": md(p.nama), "nip": md(nip(p.nip)), "jabatan": md(p.jabatan)}


@beku
class HasilLaporan:
    markdown: Path
    pdf: Path


def folder_build(akar: Path, rekap: Rekap) -> Path:
    return akar / "build" / rekap.periode.id


def grafik_svg(rekap: Rekap, kantor: Kantor) -> str:
    riwayat_tw = rekap.periode.kode != "tahunan"
    batang = [
        grafik.Batang(b.indikator.kode, b.indikator.uraian, b.capaian.nilai, b.kategori,
                      b.riwayat[:-1] if riwayat_tw else b.riwayat)
        for b in rekap.indikator
    ]
    return grafik.capaian(batang, judul=f"Capaian per indikator, {rekap.periode.nama}",
                          batas=kantor.capaian.batas_atas or 120)


def buat(pt: Potret, p: Periode, proses: render.Pandoc, *, draf: bool,
         keluaran: Path | None = None, tanggal: date | None = None) -> HasilLaporan:
    """Render a period's report; without ``draf`` an incomplete or invalid period is refused
    (the snapshot is checked with --lengkap for a final report)."""
    galat = pt.penghalang(p)
    if galat:
        berkas = len({t.berkas for t in galat})
        raise BerkasTidakValid(galat, saran=(
            f"{len(galat)} galat di {berkas} berkas; perbaiki lalu ulangi" if draf else
            f"dokumen final memerlukan periode yang lengkap dan valid: {len(galat)} galat di "
            f"{berkas} berkas. Perbaiki isiannya, atau buat draf dengan --draf"))
    rekap = pt.rekap(p)
    kantor, pk, ra = pt.ukuran(p)
    folder = folder_build(pt.akar, rekap)
    render.tulis(folder / "grafik-capaian.svg", grafik_svg(rekap, kantor))
    logo = render.salin_logo(pt.akar, kantor, folder)
    riwayat = tuple(
        BarisPengesahan(NAMA_PERAN[c.peran], c.nama, format_waktu(c.waktu.astimezone(kantor.zona)),
                    "disetujui" if c.peran != "camat" else "disahkan")
        for c in p.riwayat)
    sah = next((c.waktu.astimezone(kantor.zona).date() for c in p.riwayat
                if c.peran == "camat"), None)
    hari = tanggal or sah or date.today()
    asli = None if draf else keaslian.untuk_periode(p, "laporan", pt.alamat_arsip())
    teks = susun(rekap, kantor, pk, draf=draf, tanggal=hari, gambar="grafik-capaian.svg",
                 riwayat=riwayat, logo=logo, renaksi=ra)
    teks += keaslian.lampiran(asli, folder, "laporan")
    nama_pdf = f"laporan-pengukuran-kinerja-{p.id}{'-draf' if draf else ''}.pdf"
    pdf = keluaran or folder / nama_pdf
    render.pdf(teks, "laporan", folder, "laporan", pdf.resolve(), proses,
               keaslian.meta_pdf(judul(rekap), kantor.instansi.nama, hari, "laporan", p.id,
                                 None if draf else sidik_dokumen(p, "laporan"), asli))
    return HasilLaporan(folder / "laporan.md", pdf)
