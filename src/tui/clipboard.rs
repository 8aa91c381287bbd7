//! Copying to the clipboard through the terminal: OSC 52, for a terminal reached over SSH or
//! through tmux. The platform's own clipboard tools are run by [`crate::handover::copy`] on a
//! worker; only the event loop writes to the terminal, so this part stays with it. OSC 52 is
//! sent, but only the terminal knows whether it arrived: the footer says so.

use std::io::Write;

use base64::Engine;

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(text))
}

/// Sends `text` to the terminal as OSC 52; true when it was written.
pub fn send_osc52(text: &str, terminal: &mut impl Write) -> bool {
    terminal.write_all(osc52(text).as_bytes()).and_then(|()| terminal.flush()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(osc52("(06151) 13-2324"), "\x1b]52;c;KDA2MTUxKSAxMy0yMzI0\x07");
        let mut terminal = Vec::new();
        assert!(send_osc52("x", &mut terminal));
        assert_eq!(terminal, osc52("x").as_bytes());
    }
}
