//! partnerdesk: who at Darmstadt's Abteilung Internationales handles a partner city, and how to
//! reach them.
//!
//! The library is the whole program; `main.rs` only calls [`cli::main`]. Data flows one way:
//!
//! - [`directory`]: the RON data model, its loader and validation → a validated `Directory`, and
//!   who answers for an entry on a day (`directory::answers`: contact, cover or deputy, head, mailbox);
//! - [`search`]: folding, query syntax, the weighted index and ranking, with no terminal code;
//! - [`tui`]: the interactive view (Elm architecture), one front end over the library;
//! - [`cli`]: the command line (`check`, `query`, …), the other front end, its help and argument
//!   errors in the user's language ([`cli::localize`]);
//! - [`accessible`]: the line-by-line dialogue for screen readers (`--accessible`), a third front
//!   end that drives the view's model and `update` and says its answers in sentences;
//! - [`cache`]: validated, indexed data files kept in the user's cache folder;
//! - [`store`]: keeping the shared data file: lock, install with history, change log, changes in words;
//! - [`actions`]: `tel:` and `mailto:` links, phone messages and anniversaries, as pure functions;
//! - [`notes`]: the journal of phone messages, written before a note is sent and read by `notes`;
//! - [`handover`]: running the system's opener and clipboard tools with a timeout, and how it went;
//! - [`i18n`]: German and English: every sentence with arguments, each a function returning
//!   [`i18n::Bilingual`], and the fixed words in [`i18n::Text`]; only tables keep their labels
//!   beside their rows, as `Bilingual<&str>` (the list columns, the keymap's help);
//! - [`clock`]: today's date and year and the local time, the one place that reads the system
//!   clock (`PARTNERDESK_TODAY` fixes today for tests of the binary; the library takes the day as
//!   an input);
//! - [`exit`]: the exit statuses, as a type;
//! - [`stderr`]: standard error, the one place that writes it and puts `partnerdesk: ` before a message.

pub mod accessible;
pub mod actions;
pub mod cache;
pub mod cli;
pub mod clock;
pub mod directory;
pub mod exit;
pub mod handover;
pub mod i18n;
pub mod notes;
pub mod search;
pub mod stderr;
pub mod store;
pub mod tui;
