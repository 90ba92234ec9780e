#!/usr/bin/env python3
"""A terminal interview for the moving-in life event (引っ越してきた), walking the SDK's
resident journey (tetsuzuki.Journey): the screening questions and the checklist they give,
the form pages of the procedures that can be done online or prepared online for the counter
(each question once; answers from the screening are not asked again), the issues shown on
Continue with their fixes (a one-press fix is offered as the default), warnings accepted
explicitly, the check page, submit, and what happens next: the procedures submitted online
with their references, and those prepared for the counter with the handoff's check code (its
QR code and text are for a screen: a terminal only says they are there); the submissions are
printed last as a JSON list.

Every rule, message and check is the SDK's (which page comes next, when issues show, what a
warning needs): this script only draws the journey's views as text and forwards answers.

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

try:
    # The installed package (pip install tetsuzuki-….whl) when there is one...
    import tetsuzuki
except ImportError:
    # ...else the work tree's, built by scripts/gen-python.
    sys.path.insert(0, str(ROOT / "bindings" / "python"))
    import tetsuzuki  # noqa: E402

YES = {"y", "yes", "true", "はい"}
NO = {"n", "no", "false", "いいえ"}
TRIES = 5  # how often a screen is put right before the interview gives up


class Ended(Exception):
    """stdin closed before the interview was done."""


class GaveUp(Exception):
    """The resident could not put a screen right."""


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


def ask_question(q, current=None):
    """Asks one question of a view (a dict: an address part by part, a group item by item);
    returns the answer, or None when left empty. A value the SDK filled in (the town's part
    of a new address) is offered in [brackets]: an empty line keeps it."""
    optional = " (optional)" if q["optional"] else ""
    if q["parts"] and q["type"] == "address":
        print(f"\n{q['label']}{optional}")
        value = dict(current) if isinstance(current, dict) else {}
        for part in q["parts"]:
            offered = f" [{value[part['key']]}]" if part["key"] in value else ""
            text = ask(f"  {part['label']}{offered}: ")
            if text:
                value[part["key"]] = text
        return value or None
    if q["parts"]:  # a repeating group
        print(f"\n{q['label']}{optional}")
        count = ask("  how many? ")
        items = []
        for n in range(int(count) if count.isdigit() else 0):
            item = {}
            for part in q["parts"]:
                text = ask(f"  [{n + 1}] {part['label']}: ")
                if text:
                    item[part["key"]] = typed(text, part["type"] == "boolean")
            items.append(item)
        return items or current
    hint = f" ({q['hint']})" if q["hint"] else ""
    choices = ""
    if q["options"]:
        choices = "\n" + "\n".join(f"    {o['value']}: {o['label']}" for o in q["options"]) + "\n"
    yes_no = " [y/n]" if q["type"] == "boolean" else ""
    offered = f" [{current}]" if current is not None else ""
    text = ask(f"\n{q['label']}{optional}{hint}{choices}{yes_no}{offered} > ")
    return typed(text, q["type"] == "boolean") if text else current


def show(issue):
    mark = "!" if issue["severity"] == "warning" else "✗"
    print(f"  {mark} {issue['message']}\n    → {issue['fix']}")


# Answers the resident already gave (in the screening, or kept on the device): not asked again.
GIVEN = {"screening", "profile"}


def ask_screen(journey, asked):
    """Asks the questions the current screen shows, each once, except those answered from
    what the resident already gave; the view is drawn again after each answer (an answer
    may show another question)."""
    while True:
        todo = [q for q in journey.view()["questions"]
                if q["shown"] and q["key"] not in asked and (q["source"] or {}).get("kind") not in GIVEN]
        if not todo:
            return
        q = todo[0]
        asked.add(q["key"])
        value = ask_question(q, q["value"])
        if value is not None and value != q["value"]:
            journey.answer(q["key"], value)
        if journey.stage() == "screening":
            journey.finish_answer(q["key"])


def put_right(journey):
    """The errors the view shows, in page order: a one-press fix is the default answer."""
    view = journey.view()
    print(f"\n{len(view['errors'])} thing(s) to put right:")
    questions = {q["key"]: q for q in view["questions"]}
    for issue in view["errors"]:
        show(issue)
        fix = issue.get("machine_fix")
        if fix is not None and issue["field"] == issue["key"]:
            text = ask(f"  [Enter] {fix['label']}, or a new answer > ")
            q = questions[issue["key"]]
            journey.answer(issue["key"], typed(text, q["type"] == "boolean") if text else fix["value"])
        elif issue["key"] in questions:
            q = questions[issue["key"]]
            value = ask_question(q, q["value"])
            if value is not None and value != q["value"]:
                journey.answer(issue["key"], value)


def screening(journey):
    """The life event's questions until the checklist can be trusted; then the forms of
    what can be done online, or prepared online for the counter, start (False when nothing
    can)."""
    asked = set()
    for _ in range(TRIES):
        ask_screen(journey, asked)
        view = journey.view()
        print("\nWhat to do:")
        for item in view["checklist"]["procedures"]:
            due = f" (by {item['due']['date']})" if item.get("due") else ""
            how = " · online" if item["online_now"] else " · prepare online, finish at the counter" if item["prepare_online"] else ""
            print(f"  - {item['title']}{due}{how}")
        try:
            journey.start_online()
            return True
        except tetsuzuki.TetsuzukiError as e:
            if e.code == "nothing-online":
                print("Nothing can be done online now.")
                return False
            if e.code != "screening-errors":
                raise
        put_right(journey)
    raise GaveUp()


def pages(journey):
    """Each form page: its questions, then Continue; the journey says when a page has
    errors or warnings, and which page comes next."""
    asked = set()
    tries = 0
    shown = None
    while journey.stage() == "page":
        view = journey.view()
        if view["progress"]["index"] != shown:
            shown = view["progress"]["index"]
            print(f"\n== {view['title']} ({view['progress']['text']})")
        ask_screen(journey, asked)
        try:
            journey.next()
            tries = 0
            continue
        except tetsuzuki.TetsuzukiError.JourneyState as e:
            tries += 1
            if tries > TRIES:
                raise GaveUp() from None
            if e.code == "has-errors":
                put_right(journey)
            elif e.code == "unacknowledged-warnings":
                for issue in journey.view()["warnings"]:
                    show(issue)
                if ask("  [Enter] continue anyway, or c to change the answers > ").lower().startswith("c"):
                    asked.difference_update(i["key"] for i in journey.view()["warnings"])
                else:
                    journey.acknowledge_warnings()
            else:
                raise


def check_page(journey):
    view = journey.view()
    print(f"\n{view['title']}:")  # Check your answers
    for section in view["check"]["sections"]:
        if len(view["check"]["sections"]) > 1 or section.get("person"):
            print(f"  {section['title']}")
        for row in section["rows"]:
            print(f"  {row['label']}: {row['text']}  [{row['source']['kind']}]")


class StandInProviders:
    """NOT a real provider. A town answers each step request from its JPKI signing service,
    payment provider, booking system and issuing system; this stand-in offers three times for a
    visit and confirms what it is asked, so that the example runs without them."""

    def __init__(self):
        self.n = 0

    def answer(self, journey, request):
        if request.kind == "book" and request.slot is None:
            day = request.first_day
            journey.offer_slots(request.id, [
                {"id": f"{day}-{i}", "start": f"{day}T{t}", "minutes": 30, "place": "役場1階 住民係 (stand-in)"}
                for i, t in enumerate(["09:30", "10:00", "14:00"])
            ])
            return []
        self.n += 1
        return journey.fulfil_step(request.id, f"STANDIN-{request.kind.upper()}-{self.n:04d}")


def host_steps(journey, providers):
    """The steps the host fulfils after submit (sign, pay, book a visit, issue): the journey
    asks, the host answers. Returns what they sent (once signed and paid)."""
    sent = []
    shown = None
    while journey.stage() == "steps":
        step = next(s for s in journey.view()["steps"] if s["current"])
        if shown != step["kind"]:
            shown = step["kind"]
            print(f"\n== {step['title']}\n{step['lead']}")
        if step["status"] == "choosing":
            for n, slot in enumerate(step["slots"], 1):
                print(f"  {n}. {slot['text']}")
            choice = ask(f"  number of the time, or Enter: {step['skip']} > ")
            if choice.isdigit() and 1 <= int(choice) <= len(step["slots"]):
                journey.choose_slot(step["slots"][int(choice) - 1]["id"])
            else:
                journey.skip_step()
                continue
        sent += providers.answer(journey, journey.begin_step())
        done = next((s for s in journey.view().get("steps", []) if s["kind"] == step["kind"]), None)
        if done and done["result"]:
            print(f"  {done['result']}")
    return sent


def what_happens_next(journey):
    step = journey.view()["next"]
    print(f"\n== {step['title']}\n{step['lead']}")
    for s in step["submitted"]:
        print(f"  - {s['title']}: {s['reference']}")
        after = s.get("after") or {}
        if after.get("text"):
            print(f"    {after['text']}")
    for item in step["still_to_do"]:
        due = f" (by {item['due']['date']})" if item.get("due") else ""
        print(f"  · still to do: {item['title']}{due}")
    for item in step["town_actions"]:
        print(f"  · the town: {item['title']}")
    prepared = step.get("prepared")
    if prepared:  # finished at the counter: the handoff the resident shows there
        print(f"\n== {prepared['title']}\n{prepared['lead']}")
        for item in prepared["procedures"]:
            print(f"  - {item['title']}: {item['reason']}")
            for document in item["documents"]:
                print(f"    bring: {document}")
        if prepared.get("booking"):
            print(f"  {prepared['booking']}")
        print(f"  {prepared['short_code_text']}")
        print(f"  {prepared['expires']}")
        print(f"  {prepared['privacy']}")
        print(f"  (a QR code of {prepared['qr']['size']}×{prepared['qr']['size']} modules and "
              f"{len(prepared['text'])} characters of text: draw them on a screen)")


def interview(catalog, today, lang, at, out=None):
    journey = tetsuzuki.Journey.start(catalog, today=today, lang=lang, event="moving-in")
    if not screening(journey):
        return []
    pages(journey)
    check_page(journey)
    submissions = journey.submit(at)
    submissions += host_steps(journey, StandInProviders())
    what_happens_next(journey)
    # What a host would send to the town: personal data (My Numbers included), so it is written
    # only where the person running the example asked, never to the terminal.
    print("\nSubmitted: " + (", ".join(s.procedure for s in submissions) or "nothing (see above)"))
    if out:
        with open(out, "w", encoding="utf-8") as f:
            json.dump([{"procedure": s.procedure, "version": s.version, "submitted_at": s.submitted_at,
                        "answers": s.answers} for s in submissions], f, ensure_ascii=False, indent=2)
        print(f"(what a host would send is in {out}: it holds personal data)")
    return submissions


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("TETSUZUKI_SAMPLE_CATALOG") or ROOT / "target" / "sample-catalog.json"
    parser.add_argument("--catalog", default=str(default), help="a compiled catalogue (tetsuzuki compile)")
    parser.add_argument("--today", default=datetime.date.today().isoformat(), help="YYYY-MM-DD")
    parser.add_argument("--lang", default="ja", choices=["ja", "en", "ja-easy"])
    parser.add_argument("--at", default=None, help="the submission time (RFC 3339); now by default")
    parser.add_argument("--submissions", default=None, metavar="FILE",
                        help="write what a host would send to the town here (JSON; it holds personal data)")
    args = parser.parse_args(argv)
    at = args.at or datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    catalog = tetsuzuki.Catalog.load_file(args.catalog)
    try:
        interview(catalog, args.today, args.lang, at, args.submissions)
    except Ended:
        print("\n(stdin closed before the interview was done; nothing was submitted)", file=sys.stderr)
        return 1
    except GaveUp:
        print("\n(the answers could not be put right; nothing was submitted)", file=sys.stderr)
        return 1
    except tetsuzuki.TetsuzukiError as e:
        print(f"\n{e.code}: {e.reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
