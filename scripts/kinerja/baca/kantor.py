"""``kinerja.yml`` into the office (``Kantor``): identity, staff and roles, sections, rules."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kinerja.baca import dokumen, skema
from kinerja.baca.jenis import Obj
from kinerja.inti.model import AturanCapaian, Instansi, JamKerja, Kantor, Kategori, Pegawai, Seksi
from kinerja.inti.tata import BERKAS_KANTOR
from kinerja.inti.temuan import Lok, Pengumpul, Temuan

HARI = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
_GAMBAR = (".png", ".jpg", ".jpeg", ".svg")


def muat_kantor(akar: Path, teks: str | None = None) -> tuple[Kantor | None, tuple[Temuan, ...]]:
    """The office from ``akar/kinerja.yml`` (or from ``teks``: the file as in a commit).

    A broken field is a finding (and any error in kinerja.yml blocks every period); the office
    is still built from what is usable, with a stand-in for the broken field, so one run also
    reports what the office, the PK and the forms have wrong."""
    temuan = Pengumpul()
    if teks is None and (akar / BERKAS_KANTOR).is_symlink():
        temuan.tambah(Lok(BERKAS_KANTOR), "tautan-simbolik",
                      "kinerja.yml adalah tautan simbolik dan tidak dibaca; simpan berkasnya "
                      "sendiri di repositori")
        return None, temuan.hasil
    if teks is not None:
        return _dari_commit(teks)
    dok = dokumen.baca(akar / BERKAS_KANTOR, BERKAS_KANTOR, skema.KANTOR, teks)
    return _bangun(akar, dok, temuan, berkas_kerja=True)


@lru_cache(maxsize=256)
def _dari_commit(teks: str) -> tuple[Kantor | None, tuple[Temuan, ...]]:
    """kinerja.yml as a commit holds it: each version read once per command (the proofs of
    every ratification and of trust in the roles meet here)."""
    dok = dokumen.baca(None, BERKAS_KANTOR, skema.KANTOR, teks)
    return _bangun(Path(), dok, Pengumpul(), berkas_kerja=False)


def _bangun(akar: Path, dok: dokumen.Dokumen, temuan: Pengumpul, *, berkas_kerja: bool
            ) -> tuple[Kantor | None, tuple[Temuan, ...]]:
    temuan.semua(dok.temuan)
    d = dok.obj if not dok.dipulihkan else None
    if d is None or not {"pegawai", "seksi"} <= d.keys():
        return None, temuan.hasil
    i = d.get("instansi") or Obj(Lok(BERKAS_KANTOR))
    # the logo file is looked at in the working tree only (a commit's is not on disk)
    logo = _logo(akar, i, temuan) if berkas_kerja else i.get("logo")
    instansi = Instansi(i.get("nama") or "", i.get("pemerintah") or "", i.get("alamat") or "",
                        i.get("kota") or "", i.get("telepon"),
                        i.get("email"), i.get("laman"), i.get("kode_pos"), logo,
                        i.get("arsip"))
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
    tanda_tangan = (d.get("persetujuan") or {}).get("tanda_tangan") == "wajib"
    kantor = Kantor(instansi, d.get("kertas") or "A4", pegawai, seksi, _aturan(d, temuan),
                    _jam(d, temuan), tanda_tangan_wajib=tanda_tangan,
                    zona_waktu=d.get("zona_waktu") or "WIB")
    return kantor, temuan.hasil


def _logo(akar: Path, i: Obj, temuan: Pengumpul) -> str | None:
    logo: str | None = i.get("logo")
    if not logo:
        return None
    path = akar / logo
    try:
        di_dalam = path.resolve().is_relative_to(akar.resolve()) and not path.is_symlink()
    except OSError:
        di_dalam = False
    if di_dalam and path.is_file() and path.suffix.lower() in _GAMBAR:
        return logo
    sebab = ("berada di luar repositori" if not di_dalam else
             "tidak ada" if not path.is_file() else "bukan gambar PNG, JPG, atau SVG")
    temuan.tambah(i.posisi("logo"), "logo-tak-valid",
                  f"logo «{logo}» {sebab}; simpan gambar logo di dalam repositori, "
                  "misalnya content/gambar/logo.png, dan tulis jalurnya di sini")
    return None


def _aturan(d: Obj, temuan: Pengumpul) -> AturanCapaian:
    c = d.get("capaian") or {}
    bawaan = AturanCapaian()
    tertulis = [k for k in c.get("kategori") or () if {"nama", "min"} <= k.keys()]
    if [k["min"] for k in tertulis] != sorted((k["min"] for k in tertulis), reverse=True):
        # Read correctly either way (sorted by min), but a band out of order is usually two
        # values swapped: the names would then measure the wrong ranges.
        temuan.tambah(c.posisi("kategori") if isinstance(c, Obj) else Lok(BERKAS_KANTOR),
                      "kategori-urutan",
                      "kategori capaian tidak berurutan dari min tertinggi ke terendah ("
                      + ", ".join(f"{k['nama']} {k['min']:g}" for k in tertulis)
                      + "); periksa apakah nilai min tertukar, lalu urutkan")
    kategori = tuple(sorted((Kategori(k["nama"], k["min"]) for k in c.get("kategori") or ()
                             if {"nama", "min"} <= k.keys()), key=lambda k: -k.min))
    return AturanCapaian(
        rumus_turun=c.get("rumus_turun") or bawaan.rumus_turun,
        batas_atas=c.get("batas_atas"),
        kategori=kategori or bawaan.kategori,
        ambang_efisiensi=c["ambang_efisiensi"] if c.get("ambang_efisiensi") is not None
        else bawaan.ambang_efisiensi,
    )


def _jam(d: Obj, temuan: Pengumpul) -> JamKerja:
    j = d.get("jam_kerja") or Obj(Lok(BERKAS_KANTOR))
    jb = JamKerja()
    mulai, selesai = j.get("mulai"), j.get("selesai")
    if mulai and selesai and selesai <= mulai:
        temuan.tambah(j.posisi("selesai"), "jam-kerja-terbalik",
                      f"jam pulang {selesai[0]:02d}:{selesai[1]:02d} tidak sesudah jam "
                      f"masuk {mulai[0]:02d}:{mulai[1]:02d}; tulis misalnya mulai: 07:30 "
                      "dan selesai: 16:00")
        mulai = selesai = None  # schedule with the usual hours
    return JamKerja(mulai or jb.mulai, selesai or jb.selesai,
                    tuple(HARI.index(h) for h in j["hari"]) if j.get("hari") else jb.hari)
