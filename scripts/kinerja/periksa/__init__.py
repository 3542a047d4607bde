"""Cross-file checks and completeness. Pure: a loaded repository in, findings and counts out."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kinerja.baca import skema
from kinerja.baca.muat import Repo, cari_akar, geser_temuan, muat_repo
from kinerja.inti.angka import format_angka
from kinerja.inti.errors import BerkasTidakValid
from kinerja.inti.lolos import slug
from kinerja.inti.model import (
    NAMA_PERIODE,
    TRIWULAN,
    Formulir,
    Indikator,
    Kantor,
    Periode,
    PerjanjianKinerja,
)
from kinerja.inti.sop import URUTAN
from kinerja.inti.temuan import Lok, Pengumpul, Temuan
from kinerja.pengesahan.segel import pesan_rusak, renaksi_periode, terapkan
from kinerja.ukur import capaian as cp
from kinerja.ukur import renaksi
from kinerja.ukur.renaksi import RencanaAksi

_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)


@dataclass(frozen=True)
class Kelengkapan:
    periode: str  # 2026-tw3
    seksi: str
    nama: str
    berkas: str
    terisi: int
    jumlah: int
    # Why the rest is not yet complete: per indicator code, the fields still empty (none listed:
    # nothing of it is filled yet, or the form has no entry for it).
    kurang: tuple[tuple[str, tuple[str, ...]], ...] = ()
    salah: tuple[tuple[str, tuple[str, ...]], ...] = ()  # per code, fields filled but invalid
    rusak: bool = False  # the form exists but could not be read at all (its error is reported)
    ada: bool = True  # the form file exists
    pk_galat: bool = False  # the year's PK has errors: what the section must fill is not known

    @property
    def lengkap(self) -> bool:
        return self.terisi == self.jumlah and not self.rusak and self.ada and not self.pk_galat

    @property
    def keterangan(self) -> str:
        """Why it is not complete, in one sentence (empty when it is)."""
        if self.pk_galat:
            return ("belum dapat dihitung: Perjanjian Kinerja masih bergalat, sehingga indikator "
                    "yang harus diisi belum pasti; perbaiki PK lebih dulu")
        if self.rusak:
            return "formulir tidak dapat dibaca; perbaiki galatnya lebih dulu"
        if not self.ada:
            return f"formulir belum ada ({self.berkas})"
        salah = dict(self.salah)
        kosong = [kode for kode, k in self.kurang if not k and not salah.get(kode)]
        bagian = [f"{', '.join(kosong)} belum diisi"] if kosong else []
        for kode, k in self.kurang:
            sebab = ([f"{', '.join(salah[kode])} tidak valid"] if salah.get(kode) else []) + \
                ([f"{', '.join(k)} kosong"] if k else [])
            if sebab:
                bagian.append(f"{kode}: {' dan '.join(sebab)}")
        return "; ".join(bagian)


@dataclass(frozen=True)
class HasilPeriksa:
    temuan: tuple[Temuan, ...]
    kelengkapan: tuple[Kelengkapan, ...]
    berkas_diperiksa: int

    @property
    def ada_galat(self) -> bool:
        return any(t.galat for t in self.temuan)


Untuk = Literal["ukur", "surat", "buat"]


def penghalang(temuan: list[Temuan], *, tahun: int, folder: str | None,
               untuk: Untuk = "ukur") -> tuple[Temuan, ...]:
    """The one rule for which findings stop work on a period (errors only; warnings never do):

    * ``ukur`` — measuring, approving, rendering the report, publishing: errors in the office
      (``kinerja.yml``), in the year's Perjanjian Kinerja, or anywhere in the period's folder —
      and, for the yearly period, in the quarters' folders its values are aggregated from (a
      quarter's refused value must not silently drop out of the year);
    * ``surat`` — the cover letter: errors in the office or in the period's ``periode.yml``;
    * ``buat`` — creating a period: errors in the office or in the year's PK.
    """
    pk = f"periods/{tahun}/perjanjian-kinerja.yml"

    rekaman = f"tag pengesahan/{folder.split('/')[1]}-{folder.split('/')[2]}" \
        if folder and folder.count("/") >= 2 else None

    def menghalangi(b: str) -> bool:
        if b == "kinerja.yml" or (rekaman is not None and b.startswith(rekaman)):
            return True
        if untuk == "surat":
            return b == f"{folder}/periode.yml"
        if b == pk:
            return True
        if untuk != "ukur" or folder is None:
            return False
        if folder.endswith("/tahunan"):
            induk = folder.rsplit("/", 1)[0]
            return any(b == f"{induk}/{k}" or b.startswith(f"{induk}/{k}/")
                       for k in (*TRIWULAN, "tahunan"))
        return b == folder or b.startswith(folder + "/")

    return tuple(t for t in temuan if t.galat and menghalangi(t.berkas))


def periksa(mulai: Path, paths: tuple[Path, ...] = (), *, lengkap: bool = False) -> HasilPeriksa:
    """Check the repository (or only ``paths`` in it) and return every finding at once."""
    akar = cari_akar(paths[0] if paths and paths[0].is_dir() else
                     paths[0].parent if paths else mulai)
    sasaran = [p.resolve() for p in paths]
    tahun = _tahun_dari(akar, sasaran)
    repo = muat_repo(akar, tahun=tahun)
    periksa_repo(repo, lengkap=lengkap)
    kelengkapan = tuple(k for p in repo.semua_periode() for k in hitung_kelengkapan(repo, p)
                        if _termasuk(akar / k.berkas, sasaran))
    # Context files (the office, the PK) are reported even when only a form was named: a broken
    # PK changes what every form means.
    temuan = tuple(sorted({t for t in repo.temuan.temuan
                           if _termasuk(akar / t.berkas, sasaran)
                           or (t.galat and _berkas_konteks(t.berkas))}))
    jumlah = 1 + sum((t.pk is not None) + sum(1 + len(p.formulir) for p in t.periode.values())
                     for t in repo.tahun.values())
    return HasilPeriksa(temuan, kelengkapan, jumlah)


def _tahun_dari(akar: Path, sasaran: list[Path]) -> set[int] | None:
    if not sasaran:
        return None
    tahun: set[int] = set()
    for p in sasaran:
        try:
            bagian = p.relative_to(akar.resolve()).parts
        except ValueError:
            continue
        if len(bagian) >= 2 and bagian[0] == "periods" and bagian[1].isascii() and bagian[1].isdigit():
            tahun.add(int(bagian[1]))
        else:
            return None  # the root, periods/ itself, or kinerja.yml: everything
    return tahun


def _berkas_konteks(berkas: str) -> bool:
    return berkas == "kinerja.yml" or berkas.endswith("/perjanjian-kinerja.yml")


def _termasuk(path: Path, sasaran: list[Path]) -> bool:
    return not sasaran or any(path == s or s in path.parents for s in sasaran)


def periksa_repo(repo: Repo, *, lengkap: bool, hanya: Periode | None = None) -> None:
    """Cross-check everything loaded (or, with ``hanya``, the office, its PK and one period)."""
    k = repo.kantor
    if k is not None:
        periksa_kantor(k, repo.temuan)
    for t in repo.tahun.values():
        if t.pk is not None and k is not None:
            periksa_pk(k, t.pk, repo.temuan)
            if t.renaksi is not None:
                renaksi.periksa(k, t.pk, t.renaksi, repo.temuan)
        for p in t.periode.values():
            if hanya is not None and p is not hanya:
                continue
            for tempat in p.rusak_segel:
                repo.temuan.tambah(tempat, "segel-rusak", pesan_rusak(p))
            if t.pk is not None and k is not None:
                # A ratified period is checked against what it was measured by when sealed.
                periksa_periode(repo, *terapkan(k, t.pk, p.segel), p, lengkap=lengkap)


def _ganda(nilai: list[tuple[str, Lok]], apa: str, temuan: Pengumpul) -> None:
    pertama: dict[str, Lok] = {}
    for kode, tempat in nilai:
        if kode in pertama:
            temuan.tambah(tempat, "kode-ganda",
                          f"{apa} «{kode}» sudah dipakai di baris {pertama[kode].baris}; "
                          "setiap kode harus unik")
        else:
            pertama[kode] = tempat


def periksa_kantor(k: Kantor, temuan: Pengumpul) -> None:
    _ganda([(p.id, p.lok) for p in k.pegawai], "id pegawai", temuan)
    _ganda([(s.id, s.lok) for s in k.seksi], "id seksi", temuan)
    ids = [p.id for p in k.pegawai]
    for s in k.seksi:
        if k.pegawai_id(s.kepala) is None:
            temuan.tambah(s.lok, "kepala-tak-dikenal",
                          f"kepala seksi «{s.kepala}» tidak ada di daftar pegawai"
                          f"{skema.saran(s.kepala, ids)}")
    for peran in URUTAN:
        if not k.pemegang(peran):
            temuan.tambah(Lok(k.berkas), "peran-kosong",
                          f"tidak ada pegawai berperan «{peran}»; persetujuan laporan memerlukannya")
    for p in k.pegawai:
        dua = [x for x in URUTAN if x in p.peran]
        if len(dua) > 1:
            # Three approvals must come from three people: one person in two approving roles
            # could never complete the chain.
            temuan.tambah(p.lok, "peran-rangkap",
                          f"{p.nama} memegang dua peran penyetuju ({', '.join(dua)}); ketiga "
                          "persetujuan harus dari tiga orang berbeda — tunjuk pejabat lain untuk "
                          "salah satunya")
    if k.tanda_tangan_wajib:
        for p in k.pegawai:
            if set(p.peran) & {"camat", "sekcam", "kasubbag-perencanaan"} and not (
                    p.email and (p.kunci_ssh or p.kunci_gpg)):
                temuan.tambah(p.lok, "kunci-kosong",
                              f"persetujuan.tanda_tangan: wajib, tetapi {p.nama} tidak punya "
                              "email dan kunci_ssh atau kunci_gpg; keputusannya tidak akan dapat "
                              "diperiksa — tambahkan email dan isi berkas .pub kuncinya")
    for forge in ("github", "gitea", "gitlab"):
        akun = Counter(p.akun[forge].lower() for p in k.pegawai if forge in p.akun)
        for p in k.pegawai:
            if forge in p.akun and akun[p.akun[forge].lower()] > 1:
                temuan.tambah(p.lok, "akun-ganda",
                              f"akun {forge} «{p.akun[forge]}» dipakai lebih dari satu pegawai; "
                              "setiap akun hanya boleh milik satu orang")
        if akun:
            # The office works on this forge: an approver without an account there could never
            # approve, and the chain would wait forever.
            for p in k.pegawai:
                if set(p.peran) & set(URUTAN) and forge not in p.akun:
                    temuan.tambah(p.lok, "akun-kosong",
                                  f"{p.nama} adalah penyetuju tetapi tidak punya akun {forge} di "
                                  f"«akun»; tambahkan, misalnya akun: {{{forge}: namaakun}}")
    surel = Counter(p.email.lower() for p in k.pegawai if p.email)
    for p in k.pegawai:
        if p.email and surel[p.email.lower()] > 1:
            temuan.tambah(p.lok, "akun-ganda",
                          f"surel «{p.email}» dipakai lebih dari satu pegawai; keputusan Git "
                          "dikenali dari surel penulisnya, jadi setiap surel hanya milik satu orang")


def periksa_pk(k: Kantor, pk: PerjanjianKinerja, temuan: Pengumpul) -> None:
    _ganda([(i.kode, i.posisi("kode")) for i in pk.indikator], "kode indikator", temuan)
    halaman: dict[str, str] = {}
    for i in pk.indikator:
        nama = slug(i.kode)
        if nama in halaman and halaman[nama] != i.kode:
            # Both would be published at the same address: one page would replace the other.
            temuan.tambah(i.posisi("kode"), "kode-ganda",
                          f"kode indikator «{i.kode}» dan «{halaman[nama]}» menjadi halaman "
                          f"arsip yang sama ({nama}); bedakan kodenya dengan huruf atau angka")
        halaman.setdefault(nama, i.kode)
    _ganda([(p.kode, p.lok) for p in pk.program], "kode program", temuan)
    seksi = [s.id for s in k.seksi]
    for i in pk.indikator:
        if i.seksi not in seksi:
            temuan.tambah(i.posisi("seksi"), "seksi-tak-dikenal",
                          f"indikator {i.kode}: seksi «{i.seksi}» tidak ada di kinerja.yml"
                          f"{skema.saran(i.seksi, seksi, 'seksi yang ada')}")
        _periksa_target_triwulan(i, temuan)
    kode = [i.kode for i in pk.indikator]
    for p in pk.program:
        if p.seksi not in seksi:
            temuan.tambah(p.lok, "seksi-tak-dikenal",
                          f"program {p.kode}: seksi «{p.seksi}» tidak ada di kinerja.yml"
                          f"{skema.saran(p.seksi, seksi, 'seksi yang ada')}")
        for ki in p.indikator:
            if ki not in kode and ki not in pk.kode_rusak:  # a broken one is reported already
                temuan.tambah(p.lok, "indikator-tak-dikenal",
                              f"program {p.kode}: indikator «{ki}» tidak ada di Perjanjian Kinerja"
                              f"{skema.saran(ki, kode)}")


def _periksa_target_triwulan(i: Indikator, temuan: Pengumpul) -> None:
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
        temuan.peringatan(i.posisi("target_triwulan"), "target-tak-konsisten",
                          f"indikator {i.kode} beragregasi «{i.agregasi}», tetapi {cara} "
                          f"({format_angka(hasil)}) tidak sama dengan target tahunan "
                          f"({format_angka(tahunan)}); periksa target_triwulan")


def _seksi_berformulir(k: Kantor, pk: PerjanjianKinerja) -> list[str]:
    """Sections that must fill a form: those the PK gives an indicator or a programme."""
    perlu = {i.seksi for i in pk.indikator} | {p.seksi for p in pk.program}
    return [s.id for s in k.seksi if s.id in perlu]


def periksa_periode(repo: Repo, k: Kantor, pk: PerjanjianKinerja, p: Periode, *,
                    lengkap: bool) -> None:
    temuan = repo.temuan
    folder = repo.rel(p.folder / "formulir")
    seksi_ids = [s.id for s in k.seksi]
    for sid in _seksi_berformulir(k, pk):
        if sid not in p.formulir and sid not in p.formulir_rusak and sid in seksi_ids:
            temuan.tambah(Lok(folder), "formulir-hilang",
                          f"formulir seksi «{sid}» tidak ada ({folder}/{sid}.yml); buat dengan "
                          f"«kinerja periode baru {p.tahun} {p.kode}»")
    if p.kode == "tahunan" and lengkap:
        _periksa_prosa_lkjip(repo, pk, p)
    for nama, f in [*p.formulir.items(), *p.formulir_pulihan]:
        if nama not in seksi_ids:
            temuan.tambah(Lok(f.berkas), "seksi-tak-dikenal",
                          f"berkas formulir «{nama}.yml» bukan nama seksi di kinerja.yml"
                          f"{skema.saran(nama, seksi_ids, 'seksi yang ada')}; nama berkas harus id "
                          "seksi")
            continue
        awal = len(temuan.temuan)
        periksa_formulir(repo, pk, p, nama, f, lengkap=lengkap)
        if f.geser:
            geser_temuan(temuan, awal, dict(f.geser))


def _periksa_prosa_lkjip(repo: Repo, pk: PerjanjianKinerja, p: Periode) -> None:
    """The yearly period carries the LKjIP: its approval needs every part the office writes."""
    from kinerja.baca.teks import baca_teks
    from kinerja.dokumen.lkjip import prosa_wajib, tertulis

    folder = p.folder / "lkjip"
    for berkas, untuk in prosa_wajib(pk):
        path = folder / berkas
        if path.is_symlink() or (path.exists() and not path.is_file()):
            repo.temuan.tambah(Lok(repo.rel(path)), "lkjip-belum-ditulis",
                               f"{repo.rel(path)} bukan berkas teks biasa (tautan simbolik atau "
                               "folder) dan tidak dibaca; simpan uraiannya sebagai berkas .md")
            continue
        try:
            teks = baca_teks(path, repo.rel(path)) if path.is_file() else ""
        except BerkasTidakValid as e:
            repo.temuan.temuan.extend(e.temuan)  # not UTF-8, too large: said as such
            continue
        if not tertulis(teks):
            repo.temuan.tambah(Lok(repo.rel(path)), "lkjip-belum-ditulis",
                               f"{repo.rel(path)} ({untuk}) belum ditulis; LKjIP tahun ini "
                               "disetujui bersama periode tahunan, jadi setiap bagiannya harus "
                               "ditulis (Markdown: paragraf, daftar «- », subjudul «### »)")


def periksa_formulir(repo: Repo, pk: PerjanjianKinerja, p: Periode, nama: str, f: Formulir, *,
                     lengkap: bool) -> None:
    temuan = repo.temuan
    if f.seksi and f.seksi != nama:
        temuan.tambah(f.lok_seksi, "seksi-salah",
                      f"seksi «{f.seksi}» tidak sesuai dengan nama berkas {nama}.yml; tulis {nama}")
    if f.periode and f.periode != p.id:
        temuan.tambah(f.lok_periode, "periode-salah",
                      f"formulir periode «{f.periode}» berada di folder periode {p.id}; "
                      f"tulis {p.id} atau pindahkan berkas ke folder periodenya")
    milik = [i for i in pk.indikator if i.seksi == nama]
    kode_milik = [i.kode for i in milik]
    semua = [i.kode for i in pk.indikator]
    _ganda([(i.indikator, i.lok) for i in f.isian], "indikator", temuan)
    ada = {i.indikator for i in f.isian}
    hilang = [k for k in kode_milik if k not in ada]
    for isian in f.isian:
        if isian.indikator in kode_milik or isian.indikator in pk.kode_rusak:
            continue
        lain = pk.indikator_kode(isian.indikator)
        if lain is not None and repo.kantor is not None and \
                repo.kantor.seksi_id(lain.seksi) is None:
            continue  # the PK names a section that does not exist: reported there, not here
        if lain is not None:
            temuan.tambah(isian.lok, "indikator-seksi-lain",
                          f"indikator {isian.indikator} milik seksi «{lain.seksi}», bukan «{nama}»;"
                          " hapus isian ini dari formulir ini")
            continue
        # A mistyped code is most likely the one this form is missing: suggest that one, and
        # say once that it is missing (not again as a separate finding).
        mirip = difflib.get_close_matches(isian.indikator, hilang, n=1, cutoff=0.6)
        if mirip:
            hilang.remove(mirip[0])
            temuan.tambah(isian.lok, "indikator-tak-dikenal",
                          f"indikator «{isian.indikator}» tidak ada di Perjanjian Kinerja "
                          f"{p.tahun}; maksud Anda «{mirip[0]}»? (isian {mirip[0]} belum ada di "
                          f"formulir ini) — tulis indikator: {mirip[0]}")
        else:
            temuan.tambah(isian.lok, "indikator-tak-dikenal",
                          f"indikator «{isian.indikator}» tidak ada di Perjanjian Kinerja "
                          f"{p.tahun}{skema.saran(isian.indikator, semua)}")
    for i in milik:
        if i.kode in hilang and not (ada & pk.kode_rusak):
            temuan.tambah(f.lok_isian, "indikator-hilang",
                          f"isian indikator {i.kode} ({i.uraian}) tidak ada; tambahkan butir "
                          f"«- indikator: {i.kode}» di bawah isian")
    prog_milik = [x.kode for x in pk.program if x.seksi == nama]
    _ganda([(a.program, a.lok) for a in f.anggaran], "program", temuan)
    for a in f.anggaran:
        if a.program not in prog_milik:
            pr = pk.program_kode(a.program)
            pesan = (f"program {a.program} milik seksi «{pr.seksi}», bukan «{nama}»" if pr else
                     f"program «{a.program}» tidak ada di Perjanjian Kinerja {p.tahun}"
                     f"{skema.saran(a.program, [x.kode for x in pk.program])}")
            temuan.tambah(a.lok, "program-tak-dikenal", pesan)
    ada_prog = {a.program for a in f.anggaran}
    for kode in prog_milik:
        if kode not in ada_prog:
            temuan.tambah(f.lok_isian, "program-hilang",
                          f"realisasi anggaran program {kode} tidak ada; tambahkan butir "
                          f"«- program: {kode}» di bawah anggaran")
    t = repo.tahun.get(p.tahun)
    ra = renaksi_periode(t.renaksi if t is not None else None, p)  # a ratified one: as sealed
    # A quarter ratified before the year had a Rencana Aksi is not reopened by it: only the
    # actions its forms do report are checked.
    if ra is not None and not ra.rusak and p.kode != "tahunan":
        _periksa_aksi(repo, ra, p, f, kode_milik, lengkap=lengkap, semua=not p.disahkan)
    for isian in f.isian:
        for n, bukti in enumerate(isian.bukti_dukung):
            tempat = isian.lok_bukti[n] if n < len(isian.lok_bukti) else isian.posisi("bukti_dukung")
            periksa_bukti(repo, p, bukti, tempat)
    if lengkap:
        _wajib_isi(repo, pk, p, nama, f, kode_milik)


def _periksa_aksi(repo: Repo, ra: RencanaAksi, p: Periode, f: Formulir, kode_milik: list[str], *,
                  lengkap: bool, semua: bool) -> None:
    """The form's evaluation of the Rencana Aksi: every action planned for this indicator and
    quarter, and nothing else; with --lengkap, each one's status."""
    temuan = repo.temuan
    for isian in f.isian:
        if isian.indikator not in kode_milik:
            continue
        rencana = {a.kode: a for a in ra.untuk(isian.indikator, p.kode)}
        _ganda([(x.aksi, x.lok) for x in isian.rencana_aksi], "evaluasi aksi", temuan)
        dilaporkan = {x.aksi for x in isian.rencana_aksi}
        ada = set()
        for s in isian.rencana_aksi:
            hilang = [k for k in rencana if k not in dilaporkan and k not in ada]
            mirip = difflib.get_close_matches(s.aksi.upper(), [k.upper() for k in hilang],
                                              n=1, cutoff=0.6)
            if s.aksi not in rencana and mirip:
                # a mistyped code is most likely the planned one this entry lacks: one finding
                benar = next(k for k in hilang if k.upper() == mirip[0])
                ada.add(benar)
                temuan.tambah(s.lok, "aksi-tak-dikenal",
                              f"aksi «{s.aksi}» tidak direncanakan untuk {isian.indikator} pada "
                              f"{NAMA_PERIODE[p.kode]}; maksud Anda «{benar}»? — tulis aksi: "
                              f"{benar}")
                continue
            if s.aksi not in rencana:
                lain = ra.kode(s.aksi)
                sebab = (f"direncanakan untuk {lain.indikator} pada "
                         f"{', '.join(NAMA_PERIODE.get(x, x) for x in lain.triwulan)}"
                         if lain is not None and lain.triwulan else
                         f"tidak ada di {ra.berkas}{skema.saran(s.aksi, list(rencana))}")
                temuan.tambah(s.lok, "aksi-tak-dikenal",
                              f"aksi «{s.aksi}» bukan aksi {isian.indikator} untuk "
                              f"{NAMA_PERIODE[p.kode]}: {sebab}; hapus butir ini")
                continue
            ada.add(s.aksi)
            if lengkap and s.status is None:
                temuan.tambah(s.lok, "belum-diisi",
                              f"status aksi {s.aksi} belum diisi; tulis terlaksana, sebagian, "
                              "atau belum")
        for kode, a in rencana.items():
            if kode not in ada and semua:
                temuan.tambah(isian.lok, "aksi-hilang",
                              f"aksi {kode} ({a.uraian}) direncanakan untuk {isian.indikator} "
                              f"pada {NAMA_PERIODE[p.kode]} tetapi tidak dievaluasi; tambahkan "
                              f"di bawah «rencana_aksi:» butir «- aksi: {kode}» dengan status "
                              "dan catatannya")


BUKTI_MAKS = 2000  # characters: longer than any real link, and Typst refuses far longer ones


def periksa_bukti(repo: Repo, p: Periode, bukti: str, tempat: Lok) -> None:
    if len(bukti) > BUKTI_MAKS:
        repo.temuan.tambah(tempat, "bukti-tak-valid",
                           f"bukti dukung terlalu panjang ({format_angka(len(bukti))} karakter; paling "
                           f"panjang {format_angka(BUKTI_MAKS)}); tulis tautan singkat ke berkasnya")
        return
    if re.search(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]",
                 bukti):
        # A right-to-left override shows «…\u202egpj.exe» as «…exe.jpg» on the public page.
        repo.temuan.tambah(tempat, "bukti-tak-valid",
                           "bukti dukung memuat karakter kendali atau pembalik arah teks yang "
                           "tidak terlihat; ketik ulang tautannya")
        return
    if re.match(r"[a-z]+://", bukti, re.IGNORECASE):
        if re.match(r"[a-z]+://[^/?#]*@", bukti, re.IGNORECASE):
            repo.temuan.tambah(tempat, "bukti-tak-valid",
                               "bukti dukung memuat nama pengguna atau kata sandi (…://nama:sandi@…)"
                               "; hapus bagian itu sebelum tautannya terbit di arsip publik")
            return
        if not _URL.fullmatch(bukti):
            repo.temuan.tambah(tempat, "bukti-tak-valid",
                               f"bukti dukung «{bukti}» bukan tautan http(s) yang valid; tulis "
                               "tautan lengkap yang diawali https://")
        return
    akar = repo.akar.resolve()
    for dasar in (p.folder, repo.akar):
        path = (dasar / bukti).resolve()
        if path.is_file() and akar in path.parents:
            return
    repo.temuan.tambah(
        tempat, "bukti-tak-ada",
        f"bukti dukung «{bukti}» bukan tautan https:// dan bukan berkas di repo; unggah berkasnya "
        f"ke {repo.rel(p.folder)}/bukti/ lalu tulis bukti/namaberkas, atau tulis tautan lengkap")


def _perlu_isi(repo: Repo, pk: PerjanjianKinerja, p: Periode, f: Formulir,
               isian_kode: str) -> list[str]:
    """Fields a complete entry needs: always realisasi (quarters), penjelasan and evidence;
    obstacles and follow-up only where the target was missed."""
    perlu = ["penjelasan", "bukti_dukung"]
    if p.kode != "tahunan":
        perlu.insert(0, "realisasi")
    isian = f.isian_kode(isian_kode)
    ind = pk.indikator_kode(isian_kode)
    if isian is not None and ind is not None and repo.kantor is not None:
        hasil = cp.hitung(ind.target_periode(p.kode), isian.realisasi, polaritas=ind.polaritas,
                          rumus_turun=ind.rumus_turun or repo.kantor.capaian.rumus_turun,
                          skala=ind.skala, batas_atas=repo.kantor.capaian.batas_atas)
        if hasil.nilai is not None and hasil.nilai < 100:
            perlu += ["hambatan", "tindak_lanjut"]
    return perlu


def _kosong(isian: object, kunci: str) -> bool:
    nilai = getattr(isian, kunci)
    return nilai is None or nilai == ()


def _wajib_isi(repo: Repo, pk: PerjanjianKinerja, p: Periode, nama: str, f: Formulir,
               kode_milik: list[str]) -> None:
    for isian in f.isian:
        if isian.indikator not in kode_milik:
            continue
        for kunci in _perlu_isi(repo, pk, p, f, isian.indikator):
            if kunci in isian.tidak_valid or not _kosong(isian, kunci):
                continue
            alasan = " (target belum tercapai)" if kunci in ("hambatan", "tindak_lanjut") else ""
            repo.temuan.tambah(isian.posisi(kunci), "belum-diisi",
                               f"«{kunci}» indikator {isian.indikator} belum diisi{alasan}")
    for a in f.anggaran:
        if a.realisasi is None and not a.tidak_valid and p.kode != "tahunan":
            repo.temuan.tambah(a.lok_realisasi, "belum-diisi",
                               f"realisasi anggaran program {a.program} belum diisi")


def hitung_kelengkapan(repo: Repo, p: Periode) -> list[Kelengkapan]:
    t = repo.tahun.get(p.tahun)
    k = repo.kantor
    if t is None or t.pk is None or k is None:
        return []
    pk_galat = any(x.galat and x.berkas == t.pk.berkas for x in repo.temuan.temuan)
    hasil = []
    for sid in _seksi_berformulir(k, t.pk):
        seksi = k.seksi_id(sid)
        milik = [i.kode for i in t.pk.indikator if i.seksi == sid]
        f = p.formulir.get(sid)
        terisi = 0
        kurang: list[tuple[str, tuple[str, ...]]] = []
        salah: list[tuple[str, tuple[str, ...]]] = []
        if f is not None:
            for kode in milik:
                isian = f.isian_kode(kode)
                perlu = _perlu_isi(repo, t.pk, p, f, kode)
                if isian is None:
                    kurang.append((kode, ()))
                    continue
                keliru = tuple(x for x in perlu if x in isian.tidak_valid)
                kosong = tuple(x for x in perlu if _kosong(isian, x) and x not in keliru)
                if not kosong and not keliru:
                    terisi += 1
                    continue
                # Nothing of it filled yet: said as «belum diisi», not as a list of every field.
                kurang.append((kode, () if len(kosong) == len(perlu) else kosong))
                if keliru:
                    salah.append((kode, keliru))
        berkas = f.berkas if f else f"{repo.rel(p.folder)}/formulir/{sid}.yml"
        hasil.append(Kelengkapan(p.id, sid, seksi.nama if seksi else sid, berkas, terisi,
                                 len(milik), tuple(kurang), tuple(salah),
                                 sid in p.formulir_rusak,
                                 f is not None or sid in p.formulir_rusak, pk_galat))
    return hasil


def periode_terakhir(repo: Repo) -> Periode | None:
    semua = repo.semua_periode()
    return semua[-1] if semua else None

