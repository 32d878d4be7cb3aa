//! PostgREST filters (`col=op.value`, `not.` negation) over JSON rows, shared by REST queries
//! and realtime `postgres_changes` join filters.

use std::cmp::Ordering;

use serde_json::Value;

use super::schema::{Table, Ty};

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Eq,
    Neq,
    Lt,
    Lte,
    Gt,
    Gte,
    In,
    Is,
    Like,
    Ilike,
    /// Array contains all of (`cs.{a,b}`).
    Contains,
    /// Array is contained by (`cd.{a,b}`).
    ContainedBy,
    /// Arrays overlap (`ov.{a,b}`).
    Overlaps,
}

/// One filter on one column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Filter {
    pub column: String,
    pub negated: bool,
    pub op: Op,
    /// Operand(s) as written (unquoted); several for `in`.
    pub values: Vec<String>,
}

/// Why a filter could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum FilterError {
    #[error("\"failed to parse filter ({0})\" (line 1, column 1)")]
    Syntax(String),
    #[error("column {0} does not exist")]
    UnknownColumn(String),
}

/// Parses the right-hand side of `column=<rhs>`.
pub(crate) fn parse(table: &Table, column: &str, rhs: &str) -> Result<Filter, FilterError> {
    if table.column(column).is_none() {
        return Err(FilterError::UnknownColumn(format!(
            "{}.{column}",
            table.name
        )));
    }
    let (negated, rest) = match rhs.strip_prefix("not.") {
        Some(r) => (true, r),
        None => (false, rhs),
    };
    let (op, operand) = rest
        .split_once('.')
        .ok_or_else(|| FilterError::Syntax(rhs.to_string()))?;
    let op = match op {
        "eq" => Op::Eq,
        "neq" => Op::Neq,
        "lt" => Op::Lt,
        "lte" => Op::Lte,
        "gt" => Op::Gt,
        "gte" => Op::Gte,
        "in" => Op::In,
        "is" => Op::Is,
        "like" => Op::Like,
        "ilike" => Op::Ilike,
        "cs" => Op::Contains,
        "cd" => Op::ContainedBy,
        "ov" => Op::Overlaps,
        _ => return Err(FilterError::Syntax(rhs.to_string())),
    };
    let values = if matches!(op, Op::Contains | Op::ContainedBy | Op::Overlaps) {
        let inner = operand
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .or_else(|| operand.strip_prefix('(').and_then(|s| s.strip_suffix(')')))
            .ok_or_else(|| FilterError::Syntax(rhs.to_string()))?;
        split_list(inner)
    } else if op == Op::In {
        let inner = operand
            .strip_prefix('(')
            .and_then(|s| s.strip_suffix(')'))
            .ok_or_else(|| FilterError::Syntax(rhs.to_string()))?;
        split_list(inner)
    } else {
        vec![unquote(operand)]
    };
    if op == Op::Is
        && !matches!(
            values[0].to_lowercase().as_str(),
            "null" | "true" | "false" | "unknown"
        )
    {
        return Err(FilterError::Syntax(rhs.to_string()));
    }
    Ok(Filter {
        column: column.to_string(),
        negated,
        op,
        values,
    })
}

/// Parses a realtime join filter: `col=op.value` conditions joined by commas.
pub(crate) fn parse_realtime(table: &Table, filter: &str) -> Result<Vec<Filter>, FilterError> {
    let mut out = Vec::new();
    for part in split_list(filter) {
        let (column, rhs) = part
            .split_once('=')
            .ok_or_else(|| FilterError::Syntax(filter.to_string()))?;
        out.push(parse(table, column.trim(), rhs.trim())?);
    }
    Ok(out)
}

fn unquote(s: &str) -> String {
    match s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(inner) => inner.replace("\\\"", "\"").replace("\\\\", "\\"),
        None => s.to_string(),
    }
}

/// Splits on commas outside double quotes and parentheses.
fn split_list(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut quoted, mut depth, mut escaped) = (false, 0, false);
    for ch in s.chars() {
        if escaped {
            cur.push(ch);
            escaped = false;
            continue;
        }
        match ch {
            '\\' if quoted => {
                cur.push(ch);
                escaped = true;
            }
            '"' => {
                quoted = !quoted;
                cur.push(ch);
            }
            '(' if !quoted => {
                depth += 1;
                cur.push(ch);
            }
            ')' if !quoted => {
                depth -= 1;
                cur.push(ch);
            }
            ',' if !quoted && depth == 0 => out.push(unquote(std::mem::take(&mut cur).trim())),
            _ => cur.push(ch),
        }
    }
    if !cur.is_empty() || !out.is_empty() {
        out.push(unquote(cur.trim()));
    }
    out
}

/// The operand as a JSON value of the column's type.
fn typed(ty: Ty, raw: &str) -> Value {
    match ty {
        Ty::Int | Ty::Float => raw
            .parse::<f64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(raw.into())),
        Ty::Bool => match raw {
            "true" | "t" => Value::Bool(true),
            "false" | "f" => Value::Bool(false),
            _ => Value::String(raw.into()),
        },
        _ => Value::String(raw.into()),
    }
}

/// Orders two cell values of one column (numbers numerically, text by code point).
pub(crate) fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64()?.partial_cmp(&y.as_f64()?),
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

fn like(pattern: &str, text: &str, fold: bool) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = if fold {
        (
            pattern.to_lowercase().chars().collect(),
            text.to_lowercase().chars().collect(),
        )
    } else {
        (pattern.chars().collect(), text.chars().collect())
    };
    // Iterative glob match with `%`/`*` (any run) and `_` (one char).
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '_' || p[pi] == t[ti]) && p[pi] != '%' && p[pi] != '*' {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && (p[pi] == '%' || p[pi] == '*') {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && (p[pi] == '%' || p[pi] == '*') {
        pi += 1;
    }
    pi == p.len()
}

impl Filter {
    /// Whether `row` passes this filter.
    pub(crate) fn matches(&self, table: &Table, row: &serde_json::Map<String, Value>) -> bool {
        let ty = table.column(&self.column).map(|c| c.ty).unwrap_or(Ty::Text);
        let cell = row.get(&self.column).unwrap_or(&Value::Null);
        let result = match self.op {
            Op::Is => match self.values[0].to_lowercase().as_str() {
                "null" => cell.is_null(),
                "true" => cell == &Value::Bool(true),
                "false" => cell == &Value::Bool(false),
                _ => cell.is_null(),
            },
            Op::In => {
                if cell.is_null() {
                    return false;
                }
                self.values
                    .iter()
                    .any(|v| compare(cell, &typed(ty, v)) == Some(Ordering::Equal))
            }
            Op::Contains | Op::ContainedBy | Op::Overlaps => {
                let Some(items) = cell.as_array() else {
                    return false;
                };
                let items: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                let has = |v: &str| items.contains(&v);
                match self.op {
                    Op::Contains => self.values.iter().all(|v| has(v)),
                    Op::ContainedBy => items.iter().all(|i| self.values.iter().any(|v| v == i)),
                    _ => self.values.iter().any(|v| has(v)),
                }
            }
            Op::Like | Op::Ilike => match cell {
                Value::String(s) => like(&self.values[0], s, self.op == Op::Ilike),
                _ => return false,
            },
            _ => {
                if cell.is_null() {
                    // SQL: comparisons with NULL are unknown, and NOT unknown is unknown too.
                    return false;
                }
                let Some(ord) = compare(cell, &typed(ty, &self.values[0])) else {
                    return false;
                };
                match self.op {
                    Op::Eq => ord == Ordering::Equal,
                    Op::Neq => ord != Ordering::Equal,
                    Op::Lt => ord == Ordering::Less,
                    Op::Lte => ord != Ordering::Greater,
                    Op::Gt => ord == Ordering::Greater,
                    Op::Gte => ord != Ordering::Less,
                    _ => false,
                }
            }
        };
        result != self.negated
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rest::schema::{HEROES, STORIES};
    use serde_json::json;

    fn row(v: Value) -> serde_json::Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn operators_match_like_postgrest() {
        let r = row(
            json!({"title": "The Moon, and Stars", "word_count": 420, "audio_url": null, "is_favorite": true}),
        );
        let f = |col: &str, rhs: &str| parse(&STORIES, col, rhs).unwrap().matches(&STORIES, &r);
        assert!(f("word_count", "gt.400"));
        assert!(!f("word_count", "lt.400"));
        assert!(f("word_count", "in.(1,420,3)"));
        assert!(f("title", "eq.\"The Moon, and Stars\""));
        assert!(f("title", "ilike.*moon*"));
        assert!(!f("title", "like.*moon*"));
        assert!(f("audio_url", "is.null"));
        assert!(!f("audio_url", "not.is.null"));
        assert!(f("is_favorite", "is.true"));
        assert!(f("word_count", "not.eq.1"));
        assert!(!f("audio_url", "eq.x"), "NULL never equals");
    }

    #[test]
    fn array_operators_on_keywords() {
        use crate::rest::schema::CUSTOM_EVENTS;
        let r = row(json!({"keywords": ["moon", "owl", "lantern"]}));
        let f = |rhs: &str| {
            parse(&CUSTOM_EVENTS, "keywords", rhs)
                .unwrap()
                .matches(&CUSTOM_EVENTS, &r)
        };
        assert!(f("cs.{moon,owl}"));
        assert!(!f("cs.{moon,sun}"));
        assert!(f("cd.{moon,owl,lantern,sun}"));
        assert!(!f("cd.{moon}"));
        assert!(f("ov.{sun,owl}"));
        assert!(!f("ov.{sun}"));
        assert!(f("not.cs.{sun}"));
    }

    #[test]
    fn rejects_unknown_columns_and_operators() {
        assert!(matches!(
            parse(&HEROES, "nope", "eq.1"),
            Err(FilterError::UnknownColumn(_))
        ));
        assert!(matches!(
            parse(&HEROES, "name", "approx.1"),
            Err(FilterError::Syntax(_))
        ));
        let many = parse_realtime(&STORIES, "word_count=gt.0,word_count=lt.100").unwrap();
        assert_eq!(many.len(), 2);
    }
}
