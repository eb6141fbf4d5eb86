"""Behaviour of the rules engine on short texts written for these tests (one phenomenon each)."""

import pytest

from quote_desk import extract
from quote_desk.core.normalize import normalize_name


def run(text):
    quotes = extract(text, "t")
    for q in quotes:
        q.check(text)  # every span points into the original text
    return quotes


def only(text):
    qs = run(text)
    assert len(qs) == 1, [(q.cue, q.text) for q in qs]
    return qs[0]


def same(a, b):
    return normalize_name(a or "") == normalize_name(b or "")


# --- direct quotes --------------------------------------------------------------------------------------
@pytest.mark.parametrize("o,c", [("«", "»"), ("“", "”"), ("”", "“"), ('"', '"'), ("‘", "’"), ("(", ")")])
def test_direct_quote_after_colon_in_every_mark_style(o, c):
    q = only(f"وقال رئيس البلدية سامر حداد: {o}سنعيد فتح السوق القديم قبل العيد{c}.")
    assert q.kind == "direct" and q.text == "سنعيد فتح السوق القديم قبل العيد"
    assert same(q.speaker, "سامر حداد") and same(q.title, "رئيس البلدية")


def test_colon_without_marks_and_quote_spanning_sentences():
    q = only("وتابعت المديرة ليلى عيسى: المدارس جاهزة. الكتب وصلت أمس.")
    assert q.kind == "direct" and q.text.startswith("المدارس جاهزة") and "الكتب وصلت" in q.text
    q2 = only("وقال المدرب: «لعبنا جيداً. الفوز مستحق».")
    assert q2.text == "لعبنا جيداً. الفوز مستحق"


def test_unbalanced_mark_never_swallows_the_next_paragraph():
    text = "وقال الناطق: «الوضع تحت السيطرة\n\nوفي خبر آخر افتتح المعرض أبوابه."
    q = only(text)
    assert "المعرض" not in q.text


def test_postposed_cue():
    q = only("«لن نسمح بتكرار ما حدث»، قال وزير الداخلية سليم داود للصحفيين.")
    assert q.kind == "direct" and same(q.speaker, "سليم داود")


def test_short_marked_names_are_not_quotes():
    q = only("ونقلت صحيفة «الأيام» عن مصدر حكومي أن الموازنة ستقر الشهر المقبل.")
    assert q.kind == "indirect" and same(q.speaker, "مصدر حكومي") and same(q.via, "صحيفة «الأيام»")


# --- indirect quotes --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "cue,comp",
    [("وقال", "إن"), ("وأكد", "أن"), ("وأفاد", "بأن"), ("وأشار", "إلى أن"), ("وشدد", "على أن"), ("وحذر", "من أن"), ("وقال", "ان")],
)
def test_indirect_complementizers(cue, comp):
    q = only(f"{cue} المحافظ نبيل سعد {comp} الطرق ستفتح خلال يومين.")
    assert q.kind == "indirect" and q.text == "الطرق ستفتح خلال يومين"
    assert same(q.speaker_canonical, "نبيل سعد")


def test_pronoun_on_complementizer_is_not_content():
    q = only("وأعلنت الشركة أنها ستوزع أرباحاً إضافية هذا العام.")
    assert q.text.startswith("ستوزع")


def test_participial_cue_starts_a_new_quote_by_the_same_speaker():
    qs = run("وقالت الوزيرة هالة يوسف إن الموسم كان ناجحاً، مشيرة إلى أن الصادرات ارتفعت بنسبة كبيرة.")
    assert [q.text for q in qs] == ["الموسم كان ناجحاً", "الصادرات ارتفعت بنسبة كبيرة"]
    assert qs[1].speaker is None and same(qs[1].speaker_canonical, "هالة يوسف")


def test_mixed_quote():
    q = only('وأكد المتحدث أن الحكومة "لن تتراجع عن قرارها" مهما كانت الضغوط.')
    assert q.kind == "mixed"


def test_journalists_addon_is_cut():
    q = only("وأفادت مصادر محلية بأن الجسر انهار صباحاً، وذلك بعد أيام من الأمطار الغزيرة.")
    assert q.text == "الجسر انهار صباحاً" and q.speaker_type == "anonymous_source"


# --- speakers and titles ------------------------------------------------------------------------------------
def test_title_after_name_and_before_name():
    q1 = only("وقال مروان خليل، وزير المالية الأردني، إن العجز سينخفض.")
    q2 = only("وقال وزير المالية الأردني، مروان خليل، إن العجز سينخفض.")
    q3 = only("وقال وزير المالية الأردني مروان خليل إن العجز سينخفض.")
    for q in (q1, q2, q3):
        assert same(q.speaker, "مروان خليل"), q.speaker
        assert same(q.title, "وزير المالية الأردني"), q.title


def test_adjuncts_between_cue_subject_and_content():
    q = only("وقالت المفوضية في بيان اليوم الأحد إن عدد اللاجئين تضاعف.")
    assert same(q.speaker, "المفوضية") and q.text == "عدد اللاجئين تضاعف"
    q2 = only("وقال في مؤتمر صحفي بالعاصمة إن الاتفاق جاهز.")
    assert q2.speaker is None


def test_relay_speaker_and_via():
    q = only("ونقلت وكالة الأنباء الرسمية عن مسؤول في الميناء أن السفن استأنفت الرسو.")
    assert same(q.speaker, "مسؤول في الميناء") and same(q.via, "وكالة الأنباء الرسمية")
    assert q.speaker_type == "anonymous_source"


def test_anonymous_source_with_clause_is_not_named():
    q = only("وقال مسؤول أمني، طلب عدم الكشف عن هويته، إن التحقيق مستمر.")
    assert same(q.speaker, "مسؤول أمني") and q.speaker_type == "anonymous_source"


def test_nonverbal_cues():
    q1 = only("وبحسب وزارة الصحة، فإن عدد الإصابات بلغ ثلاثين حالة.")
    assert same(q1.speaker_canonical, "وزارة الصحة") and q1.text.startswith("عدد الإصابات")
    q2 = only("ارتفع عدد الإصابات إلى ثلاثين حالة، وفقاً لوزارة الصحة.")
    assert q2.text.startswith("ارتفع") and "وزارة الصحة" in q2.speaker_canonical


def test_headline_speaker_versus_topic():
    qs = run("الكرملين: «لا خطط لقمة جديدة»\nسوريا: انشقاق عشرات العناصر عن الفصيل المسلح")
    assert len(qs) == 1 and same(qs[0].speaker, "الكرملين") and qs[0].cue == ":"


# --- discourse ------------------------------------------------------------------------------------------------
def test_dropped_subject_resolves_by_gender():
    text = (
        "وقالت النائبة سلوى حمدان إن القانون سيعرض الأسبوع المقبل.\n"
        "وقال الوزير عادل منصور إن الحكومة تدعمه.\n"
        "وأضافت أن التعديلات تحمي صغار المزارعين."
    )
    q = run(text)[-1]
    assert q.speaker is None and same(q.speaker_canonical, "سلوى حمدان")


def test_dropped_plural_subject_resolves_to_plural_speakers():
    text = (
        "وقال مسؤولون في الوزارة إن المفاوضات متعثرة.\n"
        "وقال السفير كريم ناصر إن بلاده متفائلة.\n"
        "وأضافوا أن جولة جديدة قد تعقد الشهر المقبل."
    )
    q = run(text)[-1]
    assert same(q.speaker_canonical, "مسؤولون في الوزارة")


def test_feminine_verb_agrees_with_an_organisation():
    text = "وأعلنت وزارة النقل أن القطار السريع سيعمل في الربيع.\nوقال خبير إن المشروع متأخر.\nوأضافت أن التذاكر ستباع إلكترونياً."
    q = run(text)[-1]
    assert same(q.speaker_canonical, "وزارة النقل")


def test_anaphor_resolves_to_the_last_entity_of_its_class():
    text = "وأعلنت وزارة الزراعة أن المحصول وفير.\nوأوضحت الوزارة أن الأسعار ستنخفض."
    qs = run(text)
    assert same(qs[1].speaker, "الوزارة") and same(qs[1].speaker_canonical, "وزارة الزراعة")


def test_short_name_joins_full_name():
    text = "وقال الرئيس فادي الحسن إن الانتخابات في موعدها.\nوقال الحسن إن المراقبين مرحب بهم."
    qs = run(text)
    assert same(qs[1].speaker_canonical, "فادي الحسن")


def test_anonymous_sources_never_merge_into_named_people():
    text = "وقال مصدر عسكري إن القصف توقف.\nوقال العميد رامي عبود إن الجيش تقدم.\nوأضاف المصدر أن خسائر وقعت."
    qs = run(text)
    assert same(qs[-1].speaker_canonical, "مصدر عسكري")


# --- not quotes ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "اقرأ أيضاً: الوزير يقول إن الأسعار ستنخفض",
        "رئيس التحرير: أحمد سالم",
        "وأعلن الرئيس الحداد ثلاثة أيام.",
        "وأضاف الفريق هدفاً ثانياً في الدقيقة الأخيرة.",
        "يذكر أن المعرض يقام سنوياً منذ عشرين عاماً.",
        "",
        "   \n\n  ",
    ],
)
def test_not_quotes(text):
    assert run(text) == []


def test_confidence_and_reason_are_filled():
    q = only("وقال الوزير نادر فهمي إن الميزانية متوازنة.")
    assert 0.0 < q.confidence <= 1.0 and "how:explicit" in q.reason and "comp:" in q.reason


def test_offsets_survive_emoji_diacritics_and_crlf():
    text = "👋🏽 خبر\r\nوقالَت الوزيرةُ ريم سالم إنّ الخطة «جاهزة تماماً» 🎉.\r\n"
    q = only(text)
    assert text[q.start : q.end] == q.text and text[q.cue_start : q.cue_end] == q.cue


def test_deterministic():
    text = "وقال الوزير إن الوضع مستقر، مضيفاً أن الحدود مفتوحة."
    assert extract(text, "a") == extract(text, "a")


def test_headline_last_conjunct_and_adjunct_are_handled():
    qs = run("انفجار في مستودع للوقود ومصدر أمني: الحادث لم يكن متعمداً\n\nنص الخبر.")
    assert len(qs) == 1 and same(qs[0].speaker, "مصدر أمني") and qs[0].speaker_type == "anonymous_source"
    qs = run("ليلى مراد بعد فوزها بالجائزة: «هذا التكريم لكل المعلمات»\n\nنص.")
    assert len(qs) == 1 and same(qs[0].speaker, "ليلى مراد") and qs[0].kind == "direct"


def test_bare_name_headline_needs_the_body_to_confirm_it():
    body = "\n\nوقال نادر سليم إن المشروع سيكتمل في الصيف."
    confirmed = run("سليم: المشروع سيكتمل في الصيف" + body)
    assert any(q.cue == ":" for q in confirmed)
    unconfirmed = run("فيضانات دهوك: ارتفاع عدد الضحايا إلى تسعة" + body)
    assert not any(q.cue == ":" for q in unconfirmed)


def test_adjective_complement_stays_in_the_mention():
    q = only("وقال دبلوماسي غربي مطلع على المفاوضات إن الجولة المقبلة حاسمة.")
    assert same(q.speaker, "دبلوماسي غربي مطلع على المفاوضات")


def test_direct_quote_after_an_adjunct_with_brackets():
    q = only('وقال عابدي، في مقابلة مع وكالة أنباء ((شينخوا))، "الوضع يتحسن يوماً بعد يوم".')
    assert q.kind == "direct" and same(q.speaker, "عابدي") and q.text == "الوضع يتحسن يوماً بعد يوم"


def test_statement_noun_is_a_channel_not_a_via():
    q = only("وقال بيان صادر عن الرئاسة إن القرار نهائي.")
    assert same(q.speaker, "الرئاسة") and q.via is None


def test_marked_outlet_inside_a_sentence_is_not_a_fronted_quote():
    qs = run("وفي تصريح لـ«الأيام»، قال المحلل هاني سعد إن الانتخابات مؤجلة.")
    assert [q.text for q in qs] == ["الانتخابات مؤجلة"]


def test_dropped_subject_after_a_sentence_about_someone_else():
    text = (
        "وقالت الوزيرة سهى ناصر إن الميزانية جاهزة.\n\n"
        "وزار رئيس البلدية فادي سالم المستشفى الميداني صباح اليوم.\n\n"
        "وقال إن الطواقم تعمل على مدار الساعة."
    )
    assert same(run(text)[-1].speaker_canonical, "فادي سالم")


def test_names_starting_with_waw_or_fa_are_names():
    q = only("وأضاف فيصل الخطيب، مدير الميناء، أن السفن عادت.")
    assert same(q.speaker, "فيصل الخطيب")
    q = only("وقال وليد حمدان إن الطريق سالك.")
    assert same(q.speaker, "وليد حمدان")


def test_ala_hadd_qawlihi_is_a_quote_by_the_pronouns_referent():
    text = "وقالت الطبيبة منى سعيد إن المستشفى ممتلئ، \"ولا سرير فارغاً منذ أسبوع\"، على حد قولها."
    qs = run(text)
    assert [q.text for q in qs] == ["المستشفى ممتلئ", "ولا سرير فارغاً منذ أسبوع"]
    assert qs[1].kind == "direct" and same(qs[1].speaker_canonical, "منى سعيد")


@pytest.mark.parametrize("phrase", ["بحسب الترتيب العام", "وفقاً للنظام الداخلي", "حسب التوقيت المحلي"])
def test_non_source_phrases_are_not_attributions(phrase):
    assert run(f"ارتفع عدد المشاركين إلى مئة شخص، {phrase}.") == []


def test_postposed_verbal_source_phrases():
    q = only("ارتفع عدد الضحايا إلى عشرين، كما قال المتحدث باسم الدفاع المدني.")
    assert q.text == "ارتفع عدد الضحايا إلى عشرين" and same(q.speaker, "المتحدث باسم الدفاع المدني")
    q = only("وسجلت البلاد 300 إصابة جديدة، وفق ما أفادت به وزارة الصحة.")
    assert same(q.speaker, "وزارة الصحة") and q.cue == "وفق ما أفادت به"


def test_bayyana_only_with_a_complementizer():
    assert only("وبين الوزير أن الخطة جاهزة.").text == "الخطة جاهزة"
    assert run("ووقع الاتفاق بين البلدين أمس في العاصمة.") == []


def test_announced_events_are_content_but_decisions_are_not():
    q = only("أعلنت وزارة الصحة، صباح اليوم، تسجيل أربع وفيات جديدة بسبب الحر.")
    assert q.text.startswith("تسجيل أربع وفيات") and same(q.speaker, "وزارة الصحة")
    assert only("ونفى المتحدث سامر علي وجود أي نية لرفع الأسعار.").text.startswith("وجود")
    assert run("وأعلنت الوزارة تعليق الدراسة في المدارس ليومين.") == []


def test_addressee_outlet_and_relative_clause_are_not_the_speaker():
    q = only("وقال شهود عيان لرويترز إن دوي انفجارات سمع في المدينة.")
    assert same(q.speaker, "شهود عيان") and q.speaker_type == "anonymous_source"
    q = only("وقال مسؤول أمني الذي فضل عدم الكشف عن اسمه إن التحقيق مستمر.")
    assert same(q.speaker, "مسؤول أمني") and q.text == "التحقيق مستمر"


def test_verb_preposition_after_an_adjunct():
    q = only("وشددت الرئاسة في بيان على ضرورة وقف إطلاق النار فوراً.")
    assert same(q.speaker, "الرئاسة") and q.text.startswith("ضرورة")
    q = only("ودعت المنظمة في بيان إلى وقف فوري للقتال.")
    assert q.text.startswith("وقف فوري")


def test_same_figures_point_back_to_their_source():
    text = "وأعلنت وزارة الصحة أن الإصابات تراجعت.\n\nوحسب المعطيات ذاتها، فإن نسبة التلقيح ارتفعت في الأرياف."
    qs = run(text)
    assert len(qs) == 2 and same(qs[1].speaker_canonical, "وزارة الصحة")


def test_lam_with_article_and_bracketed_acronym_in_canonical_names():
    q = only("ووفقاً للمنظمة الدولية للهجرة، عاد نحو مئتي ألف شخص إلى منازلهم.")
    assert q.speaker is None and q.speaker_canonical == "المنظمة الدولية للهجرة"
    q = only("وذكرت وكالة الأنباء القطرية (قنا) أن الأمير استقبل وفداً.")
    assert q.speaker_canonical == "وكالة الأنباء القطرية (قنا)"


def test_object_after_a_multiword_subject():
    q = only("من جانبها، اتهمت قوات الدعم السريع الجيش بقصف الأحياء السكنية.")
    assert same(q.speaker, "قوات الدعم السريع") and q.text.startswith("قصف")


def test_verb_then_title_subject_in_a_narrator_sentence():
    text = (
        "أدان رئيس الوزراء سامي حداد اقتحام المستوطنين للبلدة، مطالباً المجتمع الدولي بالتدخل.\n\n"
        "بدوره، حمّل الناطق باسم الرئاسة نبيل سالم الحكومة المسؤولية، وقال إن الصمت يشجع على المزيد."
    )
    qs = run(text)
    assert [normalize_name(q.speaker_canonical) for q in qs] == [normalize_name("سامي حداد"), normalize_name("نبيل سالم")]


def test_stated_stance_as_object_content():
    q = only("أكد وزير الخارجية سامر علي، خلال اتصال هاتفي، ضرورة خفض التصعيد في المنطقة.")
    assert same(q.speaker, "سامر علي") and q.text.startswith("ضرورة خفض التصعيد")


def test_a_qualified_role_is_not_the_last_bare_role():
    text = "وشدد الوزير على أهمية الحلول الدبلوماسية.\n\nمن ناحيته، أعرب الوزير الإيراني عن تقديره للدور المصري."
    qs = run(text)
    assert normalize_name(qs[1].speaker_canonical) == normalize_name("الوزير الإيراني")
