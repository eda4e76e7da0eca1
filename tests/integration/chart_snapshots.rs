//! Snapshot tests of the chart SVG: the exact output for fixed inputs is committed under
//! `tests/snapshots/`. After an intended change, regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test --features ssr --test integration chart_snapshots` and review the diff.

use scim_ledger::domain::chart::{cost_chart, CostChart};
use scim_ledger::domain::cost::Span;
use scim_ledger::domain::report::CostPoint;
use std::path::PathBuf;

fn check(name: &str, svg: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() || !path.exists() {
        std::fs::write(&path, svg).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert!(
        expected == svg,
        "{name}.svg changed; if intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff"
    );
}

fn points(band: impl Fn(f64) -> Option<Span>) -> Vec<CostPoint> {
    (0..=10)
        .map(|i| {
            let n = 1 + i * 24;
            CostPoint {
                users: n,
                manual: 23.5 * n as f64,
                upgrade: band(n as f64),
            }
        })
        .collect()
}

#[test]
fn range_band_against_a_manual_line() {
    // Mode-like: Enterprise $6,000–$50,000 a year against $49 per user per month.
    let pts = points(|n| Some(Span::range(6000.0 - 588.0 * n, 50000.0 - 588.0 * n)));
    let svg = cost_chart(&CostChart {
        points: &pts,
        marker: 120,
        title: "Range band",
    });
    check("range_band", &svg);
}

#[test]
fn open_ended_band() {
    let pts = points(|_| Some(Span::at_least(60000.0)));
    let svg = cost_chart(&CostChart {
        points: &pts,
        marker: 50,
        title: "Open-ended band",
    });
    assert!(svg.contains("Open-ended band"));
    check("open_ended_band", &svg);
}

#[test]
fn manual_only() {
    let pts = points(|_| None);
    let svg = cost_chart(&CostChart {
        points: &pts,
        marker: 200,
        title: "Manual only",
    });
    assert!(!svg.contains("<polygon"), "no band without upgrade figures");
    check("manual_only", &svg);
}
