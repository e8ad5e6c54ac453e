"""What the translate tests share: a catalog emptied of its translations, hostile model replies, catalogs read back."""

from __future__ import annotations

from pathlib import Path

from docs_i18n.core import babel_po, pofile

PAGE = Path("locale/ko/LC_MESSAGES/providers/litellm.po")
HOSTILE = {
    "Use the generated key as `LITELLM_API_KEY`.": "생성된 키를 `OPENAI_API_KEY`로 사용하세요.",
    "[LiteLLM Docs](https://docs.litellm.ai)": "[LiteLLM 문서](javascript:alert(1))",
    "[Model Providers](/concepts/model-providers)": "[모델 제공자](/evil/page)",
    "OpenClaw keeps requesting `claude-opus-4-6` — LiteLLM handles the routing.": (
        "OpenClaw는 `claude-opus-4-6`을 계속 요청합니다 <script>alert(1)</script>"
    ),
    "LiteLLM runs on `http://localhost:4000` by default": (
        "---\ntitle: pwned\n---\nLiteLLM은 기본적으로 `http://localhost:4000`에서 실행됩니다"
    ),
}
HOSTILE_MARKS = ("OPENAI_API_KEY", "javascript:", "/evil/page", "<script", "pwned")


def blank(project: Path, relative: Path = PAGE) -> int:
    """Empty every translation of one catalog (as a new page's catalog is); return how many."""
    path = project / relative
    catalog = babel_po.read(path.read_text("utf-8"), path)
    count = 0
    for message in catalog:
        if message.id:
            message.string = ""
            count += 1
    path.write_text(babel_po.write(catalog), "utf-8")
    return count


def states(path: Path) -> dict[str, pofile.Entry]:
    return {entry.msgid: entry for entry in pofile.read(path).messages()}


def all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and ".venv" not in p.parts)
