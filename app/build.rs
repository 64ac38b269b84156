//! Makes the test-only pseudo-language from the English texts: every string literal of
//! `src/i18n/en.rs` with its letters accented, its vowels doubled and its e tripled (about
//! 40 % longer, as German or Finnish can be) and the text in ⟦ ⟧, so a test can tell a text
//! from a language file from one left in the code. Placeholders (`{n}`), escapes and what is outside literals stay, and
//! `Locale::En` becomes `Locale::Pseudo`. Generated at build time, so it never drifts from
//! English.

use std::fmt::Write as _;

fn main() {
    let source_path = "src/i18n/en.rs";
    println!("cargo::rerun-if-changed={source_path}");
    println!("cargo::rerun-if-changed=build.rs");
    let source = std::fs::read_to_string(source_path).expect("read src/i18n/en.rs");
    let (code, stats) = pseudo_file(&source);
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let mut file = code;
    let _ = writeln!(
        file,
        "\n/// How much longer the pseudo-language's letters are than English's, in percent.\n\
         #[allow(dead_code)]\npub const GROWTH_PERCENT: usize = {};",
        stats.grown * 100 / stats.letters.max(1) - 100
    );
    std::fs::write(out.join("pseudo.rs"), file).expect("write pseudo.rs");
}

#[derive(Default)]
struct Stats {
    /// Characters of text in English literals, and what they became.
    letters: usize,
    grown: usize,
}

/// The whole file, comments dropped (an included file may not have inner doc comments).
fn pseudo_file(source: &str) -> (String, Stats) {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len() * 2);
    let mut stats = Stats::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let end = find(&chars, i + 2, &['*', '/']).expect("unclosed block comment");
            i = end + 2;
        } else if c == '"' {
            let end = string_end(&chars, i + 1);
            out.push('"');
            out.push_str(&pseudo_literal(&chars[i + 1..end], true, &mut stats));
            out.push('"');
            i = end + 1;
        } else if c == 'r' && matches!(next, Some('"') | Some('#')) && !is_ident(&chars, i) {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            let open = i + 1 + hashes;
            assert_eq!(chars[open], '"', "raw string");
            let mut close: Vec<char> = vec!['"'];
            close.extend(std::iter::repeat_n('#', hashes));
            let end = find(&chars, open + 1, &close).expect("unclosed raw string");
            out.push('r');
            out.extend(std::iter::repeat_n('#', hashes));
            out.push('"');
            out.push_str(&pseudo_literal(&chars[open + 1..end], false, &mut stats));
            out.extend(close.iter());
            i = end + close.len();
        } else if c == '\'' {
            // A char literal ('x', '\n') is kept; otherwise a lifetime.
            let len = if next == Some('\\') {
                find(&chars, i + 2, &['\'']).map(|e| e + 1 - i)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(3)
            } else {
                None
            };
            let len = len.unwrap_or(1);
            out.extend(&chars[i..i + len]);
            i += len;
        } else if starts_with(&chars, i, "Locale::En") && !is_ident_char(chars.get(i + 10)) {
            out.push_str("Locale::Pseudo");
            i += "Locale::En".len();
        } else {
            out.push(c);
            i += 1;
        }
    }
    (out, stats)
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| chars.get(at + k) == Some(&w))
}

fn is_ident_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Whether the char at `at` continues an identifier (so `r` is not a raw-string prefix).
fn is_ident(chars: &[char], at: usize) -> bool {
    at > 0 && is_ident_char(chars.get(at - 1))
}

fn find(chars: &[char], from: usize, needle: &[char]) -> Option<usize> {
    (from..chars.len()).find(|&k| chars[k..].starts_with(needle))
}

/// The index of the closing quote of a string whose content starts at `from`.
fn string_end(chars: &[char], from: usize) -> usize {
    let mut k = from;
    loop {
        match chars.get(k) {
            Some('\\') => k += 2,
            Some('"') => return k,
            Some(_) => k += 1,
            None => panic!("unclosed string literal"),
        }
    }
}

/// One literal's content: text between placeholders and escapes made pseudo, the whole text
/// (without the whitespace around it) in ⟦ ⟧. A literal without letters or placeholders
/// (", ", "–") stays.
fn pseudo_literal(content: &[char], escapes: bool, stats: &mut Stats) -> String {
    // Split into pieces that are kept as they are and pieces of text.
    let mut pieces: Vec<(bool, String)> = Vec::new();
    let mut k = 0;
    let push = |pieces: &mut Vec<(bool, String)>, text: bool, c: &[char]| match pieces.last_mut() {
        Some((t, s)) if *t == text => s.extend(c),
        _ => pieces.push((text, c.iter().collect())),
    };
    while k < content.len() {
        let c = content[k];
        let len = if escapes && c == '\\' {
            match content.get(k + 1) {
                Some('\n') => {
                    2 + content[k + 2..]
                        .iter()
                        .take_while(|w| w.is_whitespace())
                        .count()
                }
                Some('u') => find(content, k, &['}']).map_or(2, |e| e + 1 - k),
                Some('x') => 4,
                _ => 2,
            }
        } else if (c == '{' && content.get(k + 1) == Some(&'{'))
            || (c == '}' && content.get(k + 1) == Some(&'}'))
        {
            2
        } else if c == '{' {
            find(content, k, &['}']).map_or(1, |e| e + 1 - k)
        } else {
            0
        };
        if len > 0 {
            push(&mut pieces, false, &content[k..k + len]);
            k += len;
        } else {
            push(&mut pieces, true, &[c]);
            k += 1;
        }
    }
    // A template is a text even without letters ("{}: {}, {}" puts a name before counts).
    let letters = pieces
        .iter()
        .any(|(text, s)| *text && s.chars().any(|c| c.is_ascii_alphabetic()));
    let placeholder = pieces
        .iter()
        .any(|(text, s)| !*text && s.starts_with('{') && !s.starts_with("{{"));
    if !letters && !placeholder {
        return content.iter().collect();
    }
    // The ⟦ goes before the first piece that is not blank or an escape for a blank (\n), the
    // ⟧ after the last.
    let blank = |(text, s): &(bool, String)| {
        if *text {
            s.trim().is_empty()
        } else {
            s.starts_with('\\') && s[1..].chars().all(|c| c == 'n' || c.is_whitespace())
        }
    };
    let first = pieces.iter().position(|p| !blank(p)).unwrap_or(0);
    let last = pieces.iter().rposition(|p| !blank(p)).unwrap_or(0);
    let mut out = String::new();
    for (n, (text, s)) in pieces.iter().enumerate() {
        if n == first {
            out.push('⟦');
        }
        if *text {
            for c in s.chars() {
                stats.letters += 1;
                let before = out.chars().count();
                accent(c, &mut out);
                stats.grown += out.chars().count() - before;
            }
        } else {
            out.push_str(s);
        }
        if n == last {
            out.push('⟧');
        }
    }
    out
}

fn accent(c: char, out: &mut String) {
    const LOWER: &str = "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž";
    const UPPER: &str = "ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
    let mapped = if c.is_ascii_lowercase() {
        LOWER.chars().nth((c as u8 - b'a') as usize)
    } else if c.is_ascii_uppercase() {
        UPPER.chars().nth((c as u8 - b'A') as usize)
    } else {
        None
    };
    match mapped {
        Some(m) => {
            out.push(m);
            // Doubled vowels and a tripled e: about 40 % more letters in English text.
            if "aeiouyAEIOUY".contains(c) {
                out.push(m);
            }
            if "eE".contains(c) {
                out.push(m);
            }
        }
        None => out.push(c),
    }
}
