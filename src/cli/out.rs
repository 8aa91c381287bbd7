//! Standard output that ends quietly when the reader goes away, and loudly on any other failure.

use std::io::{self, BufWriter, Write};

use super::Failure;
use crate::i18n::Bilingual;

/// How messages name standard output.
pub const STDOUT: Bilingual<&'static str> = Bilingual { de: "die Standardausgabe", en: "standard output" };

/// Buffered standard output. A closed pipe becomes [`Failure::ClosedPipe`]; any other write or
/// flush error (a full disk, a vanished terminal) becomes [`Failure::Output`], so that nothing is
/// lost silently. Call [`Out::finish`] at the end: `Drop` cannot report an error.
pub struct Out {
    inner: Box<dyn Write>,
    name: Bilingual<&'static str>,
}

impl Out {
    /// Standard output, buffered.
    pub fn stdout() -> Self {
        Out { inner: Box::new(BufWriter::new(io::stdout().lock())), name: STDOUT }
    }

    /// Any writer, named `name` in error messages (for tests).
    pub fn to(inner: Box<dyn Write>, name: Bilingual<&'static str>) -> Self {
        Out { inner, name }
    }

    /// Writes `text` and a newline.
    pub fn line(&mut self, text: &str) -> Result<(), Failure> {
        let result = writeln!(self.inner, "{text}");
        result.map_err(|e| self.failure(e))
    }

    /// Writes `text` as it is.
    pub fn raw(&mut self, text: &str) -> Result<(), Failure> {
        let result = self.inner.write_all(text.as_bytes());
        result.map_err(|e| self.failure(e))
    }

    /// Writes `bytes` as they are (a workbook into a pipe).
    pub fn bytes(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        let result = self.inner.write_all(bytes);
        result.map_err(|e| self.failure(e))
    }

    /// Flushes what is buffered; the last chance to report a failed write.
    pub fn finish(&mut self) -> Result<(), Failure> {
        let result = self.inner.flush();
        result.map_err(|e| self.failure(e))
    }

    fn failure(&self, error: io::Error) -> Failure {
        failure(self.name, error)
    }
}

/// What a failed write to standard output made by someone else (clap's help) means.
pub fn stdout_failure(error: io::Error) -> Failure {
    failure(STDOUT, error)
}

fn failure(name: Bilingual<&'static str>, error: io::Error) -> Failure {
    if error.kind() == io::ErrorKind::BrokenPipe { Failure::ClosedPipe } else { Failure::Output { name, error } }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::from(self.0))
        }
    }

    #[test]
    fn only_a_broken_pipe_is_a_quiet_end() {
        let mut closed = Out::to(Box::new(Failing(io::ErrorKind::BrokenPipe)), STDOUT);
        assert!(matches!(closed.line("x"), Err(Failure::ClosedPipe)));
        let mut full = Out::to(Box::new(Failing(io::ErrorKind::StorageFull)), STDOUT);
        assert!(matches!(full.line("x"), Err(Failure::Output { name: STDOUT, .. })));
        assert!(matches!(full.finish(), Err(Failure::Output { .. })));
    }

    #[test]
    fn a_buffered_error_shows_at_finish() {
        let mut out = Out::to(Box::new(BufWriter::new(Failing(io::ErrorKind::StorageFull))), STDOUT);
        assert!(out.line("short").is_ok(), "the buffer takes it");
        assert!(matches!(out.finish(), Err(Failure::Output { .. })));
    }
}
