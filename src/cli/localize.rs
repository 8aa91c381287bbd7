//! The command line in the user's language: `--help`, `-h`, the man page and clap's errors. The
//! language is known before the arguments are parsed (`--lang`, else the locale), so that even an
//! error in them is reported in it. English is clap's own; German comes from
//! [`crate::i18n::cli_help`], and clap's error kinds are worded here.

use std::ffi::OsString;

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches};

use super::Args;
use crate::i18n::Lang;
use crate::i18n::cli_help::{self, CLAP_WORDS, COMMANDS, MAN_WORDS, VALUE_NAMES, VALUES};

/// The language for the command line: `--lang de|en` (or `--lang=…`) wherever it stands before a
/// `--`, else the locale's. A value other than `de` or `en` is left for clap to refuse.
pub fn lang_of(argv: &[OsString]) -> Lang {
    let mut words = argv.iter().skip(1).map(|a| a.to_string_lossy());
    let mut asked = None;
    while let Some(word) = words.next() {
        let value = match word.as_ref() {
            "--" => break,
            "--lang" => words.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--lang=").map(str::to_string),
        };
        match value.as_deref() {
            Some("de") => asked = Some(Lang::De),
            Some("en") => asked = Some(Lang::En),
            _ => {}
        }
    }
    asked.unwrap_or_else(Lang::detect)
}

/// The command line's definition, with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let command = Args::command();
    match lang {
        Lang::En => command,
        Lang::De => {
            let mut command = german(command, "");
            command.build();
            command.mut_subcommand("help", |help| help.about(cli_help::HELP_COMMAND))
        }
    }
}

/// Gives `command` (the subcommand `name`, `""` for the top) and its subcommands their German
/// help, and German help and version flags.
fn german(mut command: clap::Command, name: &str) -> clap::Command {
    let Some(words) = COMMANDS.iter().find(|c| c.name == name) else { return command };
    command = command.about(words.about).after_help(words.after).long_about(None).after_long_help(None);
    if name.is_empty() {
        command = command.long_about(cli_help::LONG_ABOUT).disable_version_flag(true).arg(
            Arg::new("version").short('V').long("version").action(ArgAction::Version).help(cli_help::VERSION_FLAG),
        );
    }
    for (id, help) in words.args {
        command = command.mut_arg(*id, |arg| {
            let arg = arg.help(*help).long_help(None);
            // The derive names a positional argument by its id, written in capitals; a flag's
            // name is never shown.
            let english = arg.get_value_names().and_then(|n| n.first()).map(|n| n.to_string());
            let english = english.unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
            match VALUE_NAMES.iter().find(|(en, _)| *en == english) {
                Some((_, german)) => arg.value_name(*german),
                None => arg,
            }
        });
    }
    // The derive's long help exists where an argument has described values.
    let long = command.get_arguments().any(|a| a.get_possible_values().iter().any(|v| v.get_help().is_some()))
        || name.is_empty();
    let (short, long_help) = if long { cli_help::HELP_FLAG } else { (cli_help::HELP_FLAG_SHORT, "") };
    let mut help = Arg::new("help").short('h').long("help").action(ArgAction::Help).help(short);
    if long {
        help = help.long_help(long_help);
    }
    command = command.disable_help_flag(true).arg(help);
    if command.has_subcommands() {
        command = command.subcommand_value_name("BEFEHL").subcommand_help_heading("Befehle");
    }
    let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for sub in names {
        command = command.mut_subcommand(&sub, |c| german(c, &sub));
    }
    command
}

/// What parsing ended with when it did not give arguments: help or version (exit 0), or an
/// error (on standard error, exit 2).
#[derive(Debug)]
pub enum Stop {
    /// In English: clap prints it, in colour where the terminal takes it.
    Clap(clap::Error),
    /// In German: the text, and whether it is an error.
    German {
        /// The text to print.
        text: String,
        /// True for an error: on standard error, with exit status 2.
        error: bool,
    },
}

/// Parses `argv` with help and errors in `lang`.
pub fn parse(lang: Lang, argv: Vec<OsString>) -> Result<Args, Stop> {
    let mut command = command(lang);
    let parsed = command.try_get_matches_from_mut(argv).and_then(|matches| Args::from_arg_matches(&matches));
    parsed.map_err(|e| match lang {
        Lang::En => Stop::Clap(e),
        Lang::De => Stop::German { text: german_error(&e, &command), error: e.use_stderr() },
    })
}

/// Replaces each English phrase of `table` in `text` by its German one.
fn replace_all(text: &str, table: &[(&str, &str)]) -> String {
    table.iter().fold(text.to_string(), |text, (en, de)| text.replace(en, de))
}

/// clap's own words in a help text or a usage line, and the values' descriptions, in German.
fn german_words(text: &str) -> String {
    replace_all(&replace_all(text, CLAP_WORDS), VALUES)
}

/// A clap error, or the help or version it shows, in German; `command` is the German command
/// line it came from, whose help names what an argument allows.
pub fn german_error(e: &clap::Error, command: &clap::Command) -> String {
    let get = |kind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let (arg, value) = (get(ContextKind::InvalidArg), get(ContextKind::InvalidValue));
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
        .into_iter()
        .map(get)
        .find(|s| !s.is_empty());
    let tip = |said: &mut String| {
        if let Some(suggested) = &suggested {
            said.push_str(&format!("\n\n  Tipp: gemeint ist vielleicht '{suggested}'"));
        }
    };
    let mut said = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::DisplayVersion => {
            return german_words(&e.render().to_string());
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("für '{arg}' fehlt ein Wert"),
        ErrorKind::InvalidValue => {
            let mut said = format!("'{value}' ist kein erlaubter Wert für '{arg}'");
            let valid = get(ContextKind::ValidValue);
            if !valid.is_empty() {
                said.push_str(&format!("\n  [mögliche Werte: {valid}]"));
            }
            tip(&mut said);
            said
        }
        ErrorKind::UnknownArgument => {
            let mut said = format!("unbekanntes Argument '{arg}'");
            tip(&mut said);
            if suggested.is_none() && arg.starts_with('-') {
                said.push_str(&format!("\n\n  Tipp: um '{arg}' als Wert zu übergeben, '-- {arg}' schreiben"));
            }
            said
        }
        ErrorKind::InvalidSubcommand => {
            let mut said = format!("unbekannter Befehl '{}'", get(ContextKind::InvalidSubcommand));
            tip(&mut said);
            said
        }
        ErrorKind::NoEquals => format!("'{arg}' braucht ein Gleichheitszeichen vor dem Wert"),
        ErrorKind::ValueValidation => {
            let mut said = format!("ungültiger Wert '{value}' für '{arg}': {}", why_invalid(e));
            if let Some(help) = help_of(command, &arg) {
                said.push_str(&format!("\n  {help}"));
            }
            said
        }
        ErrorKind::TooManyValues => format!("unerwarteter Wert '{value}' für '{arg}'; mehr Werte gehen nicht"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!(
            "'{arg}' braucht {} Werte, bekam {}",
            get(ContextKind::ExpectedNumValues).max(get(ContextKind::MinValues)),
            get(ContextKind::ActualNumValues)
        ),
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg);
            if prior.is_empty() || prior == arg {
                format!("'{arg}' darf nur einmal stehen")
            } else {
                format!("'{arg}' geht nicht zusammen mit '{prior}'")
            }
        }
        ErrorKind::MissingRequiredArgument => format!("es fehlt: {arg}"),
        ErrorKind::MissingSubcommand => {
            format!("'{}' braucht einen Befehl", get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidUtf8 => "ein Argument ist kein gültiges UTF-8".to_string(),
        _ => "die Argumente lassen sich nicht lesen".to_string(),
    };
    let usage = get(ContextKind::Usage);
    if !usage.is_empty() {
        said.push_str(&format!("\n\n{}", german_words(&usage)));
    }
    format!("Fehler: {said}\n\nMehr dazu mit '--help'.\n")
}

/// The help of the option that `shown` names as errors do (`--years <N>`), wherever it is
/// defined in `command`'s tree.
fn help_of(command: &clap::Command, shown: &str) -> Option<String> {
    let long = shown.strip_prefix("--")?.split([' ', '=']).next()?;
    let own = command.get_arguments().find(|a| a.get_long() == Some(long)).and_then(|a| a.get_help());
    own.map(|h| h.to_string()).or_else(|| command.get_subcommands().find_map(|sub| help_of(sub, shown)))
}

/// Why a value did not parse, as far as the parser's error tells: a number that is none, or too
/// large; otherwise out of the argument's range, which its help (shown below) names.
fn why_invalid(e: &clap::Error) -> &'static str {
    use std::num::IntErrorKind;
    let source = std::error::Error::source(e);
    match source.and_then(|s| s.downcast_ref::<std::num::ParseIntError>()).map(|p| *p.kind()) {
        Some(IntErrorKind::Empty) => "leer",
        Some(IntErrorKind::InvalidDigit) => "keine ganze Zahl",
        Some(IntErrorKind::PosOverflow | IntErrorKind::NegOverflow) => "die Zahl ist zu groß",
        _ => "außerhalb des erlaubten Bereichs",
    }
}

/// The man page (roff) in `lang`.
pub fn man_page(lang: Lang) -> std::io::Result<String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command(lang)).render(&mut page)?;
    let page = String::from_utf8_lossy(&page).into_owned();
    Ok(match lang {
        Lang::En => page,
        Lang::De => {
            // roff writes a hyphen as `\-` and an apostrophe as `\*(Aq`.
            let roff = |s: &str| s.replace('-', "\\-").replace('\'', "\\*(Aq");
            let values: Vec<(String, String)> = VALUES.iter().map(|(en, de)| (roff(en), roff(de))).collect();
            let values: Vec<(&str, &str)> = values.iter().map(|(en, de)| (en.as_str(), de.as_str())).collect();
            replace_all(&replace_all(&page, MAN_WORDS), &values)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("partnerdesk").chain(words.iter().copied()).map(OsString::from).collect()
    }

    /// The text parsing `words` stops with, and whether it is an error.
    fn stop(lang: Lang, words: &[&str]) -> (String, bool) {
        match parse(lang, args(words)).expect_err("parsing stops") {
            Stop::Clap(e) => (e.render().to_string(), e.use_stderr()),
            Stop::German { text, error } => (text, error),
        }
    }

    #[test]
    fn lang_comes_from_the_arguments_first() {
        assert_eq!(lang_of(&args(&["--lang", "de", "list"])), Lang::De);
        assert_eq!(lang_of(&args(&["list", "--lang=en"])), Lang::En);
        assert_eq!(lang_of(&args(&["query", "--", "--lang", "de"])), lang_of(&args(&[])));
    }

    /// Every command, with the path that reaches it.
    fn commands(command: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, clap::Command)>) {
        out.push((path.clone(), command.clone()));
        for sub in command.get_subcommands() {
            let mut path = path.clone();
            path.push(sub.get_name().to_string());
            commands(sub, path, out);
        }
    }

    #[test]
    fn every_command_argument_and_value_has_german_words() {
        let english = Args::command();
        let mut all = Vec::new();
        commands(&english, Vec::new(), &mut all);
        for (path, command) in &all {
            let name = path.last().map(String::as_str).unwrap_or("");
            let words = COMMANDS.iter().find(|c| c.name == name);
            let words = words.unwrap_or_else(|| panic!("no German help for `{name}`"));
            for arg in command.get_arguments().filter(|a| !a.is_global_set() || path.is_empty()) {
                let id = arg.get_id().as_str();
                assert!(words.args.iter().any(|(a, _)| *a == id), "no German help for `{name}`'s {id}");
                for value in arg.get_possible_values() {
                    if let Some(help) = value.get_help() {
                        let help = help.to_string();
                        assert!(VALUES.iter().any(|(en, _)| *en == help), "no German words for {help:?}");
                    }
                }
            }
        }
    }

    /// Words of clap's that must not show in German.
    const ENGLISH: [&str; 12] = [
        "Usage",
        "Options",
        "Arguments",
        "Commands",
        "Print",
        "default",
        "possible",
        "Possible",
        "Example",
        "error",
        "found",
        "Exit status",
    ];

    #[test]
    fn every_help_and_man_page_is_german() {
        let mut all = Vec::new();
        commands(&Args::command(), Vec::new(), &mut all);
        for (path, _) in &all {
            for flag in ["-h", "--help"] {
                let mut words: Vec<&str> = path.iter().map(String::as_str).collect();
                words.push(flag);
                let (help, error) = stop(Lang::De, &words);
                assert!(!error, "{words:?}");
                for english in ENGLISH {
                    assert!(!help.contains(english), "{english:?} in `{}`:\n{help}", words.join(" "));
                }
            }
        }
        let help = stop(Lang::De, &["list", "--help"]).0;
        assert!(help.contains("Aufruf: partnerdesk list [OPTIONEN] [WAS]"), "{help}");
        assert!(help.contains("- people:   Die Personen mit ihren Städten"), "{help}");
        assert!(help.contains("[Vorgabe: cities]") && help.contains("Beispiele:"), "{help}");
        let top = stop(Lang::De, &["-h"]).0;
        assert!(top.contains("Befehle:") && top.contains("Version zeigen"), "{top}");
        assert!(top.contains("Diese Hilfe oder die Hilfe der genannten Befehle zeigen"), "{top}");
        let page = man_page(Lang::De).unwrap();
        for english in [".SH SYNOPSIS", ".SH OPTIONS", "Print", "Possible", "[default", "Exit status", "Who at"] {
            assert!(!page.contains(english), "{english:?} in the German man page");
        }
        assert!(page.contains(".SH OPTIONEN") && page.contains("Wer in der Abteilung Internationales"));
        assert!(man_page(Lang::En).unwrap().contains(".SH OPTIONS"));
    }

    #[test]
    fn clap_errors_are_worded_in_german() {
        for (words, said) in [
            (&["--bogus"][..], "Fehler: unbekanntes Argument '--bogus'"),
            (&["lsit"], "Fehler: unbekannter Befehl 'lsit'\n\n  Tipp: gemeint ist vielleicht 'list'"),
            (
                &["--lang", "fr", "list"],
                "'fr' ist kein erlaubter Wert für '--lang <SPRACHE>'\n  [mögliche Werte: de, en]",
            ),
            (&["query", "--limit", "viele", "x"], "ungültiger Wert 'viele' für '--limit <N>': keine ganze Zahl"),
            (
                &["anniversaries", "--years", "500"],
                "ungültiger Wert '500' für '--years <N>': außerhalb des erlaubten Bereichs\n  \
                 Wie viele Jahre betrachtet werden, 1 bis 100",
            ),
            (&["query"], "Fehler: es fehlt: <TEXT>..."),
            (&["export", "--vcard", "--out", "a", "--split", "b"], "'--out <DATEI>' geht nicht zusammen mit"),
            (&["diff", "a"], "es fehlt: <NEU>"),
            (&["list", "--format"], "für '--format <FORMAT>' fehlt ein Wert"),
        ] {
            let (text, error) = stop(Lang::De, words);
            assert!(error, "{words:?}");
            assert!(text.contains(said), "{words:?}: {text}");
            assert!(text.starts_with("Fehler: ") && text.ends_with("Mehr dazu mit '--help'.\n"), "{text}");
            for english in ENGLISH {
                assert!(!text.contains(english), "{english:?} in {words:?}: {text}");
            }
        }
        // English stays clap's own.
        let (text, error) = stop(Lang::En, &["--bogus"]);
        assert!(error && text.contains("unexpected argument '--bogus' found"), "{text}");
    }

    #[cfg(unix)]
    #[test]
    fn an_editor_failure_is_worded_without_rusts_exit_status() {
        use std::os::unix::process::ExitStatusExt;
        let code = crate::i18n::editor_failed("vim", &std::process::ExitStatus::from_raw(1 << 8));
        assert_eq!(code.de, "der Editor `vim` endete mit dem Fehlercode 1; nichts gespeichert");
        assert_eq!(code.en, "the editor `vim` ended with error code 1; nothing saved");
        let killed = crate::i18n::editor_failed("vim", &std::process::ExitStatus::from_raw(9));
        assert_eq!(killed.de, "der Editor `vim` wurde durch das Signal 9 beendet; nichts gespeichert");
    }
}
