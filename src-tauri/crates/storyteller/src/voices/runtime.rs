//! The ONNX Runtime library the neural voices run on: where it may already be (an explicit
//! path, the app's `runtime/` folder, the system's library folders) and where to fetch it from
//! (by default the official `onnxruntime` wheel on PyPI, whose library needs only glibc ≥ 2.28;
//! the wheel is a ZIP, the library one member of it).

use std::path::{Path, PathBuf};

/// Where to download the runtime library from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeSource {
    /// The file to download (a wheel/ZIP when `member` is set, else the library itself).
    pub url: String,
    /// Its size.
    pub size_bytes: u64,
    /// Its hex SHA-256.
    pub sha256: String,
    /// The library's path inside the archive.
    pub member: Option<String>,
}

impl RuntimeSource {
    /// The official ONNX Runtime 1.32.0 build for this platform, when there is a known one
    /// (Linux x86-64: the CPython 3.11 manylinux_2_28 wheel on PyPI, 27.8 MB). Elsewhere, the
    /// family points the app at a runtime they have (`INFINITE_STORIES_ONNXRUNTIME`).
    pub fn official() -> Option<RuntimeSource> {
        if cfg!(all(target_os = "linux", target_arch = "x86_64")) {
            Some(RuntimeSource {
                url: "https://files.pythonhosted.org/packages/cp311/o/onnxruntime/\
                      onnxruntime-1.32.0-cp311-cp311-manylinux_2_28_x86_64.whl"
                    .into(),
                size_bytes: 27_773_237,
                sha256: "5a34fc4dfeb5a7b4a74c95dcba1e773d722abda720b474edf1b0c419dc6d163d".into(),
                member: Some("onnxruntime/capi/libonnxruntime.so.1.32.0".into()),
            })
        } else {
            None
        }
    }

    /// The library's file name once installed.
    pub fn library_name(&self) -> String {
        let path = self.member.as_deref().unwrap_or(&self.url);
        path.rsplit('/').next().unwrap_or(path).to_string()
    }
}

/// Whether `name` is an ONNX Runtime library (not one of its provider plug-ins).
pub(crate) fn is_runtime_name(name: &str) -> bool {
    (name.starts_with("libonnxruntime.so")
        || (name.starts_with("libonnxruntime") && name.ends_with(".dylib"))
        || name == "onnxruntime.dll")
        && !name.contains("providers")
}

/// The runtime library in `dir`, if any (the plain name, else the most specific version).
pub(crate) fn find_in(dir: &Path) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(is_runtime_name)
        })
        .collect();
    found.sort_by_key(|p| std::cmp::Reverse(p.as_os_str().len()));
    found.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_names_exclude_provider_plugins() {
        assert!(is_runtime_name("libonnxruntime.so.1.32.0"));
        assert!(is_runtime_name("libonnxruntime.so"));
        assert!(is_runtime_name("libonnxruntime.1.22.0.dylib"));
        assert!(is_runtime_name("onnxruntime.dll"));
        assert!(!is_runtime_name("libonnxruntime_providers_shared.so"));
        assert!(!is_runtime_name("libespeak-ng.so.1"));
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(find_in(dir.path()), None);
        std::fs::write(dir.path().join("libonnxruntime_providers_shared.so"), b"x").unwrap();
        std::fs::write(dir.path().join("libonnxruntime.so.1.32.0"), b"x").unwrap();
        assert_eq!(
            find_in(dir.path()),
            Some(dir.path().join("libonnxruntime.so.1.32.0"))
        );
        assert_eq!(
            RuntimeSource::official().map(|s| s.library_name()),
            cfg!(all(target_os = "linux", target_arch = "x86_64"))
                .then(|| "libonnxruntime.so.1.32.0".to_string())
        );
    }
}
