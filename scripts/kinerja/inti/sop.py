"""The SOP's ten steps, read from the one data file that the timeline, status and site share."""

from __future__ import annotations

from functools import cache
from typing import Literal, get_args

import yaml

from kinerja import DATA
from kinerja.inti.beku import beku

# The three approvers of SOP steps 6–8, in the order the SOP requires: defined here once and
# imported by the verdict, the CLI, the schema and the model.
PeranPenyetuju = Literal["kasubbag-perencanaan", "sekcam", "camat"]
URUTAN: tuple[PeranPenyetuju, ...] = get_args(PeranPenyetuju)

NAMA_PERAN = {
    "camat": "Camat",
    "sekcam": "Sekretaris Kecamatan",
    "kasubbag-perencanaan": "Kasubbag Perencanaan",
    "kasi": "Kepala Seksi",
    "pelaksana": "Staf/Pelaksana",
}


@beku
class LangkahSop:
    nomor: int
    uraian: str
    pelaksana: tuple[str, ...]
    masukan: str
    keluaran: str
    menit: int | None  # standard time in working minutes, or
    hari: int | None  # in working days

    @property
    def mutu_baku(self) -> str:
        return f"{self.hari} hari" if self.hari else f"{self.menit} menit"

    @property
    def nama_pelaksana(self) -> str:
        return " / ".join(NAMA_PERAN[p] for p in self.pelaksana)


@beku
class Sop:
    nama: str
    peringatan: str
    kelengkapan: tuple[str, ...]
    langkah: tuple[LangkahSop, ...]


@cache
def sop() -> Sop:
    teks = (DATA / "sop.yml").read_text(encoding="utf-8")
    d = yaml.load(teks, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return Sop(
        d["nama"], d["peringatan"], tuple(d["kelengkapan"]),
        tuple(LangkahSop(x["nomor"], " ".join(x["uraian"].split()), tuple(x["pelaksana"]),
                         x["masukan"], " ".join(x["keluaran"].split()), x.get("menit"),
                         x.get("hari"))
              for x in d["langkah"]),
    )
