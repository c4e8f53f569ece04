/* The globals the edition's scripts share (docs/assets/*.js), for TypeScript's check of them
   (tsconfig.json here; tests/test_javascript.py). Not published: the pages' scripts are classic
   scripts with JSDoc types, and this file only tells the checker what they find on the page.

   - window.a4p: the one object the edition's scripts meet in, declared by assets/a4p.js (the
     first of them) with `plural`; each other part is added by the script named beside it, or by
     the data files the build writes (hooks/outputs/search.py, hooks/outputs/parallel.py). A part is there once
     its script has run, hence optional.
   - MiniSearch, the search engine (assets/vendor/minisearch), as much of it as search uses.
   - Material's four globals, which assets/a4p-theme-scope.js sets and Material's bundle reads.
   - module and exports, which assets/search-index.js lends a CommonJS stemmer while it loads.
   The service worker (hooks/offline_worker.js) shares none of these: it types its own settings. */

/* ---- The namespace ---- */

interface A4p {
  /** assets/a4p.js: a string that depends on a number, in the page's language. */
  plural(strings: A4pStrings, n: number, lang: string): string;
  /** assets/a4p.js: a new element with its class and text (textContent) if given. */
  element<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string | null, text?: string | null): HTMLElementTagNameMap[K];
  /** assets/search-text.js: text into index terms and queries, folding. */
  searchText?: A4pSearchText;
  /** assets/search-highlight.js: where a query matched in a text, and the text with its matches marked. */
  searchHighlight?: A4pSearchHighlight;
  /** assets/search-results.js: the list of results, a screenful first. */
  searchResults?: { Results: new (list: HTMLElement, base: string) => A4pResults };
  /** assets/search-index.js: a language's index, and loading with <script> tags. */
  searchIndex?: A4pSearchIndex;
  /** assets/search.js: the page's search without its box, for tests and the curious. */
  search?: A4pSearch;
  /** assets/search/{lang}.js (hooks/outputs/search.py): each language's search records, by code. */
  searchData?: { [lang: string]: A4pSearchData };
  /** assets/a4p-after.js (the parallel view's page): what came after a paragraph, as a block. */
  after?(data: A4pParallelData, items: A4pParallelInstrument[]): HTMLElement;
  /** assets/a4p-parallel.js: the parallel view's choice of the pair. */
  parallel?: A4pParallel;
  /** assets/parallel/{lang}.js (hooks/outputs/parallel.py): each language's column, by code. */
  parallelData?: { [lang: string]: A4pParallelData };
}

interface Window {
  a4p: A4p;
  /** Lent to a CommonJS script while it loads (assets/search-index.js, loadCommonJS). */
  module?: { exports: unknown };
  exports?: unknown;
}

/** Interface strings by key: a plural group's "none", "count.one", "count.other"… (hooks/edition/strings.py). */
interface A4pStrings {
  [key: string]: string;
}

/* ---- Search ---- */

/** A language's folding rules (hooks/edition/folding.py, Folding.as_json()). */
interface A4pFolding {
  map: { [character: string]: string };
  marks: boolean;
  clitics: string[][];
  suffixes: string[];
  clitic_keep: number;
  suffix_keep: number;
  /** Arabic: a plural ending read as a singular one (ات as ة), pairs [plural, singular]. */
  plurals?: string[][];
  /** Arabic: pronoun suffixes after which the marbuta's ت is stripped too. */
  pronouns?: string[];
  /** Arabic: the letter ة becomes before a pronoun (ت). */
  marbuta?: string;
  /** Words a strip may never leave behind (the language's folded function words). */
  function_words?: string[];
}

type A4pFold = (text: string) => string;
/** A stemmer: a Snowball stemmer gives one stem, the light stemmer one or two. */
type A4pStem = (word: string) => string | string[];

/** How a language's words become terms: its folding, stemmer and stop words (folded). */
interface A4pSettings {
  fold?: A4pFold;
  stem?: A4pStem;
  stopwords?: Set<string>;
}

/** A run of CJK characters or of word characters; ``chars`` normalized, ``starts``/``ends``
    each character's offsets in the original text, ``start``/``end`` the run's. */
interface A4pRun {
  kind: "cjk" | "word";
  chars: string[];
  starts: number[];
  ends: number[];
  start: number;
  end: number;
  text: string;
}

/** A query as MiniSearch takes it: terms, or queries combined. */
interface A4pQuery {
  queries: Array<string | A4pQuery>;
  combineWith?: "AND" | "OR";
  prefix?: boolean;
}

/** A query parsed: MiniSearch's tree (null when nothing is searched) and what highlighting needs. */
interface A4pParsed {
  tree: A4pQuery | null;
  phrase: string;
  segments: string[][];
  terms: Set<string>;
  prefix: string | null;
  settings: A4pSettings;
}

/** [start, end] offsets in a text. */
type A4pRange = [number, number];

interface A4pSearchText {
  LIMITS: { MAX_QUERY: number; MAX_WORDS: number; STEM_MAX: number };
  KINDS: string[];
  runs(text: string): A4pRun[];
  identity(word: string): string;
  folder(rules: A4pFolding | null): A4pFold;
  lightStemmer(rules: A4pFolding, fold: A4pFold): (word: string) => string[];
  forms(word: string, settings: A4pSettings): string[];
  indexTerms(text: string, settings?: A4pSettings): string[];
  parse(query: string, settings: A4pSettings): A4pParsed;
  squeeze(text: string, fold?: A4pFold): string;
  bigrams(chars: string[]): string[];
}

interface A4pSearchHighlight {
  highlights(text: string, parsed: A4pParsed): A4pRange[];
  fill(parent: Node, text: string, ranges: A4pRange[], from: number, to: number): void;
  snippet(parent: Node, text: string, ranges: A4pRange[]): void;
}

/** The search box's list of results (assets/search-results.js). */
interface A4pResults {
  list: HTMLElement;
  base: string;
  shown: number;
  clear(): void;
  show(found: A4pFound): void;
  item(result: A4pResult, parsed: A4pParsed): HTMLLIElement;
}

/** A search record (hooks/outputs/search.py, Record.as_json()). */
interface A4pRecord {
  kind: "paragraph" | "term" | "instrument";
  /** the target page's site path and "#" + the anchor: "protection/#para-9" */
  url: string;
  page: string;
  text: string;
  label?: string;
  n?: number;
  name?: string;
}

/** A language's stemmer: the light stemmer of its folding, or a vendored script's export. */
interface A4pStemmerSpec {
  light?: boolean;
  script?: string;
  export?: string;
  member?: string | null;
}

/** A language's records file (hooks/outputs/search.py, document()). */
interface A4pSearchData {
  lang: string;
  stemmer: A4pStemmerSpec | null;
  stopwords: string[];
  folding: A4pFolding | null;
  records: A4pRecord[];
}

/** A record found, in the order results are listed. */
interface A4pResult {
  index: number;
  record: A4pRecord;
  exact: boolean;
  score: number;
}

interface A4pFound {
  parsed: A4pParsed;
  results: A4pResult[];
}

/** One language's index (assets/search-index.js). */
interface A4pIndex {
  settings: A4pSettings;
  records: A4pRecord[];
  prepare(hurry: () => boolean): Promise<A4pIndex>;
  search(query: string): A4pFound;
}

interface A4pSearchIndex {
  Index: new (data: A4pSearchData, stem: A4pStem) => A4pIndex;
  languageSettings(data: A4pSearchData, stem: A4pStem): A4pSettings;
  whenIdle(work: () => void): void;
  loadScript(src: string): Promise<void>;
  loadStemmer(data: A4pSearchData, base: string): Promise<A4pStem>;
  join(base: string, path: string): string;
}

/** A result as assets/search.js tells it to tests. */
interface A4pFoundRecord {
  kind: string;
  id: string;
  n?: number;
  exact: boolean;
  url: string;
}

interface A4pSearch {
  runs(text: string): A4pRun[];
  indexTerms(text: string, settings?: A4pSettings): string[];
  parse(query: string, settings: A4pSettings): A4pParsed;
  highlights(text: string, parsed: A4pParsed): A4pRange[];
  fold(rules: A4pFolding | null, text: string): string;
  lightStem(rules: A4pFolding, word: string): string[];
  forms(word: string, data: A4pSearchData, stem: A4pStem): string[];
  stemmer(data: A4pSearchData, base?: string): Promise<A4pStem>;
  load(): Promise<A4pIndex | null>;
  search(query: string): A4pFoundRecord[] | null;
}

/* ---- The parallel view ---- */

/** A note: its label, and its text as runs, each [text] or [text, lang]. */
interface A4pParallelNote {
  kind: "editorial" | "translator";
  label: string;
  runs: string[][];
}

/** An instrument that came after a paragraph (hooks/outputs/parallel.py, _after()). */
interface A4pParallelInstrument {
  name: string;
  href: string;
  symbol: string | null;
  date: string;
  end: string | null;
  relation: string;
}

interface A4pParallelParagraph {
  n: number;
  text: string;
  url: string;
  path: string;
  notes: A4pParallelNote[];
  after: A4pParallelInstrument[];
}

interface A4pParallelSection {
  slug: string;
  page: string;
  heading: string;
  editorial: boolean;
  path: string;
  paragraphs: A4pParallelParagraph[];
}

/** A language's data file (hooks/outputs/parallel.py, document()). */
interface A4pParallelData {
  lang: string;
  name: string;
  dir: string;
  status: string;
  labels: {
    paragraph: string; permalink: string; editorial_heading: string; editorial_heading_hint: string;
    after: string; online_only: string;
  };
  /** The offline bundle's data: links to UN sites are marked as needing the network. */
  offline: boolean;
  sections: A4pParallelSection[];
}

/** The two languages shown, in columns a and b. */
interface A4pPair {
  a: string;
  b: string;
}

/** The view's languages: every code offered, the page's, the source and the source's partner. */
interface A4pLanguages {
  codes: string[];
  page: string;
  source: string;
  fallback: string;
}

interface A4pParallel {
  pairFrom(search: string, languages: A4pLanguages): A4pPair;
  choose(pair: A4pPair, name: "a" | "b", code: string): A4pPair;
  queryOf(search: string, pair: A4pPair): string;
  withQuery(href: string, query: string): string;
  fill(template: string, values: { [name: string]: string | number }): string;
}

/* ---- MiniSearch (assets/vendor/minisearch), as search uses it ---- */

interface MiniSearchOptions<T> {
  idField: string;
  fields: string[];
  extractField(document: T, field: string): unknown;
  tokenize(text: string): string[];
  processTerm(term: string): string;
  searchOptions?: {
    tokenize(text: string): string[];
    processTerm(term: string): string;
    combineWith?: "AND" | "OR";
    boost?: { [field: string]: number };
  };
}

interface MiniSearchHit {
  id: number;
  score: number;
}

interface MiniSearch<T> {
  add(document: T): void;
  search(query: A4pQuery): MiniSearchHit[];
}

declare var MiniSearch: new <T>(options: MiniSearchOptions<T>) => MiniSearch<T>;

/* ---- Material's globals (assets/a4p-theme-scope.js sets them; Material's bundle reads them) ---- */

declare var __md_scope: URL;
declare var __md_hash: (value: string) => number;
declare var __md_get: (key: string, storage?: Storage, scope?: URL) => unknown;
declare var __md_set: (key: string, value: unknown, storage?: Storage, scope?: URL) => void;
