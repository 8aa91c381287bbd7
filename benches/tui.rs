//! The interactive view's speed on the embedded data: one frame at 120×40, and one keystroke
//! (update and render together). `cargo bench --bench tui`

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use partnerdesk::directory::{self, Source};
use partnerdesk::i18n::Lang;
use partnerdesk::tui::app::App;
use partnerdesk::tui::field::Edit;
use partnerdesk::tui::message::{Action, Message};
use partnerdesk::tui::{ui, update::update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> App {
    let dir = directory::load(&Source::Embedded, 2026).expect("embedded data");
    let mut app = App::new(dir, Lang::De, chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("a day"), (120, 40));
    for c in "pl".chars() {
        update(&mut app, Message::Action(Action::Edit(Edit::Insert(c))));
    }
    app
}

fn frames(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    let ready = app();
    c.bench_function("tui/render one frame 120x40", |b| {
        b.iter(|| {
            terminal.draw(|frame| ui::render(black_box(&ready), frame)).expect("draw");
        })
    });
    c.bench_function("tui/keystroke pl→plo, update and render", |b| {
        b.iter_batched(
            app,
            |mut app| {
                update(&mut app, Message::Action(Action::Edit(Edit::Insert('o'))));
                terminal.draw(|frame| ui::render(&app, frame)).expect("draw");
                app
            },
            BatchSize::LargeInput,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = frames
}
criterion_main!(benches);
