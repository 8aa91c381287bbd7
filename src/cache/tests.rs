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
    write_entry(&entry_file(&s), key, loaded.directory.data(), &loaded.index).unwrap();
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
    // A field's and a variant's text that would start so far on that start + length wraps around.
    for at in [fields + 1, variants + 8] {
        let mut bad = body.to_vec();
        bad[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        misses.push(bad);
    }
    for bad in misses {
        fs::write(&entry, with_checksum(&bad)).unwrap();
        assert!(last_good_in(&s.cache, &s.data, &Source::File(s.data.clone())).is_none());
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

/// `load` on another thread, given `seconds` to finish: a load that hangs fails the test instead
/// of stopping it.
fn load_within(s: &Setup, seconds: u64) -> Result<Indexed, DataError> {
    let (source, cache) = (Source::File(s.data.clone()), s.cache.clone());
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(load_with(&source, YEAR, Some(&cache)));
    });
    receive.recv_timeout(std::time::Duration::from_secs(seconds)).expect("the load finishes")
}

#[cfg(unix)]
#[test]
fn a_cache_entry_that_is_a_fifo_a_device_or_a_folder_is_a_miss_not_a_hang() {
    let s = setup();
    load(&s).unwrap();
    let entry = entry_file(&s);
    let make_fifo = |path: &Path| {
        let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
        assert!(status.success());
    };
    let replace: [&dyn Fn(&Path); 4] = [
        &|p| make_fifo(p),
        // Endless: read whole, it would fill the memory.
        &|p| std::os::unix::fs::symlink("/dev/zero", p).unwrap(),
        &|p| std::os::unix::fs::symlink("/dev/null", p).unwrap(),
        &|p| fs::create_dir(p).unwrap(),
    ];
    for make in replace {
        fs::remove_file(&entry).unwrap();
        make(&entry);
        let (cache, data) = (s.cache.clone(), s.data.clone());
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = send.send(last_good_in(&cache, &data, &Source::File(data.clone())).is_none());
        });
        assert!(receive.recv_timeout(std::time::Duration::from_secs(20)).unwrap(), "no last good copy");
        let loaded = load_within(&s, 20).unwrap();
        assert!(!loaded.from_cache);
        assert_eq!(region_of_graz(&loaded), "Steiermark (Styria)");
        // The rename over it replaced a FIFO or link, not what it named; a folder stays.
        match fs::metadata(&entry) {
            Ok(meta) if meta.is_dir() => fs::remove_dir(&entry).unwrap(),
            _ => assert!(load(&s).unwrap().from_cache, "written anew"),
        }
        if !entry.exists() {
            load(&s).unwrap();
        }
    }
}

#[test]
fn a_cache_entry_far_larger_than_its_data_file_could_need_is_not_read() {
    let s = setup();
    load(&s).unwrap();
    let entry = entry_file(&s);
    // A gigabyte of zeros (sparse: it takes no disk), below the absolute cap.
    let data = fs::metadata(&s.data).unwrap().len();
    let file = fs::File::options().write(true).open(&entry).unwrap();
    file.set_len(MAX_ENTRY - 1).unwrap();
    drop(file);
    assert!(data * 64 < MAX_ENTRY - 1);
    assert_eq!(entry_limit(&s.data).min(MAX_ENTRY), entry_limit(&s.data));
    assert!(entry_limit(&s.data) < MAX_ENTRY / 16, "bounded by the data file's size");
    let loaded = load(&s).unwrap();
    assert!(!loaded.from_cache);
    assert_eq!(region_of_graz(&loaded), "Steiermark (Styria)");
    assert!(fs::metadata(&entry).unwrap().len() < entry_limit(&s.data), "an entry of its size fits the limit");
}

/// A writer edits the data file in place (truncate, then write: other readers see it empty,
/// half written or whole) between two texts of the same length while loads run: every load
/// that succeeds holds one of the two texts, and any entry stored says the hash of the text it
/// holds, so that a later load of that text never gets the other one.
#[test]
fn a_data_file_edited_while_it_is_loaded_never_gets_an_entry_of_the_other_text() {
    let s = setup();
    let a = EMBEDDED.to_string();
    let b = EMBEDDED.replace("Steiermark (Styria)", "Steiermark (STYRIA)");
    assert_eq!(a.len(), b.len());
    let region = |text: &str| if *text == a { "Steiermark (Styria)" } else { "Steiermark (STYRIA)" };
    let hash = |text: &str| xxhash_rust::xxh3::xxh3_64(text.as_bytes());
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut flip = false;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                flip = !flip;
                let text = if flip { &b } else { &a };
                let mut file = fs::File::create(&s.data).unwrap();
                let (first, second) = text.as_bytes().split_at(text.len() / 2);
                std::io::Write::write_all(&mut file, first).unwrap();
                std::thread::yield_now();
                std::io::Write::write_all(&mut file, second).unwrap();
            }
        });
        let started = std::time::Instant::now();
        while started.elapsed() < std::time::Duration::from_secs(3) {
            if let Ok(loaded) = load(&s) {
                let got = region_of_graz(&loaded);
                assert!(got == region(&a) || got == region(&b), "{got}");
            }
            let Ok(entries) = fs::read_dir(&s.cache) else { continue };
            for entry in entries {
                let path = entry.unwrap().path();
                let Some((key, stored)) = read_entry(&path, &Source::File(s.data.clone()), MAX_ENTRY) else { continue };
                let text = if key.hash == hash(&a) { &a } else { &b };
                assert!(key.hash == hash(text), "an entry of a text neither of the two");
                assert_eq!(region_of_graz(&stored), region(text), "the entry holds the text its key names");
            }
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
    });
}

/// The last good copy is shown when the file is broken, perhaps days later: its data is checked
/// again as the file's would be, so that an entry that decodes and fits but holds what no valid
/// file holds (a city handled by no one on the team) is never shown.
#[test]
fn a_last_good_copy_that_would_not_validate_is_not_shown() {
    let s = setup();
    let source = Source::File(s.data.clone());
    let loaded = load(&s).unwrap();
    let entry = entry_file(&s);
    let (key, _) = read_entry(&entry, &source, MAX_ENTRY).unwrap();
    fs::write(&s.data, "Directory(").unwrap();
    assert!(last_good_in(&s.cache, &s.data, &source).is_some());
    let mut nobody = loaded.directory.data().clone();
    nobody.cities[0].contact = "nobody".into();
    write_entry(&entry, key, &nobody, &loaded.index).unwrap();
    assert!(read_entry(&entry, &source, MAX_ENTRY).is_some(), "it decodes and fits");
    assert!(last_good_in(&s.cache, &s.data, &source).is_none());
}
