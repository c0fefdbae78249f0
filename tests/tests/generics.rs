//! Generic DTOs compile for every use and round-trip; and every real service's DTOs in
//! `../shared/corpus` compile (the crate building is that test; this one reports the warnings).

use pretty_assertions::assert_eq;
use workspace_tests::{generics_json as j, generics_ts as t};

#[test]
fn generic_members_wrapping_their_parameter_round_trip() {
    let template = t::Template::<t::EmailContent> {
        name: "welcome".into(),
        translations: vec![t::MessageTranslation {
            locale: Some("fr".into()),
            content: Some(t::EmailContent {
                subject: "Bonjour, \"vous\"".into(),
                body: "[corps]".into(),
            }),
        }],
        fallback: t::EmailContent {
            subject: "Hello".into(),
            body: "body".into(),
        },
        ..Default::default()
    };
    let text = jsv::to_string(&template).unwrap();
    assert_eq!(
        jsv::from_str::<t::Template<t::EmailContent>>(&text).unwrap(),
        template
    );
    let json = serde_json::to_string(&template).unwrap();
    assert_eq!(
        serde_json::from_str::<t::Template<t::EmailContent>>(&json).unwrap(),
        template
    );
    // Members left out read as defaults, through the generic parameter too.
    let sparse: t::Template<t::EmailContent> = serde_json::from_str(r#"{"name":"x"}"#).unwrap();
    assert_eq!(sparse.fallback, t::EmailContent::default());

    // The subclass closes the generic base: its fields are the base's, substituted.
    let email = t::EmailTemplate {
        sender: "a@b.c".into(),
        translations: template.translations.clone(),
        ..Default::default()
    };
    let text = jsv::to_string(&email).unwrap();
    assert_eq!(jsv::from_str::<t::EmailTemplate>(&text).unwrap(), email);

    // A response type closed over a service type.
    fn response_of<R: dto::Request>() -> &'static str {
        std::any::type_name::<R::Response>()
    }
    assert!(
        response_of::<t::GetTemplate>()
            .ends_with("Template<workspace_tests::generics_ts::EmailContent>")
    );
    let wrapped = t::Wrapper::<f64>::default();
    assert_eq!(serde_json::to_string(&wrapped.nested).unwrap(), "{}");
}

#[test]
fn every_generic_shape_of_the_metadata_document() {
    let page = j::Page_1::<j::Item> {
        items: Some(vec![j::Item {
            id: 1,
            name: Some("one".into()),
        }]),
        first: Some(j::Item::default()),
        total: 1,
        ..Default::default()
    };
    let text = jsv::to_string(&page).unwrap();
    assert_eq!(jsv::from_str::<j::Page_1<j::Item>>(&text).unwrap(), page);

    let envelope: j::Envelope<j::Item> = serde_json::from_str(
        r#"{"body":{"items":[{"key":"k","value":{"id":2}}],"total":1},"history":[{"items":[7,null]}],"meta":{"a":{"b":[{"id":3}]}}}"#,
    )
    .unwrap();
    let body = envelope.body.as_ref().unwrap();
    assert_eq!(
        body.items.as_ref().unwrap()[0].value.as_ref().unwrap().id,
        2
    );
    assert_eq!(
        envelope.history.as_ref().unwrap()[0]
            .items
            .as_ref()
            .unwrap()[0],
        Some(7)
    );
    let back = serde_json::to_string(&envelope).unwrap();
    assert_eq!(
        serde_json::from_str::<j::Envelope<j::Item>>(&back).unwrap(),
        envelope
    );

    let joined = j::Page_2::<j::Item, j::Pair<String, i64>>::default();
    assert_eq!(jsv::to_string(&joined).unwrap(), "{}");
    let subclass = j::ItemPage::default();
    assert_eq!(subclass.total, 0);
}

#[test]
fn corpus_of_real_services_compiles() {
    let summary = include_str!(concat!(env!("OUT_DIR"), "/corpus_summary.txt"));
    if summary.is_empty() {
        println!("skipped: ../shared/corpus is absent");
        return;
    }
    // Compiling this crate compiled every file's DTOs; what had to be guessed, per file:
    println!("{summary}");
    let files = summary.lines().filter(|l| !l.starts_with('\t')).count();
    assert!(files >= 10, "{summary}");
    // And per kind of warning, over the corpus: names (the `Type.Member: ` prefix and every
    // `quoted` name) taken out of the message.
    let mut categories: std::collections::BTreeMap<String, usize> = Default::default();
    for warning in summary.lines().filter_map(|l| l.strip_prefix('\t')) {
        let message = match warning.split_once(": ") {
            Some((subject, rest)) if !subject.contains(' ') => rest,
            _ => warning,
        };
        // A .NET arity (`Tuple`3`) is part of a name, not a quote.
        let mut message = message.to_owned();
        for digit in '0'..='9' {
            message = message.replace(&format!("`{digit}"), &format!("#{digit}"));
        }
        let mut category = String::new();
        for (i, part) in message.split('`').enumerate() {
            category.push_str(if i % 2 == 1 { "_" } else { part });
        }
        *categories.entry(category).or_default() += 1;
    }
    println!("warnings by kind over the corpus:");
    for (category, count) in &categories {
        println!("{count:>5}  {category}");
    }
}

#[test]
fn csharp_dtos_read_and_round_trip() {
    use workspace_tests::voice_cs as c;
    let info: c::SessionInfo = jsv::from_str(
        "{id:s1,callState:Ringing,flags:5,dateCreated:2017-10-09T12:00:00Z,members:[{identity:m,muted:True}],applicationData:{k:v}}",
    )
    .unwrap();
    assert_eq!(info.call_state, c::SessionCallState::Ringing);
    assert_eq!(info.flags.0, 5);
    assert_eq!(info.members.as_ref().unwrap()[0].muted, true);
    let written = jsv::to_string(&info).unwrap();
    assert_eq!(jsv::from_str::<c::SessionInfo>(&written).unwrap(), info);
    assert!(<c::AddConferenceMember as dto::Request>::MEMBERS[0].required);
    assert_eq!(
        dto::Request::to_url(
            &c::AddConferenceMember {
                session_id: "s1".into(),
                ..Default::default()
            },
            "POST"
        )
        .unwrap(),
        "/sessions/s1/conference/members"
    );
    // Types the C# file uses without defining: .NET's DayOfWeek (a struct: never null),
    // KeyValuePair and Tuple, NodaTime's Instant (its ISO text), ServiceStack's AuthUserSession.
    let text = "{day:Friday,slots:[{item1:am,item2:9}],opens:PT8H30M,\
                siteId:0d6a5b1e2f5c4a1b9c8e6f3b2a1d0e9f,changedAt:2026-12-03T10:00:00Z,\
                busiest:{key:Fri,value:12},editedBy:{id:7,userName:ann,createdAt:2026-01-02,\
                lastModified:2026-01-02,roles:[Admin],isAuthenticated:True,fromToken:False,tag:0}}";
    let hours: c::OpeningHours = jsv::from_str(text).unwrap();
    assert_eq!(hours.day, c::DayOfWeek::Friday);
    assert_eq!(hours.slots.as_ref().unwrap()[0].item2, 9);
    assert_eq!(hours.opens, dto::TimeSpan::from_minutes(510));
    let changed_at: &String = &hours.changed_at;
    assert_eq!(changed_at, "2026-12-03T10:00:00Z");
    assert_eq!(
        (hours.busiest.key.as_str(), hours.busiest.value),
        ("Fri", 12)
    );
    let session = hours.edited_by.as_ref().unwrap();
    assert_eq!(session.user_name.as_deref(), Some("ann"));
    assert_eq!(session.roles.as_deref(), Some(&["Admin".to_string()][..]));
    assert!(session.is_authenticated);
    // ServiceStack writes a struct's text raw; as a Rust string it is quoted (`:` forces that),
    // which ServiceStack reads the same.
    let quoted = text.replace("2026-12-03T10:00:00Z", "\"2026-12-03T10:00:00Z\"");
    assert_eq!(jsv::to_string(&hours).unwrap(), quoted);
    let by_number: c::OpeningHours = jsv::from_str("{day:5}").unwrap();
    assert_eq!(by_number.day, c::DayOfWeek::Friday);
}

#[test]
fn customisation_hooks() {
    use workspace_tests::hooks as h;
    // type_attribute: the breadcrumbs are ordered and hashable now.
    let mut crumbs = std::collections::BTreeSet::new();
    crumbs.insert(h::CustomerBreadcrumb::default());
    assert_eq!(crumbs.len(), 1);
    // field_attribute: an alias on one member.
    let info: h::SessionInfo = jsv::from_str("{account:Acme}").unwrap();
    assert_eq!(info.account_name.as_deref(), Some("Acme"));
    // extern_type: the user's type in place of the generated one.
    let list = h::ListSessions {
        created: Some(h::Span {
            start: Some("2017-01-01".into()),
            end: None,
        }),
        ..Default::default()
    };
    let text = jsv::to_string(&list).unwrap();
    assert!(text.contains("created:{start:2017-01-01}"), "{text}");
    let code = include_str!(concat!(env!("OUT_DIR"), "/hooks.rs"));
    assert!(!code.contains("pub struct DateRange"), "not generated");
    assert!(
        code.contains("// extern-type: DateRange = crate::hooks::Span"),
        "recorded in the header"
    );
}
