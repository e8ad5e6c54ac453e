"""How a message is asked for: the chat messages of one request, and the prompt's version.

The system message carries the instructions, the target language, the glossary's
terms for the message, the page title, the neighbouring English messages and, for
a fuzzy message, the previous English and its old translation; the last user
message is exactly the English text to translate. :data:`VERSION` changes whenever
the wording does: it is part of the provenance and of the cache key.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

from docs_i18n.mt.plan import Job

VERSION = "1"

_INSTRUCTIONS = """You translate one message of a software documentation page from English into {language} ({code}).
Reply with the translation of the user's message only: no explanation, no quotes around it.
The message is MyST Markdown. Keep its markup exactly: the same code spans (`...`) with the same text,
the same links with the same targets, the same roles and cross-references, the same emphasis markers.
Never add HTML, front-matter, directives, links or code. Keep commands, code, environment variable
names, URLs and model ids as they are. Write fluent, natural {language}."""


def language_name(code: str) -> str:
    """The language's English name (Babel), or its code."""
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (UnknownLocaleError, ValueError):
        return code


def system_message(job: Job) -> str:
    """Everything but the English text itself: instructions, terms, title, neighbours, the old translation."""
    parts = [_INSTRUCTIONS.format(language=language_name(job.lang), code=job.lang)]
    if job.terms:
        parts.append("Glossary (required):\n" + "\n".join(f"- {term}" for term in job.terms))
    parts.append(f"The page's title: {job.title}")
    if job.before:
        parts.append("The English messages before this one:\n" + "\n".join(f"> {text}" for text in job.before))
    if job.after:
        parts.append("The English messages after this one:\n" + "\n".join(f"> {text}" for text in job.after))
    if job.old:
        english = job.previous if job.previous is not None else job.msgid
        parts.append(
            "A previous translation exists; update it to the current English,"
            " keeping its wording where it still fits.\n"
            f"Its English: {english}\nIts translation: {job.old}"
        )
    return "\n\n".join(parts)


def messages(job: Job) -> list[dict[str, str]]:
    """The chat messages of *job*'s request: the last is exactly the English text."""
    return [{"role": "system", "content": system_message(job)}, {"role": "user", "content": job.msgid}]
