//! Handing a `tel:` or `mailto:` link to the system: `xdg-open` on Linux, `open` on macOS,
//! the shell's association on Windows, all through the `opener` crate.

use super::message::OpenOutcome;

/// What happened to a link, before any fallback: taken, no program for it, or an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handed {
    /// A program took it, as far as the system can tell.
    Taken,
    /// It went to the system's opener, but nothing could say whether a program takes such links
    /// (Linux without `xdg-mime`): not a confirmed hand-over.
    Unconfirmed,
    /// No program is registered for the link's scheme.
    NoHandler,
    /// The opener failed, for this reason.
    Failed(String),
}

/// Hands `uri` to the system.
pub fn open(uri: &str) -> Handed {
    let registered = handler_registered(uri);
    if registered == Some(false) {
        return Handed::NoHandler;
    }
    match opener::open(uri) {
        Ok(()) if registered.is_some() => Handed::Taken,
        Ok(()) => Handed::Unconfirmed,
        Err(e) => Handed::Failed(e.to_string()),
    }
}

/// On Linux `xdg-open` runs detached and cannot report that nothing handles a scheme, so ask
/// `xdg-mime` first; where it is missing, nobody can tell (`None`). Windows and macOS report a
/// missing handler themselves through `opener`.
#[cfg(all(unix, not(target_os = "macos")))]
fn handler_registered(uri: &str) -> Option<bool> {
    let Some((scheme, _)) = uri.split_once(':') else { return Some(false) };
    let query = std::process::Command::new("xdg-mime")
        .args(["query", "default", &format!("x-scheme-handler/{scheme}")])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    Some(query.status.success() && !String::from_utf8_lossy(&query.stdout).trim().is_empty())
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn handler_registered(_: &str) -> Option<bool> {
    Some(true)
}

/// The outcome the footer reports, once the fallback copy (if any) is known.
pub fn outcome(handed: Handed, copied: impl FnOnce() -> super::message::CopyOutcome) -> OpenOutcome {
    match handed {
        Handed::Taken => OpenOutcome::Handed,
        Handed::Unconfirmed => OpenOutcome::Unconfirmed(copied()),
        Handed::NoHandler => OpenOutcome::NoHandler(copied()),
        Handed::Failed(reason) => OpenOutcome::Failed(reason, copied()),
    }
}
