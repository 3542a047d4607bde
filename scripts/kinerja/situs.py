"""The public archive: plain Markdown pages (and inline SVG) for MkDocs Material or Zensical.

Only ratified periods are published (``Periode.disahkan``: the three approvals recorded in
``riwayat.yml``). Pages are written under ``content/arsip/`` — regenerated every build, ignored by
Git — and only rewritten when their text changes, so incremental builds stay cheap. People's text
is HTML-escaped and Markdown-escaped: a ``<script>`` in an explanation shows as text.
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from kinerja import grafik
from kinerja.angka import format_persen, format_rupiah, format_tanggal
from kinerja.errors import BerkasTidakValid, KinerjaError
from kinerja.model import NAMA_PERIODE, PERIODE, Indikator, Kantor, Periode, PerjanjianKinerja
from kinerja.rekap import Rekap, susun, teks_nilai, teks_target
from kinerja.repo import Repo, cari_akar, muat_repo
from kinerja.sop import NAMA_PERAN, sop

# Exactly the characters Python-Markdown (with the tables extension) unescapes; escaping any
# other would leave a visible backslash.
_MD = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def aman(teks: str) -> str:
    """Literal text inside a Markdown page (tables included): HTML first, then Markdown."""
    return _MD.sub(r"\\\1", html.escape(" ".join(teks.split()), quote=True))


def slug(kode: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", kode.lower()).strip("-") or "indikator"


def _persen(x: float | None) -> str:
    return "–" if x is None else format_persen(x)


def _kategori(nama: str | None) -> str:
    if not nama:
        return "–"
    return f'<span class="kategori kategori-{slug(nama)}">{html.escape(nama)}</span>'


@dataclass(frozen=True)
class HasilSitus:
    halaman: int  # pages generated
    ditulis: int  # pages whose text changed
    pdf: int  # PDFs copied
    periode: tuple[str, ...]  # ratified periods published


class _Penulis:
    """Writes pages only when their text changed; remembers every path it produced."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.dibuat: set[Path] = set()
        self.ditulis = 0

    def tulis(self, rel: str, teks: str) -> None:
        path = self.folder / rel
        self.dibuat.add(path)
        try:
            if path.read_text(encoding="utf-8") == teks:
                return
        except OSError:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(teks, encoding="utf-8", newline="\n")
        self.ditulis += 1

    def salin(self, sumber: Path, rel: str) -> None:
        path = self.folder / rel
        self.dibuat.add(path)
        if path.exists() and path.stat().st_size == sumber.stat().st_size and \
                path.stat().st_mtime >= sumber.stat().st_mtime:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(sumber, path)

    def bersihkan(self) -> None:
        """Remove what an earlier run generated and this one did not (an unratified period)."""
        for path in sorted(self.folder.rglob("*"), reverse=True):
            if path.is_file() and path not in self.dibuat:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


@dataclass(frozen=True)
class _Terbit:
    periode: Periode
    pk: PerjanjianKinerja
    rekap: Rekap


def bangun(mulai: Path, *, pdf: bool = False) -> HasilSitus:
    akar = cari_akar(mulai)
    repo = muat_repo(akar)
    if repo.kantor is None:
        raise BerkasTidakValid(tuple(repo.temuan.temuan)) if repo.temuan.temuan else \
            KinerjaError("kinerja.yml tidak dapat dibaca")
    kantor = repo.kantor
    terbit = _yang_disahkan(repo, kantor)
    penulis = _Penulis(akar / "content" / "arsip")
    n_pdf = 0
    for t in terbit:
        n_pdf += _halaman_periode(penulis, akar, kantor, t, pdf=pdf)
    _halaman_tahun(penulis, kantor, repo, terbit)
    _halaman_indikator(penulis, kantor, terbit)
    _halaman_sop(penulis)
    _ringkasan(penulis, kantor, terbit)
    penulis.bersihkan()
    return HasilSitus(len([p for p in penulis.dibuat if p.suffix == ".md"]), penulis.ditulis,
                      n_pdf, tuple(t.periode.id for t in terbit))


def _yang_disahkan(repo: Repo, kantor: Kantor) -> list[_Terbit]:
    hasil = []
    for t in sorted(repo.tahun):
        tahun = repo.tahun[t]
        if tahun.pk is None:
            continue
        for kode in PERIODE:
            p = tahun.periode.get(kode)
            if p is None or not p.disahkan:
                continue
            folder = repo.rel(p.folder) + "/"
            galat = [x for x in repo.temuan.temuan if x.galat and x.berkas.startswith(folder)]
            if galat:
                raise BerkasTidakValid(tuple(galat))  # a ratified period must stay valid
            hasil.append(_Terbit(p, tahun.pk, susun(kantor, tahun.pk, p, tahun.periode)))
    return hasil


def _tabel(kepala: list[str], rata: str, baris: list[list[str]]) -> list[str]:
    pemisah = ["---:" if r == "r" else ":---" for r in rata]
    return ["| " + " | ".join(kepala) + " |", "| " + " | ".join(pemisah) + " |",
            *("| " + " | ".join(b) + " |" for b in baris)]


def _tautan_bukti(bukti: str) -> str:
    if re.match(r"https?://", bukti, re.IGNORECASE):
        return f'<a href="{html.escape(bukti, quote=True)}" rel="nofollow noopener">{aman(bukti)}</a>'
    return f"<code>{html.escape(bukti)}</code>"


def _halaman_periode(penulis: _Penulis, akar: Path, kantor: Kantor, t: _Terbit, *,
                     pdf: bool) -> int:
    p, rekap = t.periode, t.rekap
    rel = f"{p.tahun}/{p.kode}"
    camat = next((c for c in p.riwayat if c.peran == "camat"), None)
    baris = [f"# Pengukuran Kinerja {p.nama}", ""]
    if camat:
        baris += [f"Disahkan oleh {aman(camat.nama)} pada {format_tanggal(camat.waktu.date())}.", ""]
    unduh = []
    n_pdf = 0
    for nama, judul in ((f"laporan-pengukuran-kinerja-{p.id}.pdf", "Laporan (PDF)"),
                        (f"surat-pengantar-{p.id}.pdf", "Surat pengantar (PDF)")):
        sumber = akar / "build" / p.id / nama
        if not sumber.is_file() and pdf:
            _buat_pdf(akar, p, nama)
        if sumber.is_file():
            penulis.salin(sumber, f"{rel}/{nama}")
            unduh.append(f"[{judul}]({nama})")
            n_pdf += 1
    if unduh:
        baris += ["Unduh: " + " · ".join(unduh), ""]
    jumlah = rekap.jumlah_kategori(kantor)
    baris += ["## Capaian indikator", "",
              "Kategori: " + ", ".join(f"{_kategori(k)} {n}" for k, n in jumlah.items()), ""]
    for sasaran in t.pk.sasaran:
        isi = [b for b in rekap.indikator if b.sasaran == sasaran.kode]
        if not isi:
            continue
        baris += ["", f"### {aman(sasaran.kode)} {aman(sasaran.uraian)}", ""]
        baris += _tabel(
            ["Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"], "llrrrl",
            [[f"[{aman(b.indikator.kode)}](../../indikator/{slug(b.indikator.kode)}.md) "
              f"{aman(b.indikator.uraian)}", aman(b.indikator.satuan), aman(teks_target(b.target)),
              aman(teks_nilai(b.realisasi)), _persen(b.capaian.nilai), _kategori(b.kategori)]
             for b in isi])
    baris += ["", '<div class="grafik">', _svg_periode(rekap, kantor).strip(), "</div>", ""]
    if rekap.program:
        baris += ["## Realisasi anggaran", ""]
        baris += _tabel(["Program", "Pagu", "Realisasi", "Serapan", "Capaian", "Efisiensi"],
                        "lrrrrl",
                        [[f"{aman(x.kode)} {aman(x.nama)}", format_rupiah(x.pagu),
                          "–" if x.realisasi is None else format_rupiah(x.realisasi),
                          _persen(x.serapan), _persen(x.capaian), aman(x.efisiensi or "–")]
                         for x in rekap.program])
        baris += ["", "Serapan dihitung terhadap pagu setahun; efisiensi membandingkan capaian "
                  "program dengan serapan terhadap rencana penarikan dana sampai akhir periode.",
                  ""]
    baris += ["## Penjelasan per indikator", ""]
    per_sasaran = ""
    for b in rekap.indikator:
        i = b.isian
        if b.sasaran != per_sasaran:
            per_sasaran = b.sasaran
            baris += [f"### {aman(b.sasaran)} {aman(b.sasaran_uraian)}", ""]
        baris += [f"#### {aman(b.indikator.kode)} {aman(b.indikator.uraian)}", ""]
        for judul, teks in (("Penjelasan", i.penjelasan if i else None),
                            ("Hambatan", i.hambatan if i else None),
                            ("Tindak lanjut", i.tindak_lanjut if i else None)):
            if teks:
                baris += [f"**{judul}.** {aman(teks)}", ""]
        if i and i.bukti_dukung:
            baris += ["**Bukti dukung:** " + ", ".join(_tautan_bukti(x) for x in i.bukti_dukung),
                      ""]
    baris += ["## Riwayat pemeriksaan", ""]
    baris += _tabel(["Langkah", "Peran", "Nama", "Waktu"], "llll",
                    [[str(n), NAMA_PERAN[c.peran], aman(c.nama),
                      f"{format_tanggal(c.waktu.date())} {c.waktu:%H.%M}"]
                     for n, c in zip((6, 7, 8), p.riwayat, strict=False)])
    penulis.tulis(f"{rel}/index.md", "\n".join(baris) + "\n")
    return n_pdf


def _buat_pdf(akar: Path, p: Periode, nama: str) -> None:
    if nama.startswith("laporan"):
        from kinerja.laporan import buat

        buat(akar, p.id, draf=False)
    elif p.surat.nomor:
        from kinerja.surat import buat_surat

        buat_surat(akar, p.id, draf=False)


def _svg_periode(rekap: Rekap, kantor: Kantor) -> str:
    from kinerja.laporan import grafik_svg

    return grafik_svg(rekap, kantor)


def _halaman_tahun(penulis: _Penulis, kantor: Kantor, repo: Repo, terbit: list[_Terbit]) -> None:
    per_tahun: dict[int, list[_Terbit]] = {}
    for t in terbit:
        per_tahun.setdefault(t.periode.tahun, []).append(t)
    baris = ["# Arsip pengukuran kinerja", "",
             f"Hasil pengukuran kinerja {aman(kantor.instansi.nama)} yang telah disahkan Camat. "
             "Periode yang masih dalam pemeriksaan tidak ditampilkan.", ""]
    baris += _tabel(["Tahun", "Periode disahkan"], "ll",
                    [[f"[{th}]({th}/index.md)", ", ".join(
                        f"[{NAMA_PERIODE[t.periode.kode]}]({th}/{t.periode.kode}/index.md)"
                        for t in daftar)] for th, daftar in sorted(per_tahun.items(), reverse=True)])
    baris += ["", "Lihat juga: [daftar indikator](indikator/index.md) · [SOP](sop.md)."]
    penulis.tulis("index.md", "\n".join(baris) + "\n")
    for th, daftar in per_tahun.items():
        pk = daftar[0].pk
        isi = [f"# Tahun {th}", "", f"Perjanjian Kinerja ditandatangani "
               f"{format_tanggal(pk.tanggal)} oleh {aman(pk.pihak_pertama.nama)} "
               f"({aman(pk.pihak_pertama.jabatan)}).", "", "## Periode disahkan", ""]
        isi += _tabel(["Periode", "Indikator", "Sangat Tinggi / Tinggi", "Disahkan"], "lrrl",
                      [[f"[{NAMA_PERIODE[t.periode.kode]}]({t.periode.kode}/index.md)",
                        str(len(t.rekap.indikator)),
                        str(sum(1 for b in t.rekap.indikator if b.kategori in
                                {k.nama for k in kantor.capaian.kategori[:2]})),
                        next((format_tanggal(c.waktu.date()) for c in t.periode.riwayat
                              if c.peran == "camat"), "–")] for t in daftar])
        isi += ["", "## Sasaran dan indikator", ""]
        for s in pk.sasaran:
            isi += [f"**{aman(s.kode)}** {aman(s.uraian)}", ""]
            isi += [f"- [{aman(i.kode)}](../indikator/{slug(i.kode)}.md) {aman(i.uraian)} — "
                    f"target {aman(teks_target(i.target))} {aman(i.satuan)}" for i in s.indikator]
            isi.append("")
        penulis.tulis(f"{th}/index.md", "\n".join(isi) + "\n")


def _halaman_indikator(penulis: _Penulis, kantor: Kantor, terbit: list[_Terbit]) -> None:
    per_kode: dict[str, list[tuple[_Terbit, int]]] = {}
    definisi: dict[str, Indikator] = {}
    for t in terbit:
        for n, b in enumerate(t.rekap.indikator):
            per_kode.setdefault(b.indikator.kode, []).append((t, n))
            definisi[b.indikator.kode] = b.indikator  # the latest year's wording
    daftar = ["# Indikator kinerja", ""]
    daftar += _tabel(["Kode", "Indikator", "Satuan", "Periode"], "lllr",
                     [[f"[{aman(k)}]({slug(k)}.md)", aman(definisi[k].uraian),
                       aman(definisi[k].satuan), str(len(v))] for k, v in sorted(per_kode.items())])
    penulis.tulis("indikator/index.md", "\n".join(daftar) + "\n")
    for kode, nilai in per_kode.items():
        ind = definisi[kode]
        isi = [f"# {aman(kode)} {aman(ind.uraian)}", ""]
        if ind.definisi:
            isi += [f"**Definisi operasional.** {aman(ind.definisi)}", ""]
        isi += [f"Satuan {aman(ind.satuan)} · "
                f"{'makin tinggi makin baik' if ind.polaritas == 'naik' else 'makin rendah makin baik'}"
                f" · agregasi tahunan: {aman(ind.agregasi)}.", ""]
        baris = []
        titik: list[tuple[str, float | None]] = []
        for t, n in nilai:
            b = t.rekap.indikator[n]
            p = t.periode
            singkat = "Tahunan" if p.kode == "tahunan" else p.kode.upper().replace("TW", "TW ")
            label = f"{singkat} {p.tahun}"
            titik.append((label, b.capaian.nilai))
            baris.append([f"[{p.nama}](../{p.tahun}/{p.kode}/index.md)",
                          aman(teks_target(b.target)), aman(teks_nilai(b.realisasi)),
                          _persen(b.capaian.nilai), _kategori(b.kategori)])
        isi += _tabel(["Periode", "Target", "Realisasi", "Capaian", "Kategori"], "lrrrl", baris)
        isi += ["", '<div class="grafik">',
                grafik.garis(titik[-24:], judul=f"Capaian {kode} per periode").strip(), "</div>", ""]
        penulis.tulis(f"indikator/{slug(kode)}.md", "\n".join(isi) + "\n")


def _halaman_sop(penulis: _Penulis) -> None:
    s = sop()
    isi = [f"# {aman(s.nama)}", "",
           "Sepuluh langkah pengukuran kinerja, pelaksananya, dan mutu baku waktunya. Tabel ini "
           "dibaca dari data SOP yang sama dengan yang dipakai untuk menjadwalkan dan memantau "
           "setiap periode.", ""]
    isi += _tabel(["No", "Uraian", "Pelaksana", "Masukan", "Mutu baku", "Keluaran"], "rlllrl",
                  [[str(x.nomor), aman(x.uraian), aman(x.nama_pelaksana), aman(x.masukan),
                    aman(x.mutu_baku), aman(x.keluaran)] for x in s.langkah])
    isi += ["", f"**Kelengkapan:** {aman(', '.join(s.kelengkapan))}.", "",
            f"**Peringatan:** {aman(s.peringatan)}", ""]
    penulis.tulis("sop.md", "\n".join(isi) + "\n")


def _ringkasan(penulis: _Penulis, kantor: Kantor, terbit: list[_Terbit]) -> None:
    """The home page's headline (included with a snippet): the latest ratified period."""
    if not terbit:
        penulis.tulis("_ringkasan.md", "Belum ada periode yang disahkan.\n")
        return
    t = terbit[-1]
    jumlah = t.rekap.jumlah_kategori(kantor)
    rel = f"arsip/{t.periode.tahun}/{t.periode.kode}/index.md"
    isi = [f"### Terakhir disahkan: [{t.periode.nama}]({rel})",
           "", f"{len(t.rekap.indikator)} indikator diukur:", ""]
    isi += [f"- {_kategori(k)}: {n} indikator" for k, n in jumlah.items()]
    penulis.tulis("_ringkasan.md", "\n".join(isi) + "\n")
