//! Impact analysis (in progress).
