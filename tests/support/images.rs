//! Test pictures: JPEG and PNG files made on the spot, and a JPEG with the EXIF block a phone
//! writes (orientation and a GPS position), for checking that stored photos carry neither.

#![allow(dead_code)] // each test uses a different part

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{ImageFormat, RgbImage};

pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = RgbImage::from_fn(width, height, |x, y| image::Rgb([x as u8, y as u8, 90]));
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&picture)
        .unwrap();
    out
}

pub fn png(width: u32, height: u32) -> Vec<u8> {
    let picture = RgbImage::from_pixel(width, height, image::Rgb([20, 140, 60]));
    let mut out = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

/// An EXIF block as a phone writes it: "rotate 90°" and a GPS position (57° 2' 53" N).
fn exif_with_gps() -> Vec<u8> {
    let mut t = Vec::new();
    t.extend_from_slice(b"II*\0");
    t.extend_from_slice(&8u32.to_le_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value);
    };
    // IFD0 at 8: orientation and a pointer to the GPS IFD at 38.
    t.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut t, 0x0112, 3, 1, [6, 0, 0, 0]);
    entry(&mut t, 0x8825, 4, 1, 38u32.to_le_bytes());
    t.extend_from_slice(&0u32.to_le_bytes());
    // GPS IFD at 38: latitude reference and latitude (three rationals at 68).
    t.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut t, 0x0001, 2, 2, [b'N', 0, 0, 0]);
    entry(&mut t, 0x0002, 5, 3, 68u32.to_le_bytes());
    t.extend_from_slice(&0u32.to_le_bytes());
    for (n, d) in [(57u32, 1u32), (2, 1), (53, 1)] {
        t.extend_from_slice(&n.to_le_bytes());
        t.extend_from_slice(&d.to_le_bytes());
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&t);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    segment.extend_from_slice(&app1);
    segment
}

pub fn with_exif(jpeg: &[u8]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&exif_with_gps());
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A decompression bomb: a PNG of `width`×`height` black pixels, RGBA at 16 bits per channel
/// (8 bytes a pixel) when `deep`, else 8 bits. 12 000 × 12 000 deep is 1.15 GB decoded from a
/// file of about 1 MB. Made without holding the picture: its rows are all zero bytes (filter
/// "none" is a zero too), so one compressed run of zeros, flushed to a byte boundary, is
/// repeated to the length.
pub fn bomb_png(width: u32, height: u32, deep: bool) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    const RUN: usize = 1 << 22;
    let bytes_per_pixel = if deep { 8 } else { 4 };
    let total = u64::from(height) * (1 + u64::from(width) * bytes_per_pixel);
    let run_of = |len: usize| {
        let mut compress = Compress::new(Compression::best(), false);
        let mut out = Vec::with_capacity(len / 100 + 1024);
        compress
            .compress_vec(&vec![0; len], &mut out, FlushCompress::Full)
            .unwrap();
        out
    };
    let mut zlib = vec![0x78, 0xDA];
    let full = run_of(RUN);
    for _ in 0..total / RUN as u64 {
        zlib.extend_from_slice(&full);
    }
    zlib.extend_from_slice(&run_of((total % RUN as u64) as usize));
    // An empty final block, then the Adler-32 of `total` zeros (a = 1, b = total).
    zlib.extend_from_slice(&[0x03, 0x00]);
    let adler = (((total % 65_521) as u32) << 16) | 1;
    zlib.extend_from_slice(&adler.to_be_bytes());

    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8; 4], data: &[u8]| {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        png.extend_from_slice(&crc.sum().to_be_bytes());
    };
    let mut header = Vec::new();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    // Bit depth, colour type 6 (RGBA), deflate, adaptive filtering, no interlace.
    header.extend_from_slice(&[if deep { 16 } else { 8 }, 6, 0, 0, 0]);
    chunk(b"IHDR", &header);
    chunk(b"IDAT", &zlib);
    chunk(b"IEND", &[]);
    png
}
