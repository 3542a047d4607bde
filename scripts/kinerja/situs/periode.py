"""The page of one ratified period: its figures, chart, budget, Rencana Aksi evaluation, each
indicator's explanation and evidence, and who ratified it when."""

from __future__ import annotations

import re
from pathlib import Path

from kinerja.baca import bukti as bk
from kinerja.dokumen.laporan import grafik_svg, teks_revisi, versi_pk_periode
from kinerja.inti.angka import format_rupiah, format_tanggal, format_waktu
from kinerja.inti.beku import beku
from kinerja.inti.model import Kantor, Periode, PerjanjianKinerja, RencanaAksi
from kinerja.inti.sop import NAMA_PERAN
from kinerja.situs.html import (
    a,
    aman,
    h,
    kategori,
    kepala_halaman,
    nama_bukti,
    persen,
    tabel,
    tautan_bukti,
    url_indikator,
)
from kinerja.situs.keaslian import Unduhan, blok_periode
from kinerja.ukur.evaluasi import Evaluasi, tanpa_evaluasi
from kinerja.ukur.rekap import Rekap, teks_nilai, teks_target


@beku
class Terbit:
    """One ratified period, measured by its seal, as the site shows it."""

    periode: Periode
    kantor: Kantor  # as sealed
    pk: PerjanjianKinerja  # as sealed
    rekap: Rekap
    renaksi: RencanaAksi | None = None  # the plan the quarter was evaluated against (sealed)
    evaluasi: Evaluasi | None = None
    unduh: tuple[Unduhan, ...] = ()  # the PDFs published beside the page


def halaman(akar: Path, t: Terbit) -> tuple[str, list[tuple[Path, str]]]:
    """The page's text, and the files to copy beside it (path, name under the page)."""
    p, rekap, kantor = t.periode, t.rekap, t.kantor
    c = p.pengesahan.camat
    baris = [*kepala_halaman(f"Pengukuran Kinerja {p.nama}"), ""]
    if c:
        baris += [f"Disahkan oleh {aman(c.nama)} pada "
                  f"{format_tanggal(c.waktu.astimezone(kantor.zona).date())}.", ""]
    baris += [f"Diukur dengan target {aman(versi_pk_periode(p, t.pk))}.", ""]
    for r in p.revisi:
        baris += [f"**Direvisi.** {aman(teks_revisi(r))}", ""]
    if t.unduh:
        baris += ["Unduh: " + " · ".join(f"[{u.judul}]({u.nama})" for u in t.unduh), ""]
    jumlah = rekap.jumlah_kategori(kantor)
    baris += ["## Capaian indikator", "",
              "Kategori: " + ", ".join(f"{kategori(k)} {n}" for k, n in jumlah.items()), ""]
    baris += _tabel_capaian(t)
    baris += ['<div class="grafik" data-search-exclude>', grafik_svg(rekap, kantor).strip(),
              "</div>", ""]
    if rekap.program:
        baris += ["## Realisasi anggaran"]
        baris += tabel(["Program", "Pagu", "Realisasi", "Serapan", "Capaian", "Efisiensi"],
                       "Lrrrrl",
                       [[f"{h(x.kode)} {h(x.nama)}", format_rupiah(x.pagu),
                         "–" if x.realisasi is None else format_rupiah(x.realisasi),
                         persen(x.serapan), persen(x.capaian), h(x.efisiensi or "–")]
                        for x in rekap.program])
        baris += ["Serapan dihitung terhadap pagu setahun; efisiensi membandingkan capaian "
                  "program dengan serapan terhadap rencana penarikan dana sampai akhir periode.",
                  ""]
    if t.evaluasi is not None:
        baris += _evaluasi(t, t.evaluasi)
    elif t.periode.kode != "tahunan":
        baris += ["## Evaluasi Rencana Aksi", "",
                  h(tanpa_evaluasi(t.renaksi, t.periode.tahun, t.periode.nama, final=True)), ""]
    penjelasan, salinan = _penjelasan(akar, t)
    baris += penjelasan
    baris += ["## Riwayat pemeriksaan"]
    baris += tabel(["Langkah", "Peran", "Nama", "Waktu"], "llll",
                   [[str(n), h(NAMA_PERAN[c.peran]), h(c.nama),
                     format_waktu(c.waktu.astimezone(kantor.zona))]
                    for n, c in zip((6, 7, 8), p.riwayat, strict=False)])
    baris += blok_periode(p, t.unduh, kantor.zona)
    return "\n".join(baris) + "\n", salinan


def _tabel_capaian(t: Terbit) -> list[str]:
    kelompok: list[tuple[str, list[list[str]]]] = []
    for sasaran in t.pk.sasaran:
        isi = [b for b in t.rekap.indikator if b.sasaran == sasaran.kode]
        if isi:
            kelompok.append((f"{h(sasaran.kode)} {h(sasaran.uraian)}", [
                [f"{a(url_indikator(b.indikator.kode, '../../'), h(b.indikator.kode))} "
                 f"{h(b.indikator.uraian)}", h(b.indikator.satuan), h(teks_target(b.target)),
                 h(teks_nilai(b.realisasi)), persen(b.capaian.nilai), kategori(b.kategori)]
                for b in isi]))
    return tabel(["Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"],
                 "Llrrrl", kelompok)


def _evaluasi(t: Terbit, ev: Evaluasi) -> list[str]:
    """The quarter's Rencana Aksi evaluation, as the report has it."""
    baris = ["## Evaluasi Rencana Aksi", "",
             f"Aksi Rencana Aksi yang direncanakan untuk {t.periode.nama}, menurut formulir "
             "setiap seksi; aksi yang terlaksana sebagian dihitung setengah."]
    baris += tabel(["Seksi", "Direncanakan", "Terlaksana", "Sebagian", "Belum", "Pelaksanaan"],
                   "Lrrrrr",
                   [[h(x.nama), str(x.direncanakan), str(x.terlaksana), str(x.sebagian),
                     str(x.belum + x.tanpa_status), persen(x.persen)] for x in ev.per_seksi])
    isi = []
    for e in ev.per_indikator:
        b = e.baris
        for n, x in enumerate(e.aksi):
            angka = (f"{h(teks_target(b.target))} → {h(teks_nilai(b.realisasi))}"
                     + (f" ({h(e.selisih)})" if e.selisih != "–" else "")
                     if b is not None and n == 0 else "")
            isi.append([
                a(url_indikator(e.indikator.kode, "../../"), h(e.indikator.kode)) if n == 0 else "",
                angka, f"{h(x.kode)} {h(x.uraian)}", h(x.penanggung_jawab),
                h(x.status) + (f": {h(x.catatan)}" if x.catatan else "")])
    # Target, realisation and the gap in one cell: seven columns would not fit a desktop page.
    baris += tabel(["Indikator", "Target → realisasi", "Aksi", "Penanggung jawab", "Status"],
                   "llLll", isi)
    return baris


def _penjelasan(akar: Path, t: Terbit) -> tuple[list[str], list[tuple[Path, str]]]:
    p = t.periode
    rel = f"{p.tahun}/{p.kode}"
    baris = ["## Penjelasan per indikator", ""]
    salinan: list[tuple[Path, str]] = []
    per_sasaran = ""
    terpakai: dict[str, Path] = {}
    for b in t.rekap.indikator:
        i = b.isian
        if b.sasaran != per_sasaran:
            per_sasaran = b.sasaran
            baris += [f"### {aman(b.sasaran)} {aman(b.sasaran_uraian)}", ""]
        baris += [f"#### {aman(b.indikator.kode)} {aman(b.indikator.uraian)}", ""]
        for judul, teks in (("Penjelasan", i.penjelasan if i else None),
                            ("Hambatan", i.hambatan if i else None),
                            ("Tindak lanjut", i.tindak_lanjut if i else None)):
            if teks:
                baris += [f"**{judul}.** {aman(teks)}", ""]
        if i and i.bukti_dukung:
            tautan = []
            for x in i.bukti_dukung:
                path = None if bk.tautan(x) else bk.berkas(akar, p.folder, x)
                nama = None
                if path is not None:
                    # Two files whose names read alike («Notulen.pdf», «notulen.pdf») get two
                    # names on the site.
                    nama, n = nama_bukti(path), 2
                    asli = nama
                    while terpakai.get(nama, path) != path:
                        nama, n = re.sub(r"(\.[^./]+)?$", rf"-{n}\g<1>", asli, count=1), n + 1
                    terpakai[nama] = path
                    salinan.append((path, f"{rel}/{nama}"))
                tautan.append(tautan_bukti(x, nama))
            baris += ["**Bukti dukung:** " + ", ".join(tautan), ""]
    return baris, salinan
