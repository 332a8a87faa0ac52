"""``python -m pktscope``: the same as the ``pktscope`` command."""

from __future__ import annotations

import sys

from pktscope.cli import main

sys.exit(main())
