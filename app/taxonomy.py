"""Categories and task types: the bundled fallback, the fetched list and its parsing.

``GET /api/v1/categories`` may answer ``{"categories": [...]}`` or a bare list; each category has
``slug``, ``name`` and ``task_types`` given as slugs or as objects with ``slug`` (api notes §3.6).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from app.store import StoreError


class TaskType(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)
    slug: str = Field(min_length=1)
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or friendly_name(self.slug)


class Category(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)
    slug: str = Field(min_length=1)
    name: str = ""
    task_types: list[TaskType] = Field(default_factory=list)

    @property
    def label(self) -> str:
        return self.name or friendly_name(self.slug)


def friendly_name(slug: str) -> str:
    words = slug.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _task_type(item: Any) -> dict[str, Any]:
    if isinstance(item, str):
        return {"slug": item}
    if isinstance(item, dict):
        return {"slug": item.get("slug") or item.get("id") or "", "name": item.get("name") or ""}
    raise ValueError(f"task type of unexpected kind {type(item).__name__}")


def parse_categories(data: Any) -> list[Category]:
    """Parse either shape; raise ValueError (or pydantic's) when it is neither."""
    if isinstance(data, dict):
        data = data.get("categories")
    if not isinstance(data, list):
        raise ValueError("categories are neither a list nor {'categories': [...]}")
    categories = []
    for item in data:
        if not isinstance(item, dict):
            raise ValueError("a category is not an object")
        types = [_task_type(t) for t in item.get("task_types") or []]
        categories.append(
            Category.model_validate({"slug": item.get("slug", ""), "name": item.get("name") or "", "task_types": types})
        )
    return categories


def bundled_taxonomy() -> dict[str, Any]:
    """``resources/taxonomy.json`` as the server would send it: the one list the app falls back to
    and the practice server answers with, so the two never drift apart."""
    text = resources.files("resources").joinpath("taxonomy.json").read_text(encoding="utf-8")
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
    Errors (:class:`app.errors.ApiError`) are the caller's to word."""
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
    """The names people read for category and task type slugs: the taxonomy's own ('Graphics &
    Design', not 'Graphics design'), else the slug in words. The form, the table and the details
    all ask here, so a thing has one name everywhere."""

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
        return self._categories.get(slug or "") or friendly_name(slug or "")

    def task_type(self, slug: str | None) -> str:
        return self._task_types.get(slug or "") or friendly_name(slug or "")

    def both(self, category: str | None, task_type: str | None) -> str:
        """'Graphics & Design › Logo design'."""
        return self.SEPARATOR.join(p for p in (self.category(category), self.task_type(task_type)) if p)


NAMES = TaxonomyNames()  # filled with the bundled list at first use, then with each list the app loads


def names() -> TaxonomyNames:
    if not NAMES._categories:
        NAMES.set(bundled_categories())
    return NAMES
