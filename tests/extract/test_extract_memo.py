"""The memo folding pass: same results, lookups turned into plain locals where certain."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pktscope.extract.memo import fold_memos


def _lazy(name: str, value: str) -> str:
    return f"({name} if {name} is not _NO else ({name} := {value}))"


A = _lazy("_m_a", "calc('a', x + 1)")
B = _lazy("_m_b", f"calc('b', {A} * 2)")

PROGRAM = f"""
def f(x, y, z):
    _m_a = _NO
    _m_b = _NO
    out = []
    if y:
        out.append({A})
    if z and {B} > 3:
        out.append({A})
    out.append({B})
    while x < 3:
        x += 1
        _m_a = _NO
        out.append({A})
        if z:
            break
    out.append({A} + {B})
    return out
"""


def _run(source: str, args: tuple[Any, ...]) -> tuple[Any, list[str]]:
    calls: list[str] = []

    def calc(name: str, value: int) -> int:
        calls.append(name)
        return value

    ns: dict[str, Any] = {"_NO": object(), "calc": calc}
    exec(compile(source, "<test>", "exec"), ns)
    return ns["f"](*args), calls


def test_same_values_and_same_computations() -> None:
    folded = fold_memos(PROGRAM)
    assert folded != PROGRAM
    for args in itertools.product(range(-1, 4), (0, 1), (0, 1)):
        assert _run(folded, args) == _run(PROGRAM, args)


@given(st.integers(-5, 5), st.booleans(), st.booleans())
def test_same_results_any_input(x: int, y: bool, z: bool) -> None:
    assert _run(fold_memos(PROGRAM), (x, y, z)) == _run(PROGRAM, (x, y, z))


def test_certain_lookups_become_locals() -> None:
    src = f"def f(x):\n    _m_a = _NO\n    u = {A}\n    v = {A}\n    return u + v\n"
    folded = fold_memos(src)
    assert "is not _NO" not in folded  # first: a plain assignment, then a plain local
    assert "(_m_a := calc('a', x + 1))" in folded
    assert "v = _m_a" in folded
    assert "_m_a = _NO" not in folded  # no lazy lookup left: the reset is never seen
    assert _run(folded, (1,)) == _run(src, (1,)) == (4, ["a"])


def test_a_conditional_first_use_stays_lazy() -> None:
    src = f"def f(x):\n    _m_a = _NO\n    if x:\n        u = {A}\n    return {A}\n"
    folded = fold_memos(src)
    assert folded.count("is not _NO") == 1  # the return: set on one branch only
    assert "_m_a = _NO" in folded
    for x in (0, 1):
        assert _run(folded, (x,)) == _run(src, (x,))


def test_short_circuit_operand_is_not_certain() -> None:
    src = f"def f(x):\n    _m_a = _NO\n    u = x and {A}\n    return {A}\n"
    folded = fold_memos(src)
    assert folded.count("is not _NO") == 1
    for x in (0, 1):
        assert _run(folded, (x,)) == _run(src, (x,))


def test_unmodelled_code_is_left_as_is() -> None:
    src = f"def f(x):\n    _m_a = _NO\n    return [{A} for _ in range(x)]\n"
    assert fold_memos(src) == src
