//! An Excel workbook of a list: every value written as text, so that `+49 6151 13-2325` stays a
//! phone number and nothing is read as a formula; a bold, frozen header row and columns wide
//! enough for their contents.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The widest a column gets, in characters; longer cells wrap in Excel's own way.
const MAX_WIDTH: usize = 60;

/// The workbook's bytes: one sheet named `sheet`, `header` in its first row, then `rows`.
pub fn workbook(sheet: &str, header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let page = book.add_worksheet();
    page.set_name(sheet)?;
    for (column, title) in header.iter().enumerate() {
        page.write_string_with_format(0, column as u16, *title, &bold)?;
    }
    for (row, values) in rows.iter().enumerate() {
        for (column, value) in values.iter().enumerate() {
            page.write_string_with_format(row as u32 + 1, column as u16, value, &text)?;
        }
    }
    for (column, title) in header.iter().enumerate() {
        let widest = std::iter::once(title.chars().count())
            .chain(rows.iter().filter_map(|r| r.get(column)).map(|v| v.chars().count()))
            .max()
            .unwrap_or(8);
        page.set_column_width(column as u16, (widest + 2).min(MAX_WIDTH) as f64)?;
    }
    page.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}
