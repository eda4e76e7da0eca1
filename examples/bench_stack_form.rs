//! The stack form's work against the number of rows it carries: merging apps, a whole posted
//! form at the 500-app cap and far over it, and a pasted list of 4,000 lines. The work must
//! grow in step with the rows: a form of 40,000 rows once took 3 s, a search per app
//! (issue 27). Prints milliseconds; exits 1 when four times the rows cost more than eight
//! times the time (linear work costs about four times, quadratic sixteen).
//!
//!     cargo run --release --features ssr --example bench_stack_form

use scim_ledger::domain::stack::form::address;
use scim_ledger::domain::stack::input::StackApp;
use scim_ledger::domain::stack::report::merge_apps;
use scim_ledger::domain::url::Query;
use std::path::Path;
use std::time::Instant;

/// The best of five runs, in milliseconds: the least disturbed by a busy neighbour.
fn best_ms<T>(mut f: impl FnMut() -> T) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn apps(n: usize) -> Vec<StackApp> {
    (0..n)
        .map(|i| StackApp::new(&format!("app{i}"), 1))
        .collect()
}

/// A form as the page posts it, with `n` rows of the stack table.
fn form(n: usize) -> String {
    (0..n)
        .map(|i| format!("app=app{i}&seats=1&plan=&quote="))
        .collect::<Vec<_>>()
        .join("&")
}

fn main() {
    let catalog = scim_ledger::server::load::load_catalog(Path::new("data")).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    println!("{:<44} {:>10}", "work", "ms");
    let mut merge = Vec::new();
    for n in [10_000, 40_000] {
        // Half the apps are new, half update one already there.
        let (base, more) = (apps(n / 2), apps(n));
        let ms = best_ms(|| {
            let mut stack = base.clone();
            merge_apps(&mut stack, more.clone());
            stack
        });
        println!("{:<44} {:>10.2}", format!("merge_apps, {n} apps"), ms);
        merge.push(ms);
    }
    for n in [500, 40_000] {
        let q = Query::parse(&form(n));
        let ms = best_ms(|| address(&catalog, &q));
        println!("{:<44} {:>10.2}", format!("a posted form of {n} rows"), ms);
    }
    let list: String = (0..4_000).map(|i| format!("App {i}, 3\n")).collect();
    let q = Query::from_pairs([("list", list)]);
    let ms = best_ms(|| address(&catalog, &q));
    println!("{:<44} {:>10.2}", "a pasted list of 4,000 lines", ms);

    let growth = merge[1] / merge[0].max(1e-6);
    println!("merge_apps: 4 × the apps took {growth:.1} × the time (linear: about 4)");
    if growth > 8.0 {
        eprintln!("merge_apps grows faster than its input");
        std::process::exit(1);
    }
}
