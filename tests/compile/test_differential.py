"""Differential test: pktscope's parsers and the official compiler's agree, field by field.

A sample of KST formats is compiled by both compilers; the same input bytes are parsed by both
and the object trees (seq fields and instances, recursively) must be equal.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from enum import IntEnum
from pathlib import Path
from typing import Any

import pytest
import yaml

from pktscope.compile.build import compile_spec
from pktscope.compile.python import camel

REPO = Path(__file__).resolve().parents[2]
TESTS = REPO.parent / "shared" / "kaitai" / "tests"
FORMATS = TESTS / "formats"
KST = TESTS / "spec" / "ks"
KSC_JS = REPO.parent / "shared" / "tools" / "ksc.js"

SAMPLE = [
    "bits_simple",
    "bits_enum",
    "buffered_struct",
    "bytes_pad_term",
    "default_endian_mod",
    "enum_0",
    "enum_negative",
    "expr_0",
    "expr_array",
    "expr_io_pos",
    "fixed_struct",
    "floating_points",
    "if_struct",
    "index_sizes",
    "instance_io_user",
    "instance_std_array",
    "nav_parent",
    "nav_parent_switch",
    "position_abs",
    "process_rotate",
    "process_xor4_const",
    "repeat_eos_struct",
    "repeat_n_strz",
    "repeat_until_complex",
    "str_encodings",
    "str_pad_term",
    "switch_integers",
    "switch_manual_int",
    "term_strz",
    "ts_packet_header",
    "user_type",
    "zlib_with_header_78",
    "integers",
    "position_in_seq",
]


def _cases() -> list[tuple[str, str]]:
    out = []
    for name in SAMPLE:
        kst = yaml.safe_load((KST / f"{name}.kst").read_text())
        if kst.get("exception"):
            continue
        out.append((kst["id"], kst["data"]))
    return out


CASES = _cases()


_OFFICIAL: list[Path] = []


@pytest.fixture
def official(ksc: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The official compiler's modules for every sampled format (one node run per session)."""
    if _OFFICIAL:
        return _OFFICIAL[0]
    out = tmp_path_factory.mktemp("official")
    specs = [str(FORMATS / f"{fid}.ksy") for fid, _ in CASES]
    env = dict(os.environ, NODE_PATH=str(ksc / "node_modules"))
    proc = subprocess.run(
        ["node", str(KSC_JS), "--json", "-I", str(FORMATS / "ks_path"), *specs, str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        assert rec["ok"], rec
    _OFFICIAL.append(out)
    return out


def _plain(v: Any, depth: int = 0) -> Any:
    if isinstance(v, IntEnum):
        return int(v)
    if isinstance(v, list):
        return [_plain(x, depth) for x in v]
    return v


def _compare(ours: Any, theirs: Any, path: str, depth: int = 0) -> None:
    assert depth < 30, path
    if hasattr(ours, "SEQ_FIELDS"):
        for name in ours.SEQ_FIELDS:
            if name.startswith("_unnamed"):
                continue
            a = getattr(ours, name)
            if not hasattr(theirs, name):
                assert a is None, f"{path}.{name}: official has none, ours {a!r}"
                continue
            _compare(a, getattr(theirs, name), f"{path}.{name}", depth + 1)
        for name in ours._PKT_INSTANCES:
            try:
                b = getattr(theirs, name)
            except Exception:
                continue
            _compare(getattr(ours, name), b, f"{path}.{name}", depth + 1)
        return
    if isinstance(ours, list):
        assert isinstance(theirs, list) and len(ours) == len(theirs), path
        for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            _compare(a, b, f"{path}[{i}]", depth + 1)
        return
    if isinstance(ours, float):
        assert ours == pytest.approx(theirs), path
        return
    assert _plain(ours) == _plain(theirs), f"{path}: ours {ours!r}, official {theirs!r}"


@pytest.mark.tools
@pytest.mark.parametrize(("fid", "data"), CASES, ids=[c[0] for c in CASES])
def test_same_tree_as_official(official: Path, fid: str, data: str) -> None:
    ours_mod = compile_spec(FORMATS / f"{fid}.ksy", import_paths=[FORMATS / "ks_path"])
    sys.path.insert(0, str(official))
    before = set(sys.modules)
    try:
        theirs_mod = importlib.import_module(fid)
        buf = (TESTS / "src" / data).read_bytes()
        ours = getattr(ours_mod, camel(fid)).from_bytes(buf)
        theirs = getattr(theirs_mod, camel(fid)).from_bytes(buf)
        _compare(ours, theirs, fid)
    finally:
        sys.path.remove(str(official))
        for m in set(sys.modules) - before:
            del sys.modules[m]
