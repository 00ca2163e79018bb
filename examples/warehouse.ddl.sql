CREATE TABLE bronze.shop_orders (order_id bigint, customer_id bigint, amount decimal(12,2), ordered_at timestamp);
CREATE TABLE bronze.crm_contacts (contact_id bigint, email varchar(200));
CREATE TABLE silver.orders (order_id bigint primary key, customer_id bigint, amount decimal(12,2), ordered_at timestamp);
CREATE TABLE silver.customers (customer_id bigint primary key, email varchar(200));

CREATE OR REPLACE VIEW gold.daily_revenue AS
SELECT CAST(ordered_at AS date) AS day,
       sum(amount) AS revenue
FROM silver.orders
WHERE EXTRACT(YEAR FROM ordered_at) >= 2020 -- recent years only
GROUP BY 1;

CREATE TABLE gold.customer_value AS
WITH spend AS (
    SELECT customer_id, sum(amount) AS lifetime_value

    FROM silver.orders
    GROUP BY customer_id
)

SELECT c.customer_id, c.email, s.lifetime_value
FROM silver.customers c
JOIN spend s ON s.customer_id = c.customer_id;

CREATE VIEW gold.board_pack AS SELECT d.day, d.revenue, v.lifetime_value FROM gold.daily_revenue d, gold.customer_value v;
