//! ServiceStack's own DTOs that every service shares: the error shape ([`ResponseStatus`],
//! [`ResponseError`], [`ErrorResponse`]) and the authentication requests ([`Authenticate`],
//! [`GetAccessToken`]) with their responses.
//!
//! They serialize with camelCase names, as a camelCase ServiceStack host writes them, and read
//! both camelCase and PascalCase (JSV matches names ignoring case anyway; the aliases give JSON
//! the same tolerance).

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::Dto;

/// ServiceStack's error details: what a failed request's body carries under `responseStatus`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ResponseStatus {
    /// The error's code: the exception's type name (`ArgumentNullException`), or a code the
    /// service chose (`NotFound`, `CustomErrorCode`).
    #[serde(alias = "ErrorCode", skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The error's message.
    #[serde(alias = "Message", skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The server's stack trace (only when the host runs in debug mode).
    #[serde(alias = "StackTrace", skip_serializing_if = "Option::is_none")]
    pub stack_trace: Option<String>,
    /// One entry per invalid member (validation errors). `None` when the body has no `errors`
    /// member at all (ServiceStack leaves it out for some errors, writes `[]` for others).
    #[serde(alias = "Errors", skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ResponseError>>,
    /// Extra data the service attached.
    #[serde(alias = "Meta", skip_serializing_if = "Option::is_none")]
    pub meta: Option<IndexMap<String, String>>,
}

impl ResponseStatus {
    /// A status with this code and message, and no field errors.
    pub fn new(error_code: impl Into<String>, message: impl Into<String>) -> Self {
        ResponseStatus {
            error_code: Some(error_code.into()),
            message: Some(message.into()),
            ..ResponseStatus::default()
        }
    }

    /// The field errors; empty when there are none.
    pub fn field_errors(&self) -> &[ResponseError] {
        self.errors.as_deref().unwrap_or_default()
    }
}

/// One member's error inside a [`ResponseStatus`] (ServiceStack's `ResponseError`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ResponseError {
    /// The error's code (`NotEmpty`, `ArgumentNullException`, ...).
    #[serde(alias = "ErrorCode")]
    pub error_code: String,
    /// The member the error is about, as the request names it.
    #[serde(alias = "FieldName")]
    pub field_name: String,
    /// The error's message.
    #[serde(alias = "Message")]
    pub message: String,
    /// Extra data the service attached.
    #[serde(alias = "Meta", skip_serializing_if = "Option::is_none")]
    pub meta: Option<IndexMap<String, String>>,
}

/// The body of an error response whose request type has no `responseStatus` member of its own
/// (ServiceStack's `ErrorResponse`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ErrorResponse {
    /// The error.
    #[serde(alias = "ResponseStatus", skip_serializing_if = "Option::is_none")]
    pub response_status: Option<ResponseStatus>,
}

/// ServiceStack's `Authenticate` request: sign in with an auth provider (`credentials` for a
/// user name and password, `basic`, `apikey`, `jwt`, ...), or, sent with no provider, ask for
/// the current session. On success the server sets the session cookies (`ss-id`, `ss-pid`,
/// `ss-opt`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Dto)]
#[serde(rename_all = "camelCase", default)]
#[route("/auth", "GET,POST")]
#[route("/auth/{provider}", "GET,POST")]
#[returns(AuthenticateResponse)]
pub struct Authenticate {
    /// The auth provider's name: `credentials`, `basic`, `apikey`, `jwt`, `logout`, ...
    #[serde(alias = "Provider", skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The user name (or e-mail) for the `credentials` provider.
    #[serde(alias = "UserName", skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The password for the `credentials` provider.
    #[serde(alias = "Password", skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// Keep the session after the browser closes (`ss-opt=perm`).
    #[serde(alias = "RememberMe", skip_serializing_if = "Option::is_none")]
    pub remember_me: Option<bool>,
    /// A token for token-based providers (`apikey`, `jwt`, OAuth access tokens).
    #[serde(alias = "AccessToken", skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// The OAuth access token's secret.
    #[serde(alias = "AccessTokenSecret", skip_serializing_if = "Option::is_none")]
    pub access_token_secret: Option<String>,
    /// Where the server redirects after a browser sign-in.
    #[serde(alias = "ReturnUrl", skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    /// Extra data for the provider.
    #[serde(alias = "Meta", skip_serializing_if = "Option::is_none")]
    pub meta: Option<IndexMap<String, String>>,
}

/// What [`Authenticate`] returns: who signed in, the session id, and tokens when the host
/// issues them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AuthenticateResponse {
    /// The user's id.
    #[serde(alias = "UserId", skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The session's id (the `ss-id` or `ss-pid` cookie's value).
    #[serde(alias = "SessionId", skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// The user's name.
    #[serde(alias = "UserName", skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The user's display name.
    #[serde(alias = "DisplayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Where the sign-in came from.
    #[serde(alias = "ReferrerUrl", skip_serializing_if = "Option::is_none")]
    pub referrer_url: Option<String>,
    /// A JWT to send as `Authorization: Bearer` (hosts with a JWT provider).
    #[serde(alias = "BearerToken", skip_serializing_if = "Option::is_none")]
    pub bearer_token: Option<String>,
    /// A token that [`GetAccessToken`] exchanges for a new bearer token.
    #[serde(alias = "RefreshToken", skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// The user's avatar URL.
    #[serde(alias = "ProfileUrl", skip_serializing_if = "Option::is_none")]
    pub profile_url: Option<String>,
    /// The user's roles.
    #[serde(alias = "Roles", skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    /// The user's permissions.
    #[serde(alias = "Permissions", skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<String>>,
    /// The error, when there is one.
    #[serde(alias = "ResponseStatus", skip_serializing_if = "Option::is_none")]
    pub response_status: Option<ResponseStatus>,
    /// Extra data the provider attached.
    #[serde(alias = "Meta", skip_serializing_if = "Option::is_none")]
    pub meta: Option<IndexMap<String, String>>,
}

/// ServiceStack's `GetAccessToken` request (`POST /access-token`): exchange a refresh token for
/// a new bearer token (hosts with a JWT provider).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Dto)]
#[serde(rename_all = "camelCase", default)]
#[route("/access-token", "GET,POST")]
#[returns(GetAccessTokenResponse)]
pub struct GetAccessToken {
    /// The refresh token.
    #[serde(alias = "RefreshToken", skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// Return the new token in the `ss-tok` cookie instead of the body.
    #[serde(alias = "UseTokenCookie", skip_serializing_if = "Option::is_none")]
    pub use_token_cookie: Option<bool>,
    /// Extra data.
    #[serde(alias = "Meta", skip_serializing_if = "Option::is_none")]
    pub meta: Option<IndexMap<String, String>>,
}

/// What [`GetAccessToken`] returns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GetAccessTokenResponse {
    /// The new bearer token.
    #[serde(alias = "AccessToken", skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// Extra data.
    #[serde(alias = "Meta", skip_serializing_if = "Option::is_none")]
    pub meta: Option<IndexMap<String, String>>,
    /// The error, when there is one.
    #[serde(alias = "ResponseStatus", skip_serializing_if = "Option::is_none")]
    pub response_status: Option<ResponseStatus>,
}
