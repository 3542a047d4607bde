"""Load a kinerja repository — the office, every year's PK, every period's forms — into the model.

Every command goes through here; none re-reads YAML its own way. Loading never stops at the first
problem: each file that can be read becomes model values, and every problem becomes a finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from kinerja.baca import sintaks, skema
from kinerja.baca.teks import SintaksRusak, baca_teks, relatif, susun
from kinerja.inti.angka import AngkaTidakValid, baca_angka
from kinerja.inti.errors import BerkasTidakValid, KinerjaError, RepoTidakDitemukan
from kinerja.inti.model import (
    PERIODE,
    AturanCapaian,
    Formulir,
    Indikator,
    Instansi,
    Isian,
    JamKerja,
    Kantor,
    Kategori,
    Langkah,
    Pegawai,
    Periode,
    PerjanjianKinerja,
    PerubahanPK,
    Pihak,
    Program,
    RealisasiAnggaran,
    Sasaran,
    Segel,
    Seksi,
    StatusIsian,
    SuratPengantar,
    baca_rujukan,
)
from kinerja.inti.temuan import Lok, Pengumpul
from kinerja.ukur.renaksi import BERKAS_RENAKSI, Aksi, RencanaAksi

if TYPE_CHECKING:
    from kinerja.pengesahan.riwayat import Catatan

BERKAS_KANTOR = "kinerja.yml"
BERKAS_PK = "perjanjian-kinerja.yml"
BERKAS_PERIODE = "periode.yml"
HARI = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")


@dataclass
class Tahun:
    tahun: int
    folder: Path
    pk: PerjanjianKinerja | None
    periode: dict[str, Periode] = field(default_factory=dict)
    renaksi: RencanaAksi | None = None  # the year's Rencana Aksi, when the office keeps one


@dataclass
class Repo:
    akar: Path
    kantor: Kantor | None
    tahun: dict[int, Tahun]
    temuan: Pengumpul
    _tag: dict[str, str] | None = field(default=None, repr=False)

    def tag_pengesahan(self) -> dict[str, str]:
        """Period → message of its ``pengesahan/`` tag; read once, only when a period has no
        riwayat.yml, and only in a Git repository."""
        if self._tag is None:
            from kinerja.pengesahan import git, riwayat

            self._tag = {}
            if (self.akar / ".git").exists():
                keluar = git.git(self.akar, "for-each-ref", "--format=%(refname:strip=2)%00"
                                 "%(objecttype)%00%(contents)%00", f"refs/tags/{riwayat.AWALAN_TAG}")
                bagian = keluar.split("\x00")
                for i in range(0, len(bagian) - 2, 3):
                    nama, jenis, isi = bagian[i].lstrip("\n"), bagian[i + 1], bagian[i + 2]
                    if jenis == "tag":  # annotated: a lightweight tag carries no record
                        self._tag[nama.removeprefix(riwayat.AWALAN_TAG)] = isi
        return self._tag

    def rel(self, path: Path) -> str:
        # Paths the loader builds lie under akar already: no filesystem lookup needed.
        try:
            return path.relative_to(self.akar).as_posix()
        except ValueError:
            return relatif(path, self.akar)

    def periode(self, tahun: int, kode: str) -> Periode | None:
        t = self.tahun.get(tahun)
        return t.periode.get(kode) if t else None

    def semua_periode(self) -> list[Periode]:
        return [p for t in sorted(self.tahun) for k in PERIODE
                if (p := self.tahun[t].periode.get(k)) is not None]


def cari_akar(mulai: Path) -> Path:
    """The repository root: the nearest folder upwards holding ``kinerja.yml``."""
    path = mulai.resolve()
    for folder in (path, *path.parents):
        if (folder / BERKAS_KANTOR).is_file():
            return folder
    raise RepoTidakDitemukan(
        f"tidak menemukan {BERKAS_KANTOR} di folder ini atau folder di atasnya; jalankan perintah "
        "di dalam repo kinerja atau beri --repo FOLDER. Untuk kantor baru, mulai dengan "
        "«kinerja mulai --instansi \"Kecamatan …\"»"
    )


def baca_dokumen(path: Path, berkas: str, jenis: skema.Peta, temuan: Pengumpul,
                 teks: str | None = None, *, pulihkan: bool = False) -> skema.Obj | None:
    """Read and check one file (or ``teks``, e.g. the file as it stands on another branch).

    A syntax error is reported, and the rest of the file is still checked where the error's fix
    is known; with ``pulihkan`` that repaired reading is returned, marked ``dipulihkan``, for
    the caller's own checks (never for use)."""
    def masalah(node: yaml.Node) -> int:
        lain = Pengumpul()
        skema.periksa_dokumen(node, jenis, berkas, lain)
        return len(lain.temuan)

    try:
        isi = baca_teks(path, berkas) if teks is None else teks
        node = susun(isi, berkas, masalah)
    except SintaksRusak as e:
        temuan.temuan.extend(e.temuan)
        d = _baca_pulih(e.teks, e, berkas, jenis, temuan, masalah)
        return d if pulihkan else None
    except BerkasTidakValid as e:
        temuan.temuan.extend(e.temuan)
        return None
    if node is None:
        m = re.fullmatch(r"periods/([0-9]{4})/([a-z0-9]+)/formulir/[^/]+\.yml", berkas)
        saran = (f"buat ulang kerangkanya dengan «kinerja periode baru {m[1]} {m[2]}» (berkas "
                 "kosong diisi ulang; formulir lain tidak diubah)" if m else
                 "isi berkas ini; kerangka kinerja.yml dan Perjanjian Kinerja ditulis «kinerja "
                 "mulai»" if berkas.endswith(("kinerja.yml", "perjanjian-kinerja.yml")) else
                 "isi berkas ini atau hapus")
        temuan.tambah(Lok(berkas), "berkas-kosong", f"berkas kosong; {saran}")
        return None
    return skema.periksa_dokumen(node, jenis, berkas, temuan, isi)


def geser_temuan(temuan: Pengumpul, awal: int, geser: dict[int, int] | None) -> None:
    """Findings from ``awal`` on, read past a corrected line, moved back to the file's columns."""
    if not geser:
        return
    for n in range(awal, len(temuan.temuan)):
        t = temuan.temuan[n]
        if t.baris in geser:
            temuan.temuan[n] = replace(t, kolom=max(1, t.kolom - geser[t.baris]))


def _baca_pulih(teks: str, e: SintaksRusak, berkas: str, jenis: skema.Peta,
                temuan: Pengumpul, masalah: Callable[[yaml.Node], int]) -> skema.Obj | None:
    """Every problem at once, even past a syntax error: where its fix is known, the rest of the
    file is checked as if the fix were made, in memory only (the file stays unreadable)."""
    geser: dict[int, int] = {}
    for _ in range(20):  # a bound: each round fixes one line
        if e.saran_sintaks is None:
            return None
        teks = sintaks.pulihkan(teks, e.saran_sintaks)
        geser[e.saran_sintaks.baris] = geser.get(e.saran_sintaks.baris, 0) + \
            e.saran_sintaks.geser
        try:
            node = susun(teks, berkas, masalah)
        except SintaksRusak as lagi:
            temuan.temuan.extend(lagi.temuan)  # a further syntax error, on another line
            e = lagi
            continue
        except BerkasTidakValid:
            return None
        awal = len(temuan.temuan)
        d = skema.periksa_dokumen(node, jenis, berkas, temuan, teks) if node else None
        geser_temuan(temuan, awal, geser)
        if d is not None:
            d.geser = geser
        return d
    return None


def _periksa_isi(repo: Repo, folder: Path, *, berkas: tuple[str, ...], sub: tuple[str, ...],
                 apa: str) -> None:
    """Report what does not belong in a folder of the data contract, and never follow a
    symbolic link (it could pull a file from outside the repository into a report)."""
    for x in sorted(folder.iterdir()):
        if x.name.startswith("."):
            continue
        tempat = Lok(repo.rel(x))
        if x.is_symlink():
            repo.temuan.tambah(tempat, "tautan-simbolik",
                               f"«{x.name}» adalah tautan simbolik dan tidak dibaca; salin berkas "
                               "aslinya ke sini")
        elif x.is_dir() and x.name not in sub:
            if x.name not in berkas:  # the year and period folders are reported by the caller
                repo.temuan.tambah(tempat, "folder-tak-dikenal",
                                   f"folder «{x.name}» tidak dikenal di {apa}; isinya tidak "
                                   "dibaca — pindahkan atau hapus")
        elif x.is_file() and x.name not in berkas:
            repo.temuan.tambah(tempat, "berkas-tak-dikenal",
                               f"berkas «{x.name}» tidak dikenal di {apa} dan tidak diperiksa; "
                               "pindahkan keluar dari periods/ atau hapus")


def muat_repo(akar: Path, *, tahun: set[int] | None = None) -> Repo:
    temuan = Pengumpul()
    kantor = muat_kantor(akar, temuan)
    repo = Repo(akar, kantor, {}, temuan)
    folder_periods = akar / "periods"
    if not folder_periods.is_dir():
        return repo
    _periksa_isi(repo, folder_periods, berkas=(), sub=tuple(
        f.name for f in folder_periods.iterdir()), apa="periods/ (hanya folder tahun)")
    for folder in sorted(folder_periods.iterdir()):
        if not folder.is_dir() or folder.is_symlink() or folder.name.startswith("."):
            continue
        if not re.fullmatch(r"[0-9]{4}", folder.name):
            temuan.tambah(Lok(repo.rel(folder)), "folder-tak-dikenal",
                          f"folder «{folder.name}» bukan tahun; periods/ hanya berisi folder "
                          "tahun seperti 2026")
            continue
        if tahun is not None and int(folder.name) not in tahun:
            continue
        repo.tahun[int(folder.name)] = muat_tahun(repo, folder)
    return repo


def muat_kantor(akar: Path, temuan: Pengumpul, teks: str | None = None) -> Kantor | None:
    if teks is None and (akar / BERKAS_KANTOR).is_symlink():
        temuan.tambah(Lok(BERKAS_KANTOR), "tautan-simbolik",
                      "kinerja.yml adalah tautan simbolik dan tidak dibaca; simpan berkasnya "
                      "sendiri di repositori")
        return None
    d = baca_dokumen(akar / BERKAS_KANTOR, BERKAS_KANTOR, skema.KANTOR, temuan, teks)
    # A broken field is already a finding (and any error in kinerja.yml blocks every period);
    # the office is still built from what is usable, with a stand-in for the broken field, so
    # one run also reports what the office, the PK and the forms have wrong.
    if d is None or not {"pegawai", "seksi"} <= d.keys():
        return None
    i = d.get("instansi") or skema.Obj(Lok(BERKAS_KANTOR))
    logo = i.get("logo")
    if logo and teks is None:
        path = akar / logo
        try:
            di_dalam = path.resolve().is_relative_to(akar.resolve()) and not path.is_symlink()
        except OSError:
            di_dalam = False
        if not di_dalam or not path.is_file() or path.suffix.lower() not in (".png", ".jpg",
                                                                              ".jpeg", ".svg"):
            sebab = ("berada di luar repositori" if not di_dalam else
                     "tidak ada" if not path.is_file() else "bukan gambar PNG, JPG, atau SVG")
            temuan.tambah(i.posisi("logo"), "logo-tak-valid",
                          f"logo «{logo}» {sebab}; simpan gambar logo di dalam repositori, "
                          "misalnya content/gambar/logo.png, dan tulis jalurnya di sini")
            logo = None
    instansi = Instansi(i.get("nama") or "", i.get("pemerintah") or "", i.get("alamat") or "",
                        i.get("kota") or "", i.get("telepon"),
                        i.get("email"), i.get("laman"), i.get("kode_pos"), logo)
    # Someone whose name or title is still blank (already a finding) is still on the staff:
    # otherwise their section head and role would be reported missing as well.
    pegawai = tuple(
        Pegawai(p["id"], p.get("nama") or "", p.get("nip"), p.get("jabatan") or "",
                p.get("pangkat"), tuple(p.get("peran") or ()), p.get("email"),
                dict(p.get("akun") or {}), p.lok, p.get("kunci_ssh"),
                re.sub(r"\s", "", p["kunci_gpg"]).upper() if p.get("kunci_gpg") else None)
        for p in d["pegawai"] if "id" in p
    )
    seksi = tuple(Seksi(s["id"], s["nama"], s["kepala"], s.posisi("kepala"))
                  for s in d["seksi"] if {"id", "nama", "kepala"} <= s.keys())
    c = d.get("capaian") or {}
    bawaan = AturanCapaian()
    kategori = tuple(sorted((Kategori(k["nama"], k["min"]) for k in c.get("kategori") or ()
                             if {"nama", "min"} <= k.keys()), key=lambda k: -k.min))
    aturan = AturanCapaian(
        rumus_turun=c.get("rumus_turun") or bawaan.rumus_turun,
        batas_atas=c.get("batas_atas"),
        kategori=kategori or bawaan.kategori,
        ambang_efisiensi=c.get("ambang_efisiensi", bawaan.ambang_efisiensi)
        if c.get("ambang_efisiensi") is not None else bawaan.ambang_efisiensi,
    )
    j = d.get("jam_kerja") or skema.Obj(Lok(BERKAS_KANTOR))
    jb = JamKerja()
    if j.get("mulai") and j.get("selesai") and j["selesai"] <= j["mulai"]:
        temuan.tambah(j.posisi("selesai"), "jam-kerja-terbalik",
                      f"jam pulang {j['selesai'][0]:02d}:{j['selesai'][1]:02d} tidak sesudah jam "
                      f"masuk {j['mulai'][0]:02d}:{j['mulai'][1]:02d}; tulis misalnya mulai: 07:30 "
                      "dan selesai: 16:00")
        del j["mulai"], j["selesai"]  # schedule with the usual hours
    jam = JamKerja(j.get("mulai") or jb.mulai, j.get("selesai") or jb.selesai,
                   tuple(HARI.index(h) for h in j["hari"]) if j.get("hari") else jb.hari)
    tanda_tangan = (d.get("persetujuan") or {}).get("tanda_tangan") == "wajib"
    return Kantor(instansi, d.get("kertas") or "A4", pegawai, seksi, aturan, jam,
                  tanda_tangan_wajib=tanda_tangan, zona_waktu=d.get("zona_waktu") or "WIB")


def muat_tahun(repo: Repo, folder: Path) -> Tahun:
    tahun = Tahun(int(folder.name), folder, muat_pk(repo, folder), renaksi=muat_renaksi(repo, folder))
    _periksa_isi(repo, folder, berkas=(BERKAS_PK, BERKAS_RENAKSI), sub=tuple(
        f.name for f in folder.iterdir() if f.is_dir()),
                 apa=f"folder tahun {folder.name} (hanya {BERKAS_PK}, {BERKAS_RENAKSI}, dan "
                     "folder periode)")
    for sub in sorted(folder.iterdir()):
        if sub.name.startswith(".") or not sub.is_dir() or sub.is_symlink():
            continue
        if sub.name not in PERIODE:
            repo.temuan.tambah(
                Lok(repo.rel(sub)), "folder-tak-dikenal",
                f"folder «{sub.name}» bukan periode{skema.saran(sub.name, PERIODE)}; "
                f"nama yang boleh: {', '.join(PERIODE)}")
            continue
        p = muat_periode(repo, tahun, sub)
        if p is not None:
            tahun.periode[sub.name] = p
    return tahun


def muat_renaksi(repo: Repo, folder: Path) -> RencanaAksi | None:
    """The year's Rencana Aksi, or None when the office keeps none (it is optional)."""
    path = folder / BERKAS_RENAKSI
    if not path.is_file() or path.is_symlink():
        return None
    berkas = repo.rel(path)
    awal = len(repo.temuan.temuan)
    d = baca_dokumen(path, berkas, skema.RENCANA_AKSI, repo.temuan)
    if d is None:
        return None
    if d.get("tahun") is not None and d["tahun"] != int(folder.name):
        repo.temuan.tambah(d.posisi("tahun"), "tahun-salah",
                           f"tahun {d['tahun']} tidak sesuai dengan folder {folder.name}")
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
    rusak = any(t.galat for t in repo.temuan.temuan[awal:])
    return RencanaAksi(int(folder.name), tuple(aksi), berkas, tuple(indikator), rusak)


def muat_pk(repo: Repo, folder: Path) -> PerjanjianKinerja | None:
    path = folder / BERKAS_PK
    berkas = repo.rel(path)
    if not path.is_file():
        repo.temuan.tambah(Lok(repo.rel(folder)), "pk-hilang",
                           f"{berkas} tidak ada; setiap tahun memerlukan Perjanjian Kinerja")
        return None
    # A broken part is already a finding, and any error in the PK blocks the year's periods: the
    # PK is still built from what is usable (read past a syntax error where its fix is known),
    # so the forms are checked against it in the same run.
    d = baca_dokumen(path, berkas, skema.PERJANJIAN, repo.temuan, pulihkan=True)
    if d is None or "sasaran" not in d:
        return None
    d.setdefault("tahun", int(folder.name))
    d.setdefault("tanggal", date(int(folder.name), 1, 1))
    for pihak in ("pihak_pertama", "pihak_kedua"):
        if not {"nama", "jabatan"} <= (d.get(pihak) or {}).keys():
            d[pihak] = {"nama": "", "jabatan": ""}
    if d["tahun"] != int(folder.name):
        repo.temuan.tambah(d.posisi("tahun"), "tahun-salah",
                           f"tahun {d['tahun']} tidak sesuai dengan folder {folder.name}")
    sasaran = []
    rusak: set[str] = set()
    for s in d["sasaran"]:
        if not {"kode", "uraian", "indikator"} <= s.keys():
            rusak |= {x["kode"] for x in s.get("indikator") or () if "kode" in x}
            continue
        indikator = []
        for x in s["indikator"]:
            if _lengkap(x, ("kode", "uraian", "satuan", "polaritas", "agregasi", "target",
                            "target_triwulan", "seksi")):
                indikator.append(_indikator(x, s["kode"], repo.temuan))
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
    return PerjanjianKinerja(d["tahun"], _pihak(d["pihak_pertama"]), _pihak(d["pihak_kedua"]),
                             d["tanggal"], tuple(sasaran), program, berkas, frozenset(rusak),
                             perubahan)


def _lengkap(d: skema.Obj, kunci: tuple[str, ...]) -> bool:
    return set(kunci) <= d.keys() and len(d.get("target_triwulan") or ()) == 4


def _pihak(d: skema.Obj) -> Pihak:
    return Pihak(d.get("nama") or "", d.get("jabatan") or "", d.get("nip"))


def _indikator(x: skema.Obj, sasaran: str, temuan: Pengumpul) -> Indikator:
    skala: dict[str, float] | None = None
    if x.get("skala"):
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
        skala = ada or None
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
                          f"{skema.saran(t.teks, list(skala))}")
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
        seksi=x["seksi"], sasaran=sasaran, definisi=x.get("definisi"), skala=skala,
        rumus_turun=x.get("rumus_turun"), lok=x.lok,
        lok_bidang={k: x.posisi(k) for k in x.lok_kunci},
        target_renstra=x.get("target_renstra"),
    )


def muat_periode(repo: Repo, tahun: Tahun, folder: Path) -> Periode | None:
    path = folder / BERKAS_PERIODE
    berkas = repo.rel(path)
    if not path.is_file():
        repo.temuan.tambah(Lok(repo.rel(folder)), "periode-hilang",
                           f"{berkas} tidak ada; buat periode dengan «kinerja periode baru "
                           f"{tahun.tahun} {folder.name}»")
        return None
    d = baca_dokumen(path, berkas, skema.PERIODE_YML, repo.temuan) or skema.Obj(Lok(berkas))
    for kunci, harus in (("tahun", tahun.tahun), ("periode", folder.name)):
        if kunci in d and d[kunci] != harus:
            repo.temuan.tambah(d.posisi(kunci), "periode-salah",
                               f"{kunci} «{d[kunci]}» tidak sesuai dengan folder "
                               f"{repo.rel(folder)}; tulis {harus}")
    jadwal = tuple(Langkah(j["langkah"], j.get("uraian") or "", j.get("pelaksana") or "",
                           j["mulai"], j["selesai"])
                   for j in d.get("jadwal") or () if {"langkah", "mulai", "selesai"} <= j.keys())
    s = d.get("surat_pengantar") or {}
    surat = SuratPengantar(s.get("nomor"), s.get("tanggal"), s.get("sifat"), s.get("lampiran"),
                           s.get("hal"), s.get("kepada"), s.get("di"),
                           tuple(s.get("tembusan") or ()))
    formulir: dict[str, Formulir] = {}
    rusak: set[str] = set()
    pulihan: list[tuple[str, Formulir]] = []
    _periksa_isi(repo, folder, berkas=(BERKAS_PERIODE, "riwayat.yml"),
                 sub=("formulir", "bukti", "arsip", *(("lkjip",) if folder.name == "tahunan"
                                                         else ())),
                 apa=f"folder periode {folder.name}")
    folder_form = folder / "formulir"
    if folder_form.is_dir() and not folder_form.is_symlink():
        _periksa_isi(repo, folder_form, berkas=tuple(
            f.name for f in folder_form.iterdir() if f.is_file()), sub=(), apa="formulir/")
        for f in sorted(folder_form.iterdir()):
            if f.name.startswith(".") or f.is_dir() or f.is_symlink():
                continue
            if f.suffix != ".yml":
                repo.temuan.tambah(Lok(repo.rel(f)), "berkas-tak-dikenal",
                                   "formulir harus berakhiran .yml; ganti nama berkas ini atau "
                                   "pindahkan keluar dari folder formulir/")
                continue
            form = muat_formulir(repo, tahun.pk, f)
            if form is not None and not form.dipulihkan:
                formulir[f.stem] = form
            else:
                rusak.add(f.stem)
                if form is not None:
                    pulihan.append((f.stem, form))
    mulai: date | None = d.get("mulai")
    periode = Periode(tahun.tahun, folder.name, folder, berkas, mulai, jadwal, surat, formulir,
                      frozenset(rusak), tuple(pulihan))
    catatan = muat_riwayat(repo, folder)
    if catatan is None:
        return periode
    if not catatan.disahkan:
        return replace(periode, versi=catatan.versi, revisi=catatan.revisi)
    berubah = _segel_rusak(repo, folder, catatan.segel) if catatan.segel else ()
    return replace(periode, riwayat=catatan.persetujuan, segel=catatan.segel, rusak_segel=berubah,
                   versi=catatan.versi, revisi=catatan.revisi)


def _segel_rusak(repo: Repo, folder: Path, s: Segel) -> tuple[Lok, ...]:
    """Where the sealed files differ from what was ratified: the first changed line of a changed
    file (found against the ratified commit when the clone has it), else the file itself."""
    from kinerja.pengesahan import git
    from kinerja.pengesahan.segel import perubahan, sidik_berkas

    hasil = []
    for x in perubahan(s, sidik_berkas(folder)):
        rel = repo.rel(folder / x.rel)
        baris, kolom = 1, 1
        lama = git.tampilkan(repo.akar, s.commit, rel) if s.commit and x.jenis == "diubah" \
            else None
        if lama is not None:
            try:
                baru = (folder / x.rel).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                baru = ""
            for n, (a, b) in enumerate(zip([*lama.splitlines(), ""], [*baru.splitlines(), ""],
                                           strict=False), start=1):
                if a != b:
                    baris = n
                    kolom = next((i for i, (p, q) in enumerate(zip(a, b, strict=False), start=1)
                                  if p != q), min(len(a), len(b)) + 1)
                    break
        hasil.append(Lok(rel, baris, kolom))
    return tuple(hasil)


def muat_riwayat(repo: Repo, folder: Path) -> Catatan | None:
    """The ratification record: the period's riwayat.yml, else its newest ``pengesahan/`` tag.

    In Git a record counts only as kinerja wrote it. A ratified one must equal the record its
    tag carries; an open one (after ``kinerja revisi``) must have been committed by that revision
    and left as it was. Anything else is the error ``riwayat-tangan``, and the period stays as
    its newest tag says — a hand-made file can neither ratify a period nor un-ratify one."""
    from kinerja.pengesahan import riwayat

    path = folder / riwayat.BERKAS
    periode = f"{folder.parent.name}-{folder.name}"
    git_ada = (repo.akar / ".git").exists()
    ada = repo.tag_pengesahan() if git_ada else {}
    versi = max((v for v in range(1, 100) if riwayat.nama_tag(periode, v).removeprefix(
        riwayat.AWALAN_TAG) in ada), default=None)

    def dari_tag() -> Catatan | None:
        if versi is None:
            return None
        nama = riwayat.nama_tag(periode, versi)
        return riwayat.baca(path, f"tag {nama}", repo.temuan,
                            riwayat.dari_pesan_tag(ada[nama.removeprefix(riwayat.AWALAN_TAG)]))

    if not path.is_file():
        if versi is None and git_ada:
            _pengesahan_hilang(repo, folder, periode)
        return dari_tag()
    catatan = riwayat.baca(path, repo.rel(path), repo.temuan)
    if not git_ada:
        return catatan  # a folder outside Git (a copy): nothing to check the record against
    if catatan is None:
        return dari_tag()
    sebab = _riwayat_bukan_kinerja(repo, path, periode, catatan, ada, versi)
    if sebab is None:
        return catatan
    repo.temuan.tambah(Lok(repo.rel(path)), "riwayat-tangan",
                       f"catatan pengesahan ini tidak ditulis oleh kinerja ({sebab}); periode "
                       f"{periode} tetap seperti tag pengesahan terakhirnya. Kembalikan berkas "
                       "ini seperti yang ditulis kinerja; pengesahan dibuat dengan «kinerja "
                       f"sahkan {periode}» dan dibuka kembali dengan «kinerja revisi {periode}»")
    return dari_tag()


def _pengesahan_hilang(repo: Repo, folder: Path, periode: str) -> None:
    """A period ratified in this history whose record and tag are both gone is not silently
    open again (nor is one in a clone fetched without its tags)."""
    from kinerja.pengesahan import git

    sah = git.log(repo.akar, "-1", "--all-match", "--grep=^Kinerja-Keputusan: sahkan$",
                  f"--grep=^Kinerja-Periode: {periode}$", "--", repo.rel(folder))
    if sah:
        repo.temuan.tambah(Lok(repo.rel(folder)), "riwayat-hilang",
                           f"periode {periode} disahkan pada commit {sah[0].sha[:8]}, tetapi "
                           "catatan dan tag pengesahannya tidak ada; ambil tag dengan «git fetch "
                           "--tags», atau kembalikan riwayat.yml dari commit itu")


def _riwayat_bukan_kinerja(repo: Repo, path: Path, periode: str, catatan: Catatan,
                           ada: dict[str, str], versi: int | None) -> str | None:
    """Why a record file was not written by kinerja (None: it was)."""
    from kinerja.pengesahan import git, riwayat

    isi = path.read_text(encoding="utf-8").strip()
    if catatan.disahkan:
        nama = riwayat.nama_tag(periode, catatan.versi).removeprefix(riwayat.AWALAN_TAG)
        if nama not in ada:
            return f"tag-nya tidak ada: {riwayat.AWALAN_TAG}{nama}"
        if riwayat.dari_pesan_tag(ada[nama]).strip() != isi:
            return f"isinya berbeda dari tag-nya: {riwayat.AWALAN_TAG}{nama}"
        return None
    if versi is None:
        return None  # never ratified: an open record ratifies nothing
    rel = repo.rel(path)
    c = next(iter(git.log(repo.akar, "-1", "--", rel)), None)
    diubah = bool(git.git(repo.akar, "status", "--porcelain", "--", rel).strip())
    if (c is None or diubah or c.trailer.get("Kinerja-Keputusan") != "revisi"
            or c.trailer.get("Kinerja-Versi") != str(versi + 1) or catatan.versi != versi + 1
            or not catatan.revisi or catatan.revisi[-1].versi != versi):
        return (f"membuka periode yang disahkan ({riwayat.AWALAN_TAG}"
                f"{riwayat.nama_tag(periode, versi).removeprefix(riwayat.AWALAN_TAG)}) tanpa "
                "«kinerja revisi»")
    return None


def muat_formulir(repo: Repo, pk: PerjanjianKinerja | None, path: Path) -> Formulir | None:
    berkas = repo.rel(path)
    d = baca_dokumen(path, berkas, skema.FORMULIR, repo.temuan, pulihkan=True)
    if d is None:
        return None
    awal = len(repo.temuan.temuan)
    isian = []
    for x in d.get("isian") or ():
        if "indikator" not in x:
            continue
        ind = pk.indikator_kode(x["indikator"]) if pk else None
        realisasi = _realisasi(x, ind, repo.temuan)
        status = tuple(StatusIsian(r["aksi"], r.get("status"), r.get("catatan"), r.posisi("aksi"))
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
    geser_temuan(repo.temuan, awal, d.geser)
    return Formulir(d.get("seksi") or "", d.get("periode") or "", tuple(isian), anggaran, berkas,
                    d.posisi("seksi"), d.posisi("periode"), d.posisi("isian"),
                    None if d.geser is None else tuple(d.geser.items()))


def _realisasi(x: skema.Obj, ind: Indikator | None, temuan: Pengumpul) -> float | str | None:
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
                      f"{', '.join(ind.skala)}{skema.saran(str(teks), list(ind.skala))}")
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
        temuan.peringatan(tempat, "realisasi-negatif",
                          f"realisasi {teks} negatif; periksa tanda minusnya — capaian dari "
                          "angka negatif tidak bermakna bagi sebagian besar indikator")
    return nilai



def tahun_tunjukan(akar: Path, tunjuk: str | None) -> set[int] | None:
    """The one year a period reference needs loaded (None: cannot tell, load every year)."""
    if tunjuk is None:
        tahun = [int(f.name) for f in (akar / "periods").glob("[0-9][0-9][0-9][0-9]") if f.is_dir()]
        return {max(tahun)} if tahun else None
    rujukan = baca_rujukan(tunjuk)
    if rujukan:
        return {rujukan[0]}
    try:
        bagian = Path(tunjuk).resolve().relative_to(akar.resolve()).parts
    except ValueError:
        return None
    return {int(bagian[1])} if len(bagian) >= 2 and bagian[1].isascii() and bagian[1].isdigit() else None


def cari_periode(repo: Repo, tunjuk: str | None) -> Periode:
    """The period a person names: a folder or file inside it, ``2026-tw3``, or none (the latest)."""
    if tunjuk is None:
        semua = repo.semua_periode()
        if not semua:
            raise KinerjaError("belum ada periode; buat dengan «kinerja periode baru TAHUN TW»")
        return semua[-1]
    rujukan = baca_rujukan(tunjuk)
    if rujukan:
        tahun, kode = rujukan
    else:
        path = Path(tunjuk).resolve()
        try:
            bagian = path.relative_to(repo.akar.resolve()).parts
        except ValueError:
            bagian = ()
        if len(bagian) < 3 or bagian[0] != "periods" or baca_rujukan(
                f"{bagian[1]}-{bagian[2]}") is None:
            raise KinerjaError(f"«{tunjuk}» bukan folder periode; tulis misalnya periods/2026/tw3 "
                               "atau 2026-tw3")
        tahun, kode = int(bagian[1]), bagian[2]
    p = repo.periode(tahun, kode)
    if p is None:
        raise KinerjaError(f"periode {tahun}-{kode} tidak ada; buat dengan «kinerja periode baru "
                           f"{tahun} {kode}»")
    return p
