"""Write ``installer/constraints.txt``: the exact versions the bundle is built from.

``make dist`` installs the ``dist`` extra with ``-c installer/constraints.txt``, so the bundle
holds these versions and no others.  Run this after changing the dependencies in
``pyproject.toml`` (or to move to newer versions), in a venv holding the project with its
``dist`` extra: ``.venv/bin/python installer/lock.py``.  Every package the programs need at run
time (the dependencies and all they require) and PyInstaller with its own are pinned.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "installer" / "constraints.txt"
# the venv's own tools (pip freeze leaves them out too); PyInstaller asks only for some
# setuptools, and pinning it would fight the build of the project itself
TOOLS = {"pip", "setuptools", "wheel"}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(roots: list[str]) -> dict[str, metadata.Distribution]:
    """Every installed distribution the requirements ``roots`` need, by normalised name."""
    found: dict[str, metadata.Distribution] = {}
    extras: dict[str, set[str]] = {}
    todo = [Requirement(r) for r in roots]
    while todo:
        req = todo.pop()
        name = normal(req.name)
        wanted = set(req.extras)
        if name in found and wanted <= extras[name]:
            continue
        if name in TOOLS:
            continue
        extras.setdefault(name, set()).update(wanted)
        found[name] = metadata.distribution(req.name)
        for text in found[name].requires or []:
            sub = Requirement(text)
            chosen = extras[name] or {""}
            if sub.marker and not any(sub.marker.evaluate({"extra": e}) for e in chosen):
                continue
            todo.append(sub)
    return found


def runtime_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["dist"]]


def main() -> int:
    found = closure(runtime_requirements())
    lines = [
        "# The versions the bundle is built from (`make dist` installs with -c this file).",
        "# Written by installer/lock.py from the project's dependencies and its `dist` extra;",
        "# do not edit by hand.",
        *sorted((f"{d.metadata['Name']}=={d.version}" for d in found.values()), key=str.lower),
    ]
    CONSTRAINTS.write_text("\n".join(lines) + "\n")
    print(f"{CONSTRAINTS}: {len(found)} packages pinned")
    return 0


if __name__ == "__main__":
    sys.exit(main())
