"""The LKjIP's prose, checked with the yearly period it is approved with: every part written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kinerja.baca import prosa
from kinerja.inti import tata
from kinerja.inti.model import PerjanjianKinerja
from kinerja.inti.temuan import Lok, Temuan, temuan


def periksa_prosa(akar: Path, tahun: int, pk: PerjanjianKinerja, *,
                  lengkap: bool) -> Iterator[Temuan]:
    """The yearly period carries the LKjIP: its approval (``lengkap``) needs every part the
    office writes; and what the LKjIP cannot render is said whenever a part is there, before
    it prints as a line of symbols."""
    folder = prosa.folder(akar, tahun)
    wajib = {n for n, _ in prosa.prosa_wajib(pk)}
    for nama, untuk in prosa.semua_berkas(pk):
        path = folder / nama
        rel = f"{tata.folder_periode(tahun, 'tahunan')}/{tata.FOLDER_LKJIP}/{nama}"
        if not lengkap and not path.is_file():
            continue
        if path.is_symlink() or (path.exists() and not path.is_file()):
            yield temuan(Lok(rel), "lkjip-belum-ditulis",
                         f"{rel} bukan berkas teks biasa (tautan simbolik atau folder) dan tidak "
                         "dibaca; simpan uraiannya sebagai berkas .md")
            continue
        teks, salah = prosa.baca(akar, tahun, nama)
        if salah:
            yield from salah  # not UTF-8, too large: said as such
            continue
        for n, apa in prosa.tak_tampil(teks):
            yield temuan(Lok(rel, n, 1), "lkjip-tak-tampil",
                         f"{apa} tidak dimuat LKjIP dan akan tercetak sebagai teks biasa; LKjIP "
                         "memuat paragraf, daftar «- », subjudul «### », **tebal** dan *miring* "
                         "(tulis tabel sebagai daftar)")
        if nama not in wajib or not lengkap:
            continue
        if not prosa.tertulis(teks):
            yield temuan(Lok(rel), "lkjip-belum-ditulis",
                         f"{rel} ({untuk}) belum ditulis; LKjIP tahun ini disetujui bersama "
                         "periode tahunan, jadi setiap bagiannya harus ditulis (Markdown: paragraf, "
                         "daftar «- », subjudul «### »)")
