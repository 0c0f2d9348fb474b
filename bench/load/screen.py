"""What a participant's page shows, read from its HTML.

The participant client's pages are plain HTML forms (``werkstatt/web/__init__.py`` has
the URL contract), so a simulated device needs no browser: it reads the ``<main>``
element's ``data-step``/``data-version``/``data-open``, the forms (their action, their
``data-*`` attributes, hidden inputs, radios with the ``checked`` one, selects, text
areas), the cards listed as ``<article data-card>`` and the links that carry
``data-field``. ``Form.data()`` is what a browser would send for the form as it
stands; the device then overrides the values it "taps".

Parsing uses selectolax (the lexbor HTML5 parser, in C): a thousand devices fetching
20 KB pages at once must not make the generator the bottleneck. The standard
library's ``html.parser`` took 10 ms for the rating page; this takes well under one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

ALERTS = '[role="alert"], .error, .alert, .problem, .kern-alert--danger'


@dataclass
class Form:
    action: str
    method: str = "get"
    attrs: dict[str, str] = field(default_factory=dict)  # every attribute of <form>, data-* included
    hidden: dict[str, str] = field(default_factory=dict)
    radios: dict[str, list[str]] = field(default_factory=dict)  # name → values, in page order
    checked: dict[str, str] = field(default_factory=dict)  # radio or checkbox name → checked value
    selects: dict[str, list[str]] = field(default_factory=dict)  # name → option values
    selected: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # text inputs and text areas: name → value

    @property
    def id(self) -> str:
        return self.attrs.get("id", "")

    def data_attr(self, name: str) -> str:
        return self.attrs.get(f"data-{name}", "")

    def options(self, name: str) -> list[str]:
        """The values a radio group or a select offers."""
        return self.radios.get(name) or self.selects.get(name) or []

    def has(self, name: str) -> bool:
        return name in self.hidden or name in self.radios or name in self.selects or name in self.texts

    def data(self, **values: str) -> dict[str, str]:
        """What a browser sends for this form, with ``values`` filled in over it."""
        sent = {**self.hidden, **self.texts, **self.checked}
        for name, options in self.selects.items():
            sent[name] = self.selected.get(name, options[0] if options else "")
        sent.update({name: str(value) for name, value in values.items()})
        return sent


@dataclass
class Screen:
    """One fetched page."""

    url: str = ""
    status: int = 0
    step: str = ""  # <main data-step>; "" on a page without it (the join form)
    version: int | None = None  # <main data-version>
    open: bool = True  # <main data-open>
    forms: list[Form] = field(default_factory=list)
    cards: dict[int, str] = field(default_factory=dict)  # <article data-card> → its text
    field_links: dict[str, str] = field(default_factory=dict)  # data-field → href of links (the ballot's fields)
    alerts: list[str] = field(default_factory=list)  # text of role="alert" (and error) elements
    size: int = 0  # bytes of HTML

    def forms_to(self, suffix: str) -> list[Form]:
        """The forms whose action path ends in ``suffix`` (``"/rating"``, ``"/dots"``)."""
        return [form for form in self.forms if form.action.split("?", 1)[0].endswith(suffix)]

    def form(self, *, id: str = "", suffix: str = "", having: str = "") -> Form | None:
        for candidate in self.forms:
            if id and candidate.id != id:
                continue
            if suffix and not candidate.action.split("?", 1)[0].endswith(suffix):
                continue
            if having and not candidate.has(having):
                continue
            return candidate
        return None


def _attrs(node) -> dict[str, str]:
    return {name: "" if value is None else value for name, value in node.attributes.items()}


def _form(node) -> Form:
    attrs = _attrs(node)
    form = Form(action=attrs.get("action", ""), method=attrs.get("method", "get").lower(), attrs=attrs)
    for control in node.css("input, select, textarea"):
        a = control.attributes
        name = a.get("name")
        if not name or "disabled" in a:
            continue
        if control.tag == "select":
            options = control.css("option")
            values = [o.attributes.get("value") if o.attributes.get("value") is not None else o.text(strip=True)
                      for o in options]
            form.selects[name] = values
            chosen = [v for o, v in zip(options, values) if "selected" in o.attributes]
            if chosen:
                form.selected[name] = chosen[0]
        elif control.tag == "textarea":
            form.texts[name] = control.text(deep=True)
        else:
            kind = (a.get("type") or "text").lower()
            value = a.get("value")
            if kind == "hidden":
                form.hidden[name] = value or ""
            elif kind in ("radio", "checkbox"):
                value = "on" if value is None else value  # what a browser sends for a box without a value
                form.radios.setdefault(name, []).append(value)
                if "checked" in a:
                    form.checked[name] = value
            elif kind not in ("submit", "button", "image", "reset", "file"):
                form.texts[name] = value or ""
    return form


def read(html: str, url: str = "", status: int = 200) -> Screen:
    tree = LexborHTMLParser(html)
    screen = Screen(url=url, status=status, size=len(html.encode()))
    main = tree.css_first("main[data-step]")
    if main is not None:
        a = main.attributes
        screen.step = a.get("data-step") or ""
        try:
            screen.version = int(a.get("data-version") or "")
        except ValueError:
            screen.version = None
        screen.open = a.get("data-open") != "0"
    screen.forms = [_form(node) for node in tree.css("form")]
    for node in tree.css("article[data-card]"):
        try:
            screen.cards[int(node.attributes["data-card"])] = " ".join(node.text(deep=True).split())
        except (TypeError, ValueError):
            pass
    for node in tree.css("a[data-field]"):
        screen.field_links[node.attributes["data-field"] or ""] = node.attributes.get("href") or ""
    screen.alerts = [" ".join(node.text(deep=True).split()) for node in tree.css(ALERTS)]
    screen.alerts = [text for text in screen.alerts if text]
    return screen
