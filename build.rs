//! The build's identity: a hash of everything that decides what partnerdesk makes of a data file
//! (its source, the embedded data, the locked dependencies), for the cache key. A cache entry
//! written by another build is a miss, so that a change to folding, filler words or validation
//! reaches everyone who ran an older build on the same file.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    let inputs = ["src", "data", "Cargo.lock", "Cargo.toml", "build.rs"];
    let mut files = Vec::new();
    for input in inputs {
        println!("cargo::rerun-if-changed={input}");
        collect(Path::new(input), &mut files);
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        file.to_string_lossy().replace('\\', "/").hash(&mut hasher);
        std::fs::read(file).unwrap_or_default().hash(&mut hasher);
    }
    println!("cargo::rustc-env=PARTNERDESK_BUILD={:016x}", hasher.finish());
}

/// Every file at or below `path`.
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.flatten() {
                collect(&entry.path(), files);
            }
        }
        Err(_) if path.is_file() => files.push(path.to_path_buf()),
        Err(_) => {}
    }
}
