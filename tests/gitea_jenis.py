"""Check fake Gitea answers and requests against Gitea's API types.

Gitea publishes its API as a Swagger description inside its source; the npm package
``gitea-js`` is generated from it, and its ``dist/index.d.ts`` declares each schema as a
TypeScript interface (``interface ContentsResponse { sha?: string; … }``). Those declarations
are read here — names, optional marks, and types (``string``, ``number``, ``boolean``, another
interface, ``X[]``) — and a body is checked against them: no key the schema does not declare,
every required key present, every value of its declared type. An unknown type (``any``, a
union, a record) is accepted as it is."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

BERKAS = Path(__file__).parent / "node_modules" / "gitea-js" / "dist" / "index.d.ts"
_ANTARMUKA = re.compile(r"^(?:export )?interface (\w+) \{\n(.*?)^\}", re.M | re.S)
_BIDANG = re.compile(r"^    (\w+)(\?)?: ([^;]+);$", re.M)
_DASAR = {"string": str, "number": (int, float), "boolean": bool}


@lru_cache(maxsize=1)
def antarmuka() -> dict[str, dict[str, tuple[bool, str]]]:
    """Each interface: its fields, (required, type)."""
    assert BERKAS.is_file(), "jalankan «make test» (npm ci di tests/) untuk memasang gitea-js"
    teks = BERKAS.read_text(encoding="utf-8")
    return {m[1]: {b[1]: (not b[2], b[3].strip()) for b in _BIDANG.finditer(m[2])}
            for m in _ANTARMUKA.finditer(teks)}


def periksa(nama: str, nilai: Any, jalan: str = "$") -> None:
    """Raise AssertionError unless ``nilai`` fits interface ``nama``."""
    skema = antarmuka()[nama]
    assert isinstance(nilai, dict), f"{jalan}: {nama} harus objek, bukan {type(nilai).__name__}"
    for k, v in nilai.items():
        assert k in skema, f"{jalan}.{k}: {nama} tidak mempunyai bidang «{k}»"
        _jenis(skema[k][1], v, f"{jalan}.{k}")
    kurang = [k for k, (wajib, _) in skema.items() if wajib and k not in nilai]
    assert not kurang, f"{jalan}: {nama} wajib memuat {kurang}"


def _jenis(jenis: str, v: Any, jalan: str) -> None:
    if v is None:
        return  # Gitea's generated types do not mark what may be null
    if jenis.endswith("[]"):
        assert isinstance(v, list), f"{jalan}: harus daftar"
        for i, x in enumerate(v):
            _jenis(jenis[:-2], x, f"{jalan}[{i}]")
    elif jenis in _DASAR:
        assert isinstance(v, _DASAR[jenis]) and not (jenis == "number" and isinstance(v, bool)), \
            f"{jalan}: harus {jenis}, bukan {v!r}"
    elif jenis in antarmuka():
        periksa(jenis, v, jalan)
