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

/// Decodes bytes: UTF-8 (a BOM is kept, as text readers keep it), `\r\n` and `\r` → `\n`.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::Encoding {
        path: path.to_path_buf(),
        offset: e.valid_up_to(),
    })?;
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(text)
}

/// Reads one article file.
pub fn read(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = decode(path, &bytes)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    Ok(Document::new(name, text))
}
