//! A reader that stops early (`dpstudio … | head`) must not make the binary panic: it ends
//! quietly, like other command-line tools.

use std::process::{Command, Stdio};

/// Runs `dpstudio` with `args`, closing its standard output before reading anything.
fn with_closed_stdout(args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dpstudio"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Dropping the pipe's read end is what `head` does once it has its lines.
    drop(child.stdout.take());
    child.wait_with_output().expect("the binary finishes")
}

#[test]
fn closed_stdout_ends_quietly() {
    // `generate` writes far more than a pipe buffer holds, so a write must meet the closed pipe.
    for args in [&["rules"][..], &["rules", "--format", "json"], &["generate", "--products", "20"]] {
        let output = with_closed_stdout(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(output.status.success(), "{args:?}: {:?} {stderr}", output.status);
    }
}
