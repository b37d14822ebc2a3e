/* Xuanchuan: bring campaign statuses, and what is on, up to the reader's date (the page
   says the build's). */
(function () {
  function update() {
    var now = new Date();
    var today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
      .map(function (n) { return String(n).padStart(2, "0"); }).join("-");
    document.querySelectorAll(".xc-status[data-xc-start]").forEach(function (el) {
      var status = today < el.dataset.xcStart ? "upcoming"
        : today > el.dataset.xcEnd ? "finished" : "under-way";
      var label = el.getAttribute("data-xc-" + status);
      if (!label) return;
      el.className = "xc-status xc-status--" + status;
      el.textContent = label;
    });
    // A target's result (met or not) shows once its campaign has ended.
    document.querySelectorAll(".xc-result[data-xc-after]").forEach(function (el) {
      el.hidden = today <= el.dataset.xcAfter;
    });
    /* What is on (the home page): an item past its last day goes; a block left with
       none shows its "nothing" line, or goes too when it has none. */
    document.querySelectorAll("[data-xc-until]").forEach(function (el) {
      el.hidden = today > el.dataset.xcUntil;
    });
    document.querySelectorAll("[data-xc-dated]").forEach(function (block) {
      if (!block.querySelector("[data-xc-until]")) return;
      var left = block.querySelector("[data-xc-until]:not([hidden])") !== null;
      var none = block.querySelector("[data-xc-none]");
      if (none) { none.hidden = left; } else { block.hidden = !left; }
    });
  }
  if (window.document$) { window.document$.subscribe(update); } else { update(); }
})();

/* Xuanchuan: a reader led here from another language's site (the link says ?lang=en) sees
   the "not yet translated" notice in their own language. */
(function () {
  function show() {
    var code = new URLSearchParams(window.location.search).get("lang");
    if (!code) return;
    document.querySelectorAll(".xc-untranslated[data-xc-reader]").forEach(function (el) {
      if (el.getAttribute("data-xc-reader") === code) el.hidden = false;
    });
  }
  if (window.document$) { window.document$.subscribe(show); } else { show(); }
})();

/* Xuanchuan: the search box takes as much as the search reads. A pasted page would keep
   the search busy for seconds; it is cut, and a line under the box says so. */
(function () {
  function limit() {
    var template = document.getElementById("xc-search-cut");
    var input = document.querySelector("input.md-search__input");
    if (!template || !input || input.dataset.xcLimited) return;
    var most = parseInt(template.dataset.xcLimit, 10);
    input.dataset.xcLimited = "1";
    input.maxLength = most;
    var note = document.createElement("p");
    note.className = "xc-search-cut";
    note.setAttribute("role", "status");
    note.hidden = true;
    note.textContent = template.content.textContent;
    // Above the results' count: below the box, the results' panel covers the page on a phone.
    var results = document.querySelector(".md-search-result");
    if (results) { results.prepend(note); } else { input.closest("form").after(note); }
    function check(event) {
      var pasted = event && event.clipboardData && event.clipboardData.getData("text");
      note.hidden = !(input.value.length >= most || (pasted && pasted.length > most));
    }
    input.addEventListener("paste", check);
    input.addEventListener("input", function () { check(); });
  }
  if (window.document$) { window.document$.subscribe(limit); } else { limit(); }
})();
