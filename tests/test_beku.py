"""``@beku`` behaves as ``@dataclass(frozen=True)`` does: equality, hashing, order, repr,
immutability, and the dataclass functions — only cheaper to define (see inti/beku.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.inti.beku import beku


@beku(order=True)
class B:
    a: int
    b: str = "x"
    c: tuple[int, ...] = field(default=(), compare=False)


@dataclass(frozen=True, order=True)
class D:
    a: int
    b: str = "x"
    c: tuple[int, ...] = field(default=(), compare=False)


@beku
class Kosong:
    pass


nilai = st.tuples(st.integers(-3, 3), st.sampled_from(["", "x", "y"]),
                  st.tuples(st.integers(0, 2)))


@given(nilai, nilai)
def test_sama_seperti_dataclass_beku(x: tuple[int, str, tuple[int]],
                                     y: tuple[int, str, tuple[int]]) -> None:
    bx, by, dx, dy = B(*x), B(*y), D(*x), D(*y)
    assert (bx == by) == (dx == dy)
    assert (bx < by, bx <= by, bx > by, bx >= by) == (dx < dy, dx <= dy, dx > dy, dx >= dy)
    assert hash(bx) == hash(dx)
    assert repr(bx) == "B" + repr(dx).removeprefix("D")
    assert dataclasses.asdict(bx) == dataclasses.asdict(dx)
    assert dataclasses.replace(bx, a=9) == B(9, *x[1:])


def test_tidak_bisa_diubah() -> None:
    b = B(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.a = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.lain = 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        del b.a  # type: ignore[misc]
    assert b.a == 1


def test_kelas_lain_tidak_sama() -> None:
    lain: list[object] = [D(1), (1, "x")]
    assert all(B(1) != x for x in lain)
    with pytest.raises(TypeError):
        _ = B(1) < D(1)  # type: ignore[operator]
    assert Kosong() == Kosong() and hash(Kosong()) == hash(()) and repr(Kosong()) == "Kosong()"


@beku
class Pabrik:
    isi: dict[str, int] = field(default_factory=dict)
    daftar: list[int] = field(default_factory=list)


@beku
class Induk:
    a: int
    b: int = 2


@beku
class Anak(Induk):
    c: str = "c"
    dicatat: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.dicatat.append(f"{self.a}{self.b}{self.c}")


@beku
class BelumDibuat:
    a: int
    b: tuple[int, ...] = ()


def test_init_dibuat_saat_pertama_dipakai() -> None:
    """``__init__`` is made when a class is first instantiated: the same arguments, defaults,
    factories (a new value each time), inherited fields first, and ``__post_init__``."""
    p, q = Pabrik(), Pabrik()
    assert p == q and p.isi is not q.isi and p.daftar is not q.daftar
    assert Pabrik({"x": 1}).isi == {"x": 1}
    x = Anak(1)
    assert (x.a, x.b, x.c, x.dicatat) == (1, 2, "c", ["12c"])
    assert Anak(1, 3, "d").dicatat == ["13d"] and Anak(a=4, c="e").dicatat == ["42e"]
    assert [f.name for f in dataclasses.fields(Anak)] == ["a", "b", "c", "dicatat"]
    assert Induk(1) == Induk(1, 2) != Induk(1, 3)
    for salah in ((), (1, 2, 3, 4, 5)):
        with pytest.raises(TypeError):
            Anak(*salah)
    with pytest.raises(TypeError):
        Induk(1, z=2)  # type: ignore[call-arg]
    with pytest.raises(dataclasses.FrozenInstanceError):
        x.a = 2  # type: ignore[misc]


def test_dibaca_dari_pickle_sebelum_dibuat() -> None:
    """A value read back from a pickle (the second prover's answer) is whole even when its class
    was never instantiated in this process."""
    import pickle
    import subprocess
    import sys

    data = subprocess.run(
        [sys.executable, "-c", "import pickle, sys; from test_beku import BelumDibuat; "
         "sys.stdout.buffer.write(pickle.dumps(BelumDibuat(1, (2,))))"],
        capture_output=True, check=True, cwd=__file__.rsplit("/", 1)[0]).stdout
    # not instantiated here yet: its __init__ is still the one that makes the real one
    assert BelumDibuat.__dict__["__init__"].__qualname__ == "_init_pertama.<locals>.__init__"
    x = pickle.loads(data)
    assert x == BelumDibuat(1, (2,)) and hash(x) == hash(BelumDibuat(1, (2,)))
    assert dataclasses.replace(x, a=3) == BelumDibuat(3, (2,)) and repr(x) == \
        "BelumDibuat(a=1, b=(2,))"


def test_nama_bidang_bebas_dan_yang_tidak_didukung_ditolak() -> None:
    """Any field name works (the made __init__'s own names cannot collide); what it would not
    honour is refused where the class is written."""
    from dataclasses import InitVar
    from typing import ClassVar

    @beku
    class Nama:
        d: int
        self: str = "s"

    assert (Nama(1).d, Nama(1, "t").self) == (1, "t")
    for tulis in (
            lambda: beku(type("K", (), {"__annotations__": {"x": int}, "x": field(init=False)})),
            lambda: beku(type("K", (), {"__annotations__": {"x": int},
                                        "x": field(kw_only=True)})),
            lambda: beku(type("K", (), {"__annotations__": {"x": ClassVar[int]}, "x": 1})),
            lambda: beku(type("K", (), {"__annotations__": {"x": InitVar[int]}})),
            lambda: beku(type("K", (), {"__annotations__": {"_beku_isi": int}}))):
        with pytest.raises(TypeError, match="not supported"):
            tulis()
