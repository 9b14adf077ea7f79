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
that file for why the lists favour precision. Its one open class is people: any noun whose first
WordNet sense is a person ("physicians", "dockworkers"; ``person_nouns.txt``) or that ends like
an agent noun WordNet does not know ("influencers") counts people. Acts count what they move
when a model says what that is ("five 787 Dreamliner sales"), and a maker's name is part of the
unit ("30 Boeing jets"). When no noun is written, a number that gives the level of a change
counts what changes ("cut its order of Rafale jets by 12 to 24", "decreased the number of
people ... from an estimate of 660,000").
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
#: How far above a phrase "to N"/"from N" its verb of change may be: "decreased [the number
#: [of people [who could be affected [from an estimate of 660,000]]]]" is 5 arcs.
_MAX_CLIMB_TO_CHANGE = 5
#: What changes, in the order tried: "cut jobs to 300" (the object), "jobs fell to 300".
_CHANGED_DEPS = ("dobj", "nsubjpass", "nsubj")
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
    head, first = _head(doc, root, k, lex)
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


def _head(doc: Doc, root: Token, k: int, lex: QuantityLexicon) -> tuple[Token | None, int]:
    """(counted noun, first token of its phrase) or (None, k)."""
    head = root.head
    while head.dep_ == "compound" and k <= head.i < head.head.i < k + _MAX_NP and not any(
        f in lex.head_words or f in lex.currency_heads or f in lex.not_units
        for f in singular_keys(head)
    ):  # "five time NBA champion": "time" ends it
        head = head.head  # "500 flu vaccine doses" hung on "flu": the phrase's head counts
    if (
        head.i >= k and head.i - k < _MAX_NP and _nounish(head)
        and all(_in_np(t) or t.tag_ == "CC" or t.lower_ == "so" for t in doc[k : head.i])
    ):
        return head, k
    if k < len(doc) and doc[k].lower_ == "of":
        pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
        if pobj is not None and _nounish(pobj):
            return pobj, _np_start(pobj, lex)
    # the parse missed the arc: take the noun phrase right after the number
    last = None
    for tok in doc[k : k + _MAX_NP]:
        if not _in_np(tok) or tok.tag_ in ("DT", "PRP$") or (
            tok.ent_type_ in ("DATE", "TIME")  # "up from 40,000 last year"
        ):
            break
        if _nounish(tok):
            last = tok
    return (last, k) if last is not None else (None, k)


def _in_np(tok: Token) -> bool:
    """A token that can stand between a number and its noun; the tagger calls the hyphen of
    "777-9" a symbol."""
    return tok.tag_ in _NP_TAGS or (tok.tag_ == "SYM" and tok.text in ("-", "–"))


def written_noun(doc: Doc, root: Token, k: int, lex: QuantityLexicon) -> Token | None:
    """The noun written after a number, known as a unit or not ("12 freight")."""
    head = _head(doc, root, k, lex)[0]
    return head if head is not None and head.tag_ in _NOUN_TAGS else None


def _np_start(noun: Token, lex: QuantityLexicon) -> int:
    """First token of a noun's modifiers after its determiner and numbers ("the 120 seats"); a
    model number stays ("Boeing's 787 jets")."""
    lefts = [t for t in noun.lefts if t.dep_ not in ("det", "nummod", "poss", "predet")
             or (t.dep_ == "nummod" and _is_model(t, lex))]
    first = min(lefts[0].i, noun.i) if lefts else noun.i
    doc = noun.doc
    if first >= 3 and doc[first - 1].like_num and doc[first - 2].text in ("-", "–") and (
        _is_model(doc[first - 3], lex)
    ):
        return first - 3  # "Boeing's 787-9 Dreamliner jets": the variant is part of the model
    return first


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
    in_model |= maker_tokens(doc, first, head.i, lex)
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


def maker_tokens(doc: Doc, first: int, end: int, lex: QuantityLexicon) -> set[int]:
    """Tokens in `first`..`end` (exclusive) that name a maker ("Boeing", "Lockheed Martin"):
    part of what the things are ("30 Boeing jets"), not whose."""
    out: set[int] = set()
    for i in range(first, end):
        for n in range(min(lex.max_maker_words, end - i), 0, -1):
            if key(doc[i : i + n].text.replace("-", " ")) in lex.makers:
                out.update(range(i, i + n))
                break
    return out


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
    ) or _person_noun(head, forms, lex)


def _person_noun(head: Token, forms: tuple[str, ...], lex: QuantityLexicon) -> bool:
    """A common noun for a person that the hand lists do not have ("physicians", "influencers").
    Written in lower case or all capitals ("CEOs"): "12 Alex Bowman" is a name, not archers."""
    text = head.text
    acronym = len(text) > 2 and text.rstrip("s").isupper()
    if not acronym and (not text[:1].islower() or head.tag_ in ("NNP", "NNPS")):
        return False
    return lex.is_person_noun(forms)


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
    if any(f in lex.not_units for f in heads) or _other_sense(head, heads[0], lex):
        return Missing.NOT_A_UNIT
    modifiers = kept[:-1] + _of_complement(head)  # "500,000 rounds of ammunition"
    if any(f in lex.act_heads for f in heads):
        act = _act_kind(modifiers, lex)  # "five 787 Dreamliner sales"
        return (act, None) if act is not None else Missing.NOT_A_UNIT
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
    if _person_noun(head, heads, lex):
        return "people", None
    return Missing.NOT_A_UNIT


def _other_sense(head: Token, form: str, lex: QuantityLexicon) -> bool:
    """ "two cases against Israel", "three court cases": a listed noun in a sense that is not
    the counted one (``units.toml`` [other_senses])."""
    sense = lex.other_senses.get(form)
    if sense is None:
        return False
    after, before = sense
    doc = head.doc
    if head.i + 1 < len(doc) and doc[head.i + 1].lower_ in after:
        return True
    return any(key(t.text) in before for t in head.lefts)


def _act_kind(modifiers: list[Token], lex: QuantityLexicon) -> QuantityKind | None:
    """The kind of the things an act moves ("787 Dreamliner sales", "jet orders", "tank
    deliveries"): a model or a military thing among the modifiers."""
    for tok in modifiers:
        kind = _model_of(tok, lex)
        if kind is None:
            kind = next((lex.kinds[f] for f in singular_keys(tok) if f in lex.kinds), None)
        if kind is not None and kind in MILITARY and kind != "personnel":
            return kind
    return None

def _model_of(tok: Token, lex: QuantityLexicon) -> QuantityKind | None:
    """The kind of a model designation, an airliner family number ("12 777 freighters") too."""
    kind = lex.model_kind(tok.text)
    if kind is None and lex.model_numbers.fullmatch(tok.text):
        return "aircraft"
    return kind


def _of_complement(head: Token) -> list[Token]:
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return [] if pobj is None else [*(t for t in pobj.lefts if t.dep_ == "compound"), pobj]


def _modifier_kind(modifiers: list[Token], lex: QuantityLexicon) -> QuantityKind | None:
    """The kind a model designation or a classifying word among the modifiers gives."""
    for tok in modifiers:
        kind = _model_of(tok, lex)
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
            if phrase in lex.currency_names and _is_money(form, num, head, lex):
                return lex.currency_names[phrase]
    return None


def _is_money(name: str, num: Numeral | None, word: Token, lex: QuantityLexicon) -> bool:
    """ "5 trillion won" is money, "won" alone a verb; "243 pounds" is a weight, "£243" and
    "50 million pounds" money, unless the words say weight (`_weight`)."""
    if name == "won":
        return num is not None and num.scaled
    if name == "pound":
        return num is not None and (num.scaled or num.value >= 1000) and not _weight(word, lex)
    return True


def _weight(word: Token, lex: QuantityLexicon) -> bool:
    """ "seized 5,000 pounds of cocaine", "a truck weighing 40,000 pounds", "2,000 pounds of
    marijuana and 300 kilograms of heroin": "pounds" of a substance, after a verb of weight, or
    beside another unit of mass is a weight (``currencies.toml`` [weights]); "2 million pounds
    of funding" stays money."""
    doc = word.doc
    nxt = word.i + 1
    if nxt < len(doc) and doc[nxt].lower_ == "of":
        obj = next((c for c in doc[nxt].children if c.dep_ == "pobj"), None)
        if obj is None and nxt + 1 < len(doc):
            obj = doc[nxt + 1]
        return obj is None or not any(f in lex.money_objects for f in singular_keys(obj))
    verb = word.head
    for _ in range(3):  # "weighing 40,000 pounds", "weighed in at 2,000 pounds"
        if verb.tag_.startswith("VB"):
            break
        verb = verb.head
    if lemma(verb) in lex.weight_verbs:
        return True
    return any(t.i != word.i and t.lower_ in lex.mass_units for t in word.sent)


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
            if code is not None and _is_money(form, num, last, lex):
                return Counted(code, "money", code, last=last.i)
    return None


def _container(
    doc: Doc, root: Token, lex: QuantityLexicon, entities: EntityIndex
) -> Counted | Missing:
    """A bare number whose unit a container noun gives ("a population of 3 million"), or the
    level a counted thing changes to or from ("cut its order of Rafale jets by 12 to 24", "cut
    the number of people at risk from an estimate of 80,000")."""
    anchor, prep = root, root.head
    if _estimate(root, lex):  # "from an initial estimate of about 80,000": the estimate's place
        anchor = prep.head
        prep = anchor.head
    noun: Token | None = None
    changed: Token | None = None
    if anchor is root and root.dep_ == "pobj" and prep.lower_ == "of" and (
        prep.head.tag_ in _NOUN_TAGS
    ):
        noun = prep.head
    elif anchor.dep_ == "pobj" and (prep.lower_ in ("to", "at", "from") or (
        prep.lower_ == "by" and anchor.i > 0 and doc[anchor.i - 1].lower_ == "to"
    )):  # the parser reads "by 10 to 40" as "by (10 to 40)"
        # "the death toll rose to 300", "officials put the death toll at 1,200"
        nouns, change, _ = _changing(prep, lex)
        noun = next((c for c in nouns if any(n in lex.containers for n in _container_names(c))),
                    None)
        changed = nouns[0] if nouns and change else None
    elif root.dep_ in ("dobj", "attr") and lemma(prep) in _LEVEL_VERBS:
        noun = next((c for c in prep.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if noun is None:
        return _changed_thing(doc, changed, lex, entities) if changed is not None else (
            Missing.NO_NOUN
        )
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
    found = _unit(doc, _np_start(pobj, lex), pobj, lex, entities)
    if isinstance(found, Missing):
        return found
    return Counted(found.unit, found.kind, found.currency, found.head, -1, found.owners, noun)


def _estimate(root: Token, lex: QuantityLexicon) -> bool:
    """ "from an original estimate of 660,000", "to a forecast of 300": a level named by a noun
    that stands in a change frame in place of the number."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or lemma(prep.head) not in lex.estimate_nouns:
        return False
    noun = prep.head
    return noun.dep_ == "pobj" and noun.head.lower_ in ("to", "at", "from")


def _changing(prep: Token, lex: QuantityLexicon) -> tuple[list[Token], bool, Token | None]:
    """(the nouns whose level "to"/"at"/"from" gives, whether a word of change governs it, the
    "down"/"up" that marks a change appended to a clause): the object or subject of the verb
    ("cut jobs to 300", "the toll rose to 300"), the noun "down by 30 to 126" hangs on, or the
    arguments of a verb of change above a clause the parser hung the phrase on ("decreased the
    number of people who could be affected from an estimate of 660,000")."""
    head, marker = prep.head, None
    if prep.lower_ == "by":
        head = prep
    for _ in range(3):
        if head.lower_ in ("by", "down", "up") and head.i != head.head.i:
            marker = head if head.lower_ != "by" else marker
            head = head.head
        else:
            break
    if head.tag_ in _NOUN_TAGS:
        return [head], True, marker
    change = prep.lower_ == "by" or marker is not None or _is_change(head, lex)
    args = _changed_args(head)
    if not change and not any(
        n in lex.containers for c in args for n in _container_names(c)
    ):
        verb = _change_verb_above(head, lex)
        if verb is not None:
            head, change, args = verb, True, _changed_args(verb)
    return args, change, marker


def _is_change(tok: Token, lex: QuantityLexicon) -> bool:
    return lemma(tok) in lex.change_verbs or lemma(tok) in _LEVEL_VERBS


def _changed_args(verb: Token) -> list[Token]:
    args = [c for c in verb.children if c.dep_ in _CHANGED_DEPS]
    return sorted(args, key=lambda c: _CHANGED_DEPS.index(c.dep_))


def _change_verb_above(tok: Token, lex: QuantityLexicon) -> Token | None:
    """The verb of change a few arcs above (`_MAX_CLIMB_TO_CHANGE`), if any."""
    for _ in range(_MAX_CLIMB_TO_CHANGE):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.tag_.startswith("VB") and _is_change(tok, lex):
            return tok
    return None


def appended_change(
    doc: Doc, root: Token, lex: QuantityLexicon, entities: EntityIndex
) -> Counted | Missing:
    """ "a prior commitment of 777X jets from the maker, down by 30 to 126": a change appended
    to a clause counts the nearest plural noun before it in its sentence, if that is a counted
    thing. The last resort for a bare number (an earlier count in the sentence comes first:
    "45,000 people crossed in small boats, up from 28,000" counts people)."""
    prep = root.head
    if root.dep_ != "pobj" or not (prep.lower_ in ("to", "from") or (
        prep.lower_ == "by" and root.i > 0 and doc[root.i - 1].lower_ == "to"
    )):
        return Missing.NO_NOUN
    marker = _changing(prep, lex)[2]
    if marker is None:
        return Missing.NO_NOUN
    start = marker.sent.start
    for tok in reversed(doc[start : marker.i]):
        if tok.tag_ in ("NNS", "NNPS"):
            found = _unit(doc, _np_start(tok, lex), tok, lex, entities)
            if isinstance(found, Missing) or found.kind == "money":
                return Missing.NO_NOUN
            return Counted(found.unit, found.kind, None, found.head, -1, found.owners)
    return Missing.NO_NOUN


def _changed_thing(
    doc: Doc, noun: Token, lex: QuantityLexicon, entities: EntityIndex
) -> Counted | Missing:
    """The unit of a thing whose level a number gives: its "of"/"for" complement ("its order of
    Rafale jets", "a commitment for A330 jets"), or the noun itself ("its 777X order", "jobs")."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    target = pobj if pobj is not None and _nounish(pobj) else noun
    if target.tag_ not in ("NNS", "NNPS") and singular_keys(target)[0] not in lex.act_heads:
        return Missing.NO_NOUN  # "the firm grew to 300": one firm; "jobs", "its 777X order"
    found = _unit(doc, _np_start(target, lex), target, lex, entities)
    if isinstance(found, Missing):
        return Missing.NO_NOUN
    return Counted(found.unit, found.kind, found.currency, found.head, -1, found.owners, noun)


def _container_names(noun: Token) -> tuple[str, ...]:
    """ "death toll" then "toll" for "the death toll"; "population" for "Lithuania's population"."""
    base = singular_keys(noun)[0]
    compounds = [c.lower_ for c in noun.lefts if c.dep_ == "compound"]
    return (f"{compounds[-1]} {base}", base) if compounds else (base,)
