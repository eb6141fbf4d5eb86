<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Actions</name>
    <message>
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <source>Import articles…</source>
        <translation>استيراد مقالات…</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <source>Import from clipboard</source>
        <translation>استيراد من الحافظة</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>مسح عوامل التصفية</translation>
    </message>
    <message>
        <source>Accept and next</source>
        <translation>قبول والتالي</translation>
    </message>
    <message>
        <source>Reject and next</source>
        <translation>رفض والتالي</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>تخطٍّ</translation>
    </message>
    <message>
        <source>Next quote</source>
        <translation>الاقتباس التالي</translation>
    </message>
    <message>
        <source>Previous quote</source>
        <translation>الاقتباس السابق</translation>
    </message>
    <message>
        <source>Edit speaker…</source>
        <translation>تعديل القائل…</translation>
    </message>
    <message>
        <source>Change kind</source>
        <translation>تغيير النوع</translation>
    </message>
    <message>
        <source>Widen quote at its start</source>
        <translation>توسيع الاقتباس من بدايته</translation>
    </message>
    <message>
        <source>Narrow quote at its start</source>
        <translation>تضييق الاقتباس من بدايته</translation>
    </message>
    <message>
        <source>Narrow quote at its end</source>
        <translation>تضييق الاقتباس من نهايته</translation>
    </message>
    <message>
        <source>Widen quote at its end</source>
        <translation>توسيع الاقتباس من نهايته</translation>
    </message>
    <message>
        <source>Accept all shown…</source>
        <translation>قبول كل المعروض…</translation>
    </message>
    <message>
        <source>Reject all shown…</source>
        <translation>رفض كل المعروض…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Import text files (UTF-8)</source>
        <translation>استيراد ملفات نصية (UTF-8)</translation>
    </message>
    <message>
        <source>Export quotes to CSV or JSONL</source>
        <translation>تصدير الاقتباسات إلى CSV أو JSONL</translation>
    </message>
    <message>
        <source>Every decision is already saved</source>
        <translation>كل قرار محفوظ فور اتخاذه</translation>
    </message>
    <message>
        <source>Focus the filter box</source>
        <translation>الانتقال إلى خانة التصفية</translation>
    </message>
    <message>
        <source>Next quote without a decision</source>
        <translation>الاقتباس التالي دون قرار</translation>
    </message>
    <message>
        <source>direct → indirect → mixed</source>
        <translation>مباشر ← غير مباشر ← مختلط</translation>
    </message>
    <message>
        <source>About quote_desk</source>
        <translation>حول quote_desk</translation>
    </message>
    <message>
        <source>Version and where the desk keeps its files</source>
        <translation>الإصدار والمجلدات التي يحفظ فيها المكتب ملفاته</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>Search quotes, speakers, cues (%1)</source>
        <translation>ابحث في الاقتباسات والقائلين وأفعال القول (%1)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>تمت مراجعته</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>القائل</translation>
    </message>
    <message>
        <source>Lowest confidence shown</source>
        <translation>أدنى ثقة معروضة</translation>
    </message>
    <message>
        <source>Highest confidence shown</source>
        <translation>أعلى ثقة معروضة</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>الثقة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;مراجعة</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <source>No quotes yet. Import articles (%1), drop files here, or paste an article (%2).</source>
        <translation>لا اقتباسات بعد. استورد مقالات (%1)، أو أفلت ملفات هنا، أو الصق مقالًا (%2).</translation>
    </message>
    <message>
        <source>No quote matches the filters (%1 clears them).</source>
        <translation>لا اقتباس يطابق عوامل التصفية (%1 يمسحها).</translation>
    </message>
    <message>
        <source>Speaker: %1</source>
        <translation>القائل: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>as written: %1</source>
        <translation>كما ورد: %1</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>عبر %1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>النوع: %1</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>القرار: %1</translation>
    </message>
    <message>
        <source>review project</source>
        <translation>مشروع مراجعة</translation>
    </message>
    <message>
        <source>The review project could not be written: %1</source>
        <translation>تعذّرت الكتابة في مشروع المراجعة: %1</translation>
    </message>
    <message>
        <source>The changed quote is hidden by the filters.</source>
        <translation>الاقتباس المعدَّل مخفي بسبب عوامل التصفية.</translation>
    </message>
    <message>
        <source>Accept quote %1</source>
        <translation>قبول الاقتباس %1</translation>
    </message>
    <message>
        <source>Reject quote %1</source>
        <translation>رفض الاقتباس %1</translation>
    </message>
    <message>
        <source>End of the queue.</source>
        <translation>نهاية القائمة.</translation>
    </message>
    <message>
        <source>Start of the queue.</source>
        <translation>بداية القائمة.</translation>
    </message>
    <message>
        <source>Change kind of quote %1</source>
        <translation>تغيير نوع الاقتباس %1</translation>
    </message>
    <message>
        <source>The quote cannot change further on that side.</source>
        <translation>لا يمكن تغيير الاقتباس أكثر من هذه الجهة.</translation>
    </message>
    <message>
        <source>Widen quote %1</source>
        <translation>توسيع الاقتباس %1</translation>
    </message>
    <message>
        <source>Narrow quote %1</source>
        <translation>تضييق الاقتباس %1</translation>
    </message>
    <message>
        <source>Set speaker of quote %1</source>
        <translation>تحديد قائل الاقتباس %1</translation>
    </message>
    <message>
        <source>Bulk decision</source>
        <translation>قرار جماعي</translation>
    </message>
    <message>
        <source>You can undo this as one step.</source>
        <translation>يمكنك التراجع عن ذلك بخطوة واحدة.</translation>
    </message>
    <message>
        <source>Nothing to save: every decision is written to the project as you make it.</source>
        <translation>لا شيء للحفظ: يُكتب كل قرار في المشروع فور اتخاذه.</translation>
    </message>
    <message>
        <source>No articles found to import (.txt, .html, .docx, .jsonl, .csv).</source>
        <translation>لم يُعثر على مقالات للاستيراد (‎.txt‎، ‎.html‎، ‎.docx‎، ‎.jsonl‎، ‎.csv‎).</translation>
    </message>
    <message>
        <source>An import is already running; wait for it or cancel it.</source>
        <translation>هناك استيراد جارٍ؛ انتظره أو ألغِه.</translation>
    </message>
    <message>
        <source>Importing and extracting…</source>
        <translation>جارٍ الاستيراد والاستخراج…</translation>
    </message>
    <message>
        <source>already in the project: %1</source>
        <translation>موجود مسبقًا في المشروع: %1</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>أُلغي الاستيراد.</translation>
    </message>
    <message>
        <source>Some articles were not imported:</source>
        <translation>لم تُستورد بعض المقالات:</translation>
    </message>
    <message>
        <source>The import stopped because of an internal error: %1</source>
        <translation>توقف الاستيراد بسبب خطأ داخلي: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <source>Articles (*.txt *.html *.htm *.docx *.jsonl *.csv)</source>
        <translation>مقالات (*.txt *.html *.htm *.docx *.jsonl *.csv)</translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>فشل التصدير: %1</translation>
    </message>
    <message>
        <source>Wait for the import to finish before switching projects.</source>
        <translation>انتظر انتهاء الاستيراد قبل تبديل المشروع.</translation>
    </message>
    <message>
        <source>Open review project</source>
        <translation>فتح مشروع مراجعة</translation>
    </message>
    <message>
        <source>Review projects (*%1)</source>
        <translation>مشاريع المراجعة (*%1)</translation>
    </message>
    <message>
        <source>New review project</source>
        <translation>مشروع مراجعة جديد</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>These keys are bound to more than one action: %1</source>
        <translation>هذه المفاتيح مربوطة بأكثر من إجراء: %1</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>الاقتباس</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>القائل</translation>
    </message>
    <message>
        <source>cue</source>
        <translation>فعل القول</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 quotes reviewed</source>
        <translation>
            <numerusform>لم يُراجَع أي اقتباس من %1</numerusform>
            <numerusform>رُوجع اقتباس واحد من %1</numerusform>
            <numerusform>رُوجع اقتباسان من %1</numerusform>
            <numerusform>رُوجعت %n اقتباسات من %1</numerusform>
            <numerusform>رُوجع %n اقتباسًا من %1</numerusform>
            <numerusform>رُوجع %n اقتباس من %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>لا شيء معروض</numerusform>
            <numerusform>اقتباس واحد معروض</numerusform>
            <numerusform>اقتباسان معروضان</numerusform>
            <numerusform>%n اقتباسات معروضة</numerusform>
            <numerusform>%n اقتباسًا معروضًا</numerusform>
            <numerusform>%n اقتباس معروض</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept all %n shown quotes?</source>
        <translation>
            <numerusform>قبول الاقتباسات المعروضة؟</numerusform>
            <numerusform>قبول الاقتباس المعروض الوحيد؟</numerusform>
            <numerusform>قبول الاقتباسين المعروضين؟</numerusform>
            <numerusform>قبول الاقتباسات المعروضة الـ%n؟</numerusform>
            <numerusform>قبول الاقتباسات المعروضة (%n اقتباسًا)؟</numerusform>
            <numerusform>قبول الاقتباسات المعروضة (%n اقتباس)؟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject all %n shown quotes?</source>
        <translation>
            <numerusform>رفض الاقتباسات المعروضة؟</numerusform>
            <numerusform>رفض الاقتباس المعروض الوحيد؟</numerusform>
            <numerusform>رفض الاقتباسين المعروضين؟</numerusform>
            <numerusform>رفض الاقتباسات المعروضة الـ%n؟</numerusform>
            <numerusform>رفض الاقتباسات المعروضة (%n اقتباسًا)؟</numerusform>
            <numerusform>رفض الاقتباسات المعروضة (%n اقتباس)؟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n quotes</source>
        <translation>
            <numerusform>قبول لا اقتباسات</numerusform>
            <numerusform>قبول اقتباس واحد</numerusform>
            <numerusform>قبول اقتباسين</numerusform>
            <numerusform>قبول %n اقتباسات</numerusform>
            <numerusform>قبول %n اقتباسًا</numerusform>
            <numerusform>قبول %n اقتباس</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n quotes</source>
        <translation>
            <numerusform>رفض لا اقتباسات</numerusform>
            <numerusform>رفض اقتباس واحد</numerusform>
            <numerusform>رفض اقتباسين</numerusform>
            <numerusform>رفض %n اقتباسات</numerusform>
            <numerusform>رفض %n اقتباسًا</numerusform>
            <numerusform>رفض %n اقتباس</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s)</source>
        <translation>
            <numerusform>لم يُستورد أي مقال</numerusform>
            <numerusform>استُورد مقال واحد</numerusform>
            <numerusform>استُورد مقالان</numerusform>
            <numerusform>استُوردت %n مقالات</numerusform>
            <numerusform>استُورد %n مقالًا</numerusform>
            <numerusform>استُورد %n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new quote(s)</source>
        <translation>
            <numerusform>لا اقتباسات جديدة</numerusform>
            <numerusform>اقتباس جديد واحد</numerusform>
            <numerusform>اقتباسان جديدان</numerusform>
            <numerusform>%n اقتباسات جديدة</numerusform>
            <numerusform>%n اقتباسًا جديدًا</numerusform>
            <numerusform>%n اقتباس جديد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n quote(s)</source>
        <translation>
            <numerusform>لم يُصدَّر أي اقتباس</numerusform>
            <numerusform>صُدِّر اقتباس واحد</numerusform>
            <numerusform>صُدِّر اقتباسان</numerusform>
            <numerusform>صُدِّرت %n اقتباسات</numerusform>
            <numerusform>صُدِّر %n اقتباسًا</numerusform>
            <numerusform>صُدِّر %n اقتباس</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1 to the speaker registry.</source>
        <translation>أُضيف %1 إلى سجل القائلين.</translation>
    </message>
    <message>
        <source>Not added to the registry: %1</source>
        <translation>لم تُضف إلى السجل: %1</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>الملف %1 موجود. هل تريد استبداله؟</translation>
    </message>
    <message>
        <source>Restore the latest backup (%1)? The damaged file is kept beside it.</source>
        <translation>هل تريد استعادة آخر نسخة احتياطية (%1)؟ سيُحفظ الملف التالف بجانبها.</translation>
    </message>
    <message>
        <source>The backup could not be restored: %1</source>
        <translation>تعذّرت استعادة النسخة الاحتياطية: %1</translation>
    </message>
    <message>
        <source>Restored the backup of %1; the damaged file is kept as %2</source>
        <translation>استُعيدت النسخة الاحتياطية المأخوذة في %1؛ وحُفظ الملف التالف باسم %2</translation>
    </message>
    <message>
        <source>The desk opened %1 instead.</source>
        <translation>فتحت المنضدة %1 بدلاً منه.</translation>
    </message>
    <message>
        <source>The review project %1 could not be opened.</source>
        <translation>تعذّر فتح مشروع المراجعة %1.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Export quotes</source>
        <translation>تصدير الاقتباسات</translation>
    </message>
    <message>
        <source>Excel (UTF-8 with BOM, formulas neutralised)</source>
        <translation>إكسل (UTF-8 مع BOM، مع تعطيل الصيغ)</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>فاصلة</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>فاصلة منقوطة</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>جدولة</translation>
    </message>
    <message>
        <source>Accepted quotes (%1)</source>
        <translation>الاقتباسات المقبولة (%1)</translation>
    </message>
    <message>
        <source>Quotes shown by the current filter (%1)</source>
        <translation>الاقتباسات المعروضة حسب التصفية الحالية (%1)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>CSV profile</source>
        <translation>نمط CSV</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>الفاصل</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>اسم المراجِع</translation>
    </message>
    <message>
        <source>Language changes apply the next time the desk opens.</source>
        <translation>يسري تغيير اللغة عند فتح المكتب في المرة القادمة.</translation>
    </message>
    <message>
        <source>Shortcuts (the first key of each action; other default keys stay)</source>
        <translation>الاختصارات (المفتاح الأول لكل إجراء؛ تبقى المفاتيح الافتراضية الأخرى)</translation>
    </message>
    <message>
        <source>Raw (UTF-8, text as stored; not safe to open in a spreadsheet)</source>
        <translation>خام (UTF-8، النص كما خُزّن؛ غير آمن للفتح في جداول البيانات)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>البناء</translation>
    </message>
    <message>
        <source>frozen app</source>
        <translation>تطبيق مستقل</translation>
    </message>
    <message>
        <source>Python package</source>
        <translation>حزمة بايثون</translation>
    </message>
    <message>
        <source>Settings folder</source>
        <translation>مجلد الإعدادات</translation>
    </message>
    <message>
        <source>Projects folder</source>
        <translation>مجلد المشاريع</translation>
    </message>
    <message>
        <source>Speaker registry folder</source>
        <translation>مجلد سجل القائلين</translation>
    </message>
    <message>
        <source>Resources folder</source>
        <translation>مجلد الموارد</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>غير موجود</translation>
    </message>
    <message>
        <source>About quote_desk</source>
        <translation>حول quote_desk</translation>
    </message>
    <message>
        <source>Finds reported speech in Arabic news, links it to its speakers, and lets editors verify and export it.</source>
        <translation>يعثر على الكلام المنقول في الأخبار العربية، وينسبه إلى قائليه، ويتيح للمحررين التحقق منه وتصديره.</translation>
    </message>
    <message>
        <source>MIT licence. Uses Qt (LGPLv3) through PySide6.</source>
        <translation>ترخيص MIT. يستخدم Qt (LGPLv3) عبر PySide6.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>نسخ التفاصيل</translation>
    </message>
    <message>
        <source>General</source>
        <translation>عام</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>النماذج</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Press any key to close. Shortcuts can be changed in Settings.</source>
        <translation>اضغط أي مفتاح للإغلاق. يمكن تغيير الاختصارات من الإعدادات.</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>The rules-only engine needs no models. The stanza backend adds Arabic clitic splitting, verb features, named entities and dependencies; it needs the Arabic stanza models on this computer.</source>
        <translation>لا يحتاج محرك القواعد وحدها إلى أي نماذج. تضيف واجهة stanza الخلفية فصل اللواحق العربية وسمات الأفعال والكيانات المسماة والعلاقات النحوية، وتحتاج إلى نماذج stanza العربية على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Rules only</source>
        <translation>القواعد وحدها</translation>
    </message>
    <message>
        <source>Stanza (needs the Arabic models)</source>
        <translation>Stanza (تحتاج إلى النماذج العربية)</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>تغيير…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>الافتراضي</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>تثبيت</translation>
    </message>
    <message>
        <source>Download the Arabic models with stanza's downloader (needs internet)</source>
        <translation>تنزيل النماذج العربية بأداة التنزيل في stanza (يحتاج إلى اتصال بالإنترنت)</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>إزالة…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Cancel install</source>
        <translation>إلغاء التثبيت</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>الواجهة الخلفية</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>مجلد النماذج</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>غير مثبّتة</translation>
    </message>
    <message>
        <source>Remove models</source>
        <translation>إزالة النماذج</translation>
    </message>
    <message>
        <source>Rules only: stanza unavailable</source>
        <translation>القواعد وحدها: stanza غير متاحة</translation>
    </message>
    <message>
        <source>Settings → Models installs the models or switches back to rules only.</source>
        <translation>من الإعدادات ← النماذج يمكنك تثبيت النماذج أو العودة إلى القواعد وحدها.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>مفقود</translation>
    </message>
    <message>
        <source>Cancelling after the current file…</source>
        <translation>سيُلغى التثبيت بعد الملف الحالي…</translation>
    </message>
    <message>
        <source>Install cancelled; the files already fetched are kept and the next install continues from them.</source>
        <translation>أُلغي التثبيت؛ تُحفظ الملفات التي نُزّلت، ويكمل التثبيت التالي من حيث توقف.</translation>
    </message>
    <message>
        <source>Installing the Arabic models into %1…</source>
        <translation>جارٍ تثبيت النماذج العربية في %1…</translation>
    </message>
    <message>
        <source>Delete the Arabic stanza models in %1? The rules-only engine keeps working; you can install them again later.</source>
        <translation>هل تريد حذف نماذج stanza العربية في %1؟ يبقى محرك القواعد وحدها عاملًا، ويمكنك تثبيتها مجددًا لاحقًا.</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(الافتراضي)</translation>
    </message>
    <message>
        <source>Not installed (stanza %1)</source>
        <translation>غير مثبّتة (stanza %1)</translation>
    </message>
    <message>
        <source>Installed the Arabic models (%1).</source>
        <translation>ثُبّتت النماذج العربية (%1).</translation>
    </message>
    <message>
        <source>Removed the Arabic models from %1.</source>
        <translation>أُزيلت النماذج العربية من %1.</translation>
    </message>
    <message>
        <source>No models were installed at %1; nothing removed.</source>
        <translation>لا نماذج مثبّتة في %1؛ لم يُحذف شيء.</translation>
    </message>
    <message>
        <source>The install stopped because of an internal error: %1</source>
        <translation>توقف التثبيت بسبب خطأ داخلي: %1</translation>
    </message>
    <message>
        <source>Installed: %1 models, %2 (stanza %3)</source>
        <translation>مثبّتة: %1 نماذج، %2 (stanza %3)</translation>
    </message>
    <message>
        <source>Not usable: %1 of %2 model files missing (stanza %3)</source>
        <translation>غير صالحة للاستخدام: ينقص %1 من %2 من ملفات النماذج (stanza %3)</translation>
    </message>
</context>
<context>
    <name>QuoteTableModel</name>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>القائل</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>فعل القول</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>الاقتباس</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>الثقة</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>قيد المراجعة</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>معدَّل</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>مباشر</translation>
    </message>
    <message>
        <source>indirect</source>
        <translation>غير مباشر</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>مختلط</translation>
    </message>
</context>
<context>
    <name>SpeakerPicker</name>
    <message>
        <source>New speaker: %1</source>
        <translation>قائل جديد: %1</translation>
    </message>
    <message>
        <source>registry</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>this article</source>
        <translation>هذا المقال</translation>
    </message>
    <message>
        <source>project</source>
        <translation>المشروع</translation>
    </message>
    <message>
        <source>Edit speaker</source>
        <translation>تعديل القائل</translation>
    </message>
    <message>
        <source>Type a name (Arabic or English)…</source>
        <translation>اكتب اسمًا (بالعربية أو الإنجليزية)…</translation>
    </message>
    <message>
        <source>↑/↓ choose · Enter pick · Esc cancel</source>
        <translation>↑/↓ للتنقل · Enter للاختيار · Esc للإلغاء</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The desk cannot start.</source>
        <translation>تعذّر تشغيل المنضدة.</translation>
    </message>
</context>
</TS>
