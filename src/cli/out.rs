//! Standard output that ends quietly when the reader goes away.

use std::io::{self, BufWriter, Write};

use super::Failure;

/// Buffered standard output; a closed pipe becomes [`Failure::ClosedPipe`] instead of a panic.
pub struct Out {
    inner: Box<dyn Write>,
}

impl Out {
    /// Standard output, buffered.
    pub fn stdout() -> Self {
        Out { inner: Box::new(BufWriter::new(io::stdout().lock())) }
    }

    /// Writes `text` and a newline.
    pub fn line(&mut self, text: &str) -> Result<(), Failure> {
        let result = writeln!(self.inner, "{text}");
        result.map_err(closed_or_ignored)
    }

    /// Writes `text` as it is.
    pub fn raw(&mut self, text: &str) -> Result<(), Failure> {
        self.inner.write_all(text.as_bytes()).map_err(closed_or_ignored)
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        let _ = self.inner.flush();
    }
}

/// Every write error on stdout ends the command quietly: a closed pipe is the usual one, and
/// nothing useful can be said on a stdout that fails in any other way.
fn closed_or_ignored(_: io::Error) -> Failure {
    Failure::ClosedPipe
}
