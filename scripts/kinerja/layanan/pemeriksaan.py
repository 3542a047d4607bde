"""`kinerja periksa`: the snapshot's findings for the whole repository, or for the files a person
names, with each section's completeness."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kinerja.inti import tata
from kinerja.inti.beku import beku
from kinerja.inti.temuan import Lok, Temuan, temuan
from kinerja.layanan import cari_akar, potret
from kinerja.periksa.kelengkapan import Kelengkapan


@beku
class HasilPeriksa:
    temuan: tuple[Temuan, ...]
    kelengkapan: tuple[Kelengkapan, ...]
    berkas_diperiksa: int

    @property
    def ada_galat(self) -> bool:
        return any(t.galat for t in self.temuan)


def periksa(mulai: Path, paths: tuple[Path, ...] = (), *, lengkap: bool = False) -> HasilPeriksa:
    """Check the repository (or only ``paths`` in it) and return every finding at once."""
    akar = cari_akar(paths[0] if paths and paths[0].is_dir() else
                     paths[0].parent if paths else mulai)
    sasaran = [p.resolve() for p in paths]
    pt = potret(akar, tahun=_tahun_dari(akar, sasaran), lengkap=lengkap,
                baca=_periode_dari(akar, sasaran))
    kelengkapan = tuple(k for p in pt.semua_periode() for k in pt.kelengkapan(p)
                        if _termasuk(akar / k.berkas, sasaran))
    # Context files (the office, the PK) are reported even when only a form was named: a broken
    # PK changes what every form means.
    temuan = tuple(t for t in pt.temuan
                   if _termasuk(akar / t.berkas, sasaran) or (t.galat and _konteks(t.berkas)))
    temuan += tuple(_tak_dibaca(akar, sasaran))
    jumlah = 1 + sum((t.pk is not None) + sum(1 + len(p.formulir) for p in t.periode.values())
                     for t in pt.tahun.values())
    return HasilPeriksa(temuan, kelengkapan, jumlah)


def _periode_dari(akar: Path, sasaran: list[Path]) -> set[str] | None:
    """The periods named paths lie in, when each lies inside a period's folder: only those are
    read and proven (a form's checks need its period, its year's PK and the office, never the
    other periods). A yearly period's seal covers its quarters' files, so each brings the other:
    the year its quarters, a quarter its year (whose broken seal is found on the quarter's
    files)."""
    if not sasaran:
        return None
    hasil: set[str] = set()
    for p in sasaran:
        try:
            letak = tata.letak(p.relative_to(akar.resolve()).as_posix())
        except ValueError:
            continue  # outside the repository: reported as not read
        if letak.tahun is None or letak.periode is None:
            return None  # a year, its PK, kinerja.yml, periods/ or the root: everything
        kode = tata.PERIODE if letak.periode == "tahunan" else (letak.periode, "tahunan")
        hasil.update(tata.id_periode(letak.tahun, k) for k in kode)
    return hasil


def _tahun_dari(akar: Path, sasaran: list[Path]) -> set[int] | None:
    if not sasaran:
        return None
    tahun: set[int] = set()
    for p in sasaran:
        try:
            bagian = p.relative_to(akar.resolve()).parts
        except ValueError:
            continue
        th = tata.tahun_folder(bagian[1]) if len(bagian) >= 2 and \
            bagian[0] == tata.FOLDER_PERIODS else None
        if th is None:
            return None  # the root, periods/ itself, or kinerja.yml: everything
        tahun.add(th)
    return tahun


def _tak_dibaca(akar: Path, sasaran: list[Path]) -> Iterator[Temuan]:
    """Each named path kinerja does not read: never «Semua valid» for a file that was not read."""
    dasar = akar.resolve()
    for s in sasaran:
        try:
            rel = s.relative_to(dasar).as_posix()
        except ValueError:
            yield temuan(Lok(str(s)), "tidak-diperiksa",
                         f"berada di luar repo kinerja ({akar}); tidak diperiksa")
            continue
        if not tata.dibaca(rel, folder=s.is_dir()):
            apa = "folder ini" if s.is_dir() else "berkas ini"
            yield temuan(Lok(rel), "tidak-diperiksa",
                         f"{apa} tidak dibaca kinerja karena letaknya di luar susunan repo, jadi "
                         f"tidak diperiksa; berkas kinerja ada di {tata.SUSUNAN}")


def _konteks(berkas: str) -> bool:
    return tata.letak(berkas).jenis in ("kantor", "pk")


def _termasuk(path: Path, sasaran: list[Path]) -> bool:
    return not sasaran or any(path == s or s in path.parents for s in sasaran)
