//! Staff exports of ideas in four formats, read back by the programs staff open them with:
//! LibreOffice (headless, Debian's libreoffice-calc) for CSV and XLSX, GDAL's ogrinfo for
//! GeoJSON. Contact details only for admins who ask, and every download in the audit log.

use std::path::Path;
use std::process::Command;

use klimadialog::storage::{NewIdea, now};
use klimadialog::{Category, CategoryKey, IdeaDescription, IdeaTitle, ModerationState};
use reqwest::StatusCode;

use crate::test_app::{Browser, TestApp, staff_browser, with_staff, with_staff_and};

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
            exact_point: false,
            photo: None,
            author: Some(author.0),
            moderation: ModerationState::Pending,
            created_at: now(),
        })
        .await
        .unwrap()
        .0
}

pub(crate) async fn download(browser: &Browser<'_>, path: &str) -> (StatusCode, Vec<u8>) {
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

/// A CSV download opened as Danish Excel would (UTF-8, split on ';', quoted, Danish locale
/// 1030), saved as `name` in `dir` and shown as an HTML table.
pub(crate) fn as_danish_excel(dir: &Path, name: &str, csv: impl AsRef<[u8]>) -> String {
    let file = dir.join(format!("{name}.csv"));
    std::fs::write(&file, csv).unwrap();
    libreoffice(
        &file,
        Some("CSV:59,34,76,1,,1030"),
        "html",
        &format!("{name}.html"),
    )
}

/// Converts `file` with LibreOffice and returns the converted text. A profile of its own per
/// call, so parallel tests do not share one.
pub(crate) fn libreoffice(file: &Path, infilter: Option<&str>, to: &str, out_name: &str) -> String {
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

/// GDAL's summary of a GeoJSON file, as the GIS team's tools read it; fails if GDAL cannot.
fn ogrinfo(geojson: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ideas.geojson");
    std::fs::write(&file, geojson).unwrap();
    let output = Command::new("ogrinfo")
        .args(["-ro", "-so", "-al"])
        .arg(&file)
        .output()
        .expect("ogrinfo (Debian gdal-bin; scripts/setup installs it)");
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{report}");
    report
}

#[tokio::test]
async fn csv_and_xlsx_open_in_libreoffice_with_danish_letters_and_inert_formulas() {
    let app = with_staff().await;
    let id = hostile_idea(&app).await;
    let mo = staff_browser(&app, "mo").await;
    let dir = tempfile::tempdir().unwrap();

    let (status, csv) = download(&mo, "/staff/export/ideas.csv?area=9210-aalborg-so").await;
    assert_eq!(status, StatusCode::OK);
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(
        text.starts_with("\u{feff}id;title;description;kind;"),
        "{text}"
    );
    assert!(
        !text.contains("forfatter@example.dk"),
        "no contact details unless asked"
    );
    assert!(!text.contains("author_email"));
    let html = as_danish_excel(dir.path(), "ideas", &csv);
    assert!(html.contains("Ærø-færgen på el"), "Danish letters intact");
    assert!(
        html.contains("&apos;=HYPERLINK") || html.contains("'=HYPERLINK"),
        "the formula is text"
    );
    assert!(html.contains("&apos;@SUM(A1)") || html.contains("'@SUM(A1)"));
    assert!(html.contains("pending"), "staff see the moderation state");

    let (status, xlsx) = download(&mo, "/staff/export/ideas.xlsx?area=9210-aalborg-so").await;
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
    let report = ogrinfo(&geojson);
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
    assert!(text.lines().next().unwrap().ends_with(";author_email"));
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
        .idea_id(crate::test_app::PUBLIC_DEMO_IDEA)
        .await
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
                ("back", &format!("/staff/ideas/{idea}")),
            ],
        )
        .await;
    assert!(location.contains(&format!("noted={idea}")), "{location}");
    assert!(
        mo.get(&location)
            .await
            .contains("Vejafdelingen: med i budget 2027</textarea>")
    );
    let (_, csv) = download(&mo, "/staff/export/ideas.csv").await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .contains(";author_name;staff_note;")
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

/// What clients put in `Accept-Encoding`: every browser's list first, then one at a time, then
/// nothing (curl, scripts). The server answers gzip or plain.
const ENCODINGS: [Option<&str>; 6] = [
    Some("gzip, deflate, br, zstd"),
    Some("gzip"),
    Some("br"),
    Some("zstd"),
    Some("deflate"),
    None,
];

/// Downloads as a client that asks for `encoding` and decodes what came; fails when the body
/// is cut off (which is how a broken stream shows to a browser).
async fn download_encoded(
    browser: &Browser<'_>,
    path: &str,
    encoding: Option<&str>,
) -> (StatusCode, Vec<u8>) {
    use std::io::Read;
    let mut request = browser
        .app
        .client
        .get(format!("{}{path}", browser.app.base))
        .header("cookie", browser.jar.header());
    if let Some(encoding) = encoding {
        request = request.header("accept-encoding", encoding);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let coding = response
        .headers()
        .get("content-encoding")
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = response
        .bytes()
        .await
        .unwrap_or_else(|e| panic!("{path} with {encoding:?}: the body was cut off: {e}"));
    let plain = match coding.as_deref() {
        None => bytes.to_vec(),
        Some("gzip") => {
            assert!(encoding.is_some_and(|e| e.contains("gzip")), "{path}");
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .unwrap_or_else(|e| panic!("{path} with {encoding:?}: bad gzip: {e}"));
            out
        }
        Some(other) => panic!("{path}: an encoding nobody asked for: {other}"),
    };
    (status, plain)
}

#[tokio::test]
async fn every_download_arrives_whole_however_the_client_asks_for_it() {
    // Thirty downloads in a row: more than the export bucket lets one address have.
    let app = with_staff_and(&["--rate-limits", "false"]).await;
    hostile_idea(&app).await;
    // A debate too, so the argument downloads carry Danish letters.
    let mut lone = Browser::new(&app);
    lone.sign_in_as("lone@example.dk").await;
    lone.post_form(
        "/fn/ideas/argue",
        &[
            ("idea", "1"),
            ("stance", "for"),
            ("text", "Ærø-færgen på el, tak"),
        ],
    )
    .await;
    let anna = staff_browser(&app, "anna").await;
    let total = app.db.count_ideas().await.unwrap() as usize;
    let dir = tempfile::tempdir().unwrap();
    let (_, plain_csv) = download_encoded(&anna, "/staff/export/ideas.csv", None).await;
    let (_, plain_json) = download_encoded(&anna, "/staff/export/ideas.json", None).await;
    let (_, plain_geojson) = download_encoded(&anna, "/staff/export/ideas.geojson", None).await;
    let (_, plain_arguments) = download_encoded(&anna, "/staff/export/arguments.csv", None).await;
    let (_, plain_arguments_json) =
        download_encoded(&anna, "/staff/export/arguments.json", None).await;
    assert!(String::from_utf8_lossy(&plain_arguments).contains("Ærø-færgen på el, tak"));
    let mut spreadsheets = Vec::new();
    for (n, encoding) in ENCODINGS.into_iter().enumerate() {
        let get = |path: &'static str| download_encoded(&anna, path, encoding);
        let (status, csv) = get("/staff/export/ideas.csv").await;
        assert_eq!(status, StatusCode::OK);
        assert!(csv == plain_csv, "CSV with {encoding:?}");
        let (_, json) = get("/staff/export/ideas.json").await;
        assert!(json == plain_json, "JSON with {encoding:?}");
        let ideas: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
        assert_eq!(ideas.len(), total);
        let (_, geojson) = get("/staff/export/ideas.geojson").await;
        assert!(geojson == plain_geojson, "GeoJSON with {encoding:?}");
        let (_, arguments) = get("/staff/export/arguments.csv").await;
        assert!(
            arguments == plain_arguments,
            "arguments CSV with {encoding:?}"
        );
        let (_, arguments) = get("/staff/export/arguments.json").await;
        assert!(
            arguments == plain_arguments_json,
            "arguments JSON with {encoding:?}"
        );
        let (status, audit) = get("/staff/audit.csv").await;
        assert_eq!(status, StatusCode::OK);
        let audit = String::from_utf8(audit).unwrap();
        assert!(
            audit.starts_with("\u{feff}id;time_utc;staff;action"),
            "{audit}"
        );
        assert!(audit.contains("export.ideas_geojson"), "{audit}");
        let (status, xlsx) = get("/staff/export/ideas.xlsx").await;
        assert_eq!(status, StatusCode::OK);
        let file = dir.path().join(format!("ideas-{n}.xlsx"));
        std::fs::write(&file, &xlsx).unwrap();
        spreadsheets.push(file);
    }
    // GeoJSON as the GIS team reads it.
    let report = ogrinfo(&plain_geojson);
    assert!(
        report.contains(&format!("Feature Count: {total}")),
        "{report}"
    );
    // Every spreadsheet as staff open it: one LibreOffice run for all of them.
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
        ])
        .arg(dir.path())
        .args(&spreadsheets)
        .output()
        .expect("LibreOffice");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for (n, encoding) in ENCODINGS.into_iter().enumerate() {
        let back = std::fs::read_to_string(dir.path().join(format!("ideas-{n}.csv")))
            .unwrap_or_else(|_| {
                panic!(
                    "LibreOffice read the XLSX sent with {encoding:?}: {}",
                    String::from_utf8_lossy(&output.stdout)
                )
            });
        assert!(back.starts_with("id,title,"), "{encoding:?}: {back}");
        assert!(back.contains("Ærø-færgen på el"), "{encoding:?}");
    }
}

#[tokio::test]
async fn csv_is_split_on_semicolons_for_danish_excel_and_on_commas_when_asked() {
    let app = with_staff().await;
    let author = app
        .db
        .resident_for_email("semikolon@example.dk", now())
        .await
        .unwrap();
    // A title that, unquoted, Danish Excel would split into text and a formula.
    app.db
        .insert_idea(&NewIdea {
            title: IdeaTitle::parse("Grøn by;=1+1").unwrap(),
            description: IdeaDescription::parse("Semikolon, komma og \"citat\".").unwrap(),
            category: Category::Sector(CategoryKey::parse("energy").unwrap()),
            area: klimadialog::AreaId(3),
            point: None,
            exact_point: false,
            photo: None,
            author: Some(author.0),
            moderation: ModerationState::Pending,
            created_at: now(),
        })
        .await
        .unwrap();
    let mo = staff_browser(&app, "mo").await;
    let dir = tempfile::tempdir().unwrap();
    let (_, danish) = download(&mo, "/staff/export/ideas.csv?sector=energy").await;
    let html = as_danish_excel(dir.path(), "danish", &danish);
    assert!(html.contains("Grøn by;=1+1"), "one cell, as typed: {html}");
    assert!(html.contains("Semikolon, komma og"));
    let (_, comma) = download(&mo, "/staff/export/ideas.csv?sector=energy&separator=comma").await;
    let comma = String::from_utf8(comma).unwrap();
    assert!(
        comma.starts_with("\u{feff}id,title,description,kind,"),
        "{comma}"
    );
    assert!(comma.contains("\"Grøn by;=1+1\""), "quoted either way");
}
