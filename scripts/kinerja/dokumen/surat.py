"""The cover letter (surat pengantar, SOP step 10) and the disposition sheets (steps 1, 2, 9).

Both take their facts from the period's own records — ``periode.yml`` (letter number, addressee,
schedule) and the SOP data — and are rendered through the same pandoc → Typst pipeline as the
report, with the same letterhead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kinerja.dokumen.laporan import blok_meta, md, meta_kop, nip, salin_logo
from kinerja.inti.angka import format_tanggal
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import Kantor, Langkah, Periode
from kinerja.inti.sop import NAMA_PERAN, sop


@dataclass(frozen=True)
class HasilSurat:
    pdf: Path


def _penanda(kantor: Kantor, peran: str) -> dict[str, str]:
    p = next(iter(kantor.pemegang(peran)), None)
    if p is None:
        return {"penanda_jabatan": md(NAMA_PERAN[peran].upper()), "penanda_nama": "…",
                "penanda_pangkat": "", "penanda_nip": "…"}
    return {"penanda_jabatan": md(p.jabatan.upper()), "penanda_nama": md(p.nama),
            "penanda_pangkat": md(p.pangkat or ""), "penanda_nip": md(nip(p.nip))}


def susun_surat(kantor: Kantor, periode: Periode, *, draf: bool, tanggal: date,
                logo: str | None = None) -> str:
    s = periode.surat
    hal = s.hal or f"Laporan Pengukuran Kinerja {periode.nama}"
    meta: dict[str, object] = {
        **meta_kop(kantor, logo),
        **_penanda(kantor, "camat"),
        "draf": draf,
        "tanggal": md(format_tanggal(s.tanggal or tanggal)),
        "nomor": md(s.nomor or "…"),
        "sifat": md(s.sifat or "Biasa"),
        "lampiran": md(s.lampiran or "1 (satu) berkas"),
        "hal": md(hal),
        "kepada": md(s.kepada or "…"),
        "di": md(s.di or kantor.instansi.kota),
        "tembusan": [md(f"{n}. {t}") for n, t in enumerate(s.tembusan, 1)],
    }
    isi = [
        md(f"Dengan hormat, bersama ini kami sampaikan Laporan Pengukuran Kinerja {periode.nama} "
           f"{kantor.instansi.nama} sebagai pelaksanaan Standar Operasional Prosedur Pengukuran "
           f"Kinerja dan bahan evaluasi rencana aksi."),
        md("Laporan telah diperiksa secara berjenjang oleh Kepala Subbagian Perencanaan dan "
           "Sekretaris Kecamatan, ditandatangani seluruh pegawai, dan disahkan oleh Camat."),
        md("Demikian untuk menjadikan periksa dan terima kasih."),
    ]
    return "\n".join([*blok_meta(meta), "", *(f"{p}\n" for p in isi)])


def _langkah(periode: Periode, nomor: int) -> Langkah | None:
    return next((j for j in periode.jadwal if j.langkah == nomor), None)


def _waktu(t: object) -> str:
    from datetime import datetime

    if isinstance(t, datetime):
        return f"{format_tanggal(t.date())} pukul {t:%H.%M}"
    return "…"


# Who orders whom, per SOP step that produces a disposition (from the SOP sheet's flow).
DISPOSISI = (
    (1, "camat", "sekcam", "Laksanakan pengukuran kinerja {periode} sesuai SOP."),
    (2, "sekcam", "kasubbag-perencanaan",
     "Susun formulir dan jadwal pengukuran kinerja {periode}, sampaikan kepada para Kasi."),
    (9, "camat", "sekcam",
     "Siapkan surat pengantar pengiriman Laporan Pengukuran Kinerja {periode}."),
)


def susun_disposisi(kantor: Kantor, periode: Periode, logo: str | None = None) -> str:
    langkah_sop = {ls.nomor: ls for ls in sop().langkah}
    lembar = []
    for n, (nomor, dari, kepada, isi) in enumerate(DISPOSISI, 1):
        jadwal = _langkah(periode, nomor)
        ls = langkah_sop[nomor]
        p_dari = next(iter(kantor.pemegang(dari)), None)
        p_kepada = next(iter(kantor.pemegang(kepada)), None)
        lembar.append({
            "dari": md(p_dari.jabatan if p_dari else NAMA_PERAN[dari]),
            "kepada": md(p_kepada.jabatan if p_kepada else NAMA_PERAN[kepada]),
            "agenda": md(f"{periode.id}/{nomor}"),
            "tanggal": md(_waktu(jadwal.mulai) if jadwal else "…"),
            "langkah": md(f"{nomor}. {ls.uraian}"),
            "hal": md(f"Pengukuran Kinerja {periode.nama}"),
            "isi": md(isi.format(periode=periode.nama)),
            "batas": md(_waktu(jadwal.selesai) if jadwal else "…"),
            "mutu": md(ls.mutu_baku),
            "penanda": md(p_dari.nama if p_dari else ""),
            "biasa": True,
            "akhir": n == len(DISPOSISI),
        })
    meta: dict[str, object] = {**meta_kop(kantor, logo), "lembar": lembar}
    return "\n".join([*blok_meta(meta), ""])


def _konteks(mulai: Path, tunjuk: str | None) -> tuple[Path, Kantor, Periode]:
    from kinerja.baca.muat import cari_akar, cari_periode, muat_repo

    akar = cari_akar(mulai)
    repo = muat_repo(akar)
    periode = cari_periode(repo, tunjuk)
    from kinerja.periksa import penghalang

    galat = penghalang(repo.temuan.temuan, tahun=periode.tahun,
                       folder=repo.rel(periode.folder), untuk="surat")
    if galat or repo.kantor is None:
        from kinerja.inti.errors import BerkasTidakValid

        raise BerkasTidakValid(tuple(galat))
    return akar, repo.kantor, periode


def buat_surat(mulai: Path, tunjuk: str | None, *, draf: bool, keluaran: Path | None = None,
               tanggal: date | None = None) -> HasilSurat:
    from kinerja.dokumen import render

    akar, kantor, periode = _konteks(mulai, tunjuk)
    if not draf:
        kurang = [k for k, v in (("nomor", periode.surat.nomor), ("kepada", periode.surat.kepada))
                  if not v]
        if kurang:
            raise KinerjaError(
                f"surat_pengantar.{kurang[0]} belum diisi; isi lalu ulangi, atau buat surat "
                "dengan --draf", berkas=periode.berkas)
    folder = akar / "build" / periode.id
    logo = salin_logo(akar, kantor, folder)
    teks = susun_surat(kantor, periode, draf=draf, tanggal=tanggal or date.today(), logo=logo)
    pdf = keluaran or folder / f"surat-pengantar-{periode.id}{'-draf' if draf else ''}.pdf"
    hasil = HasilSurat(render.pdf(teks, "surat", folder, "surat-pengantar", pdf.resolve()))
    if not draf:
        from kinerja.pengesahan.segel import tandai

        tandai(pdf, periode, "surat")
    return hasil


def buat_disposisi(mulai: Path, tunjuk: str | None, *,
                   keluaran: Path | None = None) -> HasilSurat:
    from kinerja.dokumen import render

    akar, kantor, periode = _konteks(mulai, tunjuk)
    folder = akar / "build" / periode.id
    logo = salin_logo(akar, kantor, folder)
    teks = susun_disposisi(kantor, periode, logo=logo)
    pdf = keluaran or folder / f"disposisi-{periode.id}.pdf"
    return HasilSurat(render.pdf(teks, "disposisi", folder, "disposisi", pdf.resolve()))
