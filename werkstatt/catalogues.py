"""The translator's workflow: extract the German source texts, update every ``.po``, compile, check.

``make translations`` runs ``extract_and_update`` and ``compile_all``; ``python -m werkstatt i18n
check`` (and the test suite) runs ``check``. README, "Translations", says how a translator works
with the files.

Extraction reads the code with Python's own parser (so a text inside an f-string is found too)
and the templates with Jinja2's extractor. A text lands in the ``participant`` domain when a
participant's phone can show it: it is written in ``werkstatt/web/`` or marked ``P_``; every
other text lands in ``werkstatt``. A text in both is kept in ``participant`` only, so nobody
translates it twice.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import io
import pathlib
import re
from collections.abc import Iterator

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po
from jinja2.ext import babel_extract

from werkstatt.i18n import DOMAINS, LANGUAGES, LOCALES, PARTICIPANT_LANGUAGES, compiled

ROOT = LOCALES.parent
PYTHON_SOURCES = ("werkstatt/**/*.py", "pages/*.py", "app.py", "navigation.py")
TEMPLATE_SOURCES = ("werkstatt/templates/*.html", "werkstatt/projector/templates/*.html",
                    "werkstatt/web/templates/*.html")
PARTICIPANT_FOLDER = "werkstatt/web/"
# Which languages must be complete in which domain; German is the source and needs no file.
REQUIRED = {
    "werkstatt": tuple(lang for lang in LANGUAGES if lang != "de"),
    "participant": tuple(lang for lang in PARTICIPANT_LANGUAGES if lang != "de"),
}
# t(message), pt(context, message), nt(singular, plural, n), N_/P_(message, plural, context=…):
# where each call keeps its context and its message.
CALLS = {"t": ("message",), "pt": ("context", "message"), "nt": ("message", "plural"),
         "N_": ("message", "plural"), "P_": ("message", "plural")}
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")
WIDTH = 100
SHOWN = {"participant": "everything a participant's phone shows",
         "werkstatt": "console, projector, results, task force, exports and report"}
HEADER = """\
# {language} for Werkstatt, domain "{domain}": {shown}.
# German is the source language: each msgid is the German text as it appears on screen.
# README.md, "Translations", says how to review this file, and `make translations` updates it.
#"""


@dataclasses.dataclass(frozen=True)
class Found:
    """One use of a text in the sources."""

    message: str | tuple[str, str]  # a (singular, plural) pair for a count
    context: str | None
    path: str
    line: int
    participant: bool


def _python_texts(path: pathlib.Path, relative: str) -> Iterator[Found]:
    for node in ast.walk(ast.parse(path.read_text(), relative)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name not in CALLS:
            continue
        values = {role: arg.value for role, arg in zip(CALLS[name], node.args)
                  if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
        values |= {k.arg: k.value.value for k in node.keywords
                   if k.arg == "context" and isinstance(k.value, ast.Constant)}
        if "message" not in values:
            continue  # a text from a variable: it was marked where it was written
        message = (values["message"], values["plural"]) if "plural" in values else values["message"]
        yield Found(message, values.get("context") or None, relative, node.lineno,
                    relative.startswith(PARTICIPANT_FOLDER) or name == "P_")


def _template_texts(path: pathlib.Path, relative: str) -> Iterator[Found]:
    with path.open("rb") as file:
        for line, function, strings, _comments in babel_extract(
                file, ("_", "gettext", "ngettext", "pgettext"), [],
                {"trim_blocks": "true", "lstrip_blocks": "true"}):
            strings = strings if isinstance(strings, tuple) else (strings,)
            if function == "pgettext":
                context, message = strings[0], strings[1]
            elif function == "ngettext":
                context, message = None, (strings[0], strings[1])
            else:
                context, message = None, strings[0]
            if message is None or isinstance(message, tuple) and None in message:
                continue  # a text from a variable: it was marked where it was written
            yield Found(message, context, relative, line, relative.startswith(PARTICIPANT_FOLDER))


def found_texts(root: pathlib.Path = ROOT) -> list[Found]:
    texts = []
    for patterns, reader in ((PYTHON_SOURCES, _python_texts), (TEMPLATE_SOURCES, _template_texts)):
        for pattern in patterns:
            for path in sorted(root.glob(pattern)):  # a screen's texts together, in reading order
                texts += sorted(reader(path, path.relative_to(root).as_posix()), key=lambda f: f.line)
    return texts


def templates(root: pathlib.Path = ROOT) -> dict[str, Catalog]:
    """One catalogue template per domain, every message with the places that use it."""
    texts = found_texts(root)
    participant = {(f.context, f.message) for f in texts if f.participant}
    catalogs = {domain: Catalog(project="Werkstatt", domain=domain, locale="de", fuzzy=False,
                                msgid_bugs_address="", copyright_holder="", charset="utf-8")
                for domain in DOMAINS}
    for f in texts:
        domain = "participant" if (f.context, f.message) in participant else "werkstatt"
        entry = catalogs[domain].get(f.message, f.context)
        if entry is None:
            catalogs[domain].add(f.message, locations=[(f.path, f.line)], context=f.context,
                                 flags=(("python-brace-format",) if PLACEHOLDER.search(_first(f.message))
                                        else ()))
        else:
            entry.locations.append((f.path, f.line))
    return catalogs


def _first(message: str | tuple[str, str]) -> str:
    return message if isinstance(message, str) else message[0]


def po_path(lang: str, domain: str, root: pathlib.Path = ROOT) -> pathlib.Path:
    return root / LOCALES.relative_to(ROOT) / lang / "LC_MESSAGES" / f"{domain}.po"


def read(lang: str, domain: str, root: pathlib.Path = ROOT) -> Catalog:
    path = po_path(lang, domain, root)
    if not path.exists():  # a new language: its header comes from write()
        return Catalog(locale=lang, domain=domain, project="Werkstatt", version="1", fuzzy=False,
                       msgid_bugs_address="", last_translator="", language_team="")
    with path.open("rb") as file:
        return read_po(file, locale=lang, domain=domain)


def write(catalog: Catalog, lang: str, domain: str, root: pathlib.Path = ROOT, dry_run: bool = False) -> bool:
    """Write the ``.po`` file when its messages changed (not for a new date alone, so a run
    without changes leaves the working tree clean). Places name files, not lines, for the same
    reason. Returns whether it wrote (or, with ``dry_run``, would write)."""
    path = po_path(lang, domain, root)
    catalog.header_comment = HEADER.format(language=Locale.parse(lang).english_name, domain=domain,
                                           shown=SHOWN[domain])
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, ignore_obsolete=True, include_previous=True, include_lineno=False)
    if path.exists() and _without_dates(path.read_bytes()) == _without_dates(buffer.getvalue()):
        return False
    if dry_run:
        return True
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return True


def _without_dates(po: bytes) -> bytes:
    return re.sub(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\n', b"", po, flags=re.M)


def extract_and_update(root: pathlib.Path = ROOT, dry_run: bool = False) -> list[pathlib.Path]:
    """Merge the sources' texts into every required ``.po``: new texts come in untranslated, a
    changed German text keeps its old translation marked fuzzy (with the previous German beside
    it), texts no longer used go. Returns the files that changed (``dry_run``: would change)."""
    changed = []
    for domain, template in templates(root).items():
        for lang in REQUIRED[domain]:
            catalog = read(lang, domain, root)
            catalog.update(template, update_header_comment=False)
            catalog.revision_date = dt.datetime.now(dt.timezone.utc)
            if write(catalog, lang, domain, root, dry_run):
                changed.append(po_path(lang, domain, root))
    return changed


def compile_all(root: pathlib.Path = ROOT) -> list[pathlib.Path]:
    """Every ``.po`` to its ``.mo`` (``i18n.compiled``)."""
    written = []
    for po in sorted((root / LOCALES.relative_to(ROOT)).glob("*/LC_MESSAGES/*.po")):
        po.with_suffix(".mo").write_bytes(compiled(po))
        written.append(po.with_suffix(".mo"))
    return written


@dataclasses.dataclass
class Report:
    """What one language's catalogue of one domain still lacks."""

    lang: str
    domain: str
    total: int = 0
    translated: int = 0
    fuzzy: list[str] = dataclasses.field(default_factory=list)
    missing: list[str] = dataclasses.field(default_factory=list)  # in the sources, not in the file
    untranslated: list[str] = dataclasses.field(default_factory=list)
    placeholders: list[str] = dataclasses.field(default_factory=list)
    plural_forms: str = ""  # a header that does not match the language's CLDR plural rules

    @property
    def complete(self) -> bool:
        return not (self.fuzzy or self.missing or self.untranslated or self.placeholders or self.plural_forms)


def placeholders(text: str) -> set[str]:
    return {match.group(1) for match in PLACEHOLDER.finditer(text)}


def placeholder_problem(message, translation) -> str:
    """Why a translation's ``{placeholders}`` do not fit the German, or "" when they do. A plural
    form may leave out ``{n}`` (Arabic says "one point" and "two points" in words)."""
    if isinstance(message, str):
        want, forms = placeholders(message), [translation]
        optional = set()
    else:
        want, forms = placeholders(message[1]) | placeholders(message[0]), list(translation)
        optional = {"n"}
    for form in forms:
        have = placeholders(form)
        if have - want or want - optional - have:
            return f"{_first(message)!r}: {{{', '.join(sorted(have))}}} ≠ {{{', '.join(sorted(want))}}}"
    return ""


def check(root: pathlib.Path = ROOT) -> list[Report]:
    """Per required language and domain: totals, and what is missing, fuzzy or wrong."""
    reports = []
    for domain, template in templates(root).items():
        for lang in REQUIRED[domain]:
            catalog = read(lang, domain, root)
            report = Report(lang, domain, total=len(template))
            expected = get_plural(lang).plural_forms
            if catalog.plural_forms != expected:
                report.plural_forms = f"{catalog.plural_forms} (CLDR: {expected})"
            for source in template:
                if not source.id:
                    continue
                entry = catalog.get(source.id, source.context)
                label = _first(source.id)[:60]
                if entry is None:
                    report.missing.append(label)
                elif entry.fuzzy:
                    report.fuzzy.append(label)
                elif not (entry.string if isinstance(entry.string, str) else all(entry.string)):
                    report.untranslated.append(label)
                else:
                    report.translated += 1
                    problem = placeholder_problem(source.id, entry.string)
                    if problem:
                        report.placeholders.append(problem)
            reports.append(report)
    return reports


def summary(reports: list[Report]) -> str:
    """The check's table, then every problem by language, for a person at a terminal."""
    lines = [(f"{'language':<10}{'domain':<13}{'total':>7}{'translated':>12}"
              f"{'fuzzy':>7}{'missing':>9}  status")]
    for r in reports:
        lines.append(f"{r.lang:<10}{r.domain:<13}{r.total:>7}{r.translated:>12}{len(r.fuzzy):>7}"
                     f"{len(r.missing) + len(r.untranslated):>9}"
                     f"  {'complete' if r.complete else 'INCOMPLETE'}")
    for r in reports:
        for kind, items in (("missing", r.missing), ("untranslated", r.untranslated), ("fuzzy", r.fuzzy),
                            ("wrong placeholders", r.placeholders)):
            lines += [f"{r.lang}/{r.domain}: {kind}: {item}" for item in items]
        if r.plural_forms:
            lines.append(f"{r.lang}/{r.domain}: Plural-Forms header {r.plural_forms}")
    return "\n".join(lines)
