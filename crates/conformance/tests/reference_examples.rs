//! Every official example in the shared reference folder against its own standard's schema.
//! Examples that are valid must give no finding; the few that upstream ships invalid give
//! exactly the findings listed here, each with the reason.

mod common;

use std::path::Path;

use dpstudio_conformance::{ErrorKind, Standard};

/// `line:column pointer` of each finding of `file`, after detecting its standard.
fn findings(dir: &Path, file: &str, expected: Standard) -> Vec<String> {
    let text = common::read(dir, file);
    let standard = Standard::detect(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(standard, expected, "{file}");
    let found = common::validator(dir, standard).validate(file, &text);
    found.iter().map(|f| format!("{}:{} {}", f.line, f.column, f.pointer)).collect()
}

fn assert_all_valid(dir: &Path, sub: &str, standard_of: impl Fn(&str) -> Standard) -> usize {
    let files = common::files(dir, sub);
    for file in &files {
        assert_eq!(findings(dir, file, standard_of(file)), Vec::<String>::new(), "{file}");
    }
    files.len()
}

/// Fragments of documents are refused by detection, so they are never checked on their own.
fn assert_not_documents(dir: &Path, sub: &str, fragments: &[&str]) {
    for fragment in fragments {
        let err = Standard::detect(&common::read(dir, &format!("{sub}/{fragment}"))).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Unrecognised, "{fragment}");
    }
}

#[test]
fn every_odcs_example_conforms() {
    let Some(dir) = common::reference() else { return };
    let checked = assert_all_valid(&dir, "odcs/examples", |file| {
        let text = common::read(&dir, file);
        if text.contains("apiVersion: v3.0.") || text.contains("apiVersion: \"v3.0.") {
            Standard::Odcs30
        } else if text.contains("apiVersion: v3.1.") {
            Standard::Odcs31
        } else {
            Standard::Odcs32
        }
    });
    assert_eq!(checked, 17);
}

#[test]
fn every_odcs_example_also_conforms_to_3_2() {
    // 3.2 accepts every earlier 3.x document, as the reference README records.
    let Some(dir) = common::reference() else { return };
    let validator = common::validator(&dir, Standard::Odcs32);
    for file in common::files(&dir, "odcs/examples") {
        assert_eq!(validator.validate(&file, &common::read(&dir, &file)), [], "{file}");
    }
}

#[test]
fn every_bitol_odps_example_conforms() {
    let Some(dir) = common::reference() else { return };
    let checked = assert_all_valid(&dir, "odps/examples", |file| {
        if file.contains("v1.1.0") {
            Standard::Odps11
        } else {
            Standard::Odps10
        }
    });
    assert_eq!(checked, 3);
}

#[test]
fn every_dcs_example_conforms() {
    let Some(dir) = common::reference() else { return };
    assert_eq!(assert_all_valid(&dir, "datacontract-specification/examples", |_| Standard::Dcs12), 7);
}

#[test]
fn dpds_examples() {
    let Some(dir) = common::reference() else { return };
    let ex = "odm-dpds/examples";
    assert_eq!(findings(&dir, &format!("{ex}/tripexecution.data-product-descriptor.json"), Standard::Dpds10), [""; 0]);
    // Upstream's minimal example leaves out `info.name`, which its own schema requires.
    assert_eq!(findings(&dir, &format!("{ex}/minimal.dpd.json"), Standard::Dpds10), ["3:5 /info"]);
    // The port files are fragments a descriptor `$ref`s, not documents of their own.
    assert_not_documents(
        &dir,
        ex,
        &["tripexecution.ports.trip-status-oport.json", "tripexecution.ports.trip-tms-iport.json"],
    );
}

/// The opendataproducts.org examples do not conform to their own 4.1 schema (the reference
/// README records the same with Python's `jsonschema`): `version: 4.1` is a YAML number where
/// the schema wants text; `dataAccess`, `paymentGateways` and the `declarative` blocks are
/// written as objects where the schema wants lists; `dataHolder` lacks `legalName`; values such
/// as `internal` and `recurring` are not in (or not in the case of) the schema's enums; prices
/// are numbers; and the `purpose-*` files are templates full of `{{enum: …}}` placeholders.
#[test]
fn opendataproducts_examples_give_exactly_the_known_findings() {
    let Some(dir) = common::reference() else { return };
    let ex = "opendataproducts-odps-v4/examples";
    let expected: &[(&str, &[&str])] = &[
        ("datacontract-url.yml", &["2:10 /version"]),
        (
            "urbanpulse_basic.yml",
            &[
                "2:10 /version",
                "23:19 /product/details/en/visibility",
                "91:3 /product/dataAccess",
                "172:3 /product/dataHolder",
            ],
        ),
        (
            "urbanpulse_internal.yml",
            &[
                "2:10 /version",
                "23:19 /product/details/en/visibility",
                "51:18 /product/pricingPlans/declarative/en/0/price",
                "53:17 /product/pricingPlans/declarative/en/0/unit",
                "73:18 /product/pricingPlans/declarative/en/1/price",
                "75:17 /product/pricingPlans/declarative/en/1/unit",
                "95:18 /product/pricingPlans/declarative/en/2/price",
                "97:17 /product/pricingPlans/declarative/en/2/unit",
                "200:3 /product/dataAccess",
                "234:3 /product/paymentGateways",
                "328:3 /product/dataHolder",
            ],
        ),
        (
            "purpose-agentic-product.yml",
            &[
                "2:10 /version",
                "8:19 /product/details/en/visibility",
                "9:15 /product/details/en/status",
                "10:13 /product/details/en/type",
                "14:26 /product/details/en/portfolioPriority",
                "15:26 /product/details/en/governanceProfile",
                "27:13 /product/productStrategy/status",
                "35:18 /product/productStrategy/contributesToKPI/direction",
                "48:5 /product/dataQuality/declarative",
                "61:5 /product/SLA/declarative",
                "75:11 /product/contract/type",
                "94:3 /product/dataAccess",
            ],
        ),
        (
            "purpose-analytical-product.yml",
            &[
                "2:10 /version",
                "8:19 /product/details/en/visibility",
                "9:15 /product/details/en/status",
                "10:13 /product/details/en/type",
                "14:26 /product/details/en/portfolioPriority",
                "15:26 /product/details/en/governanceProfile",
                "22:3 /product/dataHolder",
                "30:13 /product/productStrategy/status",
                "38:18 /product/productStrategy/contributesToKPI/direction",
                "49:20 /product/productStrategy/productKPIs/0/direction",
                "54:5 /product/dataQuality/declarative",
                "67:5 /product/SLA/declarative",
                "79:3 /product/dataAccess",
            ],
        ),
    ];
    for (file, known) in expected {
        assert_eq!(findings(&dir, &format!("{ex}/{file}"), Standard::OpenDataProducts41), *known, "{file}");
    }
    // Fragments (one block of a product) are not documents of their own.
    assert_not_documents(&dir, ex, &["dataquality.yml", "productStrategy.yml", "sla.yml"]);
}

#[test]
fn the_opendataproducts_version_finding_reads_well() {
    let Some(dir) = common::reference() else { return };
    let file = "opendataproducts-odps-v4/examples/urbanpulse_basic.yml";
    let found = common::validator(&dir, Standard::OpenDataProducts41).validate(file, &common::read(&dir, file));
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "version: expected a string, found the number 4.1",
            "product.details.en.visibility: \"internal\" is not one of private, invitation, organisation, dataspace, public",
            "product.dataAccess: expected a list, found an object",
            "product.dataHolder: required property \"legalName\" is missing",
        ]
    );
}

#[test]
fn every_schema_compiles_with_its_companions() {
    let Some(dir) = common::reference() else { return };
    for standard in Standard::ALL {
        assert_eq!(common::validator(&dir, standard).standard(), standard);
        assert!(dir.join(standard.schema_file()).is_file(), "{}", standard.schema_file());
        assert!(!standard.schema_file().contains("DRAFT"), "{}", standard.schema_file());
    }
}
