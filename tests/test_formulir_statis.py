"""The form page on the archive site, for an office on GitHub: kinerja in the browser (Pyodide in
a Web Worker, packed by «kinerja situs»), the period's files read and the form saved through
GitHub's contents API — here a loopback fake whose every request and answer is checked against
GitHub's OpenAPI description — as the commit of the person whose token it is."""

from __future__ import annotations

import base64
import functools
import json
import os
import re
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from kinerja.buat import pengisian, peramban
from kinerja.buat.isian import Ubah

KINERJA = str(Path(sys.executable).parent / "kinerja")
PERIODE, SEKSI = "2026-tw4", "sekretariat"
FORM = "periods/2026/tw4/formulir/sekretariat.yml"
CABANG = "periode/2026-tw4"
DEWI = ("dewi-kartika", "Dewi Kartika, A.Md. (contoh)", "staf1@contoh.go.id")
KASI = ("contoh-kasi-pem", "Kasi Pemerintahan (contoh)", "kasi.pem@contoh.go.id")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    from buatan import salin_contoh

    return salin_contoh(tmp_path / "contoh", situs=True)


def _git(akar: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(akar), *args], capture_output=True, text=True,
                          check=True).stdout


def test_panggilan_peramban_sama_dengan_layani(repo: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """What the page's worker computes from the fetched files is what «kinerja layani» computes
    in the repository: the same description, the same findings, the same bytes to save."""
    monkeypatch.setattr(peramban, "AKAR", tmp_path / "kantor")
    berkas = [{"path": p, "size": (repo / p).stat().st_size}
              for p in _git(repo, "ls-files").split()]
    perlu = json.loads(peramban.panggil("perlu", json.dumps({"berkas": berkas,
                                                              "tunjuk": PERIODE})))
    assert perlu["status"] == 200 and FORM in perlu["isi"] and "kinerja.yml" in perlu["isi"]
    assert not any(p.startswith("periods/2026/tw3/") for p in perlu["isi"] + perlu["ada"])
    berkas = {p: base64.b64encode((repo / p).read_bytes()).decode() for p in perlu["isi"]}
    assert json.loads(peramban.panggil("pasang", json.dumps(
        {"berkas": berkas, "ada": perlu["ada"]}))) == {"status": 200}
    ubah = [{"daftar": "isian", "kode": "IK-1.4", "bidang": "realisasi", "nilai": "85,5 persen"},
            {"daftar": "anggaran", "kode": "7.01.01", "bidang": "realisasi",
             "nilai": "Rp 1.500.000"}]
    pt, t = pengisian.buka(repo, PERIODE, SEKSI)
    asli = tuple(Ubah(**u) for u in ubah)  # type: ignore[arg-type]
    arg = json.dumps({"tunjuk": PERIODE, "seksi": SEKSI})
    d = json.loads(peramban.panggil("jelaskan", arg))
    assert d.pop("status") == 200 and d == pengisian.jelaskan(pt, t)
    c = json.loads(peramban.panggil("coba", json.dumps({"tunjuk": PERIODE, "seksi": SEKSI,
                                                        "ubah": ubah})))
    assert c.pop("status") == 200 and c == pengisian.coba(pt, t, asli)
    assert any(x["bidang"] == "IK-1.4/realisasi" for x in c["temuan"])
    w = json.loads(peramban.panggil("tulis", json.dumps({"tunjuk": PERIODE, "seksi": SEKSI,
                                                         "ubah": ubah})))
    assert base64.b64decode(w["isi"]) == pengisian.tulis(pt, t, asli) and w["berubah"]
    # a slip in what the page sends is an answer the person reads, never a traceback
    salah = json.loads(peramban.panggil("coba", json.dumps(
        {"tunjuk": PERIODE, "seksi": SEKSI, "ubah": [{"daftar": "isian", "kode": "IK-1.4",
                                                      "bidang": "indikator", "nilai": "x"}]})))
    assert salah == {"status": 400, "pesan": "«indikator» tidak dapat diisi dari halaman ini"}
    assert json.loads(peramban.panggil("jelaskan", json.dumps(
        {"tunjuk": "2026-tw9", "seksi": SEKSI})))["status"] == 400


def _pasang_dari(repo: Path, tunjuk: str, tag: list[str]) -> dict[str, Any]:
    berkas = [{"path": p} for p in _git(repo, "ls-files").split()]
    perlu = json.loads(peramban.panggil("perlu", json.dumps({"berkas": berkas,
                                                              "tunjuk": tunjuk})))
    return json.loads(peramban.panggil("pasang", json.dumps({"berkas": {
        p: base64.b64encode((repo / p).read_bytes()).decode() for p in perlu["isi"]},
        "ada": perlu["ada"], "tag": tag})))


def test_periode_disahkan_ditolak_di_peramban(repo: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside Git nothing is proven, so the page goes by what the host shows: a period with a
    ratification tag is refused, as «kinerja layani» refuses it; one reopened by a revision
    (its record on the branch says so) is open again until its next version's tag."""
    monkeypatch.setattr(peramban, "AKAR", tmp_path / "kantor")
    arg = json.dumps({"tunjuk": "2026-tw3", "seksi": SEKSI})
    assert _pasang_dari(repo, "2026-tw3", ["pengesahan/2026-tw3"])["status"] == 200
    tolak = json.loads(peramban.panggil("tulis", json.dumps(
        {"tunjuk": "2026-tw3", "seksi": SEKSI, "ubah": []})))
    assert tolak == {"status": 400, "pesan": (
        "Triwulan III Tahun 2026 sudah disahkan Camat, jadi isiannya tidak dapat diubah lagi di "
        "sini. Bila ada yang harus diperbaiki, sampaikan kepada Kasubbag Perencanaan: ia membuka "
        "revisi («kinerja revisi 2026-tw3»)")}
    # the record «kinerja sahkan» commits beside its tag closes it too
    assert (repo / "periods/2026/tw3/riwayat.yml").is_file()
    _pasang_dari(repo, "2026-tw3", [])
    assert json.loads(peramban.panggil("jelaskan", arg))["status"] == 400
    # on a Git host the tag is the record: another period's tag does not close this one
    riwayat = repo / "periods/2026/tw3/riwayat.yml"
    _git(repo, "rm", "-q", "periods/2026/tw3/riwayat.yml")
    _pasang_dari(repo, "2026-tw3", ["pengesahan/2026-tw30", "pengesahan/2026-tw2"])
    assert json.loads(peramban.panggil("jelaskan", arg))["status"] == 200
    # reopened as version 2 by a revision: open until «pengesahan/2026-tw3-v2»
    riwayat.write_text("periode: 2026-tw3\nsumber: git\ndisahkan: false\nversi: 2\n")
    _git(repo, "add", "periods/2026/tw3/riwayat.yml")
    _pasang_dari(repo, "2026-tw3", ["pengesahan/2026-tw3"])
    assert json.loads(peramban.panggil("jelaskan", arg))["status"] == 200
    _pasang_dari(repo, "2026-tw3", ["pengesahan/2026-tw3", "pengesahan/2026-tw3-v2"])
    assert json.loads(peramban.panggil("jelaskan", arg))["status"] == 400


@pytest.mark.parametrize("jalan", ["/periods/2026/tw4/formulir/x.yml", "../kinerja.yml",
                                   "periods/2026/tw4/../../../etc/x.yml", "periods//2026/pk.yml",
                                   "lain/berkas.yml"])
def test_berkas_hanya_di_folder_pekerja(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        jalan: str) -> None:
    """A name the host gives is written inside the worker's folder or not at all."""
    monkeypatch.setattr(peramban, "AKAR", tmp_path / "kantor")
    hasil = json.loads(peramban.panggil("pasang", json.dumps(
        {"berkas": {jalan: base64.b64encode(b"x").decode()}, "ada": []})))
    assert hasil["status"] == 400 and "tidak dikenal" in hasil["pesan"]
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_formulir_kantor_lain_di_peramban(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any office, not the sample: the page's calls over another office's files describe its
    own indicators — a graded one, a less-is-better one, a programme — and name nothing of the
    sample office."""
    from conftest import DASAR
    from test_mulai import CONTOH

    monkeypatch.setattr(peramban, "AKAR", tmp_path / "kantor")
    berkas = [{"path": p.relative_to(DASAR).as_posix()} for p in DASAR.rglob("*") if p.is_file()]
    perlu = json.loads(peramban.panggil("perlu", json.dumps({"berkas": berkas,
                                                              "tunjuk": "2026-tw1"})))
    peramban.panggil("pasang", json.dumps({"berkas": {
        p: base64.b64encode((DASAR / p).read_bytes()).decode() for p in perlu["isi"]},
        "ada": perlu["ada"]}))
    pem = json.loads(peramban.panggil("jelaskan", json.dumps({"tunjuk": "2026-tw1",
                                                              "seksi": "pemerintahan"})))
    assert pem["kantor"] == "Kecamatan Contoh" and pem["nama_periode"] == "Triwulan I Tahun 2026"
    ik1, ik2 = pem["indikator"]
    assert (ik1["target"], ik1["target_tahunan"], ik1["nilai"]["realisasi"]) == ("10", "40", "12")
    assert ik2["skala"] == ["A", "BB", "B"]
    assert [g["kode"] for g in pem["program"]] == ["P-1"]
    tr = json.loads(peramban.panggil("jelaskan", json.dumps({"tunjuk": "2026-tw1",
                                                             "seksi": "trantib"})))
    assert tr["indikator"][0]["polaritas"] == "makin rendah makin baik"
    semua = json.dumps([pem, tr], ensure_ascii=False)
    for nama in CONTOH:
        assert nama not in semua, nama


def test_paket_berdiri_sendiri_tanpa_pustaka_c(repo: Path, tmp_path: Path) -> None:
    """The zip the page loads is the same for the same sources, and runs on a bare Python with
    nothing but the standard library (no libyaml, no site-packages): what Pyodide has."""
    from kinerja.situs.formulir import paket_kinerja

    paket = paket_kinerja()
    assert paket == paket_kinerja()
    zip_ = tmp_path / "kinerja.zip"
    zip_.write_bytes(paket)
    with zipfile.ZipFile(zip_) as z:
        nama = z.namelist()
    assert "kinerja/buat/peramban.py" in nama and "yaml/__init__.py" in nama
    assert not any(n.endswith((".so", ".pyc")) or "cyaml" in n for n in nama)
    paths = [{"path": p} for p in _git(repo, "ls-files").split()]
    skrip = ("import json, sys; sys.path.insert(0, sys.argv[1]); "
             "from kinerja.buat import peramban; import yaml; "
             "assert not hasattr(yaml, 'CSafeLoader'), 'libyaml terpakai'; "
             "print(peramban.panggil('perlu', sys.argv[2]))")
    hasil = subprocess.run([sys.executable, "-I", "-S", "-c", skrip, str(zip_),
                            json.dumps({"berkas": paths, "tunjuk": PERIODE})],
                           capture_output=True, text=True, check=False)
    assert hasil.returncode == 0, hasil.stderr
    assert FORM in json.loads(hasil.stdout)["isi"]


class _Situs(SimpleHTTPRequestHandler):
    # as a static host serves them: Pyodide's module and WebAssembly by their types
    extensions_map: ClassVar[dict[str, str]] = {".mjs": "text/javascript", ".js": "text/javascript",
                      ".wasm": "application/wasm", ".json": "application/json",
                      ".zip": "application/zip", ".html": "text/html", ".css": "text/css",
                      "": "application/octet-stream"}

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def github(repo: Path, tmp_path: Path) -> Iterator[tuple[Any, str]]:
    """The office's repository on the fake GitHub with the period branch open, and its archive
    site built (with the form page) and served on loopback."""
    import github_isi

    server = _server(repo, tmp_path)
    jalan = github_isi.jalankan(server, {}, {"tok-dewi": DEWI, "tok-kasi": KASI})
    palsu = next(jalan)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
           "GITHUB_REPOSITORY": "kecamatan-contoh/kinerja", "GITHUB_API_URL": palsu.alamat,
           "GITHUB_SERVER_URL": palsu.alamat}
    hasil = subprocess.run([KINERJA, "situs", "--bangun"], cwd=repo, env=env,
                           capture_output=True, text=True, check=False)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "halaman formulir staf: site/formulir/ (github," in hasil.stdout, hasil.stdout
    situs = ThreadingHTTPServer(("127.0.0.1", 0),
                                functools.partial(_Situs, directory=str(repo / "site")))
    threading.Thread(target=situs.serve_forever, daemon=True).start()
    try:
        yield palsu, f"http://127.0.0.1:{situs.server_address[1]}/formulir/"
    finally:
        situs.shutdown()
        situs.server_close()
        next(jalan, None)


def _server(repo: Path, tmp_path: Path) -> Path:
    """The office's repository as its Git host holds it, with the period's branch open."""
    server = tmp_path / "server.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(server)], check=True)
    subprocess.run(["git", "-C", str(server), "branch", CABANG, "main"], check=True)
    return server


def _blob(server: Path, ref: str) -> bytes:
    return subprocess.run(["git", "-C", str(server), "show", f"{ref}:{FORM}"],
                          capture_output=True, check=True).stdout


@pytest.mark.browser
def test_mengisi_dan_menyimpan_lewat_github(github: tuple[Any, str], tmp_path: Path) -> None:
    """A section's staff member signs in with her token, fills the form as a person would,
    sees the checker's finding under the field, fixes it and saves — while a colleague saved
    another field of the same form meanwhile: GitHub answers 409, the page reads the form again,
    puts her values on top, checks and saves. Both changes are in the file, her commit is hers
    and changes only her lines, and «kinerja periksa» agrees with what the page said."""
    from test_peramban import BENDERA, _foto, _konteks_axe, _perlu_chromium, pelanggaran_wcag

    palsu, url = github
    server = palsu.server
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_perlu_chromium(), args=BENDERA)
        h = _konteks_axe(b, 390, 844).new_page()
        galat: list[str] = []
        asing: list[str] = []
        h.on("console", lambda m: galat.append(m.text) if m.type == "error" else None)
        h.on("pageerror", lambda e: galat.append(str(e)))
        situs = url.split("/formulir/")[0]
        h.on("request", lambda r: None if r.url.startswith((situs, palsu.alamat, "data:"))
             else asing.append(r.url))
        h.goto(url + "#2026-tw4/sekretariat")
        h.get_by_label("Token GitHub").fill("tok-salah")
        h.get_by_role("button", name="Masuk").click()
        h.locator("#hasil-masuk").filter(has_text="tidak menerima token").wait_for(timeout=10_000)
        assert pelanggaran_wcag(h) == []
        _foto(h, "formulir-github-390-masuk")
        h.get_by_label("Token GitHub").fill("tok-dewi")
        h.get_by_role("button", name="Masuk").click()
        h.locator("#formulir:not([hidden])").wait_for(timeout=90_000)
        assert h.locator("#orang").inner_text().startswith(
            "Mengisi sebagai Dewi Kartika, A.Md. (contoh) (dewi-kartika)")
        ik13 = h.locator("fieldset.indikator").nth(0)
        ik14 = h.locator("fieldset.indikator").nth(1)
        ik13.locator(".temuan-kosong").first.wait_for(timeout=20_000)
        ik13.get_by_label("Realisasi").select_option("A")
        ik13.get_by_label("Status").select_option("terlaksana")
        ik14.get_by_label("Realisasi").fill("85,5 persen")
        temuan = ik14.locator(".temuan").first
        temuan.filter(has_text="bukan angka").wait_for(timeout=20_000)
        assert temuan.inner_text() == ("Galat: realisasi «85,5 persen» bukan angka; tulis "
                                       "misalnya 85,5 atau 1.250.000")
        _foto(h, "formulir-github-390-temuan")
        assert pelanggaran_wcag(h) == []
        ik14.get_by_label("Realisasi").fill("85,5")
        # below its target of 100: obstacles and follow-up are asked for, and it says why
        h.locator("#t-b-IK-1_4_hambatan").filter(has_text="Wajib diisi karena target").wait_for(
            timeout=20_000)
        assert h.locator("#t-b-IK-1_4_hambatan").inner_text() == (
            "Wajib diisi karena target periode ini belum tercapai.")
        ik14.get_by_label("Penjelasan").fill("Dokumen: Renja #2 disusun tepat waktu")
        ik14.get_by_label("Bukti dukung").fill(
            "https://pejawaran.contoh.go.id/bukti/renja.pdf\nhttps://pejawaran.contoh.go.id/"
            "bukti/pk.pdf")
        h.get_by_label(re.compile("^7.01.01 ")).fill("Rp 1.500.000")
        h.wait_for_function("() => !document.querySelector('.temuan-galat')", timeout=20_000)
        # a colleague saves another field of this form meanwhile
        sebelum = _blob(server, f"refs/heads/{CABANG}")
        lain = sebelum.replace(b"    tindak_lanjut:\n",
                               b"    tindak_lanjut: Dikoordinasikan dengan Inspektorat\n", 1)
        rekan = palsu.ubah_di_cabang(CABANG, FORM, lain, KASI)
        h.get_by_role("button", name="Simpan").click()
        h.locator("#hasil-simpan").filter(has_text="Tersimpan atas nama Dewi Kartika").wait_for(
            timeout=30_000)
        ringkas = h.locator("#ringkas").inner_text()
        _foto(h, "formulir-github-390-tersimpan")
        lebar_dok = h.evaluate("document.documentElement.scrollWidth")
        tersimpan = h.evaluate("JSON.stringify([sessionStorage, localStorage, document.cookie])")
        # a ratified period (its tag on the host) is refused, in the words «kinerja layani» uses
        subprocess.run(["git", "-C", str(server), "branch", "periode/2026-tw3", "main"],
                       check=True)
        h.goto(url + "?cabang=periode/2026-tw3#2026-tw3/sekretariat")  # a new page load
        h.get_by_label("Token GitHub").fill("tok-dewi")
        h.get_by_role("button", name="Masuk").click()
        h.locator("#umum").filter(has_text="sudah disahkan Camat").wait_for(timeout=60_000)
        assert h.locator("#formulir").is_hidden()
        # a link naming the default branch is refused before anything is read
        h.goto(url + "?cabang=main#2026-tw4/sekretariat")
        h.locator("#umum").filter(has_text="bukan cabang periode").wait_for(timeout=10_000)
        b.close()
    assert palsu.galat == []
    # the browser logs each refused request: the wrong token's 401 and the stale save's 409
    assert galat == ["Failed to load resource: the server responded with a status of 401 "
                     "(Unauthorized)", "Failed to load resource: the server responded with a "
                     "status of 409 (Conflict)"], galat
    assert asing == []
    assert lebar_dok <= 390
    assert "tok-dewi" not in tersimpan  # the page's memory only
    put = [u for m, u in palsu.permintaan if m == "PUT"]
    assert len(put) == 2, put  # refused once (409), then saved on top of the colleague's
    assert [s[0] for s in palsu.simpanan] == ["dewi-kartika"]
    commit = palsu.simpanan[0][1]
    assert _git(server, "rev-parse", f"{commit}^").strip() == rekan
    log = _git(server, "log", "-1", "--format=%an <%ae>|%s|%b", commit).strip()
    assert log.startswith("Dewi Kartika, A.Md. (contoh) <staf1@contoh.go.id>|Isi formulir "
                          "sekretariat 2026-tw4|Dicatat-lewat: halaman formulir kinerja (GitHub)")
    sesudah = _blob(server, commit).decode()
    assert "tindak_lanjut: Dikoordinasikan dengan Inspektorat" in sesudah
    from test_layani import BARIS_DIISI, baris_berubah

    beda = baris_berubah(lain.decode(), sesudah)
    assert beda == BARIS_DIISI, beda  # the same lines as through «kinerja layani»
    klon = tmp_path / "klon"
    subprocess.run(["git", "clone", "-q", "-b", CABANG, str(server), str(klon)], check=True)
    periksa = subprocess.run([KINERJA, "periksa", FORM, "--format", "json"], cwd=klon,
                             capture_output=True, text=True, check=False)
    data = json.loads(periksa.stdout)
    assert [t for t in data["temuan"] if t["tingkat"] == "galat"] == []
    assert "Sekretariat: 2 dari 2 indikator terisi" in ringkas



@pytest.fixture
def gitea(repo: Path, tmp_path: Path) -> Iterator[tuple[Any, str]]:
    """The office on the fake Gitea, its form page built as Gitea Actions builds it (with the
    page registered as an OAuth2 application, and the site's origin allowed by [cors])."""
    import gitea_isi

    server = _server(repo, tmp_path)
    situs = ThreadingHTTPServer(("127.0.0.1", 0),
                                functools.partial(_Situs, directory=str(repo / "site")))
    asal = f"http://127.0.0.1:{situs.server_address[1]}"
    jalan = gitea_isi.jalankan(server, {"klien-formulir": f"{asal}/formulir/"}, DEWI, (asal,))
    palsu = next(jalan)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
           "GITEA_ACTIONS": "true", "GITHUB_ACTIONS": "true", "GITHUB_SERVER_URL": palsu.alamat,
           "GITHUB_REPOSITORY": "kecamatan-contoh/kinerja", "KINERJA_GITEA_KLIEN": "klien-formulir"}
    hasil = subprocess.run([KINERJA, "situs", "--bangun"], cwd=repo, env=env,
                           capture_output=True, text=True, check=False)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "halaman formulir staf: site/formulir/ (gitea," in hasil.stdout, hasil.stdout
    threading.Thread(target=situs.serve_forever, daemon=True).start()
    try:
        yield palsu, f"{asal}/formulir/"
    finally:
        situs.shutdown()
        situs.server_close()
        next(jalan, None)


@pytest.mark.browser
def test_masuk_gitea_dengan_pkce_lalu_menyimpan(gitea: tuple[Any, str]) -> None:
    """On Gitea the page signs in with OAuth2 and PKCE as a public client: Gitea sends the
    browser back with a one-time code, which the page trades for a token with its verifier. An
    answer whose «state» is not the page's own is refused. The save is the person's commit; a
    stale save (Gitea's 422 «sha does not match») is read again and retried."""
    from test_peramban import BENDERA, _foto, _konteks_axe, _perlu_chromium, pelanggaran_wcag

    palsu, url = gitea
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_perlu_chromium(), args=BENDERA)
        h = _konteks_axe(b, 390, 844).new_page()
        galat: list[str] = []
        h.on("pageerror", lambda e: galat.append(str(e)))
        # an answer this page did not ask for (a forged link with someone's code) is refused
        h.goto(url + "?code=curian&state=palsu#2026-tw4/sekretariat")
        h.get_by_role("button", name="Masuk dengan akun Gitea").wait_for(timeout=10_000)
        assert palsu.tukar == []
        assert pelanggaran_wcag(h) == []
        _foto(h, "formulir-gitea-390-masuk")
        h.get_by_role("button", name="Masuk dengan akun Gitea").click()
        h.locator("#formulir:not([hidden])").wait_for(timeout=90_000)
        assert h.url == url + "#2026-tw4/sekretariat"  # the code is gone from the address
        assert h.locator("#orang").inner_text().startswith(
            "Mengisi sebagai Dewi Kartika, A.Md. (contoh) (dewi-kartika)")
        ik14 = h.locator("fieldset.indikator").nth(1)
        ik14.locator(".temuan-kosong").first.wait_for(timeout=20_000)
        ik14.get_by_label("Realisasi").fill("85,5")
        h.wait_for_function("() => !document.querySelector('#b-IK-1_4_realisasi + .temuan "
                            ".temuan-kosong')", timeout=20_000)
        sebelum = _blob(palsu.server, f"refs/heads/{CABANG}")
        palsu.ubah_di_cabang(CABANG, FORM, sebelum.replace(
            b"    tindak_lanjut:\n", b"    tindak_lanjut: Dikoordinasikan\n", 1), KASI)
        palsu.kedaluwarsa()  # an hour of typing: the token is renewed, nothing typed is lost
        h.get_by_role("button", name="Simpan").click()
        h.locator("#hasil-simpan").filter(has_text="Tersimpan atas nama Dewi Kartika").wait_for(
            timeout=30_000)
        # a colleague saves the very field she is changing: the page shows theirs under it
        ik14.get_by_label("Realisasi").fill("90")
        kini = _blob(palsu.server, f"refs/heads/{CABANG}")
        palsu.ubah_di_cabang(CABANG, FORM, kini.replace(b"    realisasi: 85,5\n",
                                                        b"    realisasi: 88\n", 1), KASI)
        h.get_by_role("button", name="Simpan").click()
        h.locator("#hasil-simpan").filter(has_text="orang lain baru saja menyimpan").wait_for(
            timeout=30_000)
        assert "(IK-1.4, Realisasi)" in h.locator("#hasil-simpan").inner_text()
        assert h.locator("#t-b-IK-1_4_realisasi").inner_text().endswith(
            "Baru saja disimpan orang lain: «88». Simpan akan menggantinya dengan isian Anda di "
            "atas.")
        assert ik14.get_by_label("Realisasi").input_value() == "90"
        h.get_by_role("button", name="Simpan").click()
        h.locator("#hasil-simpan").filter(has_text="Tersimpan atas nama Dewi Kartika").wait_for(
            timeout=30_000)
        b.close()
    assert b"    realisasi: 90\n" in _blob(palsu.server, f"refs/heads/{CABANG}")
    assert palsu.galat == [] and galat == []
    tukar, segar = palsu.tukar
    assert set(tukar) == {"client_id", "code", "code_verifier", "grant_type", "redirect_uri"}
    assert segar["grant_type"] == "refresh_token"
    assert palsu.cakupan == ["write:repository read:user"]  # no more than the page needs
    assert [s[0] for s in palsu.simpanan] == ["dewi-kartika", "dewi-kartika"]
    sesudah = _blob(palsu.server, palsu.simpanan[0][1]).decode()
    assert "tindak_lanjut: Dikoordinasikan" in sesudah and "    realisasi: 85,5\n" in sesudah
    log = _git(palsu.server, "log", "-1", "--format=%an|%b", palsu.simpanan[0][1]).strip()
    assert log == "Dewi Kartika, A.Md. (contoh)|Dicatat-lewat: halaman formulir kinerja (Gitea)"
