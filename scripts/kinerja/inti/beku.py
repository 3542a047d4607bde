"""Immutable value records: ``@beku`` instead of ``@dataclass(frozen=True)``.

Why not the standard decorator: on Python 3.11 a frozen dataclass compiles six methods with
``exec`` when its module is imported (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__``, ``__delattr__``); kinerja's hundred-odd records then cost about a third of
every command's start-up (measured by ``bench/periksa.py``). ``@beku`` is still a dataclass
(``fields``, ``replace`` and ``asdict`` work, and type checkers see frozen dataclass semantics
through ``dataclass_transform``), but only ``__init__`` is generated — when the class is first
instantiated, since a command makes only some of the records its modules define; equality,
hashing, order and ``repr`` are shared functions over the compared fields, as the generated ones
would be, and a field is written once — by ``__init__`` — and never again.
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


_BAWAAN = object()  # a field with a default factory that was not given


def _init(cls: type) -> Callable[..., None]:
    """``cls.__init__``: the fields in order, each with its default or default factory, written
    into the instance's dict (the value's own assignment, once; ``_tetap`` refuses any after).
    Its own names start with «_beku_», which no field may."""
    ns: dict[str, Any] = {"_beku_bawaan": _BAWAAN}
    param, badan = [], []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            ns[f"_beku_d_{f.name}"] = f.default
            param.append(f"{f.name}=_beku_d_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            ns[f"_beku_p_{f.name}"] = f.default_factory
            param.append(f"{f.name}=_beku_bawaan")
            badan.append(f"    if {f.name} is _beku_bawaan:\n        {f.name} = _beku_p_{f.name}()")
        else:
            param.append(f.name)
        badan.append(f"    _beku_isi[{f.name!r}] = {f.name}")
    if hasattr(cls, "__post_init__"):
        badan.append("    _beku_diri.__post_init__()")
    teks = f"def __init__(_beku_diri, {', '.join(param)}):\n    _beku_isi = _beku_diri.__dict__\n"
    exec(teks + "\n".join(badan) + "\n", ns)  # our own source, made from the field list
    fungsi: Callable[..., None] = ns["__init__"]
    fungsi.__qualname__ = f"{cls.__qualname__}.__init__"
    return fungsi


def _init_pertama(cls: type) -> Callable[..., None]:
    """An ``__init__`` that makes the real one when the class is first instantiated: a module
    defines many records a command never makes, and compiling each one's ``__init__`` at import
    was a fifth of start-up."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if cls.__dict__.get("__init__") is __init__:
            type.__setattr__(cls, "__init__", _init(cls))
        cls.__init__(self, *args, **kwargs)  # type: ignore[misc]

    return __init__


def _jadikan(cls: T, order: bool) -> T:
    if cls.__doc__ is None:  # else dataclasses builds one from inspect.signature, at import
        cls.__doc__ = cls.__name__
    # the same class, with its fields; __init__ is made on first use (_init_pertama)
    dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    type.__setattr__(cls, "__init__", _init_pertama(cls))
    fields = dataclasses.fields(cls)
    # What the made __init__ does not do, refused where the class is written, not at its first
    # use: a ClassVar or InitVar annotation (a pseudo-field), a field outside __init__ or
    # keyword-only, a name the made __init__ uses itself.
    salah = [f.name for f in fields if not f.init or f.kw_only is True or
             f.name.startswith("_beku_")]
    if salah or len(fields) != len(getattr(cls, "__dataclass_fields__", {})):
        raise TypeError(f"@beku {cls.__qualname__}: ClassVar, InitVar, init=False, kw_only and "
                        f"names starting with _beku_ are not supported ({', '.join(salah)})")
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
