"""Groups in rows: the choice of rows (pure, no Graphviz) and the overview drawn in them."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest
from helpers import ROOT, SVG

import argmap
from argmap import _rows
from argmap.view import DEFAULT_WIDTH, ROWS_WIDTH, ViewOptions, build_view

OVERVIEW = ROOT / "maps" / "overview.yaml"
#: The overview's rows, first (bottom) row first, each from left to right.
OVERVIEW_ROWS = (
    ("group-relations", "group-arms-deal", "group-china"),
    ("group-unreliable-partners", "group-desperation", "group-russian-lifeline"),
)
#: A statement-sized node, and an argument-sized one (points: across, along).
BOX = (250.0, 75.0)
SMALL = (110.0, 28.0)


def chain(name: str, length: int) -> list[str]:
    """Node ids ``name-0`` ... of a group whose nodes follow each other."""
    return [f"{name}-{i}" for i in range(length)]


def linked(*groups: list[str]) -> list[tuple[str, str]]:
    """Each group's nodes joined one after the other."""
    return [pair for group in groups for pair in itertools.pairwise(group)]


def wide(name: str, count: int) -> list[str]:
    """Node ids of a group of ``count`` premises side by side."""
    return [f"{name}-{i}" for i in range(count)]


def sizes_of(*groups: list[str]) -> dict[str, tuple[float, float]]:
    return {node: BOX for group in groups for node in group}


def test_one_group_or_none_is_never_in_rows() -> None:
    assert _rows.arrange([], [], {}) == ()
    group = wide("a", 20)
    assert _rows.arrange([group], [], sizes_of(group)) == ()


def test_groups_that_fit_side_by_side_stay_in_one_row() -> None:
    a, b, c = wide("a", 2), wide("b", 3), wide("c", 2)
    # 7 boxes of 250 points and the gaps: under the 2400 points of the screen.
    assert _rows.arrange([a, b, c], [], sizes_of(a, b, c)) == ()


def test_groups_too_wide_for_one_row_are_split_into_balanced_rows() -> None:
    groups = [wide(name, 3) for name in "abcd"]
    rows = _rows.arrange(groups, [], sizes_of(*groups))
    assert rows == ((0, 1), (2, 3))


def test_a_group_an_argument_runs_to_stands_in_a_later_row() -> None:
    """Rows follow the flow: the group argued for stands above the group arguing."""
    groups = [wide(name, 3) for name in "abcd"]
    # a reaches d, through a node in no group; c reaches b directly.
    edges = [("a-0", "between"), ("between", "d-1"), ("c-2", "b-0")]
    rows = _rows.arrange(groups, edges, sizes_of(*groups))
    assert len(rows) == 2
    row_of = {g: r for r, row in enumerate(rows) for g in row}
    assert row_of[0] < row_of[3] and row_of[2] < row_of[1]


def test_groups_that_reach_each_other_share_a_row() -> None:
    groups = [wide(name, 3) for name in "abcd"]
    edges = [("a-0", "b-0"), ("b-1", "a-1")]
    rows = _rows.arrange(groups, edges, sizes_of(*groups))
    assert any({0, 1} <= set(row) for row in rows)


def test_groups_joined_across_rows_stand_alike_far_along_their_rows() -> None:
    groups = [wide(name, 3) for name in "abcd"]
    # b (authored second) reaches c: b goes first in its row, under c.
    edges = [("b-0", "c-0")]
    rows = _rows.arrange(groups, edges, sizes_of(*groups))
    assert len(rows) == 2
    assert rows[0].index(1) == rows[1].index(2)
    # Without the join, authored order holds.
    assert _rows.arrange(groups, [], sizes_of(*groups)) == ((0, 1), (2, 3))


def test_deep_groups_count_along_the_flow() -> None:
    """A screen is wider than high: long chains side by side need no rows."""
    groups = [chain(name, 8) for name in "abcdef"]
    sizes = {node: SMALL for group in groups for node in group}
    assert _rows.arrange(groups, linked(*groups), sizes) == ()


def test_many_groups_are_split_without_trying_every_arrangement() -> None:
    groups = [wide(f"g{i}", 2) for i in range(20)]
    rows = _rows.arrange(groups, [], sizes_of(*groups))
    assert sorted(g for row in rows for g in row) == list(range(20))
    assert len(rows) > 1


def test_the_overview_is_drawn_in_rows_the_same_in_every_variant() -> None:
    m = argmap.load(OVERVIEW)
    evaluation = argmap.evaluate(m)
    for lang, evaluated, legend in itertools.product(("en", "de"), (None, evaluation), (0, 1)):
        view = build_view(m, lang=lang, evaluation=evaluated, legend=bool(legend))
        assert view.rows == OVERVIEW_ROWS


def test_maps_in_rows_wrap_narrower_unless_a_width_is_given() -> None:
    m = argmap.load(OVERVIEW)
    assert ViewOptions().width is None
    longest = max(len(line) for n in build_view(m).nodes for line in n.lines)
    assert ROWS_WIDTH - 4 <= longest <= ROWS_WIDTH
    longest = max(len(line) for n in build_view(m, width=50).nodes for line in n.lines)
    assert ROWS_WIDTH < longest <= 50
    # A map of one line of reasoning has no groups, and wraps as it always did.
    lifeline = build_view(argmap.load(ROOT / "maps" / "russian-lifeline.yaml"))
    assert lifeline.rows == ()
    longest = max(len(line) for n in lifeline.nodes for line in n.lines)
    assert ROWS_WIDTH < longest <= DEFAULT_WIDTH


# -- the overview drawn ---------------------------------------------------------

#: The most a 1920x1080 screen shows with body text about 9 px high, in px at 96 dpi.
SCREEN_PX = (3200, 1800)
VARIANTS = [
    pytest.param(lang, evaluate, legend, id=f"{lang}{'-evaluate' * evaluate}{'-legend' * legend}")
    for lang, evaluate, legend in itertools.product(("en", "de"), (False, True), (False, True))
]


def overview_svg(lang: str, evaluate: bool, legend: bool) -> ET.Element:
    m = argmap.load(OVERVIEW)
    evaluation = argmap.evaluate(m) if evaluate else None
    return ET.fromstring(argmap.to_svg(m, lang=lang, evaluation=evaluation, legend=legend))


def bounds(text: str) -> tuple[float, float, float, float]:
    """The box around the points of an SVG path or polygon: left, top, right, bottom."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def frames_of(root: ET.Element, kind: str) -> dict[str, tuple[float, float, float, float]]:
    """The box of each drawn element of class ``kind`` in the SVG, by its id.

    Left, top, right, bottom of its first outline; elements drawn without
    one (the invisible points between rows) are left out.
    """
    frames = {}
    for g in root.iter(f"{SVG}g"):
        if kind not in g.get("class", "").split():
            continue
        shape = g.find(f".//{SVG}path")
        if shape is None:
            shape = g.find(f".//{SVG}polygon")
        if shape is not None:
            frames[g.get("id", "")] = bounds(shape.get("d") or shape.get("points") or "")
    return frames


def arrangement(root: ET.Element) -> tuple[tuple[str, ...], ...]:
    """The groups as drawn: rows from the bottom, each from left to right.

    Groups whose frames overlap up and down share a row.
    """
    frames = frames_of(root, "argmap-group")
    rows: list[list[str]] = []
    for group in sorted(frames, key=lambda g: -frames[g][3]):  # lowest bottom first
        top, bottom = frames[group][1], frames[group][3]
        for row in rows:
            if any(frames[o][1] < bottom and top < frames[o][3] for o in row):
                row.append(group)
                break
        else:
            rows.append([group])
    return tuple(tuple(sorted(row, key=lambda g: frames[g][0])) for row in rows)


@pytest.mark.needs_dot
@pytest.mark.parametrize(("lang", "evaluate", "legend"), VARIANTS)
def test_the_overview_keeps_its_rows_and_their_order_in_every_variant(
    lang: str, evaluate: bool, legend: bool
) -> None:
    root = overview_svg(lang, evaluate, legend)
    assert arrangement(root) == OVERVIEW_ROWS
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    assert ("argmap-legend" in ids) == (legend or evaluate)


def svg_size_px(root: ET.Element) -> tuple[float, float]:
    width, height = (float(root.get(side, "0").removesuffix("pt")) for side in ("width", "height"))
    return width * 96 / 72, height * 96 / 72


@pytest.mark.needs_dot
def test_the_overview_fits_one_screen_in_every_variant() -> None:
    sizes = {}
    for param in VARIANTS:
        lang, evaluate, legend = param.values
        sizes[param.id] = svg_size_px(overview_svg(str(lang), bool(evaluate), bool(legend)))
    too_large = {
        name: (round(w), round(h))
        for name, (w, h) in sizes.items()
        if w > SCREEN_PX[0] or h > SCREEN_PX[1]
    }
    assert too_large == {}


def test_the_screen_of_the_rows_is_the_one_the_test_measures() -> None:
    assert tuple(side * 96 / 72 for side in _rows.SCREEN) == SCREEN_PX


def edge_points(d: str, steps: int = 20) -> list[tuple[float, float]]:
    """Points along an SVG path of cubic curves (``M x,y C x,y x,y x,y ...``)."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    points = list(zip(numbers[0::2], numbers[1::2], strict=True))
    result = []
    for i in range(0, len(points) - 3, 3):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[i : i + 4]
        for k in range(steps + 1):
            t = k / steps
            a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
            result.append((a * x0 + b * x1 + c * x2 + e * x3, a * y0 + b * y1 + c * y2 + e * y3))
    return result


@pytest.mark.needs_dot
@pytest.mark.parametrize(("lang", "evaluate", "legend"), VARIANTS)
def test_no_edge_of_the_overview_crosses_a_box(lang: str, evaluate: bool, legend: bool) -> None:
    root = overview_svg(lang, evaluate, legend)
    boxes = frames_of(root, "node")
    assert len([b for b in boxes if not b.startswith("legend-")]) == 28 + 19
    crossings = []
    for g in root.iter(f"{SVG}g"):
        title, path = g.find(f"{SVG}title"), g.find(f"{SVG}path")
        if "edge" not in g.get("class", "").split() or title is None or path is None:
            continue
        ends = set((title.text or "").split("->"))
        for node, (left, top, right, bottom) in boxes.items():
            if node in ends:
                continue
            inside = [
                (x, y)
                for x, y in edge_points(path.get("d", ""))
                if left + 2 < x < right - 2 and top + 2 < y < bottom - 2
            ]
            if inside:
                crossings.append((title.text, node))
    assert crossings == []


def test_in_rows_the_legend_labels_no_edge_and_the_arguments_between_rows_stand_between() -> None:
    """One edge label would deepen every rank; an argument between groups would push them apart."""
    source = argmap.to_dot(argmap.load(OVERVIEW), legend=True)
    legend_edges = [
        line for line in source.splitlines() if re.match(r'\s*"legend-[^"]*" -> "legend-', line)
    ]
    assert len(legend_edges) == 4
    assert not any("label=" in line for line in legend_edges)
    assert "Statement (premise)" in source
    gap = source[source.index("graph [rank=same]", source.index('"rows-0-')) :]
    for argument in ("strongest-ties", "breakable-commitments", "short-of-shells"):
        assert f'\t\t"argument-{argument}"\n' in gap
    # The premise of the undercut stands in the upper row: its edge does not rank.
    assert re.search(
        r'"statement-dictators-break" -> "argument-breakable-commitments" \[[^]]*constraint=false',
        source,
    )
