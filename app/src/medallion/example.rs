//! An inventory to try the assistant with: a web shop's lake in the naming styles people use
//! (layer schemas, dbt sources and models, a dbt mart).

pub const LAKE: &str = "\
-- Bronze: what landed from the shop, the CRM and the payment provider
bronze.shop_orders(order_id bigint not null, customer_id bigint, ordered_at timestamp, status varchar(20), amount decimal(12,2))
bronze.shop_order_items(order_id bigint, product_id bigint, quantity int, price decimal(10,2))
bronze.shop_products(product_id bigint, title text, category varchar(40))
raw_crm__customers(customer_id bigint, email varchar(200), created_at timestamp)
raw_stripe__payments(payment_id varchar(40), order_id bigint, amount numeric(12,2), paid_at timestamptz)
-- Silver: cleansed entities
silver.orders(order_id bigint primary key, customer_id bigint, ordered_at timestamp, status varchar(20), amount decimal(12,2))
silver.customers(customer_id bigint primary key, email varchar(200), segment varchar(20))
int_payments_enriched(payment_id varchar(40), order_id bigint, amount numeric(12,2), method varchar(20))
silver.products(product_id bigint primary key, title text, category varchar(40))
-- Gold: what dashboards read
gold.daily_revenue(day date, order_count int, revenue decimal(14,2))
fct_orders(order_id bigint, customer_id bigint, amount decimal(12,2), paid boolean)
dim_customers(customer_id bigint, email varchar(200), segment varchar(20))
mart_finance__payment_methods(method varchar(20), payment_count int)
";
