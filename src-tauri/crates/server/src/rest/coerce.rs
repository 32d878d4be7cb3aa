//! Checks a JSON row written by a client against its table: known columns, types, enums,
//! not-null, defaults — with PostgREST's and Postgres's error codes.

use serde_json::{Map, Value, json};

use super::error::RestError;
use super::schema::{Column, Default, Table, Ty};
use crate::clock::iso_micros;

fn check_value(table: &Table, col: &Column, value: &Value) -> Result<(), RestError> {
    if value.is_null() {
        if col.required {
            return Err(not_null(table, col));
        }
        return Ok(());
    }
    let bad = |pg: &str| {
        RestError::new(
            400,
            "22P02",
            format!("invalid input syntax for type {pg}: {value}"),
        )
    };
    match col.ty {
        Ty::Uuid => {
            let ok = value
                .as_str()
                .is_some_and(|s| uuid::Uuid::parse_str(s).is_ok());
            if !ok {
                return Err(bad("uuid"));
            }
        }
        Ty::Text => {
            if !value.is_string() {
                return Err(bad("text"));
            }
        }
        Ty::Int => {
            let ok = value.as_i64().is_some() || value.as_f64().is_some_and(|f| f.fract() == 0.0);
            if !ok {
                return Err(bad("integer"));
            }
        }
        Ty::Float => {
            if !value.is_number() {
                return Err(bad("double precision"));
            }
        }
        Ty::Bool => {
            if !value.is_boolean() {
                return Err(bad("boolean"));
            }
        }
        Ty::Time => {
            let ok = value
                .as_str()
                .is_some_and(|s| s.len() >= 10 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit));
            if !ok {
                return Err(bad("timestamp with time zone"));
            }
        }
        Ty::TextArray => {
            let ok = value
                .as_array()
                .is_some_and(|a| a.iter().all(Value::is_string));
            if !ok {
                return Err(RestError::new(
                    400,
                    "22P02",
                    format!("malformed array literal: {value}"),
                ));
            }
        }
        Ty::Enum(allowed) => {
            let ok = value.as_str().is_some_and(|s| allowed.contains(&s));
            if !ok {
                return Err(RestError::new(
                    400,
                    "23514",
                    format!(
                        "new row for relation \"{}\" violates check constraint \"{}_{}_check\"",
                        table.name, table.name, col.name
                    ),
                )
                .details(format!(
                    "{} must be one of: {}",
                    col.name,
                    allowed.join(", ")
                )));
            }
        }
    }
    Ok(())
}

fn not_null(table: &Table, col: &Column) -> RestError {
    RestError::new(
        400,
        "23502",
        format!(
            "null value in column \"{}\" of relation \"{}\" violates not-null constraint",
            col.name, table.name
        ),
    )
}

/// Normalises an integral float to an integer for `int4` columns.
fn normalise(col: &Column, value: Value) -> Value {
    match (col.ty, &value) {
        (Ty::Int, Value::Number(n)) if !n.is_i64() => {
            n.as_f64().map(|f| json!(f as i64)).unwrap_or(value)
        }
        _ => value,
    }
}

fn known(table: &Table, obj: &Map<String, Value>) -> Result<(), RestError> {
    for key in obj.keys() {
        if table.column(key).is_none() {
            return Err(RestError::unknown_column(table.name, key));
        }
    }
    Ok(())
}

/// A complete new row: `obj`'s values checked, absent columns defaulted.
pub(crate) fn for_insert(
    table: &Table,
    obj: &Map<String, Value>,
    caller: Option<&str>,
    now_ms: i64,
) -> Result<Map<String, Value>, RestError> {
    known(table, obj)?;
    let mut row = Map::new();
    for col in table.columns {
        let value = match obj.get(col.name) {
            Some(v) if !(v.is_null() && col.default != Default::Null && col.name != "user_id") => {
                v.clone()
            }
            _ => match col.default {
                Default::Null => Value::Null,
                Default::NewUuid => json!(uuid::Uuid::new_v4().to_string()),
                Default::Now => json!(iso_micros(now_ms)),
                Default::Caller => caller.map(|c| json!(c)).unwrap_or(Value::Null),
                Default::Bool(b) => json!(b),
                Default::Int(i) => json!(i),
                Default::Text(t) => json!(t),
                Default::EmptyArray => json!([]),
            },
        };
        check_value(table, col, &value)?;
        row.insert(col.name.to_string(), normalise(col, value));
    }
    row.insert("updated_at".into(), json!(iso_micros(now_ms)));
    Ok(row)
}

/// `before` with `patch` applied (checked), `updated_at` moved to now.
pub(crate) fn for_update(
    table: &Table,
    before: &Map<String, Value>,
    patch: &Map<String, Value>,
    now_ms: i64,
) -> Result<Map<String, Value>, RestError> {
    known(table, patch)?;
    let mut row = before.clone();
    for (key, value) in patch {
        let col = table
            .column(key)
            .ok_or_else(|| RestError::unknown_column(table.name, key))?;
        check_value(table, col, value)?;
        row.insert(key.clone(), normalise(col, value.clone()));
    }
    row.insert("updated_at".into(), json!(iso_micros(now_ms)));
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rest::schema::HEROES;

    const U1: &str = "8f14e45f-ceea-467a-9af4-2f0c3b6d1e8a";

    #[test]
    fn insert_defaults_and_checks() {
        let obj = json!({"name": "Luna", "primary_trait": "brave"});
        let row = for_insert(&HEROES, obj.as_object().unwrap(), Some(U1), 0).unwrap();
        assert_eq!(row["user_id"], U1);
        assert_eq!(row["is_active"], true);
        assert!(uuid::Uuid::parse_str(row["id"].as_str().unwrap()).is_ok());

        let bad_enum = json!({"name": "Luna", "primary_trait": "grumpy"});
        assert_eq!(
            for_insert(&HEROES, bad_enum.as_object().unwrap(), Some(U1), 0)
                .unwrap_err()
                .code,
            "23514"
        );
        let missing = json!({"primary_trait": "brave"});
        assert_eq!(
            for_insert(&HEROES, missing.as_object().unwrap(), Some(U1), 0)
                .unwrap_err()
                .code,
            "23502"
        );
        let unknown = json!({"name": "L", "primary_trait": "brave", "colour": 1});
        assert_eq!(
            for_insert(&HEROES, unknown.as_object().unwrap(), Some(U1), 0)
                .unwrap_err()
                .code,
            "PGRST204"
        );
        let bad_uuid = json!({"name": "L", "primary_trait": "brave", "id": "nope"});
        assert_eq!(
            for_insert(&HEROES, bad_uuid.as_object().unwrap(), Some(U1), 0)
                .unwrap_err()
                .code,
            "22P02"
        );
    }
}
