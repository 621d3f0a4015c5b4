"""Guards against drift: every command, setting and error code is documented and works."""

from __future__ import annotations

import json
import re
import string
from dataclasses import fields
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from storyline.errors import Errors, StorylineError, Warnings
from storyline.ingest import ingest
from storyline.present.cli import app
from storyline.present.export import export
from storyline.read import is_article_file
from storyline.settings import Settings
from storyline.store import Store

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _commands() -> dict[str, object]:
    return dict(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(_commands()))
def test_docs_every_command_has_help_with_example_and_is_documented(name: str) -> None:
    command = _commands()[name]
    assert "Example:" in (command.help or ""), f"{name} --help lacks an example"
    assert f"storyline {name}" in (DOCS / "cli.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [f.name for f in fields(Settings)])
def test_docs_every_setting_is_in_defaults_toml_with_comment(name: str) -> None:
    text = resources.files("storyline").joinpath("defaults.toml").read_text("utf-8")
    match = re.search(rf"((?:#.*\n)+){name} = ", text)
    assert match, f"setting {name} is missing or has no comment in defaults.toml"
    assert f"`{name}`" in (DOCS / "settings.md").read_text(encoding="utf-8")


def test_docs_defaults_toml_matches_dataclass_defaults() -> None:
    assert Settings.load() == Settings()


@pytest.mark.parametrize("code", [n for n in vars(Errors) if re.fullmatch(r"E\d+", n)] + ["W203", "W204", "W205"])
def test_docs_every_error_code_formats(code: str) -> None:
    template = getattr(Errors, code, None) or getattr(Warnings, code)
    names = {f[1] for f in string.Formatter().parse(template) if f[1]}
    error = StorylineError(code, **{n: "x" for n in names})
    assert error.code == code and "{" not in str(error)


def _documented_fields(spec: str) -> dict[str, Any]:
    """Parse ``[{a, b, roles [{c, d}], e}]`` from docs/json.md into {"a": None, "roles": {"c": None, ...}, ...}."""
    tokens = re.findall(r"\[\{|\}\]|\w+|,", spec)
    position = 0

    def record() -> dict[str, Any]:
        nonlocal position
        assert tokens[position] == "[{", spec
        position += 1
        keys: dict[str, Any] = {}
        while tokens[position] != "}]":
            name = tokens[position]
            position += 1
            keys[name] = record() if tokens[position] == "[{" else None
            if tokens[position] == ",":
                position += 1
        position += 1
        return keys

    return record()


def _documented_json() -> dict[str, Any]:
    keys: dict[str, Any] = {}
    for line in (DOCS / "json.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].startswith("`"):
            continue
        nested = _documented_fields(cells[1]) if cells[1].startswith("[{") else None
        for name in re.findall(r"`(\w+)`", cells[0]):
            keys[name] = nested
    return keys


def _exported_json(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The union of the keys in exported objects, with the keys of lists of objects nested."""
    keys: dict[str, Any] = {}
    for record in records:
        for name, value in record.items():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                keys[name] = _merge(keys.get(name) or {}, _exported_json(value))
            else:
                keys.setdefault(name, None)
    return keys


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {name: _merge(a.get(name) or {}, b[name]) if b.get(name) else a.get(name) for name in a | b}


@pytest.mark.slow
def test_docs_json_md_lists_every_exported_key_and_nothing_else(tmp_path: Path, settings: Settings) -> None:
    folder = Path(str(resources.files("storyline").joinpath("examples")))
    with Store(tmp_path / "kb.db") as store:
        ingest(sorted(p for p in folder.iterdir() if is_article_file(p)), store, settings.with_values({"workers": 1}))
        export(store, "jsonl", tmp_path / "kb.jsonl")
    lines = (tmp_path / "kb.jsonl").read_text(encoding="utf-8").splitlines()
    exported = _exported_json([json.loads(line) for line in lines])
    assert exported == _documented_json()
