//! Carrying out a [`Plan`]: each file downloaded from the source, uploaded to the destination
//! with `x-upsert` and read back there, its SHA-256 compared with the source's bytes; each row
//! upserted by id (`Prefer: resolution=merge-duplicates`), so copying twice never makes a second
//! row. Every finished item goes into the [`Journal`] at once. A failure that may pass (network,
//! timeout, a 5xx after the retries) stops the run — the next one resumes after the last item
//! written down; one that will not (a row the destination refuses) is reported and the run goes
//! on. At the end every table is counted on both sides.

use std::collections::{HashMap, HashSet};

use bytes::Bytes;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::journal::{Done, Journal};
use super::plan::{self, FileItem, Plan};
use super::target::Target;
use super::{MoveProgress, MoveReport, MoveStep, Reporter, TableCount};
use crate::api::ApiClient;
use crate::error::CoreError;
use crate::http::{Request, Service};

/// Signed URLs made on the destination last as long as the backend's own (one hour).
const SIGNED_URL_SECONDS: u64 = 3600;

/// One run's context.
pub(crate) struct Run<'a> {
    pub source: &'a ApiClient,
    pub source_user: &'a str,
    pub target: &'a Target,
    pub journal: &'a Journal,
    pub reporter: &'a Reporter,
    pub now: &'a (dyn Fn() -> i64 + Send + Sync),
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn encode_path(path: &str) -> String {
    path.split('/')
        .map(|s| {
            url::form_urlencoded::byte_serialize(s.as_bytes())
                .collect::<String>()
                .replace('+', "%20")
        })
        .collect::<Vec<_>>()
        .join("/")
}

impl Run<'_> {
    pub(crate) async fn run(&self, plan: &Plan, resumed: bool) -> Result<MoveReport, CoreError> {
        let done = self.journal.done().await?;
        let mut progress = MoveProgress {
            step: MoveStep::Files,
            done: 0,
            total: plan.len() as u32,
            bytes_done: 0,
            bytes_total: plan.bytes(),
            message: None,
        };
        self.reporter.report(&progress);
        let mut report = MoveReport {
            target_url: self.target.endpoint.base_url.to_string(),
            resumed,
            ..MoveReport::default()
        };
        let mut copied: HashSet<(String, String)> = HashSet::new();
        for file in &plan.files {
            let outcome = match done.get(&file.key()) {
                Some(d) => Ok(d.clone()),
                None => self.copy_file(file).await,
            };
            match outcome {
                Ok(d) => {
                    report.files_verified += 1;
                    report.bytes += d.bytes;
                    progress.bytes_done += d.bytes;
                    copied.insert((
                        file.bucket.clone(),
                        plan::rewrite_path(&file.path, self.source_user, &self.target.user_id),
                    ));
                }
                Err(e) if e.is_retryable() => return Err(e),
                Err(e) => report
                    .failures
                    .push(format!("{}/{}: {e}", file.bucket, file.path)),
            }
            report.files += 1;
            progress.done += 1;
            self.reporter.report(&progress);
        }
        progress.step = MoveStep::Rows;
        for (table, rows) in &plan.rows {
            for row in rows {
                let key = plan::row_key(table, row);
                if !done.contains_key(&key) {
                    match self.copy_row(table, row, &copied).await {
                        Ok(()) => {
                            let d = Done {
                                sha256: None,
                                bytes: 0,
                            };
                            self.journal.mark(&key, &d, (self.now)()).await?;
                        }
                        Err(e) if e.is_retryable() => return Err(e),
                        Err(e) => report.failures.push(format!(
                            "{table} {}: {e}",
                            row["id"].as_str().unwrap_or_default()
                        )),
                    }
                }
                progress.done += 1;
                self.reporter.report(&progress);
            }
        }
        progress.step = MoveStep::Verifying;
        self.reporter.report(&progress);
        for (table, rows) in &plan.rows {
            let there: HashSet<String> = plan::all_rows(&self.target.api, table, "id")
                .await?
                .into_iter()
                .filter_map(|r| r["id"].as_str().map(str::to_owned))
                .collect();
            let found = rows
                .iter()
                .filter(|r| r["id"].as_str().is_some_and(|id| there.contains(id)))
                .count();
            report.tables.push(TableCount {
                table: (*table).to_owned(),
                source: rows.len() as u32,
                target: found as u32,
            });
        }
        report.complete = report.failures.is_empty()
            && report.files_verified == report.files
            && report.tables.iter().all(|t| t.source == t.target);
        Ok(report)
    }

    /// Copies one file and reads it back; the journal entry holds the checksum that matched.
    async fn copy_file(&self, file: &FileItem) -> Result<Done, CoreError> {
        let bytes = self
            .source
            .download(&format!("{}/{}", file.bucket, file.path))
            .await?;
        let sha = hex(&Sha256::digest(&bytes));
        let path = plan::rewrite_path(&file.path, self.source_user, &self.target.user_id);
        let upload = Request::new(
            Service::Storage,
            reqwest::Method::POST,
            format!("/object/{}/{}", file.bucket, encode_path(&path)),
        )
        .bytes(bytes.clone(), &file.mimetype)
        .header("x-upsert", "true")
        .replay_safe();
        self.target.api.send(&upload).await?;
        let back: Bytes = self
            .target
            .api
            .download(&format!("{}/{path}", file.bucket))
            .await?;
        let back_sha = hex(&Sha256::digest(&back));
        if back_sha != sha {
            return Err(CoreError::InvalidResponse(format!(
                "the copy reads back different bytes (SHA-256 {back_sha}, expected {sha})"
            )));
        }
        let done = Done {
            sha256: Some(sha),
            bytes: bytes.len() as u64,
        };
        self.journal.mark(&file.key(), &done, (self.now)()).await?;
        Ok(done)
    }

    /// Upserts one row, its signed URLs made again on the destination for files it has.
    async fn copy_row(
        &self,
        table: &str,
        row: &Value,
        copied: &HashSet<(String, String)>,
    ) -> Result<(), CoreError> {
        let (mut row, to_sign) = plan::rewrite_row(row, self.source_user, &self.target.user_id);
        let mut signed: HashMap<&str, String> = HashMap::new();
        for s in to_sign {
            if copied.contains(&(s.bucket.clone(), s.path.clone())) {
                signed.insert(s.column, self.sign(&s.bucket, &s.path).await?);
            }
        }
        if let Some(obj) = row.as_object_mut() {
            for (column, url) in signed {
                obj.insert(column.to_owned(), json!(url));
            }
        }
        self.target.api.upsert(table, &row).await
    }

    async fn sign(&self, bucket: &str, path: &str) -> Result<String, CoreError> {
        let request = Request::new(
            Service::Storage,
            reqwest::Method::POST,
            format!("/object/sign/{bucket}/{}", encode_path(path)),
        )
        .json(&json!({"expiresIn": SIGNED_URL_SECONDS}))
        .replay_safe();
        let answer: Value = self.target.api.send(&request).await?.json()?;
        let url = answer["signedURL"]
            .as_str()
            .ok_or_else(|| CoreError::InvalidResponse("no signedURL in the answer".into()))?;
        Ok(if url.starts_with("http") {
            url.to_owned()
        } else {
            self.target.api.transport().url(Service::Storage, url)
        })
    }
}
