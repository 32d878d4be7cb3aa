//! Storage: private buckets, upload with and without upsert, authenticated and signed
//! downloads with expiry, info, list, delete, the 400-with-statusCode quirk, isolation.

use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};

use crate::support::TestServer;

#[tokio::test]
async fn upload_download_sign_list_delete() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let path = format!(
        "/storage/v1/object/story-audio/{}/story-1/narration.ogg",
        u.user_id
    );
    let res = s
        .as_user(Method::POST, &path, &u)
        .header("content-type", "audio/ogg")
        .body("first")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        body["Key"],
        format!("story-audio/{}/story-1/narration.ogg", u.user_id)
    );

    let res = s
        .as_user(Method::POST, &path, &u)
        .body("second")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(res.json::<Value>().await.unwrap()["statusCode"], "409");
    let res = s
        .as_user(Method::POST, &path, &u)
        .header("x-upsert", "true")
        .header("content-type", "audio/ogg")
        .body("second")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    let res = s.as_user(Method::GET, &path, &u).send().await.unwrap();
    assert_eq!(res.headers()["content-type"], "audio/ogg");
    assert_eq!(res.text().await.unwrap(), "second");

    let info: Value = s
        .get_json(&path.replace("/object/", "/object/info/"), &u)
        .await;
    assert_eq!(info["size"], 6);

    let res = s
        .as_user(Method::POST, &path.replace("/object/", "/object/sign/"), &u)
        .json(&json!({"expiresIn": 60}))
        .send()
        .await
        .unwrap();
    let signed = res.json::<Value>().await.unwrap()["signedURL"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(signed.starts_with("/object/sign/story-audio/"), "{signed}");
    let url = s.url(&format!("/storage/v1{signed}"));
    let res = s.http.get(&url).send().await.unwrap();
    assert_eq!(
        res.status(),
        200,
        "signed URLs need neither apikey nor bearer"
    );
    assert_eq!(res.text().await.unwrap(), "second");
    s.advance(Duration::from_secs(61));
    let res = s.http.get(&url).send().await.unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "InvalidJWT",
        "expired signed URL"
    );
    let tampered = url.replace("narration.ogg", "other.ogg");
    assert_eq!(s.http.get(&tampered).send().await.unwrap().status(), 400);

    let listing: Value = s
        .as_user(Method::POST, "/storage/v1/object/list/story-audio", &u)
        .json(&json!({"prefix": format!("{}/story-1", u.user_id), "limit": 100, "offset": 0}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listing[0]["name"], "narration.ogg");
    let top: Value = s
        .as_user(Method::POST, "/storage/v1/object/list/story-audio", &u)
        .json(&json!({"prefix": u.user_id}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(top[0]["name"], "story-1", "folders are listed");

    let res = s
        .as_user(Method::DELETE, "/storage/v1/object/story-audio", &u)
        .json(&json!({"prefixes": [format!("{}/story-1/narration.ogg", u.user_id)]}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.json::<Value>().await.unwrap().as_array().unwrap().len(),
        1
    );
    let res = s.as_user(Method::GET, &path, &u).send().await.unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({"statusCode": "404", "code": "NoSuchKey", "error": "not_found", "message": "Object not found"})
    );
}

#[tokio::test]
async fn buckets_are_private_and_folders_are_per_user() {
    let s = TestServer::start().await;
    let (a, b) = (s.anonymous().await, s.anonymous().await);
    let path = format!("/storage/v1/object/hero-avatars/{}/h/avatar.png", a.user_id);
    assert_eq!(
        s.as_user(Method::POST, &path, &a)
            .body("png")
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    let res = s.as_user(Method::GET, &path, &b).send().await.unwrap();
    assert_eq!(
        res.json::<Value>().await.unwrap()["statusCode"],
        "404",
        "another user cannot read it"
    );
    let res = s
        .as_user(Method::POST, &path, &b)
        .header("x-upsert", "true")
        .body("evil")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(res.json::<Value>().await.unwrap()["statusCode"], "403");
    let res = s
        .as_user(Method::POST, &path.replace("/object/", "/object/sign/"), &b)
        .json(&json!({"expiresIn": 60}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400, "cannot sign someone else's object");
    let res = s
        .req(Method::GET, &path.replace("/object/", "/object/public/"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400, "no public URLs");
    let res = s
        .as_user(Method::POST, "/storage/v1/object/nope/x/y", &a)
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "NoSuchBucket");
    let res = s
        .as_user(
            Method::POST,
            &format!("/storage/v1/object/hero-avatars/{}/../x", a.user_id),
            &a,
        )
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400, "dot segments are refused");
    let a_copy = s
        .as_user(Method::GET, &path, &a)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(a_copy, "png");
}

#[tokio::test]
async fn files_are_written_whole_and_no_temp_files_remain() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let big = vec![7u8; 256 * 1024];
    let path = format!(
        "/storage/v1/object/story-illustrations/{}/s/scene_1.png",
        u.user_id
    );
    assert_eq!(
        s.as_user(Method::POST, &path, &u)
            .body(big.clone())
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let on_disk = std::fs::read(s.dir.path().join(format!(
        "backend/storage/story-illustrations/{}/s/scene_1.png",
        u.user_id
    )))
    .unwrap();
    assert_eq!(on_disk, big);
    let tmp = std::fs::read_dir(s.dir.path().join("backend/storage/.tmp"))
        .unwrap()
        .count();
    assert_eq!(tmp, 0, "temporary files were renamed into place");
}

#[tokio::test]
async fn multipart_uploads_like_storage_js_blobs() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let body = b"--b0undary\r\nContent-Disposition: form-data; name=\"cacheControl\"\r\n\r\n86400\r\n--b0undary\r\nContent-Disposition: form-data; name=\"\"; filename=\"blob\"\r\nContent-Type: image/png\r\n\r\n\x89PNG-bytes\r\n--b0undary--\r\n".to_vec();
    let path = format!("/storage/v1/object/hero-avatars/{}/h/avatar.png", u.user_id);
    let res = s
        .as_user(Method::POST, &path, &u)
        .header("content-type", "multipart/form-data; boundary=b0undary")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = s.as_user(Method::GET, &path, &u).send().await.unwrap();
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.headers()["cache-control"], "max-age=86400");
    assert_eq!(res.bytes().await.unwrap().as_ref(), b"\x89PNG-bytes");
}

#[tokio::test]
async fn signing_with_an_expiry_out_of_range_is_a_400_that_says_what_is_allowed() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let path = format!(
        "/storage/v1/object/story-audio/{}/s/narration.ogg",
        u.user_id
    );
    s.as_user(Method::POST, &path, &u)
        .header("content-type", "audio/ogg")
        .body("audio")
        .send()
        .await
        .unwrap();
    let sign = path.replace("/object/", "/object/sign/");
    for bad in [
        json!(i64::MAX),
        json!(9_223_372_036_854_775_807_u64 + 1),
        json!(1e30),
        json!(0),
        json!(-5),
        json!("60"),
    ] {
        let res = s
            .as_user(Method::POST, &sign, &u)
            .json(&json!({"expiresIn": bad}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "{bad}");
        let body: Value = res.json().await.unwrap();
        assert!(
            body["message"]
                .as_str()
                .unwrap()
                .contains("from 1 to 315360000"),
            "{bad}: {body}"
        );
    }
    let res = s
        .as_user(Method::POST, &sign, &u)
        .json(&json!({"expiresIn": 315_360_000}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}
