"""Site build hooks: links from the pages into the repository work on the site too.

The pages in docs/ link to files beside docs/ (``../maps/overview.yaml``,
``../README.md``) and to folders (``../maps/``, ``examples/``), which GitHub
shows as they are. A site built from docs/ alone would have none of them, and
the strict build would fail on every such link. These hooks publish each file
a page links to at its path in the repository (``maps/overview.yaml``), the
README as the page ``readme.md``, and each linked folder as a page listing its
files; then they point the links there. Only files that git tracks or would
track are published, so the site shows what the repository shows.

The pages that show a map beside its text (``gallery/overview.en.source.html``)
are drawn by argmap while the site is built, not kept in the repository: each
holds the viewer's script and style, which argmap/viewer/ already keeps.

MkDocs and ProperDocs load this file through ``hooks:`` in mkdocs.yml.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

#: An inline link or image: ``[text](target)``, ``![alt](target "title")``.
LINK = re.compile(r"(!?\[[^\]\n]*\]\()(<?)([^)\s>]+)(>?)((?:\s+\"[^\"\n]*\")?\))")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


class Link:
    """A link found in one line, with its positions in the whole text."""

    def __init__(self, match: re.Match[str], offset: int) -> None:
        self.match = match
        self.offset = offset

    def group(self, index: int) -> str:
        return self.match.group(index)

    def start(self, index: int) -> int:
        return self.match.start(index) + self.offset

    def end(self, index: int) -> int:
        return self.match.end(index) + self.offset


def links(markdown: str) -> Iterator[Link]:
    """The inline links of ``markdown`` outside fenced code blocks."""
    fenced: str | None = None
    offset = 0
    for line in markdown.splitlines(keepends=True):
        fence = FENCE.match(line)
        if fence and (fenced is None or fence.group(1) == fenced):
            fenced = fence.group(1) if fenced is None else None
        elif fenced is None:
            for match in LINK.finditer(line):
                yield Link(match, offset)
        offset += len(line)


def split_target(target: str) -> tuple[str, str] | None:
    """A relative link's path and its ``#fragment``; ``None`` for other links."""
    if not target or target.startswith(("#", "/")) or SCHEME.match(target):
        return None
    path, hash_, fragment = target.partition("#")
    path = path.partition("?")[0]
    if not path:
        return None
    return unquote(path), hash_ + fragment


class Repository:
    """The files of the repository, and where each of them goes on the site."""

    def __init__(self, root: Path, docs: Path) -> None:
        self.root = root
        self.docs = docs.relative_to(root).as_posix()
        self.files = set(_repository_files(root))
        self.folders: set[str] = set()
        for path in self.files:
            folder = posixpath.dirname(path)
            while folder not in self.folders:
                self.folders.add(folder)
                folder = posixpath.dirname(folder)
        #: Site path by repository path, of each repository file the site shows.
        self.published: dict[str, str] = {}
        #: Repository folders shown as listing pages, by their listing page's site path.
        self.listings: dict[str, str] = {}

    def site_path(self, path: str) -> str | None:
        """Where repository file ``path`` is on the site, when it is there."""
        inside = self._in_docs(path)
        if inside is not None:
            return inside
        return self.published.get(path)

    def _in_docs(self, path: str) -> str | None:
        if path.startswith(self.docs + "/"):
            return path[len(self.docs) + 1 :]
        return None

    def resolve(self, page: str, target: str) -> tuple[str, str] | None:
        """The repository file or folder a link of page ``page`` points at, and its kind."""
        parts = split_target(target)
        if parts is None:
            return None
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts[0]))
        if path.startswith("../") or path == "..":
            return None
        if path == ".":
            return None  # the repository itself: GitHub's front page, not a page of the site
        if path in self.files:
            return path, "file"
        if path in self.folders:
            return path, "folder"
        return None

    def publish(self, page: str, markdown: str) -> list[str]:
        """Publish what ``page`` links to outside docs/; the Markdown pages to scan next."""
        more = []
        for link in links(markdown):
            found = self.resolve(page, link.group(3))
            if found is None:
                continue
            path, kind = found
            if kind == "folder":
                more += self._publish_folder(path)
            elif self._in_docs(path) is None and path not in self.published:
                self.published[path] = _site_name(path)
                if path.endswith(".md"):
                    more.append(path)
        return more

    def _publish_folder(self, folder: str) -> list[str]:
        listing = posixpath.join(self.site_folder(folder), "index.md")
        if listing in self.listings or self._has_index(folder):
            return []
        self.listings[listing] = folder
        more = []
        for path in sorted(self.files):
            if posixpath.dirname(path) == folder and self._in_docs(path) is None:
                self.published.setdefault(path, _site_name(path))
                if path.endswith(".md"):
                    more.append(path)
        for sub in self.subfolders(folder):
            more += self._publish_folder(sub)
        return more

    def _has_index(self, folder: str) -> bool:
        inside = self._in_docs(folder + "/")
        return inside is not None and any(
            posixpath.join(folder, name) in self.files for name in ("index.md", "README.md")
        )

    def site_folder(self, folder: str) -> str:
        """Where a repository folder is on the site (``""`` for the site's root)."""
        if folder == self.docs:
            return ""
        inside = self._in_docs(folder + "/")
        return (inside or folder + "/").rstrip("/")

    def subfolders(self, folder: str) -> list[str]:
        """The folders directly inside ``folder`` that hold files, sorted."""
        return sorted(f for f in self.folders if f and posixpath.dirname(f) == folder)

    def listing(self, folder: str) -> str:
        """The Markdown of the page that lists ``folder``'s files and folders."""
        lines = [f"# {folder}/", "", f"The folder `{folder}/` of the repository:", ""]
        for sub in self.subfolders(folder):
            name = posixpath.basename(sub)
            lines.append(f"- [{name}/]({name}/index.md)")
        for path in sorted(self.files):
            if posixpath.dirname(path) == folder:
                name = posixpath.basename(path)
                lines.append(f"- [{name}]({name})")
        return "\n".join(lines) + "\n"

    def rewrite(self, page: str, site_page: str, markdown: str) -> str:
        """``markdown`` of repository file ``page``, with links that work on the site."""
        pieces = []
        last = 0
        for link in links(markdown):
            target = link.group(3)
            found = self.resolve(page, target)
            if found is None:
                continue
            path, kind = found
            fragment = target.partition("#")[1] + target.partition("#")[2]
            site = (
                posixpath.join(self.site_folder(path), "index.md")
                if kind == "folder"
                else self.site_path(path)
            )
            if site is None:
                continue
            new = posixpath.relpath(site, posixpath.dirname(site_page) or ".") + fragment
            if new == target:
                continue
            pieces += [markdown[last : link.start(3)], new]
            last = link.end(3)
        return "".join(pieces) + markdown[last:]


def _site_name(path: str) -> str:
    """Where a repository file outside docs/ goes on the site.

    Its own path, but a README.md becomes readme.md: MkDocs would make it the
    index page of its folder.
    """
    folder, name = posixpath.split(path)
    return posixpath.join(folder, "readme.md") if name == "README.md" else path


def _repository_files(root: Path) -> list[str]:
    """Files git tracks or would track (not ignored); every file outside hidden folders else."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=root,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return [
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
        ]
    names = listed.decode("utf-8").split("\0")
    return [name for name in names if name and (root / name).is_file()]


#: The pages the site draws with argmap: site path -> (map, language).
DRAWN_PAGES = {
    f"gallery/overview.{lang}.source.html": ("maps/overview.yaml", lang) for lang in ("en", "de")
}


def drawn_page(root: Path, map_path: str, lang: str) -> str:
    """A map beside its text, as ``argmap render MAP -f html --with-source --lang LANG``."""
    import argmap

    return argmap.to_html(argmap.load(root / map_path), with_source=True, lang=lang)


# MkDocs' event hooks. ------------------------------------------------------

#: The repository of each site being built, by the path of its mkdocs.yml.
_REPOSITORIES: dict[str, Repository] = {}


def on_files(files: Any, config: Any) -> Any:
    """Add the repository files and folder listings that the pages link to, and the drawn pages."""
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    root = Path(config.config_file_path).resolve().parent
    repo = Repository(root, Path(config.docs_dir).resolve())
    _REPOSITORIES[config.config_file_path] = repo
    todo = [f"{repo.docs}/{f.src_uri}" for f in files.documentation_pages()]
    seen: set[str] = set()
    while todo:
        page = todo.pop()
        if page in seen or not (root / page).is_file():
            continue
        seen.add(page)
        todo += repo.publish(page, (root / page).read_text("utf-8"))
    for path, site in sorted(repo.published.items()):
        if files.get_file_from_path(site) is not None:
            raise PluginError(
                f"hooks: docs/{site} is in the way of the repository's {path}, "
                "which a page links to; rename one of them"
            )
        files.append(File.generated(config, site, abs_src_path=str(root / path)))
    for listing, folder in sorted(repo.listings.items()):
        if files.get_file_from_path(listing) is None:
            files.append(File.generated(config, listing, content=repo.listing(folder)))
    for site, (map_path, lang) in DRAWN_PAGES.items():
        if files.get_file_from_path(site) is not None:
            raise PluginError(f"hooks: docs/{site} is in the way of the page the site draws there")
        files.append(File.generated(config, site, content=drawn_page(root, map_path, lang)))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Point the page's links to repository files and folders at their place on the site."""
    repo = _REPOSITORIES.get(config.config_file_path)
    if repo is None:
        return markdown
    site_page = page.file.src_uri
    page_path = next(
        (path for path, site in repo.published.items() if site == site_page),
        None,
    )
    if page_path is None:
        if site_page in repo.listings:
            return markdown  # a listing's links are relative to the site already
        page_path = f"{repo.docs}/{site_page}"
    return repo.rewrite(page_path, site_page, markdown)


# A Griffe extension, for mkdocstrings. -------------------------------------

#: A Sphinx cross-reference role in a docstring: :func:`evaluate`, :class:`~argmap.errors.Issue`.
ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj|const):`(~?)([\w.]+)`")
#: reST's ``::`` that ends a paragraph before a code block: ``it::`` reads ``it:``.
LITERAL = re.compile(r"(\S)?::$", re.M)


def _extension_base() -> type:
    try:
        import griffe
    except ImportError:  # the hooks run without mkdocstrings, e.g. in tests
        return object
    return griffe.Extension


class SphinxRoles(_extension_base()):  # type: ignore[misc]
    """Docstrings read as Sphinx reads them: ``#:`` comments, roles as links.

    argmap's docstrings are Google style, but document constants and type
    aliases with ``#:`` comments above them and name other objects as Sphinx
    does (``:func:`evaluate```). A ``#:`` comment becomes the docstring of
    what follows it. Each role becomes an optional cross-reference of
    mkdocstrings' autorefs: a link when the object is on the site, plain code
    when it is not (a private helper, a module the reference leaves out).
    """

    def on_object(self, *, obj: Any, **kwargs: Any) -> None:
        """Give one object its ``#:`` docstring and rewrite the roles in its docstring."""
        _read_as_sphinx(obj)

    def on_package(self, *, pkg: Any, **kwargs: Any) -> None:
        """The same for the package itself, which ``on_object`` does not see."""
        _read_as_sphinx(pkg)


def _read_as_sphinx(obj: Any) -> None:
    if obj.docstring is None and obj.is_attribute and obj.lineno:
        comment = _comment_above(obj.lines_collection[obj.filepath], obj.lineno)
        if comment:
            import griffe

            obj.docstring = griffe.Docstring(comment, lineno=obj.lineno, parent=obj)
    if obj.docstring is not None:
        text = ROLE.sub(lambda m: _autoref(obj, m), obj.docstring.value)
        obj.docstring.value = LITERAL.sub(lambda m: m.group(1) + ":" if m.group(1) else "", text)


def _comment_above(lines: list[str], lineno: int) -> str:
    """The ``#:`` comment lines right above line ``lineno`` (1-based), as text."""
    found: list[str] = []
    index = lineno - 2
    while index >= 0 and lines[index].lstrip().startswith("#:"):
        found.insert(0, lines[index].lstrip()[2:].strip())
        index -= 1
    return "\n".join(found)


def _autoref(obj: Any, role: re.Match[str]) -> str:
    short, name = role.group(1), role.group(2)
    shown = name.rsplit(".", 1)[-1] if short else name
    return f'<autoref identifier="{_full_path(obj, name)}" optional><code>{shown}</code></autoref>'


def _full_path(obj: Any, name: str) -> str:
    """The full path of ``name`` as the docstring of ``obj`` sees it."""
    first = name.split(".", maxsplit=1)[0]
    if first == "argmap":
        return name
    scope = obj
    while scope is not None:
        try:
            if first in scope.members:
                return f"{scope.path}.{name}"
        except Exception:  # an alias whose target cannot be resolved has no members
            pass
        scope = scope.parent
    return name
