"""``pktscope compile SPEC.ksy ... -o OUTDIR``: write Python parsers (one module per spec)."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser("compile", help="compile .ksy specs to Python modules")
    p.add_argument("specs", nargs="+", metavar="SPEC.ksy")
    p.add_argument("-o", "--outdir", required=True, help="directory for the generated modules")
    p.add_argument("--python-package", default=None, help="package the modules will live in")
    p.add_argument(
        "-I",
        "--import-path",
        action="append",
        default=[],
        dest="import_paths",
        metavar="DIR",
        help="directory searched for absolute imports",
    )
    p.add_argument(
        "--allow-process",
        action="store_true",
        help="allow custom `process:` modules (they are imported at parse time)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pktscope.compile.build import compile_to_dir  # noqa: PLC0415 - fast CLI start-up

    written = compile_to_dir(
        args.specs,
        args.outdir,
        python_package=args.python_package,
        import_paths=args.import_paths,
        allow_process_modules=args.allow_process,
    )
    for path in written:
        print(path)
    return 0
