//! The PostgREST subset: selects, filters, order, ranges, Prefer, upserts, errors, and
//! owner-only rows between two users.

use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{Session, TestServer};

async fn story(s: &TestServer, u: &Session, title: &str, words: i64) -> String {
    let res = s
        .as_user(Method::POST, "/rest/v1/stories", u)
        .header("prefer", "return=representation")
        .json(&json!({"title": title, "content": "Once upon a time.", "word_count": words, "language": "en"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json::<Value>().await.unwrap()[0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn insert_select_update_delete_round_trip() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let res = s
        .as_user(Method::POST, "/rest/v1/heroes", &u)
        .json(&json!({"name": "Luna", "primary_trait": "brave"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    assert_eq!(
        res.text().await.unwrap(),
        "",
        "return=minimal is the default"
    );

    let rows: Value = s
        .get_json("/rest/v1/heroes?select=name,user_id,is_active", &u)
        .await;
    assert_eq!(
        rows,
        json!([{"name": "Luna", "user_id": u.user_id, "is_active": true}])
    );

    let res = s
        .as_user(Method::PATCH, "/rest/v1/heroes?name=eq.Luna", &u)
        .header("prefer", "return=representation")
        .json(&json!({"appearance": "a yellow raincoat"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let updated: Value = res.json().await.unwrap();
    assert_eq!(updated[0]["appearance"], "a yellow raincoat");
    assert_ne!(updated[0]["updated_at"], Value::Null);

    let res = s
        .as_user(Method::DELETE, "/rest/v1/heroes?name=eq.Luna", &u)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let rows: Value = s.get_json("/rest/v1/heroes", &u).await;
    assert_eq!(rows, json!([]));
}

#[tokio::test]
async fn filters_order_and_ranges() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    for (t, w) in [
        ("Alpha", 100),
        ("beta", 300),
        ("Gamma", 200),
        ("Delta, the fourth", 400),
    ] {
        story(&s, &u, t, w).await;
    }
    let get = |q: &'static str| {
        let req = s.as_user(
            Method::GET,
            &format!("/rest/v1/stories?select=title{q}"),
            &u,
        );
        async move { req.send().await.unwrap() }
    };
    let titles = |v: Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["title"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        titles(
            get("&word_count=gt.150&order=word_count.asc")
                .await
                .json()
                .await
                .unwrap()
        ),
        ["Gamma", "beta", "Delta, the fourth"]
    );
    assert_eq!(
        titles(
            get("&word_count=lte.200&order=title.desc")
                .await
                .json()
                .await
                .unwrap()
        ),
        ["Gamma", "Alpha"]
    );
    assert_eq!(
        titles(
            get("&title=ilike.*TA*&order=title")
                .await
                .json()
                .await
                .unwrap()
        ),
        ["Delta, the fourth", "beta"],
        "text orders by code point (C collation)"
    );
    assert_eq!(
        titles(
            get("&title=in.(Alpha,\"Delta, the fourth\")&order=title")
                .await
                .json()
                .await
                .unwrap()
        ),
        ["Alpha", "Delta, the fourth"]
    );
    assert_eq!(
        titles(
            get("&word_count=neq.100&word_count=lt.300&order=title")
                .await
                .json()
                .await
                .unwrap()
        ),
        ["Gamma"]
    );
    assert_eq!(
        titles(
            get("&audio_url=is.null&or=(title.eq.Alpha,title.eq.beta)&order=title")
                .await
                .json()
                .await
                .unwrap()
        ),
        ["Alpha", "beta"]
    );

    let res = get("&order=word_count.desc&limit=2&offset=1").await;
    assert_eq!(res.headers()["content-range"], "1-2/*");
    assert_eq!(titles(res.json().await.unwrap()), ["beta", "Gamma"]);

    let res = s
        .as_user(
            Method::GET,
            "/rest/v1/stories?select=title&order=word_count",
            &u,
        )
        .header("range", "0-1")
        .header("prefer", "count=exact")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 206);
    assert_eq!(res.headers()["content-range"], "0-1/4");

    let res = s
        .as_user(Method::GET, "/rest/v1/stories?offset=10", &u)
        .header("prefer", "count=exact")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 416);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "PGRST103");

    let res = s
        .as_user(Method::HEAD, "/rest/v1/stories", &u)
        .header("prefer", "count=exact")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-range"], "0-3/4");
}

/// A filtered or paged read reads the columns it filters, orders and selects by first, then the
/// page's whole rows: what it answers must be exactly the rows a whole read would give.
#[tokio::test]
async fn a_narrowed_read_answers_with_the_whole_rows_a_whole_read_would() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let mut ids = Vec::new();
    for (t, w) in [
        ("One", 10),
        ("Two", 20),
        ("Three", 30),
        ("Four", 40),
        ("Five", 50),
    ] {
        ids.push(story(&s, &u, t, w).await);
        // A second between writes: every row has its own `updated_at`.
        s.advance(std::time::Duration::from_secs(1));
    }
    for id in [&ids[1], &ids[3], &ids[4]] {
        s.advance(std::time::Duration::from_secs(1));
        let res = s
            .as_user(Method::PATCH, &format!("/rest/v1/stories?id=eq.{id}"), &u)
            .json(&json!({"is_favorite": true, "audio_url": "https://example.test/a.mp3"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204, "{}", res.text().await.unwrap());
    }
    let read = |q: String| {
        let req = s.as_user(Method::GET, &format!("/rest/v1/stories?{q}"), &u);
        async move {
            let res = req.send().await.unwrap();
            assert_eq!(res.status(), 200);
            res.json::<Vec<Value>>().await.unwrap()
        }
    };
    // The whole read (no filter, no page) is the reference.
    let all = read("select=*".into()).await;
    assert_eq!(all.len(), 5);
    assert!(all.iter().all(|r| r["content"] == "Once upon a time."));
    let whole = |pick: &dyn Fn(&Value) -> bool| -> Vec<Value> {
        all.iter().filter(|r| pick(r)).cloned().collect()
    };

    // A boolean filter (its JSON type kept through the narrowing), ordered and paged.
    let mut favourites = whole(&|r| r["is_favorite"] == true);
    favourites.sort_by_key(|r| r["word_count"].as_i64());
    assert_eq!(
        read("select=*&is_favorite=eq.true&order=word_count.asc&limit=2&offset=1".into()).await,
        favourites[1..3]
    );
    // `is.null` on a column some rows never had, and an `or`.
    let mut plain = whole(&|r| r["audio_url"].is_null() || r["title"] == "Five");
    plain.sort_by_key(|r| r["word_count"].as_i64());
    assert_eq!(
        read("or=(audio_url.is.null,title.eq.Five)&order=word_count".into()).await,
        plain
    );
    // The changes since a moment, oldest first, as the app's sync reads them (in SQL, from the
    // index on `updated_at`, which the PATCHes above moved).
    let mut by_change = all.clone();
    by_change.sort_by(|a, b| {
        let key = |r: &Value| {
            (
                r["updated_at"].as_str().unwrap().to_owned(),
                r["id"].as_str().unwrap().to_owned(),
            )
        };
        key(a).cmp(&key(b))
    });
    let since = by_change[2]["updated_at"].as_str().unwrap().to_owned();
    let changed = read(format!(
        "select=*&updated_at=gte.{since}&order=updated_at.asc,id.asc&limit=1000"
    ))
    .await;
    assert_eq!(changed, by_change[2..]);
    let newest_first = read(format!(
        "select=id,updated_at&updated_at=lt.{since}&order=updated_at.desc,id.desc"
    ))
    .await;
    let expected: Vec<Value> = by_change[..2]
        .iter()
        .rev()
        .map(|r| json!({"id": r["id"], "updated_at": r["updated_at"]}))
        .collect();
    assert_eq!(newest_first, expected);
    // Only the columns asked for, in the order asked.
    let ids_only = read("select=id&order=id&limit=3".into()).await;
    let mut expected: Vec<&str> = ids.iter().map(String::as_str).collect();
    expected.sort();
    assert_eq!(
        ids_only,
        expected[..3]
            .iter()
            .map(|id| json!({"id": id}))
            .collect::<Vec<_>>()
    );
    // A page past the end: nothing, and no second read needed.
    assert!(read("select=*&limit=2&offset=7".into()).await.is_empty());

    // Pages of ids after the last one seen, as the sync reads them (done in SQL): every id
    // once, in order; the same downwards, with an offset, and by equality.
    let mut seen: Vec<String> = Vec::new();
    loop {
        let after = seen
            .last()
            .map_or(String::new(), |id| format!("&id=gt.{id}"));
        let page = read(format!("select=id{after}&order=id.asc&limit=2")).await;
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 2);
        seen.extend(page.iter().map(|r| r["id"].as_str().unwrap().to_owned()));
    }
    assert_eq!(seen, expected);
    let down = read(format!(
        "select=id,title&id=lt.{}&order=id.desc&offset=1",
        expected[4]
    ))
    .await;
    let titles: Vec<&str> = [3usize, 2, 1]
        .iter()
        .map(|i| {
            all.iter().find(|r| r["id"] == expected[*i - 1]).unwrap()["title"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        down.iter()
            .map(|r| r["title"].as_str().unwrap())
            .collect::<Vec<_>>(),
        titles
    );
    let one = read(format!("id=eq.{}&id=gte.{}", expected[2], expected[0])).await;
    assert_eq!(one, whole(&|r| r["id"] == expected[2]));
    let not_one = read(format!(
        "select=id&id=neq.{}&order=id&limit=10",
        expected[2]
    ))
    .await;
    assert_eq!(not_one.len(), 4);
}

#[tokio::test]
async fn single_object_upsert_and_conflicts() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let story_id = story(&s, &u, "Moon", 10).await;
    let res = s
        .as_user(
            Method::GET,
            &format!("/rest/v1/stories?id=eq.{story_id}&select=title"),
            &u,
        )
        .header("accept", "application/vnd.pgrst.object+json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap(), json!({"title": "Moon"}));
    let res = s
        .as_user(Method::GET, "/rest/v1/stories?title=eq.none", &u)
        .header("accept", "application/vnd.pgrst.object+json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 406);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "PGRST116");

    let scene = json!({"story_id": story_id, "scene_number": 1, "text_segment": "first", "timestamp_seconds": 0});
    assert_eq!(
        s.as_user(Method::POST, "/rest/v1/story_scenes", &u)
            .json(&scene)
            .send()
            .await
            .unwrap()
            .status(),
        201
    );
    let res = s
        .as_user(Method::POST, "/rest/v1/story_scenes", &u)
        .json(&scene)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "23505");

    let mut replacement = scene.clone();
    replacement["text_segment"] = json!("first, rewritten");
    let res = s
        .as_user(
            Method::POST,
            "/rest/v1/story_scenes?on_conflict=story_id,scene_number",
            &u,
        )
        .header(
            "prefer",
            "resolution=merge-duplicates,return=representation",
        )
        .json(&json!([replacement]))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    assert_eq!(
        res.json::<Value>().await.unwrap()[0]["text_segment"],
        "first, rewritten"
    );
    let rows: Value = s.get_json("/rest/v1/story_scenes", &u).await;
    assert_eq!(
        rows.as_array().unwrap().len(),
        1,
        "upsert replaced instead of duplicating"
    );

    let res = s
        .as_user(
            Method::POST,
            "/rest/v1/story_scenes?on_conflict=story_id,scene_number",
            &u,
        )
        .header(
            "prefer",
            "resolution=ignore-duplicates,return=representation",
        )
        .json(&scene)
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap(), json!([]));
}

#[tokio::test]
async fn postgrest_errors() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let code = |res: Value| res["code"].as_str().unwrap().to_string();
    let res = s
        .as_user(Method::GET, "/rest/v1/dragons", &u)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(code(res.json().await.unwrap()), "PGRST205");
    let res = s
        .as_user(Method::POST, "/rest/v1/heroes", &u)
        .json(&json!({"name": "L", "primary_trait": "brave", "wings": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(code(res.json().await.unwrap()), "PGRST204");
    let res = s
        .as_user(Method::POST, "/rest/v1/heroes", &u)
        .json(&json!({"primary_trait": "brave"}))
        .send()
        .await
        .unwrap();
    assert_eq!(code(res.json().await.unwrap()), "23502");
    let res = s
        .as_user(Method::GET, "/rest/v1/heroes?colour=eq.red", &u)
        .send()
        .await
        .unwrap();
    assert_eq!(code(res.json().await.unwrap()), "42703");
    let res = s.as_user(Method::POST, "/rest/v1/story_scenes", &u).json(&json!({"story_id": uuid::Uuid::new_v4().to_string(), "scene_number": 1, "text_segment": "x"})).send().await.unwrap();
    assert_eq!(res.status(), 409);
    assert_eq!(code(res.json().await.unwrap()), "23503");
    let res = s
        .as_user(Method::DELETE, "/rest/v1/heroes", &u)
        .send()
        .await
        .unwrap();
    assert_eq!(
        code(res.json().await.unwrap()),
        "21000",
        "delete without a filter is refused"
    );
    let res = s
        .req(Method::GET, "/rest/v1/heroes")
        .bearer_auth("not.a.jwt")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(code(res.json().await.unwrap()), "PGRST301");
    let res = s
        .req(Method::POST, "/rest/v1/heroes")
        .json(&json!({"name": "L", "primary_trait": "brave"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401, "the anon role cannot write");
}

#[tokio::test]
async fn expired_jwt_is_pgrst303() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    s.advance(std::time::Duration::from_secs(3601));
    let res = s
        .as_user(Method::GET, "/rest/v1/heroes", &u)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "PGRST303");
}

#[tokio::test]
async fn a_second_user_sees_nothing_of_the_first_and_cannot_change_it() {
    let s = TestServer::start().await;
    let (a, b) = (s.anonymous().await, s.anonymous().await);
    let hero = s.hero(&a, "Luna").await;
    let story_id = story(&s, &a, "A's story", 10).await;
    s.as_user(Method::POST, "/rest/v1/story_scenes", &a)
        .json(&json!({"story_id": story_id, "scene_number": 1, "text_segment": "x"}))
        .send()
        .await
        .unwrap();

    for table in ["heroes", "stories", "story_scenes"] {
        let rows: Value = s.get_json(&format!("/rest/v1/{table}"), &b).await;
        assert_eq!(rows, json!([]), "{table} leaked to another user");
    }
    let rows: Value = s
        .req(Method::GET, "/rest/v1/heroes")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(rows, json!([]), "the anon role sees nothing");

    let res = s
        .as_user(Method::PATCH, &format!("/rest/v1/heroes?id=eq.{hero}"), &b)
        .json(&json!({"name": "Stolen"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "42501");
    let res = s
        .as_user(Method::DELETE, &format!("/rest/v1/heroes?id=eq.{hero}"), &b)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = s
        .as_user(Method::POST, "/rest/v1/heroes", &b)
        .json(&json!({"name": "X", "primary_trait": "kind", "user_id": a.user_id}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "cannot insert rows for someone else");
    let res = s
        .as_user(Method::POST, "/rest/v1/story_scenes", &b)
        .json(&json!({"story_id": story_id, "scene_number": 2, "text_segment": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        403,
        "cannot add scenes to someone else's story"
    );
    let res = s
        .as_user(Method::POST, "/rest/v1/heroes?on_conflict=id", &b)
        .header("prefer", "resolution=merge-duplicates")
        .json(&json!({"id": hero, "name": "Stolen", "primary_trait": "kind"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "cannot upsert over someone else's row");

    let rows: Value = s.get_json("/rest/v1/heroes?select=name", &a).await;
    assert_eq!(rows, json!([{"name": "Luna"}]), "A's row is unchanged");

    let res = s
        .as_user(
            Method::DELETE,
            &format!("/rest/v1/stories?id=eq.{story_id}"),
            &a,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let rows: Value = s.get_json("/rest/v1/story_scenes", &a).await;
    assert_eq!(rows, json!([]), "scenes go with their story");
}

#[tokio::test]
async fn children_embed_under_their_story() {
    let s = TestServer::start().await;
    let (u, other) = (s.anonymous().await, s.anonymous().await);
    let story_id = story(&s, &u, "Moon", 10).await;
    for n in [2, 1] {
        let res = s
            .as_user(Method::POST, "/rest/v1/story_scenes", &u)
            .json(&json!({"story_id": story_id, "scene_number": n, "text_segment": format!("part {n}")}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
    }
    let q = format!(
        "/rest/v1/stories?id=eq.{story_id}&select=title,story_scenes(scene_number,text_segment),story_illustrations(*)"
    );
    let rows: Value = s.get_json(&q, &u).await;
    assert_eq!(rows[0]["title"], "Moon");
    let scenes = rows[0]["story_scenes"].as_array().unwrap();
    assert_eq!(scenes.len(), 2);
    assert_eq!(
        scenes[0].as_object().unwrap().len(),
        2,
        "only the selected child columns"
    );
    assert_eq!(rows[0]["story_illustrations"], json!([]));
    let rows: Value = s.get_json(&q, &other).await;
    assert_eq!(rows, json!([]));
    let res = s
        .as_user(Method::GET, "/rest/v1/stories?select=*,dragons(*)", &u)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "PGRST200");
}

#[tokio::test]
async fn numbers_out_of_range_get_a_400_that_says_what_is_allowed() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    story(&s, &u, "One", 1).await;
    let huge = "99999999999999999999999";
    for (query, range, what) in [
        (format!("select=id&limit={huge}"), None, "limit"),
        (format!("select=id&offset={huge}"), None, "offset"),
        ("select=id&limit=-1".to_string(), None, "limit"),
        (
            "select=id".to_string(),
            Some("0-18446744073709551615".to_string()),
            "last row",
        ),
        (
            "select=id".to_string(),
            Some(format!("{huge}-")),
            "first row",
        ),
        (
            "select=id".to_string(),
            Some("5-2".to_string()),
            "before its first",
        ),
    ] {
        let mut req = s.as_user(Method::GET, &format!("/rest/v1/stories?{query}"), &u);
        if let Some(r) = &range {
            req = req.header("range", r.clone());
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 400, "{query} {range:?}");
        let body: Value = res.json().await.unwrap();
        let message = body["message"].as_str().unwrap();
        assert!(message.contains(what), "{query} {range:?}: {message}");
        assert!(
            message.contains("9223372036854775807") || what == "before its first",
            "says what is allowed: {message}"
        );
    }
    // The largest allowed values still work.
    let res = s
        .as_user(
            Method::GET,
            "/rest/v1/stories?select=id&limit=9223372036854775807",
            &u,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = s
        .as_user(Method::GET, "/rest/v1/stories?select=id", &u)
        .header("range", "0-9223372036854775807")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}
