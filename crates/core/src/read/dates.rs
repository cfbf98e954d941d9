//! Dates as the Parliament's pages write them (`dd/mm/yyyy`), with the quirks real pages have, for
//! both the text reader and the HTML reader, so that a quirk gives the same date and the same warning
//! whichever rendering of a page is read:
//!
//! - `//` (or nothing, or `-`): no date. Not a warning: it is how the site says "not published yet"
//!   (a third of the corpus pages show it for the date of publication), so warning would be noise.
//! - a one-digit day or month (`1/09/2026`): read, with a warning.
//! - an impossible date (`0/07/2026`, `31/02/2020`): left empty, with a warning quoting the text.
//! - a year before 1989 (the Parliament's first session) or after 2100 (`01/01/0000`, `31/12/9999`):
//!   refused, as is anything that is not a date: such a value is a broken file, not a page quirk.

use chrono::NaiveDate;

/// What was expected where a date was refused.
pub(crate) const EXPECT_DATE: &str = "a date dd/mm/yyyy (or \"//\" when there is none)";
pub(crate) const EXPECT_PLAUSIBLE_YEAR: &str = "a date dd/mm/yyyy between 1989 and 2100";

const FIRST_YEAR: i32 = 1989;
const LAST_YEAR: i32 = 2100;

/// A date read from a page: the date (`None` when absent or impossible) and the warning to give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateRead {
    pub date: Option<NaiveDate>,
    pub warning: Option<String>,
}

/// Reads a date value; `Err` holds what was expected (the caller adds the file, line and excerpt).
pub(crate) fn read_date(value: &str) -> Result<DateRead, &'static str> {
    let value = super::lines::trim(value);
    if value
        .chars()
        .all(|c| matches!(c, '/' | '-') || super::lines::is_space(c))
    {
        return Ok(DateRead {
            date: None,
            warning: None,
        });
    }
    let mut parts = value.split('/');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(EXPECT_DATE);
    };
    let digits =
        |s: &str, lens: &[usize]| lens.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit());
    if !digits(d, &[1, 2]) || !digits(m, &[1, 2]) || !digits(y, &[4]) {
        return Err(EXPECT_DATE);
    }
    let (Ok(day), Ok(month), Ok(year)) = (d.parse::<u32>(), m.parse::<u32>(), y.parse::<i32>())
    else {
        return Err(EXPECT_DATE);
    };
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(EXPECT_PLAUSIBLE_YEAR);
    }
    let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
        return Ok(DateRead {
            date: None,
            warning: Some(format!("impossible date {value:?}: the date is left empty")),
        });
    };
    let warning = (d.len() == 1 || m.len() == 1).then(|| {
        format!(
            "date {value:?} has a one-digit day or month: read as {}",
            date.format("%d/%m/%Y")
        )
    });
    Ok(DateRead {
        date: Some(date),
        warning,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(v: &str) -> (Option<NaiveDate>, Option<String>) {
        let r = read_date(v).unwrap();
        (r.date, r.warning)
    }

    #[test]
    fn quirks() {
        assert_eq!(
            ok("29/04/2020"),
            (NaiveDate::from_ymd_opt(2020, 4, 29), None)
        );
        assert_eq!(ok("//"), (None, None));
        assert_eq!(ok(""), (None, None));
        let (d, w) = ok("1/09/2026");
        assert_eq!(d, NaiveDate::from_ymd_opt(2026, 9, 1));
        assert_eq!(
            w.as_deref(),
            Some("date \"1/09/2026\" has a one-digit day or month: read as 01/09/2026")
        );
        assert_eq!(
            ok("0/07/2026"),
            (
                None,
                Some("impossible date \"0/07/2026\": the date is left empty".into())
            )
        );
        assert_eq!(ok("31/02/2020").0, None);
        assert_eq!(read_date("01/01/0000"), Err(EXPECT_PLAUSIBLE_YEAR));
        assert_eq!(read_date("31/12/9999"), Err(EXPECT_PLAUSIBLE_YEAR));
        assert_eq!(read_date("2020-04-29"), Err(EXPECT_DATE));
        assert_eq!(read_date("1/2/3/2020"), Err(EXPECT_DATE));
    }
}
