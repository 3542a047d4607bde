"""`kinerja persetujuan`: gather the inputs (forge reviews or local commits) and decide."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kinerja import git
from kinerja.errors import BerkasTidakValid, KinerjaError
from kinerja.forge import Ambil, DataPR, KlienHttp
from kinerja.persetujuan import Putusan, putuskan
from kinerja.repo import cari_akar, muat_kantor
from kinerja.temuan import Pengumpul

API_BAWAAN = {"github": "https://api.github.com", "gitlab": "https://gitlab.com"}
TOKEN = {"github": ("GITHUB_TOKEN", "Bearer"), "gitea": ("GITEA_TOKEN", "token"),
         "gitlab": ("GITLAB_TOKEN", "Bearer")}


def tarik(forge: str, ambil: Ambil, proyek: str, nomor: int) -> DataPR:
    if forge == "github":
        from kinerja.forge import github as modul
    elif forge == "gitea":
        from kinerja.forge import gitea as modul  # type: ignore[no-redef]
    else:
        from kinerja.forge import gitlab as modul  # type: ignore[no-redef]
    return modul.tarik(ambil, proyek, nomor)


def kantor_di(akar: Path, ref: str) -> object:
    teks = git.tampilkan(akar, ref, "kinerja.yml")
    if teks is None:
        raise KinerjaError(f"kinerja.yml tidak ada di {ref}; ambil cabang dasar dahulu "
                           "(actions/checkout dengan fetch-depth: 0)")
    temuan = Pengumpul()
    kantor = muat_kantor(akar, temuan, teks)
    if kantor is None or temuan.ada_galat:
        raise BerkasTidakValid(tuple(temuan.temuan))
    return kantor


def putusan_forge(akar: Path, forge: str, data: DataPR, dasar: str | None) -> Putusan:
    from kinerja.model import Kantor

    kantor = kantor_di(akar, dasar or f"origin/{data.dasar}")
    assert isinstance(kantor, Kantor)
    return putuskan(list(data.peristiwa), kantor_dasar=kantor, head=data.head,
                    penulis_terakhir=data.penulis_terakhir, sumber=forge)


def periksa_persetujuan(mulai: Path, periode: str | None, *, forge: str | None,
                        nomor: int | None, proyek: str | None, api: str | None,
                        dasar: str | None, env: Mapping[str, str],
                        ambil: Ambil | None = None) -> Putusan:
    if forge is None:
        forge = "github" if env.get("GITHUB_ACTIONS") == "true" else "git"
    if forge == "git":
        from kinerja.alur import konteks, putusan

        return putusan(konteks(mulai, periode))
    akar = cari_akar(mulai)
    if nomor is None and env.get("GITHUB_EVENT_PATH"):
        peristiwa = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
        nomor = (peristiwa.get("pull_request") or {}).get("number")
    proyek = proyek or env.get("GITHUB_REPOSITORY") or env.get("CI_PROJECT_PATH")
    if nomor is None or not proyek:
        raise KinerjaError("nomor pull request dan proyek tidak diketahui; beri --pr N dan "
                           "--proyek owner/nama")
    if ambil is None:
        nama_token, skema = TOKEN[forge]
        alamat = api or env.get("GITHUB_API_URL") or env.get("CI_API_V4_URL", "").removesuffix(
            "/api/v4") or API_BAWAAN.get(forge)
        if not alamat:
            raise KinerjaError(f"alamat API {forge} tidak diketahui; beri --api https://…")
        ambil = KlienHttp(alamat, env.get(nama_token) or env.get("KINERJA_TOKEN"), skema)
    return putusan_forge(akar, forge, tarik(forge, ambil, proyek, nomor), dasar)


@dataclass(frozen=True)
class HasilTerbit:
    putusan: Putusan
    periode: tuple[str, ...]
    berkas: tuple[Path, ...]  # riwayat.yml files written, then PDFs rendered


def terbitkan(mulai: Path, *, forge: str, proyek: str | None, api: str | None,
              env: Mapping[str, str], ambil: Ambil | None = None) -> HasilTerbit:
    """After a merge to main: find the merged pull request, check its approvals against the
    office as it stood before the merge, record them in each changed period's riwayat.yml, and
    render the final report and cover letter for the release."""
    from kinerja.alur import RIWAYAT, tulis_riwayat
    from kinerja.laporan import buat
    from kinerja.repo import cari_periode, muat_repo
    from kinerja.surat import buat_surat

    akar = cari_akar(mulai)
    proyek = proyek or env.get("GITHUB_REPOSITORY")
    if not proyek:
        raise KinerjaError("proyek tidak diketahui; beri --proyek owner/nama")
    if ambil is None:
        nama_token, skema = TOKEN[forge]
        ambil = KlienHttp(api or env.get("GITHUB_API_URL") or API_BAWAAN.get(forge, ""),
                          env.get(nama_token) or env.get("KINERJA_TOKEN"), skema)
    sha = git.git(akar, "rev-parse", "HEAD").strip()
    if forge != "github":
        raise KinerjaError("terbit otomatis baru tersedia untuk GitHub; di Gitea/GitLab jalankan "
                           "«kinerja persetujuan», «kinerja laporan», dan «kinerja surat»")
    pr = [p for p in ambil(f"/repos/{proyek}/commits/{sha}/pulls") if p.get("merged_at")]
    if not pr:
        raise KinerjaError(f"commit {sha[:7]} bukan hasil penggabungan pull request; tidak ada "
                           "yang diterbitkan")
    data = tarik(forge, ambil, proyek, int(pr[0]["number"]))
    p = putusan_forge(akar, forge, data, "HEAD^1")
    if not p.lulus:
        raise KinerjaError("pull request digabung tanpa persetujuan lengkap: " + "; ".join(p.pesan))
    berubah = git.git(akar, "diff", "--name-only", "HEAD^1", "HEAD", "--", "periods/").split()
    ids = sorted({"-".join(b.split("/")[1:3]) for b in berubah
                  if len(b.split("/")) >= 4 and b.split("/")[1].isdigit()})
    if not ids:
        raise KinerjaError("pull request ini tidak mengubah folder periode mana pun")
    repo = muat_repo(akar)
    berkas: list[Path] = []
    for pid in ids:
        periode = cari_periode(repo, pid)
        tulis_riwayat(periode.folder / RIWAYAT, pid, forge, p)
        berkas.append(periode.folder / RIWAYAT)
    for pid in ids:
        berkas.append(buat(akar, pid, draf=False).pdf)
        periode = cari_periode(repo, pid)
        if periode.surat.nomor:
            berkas.append(buat_surat(akar, pid, draf=False).pdf)
    return HasilTerbit(p, tuple(ids), tuple(berkas))
