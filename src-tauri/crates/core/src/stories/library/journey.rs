//! The reading journey, from listening (not from making stories): stories heard, time heard,
//! streaks of local days with listening, the nine milestones, minutes per day over a range, the
//! favourite hero and the most-heard story. Days are local: each listening counts on the day
//! where it was heard (its recorded UTC offset), or in the offset the caller gives when none was
//! recorded — so a streak survives month ends and a trip across time zones. Everything is read
//! from what the listening triggers keep (per-day totals, per-story plays and seconds), so the
//! journey costs the same with 30 sessions or 30,000.

use std::collections::BTreeMap;

use infinite_stories_contract::clock::civil_from_days;
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::Library;
use crate::database::storage;
use crate::error::CoreError;

/// A milestone of the journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneId {
    /// One story heard.
    FirstStory,
    /// Five stories heard.
    #[serde(rename = "stories_5")]
    Stories5,
    /// Ten stories heard.
    #[serde(rename = "stories_10")]
    Stories10,
    /// 25 stories heard.
    #[serde(rename = "stories_25")]
    Stories25,
    /// 50 stories heard.
    #[serde(rename = "stories_50")]
    Stories50,
    /// An hour of listening.
    #[serde(rename = "listening_1h")]
    Listening1h,
    /// Five hours of listening.
    #[serde(rename = "listening_5h")]
    Listening5h,
    /// Seven days in a row.
    #[serde(rename = "streak_7")]
    Streak7,
    /// Thirty days in a row.
    #[serde(rename = "streak_30")]
    Streak30,
}

impl MilestoneId {
    /// Every milestone, in the order the journey shows them.
    pub const ALL: [MilestoneId; 9] = [
        Self::FirstStory,
        Self::Stories5,
        Self::Stories10,
        Self::Stories25,
        Self::Stories50,
        Self::Listening1h,
        Self::Listening5h,
        Self::Streak7,
        Self::Streak30,
    ];
}

/// A milestone and how far along it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    /// Which.
    pub id: MilestoneId,
    /// Reached.
    pub reached: bool,
    /// 0–1.
    pub progress: f64,
}

/// The span of the per-day chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum JourneyRange {
    /// The last 7 days.
    Week,
    /// The last 30 days.
    Month,
    /// The last 365 days.
    Year,
}

impl JourneyRange {
    /// Days in the chart.
    pub fn days(self) -> i64 {
        match self {
            Self::Week => 7,
            Self::Month => 30,
            Self::Year => 365,
        }
    }
}

/// The favourite hero.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FavoriteHero {
    /// Hero id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// The story heard most often.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MostHeard {
    /// Story id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Listening sessions.
    pub plays: u32,
}

/// Seconds heard on one local day.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct JourneyDay {
    /// `YYYY-MM-DD`, local.
    pub date: String,
    /// Seconds heard.
    pub seconds: f64,
}

/// The journey screen.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Journey {
    /// Different stories heard.
    pub total_stories: u32,
    /// Seconds heard in all.
    pub listening_seconds: f64,
    /// Days in a row with listening, up to today (or yesterday, while today is still open).
    pub current_streak: u32,
    /// The longest run of days in a row.
    pub longest_streak: u32,
    /// The nine milestones.
    pub milestones: Vec<Milestone>,
    /// The milestone closest to being reached.
    pub next: Option<MilestoneId>,
    /// The hero of the stories heard longest.
    pub favorite_hero: Option<FavoriteHero>,
    /// The story heard most often.
    pub most_heard: Option<MostHeard>,
    /// One entry per day of the range, oldest first.
    pub days: Vec<JourneyDay>,
}

const DAY_MS: i64 = 86_400_000;

fn date(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The longest run and the run ending at `today` (or yesterday) in sorted distinct days.
fn streaks(days: &[i64], today: i64) -> (u32, u32) {
    let (mut longest, mut run, mut prev) = (0u32, 0u32, None::<i64>);
    for &d in days {
        run = if prev == Some(d - 1) { run + 1 } else { 1 };
        longest = longest.max(run);
        prev = Some(d);
    }
    let current = match prev {
        Some(last) if last == today || last == today - 1 => run,
        _ => 0,
    };
    (current, longest)
}

impl Library {
    /// The journey of `user_id` at `now_ms`, days counted in each listening's own offset or
    /// `utc_offset_minutes` when it has none.
    pub async fn journey(
        &self,
        user_id: &str,
        range: JourneyRange,
        now_ms: i64,
        utc_offset_minutes: i32,
    ) -> Result<Journey, CoreError> {
        let offset_ms = i64::from(utc_offset_minutes) * 60_000;
        // Days as the triggers keep them, plus any sessions recorded without an offset (older
        // versions) in the caller's offset: a partial index finds those without a scan.
        let kept = sqlx::query(
            "SELECT day, seconds FROM listening_days WHERE user_id = ?1 AND sessions > 0",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        let unplaced = sqlx::query(
            "SELECT (l.started_at + ?2) / 86400000 AS day, SUM(l.seconds_listened) AS seconds \
             FROM listening_sessions l JOIN stories s ON s.id = l.story_id \
             WHERE l.utc_offset_minutes IS NULL AND s.user_id = ?1 AND l.seconds_listened > 0 GROUP BY day",
        )
        .bind(user_id)
        .bind(offset_ms)
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        let mut by_day: BTreeMap<i64, f64> = BTreeMap::new();
        for r in kept.iter().chain(&unplaced) {
            *by_day.entry(r.get::<i64, _>("day")).or_default() += r.get::<f64, _>("seconds");
        }
        let today = (now_ms + offset_ms).div_euclid(DAY_MS);
        let days: Vec<i64> = by_day.keys().copied().collect();
        let (current_streak, longest_streak) = streaks(&days, today);
        let listening_seconds: f64 = by_day.values().sum();
        // Stories heard, the most heard and the favourite hero from each story's plays and
        // seconds (kept by the triggers), read from one covering index.
        let total_stories: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM stories WHERE user_id = ?1 AND plays > 0")
                .bind(user_id)
                .fetch_one(&self.pool)
                .await
                .map_err(storage)?;
        let total_stories = total_stories as u32;
        let most = sqlx::query(
            "SELECT id, title, plays FROM stories WHERE user_id = ?1 AND plays > 0 \
             ORDER BY plays DESC, heard_seconds DESC, id LIMIT 1",
        )
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(storage)?;
        let hero = sqlx::query(
            "SELECT h.id, h.name, SUM(s.heard_seconds) AS seconds FROM stories s \
             JOIN heroes h ON h.id = s.hero_id WHERE s.user_id = ?1 AND s.plays > 0 \
             GROUP BY h.id ORDER BY seconds DESC, h.id LIMIT 1",
        )
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(storage)?;
        let milestones: Vec<Milestone> = MilestoneId::ALL
            .iter()
            .map(|&id| {
                let (value, target) = match id {
                    MilestoneId::FirstStory => (f64::from(total_stories), 1.0),
                    MilestoneId::Stories5 => (f64::from(total_stories), 5.0),
                    MilestoneId::Stories10 => (f64::from(total_stories), 10.0),
                    MilestoneId::Stories25 => (f64::from(total_stories), 25.0),
                    MilestoneId::Stories50 => (f64::from(total_stories), 50.0),
                    MilestoneId::Listening1h => (listening_seconds, 3600.0),
                    MilestoneId::Listening5h => (listening_seconds, 18_000.0),
                    MilestoneId::Streak7 => (f64::from(longest_streak), 7.0),
                    MilestoneId::Streak30 => (f64::from(longest_streak), 30.0),
                };
                Milestone {
                    id,
                    reached: value >= target,
                    progress: (value / target).min(1.0),
                }
            })
            .collect();
        let next = milestones
            .iter()
            .filter(|m| !m.reached)
            .fold(None::<&Milestone>, |best, m| match best {
                Some(b) if b.progress >= m.progress => Some(b),
                _ => Some(m),
            })
            .map(|m| m.id);
        let first = today - range.days() + 1;
        Ok(Journey {
            total_stories,
            listening_seconds,
            current_streak,
            longest_streak,
            milestones,
            next,
            favorite_hero: hero.map(|r| FavoriteHero {
                id: r.get("id"),
                name: r.get("name"),
            }),
            most_heard: most.map(|r| MostHeard {
                id: r.get("id"),
                title: r.get("title"),
                plays: r.get::<i64, _>("plays") as u32,
            }),
            days: (first..=today)
                .map(|d| JourneyDay {
                    date: date(d),
                    seconds: by_day.get(&d).copied().unwrap_or(0.0),
                })
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_month_and_year_ends() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(19_782), "2024-02-29");
        assert_eq!(date(20_789), "2026-12-02");
        assert_eq!(date(-1), "1969-12-31");
    }

    #[test]
    fn streaks_count_runs_and_keep_today_open() {
        assert_eq!(streaks(&[1, 2, 3, 5, 6], 6), (2, 3));
        assert_eq!(streaks(&[1, 2, 3, 5, 6], 7), (2, 3));
        assert_eq!(streaks(&[1, 2, 3, 5, 6], 8), (0, 3));
        assert_eq!(streaks(&[], 8), (0, 0));
    }
}
