//! Commands of the reader's player: open a story (from the local cache, so it works offline),
//! play, pause, stop, seek, skip, next/previous story, speed, volume, sleep timer, its state;
//! and what the reader needs besides: word timings and making a missing narration. Every
//! change also arrives on `player://state`.

use infinite_stories_contract::WordTiming;
use infinite_stories_core::{Core, StoryDetail};
use infinite_stories_player::{PlayerState, SleepTimer};
use tauri::{AppHandle, Runtime, State};

use crate::playback::{OpenedStory, Playback};
use crate::{IpcError, preferences};

/// Opens a story in the player without playing it; `queue` is what next/previous walk through.
/// `resumeFrom` is where it was left, for the reader to offer.
#[tauri::command]
pub async fn open_story(
    core: State<'_, Core>,
    playback: State<'_, Playback>,
    story_id: String,
    queue: Option<Vec<String>>,
) -> Result<OpenedStory, IpcError> {
    playback.open(&core, &story_id, queue).await
}

/// Plays (fails with `NO_AUDIO_DEVICE` when there is no sound device; text and pictures work).
#[tauri::command]
pub async fn play(playback: State<'_, Playback>) -> Result<PlayerState, IpcError> {
    playback.player.play().await?;
    Ok(playback.player.state())
}

/// Pauses.
#[tauri::command]
pub async fn pause(playback: State<'_, Playback>) -> Result<PlayerState, IpcError> {
    playback.player.pause().await?;
    Ok(playback.player.state())
}

/// Stops and goes back to the start (the position is remembered).
#[tauri::command]
pub async fn stop(playback: State<'_, Playback>) -> Result<PlayerState, IpcError> {
    playback.player.stop().await?;
    Ok(playback.player.state())
}

/// Goes to `seconds` into the story.
#[tauri::command]
pub async fn seek(playback: State<'_, Playback>, seconds: f64) -> Result<PlayerState, IpcError> {
    playback.player.seek(seconds).await?;
    Ok(playback.player.state())
}

/// Moves by `seconds` (−15 / +15 from the reader).
#[tauri::command]
pub async fn skip(playback: State<'_, Playback>, seconds: f64) -> Result<PlayerState, IpcError> {
    playback
        .player
        .send(infinite_stories_player::Command::Skip(seconds))
        .await?;
    Ok(playback.player.state())
}

/// The next story of the queue.
#[tauri::command]
pub async fn next_story(playback: State<'_, Playback>) -> Result<PlayerState, IpcError> {
    playback.player.next_story().await?;
    Ok(playback.player.state())
}

/// The previous story (or the start of this one, past its first 3 seconds).
#[tauri::command]
pub async fn previous_story(playback: State<'_, Playback>) -> Result<PlayerState, IpcError> {
    playback.player.previous_story().await?;
    Ok(playback.player.state())
}

/// Sets the speed: 0.5, 0.75, 1, 1.25, 1.5 or 2 (the pitch stays the same).
#[tauri::command]
pub async fn set_speed(playback: State<'_, Playback>, speed: f64) -> Result<PlayerState, IpcError> {
    playback.player.set_speed(speed).await?;
    Ok(playback.player.state())
}

/// Sets the volume, 0 to 1.
#[tauri::command]
pub async fn set_volume(
    playback: State<'_, Playback>,
    volume: f32,
) -> Result<PlayerState, IpcError> {
    playback.player.set_volume(volume).await?;
    Ok(playback.player.state())
}

/// Arms the sleep timer (5–60 minutes of listening, or the end of the story); `null` cancels.
#[tauri::command]
pub async fn set_sleep_timer(
    playback: State<'_, Playback>,
    timer: Option<SleepTimer>,
) -> Result<PlayerState, IpcError> {
    if let Some(t) = timer {
        t.validate()?;
    }
    playback.player.set_sleep_timer(timer).await?;
    Ok(playback.player.state())
}

/// The player's state now.
#[tauri::command(async)]
pub fn player_state(playback: State<'_, Playback>) -> PlayerState {
    playback.player.state()
}

/// The narration's word timings (from the cache; empty when there are none).
#[tauri::command]
pub async fn story_timings(
    core: State<'_, Core>,
    story_id: String,
) -> Result<Vec<WordTiming>, IpcError> {
    Ok(core.story_timings(&story_id).await?)
}

/// Narrates a story that has no narration yet, in the family's default voice (progress on
/// `story://progress`).
#[tauri::command]
pub async fn make_narration<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    story_id: String,
) -> Result<StoryDetail, IpcError> {
    let voice = preferences::story_defaults(&app)?.voice;
    Ok(core.make_narration(&story_id, voice).await?)
}
