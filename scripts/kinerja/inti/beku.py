"""Immutable value records: ``@beku`` instead of ``@dataclass(frozen=True)``.

Why not the standard decorator: on Python 3.11 a frozen dataclass compiles six methods with
``exec`` when its module is imported (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__``, ``__delattr__``); kinerja's hundred-odd records then cost about a third of
every command's start-up (measured by ``bench/periksa.py``). ``@beku`` is still a dataclass
(``fields``, ``replace`` and ``asdict`` work, and type checkers see frozen dataclass semantics
through ``dataclass_transform``), but only ``__init__`` is generated; equality, hashing, order
and ``repr`` are shared functions over the compared fields, as the generated ones would be, and
a field can be assigned once — by ``__init__`` — and never again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T", bound=type)

_KUNCI = "__kinerja_kunci__"  # the class's compared fields, as a function of the instance


def _tetap(self: Any, nama: str, isi: Any) -> None:
    # __init__ sets each field once; anything after that is a change, which a value refuses
    isi_ = self.__dict__
    if nama in isi_ or nama not in self.__dataclass_fields__:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {nama!r}")
    isi_[nama] = isi


def _hapus(self: Any, nama: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {nama!r}")


def _sama(self: Any, lain: object) -> object:
    if lain.__class__ is not self.__class__:
        return NotImplemented  # another class: Python then asks the other operand
    kunci = getattr(self.__class__, _KUNCI)
    return bool(kunci(self) == kunci(lain))


def _hash(self: Any) -> int:
    return hash(getattr(self.__class__, _KUNCI)(self))


def _repr(self: Any) -> str:
    isi = ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                    for f in dataclasses.fields(self) if f.repr)
    return f"{self.__class__.__qualname__}({isi})"


def _urutan(banding: Callable[[tuple[Any, ...], tuple[Any, ...]], bool]) -> Any:
    def bandingkan(self: Any, lain: object) -> object:
        if lain.__class__ is not self.__class__:
            return NotImplemented  # another class: Python then asks the other operand
        kunci = getattr(self.__class__, _KUNCI)
        return banding(kunci(self), kunci(lain))

    return bandingkan


_URUTAN = {
    "__lt__": _urutan(lambda a, b: a < b), "__le__": _urutan(lambda a, b: a <= b),
    "__gt__": _urutan(lambda a, b: a > b), "__ge__": _urutan(lambda a, b: a >= b),
}


def _kunci(nama: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    if not nama:
        return lambda _self: ()
    if len(nama) == 1:
        satu = nama[0]
        return lambda self: (getattr(self, satu),)
    ambil: Callable[[Any], tuple[Any, ...]] = attrgetter(*nama)
    return ambil


def _jadikan(cls: T, order: bool) -> T:
    if cls.__doc__ is None:  # else dataclasses builds one from inspect.signature, at import
        cls.__doc__ = cls.__name__
    dataclasses.dataclass(cls, repr=False, eq=False)  # the same class, with fields and __init__
    fields = dataclasses.fields(cls)
    setattr(cls, _KUNCI, staticmethod(_kunci([f.name for f in fields if f.compare])))
    metode: dict[str, Any] = {"__setattr__": _tetap, "__delattr__": _hapus, "__eq__": _sama,
                              "__hash__": _hash, "__repr__": _repr}
    if order:
        metode.update(_URUTAN)
    for nama, fungsi in metode.items():
        if nama not in cls.__dict__ or (nama == "__hash__" and cls.__dict__[nama] is None):
            setattr(cls, nama, fungsi)
    return cls


@overload
def beku(cls: T, /) -> T: ...
@overload
def beku(*, order: bool = False) -> Callable[[T], T]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def beku(cls: T | None = None, /, *, order: bool = False) -> T | Callable[[T], T]:
    """A frozen dataclass, made without compiling its comparison methods (see the module)."""
    if cls is None:
        return lambda c: _jadikan(c, order)
    return _jadikan(cls, order)
