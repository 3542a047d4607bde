"""The form page's writer: only what was edited changes, byte for byte, for every value people
type; and the form as the page is told to draw it."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.buat.isian import Ubah, tulis_isian
from kinerja.inti.errors import KinerjaError

CONTOH = Path(__file__).resolve().parent.parent / "contoh"
KOSONG = (CONTOH / "periods/2026/tw4/formulir/sekretariat.yml").read_text(encoding="utf-8")
TERISI = (CONTOH / "periods/2026/tw4/formulir/pemerintahan.yml").read_text(encoding="utf-8")
REL = "periods/2026/tw4/formulir/sekretariat.yml"


def _baca_teks(teks: str, u: Ubah) -> object:
    """The field's value as kinerja reads it: the scalar's text (numbers as written)."""
    akar = yaml.compose(teks)
    assert isinstance(akar, yaml.MappingNode)
    daftar = {k.value: v for k, v in akar.value}[u.daftar]
    kunci = "indikator" if u.daftar == "isian" else "program"
    for item in daftar.value:
        isi = {k.value: v for k, v in item.value}
        if isi[kunci].value == u.kode:
            if u.aksi:
                aksi = next(a for a in isi["rencana_aksi"].value
                            if {k.value: v for k, v in a.value}["aksi"].value == u.aksi)
                isi = {k.value: v for k, v in aksi.value}
            v = isi.get(u.bidang)
            if v is None or (isinstance(v, yaml.ScalarNode) and v.tag.endswith(":null")):
                return () if isinstance(u.nilai, tuple) else ""
            if isinstance(v, yaml.SequenceNode):
                return tuple(x.value for x in v.value)
            return v.value
    raise AssertionError(u)


def test_nilai_orang_ditulis_tanpa_mengubah_baris_lain() -> None:
    ubah = (Ubah("isian", "IK-1.4", "realisasi", "85,5"),
            Ubah("isian", "IK-1.3", "realisasi", "A"),
            Ubah("isian", "IK-1.4", "bukti_dukung", ("https://a.go.id/1.pdf", "sk.pdf")),
            Ubah("isian", "IK-1.3", "status", "terlaksana", aksi="RA-1.3.1"),
            Ubah("anggaran", "7.01.01", "realisasi", "Rp 1.500.000"))
    baru = tulis_isian(KOSONG, REL, ubah)
    beda = [b for b in difflib.unified_diff(KOSONG.splitlines(), baru.splitlines(), lineterm="",
                                            n=0) if b[:1] in "+-" and b[:3] not in ("+++", "---")]
    assert beda == [
        "-    realisasi:", "+    realisasi: A",
        "-        status:", "+        status: terlaksana",
        "-    realisasi:", "+    realisasi: 85,5",
        "+      - https://a.go.id/1.pdf", "+      - sk.pdf",
        "-    realisasi: Rp 1.580.000.000", "+    realisasi: Rp 1.500.000",
    ], beda
    for u in ubah:
        assert _baca_teks(baru, u) == u.nilai


def test_simpan_tanpa_perubahan_identik_byte() -> None:
    ubah = (Ubah("isian", "IK-1.1", "realisasi", "100"),
            Ubah("isian", "IK-1.1", "bukti_dukung",
                 ("https://pejawaran.contoh.go.id/bukti/2026/tw4/ik-1.1.pdf",)))
    assert tulis_isian(TERISI, REL, ubah) == TERISI


def test_komentar_setelah_nilai_dan_gaya_blok_tetap() -> None:
    teks = ("isian:\n  - indikator: IK-1\n    realisasi: 10  # angka sementara\n"
            "    penjelasan: >-\n      teks lama\n      dua baris\n    hambatan: 'a'\n")
    baru = tulis_isian(teks, "f.yml", (Ubah("isian", "IK-1", "realisasi", "12,5"),
                                       Ubah("isian", "IK-1", "penjelasan", "Baru: #1")))
    assert baru == ("isian:\n  - indikator: IK-1\n    realisasi: 12,5  # angka sementara\n"
                    "    penjelasan: \"Baru: #1\"\n    hambatan: 'a'\n")


def test_komentar_tidak_pernah_hilang() -> None:
    teks = ("isian:\n  - indikator: IK-1\n    penjelasan: >-  # jangan dihapus\n      lama\n"
            "    bukti_dukung:\n      - a  # surat 12/2026\n      - b\n")
    baru = tulis_isian(teks, "f.yml", (Ubah("isian", "IK-1", "penjelasan", "baru"),))
    assert baru == teks.replace(">-  # jangan dihapus\n      lama", "baru  # jangan dihapus")
    # a list with comments among its items is not replaced (its comments would go): refused
    with pytest.raises(KinerjaError, match="memuat baris komentar"):
        tulis_isian(teks, "f.yml", (Ubah("isian", "IK-1", "bukti_dukung", ("c",)),))


def test_kunci_yang_hilang_ditambahkan() -> None:
    teks = "isian:\n  - indikator: IK-1\n    realisasi: 10\n\nanggaran:\n"
    baru = tulis_isian(teks, "f.yml", (Ubah("isian", "IK-1", "hambatan", "Hujan"),))
    assert baru == "isian:\n  - indikator: IK-1\n    realisasi: 10\n    hambatan: Hujan\n\nanggaran:\n"


def test_bidang_pengenal_tidak_dapat_diubah() -> None:
    with pytest.raises(KinerjaError, match="«indikator» tidak dapat diubah"):
        Ubah("isian", "IK-1", "indikator", "IK-9")
    with pytest.raises(KinerjaError, match="IK-9 tidak ada di formulir"):
        tulis_isian(KOSONG, REL, (Ubah("isian", "IK-9", "realisasi", "1"),))


# Values people type into a form: Indonesian numbers, rupiah, grades, prose with the characters
# YAML gives meaning to, several lines, tabs, and lists of links.
ANGKA = st.builds(lambda a, b: f"{a:,}".replace(",", ".") + (f",{b}" if b else ""),
                  st.integers(0, 10**9), st.integers(0, 99))
RUPIAH = st.builds(lambda a, s: f"Rp {a:,}".replace(",", ".") + s, st.integers(0, 10**10),
                   st.sampled_from(["", ",-", ",00"]))
TEKS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",),
                             exclude_characters="\r\x85\u2028\u2029"), max_size=120)
PROSA = st.lists(st.sampled_from(["Target: 100%", "# bukan komentar", "'kutip'", '"dua"', "\t",
                                  "- butir", "ya", "null", "~", "  ", "a: b", "Rp 1.500.000",
                                  "dst…", "[x]", "{y}", "&z", "*w", "!t", "|", ">", "%", "@",
                                  "`", "\n", "\n\n", "é", "ü"]), max_size=12).map("".join)
TAUTAN = st.lists(st.one_of(
    st.builds(lambda n: f"https://contoh.go.id/bukti/{n}.pdf", st.integers(0, 999)),
    st.sampled_from(["sk camat.pdf", "foto#1.jpg", "https://x.id/a?b=c&d=e"])), max_size=4
).map(tuple)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(realisasi=st.one_of(ANGKA, st.sampled_from(["AA", "A", "BB", ""])),
       penjelasan=st.one_of(PROSA, TEKS), hambatan=st.one_of(PROSA, TEKS), bukti=TAUTAN,
       anggaran=RUPIAH, catatan=st.one_of(PROSA, TEKS),
       crlf=st.booleans(), isi=st.booleans())
def test_nilai_apa_pun_terbaca_kembali_sama(realisasi: str, penjelasan: str, hambatan: str,
                                           bukti: tuple[str, ...], anggaran: str, catatan: str,
                                           crlf: bool, isi: bool) -> None:
    dasar = TERISI if isi else KOSONG
    if crlf:
        dasar = dasar.replace("\n", "\r\n")
    kode, aksi = ("IK-1.1", "RA-1.1.1") if isi else ("IK-1.3", "RA-1.3.1")
    program = "7.01.06" if isi else "7.01.01"
    ubah = (Ubah("isian", kode, "realisasi", realisasi),
            Ubah("isian", kode, "penjelasan", penjelasan),
            Ubah("isian", kode, "hambatan", hambatan),
            Ubah("isian", kode, "bukti_dukung", bukti),
            Ubah("isian", kode, "catatan", catatan, aksi=aksi),
            Ubah("anggaran", program, "realisasi", anggaran))
    baru = tulis_isian(dasar, REL, ubah)
    for u in ubah:
        assert _baca_teks(baru, u) == u.nilai, u
    # every comment line and every line of the other entries is still there, in order
    lama_baris = dasar.splitlines()
    tetap = [b for b in lama_baris if b.lstrip().startswith("#")]
    assert [b for b in baru.splitlines() if b in tetap and b.lstrip().startswith("#")] == tetap
    if crlf:
        assert "\n" not in baru.replace("\r\n", "")
    # writing the same values again changes nothing
    assert tulis_isian(baru, REL, ubah) == baru


def test_formulir_digambarkan_dari_pk_dan_rencana_aksi(tmp_path: Path) -> None:
    """What the page is told to draw, for the kinds of indicator an office has: a graded one, a
    less-is-better one, a quarter whose target is 0; programmes with their ceiling; the
    quarter's actions with their status."""
    from buatan import salin_contoh
    from kinerja.buat import pengisian as formulir

    akar = salin_contoh(tmp_path / "contoh")
    pt, t = formulir.buka(akar, "2026-tw4", "sekretariat")
    d = formulir.jelaskan(pt, t)
    ik13 = d["indikator"][0]
    assert (ik13["kode"], ik13["skala"], ik13["target"], ik13["polaritas"]) == (
        "IK-1.3", ["AA", "A", "BB", "B", "CC", "C", "D"], "BB", "makin tinggi makin baik")
    assert ik13["nilai"] == {"realisasi": "", "penjelasan": "", "hambatan": "",
                             "tindak_lanjut": "", "bukti_dukung": []}
    assert [(a["kode"], a["status"], a["penanggung_jawab"]) for a in ik13["aksi"]] == [
        ("RA-1.3.1", "", "Sekretaris Kecamatan")]
    assert d["status_aksi"][0] == {"nilai": "terlaksana", "nama": "Terlaksana"}
    assert [(g["kode"], g["pagu"]) for g in d["program"]] == [("7.01.01", "Rp 1.850.000.000")]
    pt, t = formulir.buka(akar, "2026-tw4", "trantib")
    turun = next(i for i in formulir.jelaskan(pt, t)["indikator"] if i["kode"] == "IK-2.1")
    assert turun["polaritas"] == "makin rendah makin baik"
    pt, t = formulir.buka(akar, "2026-tw4", "pemerintahan")
    d = formulir.jelaskan(pt, t)
    nol = next(i for i in d["indikator"] if i["kode"] == "IK-1.2")
    assert (nol["target"], nol["target_tahunan"], nol["nilai"]["realisasi"]) == ("0", "17", "0")
    assert d["indikator"][0]["sumber_data"] == "Register laporan desa Seksi Pemerintahan"
    assert d["indikator"][0]["nilai"]["bukti_dukung"] == [
        "https://pejawaran.contoh.go.id/bukti/2026/tw4/ik-1.1.pdf"]
