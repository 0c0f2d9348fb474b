"""Reading the participant pages the way a person sees them, with the standard library only.

``parse`` turns the HTML into a small tree (``html.parser``); the helpers below are named for
what is on the screen (the message of a refused form, the level that is checked, the texts of
one's own cards) so a test reads as a claim about the screen, not about markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str]
    parent: "Node | None" = None
    children: list["Node | str"] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text inside, as written (entities decoded), whitespace folded."""
        return " ".join(self.raw_text.split())

    @property
    def raw_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.raw_text for c in self.children)

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool) -> list["Node"]:
        """Descendants by tag, class and attributes (``True``: the attribute is present)."""
        found = []
        for node in self.iter():
            if tag is not None and node.tag != tag:
                continue
            if cls is not None and cls not in node.classes():
                continue
            if all((name.replace("_", "-") in node.attrs) if want is True
                   else node.attrs.get(name.replace("_", "-")) == want for name, want in attrs.items()):
                found.append(node)
        return found

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool) -> "Node | None":
        nodes = self.find_all(tag, cls, **attrs)
        return nodes[0] if nodes else None

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


def _attrs(pairs) -> dict[str, str]:
    return {k: (v if v is not None else "") for k, v in pairs}


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, _attrs(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, _attrs(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


@lru_cache(maxsize=64)
def parse(page: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder.root


def _html(page) -> str:
    return page if isinstance(page, str) else page.text


def tree(page) -> Node:
    return parse(_html(page))


# --- the whole page -------------------------------------------------------------------------


def html_lang(page) -> str:
    return tree(page).find("html").get("lang")


def html_dir(page) -> str:
    return tree(page).find("html").get("dir")


def visible_text(page) -> str:
    """Everything a person can read: the text outside <script>/<style>, and the attributes
    a screen shows or reads out (placeholders, labels, the texts the script puts on screen)."""
    root = tree(page)
    parts = []

    def walk(node: Node):
        if node.tag in ("script", "style"):
            return
        for name in ("placeholder", "aria-label", "title", "alt", "value"):
            if node.attrs.get(name):
                parts.append(node.attrs[name])
        parts.extend(v for k, v in node.attrs.items() if k.startswith("data-") and " " in (v or ""))
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            else:
                walk(child)

    walk(root)
    return " ".join(" ".join(parts).split())


def heading(page) -> str:
    return tree(page).find("h1").text


def main_area(page) -> Node:
    return tree(page).find("main")


def data_version(page) -> int:
    """The version of what the device shows, as the page tells its script (``<main data-version>``)."""
    return int(main_area(page).get("data-version"))


def step_shown(page) -> str:
    return main_area(page).get("data-step")


def inline_scripts(page) -> list[str]:
    """Scripts written into the page (a ``<script>`` with code, or without ``src``)."""
    return [s.raw_text for s in tree(page).find_all("script") if s.raw_text.strip() or not s.get("src")]


def style_attributes(page) -> list[str]:
    return [f"<{n.tag} style={n.get('style')!r}>" for n in tree(page).iter() if "style" in n.attrs]


def inline_style_blocks(page) -> list[str]:
    return [s.raw_text for s in tree(page).find_all("style")]


# --- messages -------------------------------------------------------------------------------


def error_text(page) -> str:
    """Every message that says something went wrong (``role="alert"``), joined."""
    return " | ".join(n.text for n in tree(page).find_all(role="alert"))


def success_text(page) -> str:
    """What the screen says was stored ("✓ Gespeichert: …", "Ihre Karte ist gespeichert")."""
    return " | ".join(n.text for n in tree(page).find_all(role="status") if n.get("id") != "ws-connection")


def info_text(page) -> str:
    """The notices in the main area (waiting, locked, the timer's note)."""
    return " | ".join(n.text for n in main_area(page).find_all(cls="ws-alert"))


# --- the code and join forms ----------------------------------------------------------------


def code_box(page) -> str | None:
    """What the code box holds, None if the page has no code box."""
    box = tree(page).find("input", id="code")
    return None if box is None else box.get("value", "")


def join_form(page) -> Node | None:
    return tree(page).find("form", action="/teilnehmen/beitreten")


def join_key(page) -> str:
    return join_form(page).find("input", name="join_key").get("value")


def continue_link(page) -> Node | None:
    """The "Weiter zu meinen Antworten" button of a device that already joined."""
    return tree(page).find("a", cls="ws-link-button")


def sector_choices(page) -> list[str]:
    return [n.get("value") for n in tree(page).find_all("input", name="sector")]


# --- forms as a browser sends them -----------------------------------------------------------


def form_values(form: Node) -> dict[str, str]:
    """What submitting ``form`` unchanged would send: hidden and text inputs, the checked
    radios, the selected option (or the first), the textareas' text."""
    values: dict[str, str] = {}
    for node in form.iter():
        name = node.get("name")
        if not name:
            continue
        if node.tag == "input":
            kind = node.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in node.attrs:
                    values[name] = node.get("value", "on")
            else:
                values[name] = node.get("value", "")
        elif node.tag == "textarea":
            values[name] = node.raw_text.removeprefix("\n")
        elif node.tag == "select":
            options = node.find_all("option")
            chosen = [o for o in options if "selected" in o.attrs] or options[:1]
            if chosen:
                values[name] = chosen[0].get("value", chosen[0].text)
    return values


def form_by_action(page, action: str) -> Node | None:
    """The form that posts to ``action`` (its path, any ``?lang=`` ignored)."""
    for form in tree(page).find_all("form"):
        if (form.get("action") or "").split("?")[0] == action:
            return form
    return None


# --- rating ---------------------------------------------------------------------------------


def rating_form(page, field_id: str) -> Node:
    return tree(page).find("form", data_field=field_id)


def checked_level(page, field_id: str) -> str | None:
    """The level whose radio is checked in a field's rating form (``"3"``, ``"dont_know"``)."""
    checked = [n for n in rating_form(page, field_id).find_all("input", name="level") if "checked" in n.attrs]
    assert len(checked) <= 1, checked
    return checked[0].get("value") if checked else None


def rating_message(page, field_id: str) -> str:
    """The message under a field's rating form: the refusal or "Gespeichert: …"."""
    form = rating_form(page, field_id)
    return " | ".join(n.text for n in form.find_all("p") if n.classes() & {"ws-error", "ws-saved"})


def level_labels(page, field_id: str) -> dict[str, str]:
    form = rating_form(page, field_id)
    return {n.get("value"): form.find("label", **{"for": n.get("id")}).text
            for n in form.find_all("input", name="level")}


def rating_open(page, field_id: str) -> bool:
    return "disabled" not in rating_form(page, field_id).find("fieldset").attrs


# --- cards ----------------------------------------------------------------------------------


def card_form(page) -> Node | None:
    return tree(page).find("form", id="card-form")


def typed_card_text(page) -> str:
    """What the new card's box holds."""
    return tree(page).find("textarea", id="card-text").raw_text.removeprefix("\n")


def card_field_choices(page) -> list[str]:
    """The fields a new card may be written for (a one-field group gets a hidden field)."""
    form = card_form(page)
    select = form.find("select", name="field")
    if select is not None:
        return [o.get("value") for o in select.find_all("option")]
    return [form.find("input", name="field").get("value")]


def group_choices(page) -> dict[str, str]:
    """Group id → the name the group choice shows (the first group form on the page)."""
    form = tree(page).find("form", data_key="group")
    if form is None:
        return {}
    return {n.get("value"): form.find("label", **{"for": n.get("id")}).text
            for n in form.find_all("input", name="group")}


def my_group(page) -> str:
    """The line "Ihre Gruppe: <name>"."""
    region = tree(page).find(data_region="group")
    strong = region.find("strong") if region else None
    return strong.text if strong else ""


def my_group_line(page) -> str:
    """The whole line that names one's group ("Ihre Gruppe: Rathaus")."""
    region = tree(page).find(data_region="group")
    for p in region.find_all("p") if region else []:
        if p.find("strong") is not None:
            return p.text
    return ""


def my_cards(page) -> list[Node]:
    section = tree(page).find("section", id="my-cards")
    return [] if section is None else section.find_all("article", cls="ws-card")


def my_card_texts(page) -> list[str]:
    """The texts of one's own cards as shown, newest first, exactly as stored."""
    return [a.find("p", cls="ws-card-text").raw_text for a in my_cards(page)]


def markup_in_card_texts(page) -> list[str]:
    """Elements inside any card's text on the screen: a card shown as markup, not as typed."""
    return [n.tag for p in main_area(page).find_all("p", cls="ws-card-text") for n in p.iter()]


def my_card(page, card_id: int) -> Node | None:
    return tree(page).find("article", id=f"card-{card_id}")


def edit_box(page, card_id: int) -> str | None:
    """What the "Ändern" box of a card holds, None if the card offers no edit."""
    box = tree(page).find("textarea", id=f"edit-{card_id}")
    return None if box is None else box.raw_text.removeprefix("\n")


def card_message(page, card_id: int) -> str:
    article = my_card(page, card_id)
    return "" if article is None else " | ".join(n.text for n in article.find_all(role="alert"))


def has_edit_form(page, token: str, card_id: int) -> bool:
    return form_by_action(page, f"/p/{token}/cards/{card_id}") is not None


def has_delete_form(page, token: str, card_id: int) -> bool:
    return form_by_action(page, f"/p/{token}/cards/{card_id}/delete") is not None


# --- voting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BallotCard:
    id: int
    kind: str
    text: str


def ballot(page) -> list[BallotCard]:
    """The cards on the ballot, in the order shown."""
    cards = []
    for article in main_area(page).find_all("article", cls="ws-card"):
        form = article.find("form", data_card=True)
        if form is None:
            continue
        cards.append(BallotCard(int(form.get("data-card")), article.find("p", cls="ws-card-kind").text,
                                article.find("p", cls="ws-card-text").raw_text))
    return cards


def ballot_title(page) -> str:
    node = tree(page).find(data_region="ballot-title")
    return node.text if node else ""


def ballot_links(page) -> list[str]:
    """The fields one can switch the ballot to (``?field=``)."""
    return [a.get("data-field") for a in tree(page).find_all("a", data_field=True)]


def dot_form(page, card_id: int) -> Node | None:
    return tree(page).find("form", data_card=str(card_id))


def checked_dots(page, card_id: int) -> int | None:
    checked = [n for n in dot_form(page, card_id).find_all("input", name="dots") if "checked" in n.attrs]
    assert len(checked) <= 1, checked
    return int(checked[0].get("value")) if checked else None


def dots_seen(page, card_id: int) -> str:
    """The number the card's form reports back as what this screen showed."""
    return dot_form(page, card_id).find("input", name="seen").get("value")


def dot_message(page, card_id: int) -> str:
    form = dot_form(page, card_id)
    return "" if form is None else " | ".join(n.text for n in form.find_all(role="alert"))


def dots_left(page) -> str:
    return tree(page).find(id="dots-left").text


# --- timer and results ----------------------------------------------------------------------


def timer(page) -> Node | None:
    return tree(page).find(role="timer")


def timer_ms(page) -> int | None:
    """The milliseconds left that the page's script counts down from."""
    node = timer(page)
    return None if node is None else int(node.get("data-left-ms"))


def timer_shown(page) -> str:
    return timer(page).find(cls="ws-timer-time").text


@dataclass(frozen=True)
class ResultRow:
    title: str
    verdict: str
    median: str
    mine: str


def results(page) -> list[ResultRow]:
    rows = []
    for item in tree(page).find_all("li", cls="ws-result"):
        mine = item.find("p", cls="ws-mine")
        texts = [p.text for p in item.find_all("p", cls="kern-body") if "ws-mine" not in p.classes()]
        rows.append(ResultRow(item.find("h3").text, item.find("p", cls="ws-result-verdict").text,
                              texts[0] if texts else "", mine.text if mine else ""))
    return rows


def my_answers(page) -> dict[str, str]:
    """The "Meine Antworten" list: field title → level label."""
    dl = tree(page).find("dl", cls="ws-answers")
    if dl is None:
        return {}
    titles = [n.text for n in dl.find_all("dt")]
    labels = [n.text for n in dl.find_all("dd")]
    return dict(zip(titles, labels))


def unmark(text: str) -> str:
    """A catalogue text without the Unicode isolates an untranslated fallback is wrapped in."""
    return re.sub("[\u2066-\u2069]", "", text)
