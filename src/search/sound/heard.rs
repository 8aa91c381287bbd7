//! How a name is read in its language: each word spelt in plain letters as it sounds, so that a
//! caller's spelling of what they heard ("Brechia", "Djönk") meets the name's ("Brescia",
//! "Gyönk"). The sound codes are made from these spellings in the parent module.

use serde::{Deserialize, Serialize};

enum_with_all! {
    /// The language a name is read in, from its country (ISO 3166-1 alpha-2); people, topics and the
    /// office are read in German.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Reading {
        /// German, Austrian, Swiss German.
        German,
        /// Hungarian.
        Hungarian,
        /// Polish.
        Polish,
        /// Italian.
        Italian,
        /// Spanish.
        Spanish,
        /// Dutch.
        Dutch,
        /// Norwegian.
        Norwegian,
        /// French.
        French,
        /// French as a German ear writes it down: `oi` and `oy` as "oa" (Troyes, "Troa").
        FrenchAsWritten,
        /// Turkish.
        Turkish,
        /// Latvian.
        Latvian,
        /// English, and names already transliterated into it.
        English,
    }
}

impl Reading {
    /// How names of the country with this ISO code are read.
    pub fn of_country(code: &str) -> Reading {
        match code.to_ascii_uppercase().as_str() {
            "DE" | "AT" | "CH" | "LI" => Reading::German,
            "HU" => Reading::Hungarian,
            "PL" => Reading::Polish,
            "IT" | "SM" => Reading::Italian,
            "ES" | "MX" | "AR" => Reading::Spanish,
            "NL" | "BE" => Reading::Dutch,
            "NO" => Reading::Norwegian,
            "FR" => Reading::French,
            "TR" => Reading::Turkish,
            "LV" => Reading::Latvian,
            _ => Reading::English,
        }
    }
}

/// Replaces each `(from, to)` in order, left to right, in `word`.
fn respell(word: &str, rules: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    let mut rest = word;
    'outer: while !rest.is_empty() {
        for (from, to) in rules {
            if let Some(after) = rest.strip_prefix(from) {
                out.push_str(to);
                rest = after;
                continue 'outer;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Letters that sound the same in every language that writes them: Polish ł is w, ñ and ń nj,
/// the háček and cedilla letters sh, ch, zh.
const LETTERS: &[(&str, &str)] = &[
    ("ł", "w"),
    ("ñ", "nj"),
    ("ń", "nj"),
    ("ş", "sh"),
    ("š", "sh"),
    ("ś", "sh"),
    ("ç", "ch"),
    ("č", "ch"),
    ("ć", "ch"),
    ("ž", "zh"),
    ("ż", "zh"),
    ("ź", "zh"),
    ("ø", "oe"),
    ("ğ", ""),
    ("ı", "i"),
];

/// How a word of a name in this reading sounds, spelt in plain letters (English sound letters
/// sh, ch, zh, dj, nj, ts): "szeged" → "seged", "gyönk" → "djonk", "brescia" → "breshia".
pub fn heard(word: &str, reading: Reading) -> String {
    let rules: &[(&str, &str)] = match reading {
        Reading::Hungarian => &[
            ("sz", "s"),
            ("cs", "ch"),
            ("zs", "zh"),
            ("gy", "dj"),
            ("ny", "nj"),
            ("ly", "j"),
            ("ty", "tj"),
            ("s", "sh"),
            ("c", "ts"),
        ],
        Reading::Polish => {
            &[("sz", "sh"), ("cz", "ch"), ("rz", "zh"), ("ck", "tsk"), ("ch", "h"), ("c", "ts"), ("w", "v"), ("ó", "u")]
        }
        Reading::Italian => &[
            ("scia", "sha"),
            ("scio", "sho"),
            ("sciu", "shu"),
            ("sce", "she"),
            ("sci", "shi"),
            ("cia", "cha"),
            ("cio", "cho"),
            ("ciu", "chu"),
            ("ce", "che"),
            ("ci", "chi"),
            ("gia", "dja"),
            ("gio", "djo"),
            ("ge", "dje"),
            ("gi", "dji"),
            ("gn", "nj"),
            ("gli", "lj"),
            ("ch", "k"),
            ("gh", "g"),
            ("zz", "ts"),
            ("z", "ts"),
        ],
        Reading::Spanish => &[("ll", "j"), ("j", "h"), ("z", "s"), ("ce", "se"), ("ci", "si"), ("qu", "k")],
        Reading::German => &[
            ("tsch", "ch"),
            ("sch", "sh"),
            ("st", "sht"),
            ("sp", "shp"),
            ("ei", "ai"),
            ("ie", "i"),
            ("tz", "ts"),
            ("z", "ts"),
            ("w", "v"),
            ("v", "f"),
            ("j", "y"),
        ],
        Reading::Dutch => &[("ij", "ei"), ("oo", "o"), ("aa", "a"), ("ee", "e"), ("j", "y"), ("w", "v"), ("sch", "sk")],
        Reading::Norwegian => &[("kj", "ch"), ("sj", "sh"), ("skj", "sh"), ("ei", "ai"), ("j", "y")],
        Reading::French => &[("eau", "o"), ("oy", "wa"), ("oi", "wa"), ("ch", "sh"), ("qu", "k"), ("ou", "u")],
        Reading::FrenchAsWritten => &[("eau", "o"), ("oy", "oa"), ("oi", "oa"), ("ch", "sh"), ("qu", "k")],
        Reading::Turkish => &[("c", "dj")],
        Reading::Latvian => &[("j", "y")],
        Reading::English => &[],
    };
    let word = respell(word, rules);
    let mut word = respell(&word, LETTERS);
    // French drops a final consonant and e: Troyes is "trwa".
    if matches!(reading, Reading::French | Reading::FrenchAsWritten) {
        while word.len() > 3 && word.ends_with(['s', 'x', 't', 'e', 'd']) {
            word.pop();
        }
    }
    crate::search::fold::fold_str(&word)
}

/// The ways a caller may have meant the folded `term`: as written, read the German way (sch, z =
/// ts, w = v, ei = ai), the English way (sh, j = dj, ee = i) and the French way (ch = sh).
pub(super) fn readings_of_term(term: &str) -> Vec<String> {
    let german = respell(term, &[("tsch", "ch"), ("sch", "sh"), ("ei", "ai"), ("ie", "i"), ("z", "ts"), ("w", "v")]);
    let english = respell(term, &[("ee", "i"), ("oo", "u"), ("j", "dj"), ("y", "j"), ("ph", "f")]);
    let french = respell(term, &[("sch", "sh"), ("ch", "sh")]);
    let mut out = vec![term.to_string(), german, english, french];
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_imply_their_spellings() {
        assert_eq!(heard("szeged", Reading::Hungarian), "seged");
        assert_eq!(heard("gyönk", Reading::Hungarian), "djonk");
        assert_eq!(heard("płock", Reading::Polish), "pwotsk");
        assert_eq!(heard("logroño", Reading::Spanish), "logronjo");
        assert_eq!(heard("brescia", Reading::Italian), "bresha");
        assert_eq!(heard("łódź", Reading::Polish), "wudzh");
        assert_eq!(heard("graz", Reading::German), "grats");
        assert_eq!(heard("troyes", Reading::French), "trwa");
    }
}
