//! The line-by-line dialogue for screen readers (`partnerdesk --accessible`): a prompt, a line
//! typed, an answer in whole sentences. No colour, no box drawing, no cursor movement: only lines
//! a screen reader or a braille display can follow.
//!
//! It is a third front end over the same library: [`dialogue`] drives the view's model and
//! `update` with the view's messages, [`answer`] reads an entry out in the sentences of
//! `i18n::spoken`, [`verbs`] is the table of command words, [`lines`] reads from a line editor
//! or a pipe, and [`world`] is the one place where the clipboard, the link handlers and the
//! journal of phone messages are used.

pub mod answer;
pub mod dialogue;
pub mod lines;
mod signals;
pub mod verbs;
pub mod world;

#[cfg(test)]
mod tests;

use std::io::{self, IsTerminal};

use crate::cli::{Args, Failure, Out};
use crate::directory::Source;
use crate::exit::ExitStatus;
use crate::i18n::spoken;
use crate::tui::app::App;
use dialogue::{Dialogue, Ended};
use lines::{Plain, Terminal};

/// How messages name the terminal.
const TERMINAL: crate::i18n::Bilingual<&str> = crate::i18n::Bilingual { de: "das Terminal", en: "the terminal" };

/// The size the view's model is given: the dialogue draws nothing, so any size will do.
const NO_SCREEN: (u16, u16) = (80, 24);

/// True when the dialogue is asked for: `--accessible`, `PARTNERDESK_ACCESSIBLE` set to anything
/// but `0` or empty (clap reads it), or `TERM=dumb`, which cannot show the full-screen view.
pub fn wanted(flag: bool, term: Option<&std::ffi::OsStr>) -> bool {
    flag || term.is_some_and(|term| term == "dumb")
}

/// Runs the dialogue on standard input and output: with a line editor when both are a terminal,
/// plain lines otherwise.
pub fn run(args: &Args) -> Result<ExitStatus, Failure> {
    let lang = args.lang();
    let year = crate::clock::current_year();
    let source = args.source();
    // As the view: a data file that cannot be used gives way to its last good copy, or else the
    // embedded directory, and the dialogue says so first (on standard error, the answers' stream
    // left to the answers).
    let crate::tui::Loaded { indexed, fallback } = crate::tui::load(&source, year, args.cache())?;
    if let (Some((problem, saved)), Source::File(path)) = (fallback, &source) {
        let saved = saved.map(|saved| crate::clock::date_time_of(saved, lang));
        let file = path.display().to_string();
        let told = spoken::data_fallback(&file, args.source_origin(), &problem.summary(lang), saved.as_deref());
        for sentence in told {
            crate::stderr::say(&sentence, lang);
        }
    }
    let app = App::from_loaded(indexed, lang, crate::clock::today(), NO_SCREEN);
    let (world, journal_problem) = world::System::open(lang);
    if let Some(problem) = journal_problem {
        crate::stderr::say_in_lang(&spoken::sentence(&problem));
    }
    let mut dialogue = Dialogue::new(app, world);
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        signals::restore_on_signals().map_err(|error| Failure::Output { name: TERMINAL, error })?;
        let mut terminal = Terminal::new()?;
        let ended = dialogue.run(&mut terminal);
        finish(ended, terminal.finish())
    } else {
        let mut plain = Plain::new(io::stdin().lock(), Out::stdout());
        let ended = dialogue.run(&mut plain);
        finish(ended, plain.finish())
    }
}

/// The exit status: 0 when the user quit or the input ended.
fn finish(ended: Result<Ended, Failure>, flushed: Result<(), Failure>) -> Result<ExitStatus, Failure> {
    let _ = ended?;
    flushed?;
    Ok(ExitStatus::Success)
}
