"""Guards against drift: every command, setting and error code is documented and works."""

from __future__ import annotations

import re
import string
from dataclasses import fields
from importlib import resources
from pathlib import Path

import pytest
from typer.main import get_command

from storyline.errors import Errors, StorylineError, Warnings
from storyline.present.cli import app
from storyline.settings import Settings

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


@pytest.mark.parametrize("code", [n for n in vars(Errors) if re.fullmatch(r"E\d+", n)] + ["W203", "W204"])
def test_docs_every_error_code_formats(code: str) -> None:
    template = getattr(Errors, code, None) or getattr(Warnings, code)
    names = {f[1] for f in string.Formatter().parse(template) if f[1]}
    error = StorylineError(code, **{n: "x" for n in names})
    assert error.code == code and "{" not in str(error)
