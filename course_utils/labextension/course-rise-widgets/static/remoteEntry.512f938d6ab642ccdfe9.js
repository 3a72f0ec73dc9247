/* course-rise-widgets: lets ipywidgets sliders work inside RISE slides (jupyterlab-rise).
 *
 * 1. Loading. The widget manager (@jupyter-widgets/jupyterlab-manager 5) consumes the shared
 * singleton @jupyterlab/console and has no copy of its own, but the RISE app does not share that
 * package, so in RISE webpack throws "Shared module @jupyterlab/console doesn't exist in shared
 * scope default" and no widget renders (https://github.com/jupyterlab-contrib/rise/issues/119).
 * The manager takes one thing from that package, the IConsoleTracker token, and only as an
 * optional plugin dependency. RISE has no consoles, so a token that nothing provides is exactly
 * right: the manager gets null for it and renders widgets in the notebook.
 *
 * 2. Keys. JupyterLab lets a focused widget take a key first (its app handles keydown in the bubble
 * phase). The RISE app handles keydown in the capture phase, so ArrowRight on a slider handle runs
 * the notebook's "next heading" shortcut instead and the slide changes; reveal.js, listening on the
 * document, would then take the key too. Here a key aimed at a widget skips the app's shortcuts
 * (Lumino's data-lm-suppress-shortcuts attribute), and once the widget has used it (preventDefault)
 * it goes no further, so reveal.js does not turn the slide. Other keys navigate as before.
 *
 * How: a hand-written federated extension. JupyterLab and RISE call the two functions every
 * remoteEntry exposes, init(shareScope) then get(module). init adds @jupyterlab/console to the
 * share scope only when it is missing (RISE). JupyterLab proper shares the real package, so there
 * this extension does nothing and get("./extension") returns no plugins.
 * Shipped by the course package (course_utils/labextension); checked by tests/test_rise_extension.py,
 * tests/browser/test_rise_extension_js.py and test_live_rise.py. Its file name carries a hash of
 * this file, so browsers never run a cached older copy.
 */
(function () {
  "use strict";
  var NAME = "course-rise-widgets";
  var PACKAGE = "@jupyterlab/console";
  // The range the widget manager asks for is ^4.6.2; a version inside it keeps webpack from
  // logging "Unsatisfied version". A manager built later against a newer 4.x would only warn.
  var VERSION = "4.6.2";
  var inRise = false;  // set by init: the share scope lacked @jupyterlab/console

  function newer(a, b) {  // true when version a > b (numeric parts; good enough for picking)
    var x = a.split(/[.+-]/), y = b.split(/[.+-]/);
    for (var i = 0; i < 3; i++) {
      var d = (parseInt(x[i], 10) || 0) - (parseInt(y[i], 10) || 0);
      if (d) return d > 0;
    }
    return false;
  }

  function singleton(versions) {  // as webpack picks a shared singleton: the loaded copy, else the newest
    var keys = Object.keys(versions || {}), best = null;
    for (var i = 0; i < keys.length; i++) {
      if (versions[keys[i]].loaded) return versions[keys[i]];
      if (best === null || newer(keys[i], best)) best = keys[i];
    }
    return best === null ? null : versions[best];
  }

  // The module other extensions receive. Loaded only when one of them asks for it.
  function consoleModule(scope) {
    var coreutils = singleton(scope["@lumino/coreutils"]);
    var make = function (Token) {
      var exports = {
        IConsoleTracker: new Token("@jupyterlab/console:IConsoleTracker",
                                   "A service for the console panels (none in RISE).")
      };
      return function () { return exports; };
    };
    if (!coreutils) {  // no Lumino in the scope: a plain object serves as an unprovided token
      return Promise.resolve(make(function (name, description) {
        this.name = name; this.description = description;
      }));
    }
    coreutils.loaded = 1;
    return Promise.resolve(coreutils.get()).then(function (factory) { return make(factory().Token); });
  }

  function inWidget(target) {
    return !!(target && target.closest && target.closest(".jupyter-widgets"));
  }

  var keys = {
    id: NAME + ":keys",
    description: "Keys pressed on a focused widget go to the widget, not to the slideshow (RISE only).",
    autoStart: true,
    activate: function () {
      // Window, capturing: runs before the app's own capturing listener on the document.
      window.addEventListener("keydown", function (event) {
        if (inWidget(event.target)) event.target.setAttribute("data-lm-suppress-shortcuts", "true");
      }, true);
      // The root element, bubbling: after the widget, before reveal.js's listener on the document.
      document.documentElement.addEventListener("keydown", function (event) {
        if (event.defaultPrevented && inWidget(event.target)) event.stopPropagation();
      });
    }
  };

  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB[NAME] = {
    init: function (scope) {
      if (scope[PACKAGE]) return;  // JupyterLab proper: the real package is shared, change nothing
      inRise = true;
      var entry = {from: NAME, eager: false, get: function () { return consoleModule(scope); }};
      scope[PACKAGE] = {};
      scope[PACKAGE][VERSION] = entry;
    },
    get: function (module) {
      if (module !== "./extension") {
        return Promise.reject(new Error(NAME + " exposes only ./extension, not " + module));
      }
      var plugins = inRise ? [keys] : [];
      return Promise.resolve(function () { return {__esModule: true, "default": plugins}; });
    }
  };
})();
