"""Where the form page on the archive site reads and saves (``situs.formulir`` builds it,
``kinerja tautan`` links it): the Git host's kind, its web and API addresses, the repository, and
for Gitea the OAuth application the page signs in with."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal
from urllib.parse import quote

from kinerja.inti.beku import beku

FOLDER = "formulir"  # the page's path under the archive's address

ForgeFormulir = Literal["github", "gitea"]


@beku
class Sambungan:
    """Where the page reads and saves: the host's kind, its web and API addresses, the
    repository, and for Gitea the OAuth application's client id (a public client: no secret)."""

    forge: ForgeFormulir
    web: str
    api: str
    proyek: str
    klien: str | None = None


def sambungan(jenis: str | None, host: str, proyek: str,
              env: Mapping[str, str]) -> Sambungan | str:
    """The office's Git host (``forge_dari``'s kind, address and repository; no kind: plain
    Git) as the page will use it, or why there is no form page for it."""
    if jenis is None:
        return ("repositori ini tidak berada di GitHub atau Gitea; di jaringan kantor, staf "
                "mengisi lewat «kinerja layani»")
    if jenis == "github":
        api = env.get("GITHUB_API_URL") or ("https://api.github.com" if host ==
                                            "https://github.com" else f"{host}/api/v3")
        return Sambungan("github", host, api.rstrip("/"), proyek)
    if jenis == "gitea":
        klien = env.get("KINERJA_GITEA_KLIEN", "").strip()
        if not klien:
            return ("untuk Gitea, daftarkan halaman formulir sebagai aplikasi OAuth2 (klien "
                    "publik, alamat kembali …/formulir/) lalu beri Client ID-nya lewat "
                    "KINERJA_GITEA_KLIEN")
        return Sambungan("gitea", host, f"{host}/api/v1", proyek, klien)
    return "halaman formulir belum tersedia untuk GitLab; staf mengisi di penyunting web GitLab"


def alamat(arsip: str, periode: str, seksi: str, cabang: str) -> str:
    """A section's form on the archive site: the period and section after «#» (never sent to
    the site), the branch only when it is not the period's own."""
    q = "" if cabang == f"periode/{periode}" else f"?cabang={quote(cabang, safe='')}"
    return f"{arsip.rstrip('/')}/{FOLDER}/{q}#{periode}/{seksi}"
