"""Loading YAML maps: what loads, and the exact issue for each kind of bad input."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import argmap
from argmap import Argument, ArgumentMap, Citation, MapError, Source, SourceFileError, Statement

GOOD = """\
argmap: 1
title: A Russian lifeline
lang: en
theses: [less-incentive]
sources:
  article: {title: Welche Bedeutung hat Putins Besuch?, lang: de, file: article.txt}
agents:
  analysts: {name: Analysts}
statements:
  motive:
    text: Sanctions relief was the motive.
    by: analysts
    quote: {source: article, text: „Historisch gesehen“ war es so.}
  lifeline: Russia offers a lifeline.
  less-incentive:
    text: Kim has less incentive.
    title: Less incentive
    tags: [economy, us]
arguments:
  russian-lifeline:
    title: A lifeline lowers the incentive
    premises: [motive, lifeline]
    supports: less-incentive
    by: [analysts]
"""


def issues_of(text: str) -> list[tuple[int | None, int | None, str, str]]:
    with pytest.raises(MapError) as caught:
        argmap.loads(textwrap.dedent(text), file="m.yaml")
    return [(i.line, i.column, i.code, i.message) for i in caught.value.issues]


def codes_of(text: str) -> list[tuple[int | None, int | None, str]]:
    return [(line, column, code) for line, column, code, _ in issues_of(text)]


def test_a_valid_map_loads_into_the_model() -> None:
    m = argmap.loads(GOOD)
    assert list(m.statements) == ["motive", "lifeline", "less-incentive"]
    assert m.statements["lifeline"] == Statement("lifeline", "Russia offers a lifeline.")
    assert m.statements["motive"].quotes == (
        Citation("article", "„Historisch gesehen“ war es so."),
    )
    assert m.statements["less-incentive"].tags == ("economy", "us")
    assert m.arguments["russian-lifeline"] == Argument(
        "russian-lifeline",
        ("motive", "lifeline"),
        "support",
        "less-incentive",
        title="A lifeline lowers the incentive",
        by=("analysts",),
    )
    assert m.sources["article"] == Source(
        "article", "Welche Bedeutung hat Putins Besuch?", lang="de", file="article.txt"
    )
    assert m.agents["analysts"].name == "Analysts"
    assert m.theses == ("less-incentive",)
    assert m.lang == "en"


def test_load_reads_a_file_and_records_its_origin(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(GOOD, encoding="utf-8")
    m = argmap.load(path)
    assert m.origin is not None
    assert m.origin.file == str(path)
    assert m.origin.locate(("statements", "lifeline")) == (str(path), 14, 13)
    assert m == argmap.loads(GOOD)


def test_a_byte_order_mark_is_ignored() -> None:
    assert argmap.loads("\ufeff" + GOOD) == argmap.loads(GOOD)


def test_numbers_and_booleans_in_text_fields_are_kept_as_written() -> None:
    m = argmap.loads("argmap: 1\ntitle: 1984\nstatements:\n  s1: yes\n  s2: {text: 3.10}\n")
    assert m.title == "1984"
    assert m.statements["s1"].text == "yes"
    assert m.statements["s2"].text == "3.10"


def test_unknown_ids_are_reported_with_position_and_suggestion() -> None:
    assert issues_of(
        """\
        argmap: 1
        title: t
        statements:
          s8: Eight.
          s1: One.
        arguments:
          a2:
            premises: [s1, s9]
            supports: s8
        """
    ) == [
        (
            8,
            20,
            "unknown-statement",
            "argument 'a2' lists premise 's9', which is not a defined statement; "
            "define it under 'statements' or fix the id (did you mean 's8'?)",
        )
    ]


def test_all_problems_are_collected_and_raised_once_in_document_order() -> None:
    assert codes_of(
        """\
        argmap: 1
        title: t
        agents:
          an: Analysts
        statements:
          a:
            text: A
            by: anz
          b: B
          c: {text: C, colour: red}
        arguments:
          x: {premises: [a], supports: bb}
          y: {premises: [c], undercuts: z}
        """
    ) == [
        (8, 9, "unknown-agent"),
        (10, 16, "unknown-key"),
        (12, 32, "unknown-statement"),
        (13, 33, "unknown-argument"),
    ]


def test_the_error_names_file_line_column_and_code() -> None:
    with pytest.raises(MapError) as caught:
        argmap.loads(
            "argmap: 1\ntitle: t\narguments:\n  a: {premises: [x], supports: y}\n",
            file="maps/m.yaml",
        )
    assert str(caught.value).splitlines()[0] == (
        "maps/m.yaml:4:18: error: unknown-statement: argument 'a' lists premise 'x', "
        "which is not a defined statement; define it under 'statements' or fix the id"
    )
    assert isinstance(caught.value, ValueError)


def test_duplicate_statement_ids_are_an_error_not_silently_merged() -> None:
    assert issues_of(
        """\
        argmap: 1
        title: t
        statements:
          s1: First.
          s1: Second.
        """
    ) == [
        (
            5,
            3,
            "duplicate-key",
            "key 's1' appears twice in the same mapping (first at line 4, column 3); "
            "YAML would silently keep only the last one: rename or merge them",
        )
    ]


def test_tabs_get_a_hint_to_indent_with_spaces() -> None:
    [(_, _, _, message)] = issues_of("argmap: 1\ntitle: t\nstatements:\n\ts1: x\n")
    assert message.endswith("YAML does not allow tabs for indentation: indent with spaces")


def test_an_unsupported_version_says_what_to_do() -> None:
    [(_, _, _, message)] = issues_of("argmap: 2\ntitle: t\n")
    assert message == (
        "this argmap reads format version 1, the map is version 2; upgrade argmap to read it"
    )


def test_an_alias_bomb_is_rejected() -> None:
    lines = ["argmap: 1", "title: t", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    [(_, _, code, _)] = issues_of("\n".join(lines) + "\n")
    assert code == "document-too-large"


def test_load_check_false_skips_whole_map_rules() -> None:
    text = "argmap: 1\ntitle: t\narguments:\n  a: {premises: [x], supports: y}\n"
    m = argmap.loads(text, check=False)
    assert m.arguments["a"].premises == ("x",)


def test_a_missing_file_is_a_source_file_error(tmp_path: Path) -> None:
    with pytest.raises(SourceFileError, match="map file not found"):
        argmap.load(tmp_path / "nope.yaml")


def test_a_file_that_is_not_utf8_is_reported_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("argmap: 1\ntitle: Gr\xfc\xdfe\n".encode("latin-1"))
    with pytest.raises(SourceFileError) as caught:
        argmap.load(path)
    assert str(caught.value) == (
        f"{path}:2:10: error: not-utf8: map file is not valid UTF-8 (byte 0xfc); save it as UTF-8"
    )
    assert caught.value.issue.code == "not-utf8"


def test_dump_writes_canonical_yaml_that_keeps_unicode() -> None:
    m = ArgumentMap(
        "Straße „Ärger“",
        [Statement("s1", "Die Straße ist „schön“.", by="a"), Statement("s2", "Two\nlines")],
        [Argument("x", ["s1"], "attack", "s2")],
    )
    assert argmap.dumps(m) == textwrap.dedent(
        """\
        argmap: 1
        title: Straße „Ärger“
        statements:
          s1:
            text: Die Straße ist „schön“.
            by: a
          s2:
            text: |-
              Two
              lines
        arguments:
          x:
            premises: [s1]
            attacks: s2
        """
    )
    assert argmap.loads(argmap.dumps(m), check=False) == m


def test_dump_writes_a_file_that_loads_back(tmp_path: Path) -> None:
    m = argmap.loads(GOOD)
    written = argmap.dump(m, tmp_path / "out.yaml")
    assert written == tmp_path / "out.yaml"
    assert argmap.load(written) == m


def test_a_duplicate_key_is_reported_together_with_the_other_problems() -> None:
    assert codes_of(
        """\
        argmap: 1
        title: t
        statements:
          s1: One.
          s1: Again.
        arguments:
          a: {premises: [s2], supports: s1}
        """
    ) == [(5, 3, "duplicate-key"), (7, 18, "unknown-statement")]


def test_a_wrong_item_in_a_list_is_named_as_such() -> None:
    [(_, _, code, message)] = issues_of(
        "argmap: 1\ntitle: t\nstatements:\n  s1:\n    text: x\n    tags: [a, [b]]\n"
    )
    assert (code, message) == (
        "wrong-type",
        "'tags' of statement 's1' must be a text or a list of them; found a list in place of one",
    )


def test_an_empty_statement_says_how_to_write_one() -> None:
    [(_, _, code, message)] = issues_of("argmap: 1\ntitle: t\nstatements:\n  s1:\n")
    assert (code, message) == (
        "missing-key",
        "statement 's1' needs a text: write 's1: The statement.' or give a mapping with 'text'",
    )


def test_a_language_tag_is_named_as_written() -> None:
    [(_, _, code, message)] = issues_of("argmap: 1\ntitle: !!python/object:os.system t\n")
    assert (code, message) == (
        "unsupported-tag",
        "YAML tag '!!python/object:os.system' is not allowed in a map; remove it (maps hold "
        "only plain strings, numbers, lists and mappings)",
    )


def test_a_second_document_gets_a_hint() -> None:
    [(_, _, _, message)] = issues_of("argmap: 1\ntitle: t\n---\nargmap: 1\n")
    assert message.endswith("a map file holds one YAML document: remove the extra '---'")


SCHEMED = """\
argmap: 1
title: Schemes
schemes:
  insider:
    name: Argument from an insider's report
    premises: {insider: I is an insider., report: I reports A.}
    conclusion: A holds.
    questions: {access: Had I access?}
statements:
  expert: Pinkston is an East Asia expert.
  says: Pinkston says the Chinese are tired of it.
  tired: {text: The Chinese are tired of it., status: questioned}
  us-based: {text: Pinkston works for a US university., status: assumed}
arguments:
  pinkston:
    scheme: expert-opinion
    premises: {expert: expert, assertion: says}
    supports: tired
  biased:
    premises: us-based
    undercuts: pinkston
    answers: trustworthiness
"""


def test_schemes_roles_answers_and_status_load() -> None:
    m = argmap.loads(SCHEMED)
    pinkston = m.arguments["pinkston"]
    assert (pinkston.scheme, pinkston.premises, pinkston.roles) == (
        "expert-opinion",
        ("expert", "says"),
        ("expert", "assertion"),
    )
    assert pinkston.role("says") == "assertion"
    assert m.arguments["biased"].answers == "trustworthiness"
    assert m.statements["tired"].status == "questioned"
    scheme = m.schemes["insider"]
    assert [r.id for r in scheme.premises] == ["insider", "report"]
    assert [q.text for q in scheme.questions] == ["Had I access?"]
    assert argmap.loads(argmap.dumps(m)) == m


def test_an_unknown_status_is_an_invalid_value() -> None:
    assert issues_of("argmap: 1\ntitle: t\nstatements:\n  s1: {text: x, status: asumed}\n") == [
        (
            4,
            25,
            "invalid-value",
            "'status' of statement 's1' must be one of assumed, questioned (got 'asumed') "
            "(did you mean 'assumed'?)",
        )
    ]


def test_data_is_kept_read_only_and_round_trips() -> None:
    text = """argmap: 1
title: T
data: {tool: argdown, n: 3, ok: true, none: null, when: 2020-01-01, list: [1, a]}
agents:
  ann: {name: Ann, data: {personID: 7}}
statements:
  a: {text: A, by: ann, data: {x: {y: [1, 2]}}}
  b: B
arguments:
  r: {premises: [a], supports: b, data: {nodeID: "12"}}
groups:
  g: {title: G, members: [a], data: {level: 1}}
"""
    m = argmap.loads(text)
    assert dict(m.data) == {
        "tool": "argdown",
        "n": 3,
        "ok": True,
        "none": None,
        "when": "2020-01-01",
        "list": (1, "a"),
    }
    assert m.statements["a"].data["x"]["y"] == (1, 2)
    assert m.arguments["r"].data == {"nodeID": "12"}
    assert m.agents["ann"].data == {"personID": 7}
    assert m.groups["g"].data == {"level": 1}
    with pytest.raises(TypeError):
        m.statements["a"].data["x"]["z"] = 1
    again = argmap.loads(argmap.dumps(m))
    assert again == m
    assert hash(again) == hash(m)
    assert "data" not in argmap.dumps(argmap.loads("argmap: 1\ntitle: T\n"))


def test_data_refuses_what_json_cannot_hold() -> None:
    with pytest.raises(ValueError, match=r"'data' holds only .* \(got set in data.tags\)"):
        argmap.Statement("a", "A", data={"tags": {1, 2}})
    with pytest.raises(ValueError, match=r"'data' keys must be strings \(got 1 in data\)"):
        argmap.Statement("a", "A", data={1: "one"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match=r"\(got 2 in data\.a\[\]\.b\)"):
        argmap.Statement("a", "A", data={"a": [{"b": {2: 3}}]})
    with pytest.raises(ValueError, match=r"\(got object in data\.a\[\]\[\]\.c\)"):
        argmap.Statement("a", "A", data={"a": [({"c": object()},)]})


# -- YAML readings that would silently change a text ---------------------------

OP_ED = """\
argmap: 1
title: Four days
statements:
  hire:
    text: A shorter week is the #1 way to hire and keep good people.
    mode: question # asked, not claimed: a keyword, not prose
  pay: Same pay # for all
"""
#: An anchor: the fast reader declines it, so the full reader reads the document.
FULL_READER = "data: &shared {a: 1}\n"


@pytest.mark.parametrize("tail", ["", FULL_READER], ids=["fast reader", "full reader"])
def test_a_text_cut_by_a_comment_is_a_warning_with_the_fix(tail: str, tmp_path: Path) -> None:
    path = tmp_path / "op-ed.yaml"
    path.write_text(OP_ED + tail, encoding="utf-8")
    m = argmap.load(path)
    assert m.statements["hire"].text == "A shorter week is the"  # what YAML reads
    found = [str(i) for i in argmap.check(m) if i.code == "text-cut-by-comment"]
    assert found == [
        f"{path}:5:11: warning: text-cut-by-comment: 'text' of statement 'hire' ends at ' #', "
        "where YAML starts a comment: the text is 'A shorter week is the' without '#1 way to "
        "hire and keep good people.'; if the '#' belongs to the text, put the whole text in "
        'quotes ("..."), else move the comment to a line of its own',
        f"{path}:7:8: warning: text-cut-by-comment: 'text' of statement 'pay' ends at ' #', "
        "where YAML starts a comment: the text is 'Same pay' without '# for all'; if the '#' "
        'belongs to the text, put the whole text in quotes ("..."), else move the comment to '
        "a line of its own",
    ]


def test_a_quoted_text_with_a_hash_is_whole_and_clean() -> None:
    quoted = '"A shorter week is the #1 way to hire and keep good people."'
    m = argmap.loads(
        OP_ED.replace("A shorter week is the #1 way to hire and keep good people.", quoted)
    )
    assert m.statements["hire"].text == quoted.strip('"')
    cut = [i.path for i in argmap.check(m) if i.code == "text-cut-by-comment"]
    assert cut == [("statements", "pay", "text")]


TYPED_TEXTS = """\
argmap: 1
title: 1984
statements:
  a: yes
  b: 2024-01-05
  c: 1e3
  d: 0x1F
  e: .inf
  f: 1_000
  g: 12:30
  h: 010
  i: Off
  j:
    text: 3.50
    title: 007
"""


@pytest.mark.parametrize("tail", ["", FULL_READER], ids=["fast reader", "full reader"])
def test_numbers_dates_and_booleans_where_text_is_expected_are_kept_as_written(
    tail: str,
) -> None:
    m = argmap.loads(TYPED_TEXTS + tail)
    assert m.title == "1984"
    texts = {s.id: s.text for s in m.statements.values()}
    assert texts == {
        "a": "yes",
        "b": "2024-01-05",
        "c": "1e3",
        "d": "0x1F",
        "e": ".inf",
        "f": "1_000",
        "g": "12:30",
        "h": "010",
        "i": "Off",
        "j": "3.50",
    }
    assert m.statements["j"].title == "007"


INVALID_ENTRIES = """\
argmap: 1
title: One error per mistake
agents:
  bob: [a, b]
sources:
  art: {author: x}
statements:
  s1:
    text: [a, b]
    by: bob
  s2:
  s3:
    text: ok
    by: bob
    quote: {source: art, text: hi}
  s4: four
arguments:
  a1:
    premises: [s1, s2]
    supports: s3
  a2:
    premises: [s4]
  a3:
    premises: [s4]
    undercuts: a2
groups:
  g: {title: G, members: [s1, a2]}
theses: [s2]
"""


def test_an_invalid_entry_is_still_defined_for_references() -> None:
    """One error per mistake: no unknown-statement, -agent, -source or -argument after it."""
    with pytest.raises(MapError) as caught:
        argmap.loads(INVALID_ENTRIES, file="m.yaml")
    assert [(i.code, i.line) for i in caught.value.issues] == [
        ("wrong-type", 4),  # agent bob, a list
        ("missing-key", 6),  # source art, no title
        ("wrong-type", 9),  # statement s1, its text a list
        ("missing-key", 11),  # statement s2, empty
        ("missing-target", 21),  # argument a2
    ]


def test_a_reference_to_an_id_defined_nowhere_is_still_reported_beside_invalid_entries() -> None:
    text = INVALID_ENTRIES.replace("premises: [s1, s2]", "premises: [s1, s2, s5]")
    with pytest.raises(MapError) as caught:
        argmap.loads(text, file="m.yaml")
    unknown = [str(i) for i in caught.value.issues if i.code.startswith("unknown-")]
    assert unknown == [
        "m.yaml:19:24: error: unknown-statement: argument 'a1' lists premise 's5', which is not "
        "a defined statement; define it under 'statements' or fix the id (did you mean 's4'?)"
    ]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            # s2 moved to column 1: libyaml stumbles on s3, the next, correct entry.
            "argmap: 1\ntitle: T\nstatements:\n  s1:\n    text: one\ns2:\n    text: two\n"
            "  s3:\n    text: three\n",
            (6, 1),
            "this line is indented by 0 spaces, less than the entries before it (line 4) and "
            "after it (line 8), which are indented by 2; so it ends their mapping, and line 8 "
            "belongs to nothing: indent this line by 2 spaces like them",
        ),
        (
            "argmap: 1\ntitle: T\nstatements:\n  s1:\n    text: a\n    by: x\n   title: y\n",
            (7, 4),
            "this line is indented by 3 spaces, which lines up with no line above it (those it "
            "could belong with are indented by 4, 2 or 0): indent it like the entries it "
            "belongs with",
        ),
        (
            "argmap: 1\ntitle: T\nstatements:\n  s1: one\n s2: two\n  s3: three\n",
            (5, 2),
            "this line is indented by 1 space, which lines up with no line above it (those it "
            "could belong with are indented by 2 or 0): indent it like the entries it belongs "
            "with",
        ),
    ],
    ids=["moved left", "between two levels", "one space short"],
)
def test_broken_indentation_is_shown_where_it_broke_in_plain_words(
    text: str, where: tuple[int, int], message: str
) -> None:
    with pytest.raises(MapError) as caught:
        argmap.loads(text)
    [issue] = caught.value.issues
    assert (issue.code, (issue.line, issue.column), issue.message) == (
        "yaml-syntax",
        where,
        message,
    )
