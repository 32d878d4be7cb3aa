//! Keeps `state.rs` out of import circles. The features own their state types in leaf modules
//! (`faults/rules.rs`, `realtime/hub.rs`…); `state.rs` imports only those, and nothing it
//! imports may lead back to `crate::state`, directly or through other modules. The graph is read
//! from the source files: `use` trees and inline `crate::`/`super::`/`self::` paths, each
//! resolved to the file of the longest module path that exists. Test modules are left out.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The file of module `path` (`[]` is the crate root), if it exists.
fn module_file(path: &[String]) -> Option<PathBuf> {
    if path.is_empty() {
        return Some(src().join("lib.rs"));
    }
    let dir = path.iter().fold(src(), |p, s| p.join(s));
    let file = dir.with_extension("rs");
    if file.is_file() {
        return Some(file);
    }
    let nested = dir.join("mod.rs");
    nested.is_file().then_some(nested)
}

/// The module path of a source file (`src/rest/change.rs` → `[rest, change]`).
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src()).expect("a file under src/");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    if !matches!(last.as_str(), "mod.rs" | "lib.rs") {
        parts.push(last.trim_end_matches(".rs").to_string());
    }
    parts
}

/// The file a path names, from module `base`: the longest prefix of `rest` that is a module.
fn resolve(base: &[String], rest: &[String]) -> Option<PathBuf> {
    (0..=rest.len()).rev().find_map(|k| {
        let mut path = base.to_vec();
        path.extend_from_slice(&rest[..k]);
        module_file(&path)
    })
}

/// The source without comments and without its `#[cfg(test)] mod …` block.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            break;
        }
        let line = line.split("//").next().unwrap_or_default();
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn ident_len(s: &str) -> usize {
    s.find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len())
}

/// Where a path starting at `s` leads from `module`: `crate::`, `super::`, `self::` or (in a
/// `use`) a child module. Returns the base module and the segments after it.
fn start(module: &[String], s: &str, in_use: bool) -> Option<(Vec<String>, usize)> {
    let mut base = module.to_vec();
    let mut at = 0;
    if s.starts_with("crate::") {
        base.clear();
        at = "crate::".len();
    } else if s.starts_with("self::") {
        at = "self::".len();
    } else if s.starts_with("super::") {
        while s[at..].starts_with("super::") {
            base.pop();
            at += "super::".len();
        }
    } else if !in_use {
        return None;
    }
    Some((base, at))
}

/// Every full path of a `use` tree (`a::{b, c::{d, e}}`), as segment lists.
fn use_tree(s: &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        let (mut depth, mut from) = (0, 0);
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    use_tree(&inner[from..i], prefix.clone(), out);
                    from = i + 1;
                }
                _ => {}
            }
        }
        use_tree(&inner[from..], prefix, out);
        return;
    }
    match s.split_once("::") {
        Some((head, tail)) => {
            let mut p = prefix;
            p.push(head.trim().to_string());
            use_tree(tail, p, out);
        }
        None => {
            let mut p = prefix;
            let name = s.split(" as ").next().unwrap_or_default().trim();
            if !name.is_empty() && name != "*" {
                p.push(name.to_string());
            }
            out.push(p);
        }
    }
}

/// The files `file` imports.
fn imports(file: &Path) -> BTreeSet<PathBuf> {
    let module = module_of(file);
    let text = code(&std::fs::read_to_string(file).expect("readable source"));
    let mut found = BTreeSet::new();
    // `use` statements, braces and all.
    for stmt in text.split(';') {
        let Some(at) = stmt.find("use ").filter(|&at| {
            let before = stmt[..at].trim_end();
            before.is_empty() || before.ends_with(['{', '}', ')', ']']) || before.ends_with("pub")
        }) else {
            continue;
        };
        let tree = &stmt[at + 4..];
        if !tree
            .chars()
            .all(|c| c.is_alphanumeric() || "_:{},* \n\t".contains(c))
        {
            continue; // "use" inside a string, not a statement.
        }
        let mut paths = Vec::new();
        use_tree(tree, Vec::new(), &mut paths);
        for path in paths {
            let joined = path.join("::") + "::";
            let Some((base, at)) = start(&module, &joined, true) else {
                continue;
            };
            let rest: Vec<String> = joined[at..]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            if rest.is_empty() {
                continue;
            }
            // A bare first segment counts only when it is a child module (not an extern crate).
            if at == 0 && module_file(&[module.clone(), vec![rest[0].clone()]].concat()).is_none() {
                continue;
            }
            found.extend(resolve(&base, &rest));
        }
    }
    // Inline paths in code (`crate::clock::iso_millis(…)`).
    for (i, _) in text.match_indices("::") {
        let head_start = text[..i]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |p| p + 1);
        let Some((base, at)) = start(&module, &text[head_start..], false) else {
            continue;
        };
        if head_start > 0 && text[..head_start].ends_with("::") {
            continue; // `super::super::` is read from its first `super`.
        }
        let mut rest = Vec::new();
        let mut s = &text[head_start + at..];
        let mut braces = false;
        loop {
            let n = ident_len(s);
            if n == 0 {
                braces = s.starts_with('{');
                break;
            }
            rest.push(s[..n].to_string());
            match s[n..].strip_prefix("::") {
                Some(r) => s = r,
                None => break,
            }
        }
        if braces {
            continue; // A `use` tree, read above.
        }
        found.extend(resolve(&base, &rest));
    }
    found.remove(file);
    found
}

fn all_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            all_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("main.rs") {
            out.push(path);
        }
    }
}

fn short(p: &Path) -> String {
    p.strip_prefix(src()).unwrap_or(p).display().to_string()
}

#[test]
fn nothing_state_imports_leads_back_to_state() {
    let state = src().join("state.rs");
    let mut files = Vec::new();
    all_sources(&src(), &mut files);
    let graph: BTreeMap<PathBuf, BTreeSet<PathBuf>> =
        files.iter().map(|f| (f.clone(), imports(f))).collect();

    // The reader sees imports at all: the features' routes do import the state, and the state
    // imports the leaves that hold the features' state.
    let faults = src().join("faults/mod.rs");
    assert!(
        graph[&faults].contains(&state),
        "the import reader missed `use crate::state::AppState` in faults/mod.rs"
    );
    for leaf in [
        "faults/rules.rs",
        "realtime/hub.rs",
        "realtime/sockets.rs",
        "functions/in_flight.rs",
    ] {
        assert!(
            graph[&state].contains(&src().join(leaf)),
            "state.rs no longer imports {leaf}: {:?}",
            graph[&state].iter().map(|p| short(p)).collect::<Vec<_>>()
        );
    }

    // Breadth-first from what state.rs imports; a path back to state.rs is a circle.
    let mut came_from: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut queue: VecDeque<PathBuf> = graph[&state].iter().cloned().collect();
    for f in &queue {
        came_from.insert(f.clone(), state.clone());
    }
    while let Some(f) = queue.pop_front() {
        for next in graph.get(&f).into_iter().flatten() {
            if *next == state {
                let mut chain = vec![short(&f)];
                let mut at = f.clone();
                while let Some(prev) = came_from.get(&at).filter(|p| **p != state) {
                    chain.push(short(prev));
                    at = prev.clone();
                }
                chain.reverse();
                panic!(
                    "import circle: state.rs -> {} -> state.rs; move the state type this needs into a leaf module that does not import `crate::state`",
                    chain.join(" -> ")
                );
            }
            if !came_from.contains_key(next) {
                came_from.insert(next.clone(), f.clone());
                queue.push_back(next.clone());
            }
        }
    }
}

#[test]
fn the_import_reader_resolves_use_trees_and_inline_paths() {
    let mut paths = Vec::new();
    use_tree(
        "crate::rest::{records::{self, Row}, schema::HEROES}",
        Vec::new(),
        &mut paths,
    );
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        [
            "crate::rest::records::self",
            "crate::rest::records::Row",
            "crate::rest::schema::HEROES"
        ]
    );
    // functions/mod.rs reaches the clock inline and the state through `use`.
    let functions = imports(&src().join("functions/mod.rs"));
    assert!(functions.contains(&src().join("clock.rs")));
    assert!(functions.contains(&src().join("state.rs")));
    assert!(functions.contains(&src().join("rest/records.rs")));
    // rest/change.rs reaches its sibling through `super::`.
    let change = imports(&src().join("rest/change.rs"));
    assert_eq!(
        change.into_iter().map(|p| short(&p)).collect::<Vec<_>>(),
        ["rest/schema.rs"]
    );
}
