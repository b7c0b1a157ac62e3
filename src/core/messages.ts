// Every user-facing warning and error text lives here, so wording is
// consistent, reviewable in one place, and never built from markup.
// Each section belongs to one part of the engine; add to your own section.

// ---- Published distributions: flags and format errors ----------------------

// ---- Reading files: encodings, delimiters, shapes, CSV errors ---------------

// ---- Respondent data: crosstabs and statistics ------------------------------

// ---- Views and links ---------------------------------------------------------
