"""Pure: the year's Laporan Kinerja Instansi Pemerintah (LKjIP), as pandoc Markdown, in the
structure of PermenPANRB 53/2014 — Ikhtisar Eksekutif; I Pendahuluan; II Perencanaan Kinerja;
III Akuntabilitas Kinerja (A. capaian per sasaran, B. realisasi anggaran); IV Penutup; Lampiran.

Every figure comes from the year's record: the yearly period's table (each indicator aggregated
from the quarters by its own rule), earlier years from the archive, the quarters' explanations
and the Rencana Aksi evaluation. The prose the office writes (executive summary, tasks, the
analysis of each sasaran, the closing) is read from Markdown files in the yearly period's
``lkjip/`` folder and set around the tables: paragraphs, bullet lists and sub-headings, every
word escaped (people's text is data; no raw HTML or Typst passes through).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import field

from kinerja.baca.prosa import berkas_analisis, tertulis
from kinerja.dokumen.md import Blok, blok_meta, md, meta_kop, nip, pemisah, persen, rupiah
from kinerja.inti import lolos
from kinerja.inti.angka import format_rupiah, format_tanggal
from kinerja.inti.beku import beku
from kinerja.inti.model import NAMA_PERIODE, TRIWULAN, Kantor, PerjanjianKinerja
from kinerja.ukur.evaluasi import selisih
from kinerja.ukur.rekap import BarisIndikator, Rekap, teks_nilai, teks_target
from kinerja.ukur.renaksi import EvaluasiIndikator


@beku
class TahunLalu:
    tahun: int
    baris: BarisIndikator  # that year's yearly figure for the same indicator code


@beku
class DataIndikator:
    baris: BarisIndikator  # this year's yearly figure
    lalu: tuple[TahunLalu, ...]  # earlier years in the archive, oldest first
    penyebab: tuple[tuple[str, str], ...]  # (quarter, text): what the sections said happened
    upaya: tuple[tuple[str, str], ...]  # (quarter, text): follow-up they took
    aksi: tuple[int, int, int]  # Rencana Aksi over the year: planned, done, half done
    grafik: str | None = None  # the trend chart's file, beside the Markdown


@beku
class BahanLKjIP:
    kantor: Kantor
    pk: PerjanjianKinerja
    tahunan: Rekap
    indikator: tuple[DataIndikator, ...]
    prosa: dict[str, str]  # file name → text (absent or blank: not written yet)
    draf: bool
    tanggal: str
    riwayat: tuple[tuple[str, str, str, str], ...] = ()  # (peran, nama, keputusan, waktu)
    logo: str | None = None
    tahun_lalu: tuple[int, ...] = field(default_factory=tuple)
    # The quarters with any figure reported: fewer than four, and the year's are provisional.
    diukur: tuple[str, ...] = ("tw1", "tw2", "tw3", "tw4")


_BUTIR = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _judul(baris: str) -> str | None:
    """A «#» heading's text ("" for a bare «#»), or None when the line is not a heading.
    Read without a regular expression: a heading line of thousands of spaces must not cost
    more than its length."""
    isi = baris.strip()
    n = len(isi) - len(isi.lstrip("#"))
    if not 1 <= n <= 6 or (len(isi) > n and not isi[n].isspace()):
        return None
    return isi[n:].strip().rstrip("#").strip()


def _sebaris(teks: str) -> str:
    """One line of people's text, escaped, with **bold** and *italic* kept as emphasis."""
    hasil = []
    for n, bagian in enumerate(re.split(r"(\*\*[^*\n]+\*\*|(?<!\*)\*[^*\s][^*\n]*\*(?!\*))",
                                        teks)):
        if n % 2 and bagian.startswith("**"):
            hasil.append(f"**{md(bagian[2:-2])}**")
        elif n % 2:
            hasil.append(f"*{md(bagian[1:-1])}*")
        elif bagian.strip():
            # md() trims; the spaces around an emphasised word are the text's own
            hasil.append((" " if bagian[0].isspace() else "") + md(bagian)
                         + (" " if bagian[-1].isspace() else ""))
        else:
            hasil.append(" " if bagian else "")
    return "".join(hasil)


def prosa(teks: str) -> list[str]:
    """People's Markdown, kept to what a report needs and escaped word for word: paragraphs
    (separated by a blank line), «- » or «1. » list items (a following indented line continues
    the item), «#» headings as bold lines, and **bold** or *italic* words."""
    hasil: list[str] = []
    alinea: list[str] = []
    butir: list[str] = []

    def tutup() -> None:
        if alinea:
            hasil.extend([_sebaris(" ".join(alinea)), ""])
            alinea.clear()
        if butir:
            hasil.extend([*(f"- {_sebaris(b)}" for b in butir), ""])
            butir.clear()

    for baris in teks.replace("\r\n", "\n").split("\n"):
        if not baris.strip():
            tutup()
        elif (judul := _judul(baris)) is not None:
            tutup()
            if judul:
                hasil.extend([f"**{md(judul)}**", ""])
        elif _BUTIR.match(baris):
            if alinea:
                hasil.extend([_sebaris(" ".join(alinea)), ""])
                alinea.clear()
            butir.append(_BUTIR.sub("", baris).strip())
        elif butir and baris[:1] in (" ", "\t"):
            butir[-1] += " " + baris.strip()
        else:
            if butir:
                tutup()
            alinea.append(baris.strip())
    tutup()
    return hasil


def _bagian_prosa(bahan: BahanLKjIP, berkas: str, folder: str) -> list[str]:
    teks = bahan.prosa.get(berkas, "")
    if tertulis(teks):
        return prosa(teks)
    return [f"*{md(f'Bagian ini belum ditulis: {folder}/{berkas}')}*", ""] if bahan.draf else []


def _belum_diukur(bahan: BahanLKjIP) -> list[str]:
    """A year measured in part says so wherever its figures stand."""
    belum = [NAMA_PERIODE[t] for t in TRIWULAN if t not in bahan.diukur]
    if not belum:
        return []
    sudah = ", ".join(NAMA_PERIODE[t] for t in bahan.diukur) or "belum ada triwulan"
    return [md(f"Catatan: angka tahunan ini sementara. Triwulan yang sudah diukur: {sudah}; "
               f"belum diukur: {', '.join(belum)}. Realisasi tahunan dihitung dari triwulan "
               "yang sudah diukur saja."), ""]


def _kata_pengantar(bahan: BahanLKjIP, folder: str) -> list[str]:
    teks = bahan.prosa.get("kata-pengantar.md", "")
    if tertulis(teks):
        return prosa(teks)
    i, tahun = bahan.kantor.instansi, bahan.pk.tahun
    baku = [md(f"Laporan Kinerja Instansi Pemerintah (LKjIP) {i.nama} Tahun {tahun} disusun "
               "sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi serta "
               f"pencapaian sasaran yang ditetapkan dalam Perjanjian Kinerja Tahun {tahun}, "
               "sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas "
               "Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014."), "",
            md("Laporan ini diharapkan menjadi bahan evaluasi dan perbaikan kinerja pada tahun "
               "berikutnya. Terima kasih kepada semua pihak yang telah membantu penyusunannya."),
            ""]
    if bahan.draf:
        baku += [f"*{md(f'Teks baku; tulis {folder}/kata-pengantar.md untuk menggantinya.')}*",
                 ""]
    return baku


def susun(bahan: BahanLKjIP, folder_prosa: str) -> str:
    k, tahun = bahan.kantor, bahan.pk.tahun
    i = k.instansi
    camat = next(iter(k.pemegang("camat")), None)
    meta: dict[str, object] = {
        **meta_kop(k, bahan.logo),
        "title": md(f"LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN {tahun}"),
        "subtitle": md(f"{i.nama}, {i.pemerintah.removeprefix('Pemerintah ')}"),
        "judul_pendek": md(f"LKjIP {tahun}"),
        "draf": bahan.draf,
        "tanggal": md(bahan.tanggal),
        "penanda_jabatan": md((camat.jabatan if camat else "Camat").upper()),
        "penanda_nama": md(camat.nama if camat else ""),
        "penanda_pangkat": md(camat.pangkat or "" if camat else ""),
        "penanda_nip": md(nip(camat.nip) if camat else ""),
        # A cover, the Kata Pengantar and a table of contents before the body; the Camat's
        # signature where the report ends (after Bab IV), the Lampiran after it.
        "sampul": True,
        "sampul_tahun": md(f"TAHUN {tahun}"),
        "kata_pengantar": Blok("\n".join(_kata_pengantar(bahan, folder_prosa))),
        "daftar_isi": True,
        "lampiran": Blok("\n".join(_lampiran(bahan) + _riwayat(bahan))),
    }
    b: list[str] = [*blok_meta(meta), ""]
    b += ["# Ikhtisar Eksekutif", "", *_belum_diukur(bahan),
          *_bagian_prosa(bahan, "ikhtisar.md", folder_prosa)]
    b += _ringkasan_capaian(bahan)
    b += _bab1(bahan, folder_prosa)
    b += _bab2(bahan)
    b += _bab3(bahan, folder_prosa)
    b += ["# Bab IV Penutup", "", *_bagian_prosa(bahan, "penutup.md", folder_prosa)]
    return "\n".join(b).rstrip("\n") + "\n"


def _riwayat(bahan: BahanLKjIP) -> list[str]:
    if not bahan.riwayat:
        return []
    b = ["# Riwayat Persetujuan", "",
         md(f"LKjIP ini diperiksa dan disahkan bersama pengukuran kinerja tahunan "
            f"{bahan.pk.tahun}, berjenjang sesuai SOP."), "",
         "| Peran | Nama | Keputusan | Waktu |", pemisah((24, 40, 14, 22), "llll")]
    b += ["| " + " | ".join(lolos.pandoc_sel(x) for x in r) + " |" for r in bahan.riwayat]
    return [*b, ""]


def _ringkasan_capaian(bahan: BahanLKjIP) -> list[str]:
    jumlah = bahan.tahunan.jumlah_kategori(bahan.kantor)
    n = len(bahan.tahunan.indikator)
    return [md(f"Dari {n} indikator kinerja utama Perjanjian Kinerja Tahun {bahan.pk.tahun}: "
               + ", ".join(f"{v} berkategori {k_}" for k_, v in jumlah.items() if v) + "."), ""]


def _bab1(bahan: BahanLKjIP, folder: str) -> list[str]:
    k = bahan.kantor
    b = ["# Bab I Pendahuluan", "", "## A. Tugas dan fungsi", "",
         *_bagian_prosa(bahan, "pendahuluan.md", folder),
         "## B. Struktur organisasi", "",
         md(f"{k.instansi.nama} dipimpin Camat dengan {len(k.seksi)} unit kerja; "
            f"{len(k.pegawai)} pegawai menandatangani laporan pengukuran kinerja."), "",
         "| Unit kerja | Kepala | Jabatan |", pemisah((40, 34, 26), "lll")]
    for s in k.seksi:
        kepala = k.pegawai_id(s.kepala)
        b.append("| " + " | ".join([lolos.pandoc_sel(s.nama),
                                    lolos.pandoc_sel(kepala.nama if kepala else s.kepala),
                                    lolos.pandoc_sel(kepala.jabatan if kepala else "")]) + " |")
    return [*b, ""]


def _bab2(bahan: BahanLKjIP) -> list[str]:
    pk = bahan.pk
    b = ["# Bab II Perencanaan Kinerja", "",
         md(f"Perjanjian Kinerja Tahun {pk.tahun} ditandatangani pada "
            f"{format_tanggal(pk.tanggal)} oleh {pk.pihak_pertama.nama} "
            f"({pk.pihak_pertama.jabatan}) dan {pk.pihak_kedua.nama} "
            f"({pk.pihak_kedua.jabatan})."), ""]
    for u in pk.perubahan:
        b += [md(f"Perjanjian Kinerja diubah pada {format_tanggal(u.tanggal)}"
                 + (f" (nomor {u.nomor})" if u.nomor else "") + f": {u.alasan}."), ""]
    b += _tabel_pk(pk, triwulan=False)
    if pk.program:
        b += ["## Anggaran", "", "| Program | Pagu |", pemisah((75, 25), "lr")]
        b += [f"| {lolos.pandoc_sel(p.kode)} {lolos.pandoc_sel(p.nama)} | {rupiah(p.anggaran)} |"
              for p in pk.program]
        b += [f"| **Jumlah** | **{rupiah(sum(p.anggaran for p in pk.program))}** |", ""]
    return b


def _tabel_pk(pk: PerjanjianKinerja, *, triwulan: bool) -> list[str]:
    b: list[str] = []
    for s in pk.sasaran:
        b += [f"## {lolos.pandoc_sel(s.kode)} {lolos.pandoc_sel(s.uraian)}", ""]
        if triwulan:
            b += ["| Indikator | Satuan | Target | TW I | TW II | TW III | TW IV |",
                  pemisah((40, 12, 10, 9, 9, 10, 10), "llrrrrr")]
        else:
            b += ["| Indikator | Satuan | Target tahunan | Target Renstra |",
                  pemisah((52, 14, 17, 17), "llrr")]
        for ind in s.indikator:
            sel_ = [f"{lolos.pandoc_sel(ind.kode)} {lolos.pandoc_sel(ind.uraian)}",
                    lolos.pandoc_sel(ind.satuan), lolos.pandoc_sel(teks_target(ind.target))]
            if triwulan:
                sel_ += [lolos.pandoc_sel(teks_target(t)) for t in ind.target_triwulan]
            else:
                sel_.append(lolos.pandoc_sel(teks_target(ind.target_renstra))
                            if ind.target_renstra else "–")
            b.append("| " + " | ".join(sel_) + " |")
        b.append("")
    return b


def _bab3(bahan: BahanLKjIP, folder: str) -> list[str]:
    pk = bahan.pk
    menurut = {d.baris.indikator.kode: d for d in bahan.indikator}
    b = ["# Bab III Akuntabilitas Kinerja", "", "## A. Capaian Kinerja", "",
         md("Realisasi tahunan setiap indikator dihitung dari realisasi Triwulan I–IV menurut "
            "agregasinya (jumlah, rata-rata, atau nilai terakhir), kecuali bila formulir "
            "tahunan mengisinya langsung. Tahun-tahun sebelumnya diambil dari arsip periode "
            "yang telah disahkan."), "", *_belum_diukur(bahan)]
    lalu = bahan.tahun_lalu[-2:]
    for s in pk.sasaran:
        data = [menurut[i.kode] for i in s.indikator if i.kode in menurut]
        if not data:
            continue
        b += [f"### {lolos.pandoc_sel(s.kode)} {lolos.pandoc_sel(s.uraian)}", ""]
        # the Renstra column only where the PK gives a Renstra target
        renstra = any(d.baris.indikator.target_renstra for d in data)
        kepala = ["Indikator", "Target", "Realisasi", "Capaian", "Kategori",
                  *(f"Capaian {t}" for t in lalu), *(["Target Renstra"] if renstra else [])]
        lebar = (9, 10, 9, 15, *(9,) * len(lalu), *((12,) if renstra else ()))
        b += ["| " + " | ".join(kepala) + " |",
              pemisah((100 - sum(lebar), *lebar),
                       "lrrrl" + "r" * len(lalu) + ("r" if renstra else ""))]
        for d in data:
            x = d.baris
            per_tahun = {t.tahun: t.baris for t in d.lalu}
            b.append("| " + " | ".join([
                f"{lolos.pandoc_sel(x.indikator.kode)} {lolos.pandoc_sel(x.indikator.uraian)}",
                lolos.pandoc_sel(_target(x)), lolos.pandoc_sel(teks_nilai(x.realisasi)),
                persen(x.capaian.nilai), lolos.pandoc_sel(x.kategori or "–"),
                *(persen(per_tahun[t].capaian.nilai) if t in per_tahun else "–" for t in lalu),
                *([lolos.pandoc_sel(teks_target(x.indikator.target_renstra))
                   if x.indikator.target_renstra else "–"] if renstra else [])]) + " |")
        b.append("")
        for d in data:
            b += _indikator(d)
        b += ["#### Analisis", "", *_bagian_prosa(bahan, berkas_analisis(s.kode), folder)]
    b += _anggaran(bahan)
    return b


def _indikator(d: DataIndikator) -> list[str]:
    x = d.baris
    ind = x.indikator
    b = [f"#### {lolos.pandoc_sel(ind.kode)} {lolos.pandoc_sel(ind.uraian)}", ""]
    beda = re.sub(r" \((lebih \w+)\)$", r", \1 dari target", selisih(x))
    kalimat = (f"Target {_target(x, ind.satuan)}, realisasi {teks_nilai(x.realisasi)}"
               + (f" (selisih {beda})" if beda != "–" else "")
               + f", capaian {persen(x.capaian.nilai)}"
               + (f", kategori {x.kategori}" if x.kategori else "") + ".")
    if d.lalu:
        kalimat += " Tahun sebelumnya: " + "; ".join(
            f"{t.tahun} realisasi {teks_nilai(t.baris.realisasi)}, capaian "
            f"{persen(t.baris.capaian.nilai)}" for t in d.lalu) + "."
    if ind.target_renstra:
        kalimat += f" Target akhir Renstra: {teks_target(ind.target_renstra)} {ind.satuan}."
    b += [md(kalimat), ""]
    if d.grafik:
        b += [f"![Capaian {md(ind.kode)} dari tahun ke tahun]({d.grafik}){{width=70%}}", ""]
    if d.penyebab:
        b += ["**Penyebab dan kendala:**", ""]
        b += [f"- {md(tw)}: {md(teks)}" for tw, teks in _gabung(d.penyebab)] + [""]
    rencana, selesai, sebagian = d.aksi
    if d.upaya or rencana:
        b += ["**Upaya yang dilakukan:**", ""]
        b += [f"- {md(tw)}: {md(teks)}" for tw, teks in _gabung(d.upaya)]
        if rencana:
            b.append("- " + md(f"Rencana Aksi: {selesai} dari {rencana} pelaksanaan aksi "
                               "triwulanan terlaksana") + (md(f", {sebagian} sebagian")
                                                           if sebagian else "") + ".")
        b.append("")
    return b


def _target(x: BarisIndikator, satuan: str = "") -> str:
    """A target in words; a year measured in part shows the target up to its last quarter."""
    teks = f"{teks_target(x.target)} {satuan}".strip()
    return teks + (f" (s.d. {NAMA_PERIODE[x.target_sampai]})" if x.target_sampai else "")


def _gabung(per_tw: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The same words repeated quarter after quarter are said once, naming the quarters."""
    urutan: dict[str, list[str]] = {}
    for tw, teks in per_tw:
        kunci = " ".join(teks.split())
        urutan.setdefault(kunci, [])
        if tw not in urutan[kunci]:
            urutan[kunci].append(tw)
    hasil = []
    for isi, daftar in urutan.items():
        if len(daftar) > 1 and all(t.startswith("Triwulan ") for t in daftar):
            nama = "Triwulan " + ", ".join(t.removeprefix("Triwulan ") for t in daftar)
        else:
            nama = ", ".join(daftar)
        hasil.append((nama, isi))
    return hasil


def _anggaran(bahan: BahanLKjIP) -> list[str]:
    program = bahan.tahunan.program
    if not program:
        return []
    b = ["## B. Realisasi Anggaran", "",
         "| Program | Pagu | Realisasi | Serapan | Capaian | Efisiensi |",
         pemisah((30, 17, 17, 10, 10, 16), "lrrrrl")]
    for x in program:
        sampai = f" {md(f'(s.d. {NAMA_PERIODE[x.sampai]})')}" if x.sampai and \
            x.sampai != "tw4" else ""
        b.append("| " + " | ".join([
            f"{lolos.pandoc_sel(x.kode)} {lolos.pandoc_sel(x.nama)}", rupiah(x.pagu),
            "belum diisi" if x.realisasi is None else rupiah(x.realisasi) + sampai,
            persen(x.serapan), persen(x.capaian),
            lolos.pandoc_sel(x.efisiensi or "–").replace(" ", "\u00a0")]) + " |")
    pagu = sum(x.pagu for x in program)
    terisi = [x for x in program if x.realisasi is not None]
    if terisi:
        real = sum(x.realisasi or 0 for x in terisi)
        jumlah = (f"Jumlah pagu {format_rupiah(pagu)}, realisasi {format_rupiah(real)}"
                  + (f" ({persen(real / pagu * 100)})" if pagu else "")
                  + ("" if len(terisi) == len(program) else
                     f"; {len(program) - len(terisi)} program belum mengisi realisasinya") + ".")
    else:
        jumlah = f"Jumlah pagu {format_rupiah(pagu)}; realisasi belum diisi."
    b += ["", md(jumlah + " Efisiensi membandingkan capaian indikator yang didukung program "
                 "dengan serapan anggarannya."), ""]
    return b


def _lampiran(bahan: BahanLKjIP) -> list[str]:
    pk = bahan.pk
    return ["# Lampiran: Perjanjian Kinerja", "",
            md(f"Pihak pertama: {pk.pihak_pertama.nama} ({pk.pihak_pertama.jabatan}). Pihak "
               f"kedua: {pk.pihak_kedua.nama} ({pk.pihak_kedua.jabatan}). Ditandatangani "
               f"{format_tanggal(pk.tanggal)}."), "",
            *_tabel_pk(pk, triwulan=True)]


def penyebab_dan_upaya(per_tw: Sequence[tuple[str, BarisIndikator]]
                       ) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """From each quarter's entry: what happened (explanation, obstacles) and what was done."""
    penyebab: list[tuple[str, str]] = []
    upaya: list[tuple[str, str]] = []
    for kode, x in per_tw:
        i = x.isian
        if i is None:
            continue
        nama = NAMA_PERIODE.get(kode, kode)
        penyebab += [(nama, t) for t in (i.penjelasan, i.hambatan) if t]
        if i.tindak_lanjut:
            upaya.append((nama, i.tindak_lanjut))
    return tuple(penyebab), tuple(upaya)


def jumlah_aksi(evaluasi: Sequence[EvaluasiIndikator]) -> tuple[int, int, int]:
    return (sum(len(e.aksi) for e in evaluasi), sum(e.jumlah("terlaksana") for e in evaluasi),
            sum(e.jumlah("sebagian") for e in evaluasi))
