"""The archive's other pages: its index, each year (with the LKjIP's figures and the Rencana
Aksi), each indicator across periods, the SOP, the home page's headline, and the office's own
words for the hand-written pages."""

from __future__ import annotations

from kinerja.dokumen import grafik
from kinerja.inti import lolos
from kinerja.inti.angka import format_angka, format_persen, format_tanggal
from kinerja.inti.beku import beku
from kinerja.inti.model import NAMA_PERIODE, Indikator, Kantor, RencanaAksi
from kinerja.inti.sop import sop
from kinerja.situs.html import (
    a,
    aman,
    h,
    kategori,
    kepala_halaman,
    persen,
    slug,
    tabel,
    url_indikator,
    url_periode,
)
from kinerja.situs.periode import Terbit
from kinerja.ukur.rekap import teks_nilai, teks_target


@beku
class Nilai:
    """One ratified period's row on an indicator's page."""

    indikator: Indikator
    label: str  # «TW III 2026», under the chart
    sel: tuple[str, ...]  # the table cells, HTML
    capaian: float | None


@beku
class Tahun:
    """Everything one year contributes to the site."""

    tahun: int
    periode: tuple[str, ...]  # codes of the ratified periods, in SOP order (tw1 … tahunan)
    nilai: tuple[Nilai, ...]


def halaman_arsip(kantor: Kantor, per_tahun: list[Tahun]) -> str:
    baris = ["# Arsip pengukuran kinerja", "",
             f"Hasil pengukuran kinerja {aman(kantor.instansi.nama)} yang telah disahkan Camat. "
             "Periode yang masih dalam pemeriksaan tidak ditampilkan.", "",
             "Lihat juga: [daftar indikator](indikator/index.md) · [SOP](sop.md) · "
             "[periksa keaslian dokumen cetak](keaslian/index.md)."]
    baris += tabel(["Tahun", "Periode disahkan"], "ll",
                    [[a(f"{t.tahun}/", str(t.tahun)), ", ".join(
                        a(url_periode(t.tahun, kode, ""), NAMA_PERIODE[kode])
                        for kode in t.periode)]
                     for t in reversed(per_tahun)]) if per_tahun else [
        "", "Belum ada periode yang disahkan."]
    return "\n".join(baris) + "\n"


def halaman_tahun(kantor: Kantor, th: int, terbit: list[Terbit]) -> str:
    teratas = [k.nama for k in kantor.capaian.kategori[:2]]
    pk = terbit[0].pk
    isi = [*kepala_halaman(f"Tahun {th}"), "", f"Perjanjian Kinerja ditandatangani "
           f"{format_tanggal(pk.tanggal)} oleh {aman(pk.pihak_pertama.nama)} "
           f"({aman(pk.pihak_pertama.jabatan)}).", "", "## Periode disahkan"]
    isi += tabel(["Periode", "Indikator", " / ".join(teratas), "Disahkan"], "lrrl",
                  [[a(f"{t.periode.kode}/", NAMA_PERIODE[t.periode.kode]),
                    str(len(t.rekap.indikator)),
                    str(sum(1 for b in t.rekap.indikator if b.kategori in teratas)),
                    next((format_tanggal(c.waktu.astimezone(kantor.zona).date())
                          for c in t.periode.riwayat
                          if c.peran == "camat"), "–")] for t in terbit])
    isi += ["## Sasaran dan indikator", ""]
    for s in pk.sasaran:
        isi += [f"**{aman(s.kode)}** {aman(s.uraian)}", ""]
        isi += [f"- [{aman(i.kode)}](../indikator/{slug(i.kode)}/index.md) {aman(i.uraian)} — "
                f"target {aman(teks_target(i.target))} {aman(i.satuan)}" for i in s.indikator]
        isi.append("")
    return "\n".join(isi) + "\n"


def lkjip(th: int, tahunan: Terbit, unduh: str | None) -> list[str]:
    """The LKjIP on the year's page: ratified with the yearly period, its figures and PDF."""
    isi = ["## Laporan Kinerja (LKjIP)", "",
           f"Capaian tahunan {th}, disahkan bersama pengukuran kinerja tahunan."]
    isi += tabel(["Indikator", "Target", "Realisasi", "Capaian", "Kategori"], "Lrrrl",
                 [(f"{h(s.kode)} {h(s.uraian)}", [
                     [f"{a(url_indikator(b.indikator.kode, '../'), h(b.indikator.kode))} "
                      f"{h(b.indikator.uraian)}", h(teks_target(b.target)),
                      h(teks_nilai(b.realisasi)), persen(b.capaian.nilai), kategori(b.kategori)]
                     for b in tahunan.rekap.indikator if b.sasaran == s.kode])
                  for s in tahunan.pk.sasaran])
    if unduh:
        isi += [f"Unduh: [LKjIP {th} (PDF)]({unduh})", ""]
    return isi


def rencana_aksi(kantor: Kantor, th: int, ra: RencanaAksi, unduh: str | None) -> list[str]:
    isi = ["## Rencana Aksi", ""]
    isi += tabel(["Kode", "Indikator", "Aksi", "Triwulan", "Penanggung jawab", "Keluaran"],
                 "llLlll",
                 [[h(x.kode), h(x.indikator), h(x.uraian),
                   h(", ".join(NAMA_PERIODE[t].removeprefix("Triwulan ") for t in x.triwulan
                               if t in NAMA_PERIODE)),
                   h(o.jabatan if (o := kantor.pegawai_id(x.penanggung_jawab)) else
                     x.penanggung_jawab), h(x.keluaran)] for x in ra.aksi])
    isi += ["Rencana Aksi seperti tercatat di repositori kantor. Dokumen yang ditandatangani "
            "Camat disimpan kantor; setiap triwulan yang disahkan memuat aksi yang "
            "dievaluasinya.", ""]
    if unduh:
        isi += [f"Unduh: [Rencana Aksi {th} (PDF, salinan tanpa tanda tangan)]({unduh})", ""]
    return isi


def nilai_indikator(terbit: list[Terbit]) -> list[Nilai]:
    hasil = []
    for t in terbit:
        p = t.periode
        singkat = NAMA_PERIODE[p.kode].replace("Triwulan", "TW")
        hasil += [Nilai(b.indikator, f"{singkat} {p.tahun}", (
            a(url_periode(p.tahun, p.kode, "../../"), h(p.nama)), h(teks_target(b.target)),
            h(teks_nilai(b.realisasi)), persen(b.capaian.nilai), kategori(b.kategori)),
            b.capaian.nilai) for b in t.rekap.indikator]
    return hasil


def halaman_indikator(nilai: list[Nilai]) -> dict[str, str]:
    per_kode: dict[str, list[Nilai]] = {}
    for n in nilai:
        per_kode.setdefault(n.indikator.kode, []).append(n)
    # the latest year's wording of each indicator
    definisi = {kode: daftar[-1].indikator for kode, daftar in per_kode.items()}
    daftar = ["# Indikator kinerja"]
    daftar += tabel(["Kode", "Indikator", "Satuan", "Periode"], "lLlr",
                     [[a(f"{slug(k)}/", h(k)), h(definisi[k].uraian), h(definisi[k].satuan),
                       str(len(v))] for k, v in sorted(per_kode.items())]) if per_kode else [
        "", "Belum ada periode yang disahkan, jadi belum ada nilai indikator yang diterbitkan."]
    hasil = {"indikator/index.md": "\n".join(daftar) + "\n"}
    for kode, baris in per_kode.items():
        ind = definisi[kode]
        isi = [*kepala_halaman(f"{kode} {ind.uraian}"), ""]
        if ind.definisi:
            isi += [f"**Definisi operasional.** {aman(ind.definisi)}", ""]
        arah = "makin tinggi makin baik" if ind.polaritas == "naik" else "makin rendah makin baik"
        isi += [f"Satuan {aman(ind.satuan)} · {arah} · agregasi tahunan: {aman(ind.agregasi)}.",
                ""]
        titik = [(n.label, n.capaian) for n in baris[-24:]]
        isi += ['<div class="grafik" data-search-exclude>',
                grafik.garis(titik, judul=f"Capaian {kode} per periode").strip(), "</div>"]
        isi += tabel(["Periode", "Target", "Realisasi", "Capaian", "Kategori"], "lrrrl",
                      [list(n.sel) for n in baris])
        # A folder per page: a raw HTML link then resolves the same whether the builder reads it
        # from the page's URL (MkDocs) or from its source file (Zensical).
        hasil[f"indikator/{slug(kode)}/index.md"] = "\n".join(isi) + "\n"
    return hasil


def halaman_sop() -> str:
    s = sop()
    isi = [*kepala_halaman(s.nama), "",
           "Sepuluh langkah pengukuran kinerja, pelaksananya, dan mutu baku waktunya. Tabel ini "
           "dibaca dari data SOP yang sama dengan yang dipakai untuk menjadwalkan dan memantau "
           "setiap periode."]
    isi += tabel(["No", "Uraian", "Pelaksana", "Masukan", "Mutu baku", "Keluaran"], "rLllrl",
                  [[str(x.nomor), h(x.uraian), h(x.nama_pelaksana), h(x.masukan),
                    h(x.mutu_baku), h(x.keluaran)] for x in s.langkah])
    isi += [f"**Kelengkapan:** {aman(', '.join(s.kelengkapan))}.", "",
            f"**Peringatan:** {aman(s.peringatan)}", ""]
    return "\n".join(isi) + "\n"


def ringkasan(kantor: Kantor, t: Terbit) -> str:
    """The home page's headline (included with a snippet) for the latest ratified period."""
    jumlah = t.rekap.jumlah_kategori(kantor)
    rel = f"arsip/{t.periode.tahun}/{t.periode.kode}/index.md"
    isi = [f"## Terakhir disahkan: [{t.periode.nama}]({rel})",
           "", f"{len(t.rekap.indikator)} indikator diukur:", ""]
    isi += [f"- {kategori(k)}: {n} indikator" for k, n in jumlah.items()]
    return "\n".join(isi) + "\n"


# --- what every office owns: its name, its rules ----------------------------------------------------

def halaman_kantor(kantor: Kantor) -> dict[str, str]:
    """The office's own words for the hand-written pages (included as snippets) and the site's
    title (``_situs.yml``, inherited by mkdocs.yml): renaming the office in kinerja.yml renames
    it everywhere on the next build, and no other office's name is ever shown."""
    i = kantor.instansi
    pemerintah = i.pemerintah.removeprefix("Pemerintah ")
    pimpinan = next(iter(kantor.pemegang("camat")), None)
    jabatan = pimpinan.jabatan if pimpinan else "pimpinan"
    a = kantor.capaian
    turun = ("(2 × target − realisasi) ÷ target × 100%" if a.rumus_turun == "2T-R"
             else "target ÷ realisasi × 100%")
    batas = f", paling tinggi {format_persen(a.batas_atas)}" if a.batas_atas else ""
    pita = sorted(a.kategori, key=lambda k: -k.min)
    kategori = ", ".join(
        f"{aman(k.nama)} (≥ {format_angka(k.min)})" if n < len(pita) - 1
        else f"{aman(k.nama)} (di bawah {format_angka(pita[n - 1].min) if n else '–'})"
        for n, k in enumerate(pita))
    judul = f"Pengukuran Kinerja {i.nama}"
    keterangan = f"Arsip pengukuran kinerja {i.nama}, {pemerintah}"
    return {
        "_situs.yml": ("# Dibuat oleh «kinerja situs» dari kinerja.yml; jangan diubah tangan.\n"
                       # Both builders' themes print these into <title>, <meta> and the
                       # header as they are: escaped here, once, as HTML text.
                       f"site_name: {lolos.yaml(lolos.html(judul))}\n"
                       f"site_description: {lolos.yaml(lolos.html(keterangan))}\n"),
        "_kantor.md": (f"{aman(i.nama)}, {aman(pemerintah)}, mengukur kinerjanya setiap triwulan "
                       "dengan membandingkan realisasi terhadap target Perjanjian Kinerja, sesuai "
                       "SOP Pengukuran Kinerja. Setiap pengukuran diperiksa Kasubbag Perencanaan "
                       f"dan Sekretaris, lalu disahkan {aman(jabatan)}; hanya pengukuran yang "
                       "telah disahkan yang tampil di sini.\n"),
        "_aturan.md": ("Capaian dihitung dengan rumus yang sama untuk setiap periode: indikator "
                       "«makin tinggi makin baik» sebagai realisasi ÷ target × 100%; indikator "
                       f"«makin rendah makin baik» sebagai {turun}{batas}. Kategori capaian: "
                       f"{kategori}. Aturan ini dibaca dari kinerja.yml {aman(i.nama)}.\n"),
    }
