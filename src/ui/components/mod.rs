//! Small pieces shared by several pages, named after what the reader sees.

pub mod badges;
pub mod change_list;
pub mod layout;
pub mod link_preview;
pub mod lists;
pub mod scim_routes;
pub mod sources;
pub mod vendor_list;
pub mod vendor_pick;
