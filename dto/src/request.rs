//! The request trait.

use serde::Serialize;

use crate::{ApiMember, Error, Route};

/// A ServiceStack request DTO: its operation name, routes, response type and API documentation.
///
/// Implemented by `#[derive(Dto)]` (see the [crate] docs); can also be implemented by hand.
pub trait Request: Serialize {
    /// The operation name, used by the pre-defined routes (`/json/reply/{NAME}`): the struct's name,
    /// or its `#[serde(rename = "..")]`.
    const NAME: &'static str;

    /// The `#[route]`s, in declaration order. Empty: only the pre-defined route.
    const ROUTES: &'static [Route] = &[];

    /// What the service returns: the `#[returns(T)]` type; `()` for `#[returns_void]` (which also
    /// implements [`ReturnsVoid`]); [`jsv::Value`] (any response, untyped) when the DTO declares
    /// neither, like a C# DTO without `IReturn<T>`.
    type Response;

    /// `#[authenticate]`: the service requires an authenticated session.
    const REQUIRES_AUTH: bool = false;

    /// `#[api(description = "..")]`: what the operation does.
    const DESCRIPTION: Option<&'static str> = None;

    /// One [`ApiMember`] per serialized field, in field order.
    const MEMBERS: &'static [ApiMember] = &[];

    /// The relative URL ServiceStack's clients call for this request sent with `verb`
    /// (case-insensitive): a route's path with its variables filled in, and for `GET`, `DELETE`,
    /// `HEAD` and `OPTIONS` the other set fields as the query string. The [crate] docs give the
    /// exact rules.
    fn to_url(&self, verb: &str) -> Result<String, Error> {
        crate::url::to_url(self, verb)
    }

    /// The [`ApiMember`] whose wire name is `wire_name` (compared case-insensitively).
    fn member(wire_name: &str) -> Option<&'static ApiMember>
    where
        Self: Sized,
    {
        Self::MEMBERS
            .iter()
            .find(|m| m.wire_name.eq_ignore_ascii_case(wire_name))
    }
}

/// A request that returns no response body (C#'s `IReturnVoid`); `#[returns_void]` implements it.
/// Its [`Request::Response`] is `()`.
pub trait ReturnsVoid: Request<Response = ()> {}
