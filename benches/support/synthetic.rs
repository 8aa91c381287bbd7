//! A seeded, deterministic generator of large, valid directories with realistic names, accents
//! included. Shared by `benches/search.rs` and `examples/generate.rs`.

use std::collections::HashSet;
use std::fmt::Write;

const STARTS: &[&str] = &[
    "Kra", "Szé", "Bø", "Łó", "Gyö", "Nú", "Mar", "Vel", "Ost", "Tre", "Hal", "Bru", "Ćes", "Dob", "Eri", "Fal", "Gra",
    "Hød", "Ilo", "Jas", "Kür", "Lie", "Mün", "Nor", "Oľ", "Pla", "Ráz", "Sab", "Tor", "Új", "Vil", "Wró", "Zal",
    "Ålе", "Bre", "Cas", "Dun", "Els", "Fri", "Gol",
];
const MIDDLES: &[&str] = &[
    "", "na", "lo", "ri", "ße", "ve", "ka", "ño", "te", "mi", "go", "sø", "ra", "dé", "ju", "ba", "ti", "ló", "ne",
    "ze",
];
const ENDS: &[&str] = &[
    "ków", "burg", "ágy", "heim", "ja", "no", "ville", "stad", "ice", "ėnai", "sund", "grad", "ona", "ås", "ingen",
    "ovo", "ach", "ely", "mouth", "ec", "au", "berg", "polis", "hely", "inė", "ów", "dorf", "holm", "ara", "uş",
];
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("PL", "Polen", "Poland"),
    ("HU", "Ungarn", "Hungary"),
    ("NO", "Norwegen", "Norway"),
    ("FR", "Frankreich", "France"),
    ("IT", "Italien", "Italy"),
    ("ES", "Spanien", "Spain"),
    ("TR", "Türkei", "Türkiye"),
    ("AT", "Österreich", "Austria"),
    ("LV", "Lettland", "Latvia"),
    ("CZ", "Tschechien", "Czechia"),
    ("DK", "Dänemark", "Denmark"),
    ("SE", "Schweden", "Sweden"),
    ("UA", "Ukraine", "Ukraine"),
    ("RO", "Rumänien", "Romania"),
];
const GIVEN: &[&str] = &[
    "Anna",
    "Łukasz",
    "Zoë",
    "Jürgen",
    "Ingrid",
    "Søren",
    "Ilona",
    "José",
    "Mária",
    "Oğuz",
    "Chloé",
    "Björn",
    "Agnieszka",
    "Dávid",
    "Renée",
    "Jiří",
    "Ewa",
    "Tomás",
    "Małgorzata",
    "Håkon",
];
const FAMILY: &[&str] = &[
    "Kowalska",
    "Nagy",
    "Müller",
    "Løvland",
    "Dubois",
    "Rossi",
    "García",
    "Yılmaz",
    "Gruber",
    "Bērziņš",
    "Novák",
    "Schröder",
    "Szabó",
    "Jørgensen",
    "Peña",
    "Öztürk",
    "Wójcik",
    "Lindqvist",
    "Horváth",
    "Kuz",
];
const ROLES: &[&str] = &["Partnerstädte", "Kommunale Entwicklungspolitik", "Protokoll", "Europaangelegenheiten"];

/// SplitMix64: small, fast and the same everywhere, so a seed always gives the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// A valid data file of `entries` cities and people (one person for every 50 entries), written as
/// a maintainer would: one entry per line, every city with a region. Also returns one text line
/// per entry with the same searchable text, for tools such as `fzf --filter`.
pub fn generate(entries: usize, seed: u64) -> (String, Vec<String>) {
    let mut rng = Rng(seed);
    let people = (entries / 50).max(1);
    let cities = entries.saturating_sub(people);
    let mut out = String::with_capacity(entries * 150);
    let mut lines = Vec::with_capacity(entries);
    out.push_str("Directory(\n    office: Office(\n");
    out.push_str("        name: \"Amt für Gremiendienste, Protokoll und Internationales\",\n");
    out.push_str("        department: \"Abteilung Internationales\",\n");
    out.push_str(
        "        visiting_address: Address(street: \"Luisenplatz 5 a\", postcode: \"64283\", city: \"Darmstadt\"),\n",
    );
    out.push_str(
        "        postal_address: Address(street: \"Postfach 11 10 61\", postcode: \"64225\", city: \"Darmstadt\"),\n",
    );
    out.push_str("        transit_stop: \"Luisenplatz\",\n        email: \"international@darmstadt.de\",\n");
    out.push_str("        fax: \"(06151) 13-3584\",\n        head: \"p0\",\n    ),\n    people: [\n");
    let mut names = Vec::with_capacity(people);
    for i in 0..people {
        let id = format!("p{}", base36(i));
        let (given, family, role) = (rng.pick(GIVEN), rng.pick(FAMILY), rng.pick(ROLES));
        let phone = format!("(06151) 13-{}", 1000 + i % 9000);
        let _ = writeln!(
            out,
            "        Person(id: \"{id}\", given_name: \"{given}\", family_name: \"{family}\", role: \"{role}\", \
             phone: \"{phone}\", fax: \"(06151) 13-3584\", email: \"{id}@example.de\"),"
        );
        lines.push(format!("{given} {family} {role} {phone} (06151) 13-3584 {id}@example.de {}", 1000 + i % 9000));
        names.push(format!("{given} {family}"));
    }
    out.push_str("    ],\n    cities: [\n");
    let mut seen = HashSet::with_capacity(cities);
    for _ in 0..cities {
        let name = loop {
            let name = format!("{}{}{}{}", rng.pick(STARTS), rng.pick(MIDDLES), rng.pick(MIDDLES), rng.pick(ENDS));
            if seen.insert(name.to_lowercase()) {
                break name;
            }
        };
        let (code, de, en) = COUNTRIES[(rng.next() % COUNTRIES.len() as u64) as usize];
        let region = format!("{}{}", rng.pick(STARTS), rng.pick(ENDS));
        let since = 1950 + (rng.next() % 75) as i32;
        let contact = (rng.next() % people as u64) as usize;
        let _ = writeln!(
            out,
            "        City(name: \"{name}\", country: Country(code: \"{code}\", de: \"{de}\", en: \"{en}\"), \
             region: \"{region}\", since: {since}, contact: \"p{}\"),",
            base36(contact)
        );
        lines.push(format!("{name} {de} {en} {code} {region} {} {since}", names[contact]));
    }
    out.push_str("    ],\n)\n");
    (out, lines)
}

/// Short person ids: `0`, `1`, … `z`, `10`, …
fn base36(mut n: usize) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}
