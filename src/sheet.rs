//! A spreadsheet someone uploaded, read as rows of text cells with their row numbers as the
//! spreadsheet program shows them: CSV as Excel and LibreOffice write it (`;`, `,` or tab,
//! UTF-8 with or without a byte order mark, or Windows-1252 as Danish Excel's plain "CSV"
//! saves), and, with the `sheets` feature, the first sheet of an XLSX workbook.
//!
//! Reading is bounded before it starts: the rows, columns and cell lengths a plan can need,
//! and for XLSX the sizes the archive declares (which the zip reader then enforces), so a small
//! file that unpacks to gigabytes, or a cell placed at row one million, is refused, not read.

use crate::idea::string_enum;

/// More rows than any municipality's plan has (Aalborg's has about 60 actions).
pub const MAX_ROWS: usize = 2_000;
pub const MAX_COLUMNS: usize = 40;
/// A cell holds at most a description's 4 000 characters and some room.
pub const MAX_CELL_CHARS: usize = 5_000;

string_enum!(
    /// Why a file could not be read as a table.
    SheetProblem {
        /// Neither CSV text nor an XLSX workbook.
        NotASheet => "not_a_sheet",
        /// A quote opened and never closed.
        Unclosed => "unclosed",
        Empty => "empty",
        TooManyRows => "too_many_rows",
        TooManyColumns => "too_many_columns",
        CellTooLong => "cell_too_long",
        /// An XLSX archive that unpacks to more than a spreadsheet of this size could.
        TooLarge => "too_large",
    }
);

/// One row with its number as the spreadsheet shows it (the first row is 1).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// The rows that hold anything, in order.
pub type Table = Vec<Row>;

/// Reads CSV text. Rows with nothing in them are left out, but keep their place in the
/// numbering, so "row 7" is row 7 in the program the file came from.
pub fn read_csv(bytes: &[u8]) -> Result<Table, SheetProblem> {
    let text = decode(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let separator = separator(text);
    let mut table = Table::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut number = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut finish_row =
        |cells: &mut Vec<String>, number: &mut usize| -> Result<(), SheetProblem> {
            if cells.iter().any(|c| !c.trim().is_empty()) {
                if table.len() >= MAX_ROWS {
                    return Err(SheetProblem::TooManyRows);
                }
                table.push(Row {
                    number: *number,
                    cells: cells.drain(..).map(|c| unneutralised(c.trim())).collect(),
                });
            }
            cells.clear();
            *number += 1;
            Ok(())
        };
    let push_cell = |cells: &mut Vec<String>, cell: &mut String| {
        if cells.len() >= MAX_COLUMNS {
            return Err(SheetProblem::TooManyColumns);
        }
        cells.push(std::mem::take(cell));
        Ok(())
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
        } else if c == '"' && cell.trim().is_empty() {
            cell.clear();
            quoted = true;
        } else if c == separator {
            push_cell(&mut cells, &mut cell)?;
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            push_cell(&mut cells, &mut cell)?;
            finish_row(&mut cells, &mut number)?;
        } else {
            cell.push(c);
        }
        if cell.len() > MAX_CELL_CHARS * 4 {
            return Err(SheetProblem::CellTooLong);
        }
    }
    if quoted {
        return Err(SheetProblem::Unclosed);
    }
    if !cell.is_empty() || !cells.is_empty() {
        push_cell(&mut cells, &mut cell)?;
        finish_row(&mut cells, &mut number)?;
    }
    finish(table)
}

fn finish(table: Table) -> Result<Table, SheetProblem> {
    if table.is_empty() {
        return Err(SheetProblem::Empty);
    }
    let too_long = table
        .iter()
        .flat_map(|row| &row.cells)
        .any(|cell| cell.chars().count() > MAX_CELL_CHARS);
    if too_long {
        return Err(SheetProblem::CellTooLong);
    }
    Ok(table)
}

/// UTF-8, else Windows-1252 (what Danish Excel's plain "CSV" saves); text with control
/// characters other than line ends and tabs is no CSV file.
fn decode(bytes: &[u8]) -> Result<String, SheetProblem> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    };
    let binary = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    if binary {
        return Err(SheetProblem::NotASheet);
    }
    Ok(text)
}

fn windows_1252(byte: u8) -> char {
    // 0x80–0x9F differ from Latin-1: the euro sign, quotes, dashes and a few letters.
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The separator the first row uses most: `;` (Danish Excel), `,` or tab.
fn separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or_default();
    let count = |c: char| first.chars().filter(|&x| x == c).count();
    [';', ',', '\t']
        .into_iter()
        .max_by_key(|&c| (count(c), c == ';'))
        .unwrap_or(';')
}

/// Our own CSV exports put `'` before a cell starting with `=`, `+`, `-` or `@`, so that a
/// spreadsheet shows it as text; read back, the cell is what it was.
fn unneutralised(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// The declared unpacked size an XLSX of a plan can reach: a few MB of XML at most.
#[cfg(feature = "sheets")]
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
#[cfg(feature = "sheets")]
const MAX_ENTRIES: usize = 1_000;
#[cfg(feature = "sheets")]
const MAX_SHARED_STRINGS: usize = 200_000;

/// Reads the first sheet of an XLSX workbook. Numbers come as a spreadsheet shows them
/// without formatting ("2030", "1250.5"); dates as YYYY-MM-DD.
#[cfg(feature = "sheets")]
pub fn read_xlsx(bytes: &[u8]) -> Result<Table, SheetProblem> {
    use calamine::{DataRef, Reader, Xlsx};
    use std::io::Cursor;

    check_archive(bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| SheetProblem::NotASheet)?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or(SheetProblem::Empty)?;
    let mut cells = book
        .worksheet_cells_reader(&first)
        .map_err(|_| SheetProblem::NotASheet)?;
    let mut rows: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
    while let Some(cell) = cells.next_cell().map_err(|_| SheetProblem::NotASheet)? {
        let (row, column) = cell.get_position();
        let text = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
            DataRef::SharedString(s) => (*s).to_owned(),
            DataRef::Int(n) => n.to_string(),
            DataRef::Float(x) => number(*x),
            DataRef::Bool(b) => b.to_string(),
            DataRef::DateTime(d) if d.is_datetime() => {
                let (year, month, day, ..) = d.to_ymd_hms_milli();
                format!("{year:04}-{month:02}-{day:02}")
            }
            DataRef::DateTime(d) => number(d.as_f64()),
            DataRef::Error(_) => String::new(),
        };
        if text.trim().is_empty() {
            continue;
        }
        let column = column as usize;
        if column >= MAX_COLUMNS {
            return Err(SheetProblem::TooManyColumns);
        }
        if row as usize >= MAX_ROWS * 4 || (rows.len() >= MAX_ROWS && !rows.contains_key(&row)) {
            return Err(SheetProblem::TooManyRows);
        }
        if text.chars().count() > MAX_CELL_CHARS {
            return Err(SheetProblem::CellTooLong);
        }
        let cells = rows.entry(row).or_default();
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        cells[column] = unneutralised(text.trim());
    }
    finish(
        rows.into_iter()
            .map(|(row, cells)| Row {
                number: row as usize + 1,
                cells,
            })
            .collect(),
    )
}

/// A number without the noise of floating point: 2030 not 2030.0.
#[cfg(feature = "sheets")]
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Refuses an archive whose parts declare more than a plan's spreadsheet could unpack to, and
/// one whose shared strings claim a count that calamine would reserve memory for up front.
#[cfg(feature = "sheets")]
fn check_archive(bytes: &[u8]) -> Result<(), SheetProblem> {
    use std::io::{Cursor, Read};

    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| SheetProblem::NotASheet)?;
    if zip.len() > MAX_ENTRIES {
        return Err(SheetProblem::TooLarge);
    }
    let mut unpacked: u64 = 0;
    let mut shared = None;
    for index in 0..zip.len() {
        let entry = zip
            .by_index_raw(index)
            .map_err(|_| SheetProblem::NotASheet)?;
        unpacked = unpacked.saturating_add(entry.size());
        if entry
            .name()
            .is_ok_and(|name| name.ends_with("sharedStrings.xml"))
        {
            shared = Some(index);
        }
    }
    if unpacked > MAX_UNPACKED_BYTES {
        return Err(SheetProblem::TooLarge);
    }
    if let Some(index) = shared {
        let entry = zip.by_index(index).map_err(|_| SheetProblem::NotASheet)?;
        let mut head = Vec::new();
        entry
            .take(4096)
            .read_to_end(&mut head)
            .map_err(|_| SheetProblem::NotASheet)?;
        let head = String::from_utf8_lossy(&head);
        let claimed = head
            .split_once("uniqueCount=\"")
            .and_then(|(_, rest)| rest.split('"').next())
            .map(|n| n.parse::<u64>().unwrap_or(u64::MAX));
        if claimed.is_some_and(|n| n > MAX_SHARED_STRINGS as u64) {
            return Err(SheetProblem::TooLarge);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(table: &Table) -> Vec<(usize, Vec<&str>)> {
        table
            .iter()
            .map(|r| (r.number, r.cells.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn reads_danish_excel_csv_with_quotes_line_breaks_and_blank_rows() {
        let text =
            "\u{feff}kode;titel\r\nT1;\"Cykel; og \"\"gang\"\"\"\r\n;\r\nT2;\"to\nlinjer\"\r\n";
        let table = read_csv(text.as_bytes()).unwrap();
        assert_eq!(
            cells(&table),
            vec![
                (1, vec!["kode", "titel"]),
                (2, vec!["T1", "Cykel; og \"gang\""]),
                (4, vec!["T2", "to\nlinjer"]),
            ]
        );
    }

    #[test]
    fn finds_the_separator_and_reads_windows_1252() {
        let table = read_csv(b"code,title\nT1,Bl\xe5 st\xf8tte \x80\n").unwrap();
        assert_eq!(table[1].cells, vec!["T1", "Blå støtte €"]);
        let table = read_csv(b"code\ttitle\nT1\tx").unwrap();
        assert_eq!(table[1].cells, vec!["T1", "x"]);
    }

    #[test]
    fn a_cell_our_export_neutralised_reads_back_as_it_was() {
        let table = read_csv("a;b\n'-5;'nej".as_bytes()).unwrap();
        assert_eq!(table[1].cells, vec!["-5", "'nej"]);
    }

    #[test]
    fn refuses_what_is_no_table_or_too_big() {
        assert_eq!(read_csv(b""), Err(SheetProblem::Empty));
        assert_eq!(read_csv(b"a;\"b\nc"), Err(SheetProblem::Unclosed));
        assert_eq!(read_csv(b"\x00\x01PK\x03"), Err(SheetProblem::NotASheet));
        let wide = vec!["x"; MAX_COLUMNS + 1].join(";");
        assert_eq!(read_csv(wide.as_bytes()), Err(SheetProblem::TooManyColumns));
        let long = "a\n".repeat(MAX_ROWS + 1);
        assert_eq!(read_csv(long.as_bytes()), Err(SheetProblem::TooManyRows));
        let cell = "x".repeat(MAX_CELL_CHARS + 1);
        assert_eq!(read_csv(cell.as_bytes()), Err(SheetProblem::CellTooLong));
    }

    /// A workbook as Excel lays it out, with this first sheet and shared strings.
    #[cfg(feature = "sheets")]
    fn xlsx(sheet: &[u8], shared: Option<&str>) -> Vec<u8> {
        use std::io::Write;
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut parts: Vec<(&str, Vec<u8>)> = vec![
            ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_vec()),
            ("_rels/.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec()),
            ("xl/workbook.xml", br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Indsatser" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_vec()),
            ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_vec()),
            ("xl/worksheets/sheet1.xml", sheet.to_vec()),
        ];
        if let Some(shared) = shared {
            parts.push(("xl/sharedStrings.xml", shared.as_bytes().to_vec()));
        }
        for (name, bytes) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(&bytes).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[cfg(feature = "sheets")]
    fn sheet_of(rows: &str) -> Vec<u8> {
        format!(r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#).into_bytes()
    }

    #[cfg(feature = "sheets")]
    #[test]
    fn reads_an_xlsx_sheet_with_shared_strings_numbers_and_gaps() {
        let sheet = sheet_of(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
               <row r="3"><c r="A3" t="inlineStr"><is><t>T1</t></is></c><c r="B3"><v>2030</v></c><c r="C3"><v>1250.5</v></c></row>"#,
        );
        let shared = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>kode</t></si><si><t>reduktion</t></si></sst>"#;
        let table = read_xlsx(&xlsx(&sheet, Some(shared))).unwrap();
        assert_eq!(
            cells(&table),
            vec![
                (1, vec!["kode", "", "reduktion"]),
                (3, vec!["T1", "2030", "1250.5"]),
            ]
        );
    }

    #[cfg(feature = "sheets")]
    #[test]
    fn hostile_workbooks_are_refused_before_they_are_unpacked() {
        // A cell at the bottom of the sheet: a reader that allocates the sheet's range would
        // take gigabytes.
        let far = sheet_of(r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#);
        assert_eq!(
            read_xlsx(&xlsx(&far, None)),
            Err(SheetProblem::TooManyColumns)
        );
        let deep = sheet_of(r#"<row r="1048576"><c r="A1048576"><v>1</v></c></row>"#);
        assert_eq!(
            read_xlsx(&xlsx(&deep, None)),
            Err(SheetProblem::TooManyRows)
        );
        // Shared strings that claim a trillion entries: calamine would reserve them up front.
        let claims = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="1000000000000"><si><t>x</t></si></sst>"#;
        let one = sheet_of(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#);
        assert_eq!(
            read_xlsx(&xlsx(&one, Some(claims))),
            Err(SheetProblem::TooLarge)
        );
        // 100 MB of rows packed into a few hundred kilobytes.
        let mut bomb = Vec::with_capacity(101 * 1024 * 1024);
        bomb.extend_from_slice(
            &sheet_of("")[..sheet_of("").len() - "</sheetData></worksheet>".len()],
        );
        while bomb.len() < 100 * 1024 * 1024 {
            bomb.extend_from_slice(b"<row></row>");
        }
        bomb.extend_from_slice(b"</sheetData></worksheet>");
        let packed = xlsx(&bomb, None);
        assert!(packed.len() < 1024 * 1024, "{}", packed.len());
        assert_eq!(read_xlsx(&packed), Err(SheetProblem::TooLarge));
        assert_eq!(
            read_xlsx(b"PK\x03\x04not a zip"),
            Err(SheetProblem::NotASheet)
        );
    }
}
