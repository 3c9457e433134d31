"""The interactive HTML viewer: one self-contained page around a map's SVG.

The page holds the SVG as Graphviz drew it, the map's data as JSON and the
viewer's script and style (``argmap/viewer/``), all inline: it fetches
nothing, so it works offline and from a ``file://`` URL. A Content Security
Policy forbids every fetch, and lets run only the viewer's own script and
style, by their hashes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import json
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._outline import OutlineItem, OutlineWords, describe, outline, outline_words
from ._quotes import locate
from .model import Argument, ArgumentMap, Citation, Dispute, Statement, Translation
from .view import MapView, ViewNode

if TYPE_CHECKING:
    from .analyse import Evaluation, Label

__all__ = ["page", "page_data"]

# What Graphviz writes before the <svg> element (XML declaration, doctype) and
# its comments (version, node names) have no place inside an HTML page.
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)
# Links in the page go only to web pages and mail addresses, never to scripts.
_LINK = re.compile(r"(?:https?://|mailto:)\S+\Z", re.IGNORECASE)


@cache
def _asset(name: str) -> str:
    """The text of ``argmap/viewer/<name>``, shipped as package data."""
    text = resources.files("argmap").joinpath("viewer").joinpath(name).read_text(encoding="utf-8")
    # The asset goes inside a <script> or <style> element, which these would end early.
    closing = "</script" if name.endswith(".js") else "</style"
    if closing in text.lower() or "<!--" in text:
        raise RuntimeError(f"argmap/viewer/{name} must not contain {closing!r} or '<!--'")
    return text


def page(
    map: ArgumentMap, view: MapView, svg: str, sources: Mapping[str, str] | None = None
) -> str:
    """The viewer page: ``svg`` (Graphviz's drawing of ``view``) with pan, zoom, search,
    an outline of the map, and a panel that shows everything the map says about the
    statement or argument clicked.

    Args:
        map: The map ``view`` was built from.
        view: What the diagram shows; only its statements and arguments go into the page.
        svg: The SVG document Graphviz drew for ``view``.
        sources: The text of each source the map quotes, by source id: shown
            beside the diagram, one tab per source, every passage quoted
            marked and tied to the statements and arguments quoting it.

    Returns:
        The HTML document. The same arguments always give the same text.
    """
    title = view.title.strip() or map.title
    script = _asset("viewer.js")
    style = _asset("viewer.css")
    policy = "; ".join(
        [
            "default-src 'none'",
            f"script-src '{_sha256(script)}'",
            f"style-src '{_sha256(style)}'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    lang = view.lang or map.lang
    lang_attr = f' lang="{html.escape(lang)}"' if lang else ""
    data = page_data(map, view)
    drawn = {
        *(f"statement-{sid}" for sid in data.get("statements", {})),
        *(f"argument-{aid}" for aid in data.get("arguments", {})),
        *(node.id for node in view.nodes if node.kind == "issue"),
    }
    source_pane = "" if sources is None else _source_pane(map, sources, drawn)
    main_class = "argmap-main argmap-with-source" if sources is not None else "argmap-main"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="generator" content="argmap">
<title>{html.escape(title)}</title>
<style>{style}</style>
</head>
<body>
<header class="argmap-bar">
<button type="button" id="argmap-outline-toggle" aria-controls="argmap-outline" \
aria-expanded="false" title="Show the map as an outline (o)">Outline</button>
<h1 class="argmap-title"{lang_attr}>{html.escape(title)}</h1>
<div class="argmap-search" role="search">
<input id="argmap-search" type="search" placeholder="Search text, title or id" \
autocomplete="off" spellcheck="false" aria-label="Search statements and arguments" \
aria-describedby="argmap-search-count">
<button type="button" id="argmap-search-prev" title="Previous match (Shift+Enter)" \
aria-label="Previous match">&#8593;</button>
<button type="button" id="argmap-search-next" title="Next match (Enter)" \
aria-label="Next match">&#8595;</button>
<span id="argmap-search-count" class="argmap-count" aria-live="polite"></span>
</div>
<div class="argmap-zoom" role="group" aria-label="Zoom">
<button type="button" id="argmap-zoom-out" title="Zoom out (-)" aria-label="Zoom out">\
&#8722;</button>
<button type="button" id="argmap-zoom-fit" title="Fit to window (0)" aria-label="Fit to window">\
Fit</button>
<button type="button" id="argmap-zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
</div>
</header>
<main class="{main_class}">
{_outline_pane(map, view, drawn, lang_attr)}
<div id="argmap-canvas" class="argmap-canvas"{lang_attr}>
{_inline_svg(svg)}
</div>
<aside id="argmap-panel" class="argmap-panel" hidden aria-labelledby="argmap-panel-title">
<button type="button" id="argmap-panel-close" class="argmap-close" title="Close (Escape)" \
aria-label="Close">&#215;</button>
<div id="argmap-panel-body"></div>
</aside>
{source_pane}</main>
<footer class="argmap-help">Click a statement or argument, or Tab to it and press Enter. \
Drag to pan, wheel or <kbd>+</kbd> <kbd>-</kbd> to zoom, <kbd>0</kbd> to fit, \
<kbd>Esc</kbd> to clear.</footer>
<script type="application/json" id="argmap-data">{_json(data)}</script>
<script>{script}</script>
</body>
</html>
"""


def _outline_pane(map: ArgumentMap, view: MapView, drawn: set[str], lang_attr: str) -> str:
    """The outline of what the page holds, as nested lists of buttons that select their node."""
    labels = {node.id: node.label for node in view.nodes}
    words = outline_words(view.lang or map.lang)
    # An issue asked by a statement drawn is that statement's node.
    asked = {
        f"issue-{issue.id}": f"statement-{issue.statement}"
        for issue in map.issues.values()
        if issue.statement is not None and f"issue-{issue.id}" not in drawn
    }
    lists = "".join(
        _outline_list(item, drawn, labels, words, asked)
        for item in outline(map, lang=view.lang)
        if _element_id(item, asked) in drawn
    )
    return (
        '<nav id="argmap-outline" class="argmap-outline" aria-label="Outline" hidden>\n'
        f'<h2 class="argmap-outline-title">Outline</h2>\n<ul{lang_attr}>{lists}</ul>\n</nav>'
    )


def _outline_list(
    item: OutlineItem,
    drawn: set[str],
    labels: Mapping[str, Label | None],
    words: OutlineWords,
    asked: Mapping[str, str],
) -> str:
    node = _element_id(item, asked)
    label = labels.get(node) if not item.repeated and item.kind != "issue" else None
    line = describe(item if label is None else attrs.evolve(item, label=label), words)
    children = "".join(
        _outline_list(child, drawn, labels, words, asked)
        for child in item.children
        if _element_id(child, asked) in drawn
    )
    nested = f"<ul>{children}</ul>" if children else ""
    return (
        f'<li><button type="button" class="argmap-outline-item" data-node="{html.escape(node)}">'
        f"{html.escape(line)}</button>{nested}</li>"
    )


def _element_id(item: OutlineItem, asked: Mapping[str, str]) -> str:
    element = f"{item.kind}-{item.id}"
    return asked.get(element, element)


def _source_pane(map: ArgumentMap, sources: Mapping[str, str], drawn: set[str]) -> str:
    """The sources' texts, one tab each, every passage the page's items quote marked."""
    tabs = []
    panels = []
    for index, (sid, text) in enumerate(sources.items()):
        source = map.sources[sid]
        slug = f"{index + 1}"
        selected = "true" if index == 0 else "false"
        tabs.append(
            f'<button type="button" role="tab" id="argmap-tab-{slug}" '
            f'aria-controls="argmap-source-{slug}" aria-selected="{selected}" '
            f'tabindex="{0 if index == 0 else -1}" data-source="{html.escape(sid)}">'
            f"{html.escape(source.title)}</button>"
        )
        lang = f' lang="{html.escape(source.lang)}"' if source.lang else ""
        hidden = "" if index == 0 else " hidden"
        panels.append(
            f'<div role="tabpanel" id="argmap-source-{slug}" class="argmap-source-text" '
            f'aria-labelledby="argmap-tab-{slug}" tabindex="0"{lang}{hidden}>'
            f"{_marked_text(map, sid, text, drawn)}</div>"
        )
    return (
        '<section id="argmap-sources" class="argmap-sources" aria-label="Source text">\n'
        f'<div role="tablist" class="argmap-tabs" aria-label="Sources">{"".join(tabs)}</div>\n'
        + "\n".join(panels)
        + "\n</section>\n"
    )


def _marked_text(map: ArgumentMap, source_id: str, text: str, drawn: set[str]) -> str:
    """``text`` escaped, each passage quoted from it a ``<mark>`` naming who quotes it.

    Passages that overlap split into pieces, each naming everyone quoting it.
    """
    spans: list[tuple[int, int, str]] = []
    for kind, entities in (("statement", map.statements), ("argument", map.arguments)):
        for eid, entity in entities.items():
            node = f"{kind}-{eid}"
            if node not in drawn:
                continue
            for quote in entity.quotes:
                if quote.source == source_id:
                    found = locate(text, quote.text)
                    if found is not None:
                        spans.append((*found, node))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for start, end in itertools.pairwise(cuts):
        refs = list(dict.fromkeys(n for s, e, n in spans if s <= start and end <= e))
        chunk = html.escape(text[start:end], quote=False)
        if refs:
            pieces.append(
                f'<mark class="argmap-passage" tabindex="0" role="button" '
                f'data-refs="{html.escape(" ".join(refs))}">{chunk}</mark>'
            )
        else:
            pieces.append(chunk)
    return "".join(pieces)


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _inline_svg(svg: str) -> str:
    """``svg`` as an element of an HTML page: no XML declaration, doctype or comments."""
    start = svg.find("<svg")
    if start < 0:
        raise ValueError("'svg' must be an SVG document (got no <svg> element)")
    return _COMMENT.sub("", svg[start:]).strip()


def _json(data: Any) -> str:
    """``data`` as JSON that cannot end its ``<script>`` element or open a comment.

    ``<``, ``>`` and ``&`` appear in JSON only inside strings, where the
    escapes ``\\u003c`` and friends mean the same characters.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def page_data(map: ArgumentMap, view: MapView) -> dict[str, Any]:
    """What the viewer knows of the map: the statements and arguments ``view`` draws.

    The premises of the arguments drawn come too when they are not drawn
    (``premises=False``), so an argument's panel can show them.

    Texts, titles and hedges come in every language of the map, as lists of
    ``[lang, text]`` pairs with the map's own language first; ``by`` and
    ``via`` name agent ids, ``quotes`` source ids, described under
    ``agents`` and ``sources``. ``implicit`` is ``true`` for what the map
    adds to the text, ``mode`` is ``question`` or ``hypothetical`` for a
    statement the text does not assert. ``issues`` holds the issues drawn:
    the question as ``text``, the proof standard that applies, the
    positions, and the ``statement`` whose node is the issue's when one
    asking it is drawn; a position names its issue (``issue``), the
    statement drawn as an issue's node the issue it asks (``asks``); the
    positions of the issues drawn come too when they are not drawn. Fields
    without a value are left out.
    """
    nodes = {(node.kind, node.ref): node for node in view.nodes}
    drawn_issues = {node.issue: node for node in view.nodes if node.issue is not None}
    issues = {
        iid: _issue(map, dispute, drawn_issues[iid])
        for iid, dispute in map.issues.items()
        if iid in drawn_issues
    }
    arguments = {
        aid: _argument(map, argument, nodes[("argument", aid)])
        for aid, argument in map.arguments.items()
        if ("argument", aid) in nodes
    }
    # The premises of the arguments drawn, drawn or not (--no-premises), so
    # the panel of an argument shows what it rests on.
    premises = {p for argument in arguments.values() for p in argument.get("premises", ())}
    premises.update(p for issue in issues.values() for p in issue["positions"])
    statements = {
        sid: _statement(map, statement, nodes.get(("statement", sid)))
        for sid, statement in map.statements.items()
        if ("statement", sid) in nodes or sid in premises
    }
    for sid, entry in statements.items():
        dispute = map.issue_of(sid)
        if dispute is not None and dispute.id in issues:
            entry["issue"] = dispute.id
        node = nodes.get(("statement", sid))
        if node is not None and node.issue is not None:
            entry["asks"] = node.issue
    if view.evaluation is not None:
        _add_explanations(map, view.evaluation, statements, arguments)
    shown = [*statements.values(), *arguments.values()]
    agent_ids = {a for item in shown for a in (*item.get("by", ()), item.get("via")) if a}
    source_ids = {quote["source"] for item in shown for quote in item.get("quotes", ())}
    agents = {
        aid: _pruned(
            {
                "name": _texts(map, agent.name, agent.translations, "title"),
                "url": _link(agent.url),
            }
        )
        for aid, agent in map.agents.items()
        if aid in agent_ids
    }
    sources = {
        sid: _pruned(
            {
                "title": source.title,
                "author": source.author,
                "publisher": source.publisher,
                "date": source.date,
                "url": _link(source.url),
                "lang": source.lang,
            }
        )
        for sid, source in map.sources.items()
        if sid in source_ids
    }
    return _pruned(
        {
            "lang": view.lang or map.lang,
            "langs": list(map.langs),
            "statements": statements,
            "arguments": arguments,
            "issues": issues,
            "agents": agents,
            "sources": sources,
            "evaluated": view.evaluated,
        }
    )


#: How many sets of premises the page tries in all, shared out evenly among
#: the labels it explains (each tries at least :data:`LEAST_CHECKS`).
PAGE_CHECKS = 20_000
LEAST_CHECKS = 20
#: The same for the steps of the searches for labellings (complete,
#: preferred, stable semantics).
PAGE_STEPS = 200_000
LEAST_STEPS = 1_000


def _add_explanations(
    map: ArgumentMap,
    evaluation: Evaluation,
    statements: dict[str, dict[str, Any]],
    arguments: dict[str, dict[str, Any]],
) -> None:
    """Give each labelled entry ``why``: the first level of its reasons and what would change it.

    ``why`` is ``{"basis"?, "issue"?, "standard"?, "weight"?, "reasons":
    [{"id", "kind", "label", "role", "basis"?, "weight"?}, ...], "change":
    {"by", "sets", "size", "exhaustive"}}``, as :meth:`argmap.Explanation.as_dict`
    gives them, one level deep: the page stays small, and each reason's own
    reasons are in its own entry, a click away. The search for sets of
    premises tries :data:`PAGE_CHECKS` sets and :data:`PAGE_STEPS` steps in
    all, shared out among the entries, and at least :data:`LEAST_CHECKS` and
    :data:`LEAST_STEPS` for each.
    """
    from ._explain import explain_all

    entries = {
        key: entry
        for key, entry in [*statements.items(), *arguments.items()]
        if "label" in entry and key in evaluation.labels
    }
    count = max(len(entries), 1)
    explained = explain_all(
        map,
        evaluation,
        entries,
        max_checks=max(LEAST_CHECKS, PAGE_CHECKS // count),
        max_steps=max(LEAST_STEPS, PAGE_STEPS // count),
    )
    for key, why in explained.items():
        data = why.as_dict(depth=1)
        top = data["reasons"]
        change = data["change"]
        entries[key]["why"] = {
            **{k: top[k] for k in ("basis", "issue", "standard", "weight") if k in top},
            "reasons": [
                {k: v for k, v in reason.items() if k not in ("more", "repeated")}
                for reason in top["reasons"]
            ],
            "change": {k: change[k] for k in ("by", "sets", "size", "exhaustive")},
        }


def _statement(map: ArgumentMap, statement: Statement, node: ViewNode | None) -> dict[str, Any]:
    """A statement's entry; ``node`` is ``None`` for a premise not drawn."""
    return _pruned(
        {
            "title": _texts(map, statement.title, statement.translations, "title"),
            "text": _texts(map, statement.text, statement.translations, "text"),
            "hedge": _texts(map, statement.hedge, statement.translations, "hedge"),
            "implicit": statement.implicit,
            "mode": None if statement.mode == "asserted" else statement.mode,
            "by": list(statement.by),
            "via": statement.via,
            "quotes": _quotes(statement.quotes),
            "tags": list(statement.tags),
            "status": statement.status,
            "note": statement.note,
            "thesis": node is not None and node.thesis,
            "label": node.label if node is not None else None,
        }
    )


def _argument(map: ArgumentMap, argument: Argument, node: ViewNode) -> dict[str, Any]:
    attack = map.attack_type(argument) if argument.kind == "attack" else None
    return _pruned(
        {
            "title": _texts(map, argument.title, argument.translations, "title"),
            "kind": argument.kind,
            "attack": attack.value if attack is not None else None,
            "premises": list(dict.fromkeys(argument.premises)),
            "target": argument.target,
            "implicit": argument.implicit,
            "by": list(argument.by),
            "via": argument.via,
            "quotes": _quotes(argument.quotes),
            "tags": list(argument.tags),
            "scheme": argument.scheme,
            "note": argument.note,
            "label": node.label,
        }
    )


def _issue(map: ArgumentMap, dispute: Dispute, node: ViewNode) -> dict[str, Any]:
    """An issue's entry; ``node`` is the issue's node (its own, or the statement asking it)."""
    question = _texts(map, dispute.question, dispute.translations, "text")
    if not question and dispute.statement is not None and dispute.statement in map.statements:
        asker = map.statements[dispute.statement]
        question = _texts(map, asker.text, asker.translations, "text")
    return _pruned(
        {
            "text": question or [[map.lang, dispute.id]],
            "standard": dispute.proof_standard,
            "positions": list(dict.fromkeys(dispute.positions)),
            "statement": node.ref if node.kind == "statement" else None,
        }
    )


def _texts(
    map: ArgumentMap,
    own: str | None,
    translations: tuple[Translation, ...],
    field: Literal["text", "title", "hedge"],
) -> list[list[str | None]]:
    """``[[lang, text], ...]``: the text as authored first, then its translations."""
    texts: list[list[str | None]] = []
    if own is not None:
        texts.append([map.lang, own])
    for translation in translations:
        value: str | None = getattr(translation, field)
        if value is not None:
            texts.append([translation.lang, value])
    return texts


def _quotes(quotes: tuple[Citation, ...]) -> list[dict[str, str]]:
    return [{"source": quote.source, "text": quote.text} for quote in quotes]


def _link(url: str | None) -> str | None:
    return url if url is not None and _LINK.match(url.strip()) else None


def _pruned(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` without the empty ones (``None``, ``False``, empty lists and mappings)."""
    return {key: value for key, value in fields.items() if value}
