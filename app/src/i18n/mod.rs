//! Every user-visible text, in Danish and English. One struct holds one language's texts, so a
//! text missing in either language is a compile error, and choosing a language is choosing a
//! struct. Texts with values are functions. Islands get their texts as props, so none of this
//! is shipped in the WebAssembly bundle.

mod accessibility;
mod answers;
mod areas;
mod audit;
mod faults;
mod list;
mod map;
mod privacy;
mod propose;
mod report;
mod staff;
mod stats;
mod status_mail;
mod team;

use klimadialog::numbers::count;
use klimadialog::{IdeaKind, Locale, PublicStatus};
use leptos::prelude::*;

pub use accessibility::{AccessibilityTexts, accessibility_texts};
pub use answers::{AnswerTexts, answer_texts};
pub use areas::{AreasTexts, areas_texts};
pub use audit::{audit_action_name, audit_group_name, audit_object_name};
pub use faults::{FaultTexts, fault_page, fault_texts};
pub use list::{ListTexts, list_texts};
pub use map::{MapTexts, map_texts};
pub use privacy::{PrivacyTexts, privacy_texts};
pub use propose::{ProposeTexts, propose_texts};
pub use report::{ReportTexts, reason_name, report_texts};
pub use staff::{StaffTexts, staff_texts};
pub use stats::{StatsTexts, stats_texts};
pub use status_mail::{StatusMail, status_mail};
pub use team::{TeamTexts, team_texts};

pub struct Texts {
    pub site_name: &'static str,
    pub tagline: fn(&str) -> String,
    pub skip_to_content: &'static str,
    pub main_navigation: &'static str,
    pub nav_home: &'static str,
    pub nav_ideas: &'static str,
    /// The link to the other language, written in that language.
    pub other_language: &'static str,
    pub other_language_hint: &'static str,
    pub accessibility_statement: &'static str,
    /// The municipality and its climate targets.
    pub footer_about: fn(&str, &crate::config::ClimateTargets) -> String,
    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub most_supported: &'static str,
    /// "Se alle 61 idéer".
    pub see_all_ideas: fn(i64) -> String,
    pub no_ideas_yet: &'static str,
    pub all_ideas_title: &'static str,
    pub ideas_count: fn(i64) -> String,
    pub supports: fn(i64) -> String,
    /// The word `supports` counts with, one and other (for the support button's island, which
    /// counts in the browser).
    pub support_words: [&'static str; 2],
    pub kind_label: &'static str,
    /// The category's label: a mitigation idea has a sector, an adaptation idea a theme.
    pub sector_label: &'static str,
    pub theme_label: &'static str,
    pub area_label: &'static str,
    pub status_label: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page_of: fn(u32, u32) -> String,
    pub pagination: &'static str,
    /// "Proposed by {author} on", followed by the date.
    pub proposed_by: fn(&str) -> String,
    /// How an author without a public display name is shown.
    pub resident_in: fn(&str) -> String,
    pub status_history: &'static str,
    pub official_answer: &'static str,
    pub share_idea: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub more_in_area: fn(&str) -> String,
    pub photo_alt: fn(&str) -> String,
    pub area_map: fn(&str) -> String,
    /// What the author of an unpublished idea is told, by moderation state.
    pub review_pending: &'static str,
    pub review_rejected: fn(&str) -> String,
    pub review_hidden: fn(&str) -> String,
    pub merged_here: fn(i64) -> String,
    pub too_many: &'static str,
    pub support_try_again: &'static str,
    pub me: MeTexts,
    pub support_idea: &'static str,
    pub withdraw_support: &'static str,
    pub you_support: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,
    pub error_title: &'static str,
    pub error_text: &'static str,
    pub signin: SignInTexts,
}

/// The resident's own page.
pub struct MeTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub sign_in_first: &'static str,
    pub my_ideas: &'static str,
    pub no_ideas: &'static str,
    pub my_supports: &'static str,
    pub no_supports: &'static str,
    pub pending: &'static str,
    pub published: &'static str,
    pub rejected: &'static str,
    pub hidden: &'static str,
    pub data_heading: &'static str,
    pub data_text: &'static str,
    pub data_link: &'static str,
    pub delete_heading: &'static str,
    pub delete_text: &'static str,
    pub delete_confirm: &'static str,
    pub delete_button: &'static str,
    pub delete_unconfirmed: &'static str,
    pub deleted: &'static str,
    pub mail_heading: &'static str,
    pub mail_language: &'static str,
    pub status_mails: &'static str,
    pub mail_save: &'static str,
    pub mail_saved: &'static str,
}

/// Signing in with a code sent by e-mail.
pub struct SignInTexts {
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub email_label: &'static str,
    pub send_code: &'static str,
    pub privacy: &'static str,
    pub code_title: &'static str,
    pub code_sent_to: fn(&str) -> String,
    pub code_label: &'static str,
    pub code_hint: &'static str,
    pub confirm: &'static str,
    pub new_code: &'static str,
    /// The question on the code form when signing in started from a support button (or a link
    /// that says so): ticked, the idea is supported once the code is confirmed.
    pub support_on_sign_in: fn(&str) -> String,
    pub start_again: &'static str,
    /// Without the code: phones show subjects on the lock screen.
    pub mail_subject: &'static str,
    /// The code, the municipality, the site's address.
    pub mail_body: fn(&str, &str, &str) -> String,
    pub error_email_empty: &'static str,
    pub error_email_invalid: &'static str,
    pub error_rate_limited: &'static str,
    pub error_mail_failed: &'static str,
    pub error_paused: &'static str,
    pub error_unavailable: &'static str,
    pub error_code_malformed: &'static str,
    pub error_code_wrong: fn(i64) -> String,
    pub error_code_locked: &'static str,
    pub error_code_expired: &'static str,
    pub error_start_again: &'static str,
}

pub static DA: Texts = Texts {
    site_name: "Klimadialog",
    tagline: |m| format!("Borgernes idéer til klimaplanen i {m}"),
    skip_to_content: "Gå til indhold",
    main_navigation: "Hovedmenu",
    nav_home: "Forside",
    nav_ideas: "Alle idéer",
    other_language: "English",
    other_language_hint: "Read this site in English",
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
    see_all_ideas: |n| format!("Se alle {}", count(Locale::Da, n, "idé", "idéer")),
    no_ideas_yet: "Der er endnu ingen idéer.",
    all_ideas_title: "Alle idéer",
    ideas_count: |n| count(Locale::Da, n, "idé", "idéer"),
    supports: |n| count(Locale::Da, n, "støtte", "støtter"),
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
        delete_text: "Vi sletter din e-mailadresse, din støtte til idéer og oplysningerne om, hvornår du har logget ind. Dine idéer bliver på siden uden dit navn, så andres støtte til dem ikke går tabt.",
        delete_confirm: "Ja, slet min konto og min støtte til idéer",
        delete_button: "Slet min konto",
        delete_unconfirmed: "Sæt kryds for at bekræfte, at du vil slette din konto.",
        deleted: "Din konto er slettet.",
        mail_heading: "Mails fra Klimadialog",
        mail_language: "Sprog i mailene",
        status_mails: "Send mig en mail, når en idé, jeg har foreslået eller støtter, får ny status",
        mail_save: "Gem",
        mail_saved: "Dine valg er gemt.",
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
                count(Locale::Da, left, "forsøg", "forsøg")
            )
        },
        error_code_locked: "Koden er prøvet for mange gange og virker ikke længere. Bed om en ny kode.",
        error_code_expired: "Koden er udløbet eller allerede brugt. Bed om en ny kode.",
        error_start_again: "Skriv din e-mail først, så sender vi en kode.",
    },
};

pub static EN: Texts = Texts {
    site_name: "Klimadialog",
    tagline: |m| format!("Residents' ideas for the climate plan of {m}"),
    skip_to_content: "Skip to content",
    main_navigation: "Main menu",
    nav_home: "Home",
    nav_ideas: "All ideas",
    other_language: "Dansk",
    other_language_hint: "Læs siden på dansk",
    accessibility_statement: "Accessibility statement",
    footer_about: |m, t| {
        format!(
            "Klimadialog is {m}'s dialogue with residents about its climate plan (DK2020): {}% lower emissions by {}, climate neutral by {} at the latest, and a municipality prepared for a changing climate.",
            t.reduction_percent, t.reduction_year, t.neutral_year
        )
    },
    home_title: "Shaping the climate plan together",
    home_intro: "Propose ideas for the municipality's climate plan, support other people's ideas and follow what happens to them. Ideas can be about cutting greenhouse gas emissions or about preparing for heavy downpours, storm surges and heatwaves.",
    most_supported: "Most supported ideas",
    see_all_ideas: |n| format!("See all {}", count(Locale::En, n, "idea", "ideas")),
    no_ideas_yet: "There are no ideas yet.",
    all_ideas_title: "All ideas",
    ideas_count: |n| count(Locale::En, n, "idea", "ideas"),
    supports: |n| count(Locale::En, n, "supporter", "supporters"),
    support_words: ["supporter", "supporters"],
    kind_label: "Type",
    sector_label: "Sector",
    theme_label: "Theme",
    area_label: "Area",
    status_label: "Status",
    previous_page: "Previous page",
    next_page: "Next page",
    page_of: |p, n| format!("Page {p} of {n}"),
    pagination: "Pages",
    proposed_by: |name| format!("Proposed by {name} on"),
    resident_in: |area| format!("a resident in {area}"),
    status_history: "History",
    official_answer: "The municipality's answer",
    share_idea: "Share this idea",
    copy_link: "Copy link",
    link_copied: "Link copied",
    more_in_area: |area| format!("More ideas in {area}"),
    photo_alt: |title| format!("Photo for the idea: {title}"),
    area_map: |area| format!("Map of {area}"),
    review_pending: "Your idea is waiting to be approved. Until then, only you can see it.",
    review_rejected: |reason| {
        format!("Your idea was not approved and is not public. Reason: {reason}")
    },
    review_hidden: |reason| format!("Your idea is hidden while it is reviewed. Reason: {reason}"),
    merged_here: |from| {
        format!("Idea no. {from} has been merged into this one. Its supporters are counted here.")
    },
    too_many: "You have tried too many times in a short time. Please wait a moment and try again.",
    support_try_again: "We could not save that just now. Please try again in a moment.",
    me: MeTexts {
        nav: "My page",
        title: "Your ideas and the ideas you support",
        sign_in_first: "Sign in to see your ideas and the ideas you support.",
        my_ideas: "Your ideas",
        no_ideas: "You have not proposed any ideas yet.",
        my_supports: "Ideas you support",
        no_supports: "You do not support any ideas yet.",
        pending: "Awaiting review",
        published: "Public",
        rejected: "Not approved",
        hidden: "Hidden",
        data_heading: "Your data",
        data_text: "Download everything we keep about you: your email, your ideas, which ideas you support and when you signed in.",
        data_link: "Download your data (JSON)",
        delete_heading: "Delete your account",
        delete_text: "We delete your email address, your support for ideas and your sign-in history. Your ideas stay on the site without your name, so other people's support for them is not lost.",
        delete_confirm: "Yes, delete my account and my support for ideas",
        delete_button: "Delete my account",
        delete_unconfirmed: "Tick the box to confirm that you want to delete your account.",
        deleted: "Your account has been deleted.",
        mail_heading: "Emails from Klimadialog",
        mail_language: "Language of the emails",
        status_mails: "Email me when an idea I have proposed or support gets a new status",
        mail_save: "Save",
        mail_saved: "Your choices have been saved.",
    },
    support_idea: "Support this idea",
    withdraw_support: "Withdraw your support",
    you_support: "you support it",
    not_found_title: "Page not found",
    not_found_text: "We cannot find the page or idea you are looking for. The address may be mistyped, or the idea is not public.",
    back_home: "Go to the home page",
    error_title: "Something went wrong",
    error_text: "The page cannot be shown right now. Please try again in a moment.",
    signin: SignInTexts {
        sign_in: "Sign in",
        sign_out: "Sign out",
        title: "Sign in with your e-mail",
        intro: "We send a 6-digit code to your e-mail. You do not need a password.",
        email_label: "Your e-mail",
        send_code: "Send me a code",
        privacy: "We only use your email address to sign you in and to tell you when something happens to ideas you have proposed or support. It is never shown publicly.",
        code_title: "Enter the code",
        code_sent_to: |email| {
            format!("We have sent a code to {email}. The code is valid for 10 minutes.")
        },
        code_label: "Code (6 digits)",
        code_hint: "Can't find the email? Check your spam or junk folder.",
        confirm: "Sign in",
        new_code: "Send a new code",
        support_on_sign_in: |title| format!("Support the idea “{title}” once I am signed in"),
        start_again: "Start again",
        mail_subject: "Your Klimadialog code",
        mail_body: |code, m, site| {
            format!(
                "Hello\n\nYour Klimadialog code is:\n\n    {code}\n\nEnter it on the page where you asked for it ({site}).\nThe code is valid for 10 minutes and can only be used once.\n\nDo not share this code with anyone. {m} will never ask you for it.\n\nIf you did not ask for a code, you can simply delete this email.\n\nKind regards\n{m}\n\nThis email was sent automatically. Please do not reply.\n"
            )
        },
        error_email_empty: "Enter your e-mail.",
        error_email_invalid: "That does not look like an e-mail address. Check that it reads like name@example.dk.",
        error_rate_limited: "You have asked for many codes in a short time. Please wait a little and try again.",
        error_mail_failed: "We could not send the mail just now. Please try again in a moment.",
        error_paused: "Unusually many wrong codes have been typed on Klimadialog in the last hour, so we are not checking codes just now. This applies to everyone, not only you. Try again in 10 minutes. Your code is valid for 10 minutes, so ask for a new one if it has run out.",
        error_unavailable: "Sign-in is not available right now. Please try again in a moment.",
        error_code_malformed: "The code has 6 digits. Type it exactly as it appears in the email.",
        error_code_wrong: |left| {
            format!(
                "That code is incorrect. You have {} left.",
                count(Locale::En, left, "try", "tries")
            )
        },
        error_code_locked: "The code has been tried too many times and no longer works. Ask for a new code.",
        error_code_expired: "The code has expired or was already used. Ask for a new code.",
        error_start_again: "Enter your e-mail first, and we will send you a code.",
    },
};

pub fn texts(locale: Locale) -> &'static Texts {
    match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    }
}

impl Texts {
    /// What an idea's category is called: its sector or its theme.
    pub fn category_label(&self, kind: IdeaKind) -> &'static str {
        match kind {
            IdeaKind::Mitigation => self.sector_label,
            IdeaKind::Adaptation => self.theme_label,
        }
    }
}

pub fn kind_name(kind: IdeaKind, locale: Locale) -> &'static str {
    match (kind, locale) {
        (IdeaKind::Mitigation, Locale::Da) => "Mindre udledning",
        (IdeaKind::Mitigation, Locale::En) => "Cutting emissions",
        (IdeaKind::Adaptation, Locale::Da) => "Klimatilpasning",
        (IdeaKind::Adaptation, Locale::En) => "Climate adaptation",
    }
}

/// Names in the language's quotation marks, joined as CLDR's list patterns do:
/// »A«, »B« og »C« · “A”, “B”, and “C”.
pub fn quoted_list(locale: Locale, names: &[&str]) -> String {
    let (open, close, and) = match locale {
        Locale::Da => ("»", "«", " og "),
        Locale::En => ("“", "”", if names.len() > 2 { ", and " } else { " and " }),
    };
    let quoted: Vec<String> = names.iter().map(|n| format!("{open}{n}{close}")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{and}{last}", rest.join(", ")),
    }
}

pub fn status_name(status: PublicStatus, locale: Locale) -> &'static str {
    use PublicStatus::*;
    match (status, locale) {
        (New, Locale::Da) => "Ny",
        (New, Locale::En) => "New",
        (UnderReview, Locale::Da) => "Under behandling",
        (UnderReview, Locale::En) => "Under review",
        (InPlan, Locale::Da) => "Med i klimaplanen",
        (InPlan, Locale::En) => "In the climate plan",
        (PartlyInPlan, Locale::Da) => "Delvist med i klimaplanen",
        (PartlyInPlan, Locale::En) => "Partly in the climate plan",
        (AlreadyPlanned, Locale::Da) => "Allerede planlagt",
        (AlreadyPlanned, Locale::En) => "Already planned",
        (NotAdopted, Locale::Da) => "Ikke med i klimaplanen",
        (NotAdopted, Locale::En) => "Not in the climate plan",
        (Merged, Locale::Da) => "Lagt sammen med en anden idé",
        (Merged, Locale::En) => "Merged with another idea",
    }
}

/// `lang` for text in `content`'s language inside a page in this request's: set only where
/// they differ (WCAG 3.1.2), so screen readers switch pronunciation for that part alone.
pub fn lang_if_other(content: Locale) -> Option<&'static str> {
    (content != use_locale()).then(|| content.tag())
}

/// The language of this request, chosen on the server and provided at the root.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

pub fn use_texts() -> &'static Texts {
    texts(use_locale())
}

pub fn use_propose_texts() -> &'static ProposeTexts {
    propose_texts(use_locale())
}

pub fn use_list_texts() -> &'static ListTexts {
    list_texts(use_locale())
}

pub fn use_map_texts() -> &'static MapTexts {
    map_texts(use_locale())
}

pub fn use_stats_texts() -> &'static StatsTexts {
    stats_texts(use_locale())
}

pub fn use_staff_texts() -> &'static StaffTexts {
    staff_texts(use_locale())
}

pub fn use_report_texts() -> &'static ReportTexts {
    report_texts(use_locale())
}

pub fn use_team_texts() -> &'static TeamTexts {
    team_texts(use_locale())
}

pub fn use_answer_texts() -> &'static AnswerTexts {
    answer_texts(use_locale())
}

pub fn use_privacy_texts() -> &'static PrivacyTexts {
    privacy_texts(use_locale())
}

pub fn use_accessibility_texts() -> &'static AccessibilityTexts {
    accessibility_texts(use_locale())
}

pub fn use_areas_texts() -> &'static AreasTexts {
    areas_texts(use_locale())
}
