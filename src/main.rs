use std::process::ExitCode;

fn main() -> ExitCode {
    partnerdesk::cli::main()
}
