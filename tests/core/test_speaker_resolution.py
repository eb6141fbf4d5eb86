"""Speaker resolution in the forms wire copy uses (one phenomenon each, on sentences written for these tests).

Each test names the rule it exercises; together they pin down how subjects are found before the verb, across
sentences without speech, through honorifics and relays, and how paragraphs and marks bound a quote."""

import pytest

from quote_desk import extract
from quote_desk.core.normalize import normalize_name


def run(text):
    quotes = extract(text, "t")
    for q in quotes:
        q.check(text)
    return quotes


def by_text(text, fragment):
    """The one quote whose content holds `fragment`."""
    found = [q for q in run(text) if fragment in q.text]
    assert len(found) == 1, [(q.cue, q.text) for q in run(text)]
    return found[0]


def same(a, b):
    return normalize_name(a or "") == normalize_name(b or "")


# --- subjects before the verb ---------------------------------------------------------------------------
def test_kana_qad_subject_speaks_and_the_noun_after_the_verb_is_its_object():
    text = "وكان وزير الري حسان يوسف قد طالب، خلال لقائه المزارعين أمس، الحكومة بزيادة مخصصات السدود."
    q = by_text(text, "زيادة مخصصات")
    assert same(q.speaker_canonical, "حسان يوسف") and same(q.title, "وزير الري")


def test_kana_qad_with_a_title_only_subject_keeps_the_whole_title():
    text = "وكانت مديرة مستشفى الشفاء في غزة قد وصفت الوضع في الأقسام بأنه \"كارثي بكل المقاييس\"."
    q = by_text(text, "كارثي")
    assert same(q.speaker_canonical, "مديرة مستشفى الشفاء في غزة")


def test_cue_with_fihi_speaks_for_the_author_of_the_statement():
    text = "وأصدرت نقابة الأطباء بياناً مساء الأحد طالبت فيه وزارة الصحة بصرف رواتب المتعاقدين."
    q = by_text(text, "صرف رواتب")
    assert same(q.speaker_canonical, "نقابة الأطباء")


@pytest.mark.parametrize("participle", ["قائلاً", "بالقول"])
def test_saying_participle_after_any_verb(participle):
    # توجه and ردّ are not reporting verbs: only the participle makes the statement
    verb = "وتوجه رئيس الاتحاد ماهر زيدان إلى الجماهير" if participle == "قائلاً" else "ورد رئيس الاتحاد ماهر زيدان على السؤال"
    sep = ": «" if participle == "قائلاً" else " إن «"
    text = f"{verb} {participle}{sep}الفريق يحتاج إلى وقت لاستعادة توازنه»."
    q = by_text(text, "الفريق يحتاج")
    assert same(q.speaker_canonical, "ماهر زيدان")


# --- names, titles and honorifics -------------------------------------------------------------------------
def test_a_hamza_initial_name_is_not_a_definite_noun():
    q = by_text("وقال وزير الخارجية ألب طوران إن المحادثات تسير ببطء.", "المحادثات")
    assert same(q.speaker_canonical, "ألب طوران") and same(q.title, "وزير الخارجية")


def test_title_word_that_is_also_a_given_name_after_a_long_title():
    text = "وقال رئيس المجموعة وكبير مسؤوليها التنفيذيين، أمين العطار، إن الأرباح تضاعفت."
    q = by_text(text, "الأرباح")
    assert same(q.speaker_canonical, "أمين العطار") and "رئيس المجموعة" in q.title


def test_acronym_in_brackets_and_a_lam_construct_inside_a_title():
    text = "وحذرت المتحدثة باسم المفوضية الأممية لشؤون اللاجئين (يو إن إتش سي آر) رنا قاسم من أن المخيمات مكتظة."
    q = by_text(text, "المخيمات")
    assert same(q.speaker_canonical, "رنا قاسم")


def test_place_inside_a_title_is_not_the_name():
    q = by_text("وأفاد مراسلنا في خان يونس سامي برهوم بأن القصف تجدد فجراً.", "القصف")
    assert same(q.speaker_canonical, "سامي برهوم")


def test_agency_style_honorifics_and_title_after_the_name():
    text = "وأكد صاحب السمو الشيخ حمد بن سعيد آل راشد وزير الداخلية أن الأمن مستتب في جميع المناطق."
    q = by_text(text, "الأمن مستتب")
    assert same(q.speaker_canonical, "حمد بن سعيد آل راشد") and same(q.title, "وزير الداخلية")


def test_honorific_before_a_title():
    q = by_text("وصرح سعادة السفير مروان الخطيب بأن العلاقات بين البلدين متينة.", "العلاقات")
    assert same(q.speaker_canonical, "مروان الخطيب") and same(q.title, "السفير")


def test_sahib_is_only_an_honorific_before_sumuw():
    text = "أما صاحب الهدف الثاني، اللاعب نادر قاسم، فقال إن الفوز مهدى إلى الجماهير."
    q = by_text(text, "الفوز")
    assert same(q.speaker_canonical, "نادر قاسم")


# --- one entity, many mentions ---------------------------------------------------------------------------
def test_surname_with_the_article_never_joins_a_given_name():
    text = (
        "يقول المزارع منصور العلي إن الموسم ضاع. وقال العلي إن المياه لم تصل.\n\n"
        "ويرى الخبير الزراعي، علي حداد، أن الجفاف سيستمر."
    )
    q = by_text(text, "الجفاف")
    assert same(q.speaker_canonical, "علي حداد")


def test_role_anaphor_finds_a_titled_name_in_a_sentence_without_speech():
    text = (
        "وقال رئيس البعثة هانز مولر إن المراجعة انتهت.\n\n"
        "واستقبل وزير الاقتصاد كريم السعدي أعضاء البعثة قبل مغادرتهم. وقال الوزير إن الحكومة ملتزمة بالإصلاحات."
    )
    q = by_text(text, "ملتزمة")
    assert same(q.speaker_canonical, "كريم السعدي")


def test_role_adjective_does_not_narrow_an_anaphor():
    text = "وأوضح وزير النقل فادي نصر أن الطريق سيفتح غداً. وأضاف المسؤول الحكومي أن الأشغال انتهت."
    q = by_text(text, "الأشغال")
    assert same(q.speaker_canonical, "فادي نصر")


def test_anaphor_with_nafs_keeps_pointing_back():
    text = "وقالت مصادر عسكرية مطلعة إن الهجوم صد. وبحسب المصادر العسكرية نفسها، فإن الخسائر محدودة."
    q = by_text(text, "الخسائر")
    assert same(q.speaker_canonical, "مصادر عسكرية مطلعة") and q.speaker_type == "anonymous_source"


def test_quantified_plural_continues_with_a_plural_verb():
    text = (
        "وقال عدد من الصيادين للصحفيين إن المراكب متوقفة. وقال رئيس النقابة سامي حداد إن الدعم تأخر. "
        "وأضافوا أن الديون تتراكم عليهم."
    )
    q = by_text(text, "الديون")
    assert same(q.speaker_canonical, "عدد من الصيادين")


def test_dual_relative_clause_between_subject_and_complementizer():
    text = (
        "ونقلت صحيفة المساء عن مسؤولين اثنين أن الاتفاق قريب.\n\n"
        "وأضاف المسؤولان اللذان شاركا في جولات التفاوض كلها أن التوقيع سيتم الأسبوع المقبل."
    )
    q = by_text(text, "التوقيع")
    assert q.speaker_type == "anonymous_source" and same(q.speaker_canonical, "مسؤولين اثنين")


# --- dropped subjects and narrative sentences ----------------------------------------------------------------
def test_dropped_subject_continues_the_topic_of_an_amma_sentence():
    text = (
        "وقال رئيس البلدية خليل داود إن فرق الإنقاذ وصلت.\n\n"
        "أما سكان الحي فقد اشتكوا من انقطاع الكهرباء. وأضافوا أن المولدات لا تكفي."
    )
    q = by_text(text, "المولدات")
    assert same(q.speaker_canonical, "سكان الحي")


def test_dropped_feminine_subject_after_a_subject_first_narrative_sentence():
    text = (
        "وقالت الوزارة إن المساعدات وزعت على ثلاثة مخيمات.\n\n"
        "السيدة نوال حمدي، وهي أم لخمسة أطفال، كانت تنتظر أمام الخيمة. قالت لنا: «لم يصلنا شيء منذ أسبوع»."
    )
    q = by_text(text, "لم يصلنا")
    assert same(q.speaker_canonical, "نوال حمدي")


def test_narrative_subject_with_a_title_and_an_object_gives_the_name_alone():
    # "كوثر …" is a title-first subject followed by an accusative object (وفداً), "نذير …" by a construct object
    # (ولاية تيارت): the dropped-subject statement after each gets the name, not the title or the object
    text = (
        "وقال المتحدث باسم الحكومة إن الاجتماع انتهى.\n\n"
        "واستقبلت وزيرة الأسرة منيرة بلقاسم وفداً من الجمعيات أمس. وأكدت أن الدعم سيتواصل.\n\n"
        "وزار وزير الأشغال رابح العيدوني ولاية تيارت. وشدد على أن الطريق سيفتح قبل الصيف."
    )
    first = by_text(text, "الدعم سيتواصل")
    second = by_text(text, "الطريق سيفتح")
    assert same(first.speaker_canonical, "منيرة بلقاسم")
    assert same(second.speaker_canonical, "رابح العيدوني")


def test_circumstantial_clause_before_the_colon():
    q = by_text("تقول سعاد وهي تعد الخبز: «نعمل منذ الفجر حتى المساء».", "نعمل منذ")
    assert same(q.speaker_canonical, "سعاد")


def test_coordinated_participles_split_the_content():
    text = "وأعرب الرئيس عن ارتياحه لنتائج الزيارة، مؤكداً أن التعاون سيتوسع، ومشيراً إلى أن اتفاقيات جديدة ستوقع."
    first = by_text(text, "التعاون سيتوسع")
    second = by_text(text, "اتفاقيات جديدة")
    assert "اتفاقيات" not in first.text and second.cue == "ومشيراً"


# --- relays ---------------------------------------------------------------------------------------------------
def test_relay_with_a_pronoun_speaks_for_the_one_the_text_was_about():
    text = (
        "وقال الرئيس سمير فرح إن الحوار مستمر.\n\n"
        "واستقبل رئيس البرلمان نبيل عودة السفير الياباني. ونقل مكتبه الإعلامي عنه قوله إن \"الحل بيد اللبنانيين\"."
    )
    q = by_text(text, "الحل بيد")
    assert same(q.speaker_canonical, "نبيل عودة") and same(q.via, "مكتبه الإعلامي")


def test_subject_first_relay():
    text = "لكن وسائل إعلام محلية نقلت عن المتحدث باسم الشرطة العقيد باسل نوري قوله في مؤتمر صحفي إن التحقيق مستمر."
    q = by_text(text, "التحقيق مستمر")
    assert same(q.speaker_canonical, "باسل نوري") and same(q.via, "وسائل إعلام محلية")


# --- spans ----------------------------------------------------------------------------------------------------
def test_spaced_reversed_marks_after_a_verbal_noun():
    text = "ونقلت وكالة الأنباء عن المتحدث باسم الحكومة رامي سعد قوله اليوم الأحد ” لا موعد بعد للجولة المقبلة “."
    q = by_text(text, "لا موعد")
    assert q.kind == "direct" and q.text == "لا موعد بعد للجولة المقبلة"


def test_a_writer_remark_after_comma_dun_an_is_not_content():
    q = by_text("وقالت الشركة إن الرحلات ستستأنف قريباً، دون أن تحدد موعداً.", "الرحلات")
    assert q.text == "الرحلات ستستأنف قريباً"


def test_guillemets_closed_in_the_next_paragraph_make_one_quote():
    text = "وتقول المعلمة هدى سليم: «الأطفال تعبوا من الانتظار.\n\nلكننا نحاول كل يوم أن نعلمهم شيئاً جديداً»."
    q = by_text(text, "الأطفال تعبوا")
    assert q.kind == "direct" and q.text.endswith("شيئاً جديداً") and "\n\n" in q.text


@pytest.mark.parametrize(
    "headline", ["كسلا: قصف ليلي على المخيمات", "مأرب: فيضانات تغلق الطرق", "الشارقة: معرض الكتاب يفتح أبوابه"]
)
def test_a_place_before_a_headline_colon_is_a_topic(headline):
    # the place is also named in a speaker's title, which confirms a person's headline ("رئيس النادي: …")
    place = headline.split(":")[0]
    body = f"\n\nوقال والي {place} أحمد يوسف إن الوضع صعب."
    assert not [q for q in run(headline + body) if q.cue == ":"]


def test_a_quote_reopened_at_each_paragraph_start_is_one_quote():
    text = (
        "وقال المدرب وليد سامي: «لعبنا بشجاعة في الشوط الأول.\n\n"
        "«وفي الشوط الثاني تراجعنا قليلاً، لكن الفوز مستحق».\n\n"
        "وفي مباراة أخرى تعادل الفريقان."
    )
    quotes = [q for q in run(text) if "لعبنا" in q.text]
    assert len(quotes) == 1 and quotes[0].text.endswith("الفوز مستحق") and same(quotes[0].speaker_canonical, "وليد سامي")
    assert not any("تعادل" in q.text for q in run(text))


def test_a_source_after_a_sentence_with_its_own_speaker_is_the_channel_not_a_second_quote():
    text = (
        "وفي مؤتمر صحفي بالعاصمة صباح اليوم، أكد وزير الخارجية سامي فارس أن بلاده تدعم الحوار، "
        "وفقاً لما أوردته وكالة الأنباء الرسمية."
    )
    quotes = run(text)
    assert len(quotes) == 1 and same(quotes[0].speaker_canonical, "سامي فارس")


def test_adjunct_between_a_participle_and_its_content():
    text = "ورأت النائبة هالة منصور أن الجلسة مؤجلة، مضيفة عبر منصة «إكس»: \"لن نقبل بالتأجيل مرة أخرى\"."
    q = by_text(text, "لن نقبل")
    assert q.kind == "direct" and q.cue == "مضيفة" and same(q.speaker_canonical, "هالة منصور")
    q2 = by_text("وقال المتحدث ربيع حسن إن الوفد وصل، مؤكداً في تغريدة أن المحادثات ستبدأ غداً.", "المحادثات")
    assert q2.cue == "مؤكداً"


def test_a_comma_inside_quoted_words_does_not_end_the_clause():
    q = by_text("وأضاف الوزير أن الحكومة \"لا ترفض الحوار، لكنها ترفض الشروط المسبقة\".", "الحكومة")
    assert q.text.endswith("الشروط المسبقة\"")


def test_verbal_noun_in_construct_after_a_name_is_the_object():
    text = "وأكد وزير الخارجية الكويتي سالم العتيبي حرص دولة الكويت على دعم العمل المشترك، مشيراً إلى أن القمة ناجحة."
    q = by_text(text, "القمة ناجحة")
    assert same(q.speaker_canonical, "سالم العتيبي")


def test_warning_of_a_danger_is_a_quote():
    q = by_text("وحذّر منسق المنظمة في المنطقة، يوسف داود، من تفشي الكوليرا في المخيمات المكتظة.", "تفشي الكوليرا")
    assert same(q.speaker_canonical, "يوسف داود")


def test_honorific_pronoun_points_back_to_the_dignitary_named_with_it():
    text = (
        "استقبل صاحب السمو الشيخ حمدان بن راشد آل مكتوم الوفد الزائر.\n\n"
        "وقال سموه إن التعاون بين البلدين يتعزز. وأكدت معالي الوزيرة ريم سالم أن الاتفاقيات جاهزة. "
        "وأوضحت معاليها أن التوقيع سيتم غداً."
    )
    assert same(by_text(text, "التعاون").speaker_canonical, "حمدان بن راشد آل مكتوم")
    assert same(by_text(text, "التوقيع").speaker_canonical, "ريم سالم")


def test_happiness_is_not_an_honorific():
    text = (
        "وأعرب سعادة وزير الطاقة عن سعادته بتوقيع الاتفاقية.\n\n"
        "وقال سعادة المهندس فهد بن ناصر العلي إن الإنتاج سيرتفع. وأوضح سعادته أن التوسعة ستكتمل قريباً."
    )
    assert same(by_text(text, "التوسعة").speaker_canonical, "فهد بن ناصر العلي")


def test_a_cue_inside_another_quotes_indirect_content_is_not_a_new_attribution():
    text = "وقال الأمين العام المساعد سامر النجار إن الجامعة تابعت الملف \"منذ اللحظة الأولى\"."
    quotes = run(text)
    assert len(quotes) == 1 and same(quotes[0].speaker_canonical, "سامر النجار")


def test_ghayr_anna_opens_a_new_clause_not_content():
    text = "ولم تعلق الرئاسة على الأحكام حتى الآن، غير أن الرئيس كان قد أكد مراراً أن القضاء مستقل."
    q = by_text(text, "القضاء مستقل")
    assert q.cue == "أكد" and not any(x.cue == "تعلق" for x in run(text))


def test_fi_hin_splits_two_statements():
    text = "وأعلنت وزارة الدفاع السيطرة على بلدتين، في حين أكدت هيئة الأركان أن قواتها صدت الهجمات."
    first = by_text(text, "السيطرة")
    assert "هيئة الأركان" not in first.text
    assert same(by_text(text, "صدت الهجمات").speaker_canonical, "هيئة الأركان")


def test_the_statement_speaks_for_its_issuer_and_the_agency_for_the_relaying_outlet():
    text = (
        "وقال رئيس البعثة كارل ماير في بيان إن المراجعة انتهت. وأضاف البيان أن الإصلاحات مستمرة.\n\n"
        "ونقلت وكالة الأنباء الفرنسية عن مسؤول أمني قوله إن الهجوم أحبط. وذكرت الوكالة أن الشرطة طوقت المكان."
    )
    assert same(by_text(text, "الإصلاحات").speaker_canonical, by_text(text, "المراجعة").speaker_canonical)
    assert same(by_text(text, "طوقت").speaker_canonical, "وكالة الأنباء الفرنسية")


def test_hasab_ma_source_after_time_words():
    q = by_text("وارتفعت الصادرات بنسبة عشرة بالمئة، حسب ما أورده اليوم الأحد بيان لوزارة التجارة.", "الصادرات")
    assert same(q.speaker_canonical, "وزارة التجارة") and q.cue == "حسب ما أورده"


def test_two_titles_then_the_name():
    text = "أكد وزير الدولة، وزير الطاقة والمناجم، كريم بن عيسى، اليوم الاثنين، أن الإنتاج سيرتفع."
    q = by_text(text, "الإنتاج")
    assert same(q.speaker_canonical, "كريم بن عيسى")


def test_a_fronted_topic_ending_in_an_anonymity_word_does_not_hide_the_cue():
    q = by_text("وحول ظروف الكشف، قالت الباحثة منى فؤاد: «كنا نعمل في موقع آخر».", "كنا نعمل")
    assert same(q.speaker_canonical, "منى فؤاد")


def test_amma_topic_speaks_through_a_participle():
    text = (
        "وقالت منظمة العفو الدولية إن المحاكمة غير عادلة.\n\n"
        "أما عائلات الموقوفين، فقد طالبت في وقفة أمام المحكمة بمحاكمة علنية، مؤكدة أن أبناءها أبرياء."
    )
    assert same(by_text(text, "أبناءها أبرياء").speaker_canonical, "عائلات الموقوفين")


def test_title_after_a_fronted_name():
    q = by_text("لكن ليلى حداد كبيرة الاقتصاديين في بنك إقليمي ترى أن التضخم سيتراجع.", "التضخم")
    assert same(q.speaker_canonical, "ليلى حداد")


def test_a_given_name_alone_takes_the_full_name_written_elsewhere_and_datelines_are_skipped():
    text = (
        "الخرطوم (وكالات) - قرب السوق القديم، تقف زينب حسن عمر أمام متجرها المحترق.\n\n"
        "وقال مسؤول في البلدية إن التعويضات ستصرف قريباً.\n\n"
        "وفي المساء، لا تنتظر زينب شيئاً من البلدية. وتقول: «سأعيد البناء بيدي»."
    )
    assert same(by_text(text, "سأعيد البناء").speaker_canonical, "زينب حسن عمر")


def test_amma_topic_before_faqad_and_a_cue():
    text = "وقال وزير النقل إن الطريق سيفتح قريباً. أما برنامج الإسكان الوطني فقد أعلن أنه سيمول المشروع."
    assert same(by_text(text, "سيمول").speaker_canonical, "برنامج الإسكان الوطني")


# --- verbs that report only with a complementizer, and clauses that are not content ----------------------------
def test_a_complementizer_only_cue_reports_with_an_but_not_with_an_object():
    text = (
        "وسجلت النائبة هند الوزاني أن عشرات القرى ما زالت بلا طريق معبدة.\n\n"
        "وسجلت الولاية 37 حالة جديدة خلال الأسبوع، وفق ما أفادت به مديرية الصحة."
    )
    quotes = run(text)
    said = by_text(text, "عشرات القرى")
    assert same(said.speaker_canonical, "هند الوزاني") and said.cue == "وسجلت"
    figures = by_text(text, "37 حالة")
    assert figures.cue.startswith("وفق") and same(figures.speaker_canonical, "مديرية الصحة")
    assert len(quotes) == 2


def test_a_temporal_an_clause_is_an_adjunct_not_the_content():
    text = (
        "وأكد المدرب قبل أن يغادر قاعة المؤتمر أن الفريق سيلعب بتشكيلته الكاملة.\n\n"
        "وسجل المهاجم الهدف الثاني بعد أن راوغ ثلاثة مدافعين."
    )
    quotes = run(text)
    assert len(quotes) == 1
    assert quotes[0].text == "الفريق سيلعب بتشكيلته الكاملة" and same(quotes[0].speaker_canonical, "المدرب")


def test_a_relative_clause_with_a_cue_before_the_colon_belongs_to_the_subject():
    text = "وتابع حارس المنتخب، الذي كتب اسمه في سجل البطولة: «الفوز على أرضنا ليس مضموناً أبداً»."
    q = by_text(text, "الفوز على أرضنا")
    assert same(q.speaker_canonical, "حارس المنتخب") and q.cue == "وتابع"


def test_a_specific_role_anaphor_does_not_take_a_person_of_another_role():
    text = (
        "وقال المحلل الاقتصادي ناصر الجبوري إن السوق تحتاج إلى إصلاحات.\n\n"
        "وتمنى المدرب أن يستعيد اللاعبون لياقتهم قبل المباراة المقبلة."
    )
    q = by_text(text, "يستعيد اللاعبون")
    assert same(q.speaker_canonical, "المدرب")


def test_an_ask_verb_reports_a_question_after_a_colon_but_not_its_object():
    text = (
        "وقال رئيس الحزب إن الانتخابات ستجرى في موعدها.\n\n"
        "وسأل: «من يضمن نزاهة الفرز في المناطق النائية؟».\n\n"
        "وسأل الصحفيون الوزير عن موعد الإعلان فلم يجب."
    )
    quotes = run(text)
    assert len(quotes) == 2
    q = by_text(text, "نزاهة الفرز")
    assert same(q.speaker_canonical, "رئيس الحزب") and q.kind == "direct"


def test_a_term_in_marks_after_a_complementizer_only_verb_is_not_a_quote():
    text = "وقالت النقابة إن الحوار متوقف.\n\nوالنقابة تشترط «ضمانات مكتوبة» قبل العودة إلى الحوار.\n\nوتشترط: «لا عودة قبل دفع الأجور المتأخرة»."
    quotes = run(text)
    assert [q.text for q in quotes] == ["الحوار متوقف", "لا عودة قبل دفع الأجور المتأخرة"]


# --- adjuncts and clause edges ------------------------------------------------------------------------------
def test_a_possessed_medium_after_fi_is_an_adjunct_not_part_of_the_speaker():
    text = "وكتبت صحيفة «الميثاق» في افتتاحيتها أن الحكومة فقدت ثقة الشارع."
    q = by_text(text, "فقدت ثقة")
    assert same(q.speaker_canonical, "صحيفة «الميثاق»")


def test_a_relay_after_an_adjunct_names_the_source_and_the_outlet():
    text = "ونقلت صحيفة «الأيام» في عددها الصادر اليوم عن مصدر حكومي أن الوزير سيقدم استقالته."
    q = by_text(text, "سيقدم استقالته")
    assert same(q.speaker_canonical, "مصدر حكومي") and q.via and "الأيام" in q.via


def test_a_phrase_after_a_comma_that_opens_with_a_preposition_is_not_the_speaker():
    text = (
        "وقال وزير النقل سليم داود إن الميناء سيفتح قريباً.\n\n"
        "وأوضح المسؤول الحكومي، في مداخلة أمام أعضاء اللجنة المالية، أن الاعتمادات رصدت بالكامل."
    )
    q = by_text(text, "الاعتمادات رصدت")
    assert same(q.speaker_canonical, "سليم داود")


def test_a_kinship_noun_is_a_title_before_the_relatives_name():
    text = "وقالت شقيقة المعتقل، السيدة هدى ناصر، إن العائلة لم تتمكن من زيارته منذ شهرين."
    q = by_text(text, "لم تتمكن")
    assert same(q.speaker_canonical, "هدى ناصر") and same(q.title, "شقيقة المعتقل")


def test_the_writers_gloss_fi_ishara_ends_the_content():
    text = "واعتبر مدرب الفريق أن لاعبيه تجاوزوا مرحلة الشك، في إشارة إلى الخسارتين المتتاليتين في الدوري."
    q = by_text(text, "تجاوزوا")
    assert q.text == "لاعبيه تجاوزوا مرحلة الشك"


def test_drawing_attention_participle_opens_a_new_quote():
    text = "وأكد الوزير أن المشروع سيكتمل هذا العام، لافتاً الانتباه إلى أن كلفته تضاعفت منذ التوقيع."
    first = by_text(text, "سيكتمل")
    second = by_text(text, "كلفته تضاعفت")
    assert "كلفته" not in first.text and second.cue == "لافتاً"


def test_a_noise_line_never_provides_a_subject():
    # no masculine speaker before وأضاف: the engine must say it is unsure, not take "اقرأ" as the speaker
    text = (
        "وقالت الوزيرة هالة زيد إن الموسم سيكون جيداً.\n\n"
        "اقرأ أيضاً: وزير المالية يلتقي وفد البنك الدولي\n\n"
        "وأضاف أن أسعار الأسمدة ستنخفض."
    )
    q = by_text(text, "الأسمدة")
    assert "اقرأ" not in (q.speaker_canonical or "") and q.confidence < 0.5


@pytest.mark.parametrize("addressee", ["للحكومة", "لـ«الشروق»"])
def test_a_headline_speaker_before_an_addressee(addressee):
    text = f"سلامة {addressee}: «لن نوقع على موازنة بلا إصلاحات»\n\nقال رئيس اللجنة المالية عادل سلامة إن الموازنة تحتاج إلى مراجعة."
    q = by_text(text, "لن نوقع")
    assert same(q.speaker_canonical, "عادل سلامة") and q.cue == ":"


def test_a_meeting_noun_after_a_name_is_the_verbs_object():
    text = "وافتتح وزير الداخلية مازن العلي الندوة بكلمة قال فيها إن الحدود مؤمنة بالكامل."
    q = by_text(text, "الحدود مؤمنة")
    assert same(q.speaker_canonical, "مازن العلي")


def test_an_after_a_representative_noun_belongs_to_the_role():
    text = "أما النائب عن محافظة إربد، سامر القاسم، فقال إن المستشفى يعمل بنصف طاقته."
    q = by_text(text, "نصف طاقته")
    assert same(q.speaker_canonical, "سامر القاسم")


def test_a_quoted_name_inside_a_kana_qad_subject():
    text = "وكان ناشطون في حملة «صوتنا» قد أكدوا، في مؤتمر صحافي، أن المقاطعة ستتوسع."
    q = by_text(text, "المقاطعة ستتوسع")
    assert same(q.speaker_canonical, "ناشطون في حملة «صوتنا»")


# --- statements reported through their document --------------------------------------------------------------
def test_jaa_fi_a_document_speaks_for_its_author():
    text = (
        "أعلنت منظمة الصحة العالمية أن الوباء انحسر في المنطقة.\n\n"
        "وجاء في التقرير الذي نشرته المنظمة أمس أن عدد الإصابات تراجع بنسبة النصف.\n\n"
        "وجاء في بيان وزارة الصحة اللبنانية أن المستشفيات مستعدة لأي طارئ.\n\n"
        "وجاء على لسان المتهم في محضر التحقيق أنه لم يكن يعلم بمحتوى الشحنة."
    )
    assert same(by_text(text, "تراجع بنسبة").speaker_canonical, "منظمة الصحة العالمية")
    assert same(by_text(text, "المستشفيات مستعدة").speaker_canonical, "وزارة الصحة اللبنانية")
    assert same(by_text(text, "بمحتوى الشحنة").speaker_canonical, "المتهم")
    assert len(run(text)) == 4


def test_jaa_without_a_document_is_not_a_statement():
    assert run("وجاء ذلك بعد أن أعلنت الحكومة الحداد ثلاثة أيام.") == []


def test_ala_hadd_tabirihi_after_a_clause_with_quoted_words_takes_the_clause():
    text = "وقال المدرب إن الفريق جاهز.\n\nالمنتخب جاء إلى الدوحة \"من دون حسابات\"، على حد تعبيره."
    q = by_text(text, "من دون حسابات")
    assert q.text == 'المنتخب جاء إلى الدوحة "من دون حسابات"' and q.kind == "mixed"


def test_in_its_latest_report_is_an_adjunct_after_a_source():
    text = "ويبلغ إنتاج البلاد نحو تسعة ملايين طن، وفقاً لمنظمة الأغذية والزراعة في أحدث تقاريرها."
    q = by_text(text, "تسعة ملايين")
    assert same(q.speaker_canonical, "منظمة الأغذية والزراعة")


def test_a_saying_participle_with_a_noun_object_ends_the_previous_content():
    text = "وزعمت الجماعة أن مقاتليها سيطروا على التلال الغربية، مؤكدة التزامها بحماية المدنيين."
    q = by_text(text, "سيطروا")
    assert q.text == "مقاتليها سيطروا على التلال الغربية"


def test_a_verbal_source_phrase_owns_its_verb():
    text = (
        "الرباط - مراسلة: سلمى العلوي\n\n"
        "وحسب ما أفاد به مصدر قضائي، فإن الجلسة أجلت إلى الشهر المقبل بطلب من الدفاع."
    )
    quotes = run(text)
    assert len(quotes) == 1
    assert same(quotes[0].speaker_canonical, "مصدر قضائي") and quotes[0].speaker_type == "anonymous_source"


def test_a_toll_is_an_adjunct_after_the_source():
    text = "ولقي ثلاثة أشخاص حتفهم في السيول، حسب ما أفادت به مديرية الحماية المدنية في حصيلة مؤقتة."
    q = by_text(text, "ثلاثة أشخاص")
    assert same(q.speaker_canonical, "مديرية الحماية المدنية")


def test_two_administrative_titles_then_the_name():
    text = "وأفاد والي جهة سوس ماسة، عامل عمالة أكادير، سعيد الإدريسي، بأن السدود امتلأت بنسبة الثلث."
    q = by_text(text, "السدود امتلأت")
    assert same(q.speaker_canonical, "سعيد الإدريسي")


def test_kana_with_comma_appositions_before_qad():
    text = "وكان المتهم الأول، المدير السابق للشركة، هشام بنعلي، قد نفى أمام المحكمة أن يكون وقع على العقد، معتبراً أن التهم ملفقة."
    assert same(by_text(text, "وقع على العقد").speaker_canonical, "هشام بنعلي")
    assert same(by_text(text, "التهم ملفقة").speaker_canonical, "هشام بنعلي")


def test_a_definite_adjective_after_a_lam_genitive_stays_in_the_name():
    # (a participle of affiliation after it, "التابعة للاتحاد …", describes the body and is left out: most of
    # our annotators leave it out of the name; see test_a_participle_describing_a_body_is_not_part_of_its_name)
    text = "وحذرت النقابة العامة للتعليم الثانوي من أن الإضراب سيتواصل."
    q = by_text(text, "الإضراب سيتواصل")
    assert same(q.speaker_canonical, "النقابة العامة للتعليم الثانوي")


def test_a_surname_headline_keeps_the_speaker_the_body_names_in_full():
    text = (
        "الرميحي: «النمو سيتسارع العام المقبل»\n\n"
        "قال محافظ البنك المركزي، عبد الرحمن الرميحي، إن النمو سيتسارع العام المقبل.\n\n"
        "وترى الخبيرة هدى بن عبد الله أن التضخم سيبقى معتدلاً."
    )
    q = next(x for x in run(text) if x.cue == ":")
    assert same(q.speaker_canonical, "عبد الرحمن الرميحي")


def test_a_definite_body_headline_is_kept_when_the_body_quotes_that_body():
    text = (
        "الحماية المدنية: «ثلاث وفيات وإجلاء مئة عائلة»\n\n"
        "وقالت المديرية العامة للحماية المدنية في بيان إن ثلاثة أشخاص لقوا حتفهم في السيول."
    )
    head = [x for x in run(text) if x.cue == ":"]
    assert len(head) == 1 and same(head[0].speaker_canonical, "المديرية العامة للحماية المدنية")


def test_a_definite_topic_headline_without_a_body_speaker_is_not_a_quote():
    text = "الأسواق المالية: «أسبوع صعب»\n\nتراجعت المؤشرات الرئيسية في البورصات العربية خلال الأسبوع."
    assert run(text) == []


def test_the_object_after_a_bodys_last_adjective_is_not_part_of_it():
    text = "وانتقدت كتلة الحزب الديمقراطي النيابية الموازنة، معتبرة في بيان أن الأرقام غير واقعية."
    q = by_text(text, "الأرقام غير واقعية")
    assert same(q.speaker_canonical, "كتلة الحزب الديمقراطي النيابية")


def test_the_given_name_ali_is_not_the_preposition_ala():
    text = "ونفى القيادي في الفصيل، أبو علي الحسيني، في تغريدة، أي صلة بالهجوم، معتبراً أن الاتهامات سياسية."
    q = by_text(text, "الاتهامات سياسية")
    assert same(q.speaker_canonical, "أبو علي الحسيني")


def test_a_titled_full_name_then_a_description_with_a_quoted_title():
    text = "وقالت الممثلة ليلى المنصوري، بطلة مسلسل «بيت الريح»، في حوار صحفي: «التمثيل عندي فعل مقاومة»."
    q = by_text(text, "فعل مقاومة")
    assert same(q.speaker_canonical, "ليلى المنصوري")


def test_a_verbal_noun_after_a_bodys_name_opens_the_object():
    text = "من جهتها، أعلنت هيئة الإسعاف الوطني رفع درجة التأهب في المحافظات الجنوبية، وقالت إنها جهزت عشرين مركز إيواء."
    q = by_text(text, "عشرين مركز")
    assert same(q.speaker_canonical, "هيئة الإسعاف الوطني")


def test_a_person_named_after_a_bodys_name_is_not_cut_away():
    text = "وقال مكتب الرئيس محمود عباس في بيان إن المفاوضات متوقفة."
    q = by_text(text, "المفاوضات متوقفة")
    assert "محمود عباس" in q.speaker_canonical


def test_a_profession_before_a_name_is_a_title():
    text = "وقالت مخرجة الفيلم سلوى عيسى إن التصوير استغرق عامين."
    q = by_text(text, "التصوير استغرق")
    assert same(q.speaker_canonical, "سلوى عيسى") and same(q.title, "مخرجة الفيلم")


def test_a_work_or_decision_after_a_name_is_the_object():
    text = "ويصف الناقد سامي القاسم الفيلم بأنه عمل ناضج، معتبراً أن مخرجه تجاوز تجاربه السابقة."
    q = by_text(text, "مخرجه تجاوز")
    assert same(q.speaker_canonical, "سامي القاسم")


def test_an_elative_predicate_is_not_part_of_the_subject():
    text = "وبدا الوزير كريم العلوي أكثر تفاؤلاً، إذ أكد أن المفاوضات ستنجح."
    q = by_text(text, "المفاوضات ستنجح")
    assert same(q.speaker_canonical, "كريم العلوي")


def test_nafsuhu_after_a_name_is_emphasis_not_an_anaphor():
    text = (
        "ويعمل في المركز طبيب واحد هو سالم بو عزة.\n\n"
        "أما بو عزة نفسه، فقد أكد أن الأدوية نفدت."
    )
    q = by_text(text, "الأدوية نفدت")
    assert "نفسه" not in q.speaker_canonical and "بو عزة" in q.speaker_canonical


def test_believe_reports_with_a_complementizer():
    text = "وتعتقد الباحثة منى الصافي أن العقوبات لن تغير سلوك الحكومة. واعتقلت الشرطة ثلاثة أشخاص."
    quotes = run(text)
    assert len(quotes) == 1 and same(quotes[0].speaker_canonical, "منى الصافي")


def test_bare_radda_reports_only_with_a_colon_or_a_complementizer():
    text = "وقال المدرب إن الفريق جاهز.\n\nوردّ المدرب بابتسامة: «الفوز وحده يهمنا».\n\nوردّ الدفاع الهجمة الأولى بسهولة."
    quotes = run(text)
    assert [q.text for q in quotes] == ["الفريق جاهز", "الفوز وحده يهمنا"]


def test_figures_of_a_statistics_agency_are_a_source():
    text = "وبحسب بيانات الجهاز المركزي للإحصاء، ارتفع معدل البطالة إلى 7 في المئة."
    q = by_text(text, "معدل البطالة")
    assert same(q.speaker_canonical, "الجهاز المركزي للإحصاء")


def test_ba_verbal_noun_after_an_adjunct():
    text = "وأفادت الهيئة الوطنية للانتخابات في بيان بانتهاء فرز الأصوات في جميع الدوائر."
    q = by_text(text, "انتهاء فرز")
    assert same(q.speaker_canonical, "الهيئة الوطنية للانتخابات")


def test_a_group_headline_in_the_first_person_is_a_quote_and_a_topic_is_not():
    quote = "المحتجون: لن نغادر الساحة قبل تحقيق مطالبنا\n\nواصل المحتجون اعتصامهم أمام مقر الحكومة لليوم الثالث."
    topic = "النازحون: خيام بلا تدفئة في أول أيام الشتاء\n\nيعيش النازحون في المخيمات أوضاعاً صعبة."
    assert [q.text for q in run(quote)] == ["لن نغادر الساحة قبل تحقيق مطالبنا"]
    assert run(topic) == []


def test_a_fronted_temporal_phrase_before_the_narrative_verb():
    text = (
        "قبل ساعات من المباراة النهائية، بدا مدرب «نسور قرطاج» سامي الطرابلسي هادئاً أمام الصحفيين.\n\n"
        "وقال: «اللاعبون يعرفون ما ينتظرهم»."
    )
    q = by_text(text, "اللاعبون يعرفون")
    assert same(q.speaker_canonical, "سامي الطرابلسي")


def test_subject_with_an_apposition_after_ghayr_anna():
    text = (
        "وقالت مصادر برلمانية إن الطعن سيقدم الأسبوع المقبل.\n\n"
        "غير أن المحامي فادي سلوم، وكيل عائلات الضحايا، رأى أن الطعن لن يغير شيئاً."
    )
    q = by_text(text, "لن يغير")
    assert same(q.speaker_canonical, "فادي سلوم")


def test_a_cue_in_a_temporal_clause_shares_the_dropped_subject():
    text = (
        "تقول مريم عثمان، وهي أم لخمسة أطفال: «مشينا عشرة أيام».\n\n"
        "ثم تصمت قليلاً قبل أن تضيف: «لا نريد سوى الأمان»."
    )
    q = by_text(text, "سوى الأمان")
    assert same(q.speaker_canonical, "مريم عثمان")


def test_the_accusative_subject_of_anna_speaks_under_its_written_name():
    # the source is named as the text names it (12 of 15 annotated cases in our corpus keep the accusative)
    text = "وقال الجيش إن الوضع مستقر. غير أن مصدراً أمنياً أكد أن الهجوم فشل. لكن شهوداً قالوا إن القصف استمر."
    first = by_text(text, "الهجوم فشل")
    second = by_text(text, "القصف استمر")
    assert first.speaker == "مصدراً أمنياً" and first.speaker_canonical == "مصدراً أمنياً"
    assert first.speaker_type == "anonymous_source"
    assert second.speaker_canonical == "شهوداً"


def test_a_quoted_outlet_after_ablagha_is_the_one_told():
    text = "غير أن مسؤولاً رفيعاً طلب عدم الكشف عن اسمه أبلغ «الرائد» بأن المفاوضات متعثرة."
    q = by_text(text, "المفاوضات متعثرة")
    assert q.speaker_canonical == "مسؤولاً رفيعاً"


def test_a_headline_with_a_place_and_a_body_is_a_topic():
    text = "تونس والبنك الدولي: قرض جديد لدعم الموازنة\n\nوقع البلدان اتفاقية القرض أمس في العاصمة."
    assert run(text) == []


def test_a_surname_headline_confirmed_by_a_narrative_subject_who_then_speaks():
    text = (
        "الزياني: الفريق جاهز للقاء الحسم\n\n"
        "بدا مدرب المنتخب كريم الزياني هادئاً أمام الصحفيين. وقال: «نعرف قيمة هذه المباراة»."
    )
    head = [q for q in run(text) if q.cue == ":"]
    assert len(head) == 1 and same(head[0].speaker_canonical, "كريم الزياني")


def test_a_quoted_acronym_in_brackets_is_closed_in_mention_and_canonical_name():
    text = "وقالت هيئة الطوارئ الوطنية («هطو») في بيان إن الزلزال كان قوياً."
    q = by_text(text, "الزلزال")
    assert q.speaker.endswith("(«هطو»)") and q.speaker_canonical.endswith("(«هطو»)")


def test_a_verb_inside_a_fronted_phrase_before_a_given_name():
    text = (
        "وقال الناطق باسم العائلات إن الاعتصام مستمر.\n\n"
        "وإلى جانبه وقفت سلمى حداد، والدة أحد المفقودين، مؤكدةً أن الأمهات لن يتراجعن. وأضافت: «نريد الحقيقة فقط»."
    )
    assert same(by_text(text, "لن يتراجعن").speaker_canonical, "سلمى حداد")
    assert same(by_text(text, "نريد الحقيقة").speaker_canonical, "سلمى حداد")


def test_a_generic_body_noun_finds_the_body_named_by_its_proper_name():
    text = "وقالت الملكية الأردنية في بيان إن الطائرة هبطت بسلام في عمّان. وأكدت الشركة أنها أرسلت طائرة بديلة."
    q = by_text(text, "طائرة بديلة")
    assert same(q.speaker_canonical, "الملكية الأردنية")


def test_a_generic_body_noun_does_not_take_a_ministry():
    text = "وقالت وزارة النقل إن الطريق أغلق. وأكدت الشركة أنها ستعوض المسافرين."
    q = by_text(text, "ستعوض")
    assert not same(q.speaker_canonical, "وزارة النقل")


def test_al_hajj_is_part_of_a_popular_name():
    text = "ويقول الحاج سالم الغامدي، وهو صاحب بقالة في الحي: «دخلت المياه المحل وخسرت بضاعتي»."
    q = by_text(text, "دخلت المياه")
    assert same(q.speaker_canonical, "الحاج سالم الغامدي")


def test_a_pronoun_object_after_the_cue_then_the_subject():
    text = "وهي الأزمة التي قال عنها رئيس البلدية آنذاك إن الشبكة استوعبتها بالكامل."
    q = by_text(text, "الشبكة استوعبتها")
    assert same(q.speaker_canonical, "رئيس البلدية")


def test_a_one_letter_abbreviated_honorific_before_the_name():
    text = "وقالت المتحدثة باسم الوزارة، م. هالة الشمري، في تصريح صحفي، إن جداول القطع ستنشر يومياً."
    q = by_text(text, "جداول القطع")
    assert same(q.speaker_canonical, "هالة الشمري") and q.speaker == "هالة الشمري"


def test_fi_ray_is_a_source_and_a_coordinated_verb_in_its_sentence_continues_it():
    text = (
        "وفي رأي الباحثة في علم الاجتماع سعاد بن علي، فإن الأزمة \"مرآة لأزمة السكن\"، "
        "وتشير إلى أن الإيجارات تضاعفت خلال عامين."
    )
    first = by_text(text, "مرآة لأزمة")
    second = by_text(text, "الإيجارات تضاعفت")
    assert same(first.speaker_canonical, "سعاد بن علي") and same(first.title, "الباحثة في علم الاجتماع")
    assert first.cue.startswith("وفي") and same(second.speaker_canonical, "سعاد بن علي")


def test_a_blaming_participle_ends_the_previous_content():
    text = "وأكد الاتحاد في بيان أن مئات الطلبة بلا سكن، محملاً الوزارة مسؤولية التأخير."
    q = by_text(text, "مئات الطلبة")
    assert q.text == "مئات الطلبة بلا سكن"


def test_colon_content_ends_before_the_writers_next_clause_with_a_cue():
    text = "وكتب أحد المشجعين عبر منصة «إكس»: أخيراً صفقة في المكان الصحيح، بينما تساءل آخرون عن جدوى الصفقة."
    q = by_text(text, "أخيراً صفقة")
    assert q.text == "أخيراً صفقة في المكان الصحيح"


def test_lam_yukhfi_anna_is_a_statement():
    text = "وقال مدير المؤسسة مراد سالمي إن الأشغال متأخرة. ولم يخفِ سالمي أن شح الأمطار زاد من صعوبة التوزيع. ولم يخفِ الوزير قلقه."
    quotes = run(text)
    q = by_text(text, "شح الأمطار")
    assert same(q.speaker_canonical, "مراد سالمي") and len(quotes) == 2


def test_jaa_fi_a_statement_before_a_colon():
    text = (
        "واعتبرت جمعية حماية المستهلك، في بلاغ، أن الإجراءات متأخرة.\n\n"
        "وجاء في البلاغ: «المستهلك لم يعد قادراً على تحمل الغلاء»."
    )
    q = by_text(text, "لم يعد قادراً")
    assert q.kind == "direct" and q.cue == "وجاء" and same(q.speaker_canonical, "جمعية حماية المستهلك")


def test_the_statement_speaks_for_the_body_that_issued_it():
    text = (
        "قال وزير التجارة إن الأسعار مستقرة.\n\n"
        "وأصدرت جمعية حماية المستهلك أمس بلاغاً حول الأسعار. وجاء في البلاغ: «المواطن لم يعد قادراً على تحمل الغلاء»."
    )
    q = by_text(text, "لم يعد قادراً")
    assert same(q.speaker_canonical, "جمعية حماية المستهلك")


def test_an_addressee_with_a_quoted_outlet_after_a_titled_speaker():
    text = "وقالت والدة أحد الموقوفين لـ«الرأي» إن العائلة لم تتلق أي اتصال منذ اعتقاله."
    q = by_text(text, "لم تتلق")
    assert same(q.speaker_canonical, "والدة أحد الموقوفين")


def test_when_clause_before_the_cue_leaves_the_subject_dropped():
    text = (
        "ونقلت صحيفة «الأيام» عن الوزير سامي الحداد قوله إن الخطة جاهزة.\n\n"
        "وعندما سُئل عن موعد التنفيذ، قال إنه لا يستطيع تحديد تاريخ بعينه."
    )
    q = by_text(text, "تحديد تاريخ")
    assert same(q.speaker_canonical, "سامي الحداد")


def test_a_name_that_starts_with_a_title_word_then_its_title():
    text = "وقال أمين الحاج، رئيس الشركة وكبير مديريها التنفيذيين، خلال مؤتمر: «الطلب سيبقى قوياً»."
    q = by_text(text, "الطلب سيبقى")
    assert same(q.speaker_canonical, "أمين الحاج")


def test_one_of_the_victims_with_an_apposition_speaks():
    text = (
        "وقالت الشرطة إن العصابة اعتقلت.\n\n"
        "واحدة من الضحايا، وهي موظفة متقاعدة، قالت للصحيفة إنها لم تشك في المتصل."
    )
    q = by_text(text, "لم تشك")
    assert same(q.speaker_canonical, "واحدة من الضحايا")


def test_a_market_topic_headline_is_not_a_speaker():
    # the body's speaker names the market ("متعاملون في سوق الذهب"), yet "الذهب:" is the rubric, not that speaker
    text = "الذهب: الأسعار تقفز إلى مستوى قياسي\n\nوقال متعاملون في سوق الذهب إن الطلب ارتفع بقوة."
    assert [q.cue for q in run(text)] == ["وقال"]


def test_a_relative_clause_who_spoke_to_us_describes_the_speakers():
    text = "ويقول تجار تحدثت إليهم «الوطن» إن الأسعار ارتفعت بنسبة الثلث."
    q = by_text(text, "الأسعار ارتفعت")
    assert same(q.speaker_canonical, "تجار")


def test_a_definite_plural_after_a_one_word_subject_of_a_call_verb_is_the_object():
    text = "وقال مصدر مصرفي إن محاولات الاحتيال زادت. ودعا المصدر العملاء إلى الاتصال بالأرقام الرسمية فقط."
    q = by_text(text, "الاتصال بالأرقام")
    assert same(q.speaker_canonical, "مصدر مصرفي")


def test_fi_after_a_body_opens_the_verbs_object():
    text = "من جهتها، طعنت هيئة الدفاع في سلامة الإجراءات، مؤكدة أن الاعتراف انتزع تحت الضغط."
    q = by_text(text, "الاعتراف انتزع")
    assert same(q.speaker_canonical, "هيئة الدفاع")


# --- narrative features ------------------------------------------------------------------------------------------
def test_a_verb_first_narrative_sentence_gives_its_subject_not_its_verb():
    text = "تجلس أم خالد على عتبة بيتها وتلف حولها بطانية. تقول: «هذا الشتاء أقسى من كل ما مضى»."
    q = by_text(text, "هذا الشتاء")
    assert same(q.speaker_canonical, "أم خالد")


def test_a_kunya_is_a_whole_name_before_the_object():
    text = "تشعل أم سعاد المدفأة وتضع عليها إبريق الشاي. تقول: «تعالوا في الصيف»."
    q = by_text(text, "تعالوا في الصيف")
    assert same(q.speaker_canonical, "أم سعاد")


def test_a_subject_first_sentence_with_a_verb_and_its_object():
    text = "الريس حمدان يفرغ حمولته على الرصيف. يقول: «البحيرة لم تعد تطعم أحداً»."
    q = by_text(text, "البحيرة لم تعد")
    assert same(q.speaker_canonical, "حمدان")


def test_a_circumstantial_accusative_or_manner_adverb_after_the_speaker():
    text = "وقال رئيس الجلسة نبيل حداد ممازحاً النواب: «موعدنا الخميس». وتضيف السيدة بخجل: «لا أستطيع المشاهدة»."
    q = by_text(text, "موعدنا الخميس")
    assert same(q.speaker_canonical, "نبيل حداد")
    second = by_text(text, "لا أستطيع")
    assert "بخجل" not in (second.speaker or "")


# --- titles with ل-complements, addressees and objects ---------------------------------------------------------
def test_a_title_with_a_lam_complement_is_a_role_not_a_name():
    text = ("حضر الاجتماع الأمين العام للمنظمة سليم الراشد. وأكد الأمين العام لمنظمة التعاون الإقليمي، في كلمته، "
            "أن الموازنة الجديدة ستقر قبل نهاية الشهر.")
    q = by_text(text, "الموازنة الجديدة")
    assert not (q.speaker or "").startswith("لمنظمة")
    assert same(q.speaker_canonical, "سليم الراشد")


def test_a_news_outlet_after_the_title_is_whom_the_speaker_told():
    text = ("التقى وزير المالية الأردني فادي العزام بالوفد. وصرح وزير المالية الأردني لوكالة الأنباء الرسمية "
            "بأن العجز سينخفض العام المقبل.")
    q = by_text(text, "العجز سينخفض")
    assert "وكالة" not in (q.speaker or "") and same(q.speaker_canonical, "فادي العزام")


def test_the_speakers_own_statements_as_object_are_not_a_name():
    text = "وختم المدير التنفيذي توضيحاته للحضور بالقول: «ننتظر موسماً أفضل»."
    q = by_text(text, "ننتظر موسماً")
    assert "توضيحاته" not in (q.speaker or "") and "توضيحاته" not in (q.speaker_canonical or "")


def test_a_relation_noun_with_a_pronoun_after_the_name_is_the_object():
    text = "واستقبل الوزير سامر الحداد نظيره التونسي في مكتبه، وقال للصحفيين إن التعاون سيتوسع."
    q = by_text(text, "التعاون سيتوسع")
    assert same(q.speaker_canonical, "سامر الحداد")


def test_an_indefinite_accusative_plural_subject_keeps_its_adjective():
    text = "إلا أن دبلوماسيين عرباً شاركوا في الجلسة قالوا إن الخلاف ما زال قائماً."
    q = by_text(text, "الخلاف ما زال")
    assert same(q.speaker_canonical, "دبلوماسيين عرباً")


def test_acting_is_part_of_the_title():
    text = "وأفادت المندوبة الكندية بالإنابة لورا كينغ بأن بلادها تدعم الهدنة."
    q = by_text(text, "بلادها تدعم")
    assert same(q.speaker_canonical, "لورا كينغ") and "بالإنابة" in (q.title or "")


# --- clauses and narrative ---------------------------------------------------------------------------------------
def test_a_surname_with_the_article_known_from_earlier_is_the_subject_of_a_participle():
    text = ("قال رئيس البرلمان محمد الحلبوسي أمس إن الجلسة ستعقد. وقال النائب المستقل رعد الكناني إنه سيقاطع. "
            "وعلق الحلبوسي في مؤتمر صحفي ببغداد، قائلاً إن المقاطعة لن تعطل التصويت.")
    q = by_text(text, "المقاطعة لن تعطل")
    assert same(q.speaker_canonical, "محمد الحلبوسي")


def test_but_he_said_after_a_negated_clause_continues_its_subject():
    text = ("قالت رئيسة اللجنة هدى السالم إن التقرير جاهز. ولم يحضر الوزير عادل النمر الجلسة، "
            "لكنه قال في بيان إن الوزارة ستتعاون مع اللجنة.")
    q = by_text(text, "الوزارة ستتعاون")
    assert same(q.speaker_canonical, "عادل النمر")


def test_a_narrative_sentence_with_a_dropped_subject_continues_the_one_before():
    text = ("في آخر الشارع، يجلس العم منصور أمام دكانه الصغير. يرتبه كل صباح منذ عشرين عاماً. "
            "يقول إن الزبائن قلوا كثيراً هذا العام.")
    q = by_text(text, "الزبائن قلوا")
    assert same(q.speaker_canonical, "العم منصور") or same(q.speaker_canonical, "منصور")


# --- objects, addressees and relative clauses around the speaker --------------------------------------------------
def test_a_speaking_verb_with_the_anonymity_condition_is_not_a_title():
    text = "ونقلت صحيفة الغد عن مسؤول فرنسي، تحدث شريطة عدم الكشف عن هويته، أن المحادثات تعثرت."
    q = by_text(text, "المحادثات تعثرت")
    assert same(q.speaker_canonical, "مسؤول فرنسي") and q.speaker_type == "anonymous_source" and q.title is None


def test_lam_with_the_article_before_a_quoted_outlet_is_an_addressee():
    text = "وقالت مصادر حكومية عراقية للـ\"المدى\" إن الموازنة ستعرض على البرلمان الأسبوع المقبل."
    q = by_text(text, "الموازنة ستعرض")
    assert same(q.speaker_canonical, "مصادر حكومية عراقية")


def test_an_accusation_quoted_after_a_lone_ba():
    text = "واتهمت النقابة العامة للمعلمين الوزارة بـ\"التنصل من كل الاتفاقات السابقة\"."
    q = by_text(text, "التنصل من كل")
    assert q.kind == "direct" and q.text == "التنصل من كل الاتفاقات السابقة"
    text = "وقالت النقابة إن الإضراب مستمر، متهمةً الوزارة بـ\"التنصل\" من الاتفاقات."
    q = by_text(text, "التنصل")
    assert q.cue == "متهمةً" and q.kind != "direct" and q.text.startswith('"التنصل"')


def test_a_subject_before_its_verb_keeps_its_genitive_plural():
    text = "أما جمعية أهالي المفقودين فقالت في بيان إن الانتظار طال أكثر مما يحتمل."
    q = by_text(text, "الانتظار طال")
    assert same(q.speaker_canonical, "جمعية أهالي المفقودين")


def test_an_indefinite_word_after_a_definite_body_opens_the_object():
    text = ("قالت وزارة الخارجية الأردنية إن القرار مرفوض. وطالبت الوزارة مجلس الأمن بالتدخل الفوري لوقف "
            "الانتهاكات. ورفع المتظاهرون لافتات كتب عليها الشعار، وقالوا إنهم لن يغادروا الساحة.")
    q = by_text(text, "التدخل الفوري")
    assert same(q.speaker_canonical, "وزارة الخارجية الأردنية")
    q = by_text(text, "لن يغادروا")
    assert same(q.speaker_canonical, "المتظاهرون")


def test_a_known_surname_then_a_definite_object():
    text = ("قالت المفوضة الأوروبية هيلين فالكنر إن التمويل جاهز. ودعت فالكنر الحكومات إلى تسريع "
            "الإصلاحات المطلوبة.")
    q = by_text(text, "تسريع الإصلاحات")
    assert q.speaker == "فالكنر" and same(q.speaker_canonical, "هيلين فالكنر")


def test_an_imperfect_cue_after_an_indefinite_object_describes_it():
    text = "وأطلق ناشطون حملة إلكترونية تطالب بالإفراج عن المعتقلين قبل حلول العيد."
    assert run(text) == []
    text = "مصادر عسكرية تقول إن الهجوم فشل."
    q = by_text(text, "الهجوم فشل")
    assert same(q.speaker_canonical, "مصادر عسكرية")


def test_the_plural_participle_of_a_call_verb():
    text = "وأكد المزارعون أن المحصول تضرر كثيراً، داعين الحكومة إلى صرف تعويضات عاجلة."
    q = by_text(text, "صرف تعويضات")
    assert q.cue == "داعين" and same(q.speaker_canonical, "المزارعون")


def test_a_purpose_clause_with_lam_shares_the_main_subject():
    text = ("قال وزير النقل كمال الشاذلي إن الخطة جاهزة. وقالت الراكبة سلمى نور إنها تعبت. "
            "وعاد الشاذلي ليؤكد أن الأسعار لن ترتفع هذا العام.")
    q = by_text(text, "الأسعار لن ترتفع")
    assert q.cue == "ليؤكد" and same(q.speaker_canonical, "كمال الشاذلي")


def test_a_job_noun_with_its_nisba_before_a_full_name_is_a_title():
    text = "وقال النحات العراقي الشاب رامي الخوري لمراسلنا إن المعرض ناجح."
    q = by_text(text, "المعرض ناجح")
    assert same(q.speaker_canonical, "رامي الخوري") and same(q.title, "النحات العراقي الشاب")


def test_a_title_alone_finds_the_name_written_before_the_same_title():
    text = ("استقبل الشيخ حمد بن سالم آل ثامر وزير الخارجية اليوم نظيره الفرنسي. "
            "وأكد وزير الخارجية خلال اللقاء أن العلاقات بين البلدين متينة.")
    q = by_text(text, "العلاقات بين البلدين")
    assert same(q.speaker_canonical, "حمد بن سالم آل ثامر")


def test_a_title_in_a_headline_followed_by_a_verb_is_no_antecedent():
    text = ("وزير الطاقة ونظيره العراقي يبحثان ربط الشبكتين\n\n"
            "وأكد وزير الطاقة خلال الاجتماع أن الربط سيكتمل العام المقبل.")
    q = by_text(text, "الربط سيكتمل")
    assert "يبحثان" not in (q.speaker_canonical or "")


def test_a_masculine_accusative_participle_needs_no_comma_in_wire_copy():
    text = ("أعلنت الهيئة العامة للأرصاد أن موجة الحر ستستمر حتى نهاية الأسبوع محذرا من أن درجات الحرارة "
            "قد تتجاوز خمسين درجة.")
    q = by_text(text, "درجات الحرارة")
    assert q.cue == "محذرا" and same(q.speaker_canonical, "الهيئة العامة للأرصاد")


def test_ala_hamish_after_akkada_is_an_adjunct_not_its_object():
    text = "أكد وزير الصحة سامي العدوان على هامش زيارته للمستشفى أن اللقاح آمن ومتوفر للجميع."
    q = by_text(text, "اللقاح آمن")
    assert q.text.startswith("اللقاح") and same(q.speaker_canonical, "سامي العدوان")


def test_a_fronted_source_phrase_without_a_comma_before_fa_inna():
    text = "وبحسب دراسة صادرة عن المرصد الوطني للتشغيل فإن البطالة بين الشباب تراجعت إلى 18 في المئة."
    q = by_text(text, "البطالة بين الشباب")
    assert same(q.speaker_canonical, "المرصد الوطني للتشغيل") and q.text.startswith("البطالة")


def test_a_quoted_outlet_after_the_subject_of_afada_is_the_one_told():
    text = "وأفادت مصادر حكومية مطلعة «النهار العربي» بأن التعديل الوزاري سيعلن الأسبوع المقبل."
    q = by_text(text, "التعديل الوزاري")
    assert same(q.speaker_canonical, "مصادر حكومية مطلعة")
    text = "وأفادت وكالة الأنباء الرسمية «بترا» بأن الملك استقبل الوفد."
    q = by_text(text, "الملك استقبل")
    assert "بترا" in q.speaker_canonical


def test_a_long_quoted_body_name_after_fi_stays_in_the_speaker():
    text = 'وقال باحثون في "المركز العربي لدراسات المياه والبيئة" إن المخزون الجوفي ينخفض سنوياً.'
    q = by_text(text, "المخزون الجوفي")
    assert "المركز العربي لدراسات المياه والبيئة" in q.speaker_canonical


def test_a_second_adjunct_with_ala_after_a_first_one_is_not_the_verbs_preposition():
    text = "وأكد وزير التربية سعيد المنصوري في تصريح صحفي على هامش افتتاح المدرسة أن العام الدراسي سيبدأ في موعده."
    q = by_text(text, "العام الدراسي")
    assert q.text.startswith("العام الدراسي") and same(q.speaker_canonical, "سعيد المنصوري")


def test_a_participle_right_after_a_closing_mark_in_wire_copy():
    text = 'وقال وزير الصحة إن اللقاح "آمن ومتوفر للجميع" مشددا على أن الإقبال يجب أن يزداد.'
    q = by_text(text, "الإقبال يجب")
    assert q.cue == "مشددا"
    first = by_text(text, "آمن ومتوفر")
    assert first.text.endswith('"')


def test_a_long_title_that_ends_in_a_full_name():
    text = "وقالت المقررة الخاصة المعنية بالحق في الغذاء كارمن ديلغادو إن الجوع يتسع."
    q = by_text(text, "الجوع يتسع")
    assert same(q.speaker_canonical, "كارمن ديلغادو")
    text = "وقال المدير الإقليمي لصندوق الأمم المتحدة للسكان (الأونفبا) بيتر هانسن إن التمويل تراجع."
    q = by_text(text, "التمويل تراجع")
    assert same(q.speaker_canonical, "بيتر هانسن") and "الأونفبا" in (q.title or "")
    text = "وترى الباحثة في معهد «كارنيغي» للسلام سارة العلي أن الهدنة هشة."
    q = by_text(text, "الهدنة هشة")
    assert same(q.speaker_canonical, "سارة العلي")


def test_a_title_ending_in_a_definite_common_noun_has_no_name():
    text = "وقال مدير مكتب الهيئة في شمال الضفة إن المستوطنين أحرقوا الحقول."
    q = by_text(text, "أحرقوا الحقول")
    assert same(q.speaker_canonical, "مدير مكتب الهيئة في شمال الضفة")


def test_phone_calls_and_latin_outlets_are_adjuncts_of_the_speaker():
    text = 'وقال سكان في حي النصر في اتصالات هاتفية مع "الشرق" إن المياه انقطعت منذ يومين.'
    q = by_text(text, "المياه انقطعت")
    assert same(q.speaker_canonical, "سكان في حي النصر")
    text = "وقال مسؤولون أمنيون لـBBC إن التحقيق ما زال جارياً."
    q = by_text(text, "التحقيق ما زال")
    assert same(q.speaker_canonical, "مسؤولون أمنيون")


def test_a_place_after_a_full_name_is_the_object_of_the_verb():
    text = "واتهم الرئيس الفنزويلي نيكولاس مادورو واشنطن بأنها تدبر انقلاباً."
    q = by_text(text, "تدبر انقلاباً")
    assert same(q.speaker_canonical, "نيكولاس مادورو")


def test_a_participle_describing_a_body_is_not_part_of_its_name():
    text = "وقالت جمعية «أرض» المعنية بحماية الغابات إن الحرائق التهمت ألف هكتار."
    q = by_text(text, "الحرائق التهمت")
    assert same(q.speaker_canonical, "جمعية «أرض»")


def test_titles_completed_by_a_ba_phrase_or_on_behalf_of_a_quoted_body():
    text = "وأفاد المكلف بالاتصال في الوكالة، المهندس رياض بن سالم، بأن الأشغال ستنتهي قريباً."
    q = by_text(text, "الأشغال ستنتهي")
    assert same(q.speaker_canonical, "رياض بن سالم")
    text = 'وقال متحدث باسم "أمازون" إن الشركة ستستأنف القرار.'
    q = by_text(text, "الشركة ستستأنف")
    assert same(q.speaker_canonical, 'متحدث باسم "أمازون"')


def test_a_body_speaking_through_a_person_named_after_ala_lisan():
    text = "وقالت نقابة الأطباء، على لسان أمينتها العامة ريم الساعدي، إن الإضراب سيستمر."
    q = by_text(text, "الإضراب سيستمر")
    assert same(q.speaker_canonical, "ريم الساعدي")
    text = "وعلى لسان الناطق باسم الشرطة، المقدم فارس الخطيب، أكدت المديرية أن الطريق فُتح."
    quotes = run(text)
    assert len(quotes) == 1 and same(quotes[0].speaker_canonical, "فارس الخطيب")


def test_a_people_noun_points_to_the_person_the_story_just_named():
    text = ("قالت مديرة المدرسة سلمى العابد إن الدروس عادت. "
            "في الساحة، تلعب لينا، ثماني سنوات، مع صديقاتها. تقول الطفلة إنها تحب المدرسة الجديدة.")
    q = by_text(text, "تحب المدرسة")
    assert same(q.speaker_canonical, "لينا")


def test_a_definite_person_noun_then_its_verb_opens_a_topic():
    text = ("قال المسؤول المحلي رامي عيسى إن المساعدات تأخرت. على الرصيف، يصلح أبو سمير شباك الصيد. "
            "الرجل كان بحاراً لعشرين عاماً. يقول: «البحر تغير»." )
    q = by_text(text, "البحر تغير")
    assert same(q.speaker_canonical, "أبو سمير")


def test_faqat_after_the_cue_is_an_adverb_not_a_speaker():
    text = "قالت أم سالم إن الشتاء قاس. تسأل فقط: «متى نعود؟»."
    q = by_text(text, "متى نعود")
    assert "فقط" not in (q.speaker_canonical or "") and same(q.speaker_canonical, "أم سالم")


def test_a_clause_on_how_the_paper_met_the_speakers_is_not_their_name():
    text = "وقال تجار التقتهم «الأنباء» في السوق القديم إن الحركة ضعيفة."
    q = by_text(text, "الحركة ضعيفة")
    assert same(q.speaker_canonical, "تجار")


# --- agency copy ---------------------------------------------------------------------------------------------------
def test_the_feminine_plural_of_hollow_verbs():
    text = "وقالت الممرضات المضربات إن الأجور متدنية. وأضفن أن المناوبات تضاعفت."
    q = by_text(text, "المناوبات تضاعفت")
    assert q.cue == "وأضفن" and same(q.speaker_canonical, "الممرضات المضربات")


def test_spoke_to_an_agency_is_a_clause_about_the_speakers():
    text = 'وقال مصرفيون تحدثوا لـ"قنا" إن السيولة كافية.'
    q = by_text(text, "السيولة كافية")
    assert same(q.speaker_canonical, "مصرفيون")


def test_an_express_verb_takes_an_after_an_adjunct():
    text = "وأعربت وزارة الخارجية في بيان لها اليوم عن إدانتها الشديدة للهجوم على القافلة."
    q = by_text(text, "إدانتها الشديدة")
    assert same(q.speaker_canonical, "وزارة الخارجية")


def test_a_known_surname_then_a_definite_object_after_any_verb():
    text = "قال المتحدث باسم الوزارة فهد الكواري إن المفاوضات مستمرة. وختم الكواري الإحاطة بالقول إن الحل قريب."
    q = by_text(text, "الحل قريب")
    assert q.speaker == "الكواري"


def test_a_feminine_circumstantial_participle_before_the_colon():
    text = "قالت الحرفية سعاد الجلاصي إن العمل شاق. تقول الجلاصي مبتسمة: \"الصبر علمنا كل شيء\"."
    q = by_text(text, "الصبر علمنا")
    assert q.speaker == "الجلاصي"


def test_a_title_then_a_name_followed_by_its_own_title():
    text = "وصرح السفير كريم عادل المتحدث الرسمي باسم وزارة الخارجية بأن اللقاء كان مثمراً."
    q = by_text(text, "اللقاء كان")
    assert same(q.speaker_canonical, "كريم عادل")


def test_a_feminine_participle_with_tanween_needs_no_comma():
    text = "وهنأت اللجنة الأولمبية في بيان البطلة مؤكدةً أن الإنجاز يعكس تطور الرياضة النسائية."
    q = by_text(text, "الإنجاز يعكس")
    assert q.cue == "مؤكدةً" and same(q.speaker_canonical, "اللجنة الأولمبية")


def test_bayna_after_a_noun_is_the_preposition():
    text = ("منذ الفجر تنتشر مجموعات من العاملات والعمال بين صفوف أشجار اللوز الممتدة على مد البصر حاملين السلال "
            "في انطلاقة موسم يصفه الفلاحون بأنه من أوفر المواسم.")
    assert all(q.cue != "بين" for q in run(text))


def test_a_sport_before_a_headline_colon_is_a_rubric():
    text = ("الرماية: ذهبية عربية للرامي سامي العلي في منافسات الحفرة\n\n"
            "أعلن الاتحاد العربي للرماية على موقعه أن العلي حقق 45 إصابة.")
    assert all(q.cue != ":" for q in run(text))


def test_an_honorific_word_heading_a_title_before_the_name():
    text = "قال المستشار النمساوي، فرانز هولر، الخميس إن الحكومة باقية."
    q = by_text(text, "الحكومة باقية")
    assert same(q.speaker_canonical, "فرانز هولر") and same(q.title, "المستشار النمساوي")


def test_a_prepositional_complement_of_the_speaker_is_not_an_object():
    text = "وحذر خبراء في الأمن الغذائي من أن المخزون لا يكفي لشهرين."
    q = by_text(text, "المخزون لا يكفي")
    assert same(q.speaker_canonical, "خبراء في الأمن الغذائي")


def test_a_call_verb_with_its_ba_object_right_after_it_has_a_dropped_subject():
    text = "قالت النائبة ريما حداد إن الحكومة أخفقت، وطالبت بإجراء تحقيق مستقل في الصفقة."
    q = by_text(text, "تحقيق مستقل")
    assert q.cue == "وطالبت" and same(q.speaker_canonical, "ريما حداد")


def test_a_matter_in_a_place_before_a_headline_colon_is_a_topic():
    text = ("الهجرة إلى أوروبا: قوارب جديدة تصل إلى الجزر اليونانية\n\n"
            "قال مفوض الهجرة الأوروبي هانس مولر إن الدول الأعضاء ستتقاسم الأعباء.")
    assert all(q.cue != ":" for q in run(text))


def test_a_country_inside_a_body_speaker_does_not_confirm_a_country_headline():
    text = ("مالي: أزمة الوقود تشل العاصمة والحكومة تتعهد بالحل\n\n"
            "قالت الحكومة الانتقالية في مالي إن الإمدادات ستعود خلال أيام.")
    assert all(q.cue != ":" for q in run(text))


def test_ala_hadd_qawliha_before_a_quoted_predicate_attributes_the_quote_after_it():
    text = "تقول الكاتبة ريم سالم إن الجمهور تغير. فالشباب هناك، على حد قولها، «يقرؤون أكثر مما نظن»."
    q = by_text(text, "يقرؤون أكثر")
    assert q.kind == "direct" and q.text == "يقرؤون أكثر مما نظن" and same(q.speaker_canonical, "ريم سالم")


def test_ala_hadd_after_words_already_inside_a_quote_is_no_quote_of_its_own():
    text = "وقالت الروائية هدى عيسى إنها كتبت الفصل الأخير «أكثر من عشر مرات»، على حد قولها."
    quotes = run(text)
    assert len(quotes) == 1 and quotes[0].cue == "وقالت"


def test_a_phrase_opening_with_a_preposition_names_no_speaker():
    text = ("وأقرت الدول الأعضاء تعليق الزيادات الشهرية في الإنتاج خلال الربع الأول، مع الإبقاء على إمكانية "
            "استئنافها «تبعاً لظروف السوق».")
    assert all(q.speaker is None or not q.speaker.startswith("مع") for q in run(text))


def test_a_statement_issued_by_a_body_is_that_bodys_source():
    text = ("وبحسب بيان صادر عن الأمانة العامة لمنظمة الدول المصدرة، ارتفع الإنتاج إلى 4 ملايين برميل. "
            "وأوضح البيان أن الطلب الآسيوي قاد الارتفاع.")
    q = by_text(text, "ارتفع الإنتاج")
    assert same(q.speaker_canonical, "الأمانة العامة لمنظمة الدول المصدرة")
    q = by_text(text, "الطلب الآسيوي")
    assert same(q.speaker_canonical, "الأمانة العامة لمنظمة الدول المصدرة")


def test_a_description_then_a_name_between_commas_opens_a_topic():
    text = ("قال المختار سالم العلي إن القرية صامدة. زوجته، أم خالد، تخبز في الفناء. "
            "تقول إن الطحين صار غالياً.")
    q = by_text(text, "الطحين صار")
    assert same(q.speaker_canonical, "أم خالد")


def test_a_verb_first_sentence_with_a_dropped_subject_continues_the_paragraph():
    text = ("قال المدرب سامر الحسن إن الفريق جاهز. الأم، رقية، أقل كلاماً. تجلس قرب النافذة وتخيط. "
            "تقول إنها لا تشاهد المباريات.")
    q = by_text(text, "لا تشاهد")
    assert same(q.speaker_canonical, "رقية")


def test_a_locative_preposition_never_completes_a_given_name():
    text = ("مديرة المدرسة، الأستاذة نجوى، تستقبل التلاميذ. تقول: «نبدأ من جديد». "
            "في الظهيرة تقف نجوى عند الباب وتراقب.")
    q = by_text(text, "نبدأ من جديد")
    assert "عند" not in q.speaker_canonical


def test_a_courtesy_word_and_a_given_name_then_a_description_open_a_topic():
    text = ("قالت البلدية إن المياه ستعود. الحاجة سعاد، جارة أم سمير، لا تصدق الوعود. "
            "تتساءل فقط: «متى؟»، ثم تعود إلى عملها.")
    q = by_text(text, "متى")
    assert same(q.speaker_canonical, "الحاجة سعاد") or same(q.speaker_canonical, "سعاد")


def test_the_body_behind_a_report_noun_after_bahasab():
    cases = [
        ("وبحسب بيانات الشحن التي جمعتها شركة «فورتيكسا»، ارتفعت الصادرات إلى مليون برميل.", "شركة «فورتيكسا»"),
        ("وبحسب استطلاع للرأي أجراه معهد «زغبي»، فإن نصف الناخبين لم يحسموا موقفهم.", "معهد «زغبي»"),
        ("وحسب نشرة إنذارية أصدرتها مديرية الأرصاد، فإن الأمطار ستتواصل حتى الأحد.", "مديرية الأرصاد"),
        ("وبحسب تقرير حديث لمؤسسة «التمويل الدولية»، قد ينمو القطاع بنسبة 5 في المئة.", "مؤسسة «التمويل الدولية»"),
    ]
    for text, source in cases:
        quotes = run(text)
        assert len(quotes) == 1 and same(quotes[0].speaker_canonical, source), (text, [q.speaker_canonical for q in quotes])


def test_a_body_anaphor_never_finds_an_anonymous_source_about_it():
    text = ("وقال مصدر في الهيئة إن الفرز تأخر. وقالت الناطقة باسم الحكومة سلمى رشيد إن النتائج قريبة. "
            "وبحسب أرقام الهيئة، تقدم التحالف في أربع محافظات.")
    q = by_text(text, "تقدم التحالف")
    assert q.speaker_type != "anonymous_source"


def test_an_accusative_plural_after_a_call_verb_is_its_object():
    text = "وقال الرئيس سامي نصار: «لن نتراجع». ودعا الشركاء الأوروبيين إلى تسريع تسليم المساعدات."
    q = by_text(text, "تسريع تسليم")
    assert same(q.speaker_canonical, "سامي نصار")


def test_when_asked_the_one_asked_is_the_speaker():
    text = ("قالت وزيرة المالية هند العمر إن العجز تراجع. وقالت مصادر حكومية إن الضريبة قريبة. "
            "وعند سؤال الوزيرة عن موعد القانون، قالت إنها لا تملك جدولاً زمنياً.")
    q = by_text(text, "جدولاً زمنياً")
    assert same(q.speaker_canonical, "هند العمر")


def test_a_person_introduced_by_age_opens_a_topic():
    text = ("قالت الحكومة إن الأسعار ستنخفض. شابة في الثلاثين تنتظر دورها أمام الفرن. "
            "تقول إنها تعمل في مصنع للنسيج.")
    q = by_text(text, "مصنع للنسيج")
    assert same(q.speaker_canonical, "شابة في الثلاثين")


def test_an_age_descriptor_points_to_the_woman_just_named():
    text = ("قالت البلدية إن البحث مستمر. كل صباح تمشي سعاد إلى الميناء. "
            "تقول الستينية: «لن أتوقف عن الانتظار».")
    q = by_text(text, "لن أتوقف")
    assert same(q.speaker_canonical, "سعاد")


def test_an_indefinite_plural_speaker_keeps_its_prepositional_phrase():
    text = "واعتبر ناشطون من المجتمع المدني أن القانون يقيد الحريات."
    q = by_text(text, "القانون يقيد")
    assert same(q.speaker_canonical, "ناشطون من المجتمع المدني")
    text = "وحذر مستثمرون في رأس المال الجريء من أن التقييمات مرتفعة."
    q = by_text(text, "التقييمات مرتفعة")
    assert same(q.speaker_canonical, "مستثمرون في رأس المال الجريء")


def test_a_surname_after_a_compound_given_name_is_known():
    text = ("قال رئيس النادي فارس عبد الكريم الخطيب إن الأزمة انتهت. وأعلن الموقع الرسمي للنادي موعد الجمعية. "
            "وكان الخطيب قد صرح الشهر الماضي بأن النادي سيخرج من أزمته.")
    q = by_text(text, "سيخرج من أزمته")
    assert q.speaker == "الخطيب" and same(q.speaker_canonical, "فارس عبد الكريم الخطيب")


def test_a_family_name_headline_is_confirmed_by_the_full_name_in_the_body():
    text = ("العتيبي: «الموازنة الجديدة لن تمس الرواتب»\n\n"
            "عقد وزير المالية فهد سالم العتيبي مؤتمراً صحفياً أمس. وأكد الأمين العام للوزارة أن الإيرادات ارتفعت.")
    head = [q for q in run(text) if q.cue == ":"]
    assert len(head) == 1 and "العتيبي" in head[0].speaker_canonical


def test_a_temporal_clause_after_the_quoted_words_is_the_writers_background():
    text = 'وحذر الوزير سامي فارح من أن البلاد "تقترب من سيناريو الجفاف الكبير"، عندما نفقت ملايين الرؤوس من الماشية.'
    q = by_text(text, "تقترب من سيناريو")
    assert q.text.endswith('الكبير"') and "عندما" not in q.text


def test_amma_topic_before_fa_and_an_accusation_after_an_object_clause():
    text = ("وقال النائب خالد الزيدي إن الجلسة ستعقد. أما النائبة عن كتلة الإصلاح سلوى الحمدان، فقد اتهمت "
            "أطرافاً لم تسمها بمحاولة تعطيل التصويت. وأضافت أن كتلتها تملك الأغلبية.")
    q = by_text(text, "كتلتها تملك")
    assert same(q.speaker_canonical, "سلوى الحمدان")
    q = by_text(text, "تعطيل التصويت")
    assert q.cue == "اتهمت" and same(q.speaker_canonical, "سلوى الحمدان")


def test_lakinnahu_and_a_cue_start_a_second_statement_of_the_same_speaker():
    text = 'وقال المدرب ماركو فيدال إن الفريق "لم يكن في يومه" لكنه أكد أن التحضير يسير كما خُطط له.'
    first = by_text(text, "لم يكن في يومه")
    second = by_text(text, "التحضير يسير")
    assert first.text.endswith('يومه"') and second.cue == "أكد"
    assert same(second.speaker_canonical, "ماركو فيدال")


def test_a_body_whose_name_looks_like_a_nisba_is_not_a_title():
    text = "وأعلنت الاتحادية التونسية لكرة اليد في بيان أن التذاكر نفدت."
    q = by_text(text, "التذاكر نفدت")
    assert same(q.speaker_canonical, "الاتحادية التونسية لكرة اليد") and q.title is None


def test_a_continuation_after_an_amma_topic_continues_that_topic():
    text = ("قال رئيس البلدية سامي عون إن الفرق تعمل. وقال الأهالي إن المياه لم تنحسر. أما جيرانه فقد اشتكوا "
            "من تأخر الإغاثة. وأضافوا أن أحداً لم يزرهم منذ يومين.")
    q = by_text(text, "لم يزرهم")
    assert same(q.speaker_canonical, "جيرانه")


def test_human_plurals_of_everyday_reporting_take_plural_verbs():
    text = ("وقال مصدران في الوزارة إن الأجور ستُصرف قريباً. وقالت العاملات في المصنع إن الرواتب تأخرت. "
            "وأضفن أن ساعات العمل طويلة.")
    q = by_text(text, "ساعات العمل")
    assert same(q.speaker_canonical, "العاملات في المصنع")


def test_a_masculine_sentence_subject_does_not_speak_with_a_feminine_verb():
    text = ("وقالت الأم سلوى: «ابني مريض منذ أسبوع». وقد نصح الطبيب الذي يتابع حالته بإبقائه في البيت، "
            "لكنها قالت إنها لا تعرف ماذا تفعل.")
    q = by_text(text, "لا تعرف ماذا")
    assert "الطبيب" not in (q.speaker_canonical or "")


# --- session 4: forms found by reading wire copy of our own -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "وحثّت وزارة الخارجية الكويتية، في بيان صدر مساء الجمعة، الأطراف المتنازعة على العودة إلى طاولة الحوار.",
        "ودعا المجلس الوطني للصحفيين، في بيان، النقابات المهنية إلى التضامن مع الزملاء المعتقلين.",
    ],
)
def test_after_an_adjunct_a_call_verbs_object_is_not_a_title(text):
    q = run(text)[0]
    assert q.title is None, q.title


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وجاء في البيان الصادر عن هيئة الطيران المدني أن الرحلات ستستأنف تدريجياً.", "هيئة الطيران المدني"),
        ("وورد في تقرير صادر عن صندوق النقد الدولي أن الدين العام تجاوز حدود الأمان.", "صندوق النقد الدولي"),
        ("وجاء في البيان الختامي الصادر عن مؤتمر المانحين أن التعهدات بلغت ملياري دولار.", "مؤتمر المانحين"),
    ],
)
def test_a_document_issued_by_a_body_speaks_for_that_body(text, speaker):
    q = run(text)[0]
    assert same(q.speaker_canonical, speaker), q.speaker_canonical


def test_nasaba_ila_is_a_relay():
    text = "ونسبت صحيفة معاريف إلى ضابط كبير في الاحتياط قوله إن الكتائب تعاني نقصاً في العتاد."
    q = by_text(text, "الكتائب تعاني")
    assert same(q.speaker_canonical, "ضابط كبير في الاحتياط")
    assert q.via is not None and "معاريف" in q.via
    assert "relay" in q.reason


def test_nasab_as_the_plural_of_ratio_is_not_a_cue():
    assert run("وتراوحت نسب النجاح في المدارس الحكومية بين ستين وسبعين في المئة.") == []


@pytest.mark.parametrize(
    ("text", "stype"),
    [
        ("وأعلنت تونس والجزائر أنهما ستفتحان معبراً حدودياً جديداً.", "organization"),
        ("وقالت خمسة مصادر مصرفية إن البنك سيخفض الفائدة.", "anonymous_source"),
    ],
)
def test_speaker_type_of_states_and_counted_sources(text, stype):
    assert run(text)[0].speaker_type == stype


def test_a_counted_anonymous_source_in_the_body_speaks_a_plain_sources_headline():
    text = (
        "مصادر: الشركة تدرس بيع وحدة الأسمدة\n\n"
        "قالت ثلاثة مصادر في قطاع الصناعة يوم الاثنين إن الشركة تدرس بيع وحدة الأسمدة التابعة لها.\n"
        "وقال أحد المصادر إن القرار سيتخذ قبل نهاية العام."
    )
    q = next(q for q in run(text) if q.cue == ":")
    assert same(q.speaker_canonical, "ثلاثة مصادر في قطاع الصناعة"), q.speaker_canonical


def test_a_report_anaphor_with_no_report_named_before_is_not_the_last_speaker():
    text = (
        "وقال رئيس البلدية منير الخطيب إن أعمال الصيانة ستنتهي الشهر المقبل.\n"
        "وأشار التقرير إلى أن نصف الطرق في المدينة بحاجة إلى تعبيد."
    )
    q = by_text(text, "نصف الطرق")
    assert not same(q.speaker_canonical, "منير الخطيب")


def test_a_report_anaphor_finds_the_body_that_spoke_in_that_report():
    text = (
        "وقالت منظمة أطباء بلا حدود في تقرير نشرته اليوم إن العيادات المتنقلة توقفت عن العمل.\n"
        "وأشار التقرير إلى أن آلاف المرضى حرموا من العلاج."
    )
    q = by_text(text, "آلاف المرضى")
    assert same(q.speaker_canonical, "منظمة أطباء بلا حدود")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("وقال دبلوماسيون غربيون لشبكة سي إن إن إن مجلس الأمن سيصوت الخميس.", "مجلس الأمن"),
        ("وذكرت شبكة إن بي سي إن وزير الدفاع قدم استقالته.", "وزير الدفاع"),
    ],
)
def test_an_outlet_spelled_in_letter_names_is_not_a_complementizer(text, start):
    q = run(text)[0]
    assert q.text.startswith(start), q.text


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("وهددت نقابة المعلمين بتعليق الدراسة في المدارس الحكومية إذا لم تصرف العلاوات.", "تعليق الدراسة", "نقابة المعلمين"),
        ("وتوعد قائد الشرطة صالح الدوري بـ«ملاحقة كل من تورط» في أعمال الشغب.", "ملاحقة كل", "صالح الدوري"),
    ],
)
def test_a_threat_with_its_content_is_reported_speech(text, fragment, speaker):
    q = by_text(text, fragment)
    assert same(q.speaker_canonical, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "ولندن تتوعد بالرد\n\nوصل الوفد إلى العاصمة صباح اليوم.",  # a bare threat names an act
        "وقالت البلدية إن عشرات المنازل مهددة بالانهيار.",  # the passive participle is not a cue
    ],
)
def test_a_bare_threat_or_a_threatened_thing_is_not_a_quote(text):
    assert all("بالرد" not in q.text and q.cue not in ("تتوعد", "مهددة") for q in run(text))


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("وطالبت رابطة الأسرى رئيس الحكومة بنيامين نتنياهو بإبرام صفقة تبادل قبل نهاية الشهر.", "إبرام صفقة", "رابطة الأسرى"),
        ("واتهمت الحركة بسام الصالح بتسريب وثائق داخلية إلى الصحافة.", "تسريب وثائق", "الحركة"),
        ("وطالبت النقابة الوزير بالاعتذار العلني عن تصريحاته بحق الممرضين.", "الاعتذار العلني", "النقابة"),
    ],
)
def test_a_name_that_begins_with_ba_is_an_object_not_the_preposition(text, content, speaker):
    q = run(text)[0]
    assert q.text.startswith(content), q.text
    assert same(q.speaker, speaker), q.speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقالت مبادرة «خبز وكرامة» إن المتطوعين وزعوا ألف ربطة خبز.\nوأوضحت المبادرة أن التوزيع سيستمر طوال الشتاء.", "مبادرة «خبز وكرامة»"),
        ("وقال مستشفى الأمل التخصصي إن المولدات توقفت ظهراً.\nوأضاف المستشفى أن حياة عشرين مريضاً في خطر.", "مستشفى الأمل التخصصي"),
        ("وذكرت خلية الإعلام الحربي أن الطائرات استهدفت وكراً للمسلحين.\nوأكدت الخلية أن العملية ما زالت مستمرة.", "خلية الإعلام الحربي"),
    ],
)
def test_the_head_noun_of_a_body_named_before_points_back_to_it(text, speaker):
    q = run(text)[-1]
    assert same(q.speaker_canonical, speaker), q.speaker_canonical


def test_a_defective_verbs_feminine_plural_is_not_a_short_name():
    # رون is a name; the feminine plural of روى is روين
    text = "هاجم النائب المستقل، رون باراك، الحكومة، وكتب على حسابه: \"لن نصمت بعد اليوم\"."
    q = by_text(text, "لن نصمت")
    assert same(q.speaker_canonical, "رون باراك")


def test_an_unknown_verb_before_a_body_noun_opens_the_sentence():
    text = "شجبت وزارة الخارجية القطرية، مساء الأحد، قصف المخيم، وقالت إن الهجوم يمثل تصعيداً خطيراً."
    q = by_text(text, "يمثل تصعيداً")
    assert same(q.speaker_canonical, "وزارة الخارجية القطرية")


def test_a_relayed_source_that_was_not_named_keeps_the_relay():
    text = "ونقلت صحيفة الأنباء عن نائب لم تسمّه أن الجلسة ستعقد غداً، مضيفاً أن النصاب مؤمّن."
    first = by_text(text, "الجلسة ستعقد")
    second = by_text(text, "النصاب مؤمّن")
    assert same(first.speaker_canonical, "نائب") and first.via is not None
    assert same(second.speaker_canonical, "نائب")


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        ("وقال مختار البلدة، أبو سليم الزعبي: «المياه مقطوعة منذ أسبوع».", "أبو سليم الزعبي", "مختار البلدة"),
        ("وقال إمام الجامع الكبير، عبد الرؤوف الصافي، إن التبرعات تجاوزت التوقعات.", "عبد الرؤوف الصافي", "إمام الجامع الكبير"),
    ],
)
def test_a_role_in_construct_then_the_name_between_commas(text, speaker, title):
    q = run(text)[0]
    assert same(q.speaker_canonical, speaker) and same(q.title, title), (q.speaker_canonical, q.title)


def test_the_dutch_particle_van_is_not_fa_inna():
    text = "وقال المبعوث الأوروبي، يان فان ليوين، إن المحادثات ستستأنف الشهر المقبل."
    q = run(text)[0]
    assert same(q.speaker_canonical, "يان فان ليوين") and q.text.startswith("المحادثات")


def test_a_genitive_ending_in_waw_alif_is_not_a_plural_verb():
    text = "وقال كريستيان مولر، المدير الإقليمي للأونروا، إن العيادات ستغلق أبوابها."
    q = run(text)[0]
    assert same(q.speaker_canonical, "كريستيان مولر") and q.text.startswith("العيادات")


def test_a_name_between_commas_after_a_title_is_a_name_even_when_it_is_also_a_place():
    # جورجيا is a country and a given name: between commas after a title it is the person
    text = "في المقابل، دافعت وزيرة العمل الإيطالية، جورجيا بينيتي، عن خطتها، وقالت للصحفيين إن المراكز ستفتح قريباً."
    q = by_text(text, "المراكز ستفتح")
    assert same(q.speaker_canonical, "جورجيا بينيتي"), q.speaker_canonical


def test_a_cue_form_after_a_pronoun_is_the_predicate_noun():
    # طالب is "demanded" and "student": after وهو it is the noun
    text = "ويقول سامر، وهو طالب بكلية الهندسة، إن الامتحان كان أطول من المعتاد."
    qs = run(text)
    assert len(qs) == 1 and qs[0].cue == "ويقول" and same(qs[0].speaker_canonical, "سامر")


def test_an_accusative_quantifier_keeps_what_it_counts():
    text = "غير أن عدداً من الأطباء المقيمين قالوا إن المناوبات تجاوزت طاقتهم."
    q = run(text)[0]
    assert same(q.speaker_canonical, "عدداً من الأطباء المقيمين"), q.speaker_canonical


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("غير أن موظفاً في دائرة الأراضي، فضّل عدم ذكر اسمه، قال إن الملفات اختفت من الأرشيف.", "موظفاً في دائرة الأراضي"),
        ("لكن ممرضات في المستشفى ذاته، تحدثن إلى «النهار» شرط عدم ذكر أسمائهن، قلن إن الأجور تأخرت شهرين.", "ممرضات في المستشفى ذاته"),
    ],
)
def test_a_clause_about_an_anonymous_source_between_commas_before_its_verb(text, speaker):
    q = run(text)[0]
    assert same(q.speaker_canonical, speaker), q.speaker_canonical


def test_bare_kashafa_after_a_long_subject_with_an_anonymity_clause():
    text = "غير أن مسؤولاً في هيئة الموانئ البحرية كشف، طالباً عدم الكشف عن اسمه، أن الرافعات معطلة منذ أسابيع."
    q = by_text(text, "الرافعات معطلة")
    assert same(q.speaker_canonical, "مسؤولاً في هيئة الموانئ البحرية"), q.speaker_canonical


def test_announced_deaths_of_martyrs_are_a_report():
    text = "أعلنت وزارة الصحة، صباح الأحد، استشهاد أربعة مواطنين برصاص قوات الاحتلال في طوباس."
    q = run(text)[0]
    assert q.text.startswith("استشهاد") and same(q.speaker_canonical, "وزارة الصحة")


@pytest.mark.parametrize("verb", ["وصاح", "وصرخ", "وهتف"])
def test_a_raised_voice_reports_speech(verb):
    text = f"{verb} أحد المعتصمين أمام البوابة: «لن نغادر قبل أن نسمع جواباً»."
    q = run(text)[0]
    assert q.kind == "direct" and same(q.speaker_canonical, "أحد المعتصمين")


def test_ala_lisan_with_a_title_and_a_name_between_commas_and_a_quoted_outlet():
    text = "وجاء على لسان الناطقة باسم البلدية، سناء الخوري، في حديث لإذاعة \"صوت المدينة\"، أن الحاويات الجديدة ستصل غداً."
    q = run(text)[0]
    assert same(q.speaker_canonical, "سناء الخوري") and same(q.title, "الناطقة باسم البلدية")
    assert q.text.startswith("الحاويات")


def test_a_call_participle_with_an_object_and_a_clause():
    text = "وقال الاتحاد إن الحكم أخطأ في ثلاث حالات، مطالباً اللجنة بأن تنشر تسجيلات الفيديو كاملة."
    q = by_text(text, "تنشر تسجيلات")
    assert q.cue == "مطالباً" and same(q.speaker_canonical, "الاتحاد")


def test_a_circumstantial_clause_between_the_cue_and_its_colon():
    text = "وقال سالم الرواحي إن المحل خسر زبائنه. ويضيف وهو يشير إلى الرصيف المكسور: «لا أحد يمر من هنا»."
    q = by_text(text, "لا أحد يمر")
    assert q.kind == "direct" and same(q.speaker_canonical, "سالم الرواحي")


def test_a_parallel_event_after_fima_is_the_writers():
    text = "وقال أهالي الحي إنهم سيتقدمون بشكوى إلى المحافظ، فيما انتشرت على مواقع التواصل صور للنفايات."
    q = run(text)[0]
    assert q.text.endswith("المحافظ"), q.text


def test_a_voweled_passive_names_no_speaker():
    text = "أغلقت البلدية الطريق الساحلي بسبب عاصفة يُتوقع أن تضرب المنطقة مساء اليوم."
    assert run(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال أحد المزارعين، ويُدعى صالح عمران، إن المحصول تلف بالكامل.", "صالح عمران"),
        ("وقالت إحدى المعلمات، وتدعى سهام، إن الرواتب تأخرت شهرين.", "سهام"),
    ],
)
def test_the_name_a_described_person_goes_by(text, speaker):
    q = run(text)[0]
    assert q.cue.startswith("وقال") and same(q.speaker_canonical, speaker)


def test_yaddai_followed_by_a_subject_is_still_a_claim():
    q = run("ويدعي المتهم أن الأموال كانت قرضاً شخصياً.")[0]
    assert same(q.speaker_canonical, "المتهم")


@pytest.mark.parametrize(
    ("text", "speaker", "stype"),
    [
        ("ووفقاً لقرار المحكمة، فإن المتهمين يتحملون التعويضات كاملة.", "قرار المحكمة", None),
        ("ووفقاً لمصادر دبلوماسية، فإن القمة ستعقد في موعدها.", "مصادر دبلوماسية", "anonymous_source"),
        ("ووفقاً لتقرير هيئة الرقابة الأخير، فإن العجز تضاعف.", "هيئة الرقابة", None),
    ],
)
def test_wafqan_li_drops_the_preposition_and_the_reports_adjective(text, speaker, stype):
    q = run(text)[0]
    assert q.speaker_canonical == speaker, q.speaker_canonical
    assert stype is None or q.speaker_type == stype


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وقال المتحدث إن الوفد جاد، متهماً الطرف الآخر بأنه نقض الاتفاق مرتين.", "نقض الاتفاق مرتين"),
        ("وقال المتحدث إن الوفد جاد، متهماً الطرف الآخر بشن هجمات على القرى.", "شن هجمات على القرى"),
    ],
)
def test_an_accusation_after_its_object_with_bi_anna_or_a_short_masdar(text, content):
    q = by_text(text, content)
    assert q.cue == "متهماً" and q.text == content


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("واتهم الوزير الجيش بأنه تجاوز صلاحياته.", "الوزير"),
        ("كما دعت الوزارة واشنطن إلى تصحيح أخطائها فوراً.", "الوزارة"),
    ],
)
def test_the_object_of_a_call_or_accusation_is_not_part_of_the_subject(text, speaker):
    q = run(text)[0]
    assert q.speaker == speaker, q.speaker


@pytest.mark.parametrize(
    ("tail", "keep"),
    [
        ("، في وقت تتواصل فيه المعارك على الجبهة الشرقية.", "لا تراعي الواقع"),
        ("، وسط توقعات بعودة الملف إلى طاولة القادة.", "لا تراعي الواقع"),
        ("، من دون أن يذكر تفاصيل إضافية.", "لا تراعي الواقع"),
    ],
)
def test_the_writers_setting_after_a_comma_ends_the_content(tail, keep):
    text = "وقال المتحدث باسم الرئاسة إن المقترحات \"لا تراعي الواقع\"" + tail
    q = run(text)[0]
    assert q.text.rstrip('"') .endswith(keep), q.text


def test_mudhakkiran_reminding_opens_a_new_quote():
    text = "وحذر وزير المالية من أن الأسواق قلقة، مذكّراً بأن وكالة التصنيف خفضت تقييم البلاد الشهر الماضي."
    qs = run(text)
    assert [q.cue for q in qs] == ["وحذر", "مذكّراً"]


def test_a_surname_beginning_with_ba_closes_an_apposition():
    text = "ورد المتحدث باسم الحكومة، أركادي بيلوسوف، على سؤال حول المهلة بالقول إن القرار لم يتخذ بعد."
    q = by_text(text, "القرار لم يتخذ")
    assert same(q.speaker_canonical, "أركادي بيلوسوف"), q.speaker_canonical


def test_the_one_asked_answers():
    text = ("وقالت المتحدثة باسم الوزارة، سلمى الراشد، إن الخطة جاهزة.\n"
            "وسألها أحد المراسلين عن موعد التنفيذ، فأجابت بأن التنفيذ يبدأ الشهر المقبل.")
    q = by_text(text, "التنفيذ يبدأ")
    assert same(q.speaker_canonical, "سلمى الراشد"), q.speaker_canonical


def test_a_relative_clause_that_names_the_speaker():
    text = "وروى أحد الناجين، وهو صياد يدعى منصور الحداد، للصحيفة: «رأينا الموج يبتلع القارب»."
    q = run(text)[0]
    assert same(q.speaker_canonical, "منصور الحداد"), q.speaker_canonical


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("«لن نغادر أرضنا مهما طال الحصار»، جاء ذلك على لسان رئيس المجلس القروي، فايز عودة، أمام المعتصمين.", "فايز عودة"),
        ("«سنعيد فتح المعبر قبل نهاية الأسبوع»، جاء ذلك في كلمة لوزير النقل خلال افتتاح الطريق.", "وزير النقل"),
    ],
)
def test_a_fronted_quote_attributed_by_jaa_dhalika(text, speaker):
    q = run(text)[0]
    assert q.kind == "direct" and same(q.speaker_canonical, speaker), q.speaker_canonical


def test_envoys_keep_where_they_are_posted_but_upon_arrival_is_an_adjunct():
    first = run("وقال مندوب الأردن لدى الجامعة العربية إن بلاده تدعم المبادرة.")[0]
    second = run("وقال المبعوث لدى وصوله إلى المطار إن المهمة صعبة.")[0]
    assert same(first.speaker, "مندوب الأردن لدى الجامعة العربية")
    assert same(second.speaker, "المبعوث")


def test_a_second_body_in_construct_after_an_accusing_body_is_its_object():
    text = "وحمّلت وزارة الخارجية الأردنية حكومة الاحتلال المسؤولية الكاملة عن التصعيد، وقالت إن الاقتحامات مرفوضة."
    q = by_text(text, "الاقتحامات مرفوضة")
    assert same(q.speaker_canonical, "وزارة الخارجية الأردنية"), q.speaker_canonical


def test_a_headline_of_people_named_by_who_they_are_with_quoted_words():
    text = ("سكان المخيم: «لم نعد نحتمل الانتظار»\n\n"
            "تجمع المئات أمام مقر البلدية صباح اليوم. وقال سكان المخيم إن المياه مقطوعة منذ أسبوعين.")
    q = next(q for q in run(text) if q.cue == ":")
    assert same(q.speaker_canonical, "سكان المخيم") and q.kind == "direct"


@pytest.mark.parametrize(
    "headline",
    ["«الصحة» تعلن خطة جديدة لمواجهة الحمى النزفية", "الاتحاد الأوروبي يطالب بهدنة إنسانية فورية في دارفور"],
)
def test_a_verb_headline_announces_the_story_and_is_no_quote(headline):
    text = f"أخبار | دولي\n\n{headline}\n\nقالت المتحدثة باسم الوزارة إن الخطة تبدأ الأحد."
    qs = run(text)
    assert [q.cue for q in qs] == ["قالت"], [(q.cue, q.text) for q in qs]


def test_a_plural_call_verb_takes_a_singular_noun_as_its_object():
    text = "وانتقد النواب الموازنة الجديدة. ودعوا الحكومة إلى خفض الإنفاق الجاري."
    q = by_text(text, "خفض الإنفاق")
    assert same(q.speaker_canonical, "النواب"), q.speaker_canonical


def test_unmarked_colon_speech_ends_before_the_next_reporting_sentence():
    text = "وقال رئيس البلدية، نادر عيسى، للصحفيين: لن نترك أي شارع دون إنارة. وأضاف أن العمل يبدأ غداً."
    first = run(text)[0]
    assert first.text == "لن نترك أي شارع دون إنارة", first.text


def test_a_counted_noun_is_not_a_verb_and_a_paragraph_break_is_not_a_space():
    text = "وبلغ عدد المتقدمين نحو ثلاثة آلاف طالب مقارنة بالعام الماضي في 2024\n\nوطالب المجلس بزيادة المقاعد الجامعية."
    qs = run(text)
    assert [q.cue for q in qs] == ["وطالب"], [(q.cue, q.text) for q in qs]


def test_the_writers_inference_after_ma_yani_ends_the_content():
    text = "وقال محللون إن البنك سيبقي الفائدة دون تغيير، ما يعني أن القرار لن يفاجئ الأسواق."
    assert run(text)[0].text == "البنك سيبقي الفائدة دون تغيير"


def test_complaints_report_speech():
    q = run("ويشكو تجار السوق القديم من أن الإيجارات تضاعفت خلال عام.")[0]
    assert same(q.speaker_canonical, "تجار السوق القديم") and q.text.startswith("الإيجارات")


def test_a_definite_body_after_a_definite_body_is_the_object_but_a_nisba_is_not():
    first = run("ودعت الوزارة الاتحاد الأفريقي إلى تحمل مسؤولياته.")[0]
    second = run("وطالبت الحكومة الاتحادية بوقف التصعيد فوراً.")[0]
    assert first.speaker == "الوزارة" and second.speaker == "الحكومة الاتحادية"


def test_a_verb_before_the_subject_of_a_later_cue_is_not_part_of_the_name():
    text = "وقبل أن يغلق المحل مساءً، يرتب أبو خليل الرفوف ويقول: «هذا الدكان عمري كله»."
    q = run(text)[0]
    assert same(q.speaker_canonical, "أبو خليل"), q.speaker_canonical


def test_an_honorific_inside_a_long_title_starts_the_name():
    q = run("وقال عميد كلية الهندسة الدكتور ماجد السعدي إن الكلية ستفتح تخصصاً جديداً.")[0]
    assert same(q.speaker_canonical, "ماجد السعدي") and same(q.title, "عميد كلية الهندسة")


def test_after_a_subjects_adjective_a_verbal_noun_opens_the_object():
    text = "وانتقد نواب في الكتلة البرلمانية تأجيل الجلسة، معتبرين أن التأجيل يعطل مصالح الناس."
    q = by_text(text, "التأجيل يعطل")
    assert same(q.speaker_canonical, "نواب في الكتلة البرلمانية"), q.speaker_canonical


def test_a_title_gives_a_speakers_gender_for_a_later_dropped_subject():
    text = ("قالت هيئة الموانئ إن الرصيف الجديد جاهز. وبحسب مدير الميناء سيرغي دوبروف، تستقبل المحطة عشر سفن يومياً.\n\n"
            "وأضافت أن التوسعة الثانية تبدأ الشهر المقبل.")
    q = by_text(text, "التوسعة الثانية")
    assert same(q.speaker_canonical, "هيئة الموانئ"), q.speaker_canonical


def test_a_possessed_verbal_noun_after_the_subject_is_the_object():
    text = "وأبدى مزارعون في الوادي استياءهم من تأخر التعويضات، وقالوا إن الموسم ضاع."
    q = by_text(text, "الموسم ضاع")
    assert same(q.speaker_canonical, "مزارعون في الوادي"), q.speaker_canonical


def test_al_akhir_is_the_one_named_last():
    text = ("وقال الوزير سالم الدوري إن الخطة جاهزة. وقاطعه النائب خالد المومني بسؤال عن الكلفة.\n"
            "وأكد الأخير أن الكلفة أعلى من المعلن.")
    q = by_text(text, "الكلفة أعلى")
    assert same(q.speaker_canonical, "خالد المومني"), q.speaker_canonical


def test_a_mauritanian_name_with_the_article_before_ould():
    q = run("وقال رئيس الكتلة، الحسن ولد داهي، إن الحزب سيطعن في النتائج.")[0]
    assert same(q.speaker_canonical, "الحسن ولد داهي"), q.speaker_canonical
