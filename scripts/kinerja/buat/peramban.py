"""The form's calls as the static page on a Git host runs them: in Pyodide, inside a Web Worker,
over a copy of the office's files the page fetched from the host's contents API.

The page has no Git: it asks which of the branch's files the form needs (``perlu``), fetches
those, hands them over (``pasang``), and then describes, checks and writes exactly as
``kinerja layani`` does, with the same library calls (``buat.pengisian``). Saving is the page's
own request to the host with the person's token; the commit is made by the host, in that
person's name. The pull-request gate and CI remain the authority: the period branch is checked
again, with its history, when the pull request is reviewed.

Nothing here imports beyond PyYAML and the standard library, so that ``kinerja situs`` can pack
it for the browser.
"""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kinerja.buat import pengisian
from kinerja.inti import tata
from kinerja.inti.errors import KinerjaError

AKAR = Path("/kantor")  # the office's files inside the worker's own file system
BERKAS_MAKS = 400  # files one period may bring; a period holds some tens
UKURAN_MAKS = 1024 * 1024  # bytes in one file the page fetches (what kinerja reads at most)

# What of a period folder the checks read: these by their text; evidence and the archived
# scans only by their presence (a form names them), so the page writes them empty and never
# downloads a PDF to check a link.
_ISI = frozenset({"kantor", "pk", "renaksi", "periode", "riwayat", "formulir", "lkjip"})
_ADA = frozenset({"bukti", "arsip"})


def _periode(tunjuk: str) -> tuple[int, str]:
    r = tata.baca_rujukan(tunjuk)
    if r is None:
        raise KinerjaError(f"«{tunjuk}» bukan periode (contoh: 2026-tw1 atau 2026-tahunan)")
    return r


def perlu(paths: list[str], tunjuk: str) -> dict[str, list[str]]:
    """Of the branch's files (``paths``, repository-relative), those the form of period
    ``tunjuk`` needs: ``isi`` to fetch, ``ada`` to write empty."""
    tahun, kode = _periode(tunjuk)
    isi: list[str] = []
    ada: list[str] = []
    for rel in paths:
        lt = tata.letak(rel)
        if lt.jenis == "kantor" or (lt.jenis in ("pk", "renaksi") and lt.tahun == tahun):
            isi.append(rel)
        elif lt.tahun == tahun and lt.periode == kode and not tata.tersembunyi(lt.sisa):
            if lt.jenis in _ISI:
                isi.append(rel)
            elif lt.jenis in _ADA:
                ada.append(rel)
    if len(isi) + len(ada) > BERKAS_MAKS:
        raise KinerjaError(f"periode {tunjuk} memuat lebih dari {BERKAS_MAKS} berkas; isi "
                           "formulirnya dari repositori («kinerja layani» atau penyunting Git)")
    if tata.BERKAS_KANTOR not in isi:
        raise KinerjaError("kinerja.yml tidak ada di cabang ini; buka tautan formulir dari "
                           "«kinerja tautan»")
    return {"isi": sorted(isi), "ada": sorted(ada)}


def pasang(berkas: dict[str, bytes], ada: list[str]) -> None:
    """The office's files as fetched: ``berkas`` with their bytes, ``ada`` empty. Whatever was
    there before is removed (a reload starts from what the host has now)."""
    if AKAR.exists():
        shutil.rmtree(AKAR)
    for rel, isi in [*berkas.items(), *((r, b"") for r in ada)]:
        lt = tata.letak(rel)
        if lt.jenis == "lain" or ".." in rel.split("/") or len(isi) > UKURAN_MAKS:
            raise KinerjaError(f"berkas yang diterima tidak dikenal atau terlalu besar: {rel}")
        path = AKAR / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(isi)


def ganti(rel: str, isi: bytes) -> None:
    """One file as the host has it now (the form, reloaded after someone else saved it)."""
    pasang_satu = AKAR / rel
    if tata.letak(rel).jenis != "formulir" or not pasang_satu.is_file():
        raise KinerjaError(f"hanya formulir yang sudah dimuat yang dapat dimuat ulang: {rel}")
    pasang_satu.write_bytes(isi)


def jelaskan(tunjuk: str, seksi: str) -> dict[str, Any]:
    pt, t = pengisian.buka(AKAR, tunjuk, seksi)
    return pengisian.jelaskan(pt, t)


def coba(tunjuk: str, seksi: str, ubah: object) -> dict[str, Any]:
    pt, t = pengisian.buka(AKAR, tunjuk, seksi)
    return pengisian.coba(pt, t, pengisian.ubah_dari({"ubah": ubah}))


def tulis(tunjuk: str, seksi: str, ubah: object) -> dict[str, Any]:
    """The form's new bytes for the host, and whether they differ from what it holds."""
    pt, t = pengisian.buka(AKAR, tunjuk, seksi)
    lama = t.path.read_bytes()
    baru = pengisian.tulis(pt, t, pengisian.ubah_dari({"ubah": ubah}))
    return {"berkas": t.rel, "isi": base64.b64encode(baru).decode("ascii"),
            "berubah": baru != lama,
            "sidik": pengisian.sidik(baru),
            "pesan": f"Isi formulir {t.seksi} {t.periode.id}"}


def _pasang(berkas: dict[str, str], ada: list[str]) -> dict[str, Any]:
    pasang({rel: base64.b64decode(isi, validate=True) for rel, isi in berkas.items()}, ada)
    return {}


def _ganti(berkas: str, isi: str) -> dict[str, Any]:
    ganti(berkas, base64.b64decode(isi, validate=True))
    return {}


_PANGGILAN: dict[str, Callable[..., dict[str, Any]]] = {
    "perlu": perlu, "pasang": _pasang, "ganti": _ganti, "jelaskan": jelaskan, "coba": coba,
    "tulis": tulis}


def panggil(nama: str, argumen: str) -> str:
    """The worker's one entry: a call by name with JSON arguments, answered as JSON text (no
    object crosses between JavaScript and Python). An expected failure is an answer with
    status 400 and the message a person reads; anything else is a bug and raises."""
    try:
        hasil = _PANGGILAN[nama](**json.loads(argumen))
    except KinerjaError as e:
        return json.dumps({"status": 400, "pesan": str(e)})
    except (TypeError, ValueError) as e:  # arguments the page should never send
        return json.dumps({"status": 400, "pesan": f"permintaan tidak sah: {e}"})
    return json.dumps({"status": 200, **hasil})
