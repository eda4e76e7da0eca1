//! Times each step of a link-preview card: building the SVG, parsing and laying out its
//! text (usvg), drawing it (resvg), and encoding the PNG at each compression level, with
//! the PNG's size. Prints numbers; asserts nothing.
//!
//!     cargo run --release --features ssr --example bench_cards

use scim_ledger::domain::url::Query;
use scim_ledger::render::card;
use scim_ledger::server::og_image::{encode, Fonts};
use std::path::Path;
use std::time::Instant;

/// Mean milliseconds of `f` over `runs`, after one warm-up run.
fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> f64 {
    std::hint::black_box(f());
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    start.elapsed().as_secs_f64() * 1e3 / f64::from(runs)
}

fn main() {
    let catalog = scim_ledger::server::load::load_catalog(Path::new("data")).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let fonts = Fonts::get();
    let runs = 20;
    println!(
        "{:<12} {:>8} {:>8} {:>8} {:>18} {:>18} {:>18}",
        "card", "svg ms", "draw ms", "", "png fast ms/bytes", "png default", "png best"
    );
    for (name, page, query) in [
        ("calculator", "/calculator", "vendor=mode&users=120"),
        (
            "compare",
            "/compare",
            "vendors=mode,ironclad,code42&users=120",
        ),
        ("vendor", "/vendors/mode", ""),
        ("home", "/", ""),
    ] {
        let query = Query::parse(query);
        let svg = card::for_page(&catalog, page, &query, fonts);
        let build = time(runs, || card::for_page(&catalog, page, &query, fonts));
        let draw = time(runs, || fonts.draw(&svg));
        let pixmap = fonts.draw(&svg).expect("the card draws");
        let mut cells = Vec::new();
        for level in [
            png::Compression::Fast,
            png::Compression::Default,
            png::Compression::Best,
        ] {
            let ms = time(runs, || encode(&pixmap, level));
            let bytes = encode(&pixmap, level).map_or(0, |p| p.len());
            cells.push(format!("{ms:>8.2} / {bytes:>7}"));
        }
        println!(
            "{name:<12} {build:>8.3} {draw:>8.2} {:>8} {:>18} {:>18} {:>18}",
            "", cells[0], cells[1], cells[2]
        );
    }
}
