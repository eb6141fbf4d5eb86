"""The engine's side of linking: one call per document-level speaker, registry data on every quote of it."""

from quote_desk.core.linking_api import LinkResult
from quote_desk.core.pipeline import Extractor


class FakeLinker:
    def __init__(self):
        self.calls = []

    def link(self, mention, *, aliases=(), title=None, speaker_type=None):
        self.calls.append((mention, tuple(aliases), title, speaker_type))
        if "الأنصاري" in mention or any("الأنصاري" in a for a in aliases):
            return LinkResult("majed-al-ansari", "ماجد الأنصاري", "Majed Al-Ansari", "person", 95.0, "linked", "test")
        return None


def test_linked_speakers_get_id_english_and_registry_name():
    text = "وقال الأنصاري إن الوساطة مستمرة.\nوأضاف أن الجولة المقبلة قريبة.\nوقالت مصادر مطلعة إن الوفد وصل."
    linker = FakeLinker()
    qs = Extractor(linker=linker).extract(text, "d")
    ansari = [q for q in qs if q.speaker_id]
    assert len(ansari) == 2 and {q.speaker_canonical for q in ansari} == {"ماجد الأنصاري"}
    assert {q.speaker_en for q in ansari} == {"Majed Al-Ansari"}
    # anonymous sources are never sent to the registry
    assert all(c[3] != "anonymous_source" for c in linker.calls)
    assert len(linker.calls) == 1


def test_a_fuller_form_written_in_the_article_is_kept():
    text = "وقال المتحدث ماجد بن محمد الأنصاري إن الوساطة مستمرة."
    q = Extractor(linker=FakeLinker()).extract(text, "d")[0]
    assert q.speaker_id == "majed-al-ansari" and q.speaker_canonical == "ماجد بن محمد الأنصاري"
