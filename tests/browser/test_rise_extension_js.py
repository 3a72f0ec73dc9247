"""course-rise-widgets' script on its own in Chromium, with hand-made webpack share scopes (no server needed).

It must change nothing where @jupyterlab/console is shared (JupyterLab proper) and supply its token where
it is not (RISE). The real thing is checked in tests/browser/test_live_rise.py.
"""

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
FOLDER = Path(__file__).resolve().parents[2] / "course_utils" / "labextension" / "course-rise-widgets"
ENTRY = FOLDER / json.loads((FOLDER / "package.json").read_text())["jupyterlab"]["_build"]["load"]

# A share scope as webpack builds it: scope[package][version] = {get: () => Promise<factory>, from, eager}.
_JS_SCOPE = """(withConsole) => {
  class Token { constructor(name, description) { this.name = name; this.description = description; } }
  const entry = (exports) => ({from: 'host', eager: false, get: () => Promise.resolve(() => exports)});
  window.__Token = Token;
  window.__scope = {'@lumino/coreutils': {'2.2.0': entry({Token})}};
  if (withConsole) window.__scope['@jupyterlab/console'] = {'4.6.6': entry({IConsoleTracker: 'the real one'})};
  return true;
}"""

_JS_INIT_AND_GET = """async () => {
  const ext = window._JUPYTERLAB['course-rise-widgets'];
  await ext.init(window.__scope);
  const module = (await ext.get('./extension'))();
  const plugins = module.default.map(p => ({id: p.id, autoStart: p.autoStart, activate: typeof p.activate}));
  const versions = window.__scope['@jupyterlab/console'];
  const [version, entry] = Object.entries(versions)[0];
  const exported = (await entry.get())();
  const token = exported.IConsoleTracker;
  return {esModule: module.__esModule, plugins, versions: Object.keys(versions), version, from: entry.from,
          eager: entry.eager, token: token.name || token, isToken: token instanceof window.__Token,
          coreutilsLoaded: !!window.__scope['@lumino/coreutils']['2.2.0'].loaded};
}"""


@pytest.fixture
def blank(chromium):
    """A fresh blank page with the extension's script loaded (its state is per page)."""
    page = chromium.new_page()
    page.add_script_tag(content=ENTRY.read_text())
    yield page
    page.close()


def test_changes_nothing_where_console_is_shared(blank):
    """Check that in JupyterLab proper (console shared) the scope keeps core's entry and no plugin is added."""
    blank.evaluate(_JS_SCOPE, True)
    got = blank.evaluate(_JS_INIT_AND_GET)
    assert got["versions"] == ["4.6.6"] and got["from"] == "host" and got["token"] == "the real one"
    assert got["plugins"] == [] and got["esModule"] is True


def test_shares_an_unprovided_console_token_where_it_is_missing(blank):
    """Check that in RISE's scope it adds @jupyterlab/console whose IConsoleTracker is a Lumino Token."""
    blank.evaluate(_JS_SCOPE, False)
    got = blank.evaluate(_JS_INIT_AND_GET)
    assert got["versions"] == [got["version"]] and got["from"] == "course-rise-widgets" and got["eager"] is False
    major, minor, patch = map(int, got["version"].split("."))
    assert major == 4 and (minor, patch) >= (6, 2), "must satisfy the widget manager's ^4.6.2"
    assert got["isToken"] and got["token"] == "@jupyterlab/console:IConsoleTracker"
    assert got["coreutilsLoaded"], "the Token class came from the shared @lumino/coreutils"


def test_adds_the_keyboard_plugin_only_in_rise(blank):
    """Check that where the console was missing the extension brings its one plugin, started automatically."""
    blank.evaluate(_JS_SCOPE, False)
    got = blank.evaluate(_JS_INIT_AND_GET)
    assert got["plugins"] == [{"id": "course-rise-widgets:keys", "autoStart": True, "activate": "function"}]


def test_rejects_modules_it_does_not_expose(blank):
    """Check that asking for any module but ./extension fails loudly instead of returning nothing."""
    message = blank.evaluate("() => window._JUPYTERLAB['course-rise-widgets'].get('./style')"
                             ".then(() => 'resolved', e => String(e))")
    assert "exposes only ./extension" in message
