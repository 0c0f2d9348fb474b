"""The end of a process on the task force's page: archive it when the work is done, or take it
out of the archive. Archiving is a mark; nothing changes or goes. Deleting for good is not a
button here: the operator does it (``python -m werkstatt process delete``), after a backup."""

from __future__ import annotations

import streamlit as st

from werkstatt.i18n import format_day, t
from werkstatt.taskforce import Process
from werkstatt.ui.context import act, get_app


def archive_panel(process: Process, language: str) -> None:
    app = get_app()
    archived_at = app.process_archived_at(process.id)
    st.subheader(t("Archiv", language), anchor=False)
    if archived_at is None:
        st.caption(t("Ist die Arbeit dieses Prozesses abgeschlossen, archivieren Sie ihn. Dabei ändert "
                     "sich nichts, und nichts wird gelöscht. Endgültig löschen kann ihn nur, wer diese "
                     "Werkstatt betreibt.", language))
        st.button(t("Prozess archivieren", language), icon=":material/inventory_2:", key="archive_process",
                  on_click=act, args=(app.archive_process, process.id))
        return
    st.info(t("Dieser Prozess ist seit dem {date} archiviert.", language,
              date=format_day(archived_at.astimezone().date(), language)), icon=":material/inventory_2:")
    st.button(t("Aus dem Archiv holen", language), icon=":material/unarchive:", key="unarchive_process",
              on_click=act, args=(app.unarchive_process, process.id))
