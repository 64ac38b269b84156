//! The islands' bundle and the style sheet, served under names that carry a hash of their
//! content and kept by browsers for a year.
//!
//! Residents come back on slow phones: with fixed names every visit asked again for the
//! JavaScript, WebAssembly and CSS (or, worse, a cache mixed an upgrade's new HTML with the old
//! bundle). At start-up the server reads the three built files once, names them
//! `klimadialog.{hash}.js|wasm|css` and serves them from memory with `Cache-Control: public,
//! max-age=31536000, immutable`; every page names these files (`AssetNames`, given to the
//! shell). A new build means new names, so a page never references a file it was not built
//! with, and the old names are simply not found any more.
//!
//! The fixed names stay for what cannot know the hash (the static fault pages), answered with
//! `no-cache` and an `ETag` so a browser revalidates them cheaply.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use klimadialog_app::assets::AssetNames;
use sha2::{Digest, Sha256};

/// Where the built files are, under the site root.
const PKG: &str = "pkg";
/// The build's output name (`output-name` in the workspace's Leptos metadata).
const OUTPUT: &str = "klimadialog";

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

pub struct Assets {
    names: AssetNames,
    /// By path (`/pkg/…`): the hashed names and the fixed ones.
    files: HashMap<String, Arc<File>>,
}

struct File {
    content_type: &'static str,
    plain: Bytes,
    /// Made on the first request that accepts it, not at start-up: tests start many servers.
    gzip: OnceLock<Bytes>,
    /// The hash in the name, also the fixed name's `ETag`.
    hash: String,
}

/// The first 16 hex digits of the SHA-256 of `parts`: short enough for a file name, and a
/// collision between two builds would need 2^32 of them.
fn hash_of(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Assets {
    /// Reads the built files under `site_root`. Without them (a server started on a site root
    /// that was never built, as in most HTTP tests) pages name the fixed files, which the
    /// site's static file service answers or not, as before.
    pub fn load(site_root: &Path) -> Arc<Assets> {
        let mut assets = Assets {
            names: AssetNames::default(),
            files: HashMap::new(),
        };
        let pkg = site_root.join(PKG);
        let read = |ext: &str| std::fs::read(pkg.join(format!("{OUTPUT}.{ext}")));
        // The loader and the bundle are made together by wasm-bindgen and only work together:
        // one hash, taken over both.
        if let (Ok(js), Ok(wasm)) = (read("js"), read("wasm")) {
            let hash = hash_of(&[&js, &wasm]);
            let stem = format!("{OUTPUT}.{hash}");
            let js = File::new("text/javascript", js, &hash);
            let wasm = File::new("application/wasm", wasm, &hash);
            assets.add(&format!("/{PKG}/{stem}.js"), &js);
            assets.add(&format!("/{PKG}/{stem}.wasm"), &wasm);
            // `HydrationScripts` adds wasm-bindgen's `_bg` when the build did not go through
            // cargo-leptos (which sets LEPTOS_OUTPUT_NAME).
            assets.add(&format!("/{PKG}/{stem}_bg.wasm"), &wasm);
            assets.add(&format!("/{PKG}/{OUTPUT}.js"), &js);
            assets.add(&format!("/{PKG}/{OUTPUT}.wasm"), &wasm);
            assets.names.script_stem = stem;
        } else {
            tracing::warn!(site_root = %site_root.display(), "no built islands bundle under the site root: pages work without JavaScript only");
        }
        assets.add_hashed(&format!("/{PKG}/{OUTPUT}.css"), read("css"));
        // The small scripts some pages load and the icon, copied from `public/`.
        for entry in std::fs::read_dir(site_root).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if [".js", ".svg"].iter().any(|ext| name.ends_with(ext)) {
                assets.add_hashed(&format!("/{name}"), std::fs::read(entry.path()));
            }
        }
        Arc::new(assets)
    }

    fn add(&mut self, path: &str, file: &Arc<File>) {
        self.files.insert(path.to_owned(), file.clone());
    }

    /// Serves `bytes` at `fixed` and at its hashed name, which pages use.
    fn add_hashed(&mut self, fixed: &str, bytes: std::io::Result<Vec<u8>>) {
        let Ok(bytes) = bytes else { return };
        let Some((stem, ext)) = fixed.rsplit_once('.') else {
            return;
        };
        let content_type = match ext {
            "css" => "text/css; charset=utf-8",
            "js" => "text/javascript",
            "svg" => "image/svg+xml",
            _ => return,
        };
        let hash = hash_of(&[&bytes]);
        let hashed = format!("{stem}.{hash}.{ext}");
        let file = File::new(content_type, bytes, &hash);
        self.add(&hashed, &file);
        self.add(fixed, &file);
        self.names.hashed.insert(fixed.to_owned(), hashed);
    }

    /// The names pages reference.
    pub fn names(&self) -> &AssetNames {
        &self.names
    }
}

impl File {
    fn new(content_type: &'static str, bytes: Vec<u8>, hash: &str) -> Arc<File> {
        Arc::new(File {
            content_type,
            plain: Bytes::from(bytes),
            gzip: OnceLock::new(),
            hash: hash.to_owned(),
        })
    }

    fn gzip(&self) -> Bytes {
        self.gzip
            .get_or_init(|| {
                let mut encoder =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                // Writing to a Vec cannot fail.
                let _ = encoder.write_all(&self.plain);
                Bytes::from(encoder.finish().unwrap_or_default())
            })
            .clone()
    }
}

/// Answers GET and HEAD of the built files from memory; everything else goes on.
pub async fn serve(State(assets): State<Arc<Assets>>, request: Request, next: Next) -> Response {
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        return next.run(request).await;
    }
    let Some(file) = assets.files.get(request.uri().path()).cloned() else {
        return next.run(request).await;
    };
    let hashed = request.uri().path().contains(&file.hash);
    let etag = format!("\"{}\"", file.hash);
    let mut headers = HeaderMap::new();
    let cache = if hashed { IMMUTABLE } else { "no-cache" };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    let revalidated = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|tag| tag.trim().trim_start_matches("W/") == etag)
        });
    if revalidated {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(file.content_type),
    );
    let body = if crate::page_cache::accepts_gzip(request.headers()) {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        file.gzip()
    } else {
        file.plain.clone()
    };
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    let body = if request.method() == Method::HEAD {
        Body::empty()
    } else {
        Body::from(body)
    };
    (StatusCode::OK, headers, body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_change_with_content_and_only_then() {
        let dir = tempfile::tempdir().unwrap();
        let pkg = dir.path().join(PKG);
        std::fs::create_dir_all(&pkg).unwrap();
        let write = |name: &str, text: &str| std::fs::write(pkg.join(name), text).unwrap();
        write("klimadialog.js", "loader");
        write("klimadialog.wasm", "bundle");
        write("klimadialog.css", "body{}");
        std::fs::write(dir.path().join("live-list.js"), "list").unwrap();
        std::fs::write(dir.path().join("robots.txt"), "User-agent: *").unwrap();
        let first = Assets::load(dir.path());
        assert!(first.names().script_stem.starts_with("klimadialog."));
        let hashed = &first.names().hashed;
        assert!(
            hashed["/live-list.js"].starts_with("/live-list."),
            "{hashed:?}"
        );
        assert!(hashed["/pkg/klimadialog.css"].starts_with("/pkg/klimadialog."));
        assert!(
            !hashed.contains_key("/robots.txt"),
            "crawlers ask for it by its name"
        );
        assert_eq!(Assets::load(dir.path()).names(), first.names());
        write("klimadialog.css", "body{color:red}");
        let second = Assets::load(dir.path());
        let css = |a: &Assets| a.names().hashed["/pkg/klimadialog.css"].clone();
        assert_ne!(css(&second), css(&first));
        assert_eq!(second.names().script_stem, first.names().script_stem);
        // The length prefix keeps content from moving between the two files unnoticed.
        write("klimadialog.js", "loaderb");
        write("klimadialog.wasm", "undle");
        assert_ne!(
            Assets::load(dir.path()).names().script_stem,
            first.names().script_stem
        );
    }

    #[test]
    fn without_a_build_pages_name_the_fixed_files() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Assets::load(dir.path()).names(), &AssetNames::default());
    }
}
