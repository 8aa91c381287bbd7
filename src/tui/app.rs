//! The model: everything the screen shows, and nothing else. The view reads it; only `update`
//! changes it.

use chrono::{Datelike, NaiveDate};

use crate::cache::Indexed;
use crate::directory::{Answer, Directory, Target};
use crate::i18n::Lang;
use crate::search::{Hit, Query, SearchIndex, Searcher};

use super::field::Field;
use super::keys::Mode;
use super::theme::Theme;
use crate::actions::{About, PhoneMessage};

/// How many ticks a status message stays on screen (ticks are about 250 ms apart).
pub const STATUS_TICKS: u64 = 12;

/// The phone message form (F7): who it is for, and the three fields the desk fills in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteForm {
    /// Who the message goes to, by name: the contact, also while they are away.
    pub to: String,
    /// Who stands in while the contact is away, as the note names them: `Julia Kuz`.
    pub cover: Option<String>,
    /// Their email address.
    pub email: String,
    /// The city or topic the call is about, if the form was opened on one.
    pub about: Option<About>,
    /// When the form was opened, by the desk's clock.
    pub when: String,
    /// Caller, call-back number, concern.
    pub fields: [Field; 3],
    /// The field the cursor is in.
    pub focus: usize,
    /// Being filled in, or shown as text after it could not be handed on.
    pub stage: NoteStage,
    /// What the form asks of the user now: a missing field, or to press Esc again to discard.
    pub prompt: Option<NotePrompt>,
    /// Its id in the journal, once the journal holds it.
    pub id: Option<String>,
    /// True when it was edited since the journal last took it (or never was).
    pub unsaved: bool,
}

/// Where a phone message stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteStage {
    /// The desk is filling it in.
    Editing,
    /// It is in the journal and being handed to the mail program.
    Sending,
    /// It was neither taken by a mail program nor copied by a confirmed path: it stays on screen
    /// as text, with what failed.
    Unsent {
        /// What failed, in the UI language.
        reason: String,
    },
}

/// What the form asks of the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotePrompt {
    /// A note needs a caller or a concern before it is sent.
    NeedsCallerOrConcern,
    /// Esc was pressed on a note that holds text: a second Esc discards it.
    EscAgainDiscards,
}

impl NoteForm {
    /// True when any field holds text.
    pub fn has_text(&self) -> bool {
        self.fields.iter().any(|f| !f.is_empty())
    }

    /// The note as it would be sent.
    pub fn message(&self) -> PhoneMessage {
        let [caller, callback, concern] = self.fields.clone().map(|f| f.text.trim().to_string());
        PhoneMessage {
            when: self.when.clone(),
            about: self.about.clone(),
            to: self.to.clone(),
            cover: self.cover.clone(),
            caller,
            callback,
            concern,
        }
    }
}

/// Why the view shows other data than the file it was asked for, and which: the banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback {
    /// The data file, as given.
    pub file: String,
    /// Where its name came from: `--data` or `PARTNERDESK_DATA`.
    pub origin: &'static str,
    /// What is wrong with it, in the UI language.
    pub problem: String,
    /// What is shown instead.
    pub shown: Shown,
}

/// The data shown while the data file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// The last copy of the file that loaded, saved at this local date and time.
    LastGood(String),
    /// The directory compiled into the program.
    Embedded,
}

/// The list of recent phone messages (F8): the journal's notes, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotesView {
    /// Index into the journal's notes of the selected one.
    pub selected: usize,
}

/// A short-lived message in the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// What it says.
    pub text: String,
    /// The tick after which it disappears.
    pub until: u64,
}

/// The whole state of the interactive view.
#[derive(Debug, Clone)]
pub struct App {
    /// The directory on screen.
    pub directory: Directory,
    /// Its search index.
    pub index: SearchIndex,
    searcher: Searcher,
    /// The query as typed.
    pub query: String,
    /// The query as parsed, for highlighting the rows on screen.
    parsed: Query,
    /// Cursor position in the query, in chars.
    pub cursor: usize,
    /// Matches for the query, best first.
    pub hits: Vec<Hit>,
    /// Highlighted name positions of the rows on screen, `hits[offset..]` in order.
    pub marks: Vec<Vec<usize>>,
    /// Index into `hits` of the selected row.
    pub selected: usize,
    /// Index into `hits` of the first row on screen.
    pub offset: usize,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// The UI language.
    pub lang: Lang,
    /// This year, for "38 Jahre": an input, so that tests do not depend on the date.
    pub year: i32,
    /// Today, for who answers now: an input, as the year, which the event loop moves on at
    /// midnight.
    pub today: NaiveDate,
    /// The current tick, for expiring status messages.
    pub tick: u64,
    /// The footer's short-lived message.
    pub status: Option<Status>,
    /// A lasting warning, e.g. that a changed data file is invalid.
    pub warning: Option<String>,
    /// Set while the data file cannot be used and other data is shown: the banner says so.
    pub fallback: Option<Fallback>,
    /// True while the key help is open.
    pub help: bool,
    /// The first help line on screen, when the help does not fit.
    pub help_scroll: usize,
    /// The phone message form, while it is open.
    pub note: Option<NoteForm>,
    /// The list of recent phone messages, while it is open.
    pub notes: Option<NotesView>,
    /// The journal's notes as last read, and today's undelivered count.
    pub journal: super::message::JournalState,
    /// Why the journal of phone messages cannot be used or pruned, while that lasts.
    pub journal_warning: Option<String>,
    /// What the footer says before the outcome of a copy under way: a failed hand-over whose
    /// fallback is being copied, and whether it was a phone message's.
    pub said_before_copy: Option<(String, bool)>,
    /// True while the clipboard holds a phone message that no mail program took: the next copy
    /// replaces it, and the footer then says the journal keeps it.
    pub note_on_clipboard: bool,
    /// The local date and time, as the event loop last told it: `26.11.2026 14:05`.
    pub clock: String,
    /// True when the view shows the directory compiled into the program, with no data file
    /// behind it: Ctrl-R then has nothing to reload.
    pub embedded: bool,
    /// True once the user asked to quit.
    pub quit: bool,
    /// Colours, or none under NO_COLOR.
    pub theme: Theme,
}

impl App {
    /// A new app over `directory` on the day `today`, showing everything.
    pub fn new(directory: Directory, lang: Lang, today: NaiveDate, size: (u16, u16)) -> Self {
        Self::from_loaded(Indexed::new(directory), lang, today, size)
    }

    /// A new app over a directory that is already indexed.
    pub fn from_loaded(
        Indexed { directory, index, .. }: Indexed,
        lang: Lang,
        today: NaiveDate,
        size: (u16, u16),
    ) -> Self {
        let mut app = App {
            directory,
            index,
            searcher: Searcher::new(),
            query: String::new(),
            parsed: Query::default(),
            cursor: 0,
            hits: Vec::new(),
            marks: Vec::new(),
            selected: 0,
            offset: 0,
            size,
            lang,
            year: today.year(),
            today,
            tick: 0,
            status: None,
            warning: None,
            fallback: None,
            help: false,
            help_scroll: 0,
            note: None,
            notes: None,
            journal: Default::default(),
            journal_warning: None,
            said_before_copy: None,
            note_on_clipboard: false,
            clock: String::new(),
            embedded: false,
            quit: false,
            theme: Theme::color(),
        };
        app.search();
        app
    }

    /// Runs the search for the current query and selects the best match.
    pub(super) fn search(&mut self) {
        self.parsed = Query::typing(&self.query, self.cursor);
        self.hits = self.searcher.search(&self.index, &self.parsed).to_vec();
        self.selected = 0;
        self.offset = 0;
        self.refresh_marks();
    }

    /// Swaps in a reloaded directory, keeping the query and, as far as possible, the selection.
    pub(super) fn replace_directory(&mut self, Indexed { directory, index, .. }: Indexed) {
        self.index = index;
        self.directory = directory;
        self.searcher.reset();
        let selected = self.selected;
        self.search();
        self.selected = selected.min(self.hits.len().saturating_sub(1));
        self.scroll_to_selection();
    }

    /// Moves `offset` so that the selected row is on screen, and recomputes highlights.
    pub(super) fn scroll_to_selection(&mut self) {
        let rows = self.list_rows().max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.refresh_marks();
    }

    /// Highlights for the rows on screen only: the rest are never drawn.
    fn refresh_marks(&mut self) {
        let rows = self.list_rows().max(1);
        self.marks = self.hits[self.offset.min(self.hits.len())..]
            .iter()
            .take(rows)
            .map(|hit| self.row_marks(hit.entry))
            .collect();
    }

    /// The name a result row shows: a topic under its name in the UI language (the index names
    /// it in German, and its English name is one of its other fields).
    pub fn row_name(&self, entry: usize) -> &str {
        match self.index.target(entry) {
            Target::Topic(topic) => self.directory.topics()[topic].name.get(self.lang),
            _ => self.index.name(entry),
        }
    }

    /// The highlighted positions in [`Self::row_name`].
    fn row_marks(&self, entry: usize) -> Vec<usize> {
        let name = self.row_name(entry);
        if name == self.index.name(entry) {
            return self.index.name_positions(&self.parsed, entry);
        }
        let fields = self.index.fields(entry);
        self.index
            .highlights(&self.parsed, entry)
            .into_iter()
            .find(|h| fields.get(h.field).is_some_and(|f| self.index.display(f) == name))
            .map(|h| h.positions)
            .unwrap_or_default()
    }

    /// How many result rows fit on screen.
    pub fn list_rows(&self) -> usize {
        self.areas().list_rows()
    }

    /// Where everything goes on the screen now.
    pub fn areas(&self) -> super::layout::Areas {
        let footer = self.footer_height();
        super::layout::Areas::with_footer(self.size.0, self.size.1, self.banner_lines().len(), footer)
    }

    /// Where the help may go within `full`: everything above the footer.
    pub fn help_screen(&self, full: ratatui::layout::Rect) -> ratatui::layout::Rect {
        let footer = self.footer_height();
        let areas = super::layout::Areas::with_footer(full.width, full.height, self.banner_lines().len(), footer);
        let height = if areas.tiny { full.height } else { areas.footer.y.saturating_sub(full.y) };
        ratatui::layout::Rect { height, ..full }
    }

    /// What stands before the key hints in the footer: today's notes that no mail program took
    /// (they wait for the desk), and whoever stands in for the selected entry's contact (Enter,
    /// F5 and F6 reach them), each with whether it is a warning.
    pub fn footer_news(&self) -> Vec<(String, bool)> {
        let mut news = Vec::new();
        if self.journal.undelivered_today > 0 && matches!(self.mode(), Mode::List | Mode::Notes) {
            let key = super::keys::notes_key(self.lang);
            news.push((
                crate::i18n::undelivered_today(self.journal.undelivered_today, &key).get(self.lang).to_string(),
                true,
            ));
        }
        if let Some(stand_in) = self.stand_in().filter(|_| self.mode() == Mode::List) {
            news.push((super::text::clean(&stand_in), false));
        }
        news
    }

    /// How many lines the footer takes: its message's, or one for the key hints and one more for
    /// the news before them, so that the news never pushes keys (F5 to F7) off the line.
    pub fn footer_height(&self) -> usize {
        match self.footer_message() {
            Some((lines, _)) => lines.len(),
            None if self.footer_news().is_empty() => 1,
            None => 2,
        }
    }

    /// The footer's message, wrapped whole to the screen's width (the footer grows to hold it),
    /// and whether it is a lasting warning: what the user just did comes first; a warning shows
    /// when there is no such news. `None` leaves the footer to the key hints.
    pub fn footer_message(&self) -> Option<(Vec<String>, bool)> {
        // What the user just did comes first; a lasting warning shows when there is no such news.
        let (text, warning) = match (self.status_text(), self.warning.as_ref().or(self.journal_warning.as_ref())) {
            (Some(status), _) => (status, false),
            (None, Some(warning)) => (warning.as_str(), true),
            (None, None) => return None,
        };
        let width = usize::from(self.size.0).max(1);
        let mut lines = super::field::wrap_words(&super::text::clean(text), width);
        // Only a message longer than a third of the screen is cut, and says so with "…".
        let most = usize::from(super::layout::Areas::most_footer_lines(self.size.1));
        if lines.len() > most {
            lines.truncate(most);
            let last = lines.last_mut().expect("one line at least");
            *last = super::field::ellipsize(&format!("{last} …"), width);
        }
        Some((lines, warning))
    }

    /// The banner's lines at the current width: none unless the data file cannot be used.
    pub fn banner_lines(&self) -> Vec<String> {
        let Some(fallback) = &self.fallback else { return Vec::new() };
        let last_good = match &fallback.shown {
            Shown::LastGood(date) => Some(date.as_str()),
            Shown::Embedded => None,
        };
        let text = crate::i18n::fallback_banner(&fallback.file, fallback.origin, &fallback.problem, last_good);
        let mut lines = super::field::wrap_words(text.get(self.lang), usize::from(self.size.0));
        // At most a third of the screen, so that the answer still shows.
        let most = usize::from(self.size.1 / 3).max(1);
        if lines.len() > most {
            lines.truncate(most);
            let last = lines.last_mut().expect("one line at least");
            *last = super::field::ellipsize(&format!("{last} …"), usize::from(self.size.0));
        }
        lines
    }

    /// What the keyboard drives now.
    pub fn mode(&self) -> Mode {
        match &self.note {
            Some(NoteForm { stage: NoteStage::Unsent { .. } | NoteStage::Sending, .. }) => Mode::Unsent,
            Some(_) => Mode::Form,
            None if self.help => Mode::Help,
            None if self.notes.is_some() => Mode::Notes,
            None => Mode::List,
        }
    }

    /// True when the view wants mouse reports; an unsent note leaves the mouse to the terminal,
    /// so that its text can be selected and copied by hand.
    pub fn wants_mouse(&self) -> bool {
        self.mode() != Mode::Unsent
    }

    /// The words of a query that holds only titles and grammar, as typed: "die, Frau".
    pub fn only_filler(&self) -> Option<String> {
        self.parsed.is_only_filler().then(|| self.parsed.dropped.join(", "))
    }

    /// A journal entry for a note: with `id`, a new state of that note that keeps when it was
    /// first written; without, a new note.
    pub fn journal_entry(
        &self,
        message: &PhoneMessage,
        email: &str,
        id: Option<&str>,
        delivery: crate::notes::Delivery,
    ) -> crate::notes::Entry {
        let mut entry = crate::notes::Entry::new(message, email, delivery);
        if let Some(id) = id {
            if let Some(old) = self.journal.entries.iter().find(|e| e.id == id) {
                entry.written = old.written;
            }
            entry.id = id.to_string();
        }
        entry
    }

    /// The selected hit, if any. A query of filler words only ("Frau ") selects nothing, though
    /// the list shows every entry: Enter must not copy the first one's number.
    pub fn selection(&self) -> Option<&Hit> {
        if self.only_filler().is_some() {
            return None;
        }
        self.hits.get(self.selected)
    }

    /// Why a key that acts on the selection did nothing: ask for a name when only filler words
    /// were typed.
    pub fn nothing_selected(&self) -> String {
        match self.only_filler() {
            Some(words) => crate::i18n::type_a_name(&words).get(self.lang).to_string(),
            None => self.lang.text().nothing_selected.to_string(),
        }
    }

    /// Who answers today for the selected city, person or topic; `None` on the office itself,
    /// which answers for itself, and with nothing selected.
    pub fn selected_answer(&self) -> Option<Answer<'_>> {
        let dir = &self.directory;
        Some(match self.index.target(self.selection()?.entry) {
            Target::City(city) => dir.answers_for_city(city, self.today),
            Target::Person(person) => dir.answers(Some(person), self.today),
            Target::Topic(topic) => dir.answers_for_topic(topic, self.today),
            Target::Office => return None,
        })
    }

    /// While the selected entry's contact is away, who answers instead, as the footer names them:
    /// `Vertretung: Julia Kuz`. Enter, F5 and F6 reach them.
    pub fn stand_in(&self) -> Option<String> {
        let answer = self.selected_answer().filter(Answer::stands_in)?;
        let name = match answer.who {
            crate::directory::Answerer::Person(_, person) => person.full_name(),
            crate::directory::Answerer::Office(office) => office.email.clone(),
        };
        let why = answer.why.stand_in_word();
        Some(crate::i18n::stands_in(why, &name).get(self.lang).to_string())
    }

    /// True while the status message is still to be shown.
    pub fn status_text(&self) -> Option<&str> {
        self.status.as_ref().filter(|s| s.until >= self.tick).map(|s| s.text.as_str())
    }
}
