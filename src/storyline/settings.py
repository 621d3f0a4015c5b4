"""One Settings object, built once (defaults, then a user file, then flags).

Every field is declared in ``defaults.toml`` with a comment; that file is the
single list of settings, so ``--setting``, the docs and the tests stay in step.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import StorylineError


@dataclass(frozen=True, slots=True)
class Settings:
    """Options for reading, cleaning, analysis and ingest. See defaults.toml."""

    model: str = "en_core_web_sm"
    pipeline: tuple[str, ...] = ("entities", "quotes", "attributions", "dates", "events", "timeline")
    max_bytes: int = 20_000_000
    batch_size: int = 32
    workers: int = 0
    write_batch: int = 64
    short_line_words: int = 6

    @classmethod
    def load(cls, path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Settings:
        """Build settings from defaults.toml, an optional TOML file and overrides."""
        values = _read_toml(resources.files("storyline").joinpath("defaults.toml").read_text("utf-8"), "defaults.toml")
        if path is not None:
            values.update(_read_toml(Path(path).read_text("utf-8"), str(path)))
        values.update(overrides or {})
        return cls().with_values(values)

    def with_values(self, values: dict[str, Any]) -> Settings:
        """Return a copy with ``values`` applied, each checked against its field type."""
        known = {f.name: f for f in fields(self)}
        checked: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                raise StorylineError("E140", name=name, known=", ".join(sorted(known)))
            checked[name] = _coerce(name, getattr(self, name), value)
        return replace(self, **checked)


def parse_assignment(text: str) -> tuple[str, Any]:
    """Parse a ``KEY=VALUE`` flag; VALUE is read as TOML, falling back to a string."""
    name, _, raw = text.partition("=")
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    return name.strip(), value


def _read_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise StorylineError("E142", path=where, detail=err) from err


def _coerce(name: str, default: Any, value: Any) -> Any:
    if isinstance(default, tuple):
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list | tuple):
            raise StorylineError("E141", name=name, expected="a list", value=value)
        return tuple(value)
    if isinstance(default, bool) or not isinstance(default, int | str):
        return value
    try:
        return type(default)(value)
    except (TypeError, ValueError) as err:
        raise StorylineError("E141", name=name, expected=type(default).__name__, value=value) from err
