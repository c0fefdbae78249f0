//! Metadata page (`/json/metadata?op=X`, flattened text or HTML) reader. Placeholder until the
//! readers' implementation lands: it reports the format as unsupported instead of guessing.

use crate::error::{Error, Result};
use crate::model::Schema;

/// Reads a metadata page (text or HTML) from `text`; `file` names the input in messages.
pub fn read(text: &str, file: &str) -> Result<Schema> {
    let _ = text;
    Err(Error::Format {
        file: file.to_string(),
        message:
            "the metadata page reader is not available yet; use the metadata JSON (/types/metadata)"
                .to_string(),
    })
}
