/* Quiz behaviour for pages built with the krisesenterkurs.quiz Markdown extension.
 *
 * The HTML holds everything (questions, right answers, explanations, words in
 * the page's language); this script only checks answers, shows results and
 * keeps them in localStorage (through storage.js). How answers and results are
 * kept, and what counts as right or passed, is record.js's (the learner-record
 * format); this script draws. It runs once per page, also after Material's
 * instant navigation swaps the page in without a reload.
 *
 * Every option, matching item and step carries its author's index (data-index): answers are
 * kept by it, so the order shown (drawn per attempt for single and multiple choice and for
 * ordering, record.js's shownOrder) never changes what an answer means.
 */
(function () {
  "use strict";

  // Run again by instant navigation (the script sits in the page content): set up the new page.
  if (window.krisesenterkurs && window.krisesenterkurs.quiz) {
    window.krisesenterkurs.quiz.init();
    return;
  }

  // storage.js and record.js may run after this script (all are deferred), so they are looked up
  // when needed.
  function store() {
    return window.krisesenterkurs && window.krisesenterkurs.store;
  }

  // The learner-record format (record.js).
  function rules() {
    return window.krisesenterkurs && window.krisesenterkurs.record;
  }

  // Returns {record, problem}: problem is "unavailable", "unreadable" or null.
  function readRecord(bankId) {
    var name = rules().quizName(bankId);
    var found = store() ? store().read(name, rules().isQuizRecord) : { value: null, problem: "unavailable" };
    return { record: found.value || rules().emptyQuiz(), problem: found.problem };
  }

  function writeRecord(bankId, record) {
    return !!store() && store().write(rules().quizName(bankId), record);
  }

  // The module whose quiz this bank is, from the course manifest every page carries: a pass is
  // kept with the module's version (record.js's recordAttempt), or without one when it is unknown.
  function moduleOf(bankId) {
    var el = document.querySelector(".kk-course[data-course]");
    try {
      return rules().moduleOfBank(JSON.parse(el.getAttribute("data-course")), bankId);
    } catch (e) {
      return null;
    }
  }

  // Group mode switched on with the quiz's button lasts while the tab is open (sessionStorage, under
  // the course's prefix, like presentation view): a reload in a workshop keeps it. It is not
  // learner progress, and localStorage never holds it.
  function groupKey(bankId) {
    return store() && rules() ? rules().keyPrefix(store().siteKey()) + "group:" + bankId : null;
  }

  function groupKept(bankId) {
    var key = groupKey(bankId);
    try {
      return !!key && window.sessionStorage.getItem(key) === "on";
    } catch (e) {
      return false;  // storage blocked: the mode still works, for this page
    }
  }

  function keepGroup(bankId, on) {
    var key = groupKey(bankId);
    if (!key) return;
    try {
      if (on) window.sessionStorage.setItem(key, "on");
      else window.sessionStorage.removeItem(key);
    } catch (e) { /* storage blocked: nothing to keep it in */ }
  }

  // The quizzes set up on this page and the pages before it (instant navigation keeps the script).
  var live = [];

  /* ---------- helpers ---------- */

  function mark(el, kind, icon, text) {
    el.textContent = "";
    var glyph = document.createElement("span");
    glyph.className = "kk-icon";
    glyph.setAttribute("aria-hidden", "true");
    glyph.textContent = icon;
    el.appendChild(glyph);
    el.appendChild(document.createTextNode(" " + text));
    el.className = el.className.replace(/\s*kk--(right|wrong|info)/g, "") + " kk--" + kind;
    el.hidden = false;
  }

  function slice(list) {
    return Array.prototype.slice.call(list);
  }

  function typeOf(q) {
    return q.getAttribute("data-type");
  }

  function indexOf(part) {
    return Number(part.getAttribute("data-index"));
  }

  // The types whose options or steps are shown in an order drawn for each attempt.
  var DRAWN = { single: true, multiple: true, ordering: true };

  /* ---------- one quiz ---------- */

  function Quiz(root, page) {
    this.root = root;
    this.page = page;
    this.bankId = root.getAttribute("data-bank");
    this.bankHash = root.getAttribute("data-bank-hash");
    this.passMark = Number(root.getAttribute("data-pass-mark"));
    this.subset = root.hasAttribute("data-subset");
    this.words = JSON.parse(root.getAttribute("data-strings"));
    this.questions = Array.prototype.slice.call(root.querySelectorAll(".kk-question"));
    this.summary = root.querySelector(".kk-quiz__summary");
    this.progress = root.querySelector(".kk-quiz__progress");
    this.retryButton = root.querySelector(".kk-quiz__retry");
    this.notice = root.querySelector(".kk-quiz__notice");
    this.groupToggle = root.querySelector(".kk-quiz__group-toggle");
    // Group mode (workshops): nothing is read, scored or stored.
    this.group = root.getAttribute("data-mode") === "group";

    var self = this;
    this.review = root.querySelector(".kk-quiz__review");
    // The order the page was written in: the author's for choices, a mixed one for ordering (the
    // order group mode, print and the no-JavaScript view show).
    this.questions.forEach(function (q) {
      q.kkWritten = self.parts(q).map(indexOf);
      var moves = q.querySelectorAll(".kk-order__moves");
      for (var i = 0; i < moves.length; i++) moves[i].hidden = false;
      if (typeOf(q) === "ordering") self.updateMoves(q);
    });
    // One listener for the whole quiz rather than two per question: less to set up on load.
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !root.contains(button)) return;
      var q = button.closest(".kk-question");
      if (button.classList.contains("kk-question__check")) self.check(q);
      else if (button.classList.contains("kk-question__reveal")) self.reveal(q);
      else if (button.classList.contains("kk-order__up")) self.move(q, button, -1);
      else if (button.classList.contains("kk-order__down")) self.move(q, button, 1);
      else if (button === self.retryButton) self.retry();
      else if (button === self.groupToggle && !root.hasAttribute("data-fixed-mode")) {
        self.setMode(!self.group, true);
        keepGroup(self.bankId, self.group);
      }
    });
    // The HTML shows an unanswered quiz in its mode; only saved answers (or group mode kept for
    // this tab) change that, so nothing else is touched here (no work and no layout shift while
    // the page loads).
    if (!this.group && !root.hasAttribute("data-fixed-mode") && groupKept(this.bankId)) this.setMode(true, false);
    else {
      if (!this.group) this.load();
      this.update(false);
    }
    root.setAttribute("data-ready", "");
    live.push(this);
  }

  // Takes in what another tab stored since this one last looked (record.js's mergeQuiz): done
  // before every write, so a tab opened earlier never writes back its older copy of the record.
  Quiz.prototype.take = function () {
    if (!store() || this.group) return;
    var found = store().read(rules().quizName(this.bankId), rules().isQuizRecord);
    if (found.value) this.record = rules().mergeQuiz(found.value, this.record);
  };

  // Shows the record's answers: a question answered elsewhere appears answered, one another tab
  // started over is cleared. Questions being answered here (ticked, not checked) are left alone.
  Quiz.prototype.redraw = function () {
    var self = this;
    this.questions.forEach(function (q) {
      var chosen = self.saved(q);
      if (chosen) self.show(q, chosen);
      else if (q.hasAttribute("data-state")) self.clear(q);
    });
  };

  // Another tab changed this quiz's record.
  Quiz.prototype.refresh = function () {
    if (this.group || !this.record) return;
    this.take();
    this.redraw();
    this.update(false);
  };

  Quiz.prototype.load = function () {
    var self = this;
    if (!this.record) {
      var loaded = readRecord(this.bankId);
      this.record = loaded.record;
      if (loaded.problem) this.warn(loaded.problem);
    }
    this.questions.forEach(function (q) { self.restore(q); });
  };

  Quiz.prototype.setMode = function (group, announce) {
    var self = this;
    this.group = group;
    this.root.setAttribute("data-mode", group ? "group" : "individual");
    this.groupToggle.setAttribute("aria-pressed", group ? "true" : "false");
    this.questions.forEach(function (q) {
      self.clear(q);
      q.querySelector(".kk-question__check").hidden = group;
      q.querySelector(".kk-question__reveal").hidden = !group;
    });
    this.summary.textContent = "";
    if (!group) this.load();
    this.update(false);
    if (announce) this.summary.textContent = group ? this.words.group_on : this.words.group_off;
  };

  // Group mode: show the right answer, the explanation and the source; judge no one.
  Quiz.prototype.reveal = function (q) {
    var words = this.words;
    var correct = this.correctOf(q);
    var type = typeOf(q);
    if (type === "ordering") {
      this.arrange(q, correct);
      this.parts(q).forEach(function (step, n) {
        mark(step.querySelector(".kk-option__mark"), "info", "→", rules().format(words.order_place, { n: n + 1 }));
      });
      this.showMoves(q, false);
    } else if (type === "matching") {
      var self = this;
      this.parts(q).forEach(function (item, i) {
        mark(item.querySelector(".kk-option__mark"), "info", "→",
          rules().format(words.match_answer, { category: self.categoryName(item, correct[i]) }));
      });
    } else {
      this.parts(q).forEach(function (option) {
        var markEl = option.querySelector(".kk-option__mark");
        if (correct.indexOf(indexOf(option)) !== -1) mark(markEl, "right", "✓", words.correct_answer);
        else markEl.hidden = true;
      });
    }
    q.querySelector(".kk-question__verdict").hidden = true;
    q.querySelector(".kk-question__reveal").hidden = true;
    var result = q.querySelector(".kk-question__result");
    result.hidden = false;
    q.setAttribute("data-revealed", "true");
    result.focus();
  };

  Quiz.prototype.warn = function (problem) {
    // Said once per page, however many quizzes it holds.
    if (this.page.warned) return;
    this.page.warned = true;
    this.notice.textContent = problem === "unreadable" ? this.words.bad_storage : this.words.no_storage;
    this.notice.hidden = false;
  };

  Quiz.prototype.inputs = function (q) {
    return slice(q.querySelectorAll("input, select"));
  };

  // The options, matching items or steps, in the order they stand in the page.
  Quiz.prototype.parts = function (q) {
    return slice(q.querySelectorAll(".kk-question__options [data-index]"));
  };

  Quiz.prototype.correctOf = function (q) {
    return q.getAttribute("data-correct").split(" ").map(Number);
  };

  Quiz.prototype.categoryName = function (item, category) {
    var option = item.querySelector('option[value="' + category + '"]');
    return option ? option.textContent : "";
  };

  // Puts the options or steps in `order` (author indices), moving only what must move.
  Quiz.prototype.arrange = function (q, order) {
    var parts = this.parts(q);
    if (!parts.length || parts.map(indexOf).join(" ") === order.join(" ")) return;
    var byIndex = {};
    parts.forEach(function (part) { byIndex[indexOf(part)] = part; });
    var list = parts[0].parentNode;
    order.forEach(function (i) { if (byIndex[i]) list.appendChild(byIndex[i]); });
    if (typeOf(q) === "ordering") this.updateMoves(q);
  };

  // The order to show an unanswered question in: drawn from the attempt's seed (record.js), or in
  // group mode the page's own.
  Quiz.prototype.orderOf = function (q) {
    var type = typeOf(q);
    if (!DRAWN[type]) return null;
    if (this.group || !this.record) return q.kkWritten;
    return rules().shownOrder(rules().attemptSeed(this.record), q.getAttribute("data-qid"), q.kkWritten.length,
      type === "ordering");
  };

  Quiz.prototype.showMoves = function (q, shown) {
    slice(q.querySelectorAll(".kk-order__moves")).forEach(function (moves) { moves.hidden = !shown; });
  };

  // The first step cannot move up, nor the last down.
  Quiz.prototype.updateMoves = function (q) {
    var steps = this.parts(q);
    steps.forEach(function (step, n) {
      step.querySelector(".kk-order__up").disabled = n === 0;
      step.querySelector(".kk-order__down").disabled = n === steps.length - 1;
    });
  };

  // «Flytt opp»/«Flytt ned»: the step moves one place, keeps the focus (on the other button when
  // it reached the end) and its new place is announced.
  Quiz.prototype.move = function (q, button, delta) {
    var step = button.closest(".kk-order__step");
    var steps = this.parts(q);
    var to = steps.indexOf(step) + delta;
    if (to < 0 || to >= steps.length) return;
    step.parentNode.insertBefore(step, delta < 0 ? steps[to] : steps[to].nextSibling);
    this.updateMoves(q);
    (button.disabled ? step.querySelector(delta < 0 ? ".kk-order__down" : ".kk-order__up") : button).focus();
    q.querySelector(".kk-order__live").textContent = rules().format(this.words.moved, {
      item: step.querySelector(".kk-order__text").textContent, n: to + 1, total: steps.length,
    });
  };

  Quiz.prototype.saved = function (q) {
    // An answer to an older version of the question is not applied to the new text.
    var type = typeOf(q), parts = this.parts(q);
    var count = type === "matching" ? parts[0].querySelectorAll("option").length - 1 : parts.length;
    return rules().savedAnswer(this.record, q.getAttribute("data-qid"), q.getAttribute("data-qhash"), count, type,
      parts.length);
  };

  // An answered question too stands in the attempt's order (ordering then shows the learner's).
  Quiz.prototype.restore = function (q) {
    var order = this.orderOf(q);
    if (order) this.arrange(q, order);
    var chosen = this.saved(q);
    if (chosen) this.show(q, chosen);
  };

  // The learner's answer as it stands (see record.js), or null when it is not complete.
  Quiz.prototype.answerOf = function (q) {
    var type = typeOf(q), parts = this.parts(q);
    if (type === "ordering") return parts.map(indexOf);
    if (type === "matching") {
      var values = parts.map(function (item) { return item.querySelector("select").value; });
      return values.indexOf("") === -1 ? values.map(Number) : null;
    }
    var chosen = parts.filter(function (o) { return o.querySelector("input").checked; }).map(indexOf);
    chosen.sort(function (a, b) { return a - b; });
    return chosen.length ? chosen : null;
  };

  Quiz.prototype.check = function (q) {
    if (this.group) return;
    var chosen = this.answerOf(q);
    var status = q.querySelector(".kk-question__status");
    if (!chosen) {
      status.textContent = typeOf(q) === "matching" ? this.words.choose_all : this.words.choose_first;
      return;
    }
    status.textContent = "";
    var wasFinished = this.root.getAttribute("data-finished") === "true";
    var qid = q.getAttribute("data-qid");
    rules().attemptSeed(this.record);  // the order shown is kept with the attempt's first answer
    rules().recordAnswer(this.record, qid, q.getAttribute("data-qhash"), chosen, new Date().toISOString());
    var mine = this.record.answers[qid];
    this.take();
    // A tab that had not seen another tab's answer to this question gets that one: within an
    // attempt the first answer stands. Then nothing new is kept, and the page shows what is.
    var kept = this.record.answers[qid];
    var taken = !!kept && kept.t === mine.t;
    this.redraw();
    this.update(taken);
    // The last answer finishes the quiz: the result, below on a phone's screen, gets the focus.
    if (!wasFinished && this.root.getAttribute("data-finished") === "true") this.summary.focus();
    else q.querySelector(".kk-question__result").focus();
  };

  Quiz.prototype.show = function (q, chosen) {
    var words = this.words;
    var correct = this.correctOf(q);
    var type = typeOf(q);
    var right = rules().isRight(chosen, correct, type);
    var self = this;
    if (type === "ordering") {
      this.arrange(q, chosen);
      this.showMoves(q, false);
      this.parts(q).forEach(function (step, n) {
        var i = indexOf(step);
        if (i === n) mark(step.querySelector(".kk-option__mark"), "right", "✓", words.order_right);
        else mark(step.querySelector(".kk-option__mark"), "wrong", "✗", rules().format(words.order_wrong, { n: i + 1 }));
      });
    } else if (type === "matching") {
      this.parts(q).forEach(function (item, i) {
        var select = item.querySelector("select");
        select.value = String(chosen[i]);
        select.disabled = true;
        var markEl = item.querySelector(".kk-option__mark");
        if (chosen[i] === correct[i]) mark(markEl, "right", "✓", words.match_right);
        else mark(markEl, "wrong", "✗", rules().format(words.match_wrong, { category: self.categoryName(item, correct[i]) }));
      });
    } else {
      this.parts(q).forEach(function (option) {
        var i = indexOf(option);
        var input = option.querySelector("input");
        var isChosen = chosen.indexOf(i) !== -1;
        var isCorrect = correct.indexOf(i) !== -1;
        input.checked = isChosen;
        input.disabled = true;
        var markEl = option.querySelector(".kk-option__mark");
        if (isChosen && isCorrect) mark(markEl, "right", "✓", words.chosen_right);
        else if (isChosen) mark(markEl, "wrong", "✗", words.chosen_wrong);
        else if (isCorrect) mark(markEl, "info", "→", words.missed);
        else markEl.hidden = true;
        var feedback = option.querySelector(".kk-option__feedback");
        if (feedback) feedback.hidden = !isChosen;
      });
    }
    mark(q.querySelector(".kk-question__verdict"), right ? "right" : "wrong", right ? "✓" : "✗",
      right ? words.right_verdict : words.wrong_verdict);
    q.querySelector(".kk-question__check").hidden = true;
    q.querySelector(".kk-question__result").hidden = false;
    q.setAttribute("data-state", right ? "right" : "wrong");
  };

  Quiz.prototype.clear = function (q) {
    this.inputs(q).forEach(function (input) {
      if (input.tagName === "SELECT") input.value = "";
      else input.checked = false;
      input.disabled = false;
    });
    this.parts(q).forEach(function (part) {
      part.querySelector(".kk-option__mark").hidden = true;
      var feedback = part.querySelector(".kk-option__feedback");
      if (feedback) feedback.hidden = true;
    });
    this.showMoves(q, true);
    var order = this.orderOf(q);
    if (order) this.arrange(q, order);
    q.querySelector(".kk-question__check").hidden = this.group;
    q.querySelector(".kk-question__reveal").hidden = !this.group;
    q.querySelector(".kk-question__verdict").hidden = false;
    q.querySelector(".kk-question__result").hidden = true;
    q.querySelector(".kk-question__status").textContent = "";
    q.removeAttribute("data-state");
    q.removeAttribute("data-revealed");
  };

  // Recomputes progress and result from the questions' state; `changed` means the learner acted.
  Quiz.prototype.update = function (changed) {
    if (this.group) {
      this.progress.textContent = "";
      this.retryButton.hidden = true;
      this.root.removeAttribute("data-finished");
      this.root.removeAttribute("data-passed");
      this.showReview([]);
      return;
    }
    var total = this.questions.length;
    var checked = this.questions.filter(function (q) { return q.hasAttribute("data-state"); });
    var correct = checked.filter(function (q) { return q.getAttribute("data-state") === "right"; }).length;
    var finished = checked.length === total;
    this.progress.textContent = rules().format(this.words.progress, { checked: checked.length, total: total });
    this.retryButton.hidden = checked.length === 0;
    this.root.setAttribute("data-finished", finished ? "true" : "false");
    if (finished) {
      var result = rules().attempt(this.bankHash, correct, total, this.passMark, new Date().toISOString());
      var passed = result.passed;
      this.summary.textContent = "";
      var line = document.createElement("p");
      line.className = "kk-quiz__score";
      line.textContent = rules().format(this.words.result, { correct: correct, total: total, percent: result.percent });
      var verdict = document.createElement("p");
      mark(verdict, passed ? "right" : "wrong", passed ? "✓" : "✗", passed ? this.words.passed : this.words.failed);
      verdict.className += " kk-quiz__verdict";
      this.summary.appendChild(line);
      this.summary.appendChild(verdict);
      this.root.setAttribute("data-passed", passed ? "true" : "false");
      this.showReview(checked.filter(function (q) { return q.getAttribute("data-state") !== "right"; }));
      // A quiz showing only some of the bank's questions does not give the bank a result.
      if (changed && !this.subset) rules().recordAttempt(this.record, result, moduleOf(this.bankId));
    } else {
      this.root.removeAttribute("data-passed");
      if (changed || this.root.hasAttribute("data-ready")) this.summary.textContent = "";
      this.showReview([]);
    }
    if (changed) {
      this.record.v = rules().FORMAT;
      if (!writeRecord(this.bankId, this.record)) this.warn("unavailable");
      else store().changed();
    }
  };

  // After the last answer: the questions answered wrong, each linked, with the page that teaches
  // it («Les mer», from the question's learn_more). Stays until the learner starts again.
  Quiz.prototype.showReview = function (wrong) {
    var review = this.review;
    if (!review) return;
    review.textContent = "";
    review.hidden = !wrong.length;
    if (!wrong.length) return;
    var heading = document.createElement("p");
    heading.className = "kk-quiz__review-title";
    heading.textContent = this.words.review;
    var list = document.createElement("ul");
    wrong.forEach(function (q) {
      var entry = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + q.id;
      var prompt = q.querySelector(".kk-question__prompt").cloneNode(true);
      var number = prompt.querySelector(".kk-question__number");
      link.textContent = number ? number.textContent : "";
      if (number) prompt.removeChild(number);
      entry.appendChild(link);
      entry.appendChild(document.createTextNode(": " + prompt.textContent.trim()));
      var more = q.querySelector(".kk-question__learn-more a");
      if (more) {
        var line = document.createElement("span");
        line.className = "kk-quiz__review-more";
        line.appendChild(more.cloneNode(true));
        entry.appendChild(line);
      }
      list.appendChild(entry);
    });
    review.appendChild(heading);
    review.appendChild(list);
  };

  Quiz.prototype.retry = function () {
    var self = this;
    if (this.subset) {
      // A page with some of the bank's questions starts over only those.
      this.take();
      this.questions.forEach(function (q) { rules().forgetAnswer(self.record, q.getAttribute("data-qid")); });
    } else {
      // The learner chose to start over here: this is what lets the passed attempt's answers go,
      // also those another tab stored before now (not the pass itself).
      rules().startOver(this.record, new Date().toISOString());
      this.take();
    }
    this.questions.forEach(function (q) { self.clear(q); });
    this.update(true);
    this.summary.textContent = this.words.retry_done;
    var first = this.root.querySelector(".kk-question input, .kk-question select, .kk-order__moves button:not([disabled])");
    if (first) first.focus();
  };

  /* ---------- page ---------- */

  function init() {
    var page = { warned: false };
    var found = document.querySelectorAll(".kk-quiz:not([data-ready])");
    // For the benchmark (python -m bench): when setting up began and when the quizzes became usable.
    var timed = found.length && window.performance && performance.mark;
    if (timed) performance.mark("krisesenterkurs:quiz-start");
    Array.prototype.forEach.call(found, function (root) {
      try {
        new Quiz(root, page);
      } catch (e) {
        // One broken quiz must not stop the others on the page.
        if (window.console) console.error("krisesenterkurs quiz:", e);
      }
    });
    if (timed) performance.mark("krisesenterkurs:quiz-ready");
  }

  // Another tab changed a quiz's record: quizzes still on the page show it at once.
  function watch() {
    if (watching || !store() || !store().watch) return;
    watching = true;
    store().watch(function (name) {
      live = live.filter(function (quiz) { return document.contains(quiz.root); });
      live.forEach(function (quiz) {
        if (name !== null && name !== rules().quizName(quiz.bankId)) return;
        try {
          quiz.refresh();
        } catch (e) {
          if (window.console) console.error("krisesenterkurs quiz:", e);
        }
      });
    });
  }
  var watching = false;

  var kk = (window.krisesenterkurs = window.krisesenterkurs || {});
  kk.quiz = { init: function () { init(); watch(); } };
  // Loaded with `defer`, this runs once the page is parsed and sets the quizzes up at once. Should
  // storage.js (which brings onPage and the learner's saved answers) come later, it waits for it.
  var started = false;
  function start() {
    if (started) return;
    started = true;
    init();  // now, not in a later task: a learner may answer as soon as the page shows
    watch();
    if (kk.onPage) kk.onPage(kk.quiz.init);  // and after instant navigation (quizzes already set up are skipped)
  }
  if (kk.onPage || document.readyState === "complete") start();
  else {
    document.addEventListener("DOMContentLoaded", start);
    window.addEventListener("load", start);
  }
})();
