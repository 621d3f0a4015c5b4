"""The built-in example corpus: one invented story covered by three invented outlets.

The files ship inside the package so ``make demo`` and the tests have realistic
input on a fresh machine with no network. README.md in this folder lists what a
careful analyst should find in them; tests check the pipeline against it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: Suffixes of the article files; README.md and this module are not articles.
ARTICLE_SUFFIXES = (".txt", ".html", ".jsonl")


def examples_dir() -> Path:
    """The folder holding the example files, wherever the package is installed.

    Returned as a real path (not a Traversable) because readers take paths;
    setuptools installs package data as plain files, so this always exists.
    """
    return Path(str(resources.files(__name__)))


def example_paths() -> list[Path]:
    """The example article files, sorted by name, which is also their date order."""
    return sorted(p for p in examples_dir().iterdir() if p.suffix in ARTICLE_SUFFIXES)
