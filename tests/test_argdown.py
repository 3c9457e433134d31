"""Argdown import and export: the corpora as Argdown reads them, the syntax, round trips."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap, MapError, RelationType, Severity
from argmap._argdown import read as reader
from argmap._argdown import syntax
from argmap.model import plain

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpora" / "argdown"
DOCUMENTS = sorted(p.stem for p in CORPUS.glob("*.argdown"))
SHIPPED = sorted((ROOT / "maps").glob("*.yaml"))


def read(text: str, file: str = "t.argdown") -> ArgumentMap:
    return argmap.loads(text, file=file, format="argdown")


def corpus(name: str) -> ArgumentMap:
    return argmap.load(CORPUS / f"{name}.argdown")


# -- reducing both readings to comparable sets -----------------------------------

UNTITLED = re.compile(r"Untitled \d+\Z")
LINK = re.compile(r"\[([^\]]+?)\]\([^)]+?\)")
TRAILING_TAGS = re.compile(r"(\s*#(\([^)]*\)|[\w-]+))+\s*\Z")

Key = tuple[str, str]
Reduced = tuple[set[Key], set[Key], set[tuple[Key, Key, str]], set[tuple[Key, str, Key]]]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def reduce_argdown(data: dict[str, Any], *, by_text: bool = False) -> Reduced:
    """Argdown's JSON as (statements, arguments, pcs roles, relations).

    A statement is its title, or its text when Argdown titled it "Untitled N"
    (or when argmap, writing it, declared it untitled: ``argmap: {title: null}``);
    with ``by_text``, always its text (its title when it has none).
    A relation that starts at the main conclusion of one argument is that
    argument's (Argdown moves an argument's outgoing relations onto its
    conclusion). Entailment is support; contrary and contradictory statements
    attack each other.
    """

    def statement(title: str) -> Key:
        ec = data["statements"][title]
        reserved = (ec.get("data") or {}).get("argmap", {})
        if UNTITLED.match(title) or reserved.get("title", "") is None or by_text:
            defined = [m.get("text") for m in ec["members"] if not m.get("isReference")]
            text = reserved.get("text") or (defined[-1] if defined else None) or title
            return ("text", norm(LINK.sub(r"\1", TRAILING_TAGS.sub("", text))))
        return ("title", title)

    arguments = {("argument", title) for title in data["arguments"]}
    roles = set()
    concluded_by: dict[Key, list[str]] = {}
    for title, argument in data["arguments"].items():
        for member in argument["pcs"]:
            roles.add((("argument", title), statement(member["title"]), member["role"]))
            if member["role"] == "main-conclusion":
                concluded_by.setdefault(statement(member["title"]), []).append(title)

    def node(name: str, kind: str) -> Key:
        if kind == "equivalence-class":
            key = statement(name)
            owners = concluded_by.get(key, [])
            return ("argument", owners[0]) if len(owners) == 1 else key
        return ("argument", name)  # an argument, or one of its inferences

    relations = set()
    for relation in data["relations"]:
        kind = relation["relationType"]
        plain_kind = {"entails": "support", "contrary": "attack", "contradictory": "attack"}
        source = node(relation["from"], relation["fromType"])
        target = node(relation["to"], relation["toType"])
        relations.add((source, plain_kind.get(kind, kind), target))
        if kind in ("contrary", "contradictory"):
            relations.add((target, "attack", source))
    return {statement(t) for t in data["statements"]}, arguments, roles, relations


def reduce_argmap(m: ArgumentMap) -> Reduced:
    """An imported map as the same sets, read back through the marks argmap keeps.

    A statement marked ``argdown: {argument: T}`` stands for argument T (it is
    the premise made from T's description); an argument marked
    ``argdown: {step-of: X}`` is an inference of X's premise-conclusion
    structure. An argument whose target is an argument supports, attacks or
    undercuts that argument.
    """

    def marker(item: Any, key: str) -> Any:
        markers = plain(item.data).get("argdown")
        return markers.get(key) if isinstance(markers, dict) else None

    stands_for = {sid: marker(s, "argument") for sid, s in m.statements.items()}
    stands_for = {sid: title for sid, title in stands_for.items() if title}

    def statement(sid: str) -> Key:
        s = m.statements[sid]
        return ("title", s.title) if s.title else ("text", norm(LINK.sub(r"\1", s.text)))

    owner: dict[str, str] = {}  # argmap argument -> Argdown argument title
    mains: dict[str, list[str]] = {}  # Argdown argument title -> its inferences, main last
    for aid, a in m.arguments.items():
        step_of = marker(a, "step-of")
        if len(a.premises) == 1 and a.premises[0] in stands_for:
            owner[aid] = stands_for[a.premises[0]]
        elif step_of:
            owner[aid] = m.arguments[step_of].title or step_of
            mains.setdefault(owner[aid], []).insert(0, aid)
        elif a.title and a.kind == "support":
            owner[aid] = a.title
            mains.setdefault(a.title, []).append(aid)
    arguments = {("argument", t) for t in [*stands_for.values(), *mains]}
    roles = set()
    concluded_by: dict[Key, list[str]] = {}
    for title, steps in mains.items():
        conclusions = {m.arguments[s].target for s in steps[:-1]}
        main = m.arguments[steps[-1]]
        concluded_by.setdefault(statement(main.target), []).append(title)
        roles.add((("argument", title), statement(main.target), "main-conclusion"))
        for step in steps:
            for premise in m.arguments[step].premises:
                role = "intermediary-conclusion" if premise in conclusions else "premise"
                roles.add((("argument", title), statement(premise), role))

    def node(sid: str) -> Key:
        if sid in stands_for:
            return ("argument", stands_for[sid])
        owners = concluded_by.get(statement(sid), [])
        return ("argument", owners[0]) if len(owners) == 1 else statement(sid)

    relations: set[tuple[Key, str, Key]] = set()
    for aid, a in m.arguments.items():
        if aid in owner and owner[aid] in mains:
            continue  # an inference of a premise-conclusion structure
        source = node(a.premises[0])
        if a.target in m.arguments:  # an undercut, or a support or attack of an argument
            relations.add((source, a.kind, ("argument", owner[a.target])))
        else:
            relations.add((source, a.kind, node(a.target)))
    statements = {statement(s) for s in m.statements if s not in stands_for}
    return statements, arguments, roles, relations


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_corpus_document_reads_as_argdown_reads_it(name: str) -> None:
    """Same statements, arguments, premise/conclusion roles and relations as Argdown's JSON."""
    expected = reduce_argdown(json.loads((CORPUS / f"{name}.json").read_text("utf-8")))
    assert reduce_argmap(corpus(name)) == expected


@pytest.mark.parametrize("name", DOCUMENTS)
def test_statement_texts_are_argdowns_without_markup(name: str) -> None:
    """The canonical text of each statement, as Argdown shows it (links kept as links)."""
    data = json.loads((CORPUS / f"{name}.json").read_text("utf-8"))
    m = corpus(name)
    by_title = {s.title: s for s in m.statements.values() if s.title}
    untitled = {norm(LINK.sub(r"\1", s.text)) for s in m.statements.values() if not s.title}
    for title, ec in data["statements"].items():
        shown = [x for x in ec["members"] if not x.get("isReference")][-1]["text"]
        shown = norm(TRAILING_TAGS.sub("", shown))
        if UNTITLED.match(title):
            assert shown in untitled
        else:
            assert norm(LINK.sub(r"\1", by_title[title].text)) == shown


def test_the_corpus_documents_are_all_there() -> None:
    assert DOCUMENTS == ["argdown-primer", "intro", "legalisation-softdrugs", "state-censorship"]
    assert all((CORPUS / f"{name}.json").is_file() for name in DOCUMENTS)
    assert "MIT License" in (CORPUS / "NOTICE").read_text("utf-8")


def counts(m: ArgumentMap) -> dict[str, int]:
    kinds = [a.kind for a in m.arguments.values()]
    return {
        "statements": len(m.statements),
        "arguments": len(m.arguments),
        "support": kinds.count("support"),
        "attack": kinds.count("attack"),
        "undercut": kinds.count("undercut"),
        "linked": sum(len(a.premises) > 1 for a in m.arguments.values()),
        "groups": len(m.groups),
    }


def test_corpus_counts() -> None:
    """What argmap makes of each document (also listed in docs/formats/argdown.md)."""
    assert {name: counts(corpus(name)) for name in DOCUMENTS} == {
        "argdown-primer": {
            "statements": 20,
            "arguments": 11,
            "support": 6,
            "attack": 5,
            "undercut": 0,
            "linked": 1,
            "groups": 3,
        },
        "intro": {
            "statements": 16,
            "arguments": 8,
            "support": 3,
            "attack": 5,
            "undercut": 0,
            "linked": 1,
            "groups": 3,
        },
        "legalisation-softdrugs": {
            "statements": 18,
            "arguments": 19,
            "support": 9,
            "attack": 8,
            "undercut": 2,
            "linked": 0,
            "groups": 0,
        },
        "state-censorship": {
            "statements": 28,
            "arguments": 14,
            "support": 10,
            "attack": 4,
            "undercut": 0,
            "linked": 10,
            "groups": 0,
        },
    }


# -- round trips -------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_corpus_import_export_import_is_equal(name: str) -> None:
    m = corpus(name)
    assert read(argmap.dumps(m, "argdown")) == m


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_map_export_import_is_equal(path: Path) -> None:
    m = argmap.load(path)
    text = argmap.dumps(m, "argdown")
    assert read(text) == m


def test_dump_and_load_by_file_name(tmp_path: Path) -> None:
    m = argmap.load(ROOT / "maps" / "china.yaml")
    argmap.dump(m, tmp_path / "china.argdown")
    assert argmap.load(tmp_path / "china.argdown") == m
    (tmp_path / "china.ad").write_text(argmap.dumps(m, "argdown"), "utf-8")
    assert argmap.load(tmp_path / "china.ad") == m


def test_export_writes_premise_conclusion_structures_with_titles() -> None:
    text = argmap.dumps(argmap.load(ROOT / "docs" / "examples" / "first-map.yaml"), "argdown")
    assert "[An arms deal]: North Korea supplies Russia" in text
    assert "<Russia needs shells>" in text
    assert "(1) [shell-shortage]\n----\n(2) [An arms deal]\n" in text
    # an attack concludes that the target does not hold, and attacks it
    assert "(1) [debris]\n----\n(2) [Against: no-deal]\n  -> [no-deal]\n" in text


def test_export_of_an_imported_document_keeps_its_shape() -> None:
    """Arguments without premise-conclusion structure stay so; relations stay relations."""
    text = argmap.dumps(corpus("legalisation-softdrugs"), "argdown")
    assert "{argmap:" not in text
    assert "<Soft drugs are harmful>: Soft drugs are harmful:" in text
    assert "  +> <Law must protect>\n  -> <No harm, no ban>\n" in text
    assert "<Poor reason>: In any case" in text
    assert "  _> <Alcohol and tobacco analogy>\n" in text
    censorship = argmap.dumps(corpus("state-censorship"), "argdown")
    assert "--\nSpecification, Modus ponens {uses: [1, 2, 3]}\n--\n" in censorship
    # statements defined where the structure names them, untitled ones without title
    assert "\n(1) Sometimes, free speech causes serious harms to others.\n" in censorship
    assert (
        "(1) [IRC-legislation]: Legislation against incitement to racial hatred is "
        "permissible. {isInMap: false}\n"
    ) in censorship
    assert (
        "(5) Legislation against incitement to racial hatred ought not be enacted. "
        "{argmap: {id: legislation-against-incitement-to-racial-2}}\n  -> [IRC-legislation]\n"
    ) in censorship


# -- Argdown's own CLI reads what argmap writes -------------------------------------


def argdown_json(cli: str, documents: dict[str, str], tmp_path: Path) -> dict[str, Any]:
    """Argdown's JSON export of each document, failing on any syntax error it reports."""
    source = tmp_path / "in"
    source.mkdir()
    for name, text in documents.items():
        (source / f"{name}.argdown").write_text(text, "utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [cli, "json", str(source / "*.argdown"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = result.stdout + result.stderr
    assert "error" not in report.lower() and "canceled" not in report.lower(), report
    return {name: json.loads((out / f"{name}.json").read_text("utf-8")) for name in documents}


#: Debates as Argdown authors draft them: relations between whole arguments
#: (the loose style), then some arguments reconstructed (styles mixed).
LOOSE = {
    "loose": (
        "# Cats or dogs\n\n"
        "<Cats>: Cats are the better pets.\n  +> <Quiet>\n  -> <Dogs>\n\n"
        "<Quiet>: Cats are quiet.\n\n"
        "<Dogs>: Dogs are loyal.\n  >< [Fickle]: Dogs follow whoever feeds them.\n  <- <Walks>\n\n"
        "<Walks>: Dogs need walks.\n  _> <Cats>\n"
    ),
    "mixed": (
        "[Claim]: Cities should ban cars.\n  +> <Air>\n  -> <Jobs>\n\n"
        "<Air>\n\n(1) [Smog]: Cars cause smog.\n(2) [Health]: Smog harms health.\n----\n"
        "(3) [Ban]: A ban improves health.\n\n"
        "<Jobs>\n\n(1) [Work]: Car plants employ people.\n----\n(2) [Keep]: Keep cars.\n"
        "  -> [Ban]\n\n"
        "<Backing>: Studies confirm it.\n  +> <Air>\n  -> <Jobs>\n\n"
        "<Linked>\n\n(1) [E1]: Evidence one.\n(2) [E2]: Evidence two.\n----\n"
        "(3) [Doubt]: The job numbers are inflated.\n  -> <Jobs>\n  _> <Air>\n"
    ),
}


@pytest.mark.parametrize("name", sorted(LOOSE))
def test_loose_and_mixed_styles_read_as_argdown_reads_them(
    name: str, argdown_cli: str, tmp_path: Path
) -> None:
    """Relation by relation, of each kind, between the same pair, as Argdown's JSON lists them."""
    text = LOOSE[name]
    expected = reduce_argdown(argdown_json(argdown_cli, {name: text}, tmp_path)[name])
    m = read(text)
    assert [i for i in argmap.check(m) if i.severity is Severity.ERROR] == []
    assert reduce_argmap(m) == expected
    assert {(r[1], r[2][0]) for r in expected[3]} >= {
        ("support", "argument"),
        ("attack", "argument"),
    }


@pytest.mark.parametrize("name", sorted(LOOSE))
def test_loose_and_mixed_styles_export_the_same_relations(
    name: str, argdown_cli: str, tmp_path: Path
) -> None:
    """``argdown json`` on argmap's export lists the relations of the original."""
    m = read(LOOSE[name])
    written = argmap.dumps(m, "argdown")
    assert read(written) == m
    found = argdown_json(argdown_cli, {"original": LOOSE[name], "written": written}, tmp_path)
    assert reduce_argdown(found["written"])[3] == reduce_argdown(found["original"])[3]


def test_linked_premises_backing_an_argument_round_trip() -> None:
    """Written as a premise-conclusion structure whose conclusion supports the argument."""
    m = ArgumentMap(
        "t",
        [argmap.Statement(s, s.upper() + ".") for s in ("a", "b", "c", "d")],
        [
            argmap.Argument("main", ["a"], "support", "b"),
            argmap.Argument("backing", ["c", "d"], "support", "main"),
            argmap.Argument("doubt", ["c", "d"], "attack", "main", title="Doubt"),
        ],
    )
    written = argmap.dumps(m, "argdown")
    assert "(3) [For: main]\n  +> <main>" in written
    assert "(3) [Against: main]\n  -> <main>" in written
    assert read(written) == m


def test_argdown_reads_the_exports_without_errors(argdown_cli: str, tmp_path: Path) -> None:
    maps = {p.stem: argmap.load(p) for p in SHIPPED}
    maps |= {name: corpus(name) for name in DOCUMENTS}
    exported = argdown_json(
        argdown_cli, {name: argmap.dumps(m, "argdown") for name, m in maps.items()}, tmp_path
    )
    for name in DOCUMENTS:  # an imported document exports to what Argdown read first
        original = json.loads((CORPUS / f"{name}.json").read_text("utf-8"))
        assert reduce_argdown(exported[name]) == reduce_argdown(original), name
    for path in SHIPPED:
        looks_like_the_map(maps[path.stem], exported[path.stem])


def looks_like_the_map(m: ArgumentMap, data: dict[str, Any]) -> None:
    """Argdown sees every statement with its title and text, every argument as a pcs."""
    for s in m.statements.values():
        assert s.title is not None
        ec = data["statements"][s.title]
        shown = [x for x in ec["members"] if not x.get("isReference")][-1]["text"]
        assert norm(TRAILING_TAGS.sub("", shown)) == norm(s.text)
        assert ec.get("tags", []) == list(s.tags)
    for a in m.arguments.values():
        assert a.title is not None
        pcs = data["arguments"][a.title]["pcs"]
        premises = [m.statements[p].title for p in a.premises]
        assert [p["title"] for p in pcs if p["role"] == "premise"] == premises
        conclusion = pcs[-1]
        assert conclusion["role"] == "main-conclusion"
        if a.kind == "support":
            assert conclusion["title"] == m.statements[a.target].title
            continue
        relations = data["statements"][conclusion["title"]]["relations"]
        if a.kind == "attack":
            wanted = ("attack", m.statements[a.target].title)
        else:
            wanted = ("undercut", m.arguments[a.target].title)
        assert wanted in {(r["relationType"], r["to"]) for r in relations}


TRICKY = [
    "Plain text.",
    "A #hash, an @at, *stars* and _underscores_ and __bold__.",
    "Brackets [x] and <y> and [link](http://x.org) and @[mention] and @<mention>.",
    "Braces {a: b} and comments // here /* and */ and <!-- that -->.",
    "Backslash \\ and \\n and e.g. i.e. 10:30:00 and .^. and :heart:",
    "=== front matter? === no.",
    "- a dash + plus > greater (1) number 2. item * star _ under",
    "Shortcode-like .#x. and :[y]: and .a/b. spans.",
    "Ünïcödé “quotes” – dashes … and 😀 emoji.",
    "Trailing #tag-like #(words in parens) text",
]


def test_plain_export_lists_the_same_relations_without_argmaps_data(
    argdown_cli: str, tmp_path: Path
) -> None:
    """``plain=True``: no reserved data, the map's titles, and Argdown sees the same relations."""
    maps = {p.stem: argmap.load(p) for p in SHIPPED}
    maps |= {name: corpus(name) for name in DOCUMENTS}
    maps |= {name: read(text) for name, text in LOOSE.items()}
    documents = {}
    for name, m in maps.items():
        documents[f"{name}.full"] = argmap.dumps(m, "argdown")
        documents[f"{name}.plain"] = argmap.dumps(m, "argdown", plain=True)
        assert "argmap" not in documents[f"{name}.plain"], name
    found = argdown_json(argdown_cli, documents, tmp_path)
    for name, m in maps.items():
        full, plain = found[f"{name}.full"], found[f"{name}.plain"]
        _, arguments, roles, relations = reduce_argdown(plain, by_text=True)
        assert relations == reduce_argdown(full, by_text=True)[3], name
        assert arguments == reduce_argdown(full, by_text=True)[1], name
        # Premises and conclusions too; an attack's conclusion is 'Not: X', not 'Against: X'.
        renamed = {
            (a, ("text", "Against: " + s[1][5:]) if s[1].startswith("Not: ") else s, r)
            for a, s, r in roles
        }
        assert renamed == reduce_argdown(full, by_text=True)[2], name
        titles = {s.title for s in m.statements.values() if s.title is not None}
        assert titles <= set(plain["statements"]), name  # [Title]: as the map titles it
        titled = {a.title for a in m.arguments.values() if a.title is not None}
        assert titled <= set(plain["arguments"]) | set(plain["statements"]), name
        # Argdown keeps no 'argmap' data anywhere: not in the front matter, not in any element.
        everything = [*plain["statements"].values(), *plain["arguments"].values()]
        assert not any("argmap" in (e.get("data") or {}) for e in everything), name
        members = [m for ec in plain["statements"].values() for m in ec["members"]]
        assert not any("argmap" in (m.get("data") or {}) for m in members), name


def test_plain_export_names_an_attacks_conclusion_as_its_negation() -> None:
    m = argmap.load(ROOT / "docs" / "examples" / "first-map.yaml")
    text = argmap.dumps(m, "argdown", plain=True)
    assert text.startswith("===\ntitle: Is North Korea arming Russia?\n===\n")
    assert "<Both governments deny it>\n\n(1) [no-deal]\n----\n(2) [Not: An arms deal]\n" in text
    assert "  -> [An arms deal]\n" in text
    # An untitled statement named once is written where the structure names it.
    assert "(1) Russia's forces run short of shells in winter.\n" in text
    back = read(text)
    assert back.statements["an-arms-deal"].text == m.statements["arms-deal"].text
    with pytest.raises(ValueError, match="plain applies to the argdown format only"):
        argmap.dumps(m, "yaml", plain=True)


def test_an_untitled_statement_with_an_id_of_its_own_is_written_under_its_id() -> None:
    """As the docs promise: ``[id]: text``, not an untitled statement whose id is only data."""
    m = ArgumentMap(
        "t",
        [
            argmap.Statement("claim", "A claim.", title="Claim"),
            argmap.Statement("reply", "A reply.", data={"x": 1}),
            argmap.Statement("a-reply-too", "A reply too."),
        ],
        [
            argmap.Argument("a", ["reply"], "support", "claim", title="A"),
            argmap.Argument("b", ["a-reply-too"], "support", "claim", title="B"),
        ],
    )
    written = argmap.dumps(m, "argdown")
    assert "[reply]: A reply. {x: 1, argmap: {title: null}}\n" in written
    assert "<A>\n\n(1) [reply]\n----\n(2) [Claim]\n" in written
    # An id that reading the text gives back: untitled, defined where it is used.
    assert "<B>\n\n(1) A reply too.\n----\n(2) [Claim]\n" in written
    assert read(written) == m


def test_argdown_reads_escaped_text_as_argmap_wrote_it(argdown_cli: str, tmp_path: Path) -> None:
    """Special characters survive in both readings: argmap's and Argdown's own."""
    statements = [argmap.Statement(f"s{i}", text) for i, text in enumerate(TRICKY)]
    m = ArgumentMap("Tricky", statements)
    text = argmap.dumps(m, "argdown")
    assert read(text) == m
    data = argdown_json(argdown_cli, {"tricky": text}, tmp_path)["tricky"]
    for s in statements:
        shown = data["statements"][s.id]["members"][0]["text"]
        assert norm(shown) == norm(LINK.sub(r"\1", s.text)).replace(":heart:", "❤").replace(
            ".^.", "∧"
        )


# -- the syntax ------------------------------------------------------------------------


def relations(m: ArgumentMap) -> set[tuple[str, str, str]]:
    return {(a.premises[0], a.kind, a.target) for a in m.arguments.values()}


def test_relations_in_both_directions() -> None:
    m = read(
        "[A]: a\n"
        "  + [B]: b\n  <+ [C]: c\n  - [D]: d\n  <- [E]: e\n"
        "  +> [F]: f\n  -> [G]: g\n  >< [H]: h\n"
    )
    assert relations(m) == {
        ("b", "support", "a"),
        ("c", "support", "a"),
        ("d", "attack", "a"),
        ("e", "attack", "a"),
        ("a", "support", "f"),
        ("a", "attack", "g"),
        ("a", "attack", "h"),
        ("h", "attack", "a"),
    }
    assert m.arguments["a-attacks-h"].data == {"argdown": {"relation": "contradictory"}}
    assert list(m.arguments)[:2] == ["b-supports-a", "c-supports-a"]


def test_nested_relation_trees() -> None:
    m = read("[A]: a\n  + [B]: b\n    - [C]: c\n      + [D]: d\n  - [E]: e\n")
    assert relations(m) == {
        ("b", "support", "a"),
        ("c", "attack", "b"),
        ("d", "support", "c"),
        ("e", "attack", "a"),
    }


def test_strict_mode_reads_attacks_between_statements_as_contrary() -> None:
    text = "[A]: a\n  - [B]: b\n  + [C]: c\n\n[B]\n  - [A]\n"
    loose = read(text)
    assert relations(loose) == {("b", "attack", "a"), ("c", "support", "a"), ("a", "attack", "b")}
    strict = read("===\nmodel:\n  mode: strict\n===\n\n" + text)
    assert relations(strict) == relations(loose)
    assert strict.arguments["b-attacks-a"].data == {"argdown": {"relation": "contrary"}}
    assert strict.data == {"model": {"mode": "strict"}}
    assert read("[A]: a\n  - [B]: b\n") != read(
        "===\nmodel: {mode: strict}\n===\n\n[A]: a\n  - [B]: b\n"
    )


def test_titles_make_ids_and_equal_titles_are_one_statement() -> None:
    m = read(
        "[Censorship is wrong]: Censorship is wrong in principle.\n\n"
        "[Censorship is wrong]: Censorship is always wrong.\n\n"
        "An untitled statement about freedom of speech."
    )
    assert list(m.statements) == ["censorship-is-wrong", "an-untitled-statement-about-freedom"]
    s = m.statements["censorship-is-wrong"]
    assert (s.title, s.text) == ("Censorship is wrong", "Censorship is always wrong.")
    assert s.data == {"argdown": {"texts": ("Censorship is wrong in principle.",)}}
    assert m.statements["an-untitled-statement-about-freedom"].title is None


@pytest.mark.parametrize(
    ("text", "statement", "expected"),
    [
        pytest.param(
            "[A]: first {isCanonical: true}\n\n[A]: second\n", "a", "first",
            id="a-canonical-member-can-be-chosen",
        ),
        pytest.param(
            "[A]: a\n  + [Never defined]\n", "never-defined", "Never defined",
            id="a-statement-only-referred-to-takes-its-title-as-text",
        ),
        pytest.param(
            "===\nmodel: {removeTagsFromText: true}\n===\n\n[A]: a #mid tag.\n", "a", "a tag.",
            id="the-remove-tags-from-text-setting",
        ),
        pytest.param(
            "[A]: **bold**, _italic_, a [link](https://argdown.org), \\#escaped, @[A] and "
            ":heart: stay\n  as\n  written.\n",
            "a",
            "bold, italic, a [link](https://argdown.org), #escaped, @[A] and :heart: stay as "
            "written.",
            id="markup-is-read-as-text",
        ),
    ],
)  # fmt: skip
def test_the_text_a_statement_gets(text: str, statement: str, expected: str) -> None:
    assert read(text).statements[statement].text == expected


def test_premise_conclusion_structure_with_intermediary_conclusion() -> None:
    m = read(
        "<Chain>: A chain of two inferences.\n\n"
        "(1) [P]: p\n(2) q\n--\nModus ponens, Specification {uses: [1, 2]}\n--\n"
        "(3) [C1]: c1\n(4) r\n----\n(5) [C2]: c2\n"
    )
    first, main = m.arguments.values()
    assert (first.id, first.premises, first.target) == ("chain-1", ("p", "q"), "c1")
    assert first.title is None
    assert first.data == {
        "argdown": {
            "rules": ("Modus ponens", "Specification"),
            "inference": {"uses": (1, 2)},
            "step-of": "chain",
        }
    }
    assert (main.id, main.premises, main.target) == ("chain", ("c1", "r"), "c2")
    assert (main.title, main.note) == ("Chain", "A chain of two inferences.")
    assert m.main_theses == ("c2",)


def test_an_argument_without_pcs_argues_from_its_description() -> None:
    m = read("[T]: t\n  + <Reason>: Because it is so. #pro {source: x}\n  - <Unsaid>\n")
    premise = m.statements["reason-premise"]
    assert premise.text == "Because it is so."
    assert (premise.tags, dict(premise.data)["source"]) == (("pro",), "x")
    assert m.arguments["reason"].premises == ("reason-premise",)
    assert m.arguments["reason"].title == "Reason"
    assert m.statements["unsaid-premise"].text == "Unsaid"


def test_outgoing_relations_of_an_argument_start_at_its_conclusion() -> None:
    m = read("<A>\n  -> [X]: x\n\n(1) p\n----\n(2) [C]: c\n")
    assert relations(m) >= {("c", "attack", "x")}
    assert m.arguments["c-attacks-x"].premises == ("c",)


def test_undercuts_target_the_inference() -> None:
    m = read(
        "<A>\n\n(1) p\n--\nrule\n--\n  <_ [U]: u\n(2) [C]: c\n\n"
        "[V]: v\n  _> <A>\n\n<W>: w\n  _> <A>\n"
    )
    assert relations(m) >= {("u", "undercut", "a"), ("v", "undercut", "a")}
    assert m.arguments["w"].target == "a"


def test_an_attack_on_a_reconstructed_argument_attacks_the_argument_not_its_inference() -> None:
    m = read("<A>\n\n(1) [P]: p\n----\n(2) [C]: c\n\n[X]: x\n  -> <A>\n")
    argument = m.arguments["x-attacks-a"]
    assert (argument.kind, argument.target, argument.data) == ("attack", "a", {})
    assert m.relation_type(argument) is RelationType.ARGUMENT_ATTACK


def test_a_support_of_a_reconstructed_argument_backs_the_argument() -> None:
    m = read("<A>\n\n(1) [P]: p\n----\n(2) [C]: c\n\n[X]: x\n  +> <A>\n")
    argument = m.arguments["x-supports-a"]
    assert (argument.kind, argument.target) == ("support", "a")
    assert m.relation_type(argument) is RelationType.ARGUMENT_SUPPORT
    assert m.arguments_for("a") == (argument,)
    assert m.origin is not None
    assert m.origin.positions[("arguments", "x-supports-a", "supports")] == ("t.argdown", 8, 3)


def test_an_argument_without_structure_contradicts_through_its_description() -> None:
    m = read("<A>: a\n  >< [B]: b\n")
    assert relations(m) == {("a-premise", "attack", "b"), ("b", "attack", "a-premise")}


def test_an_attack_on_an_argument_whose_premise_it_attacks_already_is_dropped() -> None:
    """As Argdown does: the attack on the premise says it all."""
    m = read("<A>\n\n(1) [P]: p\n----\n(2) [C]: c\n\n[X]: x\n  -> [P]\n  -> <A>\n")
    assert relations(m) == {("p", "support", "c"), ("x", "attack", "p")}


def test_tags_headings_lists_comments_and_data() -> None:
    m = read(
        "===\ntitle: A small debate\nauthor: someone\n===\n\n"
        "# Part one {isGroup: true}\n\n"
        "[A]: Statement a with a #mid tag. #end #(two words) {weight: 2}\n\n"
        "// a line comment\n"
        "/* a block\ncomment */\n\n"
        "## Part two\n\n"
        "* [B]: b <!-- inline -->\n"
        "  + [A]\n"
        "* c\n"
    )
    assert m.title == "A small debate"
    assert m.data == {"author": "someone"}
    a = m.statements["a"]
    assert (a.text, a.tags) == ("Statement a with a #mid tag.", ("mid", "end", "two words"))
    assert a.data == {"weight": 2}
    one, two = m.groups.values()
    assert (one.title, one.members, one.data) == ("Part one", ("a",), {"isGroup": True})
    assert (two.title, two.members) == ("Part two", ("b", "c", "a-supports-b"))
    assert two.data == {"argdown": {"level": 2}}


def test_map_title_falls_back_to_the_first_heading_then_the_file_name() -> None:
    assert read("# Heading\n\n[A]: a\n").title == "Heading"
    assert read("[A]: a\n", file="debate.argdown").title == "debate"
    assert read("[A]: a\n", file="<string>").title == "Argdown map"


def test_positions_point_into_the_argdown_file() -> None:
    (issue,) = argmap.check(read("# H\n\n[A]: a\n  + [B]: b\n\n[B]\n  + [A]\n"))
    assert (issue.code, issue.severity, issue.file, issue.line, issue.column) == (
        "circular-support",
        Severity.WARNING,
        "t.argdown",
        4,
        3,
    )
    m = read("\n[A]: a\n  <- <X>: x\n")
    assert m.origin is not None
    assert m.origin.positions[("statements", "a")] == ("t.argdown", 2, 1)
    assert m.origin.positions[("statements", "x-premise")] == ("t.argdown", 3, 6)
    assert m.origin.positions[("arguments", "x")] == ("t.argdown", 3, 3)


def test_every_position_of_a_document_in_the_order_it_is_read() -> None:
    """The positions are kept as read and made into paths when first asked: all of them."""
    m = read("# H\n\n<A>\n\n(1) [P]: p\n(2) q\n----\n(3) [C]: c\n  - [X]: x\n")
    assert m.origin is not None
    positions = m.origin.positions
    expected = {
        ("statements", "p"): ("t.argdown", 5, 5),
        ("statements", "q"): ("t.argdown", 6, 5),
        ("statements", "c"): ("t.argdown", 8, 5),
        ("statements", "x"): ("t.argdown", 9, 5),
        ("arguments", "a"): ("t.argdown", 3, 1),
        ("arguments", "a", "premises", 0): ("t.argdown", 5, 5),
        ("arguments", "a", "premises", 1): ("t.argdown", 6, 5),
        ("arguments", "a", "supports"): ("t.argdown", 8, 5),
        ("arguments", "x-attacks-c"): ("t.argdown", 9, 3),
        ("arguments", "x-attacks-c", "premises", 0): ("t.argdown", 9, 3),
        ("arguments", "x-attacks-c", "attacks"): ("t.argdown", 9, 3),
        ("groups", "h"): ("t.argdown", 1, 1),
        (): ("t.argdown", 1, 1),
    }
    assert list(positions.items()) == list(expected.items())
    assert (len(positions), positions.get(("statements", "none"))) == (len(expected), None)
    assert m.origin.locate(("arguments", "a", "premises", 1, "text")) == ("t.argdown", 6, 5)


def test_checks_report_unconnected_statements_with_positions() -> None:
    m = read("[A]: a\n\n[B]: b\n  + [C]: c\n")
    warnings = [i for i in argmap.check(m) if i.code == "unconnected-statement"]
    assert [(i.line, i.column) for i in warnings] == [(1, 1)]


# -- what Argdown cannot hold travels in reserved data -------------------------------


def test_reserved_data_restores_argmap_fields() -> None:
    m = read(
        "===\ntitle: T\nargmap:\n  lang: [en, de]\n  theses: [s]\n"
        "  sources: {src: {title: A source}}\n  agents: {ann: Ann}\n===\n\n"
        "[S]: s {argmap: {by: [ann], quotes: [{source: src, text: q}], status: assumed, "
        'note: n, translations: {de: {text: "s auf Deutsch"}}}}\n'
    )
    s = m.statements["s"]
    assert (s.by, s.status, s.note) == (("ann",), "assumed", "n")
    assert s.quotes[0].source == "src"
    assert s.translations[0].text == "s auf Deutsch"
    assert (m.langs, m.theses, list(m.sources), list(m.agents)) == (
        ("en", "de"),
        ("s",),
        ["src"],
        ["ann"],
    )
    assert "argmap" not in s.data


def test_fields_argdown_lacks_survive_a_round_trip() -> None:
    m = argmap.load(ROOT / "maps" / "overview.yaml")
    assert any(s.quotes and s.by and s.translations for s in m.statements.values())
    assert m.sources and m.agents and m.groups and m.other_langs
    assert read(argmap.dumps(m, "argdown")) == m


def test_metadata_survives_both_ways() -> None:
    m = ArgumentMap(
        "Data",
        [
            argmap.Statement(
                "s", "S.", data={"argmap": "clash", "n": [1, 2.5, None, True], "d": {"k": "v"}}
            ),
            argmap.Statement("t", "T.", tags=["a)b", "x"], title="Has ] bracket"),
        ],
        [argmap.Argument("a", ["s"], "support", "t", data={"yes": "no", "time": "1:20"})],
        data={"title": "not the title", "weird key": "{}}"},
    )
    assert read(argmap.dumps(m, "argdown")) == m


def test_a_map_with_errors_cannot_be_written() -> None:
    broken = ArgumentMap(
        "B", [argmap.Statement("s", "S.")], [argmap.Argument("a", ["x"], "support", "s")]
    )
    with pytest.raises(MapError) as caught:
        argmap.dumps(broken, "argdown")
    assert caught.value.issues[0].code == "unknown-statement"


def test_an_empty_map_round_trips() -> None:
    m = ArgumentMap("Nothing yet")
    text = argmap.dumps(m, "argdown")
    assert read(text) == m


def test_the_argdown_shown_in_the_docs_is_what_argmap_writes() -> None:
    page = (ROOT / "docs" / "formats" / "argdown.md").read_text("utf-8")
    shown = re.findall(r"^```text\n(.*?)^```", page, re.M | re.S)
    example = ROOT / "docs" / "examples" / "partners.argdown"
    assert shown[0] == example.read_text("utf-8")
    assert shown[1] == argmap.dumps(argmap.load(ROOT / "docs/examples/first-map.yaml"), "argdown")
    assert shown[2] == argmap.dumps(argmap.load(example), "argdown")


def test_tag_characters_are_argdown_s_own_set() -> None:
    """The lexer's tag pattern, written by exclusion, takes exactly Argdown's characters."""
    from argmap._argdown.syntax import _tag_chars

    argdown_s = re.compile("[A-Za-z0-9\\-\\[\\\\\\]^_`\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]")
    differ = [
        hex(c)
        for c in range(0x110000)
        if bool(argdown_s.fullmatch(chr(c))) != bool(_tag_chars().fullmatch(chr(c)))
    ]
    assert differ == []


@pytest.mark.parametrize("symbol", [symbol for symbol, _, _ in syntax.RELATION_SYMBOLS])
def test_the_reader_s_table_of_relations_agrees_with_the_syntax_tree(symbol: str) -> None:
    token = syntax.Token(syntax.RELATION, symbol, 0, 1, 1, symbol)
    relation = syntax.Relation(token, syntax.Statement(token, "A", True, [], []))
    assert reader._RELATION_KINDS[symbol] == relation.kind
    assert (symbol in reader._INCOMING) == relation.incoming
