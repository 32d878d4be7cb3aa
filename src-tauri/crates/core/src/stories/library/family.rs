//! The family's own things in the local library: heroes (with how many stories each has in the
//! library) and custom events, read from the rows the backend sent (REST answers and realtime
//! changes). Stories keep their hero id when a hero is deleted, so they stay readable.

use serde_json::Value;
use sqlx::Row;

use super::Library;
use crate::database::storage;
use crate::error::CoreError;

/// A stored row with what the library counts about it.
#[derive(Clone, Debug, PartialEq)]
pub struct HeroRow {
    /// The backend's row.
    pub row: Value,
    /// Stories of this hero in the library.
    pub story_count: u32,
}

impl Library {
    /// The user's heroes (backend rows, by name) with their story counts.
    pub async fn hero_rows(&self, user_id: &str) -> Result<Vec<HeroRow>, CoreError> {
        let rows = sqlx::query(
            "SELECT h.data, (SELECT COUNT(*) FROM stories s WHERE s.user_id = h.user_id AND s.hero_id = h.id) AS stories \
             FROM heroes h WHERE h.user_id = ?1 ORDER BY h.name COLLATE NOCASE, h.id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                let row = serde_json::from_str(&r.get::<String, _>("data")).ok()?;
                let count = r.get::<i64, _>("stories");
                Some(HeroRow {
                    row,
                    story_count: u32::try_from(count).unwrap_or(0),
                })
            })
            .collect())
    }

    /// One hero's row with its story count, if it is in the library.
    pub async fn hero_row(&self, id: &str) -> Result<Option<HeroRow>, CoreError> {
        let row = sqlx::query(
            "SELECT h.data, (SELECT COUNT(*) FROM stories s WHERE s.user_id = h.user_id AND s.hero_id = h.id) AS stories \
             FROM heroes h WHERE h.id = ?1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(storage)?;
        Ok(row.and_then(|r| {
            Some(HeroRow {
                row: serde_json::from_str(&r.get::<String, _>("data")).ok()?,
                story_count: u32::try_from(r.get::<i64, _>("stories")).unwrap_or(0),
            })
        }))
    }

    /// The user's custom events (backend rows): favourites first, then by title.
    pub async fn custom_event_rows(&self, user_id: &str) -> Result<Vec<Value>, CoreError> {
        let rows = sqlx::query(
            "SELECT data FROM custom_events WHERE user_id = ?1 \
             ORDER BY COALESCE(json_extract(data, '$.is_favorite'), 0) DESC, title COLLATE NOCASE, id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        Ok(rows
            .iter()
            .filter_map(|r| serde_json::from_str(&r.get::<String, _>("data")).ok())
            .collect())
    }
}

impl Library {
    /// Makes the library's rows of `table` ("heroes" or "custom_events") for `user_id` exactly
    /// `rows` (a full REST read): new and changed rows applied, rows gone on the backend removed.
    pub async fn replace_rows(
        &self,
        table: &str,
        user_id: &str,
        rows: &[Value],
    ) -> Result<(), CoreError> {
        let sql = match table {
            "heroes" => "SELECT id FROM heroes WHERE user_id = ?1",
            "custom_events" => "SELECT id FROM custom_events WHERE user_id = ?1",
            _ => return Ok(()),
        };
        let local: Vec<String> = sqlx::query_scalar(sql)
            .bind(user_id)
            .fetch_all(&self.pool)
            .await
            .map_err(storage)?;
        for id in local {
            if !rows.iter().any(|r| r["id"].as_str() == Some(id.as_str())) {
                self.delete_row(table, &id).await?;
            }
        }
        for row in rows {
            self.apply_row(table, row).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::stories::library::scratch as library;

    #[tokio::test]
    async fn heroes_count_their_stories_and_deleting_one_keeps_its_stories() {
        let (_dir, lib) = library().await;
        for (id, name) in [("h1", "Luna"), ("h2", "arthur")] {
            lib.apply_row(
                "heroes",
                &json!({"id": id, "user_id": "u", "name": name, "primary_trait": "brave"}),
            )
            .await
            .unwrap();
        }
        lib.apply_row(
            "heroes",
            &json!({"id": "h3", "user_id": "other", "name": "Zed", "primary_trait": "kind"}),
        )
        .await
        .unwrap();
        for id in ["s1", "s2"] {
            lib.apply_row(
                "stories",
                &json!({"id": id, "user_id": "u", "hero_id": "h1", "title": "T", "content": "c"}),
            )
            .await
            .unwrap();
        }
        let heroes = lib.hero_rows("u").await.unwrap();
        let names: Vec<_> = heroes.iter().map(|h| h.row["name"].clone()).collect();
        assert_eq!(names, [json!("arthur"), json!("Luna")], "by name, any case");
        assert_eq!(heroes[1].story_count, 2);
        assert_eq!(lib.hero_row("h1").await.unwrap().unwrap().story_count, 2);

        lib.delete_row("heroes", "h1").await.unwrap();
        assert!(lib.hero_row("h1").await.unwrap().is_none());
        assert_eq!(lib.stories("u").await.unwrap().len(), 2, "stories stay");
    }

    #[tokio::test]
    async fn custom_events_list_favourites_first() {
        let (_dir, lib) = library().await;
        for (id, title, fav) in [("c1", "Apples", false), ("c2", "Zoo", true)] {
            lib.apply_row(
                "custom_events",
                &json!({"id": id, "user_id": "u", "title": title, "is_favorite": fav}),
            )
            .await
            .unwrap();
        }
        let rows = lib.custom_event_rows("u").await.unwrap();
        assert_eq!(rows[0]["id"], "c2");
        assert_eq!(rows[1]["id"], "c1");
    }
}
