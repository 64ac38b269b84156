//! The accessibility page. Danish law (webtilgængelighedsloven) wants the statement made in
//! Digitaliseringsstyrelsen's WAS-Tool; when the municipality has published it there, this page
//! is the evidence behind it: what is tested on every change, the known exceptions, and the
//! phone and written contact. Without it, the page is the statement.

use klimadialog::Locale;

pub struct AccessibilityTexts {
    /// The page's title when the statement lives in WAS-Tool.
    pub evidence_title: &'static str,
    /// Where the official statement is, and what this page is then.
    pub official: fn(&str) -> String,
    pub official_link: &'static str,
    pub evidence_intro: &'static str,
    pub intro: fn(&str) -> String,
    pub status_heading: &'static str,
    pub status_text: &'static str,
    pub tested_heading: &'static str,
    pub tested: [&'static str; 6],
    pub limits_heading: &'static str,
    pub limits: [&'static str; 3],
    pub feedback_heading: &'static str,
    pub feedback_text: fn(&str) -> String,
    pub feedback_phone: &'static str,
    pub feedback_email: &'static str,
    pub feedback_website: &'static str,
    pub complaint_heading: &'static str,
    pub complaint_text: &'static str,
    pub reviewed: fn(&str) -> String,
}

pub static DA: AccessibilityTexts = AccessibilityTexts {
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
};

pub static EN: AccessibilityTexts = AccessibilityTexts {
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
};

pub fn accessibility_texts(locale: Locale) -> &'static AccessibilityTexts {
    match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    }
}
