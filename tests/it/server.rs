//! Serving over TCP: a half-sent request header is cut off after the header timeout,
//! and a stopping server closes what is still open at its shutdown deadline.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use framsyn::web::server::{Limits, Stopped, serve};

use crate::helpers::*;

struct Running {
    addr: SocketAddr,
    stop: oneshot::Sender<()>,
    stopped: JoinHandle<Stopped>,
    _app: TestApp,
}

async fn start(limits: Limits) -> Running {
    let app = spawn_app();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, signal) = oneshot::channel::<()>();
    let router = framsyn::web::router(app.state.clone());
    let stopped = tokio::spawn(serve(listener, router, limits, async {
        let _ = signal.await;
    }));
    Running {
        addr,
        stop,
        stopped,
        _app: app,
    }
}

/// A whole request over a fresh connection; the status line's code.
async fn health(addr: SocketAddr) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: framsyn.test\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    answer
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

/// A connection that sends the start of a request header and then nothing.
async fn stalled(addr: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /bank.csv HTTP/1.1\r\nHost: framsyn.test\r\n")
        .await
        .unwrap();
    stream
}

/// Reads until the server closes the connection, for at most `limit`.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> bool {
    let mut sink = Vec::new();
    tokio::time::timeout(limit, stream.read_to_end(&mut sink))
        .await
        .is_ok()
}

#[tokio::test]
async fn a_half_sent_request_header_is_cut_off_after_the_header_timeout() {
    let server = start(Limits {
        header_timeout: Duration::from_millis(300),
        shutdown_deadline: Duration::from_secs(10),
    })
    .await;
    let mut slow = stalled(server.addr).await;
    let began = Instant::now();
    assert!(
        closed_within(&mut slow, Duration::from_secs(5)).await,
        "the server keeps a connection that never finishes its header"
    );
    assert!(began.elapsed() >= Duration::from_millis(250));
    // Whole requests are answered as before.
    assert_eq!(health(server.addr).await, "200");
    let _ = server.stop.send(());
    assert_eq!(server.stopped.await.unwrap(), Stopped::Drained);
}

#[tokio::test]
async fn a_stopping_server_closes_stalled_connections_at_its_deadline() {
    let server = start(Limits {
        header_timeout: Duration::from_secs(120),
        shutdown_deadline: Duration::from_millis(300),
    })
    .await;
    assert_eq!(health(server.addr).await, "200");
    let mut slow = stalled(server.addr).await;
    // The server has taken the connection before it is told to stop.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let began = Instant::now();
    let _ = server.stop.send(());
    let stopped = tokio::time::timeout(Duration::from_secs(5), server.stopped)
        .await
        .expect("the server stops soon after its deadline, stalled client or not")
        .unwrap();
    assert_eq!(stopped, Stopped::Closed(1));
    assert!(began.elapsed() >= Duration::from_millis(250));
    assert!(closed_within(&mut slow, Duration::from_secs(1)).await);
    assert!(
        TcpStream::connect(server.addr).await.is_err(),
        "a stopped server accepts nothing"
    );
}
