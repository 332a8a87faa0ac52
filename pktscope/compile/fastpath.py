"""Which types of a spec are read from a buffer instead of through their stream.

A type in *buffer mode* gets ``_pkt_read(self, _B, _o, _z, _p)``: its fields are read straight
from the bytes ``_B`` (its stream's bytes start at ``_B[_o]``, hold ``_z`` bytes, ``_p`` is the
stream position) with precompiled ``struct.Struct.unpack_from`` calls and slices, and user
types of the spec it reads are made the same way on the same buffer: no stream object, no
sub-stream copy. ``_read()`` (the official constructor's path) calls it on the bytes of
``self._io`` when that is an in-memory stream with no bits pending and puts the stream where
the reads ended (``_pkt_enter``); on any other stream (a file, a reader refusing its buffer)
it runs the stream code every type keeps. An object made in buffer mode gets its ``_io`` on
first use (``_PktLazyIo``). Spans and errors are recorded exactly as in stream
mode (``docs/spans.md``).

A type keeps its stream code when it reads anything the buffer code does not: bit fields
outside byte-aligned groups, terminators, ``process``, switched endianness, stream expressions
other than its own ``_io.eof``/``_io.size``/``_io.pos``, or a user type of this spec in place
(no size) that is itself in stream mode. A type of another spec (compiled on its own) is read
from the buffer when its class has ``_pkt_read``, checked at run time; otherwise it is built
on a sub-stream of its bytes (sized) or on the object's own stream (in place, which is put back
where the buffer reads end: ``_pkt_resync``). Since instances read lazily and may look at the
stream position, a spec with an instance that reads at the current position or looks at
``_io.pos``/``_io.eof``/``_sizeof`` keeps stream mode everywhere. The decision is made by
generating each type's buffer code once (``ReadEmitter.bad`` names what did not fit) until no
type drops out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pktscope.compile.emit import Emitter
from pktscope.errors import CompileError, SpecError
from pktscope.spec.model import Attr, TypeDef
from pktscope.spec.types import walk_types

if TYPE_CHECKING:
    from pktscope.compile.python import ModuleGen

__all__ = ["fast_types"]

_POSITIONAL = re.compile(r"\b_io\s*\.\s*(pos|eof)\b|_sizeof\b")


def _instance_exprs(a: Attr) -> list[str]:
    return [e.text for e in (a.value, a.pos, a.io, a.size, a.if_expr, a.repeat_expr) if e]


def _spec_allows(types: list[TypeDef]) -> bool:
    """No instance whose value depends on where the stream stands when it is evaluated."""
    for t in types:
        for a in t.instances:
            if a.kind != "value" and a.pos is None:
                return False
            if any(_POSITIONAL.search(x) for x in _instance_exprs(a)):
                return False
    return True


def fast_types(gen: ModuleGen, dry_run: Callable[[Emitter, TypeDef], str | None]) -> set[int]:
    """``id()`` of the types of ``gen``'s spec read in buffer mode. ``dry_run(em, t)``
    generates ``t``'s buffer code and returns the reason it does not fit (None: it fits); it
    is run against the current candidate set (``gen.fast``) until nothing changes."""
    types = walk_types(gen.spec.root)
    if not _spec_allows(types):
        return set()
    fast = {id(t) for t in types}
    gen.fast = fast
    asked: dict[int, set[int]] = {}  # type -> the types whose mode its buffer code depends on
    todo = list(types)
    while todo:
        dropped: set[int] = set()
        for t in todo:
            if id(t) not in fast:
                continue
            gen.asked = asked[id(t)] = set()
            try:
                bad = dry_run(Emitter(), t)
            except (SpecError, CompileError):
                bad = "error"  # reported by the stream-mode generation
            if bad is not None or t.endian_switch_owner() is not None:
                fast.discard(id(t))
                dropped.add(id(t))
        gen.asked = None
        # only types whose code asked about a dropped type can change
        todo = [t for t in types if id(t) in fast and asked[id(t)] & dropped]
    return fast
