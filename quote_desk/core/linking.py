"""Link speaker mentions to registry entities: name keys for matching, rapidfuzz scoring, levels.

Pure: no database, no Qt. The registry (quote_desk.registry) hands a list of `LinkTarget`s to
`RegistryLinker`, which prepares its indexes once and answers `link()` calls from a cache.

How a mention is matched, in order:
1. exact: its match key (see `match_key`) equals the key of a name, alias, English name or generated
   organisation variant of exactly one entity (short form الخارجية السورية, construct form خارجية سوريا);
2. partial person name: the mention's words are the last words of a person's name (كالاس → كايا كالاس),
   linked when only one person fits (a title given with the mention can pick among several);
3. fuzzy: rapidfuzz over the names that share a consonant skeleton word with the mention (blocking keeps
   this fast on a 50,000-entity registry), scored by `name_similarity` with explicit weights.
Scores (0..100) become levels through `score_to_level()`: linked / suggest / none.

Titles are evidence, not identity: a mention made only of title words (وزير الخارجية) never links to a
person; a title given next to a name adds a small bonus to people who usually carry it.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from quote_desk.core.linking_api import Level, LinkResult
from quote_desk.core.normalize import normalize_name

PERSON = "person"
NON_PERSON_TYPES = frozenset({"organization", "media", "group"})
ANONYMOUS = "anonymous_source"


# --------------------------------------------------------------------------------------------- config


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    english: str
    names: tuple[str, ...]  # Arabic country names: سوريا، سورية
    adjectives: tuple[str, ...]  # nationality adjectives, both genders: السورية، السوري


@dataclass(frozen=True, slots=True)
class LinkingLexicon:
    """Word lists the matcher needs (loaded from resources/registry/ by `load_lexicon`)."""

    honorifics: tuple[str, ...] = ()
    title_words: tuple[str, ...] = ()
    title_heads: tuple[str, ...] = ()  # words that open a person's title (وزير، الرئيس، المتحدث)
    org_heads: tuple[str, ...] = ()
    countries: tuple[Country, ...] = ()


@dataclass(frozen=True, slots=True)
class LinkingConfig:
    """Thresholds and weights. Every number is a score on rapidfuzz's 0..100 scale."""

    # Levels (see score_to_level): at or above `linked_at` the engine fills speaker_id; between
    # `suggest_at` and `linked_at` the desk offers the entity to the editor; below, nothing is offered.
    linked_at: float = 88.0
    suggest_at: float = 70.0
    # name_similarity weights (sum to 1). Whole-key Indel ratio catches one- or two-letter spelling
    # differences; token-sort ratio forgives word order and a missing middle word; the consonant skeleton
    # ratio forgives what transliterations vary on most (long vowels, g/j, s/z/th, t/ṭ, q/k).
    w_ratio: float = 0.45
    w_token_sort: float = 0.25
    w_skeleton: float = 0.30
    # A generated organisation variant (short form, construct form) is a little weaker than a written name.
    variant_score: float = 97.0
    # The mention is the last word(s) of exactly one person's name (كالاس → كايا كالاس).
    partial_unique_score: float = 90.0
    # ... of several people's names: only a suggestion.
    partial_ambiguous_score: float = 76.0
    # Other mentions of the same speaker in the document (aliases) count a bit less than its fullest mention.
    alias_discount: float = 3.0
    # A title given with the mention that matches one of the entity's usual titles (token_set_ratio >=
    # title_match_at), or that carries the entity's nationality adjective. Evidence only: never enough alone.
    title_bonus: float = 4.0
    country_bonus: float = 2.0
    title_match_at: float = 80.0
    # A family name alone with a title that matches none of the person's usual titles (كاتس، أستاذ التاريخ)
    # is contrary evidence: the partial match drops below `linked_at` and is only suggested.
    title_conflict_penalty: float = 8.0
    # Fuzzy person matches need the mention's last word (family name) to resemble a word of the name:
    # consonant-skeleton ratio at least this (غوتيرش ~ غوتيريش passes, عبد الله ~ نصر الله does not).
    family_match_at: float = 75.0
    # Fuzzy organisation matches need this share of the mention's words (head nouns aside) to resemble
    # words of the name, by the same skeleton ratio (وزارة الشؤون الخارجية الجزائرية passes with 2 of 3).
    org_cover_at: float = 0.6
    # link() offers no single suggestion when this many entities are within ambiguity_margin of the best
    # (وزارة الخارجية without a country): the desk's picker lists them instead.
    max_tied_suggestions: int = 3
    # Two different entities closer than this cannot be told apart: the best one is only suggested.
    ambiguity_margin: float = 3.0
    # Blocking: a skeleton word shared by more names than this is too common to block on (محمد، وزاره),
    # and once the pool holds `pool_target` names, commoner words add nothing.
    max_postings: int = 3000
    pool_target: int = 300
    # At most this many names per mention go through the full weighted score after the C-level prefilter.
    rescore_limit: int = 12
    cache_size: int = 65536
    lexicon: LinkingLexicon = field(default_factory=LinkingLexicon)

    def __post_init__(self) -> None:
        if not 0.0 <= self.suggest_at <= self.linked_at <= 100.0:
            raise ValueError("need 0 <= suggest_at <= linked_at <= 100")
        if not math.isclose(self.w_ratio + self.w_token_sort + self.w_skeleton, 1.0):
            raise ValueError("name_similarity weights must sum to 1")


def _read_list(path: Path) -> tuple[str, ...]:
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(dict.fromkeys(out))


def read_countries(path: Path) -> tuple[Country, ...]:
    out: list[Country] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 5:
            raise ValueError(f"{path}:{n}: expected 5 tab-separated columns")
        code, english, names, fem, masc = parts
        adjectives = tuple(a for a in (fem.split("|") + masc.split("|")) if a)
        out.append(Country(code.strip(), english.strip(), tuple(x for x in names.split("|") if x), adjectives))
    return tuple(out)


def load_lexicon(folder: Path | None = None) -> LinkingLexicon:
    """Read the matcher's word lists from resources/registry/ (or another folder with the same files)."""
    if folder is None:
        from quote_desk.resources import resource_path

        folder = resource_path("registry")
    return LinkingLexicon(
        honorifics=_read_list(folder / "honorifics.txt"),
        title_words=_read_list(folder / "title_words.txt"),
        title_heads=_read_list(folder / "title_heads.txt"),
        org_heads=_read_list(folder / "org_heads.txt"),
        countries=read_countries(folder / "countries.tsv"),
    )


def default_config() -> LinkingConfig:
    return LinkingConfig(lexicon=load_lexicon())


# --------------------------------------------------------------------------------------------- levels


def score_to_level(score: float, *, linked_at: float = 88.0, suggest_at: float = 70.0) -> Level:
    """Map a 0..100 match score to a level. Pure; the boundaries belong to the upper level.

    >>> score_to_level(88.0), score_to_level(87.99), score_to_level(70.0), score_to_level(69.99)
    ('linked', 'suggest', 'suggest', 'none')
    """
    if math.isnan(score) or not 0.0 <= score <= 100.0:
        raise ValueError(f"score must be within 0..100, got {score!r}")
    if score >= linked_at:
        return "linked"
    if score >= suggest_at:
        return "suggest"
    return "none"


# ----------------------------------------------------------------------------------------- name keys

_LATIN_PUNCT = re.compile(r"[\-‐‑–—_/.,'’`\"()\[\]«»“”:;،؛!؟?]+")
_ABD = re.compile(r"\bعبد\s+")  # عبد الله / عبدالله → one word
_JOINED = re.compile(r"(?<=\S) (?=(?:الله|الدين)\b)")  # نصر الله / نصرالله، نور الدين / نورالدين
_DOT_HONORIFIC = re.compile(r"^(?:د|م)\.\s*")  # د.عبد السند: "د." glued to the name
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")

# Consonant skeleton: transliterated names vary in long vowels and in how foreign sounds are written.
# Each pair below is folded to one letter; long vowels and hamza are dropped.
_SKELETON = str.maketrans(
    {
        "ا": None, "و": None, "ي": None, "ء": None, " ": " ",
        "غ": "ج", "ق": "ك", "گ": "ج", "چ": "ج",  # g: غوتيريش / جوتيريش; q/k: قاسم / كاسم
        "ز": "س", "ص": "س", "ث": "س", "ذ": "د",  # s/z: شولتس / شولتز
        "ط": "ت", "ض": "د", "ظ": "د",  # emphatics vs plain letters in transliteration
        "ڤ": "ف", "پ": "ب",  # Persian/foreign letters
    }
)


def strip_article(word: str) -> str:
    """Drop the article from one folded word of a name: الشيباني → شيباني.

    Only a bare ال: speaker names come without clitics, and normalize.strip_article's clitic+article rule
    would cut real names (كالاس → اس, والتر → تر)."""
    return word[2:] if word.startswith("ال") and len(word) >= 4 else word


def _fold_latin(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(ch for ch in s if not unicodedata.combining(ch))


class KeyMaker:
    """Turns a name into its match key with one lexicon; keys are cached."""

    def __init__(self, lexicon: LinkingLexicon) -> None:
        self.lexicon = lexicon
        self._honorifics = frozenset(self._plain(h) for h in lexicon.honorifics if self._plain(h))
        self._honorific_len = sorted({len(h.split()) for h in self._honorifics}, reverse=True)
        self._honorific_first = frozenset(h.split()[0] for h in self._honorifics)
        self._title_words = frozenset(self._plain(w) for w in lexicon.title_words) | frozenset(
            strip_article(self._plain(w)) for w in lexicon.title_words
        )
        adjectives = {self._plain(a) for c in lexicon.countries for a in c.adjectives}
        names = {self._plain(n) for c in lexicon.countries for n in c.names}
        self._title_like = self._title_words | {
            strip_article(w) for text in adjectives | names for w in text.split()
        } | {w for text in adjectives | names for w in text.split()}
        self._title_heads = frozenset(self._plain(w) for w in lexicon.title_heads)
        self.org_heads = frozenset(strip_article(self._plain(h)) for h in lexicon.org_heads)
        # nationality adjective key → the country's name keys (سوريه → سوريا، سوريه)
        self._adjective_to_names: dict[str, tuple[str, ...]] = {}
        for c in lexicon.countries:
            name_keys = tuple(dict.fromkeys(self._strip_words(self._plain(n)) for n in c.names))
            for a in c.adjectives:
                self._adjective_to_names[self._strip_words(self._plain(a))] = name_keys
        self._adjective_to_country = {
            self._strip_words(self._plain(a)): c.code for c in lexicon.countries for a in c.adjectives
        } | {self._strip_words(self._plain(n)): c.code for c in lexicon.countries for n in c.names if " " not in n}
        self.key = lru_cache(maxsize=262144)(self._key)

    @staticmethod
    def _plain(text: str) -> str:
        """Fold letters and punctuation only (no honorific or article handling)."""
        return KeyMaker._fold(normalize_name(text))

    @staticmethod
    def _fold(s: str) -> str:
        if not _ARABIC_LETTER.search(s):
            s = _fold_latin(s)
        s = _LATIN_PUNCT.sub(" ", s)
        return " ".join(s.split())

    @staticmethod
    def _strip_words(plain: str) -> str:
        return " ".join(strip_article(w) for w in _JOINED.sub("", _ABD.sub("عبد", plain)).split())

    def _drop_honorifics(self, plain: str) -> str:
        words = plain.split()
        if not words or words[0] not in self._honorific_first:
            return plain
        dropped = True
        while dropped:
            dropped = False
            for n in self._honorific_len:  # longest first: صاحب السمو before سمو
                # an honorific alone stays as it is (there is nothing else to match on)
                if len(words) > n and " ".join(words[:n]) in self._honorifics:
                    words = words[n:]
                    dropped = True
                    break
        return " ".join(words)

    def _key(self, name: str) -> str:
        s = normalize_name(name)
        s = self._fold(_DOT_HONORIFIC.sub("", s))
        s = self._drop_honorifics(s)
        s = self._drop_title(s)
        return self._strip_words(s)

    def _drop_title(self, plain: str) -> str:
        """الرئيس التركي رجب طيب أردوغان → رجب طيب أردوغان (only when a name follows the title)."""
        words = plain.split()
        if len(words) < 2 or words[0] not in self._title_heads:
            return plain
        n = 0
        while n < len(words) and (words[n] in self._title_like or strip_article(words[n]) in self._title_like):
            n += 1
        return " ".join(words[n:]) if 0 < n < len(words) else plain

    def is_title_only(self, name: str) -> bool:
        """True when every word of the name is a title word, nationality adjective or country name."""
        words = self._plain(name).split()
        return bool(words) and all(w in self._title_like or strip_article(w) in self._title_like for w in words)

    def org_variants(self, key: str) -> list[str]:
        """Other keys an organisation is written with: without its head noun (وزاره خارجيه سوريه → خارجيه
        سوريه) and with the country name for the nationality adjective (وزاره خارجيه سوريا)."""
        words = key.split()
        out: list[str] = []
        forms = [words]
        if words and words[-1] in self._adjective_to_names:
            for country in self._adjective_to_names[words[-1]]:
                forms.append([*words[:-1], *country.split()])
        for form in forms:
            out.append(" ".join(form))
            if len(form) >= 2 and form[0] in self.org_heads:
                out.append(" ".join(form[1:]))
        return [v for v in dict.fromkeys(out) if v and v != key]

    def country_of_title(self, title: str) -> str | None:
        """The country a title or name points at through a nationality adjective or country name."""
        return self.country_of_key(self._strip_words(self._plain(title)))

    def country_of_key(self, key: str) -> str | None:
        for w in reversed(key.split()):
            code = self._adjective_to_country.get(w)
            if code:
                return code
        return None


@lru_cache(maxsize=262144)
def skeleton(key: str) -> str:
    """Consonant skeleton of a match key (per word; words kept apart by spaces)."""
    return " ".join(w for w in key.translate(_SKELETON).split() if w)


def name_similarity(a: str, b: str, config: LinkingConfig) -> float:
    """Weighted similarity (0..100) of two match keys; the weights live in LinkingConfig."""
    return (
        config.w_ratio * fuzz.ratio(a, b)
        + config.w_token_sort * fuzz.token_sort_ratio(a, b)
        + config.w_skeleton * fuzz.ratio(skeleton(a), skeleton(b))
    )


# ------------------------------------------------------------------------------------------- targets


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """What the linker needs to know about one registry entity."""

    id: str
    canonical: str
    english: str | None
    type: str
    names: tuple[str, ...] = ()  # other names and spellings (not titles)
    titles: tuple[str, ...] = ()  # usual titles: evidence only
    country: str | None = None


def types_compatible(mention_type: str | None, entity_type: str) -> bool:
    """A person mention links only to people; an organisation mention to organisations, media or groups."""
    if mention_type in (None, "", "unknown"):
        return True
    if mention_type == PERSON:
        return entity_type == PERSON
    return entity_type != PERSON


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One entity found by `RegistryLinker.search` (the desk's speaker picker, `speakers list --search`)."""

    entity_id: str
    canonical: str
    english: str | None
    speaker_type: str
    score: float
    matched: str  # the match key that scored best


# Where a name came from, strongest first; the reason string says which.
_EXACT, _VARIANT, _SURNAME = "exact", "variant", "surname"


class RegistryLinker:
    """A SpeakerLinker over a fixed list of entities. Build once (indexes), then call link() many times."""

    def __init__(self, targets: Iterable[LinkTarget], config: LinkingConfig | None = None) -> None:
        self.config = config if config is not None else default_config()
        self.keys = KeyMaker(self.config.lexicon)
        self.targets: list[LinkTarget] = list(targets)
        # exact key → {entity index: how the key was made}
        # (tuples, not dicts: most keys have one owner, and this index holds ~4 keys per entity)
        self._exact: dict[str, tuple[tuple[int, str], ...]] = {}
        # last word key of a person's multi-word name → entity indices (partial names)
        self._surname: dict[str, set[int]] = defaultdict(set)
        # all distinct name keys, their owners, and the blocking index (skeleton word → key indices)
        self._choice_keys: list[str] = []
        self._choice_owner: list[int] = []
        self._target_keys: list[tuple[str, ...]] = []
        self._block: dict[tuple[bool, str], tuple[list[int], list[str]]] = {}
        self._title_keys: list[tuple[str, ...]] = []
        self._cache: dict[tuple[object, ...], LinkResult | None] = {}
        self._words: tuple[list[str], list[int]] | None = None
        for i, t in enumerate(self.targets):
            self._add_target(i, t)
        self.keys.key.cache_clear()  # the registry's names are indexed; keep the cache for mentions

    # ------------------------------------------------------------------ index
    def _add_choice(self, key: str, owner: int) -> None:
        idx = len(self._choice_keys)
        self._choice_keys.append(key)
        self._choice_owner.append(owner)
        is_person = self.targets[owner].type == PERSON
        for w in set(skeleton(key).split()):
            b_idx, b_keys = self._block.setdefault((is_person, w), ([], []))
            b_idx.append(idx)
            b_keys.append(key)

    def _put_exact(self, key: str, i: int, how: str) -> None:
        old = self._exact.get(key, ())
        for n, (j, h) in enumerate(old):
            if j == i:
                if how == _EXACT and h != _EXACT:  # a written name beats a generated variant
                    self._exact[key] = (*old[:n], (i, how), *old[n + 1 :])
                return
        self._exact[key] = (*old, (i, how))

    def _add_target(self, i: int, t: LinkTarget) -> None:
        names = [t.canonical, *t.names]
        if t.english:
            names.append(t.english)
        keys = tuple(dict.fromkeys(k for k in map(self.keys.key, names) if k))
        self._target_keys.append(keys)
        seen: set[str] = set()
        for key in keys:
            self._put_exact(key, i, _EXACT)
            if key not in seen:
                seen.add(key)
                self._add_choice(key, i)
            words = key.split()
            if t.type == PERSON and len(words) >= 2:
                self._surname[words[-1]].add(i)
            elif t.type != PERSON:
                for v in self.keys.org_variants(key):
                    self._put_exact(v, i, _VARIANT)
                    if v not in seen:
                        seen.add(v)
                        self._add_choice(v, i)
        self._title_keys.append(tuple(dict.fromkeys(self.keys.key(x) for x in t.titles if x)))

    # ------------------------------------------------------------------ matching
    def _title_evidence(self, i: int, title_key: str | None, title_country: str | None) -> float:
        bonus = 0.0
        if title_key and any(
            fuzz.token_set_ratio(title_key, tk) >= self.config.title_match_at for tk in self._title_keys[i]
        ):
            bonus += self.config.title_bonus
        if title_country and self.targets[i].country == title_country:
            bonus += self.config.country_bonus
        return bonus

    def _candidates_for(
        self, key: str, speaker_type: str | None, *, exact_only: bool = False, fuzzy: bool = True
    ) -> dict[int, tuple[float, str]]:
        """Score every plausible entity for one query key: {entity index: (score, how)}."""
        cfg = self.config
        out: dict[int, tuple[float, str]] = {}

        def ok_type(i: int) -> bool:
            return types_compatible(speaker_type, self.targets[i].type)

        # Beyond exact names, a nationality in an organisation's name must agree with the entity's country:
        # القوات السورية is not الجيش الروسي however close the letters are. (Not for people: السوداني is a
        # family name as well as an adjective.)
        country = self.keys.country_of_key(key)

        def ok(i: int) -> bool:
            t = self.targets[i]
            return ok_type(i) and (country is None or t.type == PERSON or t.country in (None, country))

        def put(i: int, score: float, how: str) -> None:
            if i not in out or out[i][0] < score:
                out[i] = (score, how)

        one_word = " " not in key
        for i, how in self._exact.get(key, ()):
            if ok_type(i):
                if one_word and self.targets[i].type == PERSON:
                    # a family name alone, even one listed as an alias (كاتس), counts as a partial name
                    put(i, cfg.partial_unique_score, "exact-surname")
                else:
                    put(i, 100.0 if how == _EXACT else cfg.variant_score, how)
        if out or exact_only:
            return out

        words = key.split()
        if words and speaker_type not in NON_PERSON_TYPES:
            # partial person name: the mention is the last word(s) of the name
            people = [
                i
                for i in self._surname.get(words[-1], ())
                if ok(i) and any(self._ends_with(k, words) for k in self._target_keys[i])
            ]
            for i in people:
                put(i, cfg.partial_unique_score if len(people) == 1 else cfg.partial_ambiguous_score, _SURNAME)
            if out or not fuzzy:
                return out
        if not fuzzy:
            return out

        # fuzzy: names sharing a consonant-skeleton word with the mention, rarest words first; common words
        # (a given name shared by hundreds) are only used while the pool is still small
        classes = (True,) if speaker_type == PERSON else (False,) if speaker_type in NON_PERSON_TYPES else (True, False)
        blocks = sorted(
            (b for w in set(skeleton(key).split()) for c in classes if (b := self._block.get((c, w)))),
            key=lambda b: len(b[0]),
        )
        idx: list[int] = []
        choices: list[str] = []
        for b_idx, b_keys in blocks:
            if idx and (len(idx) >= cfg.pool_target or len(b_idx) > cfg.max_postings):
                break
            idx += b_idx[: cfg.max_postings]  # a name in two blocks is scored twice: harmless, put() keeps one
            choices += b_keys[: cfg.max_postings]
        if not idx:
            return out
        # C-level prefilter (token_sort_ratio forgives word order), then the full weighted score on the best few
        floor = max(0.0, cfg.suggest_at - 15.0)
        best = process.extract(
            key, choices, scorer=fuzz.token_sort_ratio, score_cutoff=floor, limit=cfg.rescore_limit
        )
        for _choice, _s, pos in best:
            j = idx[pos]
            i = self._choice_owner[j]
            if not ok(i):
                continue
            ck = self._choice_keys[j]
            score = name_similarity(key, ck, cfg)
            how = "fuzzy"
            cw = ck.split()
            if self.targets[i].type == PERSON and len(cw) > len(words):
                # a partial name with a spelling difference: compare with the same number of last words
                tail = " ".join(cw[-len(words) :])
                partial = name_similarity(key, tail, cfg) * cfg.partial_unique_score / 100.0
                if partial > score:
                    score, how = partial, "fuzzy-surname"
            if self.targets[i].type != PERSON and not self._words_covered(words, cw):
                # an organisation's distinctive words must be there: وزارة المالية is not وزارة الداخلية
                score = min(score, cfg.suggest_at - 1.0)
                how = "fuzzy-other-words"
            if self.targets[i].type == PERSON and not self._family_agrees(words, cw):
                # a different family name is a different person, however alike the given names are
                # (حسن عبد الله is not حسن نصر الله): not even a suggestion
                score = min(score, cfg.suggest_at - 1.0)
                how = "fuzzy-other-family"
            put(i, score, how)
        return out

    def _family_agrees(self, words: Sequence[str], cand_words: Sequence[str]) -> bool:
        """The mention's last word resembles some word of the candidate's name (its family name, usually)."""
        last = skeleton(words[-1])
        rest = cand_words[1:] if len(cand_words) > 1 else cand_words  # not the given name (أنطونيو تاياني)
        return any(
            fuzz.ratio(last, skeleton(w)) >= self.config.family_match_at for w in rest if w not in ("بن", "ابن")
        )

    def _words_covered(self, words: Sequence[str], cand_words: Sequence[str]) -> bool:
        """Enough of the mention's words (head nouns aside) resemble words of the organisation's name."""
        content = [w for w in words if w not in self.keys.org_heads and w not in ("في", "و")]
        if not content:
            return True
        cand = [skeleton(w) for w in cand_words]
        hits = sum(1 for w in content if any(fuzz.ratio(skeleton(w), c) >= self.config.family_match_at for c in cand))
        return hits / len(content) >= self.config.org_cover_at

    @staticmethod
    def _ends_with(key: str, words: Sequence[str]) -> bool:
        kw = key.split()
        return len(kw) > len(words) and kw[-len(words) :] == list(words)

    def candidates(
        self,
        mention: str,
        *,
        aliases: Sequence[str] = (),
        title: str | None = None,
        speaker_type: str | None = None,
        limit: int = 5,
    ) -> list[LinkResult]:
        """The best entities for a speaker, best first (for the desk's speaker picker and for link())."""
        if speaker_type == ANONYMOUS:
            return []
        cfg = self.config
        scores: dict[int, tuple[float, str]] = {}
        queries: list[tuple[str, bool]] = [(mention, False)] + [(a, True) for a in aliases if a]
        seen: set[str] = set()
        for text, is_alias in queries:
            key = self.keys.key(text)
            if not key or key in seen:
                continue
            seen.add(key)
            # a mention made only of title words (وزير الخارجية، الرئيس السوري) links only to a name written in
            # the registry exactly (an organisation's short form الخارجية السورية, a family name السوداني),
            # never by partial or fuzzy matching: office holders change, titles are not identity
            title_only = self.keys.is_title_only(text)
            # the other mentions (aliases) are often anaphors, titles or relaying sources (الوزارة، مصادر
            # سورية): they count through exact names and family names only, never through fuzzy matching
            found = self._candidates_for(key, speaker_type, exact_only=title_only, fuzzy=not is_alias)
            for i, (s, how) in found.items():
                if is_alias:
                    s -= cfg.alias_discount
                    how = f"{how}(alias)"
                if i not in scores or scores[i][0] < s:
                    scores[i] = (s, how)
            if not is_alias and any(s >= 100.0 for s, _ in scores.values()):
                break  # the fullest mention matched a written name exactly: aliases add nothing
        if not scores:
            return []
        title_key = self.keys.key(title) if title else None
        title_country = self.keys.country_of_title(title) if title else None
        ranked: list[tuple[float, int, str]] = []
        for i, (s, how) in scores.items():
            bonus = self._title_evidence(i, title_key, title_country) if s >= cfg.suggest_at - 10 else 0.0
            reason = how + ("+title" if bonus else "")
            if title_key and not bonus and "surname" in how and self._title_keys[i]:
                bonus = -cfg.title_conflict_penalty
                reason += "-title"
            ranked.append((min(100.0, max(0.0, s + bonus)), i, reason))
        ranked.sort(key=lambda r: (-r[0], self.targets[r[1]].id))
        results: list[LinkResult] = []
        for rank, (s, i, reason) in enumerate(ranked[:limit]):
            level = score_to_level(s, linked_at=cfg.linked_at, suggest_at=cfg.suggest_at)
            if rank == 0 and len(ranked) > 1 and ranked[1][0] > s - cfg.ambiguity_margin and level == "linked":
                level = "suggest"
                reason += f";ambiguous({sum(1 for r in ranked if r[0] > s - cfg.ambiguity_margin)})"
            elif rank > 0 and level == "linked":
                level = "suggest"  # only one entity is ever linked
            t = self.targets[i]
            results.append(LinkResult(t.id, t.canonical, t.english, t.type, round(s, 2), level, reason))
        return results

    def search(self, text: str, *, limit: int = 10, speaker_type: str | None = None) -> list[SearchHit]:
        """Plain fuzzy search over every name (no linking rules): what a picker shows while the editor types.

        Partial matches count (الخارجية finds every ministry of foreign affairs; كال finds كالاس)."""
        key = self.keys.key(text)
        if not key:
            return []
        best: dict[int, tuple[float, str]] = {}
        hits = process.extract(
            key, self._choice_keys, scorer=fuzz.WRatio, score_cutoff=60.0, limit=max(limit * 8, 50)
        )
        # a word of the name starting with what was typed ranks above letters found mid-word (كال → كالاس,
        # before وكالة): sorted words + bisect, built on the first search
        if self._words is None:
            pairs = sorted((w, j) for j, k in enumerate(self._choice_keys) for w in set(k.split()))
            self._words = ([w for w, _ in pairs], [j for _, j in pairs])
        words, owners = self._words
        typed = key.split()
        last = typed[-1]
        if last.startswith("ال") and len(last) > 2:
            last = last[2:]  # an article typed before the rest of the word (الس…)
        lo = bisect.bisect_left(words, last)
        hi = bisect.bisect_left(words, last + "\U0010ffff")
        prefix = []
        for n in range(lo, hi):
            j = owners[n]
            choice = self._choice_keys[j]
            if all(w in choice.split() for w in typed[:-1]):  # the words typed before must all be there
                prefix.append((choice, 100.0 if words[n] == last else 95.0, j))
        for choice, score, pos in [*prefix[: limit * 20], *hits]:
            i = self._choice_owner[pos]
            if not types_compatible(speaker_type, self.targets[i].type):
                continue
            if i not in best or best[i][0] < score:
                best[i] = (float(score), choice)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], self.targets[kv[0]].id))[:limit]
        return [
            SearchHit(self.targets[i].id, self.targets[i].canonical, self.targets[i].english, self.targets[i].type,
                      round(s, 2), m)
            for i, (s, m) in ranked
        ]

    def link(
        self,
        mention: str,
        *,
        aliases: Sequence[str] = (),
        title: str | None = None,
        speaker_type: str | None = None,
    ) -> LinkResult | None:
        """Link one document-level speaker. None when nothing reaches the suggest level (or anonymous)."""
        ck = (mention, tuple(aliases), title, speaker_type)
        if ck in self._cache:
            return self._cache[ck]
        found = self.candidates(
            mention, aliases=aliases, title=title, speaker_type=speaker_type, limit=self.config.max_tied_suggestions
        )
        best = found[0] if found and found[0].level != "none" else None
        if best is not None and best.level == "suggest":
            tied = [r for r in found if r.score > best.score - self.config.ambiguity_margin]
            if len(tied) >= self.config.max_tied_suggestions:
                best = None
        if len(self._cache) >= self.config.cache_size:
            self._cache.clear()
        self._cache[ck] = best
        return best
