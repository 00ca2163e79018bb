//! The words generated workspaces are made of: domains and their business nouns, column
//! templates, glossary terms, names.

/// Domains and the business nouns their products are about.
pub(super) const DOMAINS: [(&str, &str, [&str; 4]); 8] = [
    ("sales", "Sales", ["order", "invoice", "quote", "payment"]),
    ("customer", "Customer", ["customer", "account", "contact", "consent"]),
    ("finance", "Finance", ["ledger_entry", "budget", "cost_center", "refund"]),
    ("supply", "Supply Chain", ["shipment", "supplier", "stock_level", "purchase_order"]),
    ("marketing", "Marketing", ["campaign", "lead", "click", "impression"]),
    ("catalog", "Product Catalog", ["product", "price", "category", "review"]),
    ("logistics", "Logistics", ["delivery", "route", "parcel", "carrier"]),
    ("people", "People", ["employee", "position", "absence", "training"]),
];

pub(super) const SYSTEM_TECH: [&str; 6] = ["postgres", "sap", "salesforce", "kafka", "mysql", "mongodb"];
pub(super) const FIRST_NAMES: [&str; 8] = ["Amira", "Jonas", "Lea", "Tomás", "Priya", "Kenji", "Sofia", "Malik"];
pub(super) const LAST_NAMES: [&str; 8] = ["Haddad", "Berg", "Novak", "Ortega", "Raman", "Sato", "Rossi", "Okafor"];
pub(super) const ROLES: [&str; 4] = ["product owner", "data engineer", "data steward", "analytics engineer"];

/// A column template: name, logical type, physical type, semantic type, PII, glossary term.
pub(super) struct Column {
    pub(super) name: &'static str,
    pub(super) logical: &'static str,
    pub(super) physical: &'static str,
    pub(super) semantic: &'static str,
    pub(super) pii: bool,
    pub(super) term: Option<&'static str>,
    pub(super) values: &'static [&'static str],
}

pub(super) const fn col(name: &'static str, logical: &'static str, physical: &'static str, semantic: &'static str) -> Column {
    Column { name, logical, physical, semantic, pii: false, term: None, values: &[] }
}

pub(super) const COLUMNS: [Column; 32] = [
    col("created_at", "timestamp", "timestamp", "dimension"),
    col("updated_at", "timestamp", "timestamp", "dimension"),
    col("event_date", "date", "date", "dimension"),
    Column { values: &["open", "active", "closed", "cancelled"], ..col("status", "string", "varchar(16)", "dimension") },
    Column { term: Some("amount"), ..col("amount", "number", "decimal(18,2)", "measure") },
    Column { term: Some("currency"), ..col("currency", "string", "char(3)", "dimension") },
    col("quantity", "integer", "int", "measure"),
    col("unit_price", "number", "decimal(18,2)", "measure"),
    col("discount_amount", "number", "decimal(18,2)", "measure"),
    col("tax_amount", "number", "decimal(18,2)", "measure"),
    Column { term: Some("country"), ..col("country_code", "string", "char(2)", "dimension") },
    col("region", "string", "varchar(32)", "dimension"),
    Column { values: &["web", "app", "store", "partner"], term: Some("channel"), ..col("channel", "string", "varchar(16)", "dimension") },
    Column { pii: true, term: Some("email-address"), ..col("email", "string", "varchar(254)", "attribute") },
    Column { pii: true, ..col("phone", "string", "varchar(32)", "attribute") },
    Column { pii: true, ..col("first_name", "string", "varchar(64)", "attribute") },
    Column { pii: true, ..col("last_name", "string", "varchar(64)", "attribute") },
    Column { pii: true, ..col("birth_date", "date", "date", "attribute") },
    Column { pii: true, ..col("postal_code", "string", "varchar(16)", "dimension") },
    col("score", "number", "double", "measure"),
    col("is_active", "boolean", "boolean", "dimension"),
    col("category", "string", "varchar(64)", "dimension"),
    col("description", "string", "text", "attribute"),
    col("source_system", "string", "varchar(32)", "attribute"),
    col("record_version", "integer", "int", "attribute"),
    col("valid_from", "date", "date", "dimension"),
    col("valid_to", "date", "date", "dimension"),
    Column { values: &["low", "medium", "high"], ..col("priority", "string", "varchar(8)", "dimension") },
    col("weight_kg", "number", "decimal(10,3)", "measure"),
    col("duration_minutes", "integer", "int", "measure"),
    col("margin", "number", "decimal(18,2)", "measure"),
    col("cost", "number", "decimal(18,2)", "measure"),
];

/// Generic glossary terms the columns link to (id, term, definition).
pub(super) const COMMON_TERMS: [(&str, &str, &str); 5] = [
    ("amount", "Amount", "A monetary value in the record's currency, after discounts and before tax."),
    ("currency", "Currency", "ISO 4217 code of the currency an amount is expressed in."),
    ("country", "Country", "ISO 3166-1 alpha-2 code of the country the record refers to."),
    ("channel", "Sales channel", "Where the interaction happened: web, app, store or partner."),
    ("email-address", "Email address", "A person's email address; personal data under GDPR."),
];
