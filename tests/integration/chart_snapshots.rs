//! Snapshot tests of the chart SVG: the exact output for fixed inputs is committed under
//! `tests/snapshots/` as viewable `.svg` files. A missing or changed snapshot fails. After
//! an intended change, regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test --features ssr --test integration chart_snapshots`
//! and review the diff.

use scim_ledger::domain::cost::Span;
use scim_ledger::domain::report::CostPoint;
use scim_ledger::render::chart::{cost_chart, CostChart};
use std::path::Path;

/// Checks `svg` against `tests/snapshots/{name}.svg`; only `UPDATE_SNAPSHOTS=1` writes it.
#[track_caller]
pub(crate) fn check(name: &str, svg: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    compare(&dir.join(format!("{name}.svg")), svg, update);
}

/// Fails when the snapshot at `path` is missing or differs from `svg`, naming the first
/// differing line. Writes the file only when `update` is set, so CI can never bless its
/// own output.
#[track_caller]
fn compare(path: &Path, svg: &str, update: bool) {
    if update {
        std::fs::write(path, svg).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; write it with UPDATE_SNAPSHOTS=1, open it, and commit it",
            path.display()
        )
    });
    if let Some((line, want, got)) = first_difference(&expected, svg) {
        panic!(
            "{} differs at line {line}\n  snapshot: {want}\n  now:      {got}\n\
             if intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff",
            path.display()
        );
    }
}

/// The first line (1-based) where two texts differ, with that line of each; a text that
/// ends first shows as "(end of file)".
fn first_difference<'a>(a: &'a str, b: &'a str) -> Option<(usize, &'a str, &'a str)> {
    if a == b {
        return None;
    }
    let (mut left, mut right) = (a.split('\n'), b.split('\n'));
    for line in 1.. {
        match (left.next(), right.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (x, y) => {
                return Some((
                    line,
                    x.unwrap_or("(end of file)"),
                    y.unwrap_or("(end of file)"),
                ))
            }
        }
    }
    unreachable!("two different texts differ at some line")
}

/// The panic message of `f`, which must panic.
fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let err = std::panic::catch_unwind(f).expect_err("expected a failure");
    err.downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn a_missing_snapshot_fails_and_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.svg");
    let message = panic_message(|| compare(&path, "<svg/>", false));
    assert!(message.contains("UPDATE_SNAPSHOTS=1"), "{message}");
    assert!(!path.exists(), "the check wrote the missing snapshot");
    // Only an explicit update writes it.
    compare(&path, "<svg/>", true);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "<svg/>");
}

#[test]
fn a_changed_snapshot_fails_naming_the_first_differing_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.svg");
    std::fs::write(&path, "<svg>\n<line x1=\"1\"/>\n</svg>").unwrap();
    compare(&path, "<svg>\n<line x1=\"1\"/>\n</svg>", false);
    let message = panic_message(|| compare(&path, "<svg>\n<line x1=\"2\"/>\n</svg>", false));
    assert!(message.contains("differs at line 2"), "{message}");
    assert!(message.contains("snapshot: <line x1=\"1\"/>"), "{message}");
    assert!(message.contains("now:      <line x1=\"2\"/>"), "{message}");
    // The snapshot is left as it was.
    assert!(std::fs::read_to_string(&path).unwrap().contains("x1=\"1\""));
}

#[test]
fn the_first_difference_is_found_when_one_text_ends_first() {
    assert_eq!(first_difference("a\nb\nc", "a\nb\nc"), None);
    assert_eq!(first_difference("a\nb\nc", "a\nx\nc"), Some((2, "b", "x")));
    assert_eq!(
        first_difference("a\nb", "a\nb\nc"),
        Some((3, "(end of file)", "c"))
    );
    // A trailing newline is a difference too.
    assert_eq!(first_difference("a", "a\n"), Some((2, "(end of file)", "")));
}

/// The band's corners (the upgrade's range, low edge then high edge back), as drawn.
fn band(svg: &str) -> Vec<(f64, f64)> {
    let Some(at) = svg.find("<polygon") else {
        return Vec::new();
    };
    let points = &svg[at..];
    let points = &points[points.find("points=\"").unwrap() + 8..];
    points[..points.find('"').unwrap()]
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// The height at which the axis label `text` is drawn.
fn label_y(svg: &str, text: &str) -> f64 {
    let at = svg
        .find(&format!(">\n{text}\n</text>"))
        .unwrap_or_else(|| panic!("no label {text}"));
    let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
    let y = &tag[tag.find(" y=\"").unwrap() + 4..];
    y[..y.find('"').unwrap()].parse().unwrap()
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
    // The upgrade costs less a year as the team grows (more seats dropped from the old
    // plan): both edges of the band fall from left to right, the low edge under the high.
    let corners = band(&svg);
    let (low, high) = corners.split_at(corners.len() / 2);
    let mut high = high.to_vec();
    high.reverse();
    assert!(
        low.windows(2).all(|w| w[1].0 > w[0].0 && w[1].1 >= w[0].1),
        "{low:?}"
    );
    assert!(low.iter().zip(&high).all(|(l, h)| l.0 == h.0 && l.1 > h.1));
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
    // "$60,000 or more": the band starts at the $60k line and runs to the top of the plot.
    let corners = band(&svg);
    let (low, high) = corners.split_at(corners.len() / 2);
    assert!(
        low.iter().all(|&(_, y)| y == label_y(&svg, "$60k")),
        "{low:?}"
    );
    let top = label_y(&svg, "$70k"); // the axis's last label, at the plot's top edge
    assert!(high.iter().all(|&(_, y)| y <= top), "{high:?}");
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
