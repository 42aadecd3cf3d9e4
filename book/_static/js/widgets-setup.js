// Written for this book (not vendored). Loaded after require.js and before embed-amd.js on pages
// with widgets (_config.yml, nb_ipywidgets_js); works on any server path and from file://.
(function () {
  // 1. Tell RequireJS where the vendored widget manager lives. The modules bundled in
  //    embed-amd.js load their icon fonts from the folder of their module URL, which is otherwise
  //    derived from the module's name below the page's own folder
  //    ("@jupyter-widgets/html-manager/dist/...", "@jupyter-widgets/..."): those requests fail.
  //    Every module is defined inside embed-amd.js, so RequireJS never fetches these URLs.
  var here = document.currentScript && document.currentScript.src;
  if (here && typeof require !== "undefined" && require.config) {
    var folder = new URL("../vendor/html-manager/", here).href.replace(/\/$/, "");
    var paths = { "@jupyter-widgets/html-manager/dist": folder };
    ["html-manager", "base", "base7", "controls", "controls7"].forEach(function (name) {
      paths["@jupyter-widgets/" + name] = folder + "/" + name;
    });
    require.config({ paths: paths });
  }
  // 2. The widgets typeset their labels with MathJax 2's MathJax.Hub.Queue whenever a global
  //    MathJax exists; the book serves MathJax 3, which has no Hub, so every labelled widget threw
  //    "Cannot read properties of undefined (reading 'Queue')". Give MathJax 3 a small Hub that
  //    forwards to its typesetPromise. Added when the document is parsed (after the deferred
  //    MathJax script ran, before the widget manager renders).
  function addHub() {
    var mathjax = window.MathJax;
    if (!mathjax || mathjax.Hub) {
      return;
    }
    mathjax.Hub = {
      Queue: function (job) {
        var element = job && job[2];
        var ready = (mathjax.startup && mathjax.startup.promise) || Promise.resolve();
        ready
          .then(function () {
            return mathjax.typesetPromise ? mathjax.typesetPromise(element ? [element] : undefined) : null;
          })
          .catch(function () {});
      },
    };
  }
  document.addEventListener("DOMContentLoaded", addHub);
  window.addEventListener("load", addHub);
})();
