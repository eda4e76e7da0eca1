//! What a host expects of a replica, on the real binary: `PORT`, readiness that turns 503
//! while draining after SIGTERM, one JSON log line per request, `--health-check`, and
//! start-up refusing bad settings.

use crate::common::{self, get_at};
use std::io::Read;
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn binary() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_scim-ledger"));
    cmd.arg("--data")
        .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"));
    cmd
}

fn wait_until_up(addr: SocketAddr) {
    let up = (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(25));
        std::net::TcpStream::connect(addr).is_ok()
    });
    assert!(up, "the server did not start");
}

fn wait_for_exit(child: &mut Child, within: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + within;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "still running after {within:?}");
        std::thread::sleep(Duration::from_millis(25));
    }
}

#[test]
fn a_replica_listens_on_port_drains_after_sigterm_and_logs_json_lines() {
    let port = free_port();
    let mut child = binary()
        .env("PORT", port.to_string())
        .env("SCIM_LEDGER_DRAIN_SECONDS", "2")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    wait_until_up(addr);
    let ready = common::block_on(get_at(addr, "/readyz"));
    assert_eq!(
        (ready.status.as_u16(), ready.body.as_str()),
        (200, "ready: 850 vendors\n")
    );
    assert_eq!(
        common::block_on(get_at(addr, "/vendors/mode"))
            .status
            .as_u16(),
        200
    );
    // The image's health check: 0 while the server answers.
    let check = binary()
        .arg("--health-check")
        .env("PORT", port.to_string())
        .status()
        .unwrap();
    assert!(check.success());

    let term = Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status();
    assert!(term.unwrap().success());
    std::thread::sleep(Duration::from_millis(300));
    // Draining: not ready, still alive and still serving.
    let draining = common::block_on(get_at(addr, "/readyz"));
    assert_eq!(
        (draining.status.as_u16(), draining.body.as_str()),
        (503, "draining\n")
    );
    assert_eq!(common::block_on(get_at(addr, "/healthz")).body, "ok");
    let status = wait_for_exit(&mut child, Duration::from_secs(10));
    assert!(status.success(), "exit status after SIGTERM: {status}");

    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let line = out
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["path"] == "/vendors/mode")
        .unwrap_or_else(|| panic!("no JSON log line for /vendors/mode in:\n{out}"));
    assert_eq!(line["method"], "GET");
    assert_eq!(line["status"], 200);
    assert_eq!(line["level"], "INFO");
    assert!(
        line["duration_ms"].as_f64().is_some_and(|ms| ms >= 0.0),
        "{line}"
    );
}

#[test]
fn the_health_check_fails_where_nothing_answers() {
    let status = binary()
        .arg("--health-check")
        .env("PORT", free_port().to_string())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn bad_settings_stop_start_up_naming_the_variable() {
    for (name, value) in [
        ("PORT", "eighty"),
        ("PORT", "70000"),
        ("SCIM_LEDGER_CACHE_MB", "0"),
        ("SCIM_LEDGER_DRAIN_SECONDS", "-1"),
        ("RUST_LOG", "info,[unclosed"),
    ] {
        let out = binary()
            .env(name, value)
            .env(
                "PORT",
                if name == "PORT" {
                    value.to_string()
                } else {
                    free_port().to_string()
                },
            )
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}={value}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(name) && err.contains(value),
            "{name}={value}: {err}"
        );
    }
}
