"""«kinerja layani»: the form page on the office network. Its calls in-process (who may do what,
Host and Origin, a changed file), and a section's form filled in Chromium through the real
server, saved as that person's commit that «kinerja periksa» agrees with."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kinerja.layani import akses, aplikasi, folder_git
from sejarah import Kantor as Orang

KINERJA = str(Path(sys.executable).parent / "kinerja")
PERIODE, SEKSI = "2026-tw4", "sekretariat"
FORM = "periods/2026/tw4/formulir/sekretariat.yml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The sample office as its Git history made it: TW IV open, the Secretariat's form empty."""
    from buatan import salin_contoh

    return salin_contoh(tmp_path / "contoh")


def _klien(akar: Path) -> tuple[Any, bytes]:
    from starlette.testclient import TestClient

    kunci = akses.rahasia(folder_git(akar))
    app = aplikasi(akar, kunci, ("127.0.0.1", "localhost", "testserver"))
    return TestClient(app, base_url="http://testserver"), kunci


def _token(kunci: bytes, siapa: str) -> str:
    return akses.token(kunci, siapa)


ASAL = {"Origin": "http://testserver"}


def test_panggilan_dan_penjagaannya(repo: Path) -> None:
    c, kunci = _klien(repo)
    staf, kasi = _token(kunci, "staf-1"), _token(kunci, "kasi-trantib")
    assert c.get("/api/00000000/daftar").status_code == 404
    assert "tidak dikenal" in c.get("/isi/bukan-token").text
    daftar = c.get(f"/api/{kasi}/daftar").json()
    assert daftar["formulir"] == [{"periode": "2026-tw4", "nama_periode": "Triwulan IV Tahun 2026",
                                   "seksi": "trantib",
                                   "nama_seksi": "Seksi Ketenteraman dan Ketertiban Umum"}]
    # a section head fills only their own section's form
    r = c.get(f"/api/{kasi}/formulir/{PERIODE}/{SEKSI}")
    assert r.status_code == 403 and "tidak mengisi formulir seksi «sekretariat»" in r.json()["pesan"]
    # a ratified period is changed only through a revision
    r = c.get(f"/api/{staf}/formulir/2026-tw3/{SEKSI}")
    assert r.status_code == 400 and "sudah disahkan" in r.json()["pesan"]
    d = c.get(f"/api/{staf}/formulir/{PERIODE}/{SEKSI}").json()
    assert [i["kode"] for i in d["indikator"]] == ["IK-1.3", "IK-1.4"]
    assert d["indikator"][0]["skala"] == ["AA", "A", "BB", "B", "CC", "C", "D"]
    assert d["indikator"][0]["aksi"][0]["kode"] == "RA-1.3.1"
    assert d["program"][0]["pagu"].startswith("Rp ")
    ubah = {"ubah": [{"daftar": "isian", "kode": "IK-1.4", "bidang": "realisasi",
                      "nilai": "85,5x"}]}
    # changes only from the page itself, as JSON, on a name the server was started for
    assert c.post(f"/api/{staf}/periksa/{PERIODE}/{SEKSI}", json=ubah).status_code == 403
    assert c.post(f"/api/{staf}/periksa/{PERIODE}/{SEKSI}", json=ubah,
                  headers={"Origin": "http://jahat.example"}).status_code == 403
    assert c.post(f"/api/{staf}/periksa/{PERIODE}/{SEKSI}", content="ubah=1", headers={
        **ASAL, "Content-Type": "application/x-www-form-urlencoded"}).status_code == 400
    assert c.get(f"/api/{staf}/daftar", headers={"Host": "rebind.example"}).status_code == 400
    hasil = c.post(f"/api/{staf}/periksa/{PERIODE}/{SEKSI}", json=ubah, headers=ASAL).json()
    assert hasil["galat"] and hasil["temuan"][0]["bidang"] == "IK-1.4/realisasi"
    assert hasil["temuan"][0]["pesan"] == \
        "realisasi «85,5x» bukan angka; tulis misalnya 85,5 atau 1.250.000"
    # an identifying field cannot be sent
    r = c.post(f"/api/{staf}/periksa/{PERIODE}/{SEKSI}", headers=ASAL, json={"ubah": [
        {"daftar": "isian", "kode": "IK-1.4", "bidang": "indikator", "nilai": "IK-9"}]})
    assert r.status_code == 400 and "tidak dapat diisi" in r.json()["pesan"]
    assert c.get("/isi/%C3%A9").status_code == 404  # not a token's shape: refused first
    # a change on the server's copy nobody committed is never committed in someone's name
    asli = (repo / FORM).read_bytes()
    (repo / FORM).write_bytes(asli + b"\n")
    r = c.post(f"/api/{staf}/simpan/{PERIODE}/{SEKSI}", headers=ASAL,
               json={**ubah, "sidik": d["sidik"]})
    assert r.status_code == 400 and "tanpa di-commit" in r.json()["pesan"]
    # someone saved the form since the page read it: nothing is written, the page reloads
    Orang(repo).commit("sekcam", "2026-11-30 09:00", "Isi sekretariat", FORM)
    r = c.post(f"/api/{staf}/simpan/{PERIODE}/{SEKSI}", headers=ASAL,
               json={**ubah, "sidik": d["sidik"]})
    assert r.status_code == 409
    # a form that is a link to another file is never written, not even in the check's copy
    luar = repo.parent / "di-luar.yml"
    luar.write_bytes(asli)
    (repo / FORM).unlink()
    (repo / FORM).symlink_to(luar)
    r = c.post(f"/api/{staf}/periksa/{PERIODE}/{SEKSI}", json=ubah, headers=ASAL)
    assert r.status_code == 400 and "tautan simbolik" in r.json()["pesan"]
    assert luar.read_bytes() == asli


def test_isian_tercatat_atas_nama_pengisi_dan_tetap_miliknya(repo: Path) -> None:
    """The Kasubbag types figures through the page: the commit is theirs (author), recorded by
    kinerja layani (committer, trailer), holds only that form — and the Kasubbag then cannot
    approve the period, as if they had committed the figures themselves."""
    o = Orang(repo)
    tw3, tw4 = repo / "periods/2026/tw3/formulir", repo / "periods/2026/tw4/formulir"
    for seksi in ("sekretariat", "trantib", "pmd", "kesos", "pelayanan-umum"):  # TW IV filled
        teks = (tw3 / f"{seksi}.yml").read_text(encoding="utf-8")
        (tw4 / f"{seksi}.yml").write_text(teks.replace("2026-tw3", "2026-tw4"), encoding="utf-8")
    o.commit("staf-1", "2026-11-30 10:00", "Isi formulir TW IV", "periods/2026/tw4/formulir")
    c, kunci = _klien(repo)
    kasubbag = _token(kunci, "kasubbag-perencanaan")
    d = c.get(f"/api/{kasubbag}/formulir/{PERIODE}/{SEKSI}").json()
    lain = repo / "catatan-lain.txt"
    lain.write_text("belum di-commit\n")
    r = c.post(f"/api/{kasubbag}/simpan/{PERIODE}/{SEKSI}", headers=ASAL, json={
        "sidik": d["sidik"], "ubah": [
            {"daftar": "isian", "kode": "IK-1.4", "bidang": "realisasi", "nilai": "100"}]})
    assert r.status_code == 200, r.text
    log = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%an|%cn|%B", "--stat"],
                         capture_output=True, text=True, check=True).stdout
    assert log.startswith("Agus Priyanto, S.E. (contoh)|kinerja layani|Isi formulir sekretariat "
                          "2026-tw4")
    assert "Dicatat-lewat: kinerja layani" in log and " 1 file changed" in log
    assert lain.exists() and "catatan-lain" not in log
    from kinerja.alur.keputusan import putuskan
    from kinerja.inti.errors import KinerjaError
    from kinerja.pengesahan.trailer import Jenis

    with o.sebagai("kasubbag-perencanaan", "2026-12-01 09:00"), \
            pytest.raises(KinerjaError, match="perubahannya sendiri"):
        putuskan(repo, PERIODE, Jenis.SETUJU, "kasubbag-perencanaan")


# The lines a person's entries in the Secretariat's form change, and nothing else (the same
# entries, typed through «kinerja layani» or the page on the archive site).
BARIS_DIISI = [
    "-    realisasi:", "+    realisasi: A",
    "-        status:", "+        status: terlaksana",
    "-    realisasi:", "-    penjelasan:",
    "+    realisasi: 85,5", '+    penjelasan: "Dokumen: Renja #2 disusun tepat waktu"',
    "+      - https://pejawaran.contoh.go.id/bukti/renja.pdf",
    "+      - https://pejawaran.contoh.go.id/bukti/pk.pdf",
    "-    realisasi: Rp 1.580.000.000", "+    realisasi: Rp 1.500.000",
]


def baris_berubah(sebelum: str, sesudah: str) -> list[str]:
    """The lines removed and added between two texts, in order, without context."""
    import difflib

    return [x for x in difflib.unified_diff(sebelum.splitlines(), sesudah.splitlines(),
                                            lineterm="", n=0)
            if x[:1] in "+-" and x[:3] not in ("+++", "---")]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def peladen(repo: Path) -> Iterator[tuple[str, Path]]:
    """The real «kinerja layani» on loopback, as the Kasubbag starts it."""
    port = _port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    proses = subprocess.Popen([KINERJA, "layani", "--port", str(port)], cwd=repo, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proses.stdout is not None
    tautan: dict[str, str] = {}
    mulai = time.monotonic()
    while time.monotonic() - mulai < 30:
        baris = proses.stdout.readline()
        if m := re.match(r"(.+) \([^()]*\): (http://\S+)$", baris.strip()):
            tautan[m[1]] = m[2]
        if baris.startswith("Halaman formulir dilayani"):
            break
    try:
        while True:  # uvicorn listens a moment after the links are printed
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except ConnectionRefusedError:
                assert proses.poll() is None and time.monotonic() - mulai < 30
                time.sleep(0.1)
        yield tautan["Dewi Kartika, A.Md. (contoh)"], repo
    finally:
        proses.terminate()
        proses.wait(timeout=10)
        proses.stdout.close()


@pytest.mark.browser
@pytest.mark.parametrize("lebar", [390])
def test_mengisi_formulir_di_peramban(peladen: tuple[str, Path], lebar: int) -> None:
    """A staff member fills the Secretariat's form as a person would — a grade, «85,5»,
    «Rp 1.500.000», two links, an action's status — sees the checker's finding under the field
    for a bad value, fixes it, saves; the commit is theirs, only the edited lines changed, and
    «kinerja periksa» agrees with what the page said. At a phone's width, with no WCAG 2.1 A/AA
    violation axe-core finds."""
    from test_peramban import BENDERA, _foto, _konteks_axe, _perlu_chromium, pelanggaran_wcag

    url, akar = peladen
    sebelum = (akar / FORM).read_text(encoding="utf-8")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_perlu_chromium(), args=BENDERA)
        h = _konteks_axe(b, lebar, 844).new_page()
        galat: list[str] = []
        h.on("console", lambda m: galat.append(m.text) if m.type == "error" else None)
        h.on("pageerror", lambda e: galat.append(str(e)))
        h.goto(url)
        h.get_by_role("link", name="Sekretariat — Triwulan IV Tahun 2026").click()
        h.locator("#formulir:not([hidden])").wait_for()
        ik13 = h.locator("fieldset.indikator").nth(0)
        ik14 = h.locator("fieldset.indikator").nth(1)
        # an empty form: each field the completeness line names is marked where it is
        ik13.locator(".temuan-kosong").first.wait_for(timeout=10_000)
        assert ik13.locator(".temuan").first.inner_text() == "Belum diisi."
        ik13.get_by_label("Realisasi").select_option("A")
        ik13.get_by_label("Status").select_option("terlaksana")
        ik14.get_by_label("Realisasi").fill("85,5 persen")
        temuan = ik14.locator(".temuan").first
        temuan.filter(has_text="bukan angka").wait_for(timeout=10_000)
        assert temuan.inner_text() == ("Galat: realisasi «85,5 persen» bukan angka; tulis "
                                       "misalnya 85,5 atau 1.250.000")
        assert ik14.get_by_label("Realisasi").get_attribute("aria-invalid") == "true"
        temuan.scroll_into_view_if_needed()
        _foto(h, f"layani-{lebar}-temuan")
        assert pelanggaran_wcag(h) == []  # WCAG 2.1 A/AA, with a finding shown under a field
        ik14.get_by_label("Realisasi").fill("85,5")
        ik14.get_by_label("Penjelasan").fill("Dokumen: Renja #2 disusun tepat waktu")
        ik14.get_by_label("Bukti dukung").fill(
            "https://pejawaran.contoh.go.id/bukti/renja.pdf\nhttps://pejawaran.contoh.go.id/"
            "bukti/pk.pdf")
        h.get_by_label(re.compile("^7.01.01 ")).fill("Rp 1.500.000")
        h.wait_for_function("() => !document.querySelector('.temuan-galat')", timeout=10_000)
        h.get_by_role("button", name="Simpan").click()
        h.locator("#hasil-simpan").filter(has_text="Tersimpan atas nama Dewi Kartika").wait_for(
            timeout=15_000)
        ringkas = h.locator("#ringkas").inner_text()
        _foto(h, f"layani-{lebar}-tersimpan")
        lebar_dok = h.evaluate("document.documentElement.scrollWidth")
        b.close()
    assert galat == []
    assert lebar_dok <= lebar  # nothing scrolls sideways on a phone
    log = subprocess.run(["git", "-C", str(akar), "log", "-1", "--format=%an <%ae>|%cn"],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert log == "Dewi Kartika, A.Md. (contoh) <staf1@contoh.go.id>|kinerja layani"
    sesudah = (akar / FORM).read_text(encoding="utf-8")
    beda = baris_berubah(sebelum, sesudah)
    assert beda == BARIS_DIISI, beda
    periksa = subprocess.run([KINERJA, "periksa", FORM, "--format", "json"], cwd=akar,
                             capture_output=True, text=True, check=False)
    data = json.loads(periksa.stdout)
    assert [t for t in data["temuan"] if t["tingkat"] == "galat"] == []
    assert "Sekretariat: 2 dari 2 indikator terisi" in ringkas
