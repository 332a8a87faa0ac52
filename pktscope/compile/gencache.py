"""Generated modules remembered per spec model, reused where the universe answers alike.

Compiling many specs generates each shared import once per importer (``ipv4_packet`` for every
network format). The code generated for a spec is a function of its model (the same object for
the same file text, :mod:`pktscope.spec.cache`), the ``allow_process_modules`` switch and what
the :class:`~pktscope.spec.types.Universe` answered while generating it: which type a name
means from a given type, which type is a type's parent, which type owns an enum, which spec a
type is in. :func:`generate` notes those answers (``Universe.trace``) and reuses a module when
the current universe gives every one of them again (the same objects): generation is
deterministic, so asking the same questions and getting the same answers it would produce the
same module. Any other universe (an importer that is the single user of one of its types, so
its ``_parent``, an opaque name that now resolves) generates anew.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace

from pktscope.compile.python import GeneratedModule, ModuleGen
from pktscope.spec.model import Spec
from pktscope.spec.types import Universe

__all__ = ["MAX_SPECS", "clear", "generate"]

#: the most spec models whose modules are kept (least recently used first out)
MAX_SPECS = 256

Answer = tuple[str, object, str, object]


@dataclass(frozen=True)
class _Made:
    answers: tuple[Answer, ...]
    module: GeneratedModule  # as generate() returned it (copied out, never handed over)
    fast: frozenset[int]


# id(model) -> (model, [what it generated]); the model is held so its id is not reused
_CACHE: OrderedDict[tuple[int, bool], tuple[Spec, list[_Made]]] = OrderedDict()
_LOCK = threading.Lock()
_PER_SPEC = 4  # different universes remembered per model


def _ask(uni: Universe, question: str, arg: object, name: str) -> object:
    try:
        if question == "resolve_type":
            return uni.resolve_type(arg, name)  # type: ignore[arg-type]
        if question == "parent_type":
            return uni.parent_type(arg)  # type: ignore[arg-type]
        if question == "enum_owner":
            return uni.enum_owner(arg)  # type: ignore[arg-type]
        return uni.spec_of(arg)  # type: ignore[arg-type]
    except KeyError:
        return None


def _same_answers(uni: Universe, answers: tuple[Answer, ...]) -> bool:
    return all(_ask(uni, q, arg, name) is ans for q, arg, name, ans in answers)


def _once(trace: list[Answer]) -> tuple[Answer, ...]:
    """Each question once, in the order first asked (one module's generation does not change
    the universe, so a question asked again got the same answer)."""
    seen: set[tuple[str, int, str]] = set()
    out = []
    for q, arg, name, ans in trace:
        k = (q, id(arg), name)
        if k not in seen:
            seen.add(k)
            out.append((q, arg, name, ans))
    return tuple(out)


def _copy(mod: GeneratedModule) -> GeneratedModule:
    return replace(
        mod,
        imports=list(mod.imports),
        process_modules=dict(mod.process_modules),
        opaque=list(mod.opaque),
        generator=None,
    )


def generate(uni: Universe, spec: Spec, *, allow_process_modules: bool) -> ModuleGen:
    """A generator for ``spec`` in ``uni`` that has generated (``gen.mod``): a fresh one, or
    one holding a copy of a module made before among specs answering alike."""
    key = (id(spec), allow_process_modules)
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None and hit[0] is spec:
            _CACHE.move_to_end(key)
            made_list = list(hit[1])
        else:
            made_list = []
    gen = ModuleGen(uni, spec, allow_process_modules=allow_process_modules)
    for made in made_list:
        if _same_answers(uni, made.answers):
            gen.mod = _copy(made.module)
            gen.fast = set(made.fast)
            return gen
    outer, uni.trace = uni.trace, []
    try:
        mod = gen.generate()
        answers = _once(uni.trace)
    finally:
        uni.trace = outer
    made = _Made(answers, _copy(mod), frozenset(gen.fast))
    with _LOCK:
        entry = _CACHE.get(key)
        if entry is None or entry[0] is not spec:
            entry = _CACHE[key] = (spec, [])
        entry[1].insert(0, made)
        del entry[1][_PER_SPEC:]
        _CACHE.move_to_end(key)
        while len(_CACHE) > MAX_SPECS:
            _CACHE.popitem(last=False)
    return gen


def clear() -> None:
    with _LOCK:
        _CACHE.clear()
