"""Numbers and dates as people in Indonesia write and read them.

Reading: ``85,5``, ``1.250.000``, ``1.234,56``, ``92%``, ``Rp 1.250.000`` (also
``Rp. 1.250.000,00`` and ``Rp 1.250.000,-``) and plain ``85.5`` are accepted. A value that could
mean two things (``1.250`` is 1250 to an Indonesian reader and 1.25 to an English one) is
refused with a message that says how to write it, never guessed.

Writing: ``1.234,56``, ``85,5%``, ``Rp 1.250.000``, ``25 November 2026``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Context, Decimal

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

_ANGKA = re.compile(r"[0-9.,]+")
_KELOMPOK = re.compile(r"[1-9][0-9]{0,2}|0")


class AngkaTidakValid(ValueError):
    """The text is not a number we can read without guessing; ``str()`` says what to write."""


# Every number an office writes (a budget in rupiah, a count, a percentage) is far below this;
# anything larger is a slip, and floats lose whole units beyond it.
BATAS = 1e15


def baca_angka(teks: str, *, boleh_persen: bool = True, boleh_rupiah: bool = True) -> float:
    asli = teks
    s = teks.strip().replace("\u2212", "-")
    rupiah = boleh_rupiah and s[:2].lower() == "rp"
    if rupiah:
        s = s[2:].lstrip(". ").strip()
    if boleh_rupiah:
        # «Rp 1.500.000,-» or «1.500.000,-» (and «,—», «,00»): a whole amount of rupiah
        for akhir in (",-", ",—", ",–", ".-"):
            if s.endswith(akhir):
                s = s[: -len(akhir)].rstrip()
    if boleh_persen and s.endswith("%"):
        s = s[:-1].rstrip()
    negatif = s.startswith("-")
    if negatif:
        s = s[1:].lstrip()
    if not s or not _ANGKA.fullmatch(s) or not s[0].isdigit() or not s[-1].isdigit():
        raise AngkaTidakValid(
            f"«{asli}» bukan angka; tulis misalnya 85,5 atau 1.250.000"
        )
    nilai = _baca_tanpa_tanda(s, asli, rupiah=rupiah)
    if not abs(nilai) <= BATAS:
        raise AngkaTidakValid(f"«{asli[:40]}{'…' if len(asli) > 40 else ''}» terlalu besar; angka "
                              "paling besar 1.000.000.000.000.000 — periksa digit yang berlebih")
    return -nilai if negatif else nilai


def _baca_tanpa_tanda(s: str, asli: str, *, rupiah: bool = False) -> float:
    titik, koma = s.count("."), s.count(",")
    if titik and koma:
        desimal = "," if s.rfind(",") > s.rfind(".") else "."
        ribuan = "." if desimal == "," else ","
        if s.count(desimal) > 1:
            raise AngkaTidakValid(
                f"«{asli}» memakai «{desimal}» lebih dari sekali; tulis misalnya 1.234,56"
            )
        bulat, pecahan = s.split(desimal)
        _periksa_kelompok(bulat.split(ribuan), asli)
        return float(bulat.replace(ribuan, "") + "." + pecahan)
    if not titik and not koma:
        return float(s)
    pemisah = "." if titik else ","
    bagian = s.split(pemisah)
    if len(bagian) > 2:
        # Only thousands grouping can repeat a separator.
        _periksa_kelompok(bagian, asli)
        return float("".join(bagian))
    bulat, pecahan = bagian
    if rupiah and pemisah == "." and len(pecahan) == 3 and _KELOMPOK.fullmatch(bulat):
        return float(bulat + pecahan)  # «Rp 250.000»: with the currency mark, a thousands dot
    if len(pecahan) == 3 and _KELOMPOK.fullmatch(bulat) and bulat != "0":
        lain = "," if pemisah == "." else "."
        desimal = pecahan.rstrip("0") or "0"
        if len(desimal) == 3:
            desimal += "0"  # «1,001» is itself ambiguous: «1,0010» is not, and means the same
        raise AngkaTidakValid(
            f"«{asli}» bermakna ganda: bisa {bulat}{lain}{pecahan} atau {bulat}{pecahan}; "
            f"tulis {bulat},{desimal} untuk pecahan desimal "
            f"atau {bulat}{pecahan} untuk bilangan bulat"
        )
    return float(bulat + "." + pecahan)


def _periksa_kelompok(kelompok: list[str], asli: str) -> None:
    if not _KELOMPOK.fullmatch(kelompok[0]) or any(len(k) != 3 for k in kelompok[1:]):
        raise AngkaTidakValid(
            f"«{asli}»: pemisah ribuan harus memisahkan setiap tiga angka; tulis misalnya 1.250.000"
        )


_PRESISI = Context(prec=400)  # any finite float fits: rounding never traps


def _bulatkan(x: float, desimal: int) -> Decimal:
    return Decimal(repr(x)).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP,
                                     context=_PRESISI)


def format_angka(x: float, desimal: int = 2, *, buang_nol: bool = True) -> str:
    """``1234.5`` → ``1.234,5`` (or ``1.234,50`` with ``buang_nol=False``)."""
    d = _bulatkan(x, desimal)
    if d == 0:
        d = abs(d)  # no "-0"
    teks = f"{d:,.{desimal}f}" if desimal else f"{d:,.0f}"
    bulat, _, pecahan = teks.partition(".")
    if buang_nol:
        pecahan = pecahan.rstrip("0")
    bulat = bulat.replace(",", ".")
    return f"{bulat},{pecahan}" if pecahan else bulat


def format_persen(x: float, desimal: int = 2) -> str:
    return format_angka(x, desimal) + "%"


def format_mb(ukuran: int) -> str:
    """A size in megabytes as people read it: «13,6 MB»."""
    return f"{format_angka(ukuran / 1_000_000, 1)} MB"


def format_rupiah(x: float) -> str:
    return "Rp " + format_angka(x, 0)


def format_tanggal(t: date) -> str:
    return f"{t.day} {BULAN[t.month - 1]} {t.year}"


def format_waktu(t: datetime, zona: tzinfo | None = None) -> str:
    """The one way a moment is written to people: «30 November 2026 21.20» (PUEBI: a dot
    between hours and minutes) — on the office's clock (``zona``), whatever clock the commit
    or the forge gave it."""
    if zona is not None and t.tzinfo is not None:
        t = t.astimezone(zona)
    return f"{format_tanggal(t.date())} {t:%H.%M}"
