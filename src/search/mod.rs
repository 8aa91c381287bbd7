//! Search: folded, ranked fuzzy matching across every field of every entry (cities, people,
//! topics, the office). Nothing here knows about terminals: the TUI and the command line both use
//! it. The map:
//!
//! - [`fold`]: text → plain ASCII in each [`fold::Style`], with a map back to the displayed chars;
//! - [`query`]: what the user typed → terms, with field prefixes, phone numbers and [`words`]
//!   (filler, topic and intent words) sorted out;
//! - [`index`]: every entry as weighted, folded fields ([`FieldKind`]);
//! - [`rank`]: one term against one entry: the match rule ([`rank::placed`]) and the score;
//! - [`typo`]: the fallback for a term that matches nothing;
//! - [`sound`]: names as heard, the fallback's last resort: sound codes of names' words;
//! - [`searcher`]: a whole query against the index, best first, and [`Searcher`], which narrows.
//!
//! # Adding a field kind
//! 1. Add the variant in the `FieldKind` list in `index.rs`; `FieldKind::ALL` follows by
//!    itself. The compiler then points at every decision about it: `weight`, `is_a_number`,
//!    `may_be_misspelt` and `names_the_entry` in `index.rs`, and `in_scope` in `rank.rs` (which
//!    scopes see it).
//! 2. Add its text in `SearchIndex::new`, in the arm of the entry it belongs to (a new field of
//!    the model already fails to compile there). `tests::every_field_kind_is_indexed` fails until
//!    some entry of the embedded directory has a field of the new kind.
//! 3. Nothing for the cache: it stores a kind as its place in `FieldKind::ALL`, and a new build
//!    is a new cache key.
//!
//! # Adding a fold style
//! 1. Add the variant in the `Style` list in `fold.rs`; `Style::ALL` follows by itself.
//!    `fold::tests::every_style_has_an_example…` fails until `EXAMPLES` there has one.
//! 2. The compiler points at `Style::indexes`, `Style::serves` and `fold_each`.
//! 3. Nothing for the cache: it stores a style as its place in `Style::ALL`.

/// Declares an enum of unit variants and its `ALL` array from one list, so that a new variant is in
/// `ALL` (and so in every loop and test over it) as soon as it exists. [`fold::Style`],
/// [`FieldKind`] and [`sound::Reading`] are declared with it.
macro_rules! enum_with_all {
    ($(#[$meta:meta])* pub enum $enum:ident { $($(#[$doc:meta])* $name:ident,)+ }) => {
        $(#[$meta])*
        pub enum $enum {
            $($(#[$doc])* $name,)+
        }

        impl $enum {
            /// Every variant, in declaration order.
            pub const ALL: [$enum; [$($enum::$name),+].len()] = [$($enum::$name),+];
        }
    };
}

pub mod fold;
pub mod index;
pub mod query;
pub mod rank;
pub mod searcher;
pub mod sound;
pub mod typo;
pub mod words;

pub use index::{Entry, FieldKind, SearchIndex};
pub use query::{Query, Scope, Term};
pub use searcher::{Highlight, Hit, Searcher};

#[cfg(test)]
mod tests;
