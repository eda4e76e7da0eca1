//! Dates in the pages. Pages render on the server, which writes every date with the
//! calendar (`render::date`, jiff); no island shows a date, so the browser bundle has no
//! calendar and these helpers no browser side (they answer nothing there).

/// An ISO date as words: "11 January 2026", "April 2026".
pub fn words(iso: &str) -> String {
    #[cfg(feature = "ssr")]
    return crate::render::date::words(iso);
    #[cfg(not(feature = "ssr"))]
    {
        let _ = iso;
        String::new()
    }
}

/// Today's date, `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    #[cfg(feature = "ssr")]
    return crate::render::date::today();
    #[cfg(not(feature = "ssr"))]
    String::new()
}

/// The first day whose facts are fresh today (`domain::freshness`).
pub fn stale_before_today() -> String {
    #[cfg(feature = "ssr")]
    return crate::render::date::stale_before_today();
    #[cfg(not(feature = "ssr"))]
    String::new()
}

/// Whether facts verified on `verified` are possibly out of date today.
pub fn is_stale(verified: &str) -> bool {
    crate::domain::freshness::is_stale(verified, &stale_before_today())
}
