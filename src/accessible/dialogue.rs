//! The dialogue itself: a line typed is a search, a number or a command; the answer is said in
//! sentences. The view's model and `update` do the work: the dialogue sends them the same
//! messages as the view's keys, hands their commands to the [`World`], and reads out what they
//! leave in the model.

use super::answer;
use super::lines::{Lines, Read};
use super::verbs::{self, Input, Verb};
use super::world::World;
use crate::cli::Failure;
use crate::handover::Outcome;
use crate::i18n::spoken::{self, sentence};
use crate::i18n::{self, Bilingual, Lang};
use crate::notes::Entry;
use crate::tui::app::{App, NotePrompt};
use crate::tui::field::Edit;
use crate::tui::message::{Action, Command, Copied, CopyOutcome, Message};
use crate::tui::update::{self, Responsible};

/// How many of the other hits are named after the first is read.
const NAMED: usize = 9;

/// Where the kept phone messages are listed, as the dialogue names it where the view names its key.
const NOTES_COMMAND: &str = "partnerdesk notes";

/// What came of carrying out a command, as far as the dialogue says it in words of its own.
#[derive(Debug, Default)]
struct Came {
    /// A copy no clipboard took: its text and what it is, to be read out and copied by hand.
    by_hand: Option<(String, Copied)>,
    /// The journal's answer when a note was written ahead (its entry, or why not).
    saved: Option<Result<Entry, String>>,
    /// How the mail program took a note.
    mailed: Option<Outcome>,
    /// How copying a note went.
    note_copy: Option<CopyOutcome>,
}

/// The dialogue's state: the view's model, the world it acts on, and the last answer.
pub struct Dialogue<W> {
    app: App,
    world: W,
    last: Vec<String>,
}

/// How the dialogue ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user asked to quit, or pressed Ctrl-C at the search prompt.
    Quit,
    /// The input ended.
    InputEnded,
}

impl<W: World> Dialogue<W> {
    /// A dialogue over `app`'s data, acting on `world`.
    pub fn new(app: App, world: W) -> Self {
        Dialogue { app, world, last: Vec::new() }
    }

    fn lang(&self) -> Lang {
        self.app.lang
    }

    fn say(&self, lines: &mut impl Lines, sentence: Bilingual) -> Result<(), Failure> {
        lines.say(sentence.get(self.lang()))
    }

    /// Reads and answers lines until the user quits or the input ends.
    pub fn run(&mut self, lines: &mut impl Lines) -> Result<Ended, Failure> {
        let lang = self.lang();
        if lines.interactive() {
            let (help, quit) = (verbs::short(Verb::Help), verbs::short(Verb::Quit));
            self.say(lines, spoken::welcome(help.get(lang), quit.get(lang)))?;
        }
        let prompt = format!("{}: ", lang.text().search);
        loop {
            let line = match lines.read(&prompt)? {
                Read::Line(line) => line,
                Read::End => return Ok(Ended::InputEnded),
                Read::Interrupted => return Ok(Ended::Quit),
            };
            match verbs::classify(&line, lang) {
                Input::Empty => {
                    let help = verbs::short(Verb::Help);
                    self.say(lines, spoken::empty_line(help.get(lang)))?;
                }
                Input::Verb(Verb::Quit) => return Ok(Ended::Quit),
                Input::Verb(Verb::Help) => self.help(lines)?,
                Input::Verb(Verb::Repeat) => {
                    for line in self.last.clone() {
                        lines.say(&line)?;
                    }
                    if self.last.is_empty() {
                        self.say(lines, spoken::nothing_read())?;
                    }
                }
                Input::Verb(Verb::Note | Verb::CopyPhone | Verb::CopyEmail | Verb::Call | Verb::Write)
                    if !self.answered() =>
                {
                    self.say(lines, spoken::nothing_read())?;
                }
                Input::Verb(Verb::Note) => {
                    if self.note(lines)? == Some(Ended::InputEnded) {
                        return Ok(Ended::InputEnded);
                    }
                }
                Input::Verb(verb) => self.act(lines, verb)?,
                Input::Number(number) => self.read_hit(lines, number)?,
                Input::Search(text) => self.search(lines, &text)?,
            }
        }
    }

    /// True when the last search read out a hit: only then do the commands have one to act on.
    /// (Before any search, and after one of filler words alone, the view's model lists every
    /// entry, which the dialogue has not said.)
    fn answered(&self) -> bool {
        !self.app.query.trim().is_empty() && self.app.only_filler().is_none() && self.app.selection().is_some()
    }

    /// The commands of the UI language, from the table that also understands them.
    fn help(&self, lines: &mut impl Lines) -> Result<(), Failure> {
        let lang = self.lang();
        self.say(lines, spoken::commands_heading())?;
        for entry in verbs::VERBS {
            let words = verbs::words(entry.verb, lang);
            self.say(lines, spoken::command_line(words, entry.does.get(lang)))?;
        }
        let example = format!("'{}", verbs::words(Verb::Help, lang).last().copied().unwrap_or_default());
        for sentence in spoken::help_rest(&example) {
            self.say(lines, sentence)?;
        }
        Ok(())
    }

    /// Searches as the view's search line does, and reads out the count, the first hit and the
    /// others' names with their numbers.
    fn search(&mut self, lines: &mut impl Lines, text: &str) -> Result<(), Failure> {
        let lang = self.lang();
        update::update(&mut self.app, Message::Action(Action::Edit(Edit::Clear)));
        // A line sent with Enter is finished: its last word is a whole word, not one still being
        // typed (the view's search waits on half a word; the blank after it says it is whole).
        update::update(&mut self.app, Message::Paste(format!("{text} ")));
        let mut said = Vec::new();
        if let Some(words) = self.app.only_filler() {
            said.push(sentence(crate::i18n::only_filler_words(&words).get(lang)));
        } else if let Some(first) = self.app.hits.first().copied() {
            let count = self.app.hits.len();
            said.push(spoken::hits_found(count, first.approximate, first.partial).get(lang).to_string());
            said.extend(answer::selected(&self.app));
            if count > 1 {
                said.push(spoken::others_follow().get(lang).to_string());
                for (i, hit) in self.app.hits.iter().enumerate().skip(1).take(NAMED) {
                    let name = crate::tui::text::clean(self.app.index.name(hit.entry));
                    said.push(spoken::numbered(i + 1, &name, &answer::who(&self.app, hit.entry)));
                }
                if count > NAMED + 1 {
                    said.push(spoken::more_hits(count - NAMED - 1).get(lang).to_string());
                }
            }
        } else {
            said.push(spoken::no_hits(&crate::tui::text::clean(text)).get(lang).to_string());
        }
        self.answer(lines, said)
    }

    /// Reads hit `number` (counted from 1) of the last search, which is selected from then on.
    fn read_hit(&mut self, lines: &mut impl Lines, number: usize) -> Result<(), Failure> {
        let count = if self.answered() { self.app.hits.len() } else { 0 };
        if number == 0 || number > count {
            return self.say(lines, spoken::no_such_hit(number, count));
        }
        update::update(&mut self.app, Message::Select(number - 1));
        let mut said = vec![spoken::hit_of(number, count).get(self.lang()).to_string()];
        said.extend(answer::selected(&self.app));
        self.answer(lines, said)
    }

    /// Says an answer and keeps it for "repeat".
    fn answer(&mut self, lines: &mut impl Lines, said: Vec<String>) -> Result<(), Failure> {
        for line in &said {
            lines.say(line)?;
        }
        self.last = said;
        Ok(())
    }

    /// Copy, call or write: the view's action on the selected hit, its commands carried out, and
    /// its outcome said as the view's footer says it; a copy that failed reads out its text, so
    /// that it can be copied by hand.
    fn act(&mut self, lines: &mut impl Lines, verb: Verb) -> Result<(), Failure> {
        let lang = self.lang();
        // The view names its keys here; the dialogue names its words.
        if let Some(Responsible::Office(_)) = update::responsible(&self.app) {
            let refusal = match verb {
                Verb::CopyPhone => Some(crate::i18n::no_office_phone(verbs::short(Verb::CopyEmail))),
                Verb::Call => Some(crate::i18n::office_no_call(verbs::short(Verb::Write))),
                _ => None,
            };
            if let Some(refusal) = refusal {
                return lines.say(&sentence(refusal.get(lang)));
            }
        }
        let Some(action) = verb.action() else { return Ok(()) };
        self.app.status = None;
        let command = update::update(&mut self.app, Message::Action(action));
        let mut came = Came::default();
        self.carry_out(command, &mut came);
        self.say_status(lines)?;
        if let Some((text, what)) = came.by_hand {
            let label = match what {
                Copied::Phone => lang.text().phone_number,
                Copied::Email => lang.text().email_address,
                Copied::Note => lang.text().phone_message,
            };
            self.say(lines, spoken::copy_by_hand(label, &crate::tui::text::clean(&text)))?;
        }
        Ok(())
    }

    /// Hands `command` to the world and what came of it back to `update`, and so on for the
    /// commands `update` returns then (a link no program took is copied instead; a note no mail
    /// program took is copied), noting in `came` what the dialogue says in words of its own.
    fn carry_out(&mut self, command: Option<Command>, came: &mut Came) {
        let Some(command) = command else { return };
        let copying = match &command {
            Command::Copy(text, what) => Some((text.clone(), *what)),
            _ => None,
        };
        let note_copy = matches!(command, Command::CopyNote { .. });
        for message in self.world.perform(command) {
            match &message {
                Message::Copied(outcome) if note_copy => came.note_copy = Some(outcome.clone()),
                Message::Copied(CopyOutcome::Failed) => came.by_hand.clone_from(&copying),
                Message::NoteSaved { saved, .. } => came.saved = Some(saved.clone()),
                Message::NoteSent { mail, .. } => came.mailed = Some(mail.clone()),
                _ => {}
            }
            let next = update::update(&mut self.app, message);
            self.carry_out(next, came);
        }
    }

    /// The footer's message, as a sentence, once.
    fn say_status(&mut self, lines: &mut impl Lines) -> Result<(), Failure> {
        if let Some(status) = self.app.status.take() {
            lines.say(&sentence(&crate::tui::text::clean(&status.text)))?;
        }
        Ok(())
    }

    /// A phone message for whoever answers for the selected hit: one prompt per field, then sent
    /// as the view sends it. `Some` when the input ended meanwhile; Ctrl-C drops the note (its
    /// text read out) and returns to the search.
    fn note(&mut self, lines: &mut impl Lines) -> Result<Option<Ended>, Failure> {
        let lang = self.lang();
        update::update(&mut self.app, Message::Now(crate::clock::local_date_time(lang)));
        self.app.status = None;
        update::update(&mut self.app, Message::Action(Action::StartNote));
        let Some(note) = &self.app.note else {
            self.say_status(lines)?;
            return Ok(None);
        };
        let about = note.about.as_ref().map(|about| about.title().get(lang).to_string());
        self.say(lines, spoken::note_start(&note.to, about.as_deref()))?;
        let text = lang.text();
        let labels = [text.caller, text.callback, text.concern];
        let mut again = false;
        loop {
            for (field, label) in labels.iter().enumerate() {
                // Asked again for a caller or a concern, the call-back number stays as typed.
                if !(again && field == 1) {
                    match lines.read(&format!("{label}: "))? {
                        Read::Line(typed) if !typed.trim().is_empty() => {
                            update::update(&mut self.app, Message::Paste(typed));
                        }
                        Read::Line(_) => {}
                        Read::End => return self.abandon_note(lines, Ended::InputEnded).map(Some),
                        Read::Interrupted => return self.abandon_note(lines, Ended::Quit).map(|_| None),
                    }
                }
                let command = update::update(&mut self.app, Message::Action(Action::NoteEnter));
                if command.is_some() {
                    let mut came = Came::default();
                    self.carry_out(command, &mut came);
                    self.note_outcome(lines, &came)?;
                    return Ok(None);
                }
            }
            let Some(note) = &self.app.note else { return Ok(None) };
            if note.prompt != Some(NotePrompt::NeedsCallerOrConcern) {
                return Ok(None);
            }
            if !note.has_text() {
                self.drop_note();
                self.say(lines, spoken::empty_note_dropped())?;
                return Ok(None);
            }
            lines.say(&sentence(text.needs_caller_or_concern))?;
            again = true;
        }
    }

    /// Says whether the journal kept the note, whether the mail program took it and whether it
    /// was copied, in the view's sentences but naming `partnerdesk notes` where the view names
    /// its key for the kept notes. A note that neither left nor was copied stays open (the view's
    /// rule, in `update`): it is read out whole, so that it is not lost.
    fn note_outcome(&mut self, lines: &mut impl Lines, came: &Came) -> Result<(), Failure> {
        let (lang, text) = (self.lang(), self.lang().text());
        if let Some(Err(problem)) = &came.saved {
            let problem = Bilingual { de: problem.clone(), en: problem.clone() };
            lines.say(&sentence(i18n::note_not_saved(&problem).get(lang)))?;
        }
        let kept = matches!(came.saved, Some(Ok(_)));
        match &came.mailed {
            Some(Outcome::Done { program }) => lines.say(&sentence(i18n::note_mailed(program).get(lang)))?,
            Some(failed) => {
                let failure = i18n::outcome(failed, i18n::NO_MAIL_PROGRAM);
                let why = if kept { i18n::note_kept_because(&failure, NOTES_COMMAND) } else { failure };
                lines.say(&sentence(i18n::not_handed_over(why.get(lang)).get(lang)))?;
            }
            None => {}
        }
        match &came.note_copy {
            Some(CopyOutcome::Native(_, tool)) => {
                let copied = i18n::copied(i18n::in_both(|t| t.phone_message), tool);
                lines.say(&sentence(copied.get(lang)))?;
            }
            Some(_) => lines.say(&sentence(text.copy_failed))?,
            None => {}
        }
        // Said above; the view's footer would say it again, naming its keys.
        self.app.status = None;
        self.app.said_before_copy = None;
        self.app.note_on_clipboard = false;
        if let Some(note) = &self.app.note {
            lines.say(&sentence(text.note_unsent))?;
            for line in note.message().text(lang).split("\r\n") {
                lines.say(&crate::tui::text::clean(line))?;
            }
            self.drop_note();
        }
        Ok(())
    }

    /// Input ended or Ctrl-C in the middle of a note: what was typed is read out, not lost.
    fn abandon_note(&mut self, lines: &mut impl Lines, ended: Ended) -> Result<Ended, Failure> {
        let lang = self.lang();
        if let Some(note) = &self.app.note
            && note.has_text()
        {
            // As when the view closes with a note open: the journal keeps it as a draft.
            lines.say(&sentence(lang.text().note_unsent))?;
            if let Some(kept) = self.world.keep_draft(&self.app) {
                lines.say(&sentence(kept.get(lang)))?;
            }
            for line in note.message().text(lang).split("\r\n") {
                lines.say(&crate::tui::text::clean(line))?;
            }
        }
        self.drop_note();
        Ok(ended)
    }

    /// Discards the note as the view's Esc does, twice when it holds text.
    fn drop_note(&mut self) {
        for _ in 0..2 {
            update::update(&mut self.app, Message::Action(Action::NoteCancel));
        }
    }
}
