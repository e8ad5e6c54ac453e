"""A grammar of MyST's whole syntax, to generate hostile translations (``tests/test_hostile_grammar.py``).

Not derived from the guard's rules: it walks what MyST-Parser and Sphinx accept,
front-matter with every ``myst:`` key, every optional extension's syntax,
substitutions, directives, roles, raw HTML, attributes, field lists, footnotes,
link reference definitions, math, HTML entities and Unicode lookalikes, and mixes
them with real text. Every payload that would run code creates a file in a sentinel
folder; every path it names points into an "outside" folder that no tool may read.

:class:`Grammar` is deterministic for a given :class:`random.Random`.
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from myst_parser.config.main import MdParserConfig

EXTENSIONS = [
    "amsmath",
    "attrs_block",
    "attrs_inline",
    "colon_fence",
    "deflist",
    "dollarmath",
    "fieldlist",
    "html_admonition",
    "html_image",
    "linkify",
    "replacements",
    "smartquotes",
    "strikethrough",
    "substitution",
    "tasklist",
]
WORDS = ["프록시", "키", "설정", "LiteLLM", "OpenClaw", "モデル", "代理", "the", "proxy", "key", "예산", "로그"]
LOOKALIKES = ["\uff1cscript\uff1e", "\u2039img\u203a", "\u02c2b\u02c3", "ｊａｖａｓｃｒｉｐｔ:", "\u2024\u2024/"]
INVISIBLE = ["\u202e", "\u2066", "\u200b", "\u200f", "\u00ad", "\ufeff"]


@dataclasses.dataclass
class Grammar:
    """Generates hostile MyST text; *outside* is a folder no tool may read, *sentinels* one that
    a payload writes to if it runs."""

    rng: random.Random
    outside: Path
    sentinels: Path
    count: int = 0

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)

    def sentinel(self) -> str:
        self.count += 1
        return str(self.sentinels / f"ran-{self.count}")

    def secret(self) -> str:
        return self.pick(str(self.outside / "secret.txt"), str(self.outside / "secret.png"), "../../outside/secret.txt")

    # -- payloads that run code if anything evaluates them -----------------------------------

    def jinja(self) -> str:
        touch = f"'touch {self.sentinel()}'"
        return self.pick(
            "{{ cycler.__init__.__globals__.os.system(" + touch + ") }}",
            "{{ lipsum.__globals__['os'].popen(" + touch + ").read() }}",
            "{{ (joiner|attr('\\x5f\\x5finit\\x5f\\x5f')|attr('\\x5f\\x5fglobals\\x5f\\x5f')).os.system("
            + touch
            + ") }}",
            "{{ self.__init__.__globals__.__builtins__.__import__('os').system(" + touch + ") }}",
            "{{ env.app.config.__class__ }}{{ namespace.__init__.__globals__.os.system(" + touch + ") }}",
        )

    # -- front-matter ----------------------------------------------------------------------------

    def myst_value(self, field: dataclasses.Field) -> str:
        name = field.name
        if name == "enable_extensions":
            chosen = self.rng.sample(EXTENSIONS, self.rng.randint(1, len(EXTENSIONS)))
            return "[" + ", ".join(chosen) + "]"
        if name == "substitutions":
            return '{evil: "' + self.jinja().replace('"', "'") + "\", key: '`EVIL_CODE`'}"
        if name == "html_meta":
            return "{'http-equiv=refresh': '0;url=javascript:alert(1)', description: x}"
        if name in ("url_schemes",):
            return "[javascript, data, vbscript]"
        default = field.default if field.default is not dataclasses.MISSING else None
        if isinstance(default, bool):
            return self.pick("true", "false")
        if isinstance(default, int):
            return str(self.rng.randint(0, 6))
        return self.pick("[]", "{}", "'x'", "null")

    def front_matter(self) -> str:
        fields = [f for f in dataclasses.fields(MdParserConfig) if not f.metadata.get("global_only")]
        chosen = self.rng.sample(fields, self.rng.randint(1, 6))
        if not any(f.name == "enable_extensions" for f in chosen):
            chosen.append(next(f for f in fields if f.name == "enable_extensions"))
        lines = ["myst:"] + [f"  {f.name}: {self.myst_value(f)}" for f in chosen]
        if self.rng.random() < 0.5:
            lines.append('substitutions: {evil: "' + self.jinja().replace('"', "'") + '"}')
        if self.rng.random() < 0.3:
            lines.append("html_meta: {keywords: '<script>alert(1)</script>'}")
        if self.rng.random() < 0.3:
            lines.append("title: '<img src=x onerror=alert(1)>'")
        return "---\n" + "\n".join(lines) + "\n---\n"

    # -- inline syntax ---------------------------------------------------------------------------

    def word(self) -> str:
        return self.pick(*WORDS)

    def url(self) -> str:
        return self.pick(
            "javascript:alert(1)",
            "JaVaScRiPt&#58;alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "https://evil.example/x",
            "//evil.example",
            "../../conf.py",
            self.secret(),
            "vbscript:msgbox(1)",
        )

    def role(self) -> str:
        name = self.pick(
            "download",
            "doc",
            "ref",
            "raw",
            "eval-rst",
            "sub-ref",
            "math",
            "abbr",
            "kbd",
            "code",
            "literal",
            "file",
            "samp",
            "envvar",
            "term",
            "any",
            "numref",
            "rst:dir",
            "external+x:doc",
            "py:func",
        )
        content = self.pick(self.secret(), "evil <javascript:alert(1)>", "today", "x (y)", "wordcount-words")
        return "{" + name + "}`" + content + "`"

    def inline(self) -> str:
        word = self.word()
        options = [
            lambda: word,
            lambda: f"`{self.pick('EVIL_KEY', 'rm -rf /', word)}`",
            lambda: f"*{word}*",
            lambda: f"**{word}**",
            lambda: f"~~{word}~~",
            lambda: f"[{word}]({self.url()})",
            lambda: f'[{word}]({self.url()} "{self.pick("t", "<b>")}")',
            lambda: f"![{word}]({self.url()})",
            lambda: f"<{self.pick('https://evil.example', 'javascript:alert(1)')}>",
            lambda: "www.evil.example/path",
            lambda: self.pick(
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                '<a href="javascript:alert(1)">x</a>',
                "<svg/onload=alert(1)>",
                "<!-- x --><b>",
                "<![CDATA[<script>]]>",
                '<Tab title="x" onClick={() => alert(1)}>',
            ),
            lambda: self.pick(
                "&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;img src=x onerror=alert(1)&#62;", "&#x3C;b>"
            ),
            lambda: self.role(),
            lambda: self.jinja(),
            lambda: f"[{word}]{{#searchbox .evil onclick=alert(1)}}",
            lambda: "`code`{#id .cls}",
            lambda: "$" + self.pick("x^2", "\\href{javascript:alert(1)}{x}") + "$",
            lambda: f"[^{self.rng.randint(1, 3)}]",
            lambda: f"[{word}][evil]",
            lambda: self.pick(*LOOKALIKES),
            lambda: word + self.pick(*INVISIBLE) + word,
            lambda: "\\" + self.pick("*", "`", "<", "[", "{"),
            lambda: self.pick("${HOME}", "%(name)s", "{0}", "$PATH"),
        ]
        return self.rng.choice(options)()

    # -- block syntax ----------------------------------------------------------------------------

    def directive(self) -> str:
        fence = self.pick("```", ":::", "````")
        secret = self.secret()
        head, body = self.rng.choice(
            [
                (f"{{include}} {secret}", ""),
                (f"{{literalinclude}} {secret}", ""),
                ("{raw} html", "<script>alert(1)</script>"),
                ("{raw} html", f":file: {secret}"),
                ("{raw} html", ":url: https://evil.example/x"),
                ("{eval-rst}", f".. include:: {secret}"),
                ("{eval-rst}", ".. raw:: html\n\n   <script>alert(1)</script>"),
                ("{eval-rst}", f".. raw:: html\n   :file: {secret}"),
                ("{csv-table}", f":file: {secret}"),
                (f"{{image}} {secret}", ":alt: x"),
                (f"{{figure}} {self.url()}", "caption"),
                ("{code-block} python", "import os; os.system('touch " + self.sentinel() + "')"),
                ("{toctree}", "../../../etc/passwd"),
                ("{note}", self.jinja()),
                ("{admonition} x", ":class: evil\n\ntext"),
                ("{list-table}", "* - a\n  - b"),
                ("{math}", "\\href{javascript:alert(1)}{x}"),
                ("{only} html", "text"),
                ("{ifconfig} __import__('os').system('touch " + self.sentinel() + "')", "text"),
                ("{sidebar} x", ":name: searchbox\n\ntext"),
                ("{topic} x", ":class: evil"),
                ("{epigraph}", "text"),
                ("{container} evil", ":name: searchbox\n\ntext"),
                ("{unknown-directive}", "text"),
            ]
        )
        return f"{fence}{head}\n{body}\n{fence}"

    def block(self) -> str:
        options = [
            self.directive,
            lambda: f":{self.word()}: {self.inline()}\n:tocdepth: 99",
            lambda: f"[^1]: {self.inline()}",
            lambda: f"[evil]: {self.url()}",
            lambda: "(searchbox)=",
            lambda: "% comment " + self.jinja(),
            lambda: '+++ {"evil": 1}',
            lambda: '<div onclick="alert(1)" class="admonition note">\n<p class="title">x</p>\n</div>',
            lambda: f'<img src="{self.secret()}" alt="x" onerror="alert(1)">',
            lambda: f"{self.word()}\n: {self.inline()}",
            lambda: f"- [ ] {self.word()}\n- [x] {self.inline()}",
            lambda: "\\begin{align}\\href{javascript:alert(1)}{x}\\end{align}",
            lambda: "$$\n\\href{javascript:alert(1)}{x}\n$$ (label)",
            lambda: f"> {self.inline()}",
            lambda: f"1. {self.inline()}\n2. {self.inline()}",
            lambda: f"# {self.inline()}",
            lambda: "{#searchbox .evil}\n" + self.word(),
            lambda: "| a | b |\n|---|---|\n| " + self.inline() + " | x |",
            lambda: "---",
            lambda: self.jinja(),
        ]
        return self.rng.choice(options)()

    # -- what a translator or a page can say -----------------------------------------------------

    def msgstr(self, english: str) -> str:
        """A hostile translation of the message *english*: real words of it mixed with syntax."""
        words = english.split()
        parts = []
        for _ in range(self.rng.randint(1, 5)):
            roll = self.rng.random()
            if roll < 0.35 and words:
                start = self.rng.randrange(len(words))
                parts.append(" ".join(words[start : start + self.rng.randint(1, 6)]))
            elif roll < 0.85:
                parts.append(self.inline())
            else:
                parts.append("\n\n" + self.block() + "\n\n")
        text = " ".join(parts)
        if self.rng.random() < 0.3:
            text = self.front_matter() + text
        return text

    def page(self, english: str) -> str:
        """A hostile translated page: the English page with its own front-matter keys, syntax
        added between blocks and inside paragraphs."""
        body = english
        head = ""
        if english.startswith("---\n"):
            front, body = english[4:].split("\n---\n", 1)
            extra = self.front_matter()[4:-5] if self.rng.random() < 0.7 else ""
            head = "---\n" + front + ("\n" + extra if extra else "") + "\n---\n"
        blocks = body.split("\n\n")
        for _ in range(self.rng.randint(1, 4)):
            index = self.rng.randrange(len(blocks) + 1)
            blocks.insert(index, self.block() if self.rng.random() < 0.6 else self.inline())
        return head + "\n\n".join(blocks)
