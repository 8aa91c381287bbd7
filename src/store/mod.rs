//! The office keeps its own data file: a lock while someone edits it ([`lock`]), an install that
//! never overwrites a colleague's save and keeps every replaced version ([`install`]), and the
//! changes in words ([`diff`]) for the change log and for the user. The `assign`, `edit`, `diff`
//! and `history` commands are built on these.

pub mod diff;
pub mod install;
pub mod lock;
