"""The model: validation of fields, read-only mappings, roles and queries."""

from __future__ import annotations

import types
from collections.abc import Callable

import attrs
import pytest

from argmap import (
    Argument,
    ArgumentMap,
    AttackType,
    Citation,
    Group,
    MapError,
    Role,
    Statement,
)
from argmap.model import Entities, _unchecked_maker, unchecked


def chain() -> ArgumentMap:
    """a -> b -> c (support chain), d attacks b, e attacks a, f undercuts ab."""
    return ArgumentMap(
        "Chain",
        [Statement(s, s.upper()) for s in "abcdefg"],
        [
            Argument("ab", ["a"], "support", "b"),
            Argument("bc", ["b", "g"], "support", "c"),
            Argument("db", ["d"], "attack", "b"),
            Argument("ea", ["e"], "attack", "a"),
            Argument("f-ab", ["f"], "undercut", "ab"),
        ],
    )


def test_statements_and_arguments_are_read_only_mappings_in_authored_order() -> None:
    m = chain()
    assert list(m.statements) == list("abcdefg")
    assert list(m.arguments) == ["ab", "bc", "db", "ea", "f-ab"]
    assert m.statements["b"].text == "B"
    with pytest.raises(TypeError):
        m.statements["x"] = Statement("x", "X")  # type: ignore[index]


def test_maps_are_frozen_equal_by_value_and_hashable() -> None:
    assert chain() == chain()
    assert hash(chain()) == hash(chain())
    with pytest.raises(AttributeError):
        chain().title = "Other"  # type: ignore[misc]


def test_a_mapping_can_be_passed_instead_of_a_list() -> None:
    statements = {"a": Statement("a", "A")}
    assert ArgumentMap("t", statements).statements == Entities([Statement("a", "A")])


def test_two_statements_with_one_id_cannot_both_be_kept() -> None:
    with pytest.raises(MapError) as caught:
        ArgumentMap("t", [Statement("a", "A"), Statement("a", "B")])
    [issue] = caught.value.issues
    assert issue.code == "duplicate-id"
    assert issue.message == "statement id 'a' is defined more than once; give each one its own id"


def test_an_invalid_kind_names_field_expected_and_got() -> None:
    with pytest.raises(ValueError) as caught:
        Argument("x", ["a"], "suport", "b")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "'kind' must be one of ['attack', 'support', 'undercut'] (got 'suport')"
    )


@pytest.mark.parametrize("bad", ["", "has space", "-leading", "a/b"])
def test_ids_must_be_short_and_human(bad: str) -> None:
    with pytest.raises(ValueError, match="'id' must be an id of letters"):
        Statement(bad, "text")


def test_ids_may_use_letters_of_any_script() -> None:
    assert Statement("straße-1", "x").id == "straße-1"


def test_statement_text_must_not_be_blank() -> None:
    with pytest.raises(ValueError, match="'text' must be a non-empty string"):
        Statement("a", "   ")


def test_one_id_or_tag_is_accepted_where_a_tuple_is_expected() -> None:
    s = Statement("a", "A", by="analysts", tags="economy")
    assert s.by == ("analysts",)
    assert s.tags == ("economy",)
    assert Argument("x", "a", "support", "b").premises == ("a",)


def test_citations_are_kept_as_a_tuple() -> None:
    s = Statement("a", "A", quotes=[Citation("src", "Zitat")])
    assert s.quotes == (Citation("src", "Zitat"),)


def test_roles_are_played_not_fixed() -> None:
    m = chain()
    assert m.roles("a") == {Role.PREMISE}
    assert m.roles("b") == {Role.PREMISE, Role.CONCLUSION}
    assert m.roles("c") == {Role.CONCLUSION}
    assert m.roles("unknown") == frozenset()
    assert m.arguments["bc"].role_of("b") is Role.PREMISE
    assert m.arguments["ab"].role_of("b") is Role.CONCLUSION
    assert m.arguments["db"].role_of("b") is None


def test_arguments_for_against_and_undercutting() -> None:
    m = chain()
    assert [a.id for a in m.arguments_for("b")] == ["ab"]
    assert [a.id for a in m.arguments_against("b")] == ["db"]
    assert [a.id for a in m.undercutters("ab")] == ["f-ab"]
    assert [a.id for a in m.arguments_using("b")] == ["bc"]
    assert m.arguments_for("a") == ()
    assert [a.id for a in m.arguments_targeting("b")] == ["ab", "db"]
    assert [a.id for a in m.arguments_targeting("ab")] == ["f-ab"]
    assert m.arguments_targeting("c") == tuple(m.arguments_for("c"))
    assert m.arguments_targeting("unknown") == ()


def test_entities_by_id_is_a_read_only_view_in_authored_order() -> None:
    m = chain()
    table = m.statements.by_id
    assert list(table.items()) == list(m.statements.items())
    with pytest.raises(TypeError):
        table["z"] = Statement("z", "Z")  # type: ignore[index]


def test_attack_type_follows_from_the_targets_role() -> None:
    m = chain()
    assert m.attack_type("db") is AttackType.REBUTTAL  # b is concluded by ab
    assert m.attack_type("ea") is AttackType.UNDERMINING  # a is only a premise
    assert m.attack_type("f-ab") is AttackType.UNDERCUT
    assert m.attack_type("ab") is None
    assert m.attack_types == {
        "db": AttackType.REBUTTAL,
        "ea": AttackType.UNDERMINING,
        "f-ab": AttackType.UNDERCUT,
    }


def test_attacking_a_claim_that_plays_no_role_is_a_rebuttal() -> None:
    m = ArgumentMap(
        "t", [Statement("a", "A"), Statement("b", "B")], [Argument("x", ["a"], "attack", "b")]
    )
    assert m.attack_type("x") is AttackType.REBUTTAL


def test_main_theses_are_derived_when_not_declared() -> None:
    assert chain().main_theses == ("c",)


def test_declared_theses_win() -> None:
    m = ArgumentMap(
        "t",
        [Statement("a", "A"), Statement("b", "B")],
        [Argument("x", ["a"], "support", "b")],
        theses=["a"],
    )
    assert m.main_theses == ("a",)


def test_an_argument_s_kind_may_be_written_as_yaml_writes_its_key() -> None:
    assert Argument("a", ["p"], "supports", "c").kind == "support"
    assert Argument("a", ["p"], "attacks", "c").kind == "attack"
    assert Argument("a", ["p"], "undercuts", "c").kind == "undercut"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: Statement("s", "T.", quote=Citation("art", "q")),  # type: ignore[call-arg]
            "Statement() has no argument 'quote', as YAML writes it: write "
            "quotes=[Citation(source, text)] (one or more citations)",
        ),
        (
            lambda: Argument(  # type: ignore[call-arg]
                "a", ["p"], quote=Citation("art", "q"), kind="support", target="c"
            ),
            "Argument() has no argument 'quote', as YAML writes it: write "
            "quotes=[Citation(source, text)] (one or more citations)",
        ),
        (
            lambda: Argument("a", ["p"], supports="c"),  # type: ignore[call-arg]
            "Argument() has no argument 'supports', as YAML writes it: write "
            "Argument(id, premises, 'support', target)",
        ),
    ],
    ids=["statement quote", "argument quote", "supports"],
)
def test_a_yaml_key_in_a_constructor_says_how_python_spells_it(
    build: Callable[[], object], message: str
) -> None:
    with pytest.raises(TypeError) as caught:
        build()
    assert str(caught.value) == message


def test_other_type_errors_of_the_constructors_are_python_s_own() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Statement("s", "T.", colour="red")  # type: ignore[call-arg]


def test_a_reader_s_unchecked_statement_argument_or_group_equals_the_checked_one() -> None:
    statement = unchecked(Statement, id="s1", text="Rain.", tags=("weather",), data={"k": [1]})
    assert statement == Statement("s1", "Rain.", tags="weather", data={"k": [1]})
    assert statement.data["k"] == (1,)  # data frozen as the class freezes it
    assert statement.mode == "asserted" and statement.by == ()  # the rest take their defaults
    argument = unchecked(Argument, id="a1", premises=("s1",), kind="attack", target="s2")
    assert argument == Argument("a1", ["s1"], "attack", "s2")
    assert hash(argument) == hash(Argument("a1", ["s1"], "attack", "s2"))
    with pytest.raises(TypeError, match="unexpected keyword argument 'quote'"):
        unchecked(Statement, id="s1", text="Rain.", quote="x")
    group = unchecked(Group, id="g1", title="Weather", members=("s1", "a1"), data={"k": 1})
    assert group == Group("g1", "Weather", ["s1", "a1"], data={"k": 1})
    assert group.translations == ()


def test_an_unchecked_class_without_slots_has_its_fields_set_by_name() -> None:
    @attrs.frozen(slots=False)
    class Note:
        id: str = attrs.field(validator=attrs.validators.instance_of(str))
        text: str = "none"

    made = _unchecked_maker(Note)(id=3)  # no validator runs
    assert (made.id, made.text, vars(made)) == (3, "none", {"id": 3, "text": "none"})


def test_a_reader_s_read_only_data_is_taken_as_it_is() -> None:
    """A reader that builds its data read-only answers for it; the rest is frozen as ever."""
    data = types.MappingProxyType({"aif": types.MappingProxyType({"timestamp": "2012"})})
    statement = unchecked(Statement, id="s1", text="Rain.", data=data)
    assert statement.data is data
    assert statement == Statement("s1", "Rain.", data={"aif": {"timestamp": "2012"}})
    mixed = unchecked(Statement, id="s1", text="Rain.", data={"aif": data["aif"], "k": [1]})
    assert mixed.data == {"aif": {"timestamp": "2012"}, "k": (1,)}
