"""What a numeral counts: the counted noun phrase, its kind, and the currency of money.

The parse does most of the work: a number's ``nummod`` arc points at the counted noun ("3,000
U.S. troops" -> troops), "of" leads to it for partitives and magnitudes ("2,000 of the troops",
"thousands of asylum-seekers"), and a container noun names it when the number stands alone ("a
population of 3 million", "the death toll rose to 300"). The unit is the counted noun phrase as
written, minus the number, the approximators and the owner: determiners, possessives,
nationalities and other entities ("U.S.", "Ukrainian", "Russia's") are left out because they
say whose the things are (that goes to `subject`); compounds, adjectives and model designations
that say what the things are stay ("F-15 fighter jets", "military helicopters", "Leopard 2
tanks"). Words that qualify the count rather than the thing ("additional", "other", "new") are
left out too. Money's unit is its ISO currency code.

A noun the unit lexicon (``data/quantities/units.toml``) does not know makes no quantity: see
that file for why the lists favour precision.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.nlp.pipeline import lemma
from newsgraph.nlp.quantities.lexicon import MILITARY, QuantityLexicon, key
from newsgraph.nlp.quantities.numbers import Numeral
from newsgraph.record import Entity, QuantityKind

#: Entity types that can own counted things; a model designation is never one.
OWNER_TYPES = frozenset({"PLACE", "GROUP", "ORG", "PERSON"})
#: spaCy labels that mark an owner premodifier even where the entity index has no entity.
_OWNER_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
#: Tags of tokens inside a noun phrase between a number and its noun ("F-15 fighter jets").
_NP_TAGS = _NOUN_TAGS | {"JJ", "JJR", "VBN", "VBG", "CD", "HYPH", "POS", "NNP", "DT", "PRP$"}
_DROP_TAGS = frozenset({"DT", "PDT", "PRP$", "POS", "WDT", "CC", "RB", "RBR", "RBS", ",", "``",
                        "''", "-LRB-", "-RRB-", "IN", "TO", ":"})
#: Adjectives and participles that are counted things themselves ("300 dead", "50 wounded").
_ADJ_UNITS = frozenset({"dead", "injured", "wounded", "missing", "displaced", "homeless"})
#: Nouns that count more of what was counted before ("two others", "three more").
_MORE_OF_THE_SAME = frozenset({"others", "more"})
#: How far after a number its noun may be (tokens); "Six F-15 fighter jets" needs 3.
_MAX_NP = 6
#: Verbs through which a bare number gets the unit of the container that is their subject:
#: "the death toll rose to 300", "the population stood at 3 million", "the total is 500".
_LEVEL_VERBS = frozenset({
    "rise", "climb", "reach", "stand", "hit", "top", "exceed", "total", "be", "jump", "increase",
    "grow", "swell", "soar", "surge", "fall", "drop", "decline", "surpass", "pass", "near",
    "number", "remain",
})


class Missing(enum.Enum):
    """Why no unit was found: nothing written (an ellipsis may supply one) or not a thing."""


    NO_NOUN = "no noun"
    BARE = "the number stands alone"  # the parse hung it on a noun it does not count
    NOT_A_UNIT = "not a unit"


@dataclass(frozen=True, slots=True)
class Counted:
    unit: str
    kind: QuantityKind
    currency: str | None = None
    head: Token | None = None  # the counted noun as written, if it is
    last: int = -1  # index of the last token of the written unit (for the quantity's text)
    owners: tuple[int, ...] = ()  # premodifier tokens left out of the unit as owners
    container: Token | None = None  # "population" in "a population of 3 million"
    compound: bool = False  # written as a modifier ("a 3,000-troop force"): nothing inherits it


def counted(
    doc: Doc, num: Numeral, root: Token, k: int, lex: QuantityLexicon, entities: EntityIndex
) -> Counted | Missing:
    """The thing counted by `num` (`root`: its `numeral_root`); `k` is the first token after
    it and its approximator."""
    if num.currency is not None:
        return _money_after(doc, num, k, lex, num.currency)
    if k < len(doc) and doc[k].text in ("-", "–") and k + 1 < len(doc):
        return _hyphenated(doc, k + 1, lex)
    head, first = _head(doc, root, k)
    if head is not None and head.lower_ in _MORE_OF_THE_SAME:
        return Missing.BARE  # "one soldier was killed and two others were wounded"
    if head is not None:
        found = _unit(doc, first, head, lex, entities, num)
        if found is Missing.NOT_A_UNIT and any(t.tag_ == "VBG" for t in doc[k : head.i]):
            return Missing.BARE  # "a further 3,000 awaiting deportation"
        return found
    if k < len(doc):
        after = _currency_word(doc, k, lex, num)
        if after is not None:
            return after
    return _container(doc, root, lex, entities)


def singular_keys(tok: Token) -> tuple[str, ...]:
    """Lookup forms of a noun: its lemma, then its lower-case form, then without a plural -s."""
    low = tok.lower_.replace("-", " ")
    forms = [lemma(tok).replace("-", " "), low]
    if low.endswith("s") and len(low) > 3:
        forms.append(low[:-2] if low.endswith("es") and low[-3] in "sxz" else low[:-1])
    return tuple(forms)


# ---- the counted noun -----------------------------------------------------------------------

def numeral_root(doc: Doc, num: Numeral) -> Token:
    """The token of the numeral whose head lies outside it (its syntactic root)."""
    for tok in reversed(doc[num.start : num.end]):
        if not num.start <= tok.head.i < num.end or tok.head.i == tok.i:
            return tok
    return doc[num.end - 1]


def _head(doc: Doc, root: Token, k: int) -> tuple[Token | None, int]:
    """(counted noun, first token of its phrase) or (None, k)."""
    head = root.head
    if (
        head.i >= k and head.i - k < _MAX_NP and _nounish(head)
        and all(t.tag_ in _NP_TAGS or t.tag_ == "CC" or t.lower_ == "so" for t in doc[k : head.i])
    ):
        return head, k
    if k < len(doc) and doc[k].lower_ == "of":
        pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
        if pobj is not None and _nounish(pobj):
            return pobj, _np_start(pobj)
    # the parse missed the arc: take the noun phrase right after the number
    last = None
    for tok in doc[k : k + _MAX_NP]:
        if tok.tag_ not in _NP_TAGS or (tok.tag_ in ("DT", "PRP$") and tok.i > k) or (
            tok.ent_type_ in ("DATE", "TIME")  # "up from 40,000 last year"
        ):
            break
        if _nounish(tok):
            last = tok
    return (last, k) if last is not None else (None, k)


def _np_start(noun: Token) -> int:
    """First token of a noun's modifiers after its determiner and numbers ("the 120 seats")."""
    lefts = [t for t in noun.lefts if t.dep_ not in ("det", "nummod", "poss", "predet")]
    return min(lefts[0].i, noun.i) if lefts else noun.i


def _nounish(tok: Token) -> bool:
    return tok.tag_ in _NOUN_TAGS or tok.lower_ in _ADJ_UNITS


def _unit(
    doc: Doc, first: int, head: Token, lex: QuantityLexicon, entities: EntityIndex,
    num: Numeral | None = None,
) -> Counted | Missing:
    if not _could_count(head, lex, entities):
        return Missing.NOT_A_UNIT  # "2 cups", "three days": decided by the head alone, cheaply
    named = _currency_name(doc[first : head.i + 1], num, lex)
    if named is not None:  # "2 billion Hong Kong dollars": the place is part of the name
        return Counted(named, "money", named, head, head.i)
    kept: list[Token] = []
    owners: list[int] = []
    in_model = _model_entity_tokens(doc, first, head.i, lex)
    for tok in doc[first : head.i]:
        prev = doc[tok.i - 1]
        if tok.i > first and _is_model(prev, lex) and tok.text[:1].isupper():
            in_model.add(tok.i)  # "737 Max", "Leopard 2A6"
        if tok.i not in in_model and _is_owner(tok, lex, entities):
            owners.append(tok.i)
        elif tok.tag_ == "CC" and kept and kept[-1].i == tok.i - 1:
            kept.append(tok)  # "false or misleading claims"; "U.S. and allied troops" drops it
        elif tok.tag_ not in _DROP_TAGS and tok.lower_ not in lex.unit_drop:
            kept.append(tok)
    while kept and kept[-1].tag_ == "CC":
        kept.pop()
    kept.append(head)
    while len(kept) > 1 and kept[0].tag_ == "HYPH":
        kept.pop(0)
    unit = "".join(t.text_with_ws for t in kept[:-1]) + head.text
    kind_or_cur = _kind(kept, head, lex, entities, num)
    if isinstance(kind_or_cur, Missing):
        return kind_or_cur
    kind, currency = kind_or_cur
    if currency is not None:
        unit = currency
    return Counted(unit, kind, currency, head, head.i, tuple(owners))


def _is_model(tok: Token, lex: QuantityLexicon) -> bool:
    return lex.model_kind(tok.text) is not None or bool(lex.model_numbers.fullmatch(tok.text))


def _model_entity_tokens(doc: Doc, first: int, end: int, lex: QuantityLexicon) -> set[int]:
    """Tokens of a named span that holds a model designation: "Javelin anti-tank" (which the
    tagger may call a PERSON) is what the things are, not whose."""
    out: set[int] = set()
    for tok in doc[first:end]:
        if lex.model_kind(tok.text) is None or not tok.ent_type_:
            continue
        i = tok.i
        while i > first and doc[i].ent_iob_ == "I":
            i -= 1
        j = tok.i + 1
        while j < end and doc[j].ent_iob_ == "I":
            j += 1
        out.update(range(i, j))
    return out


def _could_count(head: Token, lex: QuantityLexicon, entities: EntityIndex) -> bool:
    """Whether a head noun can end a unit at all (a lexicon's last word, a currency, a model,
    a nationality, a known ending); most numbers in recipes and tables fail here."""
    forms = singular_keys(head)
    if any(f in lex.currency_heads for f in forms) or head.text in lex.currency_codes:
        return True  # "pounds" is money or a weight: `_is_money` decides
    if any(f in lex.not_units for f in forms):
        return False
    if any(f in lex.head_words for f in forms):
        return True
    if lex.model_kind(head.text) is not None or head.ent_type_ == "NORP":
        return True
    ent = entities.at(head)
    return (ent is not None and ent.type == "GROUP") or any(
        forms[0].endswith(suffix) for suffix, _ in lex.unit_suffixes
    )


def _is_owner(tok: Token, lex: QuantityLexicon, entities: EntityIndex) -> bool:
    """A premodifier that names whose the things are ("U.S.", "Ukrainian", "Russia's")."""
    if lex.model_kind(tok.text) is not None or tok.ent_type_ == "PRODUCT":
        return False
    ent = entities.at(tok)
    if ent is not None:
        return is_owner_entity(ent)
    return tok.ent_type_ in _OWNER_LABELS or tok.dep_ == "poss"


def is_owner_entity(ent: Entity) -> bool:
    """Places, organizations, people, and groups that stand for a country ("Ukrainian"); a group
    without a country ("Muslim", "Sunni") classifies the things instead ("two Muslim women")."""
    if ent.type == "GROUP":
        return bool(ent.country or ent.affiliation)
    return ent.type in OWNER_TYPES


def _kind(
    kept: list[Token], head: Token, lex: QuantityLexicon, entities: EntityIndex,
    num: Numeral | None,
) -> tuple[QuantityKind, str | None] | Missing:
    """(kind, currency) of a counted noun phrase, or why it is not a unit."""
    words = [key(t.text) for t in kept if t.tag_ != "HYPH"]
    heads = singular_keys(head)
    if any(f in lex.not_units for f in heads):
        return Missing.NOT_A_UNIT
    modifiers = kept[:-1] + _of_complement(head)  # "500,000 rounds of ammunition"
    for form in heads:
        for n in range(min(len(words), lex.max_unit_words), 0, -1):
            phrase = " ".join([*words[len(words) - n : -1], form]) if n > 1 else form
            kind = lex.kinds.get(phrase)
            if kind is None:
                continue
            if n == 1 and form in lex.ambiguous:
                kind = _modifier_kind(modifiers, lex) or kind
            return kind, None
    if any(f in lex.ambiguous for f in heads):
        by_modifier = _modifier_kind(modifiers, lex)  # "Javelin anti-tank systems"
        return (by_modifier, None) if by_modifier else Missing.NOT_A_UNIT
    model = lex.model_kind(head.text)
    if model is not None:
        return model, None
    ent = entities.at(head)
    if head.ent_type_ == "NORP" or (ent is not None and ent.type == "GROUP"):
        return "people", None  # "2 million Ukrainians", "thousands of Belarusians"
    for suffix, kind in lex.unit_suffixes:
        if heads[0].endswith(suffix):
            return kind, None
    return Missing.NOT_A_UNIT


def _of_complement(head: Token) -> list[Token]:
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return [] if pobj is None else [*(t for t in pobj.lefts if t.dep_ == "compound"), pobj]


def _modifier_kind(modifiers: list[Token], lex: QuantityLexicon) -> QuantityKind | None:
    """The kind a model designation or a classifying word among the modifiers gives."""
    for tok in modifiers:
        kind = lex.model_kind(tok.text)
        if kind is not None:
            return kind
    words = f" {key(' '.join(t.text for t in modifiers))} "
    return next((v for k, v in lex.modifier_kinds.items() if f" {k} " in words), None)


# ---- special shapes ---------------------------------------------------------------------------

def _hyphenated(doc: Doc, k: int, lex: QuantityLexicon) -> Counted | Missing:
    """ "a 3,000-troop force", "a 10,000-strong army"; "45-year-old" and "10-km" are not."""
    word = doc[k]
    if word.lower_ == "strong":
        noun = next((t for t in doc[k + 1 : k + 4] if t.tag_ in _NOUN_TAGS), None)
        kind = lex.strong_nouns.get(singular_keys(noun)[0]) if noun is not None else None
        if noun is None or kind is None:
            return Missing.NOT_A_UNIT
        return Counted(noun.text, kind, head=noun, last=noun.i, compound=True)
    forms = singular_keys(word)
    if any(f in lex.not_units for f in forms):
        return Missing.NOT_A_UNIT
    kind = next((lex.kinds[f] for f in forms if f in lex.kinds), None)
    if kind is None or kind not in MILITARY:
        # "a two-state solution", "the 450-seat parliament", "the 193-member General Assembly":
        # a size that describes something else; a force's size is reported as a count
        return Missing.NOT_A_UNIT
    return Counted(word.text, kind, head=word, last=word.i, compound=True)


def _money_after(doc: Doc, num: Numeral, k: int, lex: QuantityLexicon, code: str) -> Counted:
    """Money written with a symbol; a currency name after it may refine it ("¥5bn yuan")."""
    if k < len(doc):
        named = _currency_word(doc, k, lex, num)
        if named is not None:
            return named
    return Counted(code, "money", code, last=num.end - 1)


def _currency_name(tokens: Span, num: Numeral | None, lex: QuantityLexicon) -> str | None:
    """The ISO code a counted noun phrase names ("euros", "Hong Kong dollars", "USD")."""
    head = tokens[-1]
    if head.text in lex.currency_codes:
        return lex.currency_codes[head.text]
    words = [key(t.text) for t in tokens[:-1] if t.tag_ not in ("HYPH", "DT")]
    for form in singular_keys(head):
        for n in range(min(len(words) + 1, 3), 0, -1):
            phrase = " ".join([*words[len(words) - n + 1 :], form]) if n > 1 else form
            if phrase in lex.currency_names and _is_money(form, num):
                return lex.currency_names[phrase]
    return None


def _is_money(name: str, num: Numeral | None) -> bool:
    """ "5 trillion won" is money, "won" alone a verb; "243 pounds" is a weight, "£243" and
    "50 million pounds" money (a weight in millions of pounds is rare in the news)."""
    if name == "won":
        return num is not None and num.scaled
    if name == "pound":
        return num is not None and (num.scaled or num.value >= 1000)
    return True


def _currency_word(doc: Doc, k: int, lex: QuantityLexicon, num: Numeral) -> Counted | None:
    """ "50 million euros", "5 trillion won", "500 million USD", "2 billion Hong Kong dollars"."""
    if doc[k].lower_ not in lex.currency_openers and doc[k].text not in lex.currency_codes:
        return None
    for n in range(min(3, len(doc) - k), 0, -1):
        toks = doc[k : k + n]
        last = toks[-1]
        words = [key(t.text) for t in toks[:-1]]
        for form in singular_keys(last):
            code = lex.currency_names.get(" ".join([*words, form]))
            if code is None and n == 1 and last.text in lex.currency_codes:
                code = lex.currency_codes[last.text]
            if code is not None and _is_money(form, num):
                return Counted(code, "money", code, last=last.i)
    return None


def _container(
    doc: Doc, root: Token, lex: QuantityLexicon, entities: EntityIndex
) -> Counted | Missing:
    """A bare number whose unit a container noun gives ("a population of 3 million")."""
    prep = root.head
    noun: Token | None = None
    if root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.tag_ in _NOUN_TAGS:
        noun = prep.head
    elif root.dep_ == "pobj" and prep.lower_ in ("to", "at", "from"):
        # "the death toll rose to 300", "officials put the death toll at 1,200"
        nouns = (c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
        noun = next((c for c in nouns if any(n in lex.containers for n in _container_names(c))),
                    None)
    elif root.dep_ in ("dobj", "attr") and lemma(prep) in _LEVEL_VERBS:
        noun = next((c for c in prep.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if noun is None:
        return Missing.NO_NOUN
    name = next((n for n in _container_names(noun) if n in lex.containers), None)
    if name is None:
        return Missing.NO_NOUN
    kind = lex.containers[name]
    if kind is not None:
        return Counted(name if " " in name else noun.text, kind, container=noun)
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or not _nounish(pobj):
        return Missing.NO_NOUN
    found = _unit(doc, _np_start(pobj), pobj, lex, entities)
    if isinstance(found, Missing):
        return found
    return Counted(found.unit, found.kind, found.currency, found.head, -1, found.owners, noun)


def _container_names(noun: Token) -> tuple[str, ...]:
    """ "death toll" then "toll" for "the death toll"; "population" for "Lithuania's population"."""
    base = singular_keys(noun)[0]
    compounds = [c.lower_ for c in noun.lefts if c.dep_ == "compound"]
    return (f"{compounds[-1]} {base}", base) if compounds else (base,)
