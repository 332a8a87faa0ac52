"""Byte-code of generated modules, remembered by source text within one process.

Compiling many specs that import the same one (every network format imports ``ipv4_packet``)
generates the same module source again and again, and ``compile()`` is a large share of
``compile_spec``. :func:`compile_source` returns the code object of an identical source compiled
before, under the filename it was first compiled with (its :mod:`linecache` entry holds the same
text), so tracebacks still show the generated lines. The cache is keyed by the whole text, so a
different source can never get stale code, and it is bounded by total source size (least
recently used first out).
"""

from __future__ import annotations

import linecache
import threading
import types
from collections import OrderedDict

__all__ = ["MAX_CACHED_CHARS", "compile_source"]

#: total length of the sources whose code is kept (~3x that in memory with the code objects)
MAX_CACHED_CHARS = 8_000_000

_CACHE: OrderedDict[str, tuple[str, types.CodeType]] = OrderedDict()
_size = [0]
_LOCK = threading.Lock()


def compile_source(source: str, filename: str) -> tuple[types.CodeType, str]:
    """``compile(source, filename, "exec")`` once per distinct source; returns the code and the
    filename it carries (``filename`` unless the same source was compiled before), registered in
    :mod:`linecache`."""
    with _LOCK:
        hit = _CACHE.get(source)
        if hit is not None:
            _CACHE.move_to_end(source)
    if hit is not None:
        filename, code = hit
    else:
        code = compile(source, filename, "exec")
        if len(source) <= MAX_CACHED_CHARS:
            with _LOCK:
                if source not in _CACHE:
                    _CACHE[source] = (filename, code)
                    _size[0] += len(source)
                while _size[0] > MAX_CACHED_CHARS:
                    old, _ = _CACHE.popitem(last=False)
                    _size[0] -= len(old)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return code, filename
