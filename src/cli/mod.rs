//! The command line: argument parsing, dispatch and exit statuses.
//!
//! Exit statuses follow fzf; [`crate::exit::ExitStatus`] maps them to numbers.

mod anniversaries;
mod assign;
mod atomic;
mod away;
mod check;
mod edit;
mod export;
mod history;
mod keep;
mod list;
pub mod localize;
mod notes;
pub mod out;
mod query;
pub mod report;
mod rows;
mod table;
pub mod vcard;
mod xlsx;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::TypedValueParser as _;
use clap::{Parser, Subcommand};

use crate::directory::{self, DataError, Directory, Source};
use crate::exit::ExitStatus;
use crate::i18n::{Bilingual, Lang};

pub use out::Out;

/// The long description for `--help` and the man page.
const LONG_ABOUT: &str = "Who at Darmstadt's international relations office handles a partner city, and how to \
reach them. Without a command, partnerdesk opens the interactive search over the directory; with \
--accessible (or PARTNERDESK_ACCESSIBLE=1, or with TERM=dumb) it answers line by line \
instead, in whole sentences, for screen readers and braille displays.

The directory is compiled in; --data FILE or the environment variable PARTNERDESK_DATA points \
partnerdesk at another RON data file (--data wins). LC_ALL, LC_MESSAGES or LANG starting with \"de\" \
selects German; --lang overrides it. NO_COLOR turns colours off. Who answers is worked out for \
today by the local clock; PARTNERDESK_TODAY=YYYY-MM-DD fixes today (for tests), and `query` and \
`list` take --on DATE.

Exit status: 0 success, 1 `query` found nothing, 2 bad arguments, bad data or a failed write; \
the interactive view ends with 129 (hang-up), 130 (SIGINT), 131 (SIGQUIT) or 143 (SIGTERM).";

/// Who at Darmstadt's international relations office handles a partner city, and how to reach them.
#[derive(Debug, Parser)]
#[command(name = "partnerdesk", version, about, long_about = LONG_ABOUT)]
#[command(after_help = "Without a command, partnerdesk opens the interactive search.\n\nExamples:\n  partnerdesk\n  \
                         partnerdesk --accessible\n  partnerdesk query plock\n  partnerdesk check --data my-directory.ron")]
pub struct Args {
    /// Data file to use instead of the embedded directory [env: PARTNERDESK_DATA].
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Parse and validate the data file every time, without the cache [env: PARTNERDESK_CACHE=off].
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Language of the output: de or en. Default: from LC_ALL, LC_MESSAGES or LANG.
    #[arg(long, global = true, value_name = "LANG", value_parser = lang_parser())]
    pub lang: Option<Lang>,

    /// Instead of the full-screen view, a line-by-line dialogue for screen readers: a prompt, and
    /// answers in whole sentences [env: PARTNERDESK_ACCESSIBLE=1; also with TERM=dumb].
    #[arg(long, env = "PARTNERDESK_ACCESSIBLE", hide_env = true, value_parser = clap::builder::FalseyValueParser::new())]
    pub accessible: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What partnerdesk can do from the command line.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the data and print a one-line summary; list every problem otherwise.
    #[command(after_help = "Example:\n  partnerdesk check --data shared/directory.ron")]
    Check,
    /// Search for a city, country, person, role or extension; one line per match, best first.
    #[command(after_help = "Examples:\n  partnerdesk query plock\n  partnerdesk query --json land:ungarn\n  \
                            partnerdesk query 2325\n\nExit status: 0 found, 1 nothing found, 2 error.")]
    Query(query::QueryArgs),
    /// Print the cities (with contact and phone) or the people (with their cities) as a table, CSV,
    /// JSON or an Excel workbook.
    #[command(after_help = "Examples:\n  partnerdesk list\n  partnerdesk list --sort since\n  \
                            partnerdesk list people --format csv > team.csv\n  \
                            partnerdesk list --format xlsx --out partnerstaedte.xlsx")]
    List(list::ListArgs),
    /// Export the people as vCards (3.0 by default) for Outlook, a phone or an address book.
    #[command(after_help = "Examples:\n  partnerdesk export --vcard --out team.vcf\n  \
                            partnerdesk export --vcard --split cards\n  partnerdesk export --vcard --vcard-version 4.0")]
    Export(export::ExportArgs),
    /// List the partnerships' round anniversaries (every 5 years) from a year on.
    #[command(
        after_help = "Examples:\n  partnerdesk anniversaries\n  partnerdesk anniversaries --from 2028 --years 1\n  \
                            partnerdesk anniversaries --json --years 10"
    )]
    Anniversaries(anniversaries::AnniversaryArgs),
    /// Give a partner city to another person in the data file: only its `contact:` changes.
    #[command(
        after_help = "Examples:\n  partnerdesk assign Trondheim kuz --data N:\\Internationales\\directory.ron\n  \
                            partnerdesk assign Płock \"Julia Kuz\"\n\n\
                            Exit status: 0 done (or nothing to do), 1 not done (the file is locked, or a colleague \
                            saved it meanwhile), 2 error."
    )]
    Assign(assign::AssignArgs),
    /// Record that a person is away until a day, and who covers: the day's answers point to the
    /// cover (without --cover, to the person's deputy).
    #[command(after_help = "Examples:\n  partnerdesk away schewe --until 2026-12-04 --cover kuz\n  \
                            partnerdesk away \"Irene Schewe\" --from 24.12.2026 --until 02.01.2027\n\n\
                            Dates are YYYY-MM-DD or DD.MM.YYYY; --from defaults to today. Exit status: 0 done, 1 not \
                            done (the file is locked, or a colleague saved it meanwhile), 2 error.")]
    Away(away::AwayArgs),
    /// End a person's absence today: they answer again. A later absence stays.
    #[command(after_help = "Example:\n  partnerdesk back schewe\n\n\
                            Exit status: 0 done (or nothing to do), 1 not done (locked, or a colleague saved \
                            meanwhile), 2 error.")]
    Back(away::BackArgs),
    /// Edit the data file in $VISUAL or $EDITOR: checked before it is saved, locked meanwhile,
    /// never over a colleague's save, the previous version kept in history/.
    #[command(after_help = "Examples:\n  partnerdesk edit --data N:\\Internationales\\directory.ron\n  \
                            EDITOR=\"code --wait\" partnerdesk edit\n\n\
                            Exit status: 0 saved or unchanged, 1 not saved (emptied, locked, or a colleague saved \
                            meanwhile), 2 error.")]
    Edit,
    /// Print the data file's change log, newest first.
    #[command(after_help = "Examples:\n  partnerdesk history --data N:\\Internationales\\directory.ron\n  \
                            partnerdesk history --json")]
    History(history::HistoryArgs),
    /// Print what changed between two data files, in words.
    #[command(after_help = "Example:\n  partnerdesk diff history/directory-20261129-143005.ron directory.ron")]
    Diff(history::DiffArgs),
    /// Print the phone messages the view kept, newest first: today's, or with --all every one
    /// (kept 30 days; PARTNERDESK_NOTES_DAYS sets how many).
    #[command(after_help = "Examples:\n  partnerdesk notes\n  partnerdesk notes --all --json")]
    Notes(notes::NotesArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  partnerdesk completions bash > ~/.local/share/bash-completion/completions/partnerdesk"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    #[command(after_help = "Example:\n  partnerdesk man > ~/.local/share/man/man1/partnerdesk.1")]
    Man,
}

/// `--lang de|en`, with both values offered to shell completion; `Lang` itself knows no clap.
fn lang_parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    clap::builder::PossibleValuesParser::new(["de", "en"]).map(|value| if value == "de" { Lang::De } else { Lang::En })
}

impl Args {
    /// Where the directory comes from: `--data`, then `PARTNERDESK_DATA` (unless it is empty),
    /// then the embedded data.
    pub fn source(&self) -> Source {
        Source::choose(self.data.clone(), std::env::var_os("PARTNERDESK_DATA"))
    }

    /// Where the data file's name came from, as messages name it: `--data` or `PARTNERDESK_DATA`.
    pub fn source_origin(&self) -> &'static str {
        if self.data.is_some() { "--data" } else { "PARTNERDESK_DATA" }
    }

    /// Whether `query` and the interactive view may use the cache of validated data files.
    pub fn cache(&self) -> crate::cache::Use {
        crate::cache::Use::from(self.no_cache, std::env::var("PARTNERDESK_CACHE").ok().as_deref())
    }

    /// The language: `--lang`, else the locale's.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::detect)
    }
}

/// The day an option names (`--on`, `--from`, `--until`): YYYY-MM-DD or DD.MM.YYYY; today without
/// one.
pub fn day_option(option: &str, value: Option<&str>) -> Result<chrono::NaiveDate, Failure> {
    match value {
        None => Ok(crate::clock::today()),
        Some(value) => crate::directory::date::parse(value)
            .map_err(|problem| Failure::Usage(crate::i18n::bad_date_option(option, value, problem))),
    }
}

/// Loads the directory the arguments point at.
pub fn load(args: &Args) -> Result<Directory, DataError> {
    directory::load(&args.source(), crate::clock::current_year())
}

/// Parses the process's arguments, runs the command and turns the outcome into an exit status.
pub fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = localize::lang_of(&argv);
    let args = match localize::parse(lang, argv) {
        Ok(args) => args,
        // --help and --version are not errors; clap knows which is which.
        Err(localize::Stop::Clap(e)) if e.use_stderr() => {
            let _ = e.print();
            return ExitStatus::Error.into();
        }
        // Help on standard output: a full disk is said, a closed pipe is not.
        Err(localize::Stop::Clap(e)) => {
            let printed = e.print().map_err(out::stdout_failure);
            return outcome(printed.map(|()| ExitStatus::Success), lang);
        }
        Err(localize::Stop::German { text, error: true }) => {
            crate::stderr::verbatim(&text);
            return ExitStatus::Error.into();
        }
        Err(localize::Stop::German { text, error: false }) => {
            let mut out = Out::stdout();
            let printed = out.raw(&text).and_then(|()| out.finish());
            return outcome(printed.map(|()| ExitStatus::Success), lang);
        }
    };
    let Some(command) = &args.command else {
        if crate::accessible::wanted(args.accessible, std::env::var_os("TERM").as_deref()) {
            return outcome(crate::accessible::run(&args), args.lang());
        }
        return interactive(&args).into();
    };
    let mut out = Out::stdout();
    let status = match command {
        Command::Check => check::run(&args, &mut out),
        Command::Query(query) => query::run(&args, query, &mut out),
        Command::List(list) => list::run(&args, list, &mut out),
        Command::Export(export) => export::run(&args, export, &mut out),
        Command::Anniversaries(options) => anniversaries::run(&args, options, &mut out),
        Command::Assign(assign) => assign::run(&args, assign, &mut out),
        Command::Away(options) => away::away(&args, options, &mut out),
        Command::Back(options) => away::back(&args, options, &mut out),
        Command::Edit => edit::run(&args, &mut out),
        Command::History(options) => history::run(&args, options, &mut out),
        Command::Diff(files) => history::diff(&args, files, &mut out),
        Command::Notes(options) => notes::run(&args, options, &mut out),
        Command::Completions { shell } => completions(*shell, args.lang(), &mut out),
        Command::Man => man(args.lang(), &mut out),
    };
    // Flushed here, not in `Drop`, so that a failed write of the last lines is still reported.
    let status = status.and_then(|status| out.finish().map(|()| status));
    outcome(status, args.lang())
}

/// The exit status of a command, its failure reported on standard error in `lang`.
fn outcome(status: Result<ExitStatus, Failure>, lang: Lang) -> ExitCode {
    match status {
        Ok(status) => status.into(),
        Err(Failure::ClosedPipe) => ExitStatus::Success.into(),
        Err(failure) => {
            report(&failure, lang);
            ExitStatus::Error.into()
        }
    }
}

/// Says on standard error why a command stopped: a data file's problems as they are (each starts
/// with where it is), any other failure as a message of partnerdesk's.
fn report(failure: &Failure, lang: Lang) {
    match failure {
        Failure::Data(e) => crate::stderr::verbatim(&format!("{}\n", e.in_lang(lang))),
        Failure::Usage(message) => crate::stderr::say(message, lang),
        Failure::Output { name, error } => crate::stderr::say(&crate::i18n::cannot_write(*name, error), lang),
        Failure::ClosedPipe => {}
    }
}

/// Why a command stopped early.
#[derive(Debug)]
pub enum Failure {
    /// The data could not be loaded; the error lists every problem.
    Data(DataError),
    /// The arguments do not fit together, or an output file cannot be written.
    Usage(Bilingual),
    /// Writing to standard output failed for another reason than a closed pipe (a full disk).
    Output {
        /// The output, e.g. "standard output".
        name: Bilingual<&'static str>,
        /// The operating system's reason.
        error: io::Error,
    },
    /// Whoever read our output went away (`partnerdesk list | head -1`): stop quietly.
    ClosedPipe,
}

impl From<DataError> for Failure {
    fn from(e: DataError) -> Self {
        Failure::Data(e)
    }
}

/// Pretty JSON of anything serialisable; our records cannot fail to serialise.
fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn completions(shell: clap_complete::Shell, lang: Lang, out: &mut Out) -> Result<ExitStatus, Failure> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut localize::command(lang), "partnerdesk", &mut script);
    out.raw(&String::from_utf8_lossy(&script))?;
    Ok(ExitStatus::Success)
}

fn man(lang: Lang, out: &mut Out) -> Result<ExitStatus, Failure> {
    let page = localize::man_page(lang)
        .map_err(|e| Failure::Usage(crate::i18n::cannot_build(crate::i18n::built::MAN_PAGE, &e.to_string())))?;
    out.raw(&page)?;
    Ok(ExitStatus::Success)
}

/// Opens the interactive view; its errors are reported here, after the terminal is restored.
fn interactive(args: &Args) -> ExitStatus {
    let lang = args.lang();
    match crate::tui::run(args.source(), args.source_origin(), lang, args.cache()) {
        Ok(status) => status,
        Err(e) => {
            crate::stderr::verbatim(&format!("{}\n", e.in_lang(lang)));
            ExitStatus::Error
        }
    }
}
