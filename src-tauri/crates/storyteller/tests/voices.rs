//! Voice packs against a real HTTP server on loopback that serves a Piper-format catalogue, a
//! voice and a runtime wheel, with `Range` support and the faults a family meets: a damaged
//! file, a connection cut in the middle, a cancelled download, a full disk (the kernel's own
//! `/dev/full`), a catalogue that is not one. Plus importing voice files and finding them.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use infinite_stories_storyteller::Language;
use infinite_stories_storyteller::voices::*;
use md5::Digest;

const CONFIG: &str = r#"{"audio":{"sample_rate":22050},"espeak":{"voice":"en-us"},
  "inference":{"noise_scale":0.667,"length_scale":1,"noise_w":0.8},"phoneme_type":"espeak",
  "num_speakers":1,"language":{"code":"en_US","family":"en"},
  "phoneme_id_map":{"_":[0],"^":[1],"$":[2]," ":[3],"a":[14]}}"#;
const CARD: &str = "# Model card for joe (medium)\n\n## Dataset\n\n* License: CC0\n";

#[derive(Default)]
struct Served {
    files: HashMap<String, Vec<u8>>,
    /// (path, Range header) of every request.
    log: Vec<(String, Option<String>)>,
}

type Shared = Arc<Mutex<Served>>;

async fn serve(State(state): State<Shared>, uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path().to_string();
    let range = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut served = state.lock().unwrap();
    served.log.push((path.clone(), range.clone()));
    let Some(body) = served.files.get(&path).cloned() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let from = range
        .as_deref()
        .and_then(|r| r.strip_prefix("bytes="))
        .and_then(|r| r.trim_end_matches('-').parse::<usize>().ok())
        .unwrap_or(0);
    if from >= body.len() && from > 0 {
        return StatusCode::RANGE_NOT_SATISFIABLE.into_response();
    }
    let rest = body[from..].to_vec();
    let status = if from > 0 {
        StatusCode::PARTIAL_CONTENT
    } else {
        StatusCode::OK
    };
    let length = rest.len();
    let mut response = (status, Body::from(rest)).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_LENGTH, length.into());
    h.insert(header::ACCEPT_RANGES, "bytes".parse().unwrap());
    if from > 0 {
        h.insert(
            header::CONTENT_RANGE,
            format!("bytes {from}-{}/{}", from + length - 1, from + length)
                .parse()
                .unwrap(),
        );
    }
    response
}

async fn server(files: HashMap<String, Vec<u8>>) -> (String, Shared) {
    let state: Shared = Arc::new(Mutex::new(Served {
        files,
        ..Served::default()
    }));
    let app = axum::Router::new()
        .fallback(serve)
        .with_state(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{address}"), state)
}

fn md5_hex(bytes: &[u8]) -> String {
    hex(&md5::Md5::digest(bytes))
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex(&sha2::Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A stand-in model: an ONNX protobuf starts with field 1 (ir_version); 300 kB of it.
fn model_bytes() -> Vec<u8> {
    let mut model = vec![0x08, 0x07];
    model.extend((0..300_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    model
}

/// The catalogue, the voice's three files; `model_md5` overrides the model's digest.
fn voice_files(model_md5: Option<&str>) -> HashMap<String, Vec<u8>> {
    let model = model_bytes();
    let dir = "en/en_US/joe/medium";
    let entry = |bytes: &[u8], md5: Option<&str>| serde_json::json!({"size_bytes": bytes.len(), "md5_digest": md5.map_or_else(|| md5_hex(bytes), str::to_string)});
    let catalogue = serde_json::json!({
        "en_US-joe-medium": {
            "key": "en_US-joe-medium", "name": "joe", "quality": "medium", "num_speakers": 1,
            "language": {"code": "en_US", "family": "en", "region": "US"},
            "speaker_id_map": {}, "aliases": [],
            "files": {
                format!("{dir}/en_US-joe-medium.onnx"): entry(&model, model_md5),
                format!("{dir}/en_US-joe-medium.onnx.json"): entry(CONFIG.as_bytes(), None),
                format!("{dir}/MODEL_CARD"): entry(CARD.as_bytes(), None),
            }
        },
        "fr_FR-huge-medium": {
            "language": {"code": "fr_FR"},
            "files": {
                "fr/huge.onnx": {"size_bytes": 1u64 << 60, "md5_digest": "00"},
                "fr/huge.onnx.json": {"size_bytes": 10, "md5_digest": "00"}
            }
        }
    });
    HashMap::from([
        (
            "/piper/voices.json".to_string(),
            serde_json::to_vec(&catalogue).unwrap(),
        ),
        (format!("/piper/{dir}/en_US-joe-medium.onnx"), model),
        (
            format!("/piper/{dir}/en_US-joe-medium.onnx.json"),
            CONFIG.as_bytes().to_vec(),
        ),
        (format!("/piper/{dir}/MODEL_CARD"), CARD.as_bytes().to_vec()),
    ])
}

const MODEL_PATH: &str = "/piper/en/en_US/joe/medium/en_US-joe-medium.onnx";

/// A bare HTTP/1.1 server for one file whose first response is cut off: it promises the whole
/// length, sends `cut` bytes and closes the connection (a clean FIN, so the client gets those
/// bytes and then an early end). Later requests are served whole, or from their `Range`.
/// Returns its URL and the `Range` header of every request.
async fn cutting_server(body: Vec<u8>, cut: usize) -> (String, Arc<Mutex<Vec<Option<String>>>>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/file", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = log.clone();
    tokio::spawn(async move {
        let mut first = true;
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut request = Vec::new();
            let mut buf = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match socket.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let text = String::from_utf8_lossy(&request).to_ascii_lowercase();
            let range = text
                .lines()
                .find_map(|l| l.strip_prefix("range:"))
                .map(|r| r.trim().to_string());
            seen.lock().unwrap().push(range.clone());
            let from = range
                .as_deref()
                .and_then(|r| r.strip_prefix("bytes="))
                .and_then(|r| r.trim_end_matches('-').parse::<usize>().ok())
                .unwrap_or(0);
            let rest = &body[from..];
            let head = if from > 0 {
                format!(
                    "HTTP/1.1 206 Partial Content\r\nContent-Length: {}\r\nContent-Range: bytes {from}-{}/{}\r\nConnection: close\r\n\r\n",
                    rest.len(),
                    body.len() - 1,
                    body.len()
                )
            } else {
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nAccept-Ranges: bytes\r\nConnection: close\r\n\r\n",
                    rest.len()
                )
            };
            let send = if first { &rest[..cut] } else { rest };
            first = false;
            let _ = socket.write_all(head.as_bytes()).await;
            let _ = socket.write_all(send).await;
            let _ = socket.shutdown().await;
        }
    });
    (url, log)
}

fn no_progress(_: DownloadProgress) {}

#[tokio::test]
async fn a_voice_installs_from_the_catalogue_with_progress_and_its_licence() {
    let (base, _) = server(voice_files(None)).await;
    let data = tempfile::tempdir().unwrap();
    let library = VoiceLibrary::new(data.path());
    let downloader = VoiceDownloader::new(format!("{base}/piper/voices.json"));
    let catalogue = downloader.catalogue().await.unwrap();
    let offered: Vec<&str> = catalogue
        .for_language(Language::En)
        .iter()
        .map(|v| v.key.as_str())
        .collect();
    assert_eq!(offered, ["en_US-joe-medium"]);
    let joe = catalogue.voice("en_US-joe-medium").unwrap();
    assert_eq!(
        downloader.licence(joe).await.unwrap().openness,
        Openness::Open
    );
    let seen = Mutex::new(Vec::new());
    let installed = downloader
        .install(
            &library,
            joe,
            &|p: DownloadProgress| seen.lock().unwrap().push(p),
            &Cancel::new(),
        )
        .await
        .unwrap();
    assert_eq!(installed.key, "en_US-joe-medium");
    assert_eq!(installed.language, Language::En);
    assert_eq!(installed.licence.name, "CC0");
    assert!(installed.licence.redistributable());
    assert_eq!(std::fs::read(&installed.model).unwrap(), model_bytes());
    assert_eq!(
        installed.model,
        data.path().join("voices/en/en_US-joe-medium.onnx")
    );
    assert!(
        data.path()
            .join("voices/en/en_US-joe-medium.MODEL_CARD")
            .exists()
    );
    assert!(!data.path().join("voices/en/.partial").exists());
    let seen = seen.into_inner().unwrap();
    assert!(seen.windows(2).all(|w| w[1].downloaded >= w[0].downloaded));
    let last = seen.last().unwrap();
    assert_eq!(
        (last.downloaded, last.total),
        (joe.size_bytes(), joe.size_bytes())
    );
    assert_eq!(library.installed(), vec![installed.clone()]);
    assert_eq!(library.installed_for(Language::En), vec![installed]);
    assert!(library.installed_for(Language::Fr).is_empty());
    library.remove("en_US-joe-medium").unwrap();
    assert!(library.installed().is_empty());
    assert_eq!(
        library.remove("en_US-joe-medium").unwrap_err().code(),
        "NOT_FOUND"
    );
}

#[tokio::test]
async fn a_damaged_download_is_deleted_and_nothing_is_installed() {
    let (base, _) = server(voice_files(Some("0123456789abcdef0123456789abcdef"))).await;
    let data = tempfile::tempdir().unwrap();
    let library = VoiceLibrary::new(data.path());
    let downloader = VoiceDownloader::new(format!("{base}/piper/voices.json"));
    let catalogue = downloader.catalogue().await.unwrap();
    let joe = catalogue.voice("en_US-joe-medium").unwrap();
    let err = downloader
        .install(&library, joe, &no_progress, &Cancel::new())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "CHECKSUM_MISMATCH", "{err}");
    assert!(err.is_retryable());
    assert!(
        err.to_string().contains("en_US-joe-medium.onnx is damaged"),
        "{err}"
    );
    assert!(library.installed().is_empty());
    let partial = data.path().join("voices/en/.partial");
    assert!(!partial.join("en_US-joe-medium.onnx.part").exists());
}

#[tokio::test]
async fn a_cut_connection_is_resumed_with_a_range_request() {
    let (model_url, ranges) = cutting_server(model_bytes(), 120_000).await;
    let mut files = voice_files(None);
    // Our catalogues may give a file's absolute URL: the model comes from the cutting server.
    let mut catalogue: serde_json::Value =
        serde_json::from_slice(&files["/piper/voices.json"]).unwrap();
    catalogue["en_US-joe-medium"]["files"]["en/en_US/joe/medium/en_US-joe-medium.onnx"]["url"] =
        model_url.into();
    files.insert(
        "/piper/voices.json".into(),
        serde_json::to_vec(&catalogue).unwrap(),
    );
    let (base, _) = server(files).await;
    let data = tempfile::tempdir().unwrap();
    let library = VoiceLibrary::new(data.path());
    let downloader = VoiceDownloader::new(format!("{base}/piper/voices.json"));
    let catalogue = downloader.catalogue().await.unwrap();
    let joe = catalogue.voice("en_US-joe-medium").unwrap();
    let installed = downloader
        .install(&library, joe, &no_progress, &Cancel::new())
        .await
        .unwrap();
    assert_eq!(std::fs::read(&installed.model).unwrap(), model_bytes());
    let ranges = ranges.lock().unwrap().clone();
    assert_eq!(
        ranges,
        [None, Some("bytes=120000-".to_string())],
        "the first request was cut at 120,000 bytes and the second resumed there"
    );
}

#[tokio::test]
async fn a_cancelled_download_keeps_its_part_and_resumes_next_time() {
    let (base, state) = server(voice_files(None)).await;
    let data = tempfile::tempdir().unwrap();
    let library = VoiceLibrary::new(data.path());
    let downloader = VoiceDownloader::new(format!("{base}/piper/voices.json"));
    let catalogue = downloader.catalogue().await.unwrap();
    let joe = catalogue.voice("en_US-joe-medium").unwrap();
    let cancel = Cancel::new();
    // The family presses Cancel once some of the model has arrived.
    let on_progress = |p: DownloadProgress| {
        if p.file.ends_with(".onnx") && p.downloaded > 50_000 {
            cancel.cancel();
        }
    };
    let err = downloader
        .install(&library, joe, &on_progress, &cancel)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "CANCELLED");
    assert!(library.installed().is_empty());
    let part = data
        .path()
        .join("voices/en/.partial/en_US-joe-medium.onnx.part");
    let kept = std::fs::metadata(&part).unwrap().len();
    assert!(kept > 0 && kept < model_bytes().len() as u64, "{kept}");
    let installed = downloader
        .install(&library, joe, &no_progress, &Cancel::new())
        .await
        .unwrap();
    assert_eq!(std::fs::read(&installed.model).unwrap(), model_bytes());
    let log = state.lock().unwrap().log.clone();
    assert!(
        log.iter()
            .any(|(p, r)| p == MODEL_PATH && r.as_deref() == Some(&format!("bytes={kept}-"))),
        "{log:?}"
    );
}

#[tokio::test]
async fn a_full_disk_is_a_clear_error() {
    let (base, state) = server(voice_files(None)).await;
    let data = tempfile::tempdir().unwrap();
    let library = VoiceLibrary::new(data.path());
    let downloader = VoiceDownloader::new(format!("{base}/piper/voices.json"));
    let catalogue = downloader.catalogue().await.unwrap();
    // Known before starting: more bytes than any disk has free.
    let huge = catalogue.voice("fr_FR-huge-medium").unwrap();
    let err = downloader
        .install(&library, huge, &no_progress, &Cancel::new())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "DISK_FULL", "{err}");
    assert!(err.to_string().contains("free some space"), "{err}");
    assert!(
        !state
            .lock()
            .unwrap()
            .log
            .iter()
            .any(|(p, _)| p.contains("huge")),
        "nothing was requested"
    );
    // Found while writing: the model's partial file is the kernel's /dev/full (ENOSPC).
    let partial = data.path().join("voices/en/.partial");
    std::fs::create_dir_all(&partial).unwrap();
    std::os::unix::fs::symlink("/dev/full", partial.join("en_US-joe-medium.onnx.part")).unwrap();
    let joe = catalogue.voice("en_US-joe-medium").unwrap();
    let err = downloader
        .install(&library, joe, &no_progress, &Cancel::new())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "DISK_FULL", "{err}");
    assert!(err.is_retryable());
    assert!(library.installed().is_empty());
}

#[tokio::test]
async fn a_page_that_is_not_a_catalogue_or_is_missing_says_so() {
    let mut files = voice_files(None);
    files.insert("/html/voices.json".into(), b"<html>hello</html>".to_vec());
    let (base, _) = server(files).await;
    let err = VoiceDownloader::new(format!("{base}/html/voices.json"))
        .catalogue()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("voices.json format"), "{err}");
    let err = VoiceDownloader::new(format!("{base}/nowhere/voices.json"))
        .catalogue()
        .await
        .unwrap_err();
    assert_eq!(err.code(), "NETWORK_ERROR");
    assert!(err.to_string().contains("404"), "{err}");
    assert!(
        !err.is_retryable(),
        "a missing catalogue will not appear by retrying"
    );
}

/// A ZIP (a wheel) holding `files`, deflated.
fn wheel(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let mut deflater =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        deflater.write_all(data).unwrap();
        let packed = deflater.finish().unwrap();
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let offset = out.len() as u32;
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes()); // version needed
            v.extend_from_slice(&0u16.to_le_bytes()); // flags
            v.extend_from_slice(&8u16.to_le_bytes()); // deflate
            v.extend_from_slice(&[0, 0, 0, 0]); // time, date
            v.extend_from_slice(&crc.sum().to_le_bytes());
            v.extend_from_slice(&(packed.len() as u32).to_le_bytes());
            v.extend_from_slice(&(data.len() as u32).to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        out.extend_from_slice(&[0x50, 0x4b, 0x03, 0x04]);
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        central.extend_from_slice(&[0x50, 0x4b, 0x01, 0x02, 20, 0]);
        common(&mut central);
        central.extend_from_slice(&[0; 8]); // comment len, disk, internal attrs, (part of) external
        central.extend_from_slice(&[0; 2]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let dir_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&dir_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[tokio::test]
async fn the_runtime_is_fetched_from_a_wheel_checked_and_found() {
    // Noise (xorshift), so the deflated wheel is about as big as the library.
    let mut x = 0x2545_f491u32;
    let library_bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    let whl = wheel(&[
        ("onnxruntime/__init__.py", b"# hello"),
        ("onnxruntime/capi/libonnxruntime.so.1.32.0", &library_bytes),
        (
            "onnxruntime/capi/libonnxruntime_providers_shared.so",
            b"plugin",
        ),
    ]);
    let (wheel_url, ranges) = cutting_server(whl.clone(), 10_000).await;
    let (base, _) = server(HashMap::new()).await;
    let data = tempfile::tempdir().unwrap();
    let library = VoiceLibrary::new(data.path());
    let downloader = VoiceDownloader::new(format!("{base}/piper/voices.json"));
    let source = RuntimeSource {
        url: wheel_url,
        size_bytes: whl.len() as u64,
        sha256: sha256_hex(&whl),
        member: Some("onnxruntime/capi/libonnxruntime.so.1.32.0".into()),
    };
    let path = downloader
        .install_runtime(&library, &source, &no_progress, &Cancel::new())
        .await
        .unwrap();
    assert_eq!(path, data.path().join("runtime/libonnxruntime.so.1.32.0"));
    assert_eq!(std::fs::read(&path).unwrap(), library_bytes);
    assert!(!data.path().join("runtime/.partial").exists());
    assert_eq!(ranges.lock().unwrap()[1].as_deref(), Some("bytes=10000-"));
    if std::env::var_os("INFINITE_STORIES_ONNXRUNTIME").is_none()
        && std::env::var_os("ORT_DYLIB_PATH").is_none()
    {
        assert_eq!(library.runtime(), Some(path));
    }
    // A wheel with another checksum is refused; one without the library says so.
    let wrong = RuntimeSource {
        sha256: "ab".repeat(32),
        ..source.clone()
    };
    let err = downloader
        .install_runtime(
            &VoiceLibrary::new(data.path().join("b")),
            &wrong,
            &no_progress,
            &Cancel::new(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "CHECKSUM_MISMATCH");
    let missing = RuntimeSource {
        member: Some("onnxruntime/capi/nothing.so".into()),
        ..source
    };
    let err = downloader
        .install_runtime(
            &VoiceLibrary::new(data.path().join("c")),
            &missing,
            &no_progress,
            &Cancel::new(),
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("nothing.so is not in it"), "{err}");
}

#[test]
fn voice_files_the_family_has_are_imported_and_checked() {
    let from = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = from.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let model = write("en_US-joe-medium.onnx", &model_bytes());
    let config = write("en_US-joe-medium.onnx.json", CONFIG.as_bytes());
    let card = write("MODEL_CARD", CARD.as_bytes());
    let data = tempfile::tempdir().unwrap();
    let library = VoiceLibrary::new(data.path());
    let voice = library.import(&model, &config, Some(&card)).unwrap();
    assert_eq!(voice.key, "en_US-joe-medium");
    assert_eq!(voice.language, Language::En);
    assert_eq!(voice.licence.openness, Openness::Open);
    assert_eq!(library.installed(), vec![voice]);
    // Not a model, not a config, a language the app does not speak.
    let text = write("notes.onnx", b"hello");
    let err = library.import(&text, &config, None).unwrap_err();
    assert!(err.to_string().contains("not an ONNX model"), "{err}");
    let bad = write("bad.onnx.json", b"{\"audio\": 1}");
    let err = library.import(&model, &bad, None).unwrap_err();
    assert_eq!(err.code(), "INVALID_REQUEST");
    assert!(err.to_string().contains("Piper voice config"), "{err}");
    let chinese = write(
        "zh.onnx.json",
        CONFIG
            .replace("\"en_US\",\"family\":\"en\"", "\"zh_CN\",\"family\":\"zh\"")
            .as_bytes(),
    );
    let zh_model = write("zh_CN-huayan-medium.onnx", &model_bytes());
    let err = library.import(&zh_model, &chinese, None).unwrap_err();
    assert!(err.to_string().contains("not one the app speaks"), "{err}");
    assert!(missing_is_reported(&library, from.path()));
}

fn missing_is_reported(library: &VoiceLibrary, dir: &Path) -> bool {
    let err = library
        .import(
            &dir.join("absent.onnx"),
            &dir.join("absent.onnx.json"),
            None,
        )
        .unwrap_err();
    err.code() == "IO_ERROR"
}
