"""docs/python.md is runnable: its code blocks run in order, in an empty folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PYTHON_MD = Path(__file__).resolve().parent.parent / "docs" / "python.md"


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", PYTHON_MD.read_text(encoding="utf-8"), flags=re.S)


def test_python_md_has_examples() -> None:
    assert len(_blocks()) >= 3


@pytest.mark.slow
def test_python_md_examples_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for n, block in enumerate(_blocks(), 1):
        exec(compile(block, f"docs/python.md block {n}", "exec"), {"__name__": f"python_md_{n}"})
    printed = capsys.readouterr().out
    assert "Mara Quill" in printed and "E101" in printed and "Ana Ruiz" in printed
