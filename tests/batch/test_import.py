"""`quote-desk import`: a JSONL of quotes from `extract` into a review project, spans checked against the text."""

import json

from quote_desk.store import ReviewProject

from .conftest import articles, qd, write_jsonl


def test_extract_jsonl_then_import_with_articles(tmp_path, home):
    src = write_jsonl(tmp_path / "arts.jsonl", articles(12))
    out = qd("extract", src, "--format", "jsonl", "--no-link", "-o", tmp_path / "q.jsonl")
    assert out.returncode == 0, out.stderr
    lines = (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()
    # one quote whose offsets do not fit its article (an edited file): refused with a message, others imported
    bad = json.loads(lines[0])
    bad["start"] += 1
    (tmp_path / "q2.jsonl").write_text("\n".join([json.dumps(bad, ensure_ascii=False), *lines[1:]]) + "\n",
                                       encoding="utf-8")  # fmt: skip
    project = tmp_path / "p.qdproj"
    r = qd("import", project, tmp_path / "q2.jsonl", "--articles", src)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"article {bad['doc']}: extracted quote does not match the text" in r.stderr
    with ReviewProject.open(project) as p:
        docs = {a.doc for a in p.articles()}
        assert bad["doc"] not in docs and len(docs) == len({json.loads(x)["doc"] for x in lines}) - 1
        assert len(p.rows()) == sum(1 for x in lines if json.loads(x)["doc"] != bad["doc"])
    missing = qd("import", project, tmp_path / "q.jsonl")
    assert missing.returncode != 0 and "--articles" in missing.stderr and "Traceback" not in missing.stderr
    broken = tmp_path / "broken.jsonl"
    broken.write_text(lines[0] + "\n{not json\n", encoding="utf-8")
    r = qd("import", project, broken, "--articles", src)
    assert r.returncode != 0 and f"{broken}:2: not valid JSON" in r.stderr and "Traceback" not in r.stderr
