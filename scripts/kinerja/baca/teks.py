"""The one way in for files: bytes → checked text → YAML node tree with positions.

Reading uses PyYAML's C composer: it keeps every node's line and column and is ~40× faster than
ruamel's round-trip loader, which matters when CI checks a ten-year archive. Forms are never
written through YAML: entries added to a filled form are spliced in as new lines
(``buat.formulir``), so every byte a person typed stays as it was.

We never *construct* Python objects from YAML: the schema walker reads node text itself, so
``1.250`` stays the text a person typed, custom tags are refused, and alias bombs never expand.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from pathlib import Path

import yaml

from kinerja.baca import sintaks
from kinerja.inti.errors import BerkasTidakValid
from kinerja.inti.temuan import GALAT, Lok, Temuan

BATAS_UKURAN = 1024 * 1024  # forms are a few kB; anything near this is a mistake or an attack

try:
    _Dasar: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Dasar = yaml.SafeLoader

_NULL = frozenset(("", "~", "null", "Null", "NULL"))
TAG_DASAR = "tag:yaml.org,2002:"


class _Loader(_Dasar):  # type: ignore[misc]
    """Tags only what the schema walker asks about: null or not. It reads every scalar's text
    itself, so PyYAML's per-scalar guessing of int/float/bool/timestamp (in Python, with a
    resolver path stack) was a fifth of loading a large archive. Explicit tags still arrive as
    written and are refused by the walker."""

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return TAG_DASAR + ("null" if implicit[0] and value in _NULL else "str")
        return TAG_DASAR + ("seq" if kind is yaml.SequenceNode else "map")

    def descend_resolver(self, *_: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

_TAB_DI_INDENTASI = re.compile(r"^ *\t", re.MULTILINE)

# PyYAML's English problems, in the words a person editing in a web editor understands.
_TERJEMAHAN: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "tanda titik dua (:) tidak diharapkan di sini; bila teks "
     "memuat «: », apit seluruh teks dengan tanda kutip"),
    ("could not find expected ':'", "baris ini tidak berbentuk «kunci: nilai»; periksa titik dua "
     "dan indentasi"),
    ("did not find expected key", "indentasi tidak sesuai dengan baris di atasnya; samakan "
     "jumlah spasi di awal baris"),
    ("did not find expected '-' indicator", "indentasi daftar tidak sesuai; setiap butir daftar "
     "diawali «- » pada kolom yang sama"),
    ("expected <block end>", "indentasi tidak sesuai dengan baris di atasnya; samakan jumlah "
     "spasi di awal baris"),
    ("found unexpected end of stream", "tanda kutip tidak ditutup; tambahkan tanda kutip penutup"),
    ("found unknown escape character", "garis miring terbalik (\\) di dalam tanda kutip ganda; "
     "gunakan tanda kutip tunggal atau tulis \\\\"),
    ("expected a single document", "berkas hanya boleh berisi satu dokumen; hapus baris «---» "
     "tambahan"),
    ("found undefined alias", "alias YAML (*nama) tidak didukung; tulis nilainya langsung"),
    ("found undefined tag handle", "tag YAML (!nama) tidak didukung; hapus tag tersebut"),
    ("found character '\\t'", "karakter tab tidak boleh dipakai untuk indentasi; gunakan spasi"),
    ("unacceptable character", "berkas memuat karakter kendali yang tidak dapat dibaca; hapus "
     "karakter tersebut"),
    ("found duplicate anchor", "anchor YAML (&nama) tidak didukung; tulis nilainya langsung"),
    ("exceeded maximum nesting depth", "kurung atau indentasi bersarang terlalu dalam; berkas "
     "kinerja cukup beberapa tingkat — periksa kurung [ { yang tidak ditutup"),
)
_UMUM = "sintaks YAML tidak valid di sini; periksa tanda baca, kutip, dan indentasi baris ini"


class SintaksRusak(BerkasTidakValid):
    """A YAML syntax error; with ``saran`` when its cause and the corrected line are known."""

    def __init__(self, temuan: Temuan, saran: sintaks.Saran | None, teks: str) -> None:
        super().__init__((temuan,))
        self.saran_sintaks = saran
        self.teks = teks  # what was read, to go on from


def temuan_berkas(berkas: str, baris: int, kolom: int, aturan: str, pesan: str) -> BerkasTidakValid:
    return BerkasTidakValid((Temuan(berkas, baris, kolom, aturan, GALAT, pesan),))


def baca_teks(path: Path, berkas: str) -> str:
    """Read a data file as text, refusing what is not plain UTF-8 of a sane size."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A pipe or a device would block the read forever, or never end.
            raise temuan_berkas(berkas, 1, 1, "berkas-tak-terbaca",
                                "bukan berkas biasa (pipa, perangkat, atau folder); ganti dengan "
                                "berkas teks")
        ukuran = info.st_size
        if ukuran > BATAS_UKURAN:
            raise temuan_berkas(
                berkas, 1, 1, "berkas-besar",
                f"berkas terlalu besar ({ukuran // 1024} KiB; batas {BATAS_UKURAN // 1024} KiB); "
                "formulir hanya memuat teks isian, simpan bukti dukung sebagai berkas terpisah",
            )
        data = path.read_bytes()
    except OSError as e:
        raise temuan_berkas(berkas, 1, 1, "berkas-tak-terbaca",
                            f"berkas tidak dapat dibaca ({e.strerror}); periksa izin berkas") from e
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a BOM is what Windows Notepad writes: accept it
    try:
        teks = data.decode("utf-8")
    except UnicodeDecodeError as e:
        baris = data[: e.start].count(b"\n") + 1
        kolom = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            baris, kolom, asal = 1, 1, "tersimpan sebagai UTF-16 (pilihan «Unicode» di Notepad)"
        else:
            asal = "tersimpan dengan pengodean lain (misalnya «ANSI»/Windows-1252)"
        raise temuan_berkas(
            berkas, baris, kolom, "bukan-utf8",
            f"berkas bukan UTF-8: {asal}; simpan ulang sebagai UTF-8 (di Notepad: Save As → "
            "Encoding: UTF-8; di editor lain: «Save with encoding» → UTF-8)",
        ) from e
    if "\x00" in teks:
        baris = teks[: teks.index("\x00")].count("\n") + 1
        raise temuan_berkas(berkas, baris, 1, "bukan-teks",
                            "berkas memuat karakter NUL; ini bukan berkas teks YAML")
    return teks


def _berhenti(teks: str, nilai: Callable[[yaml.Node], int] | None) -> tuple[int | None, int]:
    """Where a text stops reading as YAML (1-based line; None when it reads), and then how many
    problems ``nilai`` finds in what it reads."""
    try:
        node = yaml.compose(teks, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        return (mark.line + 1 if mark else 0), 0
    except (yaml.YAMLError, RecursionError):
        return 0, 0
    return None, (nilai(node) if nilai is not None and node is not None else 0)


def _spasi_pengganti(teks: str, awal: int) -> str:
    """How many spaces the tabbed line wants: level with the line of content above it, or two
    deeper under a «- » or a «kunci:» that opens a block — whichever makes the file read."""
    atas = [b for b in teks[:awal].splitlines() if b.strip() and not b.lstrip().startswith("#")]
    akhir = teks.find("\n", awal)
    baris = teks[awal:] if akhir < 0 else teks[awal:akhir]
    isi = baris.lstrip(" \t")
    if not atas or "\t" in atas[-1][: len(atas[-1]) - len(atas[-1].lstrip())] or not isi:
        return ""
    n = len(atas[-1]) - len(atas[-1].lstrip(" "))
    sebelum = atas[-1].lstrip(" ")
    if sebelum.startswith("- "):
        n += 2
    calon = [n]
    if sebelum.split(" #", 1)[0].rstrip().endswith(":"):
        calon = [n + 2, n] if isi.startswith("- ") else [n, n + 2]
    pilihan = calon[0]
    for c in calon:
        coba = teks[:awal] + " " * c + isi + ("" if akhir < 0 else teks[akhir:])
        try:
            yaml.compose(coba, Loader=_Loader)
        except (yaml.YAMLError, RecursionError):
            continue
        pilihan = c
        break
    kunci = isi.split(":", 1)[0].strip() if not isi.startswith("- ") else "-"
    return (f"hapus tab di awal baris dan ketik {pilihan} spasi"
            + (f" sebelum «{kunci}»" if kunci and len(kunci) <= 40 else ""))


def susun(teks: str, berkas: str,
          nilai: Callable[[yaml.Node], int] | None = None) -> yaml.Node | None:
    """Compose the node tree; ``None`` for a file with no content. ``nilai`` counts the problems
    of a tree, to judge which fix of a syntax error reads best."""
    m = _TAB_DI_INDENTASI.search(teks)
    if m:
        baris = teks[: m.start()].count("\n") + 1
        kolom = m.end() - m.start()
        raise temuan_berkas(berkas, baris, kolom, "yaml-tab",
                            "karakter tab dipakai untuk indentasi; "
                            + (_spasi_pengganti(teks, m.start()) or "ganti dengan spasi"))
    try:
        return yaml.compose(teks, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        if e.context_mark is not None and "end of stream" in (e.problem or ""):
            mark = e.context_mark  # an unclosed quote or bracket: point where it opened
        baris, kolom = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        masalah = f"{e.context or ''} {e.problem or ''}"
        for inggris, indonesia in _TERJEMAHAN:
            if inggris in masalah:
                pesan = indonesia
                break
        else:
            pesan = _UMUM  # PyYAML's own words are English: say what to check instead
        s = sintaks.sebab(teks, baris, kolom, lambda t: _berhenti(t, nilai)) \
            if "end of stream" not in masalah else None
        if s is not None:
            baris, kolom, pesan = s.baris, s.kolom, s.pesan  # the cause, where it is knowable
        raise SintaksRusak(Temuan(berkas, baris, kolom, "yaml-sintaks", GALAT, pesan), s,
                           teks) from e
    except (yaml.YAMLError, RecursionError) as e:
        masalah = str(e)
        pesan = next((i for g, i in _TERJEMAHAN if g in masalah), _UMUM)
        raise temuan_berkas(berkas, 1, 1, "yaml-sintaks", pesan) from e


def lok(node: yaml.Node, berkas: str) -> Lok:
    m = node.start_mark
    return tuple.__new__(Lok, (berkas, m.line + 1, m.column + 1))  # one per node: skip the wrapper


def relatif(path: Path, akar: Path) -> str:
    try:
        return path.resolve().relative_to(akar.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
