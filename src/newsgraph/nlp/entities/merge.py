"""One entity per referent: mentions grouped into clusters, and each cluster named.

Mentions that the data links to one referent ("U.S.", "the United States", "Washington"
acting) share a canon and start in one cluster; the rest start one cluster per name. Clusters
are then joined by rules that hold within one article:

- an acronym to its long form, when the text says so ("World Trade Organization (WTO)") or the
  initials of exactly one longer name spell it ("PLA" -> "People's Liberation Army");
- an organisation with a country before it to the same organisation without ("U.S. Congress",
  "Congress");
- a surname (or a given-name-first short form) to the one full name that ends or starts with
  it; a surname shared by two people in the article joins neither; a surname the model typed
  as an organisation becomes the person's;
- a short form of one longer organisation name: the words after its "of" ("Homeland
  Security"), its first word and head noun ("House Committee");
- a party's members named as a body ("the Conservatives") to the party ("Conservative Party");
- a nationality's plural to its singular where the data does not know the word.

Acronyms also match initials with "&" ("PG&E"), without a company suffix ("Pacific Gas &
Electric Co.") or without a place the name starts with ("PUC" for "California Public Utilities
Commission").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.nlp.entities.gazetteer import fold, places
from newsgraph.nlp.entities.mention import Mention
from newsgraph.nlp.entities.resources import (
    Ref,
    common_adjectives,
    common_nouns,
    lexicon,
    names,
)
from newsgraph.record import EntityType

#: Words an acronym skips ("United Nations Educational, Scientific and Cultural ...").
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "on", "in", "de", "du", "la", "to",
                           "at", "des", "del"})


@dataclass(slots=True)
class Cluster:
    mentions: list[Mention]
    ref: Ref | None
    type: EntityType = "OTHER"
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    #: `_longest` of the mentions, cached with the mention count it was computed for.
    best: str = ""
    size: int = 0

    @property
    def first(self) -> int:
        return min(m.start_char for m in self.mentions)

    def surfaces(self) -> list[str]:
        """Every surface form, in text order."""
        out: list[str] = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            out += [m.text, *m.forms]
        return out


class _Forest:
    """Union-find over cluster indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, keep: int, other: int) -> None:
        a, b = self.find(keep), self.find(other)
        if a != b:
            self.parent[b] = a


def cluster(mentions: list[Mention]) -> list[Cluster]:
    """Mentions -> named clusters, in order of first mention."""
    # 1. one cluster per canon (data referent) or per name
    index: dict[str, int] = {}
    clusters: list[Cluster] = []
    of_mention: dict[int, int] = {}
    for m in mentions:
        key = m.canon or f"name:{m.key}"
        if key not in index:
            index[key] = len(clusters)
            clusters.append(Cluster([], m.ref))
        clusters[index[key]].mentions.append(m)
        of_mention[id(m)] = index[key]
    for c in clusters:
        c.type = _vote(c)
    # 2. join by the rules of the module docstring
    forest = _Forest(len(clusters))
    for m in mentions:
        if m.expands is not None:
            _join(forest, clusters, of_mention[id(m.expands)], of_mention[id(m)])
    _retype_company_names(clusters)
    _retype_by_surname(clusters)
    _join_prefixed(forest, clusters, index)
    _join_acronyms(forest, clusters)
    _join_people(forest, clusters)
    _join_short_orgs(forest, clusters)
    _join_abridged(forest, clusters)
    _join_party_members(forest, clusters)
    _join_plurals(forest, clusters, index)
    # 3. collect, type and name
    merged: dict[int, Cluster] = {}
    for i, c in enumerate(clusters):
        root = forest.find(i)
        if root not in merged:
            merged[root] = Cluster([], clusters[root].ref, clusters[root].type)
        target = merged[root]
        target.mentions += c.mentions
        target.ref = target.ref or c.ref
    out = sorted((c for c in merged.values() if not _misread_word(c)), key=lambda c: c.first)
    for c in out:
        c.type = c.ref.type if c.ref else _vote(c)
        _name(c)
    return out


def _misread_word(c: Cluster) -> bool:
    """A "person" that is one common noun, only ever at the start of a sentence ("Rice
    prices rose", "Keyboard: the new one is better") is a capitalized word, not a name."""
    if c.ref is not None or _vote(c) != "PERSON":
        return False
    nouns = common_nouns()
    for m in c.mentions:
        if m.end - m.start != 1 or m.text.isupper() or not m.sentence_start:
            return False
        word = m.text.lower()
        if word not in nouns and not (word.endswith("s") and word[:-1] in nouns):
            return False
    return True


def _vote(c: Cluster) -> EntityType:
    if c.ref is not None:
        return c.ref.type
    mentions = c.mentions
    first = mentions[0].type
    if len(mentions) == 1 or all(m.type == first for m in mentions):
        return first
    counts: dict[EntityType, int] = {}
    for m in mentions:
        counts[m.type] = counts.get(m.type, 0) + 1
    best = max(counts.values())
    return next(m.type for m in mentions if counts[m.type] == best)


def _join(forest: _Forest, clusters: list[Cluster], keep: int, other: int) -> None:
    a, b = clusters[forest.find(keep)], clusters[forest.find(other)]
    if a.ref is not None and b.ref is not None and a.ref.canon != b.ref.canon:
        return  # two different known referents never merge
    forest.union(keep, other)


def _longest(c: Cluster) -> str:
    """The fullest name; a dateline's capitals only when nothing else names it."""
    if c.best and c.size == len(c.mentions):
        return c.best
    text = max(c.mentions, key=lambda m: (not m.dateline, len(m.text.split()), len(m.text))).text
    c.best, c.size = (text.title() if text.isupper() and len(text) > 6 else text), len(c.mentions)
    return c.best


def _retype_company_names(clusters: list[Cluster]) -> None:
    """ "Siemens Gamesa" tagged PERSON beside "Siemens Energy" and "Siemens AG": a person's
    name does not start with an organisation's first word."""
    firsts = {fold(_longest(c)).split()[0] for c in clusters
              if c.type == "ORG" and len(_longest(c).split()) >= 2}
    for c in clusters:
        words = fold(_longest(c)).split()
        if c.type == "PERSON" and c.ref is None and len(words) >= 2 and words[0] in firsts:
            c.type = "ORG"
            for m in c.mentions:
                m.type = "ORG"


def _retype_by_surname(clusters: list[Cluster]) -> None:
    """ "Sebastien Haller" tagged ORG, "Haller" tagged PERSON later: a name of two or three
    capitalized words ending in a word the article uses alone as a person's name is that
    person's full name."""
    surnames = {fold(_longest(c)) for c in clusters
                if c.type == "PERSON" and c.ref is None and len(_longest(c).split()) == 1}
    if not surnames:
        return
    lex = lexicon()
    for c in clusters:
        words = _longest(c).split()
        if c.type not in ("ORG", "PLACE") or c.ref is not None or not 2 <= len(words) <= 3:
            continue
        if not all(w[:1].isupper() for w in words) or words[-1].lower() in lex.org_heads \
                or words[-1].lower() in lex.place_heads:
            continue
        if fold(words[-1]) in surnames:
            c.type = "PERSON"
            for m in c.mentions:
                m.type = "PERSON"


def _join_prefixed(forest: _Forest, clusters: list[Cluster], index: dict[str, int]) -> None:
    """ "U.S. Congress" and "Congress"; "Lithuania’s Foreign Affairs Committee" is split earlier."""
    refs = names().refs
    for i, c in enumerate(clusters):
        if c.type != "ORG":
            continue
        for form in {fold(s) for s in c.surfaces()}:
            words = form.split()
            for size in (1, 2):  # "u.s." or "united states" before the name
                if len(words) <= size:
                    break
                ref = refs.get(" ".join(words[:size]))
                if ref is None or ref.kind not in ("country", "group"):
                    continue
                j = index.get("name:" + " ".join(words[size:]))
                if j is not None and j != i and clusters[j].type == "ORG":
                    _join(forest, clusters, i, j)


def _initials(name: str, org: bool) -> set[str]:
    """The letters an acronym of the name may spell: with and without its little words, and for
    an organisation also without a company suffix ("Pacific Gas & Electric Co." is PG&E) or a
    place it starts with ("California Public Utilities Commission" is also the PUC)."""
    words = [w for w in fold(name).replace("-", " ").split() if w]
    content = [w for w in words if w not in _ACRONYM_SKIP]
    out = {"".join(w[0] for w in content), "".join(w[0] for w in words)}
    if not org or len(content) < 3:
        return out
    suffixes = lexicon().corporate_suffixes
    variants = [content[:-1]] if content[-1] in suffixes else []
    original = name.split()
    for size in (3, 2, 1):  # "New York", "California"
        lead = " ".join(original[:size])
        if len(original) > size + 1 and _is_place_name(lead):
            variants += [content[size:], *([content[size:-1]] if variants else [])]
            break
    out.update("".join(w[0] for w in v) for v in variants if len(v) >= 3)
    return out


def _is_place_name(text: str) -> bool:
    ref = names().refs.get(fold(text))
    return (ref is not None and ref.type == "PLACE") or bool(places(text))


def _acronym_letters(c: Cluster) -> str:
    """The letters of a cluster named by an acronym ("PG&E" -> "pge"), else ""."""
    word = _longest(c).replace(".", "")
    letters = word.replace("&", "")
    if c.type not in ("ORG", "PLACE") or not word.isupper() or not letters.isalpha() \
            or not 2 <= len(letters) <= 6:
        return ""
    return letters.lower()


def _join_acronyms(forest: _Forest, clusters: list[Cluster]) -> None:
    acronyms = [(i, a) for i, c in enumerate(clusters) if (a := _acronym_letters(c))]
    if not acronyms:
        return
    longs = [(i, _initials(_longest(c), c.type == "ORG")) for i, c in enumerate(clusters)
             if c.type in ("ORG", "PLACE") and len(_longest(c).split()) >= 2]
    for i, letters in acronyms:
        hits = [j for j, initials in longs if letters in initials and j != i]
        if len(hits) == 1:
            _join(forest, clusters, hits[0], i)


def _join_abridged(forest: _Forest, clusters: list[Cluster]) -> None:
    """Short forms of one longer organisation name: "Homeland Security" for "Department of
    Homeland Security" (the words after its "of"), "House Committee" for "House Select
    Committee on Intelligence" (its first word and head noun, in order)."""
    orgs = [(i, fold(_longest(c)).split()) for i, c in enumerate(clusters) if c.type == "ORG"]
    longs = [(i, w) for i, w in orgs if len(w) >= 3]
    heads = lexicon().org_heads
    for i, words in orgs:
        if clusters[i].ref is not None or len(words) < 2:
            continue
        hits = [j for j, long in longs if j != i and len(long) > len(words) and (
            _tail_after_of(words, long) or (words[-1] in heads and words[0] == long[0]
                                            and words[-1] in long and _in_order(words, long)))]
        if len(hits) == 1:
            _join(forest, clusters, hits[0], i)


def _tail_after_of(words: list[str], long: list[str]) -> bool:
    """ "homeland security" ends "department of homeland security" after its "of"."""
    k = len(words)
    if long[-k:] != words:
        return False
    before = long[-k - 1]
    return before in ("of", "for") or (before == "the" and long[-k - 2:-k - 1] == ["of"])


def _in_order(words: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in words)


def _join_party_members(forest: _Forest, clusters: list[Cluster]) -> None:
    """ "the Conservatives" and "the Conservative Party" are one organisation: the members'
    plural (or adjective) before "Party", when the data does not know it as a people of its
    own (demonyms.toml: "Democrats", "Republicans" are GROUPs, as the earlier rounds chose)."""
    parties: dict[str, int] = {}
    for i, c in enumerate(clusters):
        words = fold(_longest(c)).split()
        if c.type == "ORG" and len(words) >= 2 and words[-1] == "party":
            parties.setdefault(" ".join(words[:-1]), i)
    if not parties:
        return
    for i, c in enumerate(clusters):
        if c.ref is not None or c.type not in ("GROUP", "ORG", "PERSON") \
                or i in parties.values():
            continue  # a people the data knows ("Democrats") stays a GROUP of its own
        name = fold(_longest(c))
        forms = [name]
        words = name.split()
        if len(words) == 2 and all(m.sentence_start for m in c.mentions) and (
                words[0] in common_adjectives() or words[0] in common_nouns()):
            forms.append(words[1])  # "Key Liberal ministers": a sentence's first word glued on
        hits = {parties[f] for form in forms
                for f in (form, form[:-1] if form.endswith("s") else form) if f in parties}
        if len(hits) == 1:
            _join(forest, clusters, hits.pop(), i)
            for m in c.mentions:  # the party's members, named as a body, are the party
                m.type = "ORG"


def _join_people(forest: _Forest, clusters: list[Cluster]) -> None:
    full = [(i, fold(_longest(c)).split()) for i, c in enumerate(clusters)
            if c.type == "PERSON" and len(_longest(c).split()) >= 2]
    vocab = {w for _, long in full for w in long}  # words no full name holds join nothing
    for i, c in enumerate(clusters):
        if c.ref is not None or c.type not in ("PERSON", "ORG", "PLACE", "GROUP"):
            continue
        words = fold(_longest(c)).split()
        if (c.type != "PERSON" and len(words) != 1) or not words or (
                words[0] not in vocab and words[-1] not in vocab):
            continue
        k = len(words)
        hits = [j for j, long in full if j != i and len(long) > k and _part_of(words, long,
                                                                             c.type == "PERSON")]
        if len(hits) == 1:
            _join(forest, clusters, hits[0], i)
            for m in c.mentions:  # "Vindman" tagged ORG is Alexander Vindman's surname
                m.type = "PERSON"


def _part_of(words: list[str], long: list[str], anywhere: bool) -> bool:
    """A surname ("Andrikiene"), a family-name-first short form ("Liu"), or, for a name the
    model tagged PERSON, any word of the full name ("Lula" in "Luiz Inácio Lula da Silva")."""
    k = len(words)
    if long[-k:] == words or (anywhere and long[:k] == words):
        return True
    return anywhere and k == 1 and words[0] in long[1:-1] and len(words[0]) > 3


def _join_short_orgs(forest: _Forest, clusters: list[Cluster]) -> None:
    """ "Vestas" for "Vestas Wind Systems", "Brightwater" for "Brightwater Capital": a one-word
    name that starts or ends exactly one longer organisation's name."""
    longs = [(i, fold(_longest(c)).split()) for i, c in enumerate(clusters)
             if c.type == "ORG" and len(_longest(c).split()) >= 2]
    people = {w for c in clusters if c.type == "PERSON" for w in fold(_longest(c)).split()[1:]}
    for i, c in enumerate(clusters):
        words = fold(_longest(c)).split()
        # a one-word "person" too ("get Gamesa back on track"), unless a person has that name
        if c.ref is not None or c.type not in ("ORG", "PERSON") or len(words) != 1 \
                or (c.type == "PERSON" and words[0] in people):
            continue
        hits = [j for j, long in longs if j != i and words[0] in (long[0], long[-1])]
        if len(hits) == 1:
            _join(forest, clusters, hits[0], i)


def _join_plurals(forest: _Forest, clusters: list[Cluster], index: dict[str, int]) -> None:
    for i, c in enumerate(clusters):
        if c.type != "GROUP" or c.ref is not None:
            continue
        key = c.mentions[0].key
        if key.endswith("s"):
            j = index.get(f"name:{key[:-1]}")
            if j is not None and clusters[j].type == "GROUP":
                _join(forest, clusters, i, j)


def _name(c: Cluster) -> None:
    surfaces = c.surfaces()
    if c.ref is not None and c.ref.kind == "group":
        c.name = _group_name(c)
        extra = list(names().group_forms.get(c.ref.canon, ()))
    elif c.ref is not None:
        c.name, extra = c.ref.name, list(c.ref.aliases)
    else:
        c.name, extra = _longest(c), []
    seen = {fold(c.name)}
    c.aliases = []
    for form in [*surfaces, *extra]:
        key = fold(form)
        if key and key not in seen:
            seen.add(key)
            c.aliases.append(form)


def _group_name(c: Cluster) -> str:
    """The people ("Russians") when the article names them, else the word it uses."""
    texts = [m.text for m in c.mentions if not m.text.isupper()] or [m.text for m in c.mentions]
    plural = [t for t in texts if t.endswith("s") and t[:1].isupper()]
    return plural[0] if plural else texts[0]
