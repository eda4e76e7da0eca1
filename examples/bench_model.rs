//! Times the calculator's model: one evaluation (manual cost, upgrade, verdict with the
//! break-even search) and one chart, per vendor in `data/`. Prints numbers; asserts nothing.
//!
//!     cargo run --release --features ssr --example bench_model

use scim_ledger::domain::report::{chart_points, evaluate};
use scim_ledger::domain::scenario::parse;
use scim_ledger::domain::url::Query;
use scim_ledger::render::chart::{cost_chart, CostChart};
use std::path::Path;
use std::time::Instant;

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> f64 {
    // Warm up, then report the mean in microseconds.
    for _ in 0..runs / 10 {
        std::hint::black_box(f());
    }
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    start.elapsed().as_secs_f64() * 1e6 / runs as f64
}

fn main() {
    let catalog = scim_ledger::server::load::load_catalog(Path::new("data")).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    println!(
        "{:<12} {:>14} {:>14} {:>14}",
        "vendor", "evaluate µs", "points µs", "chart SVG µs"
    );
    for v in catalog.vendors.iter().filter(|v| !v.is_partial()) {
        let (s, issues) = parse(&Query::from_pairs([
            ("vendor", v.slug.as_str()),
            ("users", "120"),
        ]));
        let eval = time(2_000, || evaluate(Some(v), s.clone(), issues.clone()));
        let points = time(2_000, || chart_points(Some(v), &s));
        let pts = chart_points(Some(v), &s);
        let chart = time(200, || {
            cost_chart(&CostChart {
                points: &pts,
                marker: s.users,
                title: "bench",
            })
        });
        println!(
            "{:<12} {:>14.1} {:>14.1} {:>14.1}",
            v.slug, eval, points, chart
        );
    }
}
