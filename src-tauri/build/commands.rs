//! Reads the shell's command modules (`src-tauri/src/commands/*.rs`) and writes what every
//! command needs besides its own function: the module declarations, the invoke handler, the list
//! of names, the TypeScript signatures and the `allow-<name>` permission set the capability file
//! grants. So adding a command is writing a `#[tauri::command]` function in a command module and
//! nothing else by hand.
//!
//! Argument and result types are written with the paths the module imports them under, resolved
//! through the module's `use` items, so the generated code can name them from anywhere.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quote::ToTokens;
use syn::visit_mut::VisitMut;
use syn::{FnArg, Item, ItemFn, Pat, ReturnType, Type, UseTree};

/// One command as the generator sees it.
pub struct Command {
    pub module: String,
    pub name: String,
    /// (argument name as the UI sends it, fully-qualified Rust type)
    pub args: Vec<(String, String)>,
    /// Fully-qualified Rust type of the success value (`()` when none).
    pub result: String,
}

/// Arguments Tauri fills in itself; they are not part of what the UI sends.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "Webview", "WebviewWindow"];

/// Every command in `dir`, sorted by module then by position in the file.
pub fn scan(dir: &Path) -> Vec<Command> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src-tauri/src/commands exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter(|p| p.file_stem().is_some_and(|s| s != "mod"))
        .collect();
    files.sort();
    let mut commands = Vec::new();
    for path in files {
        let module = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("command module is readable");
        let file = syn::parse_file(&text)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
        let paths = imports(&module, &file.items);
        for item in &file.items {
            if let Item::Fn(f) = item
                && is_command(f)
            {
                commands.push(command(&module, f, &paths));
            }
        }
    }
    commands
}

fn is_command(f: &ItemFn) -> bool {
    f.attrs.iter().any(|a| {
        let p = a.path();
        p.segments.last().is_some_and(|s| s.ident == "command")
            && p.segments.iter().any(|s| s.ident == "tauri")
    })
}

/// Whether the command runs off the main thread: an `async fn`, or `#[tauri::command(async)]`.
fn off_main_thread(f: &ItemFn) -> bool {
    f.sig.asyncness.is_some()
        || f.attrs.iter().any(|a| {
            a.path()
                .segments
                .last()
                .is_some_and(|s| s.ident == "command")
                && a.meta
                    .require_list()
                    .is_ok_and(|l| l.tokens.to_string().split(',').any(|t| t.trim() == "async"))
        })
}

fn command(module: &str, f: &ItemFn, paths: &BTreeMap<String, String>) -> Command {
    let name = f.sig.ident.to_string();
    // Tauri runs a plain command on the main thread, busy with the window and WebKit at start-up
    // (Home's first questions waited up to 0.1 s on it): every command runs elsewhere.
    assert!(
        off_main_thread(f),
        "command {name} ({module}.rs) would run on the main thread: make it `async fn` or mark it #[tauri::command(async)]"
    );
    let mut args = Vec::new();
    for input in &f.sig.inputs {
        let FnArg::Typed(arg) = input else {
            panic!("command {name} takes self")
        };
        if let Type::Path(p) = &*arg.ty
            && p.path
                .segments
                .last()
                .is_some_and(|s| INJECTED.contains(&s.ident.to_string().as_str()))
        {
            continue;
        }
        let Pat::Ident(ident) = &*arg.pat else {
            panic!("command {name}: arguments must be plain names")
        };
        args.push((camel(&ident.ident.to_string()), qualified(&arg.ty, paths)));
    }
    let result = match &f.sig.output {
        ReturnType::Default => "()".to_owned(),
        ReturnType::Type(_, ty) => qualified(&ok_type(ty), paths),
    };
    Command {
        module: module.to_owned(),
        name,
        args,
        result,
    }
}

/// `Result<T, E>` → `T`; anything else as is.
fn ok_type(ty: &Type) -> Type {
    if let Type::Path(p) = ty
        && let Some(last) = p.path.segments.last()
        && last.ident == "Result"
        && let syn::PathArguments::AngleBracketed(a) = &last.arguments
        && let Some(syn::GenericArgument::Type(t)) = a.args.first()
    {
        return t.clone();
    }
    ty.clone()
}

/// Tauri's default: the UI sends arguments in camelCase.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Name → full path for everything a module imports or declares.
fn imports(module: &str, items: &[Item]) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for item in items {
        match item {
            Item::Use(u) => collect(&u.tree, String::new(), &mut map),
            Item::Struct(s) => {
                map.insert(
                    s.ident.to_string(),
                    format!("crate::commands::{module}::{}", s.ident),
                );
            }
            Item::Enum(e) => {
                map.insert(
                    e.ident.to_string(),
                    format!("crate::commands::{module}::{}", e.ident),
                );
            }
            _ => {}
        }
    }
    map
}

fn collect(tree: &UseTree, prefix: String, map: &mut BTreeMap<String, String>) {
    let join = |p: &str, s: &str| {
        if p.is_empty() {
            s.to_owned()
        } else {
            format!("{p}::{s}")
        }
    };
    match tree {
        UseTree::Path(p) => collect(&p.tree, join(&prefix, &p.ident.to_string()), map),
        UseTree::Name(n) => {
            map.insert(n.ident.to_string(), join(&prefix, &n.ident.to_string()));
        }
        UseTree::Rename(r) => {
            map.insert(r.rename.to_string(), join(&prefix, &r.ident.to_string()));
        }
        UseTree::Group(g) => g.items.iter().for_each(|t| collect(t, prefix.clone(), map)),
        UseTree::Glob(_) => {}
    }
}

/// The type with every imported name replaced by its full path.
fn qualified(ty: &Type, paths: &BTreeMap<String, String>) -> String {
    struct Qualify<'a>(&'a BTreeMap<String, String>);
    impl VisitMut for Qualify<'_> {
        fn visit_type_path_mut(&mut self, tp: &mut syn::TypePath) {
            if tp.qself.is_none()
                && tp.path.leading_colon.is_none()
                && let Some(first) = tp.path.segments.first()
                && let Some(full) = self.0.get(&first.ident.to_string())
            {
                let mut path: syn::Path = syn::parse_str(full).expect("imported path parses");
                path.segments
                    .last_mut()
                    .expect("a path has a segment")
                    .arguments = first.arguments.clone();
                path.segments
                    .extend(tp.path.segments.iter().skip(1).cloned());
                tp.path = path;
            }
            syn::visit_mut::visit_type_path_mut(self, tp);
        }
    }
    let mut ty = ty.clone();
    Qualify(paths).visit_type_mut(&mut ty);
    ty.to_token_stream().to_string()
}

/// The Rust source included by `commands/mod.rs`.
pub fn rust(dir: &Path, commands: &[Command]) -> String {
    let mut out =
        String::from("// @generated by src-tauri/build/commands.rs from the command modules.\n");
    let mut modules: Vec<&str> = commands.iter().map(|c| c.module.as_str()).collect();
    modules.dedup();
    for m in &modules {
        let path = dir.join(format!("{m}.rs"));
        writeln!(
            out,
            "#[path = {:?}]\npub mod {m};",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str(
        "\n/// Names of every command, in handler order.\npub const NAMES: &[&str] = &[\n",
    );
    for c in commands {
        writeln!(out, "    {:?},", c.name).unwrap();
    }
    out.push_str("];\n\n/// The invoke handler with every command registered.\n");
    out.push_str("pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {\n    tauri::generate_handler![\n");
    for c in commands {
        writeln!(out, "        {}::{},", c.module, c.name).unwrap();
    }
    out.push_str(
        "    ]\n}\n\n/// Every command's TypeScript signature (declaring the types it uses).\n",
    );
    out.push_str("pub fn signatures(d: &mut crate::bindings::Declarations<'_>) -> Vec<crate::bindings::Signature> {\n    vec![\n");
    for c in commands {
        write!(
            out,
            "        crate::bindings::Signature {{ name: {:?}, args: vec![",
            c.name
        )
        .unwrap();
        for (arg, ty) in &c.args {
            write!(out, "({arg:?}, d.ts::<{ty}>()), ").unwrap();
        }
        writeln!(out, "], result: d.ts::<{}>() }},", c.result).unwrap();
    }
    out.push_str("    ]\n}\n");
    out
}

/// The app permission set `app-commands` (every command), granted by the capability file.
pub fn permission_set(commands: &[Command]) -> String {
    let mut out = String::from(
        "# @generated by src-tauri/build/commands.rs\n[[set]]\nidentifier = \"app-commands\"\n\
         description = \"Every command of the app (one allow-<name> per #[tauri::command]).\"\npermissions = [\n",
    );
    for c in commands {
        writeln!(out, "  \"allow-{}\",", c.name.replace('_', "-")).unwrap();
    }
    out.push_str("]\n");
    out
}
