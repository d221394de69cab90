//! The one clock: every "now" in the workspace reads it.
//!
//! Production runs on the system clock. A demo database acts as a fixed day of its
//! programme and runs from there; tests set the clock to whatever day they need. The
//! clock is cheap to clone and all clones share one time, so a test that moves it moves
//! it for the whole application it drives.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Milliseconds added to the system clock (0: the real time).
    offset_ms: AtomicI64,
    /// When set, time stands still at `frozen_ms` instead of running.
    frozen: AtomicBool,
    frozen_ms: AtomicI64,
}

impl Clock {
    /// The system clock: the real time.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that reads `moment` now and runs on from there at the real pace.
    pub fn starting_at(moment: DateTime<Utc>) -> Clock {
        let clock = Clock::system();
        clock.set(moment);
        clock
    }

    /// A clock that stands still at `moment` until it is set or advanced.
    pub fn frozen_at(moment: DateTime<Utc>) -> Clock {
        let clock = Clock::system();
        clock.freeze(moment);
        clock
    }

    /// The current moment.
    pub fn now(&self) -> DateTime<Utc> {
        let ms = if self.inner.frozen.load(Ordering::Acquire) {
            self.inner.frozen_ms.load(Ordering::Acquire)
        } else {
            Utc::now().timestamp_millis() + self.inner.offset_ms.load(Ordering::Acquire)
        };
        DateTime::from_timestamp_millis(ms).unwrap_or_else(Utc::now)
    }

    /// The current moment as Unix seconds, the unit every timestamp column holds.
    pub fn now_seconds(&self) -> i64 {
        self.now().timestamp()
    }

    /// Whether this clock reads the real time.
    pub fn is_system(&self) -> bool {
        !self.inner.frozen.load(Ordering::Acquire)
            && self.inner.offset_ms.load(Ordering::Acquire) == 0
    }

    /// Moves the clock to `moment`; it runs on from there (or stays, if frozen).
    pub fn set(&self, moment: DateTime<Utc>) {
        if self.inner.frozen.load(Ordering::Acquire) {
            self.inner
                .frozen_ms
                .store(moment.timestamp_millis(), Ordering::Release);
        } else {
            let offset = moment.timestamp_millis() - Utc::now().timestamp_millis();
            self.inner.offset_ms.store(offset, Ordering::Release);
        }
    }

    /// Stops the clock at `moment`.
    pub fn freeze(&self, moment: DateTime<Utc>) {
        self.inner
            .frozen_ms
            .store(moment.timestamp_millis(), Ordering::Release);
        self.inner.frozen.store(true, Ordering::Release);
    }

    /// Moves the clock forward (or back, for a negative duration).
    pub fn advance(&self, by: Duration) {
        self.set(self.now() + by);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_clock_set_to_a_day_reads_that_day_and_runs_on() {
        let leap = Utc.with_ymd_and_hms(2028, 2, 29, 12, 0, 0).unwrap();
        let clock = Clock::starting_at(leap);
        let read = clock.now();
        assert!(read >= leap && read - leap < Duration::seconds(5));
        assert!(!clock.is_system());
    }

    #[test]
    fn clones_share_one_time_and_a_frozen_clock_stands_still() {
        let moment = Utc.with_ymd_and_hms(2026, 12, 31, 23, 59, 59).unwrap();
        let clock = Clock::frozen_at(moment);
        let other = clock.clone();
        assert_eq!(other.now(), moment);
        clock.advance(Duration::seconds(1));
        assert_eq!(other.now_seconds(), moment.timestamp() + 1);
        assert!(Clock::system().is_system());
    }
}
