//! `partnerdesk notes` over a journal of the test's own: today's notes by default, every one with
//! `--all`, JSON with `--json`; old notes removed, a torn line skipped, a bad setting refused.

use assert_cmd::Command;
use chrono::Local;
use partnerdesk::actions::{About, PhoneMessage};
use partnerdesk::handover::Outcome;
use partnerdesk::notes::{Delivery, Entry, Journal};

fn message(caller: &str) -> PhoneMessage {
    PhoneMessage {
        when: "30.11.2026 09:15".into(),
        about: Some(About::City("Płock".into())),
        to: "Irene Schewe".into(),
        caller: caller.into(),
        callback: "+48 24 367 1000".into(),
        concern: "Besuch im Mai".into(),
    }
}

fn notes(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = Command::cargo_bin("partnerdesk").unwrap();
    cmd.arg("notes").args(args).env("PARTNERDESK_NOTES_DIR", dir).env("LANG", "C").env_remove("PARTNERDESK_NOTES_DAYS");
    for (name, value) in env {
        cmd.env(name, value);
    }
    cmd.output().unwrap()
}

#[test]
fn todays_notes_newest_first_every_one_with_all_and_old_ones_removed() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::at(dir.path().to_path_buf());
    let mut yesterday = Entry::new(&message("Gestern"), "a@b.de", Delivery::Mailed { program: "xdg-open".into() });
    yesterday.written = (Local::now() - chrono::Duration::days(1)).fixed_offset();
    journal.append(&yesterday).unwrap();
    let mut old = Entry::new(&message("Alt"), "a@b.de", Delivery::Draft);
    old.written = (Local::now() - chrono::Duration::days(40)).fixed_offset();
    journal.append(&old).unwrap();
    let failed = Delivery::NotDelivered { mail: Outcome::Exited { program: "xdg-open".into(), status: Some(4) } };
    journal.append(&Entry::new(&message("Jan Kowalski"), "a@b.de", failed)).unwrap();
    journal.append(&Entry::new(&message("Anna Nowak"), "a@b.de", Delivery::Draft)).unwrap();
    // A crash in the middle of a line.
    std::fs::OpenOptions::new()
        .append(true)
        .open(journal.path())
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"{\"id\":\"x\",\"wri"))
        .unwrap();

    let today = notes(dir.path(), &["--lang", "en"], &[]);
    assert!(today.status.success());
    let text = String::from_utf8(today.stdout).unwrap();
    assert!(
        text.starts_with("30.11.2026 09:15 · draft\n  Partner city: Płock\n  For: Irene Schewe\n  Caller: Anna Nowak"),
        "{text}"
    );
    assert!(text.contains("30.11.2026 09:15 · not delivered: xdg-open failed (4)\n"), "{text}");
    assert!(!text.contains("Gestern") && !text.contains("Alt"), "{text}");
    assert!(String::from_utf8_lossy(&today.stderr).contains("1 unreadable line(s) skipped"));

    let all = notes(dir.path(), &["--all", "--json"], &[]);
    let json: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    let callers: Vec<&str> = json.as_array().unwrap().iter().map(|e| e["caller"].as_str().unwrap()).collect();
    assert_eq!(callers, ["Anna Nowak", "Jan Kowalski", "Gestern"], "the 40-day-old note was removed");
    assert_eq!(json[2]["delivery"]["mailed"]["program"], "xdg-open");

    // Today's only: yesterday's note goes too, today's stay.
    let short = String::from_utf8(notes(dir.path(), &["--all"], &[("PARTNERDESK_NOTES_DAYS", "0")]).stdout).unwrap();
    assert!(!short.contains("Gestern") && short.contains("Anna Nowak") && short.contains("Jan Kowalski"), "{short}");
}

#[test]
fn a_bad_retention_is_refused_with_what_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let output = notes(dir.path(), &["--lang", "de"], &[("PARTNERDESK_NOTES_DAYS", "dreißig")]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap().trim(),
        "partnerdesk: PARTNERDESK_NOTES_DAYS=\"dreißig\": erlaubt ist eine ganze Zahl von Tagen, z. B. 30"
    );
}

#[test]
fn an_empty_journal_lists_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = notes(dir.path(), &[], &[]);
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    assert_eq!(notes(dir.path(), &["--json"], &[]).stdout, b"[]\n");
}
