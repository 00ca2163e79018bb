//! The Medallion assistant's domain logic end to end: a realistic inventory in every naming
//! style becomes the expected products, ports, contracts and lineage; adopting them is one
//! edit that undo takes back; garbage produces line errors, never a panic.

use dpstudio_model::medallion::{adopt, compare, parse_inventory, propose, Inventory, Layer, Proposal};
use dpstudio_model::{generate, InputSource, ProductKind, Workspace};
use proptest::prelude::*;

/// A web shop's lake: bronze landings from the shop, the CRM (dbt source style) and the
/// payment provider; silver entities in a schema and one dbt `int_` model; gold in a schema,
/// dbt facts and dimensions, and a dbt finance mart of two tables.
const LAKE: &str = "\
-- Bronze: raw landings
bronze.shop_orders(order_id bigint not null, customer_id bigint, ordered_at timestamp, status varchar(20), amount decimal(12,2))
bronze.shop_order_items(order_id bigint, product_id bigint, quantity int, price decimal(10,2))
bronze.shop_products(product_id bigint, title text, category varchar(40), list_price decimal(10,2))
raw_crm__customers(customer_id bigint, email varchar(200), first_name text, created_at timestamp)
raw_crm__accounts(account_id bigint, name text, segment varchar(20))
raw_stripe__payments(payment_id varchar(40), order_id bigint, amount numeric(12,2), paid_at timestamptz)

# Silver
silver.orders(order_id bigint primary key, customer_id bigint, ordered_at timestamp, status varchar(20), amount decimal(12,2))
silver.order_items(order_id bigint, product_id bigint, quantity int, price decimal(10,2))
silver.customers(customer_id bigint primary key, email varchar(200), account_id bigint)
int_payments_enriched(payment_id varchar(40), order_id bigint, amount numeric(12,2), paid_at timestamp)
silver.products(product_id bigint primary key, title text, category varchar(40))

// Gold
gold.daily_revenue(day date, order_count int, revenue decimal(14,2))
fct_orders(order_id bigint, customer_id bigint, amount decimal(12,2), paid boolean)
dim_customers(customer_id bigint, email varchar(200), segment varchar(20))
mart_finance__revenue_by_month(month date, revenue decimal(14,2))
mart_finance__payment_methods(method varchar(20), payments int)
";

fn summary(proposals: &[Proposal]) -> Vec<(String, ProductKind, String)> {
    proposals.iter().map(|p| (p.name.clone(), p.kind, p.domain.clone())).collect()
}

fn named<'a>(proposals: &'a [Proposal], name: &str) -> &'a Proposal {
    proposals.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no proposal named {name}: {:?}", summary(proposals)))
}

fn reads(proposals: &[Proposal], name: &str) -> Vec<String> {
    let mut names: Vec<String> = named(proposals, name).reads.iter().map(|&r| proposals[r].name.clone()).collect();
    names.sort();
    names
}

/// Products grow with their ports, as the canvas draws them.
fn size(ws: &Workspace, kind: dpstudio_model::NodeKind, id: &str) -> (f64, f64) {
    match (kind, ws.product(id)) {
        (dpstudio_model::NodeKind::Product, Some(p)) => (260.0, 58.0 + 24.0 * (p.input_ports.len() + p.output_ports.len()) as f64),
        _ => (190.0, 56.0),
    }
}

#[test]
fn a_realistic_lake_reads_completely_in_every_naming_style() {
    let inventory = parse_inventory(LAKE);
    assert_eq!(inventory.errors, vec![]);
    assert_eq!(inventory.tables.len(), 16);
    assert_eq!([inventory.count(Layer::Bronze), inventory.count(Layer::Silver), inventory.count(Layer::Gold)], [6, 5, 5]);
    let orders = &inventory.tables[6];
    assert_eq!((orders.name.as_str(), orders.line), ("silver.orders", 10));
    assert!(orders.columns[0].primary_key && orders.columns[0].required);
    assert_eq!(inventory.tables[1].columns[3].sql_type, "decimal(10,2)");
}

#[test]
fn a_realistic_lake_becomes_the_expected_products() {
    let proposals = propose(&parse_inventory(LAKE));
    use ProductKind::*;
    let expected: Vec<(String, ProductKind, String)> = [
        ("Shop data", SourceAligned, "Sales"),
        ("CRM customers and accounts", SourceAligned, "Customer"),
        ("Stripe payments", SourceAligned, "Finance"),
        ("Orders", Aggregate, "Sales"),
        ("Customers", Aggregate, "Customer"),
        ("Payments", Aggregate, "Finance"),
        ("Products", Aggregate, "Catalog"),
        ("Daily revenue", ConsumerAligned, "Sales"),
        ("Orders facts", ConsumerAligned, "Sales"),
        ("Customers dimension", ConsumerAligned, "Customer"),
        ("Finance mart", ConsumerAligned, "Finance"),
    ]
    .into_iter()
    .map(|(n, k, d)| (n.to_owned(), k, d.to_owned()))
    .collect();
    assert_eq!(summary(&proposals), expected);
    assert_eq!(named(&proposals, "Shop data").source_system.as_deref(), Some("Shop"));
    assert_eq!(named(&proposals, "CRM customers and accounts").source_system.as_deref(), Some("CRM"));
    assert_eq!(named(&proposals, "Orders").tables.len(), 2, "orders and order_items are one entity");
    assert_eq!(named(&proposals, "Finance mart").tables.len(), 2, "one dbt mart, two tables");
}

#[test]
fn lineage_follows_entities_and_key_columns() {
    let proposals = propose(&parse_inventory(LAKE));
    assert_eq!(reads(&proposals, "Orders"), ["Shop data"]);
    assert_eq!(reads(&proposals, "Products"), ["Shop data"]);
    assert_eq!(reads(&proposals, "Customers"), ["CRM customers and accounts"]);
    assert_eq!(reads(&proposals, "Payments"), ["Stripe payments"]);
    // By name (orders) and by key column (customer_id).
    assert_eq!(reads(&proposals, "Orders facts"), ["Customers", "Orders"]);
    assert_eq!(reads(&proposals, "Customers dimension"), ["Customers"]);
    // `order_count` names the orders entity.
    assert_eq!(reads(&proposals, "Daily revenue"), ["Orders"]);
    assert_eq!(reads(&proposals, "Finance mart"), ["Payments"]);
    for (i, p) in proposals.iter().enumerate() {
        assert!(p.reads.iter().all(|&r| r < i), "{} reads only earlier proposals", p.name);
    }
}

#[test]
fn without_silver_a_mart_reads_the_sources() {
    let proposals = propose(&parse_inventory("raw_erp__invoices(invoice_id int)\nrpt_invoices_by_month(month date, invoice_count int)"));
    assert_eq!(summary(&proposals).len(), 2);
    assert_eq!(reads(&proposals, "Invoices by month"), ["ERP invoices"]);
}

#[test]
fn sql_ddl_is_read_with_types_keys_and_trailing_clauses() {
    let ddl = "\
CREATE SCHEMA IF NOT EXISTS bronze;
CREATE TABLE IF NOT EXISTS bronze.crm_contacts (
    contact_id BIGINT NOT NULL,
    email VARCHAR(200), -- personal
    \"Full Name\" TEXT,
    payload STRUCT<a INT, b STRING>,
    CONSTRAINT pk_contacts PRIMARY KEY (contact_id)
)
PARTITION BY (email);
create or replace transient table silver.contacts (contact_id number(38,0) primary key, email text)
CREATE VIEW gold.contact_counts AS SELECT count(*) FROM silver.contacts;
COMMENT ON TABLE silver.contacts IS 'one row per contact';
";
    let inventory = parse_inventory(ddl);
    assert_eq!(inventory.errors, vec![]);
    let names: Vec<(&str, Layer, usize)> = inventory.tables.iter().map(|t| (t.name.as_str(), t.layer, t.line)).collect();
    assert_eq!(names, [("bronze.crm_contacts", Layer::Bronze, 2), ("silver.contacts", Layer::Silver, 10), ("gold.contact_counts", Layer::Gold, 11)]);
    let contacts = &inventory.tables[0];
    let columns: Vec<(&str, &str, bool)> = contacts.columns.iter().map(|c| (c.name.as_str(), c.sql_type.as_str(), c.primary_key)).collect();
    assert_eq!(
        columns,
        [("contact_id", "BIGINT", true), ("email", "VARCHAR(200)", false), ("Full Name", "TEXT", false), ("payload", "STRUCT<a INT, b STRING>", false)]
    );
    assert!(contacts.columns[0].required);
    assert!(inventory.tables[2].columns.is_empty(), "a view without a column list");
}

/// A warehouse's DDL dump (shared with the end-to-end test): plain tables for bronze and
/// silver, views and `CREATE TABLE … AS` for gold, one of them built on two others; queries over
/// several lines, with blank lines, CTEs, functions and comments.
const WAREHOUSE: &str = include_str!("../../../examples/warehouse.ddl.sql");

#[test]
fn views_and_create_table_as_read_their_lineage_from_the_query() {
    let inventory = parse_inventory(WAREHOUSE);
    assert_eq!(inventory.errors, vec![], "multi-line queries are read as one statement");
    let table = |name: &str| inventory.tables.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("{name} read"));
    assert_eq!(table("gold.daily_revenue").reads, ["silver.orders"]);
    assert_eq!(table("gold.daily_revenue").line, 6);
    // The CTE is not a table; what it reads is.
    assert_eq!(table("gold.customer_value").reads, ["silver.orders", "silver.customers"]);
    assert_eq!(table("gold.board_pack").reads, ["gold.daily_revenue", "gold.customer_value"]);
    assert!(table("silver.orders").reads.is_empty());
    // Without a column list, the SELECT list names the columns.
    let columns = |name: &str| table(name).columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    assert_eq!(columns("gold.daily_revenue"), ["day", "revenue"]);
    assert_eq!(columns("gold.customer_value"), ["customer_id", "email", "lifetime_value"]);
    // Their types: a cast's, else the type of the column of that name in a table read (a view
    // of a view too), else none.
    let types = |name: &str| table(name).columns.iter().map(|c| c.sql_type.clone()).collect::<Vec<_>>();
    assert_eq!(types("gold.customer_value"), ["bigint", "varchar(200)", ""]);
    assert_eq!(types("gold.board_pack"), ["date", "", ""]);

    let proposals = propose(&inventory);
    assert_eq!(reads(&proposals, "Daily revenue"), ["Orders"]);
    assert_eq!(reads(&proposals, "Customer value"), ["Customers", "Orders"]);
    // A mart built on marts reads them, and comes after them.
    assert_eq!(reads(&proposals, "Board pack"), ["Customer value", "Daily revenue"]);
    // Its names say no domain; it belongs where the first mart it reads does.
    assert_eq!(named(&proposals, "Board pack").domain, named(&proposals, "Daily revenue").domain);
    assert_eq!(named(&proposals, "Daily revenue").domain, "Sales");
    for (i, p) in proposals.iter().enumerate() {
        assert!(p.reads.iter().all(|&r| r < i), "{} reads only earlier proposals", p.name);
    }
}

#[test]
fn a_query_outweighs_what_the_names_suggest() {
    // By its name and key column the summary would read Orders; its query reads Customers.
    let text = "silver.orders(order_id bigint primary key, customer_id bigint)\nsilver.customers(customer_id bigint primary key)\n\
                CREATE VIEW gold.orders_summary AS SELECT customer_id, count(*) AS n FROM silver.customers GROUP BY 1;";
    let proposals = propose(&parse_inventory(text));
    assert_eq!(reads(&proposals, "Orders summary"), ["Customers"]);
    // Without the query, the names decide.
    let listed = propose(&parse_inventory("silver.orders(order_id bigint primary key, customer_id bigint)\nsilver.customers(customer_id bigint primary key)\ngold.orders_summary(customer_id bigint, n int)"));
    assert_eq!(reads(&listed, "Orders summary"), ["Customers", "Orders"]);
}

#[test]
fn marts_are_ordered_by_what_they_are_built_on_and_cycles_are_cut() {
    let text = "CREATE VIEW gold.board AS SELECT * FROM gold.kpis;\nCREATE VIEW gold.kpis AS SELECT * FROM {{ ref('int_orders') }};\nint_orders(order_id int)\n\
                CREATE VIEW gold.a AS SELECT * FROM gold.b;\nCREATE VIEW gold.b AS SELECT * FROM gold.a;";
    let proposals = propose(&parse_inventory(text));
    let position = |name: &str| proposals.iter().position(|p| p.name == name).unwrap_or_else(|| panic!("{name}: {:?}", summary(&proposals)));
    assert!(position("Kpis") < position("Board"), "the mart read comes first: {:?}", summary(&proposals));
    assert_eq!(reads(&proposals, "Board"), ["Kpis"]);
    // dbt's ref() names the model.
    assert_eq!(reads(&proposals, "Kpis"), ["Orders"]);
    // Two views reading each other: one reads the other, never both ways.
    assert_eq!(reads(&proposals, "A").len() + reads(&proposals, "B").len(), 1);
    for (i, p) in proposals.iter().enumerate() {
        assert!(p.reads.iter().all(|&r| r < i), "{} reads only earlier proposals", p.name);
    }
}

#[test]
fn an_entity_built_from_other_entities_reads_them_and_names_still_guide_the_rest() {
    // `silver.order_lines` joins the orders entity (by its name); its query reads products.
    let text = "bronze.shop_orders(order_id int)\nsilver.orders(order_id int primary key)\nsilver.products(product_id int primary key)\n\
                CREATE VIEW silver.order_lines AS SELECT o.order_id, p.product_id FROM silver.orders o JOIN silver.products p ON true;";
    let proposals = propose(&parse_inventory(text));
    let orders = named(&proposals, "Orders");
    assert_eq!(orders.tables.len(), 2, "orders and order_lines");
    // The view's query adds Products; silver.orders, which has none, still reads the shop's
    // orders by its name.
    assert_eq!(reads(&proposals, "Orders"), ["Products", "Shop orders"]);
    for (i, p) in proposals.iter().enumerate() {
        assert!(p.reads.iter().all(|&r| r < i), "{} reads only earlier proposals", p.name);
    }
}

#[test]
fn adopting_a_mart_built_on_marts_wires_their_ports_and_types_the_view_columns() {
    let inventory = parse_inventory(WAREHOUSE);
    let proposals = propose(&inventory);
    let mut ws = Workspace::default();
    adopt(&ws, &inventory, &proposals, &vec![true; proposals.len()], size).edit.apply(&mut ws).expect("applies");
    let product = |name: &str| ws.products.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} added"));
    let board = product("Board pack");
    let mut upstream: Vec<&str> = board
        .input_ports
        .iter()
        .filter_map(|port| match &port.source {
            InputSource::Product { product, .. } => ws.product(product).map(|p| p.name.as_str()),
            _ => None,
        })
        .collect();
    upstream.sort_unstable();
    assert_eq!(upstream, ["Customer value", "Daily revenue"]);

    // A view's column takes the type of the upstream column it is named after.
    let value = product("Customer value");
    let contract = ws.contract(&value.output_ports[0].contract.as_ref().expect("bound").id).expect("contract");
    let email = contract.schema[0].properties.iter().find(|p| p.name == "email").expect("email");
    assert_eq!((email.logical_type.as_str(), email.physical_type.as_str()), ("string", "varchar(200)"));
    let revenue = &ws.contract(&product("Daily revenue").output_ports[0].contract.as_ref().expect("bound").id).expect("contract").schema[0];
    let typed: Vec<(&str, &str)> = revenue.properties.iter().map(|p| (p.name.as_str(), p.logical_type.as_str())).collect();
    assert_eq!(typed, [("day", "date"), ("revenue", "")], "a cast gives its type; a sum has none to take");
}

#[test]
fn bad_lines_are_reported_with_their_line_numbers() {
    let inventory = parse_inventory("silver.orders\norders\nbronze.bad name\nsilver.x(a int\nCREATE TABLE\nCREATE FUNCTION f() RETURNS int;\ngold.fine(a int)");
    let lines: Vec<usize> = inventory.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 3, 4, 5], "{:?}", inventory.errors);
    assert!(inventory.errors[0].message.contains("cannot tell the layer of 'orders'"), "{}", inventory.errors[0]);
    assert_eq!(inventory.tables.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["silver.orders", "gold.fine"]);
}

#[test]
fn adopting_adds_products_contracts_ports_and_positions_in_one_undoable_edit() {
    let inventory = parse_inventory(LAKE);
    let proposals = propose(&inventory);
    let original = generate(5, 3);
    let mut ws = original.clone();
    let accepted = vec![true; proposals.len()];
    let adoption = adopt(&ws, &inventory, &proposals, &accepted, size);
    assert_eq!((adoption.products.len(), adoption.contracts.len(), adoption.systems.len()), (11, 11, 3));
    let inverse = adoption.edit.clone().apply(&mut ws).expect("applies");
    assert_eq!(ws.products.len(), original.products.len() + 11);
    assert_eq!(ws.contracts.len(), original.contracts.len() + 11);

    let product = |name: &str| ws.products.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} added"));
    let orders = product("Orders");
    let shop = product("Shop data");
    assert_eq!(orders.kind, ProductKind::Aggregate);
    assert_eq!(orders.domain.as_deref().and_then(|d| ws.domain_name(d)), Some("Sales"));
    let [input] = orders.input_ports.as_slice() else { panic!("one input: {:?}", orders.input_ports) };
    assert_eq!(input.source, InputSource::Product { product: shop.id.clone(), port: shop.output_ports[0].id.clone() });
    assert_eq!(input.contract.as_ref().map(|c| c.id.as_str()), shop.output_ports[0].contract.as_ref().map(|c| c.id.as_str()));
    let InputSource::System { system } = &shop.input_ports[0].source else { panic!("shop reads its system") };
    assert_eq!(ws.context.source_systems.iter().find(|s| &s.id == system).map(|s| s.name.as_str()), Some("Shop"));

    // The contract holds both tables with typed properties and column lineage.
    let contract_id = &orders.output_ports[0].contract.as_ref().expect("bound").id;
    let contract = ws.contract(contract_id).expect("contract added");
    assert_eq!(contract.data_product.as_ref(), Some(&orders.id));
    assert_eq!(contract.schema.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(), ["orders", "order_items"]);
    let amount = contract.schema[0].properties.iter().find(|p| p.name == "amount").expect("amount");
    assert_eq!((amount.logical_type.as_str(), amount.physical_type.as_str()), ("number", "decimal(12,2)"));
    let shop_contract = &shop.output_ports[0].contract.as_ref().expect("bound").id;
    assert_eq!(amount.transform_source_objects, [format!("{shop_contract}/shop_orders.amount")]);
    assert!(contract.schema[0].properties[0].primary_key);

    // Every new node has a position, right of what was there, none on top of another.
    let added_keys: Vec<String> = ws.products.iter().skip(original.products.len()).map(|p| format!("product:{}", p.id)).collect();
    let old_right = original.layout.nodes.values().map(|p| p.x).fold(f64::MIN, f64::max);
    for key in &added_keys {
        let at = ws.layout.nodes.get(key).unwrap_or_else(|| panic!("{key} placed"));
        assert!(at.x > old_right, "{key} at {at:?} is right of the old nodes");
    }
    let boxes: Vec<(f64, f64, f64, f64)> = ws
        .products
        .iter()
        .skip(original.products.len())
        .map(|p| {
            let at = ws.layout.nodes[&format!("product:{}", p.id)];
            let (w, h) = size(&ws, dpstudio_model::NodeKind::Product, &p.id);
            (at.x, at.y, at.x + w, at.y + h)
        })
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            assert!(a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1, "{a:?} overlaps {b:?}");
        }
    }

    inverse.apply(&mut ws).expect("undo");
    assert_eq!(ws, original);
}

#[test]
fn rejected_and_edited_proposals_are_honoured() {
    let inventory = parse_inventory(LAKE);
    let mut proposals = propose(&inventory);
    let shop = proposals.iter().position(|p| p.name == "Shop data").expect("shop");
    let orders = proposals.iter().position(|p| p.name == "Orders").expect("orders");
    proposals[orders].name = "Customer orders".into();
    proposals[orders].domain = "Commerce".into();
    proposals[orders].kind = ProductKind::ConsumerAligned;
    let mut accepted = vec![true; proposals.len()];
    accepted[shop] = false;
    let mut ws = Workspace::default();
    adopt(&ws, &inventory, &proposals, &accepted, size).edit.apply(&mut ws).expect("applies");
    assert_eq!(ws.products.len(), proposals.len() - 1);
    assert!(ws.products.iter().all(|p| p.name != "Shop data"));
    let renamed = ws.products.iter().find(|p| p.name == "Customer orders").expect("renamed product");
    assert_eq!(renamed.kind, ProductKind::ConsumerAligned);
    assert_eq!(renamed.domain.as_deref().and_then(|d| ws.domain_name(d)), Some("Commerce"));
    // With the shop product rejected, its readers read the shop system directly.
    let InputSource::System { system } = &renamed.input_ports[0].source else { panic!("{:?}", renamed.input_ports) };
    assert_eq!(ws.context.source_systems.iter().find(|s| &s.id == system).map(|s| s.name.as_str()), Some("Shop"));
}

#[test]
fn adopting_reuses_domains_and_systems_the_workspace_has() {
    let inventory = parse_inventory("raw_crm__customers(id int)\nsilver.customers(id int)");
    let proposals = propose(&inventory);
    let mut ws = Workspace::default();
    adopt(&ws, &inventory, &proposals, &[true, true], size).edit.apply(&mut ws).expect("first");
    let again = adopt(&ws, &inventory, &proposals, &[true, true], size);
    assert!(again.domains.is_empty() && again.systems.is_empty(), "{again:?}");
    again.edit.apply(&mut ws).expect("second");
    assert_eq!(ws.context.domains.len(), 1);
    assert_eq!(ws.products.len(), 4);
    let ids: std::collections::BTreeSet<&str> = ws.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), 4, "fresh ids for the second round");
}

#[test]
fn the_comparison_counts_what_each_architecture_lacks() {
    let inventory = parse_inventory(LAKE);
    let proposals = propose(&inventory);
    let mut included = vec![true; proposals.len()];
    included[0] = false;
    let c = compare(&inventory, &proposals, &included);
    assert_eq!(c.layers.tables, 16);
    assert_eq!(c.layers.per_layer, [6, 5, 5]);
    assert_eq!((c.layers.without_owner, c.layers.without_purpose, c.layers.without_quality_rules, c.layers.without_slo), (16, 16, 16, 16));
    assert_eq!(c.layers.consumers_declared, 0);
    // Silver orders, order_items, customers, payments, products; gold fct_orders, dim_customers
    // and the finance mart's payment_methods. Daily revenue and revenue by month name no entity.
    assert_eq!(c.layers.copies, 8);
    assert_eq!(c.products.products, 10);
    assert_eq!(c.products.per_kind, [2, 4, 4]);
    assert_eq!(c.products.domains, 4);
    assert_eq!((c.products.need_owner, c.products.need_purpose), (10, 10));
    let typed: usize = proposals[1..].iter().flat_map(|p| &p.tables).map(|&t| inventory.tables[t].columns.len()).sum();
    assert_eq!(c.products.typed_properties, typed);
}

fn never_panics(text: &str) -> Inventory {
    let lines = text.lines().count();
    let inventory = parse_inventory(text);
    for e in &inventory.errors {
        assert!(e.line >= 1 && e.line <= lines.max(1), "{e} of {lines} lines");
    }
    let proposals = propose(&inventory);
    let all = vec![true; proposals.len()];
    let _ = compare(&inventory, &proposals, &all);
    let mut ws = generate(2, 1);
    let before = ws.clone();
    let inverse = adopt(&ws, &inventory, &proposals, &all, size).edit.apply(&mut ws).expect("an adoption always applies");
    inverse.apply(&mut ws).expect("and undoes");
    assert_eq!(ws, before);
    inventory
}

#[test]
fn long_lines_and_unicode_give_errors_not_panics() {
    let long = "x".repeat(200_000);
    assert_eq!(never_panics(&long).errors.len(), 1);
    never_panics(&format!("silver.{long}"));
    never_panics(&format!("silver.t({})", "a int, ".repeat(5000)));
    never_panics(&"(".repeat(10_000));
    never_panics(&format!("CREATE TABLE silver.t ({}", "(".repeat(10_000)));
    let unicode = never_panics("silver.bestellungen_ä(größe int)\ngold.売上(日付 date)\n🥇.medal\n\"silver\".\"ünïcode tāble\"\nbronze.\u{0}\n--\u{202e}");
    assert_eq!(unicode.tables.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["silver.bestellungen_ä", "gold.売上", "silver.ünïcode tāble"]);
    assert_eq!(unicode.errors.len(), 2, "{:?}", unicode.errors);
    never_panics("");
    never_panics("\n\n\r\n;;;\n,,,\n");
    never_panics(&"bronze.t\n".repeat(3000));
    // Blank lines inside a query are passed in one go, not looked past from each one.
    let spaced = never_panics(&format!("CREATE VIEW gold.v AS SELECT a{}FROM silver.t;", "\n".repeat(200_000)));
    assert_eq!(spaced.tables[0].reads, ["silver.t"]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        never_panics(&text);
    }

    #[test]
    fn inventory_like_text_never_panics(
        lines in prop::collection::vec(
            prop::sample::select(vec![
                "bronze.", "silver.", "gold.", "raw_", "stg_", "int_", "fct_", "dim_", "mart_", "__", "orders", "shop", "(", ")", ",",
                " ", "int", "decimal(10,2)", "CREATE ", "TABLE ", "VIEW ", "IF NOT EXISTS ", ";", "\"", "`", "[", "]", "<", ">",
                "--", "PRIMARY KEY", "NOT NULL", "é", "売", "\u{0}", "_id", ".", " AS ", "SELECT ", "FROM ", " JOIN ", "WITH ",
                "{{ ref('", "') }}", "'", "*", "1", "EXTRACT(YEAR FROM ", "LATERAL ", ""
            ]),
            0..40,
        ),
        breaks in prop::collection::vec(any::<bool>(), 0..40),
    ) {
        let mut text = String::new();
        for (i, piece) in lines.iter().enumerate() {
            text.push_str(piece);
            if breaks.get(i).copied().unwrap_or(false) {
                text.push('\n');
            }
        }
        never_panics(&text);
    }
}

#[test]
fn added_products_stack_in_the_order_the_workspace_declares_its_domains() {
    let inventory = parse_inventory("raw_shop__orders(id int)\nraw_crm__customers(id int)");
    let proposals = propose(&inventory);
    let mut ws = Workspace::default();
    for (id, name) in [("customer", "Customer"), ("sales", "Sales")] {
        ws.context.domains.push(dpstudio_model::Domain { id: id.into(), name: name.into(), ..Default::default() });
    }
    adopt(&ws, &inventory, &proposals, &[true, true], size).edit.apply(&mut ws).expect("applies");
    let y = |name: &str| {
        let id = &ws.products.iter().find(|p| p.name == name).expect("added").id;
        ws.layout.nodes[&format!("product:{id}")].y
    };
    assert!(y("CRM customers") < y("Shop orders"), "Customer is declared before Sales");
}
