"""Korean analysis shared by both backends' query side and the database backend's index side.

Text becomes three lists of plain terms (letters and digits only, so no query syntax can leak
into a full-text engine):

- ``terms``: content morphemes from kiwipiepy (nouns, roots, foreign words, numbers), lower-cased,
  English plurals folded, plus ``syn<group>`` for every synonym group a member of which occurs;
- ``grams``: character bigrams of every Hangul word, so compounds and spacing variants still
  meet (파크뷰의 ~ 파크뷰, 스마트쉘터 ~ 스마트 쉘터);
- the same functions serve queries and documents, which is what makes them match.

The Kiwi model ships in the ``kiwipiepy_model`` package; nothing is downloaded at run time.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .synonyms import SYNONYM_GROUPS, USER_DICTIONARY

KEEP_TAGS = {"NNG", "NNP", "NNB", "SL", "SH", "SN", "XR", "NR"}
HANGUL_WORD = re.compile(r"[가-힣]+")
NOT_TERM_CHAR = re.compile(r"[^0-9a-z가-힣]+")
SYNONYM_PREFIX = "syn"
MAX_ANALYZED_CHARS = 20_000


@lru_cache(maxsize=1)
def _kiwi():
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    for word in USER_DICTIONARY:
        kiwi.add_user_word(word, "NNP")
    return kiwi


COMPANY_FORMS = re.compile(r"\(주\)|\(유\)|\(사\)|주식회사|유한회사")


def normalize(text: str) -> str:
    """NFKC (so ㈜ is (주)), lower case, and legal-form words that every company name carries removed."""
    return COMPANY_FORMS.sub(" ", unicodedata.normalize("NFKC", text or "").lower())


def _fold(term: str) -> str:
    term = NOT_TERM_CHAR.sub("", term)
    if term.isascii() and len(term) > 4 and term.endswith("s") and not term.endswith("ss"):
        term = term[:-1]
    return term


def _kept(tokens) -> list[str]:
    terms = []
    for token in tokens:
        if token.tag in KEEP_TAGS:
            folded = _fold(token.form)
            if folded:
                terms.append(folded)
    return terms


def _morphemes(text: str) -> list[str]:
    text = normalize(text)[:MAX_ANALYZED_CHARS]
    if not text.strip():
        return []
    return _kept(_kiwi().tokenize(text))


def _morphemes_many(texts: list[str]) -> list[list[str]]:
    """``_morphemes`` of many texts in one call: Kiwi spreads a batch over all cores."""
    prepared = [normalize(text)[:MAX_ANALYZED_CHARS] for text in texts]
    results: list[list[str]] = [[] for _ in texts]
    nonblank = [i for i, text in enumerate(prepared) if text.strip()]
    for i, tokens in zip(nonblank, _kiwi().tokenize([prepared[i] for i in nonblank]), strict=True):
        results[i] = _kept(tokens)
    return results


@lru_cache(maxsize=1)
def _synonym_patterns() -> list[tuple[tuple[str, ...], str]]:
    patterns = []
    for key, members in SYNONYM_GROUPS.items():
        marker = SYNONYM_PREFIX + key.replace("_", "")
        for member in members:
            tokens = tuple(_morphemes(member))
            if tokens:
                patterns.append((tokens, marker))
    # Longest first, so "불법 주정차" is seen before "주정차".
    return sorted(patterns, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _patterns_by_first_term() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for pattern, marker in _synonym_patterns():
        index.setdefault(pattern[0], []).append((pattern, marker))
    return index


def synonym_markers(terms: list[str]) -> list[str]:
    """Markers of the synonym groups whose member occurs in ``terms`` (one pass over the terms)."""
    index = _patterns_by_first_term()
    markers = []
    for i, term in enumerate(terms):
        for pattern, marker in index.get(term, ()):
            if tuple(terms[i : i + len(pattern)]) == pattern:
                markers.append(marker)
    return list(dict.fromkeys(markers))


def terms(text: str) -> list[str]:
    """Morphemes plus synonym markers, in text order (markers last)."""
    morphemes = _morphemes(text)
    return morphemes + synonym_markers(morphemes)


def terms_many(texts: list[str]) -> list[list[str]]:
    """``terms`` of each text, analysed as one batch (how documents are indexed)."""
    return [morphemes + synonym_markers(morphemes) for morphemes in _morphemes_many(texts)]


def grams(text: str) -> list[str]:
    out = []
    for word in HANGUL_WORD.findall(normalize(text)[:MAX_ANALYZED_CHARS]):
        if len(word) == 1:
            out.append(word)
        out.extend(word[i : i + 2] for i in range(len(word) - 1))
    return out


@dataclass(frozen=True)
class QueryWord:
    """One whitespace-separated word of a query.

    It matches a document when every group of ``groups`` matches (a group is a morpheme and the
    markers of the synonym groups the query contains it in), or when all ``grams`` do.
    """

    groups: tuple[tuple[str, ...], ...]
    grams: tuple[str, ...]


def _groups(morphemes: list[str], context: list[str]) -> list[tuple[str, ...]]:
    groups: dict[str, list[str]] = {m: [m] for m in morphemes}
    for pattern, marker in _synonym_patterns():
        n = len(pattern)
        for i in range(len(context) - n + 1):
            if tuple(context[i : i + n]) == pattern:
                for term in pattern:
                    if term in groups and marker not in groups[term]:
                        groups[term].append(marker)
    return [tuple(alternatives) for alternatives in groups.values()]


def parse_query(text: str) -> list[QueryWord]:
    """Synonyms are found over the whole query ("smart parking" gets the parking marker, "smart"
    alone does not pull in "smart pole"), then assigned to the words they came from."""
    text = normalize(text)
    everything = _morphemes(text)
    words = []
    for raw in text.split():
        morphemes = _morphemes(raw)
        word_grams = tuple(dict.fromkeys(grams(raw))) if HANGUL_WORD.search(raw) else ()
        if not morphemes and not word_grams:
            continue  # punctuation, particles alone: nothing to look for
        # A Hangul word Kiwi finds no content morpheme in (an unknown compound read as adverbs)
        # still has to match, through its bigrams.
        words.append(QueryWord(groups=tuple(_groups(morphemes, everything)), grams=word_grams))
    return words


def highlight_terms(text: str) -> set[str]:
    """Surface forms worth marking in results: the query's morphemes and their synonyms' words."""
    words = set(_morphemes(text))
    markers = set(synonym_markers(_morphemes(text)))
    for key, members in SYNONYM_GROUPS.items():
        if SYNONYM_PREFIX + key.replace("_", "") in markers:
            words.update(part for member in members for part in member.lower().split())
    return {w for w in words if len(w) > 1}
