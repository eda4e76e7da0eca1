//! The Leptos router reads its paths from the route table (`domain::routes`): a route's
//! path, `/vendors/{slug}`, matched segment by segment as `path!("/vendors/:slug")` would.

use crate::domain::routes::Route;
use leptos_router::{
    ParamSegment, PartialPathMatch, PathSegment, PossibleRouteMatch, StaticSegment,
};

/// The path of `route` as the Leptos router matches it.
#[derive(Clone, Copy, Debug)]
pub struct TablePath(pub Route);

enum Segment {
    Static(StaticSegment<&'static str>),
    Param(ParamSegment),
}

impl TablePath {
    fn segments(&self) -> impl Iterator<Item = Segment> {
        let path = self.0.path();
        path.strip_prefix('/').unwrap_or(path).split('/').map(|s| {
            match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => Segment::Param(ParamSegment(name)),
                None => Segment::Static(StaticSegment(s)),
            }
        })
    }
}

impl PossibleRouteMatch for TablePath {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let (mut rest, mut matched, mut params) = (path, 0, Vec::new());
        for segment in self.segments() {
            let found = match segment {
                Segment::Static(s) => s.test(rest),
                Segment::Param(p) => p.test(rest),
            }?;
            matched += found.matched().len();
            rest = found.remaining();
            params.extend(found.params());
        }
        Some(PartialPathMatch::new(rest, params, &path[..matched]))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        for segment in self.segments() {
            match segment {
                Segment::Static(s) => s.generate_path(path),
                Segment::Param(p) => p.generate_path(path),
            }
        }
    }
}
