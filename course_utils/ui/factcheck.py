"""Fact check boxes: what a source claims next to what a cell of ours computed (the appendix of notes on the sources)."""

from IPython.display import Markdown

from course_utils.facts import source_notes


def fact_check(source, claim, finding, verdict="wrong"):
    """A blockquote box naming the source, its claim, our computed finding and a verdict word."""
    icon = {"wrong": "✗", "right": "✓", "misleading": "≈"}.get(verdict, "•")
    return Markdown(
        f"> **Fact check {icon}** — *{source}*\n>\n"
        f"> **The source says:** {claim}\n>\n"
        f"> **We computed:** {finding}"
    )


def source_note(note_id, finding):
    """The box for one note of facts.source_notes: which document, its claim, the computed finding, the verdict."""
    note = source_notes.get(note_id)
    docs = " and ".join(source_notes.DOCUMENTS[d][0] for d in note.documents)
    evidence = "".join(f"\n>\n> **Source:** [{title}]({link})" for title, link in note.evidence)
    return Markdown(
        f"> **{source_notes.VERDICTS[note.verdict]}** · `{note.id}` · {docs}, {note.section}\n>\n"
        f"> **It says:** {note.claim}\n>\n"
        f"> **Computed here:** {finding}{evidence}\n>\n"
        f"> **Taught in:** [{note.chapter}]({note.chapter}.ipynb)"
    )
