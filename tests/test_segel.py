"""Ratified means sealed, in plain Git in a real repository: the record holds what was ratified,
a later amendment of the PK or of the rules does not move a ratified figure, a changed form is an
error on its line that stops the report and the archive, the cover letter's number and the signed
scan do not undo the ratification, and a revision reopens the period as version 2 with a reason
that every version keeps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from test_alur import Kantor, kantor_git


@pytest.fixture
def g(kantor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Kantor:
    x = kantor_git(kantor, monkeypatch, capsys)
    x.periode_terisi("kasi-pem")
    x.setujui_dan_sahkan()
    return x


def _capaian(g: Kantor) -> dict[str, str]:
    data = json.loads(g.kinerja("rekap", "2026-tw2", "--format", "json"))
    return {b["kode"]: b["capaian"] for b in data["indikator"]}


def test_catatan_menyimpan_sidik_dan_nilai_ukur(g: Kantor) -> None:
    riwayat = yaml.safe_load((g.akar / "periods/2026/tw2/riwayat.yml").read_text())
    segel = riwayat["segel"]
    assert riwayat["versi"] == 1
    assert set(segel["berkas"]) == {"formulir/pemerintahan.yml", "formulir/trantib.yml"}
    assert segel["aturan"]["batas_atas"] == 120.0
    assert segel["indikator"]["IK-1"]["target_triwulan"][1] == {"nilai": 10.0}
    assert segel["indikator"]["IK-1"]["polaritas"] == "naik"
    assert g.kinerja("periksa").endswith("tidak ada masalah.\n")


def test_perubahan_pk_dan_aturan_tidak_menggeser_capaian_yang_disahkan(g: Kantor) -> None:
    sebelum = _capaian(g)
    pk = g.akar / "periods/2026/perjanjian-kinerja.yml"
    pk.write_text(pk.read_text().replace("target_triwulan: [10, 10, 10, 10]",
                                         "target_triwulan: [10, 20, 10, 10]"))
    kantor = g.akar / "kinerja.yml"
    kantor.write_text(kantor.read_text().replace("batas_atas: 120", "batas_atas: 100"))
    g.git("commit", "-qam", "PK Perubahan: target TW II naik; batas capaian 100%")
    assert _capaian(g) == sebelum
    assert g.kinerja("persetujuan", "2026-tw2").startswith("Persetujuan: disahkan")
    g.kinerja("laporan", "2026-tw2")  # the final report still renders, from the seal


def test_formulir_yang_diubah_sesudah_pengesahan_adalah_galat(g: Kantor) -> None:
    form = g.akar / "periods/2026/tw2/formulir/trantib.yml"
    asli = form.read_bytes()
    baris = form.read_text().splitlines()
    nomor = next(i for i, b in enumerate(baris, 1) if b.startswith("    realisasi: 2"))
    form.write_text(form.read_text().replace("    realisasi: 2\n", "    realisasi: 3\n"))
    g.git("commit", "-qam", "Ubah realisasi diam-diam")
    keluar = g.kinerja("periksa", kode=1)
    assert (f"periods/2026/tw2/formulir/trantib.yml:{nomor}:16: galat: periode 2026-tw2 telah "
            "disahkan pada 7 Juli 2026 11.00; perubahan sesudah pengesahan harus melalui revisi: "
            "kinerja revisi 2026-tw2 --alasan \"…\"") in keluar
    assert "[segel-rusak]" in keluar
    for perintah in (("laporan", "2026-tw2"), ("situs",), ("rekap", "2026-tw2")):
        keluar = g.kinerja(*perintah, kode=1)
        assert "periode 2026-tw2 telah disahkan pada 7 Juli 2026 11.00" in keluar, perintah
    form.write_bytes(asli)
    assert g.kinerja("periksa").endswith("tidak ada masalah.\n")


def test_surat_dan_arsip_tidak_membatalkan_pengesahan(g: Kantor) -> None:
    periode = g.akar / "periods/2026/tw2/periode.yml"
    periode.write_text(periode.read_text().replace(
        "  nomor:  # diisi saat surat pengantar dibuat", "  nomor: 050/77/2026  # diisi saat", 1))
    (g.akar / "periods/2026/tw2/arsip").mkdir()
    (g.akar / "periods/2026/tw2/arsip/laporan-bertanda-tangan.pdf").write_bytes(b"%PDF-1.4\n")
    g.sebagai("sekcam", "2026-07-08 09:00")
    g.git("add", ".")
    g.git("commit", "-qm", "Langkah 9 dan 10: nomor surat, pindaian bertanda tangan")
    assert g.kinerja("persetujuan", "2026-tw2").startswith("Persetujuan: disahkan")
    assert g.kinerja("periksa").endswith("tidak ada masalah.\n")


def test_pdf_basi_di_build_tidak_diterbitkan(g: Kantor) -> None:
    g.kinerja("laporan", "2026-tw2")
    pdf = g.akar / "build/2026-tw2/laporan-pengukuran-kinerja-2026-tw2.pdf"
    asli = pdf.read_bytes()
    pdf.write_bytes(b"%PDF-1.4 dari kantor lain\n")  # left by something else: no provenance
    g.kinerja("situs")
    terbit = g.akar / "content/arsip/2026/tw2/laporan-pengukuran-kinerja-2026-tw2.pdf"
    assert not terbit.exists()
    g.kinerja("situs", "--pdf")  # rebuilt from the seal, then published
    assert terbit.read_bytes()[:5] == asli[:5] and b"dari kantor lain" not in terbit.read_bytes()


def test_revisi_membuka_versi_2_dan_mencatat_semua_versi(g: Kantor) -> None:
    g.sebagai("kasi-pem", "2026-08-01 09:00")
    keluar = g.kinerja("revisi", "2026-tw2", "--alasan", "x", kode=1)
    assert "bukan Camat atau Kasubbag Perencanaan" in keluar
    g.sebagai("kasubbag", "2026-08-01 09:00")
    keluar = g.kinerja("revisi", "2026-tw2", "--alasan", "Realisasi IK-3 salah ketik",
                       "--nomor", "ND 050/88/2026")
    assert "0 dari 3 persetujuan" in keluar
    riwayat = yaml.safe_load((g.akar / "periods/2026/tw2/riwayat.yml").read_text())
    assert riwayat["disahkan"] == "tidak" and riwayat["versi"] == 2
    assert riwayat["revisi"][0]["alasan"] == "Realisasi IK-3 salah ketik"
    assert riwayat["revisi"][0]["oleh"] == "Camat Contoh"
    assert g.kinerja("periksa").endswith("tidak ada masalah.\n")  # open again: no seal to break

    g.sebagai("kasi-trantib", "2026-08-01 10:00")
    g.isi("trantib", {"    realisasi: 2\n": "    realisasi: 1\n"}, "Perbaiki realisasi")
    g.sebagai("kasubbag", "2026-08-02 09:00")
    g.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan")
    g.sebagai("sekcam", "2026-08-02 10:00")
    g.kinerja("setujui", "2026-tw2", "--sebagai", "sekcam")
    g.sebagai("camat", "2026-08-02 11:00")
    assert "tag pengesahan/2026-tw2-v2" in g.kinerja("sahkan", "2026-tw2")
    riwayat = yaml.safe_load((g.akar / "periods/2026/tw2/riwayat.yml").read_text())
    assert riwayat["disahkan"] == "ya" and riwayat["versi"] == 2
    assert [r["versi"] for r in riwayat["revisi"]] == [1]
    assert g.git("tag", "-l").split() == ["pengesahan/2026-tw2", "pengesahan/2026-tw2-v2"]

    g.kinerja("laporan", "2026-tw2")
    laporan = (g.akar / "build/2026-tw2/laporan.md").read_text()
    assert "Revisi ke\\-1: laporan ini adalah versi 2" in laporan
    assert "Realisasi IK\\-3 salah ketik (nomor ND 050/88/2026)" in laporan
    g.kinerja("situs", "--pdf")
    halaman = (g.akar / "content/arsip/2026/tw2/index.md").read_text()
    assert "**Direvisi.** Revisi ke-1: laporan ini adalah versi 2" in halaman
    # The version that was ratified first stays downloadable, rebuilt from its own tag.
    assert "[Laporan versi 1 sebelum revisi (PDF)](laporan-pengukuran-kinerja-2026-tw2-versi-1.pdf)" \
        in halaman
    from pypdf import PdfReader

    def teks(pdf: Path) -> str:
        return " ".join(" ".join(h.extract_text().split()) for h in PdfReader(pdf).pages)

    lama = teks(g.akar / "content/arsip/2026/tw2/laporan-pengukuran-kinerja-2026-tw2-versi-1.pdf")
    baru = teks(g.akar / "content/arsip/2026/tw2/laporan-pengukuran-kinerja-2026-tw2.pdf")
    assert "Revisi ke-1" not in lama and "Revisi ke-1" in baru
    assert not g.git("worktree", "list").strip().count("\n")  # the temporary tree is gone


def test_pk_perubahan_periode_lain_diukur_dengan_pk_yang_berlaku(g: Kantor) -> None:
    """PK Perubahan in September: the unratified tw1 is measured against it and says so; the
    ratified tw2 keeps the targets it was sealed with and names the PK it was measured by."""
    pk = g.akar / "periods/2026/perjanjian-kinerja.yml"
    teks = pk.read_text().replace("target: 40\n        target_triwulan: [10, 10, 10, 10]",
                                  "target: 35\n        target_triwulan: [5, 10, 10, 10]")
    teks = teks.replace("sasaran:\n", "perubahan:\n  - tanggal: 2026-09-15\n    nomor: "
                        "800/12/2026\n    alasan: APBD Perubahan\nsasaran:\n", 1)
    pk.write_text(teks)
    g.git("commit", "-qam", "PK Perubahan ke-1")
    assert g.kinerja("periksa").endswith("tidak ada masalah.\n")
    tw1 = json.loads(g.kinerja("rekap", "2026-tw1", "--format", "json"))
    assert next(b for b in tw1["indikator"] if b["kode"] == "IK-1")["target"] == 5.0
    tw2 = json.loads(g.kinerja("rekap", "2026-tw2", "--format", "json"))
    assert next(b for b in tw2["indikator"] if b["kode"] == "IK-1")["target"] == 10.0
    g.kinerja("laporan", "2026-tw1", "--draf")
    assert ("Target yang dipakai: Perjanjian Kinerja Perubahan ke\\-1 Tahun 2026 tanggal 15 "
            "September 2026 nomor 800/12/2026.") in (g.akar / "build/2026-tw1/laporan.md").read_text()
    g.kinerja("situs")
    halaman = (g.akar / "content/arsip/2026/tw2/index.md").read_text()
    assert "Diukur dengan target Perjanjian Kinerja Tahun 2026 tanggal 15 Januari 2026." in halaman


def test_catatan_buatan_tangan_bukan_pengesahan(g: Kantor) -> None:
    """A record copied or edited by hand is an error on the file; the period is not ratified."""
    tw2 = g.akar / "periods/2026/tw2/riwayat.yml"
    tw1 = g.akar / "periods/2026/tw1/riwayat.yml"
    tw1.write_text(tw2.read_text().replace("periode: 2026-tw2", "periode: 2026-tw1"))
    tw2.write_text(tw2.read_text().replace("Camat Contoh", "Camat Lain"))
    g.git("add", ".")
    g.git("commit", "-qm", "Salin catatan")
    keluar = g.kinerja("periksa", kode=1)
    assert ("periods/2026/tw1/riwayat.yml:1:1: galat: catatan pengesahan ini tidak ditulis oleh "
            "kinerja (periode ini belum pernah disahkan); yang berlaku adalah riwayat Git dan tag "
            "pengesahan periode 2026-tw1.") in keluar
    assert ("periods/2026/tw2/riwayat.yml:1:1: galat: catatan pengesahan ini tidak ditulis oleh "
            "kinerja (isinya berbeda dari yang dibuktikan riwayat pengesahannya)") in keluar
    g.git("checkout", "HEAD~1", "--", "periods/2026/tw2/riwayat.yml")
    g.git("rm", "-q", "periods/2026/tw1/riwayat.yml")
    assert g.kinerja("periksa").endswith("tidak ada masalah.\n")


def test_pk_perubahan_menambah_indikator_dan_mengubah_pagu_tidak_menyentuh_yang_disahkan(
        g: Kantor) -> None:
    """The ratified quarter keeps its indicator list, wording and budget ceilings."""
    sebelum = json.loads(g.kinerja("rekap", "2026-tw2", "--format", "json"))
    pk = g.akar / "periods/2026/perjanjian-kinerja.yml"
    teks = pk.read_text().replace("anggaran: Rp 100.000.000", "anggaran: Rp 50.000.000")
    teks = teks.replace("uraian: Jumlah desa yang dibina", "uraian: Jumlah desa yang dihapus")
    teks = teks.replace("program:\n", "      - kode: IK-4\n        uraian: Baru\n        satuan: kali\n"
                        "        polaritas: naik\n        agregasi: jumlah\n        target: 4\n"
                        "        target_triwulan: [1, 1, 1, 1]\n        seksi: trantib\n"
                        "program:\n", 1)
    pk.write_text(teks)
    g.git("commit", "-qam", "PK Perubahan: indikator baru, pagu dipotong")
    assert json.loads(g.kinerja("rekap", "2026-tw2", "--format", "json")) == sebelum
    assert g.kinerja("periksa", "periods/2026/tw2").endswith("tidak ada masalah.\n")
    g.kinerja("laporan", "2026-tw2")
    laporan = (g.akar / "build/2026-tw2/laporan.md").read_text()
    assert "dibina" in laporan and "dihapus" not in laporan and "IK\\-4" not in laporan


def test_catatan_tangan_tidak_dapat_membatalkan_pengesahan(g: Kantor) -> None:
    """A hand-written «open» record and a changed figure in the same commit: the period stays
    ratified as its tag says, so the changed figure is a broken seal."""
    (g.akar / "periods/2026/tw2/riwayat.yml").write_text(
        "periode: 2026-tw2\nsumber: git\ndisahkan: tidak\nversi: 1\npersetujuan: []\n")
    g.isi("pemerintahan", {"    realisasi: 11\n": "    realisasi: 4\n"}, "Buka diam-diam")
    keluar = g.kinerja("periksa", kode=1)
    assert ("periods/2026/tw2/riwayat.yml:1:1: galat: catatan pengesahan ini tidak ditulis oleh "
            "kinerja (isinya berbeda dari yang dibuktikan riwayat pengesahannya)") in keluar
    assert "[segel-rusak]" in keluar
    keluar = g.kinerja("rekap", "2026-tw2", kode=1)  # the edited figure is never printed
    assert "periode 2026-tw2 telah disahkan pada 7 Juli 2026 11.00" in keluar


def test_catatan_dan_tag_dihapus_bukan_berarti_belum_disahkan(g: Kantor) -> None:
    """Removing the record and the tag does not reopen a period: the Camat's decision in history
    is an unfinished ratification, what it ratified is still sealed, and «sahkan» restores the
    tag."""
    g.git("tag", "-d", "pengesahan/2026-tw2")
    g.git("rm", "-q", "periods/2026/tw2/riwayat.yml")
    g.isi("pemerintahan", {"    realisasi: 11\n": "    realisasi: 4\n"}, "Hapus jejak")
    keluar = g.kinerja("periksa", kode=1)
    assert ("periods/2026/tw2:1:1: peringatan: pengesahan periode 2026-tw2 tercatat pada commit "
            in keluar)
    assert "[riwayat-hilang]" in keluar and "[segel-rusak]" in keluar
    assert "[segel-rusak]" in g.kinerja("rekap", "2026-tw2", kode=1)
    g.sebagai("camat", "2026-07-20 09:00")
    assert "dilengkapi dengan tag pengesahan/2026-tw2" in g.kinerja("sahkan", "2026-tw2")
    assert g.git("tag", "-l") == "pengesahan/2026-tw2\n"
    assert "[segel-rusak]" in g.kinerja("periksa", kode=1)


def test_sidik_kerja_urutan_jalur_tanpa_tautan(tmp_path: Path) -> None:
    """The files a seal covers as they are now: in path order (a folder's files before those of
    a folder whose name sorts after it, as Git lists a tree), never through a link, never a
    hidden file."""
    import hashlib

    from kinerja.pengesahan.segel import sidik_kerja

    for rel in ("formulir/a.yml", "formulir/a-b.yml", "bukti/a/b.pdf", "bukti/a-b/c.pdf",
                "bukti/a.b", "bukti/.rahasia", "bukti/Z.pdf", "periode.yml", ".git/x"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    (tmp_path / "tautan").symlink_to(tmp_path / "bukti")
    (tmp_path / "bukti" / "sandi.pdf").symlink_to("/etc/passwd")
    (tmp_path / "putar").symlink_to(tmp_path / "putar")
    sidik = sidik_kerja(tmp_path)
    assert list(sidik) == ["bukti/Z.pdf", "bukti/a/b.pdf", "bukti/a-b/c.pdf", "bukti/a.b",
                           "formulir/a-b.yml", "formulir/a.yml"]
    assert sidik["bukti/a.b"] == hashlib.sha256(b"bukti/a.b").hexdigest()
    assert sidik_kerja(tmp_path / "tidak-ada") == {}
