//! Dansk: every text of the site in Danish, as the municipality writes it (klarsprog, "du").

use super::digest_mail::join_and;
use super::*;
use crate::server_fns::area::AreasProblem;
use crate::server_fns::staff_plan::PlanFileError;
use klimadialog::ModerationState;
use klimadialog::argument::{ArgumentProblem, DebateRule, StaffDebateProblem, Stance};
use klimadialog::audit::{AuditAction, AuditGroup, AuditObject};
use klimadialog::batch::{BatchError, BatchKind, BatchRefusal};
use klimadialog::follow::{Frequency, IdeaFollow};
use klimadialog::numbers::{count, format_int};
use klimadialog::plan::{ActionProblem, ActionStatus, BaselineProblem, MilestoneProblem};
use klimadialog::plan_import::{Column as PlanColumn, FileProblem};
use klimadialog::report::ReportReason;
use klimadialog::retention;
use klimadialog::staff_ideas::Column;

const L: Locale = Locale::Da;

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

pub static LANGUAGE: Language = Language {
    texts: Texts {
        date: |d| format!("{}. {} {}", d.day, MONTHS[d.month as usize - 1], d.year),
        day_span: |a, b| {
            let month = |d: Date| MONTHS[d.month as usize - 1];
            if a.month == b.month {
                format!("{}.–{}. {}", a.day, b.day, month(b))
            } else {
                format!("{}. {} – {}. {}", a.day, month(a), b.day, month(b))
            }
        },
        quotes: ["»", "«"],
        list_and: |_| " og ",
        kind_name: |kind| match kind {
            IdeaKind::Mitigation => "Mindre udledning",
            IdeaKind::Adaptation => "Klimatilpasning",
        },
        status_name: |status| match status {
            PublicStatus::New => "Ny",
            PublicStatus::UnderReview => "Under behandling",
            PublicStatus::InPlan => "Med i klimaplanen",
            PublicStatus::PartlyInPlan => "Delvist med i klimaplanen",
            PublicStatus::AlreadyPlanned => "Allerede planlagt",
            PublicStatus::NotAdopted => "Ikke med i klimaplanen",
            PublicStatus::Merged => "Lagt sammen med en anden idé",
        },
        site_name: "Klimadialog",
        tagline: |m| format!("Borgernes idéer til klimaplanen i {m}"),
        skip_to_content: "Gå til indhold",
        main_navigation: "Hovedmenu",
        nav_home: "Forside",
        nav_ideas: "Alle idéer",
        read_in_this_language: "Læs siden på dansk",
        accessibility_statement: "Tilgængelighedserklæring",
        footer_about: |m, t| {
            format!(
                "Klimadialog er {m}s dialog med borgerne om klimaplanen (DK2020): {} % mindre udledning i {}, klimaneutral senest i {} og en kommune, der er rustet til et ændret klima.",
                t.reduction_percent, t.reduction_year, t.neutral_year
            )
        },
        home_title: "Sammen om klimaplanen",
        home_intro: "Her kan du foreslå idéer til kommunens klimaplan, støtte andres idéer og følge, hvad der sker med dem. Idéerne kan handle om at mindske udledningen af drivhusgasser eller om at ruste os til skybrud, stormflod og hedebølger.",
        most_supported: "Mest støttede idéer",
        see_all_ideas: |n| format!("Se alle {}", count(L, n, "idé", "idéer")),
        no_ideas_yet: "Der er endnu ingen idéer.",
        all_ideas_title: "Alle idéer",
        ideas_count: |n| count(L, n, "idé", "idéer"),
        supports: |n| count(L, n, "støtte", "støtter"),
        support_words: ["støtte", "støtter"],
        kind_label: "Type",
        sector_label: "Sektor",
        theme_label: "Tema",
        area_label: "Område",
        status_label: "Status",
        previous_page: "Forrige side",
        next_page: "Næste side",
        page_of: |p, n| format!("Side {p} af {n}"),
        pagination: "Sider",
        proposed_by: |name| format!("Foreslået af {name} den"),
        resident_in: |area| format!("en borger i {area}"),
        status_history: "Forløb",
        history_proposed: "Foreslået",
        history_approved: "Godkendt og vist for alle",
        official_answer: "Kommunens svar",
        share_idea: "Del idéen",
        copy_link: "Kopiér link",
        link_copied: "Linket er kopieret",
        more_in_area: |area| format!("Flere idéer i {area}"),
        photo_alt: |title| format!("Foto til idéen: {title}"),
        area_map: |area| format!("Kort over {area}"),
        review_pending: "Din idé venter på at blive godkendt. Indtil da er det kun dig, der kan se den.",
        review_rejected: |reason| {
            format!("Din idé blev ikke godkendt og er ikke offentlig. Begrundelse: {reason}")
        },
        merged_here: |from| {
            format!("Idé nr. {from} er lagt sammen med denne idé. Dens støtter tæller med her.")
        },
        review_hidden: |reason| {
            format!("Din idé er skjult, mens den bliver gennemgået. Begrundelse: {reason}")
        },
        too_many: "Du har trykket mange gange på kort tid. Vent lidt, og prøv så igen.",
        support_try_again: "Vi kunne ikke gemme det lige nu. Prøv igen om lidt.",
        me: MeTexts {
            nav: "Min side",
            title: "Dine idéer og de idéer, du støtter",
            sign_in_first: "Log ind for at se dine idéer og de idéer, du støtter.",
            my_ideas: "Dine idéer",
            no_ideas: "Du har ikke foreslået nogen idéer endnu.",
            my_supports: "Idéer, du støtter",
            no_supports: "Du støtter ikke nogen idéer endnu.",
            pending: "Afventer godkendelse",
            published: "Offentlig",
            rejected: "Ikke godkendt",
            hidden: "Skjult",
            data_heading: "Dine data",
            data_text: "Hent alt, hvad vi har gemt om dig: din e-mail, dine idéer, hvilke idéer du støtter, og hvornår du har logget ind.",
            data_link: "Hent dine data (JSON)",
            delete_heading: "Slet din konto",
            delete_text: "Vi sletter din e-mailadresse, din støtte til idéer og oplysningerne om, hvornår du har logget ind. Dine idéer og dine indlæg i debatten bliver på siden uden dit navn (der står »Tidligere borger«), så andres støtte og svar ikke går tabt. Du kan også slette et enkelt indlæg.",
            delete_confirm: "Ja, slet min konto og min støtte til idéer",
            delete_button: "Slet min konto",
            delete_unconfirmed: "Sæt kryds for at bekræfte, at du vil slette din konto.",
            deleted: "Din konto er slettet.",
            mail_heading: "Mails fra Klimadialog",
            mail_language: "Sprog i mailene",
            status_mails: "Send mig en mail med det samme, når en idé, jeg har foreslået eller støtter, får ny status, eller når en indsats i klimaplanen, som idéen er en del af, kommer videre",
            frequency_legend: "Hvor ofte vil du høre om det, du følger?",
            frequency_hint: "Du følger idéer, du har foreslået, støttet eller skrevet om, og det, du selv har valgt at følge. Du hører om nye indlæg, svar, statusser og nye idéer.",
            frequency: |frequency| match frequency {
                Frequency::AtOnce => "Med det samme",
                Frequency::Daily => "Samlet én gang om dagen",
                Frequency::Weekly => "Samlet én gang om ugen",
                Frequency::Never => "Aldrig",
            },
            replies_at_once: "Send mig en mail med det samme, når nogen svarer på mit indlæg",
            mail_save: "Gem",
            mail_saved: "Dine valg er gemt.",
            mail_refused: "Vælg, hvor ofte du vil høre om det, du følger: med det samme, én gang om dagen, én gang om ugen eller aldrig. Intet er ændret.",
        },
        support_idea: "Støt idéen",
        withdraw_support: "Træk din støtte tilbage",
        you_support: "du støtter idéen",
        not_found_title: "Siden findes ikke",
        not_found_text: "Vi kan ikke finde den side eller idé, du leder efter. Måske er adressen skrevet forkert, eller idéen er ikke offentlig.",
        back_home: "Til forsiden",
        error_title: "Noget gik galt",
        error_text: "Siden kunne ikke vises lige nu. Prøv igen om lidt.",
        signin: SignInTexts {
            sign_in: "Log ind",
            sign_out: "Log ud",
            title: "Log ind med din e-mail",
            intro: "Vi sender en kode på 6 cifre til din e-mail. Du skal ikke oprette en adgangskode.",
            email_label: "Din e-mail",
            send_code: "Send mig en kode",
            privacy: "Vi bruger kun din e-mailadresse til at logge dig ind og til at skrive til dig, når der sker noget med de idéer, du har foreslået eller støtter. Den bliver aldrig vist offentligt.",
            code_title: "Indtast koden",
            code_sent_to: |email| {
                format!("Vi har sendt en kode til {email}. Koden gælder i 10 minutter.")
            },
            code_label: "Kode (6 cifre)",
            code_hint: "Kan du ikke finde mailen? Se efter i mappen med uønsket post.",
            confirm: "Log ind",
            new_code: "Send en ny kode",
            support_on_sign_in: |title| format!("Støt idéen »{title}«, når jeg er logget ind"),
            start_again: "Start forfra",
            mail_subject: "Din kode til Klimadialog",
            mail_body: |code, m, site| {
                format!(
                    "Hej\n\nDin kode til Klimadialog er:\n\n    {code}\n\nSkriv koden på siden, hvor du bad om den ({site}).\nKoden gælder i 10 minutter og kan kun bruges én gang.\n\nDel ikke koden med andre. {m} beder dig aldrig om koden.\n\nHar du ikke bedt om en kode, kan du bare slette mailen.\n\nVenlig hilsen\n{m}\n\nMailen er sendt automatisk. Du kan ikke svare på den.\n"
                )
            },
            error_email_empty: "Skriv din e-mail.",
            error_email_invalid: "Det ligner ikke en e-mailadresse. Tjek, at den er skrevet som navn@eksempel.dk.",
            error_rate_limited: "Du har bedt om mange koder på kort tid. Vent lidt, og prøv igen.",
            error_mail_failed: "Vi kunne ikke sende mailen lige nu. Prøv igen om lidt.",
            error_paused: "Der er tastet usædvanlig mange forkerte koder på Klimadialog den seneste time, så vi tjekker ikke koder lige nu. Det gælder alle, ikke kun dig. Prøv igen om 10 minutter. Din kode gælder i 10 minutter, så bed om en ny, hvis den er udløbet.",
            error_unavailable: "Du kan ikke logge ind lige nu. Prøv igen om lidt.",
            error_code_malformed: "Koden består af 6 cifre. Skriv den præcis, som den står i mailen.",
            error_code_wrong: |left| {
                format!(
                    "Koden passer ikke. Du har {} tilbage.",
                    count(L, left, "forsøg", "forsøg")
                )
            },
            error_code_locked: "Koden er prøvet for mange gange og virker ikke længere. Bed om en ny kode.",
            error_code_expired: "Koden er udløbet eller allerede brugt. Bed om en ny kode.",
            error_start_again: "Skriv din e-mail først, så sender vi en kode.",
        },
    },
    accessibility: AccessibilityTexts {
        evidence_title: "Sådan tester vi tilgængeligheden",
        official: |m| {
            format!(
                "{m} har lavet tilgængelighedserklæringen for Klimadialog i Digitaliseringsstyrelsens WAS-Tool."
            )
        },
        official_link: "Læs tilgængelighedserklæringen",
        evidence_intro: "På denne side kan du se, hvordan vi tester Klimadialog, og hvad vi ved ikke virker endnu. Det er grundlaget for erklæringen.",
        intro: |m| {
            format!(
                "{m} ønsker at gøre Klimadialog tilgængelig for alle, også for dem, der bruger skærmlæser, forstørrelse, tastatur eller en ældre telefon. Denne erklæring gælder for hele Klimadialog."
            )
        },
        status_heading: "Overholdelse",
        status_text: "Klimadialog er bygget til at overholde WCAG 2.1 niveau AA, som webtilgængelighedsloven kræver. Løsningen overholder kravene delvist, indtil en uafhængig gennemgang er gennemført.",
        tested_heading: "Det tester vi ved hver ændring",
        tested: [
            "Alle sider, testene besøger, bliver kontrolleret automatisk med axe efter WCAG 2.1 niveau A og AA – både med og uden JavaScript.",
            "Alle forløb bliver gennemført i en rigtig browser med og uden JavaScript: se og søg i idéer, foreslå en idé, støt en idé, log ind, anmeld en idé og kommunens egne sider. Testene finder felterne ved deres synlige navne, sådan som en skærmlæser gør.",
            "Du kan bruge siderne med tastaturet alene, og et link øverst på siden springer menuen over.",
            "Siderne kan læses på en skærm, der er 320 pixels bred, uden at du skal rulle til siden.",
            "Siderne bliver holdt små, så de virker på ældre telefoner og langsomme forbindelser.",
            "Alle sider og mails findes på dansk og engelsk.",
        ],
        limits_heading: "Kendte undtagelser",
        limits: [
            "Der er endnu ikke lavet en uafhængig gennemgang med brugere af hjælpemidler, fx skærmlæsere.",
            "Billeder, som borgerne selv lægger op, har ikke altid en dækkende tekstbeskrivelse.",
            "Kortet viser områderne som en tegning. Alle idéer kan også findes i listen over idéer, hvor du kan vælge område.",
        ],
        feedback_heading: "Kontakt os om tilgængelighed",
        feedback_text: |m| {
            format!(
                "Oplever du problemer med tilgængeligheden, så kontakt {m}. Vi svarer så hurtigt som muligt."
            )
        },
        feedback_phone: "Telefon",
        feedback_email: "E-mail",
        feedback_website: "Kommunens hjemmeside",
        complaint_heading: "Klage",
        complaint_text: "Er du ikke tilfreds med svaret, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med webtilgængelighed i Danmark.",
        reviewed: |d| format!("Siden blev sidst gennemgået {d}."),
    },
    answers: AnswerTexts {
        set_status: "Sæt status",
        status_legend: "Ny status",
        answer_da: "Kommunens svar (dansk)",
        answer_da_hint: |names| {
            format!("Skal udfyldes ved status {}.", super::quoted_list(L, names))
        },
        answer_en: "Svar på engelsk (valgfrit)",
        save: "Gem og send besked",
        saved: "Status gemt. Beskederne sendes nu.",
        error_status: "Vælg en ny status.",
        error_answer_required: "Skriv kommunens svar: en beslutning skal begrundes.",
        error_english_alone: "Skriv også svaret på dansk. Det engelske svar skal være en oversættelse af det danske.",
        error_answer_invalid: "Svaret må højst være 4.000 tegn og ikke indeholde kontroltegn.",
        error_no_action: "Knyt først idéen til en indsats i klimaplanen (på idéens side under »Klimaplanen«). Så kan den få status »Med i klimaplanen«. Status er ikke ændret.",
        current: "Nuværende status",
        export: "Eksportér",
        export_intro: "Eksporten indeholder de idéer, der passer til filteret ovenfor, også dem, der afventer godkendelse, er afvist eller skjult. Excel-filen har også et ark med idéernes indlæg i debatten. Hver eksport bliver registreret i handlingsloggen.",
        format: "Format",
        include_contact: "Medtag forslagsstillernes e-mailadresser",
        include_contact_hint: "Kun når det er nødvendigt, fx for at kontakte dem. Skrives i handlingsloggen.",
        download: "Hent",
        csv_comma: "CSV med komma (til andre programmer end dansk Excel)",
        arguments_csv: "idéernes indlæg i debatten som CSV",
        arguments_json: "idéernes indlæg i debatten som JSON",
        merge_heading: "Læg sammen med en anden idé",
        merge_search: "Søg efter idéen, der skal beholdes",
        merge_find: "Find idéer",
        merge_none: "Ingen andre offentlige idéer passer til søgningen.",
        merge_this: "Denne idé bliver en henvisning",
        merge_kept: "Denne idé beholdes",
        merge_confirm: |title| format!("Læg sammen, og behold »{title}«"),
        merge_hint: "Idéen her bliver en henvisning til den anden, og dens støtter tæller med der (hver borger én gang).",
        error_merge_target: "Vælg en anden offentlig idé, som ikke selv er lagt sammen.",
        merges: "Sammenlagte idéer",
        merged_into: |a, b| format!("»{a}« lagt sammen med »{b}«"),
        undone: "fortrudt",
        undo: "Fortryd",
        merged_done: "Idéerne er lagt sammen.",
        note: "Intern note",
        note_hint: "Kun for medarbejdere: vises aldrig offentligt, men kommer med i eksporter.",
        save_note: "Gem note",
        note_saved: "Noten er gemt.",
        error_note: "Noten må højst være 4.000 tegn og ikke indeholde kontroltegn.",
    },
    plan: PlanTexts {
        title: "Klimaplanen",
        intro: |m, pct, year| {
            format!(
                "Her kan du se indsatserne i {m}s klimaplan, hvor langt de er nået, og hvor meget der mangler, før udledningen er {pct} % lavere i {year} end i basisåret. Borgernes idéer står ved de indsatser, de er blevet en del af."
            )
        },
        demo_notice: "Tallene og indsatserne her er eksempler til demoen, ikke en rigtig kommunes.",
        no_baseline: "Kommunen har ikke lagt tal for udledningen ind endnu.",
        gap_heading: |year| format!("Vejen til målet i {year}"),
        gap_base: |year| format!("Udledning i {year} (basisår)"),
        gap_latest: |year| format!("Udledning i {year}"),
        gap_target: |pct, year| format!("Mål for {year}: {pct} % mindre end basisåret"),
        gap_planned: |status| match status {
            ActionStatus::Done => "Reduktion fra gennemførte indsatser",
            ActionStatus::InProgress => "Reduktion fra indsatser i gang",
            ActionStatus::Planned => "Reduktion fra planlagte indsatser",
            ActionStatus::Paused => "Reduktion fra indsatser på pause",
            ActionStatus::Dropped => "Reduktion fra opgivne indsatser",
        },
        gap_left: "Mangler stadig at blive fundet",
        what: "Hvad",
        tonnes_heading: "Ton CO₂e om året",
        tonnes: |n| format!("{n} t"),
        show_numbers: "Vis tallene",
        sectors_heading: "Hvor udledningen er, og hvad borgerne foreslår",
        sectors_intro: "For hver sektor: udledningen det seneste år med tal, og hvor mange idéer og støtter borgerne har givet.",
        sector: "Sektor",
        emissions_in: |year| format!("Udledning {year} (t)"),
        ideas: "Idéer",
        supports: "Støtter",
        mitigation_heading: "Indsatser, der mindsker udledningen",
        adaptation_heading: "Indsatser for klimatilpasning",
        none: "Kommunen har ikke lagt indsatser ind endnu.",
        status_name: |status| match status {
            ActionStatus::Planned => "Planlagt",
            ActionStatus::InProgress => "I gang",
            ActionStatus::Done => "Gennemført",
            ActionStatus::Paused => "Sat på pause",
            ActionStatus::Dropped => "Opgivet",
        },
        status_label: "Status",
        progress: |done, all| {
            format!(
                "{} af {} nået",
                format_int(L, done),
                count(L, all, "milepæl", "milepæle")
            )
        },
        reduction: |n| format!("Ca. {n} t CO₂e mindre om året"),
        owner: "Ansvarlig",
        period: "Periode",
        idea_count: |n| count(L, n, "idé fra borgerne", "idéer fra borgerne"),
        timeline_heading: "Tidslinje",
        status_became: |status| {
            let name = match status {
                ActionStatus::Planned => "planlagt",
                ActionStatus::InProgress => "i gang",
                ActionStatus::Done => "gennemført",
                ActionStatus::Paused => "sat på pause",
                ActionStatus::Dropped => "opgivet",
            };
            format!("Status: {name}")
        },
        milestone_done: "Nået",
        milestone_due: "Forventes",
        ideas_heading: "Borgernes idéer bag indsatsen",
        no_ideas: "Ingen idéer er knyttet til indsatsen endnu.",
        supports_count: |n| count(L, n, "støtte", "støtter"),
        plan_link: "Indsatsen i klimaplanen",
        all_actions: "Alle indsatser i klimaplanen",
        in_plan_heading: "I klimaplanen",
        history_linked: "Blev en del af indsatsen",
        history_action_status: |status| {
            let name = match status {
                ActionStatus::Planned => "planlagt",
                ActionStatus::InProgress => "i gang",
                ActionStatus::Done => "gennemført",
                ActionStatus::Paused => "sat på pause",
                ActionStatus::Dropped => "droppet",
            };
            format!("fik status: {name}")
        },
        history_milestone: |title| format!("nåede milepælen »{title}«"),
        part_of: |code| format!("Del af indsats {code}:"),
        staff_intro: "Knyt idéen til de indsatser i klimaplanen, den er blevet en del af. Borgerne ser det på idéens side og på indsatsens side.",
        none_linked: "Idéen er ikke knyttet til nogen indsats.",
        action_label: "Indsats",
        action_choose: "Vælg en indsats",
        note_label: "Note til borgerne (valgfri)",
        note_hint: "Højst 300 tegn på én linje, fx hvordan idéen indgår i indsatsen.",
        link: "Knyt til indsatsen",
        unlink: "Fjern",
        link_done: "Gemt.",
        link_error: |problem| match problem {
            klimadialog::plan::LinkProblem::Action => "Vælg en indsats.",
            klimadialog::plan::LinkProblem::Note => "Noten må højst være 300 tegn på én linje.",
        },
    },
    staff_plan: StaffPlanTexts {
        title: "Klimaplanens indsatser",
        intro: "Her opretter og retter du indsatserne i klimaplanen. Du kan også hente hele planen som regneark, rette i det og indlæse det igen: Du ser først, hvad der ændres, og intet gemmes, før du bekræfter.",
        count: |n| format!("Der er {}", count(L, n as i64, "indsats", "indsatser")),
        new_action: "Opret en ny indsats",
        edit: "Ret",
        code: "Kode",
        action_title: "Titel",
        export_heading: "Hent planen som regneark",
        export_hint: "Regnearket har de samme kolonner, som indlæsningen læser. Ret i det, og indlæs det igen nedenfor.",
        export_xlsx: "Hent som Excel (XLSX)",
        export_csv: "Hent som CSV",
        upload_heading: "Indlæs indsatser fra et regneark",
        file: "Regneark (XLSX eller CSV)",
        file_hint: "Højst 5 MB. Første række er kolonnernes navne: kode, titel, beskrivelse, sektor_eller_tema, ansvarlig, status, startår, slutår og gerne reduktion_ton_co2e, titel_en, beskrivelse_en og link. En indsats med en kode, der findes, bliver opdateret.",
        preview_button: "Se, hvad der ændres",
        file_error: |error| match error {
            PlanFileError::TooLarge => {
                "Filen er for stor. Den må højst fylde 5 MB. Intet er ændret."
            }
            PlanFileError::NoFile => "Vælg en fil.",
            PlanFileError::NotASheet => {
                "Filen kan ikke læses som et regneark. Gem den som Excel-projektmappe (.xlsx) eller CSV, og prøv igen. Intet er ændret."
            }
            PlanFileError::Unclosed => {
                "Et anførselstegn i CSV-filen bliver ikke lukket. Gem filen igen fra dit regneark, og prøv igen. Intet er ændret."
            }
            PlanFileError::Empty => "Filen er tom. Intet er ændret.",
            PlanFileError::TooManyRows => "Filen har mere end 2.000 rækker. Intet er ændret.",
            PlanFileError::TooManyColumns => "Filen har mere end 40 kolonner. Intet er ændret.",
            PlanFileError::CellTooLong => "En celle har mere end 5.000 tegn. Intet er ændret.",
            PlanFileError::Unpacked => {
                "Regnearket fylder mere, end en klimaplan kan. Intet er ændret."
            }
            PlanFileError::Expired => "Forhåndsvisningen er ikke gemt længere. Indlæs filen igen.",
        },
        preview_heading: |file| format!("Hvad {file} ændrer"),
        file_problem: |problem| match problem {
            FileProblem::MissingColumns(columns) => format!(
                "Første række mangler {}: {}. Intet er ændret.",
                if columns.len() == 1 {
                    "kolonnen"
                } else {
                    "kolonnerne"
                },
                columns
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            FileProblem::SameColumnTwice(column) => format!(
                "Kolonnen {} står to gange i første række. Intet er ændret.",
                column.as_str()
            ),
            FileProblem::NoRows => {
                "Filen har ingen rækker under kolonnernes navne. Intet er ændret.".into()
            }
        },
        summary: |new, changed, same, refused| {
            format!(
                "Nye: {}. Ændres: {}. Uændrede: {}. Kan ikke gemmes: {}.",
                format_int(L, new as i64),
                format_int(L, changed as i64),
                format_int(L, same as i64),
                format_int(L, refused as i64)
            )
        },
        rows_caption: "Filens rækker",
        row: "Række",
        outcome: "Hvad der sker",
        outcome_new: "Ny indsats",
        outcome_changed: |columns| format!("Ændres: {columns}"),
        outcome_same: "Uændret",
        outcome_same_code: |row| format!("Samme kode som række {row}"),
        column_name: |column| match column {
            PlanColumn::Code => "kode",
            PlanColumn::TitleDa => "titel",
            PlanColumn::TitleEn => "engelsk titel",
            PlanColumn::DescriptionDa => "beskrivelse",
            PlanColumn::DescriptionEn => "engelsk beskrivelse",
            PlanColumn::Category => "sektor eller tema",
            PlanColumn::Owner => "ansvarlig",
            PlanColumn::Status => "status",
            PlanColumn::StartYear => "startår",
            PlanColumn::EndYear => "slutår",
            PlanColumn::Reduction => "reduktion",
            PlanColumn::Link => "link",
        },
        fix_and_upload: "Ret de rækker, der ikke kan gemmes, i regnearket, og indlæs det igen. Intet er gemt endnu.",
        nothing_changes: "Filen ændrer ikke noget i planen.",
        confirm: |n| format!("Gem {}", count(L, n as i64, "indsats", "indsatser")),
        imported: |n| format!("{} er gemt.", count(L, n as i64, "indsats", "indsatser")),
        new_heading: "Ny indsats",
        edit_heading: |code| format!("Ret indsats {code}"),
        form_problems: "Indsatsen er ikke gemt. Ret det, der står herunder:",
        problem: |problem| match problem {
            ActionProblem::Code => {
                "Skriv en kode på 1–12 tegn, som begynder med et bogstav, fx T3 eller E1.2."
            }
            ActionProblem::Title => "Skriv en titel på 3–160 tegn på én linje.",
            ActionProblem::TitleEn => "Den engelske titel må højst have 160 tegn på én linje.",
            ActionProblem::Description => "Skriv en beskrivelse på højst 4.000 tegn.",
            ActionProblem::DescriptionEn => "Den engelske beskrivelse må højst have 4.000 tegn.",
            ActionProblem::Category => "Vælg en af kommunens sektorer eller temaer.",
            ActionProblem::Owner => {
                "Skriv, hvem der er ansvarlig: 2–120 tegn, fx en forvaltning eller en partner."
            }
            ActionProblem::Status => {
                "Vælg en status: planlagt, i gang, gennemført, sat på pause eller droppet."
            }
            ActionProblem::Years => {
                "Skriv start- og slutår som årstal mellem 2000 og 2100. Slutåret kan ikke ligge før startåret."
            }
            ActionProblem::Reduction => {
                "Skriv reduktionen som et antal ton om året, fx 1250 eller 1 250,5."
            }
            ActionProblem::ReductionForAdaptation => {
                "En tilpasningsindsats har ingen reduktion i ton. Lad feltet være tomt."
            }
            ActionProblem::Link => "Linket skal begynde med https:// og må højst have 500 tegn.",
        },
        code_hint: "Koden fra klimaplanen, fx T3. Den kan ikke ændres bagefter.",
        code_fixed: "Koden kan ikke ændres.",
        title_en: "Titel på engelsk",
        description: "Beskrivelse",
        description_en: "Beskrivelse på engelsk",
        english_hint: "Kan udelades. Så ser engelsktalende den danske tekst.",
        category: "Sektor eller tema",
        category_hint: "En sektor for indsatser, der mindsker udledningen. Et tema for indsatser, der tilpasser kommunen til et ændret klima.",
        sectors: "Sektorer (mindre udledning)",
        themes: "Temaer (tilpasning)",
        owner: "Ansvarlig",
        owner_hint: "Fx By- og Landskabsforvaltningen eller Aalborg Forsyning.",
        status: "Status",
        start_year: "Startår",
        end_year: "Slutår",
        reduction: "Reduktion i ton CO₂e om året i 2030",
        reduction_hint: "Kun for indsatser, der mindsker udledningen. Kan udelades, hvis den ikke er beregnet.",
        link: "Link til klimaplanen",
        link_hint: "Kan udelades. Fx https://www.aalborg.dk/klimaplan#T3",
        save: "Gem indsatsen",
        saved: "Indsatsen er gemt.",
        back: "Tilbage til klimaplanens indsatser",
        public_page: "Se indsatsens offentlige side",
        milestones_heading: "Milepæle",
        no_milestones: "Indsatsen har ingen milepæle endnu.",
        reached_on: |day| format!("Nået {day}"),
        due_on: |day| format!("Frist {day}"),
        mark_reached: "Markér som nået",
        add_milestone: "Tilføj en milepæl",
        milestone_title: "Milepæl",
        milestone_due: "Frist",
        milestone_due_hint: "Dato som åååå-mm-dd, fx 2027-03-01.",
        milestone_added: "Milepælen er tilføjet.",
        milestone_reached: "Milepælen er markeret som nået. Borgerne bag indsatsens idéer får besked.",
        milestone_problem: |problem| match problem {
            MilestoneProblem::Title => "Skriv milepælen på 2–200 tegn på én linje.",
            MilestoneProblem::Due => {
                "Skriv fristen som en dato mellem år 2000 og 2100, fx 2027-03-01."
            }
        },
        baseline_heading: "Udledningen i basisåret og det seneste år",
        baseline_intro: "Tallene er grundlaget for vejen til målet på klimaplanens side: ton CO₂e pr. sektor i basisåret og i det seneste år med tal, fx fra Energistyrelsens Energi- og CO2-regnskab. Lad en sektor stå tom, hvis den ikke har tal.",
        baseline_demo: "Tallene her er demoens eksempler. Når du gemmer, bliver de kommunens egne, og siderne holder op med at kalde dem eksempler.",
        base_year: "Basisår",
        latest_year: "Seneste år med tal",
        sector: "Sektor",
        base_tonnes: "Ton CO₂e i basisåret",
        latest_tonnes: "Ton CO₂e i seneste år",
        baseline_file: "Eller indlæs tallene fra en CSV-fil",
        baseline_file_hint: "Kolonnerne sektor, udledning_basisår og udledning_seneste_år, en række pr. sektor. Tallene i filen erstatter dem i skemaet. Årene tages fra felterne ovenfor.",
        baseline_save: "Gem udledningen",
        baseline_saved: "Udledningen er gemt. Klimaplanens side viser den nu.",
        baseline_error: |problem, about| {
            match problem {
            BaselineProblem::Years => "Skriv basisår og seneste år som årstal mellem 1990 og 2100. Det seneste år kan ikke ligge før basisåret. Intet er gemt.".into(),
            BaselineProblem::Figure => format!("Skriv begge tal for {about} som ton, fx 1250 eller 1 250,5, eller lad begge felter stå tomme. Intet er gemt."),
            BaselineProblem::Empty => "Skriv tallene for mindst én sektor. Intet er gemt.".into(),
            BaselineProblem::Sector => format!("Række {about} i filen nævner en sektor, kommunen ikke har. Intet er gemt."),
            BaselineProblem::Columns => "Filen skal være en CSV-fil med kolonnerne sektor, udledning_basisår og udledning_seneste_år og mindst én række. Intet er gemt.".into(),
        }
        },
    },
    argument: ArgumentTexts {
        heading: "Debat",
        summary: |c| {
            if c.total() == 0 {
                "Ingen indlæg endnu.".to_owned()
            } else {
                format!(
                    "{}: {} for, {} imod, {}",
                    count(L, c.total(), "indlæg", "indlæg"),
                    format_int(L, c.for_it),
                    format_int(L, c.against),
                    count(L, c.questions, "spørgsmål", "spørgsmål"),
                )
            }
        },
        stance_name: |stance| match stance {
            Stance::For => "For",
            Stance::Against => "Imod",
            Stance::Question => "Spørgsmål",
        },
        stance_choice: |stance| match stance {
            Stance::For => "Jeg er for idéen",
            Stance::Against => "Jeg er imod idéen",
            Stance::Question => "Jeg har et spørgsmål",
        },
        stance_legend: "Hvad vil du skrive?",
        text_label: "Dit indlæg",
        text_hint: "Højst 1.500 tegn og 2 links. Skriv om idéen, og hold en god tone.",
        send: "Send indlæg",
        reply: "Svar",
        reply_label: "Dit svar",
        send_reply: "Send svar",
        sign_in: "Log ind for at deltage i debatten",
        signed_out_hint: "Når du sender, logger du ind med din e-mail. Det, du har skrevet, bliver gemt imens.",
        draft_waiting: "Du er logget ind. Dit indlæg er ikke sendt endnu. Tjek det, og send det.",
        show: "Vis",
        all: "Alle",
        order: "Sortér",
        order_helpful: "Mest nyttige",
        order_newest: "Nyeste",
        helpful: |n| format!("Nyttigt ({})", format_int(L, n)),
        resident: "Borger",
        former: "Tidligere borger",
        deleted: |date| format!("Slettet af forfatteren den {date}."),
        hidden: |date, rule| format!("Skjult af en moderator den {date}: {rule}"),
        edited: "redigeret",
        posted: "Tak. Dit indlæg er med i debatten.",
        edit: "Ret",
        edit_label: "Ret dit indlæg",
        save_edit: "Gem rettelsen",
        edited_done: "Dit indlæg er rettet.",
        delete: "Slet dit indlæg",
        deleted_done: "Dit indlæg er slettet. Svarene på det bliver stående.",
        none: "Ingen indlæg endnu. Skriv det første.",
        previous: "Forrige indlæg",
        next: "Flere indlæg",
        error: |problem| match problem {
            ArgumentProblem::Empty => "Skriv dit indlæg.",
            ArgumentProblem::TooLong => "Indlægget er for langt. Skriv højst 1.500 tegn.",
            ArgumentProblem::ControlCharacters => {
                "Indlægget indeholder tegn, vi ikke kan bruge. Skriv det igen."
            }
            ArgumentProblem::TooManyLinks => "Indlægget har for mange links. Brug højst 2.",
            ArgumentProblem::StanceMissing => {
                "Vælg, om du er for eller imod idéen, eller har et spørgsmål."
            }
            ArgumentProblem::Repeated => "Du har allerede skrevet det samme i dag.",
            ArgumentProblem::TooMany => {
                "Du har skrevet mange indlæg på kort tid. Vent lidt, og prøv igen."
            }
            ArgumentProblem::Closed => "Debatten om idéen er lukket.",
            ArgumentProblem::NoParent => "Det indlæg, du svarer på, findes ikke længere.",
            ArgumentProblem::EditTooLate => "Du kan kun rette dit indlæg i 15 minutter.",
        },
        official: "Kommunens svar",
        closed: |date| format!("Debatten blev lukket den {date}."),
        conclusion: "Kommunens konklusion",
        rules_title: "Debatregler",
        rules_intro: |m| {
            format!(
                "{m} vil gerne have en god og saglig debat om klimaplanen. Du må gerne være uenig, men vi taler ordentligt til hinanden. Moderatorer fra kommunen læser med."
            )
        },
        rules_after: "Bryder et indlæg en af reglerne, bliver det skjult. I stedet står der, hvornår og efter hvilken regel det blev skjult, og svarene på indlægget bliver stående. Alle skjulte indlæg bliver registreret, og kommunen kan gøre et indlæg offentligt igen.",
        rules_link: "Debatregler",
        rule_name: |rule| match rule {
            DebateRule::Respect => "Vis respekt",
            DebateRule::Discrimination => "Ingen diskrimination",
            DebateRule::OnTopic => "Hold dig til idéen",
            DebateRule::Advertising => "Ingen reklame",
            DebateRule::Privacy => "Respektér andres privatliv",
            DebateRule::Lawful => "Overhold loven",
        },
        rule_text: |rule| match rule {
            DebateRule::Respect => {
                "Skriv om idéen, ikke om de mennesker, der deltager. Personangreb, hån og trusler bliver skjult."
            }
            DebateRule::Discrimination => {
                "Indlæg, der nedgør mennesker på grund af fx køn, etnisk oprindelse, religion, handicap eller seksualitet, bliver skjult."
            }
            DebateRule::OnTopic => {
                "Debatten handler om idéen og klimaplanen. Indlæg om noget helt andet bliver skjult."
            }
            DebateRule::Advertising => {
                "Reklame for varer, virksomheder eller partier bliver skjult."
            }
            DebateRule::Privacy => {
                "Skriv ikke navne, adresser, telefonnumre eller andre oplysninger om andre personer."
            }
            DebateRule::Lawful => {
                "Ulovligt indhold, fx injurier eller andres tekster og billeder uden lov, bliver skjult."
            }
        },
        staff_intro: "Skjul et indlæg, der bryder en af debatreglerne. Svarene bliver stående, og alle kan se, efter hvilken regel det er skjult.",
        hidden_mark: "Skjult",
        hide: "Skjul",
        restore: "Gør offentligt igen",
        rule_label: "Regel",
        rule_choose: "Vælg den regel, indlægget bryder",
        reply_as: "Svar som kommunen",
        reply_as_label: "Kommunens svar",
        close: "Luk debatten",
        close_hint: "Skriv kommunens konklusion. Debatten kan stadig læses, men ingen kan skrive nye indlæg.",
        reopen: "Åbn debatten igen",
        staff_done: "Gemt.",
        staff_error: |problem| match problem {
            StaffDebateProblem::RuleMissing => "Vælg den regel, indlægget bryder.",
            StaffDebateProblem::ReplyInvalid => {
                "Skriv et svar på højst 1.500 tegn med højst 2 links og en afdeling på højst 80 tegn på én linje."
            }
            StaffDebateProblem::ConclusionMissing => {
                "Skriv kommunens konklusion (højst 1.500 tegn)."
            }
            StaffDebateProblem::NotFound => "Indlægget findes ikke længere.",
        },
        hidden_by_reports: |date| {
            format!(
                "Skjult den {date}, fordi flere borgere har anmeldt indlægget. En moderator ser på det."
            )
        },
        waiting: "Venter på godkendelse. Kun du kan se dit indlæg, indtil en moderator har godkendt det.",
        posted_waiting: "Tak. En moderator læser dit indlæg, før det bliver vist i debatten. Du kan se det her imens.",
        rules_reports: "Du kan anmelde et indlæg, du mener bryder reglerne. Når flere borgere har anmeldt det samme indlæg, bliver det skjult, indtil en moderator har set på det.",
        rules_approval: "En moderator læser alle indlæg, før de bliver vist i debatten.",
        report: "Anmeld",
        report_why: "Hvorfor skal en moderator se på indlægget?",
        report_thanks: "Tak. En moderator ser på indlægget.",
        report_already: "Du har anmeldt dette indlæg. En moderator ser på det.",
        report_reason_missing: "Vælg, hvorfor du anmelder indlægget.",
        report_cancel: "Fortryd",
        hidden_by_reports_mark: "Skjult efter anmeldelser fra borgere",
        waiting_mark: "Venter på godkendelse",
        approve: "Godkend",
        keep: "Behold",
        department_label: "Afdeling (valgfri)",
        department_hint: "Står ved kommunens navn, fx Klima og Bæredygtighed. Højst 80 tegn.",
        queue_heading: "Indlæg i debatten",
        queue_intro: "Nye indlæg, der venter på godkendelse, og indlæg, som borgere har anmeldt. Skjul et indlæg efter den regel, det bryder, så forfatteren får besked.",
        queue_none: "Ingen indlæg venter.",
        queue_under: "Under idéen:",
        queue_reports: |n| count(L, n, "anmeldelse", "anmeldelser"),
        queue_more: |shown, all| {
            format!(
                "Viser de ældste {} af {}.",
                format_int(L, shown),
                format_int(L, all)
            )
        },
        queue_done: "Gemt. Indlægget er ude af køen.",
    },
    areas: AreasTexts {
        title: "Områder",
        current: |n| format!("Der er {} nu.", count(L, n as i64, "område", "områder")),
        flagged: |n| {
            format!(
                "{} kunne ikke placeres i et område ved sidste import og skal placeres i hånden.",
                count(L, n, "idé", "idéer")
            )
        },
        upload_heading: "Indlæs områder fra en GeoJSON-fil",
        file: "GeoJSON-fil",
        file_hint: "En FeatureCollection med Polygon- eller MultiPolygon-områder i WGS84 (længde, bredde), højst 20 MB.",
        property: "Egenskaben med områdets navn",
        property_hint: "Fx POSTBYNAVN. Flere områder med samme navn bliver til ét.",
        preview_button: "Vis forhåndsvisning",
        preview_heading: |file| format!("Forhåndsvisning af {file}"),
        map_label: "Kort over områderne i filen",
        areas_in_file: |n| format!("{} i filen:", count(L, n as i64, "område", "områder")),
        what_happens: "Hvad der sker",
        replace: "Erstat",
        merge: "Flet",
        added: "Nye områder",
        updated: "Opdaterede områder",
        removed: "Områder, der fjernes",
        retired: "Heraf skjult, men beholdt (de har idéer uden punkt)",
        reassigned: "Idéer, der flyttes til området, hvor deres punkt ligger",
        flagged_ideas: "Idéer, der skal placeres i hånden",
        replace_button: "Erstat alle områder med filens",
        merge_button: "Flet filens områder med de nuværende",
        done: "Områderne er indlæst.",
        error: |problem, detail| {
            match problem {
            AreasProblem::TooLarge => "Filen er for stor (højst 20 MB). Intet er ændret.".into(),
            AreasProblem::NotGeojson => "Filen er ikke en GeoJSON FeatureCollection. Intet er ændret.".into(),
            AreasProblem::Crs => "Filens koordinater er ikke WGS84 (længde, bredde). Intet er ændret.".into(),
            AreasProblem::Empty => "Filen indeholder ingen områder (eller over 500). Intet er ændret.".into(),
            AreasProblem::NotPolygon => format!(
                "Element {detail} er ikke et Polygon eller MultiPolygon med lukkede ringe. Intet er ændret."
            ),
            AreasProblem::Outside => format!("Element {detail} har koordinater uden for WGS84. Intet er ændret."),
            AreasProblem::NoName => {
                format!("Element {detail} har ikke den valgte navne-egenskab. Intet er ændret.")
            }
            AreasProblem::SelfIntersecting => format!("Området {detail} krydser sig selv. Intet er ændret."),
            AreasProblem::SameSlug => format!("Navnene {detail} giver samme adresse. Intet er ændret."),
            AreasProblem::TooManyPoints => "Filen har over 200.000 punkter. Forenkl grænserne (fx i QGIS), og prøv igen. Intet er ændret.".into(),
            AreasProblem::NoFile => "Vælg en fil.".into(),
            AreasProblem::NoProperty => "Skriv navnet på egenskaben med områdets navn.".into(),
        }
        },
    },
    audit: AuditTexts {
        action: |x| match x {
            AuditAction::IdeaCorrect => "Idé rettet",
            AuditAction::IdeaMerge => "Idéer lagt sammen",
            AuditAction::IdeaUnmerge => "Sammenlægning fortrudt",
            AuditAction::IdeaNote => "Intern note gemt",
            AuditAction::IdeaLinkAction => "Idé knyttet til en indsats",
            AuditAction::IdeaUnlinkAction => "Idé taget fra en indsats",
            AuditAction::PlanActionCreate => "Indsats oprettet",
            AuditAction::PlanActionUpdate => "Indsats ændret",
            AuditAction::PlanBaseline => "Udledningstal ændret",
            AuditAction::PlanMilestoneAdd => "Milepæl tilføjet",
            AuditAction::PlanMilestoneReach => "Milepæl nået",
            AuditAction::IdeaStatus => "Status ændret",
            AuditAction::ModerationApprove => "Godkendt",
            AuditAction::ModerationReject => "Afvist",
            AuditAction::ModerationHide => "Skjult",
            AuditAction::ModerationRestore => "Gjort offentlig igen",
            AuditAction::ModerationKeep => "Bevaret trods anmeldelser",
            AuditAction::ModerationAutoHide => "Skjult efter anmeldelser",
            AuditAction::StaffAdd => "Medarbejder tilføjet",
            AuditAction::StaffRole => "Rolle ændret",
            AuditAction::StaffDisable => "Konto deaktiveret",
            AuditAction::StaffEnable => "Konto aktiveret igen",
            AuditAction::StaffPassword => "Adgangskode sat",
            AuditAction::StaffLocked => "Konto låst efter forkerte adgangskoder",
            AuditAction::StaffLogin => "Logget ind",
            AuditAction::StaffLogout => "Logget ud",
            AuditAction::AreasReplace => "Områder erstattet",
            AuditAction::AreasMerge => "Områder tilføjet og opdateret",
            AuditAction::ExportAuditCsv => "Handlingslog eksporteret",
            AuditAction::ExportIdeasCsv => "Idéer eksporteret (CSV)",
            AuditAction::ExportIdeasXlsx => "Idéer eksporteret (Excel)",
            AuditAction::ExportIdeasGeoJson => "Idéer eksporteret (GeoJSON)",
            AuditAction::ExportIdeasJson => "Idéer eksporteret (JSON)",
            AuditAction::ExportArgumentsCsv => "Indlæg eksporteret (CSV)",
            AuditAction::ExportArgumentsJson => "Indlæg eksporteret (JSON)",
            AuditAction::ExportActionsCsv => "Klimaplanens indsatser hentet som CSV",
            AuditAction::ExportActionsXlsx => "Klimaplanens indsatser hentet som Excel",
            AuditAction::DebateHide => "Indlæg skjult",
            AuditAction::DebateRestore => "Indlæg gjort offentligt igen",
            AuditAction::DebateReply => "Svar som kommunen",
            AuditAction::DebateClose => "Debat lukket",
            AuditAction::DebateApprove => "Indlæg godkendt",
            AuditAction::DebateKeep => "Anmeldt indlæg beholdt",
            AuditAction::DebateAutoHide => "Indlæg skjult efter anmeldelser",
            AuditAction::DebateReopen => "Debat åbnet igen",
        },
        group: |x| match x {
            AuditGroup::Moderation => "Moderation",
            AuditGroup::Idea => "Rettelser af idéer",
            AuditGroup::Staff => "Medarbejdere",
            AuditGroup::Areas => "Områder",
            AuditGroup::Export => "Eksporter",
            AuditGroup::Debate => "Debat",
            AuditGroup::Plan => "Klimaplan",
        },
        object: |x| match x {
            AuditObject::Idea => "Idé",
            AuditObject::StaffUser => "Medarbejder",
            AuditObject::Area => "Områder",
            AuditObject::Export => "Eksport",
            AuditObject::Action => "Indsats",
            AuditObject::Settings => "Indstillinger",
        },
    },
    digest_mail: DigestMailTexts {
        subject: |frequency, m| match frequency {
            Frequency::Daily => format!("Dagens nyt om det, du følger – {m}"),
            Frequency::Weekly => format!("Ugens nyt om det, du følger – {m}"),
            _ => format!("Nyt om det, du følger – {m}"),
        },
        intro: |frequency| match frequency {
            Frequency::Daily => {
                "Her er, hvad der er sket siden i går med det, du følger i kommunens klimadialog:"
            }
            Frequency::Weekly => {
                "Her er, hvad der er sket den seneste uge med det, du følger i kommunens klimadialog:"
            }
            _ => "Der er sket noget med det, du følger i kommunens klimadialog:",
        },
        new_idea: |area| format!("Ny idé i {area}"),
        status: |name| format!("Ny status: {name}"),
        answer: "Kommunens svar:",
        arguments: |[pro, con, question]| {
            let parts: Vec<String> = [
                (pro, "nyt argument for", "nye argumenter for"),
                (con, "nyt argument imod", "nye argumenter imod"),
                (question, "nyt spørgsmål", "nye spørgsmål"),
            ]
            .into_iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|(n, one, other)| count(L, i64::from(n), one, other))
            .collect();
            join_and(&parts, " og ")
        },
        replies: |n| {
            format!(
                "{} i debatten",
                count(L, i64::from(n), "nyt svar", "nye svar")
            )
        },
        replies_to_me: |n| {
            format!(
                "{} på dit indlæg",
                count(L, i64::from(n), "nyt svar", "nye svar")
            )
        },
        by_municipality: |n| {
            format!(
                "Kommunen har skrevet {} i debatten",
                count(L, i64::from(n), "indlæg", "indlæg")
            )
        },
        action_status: |name| format!("Indsatsen har fået en ny status: {name}"),
        milestone: |title| format!("Indsatsen har nået milepælen »{title}«"),
        more: |n| {
            format!(
                "… og {} mere. Se det hele på din side",
                count(L, n as i64, "idé eller indsats", "idéer eller indsatser")
            )
        },
        footer: |me, stop, m| {
            format!(
                "Du får mailen, fordi du følger det ovenfor: du har foreslået, støttet eller skrevet om idéerne, eller du har valgt at følge dem.\n\nSkift, hvor ofte du får mails, eller hvad du følger: {me}\nStop alle mails om det, du følger, med ét klik: {stop}\n\nVenlig hilsen\n{m}\n\nMailen er sendt automatisk. Du kan ikke svare på den.\n"
            )
        },
        stop_line: |link| format!("Stop alle mails om det, du følger, med ét klik: {link}\n"),
    },
    follow: FollowTexts {
        heading: "Følg idéen",
        state: |follow| match follow {
            IdeaFollow::Proposed => {
                "Du følger idéen, fordi du har foreslået den. Du får besked, når der sker noget med den."
            }
            IdeaFollow::Supported => {
                "Du følger idéen, fordi du støtter den. Du får besked, når der sker noget med den."
            }
            IdeaFollow::Argued => {
                "Du følger idéen, fordi du har skrevet i debatten om den. Du får besked, når der sker noget med den."
            }
            IdeaFollow::Chosen => "Du følger idéen. Du får besked, når der sker noget med den.",
            IdeaFollow::Stopped => {
                "Du følger ikke idéen og får ikke besked om den, heller ikke hvis du støtter den."
            }
            IdeaFollow::None => {
                "Følg idéen, så får du besked, når den får ny status, når nogen skriver i debatten, og når den bliver en del af klimaplanen."
            }
        },
        start: "Følg idéen",
        stop: "Følg ikke længere",
        action_state: |following| {
            if following {
                "Du følger indsatsen og hører, når den får ny status eller når en milepæl."
            } else {
                "Følg indsatsen, så hører du, når den får ny status eller når en milepæl."
            }
        },
        action_start: "Følg indsatsen",
        action_stop: "Følg ikke indsatsen længere",
        topics_heading: "Det, du følger",
        topics_hint: "Du følger også de idéer, du har foreslået, støttet eller skrevet om. Dem kan du stoppe med at følge på idéens side.",
        topics_none: "Du har ikke selv valgt at følge noget endnu.",
        topic_stop: |name| format!("Følg ikke {name} længere"),
        stop_short: "Stop",
        follow_area: "Følg et område, og hør om nye idéer der",
        follow_category: "Følg en sektor eller et tema, og hør om nye idéer i det",
        sectors: "Sektorer",
        themes: "Klimatilpasning",
        follow_short: "Følg",
    },
    faults: FaultTexts {
        title: "Prøv igen om lidt",
        body: "Vi kunne ikke gemme det, du sendte, lige nu. Det er en fejl hos os, ikke hos dig. \
               Gå tilbage med browserens tilbage-knap, så står det, du skrev, der stadig, og send det igen om lidt.",
        back: "Tilbage til siden",
    },
    list: ListTexts {
        filters: "Find idéer",
        search: "Søg",
        search_hint: "Fx cykelsti eller Nørresundby",
        area: "Område",
        all_areas: "Alle områder",
        sector: "Sektor",
        all_sectors: "Alle sektorer",
        theme: "Tema",
        all_themes: "Alle temaer",
        kind: "Type",
        all_kinds: "Begge typer",
        status: "Status",
        all_statuses: "Alle",
        sort: "Sortering",
        show: "Vis idéer",
        clear: "Nulstil",
        no_match: "Ingen idéer passer til det, du har valgt.",
        results: "Idéerne",
        description: "Alle borgernes idéer til klimaplanen: søg, filtrér efter område, sektor, tema og status, og se, hvilke der har mest støtte.",
        sort_top: "Mest støttede",
        sort_trending: "Populære lige nu",
        sort_new: "Nyeste",
        sort_random: "Tilfældig rækkefølge",
    },
    map: MapTexts {
        nav: "Kort",
        title: "Idéerne på kortet",
        intro: "Hvor i kommunen kommer idéerne fra, og hvor bliver de støttet? Tryk på et område for at se dets idéer. Tabellen under kortet viser det samme.",
        shade_by: "Farv områderne efter",
        by_ideas: "antal idéer",
        by_supports: "antal støtter",
        map_title: |what| format!("Kort over kommunens områder, farvet efter {what}"),
        legend: "Forklaring",
        none: "Ingen",
        range: |from, to| {
            if from == to {
                format_int(L, from)
            } else {
                format!("{}–{}", format_int(L, from), format_int(L, to))
            }
        },
        area_ideas: |area, ideas, supports| {
            format!(
                "{area}: {}, {}",
                count(L, ideas, "idé", "idéer"),
                count(L, supports, "støtte", "støtter")
            )
        },
        table_caption: "Idéer og støtter pr. område",
        area: "Område",
        ideas: "Idéer",
        supports: "Støtter",
        points_note: "Hver prik er en idé, der er sat på et bestemt sted på kortet. Stedet er afrundet til ca. 100 meter, medmindre det præcise sted er vigtigt for idéen.",
        areas_credit: "Områderne er postnumrene i kommunen. Grænser: Geodatastyrelsen og Danske Kommuner, DAGI.",
    },
    privacy: PrivacyTexts {
        nav: "Sådan behandler vi dine oplysninger",
        title: "Sådan behandler vi dine personoplysninger",
        intro: |m| {
            format!(
                "{m} er dataansvarlig for de oplysninger, du giver i Klimadialog. Her kan du læse, hvad vi gemmer, hvorfor, hvem der kan se det, og hvor længe vi gemmer det."
            )
        },
        contact_heading: "Kontakt",
        dpo_email: |m, email| {
            format!("Har du spørgsmål, kan du skrive til {m}s databeskyttelsesrådgiver på {email}.")
        },
        dpo_website: |m| {
            format!(
                "Har du spørgsmål, kan du kontakte {m}s databeskyttelsesrådgiver. Du finder kontaktoplysningerne på kommunens hjemmeside."
            )
        },
        purposes_heading: "Hvad vi bruger oplysningerne til",
        purposes: [
            "at logge dig ind med en kode, vi sender til din e-mailadresse",
            "at vise de idéer, du foreslår, og tælle, hvilke idéer du støtter",
            "at skrive til dig om det, du følger: de idéer, du har foreslået, støtter eller har skrevet om, og de områder, emner og indsatser i klimaplanen, du selv har valgt – så ofte, som du har valgt",
            "at kommunens medarbejdere kan læse, sortere og besvare idéerne i arbejdet med klimaplanen",
            "at beskytte siden mod misbrug, fx mange forsøg fra samme sted på kort tid",
        ],
        basis_heading: "Hvorfor vi må behandle oplysningerne",
        basis: "Vi behandler oplysningerne for at udføre en opgave i samfundets interesse: at inddrage borgerne i kommunens klimaplan (databeskyttelsesforordningens artikel 6, stk. 1, litra e).",
        data_heading: "Hvilke oplysninger vi gemmer",
        data: [
            "din e-mailadresse",
            "et navn, hvis du selv vælger at vise et",
            "de idéer, du skriver, med foto og et punkt på kortet, hvis du tilføjer dem. Fotoet gemmes uden de oplysninger, telefonen lægger i det (fx hvor det er taget)",
            "hvilke idéer du støtter, og hvilke idéer og indlæg du har anmeldt, og dine indlæg i debatten om idéerne, også hvilke indlæg du har fundet nyttige, hvad du har valgt at følge, og hvor ofte du vil have mails",
            "hvornår du har logget ind",
            "din internetadresse, kun krypteret og kun i serverens hukommelse, til at begrænse misbrug. Den gemmes ikke",
        ],
        who_heading: "Hvem der kan se oplysningerne",
        who: [
            "Alle kan se de idéer, der er godkendt, og det navn, du har valgt at vise. Uden navn står der »Borger i« og dit område. Din e-mailadresse vises aldrig offentligt.",
            "Kommunens medarbejdere, der arbejder med Klimadialog, kan se alle idéer, indlæg og anmeldelser, men ikke hvem der har anmeldt en idé eller et indlæg. Skjuler en moderator dit indlæg, får du en mail om, hvilken debatregel det bryder.",
            "Kun administratorer kan hente en fil med forslagsstillernes e-mailadresser, fx for at kontakte dig om din idé. Hver gang det sker, bliver det skrevet i kommunens handlingslog.",
        ],
        kept_heading: "Hvor længe vi gemmer oplysningerne",
        kept: [
            (
                "Koder til at logge ind, med den e-mailadresse de blev sendt til",
                retention::SIGN_IN_CODE_SECONDS,
            ),
            (
                "At du er logget ind (på din enhed)",
                retention::RESIDENT_SESSION_SECONDS,
            ),
            (
                "En idé eller et indlæg, du er i gang med at skrive, fra du sidst ændrede det",
                retention::DRAFT_SECONDS,
            ),
            (
                "Foto til en idé, der er afvist eller skjult",
                retention::HIDDEN_PHOTO_SECONDS,
            ),
            (
                "Mails, vi har sendt om det, du følger, og hvad hver mail fortalte om",
                retention::STATUS_MAIL_SECONDS,
            ),
            (
                "At en medarbejder er logget ind",
                retention::STAFF_SESSION_SECONDS,
            ),
            (
                "Fotos, som ingen idé bruger",
                retention::UNUSED_PHOTO_SECONDS,
            ),
        ],
        kept_until_deleted: "Dine idéer, indlæg, din støtte og dine anmeldelser gemmer vi, så længe Klimadialog bruges i arbejdet med klimaplanen, eller indtil du sletter din konto.",
        rights_heading: "Dine rettigheder",
        rights: "Du har ret til at se de oplysninger, vi har om dig, og til at få dem rettet eller slettet. Du kan også gøre indsigelse mod behandlingen eller bede om, at den begrænses.",
        rights_me: "På Min side kan du hente alle dine oplysninger og slette din konto. Når du sletter den, sletter vi din e-mailadresse og din støtte. Dine idéer og dine indlæg i debatten bliver på siden uden dit navn (der står »Tidligere borger«), så andres støtte og svar ikke går tabt. Du kan også slette et enkelt indlæg.",
        complaint_heading: "Klage",
        complaint: "Du kan klage over behandlingen af dine oplysninger til Datatilsynet, www.datatilsynet.dk.",
        days: |n| count(L, n, "dag", "dage"),
        hours: |n| count(L, n, "time", "timer"),
    },
    propose: ProposeTexts {
        locale: L,
        nav: "Foreslå en idé",
        title: "Foreslå en idé til klimaplanen",
        intro: "Det tager et par minutter. Til sidst logger du ind med din e-mail. Vi gemmer det, du skriver, undervejs.",
        errors_heading: "Ret det, der er markeret:",
        kind_legend: "Hvad gør idéen?",
        kind_mitigation: "Mindsker udledningen af drivhusgasser",
        kind_adaptation: "Hjælper os med at klare et ændret klima (klimatilpasning)",
        sector_label: "Sektor (hvis idéen mindsker udledningen)",
        theme_label: "Tema (hvis idéen handler om klimatilpasning)",
        choose: "Vælg …",
        place_legend: "Hvor hører idéen hjemme?",
        area_label: "Område",
        use_location: "Brug min placering",
        point_published: "Sætter du et punkt (med »Brug min placering« eller på kortet), vises det offentligt afrundet til ca. 100 meter, så ingen kan se præcis, hvor du var.",
        exact_point: "Det præcise sted er vigtigt for idéen. Vis punktet præcist.",
        locating: "Finder din placering …",
        location_in: |area| {
            format!("Din placering er i {area}. Vi bruger den i stedet for listen.")
        },
        location_failed: "Vi kunne ikke finde din placering. Vælg et område på listen.",
        remove_location: "Brug listen i stedet",
        // No word of a field's label in here: browsers and people find fields by their labels.
        map_label: "Kort over kommunen. Tryk på kortet for at sætte et punkt, eller brug listen.",
        point_in: |area| format!("Punktet ligger i {area}. Vi bruger det i stedet for listen."),
        title_label: "Overskrift",
        title_hint: "Kort og konkret, 5–120 tegn.",
        description_label: "Beskrivelse",
        description_hint: "20–4.000 tegn. Hvad er problemet, og hvad foreslår du?",
        chars_used: |n, max| format!("{n} af højst {max} tegn"),
        photo_label: "Foto (valgfrit)",
        photo_hint: "JPEG, PNG eller WebP, højst 10 MB. Vi fjerner placering og andre oplysninger fra billedet.",
        photo_current: "Dit foto",
        remove_photo: "Fjern fotoet",
        continue_button: "Fortsæt",
        review_title: "Tjek din idé, før du sender den",
        review_intro: "Sådan kommer din idé til at se ud.",
        area_from_point: |area| {
            format!("Området er fundet ud fra det punkt, du har valgt: {area}.")
        },
        similar_heading: "Findes idéen allerede?",
        similar_intro: "Andre har foreslået noget lignende. Dækker en af dem din idé, så støt hellere den. Så bliver støtten samlet ét sted.",
        no_similar: "Vi fandt ingen lignende idéer.",
        support_instead: "Støt denne i stedet",
        edit: "Ret idéen",
        submit: "Send idéen",
        sign_in_to_submit: "Log ind for at sende idéen",
        draft_kept: "Din idé er gemt som kladde. Log ind, så kan du sende den.",
        no_draft: "Du har ingen idé i gang.",
        start: "Foreslå en idé",
        pre_moderation: "En medarbejder i kommunen læser idéen, før den bliver offentlig. Du kan følge den på Min side.",
        post_moderation: "Idéen bliver offentlig med det samme.",
        kind_missing: "Vælg, om idéen mindsker udledningen eller handler om klimatilpasning.",
        sector_missing: "Vælg en sektor.",
        theme_missing: "Vælg et tema.",
        place_missing: "Vælg et område på listen.",
        point_invalid: "Vi kunne ikke læse din placering. Vælg et område på listen.",
        point_outside: |m| format!("Punktet ligger uden for {m}. Vælg et område på listen."),
        text_empty: "Skriv noget her.",
        text_too_short: |min| format!("Skriv mindst {min} tegn."),
        text_too_long: |max| format!("Skriv højst {max} tegn."),
        text_control: "Teksten indeholder tegn, der ikke kan gemmes. Skriv den igen uden at kopiere den ind.",
        photo_too_large: "Fotoet er større end 10 MB. Vælg et mindre foto.",
        photo_not_a_picture: "Filen er ikke et JPEG-, PNG- eller WebP-billede.",
        photo_too_many_pixels: "Billedet har for mange pixels. Vælg et mindre billede.",
        photo_busy: "Vi modtager mange fotos lige nu. Vælg fotoet igen om et øjeblik. Resten af det, du har skrevet, er gemt.",
        photo_failed: "Fotoet kunne ikke gemmes. Prøv igen, eller send idéen uden foto.",
        too_many: "Du har sendt mange idéer på kort tid. Vent lidt, og prøv så igen.",
    },
    report: ReportTexts {
        reason_name: |reason| match reason {
            ReportReason::Spam => "Spam eller reklame",
            ReportReason::Offensive => "Krænkende eller stødende",
            ReportReason::OffTopic => "Handler ikke om klimaplanen",
            ReportReason::Duplicate => "Findes allerede som en anden idé",
            ReportReason::Other => "Andet",
        },
        open: "Anmeld idéen",
        why: "Hvorfor skal en moderator se på idéen?",
        comment: "Kommentar (valgfri)",
        comment_hint: "Højst 1.000 tegn. Moderatorerne ser ikke, hvem der har anmeldt.",
        send: "Send anmeldelse",
        sign_in_first: "Log ind for at anmelde en idé.",
        thanks: "Tak. En moderator ser på idéen.",
        already: "Du har anmeldt denne idé. En moderator ser på den.",
        reason_missing: "Vælg, hvorfor du anmelder idéen.",
        comment_too_long: "Kommentaren må højst være 1.000 tegn.",
        comment_bad: "Kommentaren indeholder tegn, der ikke kan gemmes.",
        too_many: "Du har sendt mange anmeldelser på kort tid. Prøv igen senere.",
        hidden_by_reports: "Din idé er skjult, fordi flere borgere har anmeldt den. En moderator ser på den snarest.",
    },
    staff: StaffTexts {
        login_title: "Log ind for medarbejdere",
        username: "Brugernavn",
        password: "Adgangskode",
        log_in: "Log ind",
        log_out: "Log ud",
        bad_credentials: "Brugernavn eller adgangskode er forkert. Efter fem forkerte forsøg i træk bliver kontoen låst i et stykke tid, også for den rigtige adgangskode.",
        too_many: "For mange forsøg fra denne forbindelse. Vent lidt, og prøv så igen.",
        dashboard_title: "Overblik",
        menu: "Medarbejdermenu",
        signed_in_as: |name, role| format!("Logget ind som {name} ({role})."),
        waiting: "Idéer, der venter på moderation",
        hidden: "Skjulte idéer",
        per_status: "Offentlige idéer pr. status",
        forbidden_title: "Ingen adgang",
        forbidden_text: "Din rolle giver ikke adgang til denne side.",
        role_moderator: "moderator",
        role_admin: "administrator",
        moderation_title: "Moderation",
        queue_empty: "Ingen idéer venter.",
        queue_keys: "Med tastaturet: Gå til en idé med Tab. J eller pil ned går til den næste, K eller pil op til den forrige. A godkender idéen. R går til begrundelsen, hvor Ctrl+Enter afviser idéen (eller skjuler den, hvis den er offentlig), og Escape går tilbage til idéen.",
        queue_waiting: |waiting, shown| {
            let verb = format!(
                "{} venter på moderation.",
                count(L, waiting, "idé", "idéer")
            );
            if waiting > shown {
                format!("{verb} Her er de {} ældste.", format_int(L, shown))
            } else {
                verb
            }
        },
        reports: |n| count(L, n, "anmeldelse", "anmeldelser"),
        reason_label: "Begrundelse (forslagsstilleren ser den, hvis idéen afvises eller skjules)",
        approve: "Godkend",
        reject: "Afvis",
        hide: "Skjul",
        done: "Gemt.",
        reason_missing: "Skriv en begrundelse, når en idé afvises eller skjules.",
        not_now: "Idéen er allerede behandlet.",
        withheld: "Skjulte og afviste idéer",
        restore: "Gendan",
        keep: "Behold (luk anmeldelserne)",
        open_reports: "Åbne anmeldelser",
        hidden_by_reports: "Skjult automatisk efter anmeldelser",
        correct: "Ret idéen",
        title_label: "Titel",
        category_label: "Sektor eller tilpasningstema",
        sectors: "Reduktion: sektorer",
        themes: "Tilpasning: temaer",
        area_label: "Område",
        save_correction: "Gem rettelsen",
        original_title: |t| format!("Forslagsstillerens titel: {t}"),
        title_invalid: "Titlen skal være 5–120 tegn på én linje.",
        reported: "Idéer med åbne anmeldelser",
        arguments_waiting: "Indlæg i debatten, der venter på en moderator",
        mails_waiting: "Mails til borgere, der venter på at blive sendt",
        mails_retrying: "Mails, der prøves igen, fordi mailserveren afviste dem",
        mails_given_up: "Mails, der er opgivet efter et døgns forsøg",
        mails_sent_today: "Mails sendt i dag",
        mail_not_sent: "Sitet sender ikke mails: der er ingen mailserver (SMTP_URL), så mails med koder og svar bliver kun gemt som filer på serveren. Det er kun til afprøvning. Bed it-afdelingen om at sætte SMTP_URL.",
        recent: "Seneste handlinger",
        system: "Systemet",
    },
    batch: BatchTexts {
        legend: "Gør det samme ved flere idéer",
        pick: |title| format!("Vælg »{title}«"),
        pick_column: "Vælg",
        pick_all: "Vælg alle idéer på siden",
        picked: |n| format!("Du har valgt {}.", count(L, n, "idé", "idéer")),
        scope_ticked: "De idéer, du har sat flueben ved",
        scope_all: |n| {
            format!(
                "Alle {}, der passer til filteret",
                count(L, n, "idé", "idéer")
            )
        },
        action: "Handling",
        action_name: |kind| match kind {
            BatchKind::Status => "Sæt status og send kommunens svar",
            BatchKind::Category => "Skift sektor eller tema",
            BatchKind::Area => "Skift område",
            BatchKind::Approve => "Godkend",
            BatchKind::Reject => "Afvis",
            BatchKind::Hide => "Skjul",
        },
        status: "Ny status",
        category: "Ny sektor eller tema",
        area: "Nyt område",
        reason: "Begrundelse ved afvisning eller skjul",
        reason_hint: "Forslagsstilleren kan læse begrundelsen.",
        fields_hint: "Udfyld kun felterne til den handling, du vælger. Alle idéer ændres på én gang, eller ingen af dem. Hver forslagsstiller og hver, der støtter, får én mail om alle deres idéer.",
        run: "Udfør",
        export_hint: "Eller hent de idéer, du har sat flueben ved. Uden flueben får du alle, der passer til filteret.",
        export_csv: "Hent som CSV",
        export_xlsx: "Hent som Excel (XLSX)",
        done: |n| format!("{} ændret.", count(L, n, "idé er", "idéer er")),
        mails_follow: "Beskederne sendes nu.",
        error: |error| match error {
            BatchError::NothingChosen => {
                "Sæt flueben ved mindst én idé, eller vælg alle, der passer til filteret."
            }
            BatchError::TooMany => "Højst 10.000 idéer ad gangen. Gør filteret snævrere.",
            BatchError::NoAction => "Vælg en handling.",
            BatchError::Status => "Vælg en ny status.",
            BatchError::AnswerRequired => "Skriv kommunens svar: en beslutning skal begrundes.",
            BatchError::EnglishAlone => {
                "Skriv også svaret på dansk. Det engelske svar skal være en oversættelse af det danske."
            }
            BatchError::AnswerInvalid => {
                "Svaret må højst være 4.000 tegn og ikke indeholde kontroltegn."
            }
            BatchError::Category => "Vælg en sektor eller et tema.",
            BatchError::Area => "Vælg et område.",
            BatchError::ReasonRequired => "Skriv en begrundelse. Forslagsstilleren kan læse den.",
            BatchError::CountChanged => {
                "Antallet af idéer, der passer til filteret, har ændret sig. Se tabellen igen, og prøv igen."
            }
        },
        count_changed: |now, confirmed| {
            format!(
                "Intet er ændret: filteret passer nu til {}, ikke {}. Se tabellen igen, og prøv igen.",
                count(L, now, "idé", "idéer"),
                format_int(L, confirmed)
            )
        },
        refused_intro: "Intet er ændret, fordi disse idéer ikke kunne:",
        refusal: |refusal| match refusal {
            BatchRefusal::Missing => "findes ikke længere",
            BatchRefusal::Changed => "er ændret af en anden, siden du hentede siden",
            BatchRefusal::NotPublic => "er ikke offentlig, så den kan ikke få en status",
            BatchRefusal::NoAction => "er ikke knyttet til en indsats i klimaplanen endnu",
            BatchRefusal::NotNow => "handlingen passer ikke til idéens moderation",
        },
        idea_number: |id| format!("Idé nr. {id}"),
        more: |n| format!("og {} mere", count(L, n, "idé", "idéer")),
    },
    staff_ideas: StaffIdeasTexts {
        title: "Idéer",
        intro: "Alle idéer, også dem der afventer godkendelse, er afvist eller skjult. Klik på en overskrift for at sortere, og på en titel for at sætte status, skrive en note eller lægge idéer sammen.",
        filters: "Filtrér idéerne",
        search: "Søg i titel og beskrivelse",
        any: "Alle",
        moderation: "Moderation",
        moderation_name: |state| match state {
            ModerationState::Pending => "Afventer",
            ModerationState::Published => "Offentlig",
            ModerationState::Rejected => "Afvist",
            ModerationState::Hidden => "Skjult",
        },
        from: "Oprettet fra og med",
        to: "Oprettet til og med",
        with_photo: "Kun idéer med foto",
        with_open_reports: "Kun idéer med åbne anmeldelser",
        without_point: "Kun idéer uden sted på kortet",
        min_supports: "Mindst antal støtter",
        show: "Vis",
        reset: "Nulstil filtrene",
        showing: |first, last, total| {
            format!(
                "Viser {}–{} af {}",
                format_int(L, first),
                format_int(L, last),
                count(L, total, "idé", "idéer")
            )
        },
        none: "Ingen idéer passer til filteret.",
        caption: "Idéer, der passer til filteret",
        column_name: |column| match column {
            Column::Title => "Titel",
            Column::Kind => "Type",
            Column::Category => "Sektor eller tema",
            Column::Area => "Område",
            Column::Status => "Status",
            Column::Moderation => "Moderation",
            Column::Supports => "Støtter",
            Column::Reports => "Åbne anmeldelser",
            Column::Created => "Oprettet",
        },
        order_by: |name| format!("Sortér efter {}", name.to_lowercase()),
        photo: "foto",
        no_point: "uden sted",
        page_of: |at, of| format!("Side {at} af {of}"),
        pages: "Sider",
        previous: "Forrige side",
        next: "Næste side",
        back_to_table: "Tilbage til alle idéer",
        not_found: "Idéen findes ikke.",
        not_public: "Idéen er ikke offentlig. Du kan sætte status, når den er godkendt.",
        to_moderation: "Gå til moderation",
        open_reports: |n| count(L, n, "åben anmeldelse", "åbne anmeldelser"),
        public_page: "Se idéens offentlige side",
    },
    stats: StatsTexts {
        nav: "Statistik",
        title: "Idéerne i tal",
        intro: "Offentlige idéer og støtten til dem fordelt på sektor, tema, område og uge.",
        by_sector: "Pr. sektor (mindre udledning)",
        by_theme: "Pr. tema (klimatilpasning)",
        by_area: "Pr. område",
        by_week: "Pr. uge, det seneste halve år",
        week_of: |monday, sunday| {
            format!(
                "Uge {} ({})",
                monday.iso_week(),
                day_span(monday, sunday, L)
            )
        },
        ideas: "Idéer",
        supports: "Støtter",
        sector: "Sektor",
        theme: "Tema",
        area: "Område",
        week: "Uge",
        show_numbers: "Se tallene som tabel",
    },
    debate_mail: |mail, rule| {
        let DebateMail {
            title,
            link,
            rules_link,
            words,
            municipality: m,
            ..
        } = *mail;
        let subject = format!("Dit indlæg i debatten er skjult – {m}");
        let quoted: String = words.lines().map(|line| format!("> {line}\n")).collect();
        let body = format!(
            "Hej\n\nEn moderator har skjult dit indlæg i debatten om idéen »{title}«, fordi det bryder debatreglen »{rule}«.\n\nDu skrev:\n{quoted}\nDer står nu, hvornår og efter hvilken regel indlægget er skjult. Svarene på det bliver stående.\n\nDu kan læse debatreglerne her: {rules_link}\nDu er velkommen til at skrive et nyt indlæg, der holder sig til reglerne: {link}\n\nMener du, at det er en fejl, kan du skrive til kommunen.\n\nVenlig hilsen\n{m}\n\nMailen er sendt automatisk. Du kan ikke svare på den.\n"
        );
        (subject, body)
    },
    plan_mail: |mail, what| {
        let PlanMail {
            code,
            title,
            change,
            ideas,
            link,
            me_link,
            municipality: m,
        } = *mail;
        let subject = format!("Nyt om indsats {code} i klimaplanen – {m}");
        let news = match change {
            PlanChange::Status(_) => {
                format!(
                    "Indsatsen »{code} {title}« i {m}s klimaplan har fået en ny status: {what}."
                )
            }
            PlanChange::Milestone(_) => {
                format!(
                    "Indsatsen »{code} {title}« i {m}s klimaplan har nået en milepæl: »{what}«."
                )
            }
        };
        let listed: String = ideas
            .iter()
            .map(|(t, l)| format!("- »{t}«: {l}\n"))
            .collect();
        let yours = match ideas.len() {
            0 => String::new(),
            1 => format!(
                "Idéen her, som du har foreslået eller støttet, er en del af indsatsen:\n{listed}\n"
            ),
            _ => format!(
                "Idéerne her, som du har foreslået eller støttet, er en del af indsatsen:\n{listed}\n"
            ),
        };
        let body = format!(
            "Hej\n\n{news}\n\n{yours}Se indsatsen, dens milepæle og idéerne bag den: {link}\n\nDu får mailen, fordi du har foreslået eller støttet en idé, der er en del af indsatsen. Du kan slå mails om dine idéer fra her: {me_link}\n\nVenlig hilsen\n{m}\n\nMailen er sendt automatisk. Du kan ikke svare på den.\n"
        );
        (subject, body)
    },
    status_mail: |mail, name| {
        let StatusMail {
            title,
            link,
            me_link,
            municipality: m,
            to_author,
            also,
            ..
        } = *mail;
        if !also.is_empty() {
            let n = also.len() as i64 + 1;
            let ideas: String = std::iter::once((title, link, to_author))
                .chain(also.iter().map(|(t, l, a)| (t.as_str(), l.as_str(), *a)))
                .map(|(t, l, author)| {
                    let whose = if author {
                        "din idé"
                    } else {
                        "du støtter den"
                    };
                    format!("- »{t}« ({whose}): {l}\n")
                })
                .collect();
            let answer = mail
                .answer_da
                .map(|a| format!("\nKommunens svar:\n{a}\n"))
                .unwrap_or_default();
            let subject = format!("Ny status for {} – {m}", count(L, n, "idé", "idéer"));
            let body = format!(
                "Hej\n\n{} har fået status »{name}«:\n\n{ideas}{answer}\nDu får denne mail, fordi du har foreslået eller støtter idéerne på Klimadialog.\nVil du ikke have flere mails om idéernes status, kan du slå dem fra på Min side: {me_link}\n\nVenlig hilsen\n{m}\n\nMailen er sendt automatisk. Du kan ikke svare på den.\n",
                count(
                    L,
                    n,
                    "idé, som du har foreslået eller støtter,",
                    "idéer, som du har foreslået eller støtter,"
                )
            );
            return (subject, body);
        }
        let subject = format!("Ny status for »{title}« – {m}");
        let opening = if to_author {
            format!("Din idé »{title}« har fået status »{name}«.")
        } else {
            format!("Idéen »{title}«, som du støtter, har fået status »{name}«.")
        };
        let answer = mail
            .answer_da
            .map(|a| format!("\n\nKommunens svar:\n{a}"))
            .unwrap_or_default();
        let why = if to_author {
            "Du får denne mail, fordi du har foreslået idéen på Klimadialog."
        } else {
            "Du får denne mail, fordi du støtter idéen på Klimadialog."
        };
        let body = format!(
            "Hej\n\n{opening}{answer}\n\nLæs idéen og hele forløbet: {link}\n\n{why}\nVil du ikke have flere mails om idéernes status, kan du slå dem fra på Min side: {me_link}\n\nVenlig hilsen\n{m}\n\nMailen er sendt automatisk. Du kan ikke svare på den.\n"
        );
        (subject, body)
    },
    unsubscribe: UnsubscribeTexts {
        title: "Stop mails om det, du følger",
        intro: |m| {
            format!(
                "Du får mails fra {m}s klimadialog om idéer, du har foreslået, støttet, skrevet om eller valgt at følge, og om det i klimaplanen, du følger. Med knappen her stopper du dem alle."
            )
        },
        button: "Stop alle mails om det, du følger",
        fewer: "Vil du hellere have færre mails? Du kan vælge en opsamling én gang om ugen i stedet.",
        settings_link: "Dine mailindstillinger",
        stopped_title: "Du får ikke flere mails om det, du følger",
        stopped: "Vi har stoppet mails om nye svar, statusser og indlæg. Mails, du selv beder om, fx koder til at logge ind, får du stadig.",
        undo: "Har du fortrudt? Du kan slå mails til igen på din side.",
        unknown_title: "Linket virker ikke",
        unknown: "Linket virker ikke længere, fx fordi kontoen er slettet. Log ind for at se og ændre dine mailindstillinger.",
    },
    team: TeamTexts {
        team_title: "Medarbejdere",
        add_heading: "Tilføj en medarbejder",
        username_hint: "2–60 tegn: små bogstaver a-z, tal, punktum, bindestreg eller understregning.",
        role: "Rolle",
        first_password: "Første adgangskode",
        password_hint: "Mindst 12 tegn. Giv den videre ad en sikker vej.",
        password_again: "Gentag adgangskoden",
        add: "Tilføj",
        status: "Status",
        active: "Aktiv",
        disabled: "Deaktiveret",
        locked: "Låst efter forkerte forsøg",
        you: "(dig)",
        make_admin: "Gør til administrator",
        make_moderator: "Gør til moderator",
        disable: "Deaktivér",
        enable: "Aktivér",
        new_password: "Ny adgangskode",
        set_password: "Sæt adgangskode",
        actions_heading: "Handlinger",
        error_username: "Brugernavnet skal være 2–60 tegn: små bogstaver a-z, tal, punktum, bindestreg eller understregning.",
        error_role: "Vælg en rolle.",
        error_password: "Adgangskoden skal være mindst 12 tegn.",
        error_mismatch: "De to adgangskoder er ikke ens.",
        error_taken: "Brugernavnet er allerede i brug.",
        error_yourself: "Du kan ikke fjerne din egen administratorrolle eller deaktivere dig selv.",
        error_last_admin: "Der skal altid være mindst én aktiv administrator.",
        audit_title: "Handlingslog",
        filter: "Filtrér",
        show: "Vis",
        all: "Alle",
        staff_member: "Medarbejder",
        action: "Handling",
        object: "Objekt",
        object_id: "Objektets nummer",
        from: "Fra dato",
        until: "Til og med dato",
        when: "Tidspunkt",
        before: "Før",
        after: "Efter",
        system: "Systemet",
        older: "Ældre handlinger",
        newest: "Nyeste handlinger",
        download_csv: "Hent som CSV",
        nothing: "Ingen handlinger passer til filteret.",
    },
};
