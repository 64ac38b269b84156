//! A debate as it leaves the site: staff export every argument of the ideas a filter holds
//! (CSV and JSON, and a sheet of the ideas' XLSX), read back by LibreOffice as staff open them;
//! open data holds only published words and no personal data.

use reqwest::StatusCode;

use crate::export::{as_danish_excel, download, libreoffice};
use crate::test_app::{Browser, TestApp, staff_browser, with_staff};

const IDEA: &str = crate::test_app::PUBLIC_DEMO_IDEA;
/// Words a spreadsheet would take for a formula, with Danish letters.
const FORMULA: &str = "=HYPERLINK(\"http://x\") Ærø-færgen på el";
const HIDDEN: &str = "Ring til Jens på 12 34 56 78";

/// A debate with an argument, a reply by another resident, a hidden argument and a reply by
/// the municipality; the idea's id and the hidden argument's.
async fn debate(app: &TestApp) -> (i64, String) {
    let id = app.idea_id(IDEA).await;
    let idea = id.to_string();
    let mut lone = Browser::new(app);
    lone.sign_in_as("lone@example.dk").await;
    let mut jens = Browser::new(app);
    jens.sign_in_as("jens@example.dk").await;
    let argue = |stance: &'static str, text: &'static str| {
        [
            ("idea", idea.clone()),
            ("stance", stance.into()),
            ("text", text.into()),
        ]
    };
    let fields = argue("for", FORMULA);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let (_, location) = lone.post_form("/fn/ideas/argue", &fields).await;
    let first = location.rsplit("argument-").next().unwrap().to_owned();
    jens.post_form(
        "/fn/ideas/argue",
        &[
            ("idea", &idea),
            ("reply_to", &first),
            ("text", "Enig, \"helt\"; klart"),
        ],
    )
    .await;
    let fields = argue("against", HIDDEN);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let (_, location) = jens.post_form("/fn/ideas/argue", &fields).await;
    let hidden = location.rsplit("argument-").next().unwrap().to_owned();
    let mut mo = staff_browser(app, "mo").await;
    mo.post_form(
        "/fn/staff/debate/moderate",
        &[
            ("idea", &idea),
            ("argument", &hidden),
            ("action", "hide"),
            ("rule", "privacy"),
        ],
    )
    .await;
    mo.post_form(
        "/fn/staff/debate/reply",
        &[
            ("idea", &idea),
            ("reply_to", &first),
            ("text", "Kommunen ser på det."),
            ("department", "Klima og Miljø"),
        ],
    )
    .await;
    (id, hidden)
}

#[tokio::test]
async fn staff_export_every_argument_as_csv_json_and_a_sheet_read_back_by_libreoffice() {
    let app = with_staff().await;
    let (id, hidden) = debate(&app).await;
    let mo = staff_browser(&app, "mo").await;
    let dir = tempfile::tempdir().unwrap();
    let filter = format!("area=9000-aalborg&q={}", "cykelsti");

    let (status, csv) = download(&mo, &format!("/staff/export/arguments.csv?{filter}")).await;
    assert_eq!(status, StatusCode::OK);
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(
        text.starts_with("\u{feff}id;idea_id;reply_to;stance;text;author;"),
        "{text}"
    );
    let html = as_danish_excel(dir.path(), "arguments", &csv);
    assert!(html.contains("Ærø-færgen på el"), "Danish letters intact");
    assert!(
        html.contains("&apos;=HYPERLINK") || html.contains("'=HYPERLINK"),
        "the formula is text: {html}"
    );
    assert!(html.contains(HIDDEN), "staff read hidden words");
    assert!(html.contains("privacy") && html.contains("municipality"));
    assert!(html.contains("Klima og Miljø"));

    let (status, json) = download(&mo, &format!("/staff/export/arguments.json?{filter}")).await;
    assert_eq!(status, StatusCode::OK);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(rows.iter().all(|r| r["idea_id"] == id));
    let hidden_row = rows
        .iter()
        .find(|r| r["id"] == hidden.parse::<i64>().unwrap())
        .unwrap();
    assert_eq!(hidden_row["moderation_state"], "hidden");
    assert_eq!(hidden_row["moderation_rule"], "privacy");
    assert_eq!(rows[0]["replies"], 2, "{rows:?}");
    assert!(rows[0]["created_at"].as_str().unwrap().ends_with('Z'));
    // Another filter, another set: none of this idea's arguments.
    let (_, none) = download(&mo, "/staff/export/arguments.json?q=ingenting-her").await;
    assert_eq!(
        serde_json::from_slice::<Vec<serde_json::Value>>(&none)
            .unwrap()
            .len(),
        0
    );

    // The ideas' CSV counts the published arguments by stance.
    let (_, ideas) = download(&mo, &format!("/staff/export/ideas.csv?{filter}")).await;
    let ideas = String::from_utf8(ideas).unwrap();
    let header = ideas.lines().next().unwrap();
    assert!(
        header.ends_with(";staff_note;arguments_for;arguments_against;questions"),
        "{header}"
    );
    let row = ideas
        .lines()
        .find(|l| l.starts_with(&format!("{id};")))
        .unwrap();
    assert!(
        row.ends_with(";1;0;0"),
        "the hidden one is not counted: {row}"
    );

    // The workbook's second sheet holds the same arguments.
    let (status, xlsx) = download(&mo, &format!("/staff/export/ideas.xlsx?{filter}")).await;
    assert_eq!(status, StatusCode::OK);
    std::fs::write(dir.path().join("ideas.xlsx"), &xlsx).unwrap();
    // LibreOffice's CSV filter: the 12th token picks the sheet (here the second).
    let sheet = libreoffice(
        &dir.path().join("ideas.xlsx"),
        None,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
        "ideas-Indlæg.csv",
    );
    assert!(
        sheet.starts_with("id,idea_id,reply_to,stance,text,author,"),
        "{sheet}"
    );
    assert!(
        sheet.contains("Ærø-færgen på el") && sheet.contains(HIDDEN),
        "{sheet}"
    );
    assert!(
        sheet.contains("=HYPERLINK(\"\"http://x\"\")"),
        "a string, not a formula"
    );

    // Audited; not for residents or visitors.
    let actions: Vec<String> = app
        .db
        .audit_log(
            &klimadialog::storage::AuditFilter {
                action: Some("export.".into()),
                ..Default::default()
            },
            None,
            10,
        )
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .filter(|action| action.starts_with("export.arguments"))
        .collect();
    assert_eq!(
        actions,
        [
            "export.arguments_json",
            "export.arguments_json",
            "export.arguments_csv"
        ]
    );
    let mut lone = Browser::new(&app);
    lone.sign_in_as("lone@example.dk").await;
    for path in [
        "/staff/export/arguments.csv",
        "/staff/export/arguments.json",
    ] {
        assert_eq!(
            download(&lone, path).await.0,
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
}

#[tokio::test]
async fn open_data_holds_published_words_without_personal_data() {
    let app = with_staff().await;
    let (id, hidden) = debate(&app).await;
    let (status, body) = app.get(&format!("/api/arguments.json?idea={id}")).await;
    assert_eq!(status, StatusCode::OK);
    let data: serde_json::Value = serde_json::from_str(&body).unwrap();
    let arguments = data["arguments"].as_array().unwrap();
    assert_eq!(arguments.len(), 3, "{body}");
    assert!(!body.contains(HIDDEN), "hidden words are not open data");
    assert!(
        !arguments
            .iter()
            .any(|a| a["id"] == hidden.parse::<i64>().unwrap())
    );
    assert!(!body.contains("@example.dk") && !body.contains("resident_id"));
    assert!(
        arguments
            .iter()
            .any(|a| a["author"] == "municipality" && a["department"] == "Klima og Miljø")
    );
    assert!(arguments.iter().all(|a| a["display_name"].is_null()));
    assert_eq!(data["next"], serde_json::Value::Null);
    let all = app.get("/api/arguments.json?page=2").await.1;
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&all).unwrap()["arguments"],
        serde_json::json!([])
    );
}
