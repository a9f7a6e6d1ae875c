"""``aitasker-desktop``'s command line: the parser, and the usual command lines read without it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app import about


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    plain = _plain_arguments(sys.argv[1:] if argv is None else argv)
    return plain if plain is not None else _parser().parse_args(argv)


# The usual command lines, read without building the parser (its help texts look up translations
# and the terminal's size: a few milliseconds of the start). Anything else goes to the parser.
_FLAGS = {"--demo": "demo", "--debug": "debug"}
_VALUES: dict[str, tuple[str, Any]] = {
    "--api-url": ("api_url", str),
    "--data-dir": ("data_dir", Path),
    "--screenshot": ("screenshot", Path),
    "--demo-speed": ("demo_speed", float),
}


DEMO_SPEED = 10.0  # practice-server seconds per real second


def _defaults() -> dict[str, Any]:
    """Every option's value when it is not given (the parser's defaults too)."""
    return {
        "demo": False,
        "debug": False,
        "data_dir": None,
        "screenshot": None,
        "api_url": os.environ.get("AITASKER_API_URL"),
        "demo_speed": DEMO_SPEED,
    }


def _plain_arguments(arguments: list[str]) -> argparse.Namespace | None:
    """What the parser would make of ``arguments`` when each is a whole option name (a value after
    its option or after "="); None for anything else (help, version, short or unknown options,
    a value the parser would refuse), which the parser then reads and answers."""
    values = _defaults()
    at = 0
    while at < len(arguments):
        name, equals, value = arguments[at].partition("=")
        if name in _FLAGS and not equals:
            values[_FLAGS[name]] = True
            at += 1
            continue
        if name not in _VALUES:
            return None
        if not equals:
            if at + 1 >= len(arguments) or arguments[at + 1].startswith("-"):
                return None
            value, at = arguments[at + 1], at + 1
        at += 1
        key, kind = _VALUES[name]
        try:
            values[key] = kind(value)
        except ValueError:
            return None
    return argparse.Namespace(**values)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aitasker-desktop", description="Post tasks to AITasker and follow them.")
    defaults = _defaults()
    parser.add_argument(
        "--demo", action="store_true", help="use a practice server on this computer (no account needed)"
    )
    parser.add_argument(
        "--api-url",
        default=defaults["api_url"],
        help="the AITasker API address (default https://api.aitasker.co)",
    )
    parser.add_argument(
        "--data-dir", type=Path, help="keep drafts, tasks, settings and logs here (default: your user folders)"
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="PNG", help="save a picture of the window once shown, then quit"
    )
    parser.add_argument(
        "--demo-speed",
        type=float,
        default=defaults["demo_speed"],
        help="demo mode: practice-server seconds per real second (default 10)",
    )
    parser.add_argument("--debug", action="store_true", help="log more detail")
    parser.add_argument("--version", action="version", version=f"{about.NAME} {about.VERSION}")
    return parser
