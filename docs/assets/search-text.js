// @ts-check
/* The edition's search, its text (window.a4p.searchText): text into index terms and queries (the
   same for records and queries); folding and light stemming (hooks/edition/folding.py, rule for rule).
   No page and no loading here: assets/search-highlight.js marks a result's matches with it,
   assets/search-index.js builds the index with it, and assets/search.js is the box. Classic
   scripts, loaded in that order (mkdocs.yml), so that search works from file:// too. */
(function () {
  "use strict";

  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var WORD = /[\p{L}\p{N}\p{M}]/u;
  var KINDS = ["paragraph", "term", "instrument"];
  var PREFIX_MIN = 3; // the word being typed also matches as a prefix from this length on

  /* Bounds on what is searched: whatever is typed, pasted or set by script, a search answers at
     once (a 100,000-letter word froze the tab for 100 s: the vendored Porter2 stemmer takes time
     in the square of a word's length, 12,000 letters 1.5 s; and 100,000 distinct Han characters
     make 100,000 pairs to tell apart, 2 s). */
  var MAX_QUERY = 500; // characters (UTF-16 units, as maxlength counts them) of a query that are
  // searched; the rest is left out. The box's maxlength (overrides/partials/search.html) is the same.
  var MAX_WORDS = 32; // words of a query that are searched (runs of letters, or of Han characters,
  // stop words included); the rest are left out. The cut query still ranks its exact phrase first.
  var STEM_MAX = 64; // letters: a longer word is indexed and searched as itself (folded), never
  // stemmed, in the index and the query alike. Fixed, well above the longest word of every
  // language's text (20 letters: intergubernamentales, межправительственные), which a browser
  // test checks (tests/browser/test_search_hostile.py).

  /* ---- Text into terms (the same for records and queries) ---- */

  /* What runs() and forms() found, kept: the records' texts and words are read once to index
     them (at idle, ahead of need) and again for each result shown (its highlights), where
     reading them anew took most of a query's time (40 ms for 90 results). What they return is
     shared: never changed by a caller. RUNS is emptied when full (queries pass through it). */
  var RUNS = new Map();
  var RUNS_MAX = 4096;
  /** @type {WeakMap<object, Map<string, string[]>>} */
  var FORMS = new WeakMap(); // by the settings they were found with

  /** Runs of CJK characters and of word characters: {kind, chars, starts, ends, start, end,
     text}, where chars are the normalized characters and starts/ends their offsets in the
     original text, start/end the run's and text its characters joined.
     @param {string} text @returns {A4pRun[]} */
  function runs(text) {
    var kept = RUNS.get(text);
    if (kept) {
      return kept;
    }
    if (RUNS.size >= RUNS_MAX) {
      RUNS.clear();
    }
    var found = readRuns(text);
    RUNS.set(text, found);
    return found;
  }

  /** @typedef {{norm: string, kind: "cjk" | "word" | null}} A4pChar */
  /** @type {Map<string, A4pChar>} */
  var CHARS = new Map(); // a text has a few hundred different characters: each is read once

  /** A character normalized on its own (NFKC, lower case), and what it is part of.
     @param {string} ch @returns {A4pChar} */
  function character(ch) {
    var read = CHARS.get(ch);
    if (!read) {
      if (CHARS.size >= RUNS_MAX) {
        CHARS.clear(); // a hostile query of many different characters
      }
      var norm = ch.normalize("NFKC").toLowerCase();
      read = { norm: norm, kind: CJK.test(norm) ? "cjk" : WORD.test(norm) ? "word" : null };
      CHARS.set(ch, read);
    }
    return read;
  }

  /** @param {string} text @returns {A4pRun[]} */
  function readRuns(text) {
    /** @type {A4pRun[]} */
    var result = [];
    /** @type {A4pRun | null} */
    var current = null;
    var offset = 0;
    for (var ch of text) {
      var read = character(ch);
      var norm = read.norm;
      var kind = read.kind;
      if (!kind) {
        current = null;
      } else {
        if (!current || current.kind !== kind) {
          current = { kind: kind, chars: [], starts: [], ends: [], start: offset, end: offset, text: "" };
          result.push(current);
        }
        current.chars.push(norm);
        current.starts.push(offset);
        current.ends.push(offset + ch.length);
      }
      offset += ch.length;
    }
    result.forEach(function (run) {
      run.start = run.starts[0];
      run.end = run.ends[run.ends.length - 1];
      run.text = run.chars.join("");
    });
    return result;
  }

  /** @param {string[]} chars @returns {string[]} */
  function bigrams(chars) {
    var result = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      result.push(chars[i] + chars[i + 1]);
    }
    return result;
  }

  /** @template T @param {T[]} items @returns {T[]} */
  function unique(items) {
    return items.filter(function (item, index) { return items.indexOf(item) === index; });
  }

  /** @param {string} word @returns {string} */
  function identity(word) {
    return word;
  }

  /* ---- Folding and light stemming: hooks/edition/folding.py, rule for rule ---- */

  var NONSPACING = /\p{Mn}/gu;
  var own = Object.prototype.hasOwnProperty;

  /** fold(text) for a language's folding rules (or none): character by character, each
     replaced by the map, or else (marks) without the nonspacing marks of its decomposition.
     @param {A4pFolding | null} rules @returns {A4pFold} */
  function folder(rules) {
    if (!rules) {
      return identity;
    }
    var map = rules.map || {};
    /** @param {string} ch @returns {string} */
    function one(ch) {
      if (own.call(map, ch)) {
        return map[ch];
      }
      if (rules.marks) {
        var decomposed = ch.normalize("NFD");
        var kept = decomposed.replace(NONSPACING, "");
        if (kept !== decomposed) {
          return kept.normalize("NFC");
        }
      }
      return ch;
    }
    return function (text) {
      var result = "";
      for (var ch of text) {
        result += one(ch);
      }
      return result;
    };
  }

  /** @param {string} text @returns {number} */
  function letters(text) {
    return Array.from(text).length;
  }

  /** The light stemmer of a folding: the word folded, read as it is and without the longest
     clitic it begins with (while enough letters remain: clitic_keep, or after two clitics
     without an article the larger of clitic_keep and suffix_keep), each with its plural ending rewritten and without the listed
     suffixes found at its end, tried in order, each once, while enough letters remain and no
     function word (alone or behind a clitic) is left; after a pronoun suffix, a plural ending
     is rewritten or else the marbuta letter stripped. One or two stems.
     @param {A4pFolding} rules @param {A4pFold} fold
     @returns {(word: string) => string[]} */
  function lightStemmer(rules, fold) {
    /* the rules of issue 13 (hooks/edition/folding.py): optional, absent where a language has none */
    var twoKeep = Math.max(rules.clitic_keep, rules.suffix_keep);
    var plurals = rules.plurals || [];
    var pronouns = rules.pronouns || [];
    var marbuta = rules.marbuta || "";
    var functionWords = new Set(rules.function_words || []);
    /** @param {string} word @param {string} end @returns {boolean} */
    function endsWith(word, end) {
      return word.length >= end.length && word.slice(word.length - end.length) === end;
    }
    /** @param {string} stem @returns {boolean} */
    function blocked(stem) {
      return functionWords.has(stem) || rules.clitics.some(function (clitic) {
        return stem.indexOf(clitic[0]) === 0 && functionWords.has(stem.slice(clitic[0].length));
      });
    }
    /** @param {string} word @returns {string} */
    function withoutClitic(word) {
      for (var i = 0; i < rules.clitics.length; i++) {
        var prefix = rules.clitics[i][0];
        var keep = letters(prefix) === 1 || rules.clitics[i][1] ? rules.clitic_keep : twoKeep;
        if (word.indexOf(prefix) === 0 && letters(word) - letters(prefix) >= keep) {
          return word.slice(prefix.length);
        }
      }
      return word;
    }
    /** @param {string} word @returns {string} */
    function rewritePlural(word) {
      for (var i = 0; i < plurals.length; i++) {
        var ending = plurals[i][0];
        if (endsWith(word, ending) && letters(word) - letters(ending) + letters(plurals[i][1]) >= rules.suffix_keep) {
          return word.slice(0, word.length - ending.length) + plurals[i][1];
        }
      }
      return word;
    }
    /** @param {string} word @returns {string} */
    function withoutSuffixes(word) {
      var keep = rules.suffix_keep;
      word = rewritePlural(word);
      rules.suffixes.forEach(function (suffix) {
        var shorter = word.slice(0, word.length - suffix.length);
        if (endsWith(word, suffix) && letters(shorter) >= keep && !blocked(shorter)) {
          word = shorter;
          if (pronouns.indexOf(suffix) !== -1) {
            var plural = rewritePlural(word);
            if (plural !== word) {
              word = plural;
            } else if (marbuta && endsWith(word, marbuta) && letters(word) - 1 >= keep &&
                !blocked(word.slice(0, word.length - marbuta.length))) {
              word = word.slice(0, word.length - marbuta.length);
            }
          }
        }
      });
      return word;
    }
    return function (word) {
      var folded = fold(word);
      return unique([withoutSuffixes(folded), withoutSuffixes(withoutClitic(folded))]);
    };
  }

  /** A stemmer's stems of a word: a Snowball stemmer gives one, the light stemmer one or two.
     A word longer than STEM_MAX is its own stem (no stemmer sees it).
     @param {A4pStem} stem @param {string} word @returns {string[]} */
  function stems(stem, word) {
    if (letters(word) > STEM_MAX) {
      return [word];
    }
    var result = stem(word);
    return Array.isArray(result) ? result : [result || word];
  }

  /** The index terms of one word: folded, its stems folded, the stems of the folded word folded.
     @param {string} word @param {A4pSettings} settings @returns {string[]} */
  function forms(word, settings) {
    var kept = FORMS.get(settings);
    if (!kept) {
      kept = new Map();
      FORMS.set(settings, kept);
    }
    var found = kept.get(word);
    if (!found) {
      found = readForms(word, settings);
      kept.set(word, found);
    }
    return found;
  }

  /** @param {string} word @param {A4pSettings} settings @returns {string[]} */
  function readForms(word, settings) {
    var fold = settings.fold || identity;
    var stem = settings.stem || identity;
    var folded = fold(word);
    if (!folded) {
      return [];
    }
    return unique([folded].concat(stems(stem, word), stems(stem, folded)).map(fold).filter(Boolean));
  }

  /** A query word's forms and the stems of its stems: a stemmer may stem its own stem further
     (Snowball's Russian: охраны to охра, as a past participle, but охрану to охран, and охран to
     охра), so that a word typed in one case would miss the text's other case. Only a stemmer
     of one stem (Snowball's, Porter2): the light stemmer's readings of a stem would strip a
     second clitic or suffix (الاعلان, اعلان, اعل as in أعلى).
     @param {string[]} found @param {A4pSettings} settings @returns {string[]} */
  function again(found, settings) {
    var fold = settings.fold || identity;
    var stem = settings.stem || identity;
    var more = [];
    found.slice(1).forEach(function (form) {
      var result = letters(form) > STEM_MAX ? form : stem(form);
      if (typeof result === "string" && result) {
        more.push(fold(result));
      }
    });
    return unique(found.concat(more));
  }

  /** The terms of a record's text, for the index.
     @param {string} text @param {A4pSettings} [settings] @returns {string[]} */
  function indexTerms(text, settings) {
    var terms = [];
    runs(text).forEach(function (run) {
      if (run.kind === "cjk") {
        Array.prototype.push.apply(terms, run.chars);
        Array.prototype.push.apply(terms, bigrams(run.chars));
      } else {
        Array.prototype.push.apply(terms, forms(run.text, settings || {}));
      }
    });
    return terms;
  }

  /** The query as searched: its first MAX_QUERY characters (never half of a character).
     @param {string} query @returns {string} */
  function cut(query) {
    var end = Math.min(query.length, MAX_QUERY);
    var last = query.charCodeAt(end - 1);
    if (end < query.length && last >= 0xD800 && last <= 0xDBFF) {
      end -= 1;
    }
    return query.slice(0, end);
  }

  /** A query: the MiniSearch query tree, and what highlighting needs. Only the query's first
     MAX_QUERY characters and, of those, its first MAX_WORDS words are searched.
     @param {string} query @param {A4pSettings} settings @returns {A4pParsed} */
  function parse(query, settings) {
    var fold = settings.fold || identity;
    var stop = settings.stopwords || new Set();
    query = cut(query);
    var all = runs(query);
    var open = all.length > 0 && all[all.length - 1].end === query.length; // still being typed
    if (all.length > MAX_WORDS) {
      all = all.slice(0, MAX_WORDS);
      open = false;
    }
    var onlyStop = all.every(function (run) { return run.kind === "word" && stop.has(fold(run.text)); });
    /** @type {A4pQuery[]} */
    var parts = [];
    /** @type {string[][]} */
    var segments = [];
    /** @type {string[]} */
    var wanted = []; // every form of every query word: what highlighting looks for
    /** @type {string | null} */
    var prefix = null;
    all.forEach(function (run, index) {
      if (run.kind === "cjk") {
        segments.push(run.chars);
        var pairs = run.chars.length === 1 ? run.chars.slice() : unique(bigrams(run.chars));
        parts.push({ combineWith: "AND", queries: pairs });
        return;
      }
      if (stop.has(fold(run.text)) && !onlyStop) {
        return;
      }
      var found = again(forms(run.text, settings), settings);
      if (!found.length) {
        return;
      }
      var word = found[0]; // folded
      var last = open && index === all.length - 1 && letters(word) >= PREFIX_MIN;
      var choices = /** @type {Array<string | A4pQuery>} */ ([{ queries: [word], prefix: last }]).concat(found.slice(1));
      Array.prototype.push.apply(wanted, found);
      if (last) {
        prefix = word;
      }
      parts.push({ combineWith: "OR", queries: choices });
    });
    return {
      tree: parts.length ? { combineWith: "AND", queries: parts } : null,
      phrase: squeeze(query, fold),
      segments: segments,
      terms: new Set(wanted),
      prefix: prefix,
      settings: settings,
    };
  }

  /** Text as compared for "holds the query exactly": normalized, folded, spaces squeezed.
     @param {string} text @param {A4pFold} [fold] @returns {string} */
  function squeeze(text, fold) {
    return (fold || identity)(Array.from(text, function (ch) { return character(ch).norm; })
      .join("")).replace(/\s+/g, " ").trim();
  }

  window.a4p.searchText = {
    LIMITS: { MAX_QUERY: MAX_QUERY, MAX_WORDS: MAX_WORDS, STEM_MAX: STEM_MAX },
    KINDS: KINDS, runs: runs, identity: identity, folder: folder, lightStemmer: lightStemmer,
    forms: forms, indexTerms: indexTerms, parse: parse, squeeze: squeeze, bigrams: bigrams,
  };
})();
