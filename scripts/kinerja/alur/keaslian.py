"""``kinerja verifikasi BERKAS.pdf``: is this printed document the one the Camat ratified?

The PDF's own words (its ``kinerja-…`` keywords) only say which document it claims to be. The
answer comes from the repository: the ratification proven from Git history (the one
``Pengesahan`` value, never a tag's word alone) and the document rebuilt from that sealed
version — the same version always renders to the same bytes, so a genuine file is identical
and any other file is not.
"""

from __future__ import annotations

import hashlib
import tempfile
from datetime import date
from pathlib import Path
from typing import Literal

from kinerja.baca import pdf as baca_pdf
from kinerja.baca.muat import cari_akar
from kinerja.dokumen import keaslian, lkjip_bahan, render
from kinerja.dokumen import laporan as laporan_
from kinerja.dokumen import surat as surat_
from kinerja.dokumen.renaksi import buat_dokumen, sidik_renaksi, sidik_renaksi_dari
from kinerja.inti import tata
from kinerja.inti.angka import format_tanggal
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import Periode
from kinerja.layanan import Potret, potret
from kinerja.pengesahan.catatan import sidik_versi

Keadaan = Literal["asli", "berbeda", "diganti", "draf", "belum-disahkan", "tidak-dikenal",
                  "bukan-kinerja"]


@beku
class HasilVerifikasi:
    berkas: str
    keadaan: Keadaan
    pesan: str
    sha256: str
    jenis: str | None = None
    rujukan: str | None = None
    versi: int | None = None
    segel: str | None = None

    @property
    def asli(self) -> bool:
        return self.keadaan == "asli"


def verifikasi(mulai: Path, berkas: Path) -> HasilVerifikasi:
    sha = _sha256(berkas)
    kata = baca_pdf.kata_kunci(berkas)
    nama = berkas.name
    if kata is None or kata.get("jenis") not in keaslian.NAMA_JENIS:
        return HasilVerifikasi(
            nama, "bukan-kinerja",
            f"{nama} tidak memuat tanda dokumen kinerja (jenis, periode, versi, sidik): bukan "
            "dokumen yang disusun kinerja, atau tandanya telah dihapus", sha)
    jenis: keaslian.JenisDokumen = kata["jenis"]  # type: ignore[assignment]
    rujukan = kata.get("rujukan", "")
    versi = int(kata["versi"]) if kata.get("versi", "").isdigit() else None
    segel = kata.get("segel")
    dasar = HasilVerifikasi(nama, "tidak-dikenal", "", sha, jenis, rujukan, versi, segel)
    judul = f"{keaslian.NAMA_JENIS[jenis]} {_nama(rujukan)}"
    if "draf" in kata:
        return _dengan(dasar, "draf", f"{nama} adalah DRAF {judul}, bukan dokumen yang "
                       "disahkan; hanya dokumen final (tanpa cap DRAF) yang dapat diverifikasi")
    akar = cari_akar(mulai)
    tahun = int(rujukan[:4]) if rujukan[:4].isdigit() else None
    if tahun is None or segel is None or versi is None:
        return _dengan(dasar, "tidak-dikenal", f"tanda dokumen di {nama} tidak lengkap; bukan "
                       "dokumen final kinerja")
    pt = potret(akar, tahun={tahun}, lengkap=True)
    lain = _kantor_lain(pt, berkas)
    if jenis == "renaksi":
        return _renaksi(pt, berkas, dasar, tahun, judul, kata.get("asal", ""), lain)
    ref = tata.baca_rujukan(rujukan)
    p = pt.periode(*ref) if ref is not None else None
    if p is None:
        return _dengan(dasar, "tidak-dikenal", f"{judul} tidak ada di repositori kantor ini"
                       + lain)
    if p.segel is not None and p.disahkan and segel == sidik_versi(p.segel) and versi == p.versi:
        return _bandingkan(pt, p, berkas, dasar, judul, lain)
    for r in p.revisi:
        if r.sidik == segel and r.versi == versi:
            kapan = f", disahkan {format_tanggal(r.disahkan.date())}" if r.disahkan else ""
            kini = (f"versi {p.versi} yang berlaku kini disahkan {_disahkan(p)}" if p.disahkan
                    else f"versi {p.versi} yang menggantikannya belum disahkan")
            return _dengan(dasar, "diganti", (
                f"{judul} versi {r.versi}{kapan}{' oleh ' + r.oleh if r.oleh else ''}, telah "
                f"diganti: revisi ke-{r.versi} dibuka"
                f"{' ' + format_tanggal(r.dibuka.date()) if r.dibuka else ''} dengan alasan: "
                f"{r.alasan}{f' (nomor {r.nomor})' if r.nomor else ''}; {kini}"))
    if not p.disahkan and versi == p.versi:
        return _dengan(dasar, "belum-disahkan", f"{judul} versi {versi} belum disahkan: "
                       f"{p.pengesahan.sebab or 'pengesahannya tidak terbukti di riwayat Git'}")
    return _dengan(dasar, "tidak-dikenal", f"sidik {segel[:16]}… tidak cocok dengan versi mana "
                   f"pun dari {judul} di repositori ini; dokumen ini bukan yang disahkan" + lain)


def _bandingkan(pt: Potret, p: Periode, berkas: Path, dasar: HasilVerifikasi,
                judul: str, lain: str) -> HasilVerifikasi:
    """The current ratified version: rebuilt, byte for byte."""
    assert dasar.jenis is not None
    with tempfile.TemporaryDirectory() as tmp:
        keluaran = Path(tmp) / "ulang.pdf"
        _susun_ulang(pt, p, dasar.jenis, keluaran)
        sama = keluaran.read_bytes() == berkas.read_bytes()
    uraian = f"{judul} versi {p.versi}, disahkan {_disahkan(p)}"
    if sama:
        return _dengan(dasar, "asli", f"asli — identik dengan {uraian}")
    return _dengan(dasar, "berbeda", (
        f"{berkas.name} menyebut {uraian}, tetapi isinya berbeda dari dokumen yang disusun dari "
        "versi itu: berkas ini telah diubah (atau dibuat ulang oleh versi kinerja lain); "
        "mintalah salinan dari arsip kantor" + lain))


def _susun_ulang(pt: Potret, p: Periode, jenis: str, keluaran: Path) -> None:
    if jenis == "laporan":
        with render.Pandoc("laporan") as proses:
            laporan_.buat(pt, p, proses, draf=False, keluaran=keluaran)
    elif jenis == "surat":
        surat_.buat_surat(pt, p, draf=False, keluaran=keluaran)
    else:
        with render.Pandoc("dokumen") as proses:
            lkjip_bahan.buat(pt, p.tahun, proses, draf=False, keluaran=keluaran)


def _renaksi(pt: Potret, berkas: Path, dasar: HasilVerifikasi, tahun: int, judul: str,
             asal: str, lain: str) -> HasilVerifikasi:
    """The Rencana Aksi: the plan as it stands (rebuilt and compared), or an earlier one."""
    for tanda_tangan in (True, False):
        if asal == sidik_renaksi(pt.akar, tahun, tanda_tangan=tanda_tangan):
            with tempfile.TemporaryDirectory() as tmp:
                keluaran = Path(tmp) / "ulang.pdf"
                buat_dokumen(pt, tahun, keluaran=keluaran, tanda_tangan=tanda_tangan)
                sama = keluaran.read_bytes() == berkas.read_bytes()
            salinan = "" if tanda_tangan else " (salinan umum tanpa tanda tangan)"
            if sama:
                return _dengan(dasar, "asli", f"asli — identik dengan {judul}{salinan} yang "
                               "berlaku")
            return _dengan(dasar, "berbeda", f"{berkas.name} menyebut {judul}{salinan} yang "
                           "berlaku, tetapi isinya berbeda dari dokumen yang disusun darinya: "
                           "berkas ini telah diubah")
    lama = _renaksi_lama(pt, tahun, asal)
    if lama is not None:
        return _dengan(dasar, "diganti", f"{judul} sebagaimana tercatat pada "
                       f"{format_tanggal(lama)}; Rencana Aksi itu telah diubah sesudahnya, "
                       "jadi dokumen ini bukan yang berlaku")
    return _dengan(dasar, "tidak-dikenal", f"sidik dokumen ini tidak cocok dengan {judul} di "
                   "repositori ini, yang berlaku maupun yang lama" + lain)


def _renaksi_lama(pt: Potret, tahun: int, asal: str) -> date | None:
    """The day of the commit whose plan (with its office and PK) the document was made from."""
    if pt.pemeriksa is None:
        return None
    g = pt.pemeriksa.g
    jalur = (tata.BERKAS_KANTOR, tata.berkas_pk(tahun), tata.berkas_renaksi(tahun))
    for sha, c in reversed(list(g.commit.items())):
        if not any(p in jalur for _, p in g.berubah.get(sha, ())):
            continue
        isi = tuple(g.objek(f"{sha}:{rel}") or b"" for rel in jalur)
        if asal in (sidik_renaksi_dari(*isi, tanda_tangan=True),
                    sidik_renaksi_dari(*isi, tanda_tangan=False)):
            zona = pt.kantor.zona if pt.kantor is not None else None
            return c.waktu.astimezone(zona).date()
    return None


def _kantor_lain(pt: Potret, berkas: Path) -> str:
    """Said when the document names another office than this repository's."""
    penulis = baca_pdf.penulis(berkas)
    if pt.kantor is None or not penulis or penulis == pt.kantor.instansi.nama:
        return ""
    return f"; dokumen ini disusun untuk «{penulis}», bukan {pt.kantor.instansi.nama}"


def _disahkan(p: Periode) -> str:
    camat = next((c for c in p.riwayat if c.peran == "camat"), None)
    if camat is None:
        return ""
    return f"{camat.nama} pada {format_tanggal(camat.waktu.date())}"


def _nama(rujukan: str) -> str:
    ref = tata.baca_rujukan(rujukan)
    if ref is None:
        return f"Tahun {rujukan}" if rujukan.isdigit() else rujukan
    from kinerja.inti.model import NAMA_PERIODE

    return f"{NAMA_PERIODE[ref[1]]} Tahun {ref[0]}" if ref[1] != "tahunan" else f"Tahun {ref[0]}"


def _dengan(h: HasilVerifikasi, keadaan: Keadaan, pesan: str) -> HasilVerifikasi:
    return HasilVerifikasi(h.berkas, keadaan, pesan, h.sha256, h.jenis, h.rujukan, h.versi,
                           h.segel)


def _sha256(berkas: Path) -> str:
    try:
        with berkas.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError as e:
        raise KinerjaError(f"{berkas} tidak dapat dibaca ({e.strerror})") from e
