"""Categories and task types: the bundled fallback, the fetched list and its parsing.

``GET /api/v1/categories`` may answer ``{"categories": [...]}`` or a bare list; each category has
``slug``, ``name`` and ``task_types`` given as slugs or as objects with ``slug`` (api notes §3.6).

The names people read are in their language for the slugs the app knows (:data:`CATEGORY_NAMES`,
:data:`TASK_TYPE_NAMES`, translated in the ``taxonomy`` context); for any other slug, and in
English, the server's own name is shown.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple, Protocol

import resources
from app.store.disk_errors import StoreError
from app.translatable import QT_TRANSLATE_NOOP, translate

# The names of the categories and task types in resources/taxonomy.json, by slug, for translation.
CATEGORY_NAMES = {
    "writing-translation": QT_TRANSLATE_NOOP("taxonomy", "Writing & Translation"),
    "graphics-design": QT_TRANSLATE_NOOP("taxonomy", "Graphics & Design"),
    "digital-marketing": QT_TRANSLATE_NOOP("taxonomy", "Digital Marketing"),
    "data": QT_TRANSLATE_NOOP("taxonomy", "Data"),
    "business": QT_TRANSLATE_NOOP("taxonomy", "Business"),
    "ai-services": QT_TRANSLATE_NOOP("taxonomy", "AI Services"),
    "programming-automation": QT_TRANSLATE_NOOP("taxonomy", "Programming & Automation"),
}
TASK_TYPE_NAMES = {
    "blog-post": QT_TRANSLATE_NOOP("taxonomy", "Blog post"),
    "translation": QT_TRANSLATE_NOOP("taxonomy", "Translation"),
    "logo-design": QT_TRANSLATE_NOOP("taxonomy", "Logo design"),
    "social-media-post": QT_TRANSLATE_NOOP("taxonomy", "Social media post"),
    "data-analysis": QT_TRANSLATE_NOOP("taxonomy", "Data analysis"),
    "data-analysis-summary": QT_TRANSLATE_NOOP("taxonomy", "Data analysis summary"),
}


def shown_name(slug: str, name: str, known: dict[str, str]) -> str:
    """The name people read for a slug: the user's language's name for a slug the app knows,
    else the server's name, else the slug in words. In English (no translation of the known
    name) the server's name wins, so a name AITasker changes shows as it now is."""
    english = known.get(slug)
    if english is not None:
        translated = translate("taxonomy", english)
        if translated != english or not name:
            return translated
    return name or friendly_name(slug)


class TaskType(NamedTuple):
    """A task type of a category: its slug (never empty) and the taxonomy's name for it."""

    slug: str
    name: str = ""

    @property
    def label(self) -> str:
        """The server's name (the words a suggestion is matched against)."""
        return self.name or friendly_name(self.slug)

    @property
    def shown(self) -> str:
        """The name people read, in their language when the app knows the slug."""
        return shown_name(self.slug, self.name, TASK_TYPE_NAMES)


class Category(NamedTuple):
    """A category: plain objects (no pydantic), so that the bundled list fills the form before the
    first picture; :func:`parse_categories` checks what a server or the cache sends."""

    slug: str
    name: str = ""
    task_types: tuple[TaskType, ...] = ()

    @property
    def label(self) -> str:
        """The server's name (the words a suggestion is matched against)."""
        return self.name or friendly_name(self.slug)

    @property
    def shown(self) -> str:
        """The name people read, in their language when the app knows the slug."""
        return shown_name(self.slug, self.name, CATEGORY_NAMES)

    def model_dump(self) -> dict[str, Any]:
        """As the server sends it (what the cache keeps)."""
        return {"slug": self.slug, "name": self.name, "task_types": [t._asdict() for t in self.task_types]}


def friendly_name(slug: str) -> str:
    words = slug.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _text(value: Any, what: str, *, required: bool = False) -> str:
    if value is None or value == "":
        if required:
            raise ValueError(f"{what} is missing")
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{what} is not text")
    return value


def _task_type(item: Any) -> TaskType:
    if isinstance(item, str):
        return TaskType(_text(item, "a task type slug", required=True))
    if isinstance(item, dict):
        slug = _text(item.get("slug") or item.get("id"), "a task type slug", required=True)
        return TaskType(slug, _text(item.get("name"), "a task type name"))
    raise ValueError(f"task type of unexpected kind {type(item).__name__}")


def parse_categories(data: Any) -> list[Category]:
    """Parse either shape; raise ValueError when it is neither, or a slug is missing or not text."""
    if isinstance(data, dict):
        data = data.get("categories")
    if not isinstance(data, list):
        raise ValueError("categories are neither a list nor {'categories': [...]}")
    categories = []
    for item in data:
        if not isinstance(item, dict):
            raise ValueError("a category is not an object")
        types = item.get("task_types") or []
        if not isinstance(types, list):
            raise ValueError("a category's task types are not a list")
        categories.append(
            Category(
                _text(item.get("slug"), "a category slug", required=True),
                _text(item.get("name"), "a category name"),
                tuple(_task_type(t) for t in types),
            )
        )
    return categories


def bundled_taxonomy() -> dict[str, Any]:
    """``resources/taxonomy.json`` as the server would send it: the one list the app falls back to
    and the practice server answers with, so the two never drift apart."""
    text = resources.path("taxonomy.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {"categories": data["categories"]}


def bundled_categories() -> list[Category]:
    """The categories shipped in ``resources/taxonomy.json`` (used when the server can't be asked)."""
    return parse_categories(bundled_taxonomy())


# --- where the categories come from: bundled -> cached -> server ------------------------------


class TaxonomyCache(Protocol):
    def cached_taxonomy(self) -> Any | None: ...
    def cache_taxonomy(self, data: Any) -> None: ...


class CategorySource(Protocol):
    async def list_categories(self) -> list[Category]: ...


def local_categories(cache: TaxonomyCache) -> list[Category]:
    """What to offer before the server answers: the cached list, else the bundled file."""
    cached = cache.cached_taxonomy()
    if cached:
        try:
            return parse_categories(cached) or bundled_categories()
        except ValueError:
            pass
    return bundled_categories()


async def fetch_categories(client: CategorySource, cache: TaxonomyCache) -> list[Category] | None:
    """The server's list, cached for next time; None when it gave none (keep what is shown).
    Errors (:class:`app.api.errors.ApiError`) are the caller's to word."""
    fetched = await client.list_categories()
    if not fetched:
        return None
    try:
        cache.cache_taxonomy({"categories": [c.model_dump() for c in fetched]})
    except StoreError:  # not kept for next time (a full disk); this run still uses them
        pass
    return fetched


# --- one name per thing: the taxonomy's own names wherever a slug is shown ----------------------


class TaxonomyNames:
    """The names people read for category and task type slugs: in their language for the slugs
    the app knows, else the taxonomy's own ('Graphics & Design', not 'Graphics design'), else the
    slug in words. The form, the table and the details all ask here, so a thing has one name
    everywhere."""

    SEPARATOR = " › "

    def __init__(self, categories: list[Category] | None = None) -> None:
        self._categories: dict[str, str] = {}
        self._task_types: dict[str, str] = {}
        self.set(categories if categories is not None else [])

    def set(self, categories: list[Category]) -> None:
        """Learn the names of a category list (names already learnt are kept: a task keeps its
        name when a later list no longer has its category)."""
        for category in categories:
            self._categories[category.slug] = category.label
            for task_type in category.task_types:
                self._task_types[task_type.slug] = task_type.label

    def category(self, slug: str | None) -> str:
        return shown_name(slug or "", self._categories.get(slug or "", ""), CATEGORY_NAMES)

    def task_type(self, slug: str | None) -> str:
        return shown_name(slug or "", self._task_types.get(slug or "", ""), TASK_TYPE_NAMES)

    def both(self, category: str | None, task_type: str | None) -> str:
        """'Graphics & Design › Logo design'."""
        return self.SEPARATOR.join(p for p in (self.category(category), self.task_type(task_type)) if p)


NAMES = TaxonomyNames()  # filled with the bundled list at first use, then with each list the app loads


def names() -> TaxonomyNames:
    if not NAMES._categories:
        NAMES.set(bundled_categories())
    return NAMES
