"""Every text a person reads on screen, in their language: gettext catalogues through Babel.

German is the source language: the code and the templates carry the German text, and
``locales/<lang>/LC_MESSAGES/<domain>.po`` carry the translations (``werkstatt.catalogues``
extracts, updates and compiles them; README, "Translations"). Two domains:

- ``participant``: everything a participant's phone can show (the light client under
  ``werkstatt/web/`` and texts marked ``P_`` elsewhere). Complete in all six languages.
- ``werkstatt``: the console, the projector, results, task force, exports and the report.
  Complete in German and English.

The code fetches a text with ``t`` (``pt`` with a context, ``nt`` with a count); a text that is
only named here and looked up later (an error's message, a word in a table) is marked with
``N_`` or ``P_`` so the extraction finds it. A text missing from a catalogue shows in German:
a participant sees a sentence, if not theirs, rather than a gap. Numbers and dates go through
Babel's CLDR formatters for the screen's locale.

This module is pure (no Streamlit, no I/O beyond reading the catalogues), so the service, the
charts and the CLI use it too.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import pathlib

import jinja2
from babel import Locale
from babel.dates import format_date, format_time, get_date_format
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol
from babel.numbers import format_percent as _format_percent
from babel.support import NullTranslations, Translations

LOCALES = pathlib.Path(__file__).resolve().parent.parent / "locales"
DOMAINS = ("werkstatt", "participant")
LANGUAGES = ("de", "en")  # facilitator, projector, results and task force
# A participant's screens also speak the languages of the people a welcoming city invites;
# each name is written in its own language, so a person finds theirs without reading German.
PARTICIPANT_LANGUAGES = ("de", "en", "tr", "ar", "ru", "uk")
RTL_LANGUAGES = frozenset({"ar"})
DEFAULT_LANGUAGE = "de"
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English", "tr": "Türkçe", "ar": "العربية",
                  "ru": "Русский", "uk": "Українська"}
NOT_AVAILABLE = "–"  # a missing number or date, never "nan"
CONTEXT_SEPARATOR = "\x04"  # how gettext itself joins a context and a message in a compiled catalogue


def N_(message: str, plural: str = "", *, context: str = "") -> str | tuple[str, str]:
    """Mark a text for the ``werkstatt`` catalogue where it is named, to be looked up later by
    ``t`` (or, with a ``plural``, by ``nt(*text, n, lang)``)."""
    if plural:
        return message, plural
    return f"{context}{CONTEXT_SEPARATOR}{message}" if context else message


def P_(message: str, plural: str = "", *, context: str = "") -> str | tuple[str, str]:
    """Like ``N_``, for a text outside ``werkstatt/web/`` that a participant's phone shows too (an
    error, a card kind, a verdict): it goes to the ``participant`` catalogue, which every
    participant language must complete."""
    return N_(message, plural, context=context)


@functools.cache
def translations(lang: str) -> NullTranslations:
    """Both domains' catalogues of ``lang``, merged; German (the source) needs none."""
    merged = NullTranslations()
    for domain in DOMAINS:
        catalogue = _load(lang, domain)
        if catalogue is not None:
            merged = catalogue if type(merged) is NullTranslations else merged.merge(catalogue)
    return merged


def _load(lang: str, domain: str) -> Translations | None:
    """The compiled catalogue; compiled in memory when ``make translations`` has not run since
    the ``.po`` file changed (a fresh clone run without make, a translator's edit)."""
    folder = LOCALES / lang / "LC_MESSAGES"
    po, mo = folder / f"{domain}.po", folder / f"{domain}.mo"
    if not po.exists():
        return None
    fresh = mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime
    return Translations(io.BytesIO(mo.read_bytes() if fresh else compiled(po)), domain=domain)


def compiled(po: pathlib.Path) -> bytes:
    """A ``locales/<lang>/LC_MESSAGES/<domain>.po`` file as the ``.mo`` bytes gettext reads
    (fuzzy translations left out: they show in German until a person confirms them)."""
    with po.open("rb") as file:
        catalog = read_po(file, locale=po.parts[-3], domain=po.stem)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def unmark(text: str | tuple[str, str]) -> tuple[str | None, str | tuple[str, str]]:
    """A text marked with ``N_``/``P_`` as a catalogue keys it: (context or None, German message)."""
    if isinstance(text, tuple):
        return None, text
    context, _, message = text.rpartition(CONTEXT_SEPARATOR)
    return context or None, message


def t(message: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """``message`` (the German source text, or a text marked with ``N_``/``P_``) in ``lang``,
    formatted with ``params`` (``{name}`` placeholders)."""
    context, text = unmark(message)
    catalogue = translations(lang)
    found = catalogue.pgettext(context, text) if context else catalogue.gettext(text)
    return found.format(**params) if params else found


def pt(context: str, message: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """``t`` for a German text that needs a different translation in another place (``context``)."""
    return t(N_(message, context=context), lang, **params)


def nt(singular: str, plural: str, n: int, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """A text with a count: the language's own plural form for ``n`` (one in German and English,
    three in Russian and Ukrainian, six in Arabic), formatted with ``n`` and ``params``."""
    return translations(lang).ngettext(singular, plural, n).format(n=format_number(n, lang, 0), **params)


def normalize_language(value: object, languages: tuple[str, ...] = LANGUAGES) -> str:
    """Turn a query-parameter value into one of ``languages`` (German when it is none of them)."""
    text = str(value or "").strip().lower()[:2]
    return text if text in languages else DEFAULT_LANGUAGE


@functools.cache
def locale(lang: str) -> Locale:
    return Locale.parse(lang)


def _missing(value: object) -> bool:
    return value is None or value == "" or isinstance(value, float) and math.isnan(value)


def format_number(value: float | int | None, lang: str = DEFAULT_LANGUAGE, digits: int = 1) -> str:
    """A number as the locale writes it (CLDR): ``2,5`` and ``1.234`` in German, ``2.5`` and
    ``1,234`` in English; whole numbers without decimals; a dash when missing."""
    if _missing(value):
        return NOT_AVAILABLE
    return _decimal(value, lang, 0 if isinstance(value, int) else digits)


@functools.lru_cache(maxsize=4096)
def _decimal(value: float | int, lang: str, digits: int) -> str:
    """Babel's CLDR formatting costs about 25 µs a number; a hall's pages show the same counts and
    medians again and again, so each is formatted once."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=locale(lang))


def format_percent(share: float | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """A share (``0.25``) as the locale writes a whole per cent: ``25 %`` in German (with a no-break
    space), ``25%`` in English, ``%25`` in Turkish; a dash when missing."""
    if _missing(share):
        return NOT_AVAILABLE
    return _format_percent(share, locale=locale(lang))


def percent_affixes(lang: str = DEFAULT_LANGUAGE) -> tuple[str, str]:
    """What the locale writes before and after a per cent number, for a chart axis's ticks."""
    prefix, _, suffix = format_percent(0, lang).partition("0")
    return prefix, suffix


def separators(lang: str = DEFAULT_LANGUAGE) -> str:
    """The decimal and the group separator of ``lang`` (CLDR), as plotly's ``separators`` wants them."""
    return get_decimal_symbol(locale(lang)) + get_group_symbol(locale(lang))


def format_change(value: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 1,
                  minus: str = "−") -> str:
    """A difference that reads as one: ``+0,5`` / ``−1,0`` / ``±0,0``; a dash when missing.
    ``st.metric`` needs the ASCII ``minus="-"`` to point its arrow down."""
    if _missing(value):
        return NOT_AVAILABLE
    sign = "+" if value > 0 else minus if value < 0 else "±"
    return sign + format_number(abs(value), lang, digits=digits)


def format_day(value: dt.date | str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """A date as the locale writes it (CLDR ``medium``, German ``07.12.2026``, English
    ``Dec 7, 2026``); a dash when missing."""
    if _missing(value):
        return NOT_AVAILABLE
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return format_date(value, format="medium", locale=locale(lang))


def date_input_format(lang: str = DEFAULT_LANGUAGE) -> str:
    """``st.date_input``'s format in the locale's order and separator (CLDR's short date; Streamlit
    knows only ``YYYY``, ``MM`` and ``DD``): ``DD.MM.YYYY`` in German, ``MM/DD/YYYY`` in English."""
    pattern = get_date_format("short", locale=locale(lang)).pattern
    order = sorted("dMy", key=pattern.find)
    separator = next((c for c in pattern if c in "./-"), "/")
    return separator.join({"d": "DD", "M": "MM", "y": "YYYY"}[part] for part in order)


def format_moment(value: dt.datetime, lang: str = DEFAULT_LANGUAGE) -> str:
    """A local date and clock time: ``07.12.2026, 14:05`` in German."""
    return f"{format_day(value.date(), lang)}, {format_time(value, format='short', locale=locale(lang))}"


# Colour is never the only carrier of a verdict, a trend or a reading: each has a symbol and a word.
MARKS = {
    "verdict": {
        "strength": ("▲", P_("Stärke")),
        "gap": ("▼", P_("Handlungsbedarf")),
        "contested": ("◆", P_("umstritten")),
        "too_few": ("…", P_("zu wenige Antworten")),
    },
    "trend": {
        "improved": ("↑", N_("verbessert")),
        "fell_back": ("↓", N_("zurückgefallen")),
        "unchanged": ("→", N_("unverändert")),
        "too_few": ("…", N_("zu wenige Antworten")),
    },
    "perspective": {
        "admin_higher": ("▲", N_("Verwaltung sieht es besser")),
        "admin_lower": ("▼", N_("Verwaltung sieht es kritischer")),
        "agree": ("=", N_("ähnlich")),
        "no_data": ("…", N_("keine Angabe")),
    },
}


def word(kind: str, value: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The word of a verdict, trend or reading (``MARKS``), without its symbol."""
    return t(MARKS[kind][value][1], lang)


def symbol(kind: str, value: str) -> str:
    return MARKS[kind][value][0]


def marked(kind: str, value: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The symbol and the word of a verdict, trend or reading, joined by a no-break space, so the
    symbol never stands alone on a line."""
    return f"{symbol(kind, value)}\u00a0{word(kind, value, lang)}"


def install_gettext(environment: jinja2.Environment) -> None:
    """Give Jinja2 templates the same catalogues through its i18n extension: ``_``, ``gettext``,
    ``ngettext`` and ``pgettext`` take the language from the template's ``lang`` variable and
    fill ``{name}`` placeholders as ``t`` does (so a text reads the same in code and template)."""

    @jinja2.pass_context
    def gettext(context: jinja2.runtime.Context, message: str, **params: object) -> str:
        return t(message, context["lang"], **params)

    @jinja2.pass_context
    def ngettext(context: jinja2.runtime.Context, singular: str, plural: str, n: int,
                 **params: object) -> str:
        return nt(singular, plural, n, context["lang"], **params)

    @jinja2.pass_context
    def pgettext(context: jinja2.runtime.Context, message_context: str, message: str,
                 **params: object) -> str:
        return pt(message_context, message, context["lang"], **params)

    environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_callables(gettext, ngettext, newstyle=False, pgettext=pgettext)
