//! Where the dialogue's lines come from and go to: a line editor on a terminal (rustyline, which
//! edits the one line in place and keeps a history, as a screen reader expects of a shell), plain
//! lines from a pipe or a file otherwise.

use std::io::{self, BufRead};

use crate::cli::{Failure, Out};

/// What reading a line gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    /// A line, without its line ending.
    Line(String),
    /// The input ended (Ctrl-D, or the end of a pipe).
    End,
    /// Ctrl-C at the line editor.
    Interrupted,
}

/// The dialogue's two ends: lines typed and sentences said.
pub trait Lines {
    /// Reads a line after asking with `prompt` (`Suche: `).
    fn read(&mut self, prompt: &str) -> Result<Read, Failure>;
    /// Says one line.
    fn say(&mut self, line: &str) -> Result<(), Failure>;
    /// True when a person types the lines (and so may want a greeting and prompts).
    fn interactive(&self) -> bool;
}

/// A terminal: rustyline reads, standard output says.
pub struct Terminal {
    editor: rustyline::DefaultEditor,
    out: Out,
}

impl Terminal {
    /// A line editor without colours and without bracketed paste, so that it writes no more than
    /// the line being edited.
    pub fn new() -> Result<Terminal, Failure> {
        let config = rustyline::Config::builder()
            .color_mode(rustyline::ColorMode::Disabled)
            .bracketed_paste(false)
            .auto_add_history(true)
            .build();
        let editor = rustyline::DefaultEditor::with_config(config).map_err(|e| output_failure(to_io(e)))?;
        Ok(Terminal { editor, out: Out::stdout() })
    }
}

impl Lines for Terminal {
    fn read(&mut self, prompt: &str) -> Result<Read, Failure> {
        self.out.finish()?;
        match self.editor.readline(prompt) {
            Ok(line) => Ok(Read::Line(line)),
            Err(rustyline::error::ReadlineError::Eof) => Ok(Read::End),
            Err(rustyline::error::ReadlineError::Interrupted) => Ok(Read::Interrupted),
            Err(e) => Err(output_failure(to_io(e))),
        }
    }

    fn say(&mut self, line: &str) -> Result<(), Failure> {
        self.out.line(line)
    }

    fn interactive(&self) -> bool {
        true
    }
}

/// A pipe or a file: one line at a time, no prompts, no editing.
pub struct Plain<R> {
    input: R,
    out: Out,
}

impl<R: BufRead> Plain<R> {
    /// Lines from `input`, said on `out`.
    pub fn new(input: R, out: Out) -> Self {
        Plain { input, out }
    }
}

impl<R: BufRead> Lines for Plain<R> {
    fn read(&mut self, _prompt: &str) -> Result<Read, Failure> {
        self.out.finish()?;
        let mut bytes = Vec::new();
        match self.input.read_until(b'\n', &mut bytes) {
            Ok(0) => Ok(Read::End),
            Ok(_) => {
                let line = String::from_utf8_lossy(&bytes);
                Ok(Read::Line(line.trim_end_matches(['\n', '\r']).to_string()))
            }
            Err(e) => Err(Failure::Output { name: STDIN, error: e }),
        }
    }

    fn say(&mut self, line: &str) -> Result<(), Failure> {
        self.out.line(line)
    }

    fn interactive(&self) -> bool {
        false
    }
}

impl<R> Plain<R> {
    /// Flushes what is still buffered.
    pub fn finish(&mut self) -> Result<(), Failure> {
        self.out.finish()
    }
}

impl Terminal {
    /// Flushes what is still buffered.
    pub fn finish(&mut self) -> Result<(), Failure> {
        self.out.finish()
    }
}

/// How messages name standard input.
const STDIN: crate::i18n::Bilingual<&str> = crate::i18n::Bilingual { de: "die Standardeingabe", en: "standard input" };

fn to_io(error: rustyline::error::ReadlineError) -> io::Error {
    match error {
        rustyline::error::ReadlineError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

fn output_failure(error: io::Error) -> Failure {
    Failure::Output { name: crate::cli::out::STDOUT, error }
}

/// Lines from a script, said into a list: for tests of whole dialogues.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct Script {
    /// What is still to be typed.
    pub typed: std::collections::VecDeque<String>,
    /// Everything said, prompts as `> Suche: ` lines.
    pub said: Vec<String>,
}

#[cfg(test)]
impl Script {
    /// A script of `lines` to type.
    pub fn new(lines: &[&str]) -> Self {
        Script { typed: lines.iter().map(|line| (*line).to_string()).collect(), said: Vec::new() }
    }
}

#[cfg(test)]
impl Lines for Script {
    /// A line of Ctrl-C alone (`"\u{3}"`) stands for Ctrl-C at the line editor.
    fn read(&mut self, prompt: &str) -> Result<Read, Failure> {
        let line = self.typed.pop_front();
        self.said.push(format!("> {prompt}{}", line.as_deref().unwrap_or("")));
        Ok(match line {
            Some(line) if line == "\u{3}" => Read::Interrupted,
            Some(line) => Read::Line(line),
            None => Read::End,
        })
    }

    fn say(&mut self, line: &str) -> Result<(), Failure> {
        self.said.push(line.to_string());
        Ok(())
    }

    fn interactive(&self) -> bool {
        false
    }
}
