"""pktscope: inspect struct-defined binary protocols, every field tied to its bytes.

The public API (see DESIGN.md). Names are imported lazily so that ``import pktscope`` stays
cheap for the CLI and the TUI; each lives in the module named for its concept.

>>> import pktscope
>>> pkt = pktscope.decode(frame_bytes, spec="eth")          # doctest: +SKIP
>>> pkt["dhcp.chaddr"].hex(":")                              # doctest: +SKIP
'00:16:3e:6f:43:f4:00:00:00:00:00:00:00:00:00:00'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pktscope.errors import (
    CaptureError,
    CompileError,
    DecodeError,
    ExpressionError,
    PktscopeError,
    SpecError,
    ToolError,
    TruncatedError,
    ValidationError,
)

if TYPE_CHECKING:
    from pktscope.capture.open import open_records
    from pktscope.compile.build import compile_spec
    from pktscope.dissect.capture import Capture, open_capture
    from pktscope.dissect.chain import decode
    from pktscope.dissect.registry import load_spec
    from pktscope.fields.field import Field
    from pktscope.fields.packet import Packet
    from pktscope.render.hexdump import hexdump
    from pktscope.render.hexstr import hexstr

__version__ = "0.1.0"

_LAZY = {
    "compile_spec": "pktscope.compile.build",
    "load_spec": "pktscope.dissect.registry",
    "decode": "pktscope.dissect.chain",
    "open_capture": "pktscope.dissect.capture",
    "Capture": "pktscope.dissect.capture",
    "open_records": "pktscope.capture.open",
    "Field": "pktscope.fields.field",
    "Packet": "pktscope.fields.packet",
    "hexdump": "pktscope.render.hexdump",
    "hexstr": "pktscope.render.hexstr",
}

__all__ = [
    "Capture",
    "CaptureError",
    "CompileError",
    "DecodeError",
    "ExpressionError",
    "Field",
    "Packet",
    "PktscopeError",
    "SpecError",
    "ToolError",
    "TruncatedError",
    "ValidationError",
    "__version__",
    "compile_spec",
    "decode",
    "hexdump",
    "hexstr",
    "load_spec",
    "open_capture",
    "open_records",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pktscope' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
