"""Content spans: where an indirect clause ends, and the shape of direct content."""

from __future__ import annotations

from quote_desk.core.document import Doc
from quote_desk.core.normalize import folded
from quote_desk.core.rules.marks import strip_span
from quote_desk.core.rules.speaker import (
    gap_kind,
    honorific_pronoun,
    is_accusative,
    name_mark,
    opens_ba_phrase,
)

TRIM = " \t\u200f\u200e\u200b.،,:؛;…"
# Words after a comma that start the journalist's own add-on, not the speaker's words.
RELATIVE_ADDONS = folded({"الذي", "التي", "الذين"})  # "…، الذي انتهى بالتعادل": the writer's background
ADDON_STARTERS = folded({"وذلك", "يذكر", "ويذكر", "يشار", "ويشار", "يأتي", "ويأتي", "يجدر", "ويجدر"})


CONTRAST = folded({"لكن", "لكنه", "لكنها", "لكنهم", "ولكن", "ولكنه", "ولكنها", "فيما", "بينما", "كما", "ثم"})


def participial_cue_at(doc: Doc, k: int, limit: int) -> bool:
    """A participial cue (مشيراً إلى أن، مؤكدة أن، مضيفاً: …) at token k that opens new content."""
    form = doc.lex.cue(doc.tokens[k].norm)
    if form is None or form.pos != "part":
        return False
    return complement_follows(
        doc, k, limit, form.preps, allow_pp=form.lemma in PP_CONTENT_LEMMAS or form.role in ("call", "refuse", "accuse", "express"), role=form.role
    )


# The fixed object of لفت ("drew attention"): لفت الانتباه / النظر إلى أن …
ATTENTION_OBJECTS = folded({"الانتباه", "النظر", "الانظار", "انتباه", "نظر"})
PP_CONTENT_LEMMAS = folded({"اكد", "شدد"})  # أكد على / شدد على + noun: borderline content (seed: optional)


def complement_follows(
    doc: Doc, k: int, limit: int, preps: frozenset[str], allow_pp: bool = False, role: str | None = None
) -> bool:
    if k + 1 > limit:
        return False
    if adjunct_before_content(doc, k, limit) is not None:
        return True
    if k + 2 < limit and doc.tokens[k + 2].norm in doc.lex.complementizers and honorific_pronoun(doc.tokens[k + 1].norm) is not None:
        return True  # "موضحة سعادتها أن …"
    gk = gap_kind(doc.gap_after(k))
    if gk in ("colon", "mark"):
        return True
    if k + 1 >= limit:
        return False
    nxt = doc.tokens[k + 1].norm
    if nxt in doc.lex.complementizers:
        return True
    if nxt in doc.lex.masdar_forms and k + 2 <= limit:  # مكتفياً بالقول: «…» / إن …
        return True
    if nxt in preps and k + 2 < limit and doc.tokens[k + 2].norm in doc.lex.complementizers:
        return True
    if nxt in ATTENTION_OBJECTS and k + 3 < limit and doc.tokens[k + 2].norm in preps and doc.tokens[k + 3].norm in doc.lex.complementizers:
        return True  # "لافتاً الانتباه إلى أن …"
    if role == "refuse":
        return nxt.startswith("ال") and k + 2 < limit  # رافضاً الخوض في …
    if role == "express":
        return nxt == "عن" and k + 2 < limit
    if role == "call":  # داعيةً (المنظمات الدولية) إلى التدخل: an object may stand before the preposition
        return call_prep_at(doc, k, limit, preps) is not None
    if role == "accuse":  # متهمة المنظمات الأممية بالتقصير: object, then ب + the accusation
        return any(opens_ba_phrase(doc, x, limit) for x in range(k + 2, min(limit, k + 7)))  # … بـ"وضع شروط" too
    return allow_pp and nxt == "علي" and k + 2 < limit


ADJUNCT_PREPS = folded({"في", "عبر", "خلال", "على", "امام", "لدى", "بعد", "اثناء"})


def adjunct_before_content(doc: Doc, k: int, limit: int) -> tuple[int, str] | None:
    """"مؤكداً في تغريدة أن …", "مضيفة عبر منصة «إكس»: «…»": a short adjunct (≤ 5 words) between a cue at k and
    its content. Returns (token index where the content is introduced, "comp" | "colon" | "mark") or None."""
    j = k + 1
    if j >= limit or doc.tokens[j].norm not in ADJUNCT_PREPS or gap_kind(doc.gap_after(k)) is not None:
        return None
    x = j + 1
    while x < min(limit, j + 8):
        g = gap_kind(doc.gap_before(x))
        if g == "mark":
            nm = name_mark(doc, doc.tokens[x - 1].end, limit)
            if nm is not None:  # "عبر منصة «إكس»: …": a quoted name inside the adjunct
                x = doc.token_at_or_after(nm + 1)
                g = gap_kind(doc.text[nm + 1 : doc.tokens[x].start]) if x < limit else None
                if g == "colon" or g == "mark":
                    return x, g
                continue
        if g in ("colon", "mark"):
            return x, g
        if g is not None:
            return None
        if doc.tokens[x].norm in doc.lex.complementizers:
            return x, "comp"
        x += 1
    return None


def call_prep_at(doc: Doc, k: int, limit: int, preps: frozenset[str]) -> int | None:
    """Index of the preposition (or ب-prefixed word) that opens the content of a call verb at k."""
    for x in range(k + 1, min(limit, k + 6)):
        if x > k + 1 and gap_kind(doc.gap_before(x)) is not None:
            return None
        t = doc.tokens[x].norm
        if t in preps and x + 1 < limit:
            return x
        if t in ("بان", "ان") and x + 1 < limit:
            return x  # "مطالباً الاتحاد بأن يكشف …": the request as a clause
        if "ب" in preps and t != "ب" and opens_ba_phrase(doc, x, limit):
            return x
    return None


def clause_end(doc: Doc, start: int, sent_end: int) -> int:
    """End of an indirect clause that starts at char `start`: the sentence end, or before a comma that opens a
    participial cue, a journalist's add-on, or a post-posed attribution (بحسب …، كما قال …)."""
    lex = doc.lex
    k = doc.token_at_or_after(start)
    limit = doc.token_at_or_after(sent_end)
    end = sent_end
    j = k + 1
    while j < limit:
        t_j = doc.tokens[j].norm
        if t_j in ("لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم") and j + 1 < limit and doc.inside_mark(doc.tokens[j].start) is None \
                and lex.cue(doc.tokens[j + 1].norm) is not None and lex.cue(doc.tokens[j + 1].norm).pos in ("perf", "imperf"):
            end = doc.tokens[j - 1].end  # "… "لم يكن في يومه" لكنه ذكّر بأن …": a second statement, even without a comma
            while end < doc.tokens[j].start and doc.text[end] in "»”\"’":
                end += 1
            break
        if doc.gap_before(j).strip(" »”\"") == "" and doc.gap_before(j).endswith(" ") and len(t_j) >= 5 \
                and (t_j.endswith("ا") or doc.tokens[j].text.endswith(("ةً", "ةً"))) \
                and participial_cue_at(doc, j, limit) and doc.inside_mark(doc.tokens[j].start) is None \
                and (lex.cue(t_j) is not None and lex.cue(t_j).pos == "part"):
            # wire copy without commas: "… حتى نهاية الأسبوع محذراً من أن …" starts a new quote there
            end = doc.tokens[j - 1].end
            while end < doc.tokens[j].start and doc.text[end] in "»”\"":
                end += 1
            break
        if gap_kind(doc.gap_before(j)) == "comma":
            m_in = doc.inside_mark(doc.tokens[j].start)
            if m_in is not None and m_in.open_start >= start - 1 and m_in.closed:
                j += 1  # "… "لا ترفض السلام، لكنها ترفض …"": a comma inside the quoted words
                continue
            t = doc.tokens[j].norm
            if t in CONTRAST and j + 1 < limit and lex.cue(doc.tokens[j + 1].norm) is not None:
                end = doc.tokens[j - 1].end  # "…، لكنها شددت على …" starts a new quote
                break
            if t in ("غير", "الا") and j + 2 < limit and doc.tokens[j + 1].norm.startswith("ان") and lex.cue(doc.tokens[j + 2].norm) is not None:
                end = doc.tokens[j - 1].end  # "…، غير أنها نبهت إلى أن …": a second statement
                break
            if t == "في" and j + 2 < limit and doc.tokens[j + 1].norm == "حين" and lex.cue(doc.tokens[j + 2].norm) is not None:
                end = doc.tokens[j - 1].end  # "…، في حين أكدت هيئة الأركان أن …": a second statement
                break
            form_j = lex.cue(t)
            if (
                participial_cue_at(doc, j, limit)
                # "…، مؤكدة التزامها بحماية المدنيين": a saying participle after a comma ends the clause even when
                # what follows is a noun rather than a new complement
                or (form_j is not None and form_j.pos == "part" and (is_accusative(doc.tokens[j].text) or t.endswith(("ه", "ين", "ا"))))
                or t in ADDON_STARTERS
                # "…، فيما انتشرت على مواقع التواصل وسوم …": a parallel event the writer adds (verb-first)
                or (t in ("فيما", "بينما") and j + 1 < limit and m_in is None and _verb_first(doc, j + 1))
                or (t in RELATIVE_ADDONS and j - k >= 6)
                # "… "تقترب من سيناريو عام 2011"، عندما أودت المجاعة …": after the speaker's quoted words, a
                # temporal or explanatory clause is the writer's background
                or (t in ("عندما", "حين", "حينما", "اذ", "حيث", "بعدما") and doc.gap_before(j).lstrip().startswith(("»", "”", "\"", "’")))
                or _nonverbal_at(doc, j, limit)
                or (lex.cue(t) is not None and lex.cue(t).pos in ("perf", "imperf"))  # "…، وقالوا إن …": a new statement
                or t in ("قائلا", "قائله")
                or (t == "علي" and j + 1 < limit and doc.tokens[j + 1].norm == "حد")
                # "…، في إشارة إلى الهزيمتين": the writer glosses what the speaker meant
                or (t in ("في", "وفي") and j + 1 < limit and doc.tokens[j + 1].norm in ("اشاره", "تلميح", "اشارات"))
                # "…، دون أن يقدم مزيداً من التفاصيل": the writer notes what the speaker left out
                or (t in ("دون", "ودون") and j + 1 < limit and doc.tokens[j + 1].norm == "ان")
                or (t in ("من", "ومن") and j + 2 < limit and doc.tokens[j + 1].norm == "دون" and doc.tokens[j + 2].norm == "ان")
                # "…، في وقت تتواصل فيه المعارك"، "…، وسط توقعات بعودة الملف": the writer's setting of the statement
                or (t in ("في", "وفي") and j + 1 < limit and doc.tokens[j + 1].norm == "وقت" and m_in is None)
                or (t in ("وسط", "ووسط") and m_in is None)
                # "…، ما يعني أن القرار لم يشكل مفاجأة": the writer's inference
                or (t in ("ما", "مما") and j + 1 < limit and doc.tokens[j + 1].norm in ("يعني", "يعكس", "يوكد", "يشير", "يفسر") and m_in is None)
                # "…، ومحمّلاً من سماهم …": a second circumstantial participle is the writer's
                or (t.startswith("و") and is_accusative(doc.tokens[j].text) and m_in is None)
            ):
                end = doc.tokens[j - 1].end
                # keep a closing quote mark that belongs to the clause
                while end < doc.tokens[j].start and doc.text[end] in "»”“\"’)":
                    end += 1
                if t == "علي":  # "…، «ولم يبق لنا شيء»، على حد قوله": the quoted words are their own quote
                    m = doc.inside_mark(doc.tokens[j - 1].start)
                    if m is not None and m.closed and m.open_start > start:
                        before = doc.text[start : m.open_start].rstrip(" ")
                        if before.endswith(("،", ",")):
                            end = len(before.rstrip("،,").rstrip()) + start
                break
        j += 1
    s, e = strip_span(doc.text, start, end, TRIM)
    return e if e > s else end


def _verb_first(doc: Doc, k: int) -> bool:
    """Token k looks like a finite past verb opening a clause: not definite, not a known noun or name, and
    followed by a definite noun or a preposition (انتشرت على …، اعتقلت الشرطة …)."""
    t = doc.tokens[k].norm
    if t.startswith("ال") or doc.lex.noun(t) is not None or t in doc.lex.given_names or t in doc.lex.titles or len(t) < 3:
        return False
    if not (t.endswith("ت") or t.endswith("وا")) or t.startswith(("ي", "ت", "ن")):
        return False  # a perfect verb (انتشرت، تجمعوا); an imperfect (تصل العقوبة) goes on with the speaker's own words
    return k + 1 < len(doc.tokens) and (doc.tokens[k + 1].norm.startswith("ال") or doc.tokens[k + 1].norm in ("علي", "في", "من", "الي"))


def _nonverbal_at(doc: Doc, j: int, limit: int) -> bool:
    lex = doc.lex
    t = doc.tokens[j].norm
    if t not in lex.nonverbal_first:
        return False
    for seq in lex.nonverbal_index.get(t, ()):
        if seq[0] == t and tuple(x.norm for x in doc.tokens[j : j + len(seq)]) == seq:
            return lex.nonverbal[seq] != "verbal" or (
                j + len(seq) < limit and lex.cue_with_object(doc.tokens[j + len(seq)].norm) is not None
            )
    # "وفقا لوزارة": the ل is attached to the noun
    if t in ("وفقا", "طبقا", "ووفقا", "استنادا"):
        return True
    return False


def _postposed_tail(doc: Doc, j: int, limit: int) -> bool:
    """`، قال المتحدث.` — a cue verb after a comma with no complement before the sentence ends."""
    for k in range(j + 1, min(limit, j + 10)):
        if doc.tokens[k].norm in doc.lex.complementizers or gap_kind(doc.gap_before(k)) in ("colon", "mark"):
            return False
    return limit - j <= 10


def content_kind(doc: Doc, start: int, end: int) -> str:
    """indirect, or mixed when the clause carries quoted wording."""
    m = doc.mark_starting_at(start, end)
    while m is not None and m.open_start < end:
        if m.close_end <= end + 1 and len(doc.text[m.start : m.end].split()) >= 2:
            return "mixed"  # a one-word marked name («قسد») is not quoted wording
        m = doc.mark_starting_at(m.open_start + 1, end)
    return "indirect"
