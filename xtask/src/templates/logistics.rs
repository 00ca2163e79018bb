//! Template: a refrigerated road carrier's telematics, trips, cold chain and maintenance.

use dpstudio_model::{DataContract, DataProduct, PortKind, ProductKind::*, Status, Workspace};

use super::kit::*;

pub fn workspace() -> Workspace {
    let mut ws = new_workspace(
        "logistics-telemetry",
        "Logistics — fleet telemetry & cold chain",
        "A refrigerated road carrier's mesh: truck telematics, trailer temperature sensors, the transport management system and the maintenance system publish source-aligned products; trips are measured, cold-chain compliance is proven to pharma customers and vehicle health drives maintenance planning.",
    );
    let c = &mut ws.context;
    c.domains = vec![
        domain("fleet", "Fleet & telematics", "The trucks and trailers, their sensors and what they report from the road."),
        domain("transport", "Transport operations", "Planning and running trips: orders, routes, stops and the promises made to customers."),
        domain("maintenance", "Maintenance", "Keeping vehicles roadworthy: inspections, repairs and their planning."),
    ];
    c.teams = vec![
        team("telematics-team", "Telematics", "fleet", &[("Henrik Dahl", "product owner"), ("Ana Ferreira", "IoT engineer")]),
        team("transport-planning", "Transport Planning", "transport", &[("Giulia Conti", "product owner"), ("Mehmet Yilmaz", "data engineer")]),
        team("quality-assurance", "Quality Assurance (GDP)", "transport", &[("Dr. Eva Lindqvist", "responsible person GDP"), ("Paul Brennan", "data steward")]),
        team("fleet-maintenance", "Fleet Maintenance", "maintenance", &[("Stefan Novak", "product owner"), ("Lina Haddad", "reliability engineer")]),
    ];
    c.glossary = vec![
        term("vehicle", "Vehicle", "A tractor unit or rigid truck in our fleet, identified by its fleet number.", "telematics-team", "fleet"),
        term_aka("reefer", "Reefer", "A refrigerated trailer with its own cooling unit and temperature loggers.", "telematics-team", "fleet", &["refrigerated trailer"]),
        term("telemetry-ping", "Telemetry ping", "One message from a vehicle's telematics unit: position, speed and engine data at a moment.", "telematics-team", "fleet"),
        term("setpoint", "Setpoint", "The temperature the cooling unit is set to hold for the load, in °C.", "telematics-team", "fleet"),
        term("trip", "Trip", "One run of one vehicle from departure at a depot through its planned stops and back.", "transport-planning", "transport"),
        term("stop", "Stop", "A planned pickup or delivery at a customer site, with a time slot agreed with the customer.", "transport-planning", "transport"),
        term("on-time-arrival", "On-time arrival", "Arrival at a stop no later than the end of its agreed time slot.", "transport-planning", "transport"),
        term("idle-time", "Idle time", "Minutes with the engine running and the vehicle not moving, outside loading.", "transport-planning", "transport"),
        term_aka("temperature-excursion", "Temperature excursion", "Any period in which the load temperature leaves the range the shipper specified, for longer than 15 minutes.", "quality-assurance", "transport", &["excursion"]),
        term_aka("gdp", "Good distribution practice", "EU guidelines for distributing medicinal products, including proof that the temperature range was kept.", "quality-assurance", "transport", &["GDP"]),
        term("work-order", "Work order", "A planned or corrective maintenance job on one vehicle, from opening to release back to service.", "fleet-maintenance", "maintenance"),
    ];
    c.source_systems = vec![
        system("telematics-gateway", "Telematics gateway", "mqtt", "fleet", "Receives GPS and CAN-bus messages from the trucks' telematics units every 30 seconds."),
        system("iot-hub", "Trailer sensor hub", "azure-iot-hub", "fleet", "Temperature, door and battery readings from the reefer loggers."),
        system("tms", "Transport management system", "oracle-otm", "transport", "Transport orders, trip plans, stops and proof of delivery."),
        system("maintenance-system", "Maintenance system", "sap-pm", "maintenance", "Work orders, inspections and parts for every vehicle."),
    ];
    c.semantic.entities = vec![
        entity(
            "trip-entity",
            "Trip",
            "A completed trip and how it went.",
            "trip-performance/trip_performance",
            &[("trip-date", "Trip date", "trip_date", "time"), ("depot", "Depot", "depot", "categorical")],
            &[
                ("trip-count", "Trips", "count", "trip_id", "Completed trips."),
                ("distance", "Distance driven", "sum", "distance_km", "Kilometres driven."),
                ("fuel-used", "Fuel used", "sum", "fuel_used_l", "Litres of diesel."),
                ("idle-minutes", "Idle minutes", "sum", "idle_minutes", "Minutes idling."),
                ("stops-served", "Stops served", "sum", "stops", "Stops on the trips."),
                ("stops-on-time", "Stops on time", "sum", "stops_on_time", "Stops reached within their slot."),
            ],
        ),
        entity(
            "monitored-stop-entity",
            "Monitored delivery",
            "A temperature-controlled delivery and whether its range was kept.",
            "cold-chain-compliance/stop_temperature_compliance",
            &[("customer", "Customer", "customer_id", "categorical"), ("delivery-date", "Delivery date", "delivered_on", "time")],
            &[
                ("monitored-deliveries", "Monitored deliveries", "count", "stop_id", "Deliveries with temperature requirements."),
                ("excursion-deliveries", "Deliveries with an excursion", "sum", "case when excursion_minutes > 0 then 1 else 0 end", "Deliveries where the range was left."),
            ],
        ),
    ];
    c.semantic.metrics = vec![
        metric("on-time-arrival-rate", "On-time arrival rate", "ratio", &["stops-on-time", "stops-served"], "stops-on-time / stops-served", "transport-planning", "Share of stops reached within their agreed slot."),
        metric("fuel-per-100-km", "Fuel per 100 km", "derived", &["fuel-used", "distance"], "fuel-used / distance * 100", "transport-planning", "Diesel consumption, litres per 100 km."),
        metric("idle-minutes-per-trip", "Idle minutes per trip", "ratio", &["idle-minutes", "trip-count"], "idle-minutes / trip-count", "transport-planning", "Average idling per trip; a driver coaching target."),
        metric("cold-chain-compliance-rate", "Cold-chain compliance rate", "derived", &["excursion-deliveries", "monitored-deliveries"], "1 - excursion-deliveries / monitored-deliveries", "quality-assurance", "Share of temperature-controlled deliveries without an excursion."),
    ];
    c.use_cases = vec![
        use_case("gdp-evidence", "GDP evidence for pharma customers", "quality-assurance", "Monthly temperature evidence per customer and immediate excursion reports, as the quality agreements require.", &[("cold-chain-compliance", "compliance-table")]),
        use_case("fleet-efficiency", "Fleet efficiency dashboard", "transport-planning", "Daily on-time, fuel and idling figures per depot for the planners' morning meeting and driver coaching.", &[("trip-performance", "trip-metrics")]),
        use_case("maintenance-planning", "Predictive maintenance planning", "fleet-maintenance", "Weekly workshop plan that brings vehicles in before their health score predicts a breakdown.", &[("vehicle-health", "health-table")]),
    ];
    ws.products = products();
    ws.contracts = contracts();
    ws
}

fn products() -> Vec<DataProduct> {
    vec![
        product("vehicle-telemetry", "Vehicle Telemetry", SourceAligned, "fleet", "telematics-team", "Every truck's position, speed and engine data as clean, deduplicated events, so nobody parses the gateway's raw messages again.")
            .version("3.0.0", Status::Active)
            .tags(&["iot", "streaming"])
            .reads_system("gateway-messages", "Gateway messages", "telematics-gateway", "GPS and CAN-bus messages, decoded and deduplicated.")
            .serves("positions-stream", "vehicle_positions", PortKind::Stream, "vehicle-positions", "One event per ping, every 30 seconds while the ignition is on.")
            .slo("freshness", 1.0, "m")
            .slo("availability", 99.9, "%")
            .support("#telematics-data", "slack", "https://example.slack.com/archives/telematics-data"),
        product("reefer-temperatures", "Reefer Temperatures", SourceAligned, "fleet", "telematics-team", "Temperature, setpoint and door readings from every refrigerated trailer, the raw evidence behind cold-chain claims.")
            .tags(&["iot", "cold-chain"])
            .reads_system("sensor-readings", "Sensor readings", "iot-hub", "Logger readings every five minutes, buffered when out of coverage.")
            .serves("readings-stream", "reefer_readings", PortKind::Stream, "reefer-readings", "One event per logger reading.")
            .slo("freshness", 5.0, "m")
            .support("#telematics-data", "slack", "https://example.slack.com/archives/telematics-data"),
        product("trips", "Trips & Stops", SourceAligned, "transport", "transport-planning", "Planned and actual trips with their stops, slots and temperature requirements, straight from the transport management system.")
            .version("1.2.0", Status::Active)
            .reads_system("tms-trips", "Trip plans and proof of delivery", "tms", "Trips, stops and delivery confirmations every 15 minutes.")
            .serves("trips-table", "trips", PortKind::Table, "trips", "Trips and stops, updated as drivers confirm them.")
            .slo("freshness", 15.0, "m")
            .support("#transport-data", "slack", "https://example.slack.com/archives/transport-data"),
        product("work-orders", "Maintenance Work Orders", SourceAligned, "maintenance", "fleet-maintenance", "Every maintenance job per vehicle with its cause, downtime and cost, for reliability analysis.")
            .reads_system("pm-orders", "PM work orders", "maintenance-system", "Nightly extract of work orders and their confirmations.")
            .serves("work-orders-table", "work_orders", PortKind::Table, "work-orders", "One row per work order.")
            .slo("freshness", 1.0, "d")
            .support("#fleet-maintenance", "slack", "https://example.slack.com/archives/fleet-maintenance"),
        product("trip-performance", "Trip Performance", Aggregate, "transport", "transport-planning", "Distance, fuel, idling and punctuality per completed trip, joining what was planned with what the truck reported.")
            .reads("positions-in", "Vehicle positions", "vehicle-telemetry", "positions-stream")
            .reads("trips-in", "Trips", "trips", "trips-table")
            .serves("trip-performance-table", "trip_performance", PortKind::Table, "trip-performance", "One row per completed trip.")
            .serves("trip-metrics", "Trip metrics", PortKind::Metrics, "trip-performance", "On-time, fuel and idling metrics for dashboards.")
            .slo("freshness", 1.0, "h")
            .support("#transport-data", "slack", "https://example.slack.com/archives/transport-data"),
        product("cold-chain-compliance", "Cold-Chain Compliance", ConsumerAligned, "transport", "quality-assurance", "Proof per temperature-controlled delivery that the shipper's range was kept, or the excursion that happened, for GDP evidence.")
            .tags(&["gdp", "regulatory"])
            .reads("readings-in", "Reefer readings", "reefer-temperatures", "readings-stream")
            .reads("trips-in", "Trips", "trips", "trips-table")
            .serves("compliance-table", "stop_temperature_compliance", PortKind::Table, "cold-chain-compliance", "One row per temperature-controlled delivery.")
            .slo("freshness", 1.0, "h")
            .support("gdp-quality@example.com", "email", "mailto:gdp-quality@example.com"),
        product("vehicle-health", "Vehicle Health", ConsumerAligned, "maintenance", "fleet-maintenance", "A daily health score per vehicle from engine data and repair history, so the workshop fixes trucks before they break down on the road.")
            .version("0.3.0", Status::Active)
            .reads("positions-in", "Vehicle telemetry", "vehicle-telemetry", "positions-stream")
            .reads("work-orders-in", "Work orders", "work-orders", "work-orders-table")
            .serves("health-table", "vehicle_health", PortKind::Table, "vehicle-health", "One row per vehicle and day.")
            .slo("freshness", 1.0, "d")
            .support("#fleet-maintenance", "slack", "https://example.slack.com/archives/fleet-maintenance"),
    ]
}

fn contracts() -> Vec<DataContract> {
    vec![
        contract("vehicle-positions", "Vehicle positions", "Decoded, deduplicated telematics pings of every truck.", "Trip analysis, live tracking, engine health.", "No pings while the ignition is off; gaps in tunnels and border areas are normal.")
            .version("3.0.0", Status::Active)
            .object(
                object("vehicle_positions", "topic", "One event per telemetry ping.", vec![
                    field("vehicle_id", "string", "varchar(12)", "Fleet number of the truck.").key(1).term("vehicle").example("TR-4711"),
                    field("recorded_at", "timestamp", "timestamp", "When the unit took the reading (UTC).").key(2).partition(1).term("telemetry-ping"),
                    field("driver_id", "string", "varchar(12)", "Driver card of the driver logged in.").pii("confidential"),
                    field("latitude", "number", "decimal(9,6)", "WGS 84 latitude.").required(),
                    field("longitude", "number", "decimal(9,6)", "WGS 84 longitude.").required(),
                    field("speed_kmh", "number", "decimal(5,1)", "Speed over ground.").required(),
                    field("odometer_km", "number", "decimal(10,1)", "Odometer reading.").required(),
                    field("fuel_level_pct", "number", "decimal(5,2)", "Tank level, 0 to 100.").required(),
                    field("engine_coolant_c", "number", "decimal(5,1)", "Engine coolant temperature."),
                    field("ignition_on", "boolean", "boolean", "Whether the ignition was on.").required(),
                ])
                .business("Vehicle positions", "vehicle × ping")
                .rule(no_duplicates("One event per vehicle and timestamp after deduplication.")),
            )
            .rule(sql("plausible speed", "SELECT COUNT(*) FROM vehicle_positions WHERE speed_kmh < 0 OR speed_kmh > 130", 0, "accuracy", "Trucks are limited to 90 km/h; anything above 130 is a sensor fault."))
            .rule(invalid_below(0.5, "Fewer than 0.5 % of pings without a GPS fix."))
            .sla("latency", 1.0, "m", "vehicle_positions.recorded_at", "operational")
            .sla("availability", 99.9, "%", "", "operational")
            .sla("retention", 90.0, "d", "", "regulatory")
            .server("production", "kafka", "prod", &[("host", "fleet-kafka.internal:9093"), ("topic", "telematics.positions.v3")])
            .terms("Driver ids identify employees: use only for trip analysis agreed with the works council, never for individual performance ranking."),
        contract("reefer-readings", "Reefer readings", "Temperature, setpoint, door and battery readings from every refrigerated trailer.", "Cold-chain evidence, live temperature alerts, cooling unit diagnostics.", "Readings buffered out of coverage arrive late but keep their recorded time.")
            .object(
                object("reefer_readings", "topic", "One event per logger reading.", vec![
                    field("trailer_id", "string", "varchar(12)", "Fleet number of the trailer.").key(1).term("reefer"),
                    field("recorded_at", "timestamp", "timestamp", "When the logger took the reading (UTC).").key(2).partition(1),
                    field("temperature_c", "number", "decimal(5,2)", "Load compartment temperature.").required(),
                    field("setpoint_c", "number", "decimal(5,2)", "Temperature the unit was set to.").required().term("setpoint"),
                    field("door_open", "boolean", "boolean", "Whether a door was open.").required(),
                    field("battery_pct", "number", "decimal(5,2)", "Logger battery, 0 to 100."),
                ])
                .business("Reefer readings", "trailer × reading")
                .rule(no_nulls("Every reading has a temperature and setpoint.")),
            )
            .rule(sql("sensor range", "SELECT COUNT(*) FROM reefer_readings WHERE temperature_c NOT BETWEEN -40 AND 40", 0, "accuracy", "Loggers measure -40 to 40 °C; values outside are faults."))
            .sla("latency", 5.0, "m", "reefer_readings.recorded_at", "operational")
            .sla("retention", 5.0, "y", "", "regulatory")
            .server("production", "kafka", "prod", &[("host", "fleet-kafka.internal:9093"), ("topic", "reefer.readings.v1")]),
        contract("trips", "Trips", "Planned and actual trips with their stops and slots.", "Punctuality, cold-chain evidence, customer reporting.", "A trip is final once its last stop is confirmed; before that, actual times may still change.")
            .version("1.2.0", Status::Active)
            .object(
                object("trips", "table", "One row per trip.", vec![
                    field("trip_id", "string", "varchar(16)", "Trip number.").key(1).unique().term("trip"),
                    field("vehicle_id", "string", "varchar(12)", "Truck assigned.").required().term("vehicle"),
                    field("trailer_id", "string", "varchar(12)", "Trailer assigned; empty for rigid trucks."),
                    field("driver_id", "string", "varchar(12)", "Driver assigned.").pii("confidential"),
                    field("depot", "string", "varchar(8)", "Depot the trip starts and ends at.").required().one_of(&["HAM", "DUS", "MUC", "LEJ"]),
                    field("planned_departure", "timestamp", "timestamp", "Planned departure from the depot.").required(),
                    field("actual_departure", "timestamp", "timestamp", "Departure confirmed by the driver."),
                    field("status", "string", "varchar(12)", "Where the trip is.").required().one_of(&["planned", "underway", "completed", "cancelled"]),
                ])
                .business("Trips", "trip")
                .rule(no_duplicates("One row per trip.")),
            )
            .object(
                object("stops", "table", "One row per stop of a trip.", vec![
                    field("stop_id", "string", "varchar(20)", "Stop number.").key(1).unique().term("stop"),
                    field("trip_id", "string", "varchar(16)", "The trip.").required().references("trips.trip_id"),
                    field("sequence", "integer", "smallint", "Order of the stop in the trip, from 1.").required(),
                    field("customer_id", "string", "varchar(12)", "Customer whose site it is.").required(),
                    field("slot_end", "timestamp", "timestamp", "End of the agreed time slot.").required().term("on-time-arrival"),
                    field("arrived_at", "timestamp", "timestamp", "Arrival confirmed by the driver."),
                    field("min_temperature_c", "number", "decimal(5,2)", "Lowest temperature the shipper allows; empty when not temperature-controlled."),
                    field("max_temperature_c", "number", "decimal(5,2)", "Highest temperature the shipper allows."),
                ])
                .business("Stops", "stop")
                .rule(no_nulls("Every stop has a trip, customer and slot.")),
            )
            .rule(sql("temperature range ordered", "SELECT COUNT(*) FROM stops WHERE min_temperature_c > max_temperature_c", 0, "consistency", "The allowed range is not inverted."))
            .sla("latency", 15.0, "m", "stops.arrived_at", "operational")
            .sla("availability", 99.5, "%", "", "operational")
            .server("production", "postgres", "prod", &[("host", "transport-db.internal"), ("database", "transport"), ("schema", "public")]),
        contract("work-orders", "Work orders", "Maintenance jobs per vehicle with cause, downtime and cost.", "Reliability analysis, maintenance planning, cost control.", "Costs are booked when the work order is technically completed.")
            .object(
                object("work_orders", "table", "One row per work order.", vec![
                    field("work_order_id", "string", "varchar(12)", "Work order number.").key(1).unique().term("work-order"),
                    field("vehicle_id", "string", "varchar(12)", "The vehicle worked on.").required().term("vehicle"),
                    field("order_type", "string", "varchar(12)", "Planned or corrective.").required().one_of(&["inspection", "preventive", "corrective", "breakdown"]),
                    field("component", "string", "varchar(30)", "Component group repaired.").example("cooling system"),
                    field("opened_at", "timestamp", "timestamp", "When the job was opened.").required(),
                    field("released_at", "timestamp", "timestamp", "When the vehicle went back into service."),
                    field("cost_eur", "number", "decimal(10,2)", "Parts and labour.").required(),
                ])
                .business("Work orders", "work order")
                .rule(no_duplicates("One row per work order.")),
            )
            .rule(sql("release after opening", "SELECT COUNT(*) FROM work_orders WHERE released_at < opened_at", 0, "accuracy", "A vehicle cannot be released before its job was opened."))
            .sla("latency", 1.0, "d", "work_orders.opened_at", "analytics")
            .server("production", "postgres", "prod", &[("host", "fleet-db.internal"), ("database", "maintenance"), ("schema", "public")]),
        contract("trip-performance", "Trip performance", "Distance, fuel, idling and punctuality per completed trip.", "Planners' morning meeting, driver coaching, fuel budgeting.", "Only completed trips; figures are final one hour after the last stop is confirmed.")
            .object(
                object("trip_performance", "table", "One row per completed trip.", vec![
                    field("trip_id", "string", "varchar(16)", "Trip number.").key(1).unique().term("trip").from(&["trips/trips.trip_id"], ""),
                    field("trip_date", "date", "date", "Day of departure.").required().from(&["trips/trips.actual_departure"], "cast(actual_departure as date)"),
                    field("depot", "string", "varchar(8)", "Depot.").required().one_of(&["HAM", "DUS", "MUC", "LEJ"]).from(&["trips/trips.depot"], ""),
                    field("driver_id", "string", "varchar(12)", "Driver, for coaching.").pii("confidential").from(&["trips/trips.driver_id"], ""),
                    field("distance_km", "number", "decimal(8,1)", "Kilometres driven.").required().metric("distance").from(&["vehicle-positions/vehicle_positions.odometer_km"], "max - min over the trip"),
                    field("fuel_used_l", "number", "decimal(8,1)", "Diesel used.").required().metric("fuel-used").from(&["vehicle-positions/vehicle_positions.fuel_level_pct"], "sum of level drops × tank size, refuels excluded"),
                    field("idle_minutes", "integer", "integer", "Minutes idling.").required().term("idle-time").metric("idle-minutes").from(&["vehicle-positions/vehicle_positions.speed_kmh", "vehicle-positions/vehicle_positions.ignition_on"], "ignition on and speed 0, outside stop geofences"),
                    field("stops", "integer", "smallint", "Stops served.").required().metric("stops-served").from(&["trips/stops.stop_id"], "count"),
                    field("stops_on_time", "integer", "smallint", "Stops reached within their slot.").required().term("on-time-arrival").metric("stops-on-time").from(&["trips/stops.arrived_at", "trips/stops.slot_end"], "count where arrived_at <= slot_end"),
                ])
                .business("Trip performance", "trip")
                .rule(no_nulls("Every completed trip has its figures.")),
            )
            .rule(sql("on-time stops within stops", "SELECT COUNT(*) FROM trip_performance WHERE stops_on_time > stops", 0, "consistency", "A trip cannot have more on-time stops than stops."))
            .sla("latency", 1.0, "h", "trip_performance.trip_date", "analytics")
            .server("production", "snowflake", "prod", &[("account", "carrier"), ("database", "TRANSPORT"), ("schema", "REPORTING")]),
        contract("cold-chain-compliance", "Cold-chain compliance", "Per temperature-controlled delivery: whether the shipper's range was kept, and any excursion.", "GDP evidence for customers and auditors, excursion investigations.", "Readings are matched to a stop from the trip's departure to the stop's arrival; trailer changes mid-trip are not supported.")
            .object(
                object("stop_temperature_compliance", "table", "One row per temperature-controlled delivery.", vec![
                    field("stop_id", "string", "varchar(20)", "Stop number.").key(1).unique().term("stop").from(&["trips/stops.stop_id"], ""),
                    field("customer_id", "string", "varchar(12)", "Customer.").required().from(&["trips/stops.customer_id"], ""),
                    field("delivered_on", "date", "date", "Day of delivery.").required().from(&["trips/stops.arrived_at"], "cast(arrived_at as date)"),
                    field("min_recorded_c", "number", "decimal(5,2)", "Lowest temperature recorded in transit.").required().from(&["reefer-readings/reefer_readings.temperature_c"], "min over the stop's transit window"),
                    field("max_recorded_c", "number", "decimal(5,2)", "Highest temperature recorded in transit.").required().from(&["reefer-readings/reefer_readings.temperature_c"], "max over the stop's transit window"),
                    field("excursion_minutes", "integer", "integer", "Minutes outside the allowed range, counting periods over 15 minutes.").required().term("temperature-excursion").from(&["reefer-readings/reefer_readings.temperature_c", "trips/stops.min_temperature_c", "trips/stops.max_temperature_c"], "sum of periods outside [min, max] longer than 15 minutes"),
                    field("compliant", "boolean", "boolean", "No excursion: the delivery meets GDP.").required().term("gdp"),
                ])
                .business("Cold-chain compliance", "delivery")
                .rule(no_nulls("Every monitored delivery has a verdict.")),
            )
            .rule(sql("verdict matches excursions", "SELECT COUNT(*) FROM stop_temperature_compliance WHERE compliant = (excursion_minutes > 0)", 0, "consistency", "Compliant exactly when there was no excursion."))
            .sla("latency", 1.0, "h", "stop_temperature_compliance.delivered_on", "regulatory")
            .sla("retention", 5.0, "y", "", "regulatory")
            .server("production", "snowflake", "prod", &[("account", "carrier"), ("database", "QUALITY"), ("schema", "GDP")])
            .terms("Evidence under the EU GDP guidelines: rows are never changed after release, only superseded."),
        contract("vehicle-health", "Vehicle health", "A daily health score per vehicle from engine data and repair history.", "Workshop planning, spare parts stocking.", "The score is a model output, retrained quarterly; it ranks vehicles, it does not replace inspections.")
            .version("0.3.0", Status::Active)
            .object(
                object("vehicle_health", "table", "One row per vehicle and day.", vec![
                    field("vehicle_id", "string", "varchar(12)", "Fleet number.").key(1).term("vehicle").from(&["vehicle-positions/vehicle_positions.vehicle_id"], ""),
                    field("score_date", "date", "date", "Day scored.").key(2),
                    field("km_since_service", "number", "decimal(9,1)", "Kilometres since the last preventive service.").required().from(&["vehicle-positions/vehicle_positions.odometer_km", "work-orders/work_orders.released_at"], "odometer now - odometer at last preventive release"),
                    field("coolant_overheat_events_30d", "integer", "integer", "Pings with coolant above 105 °C in 30 days.").required().from(&["vehicle-positions/vehicle_positions.engine_coolant_c"], "count where > 105"),
                    field("breakdowns_12m", "integer", "integer", "Breakdown work orders in 12 months.").required().term("work-order").from(&["work-orders/work_orders.order_type"], "count where order_type = 'breakdown'"),
                    field("health_score", "number", "decimal(5,2)", "0 (likely to fail soon) to 100 (healthy).").required(),
                ])
                .business("Vehicle health", "vehicle × day")
                .rule(no_nulls("Every active vehicle is scored daily.")),
            )
            .rule(sql("score range", "SELECT COUNT(*) FROM vehicle_health WHERE health_score NOT BETWEEN 0 AND 100", 0, "conformity", "Scores lie between 0 and 100."))
            .sla("latency", 1.0, "d", "vehicle_health.score_date", "operational")
            .server("production", "snowflake", "prod", &[("account", "carrier"), ("database", "FLEET"), ("schema", "MAINTENANCE")]),
    ]
}
