//! Owner-only files and folders, from the first byte: the databases, the JWT secret, the keys
//! file, stored objects and the cache hold tokens, hashes and a family's stories, so on Unix they
//! are created `0600` (folders `0700`) by the call that creates them — never created readable and
//! narrowed afterwards. Elsewhere the platform's per-user data dir already keeps them private.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `path` and its missing parents as owner-only folders (existing ones keep their mode).
pub fn private_dir_all(path: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(path)
}

fn options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Creates (or truncates) `path` as an owner-only file open for writing.
pub fn create_private(path: &Path) -> io::Result<File> {
    options().write(true).create(true).truncate(true).open(path)
}

/// Creates `path` as an empty owner-only file if it does not exist yet (an existing file is left
/// as it is), so a library that opens it next (SQLite) finds it private from the start.
pub fn touch_private(path: &Path) -> io::Result<()> {
    options().append(true).create(true).open(path).map(drop)
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_and_files_are_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        private_dir_all(&nested).unwrap();
        assert_eq!((mode(&dir.path().join("a")), mode(&nested)), (0o700, 0o700));
        let f = nested.join("secret");
        create_private(&f).unwrap();
        assert_eq!(mode(&f), 0o600);
        let db = nested.join("db");
        touch_private(&db).unwrap();
        assert_eq!(mode(&db), 0o600);
        std::fs::write(&db, b"kept").unwrap();
        touch_private(&db).unwrap();
        assert_eq!(
            std::fs::read(&db).unwrap(),
            b"kept",
            "touching keeps what is there"
        );
    }
}
