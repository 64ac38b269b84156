//! CSV for staff exports: RFC 4180 (quoted where needed, CRLF line ends), UTF-8 with a byte
//! order mark so Excel reads Danish letters right, and text cells that a spreadsheet would take
//! for a formula neutralised, since exports carry what residents typed.
//!
//! Danish Excel splits a double-clicked CSV file on `;` (the list separator of Danish
//! Windows), so that is the default; `,` is there for other tools. Either way a cell holding
//! either character is quoted, so a file opened with the other separator still cannot be split
//! into a cell that starts with a formula.

/// Goes first in the file: Excel takes a UTF-8 file without it for the local code page.
pub const BOM: &str = "\u{feff}";

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Written as typed, except that a leading `=`, `+`, `-`, `@`, tab or carriage return gets a
    /// `'` before it, so a spreadsheet shows it as text instead of computing it.
    Text(&'a str),
    Number(i64),
    Empty,
}

/// What separates cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Separator {
    /// What Danish Excel expects.
    #[default]
    Semicolon,
    Comma,
}

impl Separator {
    pub fn as_char(self) -> char {
        match self {
            Separator::Semicolon => ';',
            Separator::Comma => ',',
        }
    }

    /// From a download's query, `separator=comma` or `separator=semicolon`.
    pub fn parse(value: &str) -> Option<Separator> {
        match value {
            "semicolon" => Some(Separator::Semicolon),
            "comma" => Some(Separator::Comma),
            _ => None,
        }
    }
}

/// Appends one row, ending in CRLF.
pub fn write_row(out: &mut String, cells: &[Cell<'_>], separator: Separator) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(separator.as_char());
        }
        match cell {
            Cell::Text(text) => write_text(out, text),
            Cell::Number(n) => {
                use std::fmt::Write;
                let _ = write!(out, "{n}");
            }
            Cell::Empty => {}
        }
    }
    out.push_str("\r\n");
}

fn write_text(out: &mut String, text: &str) {
    let neutralise = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = neutralise || text.contains([',', ';', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if neutralise {
        out.push('\'');
    }
    if text.contains('"') {
        out.push_str(&text.replace('"', "\"\""));
    } else {
        out.push_str(text);
    }
    if quote {
        out.push('"');
    }
}

/// A whole file: the BOM, the header row and the rows.
pub fn document<'a>(
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<Cell<'a>>>,
    separator: Separator,
) -> String {
    let mut out = String::from(BOM);
    let header: Vec<Cell<'_>> = header.iter().map(|h| Cell::Text(h)).collect();
    write_row(&mut out, &header, separator);
    for row in rows {
        write_row(&mut out, &row, separator);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[Cell<'_>]) -> String {
        let mut out = String::new();
        write_row(&mut out, cells, Separator::Comma);
        out
    }

    #[test]
    fn plain_cells_stay_plain_and_rows_end_in_crlf() {
        assert_eq!(
            row(&[Cell::Text("Nørresundby"), Cell::Number(42), Cell::Empty]),
            "Nørresundby,42,\r\n"
        );
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted_per_rfc_4180() {
        assert_eq!(row(&[Cell::Text("a,b")]), "\"a,b\"\r\n");
        assert_eq!(
            row(&[Cell::Text("sagde \"nej\"")]),
            "\"sagde \"\"nej\"\"\"\r\n"
        );
        assert_eq!(row(&[Cell::Text("to\nlinjer")]), "\"to\nlinjer\"\r\n");
    }

    #[test]
    fn formulas_are_neutralised() {
        for formula in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            let written = row(&[Cell::Text(formula)]);
            assert!(written.starts_with("\"'"), "{formula:?} -> {written:?}");
        }
        assert_eq!(
            row(&[Cell::Text("1+1=2")]),
            "1+1=2\r\n",
            "only a leading sign counts"
        );
        assert_eq!(row(&[Cell::Number(-5)]), "-5\r\n", "numbers are numbers");
    }

    #[test]
    fn a_document_starts_with_the_bom_and_the_header() {
        let doc = document(
            &["id", "titel"],
            [vec![Cell::Number(1), Cell::Text("Æbler")]],
            Separator::Comma,
        );
        assert_eq!(doc, "\u{feff}id,titel\r\n1,Æbler\r\n");
        let danish = document(
            &["id", "titel"],
            [vec![Cell::Number(1), Cell::Text("Æbler")]],
            Separator::default(),
        );
        assert_eq!(danish, "\u{feff}id;titel\r\n1;Æbler\r\n");
    }

    #[test]
    fn a_cell_with_either_separator_is_quoted_so_no_split_starts_a_formula() {
        // Opened in Danish Excel (which splits on ';'), this unquoted would be "Grøn by" and
        // a formula; quoted it stays one text cell, whichever separator the file uses.
        for separator in [Separator::Comma, Separator::Semicolon] {
            let mut out = String::new();
            write_row(&mut out, &[Cell::Text("Grøn by;=1+1")], separator);
            assert_eq!(out, "\"Grøn by;=1+1\"\r\n");
            let mut out = String::new();
            write_row(&mut out, &[Cell::Text("x,=cmd|' /C calc'!A0")], separator);
            assert!(out.starts_with('"'), "{out}");
        }
    }
}
