//! Finds the bundle's file names in the site's `pkg/` directory at start-up (see
//! `ui::assets`), and which of them are fingerprinted, so they are served as immutable.
//!
//! Read from the directory rather than from cargo-leptos's `hash.txt`, which Leptos looks
//! for beside the running binary: the container image and the tests run the server from
//! elsewhere, with the site wherever `LEPTOS_SITE_ROOT` says.

use crate::ui::assets::Assets;
use leptos::config::LeptosOptions;
use std::path::Path;
use std::time::SystemTime;

/// `Cache-Control` of a fingerprinted file: its name changes whenever its content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The bundle's addresses, and the fingerprinted ones among them.
pub fn find(options: &LeptosOptions) -> (Assets, Vec<String>) {
    let plain = Assets::plain(options);
    let dir = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let name = options.output_name.as_ref();
    let url = |file: &str| format!("/{}/{file}", options.site_pkg_dir);
    let mut hashed = Vec::new();
    let mut pick = |ext: &str, fallback: String| match newest_hashed(&dir, name, ext) {
        Some(file) => {
            hashed.push(url(&file));
            url(&file)
        }
        None => fallback,
    };
    let assets = Assets {
        js: pick("js", plain.js),
        wasm: pick("wasm", plain.wasm),
        css: pick("css", plain.css),
    };
    (assets, hashed)
}

/// The newest `{name}.{hash}.{ext}` in `dir` (cargo-leptos empties `pkg/` before it
/// builds, so there is one; a copied-over older build loses to the newer).
fn newest_hashed(dir: &Path, name: &str, ext: &str) -> Option<String> {
    let entries = std::fs::read_dir(dir).ok()?;
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let file = e.file_name().into_string().ok()?;
            let hash = file
                .strip_prefix(name)?
                .strip_prefix('.')?
                .strip_suffix(ext)?
                .strip_suffix('.')?;
            let is_hash = !hash.is_empty()
                && hash
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            let modified = e.metadata().and_then(|m| m.modified()).ok();
            is_hash.then(|| (modified.unwrap_or(SystemTime::UNIX_EPOCH), file))
        })
        .max()
        .map(|(_, file)| file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(root: &Path) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("scim-ledger")
            .site_root(root.to_string_lossy().as_ref())
            .site_pkg_dir("pkg")
            .build()
    }

    #[test]
    fn hashed_names_are_found_and_plain_names_stand_without_them() {
        let root = tempfile::tempdir().unwrap();
        let (assets, hashed) = find(&options(root.path()));
        assert_eq!(assets, Assets::plain(&options(root.path())));
        assert!(hashed.is_empty());

        let pkg = root.path().join("pkg");
        std::fs::create_dir(&pkg).unwrap();
        for file in [
            "scim-ledger.Ab-9_x.js",
            "scim-ledger.Zz1.wasm",
            "scim-ledger.Zz1.d.ts",
            "scim-ledger.css",
            "other.Q1.css",
        ] {
            std::fs::write(pkg.join(file), "x").unwrap();
        }
        let (assets, hashed) = find(&options(root.path()));
        assert_eq!(assets.js, "/pkg/scim-ledger.Ab-9_x.js");
        assert_eq!(assets.wasm, "/pkg/scim-ledger.Zz1.wasm");
        assert_eq!(assets.css, "/pkg/scim-ledger.css", "no hashed stylesheet");
        assert_eq!(
            hashed,
            ["/pkg/scim-ledger.Ab-9_x.js", "/pkg/scim-ledger.Zz1.wasm"]
        );
    }
}
