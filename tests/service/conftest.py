"""Fixtures the group-work tests share: the workshop in its card step and one participant in it."""

import pytest


@pytest.fixture
def cards_workshop(app, workshop):
    """The workshop with its live step at "cards" (group work)."""
    return app.set_live_step(workshop.id, "cards")


@pytest.fixture
def token(app, cards_workshop):
    """A participant who joined the card step with the general code."""
    return app.join(cards_workshop.join_code).token
