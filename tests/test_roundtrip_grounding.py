"""What the text says and what the map adds survives every format argmap writes and reads.

``implicit``, ``mode``, ``hedge`` and ``via`` on statements, ``implicit``, ``via``
and ``quotes`` on arguments: YAML -> JSON -> YAML, argmap -> Argdown -> argmap
and argmap -> AIF -> argmap give the same map and the same text again.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import Agent, Argument, ArgumentMap, Citation, Source, Statement, Translation
from argmap.model import MODES

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "maps").glob("*.yaml"))
Format = Literal["json", "argdown", "aif"]
FORMATS: tuple[Format, ...] = ("json", "argdown", "aif")

#: Every new key at least once: stated and implicit parts, a question, a
#: hypothesis, hedges in two languages, relays, arguments with quotes.
GROUNDED = """\
argmap: 1
title: {en: "Relayed, hedged and unstated", de: "Weitergegeben, eingeschränkt, unausgesprochen"}
lang: [en, de]
sources:
  article: {title: An article, url: "https://example.org/article"}
agents:
  washington: {name: Washington}
  paper: {name: {en: The paper, de: Die Zeitung}}
statements:
  stated:
    text: {en: Sanctions relief was a main motive., de: Sanktionen waren ein Hauptmotiv.}
    hedge: {en: presumably, de: vermutlich}
    by: washington
    via: paper
    quote: {source: article, text: Sanctions relief was presumably a main motive.}
  unstated:
    text: {en: Motives can change., de: Motive können sich ändern.}
    implicit: true
  asked:
    text: {en: Will Russia keep its promises?, de: Hält Russland seine Versprechen?}
    mode: question
    by: paper
    quote: {source: article, text: Will Russia keep its promises?}
  supposed:
    text: {en: Russia keeps its promises., de: Russland hält seine Versprechen.}
    mode: hypothetical
    hedge: {en: if at all, de: wenn überhaupt}
    quote: {source: article, text: If Russia keeps its promises at all}
  conclusion:
    text: {en: Kim has less incentive., de: Kim hat weniger Anreiz.}
    quote: {source: article, text: Kim has less incentive.}
arguments:
  relayed:
    premises: [stated, unstated]
    supports: conclusion
    by: washington
    via: paper
    quotes:
      - {source: article, text: So Kim has less incentive.}
      - {source: article, text: That is why.}
  unstated-attack:
    premises: [supposed]
    attacks: conclusion
    implicit: true
  doubt:
    premises: [asked]
    undercuts: unstated-attack
    quote: {source: article, text: But will it?}
"""


def grounded() -> ArgumentMap:
    return argmap.loads(GROUNDED, file="grounded.yaml")


def through(m: ArgumentMap, format: Format) -> tuple[ArgumentMap, str]:
    """The map written in ``format`` and read back, and the text it was written as."""
    text = argmap.dumps(m, format)
    return argmap.loads(text, format=format, check=False), text


# -- the map with every key -----------------------------------------------------------


def test_the_grounded_map_uses_every_new_key_and_checks_clean() -> None:
    m = grounded()
    s, a = m.statements, m.arguments
    assert s["unstated"].implicit and a["unstated-attack"].implicit
    assert {st.mode for st in s.values()} == set(MODES)
    assert m.localized(s["stated"], "hedge", "de") == ("vermutlich", False)
    assert (s["stated"].via, a["relayed"].via) == ("paper", "paper")
    assert len(a["relayed"].quotes) == 2
    errors = [i for i in argmap.check(m) if i.severity is argmap.Severity.ERROR]
    assert errors == []


@pytest.mark.parametrize("format", FORMATS)
def test_the_grounded_map_reads_back_equal_and_writes_the_same_text(format: Format) -> None:
    m = grounded()
    back, text = through(m, format)
    assert back == m
    assert argmap.dumps(back, format) == text
    assert argmap.dumps(back) == argmap.dumps(m)  # and as YAML, the same text


def test_yaml_json_yaml_gives_the_yaml_text_again() -> None:
    yaml_text = argmap.dumps(grounded())
    data = json.loads(argmap.dumps(grounded(), "json"))
    assert data["statements"]["unstated"]["implicit"] is True
    assert data["statements"]["stated"]["hedge"] == {"en": "presumably", "de": "vermutlich"}
    again = argmap.loads(json.dumps(data), format="json")
    assert argmap.dumps(again) == yaml_text


# -- Argdown --------------------------------------------------------------------------


def reserved_of(text: str, title: str) -> dict[str, Any]:
    """The reserved ``argmap`` data of the line that defines ``[title]`` or ``<title>``."""
    import yaml

    for line in text.splitlines():
        if line.startswith((f"[{title}]: ", f"<{title}>")):
            data = yaml.safe_load(line[line.index(" {") :])
            assert isinstance(data, dict)
            reserved: dict[str, Any] = data["argmap"]
            return reserved
    raise AssertionError(f"no line defines {title!r}")


def test_argdown_keeps_the_new_keys_in_the_reserved_data() -> None:
    text = argmap.dumps(grounded(), "argdown")
    stated = reserved_of(text, "stated")
    assert stated["hedge"] == "presumably"
    assert stated["via"] == "paper"
    assert stated["translations"]["de"]["hedge"] == "vermutlich"
    assert reserved_of(text, "unstated")["implicit"] is True
    assert reserved_of(text, "asked")["mode"] == "question"
    assert reserved_of(text, "supposed")["mode"] == "hypothetical"
    relayed = reserved_of(text, "relayed")
    assert relayed["via"] == "paper"
    assert [q["text"] for q in relayed["quotes"]] == ["So Kim has less incentive.", "That is why."]
    assert reserved_of(text, "unstated-attack")["implicit"] is True
    # Defaults are left out: a stated, asserted, unhedged part says nothing.
    assert not {"implicit", "mode", "hedge", "via"} & set(reserved_of(text, "conclusion"))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("implicit", "yes", "'implicit' must be true or false (got 'yes')"),
        ("mode", "asked", "'mode' must be one of asserted, question, hypothetical (got 'asked')"),
        ("via", "two words", "'via' holds 'two words', which is not a valid id"),
    ],
)
def test_a_bad_new_key_in_argdown_is_reported_where_it_stands(
    field: str, value: str, message: str
) -> None:
    text = f"[s1]: A. {{argmap: {{{field}: {value}}}}}\n"
    with pytest.raises(argmap.MapError) as caught:
        argmap.loads(text, file="t.argdown", format="argdown")
    [issue] = caught.value.issues
    assert (issue.code, issue.message, issue.file, issue.line) == (
        "argdown-reserved",
        f"statement [s1]: {message}",
        "t.argdown",
        1,
    )


def test_argdown_reads_the_grounded_export_without_errors(argdown_cli: str, tmp_path: Path) -> None:
    (tmp_path / "grounded.argdown").write_text(argmap.dumps(grounded(), "argdown"), "utf-8")
    result = subprocess.run(
        [argdown_cli, "json", str(tmp_path / "grounded.argdown"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = result.stdout + result.stderr
    assert "error" not in report.lower(), report
    data = json.loads((tmp_path / "out" / "grounded.json").read_text("utf-8"))
    assert set(data["statements"]) >= {"stated", "unstated", "asked", "supposed", "conclusion"}
    assert set(data["arguments"]) == {"relayed", "unstated-attack", "doubt"}
    stated = data["statements"]["stated"]["members"][0]["data"]["argmap"]
    assert (stated["hedge"], stated["via"]) == ("presumably", "paper")


# -- AIF ------------------------------------------------------------------------------


def aif_nodes(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(n["nodeID"]): n for n in document["nodes"]}


def test_aif_keeps_the_new_keys_under_the_reserved_key() -> None:
    document = json.loads(argmap.dumps(grounded(), "aif"))
    nodes = aif_nodes(document)
    assert nodes["unstated"]["argmap"] == {
        "text": {"de": "Motive können sich ändern."},
        "implicit": True,
    }
    assert nodes["asked"]["argmap"]["mode"] == "question"
    assert nodes["supposed"]["argmap"]["mode"] == "hypothetical"
    assert nodes["stated"]["argmap"]["hedge"] == {"en": "presumably", "de": "vermutlich"}
    assert nodes["stated"]["argmap"]["via"] == "paper"
    assert nodes["relayed"]["argmap"]["via"] == "paper"
    assert nodes["unstated-attack"]["argmap"] == {"implicit": True}


def test_an_arguments_quote_is_a_locution_a_transition_leads_to() -> None:
    """AIF+ anchors an argument in the dialogue: TA -> L (the passage), TA -> YA -> RA/CA."""
    document = json.loads(argmap.dumps(grounded(), "aif"))
    nodes = aif_nodes(document)
    edges = {(str(e["fromID"]), str(e["toID"])) for e in document["edges"]}

    def anchors(node_id: str) -> list[tuple[str, str]]:
        """(illocution, quoted text) of each TA-node that anchors ``node_id``."""
        found = []
        for ta, ya in sorted(edges):
            if nodes[ta]["type"] != "TA" or (ya, node_id) not in edges:
                continue
            [l_node] = [n for a, n in sorted(edges) if a == ta and nodes[n]["type"] == "L"]
            found.append((nodes[ya]["scheme"], nodes[l_node]["text"]))
        return found

    assert anchors("relayed") == [
        ("Arguing", "So Kim has less incentive."),
        ("Arguing", "That is why."),
    ]
    assert anchors("doubt") == [("Disagreeing", "But will it?")]
    assert anchors("unstated-attack") == []  # implicit: nothing in the text to anchor it
    located = {str(item["nodeID"]) for item in document["locutions"]}
    assert {k for k, n in nodes.items() if n["type"] == "L"} <= located


def test_a_statements_quote_is_a_locution_in_the_illocution_of_its_mode() -> None:
    document = json.loads(argmap.dumps(grounded(), "aif"))
    nodes = aif_nodes(document)
    edges = [(str(e["fromID"]), str(e["toID"])) for e in document["edges"]]
    said = {
        (nodes[l_node]["text"], nodes[ya]["scheme"], target)
        for l_node, ya in edges
        if nodes[l_node]["type"] == "L" and nodes[ya]["type"] == "YA"
        for source, target in edges
        if source == ya
    }
    assert said == {
        ("Sanctions relief was presumably a main motive.", "Asserting", "stated"),
        ("Washington : Sanctions relief was a main motive.", "Asserting", "stated"),
        ("Will Russia keep its promises?", "Pure Questioning", "asked"),
        ("The paper : Will Russia keep its promises?", "Pure Questioning", "asked"),
        ("If Russia keeps its promises at all", "Default Illocuting", "supposed"),
        ("Kim has less incentive.", "Asserting", "conclusion"),
    }
    # Questioning commits nobody, so who asks is said under the reserved key.
    assert nodes["asked"]["argmap"]["by"] == "paper"
    assert "by" not in nodes["stated"]["argmap"]  # the Asserting locution says it


def test_a_quote_that_reads_like_a_speaker_adds_no_speaker() -> None:
    m = argmap.loads(
        "argmap: 1\ntitle: T\nsources: {src: {title: S}}\n"
        "statements:\n"
        "  s1: {text: A., quote: {source: src, text: 'Bob: that is so.'}}\n"
        "  s2: {text: B.}\n"
        "arguments:\n"
        "  a1: {premises: [s2], supports: s1, quote: {source: src, text: 'Ann says so'}}\n",
        format="yaml",
    )
    back, text = through(m, "aif")
    assert back == m
    assert back.agents == {}
    nodes = aif_nodes(json.loads(text))
    assert nodes["s1"]["argmap"]["by"] == []
    assert nodes["a1"]["argmap"]["by"] == []


def test_the_quote_locutions_are_dropped_on_reading_and_made_again() -> None:
    m = grounded()
    back, text = through(m, "aif")
    assert "aif" not in back.data  # nothing of the generated dialogue is kept as data
    assert argmap.dumps(back, "aif") == text


# -- every shipped map ---------------------------------------------------------------


def test_the_shipped_maps_use_the_new_keys() -> None:
    maps = [argmap.load(path) for path in SHIPPED]
    statements = [s for m in maps for s in m.statements.values()]
    arguments = [a for m in maps for a in m.arguments.values()]
    assert any(s.implicit for s in statements)
    assert any(a.implicit for a in arguments)
    assert {s.mode for s in statements} == set(MODES)
    assert any(s.hedge for s in statements)


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_map_survives_each_format(path: Path, format: Format) -> None:
    m = argmap.load(path)
    back, text = through(m, format)
    assert back == m
    assert argmap.dumps(back, format) == text
    assert argmap.dumps(back) == argmap.dumps(m)


# -- any map with the new keys --------------------------------------------------------

texts = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20).filter(str.strip)


@st.composite
def grounded_maps(draw: st.DrawFn) -> ArgumentMap:
    """Small valid maps whose statements and arguments draw every grounding field."""
    langs = draw(st.booleans())
    agents = ["ann", "bo"]

    def stated() -> dict[str, Any]:
        """Speaker, relay and quotes of a stated part, or an implicit part with none."""
        if draw(st.booleans()):
            return {"implicit": True}
        by = draw(st.lists(st.sampled_from(agents), max_size=2, unique=True))
        via = draw(st.none() | st.sampled_from(agents)) if by else None
        quotes = draw(st.lists(texts.map(lambda t: Citation("src", t)), max_size=2))
        return {"by": by, "via": via, "quotes": quotes}

    statements = []
    for index in range(draw(st.integers(2, 5))):
        hedge = draw(st.none() | texts)
        translated = draw(st.none() | texts) if hedge is not None and langs else None
        statements.append(
            Statement(
                f"s{index}",
                draw(texts),
                mode=draw(st.sampled_from(MODES)),
                hedge=hedge,
                translations=[Translation("de", hedge=translated)] if translated else [],
                **stated(),
            )
        )
    arguments: list[Argument] = []
    for index in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["support", "attack", "undercut"] if arguments else ["attack"]))
        target = (
            draw(st.sampled_from([a.id for a in arguments]))
            if kind == "undercut"
            else statements[0].id
        )
        premise = draw(st.sampled_from([s.id for s in statements[1:]]))
        arguments.append(Argument(f"a{index}", [premise], kind, target, **stated()))  # type: ignore[arg-type]
    return ArgumentMap(
        "T",
        statements,
        arguments,
        agents=[Agent(a, a.title()) for a in agents],
        sources=[Source("src", "S")],
        lang="en" if langs else None,
        other_langs=["de"] if langs else [],
    )


@settings(
    max_examples=int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(m=grounded_maps())
def test_any_grounded_map_survives_each_format(m: ArgumentMap) -> None:
    for format in FORMATS:
        back, text = through(m, format)
        assert back == m, format
        assert argmap.dumps(back, format) == text, format
