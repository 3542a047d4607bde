"""The Rencana Aksi's skeleton (``kinerja renaksi baru``): one commented block per indicator of the
PK, to describe each quarter's actions."""

from __future__ import annotations

from pathlib import Path

from kinerja.baca.muat import cari_akar
from kinerja.inti import berkas, lolos, tata
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import NAMA_PERIODE, TRIWULAN, Kantor, PerjanjianKinerja
from kinerja.layanan import potret
from kinerja.ukur.rekap import teks_target
from kinerja.ukur.renaksi import perlu_aksi

SKEMA_DARI_TAHUN = "../../content/skema/rencana-aksi.json"


@beku
class HasilRenaksi:
    berkas: Path


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
    akar = cari_akar(mulai)
    pt = potret(akar, tahun={tahun}, hanya=())
    kantor, pk = pt.siap(None, tahun=tahun, untuk="buat")
    if pk is None:
        raise KinerjaError(f"Perjanjian Kinerja {tahun} belum ada; buat {tata.berkas_pk(tahun)} "
                           "terlebih dahulu")
    path = akar / tata.berkas_renaksi(tahun)
    if path.exists():
        raise KinerjaError(f"{tata.berkas_renaksi(tahun)} sudah ada dan tidak ditimpa; ubah "
                           "berkasnya langsung")
    berkas.tulis(path, teks_kerangka(kantor, pk))
    return HasilRenaksi(path)
