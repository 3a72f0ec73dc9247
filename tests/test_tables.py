"""One table builder: every cell escaped unless it is marked as HTML, and plain text without the tags."""

from course_utils.ui import tables


def test_cells_and_headers_are_escaped():
    """Check that text from anywhere (a label, a student's string) cannot inject markup into a table."""
    page = tables.html_table(["<h1>x</h1>"], [["<script>alert(1)</script>", "a & b", "it's"]])
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<h1>" not in page and "a &amp; b" in page and "it&#x27;s" in page


def test_raw_cells_pass_through_and_links_escape_both_parts():
    """Check that marked HTML shows as HTML, and link() escapes its text and its address."""
    page = tables.html_table(["h"], [[tables.bold("ReLU")], [tables.link("a<b", "https://x.org/?a=1&b='2'")]])
    assert "<b>ReLU</b>" in page
    assert "a&lt;b</a>" in page and "href='https://x.org/?a=1&amp;b=&#x27;2&#x27;'" in page


def test_plain_text_drops_the_tags_of_raw_cells():
    """Check that the text repr (what nbval compares) shows words, not markup."""
    table = tables.Table(["bend", "note"], [[tables.bold("GELU"), "x < 0"]], note="a note")
    text = repr(table)
    assert "GELU" in text and "<b>" not in text and "x < 0" in text and text.endswith("a note")
    assert "x &lt; 0" in table._repr_html_()


def test_the_fact_tables_have_a_row_per_record():
    """Check that the deployments and decisions tables show every record of their facts."""
    from course_utils.facts import decisions, deployments
    assert repr(tables.deployments_table()).count("\n") == len(deployments.DEPLOYMENTS) + 1
    assert tables.decisions_table()._repr_html_().count("<tr>") == len(decisions.decisions()) + 1
