"""Create a measurement period from the year's Perjanjian Kinerja (SOP steps 2–3).

New files are written as text from templates so their Indonesian comments read well. Existing
forms are never rewritten: entries for indicators added to the PK later are appended through a
ruamel.yaml round-trip, which keeps every comment, quote and key order of what people typed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from kinerja.angka import format_tanggal
from kinerja.errors import BerkasTidakValid, KinerjaError
from kinerja.jadwal import jadwalkan, libur_indonesia
from kinerja.model import NAMA_PERIODE, PERIODE, Indikator, Kantor, PerjanjianKinerja
from kinerja.periksa import penghalang, periksa_kantor, periksa_pk
from kinerja.rekap import teks_target
from kinerja.repo import BERKAS_PERIODE, Repo, muat_repo
from kinerja.sop import NAMA_PERAN, sop

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
    if mulai is not None and not date(tahun - 1, 1, 1) <= mulai <= date(tahun + 1, 12, 31):
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
        mulai_ = mulai or date.today()
        _tulis(path, teks_periode(kantor, tahun, kode, mulai_))
        dibuat.append(repo.rel(path))
    else:
        dibiarkan.append(repo.rel(path))

    seksi_pk = {i.seksi for i in pk.indikator} | {p.seksi for p in pk.program}
    for seksi in kantor.seksi:
        if seksi.id not in seksi_pk:
            continue
        path = folder / "formulir" / f"{seksi.id}.yml"
        if timpa or not path.exists():
            _tulis(path, teks_formulir(kantor, pk, seksi.id, tahun, kode))
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


def _entri_isian(kode_ind: str) -> list[str]:
    return [
        f"  - indikator: {kode_ind}",
        "    realisasi:",
        "    penjelasan:",
        "    hambatan:",
        "    tindak_lanjut:",
        "    bukti_dukung:",
    ]


def teks_formulir(kantor: Kantor, pk: PerjanjianKinerja, seksi: str, tahun: int, kode: str) -> str:
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
        "# Jangan mengubah seksi:, periode:, indikator: dan program:.",
        garis,
        f"seksi: {seksi}",
        f"periode: {tahun}-{kode}",
        "",
        "isian:",
    ]
    for ind in pk.indikator:
        if ind.seksi == seksi:
            baris += _komentar_indikator(ind, kode, "  ")
            baris += _entri_isian(ind.kode)
            baris.append("")
    program = [p for p in pk.program if p.seksi == seksi]
    if program:
        from kinerja.angka import format_rupiah

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


def teks_periode(kantor: Kantor, tahun: int, kode: str, mulai: date) -> str:
    langkah = sop().langkah
    jadwal = jadwalkan(datetime.combine(mulai, time(*kantor.jam_kerja.mulai)), langkah,
                       kantor.jam_kerja, libur_indonesia({mulai.year, mulai.year + 1}))
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
        f"  kepada: Bupati {kantor.instansi.pemerintah.removeprefix('Pemerintah Kabupaten ')}",
        f"  di: {kantor.instansi.pemerintah.removeprefix('Pemerintah Kabupaten ')}",
        "  tembusan:",
        "    - Arsip",
    ]
    return "\n".join(baris) + "\n"


def _kutip(teks: str) -> str:
    return '"' + teks.replace("\\", "\\\\").replace('"', '\\"') + '"' if ":" in teks or \
        teks[:1] in "&*!|>'\"%@`#-?[]{}," else teks


# --- round-trip writing -------------------------------------------------------------------------

def _ruamel() -> Any:
    from ruamel.yaml import YAML

    y = YAML()
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # never re-wrap a line a person wrote
    return y


def _ekor(node: Any) -> tuple[Any, Any] | None:
    """The innermost last (container, key) of a ruamel tree: where trailing comments hang."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        kunci = list(node.keys())[-1] if isinstance(node, CommentedMap) else len(node) - 1
        anak = node[kunci]
        if isinstance(anak, CommentedMap | CommentedSeq) and len(anak):
            node = anak
            continue
        return node, kunci
    return None


def _sambung(daftar: Any, entri: Any, komentar: list[str]) -> None:
    """Append ``entri`` with ``komentar`` above it. ruamel hangs the comments that follow a list
    on its last scalar, so the comment block after the list (the next section's heading) is
    moved from the old last entry to the new one, and the new entry's own heading takes its
    place: the file reads as if the entry had always been there."""
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    ekor_lama = _ekor(daftar[-1]) if len(daftar) else None
    daftar.append(entri)
    if ekor_lama is None:
        return
    wadah, kunci = ekor_lama
    posisi = 0 if isinstance(wadah, CommentedSeq) else 2
    catatan = wadah.ca.items.setdefault(kunci, [None, None, None, None])
    lama = catatan[posisi]
    catatan[posisi] = CommentToken("\n" + "\n".join(komentar) + "\n", CommentMark(0), None)
    if lama is not None:
        kunci_baru = list(entri.keys())[-1]
        entri.ca.items[kunci_baru] = [None, None, lama, None]


def lengkapi_formulir(path: Path, pk: PerjanjianKinerja, seksi: str, kode: str) -> bool:
    """Append entries for indicators/programmes the form lacks; touch nothing else.

    Returns whether the file changed. Refuses files that are not valid enough to round-trip.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    y = _ruamel()
    asli = path.read_text(encoding="utf-8")
    try:
        data = y.load(asli)
    except YAMLError as e:
        raise KinerjaError("formulir tidak dapat dibaca untuk dilengkapi; jalankan «kinerja "
                           "periksa» dan perbaiki dulu", berkas=str(path)) from e
    if not isinstance(data, CommentedMap):
        return False
    isian = data.get("isian")
    if not isinstance(isian, CommentedSeq):
        return False
    ada = {str(x.get("indikator")) for x in isian if isinstance(x, CommentedMap)}
    berubah = False
    for ind in pk.indikator:
        if ind.seksi != seksi or ind.kode in ada:
            continue
        entri = CommentedMap()
        entri["indikator"] = ind.kode
        for kunci in ("realisasi", "penjelasan", "hambatan", "tindak_lanjut", "bukti_dukung"):
            entri[kunci] = None
        _sambung(isian, entri, ["", *_komentar_indikator(ind, kode, "  ")])
        berubah = True
    anggaran = data.get("anggaran")
    if isinstance(anggaran, CommentedSeq):
        ada_p = {str(x.get("program")) for x in anggaran if isinstance(x, CommentedMap)}
        for p in pk.program:
            if p.seksi == seksi and p.kode not in ada_p:
                entri = CommentedMap()
                entri["program"] = p.kode
                entri["realisasi"] = None
                from kinerja.angka import format_rupiah

                _sambung(anggaran, entri, [f"  # {p.kode} {p.nama} · pagu {format_rupiah(p.anggaran)}"])
                berubah = True
    if berubah:
        keluar = io.StringIO()
        y.dump(data, keluar)
        _tulis(path, keluar.getvalue())
    return berubah
