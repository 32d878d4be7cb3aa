//! What a move copies, in order: the family's files (every object under its folder in the three
//! buckets), then its rows, parents before children (heroes and custom events, stories, then
//! scenes, pictures and listening sessions), so a child never reaches the destination before the
//! row it points at. Rows keep their ids; what names the family is rewritten for the destination
//! account: `user_id`, and the first folder of every storage path (the folder storage policies
//! check against `auth.uid()`). Signed URLs of the source point at a backend the destination
//! cannot reach; they are signed again on the destination once the files are there.

use serde_json::{Value, json};

use crate::api::ApiClient;
use crate::error::CoreError;
use crate::http::{Request, Service};

/// The tables, parents first.
pub(crate) const TABLES: [&str; 6] = [
    "heroes",
    "custom_events",
    "stories",
    "story_scenes",
    "story_illustrations",
    "listening_sessions",
];

/// The buckets a family's files live in.
pub(crate) const BUCKETS: [&str; 3] = ["hero-avatars", "story-audio", "story-illustrations"];

/// Columns holding a storage path, with their bucket.
const PATH_COLUMNS: [(&str, &str); 3] = [
    ("avatar_path", "hero-avatars"),
    ("audio_path", "story-audio"),
    ("image_path", "story-illustrations"),
];

/// Columns holding a signed URL.
const URL_COLUMNS: [&str; 4] = ["avatar_url", "audio_url", "timings_url", "image_url"];

/// Rows and objects per request.
const PAGE: usize = 1000;

/// One file to copy.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FileItem {
    pub bucket: String,
    /// Path on the source (`<source user>/…`).
    pub path: String,
    /// Size as the source lists it.
    pub size: u64,
    pub mimetype: String,
}

impl FileItem {
    /// The journal's name for it.
    pub(crate) fn key(&self) -> String {
        format!("file:{}/{}", self.bucket, self.path)
    }
}

/// Everything to copy.
#[derive(Clone, Debug, Default)]
pub(crate) struct Plan {
    pub files: Vec<FileItem>,
    /// Rows per table, in [`TABLES`] order.
    pub rows: Vec<(&'static str, Vec<Value>)>,
}

impl Plan {
    /// Files and rows together.
    pub(crate) fn len(&self) -> usize {
        self.files.len() + self.rows.iter().map(|(_, r)| r.len()).sum::<usize>()
    }

    /// The bytes of every file.
    pub(crate) fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }
}

/// The journal's name for a row.
pub(crate) fn row_key(table: &str, row: &Value) -> String {
    format!("row:{table}:{}", row["id"].as_str().unwrap_or_default())
}

/// Reads the family's files and rows from the source.
pub(crate) async fn read(api: &ApiClient, user: &str) -> Result<Plan, CoreError> {
    let mut plan = Plan::default();
    for bucket in BUCKETS {
        list_files(api, bucket, user, &mut plan.files).await?;
    }
    for table in TABLES {
        plan.rows.push((table, all_rows(api, table, "*").await?));
    }
    Ok(plan)
}

/// Every row of `table` the signed-in user sees, `select`ed, in id order.
pub(crate) async fn all_rows(
    api: &ApiClient,
    table: &str,
    select: &str,
) -> Result<Vec<Value>, CoreError> {
    let mut out = Vec::new();
    loop {
        let page: Vec<Value> = api
            .select(
                table,
                &format!(
                    "select={select}&order=id.asc&limit={PAGE}&offset={}",
                    out.len()
                ),
            )
            .await?;
        let last = page.len() < PAGE;
        out.extend(page);
        if last {
            return Ok(out);
        }
    }
}

/// Lists every object under `prefix` in `bucket`, folders included (Storage lists one level).
async fn list_files(
    api: &ApiClient,
    bucket: &str,
    prefix: &str,
    out: &mut Vec<FileItem>,
) -> Result<(), CoreError> {
    let mut folders = vec![prefix.to_owned()];
    while let Some(folder) = folders.pop() {
        let mut offset = 0;
        loop {
            let request = Request::new(
                Service::Storage,
                reqwest::Method::POST,
                format!("/object/list/{bucket}"),
            )
            .json(&json!({"prefix": folder, "limit": PAGE, "offset": offset,
                              "sortBy": {"column": "name", "order": "asc"}}))
            .replay_safe();
            let entries: Vec<Value> = api.send(&request).await?.json()?;
            for entry in &entries {
                let Some(name) = entry["name"].as_str() else {
                    continue;
                };
                let path = format!("{folder}/{name}");
                if entry["id"].is_null() {
                    folders.push(path);
                } else {
                    out.push(FileItem {
                        bucket: bucket.to_owned(),
                        path,
                        size: entry["metadata"]["size"].as_u64().unwrap_or(0),
                        mimetype: entry["metadata"]["mimetype"]
                            .as_str()
                            .unwrap_or("application/octet-stream")
                            .to_owned(),
                    });
                }
            }
            if entries.len() < PAGE {
                break;
            }
            offset += entries.len();
        }
    }
    out.sort_by(|a, b| (&a.bucket, &a.path).cmp(&(&b.bucket, &b.path)));
    Ok(())
}

/// `path` with its first folder `from` replaced by `to` (other paths are kept).
pub(crate) fn rewrite_path(path: &str, from: &str, to: &str) -> String {
    match path.split_once('/') {
        Some((first, rest)) if first == from => format!("{to}/{rest}"),
        _ => path.to_owned(),
    }
}

/// The bucket and object path of a signed storage URL (`…/object/sign/<bucket>/<path>?token=…`).
pub(crate) fn signed_object(url: &str) -> Option<(String, String)> {
    let after = url.split_once("/object/sign/")?.1;
    let path = after.split(['?', '#']).next()?;
    let (bucket, name) = path.split_once('/')?;
    let name: String = name
        .split('/')
        .map(percent_decode)
        .collect::<Vec<_>>()
        .join("/");
    (!bucket.is_empty() && !name.is_empty()).then(|| (bucket.to_owned(), name))
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| s.to_owned())
}

/// A URL column to sign again on the destination once its file is there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ToSign {
    pub column: &'static str,
    pub bucket: String,
    /// Path on the destination.
    pub path: String,
}

/// `row` of `table` as the destination gets it: owner and storage paths rewritten from `from`
/// to `to`, signed URLs cleared and listed for signing again.
pub(crate) fn rewrite_row(row: &Value, from: &str, to: &str) -> (Value, Vec<ToSign>) {
    let mut row = row.clone();
    let mut sign = Vec::new();
    let Some(obj) = row.as_object_mut() else {
        return (row, sign);
    };
    if obj.get("user_id").and_then(Value::as_str) == Some(from) {
        obj.insert("user_id".into(), json!(to));
    }
    for (column, _) in PATH_COLUMNS {
        if let Some(path) = obj.get(column).and_then(Value::as_str) {
            let new = rewrite_path(path, from, to);
            obj.insert(column.into(), json!(new));
        }
    }
    for column in URL_COLUMNS {
        let Some(url) = obj.get(column).and_then(Value::as_str) else {
            continue;
        };
        if let Some((bucket, path)) = signed_object(url) {
            sign.push(ToSign {
                column,
                bucket,
                path: rewrite_path(&path, from, to),
            });
        }
        obj.insert(column.into(), Value::Null);
    }
    (row, sign)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_folder_naming_the_family_is_rewritten() {
        assert_eq!(
            rewrite_path("u1/s1/narration.ogg", "u1", "t9"),
            "t9/s1/narration.ogg"
        );
        assert_eq!(rewrite_path("x/u1/a.png", "u1", "t9"), "x/u1/a.png");
        assert_eq!(rewrite_path("u1", "u1", "t9"), "u1");
    }

    #[test]
    fn a_signed_url_names_its_bucket_and_path() {
        assert_eq!(
            signed_object(
                "http://127.0.0.1:5/storage/v1/object/sign/story-audio/u1/s%201/narration.ogg?token=ey"
            ),
            Some(("story-audio".into(), "u1/s 1/narration.ogg".into()))
        );
        assert_eq!(signed_object("https://example.com/picture.png"), None);
    }

    #[test]
    fn a_row_is_rewritten_for_the_destination_account() {
        let row = json!({"id": "s1", "user_id": "u1", "title": "T",
            "audio_path": "u1/s1/narration.ogg",
            "audio_url": "http://127.0.0.1:5/storage/v1/object/sign/story-audio/u1/s1/narration.ogg?token=x",
            "timings_url": "http://127.0.0.1:5/storage/v1/object/sign/story-audio/u1/s1/timings.json?token=y"});
        let (out, sign) = rewrite_row(&row, "u1", "t9");
        assert_eq!(out["user_id"], "t9");
        assert_eq!(out["audio_path"], "t9/s1/narration.ogg");
        assert!(out["audio_url"].is_null() && out["timings_url"].is_null());
        assert_eq!(out["title"], "T");
        assert_eq!(
            sign,
            vec![
                ToSign {
                    column: "audio_url",
                    bucket: "story-audio".into(),
                    path: "t9/s1/narration.ogg".into()
                },
                ToSign {
                    column: "timings_url",
                    bucket: "story-audio".into(),
                    path: "t9/s1/timings.json".into()
                },
            ]
        );
    }
}
