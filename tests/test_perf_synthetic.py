"""The benchmarks' synthetic maps: deterministic, valid, and the same map in YAML and Argdown.

The comparison with Argdown is only fair if both tools get the same map:
the YAML file is checked here against an independent reading of the
Argdown file, and against Argdown's own reading of it (``argdown json``)
when its CLI is installed.
"""

from __future__ import annotations

import collections
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import argmap

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import synthetic  # noqa: E402 - bench/ is not a package


def test_the_same_size_gives_the_same_map() -> None:
    assert synthetic.generate(300) == synthetic.generate(300)
    assert synthetic.to_yaml(synthetic.generate(300)) == synthetic.to_yaml(synthetic.generate(300))
    # Pinned, so that benchmark figures of different days compare the same maps.
    text = synthetic.to_yaml(synthetic.generate(50)) + synthetic.to_argdown(synthetic.generate(50))
    assert hashlib.sha256(text.encode()).hexdigest()[:16] == "287b96d21161aaca"


def test_sizes_differ_and_sizing_by_statements_works() -> None:
    assert synthetic.generate(10) != synthetic.generate(11)
    for size in (1000, 10_000):
        m = synthetic.generate(statements=size)
        assert size <= len(m.statements) <= size + 2
    with pytest.raises(ValueError, match="either arguments or statements"):
        synthetic.generate(10, statements=10)


def test_the_map_has_the_shape_the_benchmarks_describe() -> None:
    m = synthetic.generate(2000)
    assert len(m.arguments) == 2000
    order = {a.id: i for i, a in enumerate(m.arguments)}
    owner = {p: a.id for a in m.arguments for p in a.premises if p.startswith(f"p{a.id[1:]}-")}
    supports = sum(a.kind == "support" for a in m.arguments)
    assert 0.55 < supports / 2000 < 0.65
    second = sum(any(p not in owner or owner[p] != a.id for p in a.premises) for a in m.arguments)
    assert 0.10 < second / 2000 < 0.20
    for a in m.arguments:
        assert 2 <= len(a.premises) <= 3
        if a.id != "a1":  # each targets a premise of an earlier argument
            assert order[owner[a.target]] < order[a.id]


@pytest.mark.parametrize("size", [10, 500])
def test_the_yaml_is_a_clean_map_written_as_argmap_writes_it(size: int) -> None:
    generated = synthetic.generate(size)
    text = synthetic.to_yaml(generated)
    m = argmap.loads(text, file="synthetic.yaml")
    assert argmap.check(m) == ()
    assert argmap.dumps(m) == text
    assert list(m.statements) == list(generated.statements)
    for a in generated.arguments:
        assert m.arguments[a.id].premises == tuple(a.premises)
        assert (m.arguments[a.id].kind, m.arguments[a.id].target) == (a.kind, a.target)


def read_argdown(text: str) -> tuple[dict[str, str], dict[str, dict[str, object]]]:
    """The statements and arguments of the Argdown subset the generator writes.

    Arguments: premises, conclusion and the conclusion's attacks.
    """
    statements: dict[str, str] = {}
    arguments: dict[str, dict[str, object]] = {}
    current: dict[str, object] | None = None
    for line in text.splitlines():
        if match := re.fullmatch(r"(?:\(\d+\) )?\[([\w.-]+)\](?:: (.+))?", line):
            sid, body = match.groups()
            if body is not None:
                assert sid not in statements, f"{sid} defined twice"
                statements[sid] = body
            assert sid in statements, f"{sid} used before it is defined"
            if current is not None and line.startswith("("):
                key = "conclusion" if current["inference"] else "premises"
                if key == "premises":
                    current["premises"].append(sid)  # type: ignore[attr-defined]
                else:
                    current["conclusion"] = sid
        elif match := re.fullmatch(r"<([\w.-]+)>", line):
            current = {"premises": [], "inference": False, "conclusion": None, "attacks": []}
            arguments[match.group(1)] = current
        elif line == "----":
            assert current is not None
            current["inference"] = True
        elif match := re.fullmatch(r" {4}-> \[([\w.-]+)\]", line):
            assert current is not None
            current["attacks"].append(match.group(1))  # type: ignore[attr-defined]
        else:
            assert line in ("", "===") or line.startswith("title: "), line
    return statements, arguments


def test_the_argdown_file_holds_the_same_map() -> None:
    generated = synthetic.generate(500)
    m = argmap.loads(synthetic.to_yaml(generated), file="synthetic.yaml")
    statements, arguments = read_argdown(synthetic.to_argdown(generated))
    conclusions = {f"{aid}-c" for aid, a in m.arguments.items() if a.kind == "attack"}
    assert set(statements) == set(m.statements) | conclusions
    for sid, statement in m.statements.items():
        assert statements[sid] == statement.text
    assert list(arguments) == list(m.arguments)
    for aid, a in m.arguments.items():
        assert arguments[aid]["premises"] == list(a.premises)
        if a.kind == "support":  # supports its target by concluding it
            assert arguments[aid]["conclusion"] == a.target
            assert arguments[aid]["attacks"] == []
        else:  # concludes a statement of its own, which attacks the target
            assert arguments[aid]["conclusion"] == f"{aid}-c"
            assert arguments[aid]["attacks"] == [a.target]


def argdown_json(argdown_cli: str, folder: Path, which: int) -> tuple[Any, argmap.ArgumentMap]:
    """What ``argdown json`` makes of a map of 200 arguments, and the map itself.

    ``which`` picks the Argdown file, as :func:`synthetic.paths` orders them:
    1 titled, 2 untitled.
    """
    generated = synthetic.generate(200)
    argdown_path = synthetic.write(generated, folder / "synthetic")[which]
    subprocess.run(
        [argdown_cli, "json", str(argdown_path), str(folder)], capture_output=True, check=True
    )
    json_path = argdown_path.with_name(argdown_path.name.removesuffix(".argdown") + ".json")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    return data, argmap.loads(synthetic.to_yaml(generated), file="synthetic.yaml")


def test_argdown_reads_the_same_map(argdown_cli: str, tmp_path: Path) -> None:
    data, m = argdown_json(argdown_cli, tmp_path, 1)
    conclusions = {f"{aid}-c" for aid, a in m.arguments.items() if a.kind == "attack"}
    assert set(data["statements"]) == set(m.statements) | conclusions
    assert set(data["arguments"]) == set(m.arguments)
    for aid, a in m.arguments.items():
        pcs = data["arguments"][aid]["pcs"]
        assert [s["title"] for s in pcs if s["role"] == "premise"] == list(a.premises)
        [conclusion] = [s["title"] for s in pcs if s["role"] == "main-conclusion"]
        assert conclusion == (a.target if a.kind == "support" else f"{aid}-c")
    attacks = {(r["from"], r["to"]) for r in data["relations"] if r["relationType"] == "attack"}
    expected = {(f"{aid}-c", a.target) for aid, a in m.arguments.items() if a.kind == "attack"}
    assert attacks == expected
    assert all(r["relationType"] == "attack" for r in data["relations"])


def test_the_untitled_argdown_file_titles_only_what_occurs_twice(
    argdown_cli: str, tmp_path: Path
) -> None:
    data, m = argdown_json(argdown_cli, tmp_path, 2)
    assert set(data["arguments"]) == set(m.arguments)
    uses = collections.Counter(
        [
            *(a.target for a in m.arguments.values()),
            *(p for a in m.arguments.values() for p in a.premises),
        ]
    )
    titled = {sid for sid, n in uses.items() if n > 1} | {"t"}
    assert {s for s in data["statements"] if not s.startswith("Untitled")} == titled | {
        f"{aid}-c" for aid, a in m.arguments.items() if a.kind == "attack"
    }
    for aid, a in m.arguments.items():
        pcs = data["arguments"][aid]["pcs"]
        premises = [s for s in pcs if s["role"] == "premise"]
        assert len(premises) == len(a.premises)
        for premise, sid in zip(premises, a.premises, strict=True):
            if sid in titled:
                assert premise["title"] == sid
            else:  # written once, as text: Argdown names it
                assert premise["title"].startswith("Untitled ")
                assert premise["text"] == m.statements[sid].text
