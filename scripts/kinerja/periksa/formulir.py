"""Checks of a period's forms: one per section the PK asks, each entry an indicator of that
section, the planned actions evaluated, the evidence valid — and, for approval (--lengkap),
every field a complete entry needs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kinerja.inti import tata
from kinerja.inti.angka import format_rupiah
from kinerja.inti.model import Formulir, Kantor, Periode, PerjanjianKinerja, RencanaAksi
from kinerja.inti.saran import mirip, saran
from kinerja.inti.temuan import Lok, Temuan, geser, temuan
from kinerja.periksa.bukti import periksa_bukti
from kinerja.periksa.kelengkapan import kosong, perlu_isi
from kinerja.periksa.renaksi import periksa_evaluasi
from kinerja.periksa.umum import ganda, seksi_berformulir


def periksa_periode(akar: Path, k: Kantor, pk: PerjanjianKinerja, p: Periode,
                    ra: RencanaAksi | None, *, lengkap: bool) -> Iterator[Temuan]:
    """``k`` and ``pk`` as the period is measured (sealed, if ratified); ``ra`` the plan it is
    evaluated against."""
    folder = f"{tata.folder_periode(p.tahun, p.kode)}/{tata.FOLDER_FORMULIR}"
    seksi_ids = [s.id for s in k.seksi]
    for sid in seksi_berformulir(k, pk):
        if sid not in p.formulir and sid not in p.formulir_rusak and sid in seksi_ids:
            yield temuan(Lok(folder), "formulir-hilang",
                         f"formulir seksi «{sid}» tidak ada ({folder}/{sid}.yml); buat dengan "
                         f"«kinerja periode baru {p.tahun} {p.kode}»")
    for nama, f in [*p.formulir.items(), *p.formulir_pulihan]:
        if nama not in seksi_ids:
            yield temuan(Lok(f.berkas), "seksi-tak-dikenal",
                         f"berkas formulir «{nama}.yml» bukan nama seksi di kinerja.yml"
                         f"{saran(nama, seksi_ids, 'seksi yang ada')}; nama berkas harus id seksi")
            continue
        semua = periksa_formulir(akar, k, pk, p, ra, nama, f, lengkap=lengkap)
        yield from geser(semua, dict(f.geser) if f.geser else None)


def periksa_formulir(akar: Path, k: Kantor, pk: PerjanjianKinerja, p: Periode,
                     ra: RencanaAksi | None, nama: str, f: Formulir, *,
                     lengkap: bool) -> Iterator[Temuan]:
    if f.seksi and f.seksi != nama:
        yield temuan(f.lok_seksi, "seksi-salah",
                     f"seksi «{f.seksi}» tidak sesuai dengan nama berkas {nama}.yml; tulis {nama}")
    if f.periode and f.periode != p.id:
        yield temuan(f.lok_periode, "periode-salah",
                     f"formulir periode «{f.periode}» berada di folder periode {p.id}; "
                     f"tulis {p.id} atau pindahkan berkas ke folder periodenya")
    kode_milik = [i.kode for i in pk.indikator if i.seksi == nama]
    yield from _isian(k, pk, p, nama, f, kode_milik)
    yield from _anggaran(pk, p, nama, f)
    # A quarter ratified before the year had a Rencana Aksi is not reopened by it: only the
    # actions its forms do report are checked.
    if ra is not None and not ra.rusak and p.kode != "tahunan":
        yield from periksa_evaluasi(ra, p, f, kode_milik, lengkap=lengkap, semua=not p.disahkan)
    folder_rel = tata.folder_periode(p.tahun, p.kode)
    for isian in f.isian:
        for n, bukti in enumerate(isian.bukti_dukung):
            tempat = isian.lok_bukti[n] if n < len(isian.lok_bukti) else isian.posisi("bukti_dukung")
            yield from periksa_bukti(akar, p.folder, folder_rel, bukti, tempat)
    if lengkap:
        yield from _wajib_isi(k, pk, p, f, kode_milik)


def _isian(k: Kantor, pk: PerjanjianKinerja, p: Periode, nama: str, f: Formulir,
           kode_milik: list[str]) -> Iterator[Temuan]:
    semua = [i.kode for i in pk.indikator]
    yield from ganda([(i.indikator, i.lok) for i in f.isian], "indikator")
    ada = {i.indikator for i in f.isian}
    hilang = [x for x in kode_milik if x not in ada]
    for isian in f.isian:
        if isian.indikator in kode_milik or isian.indikator in pk.kode_rusak:
            continue
        lain = pk.indikator_kode(isian.indikator)
        if lain is not None and k.seksi_id(lain.seksi) is None:
            continue  # the PK names a section that does not exist: reported there, not here
        if lain is not None:
            yield temuan(isian.lok, "indikator-seksi-lain",
                         f"indikator {isian.indikator} milik seksi «{lain.seksi}», bukan «{nama}»;"
                         " hapus isian ini dari formulir ini")
            continue
        # A mistyped code is most likely the one this form is missing: suggest that one, and
        # say once that it is missing (not again as a separate finding).
        dekat = mirip(isian.indikator, hilang)
        if dekat:
            hilang.remove(dekat)
            yield temuan(isian.lok, "indikator-tak-dikenal",
                         f"indikator «{isian.indikator}» tidak ada di Perjanjian Kinerja "
                         f"{p.tahun}; maksud Anda «{dekat}»? (isian {dekat} belum ada di "
                         f"formulir ini) — tulis indikator: {dekat}")
        else:
            yield temuan(isian.lok, "indikator-tak-dikenal",
                         f"indikator «{isian.indikator}» tidak ada di Perjanjian Kinerja "
                         f"{p.tahun}{saran(isian.indikator, semua)}")
    for i in pk.indikator:
        if i.seksi == nama and i.kode in hilang and not (ada & pk.kode_rusak):
            yield temuan(f.lok_isian, "indikator-hilang",
                         f"isian indikator {i.kode} ({i.uraian}) tidak ada; tambahkan butir "
                         f"«- indikator: {i.kode}» di bawah isian")


def _anggaran(pk: PerjanjianKinerja, p: Periode, nama: str, f: Formulir) -> Iterator[Temuan]:
    prog_milik = [x.kode for x in pk.program if x.seksi == nama]
    yield from ganda([(a.program, a.lok) for a in f.anggaran], "program")
    ada_prog = {a.program for a in f.anggaran}
    hilang = [kode for kode in prog_milik if kode not in ada_prog]
    for a in f.anggaran:
        if a.program not in prog_milik:
            pr = pk.program_kode(a.program)
            # A mistyped code is most likely the one this form lacks: one finding, not a
            # second inviting a duplicate entry.
            dekat = None if pr else mirip(a.program, hilang)
            if dekat:
                hilang.remove(dekat)
            pesan = (f"program {a.program} milik seksi «{pr.seksi}», bukan «{nama}»" if pr else
                     f"program «{a.program}» tidak ada di Perjanjian Kinerja {p.tahun}; maksud "
                     f"Anda «{dekat}»? (isian {dekat} belum ada di formulir ini) — tulis "
                     f"program: {dekat}" if dekat else
                     f"program «{a.program}» tidak ada di Perjanjian Kinerja {p.tahun}"
                     f"{saran(a.program, [x.kode for x in pk.program])}")
            yield temuan(a.lok, "program-tak-dikenal", pesan)
    for a in f.anggaran:
        pr = pk.program_kode(a.program)
        if pr is not None and a.realisasi is not None and a.realisasi > pr.anggaran:
            yield temuan(a.lok_realisasi, "anggaran-lebih",
                         f"realisasi program {a.program} ({format_rupiah(a.realisasi)}) melebihi "
                         f"pagunya ({format_rupiah(pr.anggaran)}); periksa angkanya, atau catat "
                         "Perjanjian Kinerja Perubahan bila pagunya memang naik")
    for kode in hilang:
        yield temuan(f.lok_isian, "program-hilang",
                     f"realisasi anggaran program {kode} tidak ada; tambahkan butir "
                     f"«- program: {kode}» di bawah anggaran")


def _wajib_isi(k: Kantor, pk: PerjanjianKinerja, p: Periode, f: Formulir,
               kode_milik: list[str]) -> Iterator[Temuan]:
    for isian in f.isian:
        if isian.indikator not in kode_milik:
            continue
        for kunci in perlu_isi(k, pk, p, f, isian.indikator):
            if kunci in isian.tidak_valid or not kosong(isian, kunci):
                continue
            alasan = " (target belum tercapai)" if kunci in ("hambatan", "tindak_lanjut") else ""
            yield temuan(isian.posisi(kunci), "belum-diisi",
                         f"«{kunci}» indikator {isian.indikator} belum diisi{alasan}")
    for a in f.anggaran:
        if a.realisasi is None and not a.tidak_valid and p.kode != "tahunan":
            yield temuan(a.lok_realisasi, "belum-diisi",
                         f"realisasi anggaran program {a.program} belum diisi")
