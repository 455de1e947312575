"""The codebook: variables at source, claim and article level, and their values.

Plain data loaded from YAML or JSON. Validation happens on load so that a malformed codebook
is refused with a message naming the file and the field, before anything uses it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, SupportsFloat, SupportsIndex

from annotator.core.errors import CodebookError
from annotator.paths import resource

LEVELS = ("source", "claim", "article")
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
            number = _as_float(raw)
        except (TypeError, ValueError):
            raise ValueError(f"{raw!r} is not a number ({self.name} is {self.measure})") from None
        return repr(int(number)) if number.is_integer() else repr(number)


def _as_float(raw: object) -> float:
    """`float(raw)` for what float accepts (a cell may hold numpy's numbers); TypeError else."""
    if isinstance(raw, (str, bytes, SupportsFloat, SupportsIndex)):
        return float(raw)
    raise TypeError(f"{type(raw).__name__} is not a number")


@dataclass(frozen=True)
class Codebook:
    name: str
    variables: tuple[Variable, ...] = field(default_factory=tuple)
    version: int = 1

    def variable(self, name: str) -> Variable | None:
        return next((v for v in self.variables if v.name == name), None)

    def at_level(self, level: str) -> list[Variable]:
        return [v for v in self.variables if v.level == level]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


def codebook_from_dict(data: Any, path: object = None) -> Codebook:
    """Build and validate a codebook from parsed YAML/JSON; raise CodebookError naming the field."""
    if not isinstance(data, dict):
        raise CodebookError("a codebook must be a mapping with 'name' and 'variables'", path=path)
    raw_vars = data.get("variables")
    if not isinstance(raw_vars, list) or not raw_vars:
        raise CodebookError("'variables' must be a non-empty list", path=path)
    variables, seen = [], set()
    for i, rv in enumerate(raw_vars):
        variables.append(_variable_from_dict(rv, f"variables[{i}]", path))
        if variables[-1].name in seen:
            raise CodebookError(f"variable {variables[-1].name!r} is defined twice", path=path,
                                where=f"variables[{i}]")
        seen.add(variables[-1].name)
    version = data.get("version", 1)
    if not isinstance(version, int):
        raise CodebookError("'version' must be a whole number", path=path)
    return Codebook(name=str(data.get("name") or "Codebook"), variables=tuple(variables),
                    version=version)


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
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError(f"cannot read the codebook ({exc})", path=path) from exc
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw)
        else:
            import yaml

            data = yaml.safe_load(raw)
    except Exception as exc:  # parser errors: report line and column as the parser gives them
        raise CodebookError(f"not valid {path.suffix.lstrip('.').upper() or 'YAML'}: {exc}",
                            path=path) from exc
    return codebook_from_dict(data, path)


def codebook_from_json(text: str) -> Codebook:
    return codebook_from_dict(json.loads(text))


def default_codebook() -> Codebook:
    return load_codebook(resource("codebook.yaml"))
