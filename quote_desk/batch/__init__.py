"""Batch extraction: many articles on several cores (`pool`), streamed in input order to a resumable output
(`sink`), and archives on a Dask cluster (`dask_engine`). No Qt here; heavy libraries are imported lazily.

    articles.py     reading articles: .txt files and folders (through quote_desk.ingest), JSONL, CSV, Parquet
    engine_spec.py  how each process builds its Extractor (linking on/off, registry home): passed, not global
    pool.py         ordered parallel extraction over a process pool, bounded memory
    sink.py         streaming writers for table/JSONL/CSV with a journal, so an interrupted run resumes
    quotes_io.py    quote shards: JSONL and Parquet readers/writers with one fixed schema
    dask_engine.py  `quote-desk extract --engine dask`: one task per article shard, one quote shard per task
    importing.py    quote shards (or any JSONL of quotes) into a review project the desk opens
"""
