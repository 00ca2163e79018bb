//! Template: a retail bank's accounts, payments, card authorisations and financial-crime
//! monitoring.

use dpstudio_model::{DataContract, DataProduct, PortKind, ProductKind::*, Status, Workspace};

use super::kit::*;

pub fn workspace() -> Workspace {
    let mut ws = new_workspace(
        "payments-banking",
        "Banking — accounts, payments & financial crime",
        "A retail bank's mesh: core banking, onboarding, the payments hub and the card switch publish source-aligned products; risk features are computed per account and day; AML alerts and payment volumes serve compliance and treasury.",
    );
    let c = &mut ws.context;
    c.domains = vec![
        domain("accounts", "Accounts & parties", "Current and savings accounts, their balances and the people and companies who hold them."),
        domain("payments", "Payments", "Credit transfers, instant payments and card authorisations, from initiation to booking."),
        domain("financial-crime", "Financial crime", "Detecting money laundering and fraud, and the investigations and reports that follow."),
    ];
    c.teams = vec![
        team("core-banking", "Core Banking Data", "accounts", &[("Ingrid Larsen", "product owner"), ("Dario Russo", "data engineer")]),
        team("onboarding", "Client Onboarding", "accounts", &[("Aisha Bello", "product owner"), ("Lukas Meier", "data steward")]),
        team("payments-platform", "Payments Platform", "payments", &[("Sofia Almeida", "product owner"), ("Wei Chen", "data engineer")]),
        team("treasury", "Treasury & Liquidity", "payments", &[("Robert Mills", "product owner")]),
        team("fraud-analytics", "Fraud Analytics", "financial-crime", &[("Nadia Petrova", "product owner"), ("Omar Farouk", "data scientist")]),
        team("fincrime-compliance", "Financial Crime Compliance", "financial-crime", &[("Claire Dubois", "money laundering reporting officer"), ("Yusuf Demir", "investigator")]),
    ];
    c.glossary = vec![
        term("account", "Account", "A current or savings account held at the bank, identified by its IBAN and booked in the core banking system.", "core-banking", "accounts"),
        term_aka("iban", "IBAN", "International Bank Account Number (ISO 13616) identifying an account across borders.", "core-banking", "accounts", &["account number"]),
        term("booked-balance", "Booked balance", "The account balance from booked transactions only, at the end of the business day.", "core-banking", "accounts"),
        term_aka("party", "Party", "A person or legal entity the bank has a relationship with, as account holder, signatory or guarantor.", "onboarding", "accounts", &["client", "customer"]),
        term_aka("kyc", "Know your customer", "The checks that establish and periodically confirm a party's identity, source of funds and risk.", "onboarding", "accounts", &["KYC", "customer due diligence"]),
        term_aka("pep", "Politically exposed person", "A person with a prominent public function, or a close relative or associate of one, who needs enhanced due diligence.", "onboarding", "accounts", &["PEP"]),
        term("credit-transfer", "Credit transfer", "A payment the payer initiates to move funds to a payee's account (SEPA credit transfer, SWIFT MT103/pacs.008).", "payments-platform", "payments"),
        term_aka("instant-payment", "Instant payment", "A credit transfer settled within seconds, at any time of day, under the SEPA Instant scheme.", "payments-platform", "payments", &["SCT Inst"]),
        term("card-authorisation", "Card authorisation", "The issuer's approval or decline of a card transaction at the moment of purchase.", "payments-platform", "payments"),
        term_aka("mcc", "Merchant category code", "ISO 18245 four-digit code classifying a merchant's business.", "payments-platform", "payments", &["MCC"]),
        term("aml-alert", "AML alert", "A signal from transaction monitoring that activity on an account may be money laundering and needs an investigator's review.", "fincrime-compliance", "financial-crime"),
        term_aka("sar", "Suspicious activity report", "The report filed with the financial intelligence unit when an investigation confirms suspicion.", "fincrime-compliance", "financial-crime", &["SAR", "STR"]),
    ];
    c.source_systems = vec![
        system("core-banking-system", "Core banking", "temenos", "accounts", "The ledger of accounts, balances and bookings; end-of-day extracts."),
        system("onboarding-platform", "Onboarding & KYC platform", "postgres", "accounts", "Party records, identity checks, risk ratings and periodic reviews."),
        system("payments-hub", "Payments hub", "kafka", "payments", "ISO 20022 payment messages for SEPA, SEPA Instant and SWIFT, as events."),
        system("card-switch", "Card authorisation switch", "kafka", "payments", "Authorisation requests and responses from the card scheme interface."),
    ];
    c.semantic.entities = vec![
        entity(
            "payment-entity",
            "Payment",
            "A booked credit transfer, in or out.",
            "payment-transactions/payment_transactions",
            &[("booking-date", "Booking date", "booked_at", "time"), ("scheme", "Scheme", "scheme", "categorical"), ("direction", "Direction", "direction", "categorical")],
            &[
                ("payment-count", "Payments", "count", "payment_id", "Booked payments."),
                ("payment-value", "Payment value", "sum", "amount_eur", "Booked value in euro."),
                ("instant-payment-count", "Instant payments", "sum", "case when scheme = 'SEPA_INST' then 1 else 0 end", "Payments under the instant scheme."),
            ],
        ),
        entity(
            "authorisation-entity",
            "Card authorisation",
            "An approval or decline of a card purchase.",
            "card-authorisations/card_authorisations",
            &[("auth-channel", "Channel", "channel", "categorical"), ("merchant-country", "Merchant country", "merchant_country", "categorical"), ("auth-time", "Authorisation time", "authorised_at", "time")],
            &[
                ("authorisation-count", "Authorisations", "count", "authorisation_id", "Authorisation requests answered."),
                ("approved-count", "Approved authorisations", "sum", "case when response_code = '00' then 1 else 0 end", "Requests approved."),
            ],
        ),
        entity(
            "alert-entity",
            "AML alert",
            "A transaction-monitoring alert and its outcome.",
            "aml-alerts/aml_alerts",
            &[("alert-scenario", "Scenario", "scenario", "categorical"), ("alert-date", "Alert date", "raised_on", "time")],
            &[
                ("alert-count", "Alerts", "count", "alert_id", "Alerts raised."),
                ("sar-count", "Alerts leading to a SAR", "sum", "case when outcome = 'sar_filed' then 1 else 0 end", "Alerts whose investigation ended in a report."),
            ],
        ),
    ];
    c.semantic.metrics = vec![
        metric("payment-volume", "Payment volume", "simple", &["payment-value"], "", "treasury", "Value of booked payments, in euro."),
        metric("average-payment-value", "Average payment value", "ratio", &["payment-value", "payment-count"], "payment-value / payment-count", "treasury", "Value per booked payment."),
        metric("instant-share", "Instant payment share", "ratio", &["instant-payment-count", "payment-count"], "instant-payment-count / payment-count", "payments-platform", "Share of payments sent or received instantly."),
        metric("card-approval-rate", "Card approval rate", "ratio", &["approved-count", "authorisation-count"], "approved-count / authorisation-count", "payments-platform", "Share of authorisation requests approved."),
        metric("alert-conversion-rate", "Alert-to-SAR conversion", "ratio", &["sar-count", "alert-count"], "sar-count / alert-count", "fincrime-compliance", "Share of alerts that end in a suspicious activity report; low values mean noisy scenarios."),
    ];
    c.use_cases = vec![
        use_case("aml-investigations", "AML alert investigations", "fincrime-compliance", "Investigators work the daily alert queue, document their decision and file suspicious activity reports.", &[("aml-alerts", "alerts-table")]),
        use_case("liquidity-reporting", "Intraday liquidity and scheme reporting", "treasury", "Daily payment volumes per scheme for liquidity planning and the central bank's payment statistics.", &[("payment-volumes", "volume-metrics")]),
        use_case("fraud-rule-tuning", "Fraud rule tuning", "fraud-analytics", "Monthly back-testing of card and payment fraud rules against the features of confirmed cases.", &[("transaction-risk-features", "features-table")]),
    ];
    ws.products = products();
    ws.contracts = contracts();
    ws
}

fn products() -> Vec<DataProduct> {
    vec![
        product("accounts", "Accounts", SourceAligned, "accounts", "core-banking", "Every account with its holder and end-of-day booked balance, so no team needs its own core banking extract.")
            .version("2.1.0", Status::Active)
            .reads_system("eod-extract", "End-of-day extract", "core-banking-system", "Accounts and balances after the nightly close.")
            .serves("accounts-table", "accounts", PortKind::Table, "accounts", "Accounts and one balance row per account and business day.")
            .slo("freshness", 1.0, "d")
            .slo("availability", 99.9, "%")
            .support("#core-banking-data", "slack", "https://example.slack.com/archives/core-banking-data"),
        product("parties", "Parties & KYC", SourceAligned, "accounts", "onboarding", "Account holders with their identity, KYC status and risk rating, the basis of every due diligence decision.")
            .tags(&["kyc", "pii"])
            .reads_system("party-records", "Party records", "onboarding-platform", "Parties, identity documents and risk reviews.")
            .serves("parties-table", "parties", PortKind::Table, "parties", "One row per party; personal data restricted.")
            .slo("freshness", 24.0, "h")
            .support("#onboarding-data", "slack", "https://example.slack.com/archives/onboarding-data"),
        product("payment-transactions", "Payment Transactions", SourceAligned, "payments", "payments-platform", "Every booked credit transfer, in and out, across SEPA, SEPA Instant and SWIFT, in one shape instead of three message formats.")
            .version("1.4.0", Status::Active)
            .reads_system("payment-events", "Payment message events", "payments-hub", "pacs.008 and pacs.002 events from the hub.")
            .serves("payments-stream", "payment_transactions", PortKind::Stream, "payment-transactions", "One event per booked payment, within a minute.")
            .slo("freshness", 5.0, "m")
            .slo("availability", 99.95, "%")
            .support("#payments-data", "slack", "https://example.slack.com/archives/payments-data"),
        product("card-authorisations", "Card Authorisations", SourceAligned, "payments", "payments-platform", "Every card authorisation request and the issuer's answer, for fraud monitoring and approval-rate analysis.")
            .reads_system("auth-events", "Authorisation events", "card-switch", "Request and response pairs from the switch.")
            .serves("authorisations-stream", "card_authorisations", PortKind::Stream, "card-authorisations", "One event per authorisation, within a minute.")
            .slo("freshness", 1.0, "m")
            .slo("availability", 99.95, "%")
            .support("#payments-data", "slack", "https://example.slack.com/archives/payments-data"),
        product("transaction-risk-features", "Transaction Risk Features", Aggregate, "financial-crime", "fraud-analytics", "Behavioural features per account and day (velocity, cross-border share, new payees) that monitoring scenarios and fraud models share.")
            .reads("payments-in", "Payments", "payment-transactions", "payments-stream")
            .reads("cards-in", "Card authorisations", "card-authorisations", "authorisations-stream")
            .reads("accounts-in", "Accounts", "accounts", "accounts-table")
            .serves("features-table", "account_risk_features", PortKind::Table, "transaction-risk-features", "One row per account and business day.")
            .slo("freshness", 1.0, "d")
            .support("#fraud-analytics", "slack", "https://example.slack.com/archives/fraud-analytics"),
        product("aml-alerts", "AML Alerts", ConsumerAligned, "financial-crime", "fincrime-compliance", "The daily queue of transaction-monitoring alerts with the party context investigators need, and the outcome they record.")
            .tags(&["regulatory", "pii"])
            .reads("features-in", "Risk features", "transaction-risk-features", "features-table")
            .reads("parties-in", "Parties", "parties", "parties-table")
            .serves("alerts-table", "aml_alerts", PortKind::Table, "aml-alerts", "One row per alert.")
            .slo("freshness", 1.0, "d")
            .support("fincrime-data@example.com", "email", "mailto:fincrime-data@example.com"),
        product("payment-volumes", "Payment Volumes", Aggregate, "payments", "treasury", "Daily counts and values of payments per scheme and direction, for liquidity planning and regulatory payment statistics.")
            .reads("payments-in", "Payments", "payment-transactions", "payments-stream")
            .serves("volumes-table", "payment_volumes", PortKind::Table, "payment-volumes", "One row per day, scheme and direction.")
            .serves("volume-metrics", "Volume metrics", PortKind::Metrics, "payment-volumes", "The same figures as semantic-layer metrics.")
            .slo("freshness", 1.0, "d")
            .support("#treasury-data", "slack", "https://example.slack.com/archives/treasury-data"),
    ]
}

fn contracts() -> Vec<DataContract> {
    vec![
        contract("accounts", "Accounts", "Accounts with their holder, product and end-of-day booked balance.", "Risk features, liquidity, customer service and regulatory reporting.", "Balances are end of business day; intraday movements are in Payment Transactions.")
            .version("2.1.0", Status::Active)
            .object(
                object("accounts", "table", "One row per account ever opened.", vec![
                    field("account_id", "string", "varchar(20)", "Internal account number.").key(1).unique().term("account"),
                    field("iban", "string", "varchar(34)", "The account's IBAN.").required().unique().term("iban").pii("confidential").example("DE89370400440532013000"),
                    field("party_id", "string", "varchar(20)", "The primary account holder.").required().references("parties/parties.party_id").term("party"),
                    field("account_type", "string", "varchar(20)", "Kind of account.").required().one_of(&["current", "savings", "business_current"]),
                    field("currency", "string", "char(3)", "Account currency.").required().example("EUR"),
                    field("opened_on", "date", "date", "Date the account was opened.").required(),
                    field("closed_on", "date", "date", "Date the account was closed; empty while open."),
                ])
                .business("Accounts", "account")
                .rule(no_duplicates("One row per account.")),
            )
            .object(
                object("daily_balances", "table", "One row per account and business day.", vec![
                    field("account_id", "string", "varchar(20)", "The account.").key(1).references("accounts.account_id"),
                    field("business_date", "date", "date", "Business day of the close.").key(2).partition(1),
                    field("booked_balance", "number", "decimal(18,2)", "Booked balance at the close, in the account currency.").required().term("booked-balance").critical(),
                ])
                .business("Daily balances", "account × business day")
                .rule(no_nulls("Every open account has a balance every business day.")),
            )
            .rule(sql("balances only for open accounts", "SELECT COUNT(*) FROM daily_balances b JOIN accounts a USING (account_id) WHERE b.business_date > a.closed_on", 0, "consistency", "No balance after an account's closing date."))
            .sla("latency", 1.0, "d", "daily_balances.business_date", "regulatory")
            .sla("availability", 99.9, "%", "", "operational")
            .sla("retention", 10.0, "y", "", "regulatory")
            .server("production", "databricks", "prod", &[("catalog", "core_banking"), ("schema", "accounts")])
            .role("accounts_reader", "read", "Accounts and balances; IBANs masked.", "core-banking"),
        contract("parties", "Parties", "Account holders with identity, KYC status and risk rating.", "Due diligence, monitoring context, regulatory reporting.", "Personal data: access only for KYC, financial crime and service purposes, and logged.")
            .object(
                object("parties", "table", "One row per party.", vec![
                    field("party_id", "string", "varchar(20)", "Party number.").key(1).unique().term("party"),
                    field("party_type", "string", "varchar(12)", "Natural person or legal entity.").required().one_of(&["person", "organisation"]),
                    field("full_name", "string", "varchar(200)", "Legal name.").required().pii("restricted"),
                    field("date_of_birth", "date", "date", "Date of birth of a person.").pii("restricted"),
                    field("residence_country", "string", "char(2)", "ISO 3166 country of residence or registration.").required(),
                    field("kyc_status", "string", "varchar(16)", "Outcome of the latest KYC review.").required().term("kyc").one_of(&["pending", "approved", "review_due", "rejected"]),
                    field("risk_rating", "string", "varchar(8)", "Money-laundering risk rating.").required().one_of(&["low", "medium", "high"]).critical(),
                    field("is_pep", "boolean", "boolean", "Whether the party is a politically exposed person.").required().term("pep"),
                    field("next_review_on", "date", "date", "When the next periodic KYC review is due.").required(),
                ])
                .business("Parties", "party")
                .rule(no_duplicates("One row per party."))
                .rule(no_nulls("Every party has a KYC status and a risk rating.")),
            )
            .rule(sql("high risk reviewed yearly", "SELECT COUNT(*) FROM parties WHERE risk_rating = 'high' AND next_review_on > CURRENT_DATE + 365", 0, "timeliness", "High-risk parties are reviewed at least once a year."))
            .sla("latency", 24.0, "h", "parties.party_id", "regulatory")
            .sla("retention", 10.0, "y", "", "regulatory")
            .server("production", "databricks", "prod", &[("catalog", "core_banking"), ("schema", "parties")])
            .role("party_pii_reader", "read", "Names and dates of birth, for KYC and investigations.", "onboarding")
            .terms("Personal data under the GDPR and the AML directive; kept ten years after the relationship ends."),
        contract("payment-transactions", "Payment transactions", "Every booked credit transfer across SEPA, SEPA Instant and SWIFT.", "Monitoring, liquidity, customer service, payment statistics.", "Rejected and returned payments are events with their own status; amounts are in the payment currency and in euro.")
            .version("1.4.0", Status::Active)
            .object(
                object("payment_transactions", "topic", "One event per booked payment.", vec![
                    field("payment_id", "string", "varchar(36)", "The bank's payment reference.").key(1).unique().term("credit-transfer"),
                    field("end_to_end_id", "string", "varchar(35)", "ISO 20022 end-to-end id set by the initiating party.").required(),
                    field("account_id", "string", "varchar(20)", "Our customer's account.").required().references("accounts/accounts.account_id").term("account"),
                    field("counterparty_iban", "string", "varchar(34)", "IBAN of the other side.").required().pii("confidential").term("iban"),
                    field("counterparty_name", "string", "varchar(140)", "Name of the other side as given in the message.").pii("restricted"),
                    field("direction", "string", "varchar(8)", "Incoming or outgoing.").required().one_of(&["in", "out"]),
                    field("scheme", "string", "varchar(12)", "Scheme the payment ran on.").required().term("instant-payment").one_of(&["SEPA_CT", "SEPA_INST", "SWIFT"]),
                    field("amount", "number", "decimal(18,2)", "Amount in the payment currency.").required(),
                    field("currency", "string", "char(3)", "ISO 4217 payment currency.").required().example("EUR"),
                    field("amount_eur", "number", "decimal(18,2)", "Amount converted at the booking day's reference rate.").required().metric("payment-value"),
                    field("booked_at", "timestamp", "timestamp", "Booking time on our ledger.").required().partition(1),
                    field("status", "string", "varchar(10)", "Booking status.").required().one_of(&["booked", "returned", "recalled"]),
                ])
                .business("Payments", "payment")
                .rule(no_nulls("Keys, amounts and booking times are always set.")),
            )
            .rule(sql("positive amounts", "SELECT COUNT(*) FROM payment_transactions WHERE amount <= 0", 0, "accuracy", "Amounts are positive; direction gives the sign."))
            .sla("latency", 5.0, "m", "payment_transactions.booked_at", "operational")
            .sla("availability", 99.95, "%", "", "operational")
            .sla("retention", 10.0, "y", "", "regulatory")
            .server("production", "kafka", "prod", &[("host", "payments-kafka.internal:9093"), ("topic", "payments.booked.v1")]),
        contract("card-authorisations", "Card authorisations", "Every card authorisation request and the issuer's answer.", "Fraud monitoring, approval-rate analysis, dispute handling.", "Card numbers are never included: cards are identified by a token.")
            .object(
                object("card_authorisations", "topic", "One event per authorisation request.", vec![
                    field("authorisation_id", "string", "varchar(36)", "Switch reference of the request.").key(1).unique().term("card-authorisation"),
                    field("card_token", "string", "varchar(64)", "Token standing for the card number.").required().classified("confidential"),
                    field("account_id", "string", "varchar(20)", "Account the card draws on.").required().references("accounts/accounts.account_id"),
                    field("merchant_category_code", "string", "char(4)", "The merchant's MCC.").required().term("mcc").example("5411"),
                    field("merchant_country", "string", "char(2)", "ISO 3166 country of the merchant.").required(),
                    field("channel", "string", "varchar(8)", "Where the card was used.").required().one_of(&["pos", "ecom", "atm", "contactless"]),
                    field("amount_eur", "number", "decimal(12,2)", "Requested amount in euro.").required(),
                    field("response_code", "string", "char(2)", "ISO 8583 response code; 00 is approved.").required().example("00"),
                    field("authorised_at", "timestamp", "timestamp", "When the answer was sent.").required().partition(1),
                ])
                .business("Card authorisations", "authorisation request")
                .rule(no_nulls("Every request has a response code and amount.")),
            )
            .rule(invalid_below(0.1, "Fewer than 0.1 % unknown merchant category codes."))
            .sla("latency", 1.0, "m", "card_authorisations.authorised_at", "operational")
            .sla("availability", 99.95, "%", "", "operational")
            .sla("retention", 5.0, "y", "", "regulatory")
            .server("production", "kafka", "prod", &[("host", "payments-kafka.internal:9093"), ("topic", "cards.authorisations.v1")]),
        contract("transaction-risk-features", "Transaction risk features", "Behavioural features per account and business day.", "Transaction-monitoring scenarios, fraud models and their back-testing.", "Features describe behaviour, not guilt; never show them to customers or use them for credit decisions.")
            .object(
                object("account_risk_features", "table", "One row per account and business day.", vec![
                    field("account_id", "string", "varchar(20)", "The account.").key(1).term("account").from(&["accounts/accounts.account_id"], ""),
                    field("business_date", "date", "date", "Business day the features describe.").key(2).partition(1),
                    field("outgoing_count_7d", "integer", "integer", "Outgoing payments in the last 7 days.").required().from(&["payment-transactions/payment_transactions.payment_id"], "count where direction = 'out' over 7 days"),
                    field("outgoing_value_7d", "number", "decimal(18,2)", "Value of outgoing payments in the last 7 days, in euro.").required().from(&["payment-transactions/payment_transactions.amount_eur"], "sum where direction = 'out' over 7 days"),
                    field("new_payees_30d", "integer", "integer", "Counterparties paid for the first time in the last 30 days.").required().classified("confidential").from(&["payment-transactions/payment_transactions.counterparty_iban"], "count of distinct counterparties first seen in the window; no IBAN is kept"),
                    field("cross_border_share_30d", "number", "decimal(5,4)", "Share of card spend abroad in the last 30 days, 0 to 1.").required().from(&["card-authorisations/card_authorisations.merchant_country", "card-authorisations/card_authorisations.amount_eur"], "abroad amount / total amount"),
                    field("balance_turnover_ratio", "number", "decimal(10,4)", "Outgoing value over the average booked balance, 30 days.").from(&["accounts/daily_balances.booked_balance", "payment-transactions/payment_transactions.amount_eur"], "sum(out) / avg(booked_balance)"),
                ])
                .business("Account risk features", "account × business day")
                .rule(no_nulls("All counters are filled; zero when there was no activity.")),
            )
            .rule(sql("shares in range", "SELECT COUNT(*) FROM account_risk_features WHERE cross_border_share_30d NOT BETWEEN 0 AND 1", 0, "conformity", "Shares lie between 0 and 1."))
            .sla("latency", 1.0, "d", "account_risk_features.business_date", "operational")
            .sla("retention", 5.0, "y", "", "regulatory")
            .server("production", "databricks", "prod", &[("catalog", "financial_crime"), ("schema", "features")]),
        contract("aml-alerts", "AML alerts", "Transaction-monitoring alerts with party context and the investigator's outcome.", "The investigation queue, SAR filing, scenario tuning and regulator reporting.", "Alerts are confidential: tipping off a customer is a criminal offence.")
            .object(
                object("aml_alerts", "table", "One row per alert.", vec![
                    field("alert_id", "string", "varchar(20)", "Alert number.").key(1).unique().term("aml-alert"),
                    field("account_id", "string", "varchar(20)", "The account alerted on.").required().from(&["transaction-risk-features/account_risk_features.account_id"], ""),
                    field("party_id", "string", "varchar(20)", "The account holder.").required().references("parties/parties.party_id").term("party"),
                    field("full_name", "string", "varchar(200)", "Holder's legal name, for the investigator.").pii("restricted").from(&["parties/parties.full_name"], ""),
                    field("risk_rating", "string", "varchar(8)", "Holder's risk rating when the alert was raised.").required().one_of(&["low", "medium", "high"]).from(&["parties/parties.risk_rating"], ""),
                    field("scenario", "string", "varchar(40)", "The monitoring scenario that fired.").required().one_of(&["rapid_movement_of_funds", "structuring", "new_payee_burst", "high_risk_geography"]),
                    field("raised_on", "date", "date", "Business day the alert was raised.").required().partition(1),
                    field("score", "number", "decimal(5,2)", "Scenario score, 0 to 100.").required().from(&["transaction-risk-features/account_risk_features.outgoing_value_7d", "transaction-risk-features/account_risk_features.new_payees_30d"], "scenario scoring model"),
                    field("outcome", "string", "varchar(16)", "Investigator's decision.").required().term("sar").one_of(&["open", "closed_no_action", "sar_filed"]),
                ])
                .business("AML alerts", "alert")
                .rule(no_duplicates("One row per alert.")),
            )
            .rule(sql("open alerts within 30 days", "SELECT COUNT(*) FROM aml_alerts WHERE outcome = 'open' AND raised_on < CURRENT_DATE - 30", 0, "timeliness", "Alerts are decided within 30 days, as the policy requires."))
            .sla("latency", 1.0, "d", "aml_alerts.raised_on", "regulatory")
            .sla("retention", 10.0, "y", "", "regulatory")
            .server("production", "databricks", "prod", &[("catalog", "financial_crime"), ("schema", "alerts")])
            .role("aml_investigator", "write", "Read alerts and record outcomes.", "fincrime-compliance")
            .terms("Access only for financial-crime investigation staff; never disclose an alert to the customer."),
        contract("payment-volumes", "Payment volumes", "Daily payment counts and values per scheme and direction.", "Liquidity planning, scheme fee forecasts, central bank payment statistics.", "Returned and recalled payments are excluded.")
            .object(
                object("payment_volumes", "table", "One row per business day, scheme and direction.", vec![
                    field("business_date", "date", "date", "Business day of booking.").key(1).from(&["payment-transactions/payment_transactions.booked_at"], "cast(booked_at as date)"),
                    field("scheme", "string", "varchar(12)", "Payment scheme.").key(2).term("instant-payment").one_of(&["SEPA_CT", "SEPA_INST", "SWIFT"]).from(&["payment-transactions/payment_transactions.scheme"], ""),
                    field("direction", "string", "varchar(8)", "Incoming or outgoing.").key(3).one_of(&["in", "out"]).from(&["payment-transactions/payment_transactions.direction"], ""),
                    field("payments", "integer", "integer", "Booked payments.").required().metric("payment-count").from(&["payment-transactions/payment_transactions.payment_id"], "count where status = 'booked'"),
                    field("value_eur", "number", "decimal(20,2)", "Booked value in euro.").required().metric("payment-volume").from(&["payment-transactions/payment_transactions.amount_eur"], "sum where status = 'booked'"),
                ])
                .business("Payment volumes", "business day × scheme × direction")
                .rule(no_nulls("No gaps in keys or figures.")),
            )
            .rule(rows_at_least(6, "Every business day has all schemes in both directions."))
            .sla("latency", 1.0, "d", "payment_volumes.business_date", "regulatory")
            .sla("availability", 99.5, "%", "", "analytics")
            .server("production", "databricks", "prod", &[("catalog", "payments"), ("schema", "reporting")]),
    ]
}
