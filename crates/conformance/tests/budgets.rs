//! Hostile and huge input: large documents stay cheap, over-budget ones give one finding, and
//! nothing panics.

mod common;

use std::fmt::Write;
use std::time::{Duration, Instant};

use dpstudio_conformance::{Severity, Standard, MAX_FINDINGS, MAX_INPUT_BYTES, SYNTAX_RULE};

/// An ODCS 3.2 contract of about `bytes` bytes: many properties, all valid except the last,
/// whose `logicalType` is `text`. Returns the text and the line of that value.
fn big_contract(bytes: usize) -> (String, u32) {
    let mut text = String::from("apiVersion: v3.2.0\nkind: DataContract\nid: big\nversion: 1.0.0\nstatus: active\nschema:\n  - name: big\n    properties:\n");
    let mut i = 0;
    while text.len() < bytes {
        let _ = write!(
            text,
            "      - name: column_{i}\n        logicalType: string\n        description: \"{}\"\n",
            "x".repeat(200)
        );
        i += 1;
    }
    text.push_str("      - name: last\n        logicalType: text\n");
    let line = u32::try_from(text.lines().count()).unwrap();
    (text, line)
}

#[test]
fn a_ten_megabyte_document_is_checked_and_placed() {
    let Some(dir) = common::reference() else { return };
    let validator = common::validator(&dir, Standard::Odcs32);
    let (text, line) = big_contract(10 * 1024 * 1024);
    let started = Instant::now();
    let findings = validator.validate("big.odcs.yaml", &text);
    let took = started.elapsed();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!((findings[0].line, findings[0].column), (line, 22), "{findings:#?}");
    // Generous even for an unoptimised build on a busy machine; it guards against blow-ups.
    assert!(took < Duration::from_secs(120), "took {took:?}");
    eprintln!("10 MB document: {} bytes checked in {took:?}", text.len());
}

#[test]
fn an_oversized_document_is_one_finding() {
    let Some(dir) = common::reference() else { return };
    let validator = common::validator(&dir, Standard::Odcs32);
    let text = "#".repeat(MAX_INPUT_BYTES + 1);
    let findings = validator.validate("huge.yaml", &text);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, SYNTAX_RULE.id);
    assert!(findings[0].message.contains("at most 16 MB"), "{}", findings[0].message);
}

#[test]
fn deep_nesting_and_alias_bombs_are_one_finding() {
    let Some(dir) = common::reference() else { return };
    let validator = common::validator(&dir, Standard::Odcs32);
    let deep_block = (0..200).fold(String::new(), |mut s, i| {
        let _ = writeln!(s, "{}k:", " ".repeat(i * 2));
        s
    });
    let deep_flow = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (prev, name) in ('a'..='q').zip('b'..='r') {
        let _ = writeln!(bomb, "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]");
    }
    for text in [deep_block, deep_flow, bomb] {
        let started = Instant::now();
        let findings = validator.validate("hostile.yaml", &text);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].rule, SYNTAX_RULE.id, "{}", findings[0].message);
        let took = started.elapsed();
        eprintln!("hostile input of {} bytes refused in {took:?}", text.len());
        assert!(took < Duration::from_secs(10), "{took:?}");
    }
}

#[test]
fn findings_stop_at_the_cap_with_a_note() {
    let Some(dir) = common::reference() else { return };
    let validator = common::validator(&dir, Standard::Odcs32);
    let mut text = String::from("apiVersion: v3.2.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\nschema:\n  - name: t\n    properties:\n");
    for i in 0..(MAX_FINDINGS + 50) {
        let _ = writeln!(text, "      - name: c{i}\n        logicalType: text");
    }
    let findings = validator.validate("many.yaml", &text);
    assert_eq!(findings.len(), MAX_FINDINGS + 1);
    let note = findings.last().unwrap();
    assert_eq!(note.severity, Severity::Info);
    assert!(note.message.contains("only the first 200"), "{}", note.message);
}

#[test]
fn arbitrary_bytes_never_panic() {
    let Some(dir) = common::reference() else { return };
    let validator = common::validator(&dir, Standard::Dcs12);
    let samples = [
        "\u{feff}dataContractSpecification: 1.2.1",
        "---\n---\n",
        "? [a]\n: b\n",
        "*unknown",
        "!!binary aGVsbG8=",
        "a: !!int x",
        "\t- x",
        "\"\\u00\"",
        "- - - - -",
        "{a: 1, a: 2}",
        "x: .nan\ny: -.inf",
        "1: one\n~: none\n",
        "models:\n  ? [complex, key]\n  : {fields: 3}\n",
        "&a a: *a",
        "- &x {a: *x}",
    ];
    for text in samples {
        let _ = validator.validate("fuzz.yaml", text);
        let _ = Standard::detect(text);
    }
}
