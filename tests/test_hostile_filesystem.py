"""The catalogs' folder as translators can shape it: links, hard links, compiled catalogs, names.

Everything under ``locale/`` is the translators', names and links included
(``docs_i18n.core.locale_tree``). Each test shapes a copy of the project as an attacker
would and asserts on what a reader or a maintainer gets: the built site, the files on
disk (``conf.py`` included), and the output of the build (with and without ``-W``),
``check``, ``status``, ``stamp`` and ``update``.

- A symbolic link to a file elsewhere (``index.po -> /some/secret``) was read: its first
  line was quoted in the build log, by ``check`` and ``status`` and on the published
  status page, and a link to another project's catalog was used as the page's.
- Sphinx compiled every ``.po`` into a ``.mo`` beside it, opening it through links:
  ``index.mo -> ../../../conf.py`` overwrote ``conf.py``.
- A catalog's file name reached the status page unescaped.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import forked
import pytest
from hostile import copy, elements, set_msgstr

from conftest import Result, run_cli

SECRET = "SECRET-7f3a9c-not-for-readers"
KO_INDEX = Path("locale/ko/LC_MESSAGES/index.po")
KO_GUIDE = Path("locale/ko/LC_MESSAGES/providers/litellm.po")
LINK = "a symbolic link, not read (nothing under the catalogs' folder is read through a link)"
STATUS_PAGE = "translation-status.html"
HOSTILE_NAME = 'x"onmouseover="alert(3)"<svg onload=alert(3)>'


def build(project: Path, lang: str, out: Path, strict: bool, *options: str) -> Result:
    """``sphinx-build`` of one language run from the project's folder, as the Makefile runs it."""
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-c", ".", "-q", "-D", f"language={lang}", *options]
    if strict:
        cmd += ["-W", "--keep-going", "-n"]
    cmd += ["-d", str(out / ".doctrees" / lang), "source", str(out / lang)]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    if forked.enabled():
        return Result(*forked.run("sphinx", cmd[3:], project, env))
    proc = subprocess.run(cmd, cwd=project, capture_output=True, text=True, timeout=600, env=env)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def cli(project: Path, *args: str | Path) -> Result:
    return run_cli(*args, root=project)


def tree_digest(root: Path) -> dict[str, str]:
    """Every file and link below *root* (links by target, never followed): what no tool may change."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = Path(folder, name)
            if path.is_symlink():
                found[str(path.relative_to(root))] = "-> " + os.readlink(path)
            elif path.is_file():
                found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def site_text(out: Path) -> str:
    """Every file a build wrote, as text (what a reader could be served)."""
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace")
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".doctrees" not in p.parts
    )


def secret_file(tmp: Path, kind: str, project: Path) -> Path:
    """A file outside the project: plain text whose first line is the secret, or a valid
    catalog of the Korean home page whose translations carry it."""
    path = tmp / f"secret-{kind}.po"
    if kind == "text":
        path.write_text(f'{SECRET}\nmsgid "x"\nmsgstr "y"\n', encoding="utf-8")
    else:
        shutil.copy(project / KO_INDEX, path)
        set_msgstr(path, "OpenClaw model provider guides", f"{SECRET} 가이드")  # the home page's title
    return path


def meta(html: str) -> dict[str | None, str | None]:
    return {a.get("name"): a.get("content") for tag, a in elements(html) if tag == "meta"}


# -- A link to a file elsewhere ---------------------------------------------------------------


@pytest.fixture(scope="module", params=["text", "catalog"])
def linked(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """``locale/ko/LC_MESSAGES/index.po`` a link to a file outside the project, built in Korean and
    English, strict and not."""
    tmp = tmp_path_factory.mktemp(f"linked-{request.param}")
    project = copy(tmp)
    secret = secret_file(tmp, request.param, project)
    (project / KO_INDEX).unlink()
    os.symlink(secret, project / KO_INDEX)
    before = tree_digest(project)
    builds = {
        (lang, strict): build(project, lang, tmp / ("strict" if strict else "preview"), strict)
        for lang in ("ko", "en")
        for strict in (True, False)
    }
    return {"project": project, "tmp": tmp, "builds": builds, "before": before, "secret": secret}


def test_a_linked_catalog_is_a_warning_at_its_path_and_never_quoted(linked: dict) -> None:
    for (lang, strict), result in linked["builds"].items():
        assert result.code == (1 if strict else 0), (lang, result.err)
        assert f"{KO_INDEX}:0: WARNING: " in result.err and LINK in result.err, result.err
        assert SECRET not in result.err + result.out


def test_a_linked_catalog_is_not_used_and_not_published(linked: dict) -> None:
    for folder in ("strict", "preview"):
        out = linked["tmp"] / folder
        assert SECRET not in site_text(out)
        index = (out / "ko" / "index.html").read_text(encoding="utf-8")
        # shown in English, and says so: its own catalog cannot be read (its toctree shows the other
        # pages' translated headings, so the page is not wholly untranslated: its state is unknown)
        assert meta(index)["x-i18n-reader-state"] == "unknown"
        assert 'class="i18n-banner' in index
        for lang in ("ko", "en"):  # the status page, in every language, says why without quoting the file
            status = (out / lang / STATUS_PAGE).read_text(encoding="utf-8")
            assert "the catalog cannot be read (a symbolic link, not read" in status


def test_the_build_changes_nothing_through_the_link(linked: dict) -> None:
    assert tree_digest(linked["project"]) == linked["before"]
    assert linked["secret"].read_text(encoding="utf-8").count(SECRET) == 1
    assert not list(linked["project"].rglob("*.mo"))


def test_check_status_and_stamp_refuse_a_linked_catalog(linked: dict) -> None:
    project = linked["project"]
    for args in (
        ("check",),
        ("status",),
        ("status", "--format", "json"),
        ("stamp", "--lang", "ko", "--page", "index.md"),
    ):
        result = cli(project, *args)
        assert result.code == 2, (args, result.err)
        assert f"{KO_INDEX}:0: {LINK}" in result.err, (args, result.err)
        assert SECRET not in result.out + result.err, args
    assert tree_digest(project) == linked["before"]


def test_update_writes_nothing_through_a_linked_catalog(linked: dict, tmp_path: Path) -> None:
    project = linked["project"]
    templates = tmp_path / "gettext"
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-c", ".", "source", str(templates)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    result = cli(project, "update", "--pot", templates, "--lang", "ko")
    assert result.code == 2, result.err
    assert f"{KO_INDEX}:0: {LINK}" in result.err
    assert SECRET not in result.out + result.err
    assert tree_digest(project) == linked["before"]


# -- Links to folders, hard links --------------------------------------------------------------


@pytest.mark.parametrize("strict", [True, False])
def test_a_linked_folder_is_not_entered(tmp_path: Path, strict: bool) -> None:
    project = copy(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(project / KO_GUIDE.parent, elsewhere)
    set_msgstr(elsewhere / KO_GUIDE.name, "Quick start", SECRET)
    shutil.rmtree(project / KO_GUIDE.parent)
    os.symlink(elsewhere, project / KO_GUIDE.parent)
    before = tree_digest(project)
    result = build(project, "ko", tmp_path / "out", strict)
    assert result.code == (1 if strict else 0), result.err
    assert f"{KO_GUIDE.parent}:0: WARNING: {LINK}" in result.err
    assert SECRET not in site_text(tmp_path / "out") + result.err
    for args in (("check",), ("status",)):
        found = cli(project, *args)
        assert found.code == 2 and f"{KO_GUIDE.parent}:0: {LINK}" in found.err, found.err
        assert SECRET not in found.out + found.err
    assert tree_digest(project) == before


@pytest.mark.parametrize("strict", [True, False])
def test_a_hard_link_to_a_file_outside_is_refused(tmp_path: Path, strict: bool) -> None:
    project = copy(tmp_path)
    secret = secret_file(tmp_path, "catalog", project)
    (project / KO_INDEX).unlink()
    os.link(secret, project / KO_INDEX)
    result = build(project, "ko", tmp_path / "out", strict)
    assert result.code == (1 if strict else 0), result.err
    assert (
        f"{KO_INDEX}:0: WARNING: a hard link to a file outside the catalogs' folder (2 names, 1 of them here)"
        in result.err
    )
    assert SECRET not in site_text(tmp_path / "out") + result.err
    for args in (("check",), ("status",)):
        found = cli(project, *args)
        assert found.code == 2 and f"{KO_INDEX}:0: a hard link to a file outside" in found.err, found.err
        assert SECRET not in found.out + found.err


def test_hard_links_inside_the_tree_are_read(tmp_path: Path) -> None:
    project = copy(tmp_path)
    os.link(project / KO_INDEX, project / "locale/ko/LC_MESSAGES/home.po")  # both names are the translators'
    status = cli(project, "status", "--lang", "ko")
    assert status.code == 0, status.err
    assert "orphan   ko     home.md" in status.out
    result = build(project, "ko", tmp_path / "out", strict=True)
    assert result.code == 0, result.err


# -- Compiled catalogs: Sphinx never writes or reads one -------------------------------------


@pytest.mark.parametrize("strict", [True, False])
def test_a_build_writes_no_compiled_catalog(tmp_path: Path, strict: bool) -> None:
    project = copy(tmp_path)
    for lang in ("ko", "ja"):
        result = build(project, lang, tmp_path / "out", strict)
        assert result.code == 0, result.err
    assert not list(project.rglob("*.mo")) and not list((tmp_path / "out").rglob("*.mo"))
    # the translations are still used, read from the .po files
    assert "빠른 시작" in (tmp_path / "out" / "ko" / "providers" / "litellm.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("strict", [True, False])
def test_a_linked_compiled_catalog_writes_nothing(tmp_path: Path, strict: bool) -> None:
    project = copy(tmp_path)
    messages = project / "locale" / "ja" / "LC_MESSAGES"
    os.symlink("../../../conf.py", messages / "index.mo")  # Sphinx would compile index.po over conf.py
    os.symlink("../../../planted.py", messages / "sphinx.mo")  # and create a file where none was
    later = (project / "conf.py").stat().st_mtime + 3600  # each .po newer than its ".mo": out of date
    for po in ("index.po", "sphinx.po"):
        os.utime(messages / po, (later, later))
    conf = (project / "conf.py").read_bytes()
    result = build(project, "ja", tmp_path / "out", strict)
    assert (project / "conf.py").read_bytes() == conf
    assert not (project / "planted.py").exists() and not (project / "planted.py").is_symlink()
    assert result.code == (1 if strict else 0), result.err
    for name in ("index.mo", "sphinx.mo"):
        assert f"locale/ja/LC_MESSAGES/{name}:0: WARNING: {LINK}" in result.err


def test_sphinx_locale_dirs_stop_the_build(tmp_path: Path) -> None:
    project = copy(tmp_path)
    result = build(project, "ko", tmp_path / "out", False, "-D", "locale_dirs=../locale")
    assert result.code == 2
    assert "locale_dirs is ['../locale']" in result.err and "i18n_locale_dirs" in result.err
    assert "Sphinx has already compiled the theme catalogs (sphinx.po) it found there" in result.err
    assert (project / "locale/ko/LC_MESSAGES/sphinx.mo").exists()  # what the message warns of: Sphinx did it first
    assert not (tmp_path / "out" / "ko" / "index.html").exists()


# -- Catalog names -------------------------------------------------------------------------------


def add_catalog(project: Path, lang: str, name: str) -> Path:
    path = project / "locale" / lang / "LC_MESSAGES" / f"{name}.po"
    shutil.copy(project / "locale" / lang / "LC_MESSAGES" / "index.po", path)
    return path


def shape(html: str) -> set[tuple[str, tuple[str, ...]]]:
    """Each kind of element of a page, with the names of its attributes."""
    return {(tag, tuple(sorted(attrs))) for tag, attrs in elements(html)}


@pytest.fixture(scope="module")
def clean_status_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("clean")
    project = copy(tmp)
    add_catalog(project, "ko", "plain-orphan")
    pages = {}
    for lang in ("en", "ko"):
        result = build(project, lang, tmp / "out", strict=True)
        assert result.code == 0, result.err
        pages[lang] = (tmp / "out" / lang / STATUS_PAGE).read_text(encoding="utf-8")
    return pages


@pytest.mark.parametrize("strict", [True, False])
def test_a_catalog_name_adds_no_markup_to_the_status_page(
    tmp_path: Path, strict: bool, clean_status_pages: dict[str, str]
) -> None:
    project = copy(tmp_path)
    add_catalog(project, "ko", HOSTILE_NAME)
    for lang in ("en", "ko"):
        result = build(project, lang, tmp_path / "out", strict)
        assert result.code == 0, result.err
        page = (tmp_path / "out" / lang / STATUS_PAGE).read_text(encoding="utf-8")
        assert shape(page) == shape(clean_status_pages[lang])
        rows = [a for tag, a in elements(page) if a.get("data-page") == f"{HOSTILE_NAME}.md"]
        assert len(rows) == 2  # its row in the table, and its line among the maintainers' details
        assert "&lt;svg onload=alert(3)&gt;" in page and "<svg onload" not in page
    status = cli(project, "status", "--lang", "ko")
    assert status.code == 0 and f"{HOSTILE_NAME}.md" in status.out


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("x\nindex.po:1: forged", "has a control, format or invalid character in its name"),
        ("evil\u202egnp.po", "has a control, format or invalid character in its name"),
        ("a\\b", "names no page (it would stand for 'a/b.md'; name the catalog like the page)"),
    ],
)
def test_a_catalog_named_like_no_page_is_refused_by_name(tmp_path: Path, name: str, why: str) -> None:
    project = copy(tmp_path)
    add_catalog(project, "ko", name)
    expected = f"locale/ko/LC_MESSAGES:0: {name + '.po'!r} {why}, not read"
    for args in (("status",), ("check",)):
        result = cli(project, *args)
        assert result.code == 2, result.err
        assert result.err.splitlines().count(expected) == 1, result.err
        assert name not in result.out and "forged" not in result.out
    built = build(project, "ko", tmp_path / "out", strict=False)
    assert built.code == 0 and f"locale/ko/LC_MESSAGES:0: WARNING: {name + '.po'!r} {why}" in built.err
    assert "forged" not in (tmp_path / "out" / "ko" / STATUS_PAGE).read_text(encoding="utf-8")


def test_a_folder_of_catalogs_not_named_like_a_language_is_refused(tmp_path: Path) -> None:
    project = copy(tmp_path)
    (project / "locale" / "<b>x" / "LC_MESSAGES").mkdir(parents=True)
    result = cli(project, "status")
    assert result.code == 2
    assert "locale:0: '<b>x' is not a language code (a folder of catalogs), not read" in result.err
    assert "<b>x" not in result.out


def test_export_refuses_a_linked_catalog(linked: dict, tmp_path: Path) -> None:
    project = linked["project"]
    result = cli(project, "export", "--lang", "ko", "--page", "index.md", "--out", tmp_path / "md")
    assert result.code == 2, result.out + result.err
    assert f"{KO_INDEX}:0: {LINK}" in result.err
    assert SECRET not in result.out + result.err + site_text(tmp_path)
    assert tree_digest(project) == linked["before"]


def test_import_refuses_a_linked_catalog(linked: dict, tmp_path: Path) -> None:
    project = linked["project"]
    page = tmp_path / "md" / "ko" / "index.md"
    page.parent.mkdir(parents=True)
    shutil.copy(project / "source" / "index.md", page)
    result = cli(project, "import", tmp_path / "md", "--lang", "ko", "--page", "index.md", "--without-hash")
    assert result.code == 2, result.out + result.err
    assert f"{KO_INDEX}:0: {LINK}" in result.err
    assert SECRET not in result.out + result.err
    assert tree_digest(project) == linked["before"]
