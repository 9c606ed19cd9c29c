//! de.

use super::en::K;

pub(crate) const DE: &[(K, &str)] = &[];
