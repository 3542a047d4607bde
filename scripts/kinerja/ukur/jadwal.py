"""Working time: scheduling the SOP's steps and measuring how long they took.

Standard times count office time only — working hours on working days, skipping Indonesian public
holidays — because "60 menit" on a Friday afternoon means Monday morning, not Friday night.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta

from kinerja.inti.model import JamKerja
from kinerja.inti.sop import LangkahSop

Libur = Callable[[date], bool]


def libur_indonesia(tahun: Iterable[int]) -> Libur:
    import holidays  # ~40 ms to import: only the commands that schedule pay for it

    kalender = holidays.country_holidays("ID", years=list(tahun))
    return lambda d: d in kalender


def tanpa_libur(_: date) -> bool:
    return False


def _menit_sehari(jam: JamKerja) -> int:
    return (jam.selesai[0] * 60 + jam.selesai[1]) - (jam.mulai[0] * 60 + jam.mulai[1])


def _hari_kerja(d: date, jam: JamKerja, libur: Libur) -> bool:
    return d.weekday() in jam.hari and not libur(d)


def _buka(d: date, jam: JamKerja) -> datetime:
    return datetime.combine(d, time(*jam.mulai))


def _tutup(d: date, jam: JamKerja) -> datetime:
    return datetime.combine(d, time(*jam.selesai))


def awal_kerja(t: datetime, jam: JamKerja, libur: Libur) -> datetime:
    """The first working moment at or after ``t``."""
    d = t.date()
    if _hari_kerja(d, jam, libur) and t < _tutup(d, jam):
        return max(t, _buka(d, jam))
    d += timedelta(days=1)
    for _ in range(400):
        if _hari_kerja(d, jam, libur):
            return _buka(d, jam)
        d += timedelta(days=1)
    raise ValueError("tidak ada hari kerja dalam setahun; periksa jam_kerja.hari")


def tambah_menit(t: datetime, menit: int, jam: JamKerja, libur: Libur) -> datetime:
    t = awal_kerja(t, jam, libur)
    sisa = menit
    while True:
        tersedia = int((_tutup(t.date(), jam) - t).total_seconds() // 60)
        if sisa <= tersedia:
            return t + timedelta(minutes=sisa)
        sisa -= tersedia
        t = awal_kerja(_tutup(t.date(), jam), jam, libur)


def lama_langkah(langkah: LangkahSop, jam: JamKerja) -> int:
    """A step's standard time in working minutes ("1 hari" is one full working day)."""
    return (langkah.hari or 0) * _menit_sehari(jam) + (langkah.menit or 0)


def jadwalkan(mulai: datetime, langkah: Iterable[LangkahSop], jam: JamKerja,
              libur: Libur) -> list[tuple[LangkahSop, datetime, datetime]]:
    hasil = []
    t = awal_kerja(mulai, jam, libur)
    for ls in langkah:
        selesai = tambah_menit(t, lama_langkah(ls, jam), jam, libur)
        hasil.append((ls, t, selesai))
        t = awal_kerja(selesai, jam, libur)
    return hasil


def menit_kerja(dari: datetime, sampai: datetime, jam: JamKerja, libur: Libur) -> int:
    """Working minutes between two moments (0 if ``sampai`` is not later)."""
    if sampai <= dari:
        return 0
    total = 0
    t = awal_kerja(dari, jam, libur)
    while t < sampai:
        akhir = min(_tutup(t.date(), jam), sampai)
        total += max(0, int((akhir - t).total_seconds() // 60))
        t = awal_kerja(_tutup(t.date(), jam), jam, libur)
    return total
