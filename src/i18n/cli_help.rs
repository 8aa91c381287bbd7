//! The command line's help in German. The English help is the doc comments of `cli`'s argument
//! types (clap's derive); these tables give every command, argument and value its German words,
//! and `cli::localize` puts them in place. A test walks the whole command tree, so that a command,
//! an argument or a value added later without German words fails it.

/// A command's German help: what it does, the text after its options (examples, exit statuses),
/// and what each of its own arguments is, by clap's id (the field's name).
#[derive(Debug)]
pub struct CommandHelp {
    /// The subcommand's name; `""` for `partnerdesk` itself.
    pub name: &'static str,
    /// One line: what the command does.
    pub about: &'static str,
    /// The text below the options.
    pub after: &'static str,
    /// Each argument's help, by id.
    pub args: &'static [(&'static str, &'static str)],
}

/// `partnerdesk --help`'s long description.
pub const LONG_ABOUT: &str = "Wer in der Abteilung Internationales der Wissenschaftsstadt Darmstadt für eine \
Partnerstadt zuständig ist und wie man die Person erreicht. Ohne Befehl öffnet partnerdesk die interaktive Suche \
im Verzeichnis; mit --accessible (oder PARTNERDESK_ACCESSIBLE=1, oder bei TERM=dumb) antwortet es stattdessen Zeile \
für Zeile in ganzen Sätzen, für Screenreader und Braillezeilen.

Das Verzeichnis ist eingebaut; --data DATEI oder die Umgebungsvariable PARTNERDESK_DATA nennt partnerdesk eine \
andere RON-Datendatei (--data hat Vorrang). Beginnt LC_ALL, LC_MESSAGES oder LANG mit \"de\", spricht \
partnerdesk Deutsch; --lang entscheidet anders. NO_COLOR schaltet die Farben ab. Wer antwortet, gilt für heute \
nach der Uhr des Rechners; PARTNERDESK_TODAY=JJJJ-MM-TT legt heute fest (für Tests), und `query` und `list` \
nehmen --on DATUM.

Rückgabewert: 0 Erfolg, 1 `query` fand nichts, 2 falsche Argumente, ungültige Daten oder ein fehlgeschlagenes \
Schreiben; die interaktive Ansicht endet mit 129 (Terminal geschlossen), 130 (SIGINT), 131 (SIGQUIT) oder 143 \
(SIGTERM).";

/// The help flag: `-h` shows the short help, `--help` the long one.
pub const HELP_FLAG: (&str, &str) = ("Hilfe zeigen (ausführlich mit '--help')", "Hilfe zeigen (kurz mit '-h')");
/// The help flag of a command whose short and long help are the same.
pub const HELP_FLAG_SHORT: &str = "Hilfe zeigen";
/// The version flag.
pub const VERSION_FLAG: &str = "Version zeigen";
/// The `help` subcommand clap adds.
pub const HELP_COMMAND: &str = "Diese Hilfe oder die Hilfe der genannten Befehle zeigen";

/// Every command's German help.
pub static COMMANDS: &[CommandHelp] = &[
    CommandHelp {
        name: "",
        about: "Wer in der Abteilung Internationales in Darmstadt für eine Partnerstadt zuständig ist und wie man \
                die Person erreicht",
        after: "Ohne Befehl öffnet partnerdesk die interaktive Suche.\n\nBeispiele:\n  partnerdesk\n  \
                partnerdesk --accessible\n  \
                partnerdesk query plock\n  partnerdesk check --data mein-verzeichnis.ron",
        args: &[
            ("data", "Datendatei statt des eingebauten Verzeichnisses [Umgebung: PARTNERDESK_DATA]"),
            (
                "no_cache",
                "Die Datendatei jedes Mal lesen und prüfen, ohne Zwischenspeicher [Umgebung: PARTNERDESK_CACHE=off]",
            ),
            ("lang", "Sprache der Ausgabe: de oder en. Vorgabe: aus LC_ALL, LC_MESSAGES oder LANG"),
            (
                "accessible",
                "Statt der Vollbildansicht ein Dialog Zeile für Zeile für Screenreader: eine Eingabeaufforderung und \
                 Antworten in ganzen Sätzen [Umgebung: PARTNERDESK_ACCESSIBLE=1; auch bei TERM=dumb]",
            ),
        ],
    },
    CommandHelp {
        name: "check",
        about: "Die Daten prüfen und eine Zusammenfassung in einer Zeile ausgeben; sonst jedes Problem auflisten",
        after: "Beispiel:\n  partnerdesk check --data shared/directory.ron",
        args: &[],
    },
    CommandHelp {
        name: "query",
        about: "Nach Stadt, Land, Person, Aufgabe oder Durchwahl suchen; eine Zeile je Treffer, der beste zuerst",
        after: "Beispiele:\n  partnerdesk query plock\n  partnerdesk query --json land:ungarn\n  \
                partnerdesk query 2325\n\nRückgabewert: 0 gefunden, 1 nichts gefunden, 2 Fehler.",
        args: &[
            ("json", "Ein JSON-Array von Objekten statt Zeilen ausgeben"),
            ("limit", "Höchstens N Treffer ausgeben; 0 gibt alle aus"),
            ("on", "Wer am DATUM (JJJJ-MM-TT oder TT.MM.JJJJ) statt heute antwortet"),
            ("text", "Wonach gesucht wird: Stadt, Land, Person, Aufgabe oder Durchwahl. Alle Begriffe müssen passen"),
        ],
    },
    CommandHelp {
        name: "list",
        about: "Die Städte (mit Kontakt und Telefon) oder die Personen (mit ihren Städten) als Tabelle, CSV, JSON \
                oder Excel-Arbeitsmappe ausgeben",
        after: "Beispiele:\n  partnerdesk list\n  partnerdesk list --sort since\n  \
                partnerdesk list people --format csv > team.csv\n  \
                partnerdesk list --format xlsx --out partnerstaedte.xlsx",
        args: &[
            ("what", "Was aufgelistet wird"),
            ("format", "Ausgabeformat"),
            ("sort", "Reihenfolge der Städte (Personen stehen immer nach dem Nachnamen)"),
            ("out", "In DATEI schreiben (atomar) statt auf die Standardausgabe"),
            ("on", "Wer am DATUM (JJJJ-MM-TT oder TT.MM.JJJJ) statt heute antwortet und wer abwesend ist"),
        ],
    },
    CommandHelp {
        name: "export",
        about: "Die Personen als vCards (Vorgabe 3.0) für Outlook, ein Telefon oder ein Adressbuch exportieren",
        after: "Beispiele:\n  partnerdesk export --vcard --out team.vcf\n  \
                partnerdesk export --vcard --split karten\n  partnerdesk export --vcard --vcard-version 4.0",
        args: &[
            ("vcard", "Die Personen als vCards schreiben"),
            ("vcard_version", "Die vCard-Version: 3.0 (Outlook, Google und Apple Kontakte) oder 4.0"),
            ("out", "In DATEI schreiben (atomar) statt auf die Standardausgabe"),
            ("split", "Eine DATEI.vcf je Person in ORDNER schreiben (Outlook liest nur die erste Karte einer Datei)"),
        ],
    },
    CommandHelp {
        name: "anniversaries",
        about: "Die runden Jubiläen der Partnerschaften (alle 5 Jahre) ab einem Jahr auflisten",
        after: "Beispiele:\n  partnerdesk anniversaries\n  partnerdesk anniversaries --from 2028 --years 1\n  \
                partnerdesk anniversaries --json --years 10",
        args: &[
            ("from", "Das erste betrachtete Jahr, 1945 bis 9999. Vorgabe: dieses Jahr"),
            ("years", "Wie viele Jahre betrachtet werden, 1 bis 100"),
            ("json", "Ein JSON-Array von Objekten statt Zeilen ausgeben"),
        ],
    },
    CommandHelp {
        name: "assign",
        about: "Eine Partnerstadt in der Datendatei einer anderen Person geben: nur ihr `contact:` ändert sich",
        after: "Beispiele:\n  partnerdesk assign Trondheim kuz --data N:\\Internationales\\directory.ron\n  \
                partnerdesk assign Płock \"Julia Kuz\"\n\n\
                Rückgabewert: 0 erledigt (oder nichts zu tun), 1 nicht erledigt (die Datei ist gesperrt, oder \
                jemand hat sie inzwischen gespeichert), 2 Fehler.",
        args: &[
            (
                "city",
                "Die Stadt: ihr Name, ihr deutscher Name, ihr Name in der Landessprache oder ein anderer Name \
                 (Groß- und Kleinschreibung und Akzente zählen nicht)",
            ),
            ("person", "Die Person: eine Kennung (`kuz`) oder ein Name (`Julia Kuz`, `Kuz`)"),
        ],
    },
    CommandHelp {
        name: "edit",
        about: "Die Datendatei in $VISUAL oder $EDITOR bearbeiten: vor dem Speichern geprüft, währenddessen \
                gesperrt, nie über die Änderung eines Kollegen hinweg, die vorige Fassung in history/ aufbewahrt",
        after: "Beispiele:\n  partnerdesk edit --data N:\\Internationales\\directory.ron\n  \
                EDITOR=\"code --wait\" partnerdesk edit\n\n\
                Rückgabewert: 0 gespeichert oder unverändert, 1 nicht gespeichert (geleert, gesperrt, oder jemand \
                hat inzwischen gespeichert), 2 Fehler.",
        args: &[],
    },
    CommandHelp {
        name: "history",
        about: "Das Änderungsprotokoll der Datendatei ausgeben, das Neueste zuerst",
        after: "Beispiele:\n  partnerdesk history --data N:\\Internationales\\directory.ron\n  \
                partnerdesk history --json",
        args: &[("json", "Ein JSON-Array von Objekten statt Zeilen ausgeben")],
    },
    CommandHelp {
        name: "diff",
        about: "In Worten ausgeben, was sich zwischen zwei Datendateien geändert hat",
        after: "Beispiel:\n  partnerdesk diff history/directory-20261129-143005.ron directory.ron",
        args: &[("old", "Die ältere Datendatei"), ("new", "Die neuere Datendatei")],
    },
    CommandHelp {
        name: "away",
        about: "Festhalten, dass eine Person bis zu einem Tag abwesend ist und wer sie vertritt: die Antworten des \
                Tages nennen die Vertretung (ohne --cover die ständige Stellvertretung der Person)",
        after: "Beispiele:\n  partnerdesk away schewe --until 2026-12-04 --cover kuz\n  \
                partnerdesk away \"Irene Schewe\" --from 24.12.2026 --until 02.01.2027\n\n\
                Daten sind JJJJ-MM-TT oder TT.MM.JJJJ; --from ist ohne Angabe heute. Rückgabewert: 0 erledigt, \
                1 nicht erledigt (die Datei ist gesperrt, oder ein Kollege hat inzwischen gespeichert), 2 Fehler.",
        args: &[
            ("person", "Wer abwesend ist: eine Kennung (`schewe`) oder ein Name (`Irene Schewe`, `Schewe`)"),
            ("from", "Der erste Tag der Abwesenheit, JJJJ-MM-TT oder TT.MM.JJJJ; ohne Angabe heute"),
            ("until", "Der letzte Tag der Abwesenheit, JJJJ-MM-TT oder TT.MM.JJJJ"),
            ("cover", "Wer solange vertritt; ohne Angabe die ständige Stellvertretung der Person"),
        ],
    },
    CommandHelp {
        name: "back",
        about: "Die Abwesenheit einer Person heute beenden: sie antwortet wieder. Eine spätere Abwesenheit bleibt",
        after: "Beispiel:\n  partnerdesk back schewe\n\n\
                Rückgabewert: 0 erledigt (oder nichts zu tun), 1 nicht erledigt (gesperrt, oder ein Kollege hat \
                inzwischen gespeichert), 2 Fehler.",
        args: &[("person", "Wer zurück ist: eine Kennung oder ein Name")],
    },
    CommandHelp {
        name: "notes",
        about: "Die Telefonnotizen ausgeben, die die Ansicht gespeichert hat, die neueste zuerst: die von heute, mit \
                --all alle (30 Tage aufbewahrt; PARTNERDESK_NOTES_DAYS bestimmt, wie viele)",
        after: "Beispiele:\n  partnerdesk notes\n  partnerdesk notes --all --json",
        args: &[
            ("all", "Alle gespeicherten Notizen, nicht nur die von heute"),
            ("json", "Ein JSON-Array von Objekten statt Text ausgeben"),
        ],
    },
    CommandHelp {
        name: "completions",
        about: "Ein Skript zur Vervollständigung für die Shell ausgeben",
        after: "Beispiel:\n  partnerdesk completions bash > ~/.local/share/bash-completion/completions/partnerdesk",
        args: &[("shell", "Die Shell")],
    },
    CommandHelp {
        name: "man",
        about: "Die Handbuchseite ausgeben (roff)",
        after: "Beispiel:\n  partnerdesk man > ~/.local/share/man/man1/partnerdesk.1",
        args: &[],
    },
];

/// The values' descriptions (the doc comments of the `ValueEnum`s), English and German.
pub static VALUES: &[(&str, &str)] = &[
    ("The partner cities with their contacts", "Die Partnerstädte mit ihren Kontakten"),
    ("The people with their cities", "Die Personen mit ihren Städten"),
    (
        "The topics of the office's page, with who answers for them",
        "Die Themen der Seite der Abteilung und wer dafür zuständig ist",
    ),
    ("Aligned columns for reading", "Ausgerichtete Spalten zum Lesen"),
    ("RFC 4180 CSV with a header row", "CSV nach RFC 4180 mit Kopfzeile"),
    (
        "A JSON array of objects, one per row, keyed by the CSV's column names",
        "Ein JSON-Array von Objekten, eines je Zeile, mit den Spaltennamen der CSV als Schlüsseln",
    ),
    (
        "An Excel workbook (with --out FILE, or into a pipe): every value as text",
        "Eine Excel-Arbeitsmappe (mit --out DATEI oder in eine Pipe): jeder Wert als Text",
    ),
    ("Alphabetically by name", "Alphabetisch nach Name"),
    (
        "By the year the partnership began, oldest first",
        "Nach dem Jahr, in dem die Partnerschaft begann, die älteste zuerst",
    ),
    ("By country (in the output language), then name", "Nach Land (in der Sprache der Ausgabe), dann nach Name"),
    (
        "vCard 3.0, which Outlook, Google Contacts and Apple Contacts import",
        "vCard 3.0, die Outlook, Google Kontakte und Apple Kontakte importieren",
    ),
    ("vCard 4.0 (RFC 6350)", "vCard 4.0 (RFC 6350)"),
    ("The absences not yet ended, with who covers", "Die noch nicht beendeten Abwesenheiten, mit ihrer Vertretung"),
];

/// The names of values in the usage line and the help (`--out <FILE>`), English and German; a
/// name not listed stays as it is.
pub static VALUE_NAMES: &[(&str, &str)] = &[
    ("FILE", "DATEI"),
    ("DIR", "ORDNER"),
    ("YEAR", "JAHR"),
    ("LANG", "SPRACHE"),
    ("WHAT", "WAS"),
    ("SORT", "REIHENFOLGE"),
    ("CITY", "STADT"),
    ("OLD", "ALT"),
    ("NEW", "NEU"),
    ("DATE", "DATUM"),
];

/// clap's own words around the help texts, English and German: headings, the usage line, defaults
/// and values. Longer phrases come first, so that a shorter one never cuts into them.
pub static CLAP_WORDS: &[(&str, &str)] = &[
    ("Usage:", "Aufruf:"),
    ("Commands:", "Befehle:"),
    ("Arguments:", "Argumente:"),
    ("Options:", "Optionen:"),
    ("[OPTIONS]", "[OPTIONEN]"),
    ("[COMMAND]", "[BEFEHL]"),
    ("<COMMAND>", "<BEFEHL>"),
    ("[default: ", "[Vorgabe: "),
    ("[possible values: ", "[mögliche Werte: "),
    ("Possible values:", "Mögliche Werte:"),
];

/// clap_mangen's section headings and words, English and German (as roff writes them).
pub static MAN_WORDS: &[(&str, &str)] = &[
    (".SH NAME", ".SH NAME"),
    (".SH SYNOPSIS", ".SH ÜBERSICHT"),
    (".SH DESCRIPTION", ".SH BESCHREIBUNG"),
    (".SH OPTIONS", ".SH OPTIONEN"),
    (".SH SUBCOMMANDS", ".SH BEFEHLE"),
    (".SH EXTRA", ".SH WEITERES"),
    (".SH Befehle", ".SH BEFEHLE"),
    (".SH VERSION", ".SH VERSION"),
    ("Possible values:", "Mögliche Werte:"),
    ("[default: ", "[Vorgabe: "),
];
