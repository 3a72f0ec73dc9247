"""What every exported page adds for accessibility (issue 18): AA-contrast CSS, and a script that names controls.

The CSS colours are not typed by hand: each stock colour that fails WCAG AA (4.5:1) on a code cell's
background is darkened, keeping its hue, until it passes. The script gives every slider handle,
picture, input and icon button the accessible name the widget renderer leaves out (from the
widget's own label or title), makes reveal.js's hidden slides inert (not reachable by Tab), and keeps
keys pressed on a widget from turning the slide.
"""

CODE_BACKGROUND = "#f5f5f5"   # JupyterLab's code cell background, the lightest the colours sit on
AA = 4.5
# JupyterLab's light theme colours for code (the exports' syntax colours); some fail AA on the code background.
EDITOR_COLOURS = {
    "atom": "#8888ff", "attribute": "#0000cc", "bracket": "#999977", "builtin": "#008000", "comment": "#408080",
    "def": "#0000ff", "error": "#ff0000", "keyword": "#008000", "link": "#0000cc", "meta": "#aa22ff",
    "number": "#008800", "operator": "#aa22ff", "property": "#0055aa", "punctuation": "#0055aa",
    "qualifier": "#555555", "quote": "#009900", "string": "#ba2121", "tag": "#117700", "header": "#0000ff",
}
FIXED_CSS = """
/* Links inside text are told apart by more than colour. */
.jp-RenderedHTMLCommon a, .jp-RenderedHTMLCommon a:link, .reveal a, body a { text-decoration: underline !important; }
/* Prompts (In [1]:) in JupyterLab's light grey are below AA. */
.jp-InputPrompt, .jp-OutputPrompt { color: #5c5c5c !important; opacity: 1 !important; }
.offline-note { font-size: 90%; color: #333333; margin: 0.2em 0 0.4em; }
.offline-live .widget-readout { color: #1a1a1a; }
"""

SCRIPT = r"""
(function () {
  function name(el, fallback) {
    const box = el.closest('.widget-inline-hbox, .widget-box, .jupyter-widgets') || el.parentElement;
    const label = box && box.querySelector('.widget-label');
    return (label && label.textContent.trim()) || el.getAttribute('title') || (box && box.getAttribute('title')) || fallback;
  }
  function fix() {
    document.querySelectorAll('.noUi-handle').forEach(h => {
      const box = h.closest('.widget-slider, .widget-hslider, .widget-vslider');
      const n = name(box || h, 'slider');
      if (h.getAttribute('aria-label') !== n) h.setAttribute('aria-label', n);
      const readout = box && box.querySelector('.widget-readout');
      if (readout && h.getAttribute('aria-valuetext') !== readout.textContent.trim())
        h.setAttribute('aria-valuetext', readout.textContent.trim());
    });
    document.querySelectorAll('img:not([alt])').forEach(img => {
      img.setAttribute('alt', img.getAttribute('title') || 'figure');
    });
    document.querySelectorAll('input:not([aria-label]), select:not([aria-label]), textarea:not([aria-label])').forEach(el => {
      el.setAttribute('aria-label', name(el, el.getAttribute('placeholder') || 'input'));
    });
    document.querySelectorAll('button:not([aria-label])').forEach(b => {
      if (b.textContent.trim()) return;
      const icon = b.querySelector('i[class*="fa-"]');
      const what = icon ? [...icon.classList].find(c => c.startsWith('fa-') && c !== 'fa-fw') : null;
      b.setAttribute('aria-label', b.getAttribute('title') || (what ? what.slice(3) : 'button'));
    });
    // MathJax's SVG formulas are role=img; until its assistive MathML arrives they have no name: use the TeX.
    document.querySelectorAll('.MathJax_SVG svg[role="img"]:not([aria-label])').forEach(svg => {
      const frame = svg.closest('.MathJax_SVG');
      const source = frame && frame.id && document.getElementById(frame.id.replace(/-Frame$/, ''));
      svg.setAttribute('aria-label', source ? source.textContent.trim() : 'formula');
    });
    document.querySelectorAll('.reveal .slides section').forEach(s => {
      const hidden = s.hasAttribute('hidden') || s.getAttribute('aria-hidden') === 'true';
      if (s.inert !== hidden) s.inert = hidden;
    });
  }
  let queued = false;
  function later() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fix(); });
  }
  const watch = () => {
    fix();
    new MutationObserver(later).observe(document.body, {
      childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'aria-hidden', 'title']});
  };
  // In a deck, keys pressed on a widget (an arrow on a slider) belong to the widget, not to reveal.js's navigation.
  const keepKeys = () => {
    const slides = document.querySelector('.reveal .slides');
    if (slides) slides.addEventListener('keydown', e => { if (e.target.closest('.jupyter-widgets')) e.stopPropagation(); });
  };
  const start = () => { keepKeys(); watch(); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
"""


def _rgb(hex_colour):
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def luminance(hex_colour):
    """WCAG relative luminance."""
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(hex_colour)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg, bg):
    """WCAG contrast ratio of two colours, 1 to 21."""
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def passing(colour, background=CODE_BACKGROUND, target=AA + 0.1):
    """The colour itself if it passes AA on the background, else the same hue darkened until it does."""
    r, g, b = _rgb(colour)
    for k in range(101):
        f = 1 - k / 100
        out = "#" + "".join(f"{round(c * f * 255):02x}" for c in (r, g, b))
        if contrast(out, background) >= target:
            return out
    return "#000000"


# reveal.js 4's white theme colours links #2a76dd: 4.43 to 1 on its white slides, below AA for text under 18 pt.
# Markdown links keep JupyterLab's darker colour; links inside widgets (chapter 07's quiz) took reveal's.
REVEAL_LINK, REVEAL_BACKGROUND = "#2a76dd", "#ffffff"


def css():
    """The exports' extra CSS: the code colours and reveal's link colour moved to AA, then the fixed rules."""
    editor = "\n".join(f"  --jp-mirror-editor-{k}-color: {passing(v)};" for k, v in EDITOR_COLOURS.items())
    link = f".reveal .jupyter-widgets a {{ color: {passing(REVEAL_LINK, REVEAL_BACKGROUND)}; }}"
    return f":root, body, .jp-Notebook, .reveal {{\n{editor}\n}}\n{link}\n{FIXED_CSS}"
