"""Synthetic Argdown debates in the loose style most Argdown authors write.

A debate of N arguments, each related to another *argument* rather than to a
statement: ``<a5> +> <a2>`` (support, 60%) or ``<a5> -> <a2>`` (attack,
40%), to an earlier argument picked at random; 15% of the arguments have a
second relation, to another earlier argument. Each argument is
reconstructed as a premise-conclusion structure of 2 or 3 untitled premises
and an untitled conclusion; the first premise of every 5th argument has a
title, and every 7th argument reuses a titled premise of an earlier
argument (its last premise is that statement). So, as in Argdown's own
examples, most statements are plain text inside their argument, and the
few titled ones are shared.

Written as Argdown only: the debate section first (each argument with its
relations), then the reconstructions. ``supports=False`` writes the attacks
alone (the supports are drawn the same and left out), for a reader that
cannot import relations of support between arguments.

Usage: ``python bench/loose.py N OUT.argdown [--attacks-only] [--counts]``;
``--counts`` prints the statements, arguments, and relations written.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from pathlib import Path

from synthetic import _sentence

#: Fixed, so the same N always gives the same debate.
SEED = 20261206


@dataclass
class LooseArgument:
    """One argument: its premises (text, or a title), its conclusion and its relations."""

    id: str
    premises: list[str]
    conclusion: str
    #: (kind, target argument id), kind "support" or "attack".
    relations: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Debate:
    """A generated debate: the titled statements (title to text) and the arguments."""

    title: str
    titled: dict[str, str] = field(default_factory=dict)
    arguments: list[LooseArgument] = field(default_factory=list)

    def statements(self) -> int:
        """Statements written: every untitled premise and conclusion, and each title once."""
        untitled = sum(
            1 + sum(1 for p in a.premises if p not in self.titled) for a in self.arguments
        )
        return untitled + len(self.titled)

    def relations(self, *, supports: bool = True) -> int:
        """Relations between arguments written."""
        return sum(
            1 for a in self.arguments for kind, _ in a.relations if supports or kind == "attack"
        )


def generate(n: int) -> Debate:
    """The debate of ``n`` arguments (the same for the same ``n``)."""
    rng = random.Random(f"{SEED}-{n}")
    debate = Debate(f"Loose debate of {n} arguments")
    for i in range(1, n + 1):
        premises = [_sentence(rng) for _ in range(rng.choice((2, 3)))]
        argument = LooseArgument(f"a{i}", premises, _sentence(rng))
        if i % 5 == 0:
            title = f"s{i}"
            debate.titled[title] = premises[0]
            premises[0] = title
        if i % 7 == 0:
            earlier = [t for t in debate.titled if t != premises[0]]
            if earlier:
                premises[-1] = rng.choice(earlier)
        if i > 1:
            kind = "support" if rng.random() < 0.6 else "attack"
            target = rng.randrange(1, i)
            argument.relations.append((kind, f"a{target}"))
            if i > 2 and rng.random() < 0.15:
                second = rng.randrange(1, i)
                if second != target:
                    kind = "support" if rng.random() < 0.6 else "attack"
                    argument.relations.append((kind, f"a{second}"))
        debate.arguments.append(argument)
    return debate


def to_argdown(debate: Debate, *, supports: bool = True) -> str:
    """The debate in Argdown: the relations between arguments, then each reconstruction."""
    out = ["===", f"title: {debate.title}", "===", "", "# The debate", ""]
    for a in debate.arguments:
        relations = [(k, t) for k, t in a.relations if supports or k == "attack"]
        if not relations:
            continue
        out.append(f"<{a.id}>")
        out += [f"    {'+>' if k == 'support' else '->'} <{t}>" for k, t in relations]
        out.append("")
    out += ["# The arguments", ""]
    written: set[str] = set()
    for a in debate.arguments:
        out += [f"<{a.id}>", ""]
        for number, premise in enumerate(a.premises, 1):
            if premise not in debate.titled:
                out.append(f"({number}) {premise}")
            elif premise in written:
                out.append(f"({number}) [{premise}]")
            else:
                written.add(premise)
                out.append(f"({number}) [{premise}]: {debate.titled[premise]}")
        out += ["----", f"({len(a.premises) + 1}) {a.conclusion}", ""]
    return "\n".join(out)


def main() -> None:
    """Command line: write one loose-style debate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="number of arguments")
    parser.add_argument("path", type=Path, help="the Argdown file to write")
    parser.add_argument(
        "--attacks-only", action="store_true", help="leave out the supports between arguments"
    )
    parser.add_argument(
        "--counts", action="store_true", help="print statements, arguments, relations"
    )
    args = parser.parse_args()
    debate = generate(args.size)
    supports = not args.attacks_only
    args.path.write_text(to_argdown(debate, supports=supports), encoding="utf-8")
    if args.counts:
        print(debate.statements(), len(debate.arguments), debate.relations(supports=supports))


if __name__ == "__main__":
    main()
