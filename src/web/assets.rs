//! The public files under `/assets` (the style sheet, icons): built in, or from the
//! folder given by `--assets`. Each answer carries its content type, an `ETag` and a
//! cache lifetime; a matching `If-None-Match` gets 304. The translation catalogues in
//! `locales/` are compiled into the binary and never served.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::UNIX_EPOCH;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::{AppError, AppState};
use crate::domain::lang::Lang;
use crate::files::Folder;

/// How long a browser may keep a file without asking again.
const CACHE_CONTROL: &str = "public, max-age=3600";

/// Folders under the assets that are not public (the design system's sources: its
/// pages use the one file `designsystemet.css` its update script writes).
const PRIVATE: &[&str] = &["locales", "designsystemet"];

/// ETags of built-in files, by the address of their bytes (computed once per file).
static EMBEDDED_TAGS: LazyLock<Mutex<HashMap<usize, String>>> = LazyLock::new(Default::default);

pub async fn serve(
    State(state): State<AppState>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    file(&state, &path, &headers).await
}

/// What crawlers may index: `robots.txt` of the assets (built in, or the `--assets`
/// folder's).
pub async fn robots(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    file(&state, "robots.txt", &headers).await
}

/// The icon browsers and feed readers ask for at `/favicon.ico`: the site's SVG icon.
pub async fn favicon(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    file(&state, "favicon.svg", &headers).await
}

async fn file(state: &AppState, path: &str, headers: &HeaderMap) -> Result<Response, AppError> {
    if path
        .split('/')
        .next()
        .is_some_and(|first| PRIVATE.contains(&first))
    {
        return Err(AppError::NotFound);
    }
    let (bytes, tag) = find(&state.config.assets, path).await?;
    let tag_value = HeaderValue::from_str(&tag).map_err(|e| AppError::Internal(e.to_string()))?;
    let cache = HeaderValue::from_static(CACHE_CONTROL);
    if fresh(headers, &tag) {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, tag_value), (header::CACHE_CONTROL, cache)],
        )
            .into_response());
    }
    Ok((
        [
            (header::CONTENT_TYPE, content_type(path)),
            (header::ETAG, tag_value),
            (header::CACHE_CONTROL, cache),
        ],
        bytes,
    )
        .into_response())
}

/// The file at `path` with its ETag: a digest of a built-in file's bytes, or the
/// modification time and size of a file on disk.
async fn find(folder: &Folder, path: &str) -> Result<(Body, String), AppError> {
    let internal = |e: std::io::Error| AppError::Internal(e.to_string());
    match folder {
        Folder::Embedded { .. } => {
            let bytes = folder
                .read(path)
                .map_err(internal)?
                .ok_or(AppError::NotFound)?;
            let tag = embedded_tag(&bytes);
            Ok((Body::from(bytes), tag))
        }
        Folder::Disk(dir) => {
            let (folder, file, name) = (folder.clone(), dir.join(path), path.to_string());
            let found = tokio::task::spawn_blocking(move || {
                let Some(bytes) = folder.read(&name)? else {
                    return Ok(None);
                };
                let modified = std::fs::metadata(&file)?
                    .modified()?
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or_default();
                let tag = format!("\"{:x}-{:x}\"", modified.as_nanos(), bytes.len());
                Ok::<_, std::io::Error>(Some((bytes, tag)))
            })
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
            .map_err(internal)?
            .ok_or(AppError::NotFound)?;
            Ok((Body::from(found.0), found.1))
        }
    }
}

/// Whether the browser's copy (`If-None-Match`) is the file as it is.
fn fresh(headers: &HeaderMap, tag: &str) -> bool {
    headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"))
}

fn content_type(path: &str) -> HeaderValue {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let text = if mime.type_() == mime_guess::mime::TEXT {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static("application/octet-stream"))
}

/// A strong ETag from the content of a built-in file, remembered.
fn embedded_tag(bytes: &[u8]) -> String {
    let key = bytes.as_ptr() as usize;
    let mut tags = EMBEDDED_TAGS.lock().unwrap_or_else(|e| e.into_inner());
    tags.entry(key)
        .or_insert_with(|| {
            let digest = Sha256::digest(bytes);
            let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
            format!("\"{hex}\"")
        })
        .clone()
}

/// The print style sheet's page rules in one language (`/print/sv.css`): the running
/// header with the programme's name and the page numbers.
pub async fn print_rules(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let lang = file
        .strip_suffix(".css")
        .and_then(Lang::parse)
        .ok_or(AppError::NotFound)?;
    let name = state
        .programme
        .name
        .pick(lang, state.programme.default_language);
    let css = crate::render::print::page_rules(lang, name);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(CACHE_CONTROL),
            ),
        ],
        css,
    )
        .into_response())
}
