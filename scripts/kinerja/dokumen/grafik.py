"""Capaian charts as plain SVG: vector in the PDF, inline on the site, no JavaScript anywhere.

Every text placed in the SVG is XML-escaped: indicator names are people's words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from kinerja.inti import lolos
from kinerja.inti.angka import format_angka, format_persen
from kinerja.inti.beku import beku

escape = lolos.xml


WARNA_KATEGORI = {
    "Sangat Tinggi": "#1a7f37",
    "Tinggi": "#4c9a2a",
    "Sedang": "#c98a00",
    "Rendah": "#d1521d",
    "Sangat Rendah": "#b42318",
}
WARNA_LAIN = "#5b6b7b"
WARNA_RIWAYAT = ("#d5dce4", "#b8c3cf", "#9aa8b7", "#7d8c9d")  # TW I … TW IV, lighter = older


def warna(kategori: str | None) -> str:
    return WARNA_KATEGORI.get(kategori or "", WARNA_LAIN)


@beku
class Batang:
    kode: str
    uraian: str
    nilai: float | None  # this period's capaian
    kategori: str | None
    riwayat: tuple[tuple[str, float | None], ...] = ()  # earlier periods, oldest first


def _nilai(v: float | None, satuan: str = "%") -> str:
    return "belum diisi" if v is None else f"{format_angka(v)}{satuan}"


def _uraian_batang(batang: Sequence[Batang]) -> str:
    """The figures a bar chart draws, as text (its description for screen readers)."""
    bagian = []
    for b in batang:
        teks = f"{b.kode}: {_nilai(b.nilai)}" + (f" ({b.kategori})" if b.kategori else "")
        if b.riwayat:
            teks += ", sebelumnya " + ", ".join(f"{n} {_nilai(v)}" for n, v in b.riwayat)
        bagian.append(teks)
    return "; ".join(bagian)


def _teks(x: float, y: float, isi: str, **attr: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attr.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(isi)}</text>'


def capaian(batang: Sequence[Batang], *, judul: str, batas: float = 120,
            lebar: int = 640) -> str:
    """Horizontal bars, one group per indicator: earlier quarters grey, this period coloured.

    Bars of one colour (and that colour's legend square) share one ``<path>``, and the grid is
    one path: a 16-indicator chart is ~60 elements instead of ~170, which is what the site's
    HTML parsers (Python-Markdown, MkDocs, the search indexer) pay for on every period page.
    Values are printed beside the bars, and the same numbers are in the table next to it."""
    kiri, kanan, atas = 70, 58, 34
    n_riwayat = max((len(b.riwayat) for b in batang), default=0)
    tinggi_batang = 11
    tinggi_baris = tinggi_batang * (n_riwayat + 1) + 10
    tinggi = atas + tinggi_baris * len(batang) + 44
    skala_maks = max([batas, 100.0] + [b.nilai or 0 for b in batang] +
                     [v or 0 for b in batang for _, v in b.riwayat])
    plot = lebar - kiri - kanan

    def x(v: float) -> float:
        return kiri + plot * min(v, skala_maks) / skala_maks

    jalur: dict[str, list[str]] = {}  # fill colour → rectangles as path commands

    def kotak(isi: str, x0: float, y0: float, w: float, hh: float) -> None:
        jalur.setdefault(isi, []).append(f"M{x0:.1f} {y0:.1f}h{w:.1f}v{hh:g}h{-w:.1f}z")

    teks = [_teks(kiri, 16, judul, font_weight="bold", font_size="13")]
    grid = []
    for g in range(0, int(skala_maks) + 1, 20):
        gx = x(g)
        grid.append(f"M{gx:.1f} {atas - 4}V{tinggi - 36}")
        teks.append(_teks(gx, tinggi - 24, f"{g}%", text_anchor="middle", fill="#555"))
    for i, b in enumerate(batang):
        y0 = atas + i * tinggi_baris
        teks.append(_teks(kiri - 6, y0 + tinggi_baris / 2, b.kode, text_anchor="end",
                          dominant_baseline="middle"))
        baris = [(nama, v, WARNA_RIWAYAT[min(n, 3)], False) for n, (nama, v) in enumerate(b.riwayat)]
        baris.append(("ini", b.nilai, warna(b.kategori), True))
        for j, (nama, v, isi, utama) in enumerate(baris):
            yb = y0 + 4 + j * tinggi_batang
            if v is None:
                teks.append(_teks(kiri + 4, yb + tinggi_batang - 3,
                                  "belum diisi" if utama else f"{nama}: –", fill="#777",
                                  font_style="italic"))
                continue
            kotak(isi, kiri, yb, max(x(v) - kiri, 0.5), tinggi_batang - 2)
            if utama:
                teks.append(_teks(x(v) + 4, yb + tinggi_batang - 3, format_persen(v),
                                  font_weight="bold"))
    legenda_y = tinggi - 8
    lx = float(kiri)
    legenda = list(WARNA_KATEGORI.items())
    terpanjang = max((b.riwayat for b in batang), key=len, default=())
    legenda += [(nama, WARNA_RIWAYAT[min(n, 3)]) for n, (nama, _) in enumerate(terpanjang)]
    for nama, isi in legenda:
        kotak(isi, lx, legenda_y - 9, 10, 10)
        teks.append(_teks(lx + 13, legenda_y, nama, font_size="10"))
        lx += 13 + len(nama) * 5.4 + 12
    garis_100 = x(100)
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi}" '
        f'width="{lebar}" height="{tinggi}" role="img" font-family="Libertinus Serif, serif" '
        f'font-size="11">',
        f"<title>{escape(judul)}</title>",
        f"<desc>{escape(_uraian_batang(batang))}</desc>",
        f'<path d="{"".join(grid)}" stroke="#e3e8ee" stroke-width="1" fill="none"/>',
        *(f'<path d="{"".join(d)}" fill="{isi}"/>' for isi, d in jalur.items()),
        f'<path d="M{garis_100:.1f} {atas - 6}V{tinggi - 36}" stroke="#222" stroke-width="1" '
        f'stroke-dasharray="4 3"/>',
        *teks,
        "</svg>",
    ]
    return "\n".join(bagian) + "\n"


def garis(titik: Sequence[tuple[str, float | None]], *, judul: str, lebar: int = 640,
          tinggi: int = 240, satuan: str = "%") -> str:
    """A line chart of one indicator across periods (the site's indicator pages)."""
    kiri, kanan, atas, bawah = 48, 16, 30, 40
    ada = [v for _, v in titik if v is not None]
    maks = max([*ada, 100.0]) * 1.1
    plot_l, plot_t = lebar - kiri - kanan, tinggi - atas - bawah
    n = max(len(titik) - 1, 1)

    def pos(i: int, v: float) -> tuple[float, float]:
        return kiri + plot_l * i / n, atas + plot_t * (1 - v / maks)

    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi}" '
        f'width="{lebar}" height="{tinggi}" role="img" font-family="Libertinus Serif, serif" '
        f'font-size="11">',
        f"<title>{escape(judul)}</title>",
        "<desc>" + escape("; ".join(f"{nama}: {_nilai(v, satuan)}" for nama, v in titik))
        + "</desc>",
        _teks(kiri, 16, judul, font_weight="bold", font_size="13"),
    ]
    for g in range(0, int(maks) + 1, 25):
        _, gy = pos(0, g)
        bagian.append(f'<line x1="{kiri}" y1="{gy:.1f}" x2="{lebar - kanan}" y2="{gy:.1f}" '
                      f'stroke="#e3e8ee"/>')
        bagian.append(_teks(kiri - 4, gy + 4, f"{g}{satuan}", text_anchor="end", fill="#555"))
    jalur: list[str] = []
    # Label only every few points so labels never overlap, counting back from the newest;
    # the ends are anchored inside the chart.
    lebar_label = max((len(nama) for nama, _ in titik), default=0) * 5.2 + 8
    langkah = max(1, math.ceil(lebar_label / (plot_l / n)))
    for i, (nama, v) in enumerate(titik):
        px, _ = pos(i, 0)
        if (len(titik) - 1 - i) % langkah == 0:
            jangkar = "end" if i == len(titik) - 1 and i else "start" if i == 0 else "middle"
            bagian.append(_teks(px, tinggi - bawah + 16, nama, text_anchor=jangkar,
                                font_size="10"))
        if v is None:
            continue
        px, py = pos(i, v)
        jalur.append(f"{'M' if not jalur else 'L'}{px:.1f},{py:.1f}")
        bagian.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="#1f4e79">'
                      f"<title>{escape(nama)}: {format_angka(v)}{satuan}</title></circle>")
    if jalur:
        bagian.insert(3, f'<path d="{" ".join(jalur)}" fill="none" stroke="#1f4e79" '
                         f'stroke-width="2"/>')
    bagian.append("</svg>")
    return "\n".join(bagian) + "\n"
