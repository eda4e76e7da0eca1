//! `/changes.atom`: the changes as an Atom 1.0 feed (RFC 4287), one entry per vendor that
//! changed, so a subscriber sees the next release's changes without visiting. Ids are
//! name-based UUIDs of the vendor and the two rows compared: the same at every start-up
//! and on every host, new when a new release changes the vendor again.

use super::xml::xml;
use crate::domain::changes::words::{describe, stated_by};
use crate::domain::changes::{History, StatedBy, VendorHistory};
use crate::domain::routes::Route;
use std::fmt::Write;

/// Where links in the feed point: the site's origin (`https://ledger.example`), and which
/// slugs have a page.
pub struct FeedSite<'a> {
    pub origin: &'a str,
    pub has_page: &'a dyn Fn(&str) -> bool,
    /// The credit line of the data (`Includes data from …`).
    pub rights: &'a str,
    /// The query string of the page the feed mirrors (its filters), possibly empty.
    pub query: &'a str,
}

/// The feed's own id.
pub fn feed_id() -> String {
    urn("scim-ledger/changes")
}

fn urn(name: &str) -> String {
    format!(
        "urn:uuid:{}",
        uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())
    )
}

/// A vendor's entry id: the vendor and the rows its changes run between.
pub fn entry_id(h: &VendorHistory) -> String {
    let steps: Vec<String> = h
        .steps
        .iter()
        .filter(|s| !s.kinds.is_empty())
        .map(|s| format!("{}..{}", key(&s.from), key(&s.to)))
        .collect();
    urn(&format!(
        "scim-ledger/changes/{}/{}",
        h.slug,
        steps.join("+")
    ))
}

fn key(s: &StatedBy) -> String {
    match s {
        StatedBy::Release(d) => format!("release:{d}"),
        StatedBy::Profile(d) => format!("profile:{d}"),
    }
}

/// A release's month or a check's day as an RFC 3339 instant (midnight UTC, its first day).
pub fn instant(date: &str) -> String {
    match date.len() {
        7 => format!("{date}-01T00:00:00Z"),
        _ => format!("{date}T00:00:00Z"),
    }
}

/// The feed for `vendors` (the changed vendors the filters keep).
pub fn atom(history: &History, vendors: &[&VendorHistory], site: &FeedSite) -> String {
    let page = |route: Route, params: &[&str], query: &str| {
        format!("{}{}", site.origin, route.link(params, query))
    };
    let updated = vendors
        .iter()
        .filter_map(|h| h.updated())
        .max()
        .or(history.releases.as_ref().map(|(_, to)| to.as_str()))
        .unwrap_or("2026-01");
    let mut out = String::with_capacity(512 + vendors.len() * 900);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let subtitle = match &history.releases {
        Some((from, to)) => format!("Changes between the SCIM Tax Index's {from} and {to} releases, and our own profiles' re-checks, computed row by row."),
        None => "Changes in the SCIM Tax Index's releases and our own profiles' re-checks, computed row by row.".into(),
    };
    let _ = write!(
        out,
        "  <title>SCIM Ledger: what changed</title>\n  <subtitle>{}</subtitle>\n  <id>{}</id>\n  <updated>{}</updated>\n",
        xml(&subtitle),
        feed_id(),
        instant(updated)
    );
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml(&page(Route::ChangesFeed, &[], site.query))
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml(&page(Route::Changes, &[], site.query))
    );
    out.push_str("  <author><name>SCIM Ledger</name></author>\n");
    if !site.rights.is_empty() {
        let _ = writeln!(out, "  <rights>{}</rights>", xml(site.rights));
    }
    for h in vendors {
        entry(&mut out, h, site, &page);
    }
    out.push_str("</feed>\n");
    out
}

fn entry(
    out: &mut String,
    h: &VendorHistory,
    site: &FeedSite,
    page: &dyn Fn(Route, &[&str], &str) -> String,
) {
    let kinds = h.kinds();
    let title = format!(
        "{}: {}",
        h.name,
        kinds
            .iter()
            .map(|k| k.label().to_lowercase())
            .collect::<Vec<_>>()
            .join("; ")
    );
    let link = if (site.has_page)(&h.slug) {
        page(Route::Vendor, &[&h.slug], "")
    } else {
        h.pricing_url().to_string()
    };
    let mut summary = Vec::new();
    for s in h.steps.iter().filter(|s| !s.kinds.is_empty()) {
        for c in &s.changes {
            let w = describe(c);
            let note = w.note.map(|n| format!(" {n}")).unwrap_or_default();
            summary.push(format!("{}: {} → {}.{note}", w.fact, w.from, w.to));
        }
        if s.changes.is_empty() {
            summary.push(format!(
                "{}.",
                kinds
                    .iter()
                    .map(|k| k.meaning().trim_end_matches('.'))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        summary.push(format!(
            "From {} to {}.",
            stated_by(&s.from),
            stated_by(&s.to)
        ));
    }
    let _ = write!(
        out,
        "  <entry>\n    <id>{}</id>\n    <title>{}</title>\n    <updated>{}</updated>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        entry_id(h),
        xml(&title),
        instant(h.updated().unwrap_or("2026-01")),
        xml(&link)
    );
    for k in &kinds {
        let _ = writeln!(
            out,
            "    <category term=\"{}\" label=\"{}\"/>",
            crate::domain::keys::Key::key(k),
            xml(k.label())
        );
    }
    let _ = write!(
        out,
        "    <summary type=\"text\">{}</summary>\n  </entry>\n",
        xml(&summary.join("\n"))
    );
}
