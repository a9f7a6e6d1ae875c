#!/bin/sh
# Put AITasker Desktop in your applications menu, with its icon, for you only (no password needed).
# The menu entry starts the program from this folder: move the folder later and run this again.
set -eu

APP_ID=co.aitasker.Desktop
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)
DATA=${XDG_DATA_HOME:-"$HOME/.local/share"}
EXE="$HERE/aitasker-desktop"

if [ ! -x "$EXE" ]; then
    echo "install.sh: $EXE is missing; run this script from the unpacked AITasker Desktop folder." >&2
    exit 1
fi

# Quote the program's path for the Exec line (Desktop Entry spec: inside double quotes, escape " ` $ \,
# then escape every backslash again for the string type; a literal % is written %%).
quoted=$(printf '%s' "$EXE" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
tryexec=$(printf '%s' "$EXE" | sed -e 's/\\/\\\\/g')

mkdir -p "$DATA/applications"
sed -e "s|^Exec=.*|Exec=\"$(printf '%s' "$quoted" | sed 's/[|&\\]/\\&/g')\"|" \
    -e "s|^TryExec=.*|TryExec=$(printf '%s' "$tryexec" | sed 's/[|&\\]/\\&/g')|" \
    "$HERE/share/applications/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop.tmp"
mv "$DATA/applications/$APP_ID.desktop.tmp" "$DATA/applications/$APP_ID.desktop"

for dir in "$HERE"/share/icons/hicolor/*/apps; do
    size=$(basename "$(dirname "$dir")")
    mkdir -p "$DATA/icons/hicolor/$size/apps"
    cp -f "$dir"/"$APP_ID".* "$DATA/icons/hicolor/$size/apps/"
done
mkdir -p "$DATA/metainfo"
cp -f "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"

# Desktops watch these folders; a newer folder time tells GTK's icon lookup to look again (no cache
# file is written: a stale user-level icon cache would hide other programs' icons later).
for dir in "$DATA/icons/hicolor" "$DATA/applications"; do
    if [ -d "$dir" ]; then touch "$dir" 2>/dev/null || true; fi
done

echo "AITasker Desktop is in your applications menu (it starts $EXE)."
echo "To remove the menu entry and icon: $HERE/uninstall.sh"
