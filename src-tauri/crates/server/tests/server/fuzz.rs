//! Fuzzing the server's parsers over real HTTP with proptest: the five functions' request bodies,
//! PostgREST filters, storage `Range` headers, signed-URL expiries and multipart uploads, and
//! GoTrue bodies. A fixed number of cases each; the server must never answer 5xx (a panic or an
//! overflow shows up as one), and every refusal is a 4xx whose body names the problem.
//!
//! Each property runs on a plain thread with its own runtime so proptest can drive the cases
//! synchronously; quotas and auth limits are raised so the parsers, not the limits, are reached.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{Session, TestServer};

const CASES: u32 = 128;

/// A running server, a signed-in user with a hero, and the runtime driving them.
struct Target {
    rt: tokio::runtime::Runtime,
    server: TestServer,
    user: Session,
    hero: String,
    /// How many answers of each status the cases got, so a property can show it reached both
    /// the accepting and the refusing paths.
    seen: std::sync::Mutex<std::collections::BTreeMap<u16, u32>>,
}

impl Target {
    fn start() -> Self {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let (server, user, hero) = rt.block_on(async {
            let server = TestServer::start_with(|c| {
                let q = &mut c.quotas;
                q.story_generation = u32::MAX;
                q.audio_synthesis = u32::MAX;
                q.avatar_generation = u32::MAX;
                q.scene_illustration = u32::MAX;
                q.extract_scenes = u32::MAX;
                c.auth_limits.token_requests = u32::MAX;
                c.auth_limits.anonymous_signups = u32::MAX;
            })
            .await;
            let user = server.anonymous().await;
            let hero = server.hero(&user, "Mila").await;
            (server, user, hero)
        });
        Target {
            rt,
            server,
            user,
            hero,
            seen: Default::default(),
        }
    }

    /// Sends a request and checks the answer: below 500, and a refusal that says why.
    fn check(&self, what: &str, request: reqwest::RequestBuilder) -> Result<u16, TestCaseError> {
        let (status, body) = self.rt.block_on(async {
            let res = request.send().await.expect("the server answers");
            let status = res.status().as_u16();
            (status, res.text().await.unwrap_or_default())
        });
        *self.seen.lock().unwrap().entry(status).or_default() += 1;
        prop_assert!(status < 500, "{what}: {status} {body}");
        if (400..500).contains(&status) {
            let parsed: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
            prop_assert!(
                explains(&parsed),
                "{what}: a {status} must say what is wrong, got {body}"
            );
        }
        Ok(status)
    }

    fn run<S: Strategy>(
        &self,
        strategy: S,
        case: impl Fn(&Self, S::Value) -> Result<(), TestCaseError>,
    ) {
        let mut runner = TestRunner::new(Config {
            cases: CASES,
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(e) = runner.run(&strategy, |v| case(self, v)) {
            panic!("{e}");
        }
        let seen = self.seen.lock().unwrap();
        assert!(
            seen.keys().any(|s| (200..300).contains(s))
                && seen.keys().any(|s| (400..500).contains(s)),
            "the cases should reach both accepted and refused requests: {seen:?}"
        );
    }
}

/// Whether an error body names the problem in one of the shapes the surfaces use (GoTrue `msg`,
/// PostgREST and storage `message`, functions `error.message`).
fn explains(body: &Value) -> bool {
    let texts = [
        &body["msg"],
        &body["message"],
        &body["error_description"],
        &body["error"]["message"],
    ];
    texts
        .iter()
        .any(|t| t.as_str().is_some_and(|s| s.trim().len() > 3))
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        Just(json!(u64::MAX)),
        Just(json!(-1)),
        ".{0,16}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-zA-Z_]{1,12}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One change to a valid request body.
#[derive(Debug, Clone)]
enum Mutation {
    Keep,
    Remove(prop::sample::Index),
    Replace(prop::sample::Index, Value),
    Add(String, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => Just(Mutation::Keep),
        2 => any::<prop::sample::Index>().prop_map(Mutation::Remove),
        4 => (any::<prop::sample::Index>(), json_value()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        1 => ("[a-zA-Z_]{1,12}", json_value()).prop_map(|(k, v)| Mutation::Add(k, v)),
    ]
}

impl Target {
    /// A valid body for each function (the same the functions' own tests send).
    fn valid_bodies(&self) -> Vec<(&'static str, Value)> {
        let story = self.rt.block_on(async {
            let body = json!({"heroId": self.hero, "event": {"type": "built_in", "data": {"event": "bedtime_adventure"}}, "targetDuration": 300, "language": "en", "voice": "coral"});
            let res = self.server.invoke(&self.user, "story-generation", body.clone()).await;
            assert_eq!(res.status(), 200);
            (body, res.json::<Value>().await.unwrap()["data"].clone())
        });
        let (story_body, story) = story;
        let id = story["storyId"].clone();
        vec![
            ("story-generation", story_body),
            (
                "extract-scenes",
                json!({"storyContent": "Once upon a time.", "storyDuration": 60, "heroName": "Luna", "eventContext": "bedtime"}),
            ),
            (
                "audio-synthesis",
                json!({"storyId": id, "text": "Once upon a time.", "voice": "fable", "language": "en"}),
            ),
            (
                "avatar-generation",
                json!({"heroId": self.hero, "prompt": "a kind girl with a red scarf", "style": "watercolor"}),
            ),
            (
                "scene-illustration",
                json!({"storyId": id, "heroId": self.hero, "scenes": story["scenes"]}),
            ),
        ]
    }
}

fn mutate(mut body: Value, m: &Mutation) -> Value {
    let keys: Vec<String> = body.as_object().unwrap().keys().cloned().collect();
    match m {
        Mutation::Keep => {}
        Mutation::Remove(i) => {
            body.as_object_mut().unwrap().remove(i.get(&keys));
        }
        Mutation::Replace(i, v) => body[i.get(&keys)] = v.clone(),
        Mutation::Add(k, v) => body[k] = v.clone(),
    }
    body
}

#[test]
fn function_requests_are_answered_with_a_4xx_that_names_the_problem() {
    let t = Target::start();
    let bodies = t.valid_bodies();
    let n = bodies.len();
    t.run(
        prop_oneof![
            4 => (0..n, mutation()).prop_map(move |(i, m)| (bodies[i].0, mutate(bodies[i].1.clone(), &m).to_string())),
            1 => ".{0,40}".prop_map(|text| ("story-generation", text)),
        ],
        |t, (name, body)| {
            let request = t
                .server
                .as_user(Method::POST, &format!("/functions/v1/{name}"), &t.user)
                .header("content-type", "application/json")
                .body(body.clone());
            t.check(&format!("{name} {body}"), request).map(|_| ())
        },
    );
}

fn filter_value() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,12}",
        "(eq|neq|gt|gte|lt|lte|like|ilike|is|in|cs|cd|fts|not\\.eq|or)\\.[a-z0-9(),*%.\"-]{0,16}",
    ]
}

#[test]
fn postgrest_filters_are_answered_without_a_server_error() {
    let t = Target::start();
    let tables = prop::sample::select(vec!["stories", "heroes", "custom_events", "nope"]);
    let columns = prop::sample::select(vec![
        "id",
        "title",
        "created_at",
        "hero_id",
        "duration",
        "select",
        "order",
        "limit",
        "offset",
        "or",
        "and",
        "x",
    ]);
    t.run(
        (
            tables,
            prop::collection::vec((columns, filter_value()), 0..4),
            proptest::option::of("-?[0-9]{1,25}"),
        ),
        |t, (table, filters, range)| {
            let mut request = t
                .server
                .as_user(Method::GET, &format!("/rest/v1/{table}"), &t.user)
                .query(&filters);
            if let Some(r) = &range {
                request = request.header("range", format!("0-{r}"));
            }
            t.check(&format!("{table} {filters:?} {range:?}"), request)
                .map(|_| ())
        },
    );
}

#[test]
fn storage_ranges_expiries_and_uploads_are_answered_without_a_server_error() {
    let t = Target::start();
    let path = format!("/storage/v1/object/hero-avatars/{}/h/a.png", t.user.user_id);
    t.rt.block_on(async {
        let res = t
            .server
            .as_user(Method::POST, &path, &t.user)
            .body(vec![7u8; 4096])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    });
    let range = prop_oneof![
        "bytes=[0-9]{0,22}-[0-9]{0,22}",
        "bytes=-[0-9]{1,22}",
        "bytes=[0-9]{1,5}-[0-9]{1,5},[0-9]{1,5}-",
        "[ -~]{0,20}",
    ];
    let expiry = prop_oneof![
        any::<i64>().prop_map(|n| json!(n)),
        Just(json!(u64::MAX)),
        Just(json!(1e300)),
        ".{0,8}".prop_map(Value::from),
    ];
    let boundary = "[a-zA-Z0-9]{0,12}";
    let part = prop::collection::vec(any::<u8>(), 0..80);
    t.run(
        (range, expiry, boundary, part),
        |t, (range, expiry, boundary, part)| {
            let get = t
                .server
                .as_user(Method::GET, &path, &t.user)
                .header("range", range.clone());
            t.check(&format!("range {range}"), get)?;
            let sign = t
                .server
                .as_user(Method::POST, &path.replace("/object/", "/object/sign/"), &t.user)
                .json(&json!({"expiresIn": expiry}));
            t.check(&format!("expiresIn {expiry}"), sign)?;
            let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"\"; filename=\"a.png\"\r\n\r\n").into_bytes();
            body.extend(&part);
            let upload = t
                .server
                .as_user(
                    Method::POST,
                    &path.replace("a.png", "b.png"),
                    &t.user,
                )
                .header("x-upsert", "true")
                .header(
                    "content-type",
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .body(body);
            t.check(&format!("multipart {boundary}"), upload).map(|_| ())
        },
    );
}

#[test]
fn gotrue_bodies_are_answered_with_a_4xx_that_names_the_problem() {
    let t = Target::start();
    let endpoints = prop::sample::select(vec![
        "/auth/v1/signup",
        "/auth/v1/token?grant_type=password",
        "/auth/v1/token?grant_type=refresh_token",
        "/auth/v1/token?grant_type=nope",
        "/auth/v1/user",
    ]);
    let keys = prop::sample::select(vec![
        "email",
        "password",
        "refresh_token",
        "data",
        "phone",
        "code_challenge",
    ]);
    let body = prop_oneof![
        prop::collection::btree_map(keys, json_value(), 0..4).prop_map(|m| json!(m).to_string()),
        ".{0,30}",
    ];
    t.run((endpoints, body), |t, (endpoint, body)| {
        let method = if endpoint.ends_with("/user") {
            Method::PUT
        } else {
            Method::POST
        };
        let request = t
            .server
            .as_user(method, endpoint, &t.user)
            .header("content-type", "application/json")
            .body(body.clone());
        t.check(&format!("{endpoint} {body}"), request).map(|_| ())
    });
}
