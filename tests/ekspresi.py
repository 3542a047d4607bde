"""GitHub Actions expressions (``${{ … }}``), evaluated as the runner evaluates them — literals,
contexts, ``.``/``[]`` access, ``!``, comparisons, ``&&``/``||`` returning an operand, GitHub's
loose equality (strings compared ignoring case) and the status and string functions — for the
test harness. A context, a function or a token it does not know fails the test: an expression
the harness cannot evaluate is never silently skipped.

Reference: docs.github.com «Evaluate expressions in workflows and actions»."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

_TOKEN = re.compile(r"""\s*(?:
    (?P<angka>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+)
  | (?P<teks>'(?:[^']|'')*')
  | (?P<op>&&|\|\||==|!=|<=|>=|[<>!()\[\].,*])
  | (?P<nama>[A-Za-z_][A-Za-z0-9_-]*)
)""", re.VERBOSE)


class EkspresiTakDikenal(AssertionError):
    """An expression the harness cannot evaluate as GitHub would."""


def _token(teks: str) -> list[tuple[str, str]]:
    hasil, i = [], 0
    while i < len(teks):
        if teks[i:].strip() == "":
            break
        m = _TOKEN.match(teks, i)
        if not m or m.end() == i:
            raise EkspresiTakDikenal(f"token tidak dikenal di «{teks[i:]}» (dalam «{teks}»)")
        jenis = m.lastgroup
        assert jenis is not None
        hasil.append((jenis, m.group(jenis)))
        i = m.end()
    return hasil


def _benar(x: Any) -> bool:
    """GitHub's truthiness: false, 0, -0, "" and null are false; everything else is true."""
    return not (x is None or x is False or x == "" or (isinstance(x, (int, float))
                                                       and not isinstance(x, bool) and x == 0))


def _angka(x: Any) -> float:
    if x is None:
        return 0.0
    if isinstance(x, bool):
        return 1.0 if x else 0.0
    if isinstance(x, (int, float)):
        return float(x)
    if isinstance(x, str):
        try:
            return float(x.strip()) if x.strip() else 0.0
        except ValueError:
            return float("nan")
    return float("nan")


def _sama(a: Any, b: Any) -> bool:
    """Loose equality: the same type compares as itself (strings ignoring case, objects and
    arrays only by identity); different types are coerced to numbers (null and '' are 0)."""
    angka = (int, float)
    if type(a) is type(b) or (isinstance(a, angka) and isinstance(b, angka)
                              and not isinstance(a, bool) and not isinstance(b, bool)):
        if isinstance(a, str):
            return a.casefold() == b.casefold()
        if isinstance(a, (dict, list)):
            return a is b
        return bool(a == b)
    return _angka(a) == _angka(b)


def _teks(x: Any) -> str:
    if x is None:
        return ""
    if x is True:
        return "true"
    if x is False:
        return "false"
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    if isinstance(x, (dict, list)):
        return json.dumps(x)
    return str(x)


class Evaluator:
    def __init__(self, konteks: Mapping[str, Any], status: Callable[[str], bool],
                 dikenal: Mapping[str, set[str] | None]) -> None:
        """``konteks``: the contexts' values; ``status``: the status functions (success,
        failure, cancelled, always); ``dikenal``: per context, the top-level keys the harness
        provides (None: any key, a missing one reads as null, as GitHub does)."""
        self.konteks = konteks
        self.status = status
        self.dikenal = dikenal

    def nilai(self, teks: str) -> Any:
        self.t = _token(teks)
        self.i = 0
        self.sumber = teks
        hasil = self._atau()
        if self.i != len(self.t):
            raise EkspresiTakDikenal(f"sisa tak terbaca dalam «{teks}»")
        return hasil

    def ganti(self, teks: str) -> str:
        """A string with its ``${{ }}`` parts replaced by their values."""
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: _teks(self.nilai(m.group(1))), teks)

    def syarat(self, teks: str | bool | None) -> bool:
        """An ``if:``: with or without ``${{ }}``; status-free conditions get success()."""
        if teks is None:
            return self.status("success")
        if isinstance(teks, bool):
            return teks
        isi = teks.strip()
        m = re.fullmatch(r"\$\{\{(.*)\}\}", isi, re.DOTALL)
        if m:
            isi = m.group(1)
        if not re.search(r"\b(success|failure|cancelled|always)\s*\(", isi):
            isi = f"success() && ({isi})"
        return _benar(self.nilai(isi))

    # --- recursive descent, lowest precedence first ----------------------------------------

    def _lihat(self) -> tuple[str, str] | None:
        return self.t[self.i] if self.i < len(self.t) else None

    def _ambil(self, harap: str | None = None) -> tuple[str, str]:
        t = self._lihat()
        if t is None or (harap is not None and t[1] != harap):
            raise EkspresiTakDikenal(f"«{harap}» diharapkan dalam «{self.sumber}»")
        self.i += 1
        return t

    def _atau(self) -> Any:
        kiri = self._dan()
        while (t := self._lihat()) and t[1] == "||":
            self.i += 1
            kanan = self._dan()
            kiri = kiri if _benar(kiri) else kanan
        return kiri

    def _dan(self) -> Any:
        kiri = self._banding()
        while (t := self._lihat()) and t[1] == "&&":
            self.i += 1
            kanan = self._banding()
            kiri = kanan if _benar(kiri) else kiri
        return kiri

    def _banding(self) -> Any:
        kiri = self._bukan()
        while (t := self._lihat()) and t[1] in ("==", "!=", "<", "<=", ">", ">="):
            self.i += 1
            kanan = self._bukan()
            op = t[1]
            if op == "==":
                kiri = _sama(kiri, kanan)
            elif op == "!=":
                kiri = not _sama(kiri, kanan)
            else:
                a, b = ((kiri.casefold(), kanan.casefold())
                        if isinstance(kiri, str) and isinstance(kanan, str)
                        else (_angka(kiri), _angka(kanan)))
                kiri = {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
        return kiri

    def _bukan(self) -> Any:
        if (t := self._lihat()) and t[1] == "!":
            self.i += 1
            return not _benar(self._bukan())
        return self._akses()

    def _akses(self) -> Any:
        nilai = self._dasar()
        while (t := self._lihat()) and t[1] in (".", "["):
            self.i += 1
            if t[1] == ".":
                kunci = self._ambil()[1]
            else:
                kunci = self._atau()
                self._ambil("]")
            nilai = nilai.get(kunci) if isinstance(nilai, dict) else (
                nilai[int(kunci)] if isinstance(nilai, list) and isinstance(kunci, (int, float))
                and 0 <= int(kunci) < len(nilai) else None)
        return nilai

    def _dasar(self) -> Any:
        jenis, isi = self._ambil()
        if jenis == "angka":
            return int(isi, 16) if isi.startswith("0x") else float(isi)
        if jenis == "teks":
            return isi[1:-1].replace("''", "'")
        if isi == "(":
            hasil = self._atau()
            self._ambil(")")
            return hasil
        if jenis != "nama":
            raise EkspresiTakDikenal(f"«{isi}» tidak diharapkan dalam «{self.sumber}»")
        if isi in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[isi]
        if (t := self._lihat()) and t[1] == "(":
            return self._fungsi(isi)
        if isi not in self.konteks:
            raise EkspresiTakDikenal(f"konteks «{isi}» tidak disediakan (dalam «{self.sumber}»)")
        kunci = self.dikenal.get(isi)
        if kunci is not None and (t := self._lihat()) and t[1] == "." and \
                self.i + 1 < len(self.t) and self.t[self.i + 1][1] not in kunci:
            raise EkspresiTakDikenal(f"«{isi}.{self.t[self.i + 1][1]}» tidak disediakan "
                                     f"(dalam «{self.sumber}»)")
        return self.konteks[isi]

    def _fungsi(self, nama: str) -> Any:
        self._ambil("(")
        arg: list[Any] = []
        while (t := self._lihat()) and t[1] != ")":
            arg.append(self._atau())
            if (t := self._lihat()) and t[1] == ",":
                self.i += 1
        self._ambil(")")
        if nama in ("success", "failure", "cancelled", "always") and not arg:
            return self.status(nama)
        if nama == "contains" and len(arg) == 2:
            a, b = arg
            if isinstance(a, list):
                return any(_sama(x, b) for x in a)
            return _teks(b).casefold() in _teks(a).casefold()
        if nama == "startsWith" and len(arg) == 2:
            return _teks(arg[0]).casefold().startswith(_teks(arg[1]).casefold())
        if nama == "endsWith" and len(arg) == 2:
            return _teks(arg[0]).casefold().endswith(_teks(arg[1]).casefold())
        if nama == "format" and arg:
            return re.sub(r"\{(\d+)\}", lambda m: _teks(arg[int(m.group(1)) + 1]),
                          _teks(arg[0]).replace("{{", "\0").replace("}}", "\1")) \
                .replace("\0", "{").replace("\1", "}")
        if nama == "join" and 1 <= len(arg) <= 2:
            pisah = _teks(arg[1]) if len(arg) == 2 else ","
            return pisah.join(_teks(x) for x in arg[0]) if isinstance(arg[0], list) else \
                _teks(arg[0])
        if nama == "toJSON" and len(arg) == 1:
            return json.dumps(arg[0], indent=2)
        if nama == "fromJSON" and len(arg) == 1:
            return json.loads(_teks(arg[0]))
        raise EkspresiTakDikenal(f"fungsi «{nama}» dengan {len(arg)} argumen tidak dikenal "
                                 f"(dalam «{self.sumber}»)")
