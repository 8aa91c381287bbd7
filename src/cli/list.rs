//! `partnerdesk list`: the responsibility table for the notice board, or for a spreadsheet.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args as ClapArgs, ValueEnum};

use super::rows;
use super::table::{aligned, csv_record};
use super::{Args, Failure, Out};
use crate::directory::Directory;
use crate::exit::ExitStatus;
use crate::i18n::Lang;
use crate::search::fold::fold_str;

/// What to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum What {
    /// The partner cities with their contacts.
    #[default]
    Cities,
    /// The people with their cities.
    People,
    /// The topics of the office's page, with who answers for them.
    Topics,
    /// The absences not yet ended, with who covers.
    Absences,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Aligned columns for reading.
    #[default]
    Table,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// A JSON array of objects, one per row, keyed by the CSV's column names.
    Json,
    /// An Excel workbook (with --out FILE, or into a pipe): every value as text.
    Xlsx,
}

/// Order of the cities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Sort {
    /// Alphabetically by name.
    #[default]
    Name,
    /// By the year the partnership began, oldest first.
    Since,
    /// By country (in the output language), then name.
    Country,
}

/// Options of `partnerdesk list`.
#[derive(Debug, ClapArgs)]
pub struct ListArgs {
    /// What to list.
    #[arg(value_enum, default_value_t)]
    pub what: What,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Order of the cities (people are always listed by family name).
    #[arg(long, value_enum)]
    pub sort: Option<Sort>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Who answers, and who is away, on DATE (YYYY-MM-DD or DD.MM.YYYY) instead of today.
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

/// Prints the list, or writes it to `--out`.
pub fn run(args: &Args, list: &ListArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    if list.what != What::Cities && list.sort.is_some_and(|s| s != Sort::Name) {
        return Err(Failure::Usage(crate::i18n::sort_is_for_cities()));
    }
    if list.format == Format::Xlsx && list.out.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::Usage(crate::i18n::workbook_not_for_terminal()));
    }
    let on = super::day_option("--on", list.on.as_deref())?;
    let dir = super::load(args)?;
    let lang = args.lang();
    let order = match list.what {
        What::Cities => Order::Cities(city_order(&dir, list.sort.unwrap_or_default(), lang)),
        What::People => Order::People(person_order(&dir)),
        What::Topics => Order::Topics((0..dir.topics().len()).collect()),
        What::Absences => Order::Absences(absence_order(&dir, on)),
    };
    let bytes: Vec<u8> = match list.format {
        Format::Json => {
            let records: Vec<rows::JsonRow> = cells(&dir, &order, on, lang, false)
                .map(|row| rows::JsonRow(row.into_iter().map(|(column, cell)| (column.key, cell.json())).collect()))
                .collect();
            format!("{}\n", super::to_json(&records)).into_bytes()
        }
        Format::Table => {
            let (header, rows) = rows(&dir, &order, on, lang, true);
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            aligned(&header, &rows).into_iter().flat_map(|line| [line, "\n".into()]).collect::<String>().into_bytes()
        }
        Format::Csv => {
            let header: Vec<String> = rows::shown(order.columns().0, false).map(|c| c.key.to_string()).collect();
            let (_, rows) = rows(&dir, &order, on, lang, false);
            std::iter::once(&header).chain(&rows).map(|row| csv_record(row)).collect::<String>().into_bytes()
        }
        Format::Xlsx => {
            let (header, rows) = rows(&dir, &order, on, lang, false);
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let sheet = match order {
                Order::Cities(_) => lang.text().cities_sheet,
                Order::People(_) => lang.text().people_sheet,
                Order::Topics(_) => lang.text().topics_sheet,
                Order::Absences(_) => crate::i18n::ABSENCES_SHEET.get(lang),
            };
            super::xlsx::workbook(sheet, &header, &rows)
                .map_err(|e| Failure::Usage(crate::i18n::cannot_build(crate::i18n::built::WORKBOOK, &e.to_string())))?
        }
    };
    match &list.out {
        Some(path) => super::atomic::write_atomically(path, &bytes)?,
        None => out.bytes(&bytes)?,
    }
    Ok(ExitStatus::Success)
}

/// The rows to list, by index into the directory's cities or people.
enum Order {
    Cities(Vec<usize>),
    People(Vec<usize>),
    Topics(Vec<usize>),
    Absences(Vec<usize>),
}

/// The absences that have not ended by `on`, by their first day, then the person's id.
fn absence_order(dir: &Directory, on: chrono::NaiveDate) -> Vec<usize> {
    let day = |text: &str| crate::directory::date::parse(text).ok();
    let mut absences: Vec<usize> =
        (0..dir.absences().len()).filter(|&i| day(&dir.absences()[i].until).is_some_and(|until| until >= on)).collect();
    absences.sort_by_cached_key(|&i| (day(&dir.absences()[i].from), dir.absences()[i].person.clone()));
    absences
}

fn city_order(dir: &Directory, sort: Sort, lang: Lang) -> Vec<usize> {
    let mut cities: Vec<usize> = (0..dir.cities().len()).collect();
    let name = |i: &usize| fold_str(&dir.cities()[*i].name);
    match sort {
        Sort::Name => cities.sort_by_cached_key(name),
        Sort::Since => cities.sort_by_cached_key(|i| (dir.cities()[*i].since, name(i))),
        Sort::Country => cities.sort_by_cached_key(|i| (fold_str(dir.cities()[*i].country.name(lang)), name(i))),
    }
    cities
}

fn person_order(dir: &Directory) -> Vec<usize> {
    let mut people: Vec<usize> = (0..dir.people().len()).collect();
    people.sort_by_cached_key(|i| {
        let p = &dir.people()[*i];
        (fold_str(&p.family_name), fold_str(&p.given_name))
    });
    people
}

impl Order {
    /// The columns of this list, and the rows' indices.
    fn columns(&self) -> (&'static [rows::Column], &[usize]) {
        match self {
            Order::Cities(ids) => (rows::CITIES, ids),
            Order::People(ids) => (rows::PEOPLE, ids),
            Order::Topics(ids) => (rows::TOPICS, ids),
            Order::Absences(ids) => (rows::ABSENCES, ids),
        }
    }
}

/// Every row of the list: its shown columns (for the table or the data formats), each with its
/// value in `lang`.
fn cells<'a>(
    dir: &'a Directory,
    order: &'a Order,
    on: chrono::NaiveDate,
    lang: Lang,
    table: bool,
) -> impl Iterator<Item = Vec<(&'static rows::Column, rows::Cell)>> + 'a {
    let (columns, ids) = order.columns();
    ids.iter().map(move |&index| {
        let row = rows::Row { dir, index, on };
        rows::shown(columns, table).map(|c| (c, (c.value)(&row, lang))).collect()
    })
}

/// The header (labels in `lang`) and the rows of the list as text, for the table or CSV and the
/// workbook.
fn rows(
    dir: &Directory,
    order: &Order,
    on: chrono::NaiveDate,
    lang: Lang,
    table: bool,
) -> (Vec<String>, Vec<Vec<String>>) {
    let header = rows::shown(order.columns().0, table).map(|c| c.label.get(lang).to_string()).collect();
    let rows =
        cells(dir, order, on, lang, table).map(|row| row.into_iter().map(|(_, cell)| cell.text(table)).collect());
    (header, rows.collect())
}
