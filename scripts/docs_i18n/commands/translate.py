"""``translate``: machine-translation suggestions through an OpenAI-compatible endpoint."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from docs_i18n.commands._base import (
    add_command,
    language_argument,
    page_argument,
    project_root,
    translation_languages,
)
from docs_i18n.commands.import_ import conf_dir
from docs_i18n.core import languages, pages, project
from docs_i18n.core.errors import InputError

DESCRIPTION = """Fill the empty and fuzzy messages of the catalogs with a model's translations.

Each message is one chat-completions request (POST {base_url}/chat/completions) to an
OpenAI-compatible endpoint: a LiteLLM proxy, OpenAI, vLLM, Ollama. The key is read from
I18N_MT_API_KEY (sent as a bearer token; never printed or written). A reply is untrusted
like a translator's: it is written only when `check` finds nothing in it and the build
shows it translated (the guarded parser and the tree comparison); a refused one is
reported as `path:line: suggestion refused: reason`. A translated message is never
touched. Suggestions are written fuzzy, with a provenance comment (# x-i18n-mt:,
# x-i18n-mt-from: model, endpoint host, date, prompt version), for a reviewer to clear
in any PO editor; --accept writes them translated, and the page is then shown as
machine-translated and not reviewed (status, the status page, the page's banner).

Replies are cached in _build/mt-cache.sqlite3 by (English text, context, language,
model, prompt version): a rerun sends nothing new. Catalogs are written at the end,
each atomically; Ctrl-C stops sending and writes what was received."""

EXAMPLES = """examples:
  scripts/i18n translate --dry-run               what would be sent, and about how many tokens
  scripts/i18n translate --lang ko --page providers/litellm.md
  scripts/i18n translate --jobs 8 --model gpt-4o --base-url http://localhost:4000/v1
  I18N_MT_API_KEY=sk-... make translate          every language of conf.py

defaults: conf.py's i18n_mt = {"base_url": ..., "model": ...}

exit codes: 0 every message written; 1 some suggestions refused or requests failed (the
others written); 2 usage or input error (path:line: message; nothing sent); 3 the endpoint
failed for good (key refused, unreachable, no reply within --timeout): nothing more sent,
what was received written; 130 interrupted: what was received written"""


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _positive_float(value: str) -> float:
    number = float(value)
    if not number > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return number


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    root = project_root()
    parser = add_command(
        subparsers,
        "translate",
        help="fill empty and fuzzy messages with a model's suggestions (OpenAI-compatible endpoint)",
        description=DESCRIPTION,
        epilog=EXAMPLES,
    )
    parser.add_argument("--lang", action="append", type=language_argument, help="catalog language (repeatable)")
    parser.add_argument("--page", action="append", type=page_argument, help="English page (repeatable)")
    parser.add_argument("--base-url", help="the endpoint, e.g. http://localhost:4000/v1 (default: conf.py's i18n_mt)")
    parser.add_argument("--model", help="the model name the endpoint knows (default: conf.py's i18n_mt)")
    parser.add_argument("--jobs", type=_positive_int, default=4, help="requests at once (default 4)")
    parser.add_argument("--timeout", type=_positive_float, default=60.0, help="seconds per request (default 60)")
    parser.add_argument("--retries", type=int, default=5, help="retries on 429, 5xx, refused connection (default 5)")
    parser.add_argument("--accept", action="store_true", help="write translated, not fuzzy: machine-translated pages")
    parser.add_argument("--dry-run", action="store_true", help="list what would be sent; send and write nothing")
    parser.add_argument("--source", type=Path, default=root / "source", help="English pages (default: source/)")
    parser.add_argument("--locale", type=Path, default=root / "locale", help="catalogs (default: locale/)")
    parser.add_argument("--conf", type=Path, help="folder of conf.py (default: the one holding --source)")
    parser.add_argument("--build", type=Path, default=root / "_build", help="the cache's folder (default: _build/)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from docs_i18n.mt.run import Options, translate

    conf = conf_dir(args.source, args.conf)
    settings = project.conf_values(conf).get("i18n_mt") or {}
    if not isinstance(settings, dict):
        raise InputError(Path(conf) / project.CONF_FILE, 0, "i18n_mt must be a dict with base_url and model")
    base_url = args.base_url or settings.get("base_url")
    model = args.model or settings.get("model")
    if not base_url or not model:
        print(
            "scripts/i18n translate: error: no endpoint: pass --base-url and --model, or set "
            'i18n_mt = {"base_url": ..., "model": ...} in conf.py',
            file=sys.stderr,
        )
        return 2
    named = [languages.catalog_language(code) for code in args.lang] if args.lang else None
    langs = translation_languages(args.locale, named)
    if not langs:
        print(f"{args.locale}:0: no languages found; name them with --lang", file=sys.stderr)
        return 2
    page_ids = [pages.page_id(p) for p in args.page] if args.page else None
    options = Options(
        source=args.source,
        locale=args.locale,
        conf=conf,
        build=args.build,
        langs=langs,
        pages=page_ids,
        base_url=str(base_url),
        model=str(model),
        jobs=args.jobs,
        timeout=args.timeout,
        retries=max(0, args.retries),
        accept=args.accept,
        dry_run=args.dry_run,
        verdict=_build_verdict,
    )
    os.environ.pop("OPENAI_LOG", None)  # the openai package would log requests (and their headers)
    return translate(options)


def _build_verdict(source_dir: Path, conf_dir: Path, locale_dir: Path, lang: str) -> Any:
    """The build's verdict on the replies (:func:`docs_i18n.sphinx_ext.verdicts.verdict`), for the review:
    Sphinx is loaded only when there is something to review."""
    from docs_i18n.sphinx_ext import verdicts

    return verdicts.verdict(source_dir, conf_dir, locale_dir, lang)
