//! Delivery over SMTP (lettre): the transport made from the configuration, secured by
//! TLS or STARTTLS, and one message handed to the server. With no SMTP server configured
//! there is no transport, and messages wait in the outbox.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::config::{Smtp, SmtpSecurity};

/// What became of handing a message to the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Worth trying again: the server could not be reached, or answered 4xx.
    Transient(String),
    /// Refused for good (5xx), or no message could be made.
    Permanent(String),
}

impl Failure {
    pub fn permanent(&self) -> bool {
        matches!(self, Failure::Permanent(_))
    }

    pub fn reason(&self) -> &str {
        match self {
            Failure::Transient(r) | Failure::Permanent(r) => r,
        }
    }
}

/// The way out: an SMTP transport, or none.
#[derive(Clone)]
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("configured", &self.transport.is_some())
            .finish()
    }
}

impl Mailer {
    /// A transport to `smtp`, or none; the connection is made when a message is sent.
    pub fn new(smtp: Option<&Smtp>) -> anyhow::Result<Mailer> {
        let Some(smtp) = smtp else {
            return Ok(Mailer { transport: None });
        };
        let builder = match smtp.security {
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)?,
            SmtpSecurity::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)?
            }
            SmtpSecurity::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
            }
        };
        let mut builder = builder
            .port(smtp.port)
            .timeout(Some(Duration::from_secs(30)));
        if let (Some(user), Some(password)) = (&smtp.user, &smtp.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Mailer {
            transport: Some(builder.build()),
        })
    }

    /// Whether messages can leave at all.
    pub fn configured(&self) -> bool {
        self.transport.is_some()
    }

    /// Hands `message` to the server.
    pub async fn send(&self, message: &lettre::Message) -> Result<(), Failure> {
        let Some(transport) = &self.transport else {
            return Err(Failure::Transient("no SMTP server is configured".into()));
        };
        match transport.send(message.clone()).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_permanent() => Err(Failure::Permanent(e.to_string())),
            Err(e) => Err(Failure::Transient(e.to_string())),
        }
    }
}

/// The sender's address as configured (`Name <address>` or an address), or why not.
pub fn check_sender(from: &str) -> anyhow::Result<Mailbox> {
    from.parse::<Mailbox>()
        .map_err(|e| anyhow::anyhow!("--mail-from {from:?} is not an address: {e}"))
}
