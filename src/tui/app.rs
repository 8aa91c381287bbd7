//! The model: everything the screen shows, and nothing else. The view reads it; only `update`
//! changes it.

use crate::cache::Indexed;
use crate::directory::Directory;
use crate::i18n::Lang;
use crate::search::{Hit, Query, SearchIndex, Searcher};

use super::theme::Theme;

/// How many ticks a status message stays on screen (ticks are about 250 ms apart).
pub const STATUS_TICKS: u64 = 12;

/// The phone message form (F7): who it is for, and the three fields the desk fills in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteForm {
    /// Who the message goes to, by name.
    pub to: String,
    /// Their email address.
    pub email: String,
    /// The city the call is about, if the form was opened on a city.
    pub city: Option<String>,
    /// When the form was opened, by the desk's clock.
    pub when: String,
    /// Caller, call-back number, concern.
    pub fields: [String; 3],
    /// The field the cursor is in.
    pub focus: usize,
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
        self.parsed = Query::parse(&self.query);
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
        super::layout::Areas::new(self.size.0, self.size.1).list_rows()
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
