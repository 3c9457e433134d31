"""Carneades 4's YAML argument graphs, read as maps (``--from carneades``).

A graph's statements, arguments, issues and assumptions become the map's,
under their own ids (``¬s``, ``buy(volvo)``), so that the labels argmap
computes can be compared with the ones the graph records under ``tests``:

* a statement is ``status: assumed`` when it is an assumption (listed under
  ``assumptions`` or marked ``assumed: true``), else ``status: questioned``:
  Carneades accepts nothing without an argument or an assumption;
* an argument supports its conclusion; its scheme gives its weighing
  (``linked``, ``convergent``, ``cumulative``, ``factorized``) or, for a
  scheme of the graph's ``argument_schemes`` with ``weight: {constant: w}``,
  ``weighing: constant`` and ``weight: w``;
* ``undercutter: u`` becomes the argument ``A.undercut`` from ``u`` that
  undercuts ``A``; an argument without premises gets one implicit assumed
  premise, ``A.premise``, since argmap's arguments argue from something;
* an issue keeps its positions and proof standard (``DV`` and ``PE`` weigh
  alike in Carneades 4, both become ``pe``); for each argument for one
  position of an issue, an implicit argument ``A.contra.P`` from the same
  premises attacks every other position ``P``, so that Dung's semantics
  see the positions exclude each other. Carneades' evaluation leaves these
  out: a position's rivals are weighed in its issue already.

Carneades builds further arguments and issues from argument schemes and
issue schemes with variables by rule inference; argmap does not, so a graph
that has them is refused with an error naming each one, as is a graph
whose schemes weigh by criteria or by a preference over properties.
"""

from __future__ import annotations

from typing import Any

from ._caes import RESTATED
from ._helpers import kind_name
from .errors import Issue, MapError
from .model import (
    ID_PATTERN,
    Argument,
    ArgumentMap,
    Dispute,
    Origin,
    Scheme,
    Standard,
    Statement,
    Weighing,
    plain,
)

__all__ = ["CONTRA", "loads", "looks_like_carneades"]

#: The tag of the implicit arguments the reader adds: the attacks of a
#: position's argument on the other positions of its issue.
CONTRA = RESTATED

#: Keys of a Carneades 4 graph.
GRAPH_KEYS = (
    "meta",
    "language",
    "weighing_functions",
    "argument_schemes",
    "issue_schemes",
    "statements",
    "issues",
    "arguments",
    "assumptions",
    "references",
    "tests",
    "labels",
)
_WEIGHINGS: dict[str, Weighing] = {
    "linked": "linked",
    "convergent": "convergent",
    "cumulative": "cumulative",
    "factorized": "factorized",
}
_STANDARDS: dict[str, Standard] = {"dv": "pe", "pe": "pe", "cce": "cce", "brd": "brd"}


def looks_like_carneades(data: Any) -> bool:
    """Whether parsed YAML is a Carneades graph rather than an argmap map.

    It is when it has no ``argmap`` format version and only keys a
    Carneades graph has, one of them one that argmap's format lacks
    (``assumptions``, ``meta``, ``tests``, ...), or arguments with a
    ``conclusion``.
    """
    if not isinstance(data, dict) or not data or "argmap" in data:
        return False
    if any(key not in GRAPH_KEYS for key in data):
        return False
    own = set(data) - {"statements", "arguments", "issues"}
    arguments = data.get("arguments")
    concluding = isinstance(arguments, dict) and any(
        isinstance(a, dict) and "conclusion" in a for a in arguments.values()
    )
    return bool(own) or concluding


class _Reader:
    def __init__(self, data: Any, positions: Any, file: str) -> None:
        self.data = data
        self.positions = positions
        self.file = file
        self.issues: list[Issue] = []
        self.statements: dict[str, Statement] = {}
        self.position_of: dict[str, tuple[str, ...]] = {}
        listed = data.get("argument_schemes") if isinstance(data, dict) else None
        self.schemes: dict[str, dict[str, Any]] = {
            str(s["id"]): s
            for s in (listed if isinstance(listed, list) else [])
            if isinstance(s, dict) and "id" in s
        }

    def error(self, message: str, path: tuple[str | int, ...], code: str = "carneades") -> None:
        line = column = None
        while True:
            found = self.positions.get(path)
            if found is not None:
                _, line, column = found
                break
            if not path:
                break
            path = path[:-1]
        self.issues.append(Issue(code, message, file=self.file, line=line, column=column))

    def table(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(
                f"'{key}' of a Carneades graph must be a mapping, got {kind_name(value)}", (key,)
            )
            return {}
        return value

    def ids(self, value: Any, path: tuple[str | int, ...], what: str) -> list[str]:
        if value is None:
            return []
        if isinstance(value, dict):
            value = list(value.values())
        if not isinstance(value, list):
            value = [value]
        result = []
        for index, item in enumerate(value):
            if isinstance(item, (dict, list)) or item is None:
                self.error(
                    f"{what} must list statement ids, found {kind_name(item)}", (*path, index)
                )
            elif self.check_id(str(item), (*path, index)):
                result.append(str(item))
        return result

    def check_id(self, value: str, path: tuple[str | int, ...]) -> bool:
        if ID_PATTERN.match(value):
            return True
        self.error(
            f"{value!r} cannot be an argmap id (letters, digits, '-', '_', '.', '(', ')', ',' "
            "and a leading '¬'); rename it in the graph",
            path,
            "invalid-id",
        )
        return False

    # -- what argmap does not do ---------------------------------------------

    def refuse_inference(self) -> None:
        why = "Carneades builds arguments from it by rule inference, which argmap does not do"
        schemes = self.data.get("argument_schemes") or []
        for index, scheme in enumerate(schemes if isinstance(schemes, list) else []):
            if not isinstance(scheme, dict):
                continue
            sid = scheme.get("id", index)
            if scheme.get("variables"):
                self.error(
                    f"argument scheme {sid!r} has variables {list(scheme['variables'])!r}: {why}; "
                    "write its arguments out and drop the scheme's variables",
                    ("argument_schemes", index, "variables"),
                    "carneades-unsupported",
                )
            weight = scheme.get("weight")
            if weight is not None and not (
                isinstance(weight, dict) and set(weight) == {"constant"}
            ):
                shown = (
                    weight
                    if isinstance(weight, str)
                    else ", ".join(weight)
                    if isinstance(weight, dict)
                    else weight
                )
                self.error(
                    f"argument scheme {sid!r} weighs by {shown!r}: argmap weighs arguments by a "
                    "constant weight or by linked, convergent, cumulative or factorized premises "
                    "only",
                    ("argument_schemes", index, "weight"),
                    "carneades-unsupported",
                )
        for name in self.table("issue_schemes"):
            self.error(
                f"issue scheme {name!r}: Carneades makes issues from it by rule inference, "
                "which argmap does not do; list the issues under 'issues' instead",
                ("issue_schemes", name),
                "carneades-unsupported",
            )
        for name in self.table("weighing_functions"):
            self.error(
                f"weighing function {name!r} orders arguments by properties of their schemes, "
                "which argmap does not do; give the arguments weights instead",
                ("weighing_functions", name),
                "carneades-unsupported",
            )

    # -- the graph ------------------------------------------------------------

    def run(self) -> ArgumentMap:
        if not isinstance(self.data, dict):
            self.error(f"a Carneades graph is a mapping, got {kind_name(self.data)}", ())
            raise MapError(self.issues)
        for key in self.data:
            if key not in GRAPH_KEYS:
                self.error(
                    f"{key!r} is no key of a Carneades 4 graph ({', '.join(GRAPH_KEYS)})",
                    (key,),
                    "unknown-key",
                )
        self.refuse_inference()
        if self.issues:
            raise MapError(self.issues)
        self.read_statements()
        issues = self.read_issues()
        arguments = [
            a
            for aid, value in self.table("arguments").items()
            for a in self.read_argument(str(aid), value)
        ]
        if self.issues:
            raise MapError(self.issues)
        used = {a.scheme for a in arguments if a.scheme}
        raw_meta = self.data.get("meta")
        meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
        title = meta.get("title") or meta.get("source") or "Carneades argument graph"
        kept = {k: plain(self.data[k]) for k in ("meta", "tests", "labels") if k in self.data}
        return ArgumentMap(
            " ".join(str(title).split()) or "Carneades argument graph",
            list(self.statements.values()),
            arguments,
            issues=issues,
            schemes=[Scheme(s, s) for s in self.schemes if s in used],
            data={"carneades": kept},
            origin=Origin(self.file, self.positions),
        )

    def read_statements(self) -> None:
        """The statements, assumptions ``status: assumed`` and the others ``questioned``."""
        assumed = set(self.ids(self.data.get("assumptions"), ("assumptions",), "'assumptions'"))
        texts: dict[str, tuple[str, dict[str, Any]]] = {}
        for key, value in self.table("statements").items():
            sid = str(key)
            if not self.check_id(sid, ("statements", sid, "<key>")) or sid in texts:
                continue
            extra: dict[str, Any] = {}
            text = value
            if isinstance(value, dict):
                text = value.get("text")
                if str(value.get("assumed")).lower() == "true":
                    assumed.add(sid)
                extra = {k: plain(v) for k, v in value.items() if k not in ("text", "assumed")}
            texts[sid] = (" ".join(str(text if text is not None else sid).split()) or sid, extra)
        for sid, (text, extra) in texts.items():
            self.statements[sid] = Statement(
                sid,
                text,
                status="assumed" if sid in assumed else "questioned",
                data={"carneades": extra} if extra else None,
            )
        for sid in sorted(assumed - set(texts)):
            if self.check_id(sid, ("assumptions",)):
                self.statements[sid] = Statement(sid, sid, status="assumed")

    def read_issues(self) -> list[Dispute]:
        issues: list[Dispute] = []
        for key, value in self.table("issues").items():
            iid = str(key)
            path: tuple[str | int, ...] = ("issues", iid)
            if not isinstance(value, dict) or not self.check_id(iid, path):
                self.error(f"issue {iid!r} must be a mapping with 'positions'", path)
                continue
            positions = self.ids(value.get("positions"), (*path, "positions"), f"issue {iid!r}")
            standard = _STANDARDS.get(str(value.get("standard") or "pe").lower())
            if standard is None:
                self.error(
                    f"issue {iid!r} has the proof standard {value.get('standard')!r}; "
                    "Carneades' standards are DV, PE, CCE and BRD",
                    (*path, "standard"),
                )
                continue
            issues.append(Dispute(iid, positions, standard=None if standard == "pe" else standard))
            for p in positions:
                self.position_of[p] = tuple(positions)
        return issues

    def weighing(
        self, aid: str, value: dict[str, Any]
    ) -> tuple[Weighing, float | None, str | None] | None:
        """An argument's weighing, weight and scheme, from its ``scheme``."""
        if value.get("scheme") is None:
            return "linked", None, None
        scheme_id = str(value["scheme"])
        if scheme_id in _WEIGHINGS:
            return _WEIGHINGS[scheme_id], None, None
        if scheme_id in self.schemes:
            weight = self.schemes[scheme_id].get("weight")
            constant = weight.get("constant") if isinstance(weight, dict) else None
            if constant is None:
                return "linked", None, scheme_id
            try:
                amount = float(constant)
            except (TypeError, ValueError):
                amount = -1.0
            if 0 <= amount <= 1:
                return "constant", amount, scheme_id
            self.error(
                f"scheme {scheme_id!r} of argument {aid!r} has the constant weight "
                f"{constant!r}; a weight is a number from 0 to 1",
                ("arguments", aid, "scheme"),
            )
            return None
        self.error(
            f"argument {aid!r} names scheme {scheme_id!r}, which is neither a weighing "
            "(linked, convergent, cumulative, factorized) nor one of the graph's "
            "'argument_schemes'",
            ("arguments", aid, "scheme"),
        )
        return None

    def read_argument(self, aid: str, value: Any) -> list[Argument]:
        """The argument, its attacks on the other positions of its issue, its undercut."""
        path: tuple[str | int, ...] = ("arguments", aid)
        if not isinstance(value, dict) or not self.check_id(aid, path):
            self.error(f"argument {aid!r} must be a mapping with a 'conclusion'", path)
            return []
        conclusion = value.get("conclusion")
        weighing = self.weighing(aid, value)
        if conclusion is None or isinstance(conclusion, (dict, list)):
            self.error(f"argument {aid!r} needs one 'conclusion': a statement id", path)
            return []
        if weighing is None or not self.check_id(str(conclusion), (*path, "conclusion")):
            return []
        conclusion = str(conclusion)
        premises = self.ids(value.get("premises"), (*path, "premises"), f"argument {aid!r}")
        if not premises:
            given = f"{aid}.premise"
            self.statements[given] = Statement(
                given,
                f"Argument {aid} has no premises: it holds unless undercut.",
                status="assumed",
                implicit=True,
            )
            premises = [given]
        kind, weight, scheme = weighing
        result = [
            Argument(
                aid, premises, "support", conclusion, scheme=scheme, weight=weight, weighing=kind
            )
        ]
        for other in self.position_of.get(conclusion, ()):
            if other != conclusion and other not in premises:
                result.append(
                    Argument(
                        f"{aid}.contra.{other}",
                        premises,
                        "attack",
                        other,
                        implicit=True,
                        tags=[CONTRA],
                        weight=weight,
                        weighing=kind,
                    )
                )
        undercutter = value.get("undercutter")
        if undercutter is not None:
            undercutter = str(undercutter)
            known = undercutter in self.statements
            if not known and self.check_id(undercutter, (*path, "undercutter")):
                self.statements[undercutter] = Statement(
                    undercutter, undercutter, status="questioned"
                )
                known = True
            if known:
                result.append(
                    Argument(f"{aid}.undercut", [undercutter], "undercut", aid, implicit=True)
                )
        return result


def loads(text: str, file: str) -> ArgumentMap:
    """Read a Carneades 4 YAML argument graph as a map.

    Raises MapError naming each construct argmap cannot evaluate (rule
    inference, criteria and preference weighing), with its file position.
    """
    from . import _yaml

    data, positions, problems = _yaml.parse(text, file)
    if problems:
        raise MapError(problems)
    return _Reader(data, positions, file).run()
