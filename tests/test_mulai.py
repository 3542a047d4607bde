"""A new office from a copy of this repository that carries the sample's history: `kinerja mulai`
replaces the sample, the checker leads the way through the skeleton, and a whole quarter later
nothing the office's people or public see names the sample office or its people."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from buatan import salin_templat
from conftest import DASAR, jalankan
from test_alur import Kantor
from test_situs import mkdocs

CONTOH = ("Pejawaran", "Bambang Setiawan", "Siti Rahayu", "Agus Priyanto")


def test_kantor_baru_dari_salinan_contoh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    akar = salin_templat(tmp_path / "batur")
    monkeypatch.chdir(akar)
    k = Kantor(akar, monkeypatch, capsys)
    k.git("init", "-q", "-b", "main")
    k.sebagai("kasubbag", "2026-01-05 08:00")
    k.git("add", ".")
    k.git("commit", "-qm", "Salinan kinerja dengan data contoh")

    hasil = jalankan(capsys, "mulai", "--instansi", "Kecamatan Batur", "--pemerintah",
                     "Pemerintah Kabupaten Banjarnegara", "--kota", "Batur", "--kertas", "F4",
                     "--tahun", "2026")
    assert hasil.kode == 0, hasil.galat
    assert not (akar / "periods/2026/tw1").exists()
    periksa = jalankan(capsys, "periksa")
    assert periksa.kode == 1 and "kinerja.yml:9:10: galat: «alamat» tidak boleh kosong" \
        in periksa.keluaran
    assert jalankan(capsys, "mulai", "--instansi", "x", "--pemerintah", "y", "--kota", "z",
                    "--kertas", "A4").kode == 1  # an office that started is never overwritten

    # The office fills in its own people and PK (the small test office, renamed).
    teks = (DASAR / "kinerja.yml").read_text().replace("Kecamatan Contoh", "Kecamatan Batur")
    (akar / "kinerja.yml").write_text(teks)
    shutil.copy(DASAR / "periods/2026/perjanjian-kinerja.yml",
                akar / "periods/2026/perjanjian-kinerja.yml")
    k.git("add", "-A")
    k.git("commit", "-qm", "Kantor Batur")
    k.periode_terisi("kasi-pem")
    assert "status     disahkan" in k.setujui_dan_sahkan()

    keluaran = [k.kinerja("rekap", "2026-tw2"), k.kinerja("status", "2026-tw2"),
                k.kinerja("situs", "--pdf")]
    bangun = mkdocs(akar)
    assert bangun.returncode == 0, bangun.stdout + bangun.stderr
    keluaran += [p.read_text() for p in (akar / "site").rglob("*")
                 if p.suffix in (".html", ".json", ".xml", ".txt", ".md")]
    assert "<title>Pengukuran Kinerja Kecamatan Batur</title>" in \
        (akar / "site/index.html").read_text()
    from pypdf import PdfReader

    for pdf in (akar / "build/2026-tw2").glob("*.pdf"):
        keluaran += [h.extract_text() for h in PdfReader(pdf).pages]
    keluaran += [p.read_text() for p in (akar / "content/arsip").rglob("*.md")]
    semua = "\n".join(keluaran)
    assert "Kecamatan Batur" in semua
    for nama in CONTOH:
        assert nama not in semua, nama


def test_pembaruan_dari_hulu_tanpa_bentrok(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """An office started from this repository takes a later version of kinerja with «git pull»:
    the sample lives in contoh/ and the office's data at the root, so nothing collides."""
    import subprocess

    from conftest import AKAR

    def git(cwd: Path, *args: str) -> str:
        return subprocess.run(["git", "-C", str(cwd), "-c", "user.name=X", "-c",
                               "user.email=x@contoh.go.id", *args], check=True,
                              capture_output=True, text=True).stdout

    hulu = tmp_path / "hulu"
    hulu.mkdir()
    for bagian in ("contoh", "content", "scripts/kinerja/data"):
        shutil.copytree(AKAR / bagian, hulu / bagian, ignore=shutil.ignore_patterns("arsip"))
    shutil.copy(AKAR / "mkdocs.yml", hulu / "mkdocs.yml")
    git(hulu, "init", "-q", "-b", "main")
    git(hulu, "add", ".")
    git(hulu, "commit", "-qm", "kinerja")
    kantor = tmp_path / "batur"
    git(tmp_path, "clone", "-q", str(hulu), str(kantor))
    assert not (kantor / "kinerja.yml").exists()
    assert jalankan(capsys, "mulai", "--repo", str(kantor), "--instansi", "Kecamatan Batur",
                    "--pemerintah", "Pemerintah Kabupaten Banjarnegara", "--kota", "Batur",
                    "--kertas", "A4", "--tahun", "2026").kode == 0
    shutil.copy(DASAR / "periods/2026/perjanjian-kinerja.yml",
                kantor / "periods/2026/perjanjian-kinerja.yml")
    git(kantor, "add", ".")
    git(kantor, "commit", "-qm", "Kantor Batur")
    milik = {p: p.read_bytes() for p in (kantor / "periods").rglob("*") if p.is_file()}
    milik[kantor / "kinerja.yml"] = (kantor / "kinerja.yml").read_bytes()

    # Upstream: a new version of the tool, its pages and its sample office.
    (hulu / "contoh/kinerja.yml").write_text((hulu / "contoh/kinerja.yml").read_text()
                                             + "# pembaruan contoh\n")
    sop = hulu / "scripts/kinerja/data/sop.yml"
    sop.write_text(sop.read_text() + "# pembaruan SOP\n")
    (hulu / "content/tentang.md").write_text((hulu / "content/tentang.md").read_text()
                                             + "\nPembaruan.\n")
    git(hulu, "commit", "-qam", "Versi baru")
    git(kantor, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    assert "Pembaruan." in (kantor / "content/tentang.md").read_text()
    assert all(p.read_bytes() == isi for p, isi in milik.items())
    assert git(kantor, "status", "--porcelain") == ""


def test_mulai_bertanya_di_terminal(tmp_path: Path) -> None:
    """Run in a terminal without options, «kinerja mulai» asks for each value, asks again for a
    blank or an unknown paper size, and writes what was answered."""
    import os
    import pty
    import select
    import subprocess
    import sys

    akar = salin_templat(tmp_path / "batur")
    induk, anak = pty.openpty()
    proses = subprocess.Popen([sys.executable, "-m", "kinerja", "mulai", "--tahun", "2026"],
                              cwd=akar, stdin=anak, stdout=anak, stderr=anak)
    os.close(anak)
    keluaran = b""

    def tunggu(teks: bytes) -> None:
        nonlocal keluaran
        while teks not in keluaran:
            siap, _, _ = select.select([induk], [], [], 30)
            assert siap, f"menunggu {teks!r}; sejauh ini: {keluaran.decode()}"
            keluaran += os.read(induk, 4096)

    for tanya, jawab in ((b"Nama kantor", b"Kecamatan Batur"),
                         (b"Pemerintah daerah", b""),  # blank: asked again
                         (b"isi pemerintah daerah", b"Pemerintah Kabupaten Banjarnegara"),
                         (b"Kota penandatanganan", b"Batur"),
                         (b"Ukuran kertas", b"folio"),  # not a size: asked again
                         (b"isi ukuran kertas: A4 atau F4", b"f4")):
        tunggu(tanya)
        os.write(induk, jawab + b"\n")
    tunggu(b"Langkah berikutnya")
    assert proses.wait(timeout=60) == 0
    os.close(induk)
    kantor = (akar / "kinerja.yml").read_text(encoding="utf-8")
    assert '  nama: "Kecamatan Batur"\n' in kantor and "kertas: F4\n" in kantor
    assert '  pemerintah: "Pemerintah Kabupaten Banjarnegara"\n' in kantor


@pytest.mark.parametrize("keadaan", ["kinerja-yml-hilang", "salinan-contoh-diubah",
                                     "periods-saja"])
def test_mulai_tidak_pernah_menghapus_data_kantor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str],
                                                 keadaan: str) -> None:
    """Whatever the root holds that is not the untouched sample — an office's periods with its
    kinerja.yml renamed by mistake, a sample copy someone began editing, periods alone —
    «mulai» refuses, says how to go on, and changes nothing."""
    akar = salin_templat(tmp_path / "kantor")
    monkeypatch.chdir(akar)
    shutil.copytree(akar / "contoh" / "periods", akar / "periods")
    shutil.copy(akar / "contoh" / "kinerja.yml", akar / "kinerja.yml")
    form = akar / "periods/2026/tw4/formulir/trantib.yml"
    if keadaan == "kinerja-yml-hilang":
        (akar / "kinerja.yml").rename(akar / "kinerja.yml.lama")
        form.write_text(form.read_text() + "# isian yang belum di-commit\n")
    elif keadaan == "salinan-contoh-diubah":
        form.write_text(form.read_text().replace("realisasi:", "realisasi: 7", 1))
    else:
        (akar / "kinerja.yml").unlink()
        (akar / "periods/2026/tw4/riwayat.yml").write_text("periode: 2026-tw4\n")
    sebelum = {p.relative_to(akar): p.read_bytes() for p in akar.rglob("*") if p.is_file()}
    hasil = jalankan(capsys, "mulai", "--instansi", "Kecamatan Baru", "--pemerintah",
                     "Pemerintah Kabupaten Contoh", "--kota", "Baru", "--kertas", "A4")
    assert hasil.kode == 1, hasil.keluaran
    assert "sudah berisi data kantor" in hasil.galat and "kinerja periksa" in hasil.galat
    assert "Traceback" not in hasil.galat
    sesudah = {p.relative_to(akar): p.read_bytes() for p in akar.rglob("*") if p.is_file()}
    assert sesudah == sebelum
