//! The seed's request, `AddConferenceMember` (`../shared/seed/000_1181d9f4521bbe85.txt`), written the
//! way the code generator writes DTOs: its metadata is what the seed documents, and its URL is the
//! seed's route.

use dto::{ApiMember, Request, Route};
use pretty_assertions::assert_eq;

/// The fields of the seed's `SessionInfo` response that this test needs.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct SessionInfo {
    /// The ID of the object
    #[serde(
        rename = "id",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub id: ::std::option::Option<::std::string::String>,
    /// The twilio Call SID of this session
    #[serde(
        rename = "callSid",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub call_sid: ::std::option::Option<::std::string::String>,
    /// Has the session ended
    #[serde(
        rename = "ended",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub ended: ::std::option::Option<bool>,
}

/// Converts the specified call into a conference call if necessary and dials the specified member.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize, dto::Dto)]
#[route("/sessions/{sessionId}/conference/members", "POST")]
#[api(
    description = "Converts the specified call into a conference call if necessary and dials the specified member."
)]
#[returns(SessionInfo)]
#[authenticate]
pub struct AddConferenceMember {
    /// The ID of the active session
    #[serde(
        rename = "sessionId",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    #[api_member(description = "The ID of the active session")]
    pub session_id: ::std::option::Option<::std::string::String>,
    /// The sid of the active call that is on the voice device
    #[serde(
        rename = "callSid",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    #[api_member(description = "The sid of the active call that is on the voice device")]
    pub call_sid: ::std::option::Option<::std::string::String>,
    /// The party to invite to the conference
    #[serde(
        rename = "destination",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    #[api_member(description = "The party to invite to the conference")]
    pub destination: ::std::option::Option<::std::string::String>,
    /// The FROM (caller ID) to use
    #[serde(
        rename = "fromNumber",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    #[api_member(description = "The FROM (caller ID) to use")]
    pub from_number: ::std::option::Option<::std::string::String>,
}

const DESCRIPTION: &str = "Converts the specified call into a conference call if necessary and dials the specified member.";

fn member(wire_name: &'static str, description: &'static str) -> ApiMember {
    ApiMember {
        name: wire_name,
        wire_name,
        description: Some(description),
        required: false,
        parameter_type: None,
        data_type: None,
    }
}

fn request() -> AddConferenceMember {
    AddConferenceMember {
        session_id: Some("5f1c2a9e7b3d4c60a1e2b3c4".into()),
        call_sid: Some("CA0123456789abcdef0123456789abcdef".into()),
        destination: Some("+15551234567".into()),
        from_number: Some("+15557654321".into()),
    }
}

#[test]
fn metadata_is_the_seeds() {
    assert_eq!(AddConferenceMember::NAME, "AddConferenceMember");
    assert_eq!(
        AddConferenceMember::ROUTES,
        &[Route {
            path: "/sessions/{sessionId}/conference/members",
            verbs: &["POST"]
        }]
    );
    const { assert!(AddConferenceMember::REQUIRES_AUTH) };
    assert_eq!(AddConferenceMember::DESCRIPTION, Some(DESCRIPTION));
    assert_eq!(
        AddConferenceMember::MEMBERS,
        &[
            member("sessionId", "The ID of the active session"),
            member(
                "callSid",
                "The sid of the active call that is on the voice device"
            ),
            member("destination", "The party to invite to the conference"),
            member("fromNumber", "The FROM (caller ID) to use"),
        ]
    );
    assert_eq!(
        AddConferenceMember::member("SESSIONID").unwrap().wire_name,
        "sessionId"
    );
    assert_eq!(AddConferenceMember::member("nope"), None);
}

#[test]
fn response_type_is_session_info() {
    fn response_of<T: Request>(_: &T) -> std::any::TypeId
    where
        T::Response: 'static,
    {
        std::any::TypeId::of::<T::Response>()
    }
    assert_eq!(
        response_of(&request()),
        std::any::TypeId::of::<SessionInfo>()
    );
}

#[test]
fn post_url_is_the_route_with_the_session_id() {
    assert_eq!(
        request().to_url("POST").unwrap(),
        "/sessions/5f1c2a9e7b3d4c60a1e2b3c4/conference/members"
    );
    // Verbs are case-insensitive; POST sends the rest in the body, so there is no query string.
    assert_eq!(
        request().to_url("post").unwrap(),
        "/sessions/5f1c2a9e7b3d4c60a1e2b3c4/conference/members"
    );
}

#[test]
fn missing_session_id_is_an_error_naming_it() {
    let request = AddConferenceMember {
        session_id: None,
        ..request()
    };
    let err = request.to_url("POST").unwrap_err();
    assert_eq!(err.missing_variables(), ["sessionId"]);
    let message = err.to_string();
    assert!(message.contains("sessionId"), "{message}");
    assert_eq!(
        message,
        "AddConferenceMember: no route allowing POST has all its variables set \
         (`/sessions/{sessionId}/conference/members` needs sessionId)"
    );
    assert!(matches!(
        err,
        dto::Error::MissingRouteVariables {
            request: "AddConferenceMember",
            ..
        }
    ));
}

#[test]
fn other_verbs_use_the_predefined_route() {
    // The only route is POST-only, so GET goes to /json/reply with every set field in the query.
    assert_eq!(
        request().to_url("GET").unwrap(),
        "/json/reply/AddConferenceMember?sessionId=5f1c2a9e7b3d4c60a1e2b3c4\
         &callSid=CA0123456789abcdef0123456789abcdef&destination=%2B15551234567&fromNumber=%2B15557654321"
    );
    assert_eq!(
        request().to_url("PUT").unwrap(),
        "/json/reply/AddConferenceMember"
    );
}

#[test]
fn body_is_the_seeds_jsv_shape() {
    assert_eq!(
        jsv::to_string(&request()).unwrap(),
        "{sessionId:5f1c2a9e7b3d4c60a1e2b3c4,callSid:CA0123456789abcdef0123456789abcdef,\
         destination:+15551234567,fromNumber:+15557654321}"
    );
}

/// Reads the seed page itself and checks the DTO against what it documents, when `../shared` is there.
#[test]
fn metadata_matches_the_seed_file() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/seed/000_1181d9f4521bbe85.txt"
    );
    let Ok(seed) = std::fs::read_to_string(path) else {
        println!("skipped: the seed {path} is not there (../shared is absent)");
        return;
    };
    // "Requires Authentication" and the route list at the top of the page.
    assert!(seed.contains("\nRequires Authentication\n"));
    let routes: Vec<&str> = seed
        .lines()
        .skip_while(|l| !l.starts_with("The following routes are available"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect();
    let ours: Vec<String> = AddConferenceMember::ROUTES
        .iter()
        .flat_map(|r| r.verbs.iter().map(move |v| format!("{v}{}", r.path)))
        .collect();
    assert_eq!(routes, ours);

    // The TypeScript class: `// @Api(Description=..)` before it, `// @ApiMember(Description=..)` and
    // `public name?: type;` for each property.
    let class_start = seed
        .find("export class AddConferenceMember")
        .expect("the class");
    let before = &seed[..class_start];
    let api = before
        .lines()
        .rev()
        .find(|l| l.starts_with("// @Api("))
        .expect("@Api");
    assert_eq!(api, format!("// @Api(Description=\"{DESCRIPTION}\")"));
    let body = &seed[class_start..];
    let body = &body[..body.find("\n}").unwrap()];
    let mut documented = Vec::new();
    let mut description = None;
    for line in body.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("// @ApiMember(Description=\"") {
            description = Some(rest.trim_end_matches("\")").to_owned());
        } else if let Some((name, _)) = line
            .strip_prefix("public ")
            .filter(|r| !r.starts_with("constructor"))
            .and_then(|r| r.split_once("?:"))
        {
            documented.push((name.to_owned(), description.take()));
        }
    }
    let ours: Vec<(String, Option<String>)> = AddConferenceMember::MEMBERS
        .iter()
        .map(|m| (m.wire_name.to_owned(), m.description.map(str::to_owned)))
        .collect();
    assert_eq!(documented, ours);
}
