//! The methods of both clients, written once: `client_methods!()` expands them for the blocking
//! [`Client`](crate::Client) and `client_methods!(async, .await)` for the
//! [`AsyncClient`](crate::AsyncClient). Each plans a call in [`Shared`](crate::session::Shared),
//! runs it with the client's own `execute`, and reads the reply there too.

macro_rules! client_methods {
    ($($async:ident)? $(, $($await:tt)+)?) => {
        /// A builder for a client of the service at `base_url` (`http://host:port`, with an
        /// optional path the routes are relative to).
        pub fn builder(base_url: &str) -> $crate::ClientBuilder<Self> {
            $crate::ClientBuilder::new(base_url)
        }

        /// A client speaking JSV (`application/jsv`) to the service at `base_url`.
        pub fn jsv(base_url: &str) -> $crate::Result<Self> {
            Self::builder(base_url).format($crate::Format::Jsv).build()
        }

        /// A client speaking JSON (`application/json`) to the service at `base_url`.
        pub fn json(base_url: &str) -> $crate::Result<Self> {
            Self::builder(base_url).format($crate::Format::Json).build()
        }

        /// The format requests are written in.
        pub fn format(&self) -> $crate::Format {
            self.shared.config.format
        }

        /// The base URL every path is relative to (without a trailing `/`).
        pub fn base_url(&self) -> &str {
            &self.shared.config.base_url
        }

        /// Sends `request` to its own route: the first `#[route]` (in declaration order) whose
        /// variables are all set, with that route's first verb (`POST` when it lists none or
        /// `ANY`; a `GET` or `DELETE` route puts the other fields in the query string). Without
        /// such a route, `POST /{format}/reply/{Name}`.
        ///
        /// ServiceStack's C# clients' `Send` always posts to the pre-defined route; use
        /// [`ClientBuilder::predefined_routes`](crate::ClientBuilder::predefined_routes) for
        /// that.
        pub $($async)? fn send<R>(&self, request: &R) -> $crate::Result<R::Response>
        where
            R: ::dto::Request,
            R::Response: ::serde::de::DeserializeOwned,
        {
            let reply = self.execute(self.shared.plan_send(request)?)$($($await)+)??;
            self.shared.decode(reply)
        }

        /// [`send`](Self::send) for a request without a response (`#[returns_void]`): any 2xx
        /// (`204 No Content`, an empty body, or a body, which is ignored) is `Ok(())`.
        pub $($async)? fn send_void<R: ::dto::ReturnsVoid>(&self, request: &R) -> $crate::Result<()> {
            let reply = self.execute(self.shared.plan_send(request)?)$($($await)+)??;
            self.shared.decode_void(reply)
        }

        /// `GET` `request`: the route [`Request::to_url`](dto::Request::to_url) chooses, its
        /// other fields in the query string (lists and objects as JSV); the pre-defined route
        /// when no route allows `GET`.
        pub $($async)? fn get<R>(&self, request: &R) -> $crate::Result<R::Response>
        where
            R: ::dto::Request,
            R::Response: ::serde::de::DeserializeOwned,
        {
            self.verb("GET", request)$($($await)+)?
        }

        /// `POST` `request` as the body, to the route that allows `POST` (else the
        /// pre-defined route).
        pub $($async)? fn post<R>(&self, request: &R) -> $crate::Result<R::Response>
        where
            R: ::dto::Request,
            R::Response: ::serde::de::DeserializeOwned,
        {
            self.verb("POST", request)$($($await)+)?
        }

        /// `PUT` `request` as the body, to the route that allows `PUT` (else the pre-defined
        /// route).
        pub $($async)? fn put<R>(&self, request: &R) -> $crate::Result<R::Response>
        where
            R: ::dto::Request,
            R::Response: ::serde::de::DeserializeOwned,
        {
            self.verb("PUT", request)$($($await)+)?
        }

        /// `PATCH` `request` as the body, to the route that allows `PATCH` (else the
        /// pre-defined route).
        pub $($async)? fn patch<R>(&self, request: &R) -> $crate::Result<R::Response>
        where
            R: ::dto::Request,
            R::Response: ::serde::de::DeserializeOwned,
        {
            self.verb("PATCH", request)$($($await)+)?
        }

        /// `DELETE` `request`, its fields in the path and query string, to the route that allows
        /// `DELETE` (else the pre-defined route).
        pub $($async)? fn delete<R>(&self, request: &R) -> $crate::Result<R::Response>
        where
            R: ::dto::Request,
            R::Response: ::serde::de::DeserializeOwned,
        {
            self.verb("DELETE", request)$($($await)+)?
        }

        $($async)? fn verb<R>(&self, verb: &'static str, request: &R) -> $crate::Result<R::Response>
        where
            R: ::dto::Request,
            R::Response: ::serde::de::DeserializeOwned,
        {
            let reply = self.execute(self.shared.plan_verb(verb, request)?)$($($await)+)??;
            self.shared.decode(reply)
        }

        /// ServiceStack's auto-batched requests: every request in one
        /// `POST /{format}/reply/{Name}[]`, the responses in the same order.
        pub $($async)? fn send_all<R>(&self, requests: &[R]) -> $crate::Result<Vec<R::Response>>
        where
            R: ::dto::Request,
            R::Response: ::serde::de::DeserializeOwned,
        {
            let reply = self.execute(self.shared.plan_batch(requests)?)$($($await)+)??;
            self.shared.decode(reply)
        }

        /// A one-way request: `POST /{format}/oneway/{Name}`; whatever the service answers with
        /// a 2xx is discarded.
        pub $($async)? fn publish<R: ::dto::Request>(&self, request: &R) -> $crate::Result<()> {
            let reply = self.execute(self.shared.plan_oneway(request)?)$($($await)+)??;
            self.shared.decode_void(reply)
        }

        /// Signs in with ServiceStack's `Authenticate` request (`POST /auth/{provider}`, or
        /// `/{format}/reply/Authenticate` with pre-defined routes, as the C# clients post it):
        /// `provider` is `credentials` for a user name and password. The session cookies the
        /// server sets (`ss-id`, `ss-pid`, `ss-opt`) are sent on every later request, and a
        /// bearer or refresh token in the response is used from then on.
        pub $($async)? fn authenticate(
            &self,
            provider: &str,
            user_name: &str,
            password: &str,
        ) -> $crate::Result<::dto::AuthenticateResponse> {
            let request = ::dto::Authenticate {
                provider: Some(provider.to_owned()),
                user_name: Some(user_name.to_owned()),
                password: Some(password.to_owned()),
                ..::dto::Authenticate::default()
            };
            let response = self.post(&request)$($($await)+)??;
            self.shared.signed_in(&response);
            Ok(response)
        }

        /// `GET` a URL outside the DTOs: `path` relative to the base URL (or absolute), the
        /// response read as `T` by its Content-Type.
        pub $($async)? fn get_url<T: ::serde::de::DeserializeOwned>(&self, path: &str) -> $crate::Result<T> {
            let call = self.shared.plan_url::<()>("GET", path, None)?;
            let reply = self.execute(call)$($($await)+)??;
            self.shared.decode(reply)
        }

        /// Sends `body` with `verb` to a URL outside the DTOs: in the body for `POST`, `PUT`
        /// and `PATCH`; as the query string for `GET` and `DELETE`.
        pub $($async)? fn send_url<T, B>(&self, verb: &str, path: &str, body: &B) -> $crate::Result<T>
        where
            T: ::serde::de::DeserializeOwned,
            B: ::serde::Serialize + ?Sized,
        {
            let call = self.shared.plan_url(verb, path, Some(body))?;
            let reply = self.execute(call)$($($await)+)??;
            self.shared.decode(reply)
        }

        /// Sends `Authorization: Bearer {token}` from now on (`None`: stop sending it).
        pub fn set_bearer_token(&self, token: Option<String>) {
            self.shared.state().bearer_token = token;
        }

        /// The bearer token sent, if any (set, signed in, or refreshed).
        pub fn bearer_token(&self) -> Option<String> {
            self.shared.state().bearer_token.clone()
        }

        /// The refresh token used on a 401 (see
        /// [`ClientBuilder::refresh_token`](crate::ClientBuilder::refresh_token)).
        pub fn set_refresh_token(&self, token: Option<String>) {
            self.shared.state().refresh_token = token;
        }

        /// HTTP Basic credentials (see
        /// [`ClientBuilder::basic_auth`](crate::ClientBuilder::basic_auth)).
        pub fn set_credentials(&self, user_name: &str, password: &str) {
            self.shared.state().credentials = Some((user_name.to_owned(), password.to_owned()));
        }

        /// The value of the cookie `name` the client holds (`ss-id`, `ss-pid`, `ss-opt`, ...).
        pub fn cookie(&self, name: &str) -> Option<String> {
            self.shared.state().cookies.get(name).map(str::to_owned)
        }

        /// Holds cookie `name` with `value`, sent from the next request on.
        pub fn set_cookie(&self, name: &str, value: &str) {
            self.shared.state().cookies.set(name, value);
        }

        /// Forgets every cookie (signs out of a cookie session).
        pub fn clear_cookies(&self) {
            self.shared.state().cookies.clear();
        }
    };
}

pub(crate) use client_methods;
