"""Pandoc Markdown for the documents: people's text made literal, tables that keep their column
widths, the letterhead's metadata. Every document builds on these."""

from __future__ import annotations

import json

from kinerja.inti import lolos
from kinerja.inti.angka import format_persen, format_rupiah
from kinerja.inti.model import Kantor
from kinerja.inti.sop import NAMA_PERAN

md = lolos.pandoc  # people's text in pandoc Markdown
sel = lolos.pandoc_sel  # and in a pipe-table cell


def nip(n: str | None) -> str:
    if not n or len(n) != 18:
        return n or "–"
    return f"{n[:8]} {n[8:14]} {n[14]} {n[15:]}"


class Blok(str):
    """Markdown blocks (paragraphs, headings, tables) for a template variable: written as a
    YAML literal block, which pandoc reads as blocks. Its text is already escaped Markdown."""


def _meta(nilai: object) -> str:
    """A YAML metadata value whose string parts pandoc reads as (escaped) Markdown."""
    if isinstance(nilai, Blok):
        return "|\n" + "\n".join(("  " + b) if b.strip() else "" for b in nilai.splitlines())
    return json.dumps(nilai, ensure_ascii=False)


def pemisah(lebar: tuple[int, ...], rata: str) -> str:
    """A pipe-table separator longer than pandoc's 72 columns, so the dashes set the relative
    column widths (percentages that sum to 100) instead of Typst guessing from content."""
    sel_ = []
    for n, r in zip(lebar, rata, strict=True):
        garis = "-" * max(n - 1, 2)
        sel_.append(":" + garis if r == "l" else garis + ":")
    return "|" + "|".join(sel_) + "|"


def rupiah(x: float) -> str:
    return format_rupiah(x).replace(" ", "\\ ")  # a non-breaking space: «Rp» never wraps alone


def persen(x: float | None) -> str:
    return "–" if x is None else format_persen(x)


def meta_kop(kantor: Kantor, logo: str | None = None) -> dict[str, object]:
    """Letterhead and paper metadata shared by every document's template (``kop.typ``)."""
    i = kantor.instansi
    kontak = " · ".join(x for x in (
        f"Telepon {i.telepon}" if i.telepon else "",
        f"Surel {i.email}" if i.email else "",
        f"Kode Pos {i.kode_pos}" if i.kode_pos else "",
    ) if x)
    meta: dict[str, object] = {
        # A letterhead reads «PEMERINTAH KABUPATEN …» whether kinerja.yml wrote «Pemerintah».
        "pemerintah": md(("" if i.pemerintah.lower().startswith("pemerintah ") else
                          "PEMERINTAH ") + i.pemerintah.upper()),
        "instansi": md(i.nama.upper()),  # the letterhead's capitals
        "instansi_nama": md(i.nama),  # as written, for sentences and page footers
        "alamat": md(i.alamat),
        "kontak": md(kontak),
        "kertas-f4": kantor.kertas == "F4",
        "lang": "id",
        "kota": md(i.kota),
    }
    if logo:
        meta["logo"] = logo
    return meta


def blok_meta(meta: dict[str, object]) -> list[str]:
    return ["---", *(f"{k}: {_meta(v)}" for k, v in meta.items()), "---"]


def penanda(kantor: Kantor, peran: str = "camat", *, kosong: str = "") -> dict[str, str]:
    """The signature block's person: the holder of ``peran`` (the Camat) as kinerja.yml says."""
    p = next(iter(kantor.pemegang(peran)), None)
    if p is None:
        return {"penanda_jabatan": md(NAMA_PERAN[peran].upper()), "penanda_nama": kosong,
                "penanda_pangkat": "", "penanda_nip": kosong}
    return {"penanda_jabatan": md(p.jabatan.upper()), "penanda_nama": md(p.nama),
            "penanda_pangkat": md(p.pangkat or ""), "penanda_nip": md(nip(p.nip))}
