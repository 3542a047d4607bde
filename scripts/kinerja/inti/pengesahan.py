"""What a ratification is, as values: the approvals recorded, the seal, earlier versions, and the
one answer every command reads — ``Pengesahan``. Pure data; ``kinerja.pengesahan`` computes it
from Git history."""

from __future__ import annotations

from dataclasses import field
from datetime import datetime
from enum import Enum

from kinerja.inti.beku import beku
from kinerja.inti.jenis import Agregasi, Polaritas
from kinerja.inti.temuan import Lok


@beku
class Target:
    """A target as the PK states it: a number, a range, or a grade on the indicator's scale."""

    nilai: float | None = None
    bawah: float | None = None
    atas: float | None = None
    teks: str | None = None

    @property
    def rentang(self) -> bool:
        return self.bawah is not None and self.atas is not None


@beku
class Kategori:
    nama: str
    min: float


@beku
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


@beku
class CatatanPersetujuan:
    """One approval as recorded in ``riwayat.yml`` at ratification."""

    peran: str
    nama: str
    akun: str
    commit: str
    waktu: datetime


@beku
class IndikatorSegel:
    polaritas: Polaritas
    agregasi: Agregasi
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


@beku
class ProgramSegel:
    kode: str
    nama: str
    seksi: str
    anggaran: float
    indikator: tuple[str, ...] = ()
    rencana_triwulan: tuple[float, ...] | None = None


@beku
class AksiSegel:
    """An action of the Rencana Aksi planned for the quarter, as it stood when ratified."""

    kode: str
    indikator: str
    uraian: str
    penanggung_jawab: str
    keluaran: str


@beku
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
    # A yearly period's figures are aggregated from its quarters: their sealed files too, per
    # quarter (path within that quarter's folder → SHA-256).
    triwulan: dict[str, dict[str, str]] = field(default_factory=dict)


@beku
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


class Keadaan(Enum):
    """Where a period's ratification stands, as its Git history proves it (``pengesahan``)."""

    BELUM = "belum"  # never ratified (or nothing here can prove it: a folder outside Git)
    DISAHKAN = "disahkan"  # the current version is ratified, proven by its tag and history
    DIBUKA = "dibuka"  # a ratified version was reopened by a revision; the new one is open
    TERTUNDA = "tertunda"  # the Camat's decision is committed, its tag is not made yet
    TAK_TERVERIFIKASI = "tak-terverifikasi"  # a forge's ratification, its forge not reachable


@beku
class Pengesahan:
    """The one answer to «is this period ratified, by whom, when, with which seal — and if not,
    why not». Computed only by ``kinerja.pengesahan`` from Git history; everything else reads
    it (through ``Periode``)."""

    keadaan: Keadaan = Keadaan.BELUM
    versi: int = 1  # the version now: the ratified one, or the one open after a revision
    persetujuan: tuple[CatatanPersetujuan, ...] = ()  # of the ratified version, in SOP order
    segel: Segel | None = None  # what the ratification sealed
    revisi: tuple[Revisi, ...] = ()  # earlier versions, oldest first
    tag: str | None = None  # the tag that records it
    commit: str | None = None  # the commit the tag points at
    sumber: str = "git"  # git | github | gitea | gitlab
    rusak: tuple[Lok, ...] = ()  # where a sealed file differs from what was ratified
    sebab: str = ""  # why it is not (fully) ratified, in words, when there is something to say

    @property
    def disahkan(self) -> bool:
        return self.keadaan is Keadaan.DISAHKAN

    @property
    def utuh(self) -> bool:
        """Ratified, and every sealed file still as it was ratified."""
        return self.disahkan and not self.rusak

    @property
    def camat(self) -> CatatanPersetujuan | None:
        return next((c for c in self.persetujuan if c.peran == "camat"), None)


BELUM_DISAHKAN = Pengesahan()
