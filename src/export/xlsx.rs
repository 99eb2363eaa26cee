//! `tables.xlsx`: the CSV tables as one workbook for Excel and LibreOffice, which read Arabic
//! CSV without a byte-order mark as mojibake (and a mark would break Gephi's `Id` column, so
//! the CSVs keep none). One sheet per table, in the CSVs' row order, right to left, the header
//! row frozen and filtered. Deterministic: the document's creation time is a date of the
//! data, never the clock.

use std::io::Write;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use crate::error::{Error, Result};

/// One sheet: its name and the CSV it shows.
pub struct Sheet<'a> {
    /// Sheet name (at most 31 characters).
    pub name: &'a str,
    /// The CSV bytes (header first).
    pub csv: &'a [u8],
}

/// A cell worth storing as a number: digits with an optional sign and decimal part, no leading
/// zero (so ids such as «0123» and phone-like strings stay text), at most 15 significant digits.
fn numeric(s: &str) -> Option<f64> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || (body.contains('.') && !digits(frac)) {
        return None;
    }
    if int.len() > 1 && int.starts_with('0') || int.len() + frac.len() > 15 {
        return None;
    }
    s.parse().ok()
}

/// Writes the workbook. `created` (`YYYY-MM-DD`, e.g. the newest publication date) is the
/// document's creation date; 1980-01-01 when absent or malformed.
pub fn write_xlsx<W: Write>(sheets: &[Sheet<'_>], created: Option<&str>, mut w: W) -> Result<W> {
    let err = |e: XlsxError| Error::Export(format!("tables.xlsx: {e}"));
    let mut book = Workbook::new();
    let date = created
        .and_then(|d| {
            let mut p = d.splitn(3, '-').map(|x| x.parse::<u32>().ok());
            let (y, m, dd) = (p.next()??, p.next()??, p.next()??);
            ExcelDateTime::from_ymd(u16::try_from(y).ok()?, m as u8, dd as u8).ok()
        })
        .unwrap_or(ExcelDateTime::from_ymd(1980, 1, 1).map_err(err)?);
    book.set_properties(
        &DocProperties::new()
            .set_title("athar: facts, figures and events read from Arabic news")
            .set_creation_datetime(&date),
    );
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name).map_err(err)?;
        ws.set_right_to_left(true);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(sheet.csv);
        let mut width = 0u16;
        let mut last_row = 0u32;
        for (r, record) in reader.records().enumerate() {
            let record = record.map_err(|e| Error::Export(format!("{}: {e}", sheet.name)))?;
            let row = u32::try_from(r).map_err(|_| Error::Export("too many rows".into()))?;
            for (c, value) in record.iter().enumerate() {
                let col = u16::try_from(c).map_err(|_| Error::Export("too many columns".into()))?;
                width = width.max(col + 1);
                if row == 0 {
                    ws.write_string_with_format(row, col, value, &bold)
                        .map_err(err)?;
                } else if let Some(x) = numeric(value) {
                    ws.write_number(row, col, x).map_err(err)?;
                } else if !value.is_empty() {
                    ws.write_string(row, col, value).map_err(err)?;
                }
            }
            last_row = row;
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
        if width > 0 {
            ws.autofilter(0, 0, last_row, width - 1).map_err(err)?;
        }
    }
    let bytes = book.save_to_buffer().map_err(err)?;
    w.write_all(&bytes)
        .map_err(|e| Error::Export(format!("tables.xlsx: {e}")))?;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::numeric;

    #[test]
    fn numbers_and_text() {
        assert_eq!(numeric("2000"), Some(2000.0));
        assert_eq!(numeric("-3.5"), Some(-3.5));
        assert_eq!(numeric("0"), Some(0.0));
        assert_eq!(numeric("0.25"), Some(0.25));
        for text in [
            "0123",
            "",
            "1.",
            ".5",
            "1e5",
            "2022-01-20",
            "n1a2",
            "1234567890123456",
        ] {
            assert_eq!(numeric(text), None, "{text}");
        }
    }
}
