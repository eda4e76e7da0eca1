//! What a browser downloads (issue 16): validators and 304s, and no data sent twice.

use crate::common;
use axum::http::StatusCode;

/// GET `path`, then GET it again with its `ETag` in `If-None-Match`: the tag and the second
/// answer.
async fn revalidate(path: &str) -> (String, common::Page) {
    let addr = common::server_addr();
    let first = common::get_at(addr, path).await;
    assert_eq!(first.status, StatusCode::OK, "{path}");
    let tag = first.header("etag");
    assert!(
        tag.starts_with("W/\"") && tag.len() > 6,
        "{path}: etag `{tag}`"
    );
    let again = common::get_with_headers(
        addr,
        path,
        &[
            &format!("If-None-Match: {tag}"),
            "Accept-Encoding: br, gzip",
        ],
    )
    .await;
    (tag, again)
}

#[test]
fn a_page_a_json_and_a_csv_answer_304_to_their_etag() {
    common::block_on(async {
        for path in [
            "/vendors/mode",
            "/calculator?vendor=mode&users=120",
            "/api/vendors/mode",
            "/api/cost?vendor=mode&users=20",
            "/vendors.csv?sort=-price",
            "/compare.csv?vendors=mode,ironclad&users=120",
            "/chart.svg?vendor=mode&users=120",
            "/api/vendor-search?q=mo",
        ] {
            let (tag, again) = revalidate(path).await;
            assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{path}");
            assert!(again.bytes.is_empty(), "{path}: a 304 has no body");
            assert_eq!(again.header("etag"), tag, "{path}");
        }
        // The Cache-Control choices stand: a page is private and asked for again.
        let (_, page) = revalidate("/vendors/mode").await;
        assert_eq!(page.header("cache-control"), "private, no-cache");
        // Its 304 sends no new policy: the browser's copy keeps the nonce it came with.
        assert_eq!(page.header("content-security-policy"), "");
    })
}

#[test]
fn a_page_keeps_its_etag_and_other_content_gets_another() {
    common::block_on(async {
        let tag = |path: &'static str| async move { common::get(path).await.header("etag") };
        // A page rendered again gets a new nonce and keeps its tag (`response` unit tests).
        assert_eq!(tag("/vendors/mode").await, tag("/vendors/mode").await);
        let tags = [
            tag("/vendors/mode").await,
            tag("/vendors/ironclad").await,
            tag("/api/cost?vendor=mode&users=10").await,
            tag("/api/cost?vendor=mode&users=20").await,
            tag("/vendors.csv").await,
            tag("/vendors.csv?sort=-price").await,
        ];
        for (i, a) in tags.iter().enumerate() {
            for b in &tags[i + 1..] {
                assert_ne!(a, b);
            }
        }
        // A stale tag gets the whole response.
        let stale = common::get_with_headers(
            common::server_addr(),
            "/api/vendors/mode",
            &["If-None-Match: W/\"0123456789abcdef\""],
        )
        .await;
        assert_eq!(stale.status, StatusCode::OK);
        assert!(stale.body.contains("\"slug\":\"mode\""));
    })
}

#[test]
fn pages_end_at_html_and_send_no_resource_data() {
    common::block_on(async {
        for path in [
            "/",
            "/vendors/mode",
            "/vendors/mimecast/api",
            "/calculator?vendor=mode&users=120",
            "/decide?vendor=mode",
            "/compare?vendors=mode,ironclad&users=120",
            "/sources",
            "/no-such-page",
        ] {
            let page = common::get(path).await;
            assert!(
                page.body.trim_end().ends_with("</html>"),
                "{path}: something after </html>: {}",
                &page.body[page.body.rfind("</html>").unwrap_or(0)..]
                    .chars()
                    .take(200)
                    .collect::<String>()
            );
            // Leptos's hydration data, moved inside <body>: empty, since no page sends its
            // data again as resources.
            assert!(
                page.body.contains("__RESOLVED_RESOURCES=[];"),
                "{path}: resource data in the page"
            );
            assert!(!page.body.contains("__RESOLVED_RESOURCES["), "{path}");
            let body_end = page.body.rfind("</body>").unwrap();
            assert!(page.body.find("__RESOLVED_RESOURCES").unwrap() < body_end);
        }
        // A guide's data is in its HTML once: no resource JSON, and island props without
        // the facts only the server renders (their JSON keys, escaped or not).
        let guide = common::get("/vendors/mode").await.body;
        assert!(guide.contains("data-props"));
        for key in ["summary", "idp_setup", "references", "admin_reports"] {
            for quoted in [format!("\"{key}\":"), format!("{key}&quot;:")] {
                assert!(!guide.contains(&quoted), "{quoted}");
            }
        }
    })
}

#[test]
fn fingerprinted_bundle_files_are_linked_and_served_as_immutable() {
    // A site as `cargo leptos build` leaves it with `hash-files = true`.
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).unwrap();
    let files = [
        ("scim-ledger.Tq3xJ9yKpL0bW2cV4dF6gA.js", "export default 1;"),
        ("scim-ledger.h8Gf7Ds6Aa5Ss4Dd3Ff2Gg.wasm", "\0asm"),
        ("scim-ledger.Zx9Cv8Bn7Mm6Ll5Kk4Jj3H.css", "body{}"),
        ("notes.txt", "not part of the bundle"),
    ];
    for (name, text) in files {
        std::fs::write(pkg.join(name), text).unwrap();
    }
    let addr = common::start_with_site(common::catalog(), site.path());
    common::block_on(async {
        let page = common::get_at(addr, "/vendors/mode").await;
        page.shows(&[
            "\"/pkg/scim-ledger.Tq3xJ9yKpL0bW2cV4dF6gA.js\"",
            "\"/pkg/scim-ledger.h8Gf7Ds6Aa5Ss4Dd3Ff2Gg.wasm\"",
            "href=\"/pkg/scim-ledger.Zx9Cv8Bn7Mm6Ll5Kk4Jj3H.css\"",
        ]);
        assert!(!page.body.contains("/pkg/scim-ledger.css"));
        assert_eq!(page.header("cache-control"), "private, no-cache");
        for (name, text) in &files[..3] {
            let file = common::get_at(addr, &format!("/pkg/{name}")).await;
            assert_eq!(file.status, StatusCode::OK, "{name}");
            assert_eq!(file.bytes, text.as_bytes(), "{name}");
            assert_eq!(
                file.header("cache-control"),
                "public, max-age=31536000, immutable",
                "{name}"
            );
        }
        // Other static files keep no such promise.
        let other = common::get_at(addr, "/pkg/notes.txt").await;
        assert_eq!(other.status, StatusCode::OK);
        assert_eq!(other.header("cache-control"), "");
        // The refusal page (before any handler) links the same stylesheet.
        let refused = common::get_at(addr, "/vendors/./mode").await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST);
        refused.shows(&["href=\"/pkg/scim-ledger.Zx9Cv8Bn7Mm6Ll5Kk4Jj3H.css\""]);
    })
}

#[test]
fn without_fingerprints_the_plain_bundle_names_stand() {
    common::block_on(async {
        let page = common::get("/vendors/mode").await;
        page.shows(&["href=\"/pkg/scim-ledger.css\"", "\"/pkg/scim-ledger.js\""]);
    })
}
