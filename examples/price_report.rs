//! How the SCIM Tax Index's price texts read: for each price column of a v3 `data.csv`,
//! how many texts become each kind of price, how each compares with the publisher's
//! per-user figure, and every distinct text left as written. With `--all`, also every text
//! read, as what it reads as. Prints; asserts nothing.
//!
//!     cargo run --features ssr --example price_report -- ../shared/datasets/scim-tax/2026-10/data.csv [--all]

use scim_ledger::domain::format;
use scim_ledger::domain::price_text::{parse, reconcile, PriceText};
use scim_ledger::domain::vendor::{Basis, Price, PriceCheck};
use std::collections::BTreeMap;

/// The price columns, each with the publisher's per-user figure where it has one.
const COLUMNS: [(&str, Option<&str>); 3] = [
    ("scim_price_text", Some("scim_price_per_user_mo")),
    ("team_price_text", Some("team_price_per_user_mo")),
    ("scim_addon_price_text", None),
];

fn kind(p: &Price) -> &'static str {
    match p {
        Price::Free { .. } => "free",
        Price::Stated { figure } if figure.basis == Basis::PerUser => "stated, per user",
        Price::Stated { .. } => "stated, flat",
        Price::Seats { .. } => "seats (fee with users included)",
        Price::Quote { estimate: None, .. } => "custom (quote)",
        Price::Quote { .. } => "custom with an estimate",
        Price::Unknown => "unknown (no price given)",
        Price::Text { .. } => "text (not read)",
    }
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: price_report <data.csv>");
        std::process::exit(2);
    };
    let mut reader = csv::Reader::from_path(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let headers = reader.headers().cloned().expect("a header row");
    let rows: Vec<csv::StringRecord> =
        reader
            .records()
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| {
                eprintln!("{path}: {e}");
                std::process::exit(1)
            });
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column `{name}`"))
    };
    let all = std::env::args().any(|a| a == "--all");
    println!("{path}: {} rows", rows.len());
    for (text_col, figure_col) in COLUMNS {
        let t = column(text_col);
        let f = figure_col.map(column);
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        let mut checks: BTreeMap<String, usize> = BTreeMap::new();
        let mut left: BTreeMap<String, (usize, String)> = BTreeMap::new();
        let mut read_as: BTreeMap<String, String> = BTreeMap::new();
        let (mut minimums, mut not_offered) = (0, 0);
        for row in &rows {
            let text = &row[t];
            let figure = f.and_then(|f| row[f].trim().parse::<f64>().ok());
            let read: PriceText = parse(text, "the index's estimate");
            *kinds.entry(kind(&read.price)).or_default() += 1;
            minimums += usize::from(read.min_seats.is_some());
            not_offered += usize::from(read.not_offered);
            if !read.is_read() {
                let e = left.entry(text.to_string()).or_default();
                e.0 += 1;
                e.1 = figure.map(|x| x.to_string()).unwrap_or_default();
            }
            let check = f.map(|_| reconcile(&read, figure).1);
            if let Some(check) = check {
                *checks.entry(check_name(check)).or_default() += 1;
            }
            if all && read.is_read() {
                let min = read
                    .min_seats
                    .map(|m| format!(", at least {m} seats"))
                    .unwrap_or_default();
                let figure = figure.map(|x| format!(", figure {x}")).unwrap_or_default();
                let check = check.map(|c| format!(": {}", check_name(c)));
                read_as.insert(
                    text.to_string(),
                    format!(
                        "{}{min}{figure}{}",
                        format::price(&read.price),
                        check.unwrap_or_default()
                    ),
                );
            }
        }
        println!("\n== {text_col} ==");
        for (k, n) in &kinds {
            println!("{n:5}  {k}");
        }
        println!("       ({minimums} with a seat minimum; {not_offered} not offered)");
        if !checks.is_empty() {
            println!("-- against {}:", figure_col.unwrap_or_default());
            for (c, n) in &checks {
                println!("{n:5}  {c}");
            }
        }
        if all {
            println!("-- read:");
            for (text, what) in &read_as {
                println!("       {text}  →  {what}");
            }
        }
        println!(
            "-- {} distinct texts left as written ({} rows):",
            left.len(),
            left.values().map(|(n, _)| n).sum::<usize>()
        );
        for (text, (n, figure)) in &left {
            let figure = if figure.is_empty() {
                String::new()
            } else {
                format!("   [figure {figure}]")
            };
            println!("{n:5}  {text}{figure}");
        }
    }
}

fn check_name(c: PriceCheck) -> String {
    serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
