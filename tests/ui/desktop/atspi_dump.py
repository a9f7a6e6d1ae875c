"""Print the accessibility tree of one application as JSON lines, the way a screen reader reads it.

Run by the system Python (Debian's python3-pyatspi), not by the test environment: it is a separate
program talking to the AT-SPI bus, as Orca would.
usage: python3 atspi_dump.py APP_NAME
"""

import json
import sys

import pyatspi

ROLES_WITH_TEXT = {"text", "entry", "label", "paragraph", "terminal", "password text"}


def walk(node, depth, out):
    try:
        role = node.getRoleName()
        states = node.getState()
        entry = {
            "depth": depth,
            "role": role,
            "name": node.name or "",
            "focused": states.contains(pyatspi.STATE_FOCUSED),
            "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
            "showing": states.contains(pyatspi.STATE_SHOWING),
            "enabled": states.contains(pyatspi.STATE_ENABLED),
            "expandable": states.contains(pyatspi.STATE_EXPANDABLE),
            "expanded": states.contains(pyatspi.STATE_EXPANDED),
        }
        if role in ROLES_WITH_TEXT:
            try:
                text = node.queryText()
                entry["text"] = text.getText(0, min(text.characterCount, 2000))
            except Exception:
                pass
        out.append(entry)
        if depth < 60:
            for i in range(node.childCount):
                child = node.getChildAtIndex(i)
                if child is not None:
                    walk(child, depth + 1, out)
    except Exception as exc:  # a node that vanished while we read it
        out.append({"depth": depth, "role": "error", "name": str(exc)})


def main():
    want = sys.argv[1].lower()
    desktop = pyatspi.Registry.getDesktop(0)
    out = []
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and want in (app.name or "").lower():
            walk(app, 0, out)
    for entry in out:
        print(json.dumps(entry))


main()
