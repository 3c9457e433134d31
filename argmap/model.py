"""The argument map as immutable data: statements, arguments, sources, agents.

Premise and conclusion are roles a statement plays in an argument, not kinds
of statement: the conclusion of one argument is often a premise of the next.
Nothing here reads files or knows about YAML or Graphviz.
"""

from __future__ import annotations

import enum
import functools
import re
import types
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from typing import Any, Generic, Literal, TypeVar, overload

import attrs

from ._helpers import one_or_many
from .errors import DocPath, Issue, MapError

__all__ = [
    "Agent",
    "Argument",
    "ArgumentMap",
    "AttackType",
    "Citation",
    "CriticalQuestion",
    "Data",
    "Dispute",
    "Entities",
    "Group",
    "Mode",
    "Origin",
    "Position",
    "Relation",
    "RelationType",
    "Role",
    "Scheme",
    "SchemeRole",
    "Source",
    "Standard",
    "Statement",
    "Translation",
    "Weighing",
]

#: What an argument does to its target.
Relation = Literal["support", "attack", "undercut"]
RELATIONS: tuple[Relation, ...] = ("support", "attack", "undercut")

#: How an evaluation should treat a statement no argument decides.
Status = Literal["assumed", "questioned"]
STATUSES: tuple[Status, ...] = ("assumed", "questioned")

#: How the text puts a statement: as a claim (``asserted``), as an open
#: question it does not answer, or under a condition it entertains.
Mode = Literal["asserted", "question", "hypothetical"]
MODES: tuple[Mode, ...] = ("asserted", "question", "hypothetical")

#: How an argument's weight depends on its premises (Carneades' weighing
#: functions): ``linked`` needs every premise ``in``; ``convergent`` one;
#: ``cumulative`` grows with the share of premises ``in``; ``factorized``
#: needs no premise ``out`` and grows with the share of the issue's premises
#: it has ``in``; ``constant`` weighs the same whatever its premises' labels.
Weighing = Literal["linked", "convergent", "cumulative", "factorized", "constant"]
WEIGHINGS: tuple[Weighing, ...] = ("linked", "convergent", "cumulative", "factorized", "constant")

#: The proof standard of an issue: preponderance of the evidence (the
#: default), clear and convincing evidence, beyond reasonable doubt.
Standard = Literal["pe", "cce", "brd"]
STANDARDS: tuple[Standard, ...] = ("pe", "cce", "brd")

#: Ids are short and human: letters, digits, ``-``, ``_`` and ``.``, starting
#: with a letter or digit, in any script (``sanctions-motive``, ``a2``, ``straße-3``).
#: Carneades' ids fit too: a leading ``¬`` for a negation, and ``(``, ``)``
#: and ``,`` inside for its atomic formulas (``¬app(a1)``, ``price(volvo,high)``).
ID_PATTERN = re.compile(r"¬?[^\W_][\w.,()¬-]*\Z")


class Role(enum.Enum):
    """A role a statement plays in an argument."""

    PREMISE = "premise"
    CONCLUSION = "conclusion"

    def __str__(self) -> str:
        return self.value


class AttackType(enum.Enum):
    """How an attacking argument attacks (follows from its target's role).

    * ``REBUTTAL``: attacks a statement that some argument concludes (or a
      claim that no argument uses as a premise);
    * ``UNDERMINING``: attacks a statement that is only used as a premise;
    * ``UNDERCUT``: attacks an argument's inference itself;
    * ``ARGUMENT``: attacks another argument as a whole, without saying
      which part (Argdown's ``-> <Argument>``).
    """

    REBUTTAL = "rebuttal"
    UNDERMINING = "undermining"
    UNDERCUT = "undercut"
    ARGUMENT = "argument-attack"

    def __str__(self) -> str:
        return self.value


class RelationType(enum.Enum):
    """What an argument does to its target, with the kind of target it has.

    An argument's ``kind`` says support, attack or undercut; whether a
    support or an attack aims at a statement or at another argument follows
    from the map (:meth:`ArgumentMap.relation_type`):

    * ``SUPPORT``: supports a statement (its conclusion);
    * ``ATTACK``: attacks a statement (rebuts or undermines it);
    * ``ARGUMENT_SUPPORT``: backs another argument as a whole (its inference:
      Toulmin's backing, AIF's RA node pointing at an RA node);
    * ``ARGUMENT_ATTACK``: attacks another argument as a whole, without
      saying which part;
    * ``UNDERCUT``: attacks another argument's inference, precisely.
    """

    SUPPORT = "support"
    ATTACK = "attack"
    ARGUMENT_SUPPORT = "argument-support"
    ARGUMENT_ATTACK = "argument-attack"
    UNDERCUT = "undercut"

    @property
    def on_argument(self) -> bool:
        """Whether the target is an argument (a support, attack or undercut of one)."""
        return self is not RelationType.SUPPORT and self is not RelationType.ATTACK

    def __str__(self) -> str:
        return self.value


def _check_id(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise ValueError(
            f"'{attribute.name}' must be an id of letters, digits, '-', '_' and '.' "
            f"starting with a letter or digit (got {value!r})"
        )


def _check_ids(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for item in value:
        _check_id(instance, attribute, item)


def _one_of(options: tuple[str, ...]) -> Any:
    """Validator: the value is one of ``options``; the message lists them."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in options:
            raise ValueError(
                f"'{attribute.name}' must be one of {sorted(options)!r} (got {value!r})"
            )

    return validate


def _weight(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"'{attribute.name}' must be a number from 0 to 1 (got {value!r})")


#: The YAML keys of the kinds of argument, which the constructor accepts too.
_RELATION_KEYS = {"supports": "support", "attacks": "attack", "undercuts": "undercut"}
#: How YAML names the kinds of argument: the keys of their targets.
RelationKey = Literal["supports", "attacks", "undercuts"]


def _relation(value: Relation | RelationKey) -> Relation:
    """``"supports"`` as YAML writes it is the kind ``"support"``; the rest as given."""
    found: Relation = _RELATION_KEYS.get(value, value)  # type: ignore[assignment]
    return found  # a kind, or what the validator refuses


def _yaml_keys_named(cls: type, keys: dict[str, str]) -> None:
    """Make ``cls()`` with a YAML key it does not take say what to write instead.

    ``Statement(..., quote=...)`` would be Python's bare complaint about an
    unexpected keyword argument; the YAML spelling is the natural first try.
    """
    init = cls.__init__  # type: ignore[misc]

    @functools.wraps(init)
    def init_naming_yaml_keys(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except TypeError:
            for key, instead in keys.items():
                if key in kwargs:
                    raise TypeError(
                        f"{cls.__name__}() has no argument {key!r}, as YAML writes it: {instead}"
                    ) from None
            raise

    cls.__init__ = init_naming_yaml_keys  # type: ignore[misc]


def _nonempty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise ValueError(f"'{attribute.name}' must be a non-empty string (got {value!r})")


def _bool(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not True and value is not False:
        raise ValueError(f"'{attribute.name}' must be True or False (got {value!r})")


def _citations(value: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(value)


# Validators that are quick when the value is valid (the usual case: a map
# of 100,000 statements builds as many objects) and leave the message to
# attrs' own validator when it is not.
_attrs_optional_str = attrs.validators.optional(attrs.validators.instance_of(str))
_attrs_str = attrs.validators.instance_of(str)
_attrs_str_items = attrs.validators.deep_iterable(attrs.validators.instance_of(str))


def _optional_str(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        _attrs_optional_str(instance, attribute, value)


def _nonempty_str(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        _attrs_str(instance, attribute, value)
    _nonempty(instance, attribute, value)


def _str_items(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value and not all(isinstance(item, str) for item in value):
        _attrs_str_items(instance, attribute, value)


#: A language tag (BCP 47): ``en``, ``de``, ``pt-BR``.
LANG_PATTERN = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\Z")


def _check_lang(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not LANG_PATTERN.match(value):
        raise ValueError(
            f"'{attribute.name}' must be a language tag such as 'en' or 'de-CH' (got {value!r})"
        )


@attrs.frozen
class Translation:
    """A statement's, argument's or map's text in another language than the map's.

    Attributes:
        lang: The language, a BCP 47 tag such as ``de``.
        text: The translated text (a statement's text; a map's description).
        title: The translated title.
        hedge: The translated hedge of a statement.
    """

    lang: str = attrs.field(validator=_check_lang)
    text: str | None = attrs.field(default=None, validator=_optional_str)
    title: str | None = attrs.field(default=None, validator=_optional_str)
    hedge: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)


def _translations(value: Iterable[Translation]) -> tuple[Translation, ...]:
    return tuple(value)


def _citation_items(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value and not all(isinstance(item, Citation) for item in value):
        attrs.validators.deep_iterable(attrs.validators.instance_of(Citation))(
            instance, attribute, value
        )


def _unique_langs(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Translation, ...]
) -> None:
    if not value:
        return
    langs = [t.lang for t in value]
    if len(set(langs)) != len(langs):
        raise ValueError(f"'translations' must give each language once (got {langs!r})")


_attrs_translation_items = attrs.validators.deep_iterable(attrs.validators.instance_of(Translation))


def _translation_items(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value and not all(isinstance(item, Translation) for item in value):
        _attrs_translation_items(instance, attribute, value)


#: Free-form metadata: what other tools record beside the argument (Argdown's
#: ``{key: value}`` data, AIF node ids and timestamps), kept so it survives a
#: round trip. JSON-like: strings, numbers, booleans, ``None``, lists and
#: mappings with string keys.
Data = Mapping[str, Any]

_EMPTY_DATA: Data = types.MappingProxyType({})


#: What data holds as it is (subclasses of these too, looked at after).
_SCALARS = (str, bool, int, float, type(None))


class _UnfitError(Exception):
    """A value data cannot hold: the message up to its place, and the place, innermost first."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.place: list[str] = []


def _freeze(value: Any, where: str) -> Any:
    """``value`` deeply read-only; ``where`` is its place, for the message when it cannot be."""
    try:
        return _frozen(value)
    except _UnfitError as unfit:
        raise ValueError(f"{unfit.message}{where}{''.join(reversed(unfit.place))})") from None


def _frozen(value: Any) -> Any:
    # The places of the values are put together only for an error: a map of
    # thousands of nodes from AIF has tens of thousands of values in its data.
    kind = type(value)
    if kind in _SCALARS or isinstance(value, (str, bool, int, float)):
        return value
    if kind is dict or isinstance(value, Mapping):
        frozen = {}
        for key, item in value.items():
            if type(key) is not str and not isinstance(key, str):
                raise _UnfitError(f"'data' keys must be strings (got {key!r} in ")
            if type(item) in _SCALARS:  # most values: no call, nothing to freeze
                frozen[key] = item
                continue
            try:
                frozen[key] = _frozen(item)
            except _UnfitError as unfit:
                unfit.place.append(f".{key}")
                raise
        return types.MappingProxyType(frozen)
    if isinstance(value, (list, tuple)):
        try:
            return tuple([item if type(item) in _SCALARS else _frozen(item) for item in value])
        except _UnfitError as unfit:
            unfit.place.append("[]")
            raise
    raise _UnfitError(
        "'data' holds only strings, numbers, booleans, None, lists and mappings "
        f"(got {type(value).__name__} in "
    )


def _data(value: Mapping[str, Any] | None) -> Data:
    """Store metadata deeply read-only: mappings as mapping proxies, lists as tuples."""
    if not value:
        return _EMPTY_DATA
    if type(value) is not dict and not isinstance(value, Mapping):
        raise ValueError(f"'data' must be a mapping (got {type(value).__name__})")
    frozen: Data = _freeze(value, "data")
    return frozen


def plain(value: Any) -> Any:
    """Metadata as plain, mutable Python data (dicts and lists), e.g. for ``json.dumps``."""
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


@attrs.frozen
class Agent:
    """Someone who asserts statements or arguments: a person, a group, a publication.

    Attributes:
        id: Short id used in ``by:`` fields.
        name: Display name, e.g. ``Daniel Pinkston, Troy University``.
        description: Optional note on who this is.
        url: Optional link.
        translations: The name in other languages than the map's, as each
            translation's ``title``.
        data: Free-form metadata (see :data:`Data`).
    """

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=[attrs.validators.instance_of(str), _nonempty])
    description: str | None = attrs.field(default=None, validator=_optional_str)
    url: str | None = attrs.field(default=None, validator=_optional_str)
    data: Data = attrs.field(default=_EMPTY_DATA, converter=_data, hash=False, kw_only=True)
    translations: tuple[Translation, ...] = attrs.field(
        default=(),
        converter=_translations,
        validator=[_translation_items, _unique_langs],
        kw_only=True,
    )


@attrs.frozen
class Source:
    """A document statements are taken from.

    Attributes:
        id: Short id used in citations.
        title: Title of the document.
        author: Author(s), free text.
        publisher: Publisher or outlet.
        date: Publication date as written (ISO 8601 recommended).
        url: Where it is published.
        lang: Language as a BCP 47 tag, e.g. ``de``.
        file: Path of a local plain-text copy, relative to the map file; quotes
            are verified against it.
    """

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=[attrs.validators.instance_of(str), _nonempty])
    author: str | None = attrs.field(default=None, validator=_optional_str)
    publisher: str | None = attrs.field(default=None, validator=_optional_str)
    date: str | None = attrs.field(default=None, validator=_optional_str)
    url: str | None = attrs.field(default=None, validator=_optional_str)
    lang: str | None = attrs.field(default=None, validator=_optional_str)
    file: str | None = attrs.field(default=None, validator=_optional_str)


@attrs.frozen
class Citation:
    """A verbatim quote from a source that a statement or argument rests on.

    Attributes:
        source: Id of the :class:`Source` quoted.
        text: The quoted passage, verbatim (whitespace and quote marks are
            normalised when it is verified).
    """

    source: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=[attrs.validators.instance_of(str), _nonempty])


@attrs.frozen
class Statement:
    """One proposition, in one sentence.

    Attributes:
        id: Short, human id, unique in the map.
        text: The proposition.
        title: Optional short title shown above the text.
        by: Ids of the agents who hold it.
        quotes: Citations pinning it to sources.
        tags: Free-form labels for filtering.
        note: Optional remark by the map's author.
        status: ``"assumed"`` (accepted unless attacked) or ``"questioned"``
            (accepted only when supported), for evaluation; ``None`` leaves
            it to the evaluation's default.
        implicit: ``True`` when the text does not say it and the map's author
            added it (an unstated premise); such a statement has no quote
            and no speaker. ``False`` (stated) otherwise.
        mode: How the text puts it: ``"asserted"`` (a claim, the default),
            ``"question"`` (asked and not answered) or ``"hypothetical"``
            (entertained under a condition). Evaluation never takes a
            question or a hypothesis as given.
        hedge: The text's own qualifier of the claim, e.g. ``presumably``.
        via: Id of the agent who relays what ``by`` holds (reported speech:
            "according to the publication, Washington says ...").
        translations: The text, title and hedge in other languages than the map's.
        data: Free-form metadata (see :data:`Data`).
    """

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_nonempty_str)
    title: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    by: tuple[str, ...] = attrs.field(
        default=(), converter=one_or_many, validator=_check_ids, kw_only=True
    )
    quotes: tuple[Citation, ...] = attrs.field(
        default=(),
        converter=_citations,
        validator=_citation_items,
        kw_only=True,
    )
    tags: tuple[str, ...] = attrs.field(
        default=(), converter=one_or_many, validator=_str_items, kw_only=True
    )
    note: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    status: Status | None = attrs.field(
        default=None, validator=attrs.validators.optional(_one_of(STATUSES)), kw_only=True
    )
    implicit: bool = attrs.field(default=False, validator=_bool, kw_only=True)
    mode: Mode = attrs.field(default="asserted", validator=_one_of(MODES), kw_only=True)
    hedge: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    via: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_id), kw_only=True
    )
    data: Data = attrs.field(default=_EMPTY_DATA, converter=_data, hash=False, kw_only=True)
    translations: tuple[Translation, ...] = attrs.field(
        default=(),
        converter=_translations,
        validator=[_translation_items, _unique_langs],
        kw_only=True,
    )


@attrs.frozen
class Argument:
    """An inference from linked premises to one target.

    The premises are jointly needed (linked). The target is a statement the
    argument supports or attacks, or another argument: one it supports or
    attacks as a whole, or whose inference it undercuts
    (:meth:`ArgumentMap.relation_type` tells which).

    Attributes:
        id: Short, human id, unique in the map (statements included).
        premises: Ids of the premise statements, at least one.
        kind: ``"support"``, ``"attack"`` or ``"undercut"``.
        target: Id of the statement supported or attacked, or of the argument
            supported, attacked or undercut.
        title: Optional short title shown on the argument node.
        by: Ids of the agents who make the argument.
        quotes: Citations of the passages that make the argument.
        tags: Free-form labels for filtering.
        note: Optional remark by the map's author.
        scheme: Id of the argumentation scheme the argument instantiates
            (built in, or defined in the map's ``schemes``).
        roles: The scheme's premise role each premise fills, in the order of
            ``premises``; empty when the premises are not assigned roles.
        answers: Id of the critical question this argument answers, for an
            argument that targets an argument with a scheme, its premises or
            its conclusion.
        implicit: ``True`` when the text does not draw this link and the
            map's author added it; such an argument has no quote and no
            speaker. ``False`` (stated) otherwise.
        via: Id of the agent who relays what ``by`` argues (reported speech).
        weight: How strong the argument is, from 0 to 1, when its premises
            hold (Carneades' weighing); ``None`` is full strength, 1.
        weighing: How its premises' labels give its weight (see
            :data:`Weighing`); ``"linked"`` by default.
        translations: The title in other languages than the map's.
        data: Free-form metadata (see :data:`Data`).
    """

    id: str = attrs.field(validator=_check_id)
    premises: tuple[str, ...] = attrs.field(converter=one_or_many, validator=_check_ids)
    kind: Relation = attrs.field(converter=_relation, validator=_one_of(RELATIONS))
    target: str = attrs.field(validator=_check_id)
    title: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    by: tuple[str, ...] = attrs.field(
        default=(), converter=one_or_many, validator=_check_ids, kw_only=True
    )
    quotes: tuple[Citation, ...] = attrs.field(
        default=(),
        converter=_citations,
        validator=_citation_items,
        kw_only=True,
    )
    tags: tuple[str, ...] = attrs.field(
        default=(), converter=one_or_many, validator=_str_items, kw_only=True
    )
    note: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    scheme: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_id), kw_only=True
    )
    roles: tuple[str, ...] = attrs.field(default=(), converter=one_or_many, kw_only=True)
    answers: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_id), kw_only=True
    )
    implicit: bool = attrs.field(default=False, validator=_bool, kw_only=True)
    via: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_id), kw_only=True
    )
    weight: float | None = attrs.field(default=None, validator=_weight, kw_only=True)
    weighing: Weighing = attrs.field(default="linked", validator=_one_of(WEIGHINGS), kw_only=True)
    data: Data = attrs.field(default=_EMPTY_DATA, converter=_data, hash=False, kw_only=True)
    translations: tuple[Translation, ...] = attrs.field(
        default=(),
        converter=_translations,
        validator=[_translation_items, _unique_langs],
        kw_only=True,
    )

    @roles.validator
    def _roles_match_premises(
        self, attribute: attrs.Attribute[Any], value: tuple[str, ...]
    ) -> None:
        _check_ids(self, attribute, value)
        if value and len(value) != len(self.premises):
            raise ValueError(
                f"'roles' must name one role per premise ({len(self.premises)}) (got {len(value)})"
            )
        if len(set(value)) != len(value):
            raise ValueError(f"'roles' must not repeat a role (got {list(value)!r})")

    def role(self, statement_id: str) -> str | None:
        """The scheme role ``statement_id`` fills as a premise, if roles are given."""
        if self.roles and statement_id in self.premises:
            return self.roles[self.premises.index(statement_id)]
        return None

    @property
    def label(self) -> str:
        """The title, or the id when there is none."""
        return self.title or self.id

    def role_of(self, statement_id: str) -> Role | None:
        """The role ``statement_id`` plays in this argument, if any.

        A supported statement is the argument's conclusion; an attacked one is
        its target but not its conclusion, so it gets no role here.
        """
        if statement_id in self.premises:
            return Role.PREMISE
        if self.kind == "support" and statement_id == self.target:
            return Role.CONCLUSION
        return None


_Built = TypeVar("_Built", Statement, Argument, "Group")


#: Each class's maker for :func:`unchecked`, made on first use.
_UNCHECKED: dict[type[Any], Callable[..., Any]] = {}


def _unchecked_maker(cls: type[Any]) -> Callable[..., Any]:
    """A function setting each field of ``cls`` from a keyword, as attrs' own ``__init__`` does.

    Generated, as attrs generates ``__init__``: one assignment per field, no
    loop; required fields are required keywords, the rest take their defaults.
    """
    fields = attrs.fields(cls)
    params = [
        f.name if f.default is attrs.NOTHING else f"{f.name}=_default_{f.name}" for f in fields
    ]
    values = {
        f.name: f"{f.name} if type({f.name}) is _read_only else _data({f.name})"
        if f.name == "data"
        else f.name
        for f in fields
    }
    # Each field set through its slot (attrs' classes have slots), else by name.
    slots = {f.name: vars(cls).get(f.name) for f in fields}
    by_slot = all(type(slot) is types.MemberDescriptorType for slot in slots.values())
    lines = [f"def unchecked_{cls.__name__}(*, {', '.join(params)}):", "    self = _new(_cls)"]
    if by_slot:
        lines += [f"    _slot_{name}(self, {value})" for name, value in values.items()]
    else:
        lines.append("    _set = _get(self)")
        lines += [f"    _set({name!r}, {value})" for name, value in values.items()]
    lines.append("    return self")
    namespace: dict[str, Any] = {
        "_new": object.__new__,
        "_get": object.__setattr__.__get__,
        "_cls": cls,
        "_data": _data,
        "_read_only": types.MappingProxyType,
        **{f"_default_{f.name}": f.default for f in fields},
        **({f"_slot_{name}": slot.__set__ for name, slot in slots.items()} if by_slot else {}),
    }
    exec("\n".join(lines), namespace)  # our own text, from the class's field names only
    maker: Callable[..., Any] = namespace[f"unchecked_{cls.__name__}"]
    return maker


def unchecked(cls: type[_Built], **values: Any) -> _Built:
    """``cls(**values)`` made without its validators and converters: for readers only.

    A reader that derives every value itself (ids it generated, text it
    collapsed, tuples of strings) knows them valid; putting a large map's
    thousands of statements and arguments through the checks again is a
    good part of what reading costs. The caller answers for the values, so
    anything taken from the user goes through the class itself. ``data`` is
    frozen (and checked) as the class does, unless it is a read-only mapping
    (``types.MappingProxyType``) already: a reader that builds its data so
    answers for every value in it being read-only too. Fields not given take
    their defaults.
    """
    built: _Built = unchecked_maker(cls)(**values)
    return built


def unchecked_maker(cls: type[_Built]) -> Callable[..., _Built]:
    """The function :func:`unchecked` makes ``cls`` with, for a reader that makes thousands."""
    maker = _UNCHECKED.get(cls)
    if maker is None:
        maker = _UNCHECKED[cls] = _unchecked_maker(cls)
    return maker


_QUOTES = "write quotes=[Citation(source, text)] (one or more citations)"
_yaml_keys_named(Statement, {"quote": _QUOTES})
_yaml_keys_named(
    Argument,
    {
        "quote": _QUOTES,
        **{
            key: f"write Argument(id, premises, {kind!r}, target)"
            for key, kind in _RELATION_KEYS.items()
        },
    },
)


@attrs.frozen
class SchemeRole:
    """A premise role of a scheme, e.g. the ``expert`` of argument from expert opinion.

    Attributes:
        id: Short id used as a key under an argument's ``premises``.
        text: The premise's pattern, e.g. ``E is an expert in domain D.``
    """

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=[attrs.validators.instance_of(str), _nonempty])


@attrs.frozen
class CriticalQuestion:
    """A question that can defeat an argument built on a scheme.

    Attributes:
        id: Short id that an answering argument names in ``answers``.
        text: The question.
    """

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=[attrs.validators.instance_of(str), _nonempty])


def _roles(value: Iterable[SchemeRole]) -> tuple[SchemeRole, ...]:
    return tuple(value)


def _questions(value: Iterable[CriticalQuestion]) -> tuple[CriticalQuestion, ...]:
    return tuple(value)


@attrs.frozen
class Scheme:
    """An argumentation scheme: the pattern of an inference, with its critical questions.

    Attributes:
        id: Short id that arguments name in ``scheme``.
        name: Display name, e.g. ``Argument from expert opinion``.
        premises: The premise roles, in order.
        conclusion: The conclusion's pattern.
        questions: The critical questions.
        reference: Where the scheme is described (literature), optional.
    """

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=[attrs.validators.instance_of(str), _nonempty])
    premises: tuple[SchemeRole, ...] = attrs.field(default=(), converter=_roles)
    conclusion: str | None = attrs.field(default=None, validator=_optional_str)
    questions: tuple[CriticalQuestion, ...] = attrs.field(default=(), converter=_questions)
    reference: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)


@attrs.frozen
class Group:
    """Statements and arguments that belong together, e.g. one line of reasoning.

    Diagrams draw a group as a framed cluster under its title.

    Attributes:
        id: Short id.
        title: The group's title, drawn on its frame.
        members: Ids of its statements and arguments.
        translations: The title in other languages than the map's.
        data: Free-form metadata (see :data:`Data`).
    """

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=[attrs.validators.instance_of(str), _nonempty])
    members: tuple[str, ...] = attrs.field(default=(), converter=one_or_many, validator=_check_ids)
    data: Data = attrs.field(default=_EMPTY_DATA, converter=_data, hash=False, kw_only=True)
    translations: tuple[Translation, ...] = attrs.field(
        default=(),
        converter=_translations,
        validator=[_translation_items, _unique_langs],
        kw_only=True,
    )


@attrs.frozen
class Dispute:
    """An issue: a question with two or more positions that exclude each other.

    The map's ``issues`` hold these (IBIS and Carneades call them issues;
    the class has its own name because :class:`argmap.Issue` is a problem
    that a check reports). At most one position of a dispute holds:
    Carneades' evaluation weighs the arguments for each position under the
    dispute's proof standard, and Dung's semantics let an argument for one
    position attack the others.

    Attributes:
        id: Short id.
        positions: Ids of the statements that answer the question, two or more.
        question: The question in words, optional.
        statement: Id of a statement of the map that asks the question
            (``mode: question``), optional.
        standard: The proof standard (see :data:`Standard`); ``None`` is
            the default, ``pe`` (preponderance of the evidence).
        translations: The question in other languages than the map's
            (held as each translation's ``text``).
        data: Free-form metadata (see :data:`Data`).
    """

    id: str = attrs.field(validator=_check_id)
    positions: tuple[str, ...] = attrs.field(converter=one_or_many, validator=_check_ids)
    question: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    statement: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_id), kw_only=True
    )
    standard: Standard | None = attrs.field(
        default=None, validator=attrs.validators.optional(_one_of(STANDARDS)), kw_only=True
    )
    data: Data = attrs.field(default=_EMPTY_DATA, converter=_data, hash=False, kw_only=True)
    translations: tuple[Translation, ...] = attrs.field(
        default=(),
        converter=_translations,
        validator=[_translation_items, _unique_langs],
        kw_only=True,
    )

    @property
    def proof_standard(self) -> Standard:
        """The standard that applies: :attr:`standard`, or ``pe`` when none is given."""
        return self.standard or "pe"


_T = TypeVar("_T", Statement, Argument, Source, Agent, Scheme, Group, Dispute)


class Entities(Mapping[str, _T], Generic[_T]):
    """A read-only, hashable mapping from id to object, in authored order."""

    __slots__ = ("_items",)

    def __init__(self, items: Iterable[_T] = ()) -> None:
        table: dict[str, _T] = {}
        duplicates: list[str] = []
        for item in items:
            if item.id in table:
                duplicates.append(item.id)
            table[item.id] = item
        if duplicates:
            raise MapError(
                Issue(
                    "duplicate-id",
                    f"{type(table[d]).__name__.lower()} id {d!r} is defined more than once; "
                    "give each one its own id",
                )
                for d in duplicates
            )
        self._items: dict[str, _T] = table

    def __getitem__(self, key: str) -> _T:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    # The dict's own views: quicker than Mapping's, which look up every key.
    def keys(self) -> KeysView[str]:
        return self._items.keys()

    def values(self) -> ValuesView[_T]:
        return self._items.values()

    def items(self) -> ItemsView[str, _T]:
        return self._items.items()

    @property
    def by_id(self) -> Mapping[str, _T]:
        """The same entities as a read-only view of a plain dict.

        Its lookups and ``in`` skip this class's methods, for code that
        looks up every id of a large map many times (the checks do).
        """
        return types.MappingProxyType(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Entities):  # order matters between maps
            return list(self._items.items()) == list(other._items.items())
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self._items.values()))

    def __repr__(self) -> str:
        return f"Entities({list(self._items.values())!r})"


def _entities(value: Iterable[Any] | Mapping[str, Any]) -> Entities[Any]:
    if isinstance(value, Entities):
        return value
    if isinstance(value, Mapping):
        return Entities(value.values())
    return Entities(value)


#: Where a node of a map document stands: file, 1-based line, 1-based column.
Position = tuple[str, int, int]


@attrs.frozen(eq=False)
class Origin:
    """Where a map was loaded from: its file and the position of each node.

    Attributes:
        file: Path of the map file as given to the loader (the including file,
            for a map split across files).
        positions: ``(file, line, column)`` of each node, by document path;
            nodes of included files carry their own file.
        files: Every file the map was read from, the including one first,
            then the included ones in the order they were read.
        issues: Warnings found while reading the text that the map itself
            cannot show (a text a comment cut short); :func:`argmap.check`
            reports them with the rest.
    """

    file: str
    positions: Mapping[DocPath, Position] = attrs.field(factory=dict, repr=False)
    files: tuple[str, ...] = attrs.field(kw_only=True)
    issues: tuple[Issue, ...] = attrs.field(default=(), kw_only=True, repr=False)

    @files.default
    def _just_the_file(self) -> tuple[str, ...]:
        return (self.file,)

    def locate(self, path: DocPath) -> Position | None:
        """Position of ``path``, or of its nearest ancestor that has one."""
        while True:
            found = self.positions.get(path)
            if found is not None or not path:
                return found
            path = path[:-1]


@attrs.frozen
class _Index:
    """Derived lookups, computed once per map."""

    by_target: Mapping[str, tuple[Argument, ...]]
    by_premise: Mapping[str, tuple[Argument, ...]]


@attrs.frozen
class ArgumentMap:
    """A whole argument map.

    ``statements``, ``arguments``, ``sources`` and ``agents`` are read-only
    mappings from id to object in authored order. Pass them as lists (or any
    iterable) of objects; ids must be unique within each.

    Attributes:
        title: The map's title.
        statements: The statements, by id.
        arguments: The arguments, by id.
        sources: The documents quoted, by id.
        agents: Who asserts what, by id.
        schemes: Argumentation schemes the map defines itself, by id (the
            built-in catalogue needs no definition).
        groups: Statements and arguments that belong together, by id.
        issues: Questions with positions that exclude each other, by id
            (see :class:`Dispute`).
        theses: Ids of the main theses, when declared; see :attr:`main_theses`.
        description: Optional longer description.
        lang: Language of the map's text as a BCP 47 tag, e.g. ``en``.
        other_langs: Further languages the map's text is translated into;
            a text or title missing in one of them is a check warning.
        translations: The title and description in other languages.
        data: Free-form metadata (see :data:`Data`), e.g. an Argdown
            document's front matter.
        origin: Where the map was loaded from (not part of equality).
    """

    title: str = attrs.field(validator=[attrs.validators.instance_of(str), _nonempty])
    statements: Entities[Statement] = attrs.field(factory=Entities, converter=_entities)
    arguments: Entities[Argument] = attrs.field(factory=Entities, converter=_entities)
    sources: Entities[Source] = attrs.field(factory=Entities, converter=_entities, kw_only=True)
    agents: Entities[Agent] = attrs.field(factory=Entities, converter=_entities, kw_only=True)
    schemes: Entities[Scheme] = attrs.field(factory=Entities, converter=_entities, kw_only=True)
    groups: Entities[Group] = attrs.field(factory=Entities, converter=_entities, kw_only=True)
    issues: Entities[Dispute] = attrs.field(factory=Entities, converter=_entities, kw_only=True)
    theses: tuple[str, ...] = attrs.field(
        default=(), converter=one_or_many, validator=_check_ids, kw_only=True
    )
    description: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    lang: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_lang), kw_only=True
    )
    other_langs: tuple[str, ...] = attrs.field(
        default=(),
        converter=one_or_many,
        validator=attrs.validators.deep_iterable(_check_lang),
        kw_only=True,
    )
    data: Data = attrs.field(default=_EMPTY_DATA, converter=_data, hash=False, kw_only=True)
    translations: tuple[Translation, ...] = attrs.field(
        default=(),
        converter=_translations,
        validator=[_translation_items, _unique_langs],
        kw_only=True,
    )
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @functools.cached_property
    def _index(self) -> _Index:
        by_target: dict[str, list[Argument]] = {}
        by_premise: dict[str, list[Argument]] = {}
        for argument in self.arguments.values():
            by_target.setdefault(argument.target, []).append(argument)
            for premise in dict.fromkeys(argument.premises):
                by_premise.setdefault(premise, []).append(argument)
        return _Index(
            by_target={k: tuple(v) for k, v in by_target.items()},
            by_premise={k: tuple(v) for k, v in by_premise.items()},
        )

    def _targeting(self, target: str, kind: Relation) -> tuple[Argument, ...]:
        return tuple(a for a in self._index.by_target.get(target, ()) if a.kind == kind)

    def issue_of(self, statement_id: str) -> Dispute | None:
        """The issue (:class:`Dispute`) that has ``statement_id`` among its positions, if any."""
        for dispute in self.issues.values():
            if statement_id in dispute.positions:
                return dispute
        return None

    def arguments_for(self, id: str) -> tuple[Argument, ...]:
        """The arguments that support ``id``: a statement (convergent support),
        or an argument they back as a whole."""
        return self._targeting(id, "support")

    def arguments_against(self, id: str) -> tuple[Argument, ...]:
        """The arguments that attack ``id``: a statement (they rebut or
        undermine it), or an argument they attack as a whole (not its
        undercutters: see :meth:`undercutters`)."""
        return self._targeting(id, "attack")

    def undercutters(self, argument_id: str) -> tuple[Argument, ...]:
        """The arguments that undercut ``argument_id``'s inference."""
        return self._targeting(argument_id, "undercut")

    def attackers(self, argument_id: str) -> tuple[Argument, ...]:
        """Every argument that attacks the argument ``argument_id``: as a
        whole, then by undercutting it, each in authored order."""
        return self._targeting(argument_id, "attack") + self._targeting(argument_id, "undercut")

    @overload
    def relation_type(self, argument: Argument) -> RelationType: ...
    @overload
    def relation_type(self, argument: str) -> RelationType: ...
    def relation_type(self, argument: Argument | str) -> RelationType:
        """What ``argument`` does to its target, and to which kind of target.

        A support or an attack whose target is an argument of the map is an
        :attr:`~RelationType.ARGUMENT_SUPPORT` or
        :attr:`~RelationType.ARGUMENT_ATTACK`; otherwise (its target a
        statement, or not defined at all) a statement's
        :attr:`~RelationType.SUPPORT` or :attr:`~RelationType.ATTACK`.
        """
        arg = self.arguments[argument] if isinstance(argument, str) else argument
        if arg.kind == "undercut":
            return RelationType.UNDERCUT
        on_argument = arg.target in self.arguments and arg.target not in self.statements
        if arg.kind == "support":
            return RelationType.ARGUMENT_SUPPORT if on_argument else RelationType.SUPPORT
        return RelationType.ARGUMENT_ATTACK if on_argument else RelationType.ATTACK

    def arguments_targeting(self, id: str) -> tuple[Argument, ...]:
        """Every argument whose target is ``id``: support, attack or undercut, in authored order."""
        return self._index.by_target.get(id, ())

    def arguments_using(self, statement_id: str) -> tuple[Argument, ...]:
        """The arguments that use ``statement_id`` as a premise."""
        return self._index.by_premise.get(statement_id, ())

    def roles(self, statement_id: str) -> frozenset[Role]:
        """The roles ``statement_id`` plays across all arguments of the map.

        A statement that is both a premise and a conclusion is an intermediary
        conclusion in a chain of reasoning.
        """
        roles = set()
        if self.arguments_using(statement_id):
            roles.add(Role.PREMISE)
        if self.arguments_for(statement_id):
            roles.add(Role.CONCLUSION)
        return frozenset(roles)

    @overload
    def attack_type(self, argument: Argument) -> AttackType | None: ...
    @overload
    def attack_type(self, argument: str) -> AttackType | None: ...
    def attack_type(self, argument: Argument | str) -> AttackType | None:
        """How ``argument`` attacks, or ``None`` when it supports.

        An attack on a statement some argument concludes is a rebuttal; on a
        statement only used as a premise, an undermining; on an argument's
        inference, an undercut; on an argument as a whole, an argument
        attack. An attacked statement that plays no role at all is a claim
        in its own right, so attacking it is a rebuttal.
        """
        arg = self.arguments[argument] if isinstance(argument, str) else argument
        if arg.kind == "support":
            return None
        if arg.kind == "undercut":
            return AttackType.UNDERCUT
        if arg.target in self.arguments and arg.target not in self.statements:
            return AttackType.ARGUMENT
        roles = self.roles(arg.target)
        if Role.PREMISE in roles and Role.CONCLUSION not in roles:
            return AttackType.UNDERMINING
        return AttackType.REBUTTAL

    @functools.cached_property
    def attack_types(self) -> Mapping[str, AttackType]:
        """The :class:`AttackType` of every attacking argument, by argument id."""
        result = {}
        for argument in self.arguments.values():
            attack = self.attack_type(argument)
            if attack is not None:
                result[argument.id] = attack
        return result

    def _repr_mimebundle_(
        self, include: object = None, exclude: object = None, **kwargs: object
    ) -> dict[str, str]:
        """Show the map as SVG in Jupyter (needs Graphviz's ``dot``)."""
        # The one place the model reaches down the pipeline, and only when a
        # notebook asks to display a map.
        from ._render import mimebundle

        return mimebundle(self)

    @property
    def langs(self) -> tuple[str, ...]:
        """All languages of the map: its own first, then ``other_langs``."""
        return ((self.lang,) if self.lang else ()) + self.other_langs

    def localized(
        self,
        item: Statement | Argument | Group | Agent | Dispute | ArgumentMap,
        field: Literal["text", "title", "hedge"],
        lang: str | None,
    ) -> tuple[str | None, bool]:
        """``item``'s text, title or hedge in ``lang``, and whether it fell back.

        An issue's (:class:`Dispute`) text is its question.

        ``lang=None`` or the map's own language gives the text as authored.
        For another language, the translation when there is one; else the
        text as authored, with ``True`` to say it is a fallback (a missing
        translation that a diagram should mark).
        """
        own: str | None
        if field == "hedge":
            own = item.hedge if isinstance(item, Statement) else None
        elif isinstance(item, ArgumentMap):
            own = item.title if field == "title" else item.description
        elif isinstance(item, (Argument, Group)):
            own = item.title if field == "title" else None
        elif isinstance(item, Agent):
            own = item.name if field == "title" else None  # an agent's title is its name
        elif isinstance(item, Dispute):
            own = item.question if field == "text" else None
        else:
            own = item.title if field == "title" else item.text
        if lang is None or lang == self.lang:
            return own, False
        for translation in item.translations:
            if translation.lang == lang:
                value = getattr(translation, field)
                if value is not None:
                    return value, False
        return own, own is not None

    @functools.cached_property
    def main_theses(self) -> tuple[str, ...]:
        """Ids of the main theses.

        The declared ``theses`` when there are any; otherwise every statement
        that some argument concludes but no argument uses as a premise, in
        authored order.
        """
        if self.theses:
            return self.theses
        return tuple(
            sid
            for sid in self.statements
            if self.arguments_for(sid) and not self.arguments_using(sid)
        )
