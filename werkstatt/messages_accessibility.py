"""The accessibility part of the message catalogue (merged into ``werkstatt.i18n.MESSAGES``): the
statement page ("Erklärung zur Barrierefreiheit", shaped like the EU model statement that BITV 2.0
asks for), the link to it, and the text alternatives of QR codes and charts.

The statement says what a self-assessment on 2026-11-23 found and what its review on 2026-12-07
found after the participant screens moved from Streamlit to plain HTML pages (``werkstatt.web``);
when the findings change, change the lists here, ``MET``/``GAPS`` in ``pages/barrierefreiheit.py``
and the README's accessibility section together.
"""

ACCESSIBILITY_MESSAGES: dict[str, dict[str, str]] = {
    "nav.accessibility": {"de": "Barrierefreiheit", "en": "Accessibility"},
    "accessibility.link": {"de": "Erklärung zur Barrierefreiheit", "en": "Accessibility statement"},
    "accessibility.back": {"de": "Zurück", "en": "Back"},
    # --- text alternatives ------------------------------------------------------
    "qr.alt": {
        "de": "QR-Code mit dem Link zur Teilnahme: {url}",
        "en": "QR code with the link for taking part: {url}",
    },
    "chart.table": {"de": "Zahlen als Tabelle", "en": "Numbers as a table"},
    "chart.distribution.alt": {
        "de": "Gestapelte Balken: Anteil jeder Bewertungsstufe je Handlungsfeld. Dieselben Zahlen stehen in der "
              "Tabelle „Zahlen als Tabelle“ darunter.",
        "en": "Stacked bars: the share of each rating level per action field. The same numbers are in the "
              "table “Numbers as a table” below.",
    },
    "chart.overview.alt": {
        "de": "Punktdiagramm: Median und Konsens je Handlungsfeld, Form und Farbe nach Einschätzung. Dieselben "
              "Zahlen stehen in der Tabelle „Zahlen als Tabelle“ darunter.",
        "en": "Scatter chart: median and consensus per action field, shape and colour by verdict. The same "
              "numbers are in the table “Numbers as a table” below.",
    },
    "chart.projector.alt": {
        "de": "Ergebnisdiagramm für den Beamer; die Zahlen je Handlungsfeld stehen in den Karten darüber.",
        "en": "Results chart for the projector; the numbers per action field are in the cards above it.",
    },
    "chart.progress.alt": {
        "de": "Gestapelte Balken: Maßnahmen je Handlungsfeld nach Status, die Anzahl steht in jedem Abschnitt. "
              "Dieselben Zahlen stehen in der Tabelle „Zahlen als Tabelle“ darunter.",
        "en": "Stacked bars: actions per action field by status, with the count in each segment. The same "
              "numbers are in the table “Numbers as a table” below.",
    },
    "chart.perspective.alt": {
        "de": "Punktdiagramm: Selbstcheck der Verwaltung und Median des Workshops je Handlungsfeld. Dieselben "
              "Zahlen stehen in der Tabelle darunter.",
        "en": "Dot chart: the administration's self-check and the workshop's median per action field. The "
              "same numbers are in the table below.",
    },
    # --- the statement --------------------------------------------------------------
    "accessibility.title": {"de": "Erklärung zur Barrierefreiheit", "en": "Accessibility statement"},
    "accessibility.intro": {
        "de": "Die Stelle, die diese Werkstatt betreibt (in der Regel eine Kommune), ist bemüht, sie im Einklang "
              "mit den Rechtsvorschriften zur Umsetzung der Richtlinie (EU) 2016/2102 barrierefrei zugänglich zu "
              "machen: der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) des Bundes und den Gesetzen "
              "und Verordnungen der Länder, die sich auf sie beziehen. Diese Erklärung gilt für die Anwendung "
              "„Werkstatt“ mit allen Seiten: Start, Teilnahme, Beamer, Moderation, Ergebnisse und Taskforce.",
        "en": "The body that runs this Werkstatt (usually a municipality) endeavours to make it accessible in "
              "line with the laws implementing Directive (EU) 2016/2102: the German federal Barrierefreie-"
              "Informationstechnik-Verordnung (BITV 2.0) and the laws and ordinances of the federal states that "
              "refer to it. This statement applies to the application “Werkstatt” with all its pages: start, "
              "taking part, projector, facilitation, results and task force.",
    },
    "accessibility.status.title": {"de": "Stand der Vereinbarkeit mit den Anforderungen",
                                   "en": "Compliance status"},
    "accessibility.status": {
        "de": "Diese Anwendung ist wegen der unten aufgeführten Unvereinbarkeiten **teilweise** mit der BITV 2.0 "
              "vereinbar (Maßstab: EN 301 549, also WCAG 2.1 Stufe AA).",
        "en": "This application is **partially** compliant with BITV 2.0 (measured against EN 301 549, that is "
              "WCAG 2.1 level AA), due to the non-compliances listed below.",
    },
    "accessibility.met.title": {"de": "Was erfüllt ist", "en": "What is met"},
    "accessibility.met.participant_pages": {
        "de": "Die Seiten für Teilnehmende (Code eingeben, Teilnehmen, Bewerten, Karten schreiben, Punkte "
              "vergeben, Ergebnis) sind seit Dezember 2026 schlichte HTML-Seiten in den Gestaltungsregeln von "
              "KERN, dem UX-Standard der deutschen Verwaltung. Sie funktionieren auch ohne JavaScript. Jede "
              "nennt ihre Sprache und ihre Schreibrichtung (Arabisch von rechts nach links), hat genau eine "
              "Hauptüberschrift, Überschriften ohne übersprungene Ebene und einen Link „Zum Inhalt springen“ "
              "in der Sprache der Seite. Die englischen Texte und Zeichen des Baukastens Streamlit sind dort "
              "verschwunden: „Skip to main content“, „Press Enter to submit form“, das Menü ⋮ und die Symbole "
              "zum Aufklappen, die ein Screenreader als „keyboard_arrow_right“ vorlas.",
        "en": "Since December 2026 the participants' pages (enter the code, join, rate, write cards, give "
              "dots, results) are plain HTML pages following KERN, the UX standard of the German "
              "administration. They also work without JavaScript. Each states its language and its "
              "direction of writing (Arabic from right to left), has exactly one main heading, headings "
              "that skip no level, and a “skip to the content” link in the page's language. The English "
              "words and signs of the Streamlit framework are gone from them: “Skip to main content”, "
              "“Press Enter to submit form”, the ⋮ menu, and the expander icons a screen reader read out as "
              "“keyboard_arrow_right”.",
    },
    "accessibility.met.keyboard": {
        "de": "Alle Seiten lassen sich allein mit der Tastatur bedienen (Tab, Umschalt+Tab, Pfeiltasten, "
              "Leertaste, Eingabetaste), in einer sinnvollen Reihenfolge und mit sichtbarem Fokus.",
        "en": "Every page can be used with the keyboard alone (Tab, Shift+Tab, arrow keys, Space, Enter), in a "
              "sensible order and with a visible focus.",
    },
    "accessibility.met.labels": {
        "de": "Jedes Bedienelement hat eine Beschriftung, die ein Screenreader vorliest. Die Bewertungsskala ist "
              "eine beschriftete Auswahl (Optionsfelder in einer Gruppe mit Überschrift), kein Diagramm. Eine "
              "Fehlermeldung steht bei dem Feld, das sie betrifft, und wird vorgelesen; was schon eingegeben "
              "war, bleibt stehen.",
        "en": "Every control has a label that a screen reader reads. The rating scale is a labelled choice "
              "(radio buttons in a group with a caption), not a chart. An error message stands at the field it "
              "concerns and is read out; what was already typed stays.",
    },
    "accessibility.met.colour": {
        "de": "Farbe trägt nie allein eine Bedeutung: Jede Einschätzung hat ein Wort und ein Zeichen (▲ Stärke, "
              "▼ Handlungsbedarf, ◆ umstritten), jede Stufe in den gestapelten Balken ein eigenes Muster.",
        "en": "Colour never carries meaning alone: every verdict has a word and a symbol (▲ strength, ▼ needs "
              "action, ◆ contested), every level in the stacked bars its own pattern.",
    },
    "accessibility.met.tables": {
        "de": "Jedes Diagramm hat einen Textersatz und darunter dieselben Zahlen als Tabelle.",
        "en": "Every chart has a text alternative, and below it the same numbers as a table.",
    },
    "accessibility.met.contrast": {
        "de": "Text hat einen Kontrast von mindestens 4,5 : 1.",
        "en": "Text has a contrast of at least 4.5 : 1.",
    },
    "accessibility.met.reflow": {
        "de": "Die Seiten für Teilnehmende funktionieren bei 200 % Vergrößerung und auf 360 px breiten Telefonen "
              "ohne waagerechtes Scrollen.",
        "en": "The participants' pages work at 200 % zoom and on 360 px wide phones without scrolling sideways.",
    },
    "accessibility.met.touch": {
        "de": "Auf den Seiten für Teilnehmende sind Links, Schaltflächen und Auswahllisten mindestens 44 × 44 "
              "Pixel groß. Bei den Optionsfeldern (Stufe, Bereich, Gruppe, Art der Karte) nehmen bisher nur "
              "der Kreis und seine Beschriftung einen Fingertipp an, zusammen 32 Pixel hoch, nicht die ganze "
              "umrahmte Zeile.",
        "en": "On the participants' pages, links, buttons and drop-down lists are at least 44 × 44 pixels. On "
              "the radio buttons (level, sector, group, kind of card) only the circle and its label take a tap "
              "so far, 32 pixels high together, not the whole framed row.",
    },
    "accessibility.met.language": {
        "de": "Jede Seite nennt ihre Sprache, damit ein Screenreader sie richtig ausspricht; die Namen in der "
              "Sprachwahl sind jeweils in ihrer eigenen Sprache ausgezeichnet.",
        "en": "Every page states its language, so that a screen reader pronounces it correctly; each name in the "
              "language switch is marked as being in its own language.",
    },
    "accessibility.gaps.title": {"de": "Nicht barrierefreie Inhalte", "en": "Non-accessible content"},
    "accessibility.gaps.intro": {
        "de": "Die folgenden Inhalte sind nicht oder nicht vollständig barrierefrei:",
        "en": "The following content is not, or not fully, accessible:",
    },
    "accessibility.gap.streamlit": {
        "de": "Die Seiten für Moderation, Beamer, Ergebnisse und Taskforce, die Startseite und diese Erklärung "
              "baut weiterhin der Baukasten Streamlit. Einige ihrer Bedienelemente lassen sich von der "
              "Anwendung nicht ändern; die automatische Prüfung meldet dort die im README genannten Regeln. "
              "Die Mängel sind bei Streamlit gemeldet.",
        "en": "The facilitation, projector, results and task-force pages, the start page and this statement are "
              "still built by the Streamlit framework. Some of their controls cannot be changed by the "
              "application; the automatic check reports the rules listed in the README there. The defects "
              "are reported to Streamlit.",
    },
    "accessibility.gap.streamlit_words": {
        "de": "Auf diesen Streamlit-Seiten stehen weiterhin englische Wörter des Baukastens, ohne als Englisch "
              "ausgezeichnet zu sein: „Skip to main content“, „Press Enter to submit form“, „Choose an "
              "option“, „Browse files“, „Drag and drop file here“ und das Menü ⋮; ein Screenreader liest die "
              "Symbole zum Aufklappen als „keyboard_arrow_right“ vor. Auf den meisten dieser Seiten folgt auf "
              "die Hauptüberschrift gleich eine Überschrift der dritten Ebene.",
        "en": "These Streamlit pages still show English words of the framework, not marked as English: “Skip "
              "to main content”, “Press Enter to submit form”, “Choose an option”, “Browse files”, “Drag and "
              "drop file here” and the ⋮ menu; a screen reader reads the expander icons out as "
              "“keyboard_arrow_right”. On most of these pages the main heading is followed directly by a "
              "third-level heading.",
    },
    "accessibility.gap.grids": {
        "de": "Große Tabellen auf den Seiten Ergebnisse, Moderation und Taskforce zeichnet Streamlit auf eine "
              "Zeichenfläche; ein Screenreader liest sie nur über eine verborgene Tabelle, die nicht alle "
              "Programme gleich gut unterstützen. Die Downloads (Excel, CSV) enthalten dieselben Zahlen.",
        "en": "Streamlit draws large tables on the results, facilitation and task-force pages on a canvas; a "
              "screen reader reads them only through a hidden table that not every program supports equally "
              "well. The downloads (Excel, CSV) hold the same numbers.",
    },
    "accessibility.gap.projector": {
        "de": "Die Beamer-Ansicht aktualisiert sich selbst, und die Kartenwand blättert alle 12 Sekunden weiter; "
              "sie hat bewusst keine Bedienelemente. Die Moderation kann ein Handlungsfeld festhalten, und alle "
              "Inhalte stehen auch auf den Seiten Moderation und Ergebnisse.",
        "en": "The projector view updates itself, and the card wall turns its page every 12 seconds; it has no "
              "controls on purpose. The facilitator can pin one action field, and all of its content is also "
              "on the facilitation and results pages.",
    },
    "accessibility.gap.wide_pages": {
        "de": "Die Seiten für Moderation und Taskforce sind für Bildschirme ab Tablet-Größe gebaut; bei 360 px "
              "Breite müssen breite Tabellen waagerecht gescrollt werden.",
        "en": "The facilitation and task-force pages are built for screens from tablet size up; at 360 px width "
              "wide tables have to be scrolled sideways.",
    },
    "accessibility.gap.pdf": {
        "de": "Der PDF-Bericht ist nicht als barrierefreies PDF (PDF/UA) geprüft; der HTML-Bericht und die "
              "Excel-Datei enthalten dieselben Inhalte.",
        "en": "The PDF report has not been checked as an accessible PDF (PDF/UA); the HTML report and the Excel "
              "file hold the same content.",
    },
    "accessibility.gap.statement_languages": {
        "de": "Diese Erklärung gibt es auf Deutsch und Englisch, noch nicht in den anderen Sprachen der "
              "Teilnahmeseiten.",
        "en": "This statement is available in German and English, not yet in the other languages of the "
              "participants' pages.",
    },
    "accessibility.gaps.why": {
        "de": "Die Gründe: Die Mängel liegen im Code von Streamlit, den die Anwendung nicht ändern kann, oder "
              "sind noch nicht behoben. Sie werden mit jeder neuen Version von Streamlit und der Anwendung "
              "erneut geprüft.",
        "en": "The reasons: the defects lie in Streamlit's code, which the application cannot change, or have "
              "not been fixed yet. They are checked again with every new version of Streamlit and of the "
              "application.",
    },
    "accessibility.prepared.title": {"de": "Erstellung dieser Erklärung", "en": "Preparation of this statement"},
    "accessibility.prepared": {
        "de": "Diese Erklärung wurde am {date} erstellt und am {reviewed} überprüft, nachdem die Seiten für "
              "Teilnehmende neu gebaut waren. Sie beruht auf einer Selbstbewertung: einer automatischen Prüfung "
              "mit axe-core (Regeln für WCAG 2.1 A und AA und bewährte Verfahren) jeder Seite für Teilnehmende "
              "in jedem Zustand (auch mit Fehlermeldung, gesperrt, mit Countdown) auf Deutsch und auf Arabisch, "
              "die dort keinen einzigen Verstoß findet, und jeder anderen Seite auf Deutsch; einem Test allein "
              "mit der Tastatur (Code eingeben, teilnehmen, Sprache wählen, Leitfragen öffnen, Felder bewerten, "
              "eine Karte schreiben und ändern, Punkte vergeben); einer Prüfung bei 360 px Breite und 200 % "
              "Vergrößerung, der Größe der Bedienelemente und der Überschriften; und einem Durchgang auf einem "
              "Telefon auf Türkisch und Arabisch. Ein Test mit Screenreadern und mit Menschen mit "
              "Behinderungen steht noch aus.",
        "en": "This statement was prepared on {date} and reviewed on {reviewed}, after the participants' pages "
              "were rebuilt. It is based on a self-assessment: an automatic check with axe-core (rules for WCAG "
              "2.1 A and AA and best practices) of every participants' page in every state (with an error "
              "message, locked, with a countdown too) in German and in Arabic, which finds not a single "
              "violation there, and of every other page in German; a keyboard-only test (enter the code, join, "
              "pick a language, open the guiding questions, rate fields, write and edit a card, give dots); a "
              "check at 360 px width and 200 % zoom, of the size of the controls and of the headings; and a run "
              "on a phone in Turkish and Arabic. A test with screen readers and with people with disabilities "
              "is still to be done.",
    },
    "accessibility.feedback.title": {"de": "Feedback und Kontaktangaben", "en": "Feedback and contact information"},
    "accessibility.feedback": {
        "de": "Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen, oder brauchen Sie einen Inhalt in einer "
              "anderen Form? Dann melden Sie sich bitte hier:",
        "en": "Have you noticed a barrier, or do you need some content in another form? Then please get in "
              "touch here:",
    },
    "accessibility.contact.missing": {
        "de": "Noch nicht eingetragen. Hinweis für die Betreiberin: Bitte die Kontaktstelle für Barrierefreiheit "
              "(Name der Stelle, E-Mail, Telefon, Anschrift) in der Einstellung {setting} angeben.",
        "en": "Not set yet. Note for the operator: please put the contact point for accessibility (name of the "
              "office, e-mail, phone, address) into the setting {setting}.",
    },
    "accessibility.enforcement.title": {"de": "Durchsetzungsverfahren", "en": "Enforcement procedure"},
    "accessibility.enforcement": {
        "de": "Wenn Sie auf Ihre Meldung keine oder keine zufriedenstellende Antwort erhalten, können Sie sich an "
              "die zuständige Stelle wenden. Für Kommunen und andere öffentliche Stellen eines Landes ist das die "
              "Durchsetzungs- oder Schlichtungsstelle des jeweiligen Bundeslandes nach dessen "
              "Behindertengleichstellungsgesetz. Für diese Anwendung ist das:",
        "en": "If you receive no answer, or no satisfactory one, to your report, you can turn to the competent "
              "body. For municipalities and other public bodies of a federal state this is the enforcement or "
              "conciliation body of that state under its disability equality act. For this application it is:",
    },
    "accessibility.enforcement.missing": {
        "de": "Noch nicht eingetragen. Hinweis für die Betreiberin: Bitte die Durchsetzungs- oder "
              "Schlichtungsstelle Ihres Bundeslandes mit Anschrift und Internetadresse in der Einstellung "
              "{setting} angeben.",
        "en": "Not set yet. Note for the operator: please put the enforcement or conciliation body of your "
              "federal state, with its address and web address, into the setting {setting}.",
    },
    "accessibility.enforcement.federal": {
        "de": "Für öffentliche Stellen des Bundes ist die Schlichtungsstelle nach § 16 des "
              "Behindertengleichstellungsgesetzes (BGG) beim Beauftragten der Bundesregierung für die Belange "
              "von Menschen mit Behinderungen zuständig (www.schlichtungsstelle-bgg.de). Ein "
              "Schlichtungsverfahren ist kostenlos, und Sie brauchen dafür keinen Rechtsbeistand.",
        "en": "For federal public bodies, the conciliation body under section 16 of the Disability Equality Act "
              "(BGG) at the Federal Government Commissioner for Matters relating to Persons with Disabilities "
              "is competent (www.schlichtungsstelle-bgg.de). Conciliation is free of charge, and you need no "
              "legal representation for it.",
    },
}
