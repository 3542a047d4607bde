"""What each file may contain, written once, used twice: by the reader (``baca.peta``) and, as
JSON Schema, by editors that validate as you type (``kinerja skema``)."""

from __future__ import annotations

from typing import Any

from kinerja.baca.jenis import (
    Angka,
    Bulat,
    Jam,
    JenisTarget,
    Kode,
    Nip,
    Pilihan,
    Tanggal,
    Teks,
    TeksAtauAngka,
    Waktu,
)
from kinerja.baca.peta import Bidang, Daftar, Peta, PetaBebas
from kinerja.baca.teks import BATAS_UKURAN
from kinerja.inti.model import PERAN, PERIODE
from kinerja.inti.sop import URUTAN

# --- The files -------------------------------------------------------------------------------

_TEKS = Teks()
_URAIAN = Teks(maks=5000)  # a section's prose: a few paragraphs
_SUREL = Teks(r"[^@\s]+@[^@\s]+\.[^@\s]+", "nama@banjarnegarakab.go.id")

KANTOR = Peta((
    Bidang("instansi", Peta((
        Bidang("nama", _TEKS, "nama instansi, misalnya Kecamatan Batur", wajib=True),
        Bidang("pemerintah", _TEKS, "pemerintah daerah, misalnya Pemerintah Kabupaten "
               "Banjarnegara", wajib=True),
        Bidang("alamat", _TEKS, "alamat kantor untuk kop surat", wajib=True),
        Bidang("kota", _TEKS, "kota/tempat penandatanganan, misalnya Batur", wajib=True),
        Bidang("kode_pos", _TEKS, "kode pos"),
        Bidang("telepon", _TEKS, "nomor telepon kantor"),
        Bidang("email", _SUREL, "alamat surel kantor"),
        Bidang("laman", _TEKS, "alamat situs web kantor"),
        Bidang("arsip", Teks(r"""https://[^\s<>"'#?]+/""", "https://kecamatan.contoh.go.id/kinerja/",
                             maks=200),
               "alamat arsip publik kinerja (diakhiri /), tujuan kode QR pada dokumen yang "
               "disahkan; tanpa ini di GitHub Pages: https://PEMILIK.github.io/REPO/"),
        Bidang("logo", _TEKS, "berkas logo untuk kop surat (PNG/SVG), relatif terhadap akar repo"),
    )), "identitas kantor untuk kop surat dan situs", wajib=True),
    Bidang("kertas", Pilihan(("A4", "F4"), (("folio", "F4"),)),
           "ukuran kertas laporan: A4 atau F4 (folio, 215 × 330 mm)", wajib=True),
    Bidang("zona_waktu", Pilihan(("WIB", "WITA", "WIT")),
           "zona waktu kantor: WIB, WITA, atau WIT (bawaan WIB); jadwal dihitung pada jam kantor "
           "ini, apa pun zona waktu komputer atau CI"),
    Bidang("jam_kerja", Peta((
        Bidang("mulai", Jam(), "jam masuk kantor, misalnya 07:30"),
        Bidang("selesai", Jam(), "jam pulang kantor, misalnya 16:00"),
        Bidang("hari", Daftar(Pilihan(("senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
                                       "minggu"))), "hari kerja"),
    )), "jam kerja untuk menjadwalkan langkah SOP"),
    Bidang("pegawai", Daftar(Peta((
        Bidang("id", Kode("camat"), "pengenal singkat, huruf kecil dan tanda hubung", wajib=True),
        Bidang("nama", _TEKS, "nama lengkap dengan gelar", wajib=True),
        Bidang("nip", Nip(), "NIP 18 angka"),
        Bidang("jabatan", _TEKS, "nama jabatan", wajib=True),
        Bidang("pangkat", _TEKS, "pangkat/golongan, misalnya Pembina (IV/a)"),
        Bidang("peran", Daftar(Pilihan(PERAN), tunggal_boleh=True),
               "peran dalam SOP: " + ", ".join(PERAN), wajib=True),
        Bidang("email", _SUREL, "alamat surel"),
        Bidang("akun", PetaBebas(_TEKS, ("github", "gitea", "gitlab")),
               "nama akun di Git host: github, gitea, gitlab"),
        Bidang("kunci_ssh", Teks(r"(ssh-(ed25519|rsa)|ecdsa-sha2-nistp(256|384|521)|"
                                 r"sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) "
                                 r"[A-Za-z0-9+/]+=*( .*)?", "ssh-ed25519 AAAAC3Nza… nama@kantor"),
               "kunci publik SSH untuk menandatangani keputusan (isi berkas .pub)"),
        Bidang("kunci_gpg", Teks(r"[0-9A-Fa-f]{40}|([0-9A-Fa-f]{4} ?){10}",
                                 "0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567"),
               "sidik jari kunci GPG untuk menandatangani keputusan (40 digit heksadesimal)"),
    )), min_isi=1), "daftar pegawai", wajib=True),
    Bidang("persetujuan", Peta((
        Bidang("tanda_tangan", Pilihan(("wajib", "tidak")), "tanpa Git host: «wajib» berarti "
               "setiap keputusan (setujui, kembalikan, sahkan) harus commit bertanda tangan "
               "SSH atau GPG dengan kunci pegawai itu (kunci_ssh atau kunci_gpg)"),
    )), "aturan persetujuan"),
    Bidang("seksi", Daftar(Peta((
        Bidang("id", Kode(), "pengenal seksi; juga nama berkas formulirnya", wajib=True),
        Bidang("nama", _TEKS, "nama seksi, misalnya Seksi Pemerintahan", wajib=True),
        Bidang("kepala", Kode("kasi-pemerintahan"), "id pegawai kepala seksi", wajib=True),
    )), min_isi=1), "daftar seksi; setiap seksi mengisi satu formulir", wajib=True),
    Bidang("capaian", Peta((
        Bidang("rumus_turun", Pilihan(("2T-R", "T/R")), "rumus capaian indikator berpolaritas "
               "turun: 2T-R = (2×target − realisasi)/target; T/R = target/realisasi"),
        Bidang("batas_atas", Angka(min=100), "capaian tertinggi yang diakui, misalnya 120"),
        Bidang("kategori", Daftar(Peta((
            Bidang("nama", _TEKS, "nama kategori", wajib=True),
            Bidang("min", Angka(min=0), "capaian terendah (%) kategori ini", wajib=True),
        )), min_isi=1), "pita kategori capaian, dari yang tertinggi"),
        Bidang("ambang_efisiensi", Angka(min=0), "selisih capaian − serapan (poin) untuk "
               "dinyatakan efisien, misalnya 5"),
    )), "aturan perhitungan capaian"),
))

_PIHAK = Peta((
    Bidang("nama", _TEKS, "nama lengkap", wajib=True),
    Bidang("jabatan", _TEKS, "jabatan", wajib=True),
    Bidang("nip", Nip(), "NIP"),
))

_TARGET = JenisTarget()

PERJANJIAN = Peta((
    Bidang("tahun", Bulat(2000, 2100), "tahun perjanjian kinerja", wajib=True),
    Bidang("pihak_pertama", _PIHAK, "yang berjanji (Camat)", wajib=True),
    Bidang("pihak_kedua", _PIHAK, "atasan yang menerima janji (Bupati)", wajib=True),
    Bidang("tanggal", Tanggal(), "tanggal penandatanganan", wajib=True),
    Bidang("sasaran", Daftar(Peta((
        Bidang("kode", Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "SS-1"), "kode sasaran", wajib=True),
        Bidang("uraian", _TEKS, "rumusan sasaran strategis", wajib=True),
        Bidang("indikator", Daftar(Peta((
            Bidang("kode", Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "IK-1.1"), "kode indikator",
                   wajib=True),
            Bidang("uraian", _TEKS, "rumusan indikator kinerja", wajib=True),
            Bidang("satuan", _TEKS, "satuan, misalnya persen, desa, hari", wajib=True),
            Bidang("polaritas", Pilihan(("naik", "turun")),
                   "naik: makin tinggi makin baik; turun: makin rendah makin baik", wajib=True),
            Bidang("agregasi", Pilihan(("jumlah", "terakhir", "rata-rata")),
                   "cara menggabungkan triwulan menjadi tahunan", wajib=True),
            Bidang("target", _TARGET, "target tahunan: angka, rentang (80-90), atau nilai skala",
                   wajib=True),
            Bidang("target_triwulan", Daftar(_TARGET, min_isi=4, maks_isi=4),
                   "target TW I–IV (empat nilai)", wajib=True),
            Bidang("seksi", Kode(), "id seksi penanggung jawab", wajib=True),
            Bidang("definisi", _TEKS, "definisi operasional dan cara menghitung"),
            Bidang("sumber_data", _TEKS, "sumber data realisasi"),
            Bidang("skala", PetaBebas(Angka()), "nilai tiap predikat untuk target berupa teks, "
                   "misalnya {AA: 6, A: 5, BB: 4}"),
            Bidang("rumus_turun", Pilihan(("2T-R", "T/R")), "rumus khusus indikator ini"),
            Bidang("target_renstra", _TARGET, "target akhir Rencana Strategis (jangka menengah), "
                   "untuk pembanding di LKjIP"),
        )), min_isi=1), "indikator sasaran ini", wajib=True),
    )), min_isi=1), "sasaran strategis", wajib=True),
    Bidang("perubahan", Daftar(Peta((
        Bidang("tanggal", Tanggal(), "tanggal PK Perubahan ditandatangani", wajib=True),
        Bidang("nomor", _TEKS, "nomor dokumen atau SK perubahan"),
        Bidang("alasan", _TEKS, "mengapa PK diubah, misalnya APBD Perubahan", wajib=True),
    ))), "perubahan PK selama tahun berjalan (PK Perubahan), terlama dahulu; periode yang sudah "
         "disahkan tetap diukur dengan target saat disahkan"),
    Bidang("program", Daftar(Peta((
        Bidang("kode", Teks(r"[0-9A-Za-z][0-9A-Za-z.\-]*", "7.01.02"), "kode program", wajib=True),
        Bidang("nama", _TEKS, "nama program", wajib=True),
        Bidang("seksi", Kode(), "id seksi penanggung jawab", wajib=True),
        Bidang("anggaran", Angka(persen=False, rupiah=True, min=0), "pagu anggaran (rupiah)",
               wajib=True),
        Bidang("indikator", Daftar(Teks(), tunggal_boleh=True),
               "kode indikator yang didukung program ini"),
        Bidang("rencana_triwulan", Daftar(Angka(persen=False, rupiah=True, min=0), min_isi=4,
                                          maks_isi=4),
               "rencana penarikan dana kumulatif s.d. TW I–IV (anggaran kas), empat nilai"),
    ))), "program dan anggarannya"),
))

PERIODE_YML = Peta((
    Bidang("tahun", Bulat(2000, 2100), "tahun", wajib=True),
    Bidang("periode", Pilihan(PERIODE), "tw1, tw2, tw3, tw4 atau tahunan", wajib=True),
    Bidang("mulai", Tanggal(), "tanggal Camat menugaskan pengukuran (langkah 1)"),
    Bidang("jadwal", Daftar(Peta((
        Bidang("langkah", Bulat(1, 10), "nomor langkah SOP", wajib=True),
        Bidang("uraian", _TEKS, "uraian langkah"),
        Bidang("pelaksana", _TEKS, "peran pelaksana"),
        Bidang("mulai", Waktu(), "rencana mulai"),
        Bidang("selesai", Waktu(), "rencana selesai (batas waktu)"),
    ))), "jadwal langkah SOP"),
    Bidang("surat_pengantar", Peta((
        Bidang("nomor", _TEKS, "nomor surat, misalnya 050/123/2026", isian=True),
        Bidang("tanggal", Tanggal(), "tanggal surat", isian=True),
        Bidang("sifat", _TEKS, "Biasa, Segera, atau Sangat Segera"),
        Bidang("lampiran", _TEKS, "misalnya 1 (satu) berkas"),
        Bidang("hal", _TEKS, "perihal surat"),
        Bidang("kepada", _TEKS, "penerima (setelah «Yth.»)"),
        Bidang("di", _TEKS, "tempat penerima"),
        Bidang("tembusan", Daftar(_TEKS, tunggal_boleh=True), "daftar tembusan"),
    )), "data surat pengantar laporan"),
))

_TARGET_DI_FORMULIR = (
    "target tidak diisi di formulir: target berasal dari Perjanjian Kinerja; hapus baris ini "
    "(bila target memang berubah, ajukan perubahan Perjanjian Kinerja)"
)

FORMULIR = Peta((
    Bidang("seksi", Kode(), "id seksi pemilik formulir ini", wajib=True),
    Bidang("periode", Teks(r"[0-9]{4}-(?:tw[1-4]|tahunan)", "2026-tw3"), "periode, misalnya 2026-tw3",
           wajib=True),
    Bidang("isian", Daftar(Peta((
        Bidang("indikator", Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "IK-1.1"), "kode indikator",
               wajib=True),
        Bidang("realisasi", TeksAtauAngka(), "realisasi periode ini: angka (85,5) atau predikat skala",
               isian=True),
        Bidang("penjelasan", _URAIAN, "mengapa target tercapai atau tidak", isian=True),
        Bidang("hambatan", _URAIAN, "hambatan yang dihadapi", isian=True),
        Bidang("tindak_lanjut", _URAIAN, "langkah perbaikan yang diambil atau direncanakan",
               isian=True),
        # bounded by the evidence check (bukti.BUKTI_MAKS), which says what to do instead
        Bidang("bukti_dukung", Daftar(Teks(maks=BATAS_UKURAN), tunggal_boleh=True),
               "tautan https:// atau berkas di repo", isian=True),
        Bidang("rencana_aksi", Daftar(Peta((
            Bidang("aksi", Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "RA-1.1.1"),
                   "kode aksi dari rencana-aksi.yml", wajib=True),
            Bidang("status", Pilihan(("terlaksana", "sebagian", "belum")),
                   "terlaksana, sebagian, atau belum", isian=True),
            Bidang("catatan", _URAIAN, "keterangan pelaksanaan aksi"),
        ))), "evaluasi aksi Rencana Aksi yang direncanakan triwulan ini"),
    ), terlarang=(("target", _TARGET_DI_FORMULIR), ("target_triwulan", _TARGET_DI_FORMULIR)),
        lepas="bukti_dukung")),
           "isian per indikator", wajib=True),
    Bidang("anggaran", Daftar(Peta((
        Bidang("program", Teks(r"[0-9A-Za-z][0-9A-Za-z.\-]*", "7.01.02"), "kode program",
               wajib=True),
        Bidang("realisasi", Angka(persen=False, rupiah=True, min=0),
               "realisasi anggaran kumulatif s.d. akhir periode (rupiah)", isian=True),
    ), terlarang=(("anggaran", "pagu tidak diisi di formulir: pagu berasal dari Perjanjian "
                   "Kinerja; hapus baris ini"),))),
           "realisasi anggaran program seksi ini"),
))

_ANGKA_SEGEL = Teks(r"-?[0-9]+(?:\.[0-9]+)?(?:e[-+][0-9]+)?", "12.5")
_TARGET_SEGEL = PetaBebas(Teks(), kunci=("nilai", "bawah", "atas", "teks"))
_SIDIK = Teks(r"[0-9a-f]{64}", "SHA-256 heksadesimal")
_WAKTU_ISO = Teks(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?"
                  r"(?:Z|[+-][0-9]{2}:[0-9]{2})", "2026-10-07T13:00+07:00")

SEGEL = Peta((
    Bidang("commit", _TEKS, "commit isi yang disahkan"),
    Bidang("pk", _TEKS, "versi Perjanjian Kinerja yang dipakai mengukur"),
    Bidang("berkas", PetaBebas(_SIDIK), "SHA-256 tiap berkas yang disegel", wajib=True),
    Bidang("aturan", Peta((
        Bidang("rumus_turun", Pilihan(("2T-R", "T/R")), "rumus indikator turun"),
        Bidang("batas_atas", _ANGKA_SEGEL, "batas atas capaian"),
        Bidang("ambang_efisiensi", _ANGKA_SEGEL, "ambang efisiensi"),
        Bidang("kategori", PetaBebas(_ANGKA_SEGEL), "batas bawah tiap kategori"),
    )), "aturan capaian saat pengesahan", wajib=True),
    Bidang("indikator", PetaBebas(Peta((
        Bidang("polaritas", Pilihan(("naik", "turun")), "polaritas", wajib=True),
        Bidang("agregasi", Pilihan(("jumlah", "terakhir", "rata-rata")), "agregasi", wajib=True),
        Bidang("target", _TARGET_SEGEL, "target tahunan", wajib=True),
        Bidang("target_triwulan", Daftar(_TARGET_SEGEL, min_isi=4, maks_isi=4),
               "target TW I–IV", wajib=True),
        Bidang("rumus_turun", Pilihan(("2T-R", "T/R")), "rumus khusus"),
        Bidang("skala", PetaBebas(_ANGKA_SEGEL), "nilai tiap predikat"),
        Bidang("uraian", _TEKS, "rumusan indikator"),
        Bidang("satuan", _TEKS, "satuan"),
        Bidang("seksi", _TEKS, "seksi penanggung jawab"),
        Bidang("sasaran", _TEKS, "kode sasaran"),
        Bidang("sasaran_uraian", _TEKS, "rumusan sasaran"),
    ))), "nilai ukur tiap indikator saat pengesahan", wajib=True),
    Bidang("program", PetaBebas(Peta((
        Bidang("nama", _TEKS, "nama program"),
        Bidang("seksi", _TEKS, "seksi penanggung jawab"),
        Bidang("anggaran", _ANGKA_SEGEL, "pagu saat pengesahan"),
        Bidang("indikator", Daftar(Teks()), "indikator yang didukung"),
        Bidang("rencana_triwulan", Daftar(_ANGKA_SEGEL, min_isi=4, maks_isi=4),
               "rencana penarikan dana kumulatif"),
    ))), "program dan pagunya saat pengesahan"),
    Bidang("aksi", Daftar(Peta((
        Bidang("kode", _TEKS, "kode aksi", wajib=True),
        Bidang("indikator", _TEKS, "kode indikator", wajib=True),
        Bidang("uraian", _TEKS, "uraian aksi"),
        Bidang("penanggung_jawab", _TEKS, "id pegawai penanggung jawab"),
        Bidang("keluaran", _TEKS, "keluaran yang diharapkan"),
    ))), "aksi Rencana Aksi triwulan ini saat pengesahan"),
    Bidang("triwulan", PetaBebas(PetaBebas(_SIDIK), kunci=("tw1", "tw2", "tw3", "tw4")),
           "periode tahunan: SHA-256 berkas triwulan yang diagregasi, per triwulan"),
))

_KODE_AKSI = Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "RA-1.1.1")

RENCANA_AKSI = Peta((
    Bidang("tahun", Bulat(2000, 2100), "tahun rencana aksi (sama dengan folder tahunnya)",
           wajib=True),
    Bidang("rencana_aksi", Daftar(Peta((
        Bidang("indikator", Teks(r"[A-Za-z0-9][A-Za-z0-9.\-/]*", "IK-1.1"),
               "kode indikator Perjanjian Kinerja", wajib=True),
        Bidang("aksi", Daftar(Peta((
            Bidang("kode", _KODE_AKSI, "kode aksi, unik dalam setahun", wajib=True),
            Bidang("triwulan", Daftar(Pilihan(("tw1", "tw2", "tw3", "tw4")), tunggal_boleh=True,
                                      min_isi=1),
                   "triwulan pelaksanaan: tw1, tw2, tw3, tw4 (satu atau lebih)", wajib=True),
            Bidang("uraian", _TEKS, "uraian aksi", wajib=True),
            Bidang("penanggung_jawab", Kode("kasi-pemerintahan"), "id pegawai penanggung jawab",
                   wajib=True),
            Bidang("keluaran", _TEKS, "keluaran yang diharapkan", wajib=True),
        ))), "aksi untuk indikator ini"),
    ))), "aksi per indikator", wajib=True),
))

RIWAYAT_YML = Peta((
    Bidang("periode", Teks(r"[0-9]{4}-(?:tw[1-4]|tahunan)", "2026-tw3"), "periode", wajib=True),
    Bidang("sumber", Pilihan(("git", "github", "gitea", "gitlab")), "asal persetujuan",
           wajib=True),
    Bidang("disahkan", Pilihan(("ya", "tidak")), "sudah disahkan Camat", wajib=True),
    Bidang("versi", Bulat(1, 999), "versi yang berlaku (1, lalu 2 sesudah revisi pertama, …)"),
    Bidang("pull_request", Bulat(1, 10**9), "di Git host: pull request yang digabung, yang "
           "ulasannya menjadi persetujuan"),
    Bidang("dasar", Teks(r"[0-9a-f]{40}", "commit"), "di Git host: ujung cabang dasar sebelum "
           "penggabungan, tempat peran penyetuju dibaca"),
    Bidang("persetujuan", Daftar(Peta((
        Bidang("peran", Pilihan(URUTAN), "peran", wajib=True),
        Bidang("nama", _TEKS, "nama penyetuju", wajib=True),
        Bidang("akun", _TEKS, "akun Git host atau surel", wajib=True),
        Bidang("commit", _TEKS, "commit yang disetujui", wajib=True),
        Bidang("waktu", _TEKS, "waktu persetujuan (ISO 8601)", wajib=True),
    ))), "persetujuan berurutan", wajib=True),
    Bidang("segel", SEGEL, "apa yang disahkan: sidik berkas dan nilai ukurnya"),
    Bidang("revisi", Daftar(Peta((
        Bidang("versi", Bulat(1, 999), "versi yang dibuka kembali", wajib=True),
        Bidang("disahkan", _WAKTU_ISO, "kapan versi itu disahkan"),
        Bidang("oleh", _TEKS, "Camat yang mengesahkan versi itu"),
        Bidang("sidik", _SIDIK, "sidik seluruh berkas tersegel versi itu", wajib=True),
        Bidang("alasan", _TEKS, "alasan revisi", wajib=True),
        Bidang("nomor", _TEKS, "nomor surat atau nota dinas revisi"),
        Bidang("dibuka", _WAKTU_ISO, "kapan revisi dibuka"),
        Bidang("commit", _TEKS, "commit isi yang disahkan pada versi itu"),
    ))), "versi terdahulu yang direvisi, terlama dahulu"),
))

SKEMA: dict[str, tuple[Peta, str]] = {
    "kinerja": (KANTOR, "Kantor: pegawai, peran, seksi, aturan capaian (kinerja.yml)"),
    "perjanjian-kinerja": (PERJANJIAN, "Perjanjian Kinerja tahunan"),
    "periode": (PERIODE_YML, "Periode pengukuran kinerja (periode.yml)"),
    "formulir": (FORMULIR, "Formulir pengukuran kinerja satu seksi"),
    "rencana-aksi": (RENCANA_AKSI, "Rencana Aksi tahunan: aksi per indikator per triwulan"),
    "riwayat": (RIWAYAT_YML, "Riwayat persetujuan periode (riwayat.yml, ditulis kinerja)"),
}


def json_schema(nama: str) -> dict[str, Any]:
    jenis, judul = SKEMA[nama]
    return {"$schema": "http://json-schema.org/draft-07/schema#", "title": judul, **jenis.json()}
