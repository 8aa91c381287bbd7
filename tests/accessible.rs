//! The line-by-line dialogue for screen readers through the real binary, driven from a pipe:
//! how it is chosen, what it says in both languages, and that it prints only whole lines of text.

use assert_cmd::Command;
use predicates::prelude::*;

/// The binary with a known environment: no data file, no cache, no clipboard, English unless told.
fn partnerdesk() -> Command {
    let mut cmd = Command::cargo_bin("partnerdesk").unwrap();
    cmd.env_remove("PARTNERDESK_DATA").env("LANG", "C").env("PARTNERDESK_CACHE", "off");
    cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("PARTNERDESK_ACCESSIBLE");
    // No desktop session: a copy has no clipboard and is read out instead, the same everywhere.
    cmd.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY").env("TERM", "xterm-256color");
    cmd
}

fn dialogue(args: &[&str], typed: &str) -> String {
    let output = partnerdesk().args(args).write_stdin(typed).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_piped_question_is_answered_and_q_ends_with_status_0() {
    let said = dialogue(&["--accessible", "--lang", "de"], "plock\nq\n");
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "1 Treffer.",
            "Płock, Polen, Partnerstadt seit 1988.",
            "Zuständig: Irene Schewe, Telefon (06151) 13-2324, E-Mail international@darmstadt.de.",
        ]
    );
    let said = dialogue(&["--accessible", "--lang", "en"], "plock\nq\n");
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "1 match.",
            "Płock, Poland, partner city since 1988.",
            "Responsible: Irene Schewe, phone (06151) 13-2324, email international@darmstadt.de.",
        ]
    );
}

#[test]
fn the_end_of_the_input_ends_the_dialogue_cleanly() {
    let said = dialogue(&["--accessible"], "szeged");
    assert!(said.starts_with("1 match.\nSzeged, Hungary, partner city since 1990.\n"), "{said}");
    assert_eq!(dialogue(&["--accessible"], ""), "");
}

#[test]
fn the_environment_and_a_dumb_terminal_choose_the_dialogue_too() {
    let said = partnerdesk().env("PARTNERDESK_ACCESSIBLE", "1").write_stdin("graz\n").assert().success();
    said.stdout(predicate::str::contains("Graz, Austria, partner city since 1968."));
    let said = partnerdesk().env("TERM", "dumb").env("LANG", "de_DE.UTF-8").write_stdin("graz\n").assert().success();
    said.stdout(predicate::str::contains("Graz, Österreich, Partnerstadt seit 1968."));
    // Turned off, the full-screen view is asked for, and it needs a terminal.
    let view = partnerdesk().env("PARTNERDESK_ACCESSIBLE", "0").write_stdin("graz\n").assert().code(2);
    view.stderr(predicate::str::contains("needs a terminal"));
}

#[test]
fn several_hits_numbers_help_and_copies_in_german() {
    let said = dialogue(&["--accessible", "--lang", "de"], "seel\n4\nn\nhilfe\nende\n");
    for expected in [
        "5 Treffer.",
        "Alina Seel, Aufgabe: Partnerstädte.",
        "4 Szeged, Alina Seel.",
        "Treffer 4 von 5.",
        "Szeged, Ungarn, Partnerstadt seit 1990.",
        "Kopieren fehlgeschlagen.",
        "Telefonnummer zum Abschreiben: (06151) 13-3608.",
        "n oder nummer: die Telefonnummer kopieren.",
        "t oder notiz: eine Telefonnotiz aufnehmen und an die zuständige Person schicken.",
        "q oder ende: beenden.",
    ] {
        assert!(said.lines().any(|line| line == expected), "{expected:?} in\n{said}");
    }
}

/// As the view: a data file that cannot be used gives way to the embedded directory, and the
/// dialogue says so first, on standard error, naming the file and what is wrong.
#[test]
fn a_data_file_that_cannot_be_used_is_named_and_the_embedded_data_answers() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("directory.ron");
    std::fs::write(&file, "Directory(").unwrap();
    let output = partnerdesk().args(["--accessible", "--data"]).arg(&file).write_stdin("plock\n").output().unwrap();
    assert!(output.status.success());
    let told = String::from_utf8(output.stderr).unwrap();
    let said = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = told.lines().collect();
    assert_eq!(lines.len(), 2, "{told}");
    assert!(
        lines[0].starts_with(&format!("partnerdesk: The data file {} (from --data) cannot be used: ", file.display()))
    );
    assert_eq!(lines[1], "partnerdesk: Using the embedded directory.");
    assert!(said.starts_with("1 match.\nPłock, Poland, partner city since 1988.\n"), "{said}");
}

/// Nothing a screen reader would read as noise: no escape or other control byte but the line
/// feed, no box drawing, no decoration, in either language and whatever is asked.
#[test]
fn no_output_byte_is_an_escape_or_a_box_drawing_character() {
    let typed = "\n?\nplock\nn\ne\nseel\n2\n12\nr\n'amt\nn\neuropawochenende\nxyzzy\ndie frau\nbresica\n\
                 polen ungarn\n2324\nt\n\n\n\nwien\nq\n";
    for lang in ["de", "en"] {
        let said = dialogue(&["--accessible", "--lang", lang], typed);
        assert!(said.lines().count() > 80, "{said}");
        for byte in said.bytes() {
            assert!(byte == b'\n' || !byte.is_ascii_control(), "control byte {byte:#04x} in\n{said}");
        }
        for c in said.chars() {
            assert!(!('\u{2500}'..='\u{259f}').contains(&c), "box drawing {c:?} in\n{said}");
            assert!(!"≈◐▶⚠·…\u{1b}\u{9b}".contains(c), "decoration {c:?} in\n{said}");
        }
    }
}

/// A phone message is in the journal before any program is asked to take it, and its outcome
/// follows it there; one that no program took is read out whole. (No program can be found here:
/// the search path is empty.)
#[cfg(unix)]
#[test]
fn a_phone_message_is_journalled_then_handed_over_and_read_out_when_it_did_not_leave() {
    let notes = tempfile::tempdir().unwrap();
    let nowhere = tempfile::tempdir().unwrap();
    let output = partnerdesk()
        .args(["--accessible", "--lang", "en"])
        .env("PARTNERDESK_NOTES_DIR", notes.path())
        .env("PATH", nowhere.path())
        .write_stdin("plock\nt\nJan Kowalski\n+48 24 367 1000\nvisit in May\nq\n")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let said = String::from_utf8(output.stdout).unwrap();
    let journal = notes.path().join("notes.jsonl");
    let after_note: Vec<&str> = said.lines().skip_while(|line| !line.starts_with("Phone message for ")).collect();
    assert_eq!(
        after_note[..4],
        [
            "Phone message for Irene Schewe about Partner city Płock. Caller, call back and concern follow; a field \
             may stay empty.",
            "Not handed over: xdg-open not started: not found; note kept (partnerdesk notes).",
            "Copy failed.",
            "The note has not been passed on yet.",
        ]
    );
    assert!(after_note.contains(&"Caller: Jan Kowalski") && after_note.contains(&"Concern: visit in May"), "{said}");
    let read = partnerdesk::notes::Journal::at(notes.path().to_path_buf()).read().unwrap();
    let [entry] = read.entries.as_slice() else { panic!("{read:?}") };
    assert_eq!((entry.caller.as_str(), entry.callback.as_str()), ("Jan Kowalski", "+48 24 367 1000"));
    assert!(matches!(entry.delivery, partnerdesk::notes::Delivery::NotDelivered { .. }), "{entry:?}");
    let lines = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(lines.lines().count(), 2, "written ahead as sending, then its outcome:\n{lines}");
    assert!(lines.lines().next().unwrap().contains("\"sending\""), "{lines}");
}

/// As the view: a journal that cannot be used is said once at the start, and the dialogue runs.
#[test]
fn a_journal_setting_that_is_wrong_is_said_and_the_dialogue_still_answers() {
    let notes = tempfile::tempdir().unwrap();
    let run = partnerdesk()
        .args(["--accessible", "--lang", "en"])
        .env("PARTNERDESK_NOTES_DIR", notes.path())
        .env("PARTNERDESK_NOTES_DAYS", "a month")
        .write_stdin("graz\n")
        .assert()
        .success();
    run.stdout(predicate::str::starts_with("1 match.\nGraz, Austria"))
        .stderr("partnerdesk: PARTNERDESK_NOTES_DAYS=\"a month\": a whole number of days is allowed, e.g. 30.\n");
}
