//! Loading `data/`: the real files load, and each kind of breakage stops start-up with
//! a message naming the file, the field and the reason.
#![cfg(feature = "ssr")]

use scim_ledger::server::load::{load_catalog, DataErrors};
use std::fs;
use std::path::Path;

/// A small vendor file that passes validation; each test breaks one thing in it.
const GOOD: &str = r#"
slug = "acme"
name = "Acme"
category = "Testing"
summary = ["A test vendor."]

[source]
title = "Acme SCIM guide"
url = "https://example.com/scim/acme"
publisher = "Example"
page_updated = "2026-01-11"
last_checked = "2026-11-23"

[scim]
available = "yes"
plan = "Enterprise"

[[idps]]
idp = "okta"
sso = "yes"
provisioning = "scim"

[[plans]]
name = "Team"
price = { kind = "stated", figure = { basis = "per_user", period = "month", amount = 10 } }
scim = "no"

[[plans]]
name = "Enterprise"
price = { kind = "quote" }
scim = "yes"
"#;

fn load_one(file_name: &str, text: &str) -> Result<usize, DataErrors> {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(file_name), text).unwrap();
    load_catalog(dir.path()).map(|c| c.vendors.len())
}

/// Loads one broken file and returns the error text.
fn error_of(text: &str) -> String {
    match load_one("acme.toml", text) {
        Ok(_) => panic!("the broken file was accepted:\n{text}"),
        Err(e) => e.to_string(),
    }
}

fn assert_names(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(
            message.contains(part),
            "expected `{part}` in the error:\n{message}"
        );
    }
}

#[test]
fn the_good_fixture_loads() {
    assert_eq!(load_one("acme.toml", GOOD).unwrap(), 1);
}

#[test]
fn the_shipped_data_directory_loads() {
    let catalog = load_catalog(Path::new(env!("CARGO_MANIFEST_DIR")).join("data").as_path())
        .unwrap_or_else(|e| panic!("{e}"));
    for slug in ["mimecast", "code42", "mode", "ironclad"] {
        let v = catalog
            .vendor(slug)
            .unwrap_or_else(|| panic!("{slug} missing"));
        assert!(!v.is_partial(), "{slug} should be a full guide");
        assert!(!v.plans.is_empty(), "{slug} has no plans");
        assert!(!v.decision.is_empty(), "{slug} has no decision table");
    }
    assert!(catalog.api_guide("mimecast").is_some());
    for slug in [
        "amplitude",
        "bill-com",
        "bitwarden",
        "8x8",
        "absorb-lms",
        "airbase",
        "juro",
        "15five",
        "1password",
    ] {
        let v = catalog
            .vendor(slug)
            .unwrap_or_else(|| panic!("{slug} missing"));
        assert!(v.is_partial(), "{slug} should be a partial profile");
    }
}

#[test]
fn toml_syntax_error_names_file_and_line() {
    let msg = error_of(&GOOD.replace("name = \"Acme\"", "name = \"Acme"));
    assert_names(&msg, &["acme.toml", "line 3"]);
}

#[test]
fn unknown_key_is_rejected_with_its_name() {
    let msg = error_of(&GOOD.replace("[scim]\n", "[scim]\nprice_secret = 1\n"));
    assert_names(&msg, &["acme.toml", "price_secret"]);
}

#[test]
fn unknown_identity_provider_is_rejected() {
    let msg = error_of(&GOOD.replace("idp = \"okta\"", "idp = \"okra\""));
    assert_names(&msg, &["acme.toml", "idps", "okra"]);
}

#[test]
fn impossible_date_is_rejected() {
    let msg = error_of(&GOOD.replace("2026-11-23", "2026-02-30"));
    assert_names(&msg, &["acme.toml", "source.last_checked", "2026-02-30"]);
}

#[test]
fn price_with_both_a_point_and_a_range_is_rejected() {
    let msg = error_of(&GOOD.replace("amount = 10 }", "amount = 10, low = 5, high = 20 }"));
    assert_names(&msg, &["acme.toml", "plans[0].price"]);
}

#[test]
fn negative_price_is_rejected() {
    let msg = error_of(&GOOD.replace("amount = 10 }", "amount = -10 }"));
    assert_names(&msg, &["acme.toml", "plans[0].price", "negative"]);
}

#[test]
fn price_as_a_string_is_rejected() {
    let msg = error_of(&GOOD.replace("price = { kind = \"quote\" }", "price = \"$60K+\""));
    assert_names(&msg, &["acme.toml", "price"]);
}

#[test]
fn a_fee_with_users_included_loads_and_is_checked() {
    let quote = "price = { kind = \"quote\" }";
    let fee = "fee = { basis = \"flat\", period = \"month\", amount = 517.5 }";
    let extra = "extra = { basis = \"per_user\", period = \"year\", amount = 130 }";
    let seats = format!("price = {{ kind = \"seats\", {fee}, included = 10, {extra} }}");
    assert_eq!(
        load_one("acme.toml", &GOOD.replace(quote, &seats)).unwrap(),
        1
    );
    let per_user_fee = seats.replacen("\"flat\"", "\"per_user\"", 1);
    let msg = error_of(&GOOD.replace(quote, &per_user_fee));
    assert_names(&msg, &["acme.toml", "plans[1].price.fee.basis", "flat"]);
    let nobody = format!("price = {{ kind = \"seats\", {fee}, included = 0 }}");
    let msg = error_of(&GOOD.replace(quote, &nobody));
    assert_names(&msg, &["acme.toml", "plans[1].price.included"]);
    let capped = format!("price = {{ kind = \"seats\", {fee}, included = 5, max_extra = 10 }}");
    let msg = error_of(&GOOD.replace(quote, &capped));
    assert_names(&msg, &["acme.toml", "plans[1].price.max_extra"]);
}

#[test]
fn the_seats_a_price_is_reported_for_load_and_are_checked() {
    let scoped =
        |scope: &str| GOOD.replace("amount = 10 }", &format!("amount = 10, scope = {scope} }}"));
    for fine in [
        "{ min = 50, max = 100 }",
        "{ min = 50 }",
        "{ max = 10 }",
        "{ min = 5, max = 5 }",
    ] {
        assert_eq!(load_one("acme.toml", &scoped(fine)).unwrap(), 1, "{fine}");
    }
    for (broken, why) in [
        ("{ min = 100, max = 50 }", "greater than max"),
        ("{ min = 0 }", "start at 1"),
        ("{}", "give `min`, `max` or both"),
    ] {
        let msg = error_of(&scoped(broken));
        assert_names(&msg, &["acme.toml", "plans[0].price.figure.scope", why]);
    }
    let msg = error_of(&scoped("{ min = 1, most = 9 }"));
    assert_names(&msg, &["acme.toml", "most"]);
    // A fee with users included says what it covers with `included`: no scope there.
    let fee = "fee = { basis = \"flat\", period = \"month\", amount = 5, scope = { max = 9 } }";
    let seats = format!("price = {{ kind = \"seats\", {fee}, included = 10 }}");
    let msg = error_of(&GOOD.replace("price = { kind = \"quote\" }", &seats));
    assert_names(&msg, &["acme.toml", "plans[1].price.fee.scope"]);
}

#[test]
fn scim_plan_must_be_one_of_the_plans() {
    let msg = error_of(&GOOD.replace("plan = \"Enterprise\"", "plan = \"Platinum\""));
    assert_names(&msg, &["acme.toml", "scim.plan", "Platinum"]);
}

#[test]
fn the_cheapest_plan_with_a_feature_must_be_the_cheapest_known() {
    // A plan listed below the SCIM plan that may have SCIM makes "cheapest" a guess.
    let msg = error_of(&GOOD.replace("scim = \"no\"", "scim = \"unknown\""));
    assert_names(
        &msg,
        &[
            "acme.toml",
            "scim.plan",
            "`Enterprise` is not known to be the cheapest",
            "`Team`",
            "\"unknown\"",
        ],
    );
    // The same rule for SSO: Team does not say, so Enterprise cannot be named.
    let sso = GOOD.replace(
        "[[idps]]",
        "[sso]\navailable = \"yes\"\nplan = \"Enterprise\"\n\n[[idps]]",
    );
    let msg = error_of(&sso);
    assert_names(&msg, &["acme.toml", "sso.plan", "`Team`"]);
    // Stated as "no" below and "yes" on the plan itself, it loads.
    let ok = sso
        .replace("scim = \"no\"", "scim = \"no\"\nsso = \"no\"")
        .replace("scim = \"yes\"\n", "scim = \"yes\"\nsso = \"yes\"\n");
    assert_eq!(load_one("acme.toml", &ok).unwrap(), 1);
}

#[test]
fn slug_must_match_the_file_name() {
    let msg = error_of(&GOOD.replace("slug = \"acme\"", "slug = \"other\""));
    assert_names(&msg, &["acme.toml", "slug", "other"]);
}

#[test]
fn an_api_guide_for_an_unknown_vendor_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("acme.toml"), GOOD).unwrap();
    fs::create_dir(dir.path().join("api")).unwrap();
    fs::write(dir.path().join("api/nobody.toml"), "vendor = \"nobody\"\n").unwrap();
    let msg = load_catalog(dir.path()).unwrap_err().to_string();
    assert_names(&msg, &["nobody.toml"]);
}

#[test]
fn a_reference_may_name_our_own_api_guide_only_if_it_exists() {
    let linked = format!(
        "{GOOD}\n[[references]]\ntitle = \"Our API guide\"\nurl = \"/vendors/acme/api\"\nfact = \"Ours.\"\n"
    );
    let msg = error_of(&linked);
    assert_names(&msg, &["acme.toml", "references[0].url", "api/acme.toml"]);
    // Any other path is no address at all.
    let msg = error_of(&linked.replace("/vendors/acme/api", "/vendors/acme"));
    assert_names(&msg, &["references[0].url", "https://"]);
}

#[test]
fn every_broken_file_is_reported_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("acme.toml"), GOOD).unwrap();
    fs::write(
        dir.path().join("beta.toml"),
        GOOD.replace("\"acme\"", "\"beta\"").replace("okta", "okra"),
    )
    .unwrap();
    fs::write(dir.path().join("gamma.toml"), "slug = ").unwrap();
    let errors = load_catalog(dir.path()).unwrap_err();
    let files: Vec<String> = errors
        .0
        .iter()
        .map(|e| e.file.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(files.contains(&"beta.toml".to_string()), "{errors}");
    assert!(files.contains(&"gamma.toml".to_string()), "{errors}");
    assert!(!files.contains(&"acme.toml".to_string()), "{errors}");
}

#[test]
fn an_empty_or_missing_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert!(load_catalog(dir.path()).is_err());
    assert!(load_catalog(&dir.path().join("nope")).is_err());
}

#[test]
fn the_binary_refuses_to_start_on_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("acme.toml"),
        GOOD.replace("2026-11-23", "yesterday"),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_scim-ledger"))
        .arg("--data")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_names(
        &stderr,
        &[
            "cannot start",
            "acme.toml",
            "source.last_checked",
            "yesterday",
        ],
    );
}

#[test]
fn an_index_category_must_be_one_of_the_publishers() {
    let good = GOOD.replace(
        "category = \"Testing\"",
        "category = \"Testing\"\nindex_category = \"Sales & CRM\"",
    );
    assert_eq!(load_one("acme.toml", &good).unwrap(), 1);
    let broken = GOOD.replace(
        "category = \"Testing\"",
        "category = \"Testing\"\nindex_category = \"Sales and CRM\"",
    );
    assert_names(
        &error_of(&broken),
        &[
            "acme.toml",
            "index_category",
            "`Sales and CRM` is not one of the SCIM Tax Index's 21 categories",
        ],
    );
}
