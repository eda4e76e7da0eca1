//! One module per route.

pub mod api_guide;
pub mod calculator;
pub mod compare;
pub mod decide;
pub mod home;
pub mod not_found;
pub mod sources;
pub mod stack;
pub mod vendor;
