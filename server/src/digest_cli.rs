//! `klimadialog digests [--at TIME]`: makes the digest rounds due at a time, as the server's
//! mail worker does every minute. Made rounds are never made twice, so running it beside the
//! server is safe; the server's worker sends what it queues.

use crate::{ServerError, open_database};

/// Makes the rounds due at `at` (now when `None`), of one schedule or all, and says how many
/// mails each queued.
pub async fn make(url: &str, at: Option<&str>, schedule: Option<&str>) -> Result<(), ServerError> {
    use klimadialog::follow::Frequency;
    let schedules = match schedule {
        None => vec![Frequency::AtOnce, Frequency::Daily, Frequency::Weekly],
        Some(name) => vec![Frequency::parse(name).ok_or_else(|| {
            ServerError::Usage(format!("--schedule {name:?}: at_once, daily or weekly"))
        })?],
    };
    let now = match at {
        None => klimadialog::storage::now(),
        Some(text) => parse_time(text).ok_or_else(|| {
            ServerError::Usage(format!(
                "--at {text:?}: give Unix seconds or Danish local time as \"2026-12-07 07:00\""
            ))
        })?,
    };
    let db = open_database(url, false).await?;
    let mut made = Vec::new();
    for schedule in schedules {
        made.extend(db.make_digest_round(schedule, now).await?);
    }
    db.close().await;
    if made.is_empty() {
        println!("no digest round was due");
    }
    for round in made {
        println!("{}: {} mails queued", round.frequency.as_str(), round.mails);
    }
    Ok(())
}

/// Unix seconds, or "YYYY-MM-DD HH:MM" (also with a `T`) in Danish local time.
fn parse_time(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(seconds) = text.parse::<i64>() {
        return Some(seconds);
    }
    let (date, time) = text.split_once([' ', 'T'])?;
    let date = klimadialog::time::Date::parse_iso(date)?;
    let (hours, minutes) = time.split_once(':')?;
    let (hours, minutes): (i64, i64) = (hours.parse().ok()?, minutes.parse().ok()?);
    if !(0..24).contains(&hours) || !(0..60).contains(&minutes) {
        return None;
    }
    // The day's offset: the clocks change at night, never in the morning hours digests use.
    Some(date.start_in_denmark().0 + hours * 3_600 + minutes * 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_read_as_seconds_or_danish_local_time() {
        assert_eq!(super::parse_time("1765000000"), Some(1_765_000_000));
        // 7 December 2026, 07:00 in Copenhagen (CET) is 06:00 UTC.
        assert_eq!(super::parse_time("2026-12-07 07:00"), Some(1_796_623_200));
        assert_eq!(super::parse_time("2026-12-07T07:00"), Some(1_796_623_200));
        for bad in ["monday", "2026-12-07 25:00", "2026-13-01 07:00", ""] {
            assert_eq!(super::parse_time(bad), None, "{bad}");
        }
    }
}
