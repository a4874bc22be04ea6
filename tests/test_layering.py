"""The layers: core/ knows nothing of Qt or the GUI; widgets/ nothing of desktop/."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "core": {"PySide6", "shiboken6", "widgets", "desktop", "PyQt5", "PyQt6"},
    "widgets": {"desktop"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layer_imports_nothing_above_it(package):
    leaks = {
        f"{p.relative_to(ROOT)}: {sorted(imported_modules(p) & FORBIDDEN[package])}"
        for p in (ROOT / package).rglob("*.py")
        if imported_modules(p) & FORBIDDEN[package]
    }
    assert not leaks


def test_the_check_finds_a_leak(tmp_path):
    bad = tmp_path / "x.py"
    bad.write_text("def f():\n    from PySide6 import QtCore\n")
    assert "PySide6" in imported_modules(bad)
