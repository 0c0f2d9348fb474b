"""The storage part of the message catalogue (merged into ``werkstatt.i18n.MESSAGES``): what a
full disk or a read-only database file means for the person whose tap was refused, and what a
server that cannot open its database shows instead of a traceback.

A refused write reaches the facilitator's console and the participants' tablets with the same
text, so it speaks to both: nothing of this entry is stored, what was saved before is safe, who
fixes it, and that the entry is simply repeated afterwards.
"""

STORAGE_MESSAGES: dict[str, dict[str, str]] = {
    "error.storage_full": {
        "de": "Nicht gespeichert: Der Speicherplatz auf dem Server ist voll. Von Ihrer letzten Eingabe "
              "wurde nichts übernommen; alles, was vorher gespeichert war, bleibt sicher erhalten. "
              "Die Moderation (oder wer den Server betreut) muss Speicherplatz freigeben – danach die "
              "Eingabe einfach wiederholen.",
        "en": "Not saved: the server's disk is full. Nothing of your last entry was stored; everything "
              "saved before is safe. The facilitator (or whoever looks after the server) needs to free "
              "disk space – then simply repeat the entry.",
    },
    "error.storage_read_only": {
        "de": "Nicht gespeichert: Die Datenbankdatei auf dem Server ist schreibgeschützt. Von Ihrer "
              "letzten Eingabe wurde nichts übernommen; alles, was vorher gespeichert war, bleibt sicher "
              "erhalten. Die Moderation (oder wer den Server betreut) muss die Datei und ihren Ordner "
              "wieder beschreibbar machen – danach die Eingabe einfach wiederholen.",
        "en": "Not saved: the database file on the server is read-only. Nothing of your last entry was "
              "stored; everything saved before is safe. The facilitator (or whoever looks after the "
              "server) needs to make the file and its folder writable again – then simply repeat the "
              "entry.",
    },
    "storage.start.full": {
        "de": "Werkstatt kann nicht starten: Auf dem Datenträger der Datenbankdatei {path} ist kein "
              "Speicherplatz mehr frei. Es wurde nichts verändert. Bitte Speicherplatz freigeben und die "
              "Seite dann neu laden.",
        "en": "Werkstatt cannot start: the disk holding the database file {path} is full. Nothing was "
              "changed. Please free disk space, then reload the page.",
    },
    "storage.start.read_only": {
        "de": "Werkstatt kann nicht starten: Die Datenbankdatei {path} lässt sich nicht anlegen oder "
              "beschreiben (Datei oder Ordner schreibgeschützt). Es wurde nichts verändert. Bitte Datei "
              "und Ordner beschreibbar machen oder mit der Umgebungsvariable WERKSTATT_DB einen "
              "beschreibbaren Ort angeben, dann die Seite neu laden.",
        "en": "Werkstatt cannot start: the database file {path} cannot be created or written (the file "
              "or its folder is read-only). Nothing was changed. Please make the file and its folder "
              "writable, or set the environment variable WERKSTATT_DB to a writable place, then reload "
              "the page.",
    },
    "storage.start.unusable": {
        "de": "Werkstatt kann nicht starten: Die Datenbankdatei {path} lässt sich nicht öffnen ({reason}). "
              "Es wurde nichts verändert. Bitte prüfen, ob WERKSTATT_DB auf die richtige Datei zeigt "
              "(oder die Sicherung zurückspielen), dann die Seite neu laden.",
        "en": "Werkstatt cannot start: the database file {path} cannot be opened ({reason}). Nothing was "
              "changed. Please check that WERKSTATT_DB points to the right file (or restore the backup), "
              "then reload the page.",
    },
}
