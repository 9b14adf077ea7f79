"""JSON Schema of the article record, derived from the dataclasses in `record.py`.

The derived schema is also shipped as `data/article.schema.json` (for tools that do not run
Python); a test keeps the shipped file equal to what the types say. Regenerate it with
``newsgraph schema > src/newsgraph/data/article.schema.json``.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from importlib.resources import files
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from newsgraph import record
from newsgraph.record import SCHEMA, Article

SCHEMA_URI = "https://newsgraph.dev/schema/article-1.json"


def record_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _object(Article, defs)
    root["properties"]["schema"] = {"const": SCHEMA}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URI,
        "title": "newsgraph article record",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def shipped_schema() -> dict[str, Any]:
    text = files("newsgraph").joinpath("data/article.schema.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls, vars(record))
    props = {f.name: _type(hints[f.name], defs) for f in dataclasses.fields(cls)}
    return {"type": "object", "properties": props, "required": list(props),
            "additionalProperties": True}


def _type(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(hint)
    if hint is type(None):
        return {"type": "null"}
    if hint in _SCALARS:
        return {"type": _SCALARS[hint]}
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # placeholder against recursion
            defs[hint.__name__] = _object(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if origin in (Union, types.UnionType):
        options = [_type(a, defs) for a in get_args(hint)]
        return {"anyOf": options}
    if origin is list:
        return {"type": "array", "items": _type(get_args(hint)[0], defs)}
    if origin is tuple:
        items = [_type(a, defs) for a in get_args(hint)]
        return {"type": "array", "prefixItems": items, "minItems": len(items),
                "maxItems": len(items)}
    raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover - a new field type


_SCALARS: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean",
                            typing.Any: "object"}
