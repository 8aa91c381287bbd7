//! The real binary in a pseudo-terminal, read back through a vt100 screen parser: what a user at
//! the front desk sees and does. Needs no tmux.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLUMNS: u16 = 110;
const PATIENCE: Duration = Duration::from_secs(15);

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// The terminal's side of the pseudo-terminal: alive as long as the session, and what a
    /// resize goes to.
    master: Box<dyn MasterPty + Send>,
    /// The journal of phone messages: a folder of the test's own, never the user's.
    #[cfg_attr(not(unix), allow(dead_code, reason = "read only by the Unix tests"))]
    notes: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str]) -> Session {
        Session::start_with(args, &[])
    }

    /// Starts the binary with `args` and these environment variables set.
    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize { rows: ROWS, cols: COLUMNS, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_partnerdesk"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("PARTNERDESK_DATA");
        cmd.env("PARTNERDESK_CACHE", "off");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        let notes = tempfile::tempdir().expect("a folder for the notes");
        cmd.env("PARTNERDESK_NOTES_DIR", notes.path());
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("the binary starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(ROWS).unwrap(),
            NonZeroU16::new(COLUMNS).unwrap(),
            0,
        )));
        let feed = Arc::clone(&screen);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        Session { screen, writer, child, master: pty.master, notes }
    }

    /// `partnerdesk notes` over this session's journal, with these arguments.
    #[cfg_attr(not(unix), allow(dead_code, reason = "used only by the Unix tests"))]
    fn notes(&self, args: &[&str]) -> String {
        let output = assert_cmd::Command::cargo_bin("partnerdesk")
            .unwrap()
            .arg("notes")
            .args(args)
            .env("PARTNERDESK_NOTES_DIR", self.notes.path())
            .env("LANG", "C")
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn alternate_screen(&self) -> bool {
        self.screen.lock().unwrap().screen().alternate_screen()
    }

    /// Waits until the screen shows every one of `texts`; panics with the screen otherwise.
    fn wait_for(&self, texts: &[&str]) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            let contents = self.contents();
            if texts.iter().all(|t| contents.contains(t)) {
                return;
            }
            thread::sleep(Duration::from_millis(50));
        }
        panic!("the screen never showed {texts:?}:\n{}", self.contents());
    }

    /// Resizes the terminal to `rows` × `columns`, as a user dragging the window's corner.
    fn resize(&self, rows: u16, columns: u16) {
        let size = PtySize { rows, cols: columns, pixel_width: 0, pixel_height: 0 };
        // The parser first: what the program draws at the new size must land on a screen of it.
        self.screen.lock().unwrap().set_size(NonZeroU16::new(rows).unwrap(), NonZeroU16::new(columns).unwrap());
        self.master.resize(size).expect("the terminal is resized");
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to end and returns its exit status.
    fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take in the last bytes the program wrote.
                thread::sleep(Duration::from_millis(200));
                return status.exit_code();
            }
            thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("the process did not end:\n{}", self.contents());
    }
}

#[test]
fn typing_plock_shows_its_country_year_and_contact() {
    let mut session = Session::start(&["--lang", "de"]);
    session.wait_for(&["Suche", "34/34"]);
    assert!(session.alternate_screen());
    session.send(b"plock");
    session.wait_for(&["1/34", "Płock", "Polen (PL)", "1988", "Schewe", "(06151) 13-2324"]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn ctrl_c_quits_with_status_0_and_leaves_the_alternate_screen() {
    let mut session = Session::start(&["--lang", "en"]);
    session.wait_for(&["Search", "Results"]);
    session.send(b"graz");
    session.wait_for(&["Austria (AT)"]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
    assert!(!session.alternate_screen(), "the normal screen is back");
}

#[cfg(unix)]
#[test]
fn sigterm_restores_the_terminal() {
    let mut session = Session::start(&["--lang", "en"]);
    session.wait_for(&["Search", "Results"]);
    kill(&session, "-TERM");
    assert_eq!(session.exit_code(), 143);
    assert!(!session.alternate_screen(), "the normal screen is back");
}

#[test]
fn escape_on_an_empty_query_quits() {
    let mut session = Session::start(&["--lang", "en"]);
    session.wait_for(&["Search", "Results"]);
    session.send(b"x");
    session.wait_for(&["> x"]);
    session.send(b"\x1b");
    session.wait_for(&["34/34"]);
    thread::sleep(Duration::from_millis(100));
    session.send(b"\x1b");
    assert_eq!(session.exit_code(), 0);
}

/// A session on a copy of the embedded data in a file, showing Graz; the folder lives as long as
/// the first value.
fn graz_from_a_data_file() -> (tempfile::TempDir, std::path::PathBuf, Session) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("directory.ron");
    std::fs::write(&path, partnerdesk::directory::EMBEDDED).unwrap();
    let data = path.to_string_lossy().into_owned();
    let mut session = Session::start(&["--lang", "en", "--data", &data]);
    session.send(b"graz");
    session.wait_for(&["Austria (AT)", "Steiermark (Styria)"]);
    (folder, path, session)
}

#[test]
fn an_edited_data_file_is_picked_up_and_a_broken_one_is_not() {
    let (_folder, path, mut session) = graz_from_a_data_file();

    std::fs::write(&path, "Directory(").unwrap();
    session.wait_for(&["Data not reloaded, keeping the data shown", "Steiermark (Styria)"]);

    let edited = partnerdesk::directory::EMBEDDED.replace("Steiermark (Styria)", "Styria");
    std::fs::write(&path, edited).unwrap();
    session.wait_for(&["Data reloaded", "Region        Styria"]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

/// Sends `signal` to the session's process with the system's `kill`.
#[cfg(unix)]
fn kill(session: &Session, signal: &str) {
    let pid = session.child.process_id().expect("a process id");
    let sent = std::process::Command::new("kill").args([signal, &pid.to_string()]).status().unwrap();
    assert!(sent.success());
}

#[cfg(unix)]
#[test]
fn sigquit_and_sighup_restore_the_terminal_with_their_statuses() {
    for (signal, status) in [("-QUIT", 131), ("-HUP", 129), ("-INT", 130)] {
        let mut session = Session::start(&["--lang", "en"]);
        session.wait_for(&["Search", "Results"]);
        kill(&session, signal);
        assert_eq!(session.exit_code(), status, "{signal}");
        assert!(!session.alternate_screen(), "{signal}: the normal screen is back");
    }
}

#[cfg(unix)]
#[test]
fn a_stop_hands_the_terminal_back_and_a_continue_repaints_it() {
    let mut session = Session::start(&["--lang", "en"]);
    session.send(b"graz");
    session.wait_for(&["Austria (AT)"]);
    kill(&session, "-TSTP");
    let start = Instant::now();
    while session.alternate_screen() && start.elapsed() < PATIENCE {
        thread::sleep(Duration::from_millis(20));
    }
    assert!(!session.alternate_screen(), "a stopped view leaves the alternate screen");
    kill(&session, "-CONT");
    let start = Instant::now();
    while !session.alternate_screen() && start.elapsed() < PATIENCE {
        thread::sleep(Duration::from_millis(20));
    }
    session.wait_for(&["Austria (AT)", "> graz"]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

#[cfg(unix)]
#[test]
#[allow(unsafe_code, reason = "reads the master's own descriptor, which no safe reader in the test's crates does")]
fn closing_the_terminal_ends_the_program_within_two_seconds() {
    let pty = native_pty_system()
        .openpty(PtySize { rows: ROWS, cols: COLUMNS, pixel_width: 0, pixel_height: 0 })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_partnerdesk"));
    cmd.args(["--lang", "en"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("PARTNERDESK_DATA");
    let mut child = pty.slave.spawn_command(cmd).expect("the binary starts");
    drop(pty.slave);
    // Read the master's own descriptor, so that dropping the master closes the last one.
    let fd = pty.master.as_raw_fd().expect("a descriptor");
    let mut screen = vt100::Parser::new(NonZeroU16::new(ROWS).unwrap(), NonZeroU16::new(COLUMNS).unwrap(), 0);
    let mut buf = [0u8; 8192];
    let start = Instant::now();
    while !screen.screen().contents().contains("Results") && start.elapsed() < PATIENCE {
        let mut poll = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd; the buffer outlives the read.
        if unsafe { libc::poll(&mut poll, 1, 100) } > 0 {
            let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n > 0 {
                screen.process(&buf[..n as usize]);
            }
        }
    }
    assert!(screen.screen().contents().contains("Results"), "the view started");
    drop(pty.master);
    let closed = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if closed.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("still running 5 s after its terminal closed");
        }
        thread::sleep(Duration::from_millis(20));
    };
    assert!(closed.elapsed() < Duration::from_secs(2), "ended after {:?}", closed.elapsed());
    assert_eq!(status.exit_code(), 129, "{status:?}");
}

#[test]
fn an_edit_is_picked_up_while_keys_keep_arriving() {
    // Time once advanced only when no key came for a while: a key every 150 ms held a reload off.
    let (_folder, path, mut session) = graz_from_a_data_file();
    let edited = partnerdesk::directory::EMBEDDED.replace("Steiermark (Styria)", "Styria");
    std::fs::write(&path, edited).unwrap();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(4) && !session.contents().contains("Region        Styria") {
        session.send(b"\x1b[A"); // ↑ on the first row, which changes nothing
        thread::sleep(Duration::from_millis(150));
    }
    session.wait_for(&["Region        Styria"]);
    assert!(start.elapsed() < Duration::from_secs(4), "the reload waited for the keys to stop");
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn a_workbook_is_not_written_to_a_terminal() {
    let mut session = Session::start(&["list", "--format", "xlsx"]);
    assert_eq!(session.exit_code(), 2);
    assert!(session.contents().contains("give --out FILE.xlsx"), "{}", session.contents());
}

#[test]
fn a_query_with_no_match_says_so_at_a_terminal() {
    let mut session = Session::start(&["query", "xyzzyq"]);
    assert_eq!(session.exit_code(), 1);
    assert!(session.contents().contains("nothing matches \"xyzzyq\""), "{}", session.contents());
    let mut session = Session::start(&["query", "--lang", "de", "xyzzyq"]);
    assert_eq!(session.exit_code(), 1);
    assert!(session.contents().contains("keine Treffer für „xyzzyq“"), "{}", session.contents());
}

#[path = "../benches/support/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

#[test]
fn the_first_frame_comes_at_once_and_keys_typed_while_loading_are_kept() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.ron");
    std::fs::write(&path, synthetic::generate(30_000, 7).0).unwrap();
    let data = path.to_string_lossy().into_owned();
    let mut session = Session::start(&["--lang", "en", "--no-cache", "--data", &data]);
    session.wait_for(&["Search", "loading the data"]);
    session.send(b"mar");
    session.wait_for(&["> mar", "/30001 "]);
    assert!(!session.contents().contains("loading the data"));
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}
#[test]
fn while_the_data_loads_a_resize_redraws_the_frame_and_ctrl_c_quits() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.ron");
    std::fs::write(&path, synthetic::generate(60_000, 7).0).unwrap();
    let data = path.to_string_lossy().into_owned();
    let mut session = Session::start(&["--lang", "en", "--no-cache", "--data", &data]);
    session.wait_for(&["Search", "loading the data"]);
    session.resize(20, 70);
    // The search box is drawn again to the new right edge, still with the loading note in it.
    let start = Instant::now();
    let first_row = |session: &Session| session.contents().lines().next().unwrap_or_default().to_string();
    while !(first_row(&session).ends_with("loading the data … ┐") && first_row(&session).chars().count() == 70) {
        assert!(start.elapsed() < PATIENCE, "the loading frame was not drawn at 70 columns:\n{}", session.contents());
        thread::sleep(Duration::from_millis(20));
    }
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
    assert!(!session.alternate_screen(), "the normal screen is back");
}

/// A data file that is a named pipe no one writes to: opening it would wait for ever, so it is
/// opened without waiting and refused as not a file. The view opens on the embedded data, says
/// why, and takes keys, a resize and Esc as always.
#[cfg(unix)]
#[test]
fn a_data_file_that_is_a_pipe_never_holds_up_the_view() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("directory.ron");
    let made = std::process::Command::new("mkfifo").arg(&path).status().expect("mkfifo runs");
    assert!(made.success());
    let data = path.to_string_lossy().into_owned();
    let mut session = Session::start(&["--lang", "en", "--data", &data]);
    session.wait_for(&["cannot be used: is not a file", "Showing the embedded"]);
    session.send(b"graz");
    session.wait_for(&["> graz", "Austria"]);
    session.resize(20, 70);
    let start = Instant::now();
    let first_row = |session: &Session| session.contents().lines().next().unwrap_or_default().to_string();
    while first_row(&session).chars().count() != 70 {
        assert!(start.elapsed() < PATIENCE, "the frame was not drawn at 70 columns:\n{}", session.contents());
        thread::sleep(Duration::from_millis(20));
    }
    assert!(session.contents().contains("> graz"), "the query survives the resize:\n{}", session.contents());
    // The first Esc clears what was typed, the second quits.
    session.send(b"\x1b");
    let start = Instant::now();
    while session.contents().contains("> graz") {
        assert!(start.elapsed() < PATIENCE, "Esc did not clear the query:\n{}", session.contents());
        thread::sleep(Duration::from_millis(20));
    }
    thread::sleep(Duration::from_millis(100));
    session.send(b"\x1b");
    assert_eq!(session.exit_code(), 0);
    assert!(!session.alternate_screen(), "the normal screen is back");
}

/// A data file replaced by a named pipe no one writes to while the view runs: the looks at it
/// run on their own and never read a pipe, and the view takes keys as before.
#[cfg(unix)]
#[test]
fn a_data_file_that_stops_answering_leaves_the_view_live() {
    let (folder, path, mut session) = graz_from_a_data_file();
    let pipe = folder.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status().expect("mkfifo runs");
    assert!(made.success());
    std::fs::rename(&pipe, &path).unwrap();
    // The file is looked at every second: this lets a look start and wait on the pipe.
    thread::sleep(Duration::from_millis(2500));
    session.send(b"\x15plock");
    session.wait_for(&["> plock", "Poland (PL)"]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn an_edit_made_while_the_data_loads_is_picked_up_once_it_is_there() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.ron");
    let text = synthetic::generate(30_000, 7).0;
    std::fs::write(&path, &text).unwrap();
    let data = path.to_string_lossy().into_owned();
    let mut session = Session::start(&["--lang", "en", "--no-cache", "--data", &data]);
    session.wait_for(&["Search", "loading the data"]);
    // Saved as editors do, under another name and renamed over the file.
    let edited = folder.path().join("big.ron.new");
    std::fs::write(&edited, text.replacen("family_name: \"Dubois\"", "family_name: \"Quuxhausen\"", 1)).unwrap();
    std::fs::rename(&edited, &path).unwrap();
    session.send(b"quuxhausen");
    session.wait_for(&["> quuxhausen", "/30001 "]);
    session.wait_for(&["Data reloaded", "José Quuxhausen"]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn a_broken_file_at_start_opens_the_view_with_a_banner_and_its_fix_is_picked_up() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("bad.ron");
    std::fs::write(&path, partnerdesk::directory::EMBEDDED.replacen("since: 1988", "since: 1800", 1)).unwrap();
    let data = path.to_string_lossy().into_owned();
    let mut session = Session::start(&["--lang", "en", "--data", &data]);
    session.wait_for(&["bad.ron (from --data) cannot be used", "since 1800 is not a", "34/34"]);
    assert!(session.contents().contains("Showing the embedded directory"), "{}", session.contents());
    std::fs::write(&path, partnerdesk::directory::EMBEDDED).unwrap();
    session.wait_for(&["The data file can be read again"]);
    assert!(!session.contents().contains("cannot be used"), "{}", session.contents());
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn a_missing_shared_file_at_start_opens_the_view_on_the_embedded_data() {
    let folder = tempfile::tempdir().unwrap();
    let missing = folder.path().join("drive").join("directory.ron");
    let data = missing.to_string_lossy().into_owned();
    let mut session = Session::start_with(&["--lang", "de"], &[("PARTNERDESK_DATA", &data)]);
    session.wait_for(&["(aus PARTNERDESK_DATA) nicht nutzbar: nicht gefunden", "eingebauten Daten", "34/34"]);
    session.send(b"plock");
    session.wait_for(&["Polen (PL)", "(06151) 13-2324"]);
    // The drive comes back.
    std::fs::create_dir_all(missing.parent().unwrap()).unwrap();
    std::fs::write(&missing, partnerdesk::directory::EMBEDDED.replace("Masowien (Mazowieckie)", "Masowien")).unwrap();
    session.wait_for(&["Datendatei wieder lesbar", "Region        Masowien "]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn a_file_broken_after_a_good_run_opens_on_its_last_good_copy() {
    let folder = tempfile::tempdir().unwrap();
    let cache = folder.path().join("cache");
    let path = folder.path().join("directory.ron");
    std::fs::write(&path, partnerdesk::directory::EMBEDDED.replace("Steiermark (Styria)", "Styria")).unwrap();
    let data = path.to_string_lossy().into_owned();
    let cache_home = cache.to_string_lossy().into_owned();
    let env = [("PARTNERDESK_CACHE", "on"), ("XDG_CACHE_HOME", cache_home.as_str()), ("HOME", cache_home.as_str())];
    // A good run leaves a validated copy in the cache.
    let good = assert_cmd::Command::cargo_bin("partnerdesk")
        .unwrap()
        .args(["query", "--data", &data, "graz"])
        .envs(env)
        .output()
        .unwrap();
    assert!(good.status.success());
    std::fs::write(&path, "Directory(").unwrap();
    let mut session = Session::start_with(&["--lang", "en", "--data", &data], &env);
    session.wait_for(&["cannot be used", "Showing its last good copy, of"]);
    session.send(b"graz");
    session.wait_for(&["Region        Styria "]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
    // The command line still fails on the broken file: scripts must know.
    let cli = assert_cmd::Command::cargo_bin("partnerdesk")
        .unwrap()
        .args(["query", "--data", &data, "graz"])
        .envs(env)
        .output()
        .unwrap();
    assert_eq!(cli.status.code(), Some(2));
}

#[test]
fn an_edit_that_keeps_size_and_modification_time_is_noticed() {
    let (_folder, path, mut session) = graz_from_a_data_file();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let edited = partnerdesk::directory::EMBEDDED.replace("Steiermark (Styria)", "Steiermark (STYRIA)");
    assert_eq!(edited.len(), partnerdesk::directory::EMBEDDED.len());
    let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.write_all(edited.as_bytes()).unwrap();
    file.set_modified(modified).unwrap();
    drop(file);
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), modified);
    session.wait_for(&["Data reloaded", "Steiermark (STYRIA)"]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

/// A folder with a fake `xdg-mime` that knows no handler for any link, for PATH: with no
/// clipboard tool either (no DISPLAY), nothing can take a phone message.
#[cfg(all(unix, not(target_os = "macos")))]
fn desk_without_programs() -> (tempfile::TempDir, String) {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    for (name, script) in [("xdg-mime", "#!/bin/sh\nexit 0\n"), ("xdg-open", "#!/bin/sh\nexit 3\n")] {
        let path = folder.path().join(name);
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!("{}:{}", folder.path().display(), std::env::var("PATH").unwrap_or_default());
    (folder, path)
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn with_no_mail_program_and_no_clipboard_a_phone_message_stays_on_screen() {
    let (_folder, path) = desk_without_programs();
    let mut session =
        Session::start_with(&["--lang", "en"], &[("PATH", &path), ("DISPLAY", ""), ("WAYLAND_DISPLAY", "")]);
    session.send(b"plock");
    session.wait_for(&["Poland (PL)"]);
    session.send(b"\x1b[18~"); // F7
    session.wait_for(&["Phone message", "Caller"]);
    // Enter on an empty form sends nothing, and says what is missing.
    session.send(b"\r\r\r");
    session.wait_for(&["Please fill in a caller or a concern"]);
    // A paste with line breaks goes into the caller field on one line, and sends nothing.
    session.send(b"\x1b[200~Jan\r\nKowalski\x1b[201~");
    session.wait_for(&["Jan Kowalski"]);
    assert!(session.contents().contains("Caller     Jan Kowalski"), "{}", session.contents());
    // Enter moves to the call-back field, and on to the concern.
    session.send(b"\r+48 24 367 1000\rVisit in May");
    session.wait_for(&["Visit in May"]);
    session.send(b"\r");
    session.wait_for(&["The note has not been passed on yet", "Concern: Visit in May", "Caller: Jan Kowalski"]);
    session.wait_for(&["(OSC 52), not confirmed"]);
    let screen = session.contents();
    assert!(screen.contains("no mail program set up; note kept"), "{screen}");
    assert!(screen.contains("(OSC 52), not confirmed"), "{screen}");
    assert!(!screen.contains("handed to the mail program") && !screen.contains("copied ("), "{screen}");
    // Quitting now still leaves the note on the terminal, as text, and in the journal.
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
    assert!(session.contents().contains("Caller: Jan Kowalski"), "{}", session.contents());
    let notes = session.notes(&[]);
    assert!(
        notes.contains("not delivered: no mail program set up") && notes.contains("Caller: Jan Kowalski"),
        "{notes}"
    );
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn the_form_edits_and_esc_on_text_asks_once() {
    let (_folder, path) = desk_without_programs();
    let mut session =
        Session::start_with(&["--lang", "de"], &[("PATH", &path), ("DISPLAY", ""), ("WAYLAND_DISPLAY", "")]);
    session.send(b"graz");
    session.wait_for(&["Österreich (AT)"]);
    session.send(b"\x1b[18~Jan Kowalski");
    session.wait_for(&["Anrufer    Jan Kowalski"]);
    // Home, Del, then Ctrl-E and Ctrl-W: "an " is left.
    session.send(b"\x1b[H\x1b[3~\x05\x17");
    session.wait_for(&["Anrufer    an  ", "Esc abbrechen"]);
    session.send(b"\x1b");
    session.wait_for(&["Noch einmal Esc verwirft die Notiz"]);
    thread::sleep(Duration::from_millis(100));
    session.send(b"\x1b");
    session.wait_for(&["↑↓ wählen"]);
    assert!(!session.contents().contains("Anrufer"), "{}", session.contents());
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn f5_f6_and_f7_hand_their_links_to_the_system() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let log = folder.path().join("opened.txt");
    // A fake xdg-open that writes down what it was handed, and an xdg-mime that knows a handler.
    let opener = format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display());
    for (name, script) in [("xdg-open", opener.as_str()), ("xdg-mime", "#!/bin/sh\necho fake.desktop\n")] {
        let path = folder.path().join(name);
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!("{}:{}", folder.path().display(), std::env::var("PATH").unwrap_or_default());
    let mut session =
        Session::start_with(&["--lang", "de"], &[("PATH", &path), ("DISPLAY", ""), ("WAYLAND_DISPLAY", "")]);
    session.wait_for(&["Suche", "34/34"]);
    session.send(b"plock");
    session.wait_for(&["1/34", "Polen (PL)"]);
    session.send(b"\x1b[15~"); // F5
    session.wait_for(&["An das Telefonprogramm übergeben: Irene Schewe, (06151) 13-2324"]);
    session.send(b"\x1b[17~"); // F6
    session.wait_for(&["An das Mailprogramm übergeben: Irene Schewe <international@darmstadt.de>"]);
    session.send(b"\x1b[18~"); // F7
    session.wait_for(&["Telefonnotiz", "Anrufer"]);
    session.send(b"Jan Kowalski\t+48 24 367 1000\tBesuch im Mai\r");
    session.wait_for(&["Notiz an Mailprogramm übergeben (xdg-open)"]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
    let opened = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = opened.lines().collect();
    assert_eq!(lines.len(), 3, "{opened}");
    assert_eq!(lines[0], "tel:+49-6151-13-2324");
    assert_eq!(
        lines[1],
        "mailto:international@darmstadt.de?subject=Partnerstadt%20P%C5%82ock%20%E2%80%93%20f%C3%BCr%20Irene%20Schewe"
    );
    assert!(lines[2].starts_with("mailto:international@darmstadt.de?subject=Telefonnotiz%3A%20P%C5%82ock%20%E2%80%93%20Jan%20Kowalski&body=Telefonnotiz%3A%20"), "{}", lines[2]);
    assert!(lines[2].contains("%0D%0AAnrufer%3A%20Jan%20Kowalski%0D%0AR%C3%BCckruf%3A%20%2B48%2024%20367%201000%0D%0AAnliegen%3A%20Besuch%20im%20Mai"), "{}", lines[2]);
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn with_no_program_for_tel_links_f5_copies_the_number_instead() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let mime = folder.path().join("xdg-mime");
    std::fs::write(&mime, "#!/bin/sh\nexit 0\n").unwrap();
    std::fs::set_permissions(&mime, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", folder.path().display(), std::env::var("PATH").unwrap_or_default());
    let mut session =
        Session::start_with(&["--lang", "en"], &[("PATH", &path), ("DISPLAY", ""), ("WAYLAND_DISPLAY", "")]);
    session.send(b"graz");
    session.wait_for(&["Austria (AT)"]);
    session.send(b"\x1b[15~");
    session.wait_for(&["Not handed over: no phone program set up – Julia Kuz, (06151) 13-2325;"]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn a_running_view_picks_up_an_assign() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("directory.ron");
    std::fs::write(&path, partnerdesk::directory::EMBEDDED).unwrap();
    let data = path.to_string_lossy().into_owned();
    let mut session = Session::start(&["--lang", "en", "--data", &data]);
    session.send(b"trondheim");
    session.wait_for(&["Norway (NO)", "Responsible: Jessica Otto"]);
    let assigned = assert_cmd::Command::cargo_bin("partnerdesk")
        .unwrap()
        .args(["assign", "Trondheim", "kuz", "--data", &data])
        .env("PARTNERDESK_CACHE", "off")
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(assigned.status.success(), "{}", String::from_utf8_lossy(&assigned.stderr));
    session.wait_for(&["Data reloaded", "Responsible: Julia Kuz"]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn the_accessible_dialogue_edits_one_line_and_answers_in_sentences() {
    let mut session = Session::start(&["--accessible", "--lang", "de"]);
    session.wait_for(&["partnerdesk für Screenreader.", "Suche:"]);
    assert!(!session.alternate_screen(), "no full-screen view");
    // A typo mended with Backspace, as in any shell's line editor.
    session.send(b"plx\x7fock\r");
    session.wait_for(&["1 Treffer.", "Zuständig: Irene Schewe, Telefon (06151) 13-2324"]);
    // Arrow up brings the last line back from the history.
    session.send(b"\x1b[A\r");
    let start = Instant::now();
    while session.contents().matches("Płock, Polen, Partnerstadt seit 1988.").count() < 2 {
        assert!(start.elapsed() < PATIENCE, "the history's line was not answered:\n{}", session.contents());
        thread::sleep(Duration::from_millis(50));
    }
    let contents = session.contents();
    assert!(!contents.chars().any(|c| ('\u{2500}'..='\u{259f}').contains(&c)), "no box drawing:\n{contents}");
    session.send(b"q\r");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn a_dumb_terminal_gets_the_dialogue_and_ctrl_d_ends_it() {
    let mut session = Session::start_with(&["--lang", "en"], &[("TERM", "dumb")]);
    session.wait_for(&["Search:"]);
    session.send(b"graz\r");
    session.wait_for(&["Graz, Austria, partner city since 1968.", "Responsible: Julia Kuz"]);
    session.send(b"\x04");
    assert_eq!(session.exit_code(), 0);
}

/// A folder on PATH with these fake tools (name, shell script), and the PATH that puts it first.
#[cfg(all(unix, not(target_os = "macos")))]
fn fake_tools(tools: &[(&str, &str)]) -> (tempfile::TempDir, String) {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    for (name, script) in tools {
        let path = folder.path().join(name);
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!("{}:{}", folder.path().display(), std::env::var("PATH").unwrap_or_default());
    (folder, path)
}

/// Types a phone message to Płock's contact and sends it.
#[cfg(all(unix, not(target_os = "macos")))]
fn send_a_note(session: &mut Session) {
    session.send(b"plock");
    session.wait_for(&["Poland (PL)"]);
    session.send(b"\x1b[18~"); // F7
    session.wait_for(&["Phone message", "Caller"]);
    session.send(b"Jan Kowalski\t+48 24 367 1000\tVisit in May\r");
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn a_mail_program_that_fails_is_said_and_the_note_kept() {
    // A mail client still listed in mimeapps.list but uninstalled: xdg-open exits 4.
    let (_folder, path) =
        fake_tools(&[("xdg-mime", "#!/bin/sh\necho thunderbird.desktop\n"), ("xdg-open", "#!/bin/sh\nexit 4\n")]);
    let mut session =
        Session::start_with(&["--lang", "en"], &[("PATH", &path), ("DISPLAY", ""), ("WAYLAND_DISPLAY", "")]);
    send_a_note(&mut session);
    session.wait_for(&["The note has not been passed on yet: xdg-open failed (4); note kept (F8)"]);
    assert!(!session.contents().contains("handed to the mail program"), "{}", session.contents());
    // Esc twice discards it from the screen; the journal still has it, and the footer counts it.
    session.send(b"\x1b");
    thread::sleep(Duration::from_millis(100));
    session.send(b"\x1b");
    session.wait_for(&["1 note of today undelivered (F8)"]);
    session.send(b"\x1b[19~"); // F8
    session.wait_for(&["Kept notes (1)", "not delivered: xdg-open failed (4) · Jan Kowalski", "Concern: Visit in May"]);
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
    let notes = session.notes(&["--json"]);
    let json: serde_json::Value = serde_json::from_str(&notes).unwrap();
    assert_eq!(json[0]["caller"], "Jan Kowalski");
    assert_eq!(json[0]["callback"], "+48 24 367 1000");
    assert_eq!(json[0]["delivery"]["not_delivered"]["mail"]["exited"]["status"], 4);
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn a_slow_xdg_mime_does_not_freeze_the_view() {
    let (folder, path) = fake_tools(&[
        ("xdg-mime", "#!/bin/sh\nsleep 3\necho thunderbird.desktop\n"),
        ("xdg-open", "#!/bin/sh\nexit 0\n"),
    ]);
    let _keep = folder;
    let mut session =
        Session::start_with(&["--lang", "de"], &[("PATH", &path), ("DISPLAY", ""), ("WAYLAND_DISPLAY", "")]);
    session.send(b"graz");
    session.wait_for(&["Österreich (AT)"]);
    let started = Instant::now();
    session.send(b"\x1b[17~"); // F6
    session.wait_for(&["Übergabe läuft: Julia Kuz"]);
    // Keys are taken and drawn while xdg-mime sleeps: each within a fraction of a second.
    session.send(b"\x15");
    let mut slowest = Duration::ZERO;
    for typed in ["t", "tr", "tro", "tron"] {
        let sent = Instant::now();
        session.send(&typed.as_bytes()[typed.len() - 1..]);
        session.wait_for(&[&format!("> {typed} ")]);
        slowest = slowest.max(sent.elapsed());
    }
    eprintln!("slowest key while xdg-mime sleeps: {slowest:?}");
    assert!(slowest < Duration::from_secs(1), "{slowest:?}");
    session.wait_for(&["Norwegen (NO)"]);
    assert!(started.elapsed() < Duration::from_secs(3), "the view answered while the hand-over ran");
    session.wait_for(&["An das Mailprogramm übergeben: Julia Kuz <international@darmstadt.de>"]);
    assert!(started.elapsed() >= Duration::from_secs(3), "said only after the opener answered");
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn a_note_copied_by_xclip_is_kept_and_the_next_copy_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let clip = folder.path().join("clipboard.txt");
    let xclip = format!("#!/bin/sh\ncat > '{}'\n", clip.display());
    let (_tools, path) = fake_tools(&[
        ("xdg-mime", "#!/bin/sh\nexit 0\n"),
        ("xdg-open", "#!/bin/sh\nexit 3\n"),
        ("xclip", xclip.as_str()),
    ]);
    let mut session =
        Session::start_with(&["--lang", "en"], &[("PATH", &path), ("DISPLAY", ":0"), ("WAYLAND_DISPLAY", "")]);
    send_a_note(&mut session);
    session.wait_for(&["Not handed over: no mail program set up; note kept (F8); Phone message copied"]);
    assert!(std::fs::read_to_string(&clip).unwrap().contains("Caller: Jan Kowalski"));
    session.wait_for(&["1 note of today undelivered"]);
    // The desk's next copy replaces the note on the clipboard: the footer says the journal has it.
    session.send(b"\r");
    session.wait_for(&["Phone number copied (xclip); the note stays kept (F8)"]);
    assert_eq!(std::fs::read_to_string(&clip).unwrap(), "(06151) 13-2324");
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
    let notes = session.notes(&[]);
    assert!(notes.contains("copied only (xclip)") && notes.contains("Concern: Visit in May"), "{notes}");
}

#[cfg(unix)]
#[test]
fn signals_end_the_accessible_dialogue_with_their_statuses() {
    // SIGINT while a line is read is the line editor's, as Ctrl-C is: it ends with 0.
    for (signal, status) in [("-TERM", 143), ("-HUP", 129), ("-QUIT", 131), ("-INT", 0)] {
        let mut session = Session::start(&["--accessible", "--lang", "en"]);
        session.wait_for(&["Search:"]);
        session.send(b"gra");
        thread::sleep(Duration::from_millis(200));
        kill(&session, signal);
        assert_eq!(session.exit_code(), status, "{signal}");
    }
}

#[cfg(unix)]
#[test]
fn a_closed_window_sigterm_or_ctrl_c_keeps_the_open_note_as_a_draft() {
    for (ending, status) in [("-HUP", 129), ("-TERM", 143), ("Ctrl-C", 0)] {
        let mut session = Session::start(&["--lang", "en"]);
        session.send(b"graz");
        session.wait_for(&["Austria (AT)"]);
        session.send(b"\x1b[18~Anna Nowak\t\tCall back about the choir");
        session.wait_for(&["Call back about the choir"]);
        if ending == "Ctrl-C" {
            session.send(b"\x03");
        } else {
            kill(&session, ending);
        }
        assert_eq!(session.exit_code(), status, "{ending}");
        assert!(session.contents().contains("The note is kept in "), "{ending}: {}", session.contents());
        let notes = session.notes(&[]);
        assert!(notes.contains("· draft"), "{ending}: {notes}");
        assert!(
            notes.contains("Caller: Anna Nowak") && notes.contains("Concern: Call back about the choir"),
            "{notes}"
        );
        assert!(notes.contains("For: Julia Kuz"), "{notes}");
    }
}

#[test]
fn a_running_view_answers_with_the_cover_after_away_and_with_the_contact_after_back() {
    // The absence is made up; the day is fixed, for the view and for the commands alike.
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("directory.ron");
    std::fs::write(&path, partnerdesk::directory::EMBEDDED).unwrap();
    let data = path.to_string_lossy().into_owned();
    let today = ("PARTNERDESK_TODAY", "2026-12-02");
    let mut session = Session::start_with(&["--lang", "en", "--data", &data], &[today]);
    session.send(b"plock");
    session.wait_for(&["Responsible: Irene Schewe", "(06151) 13-2324"]);
    let run = |args: &[&str]| {
        let output = assert_cmd::Command::cargo_bin("partnerdesk")
            .unwrap()
            .args(args)
            .args(["--data", &data])
            .env("PARTNERDESK_CACHE", "off")
            .env(today.0, today.1)
            .env("LANG", "C")
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    };
    run(&["away", "schewe", "--until", "2026-12-04", "--cover", "kuz"]);
    session.wait_for(&["Away          2 Dec to 4 Dec", "Answers now: Julia Kuz (cover)", "(06151) 13-2325"]);
    session.wait_for(&["Cover: Julia Kuz", "F6 email · F7 note"]);
    run(&["back", "schewe"]);
    session.wait_for(&["Data reloaded"]);
    session.wait_for(&["(06151) 13-2324"]);
    assert!(!session.contents().contains("Answers now"), "{}", session.contents());
    session.send(b"\x03");
    assert_eq!(session.exit_code(), 0);
}

/// The dialogue's phone message goes the view's way: into the journal, then to the mail program,
/// whose verdict (exit status 0) is waited for and said.
#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn the_dialogue_hands_a_phone_message_to_the_mail_program_once_the_journal_has_it() {
    let (folder, path) = fake_tools(&[
        ("xdg-mime", "#!/bin/sh\necho thunderbird.desktop\n"),
        ("xdg-open", "#!/bin/sh\nprintf '%s' \"$1\" > \"$(dirname \"$0\")/opened\"\n"),
    ]);
    let env = [("PATH", path.as_str()), ("DISPLAY", ""), ("WAYLAND_DISPLAY", "")];
    let mut session = Session::start_with(&["--accessible", "--lang", "en"], &env);
    session.wait_for(&["Search:"]);
    session.send(b"plock\r");
    session.wait_for(&["Responsible: Irene Schewe"]);
    for (typed, next) in [("t", "Caller:"), ("Jan Kowalski", "Call back:"), ("+48 24 367 1000", "Concern:")] {
        session.send(format!("{typed}\r").as_bytes());
        session.wait_for(&[next]);
    }
    session.send(b"Visit in May\r");
    session.wait_for(&["Note handed to the mail program (xdg-open)."]);
    let opened = std::fs::read_to_string(folder.path().join("opened")).unwrap();
    assert!(
        opened
            .starts_with("mailto:international@darmstadt.de?subject=Phone%20message%3A%20P%C5%82ock%20%E2%80%93%20Jan"),
        "{opened}"
    );
    let notes = session.notes(&[]);
    assert!(notes.contains("mailed (xdg-open)") && notes.contains("Caller: Jan Kowalski"), "{notes}");
    session.send(b"q\r");
    assert_eq!(session.exit_code(), 0);
}
