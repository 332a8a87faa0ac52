"""The display-filter language (a Wireshark-like subset), shared by the TUI and the CLI.

``compile_filter("ipv4.src == 10.0.0.1 and udp")`` returns a :class:`Filter` whose
``matches(packet)`` tests one decoded packet. Cut by stage: :mod:`.lexer` (text → tokens with
columns), :mod:`.parser` (tokens → AST), :mod:`.evaluate` (AST × packet → bool). Every error is
a :class:`FilterError` carrying the 1-based column of the offending token.
"""

from __future__ import annotations

from pktscope.errors import FilterError
from pktscope.filter.evaluate import Filter, compile_filter

__all__ = ["Filter", "FilterError", "compile_filter"]
