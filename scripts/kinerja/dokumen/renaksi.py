"""The Rencana Aksi document: PDF with the office's letterhead, signed by the Camat
(``kinerja renaksi TAHUN``)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from kinerja.dokumen import keaslian, render
from kinerja.dokumen.md import blok_meta, md, meta_kop, pemisah, penanda, sel
from kinerja.inti import tata
from kinerja.inti.angka import format_tanggal
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import TRIWULAN, Kantor, PerjanjianKinerja, RencanaAksi
from kinerja.layanan import Potret
from kinerja.ukur.rekap import teks_target


def susun_dokumen(kantor: Kantor, pk: PerjanjianKinerja, ra: RencanaAksi, *, tanggal: date,
                  logo: str | None = None, tanda_tangan: bool = True) -> str:
    """The Rencana Aksi document: per sasaran, each indicator with its quarterly targets and
    the actions planned, who is in charge, and what they should produce. ``tanda_tangan``: with
    the Camat's signature block, for the copy printed and signed by hand; without it, the copy
    the public archive offers (kinerja does not ratify the plan, so nothing published may
    look signed)."""
    meta: dict[str, object] = {
        **meta_kop(kantor, logo),
        **(penanda(kantor, "camat") if tanda_tangan else {}),
        "title": md(f"RENCANA AKSI TAHUN {pk.tahun}"),
        "subtitle": md(f"{kantor.instansi.nama}, "
                       f"{kantor.instansi.pemerintah.removeprefix('Pemerintah ')}"),
        "judul_pendek": md(f"Rencana Aksi {pk.tahun}"),
        "tanggal": md(format_tanggal(tanggal)),
    }
    baris = [*blok_meta(meta), "",
             md(f"Rencana Aksi ini menjabarkan Perjanjian Kinerja Tahun {pk.tahun} "
                f"{kantor.instansi.nama} menjadi aksi per triwulan, dengan penanggung jawab dan "
                "keluaran setiap aksi. Pelaksanaannya dievaluasi setiap triwulan dalam "
                "pengukuran kinerja."), ""]
    if not tanda_tangan:
        baris += [md(f"Salinan data Rencana Aksi dari repositori {kantor.instansi.nama}, untuk "
                     "dibaca umum. Rencana Aksi yang ditandatangani Camat disimpan kantor; "
                     "capaian setiap aksinya dievaluasi dalam pengukuran kinerja triwulan yang "
                     "disahkan."), ""]
    for s in pk.sasaran:
        baris += [f"# {md(s.kode)} {md(s.uraian)}", ""]
        for ind in s.indikator:
            target = " · ".join(f"TW {['I', 'II', 'III', 'IV'][n]} "
                                f"{teks_target(ind.target_periode(x))}"
                                for n, x in enumerate(TRIWULAN))
            baris += [f"## {md(ind.kode)} {md(ind.uraian)}", "",
                      md(f"Target tahunan {teks_target(ind.target)} {ind.satuan}; {target}."),
                      ""]
            aksi = [a for a in ra.aksi if a.indikator == ind.kode]
            if not aksi:
                baris += ["*Belum ada aksi.*", ""]
                continue
            baris += ["| Kode | Aksi | Triwulan | Penanggung jawab | Keluaran |",
                      pemisah((12, 36, 12, 20, 20), "lllll")]
            for a in aksi:
                orang = kantor.pegawai_id(a.penanggung_jawab)
                tw = ", ".join(["I", "II", "III", "IV"][TRIWULAN.index(x)] for x in a.triwulan
                               if x in TRIWULAN)
                baris.append("| " + " | ".join([
                    sel(a.kode), sel(a.uraian), sel(tw),
                    sel(orang.jabatan if orang else a.penanggung_jawab), sel(a.keluaran)]) + " |")
            baris.append("")
    return "\n".join(baris).rstrip("\n") + "\n"


def sidik_renaksi(akar: Path, tahun: int, *, tanda_tangan: bool = True) -> str:
    """What the Rencana Aksi document is made from: the plan, the PK and the office, byte for
    byte, and which copy it is (signed or public). Written into the PDF, so a stale one, or
    the other copy, is known for what it is."""
    isi = [(akar / rel).read_bytes() if (akar / rel).is_file() else b"" for rel in
           (tata.BERKAS_KANTOR, tata.berkas_pk(tahun), tata.berkas_renaksi(tahun))]
    return sidik_renaksi_dari(*isi, tanda_tangan=tanda_tangan)


def sidik_renaksi_dari(kantor: bytes, pk: bytes, renaksi: bytes, *,
                       tanda_tangan: bool = True) -> str:
    """The same digest from the three files' bytes (as a commit holds them)."""
    h = hashlib.sha256(b"" if tanda_tangan else b"salinan umum\0")
    for isi in (kantor, pk, renaksi):
        h.update(isi)
        h.update(b"\0")
    return h.hexdigest()


def nama_pdf(tahun: int, *, tanda_tangan: bool = True) -> str:
    return f"rencana-aksi-{tahun}.pdf" if tanda_tangan else f"rencana-aksi-{tahun}-salinan.pdf"


def buat_dokumen(pt: Potret, tahun: int, *, tanggal: date | None = None,
                 keluaran: Path | None = None, tanda_tangan: bool = True) -> Path:
    kantor, pk = pt.siap(None, tahun=tahun, untuk="buat")
    ra = pt.renaksi(tahun)
    galat = tuple(x for x in pt.temuan if x.galat and x.berkas == tata.berkas_renaksi(tahun))
    if galat:
        raise BerkasTidakValid(galat)
    if pk is None:
        raise KinerjaError(f"Perjanjian Kinerja {tahun} belum ada; buat {tata.berkas_pk(tahun)} "
                           "terlebih dahulu")
    if ra is None:
        raise KinerjaError(f"{tata.berkas_renaksi(tahun)} belum ada; buat kerangkanya dengan "
                           f"«kinerja renaksi baru {tahun}»")
    folder = pt.akar / "build" / str(tahun)
    logo = render.salin_logo(pt.akar, kantor, folder)
    # Dated as committed (a plan rendered again later is the same document, byte for byte).
    versi, diubah = pt.versi_berkas(tata.berkas_renaksi(tahun))
    hari = tanggal or diubah or date.today()
    camat = next(iter(kantor.pemegang("camat")), None)
    sidik = sidik_renaksi(pt.akar, tahun, tanda_tangan=tanda_tangan)
    asli = keaslian.Keaslian("renaksi", str(tahun), f"Tahun {tahun}", versi, sidik, None,
                             camat.nama if camat and tanda_tangan else "",
                             keaslian.url_arsip(pt.alamat_arsip(), tahun, None))
    teks = susun_dokumen(kantor, pk, ra, tanggal=hari, logo=logo, tanda_tangan=tanda_tangan)
    teks += keaslian.lampiran(asli, folder, "renaksi" if tanda_tangan else "renaksi-salinan")
    pdf = keluaran or folder / nama_pdf(tahun, tanda_tangan=tanda_tangan)
    return render.pdf(teks, "dokumen", folder,
                      "rencana-aksi" if tanda_tangan else "rencana-aksi-salinan", pdf.resolve(),
                      meta=keaslian.meta_pdf(f"Rencana Aksi Tahun {tahun}", kantor.instansi.nama,
                                             hari, "renaksi", str(tahun), sidik, asli))
