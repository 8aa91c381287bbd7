//! Copying to the clipboard: the platform's own clipboard where there is one (the Windows
//! clipboard; wl-copy on Wayland, xclip or xsel on X11; pbcopy on macOS), and OSC 52 for a
//! terminal reached over SSH or through tmux. The outcome names the path that worked, so that the
//! footer never claims more than is known: OSC 52 is sent, but only the terminal knows whether it
//! arrived.

use std::io::Write;

use base64::Engine;

use super::message::{Copied, CopyOutcome};

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(text))
}

/// Puts `text` on the clipboard by every means that fits the platform and says how it went.
pub fn copy(text: &str, what: Copied, terminal: &mut impl Write) -> CopyOutcome {
    // The old Windows console host shows OSC 52 as text: there it is only the fallback.
    let native_first = cfg!(windows);
    if native_first && let Some(path) = native(text) {
        return CopyOutcome::Native(what, path);
    }
    let sent = terminal.write_all(osc52(text).as_bytes()).and_then(|()| terminal.flush()).is_ok();
    if !native_first && let Some(path) = native(text) {
        return CopyOutcome::Native(what, path);
    }
    if sent { CopyOutcome::TerminalOnly(what) } else { CopyOutcome::Failed }
}

/// The platform's clipboard: the name of the path that took the text, if one did.
#[cfg(windows)]
fn native(text: &str) -> Option<&'static str> {
    clipboard_win::set_clipboard_string(text).ok().map(|()| "Windows")
}

/// The platform's clipboard tools, tried in turn: the name of the one that took the text.
#[cfg(not(windows))]
fn native(text: &str) -> Option<&'static str> {
    use std::process::{Command, Stdio};
    let wayland = std::env::var_os("WAYLAND_DISPLAY").is_some();
    let x11 = std::env::var_os("DISPLAY").is_some();
    let tools: &[(&'static str, &[&str], bool)] = &[
        ("wl-copy", &[], wayland),
        ("xclip", &["-selection", "clipboard"], x11),
        ("xsel", &["--clipboard", "--input"], x11),
        ("pbcopy", &[], cfg!(target_os = "macos")),
    ];
    let pipe_to = |tool: &str, args: &[&str]| {
        let child =
            Command::new(tool).args(args).stdin(Stdio::piped()).stdout(Stdio::null()).stderr(Stdio::null()).spawn();
        let Ok(mut child) = child else { return false };
        let written = child.stdin.take().is_some_and(|mut stdin| stdin.write_all(text.as_bytes()).is_ok());
        written && child.wait().is_ok_and(|status| status.success())
    };
    tools.iter().filter(|(_, _, usable)| *usable).find(|(tool, args, _)| pipe_to(tool, args)).map(|(tool, _, _)| *tool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(osc52("(06151) 13-2324"), "\x1b]52;c;KDA2MTUxKSAxMy0yMzI0\x07");
    }

    #[test]
    fn a_copy_without_a_native_clipboard_sends_osc52_and_says_only_that() {
        let (wayland, display) = (std::env::var_os("WAYLAND_DISPLAY"), std::env::var_os("DISPLAY"));
        if wayland.is_some() || display.is_some() || cfg!(any(windows, target_os = "macos")) {
            return; // a desktop session: the native path may take it
        }
        let mut terminal = Vec::new();
        let outcome = copy("x", Copied::Phone, &mut terminal);
        assert_eq!(terminal, osc52("x").as_bytes());
        assert_eq!(outcome, CopyOutcome::TerminalOnly(Copied::Phone));
    }
}
