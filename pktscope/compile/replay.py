"""Buffer-mode code generated once per type, not twice.

Deciding which types read in buffer mode (:mod:`pktscope.compile.fastpath`) generates each
candidate's buffer code in a dry run; the module pass used to generate it all again. A dry run
that fits is now *recorded*: its lines, with every module-level name it asked for (a
``struct.Struct``, a switch table or enum map, a custom process module) left as a token, and the
module-level effects in order (those names, imports of other specs, opaque types, zlib). The
module pass *replays* the recording: it asks for the same names in the same order, so they are
numbered exactly as a fresh generation would number them, puts them in place of the tokens and
indents the lines where the generation would have put them.

A recording is only replayed when it is the type's last dry run and the type stayed in buffer
mode; by then every type its code asked about has its final mode (``fast_types`` re-runs a type
whenever one it asked about drops out), so its text is what the module pass would generate.
``VERIFY_REPLAY = True`` generates both and raises on any difference (used by the tests).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pktscope.compile.emit import Emitter
from pktscope.errors import CompileError

if TYPE_CHECKING:
    from pktscope.compile.python import ModuleGen
    from pktscope.compile.reads import ReadEmitter

__all__ = ["VERIFY_REPLAY", "Op", "Recording", "record", "replay", "snapshot", "verify_replay"]

#: generate the recorded code again and compare (tests turn this on)
VERIFY_REPLAY = False

Op = tuple[Any, ...]

# "\x00" never appears in generated code (every literal is a repr), so tokens cannot collide
_TOKEN = re.compile("\x00([0-9]+)\x00")

# the ReadEmitter fields a seq generation leaves behind that later code reads (``raw_end`` and
# ``table_fast`` are always set right before they are read, ``in_place`` is never read)
_STATE = ("resync", "bad", "fast", "fast_inst")


@dataclass
class Recording:
    lines: list[str]  # as emitted at indent level 0, with tokens for module-level names
    ops: list[Op]
    state: dict[str, Any]  # the ReadEmitter's fields after the dry run (see snapshot)


def record(ops: list[Op], op: Op) -> str:
    """Note a module-level name request; the token stands for the name in the recorded text."""
    ops.append(op)
    return f"\x00{len(ops) - 1}\x00"


def snapshot(reads: ReadEmitter) -> dict[str, Any]:
    return {k: getattr(reads, k) for k in _STATE}


def replay(gen: ModuleGen, rec: Recording, em: Emitter, reads: ReadEmitter) -> None:
    """Emit ``rec`` into ``em`` at its current level, with the module-level effects applied."""
    names: list[str] = []
    for op in rec.ops:
        kind = op[0]
        if kind == "struct":
            names.append(gen.struct(op[1]))
        elif kind == "late":
            names.append(gen.late_global(op[1], op[2]))
        elif kind == "proc":
            names.append(gen.process_module(op[1], op[2]))
        elif kind == "import":
            gen.add_import(op[1])
            names.append("")
        elif kind == "opaque":
            gen.opaque(op[1], op[2])
            names.append("")
        else:  # "zlib"
            gen.need_zlib()
            names.append("")

    def name(m: re.Match[str]) -> str:
        return names[int(m.group(1))]

    indent = em.unit * em.level
    for line in rec.lines:
        if "\x00" in line:
            line = _TOKEN.sub(name, line)
        em.lines.append(indent + line if line else "")
    for k in _STATE:
        setattr(reads, k, rec.state[k])


def verify_replay(
    gen: ModuleGen, rec: Recording, em: Emitter, reads: ReadEmitter, generate: Callable[[], None]
) -> None:
    """Generate for real into ``em``; raise if replaying ``rec`` would have emitted anything
    else, named anything differently or left the ReadEmitter otherwise."""
    saved = (dict(gen.structs), dict(gen.late), list(gen.mod.imports), list(gen.mod.opaque))
    saved2 = (dict(gen.mod.process_modules), gen.mod.need_zlib, snapshot(reads))
    start = len(em.lines)
    generate()
    real_lines = em.lines[start:]
    real = (dict(gen.structs), dict(gen.late), list(gen.mod.imports), list(gen.mod.opaque))
    real2 = (dict(gen.mod.process_modules), gen.mod.need_zlib, snapshot(reads))
    gen.structs, gen.late, gen.mod.imports, gen.mod.opaque = saved
    gen.mod.process_modules, gen.mod.need_zlib, state = saved2
    for k in _STATE:
        setattr(reads, k, state[k])
    probe = Emitter(em.unit)
    probe.level = em.level
    replay(gen, rec, probe, reads)
    replayed = (dict(gen.structs), dict(gen.late), list(gen.mod.imports), list(gen.mod.opaque))
    replayed2 = (dict(gen.mod.process_modules), gen.mod.need_zlib, snapshot(reads))
    if probe.lines != real_lines or replayed != real or replayed2 != real2:
        where = next(
            (
                f"line {i}: {a!r} != {b!r}"
                for i, (a, b) in enumerate(zip(probe.lines, real_lines, strict=False))
                if a != b
            ),
            f"{len(probe.lines)} != {len(real_lines)} lines" if probe.lines != real_lines else "",
        )
        raise CompileError(
            f"buffer-mode replay differs from generation in {gen.spec.id}: {where}"
            f" {replayed if replayed != real else ''} {real if replayed != real else ''}"
            f" {replayed2 if replayed2 != real2 else ''} {real2 if replayed2 != real2 else ''}"
        )
