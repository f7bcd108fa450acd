/* Glossary explanations on tap, click and keyboard.
 *
 * The glossary extension (course/glossary.py) marks the first occurrence of each term in each
 * `##` section as <abbr class="kk-term" title="…">. Here each of them becomes a real <button>
 * that opens the explanation as a popover (the HTML Popover API: Esc and a tap outside close it,
 * the browser keeps the button as its invoker). The button says whether it is open
 * (aria-expanded) and is described by the explanation (aria-describedby, which counts even while
 * the popover is hidden), so a screen reader reads it with the word. Without JavaScript, or in a browser without popovers, the <abbr title>
 * stays as it was, readable on hover.
 */
(function () {
  "use strict";

  var supported = typeof HTMLElement !== "undefined" && "popover" in HTMLElement.prototype;
  var count = 0;

  // Under the button, or above it when the window has no room below; always inside the window.
  function place(pop, button) {
    var r = button.getBoundingClientRect();
    var margin = 8;
    var width = pop.offsetWidth, height = pop.offsetHeight;
    var left = Math.max(margin, Math.min(r.left, window.innerWidth - width - margin));
    var top = r.bottom + 4;
    if (top + height > window.innerHeight - margin && r.top - height - 4 >= margin) top = r.top - height - 4;
    pop.style.left = left + "px";
    pop.style.top = top + "px";
  }

  function upgrade(abbr) {
    var title = abbr.getAttribute("title");
    if (!title) return;
    var id = "kk-term-" + (++count);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kk-term";
    button.setAttribute("popovertarget", id);
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", id);
    button.setAttribute("aria-describedby", id);
    // The explanation is the popover's; a title left on the word would show a second one on hover.
    var word = document.createElement("abbr");
    word.textContent = abbr.textContent;
    button.appendChild(word);

    var pop = document.createElement("span");
    pop.id = id;
    pop.className = "kk-term__pop";
    pop.setAttribute("popover", "auto");
    pop.setAttribute("role", "note");
    pop.textContent = title;

    function follow() { place(pop, button); }
    pop.addEventListener("toggle", function (event) {
      var open = event.newState === "open";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) {
        follow();  // now that it has a size
        window.addEventListener("scroll", follow, { passive: true });
        window.addEventListener("resize", follow);
      } else {
        window.removeEventListener("scroll", follow);
        window.removeEventListener("resize", follow);
      }
    });
    // Near the word from its first frame, before it has a size to refine the place with.
    pop.addEventListener("beforetoggle", function (event) {
      if (event.newState !== "open") return;
      var r = button.getBoundingClientRect();
      pop.style.left = Math.max(8, Math.min(r.left, window.innerWidth - 320)) + "px";
      pop.style.top = r.bottom + 4 + "px";
    });
    abbr.replaceWith(button);
    button.after(pop);
  }

  function init() {
    if (!supported) return;
    Array.prototype.forEach.call(document.querySelectorAll("article abbr.kk-term[title]"), upgrade);
  }

  if (window.krisesenterkurs && window.krisesenterkurs.onPage) window.krisesenterkurs.onPage(init);
})();
