//! Plain-text tables and RFC 4180 CSV.

use unicode_width::UnicodeWidthStr;

/// Rows padded into aligned columns, two spaces apart; the last column is not padded.
pub fn aligned(header: &[&str], rows: &[Vec<String>]) -> Vec<String> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    std::iter::once(&header)
        .chain(rows)
        .map(|row| {
            let last = row.len().saturating_sub(1);
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, cell)| if i == last { cell.clone() } else { pad(cell, widths[i]) })
                .collect();
            cells.join("  ").trim_end().to_string()
        })
        .collect()
}

fn pad(cell: &str, width: usize) -> String {
    format!("{cell}{}", " ".repeat(width.saturating_sub(cell.width())))
}

/// One CSV record, quoted where RFC 4180 needs it, ending in CRLF.
pub fn csv_record(cells: &[String]) -> String {
    let fields: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
    format!("{}\r\n", fields.join(","))
}

fn csv_field(cell: &str) -> String {
    if cell.contains([',', '"', '\r', '\n']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_by_display_width() {
        let rows = vec![vec!["Płock".to_string(), "1988".to_string()], vec!["Graz".to_string(), "1968".to_string()]];
        assert_eq!(aligned(&["City", "Since"], &rows), ["City   Since", "Płock  1988", "Graz   1968"]);
    }

    #[test]
    fn csv_quotes_only_where_needed() {
        let cells = ["Graz".to_string(), "Aube, Grand Est".to_string(), "say \"hi\"".to_string()];
        assert_eq!(csv_record(&cells), "Graz,\"Aube, Grand Est\",\"say \"\"hi\"\"\"\r\n");
    }
}
