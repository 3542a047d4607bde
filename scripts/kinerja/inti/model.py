"""The typed, frozen model every command works on: the office, its Perjanjian Kinerja, Rencana
Aksi and periods, and the one ratification value (``Pengesahan``). Built by ``kinerja.baca``
(files) and ``kinerja.pengesahan`` (Git history); pure data, no I/O."""

from __future__ import annotations

from dataclasses import field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Literal, get_args

from kinerja.inti.beku import beku
from kinerja.inti.jenis import Agregasi, Polaritas
from kinerja.inti.pengesahan import (
    BELUM_DISAHKAN,
    AksiSegel,
    AturanCapaian,
    CatatanPersetujuan,
    IndikatorSegel,
    Kategori,
    Keadaan,
    Pengesahan,
    ProgramSegel,
    Revisi,
    Segel,
    Target,
)
from kinerja.inti.tata import PERIODE, TRIWULAN, KodePeriode, id_periode
from kinerja.inti.temuan import Lok

__all__ = ["BELUM_DISAHKAN", "PERIODE", "TRIWULAN", "AksiSegel", "AturanCapaian",
           "CatatanPersetujuan", "IndikatorSegel", "Kategori", "Keadaan", "KodePeriode",
           "Pengesahan", "ProgramSegel", "Revisi", "Segel", "Target"]

PERAN = ("camat", "sekcam", "kasubbag-perencanaan", "kasi", "pelaksana")
ZONA = {"WIB": 7, "WITA": 8, "WIT": 9}  # hours ahead of UTC
NAMA_PERIODE: dict[str, str] = {
    "tw1": "Triwulan I", "tw2": "Triwulan II", "tw3": "Triwulan III", "tw4": "Triwulan IV",
    "tahunan": "Tahunan",
}  # fmt: skip


@beku
class Instansi:
    nama: str
    pemerintah: str
    alamat: str
    kota: str
    telepon: str | None = None
    email: str | None = None
    laman: str | None = None
    kode_pos: str | None = None
    logo: str | None = None
    # The public archive's address (https://…/): where a printed document's QR code leads
    arsip: str | None = None

    @property
    def kepala_daerah(self) -> tuple[str, str]:
        """Whom the cover letter goes to, and where: («Bupati Banjarnegara», «Banjarnegara»)
        for a kabupaten, («Wali Kota Semarang», «Semarang») for a kota."""
        daerah = self.pemerintah.removeprefix("Pemerintah ").strip()
        for awalan, jabatan in (("Kabupaten ", "Bupati"), ("Kota ", "Wali Kota")):
            if daerah.startswith(awalan):
                tempat = daerah.removeprefix(awalan).strip()
                return f"{jabatan} {tempat}", tempat
        return f"Kepala Daerah {daerah}", daerah


@beku
class Pegawai:
    id: str
    nama: str
    nip: str | None
    jabatan: str
    pangkat: str | None
    peran: tuple[str, ...]
    email: str | None
    akun: dict[str, str]
    lok: Lok
    kunci_ssh: str | None = None  # public key that signs this person's decisions
    kunci_gpg: str | None = None  # or a GPG key fingerprint (40 hex digits, upper case)


@beku
class Seksi:
    id: str
    nama: str
    kepala: str
    lok: Lok


@beku
class JamKerja:
    mulai: tuple[int, int] = (7, 30)
    selesai: tuple[int, int] = (16, 0)
    hari: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday..Friday, as date.weekday()


@beku
class Kantor:
    instansi: Instansi
    kertas: str
    pegawai: tuple[Pegawai, ...]
    seksi: tuple[Seksi, ...]
    capaian: AturanCapaian
    jam_kerja: JamKerja
    berkas: str = "kinerja.yml"
    tanda_tangan_wajib: bool = False  # plain-Git decisions must be signed commits
    zona_waktu: str = "WIB"  # WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9): Indonesia has no DST

    @property
    def zona(self) -> timezone:
        """The office's clock: commits made on a UTC machine or on a forge are read in it."""
        return timezone(timedelta(hours=ZONA.get(self.zona_waktu, 7)), self.zona_waktu)

    def pegawai_id(self, id_: str) -> Pegawai | None:
        return next((p for p in self.pegawai if p.id == id_), None)

    def seksi_id(self, id_: str) -> Seksi | None:
        return next((s for s in self.seksi if s.id == id_), None)

    def pemegang(self, peran: str) -> tuple[Pegawai, ...]:
        return tuple(p for p in self.pegawai if peran in p.peran)


@beku
class Pihak:
    nama: str
    jabatan: str
    nip: str | None = None


@beku
class Indikator:
    kode: str
    uraian: str
    satuan: str
    polaritas: Polaritas
    agregasi: Agregasi
    target: Target
    target_triwulan: tuple[Target, ...]
    seksi: str
    sasaran: str
    definisi: str | None = None
    sumber_data: str | None = None  # where the realisation is taken from (shown on the form)
    skala: dict[str, float] | None = None
    rumus_turun: str | None = None
    lok: Lok = field(default_factory=lambda: Lok(""))
    lok_bidang: dict[str, Lok] = field(default_factory=dict)
    target_renstra: Target | None = None  # the medium-term (Renstra) target, where the PK has one

    def posisi(self, kunci: str) -> Lok:
        return self.lok_bidang.get(kunci, self.lok)

    def target_periode(self, periode: str) -> Target:
        if periode == "tahunan":
            return self.target
        return self.target_triwulan[TRIWULAN.index(periode)]


@beku
class Sasaran:
    kode: str
    uraian: str
    indikator: tuple[Indikator, ...]


@beku
class Program:
    kode: str
    nama: str
    seksi: str
    anggaran: float
    indikator: tuple[str, ...]
    lok: Lok
    rencana_triwulan: tuple[float, ...] | None = None  # planned cumulative spending (anggaran kas)

    def rencana(self, periode: str) -> float:
        """Planned spending by the end of ``periode``; without a plan, an even quarterly split."""
        if periode == "tahunan":
            return self.anggaran
        n = TRIWULAN.index(periode)
        if self.rencana_triwulan:
            return self.rencana_triwulan[n]
        return self.anggaran * (n + 1) / 4


@beku
class PerubahanPK:
    """An amendment of the year's PK (PK Perubahan), often after the APBD Perubahan."""

    tanggal: date
    nomor: str | None
    alasan: str


@beku
class PerjanjianKinerja:
    tahun: int
    pihak_pertama: Pihak
    pihak_kedua: Pihak
    tanggal: date
    sasaran: tuple[Sasaran, ...]
    program: tuple[Program, ...]
    berkas: str
    # Codes of indicators written in the PK but not usable (their errors are already reported);
    # forms naming them are not flagged again.
    kode_rusak: frozenset[str] = frozenset()
    perubahan: tuple[PerubahanPK, ...] = ()  # amendments, oldest first

    @property
    def indikator(self) -> tuple[Indikator, ...]:
        return tuple(i for s in self.sasaran for i in s.indikator)

    def indikator_kode(self, kode: str) -> Indikator | None:
        return next((i for i in self.indikator if i.kode == kode), None)

    def program_kode(self, kode: str) -> Program | None:
        return next((p for p in self.program if p.kode == kode), None)


StatusAksi = Literal["terlaksana", "sebagian", "belum"]
STATUS_AKSI: tuple[StatusAksi, ...] = get_args(StatusAksi)
NAMA_STATUS: dict[StatusAksi, str] = {"terlaksana": "Terlaksana", "sebagian": "Sebagian",
                                      "belum": "Belum"}


@beku
class Aksi:
    """One action of the year's Rencana Aksi."""

    kode: str
    indikator: str
    triwulan: tuple[str, ...]  # tw1..tw4 in which it is planned
    uraian: str
    penanggung_jawab: str  # a pegawai id
    keluaran: str
    lok: Lok = field(default_factory=lambda: Lok(""))
    lok_bidang: dict[str, Lok] = field(default_factory=dict)

    def posisi(self, kunci: str) -> Lok:
        return self.lok_bidang.get(kunci, self.lok)


@beku
class RencanaAksi:
    tahun: int
    aksi: tuple[Aksi, ...]
    berkas: str
    # indicator blocks as written, with where each stands (an indicator without actions too)
    indikator: tuple[tuple[str, Lok], ...] = ()
    # The file has errors (reported on its lines): what follows from the plan — actions missing
    # from a quarter, forms' evaluations, the reports' evaluation section — waits for the fix,
    # so one slip in the plan is one finding, not one in every section's form.
    rusak: bool = False

    def untuk(self, indikator: str, triwulan: str) -> tuple[Aksi, ...]:
        """The actions planned for one indicator in one quarter, in the file's order."""
        return tuple(a for a in self.aksi if a.indikator == indikator and triwulan in a.triwulan)

    def kode(self, kode: str) -> Aksi | None:
        return next((a for a in self.aksi if a.kode == kode), None)


@beku
class StatusIsian:
    """What a quarter's form says of one action of the Rencana Aksi."""

    aksi: str
    status: StatusAksi | None
    catatan: str | None
    lok: Lok


@beku
class Isian:
    indikator: str
    realisasi: float | str | None  # str only for indicators graded on a scale
    penjelasan: str | None
    hambatan: str | None
    tindak_lanjut: str | None
    bukti_dukung: tuple[str, ...]
    lok: Lok
    lok_bukti: tuple[Lok, ...] = ()
    lok_bidang: dict[str, Lok] = field(default_factory=dict)  # where each key stood
    tidak_valid: frozenset[str] = frozenset()  # keys present but refused (already reported)
    rencana_aksi: tuple[StatusIsian, ...] = ()  # the quarter's actions, as the form reports them

    def posisi(self, kunci: str) -> Lok:
        return self.lok_bidang.get(kunci, self.lok)


@beku
class RealisasiAnggaran:
    program: str
    realisasi: float | None
    lok: Lok
    lok_realisasi: Lok
    tidak_valid: bool = False


@beku
class Formulir:
    seksi: str
    periode: str
    isian: tuple[Isian, ...]
    anggaran: tuple[RealisasiAnggaran, ...]
    berkas: str
    lok_seksi: Lok
    lok_periode: Lok
    lok_isian: Lok
    # Read past a syntax error (for checking only; see Periode): per corrected line, the
    # columns it moved, so findings point into the file as it is. None: read as it is.
    geser: tuple[tuple[int, int], ...] | None = None

    @property
    def dipulihkan(self) -> bool:
        return self.geser is not None

    def isian_kode(self, kode: str) -> Isian | None:
        return next((i for i in self.isian if i.indikator == kode), None)


@beku
class Langkah:
    langkah: int
    uraian: str
    pelaksana: str
    mulai: datetime
    selesai: datetime


@beku
class SuratPengantar:
    nomor: str | None = None
    tanggal: date | None = None
    sifat: str | None = None
    lampiran: str | None = None
    hal: str | None = None
    kepada: str | None = None
    di: str | None = None
    tembusan: tuple[str, ...] = ()




@beku
class TempatPeriode:
    """A period by where it is, all that proving its ratification needs of it: history and the
    files in its folder, never what was read of them. A ``Periode`` is one too."""

    tahun: int
    kode: KodePeriode
    folder: Path

    @property
    def id(self) -> str:
        return id_periode(self.tahun, self.kode)


@beku
class Periode:
    tahun: int
    kode: KodePeriode
    folder: Path
    berkas: str  # periode.yml, repo-relative
    mulai: date | None
    jadwal: tuple[Langkah, ...]
    surat: SuratPengantar
    formulir: dict[str, Formulir]
    formulir_rusak: frozenset[str] = frozenset()  # forms present but unreadable (reported)
    # Unreadable forms as they would read with their syntax errors fixed as suggested: only
    # checked (every problem at once), never measured, rendered or published.
    formulir_pulihan: tuple[tuple[str, Formulir], ...] = ()
    pengesahan: Pengesahan = BELUM_DISAHKAN

    @property
    def disahkan(self) -> bool:
        return self.pengesahan.disahkan

    @property
    def segel(self) -> Segel | None:
        """The seal a ratified period is measured by (None: not ratified)."""
        return self.pengesahan.segel if self.pengesahan.disahkan else None

    @property
    def riwayat(self) -> tuple[CatatanPersetujuan, ...]:
        return self.pengesahan.persetujuan if self.pengesahan.disahkan else ()

    @property
    def versi(self) -> int:
        return self.pengesahan.versi

    @property
    def revisi(self) -> tuple[Revisi, ...]:
        return self.pengesahan.revisi

    @property
    def rusak_segel(self) -> tuple[Lok, ...]:
        return self.pengesahan.rusak

    @property
    def id(self) -> str:
        return id_periode(self.tahun, self.kode)

    @property
    def tempat(self) -> TempatPeriode:
        return TempatPeriode(self.tahun, self.kode, self.folder)

    @property
    def nama(self) -> str:
        return f"{NAMA_PERIODE[self.kode]} Tahun {self.tahun}"
