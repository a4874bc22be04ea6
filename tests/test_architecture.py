"""Sizes that keep the code readable: no module over 600 lines, no class over 400, no function
or method over 80 (``end_lineno - lineno + 1``, nested functions counted on their own).

The layering itself is checked by ``make lint`` (the contracts under [tool.importlinter] in
pyproject.toml); tests/test_layering.py keeps Qt out of core/.

A size over a limit is allowed only when listed in ``EXCEPTIONS`` below with its reason; an
exception that is no longer needed fails too, so the list stays true.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "desktop", "widgets")
LIMITS = {"module": 600, "class": 400, "function": 80}

# Not measured at all.
EXCLUDED = {
    # Alembic revisions are written once and never edited: their length is the schema change's.
    "core/store/migrations/",
}

# "path" for a module, "path::Class.method" for a class or function: one line of reason each.
EXCEPTIONS: dict[str, str] = {}


def measured_files() -> list[Path]:
    files = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if not any(rel.startswith(prefix) for prefix in EXCLUDED):
                files.append(path)
    return files


def definitions(tree: ast.AST, prefix: str = ""):
    """(qualified name, node) of every class and function, nested ones included."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            name = prefix + node.name
            yield name, node
            yield from definitions(node, name + ".")
        else:
            yield from definitions(node, prefix)


def oversized(path: Path, root: Path = ROOT) -> dict[str, str]:
    """What in one file passes its limit: {key: "kind, N lines (limit M)"}."""
    rel = path.relative_to(root).as_posix()
    source = path.read_text(encoding="utf-8")
    out = {}
    lines = len(source.splitlines())
    if lines > LIMITS["module"]:
        out[rel] = f"module, {lines} lines (limit {LIMITS['module']})"
    for name, node in definitions(ast.parse(source, filename=str(path))):
        kind = "class" if isinstance(node, ast.ClassDef) else "function"
        length = node.end_lineno - node.lineno + 1
        if length > LIMITS[kind]:
            out[f"{rel}::{name}"] = f"{kind}, {length} lines (limit {LIMITS[kind]})"
    return out


def all_oversized() -> dict[str, str]:
    out = {}
    for path in measured_files():
        out |= oversized(path)
    return out


def listing(found: dict[str, str]) -> str:
    return "\n".join(f"  {key}: {what}" for key, what in sorted(found.items()))


def test_sizes_within_limits():
    found = {key: what for key, what in all_oversized().items() if key not in EXCEPTIONS}
    assert not found, (
        f"{len(found)} over the size limits (split them, or list them in EXCEPTIONS in "
        f"tests/test_architecture.py with a reason):\n{listing(found)}"
    )


def test_exceptions_are_still_needed():
    found = all_oversized()
    stale = sorted(key for key in EXCEPTIONS if key not in found)
    assert not stale, "within the limits now, remove from EXCEPTIONS:\n" + "\n".join(
        f"  {key}" for key in stale
    )


def test_exceptions_have_reasons():
    assert all(reason.strip() for reason in EXCEPTIONS.values())


def test_the_measure(tmp_path):
    body = "".join(f"        x = {i}\n" for i in range(80))
    source = f"class A:\n    def short(self):\n        pass\n\n    def long(self):\n{body}"
    (tmp_path / "m.py").write_text(source + "        return x\n")
    # def line + 80 assignments + return
    assert oversized(tmp_path / "m.py", tmp_path) == {
        "m.py::A.long": "function, 82 lines (limit 80)"
    }
    (tmp_path / "big.py").write_text("pass\n" * 601)
    assert oversized(tmp_path / "big.py", tmp_path) == {"big.py": "module, 601 lines (limit 600)"}
