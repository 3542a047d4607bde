"""Create a measurement period from the year's Perjanjian Kinerja (SOP steps 2–3).

New files are written as text from templates so their Indonesian comments read well. Existing
forms are never rewritten: entries for indicators added to the PK later are appended through a
ruamel.yaml round-trip, which keeps every comment, quote and key order of what people typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from kinerja.baca.muat import BERKAS_PERIODE, Repo, muat_repo
from kinerja.inti.angka import format_tanggal
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import NAMA_PERIODE, PERIODE, Indikator, Kantor, PerjanjianKinerja
from kinerja.inti.sop import NAMA_PERAN, sop
from kinerja.periksa import penghalang, periksa_kantor, periksa_pk
from kinerja.ukur.jadwal import awal_kerja, jadwalkan, libur_indonesia
from kinerja.ukur.rekap import teks_target
from kinerja.ukur.renaksi import Aksi, RencanaAksi

SKEMA_DARI_FORMULIR = "../../../../content/skema/formulir.json"
SKEMA_DARI_PERIODE = "../../../content/skema/periode.json"
POLARITAS = {"naik": "makin tinggi makin baik", "turun": "makin rendah makin baik"}


@dataclass(frozen=True)
class HasilBuat:
    dibuat: tuple[str, ...]
    ditambah: tuple[str, ...]  # existing forms that received new entries
    dibiarkan: tuple[str, ...]


def buat_periode(akar: Path, tahun: int, kode: str, *, mulai: date | None = None,
                 timpa: bool = False) -> HasilBuat:
    if kode not in PERIODE:
        raise KinerjaError(f"periode «{kode}» tidak dikenal; pilih salah satu: {', '.join(PERIODE)}")
    if mulai is not None and not date(tahun, 1, 1) <= mulai <= date(tahun + 1, 12, 31):
        raise KinerjaError(f"--mulai {mulai.isoformat()} jauh dari tahun {tahun}; tulis tanggal "
                           f"perintah Camat untuk periode ini, misalnya {tahun}-"
                           f"{'10-05' if kode == 'tw3' else '07-06'}")
    repo = muat_repo(akar, tahun={tahun})
    kantor, pk = _konteks(repo, tahun)
    folder = akar / "periods" / str(tahun) / kode
    (folder / "formulir").mkdir(parents=True, exist_ok=True)
    dibuat: list[str] = []
    ditambah: list[str] = []
    dibiarkan: list[str] = []

    path = folder / BERKAS_PERIODE
    if timpa or not path.exists():
        _tulis(path, teks_periode(kantor, tahun, kode, _awal(kantor, mulai)))
        dibuat.append(repo.rel(path))
    else:
        dibiarkan.append(repo.rel(path))

    seksi_pk = {i.seksi for i in pk.indikator} | {p.seksi for p in pk.program}
    for seksi in kantor.seksi:
        if seksi.id not in seksi_pk:
            continue
        path = folder / "formulir" / f"{seksi.id}.yml"
        # An empty form holds nothing anyone typed: it is written again, like a missing one.
        if timpa or not path.exists() or (path.is_file() and not path.read_bytes().strip()):
            _tulis(path, teks_formulir(kantor, pk, seksi.id, tahun, kode,
                                       repo.tahun[tahun].renaksi))
            dibuat.append(repo.rel(path))
        elif lengkapi_formulir(path, pk, seksi.id, kode):
            ditambah.append(repo.rel(path))
        else:
            dibiarkan.append(repo.rel(path))
    return HasilBuat(tuple(dibuat), tuple(ditambah), tuple(dibiarkan))


def _konteks(repo: Repo, tahun: int) -> tuple[Kantor, PerjanjianKinerja]:
    if repo.kantor is not None:
        periksa_kantor(repo.kantor, repo.temuan)
    t = repo.tahun.get(tahun)
    if t is not None and t.pk is not None and repo.kantor is not None:
        periksa_pk(repo.kantor, t.pk, repo.temuan)
    galat = penghalang(repo.temuan.temuan, tahun=tahun, folder=None, untuk="buat")
    if galat:
        raise BerkasTidakValid(galat)
    if repo.kantor is None:
        raise KinerjaError("kinerja.yml tidak dapat dibaca; perbaiki dulu", berkas="kinerja.yml")
    if t is None or t.pk is None:
        raise KinerjaError(
            f"Perjanjian Kinerja {tahun} belum ada; buat periods/{tahun}/perjanjian-kinerja.yml "
            "terlebih dahulu (contoh: periods/2026/perjanjian-kinerja.yml)")
    return repo.kantor, t.pk


def _tulis(path: Path, teks: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(teks, encoding="utf-8", newline="\n")


def _komentar_indikator(ind: Indikator, kode: str, indent: str) -> list[str]:
    baris = [f"{indent}# {ind.kode} {ind.uraian}"]
    baris.append(f"{indent}#   satuan: {ind.satuan} · {POLARITAS[ind.polaritas]}")
    if kode == "tahunan":
        baris.append(f"{indent}#   target tahunan: {teks_target(ind.target)} · realisasi boleh "
                     f"dikosongkan: dihitung dari TW I–IV ({ind.agregasi})")
    else:
        baris.append(f"{indent}#   target {NAMA_PERIODE[kode]}: "
                     f"{teks_target(ind.target_periode(kode))} "
                     f"(target tahunan {teks_target(ind.target)})")
    if ind.skala:
        baris.append(f"{indent}#   isi realisasi dengan salah satu: {', '.join(ind.skala)}")
    return baris


def _entri_isian(kode_ind: str, aksi: tuple[Aksi, ...] = (), kantor: Kantor | None = None
                 ) -> list[str]:
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
        baris.append("    rencana_aksi:  # status: terlaksana, sebagian, atau belum")
        for a in aksi:
            orang = kantor.pegawai_id(a.penanggung_jawab) if kantor is not None else None
            baris.append(f"      # {a.kode} {_satu_baris(a.uraian)} · penanggung jawab: "
                         f"{_satu_baris(orang.jabatan if orang else a.penanggung_jawab)}")
            baris += [f"      - aksi: {_kode_yaml(a.kode)}", "        status:", "        catatan:"]
    return baris


def _satu_baris(teks: str) -> str:
    """People's text in a comment line: one line, whatever it held."""
    return " ".join(teks.split())


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
            baris += _komentar_indikator(ind, kode, "  ")
            baris += _entri_isian(ind.kode, ra.untuk(ind.kode, kode) if ra is not None and
                                  kode != "tahunan" else (), kantor)
            baris.append("")
    program = [p for p in pk.program if p.seksi == seksi]
    if program:
        from kinerja.inti.angka import format_rupiah

        baris.append("# Realisasi anggaran kumulatif sampai dengan akhir periode, dalam rupiah.")
        baris.append("anggaran:")
        for p in program:
            baris.append(f"  # {p.kode} {p.nama} · pagu {format_rupiah(p.anggaran)}")
            baris.append(f"  - program: {_kode_yaml(p.kode)}")
            baris.append("    realisasi:")
    else:
        baris.append("anggaran: []")
    return "\n".join(baris).rstrip("\n") + "\n"


def _kode_yaml(kode: str) -> str:
    """Program codes like ``7.01`` would read as a float in other YAML tools: quote those."""
    try:
        float(kode)
    except ValueError:
        return kode
    return f'"{kode}"'


def _tak_ada(seksi: str) -> Any:
    raise KinerjaError(f"seksi «{seksi}» tidak ada di kinerja.yml", berkas="kinerja.yml")


def _awal(kantor: Kantor, mulai: date | None, sekarang: datetime | None = None) -> datetime:
    """When step 1 is scheduled: the office's opening hour on the day the Camat ordered it, or,
    without a date, the next working moment from now in the office's own time zone — never in
    the past, so no deadline is already missed (CI runs in UTC: at 05.00 WIB it is yesterday
    there)."""
    from datetime import timedelta

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


# --- round-trip writing -------------------------------------------------------------------------

def lengkapi_formulir(path: Path, pk: PerjanjianKinerja, seksi: str, kode: str) -> bool:
    """Add entries for the indicators and programmes a form lacks, as new lines after the last
    entry of their list. Every line a person wrote stays byte for byte (a byte-order mark, CRLF
    line ends, trailing spaces, ``~``, quotes and escapes included); only the added lines are new.

    Returns whether the file changed. Refuses files that are not valid enough to read."""
    import yaml

    from kinerja.baca.teks import susun
    from kinerja.inti.angka import format_rupiah
    from kinerja.inti.errors import BerkasTidakValid

    mentah = path.read_bytes()
    bom = mentah.startswith(b"\xef\xbb\xbf")
    teks = mentah[3 if bom else 0:].decode("utf-8", errors="strict")
    baris_akhir = "\r\n" if "\r\n" in teks else "\r" if "\r" in teks else "\n"
    try:
        akar = susun(teks, str(path))
    except BerkasTidakValid as e:
        raise KinerjaError("formulir tidak dapat dibaca untuk dilengkapi; jalankan «kinerja "
                           "periksa» dan perbaiki dulu", berkas=str(path)) from e
    if not isinstance(akar, yaml.MappingNode):
        return False
    bagian = {k.value: v for k, v in akar.value if isinstance(k, yaml.ScalarNode)}
    # Lines with their own ends, split where YAML sees a line break, so positions agree and
    # joining them back gives the very same bytes.
    baris = [b for b in re.split(r"(?<=[\n\x85\u2028\u2029])|(?<=\r)(?!\n)", teks) if b]
    sisipan: list[tuple[int, list[str]]] = []

    def ada(daftar: yaml.Node, kunci: str) -> set[str]:
        return {str(v.value) for item in daftar.value if isinstance(item, yaml.MappingNode)
                for k, v in item.value if isinstance(k, yaml.ScalarNode) and k.value == kunci
                and isinstance(v, yaml.ScalarNode)}

    blok_di: set[int] = set()  # insertion points right after a block scalar («|», «>»)

    def tempat(daftar: yaml.SequenceNode) -> tuple[int, str]:
        """After the last entry's last value (not after the comments that head the next
        section, which a block's own end mark would include), with the entries' indentation."""
        node: yaml.Node = daftar.value[-1]
        while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
            node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
        akhir = node.end_mark
        baris_ke = akhir.line + (1 if akhir.column > 0 else 0)
        blok = isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")
        # A block scalar's trailing blank lines may be part of its value («|+»): keep them in it.
        while not blok and baris_ke > 0 and not baris[min(baris_ke, len(baris)) - 1].strip():
            baris_ke -= 1  # blank lines before the next section stay after the new entry
        if blok:
            blok_di.add(baris_ke)
        return baris_ke, " " * max(0, daftar.value[0].start_mark.column - 2)

    for kunci, butir in (("isian", "indikator"), ("anggaran", "program")):
        daftar = bagian.get(kunci)
        kurang = [i.kode for i in (pk.indikator if butir == "indikator" else pk.program)
                  if i.seksi == seksi]
        if isinstance(daftar, yaml.SequenceNode) and (daftar.flow_style or not daftar.value):
            kurang = [x for x in kurang if x not in ada(daftar, butir)]
            if kurang:
                # Lines cannot be added to «[...]» without rewriting what a person wrote.
                raise KinerjaError(
                    f"{kunci} ditulis dalam satu baris «[...]» atau kosong, jadi tidak dapat "
                    f"dilengkapi tanpa menulis ulang isian Anda; tambahkan sendiri butir "
                    + ", ".join(f"«- {butir}: {x}»" for x in kurang) + f" di bawah {kunci}:",
                    berkas=str(path), baris=daftar.start_mark.line + 1)
    isian = bagian.get("isian")
    if isinstance(isian, yaml.SequenceNode) and isian.value:
        sudah = ada(isian, "indikator")
        letak, indent = tempat(isian)
        tambah: list[str] = []
        for ind in pk.indikator:
            if ind.seksi == seksi and ind.kode not in sudah:
                tambah += ["", *_komentar_indikator(ind, kode, indent), f"{indent}- indikator: "
                           f"{ind.kode}", *(f"{indent}  {k}:" for k in (
                               "realisasi", "penjelasan", "hambatan", "tindak_lanjut",
                               "bukti_dukung"))]
        if tambah:
            sisipan.append((letak, tambah))
    anggaran = bagian.get("anggaran")
    if isinstance(anggaran, yaml.SequenceNode) and anggaran.value:
        sudah = ada(anggaran, "program")
        letak, indent = tempat(anggaran)
        tambah = []
        for prog in pk.program:
            if prog.seksi == seksi and prog.kode not in sudah:
                tambah += [f"{indent}# {prog.kode} {prog.nama} · pagu {format_rupiah(prog.anggaran)}",
                           f"{indent}- program: {prog.kode}", f"{indent}  realisasi:"]
        if tambah:
            sisipan.append((letak, tambah))
    if not sisipan:
        return False
    if baris and not baris[-1].endswith(("\n", "\r", "\x85", "\u2028", "\u2029")):
        baris[-1] += baris_akhir  # the last line had no end: the added lines come after it
    for letak, baru in sorted(sisipan, reverse=True):
        # After a block scalar a blank line would join a «|+» value and change it.
        mulai = next((i for i, b in enumerate(baru) if b), len(baru)) if letak in blok_di else 0
        baris[letak:letak] = [b + baris_akhir for b in baru[mulai:]]
    hasil = "".join(baris)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + hasil.encode("utf-8"))
    return True
