"""The participants' rating screen for one field, as a page of its own: the fieldset editor shows
it beside the form, so a facilitator sees what a phone will show before anyone joins.

It renders the very template the phones get (``_rating.html``) with the same stylesheets, in
an environment set up like the participants' routes; only the form goes nowhere.
"""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import RTL_LANGUAGES, install_gettext
from werkstatt.web.assets import asset_version
from werkstatt.web.screens import RatingField, scale_choices

HERE = Path(__file__).resolve().parent

_PAGE = """<!doctype html>
<html lang="{{ lang }}" dir="{{ 'rtl' if rtl else 'ltr' }}" data-kern-theme="light">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/p/assets/kern/kern.min.css?v={{ asset_version }}">
<link rel="stylesheet" href="/p/assets/werkstatt.css?v={{ asset_version }}">
<style>body{margin:0} .ws-main{padding:12px}</style></head>
<body><main class="ws-main">{{ rating }}</main></body></html>"""


@functools.cache
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    install_gettext(env)
    env.globals.update(asset_version=asset_version(HERE / "static"))
    return env


def rating_preview(fieldset: Fieldset, field_id: str, lang: str = "de") -> str:
    """A whole HTML page: the rating screen of ``field_id`` as a participant in ``lang`` sees it
    (untranslated texts marked "(Deutsch)", as on the phones)."""
    f = fieldset.field(field_id)
    field = RatingField(id=f.id, title=f.title.marked(lang), description=f.description.marked(lang),
                        questions=tuple(q.marked(lang) for q in f.questions), stored=None, stored_label="")
    env = _environment()
    rating = env.get_template("_rating.html").render(
        lang=lang, open=True, fields=[field], scale=scale_choices(fieldset, lang), token="vorschau",
        entry=None, all_rated=False, url=lambda path, **params: "#")
    return env.from_string(_PAGE).render(lang=lang, rtl=lang in RTL_LANGUAGES, rating=Markup(rating))
