/*
 * The site's search, answering Material's search box (its worker messages: set up, ready,
 * query, result) from the index the build prepared and split
 * (hooks/xuanchuan/site/search/index.py).
 *
 * Words are told apart as the build does (`tokens` must stay in step with the Python one):
 * a Chinese run gives each pair of neighbouring characters, any other run between spaces
 * and punctuation is a word. Every word of the query must be found (when none has them
 * all, pages with some are offered, the missing words named); a page whose title holds the
 * query ranks above pages that only mention it.
 *
 * It runs as a web worker over HTTP and, from a folder (file://), inside the iframe that
 * Material's iframe-worker shim provides: there `importScripts` returns a promise.
 */
"use strict";
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2a6df}\u{2a700}-\u{2ebef}]/u;
  var BREAK = /[\p{P}\p{Z}\p{S}\p{C}]/u;
  var K1 = 1.2, B = 0.75, TITLE = 3, SHOWN = 60;
  // The most of a query that is read (the search box takes no more: xuanchuan.js).
  var MOST_CHARACTERS = 200, MOST_WORDS = 20;
  var SUPERSEDED = {};

  function tokens(text) {
    var terms = [];
    var run = "";
    for (var char of text.normalize("NFKC").toLowerCase() + " ") {
      if (BREAK.test(char)) {
        if (run) addRun(run, terms);
        run = "";
      } else {
        run += char;
      }
    }
    return terms;
  }

  function addRun(run, terms) {
    var other = "", han = [];
    function pairs() {
      if (han.length === 1) terms.push(han[0]);
      for (var i = 0; i + 1 < han.length; i++) terms.push(han[i] + han[i + 1]);
      han = [];
    }
    for (var char of run) {
      if (HAN.test(char)) {
        if (other) terms.push(other);
        other = "";
        han.push(char);
      } else {
        if (han.length) pairs();
        other += char;
      }
    }
    if (han.length) pairs();
    if (other) terms.push(other);
  }

  /* Where the index is: beside this script's folder, in the same language's site. */
  function scriptAddress() {
    if (typeof document !== "undefined") {
      var script = document.querySelector("script[src*='xc-search']");
      if (script) return script.src;
    }
    return self.location.href;
  }
  var base = new URL("../../search/xc/", scriptAddress()).href;

  var table = null;
  var shards = new Map();
  var chunks = new Map();
  self.xcSearch = {
    meta: function (data) { table = data; },
    shard: function (number, terms) { shards.set(number, terms); },
    docs: function (number, docs) { chunks.set(number, docs); }
  };

  async function load(file) {
    await importScripts(base + file);
  }

  async function shardFor(term) {
    var number = term.codePointAt(0) % table.shards;
    if (!shards.has(number)) await load("s" + number + ".js");
    return shards.get(number) || {};
  }

  async function doc(number) {
    var chunk = Math.floor(number / table.chunk);
    if (!chunks.has(chunk)) await load("d" + chunk + ".js");
    var found = chunks.get(chunk)[number % table.chunk];
    // Tags stay escaped: Material shows them as HTML.
    return { location: found[0], title: unescape(found[1]), text: unescape(found[2]),
             tags: found[3] };
  }

  /* Each document a term is in: {doc: [in title, in text]}; a prefix term adds up all
     the terms it begins. */
  async function postings(term) {
    var terms = await shardFor(term.text);
    var found = new Map();
    var names = term.prefix
      ? Object.keys(terms).filter(function (name) { return name.startsWith(term.text); })
      : (term.text in terms ? [term.text] : []);
    for (var name of names) {
      var entries = terms[name];
      var number = 0;
      for (var at = 0; at < entries.length; at += 3) {
        number += entries[at];
        var seen = found.get(number) || [0, 0];
        seen[0] += entries[at + 1];
        seen[1] += entries[at + 2];
        found.set(number, seen);
      }
    }
    return found;
  }

  function parse(query) {
    var words = [];
    // As much as the search box takes (a law's full title is under 60 characters): a
    // pasted page is cut, not searched word by word for seconds.
    query = Array.from(query).slice(0, MOST_CHARACTERS).join("");
    for (var piece of query.trim().split(/\s+/).slice(0, MOST_WORDS)) {
      piece = piece.replace(/^[+\-~^*:"]+|[*~^:"]+$/g, "");
      var terms = tokens(piece).map(function (text) {
        var chars = Array.from(text);
        // A pair of Chinese characters is a whole term; a word or a single character may
        // be the beginning of a longer one, as while typing.
        var pair = chars.length === 2 && HAN.test(chars[0]) && HAN.test(chars[1]);
        if (!pair && !HAN.test(chars[0]) && chars.length > 3 && text.endsWith("s"))
          text = text.slice(0, -1); // "shocks" finds "shock"
        return { text: text, prefix: !pair };
      });
      if (terms.length) words.push({ text: piece, terms: terms });
    }
    return words;
  }

  async function search(query, superseded) {
    var words = parse(query);
    if (!words.length || !table) return { items: [] };
    var count = table.length.length;
    var scores = new Map();   // doc -> score
    // doc -> [terms found; per word: its terms found, its first and last found; the same
    // two in the title]
    var matched = new Map();
    for (var w = 0; w < words.length; w++) {
      for (var term of words[w].terms) {
        var found = await postings(term);
        if (superseded()) throw SUPERSEDED;
        var idf = Math.log(1 + (count - found.size + 0.5) / (found.size + 0.5));
        for (var [number, tf] of found) {
          var length = table.length[number] / (table.average || 1);
          var text = tf[1] ? (tf[1] * (K1 + 1)) / (tf[1] + K1 * (1 - B + B * length)) : 0;
          scores.set(number, (scores.get(number) || 0) + idf * (text + (tf[0] ? TITLE : 0)));
          var state = matched.get(number) || [0].concat([1, 2, 3, 4].map(function () {
            return words.map(function () { return 0; });
          }));
          var wordTerms = words[w].terms;
          var end = term === wordTerms[0] || term === wordTerms[wordTerms.length - 1];
          state[0]++;
          state[1][w]++;
          if (end) state[2][w]++;
          if (tf[0]) {
            state[3][w]++;
            if (end) state[4][w]++;
          }
          matched.set(number, state);
        }
      }
    }
    // A word is found when its terms are: a Chinese word of several pairs when most are,
    // first and last among them (电信诈骗 in 电信网络诈骗 lacks only 信诈).
    var needed = words.map(function (word) {
      var n = word.terms.length;
      return n - Math.floor(n / 3);
    });
    function holdsEveryWord(number, inTitle) {
      var state = matched.get(number);
      var count = state[inTitle ? 3 : 1], ends = state[inTitle ? 4 : 2];
      return words.every(function (word, w) {
        return count[w] >= needed[w] && (word.terms.length < 3 || ends[w] >= 2);
      });
    }
    var every = [...matched.keys()].filter(function (number) {
      return holdsEveryWord(number, false);
    });
    var candidates = every.length ? every : [...matched.keys()];
    var ranked = candidates.map(function (number) {
      var score = scores.get(number);
      var page = table.parent[number] < 0;
      if (holdsEveryWord(number, true)) {
        // The whole query in the title, the more so in a short one (电力法 before
        // 上海市保护电力设施和维护用电秩序规定 for 电力), and far more in a page's title
        // than in a chapter's: 电力供应与使用条例 before 电力法's chapter 电力供应与使用.
        score *= 3 * (1 + 4 / (4 + table.titleLength[number])) * (page ? 3 : 1);
      }
      if (page) score *= 1.5;
      return { number: number, score: score };
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.number - b.number; });

    /* Group sections under their page, best pages first. */
    var groups = new Map();
    for (var item of ranked) {
      var page = table.parent[item.number] < 0 ? item.number : table.parent[item.number];
      if (!groups.has(page)) {
        if (groups.size >= SHOWN) continue;
        groups.set(page, []);
      }
      groups.get(page).push(item);
    }
    var lowered = words.map(function (word) {
      return word.text.normalize("NFKC").toLowerCase();
    });
    var items = [];
    for (var [page, members] of groups) {
      if (!members.some(function (m) { return m.number === page; }))
        members.push({ number: page, score: 0 });
      var group = [];
      for (var member of members) {
        var shown = await doc(member.number);
        var state = matched.get(member.number);
        var terms = {};
        words.forEach(function (word, index) {
          terms[word.text] = !!state && state[1][index] >= needed[index];
        });
        var title = shown.title.normalize("NFKC").toLowerCase();
        var score = member.score;
        // The words as typed, unbroken, in the title; a title that begins with them
        // names the thing itself (环境保护法 before 海洋环境保护法).
        if (state && lowered.every(function (word) { return title.includes(word); })) {
          var joined = lowered.join("");
          score *= title === joined ? 3 : title.startsWith(joined) ? 2 : 1.5;
        }
        group.push({
          location: shown.location,
          tags: shown.tags,
          title: highlight(shown.title, words),
          text: highlight(shown.text, words),
          score: score,
          terms: terms
        });
      }
      items.push(group);
    }
    items.sort(function (a, b) { return best(b) - best(a); });
    return { items: items };
  }

  function best(group) {
    return Math.max.apply(null, group.map(function (item) { return item.score; }));
  }

  /* The build stores titles and texts escaped as HTML (html.escape). */
  function unescape(text) {
    return text.replace(/&(amp|lt|gt|quot|#x27);/g, function (entity, name) {
      return { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'" }[name];
    });
  }

  function escape(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* The words of the query marked in ``text``; of a word not there whole, its pairs (so
     保护 alone is not marked all over a text that holds 漏电保护器). */
  function highlight(text, words) {
    var lower = text.toLowerCase();
    var wanted = [];
    for (var word of words) {
      var whole = word.text.toLowerCase();
      wanted.push(whole);
      if (!lower.includes(whole))
        for (var term of word.terms) wanted.push(term.text);
    }
    wanted = wanted.filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    var marks = new Array(text.length).fill(false);
    for (var piece of wanted) {
      for (var at = lower.indexOf(piece); at >= 0; at = lower.indexOf(piece, at + 1))
        for (var i = at; i < at + piece.length && i < marks.length; i++) marks[i] = true;
    }
    var out = "";
    var open = false;
    for (var index = 0; index < text.length; index++) {
      if (marks[index] !== open) {
        out += marks[index] ? "<mark>" : "</mark>";
        open = marks[index];
      }
      out += escape(text[index]);
    }
    return out + (open ? "</mark>" : "");
  }

  /* Messages are answered in order: a query waiting for its shards must not be
     overtaken by the next keystroke's. */
  var queue = Promise.resolve();
  var latest = 0; // the newest query: one overtaken by another is dropped, not finished
  addEventListener("message", function (event) {
    var message = event.data;
    var mine = message.type === QUERY ? ++latest : latest;
    function superseded() { return mine !== latest; }
    queue = queue.then(async function () {
      if (message.type === SETUP) {
        if (!table) await load("meta.js");
        postMessage({ type: READY });
      } else if (message.type === QUERY) {
        if (superseded()) return;
        var result;
        try {
          result = await search(message.data, superseded);
        } catch (error) {
          if (error === SUPERSEDED) return;
          console.warn(error);
          result = { items: [] };
        }
        if (!superseded()) postMessage({ type: RESULT, data: result });
      }
    });
  });

  self.xcTokens = tokens; // for the tests: the build must split words the same way
})();
