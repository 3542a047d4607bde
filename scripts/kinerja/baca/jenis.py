"""The schema engine's value types: each reads one YAML node as the person typed it and says, in
Indonesian, what is wrong with it. Never builds Python objects from YAML tags.

The same definitions drive the validator (walking PyYAML nodes, so each finding has its line and
column) and ``kinerja skema`` (JSON Schema for editors that validate as you type).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml

from kinerja.baca.teks import TAG_DASAR as _TAG_DASAR
from kinerja.baca.teks import lok
from kinerja.inti.angka import AngkaTidakValid, baca_angka, format_angka
from kinerja.inti.beku import beku
from kinerja.inti.model import Target
from kinerja.inti.saran import saran
from kinerja.inti.temuan import Lok, Pengumpul

_TAG_BOLEH = frozenset(
    _TAG_DASAR + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


class Obj(dict[str, Any]):
    """A checked mapping that remembers where each key and value stood."""

    __slots__ = ("geser", "lok", "lok_kunci", "lok_nilai", "salah")

    def __init__(self, lok_: Lok) -> None:
        super().__init__()
        # Read from the text with its syntax errors fixed as suggested (None: read as it is):
        # per corrected line, the columns it moved, to report positions in the file as it is.
        self.geser: dict[int, int] | None = None
        self.lok = lok_
        self.lok_kunci: dict[str, Lok] = {}
        self.lok_nilai: dict[str, Lok] = {}
        self.salah: set[str] = set()  # keys whose value was present but invalid

    def posisi(self, kunci: str) -> Lok:
        return self.lok_nilai.get(kunci) or self.lok_kunci.get(kunci) or self.lok


class Lst(list[Any]):
    __slots__ = ("lok", "lok_isi")

    def __init__(self, lok_: Lok) -> None:
        super().__init__()
        self.lok = lok_
        self.lok_isi: list[Lok] = []


class _Salah(Exception):
    """A value that failed its type; the message is already in Indonesian."""


@dataclass
class Konteks:
    berkas: str
    temuan: Pengumpul
    terlihat: set[int] = field(default_factory=set)
    baris: tuple[str, ...] = ()  # the file's lines, to quote a value as it was written


class Jenis:
    nama_jenis = "nilai"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        raise NotImplementedError

    def json(self) -> dict[str, Any]:
        raise NotImplementedError


def _teks_skalar(node: yaml.Node, nama_jenis: str) -> str | None:
    if not isinstance(node, yaml.ScalarNode):
        bentuk = "daftar" if isinstance(node, yaml.SequenceNode) else "pasangan kunci: nilai"
        raise _Salah(f"harus berupa {nama_jenis}, bukan {bentuk}")
    nilai: str = node.value
    # The C loader marks a plain scalar with style "" where the Python one says None.
    if not node.style and node.tag == _TAG_DASAR + "null":
        return None
    nilai = nilai.strip()
    return nilai or None


# Compiled once: the walk meets these for every value of every file (re's own cache is a lookup
# per call, a few per cent of loading an archive).
_BULAT = re.compile(r"[0-9]+")
_TANGGAL = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WAKTU = re.compile(r"([0-9]{4}-[0-9][0-9]-[0-9][0-9])[ T]([0-9][0-9])[:.]([0-9][0-9])")
_KOMENTAR = re.compile(r"\s*#(.*)$")
_POLA: dict[str, re.Pattern[str]] = {}


def _pola(pola: str) -> re.Pattern[str]:
    """A schema's own pattern, compiled the first time it is used."""
    if pola not in _POLA:
        _POLA[pola] = re.compile(pola)
    return _POLA[pola]


_TAK_TERLIHAT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e"
                           "\u2066-\u2069\ufeff]")


@beku
class Teks(Jenis):
    pola: str | None = None
    contoh: str | None = None
    # Every field has a bound: a report's paragraph is a few hundred characters, and a
    # 150 000-character «word» would keep pandoc busy for minutes.
    maks: int = 2000
    nama_jenis = "teks"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        nilai = _teks_skalar(node, self.nama_jenis)
        if nilai is not None and _TAK_TERLIHAT.search(nilai):
            # A right-to-left override reverses what a reader of the PDF and the public page
            # sees; control characters print as garbage. Neither is anything a person meant.
            raise _Salah("memuat karakter kendali atau pembalik arah teks yang tidak terlihat; "
                         "ketik ulang teks ini (jangan disalin dari dokumen lain)")
        if nilai is not None and len(nilai) > self.maks:
            raise _Salah(f"terlalu panjang ({format_angka(len(nilai))} karakter; paling panjang "
                         f"{format_angka(self.maks)}); ringkas, dan lampirkan uraian lengkapnya "
                         "sebagai bukti dukung bila perlu")
        if nilai is not None and self.pola and not _pola(self.pola).fullmatch(nilai):
            raise _Salah(f"«{nilai}» tidak berbentuk yang benar; contoh: {self.contoh}")
        return nilai

    def json(self) -> dict[str, Any]:
        j: dict[str, Any] = {"type": "string", "maxLength": self.maks}
        if self.pola:
            j["pattern"] = f"^(?:{self.pola})$"
        return j


@beku
class TeksAtauAngka(Teks):
    """Kept as the text typed (``85,5``, ``BB``), but a YAML number is as welcome to editors."""

    def json(self) -> dict[str, Any]:
        return {"type": ["string", "number"], "maxLength": self.maks}


KODE = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def Kode(contoh: str = "pemerintahan") -> Teks:
    return Teks(KODE, contoh)


@beku
class Angka(Jenis):
    persen: bool = True
    rupiah: bool = False
    min: float | None = None
    nama_jenis = "angka"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None:
            return None
        try:
            nilai = baca_angka(teks, boleh_persen=self.persen, boleh_rupiah=self.rupiah)
        except AngkaTidakValid as e:
            raise _Salah(str(e)) from e
        if self.min is not None and nilai < self.min:
            raise _Salah(f"tidak boleh kurang dari {self.min:g}")
        if self.rupiah and nilai != int(nilai):
            # Budgets are whole rupiah: «1.5» is a slip, never silently «Rp 2».
            raise _Salah(f"«{teks}» bukan rupiah utuh; tulis jumlah rupiah tanpa pecahan, "
                         "misalnya 1.500.000")
        return nilai

    def json(self) -> dict[str, Any]:
        return {"type": ["number", "string"], "pattern": _POLA_ANGKA_JSON}


# Loose on purpose: the exact rules (grouping, ambiguity) live in angka.baca_angka.
_POLA_ANGKA_JSON = r"^\s*(?:[Rr][Pp]\.?\s*)?[-−]?\s*[0-9][0-9.,]*\s*%?\s*$"


@beku
class Bulat(Jenis):
    min: int
    maks: int
    nama_jenis = "bilangan bulat"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None:
            return None
        if not _BULAT.fullmatch(teks):
            raise _Salah(f"«{teks}» harus bilangan bulat, misalnya {self.min}")
        nilai = int(teks)
        if not self.min <= nilai <= self.maks:
            raise _Salah(f"{nilai} di luar rentang {self.min}–{self.maks}")
        return nilai

    def json(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.min, "maximum": self.maks}


def _komentar_terpotong(kunci: str, node: yaml.Node, k: Konteks) -> None:
    """«90 persen #tahap III»: YAML drops everything from « #» as a comment, so the text a person
    typed is silently cut. A comment that reads like text (no space after «#») is pointed out,
    with the quoted line to write instead."""
    if not isinstance(node, yaml.ScalarNode) or node.style not in (None, "") or not k.baris:
        return
    akhir = node.end_mark
    if akhir is None or akhir.line >= len(k.baris):
        return
    baris = k.baris[akhir.line]
    if "#" not in baris:  # most lines: nothing YAML could have read as a comment
        return
    m = _KOMENTAR.match(baris, akhir.column)
    # «# keterangan» (a space after «#») is how comments are written, in our own files too;
    # «#tahap III» is how text is.
    if m is None or m[1][:1] in ("", " ", "\t"):
        return
    nilai = " ".join(f"{node.value} #{m[1]}".split()) if node.value else f"#{m[1].strip()}"
    awal = baris[: node.start_mark.column].rstrip() if node.value else \
        baris[: akhir.column].rstrip()
    k.temuan.tambah(lok(node, k.berkas), "komentar-dalam-teks",
                        f"teks sesudah «#» pada «{kunci}» dianggap komentar dan tidak terbaca "
                        "(YAML membuang bagian itu); bila itu bagian isian, apit seluruh teks "
                        f"dengan tanda kutip — tulis «{awal.strip()} \"{nilai}\"»")


def _mentah(node: yaml.Node, k: Konteks) -> str:
    """A one-line value as it was written (empty when it spans lines or the text is unknown)."""
    awal, akhir = node.start_mark, node.end_mark
    if awal is None or akhir is None or awal.line != akhir.line or awal.line >= len(k.baris):
        return ""
    return k.baris[awal.line][awal.column:akhir.column]


_ROMAWI = (("iv", "4"), ("iii", "3"), ("ii", "2"), ("i", "1"))


def _ringkas(teks: str) -> str:
    """A choice as people also write it: any case, spaces, dots or dashes, and a quarter as
    «TW 2», «Triwulan II» or «tw-2» — all read as «tw2» to name the choice they meant."""
    x = "".join(c for c in teks.lower() if c not in " \t._-").replace("triwulan", "tw")
    if x.startswith("tw"):
        for romawi, angka in _ROMAWI:
            if x == "tw" + romawi:
                return "tw" + angka
    return x


@beku
class Pilihan(Jenis):
    pilihan: tuple[str, ...]
    # Other names people use for a choice (lower case), e.g. «folio» for the F4 paper size: the
    # message then names the choice they meant.
    sebutan: tuple[tuple[str, str], ...] = ()
    nama_jenis = "teks"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None or teks in self.pilihan:
            return teks
        daftar = ", ".join(self.pilihan)
        maksud = dict(self.sebutan).get(teks.strip().lower()) or next(
            (x for x in self.pilihan if _ringkas(x) == _ringkas(teks)), None)
        usul = f"; tulis «{maksud}»" if maksud else saran(teks, self.pilihan)
        raise _Salah(f"«{teks}» bukan pilihan yang dikenal ({daftar}){usul}")

    def json(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.pilihan)}


@beku
class Tanggal(Jenis):
    nama_jenis = "tanggal"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None:
            return None
        try:
            return date.fromisoformat(teks) if _TANGGAL.fullmatch(teks) \
                else _gagal()
        except ValueError as e:
            raise _Salah(f"«{teks}» bukan tanggal; tulis TTTT-BB-HH, misalnya 2026-11-25") from e

    def json(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}


def _gagal() -> Any:
    raise ValueError


@beku
class Waktu(Jenis):
    nama_jenis = "waktu"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None:
            return None
        m = _WAKTU.fullmatch(teks)
        try:
            if not m:
                raise ValueError
            return datetime.fromisoformat(f"{m[1]} {m[2]}:{m[3]}")
        except ValueError as e:
            raise _Salah(f"«{teks}» bukan waktu; tulis TTTT-BB-HH JJ:MM, misalnya "
                         "2026-11-25 07:30") from e

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}[:.][0-9]{2}$"}


@beku
class Jam(Jenis):
    nama_jenis = "jam"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None:
            return None
        m = re.fullmatch(r"([0-9]{1,2})[:.]([0-9][0-9])", teks)
        if not m or int(m[1]) > 23 or int(m[2]) > 59:
            raise _Salah(f"«{teks}» bukan jam; tulis JJ:MM, misalnya 07:30")
        return (int(m[1]), int(m[2]))

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^[0-9]{1,2}[:.][0-9][0-9]$"}


@beku
class Nip(Jenis):
    """NIP: 18 digits — birth date, appointment month, sex (1/2), serial — spaces allowed."""

    nama_jenis = "NIP"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None:
            return None
        angka = teks.replace(" ", "")
        if not re.fullmatch(r"[0-9]{18}", angka):
            raise _Salah(f"NIP «{teks}» harus 18 angka, misalnya 19750315 200003 1 004")
        try:
            date(int(angka[0:4]), int(angka[4:6]), int(angka[6:8]))
            date(int(angka[8:12]), int(angka[12:14]), 1)
        except ValueError as e:
            raise _Salah(f"NIP «{teks}»: tanggal lahir atau TMT di dalamnya tidak valid") from e
        if angka[14] not in "12":
            raise _Salah(f"NIP «{teks}»: angka ke-15 (jenis kelamin) harus 1 atau 2")
        return angka

    def json(self) -> dict[str, Any]:
        return {"type": ["string", "integer"], "pattern": r"^[0-9 ]{18,21}$"}


# A range's separators, each tried where it starts (no pattern: a pattern that splits «80 - 90»
# backtracks cubically on a long target of spaces).
_PEMISAH = ("–", "—", "-", "s.d.", "s.d", "sd.", "sd", "sampai")


def _rentang(teks: str) -> tuple[str, str] | None:
    """«80 - 90», «80 s.d. 90»: the text before and after the leftmost separator that has text
    on both sides."""
    ujung = len(teks.rstrip())  # text after a separator: it ends before here
    for i in range(1, len(teks)):
        for pisah in _PEMISAH:
            if teks.startswith(pisah, i) and i + len(pisah) < ujung:
                return teks[:i], teks[i + len(pisah):]
    return None


TARGET_MAKS = 100  # «80 s.d. 90 persen», «WTP»: a target is a few words


@beku
class JenisTarget(Jenis):
    """A number, a range (``80-90``, ``80 s.d. 90``) or a grade such as ``WTP``."""

    nama_jenis = "target"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None:
            return None
        if len(teks) > TARGET_MAKS:
            raise _Salah(f"terlalu panjang untuk sebuah target ({format_angka(len(teks))} "
                         f"karakter); tulis angka (85), rentang (80–90) atau predikat (BB)")
        return baca_target(teks)

    def json(self) -> dict[str, Any]:
        return {"type": ["number", "string"]}


def baca_target(teks: str) -> Target:
    try:
        return Target(nilai=baca_angka(teks))
    except AngkaTidakValid as e:
        m = _rentang(teks)
        if m and not teks.startswith("-"):
            try:
                bawah, atas = baca_angka(m[0].strip()), baca_angka(m[1].strip())
            except AngkaTidakValid:
                pass
            else:
                if bawah > atas:
                    raise _Salah(f"rentang «{teks}»: batas bawah lebih besar dari batas atas") from e
                return Target(bawah=bawah, atas=atas)
        if re.search(r"[A-Za-z]", teks.replace("Rp", "")):
            return Target(teks=teks)
        raise _Salah(str(e)) from e


