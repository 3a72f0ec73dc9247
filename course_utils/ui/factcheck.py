"""Fact check boxes: what a source claims next to what a cell of ours computed (every chapter)."""

from IPython.display import Markdown


def fact_check(source, claim, finding, verdict="wrong"):
    """A blockquote box naming the source, its claim, our computed finding and a verdict word."""
    icon = {"wrong": "✗", "right": "✓", "misleading": "≈"}.get(verdict, "•")
    return Markdown(
        f"> **Fact check {icon}** — *{source}*\n>\n"
        f"> **The source says:** {claim}\n>\n"
        f"> **We computed:** {finding}"
    )
