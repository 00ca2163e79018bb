//! Converters between the workspace model and standard specification files (ODCS, ODPS, DPDS,
//! dbt, SQL DDL, JSON Schema, Markdown). Each standard gets its own module; the model never
//! depends on a wire format.
