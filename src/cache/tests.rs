//! The cache never changes an answer: whatever happens to the data file or the cache file, a load
//! gives the current data, or the current data's error.

use std::fs;

use super::*;
use crate::directory::EMBEDDED;
use crate::search::Query;

const YEAR: i32 = 2026;

struct Setup {
    _folder: tempfile::TempDir,
    data: PathBuf,
    cache: PathBuf,
}

fn setup() -> Setup {
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("directory.ron");
    fs::write(&data, EMBEDDED).unwrap();
    let cache = folder.path().join("cache");
    Setup { data, cache, _folder: folder }
}

fn load(s: &Setup) -> Result<Indexed, DataError> {
    load_with(&Source::File(s.data.clone()), YEAR, Some(&s.cache))
}

fn region_of_graz(loaded: &Indexed) -> String {
    let hits = loaded.index.search(&Query::parse("graz"));
    match loaded.index.target(hits[0].entry) {
        crate::directory::Target::City(i) => loaded.directory.cities()[i].region.clone(),
        other => panic!("{other:?}"),
    }
}

fn entry_file(s: &Setup) -> PathBuf {
    let entries: Vec<_> = fs::read_dir(&s.cache).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(entries.len(), 1, "one entry per data file: {entries:?}");
    entries[0].clone()
}

#[test]
fn a_second_load_comes_from_the_cache_with_the_same_answers() {
    let s = setup();
    let first = load(&s).unwrap();
    assert!(!first.from_cache);
    let second = load(&s).unwrap();
    assert!(second.from_cache);
    assert_eq!(second.directory.cities(), first.directory.cities());
    assert_eq!(second.directory.people(), first.directory.people());
    assert_eq!(second.index.search(&Query::parse("plo")), first.index.search(&Query::parse("plo")));
    assert_eq!(region_of_graz(&second), "Steiermark (Styria)");
}

#[test]
fn an_edited_data_file_is_read_again_even_with_the_same_size_and_time() {
    let s = setup();
    load(&s).unwrap();
    let modified = fs::metadata(&s.data).unwrap().modified().unwrap();
    // Same length, same modification time: only the hash of the bytes tells.
    fs::write(&s.data, EMBEDDED.replace("Steiermark (Styria)", "Steiermark (STYRIA)")).unwrap();
    fs::File::options().write(true).open(&s.data).unwrap().set_modified(modified).unwrap();
    let loaded = load(&s).unwrap();
    assert!(!loaded.from_cache);
    assert_eq!(region_of_graz(&loaded), "Steiermark (STYRIA)");
    assert!(load(&s).unwrap().from_cache, "and cached again");
}

#[test]
fn a_truncated_data_file_gives_its_own_error_not_the_cached_data() {
    let s = setup();
    load(&s).unwrap();
    let half = (0..=EMBEDDED.len() / 2).rev().find(|&i| EMBEDDED.is_char_boundary(i)).unwrap_or(0);
    fs::write(&s.data, &EMBEDDED[..half]).unwrap();
    assert!(matches!(load(&s), Err(DataError::Invalid { .. })));
}

#[test]
fn a_corrupt_truncated_or_foreign_cache_entry_is_rebuilt() {
    let s = setup();
    load(&s).unwrap();
    let entry = entry_file(&s);
    let good = fs::read(&entry).unwrap();
    let mut damaged = good.clone();
    // A flipped bit in the middle of a city's text still decodes; the checksum catches it.
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x01;
    for bad in [damaged, good[..good.len() / 3].to_vec(), b"not a cache entry".to_vec(), Vec::new()] {
        fs::write(&entry, &bad).unwrap();
        let loaded = load(&s).unwrap();
        assert!(!loaded.from_cache);
        assert_eq!(region_of_graz(&loaded), "Steiermark (Styria)");
        assert_eq!(fs::read(&entry).unwrap(), good, "the entry is written anew");
    }
}

#[test]
fn an_entry_of_another_year_or_file_is_not_used() {
    let s = setup();
    load(&s).unwrap();
    let next_year = load_with(&Source::File(s.data.clone()), YEAR + 1, Some(&s.cache)).unwrap();
    assert!(!next_year.from_cache);
}

#[test]
fn no_cache_and_the_embedded_data_never_touch_the_folder() {
    let s = setup();
    let loaded = load_with(&Source::File(s.data.clone()), YEAR, None).unwrap();
    assert!(!loaded.from_cache);
    load_with(&Source::Embedded, YEAR, Some(&s.cache)).unwrap();
    assert!(!s.cache.exists());
    assert_eq!(Use::from(true, None), Use::Off);
    assert_eq!(Use::from(false, Some("off")), Use::Off);
    assert_eq!(Use::from(false, Some("OFF")), Use::Off);
    assert_eq!(Use::from(false, Some("on")), Use::On);
    assert_eq!(Use::from(false, None), Use::On);
}

#[test]
fn a_cache_folder_that_cannot_be_written_costs_only_time() {
    let s = setup();
    fs::write(&s.cache, "a file where the folder should be").unwrap();
    let loaded = load(&s).unwrap();
    assert_eq!(region_of_graz(&loaded), "Steiermark (Styria)");
}

#[test]
fn an_entry_of_another_program_is_not_used() {
    let s = setup();
    let text = fs::read_to_string(&s.data).unwrap();
    let mut key = key_of(&s.data, text.len() as u64, xxhash_rust::xxh3::xxh3_64(text.as_bytes()), YEAR).unwrap();
    key.program = "0.0.1+an-older-build".into();
    let loaded = load(&s).unwrap();
    write_entry(&entry_file(&s), key, &loaded.directory, &loaded.index).unwrap();
    assert!(!load(&s).unwrap().from_cache, "another build's entry is a miss");
    assert!(load(&s).unwrap().from_cache, "and this build's entry replaces it");
}

#[test]
fn the_last_good_copy_outlives_a_broken_or_missing_file() {
    let s = setup();
    let source = Source::File(s.data.clone());
    assert!(last_good_in(&s.cache, &s.data, &source).is_none(), "nothing loaded yet");
    load(&s).unwrap();
    let saved = fs::metadata(&s.data).unwrap().modified().unwrap();
    fs::write(&s.data, "Directory(").unwrap();
    assert!(load(&s).is_err());
    let (copy, when) = last_good_in(&s.cache, &s.data, &source).expect("the last good copy");
    assert_eq!(region_of_graz(&copy), "Steiermark (Styria)");
    assert_eq!(when, saved, "dated by the good file's modification time");
    fs::remove_file(&s.data).unwrap();
    assert!(last_good_in(&s.cache, &s.data, &source).is_some(), "found while the file is missing");
}

/// The entry `body` (everything after the checksum) with a checksum that holds, so that only
/// decoding can tell that it is damaged.
fn with_checksum(body: &[u8]) -> Vec<u8> {
    let mut bytes = xxhash_rust::xxh3::xxh3_64(body).to_le_bytes().to_vec();
    bytes.extend_from_slice(body);
    bytes
}

#[test]
fn a_damaged_index_with_a_checksum_that_holds_never_panics() {
    let s = setup();
    load(&s).unwrap();
    let entry = entry_file(&s);
    let good = fs::read(&entry).unwrap();
    let body = &good[8..];
    let head = u64::from_le_bytes(body[..8].try_into().unwrap()) as usize;
    let index = 8 + head;
    let runs = body.len() - index;
    // Cut short, one byte more, a count that claims more records than there are, and a field
    // kind, a fold style and a target that do not exist: each a miss, rebuilt.
    let mut misses = vec![body[..body.len() - 1].to_vec(), body[..index + runs / 2].to_vec(), [body, &[0]].concat()];
    let mut more_entries = body.to_vec();
    more_entries[index] = more_entries[index].wrapping_add(1);
    misses.push(more_entries);
    let count = |i: usize| u32::from_le_bytes(body[index + 4 * i..index + 4 * i + 4].try_into().unwrap()) as usize;
    let (entries, fields) = (index + 24, index + 24 + 29 * count(0));
    let variants = fields + 13 * count(1);
    for at in [entries, fields, variants + 20, variants + 21] {
        let mut bad = body.to_vec();
        bad[at] = 0xff;
        misses.push(bad);
    }
    for bad in misses {
        fs::write(&entry, with_checksum(&bad)).unwrap();
        let loaded = load(&s).unwrap();
        assert!(!loaded.from_cache);
        assert_eq!(region_of_graz(&loaded), "Steiermark (Styria)");
        assert_eq!(fs::read(&entry).unwrap(), good, "the entry is written anew");
    }
    // Any byte of the index changed: a miss, or an index that fits its directory and searches
    // without a panic.
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..200 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut bad = body.to_vec();
        bad[index + (seed % runs as u64) as usize] ^= (seed >> 56) as u8 | 1;
        fs::write(&entry, with_checksum(&bad)).unwrap();
        let loaded = load(&s).unwrap();
        for query in ["graz", "plo", "brechia", "kuz", "2325", "zqxv"] {
            let _ = loaded.index.search(&Query::parse(query));
        }
    }
}
