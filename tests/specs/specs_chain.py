"""Test helpers for the bundled specs: compile them, read captures, chain layers by hand.

This is a small, independent reference of the layering contract in ``specs/README.md``
(``-pktscope-payload``, ``-pktscope-aliases``), used to check the specs against tshark before
and besides ``pktscope.dissect``. Cut:

- :func:`read_capture` — a throwaway pcap/pcapng reader (frames + link type), no pktscope code;
- :func:`compile_specs` — pktscope's compiler when it exists, else the official one (``--debug``
  mode, so a failed ``_read()`` leaves the partial object reachable);
- :func:`decode_chain` — link type → spec → payload spec, per the README algorithm;
- :func:`resolve` — field paths with ``[]`` (every element) and aliases.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "specs"
SHARED = REPO.parent / "shared"
CAPTURES = SHARED / "captures"
KSC_JS = SHARED / "tools" / "ksc.js"

HINT_PREFIX = "-pktscope-"


def require_tool(name: str, found: bool, hint: str = "") -> None:
    """Skip (or fail under PKTSCOPE_REQUIRE_TOOLS=1) when ``found`` is false (as tests/conftest)."""
    import pytest

    if found:
        return
    message = f"{name} is not available{': ' + hint if hint else ''}"
    if os.environ.get("PKTSCOPE_REQUIRE_TOOLS") == "1":
        pytest.fail(message + " (PKTSCOPE_REQUIRE_TOOLS=1)")
    pytest.skip(message)


# ---------------------------------------------------------------- captures


@dataclass
class Frame:
    number: int
    linktype: int
    data: bytes
    orig_len: int


def read_capture(path: Path) -> Iterator[Frame]:
    """Yield the frames of a pcap (either byte order, usec/nsec) or pcapng file."""
    buf = path.read_bytes()
    magic = buf[:4]
    if magic == b"\x0a\x0d\x0d\x0a":
        yield from _read_pcapng(buf)
        return
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        end = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        end = ">"
    else:
        raise ValueError(f"{path.name}: unknown capture magic {magic.hex()}")
    linktype = struct.unpack_from(end + "I", buf, 20)[0] & 0xFFFF  # high bits: FCS info
    pos, number = 24, 0
    while pos + 16 <= len(buf):
        _, _, incl, orig = struct.unpack_from(end + "IIII", buf, pos)
        pos += 16
        number += 1
        yield Frame(number, linktype, buf[pos : pos + incl], orig)
        pos += incl


def _read_pcapng(buf: bytes) -> Iterator[Frame]:
    pos, number, end = 0, 0, "<"
    linktypes: list[int] = []
    while pos + 12 <= len(buf):
        btype = struct.unpack_from(end + "I", buf, pos)[0]
        if btype == 0x0A0D0D0A:
            end = "<" if buf[pos + 8 : pos + 12] == b"\x4d\x3c\x2b\x1a" else ">"
            linktypes = []
        blen = struct.unpack_from(end + "I", buf, pos + 4)[0]
        if btype == 1:
            linktypes.append(struct.unpack_from(end + "H", buf, pos + 8)[0])
        elif btype == 6:
            iface, _, _, incl, orig = struct.unpack_from(end + "IIIII", buf, pos + 8)
            number += 1
            yield Frame(number, linktypes[iface], buf[pos + 28 : pos + 28 + incl], orig)
        elif btype == 3:
            orig = struct.unpack_from(end + "I", buf, pos + 8)[0]
            number += 1
            data = buf[pos + 12 : pos + blen - 4][:orig]
            yield Frame(number, linktypes[0], data, orig)
        pos += blen


def read_truth(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


# ---------------------------------------------------------------- specs


@dataclass
class Spec:
    id: str
    cls: Any  # a generated KaitaiStruct class
    hints: dict[str, Any]
    debug_mode: bool  # official --debug output: construct, then _read() by hand

    def decode(self, buf: bytes) -> tuple[Any, BaseException | None]:
        """Decode ``buf``; return the (possibly partial) root object and the error, if any."""
        from kaitaistruct import KaitaiStream

        if self.debug_mode:
            obj = self.cls(KaitaiStream(io.BytesIO(buf)))
            try:
                obj._read()
            except Exception as exc:  # the caller classifies the error
                return obj, exc
            return obj, None
        try:
            return self.cls.from_bytes(buf), None
        except Exception as exc:  # the caller classifies the error
            return getattr(exc, "partial", None), exc


def spec_hints(path: Path) -> dict[str, Any]:
    """The root type's ``-pktscope-*`` keys (top level and under meta), prefix stripped."""
    data = yaml.safe_load(path.read_text())
    hints: dict[str, Any] = {}
    for src in (data.get("meta", {}), data):
        for key, value in src.items():
            if isinstance(key, str) and key.startswith(HINT_PREFIX):
                hints[key[len(HINT_PREFIX) :]] = value
    return hints


def camel(spec_id: str) -> str:
    return "".join(part.capitalize() for part in spec_id.split("_"))


def our_compiler() -> Any | None:
    """``pktscope.compile.build.compile_spec`` if it has landed, else None."""
    try:
        from pktscope.compile.build import compile_spec
    except ImportError:
        return None
    return compile_spec


def ksc_dir() -> Path | None:
    for cand in (os.environ.get("PKTSCOPE_KSC_DIR"), str(REPO / ".tools" / "ksc"), "/tmp/ksc"):
        if cand and (Path(cand) / "node_modules" / "kaitai-struct-compiler").is_dir():
            return Path(cand)
    return None


def official_compile(
    paths: list[Path], outdir: Path, *, debug: bool = True
) -> list[dict[str, Any]]:
    """Run the official compiler on ``paths``; return its JSON lines."""
    kdir = ksc_dir()
    node = shutil.which("node")
    if kdir is None or node is None:
        raise RuntimeError("official kaitai compiler not available")
    argv = [node, str(KSC_JS), "--json"] + (["--debug"] if debug else [])
    argv += [str(p) for p in paths] + [str(outdir)]
    env = dict(os.environ, NODE_PATH=str(kdir / "node_modules"))
    out = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120, check=False)
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def _import_file(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_pktscope_specs_test.{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def compile_specs(compiler: str) -> dict[str, Spec]:
    """Compile every ``specs/*.ksy`` with ``compiler`` (``"pktscope"`` or ``"official"``)."""
    paths = sorted(SPECS.glob("*.ksy"))
    specs: dict[str, Spec] = {}
    if compiler == "pktscope":
        ours = our_compiler()
        if ours is None:
            raise RuntimeError("pktscope.compile.build.compile_spec is not available")
        for path in paths:
            module = ours(path, import_paths=[str(SPECS)])
            cls = getattr(module, camel(path.stem))
            specs[path.stem] = Spec(path.stem, cls, spec_hints(path), debug_mode=False)
        return specs
    outdir = Path(tempfile.mkdtemp(prefix="pktscope-specs-"))
    try:
        results = official_compile(paths, outdir)
        bad = [r for r in results if not r.get("ok")]
        if bad or len(results) != len(paths):
            raise RuntimeError(f"official compiler failed: {bad or results}")
        for path in paths:
            module = _import_file(path.stem, outdir / f"{path.stem}.py")
            cls = getattr(module, camel(path.stem))
            specs[path.stem] = Spec(path.stem, cls, spec_hints(path), debug_mode=True)
    finally:
        shutil.rmtree(outdir, ignore_errors=True)
    return specs


def compiler_params() -> list[Any]:
    """``pktscope`` (needs nothing external) and ``official`` (needs node: marked tools)."""
    import pytest

    return ["pktscope", pytest.param("official", marks=pytest.mark.tools)]


def capture_files() -> list[Path]:
    return sorted(p for p in CAPTURES.iterdir() if p.is_file() and p.suffix != ".md")


@cache
def _compiled(compiler: str) -> dict[str, Spec]:
    return compile_specs(compiler)


def specs_for(compiler: str) -> dict[str, Spec]:
    """The compiled specs (cached per process); skips when that compiler is missing."""
    if compiler == "pktscope":
        if our_compiler() is None:
            import pytest

            pytest.skip("pktscope.compile.build.compile_spec has not landed yet")
    else:
        require_tool("node", shutil.which("node") is not None)
        require_tool("the reference Kaitai compiler", ksc_dir() is not None, "make tools")
    return _compiled(compiler)


# ---------------------------------------------------------------- chain


@dataclass
class Layer:
    spec: str
    obj: Any
    offset: int  # of this layer's bytes in the frame
    buf: bytes
    error: BaseException | None = None
    payload_truncated: bool = False  # declared payload end beyond the captured bytes
    payload_malformed: bool = False  # declared payload end before the payload start
    quoted: bool = False  # inside a quoted excerpt (ICMP error): errors here are expected
    notes: list[str] = field(default_factory=list)


def attr(obj: Any, name: str) -> Any:
    """Attribute ``name`` of a decoded object, or None when absent or not evaluable."""
    if obj is None:
        return None
    try:
        return getattr(obj, name, None)
    except Exception:  # an instance over a partial object: absent
        return None


def field_start(obj: Any, name: str, value: Any) -> int | None:
    """Start offset of seq field ``name`` in the layer's buffer."""
    span = getattr(obj, "_pkt_span", None)
    if span is not None:
        got = span(name)
        return None if got is None else int(got[0])
    debug = getattr(obj, "_debug", None)
    if debug is not None and name in debug and "start" in debug[name]:
        return int(debug[name]["start"])
    return None if value is None else len(obj._io.to_byte_array()) - len(value)


def decode_chain(
    specs: dict[str, Spec], linktype: int, frame: bytes, max_layers: int = 16
) -> list[Layer]:
    """Decode ``frame`` layer by layer following each spec's ``-pktscope-payload``."""
    first = next((s for s in specs.values() if linktype in (s.hints.get("linktypes") or [])), None)
    layers: list[Layer] = []
    spec, buf, offset, quoted = first, frame, 0, False
    while spec is not None and buf and len(layers) < max_layers:
        obj, err = spec.decode(buf)
        layer = Layer(spec.id, obj, offset, buf, err, quoted=quoted)
        layers.append(layer)
        payload = spec.hints.get("payload")
        if not payload or obj is None:
            break
        nxt, start, pbuf = _next_layer(specs, layer, payload)
        spec, buf, offset = nxt, pbuf, offset + start
        quoted = quoted or bool(payload.get("quoted"))
    return layers


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool | bytes | str):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _next_layer(
    specs: dict[str, Spec], layer: Layer, payload: dict[str, Any]
) -> tuple[Spec | None, int, bytes]:
    obj, buf = layer.obj, layer.buf
    if "field" in payload:
        value = attr(obj, payload["field"])
        if value is None:
            return None, 0, b""
        start = field_start(obj, payload["field"], value)
    else:
        start = _int(attr(obj, payload["offset"]))
    if start is None:
        return None, 0, b""
    declared: int | None = None
    if "end" in payload:
        declared = _int(attr(obj, payload["end"]))
    elif "length" in payload:
        length = _int(attr(obj, payload["length"]))
        declared = None if length is None else start + length
    end = len(buf)
    if declared is not None:
        if declared < start:
            layer.payload_malformed = True
            end = start
        elif declared > len(buf):
            layer.payload_truncated = True
        else:
            end = declared
    pbuf = buf[start:end]
    if "when" in payload and not attr(obj, payload["when"]):
        return None, start, pbuf
    table = {_key(k): v for k, v in (payload.get("next") or {}).items()}
    target: str | None = None
    for name in payload.get("next-on") or []:
        key = _int(attr(obj, name))
        if key is not None and key in table:
            target = table[key]
            break
    if target is None:
        target = payload.get("default")
    if target is None or not pbuf:
        return None, start, pbuf
    return specs[target], start, pbuf


def _key(k: Any) -> int:
    return int(k, 0) if isinstance(k, str) else int(k)


# ---------------------------------------------------------------- paths


def resolve(obj: Any, path: str, hints: dict[str, Any] | None = None) -> list[Any]:
    """All values at ``path`` (``a.b[2].c``; ``[]`` = every element), aliases first.

    An alias (``-pktscope-aliases``) resolves to the first hit of its first matching path.
    """
    aliases = (hints or {}).get("aliases") or {}
    head = path.split(".", 1)[0]
    if head in aliases:
        paths = aliases[head]
        for alias in [paths] if isinstance(paths, str) else paths:
            hits = _walk([obj], alias.split("."))
            if hits:
                rest = path.split(".", 1)[1:]
                return _walk(hits[:1], rest[0].split(".")) if rest else hits[:1]
        return []
    return _walk([obj], path.split("."))


def _walk(objs: list[Any], steps: list[str]) -> list[Any]:
    for step in steps:
        name, _, index = step.partition("[")
        out: list[Any] = []
        for o in objs:
            value = attr(o, name)
            if value is None:
                continue
            if index == "]":
                out.extend(v for v in value if v is not None)
            elif index:
                i = int(index[:-1])
                if i < len(value):
                    out.append(value[i])
            else:
                out.append(value)
        objs = out
    return objs
