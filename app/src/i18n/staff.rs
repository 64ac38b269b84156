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
};

pub fn staff_texts(locale: Locale) -> &'static StaffTexts {
    match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    }
}
