//! Keeps the house in order: the pure core (`src/domain`) imports no web framework and
//! holds only what the views use, the views (`src/ui`) never reach into the server-only
//! layer, the server-only drawing (`src/render`) imports only the core, and no two source
//! files import each other, directly or round a longer loop. Reads the source as text; no
//! build needed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Crates the pure core must not use: it is compiled into the browser bundle too and is
/// tested without a server.
const FRAMEWORKS: &[&str] = &[
    "leptos",
    "leptos_router",
    "leptos_meta",
    "leptos_axum",
    "axum",
    "tokio",
    "tower_http",
    "web_sys",
    "wasm_bindgen",
];

/// `src/a/b.rs` and `src/a/b/mod.rs` are module `a::b`; `src/lib.rs` is the crate root.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts.join("::")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path.ends_with("main.rs")
            // A module's unit tests in a file of their own (`mod tests;`) may use anything.
            && !path.ends_with("tests.rs")
        {
            out.push(path);
        }
    }
}

/// The file's code without comments and unit tests (a `tests` module may use anything).
fn code(text: &str) -> String {
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path the code names through `crate::` or `super::`, resolved to `a::b::c`, with
/// grouped imports (`crate::a::{b, c::d}`) expanded one level.
fn referenced_paths(module: &str, code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (start, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        let before = code[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue; // part of a longer path (`super::super::`, `foo::crate`)
        }
        let rest = &code[start..];
        let mut base: Vec<&str> = if rest.starts_with("crate::") {
            Vec::new()
        } else {
            let mut m: Vec<&str> = module.split("::").filter(|s| !s.is_empty()).collect();
            m.pop();
            m
        };
        let mut tail = rest.split_once("::").unwrap().1;
        while let Some(t) = tail.strip_prefix("super::") {
            base.pop();
            tail = t;
        }
        let path: String = tail
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':' || *c == '{')
            .collect();
        let prefix = base.join("::");
        let join = |p: &str| {
            let p = p.trim_matches(':');
            if prefix.is_empty() {
                p.to_string()
            } else {
                format!("{prefix}::{p}")
            }
        };
        match path.split_once('{') {
            Some((head, _)) => {
                let group_start = start + rest.find('{').unwrap() + 1;
                let group_end = group_start + code[group_start..].find('}').unwrap_or(0);
                for item in code[group_start..group_end].split(',') {
                    let item: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                        .collect();
                    out.push(join(&format!("{head}{item}")));
                }
            }
            None => out.push(join(&path)),
        }
    }
    out
}

struct Tree {
    /// Module path → its code (tests cut off).
    modules: BTreeMap<String, String>,
}

impl Tree {
    fn read() -> Tree {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let modules = files
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).unwrap();
                (module_of(&src, f), code(&text))
            })
            .collect();
        Tree { modules }
    }

    /// The file module a path lands in: its longest prefix that is a file.
    fn file_of(&self, path: &str) -> Option<String> {
        let mut parts: Vec<&str> = path.split("::").collect();
        while !parts.is_empty() {
            let candidate = parts.join("::");
            if self.modules.contains_key(&candidate) {
                return Some(candidate);
            }
            parts.pop();
        }
        None
    }

    /// Which file modules each file module imports (a module's own children and
    /// ancestors left out: declaring and re-exporting them is not a dependency).
    fn edges(&self) -> BTreeMap<String, BTreeSet<String>> {
        self.modules
            .iter()
            .map(|(m, code)| {
                let to = referenced_paths(m, code)
                    .iter()
                    .filter_map(|p| self.file_of(p))
                    .filter(|t| {
                        t != m
                            && !t.starts_with(&format!("{m}::"))
                            && !m.starts_with(&format!("{t}::"))
                            && !t.is_empty()
                    })
                    .collect();
                (m.clone(), to)
            })
            .collect()
    }

    /// The file modules declared directly inside `m`.
    fn children<'a>(&'a self, m: &'a str) -> impl Iterator<Item = &'a String> + 'a {
        self.modules.keys().filter(move |c| {
            c.strip_prefix(m)
                .and_then(|rest| rest.strip_prefix("::"))
                .is_some_and(|name| !name.contains("::"))
        })
    }

    /// The modules reached from those `from` names by following imports into modules that
    /// `into` admits. A module also reaches the children it names (`pub use numbers::…`
    /// re-exports them; the scanner reads only `crate::` and `super::` paths), and a module
    /// reached makes its ancestors reached (they declare it).
    fn reached(
        &self,
        from: impl Fn(&str) -> bool,
        into: impl Fn(&str) -> bool,
    ) -> BTreeSet<String> {
        let edges = self.edges();
        let mut seen = BTreeSet::new();
        let mut todo: Vec<String> = self.modules.keys().filter(|m| from(m)).cloned().collect();
        while let Some(m) = todo.pop() {
            if !seen.insert(m.clone()) {
                continue;
            }
            let code = &self.modules[&m];
            let named = self.children(&m).filter(|c| {
                let name = c.rsplit("::").next().unwrap_or("");
                code.match_indices(&format!("{name}::")).any(|(i, _)| {
                    let before = code[..i].chars().next_back();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
                })
            });
            todo.extend(edges[&m].iter().chain(named).filter(|t| into(t)).cloned());
        }
        let ancestors: Vec<String> = seen
            .iter()
            .flat_map(|m| {
                let parts: Vec<&str> = m.split("::").collect();
                (1..parts.len()).map(move |i| parts[..i].join("::"))
            })
            .collect();
        seen.extend(ancestors);
        seen
    }
}

#[test]
fn the_pure_core_uses_no_web_framework() {
    let tree = Tree::read();
    let mut offences = Vec::new();
    for (m, code) in tree.modules.iter().filter(|(m, _)| m.starts_with("domain")) {
        for fw in FRAMEWORKS {
            for pattern in [
                format!("use {fw}::"),
                format!(" {fw}::"),
                format!("({fw}::"),
            ] {
                if code.contains(&pattern) {
                    offences.push(format!("{m} uses {fw}"));
                }
            }
        }
        for above in ["crate::ui", "crate::server"] {
            if code.contains(above) {
                offences.push(format!("{m} imports {above}"));
            }
        }
    }
    offences.dedup();
    assert!(offences.is_empty(), "{offences:#?}");
    assert!(
        tree.modules.contains_key("domain::url"),
        "the scan found no domain files"
    );
}

#[test]
fn the_views_never_import_the_server_layer() {
    let tree = Tree::read();
    let offences: Vec<&String> = tree
        .modules
        .iter()
        .filter(|(m, code)| m.starts_with("ui") && code.contains("crate::server"))
        .map(|(m, _)| m)
        .collect();
    assert!(offences.is_empty(), "{offences:?}");
}

#[test]
fn no_two_files_import_each_other() {
    let tree = Tree::read();
    let edges = tree.edges();
    // Depth-first search for a back edge; report the loop it closes.
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        loops: &mut Vec<String>,
    ) {
        if let Some(i) = path.iter().position(|p| p == m) {
            loops.push(format!("{} → {m}", path[i..].join(" → ")));
            return;
        }
        if !done.insert(m.to_string()) {
            return;
        }
        path.push(m.to_string());
        for to in edges.get(m).into_iter().flatten() {
            visit(to, edges, path, done, loops);
        }
        path.pop();
    }
    let mut loops = Vec::new();
    let mut done = BTreeSet::new();
    for m in edges.keys() {
        visit(m, &edges, &mut Vec::new(), &mut done, &mut loops);
    }
    assert!(loops.is_empty(), "import cycles:\n{}", loops.join("\n"));
    // The scan must see real edges, or it proves nothing.
    assert!(
        edges["domain::report"].contains("domain::scenario"),
        "{edges:#?}"
    );
}

#[test]
fn the_scanner_resolves_paths() {
    let paths = referenced_paths(
        "domain::cost::upgrade",
        "use super::{plan_annual, span::Span};\nuse crate::domain::vendor::Plan;\nlet x = super::super::url::Query::parse(\"\");",
    );
    assert_eq!(
        paths,
        vec![
            "domain::vendor::Plan",
            "domain::cost::plan_annual",
            "domain::cost::span::Span",
            "domain::url::Query::parse",
        ]
    );
}

#[test]
fn every_island_lives_in_ui_islands() {
    // The folder is how a reader knows what runs in the browser.
    let tree = Tree::read();
    let strays: Vec<&String> = tree
        .modules
        .iter()
        .filter(|(m, code)| code.contains("#[island]") && !m.starts_with("ui::islands"))
        .map(|(m, _)| m)
        .collect();
    assert!(strays.is_empty(), "islands outside ui/islands: {strays:?}");
    assert!(tree.modules["ui::islands::live_list"].contains("#[island]"));
}

/// Every route's first path segment (`vendors` for `/vendors/{slug}`), from the table.
fn route_heads() -> BTreeSet<String> {
    use scim_ledger::domain::routes::Route;
    Route::ALL
        .iter()
        .map(|r| r.path().trim_start_matches('/'))
        .map(|p| p.split('/').next().unwrap_or_default().to_string())
        .filter(|head| !head.is_empty())
        .collect()
}

/// The string literals of `code` that start with `/` (escaped quotes skipped).
fn slash_literals(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("\"/") {
        if code[..at].ends_with('\\') {
            continue;
        }
        let rest = &code[at + 1..];
        out.push(&rest[..rest.find('"').unwrap_or(rest.len())]);
    }
    out
}

#[test]
fn no_path_is_written_outside_the_route_table() {
    let tree = Tree::read();
    let heads = route_heads();
    let mut offences = Vec::new();
    for (m, code) in tree.modules.iter().filter(|(m, _)| *m != "domain::routes") {
        for literal in slash_literals(code) {
            let head: String = literal[1..]
                .chars()
                .take_while(|c| !matches!(c, '/' | '?' | '#' | '{'))
                .collect();
            if heads.contains(&head) {
                offences.push(format!("{m}: \"{literal}\""));
            }
        }
        // The home page's path, where a link names it.
        if code.contains("href=\"/\"") {
            offences.push(format!("{m}: href=\"/\""));
        }
    }
    assert!(
        offences.is_empty(),
        "paths written outside domain::routes (use Route::…):\n{}",
        offences.join("\n")
    );
    assert!(
        heads.contains("vendors") && heads.contains("api"),
        "{heads:?}"
    );
    assert_eq!(slash_literals(r#"a("/x/{y}") b("\"/no")"#), vec!["/x/{y}"]);
}

#[test]
fn no_server_functions() {
    // Pages load their data on the server from the catalog; a `#[server]` function would
    // answer public POSTs and need a guard of its own.
    let tree = Tree::read();
    let found: Vec<&String> = tree
        .modules
        .iter()
        .filter(|(_, code)| code.contains("#[server"))
        .map(|(m, _)| m)
        .collect();
    assert!(found.is_empty(), "server functions in {found:?}");
}

#[test]
fn no_parent_and_child_import_each_other() {
    // A child that reaches up into its parent's file while the parent uses the child is a
    // loop the cycle check above cannot see (it leaves parent-child edges out): what both
    // share belongs in a file of its own.
    let tree = Tree::read();
    let mut offences = Vec::new();
    for (child, code) in &tree.modules {
        let Some((parent, _)) = child.rsplit_once("::") else {
            continue;
        };
        let Some(parent_code) = tree.modules.get(parent) else {
            continue;
        };
        let up = referenced_paths(child, code)
            .iter()
            .any(|p| tree.file_of(p).as_deref() == Some(parent));
        let down = referenced_paths(parent, parent_code)
            .iter()
            .any(|p| tree.file_of(p).as_deref() == Some(child.as_str()));
        if up && down {
            offences.push(format!("{parent} ⇄ {child}"));
        }
    }
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

/// Core files only the server reads, each with why it stays in the core: a new one fails
/// [`every_core_file_is_used_by_the_views`] until it moves or is listed here.
const SERVER_ONLY_CORE: &[(&str, &str)] = &[
    (
        "domain::index",
        "the SCIM Tax Index's rows read into vendors while the data loads: pure, tested without a server",
    ),
    ("domain::index::v3", "the index's v3 CSV rows, as above"),
    (
        "domain::changes::profile",
        "our profiles' earlier checks as history rows while the data loads, as above",
    ),
    (
        "domain::price_text",
        "the index's prices written as text read into the price model, as above",
    ),
];

#[test]
fn every_core_file_is_used_by_the_views() {
    // The core is compiled into the browser bundle too: what only the server uses belongs
    // to the server (`render`, `server`). Followed from every view through the core only:
    // a core file that only `render` or `server` reaches is theirs.
    let tree = Tree::read();
    let reached = tree.reached(|m| m.starts_with("ui"), |t| t.starts_with("domain"));
    let listed: Vec<&str> = SERVER_ONLY_CORE.iter().map(|(m, _)| *m).collect();
    let server_only: Vec<&String> = tree
        .modules
        .keys()
        .filter(|m| m.starts_with("domain") && !reached.contains(*m))
        .filter(|m| !listed.contains(&m.as_str()))
        .collect();
    assert!(
        server_only.is_empty(),
        "core files no view uses (move them to the server, or list them in SERVER_ONLY_CORE): {server_only:?}"
    );
    let stale: Vec<&&str> = listed.iter().filter(|m| reached.contains(**m)).collect();
    assert!(
        stale.is_empty(),
        "listed as server-only but used by a view: {stale:?}"
    );
    for m in &listed {
        assert!(
            tree.modules.contains_key(*m),
            "{m} is listed but no longer exists"
        );
    }
    // The walk must see through re-exports and into files, or it proves nothing.
    for m in [
        "domain::format::numbers",
        "domain::stack::list",
        "domain::drawing",
    ] {
        assert!(reached.contains(m), "{m} not reached: {reached:#?}");
    }
}

#[test]
fn the_server_only_drawing_imports_only_the_core() {
    let tree = Tree::read();
    let edges = tree.edges();
    let mut offences = Vec::new();
    for (m, code) in tree.modules.iter().filter(|(m, _)| m.starts_with("render")) {
        for above in ["crate::ui", "crate::server"] {
            if code.contains(above) {
                offences.push(format!("{m} imports {above}"));
            }
        }
        for to in &edges[m] {
            if !to.starts_with("render") && !to.starts_with("domain") {
                offences.push(format!("{m} imports {to}"));
            }
        }
    }
    assert!(offences.is_empty(), "{offences:#?}");
    assert!(
        edges["render::card::canvas"].contains("render::card::style"),
        "the scan found no render edges: {edges:#?}"
    );
}
