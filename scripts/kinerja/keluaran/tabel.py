"""The measurement table (rekap) as aligned text, a Markdown pipe table, or JSON data."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from kinerja.inti import lolos
from kinerja.inti.angka import format_angka, format_persen, format_rupiah
from kinerja.inti.model import Kantor
from kinerja.ukur.rekap import Rekap, teks_nilai, teks_target

KOLOM_INDIKATOR = ("Sasaran", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori")
KOLOM_PROGRAM = ("Program", "Pagu", "Realisasi", "Serapan", "Capaian", "Efisiensi")


def _persen(x: float | None) -> str:
    return "–" if x is None else format_persen(x)


def baris_indikator(rekap: Rekap) -> list[tuple[str, ...]]:
    return [
        (b.sasaran, f"{b.indikator.kode} {b.indikator.uraian}", b.indikator.satuan,
         teks_target(b.target), teks_nilai(b.realisasi) + (" *" if b.dari_triwulan else ""),
         _persen(b.capaian.nilai), b.kategori or "–")
        for b in rekap.indikator
    ]


def baris_program(rekap: Rekap) -> list[tuple[str, ...]]:
    return [
        (f"{p.kode} {p.nama}", format_rupiah(p.pagu),
         "belum diisi" if p.realisasi is None else format_rupiah(p.realisasi),
         _persen(p.serapan), _persen(p.capaian), p.efisiensi or "–")
        for p in rekap.program
    ]


def _lebar(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _potong(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _tabel_teks(kepala: tuple[str, ...], isi: list[tuple[str, ...]], kanan: set[int],
                maks: dict[int, int]) -> list[str]:
    isi = [tuple(_potong(c, maks.get(i, 200)) for i, c in enumerate(r)) for r in isi]
    lebar = [max(_lebar(r[i]) for r in [kepala, *isi]) for i in range(len(kepala))]

    def fmt(r: tuple[str, ...]) -> str:
        sel = [(" " * (lebar[i] - _lebar(c)) + c) if i in kanan else c + " " * (lebar[i] - _lebar(c))
               for i, c in enumerate(r)]
        return "  ".join(sel).rstrip()

    return [fmt(kepala), "  ".join("─" * w for w in lebar), *(fmt(r) for r in isi)]


def teks(rekap: Rekap, kantor: Kantor) -> str:
    p = rekap.periode
    baris = [f"Pengukuran Kinerja {p.nama} — {kantor.instansi.nama}", ""]
    baris += _tabel_teks(KOLOM_INDIKATOR, baris_indikator(rekap), {3, 4, 5}, {1: 60})
    if any(b.dari_triwulan for b in rekap.indikator):
        baris.append("* dihitung dari realisasi TW I–IV menurut agregasi indikator")
    if rekap.program:
        baris += ["", *_tabel_teks(KOLOM_PROGRAM, baris_program(rekap), {1, 2, 3, 4}, {0: 60})]
        # The same explanation the PDF and the site give under their budget tables.
        ambang = format_angka(kantor.capaian.ambang_efisiensi)
        baris += ["Serapan dihitung terhadap pagu setahun; efisiensi membandingkan capaian "
                  "program dengan serapan terhadap rencana penarikan dana sampai akhir periode "
                  f"(selisih lebih dari {ambang} poin: efisien atau kurang efisien)."]
    jumlah = rekap.jumlah_kategori(kantor)
    baris += ["", "Kategori: " + ", ".join(f"{k} {n}" for k, n in jumlah.items())]
    return "\n".join(baris) + "\n"


_md = lolos.gfm


def markdown(rekap: Rekap, kantor: Kantor) -> str:
    baris = [
        "| " + " | ".join(KOLOM_INDIKATOR) + " |",
        "|---|---|---|--:|--:|--:|---|",
        *("| " + " | ".join(_md(c) for c in r) + " |" for r in baris_indikator(rekap)),
    ]
    if rekap.program:
        baris += [
            "",
            "| " + " | ".join(KOLOM_PROGRAM) + " |",
            "|---|--:|--:|--:|--:|---|",
            *("| " + " | ".join(_md(c) for c in r) + " |" for r in baris_program(rekap)),
        ]
    return "\n".join(baris) + "\n"


def data(rekap: Rekap, kantor: Kantor) -> dict[str, Any]:
    p = rekap.periode

    def target(t: Any) -> Any:
        if t.teks is not None:
            return t.teks
        if t.rentang:
            return {"bawah": t.bawah, "atas": t.atas}
        return t.nilai

    sah = p.pengesahan
    camat = sah.camat
    return {
        "instansi": kantor.instansi.nama,
        "periode": p.id,
        "nama_periode": p.nama,
        # Whether these figures are the ratified ones, as Git history proves it (a ratified
        # period is measured by its seal).
        "pengesahan": {
            "keadaan": sah.keadaan.value, "versi": sah.versi, "tag": sah.tag,
            "commit": sah.commit, "disahkan": camat.waktu.isoformat() if camat else None,
            "oleh": camat.nama if camat else None,
        },
        "indikator": [
            {
                "sasaran": b.sasaran, "sasaran_uraian": b.sasaran_uraian,
                "kode": b.indikator.kode, "uraian": b.indikator.uraian,
                "satuan": b.indikator.satuan, "polaritas": b.indikator.polaritas,
                "seksi": b.indikator.seksi, "target": target(b.target),
                "realisasi": b.realisasi, "realisasi_dari_triwulan": b.dari_triwulan,
                # a year measured in part: the target up to this quarter (None: the year's)
                "target_sampai": b.target_sampai,
                "capaian": b.capaian.nilai, "catatan": b.capaian.catatan, "kategori": b.kategori,
            }
            for b in rekap.indikator
        ],
        "program": [
            {"kode": x.kode, "nama": x.nama, "seksi": x.seksi, "pagu": x.pagu,
             "realisasi": x.realisasi, "serapan": x.serapan,
             "serapan_terhadap_rencana": x.serapan_rencana, "capaian": x.capaian,
             "efisiensi": x.efisiensi}
            for x in rekap.program
        ],
        "kategori": rekap.jumlah_kategori(kantor),
    }


def sebagai_json(rekap: Rekap, kantor: Kantor) -> str:
    return json.dumps(data(rekap, kantor), ensure_ascii=False, indent=2) + "\n"

