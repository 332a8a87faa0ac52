"""What spec validation reports: :class:`SpecWarning` and the per-file :class:`Report` that
locates each message through the loaded YAML's line table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pktscope.errors import SpecError
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

    def add(self, message: str, path: str, *, warning: bool = False) -> None:
        line, col = self.loaded.loc(path)
        if not line:  # an empty document: point at its start
            line, col = 1, 1
        cls = SpecWarning if warning else SpecError
        self.errors.append(
            cls(message, file=self.loaded.file, line=line, col=col, spec_path=path or "/")
        )
