//! Walking a contract's schema: every property, nested ones included, with a position that
//! formats to a field path (`schema[0].properties[2].items.properties[0]`) only when a rule
//! actually reports something, so clean contracts cost no string building.

use dpstudio_model::{DataContract, Property, SchemaObject};

/// One step below a schema object: the i-th property of a list, or an array's `items`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step {
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

    /// The property's position in its object's list, for a top-level property.
    pub(crate) fn top_level(&self) -> Option<usize> {
        match self.steps {
            [Step::Property(i)] => Some(*i),
            _ => None,
        }
    }

    /// The path of a field of the property, e.g. `at.field("glossary[0]")`.
    pub fn field(&self, name: &str) -> String {
        format!("{}.{name}", self.path())
    }
}

/// The steps from a schema object down to the property being visited. Schemas are rarely
/// more than a few levels deep, so the first levels are kept inline: a full check walks every
/// contract, and an allocation per contract is a cost WASM feels.
pub(crate) struct Steps {
    inline: [Step; INLINE_STEPS],
    len: usize,
    /// All steps, once the walk goes deeper than the inline array.
    deeper: Vec<Step>,
}

const INLINE_STEPS: usize = 8;

impl Steps {
    pub(crate) fn new() -> Self {
        Steps { inline: [Step::Items; INLINE_STEPS], len: 0, deeper: Vec::new() }
    }

    // Always inlined: called twice per property (see `bytes.rs` on the size-tuned build).
    #[inline(always)]
    fn push(&mut self, step: Step) {
        if self.deeper.is_empty() {
            if let Some(slot) = self.inline.get_mut(self.len) {
                *slot = step;
                self.len += 1;
                return;
            }
            self.deeper.extend_from_slice(&self.inline);
        }
        self.deeper.push(step);
    }

    #[inline(always)]
    fn pop(&mut self) {
        if self.deeper.is_empty() {
            self.len = self.len.saturating_sub(1);
        } else {
            self.deeper.pop();
            if self.deeper.len() <= INLINE_STEPS {
                // Back within the inline array, which still holds these steps.
                self.len = self.deeper.len();
                self.deeper.clear();
            }
        }
    }

    #[inline(always)]
    fn as_slice(&self) -> &[Step] {
        if self.deeper.is_empty() {
            self.inline.get(..self.len).unwrap_or_default()
        } else {
            &self.deeper
        }
    }
}

/// Calls `visit` for every named property of every schema object: object properties, their
/// nested properties and the properties of array items, depth first.
pub(crate) fn each_property<'c>(contract: &'c DataContract, mut visit: impl FnMut(&At, &'c SchemaObject, &'c Property)) {
    let mut steps = Steps::new();
    for (o, object) in contract.schema.iter().enumerate() {
        walk(o, object, &object.properties, &mut steps, &mut visit);
    }
}

fn walk<'c>(
    o: usize,
    object: &'c SchemaObject,
    properties: &'c [Property],
    steps: &mut Steps,
    visit: &mut impl FnMut(&At, &'c SchemaObject, &'c Property),
) {
    for (i, property) in properties.iter().enumerate() {
        steps.push(Step::Property(i));
        visit(&At { object: o, steps: steps.as_slice() }, object, property);
        // Most properties have no nested ones: no call for an empty list.
        if !property.properties.is_empty() {
            walk(o, object, &property.properties, steps, visit);
        }
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

#[cfg(test)]
mod tests {
    use super::{Step, Steps};

    fn indices(steps: &[Step]) -> Vec<usize> {
        steps.iter().map(|s| if let Step::Property(i) = s { *i } else { usize::MAX }).collect()
    }

    /// Deeper than the inline array and back, in a zigzag: always the same steps as a plain
    /// stack would hold.
    #[test]
    fn steps_act_as_a_stack_at_any_depth() {
        let mut steps = Steps::new();
        let mut model: Vec<Step> = Vec::new();
        for round in 0..3 {
            for i in 0..20 {
                steps.push(Step::Property(round * 100 + i));
                model.push(Step::Property(round * 100 + i));
                assert_eq!(indices(steps.as_slice()), indices(&model));
            }
            for _ in 0..(13 + round) {
                steps.pop();
                model.pop();
                assert_eq!(indices(steps.as_slice()), indices(&model));
            }
        }
        while !model.is_empty() {
            steps.pop();
            model.pop();
            assert_eq!(indices(steps.as_slice()), indices(&model));
        }
    }
}
