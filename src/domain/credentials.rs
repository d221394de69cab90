//! Password hashing (argon2id) and random tokens for sessions and set-password links.
//!
//! Tokens are handed out once and only their SHA-256 digest is stored, so a copy of
//! the database opens no session and sets no password.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// Hashes a password with argon2id and a random salt, as a PHC string.
pub fn hash_password(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("argon2 with default parameters hashes any password")
        .to_string()
}

/// Checks a password against a stored PHC string. A malformed hash never matches.
pub fn verify_password(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(hash) => Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash of nothing anyone knows, checked when the account does not exist, so that an
/// unknown account costs the same time as a wrong password.
static DECOY: LazyLock<String> = LazyLock::new(|| hash_password(&new_token()));

pub fn verify_decoy(password: &str) -> bool {
    verify_password(password, &DECOY)
}

/// A new random token: 32 bytes from the operating system, URL-safe base64.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The digest under which a token is stored.
pub fn token_digest(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let hash = hash_password("framtidens regioner");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("framtidens regioner", &hash));
        assert!(!verify_password("framtidens region", &hash));
        assert!(!verify_password("framtidens regioner", "not a hash"));
    }

    #[test]
    fn long_passphrases_are_not_truncated() {
        let base = "a".repeat(200);
        let hash = hash_password(&format!("{base}x"));
        assert!(!verify_password(&format!("{base}y"), &hash));
    }

    #[test]
    fn tokens_are_random_and_url_safe() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        assert_eq!(token_digest(&a).len(), 32);
    }
}
