"""The JSON exchange's part of the message catalogue (merged into ``werkstatt.i18n.MESSAGES``):
why a transfer file is refused (``werkstatt.exchange.ImportRefused``, whose ``problem`` is
one of the ``import.problem.*`` keys), what a value should look like (``import.type.*``) and
what an import changed on the way in (``import.note.*``)."""

EXCHANGE_MESSAGES: dict[str, dict[str, str]] = {
    "error.import_refused": {
        "de": "Die Datei wurde nicht eingelesen, es wurde nichts gespeichert. {problem}",
        "en": "The file was not imported; nothing was saved. {problem}",
    },
    # --- what the file is -------------------------------------------------------------------
    "import.problem.not_json": {
        "de": "Sie ist keine vollständige JSON-Datei – vielleicht wurde sie beim Kopieren abgeschnitten. "
              "Bitte die Datei noch einmal exportieren oder vollständig übertragen.",
        "en": "It is not a complete JSON file; perhaps it was cut off while copying. "
              "Please export it again or copy the whole file.",
    },
    "import.problem.not_transfer": {
        "de": "Sie ist keine Werkstatt-Übertragungsdatei (Format „{found}“ statt „werkstatt-transfer“). "
              "Bitte die Datei wählen, die Werkstatt beim Übertragen eines Workshops oder Prozesses "
              "exportiert hat.",
        "en": "It is not a Werkstatt transfer file (format “{found}” instead of “werkstatt-transfer”). "
              "Please choose the file Werkstatt exported when transferring a workshop or process.",
    },
    "import.problem.exchange_file": {
        "de": "Sie ist eine anonymisierte Austauschdatei: Sie enthält nur Ergebnisse, keine vollständigen "
              "Daten, und kann deshalb nicht eingelesen werden. Bitte die Übertragungsdatei verwenden.",
        "en": "It is an anonymised exchange file: it holds results only, not the full data, "
              "so it cannot be imported. Please use the transfer file.",
    },
    "import.problem.bad_version": {
        "de": "Die Format-Version „{version}“ ist ungültig; die Datei ist beschädigt.",
        "en": "The format version “{version}” is not valid; the file is damaged.",
    },
    "import.problem.newer_version": {
        "de": "Diese Datei stammt aus einer neueren Werkstatt-Version (Format-Version {version}, diese "
              "Installation liest bis Version {supported}). Bitte Werkstatt aktualisieren.",
        "en": "This file comes from a newer version of Werkstatt (format version {version}; this "
              "installation reads up to version {supported}). Please update Werkstatt.",
    },
    "import.problem.checksum": {
        "de": "Die Datei wurde verändert oder ist beschädigt: Die Prüfsumme passt nicht zum Inhalt. "
              "Bitte die unveränderte Originaldatei verwenden oder neu exportieren.",
        "en": "The file has been changed or is damaged: the checksum does not match the content. "
              "Please use the unchanged original file or export it again.",
    },
    # --- its rows -----------------------------------------------------------------------------
    "import.problem.missing_key": {
        "de": "Es fehlt der Eintrag „{where}“.",
        "en": "The entry “{where}” is missing.",
    },
    "import.problem.unknown_key": {
        "de": "Der Eintrag „{where}“ gehört nicht in diese Format-Version.",
        "en": "The entry “{where}” does not belong in this format version.",
    },
    "import.problem.wrong_type": {
        "de": "„{where}“ hat nicht die erwartete Form: erwartet wird {expected}.",
        "en": "“{where}” does not have the expected form: expected {expected}.",
    },
    "import.problem.bad_choice": {
        "de": "„{where}“ hat den Wert „{value}“; erlaubt sind: {choices}.",
        "en": "“{where}” has the value “{value}”; allowed are: {choices}.",
    },
    "import.problem.bad_value": {
        "de": "„{where}“ hat einen ungültigen Wert.",
        "en": "“{where}” has a value that is not valid.",
    },
    "import.problem.duplicate": {
        "de": "„{where}“ kommt in der Datei doppelt vor.",
        "en": "“{where}” appears twice in the file.",
    },
    "import.problem.dangling_ref": {
        "de": "„{where}“ verweist auf Nummer {ref} in „{table}“, die die Datei nicht enthält.",
        "en": "“{where}” refers to number {ref} in “{table}”, which the file does not contain.",
    },
    "import.problem.other_workshop": {
        "de": "„{where}“ verweist auf einen Eintrag eines anderen Workshops.",
        "en": "“{where}” refers to an entry of another workshop.",
    },
    "import.problem.rows_without_process": {
        "de": "„{where}“ enthält Einträge, aber die Datei enthält keinen Prozess, zu dem sie gehören.",
        "en": "“{where}” has entries, but the file holds no process they could belong to.",
    },
    "import.problem.empty": {
        "de": "Die Datei enthält weder einen Workshop noch einen Prozess.",
        "en": "The file holds neither a workshop nor a process.",
    },
    # --- this installation --------------------------------------------------------------------
    "import.problem.unknown_fieldset": {
        "de": "Die Feldliste „{fieldset}“ gibt es in dieser Installation nicht. Bitte die Datei "
              "fieldsets/{fieldset}.yaml vom alten Rechner übernehmen und die Datei dann noch einmal "
              "einlesen.",
        "en": "This installation has no fieldset “{fieldset}”. Please copy the file "
              "fieldsets/{fieldset}.yaml from the old machine, then import the file again.",
    },
    "import.problem.already_imported": {
        "de": "Was diese Datei enthält, ist hier schon vorhanden (dieselben Teilnehmenden, derselbe Workshop "
              "oder Prozess) – die Datei wurde offenbar schon einmal eingelesen. Ein zweites Mal würde "
              "alles doppelt anlegen.",
        "en": "What this file holds already exists here (the same participants, the same workshop or "
              "process): the file seems to have been imported before. A second time would duplicate "
              "everything.",
    },
    # --- what a value should look like (``expected``) ---------------------------------------------
    "import.type.object": {"de": "ein Objekt", "en": "an object"},
    "import.type.array": {"de": "eine Liste […]", "en": "a list […]"},
    "import.type.text": {"de": "ein Text", "en": "a text"},
    "import.type.filled": {"de": "ein nicht leerer Text", "en": "a text that is not empty"},
    "import.type.int": {"de": "eine ganze Zahl", "en": "a whole number"},
    "import.type.int0": {"de": "eine ganze Zahl ab 0", "en": "a whole number from 0"},
    "import.type.int1": {"de": "eine ganze Zahl ab 1", "en": "a whole number from 1"},
    "import.type.number": {"de": "eine Zahl", "en": "a number"},
    "import.type.flag": {"de": "true oder false", "en": "true or false"},
    "import.type.list": {"de": "eine Liste nicht leerer Texte", "en": "a list of texts that are not empty"},
    "import.type.date": {"de": "ein Datum wie 2026-11-23", "en": "a date like 2026-11-23"},
    "import.type.time": {"de": "ein Zeitpunkt wie 2026-11-23T14:00:00+00:00",
                         "en": "a point in time like 2026-11-23T14:00:00+00:00"},
    "import.type.code": {"de": "ein Code aus Großbuchstaben und Ziffern",
                         "en": "a code of capital letters and digits"},
    "import.type.hash": {"de": "ein argon2-Hash ($argon2…)", "en": "an argon2 hash ($argon2…)"},
    "import.type.choice": {"de": "einer der erlaubten Werte", "en": "one of the allowed values"},
    "import.type.ref": {"de": "die Nummer (ref) eines Eintrags der Datei",
                        "en": "the number (ref) of an entry in the file"},
    # --- what the import changed ----------------------------------------------------------------
    "import.note.join_code": {
        "de": "Der Workshop „{title}“ hat den neuen Teilnahme-Code {new} bekommen, weil {old} hier schon "
              "von einem offenen Workshop benutzt wird. Alte QR-Codes und Links führen nicht mehr zu ihm.",
        "en": "The workshop “{title}” got the new join code {new}, because {old} is already used by an "
              "open workshop here. Old QR codes and links no longer lead to it.",
    },
    "import.note.process_code": {
        "de": "Der Prozess „{title}“ hat den neuen Prozess-Code {new} bekommen, weil {old} hier schon "
              "vergeben ist. Bitte der Taskforce den neuen Code mitteilen; das Passwort bleibt.",
        "en": "The process “{title}” got the new process code {new}, because {old} is already taken here. "
              "Please tell the task force the new code; the password stays the same.",
    },
}
