"""Checks of the year's Perjanjian Kinerja against the office: unique codes (and pages), known
sections and indicators, quarterly targets that add up to the year's."""

from __future__ import annotations

from collections.abc import Iterator

from kinerja.inti.angka import format_angka
from kinerja.inti.lolos import slug
from kinerja.inti.model import Indikator, Kantor, PerjanjianKinerja
from kinerja.inti.saran import saran
from kinerja.inti.temuan import Temuan, temuan
from kinerja.periksa.umum import ganda


def periksa_pk(k: Kantor, pk: PerjanjianKinerja) -> Iterator[Temuan]:
    yield from ganda([(i.kode, i.posisi("kode")) for i in pk.indikator], "kode indikator")
    halaman: dict[str, str] = {}
    for i in pk.indikator:
        nama = slug(i.kode)
        if nama in halaman and halaman[nama] != i.kode:
            # Both would be published at the same address: one page would replace the other.
            yield temuan(i.posisi("kode"), "kode-ganda",
                         f"kode indikator «{i.kode}» dan «{halaman[nama]}» menjadi halaman "
                         f"arsip yang sama ({nama}); bedakan kodenya dengan huruf atau angka")
        halaman.setdefault(nama, i.kode)
    yield from ganda([(p.kode, p.lok) for p in pk.program], "kode program")
    seksi = [s.id for s in k.seksi]
    for i in pk.indikator:
        if i.seksi not in seksi:
            yield temuan(i.posisi("seksi"), "seksi-tak-dikenal",
                         f"indikator {i.kode}: seksi «{i.seksi}» tidak ada di kinerja.yml"
                         f"{saran(i.seksi, seksi, 'seksi yang ada')}")
        yield from _target_triwulan(i)
    kode = [i.kode for i in pk.indikator]
    for p in pk.program:
        if p.seksi not in seksi:
            yield temuan(p.lok, "seksi-tak-dikenal",
                         f"program {p.kode}: seksi «{p.seksi}» tidak ada di kinerja.yml"
                         f"{saran(p.seksi, seksi, 'seksi yang ada')}")
        for ki in p.indikator:
            if ki not in kode and ki not in pk.kode_rusak:  # a broken one is reported already
                yield temuan(p.lok, "indikator-tak-dikenal",
                             f"program {p.kode}: indikator «{ki}» tidak ada di Perjanjian Kinerja"
                             f"{saran(ki, kode)}")


def _target_triwulan(i: Indikator) -> Iterator[Temuan]:
    tw = [t.nilai for t in i.target_triwulan]
    tahunan = i.target.nilai
    if tahunan is None or any(t is None for t in tw):
        return
    angka = [float(t) for t in tw if t is not None]
    harapan = {"jumlah": sum(angka), "terakhir": angka[-1], "rata-rata": sum(angka) / 4}
    hasil = harapan[i.agregasi]
    if abs(hasil - tahunan) > 1e-9 * max(1.0, abs(tahunan)):
        cara = {"jumlah": "jumlah target triwulan", "terakhir": "target TW IV",
                "rata-rata": "rata-rata target triwulan"}[i.agregasi]
        yield temuan(i.posisi("target_triwulan"), "target-tak-konsisten",
                     f"indikator {i.kode} beragregasi «{i.agregasi}», tetapi {cara} "
                     f"({format_angka(hasil)}) tidak sama dengan target tahunan "
                     f"({format_angka(tahunan)}); periksa target_triwulan")
