"""The layout holds: no import cycle anywhere in the package.

The layer contracts themselves are in pyproject.toml ([tool.importlinter]) and
are checked by ``lint-imports`` in ``make lint``; a cycle is what those
contracts cannot express, so it is checked here over the real import graph.
"""

from __future__ import annotations

import grimp


def _cycles(package: str) -> list[tuple[str, str]]:
    graph = grimp.build_graph(package)
    found = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if graph.chain_exists(importer=imported, imported=module):
                found.add(tuple(sorted((module, imported))))
    return sorted(found)


def test_no_import_cycle_in_storyline() -> None:
    assert _cycles("storyline") == []


def test_cycle_detector_sees_a_cycle(tmp_path, monkeypatch) -> None:
    package = tmp_path / "loopy"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("from . import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _cycles("loopy") == [("loopy.a", "loopy.b")]
