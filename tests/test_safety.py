"""Output safety: no text of a map becomes DOT, SVG or script; links only to safe places."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap import Agent, Argument, ArgumentMap, Citation, Source, Statement

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

INJECTIONS = [
    'He said "stop"',
    '"]; node [shape=none label="pwned"]; x [label="',
    "</text><script>alert(1)</script><text>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(document.cookie)",
    "a & b &amp; c &#60; d",
    "back\\slash \\N \\G \\n \\l \\r",
    "}} digraph { evil",
    "<![CDATA[ ]]> <!-- comment -->",
    "right\u202eto-left \u202dlr\u202c override",
    "tab\there",
    "'single' <b>bold</b>",
]


def hostile_map() -> ArgumentMap:
    statements = [
        Statement(
            f"s{i}",
            text,
            title=text[:20],
            by="agent",
            quotes=[Citation("src", text)],
        )
        for i, text in enumerate(INJECTIONS)
    ]
    arguments = [
        Argument(f"a{i}", [f"s{i}"], "support", f"s{i + 1}", title=INJECTIONS[-1 - i])
        for i in range(len(INJECTIONS) - 1)
    ]
    return ArgumentMap(
        '</title><script>alert("title")</script>',
        statements,
        arguments,
        agents=[Agent("agent", "<script>speaker</script>")],
        sources=[Source("src", '"><svg onload=alert(1)>', url="https://example.org/a?b=1&c=2")],
    )


def svg_tree() -> ET.Element:
    return ET.fromstring(argmap.to_svg(hostile_map()))


def all_text(root: ET.Element) -> str:
    return " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))


@pytest.mark.needs_dot
def test_text_cannot_add_nodes_edges_or_attributes_to_the_graph() -> None:
    root = svg_tree()
    nodes = {g.get("id") for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "")}
    m = hostile_map()
    assert nodes == {f"statement-{s}" for s in m.statements} | {
        f"argument-{a}" for a in m.arguments
    }
    edges = [g for g in root.iter(f"{SVG}g") if "edge" in (g.get("class") or "").split()]
    assert len(edges) == 2 * len(m.arguments)


@pytest.mark.needs_dot
def test_svg_is_well_formed_xml_without_script_or_event_handlers() -> None:
    root = svg_tree()
    tags = {element.tag for element in root.iter()}
    assert f"{SVG}script" not in tags
    assert not {t for t in tags if not t.startswith(SVG)}, "only SVG elements"
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if not name.endswith("title"):  # a tooltip may say "javascript:" as text
                assert "javascript:" not in value.lower(), (name, value)


@pytest.mark.needs_dot
def test_hostile_text_is_shown_verbatim_as_text() -> None:
    text = " ".join(all_text(svg_tree()).split())
    for injection in INJECTIONS:
        for word in injection.replace("\t", " ").split():
            visible = "".join(c for c in word if c not in "\u202e\u202d\u202c")
            assert visible in text.replace("\u202e", "").replace("\u202d", "").replace(
                "\u202c", ""
            ), word


@pytest.mark.needs_dot
def test_tooltips_carry_quotes_as_plain_text() -> None:
    root = svg_tree()
    titles = [
        element.get(f"{XLINK}title") or ""
        for element in root.iter()
        if element.get(f"{XLINK}title")
    ]
    assert any("</text><script>alert(1)</script><text>" in t for t in titles)


def test_ids_cannot_carry_markup() -> None:
    with pytest.raises(ValueError, match="'id' must be an id"):
        Statement("<b>", "text")
    with pytest.raises(argmap.MapError) as caught:
        argmap.loads('argmap: 1\ntitle: t\nstatements:\n  "a<b": x\n')
    assert caught.value.issues[0].code == "invalid-id"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a", True),
        ("http://example.org", True),
        ("mailto:ana@example.org", True),
        ("sources/article.html", True),
        ("../article.html#p3", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("file:///etc/passwd", False),
    ],
)
def test_urls_are_limited_to_http_https_mailto_and_relative(url: str, ok: bool) -> None:
    m = ArgumentMap(
        "t",
        [Statement("a", "A"), Statement("b", "B")],
        [Argument("x", ["a"], "support", "b")],
        sources=[Source("s", "S", url=url)],
        agents=[Agent("p", "P", url=url)],
    )
    codes = [(i.code, i.path) for i in argmap.check(m) if i.code == "unsafe-url"]
    expected = (
        []
        if ok
        else [("unsafe-url", ("sources", "s", "url")), ("unsafe-url", ("agents", "p", "url"))]
    )
    assert sorted(codes) == sorted(expected)


@pytest.mark.needs_dot
@pytest.mark.parametrize("path", sorted((ROOT / "maps").glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_maps_render_the_same_bytes_whatever_the_hash_seed(path: Path) -> None:
    code = (
        "import sys, argmap\n"
        f"m = argmap.load({str(path)!r})\n"
        "sys.stdout.write(argmap.to_dot(m) + '\\n<<>>\\n' + argmap.to_svg(m))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1
    m = argmap.load(path)
    assert outputs == {(argmap.to_dot(m) + "\n<<>>\n" + argmap.to_svg(m)).encode()}
