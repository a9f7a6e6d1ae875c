"""The real program in a real X session, used with the keyboard only and read through the accessibility
bus the way a screen reader reads it. Skips, naming the Debian packages, where those tools are absent."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui.desktop.harness import Desktop, Node, missing_tools, outline

pytestmark = pytest.mark.skipif(bool(reason := missing_tools()), reason=reason or "")

INTERACTIVE = {
    "push button",
    "text",
    "entry",
    "combo box",
    "check box",
    "spin button",
    "slider",
    "table",
    "list",
    "page tab list",
    "radio button",
    "toggle button",
    "tree",
    "tree table",
}
WINDOW = "AITasker Desktop — demo"


@pytest.fixture(scope="module")
def desktop() -> Iterator[Desktop]:
    session = Desktop()
    session.start()
    try:
        yield session
    finally:
        session.stop()


@pytest.fixture
def demo(desktop: Desktop, tmp_path: Path) -> Iterator[Desktop]:
    desktop.launch(tmp_path / "data", "--demo", "--demo-speed", "60")
    try:
        desktop.wait_for("the main window", lambda tree: tree.find("frame", WINDOW))
        desktop.focus_window(WINDOW)
        yield desktop
    finally:
        desktop.close_app()


def named(prefix: str) -> Callable[[str], bool]:
    return lambda name: name.startswith(prefix)


def test_every_control_a_keyboard_reaches_has_a_name(demo: Desktop) -> None:
    tree = demo.tree()
    window = tree.find("frame", WINDOW)[0]
    unnamed = [
        node
        for node in window.walk()
        if node.role in INTERACTIVE and node.showing and node.focusable and not node.name.strip()
    ]
    assert not unnamed, "controls a screen reader announces without a name:\n" + outline(tree)
    controls = [node for node in window.walk() if node.role in INTERACTIVE]
    for label in ("What do you need?", "Describe it", "Category", "Task type", "Budget", "Your tasks"):
        assert [c for c in controls if c.name.startswith(label)], f"no control is announced as {label!r}:\n" + outline(
            tree
        )


def unnamed_or_unknown(window: Node) -> list[str]:
    """What a screen reader would meet without knowing what it is: a shown item Tab or a click can
    focus that has no name, or an item whose role it does not know."""
    found = []
    for node in window.walk():
        if not node.showing:
            continue
        if node.role == "unknown":
            found.append(f"an item of unknown role {node.name!r}")
        elif node.focusable and not node.name.strip() and node.role not in ("list", "table cell", "list item"):
            found.append(f"an unnamed {node.role}")
    return found


def test_the_main_window_is_a_window_with_every_stop_named_and_expanders_as_expanders(demo: Desktop) -> None:
    tree = demo.tree()
    [window] = tree.find("frame", WINDOW)
    assert not unnamed_or_unknown(window), "\n".join(unnamed_or_unknown(window)) + "\n" + outline(tree)
    for name in ("More options", "More details"):
        [button] = [n for n in window.walk() if n.name == name]
        assert button.role != "check box", f"{name!r} is announced as a check box:\n" + outline(tree)
        assert button.role == "push button" and button.expandable and not button.expanded, outline(tree)
    demo.keys("alt+o")  # More options opens: the screen reader hears "expanded"
    opened = demo.wait_for(
        "More options expanded", lambda t: [n for n in t.walk() if n.name == "More options" and n.expanded]
    )
    assert [n for n in opened.walk() if n.name == "Requirements (optional)" and n.showing], outline(opened)


def spoken(tree: Node) -> str:
    return "\n".join(f"{n.name} {n.text or ''}" for n in tree.walk() if n.showing)


def post_with_keyboard(demo: Desktop, title: str) -> None:
    """Type a title, take the suggested category with Alt+U, describe, Ctrl+Enter, confirm with Enter."""
    focused = demo.focused()
    assert focused is not None and focused.name.startswith("What do you need"), outline(demo.tree())
    demo.type(title)
    demo.wait_for(
        "the suggested category", lambda tree: "Looks like Graphics & Design › Logo design" in spoken(tree), timeout=20
    )
    demo.keys("alt+u")
    demo.keys("alt+d")
    assert (demo.focused() or Node(0, "", "")).name.startswith("Describe it"), outline(demo.tree())
    demo.type("A round logo with a loaf of bread, warm colours.")
    demo.keys("ctrl+Return")

    def question(tree: Node) -> list[Node]:  # the confirmation: a window of its own that names the task
        return [n for n in tree.walk() if n.depth == 1 and n.role in ("alert", "dialog") and title in spoken(n)]

    confirm = demo.wait_for("the question before posting", question, timeout=20)
    assert "Post" in spoken(question(confirm)[0]), outline(confirm)
    demo.keys("Return")

    def row_in_table(tree: Node) -> bool:
        for table in tree.find("table", named("Your tasks")):
            names = [cell.name for cell in table.walk() if cell.role == "table cell"]
            if title in names and any("Logo design" in name for name in names):
                return True
        return False

    demo.wait_for("the new task, in its suggested category, in 'Your tasks'", row_in_table, timeout=60)


def test_post_a_task_with_the_keyboard_and_hear_it_in_the_table(demo: Desktop) -> None:
    post_with_keyboard(demo, "Logo for my bakery")


def cells(tree: Node) -> list[str]:
    return [
        cell.name
        for table in tree.find("table", named("Your tasks"))
        for cell in table.walk()
        if cell.role == "table cell"
    ]


def test_review_and_choose_a_version_with_the_keyboard(demo: Desktop) -> None:
    """Issue 10's journey: post, wait for review, Ctrl+R (the task's window opens on its versions), see the
    versions with their agents, Alt+C, Enter."""
    title = "Logo for my bakery"
    post_with_keyboard(demo, title)
    demo.wait_for(
        "the task to wait for review", lambda tree: any("Ready for your review" in c for c in cells(tree)), timeout=120
    )
    demo.focus_window(WINDOW)
    demo.keys("ctrl+r")

    def review_window(tree: Node) -> list[Node]:  # the task's window (its Versions part), titled with the task's title
        return [n for n in tree.walk() if n.depth == 1 and n.name.startswith(title)]

    review = demo.wait_for("the task's window with its versions", review_window, timeout=30)
    window = review_window(review)[0]
    assert window.role == "frame", f"the review is announced as a {window.role}, not a window"
    assert not unnamed_or_unknown(window), "\n".join(unnamed_or_unknown(window)) + "\n" + outline(review)
    versions = [
        n for lst in window.find("list", "Versions") for n in lst.walk() if n.role == "list item" and "$" in n.name
    ]
    assert len(versions) >= 2, "fewer than two versions were announced:\n" + outline(review)
    assert window.find("push button", named("Choose this version")), outline(review)
    for button in (
        "Save all",
        "Approve and pay…",
        "Ask for changes…",
        "Report a problem…",
        "Cancel task…",
        "Post again",
    ):
        assert window.find("push button", named(button)), f"no {button!r}:\n" + outline(review)
    assert window.find("push button", named("Picture by ")), "no picture of a version:\n" + outline(review)
    demo.keys("alt+c")
    confirm = demo.wait_for(
        "the question before choosing",
        lambda tree: any("version for $" in (n.name + (n.text or "")) for n in tree.walk()),
        timeout=30,
    )
    assert "Choose" in outline(confirm)
    demo.keys("Return")
    after = demo.wait_for(
        "the chosen version to be in the works",
        lambda tree: any("Final version in progress" in c for c in cells(tree)),
        timeout=60,
    )
    # The focus stays in the review, on the version just chosen (not lost with the closed question).
    [window] = review_window(after)
    focused = [n for n in window.walk() if n.focused and n.showing]
    assert any(n.role == "list item" and "Chosen" in n.name for n in focused), outline(after)
