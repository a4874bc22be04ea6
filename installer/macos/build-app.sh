#!/bin/sh
# macOS: build "CSP Reconciler.app" and a compressed disk image. Run on a Mac with Python 3.11+:
#   python3 -m venv .venv && .venv/bin/pip install -e '.[dist]' -c installer/constraints.txt
#   sh installer/macos/build-app.sh
# The same spec builds the .app (BUNDLE: version from pyproject.toml, .csprecon document type).
# The disk image shows the app beside a link to Applications, to drag it there.
#
# Signing and notarisation (for whoever holds an Apple Developer ID certificate): set
#   CODESIGN_IDENTITY="Developer ID Application: NAME (TEAMID)"   (see `security find-identity -v`)
#   NOTARY_PROFILE=PROFILE   (made once: xcrun notarytool store-credentials PROFILE
#                             --apple-id ID --team-id TEAMID --password APP-SPECIFIC-PASSWORD)
# and the app is signed with the hardened runtime, the disk image signed, sent to Apple's
# notary service, and the ticket stapled to it.  Without them the app is unsigned: macOS
# then refuses the first start until System Settings > Privacy & Security > Open Anyway.
set -eu
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
APP="dist/CSP Reconciler.app"
.venv/bin/python installer/build.py  # icons (PNG sizes, the .iconset) and the bundle
iconutil -c icns build/icons/csp-reconciler.iconset -o build/icons/csp-reconciler.icns
.venv/bin/python -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller \
  installer/csp_reconciler.spec          # again, now with the .icns
.venv/bin/python -c "import sys; sys.path.insert(0, 'installer'); import notices; \
notices.write(__import__('pathlib').Path('$APP/Contents/Resources/licenses'))"
VERSION=$(.venv/bin/python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
DMG="dist/csp-reconciler-$VERSION-macos.dmg"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
fi

STAGE=build/dmg
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "CSP Reconciler" -srcfolder "$STAGE" -ov -format UDZO "$DMG"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$DMG"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose "$DMG"
  fi
fi
echo "$ROOT/$DMG"
