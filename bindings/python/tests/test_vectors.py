"""The conformance vectors of fixtures/vectors/, unchanged, through the generated bindings
(JSON text in and out), compared as core/tests/vectors.rs compares them."""

import json

import pytest

from conftest import AT, ROOT

VECTORS = ROOT / "fixtures" / "vectors"


def vectors(kind):
    files = sorted((VECTORS / kind).glob("*.json"))
    assert files, f"no vectors in {VECTORS / kind}"
    return [pytest.param(json.loads(p.read_text(encoding="utf-8")), id=p.stem) for p in files]


def check_town(v):
    assert v["town"] == "oishida", "only oishida is compiled for the bindings' tests"


@pytest.mark.parametrize("v", vectors("validation"))
def test_validation_vector(native_catalog, v):
    check_town(v)
    result = native_catalog.validate(
        v["procedure"], json.dumps(v.get("answers") or {}, ensure_ascii=False), v["today"], v.get("lang", "ja")
    )
    got = {(i.field, i.code, i.severity) for i in result.issues}
    expected = v["expect"].get("issues") or []
    want = {(i["field"], i["code"], i.get("severity", "error")) for i in expected}
    assert got == want
    for i in expected:
        if "message" in i:
            assert any(g.field == i["field"] and g.message == i["message"] for g in result.issues), i
    normalized = json.loads(result.normalized)
    for field, value in (v["expect"].get("normalized") or {}).items():
        assert normalized.get(field) == value, field


@pytest.mark.parametrize("v", vectors("navigator"))
def test_navigator_vector(native_catalog, v):
    check_town(v)
    c = native_catalog.navigate(
        v["event"], json.dumps(v.get("answers") or {}, ensure_ascii=False), v.get("date"), v["today"],
        v.get("lang", "ja"),
    )
    got = {
        "questions": [q.id for q in c.questions],
        "procedures": [{"procedure": p.procedure, "due": p.due.date if p.due else None} for p in c.procedures],
        "town_actions": [p.procedure for p in c.town_actions],
        "issues": [{"field": i.field, "code": i.code} for i in c.issues],
    }
    assert got == v["expect"]


@pytest.mark.parametrize("v", vectors("sessions"))
def test_session_vector(native_catalog, v):
    import tetsuzuki_bindings

    check_town(v)
    session = native_catalog.start_session(v["procedures"])
    if "screening" in v:
        session.reuse_screening("screening", json.dumps(v["screening"], ensure_ascii=False))
    for key, value in (v.get("answers") or {}).items():
        session.set_answer(key, json.dumps(value, ensure_ascii=False))
    issues = [{"field": i.field, "code": i.code} for i in session.validate(v["today"], v.get("lang", "ja"))]
    try:
        submissions = {s.procedure: json.loads(s.answers) for s in session.submissions(v["today"], AT)}
    except tetsuzuki_bindings.TetsuzukiError.SessionState as e:
        assert e.code == "not-ready"
        submissions = None
    got = {"questions": len(session.questions(v.get("lang", "ja"))), "issues": issues, "submissions": submissions}
    assert got == v["expect"]


MISSING = object()


def at_path(view, path):
    """The value at a journey vector's path in a view (``errors.0.code``; a final ``#`` is a
    length); ``MISSING`` when it is not there. As core/tests/journey.rs reads it."""
    cur = view
    segments = path.split(".")
    for n, seg in enumerate(segments):
        if seg == "#" and n + 1 == len(segments):
            return len(cur) if isinstance(cur, (list, dict)) else MISSING
        if isinstance(cur, list):
            cur = cur[int(seg)] if seg.isdigit() and int(seg) < len(cur) else MISSING
        elif isinstance(cur, dict):
            cur = cur.get(seg, MISSING)
        else:
            return MISSING
        if cur is MISSING:
            return MISSING
    return cur


def journey_start(v):
    start = v["start"]
    if start == "events":
        return {}
    if "event" in start:
        return {"event": start["event"]}
    return {"procedures": start["procedures"]}


@pytest.mark.parametrize("v", vectors("journey"))
def test_journey_vector(native_catalog, v):
    import tetsuzuki_bindings

    check_town(v)
    options = v.get("options") or {}
    flags = {"one_question_per_page": options.get("one_question_per_page", False),
             "counter": options.get("counter", False)}
    journey = tetsuzuki_bindings.Journey.start(native_catalog, v["today"], v["lang"], **journey_start(v), **flags)
    failures = []
    for n, step in enumerate(v["steps"]):
        if "action" in step:
            try:
                journey.act(json.dumps(step, ensure_ascii=False))
                got = None
            except tetsuzuki_bindings.TetsuzukiError as e:
                got = e.code
            if got != step.get("error"):
                failures.append(f"step {n} ({step['action']}): error {got!r}, expected {step.get('error')!r}")
        if step.get("reload"):
            journey = tetsuzuki_bindings.Journey.restore(
                native_catalog, journey.save(), v["today"], journey.lang(), **flags
            )
        if "expect" in step:
            view = json.loads(journey.view())
            for path, want in step["expect"].items():
                got = at_path(view, path)
                # Compared as JSON text, as serde_json compares values (true is not 1).
                if json.dumps(got, sort_keys=True, default=repr) != json.dumps(want, sort_keys=True):
                    failures.append(f"step {n}: `{path}` is {got!r}, expected {want!r}")
    assert not failures, "\n".join(failures)
