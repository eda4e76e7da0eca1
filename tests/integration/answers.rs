//! Answers first, and answers that agree: the price jump, the multiple in words, short
//! links, and the same figure on every page that shows it.

use crate::common::{self, fact, figure, get, text};

#[test]
fn the_price_jump_is_one_figure_everywhere() {
    common::block_on(async {
        // Amplitude: Plus is $49 a month flat ($588 a year), Growth "$36,000+" a year.
        // 36,000 ÷ 588 = 61.2; (36,000 − 588) ÷ (100 users × 12) = $29.51 a user a month.
        let want = "61.2× or more, about $30 or more extra per user a month";
        let home = get("/").await;
        assert_eq!(
            text(&home.body, "tr[data-slug='amplitude'] td.jump .full"),
            want
        );
        // A phone's card shows the multiple alone.
        assert_eq!(
            text(&home.body, "tr[data-slug='amplitude'] td.jump .short"),
            "61.2× or more the price"
        );
        let guide = get("/vendors/amplitude").await;
        assert_eq!(fact(&guide.body, "Price jump for SCIM"), want);
        let compare = get("/compare?vendors=amplitude,mode").await;
        compare.shows(&[&format!("<span>{want}</span>")]);
        // Mode's Enterprise is sold by quote.
        assert_eq!(
            text(&home.body, "tr[data-slug='mode'] td.jump .full"),
            "quote"
        );
    })
}

#[test]
fn the_home_table_sorts_by_price_jump() {
    common::block_on(async {
        let page = get("/?sort=jump").await;
        let order: Vec<&str> = page
            .body
            .match_indices("<tr data-slug=\"")
            .map(|(i, m)| {
                let s = &page.body[i + m.len()..];
                &s[..s.find('"').unwrap()]
            })
            .collect();
        // No jump first, then dollar jumps (Amplitude), then quotes, then unknown.
        let pos = |slug: &str| order.iter().position(|s| *s == slug).unwrap();
        assert!(pos("bitwarden") < pos("amplitude"), "{order:?}");
        assert!(pos("amplitude") < pos("mode"), "{order:?}");
        assert!(pos("mode") < pos("15five"), "{order:?}");
        page.shows(&["aria-sort=\"ascending\""]);
    })
}

#[test]
fn the_multiple_is_a_share_or_cannot_be_worked_out() {
    common::block_on(async {
        // Mode at 100 people, the largest team its Enterprise range is reported for:
        // $6,000–$50,000 against 100 × $49 × 12 = $58,800: 6,000 ÷ 58,800 = 10 % and
        // 50,000 ÷ 58,800 = 85 %.
        let page = get("/calculator?vendor=mode&users=100&plan=Business%2FPro").await;
        assert_eq!(
            figure(&page.body, "multiple"),
            "10% to 85% of what you pay now"
        );
        assert_eq!(figure(&page.body, "difference"), "$8,800 to $52,800 less");
        // At the default 500 people the range would be stretched five times past the
        // sizes it is reported for: no share and no difference from it.
        let page = get("/calculator?vendor=mode&plan=Business%2FPro").await;
        assert_eq!(figure(&page.body, "multiple"), "unknown");
        assert_eq!(figure(&page.body, "difference"), "unknown");
        // Ironclad: Standard "$500+ a month" against Enterprise "$60,000+ a year".
        let page = get("/calculator?vendor=ironclad&users=120").await;
        assert_eq!(
            figure(&page.body, "multiple"),
            "cannot be worked out (both prices are open-ended)"
        );
        assert!(!page.body.contains("0× or more"));
    })
}

#[test]
fn verdicts_say_who_pays_what_without_signs() {
    common::block_on(async {
        // Mode at 20 people for 1 year: Business/Pro 20 × $49 × 12 = $11,760 against
        // Enterprise $6,000–$50,000: $5,760 less to $38,240 more; staying manual costs
        // $472 (the model at 20 people), so it depends on the quote.
        let page = get("/calculator?vendor=mode&users=20&years=1").await;
        page.shows(&[
            "It depends on the price you get: in a year, upgrading to Enterprise comes to",
            "Enterprise costs $5,760 less to $38,240 more a year than Business/Pro.",
        ]);
        for signed in ["~−", "+$", "(a saving if positive)"] {
            assert!(!page.body.contains(signed), "{signed}");
        }
    })
}

#[test]
fn shared_links_hold_only_what_differs_from_the_defaults() {
    common::block_on(async {
        // An old link with every default written out opens the same scenario, and its
        // share link is the short one. (`seat` has no default in the address any more: a
        // price there is the reader's, kept.)
        let long = "/calculator?vendor=mode&users=120&joiners=10&leavers=10&minutes=60.6&hourly=60.28&orphans=14&unused=2.4&orphan_cost=248.71&years=3";
        let old = get(long).await;
        let new = get("/calculator?vendor=mode&users=120").await;
        old.shows(&["href=\"?vendor=mode&amp;users=120#cost\""]);
        for key in ["total_annual_impact", "difference", "over_years"] {
            assert_eq!(figure(&old.body, key), figure(&new.body, key), "{key}");
        }
    })
}
