//! Workspace-level tests: DTOs generated from `schemas/` by `dto-codegen` in `build.rs`,
//! checked against the real Evo Voice samples (see `tests/*.rs`).

/// DTOs generated from `schemas/evovoice/types-metadata.json` (the real server's
/// `/types/metadata`, every operation).
#[allow(missing_docs)]
pub mod metadata {
    include!(concat!(env!("OUT_DIR"), "/evovoice_metadata.rs"));
}

/// DTOs generated from the seed page `schemas/evovoice/AddConferenceMember.metadata.txt`
/// (`AddConferenceMember.*`).
#[allow(missing_docs)]
pub mod page {
    include!(concat!(env!("OUT_DIR"), "/evovoice_page.rs"));
}

/// DTOs generated from `schemas/evovoice/types-typescript.ts` (`/types/typescript`).
#[allow(missing_docs)]
pub mod typescript {
    include!(concat!(env!("OUT_DIR"), "/evovoice_typescript.rs"));
}

/// DTOs generated from `schemas/evovoice/types-typescript.d.ts` (`/types/typescript.d`).
#[allow(missing_docs)]
pub mod ambient {
    include!(concat!(env!("OUT_DIR"), "/evovoice_ambient.rs"));
}

/// DTOs generated from `schemas/evovoice/json-metadata-AddConferenceMember.html` (the real
/// server's metadata page as HTML).
#[allow(missing_docs)]
pub mod html {
    include!(concat!(env!("OUT_DIR"), "/evovoice_html.rs"));
}

/// DTOs generated from `codegen/tests/fixtures/emit/tricky.dtos.ts`: TypeScript with
/// union-type and flags enums, collection bases, arity-suffixed generics and keywords.
#[allow(missing_docs)]
pub mod tricky_ts {
    include!(concat!(env!("OUT_DIR"), "/tricky_ts.rs"));
}

/// DTOs generated from `codegen/tests/fixtures/metadata/app-v8.json`, a reconstructed
/// `/metadata/app.json` of a v8 AutoQuery app (built-ins defined by the document,
/// System.Text.Json escapes, `QueryDb<From, Into>`, `Task<byte[]>` responses, nested types).
#[allow(missing_docs)]
pub mod app_v8 {
    include!(concat!(env!("OUT_DIR"), "/app_v8.rs"));
}

/// DTOs generated from `codegen/tests/fixtures/metadata/rules.json`, a small document with
/// one case per generator rule: compiling it is the first test.
#[allow(missing_docs)]
pub mod rules {
    include!(concat!(env!("OUT_DIR"), "/rules.rs"));
}

/// DTOs generated from the `/types/metadata` that `tests/tests/server.rs`'s `dto-server` host
/// publishes (`fixtures/voice-host/types-metadata.json`).
#[allow(missing_docs)]
pub mod voice_host {
    include!(concat!(env!("OUT_DIR"), "/voice_host.rs"));
}

/// DTOs generated from the same host's `/types/typescript`
/// (`fixtures/voice-host/types-typescript.ts`).
#[allow(missing_docs)]
pub mod voice_host_ts {
    include!(concat!(env!("OUT_DIR"), "/voice_host_ts.rs"));
}

/// DTOs generated from `codegen/tests/fixtures/ts/generics.ts`: generic classes whose members
/// wrap their parameters in other generics, closed by a subclass and by responses.
#[allow(missing_docs)]
pub mod generics_ts {
    include!(concat!(env!("OUT_DIR"), "/generics_ts.rs"));
}

/// DTOs generated from `codegen/tests/fixtures/metadata/generics.json`: every generic shape of
/// the metadata document (arity clashes, nested closed arguments, open response definitions).
#[allow(missing_docs)]
pub mod generics_json {
    include!(concat!(env!("OUT_DIR"), "/generics_json.rs"));
}

/// DTOs generated from every file of `../shared/corpus` (real services), when it is there.
#[cfg(corpus)]
pub mod corpus {
    include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
}

/// DTOs generated from `codegen/tests/fixtures/csharp/voice.dtos.cs` (`/types/csharp` output).
#[allow(missing_docs)]
pub mod voice_cs {
    include!(concat!(env!("OUT_DIR"), "/voice_cs.rs"));
}

/// DTOs generated with `Config::type_attribute`, `field_attribute` and `extern_type`
/// (`ListSessions.*` of the Evo Voice metadata): `DateRange` is [`hooks::Span`], the user's own.
#[allow(missing_docs)]
pub mod hooks {
    include!(concat!(env!("OUT_DIR"), "/hooks.rs"));

    /// The user's type used for .NET `DateRange` (`Config::extern_type`).
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize, dto::Type)]
    #[serde(rename_all = "camelCase", default)]
    pub struct Span {
        /// Start.
        pub start: Option<String>,
        /// End.
        pub end: Option<String>,
    }
}

/// `EchoTypes` with .NET scalars as `String`s (`DotnetTypes::Strings`).
#[allow(missing_docs)]
pub mod echo_strings {
    include!(concat!(env!("OUT_DIR"), "/echo_strings.rs"));
}

/// `EchoTypes` with chrono's date-times and durations (`DotnetTypes::Chrono`).
#[allow(missing_docs)]
pub mod echo_chrono {
    include!(concat!(env!("OUT_DIR"), "/echo_chrono.rs"));
}

/// `EchoTypes` with the time crate's date-times and durations (`DotnetTypes::Time`).
#[allow(missing_docs)]
pub mod echo_time {
    include!(concat!(env!("OUT_DIR"), "/echo_time.rs"));
}
