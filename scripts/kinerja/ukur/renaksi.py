"""Pure: the evaluation of the year's Rencana Aksi (``periods/<tahun>/rencana-aksi.yml``).

For each indicator of the Perjanjian Kinerja the office plans actions (aksi) per quarter, each with
a person in charge and an expected output; the quarterly targets stay the PK's. Each quarter's
forms then say, per action planned for that quarter, whether it was done. This module holds what
follows from the plan — which quarters need an action, and the evaluation every report and page
shows; the plan itself is model (``inti.model``), its checks are ``periksa.renaksi``.
"""

from __future__ import annotations

from kinerja.inti.beku import beku
from kinerja.inti.model import (
    Aksi,
    Indikator,
    Isian,
    Kantor,
    PerjanjianKinerja,
    RencanaAksi,
    StatusAksi,
    StatusIsian,
)


def perlu_aksi(ind: Indikator, triwulan: str) -> bool:
    """Whether the PK gives this indicator a target to work for in this quarter. Only a target
    of 0 on a «more is better» indicator (nothing planned that quarter) needs no action; 0 on a
    «less is better» one (no complaint left unhandled) is a goal like any other."""
    t = ind.target_periode(triwulan)
    return not (ind.polaritas == "naik" and t.nilai is not None and t.nilai == 0)


# --- evaluation (a quarter's forms against the plan) --------------------------------------------

@beku
class EvaluasiAksi:
    aksi: Aksi
    status: StatusAksi | None  # None: the form does not say
    catatan: str | None


@beku
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


@beku
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
