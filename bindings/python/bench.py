"""Python side of scripts/bench-python: per-call time of the same calls as
bindings/examples/bench.rs, through the generated bindings (JSON text) and through the
`tetsuzuki` wrapper (native values). Not a test: figures only.

python bench.py <sample-catalog.json> <vector.json>   (with the bindings on sys.path)
"""

import json
import sys
import time

import tetsuzuki
import tetsuzuki_bindings as native

TODAY = "2026-11-23"


def per_call(label, n, f, rounds=7):
    """The best of `rounds` rounds of `n` calls, in µs per call, by the wall clock and by the
    process's CPU time (the machine is shared: CPU time leaves out waiting for a core)."""
    f()
    best, best_cpu = float("inf"), float("inf")
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(n):
            f()
        best = min(best, (time.perf_counter() - start) * 1e6 / n)
        best_cpu = min(best_cpu, (time.process_time() - start_cpu) * 1e6 / n)
    print(f"{label:<48} {best:>10.2f} µs   (cpu {best_cpu:.2f} µs)")
    return best


def main():
    print(f"(bindings from {native.generated_module.__file__})")
    text = open(sys.argv[1], encoding="utf-8").read()
    answers = json.loads(open(sys.argv[2], encoding="utf-8").read())["answers"]
    answers_text = json.dumps(answers, ensure_ascii=False)

    per_call("python: Catalog.load (load + plan)", 5, lambda: native.Catalog.load(text))
    catalog = native.Catalog.load(text)
    wrapped = tetsuzuki.Catalog(catalog)
    per_call("python: validate moving-in form (JSON text)", 500,
             lambda: catalog.validate("tennyu", answers_text, TODAY, "ja"))
    per_call("python: validate moving-in form (wrapper)", 500,
             lambda: wrapped.validate("tennyu", answers, today=TODAY))
    session = catalog.start_session(["tennyu"])
    session.set_answer("person.family_name_kana", '"ヤマダ"')
    per_call("python: validate_question (JSON text)", 5000,
             lambda: session.validate_question("person.family_name_kana", TODAY, "ja"))
    per_call("python: session.is_ended (no argument: the floor)", 5000, session.is_ended)
    ws = tetsuzuki.Session(session)
    per_call("python: validate_question (wrapper)", 5000,
             lambda: ws.validate_question("person.family_name_kana", today=TODAY))
    per_call("python: set_answer + validate_question (wrapper)", 5000,
             lambda: (ws.set_answer("person.family_name_kana", "ヤマダ"),
                      ws.validate_question("person.family_name_kana", today=TODAY)))


if __name__ == "__main__":
    main()
