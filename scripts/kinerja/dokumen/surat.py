"""The cover letter (surat pengantar, SOP step 10) and the disposition sheets (steps 1, 2, 9).

Both take their facts from the period's own records — ``periode.yml`` (letter number, addressee,
schedule) and the SOP data — and are rendered through the same pandoc → Typst pipeline as the
report, with the same letterhead.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from kinerja.dokumen import keaslian, render
from kinerja.dokumen.md import blok_meta, md, meta_kop, penanda
from kinerja.inti.angka import format_tanggal
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import Kantor, Langkah, Periode
from kinerja.inti.sop import NAMA_PERAN, sop
from kinerja.layanan import Potret
from kinerja.pengesahan.segel import sidik_dokumen


@beku
class HasilSurat:
    pdf: Path


def susun_surat(kantor: Kantor, periode: Periode, *, draf: bool, tanggal: date,
                logo: str | None = None) -> str:
    s = periode.surat
    hal = s.hal or f"Laporan Pengukuran Kinerja {periode.nama}"
    meta: dict[str, object] = {
        **meta_kop(kantor, logo),
        **penanda(kantor, "camat", kosong="…"),
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


def _siap(pt: Potret, p: Periode) -> Kantor:
    kantor, _ = pt.siap(p, untuk="surat")
    return kantor


def buat_surat(pt: Potret, p: Periode, *, draf: bool, keluaran: Path | None = None,
               tanggal: date | None = None) -> HasilSurat:
    kantor = _siap(pt, p)
    if not draf:
        kurang = [k for k, v in (("nomor", p.surat.nomor), ("kepada", p.surat.kepada))
                  if not v]
        if kurang:
            raise KinerjaError(
                f"surat_pengantar.{kurang[0]} belum diisi; isi lalu ulangi, atau buat surat "
                "dengan --draf", berkas=p.berkas)
    folder = pt.akar / "build" / p.id
    logo = render.salin_logo(pt.akar, kantor, folder)
    # The letter's own date, else the ratification's: the same letter renders to the same bytes.
    sah = next((c.waktu.astimezone(kantor.zona).date() for c in p.riwayat
                if c.peran == "camat"), None)
    hari = p.surat.tanggal or tanggal or sah or date.today()
    asli = None if draf else keaslian.untuk_periode(p, "surat", pt.alamat_arsip())
    teks = susun_surat(kantor, p, draf=draf, tanggal=hari, logo=logo)
    teks += keaslian.lampiran(asli, folder, "surat")
    pdf = keluaran or folder / f"surat-pengantar-{p.id}{'-draf' if draf else ''}.pdf"
    meta = keaslian.meta_pdf(f"Surat Pengantar Laporan Pengukuran Kinerja {p.nama}",
                             kantor.instansi.nama, hari, "surat", p.id,
                             None if draf else sidik_dokumen(p, "surat"), asli)
    return HasilSurat(render.pdf(teks, "surat", folder, "surat-pengantar", pdf.resolve(),
                                 meta=meta))


def buat_disposisi(pt: Potret, p: Periode, *, keluaran: Path | None = None) -> HasilSurat:
    kantor = _siap(pt, p)
    folder = pt.akar / "build" / p.id
    logo = render.salin_logo(pt.akar, kantor, folder)
    teks = susun_disposisi(kantor, p, logo=logo)
    pdf = keluaran or folder / f"disposisi-{p.id}.pdf"
    meta = render.MetaPdf(f"Lembar Disposisi {p.nama}", kantor.instansi.nama,
                          p.mulai or date.today(), ("kinerja", "kinerja-jenis:disposisi",
                                                    f"kinerja-rujukan:{p.id}"))
    return HasilSurat(render.pdf(teks, "disposisi", folder, "disposisi", pdf.resolve(),
                                 meta=meta))
