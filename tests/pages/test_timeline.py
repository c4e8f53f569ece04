"""hooks/pages/timeline.py: what came after the declaration, in date order, read back as HTML and
checked against source/instruments.yml, source/instruments/{lang}.yml, source/structure.yml and
source/i18n/{lang}.yml, read here with plain YAML. The last tests read the built site."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

from hooks.pages import registry, timeline
from tests.pages.contexts import context

SOURCE = Path(__file__).resolve().parents[2] / "source"
FACTS = yaml.safe_load((SOURCE / "instruments.yml").read_text(encoding="utf-8"))["instruments"]
LANGUAGES = [entry["code"] for entry in
             yaml.safe_load((SOURCE / "languages.yml").read_text(encoding="utf-8"))["languages"]]
SOURCE_LANGUAGE = LANGUAGES[0]
PAGES = yaml.safe_load((SOURCE / "structure.yml").read_text(encoding="utf-8"))["pages"]


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def as_text(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def part_of(number: int) -> str:
    """The slug of the text page paragraph ``number`` is on, from the ranges of structure.yml."""
    for page in PAGES:
        first, _, last = str(page["paragraphs"]).partition("-")
        if int(first) <= number <= int(last or first):
            return page["slug"]
    raise AssertionError(f"paragraph {number} is on no page")


def parts_of(item_id: str) -> list[str]:
    slugs = {part_of(n) for n in FACTS[item_id]["paragraphs"]}
    return [page["slug"] for page in PAGES if page["slug"] in slugs]


# Date order, the file's order on a tie (sorted() is stable).
ORDER = [item_id for item_id in sorted(FACTS, key=lambda i: as_text(FACTS[i]["date"]))]


def page_of(edition, derived, code: str, **options) -> ET.Element:
    return ET.fromstring(timeline.render(context(edition, derived, code, "timeline", **options)))


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_instrument_in_date_order_under_its_year(edition, derived, code):
    root = page_of(edition, derived, code)
    sections = root.findall("div[@id='a4p-timeline-entries']/section")
    found = []
    for section in sections:
        year = section.find("h2")
        assert year.get("id") == f"year-{year.text}"
        assert section.get("aria-labelledby") is None, "a section per year, not a landmark per year"
        for entry in section.findall("ol/li"):
            assert as_text(FACTS[entry.get("id").removeprefix("instrument-")]["date"])[:4] == year.text
            found.append(entry.get("id"))
    assert found == [f"instrument-{item_id}" for item_id in ORDER]
    years = [s.find("h2").text for s in sections]
    assert years == sorted(set(years)), "one heading per year, in order"


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_entry_gives_name_kind_symbol_date_and_its_paragraphs(edition, derived, code):
    labels = read(SOURCE / "instruments" / f"{code}.yml")["instruments"]
    strings = read(SOURCE / "i18n" / f"{code}.yml")
    prefix = "" if code == SOURCE_LANGUAGE else f"{code}/"
    root = page_of(edition, derived, code)
    for item_id in ORDER:
        fact, label = FACTS[item_id], labels[item_id]
        entry = root.find(f".//li[@id='instrument-{item_id}']")
        assert entry.get("data-parts") == " ".join(parts_of(item_id))
        name = entry.find("h3/a")
        assert name.text == label["name"].strip() and name.get("class") == "a4p-timeline__name"
        if "symbol" in fact:
            assert name.get("href") == f"https://undocs.org/{code}/{fact['symbol'].replace(' ', '')}"
            assert name.get("hreflang") == code
            assert entry.find("p/span[@class='a4p-timeline__symbol']/bdi").text == fact["symbol"]
        else:
            assert name.get("href") == fact["link"] and name.get("hreflang") is None
            assert entry.find("p/span[@class='a4p-timeline__symbol']") is None
        assert entry.find("p/span[@class='a4p-timeline__kind']").text == strings["timeline"][f"kind_{fact['kind']}"]
        times = entry.findall("p/span[@class='a4p-timeline__date']/time")
        want = [as_text(fact["date"])] + ([as_text(fact["end"])] if "end" in fact else [])
        assert [(t.get("datetime"), t.text) for t in times] == [(d, d) for d in want]
        lines = entry.findall("ul[@class='a4p-timeline__paragraphs']/li")
        assert len(lines) == len(fact["paragraphs"])
        for line, number in zip(lines, fact["paragraphs"]):
            link = line.find("a")
            # the timeline is timeline/ or {code}/timeline/: its text pages are siblings
            assert link.get("href") == f"../{part_of(number)}/#para-{number}", prefix
            assert "".join(link.itertext()) == strings["labels"]["paragraph"].format(number=number)
            assert line.find("span[@class='a4p-timeline__part']").text == strings["pages"][part_of(number)]
            assert line.find("span[@class='a4p-timeline__relation']").text == label["paragraphs"][number].strip()


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_filter_offers_each_part_with_its_count_and_is_hidden_until_its_script(edition, derived, code):
    strings = read(SOURCE / "i18n" / f"{code}.yml")
    root = page_of(edition, derived, code)
    box = root.find("div[@class='a4p-timeline__filter']")
    assert box.get("hidden") is not None, "without its script the filter would filter nothing"
    label = box.find("label")
    select = box.find("select")
    assert label.get("for") == select.get("id") and label.text == strings["timeline"]["filter_label"]
    assert select.get("aria-controls") == "a4p-timeline-entries"
    options = [(o.get("value"), o.text) for o in select.findall("option")]
    counted = {page["slug"]: sum(page["slug"] in parts_of(i) for i in FACTS) for page in PAGES}
    assert options == [("", f"{strings['timeline']['filter_all']} ({len(FACTS)})")] + [
        (slug, f"{strings['pages'][slug]} ({count})") for slug, count in counted.items() if count]
    status = box.find("p[@role='status']")
    assert json.loads(status.get("data-strings")) == {
        f"count.{category}": text for category, text in strings["timeline"]["count"].items()}
    assert root.find(".//script") is None  # the page's script is loaded after its words
    assert registry.scripts("timeline") == ("assets/a4p-timeline.js",)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_page_is_marked_unofficial_in_a_translation_and_points_to_the_data(edition, derived, code):
    root = page_of(edition, derived, code)
    notice = root.find("aside[@class='a4p-translation-notice']")
    assert (notice is None) == (code == SOURCE_LANGUAGE)
    data = [a for a in root.iter("a") if (a.get("href") or "").endswith("a4p-instruments.json")]
    assert [a.get("href") for a in data] == [("../" if code == SOURCE_LANGUAGE else "../../")
                                             + "downloads/a4p-instruments.json"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_offline_every_name_is_marked_online_only(edition, derived, code):
    label = read(SOURCE / "i18n" / f"{code}.yml")["after"]["online_only"]
    for directory_urls, marked in ((False, True), (True, False)):
        root = page_of(edition, derived, code, directory_urls=directory_urls)
        entries = [entry for entry in root.iter("li") if entry.get("class") == "a4p-timeline__entry"]
        assert len(entries) == len(FACTS)
        for entry in entries:
            marks = entry.findall("h3/span[@class='a4p-online-only']")
            assert [(m.get("role"), m.get("aria-label")) for m in marks] == ([("img", label)] if marked else [])


def test_a_name_with_markup_stays_text(edition, derived):
    item_id = ORDER[0]
    labels = dict(edition.instruments.labels)
    labels["en"] = {**labels["en"], item_id: dataclasses.replace(labels["en"][item_id], name="<b>bold</b> & co")}
    changed = dataclasses.replace(edition, instruments=dataclasses.replace(edition.instruments, labels=labels))
    html = timeline.render(context(changed, derived, "en", "timeline"))
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in html and "<b>" not in html


# ---- read back from the built site ----

NAV_LINKS = ("//nav[contains(concat(' ', @class, ' '), ' md-nav--primary ')]"
             "//a[contains(concat(' ', @class, ' '), ' md-nav__link ')]")

def built_page(built_site: Path, code: str, key: str):
    prefix = "" if code == SOURCE_LANGUAGE else f"{code}/"
    return lxml_html.fromstring((built_site / f"{prefix}{key}" / "index.html").read_bytes())


def test_the_built_timelines_agree_with_the_source(built_site):
    for code in LANGUAGES:
        labels = read(SOURCE / "instruments" / f"{code}.yml")["instruments"]
        page = built_page(built_site, code, "timeline")
        entries = page.xpath("//li[@class='a4p-timeline__entry']")
        assert [e.get("id") for e in entries] == [f"instrument-{i}" for i in ORDER], code
        for entry, item_id in zip(entries, ORDER):
            assert entry.xpath("h3/a")[0].text_content() == labels[item_id]["name"].strip()
            relations = [span.text_content() for span in entry.xpath(".//span[@class='a4p-timeline__relation']")]
            assert relations == [labels[item_id]["paragraphs"][n].strip() for n in FACTS[item_id]["paragraphs"]]
            links = entry.xpath("ul[@class='a4p-timeline__paragraphs']/li/a")
            assert len(links) == len(FACTS[item_id]["paragraphs"])
            for link, number in zip(links, FACTS[item_id]["paragraphs"]):
                target = built_site / ("" if code == SOURCE_LANGUAGE else f"{code}/") / "timeline" / link.get("href")
                file, _, fragment = str(target).partition("#")
                linked = lxml_html.fromstring(Path(file, "index.html").read_bytes())
                assert linked.get_element_by_id(fragment) is not None, f"{code}: {link.get('href')}"


def test_the_built_blocks_under_the_paragraphs_agree_with_the_source(built_site):
    for code in LANGUAGES:
        labels = read(SOURCE / "instruments" / f"{code}.yml")["instruments"]
        for page in PAGES:
            built = built_page(built_site, code, page["slug"])
            for box in built.xpath("//*[starts-with(@id, 'para-')]"):
                number = int(box.get("id").removeprefix("para-"))
                want = [i for i in ORDER if number in FACTS[i]["paragraphs"]]
                names = [a.text_content() for a in box.xpath(".//details[@class='a4p-after']//a[@class='a4p-after__name']")]
                assert names == [labels[i]["name"].strip() for i in want], f"{code} ¶{number}"
                relations = [s.text_content() for s in box.xpath(".//details[@class='a4p-after']//span[@class='a4p-after__relation']")]
                assert relations == [labels[i]["paragraphs"][number].strip() for i in want], f"{code} ¶{number}"


def test_the_timeline_comes_after_the_text_in_the_navigation(built_site):
    for code in LANGUAGES:
        strings = read(SOURCE / "i18n" / f"{code}.yml")
        page = built_page(built_site, code, "timeline")
        links = [a.text_content().strip() for a in page.xpath(NAV_LINKS)]
        names = [strings["pages"][p["slug"]] for p in PAGES]
        last_text = max(links.index(name) for name in names)
        assert links.index(strings["timeline"]["name"]) == last_text + 2, f"{code}: {links}"  # after the full text
        assert links[last_text + 1] == strings["full-text"]["name"], code
