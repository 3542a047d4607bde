"""Git hosts: each module turns one forge's pull-request reviews into ``Peristiwa``.

The HTTP client is injected, so tests replay recorded responses in each forge's documented
shape and no test touches the network.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kinerja.errors import KinerjaError
from kinerja.persetujuan import Peristiwa

Ambil = Callable[[str], Any]  # GET a path (with query) → decoded JSON


@dataclass(frozen=True)
class DataPR:
    nomor: int
    head: str
    dasar: str  # the base branch's name
    pembuat: str
    penulis_terakhir: frozenset[str]  # accounts behind the head commit
    peristiwa: tuple[Peristiwa, ...]


def waktu(teks: str) -> datetime:
    return datetime.fromisoformat(teks.replace("Z", "+00:00"))


class KlienHttp:
    """A small JSON client with token auth and ``Link: rel=next`` / ``X-Next-Page`` paging."""

    def __init__(self, dasar: str, token: str | None, skema_token: str = "Bearer") -> None:
        self.dasar = dasar.rstrip("/")
        self.token = token
        self.skema_token = skema_token

    def __call__(self, path: str) -> Any:
        url: str | None = self.dasar + path
        hasil: list[Any] = []
        while url:
            permintaan = urllib.request.Request(url, headers={"Accept": "application/json",
                                                              "User-Agent": "kinerja"})
            if self.token:
                permintaan.add_header("Authorization", f"{self.skema_token} {self.token}")
            try:
                with urllib.request.urlopen(permintaan, timeout=30) as jawab:
                    data = json.load(jawab)
                    berikut = _berikut(jawab.headers.get("Link", ""))
            except urllib.error.HTTPError as e:
                raise KinerjaError(f"Git host menjawab {e.code} untuk {path}; periksa token dan "
                                   "izin baca pull request") from e
            except (urllib.error.URLError, TimeoutError) as e:
                raise KinerjaError(f"Git host tidak dapat dihubungi ({e}); ulangi nanti") from e
            if not isinstance(data, list):
                return data
            hasil += data
            url = berikut
        return hasil


def _berikut(link: str) -> str | None:
    for bagian in link.split(","):
        if 'rel="next"' in bagian:
            return bagian.split(";")[0].strip().strip("<>")
    return None


def q(nilai: str) -> str:
    return urllib.parse.quote(nilai, safe="")
