use std::io::Cursor;

use image::{ImageDecoder, ImageReader, RgbImage};

use super::*;

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = RgbImage::from_fn(width, height, |x, y| image::Rgb([x as u8, y as u8, 90]));
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&picture)
        .unwrap();
    out
}

fn png(width: u32, height: u32) -> Vec<u8> {
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

fn with_exif(jpeg: &[u8]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&exif_with_gps());
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn exif_of(bytes: &[u8]) -> Option<Vec<u8>> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .unwrap();
    reader.into_decoder().unwrap().exif_metadata().unwrap()
}

#[test]
fn gps_and_every_other_exif_field_are_gone_and_the_picture_is_upright() {
    let upload = with_exif(&jpeg(40, 20));
    let exif = exif_of(&upload).expect("the test upload carries EXIF");
    assert!(exif.windows(2).any(|w| w == 0x8825u16.to_le_bytes()));

    let photo = reencode(&upload).unwrap();
    assert_eq!(exif_of(&photo.jpeg), None);
    assert!(!photo.jpeg.windows(4).any(|w| w == b"Exif"));
    // Orientation 6 means the camera was turned: the stored picture is turned upright.
    assert_eq!((photo.width, photo.height), (20, 40));
    let stored = image::load_from_memory(&photo.jpeg).unwrap();
    assert_eq!((stored.width(), stored.height()), (20, 40));
}

#[test]
fn large_pictures_shrink_to_1600_pixels_keeping_their_shape() {
    let photo = reencode(&png(4000, 3000)).unwrap();
    assert_eq!((photo.width, photo.height), (1600, 1200));
    let small = reencode(&jpeg(300, 200)).unwrap();
    assert_eq!((small.width, small.height), (300, 200));
}

#[test]
fn webp_is_accepted() {
    let picture = RgbImage::from_pixel(64, 48, image::Rgb([200, 30, 30]));
    let mut webp = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut webp), ImageFormat::WebP)
        .unwrap();
    assert_eq!(reencode(&webp).unwrap().width, 64);
}

#[test]
fn what_is_not_a_photo_is_refused_with_its_reason() {
    assert_eq!(
        reencode(b"<script>alert(1)</script>").unwrap_err(),
        PhotoError::NotAPicture
    );
    assert_eq!(
        reencode(b"GIF89a....").unwrap_err(),
        PhotoError::NotAPicture
    );
    let truncated = jpeg(100, 100);
    assert_eq!(
        reencode(&truncated[..truncated.len() / 3]).unwrap_err(),
        PhotoError::NotAPicture
    );
    assert_eq!(
        reencode(&vec![0xFF; MAX_UPLOAD_BYTES + 1]).unwrap_err(),
        PhotoError::TooLarge
    );
    assert_eq!(
        reencode(&png(13_000, 1)).unwrap_err(),
        PhotoError::TooManyPixels
    );
}

#[test]
fn names_come_from_content_and_only_such_names_are_valid() {
    let a = reencode(&jpeg(30, 30)).unwrap();
    let b = reencode(&jpeg(31, 30)).unwrap();
    assert_ne!(a.file_name(), b.file_name());
    assert_eq!(a.file_name(), reencode(&jpeg(30, 30)).unwrap().file_name());
    assert!(is_photo_name(&a.file_name()));
    for bad in [
        "../etc/passwd",
        "x.jpg",
        &a.file_name().replace(".jpg", ".png"),
    ] {
        assert!(!is_photo_name(bad), "{bad}");
    }
}
