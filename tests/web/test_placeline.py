"""The place timeline chart's geometry: date axis, control bands per location, stacked dots."""

from __future__ import annotations

from eventwire.web.placeline import DOT_R, MAX_LANES, WIDTH, chart


def ev(date, event_type="Battles", location="Hilltown", **extra):
    return {"date": date, "event_type": event_type, "location": location, "article_id": "a1",
            "event_id": f"a1#{date}{event_type}", "outlet": "Example Wire", **extra}  # fmt: skip


def gain(date, actor, location="Hilltown", **extra):
    sub = "Non-state actor overtakes territory"
    return {"date": date, "location": location, "effect": "gains", "actor": actor,
            "sub_event_type": sub, "outlets": ["Example Wire"], **extra}  # fmt: skip


def test_nothing_dated_gives_no_chart():
    assert chart([ev(None)], []) is None
    assert chart([], []) is None


def test_events_lie_in_date_order_along_the_axis():
    c = chart([ev("2021-03-01"), ev("2021-01-10"), ev("2021-06-30")], [])
    xs = {d["title"].split(":")[0]: d["cx"] for d in c["dots"]}
    assert xs["2021-01-10"] < xs["2021-03-01"] < xs["2021-06-30"]
    assert all(c["left"] <= x <= c["right"] <= WIDTH for x in xs.values())
    assert c["first"] <= "2021-01-10" and c["last"] >= "2021-06-30"
    labels = [t["label"] for t in c["ticks"]]
    assert labels and all(len(label) == 7 for label in labels), "five months: monthly ticks"
    assert [t["x"] for t in c["ticks"]] == sorted(t["x"] for t in c["ticks"])
    # the ends carry full dates: no tick label is drawn over them
    assert all(c["left"] + 100 < t["x"] < c["right"] - 100 for t in c["ticks"])


def test_same_day_events_are_stacked_not_drawn_on_top_of_each_other():
    c = chart([ev("2021-03-01"), ev("2021-03-01", "Protests"), ev("2021-03-01", "Riots")], [])
    spots = {(d["cx"], d["cy"]) for d in c["dots"]}
    assert len(spots) == 3
    ys = sorted(y for _x, y in spots)
    assert all(b - a >= 2 * DOT_R for a, b in zip(ys, ys[1:], strict=False))


def test_a_month_only_date_is_drawn_as_its_period():
    c = chart([ev("2021-03"), ev("2021-01-01"), ev("2021-12-31")], [])
    month = next(d for d in c["dots"] if d["title"].startswith("2021-03:"))
    day = next(d for d in c["dots"] if d["title"].startswith("2021-01-01:"))
    assert month["period"] and month["x1"] - month["x0"] > 10
    assert not day["period"]


def test_control_bands_run_from_one_takeover_to_the_next_per_location():
    control = [
        gain("2020-02-01", "Northern Front"),
        gain("2020-09-01", "Government forces"),
        gain("2020-05-01", "Government forces", location="Rivertown"),
        {
            "date": "2020-10-01",
            "location": "Hilltown",
            "effect": "settlement",
            "actor": None,
            "sub_event_type": "Agreement",
            "outlets": [],
        },  # fmt: skip
    ]
    c = chart([ev("2020-03-01")], control)
    lanes = {lane["place"]: lane for lane in c["lanes"]}
    assert list(lanes) == ["Hilltown", "Rivertown"], "lanes in order of their first change"
    hill = lanes["Hilltown"]["bands"]
    assert [b["holder"] for b in hill] == ["Northern Front", "Government forces"]
    assert abs(hill[0]["x"] + hill[0]["width"] - hill[1]["x"]) < 0.2, "a band ends where the next begins"
    assert hill[1]["open"] and not hill[0]["open"]
    assert abs(hill[1]["x"] + hill[1]["width"] - c["right"]) < 0.2, "the last band runs to the end"
    # one colour per holder, shared between lanes, and a legend entry for each
    river = lanes["Rivertown"]["bands"]
    assert river[0]["colour"] == hill[1]["colour"] != hill[0]["colour"]
    assert {h["holder"] for h in c["holders"]} == {"Northern Front", "Government forces"}
    assert [m["effect"] for m in lanes["Hilltown"]["marks"]] == ["settlement"]
    # lanes sit above the events, the axis below them
    assert lanes["Rivertown"]["y"] > lanes["Hilltown"]["y"]
    assert all(lanes["Rivertown"]["y"] + c["lane_h"] < d["cy"] < c["axis_y"] for d in c["dots"])


def test_undated_events_are_counted_not_drawn():
    c = chart([ev("2022-05-05"), ev(None), ev("not a date")], [])
    assert len(c["dots"]) == 1 and c["undated"] == 2


def test_long_spans_get_yearly_ticks():
    c = chart([ev("2012-04-01"), ev("2019-08-01")], [])
    assert all(len(t["label"]) == 4 for t in c["ticks"]) and 3 <= len(c["ticks"]) <= 10


def test_at_most_max_lanes_the_place_itself_and_the_busiest_others():
    control = [
        gain("2020-01-01", "Northern Front", location=f"Village {i:02d}") for i in range(MAX_LANES + 3)
    ]
    control += [gain("2020-06-01", "Government forces", location="Village 14")]  # two changes: kept
    control += [gain("2020-03-01", "Northern Front", location="Hilltown")]
    c = chart([ev("2020-02-01")], control, place="hilltown")
    places = [lane["place"] for lane in c["lanes"]]
    assert len(places) == MAX_LANES and c["lanes_left_out"] == len(control) - 1 - MAX_LANES
    assert places[0] == "Hilltown" and "Village 14" in places
