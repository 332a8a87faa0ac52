"""Generated parsers of the bundled specs in ``specs/`` (``@generated``; do not edit).

Regenerate with ``make protocols``; ``tests/test_protocols_drift.py`` fails when a module here
differs from what the compiler makes of its ``.ksy``. ``pktscope.load_spec("dhcp")`` uses these
modules (set ``PKTSCOPE_COMPILE_SPECS=1`` to compile ``specs/`` in memory instead).
"""
