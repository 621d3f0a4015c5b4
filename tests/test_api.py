"""The public Python API holds: the names in ``storyline.__all__`` stay what they are."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import storyline
from storyline import Article


def test_every_public_name_survives_importing_every_submodule() -> None:
    before = {name: getattr(storyline, name) for name in storyline.__all__}
    for module in pkgutil.walk_packages(storyline.__path__, prefix="storyline."):
        if module.name != "storyline.__main__":  # runs the CLI
            importlib.import_module(module.name)
    after = {name: getattr(storyline, name) for name in storyline.__all__}
    assert {n for n in before if before[n] is not after[n]} == set()
    assert callable(storyline.analyze) and callable(storyline.build)


def test_public_names_hold_in_a_fresh_interpreter_that_imports_submodules_first() -> None:
    # The old failure: a submodule import (analyze.nlp) rebound storyline.analyze to the package.
    code = (
        "import storyline.analyze.nlp, storyline.analyze.time.dates, storyline.ingest, storyline\n"
        "assert callable(storyline.analyze), storyline.analyze\n"
        "assert callable(storyline.ingest), storyline.ingest\n"
        "print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr


@pytest.mark.slow
def test_analyze_works_on_every_call() -> None:
    article = Article(
        id="a1", source="mine.txt", text='Mayor Ana Ruiz met the council on Monday. "We agreed," she said.'
    )
    first = storyline.analyze(article)  # loads the model itself: the call that used to break the next one
    second = storyline.analyze(article)
    assert first == second and first.quotes


def test_open_kb_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(storyline.StorylineError) as raised:
        storyline.open_kb(tmp_path / "nope.db")
    assert raised.value.code == "E121" and not (tmp_path / "nope.db").exists()
