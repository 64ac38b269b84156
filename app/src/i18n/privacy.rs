//! The privacy notice (GDPR art. 13): who is responsible, what is kept and why, who sees it,
//! for how long, and the resident's rights. The periods come from `klimadialog::retention`, the
//! same constants the code deletes by.

use klimadialog::Locale;
use klimadialog::numbers::count;
use klimadialog::retention::{self, in_days_or_hours};

pub struct PrivacyTexts {
    pub nav: &'static str,
    pub title: &'static str,
    /// The municipality is the controller.
    pub intro: fn(&str) -> String,
    pub contact_heading: &'static str,
    /// The data protection officer, by e-mail when configured, else through the website.
    pub dpo_email: fn(&str, &str) -> String,
    pub dpo_website: fn(&str) -> String,
    pub purposes_heading: &'static str,
    pub purposes: [&'static str; 5],
    pub basis_heading: &'static str,
    pub basis: &'static str,
    pub data_heading: &'static str,
    pub data: [&'static str; 6],
    pub who_heading: &'static str,
    pub who: [&'static str; 3],
    pub kept_heading: &'static str,
    /// (what, for how long in seconds), the periods the code deletes by.
    pub kept: [(&'static str, i64); 7],
    pub kept_until_deleted: &'static str,
    pub rights_heading: &'static str,
    pub rights: &'static str,
    pub rights_me: &'static str,
    pub complaint_heading: &'static str,
    pub complaint: &'static str,
    /// "{n} days" / "{n} hours".
    pub days: fn(i64) -> String,
    pub hours: fn(i64) -> String,
}

impl PrivacyTexts {
    /// A retention period as this language says it.
    pub fn period(&self, seconds: i64) -> String {
        match in_days_or_hours(seconds) {
            (n, true) => (self.days)(n),
            (n, false) => (self.hours)(n),
        }
    }
}

pub static DA: PrivacyTexts = PrivacyTexts {
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
        "at skrive til dig, når der sker noget med de idéer, du har foreslået eller støtter",
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
        "hvilke idéer du støtter, og hvilke du har anmeldt",
        "hvornår du har logget ind",
        "din internetadresse, kun krypteret og kun i serverens hukommelse, til at begrænse misbrug. Den gemmes ikke",
    ],
    who_heading: "Hvem der kan se oplysningerne",
    who: [
        "Alle kan se de idéer, der er godkendt, og det navn, du har valgt at vise. Uden navn står der »Borger i« og dit område. Din e-mailadresse vises aldrig offentligt.",
        "Kommunens medarbejdere, der arbejder med Klimadialog, kan se alle idéer og anmeldelser, men ikke hvem der har anmeldt en idé.",
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
            "En idé, du er i gang med at skrive, fra du sidst ændrede den",
            retention::DRAFT_SECONDS,
        ),
        (
            "Foto til en idé, der er afvist eller skjult",
            retention::HIDDEN_PHOTO_SECONDS,
        ),
        (
            "Mails, vi har sendt om idéernes status",
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
    kept_until_deleted: "Dine idéer, din støtte og dine anmeldelser gemmer vi, så længe Klimadialog bruges i arbejdet med klimaplanen, eller indtil du sletter din konto.",
    rights_heading: "Dine rettigheder",
    rights: "Du har ret til at se de oplysninger, vi har om dig, og til at få dem rettet eller slettet. Du kan også gøre indsigelse mod behandlingen eller bede om, at den begrænses.",
    rights_me: "På Min side kan du hente alle dine oplysninger og slette din konto. Når du sletter den, sletter vi din e-mailadresse og din støtte. Dine idéer bliver på siden uden dit navn, så andres støtte til dem ikke går tabt.",
    complaint_heading: "Klage",
    complaint: "Du kan klage over behandlingen af dine oplysninger til Datatilsynet, www.datatilsynet.dk.",
    days: |n| count(Locale::Da, n, "dag", "dage"),
    hours: |n| count(Locale::Da, n, "time", "timer"),
};

pub static EN: PrivacyTexts = PrivacyTexts {
    nav: "How we handle your data",
    title: "How we handle your personal data",
    intro: |m| {
        format!(
            "{m} is the data controller for the information you give in Klimadialog. Here you can read what we keep, why, who can see it and how long we keep it."
        )
    },
    contact_heading: "Contact",
    dpo_email: |m, email| {
        format!("If you have questions, write to the data protection officer of {m} at {email}.")
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
        "to write to you when something happens to ideas you have proposed or support",
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
        "which ideas you support, and which you have reported",
        "when you signed in",
        "your internet address, only encrypted and only in the server's memory, to limit misuse. It is not stored",
    ],
    who_heading: "Who can see the information",
    who: [
        "Everyone can see the approved ideas and the name you chose to show. Without a name, they say “Resident in” and your area. Your email address is never shown publicly.",
        "The municipality's staff who work with Klimadialog can see all ideas and reports, but not who reported an idea.",
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
            "An idea you are writing, from your last change",
            retention::DRAFT_SECONDS,
        ),
        (
            "The photo of an idea that was rejected or hidden",
            retention::HIDDEN_PHOTO_SECONDS,
        ),
        (
            "Emails we sent about the ideas' status",
            retention::STATUS_MAIL_SECONDS,
        ),
        (
            "That a staff member is signed in",
            retention::STAFF_SESSION_SECONDS,
        ),
        ("Photos no idea uses", retention::UNUSED_PHOTO_SECONDS),
    ],
    kept_until_deleted: "We keep your ideas, your support and your reports for as long as Klimadialog is used in the work on the climate plan, or until you delete your account.",
    rights_heading: "Your rights",
    rights: "You have the right to see the information we hold about you and to have it corrected or deleted. You can also object to the processing or ask us to restrict it.",
    rights_me: "On My page you can download all your information and delete your account. When you delete it, we delete your email address and your support. Your ideas stay on the site without your name, so other people's support for them is not lost.",
    complaint_heading: "Complaints",
    complaint: "You can complain about how your information is handled to the Danish Data Protection Agency (Datatilsynet), www.datatilsynet.dk.",
    days: |n| count(Locale::En, n, "day", "days"),
    hours: |n| count(Locale::En, n, "hour", "hours"),
};

pub fn privacy_texts(locale: Locale) -> &'static PrivacyTexts {
    match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    }
}
