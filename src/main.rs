use std::process::ExitCode;

/// mimalloc: loading 100,000 entries allocates a few million small strings, and it makes that
/// (and so the first screen and every `query`) markedly faster (`bash benches/vs-fzf.sh`).
/// Not on macOS, whose allocator is good, and where building its C would need Apple's compiler.
#[cfg(not(target_os = "macos"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    partnerdesk::cli::main()
}
