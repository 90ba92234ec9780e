#!/usr/bin/env python3
"""A terminal interview for the moving-in life event (引っ越してきた), over the tetsuzuki
Python package: the navigator's screening questions, then one session for the procedures that
can be done online, each question asked once, the issues shown with their fixes (a one-press
fix is offered as the default), check-your-answers, and the submissions printed as JSON.

Every rule, message and check is the SDK's; this script only asks and prints.

    python examples/python/moving_in.py --catalog target/sample-catalog.json --lang en

It reads answers with input(), so it also runs with the answers piped on stdin (one line per
prompt; an empty line leaves an optional answer empty or takes the offered fix).
"""

import argparse
import datetime
import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bindings" / "python"))

import tetsuzuki  # noqa: E402

YES = {"y", "yes", "true", "はい"}
NO = {"n", "no", "false", "いいえ"}


class Ended(Exception):
    """stdin closed before the interview was done."""


def ask(prompt):
    try:
        text = input(prompt)
    except EOFError:
        raise Ended() from None
    if not sys.stdin.isatty():
        print(text)  # echo piped answers so the transcript reads like a session
    return text.strip()


def typed(text, yes_no=False):
    """The resident's text as an answer: y/n for yes-no questions; everything else as typed
    (the SDK reads dates in 和暦, full-width digits, …)."""
    if yes_no and text.lower() in YES:
        return True
    if yes_no and text.lower() in NO:
        return False
    return text


def ask_question(q, lang):
    """Asks one question of the session (an address part by part, a group item by item)."""
    optional = " (optional)" if q.optional else ""
    if q.parts and q.type == "address":
        print(f"\n{q.label}{optional}")
        value = {}
        for part in q.parts:
            text = ask(f"  {part.label}: ")
            if text:
                value[part.key] = text
        return value
    if q.parts:  # a repeating group
        print(f"\n{q.label}{optional}")
        count = ask("  how many? ")
        items = []
        for n in range(int(count) if count.isdigit() else 0):
            item = {}
            for part in q.parts:
                text = ask(f"  [{n + 1}] {part.label}: ")
                if text:
                    item[part.key] = typed(text, part.type == "boolean")
            items.append(item)
        return items
    hint = f" ({q.hint})" if q.hint else ""
    choices = ""
    if q.options:
        choices = "\n" + "\n".join(f"    {o.value}: {o.label}" for o in q.options) + "\n"
    yes_no = " [y/n]" if q.type == "boolean" else ""
    return typed(ask(f"\n{q.label}{optional}{hint}{choices}{yes_no} > "), q.type == "boolean")


def screening(catalog, today, lang):
    """The navigator's questions, each once, until none is left unanswered."""
    views = {q.key: q for q in catalog.screening_questions("moving-in", lang)}
    answers = {}
    asked = set()
    while True:
        checklist = catalog.navigate("moving-in", answers, today=today, lang=lang)
        todo = [q for q in checklist.questions if q.id not in asked]
        if not todo:
            return answers, checklist
        for q in todo:
            asked.add(q.id)
            value = ask_question(views[q.id], lang)
            if value not in ("", {}, []):
                answers[q.id] = value


def show(issue):
    mark = "!" if issue.severity == "warning" else "✗"
    print(f"  {mark} {issue.message}\n    → {issue.fix}")


def interview(catalog, today, lang, at):
    answers, checklist = screening(catalog, today, lang)
    print("\nWhat to do:")
    for item in checklist.procedures:
        due = f" (by {item.due.date})" if item.due else ""
        print(f"  - {item.title}{due}{' · online' if item.online_now else ''}")
    online = [item.procedure for item in checklist.procedures if item.online_now]
    if not online:
        print("Nothing can be done online now.")
        return []
    session = catalog.start_session(online)
    session.reuse_screening("moving-in", answers)
    questions = {q.key: q for q in session.questions(lang)}

    # Each question once, page by page; pages are recomputed as answers change relevance.
    asked = set()
    while True:
        todo = [k for p in session.pages(today=today, lang=lang) for k in p.questions
                if k not in asked and session.answer(k) is None]
        if not todo:
            break
        key = todo[0]
        asked.add(key)
        value = ask_question(questions[key], lang)
        if value not in ("", {}, []):
            session.set_answer(key, value)
        for issue in session.validate_question(key, today=today, lang=lang):
            show(issue)

    # Put right what is wrong: a one-press fix is the default answer.
    for _ in range(5):
        errors = [i for i in session.validate(today=today, lang=lang) if i.severity == "error"]
        if not errors:
            break
        print(f"\n{len(errors)} thing(s) to put right:")
        for issue in errors:
            show(issue)
            key = next((k for k in questions if issue.field == k or issue.field.startswith((k + ".", k + "["))),
                       issue.field)
            if issue.machine_fix is not None:
                text = ask(f"  [Enter] {issue.machine_fix.label}, or a new answer > ")
                session.set_answer(key if text else issue.field, typed(text) if text else issue.machine_fix.value)
            else:
                value = ask_question(questions[key], lang)
                session.set_answer(key, value)

    print("\nCheck your answers:")
    for row in session.summary(today=today, lang=lang):
        print(f"  {row.label}: {row.text}  [{row.source.kind}]")
    for issue in session.validate(today=today, lang=lang):
        if issue.severity == "warning":
            show(issue)
    submissions = session.submit(today=today, at=at)
    print("\nSubmitted:")
    for s in submissions:
        print(json.dumps({"procedure": s.procedure, "version": s.version, "submitted_at": s.submitted_at,
                          "answers": s.answers}, ensure_ascii=False, indent=2))
    return submissions


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("TETSUZUKI_SAMPLE_CATALOG") or ROOT / "target" / "sample-catalog.json"
    parser.add_argument("--catalog", default=str(default), help="a compiled catalogue (tetsuzuki compile)")
    parser.add_argument("--today", default=datetime.date.today().isoformat(), help="YYYY-MM-DD")
    parser.add_argument("--lang", default="ja", choices=["ja", "en", "ja-easy"])
    parser.add_argument("--at", default=None, help="the submission time (RFC 3339); now by default")
    args = parser.parse_args(argv)
    at = args.at or datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    catalog = tetsuzuki.Catalog.load_file(args.catalog)
    try:
        interview(catalog, args.today, args.lang, at)
    except Ended:
        print("\n(stdin closed before the interview was done; nothing was submitted)", file=sys.stderr)
        return 1
    except tetsuzuki.TetsuzukiError as e:
        print(f"\n{e.code}: {e.reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
