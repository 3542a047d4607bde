from __future__ import annotations

import difflib
import itertools
from datetime import date, datetime
from pathlib import Path

import pytest

from conftest import DASAR, jalankan
from kinerja.inti.model import JamKerja
from kinerja.inti.sop import sop
from kinerja.ukur.jadwal import jadwalkan, libur_indonesia, menit_kerja, tambah_menit, tanpa_libur


def test_periode_baru_membuat_formulir(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "periode", "baru", "2026", "tw2", "--mulai", "2026-07-06")
    assert hasil.kode == 0, hasil.galat
    assert hasil.keluaran.splitlines() == [
        "dibuat     periods/2026/tw2/periode.yml",
        "dibuat     periods/2026/tw2/formulir/pemerintahan.yml",
        "dibuat     periods/2026/tw2/formulir/trantib.yml",
    ]
    form = Path("periods/2026/tw2/formulir/pemerintahan.yml").read_text()
    assert form.startswith("# yaml-language-server: $schema=../../../../content/skema/formulir.json\n")
    assert "  # IK-1 Jumlah desa yang dibina\n" in form
    assert "  #   target Triwulan II: 10 (target tahunan 40)\n" in form
    assert "  #   isi realisasi dengan salah satu: A, BB, B\n" in form
    assert "  - indikator: IK-1\n    realisasi:\n    penjelasan:\n" in form
    assert "  - program: P-1\n    realisasi:\n" in form
    # a fresh period is valid, and reported as not yet filled
    hasil = jalankan(capsys, "periksa", "periods/2026/tw2")
    assert hasil.kode == 0
    assert ("Seksi Pemerintahan: 0 dari 2 indikator terisi (belum lengkap — IK-1, IK-2 belum "
            "diisi)") in hasil.keluaran


def test_jadwal_melewati_libur_dan_akhir_pekan(kantor: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    # 2026-12-24 is a Thursday; 25 December is a public holiday, then a weekend.
    jalankan(capsys, "periode", "baru", "2026", "tw4", "--mulai", "2026-12-24")
    teks = Path("periods/2026/tw4/periode.yml").read_text()
    assert "mulai: 2026-12-24  # 24 Desember 2026\n" in teks
    assert "    mulai: 2026-12-24 07:30\n" in teks
    assert "    selesai: 2026-12-28 15:30  # mutu baku 1 hari\n" in teks


def test_tidak_menimpa_isian(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = Path("periods/2026/tw1/formulir/pemerintahan.yml")
    asli = form.read_bytes()
    hasil = jalankan(capsys, "periode", "baru", "2026", "tw1")
    assert hasil.kode == 1
    assert "sudah ada dan lengkap" in hasil.galat
    assert "dibiarkan  periods/2026/tw1/formulir/pemerintahan.yml" in hasil.keluaran
    assert form.read_bytes() == asli


def test_indikator_baru_ditambahkan_tanpa_mengubah_isian(
        kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = Path("periods/2026/tw1/formulir/pemerintahan.yml")
    asli = form.read_text()
    pk = Path("periods/2026/perjanjian-kinerja.yml")
    pk.write_text(pk.read_text().replace("""        seksi: pemerintahan
  - kode: SS-2""", """        seksi: pemerintahan
      - kode: IK-4
        uraian: Jumlah musyawarah desa yang didampingi
        satuan: kegiatan
        polaritas: naik
        agregasi: jumlah
        target: 8
        target_triwulan: [2, 2, 2, 2]
        seksi: pemerintahan
  - kode: SS-2"""))
    hasil = jalankan(capsys, "periode", "baru", "2026", "tw1")
    assert hasil.kode == 0, hasil.galat
    assert "dilengkapi periods/2026/tw1/formulir/pemerintahan.yml" in hasil.keluaran
    baru = form.read_text()
    # everything people wrote, comments and quotes included, is still there byte for byte:
    # the change is one inserted block, in place, before the budget section
    ops = difflib.SequenceMatcher(None, asli.splitlines(True), baru.splitlines(True)).get_opcodes()
    assert [op for op, *_ in ops if op != "equal"] == ["insert"]
    _, i1, _, j1, j2 = next(o for o in ops if o[0] == "insert")
    sisip = "".join(baru.splitlines(True)[j1:j2])
    assert sisip.startswith("  # IK-4 Jumlah musyawarah desa yang didampingi\n")
    assert "  - indikator: IK-4\n    realisasi:\n" in sisip
    assert asli.splitlines(True)[i1 - 2:i1 + 1] == [
        "      - https://contoh.go.id/bukti/ik-2.pdf\n", "\n",
        "# Realisasi anggaran kumulatif sampai dengan akhir periode, dalam rupiah.\n"]
    hasil = jalankan(capsys, "periksa")
    assert hasil.kode == 0, hasil.keluaran


def test_timpa_bila_diminta(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = Path("periods/2026/tw1/formulir/pemerintahan.yml")
    hasil = jalankan(capsys, "periode", "baru", "2026", "tw1", "--timpa", "--mulai", "2026-04-06")
    assert hasil.kode == 0
    assert "realisasi: 12" not in form.read_text()


def test_periode_tanpa_pk(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "periode", "baru", "2027", "tw1")
    assert hasil.kode == 1
    assert "Perjanjian Kinerja 2027 belum ada" in hasil.galat


def test_periode_ditolak_bila_pk_rusak(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pk = Path("periods/2026/perjanjian-kinerja.yml")
    pk.write_text(pk.read_text().replace("polaritas: turun", "polaritas: turunan"))
    hasil = jalankan(capsys, "periode", "baru", "2026", "tw3")
    assert hasil.kode == 1
    assert "periods/2026/perjanjian-kinerja.yml:32:20: galat: «polaritas»" in hasil.galat
    assert not Path("periods/2026/tw3").exists()


JAM = JamKerja()


def test_tambah_menit_melewati_jam_pulang() -> None:
    jumat = datetime(2026, 11, 27, 15, 30)
    assert tambah_menit(jumat, 60, JAM, tanpa_libur) == datetime(2026, 11, 30, 8, 0)


def test_menit_kerja() -> None:
    assert menit_kerja(datetime(2026, 11, 27, 15, 0), datetime(2026, 11, 30, 8, 0), JAM,
                       tanpa_libur) == 90
    assert menit_kerja(datetime(2026, 11, 30, 9, 0), datetime(2026, 11, 30, 8, 0), JAM,
                       tanpa_libur) == 0


def test_jadwal_sepuluh_langkah_berurutan() -> None:
    libur = libur_indonesia({2026})
    assert libur(date(2026, 8, 17))
    jadwal = jadwalkan(datetime(2026, 8, 14, 7, 30), sop().langkah, JAM, libur)
    assert [ls.nomor for ls, _, _ in jadwal] == list(range(1, 11))
    for (_, _, selesai), (_, mulai, _) in itertools.pairwise(jadwal):
        assert mulai >= selesai
    assert all(a.date() != date(2026, 8, 17) for _, a, _ in jadwal)


@pytest.mark.parametrize("akhir", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_melengkapi_formulir_tidak_mengubah_satu_byte_pun(
        kantor: Path, capsys: pytest.CaptureFixture[str], akhir: str, bom: bytes) -> None:
    """A new indicator in the PK after people edited the form: their lines stay byte for byte
    (BOM, CRLF, trailing spaces, ~, quotes and escapes); the only change is added lines."""
    assert jalankan(capsys, "periode", "baru", "2026", "tw2", "--mulai", "2026-07-06").kode == 0
    form = kantor / "periods/2026/tw2/formulir/pemerintahan.yml"
    teks = form.read_text(encoding="utf-8").replace("    realisasi:\n", "    realisasi: ~   \n", 1)
    teks = teks.replace("    penjelasan:\n", '    penjelasan: "a\\tb \\u00e9"  \n', 1)
    asli = bom + teks.replace("\n", akhir).encode("utf-8")
    form.write_bytes(asli)
    _pk_ik9(kantor)
    hasil = jalankan(capsys, "periode", "baru", "2026", "tw2")
    assert hasil.keluaran.splitlines()[0] == "dilengkapi periods/2026/tw2/formulir/pemerintahan.yml"
    baru = form.read_bytes()
    import difflib

    lama_b, baru_b = asli.splitlines(keepends=True), baru.splitlines(keepends=True)
    ops = [op for op in difflib.SequenceMatcher(a=lama_b, b=baru_b, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    assert [op[0] for op in ops] == ["insert"], ops
    tambahan = b"".join(baru_b[ops[0][3]:ops[0][4]]).decode()
    assert "- indikator: IK-9" in tambahan and all(b.endswith(akhir.encode())
                                                    for b in baru_b[ops[0][3]:ops[0][4]])
    assert jalankan(capsys, "periksa", "periods/2026/tw2").kode == 0


def _pk_ik9(kantor: Path) -> None:
    pk = kantor / "periods/2026/perjanjian-kinerja.yml"
    pk.write_text(pk.read_text().replace("  - kode: SS-2", "      - kode: IK-9\n        uraian: Baru\n"
                                         "        satuan: desa\n        polaritas: naik\n"
                                         "        agregasi: jumlah\n        target: 4\n"
                                         "        target_triwulan: [1, 1, 1, 1]\n"
                                         "        seksi: pemerintahan\n  - kode: SS-2", 1))


def test_daftar_satu_baris_tidak_ditulis_ulang(kantor: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    form = kantor / "periods/2026/tw1/formulir/pemerintahan.yml"
    teks = form.read_text()
    awal = teks.index("isian:")
    akhir = teks.index("anggaran:")
    asli = teks[:awal] + "isian: [{indikator: IK-1, realisasi: 12}, {indikator: IK-2, realisasi: B}]\n" \
        + teks[akhir:]
    form.write_text(asli)
    _pk_ik9(kantor)
    hasil = jalankan(capsys, "periode", "baru", "2026", "tw1")
    assert hasil.kode == 1
    assert "isian ditulis dalam satu baris «[...]» atau kosong" in hasil.galat
    assert "«- indikator: IK-9»" in hasil.galat
    assert form.read_text() == asli


def test_nilai_blok_dengan_baris_kosong_tetap(kantor: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert jalankan(capsys, "periode", "baru", "2026", "tw2", "--mulai", "2026-07-06").kode == 0
    form = kantor / "periods/2026/tw2/formulir/pemerintahan.yml"
    teks = form.read_text()
    i = teks.rindex("    bukti_dukung:\n", 0, teks.index("anggaran:"))
    form.write_text(teks[:i] + "    bukti_dukung:\n    penjelasan_tambahan: |+\n      baris\n\n\n"
                    + teks[i + len("    bukti_dukung:\n"):])
    sebelum = form.read_bytes()
    _pk_ik9(kantor)
    jalankan(capsys, "periode", "baru", "2026", "tw2")
    sesudah = form.read_bytes()
    import difflib

    import yaml

    ops = [op[0] for op in difflib.SequenceMatcher(
        a=sebelum.splitlines(keepends=True), b=sesudah.splitlines(keepends=True),
        autojunk=False).get_opcodes() if op[0] != "equal"]
    assert ops == ["insert"]
    isian = yaml.safe_load(sesudah)["isian"]
    lama = yaml.safe_load(sebelum)["isian"][1]["penjelasan_tambahan"]
    assert lama.startswith("baris\n\n\n")
    assert isian[1]["penjelasan_tambahan"] == lama  # «|+» keeps all its blank lines
    assert isian[-1]["indikator"] == "IK-9"


@pytest.mark.parametrize(("utc", "zona", "harap"), [
    # 14.20 UTC is 21.20 WIB: office hours are over, so step 1 starts at the next opening.
    ("2026-11-30T14:20:00+00:00", "WIB", "2026-12-01 07:30"),
    # 22.00 UTC on Sunday is 05.00 WIB on Monday: still yesterday in UTC, already Monday here.
    ("2026-11-29T22:00:00+00:00", "WIB", "2026-11-30 07:30"),
    # 02.10 UTC is 10.10 WITA: within office hours, step 1 starts a minute from now.
    ("2026-11-30T02:10:00+00:00", "WITA", "2026-11-30 10:11"),
    # Friday 16.30 WIT: the weekend is skipped.
    ("2026-12-04T07:30:00+00:00", "WIT", "2026-12-07 07:30"),
])
def test_jadwal_mulai_di_masa_depan_menurut_zona_kantor(utc: str, zona: str, harap: str) -> None:
    from datetime import datetime

    from kinerja.baca.kantor import muat_kantor
    from kinerja.buat.periode import _awal

    kantor = muat_kantor(DASAR)[0]
    assert kantor is not None
    from dataclasses import replace
    from datetime import timedelta, timezone

    from kinerja.inti.model import ZONA

    kini = datetime.fromisoformat(utc)
    awal = _awal(replace(kantor, zona_waktu=zona), None, kini)
    assert f"{awal:%Y-%m-%d %H:%M}" == harap
    lokal = kini.astimezone(timezone(timedelta(hours=ZONA[zona]))).replace(tzinfo=None)
    assert awal > lokal  # never in the past, in the office's own clock


@pytest.mark.parametrize(("pemerintah", "kepada"), [
    ("Pemerintah Kabupaten Banjarnegara", ("Bupati Banjarnegara", "Banjarnegara")),
    ("Kabupaten Banjarnegara", ("Bupati Banjarnegara", "Banjarnegara")),
    ("Pemerintah Kota Semarang", ("Wali Kota Semarang", "Semarang")),
    ("Pemerintah Provinsi Jawa Tengah", ("Kepala Daerah Provinsi Jawa Tengah",
                                         "Provinsi Jawa Tengah")),
])
def test_surat_pengantar_kepada_kepala_daerah(pemerintah: str, kepada: tuple[str, str]) -> None:
    from kinerja.inti.model import Instansi

    assert Instansi("Kecamatan Batur", pemerintah, "Jl. Raya", "Batur").kepala_daerah == kepada


def test_formulir_kosong_ditulis_ulang(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An emptied form holds nothing anyone typed: «periode baru» writes it again, and leaves
    every other file byte for byte."""
    assert jalankan(capsys, "periode", "baru", "2026", "tw2", "--mulai", "2026-07-06").kode == 0
    kosong = kantor / "periods/2026/tw2/formulir/trantib.yml"
    lain = kantor / "periods/2026/tw2/formulir/pemerintahan.yml"
    lain.write_text(lain.read_text().replace("    realisasi:\n", "    realisasi: 11\n", 1))
    isi_lain = lain.read_bytes()
    asli = kosong.read_bytes()
    kosong.write_text("\n")
    periksa = jalankan(capsys, "periksa", "periods/2026/tw2")
    assert "trantib.yml:1:1: galat: berkas kosong; buat ulang kerangkanya dengan «kinerja " \
           "periode baru 2026 tw2»" in periksa.keluaran
    assert jalankan(capsys, "periode", "baru", "2026", "tw2").kode == 0
    assert kosong.read_bytes() == asli and lain.read_bytes() == isi_lain


RENAKSI = DASAR.parent / "valid/renaksi/repo/periods/2026/rencana-aksi.yml"


@pytest.mark.parametrize("akhir", ["\n", "\r\n"])
def test_rencana_aksi_sesudah_formulir_ditambahkan_ke_formulir(
        kantor: Path, capsys: pytest.CaptureFixture[str], akhir: str) -> None:
    """The plan written after the quarter's forms: «periode baru» adds each planned action the
    forms lack (no list yet, an empty «rencana_aksi:», a list missing one) as inserted lines
    only; before that a draft still checks, «--lengkap» names the command."""
    (kantor / "periods/2026/rencana-aksi.yml").write_text(RENAKSI.read_text())
    pem = kantor / "periods/2026/tw1/formulir/pemerintahan.yml"
    trantib = kantor / "periods/2026/tw1/formulir/trantib.yml"
    teks = pem.read_text().replace(
        "    bukti_dukung:\n      - https://contoh.go.id/bukti/ik-2.pdf\n",
        "    bukti_dukung:\n      - https://contoh.go.id/bukti/ik-2.pdf\n    rencana_aksi:\n")
    pem.write_bytes(teks.replace("\n", akhir).encode())
    trantib.write_bytes(trantib.read_bytes().replace(
        b"    bukti_dukung:\n", b"    bukti_dukung:\n    rencana_aksi:\n      - aksi: RA-9.9\n"
        b"        status: belum\n"))
    asli = {p: p.read_bytes() for p in (pem, trantib)}
    assert jalankan(capsys, "periksa").kode == 1  # RA-9.9 is not planned: that stays a slip
    hasil = jalankan(capsys, "periksa", "--lengkap", "periods/2026/tw1")
    assert ("pemerintahan.yml:24:16: galat: aksi RA-1.1 (Kunjungan pembinaan ke desa) "
            "direncanakan untuk IK-1 pada Triwulan I tetapi tidak dievaluasi; jalankan «kinerja "
            "periode baru 2026 tw1» untuk menambahkan butir «- aksi: RA-1.1» ke formulir, lalu "
            "isi status dan catatannya [aksi-hilang]") in hasil.keluaran
    hasil = jalankan(capsys, "periode", "baru", "2026", "tw1")
    assert hasil.kode == 0, hasil.galat
    assert hasil.keluaran.splitlines()[:2] == [
        "dilengkapi periods/2026/tw1/formulir/pemerintahan.yml",
        "dilengkapi periods/2026/tw1/formulir/trantib.yml"]
    for path, lama in asli.items():
        lama_b, baru_b = lama.splitlines(keepends=True), path.read_bytes().splitlines(keepends=True)
        ops = difflib.SequenceMatcher(a=lama_b, b=baru_b, autojunk=False).get_opcodes()
        assert {op[0] for op in ops} <= {"equal", "insert"}, ops
        assert all(b.endswith(akhir.encode() if path == pem else b"\n") for b in baru_b)
    assert (b"    bukti_dukung: https://contoh.go.id/bukti/ik-1.pdf" + akhir.encode()
            + b"    rencana_aksi:  # status: terlaksana, sebagian, atau belum" + akhir.encode()
            + b"      # RA-1.1 Kunjungan pembinaan ke desa \xc2\xb7 penanggung jawab: Kepala "
            b"Seksi Pemerintahan" + akhir.encode() + b"      - aksi: RA-1.1" + akhir.encode()
            + b"        status:" + akhir.encode() + b"        catatan:" + akhir.encode()
            + akhir.encode() + b"  # IK-2") in pem.read_bytes()
    assert (b"    rencana_aksi:" + akhir.encode() + b"      # RA-2.1 Melengkapi dokumen SAKIP: "
            b"Renstra, Renja, PK") in pem.read_bytes()
    assert (b"      - aksi: RA-9.9\n        status: belum\n      # RA-3.1 Simulasi tanggap "
            b"bencana") in trantib.read_bytes()
    # the second run has nothing to add
    assert "dilengkapi" not in jalankan(capsys, "periode", "baru", "2026", "tw1").keluaran
    hasil = jalankan(capsys, "periksa", "--lengkap", "periods/2026/tw1")
    assert "[aksi-hilang]" not in hasil.keluaran
    assert "status aksi RA-1.1 belum diisi" in hasil.keluaran


def test_mulai_pada_hari_libur_dikatakan(kantor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hasil = jalankan(capsys, "periode", "baru", "2026", "tw3", "--mulai", "2026-08-17")
    assert hasil.kode == 0
    assert hasil.keluaran.splitlines()[-1] == (
        "catatan: --mulai 17 Agustus 2026 jatuh pada hari libur nasional; jadwal SOP dimulai "
        "pada hari kerja berikutnya, 18 Agustus 2026 pukul 07.30")
    assert "mulai: 2026-08-18" in Path("periods/2026/tw3/periode.yml").read_text()
    hasil = jalankan(capsys, "periode", "baru", "2026", "tw4", "--mulai", "2026-10-10")
    assert hasil.keluaran.splitlines()[-1] == (
        "catatan: --mulai 10 Oktober 2026 jatuh di luar hari kerja kantor; jadwal SOP dimulai "
        "pada hari kerja berikutnya, 12 Oktober 2026 pukul 07.30")
    assert "catatan" not in jalankan(capsys, "periode", "baru", "2026", "tw2", "--mulai",
                                     "2026-07-06").keluaran
