//! Definition files: reading YAML text into located nodes (authoring only).

pub mod node;
pub mod yaml;

pub use node::{Node, NodeValue, Position, ScalarStyle};
pub use yaml::{Limits, YamlError, read_documents};
