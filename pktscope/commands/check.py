"""``pktscope check SPEC.ksy ...``: report every spec error as ``file:line:col: message``."""

from __future__ import annotations

import argparse
import sys
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
    """Errors of one spec: validation (when available), then a full compile."""
    from pktscope.compile.build import compile_spec  # noqa: PLC0415 - keep CLI start-up fast

    errors: list[SpecError] = []
    try:
        from pktscope.spec import validate  # noqa: PLC0415 - optional, imported on use

        validate_file = getattr(validate, "validate_file", None)
        if validate_file is not None:
            validate_file(path, import_paths=import_paths)
    except ImportError:
        pass
    except SpecErrors as exc:
        return list(exc.errors)
    except SpecError as exc:
        return [exc]
    try:
        compile_spec(path, import_paths=import_paths, allow_process_modules=False)
    except SpecErrors as exc:
        errors.extend(exc.errors)
    except SpecError as exc:
        errors.append(exc)
    except CompileError as exc:
        errors.append(SpecError(str(exc), file=path, spec_path=exc.spec_path))
    return errors


def run(args: argparse.Namespace) -> int:
    failed = False
    for path in args.specs:
        for err in check_file(path, args.import_paths):
            failed = True
            print(f"{err.location_text()}{err.message}", file=sys.stdout)
    return 1 if failed else 0
