"""What reading and writing AIF share: node types, scheme names, who said what."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .._helpers import fresh_id, slug
from ..model import Agent
from ..schemes import CATALOGUE

#: Key of the reserved place for argmap's own fields: in a node, and at the top of the AIF.
RESERVED = "argmap"
#: Data key under which an imported map keeps what AIF has and argmap has no field for.
AIF_DATA = "aif"

#: The node types argmap reads. I, RA, CA and MA become statements and arguments;
#: the others are kept as they are.
NODE_TYPES = ("I", "RA", "CA", "MA", "PA", "L", "YA", "TA")
#: Node types that become arguments.
SCHEME_NODES = ("RA", "CA", "MA")
#: Node types that become statements or arguments.
ENTITY_NODES = ("I", *SCHEME_NODES)

#: The text AIFdb gives a scheme node without a named scheme.
DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}

_NOT_LETTERS = re.compile(r"[^a-z0-9]")
_ARGUMENT_FROM = re.compile(r"(?i)^argument\s+from\s+")


@functools.lru_cache(maxsize=1024)  # a corpus names the same few schemes again and again
def normal_scheme(name: str) -> str:
    """A scheme name reduced for comparison: ``Argument from expert opinion`` -> ``expertopinion``.

    Case, spaces and punctuation are ignored, as is a leading "argument from",
    so that AIFdb's ``Expert Opinion``, Araucaria's ``ExpertOpinion`` and
    argmap's ``expert-opinion`` are the same scheme.
    """
    reduced = _NOT_LETTERS.sub("", name.casefold())
    for prefix in ("argumentfrom", "argfrom"):
        if reduced.startswith(prefix) and len(reduced) > len(prefix):
            return reduced[len(prefix) :]
    return reduced


@functools.lru_cache(maxsize=1024)
def aif_scheme_name(name: str) -> str:
    """How AIF names a scheme: ``Argument from expert opinion`` -> ``Expert Opinion``."""
    words = _ARGUMENT_FROM.sub("", name).split()
    return " ".join(word[:1].upper() + word[1:] for word in words) or name


def scheme_table(schemes: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Scheme ids by their reduced id and name; the first of equal names wins.

    ``schemes`` are ``(id, name)`` pairs: the map's own, which come before
    the built-in catalogue (whose table is made once).
    """
    own: dict[str, str] = {}
    for scheme_id, name in schemes:
        own.setdefault(normal_scheme(scheme_id), scheme_id)
        own.setdefault(normal_scheme(name), scheme_id)
    if not own:  # the catalogue's own table, shared: no map changes it
        return _built_in_table()
    return {**_built_in_table(), **own}


@functools.cache
def _built_in_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for scheme_id, name in built_in_schemes():
        table.setdefault(normal_scheme(scheme_id), scheme_id)
        table.setdefault(normal_scheme(name), scheme_id)
    return table


@functools.cache
def built_in_schemes() -> tuple[tuple[str, str], ...]:
    """``(id, name)`` of every scheme in argmap's catalogue."""
    return tuple((scheme.id, scheme.name) for scheme in CATALOGUE.values())


def key(node_id: Any) -> str:
    """A node id as text, however the file writes it (AIFdb: ``"12"``, OVA: ``12``)."""
    return node_id if isinstance(node_id, str) else str(node_id)


# -- speakers ------------------------------------------------------------------

_SAYS = re.compile(r"^\s*(\S+)\s+says\b")
_SPACED_COLON = re.compile(r"^\s*(.+?)\s+:\s")
_COLON = re.compile(r"^\s*([^:]+?):\s")
#: Illocutions that do not commit the speaker to what they are about.
_NOT_HOLDING = ("question", "challeng")


def speaker_name(text: str) -> str | None:
    """The speaker an L-node's text names: ``CL : text``, ``Bob: text``, ``Bob says '...'``."""
    for pattern in (_SPACED_COLON, _SAYS, _COLON):
        match = pattern.match(text)
        if match:
            return match.group(1).strip() or None
    return None


class Speakers:
    """Tells which agent speaks a locution; makes an agent for each new speaker.

    A speaker is matched to a known agent by the locution's ``personID``
    (an agent's ``data.aif.personID``, else its id), else by name (an OVA
    participant's name, else the name that opens the L-node's text).
    """

    def __init__(self, known: Iterable[Agent], participants: Mapping[str, str]) -> None:
        self.agents: list[Agent] = list(known)
        self.known = len(self.agents)
        self.participants = participants
        self.taken = {agent.id for agent in self.agents}
        self.counters: dict[str, int] = {}  # for fresh_id

    def resolve(self, person: Any, name: str | None) -> str | None:
        """The id of the agent who is ``person`` or ``name``, made if need be."""
        if person is not None:
            if key(person) in self.participants:
                name = self.participants[key(person)]
            for agent in self.agents:
                data = agent.data.get(AIF_DATA)
                if isinstance(data, Mapping) and data.get("personID", None) == person:
                    return agent.id
            for agent in self.agents:
                if agent.id == key(person):
                    return agent.id
        if name is not None:
            for agent in self.agents:
                if agent.name == name:
                    return agent.id
        if name is None and person is None:
            return None

        base = slug(name or "") or (
            f"person-{slug(key(person))}" if slug(key(person)) else "person"
        )
        agent_id = fresh_id(base, self.taken, counters=self.counters)
        self.taken.add(agent_id)
        data = {AIF_DATA: {"personID": person}} if person is not None else {}
        self.agents.append(Agent(agent_id, name or f"Person {key(person)}", data=data))
        return agent_id

    def new(self) -> list[Agent]:
        """The agents made for speakers no known agent matched, in order of appearance."""
        return self.agents[self.known :]


def participant_names(participants: Any) -> dict[str, str]:
    """OVA's participants as names by participant id."""
    names: dict[str, str] = {}
    if not isinstance(participants, list):
        return names
    for participant in participants:
        if not isinstance(participant, Mapping) or "participantID" not in participant:
            continue
        parts = [participant.get("firstname"), participant.get("surname")]
        name = " ".join(str(p).strip() for p in parts if isinstance(p, str) and p.strip())
        if name:
            names[key(participant["participantID"])] = name
    return names


def attributions(
    nodes: Mapping[str, Mapping[str, Any]],
    edges: Iterable[tuple[str, str]],
    persons: Mapping[str, Any],
    speakers: Speakers,
) -> dict[str, list[str]]:
    """Who holds each statement and makes each argument, from the dialogue around it.

    An L-node connected through a YA-node to an I-node (or to an RA, CA or
    MA node) attributes it to the L-node's speaker; a TA-node connected
    through a YA-node attributes it to the speakers of the L-nodes the
    transition leads to. Questioning and challenging do not attribute.

    Args:
        nodes: The nodes by id (as text).
        edges: ``(from, to)`` node ids in file order.
        persons: The ``personID`` of each L-node's locution.
        speakers: Resolves speakers to agents.

    Returns:
        Agent ids by node id, in the order of the edges that attribute them.
    """
    edge_list = list(edges)
    incoming: dict[str, list[str]] = {}
    outgoing: dict[str, list[str]] = {}
    for source, target in edge_list:
        incoming.setdefault(target, []).append(source)
        outgoing.setdefault(source, []).append(target)
    spoken: dict[str, str | None] = {}

    def speaker(l_node: str) -> str | None:
        if l_node not in spoken:
            text = nodes[l_node].get("text")
            name = speaker_name(text) if isinstance(text, str) else None
            spoken[l_node] = speakers.resolve(persons.get(l_node), name)
        return spoken[l_node]

    result: dict[str, list[str]] = {}
    for source, target in edge_list:
        node = nodes[source]
        if node.get("type") != "YA" or nodes[target].get("type") not in ENTITY_NODES:
            continue
        label = " ".join(str(node.get(k, "")) for k in ("text", "scheme")).casefold()
        if any(word in label for word in _NOT_HOLDING):
            continue
        l_nodes: list[str] = []
        for before in incoming.get(source, []):
            kind = nodes[before].get("type")
            if kind == "L":
                l_nodes.append(before)
            elif kind == "TA":
                l_nodes += [n for n in outgoing.get(before, []) if nodes[n].get("type") == "L"]
        for l_node in l_nodes:
            agent = speaker(l_node)
            if agent is not None and agent not in result.setdefault(target, []):
                result[target].append(agent)
    return result
