//! Danish-aware search terms. Idea text and queries go through the same steps, so a query
//! matches however it was typed: lower case, stemmed with Snowball's Danish rules
//! ("cykelstier" and "cykelsti" become one term), and folded so "Nørresundby", "Noerresundby"
//! and "norresundby" are one word, as are "Aalborg" and "Ålborg". SQLite's FTS5 then only
//! has to split on spaces; the language rules live here, where they are tested.

use rust_stemmers::{Algorithm, Stemmer};

/// Common Danish and English words that say nothing about what an idea is about.
const STOPWORDS: &[&str] = &[
    "ad", "af", "alle", "alt", "anden", "at", "blev", "blive", "bliver", "da", "de", "dem", "den",
    "denne", "der", "deres", "det", "dette", "dig", "din", "disse", "dog", "du", "efter", "eller",
    "en", "end", "er", "et", "for", "fra", "ham", "han", "hans", "har", "havde", "have", "hende",
    "hendes", "her", "hos", "hun", "hvad", "hvis", "hvor", "i", "ikke", "ind", "jeg", "jer", "jo",
    "kan", "kunne", "man", "mange", "med", "meget", "men", "mig", "min", "mine", "mit", "mod",
    "ned", "noget", "nogle", "nu", "når", "og", "også", "om", "op", "os", "over", "på", "sig",
    "sin", "sine", "sit", "skal", "skulle", "som", "sådan", "thi", "til", "ud", "under", "var",
    "vi", "vil", "ville", "vor", "være", "været", "a", "an", "and", "are", "be", "by", "in", "is",
    "it", "of", "on", "or", "the", "to", "with",
];

/// The most terms a query is built from; a long description adds nothing after that.
const MAX_QUERY_TERMS: usize = 24;

/// Folds Danish letters and their two-letter spellings to one form.
fn fold(stem: &str) -> String {
    let mut out = String::with_capacity(stem.len());
    for c in stem.chars() {
        match c {
            'æ' | 'ä' | 'á' | 'à' | 'â' | 'å' => out.push('a'),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => out.push('o'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'ü' | 'ú' | 'ù' | 'û' => out.push('u'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            _ => out.push(c),
        }
    }
    out.replace("aa", "a").replace("ae", "a").replace("oe", "o")
}

/// The search terms of a text, in order, with repeats (they weigh in ranking).
pub fn terms(text: &str) -> Vec<String> {
    let stemmer = Stemmer::create(Algorithm::Danish);
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .filter(|word| !STOPWORDS.contains(&word.as_str()))
        .map(|word| fold(&stemmer.stem(&word)))
        .filter(|term| term.chars().count() >= 2)
        .collect()
}

/// The text stored in the search index for a piece of idea text.
pub fn index_text(text: &str) -> String {
    terms(text).join(" ")
}

/// Distinct terms of a text, at most `MAX_QUERY_TERMS`, each quoted for FTS5 so no character
/// a resident typed can act as query syntax.
fn query_terms(text: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for term in terms(text) {
        if seen.len() == MAX_QUERY_TERMS {
            break;
        }
        if !seen.contains(&term) {
            seen.push(term);
        }
    }
    seen.into_iter()
        .map(|t| format!("\"{}\"", t.replace('"', "")))
        .collect()
}

/// An FTS5 query that finds text with every term of `text` (a search box); `None` when the
/// text has no searchable word.
pub fn all_terms_query(text: &str) -> Option<String> {
    let terms = query_terms(text);
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// An FTS5 query that finds text sharing any term with `text` (similar ideas), best first
/// when ranked with bm25.
pub fn any_terms_query(text: &str) -> Option<String> {
    let terms = query_terms(text);
    (!terms.is_empty()).then(|| terms.join(" OR "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_and_definite_forms_meet_their_stem() {
        assert_eq!(terms("cykelstier"), terms("cykelsti"));
        assert_eq!(terms("cykelstierne"), terms("cykelsti"));
        assert_eq!(terms("Solceller"), terms("solcelle"));
    }

    #[test]
    fn danish_letters_match_however_they_are_typed() {
        assert_eq!(terms("Nørresundby"), terms("norresundby"));
        assert_eq!(terms("Nørresundby"), terms("Noerresundby"));
        assert_eq!(terms("Aalborg"), terms("Ålborg"));
        assert_eq!(terms("grøn"), terms("GRØN"));
    }

    #[test]
    fn small_words_do_not_count() {
        assert_eq!(terms("en sti og en bro"), terms("sti bro"));
        assert!(terms("og i på").is_empty());
    }

    #[test]
    fn queries_cannot_inject_fts_syntax() {
        let q = all_terms_query("cykel\" OR title:* NEAR(").unwrap();
        assert!(!q.contains("title:"), "{q}");
        assert_eq!(q.matches('"').count() % 2, 0);
        assert_eq!(all_terms_query("  ,. !"), None);
        assert_eq!(any_terms_query("og i"), None);
    }

    #[test]
    fn long_texts_make_bounded_queries() {
        let text = (0..200)
            .map(|i| format!("ord{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(any_terms_query(&text).unwrap().matches(" OR ").count(), 23);
    }
}
