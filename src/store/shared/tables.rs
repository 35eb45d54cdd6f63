//! The tables both engines keep, column by column, with the kind of value in
//! each: how a SQLite row becomes a PostgreSQL row. A test holds this list to
//! both schemas, so neither can gain a column the other lacks unnoticed.
use postgres::types::Type;

/// The kind of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// integer; bigint on PostgreSQL (money, counts, ids).
    Int,
    /// A one-row table's fixed id: integer on PostgreSQL.
    SmallId,
    /// real; double precision.
    Real,
    Text,
    /// 0/1 in SQLite; boolean.
    Flag,
    /// RFC 3339 UTC text in SQLite; timestamptz.
    Instant,
    /// YYYY-MM-DD text in SQLite; date.
    Date,
    /// blob; bytea.
    Bytes,
}

impl Kind {
    pub fn pg_type(self) -> Type {
        match self {
            Kind::Int => Type::INT8,
            Kind::SmallId => Type::INT4,
            Kind::Real => Type::FLOAT8,
            Kind::Text => Type::TEXT,
            Kind::Flag => Type::BOOL,
            Kind::Instant => Type::TIMESTAMPTZ,
            Kind::Date => Type::DATE,
            Kind::Bytes => Type::BYTEA,
        }
    }

    /// The declared type in a SQLite schema.
    pub fn sqlite_type(self) -> &'static str {
        match self {
            Kind::Int | Kind::SmallId | Kind::Flag => "INTEGER",
            Kind::Real => "REAL",
            Kind::Text | Kind::Instant | Kind::Date => "TEXT",
            Kind::Bytes => "BLOB",
        }
    }
}

pub struct Table {
    pub name: &'static str,
    /// `name:kind` pairs: n int, k small id, r real, t text, f flag, i instant, d date, x bytes.
    columns: &'static str,
    /// Whether its `id` column draws from a sequence that must follow the copied ids.
    pub identity: bool,
}

impl Table {
    pub fn columns(&self) -> impl Iterator<Item = (&'static str, Kind)> {
        self.columns.split_whitespace().map(|c| {
            let (name, k) = c.split_once(':').expect("name:kind");
            let kind = match k {
                "n" => Kind::Int,
                "k" => Kind::SmallId,
                "r" => Kind::Real,
                "t" => Kind::Text,
                "f" => Kind::Flag,
                "i" => Kind::Instant,
                "d" => Kind::Date,
                "x" => Kind::Bytes,
                other => panic!("unknown column kind {other}"),
            };
            (name, kind)
        })
    }

    pub fn column_list(&self) -> String {
        self.columns().map(|(n, _)| n).collect::<Vec<_>>().join(", ")
    }
}

/// In the order they can be filled (a row's parents first). Not here: the
/// SQLite search index (PostgreSQL indexes `search_text` itself), the import's
/// pause flag, and the month counts, which PostgreSQL's triggers rebuild.
pub const TABLES: &[Table] = &[
    Table {
        name: "profile",
        columns: "id:k business_name:t signer_name:t signer_title:t address_lines:t city:t region:t postal_code:t \
                  country:t phone:t email:t website:t currency:t paper:t date_format:t envelope:t offset_x_mm:r \
                  offset_y_mm:r business_type:t second_failure_days:n margin_percent:n churn_percent:n logo:x \
                  signature:x updated_at:i",
        identity: false,
    },
    Table { name: "categories", columns: "name:t position:n", identity: false },
    Table {
        name: "clock_settings",
        columns: "id:k first_contact_hours:n answer_hours:n follow_up_days:n outcome_days:n work_days:t work_start:t \
                  work_end:t notifications:f",
        identity: false,
    },
    Table {
        name: "customers",
        columns: "id:n name:t company:t email:t phone:t phone_digits:t address_lines:t city:t region:t postal_code:t \
                  country:t notes:t tags:t yearly_spend_minor:n expected_years:n search_text:t name_key:t \
                  created_at:i updated_at:i sample:f row_version:n updated_by:t",
        identity: true,
    },
    Table {
        name: "causes",
        columns: "id:n title:t what_happened:t category:t started_on:d ended_on:d created_at:i",
        identity: true,
    },
    Table { name: "cause_changes", columns: "id:n cause_id:n changed_on:d text:t", identity: true },
    Table {
        name: "incidents",
        columns: "id:n customer_id:n title:t what_happened:t our_understanding:t category:t severity:n occurred_at:i \
                  discovered_at:i discovered_by:t remedy_requested:t order_value_minor:n fix_promised_by:d \
                  makeup_description:t makeup_value_minor:n root_cause:t outcome_came_back:f outcome_spend_minor:n \
                  outcome_note:t second_failure:f status:t fix_pending_by:d created_at:i updated_at:i callback_by:i \
                  sample:f cause_id:n row_version:n updated_by:t",
        identity: true,
    },
    Table { name: "incident_steps", columns: "incident_id:n step:t done_at:i skipped_reason:t", identity: false },
    Table { name: "changes", columns: "id:n incident_id:n changed_on:d text:t", identity: true },
    Table { name: "timeline", columns: "id:n incident_id:n at:i kind:t text:t person:t", identity: true },
    Table { name: "incident_edits", columns: "id:n incident_id:n version:n at:i person:t what:t", identity: true },
    Table {
        name: "letters",
        columns: "id:n incident_id:n kind:t tone:t body:t created_at:i sent_at:i",
        identity: true,
    },
    Table {
        name: "change_photos",
        columns: "id:n cause_change_id:n change_id:n file_name:t width:n height:n jpeg:x thumb:x added_at:i",
        identity: true,
    },
    Table { name: "audit_log", columns: "id:n at:i action:t detail:t person:t", identity: true },
    Table { name: "import_mappings", columns: "header_key:t mapping:t saved_at:i", identity: false },
];
