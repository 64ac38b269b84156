//! English: every text of the site in English.

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

const L: Locale = Locale::En;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub static LANGUAGE: Language = Language {
    texts: Texts {
        date: |d| format!("{} {} {}", d.day, MONTHS[d.month as usize - 1], d.year),
        day_span: |a, b| {
            let month = |d: Date| MONTHS[d.month as usize - 1];
            if a.month == b.month {
                format!("{}–{} {}", a.day, b.day, month(b))
            } else {
                format!("{} {} – {} {}", a.day, month(a), b.day, month(b))
            }
        },
        quotes: ["“", "”"],
        list_and: |n| if n > 2 { ", and " } else { " and " },
        kind_name: |kind| match kind {
            IdeaKind::Mitigation => "Cutting emissions",
            IdeaKind::Adaptation => "Climate adaptation",
        },
        status_name: |status| match status {
            PublicStatus::New => "New",
            PublicStatus::UnderReview => "Under review",
            PublicStatus::InPlan => "In the climate plan",
            PublicStatus::PartlyInPlan => "Partly in the climate plan",
            PublicStatus::AlreadyPlanned => "Already planned",
            PublicStatus::NotAdopted => "Not in the climate plan",
            PublicStatus::Merged => "Merged with another idea",
        },
        site_name: "Klimadialog",
        tagline: |m| format!("Residents' ideas for the climate plan of {m}"),
        skip_to_content: "Skip to content",
        main_navigation: "Main menu",
        nav_home: "Home",
        nav_ideas: "All ideas",
        read_in_this_language: "Read this site in English",
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
        see_all_ideas: |n| format!("See all {}", count(L, n, "idea", "ideas")),
        no_ideas_yet: "There are no ideas yet.",
        all_ideas_title: "All ideas",
        ideas_count: |n| count(L, n, "idea", "ideas"),
        supports: |n| count(L, n, "supporter", "supporters"),
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
        history_proposed: "Proposed",
        history_approved: "Approved and made public",
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
        review_hidden: |reason| {
            format!("Your idea is hidden while it is reviewed. Reason: {reason}")
        },
        merged_here: |from| {
            format!(
                "Idea no. {from} has been merged into this one. Its supporters are counted here."
            )
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
            delete_text: "We delete your email address, your support for ideas and your sign-in history. Your ideas and your posts in the debate stay on the site without your name (they say “Former resident”), so other people's support and replies are not lost. You can also delete a single post.",
            delete_confirm: "Yes, delete my account and my support for ideas",
            delete_button: "Delete my account",
            delete_unconfirmed: "Tick the box to confirm that you want to delete your account.",
            deleted: "Your account has been deleted.",
            mail_heading: "Emails from Klimadialog",
            mail_language: "Language of the emails",
            status_mails: "Email me at once when an idea I have proposed or support gets a new status, or when an action of the climate plan it is part of moves on",
            frequency_legend: "How often do you want to hear about what you follow?",
            frequency_hint: "You follow ideas you proposed, supported or wrote about, and what you chose to follow yourself. You hear about new posts, replies, statuses and new ideas.",
            frequency: |frequency| match frequency {
                Frequency::AtOnce => "At once",
                Frequency::Daily => "Together once a day",
                Frequency::Weekly => "Together once a week",
                Frequency::Never => "Never",
            },
            replies_at_once: "Email me at once when someone replies to my post",
            mail_save: "Save",
            mail_saved: "Your choices have been saved.",
            mail_refused: "Choose how often you want to hear about what you follow: at once, once a day, once a week or never. Nothing was changed.",
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
                    count(L, left, "try", "tries")
                )
            },
            error_code_locked: "The code has been tried too many times and no longer works. Ask for a new code.",
            error_code_expired: "The code has expired or was already used. Ask for a new code.",
            error_start_again: "Enter your e-mail first, and we will send you a code.",
        },
    },
    accessibility: AccessibilityTexts {
        evidence_title: "How we test accessibility",
        official: |m| {
            format!(
                "{m} has published the accessibility statement for Klimadialog in the Danish Agency for Digital Government's WAS-Tool (in Danish)."
            )
        },
        official_link: "Read the accessibility statement",
        evidence_intro: "This page shows how we test Klimadialog and what we know does not work yet. The statement is based on it.",
        intro: |m| {
            format!(
                "{m} wants Klimadialog to be accessible to everyone, including people who use a screen reader, magnification, a keyboard or an older phone. This statement covers all of Klimadialog."
            )
        },
        status_heading: "Compliance status",
        status_text: "Klimadialog is built to meet WCAG 2.1 level AA, as Danish law on web accessibility requires. The site is partially compliant until an independent review has been completed.",
        tested_heading: "What we test on every change",
        tested: [
            "Every page the tests visit is checked automatically with axe against WCAG 2.1 levels A and AA, both with and without JavaScript.",
            "Every journey is completed in a real browser with and without JavaScript: browsing and searching ideas, proposing an idea, supporting an idea, signing in, reporting an idea and the municipality's own pages. The tests find fields by their visible labels, as a screen reader does.",
            "You can use every page with a keyboard alone, and a link at the top of each page skips the menu.",
            "Pages can be read on a screen 320 pixels wide without scrolling sideways.",
            "Pages are kept small, so they work on older phones and slow connections.",
            "Every page and email is available in Danish and English.",
        ],
        limits_heading: "Known exceptions",
        limits: [
            "No independent review with users of assistive technology, such as screen readers, has been made yet.",
            "Pictures uploaded by residents do not always have a full text description.",
            "The map shows the areas as a drawing. Every idea can also be found in the list of ideas, where you can choose an area.",
        ],
        feedback_heading: "Contact us about accessibility",
        feedback_text: |m| {
            format!(
                "If you run into an accessibility problem, please contact {m}. We will answer as soon as we can."
            )
        },
        feedback_phone: "Phone",
        feedback_email: "Email",
        feedback_website: "The municipality's website",
        complaint_heading: "Complaints",
        complaint_text: "If you are not satisfied with our answer, you can complain to the Danish Agency for Digital Government (Digitaliseringsstyrelsen), which supervises web accessibility in Denmark.",
        reviewed: |d| format!("This page was last reviewed on {d}."),
    },
    answers: AnswerTexts {
        set_status: "Set status",
        status_legend: "New status",
        answer_da: "The municipality's answer (Danish)",
        answer_da_hint: |names| {
            format!(
                "Required for the statuses {}.",
                super::quoted_list(L, names)
            )
        },
        answer_en: "Answer in English (optional)",
        save: "Save and notify",
        saved: "Status saved. The mails are on their way.",
        error_status: "Choose a new status.",
        error_answer_required: "Write the municipality's answer: a decision must be explained.",
        error_english_alone: "Also write the answer in Danish. The English answer must be a translation of the Danish one.",
        error_answer_invalid: "The answer can be at most 4,000 characters without control characters.",
        error_no_action: "First link the idea to an action of the climate plan (on the idea’s page under “The climate plan”). Then it can get the status “In the climate plan”. The status was not changed.",
        current: "Current status",
        export: "Export",
        export_intro: "The export contains the ideas matching the filter above, including those that are pending, rejected or hidden. The Excel file also has a sheet of the ideas' posts in the debate. Every export is recorded in the audit log.",
        format: "Format",
        include_contact: "Include the authors' e-mail addresses",
        include_contact_hint: "Only when needed, e.g. to contact them. Recorded in the audit log.",
        download: "Download",
        csv_comma: "CSV with commas (for programs other than Danish Excel)",
        arguments_csv: "the ideas' posts in the debate as CSV",
        arguments_json: "the ideas' posts in the debate as JSON",
        merge_heading: "Merge with another idea",
        merge_search: "Search for the idea to keep",
        merge_find: "Find ideas",
        merge_none: "No other public ideas match the search.",
        merge_this: "This idea becomes a pointer",
        merge_kept: "This idea is kept",
        merge_confirm: |title| format!("Merge, and keep “{title}”"),
        merge_hint: "This idea becomes a pointer to the other one, and its supporters count there (each resident once).",
        error_merge_target: "Choose another public idea that is not merged itself.",
        merges: "Merged ideas",
        merged_into: |a, b| format!("\"{a}\" merged into \"{b}\""),
        undone: "undone",
        undo: "Undo",
        merged_done: "The ideas have been merged.",
        note: "Internal note",
        note_hint: "For staff only: never shown publicly, but included in exports.",
        save_note: "Save note",
        note_saved: "The note has been saved.",
        error_note: "The note can be at most 4,000 characters without control characters.",
    },
    plan: PlanTexts {
        title: "The climate plan",
        intro: |m, pct, year| {
            format!(
                "Here you can see the actions in {m}'s climate plan, how far they have come, and how much is missing before emissions are {pct} % lower in {year} than in the base year. Residents' ideas are shown with the actions they have become part of."
            )
        },
        demo_notice: "The figures and actions here are examples for the demo, not a real municipality's.",
        no_baseline: "The municipality has not entered emissions figures yet.",
        gap_heading: |year| format!("The road to the target in {year}"),
        gap_base: |year| format!("Emissions in {year} (base year)"),
        gap_latest: |year| format!("Emissions in {year}"),
        gap_target: |pct, year| format!("Target for {year}: {pct} % less than the base year"),
        gap_planned: |status| match status {
            ActionStatus::Done => "Cut by completed actions",
            ActionStatus::InProgress => "Cut by actions in progress",
            ActionStatus::Planned => "Cut by planned actions",
            ActionStatus::Paused => "Cut by paused actions",
            ActionStatus::Dropped => "Cut by dropped actions",
        },
        gap_left: "Still to be found",
        what: "What",
        tonnes_heading: "Tonnes CO₂e a year",
        tonnes: |n| format!("{n} t"),
        show_numbers: "Show the numbers",
        sectors_heading: "Where the emissions are, and what residents propose",
        sectors_intro: "For each sector: the emissions in the latest year with figures, and how many ideas and supports residents have given.",
        sector: "Sector",
        emissions_in: |year| format!("Emissions {year} (t)"),
        ideas: "Ideas",
        supports: "Supports",
        mitigation_heading: "Actions that cut emissions",
        adaptation_heading: "Actions for climate adaptation",
        none: "The municipality has not entered any actions yet.",
        status_name: |status| match status {
            ActionStatus::Planned => "Planned",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Completed",
            ActionStatus::Paused => "Paused",
            ActionStatus::Dropped => "Dropped",
        },
        status_label: "Status",
        progress: |done, all| {
            format!(
                "{} of {} reached",
                format_int(L, done),
                count(L, all, "milestone", "milestones")
            )
        },
        reduction: |n| format!("About {n} t CO₂e less a year"),
        owner: "Responsible",
        period: "Period",
        idea_count: |n| count(L, n, "idea from residents", "ideas from residents"),
        timeline_heading: "Timeline",
        status_became: |status| {
            let name = match status {
                ActionStatus::Planned => "planned",
                ActionStatus::InProgress => "in progress",
                ActionStatus::Done => "completed",
                ActionStatus::Paused => "paused",
                ActionStatus::Dropped => "dropped",
            };
            format!("Status: {name}")
        },
        milestone_done: "Reached",
        milestone_due: "Expected",
        ideas_heading: "Residents' ideas behind the action",
        no_ideas: "No ideas are linked to the action yet.",
        supports_count: |n| count(L, n, "support", "supports"),
        plan_link: "The action in the climate plan",
        all_actions: "All actions in the climate plan",
        in_plan_heading: "In the climate plan",
        history_linked: "Became part of the action",
        history_action_status: |status| {
            let name = match status {
                ActionStatus::Planned => "planned",
                ActionStatus::InProgress => "in progress",
                ActionStatus::Done => "done",
                ActionStatus::Paused => "paused",
                ActionStatus::Dropped => "dropped",
            };
            format!("got the status: {name}")
        },
        history_milestone: |title| format!("reached the milestone “{title}”"),
        part_of: |code| format!("Part of action {code}:"),
        staff_intro: "Link the idea to the actions in the climate plan it has become part of. Residents see it on the idea's page and the action's page.",
        none_linked: "The idea is not linked to any action.",
        action_label: "Action",
        action_choose: "Choose an action",
        note_label: "Note for residents (optional)",
        note_hint: "At most 300 characters on one line, e.g. how the idea is part of the action.",
        link: "Link to the action",
        unlink: "Remove",
        link_done: "Saved.",
        link_error: |problem| match problem {
            klimadialog::plan::LinkProblem::Action => "Choose an action.",
            klimadialog::plan::LinkProblem::Note => {
                "The note may be at most 300 characters on one line."
            }
        },
    },
    staff_plan: StaffPlanTexts {
        title: "The climate plan's actions",
        intro: "Here you create and edit the actions of the climate plan. You can also download the whole plan as a spreadsheet, edit it and load it again: you first see what changes, and nothing is saved until you confirm.",
        count: |n| match n {
            1 => "There is 1 action".into(),
            n => format!("There are {} actions", format_int(L, n as i64)),
        },
        new_action: "Create a new action",
        edit: "Edit",
        code: "Code",
        action_title: "Title",
        export_heading: "Download the plan as a spreadsheet",
        export_hint: "The spreadsheet has the columns the import reads. Edit it and load it again below.",
        export_xlsx: "Download as Excel (XLSX)",
        export_csv: "Download as CSV",
        upload_heading: "Load actions from a spreadsheet",
        file: "Spreadsheet (XLSX or CSV)",
        file_hint: "At most 5 MB. The first row names the columns: kode, titel, beskrivelse, sektor_eller_tema, ansvarlig, status, startår, slutår, and if you have them reduktion_ton_co2e, titel_en, beskrivelse_en and link (English names such as code and title work too). An action whose code exists is updated.",
        preview_button: "See what changes",
        file_error: |error| match error {
            PlanFileError::TooLarge => "The file is too large: at most 5 MB. Nothing was changed.",
            PlanFileError::NoFile => "Choose a file.",
            PlanFileError::NotASheet => {
                "The file cannot be read as a spreadsheet. Save it as an Excel workbook (.xlsx) or CSV and try again. Nothing was changed."
            }
            PlanFileError::Unclosed => {
                "A quotation mark in the CSV file is never closed. Save the file again from your spreadsheet and try again. Nothing was changed."
            }
            PlanFileError::Empty => "The file is empty. Nothing was changed.",
            PlanFileError::TooManyRows => "The file has more than 2,000 rows. Nothing was changed.",
            PlanFileError::TooManyColumns => {
                "The file has more than 40 columns. Nothing was changed."
            }
            PlanFileError::CellTooLong => {
                "A cell has more than 5,000 characters. Nothing was changed."
            }
            PlanFileError::Unpacked => {
                "The spreadsheet is larger than a climate plan can be. Nothing was changed."
            }
            PlanFileError::Expired => "The preview is no longer kept. Load the file again.",
        },
        preview_heading: |file| format!("What {file} changes"),
        file_problem: |problem| match problem {
            FileProblem::MissingColumns(columns) => format!(
                "The first row lacks {}: {}. Nothing was changed.",
                if columns.len() == 1 {
                    "the column"
                } else {
                    "the columns"
                },
                columns
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            FileProblem::SameColumnTwice(column) => format!(
                "The column {} is in the first row twice. Nothing was changed.",
                column.as_str()
            ),
            FileProblem::NoRows => {
                "The file has no rows under the column names. Nothing was changed.".into()
            }
        },
        summary: |new, changed, same, refused| {
            format!(
                "New: {}. Changed: {}. Unchanged: {}. Cannot be saved: {}.",
                format_int(L, new as i64),
                format_int(L, changed as i64),
                format_int(L, same as i64),
                format_int(L, refused as i64)
            )
        },
        rows_caption: "The file's rows",
        row: "Row",
        outcome: "What happens",
        outcome_new: "New action",
        outcome_changed: |columns| format!("Changes: {columns}"),
        outcome_same: "Unchanged",
        outcome_same_code: |row| format!("Same code as row {row}"),
        column_name: |column| match column {
            PlanColumn::Code => "code",
            PlanColumn::TitleDa => "title",
            PlanColumn::TitleEn => "English title",
            PlanColumn::DescriptionDa => "description",
            PlanColumn::DescriptionEn => "English description",
            PlanColumn::Category => "sector or theme",
            PlanColumn::Owner => "owner",
            PlanColumn::Status => "status",
            PlanColumn::StartYear => "start year",
            PlanColumn::EndYear => "end year",
            PlanColumn::Reduction => "reduction",
            PlanColumn::Link => "link",
        },
        fix_and_upload: "Correct the rows that cannot be saved in the spreadsheet and load it again. Nothing has been saved yet.",
        nothing_changes: "The file changes nothing in the plan.",
        confirm: |n| format!("Save {}", count(L, n as i64, "action", "actions")),
        imported: |n| format!("{} saved.", count(L, n as i64, "action", "actions")),
        new_heading: "New action",
        edit_heading: |code| format!("Edit action {code}"),
        form_problems: "The action was not saved. Correct what is said below:",
        problem: |problem| match problem {
            ActionProblem::Code => {
                "Write a code of 1–12 characters starting with a letter, e.g. T3 or E1.2."
            }
            ActionProblem::Title => "Write a title of 3–160 characters on one line.",
            ActionProblem::TitleEn => {
                "The English title may have at most 160 characters on one line."
            }
            ActionProblem::Description => "Write a description of at most 4,000 characters.",
            ActionProblem::DescriptionEn => {
                "The English description may have at most 4,000 characters."
            }
            ActionProblem::Category => "Choose one of the municipality's sectors or themes.",
            ActionProblem::Owner => {
                "Write who is responsible: 2–120 characters, e.g. a department or a partner."
            }
            ActionProblem::Status => {
                "Choose a status: planned, in progress, done, paused or dropped."
            }
            ActionProblem::Years => {
                "Write the start and end years as years between 2000 and 2100. The end cannot come before the start."
            }
            ActionProblem::Reduction => {
                "Write the reduction as tonnes a year, e.g. 1250 or 1250.5."
            }
            ActionProblem::ReductionForAdaptation => {
                "An adaptation action has no reduction in tonnes. Leave the field empty."
            }
            ActionProblem::Link => {
                "The link must start with https:// and have at most 500 characters."
            }
        },
        code_hint: "The code in the climate plan, e.g. T3. It cannot be changed later.",
        code_fixed: "The code cannot be changed.",
        title_en: "Title in English",
        description: "Description",
        description_en: "Description in English",
        english_hint: "May be left out: English readers then see the Danish text.",
        category: "Sector or theme",
        category_hint: "A sector for actions that cut emissions, a theme for actions that adapt the municipality to a changed climate.",
        sectors: "Sectors (cutting emissions)",
        themes: "Themes (adaptation)",
        owner: "Responsible",
        owner_hint: "E.g. the City and Landscape Department or the utility company.",
        status: "Status",
        start_year: "Start year",
        end_year: "End year",
        reduction: "Reduction in tonnes CO₂e a year by 2030",
        reduction_hint: "Only for actions that cut emissions. May be left out if it has not been estimated.",
        link: "Link to the climate plan",
        link_hint: "May be left out. E.g. https://www.aalborg.dk/klimaplan#T3",
        save: "Save the action",
        saved: "The action is saved.",
        back: "Back to the climate plan's actions",
        public_page: "See the action's public page",
        milestones_heading: "Milestones",
        no_milestones: "The action has no milestones yet.",
        reached_on: |day| format!("Reached {day}"),
        due_on: |day| format!("Due {day}"),
        mark_reached: "Mark as reached",
        add_milestone: "Add a milestone",
        milestone_title: "Milestone",
        milestone_due: "Due date",
        milestone_due_hint: "A date as yyyy-mm-dd, e.g. 2027-03-01.",
        milestone_added: "The milestone was added.",
        milestone_reached: "The milestone is marked as reached. The residents behind the action's ideas will hear of it.",
        milestone_problem: |problem| match problem {
            MilestoneProblem::Title => "Write the milestone in 2–200 characters on one line.",
            MilestoneProblem::Due => {
                "Write the due date as a date between the years 2000 and 2100, e.g. 2027-03-01."
            }
        },
        baseline_heading: "Emissions in the base year and the latest year",
        baseline_intro: "These figures are the basis of the road to the target on the climate plan's page: tonnes of CO₂e per sector in the base year and in the latest year with figures, e.g. from the Danish Energy Agency's energy and CO2 accounts. Leave a sector empty if it has no figures.",
        baseline_demo: "The figures here are the demo's examples. When you save, they become the municipality's own, and the pages stop calling them examples.",
        base_year: "Base year",
        latest_year: "Latest year with figures",
        sector: "Sector",
        base_tonnes: "Tonnes CO₂e in the base year",
        latest_tonnes: "Tonnes CO₂e in the latest year",
        baseline_file: "Or load the figures from a CSV file",
        baseline_file_hint: "The columns sektor, udledning_basisår and udledning_seneste_år (or sector, base_year_t and latest_year_t), one row per sector. The file's figures replace those in the form. The years are taken from the fields above.",
        baseline_save: "Save the emissions",
        baseline_saved: "The emissions are saved. The climate plan's page shows them now.",
        baseline_error: |problem, about| {
            match problem {
            BaselineProblem::Years => "Write the base year and the latest year as years between 1990 and 2100. The latest year cannot come before the base year. Nothing was saved.".into(),
            BaselineProblem::Figure => format!("Write both figures for {about} as tonnes, e.g. 1250 or 1250.5, or leave both fields empty. Nothing was saved."),
            BaselineProblem::Empty => "Write the figures of at least one sector. Nothing was saved.".into(),
            BaselineProblem::Sector => format!("Row {about} of the file names a sector the municipality does not have. Nothing was saved."),
            BaselineProblem::Columns => "The file must be a CSV file with the columns sektor, udledning_basisår and udledning_seneste_år and at least one row. Nothing was saved.".into(),
        }
        },
    },
    argument: ArgumentTexts {
        heading: "Debate",
        summary: |c| {
            if c.total() == 0 {
                "No posts yet.".to_owned()
            } else {
                format!(
                    "{}: {} for, {} against, {}",
                    count(L, c.total(), "post", "posts"),
                    format_int(L, c.for_it),
                    format_int(L, c.against),
                    count(L, c.questions, "question", "questions"),
                )
            }
        },
        stance_name: |stance| match stance {
            Stance::For => "For",
            Stance::Against => "Against",
            Stance::Question => "Question",
        },
        stance_choice: |stance| match stance {
            Stance::For => "I am for the idea",
            Stance::Against => "I am against the idea",
            Stance::Question => "I have a question",
        },
        stance_legend: "What do you want to write?",
        text_label: "Your post",
        text_hint: "At most 1,500 characters and 2 links. Write about the idea, and keep a good tone.",
        send: "Post",
        reply: "Reply",
        reply_label: "Your reply",
        send_reply: "Post reply",
        sign_in: "Sign in to take part in the debate",
        signed_out_hint: "When you post, you sign in with your email. What you have written is kept meanwhile.",
        draft_waiting: "You are signed in. Your post has not been sent yet. Check it, and send it.",
        show: "Show",
        all: "All",
        order: "Sort",
        order_helpful: "Most helpful",
        order_newest: "Newest",
        helpful: |n| format!("Helpful ({})", format_int(L, n)),
        resident: "Resident",
        former: "Former resident",
        deleted: |date| format!("Deleted by the author on {date}."),
        hidden: |date, rule| format!("Hidden by a moderator on {date}: {rule}"),
        edited: "edited",
        posted: "Thank you. Your post is part of the debate.",
        edit: "Edit",
        edit_label: "Edit your post",
        save_edit: "Save the change",
        edited_done: "Your post has been edited.",
        delete: "Delete your post",
        deleted_done: "Your post has been deleted. The replies to it remain.",
        none: "No posts yet. Write the first.",
        previous: "Previous posts",
        next: "More posts",
        error: |problem| match problem {
            ArgumentProblem::Empty => "Write your post.",
            ArgumentProblem::TooLong => "The post is too long. Write at most 1,500 characters.",
            ArgumentProblem::ControlCharacters => {
                "The post contains characters we cannot use. Please write it again."
            }
            ArgumentProblem::TooManyLinks => "The post has too many links. Use at most 2.",
            ArgumentProblem::StanceMissing => {
                "Choose whether you are for or against the idea, or have a question."
            }
            ArgumentProblem::Repeated => "You have already written the same today.",
            ArgumentProblem::TooMany => {
                "You have written many posts in a short time. Please wait a little and try again."
            }
            ArgumentProblem::Closed => "The debate on this idea is closed.",
            ArgumentProblem::NoParent => "The post you are replying to no longer exists.",
            ArgumentProblem::EditTooLate => "You can only edit your post for 15 minutes.",
        },
        official: "The municipality's answer",
        closed: |date| format!("The debate was closed on {date}."),
        conclusion: "The municipality's conclusion",
        rules_title: "Debate rules",
        rules_intro: |m| {
            format!(
                "{m} wants a good and factual debate about the climate plan. You are welcome to disagree, but we speak to each other properly. Moderators from the municipality read along."
            )
        },
        rules_after: "If a post breaks one of the rules, it is hidden. In its place it says when and under which rule it was hidden, and the replies to it remain. Every hidden post is recorded, and the municipality can make a post public again.",
        rules_link: "Debate rules",
        rule_name: |rule| match rule {
            DebateRule::Respect => "Show respect",
            DebateRule::Discrimination => "No discrimination",
            DebateRule::OnTopic => "Stay on the idea",
            DebateRule::Advertising => "No advertising",
            DebateRule::Privacy => "Respect other people's privacy",
            DebateRule::Lawful => "Keep to the law",
        },
        rule_text: |rule| match rule {
            DebateRule::Respect => {
                "Write about the idea, not about the people taking part. Personal attacks, mockery and threats are hidden."
            }
            DebateRule::Discrimination => {
                "Posts that demean people because of, for example, gender, ethnic origin, religion, disability or sexuality are hidden."
            }
            DebateRule::OnTopic => {
                "The debate is about the idea and the climate plan. Posts about something else entirely are hidden."
            }
            DebateRule::Advertising => "Advertising for products, companies or parties is hidden.",
            DebateRule::Privacy => {
                "Do not write names, addresses, phone numbers or other details about other people."
            }
            DebateRule::Lawful => {
                "Unlawful content, such as defamation or other people's texts and pictures used without permission, is hidden."
            }
        },
        staff_intro: "Hide a post that breaks one of the debate rules. The replies remain, and everyone can see under which rule it was hidden.",
        hidden_mark: "Hidden",
        hide: "Hide",
        restore: "Make public again",
        rule_label: "Rule",
        rule_choose: "Choose the rule the post breaks",
        reply_as: "Reply as the municipality",
        reply_as_label: "The municipality's reply",
        close: "Close the debate",
        close_hint: "Write the municipality's conclusion. The debate can still be read, but no one can write new posts.",
        reopen: "Open the debate again",
        staff_done: "Saved.",
        staff_error: |problem| match problem {
            StaffDebateProblem::RuleMissing => "Choose the rule the post breaks.",
            StaffDebateProblem::ReplyInvalid => {
                "Write a reply of at most 1,500 characters with at most 2 links, and a department of at most 80 characters on one line."
            }
            StaffDebateProblem::ConclusionMissing => {
                "Write the municipality's conclusion (at most 1,500 characters)."
            }
            StaffDebateProblem::NotFound => "The post no longer exists.",
        },
        hidden_by_reports: |date| {
            format!(
                "Hidden on {date} because several residents reported it. A moderator is looking at it."
            )
        },
        waiting: "Waiting for approval. Only you can see your post until a moderator has approved it.",
        posted_waiting: "Thank you. A moderator reads your post before it is shown in the debate. You can see it here meanwhile.",
        rules_reports: "You can report a post you think breaks the rules. When several residents have reported the same post, it is hidden until a moderator has looked at it.",
        rules_approval: "A moderator reads every post before it is shown in the debate.",
        report: "Report",
        report_why: "Why should a moderator look at this post?",
        report_thanks: "Thank you. A moderator will look at the post.",
        report_already: "You have reported this post. A moderator will look at it.",
        report_reason_missing: "Choose why you are reporting the post.",
        report_cancel: "Cancel",
        hidden_by_reports_mark: "Hidden after reports from residents",
        waiting_mark: "Waiting for approval",
        approve: "Approve",
        keep: "Keep",
        department_label: "Department (optional)",
        department_hint: "Shown beside the municipality's name, e.g. Climate and Sustainability. At most 80 characters.",
        queue_heading: "Posts in debates",
        queue_intro: "New posts waiting for approval, and posts residents have reported. Hide a post under the rule it breaks, so its author is told.",
        queue_none: "No posts are waiting.",
        queue_under: "Under the idea:",
        queue_reports: |n| count(L, n, "report", "reports"),
        queue_more: |shown, all| {
            format!(
                "Showing the oldest {} of {}.",
                format_int(L, shown),
                format_int(L, all)
            )
        },
        queue_done: "Saved. The post has left the queue.",
    },
    areas: AreasTexts {
        title: "Areas",
        current: |n| format!("There are {} now.", count(L, n as i64, "area", "areas")),
        flagged: |n| {
            format!(
                "{} could not be placed in an area by the last import and must be placed by hand.",
                count(L, n, "idea", "ideas")
            )
        },
        upload_heading: "Load areas from a GeoJSON file",
        file: "GeoJSON file",
        file_hint: "A FeatureCollection of Polygon or MultiPolygon areas in WGS84 (longitude, latitude), at most 20 MB.",
        property: "The property with the area's name",
        property_hint: "E.g. POSTBYNAVN. Several areas with one name become one.",
        preview_button: "Show preview",
        preview_heading: |file| format!("Preview of {file}"),
        map_label: "Map of the areas in the file",
        areas_in_file: |n| format!("{} in the file:", count(L, n as i64, "area", "areas")),
        what_happens: "What happens",
        replace: "Replace",
        merge: "Merge",
        added: "New areas",
        updated: "Updated areas",
        removed: "Areas to be removed",
        retired: "Of which kept but hidden (they have ideas without a point)",
        reassigned: "Ideas moved to the area containing their point",
        flagged_ideas: "Ideas to place by hand",
        replace_button: "Replace all areas with the file's",
        merge_button: "Merge the file's areas with the current ones",
        done: "The areas are loaded.",
        error: |problem, detail| {
            match problem {
            AreasProblem::TooLarge => "The file is too large (at most 20 MB). Nothing changed.".into(),
            AreasProblem::NotGeojson => "The file is not a GeoJSON FeatureCollection. Nothing changed.".into(),
            AreasProblem::Crs => {
                "The file's coordinates are not WGS84 (longitude, latitude). Nothing changed.".into()
            }
            AreasProblem::Empty => "The file has no areas (or over 500). Nothing changed.".into(),
            AreasProblem::NotPolygon => format!(
                "Feature {detail} is not a Polygon or MultiPolygon with closed rings. Nothing changed."
            ),
            AreasProblem::Outside => format!("Feature {detail} has coordinates outside WGS84. Nothing changed."),
            AreasProblem::NoName => format!("Feature {detail} lacks the chosen name property. Nothing changed."),
            AreasProblem::SelfIntersecting => format!("The area {detail} crosses itself. Nothing changed."),
            AreasProblem::SameSlug => format!("The names {detail} make the same address. Nothing changed."),
            AreasProblem::TooManyPoints => "The file has over 200,000 points. Simplify the boundaries (e.g. in QGIS) and try again. Nothing changed.".into(),
            AreasProblem::NoFile => "Choose a file.".into(),
            AreasProblem::NoProperty => "Write the name of the property with the area's name.".into(),
        }
        },
    },
    audit: AuditTexts {
        action: |x| match x {
            AuditAction::IdeaCorrect => "Idea corrected",
            AuditAction::IdeaMerge => "Ideas merged",
            AuditAction::IdeaUnmerge => "Merge undone",
            AuditAction::IdeaNote => "Internal note saved",
            AuditAction::IdeaLinkAction => "Idea linked to an action",
            AuditAction::IdeaUnlinkAction => "Idea unlinked from an action",
            AuditAction::PlanActionCreate => "Action created",
            AuditAction::PlanActionUpdate => "Action changed",
            AuditAction::PlanBaseline => "Emissions figures changed",
            AuditAction::PlanMilestoneAdd => "Milestone added",
            AuditAction::PlanMilestoneReach => "Milestone reached",
            AuditAction::IdeaStatus => "Status changed",
            AuditAction::ModerationApprove => "Approved",
            AuditAction::ModerationReject => "Rejected",
            AuditAction::ModerationHide => "Hidden",
            AuditAction::ModerationRestore => "Made public again",
            AuditAction::ModerationKeep => "Kept despite reports",
            AuditAction::ModerationAutoHide => "Hidden after reports",
            AuditAction::StaffAdd => "Staff member added",
            AuditAction::StaffRole => "Role changed",
            AuditAction::StaffDisable => "Account disabled",
            AuditAction::StaffEnable => "Account enabled again",
            AuditAction::StaffPassword => "Password set",
            AuditAction::StaffLocked => "Account locked after wrong passwords",
            AuditAction::StaffLogin => "Signed in",
            AuditAction::StaffLogout => "Signed out",
            AuditAction::AreasReplace => "Areas replaced",
            AuditAction::AreasMerge => "Areas added and updated",
            AuditAction::ExportAuditCsv => "Audit log exported",
            AuditAction::ExportIdeasCsv => "Ideas exported (CSV)",
            AuditAction::ExportIdeasXlsx => "Ideas exported (Excel)",
            AuditAction::ExportIdeasGeoJson => "Ideas exported (GeoJSON)",
            AuditAction::ExportIdeasJson => "Ideas exported (JSON)",
            AuditAction::ExportArgumentsCsv => "Posts exported (CSV)",
            AuditAction::ExportArgumentsJson => "Posts exported (JSON)",
            AuditAction::ExportActionsCsv => "The plan's actions downloaded as CSV",
            AuditAction::ExportActionsXlsx => "The plan's actions downloaded as Excel",
            AuditAction::DebateHide => "Post hidden",
            AuditAction::DebateRestore => "Post made public again",
            AuditAction::DebateReply => "Reply as the municipality",
            AuditAction::DebateClose => "Debate closed",
            AuditAction::DebateApprove => "Post approved",
            AuditAction::DebateKeep => "Reported post kept",
            AuditAction::DebateAutoHide => "Post hidden after reports",
            AuditAction::DebateReopen => "Debate reopened",
        },
        group: |x| match x {
            AuditGroup::Moderation => "Moderation",
            AuditGroup::Idea => "Changes to ideas",
            AuditGroup::Staff => "Staff",
            AuditGroup::Areas => "Areas",
            AuditGroup::Export => "Exports",
            AuditGroup::Debate => "Debate",
            AuditGroup::Plan => "Climate plan",
        },
        object: |x| match x {
            AuditObject::Idea => "Idea",
            AuditObject::StaffUser => "Staff member",
            AuditObject::Area => "Areas",
            AuditObject::Export => "Export",
            AuditObject::Action => "Action",
            AuditObject::Settings => "Settings",
        },
    },
    digest_mail: DigestMailTexts {
        subject: |frequency, m| match frequency {
            Frequency::Daily => format!("Today's news about what you follow – {m}"),
            Frequency::Weekly => format!("This week's news about what you follow – {m}"),
            _ => format!("News about what you follow – {m}"),
        },
        intro: |frequency| match frequency {
            Frequency::Daily => {
                "Here is what happened since yesterday to what you follow in the municipality's climate dialogue:"
            }
            Frequency::Weekly => {
                "Here is what happened this past week to what you follow in the municipality's climate dialogue:"
            }
            _ => "Something happened to what you follow in the municipality's climate dialogue:",
        },
        new_idea: |area| format!("New idea in {area}"),
        status: |name| format!("New status: {name}"),
        answer: "The municipality's answer:",
        arguments: |[pro, con, question]| {
            let parts: Vec<String> = [
                (pro, "new argument for", "new arguments for"),
                (con, "new argument against", "new arguments against"),
                (question, "new question", "new questions"),
            ]
            .into_iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|(n, one, other)| count(L, i64::from(n), one, other))
            .collect();
            join_and(&parts, " and ")
        },
        replies: |n| {
            format!(
                "{} in the debate",
                count(L, i64::from(n), "new reply", "new replies")
            )
        },
        replies_to_me: |n| {
            format!(
                "{} to your post",
                count(L, i64::from(n), "new reply", "new replies")
            )
        },
        by_municipality: |n| {
            format!(
                "The municipality wrote {} in the debate",
                count(L, i64::from(n), "post", "posts")
            )
        },
        action_status: |name| format!("The action has a new status: {name}"),
        milestone: |title| format!("The action reached the milestone “{title}”"),
        more: |n| {
            format!(
                "… and {} more. See everything on your page",
                count(L, n as i64, "idea or action", "ideas or actions")
            )
        },
        footer: |me, stop, m| {
            format!(
                "You get this mail because you follow what is above: you proposed, supported or wrote about the ideas, or you chose to follow them.\n\nChange how often you get mails, or what you follow: {me}\nStop all mails about what you follow in one click: {stop}\n\nKind regards\n{m}\n\nThis mail was sent automatically. You cannot reply to it.\n"
            )
        },
        stop_line: |link| format!("Stop all mails about what you follow in one click: {link}\n"),
    },
    follow: FollowTexts {
        heading: "Follow the idea",
        state: |follow| match follow {
            IdeaFollow::Proposed => {
                "You follow the idea because you proposed it. You hear when something happens to it."
            }
            IdeaFollow::Supported => {
                "You follow the idea because you support it. You hear when something happens to it."
            }
            IdeaFollow::Argued => {
                "You follow the idea because you wrote in its debate. You hear when something happens to it."
            }
            IdeaFollow::Chosen => "You follow the idea. You hear when something happens to it.",
            IdeaFollow::Stopped => {
                "You do not follow the idea and hear nothing of it, even if you support it."
            }
            IdeaFollow::None => {
                "Follow the idea to hear when it gets a new status, when someone writes in its debate and when it becomes part of the climate plan."
            }
        },
        start: "Follow the idea",
        stop: "Stop following",
        action_state: |following| {
            if following {
                "You follow the action and hear when it gets a new status or reaches a milestone."
            } else {
                "Follow the action to hear when it gets a new status or reaches a milestone."
            }
        },
        action_start: "Follow the action",
        action_stop: "Stop following the action",
        topics_heading: "What you follow",
        topics_hint: "You also follow the ideas you proposed, supported or wrote about. You can stop following them on each idea's page.",
        topics_none: "You have not chosen to follow anything yet.",
        topic_stop: |name| format!("Stop following {name}"),
        stop_short: "Stop",
        follow_area: "Follow an area and hear about new ideas there",
        follow_category: "Follow a sector or a theme and hear about new ideas in it",
        sectors: "Sectors",
        themes: "Climate adaptation",
        follow_short: "Follow",
    },
    faults: FaultTexts {
        title: "Please try again in a moment",
        body: "We could not save what you sent just now. The fault is ours, not yours. \
               Go back with your browser's back button, where what you wrote is still filled in, and send it again in a moment.",
        back: "Back to the page",
    },
    list: ListTexts {
        filters: "Find ideas",
        search: "Search",
        search_hint: "E.g. cycle path or Nørresundby",
        area: "Area",
        all_areas: "All areas",
        sector: "Sector",
        all_sectors: "All sectors",
        theme: "Theme",
        all_themes: "All themes",
        kind: "Type",
        all_kinds: "Both types",
        status: "Status",
        all_statuses: "All",
        sort: "Sort by",
        show: "Show ideas",
        clear: "Clear filters",
        no_match: "No ideas match your filters.",
        results: "The ideas",
        description: "All residents' ideas for the climate plan: search, filter by area, sector, theme and status, and see which have the most support.",
        sort_top: "Most supported",
        sort_trending: "Popular right now",
        sort_new: "Newest",
        sort_random: "Random order",
    },
    map: MapTexts {
        nav: "Map",
        title: "The ideas on the map",
        intro: "Where in the municipality do the ideas come from, and where are they supported? Tap an area to see its ideas. The table below the map shows the same.",
        shade_by: "Shade the areas by",
        by_ideas: "number of ideas",
        by_supports: "number of supporters",
        map_title: |what| format!("Map of the municipality's areas, shaded by {what}"),
        legend: "Legend",
        none: "None",
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
                count(L, ideas, "idea", "ideas"),
                count(L, supports, "supporter", "supporters")
            )
        },
        table_caption: "Ideas and supporters per area",
        area: "Area",
        ideas: "Ideas",
        supports: "Supporters",
        points_note: "Each dot is an idea that was placed at a specific spot on the map, rounded to about 100 metres unless the exact spot matters for the idea.",
        areas_credit: "The areas are the municipality's postal districts. Boundaries: Geodatastyrelsen and Danske Kommuner, DAGI.",
    },
    privacy: PrivacyTexts {
        nav: "How we handle your data",
        title: "How we handle your personal data",
        intro: |m| {
            format!(
                "{m} is the data controller for the information you give in Klimadialog. Here you can read what we keep, why, who can see it and how long we keep it."
            )
        },
        contact_heading: "Contact",
        dpo_email: |m, email| {
            format!(
                "If you have questions, write to the data protection officer of {m} at {email}."
            )
        },
        dpo_website: |m| {
            format!(
                "If you have questions, contact the data protection officer of {m}. You will find the contact details on the municipality's website."
            )
        },
        purposes_heading: "What we use the information for",
        purposes: [
            "to sign you in with a code we send to your email address",
            "to show the ideas you propose and count which ideas you support",
            "to write to you about what you follow: the ideas you have proposed, support or written about, and the areas, topics and actions of the climate plan you chose yourself – as often as you chose",
            "so that the municipality's staff can read, sort and answer the ideas in their work on the climate plan",
            "to protect the site from misuse, such as many attempts from one place in a short time",
        ],
        basis_heading: "Why we may process the information",
        basis: "We process the information to carry out a task in the public interest: involving residents in the municipality's climate plan (Article 6(1)(e) of the General Data Protection Regulation).",
        data_heading: "What we keep",
        data: [
            "your email address",
            "a name, if you choose to show one",
            "the ideas you write, with a photo and a point on the map if you add them. The photo is stored without the information your phone puts in it (such as where it was taken)",
            "which ideas you support, which ideas and posts you have reported, and your posts in the debate on the ideas, including which posts you found helpful, what you chose to follow, and how often you want emails",
            "when you signed in",
            "your internet address, only encrypted and only in the server's memory, to limit misuse. It is not stored",
        ],
        who_heading: "Who can see the information",
        who: [
            "Everyone can see the approved ideas and the name you chose to show. Without a name, they say “Resident in” and your area. Your email address is never shown publicly.",
            "The municipality's staff who work with Klimadialog can see all ideas, posts and reports, but not who reported an idea or a post. If a moderator hides your post, you get a mail saying which debate rule it breaks.",
            "Only administrators can download a file with the authors' email addresses, for example to contact you about your idea. Every time that happens, it is written in the municipality's audit log.",
        ],
        kept_heading: "How long we keep the information",
        kept: [
            (
                "Sign-in codes, with the email address they were sent to",
                retention::SIGN_IN_CODE_SECONDS,
            ),
            (
                "That you are signed in (on your device)",
                retention::RESIDENT_SESSION_SECONDS,
            ),
            (
                "An idea or a post you are writing, from your last change",
                retention::DRAFT_SECONDS,
            ),
            (
                "The photo of an idea that was rejected or hidden",
                retention::HIDDEN_PHOTO_SECONDS,
            ),
            (
                "Emails we sent about what you follow, and what each one told of",
                retention::STATUS_MAIL_SECONDS,
            ),
            (
                "That a staff member is signed in",
                retention::STAFF_SESSION_SECONDS,
            ),
            ("Photos no idea uses", retention::UNUSED_PHOTO_SECONDS),
        ],
        kept_until_deleted: "We keep your ideas, posts, your support and your reports for as long as Klimadialog is used in the work on the climate plan, or until you delete your account.",
        rights_heading: "Your rights",
        rights: "You have the right to see the information we hold about you and to have it corrected or deleted. You can also object to the processing or ask us to restrict it.",
        rights_me: "On My page you can download all your information and delete your account. When you delete it, we delete your email address and your support. Your ideas and your posts in the debate stay on the site without your name (they say “Former resident”), so other people's support and replies are not lost. You can also delete a single post.",
        complaint_heading: "Complaints",
        complaint: "You can complain about how your information is handled to the Danish Data Protection Agency (Datatilsynet), www.datatilsynet.dk.",
        days: |n| count(L, n, "day", "days"),
        hours: |n| count(L, n, "hour", "hours"),
    },
    propose: ProposeTexts {
        locale: L,
        nav: "Propose an idea",
        title: "Propose an idea for the climate plan",
        intro: "It takes a few minutes. You sign in with your email at the end. We keep what you write in the meantime.",
        errors_heading: "Please correct the following:",
        kind_legend: "What does the idea do?",
        kind_mitigation: "Cuts greenhouse gas emissions",
        kind_adaptation: "Helps us cope with a changing climate (climate adaptation)",
        sector_label: "Sector (if the idea cuts emissions)",
        theme_label: "Theme (if the idea is about climate adaptation)",
        choose: "Choose …",
        place_legend: "Where does the idea belong?",
        area_label: "Area",
        use_location: "Use my location",
        point_published: "If you set a point (with “Use my location” or on the map), it is shown publicly rounded to about 100 metres, so nobody can see exactly where you were.",
        exact_point: "The exact spot matters for the idea. Show the point exactly.",
        locating: "Finding your location …",
        location_in: |area| format!("Your location is in {area}. We use it instead of the list."),
        location_failed: "We could not get your location. Choose an area from the list.",
        remove_location: "Use the list instead",
        map_label: "Map of the municipality. Tap the map to set a point, or use the list.",
        point_in: |area| format!("The point is in {area}. We use it instead of the list."),
        title_label: "Title",
        title_hint: "Short and concrete, 5–120 characters.",
        description_label: "Description",
        description_hint: "20–4,000 characters. What is the problem, and what do you propose?",
        chars_used: |n, max| format!("{n} of at most {max} characters"),
        photo_label: "Photo (optional)",
        photo_hint: "JPEG, PNG or WebP, at most 10 MB. We remove the location and other data from the picture.",
        photo_current: "Your photo",
        remove_photo: "Remove the photo",
        continue_button: "Continue",
        review_title: "Check your idea before you send it",
        review_intro: "This is how your idea will look.",
        area_from_point: |area| format!("The area is based on the point you chose: {area}."),
        similar_heading: "Does the idea exist already?",
        similar_intro: "Others have proposed something similar. If one of them covers your idea, support that one instead, so support is pooled in one place.",
        no_similar: "We found no similar ideas.",
        support_instead: "Support this instead",
        edit: "Edit the idea",
        submit: "Send the idea",
        sign_in_to_submit: "Sign in to send the idea",
        draft_kept: "Your idea is saved as a draft. Sign in to send it.",
        no_draft: "You have no idea in progress.",
        start: "Propose an idea",
        pre_moderation: "A member of the municipality's staff reads the idea before it is published. You can follow it on My page.",
        post_moderation: "Your idea will be published straight away.",
        kind_missing: "Choose whether the idea cuts emissions or is about climate adaptation.",
        sector_missing: "Choose a sector.",
        theme_missing: "Choose a theme.",
        place_missing: "Choose an area from the list.",
        point_invalid: "The location could not be read. Choose an area from the list.",
        point_outside: |m| format!("The point is outside {m}. Choose an area from the list."),
        text_empty: "Write something here.",
        text_too_short: |min| format!("Write at least {min} characters."),
        text_too_long: |max| format!("Write at most {max} characters."),
        text_control: "The text contains characters that cannot be stored. Type it again instead of pasting it.",
        photo_too_large: "The photo is larger than 10 MB. Choose a smaller photo.",
        photo_not_a_picture: "The file is not a JPEG, PNG or WebP picture.",
        photo_too_many_pixels: "The picture has too many pixels. Choose a smaller picture.",
        photo_busy: "We are receiving many photos right now. Choose the photo again in a moment. The rest of what you wrote is saved.",
        photo_failed: "The photo could not be saved. Try again, or send the idea without a photo.",
        too_many: "You have sent many ideas in a short time. Wait a little, then try again.",
    },
    report: ReportTexts {
        reason_name: |reason| match reason {
            ReportReason::Spam => "Spam or advertising",
            ReportReason::Offensive => "Abusive or offensive",
            ReportReason::OffTopic => "Not about the climate plan",
            ReportReason::Duplicate => "Already exists as another idea",
            ReportReason::Other => "Something else",
        },
        open: "Report this idea",
        why: "Why should a moderator look at this idea?",
        comment: "Comment (optional)",
        comment_hint: "At most 1,000 characters. Moderators do not see who reported.",
        send: "Send report",
        sign_in_first: "Sign in to report an idea.",
        thanks: "Thank you. A moderator will look at the idea.",
        already: "You have reported this idea. A moderator will look at it.",
        reason_missing: "Choose why you are reporting the idea.",
        comment_too_long: "The comment can be at most 1,000 characters.",
        comment_bad: "The comment contains characters that cannot be stored.",
        too_many: "You have sent many reports in a short time. Try again later.",
        hidden_by_reports: "Your idea is hidden because several residents reported it. A moderator will look at it soon.",
    },
    staff: StaffTexts {
        login_title: "Staff sign-in",
        username: "Username",
        password: "Password",
        log_in: "Sign in",
        log_out: "Sign out",
        bad_credentials: "The username or password is wrong. After five wrong attempts in a row the account is locked for a while, even for the right password.",
        too_many: "Too many attempts from this connection. Wait a little, then try again.",
        dashboard_title: "Overview",
        menu: "Staff menu",
        signed_in_as: |name, role| format!("Signed in as {name} ({role})."),
        waiting: "Ideas waiting for moderation",
        hidden: "Hidden ideas",
        per_status: "Public ideas by status",
        forbidden_title: "No access",
        forbidden_text: "Your role does not give access to this page.",
        role_moderator: "moderator",
        role_admin: "administrator",
        moderation_title: "Moderation",
        queue_empty: "No ideas are waiting.",
        queue_keys: "With the keyboard: reach an idea with Tab. J or down arrow goes to the next, K or up arrow to the previous. A approves the idea. R goes to the reason, where Ctrl+Enter rejects the idea (or hides it if it is public), and Escape goes back to the idea.",
        queue_waiting: |waiting, shown| {
            let verb = if waiting == 1 { "is" } else { "are" };
            let line = format!(
                "{} {verb} waiting for moderation.",
                count(L, waiting, "idea", "ideas")
            );
            if waiting > shown {
                format!("{line} Here are the oldest {}.", format_int(L, shown))
            } else {
                line
            }
        },
        reports: |n| count(L, n, "report", "reports"),
        reason_label: "Reason (the author sees it if the idea is rejected or hidden)",
        approve: "Approve",
        reject: "Reject",
        hide: "Hide",
        done: "Saved.",
        reason_missing: "Write a reason when rejecting or hiding an idea.",
        not_now: "The idea has been dealt with already.",
        withheld: "Hidden and rejected ideas",
        restore: "Restore",
        keep: "Keep (close the reports)",
        open_reports: "Open reports",
        hidden_by_reports: "Hidden automatically after reports",
        correct: "Correct the idea",
        title_label: "Title",
        category_label: "Sector or adaptation theme",
        sectors: "Mitigation: sectors",
        themes: "Climate adaptation: themes",
        area_label: "Area",
        save_correction: "Save the correction",
        original_title: |t| format!("The author's title: {t}"),
        title_invalid: "The title must be 5–120 characters on one line.",
        reported: "Ideas with open reports",
        arguments_waiting: "Posts in debates waiting for a moderator",
        mails_waiting: "Mails to residents waiting to be sent",
        mails_retrying: "Mails being tried again because the mail server refused them",
        mails_given_up: "Mails given up after a day of attempts",
        mails_sent_today: "Mails sent today",
        mail_not_sent: "The site sends no mail: there is no mail server (SMTP_URL), so mails with codes and answers are only saved as files on the server. This is for trying out only. Ask IT to set SMTP_URL.",
        recent: "Recent actions",
        system: "The system",
    },
    batch: BatchTexts {
        legend: "Do the same to several ideas",
        pick: |title| format!("Select “{title}”"),
        pick_column: "Select",
        pick_all: "Tick every idea on the page",
        picked: |n| format!("You have ticked {}.", count(L, n, "idea", "ideas")),
        scope_ticked: "The ideas you have ticked",
        scope_all: |n| format!("All {} that match the filter", count(L, n, "idea", "ideas")),
        action: "Action",
        action_name: |kind| match kind {
            BatchKind::Status => "Set a status and send the municipality's answer",
            BatchKind::Category => "Change sector or theme",
            BatchKind::Area => "Change area",
            BatchKind::Approve => "Approve",
            BatchKind::Reject => "Reject",
            BatchKind::Hide => "Hide",
        },
        status: "New status",
        category: "New sector or theme",
        area: "New area",
        reason: "Reason for rejecting or hiding",
        reason_hint: "The author can read the reason.",
        fields_hint: "Fill in only the fields of the action you choose. Every idea changes at once, or none does. Each author and supporter gets one email about all of their ideas.",
        run: "Carry out",
        export_hint: "Or download the ideas you have ticked. With none ticked, you get all that match the filter.",
        export_csv: "Download as CSV",
        export_xlsx: "Download as Excel (XLSX)",
        done: |n| format!("{} changed.", count(L, n, "idea", "ideas")),
        mails_follow: "The emails are being sent now.",
        error: |error| match error {
            BatchError::NothingChosen => {
                "Tick at least one idea, or choose all that match the filter."
            }
            BatchError::TooMany => "At most 10,000 ideas at a time. Narrow the filter.",
            BatchError::NoAction => "Choose an action.",
            BatchError::Status => "Choose a new status.",
            BatchError::AnswerRequired => {
                "Write the municipality's answer: a decision must be explained."
            }
            BatchError::EnglishAlone => {
                "Write the answer in Danish too. The English answer must translate the Danish one."
            }
            BatchError::AnswerInvalid => {
                "The answer may be at most 4,000 characters, without control characters."
            }
            BatchError::Category => "Choose a sector or a theme.",
            BatchError::Area => "Choose an area.",
            BatchError::ReasonRequired => "Write a reason. The author can read it.",
            BatchError::CountChanged => {
                "The number of ideas that match the filter has changed. Look at the table again and try again."
            }
        },
        count_changed: |now, confirmed| {
            format!(
                "Nothing was changed: the filter now matches {}, not {}. Look at the table again and try again.",
                count(L, now, "idea", "ideas"),
                format_int(L, confirmed)
            )
        },
        refused_intro: "Nothing was changed, because of these ideas:",
        refusal: |refusal| match refusal {
            BatchRefusal::Missing => "no longer exists",
            BatchRefusal::Changed => "was changed by someone else after you loaded the page",
            BatchRefusal::NotPublic => "is not public, so it cannot get a status",
            BatchRefusal::NoAction => "is not linked to an action of the climate plan yet",
            BatchRefusal::NotNow => "the action does not fit the idea's moderation state",
        },
        idea_number: |id| format!("Idea no. {id}"),
        more: |n| format!("and {} more", count(L, n, "idea", "ideas")),
    },
    staff_ideas: StaffIdeasTexts {
        title: "Ideas",
        intro: "Every idea, including those awaiting approval, rejected or hidden. Select a heading to sort, and a title to set a status, write a note or merge ideas.",
        filters: "Filter the ideas",
        search: "Search titles and descriptions",
        any: "All",
        moderation: "Moderation",
        moderation_name: |state| match state {
            ModerationState::Pending => "Awaiting",
            ModerationState::Published => "Public",
            ModerationState::Rejected => "Rejected",
            ModerationState::Hidden => "Hidden",
        },
        from: "Created on or after",
        to: "Created on or before",
        with_photo: "Only ideas with a photo",
        with_open_reports: "Only ideas with open reports",
        without_point: "Only ideas without a place on the map",
        min_supports: "At least this many supports",
        show: "Show",
        reset: "Clear the filters",
        showing: |first, last, total| {
            format!(
                "Showing {}–{} of {}",
                format_int(L, first),
                format_int(L, last),
                count(L, total, "idea", "ideas")
            )
        },
        none: "No ideas match the filter.",
        caption: "Ideas that match the filter",
        column_name: |column| match column {
            Column::Title => "Title",
            Column::Kind => "Type",
            Column::Category => "Sector or theme",
            Column::Area => "Area",
            Column::Status => "Status",
            Column::Moderation => "Moderation",
            Column::Supports => "Supports",
            Column::Reports => "Open reports",
            Column::Created => "Created",
        },
        order_by: |name| format!("Sort by {}", name.to_lowercase()),
        photo: "photo",
        no_point: "no place",
        page_of: |at, of| format!("Page {at} of {of}"),
        pages: "Pages",
        previous: "Previous page",
        next: "Next page",
        back_to_table: "Back to all ideas",
        not_found: "There is no such idea.",
        not_public: "The idea is not public. You can set its status once it is approved.",
        to_moderation: "Go to moderation",
        open_reports: |n| count(L, n, "open report", "open reports"),
        public_page: "See the idea's public page",
    },
    stats: StatsTexts {
        nav: "Statistics",
        title: "Ideas in numbers",
        intro: "Public ideas and their supporters by sector, theme, area and week.",
        by_sector: "By sector (cutting emissions)",
        by_theme: "By theme (climate adaptation)",
        by_area: "By area",
        by_week: "By week, the last six months",
        week_of: |monday, _| format!("Week of {}", format_date(monday, L)),
        ideas: "Ideas",
        supports: "Supporters",
        sector: "Sector",
        theme: "Theme",
        area: "Area",
        week: "Week",
        show_numbers: "See the numbers as a table",
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
        let subject = format!("Your post in the debate was hidden – {m}");
        let quoted: String = words.lines().map(|line| format!("> {line}\n")).collect();
        let body = format!(
            "Hello\n\nA moderator has hidden your post in the debate on the idea “{title}” because it breaks the debate rule “{rule}”.\n\nYou wrote:\n{quoted}\nIn its place it now says when and under which rule it was hidden. The replies to it remain.\n\nYou can read the debate rules here: {rules_link}\nYou are welcome to write a new post within the rules: {link}\n\nIf you think this is a mistake, you can write to the municipality.\n\nKind regards\n{m}\n\nThis mail was sent automatically. You cannot reply to it.\n"
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
        let subject = format!("News about action {code} in the climate plan – {m}");
        let news = match change {
            PlanChange::Status(_) => {
                format!(
                    "The action “{code} {title}” in {m}’s climate plan has a new status: {what}."
                )
            }
            PlanChange::Milestone(_) => {
                format!(
                    "The action “{code} {title}” in {m}’s climate plan has reached a milestone: “{what}”."
                )
            }
        };
        let listed: String = ideas
            .iter()
            .map(|(t, l)| format!("- “{t}”: {l}\n"))
            .collect();
        let yours = match ideas.len() {
            0 => String::new(),
            1 => format!(
                "This idea, which you proposed or support, is part of the action:\n{listed}\n"
            ),
            _ => format!(
                "These ideas, which you proposed or support, are part of the action:\n{listed}\n"
            ),
        };
        let body = format!(
            "Hello\n\n{news}\n\n{yours}See the action, its milestones and the ideas behind it: {link}\n\nYou get this mail because you proposed or support an idea that is part of the action. You can turn off mails about your ideas here: {me_link}\n\nKind regards\n{m}\n\nThis mail was sent automatically. You cannot reply to it.\n"
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
                        "your idea"
                    } else {
                        "you support it"
                    };
                    format!("- “{t}” ({whose}): {l}\n")
                })
                .collect();
            let answer = match (mail.answer_en, mail.answer_da) {
                (Some(a), _) => format!("\nThe municipality's answer:\n{a}\n"),
                (None, Some(a)) => format!("\nThe municipality's answer (in Danish):\n{a}\n"),
                (None, None) => String::new(),
            };
            let subject = format!("New status for {} – {m}", count(L, n, "idea", "ideas"));
            let body = format!(
                "Hello\n\n{} you proposed or support now have the status “{name}”:\n\n{ideas}{answer}\nYou are receiving this email because you proposed or support these ideas on Klimadialog.\nTo stop emails about the ideas' status, switch them off on My page: {me_link}\n\nKind regards\n{m}\n\nThis email was sent automatically. Please do not reply.\n",
                count(L, n, "idea", "ideas")
            );
            return (subject, body);
        }
        let subject = format!("New status for “{title}” – {m}");
        let opening = if to_author {
            format!("Your idea “{title}” now has the status “{name}”.")
        } else {
            format!("The idea “{title}”, which you support, now has the status “{name}”.")
        };
        let answer = match (mail.answer_en, mail.answer_da) {
            (Some(a), _) => format!("\n\nThe municipality's answer:\n{a}"),
            (None, Some(a)) => format!("\n\nThe municipality's answer (in Danish):\n{a}"),
            (None, None) => String::new(),
        };
        let why = if to_author {
            "You are receiving this email because you proposed the idea on Klimadialog."
        } else {
            "You are receiving this email because you support the idea on Klimadialog."
        };
        let body = format!(
            "Hello\n\n{opening}{answer}\n\nRead the idea and its full history: {link}\n\n{why}\nTo stop emails about the ideas' status, switch them off on My page: {me_link}\n\nKind regards\n{m}\n\nThis email was sent automatically. Please do not reply.\n"
        );
        (subject, body)
    },
    unsubscribe: UnsubscribeTexts {
        title: "Stop mails about what you follow",
        intro: |m| {
            format!(
                "You get mails from the {m} climate dialogue about ideas you proposed, supported, wrote about or chose to follow, and about what you follow in the climate plan. The button below stops them all."
            )
        },
        button: "Stop all mails about what you follow",
        fewer: "Would you rather get fewer mails? You can choose one summary a week instead.",
        settings_link: "Your mail settings",
        stopped_title: "You will get no more mails about what you follow",
        stopped: "We stopped mails about new replies, statuses and posts. Mails you ask for yourself, such as sign-in codes, still come.",
        undo: "Changed your mind? You can turn mails on again on your page.",
        unknown_title: "This link does not work",
        unknown: "This link no longer works, for example because the account was deleted. Sign in to see and change your mail settings.",
    },
    team: TeamTexts {
        team_title: "Staff",
        add_heading: "Add a staff member",
        username_hint: "2–60 characters: lowercase letters a-z, digits, dot, hyphen or underscore.",
        role: "Role",
        first_password: "First password",
        password_hint: "At least 12 characters. Share it through a secure channel.",
        password_again: "Repeat the password",
        add: "Add",
        status: "Status",
        active: "Active",
        disabled: "Disabled",
        locked: "Locked after wrong attempts",
        you: "(you)",
        make_admin: "Make administrator",
        make_moderator: "Make moderator",
        disable: "Disable",
        enable: "Enable",
        new_password: "New password",
        set_password: "Set password",
        actions_heading: "Actions",
        error_username: "The username must be 2–60 characters: lowercase letters a-z, digits, dot, hyphen or underscore.",
        error_role: "Choose a role.",
        error_password: "The password must be at least 12 characters.",
        error_mismatch: "The passwords do not match.",
        error_taken: "The username is already in use.",
        error_yourself: "You cannot remove your own administrator role or disable yourself.",
        error_last_admin: "There must always be at least one active administrator.",
        audit_title: "Audit log",
        filter: "Filter",
        show: "Show",
        all: "All",
        staff_member: "Staff member",
        action: "Action",
        object: "Object",
        object_id: "Object number",
        from: "From date",
        until: "To (inclusive)",
        when: "Time",
        before: "Before",
        after: "After",
        system: "The system",
        older: "Older actions",
        newest: "Newest actions",
        download_csv: "Download as CSV",
        nothing: "No actions match the filter.",
    },
};
