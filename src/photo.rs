//! Residents' photos. Whatever a phone sends is decoded and drawn again as a new JPEG: that
//! drops every byte of metadata (EXIF with GPS position, camera serials, comments) instead of
//! trying to find and cut it, turns the picture upright as the camera meant, and caps its size.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};

/// The largest upload accepted, in bytes.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// The longest side of a stored photo, in pixels.
pub const MAX_SIDE: u32 = 1600;
/// The most pixels decoded: phones make 12–50 megapixels, and what is over this is refused
/// from its header before anything is decoded (a 1 MB PNG can claim 144 megapixels).
pub const MAX_PIXELS: u64 = 40_000_000;
/// The most bytes one decoded picture may take: 40 megapixels at 8 bits per channel with
/// alpha. A 16-bit picture counts double, so deep colour gets half the pixels.
pub const MAX_DECODED_BYTES: u64 = 4 * MAX_PIXELS;
/// Decodes that may run at once in a process: each may take `MAX_DECODED_BYTES` and a core.
pub const MAX_PARALLEL_DECODES: usize = 2;
/// The longest side in pixels, whatever the total (a 1×40 000 000 strip is no photo).
const MAX_DECODED_SIDE: u32 = 12_000;
const JPEG_QUALITY: u8 = 82;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("the file is larger than 10 MB")]
    TooLarge,
    #[error("the file is not a JPEG, PNG or WebP picture")]
    NotAPicture,
    #[error("the picture has too many pixels")]
    TooManyPixels,
    #[error("the picture could not be encoded")]
    Encode,
}

/// A photo ready to store: a fresh JPEG without metadata.
#[derive(Debug, Clone)]
pub struct Photo {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

impl Photo {
    /// The file name, taken from the content so a name never changes what it shows (that is
    /// what lets photos be cached for a year), with the picture's size so pages can reserve
    /// its space before it loads: `{hash}.{width}x{height}.jpg`.
    pub fn file_name(&self) -> String {
        let digest = Sha256::digest(&self.jpeg);
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        format!("{hex}.{}x{}.jpg", self.width, self.height)
    }

    /// Stores the photo in `dir` under its file name, whole or not at all, and returns the
    /// name. Written to a partial file of its own, flushed to disk, then renamed: the same photo
    /// sent twice at once has one name, and one shared partial file would be renamed away under
    /// the second writer. Upkeep deletes partial files a crash left behind.
    pub fn store_in(&self, dir: &std::path::Path) -> std::io::Result<String> {
        use std::io::Write;
        static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let name = self.file_name();
        let path = dir.join(&name);
        if path.exists() {
            return Ok(name);
        }
        std::fs::create_dir_all(dir)?;
        let writer = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let partial = dir.join(format!("{name}.{}-{writer}.partial", std::process::id()));
        let written = std::fs::File::create(&partial).and_then(|mut file| {
            file.write_all(&self.jpeg)?;
            file.sync_all()
        });
        if let Err(error) = written.and_then(|()| std::fs::rename(&partial, &path)) {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
        Ok(name)
    }
}

/// Whether a name is one `Photo::file_name` makes; nothing else is ever looked up on disk.
pub fn is_photo_name(name: &str) -> bool {
    let hex_ok = name.len() > 33
        && name.is_char_boundary(32)
        && name[..32]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && name.as_bytes()[32] == b'.';
    // After the hash only "{width}x{height}.jpg": digits, one x, the extension.
    hex_ok
        && name[33..]
            .strip_suffix(".jpg")
            .is_some_and(|size| size.bytes().all(|b| b.is_ascii_digit() || b == b'x'))
        && crate::idea::photo_size(name).is_some()
}

/// Decodes an uploaded JPEG, PNG or WebP and re-encodes it upright, at most `MAX_SIDE` pixels
/// on its longest side, as a JPEG with no metadata. CPU-bound: call it off the async threads.
pub fn reencode(upload: &[u8]) -> Result<Photo, PhotoError> {
    if upload.len() > MAX_UPLOAD_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let format = image::guess_format(upload).map_err(|_| PhotoError::NotAPicture)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(PhotoError::NotAPicture);
    }
    let mut reader = ImageReader::with_format(Cursor::new(upload), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    let decode_error = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels,
        _ => PhotoError::NotAPicture,
    };
    let mut decoder = reader.into_decoder().map_err(decode_error)?;
    // `from_decoder` allocates whatever the header claims without asking the limits (image
    // 0.25), so the claim is checked here, before a byte is decoded.
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS
        || decoder.total_bytes() > MAX_DECODED_BYTES
    {
        return Err(PhotoError::TooManyPixels);
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    // Shrunk first, so turning and converting work on the small picture. A big picture is
    // first averaged down to twice the target (`thumbnail` makes no copy but its result), since
    // `resize` makes a float copy as wide as its input; then filtered to the size.
    if picture.width() > 2 * MAX_SIDE || picture.height() > 2 * MAX_SIDE {
        picture = picture.thumbnail(2 * MAX_SIDE, 2 * MAX_SIDE);
    }
    if picture.width() > MAX_SIDE || picture.height() > MAX_SIDE {
        picture = picture.resize(MAX_SIDE, MAX_SIDE, FilterType::Triangle);
    }
    picture.apply_orientation(orientation);
    let rgb = picture.to_rgb8();
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|_| PhotoError::Encode)?;
    Ok(Photo {
        width: rgb.width(),
        height: rgb.height(),
        jpeg,
    })
}

#[cfg(test)]
mod tests;
