"""Personal and organisation names a text gives, for typing a bare capitalised word."""

from __future__ import annotations

import re
from collections.abc import Callable

from annotator.nlp.lexicon import Lexicon

# a capitalised run of words, and a role noun before a name ("minister Bijleveld")
# (the capital's word-start test follows it, so the regex engine skips ahead to capitals; a word's
# run of letters is possessive (++): what follows it is a space, which no shorter run could
# reach, so the engine does not back off letter by letter at every word it tries)
_CAPRUN = re.compile(r"[A-ZÀ-Þ](?<!\w[A-ZÀ-Þ])[\w'’-]++(?:\s+(?:[A-ZÀ-Þ]\.\s+|(?:(?:van|de|der|den|von|el|le|la|ter|ten)\s+){1,2})?[A-ZÀ-Þ][\w'’-]++)+")
_ROLE_NAME = re.compile(r"(?<![\w-])([\w-][\w-]++)\s+([A-ZÀ-Þ][a-zà-ÿ'’-]+)\b(?!\s+[A-ZÀ-Þ])")


class LazyNames:
    """Personal names of the text, found only when a bare capitalised word needs typing."""

    def __init__(self, find: Callable[[], set[str]], org_context: Callable[[str], bool] | None = None):
        self.find = find
        self.names: set[str] | None = None
        self.extra: set[str] = set()
        self.org_context = org_context
        self.orgs: set[str] = set()
        self.not_orgs: set[str] = set()

    def __contains__(self, word: object) -> bool:
        if self.names is None:
            self.names = self.find()
        return word in self.names or word in self.extra

    def is_org(self, word: str) -> bool:
        """Named elsewhere in the text as an organisation ("carmaker Aldane", "Aldane Motors")."""
        if self.names is None:
            self.names = self.find()
        if word in self.orgs:
            return True
        if self.org_context is None or word in self.not_orgs:
            return False
        if self.org_context(word):
            self.orgs.add(word)
            return True
        self.not_orgs.add(word)
        return False

    def add(self, word: str) -> None:
        self.extra.add(word)


def person_names(lex: Lexicon, text: str, orgs: set[str] | None = None) -> set[str]:
    """Last words of capitalised runs that look like personal names ("Karin Oudshoorn"), so
    that a later bare "Oudshoorn" is typed as a person, not an organisation. Names the text
    gives as organisations ("Aldane Motors", "het chemiebedrijf Armacor") go to `orgs`."""
    out: set[str] = set()
    orgs = set() if orgs is None else orgs
    known = lex.name_stop_words
    inst = lex.src["institution_name_tokens"]
    for m in _CAPRUN.finditer(text):
        parts = m.group(0).split()
        while parts and parts[0].lower() in known:
            parts = parts[1:]
        low = next((x for x, w in enumerate(parts) if not w[:1].isupper()), len(parts))
        if low >= 2:
            parts = parts[:low]  # "Dominick Woltering van Aventus": the name ends before "van"
        words = [w for w in parts if w[:1].isupper() and not w.endswith(".")]
        if len(words) < 2:
            continue
        if any(w.lower() in inst for w in words[1:]):
            orgs.add(words[0])
        elif not lex.media_names.match(words, 0, len(words)):
            out.add(words[-1])
    persons = lex.src["person_nouns"]
    for m in _ROLE_NAME.finditer(text):  # "minister Bijleveld", "premier Rutte", "Superintendent Jones"
        name = m.group(2)
        if m.group(1).lower() in persons and name.lower() not in known and name.lower() not in inst \
                and not name.isupper():
            out.add(name)
    return out


def named_as_org(lex: Lexicon, text: str, word: str) -> bool:
    """The text gives `word` right after an institution noun somewhere: "carmaker Aldane",
    "het chemiebedrijf Armacor", "buurland Drevania"."""
    inst_nouns = lex.src["institution_nouns"]
    org_suffix = [p for p, label in lex.suffix_patterns if label == "institution"]
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if at > 0 and text[at - 1] == " " and (end >= len(text) or not text[end].isalnum()):
            before = text[max(0, at - 40):at - 1].rsplit(None, 1)
            noun = before[-1].lower() if before else ""
            if len(noun) >= 3 and (noun in inst_nouns or any(p.search(noun) for p in org_suffix)):
                return True
        at = text.find(word, end)
    return False
