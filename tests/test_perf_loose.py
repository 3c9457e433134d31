"""The benchmarks' loose-style Argdown debates: deterministic, of the shape described, read alike.

docs/performance.md describes the debates bench/loose.py writes; the
comparison with Argdown is only fair if both tools read the same relations
from them, which is checked against Argdown's own reading (``argdown json``)
when its CLI is installed.
"""

from __future__ import annotations

import gc
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import argmap
from argmap.view import build_view

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import loose  # noqa: E402 - bench/ is not a package


def test_the_same_size_gives_the_same_debate() -> None:
    assert loose.generate(300) == loose.generate(300)
    assert loose.generate(10) != loose.generate(11)
    # Pinned, so that benchmark figures of different days compare the same debates.
    text = loose.to_argdown(loose.generate(50))
    assert hashlib.sha256(text.encode()).hexdigest()[:16] == "75d8ccd3385a9464"


def test_the_debate_has_the_shape_the_benchmarks_describe() -> None:
    debate = loose.generate(2000)
    arguments = debate.arguments
    assert [a.id for a in arguments] == [f"a{i}" for i in range(1, 2001)]
    relations = [(a, kind, target) for a in arguments for kind, target in a.relations]
    supports = sum(kind == "support" for _, kind, _ in relations)
    assert 0.55 < supports / len(relations) < 0.65
    second = sum(len(a.relations) == 2 for a in arguments)
    assert 0.10 < second / 2000 < 0.20
    assert arguments[0].relations == []
    assert all(1 <= len(a.relations) <= 2 for a in arguments[1:])
    for a, _, target in relations:  # each relation is to an earlier argument
        assert int(target[1:]) < int(a.id[1:])
    titled_first = set()
    for i, a in enumerate(arguments, 1):
        assert 2 <= len(a.premises) <= 3
        assert (a.premises[0] in debate.titled) == (i % 5 == 0)
        if i % 5 == 0:
            titled_first.add(a.premises[0])
        if i % 7 == 0 and i > 5:  # reuses a titled premise of an earlier argument
            assert a.premises[-1] in titled_first - {a.premises[0]}
        else:
            assert all(p not in debate.titled for p in a.premises[1:])
    assert debate.statements() == 2000 + sum(
        sum(p not in debate.titled for p in a.premises) for a in arguments
    ) + len(debate.titled)


def test_attacks_only_leaves_out_the_supports() -> None:
    debate = loose.generate(200)
    text = loose.to_argdown(debate, supports=False)
    assert "+>" not in text
    assert text.count("    -> <") == debate.relations(supports=False)
    assert loose.to_argdown(debate).count("    +> <") == debate.relations() - debate.relations(
        supports=False
    )


def test_argmap_reads_every_relation_between_arguments() -> None:
    debate = loose.generate(100)
    m = argmap.loads(loose.to_argdown(debate), file="loose.argdown")
    assert {f"a{i}" for i in range(1, 101)} <= set(m.arguments)
    relations = sorted((a.kind, a.target) for a in m.arguments.values() if a.target in m.arguments)
    assert relations == sorted((kind, t) for a in debate.arguments for kind, t in a.relations)


def test_reading_a_debate_leaves_nothing_for_the_garbage_collector() -> None:
    """The reader's helpers link each other both ways; it unlinks them when done, so
    that they are freed at once and the collector never looks through a read map."""
    text = loose.to_argdown(loose.generate(100))
    argmap.loads(text, file="loose.argdown")  # first: what imports leave behind
    gc.collect()
    gc.disable()
    try:
        m = argmap.loads(text, file="loose.argdown")
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert len(m.arguments) > 100


def test_without_premises_argmap_draws_each_relation_as_an_arrow_between_arguments() -> None:
    """As Argdown's map: one node per argument (and the main thesis), one edge per relation."""
    debate = loose.generate(100)
    m = argmap.loads(loose.to_argdown(debate), file="loose.argdown")
    view = build_view(m, premises=False)
    assert sorted(n.id for n in view.nodes if n.kind == "argument") == sorted(
        f"argument-a{i}" for i in range(1, 101)
    )
    assert [n.kind for n in view.nodes if n.kind != "argument"] == ["statement"]
    between = sorted(
        (e.kind, e.source, e.target) for e in view.edges if e.target.startswith("argument-")
    )
    assert between == sorted(
        (kind, f"argument-{a.id}", f"argument-{t}")
        for a in debate.arguments
        for kind, t in a.relations
    )


def test_argdown_reads_the_same_relations(argdown_cli: str, tmp_path: Path) -> None:
    debate = loose.generate(100)
    path = tmp_path / "loose.argdown"
    path.write_text(loose.to_argdown(debate), encoding="utf-8")
    subprocess.run([argdown_cli, "json", str(path), str(tmp_path)], capture_output=True, check=True)
    data = json.loads((tmp_path / "loose.json").read_text(encoding="utf-8"))
    assert set(data["arguments"]) == {a.id for a in debate.arguments}
    # Argdown reads a relation of an argument as one of its conclusion, as argmap does.
    concluding = {
        s["title"]: aid
        for aid, argument in data["arguments"].items()
        for s in argument["pcs"]
        if s["role"] == "main-conclusion"
    }
    relations = sorted(
        (r["relationType"], concluding[r["from"]], r["to"]) for r in data["relations"]
    )
    expected = sorted((kind, a.id, t) for a in debate.arguments for kind, t in a.relations)
    assert relations == expected
    for a in debate.arguments:
        pcs = data["arguments"][a.id]["pcs"]
        assert len(pcs) == len(a.premises) + 1
