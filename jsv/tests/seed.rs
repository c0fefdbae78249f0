//! The pretty JSV samples of ServiceStack's metadata page for Evo Voice `AddConferenceMember`
//! (`schemas/evovoice/AddConferenceMember.metadata.txt`) come out byte for byte from structs holding
//! their values, and read back with `trim_whitespace`.

use indexmap::IndexMap;
use pretty_assertions::assert_eq;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
struct AddConferenceMember {
    session_id: Option<String>,
    call_sid: Option<String>,
    destination: Option<String>,
    from_number: Option<String>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
struct CustomerBreadcrumb {
    id: Option<String>,
    name: Option<String>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
struct SessionLogInfo {
    date: Option<String>,
    message: Option<String>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
enum SessionMemberCallState {
    #[default]
    None,
    Ringing,
    Connected,
    Hold,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
enum SessionMemberRoles {
    #[default]
    None,
    Caller,
    Agent,
    Transfer,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
struct SessionMemberInfo {
    identity: Option<String>,
    endpoint_id: Option<String>,
    display_name: Option<String>,
    is_original_member: bool,
    avatar_url: Option<String>,
    application_data: Option<IndexMap<String, String>>,
    call_state: SessionMemberCallState,
    role: SessionMemberRoles,
    call_sid: Option<String>,
    muted: bool,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
enum SessionDialState {
    #[default]
    None,
    Active,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
enum SessionCallState {
    #[default]
    Disconnected,
    Ringing,
    Connected,
    Hold,
    Passive,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
enum SessionQueueStates {
    #[default]
    None,
    Queued,
    Ringing,
    Connected,
    Hold,
    Disconnected,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
enum FlowChannels {
    #[default]
    Voice,
    Chat,
    Fax,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
enum SessionHoldReasons {
    #[default]
    None,
    Transferring,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
enum SessionDirections {
    #[default]
    Incoming,
    Outgoing,
}

/// `SessionInfo : EntityInfo`: its own members first, then the base class's (ServiceStack's order).
#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
struct SessionInfo {
    dial_state: SessionDialState,
    call_state: SessionCallState,
    queue_state: SessionQueueStates,
    account_id: Option<String>,
    account_name: Option<String>,
    customer_id: Option<String>,
    customer_breadcrumb: Option<Vec<CustomerBreadcrumb>>,
    customer_name: Option<String>,
    endpoint_id: Option<String>,
    endpoint_name: Option<String>,
    date_completed: Option<String>,
    destination: Option<String>,
    to_address: Option<String>,
    from_address: Option<String>,
    from_name: Option<String>,
    answered_by_name: Option<String>,
    queue_member_id: Option<String>,
    channel: FlowChannels,
    ended: bool,
    outcome: Option<String>,
    call_sid: Option<String>,
    console_data: Option<String>,
    hold_queue_name: Option<String>,
    held_by_user_id: Option<String>,
    hold_reason: SessionHoldReasons,
    conference_sid: Option<String>,
    display_name: Option<String>,
    log: Option<Vec<SessionLogInfo>>,
    members: Option<Vec<SessionMemberInfo>>,
    callback_number: Option<String>,
    answered_by_id: Option<String>,
    direction: SessionDirections,
    from_phone_number: Option<String>,
    most_recent_participant_call_sid: Option<String>,
    was_missed: bool,
    ring_queue_id: Option<String>,
    id: Option<String>,
    date_created: Option<String>,
    date_last_modified: Option<String>,
    created_by: Option<String>,
    last_modified_by: Option<String>,
}

/// The request and response samples of the page, as ServiceStack printed them.
fn samples() -> (String, String) {
    let page = include_str!("../../schemas/evovoice/AddConferenceMember.metadata.txt");
    let mut blocks = page.split("Content-Length: length\n\n").skip(1);
    let request = blocks.next().expect("request sample");
    let request = request.split("\nHTTP/1.1 200 OK").next().unwrap();
    let response = blocks.next().expect("response sample");
    (request.to_owned(), response.to_owned())
}

/// ServiceStack fills sample strings with the text `String` and leaves enums and bools at defaults.
fn placeholder() -> Option<String> {
    Some("String".to_owned())
}

fn sample_session() -> SessionInfo {
    SessionInfo {
        account_id: placeholder(),
        account_name: placeholder(),
        customer_id: placeholder(),
        customer_breadcrumb: Some(vec![CustomerBreadcrumb {
            id: placeholder(),
            name: placeholder(),
        }]),
        customer_name: placeholder(),
        endpoint_id: placeholder(),
        endpoint_name: placeholder(),
        date_completed: placeholder(),
        destination: placeholder(),
        to_address: placeholder(),
        from_address: placeholder(),
        from_name: placeholder(),
        answered_by_name: placeholder(),
        queue_member_id: placeholder(),
        outcome: placeholder(),
        call_sid: placeholder(),
        console_data: placeholder(),
        hold_queue_name: placeholder(),
        held_by_user_id: placeholder(),
        conference_sid: placeholder(),
        display_name: placeholder(),
        log: Some(vec![SessionLogInfo {
            date: placeholder(),
            message: placeholder(),
        }]),
        members: Some(vec![SessionMemberInfo {
            identity: placeholder(),
            endpoint_id: placeholder(),
            display_name: placeholder(),
            avatar_url: placeholder(),
            application_data: Some(IndexMap::from([("String".to_owned(), "String".to_owned())])),
            call_sid: placeholder(),
            ..Default::default()
        }]),
        callback_number: placeholder(),
        answered_by_id: placeholder(),
        from_phone_number: placeholder(),
        most_recent_participant_call_sid: placeholder(),
        ring_queue_id: placeholder(),
        id: placeholder(),
        date_created: placeholder(),
        date_last_modified: placeholder(),
        created_by: placeholder(),
        last_modified_by: placeholder(),
        ..Default::default()
    }
}

fn decode_pretty<'de, T: Deserialize<'de>>(text: &'de str) -> T {
    let mut de = jsv::Deserializer::from_str(text).trim_whitespace(true);
    let value = T::deserialize(&mut de).expect("pretty sample decodes");
    de.end().expect("nothing after the sample");
    value
}

#[test]
fn request_sample_byte_for_byte() {
    let (request, _) = samples();
    let value = AddConferenceMember {
        session_id: placeholder(),
        call_sid: placeholder(),
        destination: placeholder(),
        from_number: placeholder(),
    };
    assert_eq!(jsv::to_string_pretty(&value).unwrap(), request);
    assert_eq!(decode_pretty::<AddConferenceMember>(&request), value);
}

#[test]
fn response_sample_byte_for_byte() {
    let (_, response) = samples();
    let value = sample_session();
    assert_eq!(jsv::to_string_pretty(&value).unwrap(), response);
    assert_eq!(decode_pretty::<SessionInfo>(&response), value);
    // The compact form is what the formatter was given.
    assert_eq!(jsv::format(&jsv::to_string(&value).unwrap()), response);
}

#[test]
fn pretty_sample_needs_trim_whitespace() {
    let (request, _) = samples();
    // Without the option, whitespace after `:` is data, as in ServiceStack.
    let exact: AddConferenceMember = jsv::from_str(&request).unwrap();
    assert_eq!(exact.session_id.as_deref(), Some(" String"));
}
