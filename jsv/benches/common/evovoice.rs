//! The Evo Voice `SessionInfo` records (the seed service's response type) and a deterministic generator
//! for them, shared by the benchmarks, the callgrind example, the summary tool and the borrow test.
//!
//! The types follow the service's TypeScript DTOs: camelCase wire names, unit enums written by name,
//! nullable strings and lists as `Option`, and `EntityInfo`'s members after `SessionInfo`'s own (as
//! ServiceStack writes a subclass's properties before its base class's). `None` members are skipped by
//! serde_json as well, as ServiceStack's JSON does, so both formats carry the same members.

use std::borrow::Cow;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Whether the session's dialer is running.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionDialState {
    /// Not dialing.
    None,
    /// Dialing.
    Active,
}

/// The call's state.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionCallState {
    /// Hung up.
    Disconnected,
    /// Ringing.
    Ringing,
    /// Talking.
    Connected,
    /// On hold.
    Hold,
    /// Observed only.
    Passive,
}

/// The session's state in a queue.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionQueueStates {
    /// Not queued.
    None,
    /// Waiting in a queue.
    Queued,
    /// Ringing an agent.
    Ringing,
    /// Connected to an agent.
    Connected,
    /// On hold.
    Hold,
    /// Left the queue.
    Disconnected,
}

/// The channel a flow runs on.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowChannels {
    /// Phone call.
    Voice,
    /// Chat or SMS.
    Chat,
    /// Fax.
    Fax,
}

/// Why a session is on hold.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionHoldReasons {
    /// No particular reason.
    None,
    /// Being transferred.
    Transferring,
}

/// A member's call state.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionMemberCallState {
    /// No call.
    None,
    /// Ringing.
    Ringing,
    /// Talking.
    Connected,
    /// On hold.
    Hold,
}

/// A member's role in the session.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionMemberRoles {
    /// No role.
    None,
    /// The caller.
    Caller,
    /// An agent.
    Agent,
    /// A transfer target.
    Transfer,
}

/// Incoming or outgoing.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionDirections {
    /// Incoming call.
    Incoming,
    /// Outgoing call.
    Outgoing,
}

/// One step of the customer hierarchy.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CustomerBreadcrumb {
    /// Customer ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Customer name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// One log line of a session.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SessionLogInfo {
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// A party to the session.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SessionMemberInfo {
    /// Twilio client identity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    /// The member's endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint_id: Option<String>,
    /// Shown name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Whether the member started the session.
    pub is_original_member: bool,
    /// Avatar image URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// Free-form data attached by the application.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_data: Option<IndexMap<String, String>>,
    /// The member's call state.
    pub call_state: SessionMemberCallState,
    /// The member's role.
    pub role: SessionMemberRoles,
    /// Twilio call SID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_sid: Option<String>,
    /// Whether muted.
    pub muted: bool,
}

/// A call or chat session (`SessionInfo : EntityInfo`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    /// Dialer state.
    pub dial_state: SessionDialState,
    /// Call state.
    pub call_state: SessionCallState,
    /// Queue state.
    pub queue_state: SessionQueueStates,
    /// Account ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// Account name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_name: Option<String>,
    /// Customer ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// Customer hierarchy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_breadcrumb: Option<Vec<CustomerBreadcrumb>>,
    /// Customer name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_name: Option<String>,
    /// Endpoint ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint_id: Option<String>,
    /// Endpoint name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint_name: Option<String>,
    /// When the call completed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_completed: Option<String>,
    /// What was dialed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// To address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_address: Option<String>,
    /// From address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_address: Option<String>,
    /// From name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_name: Option<String>,
    /// Who answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_by_name: Option<String>,
    /// Assigned queue member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_member_id: Option<String>,
    /// Flow channel.
    pub channel: FlowChannels,
    /// Whether the session ended.
    pub ended: bool,
    /// Outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Twilio call SID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_sid: Option<String>,
    /// Console data (a JSON blob, so it holds quotes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub console_data: Option<String>,
    /// Hold queue name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hold_queue_name: Option<String>,
    /// Who put the call on hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_by_user_id: Option<String>,
    /// Hold reason.
    pub hold_reason: SessionHoldReasons,
    /// Conference SID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conference_sid: Option<String>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Log entries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log: Option<Vec<SessionLogInfo>>,
    /// Members.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<SessionMemberInfo>>,
    /// Callback number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_number: Option<String>,
    /// Endpoint that answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_by_id: Option<String>,
    /// Direction.
    pub direction: SessionDirections,
    /// Originating phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_phone_number: Option<String>,
    /// Most recent participant's call SID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub most_recent_participant_call_sid: Option<String>,
    /// Whether missed.
    pub was_missed: bool,
    /// Ring queue ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ring_queue_id: Option<String>,
    /// `EntityInfo.id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `EntityInfo.dateCreated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<String>,
    /// `EntityInfo.dateLastModified`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_last_modified: Option<String>,
    /// `EntityInfo.createdBy`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    /// `EntityInfo.lastModifiedBy`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_by: Option<String>,
}

/// [`CustomerBreadcrumb`] borrowing its text from the input.
#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct CustomerBreadcrumbRef<'a> {
    /// Customer ID.
    pub id: Option<&'a str>,
    /// Customer name.
    pub name: Option<&'a str>,
}

/// [`SessionLogInfo`] borrowing its text from the input; the message may hold quotes, hence `Cow`.
#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct SessionLogInfoRef<'a> {
    /// When.
    pub date: Option<&'a str>,
    /// What happened.
    #[serde(borrow, default)]
    pub message: Cow<'a, str>,
}

/// [`SessionMemberInfo`] borrowing its text from the input.
#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct SessionMemberInfoRef<'a> {
    /// Twilio client identity.
    pub identity: Option<&'a str>,
    /// The member's endpoint.
    pub endpoint_id: Option<&'a str>,
    /// Shown name.
    pub display_name: Option<&'a str>,
    /// Whether the member started the session.
    pub is_original_member: bool,
    /// Avatar image URL.
    pub avatar_url: Option<&'a str>,
    /// Free-form data attached by the application.
    #[serde(borrow)]
    pub application_data: Option<IndexMap<&'a str, &'a str>>,
    /// The member's call state.
    pub call_state: SessionMemberCallState,
    /// The member's role.
    pub role: SessionMemberRoles,
    /// Twilio call SID.
    pub call_sid: Option<&'a str>,
    /// Whether muted.
    pub muted: bool,
}

/// [`SessionInfo`] borrowing its text from the input: `&str` where the text never needs unescaping,
/// `Cow<str>` where it may (free text and the console data JSON blob).
///
/// The `Cow` members are not `Option`s because serde borrows only into a bare `Cow<str>` member
/// (`#[serde(borrow)]` on `Option<Cow<str>>` still allocates); absent reads as empty.
#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfoRef<'a> {
    /// Dialer state.
    pub dial_state: SessionDialState,
    /// Call state.
    pub call_state: SessionCallState,
    /// Queue state.
    pub queue_state: SessionQueueStates,
    /// Account ID.
    pub account_id: Option<&'a str>,
    /// Account name.
    #[serde(borrow, default)]
    pub account_name: Cow<'a, str>,
    /// Customer ID.
    pub customer_id: Option<&'a str>,
    /// Customer hierarchy.
    #[serde(borrow)]
    pub customer_breadcrumb: Option<Vec<CustomerBreadcrumbRef<'a>>>,
    /// Customer name.
    #[serde(borrow, default)]
    pub customer_name: Cow<'a, str>,
    /// Endpoint ID.
    pub endpoint_id: Option<&'a str>,
    /// Endpoint name.
    pub endpoint_name: Option<&'a str>,
    /// When the call completed.
    pub date_completed: Option<&'a str>,
    /// What was dialed.
    pub destination: Option<&'a str>,
    /// To address.
    pub to_address: Option<&'a str>,
    /// From address.
    pub from_address: Option<&'a str>,
    /// From name.
    pub from_name: Option<&'a str>,
    /// Who answered.
    pub answered_by_name: Option<&'a str>,
    /// Assigned queue member.
    pub queue_member_id: Option<&'a str>,
    /// Flow channel.
    pub channel: FlowChannels,
    /// Whether the session ended.
    pub ended: bool,
    /// Outcome.
    pub outcome: Option<&'a str>,
    /// Twilio call SID.
    pub call_sid: Option<&'a str>,
    /// Console data (a JSON blob with quotes: owned in both formats).
    #[serde(borrow, default)]
    pub console_data: Cow<'a, str>,
    /// Hold queue name.
    pub hold_queue_name: Option<&'a str>,
    /// Who put the call on hold.
    pub held_by_user_id: Option<&'a str>,
    /// Hold reason.
    pub hold_reason: SessionHoldReasons,
    /// Conference SID.
    pub conference_sid: Option<&'a str>,
    /// Display name.
    pub display_name: Option<&'a str>,
    /// Log entries.
    #[serde(borrow)]
    pub log: Option<Vec<SessionLogInfoRef<'a>>>,
    /// Members.
    #[serde(borrow)]
    pub members: Option<Vec<SessionMemberInfoRef<'a>>>,
    /// Callback number.
    pub callback_number: Option<&'a str>,
    /// Endpoint that answered.
    pub answered_by_id: Option<&'a str>,
    /// Direction.
    pub direction: SessionDirections,
    /// Originating phone number.
    pub from_phone_number: Option<&'a str>,
    /// Most recent participant's call SID.
    pub most_recent_participant_call_sid: Option<&'a str>,
    /// Whether missed.
    pub was_missed: bool,
    /// Ring queue ID.
    pub ring_queue_id: Option<&'a str>,
    /// `EntityInfo.id`.
    pub id: Option<&'a str>,
    /// `EntityInfo.dateCreated`.
    pub date_created: Option<&'a str>,
    /// `EntityInfo.dateLastModified`.
    pub date_last_modified: Option<&'a str>,
    /// `EntityInfo.createdBy`.
    pub created_by: Option<&'a str>,
    /// `EntityInfo.lastModifiedBy`.
    pub last_modified_by: Option<&'a str>,
}

/// xorshift64*: deterministic, dependency-free, good enough to vary test data.
pub struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One item of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    /// `len` lowercase hex digits, like Evo Voice's IDs.
    pub fn hex(&mut self, len: usize) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        (0..len)
            .map(|_| DIGITS[self.below(16) as usize] as char)
            .collect()
    }

    /// A Twilio SID: a two-letter prefix and 32 hex digits.
    pub fn sid(&mut self, prefix: &str) -> String {
        format!("{prefix}{}", self.hex(32))
    }

    /// A North American phone number in E.164 form.
    pub fn phone(&mut self) -> String {
        format!("+1{}555{:04}", 200 + self.below(800), self.below(10_000))
    }

    /// An ISO 8601 UTC timestamp in 2024.
    pub fn date(&mut self) -> String {
        format!(
            "2024-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            1 + self.below(12),
            1 + self.below(28),
            self.below(24),
            self.below(60),
            self.below(60)
        )
    }
}

const FIRST: &[&str] = &[
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sofia", "Lucas", "Mia", "Ethan", "Zoë",
    "José",
];
const LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "O'Brien",
    "Nguyen",
    "Müller",
];
const COMPANY: &[&str] = &[
    "Acme Plumbing, Inc.",
    "Blue Sky Dental",
    "Northwind Traders",
    "Contoso Pharmacy",
    "Fabrikam Legal Group, LLP",
    "Summit Roofing",
];
const QUEUES: &[&str] = &[
    "Sales",
    "Support",
    "Billing",
    "After Hours",
    "Spanish Support",
];
const OUTCOMES: &[&str] = &[
    "Answered",
    "Voicemail",
    "Abandoned",
    "Transferred",
    "Completed",
];
const MESSAGES: &[&str] = &[
    "Call started",
    "Ringing 3 agents, timeout 20s",
    "Connected to agent",
    "Caller pressed 2, routed to queue Sales",
    "Hold music started, position 4 in queue",
    "Transferred to extension 204, warm transfer",
    "Voicemail recorded, 42 seconds",
    "Call ended by caller",
    "Note: customer asked for \"priority\" callback",
];
const SOURCES: &[&str] = &["web", "google-ads", "referral", "direct-mail", "facebook"];

/// One session record drawn from `rng`: realistic IDs, names, phone numbers, URLs, dates and messages.
pub fn session(rng: &mut Rng) -> SessionInfo {
    let account_id = rng.hex(32);
    let customer_id = rng.hex(32);
    let company = rng.pick(COMPANY).to_owned();
    let caller_first = rng.pick(FIRST);
    let caller_last = rng.pick(LAST);
    let caller = format!("{caller_first} {caller_last}");
    let caller_phone = rng.phone();
    let main_number = rng.phone();
    let ended = rng.chance(70);
    let incoming = rng.chance(75);
    let agent_first = rng.pick(FIRST);
    let agent_last = rng.pick(LAST);
    let agent = format!("{agent_first} {agent_last}");
    let agent_endpoint = rng.hex(32);
    let call_sid = rng.sid("CA");
    let breadcrumb = (0..1 + rng.below(3))
        .map(|i| CustomerBreadcrumb {
            id: Some(if i == 0 {
                customer_id.clone()
            } else {
                rng.hex(32)
            }),
            name: Some(if i == 0 {
                company.clone()
            } else {
                format!("{} Branch {}", rng.pick(QUEUES), i)
            }),
        })
        .collect();
    let log = (0..2 + rng.below(5))
        .map(|_| SessionLogInfo {
            date: Some(rng.date()),
            message: Some(rng.pick(MESSAGES).to_owned()),
        })
        .collect();
    let mut members = vec![SessionMemberInfo {
        identity: Some(format!("caller_{}", rng.hex(12))),
        endpoint_id: None,
        display_name: Some(caller.clone()),
        is_original_member: true,
        avatar_url: None,
        application_data: Some(IndexMap::from([
            ("crmContactId".to_owned(), rng.below(1_000_000).to_string()),
            ("source".to_owned(), rng.pick(SOURCES).to_owned()),
            (
                "landingPage".to_owned(),
                format!("https://www.example.com/offers/{}?utm=spring", rng.hex(6)),
            ),
        ])),
        call_state: SessionMemberCallState::Connected,
        role: SessionMemberRoles::Caller,
        call_sid: Some(call_sid.clone()),
        muted: false,
    }];
    for _ in 0..rng.below(3) {
        members.push(SessionMemberInfo {
            identity: Some(format!("agent_{}", rng.hex(12))),
            endpoint_id: Some(rng.hex(32)),
            display_name: Some(format!("{} {}", rng.pick(FIRST), rng.pick(LAST))),
            is_original_member: false,
            avatar_url: Some(format!(
                "https://cdn.evovoice.io/avatars/{}.png",
                rng.hex(16)
            )),
            application_data: Some(IndexMap::from([(
                "team".to_owned(),
                rng.pick(QUEUES).to_owned(),
            )])),
            call_state: if rng.chance(50) {
                SessionMemberCallState::Connected
            } else {
                SessionMemberCallState::Hold
            },
            role: if rng.chance(80) {
                SessionMemberRoles::Agent
            } else {
                SessionMemberRoles::Transfer
            },
            call_sid: Some(rng.sid("CA")),
            muted: rng.chance(10),
        });
    }
    let on_hold = !ended && rng.chance(20);
    let created = rng.date();
    SessionInfo {
        dial_state: if ended {
            SessionDialState::None
        } else {
            SessionDialState::Active
        },
        call_state: if ended {
            SessionCallState::Disconnected
        } else if on_hold {
            SessionCallState::Hold
        } else {
            SessionCallState::Connected
        },
        queue_state: if ended {
            SessionQueueStates::Disconnected
        } else {
            SessionQueueStates::Connected
        },
        account_id: Some(account_id),
        account_name: Some(company.clone()),
        customer_id: Some(customer_id),
        customer_breadcrumb: Some(breadcrumb),
        customer_name: Some(company),
        endpoint_id: Some(agent_endpoint.clone()),
        endpoint_name: Some(format!("{} Main Line", rng.pick(QUEUES))),
        date_completed: ended.then(|| rng.date()),
        destination: Some(if incoming {
            main_number.clone()
        } else {
            caller_phone.clone()
        }),
        to_address: Some(if incoming {
            main_number.clone()
        } else {
            caller_phone.clone()
        }),
        from_address: Some(if incoming {
            caller_phone.clone()
        } else {
            main_number.clone()
        }),
        from_name: Some(caller.clone()),
        answered_by_name: Some(agent),
        queue_member_id: rng.chance(60).then(|| rng.hex(32)),
        channel: if rng.chance(85) {
            FlowChannels::Voice
        } else {
            FlowChannels::Chat
        },
        ended,
        outcome: ended.then(|| rng.pick(OUTCOMES).to_owned()),
        call_sid: Some(call_sid),
        console_data: rng.chance(30).then(|| {
            format!(
                r#"{{"screen":"crm","ticket":{},"tags":["vip","renewal"]}}"#,
                rng.below(100_000)
            )
        }),
        hold_queue_name: on_hold.then(|| rng.pick(QUEUES).to_owned()),
        held_by_user_id: on_hold.then(|| rng.hex(32)),
        hold_reason: if on_hold {
            SessionHoldReasons::Transferring
        } else {
            SessionHoldReasons::None
        },
        conference_sid: (members.len() > 2).then(|| rng.sid("CF")),
        display_name: Some(format!("{caller} ({caller_phone})")),
        log: Some(log),
        members: Some(members),
        callback_number: Some(caller_phone.clone()),
        answered_by_id: Some(agent_endpoint),
        direction: if incoming {
            SessionDirections::Incoming
        } else {
            SessionDirections::Outgoing
        },
        from_phone_number: Some(caller_phone),
        most_recent_participant_call_sid: Some(rng.sid("CA")),
        was_missed: rng.chance(8),
        ring_queue_id: rng.chance(40).then(|| rng.hex(32)),
        id: Some(rng.hex(32)),
        date_created: Some(created.clone()),
        date_last_modified: Some(created),
        created_by: Some(rng.hex(32)),
        last_modified_by: Some(rng.hex(32)),
    }
}

/// Records whose compact JSV text is at least `target_bytes` long (at least one record), always the
/// same records for the same target.
pub fn sessions(target_bytes: usize) -> Vec<SessionInfo> {
    let mut rng = Rng::new(0x5eed_0000_0000_0001);
    let mut records = Vec::new();
    // `[`, `]` and the separating commas.
    let mut total = 2;
    while records.is_empty() || total < target_bytes {
        let record = session(&mut rng);
        total += jsv::to_string(&record).expect("records serialize").len() + 1;
        records.push(record);
    }
    records
}

/// The sizes the benchmarks use: a label and a target JSV text length (the smallest is one record,
/// about 2 KB).
pub const SIZES: &[(&str, usize)] = &[("2KB", 1_000), ("100KB", 100_000), ("10MB", 10_000_000)];
