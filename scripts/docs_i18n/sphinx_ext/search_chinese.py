"""Chinese full-text search: Sphinx's own, made to work in the browser.

Used when a build leaves Chinese to Sphinx (``-D i18n_search_stock=zh``); the project's
analyser is :mod:`.search_cjk`.

Sphinx's Chinese search language splits text with jieba (``cut_for_search``)
and Latin words with the English stemmer. Two things break it here:

- Without jieba installed, Sphinx indexes no Chinese text at all, silently. jieba
  is in requirements.txt; a ``zh`` build without it warns (an error under ``-W``).
- Sphinx 9.0 writes ``window.Stemmer = ChineseStemmer;`` into ``language_data.js``
  while the code it ships defines ``EnglishStemmer``: the script stops there and
  the search page finds nothing (sphinx-doc/sphinx#14229, fixed upstream by
  #14416). :func:`search_chinese` makes the class that supplies the same stemmer under
  the right name.

jieba's start-up messages (debug level, on stderr) are silenced. Sphinx's Chinese search
(and jieba with it, a second of start-up) is imported by Chinese builds only.
"""

from __future__ import annotations

import functools
import logging

from sphinx.application import Sphinx
from sphinx.search import SearchLanguage, languages
from sphinx.util import logging as sphinx_logging

from docs_i18n.sphinx_ext import compat

logger = sphinx_logging.getLogger(__name__)


@functools.cache
def search_chinese() -> type[SearchLanguage]:
    """Sphinx's Chinese search with a JavaScript stemmer that exists."""
    from sphinx.search import zh

    class SearchChinese(zh.SearchChinese):
        js_stemmer_rawcode = ""  # else Sphinx names the class after language_name
        js_stemmer_code = compat.english_stemmer_js()

    return SearchChinese


def is_chinese(app: Sphinx) -> bool:
    return (app.config.language or "").startswith("zh")


def on_builder_inited(app: Sphinx) -> None:
    if not is_chinese(app) or app.builder.format != "html":
        return
    if languages.get("zh") is not search_chinese():  # the project's analyser (search_languages) needs no jieba
        return
    try:
        import jieba
    except ImportError:
        logger.warning(
            "jieba is not installed: Chinese text is left out of the search index (pip install -r requirements.txt)",
            type="i18n",
            subtype="search",
        )
        return
    jieba.setLogLevel(logging.WARNING)


def setup(app: Sphinx) -> None:
    if is_chinese(app):
        app.add_search_language(search_chinese())
    app.connect("builder-inited", on_builder_inited)
