"""`argmap evaluate --stated-only`, `--format json` of evaluate and stats, through main(argv)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run, work_in

MAP = """\
argmap: 1
title: Only as long as the war
statements:
  short-lived: The partnership will not outlast the war.
  lasts: {text: Will the partnership last?, mode: question}
  trade: Almost all of the new trade is in munitions.
  munitions-only:
    text: A partnership of munitions lasts only as long as the need for them.
    implicit: true
  war-ends: {text: The war ends., mode: hypothetical}
  no-need: Russia no longer needs the shells.
arguments:
  built-on-munitions:
    premises: [trade, munitions-only]
    supports: short-lived
  answer:
    title: Not beyond the war
    premises: [short-lived]
    attacks: lasts
  after-the-war:
    premises: [war-ends]
    supports: no-need
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    broken = MAP.replace("premises: [war-ends]", "premises: [war-end]")
    return work_in(tmp_path, monkeypatch, {"map.yaml": MAP, "broken.yaml": broken})


def test_evaluate_prints_questions_and_hypotheses_out(folder: Path) -> None:
    assert run("evaluate", "map.yaml") == (
        0,
        "grounded semantics\n"
        "\n"
        "statements:\n"
        "  in         short-lived         The partnership will not outlast the war.\n"
        "  out        lasts               Will the partnership last?\n"
        "  in         trade               Almost all of the new trade is in munitions.\n"
        "  in         munitions-only      A partnership of munitions lasts only as long as the "
        "need for them.\n"
        "  out        war-ends            The war ends.\n"
        "  out        no-need             Russia no longer needs the shells.\n"
        "\n"
        "arguments:\n"
        "  in         built-on-munitions  built-on-munitions\n"
        "  in         answer              Not beyond the war\n"
        "  out        after-the-war       after-the-war\n",
        "",
    )


def test_evaluate_stated_only_lists_what_the_text_says_alone(folder: Path) -> None:
    assert run("evaluate", "map.yaml", "--stated-only", "--accept", "war-ends") == (
        0,
        "grounded semantics; accepting war-ends; stated parts only\n"
        "\n"
        "statements:\n"
        "  out        short-lived    The partnership will not outlast the war.\n"
        "  out        lasts          Will the partnership last?\n"
        "  in         trade          Almost all of the new trade is in munitions.\n"
        "  in         war-ends       The war ends.\n"
        "  in         no-need        Russia no longer needs the shells.\n"
        "\n"
        "arguments:\n"
        "  out        answer         Not beyond the war\n"
        "  in         after-the-war  after-the-war\n"
        "\n"
        "changes against the evaluation without --accept and --reject:\n"
        "  war-ends       out -> in\n"
        "  no-need        out -> in\n",
        "",
    )


def test_evaluate_json_is_one_object_in_authored_order(folder: Path) -> None:
    status, out, err = run("evaluate", "map.yaml", "--format", "json")
    assert (status, err) == (0, "")
    expected = {
        "semantics": "grounded",
        "acceptance": "sceptical",
        "extensions": 1,
        "stated_only": False,
        "accept": [],
        "reject": [],
        "statements": {
            "short-lived": "in",
            "lasts": "out",
            "trade": "in",
            "munitions-only": "in",
            "war-ends": "out",
            "no-need": "out",
        },
        "arguments": {"built-on-munitions": "in", "answer": "in", "after-the-war": "out"},
        "changes": [],
    }
    assert out == json.dumps(expected, indent=2) + "\n"


def test_evaluate_json_with_stated_only_semantics_and_reject(folder: Path) -> None:
    status, out, err = run(
        "evaluate",
        "map.yaml",
        "--format",
        "json",
        "--stated-only",
        "--semantics",
        "preferred",
        "--credulous",
        "--reject",
        "trade",
    )
    assert (status, err) == (0, "")
    assert json.loads(out) == {
        "semantics": "preferred",
        "acceptance": "credulous",
        "extensions": 1,
        "stated_only": True,
        "accept": [],
        "reject": ["trade"],
        "statements": {
            "short-lived": "out",
            "lasts": "out",
            "trade": "out",
            "war-ends": "out",
            "no-need": "out",
        },
        "arguments": {"answer": "out", "after-the-war": "out"},
        "changes": [{"id": "trade", "before": "in", "after": "out"}],
    }


def test_stats_prints_the_grounding_lines(folder: Path) -> None:
    status, out, err = run("stats", "map.yaml")
    assert (status, err) == (0, "")
    assert out.splitlines()[:4] == [
        "statements: 6 (1 main thesis)",
        "arguments: 3 (2 support, 1 rebuttal, 0 undermining, 0 undercut)",
        "stated 5 of 6 statements, 0 quoted, 1 question, 1 hypothetical",
        "stated 3 of 3 arguments, 0 quoted",
    ]


def test_stats_json_is_one_object_with_the_grounding(folder: Path) -> None:
    status, out, err = run("stats", "map.yaml", "--format", "json")
    assert (status, err) == (0, "")
    expected = {
        "statements": 6,
        "main_theses": 1,
        "arguments": 3,
        "support": 2,
        "rebuttal": 1,
        "undermining": 0,
        "undercut": 0,
        "grounding": {
            "statements": {
                "total": 6,
                "stated": 5,
                "implicit": 1,
                "quoted": 0,
                "questions": 1,
                "hypothetical": 1,
            },
            "arguments": {"total": 3, "stated": 3, "implicit": 0, "quoted": 0},
        },
        "unsupported_premises": ["trade", "munitions-only", "war-ends"],
        "uncontested_statements": ["short-lived", "trade", "munitions-only", "war-ends", "no-need"],
        "support_cycles": [],
        "per_statement": {
            "short-lived": {"for": 1, "against": 0, "rests_on": 2, "dependents": 1},
            "lasts": {"for": 0, "against": 1, "rests_on": 0, "dependents": 0},
            "trade": {"for": 0, "against": 0, "rests_on": 0, "dependents": 3},
            "munitions-only": {"for": 0, "against": 0, "rests_on": 0, "dependents": 3},
            "war-ends": {"for": 0, "against": 0, "rests_on": 0, "dependents": 2},
            "no-need": {"for": 1, "against": 0, "rests_on": 1, "dependents": 0},
        },
    }
    assert out == json.dumps(expected, indent=2) + "\n"


def test_json_output_is_the_same_every_time(folder: Path) -> None:
    for command in (("stats",), ("evaluate", "--semantics", "stable")):
        first = run(*command, "map.yaml", "--format", "json")
        assert run(*command, "map.yaml", "--format", "json") == first


@pytest.mark.parametrize("option", ["--accept", "--reject"])
def test_stated_only_with_an_implicit_id_is_bad_usage(folder: Path, option: str) -> None:
    assert run("evaluate", "map.yaml", "--stated-only", option, "munitions-only") == (
        2,
        "",
        f"argmap evaluate: error: {option} names 'munitions-only', which is implicit "
        "(the map adds it), and --stated-only leaves it out; name a stated statement, "
        "or drop --stated-only\n",
    )
    assert run("evaluate", "map.yaml", option, "munitions-only")[0] == 0


def test_unknown_ids_and_formats_are_bad_usage_in_json_too(folder: Path) -> None:
    status, out, err = run("evaluate", "map.yaml", "--format", "json", "--accept", "trad")
    assert (status, out) == (2, "")
    assert err == (
        "argmap evaluate: error: --accept names 'trad', which is not a statement of the map "
        "(did you mean 'trade'?)\n"
    )
    for command in ("evaluate", "stats"):
        status, out, err = run(command, "map.yaml", "--format", "xml")
        assert (status, out) == (2, "")
        assert "argument --format: invalid choice: 'xml' (choose from" in err


@pytest.mark.parametrize("command", ["evaluate", "stats"])
def test_a_bad_map_in_json_mode_exits_1_with_the_error_on_stderr(
    folder: Path, command: str
) -> None:
    status, out, err = run(command, "broken.yaml", "--format", "json")
    assert (status, out) == (1, "")
    assert err.startswith("broken.yaml:")
    assert "unknown-statement" in err


def test_stated_only_belongs_to_evaluate_only(folder: Path) -> None:
    status, _, err = run("render", "map.yaml", "--evaluate", "--stated-only")
    assert status == 2
    assert "unrecognized arguments: --stated-only" in err
