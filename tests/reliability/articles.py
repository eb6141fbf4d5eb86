"""Arabic test articles written for these tests, and helpers to build files in every format."""

from __future__ import annotations

ARTICLE = (
    "الحكومة تعلن ميزانية العام المقبل\n"
    "وقال وزير المالية خالد العمري إن الميزانية الجديدة ستدعم المدارس والمستشفيات في كل المحافظات.\n"
    "وأضاف العمري: «لن نرفع أسعار الخبز هذا العام، والعجز سينخفض إلى ٣ في المئة».\n"
    "من جهتها، قالت النائبة سلمى الحداد إن الأرقام المعلنة تحتاج إلى مراجعة مستقلة.\n"
)

HTML_PAGE = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="{charset}"><title>ميزانية العام المقبل</title>
<style>body {{ font-family: serif }}</style></head>
<body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li><li><a href="/eco">اقتصاد</a></li></ul></nav>
<div class="share">شارك على الشبكات</div>
<article>
<h1>الحكومة تعلن ميزانية العام المقبل</h1>
<p>وقال وزير المالية خالد العمري إن الميزانية الجديدة ستدعم المدارس والمستشفيات في كل المحافظات.</p>
<p>وأضاف العمري: «لن نرفع أسعار الخبز هذا العام، والعجز سينخفض إلى ٣ في المئة».</p>
<p>من جهتها، قالت النائبة سلمى الحداد إن الأرقام المعلنة تحتاج إلى مراجعة مستقلة.</p>
</article>
<footer>جميع الحقوق محفوظة لموقع الأخبار التجريبي</footer>
<script>var cue = "وقال المتحدث إن الإعلان مدفوع";</script>
</body></html>
"""

# Each hazard as it appears in real articles, applied to ARTICLE.
HAZARDS: dict[str, tuple[str, str]] = {
    "bidi controls": ("خالد العمري", "\u200fخالد \u2067العمري\u2069"),
    "zero-width joiners": ("الميزانية", "الميز\u200dانية\u200c"),
    "tatweel": ("وقال", "وقـــال"),
    "diacritics": ("وأضاف", "وأَضافَ"),
    "arabic-indic digits": ("٣", "٣٫٥"),
    "persian digits": ("٣", "۳"),
    "emoji": ("العام،", "العام 🙂👩\u200d👩\u200d👧🇸🇦،"),
}
