#!/bin/sh
# Remove AITasker Desktop's menu entry and icon (put there by install.sh). Your drafts, tasks,
# settings and saved key are kept; this folder is kept too: delete it yourself when you want.
set -eu

APP_ID=co.aitasker.Desktop
DATA=${XDG_DATA_HOME:-"$HOME/.local/share"}

rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
for icon in "$DATA"/icons/hicolor/*/apps/"$APP_ID".png "$DATA"/icons/hicolor/*/apps/"$APP_ID".svg; do
    [ -e "$icon" ] && rm -f "$icon"
done

for dir in "$DATA/icons/hicolor" "$DATA/applications"; do
    if [ -d "$dir" ]; then touch "$dir" 2>/dev/null || true; fi
done

echo "The AITasker Desktop menu entry and icon are removed."
echo "Your data stays in ${XDG_DATA_HOME:-~/.local/share}/aitasker-desktop; delete that folder to remove it too."
