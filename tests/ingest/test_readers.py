"""Each input kind and each bad input, with real files written in tmp_path."""

from __future__ import annotations

import io
import json

from eventwire.ingest.readers import ReadIssue, content_id, read_paths

ENGLISH = (
    "Government forces shelled the village of Kafr Zita on Monday, killing three people, a monitor said."
)


def read(paths, **kw):
    issues: list[ReadIssue] = []
    articles = list(read_paths(paths, issues, **kw))
    return articles, issues


def test_plain_text_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH, encoding="utf-8")
    (article,), issues = read([f])
    assert article.text == ENGLISH
    assert article.id == content_id(ENGLISH)
    assert article.outlet is None and article.published is None  # never invented
    assert article.language == "en"
    assert article.source == str(f)
    assert issues == []


def test_same_text_same_id(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "b.txt").write_text(ENGLISH + "\n")
    articles, _ = read([tmp_path])
    assert len({a.id for a in articles}) == 1


def test_html_page_body_and_metadata(tmp_path):
    body = " ".join([ENGLISH] * 3)
    html = f"""<!DOCTYPE html><html><head><title>Shelling hits village | Example News</title>
    <meta property="og:title" content="Shelling hits village">
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2019-05-06T10:00:00Z">
    </head><body><nav>Home | World | Sport</nav><article><h1>Shelling hits village</h1>
    <p>{body}</p>
    <p>Residents said the bombardment continued into the night and several homes were destroyed.</p>
    </article><footer>Copyright Example News</footer></body></html>"""
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    (article,), issues = read([f])
    assert "Kafr Zita" in article.text
    assert "Copyright" not in article.text and "Sport" not in article.text
    assert article.title == "Shelling hits village"
    assert article.published == "2019-05-06"
    assert article.outlet == "Example News"


def test_jsonl_keeps_ids_and_metadata(tmp_path):
    f = tmp_path / "c.jsonl"
    rows = [
        {"id": "x1", "text": ENGLISH, "outlet": "Wire", "published": "2018-07-01", "url": "http://e.org/1"},
        {"text": "Rebels withdrew from the town of Nawa after talks, residents said on Sunday."},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    (a, b), issues = read([f])
    assert (a.id, a.outlet, a.published, a.url) == ("x1", "Wire", "2018-07-01", "http://e.org/1")
    assert b.id == content_id(b.text) and b.outlet is None
    assert a.source == f"{f}:1" and b.source == f"{f}:2"
    assert issues == []


def test_csv_corpus(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text(
        'id,title,text,outlet,published\n7,"T","' + ENGLISH + '",Wire,2020-01-02\n', encoding="utf-8"
    )
    (article,), issues = read([f])
    assert (article.id, article.title, article.outlet, article.published) == ("7", "T", "Wire", "2020-01-02")


def test_folder_recursive(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "sub" / "deeper" / "b.txt").write_text(
        "Clashes erupted in the city of Sirte on Friday, officials said."
    )
    (tmp_path / "sub" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    articles, issues = read([tmp_path])
    assert len(articles) == 2
    (issue,) = issues  # a file of an unsupported type is reported, one line, and skipped
    assert issue.fatal and issue.where == str(tmp_path / "sub" / "image.png") and "'.png'" in issue.message


def test_stdin_text_and_jsonl():
    (article,), _ = read(["-"], stdin=io.TextIOWrapper(io.BytesIO(ENGLISH.encode())))
    assert article.text == ENGLISH and article.source == "<stdin>"
    lines = "\n".join(json.dumps({"id": str(i), "text": ENGLISH + str(i)}) for i in range(3))
    articles, _ = read(["-"], stdin=io.TextIOWrapper(io.BytesIO(lines.encode())))
    assert [a.id for a in articles] == ["0", "1", "2"]


def test_overrides_fill_outlet_and_date(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH)
    (article,), _ = read([f], published="2018-07-01", outlet="Press TV")
    assert (article.published, article.outlet) == ("2018-07-01", "Press TV")


def test_non_english_is_kept_unmangled(tmp_path):
    arabic = (
        "أعلن الجيش السوري السيطرة على عدة بلدات في ريف درعا الشرقي بعد اشتباكات عنيفة مع الفصائل المسلحة."
    )
    f = tmp_path / "ar.txt"
    f.write_text(arabic, encoding="utf-8")
    (article,), _ = read([f])
    assert article.text == arabic
    assert article.language == "ar"


# -- bad input: clear error naming the file (and line); the batch goes on -----------


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text(ENGLISH)
    articles, issues = read([tmp_path])
    assert len(articles) == 1
    (issue,) = issues
    assert issue.fatal and "empty.txt" in issue.where and "empty" in issue.message


def test_binary_file(tmp_path):
    f = tmp_path / "report.txt"
    f.write_bytes(b"%PDF-1.4\n\x00\x01\x02\x03binary" * 50)
    articles, (issue,) = read([f])
    assert articles == [] and "binary" in issue.message and str(f) == issue.where


def test_invalid_utf8_decoded_with_replacement(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Troops entered Dar\xe2a on Saturday, residents said.".encode("latin-1"))
    (article,), (issue,) = read([f])
    assert "\ufffd" in article.text and article.text.startswith("Troops entered Dar")
    assert not issue.fatal and "UTF-8" in issue.message and issue.where == str(f)


def test_huge_file_is_refused_not_loaded(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.write((ENGLISH + "\n").encode() * (50 * 1024 * 1024 // (len(ENGLISH) + 1) + 1))
    (tmp_path / "ok.txt").write_text(ENGLISH + " More.")
    articles, issues = read([tmp_path])
    assert len(articles) == 1
    (issue,) = issues
    assert "huge.txt" in issue.where and "MB" in issue.message and issue.fatal


def test_truncated_jsonl_line(tmp_path):
    f = tmp_path / "c.jsonl"
    good = json.dumps({"id": "a", "text": ENGLISH})
    f.write_text(
        good
        + "\n"
        + '{"id": "b", "text": "Militants attacked'
        + "\n"
        + json.dumps({"id": "c", "text": ENGLISH + "!"})
        + "\n"
    )
    articles, (issue,) = read([f])
    assert [a.id for a in articles] == ["a", "c"]
    assert issue.where == f"{f}:2" and "JSON" in issue.message


def test_jsonl_record_without_text(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "a", "body": ENGLISH}) + "\n")
    articles, (issue,) = read([f])
    assert articles == [] and issue.where == f"{f}:1" and "text" in issue.message


def test_csv_without_text_column(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("id,body\n1,hello\n")
    articles, (issue,) = read([f])
    assert articles == [] and "text" in issue.message and "body" in issue.message and issue.where == str(f)


def test_unknown_date_is_null_with_warning(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "a", "text": ENGLISH, "published": "sometime last spring"}) + "\n")
    (article,), (issue,) = read([f])
    assert article.published is None
    assert not issue.fatal and "date" in issue.message


def test_partial_date_is_not_completed(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "a", "text": ENGLISH, "published": "July 2018"}) + "\n")
    (article,), _ = read([f])
    assert article.published is None  # never invent a day


def test_missing_path(tmp_path):
    articles, (issue,) = read([tmp_path / "nope.txt"])
    assert articles == [] and "no such file" in issue.message
