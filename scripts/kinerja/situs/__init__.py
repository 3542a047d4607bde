"""The public archive: plain Markdown pages (and inline SVG) for Zensical or MkDocs.

Only ratified periods are published — ratified as the snapshot proves it, measured by their
seals. Pages are written under ``content/arsip/`` (regenerated every build, ignored by Git), into a
fresh folder swapped in whole. People's text is HTML- and Markdown-escaped: a ``<script>`` in an
explanation shows as text.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from kinerja.dokumen import laporan, lkjip_bahan, render, surat
from kinerja.dokumen.keaslian import JenisDokumen
from kinerja.dokumen.renaksi import buat_dokumen, nama_pdf, sidik_renaksi
from kinerja.inti import berkas
from kinerja.inti.beku import beku
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import PERIODE, Kantor, Periode
from kinerja.layanan import Potret, potret
from kinerja.pengesahan import catatan as ct
from kinerja.pengesahan import git
from kinerja.pengesahan.catatan import sidik_versi
from kinerja.pengesahan.segel import dari_segel, sidik_sama
from kinerja.situs import halaman as hl
from kinerja.situs import keaslian as ks
from kinerja.situs import periode as hp
from kinerja.situs.penulis import Penulis
from kinerja.ukur.evaluasi import evaluasi_periode

__all__ = ["HasilSitus", "bangun"]


@beku
class HasilSitus:
    halaman: int  # pages generated
    ditulis: int  # pages whose text changed
    pdf: int  # PDFs copied
    periode: tuple[str, ...]  # ratified periods published


def bangun(pt: Potret, *, pdf: bool = False) -> HasilSitus:
    """Write the archive pages under ``content/arsip/`` (with ``pdf``: render the ratified
    documents first where build/ lacks them or holds others)."""
    kantor = pt.kantor
    if kantor is None:
        galat = tuple(t for t in pt.temuan if t.galat and t.berkas == "kinerja.yml")
        raise BerkasTidakValid(galat) if galat else KinerjaError(
            "kinerja.yml tidak dapat dibaca; jalankan «kinerja periksa kinerja.yml»")
    hilang = tuple(t for t in pt.temuan if t.aturan == "periode-disahkan-hilang")
    if hilang:
        raise BerkasTidakValid(hilang)  # the archive never drops a ratified period silently
    penulis = Penulis(pt.akar / "content" / "arsip")
    try:
        per_tahun = []
        nilai: list[hl.Nilai] = []
        ringkasan = "Belum ada periode yang disahkan.\n"
        pdf_ = 0
        indeks = ks.Indeks(kantor.instansi.nama)
        for th in sorted(pt.tahun):
            terbit = _tahun(pt, kantor, th, pdf=pdf)
            if not terbit:
                continue
            for t in terbit:
                teks, salinan = hp.halaman(pt.akar, t)
                penulis.tulis(f"{th}/{t.periode.kode}/index.md", teks)
                indeks.periode(t.periode, t.unduh)
                for sumber, rel in [*_unduh(pt, t), *salinan]:
                    penulis.salin(sumber, rel)
                    pdf_ += 1
            dokumen, salinan = _dokumen_tahun(pt, kantor, th, terbit, indeks, pdf=pdf)
            penulis.tulis(f"{th}/index.md", hl.halaman_tahun(kantor, th, terbit) + dokumen)
            for sumber, rel in salinan:
                penulis.salin(sumber, rel)
                pdf_ += 1
            ni = hl.nilai_indikator(terbit)
            nilai += ni
            per_tahun.append(hl.Tahun(th, tuple(t.periode.kode for t in terbit), tuple(ni)))
            ringkasan = hl.ringkasan(kantor, terbit[-1])
        penulis.tulis("index.md", hl.halaman_arsip(kantor, per_tahun))
        for rel, teks in hl.halaman_indikator(nilai).items():
            penulis.tulis(rel, teks)
        penulis.tulis("sop.md", hl.halaman_sop())
        penulis.tulis(ks.INDEKS, indeks.json())
        penulis.tulis(f"{ks.HALAMAN}/index.md", ks.halaman_periksa(kantor.instansi.nama))
        penulis.tulis("_ringkasan.md", ringkasan)
        for rel, teks in hl.halaman_kantor(kantor).items():
            penulis.tulis(rel, teks)
        penulis.pasang()
    except BaseException:
        penulis.buang()
        raise
    return HasilSitus(penulis.halaman, penulis.ditulis, pdf_,
                      tuple(f"{t.tahun}-{kode}" for t in per_tahun for kode in t.periode))


def _tahun(pt: Potret, kantor: Kantor, th: int, *, pdf: bool) -> list[hp.Terbit]:
    tahun = pt.tahun[th]
    disahkan = [p for kode in PERIODE if (p := tahun.periode.get(kode)) and p.disahkan]
    if disahkan and tahun.pk is None:
        # A ratified period must not silently vanish from the archive because its PK broke.
        galat = pt.penghalang(None, tahun=th)
        if galat:
            raise BerkasTidakValid(galat)
        raise KinerjaError(f"periode {disahkan[0].id} telah disahkan tetapi "
                           f"periods/{th}/perjanjian-kinerja.yml tidak ada; kembalikan Perjanjian "
                           "Kinerja tahun itu")
    hasil = []
    for p in disahkan:
        galat = pt.penghalang(p)
        if galat:
            raise BerkasTidakValid(galat)  # what is published is what was ratified, and valid
        k, pk, ra = pt.ukuran(p)
        rekap = pt.rekap(p)
        t = hp.Terbit(p, k, pk, rekap, ra, evaluasi_periode(rekap, k, pk, ra))
        hasil.append(_pdf(pt, t, pdf=pdf))
    return hasil


_DOKUMEN: tuple[tuple[JenisDokumen, str, str], ...] = (
    ("laporan", "laporan-pengukuran-kinerja-{id}.pdf", "Laporan (PDF)"),
    ("surat", "surat-pengantar-{id}.pdf", "Surat pengantar (PDF)"))


def _pdf(pt: Potret, t: hp.Terbit, *, pdf: bool) -> hp.Terbit:
    """The period's ratified documents: built where build/ lacks them or holds PDFs made from
    something other than the seal (never published stale)."""
    p = t.periode
    folder = pt.akar / "build" / p.id
    unduh = []
    for jenis, pola, judul in _DOKUMEN:
        nama = pola.format(id=p.id)
        sumber = folder / nama
        if pdf and not dari_segel(sumber, p, jenis):
            if jenis == "laporan":
                with render.Pandoc("laporan") as proses:
                    laporan.buat(pt, p, proses, draf=False)
            elif p.surat.nomor:
                surat.buat_surat(pt, p, draf=False)
        if dari_segel(sumber, p, jenis):
            unduh.append(ks.Unduhan(nama, judul, ks.sha256(sumber), jenis, p.versi))
    for r in p.revisi:
        nama = f"laporan-pengukuran-kinerja-{p.id}-versi-{r.versi}.pdf"
        sumber = folder / nama
        if not sumber.is_file() and pdf:
            _pdf_versi_lama(pt.akar, p, r.versi, sumber)
        if sumber.is_file():
            unduh.append(ks.Unduhan(nama, f"Laporan versi {r.versi} sebelum revisi (PDF)",
                                    ks.sha256(sumber), "laporan", r.versi))
    return hp.Terbit(p, t.kantor, t.pk, t.rekap, t.renaksi, t.evaluasi, tuple(unduh))


def _unduh(pt: Potret, t: hp.Terbit) -> list[tuple[Path, str]]:
    p = t.periode
    return [(pt.akar / "build" / p.id / u.nama, f"{p.tahun}/{p.kode}/{u.nama}") for u in t.unduh]


def _pdf_versi_lama(akar: Path, p: Periode, versi: int, tujuan: Path) -> None:
    """The report of an earlier, revised version, rebuilt from the tree its ratification tag
    points at. Without that tag here, the earlier version is not offered."""
    tag = ct.nama_tag(p.id, versi)
    if not git.repo_git(akar) or not git.tag_ada(akar, tag):
        return
    with tempfile.TemporaryDirectory() as tmp:
        pohon = Path(tmp) / "versi"
        git.git(akar, "worktree", "add", "--quiet", "--detach", str(pohon), f"{tag}^{{commit}}")
        try:
            lama = potret(pohon, tahun={p.tahun}, hanya={p.id})
            q = lama.cari(p.id)
            if q.disahkan and q.versi == versi:
                with render.Pandoc("laporan") as proses:
                    hasil = laporan.buat(lama, q, proses, draf=False)
                berkas.salin(hasil.pdf, tujuan)
        finally:
            git.git(akar, "worktree", "remove", "--force", str(pohon))


def _dokumen_tahun(pt: Potret, kantor: Kantor, th: int, terbit: list[hp.Terbit],
                   indeks: ks.Indeks, *, pdf: bool) -> tuple[str, list[tuple[Path, str]]]:
    """The year's own documents on its page: the LKjIP (ratified with the yearly period: its
    figures and its PDF) and the Rencana Aksi (its actions and its PDF)."""
    isi: list[str] = []
    salinan: list[tuple[Path, str]] = []
    tahunan = next((t for t in terbit if t.periode.kode == "tahunan"), None)
    if tahunan is not None:
        nama = f"lkjip-{th}.pdf"
        sumber = pt.akar / "build" / str(th) / nama
        if pdf and not dari_segel(sumber, tahunan.periode, "lkjip"):
            # Its prose not all written yet: the page still shows the figures, without the PDF.
            with contextlib.suppress(KinerjaError), render.Pandoc("dokumen") as proses:
                lkjip_bahan.buat(pt, th, proses, draf=False)
        ada = dari_segel(sumber, tahunan.periode, "lkjip")
        u = None
        if ada:
            salinan.append((sumber, f"{th}/{nama}"))
            u = ks.Unduhan(nama, f"LKjIP {th} (PDF)", ks.sha256(sumber), "lkjip",
                           tahunan.periode.versi)
            indeks.catat(u, f"LKjIP Tahun {th}", f"{th}/#keaslian-lkjip")
        isi += hl.lkjip(th, tahunan, nama if ada else None)
        if tahunan.periode.segel is not None:
            segel = sidik_versi(tahunan.periode.segel)
            indeks.tahun("lkjip", th, segel)
            isi += ks.baris_tahun("lkjip", segel, u)
    ra = pt.renaksi(th)
    if ra is not None and ra.aksi and not ra.rusak:
        # The public copy, without the Camat's signature block: kinerja does not ratify the
        # plan. A PDF of an earlier plan is never offered beside today's table: it is rebuilt,
        # or left out.
        nama = f"rencana-aksi-{th}.pdf"
        sumber = pt.akar / "build" / str(th) / nama_pdf(th, tanda_tangan=False)
        sidik = sidik_renaksi(pt.akar, th, tanda_tangan=False)
        if pdf and not sidik_sama(sumber, sidik):
            with contextlib.suppress(KinerjaError):
                buat_dokumen(pt, th, tanda_tangan=False)
        ada = sidik_sama(sumber, sidik)
        u = None
        if ada:
            salinan.append((sumber, f"{th}/{nama}"))
            u = ks.Unduhan(nama, f"Rencana Aksi {th} (PDF)", ks.sha256(sumber), "renaksi", 1)
            indeks.catat(u, f"Rencana Aksi Tahun {th} (salinan umum)",
                          f"{th}/#keaslian-rencana-aksi")
        isi += hl.rencana_aksi(kantor, th, ra, nama if ada else None)
        indeks.tahun("renaksi", th, sidik)
        # the signed copy the office prints is not published, but its code is known
        indeks.tahun("renaksi", th, sidik_renaksi(pt.akar, th, tanda_tangan=True))
        isi += ks.baris_tahun("renaksi", sidik, u)
    return ("\n".join(isi) + "\n" if isi else ""), salinan

