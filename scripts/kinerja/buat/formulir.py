"""Writing into a form people have filled: only lines added, every byte they wrote kept.

Existing forms are never rewritten: entries for indicators added to the PK later are inserted as
new lines after the last entry of their list. A byte-order mark, CRLF line ends, trailing spaces,
``~``, quotes, comments and escapes stay exactly as they were.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kinerja.baca.teks import baca_teks, susun
from kinerja.inti import berkas
from kinerja.inti.angka import format_rupiah
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import NAMA_PERIODE, Indikator, PerjanjianKinerja
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



def lengkapi_formulir(path: Path, rel: str, pk: PerjanjianKinerja, seksi: str, kode: str) -> bool:
    """Add entries for the indicators and programmes a form lacks, as new lines after the last
    entry of their list. Every line a person wrote stays byte for byte (a byte-order mark, CRLF
    line ends, trailing spaces, ``~``, quotes and escapes included); only the added lines are new.

    Returns whether the file changed. Refuses files that are not valid enough to read."""

    teks = baca_teks(path, rel)  # not UTF-8 (a Windows tool's UTF-16 or ANSI), too big: a finding
    with path.open("rb") as f:
        bom = f.read(3) == b"\xef\xbb\xbf"
    baris_akhir = "\r\n" if "\r\n" in teks else "\r" if "\r" in teks else "\n"
    try:
        akar = susun(teks, str(path))
    except BerkasTidakValid as e:
        raise KinerjaError("formulir tidak dapat dibaca untuk dilengkapi; jalankan «kinerja "
                           "periksa» dan perbaiki dulu", berkas=rel) from e
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
                    berkas=rel, baris=daftar.start_mark.line + 1)
    isian = bagian.get("isian")
    if isinstance(isian, yaml.SequenceNode) and isian.value:
        sudah = ada(isian, "indikator")
        letak, indent = tempat(isian)
        tambah: list[str] = []
        for ind in pk.indikator:
            if ind.seksi == seksi and ind.kode not in sudah:
                tambah += ["", *komentar_indikator(ind, kode, indent), f"{indent}- indikator: "
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
    berkas.tulis(path, (b"\xef\xbb\xbf" if bom else b"") + hasil.encode("utf-8"))
    return True
