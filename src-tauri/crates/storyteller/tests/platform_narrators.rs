//! The macOS `say` and Windows SAPI engines, run on Linux against stand-in programs that
//! follow each program's documented command line and speak with the real `espeak-ng` CLI:
//! decodable Ogg, duration matching the WAV, word timings that point at the words, the right
//! voice per language, seven distinct voices, clear errors, awkward paths, concurrency.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use infinite_stories_storyteller::narrator::{OfflineNarrator, SpeechEngine};
use infinite_stories_storyteller::{
    AudioFormat, Language, NarrationOutput, NarrationRequest, Voice,
};

/// Stand-in for macOS say(1): `say [-v voice] [-r rate] [-o out [--file-format=…]
/// [--data-format=…]] [-f file]`. Logs one line per call: voice, rate, embedded commands, WAV
/// size.
const FAKE_SAY: &str = r#"#!/bin/sh
[ "$1" = --probe ] && exit 0
here=$(dirname "$0")
voice= rate= out= file= fileformat= dataformat=
while [ $# -gt 0 ]; do
    case "$1" in
        -v) voice=$2; shift 2 ;;
        --voice=*) voice=${1#*=}; shift ;;
        -r) rate=$2; shift 2 ;;
        --rate=*) rate=${1#*=}; shift ;;
        -o) out=$2; shift 2 ;;
        --output-file=*) out=${1#*=}; shift ;;
        -f) file=$2; shift 2 ;;
        --input-file=*) file=${1#*=}; shift ;;
        --file-format=*) fileformat=${1#*=}; shift ;;
        --data-format=*) dataformat=${1#*=}; shift ;;
        -*) echo "say: unknown option $1" >&2; exit 64 ;;
        *) echo "say: this stand-in reads its text only with -f" >&2; exit 64 ;;
    esac
done
[ -n "$out" ] && [ -f "$file" ] || { echo "say: needs -o and an existing -f file" >&2; exit 64; }
[ "$fileformat" = WAVE ] && [ "$dataformat" = LEI16@22050 ] || { echo "say: bad format $fileformat $dataformat" >&2; exit 1; }
case "$rate" in ''|*[!0-9]*) echo "say: bad rate '$rate'" >&2; exit 1 ;; esac
case "$voice" in
    Samantha) lang=en-us ;;
    Thomas) lang=fr ;;
    Mónica) lang=es ;;
    Anna) lang=de ;;
    Alice) lang=it ;;
    *) echo "Voice \`$voice' not found." >&2; exit 1 ;;
esac
commands=$(sed -n 's/^\(\[\[pbas [^]]*\]\] \[\[pmod [^]]*\]\]\).*/\1/p' "$file" | head -n 1)
sed 's/\[\[[^]]*\]\]//g' "$file" > "$out.txt"
espeak-ng -v "$lang" -s "$rate" -w "$out" -f "$out.txt" || exit 1
printf '%s\t%s\t%s\t%s\n' "$voice" "$rate" "$commands" "$(wc -c < "$out")" >> "$here/calls.log"
"#;

/// Stand-in for `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File
/// script.ps1 <script parameters>` running the narration script: speaks the SSML with
/// espeak-ng and prints a `W` line per word, positions counted in the SSML document as SAPI
/// does (this stand-in counts bytes, so the texts given to it are ASCII).
const FAKE_POWERSHELL: &str = r#"#!/bin/sh
[ "$1" = --probe ] && exit 0
here=$(dirname "$0")
script= ssml= out= culture= rate= policy= noprofile= noninteractive=
while [ $# -gt 0 ]; do
    case "$1" in
        -NoProfile) noprofile=1; shift ;;
        -NonInteractive) noninteractive=1; shift ;;
        -ExecutionPolicy) policy=$2; shift 2 ;;
        -File) script=$2; shift 2; break ;;
        *) echo "powershell: unexpected argument $1" >&2; exit 64 ;;
    esac
done
while [ $# -gt 0 ]; do
    case "$1" in
        -SsmlPath) ssml=$2; shift 2 ;;
        -OutPath) out=$2; shift 2 ;;
        -Culture) culture=$2; shift 2 ;;
        -Rate) rate=$2; shift 2 ;;
        *) echo "A parameter cannot be found that matches parameter name '$1'." >&2; exit 1 ;;
    esac
done
[ -n "$noprofile" ] && [ -n "$noninteractive" ] && [ "$policy" = Bypass ] || { echo "powershell: missing switches" >&2; exit 64; }
[ -f "$script" ] || { echo "The argument '$script' to the -File parameter does not exist." >&2; exit 64; }
grep -q '^param(' "$script" && grep -q 'SpeakProgress' "$script" || { echo "script without SpeakProgress handler" >&2; exit 1; }
[ -f "$ssml" ] && [ -n "$out" ] && [ -n "$culture" ] || { echo "missing mandatory parameter" >&2; exit 1; }
case "$rate" in ''|-10|-[0-9]|[0-9]|10) ;; *) echo "bad rate '$rate'" >&2; exit 1 ;; esac
espeak-ng -m -v "${culture%%-*}" -w "$out" -f "$ssml" || exit 1
bytes=$(wc -c < "$out")
printf '%s\t%s\t%s\n' "$culture" "$rate" "$bytes" >> "$here/calls.log"
awk -v ms="$(( (bytes - 44) * 1000 / 44100 ))" '
{ doc = doc (NR > 1 ? "\n" : "") $0 }
END {
    n = length(doc); intag = 0; first = 0; last = 0
    for (i = 1; i <= n; i++) {
        c = substr(doc, i, 1)
        if (c == "<") intag = 1
        else if (c == ">") intag = 0
        else if (!intag) { if (!first) first = i; last = i }
    }
    span = last - first + 1; intag = 0; start = 0
    for (i = 1; i <= n + 1; i++) {
        c = (i <= n) ? substr(doc, i, 1) : "<"
        inword = !intag && c != "<" && c != ">" && c !~ /[ \t\r\n]/
        if (inword && !start) start = i
        if (!inword && start) {
            printf "W\t%d\t%d\t%d\r\n", start - 1, i - start, int(ms * (start - first) / span)
            start = 0
        }
        if (c == "<") intag = 1
        else if (c == ">") intag = 0
    }
}' "$ssml"
"#;

const FAILING: &str =
    "#!/bin/sh\n[ \"$1\" = --probe ] && exit 0\necho \"the synthesizer fell asleep\" >&2\nexit 1\n";

/// Writes an executable stand-in. Another test thread may fork while the file is open for
/// writing, and exec then fails with ETXTBSY until that child has exec'd: run it until it
/// starts (no sleeping).
fn install(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    for _ in 0..100_000 {
        match Command::new(&path).arg("--probe").status() {
            Ok(status) if status.success() => return path,
            Err(e) if e.raw_os_error() == Some(26) => std::thread::yield_now(),
            other => panic!("{name} does not run: {other:?}"),
        }
    }
    panic!("{name} stays busy")
}

/// A temp dir holding the stand-ins, and a scratch directory with an apostrophe in its name.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let scratch = dir.path().join("Zoe's scratch");
    std::fs::create_dir(&scratch).unwrap();
    (dir, scratch)
}

fn calls(dir: &Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(dir.join("calls.log"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn request(text: &str, voice: Voice, language: Language) -> NarrationRequest {
    NarrationRequest {
        text: text.to_string(),
        voice,
        language,
    }
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Ogg, a duration matching the WAVs (`wav_bytes`) plus the pauses, and timings in order that
/// point at every word of the text.
fn check(out: &NarrationOutput, text: &str, wav_bytes: &[u64], pauses: f64) {
    assert_eq!(out.format, AudioFormat::Ogg);
    assert_eq!(&out.bytes[..4], b"OggS");
    let speech: f64 = wav_bytes.iter().map(|b| (b - 44) as f64 / 44_100.0).sum();
    assert!(
        (out.duration_seconds - (speech + pauses)).abs() < 0.05,
        "{} s measured, {speech} s of speech + {pauses} s of pauses",
        out.duration_seconds
    );
    let chars: Vec<char> = text.chars().collect();
    let found: Vec<String> = out.timings.iter().map(|t| t.word.clone()).collect();
    assert_eq!(found, words(text));
    for t in &out.timings {
        assert_eq!(
            chars[t.char_start..t.char_end].iter().collect::<String>(),
            t.word
        );
        assert!(t.start <= t.end && t.end <= out.duration_seconds + 0.01);
    }
    for pair in out.timings.windows(2) {
        assert!(pair[1].start > pair[0].start, "{pair:?}");
        assert!(pair[1].char_start >= pair[0].char_end);
    }
}

fn bytes_of(calls: &[Vec<String>], column: usize) -> Vec<u64> {
    calls.iter().map(|c| c[column].parse().unwrap()).collect()
}

fn is_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).unwrap().next().is_none()
}

#[test]
fn say_reads_french_with_the_french_voice_and_estimated_timings() {
    let (dir, scratch) = setup();
    let program = install(dir.path(), "say", FAKE_SAY);
    let narrator = OfflineNarrator::with_engine(SpeechEngine::Say {
        program,
        scratch: scratch.clone(),
    });
    let text = "Il était une fois un petit renard.\n\nBonne nuit, petite étoile !";
    let out = narrator
        .narrate_now(&request(text, Voice::Coral, Language::Fr))
        .unwrap();
    let calls = calls(dir.path());
    assert_eq!(calls.len(), 2, "one call per paragraph");
    for call in &calls {
        assert_eq!(call[..3], ["Thomas", "136", "[[pbas +0.4]] [[pmod -2.4]]"]);
    }
    // Coral pauses 0.6 s after each paragraph.
    check(&out, text, &bytes_of(&calls, 3), 1.2);
    // The second paragraph starts where the first one's audio (and pause) ended.
    let first = (bytes_of(&calls, 3)[0] - 44) as f64 / 44_100.0 + 0.6;
    let bonne = out.timings.iter().find(|t| t.word == "Bonne").unwrap();
    assert!((bonne.start - first).abs() < 0.002, "{bonne:?} vs {first}");
    assert!(is_empty(&scratch), "scratch files are removed");
}

#[test]
fn say_gets_the_language_voice_and_seven_distinct_invocations() {
    let (dir, scratch) = setup();
    let program = install(dir.path(), "say", FAKE_SAY);
    let narrator = OfflineNarrator::with_engine(SpeechEngine::Say { program, scratch });
    let text = "A little fox looked at the moon.";
    for voice in Voice::ALL {
        narrator
            .narrate_now(&request(text, *voice, Language::En))
            .unwrap();
    }
    for (language, expected) in [
        (Language::De, "Anna"),
        (Language::Es, "Mónica"),
        (Language::It, "Alice"),
    ] {
        narrator
            .narrate_now(&request(
                "Gute Nacht, kleiner Stern.",
                Voice::Nova,
                language,
            ))
            .unwrap();
        assert_eq!(calls(dir.path()).last().unwrap()[0], expected);
    }
    let english: Vec<Vec<String>> = calls(dir.path())[..7]
        .iter()
        .map(|c| c[..3].to_vec())
        .collect();
    for (i, call) in english.iter().enumerate() {
        assert_eq!(call[0], "Samantha");
        assert!(!english[i + 1..].contains(call), "{call:?} twice");
    }
}

#[test]
fn sapi_reads_with_word_events_from_the_ssml() {
    let (dir, scratch) = setup();
    let program = install(dir.path(), "powershell.exe", FAKE_POWERSHELL);
    let narrator = OfflineNarrator::with_engine(SpeechEngine::Sapi {
        program,
        scratch: scratch.clone(),
    });
    let text = "Tom & Zoe's fox said <goodnight> to the \"moon\".\n\nSleep well, little one.";
    let out = narrator
        .narrate_now(&request(text, Voice::Fable, Language::Fr))
        .unwrap();
    let calls = calls(dir.path());
    assert_eq!(calls.len(), 2);
    for call in &calls {
        assert_eq!(call[..2], ["fr-FR", "-3"]);
    }
    // Fable pauses 0.8 s after each paragraph.
    check(&out, text, &bytes_of(&calls, 2), 1.6);
    assert_eq!(out.timings[0].start, 0.0);
    let first = (bytes_of(&calls, 2)[0] - 44) as f64 / 44_100.0 + 0.8;
    let sleep = out.timings.iter().find(|t| t.word == "Sleep").unwrap();
    assert!((sleep.start - first).abs() < 0.002, "{sleep:?} vs {first}");
    assert!(is_empty(&scratch), "scratch files are removed");
}

#[test]
fn missing_programs_are_provider_errors_that_say_what_to_do() {
    let (dir, scratch) = setup();
    let say = SpeechEngine::Say {
        program: dir.path().join("no-say-here"),
        scratch: scratch.clone(),
    };
    let sapi = SpeechEngine::Sapi {
        program: dir.path().join("no-powershell-here"),
        scratch: scratch.clone(),
    };
    for (engine, advice) in [(say, "`say` command"), (sapi, "PowerShell")] {
        let error = OfflineNarrator::with_engine(engine)
            .narrate_now(&request("Goodnight.", Voice::Coral, Language::En))
            .unwrap_err();
        assert_eq!(error.code(), "PROVIDER_ERROR");
        let message = error.to_string();
        assert!(
            message.contains("was not found") && message.contains(advice),
            "{message}"
        );
    }
    // A scratch directory that does not exist is an error too, not a panic.
    let error = OfflineNarrator::with_engine(SpeechEngine::Say {
        program: dir.path().join("no-say-here"),
        scratch: dir.path().join("missing"),
    })
    .narrate_now(&request("Goodnight.", Voice::Coral, Language::En))
    .unwrap_err();
    assert_eq!(error.code(), "PROVIDER_ERROR");
    assert!(error.to_string().contains("scratch directory"), "{error}");
    assert!(is_empty(&scratch));
}

#[test]
fn failing_programs_are_provider_errors_with_their_message() {
    let (dir, scratch) = setup();
    let program = install(dir.path(), "failing", FAILING);
    for (engine, hint) in [
        (
            SpeechEngine::Say {
                program: program.clone(),
                scratch: scratch.clone(),
            },
            "Thomas",
        ),
        (
            SpeechEngine::Sapi {
                program: program.clone(),
                scratch: scratch.clone(),
            },
            "fr-FR",
        ),
    ] {
        let error = OfflineNarrator::with_engine(engine)
            .narrate_now(&request("Bonne nuit.", Voice::Coral, Language::Fr))
            .unwrap_err();
        assert_eq!(error.code(), "PROVIDER_ERROR");
        let message = error.to_string();
        assert!(
            message.contains("exit status: 1")
                && message.contains("the synthesizer fell asleep")
                && message.contains(hint),
            "{message}"
        );
    }
    assert!(
        is_empty(&scratch),
        "scratch files are removed after a failure too"
    );
}

#[test]
fn concurrent_narrations_do_not_collide() {
    let (dir, scratch) = setup();
    let say = install(dir.path(), "say", FAKE_SAY);
    let powershell = install(dir.path(), "powershell.exe", FAKE_POWERSHELL);
    let texts = [
        "One small owl said goodnight.",
        "Two sleepy bears dreamed of honey and of the warm summer rain.",
    ];
    for engine in [
        SpeechEngine::Say {
            program: say,
            scratch: scratch.clone(),
        },
        SpeechEngine::Sapi {
            program: powershell,
            scratch: scratch.clone(),
        },
    ] {
        let narrator = OfflineNarrator::with_engine(engine);
        std::thread::scope(|scope| {
            let handles: Vec<_> = texts
                .iter()
                .map(|text| {
                    let narrator = &narrator;
                    scope.spawn(move || {
                        narrator.narrate_now(&request(text, Voice::Echo, Language::En))
                    })
                })
                .collect();
            let outs: Vec<NarrationOutput> = handles
                .into_iter()
                .map(|h| h.join().unwrap().unwrap())
                .collect();
            for (out, text) in outs.iter().zip(texts) {
                let found: Vec<String> = out.timings.iter().map(|t| t.word.clone()).collect();
                assert_eq!(found, words(text));
            }
            assert!(outs[1].duration_seconds > outs[0].duration_seconds + 1.0);
        });
    }
    assert!(is_empty(&scratch));
}
