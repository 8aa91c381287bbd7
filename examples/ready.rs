//! Milliseconds from starting a full-screen program in a 120×40 pseudo-terminal until its screen
//! shows TEXT, read through a terminal emulator (vt100): `ready TEXT -- COMMAND...`. Used by
//! `benches/vs-fzf.sh` to see when partnerdesk, fzf and sk show every entry as searchable.
//! Reading the program's own output leaves the two cores to the programs measured.

use std::io::Read;
use std::num::NonZeroU16;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(text), Some(split)) = (args.first(), args.iter().position(|a| a == "--")) else {
        eprintln!("usage: ready TEXT -- COMMAND [ARGS...]");
        std::process::exit(2);
    };
    let pty = native_pty_system()
        .openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new(&args[split + 1]);
    command.args(&args[split + 2..]);
    command.cwd(std::env::current_dir().expect("a folder"));
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(command).expect("the program starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || sender.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = vt100::Parser::new(NonZeroU16::new(40).unwrap(), NonZeroU16::new(120).unwrap(), 0);
    let found = loop {
        match receiver.recv_timeout(Duration::from_secs(30).saturating_sub(start.elapsed())) {
            Ok(bytes) => {
                screen.process(&bytes);
                if screen.screen().contents().contains(text.as_str()) {
                    break true;
                }
            }
            Err(_) => break false,
        }
    };
    let elapsed = start.elapsed();
    let _ = child.kill();
    if found { println!("{}", elapsed.as_millis()) } else { println!("timeout") }
}
