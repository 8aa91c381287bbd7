//! Standard error: the one place that writes to it, and so the one place that puts
//! `partnerdesk: ` before a message. A sentence in `i18n` never carries the prefix; whoever
//! reports it hands the [`Bilingual`] here with the language.
//!
//! Two kinds of text go out without the prefix, through [`verbatim`]: a data file's problems,
//! which begin with where they are (`directory.ron:12:5: …`, as a compiler's do, so that an
//! editor can jump there), and clap's own argument errors (`error: …`).

use std::io::{IsTerminal, Write};

use crate::i18n::{Bilingual, Lang};

/// What starts every message of partnerdesk's own on standard error.
pub const PREFIX: &str = "partnerdesk: ";

/// `message` in `lang` as standard error shows it: `partnerdesk: …`.
pub fn line<S: AsRef<str>>(message: &Bilingual<S>, lang: Lang) -> String {
    format!("{PREFIX}{}", message.get(lang))
}

/// Writes `message` in `lang` as a line on standard error (which may itself be gone: that is not
/// worth a panic).
pub fn say<S: AsRef<str>>(message: &Bilingual<S>, lang: Lang) {
    write(&format!("{}\n", line(message, lang)));
}

/// Writes `text`, a message already in the user's language (the view's code chose it), as a line.
pub fn say_in_lang(text: &str) {
    write(&format!("{PREFIX}{text}\n"));
}

/// Writes `message`, then `details` that belong to it (a conflict's differences), each indented
/// by two spaces on lines of its own.
pub fn say_with<S: AsRef<str>>(message: &Bilingual<S>, lang: Lang, details: &[String]) {
    let mut text = format!("{}\n", line(message, lang));
    for detail in details {
        text.push_str(&format!("  {}\n", detail.replace('\n', "\n  ")));
    }
    write(&text);
}

/// Asks `question` in `lang`; the answer is typed on the same line.
pub fn ask<S: AsRef<str>>(question: &Bilingual<S>, lang: Lang) {
    write(&line(question, lang));
}

/// Writes `text` as it is: a data file's problems, or clap's argument errors (see above).
pub fn verbatim(text: &str) {
    write(text);
}

/// True when standard error is a terminal: where a word for an empty result helps a person and
/// would only disturb a script.
pub fn is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

fn write(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

    fn sources(folder: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }

    /// Every Rust file under `src/`, as `(src/…/name.rs, its text)`, for tests that read the source.
    pub(crate) fn src() -> Vec<(String, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut found = Vec::new();
        sources(&root.join("src"), &mut found);
        found.sort();
        found
            .into_iter()
            .map(|path| {
                let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                (name, std::fs::read_to_string(&path).unwrap())
            })
            .collect()
    }

    #[test]
    fn a_message_is_prefixed_once() {
        let said = line(&crate::i18n::nothing_found("plock"), Lang::En);
        assert_eq!(said, "partnerdesk: nothing matches \"plock\"");
    }

    /// A new message written to standard error anywhere else would go out without the prefix (or
    /// with one typed by hand): this finds it.
    #[test]
    fn only_this_module_writes_to_standard_error() {
        // The view writes what it has to say after the terminal is restored, by hand still.
        let allowed = ["src/stderr.rs"];
        let writers = ["io::stderr()", "eprint"];
        let mut found = Vec::new();
        for (name, text) in src() {
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                if writers.iter().any(|w| code.contains(w)) && !allowed.contains(&name.as_str()) {
                    found.push(format!("{name}:{}: {}", n + 1, line.trim()));
                }
            }
        }
        assert!(found.is_empty(), "standard error is written through crate::stderr only:\n{}", found.join("\n"));
    }

    /// The prefix comes from here; a sentence that carried it too would say it twice.
    #[test]
    fn no_sentence_carries_the_prefix() {
        let found: Vec<String> = src()
            .into_iter()
            .filter(|(name, _)| name != "src/stderr.rs")
            .flat_map(|(name, text)| {
                let lines: Vec<String> = text
                    .lines()
                    .enumerate()
                    .filter(|(_, line)| line.contains("\"partnerdesk: "))
                    .map(|(n, line)| format!("{name}:{}: {}", n + 1, line.trim()))
                    .collect();
                lines
            })
            .collect();
        assert!(found.is_empty(), "the prefix is added by crate::stderr alone:\n{}", found.join("\n"));
    }
}
