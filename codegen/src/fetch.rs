//! Fetching metadata from a running ServiceStack service (feature `fetch`; without it a URL
//! input is an [`Error::Fetch`] saying so).

#[cfg(feature = "fetch")]
use std::time::Duration;

use crate::error::{Error, Result};

/// The largest document accepted (ServiceStack metadata of ~1,000 types is a few MB).
#[cfg(feature = "fetch")]
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Time allowed for connecting, and for the whole exchange.
#[cfg(feature = "fetch")]
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Time allowed for the whole request, body included.
#[cfg(feature = "fetch")]
pub const TOTAL_TIMEOUT: Duration = Duration::from_secs(60);

/// Whether `input` is an `http://` or `https://` URL.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The URL to request for `input`: a service's base URL gets `/types/metadata` appended; a URL
/// that already names a document (`/types/...`, `/metadata...`, `/json/metadata`, a file
/// with an extension, or one with a query string) is used as given.
pub fn metadata_url(input: &str) -> String {
    let trimmed = input.trim_end_matches('/');
    let path = trimmed
        .split_once("://")
        .map(|(_, rest)| rest.split_once('/').map_or("", |(_, p)| p))
        .unwrap_or("");
    let last = path.rsplit('/').next().unwrap_or("");
    if path.contains("types/")
        || path.contains("metadata")
        || input.contains('?')
        || last.contains('.')
    {
        input.to_string()
    } else {
        format!("{trimmed}/types/metadata")
    }
}

/// GETs `url` (see [`metadata_url`]) and returns the body as text.
///
/// Errors (connection refused, timeout, HTTP status other than 2xx, a body over
/// [`MAX_BYTES`], invalid UTF-8) name the URL.
#[cfg(feature = "fetch")]
pub fn fetch(input: &str) -> Result<String> {
    let url = metadata_url(input);
    let fail = |message: String| Error::Fetch {
        url: url.clone(),
        message,
    };
    let config = ureq::Agent::config_builder()
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_global(Some(TOTAL_TIMEOUT))
        .http_status_as_error(false)
        .max_redirects(5)
        .user_agent(concat!("dtogen/", env!("CARGO_PKG_VERSION")))
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let mut response = agent
        .get(&url)
        .header("Accept", "application/json, text/plain;q=0.9, */*;q=0.5")
        .call()
        .map_err(|e| fail(describe(&e)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(fail(format!(
            "HTTP {}{}",
            status.as_u16(),
            status
                .canonical_reason()
                .map(|r| format!(" {r}"))
                .unwrap_or_default()
        )));
    }
    response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_string()
        .map_err(|e| fail(describe(&e)))
}

/// Without the `fetch` feature: an error saying how to get it.
#[cfg(not(feature = "fetch"))]
pub fn fetch(input: &str) -> Result<String> {
    Err(Error::Fetch {
        url: metadata_url(input),
        message: "dto-codegen was built without its `fetch` feature; enable it to read URLs"
            .to_owned(),
    })
}

#[cfg(feature = "fetch")]
fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(what) => format!("timed out ({what})"),
        ureq::Error::BodyExceedsLimit(limit) => {
            format!("response larger than {limit} bytes; refusing to read it")
        }
        ureq::Error::Io(io) => format!("connection failed: {io}"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_get_the_metadata_path() {
        assert_eq!(
            metadata_url("https://x.io/api/"),
            "https://x.io/api/types/metadata"
        );
        assert_eq!(metadata_url("http://x.io"), "http://x.io/types/metadata");
        assert_eq!(
            metadata_url("http://x.io/types/metadata"),
            "http://x.io/types/metadata"
        );
        assert_eq!(
            metadata_url("http://x.io/types/typescript"),
            "http://x.io/types/typescript"
        );
        assert_eq!(
            metadata_url("http://x.io/json/metadata?op=A"),
            "http://x.io/json/metadata?op=A"
        );
        assert!(is_url("HTTPS://x") && !is_url("schemas/x.json"));
    }
}

#[cfg(all(test, not(feature = "fetch")))]
mod without_fetch {
    #[test]
    fn urls_need_the_fetch_feature() {
        let error = super::fetch("http://127.0.0.1:1/").unwrap_err();
        let text = error.to_string();
        assert!(text.contains("`fetch` feature"), "{text}");
        assert!(text.contains("http://127.0.0.1:1/types/metadata"), "{text}");
    }
}
