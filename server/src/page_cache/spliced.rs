//! A page kept for signed-in residents: the shared render cut at its personal parts (see
//! `klimadialog_app::personal`), every variant of each part kept, so that a resident's own page
//! is put together from memory with their variant in each part.
//!
//! Pages go out gzip-compressed, and compressing a page for every resident would cost more
//! than the rest of the work. So each piece is compressed once, as raw deflate ending in a full
//! flush (no reference to what came before, ending on a byte boundary); any sequence of such
//! pieces, closed by an empty final block, is one valid deflate stream, and a gzip header, the
//! CRC-32 of the plain text and its length make it a gzip body (RFC 1951 §3.2.3, RFC 1952).

use axum::body::Bytes;
use flate2::{Compress, Compression, FlushCompress};
use klimadialog_app::personal::{SLOT_END, SLOT_OPEN, SLOT_OPEN_CLOSE, SlotKind};

/// A piece of page, plain and as raw deflate ending in a full flush.
struct Chunk {
    plain: Bytes,
    deflate: Bytes,
}

enum Piece {
    Fixed(Chunk),
    /// Index into `Spliced::slots`, and one chunk per variant.
    Part(usize, Vec<Chunk>),
}

/// A shared render, cut.
pub enum Cut {
    /// Nothing in it is anyone's own: the page is the same for every resident.
    NoParts,
    Parts(Spliced),
    /// Markers not as `personal` writes them: the page is not kept for residents at all.
    Broken,
}

pub struct Spliced {
    pieces: Vec<Piece>,
    /// The page's parts in order: what each is about.
    slots: Vec<(SlotKind, i64)>,
}

/// The gzip header: deflate, no name or time, unknown system.
const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
/// An empty final block with fixed codes: ends the deflate stream.
const FINAL_BLOCK: [u8; 2] = [0x03, 0x00];

impl Chunk {
    fn new(plain: &[u8]) -> Chunk {
        Chunk {
            plain: Bytes::copy_from_slice(plain),
            deflate: Bytes::from(deflate_flushed(plain)),
        }
    }

    fn len(&self) -> usize {
        self.plain.len() + self.deflate.len()
    }
}

/// `plain` as raw deflate from a fresh compressor, ending in a full flush.
fn deflate_flushed(plain: &[u8]) -> Vec<u8> {
    let mut compress = Compress::new(Compression::default(), false);
    let mut out = Vec::with_capacity(plain.len() + plain.len() / 8 + 64);
    loop {
        let consumed = compress.total_in() as usize;
        // Compressing into a Vec with room cannot fail; were it to, the piece would be empty
        // and the page's gzip body invalid, so say so loudly.
        if let Err(error) = compress.compress_vec(&plain[consumed..], &mut out, FlushCompress::Full)
        {
            tracing::error!(%error, "compressing a page piece failed");
            return Vec::new();
        }
        // zlib stops a flush early only when out of room.
        if compress.total_in() as usize == plain.len() && out.len() < out.capacity() {
            return out;
        }
        out.reserve(out.capacity());
    }
}

/// Reads `kind:key:variant`.
fn marker(value: &str) -> Option<(SlotKind, i64, u8)> {
    let mut parts = value.split(':');
    let kind = SlotKind::parse(parts.next()?)?;
    let key = parts.next()?.parse().ok()?;
    let variant = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((kind, key, variant))
}

impl Spliced {
    /// Cuts a shared render at its parts.
    pub fn parse(html: &[u8]) -> Cut {
        let Ok(html) = std::str::from_utf8(html) else {
            return Cut::Broken;
        };
        if !html.contains(SLOT_OPEN) && !html.contains(SLOT_END) {
            return Cut::NoParts;
        }
        Spliced::cut(html).map_or(Cut::Broken, Cut::Parts)
    }

    fn cut(html: &str) -> Option<Spliced> {
        let mut pieces = Vec::new();
        let mut slots = Vec::new();
        let mut rest = html;
        while let Some(start) = rest.find(SLOT_OPEN) {
            pieces.push(Piece::Fixed(Chunk::new(&rest.as_bytes()[..start])));
            rest = &rest[start..];
            let mut variants = Vec::new();
            let mut part = None;
            // Each variant: its marker, then everything up to the next marker or the end.
            while let Some(after) = rest.strip_prefix(SLOT_OPEN) {
                let close = after.find(SLOT_OPEN_CLOSE)?;
                let (kind, key, variant) = marker(&after[..close])?;
                if usize::from(variant) != variants.len() || part.is_some_and(|p| p != (kind, key))
                {
                    return None;
                }
                part = Some((kind, key));
                let body = &after[close + SLOT_OPEN_CLOSE.len()..];
                let end = [body.find(SLOT_OPEN), body.find(SLOT_END)]
                    .into_iter()
                    .flatten()
                    .min()?;
                variants.push(Chunk::new(&body.as_bytes()[..end]));
                rest = &body[end..];
            }
            let (kind, key) = part?;
            rest = rest.strip_prefix(SLOT_END)?;
            if variants.len() != usize::from(kind.variants()) {
                return None;
            }
            pieces.push(Piece::Part(slots.len(), variants));
            slots.push((kind, key));
        }
        if rest.contains(SLOT_END) {
            return None;
        }
        pieces.push(Piece::Fixed(Chunk::new(rest.as_bytes())));
        Some(Spliced { pieces, slots })
    }

    /// What each part is about, in order: what `resolve` needs.
    pub fn slots(&self) -> &[(SlotKind, i64)] {
        &self.slots
    }

    pub fn size(&self) -> usize {
        self.chunks().map(Chunk::len).sum()
    }

    fn chunks(&self) -> impl Iterator<Item = &Chunk> {
        self.pieces.iter().flat_map(|piece| match piece {
            Piece::Fixed(chunk) => std::slice::from_ref(chunk).iter(),
            Piece::Part(_, variants) => variants.iter(),
        })
    }

    /// The chosen variant of each piece.
    fn chosen<'a>(&'a self, choices: &'a [u8]) -> impl Iterator<Item = &'a Chunk> {
        self.pieces.iter().filter_map(move |piece| match piece {
            Piece::Fixed(chunk) => Some(chunk),
            Piece::Part(slot, variants) => variants.get(usize::from(*choices.get(*slot)?)),
        })
    }

    /// The page with variant `choices[i]` in part `i`: plain, or as a gzip body.
    pub fn assemble(&self, choices: &[u8], gzip: bool) -> Bytes {
        if !gzip {
            let mut page = Vec::with_capacity(self.plain_len());
            for chunk in self.chosen(choices) {
                page.extend_from_slice(&chunk.plain);
            }
            return Bytes::from(page);
        }
        let mut crc = flate2::Crc::new();
        let mut body = Vec::with_capacity(self.plain_len() / 3 + 32);
        body.extend_from_slice(&GZIP_HEADER);
        for chunk in self.chosen(choices) {
            crc.update(&chunk.plain);
            body.extend_from_slice(&chunk.deflate);
        }
        body.extend_from_slice(&FINAL_BLOCK);
        body.extend_from_slice(&crc.sum().to_le_bytes());
        body.extend_from_slice(&crc.amount().to_le_bytes());
        Bytes::from(body)
    }

    fn plain_len(&self) -> usize {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Fixed(chunk) => chunk.plain.len(),
                Piece::Part(_, variants) => {
                    variants.iter().map(|c| c.plain.len()).max().unwrap_or(0)
                }
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn slot(kind: &str, key: i64, variant: u8) -> String {
        format!("{SLOT_OPEN}{kind}:{key}:{variant}{SLOT_OPEN_CLOSE}")
    }

    fn page() -> String {
        let filler = "<p>Cykelsti langs fjorden, støttet af mange.</p>".repeat(40);
        format!(
            "<html><body>{filler}<ul><li>{}<button>Støt</button>{}<button class=\"secondary\">Træk støtte tilbage</button>{SLOT_END}</li>\
             <li>{}<button>Støt</button>{}<button class=\"secondary\">Træk støtte tilbage</button>{SLOT_END}</li></ul>{filler}</body></html>",
            slot("support", 7, 0),
            slot("support", 7, 1),
            slot("support", 9, 0),
            slot("support", 9, 1),
        )
    }

    fn gunzip(bytes: &[u8]) -> String {
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    #[test]
    fn a_residents_page_is_the_shared_render_with_their_variants() {
        let Cut::Parts(spliced) = Spliced::parse(page().as_bytes()) else {
            panic!("parts")
        };
        assert_eq!(
            spliced.slots(),
            &[(SlotKind::Support, 7), (SlotKind::Support, 9)]
        );
        let plain = spliced.assemble(&[1, 0], false);
        let plain = std::str::from_utf8(&plain).unwrap();
        assert!(plain.contains("<li><button class=\"secondary\">Træk støtte tilbage</button></li><li><button>Støt</button></li>"));
        assert!(!plain.contains("<template"), "no marker is sent");
        // The gzip body is a valid stream of exactly the plain page, for every choice.
        for choices in [[0, 0], [0, 1], [1, 0], [1, 1]] {
            let gzip = spliced.assemble(&choices, true);
            assert_eq!(
                gunzip(&gzip).as_bytes(),
                &spliced.assemble(&choices, false)[..]
            );
        }
        // Compressed pieces still compress: the repeated text shrinks to a fraction.
        assert!(spliced.assemble(&[1, 1], true).len() * 4 < plain.len());
    }

    #[test]
    fn gzip_decoders_read_the_whole_stream() {
        // Pieces larger than zlib's window and buffers, and an empty one.
        let big: String = (0..40_000).map(|i| format!("{i} ")).collect();
        let html = format!(
            "{big}{}{SLOT_END}{big}",
            slot("support", 1, 0) + &slot("support", 1, 1)
        );
        let Cut::Parts(spliced) = Spliced::parse(html.as_bytes()) else {
            panic!("parts")
        };
        let gzip = spliced.assemble(&[1], true);
        assert_eq!(gunzip(&gzip), format!("{big}{big}"));
    }

    #[test]
    fn pages_without_parts_or_with_broken_markers_are_told_apart() {
        assert!(matches!(
            Spliced::parse(b"<html>no parts</html>"),
            Cut::NoParts
        ));
        let broken = [
            format!("a{}x{SLOT_END}", slot("support", 1, 0)),
            format!("a{}x{}y", slot("support", 1, 0), slot("support", 1, 1)),
            format!(
                "a{}x{}y{SLOT_END}",
                slot("support", 1, 0),
                slot("support", 2, 1)
            ),
            format!(
                "a{}x{}y{SLOT_END}",
                slot("support", 1, 1),
                slot("support", 1, 0)
            ),
            format!("a{}x{SLOT_END}", slot("unknown", 1, 0)),
            format!(
                "a{}x{}y{SLOT_END}{SLOT_END}",
                slot("support", 1, 0),
                slot("support", 1, 1)
            ),
        ];
        for html in broken {
            assert!(
                matches!(Spliced::parse(html.as_bytes()), Cut::Broken),
                "{html}"
            );
        }
    }
}
