//! Illustrations for the editorial texts: what an upload must be (a PNG, JPEG, WebP or
//! GIF image that decodes, known by its content, not its name; within the size limits
//! in bytes, in pixels and in memory while decoding; with alt text), and what is kept of
//! it: only its pixels, encoded again (JPEG stays JPEG, the others become PNG), so no
//! trailing bytes, comments, metadata (such as a camera's position) or script survive.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{ImageError, ImageFormat, ImageReader, Limits};

use super::form::{self, FieldErrors};

/// The largest file accepted.
pub const IMAGE_MAX: usize = 5 * 1024 * 1024;
pub const ALT_MAX: usize = 300;
/// The widest and tallest image accepted, in pixels.
pub const SIDE_MAX: u32 = 5_000;
/// The most memory decoding may take: a full-size image in 8-bit RGBA fits.
pub const DECODED_MAX: u64 = 100 * 1024 * 1024;
/// The quality a JPEG is encoded again at.
const JPEG_QUALITY: u8 = 88;

/// A checked upload, encoded again: its content type, the file extension of its stored
/// name, its size in pixels, and the bytes to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidImage {
    pub mime: &'static str,
    pub extension: &'static str,
    pub alt: String,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// Checks an upload by decoding it (the name and the browser's claimed type are
/// ignored) within the limits, and encodes its pixels again.
pub fn check(bytes: &[u8], alt: &str) -> Result<ValidImage, FieldErrors> {
    let mut errors = FieldErrors::new();
    let alt = form::required(&mut errors, "alt", alt);
    form::max_chars(&mut errors, "alt", &alt, ALT_MAX);
    let image = if bytes.is_empty() {
        Err("error-image-missing")
    } else if bytes.len() > IMAGE_MAX {
        Err("error-image-too-large")
    } else {
        reencode(bytes)
    };
    match image {
        Ok((mime, extension, width, height, bytes)) if errors.is_empty() => Ok(ValidImage {
            mime,
            extension,
            alt,
            width,
            height,
            bytes,
        }),
        Ok(_) => Err(errors),
        Err(key) => {
            errors.add("file", key);
            Err(errors)
        }
    }
}

type Reencoded = (&'static str, &'static str, u32, u32, Vec<u8>);

/// Decodes within the limits and encodes the pixels again; the error is a message key.
fn reencode(bytes: &[u8]) -> Result<Reencoded, &'static str> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| "error-image-type")?;
    let format = reader.format();
    if !matches!(
        format,
        Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP | ImageFormat::Gif)
    ) {
        return Err("error-image-type");
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(SIDE_MAX);
    limits.max_image_height = Some(SIDE_MAX);
    limits.max_alloc = Some(DECODED_MAX);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| match e {
        ImageError::Limits(_) => "error-image-pixels",
        _ => "error-image-broken",
    })?;
    let (width, height) = (image.width(), image.height());
    let mut out = Cursor::new(Vec::new());
    let (mime, extension) = if format == Some(ImageFormat::Jpeg) {
        let encoder = JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
        image
            .to_rgb8()
            .write_with_encoder(encoder)
            .map_err(|_| "error-image-broken")?;
        ("image/jpeg", "jpg")
    } else {
        image
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|_| "error-image-broken")?;
        ("image/png", "png")
    };
    Ok((mime, extension, width, height, out.into_inner()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        image::RgbaImage::from_pixel(width, height, image::Rgba([11, 79, 138, 255]))
            .write_to(&mut out, ImageFormat::Png)
            .unwrap();
        out.into_inner()
    }

    /// The CRC of a PNG chunk (type and data), as the format defines it.
    fn crc(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    /// A small real PNG whose header claims `width`×`height` at `depth` bits RGBA.
    fn claiming(width: u32, height: u32, depth: u8) -> Vec<u8> {
        let mut bytes = png(2, 2);
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend(width.to_be_bytes());
        ihdr.extend(height.to_be_bytes());
        ihdr.extend([depth, 6, 0, 0, 0]);
        bytes[12..29].copy_from_slice(&ihdr);
        bytes[29..33].copy_from_slice(&crc(&ihdr).to_be_bytes());
        bytes
    }

    #[test]
    fn an_image_is_known_by_decoding_it_and_needs_alt_text() {
        let ok = check(&png(3, 2), "Karta över regionerna").unwrap();
        assert_eq!((ok.mime, ok.extension), ("image/png", "png"));
        assert_eq!((ok.width, ok.height), (3, 2));
        let errors = check(&png(3, 2), "  ").unwrap_err();
        assert_eq!(errors.get("alt"), Some("error-required"));
        // A script named .png is not an image.
        let errors = check(b"<script>alert(1)</script>", "Bild").unwrap_err();
        assert_eq!(errors.get("file"), Some("error-image-type"));
        let errors = check(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "Bild").unwrap_err();
        assert_eq!(errors.get("file"), Some("error-image-type"));
        // Nor is a PNG's signature followed by one.
        let header = [&png(1, 1)[..16], b"<script>alert(1)</script>"].concat();
        let errors = check(&header, "Bild").unwrap_err();
        assert_eq!(errors.get("file"), Some("error-image-broken"));
        let big = [&png(1, 1)[..], &vec![0u8; IMAGE_MAX]].concat();
        assert_eq!(
            check(&big, "Bild").unwrap_err().get("file"),
            Some("error-image-too-large")
        );
        assert_eq!(
            check(&[], "Bild").unwrap_err().get("file"),
            Some("error-image-missing")
        );
    }

    #[test]
    fn an_image_too_large_in_pixels_or_memory_is_refused_before_it_is_decoded() {
        // The check is valid: the crafted header is read as it claims.
        assert_eq!(check(&claiming(2, 2, 8), "Bild").unwrap().width, 2);
        for (width, height, depth) in [
            (20_000, 20_000, 8),
            (65_535, 65_535, 8),
            (SIDE_MAX + 1, 10, 8),
            // Within the sides, but 16-bit RGBA takes more memory than allowed.
            (SIDE_MAX, SIDE_MAX, 16),
        ] {
            let errors = check(&claiming(width, height, depth), "Bild").unwrap_err();
            assert_eq!(
                errors.get("file"),
                Some("error-image-pixels"),
                "{width}×{height}"
            );
        }
    }

    #[test]
    fn only_the_pixels_are_kept() {
        let mut bytes = png(2, 2);
        // Anything after the image's end, as a polyglot file would carry.
        bytes.extend(b"<script>alert(1)</script>");
        let kept = check(&bytes, "Bild").unwrap();
        assert!(!kept.bytes.windows(7).any(|w| w == b"<script"));
        let again = image::load_from_memory(&kept.bytes).unwrap();
        assert_eq!((again.width(), again.height()), (2, 2));
    }
}
