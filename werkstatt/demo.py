"""A realistic finished workshop for newcomers: about 35 people, some fields contested,
one small group per field with its cards, a merged duplicate, and dot votes; and a process
around two such workshops (spring and autumn) with a task force, its actions and the
administration's self-check.

Seeded with ``random.Random(seed)``, so the same seed gives the same workshop.
Each field has a typical rating; some sectors see some fields differently (the
administration rates its own opening higher than migrant organisations do),
which is what makes a real self-check workshop worth holding.
"""

from __future__ import annotations

import datetime as dt
import random

from werkstatt.service import Werkstatt, Workshop
from werkstatt.taskforce import Process

DEMO_PIN = "2468"
# typical level per field on the 1..4 scale of weltoffene-kommune
FIELD_TENDENCY = {
    "management": 2.1, "oeffnung": 2.4, "zugang": 1.8, "arbeit": 2.4,
    "engagement": 3.4, "zusammenhalt": 3.3, "kommunikation": 2.5,
}
# how a sector's view differs, per field
SECTOR_SHIFT = {
    ("verwaltung", "oeffnung"): +1.6, ("verwaltung", "management"): +0.8,
    ("verwaltung", "kommunikation"): +1.5, ("politik", "kommunikation"): +1.0,
    ("migrantenorganisationen", "oeffnung"): -1.4, ("migrantenorganisationen", "kommunikation"): -1.5,
    ("zivilgesellschaft", "kommunikation"): -0.8, ("zivilgesellschaft", "oeffnung"): -0.6,
    ("politik", "management"): +0.5, ("wirtschaft", "arbeit"): +0.6,
    ("zivilgesellschaft", "zugang"): -0.4,
}
# what the small groups write, per field: (kind, text)
DEMO_CARDS = {
    "management": [
        ("strength", "Integrationskonzept vom Rat beschlossen und mit Haushaltsmitteln hinterlegt"),
        ("gap", "Keine Stelle, die Vielfalt ämterübergreifend steuert"),
        ("gap", "Es fehlt eine ämterübergreifende Steuerung für Vielfalt"),
        ("idea", "Jährlicher Vielfaltsbericht an den Rat mit drei Kennzahlen"),
    ],
    "oeffnung": [
        ("strength", "Interkulturelle Schulungen für neue Mitarbeitende sind Pflicht"),
        ("gap", "Kaum Beschäftigte mit Einwanderungsgeschichte in Leitungsfunktionen"),
        ("idea", "Stellenanzeigen mehrsprachig und mit Hinweis auf Vielfalt"),
        ("gap", "Beschwerdestelle bei Diskriminierung ist kaum bekannt"),
    ],
    "zugang": [
        ("gap", "Ausländerbehörde: Termine erst nach 10 Wochen"),
        ("gap", "Bescheide nur auf Deutsch und in Amtssprache"),
        ("idea", "Digitale Terminvergabe in 6 Sprachen"),
        ("strength", "Sprachmittler-Pool im Bürgerbüro"),
    ],
    "arbeit": [
        ("strength", "Willkommenslotsen der IHK vermitteln in Ausbildung"),
        ("gap", "Anerkennung ausländischer Abschlüsse dauert zu lange"),
        ("idea", "Ausbildungsmesse gemeinsam mit Migrantenorganisationen"),
    ],
    "engagement": [
        ("strength", "Integrationsrat ist aktiv und gut besucht"),
        ("strength", "Viele Vereine mit gemischten Mitgliedern"),
        ("idea", "Ehrenamtspreis für interkulturelle Projekte"),
        ("gap", "Migrantenorganisationen bekommen kaum Räume"),
    ],
    "zusammenhalt": [
        ("strength", "Stadtteilfeste mit allen Nachbarschaften"),
        ("gap", "Rassistische Vorfälle werden nicht erfasst"),
        ("idea", "Meldestelle gegen Diskriminierung mit Beratung"),
    ],
    "kommunikation": [
        ("gap", "Website der Stadt nur auf Deutsch"),
        ("idea", "Leichte Sprache und Mehrsprachigkeit auf der Website"),
        ("strength", "Social-Media-Kanal der Stadt erreicht junge Menschen"),
        ("idea", "Newsletter des Integrationsrats in mehreren Sprachen"),
    ],
}
DUPLICATE = ("management", "Es fehlt eine ämterübergreifende Steuerung für Vielfalt")
DUPLICATE_OF = "Keine Stelle, die Vielfalt ämterübergreifend steuert"
# what the room cares about most, so the ranking has a clear top
FAVOURITES = {"Ausländerbehörde: Termine erst nach 10 Wochen", "Meldestelle gegen Diskriminierung mit Beratung",
              "Website der Stadt nur auf Deutsch"}
SECTOR_WEIGHTS = {
    "verwaltung": 9, "politik": 5, "zivilgesellschaft": 8, "migrantenorganisationen": 6,
    "wirtschaft": 3, "bildung": 3, "sonstige": 1,
}


def seed_demo(app: Werkstatt, participants: int = 35, seed: int = 42, date: dt.date | None = None,
              title: str = "Selbstcheck-Workshop Weltoffene Kommune",
              progress: dict[str, float] | None = None) -> Workshop:
    """Create the demo workshop, let everyone rate, and reveal the results.

    ``progress`` shifts a field's typical rating (a later workshop after some work was done).
    """
    rng = random.Random(seed)
    workshop = app.create_workshop(
        title=title, municipality="Musterstadt",
        facilitator_pin=DEMO_PIN, date=date or dt.date.today(), place="Rathaus, Großer Saal",
    )
    fieldset = app.fieldset(workshop)
    app.set_live_step(workshop.id, "rating")
    sectors = [s.id for s in fieldset.sectors]
    weights = [SECTOR_WEIGHTS.get(s, 1) for s in sectors]
    low, high = fieldset.scale.min, fieldset.scale.max
    tokens = []
    for _ in range(participants):
        sector = rng.choices(sectors + [None], weights=weights + [2])[0]
        token = app.join(workshop.join_code, sector=sector).token
        for field in fieldset.fields:
            if rng.random() < 0.08:
                app.rate(token, field.id, None)
                continue
            typical = (FIELD_TENDENCY.get(field.id, (low + high) / 2) + SECTOR_SHIFT.get((sector, field.id), 0)
                       + (progress or {}).get(field.id, 0))
            level = round(rng.gauss(typical, 0.7))
            app.rate(token, field.id, min(high, max(low, level)))
        tokens.append(token)
    _group_work(app, workshop, tokens, rng)
    return app.set_live_step(workshop.id, "results")


def _group_work(app: Werkstatt, workshop: Workshop, tokens: list[str], rng: random.Random) -> None:
    """One group per field writes its cards, the facilitator merges a duplicate, everyone votes."""
    groups = app.add_default_groups(workshop.id)
    app.set_live_step(workshop.id, "cards")
    members = {g.field_ids[0]: [] for g in groups}
    for index, token in enumerate(tokens):
        group = groups[index % len(groups)]
        app.choose_group(token, group.id)
        members[group.field_ids[0]].append(token)
    written = {}
    for field_id, cards in DEMO_CARDS.items():
        for index, (kind, text) in enumerate(cards):
            author = members[field_id][index % len(members[field_id])]
            written[(field_id, text)] = app.add_card(author, field_id, kind, text).id
    app.merge_cards(workshop.id, written[(DUPLICATE[0], DUPLICATE_OF)], [written[DUPLICATE]])
    votable = [c for c in app.board(workshop.id) if c.votable]
    weights = [3 if c.text in FAVOURITES else 1 for c in votable]
    app.set_live_step(workshop.id, "voting")
    for token in tokens:
        chosen: set[int] = set()
        while len(chosen) < 4:
            chosen.add(rng.choices(range(len(votable)), weights)[0])
        for index in chosen:
            app.vote(token, votable[index].id, 1)


DEMO_TASKFORCE_PASSWORD = "taskforce-2468"
# what changed between spring and autumn, per field (on the 1..4 scale)
AUTUMN_PROGRESS = {"zugang": +0.8, "kommunikation": +0.3, "management": +0.5, "zusammenhalt": -0.6}
# the administration sees its own opening and communication more kindly than the room does
SELF_CHECK = {"management": 2.8, "oeffnung": 3.5, "zugang": 2.2, "arbeit": 2.5,
              "engagement": 3.0, "zusammenhalt": 3.2, "kommunikation": 3.4}
MEMBERS = [  # invented people
    ("Sabine Keller", "Stadtverwaltung, Integrationsbüro", "verwaltung"),
    ("Murat Aydın", "Migrationsbeirat", "migrantenorganisationen"),
    ("Lena Hoffmann", "Jugendparlament", "politik"),
    ("Thomas Berger", "Caritasverband", "zivilgesellschaft"),
]
# (card text, action title, owner: member index or organisation, days due after spring, status changes)
ACTIONS = [
    ("Ausländerbehörde: Termine erst nach 10 Wochen", "Online-Terminvergabe der Ausländerbehörde einführen",
     0, 90, [("in_progress", "Angebot der IT liegt vor"), ("done", "Seit Oktober online")]),
    ("Website der Stadt nur auf Deutsch", "Website in Leichter Sprache und fünf Sprachen",
     2, 120, [("in_progress", "Übersetzungen beauftragt")]),
    ("Meldestelle gegen Diskriminierung mit Beratung", "Meldestelle gegen Diskriminierung einrichten",
     "Caritasverband", 240, []),
    ("Migrantenorganisationen bekommen kaum Räume", "Räume im Bürgerhaus für Vereine öffnen",
     1, 60, [("dropped", "Bürgerhaus wird saniert; neuer Anlauf 2027")]),
    ("Anerkennung ausländischer Abschlüsse dauert zu lange", "Lotsendienst für die Anerkennung mit der IHK",
     3, 150, []),
]


def seed_demo_process(app: Werkstatt, participants: int = 35) -> tuple[Workshop, Workshop, Process]:
    """Spring workshop (closed), autumn workshop (results shown), their process with a task force
    of four, five actions from the spring cards with their history, and the self-check."""
    today = dt.date.today()
    spring_date = today - dt.timedelta(days=180)
    spring = seed_demo(app, participants, seed=42, date=spring_date, title="Selbstcheck-Workshop Frühjahr")
    spring = app.set_live_step(spring.id, "closed")
    autumn = seed_demo(app, participants, seed=42, date=today, title="Folge-Workshop Herbst",
                       progress=AUTUMN_PROGRESS)
    process = app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", DEMO_TASKFORCE_PASSWORD,
                                 workshop_id=spring.id)
    app.add_workshop_to_process(autumn.id, process.code, DEMO_TASKFORCE_PASSWORD)
    app.set_self_check(spring.id, SELF_CHECK)
    app.set_self_check(autumn.id, SELF_CHECK)
    members = [app.add_member(process.id, *member) for member in MEMBERS]
    cards = {card.text: card for card in app.board(spring.id)}
    for text, title, owner, due_in, changes in ACTIONS:
        card = cards[text]
        owner_key = f"member:{members[owner].id}" if isinstance(owner, int) else f"org:{owner}"
        action = app.create_action(process.id, title, card.field_id, description=card.text, owner=owner_key,
                                   due_date=spring_date + dt.timedelta(days=due_in),
                                   priority="high" if card.dots >= 12 else "medium", card_id=card.id)
        for status, note in changes:
            action = app.update_action(process.id, action.id, action.version, note=note, status=status)
    return spring, autumn, process
