"""SOP step 3's «link»: where each section opens its form in the Git host's web editor."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from kinerja.baca.muat import cari_akar, tahun_tunjukan
from kinerja.forge import forge
from kinerja.forge import formulir as halaman_formulir
from kinerja.inti import lolos
from kinerja.inti.angka import format_tanggal, format_waktu
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import Kantor, Periode
from kinerja.layanan import potret
from kinerja.pengesahan import git


@beku
class Tempat:
    """Where the office's repository lives on a Git host."""

    jenis: str  # github | gitea | gitlab
    host: str  # https://github.com
    proyek: str  # owner/name

    def sunting(self, cabang: str, path: str) -> str:
        return forge(self.jenis).sunting(self.host, self.proyek, cabang, path)


def forge_dari(akar: Path, jenis: str | None, host: str | None, proyek: str | None,
               env: Mapping[str, str]) -> Tempat | None:
    """Where the repository lives on a Git host; None in plain Git (no remote, or a remote that
    is a folder: a shared repository on the office network or a PC)."""
    if env.get("GITHUB_REPOSITORY") and not proyek:
        # Gitea's and Forgejo's Actions set the same variables as GitHub's, and say who they are
        gitea = "true" in (env.get("GITEA_ACTIONS"), env.get("FORGEJO_ACTIONS"))
        return Tempat(jenis or ("gitea" if gitea else "github"),
                      host or env.get("GITHUB_SERVER_URL", "https://github.com"),
                      env["GITHUB_REPOSITORY"])
    if host and proyek:
        return Tempat(jenis or "github", host.rstrip("/"), proyek)
    try:
        url = git.git(akar, "remote", "get-url", "origin").strip()
    except git.GitError:
        url = ""
    if not url or url.startswith(("/", "file://", "\\\\", "./", "../")) or \
            re.match(r"[A-Za-z]:[\\/]", url):
        if host or proyek or jenis:
            raise KinerjaError("alamat Git host tidak lengkap; beri --host https://… dan "
                               "--proyek owner/nama")
        return None
    m = re.match(r"(?:https?://(?:[^@/]+@)?|git@)([^/:]+)[/:](.+?)(?:\.git)?/?$", url)
    if not m:
        raise KinerjaError(f"alamat remote «{url}» tidak dikenali; beri --host dan --proyek")
    nama_host = m[1]
    tebak = "gitlab" if "gitlab" in nama_host else "gitea" if ("gitea" in nama_host or
                                                               "codeberg" in nama_host) else "github"
    return Tempat(jenis or tebak, host or f"https://{nama_host}", proyek or m[2])


@beku
class Tautan:
    periode: Periode
    kantor: Kantor
    cabang: str
    seksi: tuple[tuple[str, str, str], ...]  # (section name, head's name, edit URL or path)
    git_host: bool = True  # False: plain Git, each form by its path in the repository
    # «kinerja layani»'s address, when the office serves the form page: each person opens it
    # with their own link (sent to them alone: it decides whose name an entry is saved in)
    layani: str | None = None
    # each section's form page on the archive site (same order as ``seksi``), when the office's
    # Git host has one (GitHub, or Gitea with its OAuth application)
    halaman: tuple[str, ...] = ()
    masuk: str = ""  # how a person signs in to that page, in a phrase


def tautan(mulai: Path, tunjuk: str | None, *, jenis: str | None = None, host: str | None = None,
           proyek: str | None = None, cabang: str | None = None,
           env: Mapping[str, str] | None = None, layani: str | None = None) -> Tautan:
    akar = cari_akar(mulai)
    pt = potret(akar, tahun=tahun_tunjukan(akar, tunjuk), hanya=())
    periode = pt.cari(tunjuk)
    if pt.kantor is None:
        raise KinerjaError("kinerja.yml tidak dapat dibaca; jalankan «kinerja periksa»")
    f = forge_dari(akar, jenis, host, proyek, env or {})
    cabang = cabang or f"periode/{periode.id}"
    baris = []
    seksi = []
    for s in pt.kantor.seksi:
        form = periode.formulir.get(s.id)
        if form is None:
            continue
        kepala = pt.kantor.pegawai_id(s.kepala)
        baris.append((s.nama, kepala.nama if kepala else s.kepala,
                      f.sunting(cabang, form.berkas) if f else form.berkas))
        seksi.append(s.id)
    arsip = pt.alamat_arsip()
    sb = halaman_formulir.sambungan(f.jenis if f else None, f.host if f else "",
                                    f.proyek if f else "", env or {})
    halaman = tuple(halaman_formulir.alamat(arsip, periode.id, s, cabang) for s in seksi) \
        if arsip and isinstance(sb, halaman_formulir.Sambungan) else ()
    masuk = "" if not halaman or not isinstance(sb, halaman_formulir.Sambungan) else (
        "masuk dengan token GitHub Anda (langkah membuatnya tertulis di halaman itu)"
        if sb.forge == "github" else "masuk dengan akun Gitea Anda")
    return Tautan(periode, pt.kantor, cabang, tuple(baris), f is not None, layani, halaman,
                  masuk)


def pesan(t: Tautan, format_: str) -> str:
    batas = next((j.selesai for j in t.periode.jadwal if j.langkah == 4), None)
    tenggat = (f"{format_tanggal(batas.date())} pukul {batas:%H.%M} {t.kantor.zona_waktu}"
               if batas else "sesuai jadwal")
    if format_ == "markdown":
        # A pull request's body: every name people typed is escaped for GitHub's Markdown.
        if t.halaman:
            cara = (f"Klik «isi formulir» seksi Anda, {t.masuk}, isi, lalu klik «Simpan»: "
                    "kesalahan isian langsung tampil di bawah kolomnya. Yang biasa menyunting "
                    "berkasnya boleh memakai editor web.")
        else:
            cara = ("Klik tautan seksi Anda, isi, lalu «Commit changes»." if t.git_host else
                    "Buka berkas seksi Anda di salinan repositori kantor, isi, lalu commit.")
        isi = [f"## Pengukuran kinerja {lolos.gfm(t.periode.nama)}", "",
               "Formulir tiap seksi diisi"
               + (f" di cabang `{t.cabang}`" if t.git_host else "")
               + f" paling lambat **{tenggat}** (langkah 4 SOP). {cara}", ""]
        if t.halaman:
            isi += ["| Seksi | Kepala seksi | Formulir | Berkas (editor web) |",
                    "|---|---|---|---|"]
            isi += [f"| {lolos.gfm(n)} | {lolos.gfm(k)} | [isi formulir]({t.halaman[i]}) | "
                    f"[sunting]({u}) |" for i, (n, k, u) in enumerate(t.seksi)]
        else:
            isi += ["| Seksi | Kepala seksi | Formulir |", "|---|---|---|"]
            isi += [f"| {lolos.gfm(n)} | {lolos.gfm(k)} | "
                    + (f"[sunting]({u})" if t.git_host else f"`{u}`") + " |" for n, k, u in t.seksi]
        if t.periode.jadwal:
            isi += ["", "### Jadwal (mutu baku SOP, hari dan jam kerja)", "",
                    "| Langkah | Pelaksana | Selesai paling lambat |", "|---:|---|---|"]
            isi += [f"| {j.langkah}. {lolos.gfm(j.uraian)} | {lolos.gfm(j.pelaksana)} | "
                    f"{format_waktu(j.selesai)} |"
                    for j in t.periode.jadwal]
        return "\n".join(isi) + "\n"
    isi = [f"Yth. Bapak/Ibu Kepala Seksi, mohon mengisi formulir pengukuran kinerja "
           f"{t.periode.nama} {t.kantor.instansi.nama} paling lambat {tenggat}:", ""]
    if t.halaman:
        isi += [f"- {n}: {t.halaman[i]}" for i, (n, _, _) in enumerate(t.seksi)]
        isi += ["", f"Buka tautan seksi Anda, {t.masuk}, isi, lalu klik «Simpan». Kesalahan "
                "isian langsung tampil di bawah kolomnya, dan isian tersimpan atas nama Anda.",
                "", "Yang biasa menyunting berkasnya langsung di editor web:"]
        isi += [f"- {n}: {u}" for n, _, u in t.seksi]
    else:
        isi += [f"- {n}: {u}" for n, _, u in t.seksi]
    if t.layani:
        isi += ["", f"Atau isi di halaman formulir kantor ({t.layani.rstrip('/')}) dengan tautan "
                "pribadi yang dikirim Kasubbag Perencanaan kepada Anda masing-masing: setiap isian "
                "tersimpan atas nama Anda, dan kesalahan isian langsung tampil di bawah kolomnya."]
    if t.halaman:
        isi += ["", "Di editor web, setelah mengisi klik «Commit changes». Terima kasih."]
    elif t.git_host:
        isi += ["", "Setelah mengisi, klik «Commit changes». Terima kasih."]
    else:
        isi += ["", "Buka berkas seksi Anda di salinan repositori kantor (di komputer Anda atau di "
                "folder bersama kantor), isi, lalu simpan dengan identitas Git Anda sendiri dan "
                "kirim ke repositori bersama: «git commit -am \"Isi formulir\"» lalu «git push». "
                "Terima kasih."]
    return "\n".join(isi) + "\n"
