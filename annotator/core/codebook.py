"""The codebook: variables at source, claim and article level, and their values.

Plain data loaded from YAML or JSON. Validation happens on load so that a malformed codebook
is refused with a message naming the file and the field, before anything uses it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import CodebookError
from annotator.core.numbers import as_float
from annotator.paths import resource

LEVELS = ("source", "claim", "article")
# Columns the coding sheet and the SPSS/Stata/CSV exports write themselves (io.sheet_tables):
# a variable of the same name would give a file two columns of that name (SPSS and Stata
# compare names without case). `type`, `attribution` and `certainty` are the codebook's own
# source-type, attribution and certainty variables, so they are allowed at that level only.
RESERVED_NAMES = frozenset({
    "article_id", "title", "outlet", "date", "coder", "claim_id", "claim_text", "start", "end",
    "source_text", "source_type", "cue_text", "status", "claim_origin", "source_origin",
    "coding_progress", "note", "modified", "source_id",
    "source_name", "channel_text", "claims", "variable", "level", "measure", "code", "numeric",
    "label", "definition"})
RESERVED_PREFIXES = ("claims_type_", "claims_certainty_")  # the Articles sheet's counts
FIXED_LEVEL = {"type": "source", "attribution": "claim", "certainty": "claim"}
MAX_CODEBOOK_BYTES = 1024 * 1024  # a codebook is a few KB
MAX_YAML_NODES = 100_000  # after aliases are expanded: stops "billion laughs" alias bombs
MAX_YAML_DEPTH = 50
MEASURES = ("nominal", "ordinal", "interval", "ratio")
CATEGORICAL = ("nominal", "ordinal")


@dataclass(frozen=True)
class Value:
    code: str
    numeric: float | int
    label: str
    definition: str = ""
    shortcut: str | None = None


@dataclass(frozen=True)
class Variable:
    name: str
    level: str
    measure: str
    label: str
    definition: str = ""
    values: tuple[Value, ...] = ()

    @property
    def is_categorical(self) -> bool:
        return self.measure in CATEGORICAL

    def value(self, code: str) -> Value | None:
        return next((v for v in self.values if v.code == code), None)

    def codes(self) -> list[str]:
        return [v.code for v in self.values]

    def check(self, raw: object) -> str | None:
        """Return the stored form of `raw` for this variable, or raise ValueError saying why."""
        if raw is None or raw == "":
            return None
        if self.is_categorical:
            code = str(raw).strip()
            if self.value(code) is None:
                # accept the numeric code or the label as well, as spreadsheets carry either
                for v in self.values:
                    if code in (str(v.numeric), v.label):
                        return v.code
                raise ValueError(f"{raw!r} is not a value of {self.name} ({', '.join(self.codes())})")
            return code
        try:
            number = as_float(raw)
        except (TypeError, ValueError):
            raise ValueError(f"{raw!r} is not a number ({self.name} is {self.measure})") from None
        return repr(int(number)) if number.is_integer() else repr(number)


@dataclass(frozen=True)
class Codebook:
    name: str
    variables: tuple[Variable, ...] = field(default_factory=tuple)
    version: int = 1

    def variable(self, name: str) -> Variable | None:
        return next((v for v in self.variables if v.name == name), None)

    def require(self, name: str) -> Variable:
        """The variable `name` where the caller took the name from this codebook: a missing
        one is a bug, said as such (not an AttributeError on None further on)."""
        var = self.variable(name)
        if var is None:
            raise KeyError(f"codebook {self.name!r} has no variable {name!r}")
        return var

    def at_level(self, level: str) -> list[Variable]:
        return [v for v in self.variables if v.level == level]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


def codebook_from_dict(data: Any, path: object = None, *, check_names: bool = True) -> Codebook:
    """Build and validate a codebook from parsed YAML/JSON; raise CodebookError naming the field.

    `check_names` refuses variable names the exports use for their own columns; it is off only
    for a codebook already stored in a project (refusing it would lock its owner out)."""
    if not isinstance(data, dict):
        raise CodebookError("a codebook must be a mapping with 'name' and 'variables'", path=path)
    raw_vars = data.get("variables")
    if not isinstance(raw_vars, list) or not raw_vars:
        raise CodebookError("'variables' must be a non-empty list", path=path)
    variables, seen = [], set()
    for i, rv in enumerate(raw_vars):
        variables.append(_variable_from_dict(rv, f"variables[{i}]", path))
        if variables[-1].name.lower() in seen:
            raise CodebookError(f"variable {variables[-1].name!r} is defined twice (names are "
                                "compared without case, as SPSS and Stata do)", path=path,
                                where=f"variables[{i}]")
        seen.add(variables[-1].name.lower())
        if check_names:
            _check_name(variables[-1], path, f"variables[{i}]")
    version = data.get("version", 1)
    if not isinstance(version, int):
        raise CodebookError("'version' must be a whole number", path=path)
    return Codebook(name=str(data.get("name") or "Codebook"), variables=tuple(variables),
                    version=version)


def _check_name(var: Variable, path: object, where: str) -> None:
    low = var.name.lower()
    if low in RESERVED_NAMES or low.startswith(RESERVED_PREFIXES):
        raise CodebookError(f"variable name {var.name!r} is taken by a column the coding sheet "
                            "and the exports write themselves (reserved: "
                            f"{', '.join(sorted(RESERVED_NAMES))}, and names starting with "
                            f"{' or '.join(RESERVED_PREFIXES)}); rename the variable",
                            path=path, where=where)
    if low in FIXED_LEVEL and (low != var.name or var.level != FIXED_LEVEL[low]):
        raise CodebookError(f"variable {var.name!r} must be the {FIXED_LEVEL[low]}-level "
                            f"variable {low!r} (the exports give it its own column); rename it "
                            f"or make it level {FIXED_LEVEL[low]}", path=path, where=where)


def _variable_from_dict(rv: Any, where: str, path: object) -> Variable:
    if not isinstance(rv, dict):
        raise CodebookError("each variable must be a mapping", path=path, where=where)
    name = rv.get("name")
    if not isinstance(name, str) or not name.strip() or not name.isidentifier():
        raise CodebookError("'name' must be a word of letters, digits and _", path=path, where=where)
    level, measure = rv.get("level"), rv.get("measure", "nominal")
    if level not in LEVELS:
        raise CodebookError(f"'level' must be one of {', '.join(LEVELS)}", path=path, where=where)
    if measure not in MEASURES:
        raise CodebookError(f"'measure' must be one of {', '.join(MEASURES)}", path=path, where=where)
    raw_values = rv.get("values") or []
    if not isinstance(raw_values, list):
        raise CodebookError("'values' must be a list", path=path, where=where)
    if measure in CATEGORICAL and not raw_values:
        raise CodebookError(f"{measure} variable {name!r} has no values", path=path, where=where)
    values = tuple(_value_from_dict(v, f"{where}.values[{j}]", path)
                   for j, v in enumerate(raw_values))
    for attr in ("code", "numeric", "shortcut"):
        got = [getattr(v, attr) for v in values if getattr(v, attr) is not None]
        dup = {x for x in got if got.count(x) > 1}
        if dup:
            raise CodebookError(f"duplicate {attr} {sorted(map(str, dup))[0]!r} in {name!r}",
                                path=path, where=where)
    return Variable(name=name, level=level, measure=measure, label=str(rv.get("label") or name),
                    definition=str(rv.get("definition") or ""), values=values)


def _value_from_dict(v: Any, where: str, path: object) -> Value:
    if not isinstance(v, dict):
        raise CodebookError("each value must be a mapping with 'code'", path=path, where=where)
    code = v.get("code")
    if not isinstance(code, str) or not code.strip():
        raise CodebookError("'code' must be a non-empty text", path=path, where=where)
    numeric = v.get("numeric")
    if isinstance(numeric, bool) or not isinstance(numeric, int | float):
        raise CodebookError(f"value {code!r} needs a number in 'numeric'", path=path, where=where)
    if isinstance(numeric, float) and not math.isfinite(numeric):
        raise CodebookError(f"value {code!r} has {numeric} in 'numeric'; a code must be a finite "
                            "number (SPSS, Stata and R cannot label NaN or infinity)",
                            path=path, where=where)
    shortcut = v.get("shortcut")
    if shortcut is not None:
        shortcut = str(shortcut)
        if len(shortcut) != 1:
            raise CodebookError(f"shortcut of {code!r} must be one key", path=path, where=where)
    return Value(code=code, numeric=numeric, label=str(v.get("label") or code),
                 definition=str(v.get("definition") or ""), shortcut=shortcut)


def load_codebook(path: str | Path) -> Codebook:
    """Load a codebook file (.yaml, .yml or .json)."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            data = f.read(MAX_CODEBOOK_BYTES + 1)
        if len(data) > MAX_CODEBOOK_BYTES:
            raise CodebookError(f"the file is over {MAX_CODEBOOK_BYTES // 1024} KB; a codebook "
                                "is a few KB (is this the right file?)", path=path)
        raw = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError(f"cannot read the codebook ({exc})", path=path) from exc
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw, parse_constant=_no_constant)
        else:
            data = _load_yaml(raw, path)
    except CodebookError:
        raise
    except Exception as exc:  # parser errors: report line and column as the parser gives them
        detail = " ".join(str(exc).split())  # PyYAML's messages span lines: keep one
        raise CodebookError(f"not valid {path.suffix.lstrip('.').upper() or 'YAML'}: {detail}",
                            path=path) from exc
    return codebook_from_dict(data, path)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


def _load_yaml(raw: str, path: Path) -> Any:
    """`yaml.safe_load`, refusing a document whose aliases expand to more than MAX_YAML_NODES
    nodes: PyYAML shares an aliased node, but everything that walks the result expands it."""
    import yaml

    if _flow_depth(raw) > MAX_YAML_DEPTH:  # PyYAML recurses per level: refuse, and quickly
        raise CodebookError(f"the YAML nests brackets more than {MAX_YAML_DEPTH} deep; a "
                            "codebook never does", path=path)
    loader = yaml.SafeLoader(raw)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_nodes(node) > MAX_YAML_NODES:
            raise CodebookError(f"the YAML expands to more than {MAX_YAML_NODES:,} values "
                                "through its aliases (*name); a codebook is refused that could "
                                "fill the memory (an 'alias bomb')", path=path)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _flow_depth(raw: str) -> int:
    """How deep [ and { nest in `raw`, outside quoted strings (an overestimate at worst)."""
    deepest = depth = 0
    for token in _FLOW_TOKENS.findall(raw):
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("]", "}"):
            depth = max(depth - 1, 0)
    return deepest


_FLOW_TOKENS = re.compile(r"""[\[\]{}]|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'""")


def _expanded_nodes(root: Any) -> int:
    """How many nodes `root` has with every alias expanded, counted up to just past the limit
    (a node that contains itself counts as past it). Iterative, each shared node sized once."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # being sized: meeting one again is a cycle
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        kids = _children(node)
        if children_done:
            open_nodes.discard(id(node))
            sizes[id(node)] = min(1 + sum(sizes[id(k)] for k in kids), MAX_YAML_NODES + 1)
        elif id(node) in open_nodes:
            return MAX_YAML_NODES + 1
        elif id(node) not in sizes:
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((k, False) for k in kids if id(k) not in sizes)
    return sizes[id(root)]


def _children(node: Any) -> list[Any]:
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def codebook_from_json(text: str) -> Codebook:
    """A codebook stored in a project: checked, but names are not refused (see above)."""
    return codebook_from_dict(json.loads(text), check_names=False)


def default_codebook() -> Codebook:
    return load_codebook(resource("codebook.yaml"))
