//! Texts of the staff page for statuses and official answers.

use klimadialog::Locale;

pub struct AnswerTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub set_status: &'static str,
    pub status_legend: &'static str,
    pub answer_da: &'static str,
    pub answer_da_hint: &'static str,
    pub answer_en: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub error_status: &'static str,
    pub error_answer_required: &'static str,
    pub error_english_alone: &'static str,
    pub error_answer_invalid: &'static str,
    pub current: &'static str,
    pub filter_status: &'static str,
    pub search: &'static str,
    pub show: &'static str,
    pub all: &'static str,
    pub none: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
}

pub static DA: AnswerTexts = AnswerTexts {
    title: "Status og svar",
    intro: "Forslagsstilleren og alle, der støtter idéen, får én mail om hver ændring.",
    set_status: "Sæt status",
    status_legend: "Ny status",
    answer_da: "Kommunens svar (dansk)",
    answer_da_hint: "Skal udfyldes, når idéen er med i planen, delvist med, allerede planlagt eller ikke vedtaget.",
    answer_en: "Svar på engelsk (valgfrit)",
    save: "Gem og send besked",
    saved: "Status gemt. Beskederne sendes nu.",
    error_status: "Vælg en ny status.",
    error_answer_required: "Skriv kommunens svar: en beslutning skal begrundes.",
    error_english_alone: "Skriv det danske svar, som det engelske oversætter.",
    error_answer_invalid: "Svaret må højst være 4.000 tegn og ikke indeholde kontroltegn.",
    current: "Nuværende status",
    filter_status: "Status",
    search: "Søg",
    show: "Vis",
    all: "Alle",
    none: "Ingen idéer passer til filteret.",
    previous: "Forrige side",
    next: "Næste side",
};

pub static EN: AnswerTexts = AnswerTexts {
    title: "Status and answers",
    intro: "The author and everyone supporting the idea get one mail about each change.",
    set_status: "Set status",
    status_legend: "New status",
    answer_da: "The municipality's answer (Danish)",
    answer_da_hint: "Required when the idea is in the plan, partly in it, already planned or not adopted.",
    answer_en: "Answer in English (optional)",
    save: "Save and notify",
    saved: "Status saved. The mails are on their way.",
    error_status: "Choose a new status.",
    error_answer_required: "Write the municipality's answer: a decision must be explained.",
    error_english_alone: "Write the Danish answer that the English one translates.",
    error_answer_invalid: "The answer can be at most 4,000 characters without control characters.",
    current: "Current status",
    filter_status: "Status",
    search: "Search",
    show: "Show",
    all: "All",
    none: "No ideas match the filter.",
    previous: "Previous page",
    next: "Next page",
};

pub fn answer_texts(locale: Locale) -> &'static AnswerTexts {
    match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    }
}
