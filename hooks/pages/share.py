"""Share a paragraph (``docs/assets/a4p-share.js``): a button beside each paragraph's cite
button, and once per page the live status that says what happened.

Where the browser has the Web Share API (phones), the button opens the system's share sheet
with the paragraph's canonical URL (its ¶ mark's ``href``, offline too), the declaration's
name and the paragraph's number. Elsewhere it copies that URL to the clipboard; where the
clipboard is refused, the URL is shown selected in the status, to copy with the keyboard. The
status is a ``role="status"`` region, so a screen reader announces each outcome.

The buttons are ``hidden`` until the script runs: without it, no dead control.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.pages.elements import APPARATUS, Context, classed, el

STATUS_CLASS = "a4p-share-status"
NUMBER = "{number}"  # where the script puts a paragraph's number in the share's text


def button(ctx: Context, parent: ET.Element, number: int) -> ET.Element:
    """Paragraph ``number``'s share button (apparatus), in ``parent``."""
    node = classed(el(parent, "button", ctx.t("share.button"), type="button", hidden="hidden", **APPARATUS),
                   "a4p-share")
    node.set("data-a4p-share", str(number))
    node.set("aria-label", ctx.t("share.button_label", number=number))
    return node


def status(ctx: Context, parent: ET.Element) -> ET.Element:
    """Once per page: the live status, with the messages and the share's text as data."""
    node = classed(el(parent, "p", role="status"), STATUS_CLASS)
    node.set("data-copied", ctx.t("share.copied"))
    node.set("data-selected", ctx.t("share.selected"))
    node.set("data-shared", ctx.t("share.shared"))
    node.set("data-title", ctx.edition.texts[ctx.language.code].subtitle)
    node.set("data-text", ctx.t("share.text", title=ctx.edition.texts[ctx.language.code].subtitle, number=NUMBER))
    return node
