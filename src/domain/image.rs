//! Illustrations for the editorial texts: what an upload must be (a real PNG, JPEG, WebP
//! or GIF by its content, not its name; within the size limit; with alt text).

use super::form::{self, FieldErrors};

/// The largest image accepted.
pub const IMAGE_MAX: usize = 5 * 1024 * 1024;
pub const ALT_MAX: usize = 300;

/// A checked upload: its content type and the file extension of its stored name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidImage {
    pub mime: &'static str,
    pub extension: &'static str,
    pub alt: String,
}

/// Checks an upload by its bytes (the name and the browser's claimed type are ignored).
pub fn check(bytes: &[u8], alt: &str) -> Result<ValidImage, FieldErrors> {
    let mut errors = FieldErrors::new();
    let alt = form::required(&mut errors, "alt", alt);
    form::max_chars(&mut errors, "alt", &alt, ALT_MAX);
    let kind = if bytes.is_empty() {
        errors.add("file", "error-image-missing");
        None
    } else if bytes.len() > IMAGE_MAX {
        errors.add("file", "error-image-too-large");
        None
    } else {
        match infer::get(bytes).map(|k| k.mime_type()) {
            Some("image/png") => Some(("image/png", "png")),
            Some("image/jpeg") => Some(("image/jpeg", "jpg")),
            Some("image/webp") => Some(("image/webp", "webp")),
            Some("image/gif") => Some(("image/gif", "gif")),
            _ => {
                errors.add("file", "error-image-type");
                None
            }
        }
    };
    match kind {
        Some((mime, extension)) if errors.is_empty() => Ok(ValidImage {
            mime,
            extension,
            alt,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
    ];

    #[test]
    fn an_image_is_known_by_its_content_and_needs_alt_text() {
        let ok = check(PNG, "Karta över regionerna").unwrap();
        assert_eq!((ok.mime, ok.extension), ("image/png", "png"));
        let errors = check(PNG, "  ").unwrap_err();
        assert_eq!(errors.get("alt"), Some("error-required"));
        // A script named .png is not an image.
        let errors = check(b"<script>alert(1)</script>", "Bild").unwrap_err();
        assert_eq!(errors.get("file"), Some("error-image-type"));
        let errors = check(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "Bild").unwrap_err();
        assert_eq!(errors.get("file"), Some("error-image-type"));
        let big = [PNG, &vec![0u8; IMAGE_MAX]].concat();
        assert_eq!(
            check(&big, "Bild").unwrap_err().get("file"),
            Some("error-image-too-large")
        );
        assert_eq!(
            check(&[], "Bild").unwrap_err().get("file"),
            Some("error-image-missing")
        );
    }
}
