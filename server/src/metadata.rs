//! What a host publishes about its operations: ServiceStack's `/types/metadata` document and
//! the TypeScript DTOs of `/types/typescript`, built from the registered DTOs' type information
//! ([`dto::Type`]) and request metadata ([`dto::Request`]).

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use dto::metadata::{
    MetadataOperationType, MetadataRoute, MetadataType, MetadataTypes, MetadataTypesConfig,
    TypeRegistry,
};

/// The operation `R` as `/types/metadata` describes it; its types are added to `registry`.
pub(crate) fn describe<R>(registry: &mut TypeRegistry) -> MetadataOperationType
where
    R: dto::Request + dto::Type,
    R::Response: dto::Type,
{
    R::register(registry);
    <R::Response as dto::Type>::register(registry);
    let namespace = registry.namespace().to_owned();
    let request_name = R::type_name();
    let mut request = registry
        .get(&request_name.name)
        .cloned()
        .unwrap_or_else(|| MetadataType {
            name: request_name.name.clone().into_owned(),
            namespace: Some(namespace.clone()),
            ..MetadataType::default()
        });
    if let Some(description) = R::DESCRIPTION {
        request.description = Some(description.to_owned());
    }
    for property in request.properties.iter_mut().flatten() {
        let wire = property
            .data_member
            .as_ref()
            .and_then(|m| m.name.clone())
            .unwrap_or_else(|| lower_first(&property.name));
        if let Some(member) = R::member(&wire) {
            if let Some(description) = member.description {
                property.description = Some(description.to_owned());
            }
            if member.required {
                property.is_required = Some(true);
            }
            property.param_type = member.parameter_type.map(str::to_owned);
        }
    }

    let response_name = <R::Response as dto::Type>::type_name();
    let returns_void = response_name.namespace == Some("System") && response_name.name == "Void";
    let response = (!returns_void && response_name.namespace.is_none())
        .then(|| registry.get(&response_name.name).cloned())
        .flatten();
    let routes: Vec<MetadataRoute> = R::ROUTES
        .iter()
        .map(|route| MetadataRoute {
            path: route.path.to_owned(),
            verbs: (!route.verbs.is_empty()).then(|| route.verbs.join(",")),
        })
        .collect();
    MetadataOperationType {
        request,
        response,
        actions: vec!["ANY".to_owned()],
        returns_void: returns_void.then_some(true),
        method: Some(
            R::ROUTES
                .first()
                .map_or("POST", dto::Route::preferred_verb)
                .to_owned(),
        ),
        return_type: (!returns_void).then(|| response_name.to_metadata(&namespace)),
        routes: (!routes.is_empty()).then_some(routes),
        requires_auth: R::REQUIRES_AUTH.then_some(true),
    }
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The documents, rendered once when the router is built.
pub(crate) struct Published {
    metadata: Vec<u8>,
    typescript: String,
}

impl Published {
    pub(crate) fn new(
        namespace: &str,
        operations: &[fn(&mut TypeRegistry) -> MetadataOperationType],
    ) -> Self {
        let mut registry = TypeRegistry::new(namespace);
        let operations: Vec<MetadataOperationType> = operations
            .iter()
            .map(|describe| describe(&mut registry))
            .collect();
        let own: Vec<&str> = operations
            .iter()
            .flat_map(|op| std::iter::once(&op.request).chain(op.response.as_ref()))
            .map(|t| t.name.as_str())
            .collect();
        let types: Vec<MetadataType> = registry
            .into_types()
            .into_iter()
            .filter(|t| !own.contains(&t.name.as_str()))
            .collect();
        let mut namespaces: Vec<String> = vec![
            "System".to_owned(),
            "System.Collections.Generic".to_owned(),
            "ServiceStack".to_owned(),
            namespace.to_owned(),
        ];
        namespaces.dedup();
        let document = MetadataTypes {
            config: Some(MetadataTypesConfig {
                base_url: None,
                add_service_stack_types: true,
            }),
            namespaces,
            types,
            operations,
        };
        Published {
            metadata: serde_json::to_vec(&document).unwrap_or_default(),
            typescript: crate::typescript::render(&document),
        }
    }

    /// The response for `/types/{document}`, when it is one of the published documents.
    pub(crate) fn response(&self, document: &str) -> Option<Response> {
        let (body, content_type) = if document.eq_ignore_ascii_case("metadata") {
            (self.metadata.clone(), "application/json; charset=utf-8")
        } else if document.eq_ignore_ascii_case("typescript") {
            (
                self.typescript.clone().into_bytes(),
                "text/plain; charset=utf-8",
            )
        } else {
            return None;
        };
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = StatusCode::OK;
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        Some(response)
    }
}
