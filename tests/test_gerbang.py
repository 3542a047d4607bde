"""The approval gate cannot be talked past. Each test here is a hole found by trying: a pull
request that edits its own judge, clocks that disagree, review text that becomes a workflow
command, a stranger who blocks, a ratification run twice, a decision hidden in a change, a
malformed answer from the forge. Plain Git in real repositories; forges from recorded answers
in their documented shape, over real HTTP on loopback where the transport matters."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import DASAR, Rekaman, jalankan
from github_rekaman import lengkap
from kinerja.baca.kantor import muat_kantor
from kinerja.forge import forge as pilih_forge
from kinerja.forge.persetujuan import periksa_persetujuan, putusan_pr
from kinerja.pengesahan.putusan import Kode
from test_alur import ISI_TRANTIB, LENGKAP_PEM, Kantor, kantor_git
from test_persetujuan import _git

REKAMAN = Path(__file__).parent / "forge"
PROYEK = "kecamatan-contoh/kinerja"
HEAD = "6dcb09b5b57875f334f61aebed695e2e4193db5e"
FILES = f"/repos/{PROYEK}/pulls/7/files?per_page=100"
REVIEWS = f"/repos/{PROYEK}/pulls/7/reviews?per_page=100"


def _rekaman(nama: str) -> Rekaman:
    return Rekaman(json.loads((REKAMAN / "github" / f"{nama}.json").read_text())["jawaban"],
                   github=True)


def _putusan(jawaban: dict[str, Any]) -> Any:
    kantor = muat_kantor(DASAR)[0]
    assert kantor is not None
    return putusan_pr(kantor, "github",
                      pilih_forge("github").tarik(jawaban.jawab, PROYEK, 7))


def _berkas(*jalur: str) -> list[dict[str, Any]]:
    return [{"sha": "0" * 40, "filename": j, "status": "modified", "additions": 1,
             "deletions": 0, "changes": 1} for j in jalur]


# --- 1. the pull request is data: it changes its period's folder and nothing else ------------------

def test_pr_yang_mengubah_alat_pemeriksa_ditolak_walau_disetujui() -> None:
    jawaban = _rekaman("bahagia")
    jawaban[FILES] = _berkas("periods/2026/tw1/formulir/pemerintahan.yml",
                             "scripts/kinerja/persetujuan.py", ".github/workflows/persetujuan.yml")
    p = _putusan(jawaban)
    assert not p.lulus
    assert p.tahap == "ditolak: pull request periode hanya boleh mengubah folder periodenya"
    assert p.pesan == (
        "pull request periode 2026-tw1 juga mengubah berkas di luar folder periodenya: "
        ".github/workflows/persetujuan.yml, scripts/kinerja/persetujuan.py. Pindahkan perubahan "
        "itu ke pull request tersendiri (ditinjau menurut CODEOWNERS)",)


@pytest.mark.parametrize("lain", ["kinerja.yml", "periods/2026/perjanjian-kinerja.yml",
                                  "periods/2026/tw2/formulir/pemerintahan.yml", "pyproject.toml"])
def test_pr_periode_tidak_boleh_menyentuh_berkas_lain(lain: str) -> None:
    jawaban = _rekaman("bahagia")
    jawaban[FILES] = _berkas("periods/2026/tw1/formulir/pemerintahan.yml",
                             "periods/2026/tw1/formulir/kesos.yml", lain)
    p = _putusan(jawaban)
    assert not p.lulus and [a.kode for a in p.alasan] == [Kode.DI_LUAR_FOLDER]
    assert lain in p.pesan[0]


def test_pr_yang_menulis_riwayat_ditolak() -> None:
    jawaban = _rekaman("bahagia")
    jawaban[FILES] = _berkas("periods/2026/tw1/formulir/pemerintahan.yml",
                             "periods/2026/tw1/riwayat.yml")
    p = _putusan(jawaban)
    assert not p.lulus
    assert p.pesan == ("pull request periode 2026-tw1 mengubah catatan pengesahan "
                       "periods/2026/tw1/riwayat.yml; catatan itu hanya ditulis oleh pengesahan "
                       "kinerja. Kembalikan berkas itu seperti semula",)


def test_pr_bukan_periode_tidak_dinilai_persetujuan_berjenjang() -> None:
    jawaban = _rekaman("basi")  # no valid approvals at all
    jawaban[FILES] = _berkas("content/tentang.md", ".github/workflows/terbit.yml")
    p = _putusan(jawaban)
    assert p.lulus and p.bukan_periode and p.periode is None
    assert p.tahap.startswith("bukan pull request periode: ditinjau menurut CODEOWNERS")


# --- 2. order from the server (forge) ------------------------------------------------------------

def test_urutan_forge_dari_server_bukan_jam() -> None:
    """Three approvals stamped in the same second: the list's order is the server's order."""
    jawaban = _rekaman("bahagia")
    for u in jawaban[REVIEWS]:
        u["submitted_at"] = "2026-04-07T03:00:00Z"
    assert _putusan(jawaban).lulus
    jawaban[REVIEWS] = list(reversed(jawaban[REVIEWS]))
    p = _putusan(jawaban)
    assert not p.lulus and Kode.URUTAN in {a.kode for a in p.alasan}


# --- 3. people's text stays text -------------------------------------------------------------------

def test_teks_ulasan_tidak_menjadi_perintah_github(repo_pr: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    jawaban = _rekaman("perubahan-tertunda")
    jahat = "Perbaiki\n::add-mask::rahasia\r\n::error file=x::palsu\n%0A::warning::y"
    for u in jawaban[REVIEWS]:
        if u["state"] == "CHANGES_REQUESTED":
            u["body"] = jahat
    monkeypatch.setattr("kinerja.forge.http.KlienHttp.__call__", lambda self, path: jawaban.jawab(path))
    hasil = jalankan(capsys, "persetujuan", "--forge", "github", "--pr", "7", "--proyek", PROYEK,
                     "--dasar", "main", "--format", "github")
    assert hasil.kode == 1
    baris = hasil.keluaran.splitlines()
    assert all(b.startswith(("::error title=kinerja persetujuan::",
                             "::notice title=kinerja persetujuan::")) for b in baris), baris
    assert "Perbaiki ::add-mask::rahasia ::error file=x::palsu %250A::warning::y" in hasil.keluaran


# --- 4. a stranger's "request changes" is a note -----------------------------------------------

def test_minta_perubahan_dari_akun_asing_tidak_menahan() -> None:
    jawaban = _rekaman("bahagia")
    asing = copy.deepcopy(jawaban[REVIEWS][-1])
    asing.update({"id": 99, "state": "CHANGES_REQUESTED", "body": "Saya tidak setuju",
                  "user": {"login": "u-orang-luar", "id": 9999, "type": "User"}})
    jawaban[REVIEWS].append(asing)
    p = _putusan(jawaban)
    assert p.lulus
    assert [a.kode for a in p.alasan] == [Kode.CATATAN_LUAR]
    assert p.pesan[0].startswith("catatan dari @u-orang-luar pada ")
    assert "«Saya tidak setuju» (bukan penyetuju" in p.pesan[0]


# --- 6. identity: a head commit known only by its e-mail ------------------------------------------

def test_commit_tanpa_akun_dikenali_dari_surelnya() -> None:
    jawaban = _rekaman("bahagia")
    commit = jawaban[f"/repos/{PROYEK}/commits/{HEAD}"]
    commit["author"] = None  # the e-mail is not linked to any GitHub account
    commit["commit"]["author"]["email"] = "Sekcam@Contoh.go.id"
    p = _putusan(jawaban)
    assert not p.lulus
    assert p.pesan[0].startswith("Sekretaris Kecamatan Sekcam Contoh menyetujui perubahannya "
                                 "sendiri")


@pytest.mark.parametrize(("path", "rusak", "pesan"), [
    (REVIEWS, {"message": "Not Found"}, "reviews?per_page=100 tidak berbentuk seperti yang "
     "didokumentasikan (isinya bukan daftar)"),
    (f"/repos/{PROYEK}/pulls/7", {"head": {}}, "(head.sha tidak ada)"),
    (f"/repos/{PROYEK}/pulls/7", [], "(head tidak ada)"),
    (FILES, [{"filename": None}], "(filename bukan teks)"),
])
def test_jawaban_forge_rusak_ditolak_jelas(repo_pr: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch, path: str,
                                           rusak: Any, pesan: str) -> None:
    jawaban = _rekaman("bahagia")
    jawaban[path] = rusak
    jawaban.rusak.add(path)  # malformed on purpose: served as it is
    monkeypatch.setattr("kinerja.forge.http.KlienHttp.__call__",
                        lambda self, p: jawaban.jawab(p))
    hasil = jalankan(capsys, "persetujuan", "--forge", "github", "--pr", "7", "--proyek", PROYEK,
                     "--dasar", "main")
    assert hasil.kode == 1, hasil.galat
    assert hasil.galat.startswith("kinerja: galat: jawaban Git host untuk ")
    assert pesan in hasil.galat and "kesalahan internal" not in hasil.galat


@pytest.mark.parametrize("isi", ["{bukan json", "[1, 2]", '{"pull_request": {"number": "7"}}',
                                 '{"workflow_run": {"head_sha": "../../x"}}'])
def test_berkas_peristiwa_rusak_ditolak_jelas(repo_pr: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              isi: str) -> None:
    peristiwa = tmp_path / "event.json"
    peristiwa.write_text(isi)
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(peristiwa))
    monkeypatch.setattr("kinerja.forge.http.KlienHttp.__call__", lambda self, p: [])
    hasil = jalankan(capsys, "persetujuan", "--forge", "github", "--proyek", PROYEK)
    assert hasil.kode == 1, hasil.galat
    assert "kesalahan internal" not in hasil.galat and "Traceback" not in hasil.galat


# --- the verdict reaches the head as one commit status, over real HTTP -----------------------------

class _Forge(BaseHTTPRequestHandler):
    """A loopback GitHub serving recorded answers and recording what it was sent. It records
    only: the test asserts in its own thread."""

    jawaban: Rekaman
    dikirim: list[tuple[str, str | None, Any]]

    def do_GET(self) -> None:
        data = type(self).jawaban.jawab(self.path) if self.path in type(self).jawaban or \
            "/compare/" in self.path else None
        badan = json.dumps(data).encode()
        self.send_response(200 if data is not None else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(badan)

    def do_POST(self) -> None:
        panjang = int(self.headers["Content-Length"])
        type(self).dikirim.append((self.path, self.headers["Authorization"],
                                   json.loads(self.rfile.read(panjang))))
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        isi = type(self).dikirim[-1][2]
        self.wfile.write(json.dumps(lengkap(self.path, {"id": 1, "state": isi["state"]}, "POST",
                                            201)).encode())

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def forge() -> Iterator[str]:
    _Forge.jawaban, _Forge.dikirim = Rekaman(github=True), []
    s = ThreadingHTTPServer(("127.0.0.1", 0), _Forge)
    t = threading.Thread(target=s.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{s.server_address[1]}"
    s.shutdown()
    s.server_close()


@pytest.fixture
def repo_pr(kantor: Path) -> Path:
    _git(kantor, "init", "-q", "-b", "main")
    _git(kantor, "add", ".")
    _git(kantor, "-c", "user.name=A", "-c", "user.email=a@contoh.go.id", "commit", "-qm", "awal")
    return kantor


@pytest.mark.parametrize(("rekaman", "keadaan"), [("bahagia", "success"), ("basi", "failure")])
def test_ulasan_lewat_workflow_run_mengirim_status_pada_head(
        repo_pr: Path, forge: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, rekaman: str, keadaan: str) -> None:
    _Forge.jawaban = _rekaman(rekaman)
    _Forge.jawaban[f"/repos/{PROYEK}/commits/{HEAD}/pulls"] = [
        {"number": 7, "state": "open", "head": {"sha": HEAD, "ref": "periode/2026-tw1"},
         "merged_at": None}]
    peristiwa = tmp_path / "event.json"
    # A review relayed by workflow_run: the event names only a commit (a fork's run names no
    # pull request at all); the pull request is found through the API.
    peristiwa.write_text(json.dumps({"action": "completed", "workflow_run": {
        "id": 1, "name": "Ulasan", "event": "pull_request_review", "head_sha": HEAD,
        "head_branch": "periode/2026-tw1", "pull_requests": []}}))
    for kunci, nilai in {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": str(peristiwa),
                         "GITHUB_REPOSITORY": PROYEK, "GITHUB_TOKEN": "rahasia",
                         "GITHUB_API_URL": forge, "GITHUB_SERVER_URL": "https://github.com",
                         "GITHUB_RUN_ID": "42"}.items():
        monkeypatch.setenv(kunci, nilai)
    hasil = jalankan(capsys, "persetujuan", "--dasar", "HEAD", "--lapor-status", "--format",
                     "github")
    assert hasil.kode == 0, hasil.galat  # the verdict lives in the status, not in this run
    assert len(_Forge.dikirim) == 1
    path, token, isi = _Forge.dikirim[0]
    assert path == f"/repos/{PROYEK}/statuses/{HEAD}" and token == "Bearer rahasia"
    assert isi["state"] == keadaan and isi["context"] == "kinerja/persetujuan"
    assert isi["target_url"] == f"https://github.com/{PROYEK}/actions/runs/42"
    assert 0 < len(isi["description"]) <= 140


def test_jawaban_bukan_json_ditolak_jelas(repo_pr: Path, forge: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    _Forge.jawaban = Rekaman({f"/repos/{PROYEK}/pulls/7": "<html>"})  # a JSON string
    hasil = jalankan(capsys, "persetujuan", "--forge", "github", "--pr", "7", "--proyek", PROYEK,
                     "--api", forge, "--dasar", "HEAD")
    assert hasil.kode == 1 and "(head tidak ada)" in hasil.galat


# --- plain Git ------------------------------------------------------------------------------------

@pytest.fixture
def g(kantor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Kantor:
    return kantor_git(kantor, monkeypatch, capsys)


def _setujui_semua(g: Kantor, kapan: dict[str, str]) -> None:
    g.sebagai("kasubbag", kapan["kasubbag"])
    g.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan")
    g.sebagai("sekcam", kapan["sekcam"])
    g.kinerja("setujui", "2026-tw2", "--sebagai", "sekcam")


def test_urutan_git_dari_riwayat_detik_sama_dan_jam_mundur(g: Kantor) -> None:
    """Same-second decisions, and a Camat whose PC clock runs two hours behind."""
    g.periode_terisi("kasi-pem")
    _setujui_semua(g, {"kasubbag": "2026-07-07 10:00", "sekcam": "2026-07-07 10:00"})
    g.sebagai("camat", "2026-07-07 08:00")
    keluar = g.kinerja("sahkan", "2026-tw2")
    assert "status     disahkan" in keluar
    assert g.kinerja("persetujuan", "2026-tw2").startswith("Persetujuan: disahkan")


def test_sahkan_dua_kali_sudah_selesai_tanpa_mengubah_apa_pun(g: Kantor) -> None:
    g.periode_terisi("kasi-pem")
    _setujui_semua(g, {"kasubbag": "2026-07-07 09:00", "sekcam": "2026-07-07 10:00"})
    g.sebagai("camat", "2026-07-07 11:00")
    g.kinerja("sahkan", "2026-tw2")
    head = g.git("rev-parse", "HEAD")
    riwayat = (g.akar / "periods/2026/tw2/riwayat.yml").read_bytes()
    keluar = g.kinerja("sahkan", "2026-tw2")
    assert keluar.splitlines()[0] == ("sudah      periode 2026-tw2 sudah disahkan oleh Camat "
                                      "Contoh pada 7 Juli 2026 11.00 (tag pengesahan/2026-tw2); "
                                      "tidak ada yang dicatat ulang")
    assert g.git("rev-parse", "HEAD") == head and not g.git("status", "--porcelain")
    assert (g.akar / "periods/2026/tw2/riwayat.yml").read_bytes() == riwayat
    g.sebagai("sekcam", "2026-07-07 12:00")
    assert "sudah menyetujui versi ini" in g.kinerja("setujui", "2026-tw2", "--sebagai", "sekcam")
    assert g.git("rev-parse", "HEAD") == head


def test_sahkan_gagal_di_tengah_tidak_meninggalkan_apa_pun(g: Kantor) -> None:
    g.periode_terisi("kasi-pem")
    _setujui_semua(g, {"kasubbag": "2026-07-07 09:00", "sekcam": "2026-07-07 10:00"})
    head = g.git("rev-parse", "HEAD")
    # A file where the tag's folder should be: creating the tag fails after the commit.
    (g.akar / ".git/refs/tags/pengesahan").write_text("bukan folder\n")
    g.sebagai("camat", "2026-07-07 11:00")
    keluar = g.kinerja("sahkan", "2026-tw2", kode=1)
    assert keluar.startswith("kinerja: galat: git tag: rujukan Git tidak dapat dikunci"), keluar
    assert g.git("rev-parse", "HEAD") == head
    assert not g.git("status", "--porcelain")
    assert not (g.akar / "periods/2026/tw2/riwayat.yml").exists()
    (g.akar / ".git/refs/tags/pengesahan").unlink()
    assert "status     disahkan" in g.kinerja("sahkan", "2026-tw2")


def test_keputusan_tidak_menyapu_berkas_yang_di_stage(g: Kantor) -> None:
    g.periode_terisi("kasi-pem")
    (g.akar / "catatan.txt").write_text("draf pribadi\n")
    g.git("add", "catatan.txt")
    g.sebagai("kasubbag", "2026-07-07 09:00")
    # The decision is built from HEAD's tree, never from the index: what is staged stays staged
    # and out of the decision commit.
    g.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan")
    assert g.git("diff", "--cached", "--name-only") == "catatan.txt\n"
    assert g.git("show", "--name-only", "--format=", "HEAD") == ""


def test_keputusan_yang_menumpang_perubahan_formulir_tidak_dihitung(g: Kantor) -> None:
    """The Kasubbag edits a form and puts her approval trailer on that same commit."""
    g.periode_terisi("kasi-pem")
    from kinerja.pengesahan.gudang import Gudang
    from kinerja.pengesahan.sejarah import Sejarah

    g.sebagai("kasubbag", "2026-07-07 09:00")
    form = g.akar / "periods/2026/tw2/formulir/trantib.yml"
    form.write_text(form.read_text().replace("Sesuai target.", "Sesuai target, diperbaiki."))
    g.git("commit", "-qam", "Perbaiki")
    isi = Sejarah(Gudang(g.akar)).isi("HEAD", 2026, "tw2")
    g.git("commit", "-q", "--amend", "-m", "Perbaiki\n\nKinerja-Periode: 2026-tw2\n"
          "Kinerja-Keputusan: setuju\nKinerja-Peran: kasubbag-perencanaan\n"
          f"Kinerja-Isi: {isi}\n")
    keluar = g.kinerja("persetujuan", "2026-tw2", kode=1)
    assert "0 dari 3 persetujuan" in keluar
    assert "tidak dihitung: commit itu juga mengubah periods/2026/tw2/formulir/trantib.yml" in keluar


def test_persetujuan_basi_hanya_bila_isi_yang_diukur_berubah(g: Kantor) -> None:
    g.periode_terisi("kasi-pem")
    g.sebagai("kasubbag", "2026-07-07 09:00")
    g.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan")

    def berlaku() -> bool:
        return "1 dari 3 persetujuan" in g.kinerja("persetujuan", "2026-tw2", kode=1)

    g.sebagai("kasi-pem", "2026-07-07 10:00")
    # Elsewhere: a page, another period, someone's phone number in kinerja.yml.
    (g.akar / "catatan.md").write_text("halaman\n")
    tw1 = g.akar / "periods/2026/tw1/periode.yml"
    tw1.write_text(tw1.read_text() + "# catatan\n")
    kantor = g.akar / "kinerja.yml"
    kantor.write_text(kantor.read_text() + "# nomor telepon baru di catatan\n")
    g.git("add", ".")
    g.git("commit", "-qm", "Lain-lain")
    assert berlaku()
    # What the period is measured by: a capaian rule, then a target.
    kantor.write_text(kantor.read_text().replace("batas_atas: 120", "batas_atas: 110"))
    g.git("commit", "-qam", "Ubah batas atas")
    assert not berlaku()
    g.git("revert", "--no-edit", "HEAD")
    assert berlaku()
    pk = g.akar / "periods/2026/perjanjian-kinerja.yml"
    pk.write_text(pk.read_text().replace("target_triwulan: [10, 10, 10, 10]",
                                         "target_triwulan: [10, 12, 10, 8]"))
    g.git("commit", "-qam", "Ubah target")
    assert "untuk versi sebelum perubahan terakhir" in g.kinerja("persetujuan", "2026-tw2", kode=1)


def test_peran_dibaca_dari_pembuatan_periode_di_riwayat_ini(g: Kantor) -> None:
    """A copy that carries another office's history: the period was created there first, with
    other people. Roles come from this office's own creation of the period."""
    g.sebagai("kasubbag", "2026-07-06 09:00")
    g.kinerja("periode", "baru", "2026", "tw2", "--mulai", "2026-07-06")
    g.git("add", "periods")
    g.git("commit", "-qm", "Periode kantor contoh")
    g.git("rm", "-rq", "periods/2026/tw2")
    kantor = g.akar / "kinerja.yml"
    data = yaml.safe_load(kantor.read_text())
    teks = kantor.read_text()
    for p in data["pegawai"]:
        if p.get("email") == "kasubbag@contoh.go.id":
            teks = teks.replace("kasubbag@contoh.go.id", "perencanaan@batur.go.id")
    kantor.write_text(teks)
    g.git("commit", "-qam", "Kantor sendiri: data contoh dihapus, pegawai sendiri")
    g.kinerja("periode", "baru", "2026", "tw2", "--mulai", "2026-07-06")
    g.git("add", "periods")
    g.git("commit", "-qm", "Periode kantor sendiri")
    g.sebagai("kasi-pem", "2026-07-06 10:00")
    g.isi("pemerintahan", LENGKAP_PEM, "Isi")
    g.isi("trantib", ISI_TRANTIB, "Isi trantib")
    g.sebagai("kasubbag", "2026-07-07 09:00")  # the old office's Kasubbag
    keluar = g.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan", kode=1)
    assert "bukan Kasubbag Perencanaan menurut kinerja.yml saat periode dibuat" in keluar


# --- publishing re-verifies ------------------------------------------------------------------------

def test_pr_digabung_dicari_ulang_saat_daftar_masih_kosong() -> None:
    from kinerja.forge.terbit import pr_digabung

    jawab: list[Any] = [[], [], [{"number": 7, "merged_at": "2026-07-08T03:00:00Z"}]]
    jeda: list[float] = []
    nomor = pr_digabung(lambda path: jawab.pop(0), PROYEK, HEAD, tunggu=jeda.append)
    assert nomor == 7 and jeda == [2.0, 4.0]
    assert pr_digabung(lambda path: [], PROYEK, HEAD, tunggu=jeda.append) is None


def test_terbit_menolak_penggabungan_tanpa_persetujuan_lengkap(g: Kantor) -> None:
    from kinerja.forge.terbit import terbitkan
    from kinerja.inti.errors import KinerjaError

    sebelum = g.git("rev-parse", "HEAD").strip()
    g.periode_terisi("kasi-pem")
    sha = g.git("rev-parse", "HEAD").strip()
    jawaban = _rekaman("basi")
    jawaban[FILES] = _berkas("periods/2026/tw2/formulir/trantib.yml")
    jawaban[f"/repos/{PROYEK}/commits/{sha}/pulls"] = [
        {"number": 7, "merged_at": "2026-07-08T04:00:00Z"}]
    with pytest.raises(KinerjaError, match=r"pull request #7 digabung tanpa persetujuan "
                                           r"lengkap: disetujui Kasubbag Perencanaan"):
        terbitkan(g.akar, forge="github", proyek=PROYEK, api=None, sebelum=sebelum, env={},
                  ambil=jawaban.jawab, pdf=False)
    assert g.git("tag") == ""


@pytest.mark.parametrize(("forge", "path", "isi"), [
    ("gitea", f"/api/v1/repos/{PROYEK}/statuses/{HEAD}",
     {"state": "failure", "context": "kinerja/persetujuan"}),
    ("gitlab", f"/api/v4/projects/kecamatan-contoh%2Fkinerja/statuses/{HEAD}",
     {"state": "failed", "name": "kinerja/persetujuan"}),
])
def test_status_di_gitea_dan_gitlab(forge: str, path: str, isi: dict[str, str]) -> None:
    from kinerja.forge import forge as forge_
    from kinerja.pengesahan.putusan import Putusan

    dikirim: list[tuple[str, dict[str, Any]]] = []
    forge_(forge).lapor_status(lambda p, d: dikirim.append((p, d)), PROYEK, HEAD,
                               Putusan(False, ()), None)
    assert dikirim == [(path, {**isi, "description": "0 dari 3 persetujuan"})]


def test_target_berubah_di_main_sesudah_cabang_membuat_persetujuan_basi(repo_pr: Path) -> None:
    """The PK is amended on main after the period's branch was made: the approvals were given
    for figures computed with the old target. Which commit contains which is history's word."""
    pk = repo_pr / "periods/2026/perjanjian-kinerja.yml"
    pk.write_text(pk.read_text().replace("target_triwulan: [10, 10, 10, 10]",
                                         "target_triwulan: [12, 10, 10, 8]"))
    _git(repo_pr, "-c", "user.name=A", "-c", "user.email=a@contoh.go.id", "commit", "-qam",
         "PK Perubahan")
    ubah = _git(repo_pr, "rev-parse", "HEAD").strip()
    jawaban = _rekaman("bahagia")
    argumen: dict[str, Any] = {"forge": "github", "nomor": 7, "proyek": PROYEK, "api": None,
                               "env": {}, "dasar": "HEAD", "ambil": jawaban.jawab}
    assert periksa_persetujuan(repo_pr, **argumen).putusan.lulus  # head contains it
    jawaban[f"/repos/{PROYEK}/compare/{ubah}...{HEAD}"] = {"status": "diverged", "ahead_by": 3,
                                                          "behind_by": 1}
    p = periksa_persetujuan(repo_pr, **argumen).putusan
    assert not p.lulus and len(p.disetujui) == 3
    assert p.pesan == (
        f"Perjanjian Kinerja atau aturan capaian berubah di cabang dasar (commit {ubah[:7]}) "
        "sesudah cabang periode 2026-tw1 dibuat, jadi persetujuan yang ada diberikan untuk angka "
        "yang dihitung dengan target lama. Perbarui cabang dari main («Update branch»), lalu "
        "minta ketiga penyetuju menyetujui ulang",)
    # A change of kinerja.yml that is not a capaian rule (a phone number) does not count.
    kantor = repo_pr / "kinerja.yml"
    kantor.write_text(kantor.read_text() + "# telepon baru\n")
    _git(repo_pr, "-c", "user.name=A", "-c", "user.email=a@contoh.go.id", "commit", "-qam", "tel")
    assert not periksa_persetujuan(repo_pr, **argumen).putusan.lulus
    del jawaban[f"/repos/{PROYEK}/compare/{ubah}...{HEAD}"]
    assert periksa_persetujuan(repo_pr, **argumen).putusan.lulus


def test_pr_ke_cabang_lain_dan_berkas_melebihi_daftar_ditolak() -> None:
    kantor = muat_kantor(DASAR)[0]
    assert kantor is not None
    jawaban = _rekaman("bahagia")
    jawaban[f"/repos/{PROYEK}/pulls/7"]["base"]["ref"] = "cabang-saya"
    data = pilih_forge("github").tarik(jawaban.jawab, PROYEK, 7)
    p = putusan_pr(kantor, "github", data, cabang_dasar="main")
    assert not p.lulus and p.tahap == "ditolak: pull request ini tidak dapat dinilai"
    assert p.pesan[0] == ("pull request ini ditujukan ke cabang «cabang-saya», bukan «main»; "
                          "putusan persetujuan hanya diberikan untuk pull request ke main")
    jawaban = _rekaman("bahagia")
    jawaban[f"/repos/{PROYEK}/pulls/7"]["changed_files"] = 3001  # the list stops at 3000
    p = putusan_pr(kantor, "github",
                   pilih_forge("github").tarik(lambda x: jawaban[x], PROYEK, 7))
    assert not p.lulus and "mengubah 3001 berkas" in p.pesan[0]
    jawaban[f"/repos/{PROYEK}/pulls/7"]["changed_files"] = 2
    data = pilih_forge("github").tarik(lambda x: jawaban[x], PROYEK, 7)
    assert putusan_pr(kantor, "github", data).lulus


def test_keputusan_di_cabang_sejajar_tidak_berurutan(g: Kantor) -> None:
    """The Sekcam approves on a branch that does not contain the Kasubbag's approval; after a
    merge both are in the log, but not one after the other."""
    g.periode_terisi("kasi-pem")
    g.git("branch", "sejajar")
    g.sebagai("kasubbag", "2026-07-07 10:00")
    g.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan")
    g.git("switch", "-q", "sejajar")
    isi = g.git("log", "-1", "main", "--format=%(trailers:key=Kinerja-Isi,valueonly)").strip()
    g.sebagai("sekcam", "2026-07-07 08:00")
    g.git("commit", "-q", "--allow-empty", "-m", "Setujui (Sekcam)\n\nKinerja-Periode: 2026-tw2\n"
          f"Kinerja-Keputusan: setuju\nKinerja-Peran: sekcam\nKinerja-Isi: {isi}\n")
    g.git("switch", "-q", "main")
    g.git("merge", "-q", "--no-edit", "sejajar")
    keluar = g.kinerja("persetujuan", "2026-tw2", kode=1)
    assert "1 dari 3 persetujuan" in keluar
    assert "sebelum persetujuan Kasubbag Perencanaan" in keluar
    g.sebagai("camat", "2026-07-07 11:00")
    assert "Camat baru dapat menyetujui setelah Sekretaris Kecamatan" in g.kinerja(
        "sahkan", "2026-tw2", kode=1)


def test_revisi_palsu_tidak_menghapus_persetujuan(g: Kantor) -> None:
    g.periode_terisi("kasi-pem")
    g.sebagai("kasubbag", "2026-07-07 10:00")
    g.kinerja("setujui", "2026-tw2", "--sebagai", "kasubbag-perencanaan")
    g.sebagai("kasi-trantib", "2026-07-07 11:00")
    g.git("commit", "-q", "--allow-empty", "-m", "x\n\nKinerja-Periode: 2026-tw2\n"
          "Kinerja-Keputusan: revisi\nKinerja-Langkah: abc\n")
    g.git("commit", "-q", "--allow-empty", "-m", "y\n\nKinerja-Periode: 2026-tw2\n"
          "Kinerja-Keputusan: langkah\nKinerja-Langkah: ４\n")
    assert "1 dari 3 persetujuan" in g.kinerja("persetujuan", "2026-tw2", kode=1)
    status = g.kinerja("status", "2026-tw2")  # odd step trailers are ignored, not a crash
    assert status.startswith("Status SOP pengukuran kinerja 2026-tw2:")
