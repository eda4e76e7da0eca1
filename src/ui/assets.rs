//! The addresses of the site's bundle: the islands' JavaScript and wasm, and the stylesheet.
//!
//! With cargo-leptos's `hash-files` (Cargo.toml) each name carries a hash of its content,
//! `/pkg/scim-ledger.<hash>.wasm`, so a browser may keep it for a year: a new build has new
//! names. The server finds the names in the site's `pkg/` directory when it starts
//! (`server::assets`) and provides them as context; without hashed files (`cargo test`, a
//! plain `cargo build`) the plain names stand.

use leptos::config::LeptosOptions;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assets {
    pub js: String,
    pub wasm: String,
    pub css: String,
}

impl Assets {
    /// The names without hashes. cargo-leptos names the wasm after the crate; a plain
    /// wasm-bindgen build adds `_bg`.
    pub fn plain(options: &LeptosOptions) -> Assets {
        let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
        let wasm_suffix = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
            ""
        } else {
            "_bg"
        };
        Assets {
            js: format!("{pkg}.js"),
            wasm: format!("{pkg}{wasm_suffix}.wasm"),
            css: format!("{pkg}.css"),
        }
    }
}

/// The bundle's addresses for the page being rendered.
pub fn use_assets() -> Assets {
    leptos::prelude::use_context::<Assets>().unwrap_or_else(|| {
        Assets::plain(
            &LeptosOptions::builder()
                .output_name("scim-ledger")
                .site_pkg_dir("pkg")
                .build(),
        )
    })
}
