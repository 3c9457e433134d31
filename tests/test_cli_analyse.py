"""`argmap evaluate`, `argmap stats` and `argmap render --evaluate`, through main(argv)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import run, work_in

MAP = """\
argmap: 1
title: Less incentive
statements:
  less: Kim has less incentive to engage Washington.
  motive: Sanctions relief was his main motive to engage the US.
  lifeline:
    text: Russia offers a viable long-term lifeline.
    status: questioned
  seat: Russia's UN seat makes the ties valuable.
  break: Dictators can break their commitments at any time.
arguments:
  russian-lifeline:
    title: A lifeline weakens the old motive
    premises: [motive, lifeline]
    supports: less
  security-council:
    premises: [seat]
    supports: less
  unreliable:
    title: Commitments can be broken
    premises: [break]
    attacks: lifeline
"""

STANDOFF = """\
argmap: 1
title: Standoff
statements:
  c: The claim.
  a: A reason for it.
  b: A reason against it.
arguments:
  pro: {premises: [a], supports: c}
  con: {premises: [b], attacks: c}
"""

ODD = """\
argmap: 1
title: Odd
statements:
  a: A.
  b: B.
  c: C.
arguments:
  x: {premises: [a], attacks: b}
  y: {premises: [b], attacks: c}
  z: {premises: [c], attacks: a}
"""


SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    broken = MAP.replace("premises: [seat]", "premises: [sea]")
    return work_in(
        tmp_path,
        monkeypatch,
        {"map.yaml": MAP, "standoff.yaml": STANDOFF, "odd.yaml": ODD, "broken.yaml": broken},
    )


def test_evaluate_prints_statements_then_arguments(folder: Path) -> None:
    assert run("evaluate", "map.yaml") == (
        0,
        "grounded semantics\n"
        "\n"
        "statements:\n"
        "  in         less              Kim has less incentive to engage Washington.\n"
        "  in         motive            Sanctions relief was his main motive to engage the US.\n"
        "  out        lifeline          Russia offers a viable long-term lifeline.\n"
        "  in         seat              Russia's UN seat makes the ties valuable.\n"
        "  in         break             Dictators can break their commitments at any time.\n"
        "\n"
        "arguments:\n"
        "  out        russian-lifeline  A lifeline weakens the old motive\n"
        "  in         security-council  security-council\n"
        "  in         unreliable        Commitments can be broken\n",
        "",
    )


def test_evaluate_with_reject_lists_the_statements_that_change(folder: Path) -> None:
    status, out, err = run("evaluate", "map.yaml", "--reject", "seat", "--accept", "lifeline")
    assert (status, err) == (0, "")
    assert out.startswith("grounded semantics; accepting lifeline; rejecting seat\n")
    assert out.endswith(
        "\nchanges against the evaluation without --accept and --reject:\n"
        "  lifeline          out -> in\n"
        "  seat              in -> out\n"
    )
    assert "  in         less " in out
    assert "  out        unreliable " in out


def test_evaluate_says_when_nothing_changes(folder: Path) -> None:
    _, out, _ = run("evaluate", "map.yaml", "--accept", "motive")
    assert out.endswith(
        "changes against the evaluation without --accept and --reject:\n"
        "  no statement changes its label\n"
    )


def test_evaluate_credulous_preferred_names_the_extensions(folder: Path) -> None:
    status, out, _ = run("evaluate", "standoff.yaml", "--semantics", "preferred", "--credulous")
    assert status == 0
    assert out.splitlines()[0] == "preferred semantics, credulous: 2 extensions"
    assert "  in         c    The claim." in out
    _, out, _ = run("evaluate", "standoff.yaml", "--semantics", "preferred")
    assert out.splitlines()[0] == "preferred semantics, sceptical: 2 extensions"
    assert "  undecided  c    The claim." in out


def test_evaluate_stable_without_extension_says_so(folder: Path) -> None:
    _, out, _ = run("evaluate", "odd.yaml", "--semantics", "stable")
    assert out.splitlines()[0] == (
        "stable semantics, sceptical: 0 extensions, so every label is undecided"
    )


def test_evaluate_cuts_long_text_to_one_line(folder: Path) -> None:
    long = "word " * 40
    (folder / "long.yaml").write_text(
        f"argmap: 1\ntitle: Long\nstatements:\n  s: {long}\n", encoding="utf-8"
    )
    _, out, _ = run("evaluate", "long.yaml")
    line = out.splitlines()[3]
    assert 90 < len(line) <= 100
    assert line.endswith(" word…")


def test_unknown_id_is_bad_usage_with_a_suggestion(folder: Path) -> None:
    assert run("evaluate", "map.yaml", "--accept", "lifelin") == (
        2,
        "",
        "argmap evaluate: error: --accept names 'lifelin', which is not a statement of the map "
        "(did you mean 'lifeline'?)\n",
    )
    status, _, err = run("evaluate", "map.yaml", "--reject", "unreliable")
    assert status == 2
    assert "--reject names 'unreliable', which is an argument" in err
    status, _, err = run("evaluate", "map.yaml", "--reject", "seat", "--accept", "seat")
    assert (status, err) == (
        2,
        "argmap evaluate: error: 'seat' is both accepted and rejected; choose one\n",
    )


def test_evaluate_an_invalid_map_exits_1(folder: Path) -> None:
    status, out, err = run("evaluate", "broken.yaml")
    assert (status, out) == (1, "")
    assert "unknown-statement: argument 'security-council' lists premise 'sea'" in err


def test_evaluate_needs_one_existing_map_file(folder: Path) -> None:
    assert run("evaluate", "missing.yaml") == (
        2,
        "",
        "argmap evaluate: error: missing.yaml: no such file\n",
    )
    assert run("evaluate", ".")[0] == 2
    status, _, err = run("evaluate", "map.yaml", "--semantics", "ideal")
    assert status == 2
    assert "invalid choice: 'ideal'" in err


def test_stats_prints_counts_and_queries(folder: Path) -> None:
    assert run("stats", "map.yaml") == (
        0,
        "statements: 5 (1 main thesis)\n"
        "arguments: 3 (2 support, 0 rebuttal, 1 undermining, 0 undercut)\n"
        "stated 5 of 5 statements, 0 quoted, 0 questions, 0 hypothetical\n"
        "stated 3 of 3 arguments, 0 quoted\n"
        "unsupported premises (4): motive, lifeline, seat, break\n"
        "uncontested statements (4): less, motive, seat, break\n"
        "support cycles (0): none\n"
        "\n"
        "statement  for  against  rests on  dependents\n"
        "less         2        0         3           0\n"
        "motive       0        0         0           1\n"
        "lifeline     0        1         0           1\n"
        "seat         0        0         0           1\n"
        "break        0        0         0           1\n",
        "",
    )


def test_stats_of_an_invalid_map_exits_1(folder: Path) -> None:
    status, out, err = run("stats", "broken.yaml")
    assert (status, out) == (1, "")
    assert "unknown-statement" in err


@pytest.mark.needs_dot
def test_render_evaluate_marks_labels_in_the_svg(folder: Path) -> None:
    status, out, err = run("render", "map.yaml", "--evaluate", "--reject", "seat", "-o", "map.svg")
    assert (status, out, err) == (0, "wrote map.svg\n", "")
    root = ET.fromstring((folder / "map.svg").read_text("utf-8"))
    classes = {g.get("id"): g.get("class") for g in root.iter(f"{SVG}g")}
    assert classes["statement-less"] == "node argmap-statement argmap-thesis argmap-out"
    assert classes["statement-seat"] == "node argmap-statement argmap-out"
    assert classes["argument-security-council"] == "node argmap-argument argmap-support argmap-out"
    assert classes["argument-unreliable"] == (
        "node argmap-argument argmap-attack argmap-undermining argmap-in"
    )
    # The legend shows the labels drawn: nothing here is undecided.
    assert classes["legend-out"] == "node argmap-legend argmap-out"
    assert "legend-undecided" not in classes
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Labels: grounded semantics; rejecting seat" in texts


def test_render_evaluate_dot_on_standard_output(folder: Path) -> None:
    status, out, _ = run(
        "render", "standoff.yaml", "--evaluate", "--semantics", "preferred", "--credulous",
        "-f", "dot", "-o", "-",
    )  # fmt: skip
    assert status == 0
    assert "argmap-statement argmap-thesis argmap-in" in out
    assert "Labels: preferred semantics, credulous" in out


def test_evaluation_options_need_evaluate(folder: Path) -> None:
    assert run("render", "map.yaml", "--reject", "seat") == (
        2,
        "",
        "argmap render: error: --reject works with --evaluate; add it\n",
    )
    assert run("render", "map.yaml", "--semantics", "stable")[0] == 2


def test_render_evaluate_refuses_an_unknown_id(folder: Path) -> None:
    status, _, err = run("render", "map.yaml", "--evaluate", "--accept", "nope", "-f", "dot")
    assert status == 2
    assert "--accept names 'nope', which is not a statement of the map" in err
    assert not (folder / "map.dot").exists()


def test_help_lists_the_new_commands() -> None:
    _, out, _ = run("--help")
    assert "evaluate" in out
    assert "stats" in out
    status, out, _ = run("evaluate", "--help")
    assert status == 0
    assert "--credulous" in out


PAIRS = (
    "argmap: 1\ntitle: Pairs\nstatements:\n"
    + "".join(f"  a{i}: A{i}.\n  b{i}: B{i}.\n" for i in range(12))
    + "arguments:\n"
    + "".join(
        f"  x{i}: {{premises: [a{i}], attacks: b{i}}}\n"
        f"  y{i}: {{premises: [b{i}], attacks: a{i}}}\n"
        for i in range(12)
    )
)


#: Each pair also attacks one of a ring of attacking statements: the ring's labels
#: depend on every pair's choice at once.
RING = PAIRS.replace("title: Pairs", "title: Pairs around a ring").replace(
    "statements:\n", "statements:\n" + "".join(f"  c{i}: C{i}.\n" for i in range(12))
) + "".join(
    f"  z{i}: {{premises: [a{i}], attacks: c{i}}}\n"
    f"  w{i}: {{premises: [c{i}], attacks: c{(i + 1) % 12}}}\n"
    for i in range(12)
)


def test_an_evaluation_past_its_step_limit_is_an_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work_in(tmp_path, monkeypatch, {"pairs.yaml": PAIRS, "ring.yaml": RING})
    status, out, err = run(
        "evaluate", "ring.yaml", "--semantics", "preferred", "--max-steps", "500"
    )
    assert (status, out) == (1, "")
    assert err.startswith(
        "evaluating this map under preferred semantics takes more than 500 steps, so it "
        "stopped; allow more with --max-steps"
    )
    status, out, err = run(
        "evaluate", "pairs.yaml", "--semantics", "preferred", "--max-steps", "500"
    )
    assert (status, err) == (0, "")
    assert out.startswith("preferred semantics, sceptical: 4096 extensions\n")
    monkeypatch.setenv("ARGMAP_MAX_EVALUATION_STEPS", "500")
    status, out, err = run(
        "render", "ring.yaml", "--evaluate", "--semantics", "stable", "-f", "dot"
    )
    assert status == 1
    assert "evaluating this map under stable semantics takes more than 500 steps" in err
    assert not (tmp_path / "ring.dot").exists()
    status, _, err = run("evaluate", "pairs.yaml", "--max-steps", "0")
    assert (status, err) == (2, "argmap evaluate: error: --max-steps must be more than 0 (got 0)\n")
