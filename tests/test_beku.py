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
