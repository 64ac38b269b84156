use std::io::Cursor;

use image::{ImageDecoder, ImageReader, RgbImage};

use super::*;

#[path = "../../tests/support/images.rs"]
mod images;
use images::{bomb_png, jpeg, png, with_exif};

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
    assert!(a.file_name().ends_with(".30x30.jpg"));
    assert_eq!(crate::idea::photo_size(&a.file_name()), Some((30, 30)));
    for bad in [
        "x.1x1.jpg",
        "../../../../../../../../../../etc.1x1.jpg",
        &format!("{}.0x5.jpg", "a".repeat(32)),
        &format!("{}.jpg", "a".repeat(32)),
        &format!("{}.evil.30x30.jpg", "a".repeat(32)),
        "../etc/passwd",
        "x.jpg",
        &a.file_name().replace(".jpg", ".png"),
    ] {
        assert!(!is_photo_name(bad), "{bad}");
    }
}

#[test]
fn a_decompression_bomb_is_refused_from_its_header_before_decoding() {
    // 1.15 GB decoded from about a megabyte: refused as too many pixels, fast (decoding it
    // would take seconds and the memory test in the HTTP tests would see it).
    let bomb = bomb_png(12_000, 12_000, true);
    assert!(bomb.len() < 2 * 1024 * 1024, "{}", bomb.len());
    let header = ImageReader::new(Cursor::new(&bomb))
        .with_guessed_format()
        .unwrap()
        .into_decoder()
        .unwrap();
    assert_eq!(header.dimensions(), (12_000, 12_000), "a well-formed PNG");
    let started = std::time::Instant::now();
    assert_eq!(reencode(&bomb).unwrap_err(), PhotoError::TooManyPixels);
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    // Within the sides but over the pixels, and deep colour over the bytes.
    assert_eq!(
        reencode(&bomb_png(8_000, 6_000, false)).unwrap_err(),
        PhotoError::TooManyPixels
    );
    assert_eq!(
        reencode(&bomb_png(6_000, 5_000, true)).unwrap_err(),
        PhotoError::TooManyPixels
    );
}

#[test]
fn a_picture_at_the_budget_is_still_taken() {
    // 40 megapixels of 8-bit RGBA: the most a phone's full-resolution mode makes.
    let photo = reencode(&bomb_png(8_000, 5_000, false)).unwrap();
    assert_eq!((photo.width, photo.height), (1600, 1000));
}

#[test]
fn the_same_photo_stored_by_many_at_once_is_stored_whole_and_leaves_nothing_behind() {
    // The same photo sent twice at once: both writers have one name and must both succeed.
    let dir = tempfile::tempdir().unwrap();
    let photo = reencode(&jpeg(1600, 1200)).unwrap();
    for round in 0..20 {
        let photos = dir.path().join(format!("round-{round}"));
        let start = std::sync::Barrier::new(8);
        let names: Vec<String> = std::thread::scope(|scope| {
            let writers: Vec<_> = (0..8)
                .map(|_| {
                    scope.spawn(|| {
                        start.wait();
                        photo.store_in(&photos)
                    })
                })
                .collect();
            writers
                .into_iter()
                .map(|w| w.join().unwrap().unwrap())
                .collect()
        });
        assert!(names.iter().all(|name| *name == photo.file_name()));
        let files: Vec<_> = std::fs::read_dir(&photos)
            .unwrap()
            .map(|f| f.unwrap().file_name())
            .collect();
        assert_eq!(
            files,
            [std::ffi::OsString::from(photo.file_name())],
            "one file, no partial"
        );
        assert_eq!(std::fs::read(photos.join(&names[0])).unwrap(), photo.jpeg);
    }
}
