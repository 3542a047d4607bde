"""Every rule the checker applies: its id, its level, and one Indonesian line saying what it
checks. One registry (as yamllint's), read by the findings collector for each finding's level
and generated into the site's page «Daftar pemeriksaan» (``kinerja skema``)."""

from __future__ import annotations

from typing import Literal

from kinerja.inti.beku import beku

Tingkat = Literal["galat", "peringatan"]


@beku
class Aturan:
    tingkat: Tingkat
    uraian: str


_G: Tingkat = "galat"

ATURAN: dict[str, Aturan] = {
    # Reading a file at all
    "berkas-tak-terbaca": Aturan(_G, "berkas tidak dapat dibaca (izin berkas)"),
    "berkas-besar": Aturan(_G, "berkas terlalu besar untuk sebuah formulir atau data kantor"),
    "berkas-kosong": Aturan(_G, "berkas kosong"),
    "bukan-utf8": Aturan(_G, "berkas tidak tersimpan sebagai UTF-8"),
    "bukan-teks": Aturan(_G, "berkas memuat karakter NUL: bukan berkas teks"),
    "yaml-sintaks": Aturan(_G, "sintaks YAML tidak valid (titik dua, kutip, kurung, indentasi)"),
    "yaml-tab": Aturan(_G, "karakter tab dipakai untuk indentasi"),
    "yaml-alias": Aturan(_G, "alias atau anchor YAML (*nama, &nama) dipakai"),
    "yaml-tag": Aturan(_G, "tag YAML (!nama) dipakai"),
    # The shape of each file
    "butir-kosong": Aturan(_G, "butir daftar kosong: baris «-» tanpa isi"),
    "komentar-dalam-teks": Aturan("peringatan", "teks sesudah «#» yang terbuang sebagai "
                                                "komentar YAML (isian terpotong diam-diam)"),
    "kunci-tak-dikenal": Aturan(_G, "kunci yang tidak dikenal (salah ketik), dengan saran"),
    "kunci-ganda": Aturan(_G, "kunci yang sama ditulis dua kali"),
    "kunci-kosong": Aturan(_G, "pegawai yang menyetujui tanpa surel atau kunci penanda tangan "
                               "saat tanda tangan diwajibkan"),
    "kunci-tak-valid": Aturan(_G, "kunci yang bukan teks sederhana"),
    "kunci-terlarang": Aturan(_G, "kunci yang tidak boleh diisi di berkas ini (misalnya pagu "
                                  "di formulir)"),
    "kunci-wajib": Aturan(_G, "kunci wajib tidak ada"),
    "wajib-diisi": Aturan(_G, "kunci wajib ada tetapi kosong"),
    "tipe-salah": Aturan(_G, "nilai berbentuk salah (teks, angka, tanggal, daftar, pilihan)"),
    "angka-tak-valid": Aturan(_G, "angka yang tidak dapat dibaca tanpa menebak, atau terlalu "
                                  "besar"),
    "target-negatif": Aturan(_G, "target bernilai negatif"),
    "target-teks": Aturan(_G, "target berupa predikat tanpa skala nilai"),
    "logo-tak-valid": Aturan(_G, "logo di luar repositori, tidak ada, atau bukan gambar"),
    "jam-kerja-terbalik": Aturan(_G, "jam pulang tidak sesudah jam masuk"),
    # The office
    "akun-ganda": Aturan(_G, "akun Git host atau surel yang dipakai dua pegawai"),
    "akun-kosong": Aturan(_G, "penyetuju tanpa akun di Git host yang dipakai kantor"),
    "kode-ganda": Aturan(_G, "id atau kode yang dipakai dua kali"),
    "kepala-tak-dikenal": Aturan(_G, "kepala seksi yang tidak ada di daftar pegawai"),
    "peran-rangkap": Aturan(_G, "satu orang memegang dua peran penyetuju"),
    "peran-kosong": Aturan(_G, "peran SOP (Camat, Sekcam, Kasubbag Perencanaan) tanpa pemegang"),
    # The Perjanjian Kinerja
    "pk-hilang": Aturan(_G, "tahun tanpa perjanjian-kinerja.yml"),
    "tahun-salah": Aturan(_G, "tahun di Perjanjian Kinerja tidak sesuai dengan foldernya"),
    "seksi-salah": Aturan(_G, "seksi di formulir tidak sesuai dengan nama berkasnya"),
    "program-tak-dikenal": Aturan(_G, "realisasi anggaran untuk program yang bukan milik "
                                      "seksi itu di PK"),
    "target-tak-konsisten": Aturan("peringatan", "target triwulan tidak cocok dengan target "
                                                 "tahunan menurut agregasinya"),
    # Periods and forms
    "tidak-diperiksa": Aturan(_G, "berkas yang disebut pada perintah tetapi tidak dibaca kinerja "
                                  "(di luar susunan repo): tidak diperiksa"),
    "periode-disahkan-hilang": Aturan(_G, "tag pengesahan untuk periode yang foldernya tidak ada "
                                          "lagi: arsip akan kehilangan periode itu"),
    "folder-tak-dikenal": Aturan(_G, "folder yang bukan tahun atau periode (termasuk angka "
                                     "serupa seperti ２０２６)"),
    "berkas-tak-dikenal": Aturan(_G, "berkas di periods/ yang bukan bagian data (misalnya "
                                     "catatan.yml di folder periode)"),
    "tautan-simbolik": Aturan(_G, "tautan simbolik di periods/: tidak diikuti, agar tidak ada "
                                  "berkas dari luar repositori yang terbaca"),
    "periode-hilang": Aturan(_G, "folder periode tanpa periode.yml"),
    "periode-salah": Aturan(_G, "tahun atau kode di periode.yml tidak sesuai foldernya"),
    "formulir-hilang": Aturan(_G, "seksi dengan indikator di PK tetapi tanpa formulir"),
    "seksi-tak-dikenal": Aturan(_G, "formulir untuk seksi yang tidak ada di kinerja.yml"),
    "indikator-tak-dikenal": Aturan(_G, "isian untuk indikator yang tidak ada di PK"),
    "indikator-seksi-lain": Aturan(_G, "isian untuk indikator milik seksi lain"),
    "indikator-hilang": Aturan(_G, "indikator seksi di PK tanpa isian di formulir"),
    "program-hilang": Aturan(_G, "program seksi di PK tanpa baris realisasi anggaran"),
    "realisasi-negatif": Aturan("peringatan", "realisasi bernilai negatif"),
    "realisasi-skala": Aturan(_G, "realisasi bukan predikat pada skala indikator"),
    "belum-diisi": Aturan(_G, "isian yang harus diisi untuk laporan final (--lengkap)"),
    "bukti-tak-valid": Aturan(_G, "bukti dukung berupa tautan http(s) yang tidak valid"),
    "bukti-tak-ada": Aturan(_G, "bukti dukung yang bukan tautan dan bukan berkas di repo"),
    # The Rencana Aksi (rencana-aksi.yml) and its quarterly evaluation in the forms
    "aksi-kurang": Aturan(_G, "indikator tanpa aksi pada triwulan yang diberi target oleh PK"),
    "pegawai-tak-dikenal": Aturan(_G, "penanggung jawab aksi yang tidak ada di daftar pegawai"),
    "aksi-tak-dikenal": Aturan(_G, "evaluasi aksi yang tidak direncanakan untuk indikator dan "
                                   "triwulan itu"),
    "aksi-hilang": Aturan(_G, "aksi yang direncanakan triwulan ini tanpa evaluasi di formulir"),
    "anggaran-lebih": Aturan("peringatan", "realisasi anggaran program melebihi pagunya di "
                                           "Perjanjian Kinerja"),
    "kategori-urutan": Aturan("peringatan", "pita kategori capaian ditulis tidak berurutan dari "
                                            "yang tertinggi (nilai min tertukar?)"),
    "penyetuju-tanpa-surel": Aturan("peringatan", "penyetuju tanpa surel Git: keputusannya tanpa "
                                                  "Git host tidak dapat dikenali"),
    "lkjip-belum-ditulis": Aturan(_G, "bagian LKjIP yang ditulis kantor masih kosong saat "
                                      "periode tahunan diperiksa untuk disetujui (--lengkap)"),
    "lkjip-tak-tampil": Aturan("peringatan", "uraian LKjIP memakai Markdown yang tidak dimuat "
                                             "LKjIP (tabel, kode, HTML, gambar): tercetak "
                                             "sebagai teks biasa"),
    # Ratification
    "segel-rusak": Aturan(_G, "berkas periode yang sudah disahkan berubah tanpa revisi"),
    "riwayat-hilang": Aturan("peringatan", "pengesahan Camat yang tercatat di riwayat tetapi "
                                           "tag pengesahannya belum dibuat atau belum diambil "
                                           "(pengesahan yang terhenti)"),
    "pengesahan-palsu": Aturan(_G, "tag pengesahan/… yang tidak dibuktikan riwayat Git (dibuat "
                                   "tangan, tag ringan, di cabang lain, atau catatannya diubah): "
                                   "bukan pengesahan"),
    "pengesahan-tak-terverifikasi": Aturan("peringatan", "pengesahan lewat Git host yang belum "
                                                         "dapat dibuktikan karena API-nya tidak "
                                                         "dapat ditanya"),
    "riwayat-tangan": Aturan(_G, "riwayat.yml yang tidak sama dengan yang dibuktikan riwayat "
                                 "pengesahan (ditulis tangan, atau di luar repositori Git)"),
}


def halaman() -> str:
    """The site page listing every check, generated by ``kinerja skema``."""
    baris = ["# Daftar pemeriksaan", "",
             "Setiap temuan `kinerja periksa` menyebut berkas, baris, kolom, dan kode aturannya "
             "dalam kurung siku, misalnya `[angka-tak-valid]`. Galat menahan laporan final dan "
             "persetujuan; peringatan hanya mengingatkan.", "",
             "| Kode | Tingkat | Yang diperiksa |", "|---|---|---|"]
    baris += [f"| `{k}` | {a.tingkat} | {a.uraian} |" for k, a in sorted(ATURAN.items())]
    return "\n".join(baris) + "\n"
