//! Template: an online retailer's orders, customers, catalogue and deliveries.

use dpstudio_model::{DataContract, DataProduct, PortKind, ProductKind::*, Status, Workspace};

use super::kit::*;

pub fn workspace() -> Workspace {
    let mut ws = new_workspace(
        "ecommerce-orders",
        "E-commerce — orders, customers & fulfilment",
        "An online retailer's mesh: the shop, the catalogue, the CRM and the warehouse publish source-aligned products; sales and delivery performance are aggregated daily; a Customer 360 feeds churn campaigns.",
    );
    let c = &mut ws.context;
    c.domains = vec![
        domain("sales", "Sales", "From basket to paid order: orders, prices and the assortment customers buy from."),
        domain("customer", "Customer", "Who our customers are, what they agreed to and how they behave over time."),
        domain("fulfilment", "Fulfilment", "Picking, packing and delivering orders through our warehouses and carriers."),
    ];
    c.teams = vec![
        team("checkout-team", "Checkout Team", "sales", &[("Amira Haddad", "product owner"), ("Jonas Berg", "data engineer")]),
        team("merchandising", "Merchandising", "sales", &[("Chloé Martin", "product owner"), ("Samuel Osei", "data steward")]),
        team("commercial-analytics", "Commercial Analytics", "sales", &[("Lea Novak", "product owner"), ("Ravi Menon", "analytics engineer")]),
        team("crm-team", "CRM Team", "customer", &[("Tomás Ortega", "product owner"), ("Priya Raman", "data steward")]),
        team("growth-marketing", "Growth Marketing", "customer", &[("Hannah Schulz", "product owner"), ("Kenji Watanabe", "data scientist")]),
        team("fulfilment-ops", "Fulfilment Operations", "fulfilment", &[("Marek Kowalski", "product owner"), ("Fatima Zahra", "data engineer")]),
    ];
    c.glossary = vec![
        term_aka("order", "Order", "A customer's confirmed request to buy one or more items, created when the payment is authorised.", "checkout-team", "sales", &["purchase"]),
        term("order-line", "Order line", "One item of an order: a SKU, a quantity and the price paid for it after line discounts.", "checkout-team", "sales"),
        term("net-revenue", "Net revenue", "Order value after discounts and returns, excluding VAT and shipping fees.", "commercial-analytics", "sales"),
        term_aka("gmv", "Gross merchandise value", "Total value of items ordered at the price shown, before discounts, returns and cancellations.", "commercial-analytics", "sales", &["GMV"]),
        term_aka("sku", "SKU", "Stock keeping unit: one sellable variant of an article (a colour and size), the unit prices and stock are kept in.", "merchandising", "sales", &["article variant"]),
        term("customer", "Customer", "A person or company with at least one confirmed order or an active account.", "crm-team", "customer"),
        term("marketing-consent", "Marketing consent", "The customer's recorded agreement to receive marketing messages on a channel; without it no campaign may reach them.", "crm-team", "customer"),
        term("customer-lifetime-value", "Customer lifetime value", "Net revenue a customer has brought since their first order, minus the value of their returns.", "growth-marketing", "customer"),
        term("churn-risk", "Churn risk", "Likelihood, from 0 to 1, that a customer places no order in the next 90 days.", "growth-marketing", "customer"),
        term("shipment", "Shipment", "One parcel handed to a carrier; an order ships in one or more shipments.", "fulfilment-ops", "fulfilment"),
        term("on-time-delivery", "On-time delivery", "A shipment delivered no later than the delivery date promised at checkout.", "fulfilment-ops", "fulfilment"),
    ];
    c.source_systems = vec![
        system("shop-platform", "Shop platform", "postgres", "sales", "The web shop's order management database; orders arrive by change data capture."),
        system("pim", "Product information management", "akeneo", "sales", "Where merchandising maintains articles, variants, categories and list prices."),
        system("crm", "CRM", "salesforce", "customer", "Customer accounts, contacts and consent records."),
        system("wms", "Warehouse management", "sap-ewm", "fulfilment", "Picking, packing and carrier handover in both warehouses."),
    ];
    c.semantic.entities = vec![
        entity(
            "order-entity",
            "Order",
            "A confirmed order and its value.",
            "orders/orders",
            &[("order-date", "Order date", "ordered_at", "time"), ("sales-channel", "Sales channel", "channel", "categorical"), ("order-country", "Delivery country", "delivery_country", "categorical")],
            &[
                ("order-count", "Orders", "count", "order_id", "Confirmed orders."),
                ("net-amount", "Net amount", "sum", "net_amount", "Order value after discounts, without VAT and shipping."),
                ("gross-amount", "Gross amount", "sum", "gross_amount", "Order value at list price."),
            ],
        ),
        entity(
            "shipment-entity",
            "Shipment",
            "A parcel on its way to a customer.",
            "shipments/shipments",
            &[("ship-date", "Handover date", "handed_over_at", "time"), ("carrier", "Carrier", "carrier", "categorical")],
            &[
                ("shipment-count", "Shipments", "count", "shipment_id", "Parcels handed to a carrier."),
                ("on-time-shipments", "On-time shipments", "sum", "case when delivered_at <= promised_delivery_date then 1 else 0 end", "Parcels delivered by the promised date."),
            ],
        ),
        entity(
            "customer-entity",
            "Customer",
            "A customer with their value and risk of leaving.",
            "customer-360/customer_360",
            &[("customer-segment", "Segment", "segment", "categorical"), ("first-order-date", "First order date", "first_order_date", "time")],
            &[
                ("active-customers", "Active customers", "count_distinct", "customer_id", "Customers with an order in the last 365 days."),
                ("lifetime-value", "Lifetime value", "sum", "lifetime_value", "Summed customer lifetime value."),
            ],
        ),
    ];
    c.semantic.metrics = vec![
        metric("net-revenue-metric", "Net revenue", "simple", &["net-amount"], "", "commercial-analytics", "Sum of net order amounts; the figure finance reports on."),
        metric("average-order-value", "Average order value", "ratio", &["net-amount", "order-count"], "net-amount / order-count", "commercial-analytics", "Net revenue per confirmed order."),
        metric("discount-rate", "Discount rate", "derived", &["gross-amount", "net-amount"], "1 - net-amount / gross-amount", "commercial-analytics", "Share of list value given away as discounts."),
        metric("on-time-delivery-rate", "On-time delivery rate", "ratio", &["on-time-shipments", "shipment-count"], "on-time-shipments / shipment-count", "fulfilment-ops", "Share of parcels delivered by the date promised at checkout."),
        metric("average-lifetime-value", "Average customer lifetime value", "ratio", &["lifetime-value", "active-customers"], "lifetime-value / active-customers", "growth-marketing", "Lifetime value per active customer."),
    ];
    c.use_cases = vec![
        use_case("weekly-trading-report", "Weekly trading report", "commercial-analytics", "The Monday trading pack for the leadership team: net revenue, average order value and discount rate by channel and category.", &[("daily-sales", "sales-metrics")]),
        use_case("carrier-review", "Quarterly carrier review", "fulfilment-ops", "On-time delivery per carrier and region, the basis for carrier negotiations and penalties.", &[("delivery-performance", "delivery-kpis")]),
        use_case("churn-prevention", "Churn prevention campaigns", "growth-marketing", "Weekly selection of consenting customers with high churn risk and high lifetime value for a retention offer.", &[("customer-360", "customer-360-table")]),
    ];
    ws.products = products();
    ws.contracts = contracts();
    ws
}

fn products() -> Vec<DataProduct> {
    vec![
        product("web-orders", "Web Orders", SourceAligned, "sales", "checkout-team", "Publishes every confirmed web shop order and its lines in business terms, so finance, fulfilment and marketing stop reading the shop database.")
            .version("1.3.0", Status::Active)
            .tags(&["orders", "revenue"])
            .reads_system("shop-db", "Shop database (CDC)", "shop-platform", "Change data capture from the order tables, applied every five minutes.")
            .serves("orders-table", "orders", PortKind::Table, "orders", "One row per order and one per order line, updated within 15 minutes.")
            .slo("freshness", 15.0, "m")
            .slo("availability", 99.5, "%")
            .support("#checkout-data", "slack", "https://example.slack.com/archives/checkout-data"),
        product("product-catalogue", "Product Catalogue", SourceAligned, "sales", "merchandising", "The sellable assortment with categories, brands and list prices, so every report groups articles the same way.")
            .tags(&["catalogue", "assortment"])
            .reads_system("pim-export", "PIM nightly export", "pim", "Full export of published articles and variants.")
            .serves("catalogue-table", "catalogue_items", PortKind::Table, "catalogue-items", "One row per SKU currently or formerly on sale.")
            .slo("freshness", 24.0, "h")
            .support("#merchandising-data", "slack", "https://example.slack.com/archives/merchandising-data"),
        product("customers", "Customers", SourceAligned, "customer", "crm-team", "The single list of customers with their contact details and consent, for every team that needs to know who bought.")
            .version("2.0.0", Status::Active)
            .tags(&["customers", "pii"])
            .reads_system("crm-accounts", "CRM accounts and consents", "crm", "Accounts, contacts and consent history from the CRM's bulk API.")
            .serves("customer-profiles", "customer_profiles", PortKind::Table, "customer-profiles", "One row per customer; personal data restricted to approved roles.")
            .slo("freshness", 24.0, "h")
            .support("#crm-data", "slack", "https://example.slack.com/archives/crm-data"),
        product("shipments", "Shipments", SourceAligned, "fulfilment", "fulfilment-ops", "Every parcel from warehouse handover to delivery, with the carrier's scan events, so delivery promises can be measured.")
            .tags(&["logistics"])
            .reads_system("wms-handover", "WMS handover events", "wms", "Handover and carrier scan events streamed from the warehouse system.")
            .serves("shipments-table", "shipments", PortKind::Table, "shipments", "One row per parcel, updated on every carrier scan.")
            .slo("freshness", 30.0, "m")
            .support("#fulfilment-data", "slack", "https://example.slack.com/archives/fulfilment-data"),
        product("daily-sales", "Daily Sales", Aggregate, "sales", "commercial-analytics", "Net revenue, orders and discounts per day, channel and category: the figures the trading report and finance agree on.")
            .version("1.1.0", Status::Active)
            .reads("orders-in", "Orders", "web-orders", "orders-table")
            .reads("catalogue-in", "Catalogue", "product-catalogue", "catalogue-table")
            .serves("daily-sales-table", "daily_sales", PortKind::Table, "daily-sales", "One row per day, channel and category.")
            .serves("sales-metrics", "Sales metrics", PortKind::Metrics, "daily-sales", "The same figures as semantic-layer metrics for dashboards.")
            .slo("freshness", 1.0, "d")
            .support("#commercial-analytics", "slack", "https://example.slack.com/archives/commercial-analytics"),
        product("delivery-performance", "Delivery Performance", Aggregate, "fulfilment", "fulfilment-ops", "On-time delivery per day, carrier and delivery country, measured against the date promised at checkout.")
            .reads("shipments-in", "Shipments", "shipments", "shipments-table")
            .reads("orders-in", "Orders", "web-orders", "orders-table")
            .serves("delivery-kpis", "delivery_performance", PortKind::Table, "delivery-performance", "One row per day, carrier and country.")
            .slo("freshness", 1.0, "d")
            .support("#fulfilment-data", "slack", "https://example.slack.com/archives/fulfilment-data"),
        product("customer-360", "Customer 360", ConsumerAligned, "customer", "growth-marketing", "One row per customer with lifetime value, recent behaviour and churn risk, for retention campaigns that respect consent.")
            .version("0.4.0", Status::Active)
            .reads("profiles-in", "Customer profiles", "customers", "customer-profiles")
            .reads("orders-in", "Orders", "web-orders", "orders-table")
            .serves("customer-360-table", "customer_360", PortKind::Table, "customer-360", "One row per customer, rebuilt nightly.")
            .slo("freshness", 1.0, "d")
            .support("#growth-data", "slack", "https://example.slack.com/archives/growth-data"),
    ]
}

fn contracts() -> Vec<DataContract> {
    vec![
        contract("orders", "Orders", "Confirmed web shop orders and their lines, in business terms.", "Revenue reporting, fulfilment planning, customer analytics.", "Cancelled orders stay with status 'cancelled'; test orders are removed.")
            .version("1.3.0", Status::Active)
            .object(
                object("orders", "table", "One row per confirmed order.", vec![
                    field("order_id", "string", "varchar(36)", "Order number shown to the customer.").key(1).unique().term("order").example("ORD-2024-0001873"),
                    field("customer_id", "string", "varchar(36)", "The customer who placed the order.").required().references("customer-profiles/customer_profiles.customer_id").term("customer"),
                    field("ordered_at", "timestamp", "timestamp", "When the payment was authorised.").required().partition(1),
                    field("channel", "string", "varchar(16)", "Where the order was placed.").required().one_of(&["web", "app", "marketplace"]),
                    field("delivery_country", "string", "char(2)", "ISO 3166 country of the delivery address.").required().example("DE"),
                    field("delivery_postcode", "string", "varchar(10)", "Postcode of the delivery address.").pii("restricted"),
                    field("gross_amount", "number", "decimal(12,2)", "Value of the items at list price.").required().term("gmv").metric("gross-amount"),
                    field("net_amount", "number", "decimal(12,2)", "Order value after discounts, without VAT and shipping.").required().term("net-revenue").metric("net-amount").critical(),
                    field("currency", "string", "char(3)", "ISO 4217 currency of the amounts.").required().example("EUR"),
                    field("promised_delivery_date", "date", "date", "Latest delivery date promised at checkout.").required(),
                    field("status", "string", "varchar(16)", "Where the order is in its life.").required().one_of(&["confirmed", "shipped", "delivered", "cancelled", "returned"]),
                ])
                .business("Orders", "order")
                .rule(rows_at_least(1, "Every day has orders; an empty load means the capture stopped.")),
            )
            .object(
                object("order_lines", "table", "One row per item of an order.", vec![
                    field("order_id", "string", "varchar(36)", "The order this line belongs to.").key(1).references("orders.order_id").term("order"),
                    field("line_number", "integer", "smallint", "Position of the line in the order, from 1.").key(2),
                    field("sku", "string", "varchar(20)", "The article variant sold.").required().references("catalogue-items/catalogue_items.sku").term("sku"),
                    field("quantity", "integer", "smallint", "Units ordered.").required(),
                    field("net_line_amount", "number", "decimal(12,2)", "Price paid for the line after line discounts, without VAT.").required().term("order-line"),
                ])
                .business("Order lines", "order line")
                .rule(no_nulls("Every line names its SKU and quantity.")),
            )
            .rule(sql("no future orders", "SELECT COUNT(*) FROM orders WHERE ordered_at > CURRENT_TIMESTAMP", 0, "accuracy", "An order cannot be authorised in the future; a hit means a clock or time zone fault."))
            .rule(sql("lines add up", "SELECT COUNT(*) FROM orders o JOIN (SELECT order_id, SUM(net_line_amount) AS total FROM order_lines GROUP BY order_id) l USING (order_id) WHERE ABS(o.net_amount - l.total) > 0.01", 0, "consistency", "An order's net amount equals the sum of its lines."))
            .sla("latency", 15.0, "m", "orders.ordered_at", "operational")
            .sla("availability", 99.5, "%", "", "operational")
            .sla("retention", 10.0, "y", "", "regulatory")
            .server("production", "postgres", "prod", &[("host", "orders-db.internal"), ("database", "analytics"), ("schema", "sales")])
            .role("orders_reader", "read", "Read orders without the delivery postcode.", "commercial-analytics")
            .role("orders_pii_reader", "read", "Read orders including the delivery postcode, for fulfilment.", "checkout-team"),
        contract("catalogue-items", "Catalogue items", "Every SKU with its article, category, brand and list price.", "Grouping sales by category and brand; price history.", "Prices are list prices; promotions live in the pricing engine.")
            .object(
                object("catalogue_items", "table", "One row per SKU.", vec![
                    field("sku", "string", "varchar(20)", "Stock keeping unit.").key(1).unique().term("sku").example("TSH-0042-BLU-M"),
                    field("article_name", "string", "varchar(200)", "Name shown in the shop.").required(),
                    field("category", "string", "varchar(60)", "Merchandise category, top level.").required().example("Womenswear"),
                    field("brand", "string", "varchar(80)", "Brand of the article.").required(),
                    field("list_price", "number", "decimal(10,2)", "Current list price including VAT.").required(),
                    field("is_active", "boolean", "boolean", "Whether the SKU can be ordered today.").required(),
                ])
                .business("Catalogue", "SKU")
                .rule(no_duplicates("One row per SKU.")),
            )
            .rule(invalid_below(0.5, "Fewer than 0.5 % of active SKUs without a category."))
            .sla("latency", 24.0, "h", "catalogue_items.sku", "analytics")
            .sla("availability", 99.0, "%", "", "analytics")
            .server("production", "snowflake", "prod", &[("account", "retail"), ("database", "SALES"), ("schema", "CATALOGUE")]),
        contract("customer-profiles", "Customer profiles", "Every customer with contact and consent data.", "Joining orders to customers; marketing only where consent is given.", "Contains personal data: access is restricted and logged.")
            .version("2.0.0", Status::Active)
            .object(
                object("customer_profiles", "table", "One row per customer.", vec![
                    field("customer_id", "string", "varchar(36)", "Customer number.").key(1).unique().term("customer"),
                    field("email", "string", "varchar(254)", "Primary e-mail address.").required().pii("restricted"),
                    field("full_name", "string", "varchar(200)", "Name as given by the customer.").pii("restricted"),
                    field("country", "string", "char(2)", "ISO 3166 country of the billing address.").example("FR"),
                    field("marketing_consent", "boolean", "boolean", "Consent to marketing e-mails at the time of the load.").required().term("marketing-consent"),
                    field("created_at", "timestamp", "timestamp", "When the account was created.").required(),
                ])
                .business("Customers", "customer")
                .rule(no_duplicates("customer_id is unique."))
                .rule(invalid_below(1.0, "Fewer than 1 % of e-mail addresses fail the syntax check.")),
            )
            .sla("latency", 24.0, "h", "customer_profiles.created_at", "operational")
            .sla("retention", 3.0, "y", "", "regulatory")
            .server("production", "snowflake", "prod", &[("account", "retail"), ("database", "CUSTOMER"), ("schema", "PUBLIC")])
            .role("customer_pii_reader", "read", "Personal data, for approved marketing and service use.", "crm-team")
            .terms("Personal data under the GDPR: use only for the purposes in the consent record; deletion requests are applied within 30 days."),
        contract("shipments", "Shipments", "Every parcel from warehouse handover to delivery.", "Delivery performance, customer service look-ups, carrier invoicing checks.", "Carrier scans can arrive up to 48 hours late for cross-border parcels.")
            .object(
                object("shipments", "table", "One row per parcel.", vec![
                    field("shipment_id", "string", "varchar(30)", "Carrier tracking number.").key(1).unique().term("shipment"),
                    field("order_id", "string", "varchar(36)", "The order shipped.").required().references("orders/orders.order_id"),
                    field("carrier", "string", "varchar(20)", "Carrier that took the parcel.").required().one_of(&["dhl", "dpd", "ups", "colissimo"]),
                    field("warehouse", "string", "varchar(10)", "Warehouse that packed the parcel.").required().one_of(&["DC-NORTH", "DC-SOUTH"]),
                    field("handed_over_at", "timestamp", "timestamp", "Handover to the carrier.").required(),
                    field("delivered_at", "timestamp", "timestamp", "Delivery scan; empty while in transit."),
                    field("promised_delivery_date", "date", "date", "Delivery date promised at checkout.").required().term("on-time-delivery"),
                    field("status", "string", "varchar(16)", "Latest carrier status.").required().one_of(&["handed_over", "in_transit", "delivered", "returned", "lost"]),
                ])
                .business("Shipments", "parcel")
                .rule(no_nulls("Every parcel has an order, a carrier and a handover time.")),
            )
            .rule(sql("delivery after handover", "SELECT COUNT(*) FROM shipments WHERE delivered_at < handed_over_at", 0, "accuracy", "A parcel cannot be delivered before it was handed over."))
            .sla("latency", 30.0, "m", "shipments.handed_over_at", "operational")
            .sla("availability", 99.5, "%", "", "operational")
            .server("production", "snowflake", "prod", &[("account", "retail"), ("database", "FULFILMENT"), ("schema", "PUBLIC")]),
        contract("daily-sales", "Daily sales", "Net revenue, orders and discounts per day, sales channel and category.", "Trading reports, finance reconciliation, forecasting.", "Returns are netted on the day of the original order; figures for the last 30 days can still change.")
            .version("1.1.0", Status::Active)
            .object(
                object("daily_sales", "table", "One row per day, channel and category.", vec![
                    field("sales_date", "date", "date", "Day the orders were placed.").key(1).from(&["orders/orders.ordered_at"], "cast(ordered_at as date)"),
                    field("channel", "string", "varchar(16)", "Sales channel.").key(2).one_of(&["web", "app", "marketplace"]).from(&["orders/orders.channel"], ""),
                    field("category", "string", "varchar(60)", "Merchandise category.").key(3).from(&["catalogue-items/catalogue_items.category"], "category of the line's SKU"),
                    field("orders", "integer", "integer", "Confirmed orders with at least one line in the category.").required().metric("order-count").from(&["orders/orders.order_id"], "count distinct order_id"),
                    field("gross_revenue", "number", "decimal(14,2)", "Value at list price.").required().term("gmv").from(&["orders/order_lines.quantity", "catalogue-items/catalogue_items.list_price"], "sum(quantity * list_price)"),
                    field("net_revenue", "number", "decimal(14,2)", "Net revenue of the lines in the category.").required().term("net-revenue").metric("net-revenue-metric").from(&["orders/order_lines.net_line_amount"], "sum(net_line_amount)"),
                ])
                .business("Daily sales", "day × channel × category")
                .rule(no_nulls("No gaps in keys or figures.")),
            )
            .rule(sql("reconciles with orders", "SELECT COUNT(*) FROM daily_sales d WHERE d.sales_date = CURRENT_DATE - 1 GROUP BY d.sales_date HAVING ABS(SUM(d.net_revenue) - (SELECT SUM(net_amount) FROM orders WHERE CAST(ordered_at AS date) = CURRENT_DATE - 1)) > 1", 0, "consistency", "Yesterday's net revenue matches the orders product to the euro."))
            .sla("latency", 1.0, "d", "daily_sales.sales_date", "analytics")
            .sla("availability", 99.0, "%", "", "analytics")
            .server("production", "snowflake", "prod", &[("account", "retail"), ("database", "SALES"), ("schema", "REPORTING")]),
        contract("delivery-performance", "Delivery performance", "On-time delivery per day, carrier and delivery country.", "Carrier reviews, delivery promise tuning at checkout.", "A parcel counts on the day it was handed over; parcels still in transit are not late until their promised date passes.")
            .object(
                object("delivery_performance", "table", "One row per handover day, carrier and country.", vec![
                    field("handover_date", "date", "date", "Day parcels were handed over.").key(1).from(&["shipments/shipments.handed_over_at"], "cast(handed_over_at as date)"),
                    field("carrier", "string", "varchar(20)", "Carrier.").key(2).from(&["shipments/shipments.carrier"], ""),
                    field("delivery_country", "string", "char(2)", "Country of the delivery address.").key(3).from(&["orders/orders.delivery_country"], "joined on order_id"),
                    field("parcels", "integer", "integer", "Parcels handed over.").required().metric("shipment-count").from(&["shipments/shipments.shipment_id"], "count"),
                    field("delivered_on_time", "integer", "integer", "Parcels delivered by the promised date.").required().term("on-time-delivery").metric("on-time-shipments").from(&["shipments/shipments.delivered_at", "shipments/shipments.promised_delivery_date"], "count where delivered_at <= promised_delivery_date"),
                    field("on_time_rate", "number", "decimal(5,4)", "Share delivered on time, 0 to 1.").required().metric("on-time-delivery-rate"),
                ])
                .business("Delivery performance", "day × carrier × country")
                .rule(no_nulls("Every row has its figures.")),
            )
            .rule(sql("rate in range", "SELECT COUNT(*) FROM delivery_performance WHERE on_time_rate < 0 OR on_time_rate > 1", 0, "conformity", "The on-time rate is a share."))
            .sla("latency", 1.0, "d", "delivery_performance.handover_date", "analytics")
            .server("production", "snowflake", "prod", &[("account", "retail"), ("database", "FULFILMENT"), ("schema", "REPORTING")]),
        contract("customer-360", "Customer 360", "Customers with lifetime value, recent behaviour and churn risk.", "Retention campaigns for consenting customers; service agent context.", "Churn risk is a model score, recalibrated monthly; do not use it for credit decisions.")
            .version("0.4.0", Status::Active)
            .object(
                object("customer_360", "table", "One row per customer.", vec![
                    field("customer_id", "string", "varchar(36)", "Customer number.").key(1).unique().term("customer").from(&["customer-profiles/customer_profiles.customer_id"], ""),
                    field("email", "string", "varchar(254)", "Primary e-mail address, for campaign delivery.").pii("restricted").from(&["customer-profiles/customer_profiles.email"], ""),
                    field("marketing_consent", "boolean", "boolean", "Current marketing consent.").required().term("marketing-consent").from(&["customer-profiles/customer_profiles.marketing_consent"], ""),
                    field("segment", "string", "varchar(20)", "Value segment.").required().one_of(&["new", "regular", "loyal", "lapsed"]),
                    field("first_order_date", "date", "date", "Date of the first order.").from(&["orders/orders.ordered_at"], "min(ordered_at)"),
                    field("orders_last_365d", "integer", "integer", "Orders in the last 365 days.").required().from(&["orders/orders.order_id"], "count in the last 365 days"),
                    field("lifetime_value", "number", "decimal(12,2)", "Net revenue since the first order, minus returns.").required().term("customer-lifetime-value").metric("lifetime-value").from(&["orders/orders.net_amount"], "sum(net_amount) excluding returned orders"),
                    field("churn_risk", "number", "decimal(4,3)", "Probability of no order in the next 90 days, 0 to 1.").term("churn-risk"),
                ])
                .business("Customer 360", "customer")
                .rule(no_duplicates("One row per customer.")),
            )
            .rule(sql("churn risk is a probability", "SELECT COUNT(*) FROM customer_360 WHERE churn_risk < 0 OR churn_risk > 1", 0, "conformity", "Scores outside 0–1 mean the model output was not calibrated."))
            .sla("latency", 1.0, "d", "customer_360.customer_id", "analytics")
            .sla("retention", 1.0, "y", "", "regulatory")
            .server("production", "snowflake", "prod", &[("account", "retail"), ("database", "CUSTOMER"), ("schema", "MARKETING")])
            .terms("Campaigns may only target rows with marketing_consent = true."),
    ]
}
