from quote_desk.core.lexicon import load_lexicon
from quote_desk.core.normalize import normalize


def cue(word):
    return load_lexicon().cue(normalize(word))


def test_at_least_forty_reporting_verbs():
    lemmas = {f.lemma for f in load_lexicon().cues.values()}
    assert len(lemmas) >= 40


def test_inflections_carry_gender_and_number():
    assert (cue("وأضافت").gender, cue("وأضافت").number, cue("وأضافت").pos) == ("f", "sg", "perf")
    assert (cue("وأضافوا").gender, cue("وأضافوا").number) == ("m", "pl")
    assert cue("فأوضح").proclitic == "ف"
    assert cue("تقول").pos == "imperf" and cue("تقول").gender == "f"
    assert cue("يؤكدون").number == "pl"
    assert cue("رأت").lemma == normalize("رأى")
    assert cue("نفت").gender == "f"


def test_participles_with_and_without_tanween_and_hamza():
    for w in ("مضيفاً", "مضيفا", "مؤكدة", "موكده", "مشيراً", "لافتاً", "محذرة"):
        assert cue(w) is not None and cue(w).pos == "part", w
    assert cue("مضيفين").number == "pl"


def test_ambiguous_forms_are_not_cues():
    for w in ("بين", "عبر", "مصر", "تابعاً", "ردا"):
        assert cue(w) is None, w


def test_verbal_nouns_with_pronouns_and_nonverbal_cues():
    lex = load_lexicon()
    assert lex.masdar_forms[normalize("قولها")][1] == "f"
    assert normalize("بقوله") in lex.masdar_forms
    assert ("بحسب",) in lex.nonverbal and ("وبحسب",) in lex.nonverbal
    assert ("علي", "لسان") in lex.nonverbal
    assert ("نقلا", "عن") in lex.nonverbal


def test_complementizers_with_pronouns():
    comps = load_lexicon().complementizers
    for w in ("إن", "أن", "بأن", "أنها", "إنه", "بأنهم", "ان"):
        assert normalize(w) in comps, w
