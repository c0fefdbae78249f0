//! Runtime support for ServiceStack DTOs (work in progress).
