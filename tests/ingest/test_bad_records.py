"""Each bad record is reported with its file and line and skipped; the records around it are read."""

from __future__ import annotations

import json

from eventwire.ingest.fields import MAX_JSON_DEPTH, too_deep
from eventwire.ingest.readers import ReadIssue, read_paths

TEXT = "Farmers blocked the ring road outside Velmora on Tuesday, a local council member said."


def read(paths):
    issues: list[ReadIssue] = []
    return list(read_paths(paths, issues)), issues


def jsonl(path, *lines: str):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_deeply_nested_line_is_one_error_and_the_batch_goes_on(tmp_path):
    nested = '{"id": "deep", "text": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}"
    f = jsonl(tmp_path / "c.jsonl", json.dumps({"id": "a", "text": TEXT}), nested,
              json.dumps({"id": "c", "text": TEXT + "!"}))  # fmt: skip
    articles, issues = read([f])
    assert [a.id for a in articles] == ["a", "c"]
    (issue,) = issues
    assert issue.fatal and issue.where == f"{f}:2" and "nested deeper" in issue.message


def test_depth_limit_ignores_brackets_inside_strings():
    assert not too_deep(json.dumps({"text": "[" * 500}))
    assert too_deep("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1))
    assert not too_deep("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH)


def test_non_string_fields_are_refused_never_stored_as_reprs(tmp_path):
    f = jsonl(
        tmp_path / "c.jsonl",
        json.dumps({"id": "list-title", "text": TEXT, "title": ["a", "b"]}),
        json.dumps({"id": "obj-outlet", "text": TEXT, "outlet": {"name": "Wire"}}),
        json.dumps({"id": "list-text", "text": ["a", "b"]}),
        json.dumps({"id": "bool-url", "text": TEXT, "url": True}),
        json.dumps({"id": 17, "text": TEXT + " Again.", "title": 2024, "outlet": "Wire"}),
    )
    articles, issues = read([f])
    (kept,) = articles
    assert (kept.id, kept.title, kept.outlet) == ("17", "2024", "Wire")
    errors = [i for i in issues if i.fatal]
    assert [i.where for i in errors] == [f"{f}:{n}" for n in (1, 2, 3, 4)]
    assert "'title' must be a string, not a list" in errors[0].message
    assert "'outlet' must be a string, not an object" in errors[1].message
    assert "'text' must be a string" in errors[2].message
    (warning,) = [i for i in issues if not i.fatal]  # a numeric title is kept as its text, said so
    assert warning.where == f"{f}:5" and "'title' is a number" in warning.message


def test_unclosed_csv_quote_reports_the_record_and_reads_on(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text(
        "id,text,outlet\n"
        f'a1,"{TEXT}",Wire\n'
        f'a2,"{TEXT} The quote never closes,Wire\n'
        f'a3,"{TEXT} Third.",Wire\n'
        f'a4,"Multi-line text\nis fine when quoted. {TEXT}",Wire\n',
        encoding="utf-8",
    )
    articles, issues = read([f])
    assert [a.id for a in articles] == ["a1", "a3", "a4"]
    assert all("never closes" not in a.text for a in articles)  # nothing merged
    (issue,) = issues
    assert issue.fatal and issue.where == f"{f}:3" and "malformed CSV" in issue.message


def test_unclosed_quote_on_the_last_record(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text(f'id,text\na1,"{TEXT}"\na2,"runs to the end of the file\n', encoding="utf-8")
    articles, (issue,) = read([f])
    assert [a.id for a in articles] == ["a1"] and issue.where == f"{f}:3"


def test_csv_record_with_extra_fields_is_refused(tmp_path):
    f = tmp_path / "c.csv"
    plain = TEXT.replace(",", "")  # unquoted, so no comma inside
    f.write_text(f"id,text,outlet\na1,{plain},Wire\na2,Clashes, then calm,Wire\na3,{plain} Short\n")
    articles, issues = read([f])
    assert [a.id for a in articles] == ["a1", "a3"]
    extra, short = issues
    assert extra.fatal and extra.where == f"{f}:3" and "4 fields" in extra.message
    assert not short.fatal and short.where == f"{f}:4"


def test_unknown_file_types_in_a_folder_are_reported_one_line_each(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    articles, issues = read([tmp_path])
    assert len(articles) == 1
    assert sorted(i.where for i in issues) == [str(tmp_path / "photo.jpg"), str(tmp_path / "report.pdf")]
    assert all(i.fatal and "unsupported file type" in i.message for i in issues)
