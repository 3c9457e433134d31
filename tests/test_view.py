"""argmap.view: what a diagram shows, decided without Graphviz."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from helpers import ROOT
from sample_maps import LIFELINE_NODE_IDS, bilingual_map, lifeline_map

import argmap
from argmap.analyse import evaluate
from argmap.errors import MapError
from argmap.model import (
    Agent,
    Argument,
    ArgumentMap,
    Citation,
    Group,
    Source,
    Statement,
    Translation,
)
from argmap.view import MapView, ViewEdge, ViewNode, build_view, node_count


def edge_triples(view: MapView) -> list[tuple[str, str, str]]:
    return [(e.source, e.target, e.kind) for e in view.edges]


def test_nodes_are_statements_then_arguments_in_authored_order() -> None:
    view = build_view(lifeline_map())
    assert [n.id for n in view.nodes] == LIFELINE_NODE_IDS
    assert [n.kind for n in view.nodes] == ["statement"] * 7 + ["argument"] * 4
    assert view.node("argument-no-lifeline").ref == "no-lifeline"


def test_edges_go_from_premises_into_the_argument_then_to_its_target() -> None:
    assert edge_triples(build_view(lifeline_map())) == [
        ("statement-sanctions-motive", "argument-russian-lifeline", "premise"),
        ("statement-lifeline", "argument-russian-lifeline", "premise"),
        ("argument-russian-lifeline", "statement-less-incentive", "support"),
        ("statement-unreliable", "argument-no-lifeline", "premise"),
        ("argument-no-lifeline", "statement-lifeline", "attack"),
        ("statement-debris", "argument-debris-evidence", "premise"),
        ("argument-debris-evidence", "statement-denial", "attack"),
        ("statement-arms-deal", "argument-deal-undercut", "premise"),
        ("argument-deal-undercut", "argument-russian-lifeline", "undercut"),
    ]


def test_edge_classes_name_the_relation_and_the_kind_of_attack() -> None:
    classes = {(e.source, e.target): e.classes for e in build_view(lifeline_map()).edges}
    assert classes["statement-lifeline", "argument-russian-lifeline"] == ("argmap-premise",)
    assert classes["argument-russian-lifeline", "statement-less-incentive"] == ("argmap-support",)
    # `lifeline` is only ever a premise, so attacking it undermines.
    assert classes["argument-no-lifeline", "statement-lifeline"] == (
        "argmap-attack",
        "argmap-undermining",
    )
    assert classes["argument-debris-evidence", "statement-denial"] == (
        "argmap-attack",
        "argmap-rebuttal",
    )
    assert classes["argument-deal-undercut", "argument-russian-lifeline"] == ("argmap-undercut",)


def test_node_classes_mark_statements_theses_and_argument_relations() -> None:
    view = build_view(lifeline_map())
    assert view.node("statement-lifeline").classes == ("argmap-statement",)
    assert view.node("statement-less-incentive").classes == ("argmap-statement", "argmap-thesis")
    assert view.node("argument-russian-lifeline").classes == ("argmap-argument", "argmap-support")
    assert view.node("argument-no-lifeline").classes == (
        "argmap-argument",
        "argmap-attack",
        "argmap-undermining",
    )
    assert view.node("argument-debris-evidence").classes == (
        "argmap-argument",
        "argmap-attack",
        "argmap-rebuttal",
    )
    assert view.node("argument-deal-undercut").classes == ("argmap-argument", "argmap-undercut")


def test_declared_theses_are_the_only_theses() -> None:
    view = build_view(lifeline_map())
    assert [n.ref for n in view.nodes if n.thesis] == ["less-incentive"]


def test_without_declared_theses_unused_conclusions_are_theses() -> None:
    m = ArgumentMap(
        "t",
        statements=[Statement("p", "P."), Statement("c", "C."), Statement("d", "D.")],
        arguments=[Argument("a", "p", "support", "c"), Argument("b", "c", "support", "d")],
    )
    view = build_view(m)
    assert [n.ref for n in view.nodes if n.thesis] == ["d"]
    assert "argmap-thesis" in view.node("statement-d").classes


def test_text_is_word_wrapped_to_width() -> None:
    view = build_view(lifeline_map(), width=20)
    lines = view.node("statement-sanctions-motive").lines
    assert len(lines) > 3
    assert all(len(line) <= 20 for line in lines)
    assert " ".join(lines) == (
        "Historically, a main reason North Korea sought better relations "
        "with the US was to negotiate sanctions relief."
    )


def test_long_words_such_as_urls_are_broken_to_fit_width() -> None:
    url = "https://example.org/" + "x" * 180
    m = ArgumentMap("t", statements=[Statement("s", f"See {url} now.")])
    lines = build_view(m, width=30).node("statement-s").lines
    assert all(len(line) <= 30 for line in lines)
    assert len(lines) >= 7
    assert "".join(lines).replace(" ", "") == f"See{url}now."


def test_line_breaks_and_runs_of_spaces_in_text_become_single_spaces() -> None:
    m = ArgumentMap("t", statements=[Statement("s", "One\n  two\tthree")])
    assert build_view(m).node("statement-s").lines == ("One two three",)


def test_statement_title_is_kept_and_wrapped_apart_from_the_text() -> None:
    node = build_view(lifeline_map()).node("statement-less-incentive")
    assert node.title == "Less incentive"
    assert node.title_lines == ("Less incentive",)
    assert node.lines == ("Kim has less incentive to improve", "relations with Washington.")
    assert build_view(lifeline_map()).node("statement-lifeline").title_lines == ()


def test_argument_node_shows_its_title_or_else_its_id() -> None:
    view = build_view(lifeline_map())
    assert view.node("argument-no-lifeline").lines == ("Dictators are unreliable",)
    assert view.node("argument-debris-evidence").title is None
    assert view.node("argument-debris-evidence").lines == ("debris-evidence",)


def test_speakers_are_agent_names_falling_back_to_the_id() -> None:
    view = build_view(lifeline_map())
    assert view.node("statement-less-incentive").speakers == ("Analysts cited in the article",)
    assert view.node("statement-denial").speakers == ("Analysts cited in the article", "kremlin")
    assert view.node("statement-lifeline").speakers == ()


def test_tooltip_lists_quotes_with_their_source_titles() -> None:
    m = ArgumentMap(
        "t",
        sources=[Source("art", "The article")],
        statements=[
            Statement(
                "s",
                "Text.",
                quotes=[Citation("art", "First\n quote"), Citation("gone", "Second")],
            )
        ],
    )
    assert build_view(m).node("statement-s").tooltip == (
        "“First quote” (The article)\n“Second” (gone)"
    )


def test_quotation_marks_follow_the_language_of_the_quote() -> None:
    """A quote is in its source's language, else the map's: „…“ in German, “…” in English."""
    m = ArgumentMap(
        "t",
        lang="en",
        sources=[
            Source("zeit", "Die Zeit", lang="de"),
            Source("times", "The Times", lang="en"),
            Source("monde", "Le Monde", lang="fr"),
            Source("nzz", "NZZ", lang="de-CH"),
            Source("notes", "Notes"),
        ],
        statements=[
            Statement(
                "s",
                "Text.",
                quotes=[
                    Citation("zeit", "Ja"),
                    Citation("times", "Yes"),
                    Citation("monde", "Oui"),
                    Citation("nzz", "Jo"),
                    Citation("notes", "Noted"),
                ],
            )
        ],
    )
    assert build_view(m).node("statement-s").tooltip.split("\n") == [
        "„Ja“ (Die Zeit)",
        "“Yes” (The Times)",
        "« Oui » (Le Monde)",
        "«Jo» (NZZ)",
        "“Noted” (Notes)",
    ]
    german = attrs.evolve(m, lang="de", sources=[Source("notes", "Notizen")])
    german = attrs.evolve(
        german, statements=[Statement("s", "Text.", quotes=[Citation("notes", "Notiert")])]
    )
    assert build_view(german).node("statement-s").tooltip == "„Notiert“ (Notizen)"


def test_tooltip_is_the_full_text_when_there_are_no_quotes() -> None:
    view = build_view(lifeline_map(), width=10)
    assert view.node("statement-lifeline").tooltip == (
        "Russia offers a viable long-term way to improve North Korea's economy."
    )
    assert view.node("argument-debris-evidence").tooltip == "debris-evidence"


def test_argument_tooltip_ends_with_its_speakers() -> None:
    m = ArgumentMap(
        "t",
        agents=[Agent("an", "Analysts")],
        statements=[Statement("s", "S."), Statement("c", "C.")],
        arguments=[
            Argument("a", "s", "support", "c", title="Because", by=["an", "kim"]),
            Argument("b", "s", "support", "c"),
        ],
    )
    view = build_view(m)
    assert view.node("argument-a").tooltip == "Because\n— Analysts; kim"
    assert view.node("argument-a").speakers == ("Analysts", "kim")
    assert view.node("argument-b").tooltip == "b"


def test_a_map_with_references_to_unknown_ids_is_refused() -> None:
    """A map built in Python is not drawn with arguments pointing at nothing."""
    m = ArgumentMap(
        "t",
        statements=[Statement("s", "S."), Statement("c", "C.")],
        arguments=[
            Argument("a", ["s", "missing"], "support", "c"),
            Argument("b", ["s"], "attack", "nowhere"),
            Argument("u", ["s"], "undercut", "c"),  # undercuts name arguments
            Argument("w", ["s"], "support", "a"),  # backs the argument a
        ],
        groups=[Group("g", "G", ["s", "gone"])],
    )
    with pytest.raises(MapError) as caught:
        build_view(m)
    assert [(i.code, "/".join(map(str, i.path))) for i in caught.value.issues] == [
        ("unknown-member", "groups/g/members/1"),
        ("unknown-statement", "arguments/a/premises/1"),
        ("unknown-statement", "arguments/b/attacks"),
        ("unknown-argument", "arguments/u/undercuts"),
    ]


def test_supports_and_attacks_of_an_argument_end_at_its_node() -> None:
    """Styled as their statement counterparts (solid), told apart from an undercut (dashed)."""
    m = ArgumentMap(
        "t",
        statements=[Statement(s, s.upper() + ".") for s in "ckqu"],
        arguments=[
            Argument("a", ["c"], "support", "k"),
            Argument("back", ["q"], "support", "a"),
            Argument("hit", ["q"], "attack", "a"),
            Argument("cut", ["u"], "undercut", "a"),
        ],
    )
    view = build_view(m)
    edges = {(e.source, e.target): e for e in view.edges}
    assert edges[("argument-back", "argument-a")].kind == "support"
    assert edges[("argument-back", "argument-a")].classes == (
        "argmap-support",
        "argmap-argument-support",
    )
    assert edges[("argument-hit", "argument-a")].kind == "attack"
    assert edges[("argument-hit", "argument-a")].classes == (
        "argmap-attack",
        "argmap-argument-attack",
    )
    assert edges[("argument-cut", "argument-a")].kind == "undercut"


def _debate(*relations: Argument, **a2: object) -> ArgumentMap:
    """Argdown's ``<a2> -> <a1>``: ``a2`` concludes ``c2``, which the relations take as premise."""
    return ArgumentMap(
        "t",
        statements=[Statement(s, s.upper() + ".") for s in ("p1", "c1", "p2", "c2", "u")],
        arguments=[
            Argument("a1", ["p1"], "support", "c1"),
            Argument("a2", ["p2"], "support", "c2", **a2),  # type: ignore[arg-type]
            *relations,
        ],
    )


def test_a_relation_between_arguments_is_one_edge_from_the_conclusion() -> None:
    """The argument ``c2 -> a1`` has no node: an edge in its kind and classes stands for it."""
    view = build_view(_debate(Argument("r", ["c2"], "attack", "a1")))
    assert "argument-r" not in {n.id for n in view.nodes}
    assert view.edges[-1] == ViewEdge(
        "statement-c2",
        "argument-a1",
        "attack",
        ("argmap-attack", "argmap-argument-attack"),
        argument="r",
    )
    assert ("statement-c2", "argument-r", "premise") not in edge_triples(view)


def test_without_premises_a_relation_between_arguments_joins_the_two_arguments() -> None:
    """As Argdown draws ``<a2> +> <a1>``: one arrow from ``a2`` to ``a1``."""
    m = _debate(Argument("r", ["c2"], "support", "a1"))
    view = build_view(m, premises=False)
    assert [n.id for n in view.nodes] == [
        "statement-c1",
        "statement-u",
        "argument-a1",
        "argument-a2",
    ]
    assert edge_triples(view) == [
        ("argument-a1", "statement-c1", "support"),
        ("argument-a2", "argument-a1", "support"),
    ]
    assert view.edges[-1].classes == ("argmap-support", "argmap-argument-support")
    assert view.edges[-1].argument == "r"


def test_the_edge_of_a_relation_between_arguments_has_its_label() -> None:
    """Evaluated, the edge carries the label of the argument it stands for (its source is none)."""
    m = _debate(Argument("r", ["c2"], "attack", "a1"))
    evaluation = evaluate(m)
    edge = build_view(m, evaluation=evaluation).edges[-1]
    assert (edge.source, edge.argument) == ("statement-c2", "r")
    assert edge.label == evaluation.arguments["r"] == "in"
    assert edge.classes[-1] == "argmap-in"


@pytest.mark.parametrize(
    ("relation", "why"),
    [
        (Argument("r", ["c2"], "attack", "a1", title="Hit"), "it has a title"),
        (Argument("r", ["c2"], "attack", "a1", by=["x"]), "it has a speaker"),
        (Argument("r", ["c2"], "attack", "a1", implicit=True), "it is marked reconstructed"),
        (Argument("r", ["c2", "u"], "attack", "a1"), "it has two premises"),
        (Argument("r", ["u"], "attack", "a1"), "its premise is no argument's conclusion"),
        (Argument("r", ["c2"], "attack", "c1"), "its target is a statement"),
    ],
)
def test_an_argument_with_more_to_show_than_a_relation_keeps_its_node(
    relation: Argument, why: str
) -> None:
    for premises in (True, False):
        view = build_view(_debate(relation), premises=premises)
        assert "argument-r" in {n.id for n in view.nodes}, why


def test_a_relation_between_arguments_that_is_undercut_keeps_its_node() -> None:
    m = _debate(Argument("r", ["c2"], "attack", "a1"), Argument("cut", ["u"], "undercut", "r"))
    view = build_view(m)
    assert ("argument-cut", "argument-r", "undercut") in edge_triples(view)
    assert ("argument-r", "argument-a1", "attack") in edge_triples(view)


def test_without_premises_a_relation_from_an_attacked_conclusion_keeps_its_node() -> None:
    """An arrow from the attacker to ``a1`` would say it attacks ``a1``: the node stays."""
    m = _debate(
        Argument("r", ["c2"], "support", "a1"), Argument("hit", ["u"], "attack", "c2", title="H")
    )
    assert "argument-r" not in {n.id for n in build_view(m).nodes}
    view = build_view(m, premises=False)
    assert ("argument-hit", "argument-r", "attack") in edge_triples(view)
    assert ("argument-r", "argument-a1", "support") in edge_triples(view)


def test_relation_nodes_draws_every_argument_as_a_node() -> None:
    view = build_view(_debate(Argument("r", ["c2"], "attack", "a1")), relation_nodes=True)
    assert ("statement-c2", "argument-r", "premise") in edge_triples(view)
    assert ("argument-r", "argument-a1", "attack") in edge_triples(view)


def test_a_relation_between_arguments_leaves_its_group() -> None:
    """A group of nothing but relations between arguments is not drawn."""
    m = attrs.evolve(
        _debate(Argument("r", ["c2"], "attack", "a1")),
        groups=[Group("debate", "The debate", ["r"]), Group("all", "All", ["a1", "a2"])],
    )
    assert [c.ref for c in build_view(m).clusters] == ["all"]
    assert [c.ref for c in build_view(m, relation_nodes=True).clusters] == ["debate", "all"]


def test_a_premise_listed_twice_gives_one_edge() -> None:
    m = ArgumentMap(
        "t",
        statements=[Statement("s", "S."), Statement("c", "C.")],
        arguments=[Argument("a", ["s", "s"], "support", "c")],
    )
    assert edge_triples(build_view(m)) == [
        ("statement-s", "argument-a", "premise"),
        ("argument-a", "statement-c", "support"),
    ]


def test_an_empty_map_has_an_empty_view() -> None:
    assert build_view(ArgumentMap("Empty")) == MapView("Empty", "BT", (), (), False)


def test_view_carries_title_rankdir_and_legend() -> None:
    view = build_view(lifeline_map(), rankdir="LR", legend=True)
    assert (view.title, view.rankdir, view.legend) == (
        "A Russian lifeline for Pyongyang",
        "LR",
        True,
    )
    assert build_view(lifeline_map()).rankdir == "BT"
    assert build_view(lifeline_map()).legend is False


def test_same_map_gives_an_equal_view() -> None:
    assert build_view(lifeline_map()) == build_view(lifeline_map())


def test_view_objects_are_frozen() -> None:
    view = build_view(lifeline_map())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        view.title = "other"  # type: ignore[misc]
    assert isinstance(view.nodes, tuple)
    assert isinstance(view.nodes[0], ViewNode)
    assert isinstance(view.edges[0], ViewEdge)


def test_unknown_node_id_raises_key_error() -> None:
    with pytest.raises(KeyError):
        build_view(lifeline_map()).node("statement-nope")


@pytest.mark.parametrize("width", [3, 9, -1])
def test_width_below_10_is_rejected(width: int) -> None:
    with pytest.raises(ValueError) as info:
        build_view(lifeline_map(), width=width)
    assert str(info.value) == f"'width' must be at least 10 (got {width})"


def test_width_of_another_type_is_rejected() -> None:
    with pytest.raises(TypeError, match=r"^'width' must be an int \(got '40'\)$"):
        build_view(lifeline_map(), width="40")  # type: ignore[arg-type]


def test_unknown_rankdir_is_rejected() -> None:
    with pytest.raises(ValueError) as info:
        build_view(lifeline_map(), rankdir="up")  # type: ignore[arg-type]
    assert str(info.value) == "'rankdir' must be one of ['BT', 'TB', 'LR', 'RL'] (got 'up')"


def test_agent_names_come_from_the_map_agents() -> None:
    m = ArgumentMap(
        "t",
        agents=[Agent("dp", "Daniel Pinkston, Troy University")],
        statements=[Statement("s", "S.", by=["dp", "dp"])],
    )
    assert build_view(m).node("statement-s").speakers == ("Daniel Pinkston, Troy University",)


def test_view_module_does_not_import_graphviz() -> None:
    code = (
        "import sys, argmap.view\n"
        "from argmap.model import ArgumentMap\n"
        "argmap.view.build_view(ArgumentMap('t'))\n"
        "assert 'graphviz' not in sys.modules, 'graphviz was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_text_is_drawn_in_the_language_asked_for() -> None:
    view = build_view(bilingual_map(), lang="de")
    assert view.title == "Partner"
    a = view.node("statement-a")
    assert (a.title, a.lines, a.untranslated) == (
        "Versprechen",
        ("Diktatoren brechen Versprechen.",),
        None,
    )
    assert view.node("argument-x").lines == ("Gebrochenes Wort",)


def test_untranslated_text_falls_back_and_is_marked() -> None:
    b = build_view(bilingual_map(), lang="de").node("statement-b")
    assert (b.lines, b.untranslated) == (("They are unreliable.",), "en")
    assert "argmap-untranslated" in b.classes


def test_the_maps_own_language_is_drawn_as_authored() -> None:
    assert build_view(bilingual_map(), lang="en") == build_view(bilingual_map())


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(
        ValueError, match=r"'lang' must be one of the map's languages \['en', 'de'\] \(got 'fr'\)"
    ):
        build_view(bilingual_map(), lang="fr")


def test_groups_become_clusters_in_their_language() -> None:
    view = build_view(bilingual_map(), lang="de")
    [cluster] = view.clusters
    assert (cluster.id, cluster.title, cluster.members) == (
        "group-g",
        "Linie",
        ("statement-a", "argument-x"),
    )


# -- without premises -------------------------------------------------------------


def test_without_premises_arguments_point_at_what_their_target_is_a_premise_of() -> None:
    view = build_view(lifeline_map(), premises=False)
    assert [n.id for n in view.nodes] == [
        "statement-less-incentive",  # the main thesis
        "statement-denial",  # a conclusion, premise of nothing
        "argument-russian-lifeline",
        "argument-no-lifeline",
        "argument-debris-evidence",
        "argument-deal-undercut",
    ]
    assert edge_triples(view) == [
        ("argument-russian-lifeline", "statement-less-incentive", "support"),
        ("argument-no-lifeline", "argument-russian-lifeline", "attack"),
        ("argument-debris-evidence", "statement-denial", "attack"),
        ("argument-deal-undercut", "argument-russian-lifeline", "undercut"),
    ]
    attack = view.edges[1]
    assert attack.classes == ("argmap-attack", "argmap-undermining")


def shared_premise_map() -> ArgumentMap:
    """``p`` is a premise of a1 and a2; a3 attacks it, a4 supports it."""
    return ArgumentMap(
        title="Shared",
        statements=[Statement(i, f"{i.upper()}.") for i in ("t", "u", "p", "q", "r", "s")],
        arguments=[
            Argument("a1", ["p", "q"], "support", "t"),
            Argument("a2", ["p"], "support", "u"),
            Argument("a3", ["r"], "attack", "p"),
            Argument("a4", ["s"], "support", "p"),
        ],
        theses=["t"],
    )


def test_without_premises_a_shared_premise_gives_one_edge_per_argument_using_it() -> None:
    view = build_view(shared_premise_map(), premises=False)
    assert [n.ref for n in view.nodes] == ["t", "u", "a1", "a2", "a3", "a4"]
    assert edge_triples(view) == [
        ("argument-a1", "statement-t", "support"),
        ("argument-a2", "statement-u", "support"),
        ("argument-a3", "argument-a1", "attack"),
        ("argument-a3", "argument-a2", "attack"),
        ("argument-a4", "argument-a1", "support"),
        ("argument-a4", "argument-a2", "support"),
    ]


def test_without_premises_the_tooltip_of_an_argument_lists_its_premises() -> None:
    view = build_view(lifeline_map(), premises=False)
    assert view.node("argument-debris-evidence").tooltip == (
        "debris-evidence\n• North Korean missile debris was found in Ukraine."
    )
    with_premises = build_view(lifeline_map())
    assert with_premises.node("argument-debris-evidence").tooltip == "debris-evidence"


def test_without_premises_the_tooltip_gives_the_premises_in_the_language_drawn() -> None:
    m = ArgumentMap(
        title="T",
        lang="en",
        other_langs=["de"],
        statements=[
            Statement("t", "T."),
            Statement("p", "P.", translations=[Translation("de", text="P (de).")]),
        ],
        arguments=[Argument("a", ["p"], "support", "t", by="x")],
        agents=[Agent("x", "X", translations=[Translation("de", title="X (de)")])],
    )
    assert build_view(m, premises=False, lang="de").node("argument-a").tooltip == (
        "a\n• P (de).\n— X (de)"
    )


def test_without_premises_the_focus_stays_drawn_with_its_premise_edges() -> None:
    view = build_view(shared_premise_map(), premises=False, focus="p", depth=1)
    assert "statement-p" in [n.id for n in view.nodes]
    assert "argmap-focus" in view.node("statement-p").classes
    assert ("statement-p", "argument-a1", "premise") in edge_triples(view)
    assert ("argument-a3", "statement-p", "attack") in edge_triples(view)


def test_without_premises_groups_hold_only_what_is_drawn() -> None:
    m = attrs.evolve(shared_premise_map(), groups=[Group("g", "G", members=["p", "q", "a1"])])
    (cluster,) = build_view(m, premises=False).clusters
    assert cluster.members == ("argument-a1",)


def test_without_premises_labels_go_on_the_edges_between_arguments() -> None:
    m = lifeline_map()
    evaluation = evaluate(m)
    view = build_view(m, premises=False, evaluation=evaluation)
    attack = next(e for e in view.edges if e.source == "argument-no-lifeline")
    assert attack.target == "argument-russian-lifeline"
    assert attack.label == evaluation.arguments["no-lifeline"] == "in"
    assert attack.classes == ("argmap-attack", "argmap-undermining", "argmap-in")


def test_without_premises_collapse_is_refused() -> None:
    with pytest.raises(ValueError) as info:
        build_view(lifeline_map(), premises=False, collapse="less-incentive")
    assert str(info.value) == (
        "'collapse' folds the premises below a statement, so it needs them drawn; "
        "leave out 'premises=False' or 'collapse'"
    )


#: Argdown's own examples: many relations between arguments.
ARGDOWN = ROOT / "tests" / "corpora" / "argdown"


@pytest.mark.parametrize(
    "path",
    [
        *sorted((ROOT / "maps").glob("*.yaml")),
        ROOT / "docs" / "examples" / "partnership.yaml",  # issues
        *sorted(ARGDOWN.glob("*.argdown")),
    ],
    ids=lambda p: p.name,
)
def test_node_count_is_the_number_of_nodes_of_the_view(path: Path) -> None:
    m = argmap.load(path)
    thesis = next(iter(m.main_theses), next(iter(m.statements)))
    for options in (
        {},
        {"premises": False},
        {"focus": thesis, "depth": 1},
        {"focus": thesis, "premises": False},
        {"collapse": thesis},
        {"relation_nodes": True, "premises": False},
    ):
        assert node_count(m, **options) == len(build_view(m, **options).nodes), options
