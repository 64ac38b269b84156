//! Every user-visible text. A language is one file (`da.rs`, `en.rs`) holding one [`Language`]:
//! every text of every feature, so a text missing in a language is a compile error and a
//! third language is one more file (see README, "Another language"). Texts with values are
//! functions. The test-only pseudo-language is made from `en.rs` when the crate is built
//! (`build.rs`). Islands get their texts as props, so none of this is shipped in the
//! WebAssembly bundle.
//!
//! Glossary: one word for one thing, in every text and every language file.
//!
//! | Concept | Dansk (borgere) | Dansk (medarbejdere) | English |
//! |---|---|---|---|
//! | idea | idé, idéer | idé | idea |
//! | author | den, der har foreslået idéen | forslagsstiller | author |
//! | support (the act) | støtte idéen | støtte | support |
//! | support count | 1 støtte, 3 støtter | støtter | 1 supporter, 3 supporters |
//! | mitigation | mindre udledning | reduktion | cutting emissions |
//! | adaptation | klimatilpasning | tilpasning | climate adaptation |
//! | sector / theme | sektor / tema | sektor / tema | sector / theme |
//! | area | område | område | area |
//! | resident | borger | borger | resident |
//! | device location | placering | — | location |
//! | map point | punkt | punkt | point |
//! | title | overskrift | overskrift | title |
//! | photo | foto | foto | photo |
//! | moderate | — | moderere, moderation | moderate, moderation |
//! | official answer | kommunens svar | kommunens svar | the municipality's answer |

mod accessibility;
mod answer;
mod area;
mod argument;
mod audit;
mod batch;
mod debate_mail;
mod digest_mail;
mod faults;
mod follow;
mod list;
mod map;
mod plan;
mod plan_mail;
mod privacy;
mod propose;
mod report;
mod staff;
mod staff_ideas;
mod staff_plan;
mod stats;
mod status_mail;
mod team;
mod unsubscribe;

mod da;
mod en;
mod pseudo {
    //! English made about 40 % longer with accented letters, generated from `en.rs` by
    //! `build.rs`: proves that every text comes from a language file and that pages take
    //! longer words. Served only where the operator enables it (the tests).
    #![allow(clippy::all)]
    include!(concat!(env!("OUT_DIR"), "/pseudo.rs"));
}

use klimadialog::time::{Date, Timestamp};
use klimadialog::{IdeaKind, Locale, PublicStatus};
use leptos::prelude::*;

pub use accessibility::AccessibilityTexts;
pub use answer::AnswerTexts;
pub use area::AreasTexts;
pub use argument::ArgumentTexts;
pub use audit::{AuditTexts, audit_action_name, audit_group_name, audit_object_name};
pub use batch::BatchTexts;
pub use debate_mail::{DebateMail, debate_mail};
pub use digest_mail::{DigestMail, DigestMailTexts, digest_mail, stop_line};
pub use faults::{FaultTexts, fault_page};
pub use follow::FollowTexts;
pub use list::ListTexts;
pub use map::MapTexts;
pub use plan::PlanTexts;
pub use plan_mail::{PlanChange, PlanMail, plan_mail};
pub use privacy::PrivacyTexts;
pub use propose::ProposeTexts;
pub use report::{ReportTexts, reason_name};
pub use staff::StaffTexts;
pub use staff_ideas::StaffIdeasTexts;
pub use staff_plan::StaffPlanTexts;
pub use stats::StatsTexts;
pub use status_mail::{StatusMail, status_mail};
pub use team::TeamTexts;
pub use unsubscribe::UnsubscribeTexts;

/// One language: every text the site shows or mails, by feature.
pub struct Language {
    pub texts: Texts,
    pub accessibility: AccessibilityTexts,
    pub answers: AnswerTexts,
    pub areas: AreasTexts,
    pub argument: ArgumentTexts,
    pub plan: PlanTexts,
    pub audit: AuditTexts,
    pub batch: BatchTexts,
    pub digest_mail: DigestMailTexts,
    pub faults: FaultTexts,
    pub follow: FollowTexts,
    pub list: ListTexts,
    pub map: MapTexts,
    pub privacy: PrivacyTexts,
    pub propose: ProposeTexts,
    pub report: ReportTexts,
    pub staff: StaffTexts,
    pub staff_ideas: StaffIdeasTexts,
    pub staff_plan: StaffPlanTexts,
    pub stats: StatsTexts,
    /// Subject and body of the mail about a status change; the status's name is given.
    pub status_mail: fn(&StatusMail<'_>, &str) -> (String, String),
    /// Subject and body of the mail to an author whose words a moderator hid; the rule's name
    /// is given.
    pub debate_mail: fn(&DebateMail<'_>, &str) -> (String, String),
    /// Subject and body of the mail to the residents behind an action; the new status's name
    /// or the milestone's title is given.
    pub plan_mail: fn(&PlanMail<'_>, &str) -> (String, String),
    pub team: TeamTexts,
    pub unsubscribe: UnsubscribeTexts,
}

pub fn language(locale: Locale) -> &'static Language {
    match locale {
        Locale::Da => &da::LANGUAGE,
        Locale::En => &en::LANGUAGE,
        Locale::Pseudo => &pseudo::LANGUAGE,
    }
}

pub struct Texts {
    /// "3. marts 2026": a date in a sentence.
    pub date: fn(Date) -> String,
    /// A week as a calendar says it: "23.–29. november", "29. december – 4. januar".
    pub day_span: fn(Date, Date) -> String,
    /// Quotation marks around a name: »…« or “…”.
    pub quotes: [&'static str; 2],
    /// What joins the last two names of a list of this many: " og ", " and " or ", and ".
    pub list_and: fn(usize) -> &'static str,
    pub kind_name: fn(IdeaKind) -> &'static str,
    pub status_name: fn(PublicStatus) -> &'static str,
    pub site_name: &'static str,
    pub tagline: fn(&str) -> String,
    pub skip_to_content: &'static str,
    pub main_navigation: &'static str,
    pub nav_home: &'static str,
    pub nav_ideas: &'static str,
    /// The hint on the link to this language from a page in another: "Read this site in
    /// English".
    pub read_in_this_language: &'static str,
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
    pub history_proposed: &'static str,
    pub history_approved: &'static str,
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
    /// How often the resident hears of what they follow: the question, a hint, each answer.
    pub frequency_legend: &'static str,
    pub frequency_hint: &'static str,
    pub frequency: fn(klimadialog::follow::Frequency) -> &'static str,
    pub replies_at_once: &'static str,
    pub mail_save: &'static str,
    pub mail_saved: &'static str,
    /// A frequency the form does not offer (a tampered form).
    pub mail_refused: &'static str,
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

pub fn texts(locale: Locale) -> &'static Texts {
    &language(locale).texts
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
    (texts(locale).kind_name)(kind)
}

pub fn status_name(status: PublicStatus, locale: Locale) -> &'static str {
    (texts(locale).status_name)(status)
}

/// "3. marts 2026", the day in Denmark.
pub fn format_date(at: Timestamp, locale: Locale) -> String {
    (texts(locale).date)(at.local_date())
}

/// The days from `first` to `last`, in Denmark.
pub fn day_span(first: Timestamp, last: Timestamp, locale: Locale) -> String {
    (texts(locale).day_span)(first.local_date(), last.local_date())
}

/// Names in the language's quotation marks, joined as CLDR's list patterns do:
/// »A«, »B« og »C« · “A”, “B”, and “C”.
pub fn quoted_list(locale: Locale, names: &[&str]) -> String {
    let t = texts(locale);
    let [open, close] = t.quotes;
    let quoted: Vec<String> = names.iter().map(|n| format!("{open}{n}{close}")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{}{last}", rest.join(", "), (t.list_and)(names.len())),
    }
}

/// `lang` for text in `content`'s language inside a page in this request's: set only where
/// they differ (WCAG 3.1.2), so screen readers switch pronunciation for that part alone.
pub fn lang_if_other(content: Locale) -> Option<&'static str> {
    (content != use_locale()).then(|| content.tag())
}

/// `lang` for a resident's text whose language is not stored with it: guessed from its words.
pub fn content_lang(text: &str) -> Option<&'static str> {
    lang_if_other(klimadialog::locale::written_in(text))
}

/// `lang` for a name written in Danish (a place, the municipality, an area) on this page:
/// set unless the page is Danish, so a screen reader says "Nørresundby" as Danes do.
pub fn danish_lang() -> Option<&'static str> {
    lang_if_other(Locale::Da)
}

/// A name kept in the database in Danish and perhaps English (a sector, a theme), in this
/// page's language where there is one, with the `lang` of the one shown where it differs.
pub fn name_in_page_language(
    name: &klimadialog::listing::Bilingual,
) -> (String, Option<&'static str>) {
    let (text, language) = name.text(use_locale());
    (text.to_owned(), lang_if_other(language))
}

/// The language of this request, chosen on the server and provided at the root.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

pub fn use_texts() -> &'static Texts {
    texts(use_locale())
}

/// Every text of this request's language: `use_language().staff` and so on.
pub fn use_language() -> &'static Language {
    language(use_locale())
}

#[cfg(test)]
mod tests {
    use super::*;
    use klimadialog::time::Date;

    #[test]
    fn the_moderation_counter_counts_by_each_languages_plural_rules() {
        let da = language(Locale::Da).staff.queue_waiting;
        let en = language(Locale::En).staff.queue_waiting;
        assert_eq!(da(1, 1), "1 idé venter på moderation.");
        assert_eq!(
            da(1250, 200),
            "1.250 idéer venter på moderation. Her er de 200 ældste."
        );
        assert_eq!(en(1, 1), "1 idea is waiting for moderation.");
        assert_eq!(
            en(1250, 200),
            "1,250 ideas are waiting for moderation. Here are the oldest 200."
        );
    }

    fn day(iso: &str) -> Timestamp {
        Date::parse_iso(iso).unwrap().start_in_denmark()
    }

    /// Text outside ⟦ ⟧ (and outside what the caller put in) that still has Latin letters: a
    /// text that did not come from the language file.
    fn left_in_code(text: &str, content: &[&str]) -> Vec<String> {
        let mut rest = text.to_owned();
        for c in content {
            rest = rest.replace(c, " ");
        }
        // Innermost first: a count inside a sentence is a text inside a text.
        while let Some(close) = rest.find('⟧') {
            let open = rest[..close].rfind('⟦').expect("⟧ without ⟦");
            rest.replace_range(open..close + '⟧'.len_utf8(), " ");
        }
        rest.split_whitespace()
            .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        // 2026-11-28 23:30 UTC is already 29 November in Denmark.
        let late = Timestamp(day("2026-11-28").0 + 24 * 3600 + 1800);
        assert_eq!(format_date(late, Locale::Da), "29. november 2026");
        assert_eq!(format_date(late, Locale::En), "29 November 2026");
        let (from, to) = (day("2026-11-23"), day("2026-11-29"));
        assert_eq!(day_span(from, to, Locale::Da), "23.–29. november");
        assert_eq!(day_span(from, to, Locale::En), "23–29 November");
        let (new_year, end) = (day("2026-12-28"), day("2027-01-03"));
        assert_eq!(
            day_span(new_year, end, Locale::Da),
            "28. december – 3. januar"
        );
        assert_eq!(
            left_in_code(&day_span(new_year, end, Locale::Pseudo), &[]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn lists_are_quoted_and_joined_as_each_language_does() {
        assert_eq!(quoted_list(Locale::Da, &["A", "B", "C"]), "»A«, »B« og »C«");
        assert_eq!(quoted_list(Locale::En, &["A", "B"]), "“A” and “B”");
        assert_eq!(
            quoted_list(Locale::En, &["A", "B", "C"]),
            "“A”, “B”, and “C”"
        );
    }

    #[test]
    fn the_pseudo_language_is_about_forty_per_cent_longer() {
        assert!(
            (35..=55).contains(&pseudo::GROWTH_PERCENT),
            "{} %",
            pseudo::GROWTH_PERCENT
        );
        let (en, pseudo) = (texts(Locale::En), texts(Locale::Pseudo));
        assert!(pseudo.home_intro.chars().count() * 10 >= en.home_intro.chars().count() * 13);
        assert_eq!((pseudo.ideas_count)(2_500), "2,500 ⟦îîðéééååš⟧");
    }

    /// Mails are not pages the browser test walks, so they are checked here: in the
    /// pseudo-language nothing of Danish or English is left around what the mail quotes.
    #[test]
    fn mails_in_the_pseudo_language_have_no_text_left_in_code() {
        let content = [
            "Cykelsti",
            "https://klima.example/ideas/7",
            "https://klima.example/me#mail",
            "Aalborg Kommune",
            "Svar",
            "Solceller",
            "https://klima.example/ideas/8",
        ];
        // A batch mail too: two ideas in one mail.
        let also = [(content[5].to_owned(), content[6].to_owned(), false)];
        for (to_author, also) in [(true, &also[..0]), (false, &also[..0]), (true, &also[..])] {
            let mail = StatusMail {
                title: content[0],
                status: PublicStatus::InPlan,
                answer_da: Some(content[4]),
                answer_en: None,
                link: content[1],
                me_link: content[2],
                municipality: content[3],
                to_author,
                also,
            };
            let (subject, body) = status_mail(&mail, Locale::Pseudo);
            assert_eq!(left_in_code(&subject, &content), Vec::<String>::new());
            assert_eq!(left_in_code(&body, &content), Vec::<String>::new());
        }
        let mail = DebateMail {
            title: content[0],
            link: content[1],
            rule: klimadialog::argument::DebateRule::Privacy,
            rules_link: content[2],
            words: content[4],
            municipality: content[3],
        };
        let (subject, body) = debate_mail(&mail, Locale::Pseudo);
        assert_eq!(left_in_code(&subject, &content), Vec::<String>::new());
        assert_eq!(left_in_code(&body, &content), Vec::<String>::new());
        let signin = &texts(Locale::Pseudo).signin;
        let body = (signin.mail_body)("123456", content[3], "https://klima.example");
        assert_eq!(
            left_in_code(&body, &["https://klima.example", content[3]]),
            Vec::<String>::new()
        );
        assert_eq!(left_in_code(signin.mail_subject, &[]), Vec::<String>::new());
    }
}
