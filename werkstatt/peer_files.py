"""Reading another city's exchange file: is it one, of a version we read, whole and consistent?

The exchange file (``schemas/exchange-v1.schema.json``) carries no checksum, so a changed file
is recognised by what no export can write: it fails the schema, or its numbers contradict each
other (a distribution that does not add up to its ``n``, a median, mean or consensus that is not
the one of its distribution, a sector cell with more answers than its field). Every check runs
before anything is stored; a refusal names the file and says what is wrong in German.

Pure apart from reading the schema file: the service (``werkstatt.peers``) stores what passes.
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import lru_cache
from pathlib import Path

import jsonschema

from werkstatt import exchange
from werkstatt.aggregate import consensus
from werkstatt.errors import WerkstattError
from werkstatt.i18n import N_, t
from werkstatt.peer_compare import mean_of, median_of

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "exchange-v1.schema.json"
MAX_BYTES = 5_000_000  # a city's file is some 10–100 KB; anything this big is no exchange file
TOLERANCE = 0.001  # the file rounds mean and consensus to 4 decimals


class PeerFileRefused(WerkstattError):
    """An exchange file that was not read; nothing of it was stored. ``problem`` is a marked text
    saying what is wrong, formatted with the other params."""

    key = N_("„{file}“ wurde nicht eingelesen, es wurde nichts gespeichert. {problem}")

    def message(self, lang: str) -> str:
        params = dict(self.params)
        file, problem = params.pop("file"), params.pop("problem")
        return t(self.key, lang, file=file, problem=t(problem, lang, **params))


def content_hash(document: dict) -> str:
    """The same content gives the same hash, however the file was indented or re-saved."""
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def read_exchange(name: str, data: bytes) -> dict:
    """The checked document of an exchange file, or ``PeerFileRefused`` naming ``name``."""
    def refuse(problem: str, **params: object) -> PeerFileRefused:
        return PeerFileRefused(file=name, problem=problem, **params)

    if len(data) > MAX_BYTES:
        raise refuse(N_("Sie ist mit {size} MB zu groß für eine Austauschdatei."),
                     size=round(len(data) / 1_000_000, 1))
    document = _parse(data)
    if document is None:
        raise refuse(N_("Sie ist keine vollständige JSON-Datei – vielleicht wurde sie beim Kopieren "
                        "abgeschnitten. Bitte die Datei noch einmal anfordern."))
    found = document.get("format") if isinstance(document, dict) else None
    if found == "werkstatt-transfer":
        raise refuse(N_("Sie ist eine vollständige Übertragungsdatei mit Anmeldedaten, keine "
                        "Austauschdatei. Bitte die anonymisierte Austauschdatei verwenden "
                        "(„Anonymisiert (JSON)“ im Reiter „Dokumentation“)."))
    if found != exchange.FORMAT:
        raise refuse(N_("Sie ist keine Werkstatt-Austauschdatei (Format „{found}“ statt "
                        "„werkstatt-exchange“)."), found=str(found)[:40] if found is not None else "–")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise refuse(N_("Die Format-Version „{version}“ ist ungültig; die Datei ist beschädigt."),
                     version=str(version)[:20])
    if version > exchange.VERSION:
        raise refuse(N_("Sie hat die Format-Version {version}; diese Werkstatt liest Austauschdateien "
                        "bis Version {supported}. Bitte Werkstatt aktualisieren."),
                     version=version, supported=exchange.VERSION)
    error = jsonschema.exceptions.best_match(_validator().iter_errors(document))
    if error is not None:
        problem, where = _schema_problem(error)
        raise refuse(problem, where=where)
    problem = _inconsistency(document)
    if problem is not None:
        raise refuse(N_("Ihre Zahlen passen nicht zusammen ({where}): Die Datei wurde verändert oder "
                        "ist beschädigt. Bitte die unveränderte Datei anfordern."), where=problem)
    return document


def _parse(data: bytes) -> object | None:
    def no_constant(name: str) -> None:  # NaN and Infinity are not JSON
        raise ValueError(name)

    try:
        return json.loads(bytes(data).decode("utf-8-sig"), parse_constant=no_constant)
    except (TypeError, ValueError, RecursionError):
        return None


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def _place(error: jsonschema.ValidationError) -> str:
    """Where in the file, as a person can look it up: ``results[2].distribution[0].count``."""
    place = ""
    for part in error.absolute_path:
        place += f"[{part}]" if isinstance(part, int) else f".{part}" if place else str(part)
    return place or "–"


def _schema_problem(error: jsonschema.ValidationError) -> tuple[str, str]:
    """(what is wrong, where): a missing key is named with its place (``results[0].median``)."""
    where = _place(error)
    if error.validator == "required":
        missing = [key for key in error.validator_value if key not in error.instance]
        if missing:
            where = f"{where}.{missing[0]}" if where != "–" else missing[0]
        return N_("Es fehlt der Eintrag „{where}“: Die Datei entspricht nicht dem Format der "
                  "Austauschdatei."), where
    if error.validator == "additionalProperties":
        return N_("An der Stelle „{where}“ steht ein Eintrag, der nicht zum Format der "
                  "Austauschdatei gehört."), where
    return N_("An der Stelle „{where}“ steht ein Wert, den das Format der Austauschdatei nicht "
              "erlaubt."), where


def _inconsistency(document: dict) -> str | None:
    """The first place where the numbers contradict each other, or None."""
    levels = [level["value"] for level in document["fieldset"]["scale"]["levels"]]
    fields = [field["id"] for field in document["fieldset"]["fields"]]
    if len(set(levels)) != len(levels) or levels != sorted(levels):
        return "fieldset.scale.levels"
    if len(set(fields)) != len(fields):
        return "fieldset.fields"
    results = {}
    for index, result in enumerate(document["results"]):
        where = f"results[{index}]"
        if result["field_id"] not in fields or result["field_id"] in results:
            return f"{where}.field_id"
        results[result["field_id"]] = result
        if [d["level"] for d in result["distribution"]] != levels:
            return f"{where}.distribution"
        counts = {d["level"]: d["count"] for d in result["distribution"]}
        if sum(counts.values()) != result["n"]:
            return f"{where}.n"
        expected = {"median": median_of(counts), "mean": mean_of(counts),
                    "consensus": consensus(counts, levels[0], levels[-1])}
        for key, value in expected.items():
            if not _same(result[key], value):
                return f"{where}.{key}"
    if set(results) != set(fields):
        return "results"
    sectors = {sector["id"] for sector in document["fieldset"]["sectors"]}
    for index, cell in enumerate(document["sector_results"]["cells"]):
        where = f"sector_results.cells[{index}]"
        if cell["field_id"] not in results or cell["sector"] not in sectors:
            return where
        if cell["n"] is not None and (cell["n"] > results[cell["field_id"]]["n"]
                                      or not levels[0] <= cell["median"] <= levels[-1]):
            return where
    return None


def _same(stored: float | None, computed: float) -> bool:
    if math.isnan(computed):
        return stored is None
    return stored is not None and abs(stored - computed) <= TOLERANCE
