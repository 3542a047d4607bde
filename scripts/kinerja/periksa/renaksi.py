"""Checks of the Rencana Aksi: the plan against the PK and the office, and each quarter's form
against the actions planned for it."""

from __future__ import annotations

from collections.abc import Iterator

from kinerja.inti.model import (
    NAMA_PERIODE,
    TRIWULAN,
    Formulir,
    Kantor,
    Periode,
    PerjanjianKinerja,
    RencanaAksi,
)
from kinerja.inti.saran import mirip, saran
from kinerja.inti.temuan import Lok, Temuan, temuan
from kinerja.periksa.umum import ganda
from kinerja.ukur.renaksi import perlu_aksi


def periksa_rencana(k: Kantor, pk: PerjanjianKinerja, ra: RencanaAksi) -> Iterator[Temuan]:
    """The plan against the PK and the office: known indicators and people, unique codes, and at
    least one action per indicator in every quarter where the PK sets it a target."""
    yield from ganda([(a.kode, a.posisi("kode")) for a in ra.aksi], "kode aksi")
    kode_ind = [i.kode for i in pk.indikator]
    for kode, tempat in ra.indikator:
        if kode not in kode_ind and kode not in pk.kode_rusak:
            yield temuan(tempat, "indikator-tak-dikenal",
                         f"indikator «{kode}» tidak ada di Perjanjian Kinerja {pk.tahun}"
                         f"{saran(kode, kode_ind)}")
    ids = [p.id for p in k.pegawai]
    for a in ra.aksi:
        if a.penanggung_jawab and k.pegawai_id(a.penanggung_jawab) is None:
            yield temuan(a.posisi("penanggung_jawab"), "pegawai-tak-dikenal",
                         f"penanggung jawab «{a.penanggung_jawab}» tidak ada di daftar pegawai "
                         f"kinerja.yml{saran(a.penanggung_jawab, ids)}; tulis id pegawai")
    if ra.rusak:
        return
    tempat_ind = dict(ra.indikator)
    for ind in pk.indikator:
        kurang = [tw for tw in TRIWULAN if perlu_aksi(ind, tw) and not ra.untuk(ind.kode, tw)]
        if kurang:
            nama = ", ".join(NAMA_PERIODE[tw] for tw in kurang)
            yield temuan(tempat_ind.get(ind.kode, Lok(ra.berkas)), "aksi-kurang",
                         f"indikator {ind.kode} ({ind.uraian}) belum punya aksi untuk {nama}, "
                         "padahal Perjanjian Kinerja memberinya target; tambahkan sedikitnya satu "
                         "aksi dengan «triwulan» memuat " + ", ".join(kurang))


def periksa_evaluasi(ra: RencanaAksi, p: Periode, f: Formulir, kode_milik: list[str], *,
                     lengkap: bool, semua: bool) -> Iterator[Temuan]:
    """The form's evaluation of the Rencana Aksi: every action planned for this indicator and
    quarter, and nothing else; with --lengkap, each one's status. ``semua``: actions the form
    does not report are missing (not so for a quarter ratified before the plan existed)."""
    for isian in f.isian:
        if isian.indikator not in kode_milik:
            continue
        rencana = {a.kode: a for a in ra.untuk(isian.indikator, p.kode)}
        yield from ganda([(x.aksi, x.lok) for x in isian.rencana_aksi], "evaluasi aksi")
        dilaporkan = {x.aksi for x in isian.rencana_aksi}
        ada: set[str] = set()
        for s in isian.rencana_aksi:
            hilang = [] if s.aksi in rencana else \
                [k for k in rencana if k not in dilaporkan and k not in ada]
            dekat = mirip(s.aksi.upper(), [k.upper() for k in hilang]) if hilang else None
            if s.aksi not in rencana and dekat:
                # a mistyped code is most likely the planned one this entry lacks: one finding
                benar = next(k for k in hilang if k.upper() == dekat)
                ada.add(benar)
                yield temuan(s.lok, "aksi-tak-dikenal",
                             f"aksi «{s.aksi}» tidak direncanakan untuk {isian.indikator} pada "
                             f"{NAMA_PERIODE[p.kode]}; maksud Anda «{benar}»? — tulis aksi: "
                             f"{benar}")
                continue
            if s.aksi not in rencana:
                lain = ra.kode(s.aksi)
                sebab = (f"direncanakan untuk {lain.indikator} pada "
                         f"{', '.join(NAMA_PERIODE.get(x, x) for x in lain.triwulan)}"
                         if lain is not None and lain.triwulan else
                         f"tidak ada di {ra.berkas}{saran(s.aksi, list(rencana))}")
                yield temuan(s.lok, "aksi-tak-dikenal",
                             f"aksi «{s.aksi}» bukan aksi {isian.indikator} untuk "
                             f"{NAMA_PERIODE[p.kode]}: {sebab}; hapus butir ini")
                continue
            ada.add(s.aksi)
            if lengkap and s.status is None:
                yield temuan(s.lok, "belum-diisi",
                             f"status aksi {s.aksi} belum diisi; tulis terlaksana, sebagian, "
                             "atau belum")
        for kode, a in rencana.items():
            # Missing entries are the form's incompleteness, not a slip in it: a draft is still
            # made while the plan is newer than the forms.
            if kode not in ada and semua and lengkap:
                yield temuan(isian.lok, "aksi-hilang",
                             f"aksi {kode} ({a.uraian}) direncanakan untuk {isian.indikator} "
                             f"pada {NAMA_PERIODE[p.kode]} tetapi tidak dievaluasi; jalankan "
                             f"«kinerja periode baru {p.tahun} {p.kode}» untuk menambahkan "
                             f"butir «- aksi: {kode}» ke formulir, lalu isi status dan "
                             "catatannya")
