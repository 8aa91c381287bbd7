//! The attacks on keeping the shared data file, each as a test of the real binary: faults
//! injected at exact system calls (strace), colleagues as other users (setpriv), a symbolic link,
//! a full disk, hand edits of the log. Nobody's save may be lost, and nobody may stay locked out.
//!
//! They need Linux and, for some, root, strace, setpriv and setfacl (CI installs them). Where one
//! is missing, the test says so and passes, except under CI, where it fails.
#![cfg(target_os = "linux")]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use partnerdesk::directory::EMBEDDED;

/// A folder with a data file, writable by anyone (so that other users can be colleagues).
struct Share {
    folder: tempfile::TempDir,
    data: PathBuf,
}

impl Share {
    fn new() -> Share {
        let folder = tempfile::tempdir().unwrap();
        fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o777)).unwrap();
        let data = folder.path().join("directory.ron");
        fs::write(&data, EMBEDDED).unwrap();
        fs::set_permissions(&data, fs::Permissions::from_mode(0o666)).unwrap();
        Share { folder, data }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.folder.path().join(name)
    }

    fn text(&self) -> String {
        fs::read_to_string(&self.data).unwrap()
    }

    /// Who answers for `city`, as `query` says it.
    fn contact_of(&self, city: &str) -> String {
        let out = run(pd().args(["query", "--limit", "1", city, "--data"]).arg(&self.data));
        stdout(&out)
    }

    fn history(&self) -> String {
        stdout(&run(pd().args(["history", "--data"]).arg(&self.data)))
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("partnerdesk")
}

/// A copy of the binary that other users may run: the build folder may be private to its owner
/// (a checkout under /root, say).
fn bin_for_colleagues() -> PathBuf {
    static COPY: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    COPY.get_or_init(|| {
        // One fixed place, replaced by a rename each run, so that runs do not pile up copies.
        let folder = std::env::temp_dir().join("partnerdesk-attacks");
        fs::create_dir_all(&folder).unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        let staged = folder.join(format!("partnerdesk.{}", std::process::id()));
        fs::copy(bin(), &staged).unwrap();
        fs::set_permissions(&staged, fs::Permissions::from_mode(0o755)).unwrap();
        let copy = folder.join("partnerdesk");
        fs::rename(&staged, &copy).unwrap();
        copy
    })
    .clone()
}

/// partnerdesk with a fixed, clean environment.
fn pd() -> Command {
    let mut cmd = Command::new(bin());
    clean(&mut cmd);
    cmd
}

fn clean(cmd: &mut Command) {
    cmd.env("LANG", "C").env("USER", "tester").env("PARTNERDESK_CACHE", "off").env("EDITOR", "false");
    cmd.env_remove("VISUAL").env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("PARTNERDESK_DATA");
    cmd.stdin(Stdio::null());
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// True where `tool` runs here; otherwise says why the test cannot run (and fails under CI).
fn have(tool: &str, root: bool) -> bool {
    let found =
        Command::new("sh").arg("-c").arg(format!("command -v {tool}")).output().is_ok_and(|o| o.status.success());
    let is_root = rustix_uid() == 0;
    if found && (is_root || !root) {
        return true;
    }
    let why = if found { format!("needs root for {tool}") } else { format!("{tool} is not installed") };
    assert!(std::env::var_os("CI").is_none(), "{why}: CI must provide it");
    eprintln!("skipped: {why}");
    false
}

fn rustix_uid() -> u32 {
    fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m)).unwrap_or(1)
}

/// partnerdesk under strace with `inject` (strace's `-e inject=…` and any filters before it).
fn strace(filters: &[&str]) -> Command {
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-o", "/dev/null"]).args(filters).arg(bin());
    clean(&mut cmd);
    cmd
}

/// partnerdesk as user `uid` in group `gid`, also in `groups`, with umask 022.
fn as_user(uid: u32, gid: u32, groups: &str, name: &str) -> Command {
    let mut cmd = Command::new("setpriv");
    cmd.arg(format!("--reuid={uid}")).arg(format!("--regid={gid}"));
    if groups.is_empty() {
        cmd.arg("--clear-groups");
    } else {
        cmd.arg(format!("--groups={groups}"));
    }
    cmd.args(["sh", "-c", "umask 022; exec \"$@\"", "sh"]).arg(bin_for_colleagues());
    clean(&mut cmd);
    cmd.env("USER", name).env("HOME", "/nonexistent");
    cmd
}

fn wait_for(what: impl Fn() -> bool) {
    for _ in 0..500 {
        if what() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("timed out");
}

// D1: two processes that found an old lock file: both said "saved", one change was lost.
#[test]
fn two_changes_through_an_old_lock_file_are_both_kept_or_one_refused() {
    if !have("strace", false) {
        return;
    }
    let share = Share::new();
    let dead = format!("user=ghost\nhost={}\npid=999999\nsince=yesterday\nsince_secs=0\n", hostname());
    fs::write(share.path("directory.ron.lock"), dead).unwrap();
    let lock = share.path("directory.ron.lock");
    let lock = lock.to_str().unwrap();
    let b =
        strace(&["-P", lock, "-e", "trace=write,pwrite64", "-e", "inject=write,pwrite64:delay_enter=500000:when=1"])
            .args(["assign", "Troyes", "kuz", "--data"])
            .arg(&share.data)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
    std::thread::sleep(Duration::from_millis(150));
    let a = run(strace(&["-e", "trace=renameat2", "-e", "inject=renameat2:delay_enter=1500000"])
        .args(["assign", "Graz", "otto", "--data"])
        .arg(&share.data));
    let b = b.wait_with_output().unwrap();
    for (out, city, who) in [(&a, "Graz", "Jessica Otto"), (&b, "Troyes", "Julia Kuz")] {
        match out.status.code() {
            Some(0) => assert!(share.contact_of(city).contains(who), "{city} said saved but is not: {}", stdout(out)),
            Some(1) => {
                assert!(stderr(out).contains("editing the file") || stderr(out).contains("someone"), "{}", stderr(out))
            }
            other => panic!("{city}: exit {other:?}: {}", stderr(out)),
        }
    }
}

// D2: a colleague's save (sed -i, a rename; or Notepad, in place) while our rename is delayed.
#[test]
fn a_colleagues_save_during_our_install_is_put_back_and_ours_kept() {
    if !have("strace", false) {
        return;
    }
    for in_place in [false, true] {
        let share = Share::new();
        let assign = strace(&["-e", "trace=renameat2", "-e", "inject=renameat2:delay_enter=1000000:when=1"])
            .args(["assign", "Graz", "otto", "--data"])
            .arg(&share.data)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(500));
        let theirs = share.text().replace("\"(06151) 13-2325\"", "\"(06151) 13-2399\"");
        if in_place {
            fs::OpenOptions::new().write(true).truncate(true).open(&share.data).unwrap();
            fs::write(&share.data, &theirs).unwrap();
        } else {
            fs::write(share.path("sedXYZ"), &theirs).unwrap();
            fs::rename(share.path("sedXYZ"), &share.data).unwrap();
        }
        let out = assign.wait_with_output().unwrap();
        assert!(share.text().contains("13-2399"), "the colleague's save is in the file (in place: {in_place})");
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains("was saved by someone else meanwhile"), "{}", stderr(&out));
        let kept: Vec<String> = share.names().into_iter().filter(|n| n.starts_with("directory.ron.tester-")).collect();
        assert_eq!(kept.len(), 1, "ours is kept beside: {:?}", share.names());
        assert!(fs::read_to_string(share.path(&kept[0])).unwrap().contains("contact: \"otto\""));
        assert!(!share.history().contains("Graz"), "nothing installed, nothing on record");
    }
}

// D3 and D5: a holder killed while it writes the lock's text, and a busy lock.
#[test]
fn a_holder_killed_mid_write_locks_nobody_out_and_a_busy_lock_is_exit_1() {
    if !have("strace", false) {
        return;
    }
    let share = Share::new();
    let lock = share.path("directory.ron.lock");
    let killed =
        run(strace(&["-P", lock.to_str().unwrap(), "-e", "trace=write", "-e", "inject=write:signal=KILL:when=1"])
            .args(["assign", "Graz", "otto", "--data"])
            .arg(&share.data));
    assert_ne!(killed.status.code(), Some(0));
    let out = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&share.data));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut edit = pd();
    let out = run(edit.args(["edit", "--data"]).arg(&share.data).env("EDITOR", "true"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // A holder still writing its name: the next one is told someone is busy, with exit 1.
    let slow =
        strace(&["-P", lock.to_str().unwrap(), "-e", "trace=write", "-e", "inject=write:delay_enter=1500000:when=1"])
            .args(["assign", "Troyes", "kuz", "--data"])
            .arg(&share.data)
            .spawn()
            .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    let busy = run(pd().args(["assign", "Graz", "seel", "--data"]).arg(&share.data));
    assert_eq!(busy.status.code(), Some(1), "{}", stderr(&busy));
    assert!(stderr(&busy).contains("someone else is changing the file"), "{}", stderr(&busy));
    assert!(slow.wait_with_output().unwrap().status.success());
}

// D4: through a symbolic link, the shared file changes and the link stays.
#[test]
fn a_symlinked_data_file_changes_the_shared_file_and_stays_a_link() {
    let root = tempfile::tempdir().unwrap();
    let (home, share) = (root.path().join("home"), root.path().join("share"));
    fs::create_dir_all(&home).unwrap();
    fs::create_dir_all(&share).unwrap();
    fs::write(share.join("directory.ron"), EMBEDDED).unwrap();
    std::os::unix::fs::symlink("../share/directory.ron", home.join("directory.ron")).unwrap();
    let out = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(home.join("directory.ron")));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::symlink_metadata(home.join("directory.ron")).unwrap().file_type().is_symlink());
    assert!(
        fs::read_to_string(share.join("directory.ron")).unwrap().contains("Jessica Otto") || {
            let q = run(pd().args(["query", "Graz", "--data"]).arg(share.join("directory.ron")));
            stdout(&q).contains("Jessica Otto")
        }
    );
    for beside in ["directory.ron.lock", "directory.ron.log", "history"] {
        assert!(share.join(beside).exists(), "{beside} beside the real file");
        assert!(!home.join(beside).exists(), "{beside} not beside the link");
    }
}

// D6: a kill at every step that touches the log: the record always matches the file.
#[test]
fn a_kill_at_any_step_of_the_log_leaves_file_and_record_in_step() {
    if !have("strace", false) {
        return;
    }
    for when in 1..=4 {
        let share = Share::new();
        let log = share.path("directory.ron.log");
        let inject = format!("inject=openat:signal=KILL:when={when}");
        run(strace(&["-P", log.to_str().unwrap(), "-e", "trace=openat", "-e", &inject])
            .args(["assign", "Graz", "otto", "--data"])
            .arg(&share.data));
        let changed = share.contact_of("Graz").contains("Jessica Otto");
        let recorded = share.history().contains("Graz: contact Julia Kuz → Jessica Otto");
        assert_eq!(changed, recorded, "kill at the log's open #{when}");
        // The next change settles whatever was left, and is recorded itself.
        let out = run(pd().args(["assign", "Troyes", "kuz", "--data"]).arg(&share.data));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let history = share.history();
        assert!(history.contains("Troyes: contact"), "{history}");
        assert_eq!(history.contains("Graz: contact"), changed, "{history}");
    }
}

// D6: a log that cannot be written does not hide a save.
#[test]
fn an_unwritable_log_says_saved_but_not_logged() {
    let share = Share::new();
    fs::create_dir(share.path("directory.ron.log")).unwrap();
    let out = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&share.data));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("saved: "), "{}", stdout(&out));
    assert!(stdout(&out).contains("but the change log could not be written"), "{}", stdout(&out));
    assert!(share.contact_of("Graz").contains("Jessica Otto"));
}

/// An `edit` whose editor changes a phone number and then runs `then` (shell).
fn editing(share: &Share, then: &str) -> Command {
    let script = share.path("editor.sh");
    fs::write(&script, format!("#!/bin/sh\nsed -i 's/(06151) 13-2325/(06151) 13-2388/' \"$1\"\n{then}\n")).unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = pd();
    cmd.args(["edit", "--data"]).arg(&share.data).env("EDITOR", &script);
    cmd
}

/// The path after "your edit is kept in ".
fn kept_edit(out: &Output) -> PathBuf {
    let err = stderr(out);
    let at = err.find("is kept in ").unwrap_or_else(|| panic!("no kept path: {err}")) + "is kept in ".len();
    PathBuf::from(err[at..].lines().next().unwrap().trim())
}

// D7: SIGTERM or SIGHUP while the editor runs: the lock is free and the work kept.
#[test]
fn a_signal_during_edit_frees_the_lock_and_keeps_the_work() {
    for signal in [rustix_signal::TERM, rustix_signal::HUP] {
        let share = Share::new();
        let marker = share.path("edited");
        let mut edit = editing(&share, &format!("touch '{}'; sleep 5", marker.display()));
        let err = share.path("stderr");
        let mut child = edit.stdout(Stdio::null()).stderr(fs::File::create(&err).unwrap()).spawn().unwrap();
        wait_for(|| marker.exists());
        Command::new("kill").arg(format!("-{signal}")).arg(child.id().to_string()).status().unwrap();
        let status = child.wait().unwrap();
        let next = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&share.data));
        assert_eq!(next.status.code(), Some(0), "the lock is free at once: {}", stderr(&next));
        let said = fs::read_to_string(&err).unwrap();
        assert!(!status.success());
        assert!(said.contains("interrupted; nothing saved"), "{said}");
        let at = said.find("is kept in ").unwrap() + "is kept in ".len();
        let kept = PathBuf::from(said[at..].lines().next().unwrap().trim());
        assert!(fs::read_to_string(kept).unwrap().contains("13-2388"), "the work is kept");
    }
}

mod rustix_signal {
    pub const TERM: &str = "TERM";
    pub const HUP: &str = "HUP";
}

// D7: Ctrl-C while the editor runs belongs to the editor; partnerdesk goes on and saves.
#[test]
fn ctrl_c_during_edit_does_not_end_partnerdesk() {
    let share = Share::new();
    let marker = share.path("edited");
    let go = share.path("go");
    let then = format!("touch '{}'; while [ ! -e '{}' ]; do sleep 0.05; done", marker.display(), go.display());
    let child = editing(&share, &then).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    wait_for(|| marker.exists());
    Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    Command::new("kill").args(["-QUIT", &child.id().to_string()]).status().unwrap();
    std::thread::sleep(Duration::from_millis(100));
    fs::write(&go, "").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(share.text().contains("13-2388"));
}

// D9: the user's work survives every failure after the editor.
#[test]
fn an_edit_is_never_thrown_away() {
    // The editor fails after changes (a crash, `:cq`).
    let share = Share::new();
    let out = run(&mut editing(&share, "exit 1"));
    assert_eq!(out.status.code(), Some(2));
    assert!(fs::read_to_string(kept_edit(&out)).unwrap().contains("13-2388"));
    assert!(share.text().contains("13-2325"), "nothing installed");

    // The data file is replaced by a folder meanwhile.
    let share = Share::new();
    let then = format!("rm '{0}'; mkdir '{0}'", share.data.display());
    let out = run(&mut editing(&share, &then));
    assert_ne!(out.status.code(), Some(0));
    let kept = stderr(&out);
    assert!(kept.contains("kept in"), "{kept}");

    // The data file is deleted meanwhile: said as such, not as a colleague's save.
    let share = Share::new();
    let out = run(&mut editing(&share, &format!("rm '{}'", share.data.display())));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("was deleted or moved meanwhile"), "{}", stderr(&out));
    assert!(!stdout(&out).contains("13-2388"), "no change line for what was not saved");
}

// D9 as a colleague: history/ belongs to someone else and cannot be written.
#[test]
fn an_unwritable_history_keeps_the_edit_and_says_where() {
    if !have("setpriv", true) {
        return;
    }
    let share = Share::new();
    fs::create_dir(share.path("history")).unwrap();
    fs::set_permissions(share.path("history"), fs::Permissions::from_mode(0o755)).unwrap();
    let script = share.path("editor.sh");
    fs::write(&script, "#!/bin/sh\nsed -i 's/(06151) 13-2325/(06151) 13-2377/' \"$1\"\n").unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    let tmp = share.path("tmp");
    fs::create_dir(&tmp).unwrap();
    fs::set_permissions(&tmp, fs::Permissions::from_mode(0o777)).unwrap();
    let out = run(as_user(1000, 1000, "", "bob")
        .args(["edit", "--data"])
        .arg(&share.data)
        .env("EDITOR", &script)
        .env("TMPDIR", &tmp));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("kept in"), "{}", stderr(&out));
    let found = fs::read_dir(&tmp).unwrap().chain(fs::read_dir(share.folder.path()).unwrap()).any(|e| {
        let path = e.unwrap().path();
        path.is_file() && fs::read_to_string(&path).is_ok_and(|t| t.contains("13-2377"))
    });
    assert!(found, "the edit is on disk");
    assert!(share.text().contains("13-2325"));
}

// D10: a full disk leaves no half-written copy that looks whole.
#[test]
fn a_full_disk_leaves_nothing_half_written() {
    if !have("mount", true) {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let full = root.path().join("full");
    fs::create_dir(&full).unwrap();
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=100k", "tmpfs"]).arg(&full).status();
    if !mounted.is_ok_and(|s| s.success()) {
        // A capability of the machine, not a package CI could install.
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    }
    let data = full.join("directory.ron");
    fs::write(&data, EMBEDDED).unwrap();
    let filler = vec![0u8; 100 * 1024 - 2 * EMBEDDED.len()];
    let _ = fs::write(full.join("filler"), filler);
    let out = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&data));
    let whole = |p: &Path| fs::read_to_string(p).is_ok_and(|t| t.len() >= EMBEDDED.len() - 10);
    let mut all = Vec::new();
    for dir in [full.clone(), full.join("history")] {
        if let Ok(entries) = fs::read_dir(&dir) {
            all.extend(entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()));
        }
    }
    let text = fs::read_to_string(&data).unwrap();
    let _ = Command::new("umount").arg(&full).status();
    assert!(text == EMBEDDED || text.contains("contact: \"otto\""), "the data file is whole");
    for path in all {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".ron") && name != "directory.ron" {
            assert!(whole(&path) || !path.exists(), "{name} is half written ({})", stderr(&out));
        }
    }
}

// D11: Notepad's "Unicode" (UTF-16 with a byte-order mark) is read, not garbled.
#[test]
fn an_editor_that_saves_utf16_is_understood() {
    let share = Share::new();
    let script = share.path("editor.sh");
    fs::write(
        &script,
        "#!/bin/sh\nsed -i 's/(06151) 13-2325/(06151) 13-2366/' \"$1\"\niconv -f UTF-8 -t UTF-16 \"$1\" > \"$1.u16\" && mv \"$1.u16\" \"$1\"\n",
    )
    .unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    if !have("iconv", false) {
        return;
    }
    let out = run(pd().args(["edit", "--data"]).arg(&share.data).env("EDITOR", &script));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = share.text();
    assert!(text.contains("13-2366") && text.contains("Płock") && !text.contains('\0'), "decoded, not garbled");
}

// D13: a lock path that is a link to an endless device, or a pipe, is refused at once.
#[test]
fn a_lock_that_is_a_device_link_or_a_pipe_is_refused() {
    let share = Share::new();
    let lock = share.path("directory.ron.lock");
    std::os::unix::fs::symlink("/dev/zero", &lock).unwrap();
    let out = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&share.data));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not a regular file"), "{}", stderr(&out));
    fs::remove_file(&lock).unwrap();
    assert!(Command::new("mkfifo").arg(&lock).status().unwrap().success());
    let out = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&share.data));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(share.text(), EMBEDDED);
}

// D15: control characters from $USER, the log or the lock are shown escaped.
#[test]
fn terminal_escapes_in_names_are_shown_escaped() {
    let share = Share::new();
    let out = run(pd()
        .args(["assign", "Graz", "kuz", "--data"])
        .arg(&share.data)
        .env("USER", "mal\x1b[2J\x1b]0;pwned\x07lory"));
    assert_eq!(out.status.code(), Some(0));
    let out = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&share.data).env("USER", "mal\x1b[2Jlory"));
    assert_eq!(out.status.code(), Some(0));
    let history = share.history();
    assert!(!history.contains('\x1b'), "{history:?}");
    assert!(history.contains("mal\\u{1b}[2Jlory"), "{history:?}");
}

// D17: a log edited by hand (Notepad: another encoding, no final newline) keeps working.
#[test]
fn a_hand_edited_log_keeps_every_other_entry() {
    let share = Share::new();
    fs::write(share.path("directory.ron.log"), b"2026-11-30 11:00:00\tbj\xf6rn\tX: no newline").unwrap();
    let out = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&share.data));
    assert_eq!(out.status.code(), Some(0));
    let history = share.history();
    let lines: Vec<&str> = history.lines().collect();
    assert_eq!(lines.len(), 2, "{history}");
    assert!(lines[0].ends_with("Graz: contact Julia Kuz → Jessica Otto"), "{history}");
    assert!(lines[1].ends_with("bj\u{fffd}rn  X: no newline"), "{history}");
}

// D18 and D19: colleagues in the file's group keep their access after anyone's save.
#[test]
fn colleagues_in_the_files_group_can_read_and_save_after_anyones_save() {
    if !have("setpriv", true) {
        return;
    }
    let share = Share::new();
    use std::os::unix::fs::MetadataExt;
    rustix_chown(share.folder.path(), 0, 2000);
    fs::set_permissions(share.folder.path(), fs::Permissions::from_mode(0o2775)).unwrap();
    rustix_chown(&share.data, 1002, 2000);
    fs::set_permissions(&share.data, fs::Permissions::from_mode(0o660)).unwrap();
    // anna's primary group is her own; she reaches the file through group 2000.
    let out = run(as_user(1001, 1001, "2000", "anna").args(["assign", "Graz", "otto", "--data"]).arg(&share.data));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = fs::metadata(&share.data).unwrap();
    assert_eq!((meta.gid(), meta.mode() & 0o777), (2000, 0o660), "group and mode kept");
    let carla = run(as_user(1003, 1003, "2000", "carla").args(["query", "Graz", "--data"]).arg(&share.data));
    assert!(stdout(&carla).contains("Jessica Otto"), "carla reads it: {}", stderr(&carla));
    let bob = run(as_user(1002, 1002, "2000", "bob").args(["assign", "Troyes", "kuz", "--data"]).arg(&share.data));
    assert_eq!(bob.status.code(), Some(0), "bob saves after anna: {}", stderr(&bob));
    assert!(stdout(&bob).contains("saved: ") && !stdout(&bob).contains("could not be written"), "{}", stdout(&bob));
    for beside in ["directory.ron.log", "history"] {
        let meta = fs::metadata(share.path(beside)).unwrap();
        assert_eq!(meta.gid(), 2000, "{beside}'s group");
        assert_eq!(meta.mode() & 0o007, 0, "{beside} is not readable by others");
    }
    for copy in fs::read_dir(share.path("history")).unwrap() {
        let meta = copy.unwrap().metadata().unwrap();
        assert_eq!((meta.gid(), meta.mode() & 0o777), (2000, 0o660));
    }
}

// D18: the file's access list (POSIX ACL) is kept, and its group bits are not widened.
#[test]
fn the_files_access_list_is_kept() {
    if !have("setfacl", true) {
        return;
    }
    let share = Share::new();
    fs::set_permissions(&share.data, fs::Permissions::from_mode(0o640)).unwrap();
    let set = Command::new("setfacl").args(["-m", "u:1002:rw,g:2001:r"]).arg(&share.data).status().unwrap();
    if !set.success() {
        assert!(std::env::var_os("CI").is_none(), "this file system has no ACLs");
        return;
    }
    let acl = || stdout(&run(Command::new("getfacl").args(["-c", "-p"]).arg(&share.data)));
    let before = acl();
    let out = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&share.data));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(acl(), before);
}

/// Changes owner and group.
fn rustix_chown(path: &Path, uid: u32, gid: u32) {
    assert!(Command::new("chown").arg(format!("{uid}:{gid}")).arg(path).status().unwrap().success());
}

fn hostname() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default().trim().to_string()
}

// The stress test: several changes at once while a colleague saves in place and by rename,
// ignoring the lock. Every save reported, and every colleague's save, ends in the file or in a
// kept copy.
#[test]
fn many_changes_at_once_with_a_careless_colleague_lose_nothing() {
    let share = Share::new();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let colleague = {
        let (data, stop) = (share.data.clone(), stop.clone());
        let folder = share.folder.path().to_path_buf();
        std::thread::spawn(move || {
            let mut saves = Vec::new();
            let mut n = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) && n < 60 {
                n += 1;
                let Ok(text) = fs::read_to_string(&data) else { continue };
                let marker = format!("// colleague save {n}\n");
                let new = format!("{marker}{}", text);
                if n.is_multiple_of(2) {
                    let _ = fs::write(&data, &new);
                } else {
                    let tmp = folder.join(format!("np{n}"));
                    fs::write(&tmp, &new).unwrap();
                    let _ = fs::rename(&tmp, &data);
                }
                saves.push(marker);
                std::thread::sleep(Duration::from_millis(40));
            }
            saves
        })
    };
    let cities = ["Graz", "Troyes", "Bursa", "Szeged", "Alkmaar", "Brescia"];
    let people = ["otto", "kuz", "seel", "schewe"];
    let mut reported = Vec::new();
    for round in 0..8 {
        let children: Vec<_> = (0..3)
            .map(|i| {
                let (city, person) = (cities[(round + i) % cities.len()], people[(round * 3 + i) % people.len()]);
                let child = pd()
                    .args(["assign", city, person, "--data"])
                    .arg(&share.data)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap();
                (city, person, child)
            })
            .collect();
        for (city, person, child) in children {
            let out = child.wait_with_output().unwrap();
            // Exit 2 only where the colleague's write in place was read half done.
            let status = out.status.code();
            assert!(matches!(status, Some(0 | 1)) || !stderr(&out).contains("lock"), "{}", stderr(&out));
            if out.status.code() == Some(0) && stdout(&out).contains("saved: ") {
                reported.push((city, person, stdout(&out)));
            }
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let saves = colleague.join().unwrap();
    // Everything on disk: the file, the copies in history/, the ones kept beside.
    let mut everything = share.text();
    for dir in [share.folder.path().to_path_buf(), share.path("history")] {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                everything.push_str(&fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    for marker in &saves {
        assert!(everything.contains(marker.as_str()), "the colleague's {} is lost", marker.trim());
    }
    let history = share.history();
    for (city, _, said) in &reported {
        let line = said.lines().next().unwrap();
        assert!(history.contains(line), "{city}: reported {line:?} but the history has no such change");
    }
    assert!(!reported.is_empty());
}

// `kill -9` at every file operation of an `assign`: the file is always whole and valid, the
// record matches it, and the next colleague is never locked out.
#[test]
fn a_kill_at_any_step_never_locks_out_or_loses_a_reported_save() {
    if !have("strace", false) {
        return;
    }
    let share = Share::new();
    let mut graz = "kuz";
    // An assign makes about 170 such calls; the lock is taken near the 55th.
    for step in (45..=175).step_by(3) {
        let who = if graz == "kuz" { "otto" } else { "kuz" };
        let inject = format!("inject=%file,%desc:signal=KILL:when={step}");
        let out = run(strace(&["-e", "trace=%file,%desc", "-e", &inject])
            .args(["assign", "Graz", who, "--data"])
            .arg(&share.data));
        let valid = run(pd().args(["check", "--data"]).arg(&share.data));
        assert!(valid.status.success(), "step {step}: the file is invalid: {}", stderr(&valid));
        let now = if share.contact_of("Graz").contains(name(who)) { who } else { graz };
        if stdout(&out).contains("saved: ") {
            assert_eq!(now, who, "step {step}: reported saved, but the file does not have it");
        }
        if now != graz {
            let change = format!("Graz: contact {} → {}", name(graz), name(now));
            assert!(share.history().contains(&change), "step {step}: {change} is not on record");
        }
        graz = now;
        // Nobody is locked out: the next change goes through, and puts Graz back where it was.
        let next = run(pd()
            .args(["assign", "Troyes", if step % 2 == 0 { "kuz" } else { "schewe" }, "--data"])
            .arg(&share.data));
        assert!(matches!(next.status.code(), Some(0)), "step {step}: {}", stderr(&next));
    }
    let left: Vec<String> = share.names().into_iter().filter(|n| n.starts_with(".partnerdesk")).collect();
    assert!(left.is_empty(), "{left:?}");
}

fn name(id: &str) -> &'static str {
    match id {
        "kuz" => "Julia Kuz",
        "otto" => "Jessica Otto",
        _ => "?",
    }
}

// D13 for the log: a pipe or an endless device in its place is refused, never waited on or read
// without end.
#[test]
fn a_log_that_is_a_pipe_or_a_device_is_refused() {
    let share = Share::new();
    let log = share.path("directory.ron.log");
    assert!(Command::new("mkfifo").arg(&log).status().unwrap().success());
    let out = run(pd().args(["history", "--data"]).arg(&share.data));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    fs::remove_file(&log).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &log).unwrap();
    let out = run(pd().args(["history", "--data"]).arg(&share.data));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&share.data));
    assert!(stdout(&out).contains("but the change log could not be written"), "{}", stdout(&out));
}

// Without the swap and without hard links (renameat2 refused, link refused), a colleague's save
// that lands while the file is moved aside is still never replaced.
#[test]
fn the_fallback_without_links_never_replaces_a_colleagues_save() {
    if !have("strace", false) {
        return;
    }
    let share = Share::new();
    let child = strace(&[
        "-e",
        "inject=renameat2:error=EINVAL",
        "-e",
        "inject=link,linkat:error=EPERM",
        "-e",
        "inject=rename:delay_enter=1500000:when=1",
    ])
    .args(["assign", "Graz", "otto", "--data"])
    .arg(&share.data)
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    let theirs = EMBEDDED.replace("\"(06151) 13-2325\"", "\"(06151) 13-2399\"");
    fs::write(share.path("theirs"), &theirs).unwrap();
    fs::rename(share.path("theirs"), &share.data).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(share.text().contains("13-2399"), "{} {}", stdout(&out), stderr(&out));
    assert_ne!(out.status.code(), Some(0), "{}", stdout(&out));
}

// A replaced version that cannot be read to be checked is put back; "not saved" is then true.
#[test]
fn an_unreadable_replaced_version_is_put_back_and_said() {
    if !have("strace", false) {
        return;
    }
    let share = Share::new();
    let trace = format!("--trace-path={}", share.path("history").display());
    // The staged file in history/ is opened to be written, then to be read after the swap.
    let out = run(strace(&[&trace, "-e", "trace=openat", "-e", "inject=openat:error=EIO:when=2"])
        .args(["assign", "Graz", "otto", "--data"])
        .arg(&share.data));
    let saved = share.contact_of("Graz").contains("Jessica Otto");
    assert_eq!(
        out.status.code() == Some(0),
        saved,
        "exit {:?} but saved: {saved}: {}",
        out.status.code(),
        stderr(&out)
    );
    assert_eq!(share.history().contains("Graz"), saved);
}

// Two data files in one folder share history/, but not each other's unfinished files.
#[test]
fn two_data_files_in_one_folder_do_not_disturb_each_other() {
    if !have("strace", false) {
        return;
    }
    let share = Share::new();
    let other = share.path("other.ron");
    fs::write(&other, EMBEDDED).unwrap();
    let slow = strace(&["-e", "trace=renameat2", "-e", "inject=renameat2:delay_enter=1000000:when=1"])
        .args(["assign", "Graz", "otto", "--data"])
        .arg(&share.data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let fast = run(pd().args(["assign", "Troyes", "kuz", "--data"]).arg(&other));
    assert_eq!(fast.status.code(), Some(0), "{}", stderr(&fast));
    let slow = slow.wait_with_output().unwrap();
    assert_eq!(slow.status.code(), Some(0), "{}", stderr(&slow));
    assert!(share.contact_of("Graz").contains("Jessica Otto"));
    let names: Vec<String> = fs::read_dir(share.path("history"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("unfinished")), "{names:?}");
}

// A colleague who reaches the file only through its access list can save after anyone.
#[test]
fn a_colleague_with_access_through_the_acl_alone_can_save() {
    if !have("setfacl", true) || !have("setpriv", true) {
        return;
    }
    let share = Share::new();
    rustix_chown(&share.data, 1001, 1001);
    fs::set_permissions(&share.data, fs::Permissions::from_mode(0o600)).unwrap();
    if !Command::new("setfacl").args(["-m", "u:1002:rw"]).arg(&share.data).status().unwrap().success() {
        return;
    }
    let anna = run(as_user(1001, 1001, "", "anna").args(["assign", "Graz", "otto", "--data"]).arg(&share.data));
    assert_eq!(anna.status.code(), Some(0), "{}", stderr(&anna));
    let bob = run(as_user(1002, 1002, "", "bob").args(["assign", "Troyes", "kuz", "--data"]).arg(&share.data));
    assert_eq!(bob.status.code(), Some(0), "{}", stderr(&bob));
    let carla = run(as_user(1003, 1003, "", "carla").args(["history", "--data"]).arg(&share.data));
    assert!(!stdout(&carla).contains("Graz"), "nobody else reads the record");
}

// A file that `edit` creates in a group folder can be used by the group.
#[test]
fn a_file_created_in_a_group_folder_is_the_groups() {
    if !have("setpriv", true) {
        return;
    }
    let share = Share::new();
    fs::remove_file(&share.data).unwrap();
    rustix_chown(share.folder.path(), 0, 2000);
    fs::set_permissions(share.folder.path(), fs::Permissions::from_mode(0o2775)).unwrap();
    let script = share.path("editor.sh");
    fs::write(&script, "#!/bin/sh\nsed -i 's/Julia/Julie/' \"$1\"\n").unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    let mut anna = as_user(1001, 1001, "2000", "anna");
    let out = anna.args(["edit", "--data"]).arg(&share.data).env("EDITOR", &script).stdin(Stdio::piped());
    let mut child = out.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), b"y\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bob = run(as_user(1002, 1002, "2000", "bob").args(["assign", "Troyes", "kuz", "--data"]).arg(&share.data));
    assert_eq!(bob.status.code(), Some(0), "{}", stderr(&bob));
}

// A read-only data file: nobody is locked out afterwards.
#[test]
fn a_read_only_data_file_locks_nobody_out() {
    let share = Share::new();
    fs::set_permissions(&share.data, fs::Permissions::from_mode(0o444)).unwrap();
    let first = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&share.data));
    assert!(matches!(first.status.code(), Some(0 | 2)), "{}", stderr(&first));
    fs::set_permissions(&share.data, fs::Permissions::from_mode(0o644)).unwrap();
    let next = run(pd().args(["assign", "Troyes", "kuz", "--data"]).arg(&share.data));
    assert_eq!(next.status.code(), Some(0), "{}", stderr(&next));
}

// A pipe or a device as the data file is refused before anything waits on it.
#[test]
fn a_data_file_that_is_a_pipe_or_a_device_is_refused() {
    let share = Share::new();
    fs::remove_file(&share.data).unwrap();
    assert!(Command::new("mkfifo").arg(&share.data).status().unwrap().success());
    for args in [&["assign", "Graz", "otto"][..], &["edit"], &["history"]] {
        let out = run(pd().args(args).arg("--data").arg(&share.data));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("is not a regular file"), "{}", stderr(&out));
    }
    let link = share.path("null.ron");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let out = run(pd().args(["assign", "Graz", "otto", "--data"]).arg(&link));
    assert_eq!(out.status.code(), Some(2));
    assert!(!Path::new("/dev/null.lock").exists());
}

// A write cut short by the file size limit leaves no copy that looks whole.
#[test]
fn a_write_cut_short_leaves_no_copy_that_looks_whole() {
    let share = Share::new();
    let out = run(Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 20; exec \"$@\"")
        .arg("sh")
        .arg(bin())
        .args(["assign", "Graz", "otto", "--data"])
        .arg(&share.data)
        .env("PARTNERDESK_CACHE", "off"));
    assert_ne!(out.status.code(), Some(0));
    let next = run(pd().args(["assign", "Troyes", "kuz", "--data"]).arg(&share.data));
    assert_eq!(next.status.code(), Some(0), "{}", stderr(&next));
    for name in share.names() {
        if name.starts_with("directory.ron.") && name.ends_with(".ron") {
            let text = fs::read_to_string(share.path(&name)).unwrap();
            assert!(text.len() > EMBEDDED.len() / 2, "{name} is cut short");
        }
    }
}
