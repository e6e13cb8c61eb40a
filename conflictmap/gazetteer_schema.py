"""The shape gazetteer.yaml must have, checked with jsonschema before anything in it is used or backed up.

A wrong type anywhere (`names: [12345]`, `name: [a, b]`, `contains: 5`) is reported with its file and line,
and a file with nothing in it is refused, so the last good copy is used instead of an empty gazetteer.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

_TEXT = {"type": "string"}
_NAME = {"type": "string", "minLength": 1}
_NAMES = {"type": "array", "items": _NAME}
_NUMBER = {"type": "number"}
_REGION = {
    "type": "object", "required": ["name", "lat", "lon"], "additionalProperties": False,
    "properties": {"name": _NAME, "short": _TEXT, "short_names": _NAMES, "admin1": _TEXT, "country": _TEXT,
                   "lat": _NUMBER, "lon": _NUMBER, "names": _NAMES, "contains": _NAMES},
}
_PLACE = {
    "type": "object", "required": ["name"], "additionalProperties": False,
    "properties": {"id": _NAME, "name": _NAME, "kind": _TEXT, "region": _TEXT, "country": _TEXT,
                   "population": {"type": "integer", "minimum": 0}, "lat": _NUMBER, "lon": _NUMBER,
                   "names": _NAMES, "source": _TEXT},
}
SCHEMA = {
    "type": "object", "additionalProperties": False,
    "anyOf": [{"required": [s], "properties": {s: {"minItems": 1}}} for s in ("regions", "places")],
    "properties": {"regions": {"type": "array", "items": _REGION}, "places": {"type": "array", "items": _PLACE},
                   "governments": _NAMES, "not_a_place": _NAMES, "front_regions": _NAMES},
}
_VALIDATOR = Draft202012Validator(SCHEMA)


def problems(data: object, root, path: Path) -> list[str]:
    """Each way `data` (composed as the node tree `root`) breaks the schema, as "file:line: where: what", first
    line first."""
    if data is None:
        return [f"{path}:1: the file is empty: it gives no regions and no places"]
    errors = list(_VALIDATOR.iter_errors(data))
    if len(errors) > 1:  # "empty" only when nothing else is wrong
        errors = [e for e in errors if e.validator != "anyOf"]
    if not errors:
        return []
    found = [(_line(root, list(e.absolute_path)), _where(list(e.absolute_path), data), _what(e)) for e in errors]
    return [f"{path}:{line}: {where}{what}" for line, where, what in sorted(found, key=lambda f: f[0])]


def _what(error) -> str:
    """The validator's message, in the words of someone editing the file."""
    value = repr(error.instance)
    value = value if len(value) <= 60 else value[:57] + "..."
    if error.validator == "type":
        wanted = {"string": "a text", "array": "a list", "object": "a mapping (key: value)", "number": "a number",
                  "integer": "a whole number"}
        expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        return f"must be {wanted.get(expected, expected)}, not {value}"
    if error.validator == "additionalProperties":
        unknown = error.message.split("(")[-1].rstrip(")").replace(" were unexpected", "").replace(" was unexpected", "")
        return f"unknown key {unknown}"
    if error.validator == "required":
        return error.message.replace("is a required property", "is missing")
    if error.validator == "anyOf":
        return "the file is empty: it gives no regions and no places"
    return error.message


def _where(where: list, data) -> str:
    """`places[3] (Name).names[0]: ` for an error inside an entry; empty at the top."""
    out, node = "", data
    for step in where:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
        node = node[step] if isinstance(node, (list, dict)) else None
        if isinstance(step, int) and isinstance(node, dict) and isinstance(node.get("name"), str):
            out += f" ({node['name']})"
    return f"{out}: " if out else ""


def _line(node, where: list) -> int:
    """The line of the value at `where` in the file (its parent's when it cannot be found)."""
    line = node.start_mark.line + 1 if node else 1
    for step in where:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line
