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
import inspect
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kinerja.baca.teks import BATAS_UKURAN
from kinerja.buat import pengisian
from kinerja.inti import tata
from kinerja.inti.errors import KinerjaError
from kinerja.layanan import Potret
from kinerja.pengesahan import catatan as ct

AKAR = Path("/kantor")  # the office's files inside the worker's own file system
BERKAS_MAKS = 400  # files one period may bring; a period holds some tens
UKURAN_MAKS = BATAS_UKURAN  # bytes in one file the checks read (what kinerja reads at most)

# What of a period folder the checks read: these by their text; evidence, the archived scans
# and the LKjIP's pictures only by their presence (a form names them), so the page writes them
# empty and never downloads a PDF to check a link.
_ISI = frozenset({"kantor", "pk", "renaksi", "periode", "riwayat", "formulir"})
_ADA = frozenset({"bukti", "arsip"})
_TAG: list[str] = []  # the host's ratification tags of the period, as the page was told


def _periode(tunjuk: str) -> tuple[int, str]:
    r = tata.baca_rujukan(tunjuk)
    if r is None:
        raise KinerjaError(f"tautan ini menunjuk «{tunjuk[:40]}», yang bukan periode "
                           "pengukuran kinerja; buka tautan formulir seksi Anda dari Kasubbag "
                           "Perencanaan")
    return r


def jalur(tunjuk: str) -> dict[str, Any]:
    """The folders to walk from the branch's root down to the period's own folder (whose whole
    tree is read), and the ratification tags' common prefix: the page reads no more of a
    repository than that, however many years it holds."""
    tahun, kode = _periode(tunjuk)
    return {"folder": tata.folder_periode(tahun, kode).split("/"),
            "tag": ct.nama_tag(tata.id_periode(tahun, kode))}


def _jalan_sah(rel: str) -> bool:
    bagian = rel.split("/")
    return bool(rel) and all(b not in ("", ".", "..") for b in bagian) and "\\" not in rel


def perlu(berkas: list[dict[str, Any]], tunjuk: str) -> dict[str, list[str]]:
    """Of the files the page found (``{"path", "size"}``, repository-relative), those the form
    of period ``tunjuk`` needs: ``isi`` to fetch, ``ada`` to write empty."""
    tahun, kode = _periode(tunjuk)
    isi: list[str] = []
    ada: list[str] = []
    for b in berkas:
        rel, ukuran = str(b.get("path", "")), b.get("size")
        lt = tata.letak(rel)
        if not _jalan_sah(rel) or lt.tahun not in (None, tahun):
            continue
        if lt.jenis == "lkjip" and lt.periode == kode:
            (isi if rel.endswith(".md") else ada).append(rel)  # prose by its text, the rest kept
            continue
        di_periode = lt.periode == kode and not tata.tersembunyi(lt.sisa)
        if di_periode and lt.jenis in _ADA:
            ada.append(rel)
        elif lt.jenis == "kantor" or (lt.jenis in ("pk", "renaksi") and lt.tahun == tahun) or \
                (di_periode and lt.jenis in _ISI):
            if isinstance(ukuran, int) and ukuran > UKURAN_MAKS:
                raise KinerjaError(f"{rel} lebih besar dari 1 MB, jadi tidak dibaca di halaman "
                                   "ini; jalankan «kinerja periksa» untuk melihat sebabnya")
            isi.append(rel)
    if len(isi) > BERKAS_MAKS:
        raise KinerjaError(f"periode {tunjuk} memuat lebih dari {BERKAS_MAKS} berkas; isi "
                           "formulirnya dari repositori («kinerja layani» atau penyunting Git)")
    if tata.BERKAS_KANTOR not in isi:
        raise KinerjaError("kinerja.yml tidak ada di cabang ini; buka tautan formulir dari "
                           "«kinerja tautan»")
    return {"isi": sorted(isi), "ada": sorted(ada)}


def _tujuan(rel: str) -> Path:
    """Where a file the page fetched goes: inside the worker's folder, by a name kinerja
    reads — never an absolute path or one that climbs out."""
    if not _jalan_sah(rel) or tata.letak(rel).jenis == "lain":
        raise KinerjaError(f"berkas yang diterima tidak dikenal: {rel[:200]}")
    return AKAR / rel


def pasang(berkas: dict[str, bytes], ada: list[str], tag: list[str] | None = None) -> None:
    """The office's files as fetched: ``berkas`` with their bytes, ``ada`` empty; ``tag``, the
    host's ratification tags of the period. Whatever was there before is removed (a reload
    starts from what the host has now)."""
    if AKAR.exists():
        shutil.rmtree(AKAR)
    for rel, isi in [*berkas.items(), *((r, b"") for r in ada)]:
        path = _tujuan(rel)
        if len(isi) > UKURAN_MAKS:
            raise KinerjaError(f"{rel} lebih besar dari 1 MB, jadi tidak dibaca di halaman ini")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(isi)
    _TAG[:] = list(tag or ())


def ganti(rel: str, isi: bytes) -> None:
    """One file as the host has it now (the form, reloaded after someone else saved it)."""
    path = _tujuan(rel)
    if tata.letak(rel).jenis != "formulir" or not path.is_file() or len(isi) > UKURAN_MAKS:
        raise KinerjaError(f"hanya formulir yang sudah dimuat yang dapat dimuat ulang: {rel}")
    path.write_bytes(isi)


def _buka(tunjuk: str, seksi: str) -> tuple[Potret, pengisian.Tempat]:
    """The form, refused when the host's records say its period is ratified now.

    Outside Git nothing is proven (``potret`` never takes a period as ratified here), so the
    page goes by what the host shows: a ratification tag of the period, or a ratification
    record on the branch, not followed by a revision that reopened a later version. A refusal
    grants nothing; the gate, with the history, remains the authority."""
    pt, t = pengisian.buka(AKAR, tunjuk, seksi)
    p = t.periode
    disahkan = max((x[1] for x in map(ct.dari_nama_tag, _TAG) if x and x[0] == p.id),
                   default=0)
    dibuka = 0
    riwayat = p.folder / tata.BERKAS_RIWAYAT
    if riwayat.is_file():
        c, _ = ct.baca(riwayat.read_text("utf-8", errors="replace"),
                       tata.berkas_riwayat(p.tahun, p.kode))
        if c is not None and c.periode == p.id:
            if c.disahkan:
                disahkan = max(disahkan, c.versi)
            else:
                dibuka = c.versi
    if disahkan and dibuka <= disahkan:
        raise KinerjaError(pengisian.pesan_disahkan(p))
    return pt, t


def jelaskan(tunjuk: str, seksi: str) -> dict[str, Any]:
    pt, t = _buka(tunjuk, seksi)
    return pengisian.jelaskan(pt, t)


def coba(tunjuk: str, seksi: str, ubah: object) -> dict[str, Any]:
    pt, t = _buka(tunjuk, seksi)
    return pengisian.coba(pt, t, pengisian.ubah_dari({"ubah": ubah}))


def tulis(tunjuk: str, seksi: str, ubah: object) -> dict[str, Any]:
    """The form's new bytes for the host, and whether they differ from what it holds."""
    pt, t = _buka(tunjuk, seksi)
    lama = t.path.read_bytes()
    baru = pengisian.tulis(pt, t, pengisian.ubah_dari({"ubah": ubah}))
    return {"berkas": t.rel, "isi": base64.b64encode(baru).decode("ascii"),
            "berubah": baru != lama, "sidik": pengisian.sidik(baru),
            "pesan": f"Isi formulir {t.seksi} {t.periode.id}"}


def _pasang(berkas: dict[str, str], ada: list[str], tag: list[str] | None = None
            ) -> dict[str, Any]:
    pasang({rel: _b64(isi, rel) for rel, isi in berkas.items()}, ada, tag)
    return {}


def _ganti(berkas: str, isi: str) -> dict[str, Any]:
    ganti(berkas, _b64(isi, berkas))
    return {}


def _b64(isi: str, rel: str) -> bytes:
    try:
        return base64.b64decode("".join(isi.split()), validate=True)
    except ValueError as e:
        raise KinerjaError(f"isi {rel} dari Git host tidak dapat dibaca (base64)") from e


_PANGGILAN: dict[str, Callable[..., dict[str, Any]]] = {
    "jalur": jalur, "perlu": perlu, "pasang": _pasang, "ganti": _ganti, "jelaskan": jelaskan,
    "coba": coba, "tulis": tulis}


def panggil(nama: str, argumen: str) -> str:
    """The worker's one entry: a call by name with JSON arguments, answered as JSON text (no
    object crosses between JavaScript and Python). A request of the wrong shape, or an expected
    failure, is an answer with status 400 and the message a person reads; anything else is a
    bug and raises (the worker reports it as such)."""
    fungsi = _PANGGILAN.get(nama)
    try:
        data = json.loads(argumen)
        if fungsi is None or not isinstance(data, dict):
            raise TypeError(f"panggilan tidak dikenal: {nama[:40]}")
        inspect.signature(fungsi).bind(**data)
    except (TypeError, ValueError) as e:  # what the page should never send
        return json.dumps({"status": 400, "pesan": f"permintaan tidak sah: {e}"})
    try:
        hasil = fungsi(**data)
    except KinerjaError as e:
        return json.dumps({"status": 400, "pesan": str(e)})
    return json.dumps({"status": 200, **hasil})
