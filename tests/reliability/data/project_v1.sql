-- A review project as the first schema (user_version 1) stored it; written for the migration tests.
BEGIN TRANSACTION;
CREATE TABLE articles (
            id          INTEGER PRIMARY KEY,
            doc         TEXT NOT NULL UNIQUE,
            title       TEXT,
            source      TEXT,
            text        TEXT NOT NULL,
            text_hash   TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );
INSERT INTO "articles" VALUES(1,'budget','الحكومة تعلن ميزانية العام المقبل','budget.txt','الحكومة تعلن ميزانية العام المقبل

قال وزير المالية خالد العمري إن «الميزانية الجديدة ستدعم المدارس والمستشفيات في كل المحافظات».
وأضاف العمري «لن نرفع أسعار الخبز هذا العام».
وقالت النائبة سلمى الحداد: «=الأرقام المعلنة تحتاج إلى مراجعة مستقلة».
','sha256-of-v1','2026-11-20T08:00:00+00:00');
CREATE TABLE quotes (
            id                INTEGER PRIMARY KEY,
            article_id        INTEGER NOT NULL REFERENCES articles(id),
            qkey              TEXT NOT NULL UNIQUE,
            seq               INTEGER NOT NULL,
            extracted         TEXT NOT NULL,
            start             INTEGER NOT NULL,
            "end"             INTEGER NOT NULL,
            text              TEXT NOT NULL,
            kind              TEXT NOT NULL,
            cue               TEXT,
            cue_start         INTEGER,
            cue_end           INTEGER,
            speaker           TEXT,
            speaker_start     INTEGER,
            speaker_end       INTEGER,
            speaker_canonical TEXT,
            speaker_id        TEXT,
            speaker_en        TEXT,
            title             TEXT,
            speaker_type      TEXT NOT NULL,
            via               TEXT,
            confidence        REAL NOT NULL,
            reason            TEXT NOT NULL,
            status            TEXT NOT NULL DEFAULT 'pending'
                              CHECK (status IN ('pending', 'accepted', 'rejected', 'edited')),
            reviewer          TEXT,
            reviewed_at       TEXT,
            updated_at        TEXT
        );
INSERT INTO "quotes" VALUES(1,1,'key-0',0,'{"doc": "budget", "start": 68, "end": 127, "text": "الميزانية الجديدة ستدعم المدارس والمستشفيات في كل المحافظات", "kind": "direct", "cue": "قال", "cue_start": 35, "cue_end": 38, "speaker": "العمري", "speaker_start": 57, "speaker_end": 63, "speaker_canonical": "العمري", "speaker_id": null, "title": null, "speaker_type": "person", "via": null, "confidence": 0.8, "reason": "fake:marks", "speaker_en": null}',68,127,'الميزانية الجديدة ستدعم المدارس والمستشفيات في كل المحافظات','direct','قال',35,38,'العمري',57,63,'العمري',NULL,NULL,NULL,'person',NULL,0.8,'fake:marks','accepted','ed','2026-11-20T09:00:00+00:00',NULL);
INSERT INTO "quotes" VALUES(2,1,'key-1',1,'{"doc": "budget", "start": 144, "end": 173, "text": "لن نرفع أسعار الخبز هذا العام", "kind": "direct", "cue": "وأضاف", "cue_start": 130, "cue_end": 135, "speaker": "العمري", "speaker_start": 136, "speaker_end": 142, "speaker_canonical": "العمري", "speaker_id": null, "title": null, "speaker_type": "person", "via": null, "confidence": 0.8, "reason": "fake:marks", "speaker_en": null}',144,173,'لن نرفع أسعار الخبز هذا العام','direct','وأضاف',130,135,'العمري',136,142,'العمري',NULL,NULL,NULL,'person',NULL,0.8,'fake:marks','rejected','ed','2026-11-20T09:00:00+00:00',NULL);
INSERT INTO "quotes" VALUES(3,1,'key-2',2,'{"doc": "budget", "start": 204, "end": 244, "text": "=الأرقام المعلنة تحتاج إلى مراجعة مستقلة", "kind": "direct", "cue": "وقالت", "cue_start": 176, "cue_end": 181, "speaker": "الحداد", "speaker_start": 195, "speaker_end": 201, "speaker_canonical": "الحداد", "speaker_id": null, "title": null, "speaker_type": "person", "via": null, "confidence": 0.8, "reason": "fake:marks", "speaker_en": null}',204,244,'=الأرقام المعلنة تحتاج إلى مراجعة مستقلة','direct','وقالت',176,181,'الحداد',195,201,'الحداد',NULL,NULL,NULL,'person',NULL,0.8,'fake:marks','pending',NULL,NULL,NULL);
CREATE TABLE review_log (
            id              INTEGER PRIMARY KEY,
            quote_id        INTEGER NOT NULL REFERENCES quotes(id),
            action          TEXT NOT NULL,
            before          TEXT,
            after           TEXT,
            reviewer        TEXT,
            at              TEXT NOT NULL,
            time_on_item_ms INTEGER
        );
INSERT INTO "review_log" VALUES(1,1,'accepted',NULL,NULL,'ed','2026-11-20T09:00:00+00:00',NULL);
INSERT INTO "review_log" VALUES(2,2,'rejected',NULL,NULL,'ed','2026-11-20T09:00:00+00:00',NULL);
CREATE INDEX quotes_article ON quotes(article_id, seq);
CREATE INDEX review_log_quote ON review_log(quote_id);
CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
COMMIT;
