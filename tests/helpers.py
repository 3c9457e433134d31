"""Code the test modules share: the CLI run in-process, map texts, round trips, DOT read back."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest

import argmap
from argmap import ArgumentMap
from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"

#: A small map without issues.
VALID = """\
argmap: 1
title: Small
statements:
  a: A.
  b: B.
arguments:
  x: {premises: [a], supports: b}
"""
#: A small map with one error: a premise that is not defined (``s9`` for ``s8``).
INVALID = """\
argmap: 1
title: Broken
statements:
  s8: Eight.
arguments:
  a2: {premises: [s9], supports: s8}
"""


class Terminal(io.StringIO):
    """An output stream as a terminal looks to the code that writes to it."""

    def isatty(self) -> bool:
        return True


def work_in(folder: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> Path:
    """``folder`` with ``files`` (name: text) written in it, made the working directory."""
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def run(*argv: str, stderr: io.StringIO | None = None) -> tuple[int, str, str]:
    """``argmap *argv`` run in this process: exit status, standard output, standard error."""
    out, err = io.StringIO(), stderr or io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def refused(*argv: str) -> str:
    """Standard error of ``argmap *argv`` run in this process, which must exit 1 (a bad map)."""
    status, _, err = run(*argv)
    assert status == 1, err
    return err


def round_trip(m: ArgumentMap, format: Literal["json", "argdown", "aif"]) -> ArgumentMap:
    """``m`` written in ``format`` and read back: an equal map, written again as the same text."""
    text = argmap.dumps(m, format)
    back = argmap.loads(text, format=format)
    assert back == m
    assert argmap.dumps(back, format) == text
    return back


# -- reading DOT back: just enough to check the structure we write -------------


@attrs.define
class Dot:
    graph: dict[str, str] = attrs.field(factory=dict)
    node_defaults: dict[str, str] = attrs.field(factory=dict)
    edge_defaults: dict[str, str] = attrs.field(factory=dict)
    nodes: dict[str, dict[str, str]] = attrs.field(factory=dict)
    edges: dict[tuple[str, str], dict[str, str]] = attrs.field(factory=dict)
    subgraphs: list[str] = attrs.field(factory=list)

    def node(self, name: str) -> dict[str, str]:
        """The node's attributes with the defaults applied."""
        return {**self.node_defaults, **self.nodes[name]}

    def edge(self, tail: str, head: str) -> dict[str, str]:
        """The edge's attributes with the defaults applied."""
        return {**self.edge_defaults, **self.edges[tail, head]}


EDGE_LINE = re.compile(r'^\t+"([^"]+)" -> "([^"]+)" \[(.*)\]$')
NODE_LINE = re.compile(r'^\t+"([^"]+)" \[(.*)\]$')
DEFAULTS_LINE = re.compile(r"^\t(graph|node|edge) \[(.*)\]$")


def parse_attrs(text: str) -> dict[str, str]:
    """``key=value`` pairs; quoted values keep their DOT escapes, HTML values their brackets."""
    result: dict[str, str] = {}
    i = 0
    while i < len(text):
        if text[i] == " ":
            i += 1
            continue
        eq = text.index("=", i)
        key, i = text[i:eq], eq + 1
        if text[i] == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            value, i = text[i + 1 : j], j + 1
        elif text[i] == "<":
            depth, j = 0, i
            while True:
                depth += {"<": 1, ">": -1}.get(text[j], 0)
                j += 1
                if depth == 0:
                    break
            value, i = text[i:j], j
        else:
            j = text.find(" ", i)
            j = len(text) if j < 0 else j
            value, i = text[i:j], j
        result[key] = value
    return result


def parse_dot(source: str) -> Dot:
    dot = Dot()
    for line in source.splitlines():
        if m := EDGE_LINE.match(line):
            dot.edges[m[1], m[2]] = parse_attrs(m[3])
        elif m := NODE_LINE.match(line):
            dot.nodes[m[1]] = parse_attrs(m[2])
        elif m := DEFAULTS_LINE.match(line):
            target = {"graph": dot.graph, "node": dot.node_defaults, "edge": dot.edge_defaults}
            target[m[1]].update(parse_attrs(m[2]))
        elif line.startswith("\tlabel="):
            dot.graph.update(parse_attrs(line.strip()))
        elif line.startswith("\tsubgraph "):
            dot.subgraphs.append(line.split()[1])
    return dot


@attrs.define
class Viewer:
    """A page of the viewer open in Chromium, with what it logged and requested."""

    page: Any
    url: str
    problems: list[str]
    requests: list[str]

    def classed(self, cls: str, kind: str = "node") -> set[str]:
        """Ids of the nodes (or titles of the edges) that carry ``cls``."""
        if kind == "node":
            script = f"[...document.querySelectorAll('g.node.{cls}')].map(g => g.id)"
        else:
            script = (
                f"[...document.querySelectorAll('g.edge.{cls}')]"
                ".map(g => g.querySelector('title').textContent)"
            )
        return set(self.page.evaluate(script))

    def transform(self) -> str:
        value: str = self.page.get_attribute("#argmap-viewport", "transform")
        return value

    def scale(self) -> float:
        found = re.search(r"scale\(([\d.]+)\)", self.transform())
        assert found is not None
        return float(found[1])

    def panel_texts(self, selector: str) -> list[str]:
        texts: list[str] = self.page.locator(f"#argmap-panel {selector}").all_inner_texts()
        return texts


def open_viewer(browser: Any, path: Path) -> Iterator[Viewer]:
    # Reduced motion: the highlights appear at once, without a transition.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    tab = context.new_page()
    url = path.as_uri()
    viewer = Viewer(tab, url, [], [])
    tab.on("console", lambda m: viewer.problems.append(f"{m.type}: {m.text}"))
    tab.on("pageerror", lambda e: viewer.problems.append(f"page error: {e}"))
    tab.on("request", lambda r: viewer.requests.append(r.url))
    tab.goto(url)
    tab.wait_for_selector("html.argmap-ready")
    yield viewer
    # Whatever a test did, the page logged nothing and asked for nothing but itself.
    assert viewer.problems == []
    assert viewer.requests == [url]
    context.close()
