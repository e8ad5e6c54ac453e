"""Pagefind, as a candidate: index a built language's pages and search them in Chromium.

Not used by the site. ``python -m benchmarks.bench_search --pagefind BINARY`` measures it
on the same queries as the site's search: the document pages of a built language are
copied to a folder of their own (Pagefind would also index the search page, the index and
the status page), indexed by Pagefind from their ``[role=main]`` element (the same text
Sphinx indexes, without the theme around it), and searched with Pagefind's own
``pagefind.js`` in headless Chromium (its search runs in WebAssembly, in a browser).

The extended build (the ``pagefind_bin_extended`` wheel: ``pip install 'pagefind[extended]'``)
segments Chinese and Japanese; it is not a project dependency.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from benchmarks.search_eval import Found

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import browser_choice  # noqa: E402 - the Chromium the tests drive

SEARCH_JS = """async (queries) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.init();
  const out = [];
  for (const query of queries) {
    const found = await pagefind.search(query);
    const pages = await Promise.all(found.results.map((result) => result.data()));
    out.push(pages.map((page) => page.url));
  }
  return out;
}"""


def default_binary() -> Path | None:
    """The extended Pagefind binary of the ``pagefind_bin_extended`` package in this Python, if any."""
    try:
        import pagefind_bin_extended  # optional: only this candidate
    except ImportError:
        return None
    binary = Path(pagefind_bin_extended.__file__).parent / "pagefind_extended"
    return binary if binary.is_file() else None


def index(site: Path, docnames: Sequence[str], work: Path, binary: Path) -> Path:
    """Copy the document pages of *site* to *work* and index them with Pagefind; return *work*."""
    for docname in docnames:
        target = work / f"{docname}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(site / f"{docname}.html", target)
    cmd = [str(binary), "--site", str(work), "--root-selector", "[role=main]"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"pagefind failed on {site}:\n{proc.stdout}{proc.stderr}")
    return work


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _serve(root: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _docname(url: str) -> str:
    path = url.split("#", 1)[0].lstrip("/")
    if not path or path.endswith("/"):
        path += "index.html"
    return path.removesuffix(".html")


def search(indexed: Path, queries: Sequence[str]) -> list[Found]:
    """Search the Pagefind index of *indexed* for each query, in Chromium."""
    from playwright.sync_api import sync_playwright

    with _serve(indexed) as url, sync_playwright() as playwright:
        binary = browser_choice.executable()
        if binary is None:
            raise FileNotFoundError(f"no Chromium at {browser_choice.where()}")
        browser = playwright.chromium.launch(executable_path=binary, args=browser_choice.ARGS)
        try:
            page = browser.new_page()
            page.goto(url + "index.html")
            urls = page.evaluate(SEARCH_JS, list(queries))
        finally:
            browser.close()
    return [
        Found(query, (), tuple(dict.fromkeys(_docname(u) for u in found)))
        for query, found in zip(queries, urls, strict=True)
    ]
