//! Admins keep the climate plan over HTTP as browsers send it: the plan downloaded as a
//! spreadsheet, edited and loaded again (a preview per row, then a confirmation that saves all
//! or nothing), bad rows named by their row numbers, hostile files refused before they are
//! unpacked, and the action form with its milestones.

use reqwest::StatusCode;

use crate::test_app::{Browser, TestApp, location, staff_browser, with_staff};

/// Posts a multipart form as a browser does: `fields`, then `file` in the field `file`
/// (`None`: the empty part a form sends when no file was chosen).
async fn post_file(
    browser: &Browser<'_>,
    path: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, Vec<u8>)>,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    let (name, bytes) = file.unwrap_or(("", Vec::new()));
    let part = reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str("application/octet-stream")
        .unwrap();
    browser
        .app
        .client
        .post(format!("{}{path}", browser.app.base))
        .header("accept", "text/html,application/xhtml+xml")
        .header("cookie", browser.jar.header())
        .multipart(form.part("file", part))
        .send()
        .await
        .unwrap()
}

/// Uploads `file` as the plan's upload form does; returns the status and Location.
async fn upload(browser: &Browser<'_>, file: Vec<u8>, name: &str) -> (StatusCode, String) {
    let response = post_file(browser, "/staff/plan/upload", &[], Some((name, file))).await;
    (response.status(), location(&response))
}

/// A download's bytes, as the signed-in browser gets them.
async fn download(browser: &Browser<'_>, path: &str) -> (StatusCode, Vec<u8>) {
    let response = browser
        .app
        .client
        .get(format!("{}{path}", browser.app.base))
        .header("cookie", browser.jar.header())
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.bytes().await.unwrap().to_vec())
}

/// CSV as Danish Excel writes it: `;`, every cell quoted.
fn csv(rows: &[Vec<String>]) -> Vec<u8> {
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(";")
        })
        .collect::<Vec<_>>()
        .join("\r\n")
        .into_bytes()
}

fn preview_id(location: &str) -> String {
    location
        .trim_start_matches("/staff/plan?preview=")
        .trim_end_matches("#preview")
        .to_owned()
}

async fn status_of(app: &TestApp, code: &str) -> String {
    let rows = app.db.plan_actions().await.unwrap();
    rows.into_iter().find(|a| a.code == code).unwrap().status
}

#[tokio::test]
async fn the_plan_downloaded_edited_and_loaded_again_changes_only_the_edits() {
    let app = with_staff().await;
    let mut anna = staff_browser(&app, "anna").await;
    let (status, bytes) = download(&anna, "/staff/export/actions.csv").await;
    assert_eq!(status, StatusCode::OK);
    let mut table: Vec<Vec<String>> = klimadialog::sheet::read_csv(&bytes)
        .unwrap()
        .into_iter()
        .map(|r| r.cells)
        .collect();
    assert_eq!(
        table[0].join(";"),
        "kode;titel;titel_en;beskrivelse;beskrivelse_en;sektor_eller_tema;ansvarlig;status;startår;slutår;reduktion_ton_co2e;link"
    );
    assert_eq!(table.len(), 16, "the demo's 15 actions");
    let t1 = table.iter_mut().find(|r| r[0] == "T1").unwrap();
    t1[7] = "gennemført".into();
    table.push(
        [
            "T99",
            "Fossilfri fjernvarme i Nibe",
            "",
            "Fjernvarmen i Nibe skal komme fra overskudsvarme og biomasse.",
            "",
            "Energiforsyning (el og fjernvarme)",
            "Aalborg Forsyning",
            "planlagt",
            "2026",
            "2029",
            "1 500",
            "",
        ]
        .map(String::from)
        .to_vec(),
    );
    let before = app.db.plan_actions().await.unwrap().len();
    let (status, at) = upload(&anna, csv(&table), "plan.csv").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(at.starts_with("/staff/plan?preview="), "{at}");
    let page = anna.get(&at).await;
    assert!(page.contains("Hvad plan.csv ændrer"), "{page}");
    assert!(page.contains("Nye: 1. Ændres: 1. Uændrede: 14. Kan ikke gemmes: 0."));
    assert!(page.contains("Ændres: status"));
    assert!(page.contains("Ny indsats"));
    assert!(page.contains("Gem 2 indsatser"));
    assert_eq!(
        app.db.plan_actions().await.unwrap().len(),
        before,
        "a preview saves nothing"
    );
    assert_eq!(status_of(&app, "T1").await, "in_progress");

    let id = preview_id(&at);
    let (_, done) = anna
        .post_form("/fn/staff/plan/confirm", &[("import", &id)])
        .await;
    assert_eq!(done, "/staff/plan?imported=2");
    assert!(anna.get(&done).await.contains("2 indsatser er gemt."));
    assert_eq!(status_of(&app, "T1").await, "done");
    let t99 = app.db.plan_actions().await.unwrap();
    let t99 = t99.iter().find(|a| a.code == "T99").unwrap();
    assert_eq!(
        (t99.category_key.as_str(), t99.reduction_t),
        ("energy", Some(1500.0))
    );
    let audit = anna.get("/staff/audit?action=plan.").await;
    assert!(audit.contains("plan.action_update") && audit.contains("plan.action_create"));
    assert!(app.get("/plan/T1").await.1.contains("Status: gennemført"));
    // The file is used up.
    let (_, again) = anna
        .post_form("/fn/staff/plan/confirm", &[("import", &id)])
        .await;
    assert_eq!(again, "/staff/plan?file_error=expired#upload");

    // The XLSX export, loaded as it is, changes nothing.
    let (status, xlsx) = download(&anna, "/staff/export/actions.xlsx").await;
    assert_eq!(status, StatusCode::OK);
    let (_, at) = upload(&anna, xlsx, "klimaplan.xlsx").await;
    let page = anna.get(&at).await;
    assert!(page.contains("Nye: 0. Ændres: 0. Uændrede: 16."), "{page}");
    assert!(page.contains("Filen ændrer ikke noget i planen."));
    assert!(!page.contains("/fn/staff/plan/confirm"));
    let audit = anna.get("/staff/audit?action=export.").await;
    assert!(audit.contains("export.actions_csv") && audit.contains("export.actions_xlsx"));
}

#[tokio::test]
async fn bad_rows_are_named_by_number_and_nothing_of_the_file_is_saved() {
    let app = with_staff().await;
    let mut anna = staff_browser(&app, "anna").await;
    let rows = [
        "kode;titel;beskrivelse;sektor_eller_tema;ansvarlig;status;startår;slutår",
        "T1;Et sammenhængende net af cykelstier;Ny tekst.;transport;Trafik og Veje;i gang;2023;2030",
        "X 1;Ok titel;Tekst.;Månen;Trafik;måske;2031;2030",
        "t1;Igen;Igen.;transport;Trafik;planned;2025;2030",
    ];
    let (_, at) = upload(&anna, rows.join("\n").into_bytes(), "plan.csv").await;
    let page = anna.get(&at).await;
    assert!(page.contains("Kan ikke gemmes: 2."), "{page}");
    assert!(
        page.contains(r#"<tr class="refused"><th scope="row">3</th><td>X 1</td>"#),
        "{page}"
    );
    for reason in [
        "Skriv en kode på 1–12 tegn",
        "Vælg en af kommunens sektorer eller temaer.",
        "Vælg en status: planlagt, i gang",
        "Slutåret kan ikke ligge før startåret.",
        "Samme kode som række 2",
        "Ret de rækker, der ikke kan gemmes, i regnearket, og indlæs det igen.",
    ] {
        assert!(page.contains(reason), "{reason}");
    }
    assert!(
        !page.contains("/fn/staff/plan/confirm"),
        "no way to confirm"
    );
    // Confirming anyway goes back to the preview and saves nothing.
    let id = preview_id(&at);
    let (_, back) = anna
        .post_form("/fn/staff/plan/confirm", &[("import", &id)])
        .await;
    assert_eq!(back, format!("/staff/plan?preview={id}#preview"));
    let t1 = app.db.plan_actions().await.unwrap();
    assert_ne!(
        t1.iter().find(|a| a.code == "T1").unwrap().description_da,
        "Ny tekst."
    );

    let (_, at) = upload(&anna, b"code;title\nT1;x".to_vec(), "kort.csv").await;
    assert!(anna.get(&at).await.contains(
        "Første række mangler kolonnerne: beskrivelse, sektor_eller_tema, ansvarlig, status, startår, slutår. Intet er ændret."
    ));
    for (file, error, says) in [
        (Vec::new(), "no_file", "Vælg en fil."),
        (
            b"\x00\x01\x02binary".to_vec(),
            "not_a_sheet",
            "kan ikke læses som et regneark",
        ),
        (
            b"PK\x03\x04broken zip".to_vec(),
            "not_a_sheet",
            "kan ikke læses som et regneark",
        ),
        (
            b"a;\"b\nc".to_vec(),
            "unclosed",
            "Et anførselstegn i CSV-filen",
        ),
        (vec![b'x'; 6 * 1024 * 1024], "too_large", "højst fylde 5 MB"),
    ] {
        let (status, at) = upload(&anna, file, "plan.csv").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(at, format!("/staff/plan?file_error={error}#upload"));
        assert!(anna.get(&at).await.contains(says), "{error}");
    }
}

#[tokio::test]
async fn only_admins_keep_the_plan() {
    let app = with_staff().await;
    let mo = staff_browser(&app, "mo").await;
    let (status, _) = upload(&mo, b"kode\nT1".to_vec(), "plan.csv").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let nobody = Browser::new(&app);
    let (status, at) = upload(&nobody, b"kode\nT1".to_vec(), "plan.csv").await;
    assert_eq!(
        (status, at.as_str()),
        (StatusCode::SEE_OTHER, "/staff/login?next=/staff/plan")
    );
    // Moderators may download the plan, as they may every other staff download.
    assert_eq!(
        download(&mo, "/staff/export/actions.csv").await.0,
        StatusCode::OK
    );
    assert_eq!(
        download(&nobody, "/staff/export/actions.xlsx").await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_action_form_keeps_what_was_typed_and_names_every_problem() {
    let app = with_staff().await;
    let mut anna = staff_browser(&app, "anna").await;
    let long = "Cykelstier langs alle skoleveje. ".repeat(100);
    let mut fields = vec![
        ("code", "t50"),
        ("title_da", "ab"),
        ("title_en", ""),
        ("description_da", long.as_str()),
        ("description_en", ""),
        ("category", "sector:transport"),
        ("owner", "Trafik og Veje"),
        ("status", "planned"),
        ("start_year", "2031"),
        ("end_year", "2030"),
        ("reduction", "mange"),
        ("link", ""),
    ];
    let (status, at) = anna.post_form("/fn/staff/plan/save", &fields).await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(at.starts_with("/staff/plan/edit?draft="), "{at}");
    let page = anna.get(&at).await;
    assert!(page.contains("Indsatsen er ikke gemt."));
    assert!(page.contains("Skriv en titel på 3–160 tegn"));
    assert!(page.contains("Slutåret kan ikke ligge før startåret."));
    assert!(page.contains("Skriv reduktionen som et antal ton om året"));
    assert!(
        page.contains(long.trim_end()),
        "3 300 characters kept as typed"
    );
    assert!(page.contains(r#"value="t50""#));
    assert!(
        app.db
            .plan_actions()
            .await
            .unwrap()
            .iter()
            .all(|a| a.code != "T50")
    );
    // The draft is hers alone.
    let mut mo = staff_browser(&app, "mo").await;
    assert!(
        !mo.get(&at)
            .await
            .contains("Cykelstier langs alle skoleveje")
    );

    fields[1].1 = "Sikre skoleveje";
    fields[8].1 = "2026";
    fields[10].1 = "";
    let (_, at) = anna.post_form("/fn/staff/plan/save", &fields).await;
    assert_eq!(at, "/staff/plan/edit?code=T50&saved=1");
    assert!(anna.get(&at).await.contains("Indsatsen er gemt."));
    // Editing keeps the code, whatever the form says.
    let mut edit = fields.clone();
    edit.push(("editing", "T50"));
    edit[0].1 = "T77";
    edit[7].1 = "in_progress";
    let (_, at) = anna.post_form("/fn/staff/plan/save", &edit).await;
    assert_eq!(at, "/staff/plan/edit?code=T50&saved=1");
    let codes: Vec<String> = app
        .db
        .plan_actions()
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.code)
        .collect();
    assert!(codes.contains(&"T50".to_owned()) && !codes.contains(&"T77".to_owned()));
    assert_eq!(status_of(&app, "T50").await, "in_progress");

    // Milestones: a day that does not exist comes back with the words; then added, reached.
    let (_, at) = anna
        .post_form(
            "/fn/staff/plan/milestone",
            &[
                ("code", "T50"),
                ("title", "Skolevej ved Vejgård"),
                ("due", "2027-02-30"),
            ],
        )
        .await;
    assert_eq!(
        at,
        "/staff/plan/edit?code=T50&milestone_error=due#milestones"
    );
    let page = anna.get(&at).await;
    assert!(page.contains("Skriv fristen som en dato"));
    assert!(page.contains(r#"value="Skolevej ved Vejgård""#));
    let (_, at) = anna
        .post_form(
            "/fn/staff/plan/milestone",
            &[
                ("code", "T50"),
                ("title", "Skolevej ved Vejgård"),
                ("due", "2027-03-01"),
            ],
        )
        .await;
    assert_eq!(at, "/staff/plan/edit?code=T50&milestone=added#milestones");
    let code = klimadialog::plan::ActionCode::parse("T50").unwrap();
    let detail = app.db.action_detail(&code).await.unwrap().unwrap();
    let milestone = detail.milestones[0].id.to_string();
    let (_, at) = anna
        .post_form(
            "/fn/staff/plan/reach",
            &[("code", "T50"), ("milestone", &milestone)],
        )
        .await;
    assert_eq!(at, "/staff/plan/edit?code=T50&milestone=reached#milestones");
    assert!(anna.get(&at).await.contains("Nået "));
    let actions = app.audit_actions("action", detail.action.id).await;
    for action in [
        "plan.action_create",
        "plan.action_update",
        "plan.milestone_add",
        "plan.milestone_reach",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    assert!(
        app.get("/plan/T50")
            .await
            .1
            .contains("Skolevej ved Vejgård")
    );
}

/// A zip whose one part declares `size` bytes of worksheet: packed, a few hundred kilobytes.
fn xlsx_bomb(size: usize) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(size > u32::MAX as usize);
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let rows = b"<row></row>".repeat(64 * 1024);
    let mut written = 0;
    while written < size {
        zip.write_all(&rows).unwrap();
        written += rows.len();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// A real workbook with one number at the sheet's last row.
fn xlsx_far_cell() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "kode").unwrap();
    sheet.write_number(1_048_575, 0, 1.0).unwrap();
    book.save_to_buffer().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hostile_spreadsheets_sent_at_once_leave_memory_bounded() {
    use crate::workload::{ServerProcess, prepare};
    use klimadialog::staff::{Password, StaffRole, hash_password};

    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("site.db");
    prepare(&database, 0).await;
    let db = klimadialog_server::open_database(database.to_str().unwrap(), false)
        .await
        .unwrap();
    let hash = hash_password(&Password::parse(crate::test_app::STAFF_PASSWORD).unwrap());
    db.insert_staff("anna", &hash, StaffRole::Admin, klimadialog::storage::now())
        .await
        .unwrap();
    db.close().await;
    let server = ServerProcess::start(dir.path(), &database);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(120))
        .build()
        .unwrap();
    let login = client
        .post(format!("{}/fn/staff/login", server.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("referer", format!("{}/staff/login", server.base))
        .body(format!(
            "username=anna&password={}&next=%2Fstaff",
            crate::test_app::STAFF_PASSWORD
        ))
        .send()
        .await
        .unwrap();
    let cookie = login
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next())
        .collect::<Vec<_>>()
        .join("; ");
    let resting = server.peak_memory_mb();

    // Eight files at once: half a gigabyte of worksheet packed in under 3 MB, and a cell at the
    // sheet's last row, which a reader that allocates the sheet's range would take gigabytes for.
    let bomb = xlsx_bomb(512 * 1024 * 1024);
    assert!(bomb.len() < 3 * 1024 * 1024, "{}", bomb.len());
    let far = xlsx_far_cell();
    let mut sent = tokio::task::JoinSet::new();
    for n in 0..8 {
        let file = if n % 2 == 0 {
            bomb.clone()
        } else {
            far.clone()
        };
        let (client, base, cookie) = (client.clone(), server.base.clone(), cookie.clone());
        sent.spawn(async move {
            let form = reqwest::multipart::Form::new().part(
                "file",
                reqwest::multipart::Part::bytes(file).file_name("plan.xlsx"),
            );
            let response = client
                .post(format!("{base}/staff/plan/upload"))
                .header("cookie", cookie)
                .multipart(form)
                .send()
                .await
                .unwrap();
            location(&response)
        });
    }
    while let Some(at) = sent.join_next().await {
        let at = at.unwrap();
        assert!(
            at == "/staff/plan?file_error=unpacked#upload"
                || at == "/staff/plan?file_error=too_many_rows#upload",
            "{at}"
        );
    }
    let peak = server.peak_memory_mb();
    assert!(
        peak < resting + 120,
        "peak memory {peak} MB after eight hostile workbooks (at rest {resting} MB)"
    );
    assert!(server.problems().is_empty(), "{:?}", server.problems());
}

// Multi-threaded: the SMTP sink is read with blocking waits while the mail worker runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_residents_behind_an_action_are_mailed_when_it_moves_on() {
    use klimadialog::storage::now;

    let smtp = crate::smtp::SmtpSink::start();
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let app = crate::test_app::with_staff_mailing(Some(&url), &[]).await;
    let mut anna = staff_browser(&app, "anna").await;
    let fields = [
        ("code", "T60"),
        ("title_da", "Elbusser på alle bybuslinjer"),
        ("title_en", "Electric buses on every city line"),
        ("description_da", "Alle bybusser kører på el i 2028."),
        ("description_en", ""),
        ("category", "sector:transport"),
        ("owner", "Nordjyllands Trafikselskab"),
        ("status", "planned"),
        ("start_year", "2025"),
        ("end_year", "2028"),
        ("reduction", "4000"),
        ("link", ""),
    ];
    let (_, at) = anna.post_form("/fn/staff/plan/save", &fields).await;
    assert_eq!(at, "/staff/plan/edit?code=T60&saved=1");
    let author = app
        .db
        .resident_for_email("idemager@example.dk", now())
        .await
        .unwrap();
    let fan = app
        .db
        .resident_for_email("fan@example.dk", now())
        .await
        .unwrap();
    let settings = klimadialog::storage::MailSettings {
        language: klimadialog::Locale::En,
        status_mails: true,
        ..Default::default()
    };
    app.db.save_mail_settings(fan, settings).await.unwrap();
    let idea = app
        .insert_published_idea(
            "Elbusser til Vestbyen",
            "Lad elbusserne køre til Vestbyen.",
            Some(author),
        )
        .await;
    app.db.add_support(idea, fan.0, now()).await.unwrap();
    let (_, linked) = anna
        .post_form(
            "/fn/staff/plan/link",
            &[
                ("idea", &idea.0.to_string()),
                ("action", "T60"),
                ("note", ""),
            ],
        )
        .await;
    assert!(linked.ends_with("plan=done#plan"), "{linked}");
    let (_, _) = anna
        .post_form(
            "/fn/staff/plan/milestone",
            &[
                ("code", "T60"),
                ("title", "De første 20 elbusser kører"),
                ("due", "2026-06-01"),
            ],
        )
        .await;
    let code = klimadialog::plan::ActionCode::parse("T60").unwrap();
    let milestone = app
        .db
        .action_detail(&code)
        .await
        .unwrap()
        .unwrap()
        .milestones[0]
        .id;
    anna.post_form(
        "/fn/staff/plan/reach",
        &[("code", "T60"), ("milestone", &milestone.to_string())],
    )
    .await;

    // One mail each, in their own language, naming the milestone and their idea.
    let mut mails: Vec<String> = (0..2).map(|_| smtp.next_mail()).collect();
    mails.sort_by_key(|m| !m.contains("To: idemager@example.dk"));
    let danish = crate::smtp::mail_body(&mails[0]);
    assert!(
        danish.contains("Indsatsen »T60 Elbusser på alle bybuslinjer« i Aalborg Kommunes klimaplan har nået en milepæl: »De første 20 elbusser kører«."),
        "{danish}"
    );
    assert!(danish.contains("- »Elbusser til Vestbyen«: "), "{danish}");
    assert!(danish.contains(&format!("/ideas/{}\n", idea.0)), "{danish}");
    assert!(danish.contains("/plan/T60"));
    assert!(mails[1].contains("To: fan@example.dk"));
    let english = crate::smtp::mail_body(&mails[1]);
    assert!(
        english.contains("The action “T60 Electric buses on every city line” in Aalborg Kommune’s climate plan has reached a milestone: “De første 20 elbusser kører”."),
        "{english}"
    );

    // The idea's timeline shows the link and the milestone.
    let page = app.get(&format!("/ideas/{}", idea.0)).await.1;
    assert!(page.contains("Blev en del af indsatsen"), "{page}");
    assert!(
        page.contains(
            "T60 Elbusser på alle bybuslinjer</a> <!>nåede milepælen »De første 20 elbusser kører«"
        ),
        "{page}"
    );
    assert!(
        !page.contains("fik status: planlagt"),
        "only what happened after the link"
    );

    // A new status through the import is one more mail each.
    let mut import = fields.map(|(_, v)| v.to_owned()).to_vec();
    import[7] = "i gang".into();
    let header = fields.map(|(k, _)| k.to_owned()).to_vec();
    let (_, at) = upload(&anna, csv(&[header, import]), "plan.csv").await;
    let (_, done) = anna
        .post_form("/fn/staff/plan/confirm", &[("import", &preview_id(&at))])
        .await;
    assert_eq!(done, "/staff/plan?imported=1");
    let next = crate::smtp::mail_body(&smtp.next_mail());
    assert!(
        next.contains("har fået en ny status: i gang.")
            || next.contains("has a new status: in progress."),
        "{next}"
    );
    smtp.next_mail();
    assert_eq!(
        app.unsent_after_the_worker(klimadialog::storage::MailQueue::Plan)
            .await,
        0
    );
    let page = app.get(&format!("/ideas/{}", idea.0)).await.1;
    assert!(page.contains("</a> <!>fik status: i gang"), "{page}");
}

/// Posts the emissions form as a browser does, with an optional CSV file; returns the status,
/// Location and the cookies it set.
async fn post_baseline(
    browser: &Browser<'_>,
    fields: &[(&str, &str)],
    file: Option<&str>,
) -> (StatusCode, String, String) {
    let file = file.map(|text| ("udledning.csv", text.as_bytes().to_vec()));
    let response = post_file(browser, "/staff/plan/baseline", fields, file).await;
    let typed = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_owned))
        .collect::<Vec<_>>()
        .join("; ");
    (response.status(), location(&response), typed)
}

#[tokio::test]
async fn the_emissions_baseline_is_entered_in_the_form_or_from_a_csv_file() {
    let app = with_staff().await;
    let mut anna = staff_browser(&app, "anna").await;
    let page = anna.get("/staff/plan").await;
    assert!(
        page.contains("Tallene her er demoens eksempler."),
        "the demo's figures say so"
    );
    assert!(
        page.contains(r#"value="1990""#),
        "the form holds the figures there are"
    );

    // A sector with one figure of two is refused, naming it, and the form keeps what was typed.
    let (_, at, typed) = post_baseline(
        &anna,
        &[
            ("base_year", "1990"),
            ("latest_year", "2023"),
            ("base.transport", "1 000 000"),
            ("latest.transport", ""),
            ("base.energy", "2000000"),
            ("latest.energy", "900000,5"),
        ],
        None,
    )
    .await;
    assert_eq!(
        at,
        "/staff/plan?baseline_error=figure&about=transport#baseline"
    );
    anna.jar.0.insert(
        "typed".into(),
        typed.trim_start_matches("typed=").to_owned(),
    );
    let page = anna.get(&at).await;
    assert!(
        page.contains("Skriv begge tal for Transport som ton"),
        "{page}"
    );
    assert!(page.contains(r#"value="900000,5""#), "kept as typed");
    assert_eq!(
        app.db.baseline().await.unwrap().unwrap().latest_year,
        2022,
        "nothing saved"
    );

    let (_, at, _) = post_baseline(
        &anna,
        &[
            ("base_year", "1990"),
            ("latest_year", "2023"),
            ("base.transport", "1 000 000"),
            ("latest.transport", "750000"),
            ("base.energy", "2000000"),
            ("latest.energy", "900000,5"),
        ],
        None,
    )
    .await;
    assert_eq!(at, "/staff/plan?baseline=saved#baseline");
    let baseline = app.db.baseline().await.unwrap().unwrap();
    assert_eq!((baseline.latest_year, baseline.demo), (2023, false));
    assert_eq!(baseline.sectors.len(), 2);
    let plan = app.get("/plan").await.1;
    assert!(
        !plan.contains("eksempler til demoen"),
        "no longer demo figures"
    );
    assert!(plan.contains("Udledning i 2023"), "{plan}");

    // A file stands in for the typed figures; a sector the site lacks is named by its row.
    let file =
        "sektor;udledning_basisår;udledning_seneste_år\nTransport;1200000;800000\nMånen;1;1\n";
    let years = [("base_year", "1990"), ("latest_year", "2023")];
    let (_, at, _) = post_baseline(&anna, &years, Some(file)).await;
    assert_eq!(at, "/staff/plan?baseline_error=sector&about=3#baseline");
    assert!(
        anna.get(&at)
            .await
            .contains("Række 3 i filen nævner en sektor")
    );
    let file = "sektor;udledning_basisår;udledning_seneste_år\nTransport;1200000;800000\nLandbrug;500000;450000\n";
    let (_, at, _) = post_baseline(&anna, &years, Some(file)).await;
    assert_eq!(at, "/staff/plan?baseline=saved#baseline");
    let baseline = app.db.baseline().await.unwrap().unwrap();
    assert_eq!(
        baseline.sectors,
        vec![
            ("transport".to_owned(), 1_200_000.0, 800_000.0),
            ("agriculture".to_owned(), 500_000.0, 450_000.0)
        ]
    );
    let audit = anna.get("/staff/audit?action=plan.baseline").await;
    assert!(audit.contains("plan.baseline"));

    // Only admins.
    let mo = staff_browser(&app, "mo").await;
    assert_eq!(
        post_baseline(&mo, &years, Some(file)).await.0,
        StatusCode::FORBIDDEN
    );
}
