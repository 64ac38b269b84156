//! Staff exports of ideas in four formats, read back by the programs staff open them with:
//! LibreOffice (headless, Debian's libreoffice-calc) for CSV and XLSX, GDAL's ogrinfo for
//! GeoJSON. Contact details only for admins who ask, and every download in the audit log.

use std::path::Path;
use std::process::Command;

use klimadialog::storage::{NewIdea, now};
use klimadialog::{Category, CategoryKey, IdeaDescription, IdeaTitle, ModerationState};
use reqwest::StatusCode;

use crate::support::{Browser, TestApp, staff_browser, with_staff};

const FORMULA_TITLE: &str = "=HYPERLINK(\"http://x\") Ærø-færgen på el";

/// An idea by a resident with an address, whose title a spreadsheet would take for a formula.
async fn hostile_idea(app: &TestApp) -> i64 {
    let author = app
        .db
        .resident_for_email("forfatter@example.dk", now())
        .await
        .unwrap();
    app.db
        .insert_idea(&NewIdea {
            title: IdeaTitle::parse(FORMULA_TITLE).unwrap(),
            description: IdeaDescription::parse(
                "@SUM(A1) og \"citater\", kommaer; og\nlinjeskift.",
            )
            .unwrap(),
            category: Category::Sector(CategoryKey::parse("transport").unwrap()),
            area: klimadialog::AreaId(3),
            point: None,
            photo: None,
            author: Some(author.0),
            moderation: ModerationState::Pending,
            created_at: now(),
        })
        .await
        .unwrap()
        .0
}

async fn download(browser: &Browser<'_>, path: &str) -> (StatusCode, Vec<u8>) {
    let response = browser
        .app
        .client
        .get(format!("{}{path}", browser.app.base))
        .header("cookie", browser.jar.header())
        .send()
        .await
        .unwrap();
    (response.status(), response.bytes().await.unwrap().to_vec())
}

/// Converts `file` with LibreOffice and returns the converted text. A profile of its own per
/// call, so parallel tests do not share one.
fn libreoffice(file: &Path, infilter: Option<&str>, to: &str, out_name: &str) -> String {
    let dir = file.parent().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let mut command = Command::new("soffice");
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .arg("--headless");
    if let Some(filter) = infilter {
        command.arg(format!("--infilter={filter}"));
    }
    let output = command
        .args(["--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .expect("LibreOffice (Debian libreoffice-calc; scripts/setup installs it)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read_to_string(dir.join(out_name)).expect("LibreOffice wrote the file")
}

#[tokio::test]
async fn csv_and_xlsx_open_in_libreoffice_with_danish_letters_and_inert_formulas() {
    let app = with_staff().await;
    let id = hostile_idea(&app).await;
    let mo = staff_browser(&app, "mo").await;
    let dir = tempfile::tempdir().unwrap();

    let (status, csv) = download(&mo, "/staff/export/ideas.csv?area=hasseris").await;
    assert_eq!(status, StatusCode::OK);
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(
        text.starts_with("\u{feff}id,title,description,kind,"),
        "{text}"
    );
    assert!(
        !text.contains("forfatter@example.dk"),
        "no contact details unless asked"
    );
    assert!(!text.contains("author_email"));
    std::fs::write(dir.path().join("ideas.csv"), &csv).unwrap();
    // Read as a spreadsheet would: UTF-8, comma-separated, quoted; shown as an HTML table.
    let html = libreoffice(
        &dir.path().join("ideas.csv"),
        Some("CSV:44,34,76,1"),
        "html",
        "ideas.html",
    );
    assert!(html.contains("Ærø-færgen på el"), "Danish letters intact");
    assert!(
        html.contains("&apos;=HYPERLINK") || html.contains("'=HYPERLINK"),
        "the formula is text"
    );
    assert!(html.contains("&apos;@SUM(A1)") || html.contains("'@SUM(A1)"));
    assert!(html.contains("pending"), "staff see the moderation state");

    let (status, xlsx) = download(&mo, "/staff/export/ideas.xlsx?area=hasseris").await;
    assert_eq!(status, StatusCode::OK);
    assert!(xlsx.starts_with(b"PK"), "a zip file");
    std::fs::write(dir.path().join("ideas.xlsx"), &xlsx).unwrap();
    let back = libreoffice(
        &dir.path().join("ideas.xlsx"),
        None,
        "csv:Text - txt - csv (StarCalc):44,34,76",
        "ideas.csv",
    );
    assert!(
        back.lines()
            .next()
            .unwrap()
            .starts_with("id,title,description,kind,sector,theme,category,area")
    );
    // The row spans lines: the description has a line break, quoted as CSV does.
    let start = back.find(&format!("\n{id},")).expect("the idea's row");
    let row: String = back[start..].chars().take(400).collect();
    assert!(row.contains("Ærø-færgen på el"), "{row}");
    assert!(row.contains(",pending,"), "{row}");
    // Typed cells: the formula stayed a string (LibreOffice would write its result otherwise).
    assert!(row.contains("=HYPERLINK(\"\"http://x\"\")"), "{row}");
    assert!(back.contains("Transport"));
}

#[tokio::test]
async fn geojson_passes_ogrinfo_and_json_parses_with_every_state() {
    let app = with_staff().await;
    hostile_idea(&app).await;
    let mo = staff_browser(&app, "mo").await;
    let (status, json) = download(&mo, "/staff/export/ideas.json").await;
    assert_eq!(status, StatusCode::OK);
    let ideas: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
    let total = app.db.count_ideas().await.unwrap() as usize;
    assert_eq!(ideas.len(), total, "every idea, in any moderation state");
    assert!(ideas.iter().any(|i| i["moderation_state"] == "pending"));
    assert!(ideas.iter().all(|i| i.get("author_email").is_none()));

    let (status, geojson) = download(&mo, "/staff/export/ideas.geojson?sector=transport").await;
    assert_eq!(status, StatusCode::OK);
    let parsed: serde_json::Value = serde_json::from_slice(&geojson).unwrap();
    let features = parsed["features"].as_array().unwrap();
    assert!(!features.is_empty());
    assert!(
        features
            .iter()
            .all(|f| f["properties"]["sector"] == "transport")
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ideas.geojson");
    std::fs::write(&file, &geojson).unwrap();
    let output = Command::new("ogrinfo")
        .args(["-ro", "-so", "-al"])
        .arg(&file)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{report}");
    assert!(report.contains("Geometry: Point"), "{report}");
    assert!(
        report.contains(&format!("Feature Count: {}", features.len())),
        "{report}"
    );
    assert!(report.contains("moderation_state: "), "{report}");
}

#[tokio::test]
async fn contact_details_only_for_admins_who_ask_and_every_export_is_audited() {
    let app = with_staff().await;
    hostile_idea(&app).await;
    let mut mo = staff_browser(&app, "mo").await;
    let mut anna = staff_browser(&app, "anna").await;
    let (status, _) = download(&mo, "/staff/export/ideas.csv?contact=1").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let page = anna.get("/staff/ideas").await;
    assert!(page.contains("Medtag forslagsstillernes e-mailadresser"));
    assert!(
        !mo.get("/staff/ideas")
            .await
            .contains("Medtag forslagsstillernes")
    );
    // As the admins' form sends it.
    let (status, csv) = download(&anna, "/staff/export/ideas?format=csv&contact=1").await;
    assert_eq!(status, StatusCode::OK);
    let text = String::from_utf8(csv).unwrap();
    assert!(text.lines().next().unwrap().ends_with(",author_email"));
    assert!(text.contains("forfatter@example.dk"));
    let (status, _) = download(&anna, "/staff/export/ideas?format=exe").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    for format in ["csv", "xlsx", "geojson", "json"] {
        let (status, _) = download(
            &Browser::new(&app),
            &format!("/staff/export/ideas.{format}"),
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{format}");
    }
    let log = app
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
        .unwrap();
    assert_eq!(log.len(), 1, "refused downloads are not exports");
    assert_eq!(log[0].staff.as_deref(), Some("anna"));
    assert!(
        log[0]
            .after_json
            .as_deref()
            .unwrap()
            .contains("\"include_contact\":true")
    );
}

#[tokio::test]
async fn internal_notes_are_in_exports_and_nowhere_public() {
    let app = with_staff().await;
    let mut mo = staff_browser(&app, "mo").await;
    let idea = app
        .db
        .ideas_with_title("Sammenhængende cykelsti langs Vejgårdsvej")
        .await
        .unwrap()[0]
        .0
        .to_string();
    let too_long = "x".repeat(4001);
    let (_, location) = mo
        .post_form(
            "/fn/staff/ideas/note",
            &[("idea", &idea), ("note", &too_long)],
        )
        .await;
    assert!(location.contains("error=note"), "{location}");
    let (_, location) = mo
        .post_form(
            "/fn/staff/ideas/note",
            &[
                ("idea", &idea),
                ("note", "Vejafdelingen: med i budget 2027"),
                ("back", "/staff/ideas"),
            ],
        )
        .await;
    assert!(location.contains(&format!("noted={idea}")), "{location}");
    assert!(
        mo.get("/staff/ideas")
            .await
            .contains("Vejafdelingen: med i budget 2027</textarea>")
    );
    let (_, csv) = download(&mo, "/staff/export/ideas.csv").await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",author_name,staff_note")
    );
    assert!(csv.contains("Vejafdelingen: med i budget 2027"));
    for public in [
        format!("/ideas/{idea}"),
        "/api/ideas.json".to_owned(),
        "/ideas".to_owned(),
    ] {
        assert!(
            !app.get(&public).await.1.contains("Vejafdelingen"),
            "{public}"
        );
    }
    let audit = app
        .db
        .audit_of("idea", idea.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(audit.last().unwrap().1, "idea.note");
}
