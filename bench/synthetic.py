"""Deterministic synthetic argument maps, written as argmap YAML and as Argdown.

A map of N arguments: each argument has two or three premises of its own
and targets a premise of an earlier argument, supporting it (60%) or
attacking it (40%); the first argument supports the thesis. 15% of the
arguments have a second relation: one premise is a statement that an
earlier argument concludes, so that argument supports this one too.

The same map in both formats:

* argmap YAML, canonical (as ``argmap.dumps`` writes it): a supporting
  argument ``supports`` its target, an attacking one ``attacks`` it;
* Argdown, each argument a premise-conclusion structure: a supporting
  argument concludes its target itself (Argdown derives the support from
  the shared statement), an attacking one concludes a statement of its own
  that attacks the target (``-> [target]``), as a premise-conclusion
  structure needs a conclusion. The Argdown file therefore has one
  statement more per attacking argument than the YAML file.

Usage: ``python bench/synthetic.py N OUT_STEM`` writes ``OUT_STEM.yaml``,
``OUT_STEM.argdown`` and ``OUT_STEM.untitled.argdown`` (see :func:`to_argdown`);
``--statements S`` instead sizes the map by its count of statements.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from pathlib import Path

#: Fixed, so the same N always gives the same map.
SEED = 20240619

WORDS = (
    "alliance",
    "analysts",
    "argue",
    "border",
    "capital",
    "claims",
    "commitments",
    "conflict",
    "cooperation",
    "credible",
    "deal",
    "deterrence",
    "diplomacy",
    "economy",
    "envoy",
    "evidence",
    "exports",
    "foundation",
    "guarantee",
    "history",
    "incentive",
    "influence",
    "interest",
    "leaders",
    "leverage",
    "markets",
    "military",
    "motive",
    "negotiation",
    "neighbours",
    "officials",
    "partners",
    "pressure",
    "promise",
    "reasons",
    "regime",
    "relations",
    "report",
    "resources",
    "risk",
    "sanctions",
    "security",
    "signal",
    "strategy",
    "summit",
    "support",
    "supplies",
    "talks",
    "technology",
    "threat",
    "trade",
    "treaty",
    "trust",
    "visit",
    "weapons",
)


@dataclass
class Argument:
    """One argument: its id, premise ids, target id and relation."""

    id: str
    premises: list[str]
    kind: str  # "support" or "attack"
    target: str


@dataclass
class SyntheticMap:
    """A generated map: statements (id to text) and arguments, in order."""

    title: str
    statements: dict[str, str] = field(default_factory=dict)
    arguments: list[Argument] = field(default_factory=list)
    #: Text of the statement each attacking argument concludes (Argdown only).
    attack_conclusions: dict[str, str] = field(default_factory=dict)


#: Longest statement text: its YAML line stays within the width ``argmap.dumps`` writes.
MAX_TEXT = 86


def _sentence(rng: random.Random) -> str:
    """A sentence of 7 to 13 words, at most :data:`MAX_TEXT` characters."""
    words: list[str] = []
    for _ in range(rng.randint(7, 13)):
        word = rng.choice(WORDS)
        if len(" ".join([*words, word])) >= MAX_TEXT:
            break
        words.append(word)
    return " ".join(words).capitalize() + "."


def generate(arguments: int | None = None, *, statements: int | None = None) -> SyntheticMap:
    """The synthetic map of ``arguments`` arguments, or of about ``statements`` statements.

    With ``statements``, arguments are added until the map has at least that
    many statements (at most two more).
    """
    if (arguments is None) == (statements is None):
        raise ValueError("give either arguments or statements")
    size = arguments if arguments is not None else statements
    assert size is not None
    rng = random.Random(f"{SEED}-{'a' if arguments is not None else 's'}{size}")
    title = (
        f"Synthetic map of {arguments} arguments"
        if arguments is not None
        else f"Synthetic map of {statements} statements"
    )
    m = SyntheticMap(title)
    m.statements["t"] = _sentence(rng)
    own: list[list[str]] = []  # each argument's own (fresh) premises
    concluded: list[str] = []  # statements that a supporting argument concludes
    supports: dict[str, list[str]] = {}  # statement -> statements it supports
    i = 0
    while True:
        if arguments is not None and i >= arguments:
            break
        if statements is not None and len(m.statements) >= statements:
            break
        i += 1
        aid = f"a{i}"
        fresh = [f"p{i}-{x}" for x in range(1, rng.choice((2, 3)) + 1)]
        for sid in fresh:
            m.statements[sid] = _sentence(rng)
        if i == 1:
            kind, target = "support", "t"
        else:
            earlier = own[rng.randrange(len(own))]
            target = rng.choice(earlier)
            kind = "support" if rng.random() < 0.6 else "attack"
        premises = list(fresh)
        if i > 1 and rng.random() < 0.15 and concluded:
            reused = concluded[rng.randrange(len(concluded))]
            if reused != target and not (kind == "support" and _reaches(supports, target, reused)):
                premises[-1] = reused
                del m.statements[fresh[-1]]
                fresh.pop()
        own.append(fresh)
        if kind == "support":
            concluded.append(target)
            for premise in premises:
                supports.setdefault(premise, []).append(target)
        else:
            m.attack_conclusions[aid] = _sentence(rng)
        m.arguments.append(Argument(aid, premises, kind, target))
    return m


def _reaches(supports: dict[str, list[str]], start: str, goal: str) -> bool:
    """Whether ``goal`` can be reached from ``start`` along support (a cycle if added)."""
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        for successor in supports.get(node, ()):
            if successor not in seen:
                seen.add(successor)
                stack.append(successor)
    return False


def to_yaml(m: SyntheticMap) -> str:
    """The map as canonical argmap YAML, as ``argmap.dumps`` writes it."""
    lines = ["argmap: 1", f"title: {m.title}", "statements:"]
    for sid, text in m.statements.items():
        lines += [f"  {sid}:", f"    text: {text}"]
    lines.append("arguments:")
    for a in m.arguments:
        verb = "supports" if a.kind == "support" else "attacks"
        premises = ", ".join(a.premises)
        lines += [f"  {a.id}:", f"    premises: [{premises}]", f"    {verb}: {a.target}"]
    return "\n".join(lines) + "\n"


def to_argdown(m: SyntheticMap, *, titled: bool = True) -> str:
    """The same map in Argdown: one premise-conclusion structure per argument.

    ``titled``: every statement has a title, so Argdown's map draws each one,
    as argmap does. Otherwise only the statements that occur twice have one
    (Argdown's usual style): its map then draws the arguments and those
    statements, and keeps each other premise inside its argument, as
    ``argmap render --no-premises`` does.
    """
    written: set[str] = set()
    shared = {a.target for a in m.arguments} | {"t"}
    used: set[str] = set()
    for a in m.arguments:
        shared.update(p for p in a.premises if p in used)
        used.update(a.premises)

    def ref(sid: str) -> str:
        """``[id]: text`` where a statement first occurs, ``[id]`` after that."""
        if not titled and sid not in shared:
            return m.statements[sid]
        if sid in written:
            return f"[{sid}]"
        written.add(sid)
        return f"[{sid}]: {m.statements[sid]}"

    out = ["===", f"title: {m.title}", "===", "", ref("t"), ""]
    for a in m.arguments:
        out += [f"<{a.id}>", ""]
        out += [f"({n}) {ref(p)}" for n, p in enumerate(a.premises, 1)]
        out.append("----")
        conclusion = len(a.premises) + 1
        if a.kind == "support":
            out.append(f"({conclusion}) {ref(a.target)}")
        else:
            out.append(f"({conclusion}) [{a.id}-c]: {m.attack_conclusions[a.id]}")
            out.append(f"    -> [{a.target}]")
        out.append("")
    return "\n".join(out)


def paths(stem: Path) -> tuple[Path, Path, Path]:
    """The files :func:`write` writes: ``stem.yaml``, ``.argdown``, ``.untitled.argdown``."""
    named = stem.name
    return (
        stem.with_name(named + ".yaml"),
        stem.with_name(named + ".argdown"),
        stem.with_name(named + ".untitled.argdown"),
    )


def write(m: SyntheticMap, stem: Path) -> tuple[Path, Path, Path]:
    """Write the map's three files (see :func:`paths`); return their paths."""
    yaml_path, argdown_path, untitled_path = paths(stem)
    yaml_path.write_text(to_yaml(m), encoding="utf-8")
    argdown_path.write_text(to_argdown(m), encoding="utf-8")
    untitled_path.write_text(to_argdown(m, titled=False), encoding="utf-8")
    return yaml_path, argdown_path, untitled_path


def main() -> None:
    """Command line: write one synthetic map in both formats."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="number of arguments (or statements)")
    parser.add_argument("stem", type=Path, help="output path without suffix")
    parser.add_argument("--statements", action="store_true", help="size is a statement count")
    parser.add_argument(
        "--counts", action="store_true", help="print the counts of statements and arguments"
    )
    args = parser.parse_args()
    m = generate(statements=args.size) if args.statements else generate(args.size)
    paths = write(m, args.stem)
    if args.counts:
        print(len(m.statements), len(m.arguments))
    else:
        for path in paths:
            print(path)


if __name__ == "__main__":
    main()
