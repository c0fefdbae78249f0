//! ServiceStack metadata JSON reader (`/types/metadata`, `/metadata/app.json`).

use crate::error::{Error, Result};
use crate::model::Schema;

/// Reads a metadata JSON document from `text`; `file` names the input in messages.
pub fn read(text: &str, file: &str) -> Result<Schema> {
    let _ = text;
    Err(Error::Format {
        file: file.to_string(),
        message: "metadata JSON reader in progress".to_string(),
    })
}
