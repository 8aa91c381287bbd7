//! The README stays true: its set-up commands, the output in its tour, and its screenshot of the
//! interactive view, which must match the snapshot the tests render.

use assert_cmd::Command;

const README: &str = include_str!("../README.md");

/// The fenced blocks of the README with their info string.
fn blocks() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = README.lines();
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| !l.starts_with("```")).collect();
            out.push((info.to_string(), body.join("\n")));
        }
    }
    out
}

#[test]
fn the_readme_opens_with_the_two_commands() {
    let (info, body) = &blocks()[0];
    assert_eq!(info, "sh");
    assert_eq!(body, "cargo run --release\ncargo test");
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(ci.lines().any(|l| l.trim() == "cargo test"), "CI runs the README's test command");
}

#[test]
fn the_tour_shows_real_output() {
    let tours: Vec<(String, String)> = blocks().into_iter().filter(|(info, _)| info == "console").collect();
    assert!(tours.len() >= 3);
    for (_, body) in tours {
        let (command, shown) = body.split_once('\n').unwrap_or((&body, ""));
        // `$ printf 'plock\nq\n' | partnerdesk --accessible`: those lines are its standard input.
        let (typed, command) = match command.strip_prefix("$ printf '").and_then(|c| c.split_once("' | ")) {
            Some((typed, command)) => (typed.replace("\\n", "\n"), format!("$ {command}")),
            None => (String::new(), command.to_string()),
        };
        let args: Vec<&str> =
            command.strip_prefix("$ partnerdesk ").expect("a partnerdesk command").split(' ').collect();
        let output = Command::cargo_bin("partnerdesk")
            .unwrap()
            .args(&args)
            .write_stdin(typed)
            .env_remove("PARTNERDESK_ACCESSIBLE")
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("PARTNERDESK_DATA")
            .output()
            .unwrap();
        assert_eq!(String::from_utf8(output.stdout).unwrap().trim_end(), shown, "README output of {command:?}");
    }
}

#[test]
fn the_screenshot_is_the_snapshot() {
    let marker = "<!-- screen: ";
    let start = README.find(marker).expect("a screenshot marker");
    let name = &README[start + marker.len()..].split(' ').next().unwrap();
    let snapshot = std::fs::read_to_string(format!(
        "{}/src/tui/snapshots/partnerdesk__tui__tests__{name}.snap",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let rendered = snapshot.splitn(3, "---\n").nth(2).unwrap().trim_end();
    let after = &README[start..];
    let block = after.split("```text\n").nth(1).unwrap().split("\n```").next().unwrap();
    assert_eq!(block, rendered, "update the README's screenshot from the snapshot");
}

#[test]
fn the_key_table_is_the_keymap() {
    let start = README.find("| Key | What it does |").expect("a key table");
    let table: String = README[start..].lines().take_while(|l| l.starts_with('|')).map(|l| format!("{l}\n")).collect();
    assert_eq!(table, partnerdesk::tui::keys::markdown_table(), "update the README's key table from tui/keys.rs");
}

#[test]
fn the_screen_reader_commands_are_the_dialogues_table() {
    let start = README.find("| Deutsch | English | What it does |").expect("a table of the dialogue's commands");
    let table: String = README[start..].lines().take_while(|l| l.starts_with('|')).map(|l| format!("{l}\n")).collect();
    let generated = partnerdesk::accessible::verbs::markdown_table();
    assert_eq!(table, generated, "update the README's table from accessible/verbs.rs");
}

/// The text of the first `name(…)` in `block`, up to its closing parenthesis.
fn entry<'a>(block: &'a str, name: &str) -> &'a str {
    let start = block.find(&format!("{name}(")).unwrap_or_else(|| panic!("no {name}( in the README's data file"));
    let mut depth = 0;
    for (i, c) in block[start..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 1 => return &block[start..start + i],
            ')' => depth -= 1,
            _ => {}
        }
    }
    panic!("{name}( is not closed in the README's data file")
}

/// A new field of the data file is described where the README shows the file, with what it
/// holds: this fails until the example names it.
#[test]
fn the_data_file_example_names_every_field() {
    use partnerdesk::directory::{Absence, EMBEDDED, Source, parse};
    let block = &blocks().into_iter().find(|(info, _)| info == "ron").expect("the data file in the README").1;
    let directory = parse(EMBEDDED, Source::Embedded, 2026).unwrap();
    let data = directory.data();
    let absence = Absence { person: "kuz".into(), from: "2026-12-01".into(), until: "2026-12-04".into(), cover: None };
    let city = &data.cities[0];
    let entries = [
        ("Directory", serde_json::to_value(data).unwrap()),
        ("Office", serde_json::to_value(&data.office).unwrap()),
        ("Address", serde_json::to_value(&data.office.visiting_address).unwrap()),
        ("Person", serde_json::to_value(&data.people[0]).unwrap()),
        ("City", serde_json::to_value(city).unwrap()),
        ("Country", serde_json::to_value(&city.country).unwrap()),
        ("Topic", serde_json::to_value(&data.topics[0]).unwrap()),
        ("Absence", serde_json::to_value(&absence).unwrap()),
    ];
    for (name, value) in entries {
        let text = entry(block, name);
        for field in value.as_object().unwrap().keys() {
            let written = text.contains(&format!(" {field}:")) || text.contains(&format!("({field}:"));
            assert!(written, "the README's data file shows no `{field}:` in {name}(…): describe the field there");
        }
    }
}
