"""What a page's head says of it to reference managers, search engines and chat apps: tags
and a JSON-LD data block, in the page's language, from the model.

- **Highwire Press** ``citation_*`` tags (Zotero's and Mendeley's page importers, Google
  Scholar) and **Dublin Core** ``DC.*`` tags, on the home page, the text pages and the full
  text: the declaration's name (its title in citations), its date, the page's language, its
  canonical URL, the full text's and the language's PDF. No ``citation_author``: that is for
  persons, and the citations the cite panel gives name none; the issuing bodies are
  ``DC.creator`` (the Member States, with the Secretary-General: paragraph 1's "we") and the
  United Nations ``DC.publisher``, in the language's UN forms (``meta.*`` strings).
- **schema.org** as JSON-LD on the same pages: the declaration as a work (the Chinese text,
  its date, its creators), the language's version (``inLanguage``; a translation's
  ``translationOfWork`` is the Chinese work), and the page as a part of that version. A data
  block: the Content Security Policy does not run it. ``<``, ``>`` and ``&`` are written as
  ``\\u003c`` … inside it, so no ``</script>`` can end it early.
- **Open Graph** and **Twitter** card tags on every page but the 404 pages (no page to
  share): title, description, canonical URL, locale and the other languages' locales, and the
  language's share card (``assets/cards/{lang}.png``, ``scripts/cards.py``).

The offline bundle's pages carry none of these: a file opened from a disk is neither crawled,
nor previewed in a chat, nor (as a rule) imported by a reference manager's browser connector,
which needs a page on the web; and the bundle's pages have a size limit of their own
(1.6 MiB), which these tags would take about 18 KB of.

The template (``overrides/main.html``, block ``extrahead``) writes each tag, escaped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from hooks.outputs import downloads
from hooks.pages import description
from hooks.pages.elements import Context
from hooks.urls import FULL_TEXT, HOME

CARD_DIR = "assets/cards"  # docs/assets/cards/{lang}.png, made by scripts/cards.py
CARD_SIZE = (1200, 630)
SCHEMA = "https://schema.org"


@dataclass(frozen=True)
class Tag:
    """One ``<meta>``: ``property="key"`` (Open Graph) or ``name="key"`` (all others)."""

    key: str
    content: str
    property: bool = False


def described(ctx: Context, key: str) -> bool:
    """Page ``key`` carries the citation metadata and the JSON-LD: home, text pages, full text."""
    return key in (HOME, FULL_TEXT) or key in ctx.edition.structure.slugs


def _url(ctx: Context, code: str, key: str) -> str:
    online = ctx.scheme.online()
    return online.canonical(online.page(code, key))


def pdf_url(ctx: Context, code: str) -> str:
    return ctx.scheme.online().canonical(f"{downloads.DIR}/{downloads.name(ctx.edition, 'pdf', code)}")


def card_url(ctx: Context, code: str) -> str:
    return ctx.scheme.online().canonical(f"{CARD_DIR}/{code}.png")


def title(ctx: Context, key: str) -> str:
    """The page's title for a share: the site's name on the home page, else the page's name
    and the edition's short name."""
    if key == HOME:
        return ctx.t("site_name")
    return f"{ctx.edition.page_name(ctx.language.code, key)} · {ctx.t('phone.short_name')}"


def tags(ctx: Context, key: str) -> list[Tag]:
    """Every tag of page ``key``'s head, in order."""
    code = ctx.language.code
    edition = ctx.edition
    marked = edition.facts.marked
    url = _url(ctx, code, key)
    out: list[Tag] = []
    if not ctx.online_site:  # the offline bundle (see the module's note)
        return out
    if described(ctx, key):
        name = edition.texts[code].subtitle  # the declaration's name, as citations give it
        out += [
            Tag("citation_title", name),
            Tag("citation_publication_date", marked.strftime("%Y/%m/%d")),
            Tag("citation_language", code),
            Tag("citation_publisher", ctx.t("meta.publisher")),
            Tag("citation_public_url", url),
            Tag("citation_fulltext_html_url", _url(ctx, code, FULL_TEXT)),
            Tag("citation_pdf_url", pdf_url(ctx, code)),
            Tag("DC.title", name),
            Tag("DC.date", marked.isoformat()),
            Tag("DC.language", code),
            Tag("DC.identifier", url),
            Tag("DC.creator", ctx.t("meta.creator")),
            Tag("DC.creator", ctx.t("meta.creator_with")),
            Tag("DC.publisher", ctx.t("meta.publisher")),
            Tag("DC.type", "Text"),
        ]
    summary = description.description(edition, code, key)
    image_alt = ctx.t("site_name")
    out += [
        Tag("og:type", "website", True),
        Tag("og:site_name", ctx.t("site_name"), True),
        Tag("og:title", title(ctx, key), True),
        Tag("og:description", summary, True),
        Tag("og:url", url, True),
        Tag("og:locale", ctx.t("meta.locale"), True),
        *(Tag("og:locale:alternate", edition.strings[lang.code]["meta.locale"], True)
          for lang in edition.languages if lang.code != code),
        Tag("og:image", card_url(ctx, code), True),
        Tag("og:image:type", "image/png", True),
        Tag("og:image:width", str(CARD_SIZE[0]), True),
        Tag("og:image:height", str(CARD_SIZE[1]), True),
        Tag("og:image:alt", image_alt, True),
        Tag("twitter:card", "summary_large_image"),
        Tag("twitter:title", title(ctx, key)),
        Tag("twitter:description", summary),
        Tag("twitter:image", card_url(ctx, code)),
        Tag("twitter:image:alt", image_alt),
    ]
    return out


def graph(ctx: Context, key: str) -> dict | None:
    """The schema.org description of page ``key``, or None for a page that has none."""
    if not described(ctx, key) or not ctx.online_site:
        return None
    edition = ctx.edition
    code = ctx.language.code
    source = edition.source.code
    source_strings = edition.strings[source]
    work_id = _url(ctx, source, HOME) + "#declaration"
    creators = [{"@type": "Organization", "name": source_strings["meta.creator"]},
                {"@type": "Person", "jobTitle": source_strings["meta.creator_with"]}]
    work = {
        "@id": work_id,
        "@type": "CreativeWork",
        "name": edition.texts[source].subtitle,
        "alternateName": edition.texts[source].title,
        "inLanguage": source,
        "dateCreated": edition.facts.marked.isoformat(),
        "creator": creators,
        "publisher": {"@type": "Organization", "name": source_strings["meta.publisher"]},
        "url": _url(ctx, source, HOME),
    }
    nodes: list[dict] = [work]
    version_id = work_id
    if not ctx.language.is_source:
        version_id = _url(ctx, code, HOME) + "#translation"
        nodes.append({
            "@id": version_id,
            "@type": "CreativeWork",
            "name": edition.texts[code].subtitle,
            "alternateName": edition.texts[code].title,
            "inLanguage": code,
            "translationOfWork": {"@id": work_id},
            "creativeWorkStatus": ctx.t("full-text.translation"),
            "url": _url(ctx, code, HOME),
        })
    version = nodes[-1]
    version["hasPart"] = [{"@id": _url(ctx, code, slug)} for slug in edition.structure.slugs]
    version["encoding"] = {"@type": "MediaObject", "contentUrl": pdf_url(ctx, code), "encodingFormat": "application/pdf"}
    page = {
        "@id": _url(ctx, code, key),
        "@type": "WebPage",
        "url": _url(ctx, code, key),
        "name": title(ctx, key),
        "inLanguage": code,
        "isPartOf": {"@id": version_id},
    }
    if key in edition.structure.slugs:  # a part of the version, in reading order
        page["position"] = edition.structure.slugs.index(key) + 1
    page["description"] = description.description(edition, code, key)
    nodes.append(page)
    return {"@context": SCHEMA, "@graph": nodes}


def json_ld(ctx: Context, key: str) -> str:
    """:func:`graph` as the text of a ``<script type="application/ld+json">``: ``<``, ``>``
    and ``&`` escaped as JSON escapes, so the text never holds ``</script>``; "" for none."""
    data = graph(ctx, key)
    if data is None:
        return ""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
