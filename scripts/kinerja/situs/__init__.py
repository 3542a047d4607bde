"""The public archive: plain Markdown pages (and inline SVG) for MkDocs Material or Zensical.

Only ratified periods are published (``Periode.disahkan``: the three approvals recorded in
``riwayat.yml``). Pages are written under ``content/arsip/`` — regenerated every build, ignored by
Git — and only rewritten when their text changes, so incremental builds stay cheap. People's text
is HTML-escaped and Markdown-escaped: a ``<script>`` in an explanation shows as text.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from kinerja.baca.muat import Repo, cari_akar, muat_repo
from kinerja.dokumen import grafik
from kinerja.inti import lolos
from kinerja.inti.angka import format_angka, format_persen, format_rupiah, format_tanggal, format_waktu
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import NAMA_PERIODE, PERIODE, Indikator, Kantor, Periode, PerjanjianKinerja
from kinerja.inti.sop import NAMA_PERAN, sop
from kinerja.inti.temuan import GALAT, Temuan
from kinerja.pengesahan.segel import dari_segel, pesan_rusak, renaksi_periode, sidik_sama, terapkan
from kinerja.periksa import penghalang, periksa_repo
from kinerja.ukur import renaksi
from kinerja.ukur.rekap import Rekap, susun, teks_nilai, teks_target
from kinerja.ukur.renaksi import RencanaAksi

aman = lolos.situs_md  # people's text inside a line of the site's Markdown
h = lolos.html  # and inside raw HTML, titles included


def kepala_halaman(teks: str) -> list[str]:
    """A page's title and heading. The title is given in front matter, HTML-escaped: Material
    prints a front-matter title into <title> as it is, whereas a title taken from the heading
    goes through ``striptags``, which turns «&lt;/title&gt;» back into a live tag."""
    return ["---", f"title: {lolos.yaml(lolos.html(teks))}", "---", "", f"# {aman(teks)}"]


slug = lolos.slug


def _persen(x: float | None) -> str:
    return "–" if x is None else format_persen(x)


def _kategori(nama: str | None) -> str:
    if not nama:
        return "–"
    return f'<span class="kategori kategori-{slug(nama)}">{h(nama)}</span>'


# What the last run generated, so the next one removes only its own files. MkDocs skips
# dotfiles, so it is never published.
MANIFES = ".dibuat-kinerja"


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
        """Remove what an earlier run generated and this one did not (a period no longer
        ratified). Only files listed in the earlier run's manifest are touched: anything a person
        put in the folder stays."""
        manifes = self.folder / MANIFES
        try:
            lama = set(manifes.read_text(encoding="utf-8").splitlines())
        except OSError:
            lama = set()
        baru = {p.relative_to(self.folder).as_posix() for p in self.dibuat}
        for rel in sorted(lama - baru, reverse=True):
            if not rel or rel.startswith("/") or ".." in rel.split("/"):
                continue  # not a line this tool wrote
            path = self.folder / rel
            path.unlink(missing_ok=True)
            for induk in path.parents:
                if induk == self.folder or any(induk.iterdir()):
                    break
                induk.rmdir()
        self.folder.mkdir(parents=True, exist_ok=True)
        manifes.write_text("".join(f"{rel}\n" for rel in sorted(baru)), encoding="utf-8")


@dataclass(frozen=True)
class _Terbit:
    periode: Periode
    pk: PerjanjianKinerja
    rekap: Rekap
    renaksi: RencanaAksi | None = None  # the plan the quarter was evaluated against (sealed)


@dataclass(frozen=True)
class _Nilai:
    """One ratified period's row on an indicator's page."""

    indikator: Indikator
    label: str  # «TW III 2026», under the chart
    sel: tuple[str, ...]  # the table cells, HTML
    capaian: float | None


@dataclass(frozen=True)
class _Tahun:
    """Everything one year contributes to the site; plain data, so a worker process can hand
    it back."""

    tahun: int
    halaman: dict[str, str]  # path under content/arsip/ → page text
    pdf: tuple[tuple[Path, str], ...]  # (built PDF, path under content/arsip/)
    periode: tuple[str, ...]  # codes of the ratified periods, in SOP order (tw1 … tahunan)
    nilai: tuple[_Nilai, ...]
    ringkasan: str  # the home page's headline, were this year's last period the latest


# A year of the sample office loads in ~30 ms; below this many years a worker pool costs more
# than it saves.
_TAHUN_PER_PROSES = 6


def bangun(mulai: Path, *, pdf: bool = False, proses: int | None = None) -> HasilSitus:
    """Write the archive pages under ``content/arsip/``. Years are loaded and rendered in
    ``proses`` worker processes (default: one per core, when the archive is large enough)."""
    akar = cari_akar(mulai)
    kantor_repo = muat_repo(akar, tahun=set())
    if kantor_repo.kantor is None:
        galat = tuple(t for t in kantor_repo.temuan.temuan if t.galat)
        raise BerkasTidakValid(galat) if galat else KinerjaError(
            "kinerja.yml tidak dapat dibaca; jalankan «kinerja periksa kinerja.yml»")
    tahun = sorted(int(f.name) for f in (akar / "periods").glob("[0-9][0-9][0-9][0-9]")
                   if f.is_dir())
    if proses is None:
        proses = min(os.cpu_count() or 1, 4, len(tahun) // _TAHUN_PER_PROSES)
    bagian = [tuple(tahun[i::proses]) for i in range(proses)] if proses > 1 else [tuple(tahun)]
    if len(bagian) == 1:
        per_tahun = _olah(akar, bagian[0], pdf)
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(len(bagian)) as pool:
            per_tahun = [t for hasil in pool.map(_olah, [akar] * len(bagian), bagian,
                                                 [pdf] * len(bagian)) for t in hasil]
    per_tahun.sort(key=lambda t: t.tahun)
    penulis = _Penulis(akar / "content" / "arsip")
    for t in per_tahun:
        for rel, teks in t.halaman.items():
            penulis.tulis(rel, teks)
        for sumber, rel in t.pdf:
            penulis.salin(sumber, rel)
    _halaman_arsip(penulis, kantor_repo.kantor, per_tahun)
    _halaman_indikator(penulis, [n for t in per_tahun for n in t.nilai])
    _halaman_sop(penulis)
    penulis.tulis("_ringkasan.md", per_tahun[-1].ringkasan if per_tahun
                  else "Belum ada periode yang disahkan.\n")
    if kantor_repo.kantor is not None:
        for rel, teks in halaman_kantor(kantor_repo.kantor).items():
            penulis.tulis(rel, teks)
    penulis.bersihkan()
    return HasilSitus(len([p for p in penulis.dibuat if p.suffix == ".md"]), penulis.ditulis,
                      sum(len(t.pdf) for t in per_tahun),
                      tuple(f"{t.tahun}-{kode}" for t in per_tahun for kode in t.periode))


def _olah(akar: Path, tahun: tuple[int, ...], pdf: bool) -> list[_Tahun]:
    """Load some years and render their pages (in a worker process, or in this one)."""
    repo = muat_repo(akar, tahun=set(tahun))
    kantor = repo.kantor
    if kantor is None:
        raise KinerjaError("kinerja.yml tidak dapat dibaca")
    # The same cross-checks as «kinerja periksa»: a ratified period the checker refuses (a
    # duplicate entry, two codes on one page, an over-long link) is not published.
    periksa_repo(repo, lengkap=False)
    hasil = []
    for th in sorted(repo.tahun):
        terbit = _yang_disahkan(repo, kantor, th)
        if not terbit:
            continue
        halaman: dict[str, str] = {}
        salinan: list[tuple[Path, str]] = []
        for t in terbit:
            teks, unduh = _halaman_periode(akar, kantor, t, pdf=pdf)
            halaman[f"{th}/{t.periode.kode}/index.md"] = teks
            salinan += unduh
        dokumen, unduh = _dokumen_tahun(akar, repo, kantor, th, terbit, pdf=pdf)
        halaman[f"{th}/index.md"] = _halaman_tahun(kantor, th, terbit) + dokumen
        salinan += unduh
        hasil.append(_Tahun(th, halaman, tuple(salinan), tuple(t.periode.kode for t in terbit),
                            tuple(_nilai_indikator(terbit)), _ringkasan(kantor, terbit[-1])))
    return hasil


def _yang_disahkan(repo: Repo, kantor: Kantor, th: int) -> list[_Terbit]:
    tahun = repo.tahun[th]
    disahkan = [p for kode in PERIODE if (p := tahun.periode.get(kode)) and p.disahkan]
    if disahkan and tahun.pk is None:
        # A ratified period must not silently vanish from the archive because its PK broke.
        pk = f"periods/{th}/perjanjian-kinerja.yml"
        galat = tuple(x for x in repo.temuan.temuan if x.galat and x.berkas == pk)
        if galat:
            raise BerkasTidakValid(galat)
        raise KinerjaError(f"periode {disahkan[0].id} telah disahkan tetapi {pk} tidak ada; "
                           "kembalikan Perjanjian Kinerja tahun itu")
    hasil = []
    for p in disahkan:
        assert tahun.pk is not None
        salah = penghalang(repo.temuan.temuan, tahun=th, folder=repo.rel(p.folder))
        if salah:
            raise BerkasTidakValid(salah)  # a ratified period must stay valid
        if p.rusak_segel:
            # What is published is what was ratified: a changed sealed file stops the build.
            raise BerkasTidakValid(tuple(Temuan(x.berkas, x.baris, x.kolom, "segel-rusak", GALAT,
                                                pesan_rusak(p)) for x in p.rusak_segel))
        k_segel, pk_segel = terapkan(kantor, tahun.pk, p.segel)
        hasil.append(_Terbit(p, pk_segel, susun(k_segel, pk_segel, p, tahun.periode),
                             renaksi_periode(tahun.renaksi, p)))
    return hasil


def _tabel(kepala: list[str], rata: str,
           baris: list[list[str]] | list[tuple[str, list[list[str]]]]) -> list[str]:
    """A table as one raw HTML block; rows may come in titled groups (a sasaran and its
    indicators). Cells are HTML already escaped by the caller. Markdown passes the block through
    untouched, which keeps people's text literal and spares the inline pass that made large
    archives slow to build (bench/situs.py)."""
    # l: text, L: the long text a row is about (kept readable: it does not shrink to a sliver),
    # r: numbers, right-aligned on one line.
    menurut = {"l": "", "L": ' class="utama"', "r": ' class="kanan"'}
    kelas = [menurut[r] for r in rata]
    hasil = ["", "<table>", "<thead><tr>" + "".join(
        f"<th{k}>{h(j)}</th>" for j, k in zip(kepala, kelas, strict=True)) +
        "</tr></thead>", "<tbody>"]
    for b in baris:
        if isinstance(b, tuple):
            judul, isi = b
            hasil.append(f'<tr class="kelompok"><th colspan="{len(kepala)}">{judul}</th></tr>')
        else:
            isi = [b]
        hasil += ["<tr>" + "".join(f"<td{k}>{sel}</td>" for sel, k in zip(r, kelas, strict=True))
                  + "</tr>" for r in isi]
    return [*hasil, "</tbody>", "</table>", ""]


def _a(url: str, isi: str) -> str:
    return f'<a href="{h(url)}">{isi}</a>'


def _tautan_bukti(bukti: str, salinan: str | None = None) -> str:
    if re.match(r"https?://", bukti, re.IGNORECASE):
        return (f'<a href="{h(bukti)}" rel="nofollow noopener">'
                f"{h(bukti)}</a>")
    if salinan is not None:
        return f'<a href="{h(salinan)}">{h(bukti)}</a>'
    return f"<code>{h(bukti)}</code>"


# Evidence a browser would run or the site generator would render as a page of this site (a
# Markdown note, an HTML or SVG file) is published as plain text: people's files are data.
_BUKTI_SEBAGAI_TEKS = frozenset({".md", ".markdown", ".html", ".htm", ".xhtml", ".svg", ".xml",
                                 ".js", ".mjs", ".css", ".txt"})


def _berkas_bukti(akar: Path, p: Periode, bukti: str) -> tuple[Path, str] | None:
    """An evidence file in the repository (as the checker accepts it) and its name on the
    site, under the period's page: ``bukti/<name>``, made safe for a URL."""
    dalam = akar.resolve()
    for dasar in (p.folder, akar):
        path = (dasar / bukti).resolve()
        if path.is_file() and dalam in path.parents:
            akhiran = path.suffix.lower()
            nama = lolos.slug(path.stem)[:80] + (akhiran if re.fullmatch(r"\.[a-z0-9]{1,8}",
                                                                         akhiran) else "")
            return path, "bukti/" + (nama + ".txt" if akhiran in _BUKTI_SEBAGAI_TEKS else nama)
    return None


# Raw HTML links point at directory URLs (use_directory_urls: true, as mkdocs.yml sets and
# Zensical defaults to). MkDocs leaves them as written, Zensical resolves them from the source
# file: every page that has such links is an index.md, so both read them alike. A test walks
# every link of the built site.
def _url_periode(tahun: int, kode: str, naik: str) -> str:
    return f"{naik}{tahun}/{kode}/"


def _url_indikator(kode: str, naik: str) -> str:
    return f"{naik}indikator/{slug(kode)}/"


def _halaman_periode(akar: Path, kantor: Kantor, t: _Terbit, *,
                     pdf: bool) -> tuple[str, list[tuple[Path, str]]]:
    p, rekap = t.periode, t.rekap
    rel = f"{p.tahun}/{p.kode}"
    camat = next((c for c in p.riwayat if c.peran == "camat"), None)
    baris = [*kepala_halaman(f"Pengukuran Kinerja {p.nama}"), ""]
    if camat:
        baris += [f"Disahkan oleh {aman(camat.nama)} pada {format_tanggal(camat.waktu.date())}.", ""]
    from kinerja.dokumen.laporan import teks_revisi, versi_pk_periode

    baris += [f"Diukur dengan target {aman(versi_pk_periode(p, t.pk))}.", ""]
    for r in p.revisi:
        baris += [f"**Direvisi.** {aman(teks_revisi(r))}", ""]
    unduh = []
    salinan = []
    for nama, judul in ((f"laporan-pengukuran-kinerja-{p.id}.pdf", "Laporan (PDF)"),
                        (f"surat-pengantar-{p.id}.pdf", "Surat pengantar (PDF)")):
        sumber = akar / "build" / p.id / nama
        jenis = "laporan" if nama.startswith("laporan") else "surat"
        if not dari_segel(sumber, p, jenis) and pdf:
            _buat_pdf(akar, p, nama)  # absent, or built from something other than the seal
        if dari_segel(sumber, p, jenis):
            salinan.append((sumber, f"{rel}/{nama}"))
            unduh.append(f"[{judul}]({nama})")
    for r in p.revisi:
        nama = f"laporan-pengukuran-kinerja-{p.id}-versi-{r.versi}.pdf"
        sumber = akar / "build" / p.id / nama
        if not sumber.is_file() and pdf:
            _pdf_versi_lama(akar, p, r.versi, sumber)
        if sumber.is_file():
            salinan.append((sumber, f"{rel}/{nama}"))
            unduh.append(f"[Laporan versi {r.versi} sebelum revisi (PDF)]({nama})")
    if unduh:
        baris += ["Unduh: " + " · ".join(unduh), ""]
    jumlah = rekap.jumlah_kategori(kantor)
    baris += ["## Capaian indikator", "",
              "Kategori: " + ", ".join(f"{_kategori(k)} {n}" for k, n in jumlah.items()), ""]
    kelompok: list[tuple[str, list[list[str]]]] = []
    for sasaran in t.pk.sasaran:
        isi = [b for b in rekap.indikator if b.sasaran == sasaran.kode]
        if isi:
            kelompok.append((f"{h(sasaran.kode)} {h(sasaran.uraian)}", [
                [f"{_a(_url_indikator(b.indikator.kode, '../../'), h(b.indikator.kode))} "
                 f"{h(b.indikator.uraian)}", h(b.indikator.satuan), h(teks_target(b.target)),
                 h(teks_nilai(b.realisasi)), _persen(b.capaian.nilai), _kategori(b.kategori)]
                for b in isi]))
    baris += _tabel(["Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"],
                    "Llrrrl", kelompok)
    baris += ['<div class="grafik" data-search-exclude>', _svg_periode(rekap, kantor).strip(),
              "</div>", ""]
    if rekap.program:
        baris += ["## Realisasi anggaran"]
        baris += _tabel(["Program", "Pagu", "Realisasi", "Serapan", "Capaian", "Efisiensi"],
                        "Lrrrrl",
                        [[f"{h(x.kode)} {h(x.nama)}", format_rupiah(x.pagu),
                          "–" if x.realisasi is None else format_rupiah(x.realisasi),
                          _persen(x.serapan), _persen(x.capaian), h(x.efisiensi or "–")]
                         for x in rekap.program])
        baris += ["Serapan dihitung terhadap pagu setahun; efisiensi membandingkan capaian "
                  "program dengan serapan terhadap rencana penarikan dana sampai akhir periode.",
                  ""]
    if t.renaksi is not None and not t.renaksi.rusak and p.kode != "tahunan":
        baris += _evaluasi_renaksi(kantor, t)
    baris += ["## Penjelasan per indikator", ""]
    per_sasaran = ""
    bukti_terpakai: dict[str, Path] = {}
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
            tautan = []
            for x in i.bukti_dukung:
                berkas = None if re.match(r"https?://", x, re.IGNORECASE) else \
                    _berkas_bukti(akar, p, x)
                if berkas is not None:
                    # Two files whose names read alike («Notulen.pdf», «notulen.pdf») get two
                    # names on the site.
                    nama, n = berkas[1], 2
                    while bukti_terpakai.get(nama, berkas[0]) != berkas[0]:
                        nama, n = re.sub(r"(\.[^./]+)?$", rf"-{n}\g<1>", berkas[1], count=1), n + 1
                    bukti_terpakai[nama] = berkas[0]
                    berkas = (berkas[0], nama)
                    salinan.append((berkas[0], f"{rel}/{nama}"))
                tautan.append(_tautan_bukti(x, berkas[1] if berkas else None))
            baris += ["**Bukti dukung:** " + ", ".join(tautan), ""]
    baris += ["## Riwayat pemeriksaan"]
    baris += _tabel(["Langkah", "Peran", "Nama", "Waktu"], "llll",
                    [[str(n), h(NAMA_PERAN[c.peran]), h(c.nama),
                      format_waktu(c.waktu)]
                     for n, c in zip((6, 7, 8), p.riwayat, strict=False)])
    return "\n".join(baris) + "\n", salinan


def _evaluasi_renaksi(kantor: Kantor, t: _Terbit) -> list[str]:
    """The quarter's Rencana Aksi evaluation, as the report has it."""
    from kinerja.dokumen.laporan import selisih

    assert t.renaksi is not None
    isian = {b.indikator.kode: b.isian for b in t.rekap.indikator if b.isian is not None}
    per_ind, per_seksi = renaksi.evaluasi(kantor, t.pk, t.renaksi, t.periode.kode,
                                          renaksi.status_formulir(isian))
    if not per_ind:
        return []
    baris = ["## Evaluasi Rencana Aksi", "",
             f"Aksi Rencana Aksi yang direncanakan untuk {t.periode.nama}, menurut formulir "
             "setiap seksi; aksi yang terlaksana sebagian dihitung setengah."]
    baris += _tabel(["Seksi", "Direncanakan", "Terlaksana", "Sebagian", "Belum", "Pelaksanaan"],
                    "Lrrrrr",
                    [[h(x.nama), str(x.direncanakan), str(x.terlaksana), str(x.sebagian),
                      str(x.belum + x.tanpa_status), _persen(x.persen)] for x in per_seksi])
    menurut = {b.indikator.kode: b for b in t.rekap.indikator}
    isi = []
    for e in per_ind:
        b = menurut.get(e.indikator.kode)
        for n, a in enumerate(e.aksi):
            orang = kantor.pegawai_id(a.aksi.penanggung_jawab)
            status = renaksi.NAMA_STATUS[a.status] if a.status else "belum dievaluasi"
            isi.append([
                f"{_a(_url_indikator(e.indikator.kode, '../../'), h(e.indikator.kode))}"
                if n == 0 else "",
                h(teks_target(b.target)) if b is not None and n == 0 else "",
                h(teks_nilai(b.realisasi)) if b is not None and n == 0 else "",
                h(selisih(b)) if b is not None and n == 0 else "",
                f"{h(a.aksi.kode)} {h(a.aksi.uraian)}",
                h(orang.jabatan if orang else a.aksi.penanggung_jawab),
                h(status) + (f": {h(a.catatan)}" if a.catatan else "")])
    baris += _tabel(["Indikator", "Target", "Realisasi", "Selisih", "Aksi", "Penanggung jawab",
                     "Status"], "lrrrLll", isi)
    return baris


def _pdf_versi_lama(akar: Path, p: Periode, versi: int, tujuan: Path) -> None:
    """The report of an earlier, revised version, rebuilt from the tree its ratification tag
    points at (where plain Git's ``kinerja sahkan`` committed that version's record). Without
    that tag here, or without the record in its tree, the earlier version is not offered."""
    import tempfile

    from kinerja.dokumen.laporan import buat
    from kinerja.pengesahan import git, riwayat

    tag = riwayat.nama_tag(p.id, versi)
    folder = f"periods/{p.tahun}/{p.kode}"
    if not git.repo_git(akar) or not git.tag_ada(akar, tag) or \
            git.tampilkan(akar, tag, f"{folder}/{riwayat.BERKAS}") is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        pohon = Path(tmp) / "versi"
        git.git(akar, "worktree", "add", "--quiet", "--detach", str(pohon), f"{tag}^{{commit}}")
        try:
            hasil = buat(pohon, p.id, draf=False)
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(hasil.pdf, tujuan)
        finally:
            git.git(akar, "worktree", "remove", "--force", str(pohon))


def _buat_pdf(akar: Path, p: Periode, nama: str) -> None:
    if nama.startswith("laporan"):
        from kinerja.dokumen.laporan import buat

        buat(akar, p.id, draf=False)
    elif p.surat.nomor:
        from kinerja.dokumen.surat import buat_surat

        buat_surat(akar, p.id, draf=False)


def _svg_periode(rekap: Rekap, kantor: Kantor) -> str:
    from kinerja.dokumen.laporan import grafik_svg

    return grafik_svg(rekap, kantor)


def _halaman_arsip(penulis: _Penulis, kantor: Kantor, per_tahun: list[_Tahun]) -> None:
    baris = ["# Arsip pengukuran kinerja", "",
             f"Hasil pengukuran kinerja {aman(kantor.instansi.nama)} yang telah disahkan Camat. "
             "Periode yang masih dalam pemeriksaan tidak ditampilkan.", "",
             "Lihat juga: [daftar indikator](indikator/index.md) · [SOP](sop.md)."]
    baris += _tabel(["Tahun", "Periode disahkan"], "ll",
                    [[_a(f"{t.tahun}/", str(t.tahun)), ", ".join(
                        _a(_url_periode(t.tahun, kode, ""), NAMA_PERIODE[kode])
                        for kode in t.periode)]
                     for t in reversed(per_tahun)]) if per_tahun else [
        "", "Belum ada periode yang disahkan."]
    penulis.tulis("index.md", "\n".join(baris) + "\n")


def _halaman_tahun(kantor: Kantor, th: int, terbit: list[_Terbit]) -> str:
    teratas = [k.nama for k in kantor.capaian.kategori[:2]]
    pk = terbit[0].pk
    isi = [*kepala_halaman(f"Tahun {th}"), "", f"Perjanjian Kinerja ditandatangani "
           f"{format_tanggal(pk.tanggal)} oleh {aman(pk.pihak_pertama.nama)} "
           f"({aman(pk.pihak_pertama.jabatan)}).", "", "## Periode disahkan"]
    isi += _tabel(["Periode", "Indikator", " / ".join(teratas), "Disahkan"], "lrrl",
                  [[_a(f"{t.periode.kode}/", NAMA_PERIODE[t.periode.kode]),
                    str(len(t.rekap.indikator)),
                    str(sum(1 for b in t.rekap.indikator if b.kategori in teratas)),
                    next((format_tanggal(c.waktu.date()) for c in t.periode.riwayat
                          if c.peran == "camat"), "–")] for t in terbit])
    isi += ["## Sasaran dan indikator", ""]
    for s in pk.sasaran:
        isi += [f"**{aman(s.kode)}** {aman(s.uraian)}", ""]
        isi += [f"- [{aman(i.kode)}](../indikator/{slug(i.kode)}/index.md) {aman(i.uraian)} — "
                f"target {aman(teks_target(i.target))} {aman(i.satuan)}" for i in s.indikator]
        isi.append("")
    return "\n".join(isi) + "\n"


def _dokumen_tahun(akar: Path, repo: Repo, kantor: Kantor, th: int, terbit: list[_Terbit], *,
                   pdf: bool) -> tuple[str, list[tuple[Path, str]]]:
    """The year's own documents on its page: the LKjIP (ratified with the yearly period: its
    figures and its PDF) and the Rencana Aksi (its actions and its PDF)."""
    from kinerja.inti.errors import KinerjaError

    isi: list[str] = []
    salinan: list[tuple[Path, str]] = []
    tahunan = next((t for t in terbit if t.periode.kode == "tahunan"), None)
    if tahunan is not None:
        isi += ["## Laporan Kinerja (LKjIP)", "",
                f"Capaian tahunan {th}, disahkan bersama pengukuran kinerja tahunan."]
        isi += _tabel(["Indikator", "Target", "Realisasi", "Capaian", "Kategori"], "Lrrrl",
                      [(f"{h(s.kode)} {h(s.uraian)}", [
                          [f"{_a(_url_indikator(b.indikator.kode, '../'), h(b.indikator.kode))} "
                           f"{h(b.indikator.uraian)}", h(teks_target(b.target)),
                           h(teks_nilai(b.realisasi)), _persen(b.capaian.nilai),
                           _kategori(b.kategori)]
                          for b in tahunan.rekap.indikator if b.sasaran == s.kode])
                       for s in tahunan.pk.sasaran])
        nama = f"lkjip-{th}.pdf"
        sumber = akar / "build" / str(th) / nama
        if pdf and not dari_segel(sumber, tahunan.periode, "lkjip"):
            from kinerja.dokumen.lkjip_berkas import buat

            # Its prose not all written yet: the page still shows the figures, without the PDF.
            with contextlib.suppress(KinerjaError):
                buat(akar, th, draf=False)
        if dari_segel(sumber, tahunan.periode, "lkjip"):
            salinan.append((sumber, f"{th}/{nama}"))
            isi += [f"Unduh: [LKjIP {th} (PDF)]({nama})", ""]
    ra = repo.tahun[th].renaksi
    if ra is not None and ra.aksi and not ra.rusak:
        isi += ["## Rencana Aksi", ""]
        isi += _tabel(["Kode", "Indikator", "Aksi", "Triwulan", "Penanggung jawab", "Keluaran"],
                      "llLlll",
                      [[h(a.kode), h(a.indikator), h(a.uraian),
                        h(", ".join(NAMA_PERIODE[x].removeprefix("Triwulan ") for x in a.triwulan
                                    if x in NAMA_PERIODE)),
                        h(o.jabatan if (o := kantor.pegawai_id(a.penanggung_jawab)) else
                          a.penanggung_jawab), h(a.keluaran)] for a in ra.aksi])
        from kinerja.dokumen.renaksi_berkas import buat_dokumen, sidik_renaksi

        nama = f"rencana-aksi-{th}.pdf"
        sumber = akar / "build" / str(th) / nama
        sidik = sidik_renaksi(akar, th)
        # A PDF of an earlier plan is never offered beside today's table: it is rebuilt, or
        # left out.
        if pdf and not sidik_sama(sumber, sidik):
            with contextlib.suppress(KinerjaError):
                buat_dokumen(akar, th)
        if sidik_sama(sumber, sidik):
            salinan.append((sumber, f"{th}/{nama}"))
            isi += [f"Unduh: [Rencana Aksi {th} (PDF)]({nama})", ""]
    return ("\n".join(isi) + "\n" if isi else ""), salinan


def _nilai_indikator(terbit: list[_Terbit]) -> list[_Nilai]:
    hasil = []
    for t in terbit:
        p = t.periode
        singkat = NAMA_PERIODE[p.kode].replace("Triwulan", "TW")
        hasil += [_Nilai(b.indikator, f"{singkat} {p.tahun}", (
            _a(_url_periode(p.tahun, p.kode, "../../"), h(p.nama)), h(teks_target(b.target)),
            h(teks_nilai(b.realisasi)), _persen(b.capaian.nilai), _kategori(b.kategori)),
            b.capaian.nilai) for b in t.rekap.indikator]
    return hasil


def _halaman_indikator(penulis: _Penulis, nilai: list[_Nilai]) -> None:
    per_kode: dict[str, list[_Nilai]] = {}
    for n in nilai:
        per_kode.setdefault(n.indikator.kode, []).append(n)
    # the latest year's wording of each indicator
    definisi = {kode: daftar[-1].indikator for kode, daftar in per_kode.items()}
    daftar = ["# Indikator kinerja"]
    daftar += _tabel(["Kode", "Indikator", "Satuan", "Periode"], "lLlr",
                     [[_a(f"{slug(k)}/", h(k)), h(definisi[k].uraian), h(definisi[k].satuan),
                       str(len(v))] for k, v in sorted(per_kode.items())]) if per_kode else [
        "", "Belum ada periode yang disahkan, jadi belum ada nilai indikator yang diterbitkan."]
    penulis.tulis("indikator/index.md", "\n".join(daftar) + "\n")
    for kode, baris in per_kode.items():
        ind = definisi[kode]
        isi = [*kepala_halaman(f"{kode} {ind.uraian}"), ""]
        if ind.definisi:
            isi += [f"**Definisi operasional.** {aman(ind.definisi)}", ""]
        arah = "makin tinggi makin baik" if ind.polaritas == "naik" else "makin rendah makin baik"
        isi += [f"Satuan {aman(ind.satuan)} · {arah} · agregasi tahunan: {aman(ind.agregasi)}.",
                ""]
        titik = [(n.label, n.capaian) for n in baris[-24:]]
        isi += ['<div class="grafik" data-search-exclude>',
                grafik.garis(titik, judul=f"Capaian {kode} per periode").strip(), "</div>"]
        isi += _tabel(["Periode", "Target", "Realisasi", "Capaian", "Kategori"], "lrrrl",
                      [list(n.sel) for n in baris])
        # A folder per page: a raw HTML link then resolves the same whether the builder reads it
        # from the page's URL (MkDocs) or from its source file (Zensical).
        penulis.tulis(f"indikator/{slug(kode)}/index.md", "\n".join(isi) + "\n")


def _halaman_sop(penulis: _Penulis) -> None:
    s = sop()
    isi = [*kepala_halaman(s.nama), "",
           "Sepuluh langkah pengukuran kinerja, pelaksananya, dan mutu baku waktunya. Tabel ini "
           "dibaca dari data SOP yang sama dengan yang dipakai untuk menjadwalkan dan memantau "
           "setiap periode."]
    isi += _tabel(["No", "Uraian", "Pelaksana", "Masukan", "Mutu baku", "Keluaran"], "rLllrl",
                  [[str(x.nomor), h(x.uraian), h(x.nama_pelaksana), h(x.masukan),
                    h(x.mutu_baku), h(x.keluaran)] for x in s.langkah])
    isi += [f"**Kelengkapan:** {aman(', '.join(s.kelengkapan))}.", "",
            f"**Peringatan:** {aman(s.peringatan)}", ""]
    penulis.tulis("sop.md", "\n".join(isi) + "\n")


def _ringkasan(kantor: Kantor, t: _Terbit) -> str:
    """The home page's headline (included with a snippet) for the latest ratified period."""
    jumlah = t.rekap.jumlah_kategori(kantor)
    rel = f"arsip/{t.periode.tahun}/{t.periode.kode}/index.md"
    isi = [f"### Terakhir disahkan: [{t.periode.nama}]({rel})",
           "", f"{len(t.rekap.indikator)} indikator diukur:", ""]
    isi += [f"- {_kategori(k)}: {n} indikator" for k, n in jumlah.items()]
    return "\n".join(isi) + "\n"


# --- what every office owns: its name, its rules ----------------------------------------------------

def halaman_kantor(kantor: Kantor) -> dict[str, str]:
    """The office's own words for the hand-written pages (included as snippets) and the site's
    title (``_situs.yml``, inherited by mkdocs.yml): renaming the office in kinerja.yml renames
    it everywhere on the next build, and no other office's name is ever shown."""
    i = kantor.instansi
    pemerintah = i.pemerintah.removeprefix("Pemerintah ")
    pimpinan = next(iter(kantor.pemegang("camat")), None)
    jabatan = pimpinan.jabatan if pimpinan else "pimpinan"
    a = kantor.capaian
    turun = ("(2 × target − realisasi) ÷ target × 100%" if a.rumus_turun == "2T-R"
             else "target ÷ realisasi × 100%")
    batas = f", paling tinggi {format_persen(a.batas_atas)}" if a.batas_atas else ""
    pita = sorted(a.kategori, key=lambda k: -k.min)
    kategori = ", ".join(
        f"{aman(k.nama)} (≥ {format_angka(k.min)})" if n < len(pita) - 1
        else f"{aman(k.nama)} (di bawah {format_angka(pita[n - 1].min) if n else '–'})"
        for n, k in enumerate(pita))
    judul = f"Pengukuran Kinerja {i.nama}"
    keterangan = f"Arsip pengukuran kinerja {i.nama}, {pemerintah}"
    return {
        "_situs.yml": ("# Dibuat oleh «kinerja situs» dari kinerja.yml; jangan diubah tangan.\n"
                       f"site_name: {lolos.yaml(judul)}\n"
                       f"site_description: {lolos.yaml(keterangan)}\n"),
        "_kantor.md": (f"{aman(i.nama)}, {aman(pemerintah)}, mengukur kinerjanya setiap triwulan "
                       "dengan membandingkan realisasi terhadap target Perjanjian Kinerja, sesuai "
                       "SOP Pengukuran Kinerja. Setiap pengukuran diperiksa Kasubbag Perencanaan "
                       f"dan Sekretaris, lalu disahkan {aman(jabatan)}; hanya pengukuran yang "
                       "telah disahkan yang tampil di sini.\n"),
        "_aturan.md": ("Capaian dihitung dengan rumus yang sama untuk setiap periode: indikator "
                       "«makin tinggi makin baik» sebagai realisasi ÷ target × 100%; indikator "
                       f"«makin rendah makin baik» sebagai {turun}{batas}. Kategori capaian: "
                       f"{kategori}. Aturan ini dibaca dari kinerja.yml {aman(i.nama)}.\n"),
    }
