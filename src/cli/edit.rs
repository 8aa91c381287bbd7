//! `partnerdesk edit`: the data file in the user's editor, as visudo and `kubectl edit` do it. The
//! editor works on a copy; an invalid save reopens it with the problems written at the top; a
//! valid one is installed through the lock, never over a colleague's save.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use super::{Args, Failure, Out, keep};
use crate::directory::{DataError, Source};
use crate::exit::ExitStatus;
use crate::i18n::Lang;

/// Marks the lines partnerdesk writes at the top of the copy; they are removed before checking.
pub const HEADER: &str = "// partnerdesk: ";

/// Opens the data file in the editor until it is valid, unchanged or emptied, then installs it.
///
/// The editor works on a copy, which is the user's work: it is removed only once the edit is
/// installed, discarded or left unchanged. On any failure, a non-zero exit of the editor after
/// changes, SIGHUP or SIGTERM, it stays and its path is printed. While the editor runs, Ctrl-C
/// and Ctrl-\\ are the editor's (as in git); the lock is the OS's, freed however this ends.
pub fn run(args: &Args, out: &mut Out) -> Result<ExitStatus, Failure> {
    let lang = args.lang();
    let path = keep::data_file(args, "edit")?;
    let lock = match keep::take_lock(&path, lang)? {
        Ok(lock) => lock,
        Err(status) => return Ok(status),
    };
    let source = Source::File(path.clone());
    // One read: the text, and the bytes the edit starts from (BOM and line ends included). A
    // missing file starts from the embedded directory, and is created only by the install.
    let (original, started_from) = if path.exists() {
        let original = crate::directory::read(&path, &source)?;
        let bytes = original.clone().into_bytes();
        (original, Some(bytes))
    } else if start_from_embedded(&path, lang) {
        (crate::directory::EMBEDDED.to_string(), None)
    } else {
        return Ok(ExitStatus::NotChanged);
    };
    let year = crate::clock::current_year();
    let copy = Copy::new(&original)?;
    let editor = editor();
    let status = loop {
        let edited = {
            let _signals = signals::while_editing(&copy.path, lang);
            run_editor(&editor, &copy.path)
        };
        let body = match read_copy(&copy.path) {
            Ok(Ok(text)) => strip_header(&text),
            Ok(Err(())) => {
                // Not UTF-8: left exactly as it is, and the problem said here, not written into it.
                edited.map_err(|failure| copy.kept(failure, lang))?;
                crate::stderr::say(&crate::i18n::copy_not_utf8(&copy.path), lang);
                continue;
            }
            Err(e) => return Err(copy.kept(cannot(&copy.path, &e), lang)),
        };
        let unchanged = body == original.strip_prefix('\u{feff}').unwrap_or(&original);
        if let Err(failure) = edited {
            // The editor failed: its work, if it did any, is kept.
            return Err(if unchanged { failure } else { copy.kept(failure, lang) });
        }
        if body.trim().is_empty() {
            let said = match started_from {
                Some(_) => crate::i18n::edit_emptied(&path.display().to_string()),
                None => crate::i18n::nothing_created_file(&path.display().to_string()),
            };
            crate::stderr::say(&said, lang);
            break ExitStatus::NotChanged;
        }
        if unchanged && started_from.is_some() {
            out.line(crate::i18n::edit_unchanged(&path.display().to_string()).get(lang))?;
            break ExitStatus::Success;
        }
        // A byte-order mark (Notepad's) is not part of the text, and stays as it was.
        let bom = if original.starts_with('\u{feff}') { "\u{feff}" } else { "" };
        match crate::directory::parse_text(&body, source.clone(), year) {
            Ok(new) => {
                let old = started_from
                    .as_ref()
                    .and_then(|_| crate::directory::parse_text(&original, source.clone(), year).ok());
                let text = format!("{bom}{body}");
                let old = old.as_ref().map(|d| d.data());
                let installed = keep::install(&path, started_from.as_deref(), &text, (old, new.data()), lang, out);
                break installed.map_err(|failure| copy.kept(failure, lang))?;
            }
            Err(problem) => {
                let problems = problems(&problem, lang);
                write_with_problems(&copy.path, &problems, &body, lang).map_err(|f| copy.kept(f, lang))?;
                // As visudo does: the editor opens again only when someone says so. No answer
                // (no terminal, a script) ends the edit, the copy kept, rather than loop forever.
                crate::stderr::say_with(&crate::i18n::edit_has_problems(), lang, &problems);
                if !answered_yes(&crate::i18n::edit_again(), lang, true) {
                    return Err(copy.kept(Failure::Usage(crate::i18n::edit_not_saved_ended()), lang));
                }
            }
        }
    };
    drop(lock);
    copy.remove();
    Ok(status)
}

/// The copy the editor works on, in the temporary folder. It is never removed by a destructor:
/// only [`Copy::remove`] removes it, once the edit has ended well.
struct Copy {
    path: PathBuf,
}

impl Copy {
    fn new(text: &str) -> Result<Copy, Failure> {
        let file = tempfile::Builder::new()
            .prefix("partnerdesk-")
            .suffix(".ron")
            .tempfile()
            .map_err(|e| cannot(&std::env::temp_dir(), &e))?;
        let (_, path) = file.keep().map_err(|e| cannot(&std::env::temp_dir(), &e.error))?;
        std::fs::write(&path, text).map_err(|e| cannot(&path, &e))?;
        Ok(Copy { path })
    }

    /// `failure`, with where the work is kept said first.
    fn kept(&self, failure: Failure, lang: Lang) -> Failure {
        crate::stderr::say(&crate::i18n::work_kept(&self.path), lang);
        failure
    }

    fn remove(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The copy's text: `Ok(Err(()))` where it is not UTF-8. UTF-16 with a byte-order mark
/// (Notepad's "Unicode") is decoded.
fn read_copy(path: &Path) -> std::io::Result<Result<String, ()>> {
    let bytes = std::fs::read(path)?;
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units = rest.chunks_exact(2).map(|c| unit([c[0], c[1]]));
        char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| ())
    };
    Ok(match bytes.as_slice() {
        [0xff, 0xfe, rest @ ..] if rest.len() % 2 == 0 => utf16(rest, u16::from_le_bytes),
        [0xfe, 0xff, rest @ ..] if rest.len() % 2 == 0 => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes).map_err(|_| ()),
    })
}

/// While the editor runs: Ctrl-C and Ctrl-\\ go to the editor alone, and SIGHUP or SIGTERM end
/// partnerdesk saying where the work is (the OS frees the lock).
mod signals {
    use std::path::Path;

    use crate::i18n::Lang;

    /// Undone when dropped.
    #[cfg(unix)]
    pub struct Editing {
        ignored: Vec<signal_hook::SigId>,
        ending: signal_hook::iterator::Handle,
        watcher: Option<std::thread::JoinHandle<()>>,
    }

    #[cfg(unix)]
    pub fn while_editing(copy: &Path, lang: Lang) -> Option<Editing> {
        use std::sync::Arc;
        use std::sync::atomic::AtomicBool;

        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        // A handler that only sets a flag: the signal no longer ends partnerdesk, and the editor,
        // started afresh by exec, keeps the default.
        let flag = Arc::new(AtomicBool::new(false));
        let ignored =
            [SIGINT, SIGQUIT].iter().filter_map(|&s| signal_hook::flag::register(s, flag.clone()).ok()).collect();
        let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM]).ok()?;
        let ending = signals.handle();
        let copy = copy.to_path_buf();
        let watcher = std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                crate::stderr::say(&crate::i18n::edit_interrupted(&copy), lang);
                std::process::exit(128 + signal);
            }
        });
        Some(Editing { ignored, ending, watcher: Some(watcher) })
    }

    #[cfg(unix)]
    impl Drop for Editing {
        fn drop(&mut self) {
            self.ending.close();
            for id in self.ignored.drain(..) {
                signal_hook::low_level::unregister(id);
            }
            if let Some(watcher) = self.watcher.take() {
                let _ = watcher.join();
            }
        }
    }

    /// Windows: Ctrl-C reaches the console's processes alike; the lock is freed however
    /// partnerdesk ends, and the copy stays in the temporary folder.
    #[cfg(not(unix))]
    pub fn while_editing(_copy: &Path, _lang: Lang) -> Option<()> {
        None
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

/// Asks whether to start a missing data file from the embedded directory.
fn start_from_embedded(path: &Path, lang: Lang) -> bool {
    let yes = answered_yes(&crate::i18n::start_file(&path.display().to_string()), lang, false);
    if !yes {
        crate::stderr::say(&crate::i18n::nothing_created(), lang);
    }
    yes
}

/// Asks `question` and reads the answer from standard input: yes or no in either language, and
/// an empty line is `default`. No answer at all (the end of the input) is always no.
fn answered_yes(question: &crate::i18n::Bilingual, lang: Lang, default: bool) -> bool {
    crate::stderr::ask(question, lang);
    let mut answer = String::new();
    match std::io::stdin().lock().read_line(&mut answer) {
        Ok(0) | Err(_) => false,
        Ok(_) => match answer.trim().to_lowercase().as_str() {
            "" => default,
            answer => matches!(answer, "y" | "yes" | "j" | "ja"),
        },
    }
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
