"""Suggesting a category and task type from the words typed (app/suggest.py), on this computer."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from app.suggest import Suggestion, SuggestionPolicy, bundled_word_list, stem, suggest, words
from app.taxonomy import bundled_categories, parse_categories

CATS = bundled_categories()
# What a server with more task types may offer (the word list knows these too).
MORE = parse_categories(
    [
        {"slug": "graphics-design", "name": "Graphics & Design", "task_types": ["logo-design", "banner-design"]},
        {"slug": "business", "name": "Business", "task_types": [{"slug": "business-plan", "name": "Business plan"}]},
        {"slug": "writing-translation", "name": "Writing & Translation", "task_types": ["blog-post"]},
    ]
)


def picked(title: str, description: str = "", categories: list = CATS) -> str | None:
    found = suggest(title, description, categories)
    return None if found is None else found.text


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        ("Logo for my bakery", "", "Graphics & Design › Logo design"),
        ("LOGOS for a bakery", "", "Graphics & Design › Logo design"),
        ("Need something for my bakery", "A new logo, round, warm colours", "Graphics & Design › Logo design"),
        ("Blog post about sourdough", "", "Writing & Translation › Blog post"),
        ("Three articles on gardening", "", "Writing & Translation › Blog post"),
        ("Translate my menu into Spanish", "", "Writing & Translation › Translation"),
        ("Menu translations", "", "Writing & Translation › Translation"),
        ("Instagram posts for the opening week", "", "Digital Marketing › Social media post"),
        ("Something for social media", "", "Digital Marketing › Social media post"),
        ("Look at my sales spreadsheet", "What sells best on which day?", "Data › Data analysis"),
        ("Summarize the survey answers", "", "Data › Data analysis summary"),
        ("A chatbot for my website's questions", "", "AI Services"),
        ("Python script to rename photos", "", "Programming & Automation"),
        # A banner's words point to design even where the server lists no banner type.
        ("Banner for my website", "", "Graphics & Design"),
        ("Flyer for the summer fair", "", "Graphics & Design"),
        ("Website for my bakery", "", "Programming & Automation"),
    ],
)
def test_everyday_words_point_to_the_task_type(title: str, description: str, expected: str) -> None:
    assert picked(title, description) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("A banner for the shop window", "Graphics & Design › Banner design"),
        ("Flyers for the summer fair", "Graphics & Design › Banner design"),
        ("Logo for my bakery", "Graphics & Design › Logo design"),
        ("Business plan for a second shop", "Business › Business plan"),
        ("A pitch deck for investors", "Business › Business plan"),
        # Not offered by this server as a type: its category is, and the person types the type.
        ("Translate my menu", "Writing & Translation"),
    ],
)
def test_task_types_a_server_adds_are_found_by_their_everyday_words(title: str, expected: str | None) -> None:
    assert picked(title, "", MORE) == expected


def test_the_suggestion_gives_slugs_to_fill_the_form_with() -> None:
    found = suggest("Logo for my bakery", "", CATS)
    assert found is not None
    assert (found.category, found.task_type) == ("graphics-design", "logo-design")


@pytest.mark.parametrize("text", ["", "   ", "Hello there", "Please help me with this", "For my bakery"])
def test_no_suggestion_without_a_sign(text: str) -> None:
    assert picked(text) is None


def test_tied_task_types_of_one_category_suggest_the_category_alone() -> None:
    # "design" alone does not say logo or banner: only the category is clear
    found = suggest("Design for the bakery", "design something nice, a design for the door", MORE)
    assert found is not None and found.task_type is None and found.category == "graphics-design"


def test_the_title_outweighs_the_description() -> None:
    assert picked("Logo for my bakery", "we will also print it on a banner", MORE) == "Graphics & Design › Logo design"
    assert picked("Banner for my bakery", "with our logo on it", MORE) == "Graphics & Design › Banner design"
    assert picked("Blog post for my bakery", "about the new logo") == "Writing & Translation › Blog post"


def test_only_categories_offered_are_suggested() -> None:
    online = parse_categories(
        [{"slug": "graphics-design", "name": "Graphics & Design", "task_types": ["banner-design"]}]
    )
    assert suggest("Translate my menu", "", online) is None
    found = suggest("Logo and banner", "", online)
    assert found is not None and found.task_type == "banner-design"


def test_a_task_type_the_server_adds_is_matched_by_its_name() -> None:
    online = [
        *parse_categories(
            [{"slug": "audio", "name": "Audio", "task_types": [{"slug": "podcast-editing", "name": "Podcast editing"}]}]
        ),
        *CATS,
    ]
    found = suggest("Podcast editing for episode 3", "", online)
    assert found is not None and (found.category, found.task_type) == ("audio", "podcast-editing")


def test_every_bundled_task_type_has_words_and_is_found_by_its_own_name() -> None:
    listed = bundled_word_list().task_types
    for category in [*CATS, *MORE]:
        for task_type in category.task_types:
            assert listed.get(task_type.slug), f"no everyday words for {task_type.slug}"
            found = suggest(task_type.label, "", [category])
            assert found is not None and found.task_type == task_type.slug, task_type.slug
    for category in CATS:
        assert bundled_word_list().categories.get(category.slug), f"no everyday words for {category.slug}"


def test_no_word_points_to_two_task_types() -> None:
    data = json.loads(resources.files("resources").joinpath("task_words.json").read_text(encoding="utf-8"))
    owner: dict[tuple[str, ...], str] = {}
    for group in ("task_types", "categories"):
        for slug, items in data[group].items():
            for item in items:
                phrase = tuple(words(item))
                assert phrase not in owner, f"{item!r} listed under {owner.get(phrase)} and {slug}"
                owner[phrase] = slug


def test_plurals_and_case_fold_simply() -> None:
    assert [stem(w) for w in ["Logos", "bakeries", "boxes", "analysis", "class", "ads", "menus"]] == [
        "logo",
        "bakery",
        "box",
        "analysis",
        "class",
        "ads",
        "menu",
    ]
    assert words("My bakery's LOGO") == ["my", "bakery", "logo"]


LOGO = Suggestion("graphics-design", "Graphics & Design", "logo-design", "Logo design")
DESIGN = Suggestion("graphics-design", "Graphics & Design", None)


def test_a_suggestion_is_offered_while_nothing_is_chosen() -> None:
    policy = SuggestionPolicy()
    assert policy.offer(LOGO, "", "") == LOGO
    assert policy.offer(None, "", "") is None
    assert policy.offer(LOGO, "graphics-design", "logo-design") is None  # already chosen


def test_never_over_a_choice_the_person_made() -> None:
    policy = SuggestionPolicy()
    policy.person_chose(category=True)
    assert policy.offer(Suggestion("data", "Data", "data-analysis", "Data analysis"), "digital-marketing", "") is None
    assert policy.offer(DESIGN, "digital-marketing", "") is None
    # their category, no type yet: the type the words point to is still offered
    assert policy.offer(LOGO, "graphics-design", "") == LOGO
    policy.person_chose(task_type=True)
    assert policy.offer(LOGO, "graphics-design", "") is None


def test_an_accepted_suggestion_is_the_persons_choice_until_a_new_form() -> None:
    policy = SuggestionPolicy()
    policy.accepted(LOGO)
    assert (
        policy.offer(Suggestion("data", "Data", "data-analysis", "Data analysis"), "graphics-design", "logo-design")
        is None
    )
    policy.reset()
    assert policy.offer(LOGO, "", "") == LOGO
    policy.reset(category="data", task_type="data-analysis")  # a reopened draft's choices are kept
    assert policy.offer(LOGO, "data", "data-analysis") is None


def test_a_category_only_suggestion_fills_an_empty_category() -> None:
    policy = SuggestionPolicy()
    assert policy.offer(DESIGN, "", "") == DESIGN
    policy.accepted(DESIGN)
    assert policy.offer(LOGO, "graphics-design", "") == LOGO  # then its type, once the words say it
