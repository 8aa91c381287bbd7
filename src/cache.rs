//! A validated cache: a data file that was parsed, validated and indexed once is stored in a
//! compact binary form in the user's cache folder, so that the next run skips all three.
//!
//! An entry is keyed on the file's canonical path, size, modification time and an xxh3 hash of
//! its bytes, the program (its version and a hash of the source it was built
//! from) and the year (validation checks years against it). Anything that does not match, or
//! does not decode, is a miss: the text is parsed and validated as if there were no cache, and
//! the entry is written anew, atomically. `check` never uses it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::directory::{
    self, Absence, City, Country, DataError, Directory, DirectoryData, Note, Office, Person, Source, Topic,
};
use crate::search::SearchIndex;

/// The program that wrote an entry: its version and the hash of the source it was built from
/// (`build.rs`: the source, the embedded data, the locked dependencies). An entry of another
/// build is a miss, and its last good copy is not shown. This is the stored form's only version:
/// whatever changes the stored types' shape or meaning (what a field holds, how a text is
/// folded) is a change of the source, so of this hash.
const PROGRAM: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("PARTNERDESK_BUILD"));

/// A loaded directory with its search index.
#[derive(Debug)]
pub struct Indexed {
    /// The directory.
    pub directory: Directory,
    /// Its index.
    pub index: SearchIndex,
    /// True if both came from the cache.
    pub from_cache: bool,
}

impl Indexed {
    /// Indexes a directory that was just loaded.
    pub fn new(directory: Directory) -> Self {
        let index = SearchIndex::new(&directory);
        Indexed { directory, index, from_cache: false }
    }
}

/// Whether to use the cache: `--no-cache` or `PARTNERDESK_CACHE=off` turn it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Read and write the user's cache folder.
    On,
    /// Parse and validate every time.
    Off,
}

impl Use {
    /// Off if `--no-cache` was given or `PARTNERDESK_CACHE` is `off` (or `0`, `no`, `false`).
    pub fn from(no_cache_flag: bool, env: Option<&str>) -> Use {
        let off = env.is_some_and(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "off" | "0" | "no" | "false"));
        if no_cache_flag || off { Use::Off } else { Use::On }
    }
}

/// What identifies the bytes an entry was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Key {
    program: String,
    path: PathBuf,
    size: u64,
    modified_nanos: u128,
    hash: u64,
    year: i32,
}

/// The first part of an entry: its key and the validated data, with each distinct country
/// stored once and every city naming its country by its place in that list. 100,000 cities share
/// a few dozen countries; decoding each once and cloning it is cheaper than decoding it per city.
#[derive(Deserialize)]
struct Head {
    key: Key,
    office: Office,
    people: Vec<Person>,
    countries: Vec<Country>,
    /// How many cities follow the head, one [`StoredCity`] after another.
    cities: u32,
    topics: Vec<Topic>,
    absences: Vec<Absence>,
}

/// What [`Head`] reads back, borrowed from the directory being stored: the same fields in the
/// same order (`a_second_load_comes_from_the_cache_with_the_same_answers` checks it).
#[derive(Serialize)]
struct HeadRef<'a> {
    key: Key,
    office: &'a Office,
    people: &'a [Person],
    countries: Vec<&'a Country>,
    cities: u32,
    topics: &'a [Topic],
    absences: &'a [Absence],
}

/// A [`City`] as the cache stores it: its country by its place in [`Head::countries`].
#[derive(Deserialize)]
struct StoredCity {
    name: String,
    native: Option<String>,
    german: Option<String>,
    aliases: Vec<String>,
    country: u32,
    region: String,
    since: i32,
    contact: String,
    note: Note,
}

/// What [`StoredCity`] reads back.
#[derive(Serialize)]
struct CityRef<'a> {
    name: &'a str,
    native: &'a Option<String>,
    german: &'a Option<String>,
    aliases: &'a [String],
    country: u32,
    region: &'a str,
    since: i32,
    contact: &'a str,
    note: &'a Note,
}

impl<'a> HeadRef<'a> {
    /// The head and the cities that follow it.
    fn new(key: Key, data: &'a DirectoryData) -> (Self, Vec<CityRef<'a>>) {
        let DirectoryData { office, people, cities, topics, absences } = data;
        let mut countries: Vec<&Country> = Vec::new();
        // Places of the countries so far by their names; equal names with other aliases are
        // other countries.
        let mut places: HashMap<(&str, &str, &str), Vec<u32>> = HashMap::new();
        let cities: Vec<CityRef> = cities
            .iter()
            .map(|city| {
                let City { name, native, german, aliases, country, region, since, contact, note } = city;
                let same_names = places.entry((&country.code, &country.de, &country.en)).or_default();
                let place = match same_names.iter().find(|&&p| countries[p as usize] == country) {
                    Some(&place) => place,
                    None => {
                        countries.push(country);
                        same_names.push(countries.len() as u32 - 1);
                        countries.len() as u32 - 1
                    }
                };
                CityRef { name, native, german, aliases, country: place, region, since: *since, contact, note }
            })
            .collect();
        let count = cities.len() as u32;
        (HeadRef { key, office, people, countries, cities: count, topics, absences }, cities)
    }
}

impl Head {
    /// The key and the data stored in `bytes`: the head, then its cities, each decoded straight
    /// into a Vec of their number (collecting them would grow it step by step, copying 100,000
    /// cities each time). `None` if anything is malformed or left over, or a city's country is
    /// not in the list.
    fn decode(bytes: &[u8]) -> Option<(Key, DirectoryData)> {
        let (head, mut rest) = postcard::take_from_bytes::<Head>(bytes).ok()?;
        let Head { key, office, people, countries, cities: count, topics, absences } = head;
        // A damaged count cannot ask for more room than the bytes could hold.
        let mut cities = Vec::with_capacity((count as usize).min(rest.len() / 8));
        for _ in 0..count {
            let (city, after) = postcard::take_from_bytes::<StoredCity>(rest).ok()?;
            rest = after;
            let StoredCity { name, native, german, aliases, country, region, since, contact, note } = city;
            let country = countries.get(country as usize)?.clone();
            cities.push(City { name, native, german, aliases, country, region, since, contact, note });
        }
        rest.is_empty().then_some((key, DirectoryData { office, people, cities, topics, absences }))
    }
}

/// Loads, validates and indexes `source`, through the cache in `folder` when there is one.
pub fn load(source: &Source, year: i32, use_cache: Use) -> Result<Indexed, DataError> {
    let folder = match use_cache {
        Use::On => folder(),
        Use::Off => None,
    };
    load_with(source, year, folder.as_deref())
}

/// [`load`] with the cache in `folder` (`None`: no cache), for tests.
pub fn load_with(source: &Source, year: i32, folder: Option<&Path>) -> Result<Indexed, DataError> {
    let (Source::File(path), Some(folder)) = (source, folder) else {
        return Ok(Indexed::new(directory::load(source, year)?));
    };
    let Some(entry_path) = entry_path(folder, path) else {
        return build(directory::read(path, source)?, source, year, None);
    };
    // The data file is hashed while the entry is read and decoded on other threads.
    let (key, entry) = std::thread::scope(|s| {
        let entry = s.spawn(|| read_entry(&entry_path, source, entry_limit(path)));
        let key = fingerprint(path).and_then(|(size, hash)| key_of(path, size, hash, year));
        (key, entry.join().ok().flatten())
    });
    if let (Some(key), Some((stored, hit))) = (&key, entry)
        && stored == *key
    {
        return Ok(hit);
    }
    // A miss: the full read reports what is wrong with the file, if anything.
    let text = directory::read(path, source)?;
    match key {
        Some(key) if key.hash == xxhash_rust::xxh3::xxh3_64(text.as_bytes()) && key.size == text.len() as u64 => {
            build(text, source, year, Some((key, &entry_path)))
        }
        // Not hashed, or changed since it was: use what it holds now, and store nothing.
        _ => build(text, source, year, None),
    }
}

/// Where the entry for the data file at `path` lives: named by the path as given, made absolute
/// but not resolved, so that the last good copy of a file is found while the file is missing.
fn entry_path(folder: &Path, path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let name = xxhash_rust::xxh3::xxh3_64(absolute.as_os_str().as_encoded_bytes());
    Some(folder.join(format!("{name:016x}.bin")))
}

/// The last copy of the data file at `path` that loaded, validated, from the user's cache
/// folder, with the modification time the file had then: what the view shows while the file is
/// missing or broken. `None` without a cache or an entry of this program's format.
pub fn last_good(path: &Path, source: &Source) -> Option<(Indexed, SystemTime)> {
    last_good_in(&folder()?, path, source)
}

/// [`last_good`] with the cache in `folder`, for tests.
pub fn last_good_in(folder: &Path, path: &Path, source: &Source) -> Option<(Indexed, SystemTime)> {
    let (key, indexed) = read_entry(&entry_path(folder, path)?, source, entry_limit(path))?;
    if key.program != PROGRAM {
        return None;
    }
    // Shown rarely and perhaps long after it was stored: checked again as the file was, so that
    // only data that passed validation is ever shown, whatever happened to the entry since (the
    // checksum catches damage, not an entry written by anything else). Lines are not needed.
    if !directory::validate::problems(indexed.directory.data(), "", key.year).is_empty() {
        return None;
    }
    let saved = UNIX_EPOCH + std::time::Duration::from_nanos(u64::try_from(key.modified_nanos).ok()?);
    Some((indexed, saved))
}

/// Parses, validates and indexes `text`, and stores the result under `entry` when given.
fn build(text: String, source: &Source, year: i32, entry: Option<(Key, &Path)>) -> Result<Indexed, DataError> {
    let directory = directory::parse_text(&text, source.clone(), year)?;
    drop(text);
    let index = SearchIndex::new(&directory);
    if let Some((key, entry_path)) = entry {
        // A cache that cannot be written only costs time on the next run.
        let _ = write_entry(entry_path, key, directory.data(), &index);
    }
    Ok(Indexed { directory, index, from_cache: false })
}

/// The user's cache folder for partnerdesk: `~/.cache/partnerdesk` on Linux, the usual places on
/// macOS and Windows.
pub fn folder() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "partnerdesk").map(|dirs| dirs.cache_dir().to_path_buf())
}

fn key_of(path: &Path, size: u64, hash: u64, year: i32) -> Option<Key> {
    let path = std::fs::canonicalize(path).ok()?;
    let meta = std::fs::metadata(&path).ok()?;
    let modified_nanos = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some(Key { program: PROGRAM.to_string(), path, size, modified_nanos, hash, year })
}

/// The size and xxh3 hash of the bytes of the file at `path`, read piece by piece: on a hit its
/// text is never needed, and hashing it in pieces spares filling a fresh 14 MB buffer at 100,000
/// entries. `None` on any trouble (missing, unreadable, too large), which the full read then
/// reports.
fn fingerprint(path: &Path) -> Option<(u64, u64)> {
    use std::io::Read as _;
    let mut file = directory::open_without_waiting(path).ok()?;
    // A pipe would be drained here, leaving nothing to the read that reports it.
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut piece = vec![0; 1 << 18];
    let mut size = 0;
    loop {
        let n = match file.read(&mut piece) {
            Ok(0) => return Some((size, hasher.digest())),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        size += n as u64;
        if size > directory::MAX_BYTES {
            return None;
        }
        hasher.update(&piece[..n]);
    }
}

/// The largest entry read; anything larger is not ours.
const MAX_ENTRY: u64 = 16 * directory::MAX_BYTES;

/// The largest entry the data file at `path` can have: its index and stored form take a few
/// times its size (about 3 at 100,000 entries), so anything far larger is not its entry and is
/// not read, whatever a damaged or foreign file in the cache folder claims. [`MAX_ENTRY`] while
/// the file is missing (its last good copy may be of any size).
fn entry_limit(path: &Path) -> u64 {
    std::fs::metadata(path)
        .map_or(MAX_ENTRY, |meta| meta.len().saturating_mul(16).saturating_add(1 << 20).min(MAX_ENTRY))
}

/// The bytes of the regular file at `path`, if it holds at most `limit`; `None` for anything
/// else: a FIFO (reading it would wait for a writer), a device (`/dev/zero` never ends), a
/// folder, a larger file, a file that grows while it is read.
fn read_at_most(path: &Path, limit: u64) -> Option<Vec<u8>> {
    use std::io::Read as _;
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    // A FIFO put there since the check would make the open wait for a writer: it is refused below.
    let file = directory::open_without_waiting(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > limit {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).ok()?);
    file.take(limit + 1).read_to_end(&mut bytes).ok()?;
    (bytes.len() as u64 <= limit).then_some(bytes)
}

/// The entry at `path` with the key it was made under, if its checksum holds and it decodes;
/// `None` otherwise (and without reading it if it is not a regular file of at most `limit`
/// bytes). The checksum catches a damaged entry that would still decode.
///
/// An entry is `checksum (8 bytes) | length of the data part (8 bytes) | data part | index part`,
/// the data part postcard, the index part runs of fixed-width records that are read back in a
/// few tight loops ([`SearchIndex::store`]). The two decode on two threads, which halves the wait
/// at 100,000 entries (`bash benches/vs-fzf.sh`).
fn read_entry(path: &Path, source: &Source, limit: u64) -> Option<(Key, Indexed)> {
    let bytes = read_at_most(path, limit)?;
    let (sum, body) = bytes.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*sum) != xxhash_rust::xxh3::xxh3_64(body) {
        return None;
    }
    let (length, parts) = body.split_first_chunk::<8>()?;
    let length = usize::try_from(u64::from_le_bytes(*length)).ok()?;
    let (head, index) = parts.split_at_checked(length)?;
    let (stored, index) = std::thread::scope(|s| {
        let index = s.spawn(|| SearchIndex::from_stored(index));
        let head = Head::decode(head);
        (head, index.join().ok().flatten())
    });
    let ((stored_key, data), index) = (stored?, index?);
    if !index.fits(&data) {
        return None;
    }
    Some((stored_key, Indexed { directory: Directory::new(data, source.clone()), index, from_cache: true }))
}

fn write_entry(path: &Path, key: Key, data: &DirectoryData, index: &SearchIndex) -> std::io::Result<()> {
    let (head, cities) = HeadRef::new(key, data);
    let mut head = postcard::to_stdvec(&head).map_err(std::io::Error::other)?;
    for city in &cities {
        head = postcard::to_extend(city, head).map_err(std::io::Error::other)?;
    }
    let mut body = Vec::with_capacity(8 + head.len());
    body.extend_from_slice(&(head.len() as u64).to_le_bytes());
    body.extend_from_slice(&head);
    index.store(&mut body);
    let mut bytes = xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes().to_vec();
    bytes.extend_from_slice(&body);
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    std::io::Write::write_all(&mut file, &bytes)?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests;
