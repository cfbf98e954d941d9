//! French text normalisation (written by the matcher work).
