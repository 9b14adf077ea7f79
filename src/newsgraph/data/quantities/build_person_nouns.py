"""Build the person-noun extract in this folder (person_nouns.txt, not_person_suffixed.txt).

Run from the repository root when the source changes:

    apt-get install wordnet-base     # build time only: WordNet 3.0's database files
    python src/newsgraph/data/quantities/build_person_nouns.py /usr/share/wordnet

Why: a count of people is written with any noun for a person ("four volunteer physicians",
"155 adult males", "12 paramedics", "300 dockworkers"), far more than a hand list holds. WordNet
files every noun sense under a lexicographer file; a noun whose FIRST sense (WordNet orders senses
by their frequency in its tagged corpus) is under ``noun.person`` is, in running text, mostly a
person: "physician", "nurse", "lawmaker", "migrant". Taking the first sense only keeps out nouns
that are people only now and then ("case", "party", "head", "star", "power"). Proper names filed
under noun.person ("Lincoln", "Picasso": synsets with an instance pointer) and multi-word lemmas
are left out; the quantities stage matches a unit by its head word. The nouns whose first sense
is a person but that news counts other things with ("carrier", "partner", "producer", "white")
are removed at run time by ``units.toml`` [people_nouns] not_people, where they are easier to
review than in this list.

`not_person_suffixed.txt` lists WordNet's nouns that end like agent nouns ("-ist", "-er",
"-ee", "-ian", "-ster", "-nik") but are not people ("list", "container", "committee",
"amphibian"): the stage takes a lower-case noun with such an ending that WordNet does not know
("influencer", "vlogger", "asylee") for a person, and these are the known exceptions.

WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. (WordNet License:
permission to use, copy, modify and distribute for any purpose without fee, with this notice;
the full text is in the header of both output files.)
"""

from __future__ import annotations

import sys
from pathlib import Path

#: Lexicographer file number of noun.person (WordNet's lexnames file).
NOUN_PERSON = 18
#: Endings of agent nouns the stage's fallback reads as people (see `lexicon.is_person_noun`).
SUFFIXES = ("ist", "er", "ee", "ian", "ster", "nik")

LICENSE = """\
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR
# ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL
# NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or publicity
# pertaining to distribution of the software and/or database.  Title to copyright in this
# software, database and any associated documentation shall at all times remain with Princeton
# University and LICENSEE agrees to preserve same.
# Permission to use, copy, modify and distribute this software and database and its
# documentation for any purpose and without fee or royalty is hereby granted, provided that you
# agree to comply with the above copyright notice and statements, including the disclaimer.
"""


def _synsets(wordnet: Path) -> tuple[dict[str, int], set[str]]:
    """(synset offset -> lexicographer file, offsets of instance synsets) from data.noun."""
    lexfile: dict[str, int] = {}
    instances: set[str] = set()
    with (wordnet / "data.noun").open(encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split()
            lexfile[fields[0]] = int(fields[1])
            if " @i " in line:
                instances.add(fields[0])
    return lexfile, instances


def _first_senses(wordnet: Path) -> dict[str, str]:
    """lemma -> offset of its first (most frequent) sense, from index.noun."""
    out: dict[str, str] = {}
    with (wordnet / "index.noun").open(encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            out[fields[0]] = fields[4 + pointers + 2]
    return out


def build(wordnet: Path, out_dir: Path) -> tuple[int, int]:
    lexfile, instances = _synsets(wordnet)
    people: list[str] = []
    suffixed: list[str] = []
    for lemma, offset in sorted(_first_senses(wordnet).items()):
        if "_" in lemma or "." in lemma or len(lemma) < 3 or not lemma.replace("-", "").isalpha():
            continue
        word = lemma.replace("-", " ")
        if lexfile[offset] == NOUN_PERSON:
            if offset not in instances:
                people.append(word)
        elif word.endswith(SUFFIXES) and " " not in word:
            suffixed.append(word)
    head = (
        "# Built by build_person_nouns.py (see its docstring) from WordNet 3.0; do not edit by\n"
        "# hand: exclusions go in units.toml [people_nouns].\n" + LICENSE
    )
    (out_dir / "person_nouns.txt").write_text(
        head + "# Nouns whose first WordNet sense is a person (noun.person), one a line.\n"
        + "\n".join(people) + "\n", encoding="utf-8",
    )
    (out_dir / "not_person_suffixed.txt").write_text(
        head + "# WordNet nouns with an agent-noun ending (" + ", ".join(SUFFIXES)
        + ") whose first sense is not a person.\n" + "\n".join(suffixed) + "\n", encoding="utf-8",
    )
    return len(people), len(suffixed)


if __name__ == "__main__":
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    n_people, n_suffixed = build(source, Path(__file__).resolve().parent)
    print(f"{n_people} person nouns, {n_suffixed} suffixed non-person nouns")
