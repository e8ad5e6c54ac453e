"""OpenClaw's locale links: in a translation of ``/path``, ``/<locale>/path`` is the same target.

OpenClaw's translation pipeline (``postprocess_version: locale-links-v1``) rewrites the
site-absolute links of a translated page to the locale's own pages:
``[실행 승인](/ko/tools/exec-approvals)`` for ``[Exec Approvals](/tools/exec-approvals)``.
Our build lets no translation change where a link goes (the English target is the only
one a catalog may carry; each built language links to its own pages by itself), so
import writes such a link back as its English target. A link is rewritten only when the
English message has exactly that target: anything else stays as written, and the build's
guard refuses it.
"""

from __future__ import annotations

import re

from docs_i18n.core import languages

# A Markdown link's destination, ``](/x)`` or ``](</x>)``, or an HTML ``href="/x"``: the target in group 2.
_TARGET = re.compile(r"""(\]\(\s*<?|\bhref\s*=\s*["'])(/[^\s)>"']*)""")


def prefixes(lang: str) -> tuple[str, ...]:
    """The folder names a page in *lang* may put before a site path: ``zh_CN`` -> ``zh-CN``, ``zh_CN``."""
    names = [languages.openclaw_folder(lang), languages.bcp47(lang), lang]
    return tuple(dict.fromkeys(names))


def targets(text: str) -> set[str]:
    """The site-absolute link targets in a message."""
    return {m.group(2) for m in _TARGET.finditer(text)}


def english_target(target: str, lang: str, english: set[str]) -> str | None:
    """*target* without its locale prefix when that is one of the *english* targets, else ``None``."""
    for prefix in prefixes(lang):
        head = f"/{prefix}"
        if target == head or target.startswith((f"{head}/", f"{head}#")):
            stripped = target[len(head) :] or "/"
            if not stripped.startswith("/"):
                stripped = "/" + stripped
            if stripped in english:
                return stripped
    return None


def rewrite(translated: str, english: str, lang: str) -> tuple[str, int]:
    """*translated* with each locale link written as the English message's target, and how many."""
    wanted = targets(english)
    if not wanted:
        return translated, 0
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        target = english_target(match.group(2), lang, wanted)
        if target is None or match.group(2) in wanted:
            return match.group(0)
        count += 1
        return match.group(1) + target

    return _TARGET.sub(swap, translated), count
