"""What each file may contain, written once, used twice.

The same definitions drive the validator (walking PyYAML nodes, so each finding has its line and
column) and ``kinerja skema`` (JSON Schema for editors that validate as you type). The walker never
builds Python objects from YAML tags: it reads each scalar's text as the person typed it.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from kinerja.baca import sintaks
from kinerja.baca.teks import TAG_DASAR as _TAG_DASAR
from kinerja.baca.teks import lok
from kinerja.inti.angka import AngkaTidakValid, baca_angka
from kinerja.inti.model import PERAN, PERIODE, Target
from kinerja.inti.sop import URUTAN
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


_TAK_TERLIHAT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e"
                           "\u2066-\u2069\ufeff]")


@dataclass(frozen=True)
class Teks(Jenis):
    pola: str | None = None
    contoh: str | None = None
    nama_jenis = "teks"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        nilai = _teks_skalar(node, self.nama_jenis)
        if nilai is not None and _TAK_TERLIHAT.search(nilai):
            # A right-to-left override reverses what a reader of the PDF and the public page
            # sees; control characters print as garbage. Neither is anything a person meant.
            raise _Salah("memuat karakter kendali atau pembalik arah teks yang tidak terlihat; "
                         "ketik ulang teks ini (jangan disalin dari dokumen lain)")
        if nilai is not None and self.pola and not re.fullmatch(self.pola, nilai):
            raise _Salah(f"«{nilai}» tidak berbentuk yang benar; contoh: {self.contoh}")
        return nilai

    def json(self) -> dict[str, Any]:
        j: dict[str, Any] = {"type": "string"}
        if self.pola:
            j["pattern"] = f"^(?:{self.pola})$"
        return j


@dataclass(frozen=True)
class TeksAtauAngka(Teks):
    """Kept as the text typed (``85,5``, ``BB``), but a YAML number is as welcome to editors."""

    def json(self) -> dict[str, Any]:
        return {"type": ["string", "number"]}


KODE = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def Kode(contoh: str = "pemerintahan") -> Teks:
    return Teks(KODE, contoh)


@dataclass(frozen=True)
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
        return nilai

    def json(self) -> dict[str, Any]:
        return {"type": ["number", "string"], "pattern": _POLA_ANGKA_JSON}


# Loose on purpose: the exact rules (grouping, ambiguity) live in angka.baca_angka.
_POLA_ANGKA_JSON = r"^\s*(?:[Rr][Pp]\.?\s*)?[-−]?\s*[0-9][0-9.,]*\s*%?\s*$"


@dataclass(frozen=True)
class Bulat(Jenis):
    min: int
    maks: int
    nama_jenis = "bilangan bulat"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None:
            return None
        if not re.fullmatch(r"[0-9]+", teks):
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
    m = re.match(r"\s*#(.*)$", baris[akhir.column:])
    # «# keterangan» (a space after «#») is how comments are written, in our own files too;
    # «#tahap III» is how text is.
    if m is None or m[1][:1] in ("", " ", "\t"):
        return
    nilai = " ".join(f"{node.value} #{m[1]}".split()) if node.value else f"#{m[1].strip()}"
    awal = baris[: node.start_mark.column].rstrip() if node.value else \
        baris[: akhir.column].rstrip()
    k.temuan.peringatan(lok(node, k.berkas), "komentar-dalam-teks",
                        f"teks sesudah «#» pada «{kunci}» dianggap komentar dan tidak terbaca "
                        "(YAML membuang bagian itu); bila itu bagian isian, apit seluruh teks "
                        f"dengan tanda kutip — tulis «{awal.strip()} \"{nilai}\"»")


def _mentah(node: yaml.Node, k: Konteks) -> str:
    """A one-line value as it was written (empty when it spans lines or the text is unknown)."""
    awal, akhir = node.start_mark, node.end_mark
    if awal is None or akhir is None or awal.line != akhir.line or awal.line >= len(k.baris):
        return ""
    return k.baris[awal.line][awal.column:akhir.column]


def saran(kata: str, pilihan: list[str] | tuple[str, ...], sebut: str = "") -> str:
    """The closest choice as a question; with ``sebut`` (e.g. "seksi yang ada"), every choice
    is listed too, so a person who typed something far off still sees what may be written."""
    mirip = difflib.get_close_matches(kata, pilihan, n=1, cutoff=0.6)
    tanya = f"; maksud Anda «{mirip[0]}»?" if mirip else ""
    return tanya + (f" ({sebut}: {', '.join(pilihan)})" if sebut and pilihan else "")


@dataclass(frozen=True)
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
            (x for x in self.pilihan if x.lower() == teks.strip().lower()), None)
        usul = f"; tulis «{maksud}»" if maksud else saran(teks, self.pilihan)
        raise _Salah(f"«{teks}» bukan pilihan yang dikenal ({daftar}){usul}")

    def json(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.pilihan)}


@dataclass(frozen=True)
class Tanggal(Jenis):
    nama_jenis = "tanggal"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None:
            return None
        try:
            return date.fromisoformat(teks) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", teks) \
                else _gagal()
        except ValueError as e:
            raise _Salah(f"«{teks}» bukan tanggal; tulis TTTT-BB-HH, misalnya 2026-11-25") from e

    def json(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}


def _gagal() -> Any:
    raise ValueError


@dataclass(frozen=True)
class Waktu(Jenis):
    nama_jenis = "waktu"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None:
            return None
        m = re.fullmatch(r"([0-9]{4}-[0-9][0-9]-[0-9][0-9])[ T]([0-9][0-9])[:.]([0-9][0-9])", teks)
        try:
            if not m:
                raise ValueError
            return datetime.fromisoformat(f"{m[1]} {m[2]}:{m[3]}")
        except ValueError as e:
            raise _Salah(f"«{teks}» bukan waktu; tulis TTTT-BB-HH JJ:MM, misalnya "
                         "2026-11-25 07:30") from e

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}[:.][0-9]{2}$"}


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


_RENTANG = re.compile(r"(.+?)\s*(?:–|—|-|s\.?d\.?|sampai)\s*(.+)")


@dataclass(frozen=True)
class JenisTarget(Jenis):
    """A number, a range (``80-90``, ``80 s.d. 90``) or a grade such as ``WTP``."""

    nama_jenis = "target"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        teks = _teks_skalar(node, self.nama_jenis)
        if teks is None:
            return None
        return baca_target(teks)

    def json(self) -> dict[str, Any]:
        return {"type": ["number", "string"]}


def baca_target(teks: str) -> Target:
    try:
        return Target(nilai=baca_angka(teks))
    except AngkaTidakValid as e:
        m = _RENTANG.fullmatch(teks)
        if m and not teks.startswith("-"):
            try:
                bawah, atas = baca_angka(m[1]), baca_angka(m[2])
            except AngkaTidakValid:
                pass
            else:
                if bawah > atas:
                    raise _Salah(f"rentang «{teks}»: batas bawah lebih besar dari batas atas") from e
                return Target(bawah=bawah, atas=atas)
        if re.search(r"[A-Za-z]", teks.replace("Rp", "")):
            return Target(teks=teks)
        raise _Salah(str(e)) from e


@dataclass(frozen=True)
class Daftar(Jenis):
    isi: Jenis
    tunggal_boleh: bool = False  # a lone value where a list is expected is read as a list of one
    min_isi: int = 0
    maks_isi: int | None = None
    nama_jenis = "daftar"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        hasil = Lst(lok(node, k.berkas))
        if isinstance(node, yaml.ScalarNode):
            if _teks_skalar(node, "teks") is None:
                return hasil if self.tunggal_boleh else None
            if self.tunggal_boleh:
                hasil.append(self.isi.periksa(node, k))
                hasil.lok_isi.append(hasil.lok)
                return hasil
        if not isinstance(node, yaml.SequenceNode):
            raise _Salah("harus berupa daftar (setiap butir diawali «- »)")
        for anak in node.value:
            # An alias item carries its anchor's position; the list's own is the honest place.
            if not _node_aman(anak, k, hasil.lok):
                continue
            try:
                nilai = self.isi.periksa(anak, k)
            except _Salah as e:
                k.temuan.tambah(lok(anak, k.berkas), "tipe-salah", f"butir daftar {e}")
                continue
            if nilai is None:
                # A lone «-» line: reported on its line and left out, so nothing downstream
                # meets an item that is not there.
                k.temuan.tambah(lok(anak, k.berkas), "butir-kosong",
                                "butir daftar kosong (baris «-» tanpa isi); hapus baris ini atau "
                                "isi butirnya")
                continue
            hasil.append(nilai)
            hasil.lok_isi.append(lok(anak, k.berkas))
        n = len(node.value)
        if self.maks_isi is not None and self.maks_isi == self.min_isi and n != self.min_isi:
            tulis = sintaks.koma_desimal(_mentah(node, k))
            if tulis is not None:
                raise _Salah(f"harus berisi tepat {self.min_isi} butir, bukan {n}: di dalam "
                             "[ ] koma memisahkan butir, jadi koma desimal membelah angka; apit "
                             f"angka desimal dengan tanda kutip — tulis {tulis}")
            raise _Salah(f"harus berisi tepat {self.min_isi} butir, bukan {n}")
        if n < self.min_isi:
            raise _Salah(f"harus berisi sedikitnya {self.min_isi} butir")
        if self.maks_isi is not None and n > self.maks_isi:
            raise _Salah(f"paling banyak {self.maks_isi} butir")
        return hasil

    def json(self) -> dict[str, Any]:
        j: dict[str, Any] = {"type": "array", "items": self.isi.json()}
        if self.min_isi:
            j["minItems"] = self.min_isi
        if self.maks_isi is not None:
            j["maxItems"] = self.maks_isi
        if self.tunggal_boleh:
            return {"anyOf": [j, self.isi.json(), {"type": "null"}]}
        return j


@dataclass(frozen=True)
class Bidang:
    nama: str
    jenis: Jenis
    ket: str
    wajib: bool = False  # the key must be there with a value
    isian: bool = False  # filled by people; may stay empty until the review stage (--lengkap)


@dataclass(frozen=True)
class Peta(Jenis):
    bidang: tuple[Bidang, ...]
    # Keys people plausibly add by mistake, with a specific message instead of "unknown key".
    terlarang: tuple[tuple[str, str], ...] = ()
    nama_jenis = "pasangan kunci: nilai"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        if not isinstance(node, yaml.MappingNode):
            if isinstance(node, yaml.ScalarNode) and _teks_skalar(node, "teks") is None:
                return None
            raise _Salah("harus berupa kumpulan «kunci: nilai» (berindentasi di bawahnya)")
        hasil = Obj(lok(node, k.berkas))
        menurut_nama = {b.nama: b for b in self.bidang}
        terlarang = dict(self.terlarang)
        for kunci_node, nilai_node in node.value:
            lok_k = lok(kunci_node, k.berkas)
            if not isinstance(kunci_node, yaml.ScalarNode) or kunci_node.tag == _TAG_DASAR + "null":
                k.temuan.tambah(lok_k, "kunci-tak-valid", "kunci harus berupa teks sederhana")
                continue
            kunci = str(kunci_node.value)
            if kunci in hasil.lok_kunci:
                awal = hasil.lok_kunci[kunci]
                k.temuan.tambah(lok_k, "kunci-ganda",
                                f"kunci «{kunci}» sudah ada di baris {awal.baris}; hapus salah satu")
                continue
            hasil.lok_kunci[kunci] = lok_k
            if kunci in terlarang:
                k.temuan.tambah(lok_k, "kunci-terlarang", terlarang[kunci])
                continue
            bidang = menurut_nama.get(kunci)
            if bidang is None and node.flow_style and isinstance(nilai_node, yaml.ScalarNode) \
                    and nilai_node.tag == _TAG_DASAR + "null":
                # «{nama: Drs. A, M.Si., jabatan: Camat}»: the comma in the name split it.
                k.temuan.tambah(
                    lok_k, "kunci-tak-dikenal",
                    f"«{kunci}» terbaca sebagai kunci: di dalam {{ }} koma memisahkan pasangan "
                    "«kunci: nilai», jadi koma di dalam sebuah nilai (misalnya gelar «, M.Si.») "
                    "membelahnya; apit nilai yang memuat koma dengan tanda kutip, misalnya "
                    '{nama: "Drs. A, M.Si.", jabatan: Camat}')
                continue
            if bidang is None:
                k.temuan.tambah(
                    lok_k, "kunci-tak-dikenal",
                    f"kunci «{kunci}» tidak dikenal{saran(kunci, list(menurut_nama))}; "
                    f"kunci yang boleh: {', '.join(menurut_nama)}",
                )
                continue
            lok_v = lok(nilai_node, k.berkas)
            if not _node_aman(nilai_node, k, lok_k):
                hasil.salah.add(kunci)
                continue
            hasil.lok_nilai[kunci] = lok_v
            try:
                nilai = bidang.jenis.periksa(nilai_node, k)
            except _Salah as e:
                k.temuan.tambah(lok_v, "tipe-salah", f"«{kunci}» {e}")
                hasil.salah.add(kunci)
                continue
            _komentar_terpotong(kunci, nilai_node, k)
            if nilai is None and bidang.wajib:
                k.temuan.tambah(lok_v, "wajib-diisi", f"«{kunci}» tidak boleh kosong: {bidang.ket}")
                hasil.salah.add(kunci)
                continue
            hasil[kunci] = nilai
        for bidang in self.bidang:
            if bidang.wajib and bidang.nama not in hasil.lok_kunci:
                k.temuan.tambah(hasil.lok, "kunci-wajib",
                                f"kunci «{bidang.nama}» wajib ada: {bidang.ket}")
        return hasil

    def json(self) -> dict[str, Any]:
        sifat: dict[str, Any] = {}
        for b in self.bidang:
            j = dict(b.jenis.json())
            if not b.wajib:
                j = _boleh_kosong(j)
            j["description"] = b.ket
            sifat[b.nama] = j
        return {
            "type": "object",
            "properties": sifat,
            "required": [b.nama for b in self.bidang if b.wajib],
            "additionalProperties": False,
        }


def _boleh_kosong(j: dict[str, Any]) -> dict[str, Any]:
    if "anyOf" in j:
        return j if {"type": "null"} in j["anyOf"] else {**j, "anyOf": [*j["anyOf"], {"type": "null"}]}
    jenis = j.get("type")
    if isinstance(jenis, list):
        return {**j, "type": [*jenis, "null"]} if "null" not in jenis else j
    if isinstance(jenis, str):
        if "enum" in j:
            return {"anyOf": [j, {"type": "null"}]}
        return {**j, "type": [jenis, "null"]}
    return j


@dataclass(frozen=True)
class PetaBebas(Jenis):
    """A mapping whose keys are the person's own (a grade scale, account names)."""

    nilai: Jenis
    kunci: tuple[str, ...] | None = None
    nama_jenis = "pasangan kunci: nilai"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        if not isinstance(node, yaml.MappingNode):
            if isinstance(node, yaml.ScalarNode) and _teks_skalar(node, "teks") is None:
                return None
            raise _Salah("harus berupa kumpulan «kunci: nilai»")
        hasil = Obj(lok(node, k.berkas))
        for kunci_node, nilai_node in node.value:
            lok_k = lok(kunci_node, k.berkas)
            kunci = str(kunci_node.value) if isinstance(kunci_node, yaml.ScalarNode) else ""
            if not kunci:
                k.temuan.tambah(lok_k, "kunci-tak-valid", "kunci harus berupa teks sederhana")
                continue
            if kunci in hasil.lok_kunci:
                k.temuan.tambah(lok_k, "kunci-ganda", f"kunci «{kunci}» sudah ada di baris "
                                f"{hasil.lok_kunci[kunci].baris}; hapus salah satu")
                continue
            hasil.lok_kunci[kunci] = lok_k
            if self.kunci is not None and kunci not in self.kunci:
                k.temuan.tambah(lok_k, "kunci-tak-dikenal",
                                f"kunci «{kunci}» tidak dikenal{saran(kunci, self.kunci)}; "
                                f"kunci yang boleh: {', '.join(self.kunci)}")
                continue
            if not _node_aman(nilai_node, k, lok_k):
                continue
            try:
                hasil[kunci] = self.nilai.periksa(nilai_node, k)
                hasil.lok_nilai[kunci] = lok(nilai_node, k.berkas)
            except _Salah as e:
                k.temuan.tambah(lok(nilai_node, k.berkas), "tipe-salah", f"«{kunci}» {e}")
        return hasil

    def json(self) -> dict[str, Any]:
        j: dict[str, Any] = {"type": "object", "additionalProperties": _boleh_kosong(self.nilai.json())}
        if self.kunci is not None:
            j["propertyNames"] = {"enum": list(self.kunci)}
        return j


def _node_aman(node: yaml.Node, k: Konteks, tempat: Lok) -> bool:
    """Refuse aliases (a node met twice) and custom tags before looking inside a value."""
    if id(node) in k.terlihat:
        k.temuan.tambah(tempat, "yaml-alias",
                        "alias YAML (*nama) tidak didukung; tulis nilainya langsung")
        return False
    k.terlihat.add(id(node))
    if node.tag not in _TAG_BOLEH:
        tag = str(node.tag).replace(_TAG_DASAR, "!!")
        k.temuan.tambah(lok(node, k.berkas), "yaml-tag",
                        f"tag YAML «{tag}» tidak didukung; hapus tag tersebut")
        return False
    return True


def periksa_dokumen(node: yaml.Node, jenis: Peta, berkas: str, temuan: Pengumpul,
                    teks: str = "") -> Obj | None:
    k = Konteks(berkas, temuan, baris=tuple(teks.split("\n")))
    tempat = lok(node, berkas)
    if not _node_aman(node, k, tempat):
        return None
    try:
        hasil = jenis.periksa(node, k)
    except _Salah as e:
        temuan.tambah(tempat, "tipe-salah", f"isi berkas {e}")
        return None
    return hasil if isinstance(hasil, Obj) else None


# --- The files -------------------------------------------------------------------------------

_TEKS = Teks()
_SUREL = Teks(r"[^@\s]+@[^@\s]+\.[^@\s]+", "nama@banjarnegarakab.go.id")

KANTOR = Peta((
    Bidang("instansi", Peta((
        Bidang("nama", _TEKS, "nama instansi, misalnya Kecamatan Batur", wajib=True),
        Bidang("pemerintah", _TEKS, "pemerintah daerah, misalnya Pemerintah Kabupaten "
               "Banjarnegara", wajib=True),
        Bidang("alamat", _TEKS, "alamat kantor untuk kop surat", wajib=True),
        Bidang("kota", _TEKS, "kota/tempat penandatanganan, misalnya Batur", wajib=True),
        Bidang("kode_pos", _TEKS, "kode pos"),
        Bidang("telepon", _TEKS, "nomor telepon kantor"),
        Bidang("email", _SUREL, "alamat surel kantor"),
        Bidang("laman", _TEKS, "alamat situs web kantor"),
        Bidang("logo", _TEKS, "berkas logo untuk kop surat (PNG/SVG), relatif terhadap akar repo"),
    )), "identitas kantor untuk kop surat dan situs", wajib=True),
    Bidang("kertas", Pilihan(("A4", "F4"), (("folio", "F4"),)),
           "ukuran kertas laporan: A4 atau F4 (folio, 215 × 330 mm)", wajib=True),
    Bidang("zona_waktu", Pilihan(("WIB", "WITA", "WIT")),
           "zona waktu kantor: WIB, WITA, atau WIT (bawaan WIB); jadwal dihitung pada jam kantor "
           "ini, apa pun zona waktu komputer atau CI"),
    Bidang("jam_kerja", Peta((
        Bidang("mulai", Jam(), "jam masuk kantor, misalnya 07:30"),
        Bidang("selesai", Jam(), "jam pulang kantor, misalnya 16:00"),
        Bidang("hari", Daftar(Pilihan(("senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
                                       "minggu"))), "hari kerja"),
    )), "jam kerja untuk menjadwalkan langkah SOP"),
    Bidang("pegawai", Daftar(Peta((
        Bidang("id", Kode("camat"), "pengenal singkat, huruf kecil dan tanda hubung", wajib=True),
        Bidang("nama", _TEKS, "nama lengkap dengan gelar", wajib=True),
        Bidang("nip", Nip(), "NIP 18 angka"),
        Bidang("jabatan", _TEKS, "nama jabatan", wajib=True),
        Bidang("pangkat", _TEKS, "pangkat/golongan, misalnya Pembina (IV/a)"),
        Bidang("peran", Daftar(Pilihan(PERAN), tunggal_boleh=True),
               "peran dalam SOP: " + ", ".join(PERAN), wajib=True),
        Bidang("email", _SUREL, "alamat surel"),
        Bidang("akun", PetaBebas(_TEKS, ("github", "gitea", "gitlab")),
               "nama akun di Git host: github, gitea, gitlab"),
        Bidang("kunci_ssh", Teks(r"(ssh-(ed25519|rsa)|ecdsa-sha2-nistp(256|384|521)|"
                                 r"sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) "
                                 r"[A-Za-z0-9+/]+=*( .*)?", "ssh-ed25519 AAAAC3Nza… nama@kantor"),
               "kunci publik SSH untuk menandatangani keputusan (isi berkas .pub)"),
        Bidang("kunci_gpg", Teks(r"[0-9A-Fa-f]{40}|([0-9A-Fa-f]{4} ?){10}",
                                 "0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567"),
               "sidik jari kunci GPG untuk menandatangani keputusan (40 digit heksadesimal)"),
    )), min_isi=1), "daftar pegawai", wajib=True),
    Bidang("persetujuan", Peta((
        Bidang("tanda_tangan", Pilihan(("wajib", "tidak")), "tanpa Git host: «wajib» berarti "
               "setiap keputusan (setujui, kembalikan, sahkan) harus commit bertanda tangan "
               "SSH atau GPG dengan kunci pegawai itu (kunci_ssh atau kunci_gpg)"),
    )), "aturan persetujuan"),
    Bidang("seksi", Daftar(Peta((
        Bidang("id", Kode(), "pengenal seksi; juga nama berkas formulirnya", wajib=True),
        Bidang("nama", _TEKS, "nama seksi, misalnya Seksi Pemerintahan", wajib=True),
        Bidang("kepala", Kode("kasi-pemerintahan"), "id pegawai kepala seksi", wajib=True),
    )), min_isi=1), "daftar seksi; setiap seksi mengisi satu formulir", wajib=True),
    Bidang("capaian", Peta((
        Bidang("rumus_turun", Pilihan(("2T-R", "T/R")), "rumus capaian indikator berpolaritas "
               "turun: 2T-R = (2×target − realisasi)/target; T/R = target/realisasi"),
        Bidang("batas_atas", Angka(min=100), "capaian tertinggi yang diakui, misalnya 120"),
        Bidang("kategori", Daftar(Peta((
            Bidang("nama", _TEKS, "nama kategori", wajib=True),
            Bidang("min", Angka(min=0), "capaian terendah (%) kategori ini", wajib=True),
        )), min_isi=1), "pita kategori capaian, dari yang tertinggi"),
        Bidang("ambang_efisiensi", Angka(min=0), "selisih capaian − serapan (poin) untuk "
               "dinyatakan efisien, misalnya 5"),
    )), "aturan perhitungan capaian"),
))

_PIHAK = Peta((
    Bidang("nama", _TEKS, "nama lengkap", wajib=True),
    Bidang("jabatan", _TEKS, "jabatan", wajib=True),
    Bidang("nip", Nip(), "NIP"),
))

_TARGET = JenisTarget()

PERJANJIAN = Peta((
    Bidang("tahun", Bulat(2000, 2100), "tahun perjanjian kinerja", wajib=True),
    Bidang("pihak_pertama", _PIHAK, "yang berjanji (Camat)", wajib=True),
    Bidang("pihak_kedua", _PIHAK, "atasan yang menerima janji (Bupati)", wajib=True),
    Bidang("tanggal", Tanggal(), "tanggal penandatanganan", wajib=True),
    Bidang("sasaran", Daftar(Peta((
        Bidang("kode", Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "SS-1"), "kode sasaran", wajib=True),
        Bidang("uraian", _TEKS, "rumusan sasaran strategis", wajib=True),
        Bidang("indikator", Daftar(Peta((
            Bidang("kode", Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "IK-1.1"), "kode indikator",
                   wajib=True),
            Bidang("uraian", _TEKS, "rumusan indikator kinerja", wajib=True),
            Bidang("satuan", _TEKS, "satuan, misalnya persen, desa, hari", wajib=True),
            Bidang("polaritas", Pilihan(("naik", "turun")),
                   "naik: makin tinggi makin baik; turun: makin rendah makin baik", wajib=True),
            Bidang("agregasi", Pilihan(("jumlah", "terakhir", "rata-rata")),
                   "cara menggabungkan triwulan menjadi tahunan", wajib=True),
            Bidang("target", _TARGET, "target tahunan: angka, rentang (80-90), atau nilai skala",
                   wajib=True),
            Bidang("target_triwulan", Daftar(_TARGET, min_isi=4, maks_isi=4),
                   "target TW I–IV (empat nilai)", wajib=True),
            Bidang("seksi", Kode(), "id seksi penanggung jawab", wajib=True),
            Bidang("definisi", _TEKS, "definisi operasional dan cara menghitung"),
            Bidang("sumber_data", _TEKS, "sumber data realisasi"),
            Bidang("skala", PetaBebas(Angka()), "nilai tiap predikat untuk target berupa teks, "
                   "misalnya {AA: 6, A: 5, BB: 4}"),
            Bidang("rumus_turun", Pilihan(("2T-R", "T/R")), "rumus khusus indikator ini"),
            Bidang("target_renstra", _TARGET, "target akhir Rencana Strategis (jangka menengah), "
                   "untuk pembanding di LKjIP"),
        )), min_isi=1), "indikator sasaran ini", wajib=True),
    )), min_isi=1), "sasaran strategis", wajib=True),
    Bidang("perubahan", Daftar(Peta((
        Bidang("tanggal", Tanggal(), "tanggal PK Perubahan ditandatangani", wajib=True),
        Bidang("nomor", _TEKS, "nomor dokumen atau SK perubahan"),
        Bidang("alasan", _TEKS, "mengapa PK diubah, misalnya APBD Perubahan", wajib=True),
    ))), "perubahan PK selama tahun berjalan (PK Perubahan), terlama dahulu; periode yang sudah "
         "disahkan tetap diukur dengan target saat disahkan"),
    Bidang("program", Daftar(Peta((
        Bidang("kode", Teks(r"[0-9A-Za-z][0-9A-Za-z.\-]*", "7.01.02"), "kode program", wajib=True),
        Bidang("nama", _TEKS, "nama program", wajib=True),
        Bidang("seksi", Kode(), "id seksi penanggung jawab", wajib=True),
        Bidang("anggaran", Angka(persen=False, rupiah=True, min=0), "pagu anggaran (rupiah)",
               wajib=True),
        Bidang("indikator", Daftar(Teks(), tunggal_boleh=True),
               "kode indikator yang didukung program ini"),
        Bidang("rencana_triwulan", Daftar(Angka(persen=False, rupiah=True, min=0), min_isi=4,
                                          maks_isi=4),
               "rencana penarikan dana kumulatif s.d. TW I–IV (anggaran kas), empat nilai"),
    ))), "program dan anggarannya"),
))

PERIODE_YML = Peta((
    Bidang("tahun", Bulat(2000, 2100), "tahun", wajib=True),
    Bidang("periode", Pilihan(PERIODE), "tw1, tw2, tw3, tw4 atau tahunan", wajib=True),
    Bidang("mulai", Tanggal(), "tanggal Camat menugaskan pengukuran (langkah 1)"),
    Bidang("jadwal", Daftar(Peta((
        Bidang("langkah", Bulat(1, 10), "nomor langkah SOP", wajib=True),
        Bidang("uraian", _TEKS, "uraian langkah"),
        Bidang("pelaksana", _TEKS, "peran pelaksana"),
        Bidang("mulai", Waktu(), "rencana mulai"),
        Bidang("selesai", Waktu(), "rencana selesai (batas waktu)"),
    ))), "jadwal langkah SOP"),
    Bidang("surat_pengantar", Peta((
        Bidang("nomor", _TEKS, "nomor surat, misalnya 050/123/2026", isian=True),
        Bidang("tanggal", Tanggal(), "tanggal surat", isian=True),
        Bidang("sifat", _TEKS, "Biasa, Segera, atau Sangat Segera"),
        Bidang("lampiran", _TEKS, "misalnya 1 (satu) berkas"),
        Bidang("hal", _TEKS, "perihal surat"),
        Bidang("kepada", _TEKS, "penerima (setelah «Yth.»)"),
        Bidang("di", _TEKS, "tempat penerima"),
        Bidang("tembusan", Daftar(_TEKS, tunggal_boleh=True), "daftar tembusan"),
    )), "data surat pengantar laporan"),
))

_TARGET_DI_FORMULIR = (
    "target tidak diisi di formulir: target berasal dari Perjanjian Kinerja; hapus baris ini "
    "(bila target memang berubah, ajukan perubahan Perjanjian Kinerja)"
)

FORMULIR = Peta((
    Bidang("seksi", Kode(), "id seksi pemilik formulir ini", wajib=True),
    Bidang("periode", Teks(r"[0-9]{4}-(?:tw[1-4]|tahunan)", "2026-tw3"), "periode, misalnya 2026-tw3",
           wajib=True),
    Bidang("isian", Daftar(Peta((
        Bidang("indikator", Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "IK-1.1"), "kode indikator",
               wajib=True),
        Bidang("realisasi", TeksAtauAngka(), "realisasi periode ini: angka (85,5) atau predikat skala",
               isian=True),
        Bidang("penjelasan", _TEKS, "mengapa target tercapai atau tidak", isian=True),
        Bidang("hambatan", _TEKS, "hambatan yang dihadapi", isian=True),
        Bidang("tindak_lanjut", _TEKS, "langkah perbaikan yang diambil atau direncanakan",
               isian=True),
        Bidang("bukti_dukung", Daftar(_TEKS, tunggal_boleh=True),
               "tautan https:// atau berkas di repo", isian=True),
        Bidang("rencana_aksi", Daftar(Peta((
            Bidang("aksi", Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "RA-1.1.1"),
                   "kode aksi dari rencana-aksi.yml", wajib=True),
            Bidang("status", Pilihan(("terlaksana", "sebagian", "belum")),
                   "terlaksana, sebagian, atau belum", isian=True),
            Bidang("catatan", _TEKS, "keterangan pelaksanaan aksi"),
        ))), "evaluasi aksi Rencana Aksi yang direncanakan triwulan ini"),
    ), terlarang=(("target", _TARGET_DI_FORMULIR), ("target_triwulan", _TARGET_DI_FORMULIR)))),
           "isian per indikator", wajib=True),
    Bidang("anggaran", Daftar(Peta((
        Bidang("program", Teks(r"[0-9A-Za-z][0-9A-Za-z.\-]*", "7.01.02"), "kode program",
               wajib=True),
        Bidang("realisasi", Angka(persen=False, rupiah=True, min=0),
               "realisasi anggaran kumulatif s.d. akhir periode (rupiah)", isian=True),
    ), terlarang=(("anggaran", "pagu tidak diisi di formulir: pagu berasal dari Perjanjian "
                   "Kinerja; hapus baris ini"),))),
           "realisasi anggaran program seksi ini"),
))

_ANGKA_SEGEL = Teks(r"-?[0-9]+(?:\.[0-9]+)?(?:e[-+][0-9]+)?", "12.5")
_TARGET_SEGEL = PetaBebas(Teks(), kunci=("nilai", "bawah", "atas", "teks"))
_SIDIK = Teks(r"[0-9a-f]{64}", "SHA-256 heksadesimal")
_WAKTU_ISO = Teks(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?"
                  r"(?:Z|[+-][0-9]{2}:[0-9]{2})", "2026-10-07T13:00+07:00")

SEGEL = Peta((
    Bidang("commit", _TEKS, "commit isi yang disahkan"),
    Bidang("pk", _TEKS, "versi Perjanjian Kinerja yang dipakai mengukur"),
    Bidang("berkas", PetaBebas(_SIDIK), "SHA-256 tiap berkas yang disegel", wajib=True),
    Bidang("aturan", Peta((
        Bidang("rumus_turun", Pilihan(("2T-R", "T/R")), "rumus indikator turun"),
        Bidang("batas_atas", _ANGKA_SEGEL, "batas atas capaian"),
        Bidang("ambang_efisiensi", _ANGKA_SEGEL, "ambang efisiensi"),
        Bidang("kategori", PetaBebas(_ANGKA_SEGEL), "batas bawah tiap kategori"),
    )), "aturan capaian saat pengesahan", wajib=True),
    Bidang("indikator", PetaBebas(Peta((
        Bidang("polaritas", Pilihan(("naik", "turun")), "polaritas", wajib=True),
        Bidang("agregasi", Pilihan(("jumlah", "terakhir", "rata-rata")), "agregasi", wajib=True),
        Bidang("target", _TARGET_SEGEL, "target tahunan", wajib=True),
        Bidang("target_triwulan", Daftar(_TARGET_SEGEL, min_isi=4, maks_isi=4),
               "target TW I–IV", wajib=True),
        Bidang("rumus_turun", Pilihan(("2T-R", "T/R")), "rumus khusus"),
        Bidang("skala", PetaBebas(_ANGKA_SEGEL), "nilai tiap predikat"),
        Bidang("uraian", _TEKS, "rumusan indikator"),
        Bidang("satuan", _TEKS, "satuan"),
        Bidang("seksi", _TEKS, "seksi penanggung jawab"),
        Bidang("sasaran", _TEKS, "kode sasaran"),
        Bidang("sasaran_uraian", _TEKS, "rumusan sasaran"),
    ))), "nilai ukur tiap indikator saat pengesahan", wajib=True),
    Bidang("program", PetaBebas(Peta((
        Bidang("nama", _TEKS, "nama program"),
        Bidang("seksi", _TEKS, "seksi penanggung jawab"),
        Bidang("anggaran", _ANGKA_SEGEL, "pagu saat pengesahan"),
        Bidang("indikator", Daftar(Teks()), "indikator yang didukung"),
        Bidang("rencana_triwulan", Daftar(_ANGKA_SEGEL, min_isi=4, maks_isi=4),
               "rencana penarikan dana kumulatif"),
    ))), "program dan pagunya saat pengesahan"),
    Bidang("aksi", Daftar(Peta((
        Bidang("kode", _TEKS, "kode aksi", wajib=True),
        Bidang("indikator", _TEKS, "kode indikator", wajib=True),
        Bidang("uraian", _TEKS, "uraian aksi"),
        Bidang("penanggung_jawab", _TEKS, "id pegawai penanggung jawab"),
        Bidang("keluaran", _TEKS, "keluaran yang diharapkan"),
    ))), "aksi Rencana Aksi triwulan ini saat pengesahan"),
))

_KODE_AKSI = Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "RA-1.1.1")

RENCANA_AKSI = Peta((
    Bidang("tahun", Bulat(2000, 2100), "tahun rencana aksi (sama dengan folder tahunnya)",
           wajib=True),
    Bidang("rencana_aksi", Daftar(Peta((
        Bidang("indikator", Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "IK-1.1"),
               "kode indikator Perjanjian Kinerja", wajib=True),
        Bidang("aksi", Daftar(Peta((
            Bidang("kode", _KODE_AKSI, "kode aksi, unik dalam setahun", wajib=True),
            Bidang("triwulan", Daftar(Pilihan(("tw1", "tw2", "tw3", "tw4")), tunggal_boleh=True,
                                      min_isi=1),
                   "triwulan pelaksanaan: tw1, tw2, tw3, tw4 (satu atau lebih)", wajib=True),
            Bidang("uraian", _TEKS, "uraian aksi", wajib=True),
            Bidang("penanggung_jawab", Kode("kasi-pemerintahan"), "id pegawai penanggung jawab",
                   wajib=True),
            Bidang("keluaran", _TEKS, "keluaran yang diharapkan", wajib=True),
        ))), "aksi untuk indikator ini"),
    ))), "aksi per indikator", wajib=True),
))

RIWAYAT_YML = Peta((
    Bidang("periode", Teks(r"[0-9]{4}-(?:tw[1-4]|tahunan)", "2026-tw3"), "periode", wajib=True),
    Bidang("sumber", Pilihan(("git", "github", "gitea", "gitlab")), "asal persetujuan",
           wajib=True),
    Bidang("disahkan", Pilihan(("ya", "tidak")), "sudah disahkan Camat", wajib=True),
    Bidang("versi", Bulat(1, 999), "versi yang berlaku (1, lalu 2 sesudah revisi pertama, …)"),
    Bidang("persetujuan", Daftar(Peta((
        Bidang("peran", Pilihan(URUTAN), "peran", wajib=True),
        Bidang("nama", _TEKS, "nama penyetuju", wajib=True),
        Bidang("akun", _TEKS, "akun Git host atau surel", wajib=True),
        Bidang("commit", _TEKS, "commit yang disetujui", wajib=True),
        Bidang("waktu", _TEKS, "waktu persetujuan (ISO 8601)", wajib=True),
    ))), "persetujuan berurutan", wajib=True),
    Bidang("segel", SEGEL, "apa yang disahkan: sidik berkas dan nilai ukurnya"),
    Bidang("revisi", Daftar(Peta((
        Bidang("versi", Bulat(1, 999), "versi yang dibuka kembali", wajib=True),
        Bidang("disahkan", _WAKTU_ISO, "kapan versi itu disahkan"),
        Bidang("oleh", _TEKS, "Camat yang mengesahkan versi itu"),
        Bidang("sidik", _SIDIK, "sidik seluruh berkas tersegel versi itu", wajib=True),
        Bidang("alasan", _TEKS, "alasan revisi", wajib=True),
        Bidang("nomor", _TEKS, "nomor surat atau nota dinas revisi"),
        Bidang("dibuka", _WAKTU_ISO, "kapan revisi dibuka"),
        Bidang("commit", _TEKS, "commit isi yang disahkan pada versi itu"),
    ))), "versi terdahulu yang direvisi, terlama dahulu"),
))

SKEMA: dict[str, tuple[Peta, str]] = {
    "kinerja": (KANTOR, "Kantor: pegawai, peran, seksi, aturan capaian (kinerja.yml)"),
    "perjanjian-kinerja": (PERJANJIAN, "Perjanjian Kinerja tahunan"),
    "periode": (PERIODE_YML, "Periode pengukuran kinerja (periode.yml)"),
    "formulir": (FORMULIR, "Formulir pengukuran kinerja satu seksi"),
    "rencana-aksi": (RENCANA_AKSI, "Rencana Aksi tahunan: aksi per indikator per triwulan"),
    "riwayat": (RIWAYAT_YML, "Riwayat persetujuan periode (riwayat.yml, ditulis kinerja)"),
}


def json_schema(nama: str) -> dict[str, Any]:
    jenis, judul = SKEMA[nama]
    return {"$schema": "http://json-schema.org/draft-07/schema#", "title": judul, **jenis.json()}


def bidang_isian(jenis: Peta) -> tuple[str, ...]:
    return tuple(b.nama for b in jenis.bidang if b.isian)



def tulis_skema(akar: Path, *, tulis: bool = True) -> list[str]:
    """(Re)generate ``content/skema/*.json`` and the page of checks (``content/pemeriksaan.md``,
    from the rule registry); return the files that differed from their definitions."""
    from kinerja.inti.aturan import halaman

    berkas = {f"content/skema/{nama}.json":
              json.dumps(json_schema(nama), ensure_ascii=False, indent=2) + "\n"
              for nama in SKEMA}
    berkas["content/pemeriksaan.md"] = halaman()
    berbeda = []
    for rel, teks in berkas.items():
        path = akar / rel
        lama = path.read_text(encoding="utf-8") if path.exists() else None
        if lama != teks:
            berbeda.append(rel)
            if tulis:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(teks, encoding="utf-8", newline="\n")
    return berbeda
