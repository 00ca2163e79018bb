//! Walking a contract's schema: every property, nested ones included, with a position that
//! formats to a field path (`schema[0].properties[2].items.properties[0]`) only when a rule
//! actually reports something, so clean contracts cost no string building.

use dpstudio_model::{DataContract, Property, SchemaObject};

/// One step below a schema object: the i-th property of a list, or an array's `items`.
#[derive(Debug, Clone, Copy)]
enum Step {
    Property(usize),
    Items,
}

/// Where a property sits inside its contract: the object's position and the steps below it.
/// Formats to a field path only on demand.
pub struct At<'s> {
    pub object: usize,
    steps: &'s [Step],
}

impl At<'_> {
    /// The field path of the property itself.
    pub fn path(&self) -> String {
        let mut path = format!("schema[{}]", self.object);
        for step in self.steps {
            match step {
                Step::Property(i) => path.push_str(&format!(".properties[{i}]")),
                Step::Items => path.push_str(".items"),
            }
        }
        path
    }

    /// True for the first top-level property of an object: where per-object checks run.
    pub fn is_first_in_object(&self) -> bool {
        matches!(self.steps, [Step::Property(0)])
    }

    /// The path of a field of the property, e.g. `at.field("glossary[0]")`.
    pub fn field(&self, name: &str) -> String {
        format!("{}.{name}", self.path())
    }
}

/// Calls `visit` for every named property of every schema object: object properties, their
/// nested properties and the properties of array items, depth first.
pub(crate) fn each_property<'c>(contract: &'c DataContract, mut visit: impl FnMut(&At, &'c SchemaObject, &'c Property)) {
    let mut steps = Vec::new();
    for (o, object) in contract.schema.iter().enumerate() {
        walk(o, object, &object.properties, &mut steps, &mut visit);
    }
}

fn walk<'c>(
    o: usize,
    object: &'c SchemaObject,
    properties: &'c [Property],
    steps: &mut Vec<Step>,
    visit: &mut impl FnMut(&At, &'c SchemaObject, &'c Property),
) {
    for (i, property) in properties.iter().enumerate() {
        steps.push(Step::Property(i));
        visit(&At { object: o, steps }, object, property);
        walk(o, object, &property.properties, steps, visit);
        if let Some(items) = &property.items {
            steps.push(Step::Items);
            walk(o, object, &items.properties, steps, visit);
            steps.pop();
        }
        steps.pop();
    }
}

/// Whether any named property (at any depth) satisfies `test`; stops at the first that does.
pub(crate) fn any_property(contract: &DataContract, test: impl Fn(&Property) -> bool) -> bool {
    fn any(properties: &[Property], test: &impl Fn(&Property) -> bool) -> bool {
        properties.iter().any(|p| {
            test(p) || any(&p.properties, test) || p.items.as_ref().is_some_and(|i| any(&i.properties, test))
        })
    }
    contract.schema.iter().any(|o| any(&o.properties, &test))
}

/// Every quality rule of a contract with its path: contract-level, per object, per property.
pub(crate) fn each_quality_rule<'c>(
    contract: &'c DataContract,
    mut visit: impl FnMut(&dyn Fn() -> String, &'c dpstudio_model::QualityRule),
) {
    for (q, rule) in contract.quality.iter().enumerate() {
        visit(&|| format!("quality[{q}]"), rule);
    }
    for (o, object) in contract.schema.iter().enumerate() {
        for (q, rule) in object.quality.iter().enumerate() {
            visit(&|| format!("schema[{o}].quality[{q}]"), rule);
        }
    }
    each_property(contract, |at, _, property| {
        for (q, rule) in property.quality.iter().enumerate() {
            visit(&|| at.field(&format!("quality[{q}]")), rule);
        }
    });
}
