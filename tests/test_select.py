"""Drawing part of a map: focus and depth, tag and speaker filters, folded branches.

On the shipped overview (28 statements, 19 arguments, 6 groups) and on a
synthetic map of a few hundred statements.

Regenerate the golden DOT files after an intended change to the drawing with
``ARGMAP_UPDATE_GOLDEN=1 pytest tests/test_select.py`` and review the diff.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from sample_maps import tree_map

import argmap
from argmap import Argument, ArgumentMap, Statement
from argmap._select import Fold, most_connected, select_part
from argmap.view import build_view, select

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def overview() -> ArgumentMap:
    return argmap.load(ROOT / "maps" / "overview.yaml")


def kept(part: object) -> tuple[set[str], set[str]]:
    if isinstance(part, ArgumentMap):
        return set(part.statements), set(part.arguments)
    assert hasattr(part, "statements") and hasattr(part, "arguments")
    return set(part.statements), set(part.arguments)


# -- focus and depth -----------------------------------------------------------


def test_the_overview_is_the_map_these_tests_expect(overview: ArgumentMap) -> None:
    assert (len(overview.statements), len(overview.arguments), len(overview.groups)) == (28, 19, 6)


#: What depth 1 around no-solid-foundation keeps: statements, arguments.
DEPTH_ONE = (
    {
        "no-solid-foundation",
        "dictators-unreliable",
        "ruled-by-dictators",
        "no-common-values",
        "stronger-than-ever",
    },
    {"unreliable-rulers", "status-quo-only", "strongest-ties"},
)


def test_depth_one_keeps_what_argues_for_or_against_the_focus(overview: ArgumentMap) -> None:
    part = select_part(overview, focus="no-solid-foundation", depth=1)
    assert kept(part) == DEPTH_ONE
    assert part.folds == ()


def test_depth_two_adds_the_next_arguments_and_the_undercut(overview: ArgumentMap) -> None:
    part = select_part(overview, focus="no-solid-foundation", depth=2)
    assert kept(part) == (
        DEPTH_ONE[0]
        | {
            "dictators-break",
            "partnership-agreement",
            "military-cooperation",
            "strategic-partnership",
        },
        DEPTH_ONE[1]
        | {"broken-commitments", "breakable-commitments", "treaty-ties", "conceded-partnership"},
    )
    # Authored order, whatever order the walk found them in.
    assert part.statements[:2] == ("stronger-than-ever", "partnership-agreement")


def test_depth_goes_both_ways_from_a_premise(overview: ArgumentMap) -> None:
    """less-incentive is supported by russian-lifeline and is a premise of free-hand."""
    part = select_part(overview, focus="less-incentive", depth=1)
    assert kept(part) == (
        {"less-incentive", "sanctions-motive", "lifeline", "emboldens-kim"},
        {"russian-lifeline", "free-hand"},
    )


def test_depth_zero_keeps_the_statement_alone(overview: ArgumentMap) -> None:
    assert kept(select_part(overview, focus="lifeline", depth=0)) == ({"lifeline"}, set())


def test_the_default_depth_is_two(overview: ArgumentMap) -> None:
    assert select_part(overview, focus="lifeline") == select_part(
        overview, focus="lifeline", depth=2
    )


def test_an_undercut_comes_with_the_argument_it_undercuts(overview: ArgumentMap) -> None:
    """One step from dictators-break reaches breakable-commitments, which undercuts
    strongest-ties: that argument is drawn whole, premise and target included."""
    part = select_part(overview, focus="dictators-break", depth=1)
    assert kept(part) == (
        {"dictators-break", "dictators-unreliable", "stronger-than-ever", "no-solid-foundation"},
        {"broken-commitments", "breakable-commitments", "strongest-ties"},
    )


def test_every_kept_argument_has_all_its_premises_and_its_target(overview: ArgumentMap) -> None:
    for sid in overview.statements:
        for depth in range(4):
            part = select(overview, focus=sid, depth=depth)
            for argument in part.arguments.values():
                assert set(argument.premises) <= set(part.statements)
                assert argument.target in part.statements or argument.target in part.arguments


# -- tags and speakers -------------------------------------------------------


def test_a_tag_keeps_its_statements_and_the_arguments_that_join_them(
    overview: ArgumentMap,
) -> None:
    """supplies-for-goods joins two military statements, so it is drawn, with its
    untagged premise nk-received; short-of-shells leads out of the tag (to
    desperation), and so does treaty-ties: left out. ending-sanctions leads into
    the diplomacy tag from an economy premise: left out too."""
    assert kept(select_part(overview, tags="military")) == (
        {
            "military-cooperation",
            "deadliest-war",
            "arms-deal",
            "arms-deal-denied",
            "missile-debris",
            "nk-supplies",
            "nk-received",
        },
        {"denial", "debris-in-ukraine", "supplies-for-goods"},
    )
    assert kept(select_part(overview, tags=["diplomacy"])) == (
        {"un-seat", "valuable", "china-threat", "china-said-no"},
        {"security-council", "defying-beijing"},
    )


def test_several_tags_keep_what_carries_any_of_them(overview: ArgumentMap) -> None:
    statements, _ = kept(select_part(overview, tags=["economy", "china"]))
    assert statements == {
        "sanctions-motive",
        "lifeline",
        "moscow-measures",
        "china-threat",
        "china-said-no",
        "chinese-tired",
        "beijing-annoyed",
    }


def test_a_speaker_keeps_what_the_agent_holds_or_argues(overview: ArgumentMap) -> None:
    """russian-lifeline is the analysts' argument, so it comes with its premise
    sanctions-motive, which the article states; the arguments the map adds for
    no-solid-foundation (unreliable-rulers, status-quo-only) are nobody's, and
    no-solid-foundation is not drawn."""
    assert kept(select_part(overview, speakers="analysts")) == (
        {
            "less-incentive",
            "sanctions-motive",
            "lifeline",
            "dictators-break",
            "dictators-unreliable",
            "no-common-values",
        },
        {"russian-lifeline", "broken-commitments"},
    )


def test_a_speakers_undercut_comes_with_the_argument_it_undercuts() -> None:
    """The skeptic's objection undercuts the author's for-claim, which therefore
    comes too, with its premise and target; the author's aside does not."""
    draft = ArgumentMap(
        "Undercut",
        [
            Statement("claim", "Claim.", by="author"),
            Statement("reason", "Reason.", by="author"),
            Statement("aside", "Aside.", by="author"),
            Statement("doubt", "Doubt.", by="skeptic"),
        ],
        [
            Argument("for-claim", "reason", "support", "claim", by="author"),
            Argument("objection", "doubt", "undercut", "for-claim", by="skeptic"),
        ],
    )
    assert kept(select_part(draft, speakers="skeptic")) == (
        {"doubt", "reason", "claim"},
        {"objection", "for-claim"},
    )


def test_tags_and_speakers_together_keep_what_matches_both(overview: ArgumentMap) -> None:
    """debris-in-ukraine is the article's and tagged military: drawn, with its
    target, which Moscow and Pyongyang hold; the article's untagged statements
    and the other military statements are left out."""
    assert kept(select_part(overview, tags="military", speakers="article")) == (
        {"military-cooperation", "missile-debris", "arms-deal-denied"},
        {"debris-in-ukraine"},
    )
    assert kept(select_part(overview, tags="economy", speakers="analysts")) == (
        {"lifeline"},
        set(),
    )


def test_filters_apply_within_the_focus_and_keep_the_focus(overview: ArgumentMap) -> None:
    """Of the article's many statements only nk-received lies one step from
    arms-deal; arms-deal itself, which nobody is said to hold, stays."""
    part = select_part(overview, focus="arms-deal", depth=1, speakers="article")
    assert kept(part) == ({"arms-deal", "nk-received"}, set())


# -- collapse ----------------------------------------------------------------


def test_collapse_folds_the_branch_below_a_statement(overview: ArgumentMap) -> None:
    part = select_part(overview, collapse="china-threat")
    assert part.folds == (
        Fold(
            statement="china-threat",
            statements=("china-said-no", "chinese-tired", "beijing-annoyed"),
            arguments=("defying-beijing", "too-close-for-china", "annoying-beijing"),
        ),
    )
    assert part.folds[0].text == "+ 3 statements, 3 arguments folded"
    assert "china-threat" in part.statements
    assert len(part.statements) == 28 - 3 and len(part.arguments) == 19 - 3


#: The branch below no-solid-foundation in the overview map, in the map's order.
BRANCH_STATEMENTS = (
    "dictators-break",
    "dictators-unreliable",
    "ruled-by-dictators",
    "no-common-values",
)
BRANCH_ARGUMENTS = (
    "broken-commitments",
    "unreliable-rulers",
    "status-quo-only",
    "strongest-ties",
    "breakable-commitments",
)


def test_collapse_keeps_the_main_theses_and_joins_them_to_the_fold(overview: ArgumentMap) -> None:
    """stronger-than-ever, a main thesis, is the premise of strongest-ties, which
    attacks no-solid-foundation: the thesis stays, joined to the fold."""
    [fold] = select_part(overview, collapse="no-solid-foundation").folds
    assert fold.statements == BRANCH_STATEMENTS
    assert fold.arguments == BRANCH_ARGUMENTS
    assert fold.feeders == ("stronger-than-ever",)
    assert fold.text == "+ 4 statements, 5 arguments folded"


def test_a_statement_folded_inside_another_fold_gets_no_fold_of_its_own(
    overview: ArgumentMap,
) -> None:
    """dictators-unreliable has a branch of its own (broken-commitments), inside
    the branch of no-solid-foundation, whichever is named first."""
    for collapse in (
        ["no-solid-foundation", "dictators-unreliable"],
        ["dictators-unreliable", "no-solid-foundation"],
    ):
        [fold] = select_part(overview, collapse=collapse).folds
        assert fold.statement == "no-solid-foundation"
        assert fold.statements == BRANCH_STATEMENTS
        assert fold.arguments == BRANCH_ARGUMENTS


def test_collapse_counts_only_what_the_focus_would_draw(overview: ArgumentMap) -> None:
    """The branch below arms-deal reaches missile-debris and debris-in-ukraine two
    steps away: a focus of depth one neither draws nor counts them."""
    part = select_part(overview, focus="arms-deal", depth=1, collapse="arms-deal")
    assert part.folds == (
        Fold(
            "arms-deal",
            ("arms-deal-denied", "nk-supplies", "nk-received"),
            ("denial", "supplies-for-goods"),
        ),
    )
    assert kept(part) == ({"arms-deal"}, set())


def test_collapse_of_a_statement_with_nothing_below_it_draws_no_fold(
    overview: ArgumentMap,
) -> None:
    part = select_part(overview, collapse="lifeline", focus="lifeline", depth=0)
    assert part.folds == () and part.statements == ("lifeline",)


def test_a_statement_outside_the_focus_is_not_folded(overview: ArgumentMap) -> None:
    part = select_part(overview, focus="lifeline", depth=1, collapse="china-threat")
    assert part.folds == ()
    assert part == select_part(overview, focus="lifeline", depth=1)


def shared_premise_map() -> ArgumentMap:
    """``top`` rests on ``a`` and ``b``; ``shared`` supports both, ``deep`` only ``a``."""
    statements = [Statement(sid, f"{sid}.") for sid in ("top", "a", "b", "shared", "deep", "x")]
    arguments = [
        Argument("to-top", ["a", "b"], "support", "top"),
        Argument("for-a", ["shared", "deep"], "support", "a"),
        Argument("for-b", "shared", "support", "b"),
        Argument("for-shared", "x", "attack", "shared"),
    ]
    return ArgumentMap("Shared", statements, arguments)


def test_what_is_also_reached_otherwise_stays_drawn() -> None:
    part = select_part(shared_premise_map(), collapse="a")
    assert part.folds == (Fold("a", ("deep",), ("for-a",), feeders=("shared",)),)
    # shared is still needed by for-b, so it stays, and so does what attacks it.
    assert kept(part) == ({"top", "a", "b", "shared", "x"}, {"to-top", "for-b", "for-shared"})


# -- bad input ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"focus": "lifelin"},
            "'focus' names 'lifelin', which is not a statement of the map "
            "(did you mean 'lifeline'?)",
        ),
        (
            {"collapse": ["china-threat", "china-treat"]},
            "'collapse' names 'china-treat', which is not a statement of the map "
            "(did you mean 'china-threat'?)",
        ),
        (
            {"speakers": "analyst"},
            "'speakers' names 'analyst', which is not an agent of the map "
            "(did you mean 'analysts'?)",
        ),
        (
            {"tags": "militray"},
            "'tags' names 'militray', which no statement or argument of the map carries "
            "(did you mean 'military'?)",
        ),
        (
            {"focus": "treaty-ties"},
            "'focus' names 'treaty-ties', which is an argument; give a statement, "
            "such as its target 'stronger-than-ever'",
        ),
        (
            {"collapse": "breakable-commitments"},
            "'collapse' names 'breakable-commitments', which is an argument; give a statement, "
            "such as its premise 'dictators-break'",
        ),
        ({"focus": "lifeline", "depth": -1}, "'depth' must be at least 0 (got -1)"),
        ({"depth": 1}, "'depth' works with 'focus'; give the statement to focus on"),
        ({"focus": "zzzzzz"}, "'focus' names 'zzzzzz', which is not a statement of the map"),
    ],
)
def test_what_the_map_lacks_is_a_value_error_with_a_suggestion(
    overview: ArgumentMap, options: dict[str, Any], message: str
) -> None:
    for call in (select_part, select, build_view, argmap.to_dot):
        with pytest.raises(ValueError) as raised:
            call(overview, **options)
        assert str(raised.value) == message


def test_depth_must_be_an_int(overview: ArgumentMap) -> None:
    with pytest.raises(TypeError, match=r"'depth' must be an int \(got True\)"):
        select(overview, focus="lifeline", depth=True)


def test_a_generator_of_ids_is_read_once(overview: ArgumentMap) -> None:
    part = select_part(overview, collapse=(sid for sid in ["china-threat"]))
    assert [f.statement for f in part.folds] == ["china-threat"]


# -- the smaller map ---------------------------------------------------------


def test_select_gives_a_smaller_map_that_is_still_valid(overview: ArgumentMap) -> None:
    small = select(overview, focus="no-solid-foundation", depth=1)
    assert small.title == overview.title
    assert list(small.statements) == [
        "stronger-than-ever",
        "no-solid-foundation",
        "dictators-unreliable",
        "ruled-by-dictators",
        "no-common-values",
    ]
    assert small.theses == ("stronger-than-ever", "no-solid-foundation")
    assert {g: small.groups[g].members for g in small.groups} == {
        "relations": ("stronger-than-ever",),
        "unreliable-partners": (
            "no-solid-foundation",
            "dictators-unreliable",
            "ruled-by-dictators",
            "no-common-values",
            "unreliable-rulers",
            "status-quo-only",
        ),
    }
    errors = [i for i in argmap.check(small, verify_quotes=False) if i.severity.value == "error"]
    assert errors == []
    assert argmap.loads(argmap.dumps(small)) == small


def test_select_leaves_folded_branches_out(overview: ArgumentMap) -> None:
    small = select(overview, collapse="china-threat")
    assert "china-threat" in small.statements
    assert not small.arguments_for("china-threat")
    assert len(small.statements) == 28 - 3


def test_most_connected_statements_are_the_focus_candidates(overview: ArgumentMap) -> None:
    assert most_connected(overview, 3) == (
        ("stronger-than-ever", 3),
        ("china-threat", 3),
        ("no-solid-foundation", 3),
    )
    assert most_connected(shared_premise_map()) == (
        ("shared", 3),
        ("a", 2),
        ("b", 2),
        ("top", 1),
        ("deep", 1),
    )


# -- the view and the DOT ------------------------------------------------------


def test_the_view_draws_a_fold_node_and_its_edges(overview: ArgumentMap) -> None:
    view = build_view(overview, collapse="no-solid-foundation")
    fold = view.node("fold-no-solid-foundation")
    assert (fold.kind, fold.ref, fold.classes) == ("fold", "no-solid-foundation", ("argmap-fold",))
    assert fold.lines == ("+ 4 statements, 5 arguments folded",)
    assert fold.tooltip == (
        "Folded below no-solid-foundation:\n"
        "statements: dictators-break, dictators-unreliable, ruled-by-dictators, no-common-values\n"
        "arguments: broken-commitments, unreliable-rulers, status-quo-only, strongest-ties, "
        "breakable-commitments"
    )
    assert view.nodes[-1] is fold
    assert [(e.source, e.target, e.kind) for e in view.edges if e.kind == "fold"] == [
        ("statement-stronger-than-ever", "fold-no-solid-foundation", "fold"),
        ("fold-no-solid-foundation", "statement-no-solid-foundation", "fold"),
    ]
    drawn = {n.id for n in view.nodes}
    assert all(e.source in drawn and e.target in drawn for e in view.edges)
    cluster = {c.ref: c for c in view.clusters}["unreliable-partners"]
    assert cluster.members == ("statement-no-solid-foundation", "fold-no-solid-foundation")


def test_the_view_of_a_part_keeps_the_whole_maps_theses_and_attack_types(
    overview: ArgumentMap,
) -> None:
    """In the part alone, only dictators-unreliable would be a thesis by default
    (supported there, and the premise of nothing there), and strongest-ties
    could read differently; the view judges by the whole map."""
    view = build_view(overview, focus="dictators-break", depth=1)
    assert view.node("statement-no-solid-foundation").thesis
    assert view.node("statement-stronger-than-ever").thesis
    assert not view.node("statement-dictators-unreliable").thesis
    assert view.node("statement-dictators-break").classes == (
        "argmap-statement",
        "argmap-focus",
    )
    assert view.node("argument-strongest-ties").classes == (
        "argmap-argument",
        "argmap-attack",
        "argmap-rebuttal",
        "argmap-implicit",
    )
    whole = build_view(overview)
    assert view.clusters != whole.clusters
    assert {c.ref for c in view.clusters} == {"relations", "unreliable-partners"}


def test_a_part_shows_the_labels_of_the_whole_map(overview: ArgumentMap) -> None:
    """Evaluated alone, the part would leave no-solid-foundation undecided (the
    undercut of strongest-ties is not in it); the diagram shows the whole's label."""
    whole = argmap.evaluate(overview)
    alone = argmap.evaluate(select(overview, focus="no-solid-foundation", depth=1))
    assert (whole.statements["no-solid-foundation"], alone.statements["no-solid-foundation"]) == (
        "in",
        "undecided",
    )
    view = build_view(overview, focus="no-solid-foundation", depth=1, evaluation=whole)
    assert view.node("statement-no-solid-foundation").label == "in"
    assert view.node("argument-strongest-ties").label == "out"
    folded = build_view(overview, collapse="china-threat", evaluation=whole)
    assert folded.node("fold-china-threat").label is None


def test_a_part_in_another_language(overview: ArgumentMap) -> None:
    view = build_view(overview, focus="lifeline", depth=0, lang="de")
    [node] = view.nodes
    assert " ".join(node.lines).startswith("Russland bietet")


def test_the_dot_of_a_fold(overview: ArgumentMap) -> None:
    dot = argmap.to_dot(overview, collapse="china-threat")
    lines = [line.strip() for line in dot.splitlines()]
    [node] = [line for line in lines if line.startswith('"fold-china-threat" [')]
    assert node.startswith('"fold-china-threat" [label=<')
    assert ">+ 3 statements, 3 arguments folded<" in node
    for attribute in (
        'class="argmap-fold"',
        'id="fold-china-threat"',
        'style="rounded,filled,dashed"',
    ):
        assert attribute in node
    # The drawn edges: the invisible ones hold the groups in rows.
    edges = [line for line in lines if "->" in line and "fold" in line and "invis" not in line]
    assert edges == [
        '"fold-china-threat" -> "statement-china-threat" '
        '[arrowsize=0.6 color="#757575" penwidth=1.2 style=dashed class="argmap-fold"]'
    ]
    assert "statement-beijing-annoyed" not in dot and "argument-defying-beijing" not in dot
    # The fold sits in the frame of its statement's group.
    china = dot[dot.index('subgraph "cluster_group-china"') :]
    assert china.index('"fold-china-threat"') < china.index("}")


def test_the_legend_explains_the_fold_only_when_there_is_one(overview: ArgumentMap) -> None:
    assert "legend-fold" in argmap.to_dot(overview, collapse="china-threat", legend=True)
    assert "legend-fold" not in argmap.to_dot(overview, legend=True)


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("overview-focus", {"focus": "no-solid-foundation", "depth": 2}),
        ("overview-collapse", {"collapse": ["no-solid-foundation", "china-threat"]}),
        ("overview-military", {"tags": "military", "lang": "de"}),
    ],
)
def test_part_dot_matches_the_golden_file(
    overview: ArgumentMap, name: str, options: dict[str, Any]
) -> None:
    dot = argmap.to_dot(overview, **options)
    golden = GOLDEN / f"{name}.dot"
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        golden.write_text(dot, encoding="utf-8")
    assert dot == golden.read_text(encoding="utf-8")


def test_a_premise_an_undercut_still_needs_stays_beside_the_fold(overview: ArgumentMap) -> None:
    part = select_part(
        overview, focus="no-solid-foundation", depth=2, collapse="dictators-unreliable"
    )
    assert part.folds == (
        Fold("dictators-unreliable", (), ("broken-commitments",), feeders=("dictators-break",)),
    )
    assert part.folds[0].text == "+ 1 argument folded"
    assert {"dictators-break", "breakable-commitments"} <= {*part.statements, *part.arguments}


@pytest.mark.needs_dot
def test_the_svg_of_a_focused_and_folded_render(overview: ArgumentMap) -> None:
    svg = argmap.to_svg(
        overview, focus="no-solid-foundation", depth=2, collapse="stronger-than-ever"
    )
    root = ET.fromstring(svg)
    groups = {g.get("id"): g.get("class") for g in root.iter(f"{SVG}g")}
    assert groups["fold-stronger-than-ever"] == "node argmap-fold"
    assert groups["statement-no-solid-foundation"] == (
        "node argmap-statement argmap-thesis argmap-focus"
    )
    drawn = {gid for gid, cls in groups.items() if cls and cls.startswith("node ")}
    assert drawn == {
        "statement-stronger-than-ever",
        "statement-no-solid-foundation",
        "statement-dictators-break",
        "statement-dictators-unreliable",
        "statement-ruled-by-dictators",
        "statement-no-common-values",
        "argument-broken-commitments",
        "argument-unreliable-rulers",
        "argument-status-quo-only",
        "argument-strongest-ties",
        "argument-breakable-commitments",
        "fold-stronger-than-ever",
    }
    edges = [cls for cls in groups.values() if cls and cls.startswith("edge ")]
    assert edges.count("edge argmap-fold") == 1
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "+ 3 statements, 2 arguments folded" in texts


# -- a large synthetic map -----------------------------------------------------


def below(n: int, count: int) -> list[int]:
    """Numbers of the statements below ``sN`` in :func:`tree_map`."""
    result, frontier = [], [n]
    while frontier:
        frontier = [c for p in frontier for c in (3 * p + 1, 3 * p + 2, 3 * p + 3) if c < count]
        result += frontier
    return result


def test_the_synthetic_map_is_large() -> None:
    big = tree_map()
    assert (len(big.statements), len(big.arguments)) == (365, 365)
    assert len(build_view(big).nodes) == 730


def test_focus_on_the_synthetic_map_keeps_two_levels() -> None:
    big = tree_map()
    part = select_part(big, focus="s0", depth=2)
    assert set(part.statements) == {f"s{n}" for n in range(13)}
    assert set(part.arguments) == {f"a{n}" for n in range(1, 13)}
    part = select_part(big, focus="s4", depth=1)
    assert set(part.statements) == {"s4", "s1", "s13", "s14", "s15", "s40", "shared"}
    assert set(part.arguments) == {"a4", "a13", "a14", "a15", "x1"}


def test_collapse_on_the_synthetic_map_counts_the_branch() -> None:
    big = tree_map()
    part = select_part(big, collapse="s1")
    [fold] = part.folds
    hidden = below(1, 364)
    assert len(hidden) == 3 + 9 + 27 + 81
    assert set(fold.statements) == {f"s{n}" for n in hidden}
    assert set(fold.arguments) == {f"a{n}" for n in hidden} | {"x1"}
    assert fold.feeders == ("shared",)  # x2 below s2 still needs it
    assert fold.text == "+ 120 statements, 121 arguments folded"
    view = build_view(big, collapse="s1")
    assert len(view.nodes) == 730 - 120 - 121 + 1
    assert view.node("fold-s1").lines == ("+ 120 statements, 121 arguments folded",)
    narrow = build_view(big, collapse="s1", width=20)
    assert narrow.node("fold-s1").lines == ("+ 120 statements,", "121 arguments folded")


def test_tags_on_the_synthetic_map() -> None:
    big = tree_map(4)
    tagged = ArgumentMap(
        big.title,
        [
            Statement(s.id, s.text, tags=("odd",) if int(s.id[1:]) % 2 else ())
            for s in big.statements.values()
            if s.id != "shared"
        ],
        [a for a in big.arguments.values() if a.id.startswith("a")],
    )
    part = select_part(tagged, tags="odd")
    odd = {f"s{n}" for n in range(40) if n % 2}
    # An argument joins two odd statements when its premise and its parent are odd:
    # sN with N odd and (N-1)//3 odd.
    joining = {f"a{n}" for n in range(1, 40) if n % 2 and ((n - 1) // 3) % 2}
    assert set(part.statements) == odd
    assert set(part.arguments) == joining
    assert most_connected(tagged, 2) == (("s1", 4), ("s2", 4))


def test_an_argument_without_premises_or_statement_target_gets_no_hint() -> None:
    draft = ArgumentMap(
        "Draft",
        [Statement("s", "S."), Statement("t", "T.")],
        [Argument("a", "s", "support", "t"), Argument("u", (), "undercut", "a")],
    )
    with pytest.raises(ValueError) as raised:
        select(draft, focus="u")
    assert str(raised.value) == "'focus' names 'u', which is an argument; give a statement"
