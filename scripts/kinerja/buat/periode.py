"""Create a measurement period from the year's Perjanjian Kinerja (SOP steps 2–3).

New files are written as text from templates so their Indonesian comments read well. Existing
forms are never rewritten: entries for indicators added to the PK later are spliced in as new
lines (``buat.formulir``), so every comment, quote and key order people typed stays byte for
byte.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from kinerja.buat.formulir import (
    STATUS_AKSI,
    baris_aksi,
    kode_yaml,
    komentar_indikator,
    lengkapi_formulir,
)
from kinerja.inti import berkas, tata
from kinerja.inti.angka import format_rupiah, format_tanggal
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import NAMA_PERIODE, PERIODE, Aksi, Kantor, PerjanjianKinerja, RencanaAksi
from kinerja.inti.sop import NAMA_PERAN, sop
from kinerja.layanan import potret
from kinerja.ukur.jadwal import awal_kerja, jadwalkan, libur_indonesia

SKEMA_DARI_FORMULIR = "../../../../content/skema/formulir.json"
SKEMA_DARI_PERIODE = "../../../content/skema/periode.json"


@beku
class HasilBuat:
    dibuat: tuple[str, ...]
    ditambah: tuple[str, ...]  # existing forms that received new entries
    dibiarkan: tuple[str, ...]
    catatan: tuple[str, ...] = ()  # what the schedule did with the date given


def buat_periode(akar: Path, tahun: int, kode: str, *, mulai: date | None = None,
                 timpa: bool = False) -> HasilBuat:
    if kode not in PERIODE:
        raise KinerjaError(f"periode «{kode}» tidak dikenal; pilih salah satu: {', '.join(PERIODE)}")
    if mulai is not None and not date(tahun, 1, 1) <= mulai <= date(tahun + 1, 12, 31):
        raise KinerjaError(f"--mulai {mulai.isoformat()} jauh dari tahun {tahun}; tulis tanggal "
                           f"perintah Camat untuk periode ini, misalnya {tahun}-"
                           f"{'10-05' if kode == 'tw3' else '07-06'}")
    pt = potret(akar, tahun={tahun}, hanya=())
    kantor, pk = pt.siap(None, tahun=tahun, untuk="buat")
    if pk is None:
        raise KinerjaError(
            f"Perjanjian Kinerja {tahun} belum ada; buat {tata.berkas_pk(tahun)} terlebih dahulu "
            "(«kinerja mulai» menulis kerangkanya untuk tahun pertama)")
    folder = akar / tata.folder_periode(tahun, kode)
    dibuat: list[str] = []
    ditambah: list[str] = []
    dibiarkan: list[str] = []
    baru: list[Path] = []  # files this run creates: removed again if it cannot finish
    catatan: list[str] = []
    try:
        _folder(akar, folder / tata.FOLDER_FORMULIR)
        path = folder / tata.BERKAS_PERIODE
        if timpa or not path.exists():
            awal = _awal(kantor, mulai)
            _tulis(path, teks_periode(kantor, tahun, kode, awal), baru)
            dibuat.append(pt.muatan.rel(path))
            if mulai is not None and awal.date() != mulai:
                # Said, not silently moved: the Camat's order is dated, the schedule is not.
                sebab = ("pada hari libur nasional" if libur_indonesia({mulai.year})(mulai)
                         else "di luar hari kerja kantor")
                catatan.append(f"--mulai {format_tanggal(mulai)} jatuh {sebab}; jadwal SOP "
                               f"dimulai pada hari kerja berikutnya, {format_tanggal(awal.date())}"
                               f" pukul {awal:%H.%M}")
        else:
            dibiarkan.append(pt.muatan.rel(path))
        seksi_pk = {i.seksi for i in pk.indikator} | {p.seksi for p in pk.program}
        for seksi in kantor.seksi:
            if seksi.id not in seksi_pk:
                continue
            path = folder / tata.FOLDER_FORMULIR / f"{seksi.id}.yml"
            rel = pt.muatan.rel(path)
            # An empty form holds nothing anyone typed: it is written again, like a missing one.
            if timpa or not path.exists() or (path.is_file() and not path.read_bytes().strip()):
                _tulis(path, teks_formulir(kantor, pk, seksi.id, tahun, kode,
                                           pt.renaksi(tahun)), baru)
                dibuat.append(rel)
            elif lengkapi_formulir(path, rel, pk, seksi.id, kode, kantor, pt.renaksi(tahun)):
                ditambah.append(rel)
            else:
                dibiarkan.append(rel)
    except BaseException:
        for path in baru:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return HasilBuat(tuple(dibuat), tuple(ditambah), tuple(dibiarkan), tuple(catatan))


def _folder(akar: Path, folder: Path) -> None:
    """The period's folders; a file where a folder must be is said, not a crash."""
    for induk in (*reversed(folder.relative_to(akar).parents), folder.relative_to(akar)):
        path = akar / induk
        if path.exists() and not path.is_dir():
            raise KinerjaError(f"{induk.as_posix()} adalah berkas, padahal di situ harus ada "
                               "folder; pindahkan atau ganti nama berkas itu, lalu ulangi")
    berkas.buat_folder(folder)


def _tulis(path: Path, teks: str, baru: list[Path]) -> None:
    ada = path.exists()
    berkas.tulis(path, teks)
    if not ada:
        baru.append(path)


def _entri_isian(kode_ind: str, aksi: tuple[Aksi, ...], kantor: Kantor) -> list[str]:
    baris = [
        f"  - indikator: {kode_ind}",
        "    realisasi:",
        "    penjelasan:",
        "    hambatan:",
        "    tindak_lanjut:",
        "    bukti_dukung:",
    ]
    if aksi:
        # The quarter's actions from the Rencana Aksi, each to be marked by the section.
        baris += [f"    rencana_aksi:  {STATUS_AKSI}", *baris_aksi(aksi, kantor, "      ")]
    return baris


def teks_formulir(kantor: Kantor, pk: PerjanjianKinerja, seksi: str, tahun: int, kode: str,
                  ra: RencanaAksi | None = None) -> str:
    nama_seksi = (kantor.seksi_id(seksi) or _tak_ada(seksi)).nama
    garis = "# " + "─" * 76
    baris = [
        f"# yaml-language-server: $schema={SKEMA_DARI_FORMULIR}",
        garis,
        f"# FORMULIR PENGUKURAN KINERJA — {nama_seksi}",
        f"# {kantor.instansi.nama} · {NAMA_PERIODE[kode]} Tahun {tahun}",
        "#",
        "# Cara mengisi (baris yang diawali # hanya keterangan; sistem tidak membacanya):",
        "#   realisasi:      angka seperti biasa, misalnya 85,5 atau 1.250.000",
        "#   penjelasan:     mengapa target tercapai atau tidak tercapai",
        "#   hambatan:       kendala yang dihadapi (wajib bila target tidak tercapai)",
        "#   tindak_lanjut:  langkah perbaikan (wajib bila target tidak tercapai)",
        "#   bukti_dukung:   tautan https://… atau berkas yang diunggah ke folder bukti/;",
        "#                   lebih dari satu: tulis di baris baru, masing-masing diawali «- »",
        "# Teks panjang boleh beberapa baris: tulis «>-» setelah titik dua, lalu teksnya di",
        "# baris berikutnya dengan indentasi lebih dalam. Gunakan spasi, bukan tab.",
        *(["#   rencana_aksi:   status tiap aksi Rencana Aksi triwulan ini: terlaksana, "
           "sebagian,", "#                   atau belum, dengan catatan singkat",
           "# Jangan mengubah seksi:, periode:, indikator:, aksi: dan program:."]
          if ra is not None and kode != "tahunan" else
          ["# Jangan mengubah seksi:, periode:, indikator: dan program:."]),
        garis,
        f"seksi: {seksi}",
        f"periode: {tahun}-{kode}",
        "",
        "isian:",
    ]
    for ind in pk.indikator:
        if ind.seksi == seksi:
            baris += komentar_indikator(ind, kode, "  ")
            baris += _entri_isian(ind.kode, ra.untuk(ind.kode, kode) if ra is not None and
                                  kode != "tahunan" else (), kantor)
            baris.append("")
    program = [p for p in pk.program if p.seksi == seksi]
    if program:
        baris.append("# Realisasi anggaran kumulatif sampai dengan akhir periode, dalam rupiah.")
        baris.append("anggaran:")
        for p in program:
            baris.append(f"  # {p.kode} {p.nama} · pagu {format_rupiah(p.anggaran)}")
            baris.append(f"  - program: {kode_yaml(p.kode)}")
            baris.append("    realisasi:")
    else:
        baris.append("anggaran: []")
    return "\n".join(baris).rstrip("\n") + "\n"


def _tak_ada(seksi: str) -> Any:
    raise KinerjaError(f"seksi «{seksi}» tidak ada di kinerja.yml", berkas="kinerja.yml")


def _awal(kantor: Kantor, mulai: date | None, sekarang: datetime | None = None) -> datetime:
    """When step 1 is scheduled: the office's opening hour on the day the Camat ordered it, or,
    without a date, the next working moment from now in the office's own time zone — never in
    the past, so no deadline is already missed (CI runs in UTC: at 05.00 WIB it is yesterday
    there)."""
    jam = kantor.jam_kerja
    if mulai is not None:
        awal = datetime.combine(mulai, time(*jam.mulai))
    else:
        zona = kantor.zona
        kini = (sekarang or datetime.now(UTC)).astimezone(zona).replace(tzinfo=None)
        awal = kini.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return awal_kerja(awal, jam, libur_indonesia({awal.year, awal.year + 1}))


def teks_periode(kantor: Kantor, tahun: int, kode: str, awal: datetime) -> str:
    langkah = sop().langkah
    mulai = awal.date()
    jadwal = jadwalkan(awal, langkah, kantor.jam_kerja, libur_indonesia({mulai.year,
                                                                          mulai.year + 1}))
    nama = f"{NAMA_PERIODE[kode]} Tahun {tahun}"
    baris = [
        f"# yaml-language-server: $schema={SKEMA_DARI_PERIODE}",
        f"# Periode pengukuran kinerja {nama} — {kantor.instansi.nama}",
        "# Jadwal disusun dari mutu baku SOP Pengukuran Kinerja, dihitung pada hari dan jam kerja",
        "# dan melewati hari libur nasional. Status sebenarnya: kinerja status "
        f"periods/{tahun}/{kode}",
        f"tahun: {tahun}",
        f"periode: {kode}",
        f"mulai: {mulai.isoformat()}  # {format_tanggal(mulai)}",
        "jadwal:",
    ]
    for ls, a, b in jadwal:
        pelaksana = " / ".join(NAMA_PERAN[p] for p in ls.pelaksana)
        baris += [
            f"  - langkah: {ls.nomor}",
            f"    uraian: {_kutip(ls.uraian)}",
            f"    pelaksana: {pelaksana}",
            f"    mulai: {a:%Y-%m-%d %H:%M}",
            f"    selesai: {b:%Y-%m-%d %H:%M}  # mutu baku {ls.mutu_baku}",
        ]
    baris += [
        "surat_pengantar:",
        "  nomor:  # diisi saat surat pengantar dibuat (langkah 9), misalnya 050/123/2026",
        "  tanggal:",
        "  sifat: Biasa",
        "  lampiran: 1 (satu) berkas",
        f"  hal: Laporan Pengukuran Kinerja {nama}",
        f"  kepada: {_kutip(kantor.instansi.kepala_daerah[0])}",
        f"  di: {_kutip(kantor.instansi.kepala_daerah[1])}",
        "  tembusan:",
        "    - Arsip",
    ]
    return "\n".join(baris) + "\n"


def _kutip(teks: str) -> str:
    return '"' + teks.replace("\\", "\\\\").replace('"', '\\"') + '"' if ":" in teks or \
        teks[:1] in "&*!|>'\"%@`#-?[]{}," else teks
