//! `/og/…png`: each page's link-preview image (server only). `render::card` writes the SVG
//! from the page's own figures; here it is rasterised to a 1200×630 PNG with resvg, using
//! only the fonts shipped in `assets/fonts/` (compiled in; system fonts are never loaded).
//!
//! The image is a pure function of its canonical address and the data, so the same address
//! always gives the same bytes: the response layer keeps it in its own bounded cache
//! (`response::Site`), and its `ETag` is a hash of the bytes, equal on every replica.

use crate::domain::catalog::Catalog;
use crate::domain::routes;
use crate::domain::url::Query;
use crate::render::card::{self, TextWidth};
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::Response;
use resvg::{tiny_skia, usvg};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// An hour, as pages are kept in the server's cache: a card changes only when the data
/// does (a deploy), so a preview crawler or browser may reuse it that long, then revalidates
/// cheaply with the `ETag` (304). Public: a card holds no per-reader content.
pub const CACHE_CONTROL: &str = "public, max-age=3600";

/// Advance widths of one font, in em, by character.
struct Advances {
    by_char: HashMap<char, f32>,
    /// The missing-glyph box's advance, drawn for any character the font lacks.
    missing: f32,
}

impl Advances {
    fn read(data: &[u8]) -> Advances {
        let mut by_char = HashMap::new();
        let mut missing = 1.0;
        if let Ok(face) = ttf_parser::Face::parse(data, 0) {
            let em = f32::from(face.units_per_em().max(1));
            let advance = |g| face.glyph_hor_advance(g).map(|a| f32::from(a) / em);
            missing = advance(ttf_parser::GlyphId(0)).unwrap_or(1.0);
            let subtables = face.tables().cmap.map(|c| c.subtables);
            for sub in subtables.into_iter().flatten().filter(|s| s.is_unicode()) {
                sub.codepoints(|cp| {
                    let found = char::from_u32(cp).zip(sub.glyph_index(cp).and_then(advance));
                    if let Some((c, a)) = found {
                        by_char.insert(c, a);
                    }
                });
            }
        }
        Advances { by_char, missing }
    }
}

/// The shipped fonts: their advances for cutting text, and the database resvg draws from.
pub struct Fonts {
    regular: Advances,
    bold: Advances,
    options: usvg::Options<'static>,
}

impl TextWidth for Fonts {
    fn advance(&self, c: char, bold: bool) -> f32 {
        let font = if bold { &self.bold } else { &self.regular };
        font.by_char.get(&c).copied().unwrap_or(font.missing)
    }
}

impl Fonts {
    /// Loaded once per process: parsing the fonts is the only start-up cost of the cards.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(REGULAR.to_vec());
            db.load_font_data(BOLD.to_vec());
            db.set_sans_serif_family(card::FONT_FAMILY);
            let options = usvg::Options {
                font_family: card::FONT_FAMILY.into(),
                fontdb: Arc::new(db),
                // The SVG is ours and has no images; refuse any all the same, so no file or
                // data URL can ever be read while drawing.
                image_href_resolver: usvg::ImageHrefResolver {
                    resolve_data: Box::new(|_, _, _| None),
                    resolve_string: Box::new(|_, _| None),
                },
                ..usvg::Options::default()
            };
            Fonts {
                regular: Advances::read(REGULAR),
                bold: Advances::read(BOLD),
                options,
            }
        })
    }

    /// The PNG of a card's SVG, or `None` if it does not parse (never for our own SVG).
    pub fn rasterise(&self, svg: &str) -> Option<Vec<u8>> {
        encode(&self.draw(svg)?, COMPRESSION)
    }

    /// A card's SVG drawn into pixels.
    pub fn draw(&self, svg: &str) -> Option<tiny_skia::Pixmap> {
        let tree = usvg::Tree::from_str(svg, &self.options).ok()?;
        let mut pixmap = tiny_skia::Pixmap::new(card::WIDTH, card::HEIGHT)?;
        let transform = tiny_skia::Transform::identity();
        resvg::render(&tree, transform, &mut pixmap.as_mut());
        Some(pixmap)
    }

    /// The parsed card, for tests that check where its text ended up.
    pub fn tree(&self, svg: &str) -> Option<usvg::Tree> {
        usvg::Tree::from_str(svg, &self.options).ok()
    }
}

/// The pixmap as an 8-bit RGB PNG. Every card has an opaque background, so alpha is always
/// 255 and the premultiplied colours are the colours.
pub fn encode(pixmap: &tiny_skia::Pixmap, compression: png::Compression) -> Option<Vec<u8>> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(compression);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&rgb).ok()?;
    writer.finish().ok()?;
    Some(out)
}

/// How hard the PNG is compressed. `examples/bench_cards.rs` measured the calculator card:
/// fast 1.6 ms and 140 KB, default 8.5 ms and 66 KB, best 20 ms and the same 66 KB.
const COMPRESSION: png::Compression = png::Compression::Default;

/// What the image route needs: the data, and the site card to fall back on.
pub struct Cards {
    catalog: Arc<Catalog>,
    /// The site card, drawn once: served if a card ever failed to draw.
    fallback: OnceLock<Bytes>,
}

impl Cards {
    pub fn new(catalog: Arc<Catalog>) -> Cards {
        Cards {
            catalog,
            fallback: OnceLock::new(),
        }
    }

    /// The SVG of the card at `image` (a path) for `query`; `None` for a path that names
    /// no card.
    pub fn svg(&self, image: &str, query: &Query) -> Option<String> {
        let page = routes::card_page(image)?;
        Some(card::for_page(&self.catalog, &page, query, Fonts::get()))
    }

    fn fallback(&self) -> Bytes {
        self.fallback
            .get_or_init(|| {
                let fonts = Fonts::get();
                let svg = card::site(fonts, self.catalog.checked_on());
                Bytes::from(fonts.rasterise(&svg).unwrap_or_default())
            })
            .clone()
    }

    /// The PNG of `svg`. Drawn where it is called: the response layer runs every card
    /// request that misses the cache on the work pool (`work`), one draw per core at most,
    /// a 3 MB pixmap each, so a burst of new addresses waits in the pool's bounded queue.
    fn png(&self, svg: &str) -> Bytes {
        Fonts::get()
            .rasterise(svg)
            .map(Bytes::from)
            .unwrap_or_else(|| self.fallback())
    }
}

/// A strong validator for `bytes`: 64-bit FNV-1a, written out because std's hashers may
/// change between Rust releases, and a tag must stay equal across replicas and builds.
/// Change detection only: a card is public, so nothing rides on a collision being hard.
pub fn etag(bytes: &[u8]) -> String {
    format!("\"{:016x}\"", crate::server::response::fnv1a([bytes]))
}

/// The handler: 200 `image/png` for any card path (a query a page would refuse gets the
/// site card), 404 for a path that names none.
pub async fn image(State(cards): State<Arc<Cards>>, uri: Uri) -> Response {
    let query = Query::parse(uri.query().unwrap_or(""));
    let Some(svg) = cards.svg(uri.path(), &query) else {
        let mut res = Response::new(Body::from("404: no such image\n"));
        *res.status_mut() = StatusCode::NOT_FOUND;
        return res;
    };
    let png = cards.png(&svg);
    let mut res = Response::new(Body::from(png.clone()));
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    if let Ok(tag) = HeaderValue::from_str(&etag(&png)) {
        headers.insert(header::ETAG, tag);
    }
    // Chat and social sites' web clients may show the picture straight from this server.
    headers.insert(
        header::HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("cross-origin"),
    );
    res
}
