"""Reading built pages by the contract's HTML markers, with the standard library only."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Collector(HTMLParser):
    """Collects, for each element with an id, its text minus [data-apparatus] descendants."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []  # tag, id, apparatus
        self.words: dict[str, list[str]] = {}
        self.ids: list[str] = []
        self.html_lang: str | None = None
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "html":
            self.html_lang = attributes.get("lang")
        element_id = attributes.get("id")
        if element_id is not None:
            self.ids.append(element_id)
            self.words.setdefault(element_id, [])
        if tag not in VOID:
            self.stack.append((tag, element_id, "data-apparatus" in attributes))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if any(apparatus for _, _, apparatus in self.stack):
            return
        for _, element_id, _ in self.stack:
            if element_id is not None:
                self.words[element_id].append(data)


class Page:
    def __init__(self, html: str):
        collector = _Collector()
        collector.feed(html)
        self.ids = collector.ids
        self.lang = collector.html_lang
        self.tags = collector.tags
        self._words = collector.words

    def words(self, element_id: str) -> str:
        """The element's text minus its ``[data-apparatus]`` descendants (CONTRACT.md)."""
        return "".join(self._words[element_id])

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]
