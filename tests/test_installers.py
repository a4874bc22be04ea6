"""The installers' promises that can be checked without building them (`make dist-check`
builds and tries the Linux bundle and .deb): the dependency list is what the code imports,
the bundle is pinned, the licences are shown, the desktop entry, the Windows and macOS
icons and the Windows installer's places."""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import re
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))

import build  # noqa: E402 - installer/build.py

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> dict[str, Requirement]:
    return {normal(Requirement(r).name): Requirement(r) for r in PROJECT["dependencies"]}


def third_party_imports() -> dict[str, str]:
    """Each third-party top-level module core/, desktop/ and widgets/ import -> one file."""
    found: dict[str, str] = {}
    for package in ("core", "desktop", "widgets"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in (
                        "core", "desktop", "widgets", "__future__"
                    ):  # fmt: skip
                        found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_the_dependencies_are_exactly_what_the_code_imports():
    owners = metadata.packages_distributions()
    wanted = declared()
    used: set[str] = set()
    for module, where in third_party_imports().items():
        dists = {normal(d) for d in owners.get(module, [])}
        hit = dists & set(wanted)
        assert hit, f"{where} imports {module} ({sorted(dists)}): not in pyproject.toml"
        used |= hit
    assert set(wanted) - used == set(), "declared in pyproject.toml but imported nowhere"
    assert "numpy" in used and "pandas" not in wanted


def test_the_bundle_is_built_from_pinned_versions_that_meet_the_dependencies():
    text = (ROOT / "installer" / "constraints.txt").read_text()
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    pins = {normal(name): version for name, version in (line.split("==") for line in lines)}
    dist_extra = [Requirement(r) for r in PROJECT["optional-dependencies"]["dist"]]
    for name, req in [*declared().items(), *((normal(r.name), r) for r in dist_extra)]:
        assert name in pins, f"{name} is not pinned in installer/constraints.txt"
        assert req.specifier.contains(pins[name], prereleases=True), (name, pins[name])
    makefile = (ROOT / "Makefile").read_text()
    assert "-c installer/constraints.txt" in makefile


def test_help_about_lists_the_licence_of_qt_the_fonts_and_every_dependency(qtbot):
    from PySide6.QtWidgets import QWidget

    from desktop import about_dialog

    listed = {normal(name): licence for name, licence in about_dialog.LICENCES}
    assert set(declared()) - {"pyside6"} <= set(listed)
    assert listed[normal("Qt 6 and PySide6")] == "LGPL-3.0-only"
    assert listed[normal("DejaVu Sans fonts")] == "Bitstream-Vera"
    assert listed["ofxtools"] == "GPL-3.0-only"

    window = QWidget()
    qtbot.addWidget(window)
    window.path = Path("/tmp/demo/workspace.db")
    box = about_dialog.show(window)
    text = box.text()
    assert "Qt 6 and PySide6</td><td>LGPL-3.0-only" in text
    assert "DejaVu Sans fonts</td><td>Bitstream-Vera" in text
    assert "Workspace: /tmp/demo/workspace.db" in text
    assert "licenses folder" in text  # a checkout has no bundle folder to name
    box.close()


def test_the_bundle_carries_the_licence_texts_of_what_it_bundles(tmp_path):
    import notices

    summary = notices.write(tmp_path / "licenses").read_text()
    assert re.search(r"^PySide6_Essentials +\S+ +LGPL-3\.0-only", summary, re.M)
    assert re.search(r"^ofxtools +1\.\S+ +GPL-3\.0-only", summary, re.M)
    assert "DejaVu Sans fonts" in summary and "Bitstream-Vera" in summary
    for text in ("LGPL-3.0.txt", "GPL-3.0.txt", "DejaVu-fonts.txt", "Python-2.0.txt"):
        assert (tmp_path / "licenses" / text).stat().st_size > 1000
    assert (tmp_path / "licenses" / "pyarrow").is_dir()  # its LICENSE and NOTICE files


def desktop_entry() -> dict[str, str]:
    lines = build.DESKTOP.splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def test_the_desktop_entry_groups_the_window_with_its_launcher_and_speaks_french(tmp_path):
    entry = desktop_entry()
    assert entry["Name[fr]"] == "CSP Reconciler"
    assert "rapprochement" in entry["Keywords[fr]"].split(";")
    assert "reconciliation" in entry["Keywords"].split(";")
    assert entry["StartupWMClass"] == build.APP_ID == "csp-reconciler"
    assert entry["Exec"] == "csp-reconciler %f"  # /usr/bin/csp-reconciler, from the .deb
    if shutil.which("desktop-file-validate"):
        path = tmp_path / f"{build.APP_ID}.desktop"
        path.write_text(build.DESKTOP)
        done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                              text=True, check=False)  # fmt: skip
        assert (done.returncode, done.stdout) == (0, "")


def test_the_application_names_its_desktop_entry(tmp_path):
    """Wayland matches the window to csp-reconciler.desktop by this name.  In a process of
    its own: main() sets the application up for good (translators, filters, hooks)."""
    import os

    code = "\n".join([
        "import sys",
        "import desktop.main_window",
        "from desktop import app",
        "class Stop(Exception): pass",
        "def stop(*args, **kwargs): raise Stop",
        "desktop.main_window.MainWindow = stop",
        "try: app.main([sys.argv[1], '--language', 'en'])",
        "except Stop: pass",
        "from PySide6.QtWidgets import QApplication",
        "print(QApplication.instance().desktopFileName())",
    ])  # fmt: skip
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        env[var] = str(tmp_path / var)
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "w.db")],
                          capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])  # fmt: skip
    assert done.stdout.strip().splitlines()[-1:] == [build.APP_ID], done.stderr[-2000:]


def test_the_windows_icon_holds_the_small_sizes_and_the_macos_iconset_every_size(tmp_path):
    out = build.icons(tmp_path)
    data = (out / "csp-reconciler.ico").read_bytes()
    _reserved, kind, count = struct.unpack("<HHH", data[:6])
    sizes = [data[6 + 16 * i] or 256 for i in range(count)]
    assert (kind, sizes) == (1, [16, 24, 32, 48, 256])
    first = struct.unpack("<I", data[6 + 12 : 6 + 16])[0]
    assert data[first : first + 8] == b"\x89PNG\r\n\x1a\n"

    from PySide6.QtGui import QImage

    iconset = out / "csp-reconciler.iconset"
    assert len(list(iconset.iterdir())) == 10
    assert QImage(str(iconset / "icon_512x512@2x.png")).width() == 1024
    assert QImage(str(iconset / "icon_16x16@2x.png")).width() == 32
    assert QImage(str(iconset / "icon_512x512.png")).width() == 512


def test_the_windows_installer_writes_where_the_chosen_install_mode_says():
    iss = (ROOT / "installer" / "csp-reconciler.iss").read_text()
    assert "PrivilegesRequiredOverridesAllowed=dialog" in iss
    assert "DefaultDirName={autopf}\\CSP Reconciler" in iss
    assert "{localappdata}" not in iss
    roots = re.findall(r"^Root: (\w+);.*$", iss, re.M)
    assert roots.count("HKA") == 4  # the .csprecon association
    # the PATH: the user's or the machine's, each under its install mode only
    for line in re.findall(r"^Root: HK(?:CU|LM);.*$", iss, re.M):
        assert 'Subkey: "Environment"' in line or "Session Manager" in line
        assert "IsAdminInstallMode" in line and "Tasks: addtopath" in line
    assert "ChangesEnvironment=yes" in iss


def test_the_disk_image_links_to_applications():
    script = (ROOT / "installer" / "macos" / "build-app.sh").read_text()
    assert 'ln -s /Applications "$STAGE/Applications"' in script
    assert '-srcfolder "$STAGE"' in script
    assert "notarytool submit" in script and "stapler staple" in script
