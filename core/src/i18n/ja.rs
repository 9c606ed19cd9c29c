//! ja.

use super::en::K;

pub(crate) const JA: &[(K, &str)] = &[];
