"""Writing into a form people have filled: only lines added, every byte they wrote kept.

Existing forms are never rewritten: entries for indicators added to the PK later are inserted as
new lines after the last entry of their list. A byte-order mark, CRLF line ends, trailing spaces,
``~``, quotes, comments and escapes stay exactly as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from kinerja.baca.teks import baca_teks, susun
from kinerja.buat.isian import akhir_baris
from kinerja.inti import berkas
from kinerja.inti.angka import format_rupiah
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import NAMA_PERIODE, Aksi, Indikator, Kantor, PerjanjianKinerja, RencanaAksi
from kinerja.ukur.rekap import teks_target

POLARITAS = {"naik": "makin tinggi makin baik", "turun": "makin rendah makin baik"}


def komentar_indikator(ind: Indikator, kode: str, indent: str) -> list[str]:
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


STATUS_AKSI = "# status: terlaksana, sebagian, atau belum"


def baris_aksi(aksi: tuple[Aksi, ...], kantor: Kantor, indent: str) -> list[str]:
    """The entries a quarter's form gives each planned action, at ``indent`` (the list's dash):
    one writer for new forms and for forms completed later."""
    baris: list[str] = []
    for a in aksi:
        orang = kantor.pegawai_id(a.penanggung_jawab)
        baris.append(f"{indent}# {a.kode} {satu_baris(a.uraian)} · penanggung jawab: "
                     f"{satu_baris(orang.jabatan if orang else a.penanggung_jawab)}")
        baris += [f"{indent}- aksi: {kode_yaml(a.kode)}", f"{indent}  status:",
                  f"{indent}  catatan:"]
    return baris


def satu_baris(teks: str) -> str:
    """People's text in a comment line: one line, whatever it held."""
    return " ".join(teks.split())


def kode_yaml(kode: str) -> str:
    """Codes like ``7.01`` would read as a float in other YAML tools: quote those."""
    try:
        float(kode)
    except ValueError:
        return kode
    return f'"{kode}"'


def lengkapi_formulir(path: Path, rel: str, pk: PerjanjianKinerja, seksi: str, kode: str,
                      kantor: Kantor, ra: RencanaAksi | None = None) -> bool:
    """Add entries for the indicators, programmes and planned actions a form lacks, as new
    lines after the last entry of their list (a plan written after the quarter's forms were
    made reaches them this way). Every line a person wrote stays byte for byte (a byte-order mark, CRLF
    line ends, trailing spaces, ``~``, quotes and escapes included); only the added lines are new.

    Returns whether the file changed. Refuses files that are not valid enough to read."""

    teks = baca_teks(path, rel)  # not UTF-8 (a Windows tool's UTF-16 or ANSI), too big: a finding
    with path.open("rb") as f:
        bom = f.read(3) == b"\xef\xbb\xbf"
    hasil = lengkapi_teks(teks, rel, pk, seksi, kode, kantor, ra)
    if hasil is None:
        return False
    berkas.tulis(path, (b"\xef\xbb\xbf" if bom else b"") + hasil.encode("utf-8"))
    return True


def lengkapi_teks(teks: str, rel: str, pk: PerjanjianKinerja, seksi: str, kode: str,
                  kantor: Kantor, ra: RencanaAksi | None = None) -> str | None:
    """``lengkapi_formulir`` on a form's text (without its byte-order mark): the completed
    text, or None when nothing is missing. The form page's writer starts here too."""
    baris_akhir = akhir_baris(teks)
    try:
        akar = susun(teks, rel)
    except BerkasTidakValid as e:
        raise KinerjaError("formulir tidak dapat dibaca untuk dilengkapi; jalankan «kinerja "
                           "periksa» dan perbaiki dulu", berkas=rel) from e
    if not isinstance(akar, yaml.MappingNode):
        return None
    bagian = {k.value: v for k, v in akar.value if isinstance(k, yaml.ScalarNode)}
    # Lines with their own ends, split where YAML sees a line break, so positions agree and
    # joining them back gives the very same bytes.
    baris = [b for b in re.split(r"(?<=[\n\x85\u2028\u2029])|(?<=\r)(?!\n)", teks) if b]
    # (line, order among insertions at one line, lines): an item's actions before new items
    sisipan: list[tuple[int, int, list[str]]] = []

    def ada(daftar: yaml.Node, kunci: str) -> set[str]:
        return {str(v.value) for item in daftar.value if isinstance(item, yaml.MappingNode)
                for k, v in item.value if isinstance(k, yaml.ScalarNode) and k.value == kunci
                and isinstance(v, yaml.ScalarNode)}

    blok_di: set[int] = set()  # insertion points right after a block scalar («|», «>»)

    def akhir(node: yaml.Node) -> int:
        """The line after ``node``'s last value (not after the comments that head the next
        entry, which a block's own end mark would include)."""
        while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
            node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
        tanda = node.end_mark
        baris_ke = tanda.line + (1 if tanda.column > 0 else 0)
        blok = isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")
        # A block scalar's trailing blank lines may be part of its value («|+»): keep them in it.
        while not blok and baris_ke > 0 and not baris[min(baris_ke, len(baris)) - 1].strip():
            baris_ke -= 1  # blank lines before the next entry stay after the new lines
        if blok:
            blok_di.add(baris_ke)
        return baris_ke

    def tempat(daftar: yaml.SequenceNode) -> tuple[int, str]:
        """After the list's last entry, with the entries' indentation (the dash's column)."""
        return akhir(daftar), " " * max(0, daftar.value[0].start_mark.column - 2)

    def rencana(ind: str) -> tuple[Aksi, ...]:
        return ra.untuk(ind, kode) if ra is not None and not ra.rusak and kode != "tahunan" else ()

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
                    berkas=rel, baris=daftar.start_mark.line + 1)
    isian = bagian.get("isian")
    if isinstance(isian, yaml.SequenceNode) and isian.value:
        sudah = ada(isian, "indikator")
        for item in isian.value:
            if isinstance(item, yaml.MappingNode) and item.value:
                sisipan += _aksi_kurang(item, rencana, kantor, rel, akhir)
        letak, indent = tempat(isian)
        tambah: list[str] = []
        for ind in pk.indikator:
            if ind.seksi == seksi and ind.kode not in sudah:
                tambah += ["", *komentar_indikator(ind, kode, indent), f"{indent}- indikator: "
                           f"{ind.kode}", *(f"{indent}  {k}:" for k in (
                               "realisasi", "penjelasan", "hambatan", "tindak_lanjut",
                               "bukti_dukung"))]
                if aksi := rencana(ind.kode):
                    tambah += [f"{indent}  rencana_aksi:  {STATUS_AKSI}",
                               *baris_aksi(aksi, kantor, indent + "    ")]
        if tambah:
            sisipan.append((letak, 1, tambah))
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
            sisipan.append((letak, 1, tambah))
    if not sisipan:
        return None
    if baris and not baris[-1].endswith(("\n", "\r", "\x85", "\u2028", "\u2029")):
        baris[-1] += baris_akhir  # the last line had no end: the added lines come after it
    for letak, _, baru in sorted(sisipan, key=lambda x: x[:2], reverse=True):
        # After a block scalar a blank line would join a «|+» value and change it.
        mulai = next((i for i, b in enumerate(baru) if b), len(baru)) if letak in blok_di else 0
        baris[letak:letak] = [b + baris_akhir for b in baru[mulai:]]
    return "".join(baris)


def _aksi_kurang(item: yaml.MappingNode, rencana: Callable[[str], tuple[Aksi, ...]],
                 kantor: Kantor, rel: str, akhir: Callable[[yaml.Node], int]
                 ) -> list[tuple[int, int, list[str]]]:
    """The planned actions one indicator's entry does not report yet, as lines to insert: under
    its «rencana_aksi:» list, or as that list after the entry's last value."""
    nilai = {k.value: (k, v) for k, v in item.value if isinstance(k, yaml.ScalarNode)}
    ind = nilai.get("indikator")
    if ind is None or not isinstance(ind[1], yaml.ScalarNode):
        return []
    aksi = rencana(str(ind[1].value))
    ki = " " * item.value[0][0].start_mark.column
    if "rencana_aksi" not in nilai:
        return [(akhir(item), 0, [f"{ki}rencana_aksi:  {STATUS_AKSI}",
                                  *baris_aksi(aksi, kantor, ki + "  ")])] if aksi else []
    kunci, daftar = nilai["rencana_aksi"]
    if isinstance(daftar, yaml.SequenceNode) and daftar.value and not daftar.flow_style:
        sudah = {str(v.value) for x in daftar.value if isinstance(x, yaml.MappingNode)
                 for k, v in x.value if isinstance(k, yaml.ScalarNode) and k.value == "aksi"
                 and isinstance(v, yaml.ScalarNode)}
        kurang = tuple(a for a in aksi if a.kode not in sudah)
        dash = " " * max(0, daftar.value[0].start_mark.column - 2)
        return [(akhir(daftar), 0, baris_aksi(kurang, kantor, dash))] if kurang else []
    if not aksi:
        return []
    if isinstance(daftar, yaml.ScalarNode) and daftar.tag.endswith(":null") and not daftar.value:
        # «rencana_aksi:» with nothing after it: the entries go right below the key.
        return [(kunci.start_mark.line + 1, 0, baris_aksi(aksi, kantor, ki + "  "))]
    raise KinerjaError(
        f"rencana_aksi {ind[1].value} tidak dapat dilengkapi tanpa menulis ulang isian Anda; "
        "tulis di bawah «rencana_aksi:» butir " + ", ".join(f"«- aksi: {a.kode}»" for a in aksi)
        + ", masing-masing dengan status: dan catatan:", berkas=rel, baris=kunci.start_mark.line + 1)
