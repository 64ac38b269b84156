//! Texts of the staff pages.

use klimadialog::Locale;

pub struct StaffTexts {
    pub login_title: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub log_in: &'static str,
    pub log_out: &'static str,
    pub bad_credentials: &'static str,
    pub locked: &'static str,
    pub too_many: &'static str,
    pub dashboard_title: &'static str,
    pub signed_in_as: fn(&str, &str) -> String,
    pub waiting: &'static str,
    pub hidden: &'static str,
    pub per_status: &'static str,
    pub forbidden_title: &'static str,
    pub forbidden_text: &'static str,
    pub role_moderator: &'static str,
    pub role_admin: &'static str,
    pub moderation_title: &'static str,
    pub queue_empty: &'static str,
    pub reports: fn(i64) -> String,
    pub reason_label: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub hide: &'static str,
    pub done: &'static str,
    pub reason_missing: &'static str,
    pub not_now: &'static str,
    pub withheld: &'static str,
    pub restore: &'static str,
    pub keep: &'static str,
    pub open_reports: &'static str,
    pub hidden_by_reports: &'static str,
}

pub static DA: StaffTexts = StaffTexts {
    login_title: "Log ind for medarbejdere",
    username: "Brugernavn",
    password: "Adgangskode",
    log_in: "Log ind",
    log_out: "Log ud",
    bad_credentials: "Brugernavn eller adgangskode er forkert.",
    locked: "Kontoen er låst efter for mange forkerte forsøg. Prøv igen om lidt.",
    too_many: "For mange forsøg fra denne forbindelse. Vent lidt, og prøv så igen.",
    dashboard_title: "Overblik",
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
    reports: |n| {
        if n == 1 {
            "1 anmeldelse".into()
        } else {
            format!("{n} anmeldelser")
        }
    },
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
};

pub static EN: StaffTexts = StaffTexts {
    login_title: "Staff sign-in",
    username: "Username",
    password: "Password",
    log_in: "Sign in",
    log_out: "Sign out",
    bad_credentials: "The username or password is wrong.",
    locked: "The account is locked after too many wrong attempts. Try again in a while.",
    too_many: "Too many attempts from this connection. Wait a little, then try again.",
    dashboard_title: "Overview",
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
    reports: |n| {
        if n == 1 {
            "1 report".into()
        } else {
            format!("{n} reports")
        }
    },
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
};

pub fn staff_texts(locale: Locale) -> &'static StaffTexts {
    match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    }
}
