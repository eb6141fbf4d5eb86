#!/bin/sh
# Install the unpacked quote_desk app for one user (no root): the app folder, the two commands, the menu entry,
# the AppStream metadata and the icons. Run from the unpacked folder:   ./install.sh
# PREFIX (default ~/.local) chooses where; ./install.sh --uninstall removes what it installed.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
APP_ID=org.quotedesk.QuoteDesk
APPDIR=$PREFIX/lib/quote-desk
SHARE=$PREFIX/share

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$APPDIR"
    rm -f "$PREFIX/bin/quote-desk" "$PREFIX/bin/quote-desk-gui" \
          "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml" \
          "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
    for f in "$SHARE"/icons/hicolor/*/apps/$APP_ID.png; do rm -f "$f"; done
    echo "quote_desk removed from $PREFIX (your projects, settings and registry are kept)"
    exit 0
fi

[ -x "$HERE/quote-desk" ] || { echo "install.sh: run it from the unpacked quote-desk folder" >&2; exit 1; }
mkdir -p "$(dirname "$APPDIR")" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo" "$SHARE/icons/hicolor/scalable/apps"
if [ "$HERE" != "$APPDIR" ]; then
    rm -rf "$APPDIR"
    cp -a "$HERE" "$APPDIR"
fi
ln -sf "$APPDIR/quote-desk" "$PREFIX/bin/quote-desk"
ln -sf "$APPDIR/quote-desk-gui" "$PREFIX/bin/quote-desk-gui"
sed "s|^Exec=quote-desk-gui|Exec=$PREFIX/bin/quote-desk-gui|; s|^TryExec=quote-desk-gui|TryExec=$PREFIX/bin/quote-desk-gui|" \
    "$HERE/share/applications/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp "$HERE/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$SHARE/icons/hicolor/scalable/apps/"
for d in "$HERE"/share/icons/hicolor/*x*; do
    size=$(basename "$d")
    mkdir -p "$SHARE/icons/hicolor/$size/apps"
    cp "$d/apps/$APP_ID.png" "$SHARE/icons/hicolor/$size/apps/"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "quote_desk installed in $APPDIR; commands in $PREFIX/bin (quote-desk, quote-desk-gui)"
