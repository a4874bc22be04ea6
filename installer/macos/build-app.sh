#!/bin/sh
# macOS: build "CSP Reconciler.app" and a compressed disk image. Run on a Mac with Python 3.11+:
#   python3 -m venv .venv && .venv/bin/pip install -e '.[dist]' && sh installer/macos/build-app.sh
# The same spec builds the .app (BUNDLE: version from pyproject.toml, .csprecon document type).
set -eu
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
mkdir -p build/icons/csp-reconciler.iconset
.venv/bin/python installer/build.py  # icons (PNG sizes) and the PyInstaller bundle
for s in 16 32 128 256; do
  cp "build/icons/csp-reconciler-$s.png" "build/icons/csp-reconciler.iconset/icon_${s}x${s}.png"
done
iconutil -c icns build/icons/csp-reconciler.iconset -o build/icons/csp-reconciler.icns
.venv/bin/python -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller \
  installer/csp_reconciler.spec          # again, now with the .icns
VERSION=$(.venv/bin/python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
hdiutil create -volname "CSP Reconciler" -srcfolder "dist/CSP Reconciler.app" -ov -format UDZO \
  "dist/csp-reconciler-$VERSION-macos.dmg"
echo "$ROOT/dist/csp-reconciler-$VERSION-macos.dmg"
