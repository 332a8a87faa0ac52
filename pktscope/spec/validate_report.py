"""What spec validation reports: :class:`SpecWarning` and the per-file :class:`Report` that
locates each message through the loaded YAML's line table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pktscope.errors import ExpressionError, SpecError
from pktscope.spec.cache import Clean
from pktscope.spec.load import Loaded

__all__ = ["ID_HINT", "ID_RE", "Report", "SpecWarning"]

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
ID_HINT = "expected /^[a-z][a-z0-9_]*$/"


class SpecWarning(SpecError):
    """Style advice (non-canonical encoding name, ``len_``/``num_`` ids): never fails a build."""


@dataclass
class Report:
    """Errors of one spec file, located through its :class:`Loaded` line table."""

    loaded: Loaded
    errors: list[SpecError] = field(default_factory=list)
    #: spec path -> (line, col) of the first character of a one-line expression's text (the
    #: key itself for switch cases), so expression errors point at the offending token
    expr_locs: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: the process-wide cache entry ``loaded`` came from, if any (it holds the checked model)
    entry: Clean | None = None

    def add(self, message: str, path: str, *, warning: bool = False) -> None:
        line, col = self.loaded.loc(path)
        if not line:  # an empty document: point at its start
            line, col = 1, 1
        cls = SpecWarning if warning else SpecError
        self.errors.append(
            cls(message, file=self.loaded.file, line=line, col=col, spec_path=path or "/")
        )

    def add_expr(self, message: str, path: str, expression: str, expr_col: int) -> None:
        """An error inside ``expression`` (at ``path``), located at its column when known."""
        hit = self.expr_locs.get(path)
        if hit is not None and 0 <= expr_col <= len(expression) and "\n" not in expression:
            line, col = hit[0], hit[1] + expr_col
        else:
            line, col = self.loaded.loc(path)
        self.errors.append(
            ExpressionError(
                message,
                expression=expression,
                expr_col=expr_col,
                file=self.loaded.file,
                line=line or 1,
                col=col or 1,
                spec_path=path or "/",
            )
        )
