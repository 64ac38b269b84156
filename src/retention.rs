//! How long Klimadialog keeps what it keeps: one list, used by the code that deletes (the
//! server's hourly upkeep, `storage::retention`), by the sessions and drafts that expire, and by
//! the privacy notice that tells residents, so the three cannot disagree.

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

/// Sign-in codes, with the address they went to (also of people who never signed in): long
/// enough for the hourly limits to count them.
pub const SIGN_IN_CODE_SECONDS: i64 = DAY;
/// A resident's session, from sign-in.
pub const RESIDENT_SESSION_SECONDS: i64 = 30 * DAY;
/// A staff session: a working day and some.
pub const STAFF_SESSION_SECONDS: i64 = 12 * HOUR;
/// A draft of an idea (what was typed, its photo and point), after its last change.
pub const DRAFT_SECONDS: i64 = 7 * DAY;
/// A hidden or rejected idea keeps its photo this long, so a moderator's slip can be undone;
/// then the photo is deleted, from disk too.
pub const HIDDEN_PHOTO_SECONDS: i64 = 12 * HOUR;
/// A photo file no draft or idea uses (a draft may be about to be saved).
pub const UNUSED_PHOTO_SECONDS: i64 = HOUR;
/// Status mails that were sent or given up, for staff to see what went out.
pub const STATUS_MAIL_SECONDS: i64 = 30 * DAY;
/// Mails written to the development outbox.
pub const OUTBOX_MAIL_SECONDS: i64 = 7 * DAY;

/// A period as people say it, in whole days or hours: (number, is it days).
pub fn in_days_or_hours(seconds: i64) -> (i64, bool) {
    if seconds >= DAY && seconds % DAY == 0 {
        (seconds / DAY, true)
    } else {
        (seconds / HOUR, false)
    }
}
