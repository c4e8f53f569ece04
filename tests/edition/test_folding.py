"""hooks.edition.folding: the foldings of source/search.yml, applied in Python (the glossary's marks).

The expected words were worked out by hand from the rules in source/search.yml (the map, the
clitics longest first, the suffixes in their order, 3 letters kept after a clitic and 4 after a
suffix, no function word left); the browser's copy of the same rules is held to the same words
in tests/browser/test_folding.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.edition import folding
from hooks.errors import SourceError

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "source" / "search.yml"


@pytest.fixture(scope="module")
def rules() -> dict[str, folding.Folding]:
    """The foldings of source/search.yml, by name."""
    from hooks.edition import yamlsource
    data = yamlsource.load(SETTINGS)
    found = folding.parse(data.get("foldings"), SETTINGS)
    # as Arabic stems with it: kept off the language's stop words (hooks.outputs.search.load_settings)
    found["arabic"] = found["arabic"].with_function_words(data["languages"]["ar"]["stopwords"].split())
    return found


@pytest.mark.parametrize("name, word, folded", [
    # Arabic: hamza forms of alef, alef maqsura, ta marbuta, tashkeel, tatweel
    ("arabic", "الأفريقي", "الافريقي"),
    ("arabic", "إلى", "الي"),
    ("arabic", "آمن", "امن"),
    ("arabic", "ٱلسلام", "السلام"),
    ("arabic", "مُدَرِّسَة", "مدرسه"),
    ("arabic", "سـلام", "سلام"),
    ("arabic", "الافريقي", "الافريقي"),  # already bare: unchanged
    # issue 13 §4: the seats of hamza, digits, Persian-keyboard letters
    ("arabic", "مسئولية", "مسءوليه"),
    ("arabic", "مسؤولية", "مسءوليه"),
    ("arabic", "٢٠١٨", "2018"),
    ("arabic", "۲۰۱۸", "2018"),
    ("arabic", "حمایة", "حمايه"),  # ی U+06CC
    ("arabic", "الشراکات", "الشراكات"),  # ک U+06A9
    # Latin letters lose their accents, in either case, composed or not
    ("accents", "explotación", "explotacion"),
    ("accents", "Économie", "Economie"),
    ("accents", "niño", "nino"),
    ("accents", "français", "francais"),
    ("accents", "e\u0301te\u0301", "ete"),  # decomposed: the marks are characters of their own
    # Cyrillic: ё is е, the stress mark goes, and й stays й (it is not и with an accent)
    ("cyrillic", "ёлка", "елка"),
    ("cyrillic", "Ёж", "Еж"),
    ("cyrillic", "район", "район"),
    ("cyrillic", "приве\u0301т", "привет"),
])
def test_fold(rules, name, word, folded):
    assert rules[name].fold(word) == folded


def test_folding_keeps_where_each_character_came_from(rules):
    # أَمن: أ (0) becomes ا, the fatha (1) goes, م (2), ن (3)
    assert rules["arabic"].fold_with_origins("أَمن") == ("امن", [0, 2, 3])


def test_languages_are_given_their_foldings_by_name():
    assigned = folding.load(SETTINGS)
    names = {code: rule.name for code, rule in assigned.items()}
    assert names.items() >= {"fr": "accents", "es": "accents", "ru": "cyrillic", "ar": "arabic"}.items()
    assert "zh" not in assigned  # Chinese is compared as it is


@pytest.mark.parametrize("word, stems", [
    # as it is: ين then ي off (المدن keeps 4 letters); without وال: مدنيين, then ين off, and
    # ي would leave 3 letters: kept
    ("والمدنيين", ("والمدن", "مدني")),
    ("للمدنيين", ("للمدن", "مدني")),  # لل: ل + ال
    ("وللمدنيين", ("وللمدن", "مدني")),  # ولل: و + ل + ال
    ("بالمدنيين", ("بالمدن", "مدني")),
    ("المدنيين", ("المدن", "مدني")),
    ("الأفريقي", ("الافريق", "افريق")),  # folded first: the hamza does not count
    ("الافريقي", ("الافريق", "افريق")),
    ("حماية", ("حماي",)),  # no clitic; يه would leave 3 letters, ه leaves 4 (ة folded to ه)
    ("لحماية", ("لحما", "حماي")),  # ... so that حماية and لحماية share حماي
    ("بلد", ("بلد",)),  # ب would leave 2 letters: kept
    # و + لاية or a word ولاية: both readings; ه off leaves ولاي, and ي off would leave ولا, a
    # function word behind a clitic (و + لا: ولا سيما): not made. لايه: ه would leave 3
    ("ولاية", ("ولاي", "لايه")),
    ("الولاية", ("الولا", "ولاي")),  # ... so that ولاية and الولاية share ولاي
    ("ولايته", ("ولاي", "ايته")),  # ه off, then the ta marbuta written ت: ولاي, as ولاية; ول + ايته
    ("ولاياتها", ("ولاي", "ايات")),  # ها off, then ات for ة, then ه off: ولاي again
    ("ولا", ("ولا",)),  # the function word itself is a word
    ("قوات", ("قوات",)),  # ات for ة would leave قوه, 3 letters
    # issue 13 §4, case 1: آ folds to ا, and آلية stems like nothing else: ه off would leave الي,
    # the function word إلى; آليات is آلية (ات for ة), and ال + يات is its other reading
    ("آلية", ("اليه",)),
    ("آليات", ("اليه", "يات")),
    # case 2: الوفيات is not وفي (that would leave 3 letters), الإعلان not اعل (the stem of أعلى
    # and فاعلة with 3 letters kept)
    ("الوفيات", ("الوف", "وفيه")),
    ("الإعلان", ("الاعل", "اعلان")),
    ("إعلان", ("اعلان",)),
    ("فاعلة", ("فاعل", "اعله")),
    ("أعلى", ("اعلي",)),
    # case 3: the two-letter prefix و + ب
    ("وبإدماج", ("وبادماج", "ادماج")),
    # case 4: ؤ and ئ are both ء
    ("مسئولية", ("مسءول",)),
    ("المسؤولية", ("المسءول", "مسءول")),
])
def test_arabic_light_stems(rules, word, stems):
    assert rules["arabic"].light_stems(word) == stems


def test_clitics_are_tried_longest_first(rules):
    clitics = [prefix for prefix, _ in rules["arabic"].clitics]
    assert clitics.index("وال") < clitics.index("و") and clitics.index("لل") < clitics.index("ل")
    assert dict(rules["arabic"].clitics)["لل"] == "ال"  # ل + ال: the article is in it
    assert dict(rules["arabic"].clitics)["و"] == ""


def test_suffixes_are_folded_once_each_in_their_order(rules):
    # ية and ة fold to يه and ه, which are listed already
    assert rules["arabic"].suffixes == ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


def test_as_json_is_what_the_browser_reads(rules):
    data = rules["arabic"].as_json()
    assert data["map"]["أ"] == "ا" and data["map"]["\u064E"] == ""
    assert ["لل", "ال"] in data["clitics"] and data["clitic_keep"] == 3 and data["suffix_keep"] == 4
    assert data["plurals"] == [["ات", "ه"]] and data["pronouns"] == ["ها", "ه"] and data["marbuta"] == "ت"
    assert "الي" in data["function_words"] and "لا" in data["function_words"]
    # a folding without the rules of issue 13 is sent without them
    assert rules["accents"].as_json() == {"map": {}, "marks": True, "clitics": [], "suffixes": [],
                                          "clitic_keep": 3, "suffix_keep": 3}


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "search.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, message", [
    ("foldings:\n  x:\n    map: {ab: a}\n",
     "search.yml:3: found 'ab' in the map of folding 'x'; expected a single character"),
    ("foldings:\n  x:\n    map:\n      a: bc\n",
     "search.yml:4: found 'a': 'bc' in folding 'x'; expected one character, or \"\" to remove it"),
    ("foldings:\n  x:\n    map: [a, b]\n",
     "search.yml:3: found map: a list; expected a mapping of single characters to what they become "
     "in folding 'x'"),
    ("foldings:\n  x:\n    marks: yes\n", "search.yml:3: found marks: 'yes'; expected marks: true or false"),
    ("foldings:\n  x:\n    mark: true\n",
     "search.yml:3: found key 'mark' in folding 'x'; expected only map, marks, clitics, suffixes, "
     "clitic_keep, suffix_keep, plurals, pronouns, marbuta"),
    ("foldings:\n  x:\n    clitics: [و]\n",
     "search.yml:3: found clitics: a list; expected a mapping of prefixes to the article each holds "
     "(\"\" for none) in folding 'x'"),
    ("foldings:\n  x:\n    suffixes: ها\n",
     "search.yml:3: found suffixes: 'ها'; expected a list of endings in folding 'x'"),
    ("foldings:\n  x:\n    clitic_keep: 0\n",
     "search.yml:3: found clitic_keep: the number 0 in folding 'x'; expected a whole number of letters, 1 or more"),
    ("foldings:\n  x: true\n",
     "search.yml:2: found true for folding 'x'; expected a mapping with some of map, marks, clitics, "
     "suffixes, clitic_keep, suffix_keep, plurals, pronouns, marbuta"),
    ("foldings:\n  x:\n    suffixes: [ه]\n    pronouns: [ها]\n",
     "search.yml:4: found pronoun suffix 'ها' in folding 'x'; expected one of the folding's suffixes"),
    ("foldings:\n  x:\n    marbuta: تة\n",
     "search.yml:3: found marbuta: 'تة' in folding 'x'; expected the one letter the ta marbuta is written as "
     "before a pronoun"),
    ("foldings:\n  x:\n    plurals: [ات]\n",
     "search.yml:3: found plurals: a list; expected a mapping of endings to the ending each stands for in "
     "folding 'x'"),
    ("foldings:\n  x: {marks: true}\nlanguages:\n  fr:\n    folding: y\n",
     "search.yml:5: found folding 'y'; expected one of the foldings listed above (x)"),
])
def test_errors_name_file_and_line(tmp_path, text, message):
    with pytest.raises(SourceError) as caught:
        folding.load(write(tmp_path, text), lambda p: Path(p.name))
    assert str(caught.value) == message


def test_an_invisible_mark_is_named_by_its_code_point(tmp_path):
    with pytest.raises(SourceError) as caught:
        folding.load(write(tmp_path, 'foldings:\n  x:\n    map:\n      "\\u064E": ab\n'), lambda p: Path(p.name))
    assert str(caught.value) == "search.yml:4: found U+064E: 'ab' in folding 'x'; expected one character, or \"\" to remove it"
