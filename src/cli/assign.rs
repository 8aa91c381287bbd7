//! `partnerdesk assign CITY PERSON`: the most common change, one city to another desk. Only the
//! city's `contact:` value changes; every other byte of the file stays as it was.

use clap::Args as ClapArgs;

use super::{Args, Failure, Out, keep};
use crate::directory::Directory;
use crate::exit::ExitStatus;
use crate::search::fold::fold_str;

/// Options of `partnerdesk assign`.
#[derive(Debug, ClapArgs)]
pub struct AssignArgs {
    /// The city: its name, German or native name, or an alias (case and accents do not matter).
    pub city: String,
    /// The person: an id (`kuz`) or a name (`Julia Kuz`, `Kuz`).
    pub person: String,
}

/// Gives the city to the person, in the data file, through its lock and install.
pub fn run(args: &Args, assign: &AssignArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    let lang = args.lang();
    let keep::Opened { path, lock, source, text, started_from, old, year } = match keep::open(args, "assign")? {
        Ok(opened) => opened,
        Err(status) => return Ok(status),
    };
    let city = find_city(&old, &assign.city)?;
    let person = find_person(&old, &assign.person)?;
    let (city, person) = (&old.cities()[city], &old.people()[person]);
    if city.contact == person.id {
        out.line(crate::i18n::already_assigned(&city.name, &person.full_name()).get(lang))?;
        return Ok(ExitStatus::Success);
    }
    let mut new_text =
        replace_contact(&text, &city.name, &city.contact, &person.id).ok_or_else(|| not_in_place(&city.name))?;
    let mut expected = old.data().clone();
    if let Some(c) = expected.cities.iter_mut().find(|c| c.name == city.name) {
        c.contact = person.id.clone();
    }
    // Absences that have ended leave the file with the next change; history/ keeps them.
    let staying = super::away::kept(&old, crate::clock::today(), None);
    if staying.len() < old.absences().len() {
        new_text = crate::directory::absences_text::with_absences(&new_text, &staying)
            .ok_or_else(|| Failure::Usage(crate::i18n::absences_not_in_place()))?;
        expected.absences = staying;
    }
    let new = crate::directory::parse_text(&new_text, source, year)?;
    if *new.data() != expected {
        return Err(not_in_place(&city.name));
    }
    let status = keep::install(&path, Some(&started_from), &new_text, (Some(old.data()), new.data()), lang, out);
    drop(lock);
    status
}

fn not_in_place(city: &str) -> Failure {
    Failure::Usage(crate::i18n::not_in_place(city))
}

/// The city `query` names: by its name, German or native name or an alias, folded (case and
/// accents aside). Refused when none or several do.
fn find_city(dir: &Directory, query: &str) -> Result<usize, Failure> {
    let wanted = fold_str(query.trim());
    let found: Vec<usize> = dir
        .cities()
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            std::iter::once(&c.name)
                .chain(&c.native)
                .chain(&c.german)
                .chain(&c.aliases)
                .any(|name| fold_str(name) == wanted)
        })
        .map(|(i, _)| i)
        .collect();
    let names = |ids: &[usize]| ids.iter().map(|&i| dir.cities()[i].name.clone()).collect::<Vec<_>>().join(", ");
    match found.as_slice() {
        [one] => Ok(*one),
        [] => {
            let all: Vec<usize> = (0..dir.cities().len()).collect();
            Err(Failure::Usage(crate::i18n::no_such_city(query, &names(&all))))
        }
        several => Err(Failure::Usage(crate::i18n::several_cities(query, &names(several)))),
    }
}

/// The person `query` names: an id, else the full, family or given name, folded.
pub(super) fn find_person(dir: &Directory, query: &str) -> Result<usize, Failure> {
    let people = dir.people();
    if let Some(i) = people.iter().position(|p| p.id == query.trim()) {
        return Ok(i);
    }
    let wanted = fold_str(query.trim());
    let by = |name: fn(&crate::directory::Person) -> String| -> Vec<usize> {
        people.iter().enumerate().filter(|(_, p)| fold_str(&name(p)) == wanted).map(|(i, _)| i).collect()
    };
    let candidates = [by(|p| p.full_name()), by(|p| p.family_name.clone()), by(|p| p.given_name.clone())];
    let found = candidates.into_iter().find(|ids| !ids.is_empty()).unwrap_or_default();
    let names = |ids: &[usize]| {
        ids.iter().map(|&i| format!("{} ({})", people[i].full_name(), people[i].id)).collect::<Vec<_>>().join(", ")
    };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => {
            let all: Vec<usize> = (0..people.len()).collect();
            Err(Failure::Usage(crate::i18n::no_such_person(query, &names(&all))))
        }
        several => Err(Failure::Usage(crate::i18n::several_people(query, &names(several)))),
    }
}

/// `text` with the `contact:` value of the city called `city` changed from `old` to `new`, and
/// nothing else; `None` where the file is not laid out so that this can be done safely.
///
/// One pass over the lines, without tokenising the file: the city's `name:` line, then the first
/// `contact: "old"` from there on before the next city's `name:`. The caller parses the result
/// and checks that exactly that value changed, so a layout this misreads is refused, not saved.
pub fn replace_contact(text: &str, city: &str, old: &str, new: &str) -> Option<String> {
    let (name, contact) = (format!("name: \"{city}\""), format!("\"{old}\""));
    let mut offset = 0;
    let mut in_city = false;
    for line in text.split_inclusive('\n') {
        let code = line.trim_start();
        if !code.starts_with("//") {
            if let Some(at) = code.find("name:") {
                let starts_city = code[at..].starts_with(&name);
                if in_city && !starts_city {
                    return None;
                }
                in_city = in_city || starts_city;
            }
            for (key, _) in line.match_indices("contact").filter(|_| in_city) {
                let after_key = line[key + "contact".len()..].trim_start();
                if let Some(rest) = after_key.strip_prefix(':')
                    && rest.trim_start().starts_with(&contact)
                {
                    let at = offset + line.len() - rest.trim_start().len();
                    let mut changed = String::with_capacity(text.len() + new.len());
                    changed.push_str(&text[..at]);
                    changed.push_str(&format!("\"{new}\""));
                    changed.push_str(&text[at + contact.len()..]);
                    return Some(changed);
                }
            }
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::EMBEDDED;

    #[test]
    fn only_the_contact_value_changes() {
        let changed = replace_contact(EMBEDDED, "Trondheim", "otto", "kuz").unwrap();
        let (old, new): (Vec<&str>, Vec<&str>) = (EMBEDDED.lines().collect(), changed.lines().collect());
        assert_eq!(old.len(), new.len());
        let differing: Vec<(&&str, &&str)> = old.iter().zip(&new).filter(|(a, b)| a != b).collect();
        assert_eq!(differing.len(), 1, "{differing:?}");
        assert_eq!(differing[0].1.trim(), "contact: \"kuz\",");
        assert_eq!(changed.len(), EMBEDDED.len() + "kuz".len() - "otto".len());
    }

    #[test]
    fn cities_and_people_are_found_as_the_desk_says_them() {
        let dir = crate::directory::parse(EMBEDDED, crate::directory::Source::Embedded, 2026).unwrap();
        let name = |i: usize| dir.cities()[i].name.clone();
        assert_eq!(name(find_city(&dir, "plock").unwrap()), "Płock");
        assert_eq!(name(find_city(&dir, "Drontheim").unwrap()), "Trondheim");
        assert_eq!(name(find_city(&dir, "uschhorod").unwrap()), "Uzhhorod");
        assert!(find_city(&dir, "Berlin").is_err());
        let id = |i: usize| dir.people()[i].id.clone();
        assert_eq!(id(find_person(&dir, "kuz").unwrap()), "kuz");
        assert_eq!(id(find_person(&dir, "Julia Kuz").unwrap()), "kuz");
        assert_eq!(id(find_person(&dir, "seel").unwrap()), "seel");
        assert_eq!(id(find_person(&dir, "Jessica").unwrap()), "otto");
        assert!(find_person(&dir, "Nobody").is_err());
    }
}
