"""Setting the values a person typed into a form's text, and nothing else.

The form page (``kinerja layani``, or the static page on a Git host) sends values by where they
go — an indicator's ``realisasi``, an action's ``status``, a programme's spending — and this
writes each one over the old value's bytes: comments, quotes, key order, block styles, blank
lines, a byte-order mark and CRLF line ends stay as they were, and a no-op save is the very
same text. What is missing (an indicator added to the PK, a planned action) is first inserted by
``lengkapi_teks``, the one writer that also completes forms for ``periode baru``.

The result is read back and compared with what was meant, value by value, with every other value
unchanged; any difference is refused, never written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import yaml

from kinerja.baca.teks import susun
from kinerja.inti.beku import beku
from kinerja.inti.errors import BerkasTidakValid, KinerjaError

Daftar = Literal["isian", "anggaran"]
Nilai = str | tuple[str, ...]  # what a person typed, or a list of links

# The keys a form page may set: what a section reports, never what identifies an entry.
BIDANG: dict[str, tuple[str, ...]] = {
    "isian": ("realisasi", "penjelasan", "hambatan", "tindak_lanjut", "bukti_dukung"),
    "aksi": ("status", "catatan"),
    "anggaran": ("realisasi",),
}
_KUNCI = {"isian": "indikator", "anggaran": "program", "aksi": "aksi"}
_TIPE_POLOS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


@beku
class Ubah:
    """One value a person set: in which list, which entry (its code), which field; under an
    action of that entry when ``aksi`` is given."""

    daftar: Daftar
    kode: str
    bidang: str
    nilai: Nilai
    aksi: str | None = None

    def __post_init__(self) -> None:
        jenis = "aksi" if self.aksi is not None else self.daftar
        if self.bidang not in BIDANG[jenis]:
            raise KinerjaError(f"«{self.bidang}» tidak dapat diubah dari halaman formulir; yang "
                               f"dapat diisi: {', '.join(BIDANG[jenis])}")


def tulis_isian(teks: str, rel: str, ubah: Sequence[Ubah],
                lengkapi: Callable[[str], str | None] | None = None) -> str:
    """``teks`` (a form, without its byte-order mark) with every change in ``ubah`` written;
    raises KinerjaError naming the field when a value cannot be written exactly."""
    dasar = (lengkapi(teks) if lengkapi else None) or teks
    hasil = dasar
    for u in ubah:
        hasil = _satu(hasil, rel, u)
    if hasil != dasar:
        _periksa_hasil(dasar, hasil, rel, ubah)
    return hasil


# --- how a value is written ---------------------------------------------------------------------

def _polos(v: str) -> bool:
    """A plain scalar reads back as exactly ``v`` (text or a number, never null, true, a list,
    or a comment)."""
    if not v or v != v.strip() or any(c in "\n\t\u2028\u2029" or not _tercetak(c) for c in v):
        return False
    try:
        node = susun("k: " + v, "nilai")
    except BerkasTidakValid:
        return False
    nilai = node.value[0][1] if isinstance(node, yaml.MappingNode) and node.value else None
    # other YAML tools (an editor's schema check) must read text or a number too, not true/null
    tipe = yaml.resolver.Resolver().resolve(yaml.ScalarNode, v, (True, False))  # type: ignore[no-untyped-call]
    return (isinstance(nilai, yaml.ScalarNode) and not nilai.style and nilai.value == v
            and tipe in _TIPE_POLOS)


def _tercetak(c: str) -> bool:
    """YAML's printable characters (a stream may hold no other, even quoted: they are escaped)."""
    n = ord(c)
    return (c in "\t\n" or 0x20 <= n <= 0x7E or 0xA0 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD
            or n >= 0x10000) and c != "\ufeff"


def _kutip(v: str) -> str:
    """A double-quoted scalar: every character that YAML would read otherwise is escaped."""
    keluar = ['"']
    for c in v:
        if c in '"\\':
            keluar.append("\\" + c)
        elif c == "\n":
            keluar.append("\\n")
        elif c == "\t":
            keluar.append("\\t")
        elif not _tercetak(c) or c in "\u2028\u2029":
            keluar.append(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
        else:
            keluar.append(c)
    return "".join(keluar) + '"'


def _sebaris(v: str) -> str:
    return v if _polos(v) else _kutip(v)


def _blok(v: str) -> tuple[str, list[str]] | None:
    """A literal block («|») for text of several lines: its header and lines; None when a
    literal cannot hold the text (control characters, a line of only spaces first)."""
    if any(not _tercetak(c) or c in "\u2028\u2029" for c in v):
        return None
    if v.endswith("\n\n"):
        return None  # «|+» would take in the blank lines that follow it in the form
    if v.endswith("\n"):
        kepala, isi = "|", v[:-1]
    else:
        kepala, isi = "|-", v
    baris = isi.split("\n")
    pertama = next((b for b in baris if b.strip()), "")
    if not pertama:
        return None
    if pertama[0] in " \t":
        kepala = kepala[0] + "2" + kepala[1:]
    return kepala, baris


# --- one change ---------------------------------------------------------------------------------

def _akhir_baris(teks: str, i: int) -> int:
    """The index of the line break ending the line that holds ``i`` (or the text's end)."""
    ujung = [j for j in (teks.find("\n", i), teks.find("\r", i)) if j >= 0]
    return min(ujung) if ujung else len(teks)


def akhir_baris(teks: str) -> str:
    """The line end a form uses (new lines are written with it)."""
    return "\r\n" if "\r\n" in teks else "\r" if "\r" in teks else "\n"


def ujung(node: yaml.Node) -> yaml.Node:
    """The last value inside ``node`` (not the comments before the next key, which a block's
    own end mark would include)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    return node


Entri = dict[str, tuple[yaml.Node, yaml.Node]]  # an entry's keys: key node, value node


def bagian(akar: yaml.Node | None, nama: str) -> yaml.Node | None:
    """The value of a top-level key of a form (``isian``, ``anggaran``)."""
    if isinstance(akar, yaml.MappingNode):
        return next((v for k, v in akar.value if getattr(k, "value", None) == nama), None)
    return None


def isi_entri(m: yaml.MappingNode) -> Entri:
    return {str(a.value): (a, b) for a, b in m.value if isinstance(a, yaml.ScalarNode)}


def butir(daftar: yaml.Node | None, kunci: str) -> dict[str, yaml.MappingNode]:
    """A list's entries by their code (``kunci``'s value; the first of a repeated code); a
    list written on one line «[...]» has none that can be written into."""
    hasil: dict[str, yaml.MappingNode] = {}
    if isinstance(daftar, yaml.SequenceNode) and not daftar.flow_style:
        for item in daftar.value:
            if isinstance(item, yaml.MappingNode):
                kode = isi_entri(item).get(kunci)
                if kode is not None and isinstance(kode[1], yaml.ScalarNode):
                    hasil.setdefault(str(kode[1].value), item)
    return hasil


def _target(teks: str, rel: str, u: Ubah) -> yaml.MappingNode:
    try:
        akar = susun(teks, rel)
    except BerkasTidakValid as e:
        raise KinerjaError("formulir tidak dapat dibaca untuk diisi; jalankan «kinerja periksa» "
                           "dan perbaiki dulu", berkas=rel) from e
    if not isinstance(akar, yaml.MappingNode):
        raise KinerjaError("formulir tidak berisi pasangan kunci dan nilai", berkas=rel)
    entri = butir(bagian(akar, u.daftar), _KUNCI[u.daftar]).get(u.kode)
    if entri is None:
        raise KinerjaError(f"{u.daftar} {u.kode} tidak ada di formulir (atau ditulis dalam satu "
                           "baris «[...]»); jalankan «kinerja periode baru» untuk melengkapinya",
                           berkas=rel)
    if u.aksi is None:
        return entri
    ra = isi_entri(entri).get("rencana_aksi")
    aksi = butir(ra[1] if ra else None, "aksi").get(u.aksi)
    if aksi is None:
        raise KinerjaError(f"aksi {u.aksi} tidak ada di bawah rencana_aksi {u.kode}; jalankan "
                           "«kinerja periode baru» untuk melengkapinya", berkas=rel)
    return aksi


def _sama(lama: yaml.Node, nilai: Nilai) -> bool:
    if isinstance(nilai, tuple):
        return (isinstance(lama, yaml.SequenceNode) and not lama.flow_style and nilai != ()
                and [getattr(x, "value", None) for x in lama.value] == list(nilai)) or (
            nilai == () and _kosong(lama))
    return isinstance(lama, yaml.ScalarNode) and (
        (nilai == "" and _kosong(lama)) or (lama.value == nilai and not _kosong(lama)))


def _kosong(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _nilai_baru(nilai: Nilai, indent: str, eol: str) -> tuple[str, str]:
    """What follows the key's colon on its line, and the lines below it."""
    if isinstance(nilai, tuple):
        if not nilai:
            return "", ""
        return "", "".join(f"{eol}{indent}- {_sebaris(x)}" for x in nilai)
    if not nilai:
        return "", ""
    if "\n" in nilai:
        blok = _blok(nilai)
        if blok is not None:
            kepala, baris = blok
            bawah = "".join(eol + (indent + b if b else "") for b in baris)
            if _terbaca(f"{indent[:-2]}k: {kepala}{bawah}\n".replace(eol, "\n")) == nilai:
                return " " + kepala, bawah
    return " " + _sebaris(nilai), ""


def _terbaca(teks: str) -> str | None:
    """The value of the one key in ``teks``, as YAML reads it."""
    try:  # kinerja's own reader: stricter than YAML (a tab where indentation goes, say)
        node = susun(teks.lstrip(" "), "nilai")
    except BerkasTidakValid:
        return None
    if isinstance(node, yaml.MappingNode) and isinstance(node.value[0][1], yaml.ScalarNode):
        return str(node.value[0][1].value)
    return None


def _ada_komentar(teks: str) -> bool:
    """A comment among a list's lines (which replacing the list would drop): a line that starts
    with «#», or « #» after a value. (A quoted « #» also counts: refusing is the safe side.)"""
    return any(b.lstrip().startswith("#") or " #" in b or "\t#" in b for b in teks.splitlines())


def _satu(teks: str, rel: str, u: Ubah) -> str:
    m = _target(teks, rel, u)
    eol = akhir_baris(teks)
    kolom = m.value[0][0].start_mark.column
    ada = isi_entri(m).get(u.bidang)
    if ada is None:
        # a new key, on a line after the entry's last value, at its keys' indentation
        akhir = len(teks[:ujung(m).end_mark.index].rstrip())
        letak = _akhir_baris(teks, max(akhir - 1, 0))
        sebaris, bawah = _nilai_baru(u.nilai, " " * (kolom + 2), eol)
        return teks[:letak] + f"{eol}{' ' * kolom}{u.bidang}:{sebaris}{bawah}" + teks[letak:]
    k, v = ada
    if _sama(v, u.nilai):
        return teks  # unchanged: not a byte moves
    titik_dua = teks.index(":", k.end_mark.index) + 1
    baris_kunci = _akhir_baris(teks, titik_dua)
    if _kosong(v) and v.value == "":
        sampai, ekor = baris_kunci, teks[titik_dua:baris_kunci]
    elif v.start_mark.line == k.start_mark.line and v.end_mark.line == v.start_mark.line:
        # a one-line value: a comment after it stays after the new one
        sampai, ekor = baris_kunci, teks[v.end_mark.index:baris_kunci]
    elif v.start_mark.line == k.start_mark.line:
        # «|» or «>-» on the key line: a comment after the indicator stays
        sampai, ekor = len(teks[:ujung(v).end_mark.index].rstrip()), ""
        if isinstance(v, yaml.ScalarNode) and v.style in ("|", ">"):
            kepala = teks[v.start_mark.index:baris_kunci]
            ekor = kepala[len(kepala.split(maxsplit=1)[0]):]  # what follows «>-»: its comment
    else:
        # the value on the lines below: a comment on the key's own line is kept
        sampai = len(teks[:ujung(v).end_mark.index].rstrip())
        ekor = teks[titik_dua:baris_kunci]
    if not (isinstance(v, yaml.ScalarNode) and v.style in ("|", ">")) and \
            _ada_komentar(teks[baris_kunci:sampai]):
        raise KinerjaError(f"{u.kode} {u.bidang} memuat baris komentar di antara nilainya; "
                           "ubah bidang ini di editor berkas agar komentarnya tidak hilang",
                           berkas=rel, baris=k.start_mark.line + 1)
    ekor = ekor if "#" in ekor else ""
    if ekor and not ekor[0].isspace():
        ekor = " " + ekor
    sebaris, bawah = _nilai_baru(u.nilai, " " * (kolom + 2), eol)
    return teks[:titik_dua] + sebaris + ekor + bawah + teks[max(sampai, titik_dua):]


# --- the result, read back ---------------------------------------------------------------------

def _pohon(node: yaml.Node | None) -> object:
    if isinstance(node, yaml.MappingNode):
        return [(str(k.value), _pohon(v)) for k, v in node.value]
    if isinstance(node, yaml.SequenceNode):
        return [_pohon(x) for x in node.value]
    return None if node is None or _kosong(node) else str(node.value)


def _atur(pohon: object, u: Ubah) -> None:
    """Set ``u`` in the tree read before, as the page meant it."""
    assert isinstance(pohon, list)
    daftar = dict(pohon)[u.daftar]
    entri = _cari(daftar, _KUNCI[u.daftar], u.kode)
    if u.aksi is not None:
        entri = _cari(dict(entri)["rencana_aksi"], "aksi", u.aksi)
    nilai: object = (list(u.nilai) or None) if isinstance(u.nilai, tuple) else (u.nilai or None)
    for i, (kunci, _) in enumerate(entri):
        if kunci == u.bidang:
            entri[i] = (kunci, nilai)
            return
    entri.append((u.bidang, nilai))


def _cari(daftar: object, kunci: str, kode: str) -> list[tuple[str, object]]:
    assert isinstance(daftar, list)
    for item in daftar:
        if isinstance(item, list) and (kunci, kode) in item:
            return item
    raise AssertionError(f"{kunci} {kode} hilang")  # _target found it in the same text


def _periksa_hasil(dasar: str, hasil: str, rel: str, ubah: Sequence[Ubah]) -> None:
    harapan = _pohon(susun(dasar, rel))
    for u in ubah:
        _atur(harapan, u)
    try:
        terbaca = _pohon(susun(hasil, rel))
    except BerkasTidakValid:
        terbaca = None
    if terbaca != harapan:
        apa = ", ".join(f"{u.kode}{'/' + u.aksi if u.aksi else ''} {u.bidang}" for u in ubah)
        raise KinerjaError(f"isian ({apa}) tidak dapat ditulis tanpa mengubah isian lain; "
                           "formulir tidak diubah. Laporkan ini kepada pengelola kinerja",
                           berkas=rel)
