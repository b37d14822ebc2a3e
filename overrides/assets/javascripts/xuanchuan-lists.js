/* Xuanchuan: the title filter of a big folder's list (site/pages/section_lists.py).
   The titles are a script beside the list pages, added when the reader first uses the
   filter: a page opened from a folder (file://) may run a file next to it, but not fetch()
   it. Nothing else is loaded. */
(function () {
  var SHOWN = 100;

  function fold(text) {
    text = text.normalize ? text.normalize("NFKC") : text;
    return text.toLowerCase();
  }

  function setUp(box) {
    if (box.getAttribute("data-xc-ready")) return;
    box.setAttribute("data-xc-ready", "1");
    var data = box.dataset;
    var form = box.querySelector(".xc-list__filter");
    var input = form.querySelector("input");
    var status = box.querySelector(".xc-list__status");
    var found = box.querySelector(".xc-list__found");
    var items = box.querySelector(".xc-list__items");
    var pager = box.querySelector(".xc-pager");
    var titles = null;
    var requested = false;

    function load() {
      if (titles || requested) return;
      requested = true;
      window.xcListTitles = function (rows) {
        window.xcListTitles = null;
        titles = rows.map(function (row) {
          return { row: row, text: fold(row[0] + " " + row[2]) };
        });
        show();
      };
      var script = document.createElement("script");
      script.src = data.xcTitles;
      document.head.appendChild(script);
    }

    function show() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var filtering = words.length > 0;
      items.hidden = filtering;
      if (pager) pager.hidden = filtering;
      found.hidden = status.hidden = !filtering;
      found.textContent = "";
      if (!filtering) return;
      if (!titles) {
        status.textContent = data.xcLoading;
        load();
        return;
      }
      var matches = titles.filter(function (title) {
        return words.every(function (word) { return title.text.indexOf(word) >= 0; });
      });
      matches.slice(0, SHOWN).forEach(function (title) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = data.xcBase + title.row[1];
        link.dir = "auto";
        link.textContent = title.row[0];
        item.appendChild(link);
        if (title.row[2]) {
          var where = document.createElement("small");
          where.dir = "auto";
          where.textContent = title.row[2];
          item.appendChild(document.createTextNode(" "));
          item.appendChild(where);
        }
        found.appendChild(item);
      });
      var text = !matches.length ? data.xcNone
        : matches.length > SHOWN ? data.xcFirst.replace("{shown}", SHOWN) : data.xcFound;
      status.textContent = text.replace("{count}", matches.length);
    }

    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("focus", load);
    // An input method sends its letters while a word is being composed: filter by the word.
    input.addEventListener("input", function (event) { if (!event.isComposing) show(); });
    input.addEventListener("compositionend", show);
    if (input.value) show(); // kept by the browser on going back to the page
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".xc-list"), setUp);
  }
  if (window.document$) { window.document$.subscribe(start); } else { start(); }
})();
