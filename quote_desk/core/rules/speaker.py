"""Speaker phrases: where a subject noun phrase ends, how a title is kept apart from a name, what kind of
speaker a phrase denotes. Works on tokens of a `Doc`; every result is a token range."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quote_desk.core.document import Doc
from quote_desk.core.lexicon import CueForm
from quote_desk.core.normalize import DIACRITICS, folded, normalize, strip_article

OPEN_MARKS = "«“”\"‘’‹﴿"
# Tokens that never belong to a subject phrase and end it (coordinating/discourse words, negation).
NP_BREAKERS = folded(
    {"قد", "لقد", "ثم", "لكن", "لكنه", "لكنها", "حيث", "بينما", "فيما", "الا", "لا", "لم", "لن", "ما", "دون", "بدون",
     "الذي", "التي", "الذين", "والذي", "والتي", "اللذين", "ان", "اذا", "لو", "كي", "حتي", "منذ", "فقد", "فان", "فانه",
     "فانها", "غير", "وهي", "وهو", "وهم", "وهما", "تحدث", "تحدثت", "تحدثوا", "متحدثا", "متحدثه",
     "كيف", "لماذا", "متي", "اين", "هل", "كم"}  # "وتروي سلمى كيف تغيّر عملها": a question word ends the name
)
# Prepositions (bare or with an attached pronoun) never start a subject: what follows them is an adjunct.
PREPOSITIONS = folded(
    {"في", "خلال", "علي", "عبر", "امام", "لدي", "من", "مع", "عقب", "بعد", "قبل", "اثناء", "اثر", "حول", "عن", "الي",
     "وفي", "ومن", "وعلي", "وخلال", "ل", "لـ", "ب", "تجاه", "بشان", "ازاء", "ضد", "نحو", "عند", "وسط", "بين"}
)
PREP_PRONOUNS = folded(
    {p + s for p in ("علي", "ل", "في", "من", "عن", "ب", "مع", "الي", "لدي", "امام", "عند", "خلف", "حول", "نحو", "بين", "تجاه", "ازاء")
     for s in ("ه", "ها", "هم", "هما", "نا")}
)
# Clauses that say a source is unnamed; they are cut from the mention (the mention stays "مسؤول في الحزب").
ANONYMITY_VERBS = folded({"طلب", "طالبا", "طالبين", "طالبه", "فضل", "مفضلا", "رفض", "رافضا", "اشترط", "مشترطا", "شريطه", "اشترطت", "طلبت", "فضلت", "طلبوا", "فضلوا", "رفضت", "رفضوا", "مفضله", "مفضلين"})
UNNAMED = re.compile(r"^(يسم|تسم|نسم|يذكر|تذكر|يكشف|تكشف|يفصح|تفصح|تحدد|يحدد|تعرف|يعرف)")
ANONYMITY_OBJECTS = folded({"عدم", "الا", "حجب", "ذكر", "الكشف", "كشف", "الافصاح", "نشر", "الاشاره"})
# Nouns that head an idafa title chain without the article: وزير خارجية روسيا، رئيس وزراء إسرائيل.
IDAFA_NOUNS = folded(
    "خارجيه داخليه دفاع وزراء مجلس هيئه حكومه جمهوريه دوله اداره شوون منظمه لجنه حزب حركه جيش قوات مكتب وكاله صندوق"
    " بنك شركه نادي منتخب مدينه محافظه ولايه اقليم بلديه جامعه مستشفي اركان امن شرطه مخابرات استخبارات مفوضيه سلطه"
    " بعثه برنامج صحه تعليم ماليه اقتصاد طاقه نفط عدل اعلام ثقافه سياحه زراعه نقل اتصالات خزانه"
    " عماله جهه ناحيه قضاء عام اول تنفيذي سابق اعلي دائم خاص مساعد اقليمي قسم دائره شعبه مصلحه بلديه بنك بعثه برلمان بيت صاحب صاحبه"
    " وحده مركز مجموعه رابطه جمعيه نقابه اتحاد تحالف ايتلاف جبهه موسسه مديريه شبكه منتدي معهد مرصد محكمه نيابه"
    " قياده غرفه سفاره قنصليه امانه كتله تيار فريق كليه اكاديميه سلطه مطار ميناء مصنع مخيم سجن معبر حقل مصفاه"
    " محطه مدرسه ملعب فندق مقر"
    .split()
)
NAME_STARTERS = folded({"عبد", "ابو", "ابي", "بن", "ابن", "ال", "ام", "بنت"})
RELAY_LEMMAS = folded({"أفاد", "ذكر", "أورد", "نقل", "نسب"})


def is_relay_prep(cue: CueForm | None, t: str) -> bool:
    """The preposition that hands over to the relayed speaker: عن (نقلت الوكالة عن …), or إلى after نسب
    (نسبت الصحيفة إلى مسؤول قوله …)."""
    return t == "عن" or (cue is not None and cue.lemma == "نسب" and t == "الي")
RELAY_BLOCKERS = folded({"الكشف", "الافصاح", "الاعلان", "كشف", "هويته", "اسمه",
                         # "النائب عن محافظة حمص", "نواب عن كتلة «حقوق»", "المسؤول عن التواصل": عن belongs to the role
                         "نائب", "النائب", "نائبة", "النائبة", "نواب", "النواب", "نائبان", "ممثل", "الممثل", "ممثلة",
                         "الممثلة", "ممثلو", "ممثلون", "ممثلين", "مسؤول", "المسؤول", "مسؤولة", "المسؤولة"})
# قائلاً / بالقول: "saying", after any verb; with the agreement of the one who says (gender, number)
SAYING_AGREEMENT: dict[str, tuple[str | None, str | None]] = {
    normalize(w): agr
    for w, agr in (("قائلاً", ("m", "sg")), ("قائلة", ("f", "sg")), ("قائلين", ("m", "pl")), ("قائلتين", ("f", "du")), ("بالقول", (None, None)))
}
SAYING_PARTICIPLES = frozenset(SAYING_AGREEMENT)
# Participles whose prepositional complement belongs to the mention of an unnamed source
PARTICIPLE_COMPLEMENTS = folded({"مشارك", "مشاركه", "مشاركين", "مشاركون", "مطلع", "مطلعه", "مطلعين", "مطلعون", "مقرب",
                                 "مقربه", "مقربين", "مقربون", "قريب", "قريبه", "قريبين", "حاضر", "حاضرين", "مقيم", "مقيمه"})


@dataclass(frozen=True, slots=True)
class Stop:
    """Why a phrase ended, at token `at` (exclusive end of the phrase)."""

    at: int
    why: str  # comp | prep_comp | colon | mark | ba | an | comma | adjunct | masdar | saying | eos | long | paren


# Conjunctions that make أن temporal or concessive ("بعد أن غادر", "قبل أن يصل", "رغم أن"): the clause is an
# adjunct of the verb, never what it reports.
TEMPORAL_CONJ = folded({"بعد", "وبعد", "قبل", "وقبل", "قبيل", "منذ", "دون", "بدون", "رغم", "برغم", "ورغم", "عقب", "بدل", "عوض", "لحين", "حين"})


def _is_comp(doc: Doc, k: int) -> bool:
    return doc.tokens[k].norm in doc.lex.complementizers and not temporal_clause(doc, k - 1) and not in_letter_name(doc, k) \
        and not name_particle(doc, k)


def name_particle(doc: Doc, k: int) -> bool:
    """"رينيه فان ديك"، "لودفيغ فان دام": فان without a hamza between a name and an indefinite word, with no comma
    around it, is the Dutch particle, not فإن."""
    t = doc.tokens[k]
    return (
        t.text == "فان"
        and 0 < k < len(doc.tokens) - 1
        and (doc.tokens[k - 1].norm in doc.lex.given_names or is_name_like(doc, k - 1))
        and not doc.tokens[k - 1].norm.startswith(("ال", "ل", "ب"))
        and not doc.tokens[k + 1].norm.startswith("ال")  # "… فان الوضع": the complementizer before a definite subject
        and doc.gap_before(k).strip() == ""
        and doc.gap_before(k + 1).strip() == ""
    )


def _object_starts(doc: Doc, i: int, j: int) -> bool:
    """In the subject phrase i..j of a call or accusation verb, token j opens the verb's object:
    "واتهمت الحركة بنيامين نتنياهو بـ…"، "وطالبت النقابة الوزير بـ…"، "ودعت الوزارة واشنطن إلى …" (a body is not
    followed by a person's name, a title or a place), "واتهم الوزير الجيش بأنه …" (a role, then a body)."""
    lex = doc.lex
    t = doc.tokens[j].norm
    if not has_article(doc, j - 1):
        return False
    here = lex.noun(t)
    if (t in lex.given_names or t in lex.titles or (has_article(doc, j) and t[2:] in lex.titles) or place_at(doc, j)
            # "وحمّلت وزارة الخارجية حكومة الاحتلال المسؤولية": a second body in construct
            or (not has_article(doc, j) and not t.startswith("و") and here is not None and here.cls in ("org", "group"))) \
            and not starts_with_title(doc, i, j) and classify(doc, i, j) in ("organization", "group", "media"):
        return True
    prev = lex.noun(doc.tokens[j - 1].norm)
    return has_article(doc, j) and here is not None and here.cls in ("org", "group", "media") and not t.endswith(("يه", "ي")) and (
        doc.tokens[j - 1].norm[2:] in lex.titles or (prev is not None and prev.cls in ("person", "org"))
    )  # "واتهم الوزير الجيش …"، "ودعت الوزارة الاتحاد الأوروبي إلى …": a definite body after a definite head


# envoys and missions: "لدى" after them names where they are accredited, inside the name or title
ACCREDITED = folded({"بعثه", "سفير", "سفيره", "سفاره", "مندوب", "مندوبه", "مندوبيه", "ممثل", "ممثله", "ممثليه", "وفد", "مبعوث",
                     "مبعوثه", "قنصل", "قنصليه", "ملحق"})


def opens_ba_phrase(doc: Doc, x: int, limit: int) -> bool:
    """Token x is the preposition ب joined to a word (بالتوصل، بإلغاء، بفرض) or standing alone before a quoted
    phrase (بـ"…"). Names that begin with ب are not: "رئيس الوزراء بنيامين نتنياهو"، "بسام"، "باسم"."""
    t = doc.tokens[x].norm
    if not t.startswith("ب"):
        return False
    if t == "ب":
        return x + 1 < limit
    if t in doc.lex.complementizers:
        return True  # بأن، بأنه (and not the name بانة)
    if len(t) == 3:  # بشن، بدء is not ب: a three-letter word is ب + a two-root-letter masdar only when one is known
        return t[1:] in SHORT_MASDARS
    return len(t) > 3 and not t.startswith("باسم") and (t.startswith("بال") or t not in doc.lex.given_names)


# doubled-root verbal nouns written with two letters: شنّ، ردّ، حلّ، صدّ، مدّ، سدّ
SHORT_MASDARS = frozenset({"شن", "رد", "حل", "صد", "مد", "سد", "دس", "غض", "حث", "بث", "شد", "فك"})


def in_letter_name(doc: Doc, k: int) -> bool:
    """Token k is a letter of an outlet spelled in letter names: "لشبكة سي إن إن إن الإدارة …" — the first two إن
    are the outlet, the third is the complementizer."""
    toks = doc.tokens
    letters = {w for name in doc.lex.letter_names for w in name}
    if not ((k > 0 and toks[k - 1].norm in letters) or (k + 1 < len(toks) and toks[k + 1].norm in letters)):
        return False  # the common case: no letter name beside this word
    for name in doc.lex.letter_names:
        n = len(name)
        for s in range(max(0, k - n + 1), k + 1):
            if s + n <= len(doc.tokens) and all(doc.tokens[s + x].norm == name[x] for x in range(n)) and \
                    all(doc.gap_before(s + x).strip() == "" for x in range(1, n)):
                return True
    return False


def temporal_clause(doc: Doc, k: int) -> bool:
    """Token k opens a temporal or concessive clause: "بعد أن …", "قبل أن …", "رغم أن …"."""
    return (
        0 <= k < len(doc.tokens) - 1
        and doc.tokens[k].norm in TEMPORAL_CONJ
        and doc.tokens[k + 1].norm in doc.lex.complementizers
        and doc.gap_before(k + 1).strip() == ""
    )


CLOSE_ONLY = "»›﴾"
AMBIDEXTROUS = "“”\"‘’"


def gap_kind(gap: str) -> str | None:
    """Classify punctuation between two tokens: colon, mark (a quote mark OPENS before the next token), comma,
    end, paren, or None. A mark right after the previous word closes a quote and does not count as opening."""
    g = gap.strip(" \t\u200f\u200e\u200b\u0640")
    if not g:
        return None
    if ":" in g:
        return "colon"
    last = g[-1]
    opening_with_space = gap[0].isspace() and gap.rstrip().endswith(last)  # "قوله ” لا يوجد … “": a spaced mark
    if last in "«‹﴿" or (last in AMBIDEXTROUS and (gap.endswith(last) or opening_with_space) and (len(g) > 1 or gap[0].isspace())):
        return "mark"
    rest = "".join(c for c in g if c not in CLOSE_ONLY + AMBIDEXTROUS + "«‹﴿")
    if any(c in rest for c in ".!?؟;؛"):
        return "end"
    if "،" in rest or "," in rest:
        return "comma"
    if "(" in rest:
        return "paren"
    return None


def _after_lam(norm: str) -> str | None:
    """The noun in a ل-prefixed token: لوكالة → وكاله, للصحفيين → الصحفيين."""
    if norm.startswith("لل") and len(norm) > 3:
        return "ال" + norm[2:]
    if norm.startswith("ل") and len(norm) > 2:
        return norm[1:]
    return None


ADDRESSEES = folded({"مراسل", "مراسله", "مراسلي", "مراسلنا", "مراسلتنا", "الصحفيين", "الصحافيين", "الصحافه", "الصحفيون", "الاعلاميين", "المراسلين", "الحضور"})


def _comm(lex: object, word: str) -> str | None:
    """Adjunct class of a word, trying it bare, without the article and without a possessive pronoun."""
    adj = lex.adjuncts  # type: ignore[attr-defined]
    for w in (word, word[2:] if word.startswith("ال") else word):
        if w in adj:
            return adj[w]
        for suf in ("ه", "ها", "هم", "ي"):
            if w.endswith(suf) and w[: -len(suf)] in adj:
                return adj[w[: -len(suf)]]
    return None


def looks_imperfect(doc: Doc, x: int) -> bool:
    """A short unknown word with the imperfect prefix ي/ت (يفرغ، تشعل، يبيع): a verb, not a name or a noun."""
    lex = doc.lex
    t = doc.tokens[x].norm
    return (
        t.startswith(("ي", "ت")) and 3 <= len(t) <= 5 and t not in lex.given_names and lex.noun(t) is None
        and t not in lex.titles and doc.inside_mark(doc.tokens[x].start) is None
    )


OBJECT_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "ني", "نا")


def looks_verb_with_object(doc: Doc, x: int) -> bool:
    """An unknown imperfect verb carrying an object pronoun (تبيعه، يسألها، نرقعها): a verb, never a subject."""
    lex = doc.lex
    tok = doc.tokens[x]
    t = tok.norm
    if not t.startswith(("ي", "ت")) or t in lex.given_names or lex.noun(t) is not None or t in lex.titles:
        return False
    if tok.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة"):
        return False
    for suf in OBJECT_SUFFIXES:
        if t.endswith(suf) and 3 <= len(t) - len(suf) <= 5:
            return doc.inside_mark(tok.start) is None
    return False


def possessive_noun(tok_text: str) -> bool:
    """An indefinite noun with a possessive pronoun (بيانه، تقريرها، عددهم), told apart from ة by the letter ه."""
    w = "".join(c for c in tok_text if c not in DIACRITICS and c != "\u0640")
    return len(w) >= 5 and not w.startswith(("ال", "وال")) and w.endswith(("ه", "ها", "هم", "هما"))


def is_accusative(tok_text: str) -> bool:
    """A word with accusative tanween (ضاحكاً، ممازحاً): a circumstantial, never a subject."""
    return tok_text.endswith(("اً", "ًا")) and len(tok_text) > 3


def nominative(tok_text: str, norm: str) -> str:
    """The folded word without an accusative ending: after أن/لكنّ the subject is accusative (مصدراً أمنياً،
    شهوداً) but it names the same source as مصدر أمني، شهود."""
    return norm[:-1] if is_accusative(tok_text) and norm.endswith("ا") else norm


def is_adjunct_start(doc: Doc, k: int, limit: int) -> bool:
    lex = doc.lex
    t = doc.tokens[k].norm
    if t in ("ل", "لـ", "لل") or t in PREP_PRONOUNS or t == "مجددا":
        return True
    if t in ("لصالح", "لحساب", "بتكليف", "بطلب"):
        return True  # "استطلاع أجراه معهد إيفوب لصالح صحيفة …": for whom, not part of the name
    if k > 0 and t in lex.nonverbal_first and t not in ("نقلا", "كما", "مثلما"):
        for seq in lex.nonverbal_index.get(t, ()):
            if tuple(x.norm for x in doc.tokens[k : k + len(seq)]) == seq:
                return True  # "وأكد الوزير، بحسب البيان، أن …": a source phrase inside the frame
    if t == "علي" and k > 0 and doc.tokens[k - 1].norm.startswith(("مطلع", "المطلع")):
        return False  # مطلع على سير المحادثات: the adjective's complement
    if t in PREPOSITIONS and doc.tokens[k].text.replace("\u0640", "") not in ("علي", "إمام"):  # the name Ali; the imam
        nxt = doc.tokens[k + 1].norm if k + 1 < limit else ""
        if nxt in ("احدث", "اخر", "اول", "احد", "ثاني", "اخري", "اولي") and k + 2 < limit:
            nxt = doc.tokens[k + 2].norm  # "في أحدث تقاريرها", "في آخر تصريح له"
        # "في" + a place stays inside a phrase (الدفاع المدني في حلب); other prepositions open adjuncts
        if t not in ("في", "من", "ب", "عن", "الي", "مع", "بين") or _comm(lex, nxt) in ("comm", "time"):
            return True
    if t in ("في", "وفي") and k + 1 < limit and (
        possessive_noun(doc.tokens[k + 1].text)
        or (doc.tokens[k + 1].norm in ("احدث", "اخر", "اول") and k + 2 < limit and possessive_noun(doc.tokens[k + 2].text))
    ):
        return True  # "في افتتاحيتها", "في نشريته الأسبوعية", "في عددها الصادر اليوم": the speaker's own medium
    kind = lex.adjuncts.get(t)
    if kind == "time":
        return True
    if t.endswith(("ه", "ها", "هم")) and k > 0 and (kind == "comm" or (
        kind is None and possessive_noun(doc.tokens[k].text) and _comm(lex, t) == "comm"
    )):
        return True  # the speaker's own statement as object: ختم حديثه، ألقى كلمته، ختم تصريحاته
    nxt = doc.tokens[k + 1].norm if k + 1 < limit else ""
    if kind == "prep" and nxt and _comm(lex, nxt) in ("comm", "time"):
        return True
    # في بيان / في تصريح written as one token with a proclitic: ببيان، بتصريح
    if t.startswith(("ب", "و")) and lex.adjuncts.get(t[1:]) == "comm":
        return True
    noun = _after_lam(t)
    if noun is not None and (noun in lex.media_names or (noun.startswith("ال") and noun in lex.media_names)):
        return True  # "قال شهود لرويترز": told Reuters
    if t.startswith("ل") and len(t) > 1 and t[1:2].isascii() and t[1:2].isalpha():
        return True  # "قال دبلوماسيون لـDW": ل with a Latin-lettered outlet
    if noun is not None:
        info = lex.noun(noun)
        if noun in ADDRESSEES or (info is not None and info.cls == "media") or lex.adjuncts.get(noun) == "comm":
            return True
    return False


RELATION_NOUNS = folded({"نظير", "نظيرت", "زميل", "زميلت", "ضيف", "ضيفت", "مضيف", "مضيفت", "شقيق", "شقيقت", "نجل",
                         "والد", "والدت", "زوج", "زوجت", "رفيق", "رفيقت", "خصم", "منافس", "منافست", "مساعد", "مساعدت"})


def _possessed_relation(doc: Doc, j: int) -> bool:
    """نظيره، زميلتها، شقيقه: a relation noun with a possessive pronoun — another person, never part of a name."""
    t = doc.tokens[j].norm
    for suf in ("هما", "هم", "ها", "ه"):
        if t.endswith(suf) and t[: -len(suf)] in RELATION_NOUNS:
            return True
    return False


def _indefinite_accusative_head(doc: Doc, k: int) -> bool:
    """"دبلوماسيين عرباً": an indefinite plural subject in the accusative (after أن/إن/لكنّ) takes an
    accusative adjective, which is part of the phrase rather than a circumstantial."""
    t = doc.tokens[k].norm
    info = doc.lex.noun(t)
    return not has_article(doc, k) and t.endswith("ين") and info is not None and info.number == "pl"


# Definite participles that describe a body by what it does or belongs to ("التابع لوزارة الصحة"، "المعنية
# بحقوق المهاجرين"، "المتخصصة في …"، "المشغلة للحقل"); a title keeps them ("المكلف بالإعلام")
BODY_DESCRIPTORS = folded({"التابع", "التابعة", "التابعين", "المعني", "المعنية", "المتخصص", "المتخصصة", "المختص",
                           "المختصة", "المشغل", "المشغلة", "المسؤولة", "المكلفة", "المقرب", "المقربة", "المدعوم",
                           "المدعومة", "المرتبط", "المرتبطة", "الممثل", "الممثلة"})


MET_THEM = re.compile(r"^(التقت|التقي|التقا|التقينا|قابلت|قابل|قابلنا|سالت|سالنا|استطلعت|استطلعنا)(هم|ها|ه|هن|هما)$")


def _told_outlet(doc: Doc, j: int, limit: int) -> bool:
    """"صرّح وزير الخارجية لوكالة الأنباء …"، "قال المتحدث لصحيفة …": ل with a news outlet is whom the speaker
    told, unlike a body's name in a title ("المدير العام للوكالة الدولية للطاقة")."""
    noun = _after_lam(doc.tokens[j].norm)
    if noun is None or noun.startswith("ال"):
        return False
    info = doc.lex.noun(noun)
    if info is None or info.cls != "media":
        return False
    return noun != "وكاله" or (j + 1 < limit and doc.tokens[j + 1].norm in ("الانباء", "انباء"))


def scan_phrase(doc: Doc, i: int, limit: int, cue: CueForm | None, max_len: int = 12, name_until: int = -1) -> Stop:
    """Scan a noun phrase from token i; return where and why it stops. `name_until`: the phrase starts inside a
    quoted name whose closing mark is at that position."""
    lex = doc.lex
    j = i
    paren_depth = 0
    in_parens = 0  # words inside brackets do not count toward the length limit
    while True:
        if j >= limit:
            return Stop(j, "eos")
        if j > i:
            gap = doc.gap_before(j)
            gk, name_until = _gap_past_names(doc, j, limit, name_until)
            if paren_depth == 0 and gk == "paren" and _numeric_paren(doc, j):
                return Stop(j, "anon")  # (52 عاماً): an age or a date in brackets ends the mention
            if paren_depth == 0 and gk == "paren" and ")" in doc.text[doc.tokens[j].start : doc.tokens[min(j + 7, limit - 1)].end + 1]:
                paren_depth = 1  # a short parenthetical inside the phrase: (قسد)
            elif gk is not None and gk != "paren":
                if paren_depth and ")" in gap and gk == "comma":
                    paren_depth = 0
                    return Stop(j, "comma")
                if not paren_depth:
                    return Stop(j, gk if gk != "end" else "eos")
            if ")" in gap:
                paren_depth = 0
        if paren_depth and j > i:
            j += 1  # inside a short parenthetical ((يو إن إتش سي آر)): no word there ends the phrase
            in_parens += 1
            continue
        t = doc.tokens[j].norm
        if _is_comp(doc, j) and not paren_depth:
            return Stop(j, "comp")
        if j > i and temporal_clause(doc, j):
            return Stop(j, "adjunct")  # "وأكد المدرب قبل أن يغادر القاعة أن …"
        if j > i and not paren_depth and is_accusative(doc.tokens[j].text) and doc.inside_mark(doc.tokens[j].start) is None \
                and t not in lex.nonverbal_first and lex.cue(t) is None and t not in SAYING_PARTICIPLES \
                and (is_name_like(doc, j - 1) or has_article(doc, j - 1)) and not doc.tokens[j - 1].norm.endswith(("وا", "ون")) \
                and not _indefinite_accusative_head(doc, j - 1):
            return Stop(j, "adjunct")  # "ويضيف الرجل ساخراً: …", "قال بري ممازحاً النواب: …": a circumstantial
        if j > i and not paren_depth and _possessed_relation(doc, j) and (
            (is_name_like(doc, j - 1) and not has_article(doc, j - 1)) or (j - 2 >= i and is_name_like(doc, j - 2) and has_article(doc, j - 1))
        ):
            return Stop(j, "eos")  # "وصافح المندوب رياض منصور نظيره الجزائري": the verb's object after the subject's name
        if j > i and not paren_depth and t.startswith("م") and doc.tokens[j].text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة") \
                and not has_article(doc, j) and lex.noun(t) is None and t not in lex.titles and t[:-1] not in lex.titles \
                and j + 1 <= limit and gap_kind(doc.gap_after(j)) == "colon" and (is_name_like(doc, j - 1) or has_article(doc, j - 1)):
            return Stop(j, "adjunct")  # "تقول المصمودي مبتسمة: …": a circumstantial participle before the quote
        if j > i and cue is not None and t in ("الانتباه", "النظر", "الانظار") and j + 1 < limit and doc.tokens[j + 1].norm in cue.preps:
            return Stop(j, "adjunct")  # "ولفت الوزير الانتباه إلى أن …": the verb's fixed object
        if j > i and t in ANONYMITY_VERBS and j + 1 < limit and doc.tokens[j + 1].norm in ANONYMITY_OBJECTS:
            return Stop(j, "anon")
        if j > i and t in ("لم", "ولم") and j + 1 < limit and UNNAMED.match(doc.tokens[j + 1].norm) \
                and not any(is_accusative(doc.tokens[x].text) for x in range(i, j)):  # "اتهم X «أطرافاً» لم يسمها": the object's
            return Stop(j, "anon")  # "عن مسؤول أمني لم يسمّه أن …"، "مصدر لم تكشف هويته": who it is stays untold
        if j > i and paren_depth == 0 and "(" in doc.gap_before(j) and _numeric_paren(doc, j):
            return Stop(j, "anon")  # (52 عاماً): an age or a date in brackets ends the mention
        if cue is not None and (cue.role in ("express", "reveal") or cue.lemma == "اعلن") and t == "عن" and j > i and not (
            j + 1 < limit and _is_comp(doc, j + 1)
        ):
            return Stop(j, "verb_pp")
        if (
            cue is not None
            and (cue.role == "call" or cue.lemma in ("اكد", "شدد", "حذر"))
            and t in cue.preps
            and doc.tokens[j].text != "علي"  # the name Ali; the preposition is written على
            and j > i
            and not (j + 1 < limit and _is_comp(doc, j + 1))
            # "أكد الوزير على هامش زيارته أن …": على هامش / في ختام open an adjunct, not the verb's object
            and not (cue.role != "call" and j + 1 < limit and _comm(lex, doc.tokens[j + 1].norm) in ("comm", "time"))
        ):
            return Stop(j, "pp")
        if (
            cue is not None
            and cue.role in ("call", "accuse")
            and "ب" in cue.preps
            and j >= i + (1 if cue.role == "accuse" else 0)  # "وطالبت بإجراء انتخابات": a dropped subject, then the object
            and opens_ba_phrase(doc, j, limit)  # بـ"تحويل …" too: the preposition alone before a mark
        ):
            return Stop(j, "pp")
        if cue is not None and t in cue.preps and j + 1 < limit and _is_comp(doc, j + 1):
            return Stop(j, "prep_comp")
        if t in lex.masdar_forms:
            return Stop(j, "masdar")
        if t in SAYING_PARTICIPLES:
            return Stop(j, "saying")
        if cue is not None and (cue.role == "relay" or cue.lemma in RELAY_LEMMAS) and t in ("عنه", "عنها", "عنهم", "عنهما") and j > i:
            return Stop(j, "an_pron")  # "ونقل المكتب الإعلامي عنه قوله …"
        if (
            is_relay_prep(cue, t)
            and j > i
            and (cue is None or cue.role == "relay" or cue.lemma in RELAY_LEMMAS)
            and doc.tokens[j - 1].norm not in RELAY_BLOCKERS
        ):
            return Stop(j, "an")  # نقلت الوكالة عن …; with قال, عن means "about"
        in_name = doc.tokens[j].start <= name_until
        if (
            j > i
            and not paren_depth
            and not in_name
            and cue is not None
            and lex.cue(t) is not None
            and lex.cue(t).pos in ("perf", "imperf")
            and doc.tokens[j - 1].norm not in NAME_STARTERS  # "فيصل بن طالب": a name, not the verb طالب
        ):
            return Stop(j, "eos")  # another finite cue: "أما نيبينزيا فاعتبر …"
        if (
            cue is not None
            and "ب" in cue.preps
            and t.startswith("ب")
            and not t.startswith(("باسم", "بلاده", "بدوره", "بدورها", "بالانابه", "بالوكاله", "بالنيابه"))
            # "المكلف بالإعلام"، "المعنية بالملف": the ب-phrase completes the title
            and not (j > i and doc.tokens[j - 1].norm in ("المكلف", "المكلفه", "مكلف", "مكلفه", "المعني", "المعنيه", "المختص", "المختصه"))
            and len(t) > 3
            and (t.startswith("بال") or (j > i and doc.tokens[j - 1].norm not in PREPOSITIONS))
            and t[1:] not in lex.headline_topics
            and lex.noun(t) is None
            and t not in IDAFA_NOUNS  # بلدية، بنك، بعثة: nouns that start with ب
            and not (lex.noun(t[1:]) is not None and lex.noun(t[1:]).cls in ("org", "media"))  # مصدر بوزارة التربية
            and t[1:] not in IDAFA_NOUNS
            and not (j + 1 < limit and gap_kind(doc.gap_before(j + 1)) == "comma" and not t.startswith("بال"))
            and t not in lex.given_names
            and not (j > i and doc.tokens[j - 1].norm in lex.given_names and not t.startswith("بال"))  # دميتري بوليانسكي
            # "مراسلنا سامي برهوم بأن …": a name that begins with ب, when the complementizer comes right after it
            and not (not t.startswith("بال") and any(_is_comp(doc, x) for x in range(j + 1, min(limit, j + 3))))
        ):
            return Stop(j, "ba")  # أفادت مصادر بانشقاق …; not "الناطق باسم المحاكم بتونس، …"
        if j > i and t in ("في", "علي", "من", "الي", "عن") and doc.tokens[j - 1].norm in PARTICIPLE_COMPLEMENTS:
            j += 1  # "دبلوماسي عربي مشارك في المؤتمر", "مصدر مطلع على المحادثات": the participle's complement
            continue
        if j > i and t == "لدي" and any(strip_article(doc.tokens[x].norm) in ACCREDITED for x in range(i, j)) \
                and j + 1 < limit and (has_article(doc, j + 1) or place_at(doc, j + 1, limit)):  # not "لدى وصوله"
            j += 1  # "بعثة الاتحاد الأوروبي لدى الفلسطينيين"، "مندوب سوريا لدى الأمم المتحدة": where the envoy is posted
            continue
        if j > i and is_adjunct_start(doc, j, limit):
            head_info = lex.noun(doc.tokens[i].norm)
            if t.startswith("لل") and head_info is not None and head_info.cls == "org" and not any(is_name_like(doc, x) for x in range(i, j)):
                j += 1  # "النقابة الوطنية للصحفيين التونسيين": the body's own name, not an addressee
                continue
            if t.startswith("ل") and len(t) > 1 and t not in PREPOSITIONS and starts_with_title(doc, i, j) and not any(is_name_like(doc, x) for x in range(i, j)) \
                    and not _told_outlet(doc, j, limit):
                j += 1  # "المدير العام للوكالة الدولية …": the title's complement, not an addressee
                continue
            return Stop(j, "adjunct")
        if j > i and t in BODY_DESCRIPTORS and j + 1 < limit and not starts_with_title(doc, i, j) \
                and not (cue is not None and (cue.role == "relay" or cue.lemma in RELAY_LEMMAS)) and (
            doc.tokens[j + 1].norm in PREPOSITIONS or doc.tokens[j + 1].norm.startswith(("ل", "ب"))
        ):
            return Stop(j, "anon")  # "منظمة «هالو ترست» المتخصصة في إزالة الألغام": a description of the body
        if j > i and t in ("البالغ", "البالغه", "البالغين") :
            return Stop(j, "anon")  # "الأم البالغة 34 عاماً": an age clause describes the speaker
        if j > i and t in ("وهي", "وهو", "وهم", "وهما"):
            return Stop(j, "anon")  # "تقول أم أحمد وهي تقلب الخبز: …": a circumstantial clause, then the content
        if j > i and t in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"):
            return Stop(j, "anon")  # "المصدر الذي فضل عدم الكشف عن اسمه أن …": a relative clause describes the speaker
        if j > i and MET_THEM.match(t) and lex.noun(t) is None:
            return Stop(j, "anon")  # "سكان التقتهم «الشروق»"، "ركاب قابلناهم": a clause about how the paper met them
        if j > i and t in ("تحدث", "تحدثت", "تحدثوا") and j + 1 < limit and (doc.tokens[j + 1].norm in (
            "اليه", "اليها", "اليهم", "اليهما", "معه", "معها", "معهم", "له", "لها", "لهم", "ل", "لل"
        ) or _after_lam(doc.tokens[j + 1].norm) is not None):
            return Stop(j, "anon")  # "وسطاء عقاريون تحدثت إليهم «الخليج» إن …": a relative clause describes them
        if j > i and cue is not None and cue.role in ("call", "accuse") and _object_starts(doc, i, j):
            return Stop(j, "object")
        if j > i and t in NP_BREAKERS and not in_letter_name(doc, j) and not name_particle(doc, j):
            return Stop(j, "eos")
        if j > i and not paren_depth and t.endswith("وا") and len(t) >= 5 and lex.noun(t) is None and lex.cue(t) is None \
                and not t.startswith(("ال", "لل")) and t not in lex.given_names and not place_at(doc, j, limit):
            # (للأونروا، أوتاوا، نيكاراغوا end in وا too: names, not verbs)
            # a perfect verb, 3rd person plural: after a definite subject or a name the phrase has ended ("الأهالي
            # تجمعوا …"); an indefinite head keeps the clause that describes it ("دبلوماسيون أوروبيون حضروا المؤتمر")
            head = doc.tokens[i].norm
            if head.startswith("ال") or head in lex.given_names:
                return Stop(j, "eos")
        if j - i - in_parens >= max_len:
            return Stop(j, "long")
        j += 1


def _gap_past_names(doc: Doc, j: int, limit: int, name_until: int) -> tuple[str | None, int]:
    """gap_kind before token j, reading a short quoted name («الأناضول») as part of the phrase.
    Returns (kind, position of the closing mark of the current quoted name or -1)."""
    gk = gap_kind(doc.gap_before(j))
    if gk == "end" and len(doc.tokens[j - 1].text) == 1 and doc.gap_before(j).strip() == ".":
        gk = None  # "م. فاطمة جوهر حياة", "د. سالم": a one-letter abbreviation, not a sentence end
    if gk == "mark" and doc.tokens[j].start <= name_until + 1:
        gk = None  # inside or right after a quoted name
    elif gk is not None and doc.tokens[j].start < name_until:
        gk = None  # punctuation inside a quoted name: «العربية.نت»
    if gk == "mark":
        nm = name_mark(doc, doc.tokens[j - 1].end, limit)
        if nm is not None:
            name_until, gk = nm, None
    if gk is None and name_until >= 0 and doc.tokens[j - 1].end <= name_until < doc.tokens[j].start:
        # the gap after a quoted name may hold a comma or a colon: classify what follows the mark
        gk = gap_kind(doc.text[name_until + 1 : doc.tokens[j].start])
    return gk, name_until


def _numeric_paren(doc: Doc, j: int) -> bool:
    close = doc.text.find(")", doc.tokens[j].start, doc.tokens[j].start + 30)
    return close > 0 and any(ch.isdigit() for ch in doc.text[doc.tokens[j].start : close])


def name_mark(doc: Doc, pos: int, limit: int) -> int | None:
    """If a short quoted name or term («الأناضول», "أكسيوس") opens at pos and the clause goes on after it, return
    the position of its closing mark; such marks are part of a phrase, not a direct quote."""
    m = doc.mark_starting_at(pos, pos + 4)
    if m is None or not m.closed:
        return None
    inner = doc.text[m.start : m.end]
    words = 4
    before = doc.token_at_or_after(pos) - 1
    if before >= 0 and doc.tokens[before].norm in ("في", "باسم", "لدي", "عن", "من", "ل", "لل"):
        words = 6  # "ناشطون في "المنتدى التونسي للحقوق الاقتصادية والاجتماعية"": a body's full name after في
    if len(inner.split()) > words or any(c in inner for c in "!?؟،,:") or ". " in inner or inner.rstrip().endswith("."):
        return None
    rest_tok = doc.token_at_or_after(m.close_end)
    if rest_tok >= limit:
        return None
    between = doc.text[m.close_end : doc.tokens[rest_tok].start]
    if any(c in between for c in ".!?؟"):
        return None
    return m.close_end - 1


def skip_adjunct(doc: Doc, k: int, limit: int, stop_at: frozenset[str] = frozenset(), stop_ba: bool = False) -> int:
    """From an adjunct start, the first token after it (the adjunct runs to punctuation, a complementizer, or a
    word of `stop_at` — the verb's own preposition: "وشددت الرئاسة في بيان على ضرورة …"; with `stop_ba`, a
    ب-prefixed verbal noun: "أفادت الجامعة في بيان بنفاد التذاكر")."""
    j = k + 2 if temporal_clause(doc, k) else k + 1
    name_until = -1
    while j < limit:
        gk, name_until = _gap_past_names(doc, j, limit, name_until)
        if gk is not None and gk != "paren":  # brackets inside an adjunct: وكالة أنباء ((شينخوا))
            return j
        t = doc.tokens[j].norm
        if _is_comp(doc, j) or t in SAYING_PARTICIPLES or (j > k + 1 and t in stop_at and not (
            # "… في تصريح صحفي على هامش زيارته أن …": على هامش is a second adjunct, not the verb's preposition
            j + 1 < limit and _comm(doc.lex, doc.tokens[j + 1].norm) in ("comm", "time")
        )):
            return j
        if stop_ba and j > k + 1 and t.startswith("ب") and len(t) > 4 and not t.startswith(("باسم", "بال")) \
                and doc.lex.noun(t) is None and t not in doc.lex.given_names and t[1:] not in doc.lex.adjuncts:
            return j
        j += 1
    return j


NEGATIONS = folded({"لم", "لن", "ولم", "ولن", "فلم", "ما", "وما", "لا", "ولا"})


def after_honorifics(doc: Doc, k: int, b: int) -> int:
    """The first token at or after k that is not an honorific: "معالي الشيخ X", "صاحب السمو الملكي الأمير X".
    صاحب counts only before another honorific (صاحب السمو), never in "صاحب الهدف"."""
    lex = doc.lex
    while k < b - 1 and (
        doc.tokens[k].norm in lex.honorifics or (doc.tokens[k].norm == "صاحب" and doc.tokens[k + 1].norm in lex.honorifics)
    ):
        k += 1
    return k


def name_end(doc: Doc, a: int, b: int) -> int:
    """Where a person's own name that starts at a ends, inside a phrase [a, b) that may run on into an object:
    given name and one more word, بن/آل/أبو chains, and a family name with the article (نورة سليمان الفصام،
    سعد بن شريدة الكعبي) — "أحمد كجوك أعضاء البعثة" → أحمد كجوك."""
    toks = doc.tokens
    end = min(b, a + 2)
    while end < b and end - a < 8 and (toks[end - 1].norm in NAME_STARTERS or toks[end].norm in NAME_STARTERS):
        end += 1
    if end < b and end - a < 5 and has_article(doc, end) and doc.lex.noun(toks[end].norm) is None:
        end += 1
    return end


HONORIFIC_PRONOUN_BASES = {
    "سمو": "سمو", "معالي": "معالي", "سعادت": "سعاده", "فخامت": "فخامه", "جلالت": "جلاله", "سماحت": "سماحه",
    "سيادت": "سياده", "نيافت": "نيافه", "دولت": "دوله",
}


def honorific_pronoun(norm: str) -> tuple[str, str | None] | None:
    """(honorific, gender) for سموه/معاليها/فخامته …, else None. The honorific is the folded word that stands
    before the dignitary's name (سمو، معالي، سعاده)."""
    for suffix, gender in (("ها", "f"), ("ه", "m"), ("هم", None)):
        if norm.endswith(suffix):
            base = norm[: -len(suffix)]
            if base in HONORIFIC_PRONOUN_BASES:
                return HONORIFIC_PRONOUN_BASES[base], gender
    return None


def place_at(doc: Doc, k: int, limit: int | None = None) -> int:
    """Number of tokens of a place name (gazetteer) starting at token k, within one clause; 0 if none."""
    limit = len(doc.tokens) if limit is None else min(limit, len(doc.tokens))
    if k < limit and not doc.lex.may_start_place(doc.tokens[k].norm):
        return 0  # no place name starts with this word: the common case, answered without building anything
    norms = [doc.tokens[k].norm] if k < limit else []
    j = k + 1
    while j < limit and j - k < 4 and gap_kind(doc.gap_before(j)) is None:
        norms.append(doc.tokens[j].norm)
        j += 1
    return doc.lex.place_end(norms)


def has_article(doc: Doc, k: int) -> bool:
    """The token carries the article ال. Folding writes أل/إل as ال too, but the article never takes a hamza:
    "ألب أرسلان", "إلهام" are names, not definite nouns."""
    return doc.tokens[k].norm.startswith("ال") and not doc.tokens[k].text.lstrip("\u0640").startswith(("أل", "إل", "آل"))


QUANTIFIERS = folded(
    {"عدد", "بعض", "مجموعة", "جميع", "كل", "كافة", "أحد", "إحدى", "معظم", "غالبية", "أغلب", "أكثر", "كثير", "عشرات",
     "مئات", "آلاف", "اثنان", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "وعدد", "وبعض"}
)


def starts_with_title(doc: Doc, a: int, b: int) -> bool:
    if a >= b:
        return False
    t = doc.tokens[a].norm
    if t in doc.lex.honorifics:
        return False
    if t.endswith(("نا", "ها")) and len(t) > 4 and t[:-2] in doc.lex.titles:
        return True  # مراسلنا، مديرها: a title with a possessive pronoun
    for suf in ("تها", "تهم", "تنا", "ته"):
        if t.endswith(suf) and len(t) > len(suf) + 2 and (t[: -len(suf)] + "ه" in doc.lex.titles or t[: -len(suf)] in doc.lex.titles):
            return True  # مديرتها، مندوبته، رئيستنا: a feminine title with a possessive pronoun
    return t in doc.lex.titles or (t.startswith("ال") and t[2:] in doc.lex.titles)


def is_name_like(doc: Doc, k: int) -> bool:
    """A token that can be part of a proper name: not definite, not a title, not a function word or a place.
    Remembered per document: the rules ask about the same tokens many times."""
    memo = doc.cache.get("name_like")
    if memo is None:
        memo = doc.cache["name_like"] = {}
    got = memo.get(k)  # type: ignore[union-attr]
    if got is None:
        got = memo[k] = _is_name_like(doc, k)  # type: ignore[index]
    return got  # type: ignore[return-value]


def _is_name_like(doc: Doc, k: int) -> bool:
    t = doc.tokens[k].norm
    lex = doc.lex
    if doc.tokens[k].text == "علي":  # the name Ali (the preposition is written على)
        return True
    if t.startswith(("لل", "بال")):
        return False  # للإعلام، بالهيئة: a preposition with the article
    if t.startswith("ل") and len(t) >= 4 and t not in lex.given_names and (t[1:] in IDAFA_NOUNS or lex.noun(t[1:]) is not None) \
            and k + 1 < len(doc.tokens) and has_article(doc, k + 1) and not doc.gap_before(k + 1).strip():
        return False  # "الأمين العام لمجلس التعاون"، "لوكالة الأنباء": ل with a noun in construct, not a name
    if has_article(doc, k) or t in lex.titles or t in lex.adjuncts or t in NP_BREAKERS or t in QUANTIFIERS or t in IDAFA_NOUNS:
        return False
    if t in lex.headline_topics or t in lex.complementizers or t.isdigit() or place_at(doc, k) or t in lex.anaphora_markers:
        return False
    if t in ("في", "من", "عن", "علي", "الي", "مع", "و", "او", "باسم", "لدي", "بن", "ابن", "ابو", "بنت"):
        return t in ("بن", "ابن", "ابو", "بنت")  # (the name علي, written with ي, was let through above)
    if t in PREPOSITIONS:
        return False  # عند، نحو، وسط، ضد: "تقف نجوى عند الباب"
    info = lex.noun(t)
    return info is None


def first_after_name(doc: Doc, norm: str) -> int:
    """Index of the first token with this folded form that follows a name-like word with only a space between
    (the last word of a full name), or a large number; one pass per document, then a lookup."""
    index = doc.cache.get("after_name")
    if index is None:
        index = {}
        toks = doc.tokens
        for tok in toks[1:]:
            i = tok.i
            if tok.norm not in index and doc.gap_before(i) == " " and (
                is_name_like(doc, i - 1) or toks[i - 1].norm in NAME_STARTERS
                # "ياسر عبد المقصود الحفناوي": after a compound given name (عبد + the article word)
                or (i >= 2 and toks[i - 2].norm in ("عبد", "ابو", "ابي") and doc.gap_before(i - 1) == " ")
            ):
                index[tok.norm] = i
        doc.cache["after_name"] = index
    return index.get(norm, 1 << 60)  # type: ignore[union-attr]


def split_title_name(doc: Doc, a: int, b: int) -> tuple[tuple[int, int] | None, tuple[int, int]]:
    """Within one phrase [a, b) that starts with a title: (title range, name range).

    The title is the head (وزير، المتحدث، رئيس) with its modifiers: definite nouns and nisba adjectives
    (الخارجية الأمريكي), idafa nouns (خارجية روسيا), places, and prepositional phrases (باسم الجيش، في الاتحاد).
    The name starts at the first token that can only be a name and runs to the end of the phrase, article
    words included (عبد الفتاح السيسي). Without such a token the whole phrase is the mention, with no title.
    """
    lex = doc.lex
    h = after_honorifics(doc, a, b)  # "سعادة السفير خالد المري", "معالي وزيرة المالية …": an honorific before the title
    if h > a and starts_with_title(doc, h, b):
        a = h
    if not starts_with_title(doc, a, b) or b - a < 2:
        return None, (a, b)
    head = lex.noun(doc.tokens[a].norm)
    if head is not None and head.cls == "anon" and not doc.tokens[a].norm.startswith("ال"):
        return None, (a, b)  # "مسؤول أمني", "مصدر دبلوماسي": an unnamed source, not a title
    k = a + 1
    while k < b:
        t = doc.tokens[k].norm
        raw = doc.tokens[k].text
        m_in = doc.inside_mark(doc.tokens[k].start)
        if m_in is not None and m_in.closed and m_in.open_start > doc.tokens[a].start and len(doc.text[m_in.start : m_in.end].split()) <= 4:
            k += 1  # "مدرب «أسود الأطلس» وليد الركراكي": a quoted team or body belongs to the title
            continue
        if t in lex.given_names and t.startswith("ال") and k + 1 < b and is_name_like(doc, k + 1) and k > a:
            break  # "مندوب السودان الحارث إدريس": a given name written with the article
        n_place = place_at(doc, k, b)
        if n_place:
            k += n_place  # "مراسلة الجزيرة في غزة هند الخضري", "مدير الهلال الأحمر في خان يونس"
            continue
        if (
            k + 2 < b
            and not has_article(doc, k)
            and has_article(doc, k + 1)
            and doc.tokens[k].norm not in NAME_STARTERS
            and any(is_name_like(doc, x) and not has_article(doc, x) for x in range(k + 2, b))
            and k == a + 1
        ):
            k += 1  # "خبير سلامة الطيران الكويتي حسن الشمري": the head's construct, the name comes later
            continue
        if has_article(doc, k) or t in lex.titles or t in IDAFA_NOUNS or t in lex.headline_topics or (
            t.startswith("و") and (t[1:] in lex.titles or t[1:] in IDAFA_NOUNS)
        ):
            k += 1  # … "ووزيرة الدولة للشؤون الاقتصادية": a coordinated second title
            continue
        if "(" in doc.gap_before(k):
            close = doc.text.find(")", doc.tokens[k].start, doc.tokens[k].start + 40)
            if close != -1:  # an acronym in brackets inside the title: مكتب الأمم المتحدة … (أوتشا)
                while k < b and doc.tokens[k].start < close:
                    k += 1
                continue
        if (
            t == "باسم"
            and k + 1 < b
            and not doc.tokens[k + 1].norm.startswith("ال")
            and doc.tokens[k + 1].norm not in IDAFA_NOUNS
            and is_name_like(doc, k + 1)
            and doc.inside_mark(doc.tokens[k + 1].start) is None  # متحدث باسم "ميتا": on behalf of a quoted body
        ):
            break  # "القيادي في الحركة باسم نعيم": the name Basem, not "on behalf of"
        if t in ("في", "لدي", "عن", "من", "الي") and k + 1 < b and not (
            has_article(doc, k + 1) or place_at(doc, k + 1, b) or doc.tokens[k + 1].norm in IDAFA_NOUNS
            or doc.tokens[k + 1].norm in lex.titles or lex.noun(doc.tokens[k + 1].norm) is not None
        ):
            if k + 2 < b and has_article(doc, k + 2) and any(doc.tokens[x].norm in lex.given_names for x in range(k + 3, b)):
                k += 3  # "الباحثة في علم الاجتماع نادية بن سالم": a field of study, then the name
                continue
            return None, (a, b)  # "اللاعب في مقطع مصور": an indefinite noun after في is an adjunct, no name follows
        if t in ("باسم", "باسمه", "باسمها", "باسمهم", "في", "لدي", "عن", "ل", "من", "الي") or (t.startswith(("ل", "ب", "و")) and t[1:3] == "ال") or t.startswith("لل"):
            k += 1  # "… الصحة والحماية الاجتماعية": coordinated title nouns too
            continue
        if t.endswith(("ته", "تها", "تهم")) and (t[: t.rindex("ت")] + "ه") in IDAFA_NOUNS | set(lex.nouns):
            k += 1  # a possessed noun in the title: رئيس بعثته، مدير مكتبها
            continue
        if t.startswith(("ب", "ل")) and (t[1:] in IDAFA_NOUNS or lex.noun(t[1:]) is not None):
            k += 1  # بحكومة الوحدة، لوزارة الصحة
            continue
        if t.startswith("ل") and len(t) > 3 and k + 1 < b and has_article(doc, k + 1):
            k += 1  # a ل-phrase in construct with a definite noun: لتنسيق الشؤون، لمكافحة الإرهاب
            continue
        if is_accusative(raw) or lex.adjuncts.get(t) == "time":
            k += 1  # البالغة من العمر 32 عاماً
            continue
        prev = doc.tokens[k - 1].norm
        if prev in IDAFA_NOUNS or prev in ("اقليم", "ولايه", "مدينه", "محافظه", "دوله", "جمهوريه", "مملكه", "اماره"):
            k += 1  # the genitive after an idafa noun: إقليم كردستان، خارجية روسيا
            continue
        if lex.noun(t) is not None and raw != "علي":
            k += 1
            continue
        if t.isdigit():
            k += 1
            continue
        break
    name_ok = is_name_like(doc, k) or doc.tokens[k].norm in NAME_STARTERS or doc.tokens[k].norm == "باسم" or has_article(doc, k) if k < b else False
    acc = next((x for x in range(k + 1, b) if is_accusative(doc.tokens[x].text)), None)
    if acc is not None and a < k < b and acc - k >= 2:
        b = acc  # "مدرب الفريق وليد الركراكي هادئاً": the name ends before an accusative predicate
    if a < k < b and (b - k) <= 5 and name_ok and not any(is_accusative(doc.tokens[x].text) for x in range(k, b)):
        te = k
        while te - 1 > a and doc.tokens[te - 1].norm in lex.honorifics:
            te -= 1  # "… في المحافظة الدكتور أحمد سالم": the honorific belongs to neither
        return (a, te), (k, b)
    return None, (a, b)


def split_name_title(doc: Doc, a: int, b: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """A name followed by its title with no comma, as agencies write it: "الأمير عبدالعزيز بن سلمان وزير الطاقة",
    "عبدالله بن زايد آل نهيان وزير الخارجية" → (name range, title range); (whole, None) when there is none."""
    lex = doc.lex
    k = after_honorifics(doc, a, b)
    start = k
    while k < b:
        t = doc.tokens[k].norm
        if k > start + 1 and (t in lex.titles or (t.startswith("ال") and t[2:] in lex.titles)) and t not in lex.honorifics:
            return (a, k), (k, b)
        prev = doc.tokens[k - 1].norm if k > start else ""
        if not (is_name_like(doc, k) or t in NAME_STARTERS or prev in NAME_STARTERS or (has_article(doc, k) and k > start)):
            break
        k += 1
    return (a, b), None


def derived_verbal_noun(word: str) -> bool:
    """The verbal-noun patterns of derived verbs (إفعال، افتعال، انفعال، استفعال, with or without the article):
    إطلاق، اقتحام، انسحاب، استهداف. Proper names rarely take these shapes."""
    w = word[2:] if word.startswith("ال") else word
    n = len(w)
    return (
        (n == 5 and w[0] == "ت" and w[3] == "ي")  # تفعيل: تنظيم، تسجيل، تمديد
        or (n == 5 and w[0] == "ا" and w[3] == "ا")
        or (n == 6 and w[0] == "ا" and w[2] == "ت" and w[4] == "ا")
        or (n == 6 and w.startswith("ان") and w[4] == "ا")
        or (n == 7 and w.startswith("است") and w[5] == "ا")
    )


def trim_object(doc: Doc, a: int, b: int) -> int:
    """After a transitive cue (دعا، اتهم، وصف) an object may follow the subject's name with no mark between:
    "دعا أحمد سالم المجتمع الدولي إلى …". Cut before a definite common noun that follows a name of two or more
    words. Returns the new end."""
    lex = doc.lex
    for k in range(a + 1, b):
        if doc.tokens[k].norm in ("جميع", "كافه", "كل", "بعض"):
            return k  # "دعت قوة الأمم المتحدة … جميع الأطراف إلى …": a quantified object
    if b - a == 2 and lex.noun(doc.tokens[a].norm) is not None and doc.tokens[a].norm.startswith("ال") and \
            has_article(doc, a + 1) and doc.tokens[a + 1].norm.endswith(("ين", "ون", "اء")):
        return a + 1  # "ودعا المصدر العملاء إلى …": after a one-word subject, a definite plural is the object
    # a known body or role named last ("اتهمت قوات الدعم السريع الجيش بـ…") is the object
    for k in range(b - 1, a + 1, -1):
        t = doc.tokens[k].norm
        info = lex.noun(t)
        prev = doc.tokens[k - 1].norm
        if (
            t.startswith("ال")
            and info is not None
            and info.cls in ("org", "person", "group", "media")
            and prev not in NAME_STARTERS
            and prev not in IDAFA_NOUNS  # "إدارة نادي الاتحاد": the genitive of an idafa noun belongs to it
            and prev not in PREPOSITIONS  # "برلمانيون من المعارضة": the preposition's object
        ):
            if k == b - 1 or all(doc.tokens[x].norm.startswith("ال") for x in range(k + 1, b)):
                return k
        break
    k = trim_construct_object(doc, a, b)
    if k < b:
        return k
    for k in range(a + 2, b):
        t = doc.tokens[k].norm
        if (t[2:] if t.startswith("ال") else t) in lex.event_nouns and is_name_like(doc, a) and doc.tokens[k - 1].norm not in NAME_STARTERS:
            return k  # "وافتتح رئيس المجلس نبيه بري الجلسة بكلمة …": a meeting noun is the verb's object
        if place_at(doc, k, k + 1) and is_name_like(doc, a) and doc.tokens[k - 1].norm not in NAME_STARTERS \
                and all(is_name_like(doc, x) for x in range(a, k)):
            return k  # "واتهم فولوديمير زيلينسكي موسكو بـ…": a place after a full name is the verb's object
    for k in range(a + 2, b):
        if (
            doc.tokens[k].norm in IDAFA_NOUNS
            and has_article(doc, k - 1)
            and doc.tokens[k - 2].norm not in NAME_STARTERS
            and is_name_like(doc, a)
            and all(is_name_like(doc, x) or has_article(doc, x) for x in range(a, k))
        ):
            return k  # "زار الوزير نذير العرباوي ولاية باتنة": a name ends with its article surname
    for k in range(a + 2, b):
        t = doc.tokens[k].norm
        prev = doc.tokens[k - 1].norm
        if any(doc.tokens[x].norm in PREPOSITIONS for x in range(a + 1, k)):
            break  # "مستثمرون في رأس المال": inside a prepositional phrase of the subject
        if derived_verbal_noun(t) and prev not in NAME_STARTERS and prev not in IDAFA_NOUNS:
            return k  # "أدان محمد مصطفى اقتحام المستوطنين": a verbal noun of a derived verb opens the object
        if t.startswith("ال") and prev not in NAME_STARTERS and prev not in IDAFA_NOUNS and not prev.startswith("لل") \
                and prev not in PREPOSITIONS and (  # "خبراء في الموارد المائية": the preposition's object
            lex.noun(t) is not None or t[2:] in IDAFA_NOUNS or (k + 1 < b and doc.tokens[k + 1].norm.startswith("ال"))
        ):
            return k
        if t.endswith("ي") and t not in PREPOSITIONS and doc.tokens[k].text != "علي" and k + 1 < b and doc.tokens[k + 1].norm.startswith("ال"):
            return k  # a construct dual/plural object: "طرفي النزاع"
        if t.startswith("ال") and t.endswith("ين") and len(t) > 6 and lex.noun(t) is None and all(is_name_like(doc, x) for x in range(a, k)):
            return k  # "دعا أنطونيو غوتيريش المانحين إلى …": a definite plural after a full name
    return b


def trim_org_object(doc: Doc, a: int, b: int) -> int:
    """"أعلنت هيئة الدفاع المدني والإسعاف رفع درجة الجاهزية": a body's name is its head noun and definite words;
    an indefinite word after them opens the verb's object (a verbal noun). Returns the new end."""
    head = doc.lex.noun(doc.tokens[a].norm)
    if b > a + 1 and doc.tokens[a].norm.startswith("ال") and head is not None and (
        head.cls in ("org", "media", "group", "anon") or (head.human and head.number == "pl")
    ):
        # "وطالبت الوزارة مجلس الأمن بـ…"، "وردد المحتجون هتافات …": a definite body or group takes no
        # indefinite word after it (neither an adjective nor a genitive): that word opens the verb's object
        k, t = a + 1, doc.tokens[a + 1].norm
        if gap_kind(doc.gap_before(k)) is None and not has_article(doc, k) and t not in PREPOSITIONS \
                and not t.startswith(("ل", "ب", "و")) and t not in doc.lex.anaphora_markers and t not in ("غير", "باسم", "ذات") \
                and doc.inside_mark(doc.tokens[k].start) is None and not t.isdigit() and not is_accusative(doc.tokens[k].text):
            return k
    if doc.tokens[a].norm.startswith("ال") or doc.tokens[a].norm in ("صاحب", "صاحبه") or not (
        (head is not None and head.cls in ("org", "media")) or doc.tokens[a].norm in IDAFA_NOUNS
    ):
        return b
    seen_definite = False
    for k in range(a + 1, b):
        t = doc.tokens[k].norm
        if has_article(doc, k) or t.startswith(("وال", "لل")):
            seen_definite = True
            continue
        if seen_definite and gap_kind(doc.gap_before(k)) is None and t not in PREPOSITIONS and not t.startswith(("ل", "ب"))\
                and doc.inside_mark(doc.tokens[k].start) is None and t not in doc.lex.given_names\
                and t not in doc.lex.titles and t not in IDAFA_NOUNS and doc.lex.noun(t) is None:
            return k
        if seen_definite:
            break
    return b


def trim_construct_object(doc: Doc, a: int, b: int) -> int:
    """"أكد الوزير عبدالله اليحيا حرص دولة الكويت على …": after a name, a word in construct with a body or a
    place noun is a verbal noun opening the object. Returns the new end (b when there is none)."""
    if not is_name_like(doc, a):
        return b  # only after a proper name ("مصادر يمنية مطلعة «الشرق الأوسط»" is a description)
    for k in range(a + 2, b):
        if (
            derived_verbal_noun(doc.tokens[k].norm)
            and doc.tokens[k - 1].norm not in NAME_STARTERS
            and all(is_name_like(doc, x) for x in range(a, k))
            and doc.tokens[k].norm not in doc.lex.given_names
        ):
            return k  # "برر المندوب دميتري بوليانسكي امتناع بلاده …": a derived verbal noun after a full name
    for k in range(a + 2, b - 1):
        nx = doc.tokens[k + 1].norm
        if (
            doc.tokens[k].norm not in NAME_STARTERS
            and doc.tokens[k].norm not in PREPOSITIONS
            and doc.tokens[k - 1].norm not in NAME_STARTERS
            and not doc.tokens[k].norm.startswith("ال")
            and (nx in IDAFA_NOUNS or place_at(doc, k + 1, b))
            and any(is_name_like(doc, x) for x in range(a, k))
            # بمحافظة الحديدة: a prepositional phrase; but ولاية، وزارة، وكالة are nouns of their own
            and not (doc.tokens[k].norm.startswith(("ب", "ل", "و")) and doc.tokens[k].norm not in IDAFA_NOUNS)
            and not any(doc.tokens[x].norm in PREPOSITIONS for x in range(a, k))
        ):
            return k  # "أكد الوزير عبدالله اليحيا حرص دولة الكويت على …": a verbal noun in construct
    return b


def classify(doc: Doc, a: int, b: int, lam: bool = False) -> str:
    """Guess the speaker type of a mention: person, organization, anonymous_source, media, group. `lam`: the first
    word carries the preposition ل (وفقاً لمصادر مطلعة)."""
    lex = doc.lex
    norms = [nominative(doc.tokens[k].text, doc.tokens[k].norm) for k in range(a, b)]
    if lam and norms and norms[0].startswith("ل"):
        norms[0] = "ا" + norms[0][1:] if norms[0].startswith("لل") else norms[0][1:]
    if not norms:
        return "unknown"
    text = " ".join(norms)
    if any(x in text for x in ("عدم الكشف", "عدم ذكر", "عدم الافصاح", "رفض الكشف", "طلب عدم", "فضل عدم", "اشترط عدم")):
        return "anonymous_source"
    h = 0
    while h + 1 < len(norms) and (norms[h] in QUANTIFIERS or norms[h].isdigit() or norms[h] == "من"):
        h += 1  # "ثلاثة مصادر مطلعة"، "عدد من المسؤولين": the counted noun is the head
    head = norms[h]
    if head in lex.honorifics and len(norms) > h + 1:
        head = norms[h + 1]
    info = lex.noun(head)
    if info is None and head.startswith("و"):
        info = lex.noun(head[1:])
    if info is not None:
        if info.cls == "anon":
            # "مصدر" / "مسؤول" with a name after them are not anonymous ("المسؤول الأممي مارتن غريفيث")
            if head.startswith("ال") and len(norms) > 1:
                return "person"
            return "anonymous_source"
        if info.cls == "media":
            if head in ("وسائل",):
                return "anonymous_source" if len(norms) <= 3 else "media"
            return "media"
        if info.cls == "org":
            return "organization"
        if info.cls == "group":
            return "group"
        if info.cls == "person":
            return "person"
    if _all_places(doc, a, b):
        return "organization"  # "قالت مصر"، "أعلنت فرنسا وألمانيا": a state speaks through its government
    return "person"


def _all_places(doc: Doc, a: int, b: int) -> bool:
    """The phrase is one place, or places joined by و, and no word of it is a given name."""
    k = a
    while k < b:
        if doc.tokens[k].norm in doc.lex.given_names:
            return False
        n = place_at(doc, k, b)
        if n == 0 and k > a and doc.tokens[k].norm.startswith("و"):
            n = doc.lex.place_end([doc.tokens[k].norm[1:]]) if doc.lex.may_start_place(doc.tokens[k].norm[1:]) else 0
        if n == 0:
            return False
        k += n
    return b > a
