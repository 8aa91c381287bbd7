//! A query and a sequence of messages through the interactive view's `update`, each step rendered
//! into a `TestBackend` of arbitrary size (1×1 included): no panic, whatever is typed.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use partnerdesk::directory::{self, Directory, Source};
use partnerdesk::i18n::Lang;
use partnerdesk::tui::app::App;
use partnerdesk::tui::field::Edit;
use partnerdesk::handover::Outcome;
use partnerdesk::notes::{Delivery, Entry};
use partnerdesk::tui::message::{Action, Copied, CopyOutcome, Message};
use partnerdesk::tui::{ui, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[derive(Debug, Arbitrary)]
enum Step {
    Type(String),
    Key(u8),
    Click(u16, u16),
    Resize(u8, u8),
    Tick(u8),
}

#[derive(Debug, Arbitrary)]
struct Input {
    german: bool,
    columns: u8,
    rows: u8,
    steps: Vec<Step>,
}

fn directory() -> Directory {
    static DIRECTORY: OnceLock<Directory> = OnceLock::new();
    DIRECTORY.get_or_init(|| directory::load(&Source::Embedded, 2026).expect("embedded data")).clone()
}

/// Every message a key can send, by number, the phone message form's and a paste included.
fn key(n: u8) -> Message {
    let all = [
        Message::Action(Action::Edit(Edit::Backspace)),
        Message::Action(Action::Edit(Edit::Delete)),
        Message::Action(Action::Edit(Edit::DeleteWord)),
        Message::Action(Action::Edit(Edit::Clear)),
        Message::Action(Action::Edit(Edit::Left)),
        Message::Action(Action::Edit(Edit::Right)),
        Message::Action(Action::Edit(Edit::Home)),
        Message::Action(Action::Edit(Edit::End)),
        Message::Action(Action::Up),
        Message::Action(Action::Down),
        Message::Action(Action::PageUp),
        Message::Action(Action::PageDown),
        Message::Action(Action::CopyPhone),
        Message::Action(Action::CopyEmail),
        Message::Action(Action::ToggleHelp),
        Message::Action(Action::Escape),
        Message::ScrollUp,
        Message::ScrollDown,
        Message::Action(Action::StartNote),
        Message::Action(Action::NoteNext),
        Message::Action(Action::NotePrevious),
        Message::Action(Action::NoteEnter),
        Message::Action(Action::NoteCancel),
        Message::Action(Action::NoteCopy),
        Message::Paste("a\r\nb\tc".into()),
        Message::Action(Action::ToggleNotes),
        Message::Select(usize::from(n)),
        // A note no mail program took, and its fallback copy written to the terminal only.
        Message::NoteSent {
            entry: Entry::new(&Default::default(), "", Delivery::Sending),
            mail: Outcome::NoProgram,
            form: true,
        },
        Message::Copied(CopyOutcome::TerminalOnly(Copied::Note)),
    ];
    let count = all.len();
    all.into_iter().nth(usize::from(n) % count).unwrap_or(Message::Action(Action::Up))
}

fuzz_target!(|input: Input| {
    let lang = if input.german { Lang::De } else { Lang::En };
    let size = (u16::from(input.columns.max(1)), u16::from(input.rows.max(1)));
    let today = directory::date::parse("2026-11-29").expect("a day");
    let mut app = App::new(directory(), lang, today, size);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("a test terminal");
    let mut tick = 0;
    for step in input.steps.into_iter().take(64) {
        let messages: Vec<Message> = match step {
            Step::Type(text) => {
                text.chars().take(256).map(|c| Message::Action(Action::Edit(Edit::Insert(c)))).collect()
            }
            Step::Key(n) => vec![key(n)],
            Step::Click(x, y) => vec![Message::Click(x, y)],
            Step::Resize(columns, rows) => {
                let (columns, rows) = (u16::from(columns.max(1)), u16::from(rows.max(1)));
                terminal.resize(ratatui::layout::Rect::new(0, 0, columns, rows)).expect("resize");
                vec![Message::Resize(columns, rows)]
            }
            Step::Tick(n) => {
                tick += u64::from(n);
                vec![Message::Tick(tick)]
            }
        };
        for message in messages {
            let _ = update::update(&mut app, message);
        }
        if app.quit {
            break;
        }
        terminal.draw(|frame| ui::render(&app, frame)).expect("a frame");
    }
});
