"""The usual command lines are read without building argparse's parser (app/command_line.py): what
they give must be exactly what the parser gives, and anything the quick reading does not know must
go to the parser."""

from __future__ import annotations

import argparse

import pytest

from app import command_line
from app.command_line import parse_args

COMMAND_LINES = [
    [],
    ["--demo"],
    ["--debug", "--demo"],
    ["--data-dir", "/tmp/x"],
    ["--data-dir=/tmp/x", "--demo"],
    ["--data-dir="],
    ["--api-url", "https://api.example.com"],
    ["--api-url=http://127.0.0.1:8765", "--debug"],
    ["--demo", "--demo-speed", "2.5"],
    ["--demo-speed=60", "--screenshot", "shot.png", "--demo"],
    ["--demo", "--demo"],
    ["--data-dir", "a", "--data-dir", "b"],
]


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=" ".join)
def test_the_quick_reading_gives_what_the_parser_gives(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AITASKER_API_URL", "https://from.environment.example")
    quick = command_line._plain_arguments(argv)
    assert quick is not None, "a usual command line should not need the parser"
    assert vars(quick) == vars(command_line._parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [["--version"], ["-h"], ["--dem"], ["--demo-speed", "fast"], ["--data-dir"], ["--unknown"], ["stray"]],
    ids=" ".join,
)
def test_anything_else_goes_to_the_parser(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Help, the version, abbreviations, bad values, unknown words: the parser answers them (it
    prints and exits, or accepts what it knows, as it always did)."""
    assert command_line._plain_arguments(argv) is None
    try:
        parsed = parse_args(argv)
    except SystemExit:
        return  # the parser answered (help, version, or an error in plain words)
    assert vars(parsed) == vars(command_line._parser().parse_args(argv))  # e.g. "--dem" for --demo


def test_every_option_of_the_parser_is_known_to_the_quick_reading_with_the_same_default() -> None:
    """A new option added to the parser alone would only be slower (the parser reads it); a default
    changed in one place only would make the two readings differ: both are caught here."""
    parser = command_line._parser()
    quick_names = set(command_line._FLAGS) | set(command_line._VALUES)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._VersionAction):
            continue
        assert set(action.option_strings) & quick_names, f"{action.option_strings} missing from the quick reading"
    defaults = command_line._plain_arguments([])
    assert defaults is not None
    assert vars(defaults) == vars(parser.parse_args([]))
