"""The sheet for the group tables: one A4 page per group, printed and laid on the group's table.

Each page carries the workshop's title and join code, the group's name in large type, its
fields, and the group's two links, each as a QR code with the link printed below it and one
sentence saying who scans it: a large code that turns the table's shared tablet into the
group's tablet (its cards count for the group), and a smaller one that brings a person's own
phone into the group. The console shows the same links (``werkstatt.ui.group_setup``), built by
``group_links`` here, so screen and paper never disagree.

Like the council report, the page is HTML (a Jinja2 template with autoescape, so a group name
prints as the text it is) and WeasyPrint makes the PDF (``report.pdf_from_html``); the QR codes
are inline SVG, sharp at any printer's resolution. This module never imports Streamlit: the
caller passes the address the tablets reach (``werkstatt.ui.links.base_url``).

    from werkstatt.group_sheet import group_sheet_pdf
    Path("tische.pdf").write_bytes(group_sheet_pdf(app, workshop.id, "http://192.168.1.20:8501"))
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from werkstatt.addresses import join_link, qr_svg
from werkstatt.groupwork import Group
from werkstatt.report import pdf_from_html, templates

if TYPE_CHECKING:
    from werkstatt.service import Werkstatt

LONG_NAME = 40  # characters: from here on a group name is set smaller, so the page still fits
VERY_LONG_NAME = 90
MANY_FIELDS = 4  # from here on the fields stand in two columns


@dataclasses.dataclass(frozen=True)
class GroupLinks:
    """A group's two links: the table's shared tablet, and a person's own device."""

    tablet: str
    own_device: str


def group_links(base_url: str, join_code: str, group_id: int) -> GroupLinks:
    """The links that put a device into the group (``base_url``: scheme, host and port under
    which the tablets reach the server, without a trailing slash)."""
    return GroupLinks(tablet=join_link(base_url, join_code, group_id, tablet=True),
                      own_device=join_link(base_url, join_code, group_id))


def group_sheet_html(app: Werkstatt, workshop_id: int, base_url: str) -> str:
    """The sheet as one HTML page (one ``section`` per group), all in the workshop's language: the
    room reads it, whatever language the facilitator's console is in."""
    workshop = app.workshop(workshop_id)
    fieldset = app.fieldset(workshop)
    groups = app.groups(workshop_id)
    return templates().get_template("group_sheet.html").render(
        lang=workshop.language,
        workshop=workshop,
        sheets=[_sheet(group, [fieldset.field(f).title.get(workshop.language) for f in group.field_ids],
                       group_links(base_url, workshop.join_code, group.id))
                for group in groups],
    )


def group_sheet_pdf(app: Werkstatt, workshop_id: int, base_url: str) -> bytes:
    """The sheet as an A4 PDF, one page per group."""
    return pdf_from_html(group_sheet_html(app, workshop_id, base_url))


def _sheet(group: Group, fields: list[str], links: GroupLinks) -> dict:
    size = ("very-long" if len(group.name) > VERY_LONG_NAME
            else "long" if len(group.name) > LONG_NAME else "short")
    return {
        "name": group.name,
        "name_size": size,
        "fields": fields,
        "many_fields": len(fields) >= MANY_FIELDS,
        "tablet_link": _breakable(links.tablet),
        "own_link": _breakable(links.own_device),
        "tablet_qr": qr_svg(links.tablet),
        "own_qr": qr_svg(links.own_device),
    }


def _breakable(url: str) -> Markup:
    """``url`` escaped, with line breaks allowed after ``//``, ``/`` and ``?`` and before ``&``,
    so that a link under a narrow QR code wraps where a reader can follow it."""
    parts = re.split(r"(?<=[/?])(?!/)|(?=&)", url)
    return Markup("<wbr>").join(escape(part) for part in parts if part)
