"""Pure: what a period is measured by. A ratified period is measured against its seal — the
targets, rules, indicators, programmes and planned actions as they stood when the Camat ratified
it — never against today's Perjanjian Kinerja or ``kinerja.yml``."""

from __future__ import annotations

from dataclasses import replace

from kinerja.inti import tata
from kinerja.inti.model import (
    Aksi,
    Indikator,
    IndikatorSegel,
    Kantor,
    Periode,
    PerjanjianKinerja,
    Program,
    RencanaAksi,
    Sasaran,
    Segel,
)
from kinerja.inti.temuan import Lok


def _ganti(ind: Indikator, s: IndikatorSegel) -> Indikator:
    return replace(ind, polaritas=s.polaritas, agregasi=s.agregasi, target=s.target,
                   target_triwulan=s.target_triwulan if len(s.target_triwulan) == 4
                   else ind.target_triwulan,
                   rumus_turun=s.rumus_turun, skala=dict(s.skala) if s.skala else None)


def terapkan(kantor: Kantor, pk: PerjanjianKinerja,
             s: Segel | None) -> tuple[Kantor, PerjanjianKinerja]:
    """The office and PK a period is measured by: as sealed if it is ratified, else as now."""
    if s is None:
        return kantor, pk
    if not s.indikator or not all(i.seksi for i in s.indikator.values()):
        # A seal from before it kept the indicator list: the values it has, on today's list.
        sasaran = tuple(replace(x, indikator=tuple(_ganti(i, s.indikator[i.kode])
                                                   if i.kode in s.indikator else i
                                                   for i in x.indikator))
                        for x in pk.sasaran)
        return replace(kantor, capaian=s.aturan), replace(pk, sasaran=sasaran)
    # The indicators and programmes exactly as ratified: one added or removed by a later PK
    # Perubahan neither appears in nor goes missing from a ratified period.
    sekarang = {i.kode: i for i in pk.indikator}
    kelompok: dict[str, list[Indikator]] = {}
    uraian_sasaran: dict[str, str] = {}
    for kode, i in s.indikator.items():
        dasar = sekarang.get(kode) or Indikator(kode, i.uraian, i.satuan, i.polaritas,
                                                i.agregasi, i.target, i.target_triwulan,
                                                i.seksi, i.sasaran, lok=Lok(pk.berkas))
        kelompok.setdefault(i.sasaran, []).append(replace(
            _ganti(dasar, i), uraian=i.uraian, satuan=i.satuan, seksi=i.seksi,
            sasaran=i.sasaran))
        uraian_sasaran.setdefault(i.sasaran, i.sasaran_uraian)
    sasaran = tuple(Sasaran(k, uraian_sasaran[k], tuple(v)) for k, v in kelompok.items())
    lama = {p.kode: p for p in pk.program}
    program = tuple(replace(lama[p.kode], nama=p.nama, seksi=p.seksi, anggaran=p.anggaran,
                            indikator=p.indikator, rencana_triwulan=p.rencana_triwulan)
                    if p.kode in lama else
                    Program(p.kode, p.nama, p.seksi, p.anggaran, p.indikator, Lok(pk.berkas),
                            p.rencana_triwulan)
                    for p in s.program) if s.program else pk.program
    return replace(kantor, capaian=s.aturan), replace(pk, sasaran=sasaran, program=program)


def renaksi_periode(ra: RencanaAksi | None, p: Periode) -> RencanaAksi | None:
    """The plan a period is evaluated against: for a ratified quarter, the actions sealed with
    it (none when the year had no plan then); otherwise the year's plan as it stands."""
    if not p.disahkan:
        return ra
    if p.segel is None or p.segel.aksi is None:
        return None
    return RencanaAksi(p.tahun, tuple(Aksi(a.kode, a.indikator, (p.kode,), a.uraian,
                                           a.penanggung_jawab, a.keluaran) for a in p.segel.aksi),
                       ra.berkas if ra is not None else tata.berkas_renaksi(p.tahun))
