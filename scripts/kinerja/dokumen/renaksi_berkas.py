"""The Rencana Aksi's files: its commented skeleton from the PK (``kinerja renaksi baru``) and its
document, PDF with the office's letterhead, signed by the Camat (``kinerja renaksi``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kinerja.baca.muat import cari_akar, muat_repo
from kinerja.dokumen.laporan import blok_meta, md, meta_kop, nip, pemisah, salin_logo, sel
from kinerja.inti import lolos
from kinerja.inti.angka import format_tanggal
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import NAMA_PERIODE, TRIWULAN, Kantor, PerjanjianKinerja
from kinerja.pengesahan.segel import tulis_sidik
from kinerja.ukur.rekap import teks_target
from kinerja.ukur.renaksi import BERKAS_RENAKSI, RencanaAksi, perlu_aksi

SKEMA_DARI_TAHUN = "../../content/skema/rencana-aksi.json"


@dataclass(frozen=True)
class HasilRenaksi:
    berkas: Path


def _konteks(mulai: Path, tahun: int, *, renaksi: bool
             ) -> tuple[Path, Kantor, PerjanjianKinerja, RencanaAksi | None]:
    from kinerja.periksa import penghalang, periksa_repo

    akar = cari_akar(mulai)
    repo = muat_repo(akar, tahun={tahun})
    periksa_repo(repo, lengkap=False, hanya=None)
    t = repo.tahun.get(tahun)
    if repo.kantor is None or t is None or t.pk is None:
        galat = penghalang(repo.temuan.temuan, tahun=tahun, folder=None, untuk="buat")
        if galat:
            raise BerkasTidakValid(galat)
        raise KinerjaError(f"Perjanjian Kinerja {tahun} belum ada; buat periods/{tahun}/"
                           "perjanjian-kinerja.yml terlebih dahulu")
    galat = tuple(x for x in repo.temuan.temuan if x.galat and (
        x.berkas in ("kinerja.yml", t.pk.berkas) or
        (renaksi and x.berkas == f"periods/{tahun}/{BERKAS_RENAKSI}")))
    if galat:
        raise BerkasTidakValid(galat)
    return akar, repo.kantor, t.pk, t.renaksi


def _yaml(teks: str) -> str:
    return lolos.yaml(teks)


def teks_kerangka(kantor: Kantor, pk: PerjanjianKinerja) -> str:
    """The skeleton: one block per indicator, with one action to describe for the quarters the
    PK gives it a target, its person in charge defaulting to the section's head."""
    garis = "# " + "─" * 76
    baris = [
        f"# yaml-language-server: $schema={SKEMA_DARI_TAHUN}",
        garis,
        f"# RENCANA AKSI TAHUN {pk.tahun} — {kantor.instansi.nama}",
        "#",
        "# Untuk setiap indikator Perjanjian Kinerja: aksi yang direncanakan per triwulan.",
        "#   kode:              kode aksi, unik dalam setahun (misalnya RA-1.1.1)",
        "#   triwulan:          triwulan pelaksanaan, misalnya [tw1, tw2] atau tw3",
        "#   uraian:            apa yang dikerjakan",
        "#   penanggung_jawab:  id pegawai di kinerja.yml",
        "#   keluaran:          hasil yang diharapkan",
        "# Setiap indikator memerlukan sedikitnya satu aksi pada triwulan yang diberi target.",
        "# Tambah aksi dengan menyalin butir «- kode: …» beserta baris di bawahnya.",
        garis,
        f"tahun: {pk.tahun}",
        "",
        "rencana_aksi:",
    ]
    for ind in pk.indikator:
        tw = [x for x in TRIWULAN if perlu_aksi(ind, x)] or list(TRIWULAN)
        seksi = kantor.seksi_id(ind.seksi)
        baris += [
            f"  # {' '.join(ind.kode.split())} {' '.join(ind.uraian.split())}",
            "  #   target: " + " · ".join(
                f"{NAMA_PERIODE[x].replace('Triwulan ', 'TW ')} "
                f"{teks_target(ind.target_periode(x))}" for x in TRIWULAN),
            f"  - indikator: {_yaml(ind.kode)}",
            "    aksi:",
            f"      - kode: {_yaml('RA-' + ind.kode.removeprefix('IK-') + '.1')}",
            f"        triwulan: [{', '.join(tw)}]",
            "        uraian:",
            f"        penanggung_jawab: {_yaml(seksi.kepala) if seksi else ''}".rstrip(),
            "        keluaran:",
            "",
        ]
    return "\n".join(baris).rstrip("\n") + "\n"


def buat_kerangka(mulai: Path, tahun: int) -> HasilRenaksi:
    akar, kantor, pk, _ = _konteks(mulai, tahun, renaksi=False)
    path = akar / "periods" / str(tahun) / BERKAS_RENAKSI
    if path.exists():
        raise KinerjaError(f"{path.relative_to(akar).as_posix()} sudah ada dan tidak ditimpa; "
                           "ubah berkasnya langsung")
    path.write_text(teks_kerangka(kantor, pk), encoding="utf-8", newline="\n")
    return HasilRenaksi(path)


def susun_dokumen(kantor: Kantor, pk: PerjanjianKinerja, ra: RencanaAksi, *, tanggal: date,
                  logo: str | None = None) -> str:
    """The Rencana Aksi document: per sasaran, each indicator with its quarterly targets and
    the actions planned, who is in charge, and what they should produce."""
    camat = next(iter(kantor.pemegang("camat")), None)
    meta: dict[str, object] = {
        **meta_kop(kantor, logo),
        "title": md(f"RENCANA AKSI TAHUN {pk.tahun}"),
        "subtitle": md(f"{kantor.instansi.nama}, "
                       f"{kantor.instansi.pemerintah.removeprefix('Pemerintah ')}"),
        "judul_pendek": md(f"Rencana Aksi {pk.tahun}"),
        "tanggal": md(format_tanggal(tanggal)),
        "penanda_jabatan": md((camat.jabatan if camat else "Camat").upper()),
        "penanda_nama": md(camat.nama if camat else ""),
        "penanda_pangkat": md(camat.pangkat or "" if camat else ""),
        "penanda_nip": md(nip(camat.nip) if camat else ""),
    }
    baris = [*blok_meta(meta), "",
             md(f"Rencana Aksi ini menjabarkan Perjanjian Kinerja Tahun {pk.tahun} "
                f"{kantor.instansi.nama} menjadi aksi per triwulan, dengan penanggung jawab dan "
                "keluaran setiap aksi. Pelaksanaannya dievaluasi setiap triwulan dalam "
                "pengukuran kinerja."), ""]
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


def sidik_renaksi(akar: Path, tahun: int) -> str:
    """What the Rencana Aksi document is made from: the plan, the PK and the office, byte for
    byte. Written beside the PDF, so a stale one is known for what it is."""
    import hashlib

    h = hashlib.sha256()
    for path in (akar / "kinerja.yml", akar / "periods" / str(tahun) / "perjanjian-kinerja.yml",
                 akar / "periods" / str(tahun) / BERKAS_RENAKSI):
        h.update(path.read_bytes() if path.is_file() else b"")
        h.update(b"\0")
    return h.hexdigest()


def buat_dokumen(mulai: Path, tahun: int, *, tanggal: date | None = None,
                 keluaran: Path | None = None) -> HasilRenaksi:
    from kinerja.dokumen import render

    akar, kantor, pk, ra = _konteks(mulai, tahun, renaksi=True)
    if ra is None:
        raise KinerjaError(f"periods/{tahun}/{BERKAS_RENAKSI} belum ada; buat kerangkanya dengan "
                           f"«kinerja renaksi baru {tahun}»")
    folder = akar / "build" / str(tahun)
    logo = salin_logo(akar, kantor, folder)
    teks = susun_dokumen(kantor, pk, ra, tanggal=tanggal or date.today(), logo=logo)
    pdf = keluaran or folder / f"rencana-aksi-{tahun}.pdf"
    hasil = HasilRenaksi(render.pdf(teks, "dokumen", folder, "rencana-aksi", pdf.resolve()))
    tulis_sidik(pdf, sidik_renaksi(akar, tahun))
    return hasil
