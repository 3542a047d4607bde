"""The archive's side of a printed document's proof: each ratified version's verification block
(the seal's digest, who ratified it when, each published PDF with its SHA-256; for a superseded
version, the revision that replaced it), a JSON index of every document and version the archive
publishes, and the page where a citizen drops a PDF to check it — in the browser, offline, no
upload (``content/js/keaslian.js``)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kinerja.dokumen.keaslian import NAMA_JENIS, JenisDokumen, jangkar
from kinerja.inti.angka import format_tanggal
from kinerja.inti.beku import beku
from kinerja.inti.model import Periode
from kinerja.pengesahan.catatan import sidik_versi
from kinerja.situs.html import aman, h, kepala_halaman

INDEKS = "keaslian.json"  # beside the archive's index page
HALAMAN = "keaslian"  # the checker's page, under the archive


@beku
class Unduhan:
    """A published PDF: its name beside the page, its link text, its bytes' SHA-256, and the
    document and version it is."""

    nama: str
    judul: str
    sha256: str
    jenis: JenisDokumen
    versi: int


def sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _kode(teks: str) -> str:
    return f"<code>{h(teks)}</code>"


def blok_periode(p: Periode, unduh: tuple[Unduhan, ...], zona: object) -> list[str]:
    """The period page's «Keaslian dokumen»: one block per version, the current first, each
    with the id a printed document's QR code leads to (``#versi-N``)."""
    baris = ["## Keaslian dokumen", "",
             "Setiap dokumen final mencetak kode QR, versi, tanggal pengesahan, dan awal sidik "
             "segelnya. Cocokkan dengan blok versinya di bawah, atau "
             "[periksa berkas PDF-nya](../../keaslian/index.md) — berkas diperiksa di peramban Anda, "
             "tidak diunggah.", ""]
    camat = p.pengesahan.camat
    if p.disahkan and p.segel is not None:
        kapan = (f"Disahkan {aman(camat.nama)} pada "
                 f"{format_tanggal(camat.waktu.astimezone(zona).date())}. "  # type: ignore[arg-type]
                 if camat else "")
        baris += [f'<h3 id="versi-{p.versi}">Versi {p.versi} — berlaku</h3>', "",
                  f"{kapan}Sidik segel: {_kode(sidik_versi(p.segel))}", ""]
        baris += _tabel([u for u in unduh if u.versi == p.versi])
    for r in reversed(p.revisi):
        kapan = (f"Disahkan {aman(r.oleh)} pada {format_tanggal(r.disahkan.date())}. "
                 if r.disahkan and r.oleh else "")
        dibuka = f" pada {format_tanggal(r.dibuka.date())}" if r.dibuka else ""
        baris += [f'<h3 id="versi-{r.versi}">Versi {r.versi} — diganti</h3>', "",
                  f"{kapan}Sidik segel: {_kode(r.sidik)}", "",
                  f"Diganti oleh revisi ke-{r.versi}, dibuka{dibuka} dengan alasan: "
                  f"{aman(r.alasan)}{f' (nomor {aman(r.nomor)})' if r.nomor else ''}.", ""]
        baris += _tabel([u for u in unduh if u.versi == r.versi])
    return baris


def _tabel(unduh: list[Unduhan]) -> list[str]:
    if not unduh:
        return []
    baris = ["<table>", "<thead><tr><th>Dokumen</th><th>SHA-256 berkas PDF</th></tr></thead>",
             "<tbody>"]
    baris += [f'<tr><td><a href="{h(u.nama)}">{h(u.judul)}</a></td><td>{_kode(u.sha256)}</td>'
              "</tr>" for u in unduh]
    return [*baris, "</tbody>", "</table>", ""]


def baris_tahun(jenis: JenisDokumen, segel: str, u: Unduhan | None) -> list[str]:
    """The year page's line for its LKjIP or Rencana Aksi, with the id its QR code leads to."""
    isi = f"Sidik segel: {_kode(segel)}" if jenis == "lkjip" else f"Sidik sumber: {_kode(segel)}"
    if u is not None:
        isi += f"; SHA-256 berkas PDF: {_kode(u.sha256)}"
    return [f'<p id="{jangkar(jenis, 1)}">Keaslian: {isi}. '
            '<a href="../keaslian/">Periksa berkas PDF</a>.</p>', ""]


class Indeks:
    """Every document and version the archive publishes, for the checker page."""

    def __init__(self, kantor: str) -> None:
        self.kantor = kantor
        self.dokumen: dict[str, dict[str, object]] = {}
        self.segel: dict[str, dict[str, object]] = {}

    def periode(self, p: Periode, unduh: tuple[Unduhan, ...]) -> None:
        halaman = f"{p.tahun}/{p.kode}/"
        if p.disahkan and p.segel is not None:
            self.segel[sidik_versi(p.segel)] = {
                "judul": f"Pengukuran Kinerja {p.nama}", "versi": p.versi, "berlaku": True,
                "halaman": f"{halaman}#versi-{p.versi}"}
        for r in p.revisi:
            self.segel[r.sidik] = {
                "judul": f"Pengukuran Kinerja {p.nama}", "versi": r.versi, "berlaku": False,
                "halaman": f"{halaman}#versi-{r.versi}",
                "keterangan": f"diganti oleh revisi ke-{r.versi}: {r.alasan}"}
        for u in unduh:
            self.catat(u, f"{NAMA_JENIS[u.jenis]} {p.nama}", f"{halaman}#versi-{u.versi}",
                        berlaku=u.versi == p.versi)

    def catat(self, u: Unduhan, judul: str, halaman: str, *, berlaku: bool = True) -> None:
        self.dokumen[u.sha256] = {"judul": judul, "versi": u.versi, "berlaku": berlaku,
                                  "halaman": halaman, "berkas": u.nama}

    def tahun(self, jenis: JenisDokumen, th: int, segel: str) -> None:
        self.segel[segel] = {"judul": f"{NAMA_JENIS[jenis]} Tahun {th}", "versi": 1,
                             "berlaku": True, "halaman": f"{th}/#{jangkar(jenis, 1)}"}

    def json(self) -> str:
        return json.dumps({"kantor": self.kantor, "dokumen": self.dokumen, "segel": self.segel},
                          ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def halaman_periksa(kantor: str) -> str:
    """The page «Periksa keaslian dokumen»: a file chosen here is read by the browser, its
    SHA-256 computed there (Web Crypto) and looked up in the archive's index."""
    return "\n".join([
        *kepala_halaman("Periksa keaslian dokumen"), "",
        f"Pilih berkas PDF laporan, surat pengantar, LKjIP, atau Rencana Aksi {aman(kantor)}. "
        "Berkas dibaca oleh peramban Anda saja — tidak diunggah ke mana pun — lalu sidik "
        "SHA-256-nya dicocokkan dengan daftar dokumen yang pernah diterbitkan arsip ini.", "",
        '<div class="periksa-keaslian">',
        '<label for="berkas-pdf">Berkas PDF</label>',
        '<input type="file" id="berkas-pdf" accept="application/pdf,.pdf">',
        '<p id="hasil-keaslian" role="status" aria-live="polite"></p>',
        "</div>",
        '<noscript><p>Halaman ini memerlukan JavaScript. Tanpa JavaScript, hitung SHA-256 '
        "berkas Anda (misalnya <code>sha256sum berkas.pdf</code>) dan cari di "
        f'<a href="../{INDEKS}">daftar dokumen</a>.</p></noscript>',
        '<script src="../../js/keaslian.js" defer></script>', "",
        "Kode QR pada dokumen cetak membuka blok keaslian versinya di halaman periode. Dokumen "
        "yang cocok di sini sama byte demi byte dengan yang diterbitkan; pemeriksaan "
        "selengkapnya terhadap riwayat Git kantor: `kinerja verifikasi berkas.pdf`.", ""])
