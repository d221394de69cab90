//! Serving the route table over HTTP/1.1: each connection must send its request header
//! within the header timeout, and on shutdown the server stops accepting, lets the
//! requests in flight finish until the shutdown deadline, then closes what remains.
//! A stalled client (a half-sent header, a reader that never reads) can neither hold a
//! connection open forever nor keep a stopping server alive.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::task::JoinSet;
use tower::ServiceExt;

/// How long clients get.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// A connection that has not sent a whole request header within this time is closed.
    pub header_timeout: Duration,
    /// After the shutdown signal, requests in flight get this long before their
    /// connections are closed.
    pub shutdown_deadline: Duration,
}

impl Limits {
    pub fn from_config(config: &crate::config::Config) -> Limits {
        Limits {
            header_timeout: config.header_timeout,
            shutdown_deadline: config.shutdown_deadline,
        }
    }
}

/// How the server stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// Every connection finished within the deadline.
    Drained,
    /// This many connections were still open at the deadline and were closed.
    Closed(usize),
}

/// Serves `app` on `listener` until `shutdown` completes, then drains within the deadline.
/// Each request carries its peer's address as [`ConnectInfo`].
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> Stopped {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            () = &mut shutdown => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => continue,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        // Small responses go out at once instead of waiting for the peer's ACK.
        let _ = tcp.set_nodelay(true);
        let service = app
            .clone()
            .map_request(move |mut request: axum::extract::Request<_>| {
                request
                    .extensions_mut()
                    .insert(ConnectInfo::<SocketAddr>(peer));
                request
            });
        let connection =
            http.serve_connection(TokioIo::new(tcp), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        connections.spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, %peer, "connection ended with an error");
            }
        });
    }
    drop(listener);
    let open = connections.len();
    tracing::info!(open, deadline = ?limits.shutdown_deadline, "stopping: no new connections; requests in flight may finish");
    let drained = tokio::time::timeout(limits.shutdown_deadline, async {
        graceful.shutdown().await;
        while connections.join_next().await.is_some() {}
    })
    .await;
    match drained {
        Ok(()) => Stopped::Drained,
        Err(_) => {
            let left = connections.len();
            tracing::warn!(
                left,
                "connections still open at the shutdown deadline are closed"
            );
            connections.shutdown().await;
            Stopped::Closed(left)
        }
    }
}
