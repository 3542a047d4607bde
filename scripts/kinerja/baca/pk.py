"""The year's own files: the Perjanjian Kinerja (``perjanjian-kinerja.yml``) and the Rencana Aksi
(``rencana-aksi.yml``), into the model."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from kinerja.baca import dokumen, skema
from kinerja.baca.jenis import Obj
from kinerja.baca.teks import baca_teks
from kinerja.inti import tata
from kinerja.inti.errors import BerkasTidakValid
from kinerja.inti.model import (
    Aksi,
    Indikator,
    PerjanjianKinerja,
    PerubahanPK,
    Pihak,
    Program,
    RencanaAksi,
    Sasaran,
)
from kinerja.inti.saran import saran
from kinerja.inti.temuan import Lok, Pengumpul, Temuan

_WAJIB_INDIKATOR = ("kode", "uraian", "satuan", "polaritas", "agregasi", "target",
                    "target_triwulan", "seksi")


def muat_pk(akar: Path, tahun: int, teks: str | None = None
            ) -> tuple[PerjanjianKinerja | None, tuple[Temuan, ...]]:
    """The year's PK (or from ``teks``: the file as in a commit). A broken part is a finding, and
    any error in the PK blocks the year's periods: the PK is still built from what is usable
    (read past a syntax error where its fix is known), so the forms are checked against it in
    the same run."""
    berkas = tata.berkas_pk(tahun)
    path = akar / berkas
    if teks is None:
        if not path.is_file():
            hilang = Pengumpul()
            hilang.tambah(Lok(tata.folder_tahun(tahun)), "pk-hilang",
                          f"{berkas} tidak ada; setiap tahun memerlukan Perjanjian Kinerja")
            return None, hilang.hasil
        try:
            teks = baca_teks(path, berkas)
        except BerkasTidakValid as e:
            return None, e.temuan
    return _pk(tahun, teks)


# A file's text reads the same in the working tree and in each commit that holds it: read once
# per command (the loader and the proof of every ratification of the year meet here).
@lru_cache(maxsize=256)
def _pk(tahun: int, teks: str) -> tuple[PerjanjianKinerja | None, tuple[Temuan, ...]]:
    berkas = tata.berkas_pk(tahun)
    temuan = Pengumpul()
    dok = dokumen.baca(None, berkas, skema.PERJANJIAN, teks)
    temuan.semua(dok.temuan)
    d = dok.obj
    if d is None or "sasaran" not in d:
        return None, temuan.hasil
    d.setdefault("tahun", tahun)
    d.setdefault("tanggal", date(tahun, 1, 1))
    for pihak in ("pihak_pertama", "pihak_kedua"):
        if not {"nama", "jabatan"} <= (d.get(pihak) or {}).keys():
            d[pihak] = {"nama": "", "jabatan": ""}
    if d["tahun"] != tahun:
        temuan.tambah(d.posisi("tahun"), "tahun-salah",
                      f"tahun {d['tahun']} tidak sesuai dengan folder {tahun}")
    sasaran = []
    rusak: set[str] = set()
    for s in d["sasaran"]:
        if not {"kode", "uraian", "indikator"} <= s.keys():
            rusak |= {x["kode"] for x in s.get("indikator") or () if "kode" in x}
            continue
        indikator = []
        for x in s["indikator"]:
            if set(_WAJIB_INDIKATOR) <= x.keys() and len(x.get("target_triwulan") or ()) == 4:
                indikator.append(_indikator(x, s["kode"], temuan))
            elif "kode" in x:
                rusak.add(x["kode"])
        sasaran.append(Sasaran(s["kode"], s["uraian"], tuple(indikator)))
    program = tuple(
        Program(p["kode"], p["nama"], p["seksi"], p["anggaran"], tuple(p.get("indikator") or ()),
                p.lok, tuple(p["rencana_triwulan"]) if p.get("rencana_triwulan") else None)
        for p in d.get("program") or () if {"kode", "nama", "seksi", "anggaran"} <= p.keys()
    )
    perubahan = tuple(PerubahanPK(x["tanggal"], x.get("nomor"), x["alasan"])
                      for x in d.get("perubahan") or () if {"tanggal", "alasan"} <= x.keys())
    pk = PerjanjianKinerja(d["tahun"], _pihak(d["pihak_pertama"]), _pihak(d["pihak_kedua"]),
                           d["tanggal"], tuple(sasaran), program, berkas, frozenset(rusak),
                           perubahan)
    return pk, temuan.hasil


def _pihak(d: Obj) -> Pihak:
    return Pihak(d.get("nama") or "", d.get("jabatan") or "", d.get("nip"))


def _skala(x: Obj, temuan: Pengumpul) -> dict[str, float] | None:
    if not x.get("skala"):
        return None
    ada: dict[str, float] = {}
    for nama, nilai in x["skala"].items():
        if nilai is None or nilai < 0:
            # A grade without a value (or a negative one) would make every figure on the
            # scale meaningless: reported on its line and left out.
            temuan.tambah(x["skala"].lok_nilai.get(nama, x["skala"].lok_kunci[nama]),
                          "wajib-diisi", f"predikat «{nama}» di skala harus bernilai angka "
                          "0 atau lebih, misalnya 4")
            continue
        ada[nama] = nilai
    return ada or None


def _indikator(x: Obj, sasaran: str, temuan: Pengumpul) -> Indikator:
    skala = _skala(x, temuan)
    targets = [("target", x["target"], x.posisi("target"))] + [
        ("target_triwulan", t, x["target_triwulan"].lok_isi[n])
        for n, t in enumerate(x["target_triwulan"])
    ]
    for kunci, t, tempat in targets:
        if t.teks is not None and not skala:
            temuan.tambah(tempat, "target-teks",
                          f"{kunci} «{t.teks}» berupa teks; tambahkan «skala» yang memberi nilai "
                          "tiap predikat (misalnya skala: {AA: 6, A: 5, BB: 4}) atau tulis angka")
        elif t.teks is not None and skala and t.teks not in skala:
            temuan.tambah(tempat, "target-teks",
                          f"{kunci} «{t.teks}» tidak ada di skala ({', '.join(skala)})"
                          f"{saran(t.teks, list(skala))}")
        elif t.teks is None and skala:
            # A graded indicator is measured on its scale: a number here gave «–» silently.
            temuan.tambah(tempat, "target-teks",
                          f"{kunci} indikator berskala harus salah satu predikat skala "
                          f"({', '.join(skala)}), bukan angka; atau hapus «skala» bila "
                          "indikator ini diukur dengan angka")
        elif t.nilai is not None and t.nilai < 0:
            temuan.tambah(tempat, "target-negatif", f"{kunci} tidak boleh negatif")
    return Indikator(
        kode=x["kode"], uraian=x["uraian"], satuan=x["satuan"], polaritas=x["polaritas"],
        agregasi=x["agregasi"], target=x["target"], target_triwulan=tuple(x["target_triwulan"]),
        seksi=x["seksi"], sasaran=sasaran, definisi=x.get("definisi"),
        sumber_data=x.get("sumber_data"), skala=skala,
        rumus_turun=x.get("rumus_turun"), lok=x.lok,
        lok_bidang={k: x.posisi(k) for k in x.lok_kunci},
        target_renstra=x.get("target_renstra"),
    )


def muat_renaksi(akar: Path, tahun: int, teks: str | None = None
                 ) -> tuple[RencanaAksi | None, tuple[Temuan, ...]]:
    """The year's Rencana Aksi, or None when the office keeps none (it is optional)."""
    berkas = tata.berkas_renaksi(tahun)
    path = akar / berkas
    if teks is None:
        if not path.is_file() or path.is_symlink():
            return None, ()
        try:
            teks = baca_teks(path, berkas)
        except BerkasTidakValid as e:
            return None, e.temuan
    return _renaksi(tahun, teks)


@lru_cache(maxsize=256)
def _renaksi(tahun: int, teks: str) -> tuple[RencanaAksi | None, tuple[Temuan, ...]]:
    berkas = tata.berkas_renaksi(tahun)
    dok = dokumen.baca(None, berkas, skema.RENCANA_AKSI, teks)
    temuan = Pengumpul()
    temuan.semua(dok.temuan)
    d = dok.obj if not dok.dipulihkan else None
    if d is None:
        return None, temuan.hasil
    if d.get("tahun") is not None and d["tahun"] != tahun:
        temuan.tambah(d.posisi("tahun"), "tahun-salah",
                      f"tahun {d['tahun']} tidak sesuai dengan folder {tahun}")
    aksi = []
    indikator = []
    for blok in d.get("rencana_aksi") or ():
        if "indikator" not in blok:
            continue
        indikator.append((blok["indikator"], blok.posisi("indikator")))
        for a in blok.get("aksi") or ():
            if "kode" not in a:
                continue
            aksi.append(Aksi(a["kode"], blok["indikator"], tuple(a.get("triwulan") or ()),
                             a.get("uraian") or "", a.get("penanggung_jawab") or "",
                             a.get("keluaran") or "", a.posisi("kode"),
                             {k: a.posisi(k) for k in a.lok_kunci}))
    rusak = any(t.galat for t in temuan.hasil)
    return RencanaAksi(tahun, tuple(aksi), berkas, tuple(indikator), rusak), temuan.hasil
