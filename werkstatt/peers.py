"""Learning from the other model municipalities: their exchange files in a task force's process.

A mixin of ``werkstatt.service.Werkstatt``. A task force reads in the anonymised exchange files
other cities sent (``werkstatt.peer_files`` checks each one); each file is stored whole or not at
all, and the same file read twice is recognised by its content. The comparison itself is
``werkstatt.peer_compare``: our own workshop goes through the same exchange export a peer's did,
so both sides are read alike. "Maßnahme übernehmen" copies a peer's action or card into our own
action list; the action's history keeps the city it came from.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cached_property

from werkstatt import exchange
from werkstatt.errors import InvalidInput, WerkstattError
from werkstatt.i18n import N_, format_day, t
from werkstatt.inputs import LINE_MAX_LENGTH
from werkstatt.peer_compare import City, unique_names
from werkstatt.peer_files import PeerFileRefused, content_hash, read_exchange
from werkstatt.taskforce import DESCRIPTION_MAX_LENGTH, NOTE_MAX_LENGTH


class PeerFileKnown(PeerFileRefused):
    """The same file (by content) is already read in for this process; nothing was stored twice."""

    key = N_("„{file}“ ist schon eingelesen (als „{known}“); sie wurde nicht noch einmal gespeichert.")

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


class UnknownPeer(WerkstattError):
    """No exchange file with this number in the process (removed meanwhile, or another process's)."""

    key = N_("Diese Austauschdatei gibt es in diesem Prozess nicht (mehr).")


@dataclass(frozen=True)
class Peer:
    """An exchange file a task force read in. ``name`` is the municipality as the file names it,
    told apart by the workshop's date where two files name the same one."""

    id: int
    name: str
    file_name: str
    municipality: str
    workshop_title: str
    workshop_date: str | None
    fieldset_id: str
    imported_at: str
    document_json: str

    @cached_property
    def city(self) -> City:
        return City(self.name, json.loads(self.document_json))


@dataclass(frozen=True)
class PeerImport:
    """What became of one file of a batch: read in (``peer``) or refused (``error``)."""

    file_name: str
    peer: Peer | None = None
    error: PeerFileRefused | None = None


class Peers:
    """The exchange files of other municipalities, mixed into ``Werkstatt``."""

    def import_peer_file(self, process_id: int, file_name: str, data: bytes) -> Peer:
        """Check and store one file, or raise ``PeerFileRefused`` (``PeerFileKnown`` for a file
        already read in) and store nothing."""
        self.process(process_id)  # UnknownProcess
        file_name = " ".join(str(file_name or "").split())[:LINE_MAX_LENGTH] or "–"
        document = read_exchange(file_name, data)
        record = {
            "process_id": process_id, "file_name": file_name, "content_hash": content_hash(document),
            "municipality": document["workshop"]["municipality"],
            "workshop_title": document["workshop"]["title"], "workshop_date": document["workshop"]["date"],
            "fieldset": document["fieldset"]["id"],
            "document": json.dumps(document, ensure_ascii=False, sort_keys=True),
            "imported_at": self._timestamp(),
        }
        with self.store.write() as db:
            known = self.store.peer_file_by_hash(db, process_id, record["content_hash"])
            if known is not None:
                raise PeerFileKnown(file=file_name, known=known["file_name"])
            peer_id = self.store.insert_peer_file(db, record)
        return next(peer for peer in self.peers(process_id) if peer.id == peer_id)

    def import_peer_files(self, process_id: int, files: list[tuple[str, bytes]]) -> list[PeerImport]:
        """Many files at once, each all or nothing: a refused file names itself in its outcome
        and the others are still read in."""
        outcomes = []
        for file_name, data in files:
            try:
                outcomes.append(PeerImport(file_name, peer=self.import_peer_file(process_id, file_name, data)))
            except PeerFileRefused as error:
                outcomes.append(PeerImport(file_name, error=error))
        return outcomes

    def peers(self, process_id: int) -> list[Peer]:
        rows = self.store.peer_files(process_id)
        names = unique_names([r["municipality"] for r in rows], [r["workshop_date"] for r in rows])
        return [Peer(r["id"], name, r["file_name"], r["municipality"], r["workshop_title"], r["workshop_date"],
                     r["fieldset"], r["imported_at"], r["document"]) for r, name in zip(rows, names)]

    def remove_peer(self, process_id: int, peer_id: int) -> None:
        with self.store.write() as db:
            if not self.store.delete_peer_file(db, process_id, peer_id):
                raise UnknownPeer()

    def own_city(self, process_id: int, workshop_id: int) -> City:
        """Our workshop as its exchange file would show it to the others."""
        workshop = self.workshop(workshop_id)
        if workshop.process_id != process_id:
            raise InvalidInput(problem=N_("Verglichen werden nur Workshops dieses Prozesses."))
        return City(workshop.municipality, exchange.anonymised_export(self, workshop_id))

    # --- what the others did -----------------------------------------------------------------

    def adopt_peer_action(self, process_id: int, peer_id: int, index: int):
        """A peer's action (its ``index`` in the file's list) as a new open action of ours, in the
        same field and with its title, description and priority; the history notes the source."""
        peer = self._peer(process_id, peer_id)
        actions = (peer.city.document["process"] or {}).get("actions", [])
        if not 0 <= index < len(actions):
            raise UnknownPeer()
        action = actions[index]
        return self.create_action(process_id, action["title"], action["field_id"],
                                  description=action["description"][:DESCRIPTION_MAX_LENGTH],
                                  priority=action["priority"], note=_source_note(peer))

    def adopt_peer_card(self, process_id: int, peer_id: int, index: int):
        """A peer's gap or idea card (its ``index`` in the file's list) as a new open action of
        ours: the first line is the title, the whole text the description where it is longer."""
        peer = self._peer(process_id, peer_id)
        cards = peer.city.document["cards"]
        if not 0 <= index < len(cards) or cards[index]["kind"] not in ("gap", "idea"):
            raise UnknownPeer()
        text = cards[index]["text"].strip()
        first = " ".join(text.splitlines()[0].split())
        title = first if len(first) <= LINE_MAX_LENGTH else first[:LINE_MAX_LENGTH - 1] + "…"
        return self.create_action(process_id, title, cards[index]["field_id"],
                                  description=text if text != title else "", note=_source_note(peer))

    def _peer(self, process_id: int, peer_id: int) -> Peer:
        for peer in self.peers(process_id):
            if peer.id == peer_id:
                return peer
        raise UnknownPeer()


def _source_note(peer: Peer) -> str:
    """The history's note on an adopted action: where it came from (kept in German, like every
    note a person types)."""
    day = format_day(dt.date.fromisoformat(peer.workshop_date), "de") if peer.workshop_date else ""
    workshop = f"„{peer.workshop_title}“" + (f" vom {day}" if day else "")
    note = f"Übernommen von {peer.municipality} (Austauschdatei „{peer.file_name}“, Workshop {workshop})"
    return note[:NOTE_MAX_LENGTH]
