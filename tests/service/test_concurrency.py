"""Many tablets at once: 50 threads rate concurrently, every rating stored exactly once."""

import threading

from tests.conftest import CHEAP_HASHER
from werkstatt.service import Werkstatt


def test_50_threads_rating_at_once_store_every_rating_exactly_once(db_path, app, rating_workshop):
    fieldset = app.fieldset(rating_workshop)
    tokens = [app.join(rating_workshop.join_code).token for _ in range(50)]
    # A second service object on the same file, as a second server process would be.
    other = Werkstatt(db_path, password_hasher=CHEAP_HASHER)
    errors: list[BaseException] = []
    start = threading.Barrier(50)

    def tablet(index: int, token: str) -> None:
        service = app if index % 2 else other
        start.wait()
        try:
            for round_ in range(2):  # a second submit must update, never duplicate
                for position, field in enumerate(fieldset.fields):
                    service.rate(token, field.id, fieldset.scale.values[(index + position + round_) % 4])
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=tablet, args=(i, t)) for i, t in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    ratings = app.store._rows(
        "SELECT participant_id, field_id, level FROM ratings ORDER BY participant_id, field_id"
    )
    assert len(ratings) == 50 * len(fieldset.fields)
    assert len({(r["participant_id"], r["field_id"]) for r in ratings}) == len(ratings)
    for index, token in enumerate(tokens):
        expected = {f.id: fieldset.scale.values[(index + pos + 1) % 4] for pos, f in enumerate(fieldset.fields)}
        assert app.my_ratings(token) == expected
    assert app.progress(rating_workshop.id).rated == {f.id: 50 for f in fieldset.fields}
