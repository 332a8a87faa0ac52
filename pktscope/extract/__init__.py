"""Field extraction without the full decode: ``pktscope fields`` reads only the bytes it needs.

Cut by stage: :mod:`~pktscope.extract.exprs` (spec expressions → Python, from the AST),
:mod:`~pktscope.extract.walk` (a type's ``seq`` → a generated walk that proves it decodes),
:mod:`~pktscope.extract.plan` (requested paths + chain hints → one extractor module),
:mod:`~pktscope.extract.cache` (the built module kept on disk), :mod:`~pktscope.extract.runtime`
(what the generated code calls), :mod:`~pktscope.extract.render` (values → fields text/JSON) and
:mod:`~pktscope.extract.scan` (records → rows, with the full decode for refused frames).
"""
