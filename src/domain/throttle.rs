//! Login throttling: how many recent failures lock an account name or an address.
//!
//! While locked, every attempt is refused, the right password too, so guessing gains
//! nothing; unknown accounts are throttled exactly like known ones.

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures of one account name within `window` that lock it.
    pub per_account: u32,
    /// Failures from one address within `window` that lock it.
    pub per_address: u32,
    pub window: Duration,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        ThrottlePolicy {
            per_account: 5,
            per_address: 20,
            window: Duration::from_secs(15 * 60),
        }
    }
}

impl ThrottlePolicy {
    /// Whether a new attempt may be checked, given the failures counted in the window.
    pub fn allows(&self, account_failures: u32, address_failures: u32) -> bool {
        account_failures < self.per_account && address_failures < self.per_address
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_at_the_limit_of_either_key() {
        let policy = ThrottlePolicy::default();
        assert!(policy.allows(4, 19));
        assert!(!policy.allows(5, 0));
        assert!(!policy.allows(0, 20));
    }
}
