"""Feedback text: the short report `check(...)` prints, and the markdown file the grader writes per student.

Both are stable text (no timings, no addresses): nbval compares the printed report with a fresh run.
"""

NOT_DONE = "not done yet — replace `raise NotImplementedError()` with your code, then run this cell again"
PASS, FAIL = "✓", "✗"


def clean(text, limit=300):
    """Text from a submission made safe for feedback: one line, no control characters, no code fences, capped."""
    s = "".join(ch if ch.isprintable() else " " for ch in str(text)).replace("```", "'''")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def points(x):
    """4.0 -> '4', 2.5 -> '2.5': points as a person writes them."""
    return f"{x:g}"


def task_report(result):
    """The learner's report for one task: a headline, then one line per check (the hint on failures)."""
    head = f"{result.task}: {points(result.earned)}/{points(result.max_points)} points"
    if result.not_done:
        return f"{result.task}: {NOT_DONE}. (0/{points(result.max_points)} points)"
    messages = {c.message for c in result.checks}
    if result.earned == 0 and len(messages) == 1 and result.checks[0].kind not in ("passed", "failed"):
        # One cause stopped every check (function missing, grader stopped it): say it once.
        return f"{head} — {result.checks[0].message}"
    lines = [head + (" — all checks passed" if result.passed else "")]
    for c in result.checks:
        mark = PASS if c.kind == "passed" else FAIL
        worth = "bonus, no points" if getattr(c, "bonus", False) else f"{points(c.earned)}/{points(c.points)}"
        line = f"  {mark} {c.name} ({worth})"
        lines.append(line if c.kind == "passed" else f"{line}: {c.message}")
    return "\n".join(lines)


def feedback_markdown(student, exercise, results, score, max_score, status, notes=()):
    """A student's feedback file for one notebook: score, status, each task's report, and grader notes."""
    out = [f"# {exercise} — feedback for {student}", "",
           f"**Score: {points(score)} / {points(max_score)}**", "", f"Status: {status}", ""]
    for r in results:
        out += [f"## {r.task}", "", "```text", task_report(r), "```", ""]
    if notes:
        out += ["## Notes from the grader", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(out)
