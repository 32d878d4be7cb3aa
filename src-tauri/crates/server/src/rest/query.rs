//! Reading a PostgREST request: the query string (`select`, filters, `or`, `order`, `limit`,
//! `offset`, `on_conflict`), the `Prefer` header and the `Range` header.

use std::cmp::Ordering;

use axum::http::HeaderMap;
use serde_json::{Map, Value};

use super::error::RestError;
use super::filter::{self, Filter, FilterError, Op};
use super::schema::{self, Table};

/// The records table's columns a read can filter and order by in SQL (migration 0004): the row's
/// id and its `updated_at`, as the body holds them.
pub(crate) const SQL_COLUMNS: [&str; 2] = ["id", "updated_at"];

/// A read done in SQL: `<column> <op> <value>` conditions, the order (empty: as stored), the
/// page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SqlWindow {
    pub conditions: Vec<(&'static str, &'static str, String)>,
    pub order: Vec<String>,
    pub limit: Option<usize>,
    pub offset: usize,
}

impl SqlWindow {
    /// Whether the SQL ends with `LIMIT ? OFFSET ?`.
    pub(crate) fn pages(&self) -> bool {
        self.limit.is_some() || self.offset > 0
    }
}

/// One `order` term.
#[derive(Debug, Clone)]
pub(crate) struct OrderBy {
    pub column: String,
    pub desc: bool,
    pub nulls_first: bool,
}

/// A parsed request query.
#[derive(Debug, Default)]
pub(crate) struct RestQuery {
    pub select: Option<Vec<String>>,
    pub filters: Vec<Filter>,
    pub or_groups: Vec<Vec<Filter>>,
    pub order: Vec<OrderBy>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
    pub on_conflict: Option<Vec<String>>,
    /// Related rows embedded under the parent (`select=*,story_scenes(*)`).
    pub embeds: Vec<Embed>,
}

/// One embedded relation: the child table's rows whose `fk` equals the parent's `id`.
#[derive(Debug)]
pub(crate) struct Embed {
    pub table: &'static Table,
    pub fk: &'static str,
    pub select: Option<Vec<String>>,
}

/// One-to-many relations PostgREST would find from the foreign keys.
const RELATIONS: [(&str, &str, &str); 5] = [
    ("stories", "story_scenes", "story_id"),
    ("stories", "story_illustrations", "story_id"),
    ("stories", "listening_sessions", "story_id"),
    ("heroes", "stories", "hero_id"),
    ("custom_events", "stories", "custom_event_id"),
];

fn column_list(table: &Table, list: &str) -> Result<Option<Vec<String>>, RestError> {
    let cols: Vec<String> = split_top(list)
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if cols.iter().any(|c| c == "*") {
        return Ok(None);
    }
    for c in &cols {
        if table.column(c).is_none() {
            return Err(RestError::no_such_column(table.name, c));
        }
    }
    Ok(Some(cols))
}

/// `select`: parent columns (or all) and embedded child relations.
fn parse_select(
    table: &Table,
    value: &str,
) -> Result<(Option<Vec<String>>, Vec<Embed>), RestError> {
    let mut plain = Vec::new();
    let mut embeds = Vec::new();
    for item in split_top(value)
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
    {
        let Some((name, rest)) = item.split_once('(') else {
            plain.push(item);
            continue;
        };
        let inner = rest
            .strip_suffix(')')
            .ok_or_else(|| RestError::parse(format!("\"failed to parse select ({item})\"")))?;
        let relation = RELATIONS
            .iter()
            .find(|(parent, child, _)| *parent == table.name && *child == name);
        let Some((_, child, fk)) = relation else {
            return Err(RestError::new(
                400,
                "PGRST200",
                format!(
                    "Could not find a relationship between '{}' and '{name}' in the schema cache",
                    table.name
                ),
            ));
        };
        let child = schema::table(child).ok_or_else(|| RestError::unknown_table(child))?;
        embeds.push(Embed {
            table: child,
            fk,
            select: column_list(child, inner)?,
        });
    }
    // Only embeds asked for: no parent columns, as PostgREST does.
    Ok((column_list(table, &plain.join(","))?, embeds))
}

fn filter_error(table: &Table, e: FilterError) -> RestError {
    match e {
        FilterError::UnknownColumn(_) => RestError::new(400, "42703", e.to_string()),
        FilterError::Syntax(_) => {
            RestError::parse(e.to_string()).details(format!("in a filter on {}", table.name))
        }
    }
}

impl RestQuery {
    pub(crate) fn parse(
        table: &Table,
        raw: Option<&str>,
        headers: &HeaderMap,
    ) -> Result<Self, RestError> {
        let mut q = RestQuery::default();
        for (key, value) in url::form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            match key.as_ref() {
                "select" => {
                    let (cols, embeds) = parse_select(table, &value)?;
                    q.select = cols;
                    q.embeds = embeds;
                }
                "order" => {
                    for term in value.split(',').filter(|s| !s.is_empty()) {
                        let mut parts = term.split('.');
                        let column = parts.next().unwrap_or_default().to_string();
                        if table.column(&column).is_none() {
                            return Err(RestError::no_such_column(table.name, &column));
                        }
                        let mut desc = false;
                        let mut nulls = None;
                        for p in parts {
                            match p {
                                "asc" => desc = false,
                                "desc" => desc = true,
                                "nullsfirst" => nulls = Some(true),
                                "nullslast" => nulls = Some(false),
                                _ => {
                                    return Err(RestError::parse(format!(
                                        "\"failed to parse order ({term})\""
                                    )));
                                }
                            }
                        }
                        q.order.push(OrderBy {
                            column,
                            desc,
                            nulls_first: nulls.unwrap_or(desc),
                        });
                    }
                }
                "limit" => q.limit = Some(row_count("limit", &value)?),
                "offset" => q.offset = Some(row_count("offset", &value)?),
                "on_conflict" => {
                    let cols: Vec<String> =
                        value.split(',').map(|s| s.trim().to_string()).collect();
                    for c in &cols {
                        if table.column(c).is_none() {
                            return Err(RestError::no_such_column(table.name, c));
                        }
                    }
                    q.on_conflict = Some(cols);
                }
                "columns" | "apikey" => {}
                "or" => {
                    let inner = value
                        .strip_prefix('(')
                        .and_then(|s| s.strip_suffix(')'))
                        .ok_or_else(|| {
                            RestError::parse(format!("\"failed to parse logic tree ({value})\""))
                        })?;
                    let mut group = Vec::new();
                    for term in split_top(inner) {
                        let (col, rhs) = term.split_once('.').ok_or_else(|| {
                            RestError::parse(format!("\"failed to parse logic tree ({value})\""))
                        })?;
                        group.push(
                            filter::parse(table, col, rhs).map_err(|e| filter_error(table, e))?,
                        );
                    }
                    q.or_groups.push(group);
                }
                column => q.filters.push(
                    filter::parse(table, column, &value).map_err(|e| filter_error(table, e))?,
                ),
            }
        }
        if q.limit.is_none()
            && q.offset.is_none()
            && let Some(range) = headers.get("range").and_then(|v| v.to_str().ok())
            && let Some((a, b)) = range.trim().split_once('-')
        {
            let from = row_count("the Range header's first row", a.trim())?;
            q.offset = Some(from);
            if !b.trim().is_empty() {
                let to = row_count("the Range header's last row", b.trim())?;
                if to < from {
                    return Err(RestError::parse(format!(
                        "the Range header's last row ({to}) is before its first ({from}); send Range: first-last with first <= last"
                    )));
                }
                q.limit = Some(to - from + 1);
            }
        }
        Ok(q)
    }

    /// Whether a row passes every filter and `or` group.
    pub(crate) fn matches(&self, table: &Table, row: &Map<String, Value>) -> bool {
        self.filters.iter().all(|f| f.matches(table, row))
            && self
                .or_groups
                .iter()
                .all(|g| g.iter().any(|f| f.matches(table, row)))
    }

    /// The columns that decide which rows this read returns and in what order (filters, order)
    /// plus those it selects, when reading only those first pays: the read is narrowed (a
    /// filter or a page) and every column is the table's. `None`: read whole rows.
    pub(crate) fn narrowed_columns(&self, table: &Table) -> Option<Vec<&'static str>> {
        if !self.has_filters() && self.limit.is_none() && self.offset.is_none() {
            return None;
        }
        let filters = self.filters.iter().chain(self.or_groups.iter().flatten());
        let names = filters
            .map(|f| f.column.as_str())
            .chain(self.order.iter().map(|o| o.column.as_str()))
            .chain(self.select.iter().flatten().map(String::as_str));
        let mut columns: Vec<&'static str> = Vec::new();
        for name in names {
            let column = table.column(name)?.name;
            if !columns.contains(&column) {
                columns.push(column);
            }
        }
        Some(columns)
    }

    /// The whole read in SQL when it filters and orders only by columns the records table
    /// keeps indexed ([`SQL_COLUMNS`]: the app's sync pages through ids, and through what
    /// changed since a moment, so): the conditions, the order and the page, so a page costs its
    /// own rows, not the table's. `None`: filter, order and page here. Not with `count` (the
    /// total needs every row that passes). Both sides compare text by code point.
    pub(crate) fn sql_window(&self, count: bool) -> Option<SqlWindow> {
        if count || !self.or_groups.is_empty() {
            return None;
        }
        let sql_column = |name: &str| SQL_COLUMNS.iter().copied().find(|c| *c == name);
        let mut conditions = Vec::new();
        for f in &self.filters {
            let column = sql_column(&f.column)?;
            if f.negated || f.values.len() != 1 {
                return None;
            }
            let op = match f.op {
                Op::Eq => "=",
                Op::Lt => "<",
                Op::Lte => "<=",
                Op::Gt => ">",
                Op::Gte => ">=",
                _ => return None,
            };
            conditions.push((column, op, f.values[0].clone()));
        }
        let mut order = Vec::new();
        for o in &self.order {
            let column = sql_column(&o.column)?;
            let direction = if o.desc { " DESC" } else { "" };
            // Where nulls go matters only where there can be some (an id never is; a compared
            // value is not): said only then, so the index gives the order without a sort.
            let no_nulls = column == "id" || conditions.iter().any(|(c, _, _)| *c == column);
            let nulls = match (no_nulls, o.nulls_first) {
                (true, _) => "",
                (false, true) => " NULLS FIRST",
                (false, false) => " NULLS LAST",
            };
            order.push(format!("{column}{direction}{nulls}"));
        }
        Some(SqlWindow {
            conditions,
            order,
            limit: self.limit,
            offset: self.offset.unwrap_or(0),
        })
    }

    /// The columns `select` names (none for `*`), as the schema spells them.
    pub(crate) fn selected_columns(&self, table: &Table) -> Vec<&'static str> {
        let names = self.select.iter().flatten();
        names
            .filter_map(|n| table.column(n))
            .map(|c| c.name)
            .collect()
    }

    pub(crate) fn has_filters(&self) -> bool {
        !self.filters.is_empty() || !self.or_groups.is_empty()
    }

    /// Ids named by an `id=eq.` or `id=in.` filter.
    pub(crate) fn targeted_ids(&self) -> Vec<String> {
        self.filters
            .iter()
            .filter(|f| {
                f.column == "id" && !f.negated && matches!(f.op, filter::Op::Eq | filter::Op::In)
            })
            .flat_map(|f| f.values.clone())
            .collect()
    }

    pub(crate) fn sort(&self, rows: &mut [Map<String, Value>]) {
        if self.order.is_empty() {
            return;
        }
        rows.sort_by(|a, b| {
            for o in &self.order {
                let (x, y) = (
                    a.get(&o.column).unwrap_or(&Value::Null),
                    b.get(&o.column).unwrap_or(&Value::Null),
                );
                let ord = match (x.is_null(), y.is_null()) {
                    (true, true) => Ordering::Equal,
                    (true, false) => {
                        if o.nulls_first {
                            Ordering::Less
                        } else {
                            Ordering::Greater
                        }
                    }
                    (false, true) => {
                        if o.nulls_first {
                            Ordering::Greater
                        } else {
                            Ordering::Less
                        }
                    }
                    _ => {
                        let ord = filter::compare(x, y).unwrap_or(Ordering::Equal);
                        if o.desc { ord.reverse() } else { ord }
                    }
                };
                if ord != Ordering::Equal {
                    return ord;
                }
            }
            Ordering::Equal
        });
    }

    /// The row limited to the selected columns.
    pub(crate) fn project(&self, row: Map<String, Value>) -> Map<String, Value> {
        match &self.select {
            None => row,
            Some(cols) => cols
                .iter()
                .map(|c| (c.clone(), row.get(c).cloned().unwrap_or(Value::Null)))
                .collect(),
        }
    }
}

fn split_top(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut cur, mut depth, mut quoted) = (String::new(), 0i32, false);
    for ch in s.chars() {
        match ch {
            '"' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(ch);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The `Prefer` header's values.
#[derive(Debug, Default, Clone)]
pub(crate) struct Prefer {
    pub representation: bool,
    pub headers_only: bool,
    pub count: bool,
    pub merge: bool,
    pub ignore: bool,
    pub applied: Vec<String>,
}

impl Prefer {
    pub(crate) fn parse(headers: &HeaderMap) -> Self {
        let mut p = Prefer::default();
        for value in headers
            .get_all("prefer")
            .iter()
            .filter_map(|v| v.to_str().ok())
        {
            for item in value.split(',').map(str::trim) {
                let known = match item {
                    "return=representation" => {
                        p.representation = true;
                        true
                    }
                    "return=minimal" => true,
                    "return=headers-only" => {
                        p.headers_only = true;
                        true
                    }
                    "count=exact" | "count=planned" | "count=estimated" => {
                        p.count = true;
                        true
                    }
                    "resolution=merge-duplicates" => {
                        p.merge = true;
                        true
                    }
                    "resolution=ignore-duplicates" => {
                        p.ignore = true;
                        true
                    }
                    "missing=default" => true,
                    _ => false,
                };
                if known {
                    p.applied.push(item.to_string());
                }
            }
        }
        p
    }
}

/// The most rows a `limit`, `offset` or `Range` may name (PostgreSQL's `bigint`).
pub(crate) const MAX_ROWS: u64 = i64::MAX as u64;

/// A row count or position of a request, or the 400 that says what is allowed.
fn row_count(what: &str, value: &str) -> Result<usize, RestError> {
    value
        .parse::<u64>()
        .ok()
        .filter(|n| *n <= MAX_ROWS)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| {
            RestError::parse(format!(
                "{what} must be a whole number from 0 to {MAX_ROWS}, not \"{value}\""
            ))
        })
}
