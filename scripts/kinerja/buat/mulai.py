"""`kinerja mulai`: turn a fresh copy of this repository into one office's own.

It writes the office's ``kinerja.yml`` and the current year's Perjanjian Kinerja as commented
skeletons (each blank that must be filled is a finding of ``kinerja periksa`` on its line, so
the checker leads the way). It never touches an office that has already started: a repository
whose root holds ``kinerja.yml`` or ``periods/`` is refused, unless those are an untouched copy
of the sample office (``contoh/``), byte for byte — nothing anyone typed.
"""

from __future__ import annotations

from pathlib import Path

from kinerja.inti import berkas, lolos
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.inti.tata import BERKAS_KANTOR, FOLDER_PERIODS, berkas_pk

KERTAS = ("A4", "F4")


@beku
class Permintaan:
    akar: Path
    instansi: str
    pemerintah: str
    kota: str
    kertas: str
    tahun: int


@beku
class HasilMulai:
    ditulis: tuple[str, ...]
    dihapus: tuple[str, ...]
    langkah: tuple[str, ...]  # what to do next, in order


def _kantor(p: Permintaan) -> str:
    y = lolos.yaml
    return f"""# yaml-language-server: $schema=content/skema/kinerja.json
# Kantor: identitas untuk kop surat, pegawai dan perannya dalam SOP, seksi pengisi formulir,
# dan aturan perhitungan capaian. Isi setiap bagian yang kosong; «kinerja periksa» menyebut
# baris mana yang masih perlu diisi. Persetujuan hanya sah dari pegawai yang di sini memegang
# perannya.
instansi:
  nama: {y(p.instansi)}
  pemerintah: {y(p.pemerintah)}
  alamat:       # alamat kantor untuk kop surat
  kota: {y(p.kota)}
  telepon:
  email:

kertas: {p.kertas}

jam_kerja:
  mulai: "07:30"
  selesai: "16:00"
  hari: [senin, selasa, rabu, kamis, jumat]

# Setiap pegawai yang menandatangani laporan. Peran: camat, sekcam, kasubbag-perencanaan
# (ketiganya menyetujui, dan harus tiga orang berbeda), kasi, pelaksana. «email» adalah surel
# Git orang itu; «akun» akunnya di Git host (github, gitea, gitlab).
pegawai:
  - id: camat
    nama:
    nip:
    jabatan: Camat
    peran: camat
    email:
    akun: {{}}
  - id: sekcam
    nama:
    nip:
    jabatan: Sekretaris Kecamatan
    peran: sekcam
    email:
    akun: {{}}
  - id: kasubbag-perencanaan
    nama:
    nip:
    jabatan: Kepala Subbagian Perencanaan
    peran: kasubbag-perencanaan
    email:
    akun: {{}}

# Seksi yang mengisi formulir; «kepala» adalah id pegawai di atas.
seksi:
  - id: sekretariat
    nama: Sekretariat
    kepala: sekcam

capaian:
  rumus_turun: 2T-R     # indikator «makin rendah makin baik»: (2 × target − realisasi) / target
  batas_atas: 120       # capaian paling tinggi, persen
  ambang_efisiensi: 5
  kategori:             # pita Permendagri 86/2017
    - {{nama: Sangat Tinggi, min: 91}}
    - {{nama: Tinggi, min: 76}}
    - {{nama: Sedang, min: 66}}
    - {{nama: Rendah, min: 51}}
    - {{nama: Sangat Rendah, min: 0}}
"""


def _kepala_daerah(pemerintah: str) -> str:
    """The head of the regional government the Camat answers to, by name of the region: a
    kota has a Wali Kota, a kabupaten a Bupati («Pemerintah Kota Pekalongan» → «Wali Kota
    Pekalongan»)."""
    kata = pemerintah.split()
    if kata and kata[0].casefold() == "pemerintah":
        kata = kata[1:]
    kota = bool(kata) and kata[0].casefold() == "kota"
    if kata and kata[0].casefold() in ("kota", "kabupaten"):
        kata = kata[1:]
    return " ".join(["Wali Kota" if kota else "Bupati", *kata])


def _pk(p: Permintaan) -> str:
    return f"""# yaml-language-server: $schema=../../content/skema/perjanjian-kinerja.json
# Perjanjian Kinerja Tahun {p.tahun} {p.instansi}: sasaran, indikator, target, dan program.
# Isi dari dokumen PK yang ditandatangani; «kinerja periksa» menyebut baris yang masih kosong.
# Urutan tahun: PK ini, lalu Rencana Aksi («kinerja renaksi baru {p.tahun}») sebelum triwulan
# pertama, lalu periode triwulan, lalu periode tahunan dan LKjIP.
tahun: {p.tahun}
tanggal:          # tanggal PK ditandatangani, TTTT-BB-HH
pihak_pertama:  # yang berjanji
  nama:
  jabatan: Camat
pihak_kedua:  # atasan yang menerima janji
  nama:
  jabatan: {_kepala_daerah(p.pemerintah)}
sasaran:
  - kode: SS-1
    uraian:       # rumusan sasaran strategis
    indikator:
      - kode: IK-1.1
        uraian:   # rumusan indikator kinerja
        satuan:   # persen, desa, hari, …
        polaritas: naik       # naik: makin tinggi makin baik; turun: makin rendah makin baik
        agregasi: jumlah      # jumlah | terakhir | rata-rata (triwulan menjadi tahunan)
        target:               # target tahunan: angka, rentang (80-90), atau predikat
        target_triwulan:      # empat nilai TW I–IV, misalnya [10, 10, 10, 10]
        seksi: sekretariat
        # Bila perlu (hapus tanda # untuk memakai):
        # definisi: Jumlah desa yang dibina dibagi seluruh desa, dikali 100
        # sumber_data: Laporan bulanan Seksi Pemerintahan
        # target_renstra: 100   # target akhir Rencana Strategis
    # Indikator berpredikat (target dan realisasi berupa huruf) memakai skala nilai:
    #   - kode: IK-1.2
    #     uraian: Predikat evaluasi SAKIP kecamatan
    #     satuan: predikat
    #     polaritas: naik
    #     agregasi: terakhir
    #     target: BB
    #     target_triwulan: [B, B, BB, BB]
    #     skala: {{AA: 6, A: 5, BB: 4, B: 3, CC: 2, C: 1}}
    #     seksi: sekretariat
# Program dan anggarannya (pagu dalam rupiah), dengan indikator yang didukungnya:
program: []
#  - kode: 7.01.02
#    nama: Program Penyelenggaraan Pemerintahan dan Pelayanan Publik
#    seksi: sekretariat
#    anggaran: Rp 100.000.000
#    indikator: [IK-1.1]
#    rencana_triwulan: [Rp 20.000.000, Rp 50.000.000, Rp 80.000.000, Rp 100.000.000]
#    # (anggaran kas kumulatif s.d. TW I, II, III, IV)
"""


def _salinan_contoh(akar: Path) -> list[Path] | None:
    """The root's office files, when they are an untouched copy of the sample office shipped in
    ``contoh/`` (every file byte for byte, nothing more): those may be replaced. None otherwise."""
    contoh = akar / "contoh"
    hasil = []
    for path in [akar / BERKAS_KANTOR, *sorted((akar / FOLDER_PERIODS).rglob("*"))]:
        if not path.exists() or path.is_dir():
            continue
        rel = path.relative_to(akar)
        asli = contoh / rel
        try:
            if path.is_symlink() or not asli.is_file() or asli.read_bytes() != path.read_bytes():
                return None
        except OSError:
            return None
        hasil.append(path)
    return hasil


def mulai(p: Permintaan) -> HasilMulai:
    if p.kertas not in KERTAS:
        raise KinerjaError(f"kertas «{p.kertas}» tidak dikenal; pilih A4 atau F4")
    for nama, nilai in (("instansi", p.instansi), ("pemerintah", p.pemerintah),
                        ("kota", p.kota)):
        if not nilai.strip():
            raise KinerjaError(f"--{nama} tidak boleh kosong")
    kantor = p.akar / BERKAS_KANTOR
    periods = p.akar / FOLDER_PERIODS
    ada = kantor.exists() or kantor.is_symlink() or (periods.exists() and (
        not periods.is_dir() or any(periods.iterdir())))
    dihapus: list[Path] = []
    if ada:
        salinan = _salinan_contoh(p.akar)
        if salinan is None:
            raise KinerjaError(
                "repositori ini sudah berisi data kantor (kinerja.yml atau periods/ di akar); "
                "«kinerja mulai» hanya menulis kerangka di repositori yang belum berisi data dan "
                "tidak menghapus atau menimpa apa pun. Untuk melanjutkan kantor ini, jalankan "
                "«kinerja periksa»; untuk kantor baru, mulai di salinan repositori yang baru")
        dihapus = salinan
    ditulis = [BERKAS_KANTOR, berkas_pk(p.tahun)]
    for path in dihapus:  # an untouched copy of the sample: nothing anyone typed
        path.unlink()
    berkas.tulis(kantor, _kantor(p))
    berkas.tulis(p.akar / ditulis[1], _pk(p))
    langkah = (
        "isi kinerja.yml: alamat, pegawai (nama, NIP, surel Git, akun Git host), dan seksi",
        f"isi {ditulis[1]} dari dokumen Perjanjian Kinerja yang ditandatangani",
        f"tulis Rencana Aksi sebelum triwulan pertama: «kinerja renaksi baru {p.tahun}», lalu "
        f"isi periods/{p.tahun}/rencana-aksi.yml (triwulan yang diukur tanpa Rencana Aksi "
        "tidak punya evaluasi aksi)",
        "jalankan «kinerja periksa» sampai tidak ada galat",
        "commit, lalu buat periode pertama: «kinerja periode baru "
        f"{p.tahun} tw1 --mulai TTTT-BB-HH»",
        "di GitHub: ikuti README «Memakai kinerja untuk kantor Anda» (Actions, Pages, ruleset); "
        "tanpa Git host: README «Beberapa orang tanpa Git host»",
    )
    return HasilMulai(tuple(ditulis), tuple(x.relative_to(p.akar).as_posix() for x in dihapus),
                      langkah)
