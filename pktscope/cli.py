"""The ``pktscope`` command line: a thin dispatcher over ``pktscope.commands``.

Each subcommand lives in its own module ``pktscope/commands/<name>.py`` exposing
``add_parser(subparsers)`` (registering its arguments, with ``set_defaults(run=...)``) and a
``run(args) -> int``. Errors from pktscope are printed as ``pktscope: <message>`` with exit
status 2 (usage) or 1 (everything else); no traceback for user errors.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from pktscope import __version__
from pktscope.errors import CaptureError, PktscopeError

# Order is the order shown in --help.
COMMANDS = ("tui", "show", "fields", "hexdump", "compile", "check", "capture", "compare")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand, or with ``only`` of that one (the others' modules are
    then not imported: ``pktscope fields`` starts without loading the TUI or the compiler)."""
    parser = argparse.ArgumentParser(
        prog="pktscope",
        description="Inspect struct-defined binary protocols: every field tied to its bytes.",
    )
    parser.add_argument("--version", action="version", version=f"pktscope {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if only is not None and name != only:
            continue
        try:
            module = importlib.import_module(f"pktscope.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"pktscope.commands.{name}":
                raise
            continue  # not built yet
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only=words[0] if words and words[0] in COMMANDS else None)
    args = parser.parse_args(words)
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 2
    try:
        return int(run(args) or 0)
    except PktscopeError as exc:
        text = str(exc)
        source = getattr(args, "capture", None)
        if isinstance(exc, CaptureError) and isinstance(source, str):
            name = "<stdin>" if source == "-" else source
            if name not in text and Path(name).name not in text:  # say which file broke
                text = f"{name}: {text}"
        print(f"pktscope: {text}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
