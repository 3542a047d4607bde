"""Load an office's repository — the office, every year's PK and Rencana Aksi, every period's
forms — into the model, with every problem found on the way. Files only: no Git, no checks
across files (``kinerja.periksa``), no ratification (``kinerja.pengesahan``).

Loading never stops at the first problem: each file that can be read becomes model values, and
every problem becomes a finding.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import field
from pathlib import Path
from typing import Any

from kinerja.baca import dokumen, skema
from kinerja.baca.jenis import Obj
from kinerja.baca.kantor import muat_kantor
from kinerja.baca.pk import muat_pk, muat_renaksi
from kinerja.inti import tata
from kinerja.inti.angka import AngkaTidakValid, baca_angka
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError, RepoTidakDitemukan
from kinerja.inti.model import (
    PERIODE,
    Formulir,
    Indikator,
    Isian,
    Kantor,
    Langkah,
    Periode,
    PerjanjianKinerja,
    RealisasiAnggaran,
    RencanaAksi,
    StatusIsian,
    SuratPengantar,
)
from kinerja.inti.saran import saran
from kinerja.inti.temuan import Lok, Pengumpul, Temuan, geser


@beku
class Tahun:
    tahun: int
    folder: Path
    pk: PerjanjianKinerja | None
    periode: dict[str, Periode] = field(default_factory=dict)
    renaksi: RencanaAksi | None = None  # the year's Rencana Aksi, when the office keeps one


@beku
class Muatan:
    """What was read from an office's files, and every problem reading them."""

    akar: Path
    kantor: Kantor | None
    tahun: dict[int, Tahun]
    temuan: tuple[Temuan, ...]
    # The years asked for (None: all). A folder of a year not asked for was not read.
    dibaca: frozenset[int] | None = None
    # The periods asked for, by id (None: every period of the years read).
    dibaca_periode: frozenset[str] | None = None

    def membaca(self, tahun: int, kode: str) -> bool:
        """Whether the folder of period ``kode`` of ``tahun`` was read (whether it exists or not)."""
        return akan_dibaca(self.dibaca, self.dibaca_periode, tahun, kode)

    def periode(self, tahun: int, kode: str) -> Periode | None:
        t = self.tahun.get(tahun)
        return t.periode.get(kode) if t else None

    def semua_periode(self) -> list[Periode]:
        return [p for t in sorted(self.tahun) for k in PERIODE
                if (p := self.tahun[t].periode.get(k)) is not None]

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.akar).as_posix()
        except ValueError:
            return relatif(path, self.akar)


def relatif(path: Path, akar: Path) -> str:
    try:
        return path.resolve().relative_to(akar.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def akan_dibaca(tahun: Collection[int] | None, periode: Collection[str] | None, th: int,
                kode: str) -> bool:
    """Whether ``muat(tahun=…, periode=…)`` reads the folder of period ``kode`` of ``th``."""
    return (tahun is None or th in tahun) and (
        periode is None or tata.id_periode(th, kode) in periode)


def cari_akar(mulai: Path) -> Path:
    """The repository root: the nearest folder upwards holding ``kinerja.yml``."""
    path = mulai.resolve()
    for folder in (path, *path.parents):
        if (folder / tata.BERKAS_KANTOR).is_file():
            return folder
    raise RepoTidakDitemukan(
        f"tidak menemukan {tata.BERKAS_KANTOR} di folder ini atau folder di atasnya; jalankan "
        "perintah di dalam repo kinerja atau beri --repo FOLDER. Untuk kantor baru, mulai dengan "
        "«kinerja mulai --instansi \"Kecamatan …\"»"
    )


def muat(akar: Path, *, tahun: set[int] | None = None,
         periode: set[str] | None = None) -> Muatan:
    """Read the office and its years (all, or those in ``tahun``), and of those years' periods
    all, or those whose ids are in ``periode``."""
    p = _Pemuat(akar, None if periode is None else frozenset(periode))
    kantor, temuan = muat_kantor(akar)
    p.temuan.semua(temuan)
    folder_periods = akar / tata.FOLDER_PERIODS
    hasil: dict[int, Tahun] = {}
    if folder_periods.is_dir():
        isi = _isi(folder_periods)
        p.periksa_isi(isi, berkas=(), sub=tuple(e.name for e in isi),
                      apa="periods/ (hanya folder tahun)")
        for e in isi:
            if e.is_symlink() or not e.is_dir() or e.name.startswith("."):
                continue
            folder = Path(e.path)
            th = tata.tahun_folder(folder.name)
            if th is None:
                p.temuan.tambah(Lok(p.rel(folder)), "folder-tak-dikenal",
                                f"folder «{folder.name}» bukan tahun; periods/ hanya berisi folder "
                                "tahun seperti 2026")
                continue
            if tahun is not None and th not in tahun:
                continue
            hasil[th] = p.tahun(folder, th)
    return Muatan(akar, kantor, hasil, p.temuan.hasil,
                  None if tahun is None else frozenset(tahun), p.pilih)


def _isi(folder: Path) -> list[os.DirEntry[str]]:
    """A folder's entries by name, listed once: each entry knows from the listing whether it is a
    folder, a file or a link, where asking a path costs a stat per question (a fifth of loading
    an archive's files went to those)."""
    with os.scandir(folder) as daftar:
        return sorted(daftar, key=lambda e: e.name)


# A link is asked about first, always: it is reported as a link and never followed (asking whether
# a looping link is a folder is an error, where a path's is_dir says no).
def _folder(e: os.DirEntry[str]) -> bool:
    return not e.is_symlink() and e.is_dir()


def _berkas(e: os.DirEntry[str]) -> bool:
    return not e.is_symlink() and e.is_file()


class _Pemuat:
    """One load of one repository: its own list of findings, handed back in the ``Muatan``."""

    def __init__(self, akar: Path, pilih: frozenset[str] | None) -> None:
        self.akar = akar
        self.pilih = pilih
        self.temuan = Pengumpul()

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.akar).as_posix()
        except ValueError:
            return relatif(path, self.akar)

    def periksa_isi(self, isi: list[os.DirEntry[str]], *, berkas: tuple[str, ...],
                    sub: tuple[str, ...], apa: str) -> None:
        """Report what does not belong in a folder of the data contract, and never follow a
        symbolic link (it could pull a file from outside the repository into a report)."""
        for x in isi:
            if x.name.startswith("."):
                continue
            if x.is_symlink():
                self.temuan.tambah(Lok(self.rel(Path(x.path))), "tautan-simbolik",
                                   f"«{x.name}» adalah tautan simbolik dan tidak dibaca; salin "
                                   "berkas aslinya ke sini")
            elif x.is_dir() and x.name not in sub:
                if x.name not in berkas:  # the year and period folders are reported by the caller
                    self.temuan.tambah(Lok(self.rel(Path(x.path))), "folder-tak-dikenal",
                                       f"folder «{x.name}» tidak dikenal di {apa}; isinya tidak "
                                       "dibaca — pindahkan atau hapus")
            elif x.is_file() and x.name not in berkas:
                self.temuan.tambah(Lok(self.rel(Path(x.path))), "berkas-tak-dikenal",
                                   f"berkas «{x.name}» tidak dikenal di {apa} dan tidak "
                                   "diperiksa; pindahkan keluar dari periods/ atau hapus")

    def tahun(self, folder: Path, th: int) -> Tahun:
        pk, temuan = muat_pk(self.akar, th)
        self.temuan.semua(temuan)
        renaksi, temuan = muat_renaksi(self.akar, th)
        self.temuan.semua(temuan)
        hasil = Tahun(th, folder, pk, renaksi=renaksi)
        isi = _isi(folder)
        self.periksa_isi(isi, berkas=(tata.BERKAS_PK, tata.BERKAS_RENAKSI), sub=tuple(
            e.name for e in isi if _folder(e)),
                         apa=f"folder tahun {folder.name} (hanya {tata.BERKAS_PK}, "
                             f"{tata.BERKAS_RENAKSI}, dan folder periode)")
        for e in isi:
            if e.name.startswith(".") or e.is_symlink() or not e.is_dir():
                continue
            sub = Path(e.path)
            if sub.name not in PERIODE:
                self.temuan.tambah(
                    Lok(self.rel(sub)), "folder-tak-dikenal",
                    f"folder «{sub.name}» bukan periode{saran(sub.name, PERIODE)}; "
                    f"nama yang boleh: {', '.join(PERIODE)}")
                continue
            if not akan_dibaca(None, self.pilih, th, sub.name):
                continue
            p = self.periode(hasil, sub)
            if p is not None:
                hasil.periode[sub.name] = p
        return hasil

    def periode(self, tahun: Tahun, folder: Path) -> Periode | None:
        path = folder / tata.BERKAS_PERIODE
        berkas = self.rel(path)
        if not path.is_file():
            self.temuan.tambah(Lok(self.rel(folder)), "periode-hilang",
                               f"{berkas} tidak ada; buat periode dengan «kinerja periode baru "
                               f"{tahun.tahun} {folder.name}»")
            return None
        dok = dokumen.baca(path, berkas, skema.PERIODE_YML)
        self.temuan.semua(dok.temuan)
        d = (dok.obj if not dok.dipulihkan else None) or Obj(Lok(berkas))
        for kunci, harus in (("tahun", tahun.tahun), ("periode", folder.name)):
            if kunci in d and d[kunci] != harus:
                self.temuan.tambah(d.posisi(kunci), "periode-salah",
                                   f"{kunci} «{d[kunci]}» tidak sesuai dengan folder "
                                   f"{self.rel(folder)}; tulis {harus}")
        jadwal = tuple(Langkah(j["langkah"], j.get("uraian") or "", j.get("pelaksana") or "",
                               j["mulai"], j["selesai"])
                       for j in d.get("jadwal") or ()
                       if {"langkah", "mulai", "selesai"} <= j.keys())
        s = d.get("surat_pengantar") or {}
        surat = SuratPengantar(s.get("nomor"), s.get("tanggal"), s.get("sifat"),
                               s.get("lampiran"), s.get("hal"), s.get("kepada"), s.get("di"),
                               tuple(s.get("tembusan") or ()))
        self.periksa_isi(_isi(folder), berkas=(tata.BERKAS_PERIODE, tata.BERKAS_RIWAYAT),
                         sub=(tata.FOLDER_FORMULIR, tata.FOLDER_BUKTI, tata.FOLDER_ARSIP,
                              *((tata.FOLDER_LKJIP,) if folder.name == "tahunan" else ())),
                         apa=f"folder periode {folder.name}")
        formulir, rusak, pulihan = self.semua_formulir(tahun.pk, folder)
        return Periode(tahun.tahun, folder.name, folder, berkas,  # type: ignore[arg-type]
                       d.get("mulai"), jadwal, surat, formulir, frozenset(rusak), tuple(pulihan))

    def semua_formulir(self, pk: PerjanjianKinerja | None, folder: Path
                       ) -> tuple[dict[str, Formulir], set[str], list[tuple[str, Formulir]]]:
        formulir: dict[str, Formulir] = {}
        rusak: set[str] = set()
        pulihan: list[tuple[str, Formulir]] = []
        folder_form = folder / tata.FOLDER_FORMULIR
        if not folder_form.is_dir() or folder_form.is_symlink():
            return formulir, rusak, pulihan
        isi = _isi(folder_form)
        self.periksa_isi(isi, berkas=tuple(e.name for e in isi if _berkas(e)), sub=(),
                         apa="formulir/")
        for e in isi:
            if e.name.startswith(".") or e.is_symlink() or e.is_dir():
                continue
            f = Path(e.path)
            if f.suffix != ".yml":
                self.temuan.tambah(Lok(self.rel(f)), "berkas-tak-dikenal",
                                   "formulir harus berakhiran .yml; ganti nama berkas ini atau "
                                   "pindahkan keluar dari folder formulir/")
                continue
            form = self.formulir(pk, f)
            if form is not None and not form.dipulihkan:
                formulir[f.stem] = form
            else:
                rusak.add(f.stem)
                if form is not None:
                    pulihan.append((f.stem, form))
        return formulir, rusak, pulihan

    def formulir(self, pk: PerjanjianKinerja | None, path: Path) -> Formulir | None:
        berkas = self.rel(path)
        dok = dokumen.baca(path, berkas, skema.FORMULIR)
        self.temuan.semua(dok.temuan)
        d = dok.obj
        if d is None:
            return None
        lokal = Pengumpul()
        isian = []
        for x in d.get("isian") or ():
            if "indikator" not in x:
                continue
            ind = pk.indikator_kode(x["indikator"]) if pk else None
            realisasi = _realisasi(x, ind, lokal)
            status = tuple(StatusIsian(r["aksi"], r.get("status"), r.get("catatan"),
                                       r.posisi("aksi"))
                           for r in x.get("rencana_aksi") or () if "aksi" in r)
            isian.append(Isian(
                rencana_aksi=status,
                indikator=x["indikator"], realisasi=realisasi, penjelasan=x.get("penjelasan"),
                hambatan=x.get("hambatan"), tindak_lanjut=x.get("tindak_lanjut"),
                bukti_dukung=tuple(x.get("bukti_dukung") or ()), lok=x.posisi("indikator"),
                lok_bukti=tuple(x["bukti_dukung"].lok_isi) if x.get("bukti_dukung") else (),
                lok_bidang={k: x.posisi(k) for k in x.lok_kunci}, tidak_valid=frozenset(x.salah),
            ))
        anggaran = tuple(RealisasiAnggaran(a["program"], a.get("realisasi"), a.posisi("program"),
                                           a.posisi("realisasi"), "realisasi" in a.salah)
                         for a in d.get("anggaran") or () if "program" in a)
        self.temuan.semua(geser(lokal.hasil, dok.geser))
        return Formulir(d.get("seksi") or "", d.get("periode") or "", tuple(isian), anggaran,
                        berkas, d.posisi("seksi"), d.posisi("periode"), d.posisi("isian"),
                        None if dok.geser is None else tuple(dok.geser.items()))


def _realisasi(x: Obj, ind: Indikator | None, temuan: Pengumpul) -> float | str | None:
    teks: Any = x.get("realisasi")
    if teks is None:
        return None
    tempat = x.posisi("realisasi")
    if ind is not None and ind.skala:
        if teks in ind.skala:
            return str(teks)
        cocok = {k.lower(): k for k in ind.skala}
        if str(teks).lower() in cocok:
            return cocok[str(teks).lower()]
        temuan.tambah(tempat, "realisasi-skala",
                      f"realisasi «{teks}» bukan predikat yang dikenal untuk {ind.kode}; pilihan: "
                      f"{', '.join(ind.skala)}{saran(str(teks), list(ind.skala))}")
        x.salah.add("realisasi")
        return None
    try:
        nilai = baca_angka(str(teks))
    except AngkaTidakValid as e:
        if ind is None and not re.fullmatch(r"(?:Rp\.?\s*)?[-+]?[0-9][0-9.,\s]*%?", str(teks)):
            # An unknown (or, in a broken PK, unusable) indicator is reported as such; a value
            # that is no number means nothing yet. A number written ambiguously is a slip of
            # its own, whatever the indicator: said now, not after the PK is fixed.
            return str(teks)
        temuan.tambah(tempat, "angka-tak-valid", f"realisasi {e}")
        x.salah.add("realisasi")
        return None
    if nilai < 0:
        # The capaian formulas assume a count or a share: a negative one is almost always a slip,
        # and its figure (0% or the cap) would look like a fact.
        temuan.tambah(tempat, "realisasi-negatif",
                      f"realisasi {teks} negatif; periksa tanda minusnya — capaian dari "
                      "angka negatif tidak bermakna bagi sebagian besar indikator")
    return nilai


def tahun_tunjukan(akar: Path, tunjuk: str | None) -> set[int] | None:
    """The one year a period reference needs loaded (None: cannot tell, load every year)."""
    if tunjuk is None:
        semua = [t for f in (akar / tata.FOLDER_PERIODS).glob("[0-9][0-9][0-9][0-9]")
                 if f.is_dir() and (t := tata.tahun_folder(f.name)) is not None]
        return {max(semua)} if semua else None
    rujukan = tata.baca_rujukan(tunjuk)
    if rujukan:
        return {rujukan[0]}
    try:
        bagian = Path(tunjuk).resolve().relative_to(akar.resolve()).parts
    except ValueError:
        return None
    th = tata.tahun_folder(bagian[1]) if len(bagian) >= 2 else None
    return {th} if th is not None else None


def rujukan_periode(akar: Path, tunjuk: str) -> tuple[int, str]:
    """(year, code) of the period a person names: ``2026-tw3`` or a folder or file inside it."""
    rujukan = tata.baca_rujukan(tunjuk)
    if rujukan:
        return rujukan
    try:
        bagian = Path(tunjuk).resolve().relative_to(akar.resolve()).parts
    except ValueError:
        bagian = ()
    letak = tata.letak("/".join(bagian))
    if letak.tahun is None or letak.periode is None:
        raise KinerjaError(f"«{tunjuk}» bukan folder periode; tulis misalnya periods/2026/tw3 "
                           "atau 2026-tw3")
    return letak.tahun, letak.periode


def cari_periode(m: Muatan, tunjuk: str | None) -> Periode:
    """The period a person names: a folder or file inside it, ``2026-tw3``, or none (the latest)."""
    if tunjuk is None:
        semua = m.semua_periode()
        if not semua:
            raise KinerjaError("belum ada periode; buat dengan «kinerja periode baru TAHUN TW»")
        return semua[-1]
    tahun, kode = rujukan_periode(m.akar, tunjuk)
    p = m.periode(tahun, kode)
    if p is None:
        raise KinerjaError(f"periode {tahun}-{kode} tidak ada; buat dengan «kinerja periode baru "
                           f"{tahun} {kode}»")
    return p
