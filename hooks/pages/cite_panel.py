"""The cite controls of a page: one button per paragraph, one for the whole declaration, and
the panel they open (``docs/assets/a4p-cite.js``, ``a4p.css``).

The citations themselves come from :mod:`hooks.outputs.cite`. A page carries them once, as data (a
``<script type="application/json">``, which no browser runs): every format of the whole
declaration, and every format of a paragraph as a template whose number and URL the script
fills in from the button (its ``data-a4p-cite``) and the paragraph's permalink mark (its
``href``, the canonical URL, offline too). So a page's weight does not grow with its
paragraphs, and all the escaping is Python's, tested against golden files.

The buttons are ``hidden`` until the script has what it needs: without it, no dead control.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from hooks.outputs import cite
from hooks.pages.elements import APPARATUS, Context, classed, el

PANEL_ID = "a4p-cite"
DATA_CLASS = "a4p-cite-data"
# The formats' names in the panel; the reference's is an interface string.
NAMES = {"bibtex": "BibTeX", "ris": "RIS", "csl": "CSL-JSON"}


def button(ctx: Context, parent: ET.Element, number: int) -> ET.Element:
    """Paragraph ``number``'s cite button (apparatus), in ``parent``."""
    node = _button(parent, ctx.t("cite.button"), str(number), **APPARATUS)
    node.set("aria-label", ctx.t("cite.button_label", number=number))
    return node


def controls(ctx: Context, parent: ET.Element) -> None:
    """Once per page: the button for the whole declaration, the panel and the page's data."""
    _button(classed(el(parent, "p", hidden="hidden"), "a4p-cite-whole"), ctx.t("cite.whole_button"), "")
    _panel(ctx, parent)
    data = el(parent, "script", type="application/json")
    data.set("class", DATA_CLASS)
    data.text = data_json(ctx)


def data_json(ctx: Context) -> str:
    """The page's citations as JSON, safe inside ``<script>`` (``<`` escaped as ``\\u003c``:
    no ``</script>`` or ``<!--`` can end or bend the element)."""
    code = ctx.language.code
    cited = cite.cited(ctx.edition, code, ctx.provenance.version, ctx.provenance.date)
    whole = cite.formats(cited, None, cite.url(ctx.edition, ctx.scheme, code, None))
    data = {"whole": whole, "paragraph": cite.template(cited), "number": cite.NUMBER, "url": cite.URL}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _button(parent: ET.Element, text: str, number: str, **attrs: str) -> ET.Element:
    node = classed(el(parent, "button", text, type="button", hidden="hidden", **attrs), "a4p-cite")
    node.set("data-a4p-cite", number)
    node.set("aria-haspopup", "dialog")
    node.set("aria-controls", PANEL_ID)
    return node


def _panel(ctx: Context, parent: ET.Element) -> None:
    dialog = classed(el(parent, "dialog", id=PANEL_ID), "a4p-cite-panel")
    head = classed(el(dialog, "div"), "a4p-cite-panel__head")
    # the title, filled in and named the dialog's label by the script; a bare <h2>, so that
    # the page's own headings are all that "<h2 " finds in its HTML (tests of the full text).
    # Not empty before the script fills it (an empty heading is what the HTML checker warns of).
    el(head, "h2", ctx.t("cite.whole_button"))
    close = classed(el(head, "button", "×", type="button", aria_label=ctx.t("cite.close_label")),
                    "a4p-cite-panel__close")
    close.set("data-a4p-cite-close", "")
    for fmt in cite.FORMATS:
        name = ctx.t("cite.reference_label") if fmt == "reference" else NAMES[fmt]
        section = classed(el(dialog, "section"), "a4p-cite-format")
        el(section, "h3", name, id=f"{PANEL_ID}-{fmt}-name")
        # focusable to scroll by keyboard, so named by its heading: a named region, since a
        # <pre> of its implicit role (generic) may not carry aria-labelledby (HTML checker)
        text = el(section, "pre", id=f"{PANEL_ID}-{fmt}", tabindex="0", role="region")
        text.set("aria-labelledby", f"{PANEL_ID}-{fmt}-name")
        if fmt != "reference":
            text.set("dir", "ltr")  # the syntax of a record reads left to right
            text.set("translate", "no")
        copy = el(section, "button", ctx.t("cite.copy"), type="button",
                  aria_label=ctx.t("cite.copy_label", format=name))
        copy.set("data-a4p-copy", fmt)
    status = classed(el(dialog, "p", role="status"), "a4p-cite-panel__status")
    status.set("data-copied", ctx.t("cite.copied"))
    status.set("data-selected", ctx.t("cite.selected"))
