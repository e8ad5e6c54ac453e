"""The catalogs' folder (``locale/``) as every tool reads it: no link followed, only regular files.

Translators control everything under ``locale/``: contents, names and links. A
symbolic link there could make a tool read (and quote) a file elsewhere, or make a
writer overwrite one, so the tree is read by these rules, for the build and every
command alike:

- **Walking** (:func:`scan`) uses ``lstat`` only and never enters a linked folder.
  Refused, as ``path:0: ..., not read`` and never read: a symbolic link (to a file or
  a folder, existing or not), a FIFO, socket or device, and a file with hard links
  outside the tree (more links than the names the walk found for it). Hidden entries
  (``.name``) are not part of the tree: not listed, not reported, never entered.
- **Reading** (:func:`read_bytes`, :func:`read_text`, :func:`read_catalog`) opens the
  folders from the tree's root down one at a time and then the file, each with
  ``O_NOFOLLOW``, and checks what it opened (a regular file, no link outside the tree)
  before reading a byte: a link swapped in after the walk is refused too. The root
  itself is the maintainers' (``conf.py``, ``--locale``), and is followed.
- **Names**: a catalog below ``<lang>/LC_MESSAGES/`` names a page, by the rule of
  ``--page`` (:func:`docs_i18n.core.pages.check_page`); a language folder is a language
  code (:func:`docs_i18n.core.languages.looks_like_locale`). Any other name is refused,
  shown with :func:`repr` at its folder.

An error never quotes a refused file: it names the path and says why.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from docs_i18n.core import languages, pages, pofile
from docs_i18n.core.errors import InputError
from docs_i18n.core.textio import decode_utf8, special_kind

MESSAGES_DIR = "LC_MESSAGES"
CATALOG_SUFFIX = ".po"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_COMMON = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_DIR_FLAGS = _COMMON | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW
# Non-blocking: opening a FIFO would otherwise wait for a writer forever.
_FILE_FLAGS = _COMMON | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
# What open() says for a link met with O_NOFOLLOW: ELOOP (Linux, macOS), EMLINK (FreeBSD), EFTYPE (NetBSD).
_LINK_ERRNOS = frozenset(getattr(errno, name) for name in ("ELOOP", "EMLINK", "EFTYPE") if hasattr(errno, name))


def link_refused(path: str | Path) -> InputError:
    """The error for a symbolic link under the catalogs' folder (never followed, never read)."""
    return InputError(
        path,
        0,
        "a symbolic link, not read (nothing under the catalogs' folder is read through a link); "
        "replace it with the file or folder itself",
    )


def special_refused(path: str | Path, kind: str) -> InputError:
    """The error for a FIFO, socket or device under the catalogs' folder."""
    return InputError(path, 0, f"{kind}, not read (only regular files are read under the catalogs' folder)")


def hard_link_refused(path: str | Path, links: int, inside: int) -> InputError:
    """The error for a file with hard links outside the catalogs' folder."""
    return InputError(
        path,
        0,
        f"a hard link to a file outside the catalogs' folder ({links} names, {inside} of them here), not read; "
        "copy the file instead",
    )


def name_refused(folder: str | Path, name: str, why: str) -> InputError:
    """The error for an entry whose name is not allowed, shown with :func:`repr` at its *folder*."""
    return InputError(folder, 0, f"{name!r} {why}, not read")


def catalog_name_problem(relative: str) -> str | None:
    """Why a catalog at *relative* below ``LC_MESSAGES`` (without ``.po``) names no page, or None.

    The rule of ``--page`` (:func:`~docs_i18n.core.pages.check_page`), unchanged by it:
    ``providers/litellm`` is the catalog of ``providers/litellm.md``.
    """
    if relative == pages.UI_DOMAIN:
        return None
    page = f"{relative}.md"
    try:
        checked = pages.check_page(page)
    except ValueError:
        return "names no page (a page's catalog is named like the page: providers/litellm.po)"
    if checked != page:
        return f"names no page (it would stand for {checked!r}; name the catalog like the page)"
    return None


def _hidden(name: str) -> bool:
    return name.startswith(".")


@dataclass
class Tree:
    """What may be read under a catalogs' folder, and what was refused."""

    root: Path
    files: set[str] = field(default_factory=set)  # regular files that may be read, as paths below root
    folders: set[str] = field(default_factory=set)  # real folders below root, root included
    refused: dict[str, InputError] = field(default_factory=dict)  # path -> why, in walking order

    def languages(self) -> list[str]:
        """The language folders with a ``LC_MESSAGES`` folder, sorted (named like language codes)."""
        root = str(self.root)
        return sorted(
            os.path.basename(folder)
            for folder in self.folders
            if os.path.dirname(folder) == root and os.path.join(folder, MESSAGES_DIR) in self.folders
        )

    def catalogs(self, lang: str) -> list[Path]:
        """Every ``.po`` file of *lang* that may be read (pages and the UI catalog), sorted."""
        prefix = os.path.join(str(self.root), lang, MESSAGES_DIR, "")
        return sorted(Path(p) for p in self.files if p.startswith(prefix) and p.endswith(CATALOG_SUFFIX))

    def refusal(self, path: str | Path) -> InputError | None:
        """Why *path* or a folder above it (below the root) is refused, or None."""
        here, root = str(path), str(self.root)
        while here.startswith(root) and len(here) > len(root):
            if here in self.refused:
                return self.refused[here]
            here = os.path.dirname(here)
        return None

    def errors(self, langs: list[str] | None = None) -> list[InputError]:
        """The refusals, those inside the folders of other languages than *langs* left out (None: all)."""
        if langs is None:
            return list(self.refused.values())
        keep = {os.path.join(str(self.root), lang) for lang in langs}
        others = {os.path.join(str(self.root), lang) for lang in self.languages()} - keep
        return [
            error
            for path, error in self.refused.items()
            if not any(path == other or path.startswith(other + os.sep) for other in others)
        ]


def scan(root: str | Path) -> Tree:
    """Walk the catalogs' folder *root* without following links (see the module's rules).

    The paths in the result are ``str(Path(root))`` joined with the names found
    (``os.path.join``), so a caller compares them with paths it builds the same way.
    """
    root_text = str(Path(root))
    tree = Tree(Path(root_text))
    if not os.path.isdir(root_text):
        return tree
    tree.folders.add(root_text)
    inodes: dict[str, tuple[int, int, int]] = {}  # path -> (device, inode, links) of files with several names
    _walk(root_text, "", tree, inodes)
    names = Counter((dev, ino) for dev, ino, _ in inodes.values())
    for path, (dev, ino, links) in inodes.items():
        if names[dev, ino] < links:
            tree.files.discard(path)
            tree.refused[path] = hard_link_refused(path, links, names[dev, ino])
    tree.refused = dict(sorted(tree.refused.items()))
    return tree


def _walk(folder: str, relative: str, tree: Tree, inodes: dict[str, tuple[int, int, int]]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        tree.refused[folder] = InputError(folder, 0, f"cannot read folder: {exc.strerror or exc}")
        return
    depth = relative.count("/") if relative else -1  # -1: the root, 0: a language folder, ...
    for entry in entries:
        name, path = entry.name, entry.path
        if _hidden(name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError as exc:
            tree.refused[path] = InputError(path, 0, f"cannot read: {exc.strerror or exc}")
            continue
        shown_name = pages.unsafe_characters(name)
        if stat.S_ISLNK(info.st_mode):
            tree.refused[path] = link_refused(path) if not shown_name else _bad_name(folder, name)
        elif shown_name:
            tree.refused[path] = _bad_name(folder, name)
        elif stat.S_ISDIR(info.st_mode):
            below = f"{relative}/{name}" if relative else name
            holds_catalogs = os.path.lexists(os.path.join(path, MESSAGES_DIR))
            if depth == -1 and holds_catalogs and not languages.looks_like_locale(name):
                tree.refused[path] = name_refused(folder, name, "is not a language code (a folder of catalogs)")
                continue
            tree.folders.add(path)
            _walk(path, below, tree, inodes)
        elif stat.S_ISREG(info.st_mode):
            problem = None
            parts = relative.split("/")
            if name.endswith(CATALOG_SUFFIX) and len(parts) >= 2 and parts[1] == MESSAGES_DIR:
                inside = "/".join([*parts[2:], name[: -len(CATALOG_SUFFIX)]])
                problem = catalog_name_problem(inside)
            if problem:
                tree.refused[path] = name_refused(folder, name, problem)
                continue
            tree.files.add(path)
            if info.st_nlink > 1:
                inodes[path] = (info.st_dev, info.st_ino, info.st_nlink)
        else:
            tree.refused[path] = special_refused(path, special_kind(info.st_mode) or "a special file")


def _bad_name(folder: str, name: str) -> InputError:
    return name_refused(folder, name, "has a control, format or invalid character in its name")


def _names_inside(root: str, device: int, inode: int) -> int:
    """How many names the file (*device*, *inode*) has in the tree below *root* (hidden ones aside)."""
    count = 0
    pending = [root]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            if _hidden(entry.name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                pending.append(entry.path)
            elif info.st_ino == inode and info.st_dev == device and stat.S_ISREG(info.st_mode):
                count += 1
    return count


def _parts_below(path: str | Path, root: str | Path) -> list[str]:
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    parts = relative.split(os.sep)
    if relative == os.curdir or parts[0] == os.pardir or os.path.isabs(relative):
        raise InputError(path, 0, f"cannot read: not below the catalogs' folder {root}")
    return parts


def open_file(path: str | Path, root: str | Path, what: str = "file") -> int:
    """A descriptor of *path*, a regular file below *root* reached without following a link.

    Every folder from *root* down and the file are opened with ``O_NOFOLLOW``; the file
    must be a regular file whose every hard link is in the tree. Raises
    :class:`InputError` naming the path (never quoting it) otherwise.
    """
    parts = _parts_below(path, root)
    try:
        fd = os.open(os.path.abspath(root), _COMMON | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise InputError(root, 0, f"cannot read the catalogs' folder: {exc.strerror or exc}") from None
    reached = str(Path(root))
    try:
        for index, part in enumerate(parts):
            reached = os.path.join(reached, part)
            last = index == len(parts) - 1
            try:
                following = os.open(part, _FILE_FLAGS if last else _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:
                if exc.errno in _LINK_ERRNOS or _is_link(reached):
                    raise link_refused(reached) from None
                raise InputError(reached, 0, f"cannot read {what}: {exc.strerror or exc}") from None
            os.close(fd)
            fd = following
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                raise InputError(path, 0, f"cannot read {what}: it is a folder, not a file")
            raise special_refused(path, special_kind(info.st_mode) or "a special file")
        if info.st_nlink > 1:
            inside = _names_inside(os.path.abspath(root), info.st_dev, info.st_ino)
            if inside < info.st_nlink:
                raise hard_link_refused(path, info.st_nlink, inside)
        return fd
    except BaseException:
        os.close(fd)
        raise


def _is_link(path: str) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def read_bytes(path: str | Path, root: str | Path, what: str = "file") -> bytes:
    """The bytes of *path*, opened below *root* by :func:`open_file`'s rules."""
    fd = open_file(path, root, what)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(path, 0, f"cannot read {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_text(path: str | Path, root: str | Path, what: str = "file") -> str:
    """*path* below *root* as UTF-8 (:func:`read_bytes`; bad bytes are an :class:`InputError` at their line)."""
    return decode_utf8(read_bytes(path, root, what), path)


def read_catalog(path: str | Path, root: str | Path) -> pofile.Catalog:
    """The ``.po`` catalog at *path* below *root*, read by these rules and parsed strictly (:func:`pofile.parse`)."""
    return pofile.parse(read_text(path, root, "catalog"), path)
