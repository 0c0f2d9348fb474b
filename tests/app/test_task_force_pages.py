"""The task force in the real Streamlit runtime: sign-in on the start page, the guard of its
page, the review with "turn a card into an action", the action list with filters, edits and
the stale-edit refusal, the roster, the comparisons, and the console's process tab with the
self-check."""

import pandas as pd
import pytest

from tests.app.conftest import texts
from tests.conftest import PIN
from werkstatt import demo
from werkstatt.cards import VOTABLE_KINDS
from werkstatt.i18n import format_number
from werkstatt.ui.results import verdict_text

PASSWORD = "richtig-und-lang"
SIGN_IN = "FormSubmitter:taskforce_login_form-Anmelden"
CREATE_ACTION = "FormSubmitter:new_action-Maßnahme anlegen"
ADD_MEMBER = "FormSubmitter:new_member-Hinzufügen"
NEW_PROCESS = "FormSubmitter:new_process-Prozess anlegen"
JOIN_PROCESS = "FormSubmitter:join_process-Workshop hinzufügen"
SAVE_SELF_CHECK = "FormSubmitter:console_self_check-Selbstcheck speichern"
REFUSAL = "Für den Taskforce-Bereich bitte zuerst"
PROCESS_TAB = "Taskforce & Selbstcheck"


def _param(at, key):
    value = at.query_params[key]
    return value[0] if isinstance(value, list) else value


def _table(at, index: int = 0) -> pd.DataFrame:
    """A shown table as a DataFrame (the action list arrives as a pandas Styler)."""
    value = at.dataframe[index].value
    return value.data if hasattr(value, "data") and not isinstance(value, pd.DataFrame) else value


def _table_with(at, column: str) -> pd.DataFrame:
    tables = [_table(at, i) for i in range(len(at.dataframe))]
    found = [table for table in tables if column in table.columns]
    assert found, f"no table with the column {column!r}"
    return found[0]


def _run(at):
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def seeded(app):
    """Two workshops (spring closed, autumn with results), their process, four members, five
    actions with history, and the self-check of both workshops."""
    return demo.seed_demo_process(app, participants=12)


@pytest.fixture
def taskforce(app, open_page):
    """Open the task-force page of a process on a tab: ``taskforce(process, "Maßnahmen")``."""

    def run(process, tab: str | None = None):
        token = app.taskforce_login(process.code, demo.DEMO_TASKFORCE_PASSWORD)
        at = open_page("pages/taskforce.py", tf=token)
        if tab is not None:
            at.session_state["taskforce_tab"] = tab
            _run(at)
        return at

    return run


@pytest.fixture
def console(app, workshop, open_page):
    """The facilitator console of ``workshop`` on its "Taskforce & Selbstcheck" tab."""
    token = app.facilitator_login(workshop.join_code, PIN)
    at = open_page("pages/moderation.py", f=token)
    at.session_state["console_tab"] = PROCESS_TAB
    return _run(at)


def _by_title(app, process, title: str):
    return next(a for a in app.actions(process.id) if a.title == title)


def _open_action(at, action):
    """Pick the action in "Maßnahme öffnen" so its edit form shows."""
    at.selectbox(key="open_action").set_value(action.id)
    return _run(at)


def _edit(at, action, name: str):
    """A widget of the action's edit form, opened at the action's version."""
    key = f"edit_{action.id}_{action.version}_{name}"
    for kind in ("text_input", "selectbox", "text_area", "date_input"):
        found = [w for w in getattr(at, kind) if w.key == key]
        if found:
            return found[0]
    raise AssertionError(f"no widget {key!r} on the page")


def _save_edit(at, action):
    at.button(key=f"FormSubmitter:edit_action_{action.id}-Änderungen speichern").click()
    return _run(at)


# --- 1. sign-in on the start page ----------------------------------------------------


def _sign_in(open_page, code: str, password: str):
    at = open_page("pages/start.py")
    at.text_input(key="taskforce_code").input(code)
    at.text_input(key="taskforce_password").input(password)
    at.button(key=SIGN_IN).click()
    return _run(at)


def test_taskforce_sign_in_with_code_and_password_opens_the_taskforce_page(app, open_page):
    process = app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", PASSWORD)
    at = _sign_in(open_page, process.code, PASSWORD)
    assert app.taskforce_process(_param(at, "tf")).id == process.id
    assert at.title[0].value == "Weltoffene Kommune Musterstadt"
    assert [tab.label for tab in at.tabs] == ["Auswertung", "Maßnahmen", "Vergleich & Selbstcheck",
                                              "Andere Kommunen", "Mitglieder", "Dokumentation"]
    assert process.code in at.caption[0].value  # "Musterstadt · … · Prozess-Code <code>"


def test_a_wrong_taskforce_password_is_refused_with_the_attempts_left(app, open_page):
    process = app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", PASSWORD)
    at = _sign_in(open_page, process.code, "falsch-falsch")
    assert "Das Passwort stimmt nicht. Noch 4 Versuche" in texts(at)
    assert "tf" not in at.query_params
    assert at.text_input(key="taskforce_code").value == process.code  # the code stays in the box
    assert at.tabs[-1].label == "Taskforce" and at.title[0].value != "Weltoffene Kommune Musterstadt"


def test_an_unknown_process_code_is_refused(app, open_page):
    app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", PASSWORD)
    at = _sign_in(open_page, "ZZZZZZ", PASSWORD)
    assert "gibt es keinen Prozess" in texts(at)
    assert "tf" not in at.query_params


# --- 2. the guard of the task-force page -----------------------------------------------


@pytest.mark.parametrize("params", [{}, {"tf": "geraten"}, {"tf": "participant"}, {"tf": "facilitator"},
                                    {"f": "facilitator"}])
def test_the_taskforce_page_refuses_anything_but_a_taskforce_sign_in(app, workshop, open_page, params):
    app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", PASSWORD, workshop_id=workshop.id)
    tokens = {"participant": app.join(workshop.join_code).token,
              "facilitator": app.facilitator_login(workshop.join_code, PIN)}
    at = open_page("pages/taskforce.py", **{key: tokens.get(value, value) for key, value in params.items()})
    assert REFUSAL in texts(at)
    assert at.tabs == [] and at.get("form") == [] and at.dataframe == []
    assert "Weltoffene Kommune Musterstadt" not in texts(at)


# --- 3. review -------------------------------------------------------------------------


def test_review_shows_the_process_and_the_fields_verdict_median_and_self_check(app, seeded, taskforce):
    spring, autumn, process = seeded
    at = taskforce(process)
    assert at.title[0].value == process.title
    assert at.selectbox(key="review_workshop").value == autumn.id  # the latest workshop first
    assert at.selectbox(key="review_field").value == "management"
    row = app.summary(autumn.id).set_index("field_id").loc["management"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Einschätzung"] == verdict_text(row["verdict"], "de")
    assert metrics["Median"] == format_number(row["median"], "de")
    assert metrics["Selbstcheck"] == "2,8"  # demo.SELF_CHECK["management"]
    assert metrics["Antworten"] == str(int(row["n"]))


def test_review_follows_the_chosen_field(app, seeded, taskforce):
    spring, autumn, process = seeded
    at = taskforce(process)
    at.selectbox(key="review_field").set_value("kommunikation")
    _run(at)
    row = app.summary(autumn.id).set_index("field_id").loc["kommunikation"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Median"] == format_number(row["median"], "de")
    assert metrics["Selbstcheck"] == "3,4"
    assert "Kommunikation" in " ".join(s.value for s in at.subheader)


def test_a_gap_card_becomes_a_prefilled_action_linked_to_the_card(app, seeded, taskforce):
    spring, autumn, process = seeded
    at = taskforce(process)
    board = {card.id: card for card in app.board(autumn.id)}
    offered = [board[int(b.key.removeprefix("make_action_"))] for b in at.button
               if b.key and b.key.startswith("make_action_")]
    assert offered and all(card.kind in VOTABLE_KINDS for card in offered)  # no strength becomes an action
    gap = next(card for card in offered if card.kind == "gap")
    before = len(app.actions(process.id))

    at.button(key=f"make_action_{gap.id}").click()
    _run(at)
    assert at.session_state["taskforce_tab"] == "Maßnahmen"
    assert at.text_input(key="new_action_title").value == " ".join(gap.text.split())
    assert at.selectbox(key="new_action_field").value == gap.field_id
    assert "Aus dieser Karte (Handlungsbedarf):" in texts(at)

    at.button(key=CREATE_ACTION).click()
    _run(at)
    actions = app.actions(process.id)
    assert len(actions) == before + 1
    created = max(actions, key=lambda a: a.id)
    assert (created.title, created.field_id, created.card_ids, created.workshop_id) == (
        " ".join(gap.text.split()), gap.field_id, (gap.id,), autumn.id)
    assert f"Maßnahme „{created.title}“ angelegt." in texts(at)
    assert at.text_input(key="new_action_title").value == ""  # the form is emptied for the next one


# --- 4. actions ------------------------------------------------------------------------


def test_the_action_list_shows_every_action_and_warns_about_overdue_ones(app, seeded, taskforce):
    spring, autumn, process = seeded
    at = taskforce(process, "Maßnahmen")
    table = _table(at)
    actions = app.actions(process.id)
    overdue = [a for a in actions if a.overdue(app.today())]
    assert sorted(table["Maßnahme"]) == sorted(a.title for a in actions)
    assert len(overdue) == 2  # the demo's late website translation and recognition pilots
    assert f"{len(overdue)} Maßnahmen überfällig." in texts(at)
    late_rows = table[table["Status"].str.contains("überfällig")]
    assert sorted(late_rows["Maßnahme"]) == sorted(a.title for a in overdue)


def test_the_status_filter_shows_only_done_actions(app, seeded, taskforce):
    spring, autumn, process = seeded
    at = taskforce(process, "Maßnahmen")
    at.selectbox(key="filter_status").set_value("done")
    _run(at)
    table = _table(at)
    done = [a.title for a in app.actions(process.id) if a.status == "done"]
    assert list(table["Maßnahme"]) == done == ["Online-Terminvergabe der Ausländerbehörde einführen"]
    assert set(table["Status"]) == {"erledigt"}
    assert "überfällig" not in texts(at)  # a done action is never late


def test_the_overdue_filter_shows_only_late_open_actions(app, seeded, taskforce):
    spring, autumn, process = seeded
    at = taskforce(process, "Maßnahmen")
    at.checkbox(key="filter_overdue").check()
    _run(at)
    table = _table(at)
    assert sorted(table["Maßnahme"]) == sorted(a.title for a in app.actions(process.id) if a.overdue(app.today()))
    assert len(table) == 2
    assert all("⚠ überfällig" in status for status in table["Status"])


def test_filters_that_match_nothing_say_so(app, seeded, taskforce):
    spring, autumn, process = seeded
    at = taskforce(process, "Maßnahmen")
    at.selectbox(key="filter_status").set_value("done")
    at.checkbox(key="filter_overdue").check()
    _run(at)
    assert "Keine Maßnahme passt zu diesen Filtern." in texts(at)
    assert len(at.dataframe) == 1  # only the opened action's history is left


def test_changing_the_status_is_saved_with_a_history_entry(app, seeded, taskforce):
    spring, autumn, process = seeded
    action = _by_title(app, process, "Meldestelle gegen Diskriminierung einrichten")
    at = _open_action(taskforce(process, "Maßnahmen"), action)
    _edit(at, action, "status").set_value("in_progress")
    _edit(at, action, "note").set_value("Träger gefunden")
    at = _save_edit(at, action)
    assert "Gespeichert. Der Verlauf zeigt jede Änderung." in texts(at)
    stored = app.action(process.id, action.id)
    assert (stored.status, stored.version) == ("in_progress", action.version + 1)
    last = app.action_history(process.id, action.id)[-1]
    assert (last.attribute, last.old, last.new, last.note) == ("status", "open", "in_progress", "Träger gefunden")
    history = _table_with(at, "Was")
    assert (history.iloc[0]["Was"], history.iloc[0]["Vorher"], history.iloc[0]["Nachher"]) == (
        "Status", "offen", "in Arbeit")
    assert _edit(at, stored, "status").value == "in_progress"  # the form now shows the new version


def test_saving_an_unchanged_action_writes_nothing(app, seeded, taskforce):
    spring, autumn, process = seeded
    action = _by_title(app, process, "Meldestelle gegen Diskriminierung einrichten")
    at = _save_edit(_open_action(taskforce(process, "Maßnahmen"), action), action)
    assert "Nichts geändert, nichts gespeichert." in texts(at)
    assert app.action(process.id, action.id).version == action.version
    assert len(app.action_history(process.id, action.id)) == 1  # only "angelegt"


def test_a_stale_edit_is_refused_and_keeps_what_was_typed(app, seeded, taskforce):
    spring, autumn, process = seeded
    action = _by_title(app, process, "Meldestelle gegen Diskriminierung einrichten")
    at = _open_action(taskforce(process, "Maßnahmen"), action)
    # someone else saves the action while this form is open
    app.update_action(process.id, action.id, action.version, note="parallel", status="done")
    _edit(at, action, "title").set_value("Meldestelle mit Beratung einrichten")
    at = _save_edit(at, action)
    assert "Nicht gespeichert: Jemand hat diese Maßnahme inzwischen geändert." in texts(at)
    stored = app.action(process.id, action.id)
    assert (stored.title, stored.status) == ("Meldestelle gegen Diskriminierung einrichten", "done")
    assert [c.attribute for c in app.action_history(process.id, action.id)] == ["created", "status"]
    assert _edit(at, action, "title").value == "Meldestelle mit Beratung einrichten"
    assert "Gespeichert" not in texts(at)


def test_a_stale_edit_that_matches_the_other_persons_change_is_not_reported_as_saved(app, seeded, taskforce):
    """The module's rule: when someone else saved in between, nothing is written and the typed
    values (the note too) stay until the person loads the current state."""
    spring, autumn, process = seeded
    action = _by_title(app, process, "Meldestelle gegen Diskriminierung einrichten")
    at = _open_action(taskforce(process, "Maßnahmen"), action)
    app.update_action(process.id, action.id, action.version, status="done")
    _edit(at, action, "status").set_value("done")
    _edit(at, action, "note").set_value("Eröffnung im März")
    at = _save_edit(at, action)
    assert [c.note for c in app.action_history(process.id, action.id)] == ["", ""]  # the note was not stored
    assert "Gespeichert. Der Verlauf zeigt jede Änderung." not in texts(at)
    assert "inzwischen geändert" in texts(at)


def test_after_a_stale_edit_loading_the_current_state_shows_the_other_persons_version(app, seeded, taskforce):
    spring, autumn, process = seeded
    action = _by_title(app, process, "Meldestelle gegen Diskriminierung einrichten")
    at = _open_action(taskforce(process, "Maßnahmen"), action)
    current = app.update_action(process.id, action.id, action.version, status="done")
    _edit(at, action, "title").set_value("Meldestelle mit Beratung einrichten")
    at = _save_edit(at, action)
    assert "Jemand hat diese Maßnahme inzwischen geändert." in texts(at)
    next(b for b in at.button if b.label == "Aktuellen Stand laden").click()
    at = _run(at)
    assert _edit(at, current, "status").value == "done"
    assert _edit(at, current, "title").value == "Meldestelle gegen Diskriminierung einrichten"
    assert "Aktuellen Stand laden" not in [b.label for b in at.button]


# --- 5. roster -------------------------------------------------------------------------


def test_adding_a_member_lists_them_and_empties_the_form(app, seeded, taskforce):
    spring, autumn, process = seeded
    at = taskforce(process, "Mitglieder")
    at.text_input(key="member_name").input("Aylin Demir")
    at.text_input(key="member_organisation").input("Volkshochschule")
    at.button(key=ADD_MEMBER).click()
    _run(at)
    assert any((m.name, m.organisation) == ("Aylin Demir", "Volkshochschule") for m in app.members(process.id))
    assert "Aylin Demir" in texts(at) and "Volkshochschule" in texts(at)
    assert at.text_input(key="member_name").value == ""


def test_a_member_without_a_name_is_refused(app, seeded, taskforce):
    spring, autumn, process = seeded
    at = taskforce(process, "Mitglieder")
    at.text_input(key="member_organisation").input("Volkshochschule")
    at.button(key=ADD_MEMBER).click()
    _run(at)
    assert "Bitte einen Namen eingeben." in texts(at)
    assert len(app.members(process.id)) == len(demo.MEMBERS)


def test_removing_a_member_deletes_the_name_and_their_action_shows_the_organisation(app, seeded, taskforce):
    spring, autumn, process = seeded
    lena = next(m for m in app.members(process.id) if m.name == "Lena Hoffmann")
    owned = next(a for a in app.actions(process.id) if a.owner == f"member:{lena.id}")
    at = taskforce(process, "Mitglieder")
    assert "Lena Hoffmann" in texts(at)
    at.button(key=f"remove_member_{lena.id}").click()
    _run(at)
    assert "Lena Hoffmann" not in texts(at)
    assert f"remove_member_{lena.id}" not in [b.key for b in at.button]
    assert "1 ehemaliges Mitglied, ohne Namen." in texts(at)
    assert next(m for m in app.members(process.id) if m.id == lena.id).removed

    at.session_state["taskforce_tab"] = "Maßnahmen"
    _run(at)
    table = _table(at)
    owner = table.set_index("Maßnahme").loc[owned.title, "Verantwortlich"]
    assert owner == "Jugendparlament"
    assert "Lena Hoffmann" not in " ".join(table["Verantwortlich"])


def test_an_action_of_a_removed_member_can_still_be_edited(app, seeded, taskforce):
    spring, autumn, process = seeded
    lena = next(m for m in app.members(process.id) if m.name == "Lena Hoffmann")
    owned = next(a for a in app.actions(process.id) if a.owner == f"member:{lena.id}")
    app.remove_member(process.id, lena.id)
    at = _open_action(taskforce(process, "Maßnahmen"), owned)
    assert _edit(at, owned, "member").value == lena.id
    _edit(at, owned, "status").set_value("done")
    at = _save_edit(at, owned)
    assert "Gespeichert. Der Verlauf zeigt jede Änderung." in texts(at)
    stored = app.action(process.id, owned.id)
    assert (stored.status, stored.owner) == ("done", f"member:{lena.id}")


# --- 6. comparison and self-check ----------------------------------------------------------


def test_two_workshops_are_compared_field_by_field(app, seeded, taskforce):
    spring, autumn, process = seeded
    at = taskforce(process, "Vergleich & Selbstcheck")
    assert "Zwei Workshops im Vergleich" in [s.value for s in at.subheader]
    assert (at.selectbox(key="compare_before").value, at.selectbox(key="compare_after").value) == (
        spring.id, autumn.id)
    words = {"improved": "↑\u00a0verbessert", "fell_back": "↓\u00a0zurückgefallen",
             "unchanged": "→\u00a0unverändert", "too_few": "…\u00a0zu wenige Antworten"}
    expected = [words[trend] for trend in app.comparison(spring.id, autumn.id)["trend"]]
    table = _table_with(at, "Entwicklung")
    assert list(table["Entwicklung"]) == expected
    assert len(table) == 7


def test_the_perspective_table_names_fields_the_administration_rates_higher(app, seeded, taskforce):
    spring, autumn, process = seeded
    frame = app.perspective(autumn.id)
    higher = set(frame.loc[frame["difference"] >= 1, "field_id"])
    assert higher, "the demo's self-check should be a level above the room somewhere"
    at = taskforce(process, "Vergleich & Selbstcheck")
    table = _table_with(at, "Einordnung")
    fieldset = app.process_fieldset(process)
    titles = {fieldset.field(f).title.get("de"): f for f in fieldset.field_ids}
    marked = {titles[title] for title, view in zip(table["Handlungsfeld"], table["Einordnung"])
              if view == "▲\u00a0Verwaltung sieht es besser"}
    assert marked == higher


def test_the_self_check_entered_on_the_taskforce_page_goes_to_the_chosen_workshop(app, seeded, taskforce):
    spring, autumn, process = seeded
    at = taskforce(process, "Vergleich & Selbstcheck")
    at.selectbox(key="perspective_workshop").set_value(spring.id)
    _run(at)
    box = next(w for w in at.text_input if w.key and w.key.startswith("taskforce_score_oeffnung_"))
    assert box.value == "3,5"  # demo.SELF_CHECK["oeffnung"], as stored for spring
    box.input("1,5")
    at.button(key="FormSubmitter:taskforce_self_check-Selbstcheck speichern").click()
    at = _run(at)
    assert app.self_check(spring.id)["oeffnung"] == 1.5
    assert app.self_check(autumn.id)["oeffnung"] == 3.5
    assert "Selbstcheck gespeichert: 7 Felder mit Wert." in texts(at)


def test_one_workshop_is_not_enough_for_a_comparison(app, workshop, open_page):
    process = app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", PASSWORD, workshop_id=workshop.id)
    token = app.taskforce_login(process.code, PASSWORD)
    at = open_page("pages/taskforce.py", tf=token)
    at.session_state["taskforce_tab"] = "Vergleich & Selbstcheck"
    _run(at)
    assert "Für einen Vergleich braucht der Prozess mindestens zwei Workshops." in texts(at)
    assert "compare_before" not in [s.key for s in at.selectbox]


# --- 7. the console's "Taskforce & Selbstcheck" tab ----------------------------------------------


def _new_process(at, password: str, again: str):
    at.text_input(key="process_password").input(password)
    at.text_input(key="process_password_again").input(again)
    at.button(key=NEW_PROCESS).click()
    return _run(at)


def test_the_facilitator_creates_a_process_and_sees_its_code(app, workshop, console):
    at = _new_process(console, PASSWORD, PASSWORD)
    process_id = app.workshop(workshop.id).process_id
    assert process_id is not None
    process = app.process(process_id)
    assert process.title == "Weltoffene Kommune Musterstadt 2026"  # the suggested name
    assert {m.label: m.value for m in at.metric}["Prozess-Code"] == process.code
    assert app.taskforce_process(app.taskforce_login(process.code, PASSWORD)).id == process.id


def test_creating_a_process_refuses_two_different_passwords(app, workshop, console):
    at = _new_process(console, PASSWORD, PASSWORD + "x")
    assert "Die beiden Passwörter sind nicht gleich." in texts(at)
    assert app.workshop(workshop.id).process_id is None
    assert "Prozess-Code" not in [m.label for m in at.metric]


def test_creating_a_process_refuses_a_short_password(app, workshop, console):
    at = _new_process(console, "kurz", "kurz")
    assert "mindestens 8 Zeichen" in texts(at)
    assert app.workshop(workshop.id).process_id is None


def test_joining_a_process_with_a_wrong_password_is_refused(app, workshop, console):
    other = app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", PASSWORD)
    console.text_input(key="join_process_code").input(other.code)
    console.text_input(key="join_process_password").input("falsch-falsch")
    console.button(key=JOIN_PROCESS).click()
    at = _run(console)
    assert "Das Passwort stimmt nicht. Noch 4 Versuche" in texts(at)
    assert app.workshop(workshop.id).process_id is None


def test_joining_a_process_with_its_password_shows_its_code(app, workshop, console):
    other = app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", PASSWORD)
    console.text_input(key="join_process_code").input(other.code)
    console.text_input(key="join_process_password").input(PASSWORD)
    console.button(key=JOIN_PROCESS).click()
    at = _run(console)
    assert app.workshop(workshop.id).process_id == other.id
    assert {m.label: m.value for m in at.metric}["Prozess-Code"] == other.code


def _score_input(at, field_id: str):
    found = [w for w in at.text_input if w.key and w.key.startswith(f"console_score_{field_id}_")]
    assert len(found) == 1, [w.key for w in at.text_input]
    return found[0]


def test_the_self_check_entered_in_the_console_is_stored(app, workshop, console):
    _score_input(console, "management").input("2,5")
    _score_input(console, "zugang").input("3")
    console.button(key=SAVE_SELF_CHECK).click()
    at = _run(console)
    assert app.self_check(workshop.id) == {"management": 2.5, "zugang": 3.0}
    assert "Selbstcheck gespeichert: 2 Felder mit Wert." in texts(at)
    assert _score_input(at, "management").value == "2,5"  # the form shows what is stored
    assert _score_input(at, "oeffnung").value == ""


def test_a_self_check_score_that_is_no_number_is_refused(app, workshop, console):
    _score_input(console, "management").input("gut")
    console.button(key=SAVE_SELF_CHECK).click()
    at = _run(console)
    assert "steht keine Zahl" in texts(at)
    assert app.self_check(workshop.id) == {}
