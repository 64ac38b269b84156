//! Timestamps and how they read in Danish and English. Stored as Unix seconds (UTC); shown in
//! Danish local time, which follows the EU summer-time rule.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Timestamp(pub i64);

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

const DAY: i64 = 86_400;

/// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm, proleptic Gregorian).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date { year, month, day }
}

fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The Unix time of 01:00 UTC on the last Sunday of a month: when EU summer time starts
/// (March) and ends (October).
fn last_sunday_0100_utc(year: i64, month: u32) -> i64 {
    let first_of_next = days_from_civil(year, month + 1, 1);
    let last = first_of_next - 1;
    // 1970-01-01 was a Thursday; weekday 0 = Sunday.
    let weekday = (last + 4).rem_euclid(7);
    (last - weekday) * DAY + 3600
}

impl Date {
    /// A date written `YYYY-MM-DD`, as date inputs send it; `None` for anything else.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year: i64 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let date = Date { year, month, day };
        // Round-tripping refuses 2026-02-30 and months past 12.
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && civil_from_days(days_from_civil(year, month, day)) == date;
        valid.then_some(date)
    }

    /// The day after this one.
    pub fn following(self) -> Date {
        civil_from_days(days_from_civil(self.year, self.month, self.day) + 1)
    }

    /// The day before this one.
    pub fn preceding(self) -> Date {
        civil_from_days(days_from_civil(self.year, self.month, self.day) - 1)
    }

    /// Days since Monday: 0 on a Monday, 6 on a Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (days_from_civil(self.year, self.month, self.day) + 3).rem_euclid(7) as u32
    }

    /// `YYYY-MM-DD`, as date inputs show it.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The first second of this day in Denmark.
    pub fn start_in_denmark(self) -> Timestamp {
        let midnight_utc = days_from_civil(self.year, self.month, self.day) * DAY;
        // The offset at noon is the day's offset at midnight (the clocks change at night).
        let offset = Timestamp(midnight_utc + DAY / 2).copenhagen_offset();
        Timestamp(midnight_utc - offset)
    }
}

impl Timestamp {
    /// Seconds east of UTC in Denmark at this moment: CET, or CEST in summer.
    pub fn copenhagen_offset(self) -> i64 {
        let year = civil_from_days(self.0.div_euclid(DAY)).year;
        let summer =
            last_sunday_0100_utc(year, 3) <= self.0 && self.0 < last_sunday_0100_utc(year, 10);
        if summer { 7200 } else { 3600 }
    }

    /// The date in Denmark.
    pub fn local_date(self) -> Date {
        civil_from_days((self.0 + self.copenhagen_offset()).div_euclid(DAY))
    }

    /// The ISO 8601 week number of this day in Denmark (weeks start on Monday; week 1 holds
    /// the year's first Thursday): what Danes call "uge 48".
    pub fn iso_week(self) -> u32 {
        let d = self.local_date();
        let days = days_from_civil(d.year, d.month, d.day);
        // 1970-01-01 was a Thursday: Monday = 0.
        let weekday = (days + 3).rem_euclid(7);
        let thursday = days - weekday + 3;
        let year = civil_from_days(thursday).year;
        ((thursday - days_from_civil(year, 1, 1)) / 7 + 1) as u32
    }

    /// RFC 3339 time in UTC ("2026-11-29T11:02:41Z"), for open data.
    pub fn rfc3339_utc(self) -> String {
        let d = civil_from_days(self.0.div_euclid(DAY));
        let s = self.0.rem_euclid(DAY);
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            d.year,
            d.month,
            d.day,
            s / 3600,
            s % 3600 / 60,
            s % 60
        )
    }

    /// Date and time in Denmark to the minute, "2026-11-29 14:03", for logs staff read.
    pub fn local_minute(self) -> String {
        let local = self.0 + self.copenhagen_offset();
        let d = civil_from_days(local.div_euclid(DAY));
        let s = local.rem_euclid(DAY);
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            d.year,
            d.month,
            d.day,
            s / 3600,
            s % 3600 / 60
        )
    }

    /// ISO 8601 date, for `<time datetime>`.
    pub fn iso_date(self) -> String {
        let d = self.local_date();
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_parse_and_impossible_ones_do_not() {
        assert_eq!(
            Date::parse_iso("2026-11-29"),
            Some(Date {
                year: 2026,
                month: 11,
                day: 29
            })
        );
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "29-11-2026x",
            "",
            "2026-11",
            "-1-01-01",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
        assert!(Date::parse_iso("2024-02-29").is_some(), "leap day");
    }

    #[test]
    fn weeks_are_numbered_as_danish_calendars_number_them() {
        let week = |iso: &str| Date::parse_iso(iso).unwrap().start_in_denmark().iso_week();
        assert_eq!(week("2026-11-23"), 48);
        assert_eq!(week("2026-11-29"), 48, "a Sunday ends its week");
        assert_eq!(week("2026-01-01"), 1, "a Thursday: week 1");
        assert_eq!(week("2027-01-01"), 53, "a Friday: the last week of 2026");
        assert_eq!(week("2024-12-30"), 1, "a Monday in week 1 of 2025");
    }

    #[test]
    fn a_danish_day_starts_at_local_midnight() {
        // Winter: 23:00 UTC the day before; summer: 22:00 UTC.
        let winter = Date::parse_iso("2026-11-29").unwrap().start_in_denmark();
        assert_eq!(winter.rfc3339_utc(), "2026-11-28T23:00:00Z");
        let summer = Date::parse_iso("2026-07-01").unwrap().start_in_denmark();
        assert_eq!(summer.rfc3339_utc(), "2026-06-30T22:00:00Z");
        assert_eq!(winter.local_minute(), "2026-11-29 00:00");
        assert_eq!(
            Timestamp(summer.0 + 3661).local_minute(),
            "2026-07-01 01:01"
        );
    }

    #[test]
    fn open_data_times_are_rfc3339_in_utc() {
        assert_eq!(
            Timestamp(1_795_950_161).rfc3339_utc(),
            "2026-11-29T11:02:41Z"
        );
        assert_eq!(Timestamp(-1).rfc3339_utc(), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn civil_dates_round_trip() {
        for days in [-800_000, -1, 0, 1, 59, 365, 10_957, 20_000, 2_932_896] {
            let d = civil_from_days(days);
            assert_eq!(days_from_civil(d.year, d.month, d.day), days);
        }
        assert_eq!(
            civil_from_days(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            civil_from_days(11_016),
            Date {
                year: 2000,
                month: 2,
                day: 29
            }
        );
    }

    #[test]
    fn danish_summer_time_follows_the_eu_rule() {
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        let start = days_from_civil(2026, 3, 29) * DAY + 3600;
        let end = days_from_civil(2026, 10, 25) * DAY + 3600;
        assert_eq!(Timestamp(start - 1).copenhagen_offset(), 3600);
        assert_eq!(Timestamp(start).copenhagen_offset(), 7200);
        assert_eq!(Timestamp(end - 1).copenhagen_offset(), 7200);
        assert_eq!(Timestamp(end).copenhagen_offset(), 3600);
    }

    #[test]
    fn dates_are_days_in_denmark() {
        // 2026-11-28 23:30 UTC is already 29 November in Denmark.
        let ts = Timestamp(days_from_civil(2026, 11, 28) * DAY + 23 * 3600 + 1800);
        assert_eq!(ts.iso_date(), "2026-11-29");
    }
}
