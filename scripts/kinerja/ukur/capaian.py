"""Achievement (capaian): pure functions from target and realisation to a percentage.

Rules, stated once:

* ``naik`` (higher is better): R / T × 100.
* ``turun`` (lower is better): ``2T-R`` → (2T − R) / T × 100, or ``T/R`` → T / R × 100.
* Range target ``[a, b]``: R inside → 100; below → computed against ``a``; above → against ``b``.
* Grade target (``WTP``, ``BB``): both sides are replaced by their value on the indicator's scale.
* Target 0, ``naik``: R ≥ 0 meets it → 100; ``turun``: R ≤ 0 → 100, R > 0 → 0.
* ``T/R`` with R = 0 (and T > 0): better than any finite ratio → the cap; with no cap, not computed.
* Negative results floor at 0; a negative target is not computed. Missing realisasi: not computed.
* The value is rounded to 2 decimals, then capped (``batas_atas``), so the category always
  matches the printed number and nothing prints above the cap.

Every rule that bends the plain formula leaves a ``catatan`` so no number is silently odd.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal

from kinerja.inti.angka import format_angka, format_persen
from kinerja.inti.beku import beku
from kinerja.inti.model import Kategori, Target


@beku
class Capaian:
    nilai: float | None  # % after cap and rounding; None when it cannot be computed
    mentah: float | None = None  # % before the cap
    catatan: str | None = None


_PRESISI = Context(prec=400)  # enough digits for any finite float, so rounding never traps
_TERLALU_BESAR = Decimal("1e18")  # percent: beyond any float-safe figure of real inputs


def hitung(
    target: Target,
    realisasi: float | str | None,
    *,
    polaritas: str,
    rumus_turun: str = "2T-R",
    skala: dict[str, float] | None = None,
    batas_atas: float | None = None,
) -> Capaian:
    if realisasi is None:
        return Capaian(None, catatan="realisasi belum diisi")
    catatan: list[str] = []
    if target.teks is not None or isinstance(realisasi, str):
        if not skala or target.teks not in skala or str(realisasi) not in skala:
            return Capaian(None, catatan="predikat tidak ada di skala indikator")
        t, r = skala[target.teks], skala[str(realisasi)]
        catatan.append(f"dihitung dari nilai skala: target {format_angka(t)}, "
                       f"realisasi {format_angka(r)}")
    elif target.rentang:
        assert target.bawah is not None and target.atas is not None
        r = realisasi
        if target.bawah <= r <= target.atas:
            return _akhir(100.0, ["realisasi di dalam rentang target"], batas_atas)
        t = target.bawah if r < target.bawah else target.atas
        catatan.append("dihitung terhadap batas " + ("bawah" if r < target.bawah else "atas") +
                       " rentang target")
    elif target.nilai is not None:
        t, r = target.nilai, realisasi
    else:
        return Capaian(None, catatan="target tidak ada")
    return _akhir_opsional(_rumus(t, r, polaritas, rumus_turun, batas_atas, catatan), catatan,
                           batas_atas)


def _d(x: float) -> Decimal:
    return Decimal(repr(float(x)))


def _rumus(t: float, r: float, polaritas: str, rumus_turun: str, batas_atas: float | None,
           catatan: list[str]) -> Decimal | None:
    """The formula in decimal arithmetic on the numbers as written, so 131,99 of 200 is exactly
    65,995% and rounds half up to 66,00 as an office computes by hand, not to a binary 65,99."""
    if t < 0:
        catatan.append("target negatif tidak dapat dihitung")
        return None
    T, R, seratus = _d(t), _d(r), Decimal(100)
    if polaritas == "naik":
        if t == 0:
            catatan.append("target 0: tercapai bila realisasi ≥ 0")
            return seratus if r >= 0 else Decimal(0)
        return _PRESISI.multiply(_PRESISI.divide(R, T), seratus)
    if t == 0:
        catatan.append("target 0: tercapai bila realisasi 0")
        return seratus if r <= 0 else Decimal(0)
    if rumus_turun == "T/R":
        if r <= 0:
            if batas_atas is None:
                catatan.append("realisasi 0 dengan rumus T/R tidak terhingga; tetapkan "
                               "capaian.batas_atas di kinerja.yml")
                return None
            catatan.append("realisasi 0 dengan rumus T/R: capaian sama dengan batas atas")
            return _d(batas_atas)
        return _PRESISI.multiply(_PRESISI.divide(T, R), seratus)
    return _PRESISI.multiply(_PRESISI.divide(_PRESISI.subtract(2 * T, R), T), seratus)


def _akhir_opsional(mentah: Decimal | None, catatan: list[str], batas: float | None) -> Capaian:
    if mentah is None:
        return Capaian(None, catatan="; ".join(catatan) or None)
    if mentah > _TERLALU_BESAR:
        # A vanishing target makes the ratio meaningless (and a float would overflow): capped if
        # the office set a cap, else not computed.
        if batas is None:
            catatan.append("hasil terlalu besar untuk dihitung; periksa target, atau tetapkan "
                           "capaian.batas_atas di kinerja.yml")
            return Capaian(None, catatan="; ".join(catatan))
        mentah = _d(batas)
    return _akhir(mentah, catatan, batas)


def _akhir(mentah: Decimal | float, catatan: list[str], batas: float | None) -> Capaian:
    d = mentah if isinstance(mentah, Decimal) else _d(mentah)
    # Rounded before the cap, so rounding can never lift a value above it.
    nilai = float(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP, context=_PRESISI))
    if nilai < 0:
        catatan.append("hasil negatif dibulatkan ke 0")
        nilai = 0.0
    if batas is not None and nilai > batas:
        catatan.append(f"dibatasi {format_persen(batas)}")
        nilai = batas
    return Capaian(nilai, float(d), "; ".join(catatan) or None)


def agregasi(nilai: Sequence[float | str | None], cara: str) -> float | str | None:
    """Combine quarterly realisations into a yearly one; quarters not yet filled are skipped."""
    ada = [n for n in nilai if n is not None]
    if not ada:
        return None
    if cara == "terakhir" or any(isinstance(n, str) for n in ada):
        return ada[-1]
    angka = [float(n) for n in ada]
    if cara == "jumlah":
        return sum(angka)
    return sum(angka) / len(angka)


def kategori(nilai: float | None, pita: Sequence[Kategori]) -> str | None:
    if nilai is None:
        return None
    for k in sorted(pita, key=lambda k: -k.min):
        if nilai >= k.min:
            return k.nama
    return None


def serapan(realisasi: float | None, pagu: float) -> float | None:
    if realisasi is None or pagu <= 0:
        return None
    return _akhir(_PRESISI.multiply(_PRESISI.divide(_d(realisasi), _d(pagu)), Decimal(100)),
                  [], None).nilai


def rata_rata(nilai: Sequence[float]) -> float | None:
    """The mean of rounded percentages, in decimal and rounded half up like every figure."""
    if not nilai:
        return None
    jumlah = sum((_d(x) for x in nilai), Decimal(0))
    return _akhir(_PRESISI.divide(jumlah, Decimal(len(nilai))), [], None).nilai


def efisiensi(capaian: float | None, serapan_: float | None, ambang: float) -> str | None:
    """``capaian − serapan`` beyond ``ambang`` points either way says efficient or not."""
    if capaian is None or serapan_ is None:
        return None
    selisih = capaian - serapan_
    if selisih > ambang:
        return "Efisien"
    if selisih < -ambang:
        return "Kurang efisien"
    return "Cukup efisien"
