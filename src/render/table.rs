//! Table exports: one typed table, written as CSV for programs or as XLSX for people.
//!
//! CSV follows RFC 4180 (comma, CRLF, UTF-8 with a byte-order mark), with numbers in
//! plain notation and times in ISO 8601 with their offset, so that any program reads
//! them the same way. Swedish and Norwegian spreadsheets expect semicolons and decimal
//! commas from a CSV file, so people are offered XLSX beside it: numbers and times are
//! typed cells there, which every spreadsheet shows in its own locale, and text is
//! always a text cell, never a formula.

use chrono::DateTime;
use chrono_tz::Tz;
use rust_xlsxwriter::{Format, Workbook};

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Integer(i64),
    Decimal(f64),
    /// A moment, in the programme's time zone.
    Time(DateTime<Tz>),
}

impl From<String> for Cell {
    fn from(value: String) -> Self {
        if value.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(value)
        }
    }
}

impl From<&str> for Cell {
    fn from(value: &str) -> Self {
        Cell::from(value.to_string())
    }
}

impl From<i64> for Cell {
    fn from(value: i64) -> Self {
        Cell::Integer(value)
    }
}

impl From<usize> for Cell {
    fn from(value: usize) -> Self {
        i64::try_from(value).map_or_else(|_| Cell::Text(value.to_string()), Cell::Integer)
    }
}

impl From<f64> for Cell {
    fn from(value: f64) -> Self {
        if value.is_finite() {
            Cell::Decimal(value)
        } else {
            Cell::Empty
        }
    }
}

impl From<DateTime<Tz>> for Cell {
    fn from(value: DateTime<Tz>) -> Self {
        Cell::Time(value)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map_or(Cell::Empty, Into::into)
    }
}

/// A row of cells from values of mixed types: `cells![name, id, Some(time)]`.
#[macro_export]
macro_rules! cells {
    ($($value:expr),* $(,)?) => {
        vec![$($crate::render::table::Cell::from($value)),*]
    };
}

/// A table to export: a header in the reader's language and typed rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    /// The CSV's header where it differs from the people's one (machine column names
    /// that an import reads back).
    csv_header: Option<Vec<String>>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(header: Vec<String>, rows: Vec<Vec<Cell>>) -> Self {
        Table {
            header,
            csv_header: None,
            rows,
        }
    }

    /// Column names for the CSV only (the XLSX keeps the header in the reader's language).
    pub fn with_csv_header(mut self, header: Vec<String>) -> Self {
        self.csv_header = Some(header);
        self
    }

    /// The table as CSV: RFC 4180 with CRLF line ends and a byte-order mark.
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::from("\u{feff}".as_bytes()));
        let header = self.csv_header.as_ref().unwrap_or(&self.header);
        writer.write_record(header.iter().map(|h| csv_text(h)))?;
        for row in &self.rows {
            writer.write_record(row.iter().map(csv_field))?;
        }
        writer.into_inner().map_err(|e| e.into_error().into())
    }

    /// The table as an XLSX workbook of one sheet, with a bold, frozen header row.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        let bold = Format::new().set_bold();
        let time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
        for (col, title) in (0u16..).zip(&self.header) {
            sheet.write_string_with_format(0, col, title, &bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (row, cells) in (1u32..).zip(&self.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                match cell {
                    Cell::Empty => {}
                    Cell::Text(text) => {
                        sheet.write_string(row, col, text)?;
                    }
                    Cell::Integer(n) => {
                        // Spreadsheets hold numbers as doubles; ids and counts fit.
                        sheet.write_number(row, col, *n as f64)?;
                    }
                    Cell::Decimal(x) => {
                        sheet.write_number(row, col, *x)?;
                    }
                    Cell::Time(at) => {
                        sheet.write_datetime_with_format(row, col, at.naive_local(), &time)?;
                    }
                }
            }
        }
        sheet.autofit();
        workbook.save_to_buffer()
    }
}

/// One cell's CSV text.
fn csv_field(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) => csv_text(text),
        Cell::Integer(n) => n.to_string(),
        Cell::Decimal(x) => x.to_string(),
        Cell::Time(at) => at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    }
}

/// Text that a spreadsheet program will not run as a formula: text starting with `=`,
/// `+`, `-`, `@`, tab or carriage return gets a leading apostrophe.
///
/// Two kinds of text are left as they are, because nothing in them can call a function
/// or reach a cell: plain numbers (such as -2 on the desirability scale) and phone
/// numbers in international form (`+47 22 24 90 90`: a plus, then only digits, spaces,
/// dashes and parentheses).
pub fn csv_text(value: &str) -> String {
    let number = value.parse::<f64>().is_ok_and(f64::is_finite);
    if number || is_phone_number(value) || !value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        value.to_string()
    } else {
        format!("'{value}")
    }
}

/// `+` followed by digits, spaces, dashes and parentheses only, with at least five digits.
fn is_phone_number(value: &str) -> bool {
    value.strip_prefix('+').is_some_and(|rest| {
        rest.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'))
            && rest.chars().filter(char::is_ascii_digit).count() >= 5
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_phone_numbers_are_not() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_text("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("-2"), "-2");
        assert_eq!(csv_text("+47 22 24 90 90"), "+47 22 24 90 90");
        assert_eq!(csv_text("+46 (0)8-123 45 67"), "+46 (0)8-123 45 67");
        assert_eq!(csv_text("+1+1"), "'+1+1");
        assert_eq!(csv_text("Region Skåne"), "Region Skåne");
    }

    #[test]
    fn csv_lines_end_in_crlf_and_keep_types_plain() {
        let at =
            chrono::TimeZone::with_ymd_and_hms(&chrono_tz::Europe::Stockholm, 2027, 3, 4, 9, 30, 0)
                .unwrap();
        let table = Table::new(
            vec!["Nr".into(), "Titel".into(), "Median".into(), "Tid".into()],
            vec![
                cells![7i64, "Åldrande befolkning", 2.5, at],
                cells![8i64, "", None::<f64>, None::<DateTime<Tz>>],
            ],
        );
        let text = String::from_utf8(table.to_csv().unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Nr,Titel,Median,Tid\r\n7,Åldrande befolkning,2.5,2027-03-04T09:30:00+01:00\r\n8,,,\r\n"
        );
    }
}
