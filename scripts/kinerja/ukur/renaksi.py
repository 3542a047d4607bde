"""Pure: the year's Rencana Aksi (``periods/<tahun>/rencana-aksi.yml``) and its evaluation.

For each indicator of the Perjanjian Kinerja the office plans actions (aksi) per quarter, each with
a person in charge and an expected output; the quarterly targets stay the PK's. Each quarter's
forms then say, per action planned for that quarter, whether it was done. This module holds the
plan, the checks that need the PK and the office, and the evaluation a report shows; reading the
file is the loader's (``repo.py``), writing its skeleton the CLI's (``renaksi_berkas.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kinerja.baca import skema
from kinerja.inti.model import (
    NAMA_PERIODE,
    TRIWULAN,
    Indikator,
    Isian,
    Kantor,
    PerjanjianKinerja,
    StatusAksi,
    StatusIsian,
)
from kinerja.inti.temuan import Lok, Pengumpul

BERKAS_RENAKSI = "rencana-aksi.yml"
STATUS: tuple[StatusAksi, ...] = ("terlaksana", "sebagian", "belum")
NAMA_STATUS: dict[StatusAksi, str] = {"terlaksana": "Terlaksana", "sebagian": "Sebagian",
                                      "belum": "Belum"}


@dataclass(frozen=True)
class Aksi:
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


@dataclass(frozen=True)
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


def perlu_aksi(ind: Indikator, triwulan: str) -> bool:
    """Whether the PK gives this indicator a target to work for in this quarter. Only a target
    of 0 on a «more is better» indicator (nothing planned that quarter) needs no action; 0 on a
    «less is better» one (no complaint left unhandled) is a goal like any other."""
    t = ind.target_periode(triwulan)
    return not (ind.polaritas == "naik" and t.nilai is not None and t.nilai == 0)


def periksa(k: Kantor, pk: PerjanjianKinerja, ra: RencanaAksi, temuan: Pengumpul) -> None:
    """The plan against the PK and the office: known indicators and people, unique codes, and at
    least one action per indicator in every quarter where the PK sets it a target."""
    pertama: dict[str, Lok] = {}
    for a in ra.aksi:
        if a.kode in pertama:
            temuan.tambah(a.posisi("kode"), "kode-ganda",
                          f"kode aksi «{a.kode}» sudah dipakai di baris "
                          f"{pertama[a.kode].baris}; setiap kode harus unik")
        else:
            pertama[a.kode] = a.posisi("kode")
    kode_ind = [i.kode for i in pk.indikator]
    for kode, tempat in ra.indikator:
        if kode not in kode_ind and kode not in pk.kode_rusak:
            temuan.tambah(tempat, "indikator-tak-dikenal",
                          f"indikator «{kode}» tidak ada di Perjanjian Kinerja {pk.tahun}"
                          f"{skema.saran(kode, kode_ind)}")
    ids = [p.id for p in k.pegawai]
    for a in ra.aksi:
        if a.penanggung_jawab and k.pegawai_id(a.penanggung_jawab) is None:
            temuan.tambah(a.posisi("penanggung_jawab"), "pegawai-tak-dikenal",
                          f"penanggung jawab «{a.penanggung_jawab}» tidak ada di daftar pegawai "
                          f"kinerja.yml{skema.saran(a.penanggung_jawab, ids)}; tulis id pegawai")
    if ra.rusak:
        return
    tempat_ind = dict(ra.indikator)
    for ind in pk.indikator:
        kurang = [tw for tw in TRIWULAN if perlu_aksi(ind, tw) and not ra.untuk(ind.kode, tw)]
        if kurang:
            nama = ", ".join(NAMA_PERIODE[tw] for tw in kurang)
            temuan.tambah(tempat_ind.get(ind.kode, Lok(ra.berkas)), "aksi-kurang",
                          f"indikator {ind.kode} ({ind.uraian}) belum punya aksi untuk {nama}, "
                          "padahal Perjanjian Kinerja memberinya target; tambahkan sedikitnya satu "
                          "aksi dengan «triwulan» memuat " + ", ".join(kurang))


# --- evaluation (a quarter's forms against the plan) --------------------------------------------

@dataclass(frozen=True)
class EvaluasiAksi:
    aksi: Aksi
    status: StatusAksi | None  # None: the form does not say
    catatan: str | None


@dataclass(frozen=True)
class EvaluasiIndikator:
    indikator: Indikator
    aksi: tuple[EvaluasiAksi, ...]

    def jumlah(self, status: StatusAksi) -> int:
        return sum(1 for a in self.aksi if a.status == status)

    @property
    def ringkas(self) -> str:
        """«1 dari 2», with what is half done said too: «0 dari 2 (1 sebagian)»."""
        sebagian = self.jumlah("sebagian")
        return f"{self.jumlah('terlaksana')} dari {len(self.aksi)}" + (
            f" ({sebagian} sebagian)" if sebagian else "")


@dataclass(frozen=True)
class EvaluasiSeksi:
    seksi: str
    nama: str
    direncanakan: int
    terlaksana: int
    sebagian: int
    tanpa_status: int = 0  # planned, but the form does not say yet (a draft)

    @property
    def belum(self) -> int:
        return self.direncanakan - self.terlaksana - self.sebagian - self.tanpa_status

    @property
    def persen(self) -> float | None:
        """Actions done as a share of those planned; a half-done one counts half."""
        if not self.direncanakan:
            return None
        return (self.terlaksana + self.sebagian / 2) / self.direncanakan * 100


def status_formulir(isian: dict[str, Isian]) -> dict[str, dict[str, StatusIsian]]:
    """What the forms say of each action, per indicator code (from the quarter's entries)."""
    return {kode: {s.aksi: s for s in i.rencana_aksi} for kode, i in isian.items()}


def evaluasi(k: Kantor, pk: PerjanjianKinerja, ra: RencanaAksi, triwulan: str,
             status: dict[str, dict[str, StatusIsian]]
             ) -> tuple[tuple[EvaluasiIndikator, ...], tuple[EvaluasiSeksi, ...]]:
    """Per indicator and per section: the actions planned for the quarter and what the forms
    say of them. ``status`` is per indicator code, per action code. Before the year had a plan
    (a quarter ratified earlier), only the actions its forms report are shown."""
    per_ind = []
    for ind in pk.indikator:
        rencana = ra.untuk(ind.kode, triwulan)
        isi = status.get(ind.kode, {})
        if not rencana:
            continue
        per_ind.append(EvaluasiIndikator(ind, tuple(
            EvaluasiAksi(a, isi[a.kode].status if a.kode in isi else None,
                         isi[a.kode].catatan if a.kode in isi else None) for a in rencana)))
    per_seksi = []
    for s in k.seksi:
        milik = [e for e in per_ind if e.indikator.seksi == s.id]
        if milik:
            per_seksi.append(EvaluasiSeksi(
                s.id, s.nama, sum(len(e.aksi) for e in milik),
                sum(e.jumlah("terlaksana") for e in milik),
                sum(e.jumlah("sebagian") for e in milik),
                sum(1 for e in milik for a in e.aksi if a.status is None)))
    return tuple(per_ind), tuple(per_seksi)
