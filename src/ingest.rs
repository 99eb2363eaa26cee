//! Reading input: folders walked for `*.txt`, files decoded as UTF-8 with line ends unified.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::text::Document;

/// Every `*.txt` file under the inputs (files given directly are taken whatever their name),
/// sorted, without repeats.
pub fn collect(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if input.is_dir() {
            for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
                match entry {
                    Ok(e)
                        if e.file_type().is_file()
                            && e.path().extension().is_some_and(|x| x == "txt") =>
                    {
                        files.push(e.into_path())
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let path = e
                            .path()
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|| input.clone());
                        errors.push(Error::io(path, e.into()));
                    }
                }
            }
        } else if input.exists() {
            files.push(input.clone());
        } else {
            errors.push(Error::io(
                input.clone(),
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            ));
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// Decodes bytes: UTF-8 (a BOM is kept, as text readers keep it), else Windows-1256 when that
/// gives Arabic text (said in the returned note); `\r\n` and `\r` → `\n`. A file with a NUL
/// byte is binary.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<(String, Option<String>)> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let (text, note) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_string(), None),
        Err(e) => {
            let offset = e.valid_up_to();
            let (t, _, bad) = encoding_rs::WINDOWS_1256.decode(bytes);
            let letters = t.chars().filter(|c| c.is_alphabetic()).count();
            let arabic = t
                .chars()
                .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
                .count();
            if bad || letters == 0 || arabic * 2 < letters {
                return Err(Error::Encoding {
                    path: path.to_path_buf(),
                    offset,
                });
            }
            (
                t.into_owned(),
                Some(format!(
                    "{}: not UTF-8 (byte {offset}); decoded as Windows-1256",
                    path.display()
                )),
            )
        }
    };
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok((text, note))
}

/// Reads one article file; the note says how it was decoded when that was not UTF-8.
pub fn read(path: &Path) -> Result<(Document, Option<String>)> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let (text, note) = decode(path, &bytes)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    Ok((Document::new(name, text), note))
}
