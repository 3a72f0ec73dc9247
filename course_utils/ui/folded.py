"""A still picture behind one click, after optional words: a markdown <details> output whose text/plain is fixed."""

import html

from course_utils.ui import tables
from course_utils.ui.display import figure_alt, figure_png

PICTURE_FOLD = "Show the picture (after you predict)"


class FoldedPicture:
    """A still picture behind a click (<details> in a markdown output, alt text kept), so the Predict above it is
    answered before the picture is seen (r71 Interaction 1), or an aside stays off the main path (r87 Focus). Its
    plain text is the summary, the words and the picture's caption or alt text (nbval compares it).

    picture: a Figure, or anything with .figure and .caption (chapter 05's Captioned)."""

    def __init__(self, picture, summary=None, words=None, width=860):
        self.picture, self.width = picture, width
        self.figure = getattr(picture, "figure", picture)
        self.summary = summary or PICTURE_FOLD
        self.words = words   # sentences read inside the fold, before the picture

    @property
    def alt(self):
        return figure_alt(self.figure)

    def __repr__(self):
        caption = getattr(self.picture, "caption", None) or self.alt
        return f"{self.summary} (folded): " + (f"{self.words}\n" if self.words else "") + caption

    def _repr_markdown_(self):
        # pass 87 (r86 Interaction: an HTML fold reads as open in a static export): markdown
        words = f"{html.escape(self.words)}\n\n" if self.words else ""
        return (f"<details><summary>{html.escape(self.summary)}</summary>\n\n{words}"
                f"{tables.image(figure_png(self.figure), self.alt, self.width)}\n\n</details>")
