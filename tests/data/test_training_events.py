"""The shipped event training corpus passes its own checker, and the checker catches bad records."""
import importlib.machinery
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT / "scripts" / "check-training-events"
CORPUS = ROOT / "src" / "eventwire" / "data" / "training" / "events"


def _checker():
    loader = importlib.machinery.SourceFileLoader("check_training_events", str(CHECKER))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def test_shipped_corpus_passes(capsys, monkeypatch):
    mod = _checker()
    monkeypatch.setattr("sys.argv", ["check", str(CORPUS)])
    assert mod.main() == 0
    assert "OK" in capsys.readouterr().out


def _good():
    return {"id": "x-1", "style": "wire", "country": "ML", "published": "2024-03-10",
            "text": "Gunmen shot dead two herders near Gao on 8 March.",
            "events": [{"event_type": "Violence against civilians", "sub_event_type": "Attack",
                        "evidence": "shot dead", "actor1": "Unidentified Armed Group (Mali)",
                        "actor2": "Civilians (Mali)", "location": "Gao", "date": "2024-03-08",
                        "fatalities": 2}]}


@pytest.mark.parametrize("field,value,needle", [
    ("evidence", "opened fire", "evidence not a substring"),
    ("sub_event_type", "Armed clash", "not under"),
    ("date", "2024-04-01", "future date"),
    ("fatalities", -1, "bad fatalities"),
    ("location", "Mopti", "location not in text"),
])
def test_checker_rejects_bad_events(field, value, needle):
    rec = _good()
    rec["events"][0][field] = value
    errs = []
    _checker().check_record(json.loads(json.dumps(rec)), errs, "t")
    assert any(needle in e for e in errs), errs


def test_checker_accepts_good_record_and_requires_negative_kind():
    mod = _checker()
    errs = []
    mod.check_record(_good(), errs, "t")
    assert errs == []
    neg = dict(_good(), events=[])
    mod.check_record(neg, errs, "t")
    assert any("negative_kind" in e for e in errs)
