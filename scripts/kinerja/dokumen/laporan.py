"""The official report as pandoc Markdown: readable in a pull-request diff, rendered by ``render``.

People's words (explanations, names, evidence) are data, never markup: every piece of their text
goes through ``md()``, which backslash-escapes each character pandoc could read as syntax, and the
renderer additionally turns off raw HTML/TeX/Typst passthrough. A ``penjelasan`` of
``<script>``, ``#set page(...)``, ``$x$``, ``@ref`` or ``\\textbf{x}`` prints exactly so.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from kinerja.inti import lolos
from kinerja.inti.angka import format_angka, format_persen, format_rupiah, format_tanggal, format_waktu
from kinerja.inti.model import NAMA_PERIODE, Kantor, Pegawai, Periode, PerjanjianKinerja, Revisi
from kinerja.inti.sop import NAMA_PERAN
from kinerja.ukur import renaksi as renaksi_
from kinerja.ukur.rekap import BarisIndikator, Rekap, teks_nilai, teks_target
from kinerja.ukur.renaksi import RencanaAksi

if TYPE_CHECKING:
    from kinerja.dokumen.render import Pandoc

md = lolos.pandoc  # people's text in pandoc Markdown
sel = lolos.pandoc_sel  # and in a pipe-table cell


def nip(n: str | None) -> str:
    if not n or len(n) != 18:
        return n or "–"
    return f"{n[:8]} {n[8:14]} {n[14]} {n[15:]}"


@dataclass(frozen=True)
class Persetujuan:
    """One recorded review, for the ratification page."""

    peran: str
    nama: str
    waktu: str
    keputusan: str


def judul(rekap: Rekap) -> str:
    p = rekap.periode
    return f"LAPORAN PENGUKURAN KINERJA {NAMA_PERIODE[p.kode].upper()} TAHUN {p.tahun}"


def _meta(nilai: object) -> str:
    """A YAML metadata value whose string parts pandoc reads as (escaped) Markdown."""
    return json.dumps(nilai, ensure_ascii=False)


def pemisah(lebar: tuple[int, ...], rata: str) -> str:
    """A pipe-table separator longer than pandoc's 72 columns, so the dashes set the relative
    column widths (percentages that sum to 100) instead of Typst guessing from content."""
    sel_ = []
    for n, r in zip(lebar, rata, strict=True):
        garis = "-" * max(n - 1, 2)
        sel_.append(":" + garis if r == "l" else garis + ":")
    return "|" + "|".join(sel_) + "|"


def rupiah(x: float) -> str:
    return format_rupiah(x).replace(" ", "\\ ")  # a non-breaking space: «Rp» never wraps alone


def meta_kop(kantor: Kantor, logo: str | None = None) -> dict[str, object]:
    """Letterhead and paper metadata shared by every document's template (``kop.typ``)."""
    i = kantor.instansi
    kontak = " · ".join(x for x in (
        f"Telepon {i.telepon}" if i.telepon else "",
        f"Surel {i.email}" if i.email else "",
        f"Kode Pos {i.kode_pos}" if i.kode_pos else "",
    ) if x)
    meta: dict[str, object] = {
        # A letterhead reads «PEMERINTAH KABUPATEN …» whether kinerja.yml wrote «Pemerintah».
        "pemerintah": md(("" if i.pemerintah.lower().startswith("pemerintah ") else
                          "PEMERINTAH ") + i.pemerintah.upper()),
        "instansi": md(i.nama.upper()),  # the letterhead's capitals
        "instansi_nama": md(i.nama),  # as written, for sentences and page footers
        "alamat": md(i.alamat),
        "kontak": md(kontak),
        "kertas-f4": kantor.kertas == "F4",
        "lang": "id",
        "kota": md(i.kota),
    }
    if logo:
        meta["logo"] = logo
    return meta


def blok_meta(meta: dict[str, object]) -> list[str]:
    return ["---", *(f"{k}: {_meta(v)}" for k, v in meta.items()), "---"]


def salin_logo(akar: Path, kantor: Kantor, folder: Path) -> str | None:
    import shutil

    if not kantor.instansi.logo:
        return None
    sumber = akar / kantor.instansi.logo
    try:
        di_dalam = sumber.resolve().is_relative_to(akar.resolve()) and not sumber.is_symlink()
    except OSError:
        di_dalam = False
    if not di_dalam:
        from kinerja.inti.errors import KinerjaError

        raise KinerjaError(f"logo «{kantor.instansi.logo}» berada di luar repositori; simpan "
                           "berkas logo di dalam repositori (misalnya content/gambar/logo.png) "
                           "dan tulis jalurnya di instansi.logo", berkas="kinerja.yml")
    if not sumber.is_file():
        from kinerja.inti.errors import KinerjaError

        raise KinerjaError(f"logo «{kantor.instansi.logo}» tidak ditemukan; periksa instansi.logo",
                           berkas="kinerja.yml")
    nama = "logo" + sumber.suffix.lower()
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(sumber, folder / nama)
    return nama


def persen(x: float | None) -> str:
    return "–" if x is None else format_persen(x)


def _tautan(bukti: str) -> str:
    if re.match(r"https?://", bukti, re.IGNORECASE):
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
    from kinerja.pengesahan.segel import versi_pk

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
          tanggal: date, grafik: str | None, riwayat: tuple[Persetujuan, ...] = (),
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
    if grafik:
        baris += ["# Grafik Capaian", "", f"![Capaian per indikator, {md(p.nama)}]({grafik})", ""]
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
    if renaksi is not None and not renaksi.rusak and p.kode != "tahunan":
        baris += _evaluasi_renaksi(rekap, kantor, pk, renaksi, draf=draf)
    baris += ["# Penjelasan per Indikator", ""]
    for b in rekap.indikator:
        baris += _penjelasan(b, draf=draf)
    return "\n".join(baris).rstrip("\n") + "\n"


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


def _evaluasi_renaksi(rekap: Rekap, kantor: Kantor, pk: PerjanjianKinerja, ra: RencanaAksi, *,
                      draf: bool) -> list[str]:
    """Evaluasi Rencana Aksi: actions done against planned, per section and per indicator, the
    gap between target and realisation, and the follow-up where the target or an action fell
    short."""
    isian = {b.indikator.kode: b.isian for b in rekap.indikator if b.isian is not None}
    per_ind, per_seksi = renaksi_.evaluasi(kantor, pk, ra, rekap.periode.kode,
                                           renaksi_.status_formulir(isian))
    if not per_ind:
        return []
    baris = ["# Evaluasi Rencana Aksi", "",
             md(f"Aksi Rencana Aksi Tahun {pk.tahun} yang direncanakan untuk "
                f"{rekap.periode.nama}, menurut formulir setiap seksi. Tingkat pelaksanaan "
                "menghitung aksi yang terlaksana sebagian sebagai setengah."), "",
             *(["| Seksi | Direncanakan | Terlaksana | Sebagian | Belum | Tanpa status | "
                "Pelaksanaan |", pemisah((28, 13, 12, 11, 9, 12, 15), "lrrrrrr")]
               if any(x.tanpa_status for x in per_seksi) else
               ["| Seksi | Direncanakan | Terlaksana | Sebagian | Belum | Pelaksanaan |",
                pemisah((36, 14, 12, 11, 10, 17), "lrrrrr")])]
    tanpa = any(x.tanpa_status for x in per_seksi)
    for s in per_seksi:
        baris.append("| " + " | ".join([sel(s.nama), str(s.direncanakan), str(s.terlaksana),
                                        str(s.sebagian), str(s.belum),
                                        *([str(s.tanpa_status)] if tanpa else []),
                                        persen(s.persen)]) + " |")
    baris += ["", "| Indikator | Target | Realisasi | Selisih | Capaian | Aksi terlaksana |",
              pemisah((40, 11, 12, 10, 11, 16), "lrrrrr")]
    menurut = {b.indikator.kode: b for b in rekap.indikator}
    for e in per_ind:
        b = menurut.get(e.indikator.kode)
        if b is None:
            continue
        baris.append("| " + " | ".join([
            f"{sel(e.indikator.kode)} {sel(e.indikator.uraian)}", sel(teks_target(b.target)),
            sel(teks_nilai(b.realisasi)), sel(selisih(b)), persen(b.capaian.nilai),
            sel(e.ringkas)]) + " |")
    baris.append("")
    for e in per_ind:
        b = menurut.get(e.indikator.kode)
        baris += [f"## {sel(e.indikator.kode)} {sel(e.indikator.uraian)}", ""]
        for a in e.aksi:
            orang = kantor.pegawai_id(a.aksi.penanggung_jawab)
            status = renaksi_.NAMA_STATUS[a.status] if a.status else "belum dievaluasi"
            baris.append(f"- **{md(a.aksi.kode)}** {md(a.aksi.uraian)} "
                         f"({md(orang.jabatan if orang else a.aksi.penanggung_jawab)}): "
                         f"*{md(status)}*" + (f". {md(a.catatan)}" if a.catatan else ""))
        baris.append("")
        kurang = any(a.status != "terlaksana" for a in e.aksi) or (
            b is not None and b.capaian.nilai is not None and b.capaian.nilai < 100)
        lanjut = b.isian.tindak_lanjut if b is not None and b.isian else None
        if kurang and (lanjut or draf):
            baris += ["**Tindak lanjut.** " + (md(lanjut) if lanjut else "*belum diisi*"), ""]
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


@dataclass(frozen=True)
class HasilLaporan:
    markdown: Path
    pdf: Path


def folder_build(akar: Path, rekap: Rekap) -> Path:
    return akar / "build" / rekap.periode.id


def grafik_svg(rekap: Rekap, kantor: Kantor) -> str:
    from kinerja.dokumen import grafik

    riwayat_tw = rekap.periode.kode != "tahunan"
    batang = [
        grafik.Batang(b.indikator.kode, b.indikator.uraian, b.capaian.nilai, b.kategori,
                      b.riwayat[:-1] if riwayat_tw else b.riwayat)
        for b in rekap.indikator
    ]
    return grafik.capaian(batang, judul=f"Capaian per indikator, {rekap.periode.nama}",
                          batas=kantor.capaian.batas_atas or 120)


def buat(mulai: Path, tunjuk: str | None, *, draf: bool, keluaran: Path | None = None,
         tanggal: date | None = None) -> HasilLaporan:
    """Render a period's report; without ``draf`` an incomplete or invalid period is refused."""
    from kinerja.baca.muat import cari_akar
    from kinerja.dokumen import render

    akar = cari_akar(mulai)
    with render.Pandoc("laporan") as proses:
        return _buat(akar, tunjuk, proses, draf=draf, keluaran=keluaran, tanggal=tanggal)


def _buat(akar: Path, tunjuk: str | None, proses: Pandoc, *, draf: bool,
          keluaran: Path | None, tanggal: date | None) -> HasilLaporan:
    from kinerja.dokumen import render
    from kinerja.ukur.rekap import rekap_periode

    rp = rekap_periode(akar, tunjuk, draf=draf)
    rekap, kantor = rp.rekap, rp.kantor
    folder = folder_build(akar, rekap)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "grafik-capaian.svg").write_text(grafik_svg(rekap, kantor), encoding="utf-8")
    logo = salin_logo(akar, kantor, folder)
    riwayat = tuple(
        Persetujuan(NAMA_PERAN[c.peran], c.nama,
                    format_waktu(c.waktu), "disetujui"
                    if c.peran != "camat" else "disahkan")
        for c in rekap.periode.riwayat)
    sah = next((c.waktu.date() for c in rekap.periode.riwayat if c.peran == "camat"), None)
    teks = susun(rekap, kantor, rp.pk, draf=draf, tanggal=tanggal or sah or date.today(),
                 grafik="grafik-capaian.svg", riwayat=riwayat, logo=logo,
                 renaksi=rp.renaksi)
    nama_pdf = f"laporan-pengukuran-kinerja-{rekap.periode.id}{'-draf' if draf else ''}.pdf"
    pdf = keluaran or folder / nama_pdf
    render.pdf(teks, "laporan", folder, "laporan", pdf.resolve(), proses)
    if not draf:
        from kinerja.pengesahan.segel import tandai

        tandai(pdf, rekap.periode, "laporan")
    return HasilLaporan(folder / "laporan.md", pdf)
