//! Template: a subscription software company's paid media, web touchpoints, conversions and
//! multi-touch attribution.

use dpstudio_model::{DataContract, DataProduct, PortKind, ProductKind::*, Status, Workspace};

use super::kit::*;

pub fn workspace() -> Workspace {
    let mut ws = new_workspace(
        "marketing-attribution",
        "Marketing — touchpoints & attribution",
        "A subscription software company's mesh: ad platforms, the web tracker and the CRM publish source-aligned products; touchpoints are stitched into journeys, conversions are attributed to channels under several models, and channel ROI steers the media budget.",
    );
    let c = &mut ws.context;
    c.domains = vec![
        domain("marketing", "Marketing", "Campaigns, paid media and the budget decisions behind them."),
        domain("digital", "Digital experience", "The website and product sign-up flow, and how visitors move through them."),
        domain("sales", "Sales", "Trials, deals and subscriptions won, as recorded in the CRM."),
    ];
    c.teams = vec![
        team("performance-marketing", "Performance Marketing", "marketing", &[("Julia Romero", "product owner"), ("Arjun Patel", "marketing analyst")]),
        team("marketing-science", "Marketing Science", "marketing", &[("Dr. Noah Fischer", "product owner"), ("Mei Lin", "data scientist")]),
        team("web-analytics", "Web Analytics", "digital", &[("Olivia Brown", "product owner"), ("Tariq Aziz", "analytics engineer")]),
        team("revenue-operations", "Revenue Operations", "sales", &[("Daniel Kim", "product owner"), ("Sara Lindholm", "data steward")]),
    ];
    c.glossary = vec![
        term("impression", "Impression", "One showing of an ad to a person, as counted by the ad platform.", "performance-marketing", "marketing"),
        term("ad-spend", "Ad spend", "What an ad platform charged for a campaign, in euro, after platform credits.", "performance-marketing", "marketing"),
        term_aka("utm-parameters", "UTM parameters", "The utm_source, utm_medium and utm_campaign tags on a landing URL that name where a visit came from.", "web-analytics", "digital", &["UTM tags"]),
        term("touchpoint", "Touchpoint", "One visit that began from an identifiable channel (an ad click, an e-mail, a search result, a referral).", "web-analytics", "digital"),
        term("visitor", "Visitor", "A browser identified by our first-party cookie, after analytics consent.", "web-analytics", "digital"),
        term("conversion", "Conversion", "A visitor reaching a goal we pay to acquire: a trial sign-up, a demo request or a paid subscription.", "revenue-operations", "sales"),
        term_aka("annual-contract-value", "Annual contract value", "First-year subscription revenue of a won deal, without one-off fees.", "revenue-operations", "sales", &["ACV"]),
        term("attribution-model", "Attribution model", "The rule that shares a conversion's credit among the touchpoints before it: first touch, last touch, linear, time decay or data-driven.", "marketing-science", "marketing"),
        term("attribution-window", "Attribution window", "How far back before a conversion touchpoints can earn credit; 90 days here.", "marketing-science", "marketing"),
        term_aka("roas", "Return on ad spend", "Attributed revenue divided by ad spend for the same channel and period.", "marketing-science", "marketing", &["ROAS"]),
        term_aka("cac", "Customer acquisition cost", "Ad spend divided by the attributed paid conversions it bought.", "marketing-science", "marketing", &["CAC"]),
    ];
    c.source_systems = vec![
        system("ad-platforms", "Ad platforms", "rest-api", "marketing", "Search, social and display ad platforms' reporting APIs, pulled daily with restatements for seven days."),
        system("web-tracker", "Web event tracker", "snowplow", "digital", "First-party page view and sign-up events from the website and app."),
        system("crm", "CRM", "hubspot", "sales", "Contacts, trials, deals and subscriptions."),
    ];
    c.semantic.entities = vec![
        entity(
            "ad-spend-entity",
            "Ad spend",
            "Daily spend and delivery of paid campaigns.",
            "ad-spend/ad_spend_daily",
            &[("spend-date", "Date", "spend_date", "time"), ("spend-channel", "Channel", "channel", "categorical"), ("spend-campaign", "Campaign", "campaign_name", "categorical")],
            &[
                ("spend", "Spend", "sum", "spend_eur", "Euro spent."),
                ("impressions", "Impressions", "sum", "impressions", "Ads shown."),
                ("clicks", "Clicks", "sum", "clicks", "Ad clicks."),
            ],
        ),
        entity(
            "attributed-conversion-entity",
            "Attributed conversion",
            "A share of a conversion credited to one channel under one model.",
            "attributed-conversions/attributed_conversions",
            &[("model", "Attribution model", "attribution_model", "categorical"), ("credited-channel", "Channel", "channel", "categorical"), ("conversion-date", "Conversion date", "converted_on", "time")],
            &[
                ("attributed-conversions", "Attributed conversions", "sum", "credit", "Conversions, fractionally credited."),
                ("attributed-paid-conversions", "Attributed paid conversions", "sum", "case when conversion_type = 'paid_subscription' then credit else 0 end", "Paid subscriptions, fractionally credited."),
                ("attributed-revenue", "Attributed revenue", "sum", "attributed_acv_eur", "Annual contract value, fractionally credited."),
            ],
        ),
    ];
    c.semantic.metrics = vec![
        metric("roas-metric", "Return on ad spend", "ratio", &["attributed-revenue", "spend"], "attributed-revenue / spend", "marketing-science", "Attributed annual contract value per euro of ad spend."),
        metric("cac-metric", "Customer acquisition cost", "ratio", &["spend", "attributed-paid-conversions"], "spend / attributed-paid-conversions", "marketing-science", "Ad spend per attributed paid subscription."),
        metric("click-through-rate", "Click-through rate", "ratio", &["clicks", "impressions"], "clicks / impressions", "performance-marketing", "Share of impressions that led to a click."),
        metric("cost-per-click", "Cost per click", "ratio", &["spend", "clicks"], "spend / clicks", "performance-marketing", "Euro per ad click."),
    ];
    c.use_cases = vec![
        use_case("budget-allocation", "Monthly media budget allocation", "performance-marketing", "The media plan moves budget between channels by ROAS and CAC under the data-driven model, checked against last touch.", &[("channel-roi", "roi-metrics")]),
        use_case("model-comparison", "Attribution model comparison", "marketing-science", "Quarterly review of how much credit each channel gets under each model, and whether the data-driven model stays stable.", &[("attribution", "attributed-table")]),
        use_case("campaign-review", "Weekly campaign review", "performance-marketing", "Campaign managers pause or scale campaigns on spend, click-through and attributed conversions.", &[("channel-roi", "roi-table")]),
    ];
    ws.products = products();
    ws.contracts = contracts();
    ws
}

fn products() -> Vec<DataProduct> {
    vec![
        product("ad-spend", "Ad Spend", SourceAligned, "marketing", "performance-marketing", "Daily spend, impressions and clicks of every paid campaign across ad platforms, in one currency and one campaign naming scheme.")
            .reads_system("platform-reports", "Platform reporting APIs", "ad-platforms", "Daily pulls with seven days of restatement.")
            .serves("spend-table", "ad_spend_daily", PortKind::Table, "ad-spend", "One row per day and campaign.")
            .slo("freshness", 1.0, "d")
            .support("#performance-marketing", "slack", "https://example.slack.com/archives/performance-marketing"),
        product("web-touchpoints", "Web Touchpoints", SourceAligned, "digital", "web-analytics", "Every consented website visit with the channel and campaign it came from, so attribution starts from one clean list of touchpoints.")
            .version("2.0.0", Status::Active)
            .tags(&["web", "consent"])
            .reads_system("tracker-events", "Tracker events", "web-tracker", "Enriched page view events; sessions start at a landing page.")
            .serves("touchpoints-table", "web_touchpoints", PortKind::Table, "web-touchpoints", "One row per visit with its channel.")
            .slo("freshness", 1.0, "h")
            .support("#web-analytics", "slack", "https://example.slack.com/archives/web-analytics"),
        product("conversions", "Conversions", SourceAligned, "sales", "revenue-operations", "Every trial sign-up, demo request and paid subscription with the visitor it came from and its contract value.")
            .reads_system("crm-deals", "CRM contacts and deals", "crm", "Contacts, lifecycle stage changes and won deals every hour.")
            .serves("conversions-table", "conversions", PortKind::Table, "conversions", "One row per conversion.")
            .slo("freshness", 1.0, "h")
            .support("#revops-data", "slack", "https://example.slack.com/archives/revops-data"),
        product("journeys", "Customer Journeys", Aggregate, "digital", "web-analytics", "The touchpoints before each conversion within the 90-day window, in order: the shared input of every attribution model.")
            .reads("touchpoints-in", "Touchpoints", "web-touchpoints", "touchpoints-table")
            .reads("conversions-in", "Conversions", "conversions", "conversions-table")
            .serves("journeys-table", "journey_steps", PortKind::Table, "journeys", "One row per touchpoint of a converting journey.")
            .slo("freshness", 1.0, "d")
            .support("#web-analytics", "slack", "https://example.slack.com/archives/web-analytics"),
        product("attribution", "Marketing Attribution", Aggregate, "marketing", "marketing-science", "Credit for each conversion shared among channels and campaigns under five attribution models, so every team argues from the same numbers.")
            .version("1.1.0", Status::Active)
            .reads("journeys-in", "Journeys", "journeys", "journeys-table")
            .reads("conversions-in", "Conversions", "conversions", "conversions-table")
            .serves("attributed-table", "attributed_conversions", PortKind::Table, "attributed-conversions", "One row per conversion, channel, campaign and model.")
            .slo("freshness", 1.0, "d")
            .support("#marketing-science", "slack", "https://example.slack.com/archives/marketing-science"),
        product("channel-roi", "Channel ROI", ConsumerAligned, "marketing", "performance-marketing", "Spend, attributed conversions, ROAS and CAC per week, channel and campaign: what the media plan is decided on.")
            .reads("attribution-in", "Attributed conversions", "attribution", "attributed-table")
            .reads("spend-in", "Ad spend", "ad-spend", "spend-table")
            .serves("roi-table", "channel_roi_weekly", PortKind::Table, "channel-roi", "One row per week, channel, campaign and model.")
            .serves("roi-metrics", "ROI metrics", PortKind::Metrics, "channel-roi", "ROAS, CAC, CTR and CPC as semantic-layer metrics.")
            .slo("freshness", 1.0, "d")
            .support("#performance-marketing", "slack", "https://example.slack.com/archives/performance-marketing"),
    ]
}

fn contracts() -> Vec<DataContract> {
    vec![
        contract("ad-spend", "Ad spend", "Daily spend, impressions and clicks of every paid campaign.", "Budget pacing, ROAS and CAC, campaign reviews.", "Platforms restate up to seven days back; older days are final.")
            .object(
                object("ad_spend_daily", "table", "One row per day and campaign.", vec![
                    field("spend_date", "date", "date", "Day of delivery, in the account's time zone.").key(1),
                    field("campaign_id", "string", "varchar(40)", "Platform campaign id, prefixed with the platform.").key(2).example("gads:1784455"),
                    field("campaign_name", "string", "varchar(200)", "Campaign name following the naming scheme market_product_objective.").required(),
                    field("channel", "string", "varchar(20)", "Marketing channel.").required().one_of(&["paid_search", "paid_social", "display", "video"]),
                    field("impressions", "integer", "bigint", "Ads shown.").required().term("impression").metric("impressions"),
                    field("clicks", "integer", "bigint", "Ad clicks.").required().metric("clicks"),
                    field("spend_eur", "number", "decimal(12,2)", "Amount charged, converted to euro at the day's rate.").required().term("ad-spend").metric("spend"),
                ])
                .business("Ad spend", "day × campaign")
                .rule(no_nulls("Every campaign day has its delivery figures.")),
            )
            .rule(sql("clicks within impressions", "SELECT COUNT(*) FROM ad_spend_daily WHERE clicks > impressions", 0, "consistency", "No campaign day has more clicks than impressions."))
            .sla("latency", 1.0, "d", "ad_spend_daily.spend_date", "analytics")
            .sla("retention", 3.0, "y", "", "analytics")
            .server("production", "bigquery", "prod", &[("project", "marketing-prod"), ("dataset", "paid_media")]),
        contract("web-touchpoints", "Web touchpoints", "Consented website visits with the channel and campaign they came from.", "Attribution, landing page analysis, channel mix.", "Only visits with analytics consent; visits without it are not tracked at all.")
            .version("2.0.0", Status::Active)
            .object(
                object("web_touchpoints", "table", "One row per visit.", vec![
                    field("touchpoint_id", "string", "varchar(36)", "Session id.").key(1).unique().term("touchpoint"),
                    field("visitor_id", "string", "varchar(36)", "First-party cookie id of the browser.").required().term("visitor").pii("confidential"),
                    field("started_at", "timestamp", "timestamp", "Start of the visit (UTC).").required().partition(1),
                    field("channel", "string", "varchar(20)", "Channel derived from UTM tags and referrer.").required().one_of(&["paid_search", "paid_social", "display", "video", "organic_search", "email", "referral", "direct"]),
                    field("utm_source", "string", "varchar(100)", "utm_source of the landing URL.").term("utm-parameters").example("google"),
                    field("utm_campaign", "string", "varchar(200)", "utm_campaign of the landing URL; matches the ad platform's campaign name."),
                    field("landing_page", "string", "varchar(500)", "Path of the first page, without query string.").required().example("/pricing"),
                    field("device_type", "string", "varchar(10)", "Device class.").required().one_of(&["desktop", "mobile", "tablet"]),
                ])
                .business("Touchpoints", "visit")
                .rule(no_duplicates("One row per session."))
                .rule(invalid_below(2.0, "Fewer than 2 % of paid visits without UTM tags.")),
            )
            .rule(text("conformity", "Bot and internal traffic is filtered by the tracker's IAB list and office IP ranges before publication."))
            .sla("latency", 1.0, "h", "web_touchpoints.started_at", "analytics")
            .sla("retention", 13.0, "w", "", "regulatory")
            .server("production", "bigquery", "prod", &[("project", "web-prod"), ("dataset", "touchpoints")])
            .terms("Cookie ids are personal data under the ePrivacy rules: kept 13 weeks, used only for measurement."),
        contract("conversions", "Conversions", "Trial sign-ups, demo requests and paid subscriptions with their visitor and value.", "Attribution, funnel reporting, sales capacity planning.", "A subscription downgraded in its first 30 days keeps its original value.")
            .object(
                object("conversions", "table", "One row per conversion.", vec![
                    field("conversion_id", "string", "varchar(36)", "Conversion id.").key(1).unique().term("conversion"),
                    field("visitor_id", "string", "varchar(36)", "Cookie id of the converting browser; empty when converted offline.").pii("confidential"),
                    field("conversion_type", "string", "varchar(20)", "Goal reached.").required().one_of(&["trial_signup", "demo_request", "paid_subscription"]),
                    field("converted_at", "timestamp", "timestamp", "When the goal was reached (UTC).").required(),
                    field("plan", "string", "varchar(20)", "Plan chosen, for subscriptions.").one_of(&["starter", "team", "business", "enterprise"]),
                    field("acv_eur", "number", "decimal(12,2)", "Annual contract value; 0 for trials and demos.").required().term("annual-contract-value"),
                ])
                .business("Conversions", "conversion")
                .rule(no_duplicates("One row per conversion.")),
            )
            .rule(sql("only subscriptions carry value", "SELECT COUNT(*) FROM conversions WHERE conversion_type <> 'paid_subscription' AND acv_eur <> 0", 0, "consistency", "Trials and demo requests have no contract value."))
            .sla("latency", 1.0, "h", "conversions.converted_at", "analytics")
            .sla("availability", 99.5, "%", "", "analytics")
            .server("production", "bigquery", "prod", &[("project", "revops-prod"), ("dataset", "crm")]),
        contract("journeys", "Customer journeys", "The ordered touchpoints before each conversion, within the attribution window.", "Every attribution model; journey length and path analysis.", "Journeys are stitched by cookie only; cross-device journeys appear as separate, shorter journeys.")
            .object(
                object("journey_steps", "table", "One row per touchpoint of a converting journey.", vec![
                    field("conversion_id", "string", "varchar(36)", "The conversion the journey led to.").key(1).references("conversions/conversions.conversion_id").term("conversion").from(&["conversions/conversions.conversion_id"], ""),
                    field("step", "integer", "smallint", "Position in the journey, 1 is the first touch.").key(2),
                    field("touchpoint_id", "string", "varchar(36)", "The visit.").required().term("touchpoint").from(&["web-touchpoints/web_touchpoints.touchpoint_id"], "joined on visitor_id within 90 days before the conversion"),
                    field("channel", "string", "varchar(20)", "Channel of the visit.").required().one_of(&["paid_search", "paid_social", "display", "video", "organic_search", "email", "referral", "direct"]).from(&["web-touchpoints/web_touchpoints.channel"], ""),
                    field("utm_campaign", "string", "varchar(200)", "Campaign of the visit.").from(&["web-touchpoints/web_touchpoints.utm_campaign"], ""),
                    field("days_before_conversion", "number", "decimal(6,2)", "Time from the visit to the conversion, in days.").required().term("attribution-window").from(&["web-touchpoints/web_touchpoints.started_at", "conversions/conversions.converted_at"], "(converted_at - started_at) in days"),
                ])
                .business("Journey steps", "conversion × touchpoint")
                .rule(no_nulls("Every step has a touchpoint and channel.")),
            )
            .rule(sql("inside the window", "SELECT COUNT(*) FROM journey_steps WHERE days_before_conversion < 0 OR days_before_conversion > 90", 0, "conformity", "Only touchpoints within 90 days before the conversion."))
            .sla("latency", 1.0, "d", "journey_steps.conversion_id", "analytics")
            .server("production", "bigquery", "prod", &[("project", "web-prod"), ("dataset", "journeys")]),
        contract("attributed-conversions", "Attributed conversions", "Each conversion's credit shared among channels and campaigns under five models.", "ROAS and CAC, model comparison, channel planning.", "The data-driven model is retrained monthly; its history is restated when it is.")
            .version("1.1.0", Status::Active)
            .object(
                object("attributed_conversions", "table", "One row per conversion, channel, campaign and model.", vec![
                    field("conversion_id", "string", "varchar(36)", "The conversion.").key(1).term("conversion").from(&["journeys/journey_steps.conversion_id"], ""),
                    field("attribution_model", "string", "varchar(20)", "Model used.").key(2).term("attribution-model").one_of(&["first_touch", "last_touch", "linear", "time_decay", "data_driven"]),
                    field("channel", "string", "varchar(20)", "Channel credited.").key(3).from(&["journeys/journey_steps.channel"], ""),
                    field("campaign", "string", "varchar(200)", "Campaign credited; 'none' for unpaid channels.").key(4).from(&["journeys/journey_steps.utm_campaign"], "coalesce(utm_campaign, 'none')"),
                    field("conversion_type", "string", "varchar(20)", "Goal reached.").required().one_of(&["trial_signup", "demo_request", "paid_subscription"]).from(&["conversions/conversions.conversion_type"], ""),
                    field("converted_on", "date", "date", "Day of the conversion.").required().from(&["conversions/conversions.converted_at"], "cast(converted_at as date)"),
                    field("credit", "number", "decimal(7,6)", "Share of the conversion credited, 0 to 1.").required().metric("attributed-conversions").from(&["journeys/journey_steps.step", "journeys/journey_steps.days_before_conversion"], "per model"),
                    field("attributed_acv_eur", "number", "decimal(12,2)", "Credit × annual contract value.").required().term("annual-contract-value").metric("attributed-revenue").from(&["conversions/conversions.acv_eur"], "acv_eur * credit"),
                ])
                .business("Attributed conversions", "conversion × channel × campaign × model")
                .rule(no_nulls("Every credited row has a credit and value.")),
            )
            .rule(sql("credits sum to one", "SELECT COUNT(*) FROM (SELECT conversion_id, attribution_model FROM attributed_conversions GROUP BY 1, 2 HAVING ABS(SUM(credit) - 1) > 0.0001) t", 0, "accuracy", "Each model hands out exactly one conversion's worth of credit."))
            .sla("latency", 1.0, "d", "attributed_conversions.converted_on", "analytics")
            .server("production", "bigquery", "prod", &[("project", "marketing-prod"), ("dataset", "attribution")]),
        contract("channel-roi", "Channel ROI", "Weekly spend, attributed conversions, ROAS and CAC per channel, campaign and model.", "The monthly media plan and weekly campaign reviews.", "Unpaid channels have no spend, so no ROAS or CAC.")
            .object(
                object("channel_roi_weekly", "table", "One row per ISO week, channel, campaign and model.", vec![
                    field("iso_week", "string", "char(8)", "ISO week, e.g. 2024-W07.").key(1).example("2024-W07"),
                    field("channel", "string", "varchar(20)", "Channel.").key(2).from(&["attributed-conversions/attributed_conversions.channel"], ""),
                    field("campaign", "string", "varchar(200)", "Campaign.").key(3).from(&["attributed-conversions/attributed_conversions.campaign", "ad-spend/ad_spend_daily.campaign_name"], "matched on campaign name"),
                    field("attribution_model", "string", "varchar(20)", "Model.").key(4).term("attribution-model").from(&["attributed-conversions/attributed_conversions.attribution_model"], ""),
                    field("spend_eur", "number", "decimal(14,2)", "Ad spend in the week.").required().term("ad-spend").from(&["ad-spend/ad_spend_daily.spend_eur"], "sum"),
                    field("attributed_conversions", "number", "decimal(12,4)", "Conversions credited.").required().from(&["attributed-conversions/attributed_conversions.credit"], "sum"),
                    field("attributed_acv_eur", "number", "decimal(14,2)", "Annual contract value credited.").required().from(&["attributed-conversions/attributed_conversions.attributed_acv_eur"], "sum"),
                    field("roas", "number", "decimal(10,4)", "attributed_acv_eur / spend_eur; empty without spend.").term("roas").metric("roas-metric"),
                    field("cac_eur", "number", "decimal(12,2)", "spend_eur per attributed paid subscription; empty without either.").term("cac").metric("cac-metric"),
                ])
                .business("Channel ROI", "week × channel × campaign × model")
                .rule(no_nulls("Keys and sums are always set.")),
            )
            .rule(sql("spend reconciles", "SELECT COUNT(*) FROM (SELECT iso_week, SUM(spend_eur) s FROM channel_roi_weekly WHERE attribution_model = 'last_touch' GROUP BY 1) r JOIN (SELECT TO_CHAR(spend_date, 'IYYY-\"W\"IW') iso_week, SUM(spend_eur) s FROM ad_spend_daily GROUP BY 1) a USING (iso_week) WHERE ABS(r.s - a.s) > 1", 0, "consistency", "Weekly spend matches the ad spend product to the euro."))
            .sla("latency", 1.0, "d", "channel_roi_weekly.iso_week", "analytics")
            .sla("availability", 99.0, "%", "", "analytics")
            .server("production", "bigquery", "prod", &[("project", "marketing-prod"), ("dataset", "reporting")]),
    ]
}
