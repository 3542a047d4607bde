"""The likely cause of a YAML syntax error, and the corrected line, where it can be known.

PyYAML says where parsing stopped, not why. The two slips people make most in a web editor are a
key indented a space off (the key then reads as the tail of the line above, and parsing stops at
its colon) and «: » inside a value. Candidate fixes come from the text itself — how the same key
is indented elsewhere, how the keys around it are, where the keys above it start — and a fix is
only proposed once the text, with it made, reads further than without (``coba`` re-reads a text
and says where it now stops). So the advice is never a guess that would not help.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from kinerja.inti.beku import beku

_KUNCI = re.compile(r"^( *)((?:- +)*)([A-Za-z_][A-Za-z0-9_.-]*):(?: |$)")

# Re-reads a text: where it stops (1-based line; None when it now reads), and how many problems
# the checker then finds in it (a fix that reads but puts a key at the wrong level has more).
Coba = Callable[[str], "tuple[int | None, int]"]


@beku
class Saran:
    baris: int  # 1-based: where the fix goes (may be above where parsing stopped)
    kolom: int
    pesan: str
    ganti: str  # the corrected line, to go on checking the rest of the file
    geser: int = 0  # columns the corrected line moved right (negative: left)


@beku
class _Kunci:
    nama: str
    kolom: int  # 0-based column of the key's first letter
    titik_dua: int  # 0-based column of the key's own colon


def _kunci(baris: str) -> _Kunci | None:
    m = _KUNCI.match(baris)
    if m is None:
        return None
    return _Kunci(m[3], len(m[1]) + len(m[2]), m.end(3))


def _isi(baris: str) -> bool:
    return bool(baris.strip()) and not baris.lstrip().startswith("#")


def _calon_kolom(semua: list[str], n: int, k: _Kunci) -> list[int]:
    """Columns the key on line ``n`` plausibly belongs at, most likely first."""
    calon: list[int] = []
    tetangga = [x for x in (_tetangga(semua, n, -1), _tetangga(semua, n, 1)) if x is not None]
    if len(tetangga) == 2 and tetangga[0].kolom == tetangga[1].kolom:
        calon.append(tetangga[0].kolom)
    sama = Counter(x.kolom for i, b in enumerate(semua)
                   if i != n and (x := _kunci(b)) is not None and x.nama == k.nama)
    calon += [c for c, _ in sama.most_common()]
    calon += [x.kolom for x in tetangga]
    # The columns keys start at above it, nearest first: one of them is its level.
    for i in range(n - 1, max(-1, n - 60), -1):
        if (x := _kunci(semua[i])) is not None:
            calon.append(x.kolom)
    return [c for c in dict.fromkeys(calon) if c != k.kolom and c - (k.kolom - _spasi(
        semua[n])) >= 0]


def _spasi(baris: str) -> int:
    return len(baris) - len(baris.lstrip(" "))


def _geser(baris: str, beda: int) -> str:
    return " " * beda + baris if beda >= 0 else baris[min(-beda, _spasi(baris)):]


def _tetangga(semua: list[str], n: int, arah: int) -> _Kunci | None:
    """The nearest key line above (``arah`` -1) or below (+1), past blanks and comments."""
    i = n + arah
    while 0 <= i < len(semua):
        if _isi(semua[i]):
            return _kunci(semua[i])
        i += arah
    return None


def _ganti(semua: list[str], n: int, baris: str) -> str:
    return "\n".join([*semua[:n], baris, *semua[n + 1:]])


def _lebih_jauh(hasil: tuple[int | None, int], sebelum: int) -> bool:
    return hasil[0] is None or hasil[0] > sebelum


def _indentasi(semua: list[str], baris_calon: list[int], coba: Coba,
               sebelum: int) -> Saran | None:
    """The best re-indentation of one of the candidate lines, judged by what reads further and
    with the fewest problems, then by what the rest of the file does: the key moved to where
    the same key usually stands, else the smallest move, else to a column where many keys
    start."""
    lazim: Counter[tuple[str, int]] = Counter()
    ramai: Counter[int] = Counter()
    for b in semua:
        if (x := _kunci(b)) is not None:
            lazim[x.nama, x.kolom] += 1
            ramai[x.kolom] += 1
    terbaik: tuple[tuple[bool, int, int, int, int], int, str, _Kunci, int] | None = None
    for n in baris_calon:
        k = _kunci(semua[n])
        if k is None:
            continue
        for kolom in _calon_kolom(semua, n, k):
            baru = _geser(semua[n], kolom - k.kolom)
            hasil = coba(_ganti(semua, n, baru))
            if not _lebih_jauh(hasil, sebelum):
                continue
            nilai = (hasil[0] is None, -hasil[1],
                     lazim[k.nama, kolom] - (lazim[k.nama, k.kolom] - 1),
                     -abs(kolom - k.kolom), ramai[kolom] - (ramai[k.kolom] - 1))
            if terbaik is None or nilai > terbaik[0]:
                terbaik = (nilai, n, baru, k, kolom)
    if terbaik is None:
        return None
    _, n, baru, k, kolom = terbaik
    beda = kolom - k.kolom
    ubah = f"tambahkan {beda} spasi" if beda > 0 else f"hapus {-beda} spasi"
    return Saran(n + 1, k.kolom + 1,
                 f"«{k.nama}» dimulai pada kolom {k.kolom + 1}, padahal kunci yang sejajar "
                 f"dengannya pada kolom {kolom + 1}; samakan indentasinya — {ubah} di awal baris "
                 "ini", baru, beda)


# Why a value whose first character means something to YAML broke the line, by that character.
_AWALAN = {
    '"': "diawali tanda kutip ganda, tetapi masih ada teks sesudah kutip penutupnya",
    "'": "diawali tanda kutip tunggal, tetapi masih ada teks sesudah kutip penutupnya",
    "[": "diawali «[», yang dibaca sebagai awal daftar",
    "{": "diawali «{», yang dibaca sebagai awal kumpulan",
    "@": "diawali «@», yang tidak boleh mengawali teks YAML",
    "`": "diawali «`», yang tidak boleh mengawali teks YAML",
    "-": "diawali «- », yang dibaca sebagai butir daftar",
    "%": "diawali «%», yang tidak boleh mengawali teks YAML",
}


_AKUN_AT = re.compile(r"(?<=[\s,:{\[])@(?=\w)")


def _dikutip(nilai: str) -> str:
    """A value as one double-quoted YAML string, whatever it holds."""
    return '"' + nilai.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _kutip(semua: list[str], n: int, kolom: int, coba: Coba, sebelum: int) -> Saran | None:
    """A value YAML could not read as text: «: » inside it, or a first character that means
    something to YAML. Quoting the whole value is the fix, once it is seen to read."""
    k = _kunci(semua[n])
    if k is None:
        return None
    nilai = semua[n][k.titik_dua + 1:].strip()
    if not nilai or nilai[0] in "|>&*!#":
        return None
    tutup = {'"': r'"(?:[^"\\]|\\.)*"\s*\S', "'": r"'(?:[^']|'')*'\s*\S"}
    if nilai[0] in tutup and not re.match(tutup[nilai[0]], nilai):
        return None  # not text after the closing quote (a bad escape, an unclosed quote)
    if nilai[0] in _AWALAN:
        sebab = f"nilai «{k.nama}» {_AWALAN[nilai[0]]}"
    elif kolom - 1 > k.titik_dua:
        sebab = (f"nilai «{k.nama}» memuat «: » (titik dua lalu spasi), yang dibaca sebagai "
                 "kunci baru")
    else:
        return None
    awal = semua[n][: k.titik_dua + 1]
    if nilai[0] in "[{" and _AKUN_AT.search(nilai):
        # «{github: @nama}»: an account is written without its «@».
        baru = awal + " " + _AKUN_AT.sub("", nilai)
        if _lebih_jauh(coba(_ganti(semua, n, baru)), sebelum):
            return Saran(n + 1, k.titik_dua + 3,
                         f"«@» di dalam «{nilai[0]} …» tidak boleh mengawali nilai YAML; nama "
                         f"akun ditulis tanpa «@» — tulis «{baru.strip()}»", baru)
    baru = f"{awal} {_dikutip(nilai)}"
    hasil = coba(_ganti(semua, n, baru))
    # A list or mapping made one quoted text reads, but is no longer a list: only advised when
    # the file is then free of problems.
    if not _lebih_jauh(hasil, sebelum) or (nilai[0] in "[{" and hasil[1] > 0):
        return None
    return Saran(n + 1, k.titik_dua + 3 if nilai[0] in _AWALAN else kolom,
                 f"{sebab}; apit seluruh nilainya dengan tanda kutip ganda (kutip ganda di "
                 f"dalamnya ditulis \\\") — tulis «{baru.strip()}»", baru)


_TANPA_SPASI = re.compile(r"^( *(?:- +)*)([A-Za-z_][A-Za-z0-9_.-]*):(?=[^\s/])(.*)$")


def _spasi_titik_dua(semua: list[str], n: int, coba: Coba, sebelum: int) -> Saran | None:
    """«realisasi:9»: no space after a key's colon makes the whole line one plain text, and the
    parser stops a line later. The line is found at or above where it stopped."""
    for i in range(min(n, len(semua) - 1), max(-1, n - 3), -1):
        m = _TANPA_SPASI.match(semua[i])
        if m is None:
            continue
        baru = f"{m[1]}{m[2]}: {m[3]}"
        if not _lebih_jauh(coba(_ganti(semua, i, baru)), sebelum):
            continue
        return Saran(i + 1, len(m[1]) + len(m[2]) + 1,
                     f"sesudah titik dua «{m[2]}:» harus ada spasi; tanpa spasi seluruh baris "
                     f"dibaca sebagai satu teks — tulis «{baru.strip()}»", baru, 0)
    return None


def sebab(teks: str, baris: int, kolom: int, coba: Coba) -> Saran | None:
    """The cause of a syntax error reported at ``baris``:``kolom`` (1-based), or ``None``."""
    semua = teks.split("\n")
    n = baris - 1
    if 0 <= n - 1 < len(semua) and (s := _spasi_titik_dua(semua, n, coba, baris)) is not None:
        return s
    if not 0 <= n < len(semua) or _kunci(semua[n]) is None:
        return None
    # The key itself may be right and the line above be the one that moved.
    atas = next((i for i in range(n - 1, -1, -1) if _isi(semua[i])), None)
    return (_kutip(semua, n, kolom, coba, baris)
            or _indentasi(semua, [n] if atas is None else [n, atas], coba, baris))


def koma_desimal(mentah: str) -> str | None:
    """For a one-line list like ``[82,5, 82,5]`` whose decimal commas split its items: the list
    written so each number stays whole, or ``None`` when that is not the cause."""
    if not (mentah.startswith("[") and mentah.endswith("]")) or "\n" in mentah \
            or not re.search(r"\d,\d", mentah) or not re.search(r",\s", mentah):
        return None  # without «, » between items, which comma separates is anyone's guess
    butir = [b.strip() for b in re.split(r",\s+", mentah[1:-1])]
    return "[" + ", ".join(f'"{b}"' if re.fullmatch(r"[\d.]+,\d+", b) else b
                           for b in butir) + "]"


def pulihkan(teks: str, s: Saran) -> str:
    """The text with the fix applied, to check the rest of the file as if it were made."""
    return _ganti(teks.split("\n"), s.baris - 1, s.ganti)
