"""The licence notices the bundle carries: ``licenses/`` next to the programs.

``THIRD-PARTY-NOTICES.txt`` lists every component in the bundle with its version and licence;
each Python package's own licence files (from its installed metadata) are copied under
``licenses/PACKAGE/``, and the texts the metadata does not carry are added from
``installer/licenses/`` (the LGPL and GPL for Qt and PySide6, the DejaVu fonts' licence,
Python's).  Help > About shows the same list (desktop/about_dialog.py) and points here.
"""

from __future__ import annotations

import importlib.metadata as metadata
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "licenses"
CONSTRAINTS = HERE / "constraints.txt"
# Build tools pinned in constraints.txt that are not themselves in the bundle (PyInstaller's
# run-time bootloader is: see OTHERS).
NOT_BUNDLED = {"pyinstaller", "pyinstaller-hooks-contrib", "altgraph", "packaging",
               "PySide6_WebEngine", "setuptools"}  # fmt: skip
# Components that are not Python packages, with the file in installer/licenses/ holding the
# licence text.
OTHERS = (
    ("Python", "PSF-2.0", "Python-2.0.txt"),
    ("Qt 6 (libraries and plugins, through PySide6)", "LGPL-3.0-only", "LGPL-3.0.txt"),
    ("DejaVu Sans fonts", "Bitstream-Vera AND LicenseRef-Arev-Fonts", "DejaVu-fonts.txt"),
    ("PyInstaller bootloader", "GPL-2.0-or-later WITH Bootloader-exception",
     "PyInstaller-bootloader.txt"),
)  # fmt: skip
COPYLEFT_NOTE = """\
Qt and PySide6 (LGPL-3.0) are shipped as separate shared libraries in _internal/PySide6/: they
can be replaced by a compatible build.  LGPL-3.0 is the GPL-3.0 with additional permissions,
hence GPL-3.0.txt beside it.  ofxtools is GPL-3.0-only: see installer/README.md in the source
for what that means for distributing this bundle.
"""


def pinned() -> list[tuple[str, str]]:
    """(name, version) of each package in constraints.txt that the bundle holds."""
    rows = []
    for line in CONSTRAINTS.read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            if name not in NOT_BUNDLED:
                rows.append((name, version))
    return rows


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 60:
        return text
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]  # fmt: skip
    return " / ".join(classifiers) or "see its licence file"


def licence_files(dist: metadata.Distribution) -> list[Path]:
    found = []
    for file in dist.files or []:
        name = file.name.upper()
        if ".dist-info/" in str(file).replace("\\", "/") and name.startswith(
            ("LICEN", "COPYING", "NOTICE", "AUTHORS", "COPYRIGHT")
        ):
            found.append(Path(str(file.locate())))
    return found


def write(folder: Path) -> Path:
    """Write the notices into ``folder`` (the bundle's ``licenses/``); return the summary."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    lines = ["CSP Reconciler bundles these components; their licence texts are in this folder.",
             "", f"{'component':<48} {'version':<14} licence", ""]  # fmt: skip
    for name, version in pinned():
        dist = metadata.distribution(name)
        lines.append(f"{name:<48} {version:<14} {licence_of(dist)}")
        for path in licence_files(dist):
            (folder / name).mkdir(exist_ok=True)
            shutil.copy(path, folder / name / path.name)
    lines.append("")
    for component, licence, text in OTHERS:
        lines.append(f"{component:<63} {licence}  ({text})")
        shutil.copy(TEXTS / text, folder / text)
    shutil.copy(TEXTS / "GPL-3.0.txt", folder / "GPL-3.0.txt")
    lines += ["", COPYLEFT_NOTE]
    summary = folder / "THIRD-PARTY-NOTICES.txt"
    summary.write_text("\n".join(lines))
    return summary
