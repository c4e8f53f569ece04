"""The 404 page of one language: served at any depth, so its links are root-relative."""

from __future__ import annotations

from urllib.parse import urlsplit

from hooks.pages.elements import Context, classed, el, to_html
from hooks.urls import HOME


def render(ctx: Context) -> str:
    """The 404 page's body in the page's language: what went wrong, and every page of the language."""
    code = ctx.language.code
    root = classed(el(None, "div"), "a4p-not-found")
    el(root, "h1", ctx.t("not_found.title"), id="heading")
    el(root, "p", ctx.t("not_found.text"))
    items = el(root, "ul")
    root_path = urlsplit(ctx.scheme.site_url).path or "/"
    for key in ctx.edition.page_keys:
        el(el(items, "li"), "a", ctx.edition.page_name(code, key), href=root_path + ctx.scheme.page(code, key))
    return to_html(root)


def language_links(ctx: Context) -> list[dict]:
    """The 404 page's language switch (overrides/404.html): each language's home, root-relative,
    for the missing page has no equivalent in another language."""
    root_path = urlsplit(ctx.scheme.site_url).path or "/"
    return [{"code": lang.code, "name": lang.name, "dir": lang.dir, "href": root_path + ctx.scheme.page(lang.code, HOME),
             "current": lang.code == ctx.language.code} for lang in ctx.edition.languages]
