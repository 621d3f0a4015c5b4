"""One Settings object, built once (defaults, then a user file, then flags).

Every field is declared in ``defaults.toml`` with a comment; that file is the
single list of settings, so ``--setting``, the docs and the tests stay in step.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import metadata, resources
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
    keep_raw: bool = True
    link: bool = True
    fetch_timeout: float = 20.0
    fetch_interval: float = 1.0
    max_redirects: int = 5
    busy_timeout: float = 5.0

    @classmethod
    def load(cls, path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Settings:
        """Build settings from defaults.toml, an optional TOML file and overrides."""
        values = _read_toml(resources.files("storyline").joinpath("defaults.toml").read_text("utf-8"), "defaults.toml")
        if path is not None:
            values.update(_read_toml(Path(path).read_text("utf-8"), str(path)))
        values.update(overrides or {})
        return cls().with_values(values)

    def analysis_version(self) -> str:
        """What an analysis made with these settings is stamped with: ``"0.1.0+1a2b3c4d"``.

        The package version (the code of cleaning and analysis), then a short
        hash of the settings that change what is stored for an article:
        ``model`` (the spaCy pipeline finds different names and sentences),
        ``pipeline`` (which components run, in which order) and
        ``short_line_words`` (what the text cleaner keeps as body). Settings
        that only change speed, memory or where things go (``workers``,
        ``batch_size``, ``write_batch``, ``max_bytes``, ``keep_raw``) give the
        same result and do not count, so changing them never triggers
        ``storyline reanalyze``. ``ANALYSIS_SETTINGS`` lists the counted
        names; a test makes every new setting choose a side.
        """
        chosen = {name: getattr(self, name) for name in ANALYSIS_SETTINGS}
        digest = hashlib.sha256(json.dumps(chosen, sort_keys=True, default=list).encode("utf-8")).hexdigest()
        return f"{package_version()}+{digest[:8]}"

    def with_values(self, values: dict[str, Any]) -> Settings:
        """Return a copy with ``values`` applied, each checked against its field type."""
        known = {f.name: f for f in fields(self)}
        checked: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                raise StorylineError("E140", name=name, known=", ".join(sorted(known)))
            checked[name] = _coerce(name, getattr(self, name), value)
        return replace(self, **checked)


# The settings that change the output of cleaning or analysis (see Settings.analysis_version).
ANALYSIS_SETTINGS = ("model", "pipeline", "short_line_words")
# The settings that do not: speed, memory, limits on input, what else is kept.
# (fetch_timeout, fetch_interval, max_redirects: how pages and feeds are downloaded, not what is stored.)
OPERATIONAL_SETTINGS = (
    "max_bytes",
    "batch_size",
    "workers",
    "write_batch",
    "keep_raw",
    "link",
    "fetch_timeout",
    "fetch_interval",
    "max_redirects",
    "busy_timeout",
)
# The least value each numeric setting accepts: a negative worker count or an
# empty batch is refused at the door (E141, exit 2), never deep inside ingest.
MINIMUM: dict[str, float] = {"workers": 0, "batch_size": 1, "write_batch": 1, "max_bytes": 1, "busy_timeout": 0}


def package_version() -> str:
    """The installed storyline version; "unknown" when run from a source tree that is not installed."""
    try:
        return metadata.version("storyline")
    except metadata.PackageNotFoundError:
        return "unknown"


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
    if name in MINIMUM and not isinstance(value, bool):
        kind = "an integer" if isinstance(default, int) else "a number"
        try:
            number = type(default)(value)
        except (TypeError, ValueError) as err:
            raise StorylineError("E141", name=name, expected=kind, value=value) from err
        if number < MINIMUM[name] or (isinstance(default, int) and number != float(value)):
            raise StorylineError("E141", name=name, expected=f"{kind} >= {MINIMUM[name]:g}", value=value)
        return number
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
