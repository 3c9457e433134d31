"""The speed-ups change no reported issue.

Loading and checking take quicker paths for the usual case (the fast YAML
reader, entities built at once, the rules run once per map, a cycle test
before ordering components). Here the issues of several hundred maps, the
shipped ones and broken mutants of them, are compared with the issues
argmap reported before those speed-ups (``tests/golden/perf-check-issues.json``),
and with the slow paths switched off and on.

After an intended change to what ``check`` reports, rewrite the golden file
with ``python tests/test_perf_check.py``.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, MapError, _check, _format, _graph, _yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpora" / "perf-check"
GOLDEN = ROOT / "tests" / "golden" / "perf-check-issues.json"
SEEDS = sorted([*(CORPUS / "maps").glob("*.yaml"), *(CORPUS / "examples").glob("*.yaml")])
MUTANTS = 240
INSERTS = [
    ":", ": ", "- ", "\n", "\n  ", "\n- ", " ", "#", "'", '"', "[", "]", "{", "}", ",", "|",
    "&a", "*a", "~", "1", "yes", "\t", "x", "zz", "supports: ", "attacks: ", "undercuts: ",
    "premises: [", "by: ", "quote: ", "text: ", "- a\n", "status: maybe",
]  # fmt: skip


def cases() -> Iterator[tuple[str, Path, str]]:
    """The seeds as they are, then mutants of them: name, where it stands, text.

    Mutations use nothing but ``random.random``, whose sequence for a seed
    is the same in every Python version.
    """
    texts = [(path, path.read_text(encoding="utf-8")) for path in SEEDS]
    for path, text in texts:
        yield path.name, path, text
    rng = random.Random(20240619)
    for number in range(MUTANTS):
        path, text = texts[int(rng.random() * len(texts))]
        chars = list(text)
        for _ in range(1 + int(rng.random() * 3)):
            where = int(rng.random() * (len(chars) + 1))
            edit = rng.random()
            if edit < 0.3:
                del chars[where : where + 1 + int(rng.random() * 12)]
            elif edit < 0.8:
                chars[where:where] = list(INSERTS[int(rng.random() * len(INSERTS))])
            elif edit < 0.9 and where < len(chars):
                chars[where] = chr(32 + int(rng.random() * 95))
            else:
                chars[where:where] = chars[where : where + 1 + int(rng.random() * 60)]
        yield (
            f"mutant-{number}-{path.stem}",
            path.with_name(f"mutant-{number}.yaml"),
            "".join(chars),
        )


def issues_of(text: str, file: Path) -> list[str]:
    """What ``argmap check`` reports for a map file holding ``text``, paths made relative."""
    try:
        issues: tuple[object, ...] = argmap.check(argmap.loads(text, file=str(file)))
    except MapError as exc:
        issues = exc.issues
    except ArgmapError as exc:
        issues = (exc,)
    return [str(issue).replace(str(CORPUS), "<corpus>") for issue in issues]


CASES = list(cases())


def test_the_cases_are_varied() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(golden) == len(CASES) == len(SEEDS) + MUTANTS
    assert sum(1 for issues in golden.values() if not issues) > 20  # clean maps
    assert sum(1 for issues in golden.values() if issues) > 150  # and broken ones
    codes = {line.split(": ")[2] for issues in golden.values() for line in issues if ": " in line}
    assert len(codes) > 15


@pytest.mark.parametrize(("name", "file", "text"), CASES, ids=[name for name, _, _ in CASES])
def test_check_reports_what_it_reported_before_the_speed_ups(
    name: str, file: Path, text: str
) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert issues_of(text, file) == golden[name]


def test_the_quick_paths_report_what_the_slow_ones_do(monkeypatch: pytest.MonkeyPatch) -> None:
    quick = [issues_of(text, file) for _, file, text in CASES]
    monkeypatch.setattr(_yaml, "read_fast", lambda text, file: None)
    monkeypatch.setattr(_format, "_simple_statement", lambda *args, **keywords: None)
    monkeypatch.setattr(_format, "_simple_argument", lambda *args, **keywords: None)
    monkeypatch.setattr(_check, "has_cycle", lambda successors: True)
    slow = []
    for _, file, text in CASES:
        _check._LastRules.entry = None  # the rules run again, on their own
        slow.append(issues_of(text, file))
    assert quick == slow


def test_the_rules_run_once_per_map(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = _check._references

    def counted(argument_map: argmap.ArgumentMap) -> Iterator[object]:
        calls.append(argument_map)
        return original(argument_map)

    monkeypatch.setattr(_check, "_references", counted)
    m = argmap.load(CORPUS / "maps" / "china.yaml")
    assert calls == [m]  # loading runs the rules, to refuse an invalid map
    issues = argmap.check(m)
    assert calls == [m]  # checking reuses them
    copy = attrs.evolve(m)
    assert argmap.check(copy) == issues
    assert calls == [m, copy]  # another map object: the rules run for it


def test_a_map_without_a_cycle_never_orders_components(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("strongly_connected ran")

    monkeypatch.setattr(_check, "strongly_connected", refuse)
    argmap.check(argmap.load(CORPUS / "maps" / "relations.yaml"))


graphs = st.dictionaries(st.integers(0, 12), st.lists(st.integers(0, 12), max_size=4), max_size=12)


@settings(max_examples=300, deadline=None)
@given(successors=graphs)
def test_has_cycle_agrees_with_the_components(successors: dict[int, list[int]]) -> None:
    nodes = sorted({*successors, *(t for targets in successors.values() for t in targets)})
    components = _graph.strongly_connected(nodes, lambda node: successors.get(node, []))
    loops = any(node in targets for node, targets in successors.items())
    assert _graph.has_cycle(successors) == (loops or any(len(c) > 1 for c in components))


def write_golden() -> None:
    """Record what the argmap on the path reports for every case."""
    result = {name: issues_of(text, file) for name, file, text in CASES}
    GOLDEN.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN} ({len(result)} cases)")


if __name__ == "__main__":
    write_golden()
