//! Link-preview cards (issue 15): every page names its card in `og:image`; the card is a
//! 1200×630 PNG, the same bytes for the same address, with an ETag and 304; it states the
//! page's own figures; hostile names stay text and are cut to their box; a query a page
//! would refuse gets the site card, never an error. The SVG of each card type is kept as a
//! snapshot (`tests/snapshots/card_*.svg`, see `chart_snapshots`).

use crate::common::{
    self, attr, catalog, figure, get, get_with_headers, row, server_addr, text, texts,
};
use axum::http::StatusCode;
use resvg::usvg;
use scim_ledger::domain::catalog::Catalog;
use scim_ledger::domain::url::Query;
use scim_ledger::render::card::{self, HEIGHT, WIDTH};
use scim_ledger::server::og_image::Fonts;
use std::sync::Arc;

/// Each page type, with a scenario where it reads one.
const PAGES: [&str; 7] = [
    "/",
    "/vendors/mode",
    "/vendors/mimecast/api",
    "/calculator?vendor=mode&users=120",
    "/compare?vendors=mode,ironclad&users=120",
    "/decide?vendor=mode&users=120&automate=yes",
    "/no-such-page",
];

/// Width and height of a PNG, decoded.
#[track_caller]
fn png_size(bytes: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(bytes);
    let reader = decoder.read_info().expect("a PNG");
    let info = reader.info();
    (info.width, info.height)
}

/// The path and query of an absolute URL on the test server.
fn local(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    &rest[rest.find('/').unwrap_or(rest.len())..]
}

/// The SVG of the card at `image` (path and query), as the server draws it.
pub fn card_svg(catalog: &Catalog, image: &str) -> String {
    let (path, query) = image.split_once('?').unwrap_or((image, ""));
    let page = scim_ledger::domain::routes::card_page(path).expect("a card path");
    card::for_page(catalog, &page, &Query::parse(query), Fonts::get())
}

/// The text of the element `id` in a card's SVG: a line, or a paragraph's lines joined.
#[track_caller]
fn card_text(svg: &str, id: &str) -> String {
    let doc = usvg::roxmltree::Document::parse(svg).expect("the card is XML");
    let node = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no element `{id}` in the card"));
    let lines: Vec<String> = node
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|t| {
            t.descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect()
        })
        .collect();
    lines.join(" ")
}

#[test]
fn every_page_names_its_card_and_the_card_is_a_1200_by_630_png() {
    common::block_on(async {
        let origin = format!("http://{}", server_addr());
        for page in PAGES {
            let html = get(page).await.body;
            let image = attr(&html, "meta[property='og:image']", "content");
            assert!(
                image.starts_with(&format!("{origin}/og/")),
                "{page}: {image}"
            );
            assert_eq!(attr(&html, "meta[name='twitter:image']", "content"), image);
            assert_eq!(
                attr(&html, "meta[name='twitter:card']", "content"),
                "summary_large_image",
                "{page}"
            );
            if page != "/no-such-page" {
                // X draws no large-image card without a title.
                let title = attr(&html, "meta[property='og:title']", "content");
                assert!(!title.is_empty(), "{page}");
                assert_eq!(attr(&html, "meta[name='twitter:title']", "content"), title);
                let description = attr(&html, "meta[property='og:description']", "content");
                assert!(!description.is_empty(), "{page}");
            }
            assert_eq!(
                attr(&html, "meta[property='og:image:width']", "content"),
                "1200"
            );
            assert_eq!(
                attr(&html, "meta[property='og:image:height']", "content"),
                "630"
            );
            let first = get(local(&image)).await;
            assert_eq!(first.status, StatusCode::OK, "{image}");
            assert_eq!(first.content_type, "image/png", "{image}");
            assert_eq!(png_size(&first.bytes), (WIDTH, HEIGHT), "{image}");
            assert_eq!(first.header("cache-control"), "public, max-age=3600");
            assert_eq!(first.header("cross-origin-resource-policy"), "cross-origin");
            let again = get(local(&image)).await;
            assert!(again.bytes == first.bytes, "{image}: two answers differ");
            assert_eq!(again.header("etag"), first.header("etag"));
        }
    })
}

#[test]
fn the_card_reads_the_pages_canonical_query() {
    common::block_on(async {
        // A parameter the page does not read is not in the card's address either.
        let html = get("/calculator?utm_source=x&users=120&vendor=mode")
            .await
            .body;
        let image = attr(&html, "meta[property='og:image']", "content");
        assert!(
            image.ends_with("/og/calculator.png?vendor=mode&users=120"),
            "{image}"
        );
        // A guide's card is the vendor's, whatever the guide's calculator says.
        let html = get("/vendors/mode?users=120&automate=yes").await.body;
        let image = attr(&html, "meta[property='og:image']", "content");
        assert!(image.ends_with("/og/vendors/mode.png"), "{image}");
        // Junk and order do not change the bytes.
        let a = get("/og/calculator.png?vendor=mode&users=120").await;
        let b = get("/og/calculator.png?users=120&junk=1&vendor=mode").await;
        assert!(a.bytes == b.bytes);
        // ... and they are the scenario's own card, not the site card both could fall back to.
        let site = get("/og/no-such-page.png").await;
        assert!(
            a.bytes != site.bytes,
            "the scenario's card is the site card"
        );
    })
}

#[test]
fn an_unchanged_card_is_answered_with_304() {
    common::block_on(async {
        let uri = "/og/vendors/ironclad.png";
        let first = get(uri).await;
        let tag = first.header("etag");
        assert!(tag.starts_with('"') && tag.len() == 18, "{tag}");
        let addr = server_addr();
        let same = get_with_headers(addr, uri, &[&format!("If-None-Match: {tag}")]).await;
        assert_eq!(same.status, StatusCode::NOT_MODIFIED);
        assert!(same.bytes.is_empty());
        assert_eq!(same.header("etag"), tag);
        let listed = format!("If-None-Match: \"0\", W/{tag}");
        let weak = get_with_headers(addr, uri, &[&listed]).await;
        assert_eq!(weak.status, StatusCode::NOT_MODIFIED);
        let other = get_with_headers(addr, uri, &["If-None-Match: \"0\""]).await;
        assert_eq!(other.status, StatusCode::OK);
        assert!(other.bytes == first.bytes);
        // Pages have a weak tag of their own (tests/integration/bytes.rs), which `*` matches.
        let page = get_with_headers(addr, "/vendors/ironclad", &["If-None-Match: *"]).await;
        assert_eq!(page.status, StatusCode::NOT_MODIFIED);
        assert!(page.header("etag").starts_with("W/\""));
    })
}

#[test]
fn the_calculator_card_states_the_pages_figures() {
    common::block_on(async {
        // At 100 people, inside the 50 to 100 seats Mode's Enterprise range is reported for.
        // Manual: 20 changes × 60.6 min = 20.2 h × $60.28 = $1,218; 2 unused licences ×
        // $49 (Business/Pro's price per seat) × 12 = $1,176; 1 orphaned account × $248.71 =
        // $249.
        let page = "/calculator?vendor=mode&users=100";
        let html = get(page).await.body;
        let svg = card_svg(&catalog(), "/og/calculator.png?vendor=mode&users=100");
        assert_eq!(card_text(&svg, "title"), "Mode at 100 people");
        assert_eq!(
            card_text(&svg, "manual"),
            format!("{} a year", figure(&html, "total_annual_impact"))
        );
        assert_eq!(card_text(&svg, "manual"), "$2,643 a year");
        assert_eq!(card_text(&svg, "upgrade"), figure(&html, "difference"));
        assert_eq!(card_text(&svg, "upgrade"), "$8,800 to $52,800 less");
        // At 120 the range is not used: the card asks for a quote, as the page does.
        let wide = card_svg(&catalog(), "/og/calculator.png?vendor=mode&users=120");
        assert_eq!(
            card_text(&wide, "upgrade"),
            "no price at this size: quote needed"
        );
        let advice = text(&html, ".verdict .advice .action");
        let verdict = text(&html, ".verdict-text");
        assert_eq!(
            card_text(&svg, "verdict"),
            format!("Our advice: {advice}. {verdict}")
        );
        assert_eq!(
            card_text(&svg, "checked"),
            format!(
                "Data checked {}",
                scim_ledger::render::date::words(catalog().checked_on().unwrap())
            )
        );
        assert_eq!(card_text(&svg, "site"), "SCIM Ledger");
    })
}

#[test]
fn the_comparison_and_guide_cards_state_the_pages_figures() {
    common::block_on(async {
        let html = get("/compare?vendors=mode,ironclad,code42&users=120")
            .await
            .body;
        let svg = card_svg(
            &catalog(),
            "/og/compare.png?vendors=mode,ironclad,code42&users=120",
        );
        // The card leads with the page's bottom line: the same sentence, and each vendor's
        // standing in the words of the table's first row.
        assert_eq!(
            card_text(&svg, "headline"),
            text(&html, ".bottom-line-lead")
        );
        let standings = texts(&html, "table.compare tr.bottom-line td .standing");
        assert_eq!(standings.len(), 3);
        for (i, (standing, name)) in standings
            .iter()
            .zip(["Mode", "Ironclad", "Code42"])
            .enumerate()
        {
            assert_eq!(card_text(&svg, &format!("name-{i}")), name);
            // The card's line is the page's standing, shortened where it leads: its label
            // ("May be the cheapest") starts the page's words, and a vendor that costs
            // more says exactly what the page says.
            let line = card_text(&svg, &format!("standing-{i}"));
            let label = line.split(": ").next().unwrap_or_default();
            assert!(
                standing.starts_with(label),
                "{name}: card `{line}`, page `{standing}`"
            );
            if standing.starts_with("Costs") {
                assert_eq!(&line, standing);
            }
        }
        let manual = row(
            &html,
            "table.compare",
            "Staying manual (calculator defaults)",
        );
        assert!(card_text(&svg, "manual").ends_with(&format!("{} a year", manual[0])));

        let html = get("/vendors/mode").await.body;
        let svg = card_svg(&catalog(), "/og/vendors/mode.png");
        assert_eq!(card_text(&svg, "title"), "Mode");
        assert_eq!(
            card_text(&svg, "scim"),
            common::fact(&html, "SCIM available")
        );
        assert_eq!(
            card_text(&svg, "plan"),
            common::fact(&html, "Plan required for SCIM")
        );
        assert_eq!(
            card_text(&svg, "jump"),
            format!(
                "Price jump for SCIM: {}",
                common::fact(&html, "Price jump for SCIM")
            )
        );
        assert_eq!(
            card_text(&svg, "price"),
            "Custom (contact sales); reported: $6,000–$50,000 per year"
        );
    })
}

/// The card's text boxes all lie between the margins (60 px each side).
#[track_caller]
fn assert_text_inside(svg: &str, what: &str) {
    let tree = Fonts::get()
        .tree(svg)
        .unwrap_or_else(|| panic!("{what}: the card does not parse"));
    fn walk(group: &usvg::Group, out: &mut Vec<(usvg::Rect, String)>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) => {
                    let line = t.chunks().iter().map(|c| c.text()).collect();
                    out.push((t.abs_bounding_box(), line));
                }
                _ => {}
            }
        }
    }
    let mut boxes = Vec::new();
    walk(tree.root(), &mut boxes);
    assert!(
        boxes.len() >= 4,
        "{what}: only {} lines of text",
        boxes.len()
    );
    for (b, line) in boxes {
        assert!(
            b.left() >= 58.0 && b.right() <= WIDTH as f32 - 58.0,
            "{what}: a line runs from {} to {} px: {line}",
            b.left(),
            b.right()
        );
    }
}

#[test]
fn a_hostile_vendor_name_stays_text_and_is_cut_to_its_box() {
    let mut data: Catalog = (*catalog()).clone();
    let name = format!("<i>\u{202E}&amp;{}", "W".repeat(300));
    let mode = data.vendors.iter_mut().find(|v| v.slug == "mode").unwrap();
    mode.name = name;
    mode.category = Some("<script>alert(1)</script>".into());
    let data = Arc::new(data);
    for image in [
        "/og/vendors/mode.png",
        "/og/calculator.png?vendor=mode&users=120",
        "/og/compare.png?vendors=mode,ironclad&users=120",
        "/og/decide.png?vendor=mode",
    ] {
        let svg = card_svg(&data, image);
        assert!(
            !svg.contains("<i>") && !svg.contains("<script"),
            "{image}: markup"
        );
        assert!(svg.contains("&lt;i&gt;⟨U+202E⟩&amp;amp;"), "{image}");
        assert!(
            !svg.contains('\u{202E}'),
            "{image}: a bidi override reached the card"
        );
        assert!(
            !svg.contains(&"W".repeat(300)),
            "{image}: the name was not cut"
        );
        assert_text_inside(&svg, image);
    }
    let svg = card_svg(&data, "/og/vendors/mode.png");
    assert_eq!(card_text(&svg, "category"), "<script>alert(1)</script>");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let svg = card_svg(&data, "/og/vendors/mode.png");
    assert!(card_text(&svg, "title").ends_with("WWW…"));
    // And served: a PNG of the right size.
    common::block_on(async {
        let addr = common::start(data.clone());
        let got = common::get_at(addr, "/og/vendors/mode.png").await;
        assert_eq!(got.status, StatusCode::OK);
        assert_eq!(png_size(&got.bytes), (WIDTH, HEIGHT));
    })
}

#[test]
fn every_card_of_the_hostile_data_set_parses_and_keeps_its_margins() {
    let data = crate::hardening::hostile_catalog();
    let mut images = vec![
        "/og/home.png".to_string(),
        "/og/compare.png?vendors=mode,ironclad,code42,mimecast,8x8,juro&users=120".to_string(),
    ];
    for v in &data.vendors {
        images.push(format!("/og/vendors/{}.png", v.slug));
        images.push(format!("/og/calculator.png?vendor={}&users=120", v.slug));
        images.push(format!("/og/decide.png?vendor={}&automate=yes", v.slug));
    }
    for g in &data.api_guides {
        images.push(format!("/og/vendors/{}/api.png", g.vendor));
    }
    for image in &images {
        let svg = card_svg(&data, image);
        assert!(!svg.contains("<script"), "{image}");
        assert_text_inside(&svg, image);
    }
}

#[test]
fn a_query_a_page_refuses_gets_the_site_card() {
    common::block_on(async {
        let site = get("/og/no-such-page.png").await;
        assert_eq!(site.status, StatusCode::OK);
        assert_eq!(png_size(&site.bytes), (WIDTH, HEIGHT));
        for bad in [
            "/og/calculator.png?users=abc",
            "/og/calculator.png?vendor=nope",
            "/og/calculator.png?vendor=mode&users=-5",
            "/og/compare.png?vendors=%3Cscript%3E",
            "/og/compare.png?vendors=mode,nope",
            "/og/decide.png",
            "/og/decide.png?vendor=mode&automate=perhaps",
            "/og/vendors/nope.png",
            "/og/vendors/nope/api.png",
            "/og/vendors/mode/other.png",
        ] {
            let got = get(bad).await;
            assert_eq!(got.status, StatusCode::OK, "{bad}");
            assert_eq!(got.content_type, "image/png", "{bad}");
            assert!(got.bytes == site.bytes, "{bad}: not the site card");
        }
        // An address under /og/ that names no card is a plain 404, not an error.
        for missing in ["/og", "/og/calculator", "/og/calculator.svg", "/og/.png"] {
            let got = get(missing).await;
            assert_eq!(got.status, StatusCode::NOT_FOUND, "{missing}");
        }
        // One address per page: `/og/` is `/og` with a trailing slash.
        assert_eq!(get("/og/").await.status, StatusCode::PERMANENT_REDIRECT);
    })
}

#[test]
fn card_snapshots() {
    let data = catalog();
    for (name, image) in [
        (
            "card_calculator",
            "/og/calculator.png?vendor=mode&users=120",
        ),
        (
            "card_compare",
            "/og/compare.png?vendors=mode,ironclad&users=120",
        ),
        ("card_vendor", "/og/vendors/mode.png"),
        (
            "card_decide",
            "/og/decide.png?vendor=mode&users=120&automate=yes",
        ),
        ("card_home", "/og/home.png"),
        ("card_api_guide", "/og/vendors/mimecast/api.png"),
        ("card_generic", "/og/calculator.png?users=abc"),
    ] {
        crate::chart_snapshots::check(name, &card_svg(&data, image));
    }
}
