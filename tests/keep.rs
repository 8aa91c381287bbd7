//! Keeping the shared data file: `assign`, `edit` with a fake editor for every path, `history`
//! and `diff`, run as the real binary.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use partnerdesk::directory::EMBEDDED;

struct Desk {
    folder: tempfile::TempDir,
    data: PathBuf,
}

impl Desk {
    fn new() -> Desk {
        let folder = tempfile::tempdir().unwrap();
        let data = folder.path().join("directory.ron");
        fs::write(&data, EMBEDDED).unwrap();
        Desk { folder, data }
    }

    /// partnerdesk on this desk's file, as user `anna`, with `editor` as $EDITOR.
    fn run(&self, args: &[&str], editor: Option<&Path>) -> std::process::Output {
        self.answering(args, editor, "")
    }

    /// [`Self::run`], with `input` as what the user types.
    fn answering(&self, args: &[&str], editor: Option<&Path>, input: &str) -> std::process::Output {
        let mut cmd = Command::cargo_bin("partnerdesk").unwrap();
        cmd.args(args).arg("--data").arg(&self.data);
        cmd.env("LANG", "C").env("PARTNERDESK_CACHE", "off").env("USER", "anna").env_remove("VISUAL");
        cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("PARTNERDESK_DATA");
        match editor {
            Some(editor) => cmd.env("EDITOR", editor),
            None => cmd.env("EDITOR", "false"),
        };
        cmd.write_stdin(input).output().unwrap()
    }

    /// A fake editor: a shell script run as `EDITOR FILE`.
    fn editor(&self, script: &str) -> PathBuf {
        let path = self.folder.path().join(format!("editor-{}.sh", fs::read_dir(self.folder.path()).unwrap().count()));
        fs::write(&path, format!("#!/bin/sh\nset -e\n{script}\n")).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    fn text(&self) -> String {
        fs::read_to_string(&self.data).unwrap()
    }

    fn history(&self) -> Vec<PathBuf> {
        let folder = self.folder.path().join("history");
        fs::read_dir(folder).map(|d| d.map(|e| e.unwrap().path()).collect()).unwrap_or_default()
    }
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn assign_changes_one_line_keeps_every_comment_and_is_on_record() {
    let desk = Desk::new();
    let output = desk.run(&["assign", "Trondheim", "kuz"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("Trondheim: contact Jessica Otto → Julia Kuz"));
    let text = desk.text();
    let differing: Vec<(&str, &str)> = EMBEDDED.lines().zip(text.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(differing, [("            contact: \"otto\",", "            contact: \"kuz\",")]);
    assert_eq!(text.lines().count(), EMBEDDED.lines().count());
    assert!(text.starts_with("// partnerdesk directory"), "comments stay");
    assert_eq!(fs::read_to_string(&desk.history()[0]).unwrap(), EMBEDDED);
    let history = desk.run(&["history"], None);
    assert!(stdout(&history).contains("  anna  Trondheim: contact Jessica Otto → Julia Kuz"), "{}", stdout(&history));
    let json: serde_json::Value = serde_json::from_str(&stdout(&desk.run(&["history", "--json"], None))).unwrap();
    assert_eq!(json[0]["user"], "anna");
    assert_eq!(json[0]["change"], "Trondheim: contact Jessica Otto → Julia Kuz");
}

#[test]
fn assign_refuses_unknown_cities_and_people_and_leaves_the_file_alone() {
    let desk = Desk::new();
    for (city, person) in [("Berlin", "kuz"), ("Graz", "Nobody")] {
        let output = desk.run(&["assign", city, person], None);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains(if city == "Berlin" {
            "no partner city is called"
        } else {
            "nobody is called"
        }));
    }
    assert_eq!(desk.text(), EMBEDDED);
    assert!(desk.history().is_empty());
}

#[test]
fn a_valid_edit_is_installed_with_its_changes_in_words() {
    let desk = Desk::new();
    let editor = desk.editor("sed -i 's/(06151) 13-2323/(06151) 13-2329/' \"$1\"");
    let output = desk.run(&["edit"], Some(&editor));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("Jessica Otto: phone (06151) 13-2323 → (06151) 13-2329"), "{}", stdout(&output));
    assert!(desk.text().contains("(06151) 13-2329"));
    assert_eq!(desk.history().len(), 1);
    let history = stdout(&desk.run(&["history"], None));
    assert!(history.contains("  anna  Jessica Otto: phone (06151) 13-2323 → (06151) 13-2329"), "{history}");
    let mut cmd = Command::cargo_bin("partnerdesk").unwrap();
    let german = cmd.args(["history", "--lang", "de", "--data"]).arg(&desk.data).output().unwrap();
    assert!(
        stdout(&german).contains("  anna  Jessica Otto: Telefon (06151) 13-2323 → (06151) 13-2329"),
        "{}",
        stdout(&german)
    );
}

#[test]
fn an_invalid_save_reopens_the_editor_with_the_problems_in_the_file() {
    let desk = Desk::new();
    let seen = desk.folder.path().join("second-round.ron");
    // Round 1 breaks a year; round 2 keeps what it was shown, then fixes it.
    let editor = desk.editor(&format!(
        "if [ -e '{seen}' ]; then exit 1; fi\n\
         if grep -q '^// partnerdesk: ' \"$1\"; then cp \"$1\" '{seen}'; sed -i 's/since: 1800/since: 1988/' \"$1\"; \
         else sed -i 's/since: 1988/since: 1800/' \"$1\"; fi",
        seen = seen.display()
    ));
    // Enter answers "Edit it again? [Y/n]".
    let output = desk.answering(&["edit"], Some(&editor), "\n");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("since 1800 is not a year from 1945"), "{}", stderr(&output));
    let shown = fs::read_to_string(&seen).unwrap();
    let first: Vec<&str> = shown.lines().take(2).collect();
    assert!(first[0].starts_with("// partnerdesk: not saved yet"), "{shown}");
    assert!(first[1].contains("since 1800 is not a year from 1945"), "{}", first[1]);
    // The line number points at the line as the editor shows it.
    let line: usize = first[1].split("line ").nth(1).unwrap().split(':').next().unwrap().parse().unwrap();
    assert!(shown.lines().nth(line - 1).unwrap().contains("since: 1800"), "line {line} of\n{shown}");
    assert_eq!(desk.text(), EMBEDDED, "the fix restored the original: nothing but the same text");
}

#[test]
fn an_editor_that_always_breaks_the_file_ends_when_nobody_says_again() {
    let desk = Desk::new();
    let rounds = desk.folder.path().join("rounds");
    // A script, not a person: every round breaks the year again.
    let editor = desk.editor(&format!(
        "echo round >> '{rounds}'\nsed -i 's/since: 1988/since: 1800/' \"$1\"",
        rounds = rounds.display()
    ));
    for input in ["", "n\n", "nein\n"] {
        fs::write(&rounds, "").unwrap();
        let output = desk.answering(&["edit"], Some(&editor), input);
        assert_eq!(output.status.code(), Some(2), "{input:?}: {}", stderr(&output));
        assert_eq!(fs::read_to_string(&rounds).unwrap().lines().count(), 1, "{input:?}: the editor ran once");
        let err = stderr(&output);
        assert!(err.contains("Edit it again? [Y/n]"), "{err}");
        assert!(err.contains("not saved: the data file stays as it was"), "{err}");
        let at = err.find("is kept in ").unwrap() + "is kept in ".len();
        let kept = fs::read_to_string(err[at..].lines().next().unwrap().trim()).unwrap();
        assert!(kept.contains("since: 1800"), "the broken copy is kept as it was saved");
        assert_eq!(desk.text(), EMBEDDED, "nothing installed");
    }
    // "y" opens it again: two rounds, then no answer.
    fs::write(&rounds, "").unwrap();
    let output = desk.answering(&["edit"], Some(&editor), "y\n");
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&rounds).unwrap().lines().count(), 2);
}

#[test]
fn an_emptied_file_discards_the_edit_and_no_change_says_so() {
    let desk = Desk::new();
    let emptied = desk.run(&["edit"], Some(&desk.editor(": > \"$1\"")));
    assert_eq!(emptied.status.code(), Some(1));
    assert!(stderr(&emptied).contains("edit discarded"));
    let unchanged = desk.run(&["edit"], Some(&desk.editor("true")));
    assert_eq!(unchanged.status.code(), Some(0));
    assert!(stdout(&unchanged).contains("no change"));
    assert_eq!(desk.text(), EMBEDDED);
    assert!(desk.history().is_empty());
}

#[test]
fn a_colleagues_save_during_the_edit_is_never_overwritten() {
    let desk = Desk::new();
    let theirs = EMBEDDED.replace("Steiermark (Styria)", "Steiermark");
    let theirs_file = desk.folder.path().join("theirs.ron");
    fs::write(&theirs_file, &theirs).unwrap();
    let editor = desk.editor(&format!(
        "cp '{}' '{}'\nsed -i 's/contact: \"otto\"/contact: \"kuz\"/' \"$1\"",
        theirs_file.display(),
        desk.data.display()
    ));
    let output = desk.run(&["edit"], Some(&editor));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(desk.text(), theirs, "their save stays");
    let said = stderr(&output);
    assert!(said.contains("was saved by someone else meanwhile; nothing was overwritten"), "{said}");
    assert!(said.contains("Graz: region Steiermark → Steiermark (Styria)"), "{said}");
    let kept: Vec<PathBuf> = fs::read_dir(desk.folder.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("directory.ron.anna-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(fs::read_to_string(&kept[0]).unwrap().contains("contact: \"kuz\""), "ours is kept beside it");
    // It does not go unnoticed: `check` names it, and a second one, until they are deleted.
    let said = stdout(&desk.run(&["check"], None));
    assert!(said.contains("1 copy of a change that was never installed lies beside the file"), "{said}");
    assert!(said.contains(&format!("  {}\n", kept[0].display())), "{said}");
    let second = kept[0].with_file_name("directory.ron.ben-maria-20991231-235959-2.ron");
    fs::write(&second, "").unwrap();
    fs::write(desk.folder.path().join("directory.ron.notes.ron"), "").unwrap();
    let said = stdout(&desk.run(&["check"], None));
    let lines: Vec<&str> = said.lines().collect();
    assert!(lines[1].starts_with("2 copies of changes that were never installed"), "{said}");
    assert_eq!(lines[2..], [format!("  {}", kept[0].display()), format!("  {}", second.display())], "oldest first");
    fs::remove_file(&kept[0]).unwrap();
    fs::remove_file(&second).unwrap();
    assert_eq!(stdout(&desk.run(&["check"], None)).lines().count(), 1, "only the ok line");
}

#[test]
fn a_held_lock_refuses_a_second_change_and_names_its_holder() {
    let desk = Desk::new();
    // An edit whose editor waits until `go` exists holds the lock meanwhile.
    let go = desk.folder.path().join("go");
    let waiting = desk.editor(&format!("while [ ! -e '{}' ]; do sleep 0.05; done", go.display()));
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("partnerdesk"));
    cmd.args(["edit", "--data"]).arg(&desk.data).env("LANG", "C").env("USER", "ben").env("EDITOR", &waiting);
    let mut holder = cmd.env_remove("VISUAL").stdout(std::process::Stdio::null()).spawn().unwrap();
    let lock = desk.folder.path().join("directory.ron.lock");
    while !fs::read_to_string(&lock).unwrap_or_default().contains("user=ben") {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    for args in [&["assign", "Graz", "seel"][..], &["edit"][..]] {
        let output = desk.run(args, Some(&desk.editor("true")));
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(stderr(&output).contains("ben has been editing the file since"), "{}", stderr(&output));
    }
    assert_eq!(desk.text(), EMBEDDED);
    fs::write(&go, "").unwrap();
    assert!(holder.wait().unwrap().success());
    assert!(lock.exists(), "a lock file is never deleted");
    assert_eq!(desk.run(&["assign", "Graz", "seel"], None).status.code(), Some(0), "free once they are done");
}

#[test]
fn a_lock_file_left_by_an_older_version_or_a_killed_holder_locks_nobody_out() {
    let desk = Desk::new();
    let lock = desk.folder.path().join("directory.ron.lock");
    fs::write(&lock, "user=ben\nhost=elsewhere\npid=1\nsince=2026-11-28 07:00\nsince_secs=0\n").unwrap();
    let output = desk.run(&["assign", "Graz", "seel"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}

#[test]
fn an_edit_keeps_the_files_mode() {
    let desk = Desk::new();
    fs::set_permissions(&desk.data, fs::Permissions::from_mode(0o664)).unwrap();
    let editor = desk.editor("sed -i 's/contact: \"otto\"/contact: \"kuz\"/' \"$1\"");
    assert_eq!(desk.run(&["edit"], Some(&editor)).status.code(), Some(0));
    assert_eq!(fs::metadata(&desk.data).unwrap().permissions().mode() & 0o777, 0o664);
}

#[test]
fn a_missing_file_is_started_from_the_embedded_directory_when_asked() {
    let desk = Desk::new();
    fs::remove_file(&desk.data).unwrap();
    let refused = desk.run(&["edit"], Some(&desk.editor("true")));
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("Start it from the embedded directory? [y/N]"));
    assert!(!desk.data.exists());
    let mut cmd = Command::cargo_bin("partnerdesk").unwrap();
    let started = cmd
        .args(["edit", "--data"])
        .arg(&desk.data)
        .env("EDITOR", desk.editor("true"))
        .env("LANG", "C")
        .env_remove("VISUAL")
        .write_stdin("y\n")
        .output()
        .unwrap();
    assert_eq!(started.status.code(), Some(0), "{}", stderr(&started));
    assert_eq!(desk.text(), EMBEDDED, "comments included");
}

#[test]
fn without_a_data_file_edit_says_how_to_start_one() {
    let output = Command::cargo_bin("partnerdesk")
        .unwrap()
        .arg("edit")
        .env("LANG", "C")
        .env_remove("PARTNERDESK_DATA")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("give --data FILE or set PARTNERDESK_DATA"));
}

#[test]
fn diff_says_what_changed_between_two_files() {
    let desk = Desk::new();
    let new = desk.folder.path().join("new.ron");
    fs::write(&new, EMBEDDED.replacen("contact: \"otto\"", "contact: \"kuz\"", 1).replace("13-2323", "13-2329"))
        .unwrap();
    let output = Command::cargo_bin("partnerdesk")
        .unwrap()
        .arg("diff")
        .arg(&desk.data)
        .arg(&new)
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "Jessica Otto: phone (06151) 13-2323 → (06151) 13-2329\nChesterfield: contact Jessica Otto → Julia Kuz\n"
    );
}

#[test]
fn a_notepad_file_keeps_its_byte_order_mark_and_line_ends() {
    let desk = Desk::new();
    let notepad = format!("\u{feff}{}", EMBEDDED.replace('\n', "\r\n"));
    fs::write(&desk.data, &notepad).unwrap();
    let unchanged = desk.run(&["edit"], Some(&desk.editor("true")));
    assert!(stdout(&unchanged).contains("no change"), "{}", stdout(&unchanged));
    assert_eq!(desk.run(&["assign", "Graz", "seel"], None).status.code(), Some(0));
    let expected = notepad.replacen("contact: \"kuz\"", "contact: \"seel\"", 1);
    assert_eq!(desk.text(), expected, "only the contact changed, BOM and CRLF kept");
}
