//! The plan as a spreadsheet: one action per row, keyed by its code, in the columns the staff
//! export writes (so a plan exported, edited in Excel or LibreOffice and imported again changes
//! only what was edited). Headers are read in Danish or English; sectors and themes by key or
//! name; statuses by key or as Danes write them. Every row is checked by the same rules as the
//! form, and the preview says per row what would happen: new, changed (which columns), the same,
//! or refused with its row number and every reason.

use serde::{Deserialize, Serialize};

use crate::idea::string_enum;
use crate::plan::{Action, ActionFields, ActionProblem, ActionRow, ActionStatus};
use crate::sheet::Table;

string_enum!(
    /// A column of the plan's spreadsheet, named by its Danish header as exported.
    Column {
        Code => "kode",
        TitleDa => "titel",
        TitleEn => "titel_en",
        DescriptionDa => "beskrivelse",
        DescriptionEn => "beskrivelse_en",
        Category => "sektor_eller_tema",
        Owner => "ansvarlig",
        Status => "status",
        StartYear => "startår",
        EndYear => "slutår",
        Reduction => "reduktion_ton_co2e",
        Link => "link",
    }
);

impl Column {
    /// Other headers read as this column: English ones, and how people shorten them.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Code => &["code", "nr", "nummer"],
            Column::TitleDa => &["title", "title_da", "titel_da", "navn"],
            Column::TitleEn => &["title_en", "engelsk_titel"],
            Column::DescriptionDa => &["description", "description_da", "beskrivelse_da"],
            Column::DescriptionEn => &["description_en", "engelsk_beskrivelse"],
            Column::Category => &["category", "sektor", "tema", "sector", "theme"],
            Column::Owner => &["owner", "ejer"],
            Column::Status => &["state"],
            Column::StartYear => &["start_year", "start", "startaar"],
            Column::EndYear => &["end_year", "slut", "slutaar"],
            Column::Reduction => &["reduction_t", "reduction", "reduktion", "ton_co2e"],
            Column::Link => &["url", "link_to_plan"],
        }
    }

    /// Columns a file must have; the others may be left out, and an action then keeps what
    /// it had in them.
    pub fn required(self) -> bool {
        !matches!(
            self,
            Column::TitleEn | Column::DescriptionEn | Column::Reduction | Column::Link
        )
    }

    fn matches(self, header: &str) -> bool {
        let header = normal(header);
        normal(self.as_str()) == header || self.aliases().iter().any(|a| normal(a) == header)
    }

    /// The column's value in `fields`.
    pub fn of(self, fields: &ActionFields) -> &str {
        match self {
            Column::Code => &fields.code,
            Column::TitleDa => &fields.title_da,
            Column::TitleEn => &fields.title_en,
            Column::DescriptionDa => &fields.description_da,
            Column::DescriptionEn => &fields.description_en,
            Column::Category => &fields.category,
            Column::Owner => &fields.owner,
            Column::Status => &fields.status,
            Column::StartYear => &fields.start_year,
            Column::EndYear => &fields.end_year,
            Column::Reduction => &fields.reduction,
            Column::Link => &fields.link,
        }
    }

    fn set(self, fields: &mut ActionFields, value: String) {
        let field = match self {
            Column::Code => &mut fields.code,
            Column::TitleDa => &mut fields.title_da,
            Column::TitleEn => &mut fields.title_en,
            Column::DescriptionDa => &mut fields.description_da,
            Column::DescriptionEn => &mut fields.description_en,
            Column::Category => &mut fields.category,
            Column::Owner => &mut fields.owner,
            Column::Status => &mut fields.status,
            Column::StartYear => &mut fields.start_year,
            Column::EndYear => &mut fields.end_year,
            Column::Reduction => &mut fields.reduction,
            Column::Link => &mut fields.link,
        };
        *field = value;
    }
}

/// Lower case, `_` for spaces and hyphens, `aa` for `å`: "Start år" and "startaar" are one.
fn normal(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .replace("å", "aa")
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// A sector or theme the site has, as a cell may name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryName {
    /// `sector:<key>` or `theme:<key>`.
    pub choice: String,
    pub name_da: String,
    pub name_en: String,
}

/// Why a whole file was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    /// The first row lacks these columns.
    MissingColumns(Vec<Column>),
    /// Two headers name the same column.
    SameColumnTwice(Column),
    /// A header and nothing under it.
    NoRows,
}

/// What a row would do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    New,
    /// The columns whose value changes.
    Changed(Vec<Column>),
    Same,
    /// Every reason, as the form gives them.
    Refused(Vec<ActionProblem>),
    /// The code was already on the row with this number.
    SameCode(usize),
}

/// One row of the file, read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanRow {
    /// The row number the spreadsheet program shows.
    pub number: usize,
    /// The code as typed, to name the row by.
    pub code: String,
    /// What the action would be: the row over what the action has in columns the file lacks.
    pub fields: ActionFields,
    pub outcome: Outcome,
}

impl PlanRow {
    /// The checked action, for rows that can be saved.
    pub fn action(&self) -> Option<Action> {
        match self.outcome {
            Outcome::New | Outcome::Changed(_) => self.fields.parse().ok(),
            _ => None,
        }
    }
}

/// Reads a plan from `table` (its first row the headers) against the site's sectors and
/// themes and the actions there are.
pub fn read_plan(
    table: &Table,
    categories: &[CategoryName],
    existing: &[ActionFields],
) -> Result<Vec<PlanRow>, FileProblem> {
    let Some((header, rows)) = table.split_first() else {
        return Err(FileProblem::NoRows);
    };
    let mut columns: Vec<Option<Column>> = Vec::new();
    for cell in &header.cells {
        let column = Column::ALL.iter().copied().find(|c| c.matches(cell));
        if let Some(column) = column
            && columns.contains(&Some(column))
        {
            return Err(FileProblem::SameColumnTwice(column));
        }
        columns.push(column);
    }
    let missing: Vec<Column> = Column::ALL
        .iter()
        .copied()
        .filter(|c| c.required() && !columns.contains(&Some(*c)))
        .collect();
    if !missing.is_empty() {
        return Err(FileProblem::MissingColumns(missing));
    }
    if rows.is_empty() {
        return Err(FileProblem::NoRows);
    }
    let mut read: Vec<PlanRow> = Vec::with_capacity(rows.len());
    for row in rows {
        let typed = |column: Column| {
            columns
                .iter()
                .position(|c| *c == Some(column))
                .map(|i| row.cells.get(i).cloned().unwrap_or_default())
        };
        let code = typed(Column::Code).unwrap_or_default();
        let key = crate::plan::ActionCode::parse(&code);
        let before = key
            .as_ref()
            .and_then(|key| existing.iter().find(|f| f.code == key.as_str()));
        let mut fields = before.cloned().unwrap_or_default();
        for &column in Column::ALL {
            if let Some(value) = typed(column) {
                column.set(&mut fields, value);
            }
        }
        fields.category = category_choice(&fields.category, categories);
        fields.status = status_key(&fields.status);
        let earlier = key.as_ref().and_then(|key| {
            read.iter()
                .find(|r| crate::plan::ActionCode::parse(&r.code).as_ref() == Some(key))
        });
        let outcome = match (earlier, fields.parse()) {
            (Some(earlier), _) => Outcome::SameCode(earlier.number),
            (None, Err(problems)) => Outcome::Refused(problems),
            (None, Ok(action)) => match before.map(ActionFields::parse) {
                None => Outcome::New,
                Some(Ok(old)) => match changed_columns(&old, &action) {
                    changed if changed.is_empty() => Outcome::Same,
                    changed => Outcome::Changed(changed),
                },
                Some(Err(_)) => Outcome::Changed(Column::ALL.to_vec()),
            },
        };
        if let Some(key) = &key {
            fields.code = key.as_str().to_owned();
        }
        read.push(PlanRow {
            number: row.number,
            code,
            fields,
            outcome,
        });
    }
    Ok(read)
}

/// An emissions file (columns `sektor`, `udledning_basisår` and `udledning_seneste_år`, or in
/// English `sector`, `base_year_t` and `latest_year_t`; sectors by key or name) as the form's
/// figures per sector key. A sector the site lacks is refused with its row number.
pub fn read_baseline(
    table: &Table,
    sectors: &[CategoryName],
) -> Result<Vec<(String, String, String)>, crate::plan::BaselineRefusal> {
    use crate::plan::BaselineProblem;
    let Some((header, rows)) = table.split_first() else {
        return Err((BaselineProblem::Columns, None));
    };
    let find = |names: &[&str]| {
        header
            .cells
            .iter()
            .position(|cell| names.iter().any(|n| normal(n) == normal(cell)))
    };
    let columns = (
        find(&["sektor", "sector"]),
        find(&["udledning_basisår", "basisår", "base_year_t", "base"]),
        find(&[
            "udledning_seneste_år",
            "seneste_år",
            "latest_year_t",
            "latest",
        ]),
    );
    let (Some(sector), Some(base), Some(latest)) = columns else {
        return Err((BaselineProblem::Columns, None));
    };
    if rows.is_empty() {
        return Err((BaselineProblem::Columns, None));
    }
    let cell = |row: &crate::sheet::Row, i: usize| row.cells.get(i).cloned().unwrap_or_default();
    rows.iter()
        .map(|row| {
            let choice = category_choice(&cell(row, sector), sectors);
            match choice.strip_prefix("sector:") {
                Some(key) if sectors.iter().any(|c| c.choice == choice) => {
                    Ok((key.to_owned(), cell(row, base), cell(row, latest)))
                }
                _ => Err((BaselineProblem::Sector, Some(row.number.to_string()))),
            }
        })
        .collect()
}

/// The columns in which `new` differs from `old`.
pub fn changed_columns(old: &Action, new: &Action) -> Vec<Column> {
    let differs = |column: Column| match column {
        Column::Code => old.code != new.code,
        Column::TitleDa => old.title_da != new.title_da,
        Column::TitleEn => old.title_en != new.title_en,
        Column::DescriptionDa => old.description_da != new.description_da,
        Column::DescriptionEn => old.description_en != new.description_en,
        Column::Category => old.category != new.category,
        Column::Owner => old.owner != new.owner,
        Column::Status => old.status != new.status,
        Column::StartYear => old.start_year != new.start_year,
        Column::EndYear => old.end_year != new.end_year,
        Column::Reduction => old.reduction != new.reduction,
        Column::Link => old.link != new.link,
    };
    Column::ALL
        .iter()
        .copied()
        .filter(|c| differs(*c))
        .collect()
}

/// A sector or theme cell as the form's choice (`sector:<key>`): the choice itself, the bare
/// key, or the name in either language; anything else is left as typed for the check to refuse.
fn category_choice(cell: &str, categories: &[CategoryName]) -> String {
    let typed = cell.trim();
    let wanted = typed.to_lowercase();
    categories
        .iter()
        .find(|c| {
            c.choice == typed
                || c.choice
                    .split_once(':')
                    .is_some_and(|(_, key)| key == typed)
                || c.name_da.to_lowercase() == wanted
                || c.name_en.to_lowercase() == wanted
        })
        .map_or_else(|| typed.to_owned(), |c| c.choice.clone())
}

/// A status cell as its key: the key, or the words Danes and others write.
fn status_key(cell: &str) -> String {
    let typed = normal(cell);
    let status = match typed.as_str() {
        "planlagt" | "planned" => Some(ActionStatus::Planned),
        "i_gang" | "igang" | "igangsat" | "in_progress" => Some(ActionStatus::InProgress),
        "gennemført" | "færdig" | "afsluttet" | "done" | "completed" => Some(ActionStatus::Done),
        "sat_paa_pause" | "paa_pause" | "pause" | "paused" => Some(ActionStatus::Paused),
        "droppet" | "opgivet" | "dropped" => Some(ActionStatus::Dropped),
        _ => None,
    };
    status.map_or_else(|| cell.trim().to_owned(), |s| s.as_str().to_owned())
}

impl ActionFields {
    /// The fields of a stored action, as the form and the spreadsheet show them.
    pub fn of_row(row: &ActionRow) -> ActionFields {
        let kind = if row.kind == "adaptation" {
            "theme"
        } else {
            "sector"
        };
        ActionFields {
            code: row.code.clone(),
            title_da: row.title_da.clone(),
            title_en: row.title_en.clone().unwrap_or_default(),
            description_da: row.description_da.clone(),
            description_en: row.description_en.clone().unwrap_or_default(),
            category: format!("{kind}:{}", row.category_key),
            owner: row.owner.clone(),
            status: row.status.clone(),
            start_year: row.start_year.to_string(),
            end_year: row.end_year.to_string(),
            reduction: row.reduction_t.map(|t| t.to_string()).unwrap_or_default(),
            link: row.link.clone().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::read_csv;

    fn categories() -> Vec<CategoryName> {
        vec![
            CategoryName {
                choice: "sector:transport".into(),
                name_da: "Transport".into(),
                name_en: "Transport".into(),
            },
            CategoryName {
                choice: "theme:flooding".into(),
                name_da: "Oversvømmelse".into(),
                name_en: "Flooding".into(),
            },
        ]
    }

    const HEADER: &str = "Kode;Titel;Beskrivelse;Sektor eller tema;Ansvarlig;Status;Startår;Slutår;Reduktion ton CO2e";

    fn plan(rows: &[&str], existing: &[ActionFields]) -> Result<Vec<PlanRow>, FileProblem> {
        let text = std::iter::once(HEADER)
            .chain(rows.iter().copied())
            .collect::<Vec<_>>()
            .join("\n");
        read_plan(&read_csv(text.as_bytes()).unwrap(), &categories(), existing)
    }

    #[test]
    fn reads_names_and_danish_words_and_says_what_is_new() {
        let rows = plan(
            &["t1;Elbusser;Alle bybusser kører på el.;Transport;Trafik og Veje;i gang;2025;2030;1 250,5"],
            &[],
        )
        .unwrap();
        assert_eq!(rows[0].outcome, Outcome::New);
        let action = rows[0].action().unwrap();
        assert_eq!(action.code.as_str(), "T1");
        assert_eq!(action.status, ActionStatus::InProgress);
        assert_eq!(action.reduction.unwrap().value(), 1250.5);
    }

    #[test]
    fn an_unchanged_row_is_the_same_and_a_missing_column_keeps_what_was() {
        let first = plan(
            &["T1;Elbusser;Alle bybusser.;sector:transport;Trafik;planned;2025;2030;100"],
            &[],
        )
        .unwrap();
        let mut stored = first[0].fields.clone();
        stored.title_en = "Electric buses".into();
        let again = plan(
            &["T1;Elbusser;Alle bybusser.;transport;Trafik;Planlagt;2025;2030;100"],
            &[stored.clone()],
        )
        .unwrap();
        assert_eq!(again[0].outcome, Outcome::Same);
        assert_eq!(again[0].fields.title_en, "Electric buses");
        let changed = plan(
            &["T1;Elbusser;Alle bybusser.;transport;Trafik;gennemført;2025;2031;100"],
            &[stored],
        )
        .unwrap();
        assert_eq!(
            changed[0].outcome,
            Outcome::Changed(vec![Column::Status, Column::EndYear])
        );
    }

    #[test]
    fn a_bad_row_names_its_number_and_every_reason() {
        let rows = plan(
            &[
                "T1;Elbusser;Alle bybusser.;transport;Trafik;planned;2025;2030;",
                "",
                "T 2;x;;Sø;Trafik;måske;2031;2030;-5",
                "t1;Igen;Igen.;transport;Trafik;planned;2025;2030;",
                "K1;Skybrud;Regnvand.;Oversvømmelse;Forsyning;planned;2025;2030;10",
            ],
            &[],
        )
        .unwrap();
        assert_eq!(rows[1].number, 4);
        let Outcome::Refused(problems) = &rows[1].outcome else {
            panic!("{:?}", rows[1].outcome)
        };
        for p in [
            ActionProblem::Code,
            ActionProblem::Title,
            ActionProblem::Description,
            ActionProblem::Category,
            ActionProblem::Status,
            ActionProblem::Years,
            ActionProblem::Reduction,
        ] {
            assert!(problems.contains(&p), "{p:?} in {problems:?}");
        }
        assert_eq!(rows[2].outcome, Outcome::SameCode(2));
        assert_eq!(
            rows[3].outcome,
            Outcome::Refused(vec![ActionProblem::ReductionForAdaptation])
        );
    }

    #[test]
    fn an_emissions_file_reads_sectors_by_name_and_names_an_unknown_one_by_row() {
        use crate::plan::{BaselineFields, BaselineProblem};
        let file = "Sektor;Udledning basisår;Udledning seneste år\nTransport;1 000 000;800.000,5\n";
        let sectors = read_baseline(&read_csv(file.as_bytes()).unwrap(), &categories()).unwrap();
        assert_eq!(
            sectors,
            vec![("transport".into(), "1 000 000".into(), "800.000,5".into())]
        );
        let fields = BaselineFields {
            base_year: "1990".into(),
            latest_year: "2022".into(),
            sectors: sectors.clone(),
        };
        // "800.000,5" is Danish for 800 000.5 only with the comma; as typed, it is refused
        // rather than guessed.
        assert_eq!(
            fields.parse(),
            Err((BaselineProblem::Figure, Some("transport".into())))
        );
        let fields = BaselineFields {
            sectors: vec![("transport".into(), "1000000".into(), "800000,5".into())],
            ..fields
        };
        let baseline = fields.parse().unwrap();
        assert_eq!(
            baseline.sectors,
            vec![("transport".into(), 1_000_000.0, 800_000.5)]
        );
        assert_eq!(
            BaselineFields {
                latest_year: "1989".into(),
                ..fields.clone()
            }
            .parse(),
            Err((BaselineProblem::Years, None))
        );
        let moon = "sektor;basisår;seneste_år\nTransport;1;1\nMånen;1;1\n";
        assert_eq!(
            read_baseline(&read_csv(moon.as_bytes()).unwrap(), &categories()),
            Err((BaselineProblem::Sector, Some("3".into())))
        );
        let theme = "sektor;basisår;seneste_år\nOversvømmelse;1;1\n";
        assert_eq!(
            read_baseline(&read_csv(theme.as_bytes()).unwrap(), &categories()),
            Err((BaselineProblem::Sector, Some("2".into()))),
            "themes have no emissions"
        );
    }

    #[test]
    fn a_file_without_the_needed_columns_is_refused_as_a_whole() {
        let table = read_csv("code;title\nT1;x".as_bytes()).unwrap();
        let Err(FileProblem::MissingColumns(missing)) = read_plan(&table, &categories(), &[])
        else {
            panic!()
        };
        assert!(missing.contains(&Column::Owner) && !missing.contains(&Column::Link));
        let table = read_csv("code;kode\nT1;T2".as_bytes()).unwrap();
        assert_eq!(
            read_plan(&table, &categories(), &[]),
            Err(FileProblem::SameColumnTwice(Column::Code))
        );
        let table = read_csv(HEADER.as_bytes()).unwrap();
        assert_eq!(
            read_plan(&table, &categories(), &[]),
            Err(FileProblem::NoRows)
        );
    }
}
