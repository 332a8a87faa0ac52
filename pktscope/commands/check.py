"""``pktscope check SPEC.ksy ...``: report every spec error as ``file:line:col: message``."""

from __future__ import annotations

import argparse
from typing import Any

from pktscope.errors import CompileError, SpecError, SpecErrors

__all__ = ["add_parser", "check_file", "run"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser("check", help="validate .ksy specs")
    p.add_argument("specs", nargs="+", metavar="SPEC.ksy")
    p.add_argument(
        "-I",
        "--import-path",
        action="append",
        default=[],
        dest="import_paths",
        metavar="DIR",
        help="directory searched for absolute imports",
    )
    p.set_defaults(run=run)


def check_file(path: str, import_paths: list[str]) -> list[SpecError]:
    """Errors (and :class:`~pktscope.spec.validate.SpecWarning` warnings) of one spec:
    validation, then, when that finds no error, a full compile."""
    from pktscope.compile.build import compile_spec  # noqa: PLC0415 - keep CLI start-up fast
    from pktscope.spec.validate import SpecWarning, check_spec  # noqa: PLC0415

    found = check_spec(path, import_paths=import_paths, warnings=True)
    if any(not isinstance(e, SpecWarning) for e in found):
        return found
    try:
        compile_spec(path, import_paths=import_paths, allow_process_modules=False)
    except SpecErrors as exc:
        found.extend(exc.errors)
    except SpecError as exc:
        found.append(exc)
    except CompileError as exc:
        found.append(SpecError(str(exc), file=path, spec_path=exc.spec_path))
    return found


def run(args: argparse.Namespace) -> int:
    from pktscope.spec.validate import SpecWarning  # noqa: PLC0415 - keep CLI start-up fast

    failed = False
    for path in args.specs:
        for err in check_file(path, args.import_paths):
            warning = isinstance(err, SpecWarning)
            failed = failed or not warning
            print(f"{err.location_text()}{'warning: ' if warning else ''}{err.message}")
    return 1 if failed else 0
