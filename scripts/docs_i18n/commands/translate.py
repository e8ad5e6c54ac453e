"""``translate``: machine-translation suggestions through an OpenAI-compatible endpoint."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from docs_i18n.commands._base import (
    add_command,
    conf_dir,
    language_argument,
    or_default,
    page_argument,
    translation_languages,
)
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
    parser.add_argument("--source", type=Path, help="English pages (default: source/)")
    parser.add_argument("--locale", type=Path, help="catalogs (default: locale/)")
    parser.add_argument("--conf", type=Path, help="folder of conf.py (default: the one holding --source)")
    parser.add_argument("--build", type=Path, help="the cache's folder (default: _build/)")
    parser.set_defaults(run=run)


def run(root: Path, args: argparse.Namespace) -> int:
    return translate(
        root,
        langs=args.lang,
        page_ids=args.page,
        base_url=args.base_url,
        model=args.model,
        jobs=args.jobs,
        timeout=args.timeout,
        retries=args.retries,
        accept=args.accept,
        dry_run=args.dry_run,
        source=or_default(args.source, root / "source"),
        locale=or_default(args.locale, root / "locale"),
        conf=args.conf,
        build=or_default(args.build, root / "_build"),
    )


def translate(
    root: Path,
    *,
    langs: list[str] | None,
    page_ids: list[str] | None,
    base_url: str | None,
    model: str | None,
    jobs: int,
    timeout: float,
    retries: int,
    accept: bool,
    dry_run: bool,
    source: Path,
    locale: Path,
    conf: Path | None,
    build: Path,
) -> int:
    """Fill the empty and fuzzy messages of *langs* (default: every catalog language) with the model's
    suggestions, from *base_url* and *model* or conf.py's ``i18n_mt``. Returns the exit code."""
    # the openai package reads OPENAI_LOG when it is imported: its debug log would show every request
    os.environ.pop("OPENAI_LOG", None)
    from docs_i18n.mt.run import Options
    from docs_i18n.mt.run import translate as run_translation
    from docs_i18n.sphinx_ext import verdicts  # loads Sphinx: only when the command runs

    confdir = conf_dir(source, conf)
    settings = project.conf_values(confdir).get("i18n_mt") or {}
    if not isinstance(settings, dict):
        raise InputError(Path(confdir) / project.CONF_FILE, 0, "i18n_mt must be a dict with base_url and model")
    endpoint = base_url or settings.get("base_url")
    model_name = model or settings.get("model")
    if not endpoint or not model_name:
        print(
            "scripts/i18n translate: error: no endpoint: pass --base-url and --model, or set "
            'i18n_mt = {"base_url": ..., "model": ...} in conf.py',
            file=sys.stderr,
        )
        return 2
    named = [languages.catalog_language(code) for code in langs] if langs else None
    chosen = translation_languages(root, locale, named)
    if not chosen:
        print(f"{locale}:0: no languages found; name them with --lang", file=sys.stderr)
        return 2
    targets = [pages.page_id(p) for p in page_ids] if page_ids else None
    options = Options(
        source=source,
        locale=locale,
        conf=confdir,
        build=build,
        langs=chosen,
        pages=targets,
        base_url=str(endpoint),
        model=str(model_name),
        jobs=jobs,
        timeout=timeout,
        retries=max(0, retries),
        accept=accept,
        dry_run=dry_run,
        verdicts=verdicts.verdicts,
    )
    return run_translation(options)
