//! `partnerdesk edit`: the data file in the user's editor, as visudo and `kubectl edit` do it. The
//! editor works on a copy; an invalid save reopens it with the problems written at the top; a
//! valid one is installed through the lock, never over a colleague's save.

use std::io::{BufRead, Write};
use std::path::Path;

use super::{Args, Failure, Out, keep};
use crate::directory::{DataError, Source};
use crate::exit::ExitStatus;
use crate::i18n::Lang;

/// Marks the lines partnerdesk writes at the top of the copy; they are removed before checking.
pub const HEADER: &str = "// partnerdesk: ";

/// Opens the data file in the editor until it is valid, unchanged or emptied, then installs it.
pub fn run(args: &Args, out: &mut Out) -> Result<ExitStatus, Failure> {
    let lang = args.lang();
    let path = keep::data_file(args, "edit")?;
    let lock = match keep::take_lock(&path, lang)? {
        Ok(lock) => lock,
        Err(status) => return Ok(status),
    };
    if !path.exists() && !start_from_embedded(&path, lang)? {
        return Ok(ExitStatus::NotChanged);
    }
    let source = Source::File(path.clone());
    // One read: the text, and the bytes the edit starts from (BOM and line ends included).
    let original = crate::directory::read(&path, &source)?;
    let started_from = original.clone().into_bytes();
    let year = crate::clock::current_year();
    let copy = tempfile::Builder::new()
        .prefix("partnerdesk-")
        .suffix(".ron")
        .tempfile()
        .map_err(|e| cannot(&std::env::temp_dir(), &e))?
        .into_temp_path();
    std::fs::write(&copy, &original).map_err(|e| cannot(&copy, &e))?;
    let editor = editor();
    loop {
        run_editor(&editor, &copy)?;
        let body = match crate::directory::read(&copy, &Source::File(copy.to_path_buf())) {
            Ok(text) => strip_header(&text),
            Err(problem) => {
                // Not UTF-8, or too large: the text as far as it can be read, with the problem.
                let bytes = std::fs::read(&copy).map_err(|e| cannot(&copy, &e))?;
                let body = strip_header(&String::from_utf8_lossy(&bytes));
                write_with_problems(&copy, &[problem.summary(lang)], &body, lang)?;
                continue;
            }
        };
        if body.trim().is_empty() {
            keep::say(crate::i18n::edit_emptied(&path.display().to_string()).get(lang));
            return Ok(ExitStatus::NotChanged);
        }
        // A byte-order mark (Notepad's) is not part of the text, and stays as it was.
        let bom = if original.starts_with('\u{feff}') { "\u{feff}" } else { "" };
        if body == original.strip_prefix('\u{feff}').unwrap_or(&original) {
            out.line(crate::i18n::edit_unchanged(&path.display().to_string()).get(lang))?;
            return Ok(ExitStatus::Success);
        }
        match crate::directory::parse_text(&body, source.clone(), year) {
            Ok(new) => {
                let old = crate::directory::parse_text(&original, source.clone(), year).ok();
                let text = format!("{bom}{body}");
                let old = old.as_ref().map(|d| d.data());
                let status = keep::install(&path, &started_from, &text, (old, new.data()), lang, out);
                drop(lock);
                return status;
            }
            Err(problem) => write_with_problems(&copy, &problems(&problem, lang), &body, lang)?,
        }
    }
}

fn cannot(path: &Path, error: &std::io::Error) -> Failure {
    Failure::Usage(crate::i18n::file_error(path, error))
}

/// Every problem of an invalid file as `line N: …`, with N counted in the file as the editor
/// shows it: the header of one line plus one per problem comes first.
fn problems(error: &DataError, lang: Lang) -> Vec<String> {
    let DataError::Invalid { problems, .. } = error else {
        return vec![error.summary(lang)];
    };
    let header = 1 + problems.len();
    problems
        .iter()
        .map(|p| {
            let message = p.message.get(lang);
            match p.line {
                Some(line) => crate::i18n::at_line(line + header, message).get(lang).to_string(),
                None => message.to_string(),
            }
        })
        .collect()
}

/// Writes `body` to the copy with the problems as comment lines above it.
fn write_with_problems(copy: &Path, problems: &[String], body: &str, lang: Lang) -> Result<(), Failure> {
    let intro = crate::i18n::edit_not_saved();
    let mut text = format!("{HEADER}{}\n", intro.get(lang));
    for problem in problems {
        text.push_str(&format!("{HEADER}{}\n", problem.replace('\n', " ")));
    }
    text.push_str(body);
    std::fs::write(copy, text).map_err(|e| cannot(copy, &e))
}

/// The text without the lines partnerdesk wrote at its top.
pub fn strip_header(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rest = text;
    while rest.starts_with(HEADER) {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    rest.to_string()
}

/// Asks whether to start a missing data file from the embedded directory, and does so.
fn start_from_embedded(path: &Path, lang: Lang) -> Result<bool, Failure> {
    let question = crate::i18n::start_file(&path.display().to_string());
    let _ = write!(std::io::stderr().lock(), "partnerdesk: {}", question.get(lang));
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes" | "j" | "ja") {
        keep::say(crate::i18n::nothing_created().get(lang));
        return Ok(false);
    }
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| cannot(path, &e))?;
    file.write_all(crate::directory::EMBEDDED.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| cannot(path, &e))?;
    Ok(true)
}

/// The editor to use: `$VISUAL`, then `$EDITOR`, then Notepad on Windows, and the first of
/// `editor`, `nano` and `vi` found on Unix. It may carry arguments (`code --wait`), as in git.
fn editor() -> String {
    let set = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    if let Some(editor) = set("VISUAL").or_else(|| set("EDITOR")) {
        return editor;
    }
    if cfg!(windows) {
        return "notepad".into();
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    ["editor", "nano", "vi"]
        .into_iter()
        .find(|name| std::env::split_paths(&path).any(|dir| dir.join(name).is_file()))
        .unwrap_or("vi")
        .into()
}

/// Runs `editor` on `file` through the shell, as git does, and waits for it.
fn run_editor(editor: &str, file: &Path) -> Result<(), Failure> {
    let status = if cfg!(windows) {
        std::process::Command::new("cmd").arg("/C").arg(format!("{editor} \"{}\"", file.display())).status()
    } else {
        std::process::Command::new("sh").arg("-c").arg(format!("{editor} \"$@\"")).arg(editor).arg(file).status()
    };
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(Failure::Usage(crate::i18n::editor_failed(editor, &status))),
        Err(e) => Err(Failure::Usage(crate::i18n::editor_not_started(editor, &e))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_removed_before_checking() {
        let text = format!("{HEADER}not saved\n{HEADER}line 3: x\nDirectory(\n// a comment of the user's\n");
        assert_eq!(strip_header(&text), "Directory(\n// a comment of the user's\n");
        assert_eq!(strip_header("Directory()"), "Directory()");
    }
}
