"""``kinerja skema``: the JSON Schemas editors validate with (``content/skema/*.json``) and the
page of every check (``content/pemeriksaan.md``), generated from the one set of definitions."""

from __future__ import annotations

import json
from pathlib import Path

from kinerja.baca.skema import SKEMA, json_schema
from kinerja.inti import berkas
from kinerja.inti.aturan import halaman


def tulis_skema(akar: Path, *, tulis: bool = True) -> list[str]:
    """(Re)generate them; return the files that differed from their definitions."""
    isi = {f"content/skema/{nama}.json":
           json.dumps(json_schema(nama), ensure_ascii=False, indent=2) + "\n"
           for nama in SKEMA}
    isi["content/pemeriksaan.md"] = halaman()
    berbeda = []
    for rel, teks in isi.items():
        path = akar / rel
        lama = path.read_text(encoding="utf-8") if path.exists() else None
        if lama != teks:
            berbeda.append(rel)
            if tulis:
                berkas.tulis(path, teks)
    return berbeda
