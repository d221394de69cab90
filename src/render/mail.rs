//! A message of the outbox put into words when it is sent: its subject, plain text and
//! HTML in the receiver's language (the templates `mail.txt` and `mail.html` lay out
//! what is built here), for an event its calendar invitation (`domain::ical`), and then
//! the MIME message, with the outbox's Message-ID, that the SMTP transport sends.

use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use minijinja::context;
use serde::Serialize;

use super::Renderer;
use super::i18n::{text, text_with};
use crate::domain::ical::{self, FeedEvent, FeedOptions, Party};
use crate::domain::lang::Lang;
use crate::domain::mail::{Content, EventFacts};
use crate::domain::programme::Programme;
use crate::storage::outbox::Message;

/// A message in words.
#[derive(Debug, Clone)]
pub struct Composed {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The event as an invitation (`METHOD:REQUEST`), for messages about one.
    pub calendar: Option<String>,
}

/// A label and its value, as a message lists the facts of an event.
#[derive(Debug, Clone, Serialize)]
struct Fact {
    label: String,
    value: String,
}

/// A link a message lists (a digest's new things).
#[derive(Debug, Clone, Serialize)]
struct Link {
    title: String,
    url: String,
}

/// A heading and its links (a digest's section).
#[derive(Debug, Clone, Serialize)]
struct Section {
    heading: String,
    links: Vec<Link>,
}

/// What the templates lay out.
#[derive(Debug, Clone, Serialize)]
struct View {
    lang: &'static str,
    subject: String,
    greeting: String,
    paragraphs: Vec<String>,
    facts: Vec<Fact>,
    sections: Vec<Section>,
    /// Paragraphs after the facts and sections.
    closing: Vec<String>,
    action_label: String,
    action_url: String,
    signature: String,
    why: String,
    /// For an optional message: how to stop this kind, and where to choose what comes.
    unsubscribe_label: Option<String>,
    unsubscribe_url: Option<String>,
    preferences_label: Option<String>,
    preferences_url: Option<String>,
}

/// Where the workspace is reached and who sends its messages.
#[derive(Debug, Clone)]
pub struct Sender<'a> {
    pub programme: &'a Programme,
    pub public_url: &'a str,
    pub from: &'a Mailbox,
}

fn time(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

/// Puts message `m` into words.
pub fn compose(
    renderer: &Renderer,
    sender: &Sender<'_>,
    m: &Message,
) -> Result<Composed, minijinja::Error> {
    let lang = m.lang.unwrap_or(sender.programme.default_language);
    let programme = sender
        .programme
        .name
        .pick(lang, sender.programme.default_language)
        .to_string();
    let words = |key: &str| text(lang, key);
    let with = |key: &str, name: &str, value: &str| {
        text_with(lang, key, &[(name, value.to_string().into())])
    };
    let tz = sender.programme.time_zone;
    let moment = |at: i64| super::format_moment(lang, time(at).with_timezone(&tz));
    let greeting = if m.recipient_name.trim().is_empty() {
        words("mail-greeting-anonymous")
    } else {
        with("mail-greeting", "name", m.recipient_name.trim())
    };
    let kind = m.kind.key();
    let (mut paragraphs, mut facts) = (Vec::new(), Vec::new());
    let (mut sections, mut closing) = (Vec::new(), Vec::new());
    let (action_label, action_url, why, calendar, subject);
    match &m.content {
        Content::PasswordLink { token, expires_at } => {
            subject = with("mail-password-link-subject", "programme", &programme);
            paragraphs.push(with("mail-password-link-lead", "programme", &programme));
            paragraphs.push(words("mail-password-link-once"));
            facts.push(Fact {
                label: words("mail-password-link-expires"),
                value: moment(*expires_at),
            });
            action_label = words("mail-password-link-action");
            action_url = format!("{}/set-password/{token}", sender.public_url);
            why = with("mail-why-account", "programme", &programme);
            calendar = None;
        }
        Content::ConfirmRegistration {
            token,
            event,
            expires_at,
        } => {
            let title = event.title.trim();
            subject = with("mail-confirm-registration-subject", "event", title);
            paragraphs.push(with("mail-confirm-registration-lead", "event", title));
            paragraphs.push(words("mail-confirm-registration-else"));
            facts.extend(when_and_where(event, &words, &moment));
            facts.push(Fact {
                label: words("mail-password-link-expires"),
                value: moment(*expires_at),
            });
            action_label = words("mail-confirm-registration-action");
            action_url = format!("{}/registrations/confirm/{token}", sender.public_url);
            why = with("mail-why-confirm", "programme", &programme);
            calendar = None;
        }
        Content::AssignmentSubmitted {
            phase,
            organisation_id,
            organisation,
        } => {
            let name = phase_name(sender.programme, phase, lang);
            let args = [
                ("phase", name.as_str()),
                ("organisation", organisation.as_str()),
            ];
            subject = with_all(lang, "mail-assignment-submitted-subject", &args);
            paragraphs.push(with_all(lang, "mail-assignment-submitted-lead", &args));
            action_label = words("mail-assignment-submitted-action");
            action_url = format!(
                "{}/phases/{phase}/submissions/{organisation_id}",
                sender.public_url
            );
            why = with("mail-why-leader", "programme", &programme);
            calendar = None;
        }
        Content::AssignmentReturned { phase, comment } => {
            let name = phase_name(sender.programme, phase, lang);
            subject = with("mail-assignment-returned-subject", "phase", &name);
            paragraphs.push(with("mail-assignment-returned-lead", "phase", &name));
            facts.push(Fact {
                label: words("mail-assignment-comment"),
                value: comment.trim().to_string(),
            });
            action_label = words("mail-assignment-action");
            action_url = format!("{}/phases/{phase}/assignment", sender.public_url);
            why = with("mail-why-strategist", "programme", &programme);
            calendar = None;
        }
        Content::AssignmentAccepted { phase } => {
            let name = phase_name(sender.programme, phase, lang);
            subject = with("mail-assignment-accepted-subject", "phase", &name);
            paragraphs.push(with("mail-assignment-accepted-lead", "phase", &name));
            action_label = words("mail-assignment-action");
            action_url = format!("{}/phases/{phase}/assignment", sender.public_url);
            why = with("mail-why-strategist", "programme", &programme);
            calendar = None;
        }
        Content::ReviewWaiting {
            publication_id,
            title,
        } => {
            subject = with("mail-review-waiting-subject", "title", title.trim());
            paragraphs.push(with("mail-review-waiting-lead", "title", title.trim()));
            action_label = words("mail-review-waiting-action");
            action_url = format!("{}/editorial/{publication_id}", sender.public_url);
            why = with("mail-why-editor", "programme", &programme);
            calendar = None;
        }
        Content::InputReceived { input_id, excerpt } => {
            subject = with("mail-input-received-subject", "programme", &programme);
            paragraphs.push(words("mail-input-received-lead"));
            facts.push(Fact {
                label: words("mail-input-received-excerpt"),
                value: excerpt.trim().to_string(),
            });
            action_label = words("mail-input-received-action");
            action_url = format!("{}/admin/input#input-{input_id}", sender.public_url);
            why = with("mail-why-moderator", "programme", &programme);
            calendar = None;
        }
        Content::AssignmentReminder { phase, due, days } => {
            let name = phase_name(sender.programme, phase, lang);
            let date = super::format_date(lang, *due);
            let args = [("phase", name.as_str()), ("due", date.as_str())];
            subject = with_all(lang, "mail-assignment-reminder-subject", &args);
            paragraphs.push(text_with(
                lang,
                "mail-assignment-reminder-lead",
                &[
                    ("phase", name.clone().into()),
                    ("due", date.clone().into()),
                    ("days", (*days).into()),
                ],
            ));
            paragraphs.push(words("mail-assignment-reminder-ignore"));
            action_label = words("mail-assignment-action");
            action_url = format!("{}/phases/{phase}/assignment", sender.public_url);
            why = with("mail-why-strategist", "programme", &programme);
            calendar = None;
        }
        Content::RoundOpened {
            round_id,
            title,
            closes_at,
        }
        | Content::RoundClosing {
            round_id,
            title,
            closes_at,
        } => {
            let title = title.trim();
            subject = with(&format!("mail-{kind}-subject"), "title", title);
            paragraphs.push(with(&format!("mail-{kind}-lead"), "title", title));
            facts.push(Fact {
                label: words("mail-round-closes"),
                value: moment(*closes_at),
            });
            action_label = words("mail-round-action");
            action_url = format!("{}/rounds/{round_id}", sender.public_url);
            why = with("mail-why-strategist", "programme", &programme);
            calendar = None;
        }
        Content::Digest {
            period,
            items,
            more,
        } => {
            let period = period.key();
            subject = with(
                &format!("mail-digest-{period}-subject"),
                "programme",
                &programme,
            );
            paragraphs.push(words(&format!("mail-digest-{period}-lead")));
            let mut by_section: Vec<Section> = Vec::new();
            let mut last = None;
            for item in items {
                if last != Some(item.section) {
                    by_section.push(Section {
                        heading: words(&format!("mail-digest-section-{}", item.section.key())),
                        links: Vec::new(),
                    });
                    last = Some(item.section);
                }
                if let Some(section) = by_section.last_mut() {
                    section.links.push(Link {
                        title: item.title.trim().to_string(),
                        url: format!("{}{}", sender.public_url, item.path),
                    });
                }
            }
            sections = by_section;
            if *more > 0 {
                closing.push(text_with(
                    lang,
                    "mail-digest-more",
                    &[("count", (*more as i64).into())],
                ));
            }
            action_label = words("mail-digest-action");
            action_url = format!("{}/", sender.public_url);
            why = with("mail-why-digest", "programme", &programme);
            calendar = None;
        }
        Content::Announcement {
            subject: written,
            body,
            sender: from,
        } => {
            subject = written.trim().to_string();
            paragraphs.extend(
                body.replace("\r\n", "\n")
                    .split("\n\n")
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty()),
            );
            action_label = words("mail-announcement-action");
            action_url = format!("{}/", sender.public_url);
            why = with_all(
                lang,
                "mail-why-announcement",
                &[("sender", from.trim()), ("programme", programme.as_str())],
            );
            calendar = None;
        }
        Content::RegistrationConfirmed { event }
        | Content::RegistrationWaiting { event }
        | Content::Promoted { event }
        | Content::EventChanged { event, .. }
        | Content::EventCancelled { event } => {
            let title = event.title.trim();
            subject = with(&format!("mail-{kind}-subject"), "event", title);
            paragraphs.push(with(&format!("mail-{kind}-lead"), "event", title));
            if let Content::EventChanged { seated, .. } = &m.content {
                facts.push(Fact {
                    label: words("mail-your-registration"),
                    value: words(if *seated {
                        "mail-seat-confirmed"
                    } else {
                        "mail-seat-waiting"
                    }),
                });
            }
            if let Some(note) = event
                .change_note
                .as_deref()
                .filter(|n| !n.trim().is_empty())
            {
                facts.push(Fact {
                    label: words("mail-event-change"),
                    value: note.trim().to_string(),
                });
            }
            facts.extend(when_and_where(event, &words, &moment));
            if let Some(link) = event
                .online_link
                .as_deref()
                .filter(|l| !l.trim().is_empty())
            {
                facts.push(Fact {
                    label: words("mail-event-online"),
                    value: link.trim().to_string(),
                });
            }
            paragraphs.push(words(if event.cancelled {
                "mail-event-calendar-cancel"
            } else {
                "mail-event-calendar"
            }));
            action_label = words("mail-event-action");
            action_url = format!("{}/events/{}", sender.public_url, event.id);
            why = with("mail-why-registration", "programme", &programme);
            let organizer = Party {
                name: sender.from.name.as_deref().unwrap_or(&programme),
                email: sender.from.email.as_ref(),
            };
            let attendee = Party {
                name: &m.recipient_name,
                email: &m.recipient,
            };
            let options = FeedOptions {
                name: programme.clone(),
                time_zone: tz,
                include_online_links: true,
                generated: time(m.created_at),
            };
            let tentative = matches!(
                m.content,
                Content::RegistrationWaiting { .. } | Content::EventChanged { seated: false, .. }
            );
            calendar = Some(ical::invitation(
                &feed_event(event, sender.public_url),
                &options,
                organizer,
                attendee,
                tentative,
            ));
        }
    }
    let signs_in = m.user_id.is_some() && m.kind != crate::domain::mail::Kind::PasswordLink;
    let view = View {
        lang: lang.code(),
        subject: subject.clone(),
        greeting,
        paragraphs,
        facts,
        sections,
        closing,
        action_label,
        action_url,
        signature: programme.clone(),
        why,
        unsubscribe_label: m.unsubscribe_token.as_ref().map(|_| {
            with(
                "mail-unsubscribe",
                "kind",
                &words(&format!("mail-kind-{kind}")),
            )
        }),
        unsubscribe_url: m
            .unsubscribe_token
            .as_ref()
            .map(|token| unsubscribe_url(sender.public_url, token)),
        // Not for someone yet to choose their password: they cannot sign in to choose.
        preferences_label: signs_in.then(|| words("mail-preferences")),
        preferences_url: signs_in.then(|| format!("{}/account/messages", sender.public_url)),
    };
    let values = context! { lang => lang.code(), mail => view };
    Ok(Composed {
        subject,
        text: renderer.render("mail.txt", values.clone())?,
        html: renderer.render("mail.html", values)?,
        calendar,
    })
}

/// The one-click unsubscribe address of the message with unsubscribe token `token`.
pub fn unsubscribe_url(public_url: &str, token: &str) -> String {
    format!("{public_url}/unsubscribe/{token}")
}

/// A phase's name in `lang` (its slug if the programme no longer has it).
fn phase_name(programme: &Programme, slug: &str, lang: Lang) -> String {
    programme
        .phase(slug)
        .map(|p| p.title.pick(lang, programme.default_language).to_string())
        .unwrap_or_else(|| slug.to_string())
}

/// A text of the catalogue with several arguments.
fn with_all(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let args: Vec<(&str, fluent_templates::fluent_bundle::FluentValue<'static>)> = args
        .iter()
        .map(|(name, value)| (*name, value.to_string().into()))
        .collect();
    text_with(lang, key, &args)
}

/// When an event is and where (not its online link, which only those registered get).
fn when_and_where(
    event: &EventFacts,
    words: &dyn Fn(&str) -> String,
    moment: &dyn Fn(i64) -> String,
) -> Vec<Fact> {
    let mut facts = vec![Fact {
        label: words("mail-event-when"),
        value: format!("{} – {}", moment(event.starts_at), moment(event.ends_at)),
    }];
    let place: Vec<&str> = [event.venue.as_deref(), event.address.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if !place.is_empty() {
        facts.push(Fact {
            label: words("mail-event-where"),
            value: place.join(", "),
        });
    }
    facts
}

/// The event as its invitation describes it.
fn feed_event(event: &EventFacts, public_url: &str) -> FeedEvent {
    let location = [event.venue.as_deref(), event.address.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let mut description = super::markdown::plain_text(&event.description);
    if let Some(note) = &event.change_note {
        description = format!("{note}\n\n{description}");
    }
    FeedEvent {
        uid: event.uid.clone(),
        sequence: event.sequence,
        title: event.title.clone(),
        description,
        url: format!("{public_url}/events/{}", event.id),
        starts: time(event.starts_at),
        ends: time(event.ends_at),
        location: (!location.is_empty()).then_some(location),
        online_link: event.online_link.clone(),
        cancelled: event.cancelled,
        last_modified: time(event.updated_at),
    }
}

/// Why a message cannot be made into MIME: a receiver's address that is none.
#[derive(Debug, thiserror::Error)]
pub enum MimeError {
    #[error("the receiver's address is not one: {0}")]
    Address(#[from] lettre::address::AddressError),
    #[error("the message cannot be built: {0}")]
    Build(#[from] lettre::error::Error),
}

/// The whole message as sent: headers (the outbox's `Message-ID`, the date it was
/// written), the text and HTML as alternatives, and the invitation both inline (for
/// calendar programs that read it there) and as an `.ics` attachment.
pub fn mime(
    composed: Composed,
    from: &Mailbox,
    public_url: &str,
    m: &Message,
    message_id: &str,
    lang: Lang,
) -> Result<lettre::Message, MimeError> {
    let to = Mailbox::new(
        Some(m.recipient_name.trim().to_string()).filter(|n| !n.is_empty()),
        m.recipient.parse()?,
    );
    let method = if m.content.event().is_some_and(|e| e.cancelled) {
        "CANCEL"
    } else {
        "REQUEST"
    };
    let calendar_type =
        ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
            .expect("a valid content type");
    let mut alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(composed.text))
        .singlepart(SinglePart::html(composed.html));
    let body = match composed.calendar {
        Some(ics) => {
            alternative = alternative.singlepart(
                SinglePart::builder()
                    .header(calendar_type.clone())
                    .body(ics.clone()),
            );
            let name = format!("{}.ics", text(lang, "mail-calendar-file-name"));
            MultiPart::mixed()
                .multipart(alternative)
                .singlepart(Attachment::new(name).body(ics, calendar_type))
        }
        None => alternative,
    };
    let written = SystemTime::UNIX_EPOCH + Duration::from_secs(m.created_at.max(0) as u64);
    let mut builder = lettre::Message::builder()
        .from(from.clone())
        .to(to)
        .subject(composed.subject)
        .message_id(Some(message_id.to_string()))
        .date(written)
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-generated".to_string(),
        ))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Content-Language"),
            lang.code().to_string(),
        ));
    // RFC 8058: one POST to the address turns this kind of message off, no sign-in.
    if let Some(token) = &m.unsubscribe_token {
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{}>", unsubscribe_url(public_url, token)),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_string(),
            ));
    }
    Ok(builder.multipart(body)?)
}
