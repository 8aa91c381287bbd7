//! Copying to the clipboard: OSC 52 first (works over SSH and in tmux), then the platform's own
//! tool where there is one (wl-copy, xclip, xsel, pbcopy).

use std::io::Write;
use std::process::{Command, Stdio};

use base64::Engine;

use super::message::{Copied, CopyOutcome};

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(text))
}

/// Puts `text` on the clipboard by every means available and says how it went.
pub fn copy(text: &str, what: Copied, terminal: &mut impl Write) -> CopyOutcome {
    let sent = terminal.write_all(osc52(text).as_bytes()).and_then(|()| terminal.flush()).is_ok();
    if native(text) {
        CopyOutcome::Native(what)
    } else if sent {
        CopyOutcome::TerminalOnly(what)
    } else {
        CopyOutcome::Failed
    }
}

/// Tries the platform's clipboard tools in turn; true if one took the text.
fn native(text: &str) -> bool {
    let wayland = std::env::var_os("WAYLAND_DISPLAY").is_some();
    let x11 = std::env::var_os("DISPLAY").is_some();
    let tools: &[(&str, &[&str], bool)] = &[
        ("wl-copy", &[], wayland),
        ("xclip", &["-selection", "clipboard"], x11),
        ("xsel", &["--clipboard", "--input"], x11),
        ("pbcopy", &[], cfg!(target_os = "macos")),
    ];
    tools.iter().filter(|(_, _, usable)| *usable).any(|(tool, args, _)| pipe_to(tool, args, text))
}

fn pipe_to(tool: &str, args: &[&str], text: &str) -> bool {
    let child = Command::new(tool).args(args).stdin(Stdio::piped()).stdout(Stdio::null()).stderr(Stdio::null()).spawn();
    let Ok(mut child) = child else { return false };
    let written = child.stdin.take().is_some_and(|mut stdin| stdin.write_all(text.as_bytes()).is_ok());
    written && child.wait().is_ok_and(|status| status.success())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(osc52("(06151) 13-2324"), "\x1b]52;c;KDA2MTUxKSAxMy0yMzI0\x07");
    }

    #[test]
    fn a_copy_always_sends_osc52_to_the_terminal() {
        let mut terminal = Vec::new();
        let outcome = copy("x", Copied::Phone, &mut terminal);
        assert_eq!(terminal, osc52("x").as_bytes());
        assert_ne!(outcome, CopyOutcome::Failed);
    }
}
