//! The model: everything the screen shows, and nothing else. The view reads it; only `update`
//! changes it.

use crate::cache::Indexed;
use crate::directory::Directory;
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
    /// Who the message goes to, by name.
    pub to: String,
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
}

/// Where a phone message stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteStage {
    /// The desk is filling it in.
    Editing,
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

/// A short-lived message in the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// What it says.
    pub text: String,
    /// The tick after which it disappears.
    pub until: u64,
}

/// The whole state of the interactive view.
#[derive(Debug)]
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
    /// The phone message form, while it is open.
    pub note: Option<NoteForm>,
    /// The local date and time, as the event loop last told it: `26.11.2026 14:05`.
    pub clock: String,
    /// True once the user asked to quit.
    pub quit: bool,
    /// Colours, or none under NO_COLOR.
    pub theme: Theme,
}

impl App {
    /// A new app over `directory`, showing everything.
    pub fn new(directory: Directory, lang: Lang, year: i32, size: (u16, u16)) -> Self {
        Self::from_loaded(Indexed::new(directory), lang, year, size)
    }

    /// A new app over a directory that is already indexed.
    pub fn from_loaded(Indexed { directory, index, .. }: Indexed, lang: Lang, year: i32, size: (u16, u16)) -> Self {
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
            year,
            tick: 0,
            status: None,
            warning: None,
            fallback: None,
            help: false,
            note: None,
            clock: String::new(),
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
            .map(|hit| self.index.name_positions(&self.parsed, hit.entry))
            .collect();
    }

    /// How many result rows fit on screen.
    pub fn list_rows(&self) -> usize {
        self.areas().list_rows()
    }

    /// Where everything goes on the screen now.
    pub fn areas(&self) -> super::layout::Areas {
        super::layout::Areas::new(self.size.0, self.size.1, self.banner_lines().len())
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
            Some(NoteForm { stage: NoteStage::Unsent { .. }, .. }) => Mode::Unsent,
            Some(_) => Mode::Form,
            None if self.help => Mode::Help,
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

    /// The selected hit, if any.
    pub fn selection(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }

    /// True while the status message is still to be shown.
    pub fn status_text(&self) -> Option<&str> {
        self.status.as_ref().filter(|s| s.until >= self.tick).map(|s| s.text.as_str())
    }
}
