//! `partnerdesk away PERSON --until DATE` and `partnerdesk back PERSON`: recording who is away,
//! until when, and who covers, in the shared data file. Only its `absences:` list changes, through
//! the same lock, install, history and change log as `assign`; absences that have ended leave the
//! list at each such change (the history keeps them).

use chrono::NaiveDate;
use clap::Args as ClapArgs;

use super::{Args, Failure, Out, assign::find_person, day_option, keep};
use crate::directory::{Absence, Directory, absences_text, date};
use crate::exit::ExitStatus;
use crate::i18n::{self, Bilingual};

/// Options of `partnerdesk away`.
#[derive(Debug, ClapArgs)]
pub struct AwayArgs {
    /// Who is away: an id (`schewe`) or a name (`Irene Schewe`, `Schewe`).
    pub person: String,
    /// The first day away, YYYY-MM-DD or DD.MM.YYYY; default today.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day away, YYYY-MM-DD or DD.MM.YYYY.
    #[arg(long, value_name = "DATE")]
    pub until: String,
    /// Who covers meanwhile; without it, the person's standing deputy does.
    #[arg(long, value_name = "PERSON")]
    pub cover: Option<String>,
}

/// Options of `partnerdesk back`.
#[derive(Debug, ClapArgs)]
pub struct BackArgs {
    /// Who is back: an id or a name.
    pub person: String,
}

/// What a change comes to: nothing to do (with why), or the new absences list and what to say
/// once it is saved.
enum Decision {
    Nothing(Bilingual),
    Write(Vec<Absence>, Box<dyn FnOnce(&Directory) -> Bilingual>),
}

/// Records an absence.
pub fn away(args: &Args, away: &AwayArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    let today = crate::clock::today();
    let from = day_option("--from", away.from.as_deref())?;
    let until = day_option("--until", Some(&away.until))?;
    if until < from {
        return Err(Failure::Usage(i18n::until_before_from_argument(&date::iso(from), &date::iso(until))));
    }
    if until < today {
        return Err(Failure::Usage(i18n::ended_already(&date::iso(until))));
    }
    let lang = args.lang();
    change(args, "away", out, |dir| {
        let person = find_person(dir, &away.person)?;
        let cover = away.cover.as_deref().map(|c| find_person(dir, c)).transpose()?;
        let (who, name) = (&dir.people()[person], dir.people()[person].full_name());
        if cover == Some(person) {
            return Err(Failure::Usage(i18n::cover_is_the_person(&name)));
        }
        if let Some(&(_, other_from, other_until)) =
            dir.absences_of(person).iter().find(|&&(_, f, u)| f <= until && from <= u && u >= today)
        {
            let (f, u) = (date::long(other_from, lang), date::long(other_until, lang));
            return Err(Failure::Usage(i18n::already_away(&name, &f, &u)));
        }
        let mut absences = kept(dir, today, None);
        absences.push(Absence {
            person: who.id.clone(),
            from: date::iso(from),
            until: date::iso(until),
            cover: cover.map(|c| dir.people()[c].id.clone()),
        });
        Ok(Decision::Write(
            absences,
            Box::new(move |new: &Directory| {
                let answer = new.answers(Some(person), from);
                let answerer = match answer.who {
                    crate::directory::Answerer::Person(_, p) => p.full_name(),
                    crate::directory::Answerer::Office(o) => format!("{} <{}>", o.department, o.email),
                };
                let why = answer.why.stand_in_word();
                i18n::answered_meanwhile(&name, &answerer, why.get(lang))
            }),
        ))
    })
}

/// Ends today's absence of a person: they answer again from today on. A later absence stays.
pub fn back(args: &Args, back: &BackArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    let today = crate::clock::today();
    change(args, "back", out, |dir| {
        let person = find_person(dir, &back.person)?;
        let name = dir.people()[person].full_name();
        let Some(&(current, _, _)) = dir.absences_of(person).iter().find(|&&(_, f, u)| f <= today && today <= u) else {
            return Ok(Decision::Nothing(i18n::not_away(&name)));
        };
        Ok(Decision::Write(kept(dir, today, Some(current)), Box::new(move |_: &Directory| i18n::answers_again(&name))))
    })
}

/// The absences that stay: all but those ended before `today` and the one numbered `ending`.
pub(super) fn kept(dir: &Directory, today: NaiveDate, ending: Option<usize>) -> Vec<Absence> {
    dir.absences()
        .iter()
        .enumerate()
        .filter(|&(i, a)| Some(i) != ending && date::parse(&a.until).is_ok_and(|until| until >= today))
        .map(|(_, a)| a.clone())
        .collect()
}

/// Takes the lock, reads the file, lets `decide` work out the new absences, and installs them.
fn change(
    args: &Args,
    command: &str,
    out: &mut Out,
    decide: impl FnOnce(&Directory) -> Result<Decision, Failure>,
) -> Result<ExitStatus, Failure> {
    let lang = args.lang();
    let keep::Opened { path, lock, source, text, started_from, old, year } = match keep::open(args, command)? {
        Ok(opened) => opened,
        Err(status) => return Ok(status),
    };
    let (absences, after) = match decide(&old)? {
        Decision::Nothing(said) => {
            out.line(said.get(lang))?;
            return Ok(ExitStatus::Success);
        }
        Decision::Write(absences, after) => (absences, after),
    };
    let not_in_place = || Failure::Usage(i18n::absences_not_in_place());
    let new_text = absences_text::with_absences(&text, &absences).ok_or_else(not_in_place)?;
    let new = crate::directory::parse_text(&new_text, source, year)?;
    let mut expected = old.data().clone();
    expected.absences = absences;
    if *new.data() != expected {
        return Err(not_in_place());
    }
    let status = keep::install(&path, Some(&started_from), &new_text, (Some(old.data()), new.data()), lang, out);
    drop(lock);
    if let Ok(ExitStatus::Success) = status {
        out.line(after(&new).get(lang))?;
    }
    status
}
