//! Tells one story offline and writes everything it made into a folder:
//! `story.md` (title, text, scenes), `narration.ogg`, `timings.json`, `scene_N.png` (+ thumbnails)
//! and `avatar.png`.
//!
//! cargo run -p infinite-stories-storyteller --example tell -- --hero Luna --traits brave,kind \
//!     --event bedtime_adventure --minutes 7 --language fr --out /tmp/luna
//!
//! A custom event instead of `--event`: `--custom-title "First day at school" --custom-description
//! "Emma starts at a new school" --keywords backpack,crayons --tone funny`.

use std::path::PathBuf;
use std::time::Instant;

use infinite_stories_storyteller::{
    AgeRange, AvatarRequest, AvatarStyle, BuiltInEvent, CustomEventSpec, EventCategory, EventSpec,
    HeroDraft, IllustrationRequest, NarrationRequest, Providers, StoryBrief, Voice,
};

struct Args {
    hero: HeroDraft,
    event: BuiltInEvent,
    custom: Option<CustomEventSpec>,
    seconds: u32,
    language: infinite_stories_storyteller::Language,
    voice: Voice,
    seed: u64,
    style: AvatarStyle,
    out: PathBuf,
    text_only: bool,
}

fn parse() -> Result<Args, String> {
    let mut name = "Luna".to_string();
    let mut traits = ("brave".to_string(), "kind".to_string());
    let (mut event, mut minutes, mut language) =
        ("bedtime_adventure".to_string(), 7.0f64, "en".to_string());
    let (mut voice, mut seed, mut style) = ("coral".to_string(), 1u64, "picture_book".to_string());
    let (mut pronouns, mut look, mut ability) = (None, None, None);
    let mut out = PathBuf::from("story-out");
    let mut text_only = false;
    let (mut title, mut description, mut keywords, mut tone) =
        (None, String::new(), Vec::new(), "balanced".to_string());
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--text-only" {
            text_only = true;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--hero" => name = value,
            "--traits" => {
                let mut parts = value.split(',');
                let first = parts.next().unwrap_or("brave").to_string();
                let second = parts.next().unwrap_or(&first).to_string();
                traits = (first, second);
            }
            "--event" => event = value,
            "--minutes" => minutes = value.parse().map_err(|_| "--minutes takes a number")?,
            "--language" => language = value,
            "--voice" => voice = value,
            "--seed" => seed = value.parse().map_err(|_| "--seed takes a number")?,
            "--style" => style = value,
            "--pronouns" => pronouns = Some(value),
            "--look" => look = Some(value),
            "--ability" => ability = Some(value),
            "--out" => out = PathBuf::from(value),
            "--custom-title" => title = Some(value),
            "--custom-description" => description = value,
            "--keywords" => keywords = value.split(',').map(|k| k.trim().to_string()).collect(),
            "--tone" => tone = value,
            other => return Err(format!("unknown flag {other}")),
        }
    }
    let e = |x: infinite_stories_storyteller::contract::ContractError| x.to_string();
    let mut hero = HeroDraft::new(
        name,
        traits.0.parse().map_err(e)?,
        traits.1.parse().map_err(e)?,
    );
    hero.pronouns = pronouns.map(|p| p.parse()).transpose().map_err(e)?;
    hero.appearance = look;
    hero.special_ability = ability;
    let custom = match title {
        Some(title) => Some(CustomEventSpec {
            title,
            prompt_seed: description.clone(),
            description,
            category: EventCategory::Custom,
            tone: tone.parse().map_err(e)?,
            age_range: AgeRange::AllAges,
            keywords,
        }),
        None => None,
    };
    Ok(Args {
        hero,
        event: event.parse().map_err(e)?,
        custom,
        seconds: (minutes * 60.0).round() as u32,
        language: language.parse().map_err(e)?,
        voice: voice.parse().map_err(e)?,
        seed,
        style: style.parse().map_err(e)?,
        out,
        text_only,
    })
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = parse()?;
    std::fs::create_dir_all(&args.out)?;
    let providers = Providers::offline();
    let started = Instant::now();
    let request = StoryBrief::new(
        args.hero.clone(),
        args.custom
            .clone()
            .map_or(EventSpec::BuiltIn(args.event), EventSpec::Custom),
        args.seconds,
        args.language,
        args.voice,
        args.seed,
    );
    let draft = providers.writer.write(&request).await?;
    let mut md = format!("# {}\n\n{}\n\n---\n\n", draft.title, draft.content);
    md.push_str(&format!(
        "*{} words · about {} s at the {} voice's pace · {} · {} · seed {}*\n\n## Scenes\n\n",
        draft.word_count,
        draft.estimated_duration,
        args.voice,
        args.language,
        args.event,
        args.seed
    ));
    for s in &draft.scenes {
        md.push_str(&format!(
            "{}. **{:.1} s** · {} · {} — “{}”\n   - prompt: {}\n",
            s.scene_number,
            s.timestamp_seconds,
            s.emotion,
            s.importance,
            s.text_segment,
            s.illustration_prompt
        ));
    }
    std::fs::write(args.out.join("story.md"), &md)?;
    println!(
        "story: {} words in {:?}",
        draft.word_count,
        started.elapsed()
    );
    if args.text_only {
        println!("{md}");
        return Ok(());
    }

    let t = Instant::now();
    let narration = providers
        .narrator
        .narrate(&NarrationRequest {
            text: draft.content.clone(),
            voice: args.voice,
            language: args.language,
        })
        .await;
    match narration {
        Ok(narration) => {
            let audio = args
                .out
                .join(format!("narration.{}", narration.format.extension()));
            std::fs::write(&audio, &narration.bytes)?;
            std::fs::write(
                args.out.join("timings.json"),
                serde_json::to_vec_pretty(&narration.timings)?,
            )?;
            println!(
                "narration: {:.1} s measured, {} bytes, {} word timings, in {:?}",
                narration.duration_seconds,
                narration.bytes.len(),
                narration.timings.len(),
                t.elapsed()
            );
        }
        Err(e) => eprintln!("narration failed: {e} ({})", e.code()),
    }

    let t = Instant::now();
    let avatar = providers
        .illustrator
        .avatar(&AvatarRequest {
            hero: args.hero.clone(),
            prompt: String::new(),
            style: args.style,
            size: Default::default(),
            previous_generation_id: None,
        })
        .await?;
    std::fs::write(args.out.join("avatar.png"), &avatar.png)?;
    for scene in &draft.scenes {
        let image = providers
            .illustrator
            .illustrate(&IllustrationRequest {
                scene: scene.clone(),
                hero: args.hero.clone(),
                event: Some(request.event.clone()),
                story_key: format!("{}-{}", args.event, args.seed),
                style: args.style,
                previous_generation_id: None,
            })
            .await?;
        std::fs::write(
            args.out.join(format!("scene_{}.png", scene.scene_number)),
            &image.png,
        )?;
        if let Some(thumb) = &image.thumbnail_png {
            std::fs::write(
                args.out
                    .join(format!("scene_{}_thumb.png", scene.scene_number)),
                thumb,
            )?;
        }
    }
    println!(
        "illustrations: avatar + {} scenes in {:?}",
        draft.scenes.len(),
        t.elapsed()
    );
    println!(
        "total {:?}, written to {}",
        started.elapsed(),
        args.out.display()
    );
    Ok(())
}
