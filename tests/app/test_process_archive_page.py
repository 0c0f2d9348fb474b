"""The task force archives its process on its page (tab "Dokumentation"), once no workshop of it
is open any more, and takes it out of the archive again."""

from tests.app.conftest import texts
from werkstatt import demo

TAB = "Dokumentation"


def _open(app, open_page, process):
    at = open_page("pages/taskforce.py", tf=app.taskforce_login(process.code, demo.DEMO_TASKFORCE_PASSWORD))
    at.session_state["taskforce_tab"] = TAB
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_task_force_archives_its_process_once_every_workshop_is_closed(app, open_page):
    _spring, autumn, process = demo.seed_demo_process(app, participants=8)
    at = _open(app, open_page, process)
    at.button(key="archive_process").click().run()
    assert f"In diesem Prozess ist noch offen: Workshop {autumn.id}" in texts(at)
    assert app.process_archived_at(process.id) is None

    app.set_live_step(autumn.id, "closed")
    at = _open(app, open_page, process)
    at.button(key="archive_process").click().run()
    assert app.process_archived_at(process.id) is not None
    assert "Dieser Prozess ist seit dem" in texts(at) and "archiviert" in texts(at)

    at.button(key="unarchive_process").click().run()
    assert app.process_archived_at(process.id) is None
    assert [b.key for b in at.button if b.key == "archive_process"] == ["archive_process"]
