"""The accessibility statement ("Erklärung zur Barrierefreiheit"), in the order of the EU model
statement that BITV 2.0 refers to: scope, status, what is met and what is not (and why), how it
was assessed, whom to tell about a barrier, and where to turn if that brings no answer.

A participant may arrive here from their tablet (``/barrierefreiheit?t=<token>``, from the
participants' own pages in ``werkstatt.web``): the back link carries their token and language,
so they land on their own answers again. The contact and the state's enforcement body come
from settings the operator fills in; until then the page says so instead of inventing an
address.
"""

import datetime as dt

import streamlit as st

from werkstatt.i18n import DEFAULT_LANGUAGE, N_, PARTICIPANT_LANGUAGES, format_day, normalize_language, t
from werkstatt.settings import CONTACT_ENV, ENFORCEMENT_ENV, accessibility_contact, accessibility_enforcement
from werkstatt.ui.context import LANG_KEY, lang, page_params
from werkstatt.ui.frame import frame
from werkstatt.ui.links import participant_link
from werkstatt.ui.text import literal_lines

PREPARED_ON = dt.date(2026, 11, 23)
REVIEWED_ON = dt.date(2026, 12, 7)  # the participants' pages became plain HTML (werkstatt.web)
MET = (
    N_("Die Seiten für Teilnehmende (Code eingeben, Teilnehmen, Bewerten, Karten schreiben, Punkte "
       "vergeben, Ergebnis) sind seit Dezember 2026 schlichte HTML-Seiten in den Gestaltungsregeln von "
       "KERN, dem UX-Standard der deutschen Verwaltung. Sie funktionieren auch ohne JavaScript. Jede "
       "nennt ihre Sprache und ihre Schreibrichtung (Arabisch von rechts nach links), hat genau eine "
       "Hauptüberschrift, Überschriften ohne übersprungene Ebene und einen Link „Zum Inhalt springen“ "
       "in der Sprache der Seite. Die englischen Texte und Zeichen des Baukastens Streamlit sind dort "
       "verschwunden: „Skip to main content“, „Press Enter to submit form“, das Menü ⋮ und "
       "die Symbole zum Aufklappen, die ein Screenreader als „keyboard_arrow_right“ vorlas."),
    N_("Alle Seiten lassen sich allein mit der Tastatur bedienen (Tab, Umschalt+Tab, Pfeiltasten, "
       "Leertaste, Eingabetaste), in einer sinnvollen Reihenfolge und mit sichtbarem Fokus."),
    N_("Jedes Bedienelement hat eine Beschriftung, die ein Screenreader vorliest. Die Bewertungsskala "
       "ist eine beschriftete Auswahl (Optionsfelder in einer Gruppe mit Überschrift), kein Diagramm. "
       "Eine Fehlermeldung steht bei dem Feld, das sie betrifft, und wird vorgelesen; was schon "
       "eingegeben war, bleibt stehen."),
    N_("Farbe trägt nie allein eine Bedeutung: Jede Einschätzung hat ein Wort und ein Zeichen (▲ "
       "Stärke, ▼ Handlungsbedarf, ◆ umstritten), jede Stufe in den gestapelten Balken ein eigenes "
       "Muster."),
    N_("Jedes Diagramm hat einen Textersatz und darunter dieselben Zahlen als Tabelle."),
    N_("Text hat einen Kontrast von mindestens 4,5 : 1."),
    N_("Die Seiten für Teilnehmende funktionieren bei 200 % Vergrößerung und auf 360 px breiten "
       "Telefonen ohne waagerechtes Scrollen."),
    N_("Auf den Seiten für Teilnehmende sind Links, Schaltflächen und Auswahllisten mindestens 44 × 44 "
       "Pixel groß. Bei den Optionsfeldern (Stufe, Bereich, Gruppe, Art der Karte) nehmen bisher nur "
       "der Kreis und seine Beschriftung einen Fingertipp an, zusammen 32 Pixel hoch, nicht die ganze "
       "umrahmte Zeile."),
    N_("Jede Seite nennt ihre Sprache, damit ein Screenreader sie richtig ausspricht; die Namen in der "
       "Sprachwahl sind jeweils in ihrer eigenen Sprache ausgezeichnet."),
)
GAPS = (
    N_("Die Seiten für Moderation, Beamer, Ergebnisse und Taskforce, die Startseite und diese "
       "Erklärung baut weiterhin der Baukasten Streamlit. Einige ihrer Bedienelemente lassen sich von "
       "der Anwendung nicht ändern; die automatische Prüfung meldet dort die im README genannten "
       "Regeln. Die Mängel sind bei Streamlit gemeldet."),
    N_("Auf diesen Streamlit-Seiten stehen weiterhin englische Wörter des Baukastens, ohne als "
       "Englisch ausgezeichnet zu sein: „Skip to main content“, „Press Enter to submit form“, "
       "„Choose an option“, „Browse files“, „Drag and drop file here“ und das Menü ⋮; ein "
       "Screenreader liest die Symbole zum Aufklappen als „keyboard_arrow_right“ vor. Auf den "
       "meisten dieser Seiten folgt auf die Hauptüberschrift gleich eine Überschrift der dritten "
       "Ebene."),
    N_("Große Tabellen auf den Seiten Ergebnisse, Moderation und Taskforce zeichnet Streamlit auf eine "
       "Zeichenfläche; ein Screenreader liest sie nur über eine verborgene Tabelle, die nicht alle "
       "Programme gleich gut unterstützen. Die Downloads (Excel, CSV) enthalten dieselben Zahlen."),
    N_("Die Beamer-Ansicht aktualisiert sich selbst, und die Kartenwand blättert alle 12 Sekunden "
       "weiter; sie hat bewusst keine Bedienelemente. Die Moderation kann ein Handlungsfeld "
       "festhalten, und alle Inhalte stehen auch auf den Seiten Moderation und Ergebnisse."),
    N_("Die Seiten für Moderation und Taskforce sind für Bildschirme ab Tablet-Größe gebaut; bei 360 "
       "px Breite müssen breite Tabellen waagerecht gescrollt werden."),
    N_("Der PDF-Bericht ist nicht als barrierefreies PDF (PDF/UA) geprüft; der HTML-Bericht und die "
       "Excel-Datei enthalten dieselben Inhalte."),
    N_("Diese Erklärung gibt es auf Deutsch und Englisch, noch nicht in den anderen Sprachen der "
       "Teilnahmeseiten."),
)


def _back_link(language: str) -> None:
    """Back to the tablet's own page when the participant came from there (with their token and
    their language, one of the six), else to the start."""
    token = st.query_params.get("t")
    if not token:
        st.page_link("pages/start.py", label=t("Zurück", language), icon=":material/arrow_back:",
                     query_params=page_params())
        return
    participant_language = normalize_language(st.query_params.get(LANG_KEY), PARTICIPANT_LANGUAGES)
    participant_link(t("Zurück", language), t=token,
                     lang="" if participant_language == DEFAULT_LANGUAGE else participant_language)


def _setting(value: str, missing: str, setting: str, language: str) -> None:
    if value:
        st.markdown(literal_lines(value))
    else:
        st.warning(t(missing, language, setting=f"`{setting}`"), icon=":material/edit_note:")


def _items(texts: tuple[str, ...], language: str) -> None:
    st.markdown("\n".join(f"- {t(text, language)}" for text in texts))


def statement_page() -> None:
    language = lang()
    _back_link(language)
    st.title(t("Erklärung zur Barrierefreiheit", language), anchor=False)
    st.markdown(t("Die Stelle, die diese Werkstatt betreibt (in der Regel eine Kommune), ist bemüht, "
                  "sie im Einklang mit den Rechtsvorschriften zur Umsetzung der Richtlinie (EU) "
                  "2016/2102 barrierefrei zugänglich zu machen: der "
                  "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) des Bundes und den "
                  "Gesetzen und Verordnungen der Länder, die sich auf sie beziehen. Diese Erklärung "
                  "gilt für die Anwendung „Werkstatt“ mit allen Seiten: Start, Teilnahme, Beamer, "
                  "Moderation, Ergebnisse und Taskforce.", language))
    st.header(t("Stand der Vereinbarkeit mit den Anforderungen", language), anchor=False)
    st.markdown(t("Diese Anwendung ist wegen der unten aufgeführten Unvereinbarkeiten **teilweise** "
                  "mit der BITV 2.0 vereinbar (Maßstab: EN 301 549, also WCAG 2.1 Stufe AA).", language))
    st.subheader(t("Was erfüllt ist", language), anchor=False)
    _items(MET, language)
    st.subheader(t("Nicht barrierefreie Inhalte", language), anchor=False)
    st.markdown(t("Die folgenden Inhalte sind nicht oder nicht vollständig barrierefrei:", language))
    _items(GAPS, language)
    st.markdown(t("Die Gründe: Die Mängel liegen im Code von Streamlit, den die Anwendung nicht "
                  "ändern kann, oder sind noch nicht behoben. Sie werden mit jeder neuen Version von "
                  "Streamlit und der Anwendung erneut geprüft.", language))
    st.header(t("Erstellung dieser Erklärung", language), anchor=False)
    st.markdown(t("Diese Erklärung wurde am {date} erstellt und am {reviewed} überprüft, nachdem die "
                  "Seiten für Teilnehmende neu gebaut waren. Sie beruht auf einer Selbstbewertung: "
                  "einer automatischen Prüfung mit axe-core (Regeln für WCAG 2.1 A und AA und "
                  "bewährte Verfahren) jeder Seite für Teilnehmende in jedem Zustand (auch mit "
                  "Fehlermeldung, gesperrt, mit Countdown) auf Deutsch und auf Arabisch, die dort "
                  "keinen einzigen Verstoß findet, und jeder anderen Seite auf Deutsch; einem Test "
                  "allein mit der Tastatur (Code eingeben, teilnehmen, Sprache wählen, Leitfragen "
                  "öffnen, Felder bewerten, eine Karte schreiben und ändern, Punkte vergeben); einer "
                  "Prüfung bei 360 px Breite und 200 % Vergrößerung, der Größe der Bedienelemente "
                  "und der Überschriften; und einem Durchgang auf einem Telefon auf Türkisch und "
                  "Arabisch. Ein Test mit Screenreadern und mit Menschen mit Behinderungen steht "
                  "noch aus.", language, date=format_day(PREPARED_ON, language),
                  reviewed=format_day(REVIEWED_ON, language)))
    st.header(t("Feedback und Kontaktangaben", language), anchor=False)
    st.markdown(t("Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen, oder brauchen Sie einen "
                  "Inhalt in einer anderen Form? Dann melden Sie sich bitte hier:", language))
    _setting(accessibility_contact(), N_("Noch nicht eingetragen. Hinweis für die Betreiberin: Bitte "
                                         "die Kontaktstelle für Barrierefreiheit (Name der Stelle, "
                                         "E-Mail, Telefon, Anschrift) in der Einstellung {setting} "
                                         "angeben."), CONTACT_ENV, language)
    st.header(t("Durchsetzungsverfahren", language), anchor=False)
    st.markdown(t("Wenn Sie auf Ihre Meldung keine oder keine zufriedenstellende Antwort erhalten, "
                  "können Sie sich an die zuständige Stelle wenden. Für Kommunen und andere "
                  "öffentliche Stellen eines Landes ist das die Durchsetzungs- oder "
                  "Schlichtungsstelle des jeweiligen Bundeslandes nach dessen "
                  "Behindertengleichstellungsgesetz. Für diese Anwendung ist das:", language))
    _setting(accessibility_enforcement(), N_("Noch nicht eingetragen. Hinweis für die Betreiberin: "
                                             "Bitte die Durchsetzungs- oder Schlichtungsstelle Ihres "
                                             "Bundeslandes mit Anschrift und Internetadresse in der "
                                             "Einstellung {setting} angeben."), ENFORCEMENT_ENV, language)
    st.markdown(t("Für öffentliche Stellen des Bundes ist die Schlichtungsstelle nach § 16 des "
                  "Behindertengleichstellungsgesetzes (BGG) beim Beauftragten der Bundesregierung "
                  "für die Belange von Menschen mit Behinderungen zuständig "
                  "(www.schlichtungsstelle-bgg.de). Ein Schlichtungsverfahren ist kostenlos, und Sie "
                  "brauchen dafür keinen Rechtsbeistand.", language))


frame()
statement_page()
