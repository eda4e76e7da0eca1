//! One module per route.

pub mod api_guide;
pub mod calculator;
pub mod home;
pub mod not_found;
pub mod vendor;
