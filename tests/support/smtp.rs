//! A real SMTP server process for tests: `tests/smtp_sink.py` (Python's aiosmtpd), with the
//! messages it receives. Shared by the core's and the server's tests through `#[path]`.

use std::io::{BufRead, BufReader, Lines};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub struct SmtpSink {
    child: Child,
    lines: mpsc::Receiver<String>,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        let dir = tempfile::tempdir().unwrap();
        // The core's and the server's tests both use this file; the script is at the top.
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|dir| dir.join("tests/smtp_sink.py"))
            .find(|path| path.exists())
            .expect("tests/smtp_sink.py in the workspace");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs (scripts/setup installs aiosmtpd)");
        let lines = forward_lines(BufReader::new(child.stdout.take().unwrap()).lines());
        let ready = lines
            .recv_timeout(Duration::from_secs(20))
            .expect("aiosmtpd starts (is it installed? see scripts/setup)");
        let port = ready
            .strip_prefix("READY ")
            .expect("READY line")
            .trim()
            .parse()
            .unwrap();
        SmtpSink {
            child,
            lines,
            port,
            dir,
        }
    }

    /// Waits for the next received message and returns its raw text.
    pub fn next_mail(&self) -> String {
        let line = self
            .lines
            .recv_timeout(Duration::from_secs(20))
            .expect("a mail arrives");
        let n = line.split_whitespace().nth(1).unwrap();
        std::fs::read_to_string(self.dir.path().join(format!("{n}.eml"))).unwrap()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn forward_lines(lines: Lines<BufReader<ChildStdout>>) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}
