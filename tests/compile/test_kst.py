"""Run every Kaitai Struct conformance test (``spec/ks/*.kst``) against pktscope's compiler.

Each ``.kst`` names a format (``formats/<id>.ksy``), an input (``src/<data>``), assertions
(``actual`` / ``expected`` expressions, evaluated with pktscope's own expression translation on
the parsed root) and/or an expected exception. Known failures are listed, with a reason, in
``kst_allowlist.txt``; an allowlisted test that passes fails (so the list stays honest).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import kaitaistruct
import pytest
import yaml

from pktscope import errors
from pktscope.compile.translate import translate
from pktscope.spec.expr import parse_expr
from pktscope.spec.expr_ast import FloatLit

REPO = Path(__file__).resolve().parents[2]
KAITAI_TESTS = REPO.parent / "shared" / "kaitai" / "tests"
KAITAI_FORMATS = REPO.parent / "shared" / "kaitai" / "formats"

KST_DIR = KAITAI_TESTS / "spec" / "ks"
FORMATS = KAITAI_TESTS / "formats"
SRC = KAITAI_TESTS / "src"
SUPPORT = Path(__file__).parent / "kst_support"
ALLOWLIST = Path(__file__).parent / "kst_allowlist.txt"

_cache: dict[str, Any] = {}


def _allowlist() -> dict[str, str]:
    out: dict[str, str] = {}
    if ALLOWLIST.exists():
        for line in ALLOWLIST.read_text().splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, reason = line.partition(" ")
                out[name] = reason.strip()
    return out


ALLOW = _allowlist()
KSTS = sorted(p.stem for p in KST_DIR.glob("*.kst"))


def _module(fmt_id: str) -> Any:
    if fmt_id not in _cache:
        from pktscope.compile.build import compile_spec

        if str(SUPPORT) not in sys.path:
            sys.path.insert(0, str(SUPPORT))
        try:
            _cache[fmt_id] = compile_spec(
                FORMATS / f"{fmt_id}.ksy",
                import_paths=[FORMATS / "ks_path", KAITAI_FORMATS],
                allow_process_modules=True,
            )
        except Exception as exc:  # cached so each failing format compiles once
            _cache[fmt_id] = exc
    mod = _cache[fmt_id]
    if isinstance(mod, Exception):
        raise mod
    return mod


def _exc_class(name: str) -> type[BaseException]:
    name = name.split("<", 1)[0]
    if name == "EndOfStreamError":
        return EOFError
    if name == "ConversionError":
        return (ValueError, errors.DecodeError)  # type: ignore[return-value]
    if name == "UndecidedEndiannessError":
        return errors.DecodeError
    cls = getattr(kaitaistruct, name, None)
    assert isinstance(cls, type), f"unknown exception {name}"
    return cls


def _eval(mod: Any, root: Any, text: str) -> Any:
    from pktscope.compile.build import module_context

    ctx = module_context(mod, "_kst_root")
    if text is None or text == "null":
        return None
    node = parse_expr(str(text) if not isinstance(text, bool) else str(text).lower())
    src = translate(node, ctx)
    return eval(src, dict(mod.__dict__, **mod._pkt_modules, _kst_root=root))


def _same(actual: Any, expected: Any, expected_text: str) -> bool:
    if isinstance(expected, float) or isinstance(actual, float):
        return math.isclose(actual, expected, rel_tol=1e-6, abs_tol=1e-6)
    if isinstance(expected, bytes) and isinstance(actual, list):
        return bytes(actual) == expected
    if isinstance(actual, bytes) and isinstance(expected, list):
        return actual == bytes(expected)
    return bool(actual == expected)


@pytest.mark.parametrize("name", KSTS)
def test_kst(name: str) -> None:
    reason = ALLOW.get(name)
    try:
        _run(name)
    except BaseException as exc:
        if reason is not None and not isinstance(exc, KeyboardInterrupt):
            pytest.xfail(reason)
        raise
    if reason is not None:
        pytest.fail(f"{name} passes now: remove it from kst_allowlist.txt")


def _run(name: str) -> None:
    kst = yaml.safe_load((KST_DIR / f"{name}.kst").read_text())
    fmt_id = kst["id"]
    mod = _module(fmt_id)
    from pktscope.compile.python import camel

    cls = getattr(mod, camel(fmt_id))
    data = (SRC / kst["data"]).read_bytes()
    exc_spec = kst.get("exception")
    asserts = kst.get("asserts") or []
    if exc_spec:
        exc_name = exc_spec["type"] if isinstance(exc_spec, dict) else exc_spec
        with pytest.raises(_exc_class(exc_name)) as info:
            cls.from_bytes(data)
        assert isinstance(info.value, errors.DecodeError), type(info.value)
        if not asserts:
            return
        root = info.value.partial
    elif name.startswith("debug_"):
        # debug-mode specs read what they can; an error leaves the partial tree to check
        try:
            root = cls.from_bytes(data)
        except errors.DecodeError as exc:
            root = exc.partial
    else:
        root = cls.from_bytes(data)
    for a in asserts:
        if "exception" in a:
            with pytest.raises(_exc_class(a["exception"])):
                _eval(mod, root, a["actual"])
            continue
        actual = _eval(mod, root, a["actual"])
        exp_text = a["expected"]
        expected = _eval(mod, root, exp_text)
        assert _same(actual, expected, str(exp_text)), (
            f"{a['actual']}: got {actual!r}, expected {expected!r} ({exp_text})"
        )


_ = FloatLit
