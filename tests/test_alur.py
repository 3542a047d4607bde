"""A whole SOP run in plain Git, in a real repository: orders, forms, a send-back, the approvals
in order, ratification, and the status of all ten steps against the SOP's standard times."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import jalankan

ORANG = {
    "camat": ("Camat Contoh", "camat@contoh.go.id"),
    "sekcam": ("Sekcam Contoh", "sekcam@contoh.go.id"),
    "kasubbag": ("Kasubbag Contoh", "kasubbag@contoh.go.id"),
    "kasi-pem": ("Kasi Pemerintahan", "kasi.pem@contoh.go.id"),
    "kasi-trantib": ("Kasi Trantib", "kasi.trantib@contoh.go.id"),
}


class Kantor:
    def __init__(self, akar: Path, mp: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
        self.akar, self.mp, self.capsys = akar, mp, capsys

    def sebagai(self, siapa: str, waktu: str) -> None:
        nama, email = ORANG[siapa]
        for jenis in ("AUTHOR", "COMMITTER"):
            self.mp.setenv(f"GIT_{jenis}_NAME", nama)
            self.mp.setenv(f"GIT_{jenis}_EMAIL", email)
            self.mp.setenv(f"GIT_{jenis}_DATE", f"{waktu}:00 +0700")

    def git(self, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=self.akar, check=True, capture_output=True,
                              text=True).stdout

    def kinerja(self, *args: str, kode: int = 0) -> str:
        hasil = jalankan(self.capsys, *args)
        assert hasil.kode == kode, hasil.keluaran + hasil.galat
        return hasil.keluaran + hasil.galat

    def periode_terisi(self, pengisi: str) -> None:
        """Period 2026-tw2 made by the Kasubbag, both forms then filled by ``pengisi``."""
        self.sebagai("kasubbag", "2026-07-06 09:00")
        self.kinerja("periode", "baru", "2026", "tw2", "--mulai", "2026-07-06")
        self.git("add", "periods")
        self.git("commit", "-qm", "Buat periode")
        self.sebagai(pengisi, "2026-07-06 10:00")
        self.isi("pemerintahan", LENGKAP_PEM, "Isi")
        self.isi("trantib", ISI_TRANTIB, "Isi trantib")

    def setujui_dan_sahkan(self, hari: str = "2026-07-07") -> str:
        """Kasubbag at 09.00, Sekcam at 10.00, the Camat ratifies at 11.00; the ratification's
        output."""
        self.sebagai("kasubbag", f"{hari} 09:00")
        self.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan")
        self.sebagai("sekcam", f"{hari} 10:00")
        self.kinerja("setujui", "2026-tw2", "--sebagai", "sekcam")
        self.sebagai("camat", f"{hari} 11:00")
        return self.kinerja("sahkan", "2026-tw2")

    def isi(self, seksi: str, ganti: dict[str, str], pesan: str) -> None:
        form = self.akar / f"periods/2026/tw2/formulir/{seksi}.yml"
        teks = form.read_text()
        for a, b in ganti.items():
            assert a in teks, a
            teks = teks.replace(a, b, 1)
        form.write_text(teks)
        self.git("commit", "-qam", pesan)


KOSONG = "    realisasi:\n    penjelasan:\n    hambatan:\n    tindak_lanjut:\n    bukti_dukung:\n"


def _isian(kode: str, realisasi: str, n: int) -> dict[str, str]:
    return {f"  - indikator: {kode}\n{KOSONG}":
            f"  - indikator: {kode}\n    realisasi: {realisasi}\n    penjelasan: Tercapai.\n"
            f"    hambatan:\n    tindak_lanjut:\n    bukti_dukung: https://contoh.go.id/b/{n}.pdf\n"}


LENGKAP_PEM = {**_isian("IK-1", "11", 1), **_isian("IK-2", "BB", 2),
               "  - program: P-1\n    realisasi:\n": "  - program: P-1\n    realisasi: Rp 40.000.000\n"}
ISI_TRANTIB = {"    realisasi:\n    penjelasan:\n": "    realisasi: 2\n    penjelasan: Sesuai target.\n",
               "    bukti_dukung:\n": "    bukti_dukung: https://contoh.go.id/b/3.pdf\n"}


def kantor_git(kantor: Path, monkeypatch: pytest.MonkeyPatch,
               capsys: pytest.CaptureFixture[str]) -> Kantor:
    """The small test office, committed as the first commit of a real repository."""
    x = Kantor(kantor, monkeypatch, capsys)
    x.git("init", "-q", "-b", "main")
    x.sebagai("kasubbag", "2026-07-01 08:00")
    x.git("add", ".")
    x.git("commit", "-qm", "Kantor contoh")
    return x


@pytest.fixture
def k(kantor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Kantor:
    return kantor_git(kantor, monkeypatch, capsys)


def test_sop_lengkap_dalam_git(k: Kantor) -> None:
    k.sebagai("camat", "2026-07-06 07:40")
    k.kinerja("catat", "2026-tw2", "1", "--catatan", "Disposisi 005/07/2026")
    k.sebagai("sekcam", "2026-07-06 08:30")
    k.kinerja("catat", "2026-tw2", "2")
    k.sebagai("kasubbag", "2026-07-06 09:00")
    k.kinerja("periode", "baru", "2026", "tw2", "--mulai", "2026-07-06")
    k.git("add", "periods")
    k.git("commit", "-qm", "Buat periode 2026-tw2")

    k.sebagai("kasi-pem", "2026-07-06 10:00")
    k.isi("pemerintahan", LENGKAP_PEM, "Isi")
    k.sebagai("kasi-trantib", "2026-07-06 10:30")
    k.isi("trantib", ISI_TRANTIB, "Isi trantib")
    k.sebagai("kasi-trantib", "2026-07-06 13:00")
    k.kinerja("catat", "2026-tw2", "5")

    # Sekcam cannot go before the Kasubbag; the section head cannot approve at all.
    k.sebagai("sekcam", "2026-07-06 13:10")
    keluar = k.kinerja("setujui", "2026-tw2", "--sebagai", "sekcam", kode=1)
    assert "Sekretaris Kecamatan baru dapat menyetujui setelah Kasubbag Perencanaan" in keluar
    k.sebagai("kasi-pem", "2026-07-06 13:15")
    keluar = k.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan", kode=1)
    assert "penulis Git Kasi Pemerintahan <kasi.pem@contoh.go.id> bukan Kasubbag Perencanaan" in keluar

    k.sebagai("kasubbag", "2026-07-06 13:30")
    assert "1 dari 3 persetujuan" in k.kinerja("setujui", "2026-tw2", "--sebagai",
                                               "kasubbag-perencanaan")
    k.sebagai("sekcam", "2026-07-06 14:00")
    keluar = k.kinerja("kembalikan", "2026-tw2", "--sebagai", "sekcam", "--alasan",
                       "Penjelasan IK-3 terlalu singkat")
    assert "dikembalikan untuk perbaikan" in keluar

    k.sebagai("kasi-trantib", "2026-07-07 08:00")
    k.isi("trantib", {"penjelasan: Sesuai target.": "penjelasan: Tim siaga 24 jam; waktu tanggap "
                      "rata-rata 2 jam sesuai target."}, "Perbaiki penjelasan")
    keluar = k.kinerja("persetujuan", "2026-tw2", kode=1)
    assert "untuk versi sebelum perubahan terakhir" in keluar  # the Kasubbag's approval went stale

    k.sebagai("kasubbag", "2026-07-07 09:00")
    k.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan")
    k.sebagai("sekcam", "2026-07-07 10:00")
    assert "2 dari 3 persetujuan" in k.kinerja("setujui", "2026-tw2", "--sebagai", "sekcam")
    k.sebagai("camat", "2026-07-07 13:00")
    keluar = k.kinerja("sahkan", "2026-tw2")
    assert "tag pengesahan/2026-tw2" in keluar and "status     disahkan" in keluar
    k.sebagai("sekcam", "2026-07-07 14:00")
    k.kinerja("catat", "2026-tw2", "9")
    k.sebagai("kasi-trantib", "2026-07-07 14:30")
    k.kinerja("catat", "2026-tw2", "10")

    assert "Pengesahan pengukuran kinerja" in k.git("tag", "-n1", "-l", "pengesahan/2026-tw2")
    riwayat = yaml.safe_load((k.akar / "periods/2026/tw2/riwayat.yml").read_text())
    assert riwayat["disahkan"] == "ya"
    assert [(p["peran"], p["nama"]) for p in riwayat["persetujuan"]] == [
        ("kasubbag-perencanaan", "Kasubbag Contoh"), ("sekcam", "Sekcam Contoh"),
        ("camat", "Camat Contoh")]
    assert k.kinerja("persetujuan", "2026-tw2").startswith("Persetujuan: disahkan")

    k.kinerja("laporan", "2026-tw2")
    from pypdf import PdfReader

    pdf = PdfReader(k.akar / "build/2026-tw2/laporan-pengukuran-kinerja-2026-tw2.pdf")
    pengesahan = next(" ".join(h.extract_text().split()) for h in pdf.pages
                      if "LEMBAR PENGESAHAN" in h.extract_text())
    assert "Kasubbag Perencanaan Kasubbag Contoh disetujui 7 Juli 2026 09.00" in pengesahan
    assert "Camat Camat Contoh disahkan 7 Juli 2026 13.00" in pengesahan
    assert "Disahkan di Contoh pada tanggal 7 Juli 2026" in pengesahan

    status = k.kinerja("status", "2026-tw2")
    baris = status.splitlines()
    assert baris[0] == "Status SOP pengukuran kinerja 2026-tw2: 10 dari 10 langkah selesai"
    assert baris[2] == (" 1. Camat: selesai 6 Juli 2026 07.40 oleh Camat Contoh, 10 menit dari "
                        "mutu baku 15 menit — tepat waktu")
    assert baris[3].endswith("50 menit dari mutu baku 15 menit — TERLAMBAT")
    assert baris[4].endswith("30 menit dari mutu baku 1 jam — tepat waktu")
    # step 6 took from the draft (13.00) to the Kasubbag's valid approval the next day, 09.00:
    # 3 working hours on the 6th (13.00–16.00) and 1.5 on the 7th, over the 1-hour standard.
    assert baris[7] == (" 6. Kasubbag Perencanaan: selesai 7 Juli 2026 09.00 oleh Kasubbag "
                        "Contoh, 4 jam 30 menit dari mutu baku 1 jam — TERLAMBAT")
    assert baris[9].startswith(" 8. Staf/Pelaksana / Camat: selesai 7 Juli 2026 13.00 oleh "
                               "Camat Contoh, 3 jam dari mutu baku 8 jam 30 menit")


def test_tidak_boleh_menyetujui_perubahan_sendiri(k: Kantor) -> None:
    k.periode_terisi("kasubbag")
    keluar = k.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan", kode=1)
    assert "tidak boleh menyetujui perubahannya sendiri" in keluar


def test_menyetujui_periode_belum_lengkap_ditolak(k: Kantor) -> None:
    k.sebagai("kasubbag", "2026-07-06 09:00")
    k.kinerja("periode", "baru", "2026", "tw2", "--mulai", "2026-07-06")
    k.git("add", "periods")
    k.git("commit", "-qm", "Buat periode")
    k.sebagai("kasubbag", "2026-07-06 10:00")
    keluar = k.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan", kode=1)
    assert "periods/2026/tw2/formulir/trantib.yml:" in keluar and "belum diisi" in keluar
    k.sebagai("sekcam", "2026-07-06 10:05")
    keluar = k.kinerja("kembalikan", "2026-tw2", "--sebagai", "sekcam", "--alasan", " ", kode=1)
    assert "tulis alasan pengembalian" in keluar


def test_kantor_kecil_tanpa_pelaksana(kantor: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    """No staff at all: the Kasubbag Perencanaan records step 5 herself, and the quarter is
    approved and ratified by the three approvers as usual."""
    teks = (kantor / "kinerja.yml").read_text()
    assert "peran: [kasi, pelaksana]" in teks
    (kantor / "kinerja.yml").write_text(teks.replace("peran: [kasi, pelaksana]", "peran: kasi"))
    k = kantor_git(kantor, monkeypatch, capsys)
    k.periode_terisi("kasi-pem")
    k.sebagai("kasi-pem", "2026-07-06 13:00")
    assert "langkah 5 dilaksanakan oleh Staf/Pelaksana" in k.kinerja("catat", "2026-tw2", "5",
                                                                      kode=1)
    k.sebagai("kasubbag", "2026-07-06 13:00")
    k.kinerja("catat", "2026-tw2", "5")
    assert "status     disahkan" in k.setujui_dan_sahkan()
    assert " 5. Staf/Pelaksana: selesai 6 Juli 2026 13.00 oleh Kasubbag Contoh" in k.kinerja(
        "status", "2026-tw2")


def test_status_menyebut_nama_dari_kinerja_yml(k: Kantor) -> None:
    """A PC's Git name (an account, or a name Git cut at its trailing dot) is not what the
    status shows: people are named as kinerja.yml names them, found by their e-mail."""
    k.sebagai("kasubbag", "2026-07-06 09:00")
    k.mp.setenv("GIT_AUTHOR_NAME", "pc-perencanaan")
    k.kinerja("periode", "baru", "2026", "tw2", "--mulai", "2026-07-06")
    k.git("add", "periods")
    k.git("commit", "-qm", "Buat periode")
    status = k.kinerja("status", "2026-tw2")
    assert "selesai 6 Juli 2026 09.00 oleh Kasubbag Contoh" in status
    assert "pc-perencanaan" not in status


def test_status_pada_jam_kantor_apa_pun_zona_commitnya(k: Kantor) -> None:
    """A commit made on a machine set to UTC (or on a forge) at 02.00 UTC is 09.00 on the
    office's clock (WIB): the status shows and measures it so."""
    k.sebagai("kasubbag", "2026-07-06 09:00")
    for jenis in ("AUTHOR", "COMMITTER"):
        k.mp.setenv(f"GIT_{jenis}_DATE", "2026-07-06 02:00:00 +0000")
    k.kinerja("periode", "baru", "2026", "tw2", "--mulai", "2026-07-06")
    k.git("add", "periods")
    k.git("commit", "-qm", "Buat periode")
    status = k.kinerja("status", "2026-tw2")
    assert "selesai 6 Juli 2026 09.00 oleh Kasubbag Contoh" in status
    assert "02.00" not in status
