"""`kinerja persetujuan`: gather the inputs (forge reviews or local commits) and decide."""

from __future__ import annotations

import json
from collections.abc import Mapping
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
