//! Writes a large, valid directory for benchmarks: `cargo run --release --example generate -- 100000 big.ron`.
//! With a third argument it also writes the same entries as text lines, e.g. for `fzf --filter`.

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(path)) = (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1)) else {
        eprintln!("usage: generate ENTRIES FILE.ron [LINES.txt]   e.g. generate 100000 big.ron big.txt");
        return ExitCode::from(2);
    };
    let (ron, lines) = synthetic::generate(count, 7);
    if let Err(e) = std::fs::write(path, ron) {
        eprintln!("{path}: {e}");
        return ExitCode::from(2);
    }
    if let Some(lines_path) = args.get(2) {
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        if let Err(e) = std::fs::write(lines_path, text) {
            eprintln!("{lines_path}: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
