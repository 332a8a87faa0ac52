"""Read a ``.ksy`` file into plain Python data plus the source location of every node.

``load_yaml(text, file=...)`` returns a :class:`Loaded`: ``data`` is what ``yaml.safe_load``
would give (dicts, lists, str, int, float, bool, None) and ``locs`` maps each node's spec path
(``""`` for the document, ``"/types/option/seq/1"``, ``"/seq/0/type"``) to its 1-based
``(line, col)``. Keys of a mapping are located at the key itself, so errors point where the
author typed the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pktscope.errors import SpecError

__all__ = ["Loaded", "build_loaded", "compose_yaml", "load_file", "load_yaml"]


@dataclass
class Loaded:
    data: Any
    file: str | None = None
    locs: dict[str, tuple[int, int]] = field(default_factory=dict)

    def loc(self, path: str) -> tuple[int, int]:
        """Location of ``path`` or of its closest located ancestor; ``(0, 0)`` if none."""
        while True:
            hit = self.locs.get(path)
            if hit is not None:
                return hit
            if not path:
                return (0, 0)
            path = path.rsplit("/", 1)[0]

    def error(self, message: str, path: str) -> SpecError:
        line, col = self.loc(path)
        return SpecError(message, file=self.file, line=line, col=col, spec_path=path)


class _Builder(yaml.SafeLoader):
    pass


# libyaml's composer is ~10x faster and gives the same marks
_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_BOOL_TAG = "tag:yaml.org,2002:bool"
_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class _Loader(_BASE_LOADER):  # type: ignore[misc]
    """The safe loader with its own copy of the implicit-resolver table (taken at import, so
    other code adding resolvers to ``yaml.SafeLoader`` later does not change how a spec reads)
    and the tag of each plain scalar remembered across documents: specs repeat the same few
    words (``id``, ``type``, ``u1``...) and resolving runs the resolver regexes in Python for
    every scalar. Booleans are YAML 1.2's (``true``/``false``): ``id: on`` or ``id: no`` is a
    name, as the official compiler reads it, not YAML 1.1's True/False."""

    yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != _BOOL_TAG]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    for _c in "tTfF":  # YAML 1.2 booleans, as the official compiler's YAML reads them
        yaml_implicit_resolvers.setdefault(_c, []).insert(0, (_BOOL_TAG, _BOOL_RE))
    yaml_path_resolvers: dict[Any, Any] = {}
    _tags: dict[tuple[str, Any], str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tags = _Loader._tags
        tag = tags.get(key)
        if tag is None:
            if len(tags) >= 65536:
                tags.clear()
            tag = tags[key] = super().resolve(kind, value, implicit)
        return tag


_LOADER = _Loader
_STR_TAG = "tag:yaml.org,2002:str"


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _build(node: yaml.Node, path: str, ctor: _Builder, locs: dict[str, tuple[int, int]]) -> Any:
    if path not in locs:
        locs[path] = _mark(node)
    if type(node) is yaml.ScalarNode and node.tag == _STR_TAG:
        return node.value  # what the constructor makes of a str scalar, without its machinery
    if isinstance(node, yaml.MappingNode):
        ctor.flatten_mapping(node)
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is yaml.ScalarNode and key_node.tag == _STR_TAG:
                key = key_node.value
            else:
                key = ctor.construct_object(key_node, deep=True)
            if isinstance(key, list):
                key = tuple(key)
            sub = f"{path}/{key}"
            locs[sub] = _mark(key_node)
            out[key] = _build(value_node, sub, ctor, locs)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(v, f"{path}/{i}", ctor, locs) for i, v in enumerate(node.value)]
    return ctor.construct_object(node, deep=True)


def compose_yaml(text: str, *, file: str | None = None) -> yaml.Node | None:
    """The YAML node tree of ``text`` (``None`` for an empty document); a syntax error becomes a
    located SpecError. :func:`build_loaded` turns the tree into a :class:`Loaded`."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        col = mark.column + 1 if mark else 0
        message = f"yaml syntax error: {exc.problem or exc.context}"
        start = exc.context_mark
        if exc.problem and exc.context and start is not None and start.line + 1 != line:
            # "while parsing a flow sequence": say where that started, lines above
            message += f" ({exc.context} at line {start.line + 1}, column {start.column + 1})"
        raise SpecError(message, file=file, line=line, col=col) from None
    except yaml.YAMLError as exc:
        raise SpecError(f"yaml error: {exc}", file=file) from None
    if root is not None:
        _check_aliases(root, file)
    return root


MAX_EXPANDED_NODES = 1_000_000  # what aliases may expand to; a spec is a few thousand


def _check_aliases(root: yaml.Node, file: str | None) -> None:
    """Refuse a node that contains itself through an alias (``a: &a [*a]``) and aliases that
    expand to more than :data:`MAX_EXPANDED_NODES` nodes (a "billion laughs" document): the
    data built from either would never end."""
    sizes: dict[int, int] = {}  # id(node) -> expanded size, once known
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        kids: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            kids = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            kids = list(node.value)
        if done:
            on_path.discard(key)
            size = 1 + sum(sizes[id(k)] for k in kids)
            if size > MAX_EXPANDED_NODES:
                line, col = _mark(node)
                raise SpecError(
                    f"yaml error: aliases expand to more than {MAX_EXPANDED_NODES:,} nodes",
                    file=file,
                    line=line,
                    col=col,
                )
            sizes[key] = size
            continue
        if key in sizes:
            continue
        if key in on_path:
            line, col = _mark(node)
            raise SpecError(
                "yaml error: recursive alias (a node that contains itself)",
                file=file,
                line=line,
                col=col,
            )
        on_path.add(key)
        stack.append((node, True))
        stack.extend((k, False) for k in kids if id(k) not in sizes)


def build_loaded(node: yaml.Node | None, *, file: str | None = None) -> Loaded:
    """Plain data and locations from a tree of :func:`compose_yaml` (merge keys are flattened
    in place, so scan the tree first if the raw nodes matter)."""
    locs: dict[str, tuple[int, int]] = {}
    if node is None:
        return Loaded(None, file, locs)
    ctor = _Builder("")
    try:
        data = _build(node, "", ctor, locs)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise SpecError(
            f"yaml error: {exc.problem}",
            file=file,
            line=mark.line + 1 if mark else 0,
            col=mark.column + 1 if mark else 0,
        ) from None
    return Loaded(data, file, locs)


def load_yaml(text: str, *, file: str | None = None) -> Loaded:
    """Parse YAML text keeping locations; a YAML syntax error becomes a located SpecError."""
    return build_loaded(compose_yaml(text, file=file), file=file)


def load_file(path: str | Path) -> Loaded:
    return load_yaml(read_spec_text(path), file=str(path))


def looks_like_path(x: str | Path) -> bool:
    """Whether a ``path_or_text`` argument names a file rather than holding YAML: a ``Path``,
    or one line that ends in ``.ksy``, exists, or has no ``:`` (a spec is a mapping, so its
    text has one).

    >>> [looks_like_path(x) for x in ("specs/x.ksy", "specs/missing", "meta: {id: x}")]
    [True, True, False]
    """
    if isinstance(x, Path):
        return True
    if "\n" in x:
        return False
    if x.endswith(".ksy") or ":" not in x:
        return True
    try:
        return Path(x).exists()
    except (OSError, ValueError):  # a name too long, a NUL byte: YAML text, not a path
        return False


def read_spec_text(path: str | Path) -> str:
    """A spec file's text; a file that cannot be read or is not UTF-8 is a located SpecError.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".ksy", delete=False) as f:
    ...     _ = f.write(b"meta:\\n  id: x\\ndoc: caf\\xe9\\n")
    >>> try:
    ...     read_spec_text(f.name)
    ... except SpecError as exc:
    ...     print(exc.line, exc.col, exc.message)
    3 9 not UTF-8 text: byte 0xe9 cannot be decoded (a .ksy file is UTF-8)
    >>> os.unlink(f.name)
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise SpecError(f"cannot read spec: {exc.strerror or exc}", file=str(p)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SpecError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded"
            " (a .ksy file is UTF-8)",
            file=str(p),
            line=line,
            col=col,
        ) from None
