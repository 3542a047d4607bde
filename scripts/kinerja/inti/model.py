"""The typed, frozen model every command works on. Built only by ``kinerja.repo``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Literal

from kinerja.inti.sop import URUTAN
from kinerja.inti.temuan import Lok

PERAN = ("camat", "sekcam", "kasubbag-perencanaan", "kasi", "pelaksana")
PERIODE = ("tw1", "tw2", "tw3", "tw4", "tahunan")
TRIWULAN = ("tw1", "tw2", "tw3", "tw4")
ZONA = {"WIB": 7, "WITA": 8, "WIT": 9}  # hours ahead of UTC
# A period as people write it: «2026-tw3» (or «2026/tw3»), ASCII digits only — a year written
# in look-alike digits (２０２６, ٢٠٢٦) is not a year.
POLA_RUJUKAN = r"([0-9]{4})[-/](tw[1-4]|tahunan)"


def baca_rujukan(teks: str) -> tuple[int, str] | None:
    """The one parser of a period reference: (year, code), or None if it is not one."""
    import re

    m = re.fullmatch(POLA_RUJUKAN, teks.strip().strip("/"))
    return (int(m[1]), m[2]) if m else None
NAMA_PERIODE = {
    "tw1": "Triwulan I", "tw2": "Triwulan II", "tw3": "Triwulan III", "tw4": "Triwulan IV",
    "tahunan": "Tahunan",
}  # fmt: skip


@dataclass(frozen=True)
class Target:
    """A target as the PK states it: a number, a range, or a grade on the indicator's scale."""

    nilai: float | None = None
    bawah: float | None = None
    atas: float | None = None
    teks: str | None = None

    @property
    def rentang(self) -> bool:
        return self.bawah is not None and self.atas is not None


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Seksi:
    id: str
    nama: str
    kepala: str
    lok: Lok


@dataclass(frozen=True)
class Kategori:
    nama: str
    min: float


@dataclass(frozen=True)
class AturanCapaian:
    rumus_turun: str = "2T-R"
    batas_atas: float | None = None
    kategori: tuple[Kategori, ...] = (
        Kategori("Sangat Tinggi", 91),
        Kategori("Tinggi", 76),
        Kategori("Sedang", 66),
        Kategori("Rendah", 51),
        Kategori("Sangat Rendah", 0),
    )
    ambang_efisiensi: float = 5.0


@dataclass(frozen=True)
class JamKerja:
    mulai: tuple[int, int] = (7, 30)
    selesai: tuple[int, int] = (16, 0)
    hari: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday..Friday, as date.weekday()


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Pihak:
    nama: str
    jabatan: str
    nip: str | None = None


@dataclass(frozen=True)
class Indikator:
    kode: str
    uraian: str
    satuan: str
    polaritas: str  # "naik" | "turun"
    agregasi: str  # "jumlah" | "terakhir" | "rata-rata"
    target: Target
    target_triwulan: tuple[Target, ...]
    seksi: str
    sasaran: str
    definisi: str | None = None
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


@dataclass(frozen=True)
class Sasaran:
    kode: str
    uraian: str
    indikator: tuple[Indikator, ...]


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class PerubahanPK:
    """An amendment of the year's PK (PK Perubahan), often after the APBD Perubahan."""

    tanggal: date
    nomor: str | None
    alasan: str


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class StatusIsian:
    """What a quarter's form says of one action of the Rencana Aksi."""

    aksi: str
    status: StatusAksi | None
    catatan: str | None
    lok: Lok


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class RealisasiAnggaran:
    program: str
    realisasi: float | None
    lok: Lok
    lok_realisasi: Lok
    tidak_valid: bool = False


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Langkah:
    langkah: int
    uraian: str
    pelaksana: str
    mulai: datetime
    selesai: datetime


@dataclass(frozen=True)
class SuratPengantar:
    nomor: str | None = None
    tanggal: date | None = None
    sifat: str | None = None
    lampiran: str | None = None
    hal: str | None = None
    kepada: str | None = None
    di: str | None = None
    tembusan: tuple[str, ...] = ()


@dataclass(frozen=True)
class CatatanPersetujuan:
    """One approval as recorded in ``riwayat.yml`` at ratification."""

    peran: str
    nama: str
    akun: str
    commit: str
    waktu: datetime


@dataclass(frozen=True)
class IndikatorSegel:
    polaritas: str
    agregasi: str
    target: Target
    target_triwulan: tuple[Target, ...]
    rumus_turun: str | None = None
    skala: tuple[tuple[str, float], ...] | None = None
    # What the ratified report printed about it: wording, unit, section and goal.
    uraian: str = ""
    satuan: str = ""
    seksi: str = ""
    sasaran: str = ""
    sasaran_uraian: str = ""


@dataclass(frozen=True)
class ProgramSegel:
    kode: str
    nama: str
    seksi: str
    anggaran: float
    indikator: tuple[str, ...] = ()
    rencana_triwulan: tuple[float, ...] | None = None


@dataclass(frozen=True)
class AksiSegel:
    """An action of the Rencana Aksi planned for the quarter, as it stood when ratified."""

    kode: str
    indikator: str
    uraian: str
    penanggung_jawab: str
    keluaran: str


@dataclass(frozen=True)
class Segel:
    berkas: dict[str, str]  # path within the period folder → SHA-256 of its bytes
    aturan: AturanCapaian
    indikator: dict[str, IndikatorSegel]
    commit: str = ""  # the content commit that was ratified (for showing what changed)
    pk: str = ""  # the PK version it was measured against, in words
    program: tuple[ProgramSegel, ...] = ()  # programmes and their ceilings, as ratified
    disahkan: datetime | None = None  # when the Camat ratified this version
    # The quarter's planned actions when ratified (None: the year had no Rencana Aksi then).
    aksi: tuple[AksiSegel, ...] | None = None


@dataclass(frozen=True)
class Revisi:
    """An earlier ratified version, reopened for a recorded reason (``kinerja revisi``)."""

    versi: int
    disahkan: datetime | None
    oleh: str
    sidik: str  # one digest of the version's sealed files
    alasan: str
    nomor: str | None
    dibuka: datetime | None
    commit: str = ""  # the content commit that version sealed: its PDF can be rebuilt from it


@dataclass(frozen=True)
class Periode:
    tahun: int
    kode: str  # tw1..tw4 | tahunan
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
    riwayat: tuple[CatatanPersetujuan, ...] = ()
    segel: Segel | None = None  # what the ratification sealed (None: not ratified)
    rusak_segel: tuple[Lok, ...] = ()  # where a sealed file changed since the ratification
    versi: int = 1
    revisi: tuple[Revisi, ...] = ()  # earlier versions, oldest first

    @property
    def disahkan(self) -> bool:
        """Ratified: the three approvals, in SOP order, recorded in riwayat.yml."""
        return tuple(c.peran for c in self.riwayat) == URUTAN

    @property
    def id(self) -> str:
        return f"{self.tahun}-{self.kode}"

    @property
    def nama(self) -> str:
        return f"{NAMA_PERIODE[self.kode]} Tahun {self.tahun}"
