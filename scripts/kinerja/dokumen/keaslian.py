"""The proof a printed document carries (SOP steps 8–10): a QR code and, in words, which ratified
version it is — period, version, the ratification's date and the seal's digest — beside the
signature and small in every page's footer; and the same facts in the PDF's own metadata.

The QR code leads to that version's verification block on the office's public archive (when its
address is known) with the seal's digest; without an address it still carries the period, the
version and the digest. Drafts carry none: a draft never passes for a ratified document.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from kinerja.dokumen import render
from kinerja.dokumen.render import MetaPdf
from kinerja.inti import berkas, tata
from kinerja.inti.angka import format_tanggal
from kinerja.inti.beku import beku
from kinerja.inti.model import Periode
from kinerja.pengesahan.catatan import sidik_versi

JenisDokumen = Literal["laporan", "surat", "lkjip", "renaksi"]
NAMA_JENIS: dict[JenisDokumen, str] = {
    "laporan": "Laporan Pengukuran Kinerja",
    "surat": "Surat Pengantar Laporan Pengukuran Kinerja",
    "lkjip": "Laporan Kinerja Instansi Pemerintah (LKjIP)",
    "renaksi": "Rencana Aksi",
}


@beku
class Keaslian:
    """What one final document says of itself, printed and in its QR code."""

    jenis: JenisDokumen
    rujukan: str  # «2026-tw3»; the year («2026») for the Rencana Aksi
    nama: str  # «Triwulan III Tahun 2026»
    versi: int
    segel: str  # SHA-256 of the sealed version (of the plan's sources for the Rencana Aksi)
    disahkan: date | None  # the Camat's ratification (None: the Rencana Aksi's date)
    oleh: str  # who ratified (or signs)
    url: str | None  # the version's verification block on the public archive

    @property
    def jangkar(self) -> str:
        """Where on the archive's page this document's verification block stands."""
        return jangkar(self.jenis, self.versi)

    @property
    def isi_qr(self) -> str:
        if self.url:
            return f"{self.url}?sidik={self.segel}#{self.jangkar}"
        return f"KINERJA {self.jenis} {self.rujukan} versi {self.versi} sidik {self.segel}"

    @property
    def sidik_pendek(self) -> str:
        """The digest as printed: four groups of four, enough to compare by eye."""
        return " ".join(self.segel[i:i + 4] for i in range(0, 16, 4))

    @property
    def uraian(self) -> str:
        kapan = (f", disahkan {format_tanggal(self.disahkan)} oleh {self.oleh}"
                 if self.disahkan else f", ditandatangani {self.oleh}" if self.oleh else "")
        return f"{NAMA_JENIS[self.jenis]} {self.nama}, versi {self.versi}{kapan}"


def jangkar(jenis: JenisDokumen, versi: int) -> str:
    """The id of a document's verification block on the archive (shared with the site)."""
    return {"lkjip": "keaslian-lkjip", "renaksi": "keaslian-rencana-aksi"}.get(
        jenis, f"versi-{versi}")


def url_arsip(alamat: str | None, tahun: int, kode: str | None) -> str | None:
    """The page of a period (or of a year) on the public archive at ``alamat``."""
    if not alamat:
        return None
    return alamat.rstrip("/") + "/" + tata.jalan_arsip(tahun, kode)


def untuk_periode(p: Periode, jenis: JenisDokumen, alamat: str | None) -> Keaslian | None:
    """The proof of a ratified period's document; None when the period is not ratified."""
    if not p.disahkan or p.segel is None:
        return None
    camat = next((c for c in p.riwayat if c.peran == "camat"), None)
    return Keaslian(jenis, p.id, p.nama, p.versi, sidik_versi(p.segel),
                    camat.waktu.date() if camat else None, camat.nama if camat else "",
                    url_arsip(alamat, p.tahun, None if p.kode == "tahunan" and jenis == "lkjip"
                              else p.kode))


def kata_kunci(jenis: JenisDokumen, rujukan: str, asal: str | None,
               k: Keaslian | None) -> tuple[str, ...]:
    """The PDF's keywords: what it is and what it was made from (``asal``: the digest of every
    input the bytes depend on); for a final document, the version and the seal; for a draft,
    that it is one."""
    kata = ["kinerja", f"kinerja-jenis:{jenis}", f"kinerja-rujukan:{rujukan}"]
    if asal:
        kata.append(f"kinerja-asal:{asal}")
    if k is None:
        kata.append("kinerja-draf:ya")
    else:
        kata += [f"kinerja-versi:{k.versi}", f"kinerja-segel:{k.segel}"]
    return tuple(kata)


def tulis_qr(k: Keaslian, folder: Path, nama: str) -> str:
    """The QR code as an SVG beside the document's Markdown; returns its file name."""
    import io

    import segno  # only the commands that print a final document pay for it

    keluar = io.BytesIO()
    segno.make(k.isi_qr, error="m", micro=False).save(
        keluar, kind="svg", scale=4, border=2, xmldecl=False, svgclass=None, lineclass=None)
    berkas.tulis(folder / nama, keluar.getvalue())
    return nama


def _qr_nanti(k: Keaslian, folder: Path, nama: str) -> str:
    """The QR code's file name now; the file itself is drawn while pandoc converts (importing
    and running the encoder is ~60 ms), and is there before Typst compiles."""
    render.latar(lambda: tulis_qr(k, folder, nama))
    return nama


def meta(k: Keaslian, folder: Path, jenis: str) -> dict[str, object]:
    """The template's ``keaslian`` variable (``keaslian.typ``): the QR code's file, written
    beside the document, and the words printed with it."""
    from kinerja.dokumen.md import md

    periksa = (f"Periksa keasliannya dengan memindai kode ini, di {k.url}, atau dengan "
               "«kinerja verifikasi» pada berkas PDF-nya." if k.url else
               "Periksa keasliannya dengan «kinerja verifikasi» pada berkas PDF-nya, atau "
               "bandingkan sidik ini dengan arsip kantor.")
    return {
        "qr": _qr_nanti(k, folder, f"qr-{jenis}.svg"),
        "versi": str(k.versi),
        "tanggal": md(format_tanggal(k.disahkan)) if k.disahkan else "",
        "sidik": k.sidik_pendek,
        "uraian": md(k.uraian),
        "periksa": md(periksa),
    }


def lampiran(k: Keaslian | None, folder: Path, jenis: str) -> str:
    """A metadata block for the end of the document's Markdown (pandoc merges every block)
    that sets the template's ``keaslian``; nothing for a draft."""
    if k is None:
        return ""
    from kinerja.dokumen.md import blok_meta

    return "\n" + "\n".join(blok_meta({"keaslian": meta(k, folder, jenis)})) + "\n"


def meta_pdf(judul: str, penulis: str, tanggal: date, jenis: JenisDokumen, rujukan: str,
             asal: str | None, k: Keaslian | None) -> MetaPdf:
    return MetaPdf(judul, penulis, tanggal, kata_kunci(jenis, rujukan, asal, k))
