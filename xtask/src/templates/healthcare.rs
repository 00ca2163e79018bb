//! Template: a health insurer's members, providers, medical claims, cost trend and care gaps.

use dpstudio_model::{DataContract, DataProduct, PortKind, ProductKind::*, Status, Workspace};

use super::kit::*;

pub fn workspace() -> Workspace {
    let mut ws = new_workspace(
        "healthcare-claims",
        "Healthcare — claims, cost & care gaps",
        "A health insurer's mesh: enrolment, the provider directory and claims adjudication publish source-aligned products; medical cost is tracked per member month, providers are compared for network contracting, and care managers reach members with open care gaps.",
    );
    let c = &mut ws.context;
    c.domains = vec![
        domain("membership", "Membership", "Who is covered, under which plan and for which months."),
        domain("claims", "Claims", "Bills from providers, how they are adjudicated and what we pay."),
        domain("provider-network", "Provider network", "The doctors, hospitals and labs we contract with, and on what terms."),
        domain("care-management", "Care management", "Helping members get the preventive and chronic care they need."),
    ];
    c.teams = vec![
        team("enrolment-data", "Enrolment Data", "membership", &[("Grace Okafor", "product owner"), ("Tim Becker", "data engineer")]),
        team("claims-data", "Claims Data", "claims", &[("Rosa Jiménez", "product owner"), ("Anil Kapoor", "data engineer"), ("Beth Walsh", "privacy officer")]),
        team("actuarial", "Actuarial & Finance", "claims", &[("Martin Horvat", "chief actuary")]),
        team("network-management", "Network Management", "provider-network", &[("Chiara Bianchi", "product owner"), ("Kwame Asante", "contract analyst")]),
        team("care-programs", "Care Programs", "care-management", &[("Dr. Helen Park", "medical director"), ("Luis Moreno", "analytics engineer")]),
    ];
    c.glossary = vec![
        term("member", "Member", "A person covered by one of our health plans, as subscriber or dependant.", "enrolment-data", "membership"),
        term_aka("coverage-period", "Coverage period", "An unbroken span of months in which a member is enrolled in one plan.", "enrolment-data", "membership", &["eligibility span"]),
        term("member-month", "Member month", "One member covered for one calendar month; the denominator of every per-member cost.", "actuarial", "membership"),
        term("claim", "Claim", "A provider's bill for services to a member, professional (837P) or institutional (837I).", "claims-data", "claims"),
        term("adjudication", "Adjudication", "Deciding a claim: checking eligibility, benefits and pricing, then paying, pending or denying it.", "claims-data", "claims"),
        term("allowed-amount", "Allowed amount", "The contracted price of a service: what we and the member together owe the provider.", "claims-data", "claims"),
        term("paid-amount", "Paid amount", "What we paid the provider, after the member's deductible, copay and coinsurance.", "claims-data", "claims"),
        term_aka("pmpm", "Per member per month", "A cost divided by member months, so populations of different sizes compare.", "actuarial", "claims", &["PMPM"]),
        term_aka("icd-10", "ICD-10-CM diagnosis code", "The code of the condition treated; sensitive health information.", "claims-data", "claims", &["diagnosis code"]),
        term_aka("cpt", "Procedure code", "CPT or HCPCS code of the service performed.", "claims-data", "claims", &["CPT", "HCPCS"]),
        term_aka("npi", "National Provider Identifier", "The ten-digit identifier of a provider, individual or organisation.", "network-management", "provider-network", &["NPI"]),
        term("in-network", "In network", "A provider with a current contract with us, paid at contracted rates.", "network-management", "provider-network"),
        term("care-gap", "Care gap", "A recommended service (a screening, a test) a member is eligible for and has not received in the measurement period.", "care-programs", "care-management"),
        term_aka("hedis", "HEDIS measure", "A standard quality-of-care measure (such as diabetes HbA1c testing) with a defined eligible population and numerator.", "care-programs", "care-management", &["HEDIS"]),
    ];
    c.source_systems = vec![
        system("enrolment-system", "Enrolment system", "postgres", "membership", "Members, subscribers, plans and coverage periods, fed by employer and exchange enrolment files."),
        system("claims-platform", "Claims adjudication platform", "oracle", "claims", "Received claims (837), adjudication results and payments (835)."),
        system("provider-directory", "Provider directory", "rest-api", "provider-network", "Contracted providers, specialties, locations and network status."),
    ];
    c.semantic.entities = vec![
        entity(
            "claim-entity",
            "Claim",
            "An adjudicated medical claim.",
            "medical-claims/claims",
            &[("received-date", "Received date", "received_at", "time"), ("claim-type", "Claim type", "claim_type", "categorical")],
            &[
                ("claim-count", "Claims", "count", "claim_id", "Adjudicated claims."),
                ("denied-claims", "Denied claims", "sum", "case when status = 'denied' then 1 else 0 end", "Claims denied in full."),
            ],
        ),
        entity(
            "medical-cost-entity",
            "Medical cost",
            "Cost and exposure per month, plan and service category.",
            "medical-cost/monthly_medical_cost",
            &[("service-month", "Service month", "service_month", "time"), ("plan", "Plan", "plan_id", "categorical"), ("service-category", "Service category", "service_category", "categorical")],
            &[
                ("member-months", "Member months", "sum", "member_months", "Covered member months."),
                ("paid", "Paid", "sum", "paid_amount", "Paid to providers."),
                ("allowed", "Allowed", "sum", "allowed_amount", "Contracted value of services."),
            ],
        ),
        entity(
            "care-gap-entity",
            "Care gap",
            "A member's status on one quality measure.",
            "care-gaps/care_gaps",
            &[("quality-measure", "Measure", "measure", "categorical"), ("gap-status", "Status", "status", "categorical")],
            &[
                ("eligible-members", "Eligible members", "count", "member_id", "Members in the measure's eligible population."),
                ("open-gaps", "Open gaps", "sum", "case when status = 'open' then 1 else 0 end", "Members still missing the service."),
            ],
        ),
    ];
    c.semantic.metrics = vec![
        metric("paid-pmpm", "Paid PMPM", "ratio", &["paid", "member-months"], "paid / member-months", "actuarial", "Paid claims per member per month; the headline cost trend."),
        metric("allowed-pmpm", "Allowed PMPM", "ratio", &["allowed", "member-months"], "allowed / member-months", "actuarial", "Contracted value of care per member per month."),
        metric("denial-rate", "Claim denial rate", "ratio", &["denied-claims", "claim-count"], "denied-claims / claim-count", "claims-data", "Share of claims denied in full."),
        metric("gap-closure-rate", "Care gap closure rate", "derived", &["open-gaps", "eligible-members"], "1 - open-gaps / eligible-members", "care-programs", "Share of eligible members who received the recommended care."),
    ];
    c.use_cases = vec![
        use_case("cost-trend-report", "Monthly medical cost trend", "actuarial", "PMPM by plan and service category against budget, for pricing and reserving.", &[("medical-cost", "cost-metrics")]),
        use_case("network-contracting", "Provider contract negotiations", "network-management", "Cost and denial figures per provider ahead of yearly rate negotiations.", &[("provider-performance", "provider-kpis")]),
        use_case("gap-outreach", "Care gap outreach", "care-programs", "Nurses call and write to members with open gaps, highest clinical priority first.", &[("care-gaps", "gaps-table")]),
    ];
    ws.products = products();
    ws.contracts = contracts();
    ws
}

fn products() -> Vec<DataProduct> {
    vec![
        product("members", "Members & Eligibility", SourceAligned, "membership", "enrolment-data", "Every member with their plan and coverage periods, the one answer to 'was this person covered that month?'.")
            .version("2.2.0", Status::Active)
            .tags(&["phi"])
            .reads_system("enrolment-db", "Enrolment database", "enrolment-system", "Members and coverage periods, nightly.")
            .serves("members-table", "members", PortKind::Table, "member-eligibility", "Members and their coverage periods; protected health information.")
            .slo("freshness", 1.0, "d")
            .support("#enrolment-data", "slack", "https://example.slack.com/archives/enrolment-data"),
        product("providers", "Providers", SourceAligned, "provider-network", "network-management", "Every contracted and non-contracted provider who billed us, with specialty and network status.")
            .reads_system("directory-api", "Directory API", "provider-directory", "Full directory export every night.")
            .serves("providers-table", "providers", PortKind::Table, "providers", "One row per provider (NPI).")
            .slo("freshness", 1.0, "d")
            .support("#network-data", "slack", "https://example.slack.com/archives/network-data"),
        product("medical-claims", "Medical Claims", SourceAligned, "claims", "claims-data", "Every adjudicated medical claim and its lines with diagnoses, procedures and amounts, in one shape for professional and institutional claims.")
            .version("3.1.0", Status::Active)
            .tags(&["phi", "hipaa"])
            .reads_system("adjudicated-claims", "Adjudicated claims", "claims-platform", "Claims and lines as adjudicated, every four hours.")
            .serves("claims-table", "medical_claims", PortKind::Table, "medical-claims", "Claims and claim lines; protected health information.")
            .slo("freshness", 4.0, "h")
            .slo("availability", 99.5, "%")
            .support("#claims-data", "slack", "https://example.slack.com/archives/claims-data"),
        product("medical-cost", "Medical Cost", Aggregate, "claims", "actuarial", "Allowed and paid cost per service month, plan and service category with the member months behind them: the base of every PMPM figure.")
            .reads("claims-in", "Claims", "medical-claims", "claims-table")
            .reads("members-in", "Members", "members", "members-table")
            .serves("cost-table", "monthly_medical_cost", PortKind::Table, "medical-cost", "One row per month, plan and service category.")
            .serves("cost-metrics", "Cost metrics", PortKind::Metrics, "medical-cost", "PMPM metrics for the semantic layer.")
            .slo("freshness", 1.0, "d")
            .support("#actuarial-data", "slack", "https://example.slack.com/archives/actuarial-data"),
        product("provider-performance", "Provider Performance", Aggregate, "provider-network", "network-management", "Claims, allowed cost and denials per provider and quarter, compared with peers of the same specialty.")
            .reads("claims-in", "Claims", "medical-claims", "claims-table")
            .reads("providers-in", "Providers", "providers", "providers-table")
            .serves("provider-kpis", "provider_performance", PortKind::Table, "provider-performance", "One row per provider and quarter.")
            .slo("freshness", 1.0, "d")
            .support("#network-data", "slack", "https://example.slack.com/archives/network-data"),
        product("care-gaps", "Care Gaps", ConsumerAligned, "care-management", "care-programs", "Members with open preventive and chronic care gaps by HEDIS measure, prioritised for outreach by care managers.")
            .version("1.0.0", Status::Active)
            .tags(&["phi", "hedis"])
            .reads("claims-in", "Claims", "medical-claims", "claims-table")
            .reads("members-in", "Members", "members", "members-table")
            .serves("gaps-table", "care_gaps", PortKind::Table, "care-gaps", "One row per member and measure in the measurement year.")
            .slo("freshness", 1.0, "d")
            .support("care-analytics@example.com", "email", "mailto:care-analytics@example.com"),
    ]
}

fn contracts() -> Vec<DataContract> {
    vec![
        contract("member-eligibility", "Member eligibility", "Members with their plan and coverage periods.", "Claims cost per member month, care programmes, eligibility checks.", "Protected health information under HIPAA: minimum necessary access only.")
            .version("2.2.0", Status::Active)
            .object(
                object("members", "table", "One row per member.", vec![
                    field("member_id", "string", "varchar(12)", "Member number on the ID card.").key(1).unique().term("member").pii("restricted"),
                    field("subscriber_id", "string", "varchar(12)", "Member number of the policy holder.").required().pii("restricted"),
                    field("date_of_birth", "date", "date", "Date of birth.").required().pii("restricted"),
                    field("sex", "string", "char(1)", "Administrative sex.").required().one_of(&["F", "M", "U"]).classified("confidential"),
                    field("postcode", "string", "varchar(10)", "ZIP code of residence.").pii("restricted"),
                    field("relationship", "string", "varchar(12)", "Relationship to the subscriber.").required().one_of(&["self", "spouse", "child", "other"]),
                ])
                .business("Members", "member")
                .rule(no_duplicates("One row per member.")),
            )
            .object(
                object("coverage_periods", "table", "One row per unbroken enrolment in a plan.", vec![
                    field("member_id", "string", "varchar(12)", "The member.").key(1).pii("restricted").references("members.member_id"),
                    field("plan_id", "string", "varchar(10)", "Health plan.").key(2).example("PPO-GOLD"),
                    field("coverage_start", "date", "date", "First day covered.").key(3).term("coverage-period"),
                    field("coverage_end", "date", "date", "Last day covered; empty while enrolled."),
                    field("line_of_business", "string", "varchar(12)", "Market segment.").required().one_of(&["commercial", "medicare", "medicaid"]),
                ])
                .business("Coverage periods", "member × coverage period")
                .rule(no_nulls("Every period has a plan and start date.")),
            )
            .rule(sql("periods do not overlap", "SELECT COUNT(*) FROM coverage_periods a JOIN coverage_periods b ON a.member_id = b.member_id AND a.coverage_start < b.coverage_start AND COALESCE(a.coverage_end, DATE '9999-12-31') >= b.coverage_start", 0, "consistency", "A member is in one plan at a time."))
            .sla("latency", 1.0, "d", "coverage_periods.coverage_start", "operational")
            .sla("retention", 10.0, "y", "", "regulatory")
            .server("production", "snowflake", "prod", &[("account", "payer"), ("database", "MEMBERSHIP"), ("schema", "PHI")])
            .role("phi_reader", "read", "Member-level data for approved treatment, payment and operations purposes.", "claims-data")
            .terms("HIPAA protected health information: use the minimum necessary, log every access, never export outside the secure enclave."),
        contract("providers", "Providers", "Every provider who billed us, with specialty and network status.", "Network analysis, claims pricing checks, directory accuracy.", "Specialty is the primary taxonomy only.")
            .object(
                object("providers", "table", "One row per provider.", vec![
                    field("npi", "string", "char(10)", "National Provider Identifier.").key(1).unique().term("npi").example("1234567893"),
                    field("provider_name", "string", "varchar(200)", "Individual or organisation name as registered.").required(),
                    field("provider_type", "string", "varchar(14)", "Individual or organisation.").required().one_of(&["individual", "organisation"]),
                    field("specialty", "string", "varchar(80)", "Primary specialty.").required().example("Family Medicine"),
                    field("network_status", "string", "varchar(14)", "Whether we have a contract.").required().term("in-network").one_of(&["in_network", "out_of_network"]),
                    field("state", "string", "char(2)", "US state of the primary location.").required(),
                ])
                .business("Providers", "provider")
                .rule(no_duplicates("One row per NPI.")),
            )
            .rule(sql("valid NPI check digit", "SELECT COUNT(*) FROM providers WHERE NOT luhn_valid('80840' || npi)", 0, "conformity", "NPIs pass the Luhn check with the 80840 prefix."))
            .sla("latency", 1.0, "d", "providers.npi", "operational")
            .server("production", "snowflake", "prod", &[("account", "payer"), ("database", "NETWORK"), ("schema", "PUBLIC")]),
        contract("medical-claims", "Medical claims", "Adjudicated professional and institutional claims with their lines.", "Cost reporting, quality measures, provider analysis, payment integrity.", "Claims are final 90 days after service; earlier months still grow as late claims arrive (claims lag).")
            .version("3.1.0", Status::Active)
            .object(
                object("claims", "table", "One row per claim.", vec![
                    field("claim_id", "string", "varchar(20)", "Claim number.").key(1).unique().term("claim"),
                    field("member_id", "string", "varchar(12)", "The patient.").required().pii("restricted").references("member-eligibility/members.member_id"),
                    field("billing_npi", "string", "char(10)", "Billing provider.").required().references("providers/providers.npi").term("npi"),
                    field("claim_type", "string", "varchar(14)", "Professional (837P) or institutional (837I).").required().one_of(&["professional", "institutional"]),
                    field("service_from", "date", "date", "First date of service.").required().partition(1),
                    field("received_at", "timestamp", "timestamp", "When the claim arrived.").required(),
                    field("adjudicated_at", "timestamp", "timestamp", "When it was decided.").required().term("adjudication"),
                    field("status", "string", "varchar(10)", "Adjudication result.").required().one_of(&["paid", "denied", "adjusted"]),
                    field("allowed_amount", "number", "decimal(12,2)", "Contracted value.").required().term("allowed-amount"),
                    field("paid_amount", "number", "decimal(12,2)", "Paid to the provider.").required().term("paid-amount").critical(),
                ])
                .business("Claims", "claim")
                .rule(no_duplicates("One row per claim.")),
            )
            .object(
                object("claim_lines", "table", "One row per service line.", vec![
                    field("claim_id", "string", "varchar(20)", "The claim.").key(1).references("claims.claim_id"),
                    field("line_number", "integer", "smallint", "Line number, from 1.").key(2),
                    field("procedure_code", "string", "varchar(5)", "CPT or HCPCS code.").required().term("cpt").example("99213"),
                    field("diagnosis_code", "string", "varchar(8)", "Primary ICD-10-CM diagnosis of the line.").required().term("icd-10").pii("restricted"),
                    field("service_category", "string", "varchar(20)", "Grouping for cost reporting.").required().one_of(&["inpatient", "outpatient", "professional", "pharmacy", "lab", "other"]),
                    field("units", "integer", "smallint", "Units of service.").required(),
                    field("allowed_amount", "number", "decimal(12,2)", "Contracted value of the line.").required(),
                    field("paid_amount", "number", "decimal(12,2)", "Paid for the line.").required(),
                ])
                .business("Claim lines", "service line")
                .rule(no_nulls("Every line has a procedure, diagnosis and amounts.")),
            )
            .rule(sql("paid within allowed", "SELECT COUNT(*) FROM claims WHERE paid_amount > allowed_amount", 0, "accuracy", "We never pay more than the contracted value."))
            .rule(sql("lines add up", "SELECT COUNT(*) FROM claims c JOIN (SELECT claim_id, SUM(paid_amount) p FROM claim_lines GROUP BY claim_id) l USING (claim_id) WHERE ABS(c.paid_amount - l.p) > 0.01", 0, "consistency", "A claim's paid amount is the sum of its lines."))
            .sla("latency", 4.0, "h", "claims.adjudicated_at", "operational")
            .sla("availability", 99.5, "%", "", "operational")
            .sla("retention", 10.0, "y", "", "regulatory")
            .server("production", "snowflake", "prod", &[("account", "payer"), ("database", "CLAIMS"), ("schema", "PHI")])
            .role("phi_reader", "read", "Claim-level data for approved treatment, payment and operations purposes.", "claims-data")
            .terms("HIPAA protected health information: minimum necessary access; diagnosis codes must not leave the secure enclave."),
        contract("medical-cost", "Medical cost", "Allowed and paid cost per service month, plan and service category, with member months.", "PMPM trend, pricing, reserving, budget comparison.", "The last three months are incomplete because of claims lag; completion factors are applied in reporting, not here.")
            .object(
                object("monthly_medical_cost", "table", "One row per service month, plan and service category.", vec![
                    field("service_month", "date", "date", "First day of the month of service.").key(1).from(&["medical-claims/claims.service_from"], "date_trunc('month', service_from)"),
                    field("plan_id", "string", "varchar(10)", "Health plan.").key(2).from(&["member-eligibility/coverage_periods.plan_id"], "plan covering the member on the service date"),
                    field("service_category", "string", "varchar(20)", "Service category.").key(3).one_of(&["inpatient", "outpatient", "professional", "pharmacy", "lab", "other"]).from(&["medical-claims/claim_lines.service_category"], ""),
                    field("member_months", "integer", "integer", "Members covered in the plan that month.").required().term("member-month").metric("member-months").from(&["member-eligibility/coverage_periods.coverage_start", "member-eligibility/coverage_periods.coverage_end"], "members whose coverage spans the month"),
                    field("allowed_amount", "number", "decimal(16,2)", "Contracted value of services.").required().term("allowed-amount").metric("allowed").from(&["medical-claims/claim_lines.allowed_amount"], "sum"),
                    field("paid_amount", "number", "decimal(16,2)", "Paid to providers.").required().term("paid-amount").metric("paid").from(&["medical-claims/claim_lines.paid_amount"], "sum"),
                    field("paid_pmpm", "number", "decimal(10,2)", "paid_amount / member_months.").required().term("pmpm").metric("paid-pmpm"),
                ])
                .business("Medical cost", "month × plan × service category")
                .rule(no_nulls("No gaps in keys or figures.")),
            )
            .rule(sql("no cost without members", "SELECT COUNT(*) FROM monthly_medical_cost WHERE member_months = 0 AND paid_amount > 0", 0, "consistency", "Cost is always carried by covered members."))
            .sla("latency", 1.0, "d", "monthly_medical_cost.service_month", "analytics")
            .server("production", "snowflake", "prod", &[("account", "payer"), ("database", "ACTUARIAL"), ("schema", "REPORTING")]),
        contract("provider-performance", "Provider performance", "Claims, allowed cost and denials per provider and quarter, with specialty peers.", "Network contracting, directory clean-up, outlier review.", "Providers with fewer than 30 claims in a quarter are kept but flagged; do not rank them.")
            .object(
                object("provider_performance", "table", "One row per provider and quarter.", vec![
                    field("npi", "string", "char(10)", "Provider.").key(1).term("npi").from(&["providers/providers.npi"], ""),
                    field("quarter", "string", "char(7)", "Calendar quarter of service.").key(2).example("2024-Q2").from(&["medical-claims/claims.service_from"], "year || '-Q' || quarter"),
                    field("specialty", "string", "varchar(80)", "Primary specialty.").required().from(&["providers/providers.specialty"], ""),
                    field("claims", "integer", "integer", "Claims billed.").required().metric("claim-count").from(&["medical-claims/claims.claim_id"], "count"),
                    field("denied_claims", "integer", "integer", "Claims denied in full.").required().metric("denied-claims").from(&["medical-claims/claims.status"], "count where status = 'denied'"),
                    field("allowed_per_claim", "number", "decimal(12,2)", "Average allowed amount per claim.").required().term("allowed-amount").from(&["medical-claims/claims.allowed_amount"], "avg"),
                    field("peer_allowed_per_claim", "number", "decimal(12,2)", "The same average for all providers of the specialty.").required(),
                    field("low_volume", "boolean", "boolean", "Fewer than 30 claims in the quarter.").required(),
                ])
                .business("Provider performance", "provider × quarter")
                .rule(no_nulls("Every provider quarter has its figures.")),
            )
            .rule(sql("denials within claims", "SELECT COUNT(*) FROM provider_performance WHERE denied_claims > claims", 0, "consistency", "Denied claims are a subset of claims."))
            .sla("latency", 1.0, "d", "provider_performance.quarter", "analytics")
            .server("production", "snowflake", "prod", &[("account", "payer"), ("database", "NETWORK"), ("schema", "REPORTING")]),
        contract("care-gaps", "Care gaps", "Members' status on each HEDIS measure they are eligible for, with outreach priority.", "Care manager outreach, quality programme reporting.", "Status reflects claims received so far; a service done but not yet billed still shows as open.")
            .object(
                object("care_gaps", "table", "One row per member and measure in the measurement year.", vec![
                    field("member_id", "string", "varchar(12)", "The member.").key(1).term("member").pii("restricted").from(&["member-eligibility/members.member_id"], ""),
                    field("measure", "string", "varchar(10)", "HEDIS measure code.").key(2).term("hedis").one_of(&["BCS-E", "COL-E", "HBD", "EED", "CBP"]),
                    field("measurement_year", "integer", "smallint", "Year measured.").key(3).example(2024),
                    field("status", "string", "varchar(10)", "Whether the recommended service was received.").required().term("care-gap").one_of(&["open", "closed", "excluded"]).from(&["medical-claims/claim_lines.procedure_code", "medical-claims/claim_lines.diagnosis_code"], "measure numerator and exclusion value sets").pii("restricted"),
                    field("last_service_date", "date", "date", "Date of the qualifying service, if any.").pii("restricted").from(&["medical-claims/claims.service_from"], "latest qualifying service"),
                    field("priority", "integer", "smallint", "Outreach priority, 1 is highest.").required(),
                ])
                .business("Care gaps", "member × measure × year")
                .rule(no_duplicates("One row per member, measure and year.")),
            )
            .rule(sql("closed gaps have a service", "SELECT COUNT(*) FROM care_gaps WHERE status = 'closed' AND last_service_date IS NULL", 0, "consistency", "A gap closes only with a qualifying service."))
            .sla("latency", 1.0, "d", "care_gaps.member_id", "operational")
            .sla("retention", 10.0, "y", "", "regulatory")
            .server("production", "snowflake", "prod", &[("account", "payer"), ("database", "CARE"), ("schema", "PHI")])
            .role("care_manager", "read", "Members with open gaps, for outreach.", "care-programs")
            .terms("HIPAA protected health information, for treatment and care coordination only."),
    ]
}
