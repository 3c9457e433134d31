"""Drawing maps: DOT text, SVG, PNG, PDF and the HTML viewer, from a map and its options.

:mod:`argmap.view` decides what is drawn, :mod:`argmap._dot` turns that
into DOT and runs Graphviz; this module holds the functions argmap exports
for drawing, and writes the files.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ._dot import digraph, run_dot
from ._fileio import write_atomic
from ._names import FORMATS, Format, diagram_format_of
from ._sources import read_sources
from ._text import clean
from .model import ArgumentMap
from .view import (
    MapView,
    ViewKeywords,
    ViewOptions,
    build_view,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = [
    "Format",
    "mimebundle",
    "render",
    "to_dot",
    "to_html",
    "to_svg",
    "view_output",
    "view_to_dot",
]


def to_dot(
    map: ArgumentMap, options: ViewOptions | None = None, **keywords: Unpack[ViewKeywords]
) -> str:
    """The diagram of ``map`` as DOT source (Graphviz's input language).

    Needs no Graphviz installation. The same map and options always give the
    same text.

    Args:
        map: The argument map; it need not be checked.
        options: How to draw it: width, direction, legend, language,
            evaluation, the part of the map drawn, premises (see
            :class:`~argmap.ViewOptions`, which says what each does).
        **keywords: Fields of :class:`~argmap.ViewOptions`, over ``options``:
            ``to_dot(m, legend=True, lang="de")``.

    Raises:
        ValueError: If an option is invalid, ``lang`` is not one of the
            map's languages, ``evaluation`` does not label every statement
            and argument, or ``focus``, ``collapse``, ``tags`` or
            ``speakers`` names what the map lacks.
    """
    return view_to_dot(build_view(map, options, **keywords))


def view_to_dot(view: MapView) -> str:
    """DOT source for an already built :class:`~argmap.view.MapView`."""
    source: str = digraph(view).source
    return source


def to_svg(
    map: ArgumentMap, options: ViewOptions | None = None, **keywords: Unpack[ViewKeywords]
) -> str:
    """The diagram of ``map`` as an SVG document.

    Every statement and argument is a ``<g>`` element with ``id``
    ``statement-<id>`` or ``argument-<id>`` and ``class`` names such as
    ``argmap-statement argmap-thesis``, ready for CSS and scripts; a folded
    branch is a ``<g>`` with ``id`` ``fold-<statement id>`` and ``class``
    ``argmap-fold``. The ``<svg>`` element's first children are a
    ``<title>`` (the map's title) and a ``<desc>`` giving the diagram in
    short, for readers who cannot see it: what it counts, each main thesis
    and the arguments for and against it (alt text for publishing).
    Arguments are as for :func:`to_dot`.

    Raises:
        RenderError: If Graphviz's ``dot`` is not installed or fails.
        ValueError: As for :func:`to_dot`.
    """
    view = build_view(map, options, **keywords)
    return view_output(view, "svg", map=map).decode("utf-8")


def to_html(
    map: ArgumentMap,
    options: ViewOptions | None = None,
    *,
    with_source: bool = False,
    **keywords: Unpack[ViewKeywords],
) -> str:
    """The diagram of ``map`` in the interactive viewer: one self-contained HTML page.

    The page holds the SVG of :func:`to_svg` with pan and zoom, a search box,
    and a panel showing everything the map says about the statement or
    argument clicked, in every language of the map, with what supports and
    attacks it highlighted. It loads nothing from anywhere, so it works
    offline. An outline of the map (a button in the bar shows it) gives
    the same as a nested list a keyboard or a screen reader can walk.
    Arguments are as for :func:`to_dot`; the data of what is not drawn stays
    out of the page.

    With ``with_source``, the text of each source the map quotes stands
    beside the diagram (one tab per source), every passage quoted marked:
    selecting a statement or argument scrolls to its passages, selecting a
    passage selects who quotes it. The source files are read from beside
    the map file, as ``argmap check`` reads them to verify quotes.

    Raises:
        RenderError: If Graphviz's ``dot`` is not installed or fails.
        SourceFileError: With ``with_source``, if the map quotes no source,
            a quoted source has no ``file``, or the file cannot be read.
        ValueError: As for :func:`to_dot`.
    """
    view = build_view(map, options, **keywords)
    sources = read_sources(map) if with_source else None
    return view_output(view, "html", map=map, sources=sources).decode("utf-8")


def render(
    map: ArgumentMap,
    path: str | os.PathLike[str],
    options: ViewOptions | None = None,
    *,
    format: Format | None = None,
    with_source: bool = False,
    **keywords: Unpack[ViewKeywords],
) -> Path:
    """Draw ``map`` into the file ``path``.

    The file is replaced atomically: if rendering or writing fails, an
    existing file at ``path`` is left as it was.

    Args:
        map: The argument map; it need not be checked.
        path: The output file.
        options: How to draw it (see :class:`~argmap.ViewOptions`).
        format: ``"svg"``, ``"png"``, ``"pdf"``, ``"dot"`` or ``"html"`` (the
            interactive viewer, see :func:`to_html`); by default taken from the
            suffix of ``path``.
        with_source: For ``html``: the sources' text beside the diagram
            (see :func:`to_html`).
        **keywords: Fields of :class:`~argmap.ViewOptions`, over ``options``.

    Returns:
        The path written.

    Raises:
        ValueError: If the format is unknown or cannot be told from the suffix,
            or another option is invalid (see :func:`to_dot`).
        RenderError: If Graphviz's ``dot`` is needed but missing, or fails.
        OutputError: If the file cannot be written.
        SourceFileError: With ``with_source``, as for :func:`to_html`.
    """
    fmt = _output_format(path, format)
    if with_source and fmt != "html":
        raise ValueError(f"'with_source' works with the html format (got {fmt!r})")
    view = build_view(map, options, **keywords)
    sources = read_sources(map) if with_source else None
    return write_atomic(path, view_output(view, fmt, map=map, sources=sources))


def view_output(
    view: MapView,
    format: Format,
    *,
    map: ArgumentMap | None = None,
    sources: Mapping[str, str] | None = None,
) -> bytes:
    """The bytes of ``view`` drawn in ``format``: DOT text, or what ``dot`` makes of it.

    ``html`` needs ``map``, the map ``view`` was built from: the viewer
    shows what the diagram leaves out (full text, translations, quotes).
    ``sources`` (texts by source id, see :func:`read_sources`) puts them
    beside the diagram in the ``html`` page.

    Raises:
        RenderError: If Graphviz's ``dot`` is needed but missing, or fails.
        ValueError: If ``format`` is ``html`` and ``map`` is not given.
    """
    if format == "html":
        if map is None:
            raise ValueError("'map' must be given for the html format (got None)")
        from ._html import page

        return page(map, view, _svg(view, map.lang), sources).encode("utf-8")
    if format == "svg":
        return _svg(view, map.lang if map is not None else None).encode("utf-8")
    return _output(view_to_dot(view), format)


def _svg(view: MapView, lang: str | None) -> str:
    """The SVG of ``view`` with its alt text: a ``<title>`` and ``<desc>`` first in ``<svg>``."""
    from ._outline import alt_text

    svg = run_dot(view_to_dot(view), "svg").decode("utf-8")
    start = svg.find("<svg")
    end = svg.find(">", start) + 1
    if start < 0 or end <= 0:
        return svg
    title, desc = alt_text(view, lang)
    alt = (
        f"\n<title>{html.escape(clean(title, newlines=False), quote=False)}</title>"
        f"\n<desc>{html.escape(clean(desc, newlines=False), quote=False)}</desc>"
    )
    return svg[:end] + alt + svg[end:]


def _output(source: str, format: Format) -> bytes:
    data = source.encode("utf-8") if format == "dot" else run_dot(source, format)
    return _fixed_pdf_dates(data) if format == "pdf" else data


def mimebundle(map: ArgumentMap) -> dict[str, str]:
    """The SVG of ``map`` keyed by MIME type, for Jupyter's ``_repr_mimebundle_``.

    Raises:
        RenderError: If Graphviz's ``dot`` is not installed or fails.
    """
    return {"image/svg+xml": to_svg(map)}


# Cairo stamps PDFs with the time of rendering; the same map must give the same bytes.
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)(\d{14})")


def _fixed_pdf_dates(data: bytes) -> bytes:
    """``data`` with its PDF timestamps set to 1970-01-01 (same length, so offsets hold)."""
    return _PDF_DATE.sub(lambda m: m[1] + b"19700101000000", data)


def _output_format(path: str | os.PathLike[str], format: str | None) -> Format:
    allowed = list(FORMATS)
    if format is not None:
        for known in FORMATS:
            if format == known:
                return known
        raise ValueError(f"'format' must be one of {allowed!r} (got {format!r})")
    named = diagram_format_of(path)
    if named is not None:
        return named
    suffix = Path(path).suffix
    suffixes = ", ".join(f".{f}" for f in FORMATS)
    where = f"the suffix {suffix!r}" if suffix else "a name without a suffix"
    raise ValueError(
        f"{os.fspath(path)}: cannot tell the output format from {where}; "
        f"use one of {suffixes} or give the format explicitly"
    )
