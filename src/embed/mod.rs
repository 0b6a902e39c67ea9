//! Finding host elements and mounting viewers (filled in below).
