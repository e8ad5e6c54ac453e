"""The build's page context (``sphinx_ext/state.py``): its ``hreflang`` links agree with the sitemap's."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from docs_i18n.publish import landing, site_urls, sitemap
from docs_i18n.sphinx_ext import state

BASE = "https://docs.example.org/openclaw/"
READ_THE_DOCS = "{tag}/latest/"


def fake_app(pattern: str) -> SimpleNamespace:
    """What :func:`state.alternates` reads of a Sphinx application building HTML."""
    return SimpleNamespace(
        builder=SimpleNamespace(get_target_uri=lambda docname: docname + ".html", out_suffix=".html"),
        config=SimpleNamespace(root_doc="index", i18n_language_path=pattern, i18n_source_language="en"),
    )


def sitemap_x_default(page: str, pattern: str) -> str | None:
    """The ``x-default`` the sitemap gives *page* (built in English and Korean)."""
    text = sitemap.render_sitemap(BASE, {page: ["en", "ko"]}, "en", pattern)
    marker = 'hreflang="x-default" href="'
    return text.split(marker, 1)[1].split('"', 1)[0] if marker in text else None


@pytest.mark.parametrize("pattern", [site_urls.LANGUAGE_PATH, READ_THE_DOCS])
@pytest.mark.parametrize("docname", ["index", "providers/litellm"])
def test_the_build_and_the_sitemap_give_a_page_the_same_x_default(pattern: str, docname: str) -> None:
    links = state.alternates(fake_app(pattern), docname, BASE, ["en", "ko"])
    built = next(link["href"] for link in links if link["hreflang"] == "x-default")
    assert built == sitemap_x_default(docname + ".html", pattern)


def test_off_the_default_layout_the_home_page_x_default_is_the_english_home_page() -> None:
    # Read the Docs' layout has no root chooser of ours: the English home page stands for it.
    links = state.alternates(fake_app(READ_THE_DOCS), "index", BASE, ["en", "ko"])
    assert {"hreflang": "x-default", "href": BASE + "en/latest/index.html"} in links
    assert sitemap_x_default(landing.HOME, READ_THE_DOCS) == BASE + "en/latest/index.html"


def test_in_the_default_layout_the_home_page_x_default_is_the_root_chooser() -> None:
    assert {"hreflang": "x-default", "href": BASE} in state.alternates(fake_app("{lang}/"), "index", BASE, ["en"])
    assert {"hreflang": "x-default", "href": "../"} in state.alternates(fake_app("{lang}/"), "index", None, ["en"])
    assert sitemap_x_default(landing.HOME, site_urls.LANGUAGE_PATH) == BASE
    chooser = landing.render_landing(["en", "ko"], base_url=BASE)
    assert f'hreflang="x-default" href="{BASE}"' in chooser
    assert 'hreflang="x-default" href="./"' in landing.render_landing(["en", "ko"])
