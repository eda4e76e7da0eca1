//! Small pieces shared by several pages, named after what the reader sees.

pub mod badges;
pub mod calculator;
pub mod decision;
pub mod layout;
pub mod lists;
pub mod live_form;
pub mod sources;
pub mod url_query;
