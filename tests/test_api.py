"""The public Python surface: what `import newsgraph` offers, `extract` on each kind of input."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph


def test_public_surface_is_pinned() -> None:
    assert sorted(newsgraph.__all__) == [
        "Article", "ConfigError", "DateRef", "Entity", "Event", "EventQuantity", "Geo",
        "InputError", "NewsgraphError", "NoArticle", "Quantity", "Quote", "Removed", "Settings",
        "__version__", "extract", "extract_all",
    ]
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name), name


def test_extract_a_sentence_is_an_article_of_one_sentence() -> None:
    sentence = "Russia has amassed more than 100,000 troops close to its border with Ukraine."
    article = newsgraph.extract(sentence, published="2022-02-03")
    assert article.paragraphs == [sentence]
    assert article.title is None
    assert article.published == "2022-02-03"


def test_extract_an_html_string() -> None:
    body = " ".join(["The council voted on Monday to close the old bridge to traffic."] * 3)
    html = (
        "<html><head><title>Bridge closes</title></head><body><article><h1>Bridge closes</h1>"
        f"<p>{body}</p><p>Repairs will take two years, the mayor said.</p></article></body></html>"
    )
    article = newsgraph.extract(html)
    assert any("old bridge" in p for p in article.paragraphs)
    assert "<p>" not in article.text


def test_extract_a_path(seed_path: Path) -> None:
    by_path = newsgraph.extract(seed_path, published="2022-02-03")
    by_str = newsgraph.extract(str(seed_path), published="2022-02-03")
    assert by_path.to_dict() == by_str.to_dict()
    assert by_path.source == str(seed_path)


def test_a_missing_path_is_an_error_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(newsgraph.InputError, match=r"missing\.txt"):
        newsgraph.extract(str(tmp_path / "missing.txt"))
    with pytest.raises(newsgraph.InputError):
        newsgraph.extract(tmp_path / "missing.html")


def test_bad_published_date_is_a_config_error() -> None:
    with pytest.raises(newsgraph.ConfigError, match=r"YYYY-MM-DD"):
        newsgraph.extract("Troops moved.", published="next Tuesday")


def test_extract_all_keeps_input_order_and_reports_failures(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("The army moved 200 tanks to the border on Monday.", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Protesters marched through the capital on Sunday.", encoding="utf-8")
    outcomes = list(newsgraph.extract_all([str(a), str(tmp_path / "nope.txt"), str(b)]))
    assert isinstance(outcomes[0], newsgraph.Article) and "tanks" in outcomes[0].text
    assert isinstance(outcomes[1], newsgraph.InputError)
    assert isinstance(outcomes[2], newsgraph.Article) and "Protesters" in outcomes[2].text
